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
#include "base/utf8.h"

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

/* The findings take the context's language for their errors (out of
 * memory adding one: 记录 … 的问题时内存不足 under zh). */
static void test_findings_language(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f = {0};
    nb_err e;
    load(&r, "tests/data/clean.txt");
    nb_ctx zh = g_ctx;
    zh.lang = NB_LANG_ZH;
    assert_int_equal(nb_check(&r, &zh, &f, &e), 0);
    assert_int_equal(f.lang, NB_LANG_ZH);
    assert_int_equal(nb_check(&r, &g_ctx, &f, &e), 0);
    assert_int_equal(f.lang, g_ctx.lang);
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

/* Cell id of r taken out of the text as a row read short leaves it. */
static void drop(nb_report *r, const char *id)
{
    int ci = nb_schema_find_cell(r->schema, id);
    if (ci < 0)
        fail_msg("no cell %s", id);
    r->cells[ci].status = NB_ST_MISSING;
    r->cells[ci].has_span = 0;
}

static size_t off_of(const nb_report *r, const char *id)
{
    return r->cells[nb_schema_find_cell(r->schema, id)].off;
}

/* A row read short points at its own cells (the one read before its first
 * missing cell, else the first read after it), the first row of a table
 * too; a row missing whole points at the row before it. */
static void test_struct_missing_place(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    load(&r, "tests/data/seed001.txt");
    drop(&r, "t2.regulation.in_force");
    drop(&r, "t2.normative.issued");
    drop(&r, "t2.normative.repealed");
    drop(&r, "t3.new.natural");
    drop(&r, "t3.new.commercial");
    drop(&r, "t3.new.research");
    drop(&r, "t3.new.social");
    drop(&r, "t3.new.legal");
    drop(&r, "t3.new.other");
    drop(&r, "t3.new.total");
    run(&r, &f);
    const nb_finding *x = find(&r, &f, "STRUCT.MISSING", "t2.regulation.in_force");
    assert_non_null(x);
    assert_true(x->has_off);
    assert_int_equal(x->off, off_of(&r, "t2.regulation.repealed"));
    x = find(&r, &f, "STRUCT.MISSING", "t2.normative.issued");
    assert_non_null(x);
    assert_true(x->has_off);
    assert_int_equal(x->off, off_of(&r, "t2.normative.in_force"));
    x = find(&r, &f, "STRUCT.MISSING", "t3.new.total");
    assert_non_null(x);
    assert_int_equal(x->part, NB_PART_ROW);
    assert_true(x->has_off);
    const nb_row *before = &r.schema->rows[x->row - 1];
    int last = nb_schema_first_cell(r.schema, x->row - 1) + before->ncols - 1;
    assert_int_equal(x->off, r.cells[last].off);
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

/* The words of a sketch by the rule alone: ideographs and ASCII letters and
 * digits as nb_fold leaves them, a run of digits as one '#'. */
static size_t plain_words(const char *t, size_t a, size_t b, uint32_t *w)
{
    size_t n = 0;
    int digits = 0;
    for (size_t i = a; i < b;) {
        uint32_t c = nb_fold(nb_utf8_get(t, b, &i));
        int digit = c >= '0' && c <= '9';
        if (!(c >= 0x4E00 && c <= 0x9FFF) && !digit && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            continue;
        if (!(digit && digits))
            w[n++] = digit ? '#' : c;
        digits = digit;
    }
    return n;
}

/* FNV-1a over the sixteen little-endian bytes of four code points, a byte
 * at a time. */
static uint32_t plain_hash(const uint32_t *w)
{
    uint32_t h = 2166136261u;
    for (int k = 0; k < 16; k++)
        h = (h ^ (w[k / 4] >> 8 * (k % 4) & 0xFF)) * 16777619u;
    return h;
}

static int cmp_hash(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* The sketch of t[a, b) taken into s the plain way: every hash and those s
 * holds sorted, the first NB_SKETCH distinct kept. */
static void plain_sketch(const char *t, size_t a, size_t b, nb_sketch *s)
{
    uint32_t *w = malloc((b - a + 1) * sizeof *w), *h = malloc((b - a + NB_SKETCH + 1) * sizeof *h);
    assert_non_null(w);
    assert_non_null(h);
    size_t nw = plain_words(t, a, b, w), nh = 0;
    for (int k = 0; k < s->n; k++)
        h[nh++] = s->h[k];
    for (size_t k = 0; k + 3 < nw; k++)
        h[nh++] = plain_hash(w + k);
    qsort(h, nh, sizeof *h, cmp_hash);
    int d = 0;
    for (size_t k = 0; k < nh && d < NB_SKETCH; k++)
        if (!d || h[k] != s->h[d - 1])
            s->h[d++] = h[k];
    s->n = d;
    s->chars += (int)nw;
    free(w);
    free(h);
}

/* The sketch of t[a, b) into a copy of start, eight at a time (where the
 * CPU has AVX2) and by the portable path, each the same as the plain way,
 * which *out is left holding. */
static void sketch_both_ways(const char *t, size_t a, size_t b, const nb_sketch *start, nb_sketch *out)
{
    nb_sketch want = *start, wide = *start, portable = *start;
    plain_sketch(t, a, b, &want);
    nb_sketch_text(t, a, b, &wide, 1);
    nb_sketch_text(t, a, b, &portable, 0);
    for (int k = 0; k < 2; k++) {
        const nb_sketch *got = k ? &portable : &wide;
        assert_int_equal(got->n, want.n);
        assert_int_equal(got->chars, want.chars);
        assert_memory_equal(got->h, want.h, (size_t)want.n * sizeof *want.h);
    }
    *out = want;
}

static uint32_t next_random(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

/* One piece of text at p (at most 8 bytes), its length: mostly ideographs
 * (of the first `kinds` only when kinds > 0), else ASCII letters, digits and
 * signs, full-width digits, letters and signs about their ranges' ends,
 * Chinese punctuation, the ideographs' range's ends and what lies just
 * outside, other lengths, three-byte forms that read as ASCII, stray and
 * cut-short bytes. */
static size_t text_piece(uint32_t *x, uint32_t kinds, char *p)
{
    static const char *const other[] = {
        "，", "。", "、", "《", "》", "：", "（", "）", "【", "】", "—", "“", "％", "０", "９", "／", "：",
        "Ａ", "Ｚ", "ａ", "ｚ", "［", "｀", "｛", "＠", "　", " ", "\n", "\t", ".", "-", "(", "[", "%",
        "é", "§", "😀", "一", "\xE9\xBF\xBF", "\xE4\xB7\xBF", "\xEA\x80\x80", "﹐", "\xE0\x81\x81",
        "\xE0\x80\xB1", "\xE0\x80\x80", "\x80", "\xE4\xB8", "\xF0\x9F", "\xC3"};
    uint32_t r = next_random(x) % 100;
    if (r < 70)
        return nb_utf8_put(p, 0x4E00 + next_random(x) % (kinds ? kinds : 0x5200));
    if (r < 78) {
        p[0] = (char)((next_random(x) & 1 ? 'a' : 'A') + next_random(x) % 26);
        return 1;
    }
    if (r < 84) {
        p[0] = (char)('0' + next_random(x) % 10);
        return 1;
    }
    const char *o = other[next_random(x) % (sizeof other / sizeof other[0])];
    memcpy(p, o, strlen(o));
    return strlen(o);
}

/* A text of pieces until it holds at least n bytes, NUL-terminated and
 * no byte more (a read past it is the sanitizer's to see); its length in
 * *len. */
static char *random_text(uint32_t *x, size_t n, uint32_t kinds, size_t *len)
{
    char *t = malloc(n + 9), *tight;
    assert_non_null(t);
    size_t k = 0;
    while (k < n)
        k += text_piece(x, kinds, t + k);
    t[k] = '\0';
    *len = k;
    tight = realloc(t, k + 1);
    assert_non_null(tight);
    return tight;
}

/* A sketch read eight at a time, and with no AVX2, is the plain way's: on
 * texts of every kind of character cut anywhere (a character cut in two
 * too), of few distinct shingles, of words around multiples of eight and
 * of what fills the buffer of hashes once and more, and taken into a sketch
 * already full. */
static void test_sketch_wide_is_plain(void **s)
{
    (void)s;
    uint32_t x = 2463534242u;
    nb_sketch empty = {.n = 0}, first;
    for (int round = 0; round < 300; round++) {
        size_t len, n = next_random(&x) % (round < 100 ? 400 : 9000);
        uint32_t kinds = round % 5 == 0 ? 1 + next_random(&x) % 12 : 0; /* few words: few distinct shingles */
        char *t = random_text(&x, n, kinds, &len);
        size_t a = len ? next_random(&x) % (len < 40 ? len : 40) : 0, b = len - (len - a) * (next_random(&x) % 8) / 64;
        sketch_both_ways(t, a, b, &empty, &first);
        if (round % 3 == 0 && first.n == NB_SKETCH) { /* more into a full sketch */
            char *u = random_text(&x, next_random(&x) % 12000, 0, &len);
            sketch_both_ways(u, 0, len, &first, &first);
            free(u);
        }
        free(t);
    }
    /* n ideographs, punctuation every so often (none at all when every = 0) */
    static const size_t counts[] = {3, 4, 5, 7, 8, 9, 11, 12, 13, 16, 19, 2040, 2045, 2048, 2051, 2052, 2056, 2059, 4093, 4099, 6200};
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++)
        for (size_t every = 0; every < 11; every += 5) {
            char *t = malloc(counts[c] * 6 + 1);
            assert_non_null(t);
            size_t len = 0;
            for (size_t k = 0; k < counts[c]; k++) {
                len += nb_utf8_put(t + len, 0x4E00 + next_random(&x) % 0x5200);
                if (every && k % every == every - 1)
                    len += nb_utf8_put(t + len, 0xFF0C);
            }
            t[len] = '\0';
            sketch_both_ways(t, 0, len, &empty, &first);
            assert_int_equal(first.chars, (int)counts[c]);
            free(t);
        }
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
        cmocka_unit_test(test_findings_language),
        cmocka_unit_test(test_balance),
        cmocka_unit_test(test_results_sum),
        cmocka_unit_test(test_row_total_and_suspect),
        cmocka_unit_test(test_t4_group_total),
        cmocka_unit_test(test_blank_counts_zero_and_is_reported_once),
        cmocka_unit_test(test_not_number),
        cmocka_unit_test(test_label_deviates),
        cmocka_unit_test(test_struct_missing),
        cmocka_unit_test(test_struct_missing_place),
        cmocka_unit_test(test_struct_order),
        cmocka_unit_test(test_text_table_mismatch),
        cmocka_unit_test(test_parts_exceed),
        cmocka_unit_test(test_rate),
        cmocka_unit_test(test_year_mismatch_and_late),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_sketch_wide_is_plain),
        cmocka_unit_test(test_inferred_is_said),
    };
    return TU_RUN("rules", tests, &g_ctx, NULL, NULL);
}
