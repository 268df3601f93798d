/* grid.c — the grid path's driver: the grids that stand in the tables'
 * area read (grid_sheet), their data rows matched to schema rows by label
 * (grid_rows), labels that deviate recorded, the cells filled under the
 * columns their headers name (grid_cols, grid_fill). A table no grid holds
 * (typed as paragraphs, or a grid the reader could not make), or whose
 * headers name none of its columns, is read from the text as a text
 * report's is, and only that table taken from it. */
#include "extract/grid.h"
#include "base/err.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Row labels that differ from the standard wording, as the text's are. */
static int record_row_labels(gdoc *D)
{
    const nb_schema *s = D->r->schema;
    for (size_t i = 0; i < D->nrows; i++) {
        const gdrow *w = &D->rows[i];
        if (w->row < 0)
            continue;
        nb_ustr u;
        gx_row_label(D, w, &u);
        if (nb_ustr_eq(&u, &D->L->rows[w->row]))
            continue;
        char buf[512];
        size_t off;
        gx_row_label_text(D, w, buf, sizeof buf, &off);
        if (nb_report_add_label(D->r, s->rows[w->row].id, buf, strlen(buf), s->rows[w->row].label, off) != 0)
            return -1;
    }
    return 0;
}

/* What the grid path saw, for whoever debugs a document (NIANBAO_TRACE=1). */
static void trace_rows(FILE *f, const gdoc *D)
{
    fprintf(f, "%s: %d grids in the tables' area, %zu data rows\n", D->r->doc.path, D->nsh, D->nrows);
    for (size_t i = 0; i < D->nrows; i++) {
        const gdrow *w = &D->rows[i];
        char buf[512];
        size_t off;
        gx_row_label_text(D, w, buf, sizeof buf, &off);
        const char *id = w->row >= 0 ? D->r->schema->rows[w->row].id : w->cand >= 0 ? "(not taken)" : "-";
        fprintf(f, "  table %d row %d: '%s' %s %.2f\n", D->sh[w->sheet].g->table_no, w->r + 1, buf, id, w->sim);
    }
}

/* Read the grids that stand in the tables' area. */
static int read_sheets(gdoc *D)
{
    const nb_doc *d = &D->r->doc;
    D->sh = calloc((size_t)d->ngrids + 1, sizeof *D->sh);
    if (!D->sh)
        return -1;
    for (int i = 0; i < d->ngrids; i++) {
        const nb_grid *g = &d->grids[i];
        if (g->end <= D->ar.start || g->off >= D->ar.end || !g->nrows || !g->ncols)
            continue;
        if (gx_sheet_read(D, D->nsh++, g) != 0)
            return -1;
    }
    return 0;
}

static void gdoc_free(gdoc *D)
{
    for (int i = 0; i < D->nsh; i++)
        gx_sheet_free(&D->sh[i]);
    free(D->sh);
    free(D->lab);
    free(D->rows);
}

/* The tables (bit 1 << NB_T2 …) some row of which was found. */
static unsigned tables_found(const nb_report *r)
{
    unsigned m = 0;
    for (int k = 0; k < r->schema->nrows && k < 64; k++)
        if (r->rows_found[k])
            m |= 1u << r->schema->rows[k].table;
    return m;
}

/* The table a label's ID names ("t3.new", "t2.*.repealed": NB_T2 …), or 0
 * (a heading's or the period's wording). */
static int label_table(const char *id)
{
    return id[0] == 't' && id[1] >= '0' + NB_T2 && id[1] <= '0' + NB_T4 && id[2] == '.' ? id[1] - '0' : 0;
}

/* Tables whose rows were found but none of whose cells was (headers that
 * name no column): given up, their rows and labels dropped, for the text
 * to read them. */
static void give_up_empty_tables(nb_report *r)
{
    const nb_schema *sc = r->schema;
    unsigned cells = 0;
    for (int ci = 0; ci < r->ncells; ci++) {
        int row, col;
        nb_schema_cell_pos(sc, ci, &row, &col);
        if (r->cells[ci].has_span)
            cells |= 1u << sc->rows[row].table;
    }
    unsigned drop = tables_found(r) & ~cells;
    for (int k = 0; k < sc->nrows && k < 64; k++)
        if (drop & 1u << sc->rows[k].table)
            r->rows_found[k] = 0;
    int n = 0;
    for (int i = 0; i < r->nlabels; i++) {
        int t = label_table(r->labels[i].id);
        if (t && drop & 1u << t)
            free(r->labels[i].found);
        else
            r->labels[n++] = r->labels[i];
    }
    r->nlabels = n;
}

/* Take the rows and labels of tables `want` from s, read from the text. */
static int take_tables(nb_report *r, const nb_report *s, unsigned want)
{
    const nb_schema *sc = r->schema;
    for (int k = 0; k < sc->nrows && k < 64; k++) {
        if (!(want & 1u << sc->rows[k].table))
            continue;
        int c0 = nb_schema_first_cell(sc, k);
        memcpy(&r->cells[c0], &s->cells[c0], (size_t)sc->rows[k].ncols * sizeof *r->cells);
        r->rows_found[k] = s->rows_found[k];
    }
    for (int i = 0; i < s->nlabels; i++) {
        const nb_label *l = &s->labels[i];
        int t = label_table(l->id);
        if (t && (want & 1u << t) &&
            nb_report_add_label(r, l->id, l->found, strlen(l->found), l->standard, l->off) != 0)
            return -1;
    }
    for (int i = 0; i < s->nextras; i++)
        if ((want & 1u << s->extras[i].table) && nb_report_add_extra(r, &s->extras[i]) != 0)
            return -1;
    return 0;
}

/* Tables `want`, no grid of which was found, from the text. */
static int from_text(nb_report *r, const lexicon *L, const nb_ctx *ctx, const area *ar, ex_text_fn text, unsigned want,
                     nb_err *err)
{
    const char *oom = nb_tr(ctx->lang, "%s: out of memory", "%s：内存不足");
    nb_report s = *r;
    s.cells = calloc((size_t)r->ncells + 1, sizeof *s.cells);
    s.labels = NULL;
    s.nlabels = 0;
    s.labels_cap = 0;
    s.extras = NULL;
    s.nextras = 0;
    s.extras_cap = 0;
    memset(s.rows_found, 0, sizeof s.rows_found);
    if (!s.cells)
        return nb_err_set(err, NB_E_NOMEM, oom, r->doc.path);
    int rc = text(&s, L, ctx, ar, err);
    if (rc == 0 && take_tables(r, &s, want) != 0)
        rc = nb_err_set(err, NB_E_NOMEM, oom, r->doc.path);
    for (int i = 0; i < s.nlabels; i++)
        free(s.labels[i].found);
    free(s.labels);
    free(s.extras);
    free(s.cells);
    return rc;
}

int ex_grid_tables(nb_report *r, const lexicon *L, const nb_ctx *ctx, const area *ar, ex_text_fn text, nb_err *err)
{
    gdoc D;
    memset(&D, 0, sizeof D);
    D.r = r;
    D.L = L;
    D.memo = ctx->label_memo;
    D.t = r->doc.text;
    D.ar = *ar;
    int rc = read_sheets(&D) == 0 && gx_link_continued(&D) == 0 && gx_match_rows(&D) == 0 &&
                     record_row_labels(&D) == 0
                 ? 0
                 : -1;
    if (rc == 0)
        gx_fill(&D);
    if (rc == 0 && gx_record_extras(&D) != 0)
        rc = -1;
    if (rc == 0 && ctx->trace)
        trace_rows(ctx->trace, &D);
    if (rc != 0 || D.oom) {
        gdoc_free(&D);
        return nb_err_set(err, NB_E_NOMEM, nb_tr(ctx->lang, "%s: out of memory", "%s：内存不足"), r->doc.path);
    }
    gdoc_free(&D);
    give_up_empty_tables(r);
    unsigned all = 1u << NB_T2 | 1u << NB_T3 | 1u << NB_T4, found = tables_found(r);
    if (found == all)
        return 0;
    return from_text(r, L, ctx, ar, text, all & ~found, err);
}
