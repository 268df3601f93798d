/* grid_cols.c — what a grid column is, from the header cells over it read
 * top to bottom (申请人情况 › 法人或其他组织 › 商业企业): the deepest that is
 * one of the row's columns in the standard wording, or near it. T4 has no
 * row labels: its rows are named by headers too (行政诉讼 › 复议后起诉 ›
 * 结果维持). A grid without header rows (a table broken over a page and not
 * joined) is read under the last header band of the grid before it, its
 * columns matched to that grid's by their number or by the order of their
 * values. Headers near a column's wording but not it are recorded as the
 * text's are (LABEL.DEVIATES, by extract/labels.c). */
#include "extract/grid.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdio.h>
#include <string.h>

#define NEAR_COL 0.6 /* a header this near a column's wording names it */

/* Is the cell at row r, column c of sheet s a text cell? */
static int is_text_at(const gsheet *s, int r, int c)
{
    int k = s->g->at[r * s->g->ncols + c];
    return k >= 0 && s->kind[k] == GK_TEXT;
}

/* The header cell over column c in row r of a band ending before h1: its
 * own text cell; else, when a row below it in the band has a header of
 * its own at c, the nearest text cell to its left across empty cells — a
 * group header (行政复议, 法人或其他组织) whose span was lost, its columns
 * written as empty cells (web pages and converters do so). -1 none. */
static int header_over(const gsheet *s, int r, int h1, int c)
{
    const nb_grid *g = s->g;
    if (is_text_at(s, r, c))
        return g->at[r * g->ncols + c];
    int below = 0;
    for (int rb = r + 1; rb < h1 && !below; rb++)
        below = is_text_at(s, rb, c);
    for (int x = c - 1; below && x >= 0; x--) {
        int k = g->at[r * g->ncols + x];
        if (k >= 0 && s->kind[k] == GK_TEXT)
            return k;
        if (k >= 0 && s->kind[k] != GK_EMPTY)
            break;
    }
    return -1;
}

/* The text cells over column c in header rows [h0, h1) of sheet si. */
static void band_path(const gdoc *D, int si, int h0, int h1, int c, gpath *p)
{
    const gsheet *s = &D->sh[si];
    const nb_grid *g = s->g;
    if (c < 0 || c >= g->ncols)
        return;
    for (int r = h0; r < h1 && p->n < GMAXPATH; r++) {
        int k = header_over(s, r, h1, c);
        if (k < 0 || (p->n && p->c[p->n - 1].sheet == si && p->c[p->n - 1].cell == k))
            continue;
        p->c[p->n++] = (gref){si, k};
    }
}

/* The last header band of sheet si: [*h0, *h1). */
static void last_band(const gsheet *s, int *h0, int *h1)
{
    int lr = s->g->nrows - 1;
    *h0 = lr >= 0 ? s->h0[lr] : 0;
    *h1 = lr >= 0 ? s->h1[lr] : 0;
}

void gx_path(const gdoc *D, int si, int r, int c, gpath *p)
{
    const gsheet *s = &D->sh[si];
    p->n = 0;
    if (s->h0[r] < s->h1[r]) {
        band_path(D, si, s->h0[r], s->h1[r], c, p);
        return;
    }
    if (s->from < 0 || c < 0 || c >= s->g->ncols || s->colmap[c] < 0)
        return;
    int h0, h1;
    last_band(&D->sh[s->from], &h0, &h1);
    band_path(D, s->from, h0, h1, s->colmap[c], p);
}

/* The normal form of column key of table t, or NULL. */
static const nb_ustr *col_norm(const lexicon *L, int t, const char *key)
{
    for (int k = 0; k < L->ncols; k++)
        if (L->cols[k].table == t && !strcmp(L->cols[k].key, key))
            return &L->cols[k].norm;
    return NULL;
}

/* The one column of schema row `row` whose wording holds u, at least half
 * of it (维持 of 结果维持, 其他 of 其他结果: a header shortened), or -1. */
static int shortened_col(const lexicon *L, int row, const nb_ustr *u)
{
    const nb_row *rw = &L->s->rows[row];
    int found = -1;
    for (int c = 0; c < rw->ncols && u->n >= 2; c++) {
        const nb_ustr *w = col_norm(L, rw->table, rw->cols[c].key);
        if (!w || 2 * u->n < w->n || !nb_ustr_contains(w, u))
            continue;
        if (found >= 0)
            return -1;
        found = c;
    }
    return found;
}

/* The column of schema row `row` that u is (1.0) or is nearest, or the one
 * it is shortened from (NEAR_COL); -1 none. */
static int nearest_col(const lexicon *L, int row, const nb_ustr *u, double *best)
{
    const nb_row *rw = &L->s->rows[row];
    int bc = -1;
    *best = 0;
    for (int c = 0; c < rw->ncols; c++) {
        const nb_ustr *w = col_norm(L, rw->table, rw->cols[c].key);
        if (w && nb_ustr_eq(w, u)) {
            *best = 1.0;
            return c;
        }
    }
    for (int c = 0; c < rw->ncols; c++) {
        const nb_ustr *w = col_norm(L, rw->table, rw->cols[c].key);
        double s = w ? nb_sim(w, u) : 0;
        if (s > *best) {
            *best = s;
            bc = c;
        }
    }
    if (*best >= NEAR_COL)
        return bc;
    bc = shortened_col(L, row, u);
    if (bc >= 0)
        *best = NEAR_COL;
    return bc;
}

int gx_path_col(const gdoc *D, const gpath *p, int row, gref *by)
{
    for (int i = p->n - 1; i >= 0; i--) {
        const glabel *l = gx_label(D, p->c[i].sheet, p->c[i].cell);
        double sim;
        int c = l ? nearest_col(D->L, row, &l->u, &sim) : -1;
        if (c >= 0) {
            *by = p->c[i];
            return c;
        }
    }
    return -1;
}

/* The T4 row label u is or is nearest (0.6), or -1. */
static int t4_row_of(const lexicon *L, const nb_ustr *u)
{
    int best = -1;
    double bs = NEAR_COL;
    for (int r = 0; r < L->s->nrows && r < MAXROWS; r++) {
        if (L->s->rows[r].table != NB_T4)
            continue;
        if (nb_ustr_eq(&L->rows[r], u))
            return r;
        double s = nb_sim(&L->rows[r], u);
        if (s >= bs) {
            bs = s;
            best = r;
        }
    }
    return best;
}

int gx_t4_row(const gdoc *D, const gdrow *w, const gpath *p)
{
    int cells[256], n = gx_row_cells(D->sh[w->sheet].g, w->r, cells, 256);
    for (int i = n - 1; i >= 0; i--) {
        const glabel *l = gx_label(D, w->sheet, cells[i]);
        int r = l ? t4_row_of(D->L, &l->u) : -1;
        if (r >= 0)
            return r;
    }
    for (int i = p->n - 1; i >= 0; i--) {
        const glabel *l = gx_label(D, p->c[i].sheet, p->c[i].cell);
        int r = l ? t4_row_of(D->L, &l->u) : -1;
        if (r >= 0)
            return r;
    }
    return -1;
}

/* ------------------------------------------------------------ continued grids */

/* Does sheet si have data rows read under no header band? */
static int has_bare_rows(const gsheet *s)
{
    for (int r = 0; r < s->g->nrows; r++)
        if (s->cls[r] == GR_DATA && s->h0[r] == s->h1[r])
            return 1;
    return 0;
}

/* The columns values start in, in order, over data rows with (band 1) or
 * without (band 0) a header band; how many (at most cap). */
static int value_columns(const gsheet *s, int band, int *out, int cap)
{
    int n = 0;
    for (int c = 0; c < s->g->ncols && n < cap; c++) {
        int any = 0;
        for (int r = 0; r < s->g->nrows && !any; r++) {
            if (s->cls[r] != GR_DATA || (s->h0[r] < s->h1[r]) != band)
                continue;
            int k = s->g->at[r * s->g->ncols + c];
            any = k >= 0 && s->g->cells[k].col == c && (s->kind[k] == GK_VALUE || s->kind[k] == GK_EMPTY);
        }
        if (any)
            out[n++] = c;
    }
    return n;
}

/* Sheet si continues sheet o: map its columns onto o's, by their number
 * when the two have as many, else by the order of the columns values
 * start in. */
static void map_columns(gsheet *s, const gsheet *o)
{
    int nc = s->g->ncols;
    for (int c = 0; c < nc; c++)
        s->colmap[c] = o->g->ncols == nc ? c : -1;
    if (o->g->ncols == nc)
        return;
    int a[256], b[256];
    int na = value_columns(s, 0, a, 256), nb = value_columns(o, 1, b, 256);
    if (na != nb)
        return;
    for (int i = 0; i < na; i++)
        s->colmap[a[i]] = b[i];
}

int gx_link_continued(gdoc *D)
{
    for (int si = 1; si < D->nsh; si++) {
        gsheet *s = &D->sh[si];
        const gsheet *o = &D->sh[si - 1];
        if (!has_bare_rows(s))
            continue;
        int h0, h1;
        last_band(o, &h0, &h1);
        if (h0 < h1) {
            s->from = si - 1;
            map_columns(s, o);
        } else if (o->from >= 0 && o->g->ncols == s->g->ncols) {
            s->from = o->from; /* a third page of the same table */
            memcpy(s->colmap, o->colmap, (size_t)s->g->ncols * sizeof *s->colmap);
        }
    }
    return 0;
}

/* ------------------------------------------------------------ deviating headers */

/* A header near one column's standard wording but not it, recorded as the
 * text's headers are (extract/labels.c). */
void gx_note_header(gdoc *D, int table, gref by)
{
    const glabel *l = gx_label(D, by.sheet, by.cell);
    if (!l || l->header)
        return; /* a header word of the standard */
    const gsheet *s = &D->sh[by.sheet];
    assembly A;
    memset(&A, 0, sizeof A);
    A.L = D->L;
    A.t = D->t;
    ex_check_header_text(D->r, &A, table, s->off[by.cell], s->len[by.cell]);
}
