/* match.c — rows to the schema: T2 by label in any order, T3 by an ordered
 * alignment that lets unlabelled rows fill the gaps between labelled ones,
 * T4 by shape (fifteen numbers, or three rows of five). */
#include "extract/internal.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdlib.h>
#include <string.h>

static int in_range(size_t p, size_t a, size_t b)
{
    return p >= a && p < b;
}

/* T2: every row by its label, in any order; a label with no numbers (a
 * row of blanks) only for a row no label with numbers has. */
void ex_match_t2(nb_report *r, assembly *A, const area *ar)
{
    const nb_schema *s = r->schema;
    for (int pass = 0; pass < 3; pass++)
        for (int gi = 0; gi < A->ng; gi++) {
            group *g = &A->g[gi];
            if (g->row >= 0 || !g->has_label || !in_range(g->pos, ar->t2s, ar->t2e) || (!g->nv && pass < 2))
                continue;
            int row;
            double sim = ex_group_best(A, g, &row); /* a label nearer a T3 row is no T2 row */
            if (row < 0 || s->rows[row].table != NB_T2 || sim < (pass == 0 ? 0.999 : 0.6) || r->rows_found[row])
                continue;
            double pen;
            if (!ex_fits(A, g, s->rows[row].ncols, 1, &pen))
                continue;
            g->row = row;
            r->rows_found[row] = 1;
        }
}

/* The similarity of a label to each of T3's nr rows (sim[j] for rows[j]),
 * 0 where its bound is surely below 0.5: not that row. */
static void t3_sims(const lexicon *L, const nb_ustr *label, const int *rows, int nr, double *sim)
{
    row_buckets rb;
    ex_row_buckets(label, &rb);
    nb_sig sig;
    int made = 0; /* sig made from the label (only when a bound leaves the similarity open) */
    for (int j = 0; j < nr; j++) {
        if (label->n + L->rows[rows[j]].n > 0 && ex_row_bound(L, rows[j], &rb, label->n) < 0.5 - 1e-9) {
            sim[j] = 0;
            continue;
        }
        if (!made) {
            nb_sig_make(label, &sig);
            made = 1;
        }
        sim[j] = nb_sig_sim(&sig, &L->sigs[rows[j]]);
    }
}

/* t3_sims, the answer remembered in M (when not NULL) by the lexicon and
 * the label's code points. */
static void t3_sims_memo(nb_memo *M, const lexicon *L, const nb_ustr *label, const int *rows, int nr, double *sim)
{
    size_t klen = (size_t)label->n * sizeof *label->c, vlen = (size_t)nr * sizeof *sim, got;
    const double *a = M ? nb_memo_get(M, L, MEMO_T3_SIMS, label->c, klen, &got) : NULL;
    if (a && got == vlen) {
        memcpy(sim, a, vlen);
        return;
    }
    t3_sims(L, label, rows, nr, sim);
    double *put = M ? nb_memo_put(M, L, MEMO_T3_SIMS, label->c, klen, vlen) : NULL;
    if (put)
        memcpy(put, sim, vlen);
}

/* How group g may stand at T3's row j (rows[j] of the schema, ncols[j]
 * cells): its label near enough that row's (sim), its numbers fitting the
 * row's cells (*fit_cols: the width *fit and *fit_pen were found for, kept
 * from row to row: T3's rows are all of one width). 1 with what placing it
 * there gains, else 0. */
static int gain_at(const assembly *A, const group *g, int ncols, double sim, int *fit_cols, int *fit,
                   double *fit_pen, double *gain)
{
    if (g->has_label && sim < 0.5)
        return 0;
    if (ncols != *fit_cols) {
        *fit_cols = ncols;
        *fit = ex_fits(A, g, ncols, g->has_label, fit_pen);
    }
    if (!*fit)
        return 0;
    /* a short labelled row ranks below any row of the right shape */
    *gain = *fit_pen >= 1.5 ? 0.8 : 1.0 + 2.0 * sim - *fit_pen;
    return 1;
}

/* The rows where group g may stand (at[], alignment columns j + 1, in
 * order) and what placing it there gains (gain_at): a label exactly a
 * row's only at that row (jof: T3's j of a schema row, -1 for another
 * table's), another by its similarities to each of T3's nr rows (sims),
 * a row without a label wherever its numbers fit. How many such rows. */
static int group_gains(const assembly *A, const group *g, const signed char *jof, const int *ncols, int nr,
                       const double *sims, int *at, double *gain)
{
    int fit_cols = -1, fit = 0, n = 0;
    double fit_pen = 0;
    if (g->has_label && g->exact_row >= 0) {
        int j = g->exact_row < MAXROWS ? jof[g->exact_row] : -1;
        if (j >= 0 && gain_at(A, g, ncols[j], 1.0, &fit_cols, &fit, &fit_pen, gain))
            at[n++] = j + 1;
        return n;
    }
    for (int j = 0; j < nr; j++)
        if (gain_at(A, g, ncols[j], g->has_label ? sims[j] : 0, &fit_cols, &fit, &fit_pen, gain + n))
            at[n++] = j + 1;
    return n;
}

/* Cells [from, to) of an alignment row where the group may not stand: each
 * the best of the one above and the one to the left. Which it was is not
 * written (the way back tells it from the two, way_at). */
static double carry_over(const double *up, double *cur, int from, int to, double left)
{
    for (int j = from; j < to; j++) {
        left = left > up[j] ? left : up[j];
        cur[j] = left;
    }
    return left;
}

/* Row i of the alignment (cur; cur[0] set) from the row above (up): each
 * cell the best of the one above (1), the one to the left (2), or the group
 * put at that row (3, at the n cells at[] where it may stand: there only
 * is the way written, in hw). */
static void align_row(const double *up, double *cur, unsigned char *hw, int nr, const int *at, const double *gain,
                      int n)
{
    double left = cur[0];
    int j = 1;
    for (int k = 0; k < n; k++) {
        left = carry_over(up, cur, j, at[k], left);
        j = at[k];
        double best = up[j];
        unsigned char h = 1;
        if (left > best) {
            best = left;
            h = 2;
        }
        double sc = up[j - 1] + gain[k];
        if (sc > best) {
            best = sc;
            h = 3;
        }
        cur[j] = best;
        hw[j] = h;
        left = best;
        j++;
    }
    carry_over(up, cur, j, nr + 1, left);
}

/* The way cell (i, j) of the alignment D was reached: as written in how
 * where the group may stand, else the one to the left (2) when it is greater
 * than the one above, else the one above (1). */
static int way_at(const double *D, const unsigned char *how, size_t W, int i, int j)
{
    size_t c = (size_t)i * W + (size_t)j;
    if (how[c])
        return how[c];
    return D[c - 1] > D[c - W] ? 2 : 1;
}

/* T3: an ordered alignment of groups to rows; labels must agree, unlabelled
 * rows fill the gaps in order. */
void ex_match_t3(nb_report *r, assembly *A, const area *ar)
{
    const nb_schema *s = r->schema;
    int rows[40], nr = 0;
    for (int k = 0; k < s->nrows && nr < 40; k++)
        if (s->rows[k].table == NB_T3)
            rows[nr++] = k;
    int gs[512], ngs = 0;
    for (int gi = 0; gi < A->ng && ngs < 512; gi++)
        if (A->g[gi].row < 0 && in_range(A->g[gi].pos, ar->t3s, ar->t3e))
            gs[ngs++] = gi;
    if (!ngs)
        return;
    size_t W = (size_t)nr + 1;
    /* every cell of D is written before it is read but the first row's and
       column's (0): no zeroing of the rest; how is 0 where not written */
    double *D = malloc(((size_t)ngs + 1) * W * sizeof *D);
    unsigned char *how = calloc(((size_t)ngs + 1) * W, 1);
    if (!D || !how) {
        free(D);
        free(how);
        return;
    }
    for (size_t j = 0; j < W; j++)
        D[j] = 0;
    for (int i = 1; i <= ngs; i++)
        D[(size_t)i * W] = 0;
    int ncols[40];
    signed char jof[MAXROWS];
    memset(jof, -1, sizeof jof);
    for (int j = 0; j < nr; j++) {
        ncols[j] = s->rows[rows[j]].ncols;
        if (rows[j] < MAXROWS)
            jof[rows[j]] = (signed char)j;
    }
    double sims[40], gain[40];
    int at[40];
    for (int i = 1; i <= ngs; i++) {
        const group *g = &A->g[gs[i - 1]];
        if (g->has_label && g->exact_row < 0) {
            nb_ustr label;
            ex_group_label(A, g, &label);
            t3_sims_memo(A->memo, A->L, &label, rows, nr, sims);
        }
        int n = group_gains(A, g, jof, ncols, nr, sims, at, gain);
        align_row(D + (size_t)(i - 1) * W, D + (size_t)i * W, how + (size_t)i * W, nr, at, gain, n);
    }
    int i = ngs, j = nr;
    while (i > 0 && j > 0) {
        int h = way_at(D, how, W, i, j);
        if (h == 3) {
            A->g[gs[i - 1]].row = rows[j - 1];
            r->rows_found[rows[j - 1]] = 1;
            i--;
            j--;
        } else if (h == 1) {
            i--;
        } else {
            j--;
        }
    }
    free(D);
    free(how);
}

/* Group gi is T4's row of fifteen cells (schema rows r4 .. r4 + 2). */
static void take_t4_row(nb_report *r, assembly *A, int gi, int r4, int *t4_group)
{
    *t4_group = gi;
    A->g[gi].row = r4;
    for (int k = 0; k < 3; k++)
        r->rows_found[r4 + k] = 1;
}

/* Group g may be one of T4's three rows of five: five cells, or more
 * (fill.c says what does not fit). */
static int t4_row_of_five(const assembly *A, const group *g)
{
    double pen;
    int idx[MAXPARTS * 2];
    return ex_fits(A, g, 5, 0, &pen) || ex_trimmed(A, g, 5, idx) > 5;
}

/* T4: fifteen numbers in a row (or three rows of five) after its heading;
 * a row of them broken over lines is joined; a row of fewer, short; of
 * more, its cells say so. */
void ex_match_t4(nb_report *r, assembly *A, const area *ar, int *t4_group)
{
    const nb_schema *s = r->schema;
    int r4 = -1;
    for (int k = 0; k < s->nrows; k++)
        if (s->rows[k].table == NB_T4) {
            r4 = k;
            break;
        }
    *t4_group = -1;
    if (r4 < 0)
        return;
    for (int gi = 0; gi < A->ng; gi++) {
        group *g = &A->g[gi];
        if (g->row >= 0 || !in_range(g->pos, ar->t4s, ar->end))
            continue;
        double pen;
        int n = g->has_label ? 0 : ex_continued_rows(A, gi, 15);
        if (n > 1) /* the row broken over lines */
            ex_join_rows(A, gi, n);
        if (ex_fits(A, g, 15, 0, &pen)) {
            take_t4_row(r, A, gi, r4, t4_group);
            return;
        }
    }
    for (int gi = 0; gi + 2 < A->ng; gi++) {
        int ok = 1;
        for (int k = 0; k < 3; k++) {
            group *g = &A->g[gi + k];
            if (g->row >= 0 || !in_range(g->pos, ar->t4s, ar->end) || !t4_row_of_five(A, g))
                ok = 0;
        }
        if (ok) {
            for (int k = 0; k < 3; k++) {
                A->g[gi + k].row = r4 + k;
                r->rows_found[r4 + k] = 1;
            }
            return;
        }
    }
    /* more numbers than a group's five: the row, short of cells or with more
     * than its fifteen (the table is there; fill.c says what does not fit) */
    for (int gi = 0; gi < A->ng; gi++) {
        const group *g = &A->g[gi];
        if (g->row < 0 && !g->has_label && g->nv > 5 && in_range(g->pos, ar->t4s, ar->end)) {
            take_t4_row(r, A, gi, r4, t4_group);
            return;
        }
    }
}
