/* test_rules.c — each rule fires on the exact cells it should, and stays
 * silent when what it checks holds. Reports are made from tests/data/clean.txt
 * (the seed 001 with its period stated, Chinese punctuation, and the 社会评议
 * and 责任追究 of 条例 第五十条: all zeros, no finding) with cells changed in
 * memory, or from small texts. */
#include "testutil.h"
#include "check/rules.h"
#include "check/check.h"
#include "check/messages.h"
#include "check/years.h"

static nb_ctx g_ctx;

static void load(nb_report *r, const char *path)
{
    nb_err e;
    if (nb_report_open(r, path, &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
}

static void set(nb_report *r, const char *id, long long v)
{
    int ci = nb_schema_find_cell(r->schema, id);
    if (ci < 0)
        fail_msg("no cell %s", id);
    r->cells[ci].status = NB_ST_NUMBER;
    r->cells[ci].num = nb_num_int(v);
}

static void run(const nb_report *r, nb_findings *f)
{
    nb_err e;
    memset(f, 0, sizeof *f);
    if (nb_check(r, &g_ctx, f, &e) != 0)
        fail_msg("%s", e.msg);
}

static int count(const nb_findings *f, const char *rule)
{
    int n = 0, ri = nb_rule_index(rule);
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].rule == ri)
            n++;
    return n;
}

static int names(const nb_report *r, const nb_finding *f, const char *id)
{
    int ci = nb_schema_find_cell(r->schema, id);
    for (int k = 0; k < f->ncells; k++)
        if (f->cells[k] == ci)
            return 1;
    return 0;
}

/* The finding of a rule that names a cell, or NULL. */
static const nb_finding *find(const nb_report *r, const nb_findings *f, const char *rule, const char *id)
{
    int ri = nb_rule_index(rule);
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].rule == ri && (!id || names(r, &f->v[i], id)))
            return &f->v[i];
    return NULL;
}

static void msg_has(const nb_report *r, const nb_finding *f, nb_lang L, const char *needle)
{
    char m[2048];
    nb_finding_message(r, f, L, m, sizeof m);
    if (!strstr(m, needle))
        fail_msg("message \"%s\" lacks \"%s\"", m, needle);
}

static void test_clean_seed_is_silent(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/clean.txt");
    run(&r, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_balance(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/clean.txt");
    set(&r, "t3.new.natural", 1);
    set(&r, "t3.new.total", 1);
    run(&r, &f);
    assert_int_equal(count(&f, "T3.BALANCE"), 2); /* columns natural and total */
    assert_int_equal(count(&f, "T3.RESULTS_SUM"), 0);
    assert_int_equal(count(&f, "T3.ROW_TOTAL"), 0);
    const nb_finding *b = find(&r, &f, "T3.BALANCE", "t3.new.natural");
    assert_non_null(b);
    assert_true(names(&r, b, "t3.carried_in.natural") && names(&r, b, "t3.total.natural") &&
                names(&r, b, "t3.carried_out.natural"));
    assert_int_equal(b->lhs.v, 1);
    assert_int_equal(b->rhs.v, 0);
    msg_has(&r, b, NB_LANG_EN, "new + carried in = 1, total + carried out = 0, differs by 1");
    msg_has(&r, b, NB_LANG_ZH, "一+二 = 1，三(七)+四 = 0，相差 1");
    nb_findings_free(&f);
    /* silent once the results and the total agree */
    set(&r, "t3.granted.natural", 1);
    set(&r, "t3.granted.total", 1);
    set(&r, "t3.total.natural", 1);
    set(&r, "t3.total.total", 1);
    run(&r, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_results_sum(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/clean.txt");
    set(&r, "t3.deny.internal.commercial", 2);
    set(&r, "t3.deny.internal.total", 2);
    run(&r, &f);
    assert_int_equal(count(&f, "T3.RESULTS_SUM"), 2);
    const nb_finding *x = find(&r, &f, "T3.RESULTS_SUM", "t3.deny.internal.commercial");
    assert_non_null(x);
    assert_true(names(&r, x, "t3.total.commercial") && names(&r, x, "t3.other.other.commercial"));
    assert_int_equal(count(&f, "T3.BALANCE"), 0);
    nb_findings_free(&f);
    set(&r, "t3.total.commercial", 2);
    set(&r, "t3.total.total", 2);
    set(&r, "t3.new.commercial", 2);
    set(&r, "t3.new.total", 2);
    run(&r, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_row_total_and_suspect(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/clean.txt");
    set(&r, "t3.granted.legal", 3); /* row total and column sum both break */
    run(&r, &f);
    const nb_finding *x = find(&r, &f, "T3.ROW_TOTAL", "t3.granted.legal");
    assert_non_null(x);
    assert_true(names(&r, x, "t3.granted.total"));
    assert_int_equal(x->suspect, nb_schema_find_cell(r.schema, "t3.granted.legal"));
    x = find(&r, &f, "T3.RESULTS_SUM", "t3.granted.legal");
    assert_non_null(x);
    assert_int_equal(x->suspect, nb_schema_find_cell(r.schema, "t3.granted.legal"));
    char id[96];
    nb_schema_cell_id(r.schema, x->suspect, id, sizeof id);
    msg_has(&r, x, NB_LANG_EN, "most likely wrong: t3.granted.legal");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_t4_group_total(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/clean.txt");
    set(&r, "t4.suit_after.pending", 1);
    run(&r, &f);
    assert_int_equal(count(&f, "T4.GROUP_TOTAL"), 1);
    const nb_finding *x = find(&r, &f, "T4.GROUP_TOTAL", "t4.suit_after.total");
    assert_non_null(x);
    assert_false(names(&r, x, "t4.review.total"));
    nb_findings_free(&f);
    set(&r, "t4.suit_after.total", 1);
    run(&r, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_blank_counts_zero_and_is_reported_once(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/seed002.txt");
    run(&r, &f);
    assert_int_equal(count(&f, "CELL.BLANK"), 2);
    assert_non_null(find(&r, &f, "CELL.BLANK", "t2.regulation.in_force"));
    assert_non_null(find(&r, &f, "CELL.BLANK", "t2.normative.in_force"));
    nb_findings_free(&f);
    /* a blank inside an equation counts as 0: the sum holds, no error */
    int ci = nb_schema_find_cell(r.schema, "t3.new.legal");
    r.cells[ci].status = NB_ST_BLANK;
    run(&r, &f);
    assert_int_equal(count(&f, "CELL.BLANK"), 3);
    assert_int_equal(count(&f, "T3.ROW_TOTAL") + count(&f, "T3.BALANCE"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_not_number(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    tu_report_str(&r, &g_ctx,
                  "某局2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t1\t见附件\t2\n"
                  "行政规范性文件\t-1\t0\t2.5\n五、存在的主要问题及改进情况\n");
    run(&r, &f);
    assert_non_null(find(&r, &f, "CELL.NOT_NUMBER", "t2.regulation.repealed"));
    assert_non_null(find(&r, &f, "CELL.NOT_NUMBER", "t2.normative.issued"));   /* negative */
    assert_non_null(find(&r, &f, "CELL.NOT_NUMBER", "t2.normative.in_force")); /* not whole */
    assert_null(find(&r, &f, "CELL.NOT_NUMBER", "t2.regulation.issued"));
    msg_has(&r, find(&r, &f, "CELL.NOT_NUMBER", "t2.regulation.repealed"), NB_LANG_EN, "\"见附件\", not a number");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_label_deviates(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/seed000.txt");
    run(&r, &f);
    const nb_finding *x = find(&r, &f, "LABEL.DEVIATES", "t2.regulation.repealed");
    assert_non_null(x);
    assert_true(names(&r, x, "t2.normative.repealed"));
    assert_false(names(&r, x, "t2.regulation.issued"));
    assert_int_equal(nb_doc_locate(&r.doc, x->off).line, 36);
    msg_has(&r, x, NB_LANG_ZH, "标准表述为“本年废止件数”");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_struct_missing(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/seed000.txt");
    run(&r, &f);
    const nb_finding *x = find(&r, &f, "STRUCT.MISSING", "t3.new.total");
    assert_non_null(x);
    assert_int_equal(x->ncells, 7);
    assert_non_null(find(&r, &f, "STRUCT.MISSING", "t2.licensing.decisions"));
    assert_null(find(&r, &f, "STRUCT.MISSING", "t3.carried_in.total"));
    int sections = 0;
    for (size_t i = 0; i < f.n; i++)
        if (f.v[i].rule == nb_rule_index("STRUCT.MISSING") && !f.v[i].ncells)
            sections++;
    assert_int_equal(sections, 1); /* 三、收到和处理… */
    /* the sums that need the missing row are not checked */
    assert_int_equal(count(&f, "T3.BALANCE"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_struct_order(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    tu_report_str(&r, &g_ctx, "某局2024年政府信息公开工作年度报告\n一、总体情况\n略。\n三、收到和处理政府信息公开申请情况\n"
                              "二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n"
                              "五、存在的主要问题及改进情况\n六、其他需要报告的事项\n");
    run(&r, &f);
    assert_int_equal(count(&f, "STRUCT.ORDER"), 1);
    nb_findings_free(&f);
    nb_report_free(&r);
    load(&r, "tests/data/seed003.txt");
    run(&r, &f);
    assert_int_equal(count(&f, "STRUCT.ORDER"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* seed 001 with a sentence put into 总体情况 */
static void with_narrative(nb_report *r, const char *sentence)
{
    size_t n = 0;
    char *b = tu_read("tests/data/clean.txt", &n);
    assert_non_null(b);
    const char *at = strstr(b, "### (一) 主动公开");
    assert_non_null(at);
    size_t pre = (size_t)(at - b), sl = strlen(sentence);
    char *t = malloc(n + sl + 2);
    memcpy(t, b, pre);
    memcpy(t + pre, sentence, sl);
    t[pre + sl] = '\n';
    memcpy(t + pre + sl + 1, b + pre, n - pre + 1);
    tu_report_bytes(r, &g_ctx, "narrative.txt", t, n + sl + 1);
    free(t);
    free(b);
}

static void test_text_table_mismatch(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    with_narrative(&r, "2024年共收到政府信息公开申请5件。");
    run(&r, &f);
    const nb_finding *x = find(&r, &f, "TEXT.TABLE_MISMATCH", "t3.new.total");
    assert_non_null(x);
    assert_int_equal(x->severity, NB_SEV_ERROR);
    assert_int_equal(x->lhs.v, 5);
    assert_true(x->claim_len > 0);
    assert_memory_equal(r.doc.text + x->off, "5", 1);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* 未收到 means 0: silent on a table of zeros */
    with_narrative(&r, "本年度未收到政府信息公开申请。无行政复议。");
    run(&r, &f);
    assert_int_equal(count(&f, "TEXT.TABLE_MISMATCH"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* Chinese numerals; never across a sentence end */
    with_narrative(&r, "全年收到申请十二件。行政复议三件；行政诉讼。2件材料。");
    set(&r, "t3.new.natural", 12);
    set(&r, "t3.new.total", 12);
    run(&r, &f);
    assert_null(find(&r, &f, "TEXT.TABLE_MISMATCH", "t3.new.total"));
    x = find(&r, &f, "TEXT.TABLE_MISMATCH", "t4.review.total");
    assert_non_null(x);
    assert_int_equal(x->lhs.v, 3);
    assert_null(find(&r, &f, "TEXT.TABLE_MISMATCH", "t4.suit_direct.total"));
    nb_findings_free(&f);
    nb_report_free(&r);
    /* handled: 办结 … 申请 N 件 is (七)总计 */
    with_narrative(&r, "全年共办结政府信息公开申请4件。");
    run(&r, &f);
    x = find(&r, &f, "TEXT.TABLE_MISMATCH", "t3.total.total");
    assert_non_null(x);
    assert_int_equal(x->lhs.v, 4);
    assert_int_equal(x->rhs.v, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* new + carried over: said both ways, so info */
    with_narrative(&r, "本年收到政府信息公开申请3件。");
    set(&r, "t3.new.natural", 2);
    set(&r, "t3.new.total", 2);
    set(&r, "t3.carried_in.natural", 1);
    set(&r, "t3.carried_in.total", 1);
    run(&r, &f);
    x = find(&r, &f, "TEXT.TABLE_MISMATCH", "t3.new.total");
    assert_non_null(x);
    assert_int_equal(x->severity, NB_SEV_INFO);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_parts_exceed(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    with_narrative(&r, "全年共发布信息10条，其中工作动态6条、政策解读5条。");
    run(&r, &f);
    const nb_finding *x = find(&r, &f, "TEXT.PARTS_EXCEED", NULL);
    assert_non_null(x);
    assert_int_equal(x->lhs.v, 11);
    assert_int_equal(x->rhs.v, 10);
    nb_findings_free(&f);
    nb_report_free(&r);
    with_narrative(&r, "全年共发布信息10条，其中工作动态6条、政策解读4条。");
    run(&r, &f);
    assert_int_equal(count(&f, "TEXT.PARTS_EXCEED"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_rate(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    with_narrative(&r, "受理群众诉求20条，办结18条，办结率100%。");
    run(&r, &f);
    assert_int_equal(count(&f, "TEXT.RATE"), 1);
    nb_findings_free(&f);
    nb_report_free(&r);
    with_narrative(&r, "受理群众诉求248条，办结248条，办结率100%。");
    run(&r, &f);
    assert_int_equal(count(&f, "TEXT.RATE"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_year_mismatch_and_late(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    tu_report_str(&r, &g_ctx, "某市发展和改革局2024年政府信息公开工作年度报告\n本报告统计期限为2023年1月1日至2023年12月31日。\n"
                              "六、其他需要报告的事项\n无。\n某市发展和改革局\n2025年2月15日\n");
    run(&r, &f);
    assert_int_equal(count(&f, "YEAR.MISMATCH"), 1);
    const nb_finding *x = find(&r, &f, "DATE.LATE", NULL);
    assert_non_null(x);
    assert_int_equal(x->severity, NB_SEV_INFO);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a government has until 31 March; the period agrees */
    tu_report_str(&r, &g_ctx, "某县人民政府2024年政府信息公开工作年度报告\n本报告统计期限为2024年1月1日至2024年12月31日。\n"
                              "六、其他需要报告的事项\n无。\n某县人民政府\n2025年2月15日\n");
    run(&r, &f);
    assert_int_equal(count(&f, "YEAR.MISMATCH") + count(&f, "DATE.LATE"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_years(void **s)
{
    (void)s;
    nb_report a, b;
    load(&a, "tests/data/seed003.txt");
    load(&b, "tests/data/seed003.txt");
    b.year = a.year + 1;
    set(&a, "t3.carried_out.natural", 2);
    set(&a, "t2.normative.in_force", 10);
    set(&b, "t3.carried_in.natural", 1);
    set(&b, "t2.normative.issued", 2);
    set(&b, "t2.normative.repealed", 1);
    set(&b, "t2.normative.in_force", 12);
    nb_summary sa, sb;
    nb_summarize(&a, &sa);
    nb_summarize(&b, &sb);
    assert_true(nb_same_body(&sa, &sb));
    nb_findings f = {0};
    nb_err e;
    assert_int_equal(nb_check_years(&sa, &sb, b.schema, &f, &e), 0);
    const nb_finding *x = find(&b, &f, "YEAR.CARRY", "t3.carried_in.natural");
    assert_non_null(x);
    assert_int_equal(x->lhs.v, 1);
    assert_int_equal(x->rhs.v, 2);
    assert_int_equal(count(&f, "YEAR.CARRY"), 1);
    x = find(&b, &f, "YEAR.IN_FORCE", "t2.normative.in_force");
    assert_non_null(x);
    assert_int_equal(x->rhs.v, 11);
    nb_findings_free(&f);
    /* consistent: no carry or stock finding (the one text both years is
     * YEAR.SAME_TEXT's, sections 一 and 五); not consecutive years: silent */
    set(&b, "t3.carried_in.natural", 2);
    set(&b, "t2.normative.in_force", 11);
    nb_summarize(&b, &sb);
    assert_int_equal(nb_check_years(&sa, &sb, b.schema, &f, &e), 0);
    assert_int_equal(count(&f, "YEAR.CARRY") + count(&f, "YEAR.IN_FORCE"), 0);
    assert_int_equal(count(&f, "YEAR.SAME_TEXT"), 2);
    nb_findings_free(&f);
    for (int k = 0; k < 2; k++) { /* a sketch: ascending, no repeats, the same for the same text */
        assert_true(sb.text[k].n > 0 && sb.text[k].n <= NB_SKETCH);
        for (int i = 1; i < sb.text[k].n; i++)
            assert_true(sb.text[k].h[i - 1] < sb.text[k].h[i]);
        assert_int_equal(sa.text[k].n, sb.text[k].n);
        assert_memory_equal(sa.text[k].h, sb.text[k].h, (size_t)sa.text[k].n * sizeof *sa.text[k].h);
    }
    sb.year += 1;
    set(&b, "t3.carried_in.natural", 5);
    nb_summarize(&b, &sb);
    sb.year = sa.year + 2;
    assert_int_equal(nb_check_years(&sa, &sb, b.schema, &f, &e), 0);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&a);
    nb_report_free(&b);
}

static void test_inferred_is_said(void **s)
{
    (void)s;
    char p[512];
    snprintf(p, sizeof p, "%s/008_pingtan_2024.txt", tu_corpus_dir());
    FILE *fp = fopen(p, "r");
    if (!fp) {
        if (getenv("NIANBAO_NO_CORPUS"))
            skip();
        fail_msg("missing %s", p);
    }
    fclose(fp);
    nb_report r;
    nb_findings f;
    load(&r, p);
    set(&r, "t3.new.total", 219); /* the cell was inferred; now a sum breaks */
    r.cells[nb_schema_find_cell(r.schema, "t3.new.total")].status = NB_ST_INFERRED;
    run(&r, &f);
    const nb_finding *x = find(&r, &f, "T3.ROW_TOTAL", "t3.new.total");
    assert_non_null(x);
    assert_true(x->inferred);
    msg_has(&r, x, NB_LANG_EN, "inferred from run-together digits");
    nb_findings_free(&f);
    nb_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_seed_is_silent),
        cmocka_unit_test(test_balance),
        cmocka_unit_test(test_results_sum),
        cmocka_unit_test(test_row_total_and_suspect),
        cmocka_unit_test(test_t4_group_total),
        cmocka_unit_test(test_blank_counts_zero_and_is_reported_once),
        cmocka_unit_test(test_not_number),
        cmocka_unit_test(test_label_deviates),
        cmocka_unit_test(test_struct_missing),
        cmocka_unit_test(test_struct_order),
        cmocka_unit_test(test_text_table_mismatch),
        cmocka_unit_test(test_parts_exceed),
        cmocka_unit_test(test_rate),
        cmocka_unit_test(test_year_mismatch_and_late),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_inferred_is_said),
    };
    return TU_RUN("rules", tests, &g_ctx, NULL, NULL);
}
