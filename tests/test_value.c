/* test_value.c — reading cell text (numbers with full-width digits, thousands
 * separators, decimals, signs and units; blanks; placeholders; text) and the
 * exact decimal arithmetic and formatting of nb_num. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <limits.h>

#include "base/utf8.h"
#include "text/numerals.h"
#include "testutil.h"

static void expect_num(const char *s, long long v, int scale)
{
    nb_num n = {-99, -99};
    nb_status st = nb_parse_value(s, strlen(s), &n);
    if (st != NB_ST_NUMBER)
        fail_msg("\"%s\": expected a number, got %s", s, nb_status_name(st));
    if (n.v != v || n.scale != scale)
        fail_msg("\"%s\": expected %lld scale %d, got %lld scale %d", s, v, scale, n.v, n.scale);
}

static void expect_status(const char *s, nb_status want)
{
    nb_num n = {-99, -99};
    nb_status st = nb_parse_value(s, strlen(s), &n);
    if (st != want)
        fail_msg("\"%s\": expected %s, got %s", s, nb_status_name(want), nb_status_name(st));
    /* anything but a number leaves a zero value */
    if (n.v != 0 || n.scale != 0)
        fail_msg("\"%s\": %s with value %lld scale %d", s, nb_status_name(st), n.v, n.scale);
}

static void test_numbers(void **state)
{
    (void)state;
    expect_num("0", 0, 0);
    expect_num(" 12 ", 12, 0);
    expect_num("\t7\r\n", 7, 0);
    expect_num("\xE3\x80\x80" "8" "\xE3\x80\x80", 8, 0);   /* ideographic spaces around */
    expect_num("１２３", 123, 0);                           /* full-width digits */
    expect_num("1,234", 1234, 0);
    expect_num("1，234", 1234, 0);                           /* full-width comma */
    expect_num("12,345,678", 12345678, 0);
    expect_num("18651.06", 1865106, 2);
    expect_num("１８６５１．０６", 1865106, 2);              /* full-width digits and point */
    expect_num("1,234.5", 12345, 1);
    expect_num("0.50", 50, 2);
    expect_num("3件", 3, 0);
    expect_num("3 件", 3, 0);
    expect_num("12个", 12, 0);
    expect_num("4项", 4, 0);
    expect_num("2次", 2, 0);
    expect_num("94432.52元", 9443252, 2);
    expect_num("5万元", 5, 0);
    expect_num("6条", 6, 0); /* every unit (the quick test for text keeps a list of them too) */
    expect_num("7家", 7, 0);
    expect_num("8份", 8, 0);
    expect_num("9人", 9, 0);
    expect_num("10元", 10, 0);
    expect_num("0.3万元", 3, 1);
    expect_num("18651.06（万元）", 1865106, 2);             /* a unit in brackets, as headers write it */
    expect_num("18651.06 （万元）", 1865106, 2);            /* on a line of its own in a cell */
    expect_num("18651.06\n(万元)", 1865106, 2);
    expect_num("3【件】", 3, 0);
    expect_num("50%", 50, 0);
    expect_num("-3", -3, 0);
    expect_num("－3", -3, 0);                                /* full-width minus */
    expect_num("+5", 5, 0);
    expect_num("*6*", 6, 0);                                 /* footnote stars */
    expect_num("123456789012", 123456789012LL, 0);          /* twelve digits before the point */
    expect_num("123456789012.123456", 123456789012123456LL, 6); /* and six after it */
    expect_num("-999999999999.999999", -999999999999999999LL, 6);
}

static void test_blanks(void **state)
{
    (void)state;
    expect_status("", NB_ST_BLANK);
    expect_status("  ", NB_ST_BLANK);
    expect_status("\xE3\x80\x80", NB_ST_BLANK); /* U+3000 */
    expect_status("\t \xE3\x80\x80 ", NB_ST_BLANK);
    expect_status("*", NB_ST_BLANK);
}

static void test_placeholders(void **state)
{
    (void)state;
    expect_status("/", NB_ST_PLACEHOLDER);
    expect_status("-", NB_ST_PLACEHOLDER);
    expect_status("—", NB_ST_PLACEHOLDER);   /* U+2014 */
    expect_status("——", NB_ST_PLACEHOLDER);
    expect_status("－", NB_ST_PLACEHOLDER);  /* full-width hyphen-minus */
    expect_status("无", NB_ST_PLACEHOLDER);
    expect_status("暂无", NB_ST_PLACEHOLDER);
    expect_status("空", NB_ST_PLACEHOLDER);
    expect_status("不涉及", NB_ST_PLACEHOLDER);
    expect_status("不适用", NB_ST_PLACEHOLDER);
    expect_status("／", NB_ST_PLACEHOLDER);  /* full-width solidus */
    expect_status(" / ", NB_ST_PLACEHOLDER);
    expect_status("…", NB_ST_PLACEHOLDER);
}

static void test_text(void **state)
{
    (void)state;
    expect_status("见附件", NB_ST_TEXT);
    expect_status("1.2.3", NB_ST_TEXT);
    expect_status("12a", NB_ST_TEXT);
    expect_status("a12", NB_ST_TEXT);
    expect_status("1 2", NB_ST_TEXT);
    expect_status("1.", NB_ST_TEXT);
    expect_status(".5", NB_ST_TEXT);
    expect_status("12,34", NB_ST_TEXT);     /* not a thousands group */
    expect_status("1234,567", NB_ST_TEXT);
    expect_status("1,2345", NB_ST_TEXT);
    expect_status("--3", NB_ST_TEXT);
    expect_status("件", NB_ST_TEXT);        /* a unit and no number */
    expect_status("（万元）", NB_ST_TEXT);
    expect_status("65（含2023年结转3件）", NB_ST_TEXT); /* a note in brackets, not a unit */
    expect_status("18651.06（万元", NB_ST_TEXT);
    expect_status("18651.06万元）", NB_ST_TEXT);
    expect_status("3（万）", NB_ST_TEXT);
    expect_status("3()", NB_ST_TEXT);
    expect_status("3（件）（件）", NB_ST_TEXT);
    expect_status("18651\n.06", NB_ST_TEXT); /* a break inside a figure: not joined */
    expect_status("无3", NB_ST_TEXT);
    expect_status("123456789012345678", NB_ST_TEXT); /* 18 digits: too many to be exact */
    /* past the limits a table's sums stay within: text, and said why */
    expect_status("1234567890123", NB_ST_TEXT);
    expect_status("1.1234567", NB_ST_TEXT);
    assert_int_equal(nb_value_fits("1234567890123", 13), NB_VALUE_TOO_LONG);
    assert_int_equal(nb_value_fits("1,234,567,890,123", 17), NB_VALUE_TOO_LONG);
    assert_int_equal(nb_value_fits("1.1234567", 9), NB_VALUE_TOO_PRECISE);
    assert_int_equal(nb_value_fits("12.3", 4), NB_VALUE_FITS);
    assert_int_equal(nb_value_fits("1.2x", 4), NB_VALUE_FITS); /* plain text: not a number at all */
    assert_int_equal(nb_parse_cn_number("九九九九九九九九九九九九九九九九九九九九九九九九", 72), -1); /* never overflows */
    char longs[260];
    memset(longs, '1', sizeof longs - 1);
    longs[sizeof longs - 1] = '\0';
    /* over 200 bytes is text without a look (the value is not reset then) */
    nb_num n = {0, 0};
    assert_int_equal(nb_parse_value(longs, strlen(longs), &n), NB_ST_TEXT);
    assert_int_equal(nb_parse_value(longs, 200, &n), NB_ST_TEXT); /* 200 digits: too many */
}

static void test_parse_len(void **state)
{
    (void)state;
    /* only n bytes are read */
    nb_num n;
    assert_int_equal(nb_parse_value("12abc", 2, &n), NB_ST_NUMBER);
    assert_int_equal(n.v, 12);
    assert_int_equal(nb_parse_value("7", 0, &n), NB_ST_BLANK);
    /* text after many spaces is still read: "5" + 63 spaces + "x" is text */
    char buf[80];
    memset(buf, ' ', sizeof buf);
    buf[0] = '5';
    buf[64] = 'x';
    assert_int_equal(nb_parse_value(buf, 65, &n), NB_ST_TEXT);
    /* and over 200 bytes is text, with the value left at 0 */
    n.v = 99;
    assert_int_equal(nb_parse_value("1                                                                                                                                                                                                           ", 205, &n), NB_ST_TEXT);
    assert_int_equal(n.v, 0);
}

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(nb_status_name(NB_ST_MISSING), "missing");
    assert_string_equal(nb_status_name(NB_ST_NUMBER), "number");
    assert_string_equal(nb_status_name(NB_ST_BLANK), "blank");
    assert_string_equal(nb_status_name(NB_ST_PLACEHOLDER), "placeholder");
    assert_string_equal(nb_status_name(NB_ST_TEXT), "text");
    assert_string_equal(nb_status_name(NB_ST_INFERRED), "inferred");
}

static nb_num num(long long v, int scale)
{
    nb_num n = {v, scale};
    return n;
}

static void test_arith(void **state)
{
    (void)state;
    nb_num r = nb_num_add(num(150, 1), num(2, 0)); /* 15.0 + 2 */
    assert_int_equal(r.v, 170);
    assert_int_equal(r.scale, 1);
    r = nb_num_add(num(2, 0), num(150, 1));
    assert_int_equal(r.v, 170);
    assert_int_equal(r.scale, 1);
    r = nb_num_add(num(1865106, 2), num(5, 1)); /* 18651.06 + 0.5 */
    assert_int_equal(r.v, 1865156);
    assert_int_equal(r.scale, 2);
    r = nb_num_add(num(-3, 0), num(3, 0));
    assert_int_equal(r.v, 0);
    r = nb_num_add(nb_num_int(40), nb_num_int(2));
    assert_int_equal(r.v, 42);
    assert_int_equal(r.scale, 0);

    assert_int_equal(nb_num_cmp(num(5, 0), num(500, 2)), 0);
    assert_int_equal(nb_num_cmp(num(500, 2), num(5, 0)), 0);
    assert_int_equal(nb_num_cmp(num(5, 0), num(501, 2)), -1);
    assert_int_equal(nb_num_cmp(num(501, 2), num(5, 0)), 1);
    assert_int_equal(nb_num_cmp(num(-1, 1), num(0, 0)), -1);
    assert_int_equal(nb_num_cmp(num(1865106, 2), num(18651, 0)), 1);
    assert_int_equal(nb_num_cmp(num(7, 0), num(7, 0)), 0);

    assert_true(nb_num_is_int(num(500, 2)));
    assert_false(nb_num_is_int(num(501, 2)));
    assert_true(nb_num_is_int(num(-3, 0)));

    /* checked: what does not fit is refused, or saturates; never wraps */
    nb_num big = num(LLONG_MAX / 10, 0), out = num(7, 0);
    assert_int_equal(nb_num_add_checked(big, num(1, 4), &out), -1); /* aligned to scale 4, it overflows */
    assert_int_equal(out.v, 7);                                       /* untouched */
    assert_int_equal(nb_num_add(big, num(1, 4)).v, LLONG_MAX);
    nb_num most = num(999999999999999999LL, 6);                     /* the largest value read: a sum of nine fits */
    for (int k = 0; k < 8; k++)
        assert_int_equal(nb_num_add_checked(most, num(999999999999999999LL, 6), &most), 0);
    assert_int_equal(nb_num_add(num(LLONG_MIN, 0), num(-1, 0)).v, LLONG_MIN);
    assert_int_equal(nb_num_add_checked(num(999999999999LL, 0), num(1, 4), &out), 0);
    assert_int_equal(out.v, 9999999999990001LL);
    assert_int_equal(nb_num_cmp(num(LLONG_MAX, 0), num(LLONG_MAX, 4)), 1); /* exact even when aligning overflows */
    assert_int_equal(nb_num_cmp(num(LLONG_MIN, 0), num(LLONG_MAX, 18)), -1);
    assert_int_equal(nb_num_neg(num(LLONG_MIN, 0)).v, LLONG_MAX);
}

static void expect_fmt(nb_num a, const char *want)
{
    char b[64];
    memset(b, 'x', sizeof b);
    size_t n = nb_num_format(a, b, sizeof b);
    assert_string_equal(b, want);
    assert_int_equal(n, strlen(want));
}

static void test_format(void **state)
{
    (void)state;
    expect_fmt(num(1865106, 2), "18651.06");
    expect_fmt(num(0, 0), "0");
    expect_fmt(num(-3, 0), "-3");
    expect_fmt(num(50, 2), "0.50");
    expect_fmt(num(-5, 2), "-0.05");
    expect_fmt(num(-1234, 1), "-123.4");
    expect_fmt(num(7, 3), "0.007");
    expect_fmt(num(12345678901234567LL, 0), "12345678901234567");
    expect_fmt(num(LLONG_MIN, 2), "-92233720368547758.08"); /* no overflow negating */
    /* what parses formats back to the same text */
    const char *ins[] = {"18651.06", "0.50", "-3", "1234"};
    for (size_t k = 0; k < sizeof ins / sizeof ins[0]; k++) {
        nb_num n;
        assert_int_equal(nb_parse_value(ins[k], strlen(ins[k]), &n), NB_ST_NUMBER);
        expect_fmt(n, ins[k]);
    }
}

static void test_all_digits(void **state)
{
    (void)state;
    assert_true(nb_all_digits("123", 3));
    assert_true(nb_all_digits("１２３", strlen("１２３")));
    assert_true(nb_all_digits("1２3", strlen("1２3")));
    assert_true(nb_all_digits("0", 1));
    assert_false(nb_all_digits("", 0));
    assert_false(nb_all_digits("12a", 3));
    assert_false(nb_all_digits("1.5", 3));
    assert_false(nb_all_digits("-1", 2));
    assert_false(nb_all_digits("1 2", 3));
    assert_false(nb_all_digits("1,234", 5));
    assert_false(nb_all_digits("三", strlen("三")));
    assert_true(nb_all_digits("12x", 2)); /* only n bytes */
}

/* Every code point nb_may_end_value says ends no value, after the start
 * of each kind of value (digits, a decimal, thousands, a sign, a unit's
 * first character, a dash, the placeholder words but their last
 * character, N/A but its a), makes text or a blank, never a number or a
 * placeholder; and the characters values end with are said to end one. */
static void test_value_ends(void **state)
{
    (void)state;
    static const char *const starts[] = {"",   "1",    "12",   "1.5",  "1,234", "-3",   "+7",   "１２", "5 ",
                                         "5万", "5 万", "-",    "—",    "--",    "无",   "暂",   "不涉", "不适",
                                         "n/",  "N/",   "n",    "*1",   "1*",    "\t1", "一",   "N/A "};
    char buf[32];
    for (uint32_t cp = 0; cp < 0x30000; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || nb_may_end_value(cp))
            continue;
        for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
            size_t n = strlen(starts[k]);
            memcpy(buf, starts[k], n);
            n += nb_utf8_put(buf + n, cp);
            nb_num v;
            nb_status st = nb_parse_value(buf, n, &v);
            if (st == NB_ST_NUMBER || st == NB_ST_PLACEHOLDER)
                fail_msg("\"%.*s\" (U+%04X last) reads %s", (int)n, buf, (unsigned)cp, nb_status_name(st));
        }
    }
    static const char *const ends[] = {"0", "9", "５", "件", "个", "条", "项", "元", "次", "家", "份", "人", "%",
                                       "％", "无", "空", "及", "用", "a", "A", "Ａ", "-", "－", "/", "—", "―",
                                       "‐", "–", "−", "─", "~", "～", "…", "*", "＊", " ", "\xe3\x80\x80", ")", "）"};
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t i = 0;
        uint32_t cp = nb_utf8_get(ends[k], strlen(ends[k]), &i);
        if (!nb_may_end_value(cp))
            fail_msg("\"%s\" is said to end no value", ends[k]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_blanks),
        cmocka_unit_test(test_placeholders),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_parse_len),
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_arith),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_all_digits),
        cmocka_unit_test(test_value_ends),
    };
    return TU_RUN("value", tests, NULL, NULL, NULL);
}
