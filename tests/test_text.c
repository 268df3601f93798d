/* test_text.c — label normal form (numbering stripped, full-width and quote
 * styles folded, white space dropped), similarity, numbering markers,
 * display columns and UTF-8 decoding of damaged sequences; the numbering
 * marker parser (kinds, values, terminators) and the rules each reader
 * accepts markers by; nb_find finds the first place of a needle as a
 * byte-by-byte search does, at every length and alignment, and nb_find_all
 * every place of a set of needles, small or as large as the claims';
 * nb_join_lines joins the lines a plain reading of its rule joins, with the
 * same map back, whatever the tables' zone. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "text/label.h"
#include "text/join.h"
#include "text/numbering.h"
#include "testutil.h"
#include "text/numerals.h"

static nb_ustr norm(const char *s, int flags)
{
    nb_ustr u;
    memset(&u, 0xAB, sizeof u);
    nb_norm(s, strlen(s), &u, flags);
    return u;
}

static void ustr_str(const nb_ustr *u, char *out, size_t cap)
{
    nb_ustr_utf8(u, out, cap);
}

/* The normal form of s, as UTF-8, equals want. */
static void expect_norm(const char *s, int flags, const char *want, int had_num)
{
    nb_ustr u = norm(s, flags);
    char got[NB_USTR_MAX * 4 + 1];
    ustr_str(&u, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("nb_norm(\"%s\", %d) = \"%s\", expected \"%s\"", s, flags, got, want);
    if (u.had_num != had_num)
        fail_msg("nb_norm(\"%s\"): had_num %d, expected %d", s, u.had_num, had_num);
}

static void expect_same(const char *a, const char *b)
{
    nb_ustr x = norm(a, NB_NORM_LABEL), y = norm(b, NB_NORM_LABEL);
    if (!nb_ustr_eq(&x, &y)) {
        char sx[800], sy[800];
        ustr_str(&x, sx, sizeof sx);
        ustr_str(&y, sy, sizeof sy);
        fail_msg("\"%s\" -> \"%s\" and \"%s\" -> \"%s\" differ", a, sx, b, sy);
    }
}

static void test_norm_numbering(void **state)
{
    (void)state;
    const char *numbered[] = {
        "1.属于国家秘密", "1、属于国家秘密", "1．属于国家秘密", "（三）属于国家秘密", "(三)属于国家秘密",
        "三、属于国家秘密", "12.属于国家秘密", "（12）属于国家秘密", "【三】属于国家秘密", "十一、属于国家秘密",
        "1. 属于国家秘密", "（一）1.属于国家秘密",
    };
    for (size_t k = 0; k < sizeof numbered / sizeof numbered[0]; k++)
        expect_norm(numbered[k], NB_NORM_LABEL, "属于国家秘密", 1);
    expect_norm("属于国家秘密", NB_NORM_LABEL, "属于国家秘密", 0);
    /* without NB_NORM_NUM the numbering stays (folded) */
    expect_norm("（三）属于", 0, "(三)属于", 0);
    expect_norm("1．属于", 0, "1.属于", 0);
    /* not numbering: a leading 三 that is part of the word, a year */
    expect_norm("三安全一稳定", NB_NORM_LABEL, "三安全一稳定", 0);
    expect_norm("2024年度", NB_NORM_LABEL, "2024年度", 0);
    expect_norm("一是公开", NB_NORM_LABEL, "一是公开", 0);
    expect_norm("1.５属于", NB_NORM_LABEL, "1.5属于", 0); /* folded first: 1.5 is a number */
    expect_norm("18.5属于", NB_NORM_LABEL, "18.5属于", 0);
    expect_norm("1:属于", NB_NORM_LABEL, "1:属于", 0);
}

static void test_norm_fold(void **state)
{
    (void)state;
    expect_same("“三安全一稳定”", "\"三安全一稳定\"");
    expect_same("「三安全一稳定」", "\"三安全一稳定\"");
    expect_same("ＡＢＣ（１２）", "ABC(12)");
    expect_same("结 果 维 持", "结果维持");
    expect_same("结\xE3\x80\x80果\t维持 ", "结果维持");
    expect_same("*结果维持", "结果维持");
    expect_same("其他—处理", "其他-处理");
    expect_same("【其他】", "[其他]");
    expect_norm("“三安全一稳定”", NB_NORM_LABEL, "\"三安全一稳定\"", 0);
    expect_norm("ＡＢＣ", 0, "ABC", 0);
    /* trailing punctuation only with NB_NORM_TRAIL */
    expect_norm("结果维持：", NB_NORM_LABEL, "结果维持", 0);
    expect_norm("结果维持；。", NB_NORM_LABEL, "结果维持", 0);
    expect_norm("结果维持：", NB_NORM_NUM, "结果维持:", 0);
    expect_norm("", NB_NORM_LABEL, "", 0);
    expect_norm("   ", NB_NORM_LABEL, "", 0);
    nb_ustr a = norm("结果维持：", NB_NORM_NUM);
    nb_ustr_trim_trail(&a);
    nb_ustr b = norm("结果维持", NB_NORM_NUM);
    assert_true(nb_ustr_eq(&a, &b));
    nb_ustr empty = norm("", 0);
    assert_false(nb_ustr_eq(&a, &empty));
}

static void test_norm_long(void **state)
{
    (void)state;
    /* more than NB_USTR_MAX characters: cut at the limit, no overflow */
    char s[NB_USTR_MAX * 3 * 2 + 1] = "";
    for (int i = 0; i < NB_USTR_MAX * 2; i++)
        strcat(s, "字");
    nb_ustr u = norm(s, NB_NORM_LABEL);
    assert_int_equal(u.n, NB_USTR_MAX);
    for (int i = 0; i < u.n; i++)
        assert_int_equal(u.c[i], 0x5B57);
}

/* nb_norm_chars is nb_norm's first step: the same code points as nb_norm
 * without flags, white space and * # | │ dropped, cut at NB_USTR_MAX. */
static void test_norm_chars(void **state)
{
    (void)state;
    static const char *const cases[] = {"（一）予以公开：", " 三、 本年 新收\t", "a*b#c|d│e", "ＡＢ１２３", "", "一、"};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        uint32_t c[NB_USTR_MAX];
        int m = nb_norm_chars(cases[k], strlen(cases[k]), c);
        nb_ustr u = norm(cases[k], 0);
        assert_int_equal(m, u.n);
        assert_memory_equal(c, u.c, (size_t)m * sizeof *c);
    }
    char s[NB_USTR_MAX * 3 + 4] = "";
    for (int i = 0; i < NB_USTR_MAX + 1; i++)
        strcat(s, "字");
    uint32_t c[NB_USTR_MAX];
    assert_int_equal(nb_norm_chars(s, strlen(s), c), NB_USTR_MAX);
    /* nb_norm_chars_marks: the same code points, and how many of * # | │
       (ASCII or full-width) were dropped besides white space */
    static const struct {
        const char *s;
        int marks;
    } marked[] = {{"a*b#c|d│e", 4}, {"（一） 予以公开", 0}, {"＊其他｜", 2}, {"“三安全一稳定”", 0}};
    for (size_t k = 0; k < sizeof marked / sizeof marked[0]; k++) {
        uint32_t c2[NB_USTR_MAX];
        int marks = -1, m = nb_norm_chars_marks(marked[k].s, strlen(marked[k].s), c2, &marks);
        assert_int_equal(m, nb_norm_chars(marked[k].s, strlen(marked[k].s), c));
        assert_memory_equal(c2, c, (size_t)m * sizeof *c);
        assert_int_equal(marks, marked[k].marks);
    }
}

static void test_ustr_ops(void **state)
{
    (void)state;
    nb_ustr a = norm("本年新收政府信息公开申请数量", 0);
    nb_ustr b = norm("政府信息公开", 0);
    nb_ustr c = norm("本年申请", 0);
    nb_ustr d = norm("申请本年", 0);
    assert_true(nb_ustr_contains(&a, &b));
    assert_false(nb_ustr_contains(&b, &a));
    assert_false(nb_ustr_contains(&a, &c));
    assert_true(nb_ustr_subseq(&a, &c));
    assert_false(nb_ustr_subseq(&a, &d));
    nb_ustr e = norm("本年", 0), f = norm("新收", 0);
    nb_ustr_append(&e, &f);
    nb_ustr g = norm("本年新收", 0);
    assert_true(nb_ustr_eq(&e, &g));
}

static double sim(const char *a, const char *b)
{
    nb_ustr x = norm(a, NB_NORM_LABEL), y = norm(b, NB_NORM_LABEL);
    double s1 = nb_sim(&x, &y), s2 = nb_sim(&y, &x);
    if (s1 != s2)
        fail_msg("nb_sim(\"%s\", \"%s\") = %f but reversed %f", a, b, s1, s2);
    if (s1 < 0.0 || s1 > 1.0)
        fail_msg("nb_sim(\"%s\", \"%s\") = %f out of [0,1]", a, b, s1);
    return s1;
}

static void test_sim(void **state)
{
    (void)state;
    assert_true(sim("本年度止件数", "本年度止件数") == 1.0);
    assert_true(sim("（一）本年度止件数", "本年度止件数") == 1.0); /* equal after normalising */
    double s = sim("本年度止件数", "本年废止件数");
    if (!(s > 0.6 && s < 1.0))
        fail_msg("damaged label similarity %f", s);
    s = sim("行政许可", "政府信息公开");
    if (!(s < 0.5))
        fail_msg("unrelated labels similarity %f", s);
    s = sim("维持行政行为", "本年新收政府信息公开申请数量");
    if (!(s < 0.5))
        fail_msg("unrelated labels similarity %f", s);
    assert_true(sim("abc", "abcd") < 1.0);
    assert_true(sim("abc", "xyz") == 0.0);
    assert_true(sim("予以公开", "予以公开") > sim("予以公开", "部分公开"));
}

static void test_numbering_len(void **state)
{
    (void)state;
    const char *s;
    s = "1.属于";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 2);
    s = "1、属于";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), strlen("1、"));
    s = "1．属于";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), strlen("1．"));
    s = "（一）予以公开";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), strlen("（一）"));
    s = "(3)予以公开";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 3);
    s = "三、结果";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), strlen("三、"));
    s = "12、结果";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), strlen("12、"));
    /* a decimal number, a year, plain text, an unclosed bracket: none */
    s = "18.5";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 0);
    s = "2024年";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 0);
    s = "予以公开";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 0);
    s = "（一予以";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 0);
    s = "()x";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 0);
    s = "一.x"; /* a Chinese numeral takes 、 not . */
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 0);
    s = "1";
    assert_int_equal(nb_numbering_len(s, strlen(s), 0), 0);
    /* from an offset, and bounded by end */
    s = "ab1.属于";
    assert_int_equal(nb_numbering_len(s, strlen(s), 2), 2);
    s = "1.5";
    assert_int_equal(nb_numbering_len(s, 2, 0), 2); /* "1." with the 5 beyond end */
}

/* The marker read at the start of s: kind, numerals, value, term, length. */
static nb_marker marker(const char *s)
{
    nb_marker m;
    memset(&m, 0xAB, sizeof m);
    nb_mark_kind k = nb_marker_read(s, strlen(s), 0, &m);
    assert_int_equal(k, m.kind);
    return m;
}

static void expect_marker(const char *s, nb_mark_kind kind, int numerals, long value, uint32_t term, size_t len)
{
    nb_marker m = marker(s);
    if (m.kind != kind || m.numerals != numerals || m.value != value || m.term != term || m.len != len)
        fail_msg("\"%s\": kind %d numerals %d value %ld term U+%04X len %zu; expected %d %d %ld U+%04X %zu", s,
                 (int)m.kind, m.numerals, m.value, (unsigned)m.term, m.len, (int)kind, numerals, value,
                 (unsigned)term, len);
}

static void test_marker_read(void **state)
{
    (void)state;
    /* Chinese numerals, their values */
    expect_marker("三、主动公开", NB_MARK_CN, 1, 3, 0x3001, strlen("三、"));
    expect_marker("十、", NB_MARK_CN, 1, 10, 0x3001, strlen("十、"));
    expect_marker("十一、", NB_MARK_CN, 2, 11, 0x3001, strlen("十一、"));
    expect_marker("二十、", NB_MARK_CN, 2, 20, 0x3001, strlen("二十、"));
    expect_marker("二十三.", NB_MARK_CN, 3, 23, '.', strlen("二十三."));
    expect_marker("两，", NB_MARK_CN, 1, 2, ',', strlen("两，"));
    /* in brackets (all bracket styles fold to one) */
    expect_marker("（十二）予以公开", NB_MARK_PAREN, 2, 12, ')', strlen("（十二）"));
    expect_marker("(3)予以公开", NB_MARK_PAREN, 1, 3, ')', 3);
    expect_marker("【三】", NB_MARK_PAREN, 1, 3, ')', strlen("【三】"));
    expect_marker("（一予以", NB_MARK_PAREN, 1, 1, 0x4E88, strlen("（一予")); /* not closed */
    /* Arabic digits, full width folded */
    expect_marker("12.属于", NB_MARK_ARABIC, 2, 12, '.', 3);
    expect_marker("１．属于", NB_MARK_ARABIC, 1, 1, '.', strlen("１．"));
    expect_marker("18.5", NB_MARK_ARABIC, 2, 18, '.', 3);
    expect_marker("1:", NB_MARK_ARABIC, 1, 1, ':', 2);
    expect_marker("1", NB_MARK_ARABIC, 1, 1, 0, 1);
    expect_marker("1二、", NB_MARK_MIXED, 2, 12, 0x3001, strlen("1二、"));
    expect_marker("1234567890.", NB_MARK_ARABIC, 10, -1, '.', 11); /* too long for a value */
    /* none: text, a zero numeral, an empty bracket, nothing */
    expect_marker("予以公开", NB_MARK_NONE, 0, 0, 0, 0);
    expect_marker("〇、", NB_MARK_NONE, 0, 0, 0, 0);
    expect_marker("()x", NB_MARK_NONE, 0, 0, 0, 0);
    expect_marker("", NB_MARK_NONE, 0, 0, 0, 0);
    /* what follows the term, as written */
    assert_int_equal(marker("18.5").next, '5');
    assert_int_equal(marker("1.５").next, 0xFF15);
    assert_int_equal(marker("1.").next, 0);
    /* bounded by end, from an offset */
    nb_marker m;
    assert_int_equal(nb_marker_read("1.5", 2, 0, &m), NB_MARK_ARABIC);
    assert_int_equal(m.len, 2);
    assert_int_equal(m.next, 0);
    assert_int_equal(nb_marker_read("ab（三）", strlen("ab（三）"), 2, &m), NB_MARK_PAREN);
    assert_int_equal(m.value, 3);
    /* on folded code points: the length counts code points */
    const uint32_t cps[] = {'(', 0x5341, 0x4E8C, ')', 0x516C};
    assert_int_equal(nb_marker_read_cp(cps, 5, &m), NB_MARK_PAREN);
    assert_int_equal(m.len, 4);
    assert_int_equal(m.value, 12);
    assert_int_equal(nb_marker_read_cp(cps, 0, &m), NB_MARK_NONE);
}

/* Which policies take the marker at the start of s: label, item, heading, caption. */
static const struct {
    const char *s;
    int take[4];
} policy_cases[] = {
    /* text, {label, item, heading, caption} */
    {"三、公开", {1, 1, 1, 0}},
    {"十一、公开", {1, 1, 1, 0}},
    {"三.公开", {1, 0, 1, 0}}, /* a Chinese numeral takes 、 in a table */
    {"三，公开", {1, 0, 1, 0}},
    {"一二三四、", {0, 0, 0, 0}}, /* four numerals */
    {"（三）公开", {1, 1, 0, 0}},
    {"(12)公开", {1, 1, 0, 0}},
    {"（一公开", {0, 0, 0, 0}},
    {"1.属于", {1, 1, 0, 0}},
    {"1、属于", {1, 1, 0, 0}},
    {"1．属于", {1, 1, 0, 0}},
    {"12、属于", {1, 1, 0, 0}},
    {"123、属于", {0, 1, 0, 0}}, /* three digits: an item, not a label */
    {"1234、属于", {0, 0, 0, 0}},
    {"1，属于", {1, 0, 0, 0}},
    {"1)属于", {1, 0, 0, 0}},
    {"1。属于", {1, 0, 0, 0}},
    {"1二、属于", {0, 1, 0, 0}},
    {"18.5", {0, 0, 0, 0}}, /* a number, not numbering */
    {"1.５", {1, 1, 0, 0}}, /* next as written: only an ASCII digit makes a decimal */
    {"1:", {0, 0, 0, 0}},
    {"1", {0, 0, 0, 0}},
    {"2024年", {0, 0, 0, 0}},
    {"三：", {0, 0, 0, 1}},
    {"3：", {0, 0, 0, 0}},
    {"予以公开", {0, 0, 0, 0}},
};

static void test_marker_policies(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof policy_cases / sizeof policy_cases[0]; k++) {
        nb_marker m = marker(policy_cases[k].s);
        int got[4] = {nb_marker_is_label(&m), nb_marker_is_item(&m), nb_marker_is_heading(&m),
                      nb_marker_is_caption(&m)};
        const int *want = policy_cases[k].take;
        if (memcmp(got, want, sizeof got) != 0)
            fail_msg("\"%s\": label %d item %d heading %d caption %d, expected %d %d %d %d", policy_cases[k].s,
                     got[0], got[1], got[2], got[3], want[0], want[1], want[2], want[3]);
    }
}

/* Where the marker accept takes, ending at the end of s, starts (-1: none). */
static long ending_at(const char *s, size_t lo, int reach, int (*accept)(const nb_marker *))
{
    nb_marker m;
    size_t q = 99;
    return nb_marker_ending_at(s, lo, strlen(s), reach, accept, &m, &q) ? (long)q : -1;
}

static void test_marker_ending_at(void **state)
{
    (void)state;
    assert_int_equal(ending_at("其他三、", 0, 3, nb_marker_is_heading), strlen("其他"));
    assert_int_equal(ending_at("一二三四、", 0, 3, nb_marker_is_heading), strlen("一")); /* three at most */
    assert_int_equal(ending_at("1二、", 0, 3, nb_marker_is_heading), 1);
    assert_int_equal(ending_at("表三：", 0, 1, nb_marker_is_caption), strlen("表"));
    assert_int_equal(ending_at("表十二：", 0, 1, nb_marker_is_caption), strlen("表十"));
    assert_int_equal(ending_at("（三）", 0, 3, nb_marker_is_heading), -1);
    assert_int_equal(ending_at("三、", strlen("三"), 3, nb_marker_is_heading), -1); /* before lo */
    assert_int_equal(ending_at("", 0, 3, nb_marker_is_heading), -1);
}

static void test_display_cols(void **state)
{
    (void)state;
    assert_int_equal(nb_display_cols("abc", 3, 0), 3);
    assert_int_equal(nb_display_cols("规章", strlen("规章"), 0), 4);
    assert_int_equal(nb_display_cols("a规b", strlen("a规b"), 0), 4);
    assert_int_equal(nb_display_cols("ＡＢ", strlen("ＡＢ"), 0), 4);          /* full width */
    assert_int_equal(nb_display_cols("\xE3\x80\x80", 3, 0), 2);               /* U+3000 */
    assert_int_equal(nb_display_cols("\t", 1, 0), 8);
    assert_int_equal(nb_display_cols("ab\t", 3, 0), 8);
    assert_int_equal(nb_display_cols("abcdefgh\t", 9, 0), 16);
    assert_int_equal(nb_display_cols("规章\t", strlen("规章\t"), 0), 8);
    assert_int_equal(nb_display_cols("\t", 1, 7), 1);  /* from column 7 to 8 */
    assert_int_equal(nb_display_cols("\t", 1, 8), 8);  /* from 8 to 16 */
    assert_int_equal(nb_display_cols("a\tb", 3, 3), 6); /* 3 -> 4 -> 8 -> 9 */
    assert_int_equal(nb_display_cols("\x01", 1, 0), 2); /* ^A */
    assert_int_equal(nb_display_cols("a\x1f" "b", 3, 0), 4);
    assert_int_equal(nb_display_cols("\x7f", 1, 0), 2);
    assert_int_equal(nb_display_cols("\xC2\x85", 2, 0), 4); /* C1 control as <85> */
    assert_int_equal(nb_display_cols("e\xCC\x81", 3, 0), 1); /* combining acute: zero */
    assert_int_equal(nb_display_cols("规章", 3, 0), 2); /* only n bytes */
    assert_int_equal(nb_display_cols("", 0, 5), 0);
    assert_int_equal(nb_cp_width(0x4E00), 2);
    assert_int_equal(nb_cp_width('A'), 1);
    assert_int_equal(nb_cp_width(0x07), 2);
    assert_int_equal(nb_cp_width(0x9B), 4);
    assert_int_equal(nb_cp_width(0x0301), 0);
}

static void test_utf8_get(void **state)
{
    (void)state;
    const char *s = "规"; /* E8 A7 84 */
    size_t i = 0;
    assert_int_equal(nb_utf8_get(s, 3, &i), 0x89C4);
    assert_int_equal(i, 3);
    /* truncated: two of three bytes */
    i = 0;
    assert_int_equal(nb_utf8_get(s, 2, &i), 0xFFFD);
    assert_int_equal(i, 1);
    assert_int_equal(nb_utf8_get(s, 2, &i), 0xFFFD); /* a lone continuation byte */
    assert_int_equal(i, 2);
    /* a four-byte sequence, whole and cut */
    const char *e = "\xF0\x9F\x98\x80!";
    i = 0;
    assert_int_equal(nb_utf8_get(e, 5, &i), 0x1F600);
    assert_int_equal(i, 4);
    assert_int_equal(nb_utf8_get(e, 5, &i), '!');
    assert_int_equal(i, 5);
    i = 0;
    assert_int_equal(nb_utf8_get(e, 3, &i), 0xFFFD);
    assert_int_equal(i, 1);
    /* a bad continuation: U+FFFD, then the next character read normally */
    const char *b = "\xE8" "A";
    i = 0;
    assert_int_equal(nb_utf8_get(b, 2, &i), 0xFFFD);
    assert_int_equal(i, 1);
    assert_int_equal(nb_utf8_get(b, 2, &i), 'A');
    assert_int_equal(i, 2);
    i = 0;
    assert_int_equal(nb_utf8_get("\xFF", 1, &i), 0xFFFD);
    assert_int_equal(i, 1);
    i = 0;
    assert_int_equal(nb_utf8_get("\xC3\xA9", 2, &i), 0xE9);
    assert_int_equal(i, 2);
    /* round trip through nb_utf8_put */
    const uint32_t cps[] = {'A', 0xE9, 0x89C4, 0x1F600, 0x3000};
    for (size_t k = 0; k < sizeof cps / sizeof cps[0]; k++) {
        char buf[8];
        size_t n = nb_utf8_put(buf, cps[k]);
        assert_int_equal(n, cps[k] < 0x80 ? 1 : cps[k] < 0x800 ? 2 : cps[k] < 0x10000 ? 3 : 4);
        i = 0;
        assert_int_equal(nb_utf8_get(buf, n, &i), cps[k]);
        assert_int_equal(i, n);
    }
}

/* Where a string may be cut: never inside a character. */
static void test_utf8_whole(void **state)
{
    (void)state;
    const char *s = "ab规章"; /* a b, then two characters of three bytes */
    assert_int_equal(nb_utf8_whole(s, 8), 8);
    assert_int_equal(nb_utf8_whole(s, 7), 5); /* inside 章: before it */
    assert_int_equal(nb_utf8_whole(s, 6), 5);
    assert_int_equal(nb_utf8_whole(s, 5), 5);
    assert_int_equal(nb_utf8_whole(s, 4), 2); /* inside 规 */
    assert_int_equal(nb_utf8_whole(s, 2), 2);
    assert_int_equal(nb_utf8_whole(s, 0), 0);
    assert_int_equal(nb_utf8_whole("\xF0\x9F\x98\x80x", 3), 0); /* inside a four-byte character */
    assert_int_equal(nb_utf8_whole("\xF0\x9F\x98\x80x", 4), 4);
}

static void test_char_classes(void **state)
{
    (void)state;
    assert_true(nb_is_space(0x3000));
    assert_true(nb_is_space(' '));
    assert_true(nb_is_space(0xA0));
    assert_false(nb_is_space('a'));
    assert_true(nb_is_cjk(0x89C4));
    assert_false(nb_is_cjk('a'));
    assert_int_equal(nb_cn_digit(0x4E09), 3);  /* 三 */
    assert_int_equal(nb_cn_digit(0x5341), 10); /* 十 */
    assert_int_equal(nb_cn_digit(0x96F6), 0);  /* 零 */
    assert_int_equal(nb_cn_digit('3'), -1);
    for (uint32_t c = 0; c <= 0x10FFFF; c++) { /* every digit 一 … 十 let through, nothing past the range */
        if (nb_cn_digit(c) > 0 && !nb_cn_digit_may(c))
            fail_msg("U+%04X: a Chinese digit nb_cn_digit_may refuses", (unsigned)c);
        if ((c < 0x4E00 || c > 0x56DB) && nb_cn_digit_may(c))
            fail_msg("U+%04X: outside 一 … 四's range, let through", (unsigned)c);
    }
    assert_false(nb_cn_digit_may(0x4E02)); /* 丂: in the range, no digit's bit */
    assert_int_equal(nb_fold(0xFF11), '1');    /* １ */
    assert_int_equal(nb_fold(0x201C), '"');
    assert_int_equal(nb_fold(0x2014), '-');
    assert_int_equal(nb_fold(0xFF08), '(');    /* （ */
    assert_int_equal(nb_fold(0x89C4), 0x89C4);
}

/* The first place of needle in hay, byte by byte. */
static const char *naive_find(const char *hay, size_t n, const char *needle, size_t nl)
{
    for (size_t p = 0; p + nl <= n; p++)
        if (!memcmp(hay + p, needle, nl))
            return hay + p;
    return NULL;
}

static void test_find(void **state)
{
    (void)state;
    /* a few CJK characters and ASCII: many near misses */
    static const char *const pieces[] = {"申", "请", "件", "公", "开", "1", " ", "\n", "、", "申请"};
    char hay[600], needle[16];
    unsigned seed = 12345;
    for (int round = 0; round < 3000; round++) {
        size_t n = 0;
        size_t len = (seed = seed * 1103515245 + 12345) >> 16 & 127;
        while (n < len * 4 && n + 8 < sizeof hay) {
            const char *p = pieces[(seed = seed * 1103515245 + 12345) >> 16 & 7];
            memcpy(hay + n, p, strlen(p));
            n += strlen(p);
        }
        size_t nl = 0;
        int parts = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16 & 3);
        for (int k = 0; k < parts; k++) {
            const char *p = pieces[((seed = seed * 1103515245 + 12345) >> 16) % 10];
            if (nl + strlen(p) < sizeof needle) {
                memcpy(needle + nl, p, strlen(p));
                nl += strlen(p);
            }
        }
        for (size_t off = 0; off < 3 && off <= n; off++) /* every alignment of the start */
            assert_ptr_equal(nb_find(hay + off, n - off, needle, nl), naive_find(hay + off, n - off, needle, nl));
    }
}

/* nb_find on long texts (its 128- and 64-place blocks, then the last 64
 * places that fit, the places already tried left out): a needle planted
 * at every place of texts of every length from 120 to 330 bytes (once, or
 * twice: the first is found), its rarest byte's near misses all around,
 * and absent; against the byte-by-byte search. */
static void test_find_long(void **state)
{
    (void)state;
    static const char *const needles[] = {"\xe5\xb9\xb4\xe5\xba\xa6", "ab", "\xe5\xb9\xb4", "0123456789abcdefghij"};
    char hay[400];
    for (size_t w = 0; w < sizeof needles / sizeof needles[0]; w++) {
        const char *nd = needles[w];
        size_t nl = strlen(nd);
        for (size_t n = 120; n <= 330; n++) {
            for (size_t i = 0; i < n; i++) /* the needle's bytes, shifted: many near misses */
                hay[i] = nd[(i * 7 + 1) % nl] == nd[i % nl] ? 'x' : nd[(i * 7 + 1) % nl];
            assert_ptr_equal(nb_find(hay, n, nd, nl), naive_find(hay, n, nd, nl));
            for (size_t at = 0; at + nl <= n; at++) {
                char keep[32];
                memcpy(keep, hay + at, nl);
                memcpy(hay + at, nd, nl);
                assert_ptr_equal(nb_find(hay, n, nd, nl), naive_find(hay, n, nd, nl));
                size_t two = at + nl + (at % 70);
                if (two + nl <= n) {
                    char keep2[32];
                    memcpy(keep2, hay + two, nl);
                    memcpy(hay + two, nd, nl);
                    assert_ptr_equal(nb_find(hay, n, nd, nl), naive_find(hay, n, nd, nl));
                    memcpy(hay + two, keep2, nl);
                }
                memcpy(hay + at, keep, nl);
            }
        }
    }
}

/* The first invalid byte by nb_utf8_seq, one character at a time. */
static const unsigned char *invalid_by_seq(const unsigned char *s, size_t n)
{
    for (size_t i = 0, k; i < n; i += k)
        if (!(k = nb_utf8_seq(s + i, n - i)))
            return s + i;
    return NULL;
}

/* nb_utf8_invalid (32 bytes at a time where the CPU has AVX2) against
 * nb_utf8_seq character by character: texts of CJK, ASCII and every kind of
 * wrong byte (stray continuations, cut sequences, overlong forms,
 * surrogates, past U+10FFFF, bytes no UTF-8 has) at every place, short and
 * long, the same first invalid byte or none. */
static void test_utf8_invalid(void **state)
{
    (void)state;
    static const char *const good[] = {"\xe5\xb9\xb4", "a", "12\t", "\xef\xbc\x88", "\xc3\xa9", "\xf0\x9f\x98\x80",
                                       "\xe3\x80\x80", "\n", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf"};
    static const char *const bad[] = {"\x80",         "\xbf\xbf",     "\xe5\xb9",     "\xc3",          "\xe0\x80\x80",
                                      "\xc0\xaf",     "\xc1\xbf",     "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
                                      "\xf0\x80\x80\x80", "\xff",     "\xfe",         "\xf8\x88\x80\x80\x80",
                                      "\xe5\xb9\xb4\xb4", "\xf0\x9f\x98"};
    unsigned seed = 4242;
    unsigned char buf[600];
    int found = 0;
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, len = 16 + ((seed = seed * 1103515245 + 12345) >> 16) % 560;
        while (n < len) {
            const char *p = good[((seed = seed * 1103515245 + 12345) >> 16) % 10];
            size_t pl = strlen(p);
            if (n + pl > sizeof buf)
                break;
            memcpy(buf + n, p, pl);
            n += pl;
        }
        int wrongs = round % 4; /* none, or one to three wrong pieces */
        for (int w = 0; w < wrongs; w++) {
            const char *p = bad[((seed = seed * 1103515245 + 12345) >> 16) % 16];
            size_t pl = strlen(p), at = ((seed = seed * 1103515245 + 12345) >> 16) % (n + 1);
            if (at + pl <= n)
                memcpy(buf + at, p, pl);
        }
        const unsigned char *want = invalid_by_seq(buf, n), *got = nb_utf8_invalid(buf, n);
        if (got != want)
            fail_msg("round %d, %zu bytes: first invalid byte at %td, not %td", round, n, got ? got - buf : -1,
                     want ? want - buf : -1);
        found += want != NULL;
    }
    assert_true(found > 1500); /* the wrong pieces were met, at every sort of place */
}

/* nb_find_all on hay[0, n) against every needle tried at every place, byte
 * by byte: the same places in the same order (at one offset, needles of
 * three bytes or more in the set's order, then the shorter ones); how many. */
static size_t expect_places(const nb_needles *set, const char *const *needles, int nn, const char *hay, size_t n)
{
    nb_place *pl = NULL;
    size_t cap = 0, npl = 0, at = 0;
    assert_int_equal(nb_find_all(set, hay, n, &pl, &cap, &npl), 0);
    for (size_t p = 0; p < n; p++)
        for (int pass = 0; pass < 2; pass++)
            for (int k = 0; k < nn; k++) {
                size_t l = strlen(needles[k]);
                if ((l >= 3) != (pass == 0) || p + l > n || memcmp(hay + p, needles[k], l))
                    continue;
                if (at >= npl || pl[at].off != p || pl[at].needle != k)
                    fail_msg("%zu bytes: place %zu should be needle %d at %zu", n, at, k, p);
                at++;
            }
    assert_int_equal(at, npl);
    free(pl);
    return npl;
}

static void test_find_all(void **state)
{
    (void)state;
    static const char *const pieces[] = {"申", "请", "件", "公", "开", "1", "%", "\n", "、", "％", "\xe7", "\x94"};
    static const char *const needles[] = {"申请", "件", "1", "开", "请件", "%", "、公", "申", "％", "12"};
    const int nn = (int)(sizeof needles / sizeof needles[0]);
    nb_needles set;
    assert_int_equal(nb_needles_init(&set, needles, nn), 0);
    char hay[600];
    unsigned seed = 777;
    for (int round = 0; round < 2000; round++) {
        size_t n = 0, len = (seed = seed * 1103515245 + 12345) >> 16 & 127;
        while (n < len * 4 && n + 8 < sizeof hay) {
            const char *p = pieces[((seed = seed * 1103515245 + 12345) >> 16) % 12];
            memcpy(hay + n, p, strlen(p));
            n += strlen(p);
        }
        expect_places(&set, needles, nn, hay, n);
    }
    const char *none[] = {""};
    assert_int_equal(nb_needles_init(&set, none, 1), -1);
}

/* The next pseudo-random number below n. */
static unsigned next_below(unsigned *seed, unsigned n)
{
    *seed = *seed * 1103515245 + 12345;
    return (*seed >> 16) % n;
}

/* A set as large as the claims' (its needles shared among the scan's eight
 * buckets by their first three bytes, short needles apart), in text of its
 * own characters, their neighbours (the same first two bytes, or the same
 * halves of bytes) and ASCII: every place found, none made up. The sets
 * differ in their number of short needles (none, one, several). */
static void test_find_all_many(void **state)
{
    (void)state;
    enum { NCJK = 60, NPIECE = 120 };
    static char cjk[NCJK][4], near[NPIECE][4], pairs[8][7];
    unsigned seed = 4242;
    for (int k = 0; k < NCJK; k++) /* ideographs spread over the range: leads E4 to E9 */
        nb_utf8_put(cjk[k], 0x4E00 + next_below(&seed, 0x5200));
    for (int k = 0; k < NPIECE; k++) { /* a needle's character with its last byte or two changed */
        const unsigned char *c = (const unsigned char *)cjk[next_below(&seed, NCJK)];
        unsigned char *o = (unsigned char *)near[k];
        memcpy(o, c, 4);
        o[2] = (unsigned char)(0x80 | next_below(&seed, 64));
        if (k % 3 == 0)
            o[1] = (unsigned char)(0x80 | (c[1] & 0x30) | next_below(&seed, 16));
    }
    for (int k = 0; k < 8; k++) /* two characters of the set run together */
        snprintf(pairs[k], sizeof pairs[k], "%s%s", cjk[next_below(&seed, NCJK)], cjk[next_below(&seed, NCJK)]);
    static const char *const shorts[] = {"%", "12", "\n", "\xe5"};
    size_t total = 0;
    for (int variant = 0; variant < 3; variant++) {
        const char *needles[NB_NEEDLES_MAX];
        int nn = 0;
        for (int k = 0; k < NCJK; k++)
            needles[nn++] = cjk[k];
        for (int k = 0; k < 8; k++)
            needles[nn++] = pairs[k];
        for (int k = 0; k < (variant == 0 ? 0 : variant == 1 ? 1 : 4); k++)
            needles[nn++] = shorts[k];
        nb_needles set;
        assert_int_equal(nb_needles_init(&set, needles, nn), 0);
        char hay[1200];
        for (int round = 0; round < 300; round++) {
            size_t n = 0, len = 64 + next_below(&seed, 1000);
            while (n + 8 < len) {
                unsigned pick = next_below(&seed, 10);
                const char *p = pick < 3 ? cjk[next_below(&seed, NCJK)] : pick < 8 ? near[next_below(&seed, NPIECE)]
                                : pick == 8 ? shorts[next_below(&seed, 4)] : "7 ";
                memcpy(hay + n, p, strlen(p));
                n += strlen(p);
            }
            total += expect_places(&set, needles, nn, hay, n);
        }
    }
    assert_true(total > 50000); /* the needles were met, everywhere */
}


/* Text of long stretches no needle starts in (ASCII, or characters that
 * share halves of bytes with the needles), a needle's piece between them
 * now and then, cut at every length, with needles right after its end in
 * the buffer: the scan passes a stretch sixty-four places at a time and
 * stops where the next block's bytes would not fit, so every place found,
 * at a stretch's edges and the text's end, none past the end and none for a
 * key of three bytes only the map's hash shares. The needles share first
 * bytes (a chain of three with the same first character, one of four
 * bytes), with and without a short needle. */
static void test_find_all_stretches(void **state)
{
    (void)state;
    static const char *const needles[] = {"申请", "申请人", "申", "件", "公开", "政府信息", "\xf0\x9f\x98\x80", "%"};
    static const char *const fillers[] = {"x", "7 ", "甲", "由", "电", "仵", "伴", "公", "开"};
    static const char *const pieces[] = {"申请人", "申请", "申", "件", "公开", "政府信息", "\xf0\x9f\x98\x80", "%",
                                         "申\xe8", "政府信"};
    char hay[1600];
    unsigned seed = 9191;
    size_t total = 0;
    for (int variant = 0; variant < 2; variant++) {
        int nn = variant ? 8 : 7; /* the short needle in the second set only */
        nb_needles set;
        assert_int_equal(nb_needles_init(&set, needles, nn), 0);
        for (int round = 0; round < 1500; round++) {
            size_t n = 0, len = next_below(&seed, 1300);
            const char *fill = fillers[next_below(&seed, 9)];
            while (n + 16 < len) {
                size_t run = next_below(&seed, 4) == 0 ? next_below(&seed, 400) : next_below(&seed, 70);
                for (size_t r = 0; r < run && n + 16 < len; r += strlen(fill), n += strlen(fill))
                    memcpy(hay + n, fill, strlen(fill));
                const char *p = pieces[next_below(&seed, 10)];
                memcpy(hay + n, p, strlen(p));
                n += strlen(p);
            }
            for (size_t e = n; e + 9 < sizeof hay; e += 9) /* past the end: places that must not be found */
                memcpy(hay + e, "申请人%", 9);
            total += expect_places(&set, needles, nn, hay, n);
        }
    }
    assert_true(total > 20000);
}

/* ---- joined lines against a plain reading: the lines split first, each
 * pair of neighbours judged by the rule of text/join.h read a code point at
 * a time, the joined text built with each byte's original offset. */

/* The code points of text[a, b) (at most max), how many. */
static size_t code_points(const char *t, size_t a, size_t b, uint32_t *cp, size_t max)
{
    size_t n = 0;
    for (size_t i = a; i < b && n < max;)
        cp[n++] = nb_utf8_get(t, b, &i);
    return n;
}

/* Where the first code point not a space of text[a, b) starts (b when none). */
static size_t first_not_space(const char *t, size_t a, size_t b)
{
    for (size_t i = a, j; i < b; i = j) {
        j = i;
        if (!nb_is_space(nb_utf8_get(t, b, &j)))
            return i;
    }
    return b;
}

/* Is every byte of text[a, b) one of "0123456789 \t\r.,%-" or NUL? */
static int figures_only(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t[i] && !memchr("0123456789 \t\r.,%-", t[i], 17))
            return 0;
    return 1;
}

/* May line [a, b) run on into line [c, d), read plainly? */
static int runs_on(const char *t, size_t a, size_t b, size_t c, size_t d)
{
    uint32_t cp[512];
    size_t n = code_points(t, a, b, cp, 512), k = n;
    while (k > 0 && (cp[k - 1] == ' ' || cp[k - 1] == '\t' || cp[k - 1] == '\r'))
        k--;
    uint32_t last = k ? nb_fold(cp[k - 1]) : 0;
    static const uint32_t stops[] = {0x3002, 0xFF01, 0xFF1F, 0xFF1B, '!', '?', ';', ':', 0x2026};
    int stop = 0, cjk = 0;
    for (size_t q = 0; q < sizeof stops / sizeof stops[0]; q++)
        stop |= last == stops[q];
    for (size_t q = 0; q < n; q++)
        cjk |= nb_is_cjk(cp[q]);
    size_t fa = first_not_space(t, a, b), fc = first_not_space(t, c, d);
    if (!last || stop || !cjk || fc >= d || figures_only(t, fc, d) || figures_only(t, fa, b))
        return 0;
    if (memchr("#|*-", t[fc], 5) || t[fa] == '|' || t[fa] == '#' || nb_numbering_len(t, d, fc))
        return 0;
    return !nb_numbering_len(t, b, fa) || memmem(t + a, b - a, "。", 3) != NULL;
}

/* text[0, n) joined plainly into out (its bytes' original offsets in orig):
 * its length. */
static size_t join_plainly(const char *t, size_t n, size_t skip_from, size_t skip_to, char *out, size_t *orig)
{
    size_t ls[600], le[600], nl = 0, len = 0;
    for (size_t a = 0; a < n && nl < 600;) {
        const char *e = memchr(t + a, '\n', n - a);
        ls[nl] = a;
        le[nl++] = e ? (size_t)(e - t) : n;
        a = e ? (size_t)(e - t) + 1 : n;
    }
    size_t from = 0;
    for (size_t k = 0; k + 1 < nl; k++) {
        int zone = skip_to > skip_from && ls[k] < skip_to && le[k + 1] >= skip_from;
        if (zone || !runs_on(t, ls[k], le[k], ls[k + 1], le[k + 1]))
            continue;
        size_t keep = le[k];
        while (keep > ls[k] && (t[keep - 1] == ' ' || t[keep - 1] == '\t' || t[keep - 1] == '\r'))
            keep--;
        for (size_t i = from; i < keep; i++, len++) {
            out[len] = t[i];
            orig[len] = i;
        }
        from = first_not_space(t, ls[k + 1], le[k + 1]);
    }
    for (size_t i = from; i < n; i++, len++) {
        out[len] = t[i];
        orig[len] = i;
    }
    return len;
}

/* nb_join_lines as the plain reading, on generated prose and tables: lines
 * that run on or end a sentence, blank, numbered, of figures, of a table,
 * with spaces (full width too) before and after, a NUL; the tables' zone
 * anywhere (none, in a line, at a line's edges, past the end), the last line
 * with its line end or without. */
static void test_join_plainly(void **state)
{
    (void)state;
#define PIECE(s) {s, sizeof s - 1} /* a line's bytes, a NUL among them too */
    static const struct {
        const char *s;
        size_t n;
    } lines[] = {
        PIECE("本机关收到政府"), PIECE("信息公开申请5件"), PIECE("办结。"), PIECE("全年共答复"), PIECE("  收到申请"),
        PIECE("\xe3\x80\x80全角空格后接续"), PIECE("一、总体情况"), PIECE("（二）主动公开"), PIECE("1. 申请情况"),
        PIECE("12 34 5.6%"), PIECE(""), PIECE("  "), PIECE("|项目|数量|"), PIECE("# 标题"), PIECE("是否？"),
        PIECE("说明："), PIECE("abc def"), PIECE("\t制表之后"), PIECE("结转\xef\xbc\x9b"), PIECE("-"), PIECE("7"),
        PIECE("第一，依法"), PIECE("申请\0件"), PIECE("5\0"), PIECE("\xef\xbb\xbf开头"), PIECE("续…"),
        PIECE("\xe5\x8a"), PIECE("一是加强。其后"), PIECE("二、情况说明 "), PIECE("*注"),
    };
#undef PIECE
    enum { NL = sizeof lines / sizeof lines[0] };
    static char text[4096 + 64], out[4096];
    static size_t orig[4096];
    unsigned seed = 2024;
    int joins = 0, zoned = 0;
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, count = 1 + next_below(&seed, 40);
        for (size_t k = 0; k < count && n + 64 < 4096; k++) {
            unsigned pick = next_below(&seed, NL);
            memcpy(text + n, lines[pick].s, lines[pick].n);
            n += lines[pick].n;
            if (k + 1 < count || next_below(&seed, 2))
                text[n++] = '\n';
        }
        memset(text + n, 0, 64);
        size_t from = 0, to = 0;
        unsigned zone = next_below(&seed, 4);
        if (zone) { /* anywhere, at a line's start or end, or reaching past the text */
            from = next_below(&seed, (unsigned)n + 1);
            to = from + next_below(&seed, (unsigned)(n - from) + 1);
            if (zone == 2) {
                while (from > 0 && text[from - 1] != '\n')
                    from--;
                while (to < n && text[to] != '\n')
                    to++;
                to += next_below(&seed, 2);
            }
            if (zone == 3)
                to = n + 1 + next_below(&seed, 8);
            zoned += to > from;
        }
        nb_joined j;
        assert_int_equal(nb_join_lines(text, n, from, to, &j), 0);
        size_t len = join_plainly(text, n, from, to, out, orig);
        if (j.n != len || memcmp(j.t, out, len))
            fail_msg("round %d (zone %zu to %zu of %zu): joined %zu bytes, not %zu", round, from, to, n, j.n, len);
        for (size_t i = 0; i < len; i++)
            if (nb_joined_orig(&j, i) != orig[i])
                fail_msg("round %d: joined byte %zu from %zu, not %zu", round, i, nb_joined_orig(&j, i), orig[i]);
        assert_int_equal(j.buf != NULL, len < n); /* a join drops a line end at least */
        joins += j.buf != NULL;
        nb_joined_free(&j);
    }
    assert_true(joins > 1000 && zoned > 1000); /* lines were joined, zones met */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_norm_numbering),
        cmocka_unit_test(test_utf8_whole),
        cmocka_unit_test(test_norm_fold),
        cmocka_unit_test(test_norm_long),
        cmocka_unit_test(test_norm_chars),
        cmocka_unit_test(test_ustr_ops),
        cmocka_unit_test(test_sim),
        cmocka_unit_test(test_numbering_len),
        cmocka_unit_test(test_marker_read),
        cmocka_unit_test(test_marker_policies),
        cmocka_unit_test(test_marker_ending_at),
        cmocka_unit_test(test_display_cols),
        cmocka_unit_test(test_utf8_get),
        cmocka_unit_test(test_char_classes),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_find_long),
        cmocka_unit_test(test_find_all),
        cmocka_unit_test(test_find_all_many),
        cmocka_unit_test(test_find_all_stretches),
        cmocka_unit_test(test_utf8_invalid),
        cmocka_unit_test(test_join_plainly),
    };
    return TU_RUN("text", tests, NULL, NULL, NULL);
}
