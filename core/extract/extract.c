/* extract.c — the standard tables: from the text between the 主动公开 heading
 * and the 存在的主要问题 heading to cells under canonical IDs. The driver; each
 * stage has its own file (internal.h lists them):
 *
 *  1. find the table area and tokenise it line by line into text, value and
 *     empty cells (tab rows, one cell per line, pipe and box tables,
 *     space-aligned text, and text with cells run together);
 *  2. classify text: a row label, a column header, or a merged group heading;
 *  3. assemble rows: a label (joined from wrapped fragments) and its values;
 *  4. match rows to the schema: T2 by label, T3 by an ordered alignment that
 *     lets unlabelled rows fill the gaps between labelled ones, T4 by shape;
 *  5. fill the cells, splitting run-together digits with the table's own
 *     sums (and T3's sums across rows); never guess;
 *  6. record labels that deviate from the standard wording, and rows and
 *     columns the template does not have.
 *
 * A structured document (docx, html, pdf, doc) brings its tables as grids:
 * those are read by the grid path (grid.h) instead, by their labels. */
#include "extract/extract.h"
#include "extract/internal.h"
#include "extract/grid.h"
#include "base/err.h"
#include "model/report.h"

#include <stdlib.h>

#define MAXFILLS 64

/* Cells of the matched rows, T3 readings chosen across rows, T3's columns
 * in the order its header states; 0 or -1 (no memory). */
static int fill_cells(nb_report *r, assembly *A, int t4_group)
{
    rowfill fills[MAXFILLS];
    int nfill = ex_fill_rows(r, A, t4_group, fills, MAXFILLS);
    ex_t3_resolve(r, A, fills, nfill);
    ex_order_t3_columns(r, A, fills, nfill);
    for (int f = 0; f < nfill; f++)
        free(fills[f].rd);
    return A->oom ? -1 : 0;
}

/* The tables read from the text, as laid out. */
static int extract_text(nb_report *r, const lexicon *L, const nb_ctx *ctx, const area *arp, nb_err *err)
{
    const area ar = *arp;
    nb_memo *M = ctx->label_memo;
    const char *oom = nb_tr(ctx->lang, "%s: out of memory", "%s：内存不足");
    tokv tv = {0};
    int cells_mode = 0;
    ex_tokenize_area(r, &ar, &tv, &cells_mode);
    if (!tv.oom)
        ex_classify_tokens(M, L, r->doc.text, &tv);
    if (tv.oom) {
        ex_tokv_free(&tv);
        return nb_err_set(err, NB_E_NOMEM, oom, r->doc.path);
    }
    assembly A = {0};
    A.L = L;
    A.memo = M;
    A.t = r->doc.text;
    A.norm = tv.norm;
    A.npool = tv.pool;
    A.texts = tv.texts;
    A.ntexts = tv.ntexts;
    A.texts_listed = tv.n > 0 && !tv.texts_lost;
    ex_assemble(&A, tv.v, tv.n, cells_mode);
    r->tables_cut = tv.full || A.full;
    if (ctx->trace)
        ex_trace(ctx->trace, r, &tv, &A, cells_mode);
    int rc = 0;
    if (A.oom) {
        rc = nb_err_set(err, NB_E_NOMEM, oom, r->doc.path);
        goto out;
    }
    ex_match_t2(r, &A, &ar);
    ex_match_t3(r, &A, &ar);
    int t4g;
    ex_match_t4(r, &A, &ar, &t4g);
    if (fill_cells(r, &A, t4g) != 0) {
        rc = nb_err_set(err, NB_E_NOMEM, oom, r->doc.path);
        goto out;
    }
    ex_record_row_labels(r, &A);
    ex_record_header_labels(r, &A, tv.v, tv.n, &ar);
    if (ex_record_extras(r, &A, tv.v, tv.n, &ar) != 0)
        rc = nb_err_set(err, NB_E_NOMEM, oom, r->doc.path);
out:
    free(A.cols);
    free(A.heads);
    free(A.g);
    free(A.vals);
    free(A.lab);
    ex_tokv_free(&tv);
    return rc;
}

/* The label memo of a context: room for this many entries (a power of
 * two, at most half of them used) and this many bytes of keys and answers. */
#define LABEL_MEMO_SLOTS 2048
#define LABEL_MEMO_ARENA (256 * 1024)

void *nb_label_memo_new(void)
{
    return nb_memo_new(LABEL_MEMO_SLOTS, LABEL_MEMO_ARENA);
}

void nb_label_memo_free(void *memo)
{
    nb_memo_free(memo);
}

int nb_extract_tables(nb_report *r, const nb_ctx *ctx, nb_err *err)
{
    area ar;
    ex_find_area(r, &ar);
    if (ex_choose_variant(r, &ar) != 0)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(ctx->lang, "%s: out of memory", "%s：内存不足"), r->doc.path);
    const lexicon *L = ctx->lex[r->format == 2019 ? 1 : r->schema->variant == NB_VARIANT_ONE_OTHER ? 2 : 0];
    /* from the 主动公开 heading to the 复议 heading: only tables, when both are there */
    if (r->sec[NB_SEC_ACTIVE].present && r->sec[NB_SEC_REVIEW].present && ar.t2s < ar.t3e) {
        r->tables_off = ar.t2s;
        r->tables_end = ar.t3e;
    }
    /* a structured document's tables come as grids: read by their labels */
    if (r->doc.ngrids > 0)
        return ex_grid_tables(r, L, ctx, &ar, extract_text, err);
    return extract_text(r, L, ctx, &ar, err);
}
