/* test_growth_fast.c — the growth claims a summary keeps (years_text.c
 * finds their marks, 比上年 同比 较去年 …, by one search for 比 and one for
 * 较) against a plain reference that tries each mark at every byte, mark by
 * mark, outside the tables' zone: on generated texts full of the marks,
 * their keys alone, overlapping marks (同比上年), subjects, growths and cut
 * characters, with zones of every kind (none, empty, reversed, about a
 * mark's every byte) and more claims than a summary keeps. */
#include "testutil.h"
#include "check/years.h"

#include <stdint.h>

static nb_ctx g_ctx;

static uint32_t next_random(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

/* The growth claims of t[0, n) the plain way: each mark in turn, at every
 * byte outside [za, zb) (none when zb <= za), in the order of the text,
 * eight at most in all. How many, into g. */
static int plain_growths(const char *t, size_t n, size_t za, size_t zb, nb_growth *g)
{
    static const char *const marks[] = {"比上年", "较上年", "同比", "比去年", "较去年"};
    int ng = 0;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t ml = strlen(marks[k]);
        for (size_t s = 0; s + ml <= n && ng < 8; s++)
            if (!memcmp(t + s, marks[k], ml) && !(zb > za && s >= za && s < zb) && nb_growth_at(t, n, s, ml, &g[ng]))
                ng++;
    }
    return ng;
}

/* The summary's growth claims of t with the zone [za, zb) are the plain way's. */
static void expect_growths(const char *t, size_t n, size_t za, size_t zb)
{
    static const nb_schema none; /* no rows: no table read */
    nb_report r;
    memset(&r, 0, sizeof r);
    r.doc.text = (char *)t;
    r.doc.len = n;
    r.schema = &none;
    r.tables_off = za;
    r.tables_end = zb;
    nb_summary s;
    memset(&s, 0, sizeof s);
    nb_summarize_text(&r, &s);
    nb_growth want[8];
    int nw = plain_growths(t, n, za, zb, want);
    assert_int_equal(s.ngrowth, nw);
    for (int i = 0; i < nw; i++) {
        assert_int_equal(s.growth[i].subject, want[i].subject);
        assert_int_equal(s.growth[i].off, want[i].off);
        assert_int_equal(s.growth[i].len, want[i].len);
        assert_int_equal(s.growth[i].pct.v, want[i].pct.v);
        assert_int_equal(s.growth[i].pct.scale, want[i].pct.scale);
    }
}

/* A text of about n bytes of the pieces a claim is made of, and others;
 * NUL-terminated. */
static char *random_text(uint32_t *x, size_t n, size_t *out)
{
    static const char *const pieces[] = {
        "比上年", "较上年", "同比", "比去年", "较去年", "同比上年", "比", "较", "同", "上年", "去年", "增长", "下降",
        "增加", "减少", "提高", "申请", "复议", "诉讼", "规范性文件", "，", "。", "；", "12", "3.5", "%", "％", " ",
        "件", "收到", "全年", "a", "\n", "\xE6\xAF", "\xE8\xBE", "\x94",
    };
    char *t = malloc(n + 64);
    assert_non_null(t);
    size_t k = 0;
    while (k < n) {
        const char *p = pieces[next_random(x) % (sizeof pieces / sizeof pieces[0])];
        memcpy(t + k, p, strlen(p));
        k += strlen(p);
    }
    t[k] = '\0';
    *out = k;
    return t;
}

/* Random texts, short and long, with random zones and zones about the
 * text's marks. */
static void test_growths_are_plain(void **st)
{
    (void)st;
    uint32_t x = 2463534242u;
    for (int round = 0; round < 6000; round++) {
        size_t n, want = round < 2000 ? (size_t)round % 200 : next_random(&x) % 2000;
        char *t = random_text(&x, want, &n);
        size_t za = n ? next_random(&x) % (n + 1) : 0, zb = n ? next_random(&x) % (n + 1) : 0;
        expect_growths(t, n, 0, 0);
        expect_growths(t, n, za, zb);
        expect_growths(t, n, zb, za);
        expect_growths(t, n, za, n);
        expect_growths(t, n, 0, za);
        free(t);
    }
}

/* One claim's mark with the zone starting or ending at each byte about it. */
static void test_zone_edges(void **st)
{
    (void)st;
    static const char *const texts[] = {"收到申请10件，比上年增长25%。", "申请2件，同比上年下降5.5％。",
                                        "规范性文件3件，较去年增加1%。"};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        const char *t = texts[k];
        size_t n = strlen(t);
        for (size_t a = 0; a <= n; a++) {
            expect_growths(t, n, a, n);
            expect_growths(t, n, 0, a);
            for (size_t w = 1; w <= 4 && a + w <= n; w++)
                expect_growths(t, n, a, a + w);
        }
    }
}

/* More claims than a summary keeps, of every mark: the first marks' fill it. */
static void test_many(void **st)
{
    (void)st;
    static const char *const claims[] = {"申请1件，较去年增长5%。", "申请1件，同比增长5%。", "申请1件，比上年增长5%。",
                                         "复议1件，较上年下降3%。", "诉讼1件，比去年增长2%。"};
    char t[4096];
    for (int each = 1; each <= 10; each++) {
        size_t n = 0;
        for (int i = 0; i < each; i++)
            for (size_t k = 0; k < sizeof claims / sizeof claims[0]; k++) {
                memcpy(t + n, claims[k], strlen(claims[k]));
                n += strlen(claims[k]);
            }
        t[n] = '\0';
        expect_growths(t, n, 0, 0);
        expect_growths(t, n, n / 3, n / 2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_growths_are_plain),
        cmocka_unit_test(test_zone_edges),
        cmocka_unit_test(test_many),
    };
    return TU_RUN("growth_fast", tests, &g_ctx, NULL, NULL);
}
