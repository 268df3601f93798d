/* test_tokens_quick.c — the table area's quick readings against plain ones
 * on generated text (white space of every kind, overlong forms of it, bytes
 * that are no UTF-8, characters cut at the end): a line told blank
 * (ex_blank) exactly when every code point in it is white space, and a
 * cell's value (ex_token_value) as nb_parse_value reads it, around the
 * longest run of digits read without it. (Trimming is test_tokens'.) */
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
        if (sx != sy || x.v != y.v || x.scale != y.scale)
            fail_msg("\"%.*s\": %s %lld/%d, plainly %s %lld/%d", (int)n, t + 1, nb_status_name(sx), x.v, x.scale,
                     nb_status_name(sy), y.v, y.scale);
        free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blank),
        cmocka_unit_test(test_token_value),
    };
    return TU_RUN("tokens_quick", tests, NULL, NULL, NULL);
}
