/* trim.c — which of a row's tokens are its cells: empty cells of merged
 * label columns dropped, a tab row's blank cells kept in the columns that
 * rows of its shape use (learnt from the rows whose numbers fill them), and
 * how many cells a row's tokens can give, split or not (ex_fits), for
 * matching. */
#include "extract/internal.h"
#include "base/utf8.h"

#include <string.h>

static const tok *val_tok(const assembly *A, const group *g, int i)
{
    return &A->toks[A->vals[g->v0 + i]];
}

/* Every token of the row is a whole cell of a tab or pipe row. */
static int separated(const assembly *A, const group *g)
{
    for (int i = 0; i < g->nv; i++)
        if (val_tok(A, g, i)->lkind != LK_TAB && val_tok(A, g, i)->lkind != LK_PIPE)
            return 0;
    return g->nv > 0;
}

/* The row is one tab row with every token a field: its line's field count
 * (kept as its values were added). */
static int one_tab_line(const group *g)
{
    return g->nv ? g->tab_fields : NO_FIELD;
}

/* The first and last cell of [a, b) that holds something; 0 when none. */
static int value_span(const assembly *A, const group *g, int a, int b, int *fv, int *lv)
{
    *fv = -1;
    *lv = -1;
    for (int i = a; i < b; i++)
        if (val_tok(A, g, i)->kind != K_EMPTY) {
            if (*fv < 0)
                *fv = i;
            *lv = i;
        }
    return *fv >= 0;
}

void ex_learn_tab_grid(assembly *A)
{
    memset(A->tab_first, 0, sizeof A->tab_first);
    for (int gi = 0; gi < A->ng; gi++) {
        const group *g = &A->g[gi];
        int nf = one_tab_line(g), fv, lv;
        if (nf == NO_FIELD || !value_span(A, g, 0, g->nv, &fv, &lv))
            continue;
        int w = lv - fv + 1;
        if (w < 2 || w >= MAXWANT)
            continue;
        signed char f = (signed char)(val_tok(A, g, fv)->field + 1), *slot = &A->tab_first[w][nf];
        *slot = *slot == 0 || *slot == f ? f : -1; /* rows of one shape that disagree teach nothing */
    }
}

/* Where the want cells of [a, b) start when more cells than want are there:
 * the one place that holds every number, else where rows of the same shape
 * have their first cell, else right after the merged cells before. */
static int window_start(const assembly *A, const group *g, int a, int b, int want)
{
    int fv, lv;
    if (!value_span(A, g, a, b, &fv, &lv) || lv - fv + 1 >= want)
        return -1; /* nothing to place, or more numbers than cells: drop empties */
    int lo = lv - want + 1 > a ? lv - want + 1 : a, hi = fv < b - want ? fv : b - want;
    if (lo >= hi)
        return lo;
    int nf = one_tab_line(g);
    if (nf != NO_FIELD && want < MAXWANT && A->tab_first[want][nf] > 0)
        for (int i = lo; i <= hi; i++)
            if (val_tok(A, g, i)->field + 1 == A->tab_first[want][nf])
                return i;
    return lo;
}

/* The tokens [*a, *b) of g's values that ex_trimmed gives (before its cap). */
static void trim_bounds(const assembly *A, const group *g, int want, int *a, int *b)
{
    *a = 0;
    *b = g->nv;
    /* run-together digits are split, not padded: empty lines after them are
     * not cells; but a tab or pipe row that has its cells keeps them */
    int blob = g->blob;
    if (blob && separated(A, g) && g->nv >= want)
        blob = 0;
    while (blob && *b > *a && val_tok(A, g, *b - 1)->kind == K_EMPTY)
        --*b;
    int s = *b - *a > want ? window_start(A, g, *a, *b, want) : -1;
    if (s >= 0) {
        *a = s;
        *b = s + want;
    }
    while (*b - *a > want && val_tok(A, g, *b - 1)->kind == K_EMPTY)
        --*b;
    while (*b - *a > want && val_tok(A, g, *a)->kind == K_EMPTY)
        ++*a;
}

/* The tokens ex_trimmed gives, where they stand in A->vals (their count in
 * *n); NULL for none. */
static const int *trimmed_vals(const assembly *A, const group *g, int want, int *n)
{
    int a, b;
    trim_bounds(A, g, want, &a, &b);
    *n = b - a < MAXPARTS * 2 ? b - a : MAXPARTS * 2;
    return *n ? A->vals + g->v0 + a : NULL;
}

int ex_trimmed(const assembly *A, const group *g, int want, int *out)
{
    int n;
    const int *v = trimmed_vals(A, g, want, &n);
    if (n)
        memcpy(out, v, (size_t)n * sizeof *out);
    return n;
}

int ex_is_blank_row(const assembly *A, const int *idx, int n)
{
    for (int i = 0; i < n; i++)
        if (A->toks[idx[i]].kind != K_EMPTY)
            return 0;
    return 1;
}

/* Cells the row's tokens can give: a digit each for run-together digits. */
static int digit_capacity(const assembly *A, const int *idx, int n)
{
    int cap = 0;
    for (int i = 0; i < n; i++) {
        const tok *k = &A->toks[idx[i]];
        if (k->blob) {
            size_t j = k->off, e = k->off + k->len;
            while (j < e) {
                if (nb_utf8_get(A->t, e, &j) == '.')
                    break;
                cap++;
            }
        } else {
            cap++;
        }
    }
    return cap;
}

int ex_fits(const assembly *A, const group *g, int want, int labelled, double *penalty)
{
    int n;
    const int *idx = trimmed_vals(A, g, want, &n); /* ex_trimmed's tokens, read where they stand */
    *penalty = 0;
    if (n == want)
        return 1;
    if (n < want) {
        int blob = 0;
        for (int i = 0; i < n; i++)
            if (A->toks[idx[i]].blob)
                blob = 1;
        if (blob && digit_capacity(A, idx, n) >= want) {
            *penalty = 0.1;
            return 1;
        }
        if (labelled) {
            *penalty = 1.5; /* below any row of the right shape; a label alone is a row of blanks */
            return 1;
        }
        return 0;
    }
    if (labelled) {
        *penalty = 0.3;
        return 1;
    }
    return 0;
}
