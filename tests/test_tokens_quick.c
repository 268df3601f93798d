/* test_tokens_quick.c — the table area's quick readings against plain ones
 * on generated text (white space of every kind, overlong forms of it, bytes
 * that are no UTF-8, characters cut at the end): a line told blank
 * (ex_blank) exactly when every code point in it is white space; a cell's
 * value (ex_token_value) as nb_parse_value reads it, or as one number with
 * its thousands spaced apart (ex_spaced_number, also on its own cases; and
 * ex_is_figure_text's figures written amiss on theirs),
 * around the longest run of digits read without it; a value told (ex_is_value_text,
 * ex_emit_if_value) from its first ideograph, every one of U+4000–U+9FFF,
 * as nb_parse_value tells it, and the blob of plain digits as ex_emit_value
 * gives it; numbering's start (ex_numbering_may_start)
 * at every code point as nb_cn_digit says; and the separators of comma rows
 * (ex_comma_seps, ex_tokenize_comma_row) found at every place of long
 * lines. (Trimming is test_tokens'.) */
#include "testutil.h"
#include "base/utf8.h"
#include "extract/internal.h"
#include "text/numerals.h"

/* The pieces generated text is made of: white space, overlong forms of it
 * and of other characters, and characters that are none. */
static const char *const pieces[] = {
    " ", "\t", "\n", "\r", "\v", "\f", "\xe3\x80\x80", "\xc2\xa0", "\xe2\x80\x82", "\xe2\x80\x83", "\xe2\x80\x89",
    "\xe2\x80\x8b", "\xe2\x80\xaf", "\xef\xbb\xbf", "\xc0\xa0", "\xe0\x80\xa0", "\xf0\x80\x80\xa0", "\xe0\x82\xa0",
    "\xf0\x83\x80\x80", "\xc1\xa1", "\xe2\x80\x8c", "\xc2\x85", "\xe3\x80\x81", "\xef\xbc\x89", "（", "0", "7", "a",
    "规", "\xe4", "\x80", "\xe4\xb8", "\xef\xbc", "\xf0\x9f\x98\x80", "\x1f", "\x7f", ".", "-", "万元",
};

static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* A piece of text at random appended to out[*n, cap), when it fits. */
static void add_piece(uint32_t *seed, char *out, size_t *n, size_t cap)
{
    const char *p = pieces[next_rand(seed) % (sizeof pieces / sizeof pieces[0])];
    size_t l = strlen(p);
    if (*n + l <= cap) {
        memcpy(out + *n, p, l);
        *n += l;
    }
}

/* Every code point of t[a, b), read on from a, white space? */
static int plain_blank(const char *t, size_t a, size_t b)
{
    while (a < b)
        if (!nb_is_space(nb_utf8_get(t, b, &a)))
            return 0;
    return 1;
}

static void test_blank(void **state)
{
    (void)state;
    uint32_t seed = 11;
    char buf[200];
    for (int round = 0; round < 100000; round++) {
        size_t n = 0;
        for (int k = round % 50 ? (int)(next_rand(&seed) % (round % 7 ? 4 : 12)) + 1 : 0; k > 0; k--)
            add_piece(&seed, buf, &n, sizeof buf);
        char *t = malloc(n ? n : 1); /* exactly the text: a read past it is ASan's */
        assert_non_null(t);
        memcpy(t, buf, n);
        size_t a = n ? next_rand(&seed) % n : 0;
        if (ex_blank(t, a, n) != plain_blank(t, a, n))
            fail_msg("\"%.*s\" from %zu: blank %d", (int)n, t, a, ex_blank(t, a, n));
        free(t);
    }
}

static void test_token_value(void **state)
{
    (void)state;
    uint32_t seed = 12;
    char buf[40];
    for (int round = 0; round < 100000; round++) {
        size_t n = next_rand(&seed) % 16; /* around NB_NUM_MAX_INT digits */
        for (size_t i = 0; i < n; i++)
            buf[i] = next_rand(&seed) % 9 ? (char)('0' + next_rand(&seed) % 10) : ".,-x 9"[next_rand(&seed) % 6];
        if (round % 5 == 0) /* other text after the digits */
            add_piece(&seed, buf, &n, sizeof buf);
        char *t = malloc(n + 2);
        assert_non_null(t);
        memcpy(t + 1, buf, n);
        t[0] = t[n + 1] = '5'; /* digits on both sides, not the token's */
        tok k = {.off = 1, .len = (uint32_t)n, .kind = K_VALUE};
        nb_num x = {-1, -1}, y = {-2, -2};
        nb_status sx = ex_token_value(t, &k, &x), sy = nb_parse_value(t + 1, n, &y);
        if (sy == NB_ST_TEXT && ex_spaced_number(t, 1, 1 + n, &y)) /* "42 708": one number */
            sy = NB_ST_NUMBER;
        if (sx != sy || x.v != y.v || x.scale != y.scale)
            fail_msg("\"%.*s\": %s %lld/%d, plainly %s %lld/%d", (int)n, t + 1, nb_status_name(sx), x.v, x.scale,
                     nb_status_name(sy), y.v, y.scale);
        free(t);
    }
}

/* A number with its thousands set apart by one space each: read whole;
 * groups of another size, two spaces, a leading 0: not one number. */
static void test_spaced_number(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        long long v;
        int scale;
    } cases[] = {
        {"4 529", 4529, 0}, {"18 651.06", 1865106, 2}, {"12 345 678", 12345678, 0}, {"4\xc2\xa0" "529", 4529, 0},
        {"4\xe2\x80\xaf" "529件", 4529, 0}, {"1 1 0 0", -1, 0}, {"0 529", -1, 0}, {"1234 567", -1, 0},
        {"4  529", -1, 0}, {"4 5290", -1, 0}, {"4 52", -1, 0}, {"4529", -1, 0}, {"4 529 1", -1, 0},
        {"4\xe3\x80\x80" "529", -1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].s;
        nb_num x = {0, 0};
        int got = ex_spaced_number(t, 0, strlen(t), &x);
        if (got != (cases[i].v >= 0) || (got && (x.v != cases[i].v || x.scale != cases[i].scale)))
            fail_msg("\"%s\": %d, %lld/%d", t, got, x.v, x.scale);
    }
}

/* A figure written amiss told from labels and from a number before
 * punctuation. */
static void test_figure_text(void **state)
{
    (void)state;
    static const char *const figures[] = {"18651。06", "1.865106亿元", "１８６５１。０６", "4,5,29", "2亿", NULL};
    static const char *const others[] = {"2024年", "1.行政许可", "217件，", "1、", "217", "。06", "18 651",
                                         "2.申请人逾期未按收费通知要求缴纳费用", NULL};
    for (const char *const *p = figures; *p; p++)
        if (!ex_is_figure_text(*p, 0, strlen(*p)))
            fail_msg("\"%s\": a figure written amiss, not told", *p);
    for (const char *const *p = others; *p; p++)
        if (ex_is_figure_text(*p, 0, strlen(*p)))
            fail_msg("\"%s\": told a figure written amiss", *p);
}

/* Does t[a, b) read as a value (a number or a placeholder), plainly? */
static int plain_value(const char *t, size_t a, size_t b)
{
    nb_num v;
    nb_status st = nb_parse_value(t + a, b - a, &v);
    return st == NB_ST_NUMBER || st == NB_ST_PLACEHOLDER;
}

/* Every ideograph of U+4000–U+9FFF (and the last of U+3FFF) first, random
 * pieces after it, told a value or not as nb_parse_value tells it; and a
 * value emitted with ex_emit_value's blob. */
static void test_value_first_ideograph(void **state)
{
    (void)state;
    uint32_t seed = 13;
    char buf[64];
    for (uint32_t c = 0x3FFF; c <= 0x9FFF; c++) {
        size_t n = 0;
        buf[n++] = (char)(0xE0 | c >> 12);
        buf[n++] = (char)(0x80 | (c >> 6 & 0x3F));
        buf[n++] = (char)(0x80 | (c & 0x3F));
        for (int k = (int)(next_rand(&seed) % 4); k > 0; k--)
            add_piece(&seed, buf, &n, sizeof buf);
        size_t cut = c % 7 ? n : next_rand(&seed) % (n + 1); /* sometimes cut inside the ideograph */
        char *t = malloc(cut ? cut : 1);
        assert_non_null(t);
        memcpy(t, buf, cut);
        int want = plain_value(t, 0, cut);
        tokv x = {0}, y = {0};
        if (ex_is_value_text(t, 0, cut) != want || ex_emit_if_value(&x, t, 0, cut, LK_TAB) != want ||
            x.n != (size_t)want)
            fail_msg("U+%04X \"%.*s\": value %d, plainly %d", (unsigned)c, (int)cut, t, !want, want);
        if (want) {
            ex_emit_value(&y, t, 0, cut, LK_TAB);
            assert_int_equal(x.v[0].blob, y.v[0].blob);
        }
        free(x.v);
        free(y.v);
        free(t);
    }
}

/* Plain digits of every length to NB_NUM_MAX_INT: the blob ex_emit_digits
 * tells from their length is ex_emit_value's. */
static void test_digits_blob(void **state)
{
    (void)state;
    uint32_t seed = 14;
    char t[NB_NUM_MAX_INT + 1];
    for (int round = 0; round < 2000; round++) {
        size_t n = (size_t)round % NB_NUM_MAX_INT + 1;
        for (size_t i = 0; i < n; i++)
            t[i] = (char)('0' + next_rand(&seed) % 10);
        tokv x = {0}, y = {0};
        tok *k = ex_emit_digits(&x, 0, n, LK_TAB);
        ex_emit_value(&y, t, 0, n, LK_TAB);
        assert_non_null(k);
        assert_true(ex_plain_digits(t, 0, n));
        assert_int_equal(k->blob, y.v[0].blob);
        assert_int_equal(k->kind, K_VALUE);
        assert_int_equal(k->len, n);
        free(x.v);
        free(y.v);
    }
}

/* Every code point: numbering may start there exactly when it is ( or a
 * Chinese digit above 0 of U+4E00–U+56DB. */
static void test_numbering_may_start(void **state)
{
    (void)state;
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        int want = c == '(' || (c >= 0x4E00 && c <= 0x56DB && nb_cn_digit(c) > 0);
        if (ex_numbering_may_start(c) != want)
            fail_msg("U+%04X: may start %d, plainly %d", (unsigned)c, !want, want);
    }
}

/* Lines of cells (text without digits or 。, full-width ：＃ among it) cut
 * by , or ， — some of them inside brackets, no separators there — of up to
 * 60 cells: ex_comma_seps counts the separators outside brackets wherever
 * they stand, and ex_tokenize_comma_row makes one field more. */
static void test_comma_seps(void **state)
{
    (void)state;
    static const char *const cells[] = {"规章", "a", "：", "＃", "行政许可", "xy", "（甲，乙）", "(b,c)", "（）", "申请人"};
    uint32_t seed = 16;
    char buf[1200];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        int seps = 0, k = (int)(next_rand(&seed) % 60) + 1;
        for (int i = 0; i < k; i++) {
            if (i > 0) {
                const char *sep = next_rand(&seed) % 3 ? "," : "，";
                memcpy(buf + n, sep, strlen(sep));
                n += strlen(sep);
                seps++;
            }
            const char *c = cells[next_rand(&seed) % 10];
            memcpy(buf + n, c, strlen(c));
            n += strlen(c);
        }
        char *t = malloc(n);
        assert_non_null(t);
        memcpy(t, buf, n);
        int got = ex_comma_seps(t, 0, n);
        if (got != seps)
            fail_msg("\"%.*s\": %d separators, plainly %d", (int)n, t, got, seps);
        tokv tv = {0};
        ex_tokenize_comma_row(&tv, t, 0, n);
        assert_true(tv.n > 0);
        assert_int_equal(tv.v[0].nfields, seps + 1 < MAXFIELDS ? seps + 1 : NO_FIELD);
        free(tv.v);
        free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blank),
        cmocka_unit_test(test_token_value),
        cmocka_unit_test(test_spaced_number),
        cmocka_unit_test(test_figure_text),
        cmocka_unit_test(test_value_first_ideograph),
        cmocka_unit_test(test_digits_blob),
        cmocka_unit_test(test_numbering_may_start),
        cmocka_unit_test(test_comma_seps),
    };
    return TU_RUN("tokens_quick", tests, NULL, NULL, NULL);
}
