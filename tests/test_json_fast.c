/* test_json_fast.c — the export's quick ways against plain references on
 * generated inputs: nb_uint_at against snprintf's %zu at every number up to
 * a hundred thousand and around every power of ten; nb_json_plain against
 * a byte-at-a-time reading, a byte to escape at every place in and past
 * the bytes asked about, with and without bytes to spare after them;
 * nb_put_json_part of a whole string as its pieces of one byte each (which
 * no run of sixteen or eight reaches) write it. */
#include "testutil.h"
#include "out/writer.h"

#include <stdint.h>

static nb_ctx g_ctx;

static void expect_uint(size_t v)
{
    char got[32], want[32];
    *nb_uint_at(got, v) = '\0';
    snprintf(want, sizeof want, "%zu", v);
    if (strcmp(got, want) != 0)
        fail_msg("%s written as %s", want, got);
}

static void test_uint_at(void **st)
{
    (void)st;
    for (size_t v = 0; v <= 100000; v++)
        expect_uint(v);
    for (size_t p = 1; p <= SIZE_MAX / 10; p *= 10)
        for (size_t d = 0; d < 3; d++) {
            expect_uint(p * 10 - 1 + d);
            expect_uint(p * 10 - 1 - d);
        }
    expect_uint(SIZE_MAX);
    expect_uint(SIZE_MAX - 1);
}

/* The reference: each byte printable ASCII, neither '"' nor '\\'. */
static int plain_ref(const unsigned char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] < 0x20 || s[k] > 0x7E || s[k] == '"' || s[k] == '\\')
            return 0;
    return 1;
}

static void test_json_plain(void **st)
{
    (void)st;
    static const unsigned char bad[] = {'"', '\\', 0x00, 0x1F, 0x7F, 0x80, 0xE4, 0xFF, ' ', '~'};
    for (size_t n = 0; n <= 40; n++)
        for (size_t spare = 0; spare <= 17; spare += 17) /* none: only n bytes may be read */
            for (size_t b = 0; b < sizeof bad; b++)
                for (size_t at = 0; at < n + spare + 1; at++) {
                    size_t avail = n + spare;
                    unsigned char *s = malloc(avail ? avail : 1); /* exactly avail: ASan tells a read past it */
                    assert_non_null(s);
                    for (size_t k = 0; k < avail; k++)
                        s[k] = (unsigned char)('0' + k % 10);
                    if (at < avail)
                        s[at] = bad[b];
                    int want = plain_ref(s, n), got = nb_json_plain((const char *)s, n, avail);
                    if (got != want)
                        fail_msg("n %zu, spare %zu, byte %02x at %zu: %d, want %d", n, spare, bad[b], at, got, want);
                    free(s);
                }
}

/* What nb_put_json_part writes of s[0, n), whole or a byte at a time. */
static char *json_part(const char *s, size_t n, int bytewise)
{
    nb_writer w = nb_writer_to(NULL);
    if (bytewise)
        for (size_t k = 0; k < n; k++)
            nb_put_json_part(&w, s + k, 1);
    else
        nb_put_json_part(&w, s, n);
    nb_put(&w, "", 1);
    assert_false(w.failed);
    return w.b;
}

static void test_json_part_runs(void **st)
{
    (void)st;
    uint32_t seed = 12345;
    for (int round = 0; round < 4000; round++) {
        char s[80];
        size_t n = (size_t)(round % 70);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            /* mostly plain letters, now and then a byte to escape (ASCII: each byte a whole character) */
            s[k] = r % 11 ? (char)('a' + r % 26) : (char)("\"\\\n\t\x01\x1f\x7f"[r / 11 % 7]);
        }
        char *whole = json_part(s, n, 0), *bytes = json_part(s, n, 1);
        assert_string_equal(whole, bytes);
        free(whole);
        free(bytes);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uint_at),
        cmocka_unit_test(test_json_plain),
        cmocka_unit_test(test_json_part_runs),
    };
    return TU_RUN("json_fast", tests, &g_ctx, NULL, NULL);
}
