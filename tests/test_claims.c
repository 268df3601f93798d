/* test_claims.c — the narrative against the tables: TEXT.TABLE_MISMATCH on
 * every key (a number is flagged only when it matches no cell it may mean),
 * TEXT.CONTRADICTION both ways, TEXT.PARTS_EXCEED within one enumeration,
 * claims wrapped across lines, TEXT.SHARE, the T2 rules, and no claim read
 * in the tables' zone, to its edge. Texts are tests/data/clean.txt with
 * sentences put into 总体情况 and cells set. */
#include "booktest.h"
#include "base/utf8.h"
#include "check/claims_internal.h"
#include "check/years.h"

static nb_ctx g_ctx;

/* Set a T3 row's natural and total cells. */
static void row(nb_report *r, const char *id, long long v)
{
    char c[96];
    snprintf(c, sizeof c, "%s.natural", id);
    bt_set(r, c, v);
    snprintf(c, sizeof c, "%s.total", id);
    bt_set(r, c, v);
}

static const nb_finding *mismatch(const nb_findings *f)
{
    return bt_only(f, "TEXT.TABLE_MISMATCH");
}

/* The applications of one sentence, the table as it says; then one result
 * changed: only its claim is flagged. */
static void test_results(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx,
                 "全年收到政府信息公开申请10件，其中予以公开4件，部分公开2件，不予公开1件，无法提供2件，不予处理0件，其他处理1件。");
    row(&r, "t3.new", 10);
    row(&r, "t3.granted", 4);
    row(&r, "t3.partial", 2);
    row(&r, "t3.deny.secret", 1);
    row(&r, "t3.unable.none", 2);
    row(&r, "t3.other.other", 1);
    row(&r, "t3.total", 10);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    row(&r, "t3.deny.law", 1); /* 不予公开 is now 2 in the table, 予以公开 3 */
    row(&r, "t3.granted", 3);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "TEXT.TABLE_MISMATCH"), 2);
    const nb_finding *x = bt_nth(&f, "TEXT.TABLE_MISMATCH", 0);
    assert_int_equal(x->claim, NB_CLAIM_GRANTED);
    bt_message(&r, x, NB_LANG_ZH, "正文“予以公开4件”称 4 件，表中 t3.granted.total = 3");
    x = bt_nth(&f, "TEXT.TABLE_MISMATCH", 1);
    assert_int_equal(x->severity, NB_SEV_ERROR);
    assert_int_equal(x->claim, NB_CLAIM_DENIED);
    assert_true(bt_names(&r, x, "t3.deny.secret.total") && bt_names(&r, x, "t3.deny.query.total"));
    bt_quote(&r, x, "不予公开1件");
    bt_message(&r, x, NB_LANG_EN, "the narrative \"不予公开1件\" says 1, the table's Σ t3.deny.*.total = 2");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_carried_and_handled(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "上年结转政府信息公开申请1件，结转下年度继续办理的申请2件。");
    row(&r, "t3.carried_in", 1);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = mismatch(&f);
    assert_int_equal(x->claim, NB_CLAIM_CARRIED_OUT);
    assert_true(bt_names(&r, x, "t3.carried_out.total"));
    bt_message(&r, x, NB_LANG_ZH, "正文“结转下年度继续办理的申请2件”称 2 件，表中 t3.carried_out.total = 0");
    nb_findings_free(&f);
    /* a total left blank: its columns are what it means */
    row(&r, "t3.carried_out", 2);
    r.cells[nb_schema_find_cell(r.schema, "t3.carried_out.total")].status = NB_ST_BLANK;
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "TEXT.TABLE_MISMATCH"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* 答复 may mean handled or new: a warning when it is neither */
    bt_narrative(&r, &g_ctx, "全年收到政府信息公开申请8件，已答复7件。");
    row(&r, "t3.new", 8);
    row(&r, "t3.total", 8);
    bt_run(&r, &g_ctx, &f);
    x = mismatch(&f);
    assert_int_equal(x->severity, NB_SEV_WARNING);
    bt_message(&r, x, NB_LANG_EN, "the narrative \"已答复7件\" says 7, the table's t3.total.total = 8, t3.new.total = 8");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_accepted(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    /* 受理 N 件: new, or new and carried in */
    for (long long n = 4; n <= 6; n++) {
        char sentence[128];
        snprintf(sentence, sizeof sentence, "全年受理政府信息公开申请%lld件。", n);
        bt_narrative(&r, &g_ctx, sentence);
        row(&r, "t3.new", 4);
        row(&r, "t3.carried_in", 1);
        bt_run(&r, &g_ctx, &f);
        assert_int_equal(bt_count(&f, "TEXT.TABLE_MISMATCH"), n == 6);
        if (n == 6) {
            const nb_finding *x = mismatch(&f);
            assert_int_equal(x->severity, NB_SEV_ERROR);
            bt_message(&r, x, NB_LANG_EN,
                       "the narrative \"受理政府信息公开申请6件\" says 6, the table's t3.new.total = 4, "
                       "t3.new.total+t3.carried_in.total = 5");
        }
        nb_findings_free(&f);
        nb_report_free(&r);
    }
    /* 含上年结转: new and carried in only */
    bt_narrative(&r, &g_ctx, "全年受理政府信息公开申请4件（含上年结转1件）。");
    row(&r, "t3.new", 4);
    row(&r, "t3.carried_in", 1);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = mismatch(&f);
    assert_int_equal(x->claim, NB_CLAIM_ACCEPTED);
    bt_message(&r, x, NB_LANG_EN,
               "the narrative \"受理政府信息公开申请4件\" says 4, the table's t3.new.total+t3.carried_in.total = 5");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_reviews_and_t2(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "全年发生政府信息公开行政复议2件，其中维持1件，纠正1件。制发规范性文件3件，废止规范性文件1件，"
                             "现行有效规范性文件12件。办理行政许可12件，行政处罚3件。");
    bt_set(&r, "t4.review.upheld", 1);
    bt_set(&r, "t4.review.corrected", 1);
    bt_set(&r, "t4.review.total", 2);
    bt_set(&r, "t2.normative.issued", 3);
    bt_set(&r, "t2.normative.repealed", 1);
    bt_set(&r, "t2.normative.in_force", 12);
    bt_set(&r, "t2.licensing.decisions", 12);
    bt_set(&r, "t2.penalty.decisions", 3);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    bt_set(&r, "t4.review.corrected", 0);
    bt_set(&r, "t4.review.other", 1);
    bt_set(&r, "t2.normative.repealed", 2);
    bt_set(&r, "t2.penalty.decisions", 4);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "TEXT.TABLE_MISMATCH"), 3);
    const nb_finding *x = bt_nth(&f, "TEXT.TABLE_MISMATCH", 0);
    assert_int_equal(x->severity, NB_SEV_WARNING);
    bt_message(&r, x, NB_LANG_EN, "the narrative \"纠正1件\" says 1, the table's t4.review.corrected = 0");
    x = bt_nth(&f, "TEXT.TABLE_MISMATCH", 1);
    assert_int_equal(x->severity, NB_SEV_ERROR);
    bt_message(&r, x, NB_LANG_EN, "the narrative \"废止规范性文件1件\" says 1, the table's t2.normative.repealed = 2");
    x = bt_nth(&f, "TEXT.TABLE_MISMATCH", 2);
    assert_int_equal(x->severity, NB_SEV_WARNING);
    bt_message(&r, x, NB_LANG_EN, "the narrative \"行政处罚3件\" says 3, the table's t2.penalty.decisions = 4");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_wrapped_claim(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "全年受理政府\n信息公开申请 17\n件，均已办结。");
    row(&r, "t3.new", 16);
    row(&r, "t3.total", 16);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = mismatch(&f);
    bt_quote(&r, x, "受理政府\n信息公开申请 17\n件");
    assert_memory_equal(r.doc.text + x->off, "17", 2);
    bt_message(&r, x, NB_LANG_EN,
               "the narrative \"受理政府信息公开申请 17 件\" says 17, the table's t3.new.total = 16, "
               "t3.new.total+t3.carried_in.total = 16");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_contradiction(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "本年度收到的政府信息公开申请均已办结。");
    row(&r, "t3.carried_out", 1);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "TEXT.CONTRADICTION");
    assert_int_equal(x->severity, NB_SEV_WARNING);
    assert_true(bt_names(&r, x, "t3.carried_out.total") && bt_names(&r, x, "t3.carried_out.natural"));
    bt_quote(&r, x, "均已办结");
    bt_message(&r, x, NB_LANG_EN,
               "the narrative \"均已办结\" says every application was concluded, but T3 carries 1 over to next year "
               "(t3.carried_out)");
    nb_findings_free(&f);
    row(&r, "t3.carried_out", 0);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* the reverse: still being handled, none carried over */
    bt_narrative(&r, &g_ctx, "另有政府信息公开申请尚未办结。");
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "TEXT.CONTRADICTION");
    bt_message(&r, x, NB_LANG_ZH, "正文“尚未办结”称有申请尚在办理，而表三结转下年度继续办理为 0（t3.carried_out.total）");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* 全部办结 of proposals, or of last year's applications, is not about this year's */
    bt_narrative(&r, &g_ctx, "承办人大代表建议5件，均已办结。上年结转的政府信息公开申请均已办结。");
    row(&r, "t3.carried_out", 1);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "TEXT.CONTRADICTION"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_parts(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "全年共发布信息10条，其中工作动态6条、政策解读5条。全年共发布图片12张，其中新闻图片8张、活动图片7张。");
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "TEXT.PARTS_EXCEED");
    bt_quote(&r, x, "共发布信息10条，其中工作动态6条、政策解读5条");
    bt_message(&r, x, NB_LANG_EN, "the parts listed add up to 6 + 5 = 11 条, more than the total of 10 条");
    bt_message(&r, x, NB_LANG_ZH, "正文列举的分项 6 + 5 = 11 条，超过总数 10 条");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* the parts of one enumeration: not those after ；, nor another statement after ， */
    bt_narrative(&r, &g_ctx, "全年共收到政府信息公开申请749件，其中自然人741件，法人或其他组织8件；行政复议2件、行政诉讼7件。"
                             "共收到来信20件，其中表扬信12件、建议信8件，同比增加5件。"
                             "共发布信息10条，其中工作动态6条（含图片新闻3条）、政策解读4条。");
    bt_set(&r, "t3.new.natural", 741);
    bt_set(&r, "t3.new.commercial", 8);
    bt_set(&r, "t3.new.total", 749);
    bt_set(&r, "t4.review.total", 2);
    bt_set(&r, "t4.suit_direct.total", 7);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "TEXT.PARTS_EXCEED"), 0);
    assert_int_equal(bt_count(&f, "TEXT.TABLE_MISMATCH"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* Two findings of a rule that names no cell: each has its own print. */
static void test_prints_apart(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "共发布信息10条，其中动态6条、解读5条。共编发简报8期，其中专报5期、快报4期。"
                             "受理诉求20条，办结18条，办结率100%。受理来信10条，办结8条，办结率100%。");
    bt_run(&r, &g_ctx, &f);
    char a[24], b[24];
    assert_int_equal(bt_count(&f, "TEXT.PARTS_EXCEED"), 2);
    nb_finding_fingerprint(&r, bt_nth(&f, "TEXT.PARTS_EXCEED", 0), a);
    nb_finding_fingerprint(&r, bt_nth(&f, "TEXT.PARTS_EXCEED", 1), b);
    assert_string_not_equal(a, b);
    assert_int_equal(bt_count(&f, "TEXT.RATE"), 2);
    nb_finding_fingerprint(&r, bt_nth(&f, "TEXT.RATE", 0), a);
    nb_finding_fingerprint(&r, bt_nth(&f, "TEXT.RATE", 1), b);
    assert_string_not_equal(a, b);
    bt_quote(&r, bt_nth(&f, "TEXT.RATE", 1), "受理来信10条，办结8条，办结率100%");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_share(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "全年共收到群众来信40件，其中已处理30件，占60%。群众满意率达105%。");
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "TEXT.SHARE"), 2);
    const nb_finding *x = bt_nth(&f, "TEXT.SHARE", 0);
    bt_quote(&r, x, "40件，其中已处理30件，占60%");
    bt_message(&r, x, NB_LANG_EN, "the narrative \"40件，其中已处理30件，占60%\" says 60%, but 30 of 40 is 75%");
    x = bt_nth(&f, "TEXT.SHARE", 1);
    bt_message(&r, x, NB_LANG_ZH, "“群众满意率达105%”：比率或占比 105% 超过 100%");
    nb_findings_free(&f);
    nb_report_free(&r);
    bt_narrative(&r, &g_ctx, "全年共收到群众来信40件，其中已处理30件，占75%。群众满意率达98.5%，增长率达120%，任务完成率110%。"
                             "梳理行政许可事项120件。");
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_t2(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *below[] = {"行政规范性文件\t0\t0\t0", "行政规范性文件\t5\t1\t2", NULL};
    bt_variant(&r, &g_ctx, below, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "T2.IN_FORCE_BOUND");
    assert_true(bt_names(&r, x, "t2.normative.issued") && bt_names(&r, x, "t2.normative.in_force"));
    assert_int_equal(x->suspect, nb_schema_find_cell(r.schema, "t2.normative.in_force"));
    bt_message(&r, x, NB_LANG_EN, "t2.normative: 2 in force, fewer than the 4 issued less repealed this year");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *none[] = {"行政规范性文件\t0\t0\t0", "行政规范性文件\t3\t3\t0", NULL};
    bt_variant(&r, &g_ctx, none, NULL);
    bt_run(&r, &g_ctx, &f);
    bt_message(&r, bt_only(&f, "T2.IN_FORCE_BOUND"), NB_LANG_ZH, "行政规范性文件：本年制发 3 件，现行有效却为 0");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a township's 规章; a province's are its own */
    const char *town[] = {"规章\t0\t0\t0", "规章\t1\t0\t1", NULL};
    bt_variant(&r, &g_ctx, town, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "T2.REGULATION_AUTHORITY");
    assert_true(bt_names(&r, x, "t2.regulation.issued") && bt_names(&r, x, "t2.regulation.in_force"));
    bt_message(&r, x, NB_LANG_EN,
               "规章: 1 issued and 1 in force, but a township cannot make 规章 (立法法: only State Council departments "
               "and the governments of provinces, 设区的市 and 自治州)");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *province[] = {"规章\t0\t0\t0", "规章\t1\t0\t1", "卧龙区安皋镇人民政府 2024", "某省人民政府 2024", NULL};
    bt_variant(&r, &g_ctx, province, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "T2.REGULATION_AUTHORITY") + bt_count(&f, "T2.IN_FORCE_BOUND"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_fee_unit(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *yuan[] = {"行政事业性收费\t0", "行政事业性收费\t1200元", NULL};
    bt_variant(&r, &g_ctx, yuan, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "T2.FEE_UNIT");
    assert_true(bt_names(&r, x, "t2.fees.amount"));
    bt_message(&r, x, NB_LANG_EN, "t2.fees.amount is written \"1200元\": the column is in 万元");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *label[] = {"本年收费金额（单位：万元）", "本年收费金额（单位：元）", "行政事业性收费\t0",
                           "行政事业性收费\t1200", NULL};
    bt_variant(&r, &g_ctx, label, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "T2.FEE_UNIT");
    bt_quote(&r, x, "单位：元");
    bt_message(&r, x, NB_LANG_EN, "T2's fee column says \"单位：元\"; the format's unit is 万元 (t2.fees.amount = 1200)");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *decimals[] = {"行政事业性收费\t0", "行政事业性收费\t0.123456", NULL};
    bt_variant(&r, &g_ctx, decimals, NULL);
    bt_run(&r, &g_ctx, &f);
    bt_message(&r, bt_only(&f, "T2.FEE_UNIT"), NB_LANG_EN,
               "t2.fees.amount is 0.123456: more than four decimals of 万元 (below one 元); was it written in 元?");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *narrative[] = {"行政事业性收费\t0", "行政事业性收费\t12000", "我镇并未出现收取信息处理费的情况。",
                               "我镇并未出现收取信息处理费的情况。全年行政事业性收费共计12000元。", NULL};
    bt_variant(&r, &g_ctx, narrative, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "T2.FEE_UNIT");
    bt_quote(&r, x, "行政事业性收费共计12000元");
    bt_message(&r, x, NB_LANG_EN,
               "the narrative \"行政事业性收费共计12000元\" says 1.2 万元, but t2.fees.amount is 12000 万元");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *agree[] = {"行政事业性收费\t0", "行政事业性收费\t1.2", "我镇并未出现收取信息处理费的情况。",
                           "我镇并未出现收取信息处理费的情况。全年行政事业性收费共计12000元，减免收费300元。", NULL};
    bt_variant(&r, &g_ctx, agree, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* Two years of one body: the same sections, the same tables, and a growth
 * the tables do not give. */
/* The report of 2024 with the sentence: 218 applications received, all granted. */
static void year_2024(nb_report *r, const char *sentence)
{
    bt_narrative(r, &g_ctx, sentence);
    for (const char *const *id = (const char *const[]){"t3.new", "t3.granted", "t3.total", NULL}; *id; id++)
        row(r, *id, 218);
}

/* A figure of another year (the report is 2024's) is not this table's:
 * 2023年 / 上年度 / 去年 named last before it in its sentence, or a span
 * (2021年至2024年, 2021-2024年, 以来, 近三年); nor does it use up the one
 * claim of its kind judged: the year's own figure after it still is. */
static void test_other_year(void **s)
{
    (void)s;
    static const char *const quiet[] = {
        "2023年全年共收到政府信息公开申请194件，2024年共收到218件。",
        "上年度受理政府信息公开申请194件。",
        "去年收到政府信息公开申请194件，今年为218件。",
        "2022年、2023年分别收到申请180件、194件。",
        "2021年至2024年共收到政府信息公开申请612件。",
        "2021-2024年累计收到政府信息公开申请612件。",
        "自2021年以来累计受理政府信息公开申请612件。",
        "近三年共收到政府信息公开申请612件。",
        "2023年发生政府信息公开行政复议5件，其中维持4件。上年度发生行政诉讼10件。",
        "2023年共制发行政规范性文件50件。",
        "2023年共收到申请194件，其中予以公开80件。",
    };
    static const struct {
        const char *id;
        long long v;
    } cells[] = {{"t4.review.upheld", 7},     {"t4.review.total", 7},      {"t4.suit_direct.upheld", 19},
                 {"t4.suit_direct.total", 19}, {"t2.normative.issued", 62}};
    nb_report r;
    nb_findings f;
    for (size_t k = 0; k < sizeof quiet / sizeof quiet[0]; k++) {
        year_2024(&r, quiet[k]);
        for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++)
            bt_set(&r, cells[c].id, cells[c].v);
        bt_run(&r, &g_ctx, &f);
        if (bt_count(&f, "TEXT.TABLE_MISMATCH"))
            fail_msg("flagged: %s (%d)", quiet[k], bt_nth(&f, "TEXT.TABLE_MISMATCH", 0)->claim);
        nb_findings_free(&f);
        nb_report_free(&r);
    }
    static const char *const judged[][2] = {
        {"2023年收到申请194件，今年收到申请210件。", "收到申请210件"},
        {"2023年收到申请194件，2024年收到申请210件。", "收到申请210件"},
        {"上年结转申请0件，新收政府信息公开申请210件。", "新收政府信息公开申请210件"},
        {"2023年结转0件，2024年1月1日至12月31日共收到申请210件。", "收到申请210件"},
    };
    for (size_t k = 0; k < sizeof judged / sizeof judged[0]; k++) {
        year_2024(&r, judged[k][0]);
        bt_run(&r, &g_ctx, &f);
        bt_quote(&r, mismatch(&f), judged[k][1]);
        nb_findings_free(&f);
        nb_report_free(&r);
    }
}

/* Statements of none that name an outcome (未发生行政复议纠错) are held
 * against the corrected ones, not the count; a count of reviews and suits
 * together against their sum; 未发生因政府信息公开引发的行政诉讼 is a statement
 * of none. The table: 7 reviews (1 corrected), 19 suits (2 corrected). */
static void test_review_outcome_and_joint(void **s)
{
    (void)s;
    static const struct {
        const char *sentence, *quote; /* NULL: quiet */
        long long table;
    } cases[] = {
        {"全年未发生行政复议纠错。", "未发生行政复议纠错", 1},
        {"全年无行政诉讼败诉案件。", "无行政诉讼败诉", 2},
        {"行政复议和行政诉讼共26件。", NULL, 0},
        {"全年发生行政复议、行政诉讼案件共25件。", "行政复议、行政诉讼案件共25件", 26},
        {"全年发生行政复议7件、行政诉讼18件。", "行政诉讼18件", 19},
        {"全年未发生因政府信息公开引发的行政诉讼。", "未发生因政府信息公开引发的行政诉讼", 19},
        {"全年没有发生政府信息公开行政复议案件。", "没有发生政府信息公开行政复议", 7},
    };
    nb_report r;
    nb_findings f;
    for (int corrected = 1; corrected >= 0; corrected--)
        for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
            bt_narrative(&r, &g_ctx, cases[k].sentence);
            bt_set(&r, "t4.review.upheld", 7 - corrected);
            bt_set(&r, "t4.review.corrected", corrected);
            bt_set(&r, "t4.review.total", 7);
            bt_set(&r, "t4.suit_after.upheld", 19 - 2 * corrected);
            bt_set(&r, "t4.suit_after.corrected", 2 * corrected);
            bt_set(&r, "t4.suit_after.total", 19);
            bt_run(&r, &g_ctx, &f);
            int outcome = k < 2; /* with none corrected, the outcome statements are right */
            if (!cases[k].quote || (outcome && !corrected)) {
                assert_int_equal(bt_count(&f, "TEXT.TABLE_MISMATCH"), 0);
            } else {
                const nb_finding *x = mismatch(&f);
                bt_quote(&r, x, cases[k].quote);
                assert_true(x->rhs.v == cases[k].table);
                assert_int_equal(x->severity, outcome ? NB_SEV_WARNING : NB_SEV_ERROR);
            }
            nb_findings_free(&f);
            nb_report_free(&r);
        }
}

/* What the one TEXT.TABLE_MISMATCH of the 2024 report with the sentence
 * says (218 received and granted), or -1 when there is none. */
static long long mismatch_said(const char *sentence)
{
    nb_report r;
    nb_findings f;
    year_2024(&r, sentence);
    bt_run(&r, &g_ctx, &f);
    long long v = bt_count(&f, "TEXT.TABLE_MISMATCH") ? mismatch(&f)->lhs.v : -1;
    nb_findings_free(&f);
    nb_report_free(&r);
    return v;
}

/* A number spaced out digit by digit (2 1 0 件, as letter-spaced PDF text
 * has it) tells no number: no claim is read from its last digit; a number
 * with spaces about it is read. */
static void test_spaced_digits(void **s)
{
    (void)s;
    assert_true(mismatch_said("全年共受理政府信息公开申请 2 1 8 件。") == -1);
    assert_true(mismatch_said("全年共受理政府信息公开申请 2 1 0 件。") == -1);
    assert_true(mismatch_said("全年共受理政府信息公开申请\xE3\x80\x80２\xE3\x80\x80１\xE3\x80\x80０件。") == -1);
    assert_true(mismatch_said("全年共受理政府信息公开申请 210 件。") == 210);
}

/* Applications received, with whom they came from between the verb and
 * 申请 (收到公民、法人和其他组织提出的政府信息公开申请N件): read, and held
 * against the table. */
static void test_applicants_named(void **s)
{
    (void)s;
    assert_true(mismatch_said("全年共收到公民、法人和其他组织提出的政府信息公开申请210件。") == 210);
    assert_true(mismatch_said("全年共受理公民、法人或其他组织政府信息公开申请210件。") == 210);
    assert_true(mismatch_said("全年共收到自然人、法人或其他组织提交的政府信息公开申请210件。") == 210);
}

/* The natural persons' applications the narrative gives (其中自然人申请N件,
 * 涉及自然人N件) are held against T3's natural column (new, new with those
 * carried in, or handled): a warning where none of them is N; not in a
 * sentence about another year. (218 received, all from natural persons.) */
static void test_natural_persons(void **s)
{
    (void)s;
    assert_true(mismatch_said("全年共收到申请218件，其中自然人申请218件，法人或其他组织申请0件。") == -1);
    assert_true(mismatch_said("全年共收到申请218件，其中自然人申请200件，法人或其他组织申请18件。") == 200);
    assert_true(mismatch_said("全年共收到政府信息公开申请218件，涉及自然人二百件。") == 200);
    assert_true(mismatch_said("2023年收到申请194件，其中自然人申请190件。") == -1);
}

/* With one application carried over: 除1件结转下年度外，其余均已办结 (the rest)
 * and 按时办结率100% (of those concluded, on time) say nothing false; 办结率
 * 100% and 均已办结 alone still contradict T3. */
static void test_rest_and_on_time(void **s)
{
    (void)s;
    static const struct {
        const char *sentence;
        int contradicts;
    } cases[] = {
        {"全年共收到申请219件，除1件结转下一年度外，其余均已办结。", 0},
        {"全年共收到申请219件，按时办结率100%。", 0},
        {"全年共收到申请219件，按期办结率达100%。", 0},
        {"全年共收到申请219件，办结率100%。", 1},
        {"全年共收到申请219件，均已办结。", 1},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        nb_report r;
        nb_findings f;
        bt_narrative(&r, &g_ctx, cases[k].sentence);
        row(&r, "t3.carried_out", 1);
        bt_run(&r, &g_ctx, &f);
        if (bt_count(&f, "TEXT.CONTRADICTION") != cases[k].contradicts)
            fail_msg("%s: %d", cases[k].sentence, bt_count(&f, "TEXT.CONTRADICTION"));
        nb_findings_free(&f);
        nb_report_free(&r);
    }
}

static void test_years_text(void **s)
{
    (void)s;
    nb_report a, b;
    nb_findings f = {0};
    nb_err e;
    const char *y2024[] = {"行政规范性文件\t0\t0\t0", "行政规范性文件\t0\t0\t5", "我镇依申请公开事项 0 项。",
                           "我镇收到政府信息公开申请 2 件。", NULL};
    const char *y2025[] = {"行政规范性文件\t0\t0\t0", "行政规范性文件\t0\t0\t5", "我镇依申请公开事项 0 项。",
                           "我镇收到政府信息公开申请 2 件，同比增长50%。", "2024 年政府", "2025 年政府", NULL};
    bt_variant(&a, &g_ctx, y2024, NULL);
    bt_variant(&b, &g_ctx, y2025, NULL);
    row(&a, "t3.new", 2);
    row(&b, "t3.new", 2); /* and the rows it needs, for T3's own sums */
    row(&a, "t3.granted", 2);
    row(&b, "t3.granted", 2);
    row(&a, "t3.total", 2);
    row(&b, "t3.total", 2);
    nb_summary sa, sb;
    nb_summarize(&a, &sa);
    nb_summarize(&b, &sb);
    assert_int_equal(nb_check_years(&sa, &sb, b.schema, &f, &e), 0);
    assert_int_equal(f.n, 4);
    assert_int_equal(bt_count(&f, "YEAR.SAME_TEXT"), 3);
    const nb_finding *x = bt_nth(&f, "YEAR.SAME_TEXT", 0);
    assert_int_equal(x->form, NB_FORM_SAME_SECTION);
    bt_quote(&b, x, "五、存在的主要问题及改进情况");
    bt_message(&b, x, NB_LANG_EN,
               "section 五、存在的主要问题及改进情况 is 100% the same text as in the 2024 report (variant.txt)");
    x = bt_nth(&f, "YEAR.SAME_TEXT", 2);
    assert_int_equal(x->form, NB_FORM_SAME_TABLES);
    assert_true(bt_names(&b, x, "t3.new.total") && bt_names(&b, x, "t2.normative.in_force"));
    bt_message(&b, x, NB_LANG_ZH, "表二、表三的数据与 2024 年报告（variant.txt）完全相同");
    x = bt_only(&f, "TEXT.SHARE");
    bt_quote(&b, x, "申请 2 件，同比增长50%");
    bt_message(&b, x, NB_LANG_EN,
               "the narrative \"申请 2 件，同比增长50%\" says 50% against last year, but the tables of the two years "
               "give 0% (the 2024 report: variant.txt)");
    nb_findings_free(&f);
    /* another problem section, a figure changed, the growth right: silent */
    row(&b, "t3.new", 3);
    row(&b, "t3.granted", 3);
    row(&b, "t3.total", 3);
    b.sec[NB_SEC_PROBLEMS].body_end = b.sec[NB_SEC_PROBLEMS].body_off + 3;
    b.sec[NB_SEC_GENERAL].body_end = b.sec[NB_SEC_GENERAL].body_off + 3;
    nb_summarize(&b, &sb);
    assert_int_equal(nb_check_years(&sa, &sb, b.schema, &f, &e), 0);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&a);
    nb_report_free(&b);
}

/* The tables' zone (T2 and T3) holds no claim: a claim whose anchor (申)
 * stands at the zone's first byte or inside it is not read, one whose
 * anchor starts a byte before the zone or at its end is; a wrapped line
 * before it (joined: the joined text's offsets fall behind the original's)
 * moves none of that. */
static void test_zone_edges(void **s)
{
    (void)s;
    static const struct {
        int from, to; /* the zone, from the anchor's offset */
        int read;
    } zones[] = {{0, 3, 0}, {1, 4, 1}, {-10, 0, 1}, {-10, 1, 0}, {-1, 1, 0}, {3, 40, 1}};
    for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
        nb_report r;
        nb_findings f;
        bt_narrative(&r, &g_ctx, "本年度我机关认真\n贯彻落实条例。\n全年收到政府信息公开申请10件。");
        row(&r, "t3.new", 9);
        row(&r, "t3.total", 9);
        const char *at = nb_find(r.doc.text, r.doc.len, "申请10件", 10);
        assert_non_null(at);
        size_t o = (size_t)(at - r.doc.text);
        assert_true(o < r.tables_off);
        r.tables_off = o + (size_t)zones[z].from;
        r.tables_end = o + (size_t)zones[z].to;
        bt_run(&r, &g_ctx, &f);
        if (bt_count(&f, "TEXT.TABLE_MISMATCH") != zones[z].read)
            fail_msg("zone [%d, %d) from the anchor: the claim %s", zones[z].from, zones[z].to,
                     zones[z].read ? "not read" : "read");
        nb_findings_free(&f);
        nb_report_free(&r);
    }
}

/* clean.txt with a long narrative put into 总体情况: n times "件，", pad
 * ASCII letters, then the sentence. */
static void long_narrative(nb_report *r, size_t n, size_t pad, const char *sentence)
{
    const char *tail = "\n### (一) 主动公开";
    size_t sl = strlen(sentence), tl = strlen(tail);
    char *with = malloc(n * 6 + pad + sl + tl + 1), *p = with;
    assert_non_null(with);
    for (size_t k = 0; k < n; k++, p += 6)
        memcpy(p, "件，", 6);
    memset(p, 'a', pad);
    p += pad;
    memcpy(p, sentence, sl);
    memcpy(p + sl, tail, tl + 1);
    const char *subs[] = {"### (一) 主动公开", with, NULL};
    bt_variant(r, &g_ctx, subs, NULL);
    free(with);
}

/* A narrative far longer than a report's, with far more of the claims'
 * words than one search keeps (174 000 of 件: they are counted a megabyte
 * of text at a time, then found again): its claim is read as in a short
 * one wherever it falls against the edge of a megabyte, its words cut by
 * the edge or not. */
static void test_long_narrative(void **s)
{
    (void)s;
    const char *claim = "全年收到政府信息公开申请10件。";
    const size_t edge = (size_t)1 << 20, n = 174000;
    nb_report r;
    nb_findings f;
    long_narrative(&r, n, 0, claim);
    const char *at = nb_find(r.doc.text, r.doc.len, "申请10件", 10);
    assert_non_null(at);
    size_t o = (size_t)(at - r.doc.text);
    assert_true(o < edge - 16);
    nb_report_free(&r);
    for (size_t pad = edge - 16 - o; pad < edge + 12 - o; pad++) { /* 申请10件 from before the edge to past it */
        long_narrative(&r, n, pad, claim);
        bt_set(&r, "t3.new.natural", 9);
        bt_set(&r, "t3.new.total", 9);
        bt_run(&r, &g_ctx, &f);
        const nb_finding *x = mismatch(&f);
        assert_int_equal(x->claim, NB_CLAIM_RECEIVED);
        bt_quote(&r, x, "收到政府信息公开申请10件");
        nb_findings_free(&f);
        nb_report_free(&r);
    }
}


/* Does one of kind k's head characters (the words of its head group)
 * start at the text's byte p? */
static int starts_head(const claims_ctx *cc, int k, const char *t, size_t p)
{
    for (int w = 0; w < cc->words.n; w++)
        if (cc->groups[w] >> cc->head[k] & 1 && !strncmp(t + p, cc->words.w[w], cc->words.len[w]))
            return 1;
    return 0;
}

/* The scan starts a kind's pattern at the first of its head characters in
 * the window, not at the window's start: so every match of a kind with a
 * head must start with one. Each match of such a kind, in sentences of
 * every kind (and their near misses) and in the test texts, does. */
static void test_heads_start_matches(void **s)
{
    (void)s;
    static const char *const said[] = {
        "全年收到政府信息公开申请10件。", "办理政府信息公开申请7件。", "新收申请3份。", "接到申请2个。",
        "未收到政府信息公开申请。", "没有受理申请。", "上年结转政府信息公开申请3件。", "共答复申请12件。",
        "共答复12件。", "依法办结5件。", "全部办结申请4件。", "行政复议2件。", "未发生行政复议。", "行政诉讼1起。",
        "没有行政诉讼。", "无行政诉讼。", "制发规章和规范性文件3件。", "现行有效规范性文件20件。",
        "废止规范性文件2件。", "予以公开5件，同意公开1件，部分公开2件，不予公开1件。", "无法提供1件。",
        "不予处理2件，其他处理1件。", "办结率100%。", "全部办结。", "均已答复完毕。", "都已处理完成。",
        "无结转。", "没有转入下一年度。", "不存在结转。", "尚未办结。", "正在办理。", "仍在办理。",
        "受疫情影响，受理工作不停，全年收到政府信息公开申请12件。", "不是予以公开的，不予公开3件。",
    };
    const claims_ctx *cc = g_ctx.re_claims;
    assert_non_null(cc);
    pcre2_match_data *md = g_ctx.match;
    int matched[NKINDS] = {0};
    char *texts[2];
    size_t lens[2];
    texts[0] = tu_read("tests/data/clean.txt", &lens[0]);
    texts[1] = tu_read("tests/data/review.txt", &lens[1]);
    for (size_t q = 0; q < sizeof said / sizeof said[0] + 2; q++) {
        static char buf[1 << 16];
        size_t n = q < 2 ? lens[q] : strlen(said[q - 2]);
        assert_true(n + 64 <= sizeof buf);
        memcpy(buf, q < 2 ? texts[q] : said[q - 2], n);
        memset(buf + n, 0, 64); /* the JIT reads ahead */
        for (int k = 0; k < NKINDS; k++) {
            if (cc->head[k] < 0)
                continue;
            for (size_t from = 0; from <= n;) {
                if (pcre2_match(cc->re[k], (PCRE2_SPTR)buf, n, from, 0, md, NULL) <= 0)
                    break;
                size_t at = pcre2_get_ovector_pointer(md)[0];
                if (!starts_head(cc, k, buf, at))
                    fail_msg("kind %d matches at %zu of text %zu, not at a head character", k, at, q);
                matched[k]++;
                from = at + 1;
                while (from < n && ((unsigned char)buf[from] & 0xC0) == 0x80)
                    from++;
            }
        }
    }
    for (int k = 0; k < NKINDS; k++)
        if (cc->head[k] >= 0 && !matched[k])
            fail_msg("kind %d met no match", k);
    free(texts[0]);
    free(texts[1]);
}

/* The scan's passes, told once into the context: each kind tried in the
 * pass of the first kind of its anchor, and only there; each anchor's
 * length. */
static void test_anchor_passes(void **s)
{
    (void)s;
    const claims_ctx *cc = g_ctx.re_claims;
    for (int k = 0; k < NKINDS; k++) {
        int first = 0, passes = 0;
        while (cc->anchor[first] != cc->anchor[k])
            first++;
        for (int a0 = 0; a0 < NKINDS; a0++)
            passes += (int)(cc->same_anchor[a0] >> k & 1);
        assert_int_equal(passes, 1);
        assert_true(cc->same_anchor[first] >> k & 1);
        for (int w = 0; w < cc->words.n; w++) /* the anchor's word: its length */
            if (cc->groups[w] >> cc->anchor[k] & 1)
                assert_int_equal(cc->anchor_len[k], cc->words.len[w]);
    }
}


/* A claim whose first character is its window's first byte (未 of 未发生
 * ninety bytes before 复, the spaces \s* lets in between) is read; one byte
 * further, none is. */
static void test_window_edge(void **s)
{
    (void)s;
    for (int spaces = 74; spaces <= 76; spaces++) {
        char text[256];
        snprintf(text, sizeof text, "全年未发生行%*s政复议。", spaces, "");
        nb_report r;
        nb_findings f;
        bt_narrative(&r, &g_ctx, text);
        bt_set(&r, "t4.review.total", 2);
        bt_run(&r, &g_ctx, &f);
        assert_int_equal(bt_count(&f, "TEXT.TABLE_MISMATCH"), spaces <= 75);
        nb_findings_free(&f);
        nb_report_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_results),       cmocka_unit_test(test_carried_and_handled),
        cmocka_unit_test(test_accepted),      cmocka_unit_test(test_reviews_and_t2),
        cmocka_unit_test(test_wrapped_claim), cmocka_unit_test(test_contradiction),
        cmocka_unit_test(test_parts),         cmocka_unit_test(test_prints_apart),
        cmocka_unit_test(test_share),         cmocka_unit_test(test_t2),
        cmocka_unit_test(test_fee_unit),      cmocka_unit_test(test_years_text),
        cmocka_unit_test(test_long_narrative), cmocka_unit_test(test_zone_edges),
        cmocka_unit_test(test_heads_start_matches), cmocka_unit_test(test_anchor_passes),
        cmocka_unit_test(test_window_edge),   cmocka_unit_test(test_other_year),
        cmocka_unit_test(test_review_outcome_and_joint), cmocka_unit_test(test_spaced_digits),
        cmocka_unit_test(test_applicants_named), cmocka_unit_test(test_natural_persons),
        cmocka_unit_test(test_rest_and_on_time),
    };
    return TU_RUN("claims", tests, &g_ctx, NULL, NULL);
}
