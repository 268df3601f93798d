/* numbering.c — the top-level numbering of the sections: SECTION.NUMBERING
 * (a statutory section under another numeral, numbering that restarts at
 * 一、, sub-topics of 总体情况 numbered as sections) and TEXT.SECTION_COUNT
 * (the introduction's 共分 N 个部分 against the sections there are). */
#include "check/internal.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <string.h>

static nb_finding *heading_finding(const nb_heading *h, nb_findings *out, nb_err *err)
{
    nb_finding *f = nb_finding_add_at(out, NB_RULE_SECTION_NUMBERING, h->off, err);
    if (f) {
        f->claim_off = h->off;
        f->claim_len = h->len;
        f->text = (nb_span){h->off, h->len};
        f->numeral = h->numeral;
        f->section = h->section;
    }
    return f;
}

/* A statutory heading under another numeral (三、 for 二). */
static int mismatches(const nb_report *r, nb_findings *out, nb_err *err)
{
    for (int i = 0; i < r->nheads; i++) {
        const nb_heading *h = &r->heads[i];
        if (h->section < 0 || h->numeral == h->section + 1)
            continue;
        nb_finding *f = heading_finding(h, out, err);
        if (!f)
            return -1;
        f->form = NB_FORM_NUM_MISMATCH;
    }
    return 0;
}

/* 一、 after a higher numeral, unless that heading is a mismatch already. */
static int restarts(const nb_report *r, nb_findings *out, nb_err *err)
{
    int high = 0;
    for (int i = 0; i < r->nheads; i++) {
        const nb_heading *h = &r->heads[i];
        if (h->numeral == 1 && high > 1 && !(h->section >= 0 && h->section != 0)) {
            nb_finding *f = heading_finding(h, out, err);
            if (!f)
                return -1;
            f->form = NB_FORM_NUM_RESTART;
            f->rhs = nb_num_int(high);
        }
        if (h->numeral > high || h->numeral == 1)
            high = h->numeral;
    }
    return 0;
}

static int is_subtopic(const nb_report *r, const nb_heading *h)
{
    static const char *const words[] = {"主动公开", "申请", "信息管理", "平台", "监督", "保障", "机制"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (nb_find(r->doc.text + h->off, h->len, words[k], strlen(words[k])))
            return 1;
    return 0;
}

/* Top-level headings between 一、总体情况 and the next statutory heading
 * that name a topic of 总体情况: one finding for the run. */
static int subtopics(const nb_report *r, nb_findings *out, nb_err *err)
{
    int first = -1, last = -1, count = 0;
    for (int i = 0; i < r->nheads; i++) {
        const nb_heading *h = &r->heads[i];
        if (h->section == NB_SEC_GENERAL) {
            first = -2; /* inside 总体情况 from here */
            continue;
        }
        if (first == -1)
            continue;
        if (h->section >= 0)
            break;
        if (h->numeral >= 2 && is_subtopic(r, h)) {
            if (first < 0)
                first = i;
            last = i;
            count++;
        }
    }
    if (!count)
        return 0;
    nb_finding *f = heading_finding(&r->heads[first], out, err);
    if (!f)
        return -1;
    f->form = NB_FORM_NUM_SUBTOPIC;
    f->lhs = nb_num_int(count);
    f->rhs = nb_num_int(r->heads[last].numeral);
    return 0;
}

static int gap_char(uint32_t c)
{
    return nb_is_space(c) || c == '\n' || c == 0x4E2A; /* 个 */
}

static int digit_char(uint32_t c)
{
    return (c >= '0' && c <= '9') || nb_cn_digit(c) > 0;
}

/* Back from i over the characters pred accepts (not before lo). */
static size_t back_while(const char *t, size_t lo, size_t i, int (*pred)(uint32_t))
{
    while (i > lo) {
        size_t s = i - 1;
        while (s > lo && (((unsigned char)t[s]) & 0xC0) == 0x80)
            s--;
        size_t j = s;
        if (!pred(nb_utf8_get(t, i, &j)))
            break;
        i = s;
    }
    return i;
}

/* The number before 部分 (个 and white space between): 六, 6; -1 if none. */
static long long parts_before(const char *t, size_t lo, size_t at, size_t *start)
{
    size_t e = back_while(t, lo, at, gap_char);
    *start = back_while(t, lo, e, digit_char);
    return *start < e ? nb_parse_cn_number(t + *start, e - *start) : -1;
}

/* 共分 N 个部分, 由 N 个部分组成, 包括…等 N 部分: in the introduction (before
 * 总体情况), with 分 / 由 / 包括 / 共 / 等 shortly before the number. */
static int section_count(const nb_report *r, nb_findings *out, nb_err *err)
{
    static const char *const leads[] = {"分", "由", "包括", "共", "等"};
    const char *t = r->doc.text, *p;
    size_t end = r->sec[NB_SEC_GENERAL].present ? r->sec[NB_SEC_GENERAL].head_off : 0, from = 0;
    if (end > 6000)
        end = 6000;
    while (from < end && (p = nb_find(t + from, end - from, "部分", 6))) {
        size_t at = (size_t)(p - t), ns;
        from = at + 6;
        long long n = parts_before(t, 0, at, &ns);
        size_t lo = ns > 12 ? ns - 12 : 0;
        int led = 0;
        for (size_t k = 0; k < sizeof leads / sizeof leads[0]; k++)
            led |= nb_find(t + lo, ns - lo, leads[k], strlen(leads[k])) != NULL;
        if (n < 2 || n > 12 || !led)
            continue;
        int present = 0, numbered = 0;
        for (int k = 0; k < NB_NSEC; k++)
            present += r->sec[k].present;
        for (int i = 0; i < r->nheads && (i == 0 || r->heads[i].numeral > r->heads[i - 1].numeral); i++)
            numbered++;
        if (n == present || n == numbered)
            return 0;
        nb_finding *f = nb_finding_add_at(out, NB_RULE_TEXT_SECTION_COUNT, ns, err);
        if (!f)
            return -1;
        f->claim_off = ns;
        f->claim_len = at + 6 - ns;
        f->has_sides = 1;
        f->lhs = nb_num_int(n);
        f->rhs = nb_num_int(present);
        return 0;
    }
    return 0;
}

int nb_check_numbering(const nb_report *r, nb_findings *out, nb_err *err)
{
    if (mismatches(r, out, err) != 0 || restarts(r, out, err) != 0 || subtopics(r, out, err) != 0)
        return -1;
    return section_count(r, out, err);
}
