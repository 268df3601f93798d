/* test_metrics.c — the metrics of a report on known numbers (the clean seed
 * 001, all zeros, with cells set in memory): counts, rates rounded half up,
 * a zero denominator and a missing or unread cell giving no rate, blanks
 * counting 0; findings counted with dismissals left out and the state of the
 * review; the counts of a plan made once for a schema, for reports of
 * every schema with generated cells, against the cells read plainly by
 * their IDs; the metrics as CSV, JSON and in the export; and the text table:
 * widths in display columns, cells cut at character boundaries, control
 * characters and bad bytes made printable. */
#include "testutil.h"
#include "check/findings.h"
#include "out/export.h"
#include "out/metrics.h"
#include "out/table.h"
#include "review/review.h"

#include <limits.h>

static nb_ctx g_ctx;

static void load(nb_report *r)
{
    nb_err e;
    if (nb_report_open(r, "tests/data/seed001.txt", &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
}

static void set(nb_report *r, const char *id, nb_status st, long long v)
{
    int ci = nb_schema_find_cell(r->schema, id);
    if (ci < 0)
        fail_msg("no cell %s", id);
    r->cells[ci].status = st;
    r->cells[ci].num = nb_num_int(v);
}

static void known(nb_known k, long long v)
{
    assert_true(k.known);
    assert_int_equal(k.v, v);
}

/* A report with every metric known: 10 handled, 6 granted, 2 partial, 1 + 1
 * denied; reviews 1 corrected of 4; suits 1 + 1 corrected of 3 + 5. */
static void set_known(nb_report *r)
{
    static const struct {
        const char *id;
        nb_status st;
        long long v;
    } cells[] = {
        {"t3.new.total", NB_ST_NUMBER, 9},           {"t3.total.total", NB_ST_NUMBER, 10},
        {"t3.carried_out.total", NB_ST_NUMBER, 2},   {"t3.granted.total", NB_ST_NUMBER, 6},
        {"t3.partial.total", NB_ST_NUMBER, 2},       {"t3.deny.secret.total", NB_ST_NUMBER, 1},
        {"t3.deny.query.total", NB_ST_NUMBER, 1},    {"t4.review.corrected", NB_ST_NUMBER, 1},
        {"t4.review.total", NB_ST_NUMBER, 4},        {"t4.suit_direct.corrected", NB_ST_NUMBER, 1},
        {"t4.suit_direct.total", NB_ST_NUMBER, 3},   {"t4.suit_after.corrected", NB_ST_INFERRED, 1},
        {"t4.suit_after.total", NB_ST_NUMBER, 5},
    };
    for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
        set(r, cells[k].id, cells[k].st, cells[k].v);
}

/* r: seed 001 with the known numbers, then id set to st (v); m its metrics. */
static void metrics_with(nb_report *r, nb_metrics *m, const char *id, nb_status st, long long v)
{
    load(r);
    set_known(r);
    set(r, id, st, v);
    nb_metrics_of(r, NULL, NULL, m);
}

static void test_counts_and_rates(void **s)
{
    (void)s;
    nb_report r;
    load(&r);
    set_known(&r);
    nb_metrics m;
    nb_metrics_of(&r, NULL, NULL, &m);
    assert_string_equal(m.file, "tests/data/seed001.txt");
    assert_string_equal(m.agency, "卧龙区安皋镇人民政府");
    assert_int_equal(m.year, 2024);
    static const long long want[NB_M_NCOUNTS] = {9, 10, 2, 6, 2, 2, 1, 4, 2, 8};
    for (int k = 0; k < NB_M_NCOUNTS; k++)
        known(m.count[k], want[k]);
    known(m.rate[NB_RATE_DISCLOSURE], 800); /* (6 + 2) / 10 */
    known(m.rate[NB_RATE_DENIAL], 200);
    known(m.rate[NB_RATE_REVIEW], 250);
    known(m.rate[NB_RATE_SUIT], 250);
    /* rounded half up to a tenth of a percent */
    set(&r, "t3.total.total", NB_ST_NUMBER, 3);   /* 8/3 = 266.67%, 2/3 = 66.67% */
    set(&r, "t4.review.total", NB_ST_NUMBER, 16); /* 1/16 = 6.25% */
    set(&r, "t4.suit_after.total", NB_ST_NUMBER, 1997); /* 2/2000 = 0.1% */
    nb_metrics_of(&r, NULL, NULL, &m);
    known(m.rate[NB_RATE_DISCLOSURE], 2667);
    known(m.rate[NB_RATE_DENIAL], 667);
    known(m.rate[NB_RATE_REVIEW], 63);
    known(m.rate[NB_RATE_SUIT], 1);
    nb_report_free(&r);
}

static void test_zero_and_missing(void **s)
{
    (void)s;
    nb_report r;
    load(&r);
    nb_metrics m;
    nb_metrics_of(&r, NULL, NULL, &m); /* all zeros: every count 0, no rate */
    for (int k = 0; k < NB_M_NCOUNTS; k++)
        known(m.count[k], 0);
    for (int k = 0; k < NB_NRATES; k++)
        assert_false(m.rate[k].known);
    set_known(&r);
    set(&r, "t3.partial.total", NB_ST_PLACEHOLDER, 0);  /* "/" or 无: counts 0 */
    set(&r, "t3.deny.law.total", NB_ST_BLANK, 0);       /* says nothing: no count */
    set(&r, "t4.review.total", NB_ST_MISSING, 0);       /* no count, no rate */
    set(&r, "t4.suit_after.corrected", NB_ST_TEXT, 0);  /* one cell of two unread */
    nb_metrics_of(&r, NULL, NULL, &m);
    known(m.count[NB_M_PARTIAL], 0);
    known(m.rate[NB_RATE_DISCLOSURE], 600);
    assert_false(m.count[NB_M_DENIED].known);
    assert_false(m.rate[NB_RATE_DENIAL].known);
    assert_false(m.count[NB_M_REVIEW_TOTAL].known);
    known(m.count[NB_M_REVIEW_CORRECTED], 1);
    assert_false(m.rate[NB_RATE_REVIEW].known);
    assert_false(m.count[NB_M_SUIT_CORRECTED].known);
    known(m.count[NB_M_SUIT_TOTAL], 8);
    assert_false(m.rate[NB_RATE_SUIT].known);
    /* a number that is no count: a fraction, or below 0 */
    r.cells[nb_schema_find_cell(r.schema, "t3.total.total")].num = (nb_num){105, 1};
    set(&r, "t3.new.total", NB_ST_NUMBER, -1);
    nb_metrics_of(&r, NULL, NULL, &m);
    assert_false(m.count[NB_M_HANDLED].known);
    assert_false(m.count[NB_M_NEW].known);
    assert_false(m.rate[NB_RATE_DISCLOSURE].known);
    nb_report_free(&r);
}

/* Findings of rule at severity, their fingerprints in fp. */
static void add_finding(const nb_report *r, nb_findings *fs, const char *rule, nb_severity sev, const char *cell,
                        char fp[24])
{
    nb_err err;
    nb_finding *f = nb_finding_add(fs, (nb_rule_id)nb_rule_index(rule), &err);
    assert_non_null(f);
    f->severity = sev;
    nb_finding_add_cell(f, nb_schema_find_cell(r->schema, cell));
    nb_finding_fingerprint(r, f, fp);
}

static void decide(nb_review *rv, const char *fp, nb_decision state)
{
    nb_rv_entry e = {.kind = NB_RV_DECIDE, .state = state};
    snprintf(e.finding, sizeof e.finding, "%s", fp);
    assert_int_equal(nb_review_add(rv, &e), 0);
}

static void test_findings_and_review(void **s)
{
    (void)s;
    nb_report r;
    load(&r);
    nb_findings fs = {0};
    char fp[3][24], spare[24];
    add_finding(&r, &fs, "T3.BALANCE", NB_SEV_ERROR, "t3.new.total", fp[0]);
    add_finding(&r, &fs, "T3.BALANCE", NB_SEV_ERROR, "t3.new.natural", fp[1]);
    add_finding(&r, &fs, "CELL.BLANK", NB_SEV_WARNING, "t3.new.legal", fp[2]);
    add_finding(&r, &fs, "DATE.LATE", NB_SEV_INFO, "t3.new.other", spare);
    nb_metrics m;
    nb_metrics_of(&r, &fs, NULL, &m);
    assert_int_equal(m.findings[NB_SEV_ERROR], 2);
    assert_int_equal(m.findings[NB_SEV_WARNING], 1);
    assert_int_equal(m.findings[NB_SEV_INFO], 1);
    assert_int_equal(m.review, NB_REVIEW_NOT_STARTED);
    assert_int_equal(m.to_decide, 2);
    assert_int_equal(m.decided, 0);
    nb_review rv = {0};
    nb_rv_entry note = {.kind = NB_RV_NOTE};
    assert_int_equal(nb_review_add(&rv, &note), 0);
    nb_metrics_of(&r, &fs, &rv, &m); /* a review with a note: begun */
    assert_int_equal(m.review, NB_REVIEW_IN_PROGRESS);
    decide(&rv, fp[0], NB_DEC_CONFIRMED);
    decide(&rv, fp[2], NB_DEC_DISMISSED); /* a warning: does not decide the state */
    nb_metrics_of(&r, &fs, &rv, &m);
    assert_int_equal(m.review, NB_REVIEW_IN_PROGRESS);
    assert_int_equal(m.decided, 1);
    assert_int_equal(m.findings[NB_SEV_WARNING], 0); /* dismissed: not counted */
    decide(&rv, fp[1], NB_DEC_DISMISSED);
    nb_metrics_of(&r, &fs, &rv, &m);
    assert_int_equal(m.review, NB_REVIEW_DONE);
    assert_int_equal(m.decided, 2);
    assert_int_equal(m.findings[NB_SEV_ERROR], 1);
    decide(&rv, fp[0], NB_DEC_OPEN); /* reopened */
    nb_metrics_of(&r, &fs, &rv, &m);
    assert_int_equal(m.review, NB_REVIEW_IN_PROGRESS);
    assert_int_equal(m.decided, 1);
    long cnt[3];
    nb_metrics_count(&r, &fs, &rv, cnt);
    assert_true(cnt[0] == 1 && cnt[1] == 0 && cnt[2] == 1);
    nb_review_free(&rv);
    nb_findings_free(&fs);
    nb_report_free(&r);
}

/* What write does to a memory stream, as a string (malloc'd). */
static char *written(int (*write)(FILE *, const nb_metrics *), const nb_metrics *m)
{
    char *b = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&b, &n);
    assert_non_null(f);
    assert_int_equal(write(f, m), 0);
    fclose(f);
    return b;
}

static int csv_header(FILE *f, const nb_metrics *m)
{
    (void)m;
    return nb_metrics_csv_header(f);
}

static void test_csv_and_json(void **s)
{
    (void)s;
    nb_report r;
    nb_metrics m;
    metrics_with(&r, &m, "t4.review.total", NB_ST_MISSING, 0);
    char *h = written(csv_header, &m), *row = written(nb_metrics_csv, &m), *json = written(nb_metrics_json, &m);
    assert_string_equal(h, "file,agency,year,new,handled,carried_out,granted,partial,denied,review_corrected,"
                           "review_total,suit_corrected,suit_total,disclosure_rate,denial_rate,"
                           "review_correction_rate,suit_correction_rate,errors,warnings,info,review,decided,"
                           "to_decide\r\n");
    assert_string_equal(row, "tests/data/seed001.txt,卧龙区安皋镇人民政府,2024,9,10,2,6,2,2,1,,2,8,80.0,20.0,,25.0,"
                             "0,0,0,not_started,0,0\r\n");
    assert_string_equal(json, "{\"file\":\"tests/data/seed001.txt\",\"agency\":\"卧龙区安皋镇人民政府\",\"year\":2024,"
                              "\"new\":9,\"handled\":10,\"carried_out\":2,\"granted\":6,\"partial\":2,\"denied\":2,"
                              "\"review_corrected\":1,\"review_total\":null,\"suit_corrected\":2,\"suit_total\":8,"
                              "\"disclosure_rate\":80.0,\"denial_rate\":20.0,\"review_correction_rate\":null,"
                              "\"suit_correction_rate\":25.0,\"errors\":0,\"warnings\":0,\"info\":0,"
                              "\"review\":\"not_started\",\"decided\":0,\"to_decide\":0}\n");
    free(h);
    free(row);
    free(json);
    /* the export object ends with the same metrics */
    char *b = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&b, &n);
    assert_int_equal(nb_export_json(f, &r, NULL, NB_SEV_INFO, NULL, NB_LANG_EN), 0);
    fclose(f);
    const char *tail = ",\"metrics\":{\"new\":9,\"handled\":10,";
    assert_non_null(strstr(b, tail));
    const char *end = "\"to_decide\":0}}\n";
    assert_true(n > strlen(end));
    assert_string_equal(b + n - strlen(end), end);
    free(b);
    nb_report_free(&r);
}

/* A count read plainly: the cells of the IDs (a pattern's: t3.deny.NAME.total)
 * in schema order, as the metrics count them. */
static nb_known plain_count(const nb_report *r, int k)
{
    static const char *const ids[NB_M_NCOUNTS][2] = {
        [NB_M_NEW] = {"t3.new.total"},
        [NB_M_HANDLED] = {"t3.total.total"},
        [NB_M_CARRIED_OUT] = {"t3.carried_out.total"},
        [NB_M_GRANTED] = {"t3.granted.total"},
        [NB_M_PARTIAL] = {"t3.partial.total"},
        [NB_M_DENIED] = {"t3.deny.*"},
        [NB_M_REVIEW_CORRECTED] = {"t4.review.corrected"},
        [NB_M_REVIEW_TOTAL] = {"t4.review.total"},
        [NB_M_SUIT_CORRECTED] = {"t4.suit_direct.corrected", "t4.suit_after.corrected"},
        [NB_M_SUIT_TOTAL] = {"t4.suit_direct.total", "t4.suit_after.total"},
    };
    nb_known sum = {1, 0};
    int found = 0;
    for (int p = 0; p < 2 && ids[k][p]; p++)
        for (int ci = 0; ci < r->ncells; ci++) {
            const char *id = nb_schema_cell_name(r->schema, ci);
            size_t n = strlen(id);
            int deny = !strcmp(ids[k][p], "t3.deny.*") && !strncmp(id, "t3.deny.", 8) && n > 14 &&
                       !strcmp(id + n - 6, ".total") && !memchr(id + 8, '.', n - 14);
            if (!deny && strcmp(id, ids[k][p]))
                continue;
            const nb_cell *c = &r->cells[ci];
            found++;
            long long v = 0;
            if (c->status == NB_ST_PLACEHOLDER)
                v = 0;
            else if ((c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED) || !nb_num_is_int(c->num) ||
                     c->num.v < 0) {
                sum.known = 0;
                continue;
            } else {
                v = c->num.v;
                for (int d = 0; d < c->num.scale; d++)
                    v /= 10;
            }
            if (sum.known && __builtin_add_overflow(sum.v, v, &sum.v))
                sum.known = 0;
        }
    if (!found)
        sum.known = 0;
    return sum;
}

static void test_plan_counts(void **s)
{
    (void)s;
    const nb_schema *schemas[] = {nb_schema_for(2021), nb_schema_for(2019),
                                  nb_schema_variant(2021, NB_VARIANT_ONE_OTHER)};
    static const long long values[] = {0, 1, 7, 120, -3, LLONG_MAX / 2 + 1, LLONG_MAX};
    unsigned x = 3;
    for (size_t k = 0; k < sizeof schemas / sizeof schemas[0]; k++) {
        nb_metrics_plan plan;
        nb_metrics_plan_make(&plan, schemas[k]);
        nb_report r;
        memset(&r, 0, sizeof r);
        r.doc.path = "generated.txt";
        r.schema = schemas[k];
        r.ncells = nb_schema_ncells(r.schema);
        r.cells = calloc((size_t)r.ncells, sizeof *r.cells);
        assert_non_null(r.cells);
        for (int round = 0; round < 300; round++) {
            for (int ci = 0; ci < r.ncells; ci++) {
                x = x * 1103515245u + 12345u;
                unsigned z = x >> 8;
                r.cells[ci].status = (nb_status)(z % 6);
                r.cells[ci].num = nb_num_int(values[z / 6 % (round % 3 ? 4 : 7)]); /* large ones a third of the time */
                r.cells[ci].num.scale = z / 64 % 5 == 0 ? 1 : 0;
            }
            nb_metrics a, b;
            nb_metrics_of_plan(&r, NULL, NULL, &plan, &a);
            nb_metrics_of(&r, NULL, NULL, &b);
            for (int c = 0; c < NB_M_NCOUNTS; c++) {
                nb_known want = plain_count(&r, c);
                assert_int_equal(a.count[c].known, want.known);
                assert_int_equal(b.count[c].known, want.known);
                if (want.known) {
                    assert_int_equal(a.count[c].v, want.v);
                    assert_int_equal(b.count[c].v, want.v);
                }
            }
            assert_memory_equal(&a, &b, sizeof a);
        }
        free(r.cells);
    }
}

/* The lines of a table written at max_width, as one string. */
static char *table_text(const nb_table *t, size_t max_width)
{
    char *b = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&b, &n);
    assert_int_equal(nb_table_write(t, f, max_width), 0);
    fclose(f);
    return b;
}

static void test_table(void **s)
{
    (void)s;
    nb_table t;
    nb_err err;
    const char *head[] = {"report", "body", "n"};
    assert_int_equal(nb_table_init(&t, 3, head, NB_LANG_EN, &err), 0);
    t.right = 1u << 2;
    t.shrink = 1u << 0 | 1u << 1;
    t.keep_end = 1u << 0;
    const char *a[] = {"dir/a-long-report-name.txt", "平潭综合实验区管委会", "218"};
    const char *b[] = {"b.txt", "x\ty\x1b\xff", "7"};
    assert_int_equal(nb_table_add(&t, a, &err), 0);
    assert_int_equal(nb_table_add(&t, b, &err), 0);
    char *full = table_text(&t, 0);
    assert_string_equal(full, "report                      body                    n\n"
                              "dir/a-long-report-name.txt  平潭综合实验区管委会  218\n"
                              "b.txt                       x^Iy^[\xEF\xBF\xBD                 7\n");
    free(full);
    size_t w[3];
    nb_table_widths(&t, 40, w); /* 26 + 20 + 3 + 4 = 53: 13 columns to cut, the widest first */
    assert_true(w[0] == 16 && w[1] == 17 && w[2] == 3);
    char *cut = table_text(&t, 40);
    assert_string_equal(cut, "report            body                 n\n"
                             "…report-name.txt  平潭综合实验区管…  218\n"
                             "b.txt             x^Iy^[\xEF\xBF\xBD              7\n");
    free(cut);
    nb_table_widths(&t, 10, w); /* never below NB_TABLE_MIN */
    assert_true(w[0] == NB_TABLE_MIN && w[1] == NB_TABLE_MIN);
    nb_table_free(&t);
    char out[64];
    nb_table_fit("甲乙丙丁", 6, 0, 1, out, sizeof out);
    assert_string_equal(out, "…丙丁 ");
    nb_table_fit("甲乙丙丁", 6, 1, 0, out, sizeof out);
    assert_string_equal(out, " 甲乙…");
    nb_table_fit("甲乙丙丁", 7, 0, 0, out, sizeof out);
    assert_string_equal(out, "甲乙丙…");
    nb_table_fit("12", 5, 1, 0, out, sizeof out);
    assert_string_equal(out, "   12");
    assert_int_equal(nb_table_init(&t, 0, head, NB_LANG_ZH, &err), -1); /* its errors in its language */
    assert_string_equal(err.msg, "表格不能有 0 列");
    assert_int_equal(t.lang, NB_LANG_ZH);
    nb_table_free(&t);
}

static void test_table_of_metrics(void **s)
{
    (void)s;
    nb_report r;
    nb_metrics m;
    metrics_with(&r, &m, "t4.review.total", NB_ST_NUMBER, 0);
    m.review = NB_REVIEW_IN_PROGRESS;
    m.decided = 1;
    m.to_decide = 3;
    nb_table t;
    nb_err err;
    assert_int_equal(nb_metrics_table_init(&t, NB_LANG_ZH, &err), 0);
    assert_int_equal(nb_metrics_table_add(&t, &m, NB_LANG_ZH, &err), 0);
    char *text = table_text(&t, 0);
    assert_string_equal(text,
                        "报告                    机关                  年度  新收  办结  结转  公开率  不予公开率  "
                        "复议纠错率  诉讼纠错率  错误  警告  提示  审阅\n"
                        "tests/data/seed001.txt  卧龙区安皋镇人民政府  2024     9    10     2   80.0%       20.0%"
                        "           —       25.0%     0     0     0  进行中 1/3\n");
    free(text);
    nb_table_free(&t);
    nb_report_free(&r);
}

/* A rate whose tenths of a percent a long long cannot hold is unknown; one
 * just inside is read in long double, rounded half up. */
static void test_rate_limits(void **s)
{
    (void)s;
    nb_report r;
    memset(&r, 0, sizeof r);
    r.doc.path = "generated.txt";
    r.schema = nb_schema_for(2021);
    r.ncells = nb_schema_ncells(r.schema);
    r.cells = calloc((size_t)r.ncells, sizeof *r.cells);
    assert_non_null(r.cells);
    int corrected = nb_schema_find_cell(r.schema, "t4.review.corrected"), total = nb_schema_find_cell(r.schema, "t4.review.total");
    assert_true(corrected >= 0 && total >= 0);
    static const struct {
        long long num, den;
        int known;
        long long tenths;
    } cases[] = {
        {1, 3, 1, 333},                                    /* 33.3% */
        {2, 3, 1, 667},                                    /* 66.7%: half up */
        {LLONG_MAX / 2000, 1000, 1, LLONG_MAX / 2000},     /* the last in whole numbers */
        {LLONG_MAX, 1000, 1, LLONG_MAX},                   /* the last that fits */
        {5000000000000000, 3, 1, 1666666666666666667},     /* long double, rounded */
        {LLONG_MAX / 2 + 1, 1, 0, 0},                      /* past a long long */
        {LLONG_MAX, 999, 0, 0},                            /* just past */
        {LLONG_MAX / 2 + 1, LLONG_MAX, 1, 500},            /* 50.0%: of counts near the limit */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        r.cells[corrected].status = r.cells[total].status = NB_ST_NUMBER;
        r.cells[corrected].num = nb_num_int(cases[k].num);
        r.cells[total].num = nb_num_int(cases[k].den);
        nb_metrics m;
        nb_metrics_of(&r, NULL, NULL, &m);
        if (m.rate[NB_RATE_REVIEW].known != cases[k].known)
            fail_msg("case %zu: known %d", k, m.rate[NB_RATE_REVIEW].known);
        if (cases[k].known)
            assert_int_equal(m.rate[NB_RATE_REVIEW].v, cases[k].tenths);
    }
    free(r.cells);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_and_rates), cmocka_unit_test(test_zero_and_missing),
        cmocka_unit_test(test_findings_and_review), cmocka_unit_test(test_csv_and_json),
        cmocka_unit_test(test_table), cmocka_unit_test(test_table_of_metrics),
        cmocka_unit_test(test_plan_counts), cmocka_unit_test(test_rate_limits),
    };
    return TU_RUN("metrics", tests, &g_ctx, NULL, NULL);
}
