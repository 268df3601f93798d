/* messages_book.c — the text of the findings of the reviewer's rulebook
 * (../shared/spec/rulebook.md) in English and Chinese: format and
 * numbering, the sections' contents, dates and periods, T2's plausibility,
 * shares and rates, the narrative's contradictions, text quality and the
 * texts repeated across years; each shows the numbers or the words it
 * compared. */
#include "check/msg.h"
#include "model/schema.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void put(const msg *m, const char *en, const char *zh, ...) __attribute__((format(printf, 2, 4)));

/* Write the message in the language asked; the two formats take the same
 * arguments in the same order. */
static void put(const msg *m, const char *en, const char *zh, ...)
{
    va_list ap;
    va_start(ap, zh);
    vsnprintf(m->out, m->cap, m->zh ? zh : en, ap);
    va_end(ap);
}

static void period_message(const msg *m)
{
    const nb_finding *f = m->f;
    char a[16], b[16];
    nb_date_iso(f->date[0], a);
    nb_date_iso(f->date[1], b);
    if (f->form == NB_FORM_PART_YEAR)
        put(m, "the statistic period is %s to %s, not 1 January to 31 December of one year",
            "统计期限为 %s 至 %s，不是某一年的1月1日至12月31日", a, b);
    else if (m->r->year)
        put(m, "no statistic period (统计期限) is stated; it should be 1 January to 31 December %d",
            "未说明统计期限（应为%d年1月1日至12月31日）", m->r->year);
    else
        put(m, "no statistic period (统计期限) is stated", "未说明统计期限");
}

static void impossible_message(const msg *m)
{
    const nb_finding *f = m->f;
    char d[16];
    nb_date_iso(f->date[0], d);
    if (f->form == NB_FORM_SIGNED_LATER)
        put(m, "signed %s: a report for %d is signed in %d", "落款日期为 %s，而 %d 年度报告应于 %d 年落款", d, f->year,
            f->year + 1);
    else if (f->form == NB_FORM_PUBLISHED_EARLY)
        put(m, "published %s, before the report's year %d was over", "发布日期 %s 早于报告年度 %d 年结束", d, f->year);
    else
        put(m, "signed %s, before the report's year %d was over", "落款日期 %s 早于报告年度 %d 年结束", d, f->year);
}

static void late_message(const msg *m)
{
    const nb_finding *f = m->f;
    char d0[16], d1[16];
    nb_date_iso(f->date[0], d0);
    nb_date_iso(f->date[1], d1);
    int pub = f->form == NB_FORM_PUBLISHED;
    if (m->zh)
        snprintf(m->out, m->cap, "%s %s 晚于%s的公布期限 %s", pub ? "发布日期" : "落款日期", d0,
                 f->government ? "人民政府" : "政府部门", d1);
    else
        snprintf(m->out, m->cap, "%s %s, after the %s deadline of %s", pub ? "published" : "signed", d0,
                 f->government ? "governments'" : "departments'", d1);
}

/* 3 → "三", 12 → "十二". */
static void cn_numeral(int v, char out[16])
{
    static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (v < 0 || v > 99)
        snprintf(out, 16, "%d", v);
    else if (v <= 10)
        snprintf(out, 16, "%s", d[v]);
    else if (v < 20)
        snprintf(out, 16, "十%s", d[v % 10]);
    else
        snprintf(out, 16, "%s十%s", d[v / 10], v % 10 ? d[v % 10] : "");
}

/* The words of the bits set in mask, joined with 、. */
static void list_words(unsigned mask, const char *const *words, int n, char *out, size_t cap)
{
    out[0] = '\0';
    for (int k = 0; k < n; k++)
        if (mask & (1u << k)) {
            size_t l = strlen(out);
            snprintf(out + l, cap - l, "%s%s", l ? "、" : "", words[k]);
        }
}

/* The finding's quoted text on one line. */
static void quoted(const msg *m, char *out, size_t cap)
{
    nb_msg_span(m->r, m->f->claim_off, m->f->claim_len, out, cap);
}

static void thin_message(const msg *m)
{
    const nb_finding *f = m->f;
    char q[320];
    quoted(m, q, sizeof q);
    if (f->form == NB_FORM_EMPTY)
        put(m, "section 五 says nothing (\"%s\"); the 条例 asks for the main problems and how they are remedied",
            "第五部分没有实际内容（“%s”），《条例》要求报告存在的主要问题及改进情况", q);
    else if (f->form == NB_FORM_SHORT)
        put(m, "section 五 has only %s characters: \"%s\"", "第五部分仅 %s 字：“%s”", m->a, q);
    else if (f->mask == 3)
        put(m, "section 五 names neither a problem (问题, 不足, 短板…) nor an improvement (改进, 整改, 措施, 下一步…)",
            "第五部分既未写存在的问题（问题、不足、短板等），也未写改进措施（改进、整改、措施、下一步等）");
    else if (f->mask == 1)
        put(m, "section 五 names no problem (问题, 不足, 短板…), only improvements",
            "第五部分未写存在的问题（问题、不足、短板等），只写了改进措施");
    else
        put(m, "section 五 names no improvement (改进, 整改, 措施, 下一步…), only problems",
            "第五部分未写改进措施（改进、整改、措施、下一步等），只写了存在的问题");
}

static void fee_message(const msg *m)
{
    put(m, "the report for %d says nothing on the 信息处理费 (the template: 收取信息处理费情况在此处报告)",
        "%d 年度报告未报告信息处理费收取情况（格式要求在第六部分报告）", m->f->year);
}

static void fee_vs_t3_message(const msg *m)
{
    char q[320];
    quoted(m, q, sizeof q);
    if (m->f->form == NB_FORM_NO_NOTICE)
        put(m, "T3 drops %s applications for unpaid fees (t3.other.no_fee.total), but the narrative \"%s\" says no fee notice was sent",
            "表三有 %s 件申请因逾期未缴费不再处理（t3.other.no_fee.total），而正文“%s”称未发出收费通知", m->b, q);
    else
        put(m, "the narrative \"%s\" states %s fee notices, fewer than the %s applications T3 drops for unpaid fees (t3.other.no_fee.total)",
            "正文“%s”称收费通知 %s 件，少于表三因逾期未缴费不再处理的 %s 件（t3.other.no_fee.total）", q, m->a, m->b);
}

static void accountability_message(const msg *m)
{
    static const char *const words[] = {"工作考核", "社会评议", "责任追究"};
    char w[96];
    list_words(m->f->mask, words, 3, w, sizeof w);
    put(m, "the report of a people's government does not mention %s (条例 第五十条: 工作考核、社会评议和责任追究结果情况)",
        "人民政府的年度报告未提及%s（《条例》第五十条要求报告工作考核、社会评议和责任追究结果情况）", w);
}

static void subtopics_message(const msg *m)
{
    static const char *const words[] = {"主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"};
    char w[160];
    list_words(m->f->mask, words, 5, w, sizeof w);
    put(m, "总体情况 does not cover %s (the five topics of the 2021 format)", "总体情况未涵盖%s（2021年格式所列五个方面）", w);
}

static void numbering_message(const msg *m)
{
    const nb_finding *f = m->f;
    char q[200], n1[16], n2[16];
    quoted(m, q, sizeof q);
    cn_numeral(f->numeral, n1);
    if (f->form == NB_FORM_NUM_MISMATCH) {
        cn_numeral(f->section + 1, n2);
        put(m, "the heading \"%s\" is the format's section %s but numbered %s、", "标题“%s”是格式规定的第%s部分，序号却为“%s、”",
            q, n2, n1);
    } else if (f->form == NB_FORM_NUM_RESTART) {
        cn_numeral((int)f->rhs.v, n2);
        put(m, "the numbering restarts: \"%s\" comes after a heading numbered %s、", "序号重新开始：“%s”之前已有序号为“%s、”的标题",
            q, n2);
    } else {
        cn_numeral((int)f->rhs.v, n2);
        if (!strcmp(m->a, "1")) /* one: "a sub-topic … is numbered", not "1 sub-topics … are" */
            put(m, "a sub-topic of 总体情况 is numbered as a top-level section: \"%s\", %s、",
                "总体情况的 1 个分项被编为一级标题（“%s”，“%s、”）", q, n2);
        else
            put(m, "%s sub-topics of 总体情况 are numbered as top-level sections, from \"%s\" to %s、",
                "总体情况的 %s 个分项被编为一级标题（从“%s”到“%s、”）", m->a, q, n2);
    }
}

static void section_count_message(const msg *m)
{
    char q[120];
    quoted(m, q, sizeof q);
    put(m, "the introduction says \"%s\" (%s parts), but the report has %s of the six sections",
        "引言称“%s”（%s 个部分），而报告有六个法定部分中的 %s 个", q, m->a, m->b);
}

static void in_force_message(const msg *m)
{
    const nb_finding *f = m->f;
    const nb_row *rw = &m->r->schema->rows[f->row];
    if (f->form == NB_FORM_BELOW)
        put(m, "%s: %s in force, fewer than the %s issued less repealed this year", "%s：现行有效 %s 件，少于本年制发减本年废止的 %s 件",
            m->zh ? rw->label : rw->id, m->a, m->b);
    else
        put(m, "%s: %s issued this year but none in force", "%s：本年制发 %s 件，现行有效却为 0", m->zh ? rw->label : rw->id, m->b);
}

static void authority_message(const msg *m)
{
    static const char *const en[] = {"", "a township", "a county-level government", "", "", "", "", "a department of a local government"};
    static const char *const zh[] = {"", "乡镇（街道）", "县级人民政府", "", "", "", "", "地方人民政府部门"};
    int b = m->f->body >= 0 && m->f->body < 8 ? m->f->body : 0;
    put(m, "规章: %s issued and %s in force, but %s cannot make 规章 (立法法: only State Council departments and the governments of provinces, 设区的市 and 自治州)",
        "规章：本年制发 %s 件、现行有效 %s 件，而%s无规章制定权（《立法法》：国务院部门和省、设区的市、自治州人民政府）", m->a, m->b,
        m->zh ? zh[b] : en[b]);
}

static void fee_unit_message(const msg *m)
{
    const nb_finding *f = m->f;
    char raw[96], q[200];
    nb_msg_span(m->r, f->text.off, f->text.len, raw, sizeof raw);
    quoted(m, q, sizeof q);
    if (f->form == NB_FORM_YUAN_TEXT)
        put(m, "t2.fees.amount is written \"%s\": the column is in 万元", "t2.fees.amount 填为“%s”，该列单位为万元", raw);
    else if (f->form == NB_FORM_DECIMALS)
        put(m, "t2.fees.amount is %s: more than four decimals of 万元 (below one 元); was it written in 元?",
            "t2.fees.amount 为 %s：万元的小数超过四位（不足1元），疑似以元填报", m->a);
    else if (f->form == NB_FORM_YUAN_LABEL)
        put(m, "T2's fee column says \"%s\"; the format's unit is 万元 (t2.fees.amount = %s)",
            "表二收费金额一列标为“%s”，格式规定单位为万元（t2.fees.amount = %s）", q, m->a);
    else
        put(m, "the narrative \"%s\" says %s 万元, but t2.fees.amount is %s 万元", "正文“%s”称 %s 万元，而 t2.fees.amount 为 %s 万元",
            q, m->a, m->b);
}

static void outdated_message(const msg *m)
{
    const nb_finding *f = m->f;
    if (f->form == NB_FORM_NEW_EARLY)
        put(m, "the report for %d already uses the 2021 layout (%s); the 2019 trial layout applied until the 2020 reports",
            "%d 年度报告已使用2021年格式（%s），2020年度及以前适用2019年试行格式", f->year, f->word);
    else if (f->numeral == 2019)
        put(m, "the report for %d is in the 2019 trial layout (%s); the 2021 format applies from the 2021 reports on",
            "%d 年度报告使用2019年试行格式（%s），2021年度起应使用2021年格式", f->year, f->word);
    else if (m->r->schema->variant == NB_VARIANT_ONE_OTHER && strstr(f->word, "其他处理"))
        put(m, "the report for %d keeps %s in one row, as the earlier template of the 2019 trial layout did; the "
               "2021 format has its three rows (its figures are read as t3.other.*)",
            "%d 年度报告沿用早期模板，将%s列为一行（2019年试行格式的写法）；2021年格式分为三行（该行数据按 t3.other.* 读取）",
            f->year, f->word);
    else
        put(m, "the report for %d mixes a row or column of the 2019 trial layout (%s) into the 2021 format",
            "%d 年度报告在2021年格式中混入了2019年试行格式的行或列（%s）", f->year, f->word);
}

static void extra_message(const msg *m)
{
    char q[200];
    quoted(m, q, sizeof q);
    const char *t = nb_table_name(m->f->table, m->zh ? NB_LANG_ZH : NB_LANG_EN);
    if (m->f->form == NB_FORM_EXTRA_COL)
        put(m, "%s has a column the template does not: \"%s\"", "%s含有格式模板没有的列：“%s”", t, q);
    else if (m->f->form == NB_FORM_OLD_ROW && m->r->schema->variant == NB_VARIANT_ONE_OTHER && strstr(q, "其他处理"))
        put(m, "%s keeps \"%s\" in one row, as the earlier template of the 2019 trial layout did (its figures are "
               "read as t3.other.*)",
            "%s沿用早期模板（2019年试行格式），将“%s”列为一行（该行数据按 t3.other.* 读取）", t, q);
    else if (m->f->form == NB_FORM_OLD_ROW)
        put(m, "%s has a row of the 2019 trial layout: \"%s\"", "%s含有2019年试行格式的行：“%s”", t, q);
    else
        put(m, "%s has a row the template does not: \"%s\"", "%s含有格式模板没有的行：“%s”", t, q);
}

static void quality_message(const msg *m)
{
    const nb_finding *f = m->f;
    char q[200];
    quoted(m, q, sizeof q);
    if (f->form == NB_FORM_REPEAT)
        put(m, "words written twice: \"%s\"", "文字重复：“%s”", q);
    else if (f->form == NB_FORM_TYPO)
        put(m, "\"%s\" is a common misspelling of \"%s\"", "“%s”疑为“%s”之误", f->word, f->word2);
    else
        put(m, "ASCII punctuation inside Chinese text %s times, first \"%s\"", "中文中夹用半角标点 %s 处，首处为“%s”", m->a, q);
}

static void contradiction_message(const msg *m)
{
    char q[320];
    quoted(m, q, sizeof q);
    if (m->f->form == NB_FORM_ALL_DONE)
        put(m, "the narrative \"%s\" says every application was concluded, but T3 carries %s over to next year (t3.carried_out)",
            "正文“%s”称申请均已办结，而表三结转下年度继续办理 %s 件（t3.carried_out）", q, m->b);
    else
        put(m, "the narrative \"%s\" says some applications are still being handled, but T3 carries none over (t3.carried_out.total = 0)",
            "正文“%s”称有申请尚在办理，而表三结转下年度继续办理为 0（t3.carried_out.total）", q);
}

static void share_message(const msg *m)
{
    const nb_finding *f = m->f;
    char q[320];
    quoted(m, q, sizeof q);
    if (f->form == NB_FORM_OVER_100)
        put(m, "\"%s\": a rate or share of %s%% is over 100%%", "“%s”：比率或占比 %s%% 超过 100%%", q, m->a);
    else if (f->form == NB_FORM_GROWTH)
    {
        char other[800];
        nb_msg_paired(m, other, sizeof other);
        put(m, "the narrative \"%s\" says %s%% against last year, but the tables of the two years give %s%% (the %d report: %s)",
            "正文“%s”称比上年 %s%%，而两年表格数据计算为 %s%%（%d 年报告：%s）", q, m->a, m->b, f->year, other);
    }
    else
        put(m, "the narrative \"%s\" says %s%%, but %lld of %lld is %s%%", "正文“%s”称占 %s%%，而 %lld / %lld 为 %s%%", q, m->a,
            f->parts[0], f->parts[1], m->b);
}

static void same_text_message(const msg *m)
{
    const nb_finding *f = m->f;
    char other[800];
    nb_msg_paired(m, other, sizeof other);
    if (f->form == NB_FORM_SAME_SECTION) {
        const char *title = nb_section_title(f->section, NB_LANG_ZH);
        if (m->zh)
            snprintf(m->out, m->cap, "“%s”与 %d 年报告（%s）的文字 %s%% 相同", title, f->year, other, m->a);
        else
            snprintf(m->out, m->cap, "section %s is %s%% the same text as in the %d report (%s)", title, m->a, f->year,
                     other);
        return;
    }
    char tables[64] = "";
    for (int t = 0; t < 3; t++)
        if (f->mask & (1u << t)) {
            size_t l = strlen(tables);
            snprintf(tables + l, sizeof tables - l, "%s%s", l ? (m->zh ? "、" : ", ") : "",
                     nb_table_name(NB_T2 + t, m->zh ? NB_LANG_ZH : NB_LANG_EN));
        }
    put(m, "every figure of %s is the same as in the %d report (%s)", "%s的数据与 %d 年报告（%s）完全相同", tables, f->year, other);
}

nb_compose_fn nb_book_composer(nb_rule_id rule)
{
    switch (rule) {
    case NB_RULE_PERIOD_INCOMPLETE:
        return period_message;
    case NB_RULE_DATE_IMPOSSIBLE:
        return impossible_message;
    case NB_RULE_DATE_LATE:
        return late_message;
    case NB_RULE_SECTION5_THIN:
        return thin_message;
    case NB_RULE_SECTION6_FEE:
        return fee_message;
    case NB_RULE_SECTION6_FEE_VS_T3:
        return fee_vs_t3_message;
    case NB_RULE_SECTION1_ACCOUNTABILITY:
        return accountability_message;
    case NB_RULE_SECTION1_SUBTOPICS:
        return subtopics_message;
    case NB_RULE_SECTION_NUMBERING:
        return numbering_message;
    case NB_RULE_TEXT_SECTION_COUNT:
        return section_count_message;
    case NB_RULE_T2_IN_FORCE_BOUND:
        return in_force_message;
    case NB_RULE_T2_REGULATION_AUTHORITY:
        return authority_message;
    case NB_RULE_T2_FEE_UNIT:
        return fee_unit_message;
    case NB_RULE_FORMAT_OUTDATED:
        return outdated_message;
    case NB_RULE_STRUCT_EXTRA:
        return extra_message;
    case NB_RULE_TEXT_QUALITY:
        return quality_message;
    case NB_RULE_TEXT_CONTRADICTION:
        return contradiction_message;
    case NB_RULE_TEXT_SHARE:
        return share_message;
    case NB_RULE_YEAR_SAME_TEXT:
        return same_text_message;
    default:
        return NULL;
    }
}
