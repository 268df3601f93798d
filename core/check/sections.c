/* sections.c — what the sections say and how they are numbered:
 * SECTION5.THIN (存在的主要问题 empty, short, or naming no problem or no
 * improvement), SECTION6.FEE (nothing on the 信息处理费), SECTION6.FEE_VS_T3
 * (no or fewer fee notices than T3's unpaid-fee row), SECTION1.ACCOUNTABILITY
 * (a government's 工作考核, 社会评议, 责任追究), SECTION1.SUBTOPICS (the five
 * topics of 总体情况), SECTION.NUMBERING and TEXT.SECTION_COUNT. */
#include "check/internal.h"
#include "base/utf8.h"
#include "model/body.h"
#include "text/numerals.h"

#include <string.h>

/* Does t[a, b) hold any of the words? */
static int has_word(const char *t, size_t a, size_t b, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (b > a && nb_find(t + a, b - a, words[k], strlen(words[k])))
            return 1;
    return 0;
}

#define HAS(t, a, b, words) has_word(t, a, b, words, sizeof words / sizeof words[0])

/* Characters that carry words (not white space, not punctuation), counted
 * up to max. */
static size_t content_chars(const char *t, size_t a, size_t b, size_t max)
{
    size_t n = 0, i = a;
    while (i < b && n < max) {
        uint32_t c = nb_utf8_get(t, b, &i);
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            n++;
    }
    return n;
}

/* A finding pointing at, and quoting, a stretch of the text. */
static nb_finding *span_finding(nb_rule_id rule, size_t off, size_t len, nb_findings *out, nb_err *err)
{
    nb_finding *f = nb_finding_add_at(out, rule, off, err);
    if (f) {
        f->claim_off = off;
        f->claim_len = len;
    }
    return f;
}

/* The same, quoting section k's heading. */
static nb_finding *heading_finding(const nb_report *r, nb_rule_id rule, int k, nb_findings *out, nb_err *err)
{
    if (!r->sec[k].present)
        return nb_finding_add(out, rule, err);
    nb_finding *f = span_finding(rule, r->sec[k].head_off, r->sec[k].head_len, out, err);
    if (f)
        f->section = k;
    return f;
}

/* ---------------------------------------------------------------- 五 */

static int section5_thin(const nb_report *r, nb_findings *out, nb_err *err)
{
    static const char *const problem[] = {"问题", "不足", "短板", "差距", "薄弱", "欠缺", "有待", "不够", "滞后"};
    static const char *const remedy[] = {"改进", "整改", "措施", "下一步", "今后", "加强", "提升", "完善", "推进"};
    const nb_section *s = &r->sec[NB_SEC_PROBLEMS];
    if (!s->present)
        return 0;
    const char *t = r->doc.text;
    size_t a = s->body_off, b = s->body_end;
    nb_finding_form form = NB_FORM_NONE;
    unsigned mask = (HAS(t, a, b, problem) ? 0 : 1u) | (HAS(t, a, b, remedy) ? 0 : 2u);
    size_t n = content_chars(t, a, b, mask ? SIZE_MAX : 40); /* with both: past 40 there is no finding */
    if (n == 0 || (n <= 3 && nb_find(t + a, b - a, "无", 3)))
        form = NB_FORM_EMPTY;
    else if (n < 40)
        form = NB_FORM_SHORT;
    else if (mask)
        form = NB_FORM_LACKS;
    if (form == NB_FORM_NONE)
        return 0;
    nb_finding *f = heading_finding(r, NB_RULE_SECTION5_THIN, NB_SEC_PROBLEMS, out, err);
    if (!f)
        return -1;
    f->form = form;
    f->mask = mask;
    f->lhs = nb_num_int((long long)n);
    while (b > a && strchr(" \t\r\n#*", t[b - 1])) /* up to the next heading's marks */
        b--;
    while (a < b && strchr(" \t\r\n", t[a]))
        a++;
    if (form != NB_FORM_LACKS && b > a && b - a <= 300) { /* quote what there is */
        f->claim_off = a;
        f->claim_len = b - a;
    }
    return 0;
}

/* ---------------------------------------------------------------- 六 */

/* Section 六's body without the tables' zone. */
static int other_mentions(const nb_report *r, const char *const *words, size_t n)
{
    const nb_section *s = &r->sec[NB_SEC_OTHER];
    if (!s->present)
        return 0;
    size_t a = s->body_off, b = s->body_end;
    if (r->tables_end > r->tables_off && r->tables_off >= a && r->tables_off < b)
        return has_word(r->doc.text, a, r->tables_off, words, n) ||
               has_word(r->doc.text, r->tables_end < b ? r->tables_end : b, b, words, n);
    return has_word(r->doc.text, a, b, words, n);
}

static int section6_fee(const nb_report *r, nb_findings *out, nb_err *err)
{
    /* 信息公开收费 too, which holds 公开收费 */
    static const char *const anywhere[] = {"处理费", "公开收费"};
    static const char *const in_six[] = {"收费", "收取", "费用", "缴费"};
    if (r->year < 2021 || HAS(r->doc.text, 0, r->doc.len, anywhere) ||
        other_mentions(r, in_six, sizeof in_six / sizeof in_six[0]))
        return 0;
    nb_finding *f = heading_finding(r, NB_RULE_SECTION6_FEE, NB_SEC_OTHER, out, err);
    if (f)
        f->year = r->year;
    return f ? 0 : -1;
}

/* The clause around at: from after the last 。；，, or line end before it
 * to the next. */
static void clause_around(const char *t, size_t n, size_t at, size_t *a, size_t *b)
{
    static const char *const stops[] = {"。", "；", "，", ";", ",", "\n"};
    size_t s = at > 120 ? at - 120 : 0, e = at + 120 < n ? at + 120 : n;
    *a = s;
    *b = e;
    for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) {
        size_t l = strlen(stops[k]);
        for (size_t i = s; i + l <= at; i++)
            if (!memcmp(t + i, stops[k], l) && i + l > *a)
                *a = i + l;
        const char *p = nb_find(t + at, e - at, stops[k], l);
        if (p && (size_t)(p - t) < *b)
            *b = (size_t)(p - t);
    }
    while (*a < at && (((unsigned char)t[*a]) & 0xC0) == 0x80)
        (*a)++;
}

/* What a clause naming 收费通知 says was sent: -1 nothing said, 0 none
 * (未发出… / 无收费通知 / 收费通知 0 件), else the count stated. */
static long long notices_stated(const char *t, size_t a, size_t b, size_t at)
{
    static const char *const send[] = {"发出", "发送", "出具", "下发", "送达", "开具", "发放", "寄送"};
    static const char *const unpaid[] = {"缴纳", "缴费", "要求"};
    if (has_word(t, at, b, unpaid, 3))
        return -1; /* 逾期未按收费通知要求缴纳费用: T3's row, not a notice sent */
    int sent = HAS(t, a, b, send), none = nb_find(t + a, at - a, "无", 3) || nb_find(t + a, at - a, "未", 3) ||
                                         nb_find(t + a, at - a, "没有", 6);
    static const char *const units[] = {"件", "份", "次", NULL};
    long long count = -1;
    for (size_t i = a; i < b; i++) {
        size_t de, ue;
        long long v = nb_count_at(t, a, i, b, units, &de, &ue);
        if (v >= 0)
            count = v;
    }
    if (count >= 0 && (sent || count == 0))
        return count;
    return none && (sent || nb_find(t + a, at - a, "无", 3)) ? 0 : -1;
}

static int section6_fee_vs_t3(const nb_report *r, nb_findings *out, nb_err *err)
{
    int ci = nb_schema_find_cell(r->schema, "t3.other.no_fee.total");
    nb_num v;
    int inferred = 0;
    if (ci < 0 || nb_cell_sum_value(r, ci, &v, &inferred) != 0 || v.v <= 0 || !nb_num_is_int(v))
        return 0;
    const char *t = r->doc.text, *p;
    size_t n = r->doc.len, from = 0;
    while ((p = nb_find_outside(t, n, from, r->tables_off, r->tables_end, "收费通知", 12))) {
        size_t at = (size_t)(p - t), a, b;
        from = at + 12;
        clause_around(t, n, at, &a, &b);
        long long said = notices_stated(t, a, b, at);
        if (said < 0 || said >= v.v)
            continue;
        nb_finding *f = span_finding(NB_RULE_SECTION6_FEE_VS_T3, a, b - a, out, err);
        if (!f)
            return -1;
        f->form = said ? NB_FORM_FEWER_NOTICES : NB_FORM_NO_NOTICE;
        f->severity = said ? NB_SEV_ERROR : NB_SEV_WARNING;
        f->has_sides = 1;
        f->lhs = nb_num_int(said);
        f->rhs = v;
        f->inferred = inferred;
        nb_finding_add_cell(f, ci);
        return 0; /* one is enough */
    }
    return 0;
}

/* ---------------------------------------------------------------- 一 */

static int section1_accountability(const nb_report *r, nb_body body, nb_findings *out, nb_err *err)
{
    static const char *const assess[] = {"考核"};
    static const char *const appraise[] = {"评议"};
    static const char *const account[] = {"责任追究", "追责", "问责", "追究责任", "追究相关"};
    if (!nb_body_is_government(body))
        return 0;
    const char *t = r->doc.text;
    size_t n = r->doc.len;
    unsigned mask = (HAS(t, 0, n, assess) ? 0 : 1u) | (HAS(t, 0, n, appraise) ? 0 : 2u) |
                    (HAS(t, 0, n, account) ? 0 : 4u);
    if (!mask)
        return 0;
    nb_finding *f = heading_finding(r, NB_RULE_SECTION1_ACCOUNTABILITY, NB_SEC_GENERAL, out, err);
    if (f)
        f->mask = mask;
    return f ? 0 : -1;
}

static int section1_subtopics(const nb_report *r, nb_findings *out, nb_err *err)
{
    static const char *const active[] = {"主动公开"};
    static const char *const request[] = {"依申请", "申请公开", "公开申请"};
    static const char *const manage[] = {"信息管理"}; /* 政务信息管理 too, which holds it */
    static const char *const platform[] = {"平台"};
    static const char *const oversight[] = {"监督", "保障", "考核"};
    const nb_section *s = &r->sec[NB_SEC_GENERAL];
    if (r->year < 2021 || !s->present)
        return 0;
    const char *t = r->doc.text;
    size_t a = s->body_off, b = s->body_end;
    unsigned mask = (HAS(t, a, b, active) ? 0 : 1u) | (HAS(t, a, b, request) ? 0 : 2u) |
                    (HAS(t, a, b, manage) ? 0 : 4u) | (HAS(t, a, b, platform) ? 0 : 8u) |
                    (HAS(t, a, b, oversight) ? 0 : 16u);
    if (!mask)
        return 0;
    nb_finding *f = heading_finding(r, NB_RULE_SECTION1_SUBTOPICS, NB_SEC_GENERAL, out, err);
    if (f)
        f->mask = mask;
    return f ? 0 : -1;
}

int nb_check_sections(const nb_report *r, nb_body body, nb_findings *out, nb_err *err)
{
    if (section5_thin(r, out, err) != 0 || section6_fee(r, out, err) != 0 || section6_fee_vs_t3(r, out, err) != 0 ||
        section1_accountability(r, body, out, err) != 0 || section1_subtopics(r, out, err) != 0)
        return -1;
    return nb_check_numbering(r, out, err);
}
