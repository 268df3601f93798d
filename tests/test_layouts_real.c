/* test_layouts_real.c — the layouts and wordings real reports use, each in
 * a report written for it (tests/data/layouts/): every cell exactly, every
 * finding counted by rule, and never a STRUCT.MISSING where nothing is
 * missing. A correct report yields no error; a report's own error is found
 * on cells that were read. */
#include "booktest.h"
#include "out/export.h"

static nb_ctx g_ctx;

/* tests/data/layouts/NAME with each pair {old, new} of subs (NULL-ended)
 * replaced, read as a report. */
static void load(nb_report *r, const char *name, const char *const *subs)
{
    char path[256];
    snprintf(path, sizeof path, "tests/data/layouts/%s", name);
    char *t = tu_read(path, NULL);
    if (!t)
        fail_msg("cannot read %s", path);
    for (int k = 0; subs && subs[k]; k += 2) {
        char *u = bt_replace(t, subs[k], subs[k + 1]);
        free(t);
        t = u;
    }
    tu_report_bytes(r, &g_ctx, name, t, strlen(t));
    free(t);
}

/* One cell as the tests write it: 12, 12? (inferred), _ (blank), P
 * (placeholder), T (text), M (missing). */
static void cell_text(const nb_cell *c, char *out, size_t cap)
{
    switch (c->status) {
    case NB_ST_NUMBER: nb_num_format(c->num, out, cap); break;
    case NB_ST_INFERRED: snprintf(out + nb_num_format(c->num, out, cap - 1), 2, "?"); break;
    case NB_ST_BLANK: snprintf(out, cap, "_"); break;
    case NB_ST_PLACEHOLDER: snprintf(out, cap, "P"); break;
    case NB_ST_TEXT: snprintf(out, cap, "T"); break;
    default: snprintf(out, cap, "M"); break;
    }
}

/* The cells of a row, written as above and separated by spaces, are want. */
static void row_is(const nb_report *r, const char *row, const char *want)
{
    int rr = nb_schema_find_row(r->schema, row);
    if (rr < 0)
        fail_msg("no row %s", row);
    char got[256] = "";
    int ci = nb_schema_first_cell(r->schema, rr);
    for (int c = 0; c < r->schema->rows[rr].ncols; c++) {
        char one[40];
        cell_text(&r->cells[ci + c], one, sizeof one);
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", c ? " " : "", one);
    }
    if (strcmp(got, want))
        fail_msg("%s: got \"%s\", want \"%s\"", row, got, want);
}

/* The findings are exactly want ("CELL.BLANK=150 T3.ROW_TOTAL=2"): each
 * rule named that many times, every other rule never. */
static void findings_are(const nb_findings *f, const char *want)
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    for (int k = 0; k < n; k++) {
        int expect = 0;
        char key[64];
        snprintf(key, sizeof key, "%s=", rules[k].id);
        for (const char *p = strstr(want, key); p; p = strstr(p + 1, key))
            if (p == want || p[-1] == ' ')
                expect = atoi(p + strlen(key));
        if (bt_count(f, rules[k].id) != expect)
            fail_msg("%d findings of %s, want %d (want: %s)", bt_count(f, rules[k].id), rules[k].id, expect, want);
    }
}

/* The findings of rule whose messages are, in order, the NULL-ended msgs. */
static void messages_are(const nb_report *r, const nb_findings *f, const char *rule, const char *const *msgs)
{
    for (int k = 0; msgs[k]; k++)
        bt_message(r, bt_nth(f, rule, k), NB_LANG_EN, msgs[k]);
}

/* ---- tab rows with empty fields ---- */

static void test_tab_empty_fields(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tab_empty.txt", NULL);
    row_is(&r, "t2.regulation", "_ _ _");
    row_is(&r, "t2.normative", "3 1 25");
    row_is(&r, "t2.licensing", "156");
    row_is(&r, "t3.new", "30 4 _ 1 2 _ 37");
    row_is(&r, "t3.carried_in", "2 _ _ _ _ _ 2");
    row_is(&r, "t3.granted", "12 _ _ _ _ _ 12");
    row_is(&r, "t3.partial", "3 1 _ _ _ _ 4");
    row_is(&r, "t3.deny.secret", "_ _ _ _ _ _ _");    /* under a group label on its own line */
    row_is(&r, "t3.deny.third_party", "_ 1 _ _ _ _ 1");
    row_is(&r, "t3.unable.none", "8 1 _ 1 1 _ 11");   /* ditto */
    row_is(&r, "t3.other.no_correction", "1 _ _ _ 1 _ 2");
    row_is(&r, "t3.total", "29 3 _ 1 2 _ 35");
    row_is(&r, "t3.carried_out", "3 1 _ _ _ _ 4");
    row_is(&r, "t4.review", "1 _ _ 1 2");
    row_is(&r, "t4.suit_direct", "_ 1 _ _ 1");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150");
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* A number alone in a row whose other cells, 总计 too, are empty stays in
 * its field, in the column rows of the same shape have there; the row's
 * own sum error is the report's. */
static void test_tab_number_keeps_its_field(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *subs[] = {"二、上年结转政府信息公开申请数量\t\t2\t\t\t\t\t\t2\t",
                          "二、上年结转政府信息公开申请数量\t\t2\t\t\t\t\t\t\t",
                          "（一）予以公开\t12\t\t\t\t\t\t12", "（一）予以公开\t12\t\t\t\t\t\t", NULL};
    load(&r, "tab_empty.txt", subs);
    row_is(&r, "t3.carried_in", "2 _ _ _ _ _ _");
    row_is(&r, "t3.granted", "12 _ _ _ _ _ _");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=152 T3.ROW_TOTAL=2 T3.BALANCE=1 T3.RESULTS_SUM=1");
    assert_true(bt_names(&r, bt_nth(&f, "T3.ROW_TOTAL", 0), "t3.carried_in.total"));
    assert_true(bt_names(&r, bt_nth(&f, "T3.ROW_TOTAL", 1), "t3.granted.total"));
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- space-aligned rows with blank cells ---- */

static void test_space_blank_cells(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "space_blank.txt", NULL);
    row_is(&r, "t2.normative", "3 _ 25");
    row_is(&r, "t3.new", "30 4 0 1 2 0 37");
    row_is(&r, "t3.granted", "12 _ _ _ _ _ 12");
    row_is(&r, "t3.unable.none", "8 1 _ 1 1 _ 11");
    row_is(&r, "t3.refuse.duplicate", "2 _ _ _ _ _ 2");
    row_is(&r, "t3.other.other", "1 _ 0 0 0 0 1");
    row_is(&r, "t4.review", "1 0 0 1 2");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=14");
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* 12 0 0 0 0 0 under seven headers, the last blank: 12,0,0,0,0,0,blank —
 * not "12" split in two; the missing 总计 is the report's error. */
static void test_space_number_under_its_header(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *subs[] = {
        "三、本年度办理结果 （一）予以公开           12                                                              12",
        "三、本年度办理结果 （一）予以公开           12         0         0             0             0       0", NULL};
    load(&r, "space_blank.txt", subs);
    row_is(&r, "t3.granted", "12 0 0 0 0 0 _");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=10 T3.ROW_TOTAL=1 T3.RESULTS_SUM=1");
    assert_true(bt_names(&r, bt_only(&f, "T3.ROW_TOTAL"), "t3.granted.total"));
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- a row with its label and no numbers ---- */

static void test_label_only_rows(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "label_only.txt", NULL);
    row_is(&r, "t2.coercion", "_");
    row_is(&r, "t2.fees", "1.25");
    row_is(&r, "t3.deny.safety", "_ _ _ _ _ _ _");
    row_is(&r, "t3.deny.third_party", "0 1 0 0 0 0 1");
    row_is(&r, "t3.deny.query", "_ _ _ _ _ _ _");
    row_is(&r, "t3.other.no_fee", "_ _ _ _ _ _ _");
    row_is(&r, "t3.other.other", "1 0 0 0 0 0 1");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=22");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *subs[] = {"6.属于四类过程性信息                         0         0         0             0             0       0       0",
                          "6.属于四类过程性信息", NULL};
    load(&r, "space_blank.txt", subs);
    row_is(&r, "t3.deny.process", "_ _ _ _ _ _ _");
    row_is(&r, "t3.deny.enforcement", "0 0 0 0 0 0 0");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=21");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a label alone above the row that has the numbers is not that row */
    const char *above[] = {"第二十条第（五）项\n", "第二十条第（五）项\n行政许可\n", NULL};
    load(&r, "label_only.txt", above);
    row_is(&r, "t2.licensing", "156");
    nb_report_free(&r);
}

/* ---- T2's 规范性文件 in a 2021 report ---- */

static void test_normative_label(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *subs[] = {"行政规范性文件\t3\t1\t25", "规范性文件\t3\t1\t25", NULL};
    load(&r, "tab_empty.txt", subs);
    row_is(&r, "t2.normative", "3 1 25");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150 LABEL.DEVIATES=1");
    const nb_finding *x = bt_only(&f, "LABEL.DEVIATES");
    bt_message(&r, x, NB_LANG_EN, "label \"规范性文件\": the standard wording is \"行政规范性文件\"");
    assert_true(bt_names(&r, x, "t2.normative.in_force"));
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *alone[] = {"行政规范性文件\t3\t1\t25", "规范性文件", NULL};
    load(&r, "tab_empty.txt", alone);
    row_is(&r, "t2.normative", "_ _ _");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=153 LABEL.DEVIATES=1");
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- a 2021 report with one （六）其他处理 row ---- */

static void test_one_other_row(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "one_other.txt", NULL);
    assert_int_equal(r.format, 2021);
    assert_int_equal(r.schema->variant, NB_VARIANT_ONE_OTHER);
    assert_string_equal(nb_variant_name(r.schema->variant), "one-other-row");
    row_is(&r, "t3.refuse.duplicate", "2 0 0 0 0 0 2");
    row_is(&r, "t3.other", "2 0 0 0 1 0 3");
    row_is(&r, "t3.total", "29 3 0 1 2 0 35");
    assert_null(nb_report_cell(&r, "t3.other.no_fee.total"));
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "FORMAT.OUTDATED=1");
    const nb_finding *x = bt_only(&f, "FORMAT.OUTDATED");
    assert_int_equal(x->severity, NB_SEV_ERROR);
    bt_message(&r, x, NB_LANG_EN,
               "the report for 2024 keeps （六）其他处理 in one row, as the earlier template of the 2019 trial layout "
               "did; the 2021 format has its three rows (its figures are read as t3.other.*)");
    /* the export says which variant was read */
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    assert_int_equal(nb_export_json(out, &r, NULL, NB_SEV_INFO, NULL, NB_LANG_EN), 0);
    fclose(out);
    assert_non_null(strstr(buf, "\"format\":2021,\"variant\":\"one-other-row\","));
    assert_non_null(strstr(buf, "\"t3.other.total\":{\"value\":3,"));
    free(buf);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* The one row counts in T3.RESULTS_SUM as the three would. */
static void test_one_other_row_sums(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *subs[] = {"（六）其他处理\t\t2\t0\t0\t0\t1\t0\t3", "（六）其他处理\t\t3\t0\t0\t0\t1\t0\t4", NULL};
    load(&r, "one_other.txt", subs);
    row_is(&r, "t3.other", "3 0 0 0 1 0 4");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "FORMAT.OUTDATED=1 T3.RESULTS_SUM=2");
    assert_true(bt_names(&r, bt_nth(&f, "T3.RESULTS_SUM", 0), "t3.other.natural"));
    assert_true(bt_names(&r, bt_nth(&f, "T3.RESULTS_SUM", 1), "t3.other.total"));
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a 2020 report may use it: said as information */
    const char *y2020[] = {"清河区人民政府2024年", "清河区人民政府2020年", "2024年1月1日至2024年12月31日",
                           "2020年1月1日至2020年12月31日", "2024年，区政府认真", "2020年，区政府认真",
                           "2024年，区政府信息公开工作", "2020年，区政府信息公开工作", "2024年，区政府未收取",
                           "2020年，区政府未收取", "2025年1月20日", "2021年1月20日", NULL};
    load(&r, "one_other.txt", y2020);
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "FORMAT.OUTDATED=1 STRUCT.EXTRA=1");
    assert_int_equal(bt_only(&f, "FORMAT.OUTDATED")->severity, NB_SEV_INFO);
    bt_message(&r, bt_only(&f, "STRUCT.EXTRA"), NB_LANG_EN,
               "T3 keeps \"（六）其他处理\" in one row, as the earlier template of the 2019 trial layout did (its figures "
               "are read as t3.other.*)");
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- section headings in the wording real reports use ---- */

static void all_sections(const nb_report *r)
{
    for (int k = 0; k < NB_NSEC; k++)
        if (!r->sec[k].present)
            fail_msg("section %d not found", k + 1);
}

static void test_heading_wordings(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *one[] = {"五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况",
                         "四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                         "统计期限", "统计时限", NULL};
    load(&r, "tab_empty.txt", one);
    all_sections(&r);
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150 LABEL.DEVIATES=3");
    const char *m1[] = {
        "label \"统计时限\": the standard wording is \"统计期限\"",
        "label \"四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\": the standard wording is \"四、政府信息公开行政复议、行政诉讼情况\"",
        "label \"五、政府信息公开工作存在的主要问题及改进情况\": the standard wording is \"五、存在的主要问题及改进情况\"", NULL};
    messages_are(&r, &f, "LABEL.DEVIATES", m1);
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *two[] = {"五、存在的主要问题及改进情况", "五、存在的主要问题及整改措施",
                         "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况", "统计期限",
                         "统计周期", NULL};
    load(&r, "tab_empty.txt", two);
    all_sections(&r);
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150 LABEL.DEVIATES=3");
    const char *m2[] = {
        "label \"统计周期\": the standard wording is \"统计期限\"",
        "label \"四、政府信息公开行政复议和行政诉讼情况\": the standard wording is \"四、政府信息公开行政复议、行政诉讼情况\"",
        "label \"五、存在的主要问题及整改措施\": the standard wording is \"五、存在的主要问题及改进情况\"", NULL};
    messages_are(&r, &f, "LABEL.DEVIATES", m2);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* Headings numbered the report's own way are the sections they name. */
static void test_heading_own_numbering(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *subs[] = {"二、主动公开政府信息情况",
                          "二、工作机制\n\n区政府设立政务公开工作领导小组，统筹推进全区政务公开工作。\n\n三、主动公开政府信息情况",
                          "\n三、收到和处理", "\n四、收到和处理", "\n四、政府信息公开行政复议", "\n五、政府信息公开行政复议",
                          "\n五、存在的主要", "\n六、存在的主要", "\n六、其他需要", "\n七、其他需要", NULL};
    load(&r, "tab_empty.txt", subs);
    all_sections(&r);
    assert_int_equal(r.sec[NB_SEC_OTHER].numeral, 7);
    row_is(&r, "t3.new", "30 4 _ 1 2 _ 37");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150 SECTION.NUMBERING=6");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* section 五's heading lost (as a converter may): its first subheading stands for it */
    const char *lost[] = {"五、存在的主要问题及改进情况\n\n", "（一）主要问题\n", NULL};
    load(&r, "tab_empty.txt", lost);
    all_sections(&r);
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150 LABEL.DEVIATES=1");
    bt_message(&r, bt_only(&f, "LABEL.DEVIATES"), NB_LANG_EN,
               "label \"（一）主要问题\": the standard wording is \"五、存在的主要问题及改进情况\"");
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- a run-together row that breaks its own row sum ---- */

static void test_runtogether_row_sum(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "glued_rowsum.txt", NULL);
    row_is(&r, "t3.new", "37? 5? 0? 1? 2? 0? 45?");
    row_is(&r, "t3.granted", "19? 1? 0? 0? 0? 0? 19?"); /* 191000019: the column sums read it */
    row_is(&r, "t3.total", "36? 4? 0? 1? 2? 0? 43?");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "T3.ROW_TOTAL=1 T3.RESULTS_SUM=1");
    const nb_finding *x = bt_only(&f, "T3.ROW_TOTAL");
    assert_int_equal(x->suspect, nb_schema_find_cell(r.schema, "t3.granted.total"));
    bt_message(&r, x, NB_LANG_EN,
               "row t3.granted: total = 19, natural + commercial + research + social + legal + other = 20, differs by "
               "1; most likely wrong: t3.granted.total (uses cells inferred from run-together digits)");
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- a row broken over two lines (a page break, a wrapped line) ---- */

#define PARTIAL "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
#define NEW_ROW "一、本年新收政府信息公开申请数量"
#define T4_ROW "2\t1\t3\t1\t7\t0\t0\t0\t0\t0\t13\t2\t4\t0\t19"

static void no_cell_inferred(const nb_report *r)
{
    char id[96];
    for (int ci = 0; ci < r->ncells; ci++)
        if (r->cells[ci].status == NB_ST_INFERRED) {
            nb_schema_cell_id(r->schema, ci, id, sizeof id);
            fail_msg("%s inferred", id);
        }
}

/* tab_split.txt with subs read: the cells of every row as in the file
 * unchanged, none inferred, no error. */
static void reads_whole(const char *const *subs)
{
    nb_report r;
    nb_findings f;
    static const char *const rows[][2] = {
        {"t3.new", "217 1 0 0 0 0 218"}, {"t3.partial", "29 0 0 0 0 0 29"}, {"t3.total", "217 1 0 0 0 0 218"},
        {"t4.review", "2 1 3 1 7"},      {"t4.suit_direct", "0 0 0 0 0"},   {"t4.suit_after", "13 2 4 0 19"},
    };
    load(&r, "tab_split.txt", subs);
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++)
        row_is(&r, rows[k][0], rows[k][1]);
    no_cell_inferred(&r);
    bt_run(&r, &g_ctx, &f);
    for (size_t i = 0; i < f.n; i++)
        if (f.v[i].severity == NB_SEV_ERROR)
            fail_msg("an error of %s", nb_rules(&(int){0})[f.v[i].rule].id);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_row_split_over_lines(void **s)
{
    (void)s;
    reads_whole(NULL);
    /* one bare number on the next line (no tab: another layout) */
    const char *bare[] = {PARTIAL "\t29\t0\t0\t0\t0\t0\t29", PARTIAL "\t29\t0\t0\t0\t0\t0\n29", NULL};
    reads_whole(bare);
    /* the rest of the numbers tab-separated */
    const char *tabs[] = {"（七）总计\t217\t1\t0\t0\t0\t0\t218", "（七）总计\t217\t1\t0\t0\t0\n0\t218", NULL};
    reads_whole(tabs);
    /* a page's footer between the halves */
    const char *footers[] = {NEW_ROW "\t217\t1\t0\t0\t0\t0\t218", NEW_ROW "\t217\t1\t0\t0\n\n— 3 —\n\n0\t0\t218",
                             PARTIAL "\t29\t0\t0\t0\t0\t0\t29", PARTIAL "\t29\t0\t0\t0\t0\n\f第 3 页 共 8 页\n0\t29",
                             NULL};
    reads_whole(footers);
    /* T4's row of fifteen wrapped after its eighth number */
    const char *t4[] = {T4_ROW, "2\t1\t3\t1\t7\t0\t0\t0\n0\t0\t13\t2\t4\t0\t19", NULL};
    reads_whole(t4);
}

/* A row re-wrapped by an editor or a mail client after a tab: the empty
 * field each broken line ends with is no cell when the lines after give
 * the rest of the row's cells, no more; two tabs before the break (a
 * blank cell, then the break) and a complete line's empty last field
 * are the row's blanks. */
static void test_row_rewrapped_after_tab(void **s)
{
    (void)s;
    const char *one[] = {NEW_ROW "\t217\t1\t0\t0\t0\t0\t218", NEW_ROW "\t217\t1\t0\t0\t0\t\n0\t218", NULL};
    reads_whole(one);
    /* the label's line ends with a tab; three lines; a tab and spaces */
    const char *three[] = {PARTIAL "\t29\t0\t0\t0\t0\t0\t29", PARTIAL "\t\n29\t0\t0\t\n0\t0\t0\t29",
                           "（七）总计\t217\t1\t0\t0\t0\t0\t218", "（七）总计\t217\t1\t0\t \n0\t0\t0\t218", NULL};
    reads_whole(three);
    const char *t4[] = {T4_ROW, "2\t1\t3\t1\t7\t0\t0\t0\t0\t0\t\n13\t2\t4\t0\t19", NULL};
    reads_whole(t4);
    nb_report r;
    const char *blanks[] = {"3.其他\t1\t1\t0\t0\t0\t0\t2", "3.其他\t1\t1\t\t\n0\t0\t0\t2",
                            "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0", "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t",
                            NULL};
    load(&r, "tab_split.txt", blanks);
    row_is(&r, "t3.other.other", "1 1 _ 0 0 0 2");
    row_is(&r, "t3.carried_out", "0 0 0 0 0 0 _");
    nb_report_free(&r);
}

/* A row short of a cell is read short, never split into digits that break
 * its sum (29 as 2 and 9, the row's total 0); T4 short of cells is there. */
static void test_row_short_not_guessed(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *lost[] = {PARTIAL "\t29\t0\t0\t0\t0\t0\t29", PARTIAL "\t29\t0\t0\t0\t0\t0", NULL};
    load(&r, "tab_split.txt", lost);
    row_is(&r, "t3.partial", "29 0 0 0 0 0 M");
    no_cell_inferred(&r);
    bt_run(&r, &g_ctx, &f);
    bt_message(&r, bt_only(&f, "STRUCT.MISSING"), NB_LANG_EN,
               "row t3.partial (（二）部分公开（区分处理的，只计这一情形，不计其他情形）) lacks 1 of its cells");
    assert_int_equal(bt_count(&f, "CELL.NOT_NUMBER"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *t4[] = {T4_ROW, "2\t1\t3\t1\t7\t0\t0\t0", NULL};
    load(&r, "tab_split.txt", t4);
    row_is(&r, "t4.review", "2 1 3 1 7");
    row_is(&r, "t4.suit_direct", "0 0 0 M M");
    row_is(&r, "t4.suit_after", "M M M M M");
    bt_run(&r, &g_ctx, &f);
    const char *missing[] = {"row t4.suit_direct (未经复议直接起诉) lacks 2 of its cells",
                             "row t4.suit_after (复议后起诉) is missing", NULL};
    messages_are(&r, &f, "STRUCT.MISSING", missing);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- typos in standard labels ---- */

static void test_label_typos(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *subs[] = {"2.其他法律行政法规禁止公开", "2.其他法律行政止公开", NULL};
    load(&r, "tab_empty.txt", subs);
    row_is(&r, "t3.deny.law", "1 _ _ _ _ _ 1");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150 LABEL.DEVIATES=1");
    bt_message(&r, bt_only(&f, "LABEL.DEVIATES"), NB_LANG_EN,
               "label \"2.其他法律行政止公开\": the standard wording is \"2.其他法律行政法规禁止公开\"");
    nb_findings_free(&f);
    nb_report_free(&r);
    load(&r, "typo2019.txt", NULL);
    assert_int_equal(r.format, 2019);
    row_is(&r, "t2.normative", "3 3 25");
    row_is(&r, "t2.licensing", "120 -5 156");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "LABEL.DEVIATES=1");
    const nb_finding *x = bt_only(&f, "LABEL.DEVIATES");
    bt_message(&r, x, NB_LANG_EN, "label \"本公开数量\": the standard wording is \"本年新公开数量\"");
    assert_true(bt_names(&r, x, "t2.normative.published"));
    nb_findings_free(&f);
    nb_report_free(&r);
    /* the same in header text run together */
    const char *glued[] = {"第二十条第（一）项\n信息内容\t本年新制作数量\t本公开数量\t对外公开总数量",
                           "第二十条第（一）项信息内容本年新制作数量本公开数量对外公开总数量", NULL};
    load(&r, "typo2019.txt", glued);
    row_is(&r, "t2.normative", "3 3 25");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "LABEL.DEVIATES=1");
    bt_message(&r, bt_only(&f, "LABEL.DEVIATES"), NB_LANG_EN,
               "label \"本公开数量\": the standard wording is \"本年新公开数量\"");
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* ---- placeholders ---- */

static void test_placeholders(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *subs[] = {"\t1.属于国家秘密\t\t\t\t\t\t\t", "\t1.属于国家秘密\t--\t不涉及\t不适用\tN/A\t无\tn/a\t——",
                          "规章\t\t\t", "规章\t不涉及\t不适用\t--", NULL};
    load(&r, "tab_empty.txt", subs);
    row_is(&r, "t3.deny.secret", "P P P P P P P");
    row_is(&r, "t2.regulation", "P P P");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=150");
    int ci = nb_schema_find_cell(r.schema, "t3.deny.secret.commercial");
    for (size_t i = 0; i < f.n; i++)
        if (f.v[i].suspect == ci)
            assert_memory_equal(r.doc.text + f.v[i].text.off, "不涉及", f.v[i].text.len);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* in space-aligned columns */
    const char *space[] = {
        "（三）不予公开 1.属于国家秘密                0         0         0             0             0       0       0",
        "（三）不予公开 1.属于国家秘密               --    不涉及    不适用           N/A            无      --      --",
        NULL};
    load(&r, "space_blank.txt", space);
    row_is(&r, "t3.deny.secret", "P P P P P P P");
    bt_run(&r, &g_ctx, &f);
    findings_are(&f, "CELL.BLANK=21");
    nb_findings_free(&f);
    nb_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tab_empty_fields),       cmocka_unit_test(test_tab_number_keeps_its_field),
        cmocka_unit_test(test_space_blank_cells),      cmocka_unit_test(test_space_number_under_its_header),
        cmocka_unit_test(test_label_only_rows),        cmocka_unit_test(test_normative_label),
        cmocka_unit_test(test_one_other_row),          cmocka_unit_test(test_one_other_row_sums),
        cmocka_unit_test(test_heading_wordings),       cmocka_unit_test(test_heading_own_numbering),
        cmocka_unit_test(test_runtogether_row_sum),    cmocka_unit_test(test_label_typos),
        cmocka_unit_test(test_placeholders),           cmocka_unit_test(test_row_split_over_lines),
        cmocka_unit_test(test_row_short_not_guessed),  cmocka_unit_test(test_row_rewrapped_after_tab),
    };
    return TU_RUN("layouts_real", tests, &g_ctx, NULL, NULL);
}
