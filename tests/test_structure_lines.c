/* test_structure_lines.c — what nb_find_structure reads of a report's
 * lines where it tells them by their bytes: the signing date (read from the
 * last line up) against every date a search from the start finds, on
 * generated texts; a top-level heading's span (ideographs and ASCII told
 * without decoding) against a reading of every character, across the 90
 * bytes' reach; the rows of T3 and the 2019 format's labels against a
 * plain comparison of their words. */
#include "testutil.h"
#include "read/internal.h"
#include "base/utf8.h"

static nb_ctx g_ctx;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t next_rand(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

/* The signing date as a search from the start finds it: every date from
 * where the reading starts (the pattern tried at each character, past a
 * date once one is found), the last that stands alone on its line. */
static void plain_signature(const nb_report *r, size_t *off, nb_date *d)
{
    const char *t = r->doc.text;
    size_t n = r->doc.len, from = n > 3000 ? n - 3000 : 0;
    if (r->sec[NB_SEC_OTHER].present && r->sec[NB_SEC_OTHER].body_off > from)
        from = r->sec[NB_SEC_OTHER].body_off;
    while (from < n && (((unsigned char)t[from]) & 0xC0) == 0x80)
        from++;
    *off = (size_t)-1;
    PCRE2_SIZE *ov;
    for (size_t q = from; q < n;) {
        if (!nb_re_at(&g_ctx, g_ctx.re_date, t, n, q, &ov)) {
            q++;
            while (q < n && (((unsigned char)t[q]) & 0xC0) == 0x80)
                q++;
            continue;
        }
        size_t ms = ov[0], me = ov[1], ls, le;
        q = me;
        nb_doc_line(&r->doc, nb_doc_line_of(&r->doc, ms), &ls, &le);
        if (!nb_blank_range(t, ls, ms) || !nb_blank_range(t, me, le))
            continue;
        int y = nb_re_int(t, ov, 1), m = nb_re_int(t, ov, 2), dd = nb_re_int(t, ov, 3);
        if (!nb_plausible_date(y, m, dd))
            continue;
        *off = ms;
        *d = (nb_date){y, m, dd};
    }
}

/* Texts of dates (whole, across lines, with implausible months, after
 * digits, in full-width digits), spaces of every kind, words and line
 * ends, some past 3 000 bytes, some with section 六: the same signing date
 * as the plain search, and some with one. */
static void test_signature(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "2023年12月31日", "2024年1月5日", "2024 年 3 月 8 日", "2024年\n3月\n8日", "2024年13月1日", "12024年1月1日",
        "２０２４年１月２日", "2024年1月", "\n", "\n", "\n", "\r\n", " ", "\t", "\xE3\x80\x80", "\xC2\xA0",
        "\xEF\xBB\xBF", "某某局", "正文。", "，", "1", "（", "六、其他需要报告的事项\n", "\xEF\xBC\x88",
    };
    uint32_t x = 0x2545F491u;
    char *t = malloc(9000);
    assert_non_null(t);
    int dated = 0;
    for (int n = 0; n < 2500; n++) {
        size_t o = (size_t)sprintf(t, "前言"), np = next_rand(&x) % 40 + 1 + (n % 5 == 0 ? 700 : 0);
        for (size_t k = 0; k < np && o + 40 < 8800; k++) {
            const char *p = pieces[next_rand(&x) % COUNT(pieces)];
            memcpy(t + o, p, strlen(p));
            o += strlen(p);
        }
        t[o] = 0;
        nb_report r;
        tu_report_str(&r, &g_ctx, t);
        size_t off;
        nb_date d = {0, 0, 0};
        plain_signature(&r, &off, &d);
        if (off == (size_t)-1) {
            assert_int_equal(r.signed_on.y, 0);
        } else {
            assert_int_equal(r.signed_off, off);
            assert_int_equal(r.signed_on.y, d.y);
            assert_int_equal(r.signed_on.m, d.m);
            assert_int_equal(r.signed_on.d, d.d);
            dated++;
        }
        nb_report_free(&r);
    }
    assert_true(dated > 200 && dated < 2400);
    free(t);
}

/* The signing date in the other forms bodies write it: in Chinese numerals
 * (二〇二五年一月二十日, ○ for 〇), with . - / between its parts; not an
 * impossible day, nor a date with words after it on its line. */
static void test_signature_forms(void **state)
{
    (void)state;
    static const struct {
        const char *date;
        int y, m, d; /* 0: none */
    } cases[] = {
        {"二〇二五年一月二十日", 2025, 1, 20}, {"二\xE2\x97\x8B二五年十二月三十一日", 2025, 12, 31},
        {"二〇二五年 三月 八日", 2025, 3, 8},  {"2025-01-20", 2025, 1, 20},
        {"2025.1.20", 2025, 1, 20},            {"2025/01/20", 2025, 1, 20},
        {"2025.1-20", 0, 0, 0},
        {"二〇二五年一月三十二日", 0, 0, 0},    {"2025年1月20日印发", 0, 0, 0},
        {"二〇二五年一月", 0, 0, 0},
    };
    char t[256];
    for (size_t k = 0; k < COUNT(cases); k++) {
        snprintf(t, sizeof t, "前言。\n正文。\n某某局\n%s\n", cases[k].date);
        nb_report r;
        tu_report_str(&r, &g_ctx, t);
        if (r.signed_on.y != cases[k].y || r.signed_on.m != cases[k].m || r.signed_on.d != cases[k].d)
            fail_msg("%s: %d-%d-%d", cases[k].date, r.signed_on.y, r.signed_on.m, r.signed_on.d);
        assert_true(!cases[k].y || r.signed_off == (size_t)(strstr(t, cases[k].date) - t));
        nb_report_free(&r);
    }
}

/* A heading's span as every character decoded and folded finds it. */
static size_t plain_heading_end(const char *t, size_t i, size_t le)
{
    size_t lim = le - i > 90 ? i + 90 : le;
    for (size_t next = i; i < lim; i = next) {
        uint32_t c = nb_fold(nb_utf8_get(t, le, &next));
        if (next > lim || c == ';' || c == ':' || c == 0x3002)
            return i;
    }
    return i;
}

/* 三、 and words of ideographs (U+4000 and up), ASCII, full-width and
 * other characters (of two, three and four bytes), 。；： and the forms that
 * fold to them: each heading's span as the plain reading's, cut at every
 * length around the 90 bytes' reach. */
static void test_heading_spans(void **state)
{
    (void)state;
    static const char *const pieces[] = {"工作", "信息", "\xE4\x80\x80", "\xE9\xBF\xBF", "a", "b.", ";", ":", "。",
                                         "；", "：", "\xEF\xBD\xA1", "\xEF\xBC\x8E", "“", "\xC2\xA0", "\xF0\x9F\x98\x80",
                                         "（", "、", " ", "\t"};
    uint32_t x = 0x7F4A7C15u;
    char t[512];
    int cut = 0;
    for (int n = 0; n < 20000; n++) {
        size_t o = (size_t)sprintf(t, "前言\n三、概述");
        size_t np = next_rand(&x) % 60;
        for (size_t k = 0; k < np && o + 8 < 400; k++) {
            const char *p = pieces[next_rand(&x) % (n % 3 ? 6 : COUNT(pieces))];
            memcpy(t + o, p, strlen(p));
            o += strlen(p);
        }
        size_t le = o;
        strcpy(t + o, "\n正文。\n");
        nb_report r;
        tu_report_str(&r, &g_ctx, t);
        assert_int_equal(r.nheads, 1);
        size_t hs = strlen("前言\n"), want = plain_heading_end(t, hs, le) - hs;
        assert_int_equal(r.heads[0].off, hs);
        assert_int_equal(r.heads[0].len, want);
        cut += want < le - hs;
        nb_report_free(&r);
    }
    assert_true(cut > 1000);
}

/* Words after 一、 that share a T3 row's first character, or its last
 * bytes, or are the row: a heading only when they are no row. */
static void test_t3_rows(void **state)
{
    (void)state;
    static const char *const rows[] = {"本年新收", "上年结转", "本年度办理结果", "结转下年度"};
    static const char *const others[] = {"本年新增", "上年总结", "本年度办理情况", "结转下年", "杀年新收", "丈年结转",
                                         "本", "结转"};
    char t[128];
    for (size_t k = 0; k < COUNT(rows) + COUNT(others); k++) {
        int row = k < COUNT(rows);
        snprintf(t, sizeof t, "前言\n一、%s\n正文。\n", row ? rows[k] : others[k - COUNT(rows)]);
        nb_report r;
        tu_report_str(&r, &g_ctx, t);
        assert_int_equal(r.nheads, !row);
        nb_report_free(&r);
    }
}

/* 数量 after each of the 2019 format's labels, after words ending in its
 * last byte's character or sharing its last bytes, and at the text's start:
 * 2019 only after a label. */
static void test_format_marks(void **state)
{
    (void)state;
    static const char *const before[] = {"新制作", "新公开", "对外公开总", "上一年项目", "制作", "公开",
                                         "新制", "对外公开", "一年项目", "新创作", "新工作", "外公开总", ""};
    char t[128];
    for (size_t k = 0; k < COUNT(before); k++) {
        snprintf(t, sizeof t, "%s数量 12\n", before[k]);
        nb_report r;
        tu_report_str(&r, &g_ctx, t);
        assert_int_equal(r.format, k < 4 ? 2019 : 2021);
        nb_report_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signature),
        cmocka_unit_test(test_signature_forms),
        cmocka_unit_test(test_heading_spans),
        cmocka_unit_test(test_t3_rows),
        cmocka_unit_test(test_format_marks),
    };
    return TU_RUN("structure_lines", tests, &g_ctx, NULL, NULL);
}
