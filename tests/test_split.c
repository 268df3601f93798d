/* test_split.c — the readings of run-together digits (ex_run_split) against
 * a plain search that calls every node, adds the sums as exact decimals and
 * stops nowhere but at its node cap: on generated rows of runs of digits
 * (ASCII and full-width, with a decimal part or not, starting with 0),
 * whole numbers (decimals, negatives, twelve digits), rows whose sums hold
 * (总计, T4's three groups; with decimals they hold as decimals alone) and
 * rows so long the cap is reached; the same
 * readings in the same order, the same count, and as many nodes searched
 * up to the cap. */
#include "testutil.h"
#include "base/utf8.h"
#include "extract/internal.h"
#include "text/num.h"
#include "text/numerals.h"

#define REF_MAX_NODES 400000

/* A small deterministic generator (no global state). */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* ---- the plain search ---- */

typedef struct ref_search {
    const char *t;
    const tok *toks;
    int n, want;
    unsigned flags;
    part cur[MAXPARTS];
    part found[MAXREAD][MAXPARTS];
    int nfound, total;
    long nodes;
} ref_search;

static int ref_group_holds(const ref_search *R, int from, int n)
{
    nb_num s = nb_num_int(0);
    for (int c = from; c < from + n; c++)
        s = nb_num_add(s, R->cur[c].num);
    return nb_num_cmp(s, R->cur[from + n].num) == 0;
}

static int ref_sums(const ref_search *R)
{
    if (R->flags & NB_ROW_SUM)
        return ref_group_holds(R, 0, 6);
    for (int g = 0; (R->flags & NB_ROW_T4) && g < R->want / 5; g++)
        if (!ref_group_holds(R, g * 5, 4))
            return 0;
    return 1;
}

/* The digits of token ti before any point, decoded again each time. */
static int ref_digits(const ref_search *R, int ti, size_t from)
{
    const tok *k = &R->toks[ti];
    if (!k->blob)
        return 1;
    int nd = 0;
    for (size_t i = from, e = k->off + k->len; i < e;) {
        if (nb_fold(nb_utf8_get(R->t, e, &i)) == '.')
            break;
        nd++;
    }
    return nd;
}

static int ref_room(const ref_search *R, int ti)
{
    int c = 0;
    for (int k = ti; k < R->n; k++)
        c += ref_digits(R, k, R->toks[k].off);
    return c;
}

/* Node (ti, at, pi): token ti from byte at (START: its first) on gives
 * parts pi and after. */
#define START ((size_t)-1)
static void ref_dfs(ref_search *R, int ti, size_t at, int pi)
{
    if (++R->nodes > REF_MAX_NODES)
        return;
    if (ti == R->n) {
        if (pi == R->want && ref_sums(R)) {
            if (R->nfound < MAXREAD)
                memcpy(R->found[R->nfound++], R->cur, sizeof(part) * (size_t)R->want);
            R->total++;
        }
        return;
    }
    const tok *k = &R->toks[ti];
    size_t end = k->off + k->len;
    if (at == START)
        at = k->off;
    int left = ref_digits(R, ti, at), later = ref_room(R, ti + 1);
    if (pi >= R->want || pi + (R->n - ti) > R->want || pi + left + later < R->want)
        return;
    part *p = &R->cur[pi];
    if (!k->blob) {
        p->off = k->off;
        p->len = k->len;
        if ((p->st = nb_parse_value(R->t + k->off, k->len, &p->num)) != NB_ST_NUMBER)
            p->num = nb_num_int(0);
        ref_dfs(R, ti + 1, START, pi + 1);
        return;
    }
    if (k->blob == 2 && (at == end - 1 || R->t[at] != '0' || R->t[at + 1] == '.')) {
        p->off = at;
        p->len = end - at;
        if (nb_parse_value(R->t + at, end - at, &p->num) == NB_ST_NUMBER) {
            p->st = NB_ST_INFERRED;
            ref_dfs(R, ti + 1, START, pi + 1);
        }
    }
    long long v = 0;
    size_t i = at;
    for (int len = 1; len <= 9 && i < end; len++) {
        uint32_t c = nb_fold(nb_utf8_get(R->t, end, &i));
        if (c == '.')
            break;
        v = v * 10 + (long long)(c - '0');
        p = &R->cur[pi];
        p->off = at;
        p->len = i - at;
        p->num = nb_num_int(v);
        p->st = NB_ST_INFERRED;
        if (i == end)
            ref_dfs(R, ti + 1, START, pi + 1);
        else if (k->blob == 1 || R->t[i] != '.')
            ref_dfs(R, ti, i, pi + 1);
        if (len == 1 && v == 0)
            break;
    }
}

/* ---- generated rows ---- */

typedef struct row_gen {
    char t[4096];
    size_t len;
    tok toks[MAXPARTS * 2];
    int n;
} row_gen;

static void put(row_gen *G, const char *s)
{
    size_t l = strlen(s);
    assert_true(G->len + l + 2 < sizeof G->t);
    memcpy(G->t + G->len, s, l);
    G->len += l;
    G->t[G->len] = '\0';
}

/* A digit, now and then full-width. */
static void put_digit(row_gen *G, uint32_t *seed, int d)
{
    static const char *const wide[10] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};
    char a[2] = {(char)('0' + d), 0};
    put(G, next_rand(seed) % 8 == 0 ? wide[d] : a);
}

static void begin_tok(row_gen *G, int blob)
{
    assert_true(G->n < MAXPARTS * 2);
    tok *k = &G->toks[G->n];
    memset(k, 0, sizeof *k);
    k->kind = K_VALUE;
    k->blob = (unsigned char)blob;
    k->off = (uint32_t)G->len;
}

static void end_tok(row_gen *G)
{
    tok *k = &G->toks[G->n++];
    k->len = (uint32_t)G->len - k->off;
    put(G, " ");
}

/* The numbers vals[0, n) run together into one token (a point and a
 * decimal part after them now and then). */
static void put_run(row_gen *G, uint32_t *seed, const long long *vals, int n)
{
    begin_tok(G, 1);
    for (int i = 0; i < n; i++) {
        char b[32];
        snprintf(b, sizeof b, "%lld", vals[i]);
        for (const char *c = b; *c; c++)
            put_digit(G, seed, *c - '0');
    }
    if (next_rand(seed) % 6 == 0) {
        G->toks[G->n].blob = 2;
        put(G, next_rand(seed) % 4 ? "." : "．");
        for (int d = (int)(next_rand(seed) % 3); d >= 0; d--)
            put_digit(G, seed, (int)(next_rand(seed) % 10));
    }
    end_tok(G);
}

static void put_whole(row_gen *G, uint32_t *seed, long long v)
{
    static const char *const odd[] = {"12.50", "-3", "999999999999", "0.5", "1e3", "", "—"};
    char b[32];
    begin_tok(G, 0);
    if (next_rand(seed) % 5 == 0)
        put(G, odd[next_rand(seed) % (sizeof odd / sizeof odd[0])]);
    else {
        snprintf(b, sizeof b, "%lld", v);
        put(G, b);
    }
    end_tok(G);
}

/* want cells' numbers (the sums holding, or not), some of them run
 * together. */
static void gen_row(row_gen *G, uint32_t *seed, int want, unsigned flags)
{
    long long v[MAXPARTS];
    static const long long scale[] = {10, 100, 10000, 1000000, 1000000000};
    for (int c = 0; c < want; c++)
        v[c] = (long long)(next_rand(seed) % (uint32_t)scale[next_rand(seed) % 5]);
    if (next_rand(seed) % 3) {
        if (flags & NB_ROW_SUM)
            v[6] = v[0] + v[1] + v[2] + v[3] + v[4] + v[5];
        for (int g = 0; (flags & NB_ROW_T4) && g < want / 5; g++)
            v[g * 5 + 4] = v[g * 5] + v[g * 5 + 1] + v[g * 5 + 2] + v[g * 5 + 3];
    }
    G->len = 0;
    G->n = 0;
    G->t[0] = '\0';
    for (int c = 0; c < want;) {
        int run = 1 + (int)(next_rand(seed) % 4);
        if (c + run > want)
            run = want - c;
        if (run == 1 && next_rand(seed) % 2)
            put_whole(G, seed, v[c]);
        else
            put_run(G, seed, v + c, run);
        c += run;
    }
}

/* A run of digits no reading of which comes to an end before the cap. */
static void gen_long_row(row_gen *G, uint32_t *seed, int ndig)
{
    G->len = 0;
    G->n = 0;
    G->t[0] = '\0';
    begin_tok(G, 1);
    for (int d = 0; d < ndig; d++)
        put_digit(G, seed, 1 + (int)(next_rand(seed) % 9));
    end_tok(G);
}

/* ---- the comparison ---- */

static void compare(const row_gen *G, int want, unsigned flags, splitter *S, long *capped)
{
    assembly A;
    memset(&A, 0, sizeof A);
    A.t = G->t;
    A.toks = (tok *)G->toks;
    int idx[MAXPARTS * 2];
    for (int i = 0; i < G->n; i++)
        idx[i] = i;
    ex_run_split(&A, S, idx, G->n, want, flags);

    static ref_search R;
    memset(&R, 0, sizeof R);
    R.t = G->t;
    R.toks = G->toks;
    R.n = G->n;
    R.want = want;
    R.flags = flags;
    int nodes_too = 1;
    if (ref_room(&R, 0) == want) { /* one digit a cell: read without a search */
        nodes_too = 0;
        for (int i = 0; i < G->n; i++)
            if (G->toks[i].blob == 2)
                return; /* a point in such a row: not the search's reading */
    }
    for (int i = 0; i < G->n; i++)
        if (ref_digits(&R, i, G->toks[i].off) > MAXDIG) {
            assert_int_equal(S->nfound, 0);
            return;
        }
    ref_dfs(&R, 0, START, 0);

    assert_int_equal(S->nfound, R.nfound);
    assert_int_equal(S->total, R.total);
    for (int k = 0; k < R.nfound; k++)
        for (int c = 0; c < want; c++) {
            const part *a = &S->found[k][c], *b = &R.found[k][c];
            assert_int_equal(a->off, b->off);
            assert_int_equal(a->len, b->len);
            assert_int_equal(a->st, b->st);
            assert_true(nb_num_cmp(a->num, b->num) == 0);
            assert_int_equal(a->num.scale, b->num.scale);
        }
    if (!nodes_too) {
        return;
    } else if (R.nodes <= REF_MAX_NODES) {
        assert_int_equal(S->nodes, R.nodes);
    } else {
        assert_true(S->nodes > REF_MAX_NODES);
        (*capped)++;
    }
}

static void test_split_as_plain_search(void **state)
{
    (void)state;
    static splitter S;
    static row_gen G;
    uint32_t seed = 20261123;
    long rows = 0, found = 0, capped = 0;
    static const int wants[] = {2, 3, 4, 5, 6, 7, 10, 15};
    for (int it = 0; it < 6000; it++) {
        int want = wants[next_rand(&seed) % (sizeof wants / sizeof wants[0])];
        unsigned flags = want == 7 && next_rand(&seed) % 4 ? NB_ROW_SUM
                         : want % 5 == 0 && next_rand(&seed) % 4 ? NB_ROW_T4
                                                                 : 0;
        gen_row(&G, &seed, want, flags);
        if (G.n > want)
            continue;
        compare(&G, want, flags, &S, &capped);
        found += S.nfound > 0;
        rows++;
    }
    for (int ndig = 20; ndig <= 70; ndig += 10) {
        gen_long_row(&G, &seed, ndig);
        compare(&G, 15, 0, &S, &capped);
        compare(&G, 10, NB_ROW_T4, &S, &capped);
        compare(&G, 7, NB_ROW_SUM, &S, &capped);
    }
    assert_true(rows > 4000);
    assert_true(found > 500);
    assert_true(capped >= 2);
}

/* A row of the tokens given ('|' before a run of digits). */
static void make_row(row_gen *G, const char *const *words, int n)
{
    G->len = 0;
    G->n = 0;
    G->t[0] = '\0';
    for (int i = 0; i < n; i++) {
        int run = words[i][0] == '|';
        begin_tok(G, run ? (strchr(words[i], '.') ? 2 : 1) : 0);
        put(G, words[i] + run);
        end_tok(G);
    }
}

/* Whole numbers with a decimal part: the sums hold as decimals alone
 * (0.5 + 0.5 + 1 + 2 + 3 + 4 = 11, where 5 + 5 + … would not be), or as
 * their digits alone; a twelve-digit whole number with a point beside. */
static void test_split_sums_of_decimals(void **state)
{
    (void)state;
    static splitter S;
    static row_gen G;
    long capped = 0;
    static const char *const holds[] = {"0.5", "0.5", "|123411"};
    make_row(&G, holds, 3);
    compare(&G, 7, NB_ROW_SUM, &S, &capped);
    assert_int_equal(S.nfound, 1);
    assert_int_equal(S.found[0][6].num.v, 11);
    static const char *const digits_only[] = {"0.5", "0.5", "|12341", "0"};
    make_row(&G, digits_only, 4);
    compare(&G, 7, NB_ROW_SUM, &S, &capped);
    assert_int_equal(S.nfound, 0);
    static const char *const t4[] = {"1.5", "|2.5", "|1213", "|1", "|23", "|4", "|10"};
    make_row(&G, t4, 7);
    compare(&G, 15, NB_ROW_T4, &S, &capped);
    static const char *const big[] = {"999999999999", "|12.5", "|1234567", "0.25"};
    make_row(&G, big, 4);
    compare(&G, 7, NB_ROW_SUM, &S, &capped);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_as_plain_search),
        cmocka_unit_test(test_split_sums_of_decimals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
