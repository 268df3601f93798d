/* test_trim.c — a row's cells as trimming gives them (ex_trimmed) and how
 * many cells its tokens can give (ex_fits) against a plain reading of the
 * same rules that looks at every token of the row each time: on generated
 * rows of numbers, empty cells and run-together digits (with empty cells
 * after them, in plain, tab and pipe lines, tab rows of shapes that agree
 * or not, rows past the cap of cells read), assembled as the extractor
 * assembles them, for every count of cells wanted; and where tab rows of
 * each shape start, as learnt from them. */
#include "testutil.h"
#include "extract/internal.h"

/* A small deterministic generator (no global state). */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* ---- the plain reading ---- */

static const tok *ref_tok(const assembly *A, const group *g, int i)
{
    return &A->toks[A->vals[g->v0 + i]];
}

/* The tab row's field count when every token is a field of one tab line;
 * NO_FIELD otherwise (or for no tokens). */
static int ref_fields(const assembly *A, const group *g)
{
    if (g->nv == 0)
        return NO_FIELD;
    int nf = ref_tok(A, g, 0)->nfields;
    for (int i = 0; i < g->nv; i++) {
        const tok *k = ref_tok(A, g, i);
        if (!(k->lkind == LK_TAB && k->field != NO_FIELD && k->nfields == nf))
            return NO_FIELD;
    }
    return nf;
}

static int ref_trimmed(const assembly *A, const group *g, int want, int *out)
{
    int blob = 0, cells = g->nv > 0;
    for (int i = 0; i < g->nv; i++) {
        blob |= ref_tok(A, g, i)->blob != 0;
        cells &= ref_tok(A, g, i)->lkind == LK_TAB || ref_tok(A, g, i)->lkind == LK_PIPE;
    }
    int a = 0, b = g->nv;
    if (blob && !(cells && g->nv >= want))
        while (b > a && ref_tok(A, g, b - 1)->kind == K_EMPTY)
            b--;
    if (b - a > want) {
        int fv = -1, lv = -1;
        for (int i = a; i < b; i++)
            if (ref_tok(A, g, i)->kind != K_EMPTY) {
                fv = fv < 0 ? i : fv;
                lv = i;
            }
        if (fv >= 0 && lv - fv + 1 < want) {
            int lo = lv - want + 1 > a ? lv - want + 1 : a, hi = fv < b - want ? fv : b - want, s = lo;
            int nf = ref_fields(A, g);
            if (lo < hi && nf != NO_FIELD && want < MAXWANT && A->tab_first[want][nf] > 0)
                for (int i = lo; i <= hi; i++)
                    if (ref_tok(A, g, i)->field + 1 == A->tab_first[want][nf]) {
                        s = i;
                        break;
                    }
            a = s;
            b = s + want;
        }
    }
    while (b - a > want && ref_tok(A, g, b - 1)->kind == K_EMPTY)
        b--;
    while (b - a > want && ref_tok(A, g, a)->kind == K_EMPTY)
        a++;
    int n = 0;
    for (int i = a; i < b && n < MAXPARTS * 2; i++)
        out[n++] = A->vals[g->v0 + i];
    return n;
}

static int ref_fits(const assembly *A, const group *g, int want, int labelled, double *penalty)
{
    int idx[MAXPARTS * 2], n = ref_trimmed(A, g, want, idx), blob = 0, cap = 0;
    for (int i = 0; i < n; i++) {
        const tok *k = &A->toks[idx[i]];
        blob |= k->blob != 0;
        if (!k->blob) {
            cap++;
            continue;
        }
        for (uint32_t j = k->off; j < k->off + k->len && A->t[j] != '.'; j++)
            cap++; /* the generated digits are ASCII */
    }
    *penalty = 0;
    if (n == want)
        return 1;
    if (n < want && blob && cap >= want) {
        *penalty = 0.1;
        return 1;
    }
    if (!labelled)
        return 0;
    *penalty = n < want ? 1.5 : 0.3;
    return 1;
}

/* Where tab rows of each shape start, learnt by looking at every row. */
static void ref_tab_first(const assembly *A, signed char first[MAXWANT][MAXFIELDS])
{
    memset(first, 0, sizeof(signed char) * MAXWANT * MAXFIELDS);
    for (int gi = 0; gi < A->ng; gi++) {
        const group *g = &A->g[gi];
        int nf = ref_fields(A, g), fv = -1, lv = -1;
        for (int i = 0; i < g->nv; i++)
            if (ref_tok(A, g, i)->kind != K_EMPTY) {
                fv = fv < 0 ? i : fv;
                lv = i;
            }
        if (nf == NO_FIELD || fv < 0 || lv - fv + 1 < 2 || lv - fv + 1 >= MAXWANT)
            continue;
        signed char f = (signed char)(ref_tok(A, g, fv)->field + 1), *slot = &first[lv - fv + 1][nf];
        if (*slot == 0)
            *slot = f;
        else if (*slot != f)
            *slot = -1;
    }
}

/* ---- generated rows ---- */

/* The text the tokens point into: run-together digits, a decimal, a number. */
static const char text[] = "1234567 12.5 308 00000000000 7.25";

/* One line of up to 40 tokens of one layout, then its end. */
static size_t gen_line(uint32_t *seed, tok *t, size_t n)
{
    int k = (int)(next_rand(seed) % 40) + 1, lk = (int)(next_rand(seed) % 3);
    int nf = next_rand(seed) % 8 ? k : NO_FIELD;
    for (int i = 0; i < k; i++) {
        tok *x = &t[n++];
        memset(x, 0, sizeof *x);
        x->exact_row = -1;
        x->lkind = (unsigned char)lk;
        x->field = (unsigned char)(lk == LK_TAB && next_rand(seed) % 10 ? i : NO_FIELD);
        x->nfields = (unsigned char)(lk == LK_TAB ? nf : NO_FIELD);
        if (next_rand(seed) % 3 == 0) {
            x->kind = K_EMPTY;
            x->off = 0;
            continue;
        }
        static const uint32_t at[][3] = {{0, 7, 1}, {8, 4, 1}, {13, 3, 0}, {17, 11, 1}, {29, 4, 0}, {0, 3, 0}};
        const uint32_t *w = at[next_rand(seed) % 6];
        x->kind = K_VALUE;
        x->off = w[0];
        x->len = w[1];
        x->blob = (unsigned char)(w[2] && next_rand(seed) % 2);
    }
    tok *e = &t[n++];
    memset(e, 0, sizeof *e);
    e->kind = next_rand(seed) % 6 ? K_EOL : K_BREAK;
    e->exact_row = -1;
    return n;
}

static void test_trimmed_fits(void **state)
{
    (void)state;
    uint32_t seed = 14;
    enum { LINES = 30, CAP = LINES * 41 };
    tok *t = malloc(CAP * sizeof *t);
    assert_non_null(t);
    long compared = 0;
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        for (int l = 0; l < LINES; l++)
            n = gen_line(&seed, t, n);
        assembly A = {0};
        A.t = text;
        ex_assemble(&A, t, n, 0);
        assert_false(A.oom);
        assert_true(A.ng > 0);
        signed char first[MAXWANT][MAXFIELDS];
        ref_tab_first(&A, first);
        assert_memory_equal(first, A.tab_first, sizeof first);
        for (int gi = 0; gi < A.ng; gi++)
            for (int want = 1; want <= MAXWANT + 2; want++) {
                int got[MAXPARTS * 2], ref[MAXPARTS * 2];
                int ng = ex_trimmed(&A, &A.g[gi], want, got), nr = ref_trimmed(&A, &A.g[gi], want, ref);
                assert_int_equal(ng, nr);
                assert_memory_equal(got, ref, (size_t)ng * sizeof *got);
                for (int labelled = 0; labelled < 2; labelled++) {
                    double pg, pr;
                    assert_int_equal(ex_fits(&A, &A.g[gi], want, labelled, &pg),
                                     ref_fits(&A, &A.g[gi], want, labelled, &pr));
                    assert_true(pg == pr);
                }
                compared++;
            }
        free(A.cols);
        free(A.g);
        free(A.vals);
        free(A.lab);
    }
    assert_true(compared > 100000);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trimmed_fits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
