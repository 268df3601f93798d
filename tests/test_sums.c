/* test_sums.c — the tables' figures taken whole, against plain
 * references: the sums' rules (T3.BALANCE, T3.RESULTS_SUM, T3.ROW_TOTAL,
 * T4.GROUP_TOTAL) with every equation resolved afresh from the schema's
 * rows and columns and every side summed term by term in nb_num (no
 * whole-number path, no plan), in each schema the plans are made for and
 * in one they are not (a copy); and the cross-year summary's print of each
 * table against FNV-1a over every byte of every figure. The cells are drawn
 * at random: small counts that often disagree, blanks, placeholders,
 * inferred cells, text, decimals, negatives, sums that overflow. */
#include "testutil.h"
#include "check/internal.h"
#include "check/years.h"
#include "model/schema.h"

#include <limits.h>

static nb_ctx g_ctx;

/* The next of a fixed sequence of pseudo-random numbers. */
static unsigned draw(unsigned long long *seed)
{
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(*seed >> 33);
}

static int ncells_of(const nb_schema *s)
{
    int n = 0;
    for (int rr = 0; rr < s->nrows; rr++)
        n += s->rows[rr].ncols;
    return n;
}

/* One cell drawn: mostly small counts, then every other kind of content. */
static void draw_cell(nb_cell *c, unsigned long long *seed)
{
    unsigned k = draw(seed) % 100;
    memset(c, 0, sizeof *c);
    c->status = NB_ST_NUMBER;
    c->num = nb_num_int(draw(seed) % 4);
    if (k < 8)
        c->status = NB_ST_BLANK;
    else if (k < 12)
        c->status = NB_ST_PLACEHOLDER, c->num = nb_num_int(0);
    else if (k < 16)
        c->status = NB_ST_INFERRED;
    else if (k < 18)
        c->status = NB_ST_TEXT, c->num = nb_num_int(0);
    else if (k < 21)
        c->num = (nb_num){(long long)(draw(seed) % 1000), 1 + (int)(draw(seed) % 2)}; /* 12.5, 0.07 */
    else if (k < 23)
        c->num = nb_num_int(-(long long)(draw(seed) % 5));
    else if (k < 26)
        c->num = nb_num_int(LLONG_MAX / 2 - (long long)(draw(seed) % 3)); /* three overflow */
    else if (k < 27)
        c->num = nb_num_int(LLONG_MIN / 2);
    c->has_span = draw(seed) % 2;
    c->off = draw(seed) % 1000;
}

/* Does the row ID match a term: the same, a prefix closed by ".*" (any
 * row past the dot), or a prefix closed by "*" (that row or its parts)? */
static int ref_matches(const char *id, const char *term)
{
    size_t n = strlen(term);
    if (n >= 2 && term[n - 1] == '*' && term[n - 2] == '.')
        return !strncmp(id, term, n - 1);
    if (n >= 1 && term[n - 1] == '*')
        return !strncmp(id, term, n - 1) && (id[n - 1] == '\0' || id[n - 1] == '.');
    return !strcmp(id, term);
}

/* One term's cell added to a side, the cell named in f; *ok 0 once a term
 * has no value or the sum does not fit. */
static void ref_add(const nb_report *r, int ci, nb_num *sum, nb_finding *f, int *inferred, int *ok)
{
    nb_finding_add_cell(f, ci);
    nb_num v;
    if (*ok && (nb_cell_sum_value(r, ci, &v, inferred) != 0 || nb_num_add_checked(*sum, v, sum) != 0))
        *ok = 0;
}

/* One side of a column sum over column c: the T3 rows each term matches. */
static void ref_col_side(const nb_report *r, const char *const *terms, int nterms, int c, nb_num *sum, nb_finding *f,
                         int *inferred, int *ok)
{
    const nb_schema *s = r->schema;
    *sum = nb_num_int(0);
    for (int t = 0; t < nterms && terms[t]; t++)
        for (int rr = 0; rr < s->nrows; rr++)
            if (s->rows[rr].table == NB_T3 && ref_matches(s->rows[rr].id, terms[t]))
                ref_add(r, nb_schema_first_cell(s, rr) + c, sum, f, inferred, ok);
}

/* One side of a row sum over row rr: the column of each term the row has. */
static void ref_row_side(const nb_report *r, const char *const *terms, int nterms, int rr, nb_num *sum, nb_finding *f,
                         int *inferred, int *ok)
{
    const nb_row *rw = &r->schema->rows[rr];
    *sum = nb_num_int(0);
    for (int t = 0; t < nterms && terms[t]; t++)
        for (int c = 0; c < rw->ncols; c++)
            if (!strcmp(rw->cols[c].key, terms[t])) {
                ref_add(r, nb_schema_first_cell(r->schema, rr) + c, sum, f, inferred, ok);
                break;
            }
}

/* The finding of an equation over column c or row rr, appended to out
 * when its sides are both summed and differ. */
static void ref_one(const nb_report *r, const nb_equation *e, int c, int rr, nb_findings *out)
{
    nb_finding f;
    memset(&f, 0, sizeof f);
    nb_num l, rs;
    int inferred = 0, ok = 1;
    if (e->over == NB_OVER_T3_COLS) {
        ref_col_side(r, e->lhs, 3, c, &l, &f, &inferred, &ok);
        ref_col_side(r, e->rhs, 8, c, &rs, &f, &inferred, &ok);
    } else {
        ref_row_side(r, e->lhs, 3, rr, &l, &f, &inferred, &ok);
        ref_row_side(r, e->rhs, 8, rr, &rs, &f, &inferred, &ok);
    }
    if (!ok || nb_num_cmp(l, rs) == 0)
        return;
    nb_err err;
    nb_finding *g = nb_finding_add(out, e->rule, &err);
    assert_non_null(g);
    memcpy(g->cells, f.cells, sizeof f.cells);
    g->ncells = f.ncells;
    g->lhs = l;
    g->rhs = rs;
    g->inferred = inferred;
    if (e->over == NB_OVER_T3_COLS)
        g->col = r->schema->rows[nb_schema_find_row(r->schema, "t3.new")].cols[c].key;
    else
        g->row = rr;
}

/* Every sum rule's findings, in the order the rules and their columns or
 * rows come. */
static void reference(const nb_report *r, nb_findings *out)
{
    static const nb_rule_id rules[] = {NB_RULE_T3_BALANCE, NB_RULE_T3_RESULTS_SUM, NB_RULE_T3_ROW_TOTAL,
                                       NB_RULE_T4_GROUP_TOTAL};
    memset(out, 0, sizeof *out);
    for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++) {
        const nb_equation *e = nb_equation_of(rules[k]);
        assert_non_null(e);
        if (e->over == NB_OVER_T3_COLS) {
            for (int c = 0; c < 7; c++)
                ref_one(r, e, c, -1, out);
            continue;
        }
        int table = e->over == NB_OVER_T3_ROWS ? NB_T3 : NB_T4;
        for (int rr = 0; rr < r->schema->nrows; rr++)
            if (r->schema->rows[rr].table == table)
                ref_one(r, e, -1, rr, out);
    }
}

static void same_findings(const nb_findings *want, const nb_findings *got)
{
    assert_int_equal(got->n, want->n);
    for (size_t i = 0; i < want->n; i++) {
        const nb_finding *w = &want->v[i], *g = &got->v[i];
        assert_int_equal(g->rule, w->rule);
        assert_int_equal(g->ncells, w->ncells);
        assert_memory_equal(g->cells, w->cells, sizeof(int) * (size_t)w->ncells);
        assert_true(g->has_sides);
        assert_true(g->lhs.v == w->lhs.v && g->lhs.scale == w->lhs.scale);
        assert_true(g->rhs.v == w->rhs.v && g->rhs.scale == w->rhs.scale);
        assert_int_equal(g->inferred, w->inferred);
        if (w->col)
            assert_string_equal(g->col, w->col);
        else
            assert_int_equal(g->row, w->row);
    }
}

/* Reports in schema s drawn at random, each checked with the plans (none
 * when plans is NULL) and by the reference: the same findings. */
static void against_reference(const nb_schema *s, const nb_sum_plans *plans, unsigned long long seed, int *fired)
{
    nb_report r;
    memset(&r, 0, sizeof r);
    r.schema = s;
    r.ncells = ncells_of(s);
    r.cells = calloc((size_t)r.ncells, sizeof *r.cells);
    assert_non_null(r.cells);
    for (int trial = 0; trial < 400; trial++) {
        /* now and then a report whose cells all agree, one cell at a time off */
        int calm = trial % 4 == 0;
        for (int ci = 0; ci < r.ncells; ci++) {
            draw_cell(&r.cells[ci], &seed);
            if (calm) {
                r.cells[ci].status = NB_ST_NUMBER;
                r.cells[ci].num = nb_num_int(0);
            }
        }
        if (calm)
            draw_cell(&r.cells[draw(&seed) % (unsigned)r.ncells], &seed);
        nb_findings want, got;
        nb_err err;
        reference(&r, &want);
        memset(&got, 0, sizeof got);
        assert_int_equal(nb_check_sums(&r, plans, &got, &err), 0);
        same_findings(&want, &got);
        *fired += want.n > 0;
        nb_findings_free(&want);
        nb_findings_free(&got);
    }
    free(r.cells);
}

static void test_sums_as_the_reference(void **state)
{
    (void)state;
    const check_ctx *cc = g_ctx.checks;
    const nb_schema *schemas[3] = {nb_schema_for(2021), nb_schema_for(2019),
                                   nb_schema_variant(2021, NB_VARIANT_ONE_OTHER)};
    int fired = 0;
    for (int i = 0; i < 3; i++) {
        against_reference(schemas[i], cc->sums, 17 + (unsigned long long)i, &fired);
        against_reference(schemas[i], NULL, 91 + (unsigned long long)i, &fired);
        nb_schema copy = *schemas[i]; /* a schema the plans were not made for */
        against_reference(&copy, cc->sums, 33 + (unsigned long long)i, &fired);
    }
    assert_true(fired > 1000); /* the findings were there to compare */
}

/* The print of a table as the summary defines it: FNV-1a (64 bits) over
 * each cell's value, its eight bytes from the lowest, then its scale. */
static void ref_print(const nb_report *r, int table, int *state, uint64_t *print)
{
    const nb_schema *s = r->schema;
    uint64_t h = 1469598103934665603ull;
    int zero = 1;
    *state = 0;
    for (int rr = 0; rr < s->nrows; rr++) {
        if (s->rows[rr].table != table)
            continue;
        for (int c = 0; c < s->rows[rr].ncols; c++) {
            nb_num v;
            int inferred = 0;
            if (nb_cell_sum_value(r, nb_schema_first_cell(s, rr) + c, &v, &inferred) != 0)
                return;
            zero &= v.v == 0;
            for (int b = 0; b < 8; b++)
                h = (h ^ ((uint64_t)v.v >> 8 * b & 0xFF)) * 1099511628211ull;
            h = (h ^ (uint64_t)v.scale) * 1099511628211ull;
        }
    }
    *state = zero ? 1 : 2;
    *print = h;
}

/* Every figure of a byte length of its own (0 to 8 bytes, negative). */
static long long draw_figure(unsigned long long *seed)
{
    unsigned k = draw(seed) % 10;
    unsigned long long x = (unsigned long long)draw(seed) << 32 | draw(seed);
    if (k == 9)
        return -(long long)(x >> (draw(seed) % 64));
    return k ? (long long)(x >> (64 - 8 * k)) : 0; /* k bytes at most */
}

static void test_table_prints_as_fnv(void **state)
{
    (void)state;
    nb_report r;
    nb_err e;
    if (nb_report_open(&r, "tests/data/clean.txt", &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    unsigned long long seed = 5;
    int kinds[3] = {0, 0, 0};
    for (int trial = 0; trial < 600; trial++) {
        int mode = trial % 3; /* 0: drawn at random, 1: every figure a number, 2: all zero */
        for (int ci = 0; ci < r.ncells; ci++) {
            nb_cell *c = &r.cells[ci];
            draw_cell(c, &seed);
            if (mode == 1 && c->status != NB_ST_NUMBER)
                c->status = NB_ST_INFERRED;
            if (mode)
                c->num.v = mode == 1 ? draw_figure(&seed) : 0;
        }
        nb_summary s;
        nb_summarize(&r, &s);
        for (int t = 0; t < 3; t++) {
            int want_state;
            uint64_t want = 0;
            ref_print(&r, NB_T2 + t, &want_state, &want);
            assert_int_equal(s.table_state[t], want_state);
            if (want_state == 2)
                assert_true(s.table_print[t] == want);
            kinds[want_state]++;
        }
    }
    assert_true(kinds[0] && kinds[1] && kinds[2]);
    nb_report_free(&r);
}

/* The growths' figures (the summary's value): a sum of two cells past a
 * long long is no figure, one cell alone still is. */
static void test_growth_values_past_limit(void **state)
{
    (void)state;
    nb_report r;
    nb_err e;
    if (nb_report_open(&r, "tests/data/clean.txt", &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    static const char *const ids[] = {"t3.new.total", "t3.carried_in.total", "t4.suit_direct.total",
                                      "t4.suit_after.total"};
    for (int big = 0; big < 2; big++) {
        for (int k = 0; k < 4; k++) {
            nb_cell *c = &r.cells[nb_schema_find_cell(r.schema, ids[k])];
            c->status = NB_ST_NUMBER;
            c->num = nb_num_int(big ? LLONG_MAX - k % 2 : 40 + k);
        }
        nb_summary s;
        nb_summarize(&r, &s);
        assert_int_equal(s.has_value[NB_GROW_RECEIVED][0], 1);
        assert_int_equal(s.value[NB_GROW_RECEIVED][0], big ? LLONG_MAX : 40);
        assert_int_equal(s.has_value[NB_GROW_RECEIVED][1], !big);
        assert_int_equal(s.has_value[NB_GROW_SUIT][0], !big);
        if (!big) {
            assert_int_equal(s.value[NB_GROW_RECEIVED][1], 81);
            assert_int_equal(s.value[NB_GROW_SUIT][0], 85);
        }
    }
    nb_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sums_as_the_reference),
        cmocka_unit_test(test_table_prints_as_fnv), cmocka_unit_test(test_growth_values_past_limit),
    };
    return TU_RUN("sums", tests, &g_ctx, NULL, NULL);
}
