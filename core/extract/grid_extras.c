/* grid_extras.c — what the grids' tables hold beyond the template, recorded
 * as the text's are (extract/extras.c) for STRUCT.EXTRA and FORMAT.OUTDATED:
 * rows with figures that no schema row takes (小计, 合计; in a 2021 report
 * the 2019 layout's 政府集中采购 and 其他对外管理服务事项), T3's columns of
 * subtotals, a （六）其他处理 with figures of its own beside it, the one
 * （六）其他处理 row of the one-other-row variant; and T2's fee unit, which
 * is read from the text either way. */
#include "extract/grid.h"
#include "base/utf8.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/label.h"

#include <string.h>

#define MAXRC 256 /* cells of a row looked at */

static const char *const totals[] = {"小计", "合计"};
/* The 2019 layout's rows a 2021 one may keep (nb_extra.old_row 1, 2). */
static const char *const old_rows[] = {"政府集中采购", "其他对外管理服务事项"};

static int add_extra(nb_report *r, size_t off, size_t len, int table, int column, int old_row)
{
    nb_extra x = {off, len, table, column, old_row};
    return nb_report_add_extra(r, &x);
}

/* Does cell k of sheet si hold text with word in it? */
static int text_has(const gdoc *D, int si, int k, const char *word)
{
    const gsheet *s = &D->sh[si];
    return s->kind[k] == GK_TEXT && nb_find(D->t + s->off[k], s->len[k], word, strlen(word));
}

/* The cells that start in row r of sheet si, left to right; how many. */
static int starting_cells(const gdoc *D, int si, int r, int *out)
{
    int cells[MAXRC], n = gx_row_cells(D->sh[si].g, r, cells, MAXRC), m = 0;
    for (int i = 0; i < n; i++)
        if (D->sh[si].g->cells[cells[i]].row == r)
            out[m++] = cells[i];
    return m;
}

/* An unmatched row with figures: a subtotal, or a row of the 2019 layout. */
static int extra_row(gdoc *D, const gdrow *w)
{
    int cells[MAXRC], n = starting_cells(D, w->sheet, w->r, cells), value = 0;
    for (int i = 0; i < n; i++)
        value |= D->sh[w->sheet].kind[cells[i]] == GK_VALUE;
    if (!value)
        return 0;
    int table = w->at < D->ar.t3s ? NB_T2 : NB_T3;
    const gsheet *s = &D->sh[w->sheet];
    for (int i = 0; i < n; i++) {
        int k = cells[i], old = 0, hit = text_has(D, w->sheet, k, totals[0]) || text_has(D, w->sheet, k, totals[1]);
        for (int o = 0; o < 2 && !hit && D->r->format == 2021; o++)
            if (text_has(D, w->sheet, k, old_rows[o]))
                hit = old = o + 1;
        if (hit)
            return add_extra(D->r, s->off[k], s->len[k], table, 0, old);
    }
    return 0;
}

/* In a 2021 report's T3, （六）其他处理 with a value right beside it: the
 * 2019 layout's row with figures of its own. */
static int other_with_figures(gdoc *D, const gdrow *w)
{
    static const uint32_t word[] = {0x5176, 0x4ED6, 0x5904, 0x7406}; /* 其他处理 */
    int cells[MAXRC], n = starting_cells(D, w->sheet, w->r, cells);
    const gsheet *s = &D->sh[w->sheet];
    for (int i = 0; i + 1 < n; i++) {
        const glabel *l = gx_label(D, w->sheet, cells[i]);
        if (!l || l->u.n != 4 || memcmp(l->u.c, word, sizeof word))
            continue;
        int j = i + 1;
        while (j < n && s->kind[cells[j]] == GK_EMPTY)
            j++;
        if (j < n && s->kind[cells[j]] == GK_VALUE)
            return add_extra(D->r, s->off[cells[i]], s->len[cells[i]], NB_T3, 0, 3);
    }
    return 0;
}

/* T3's header cells of subtotal columns (法人或其他组织小计). */
static int extra_columns(gdoc *D, int si)
{
    const gsheet *s = &D->sh[si];
    for (int r = 0; r < s->g->nrows; r++) {
        int cells[MAXRC], n = starting_cells(D, si, r, cells);
        for (int i = 0; i < n && s->cls[r] == GR_HEADER; i++) {
            int k = cells[i];
            if (s->off[k] < D->ar.t3s || s->off[k] >= D->ar.t3e)
                continue;
            if ((text_has(D, si, k, totals[0]) || text_has(D, si, k, totals[1])) &&
                add_extra(D->r, s->off[k], s->len[k], NB_T3, 1, 0) != 0)
                return -1;
        }
    }
    return 0;
}

int gx_record_extras(gdoc *D)
{
    if (D->ar.t3e <= D->ar.t2s)
        return 0;
    ex_fee_unit_label(D->r, &D->ar);
    int variant = D->r->schema->variant == NB_VARIANT_ONE_OTHER;
    int other = variant ? nb_schema_find_row(D->r->schema, "t3.other") : -1;
    for (size_t i = 0; i < D->nrows; i++) {
        const gdrow *w = &D->rows[i];
        if (w->at < D->ar.t2s || w->at >= D->ar.t3e)
            continue;
        int rc = 0;
        if (w->row < 0)
            rc = extra_row(D, w);
        if (rc == 0 && w->row == other && other >= 0 && w->label >= 0)
            rc = add_extra(D->r, D->sh[w->sheet].off[w->label], D->sh[w->sheet].len[w->label], NB_T3, 0, 3);
        else if (rc == 0 && !variant && D->r->format == 2021 && w->at >= D->ar.t3s)
            rc = other_with_figures(D, w);
        if (rc != 0)
            return -1;
    }
    for (int si = 0; si < D->nsh; si++)
        if (extra_columns(D, si) != 0)
            return -1;
    return 0;
}
