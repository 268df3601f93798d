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
    /* every cell is written before it is read but the first row's and
       column's (0), and how is read only inside them: no zeroing of the rest */
    double *D = malloc(((size_t)ngs + 1) * W * sizeof *D);
    unsigned char *how = malloc(((size_t)ngs + 1) * W);
    if (!D || !how) {
        free(D);
        free(how);
        return;
    }
    for (size_t j = 0; j < W; j++)
        D[j] = 0;
    for (int i = 1; i <= ngs; i++)
        D[(size_t)i * W] = 0;
    /* what the alignment reads of each T3 row, and of each group, in locals:
       the stores to how (bytes) would otherwise make them be read again */
    int ncols[40];
    for (int j = 0; j < nr; j++)
        ncols[j] = s->rows[rows[j]].ncols;
    double sims[40];
    for (int i = 1; i <= ngs; i++) {
        const group *g = &A->g[gs[i - 1]];
        const int has_label = g->has_label, exact = g->exact_row;
        if (has_label && exact < 0) {
            nb_ustr label;
            ex_group_label(A, g, &label);
            t3_sims_memo(A->memo, A->L, &label, rows, nr, sims);
        }
        int fit_cols = -1, fit = 0; /* whether g fits rows of fit_cols cells (T3's rows are all of one width) */
        double fit_pen = 0;
        const double *up = D + (size_t)(i - 1) * W;
        double *cur = D + (size_t)i * W;
        unsigned char *hw = how + (size_t)i * W;
        double left = cur[0];
        for (int j = 1; j <= nr; j++) {
            double best = up[j];
            unsigned char h = 1;
            if (left > best) {
                best = left;
                h = 2;
            }
            double pen, sim = 0;
            int ok = 1;
            if (has_label && exact >= 0)
                sim = exact == rows[j - 1] ? 1.0 : 0.0;
            else if (has_label)
                sim = sims[j - 1];
            if (has_label && sim < 0.5)
                ok = 0;
            if (ok && ncols[j - 1] != fit_cols) {
                fit_cols = ncols[j - 1];
                fit = ex_fits(A, g, fit_cols, has_label, &fit_pen);
            }
            pen = fit_pen;
            if (ok && fit) {
                /* a short labelled row ranks below any row of the right shape */
                double gain = pen >= 1.5 ? 0.8 : 1.0 + 2.0 * sim - pen;
                double sc = up[j - 1] + gain;
                if (sc > best) {
                    best = sc;
                    h = 3;
                }
            }
            cur[j] = best;
            hw[j] = h;
            left = best;
        }
    }
    int i = ngs, j = nr;
    while (i > 0 && j > 0) {
        unsigned char h = how[(size_t)i * W + (size_t)j];
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

/* T4: fifteen numbers in a row (or three rows of five) after its heading. */
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
        if (ex_fits(A, g, 15, 0, &pen)) {
            *t4_group = gi;
            g->row = r4;
            for (int k = 0; k < 3; k++)
                r->rows_found[r4 + k] = 1;
            return;
        }
    }
    for (int gi = 0; gi + 2 < A->ng; gi++) {
        double pen;
        int ok = 1;
        for (int k = 0; k < 3; k++) {
            group *g = &A->g[gi + k];
            if (g->row >= 0 || !in_range(g->pos, ar->t4s, ar->end) || !ex_fits(A, g, 5, 0, &pen))
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
}
