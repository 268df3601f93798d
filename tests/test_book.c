/* test_book.c — the rules of the reviewer's rulebook on the layout, the
 * sections, the dates and the prose: each fires on a text written for it
 * (the exact rule, span, cells and message) and stays silent on a correct
 * variant. Texts are tests/data/clean.txt with words replaced. */
#include "booktest.h"

static nb_ctx g_ctx;

#define T2_HEAD "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"
#define TITLE "# 卧龙区安皋镇人民政府 2024 年政府信息公开工作年度报告"
#define PERIOD "2024年1月1日至2024年12月31日"
#define SEC5_BODY                                                                                   \
    "2024年，我镇政府信息公开工作取得了一定成效，但还有不足之处：一是媒体利用不够充分，公开信息数量较少；" \
    "二政府信息主动公开不够，惠企利民政策群众、企业查找不便。\n\n"
#define SEC6_BODY "2024年，我镇并未出现收取信息处理费的情况。"

static void test_clean_is_silent(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_variant(&r, &g_ctx, NULL, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_format_outdated(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *old[] = {T2_HEAD, "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", NULL};
    bt_variant(&r, &g_ctx, old, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "FORMAT.OUTDATED");
    assert_int_equal(x->severity, NB_SEV_ERROR);
    bt_quote(&r, x, "本年新制作数量");
    bt_message(&r, x, NB_LANG_EN,
               "the report for 2024 is in the 2019 trial layout (本年新制作数量); the 2021 format applies from the 2021 "
               "reports on");
    bt_message(&r, x, NB_LANG_ZH, "2024 年度报告使用2019年试行格式（本年新制作数量），2021年度起应使用2021年格式");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a 2019 row mixed into the 2021 layout */
    const char *mixed[] = {"第二十条第（八）项", "第二十条第（九）项\n政府集中采购\t0\t0\n第二十条第（八）项", NULL};
    bt_variant(&r, &g_ctx, mixed, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "FORMAT.OUTDATED");
    bt_quote(&r, x, "第二十条第（九）项");
    bt_message(&r, x, NB_LANG_EN,
               "the report for 2024 mixes a row or column of the 2019 trial layout (第二十条第（九）项) into the 2021 format");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a 2020 report in the 2021 layout: info */
    const char *early[] = {TITLE, "# 卧龙区安皋镇人民政府 2020 年政府信息公开工作年度报告", PERIOD,
                           "2020年1月1日至2020年12月31日", NULL};
    bt_variant(&r, &g_ctx, early, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "FORMAT.OUTDATED");
    assert_int_equal(x->severity, NB_SEV_INFO);
    bt_message(&r, x, NB_LANG_EN,
               "the report for 2020 already uses the 2021 layout (本年制发件数); the 2019 trial layout applied until the "
               "2020 reports");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* the 2019 layout in a 2019 report: silent */
    const char *y2019[] = {TITLE, "# 卧龙区安皋镇人民政府 2019 年政府信息公开工作年度报告", PERIOD,
                           "2019年1月1日至2019年12月31日", T2_HEAD,
                           "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", NULL};
    bt_variant(&r, &g_ctx, y2019, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "FORMAT.OUTDATED"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_section_numbering(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *mismatch[] = {"## 二、主动公开政府信息情况", "## 三、主动公开政府信息情况", NULL};
    bt_variant(&r, &g_ctx, mismatch, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "SECTION.NUMBERING");
    assert_int_equal(x->severity, NB_SEV_WARNING);
    bt_quote(&r, x, "三、主动公开政府信息情况");
    bt_message(&r, x, NB_LANG_EN, "the heading \"三、主动公开政府信息情况\" is the format's section 二 but numbered 三、");
    bt_message(&r, x, NB_LANG_ZH, "标题“三、主动公开政府信息情况”是格式规定的第二部分，序号却为“三、”");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* numbering restarting inside section 五 */
    const char *restart[] = {"重点从以下几个方面改进提升：", "一、改进措施\n重点从以下几个方面改进提升：", NULL};
    bt_variant(&r, &g_ctx, restart, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "SECTION.NUMBERING");
    bt_quote(&r, x, "一、改进措施");
    bt_message(&r, x, NB_LANG_EN, "the numbering restarts: \"一、改进措施\" comes after a heading numbered 五、");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* sub-topics of 总体情况 numbered as sections: one finding for the run */
    const char *sub[] = {"### (一) 主动公开:", "## 二、主动公开工作", "### (二) 依申请公开:", "## 三、依申请公开工作", NULL};
    bt_variant(&r, &g_ctx, sub, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "SECTION.NUMBERING");
    bt_quote(&r, x, "二、主动公开工作");
    bt_message(&r, x, NB_LANG_EN,
               "2 sub-topics of 总体情况 are numbered as top-level sections, from \"二、主动公开工作\" to 三、");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* one sub-topic so numbered: said in the singular */
    const char *one[] = {"### (一) 主动公开:", "## 二、主动公开工作", NULL};
    bt_variant(&r, &g_ctx, one, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "SECTION.NUMBERING");
    bt_message(&r, x, NB_LANG_EN, "a sub-topic of 总体情况 is numbered as a top-level section: \"二、主动公开工作\", 二、");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_section5_thin(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *empty[] = {SEC5_BODY, "", "重点从以下几个方面改进提升：一是加强教育培训和日常提醒，进一步规范政务公开工作。"
                                          "二是制定更明确的政务公开标准指引和标准目录，提升政府信息公开内容的质量和实效。",
                           "无。", NULL};
    bt_variant(&r, &g_ctx, empty, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "SECTION5.THIN");
    bt_quote(&r, x, "无。");
    bt_message(&r, x, NB_LANG_EN,
               "section 五 says nothing (\"无。\"); the 条例 asks for the main problems and how they are remedied");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *lacks[] = {SEC5_BODY, "", NULL};
    bt_variant(&r, &g_ctx, lacks, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "SECTION5.THIN");
    bt_quote(&r, x, "五、存在的主要问题及改进情况");
    bt_message(&r, x, NB_LANG_EN, "section 五 names no problem (问题, 不足, 短板…), only improvements");
    bt_message(&r, x, NB_LANG_ZH, "第五部分未写存在的问题（问题、不足、短板等），只写了改进措施");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_section6_fee(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *none[] = {SEC6_BODY, "本行政机关无其他需要报告的事项。", NULL};
    bt_variant(&r, &g_ctx, none, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "SECTION6.FEE");
    bt_quote(&r, x, "六、其他需要报告的事项");
    bt_message(&r, x, NB_LANG_EN,
               "the report for 2024 says nothing on the 信息处理费 (the template: 收取信息处理费情况在此处报告)");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* 2020: before the fee rules; silent */
    const char *y2020[] = {TITLE, "# 卧龙区安皋镇人民政府 2020 年政府信息公开工作年度报告", SEC6_BODY,
                           "本行政机关无其他需要报告的事项。", NULL};
    bt_variant(&r, &g_ctx, y2020, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "SECTION6.FEE"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_section6_fee_vs_t3(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *no[] = {SEC6_BODY, "2024年，我镇未发出收费通知，未收取信息处理费。", NULL};
    bt_variant(&r, &g_ctx, no, NULL);
    bt_set(&r, "t3.other.no_fee.total", 2);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "SECTION6.FEE_VS_T3");
    assert_int_equal(x->severity, NB_SEV_WARNING);
    assert_true(bt_names(&r, x, "t3.other.no_fee.total"));
    bt_quote(&r, x, "我镇未发出收费通知");
    bt_message(&r, x, NB_LANG_EN,
               "T3 drops 2 applications for unpaid fees (t3.other.no_fee.total), but the narrative \"我镇未发出收费通知\" "
               "says no fee notice was sent");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *fewer[] = {SEC6_BODY, "2024年，我镇发出收费通知1件，未收取信息处理费。", NULL};
    bt_variant(&r, &g_ctx, fewer, NULL);
    bt_set(&r, "t3.other.no_fee.total", 2);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "SECTION6.FEE_VS_T3");
    assert_int_equal(x->severity, NB_SEV_ERROR);
    bt_message(&r, x, NB_LANG_ZH,
               "正文“我镇发出收费通知1件”称收费通知 1 件，少于表三因逾期未缴费不再处理的 2 件（t3.other.no_fee.total）");
    nb_findings_free(&f);
    /* as many notices as dropped applications: silent */
    bt_set(&r, "t3.other.no_fee.total", 1);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "SECTION6.FEE_VS_T3"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_section1(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *acc[] = {"全年组织社会评议1次，未发生责任追究情况。", "", NULL};
    bt_variant(&r, &g_ctx, acc, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "SECTION1.ACCOUNTABILITY");
    bt_quote(&r, x, "一、总体情况");
    bt_message(&r, x, NB_LANG_EN,
               "the report of a people's government does not mention 社会评议、责任追究 (条例 第五十条: "
               "工作考核、社会评议和责任追究结果情况)");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a department's report: the article is about governments; silent */
    const char *dept[] = {TITLE, "# 某县发展和改革局 2024 年政府信息公开工作年度报告", "全年组织社会评议1次，未发生责任追究情况。",
                          "", NULL};
    bt_variant(&r, &g_ctx, dept, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "SECTION1.ACCOUNTABILITY"), 0);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* the five topics */
    const char *topics[] = {"### (四) 政府信息公开平台建设:", "### (四) 其他工作:", "一是充分发挥政府网站第一公开平台作用。",
                            "", "二是充分利用政府今日头条信息发布平台", "二是充分利用政府今日头条", "便民热线平台管理",
                            "便民热线管理", NULL};
    bt_variant(&r, &g_ctx, topics, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "SECTION1.SUBTOPICS");
    assert_int_equal(x->severity, NB_SEV_INFO);
    bt_message(&r, x, NB_LANG_EN, "总体情况 does not cover 平台建设 (the five topics of the 2021 format)");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_period(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *none[] = {"本报告所列数据的统计期限为" PERIOD "。\n", "", NULL};
    bt_variant(&r, &g_ctx, none, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "PERIOD.INCOMPLETE");
    assert_int_equal(x->severity, NB_SEV_INFO);
    assert_false(x->has_off);
    bt_message(&r, x, NB_LANG_EN,
               "no statistic period (统计期限) is stated; it should be 1 January to 31 December 2024");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *part[] = {"2024年12月31日", "2024年11月30日", NULL};
    bt_variant(&r, &g_ctx, part, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "PERIOD.INCOMPLETE");
    assert_int_equal(x->severity, NB_SEV_WARNING);
    bt_quote(&r, x, "统计期限为2024年1月1日至2024年11月30日");
    bt_message(&r, x, NB_LANG_ZH, "统计期限为 2024-01-01 至 2024-11-30，不是某一年的1月1日至12月31日");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* 自…起，至…止, as the seed 002 writes it: a whole year */
    const char *from_to[] = {"本报告所列数据的统计期限为" PERIOD "。",
                             "报告中所列数据统计期限自 2024 年 1 月 1 日起，至 2024 年 12 月 31 日止。", NULL};
    bt_variant(&r, &g_ctx, from_to, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_date_impossible(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_variant(&r, &g_ctx, NULL, "\n卧龙区安皋镇人民政府\n2024年12月20日\n");
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "DATE.IMPOSSIBLE");
    assert_int_equal(x->severity, NB_SEV_ERROR);
    bt_quote(&r, x, "2024年12月20日");
    bt_message(&r, x, NB_LANG_EN, "signed 2024-12-20, before the report's year 2024 was over");
    nb_findings_free(&f);
    nb_report_free(&r);
    bt_variant(&r, &g_ctx, NULL, "\n卧龙区安皋镇人民政府\n2026年1月20日\n");
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "DATE.IMPOSSIBLE");
    bt_message(&r, x, NB_LANG_ZH, "落款日期为 2026-01-20，而 2024 年度报告应于 2025 年落款");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *pub[] = {TITLE, "发布日期：2024-12-28\n" TITLE, NULL};
    bt_variant(&r, &g_ctx, pub, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "DATE.IMPOSSIBLE");
    bt_quote(&r, x, "2024-12-28");
    bt_message(&r, x, NB_LANG_EN, "published 2024-12-28, before the report's year 2024 was over");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* signed and published in the next year: silent */
    const char *ok[] = {TITLE, "发布日期：2025-01-20\n" TITLE, NULL};
    bt_variant(&r, &g_ctx, ok, "\n卧龙区安皋镇人民政府\n2025年1月15日\n");
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_date_late(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    /* a township has no statutory date */
    bt_variant(&r, &g_ctx, NULL, "\n卧龙区安皋镇人民政府\n2025年6月1日\n");
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a county's department: 31 January, by its signing date (info) */
    const char *dept[] = {TITLE, "# 某县发展和改革局 2024 年政府信息公开工作年度报告", NULL};
    bt_variant(&r, &g_ctx, dept, "\n某县发展和改革局\n2025年2月15日\n");
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "DATE.LATE");
    assert_int_equal(x->severity, NB_SEV_INFO);
    bt_message(&r, x, NB_LANG_EN, "signed 2025-02-15, after the departments' deadline of 2025-01-31");
    nb_findings_free(&f);
    nb_report_free(&r);
    /* a county's government: 31 March, by the page's publication date (warning) */
    const char *gov[] = {TITLE, "发布时间：2025-04-15 09:00\n# 某县人民政府 2024 年政府信息公开工作年度报告", NULL};
    bt_variant(&r, &g_ctx, gov, "\n某县人民政府\n2025年3月1日\n");
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "DATE.LATE");
    assert_int_equal(x->severity, NB_SEV_WARNING);
    bt_quote(&r, x, "2025-04-15");
    bt_message(&r, x, NB_LANG_ZH, "发布日期 2025-04-15 晚于人民政府的公布期限 2025-03-31");
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_section_count(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *five[] = {TITLE, TITLE "\n\n本报告共分五个部分。", NULL};
    bt_variant(&r, &g_ctx, five, NULL);
    bt_run(&r, &g_ctx, &f);
    const nb_finding *x = bt_only(&f, "TEXT.SECTION_COUNT");
    assert_int_equal(x->severity, NB_SEV_INFO);
    bt_quote(&r, x, "五个部分");
    bt_message(&r, x, NB_LANG_EN, "the introduction says \"五个部分\" (5 parts), but the report has 6 of the six sections");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *six[] = {TITLE, TITLE "\n\n本报告由6个部分组成。", NULL};
    bt_variant(&r, &g_ctx, six, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_quality(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    bt_narrative(&r, &g_ctx, "我镇加大资金资金投入,推进公开工作,认真布署落实。");
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "TEXT.QUALITY"), 3);
    const nb_finding *x = bt_nth(&f, "TEXT.QUALITY", 0);
    bt_quote(&r, x, "资金资金");
    bt_message(&r, x, NB_LANG_EN, "words written twice: \"资金资金\"");
    x = bt_nth(&f, "TEXT.QUALITY", 1);
    bt_quote(&r, x, "入,推");
    bt_message(&r, x, NB_LANG_EN, "ASCII punctuation inside Chinese text 2 times, first \"入,推\"");
    x = bt_nth(&f, "TEXT.QUALITY", 2);
    bt_quote(&r, x, "布署");
    bt_message(&r, x, NB_LANG_ZH, "“布署”疑为“部署”之误");
    nb_findings_free(&f);
    nb_report_free(&r);
    bt_narrative(&r, &g_ctx, "我镇加大资金投入，推进公开工作，认真部署落实。");
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* A run written twice found wherever it stands in a line and whatever its
 * length: every place of a block of sixteen bytes, and near the prose's end. */
static void test_quality_repeat_places(void **s)
{
    (void)s;
    static const char pre[] = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未酉戌亥", run[] = "资金投入推进公开", post[] = "落实工作";
    for (int l = 2; l <= 8; l++)
        for (int pad = 0; pad <= 20; pad++) {
            char text[512], twice[64];
            snprintf(twice, sizeof twice, "%.*s%.*s", 3 * l, run, 3 * l, run);
            snprintf(text, sizeof text, "%.*s%s%s%.*s。", pad % 2 ? 1 : 0, "a", pre + 3 * (pad / 2 % 8), twice,
                     3 * (pad % 5), post);
            nb_report r;
            nb_findings f;
            bt_narrative(&r, &g_ctx, text);
            bt_run(&r, &g_ctx, &f);
            const nb_finding *x = bt_only(&f, "TEXT.QUALITY");
            bt_quote(&r, x, twice);
            nb_findings_free(&f);
            nb_report_free(&r);
        }
}

#define OTHER_ROWS                                                                                         \
    "(六) 其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t\n" \
    "\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t\n"   \
    "\t3. 其他\t0\t0\t0\t0\t0\t0\t0\t"

/* Rows and columns the template does not have, as the extractor saw them;
 * the 2019 layout's single （六）其他处理 row is FORMAT.OUTDATED's. */
static void test_struct_extra(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    const char *extra[] = {"四、结转下年度继续办理", "小计\t\t0\t0\t0\t0\t0\t0\t0\n四、结转下年度继续办理",
                           "其他\t\t\n", "其他\t法人或其他组织小计\t\n", NULL};
    bt_variant(&r, &g_ctx, extra, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(bt_count(&f, "STRUCT.EXTRA"), 2);
    const nb_finding *x = bt_nth(&f, "STRUCT.EXTRA", 0);
    assert_int_equal(x->severity, NB_SEV_INFO);
    bt_quote(&r, x, "法人或其他组织小计");
    bt_message(&r, x, NB_LANG_EN, "T3 has a column the template does not: \"法人或其他组织小计\"");
    x = bt_nth(&f, "STRUCT.EXTRA", 1);
    bt_quote(&r, x, "小计");
    bt_message(&r, x, NB_LANG_ZH, "表三含有格式模板没有的行：“小计”");
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *six[] = {OTHER_ROWS, "(六) 其他处理\t\t0\t0\t0\t0\t0\t0\t0", NULL};
    bt_variant(&r, &g_ctx, six, NULL);
    bt_run(&r, &g_ctx, &f);
    x = bt_only(&f, "FORMAT.OUTDATED");
    bt_quote(&r, x, "(六) 其他处理");
    bt_message(&r, x, NB_LANG_EN,
               "the report for 2024 keeps （六）其他处理 in one row, as the earlier template of the 2019 trial layout "
               "did; the 2021 format has its three rows (its figures are read as t3.other.*)");
    assert_int_equal(bt_count(&f, "STRUCT.EXTRA"), 0); /* the one row, said once */
    assert_int_equal(bt_count(&f, "STRUCT.MISSING"), 0); /* read in that variant: no row of it missing */
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* A report's text with every tab four spaces: a space-aligned table. */
static void spaced_variant(nb_report *r, const char *const *subs)
{
    nb_report tabbed;
    bt_variant(&tabbed, &g_ctx, subs, NULL);
    const char *t = tabbed.doc.text;
    size_t n = tabbed.doc.len, o = 0;
    char *s = malloc(4 * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        if (t[i] == '\t')
            for (int k = 0; k < 4; k++)
                s[o++] = ' ';
        else
            s[o++] = t[i];
    tu_report_bytes(r, &g_ctx, "spaced.txt", s, o);
    free(s);
    nb_report_free(&tabbed);
}

/* In a space-aligned table the 2021 group heading (六) 其他处理 has its
 * first row's label after it on its line, numbering first ("1. 申请人…",
 * the 1 read as a value): no 2019 single row; the single row with only
 * figures after it still is one. */
static void test_struct_six_spaced(void **s)
{
    (void)s;
    nb_report r;
    nb_findings f;
    spaced_variant(&r, NULL);
    bt_run(&r, &g_ctx, &f);
    assert_int_equal(f.n, 0);
    assert_int_equal(r.nextras, 0);
    const nb_cell *c = nb_report_cell(&r, "t3.other.no_fee.total");
    assert_non_null(c);
    assert_int_equal(c->status, NB_ST_NUMBER);
    nb_findings_free(&f);
    nb_report_free(&r);
    const char *six[] = {OTHER_ROWS, "(六) 其他处理\t\t0\t0\t0\t0\t0\t0\t0", NULL};
    spaced_variant(&r, six);
    bt_run(&r, &g_ctx, &f);
    bt_quote(&r, bt_only(&f, "FORMAT.OUTDATED"), "其他处理");
    nb_findings_free(&f);
    nb_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_is_silent), cmocka_unit_test(test_format_outdated),
        cmocka_unit_test(test_section_numbering), cmocka_unit_test(test_section5_thin),
        cmocka_unit_test(test_section6_fee), cmocka_unit_test(test_section6_fee_vs_t3),
        cmocka_unit_test(test_section1), cmocka_unit_test(test_period),
        cmocka_unit_test(test_date_impossible), cmocka_unit_test(test_date_late),
        cmocka_unit_test(test_section_count), cmocka_unit_test(test_quality),
        cmocka_unit_test(test_quality_repeat_places),
        cmocka_unit_test(test_struct_extra), cmocka_unit_test(test_struct_six_spaced),
    };
    return TU_RUN("book", tests, &g_ctx, NULL, NULL);
}
