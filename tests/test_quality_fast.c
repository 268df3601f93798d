/* test_quality_fast.c — TEXT.QUALITY's doubled runs (quality.c, found
 * sixteen and twenty-seven places at a time) against a plain reference that
 * tries every byte and every length, on generated texts: few or many
 * distinct ideographs, numerals (never part of a run), ASCII, punctuation
 * and other lengths, runs of two to eight written twice at random places,
 * and texts of every length about the 56 bytes a block reads; and the
 * misspellings (found by a rare part of each, the part before compared)
 * against a plain search for each whole word, list order, text order; and
 * the ASCII marks between Chinese characters (thirty-two bytes at a time)
 * against a byte-by-byte count. */
#include "testutil.h"
#include "check/internal.h"
#include "base/utf8.h"

#include <stdint.h>

static nb_ctx g_ctx;

#define MAX_EACH 5 /* as quality.c */

static uint32_t next_random(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

/* Is the three-byte form at u an ideograph other than a numeral? */
static int plain_ideograph(const unsigned char *u)
{
    static const uint32_t numerals[] = {0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                        0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07};
    if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return 0;
    uint32_t c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (uint32_t)(u[2] & 0x3F);
    for (size_t k = 0; k < sizeof numerals / sizeof numerals[0]; k++)
        if (c == numerals[k])
            return 0;
    return c >= 0x4E00 && c <= 0x9FFF;
}

/* The doubled runs of t[0, n) the plain way, as quality.c tells them: at
 * each byte the shortest length whose run of ideographs stands again right
 * after it, then on past both; at most MAX_EACH. Their places and lengths
 * in off and len; how many. */
static int plain_repeats(const unsigned char *t, size_t n, size_t *off, size_t *len)
{
    int found = 0;
    for (size_t i = 0; i < n && found < MAX_EACH;) {
        size_t hit = 0;
        for (size_t l = 2; l <= 8 && !hit && 6 * l <= n - i; l++) {
            int ok = memcmp(t + i, t + i + 3 * l, 3 * l) == 0;
            for (size_t k = 0; ok && k < 2 * l; k++)
                ok = plain_ideograph(t + i + 3 * k);
            hit = ok ? 6 * l : 0;
        }
        if (!hit) {
            i++;
            continue;
        }
        off[found] = i;
        len[found++] = hit;
        i += hit;
    }
    return found;
}

/* A text of about n bytes from the few (or many) ideographs the alphabet
 * says, with other pieces now and then and doubled runs put in;
 * NUL-terminated and no byte more. */
static char *random_text(uint32_t *x, size_t n, uint32_t alphabet, size_t *out)
{
    static const char *const other[] = {"，", "。", "一", "十", "万", "〇", "a", "7", " ", "\n", "é", "😀", "\xE4\xB8", "\x80"};
    char *t = malloc(n + 64);
    assert_non_null(t);
    size_t k = 0;
    while (k < n) {
        uint32_t r = next_random(x) % 100;
        if (r < 80)
            k += nb_utf8_put(t + k, 0x4E00 + 0x100 + next_random(x) % alphabet);
        else if (r < 95) {
            const char *o = other[next_random(x) % (sizeof other / sizeof other[0])];
            memcpy(t + k, o, strlen(o));
            k += strlen(o);
        } else if (k >= 24) { /* the last l characters' bytes again */
            size_t w = 3 * (2 + next_random(x) % 7);
            if (w > k)
                w = k;
            memmove(t + k, t + k - w, w);
            k += w;
        }
    }
    char *tight = realloc(t, k + 1);
    assert_non_null(tight);
    tight[k] = '\0';
    *out = k;
    return tight;
}

/* A report of the text t[0, n) whose prose starts at head (一、总体情况's
 * place), with no tables' zone. */
static void prose_report(nb_report *r, const char *t, size_t n, size_t head)
{
    memset(r, 0, sizeof *r);
    r->doc.text = (char *)t;
    r->doc.len = n;
    r->sec[NB_SEC_GENERAL].present = 1;
    r->sec[NB_SEC_GENERAL].head_off = head;
}

/* The doubled runs nb_check_quality finds in t[0, n) are the plain way's. */
static void expect_repeats(const char *t, size_t n)
{
    nb_report r;
    prose_report(&r, t, n, 0);
    nb_findings f = {0};
    nb_err e = {0};
    assert_int_equal(nb_check_quality(&r, NULL, &f, &e), 0);
    size_t off[MAX_EACH], len[MAX_EACH];
    int want = plain_repeats((const unsigned char *)t, n, off, len), got = 0;
    for (size_t k = 0; k < f.n; k++) {
        if (f.v[k].form != NB_FORM_REPEAT)
            continue;
        assert_true(got < want);
        assert_int_equal(f.v[k].claim_off, off[got]);
        assert_int_equal(f.v[k].claim_len, len[got]);
        got++;
    }
    assert_int_equal(got, want);
    nb_findings_free(&f);
}

static void test_repeats_are_plain(void **st)
{
    (void)st;
    uint32_t x = 2463534242u;
    static const uint32_t alphabets[] = {2, 3, 5, 12, 40, 400, 20000};
    for (int round = 0; round < 4000; round++) {
        size_t n, want = round < 1000 ? (size_t)round % 120 : next_random(&x) % 3000;
        char *t = random_text(&x, want, alphabets[next_random(&x) % 7], &n);
        expect_repeats(t, n);
        free(t);
    }
}

/* A run written twice at every place of a text of distinct ideographs,
 * each length, with the text ending right after it or well on. */
static void test_repeat_everywhere(void **st)
{
    (void)st;
    for (size_t l = 2; l <= 8; l++)
        for (size_t at = 0; at < 40; at++)
            for (size_t tail = 0; tail < 40; tail += 13) {
                size_t n = 3 * (at + 2 * l + tail);
                char *t = malloc(n + 1);
                assert_non_null(t);
                size_t k = 0;
                for (size_t c = 0; c < at; c++)
                    k += nb_utf8_put(t + k, 0x5000 + (uint32_t)c);
                for (size_t c = 0; c < 2 * l; c++)
                    k += nb_utf8_put(t + k, 0x6000 + (uint32_t)(c % l));
                for (size_t c = 0; c < tail; c++)
                    k += nb_utf8_put(t + k, 0x7000 + (uint32_t)c);
                t[k] = '\0';
                expect_repeats(t, k);
                free(t);
            }
}

/* The misspellings as quality.c lists them (wrong, right). */
static const char *const typo_words[][2] = {
    {"布署", "部署"},         {"贯切", "贯彻"},         {"再接再励", "再接再厉"}, {"截止目前", "截至目前"},
    {"截止到目前", "截至目前"}, {"一如继往", "一如既往"}, {"迫不急待", "迫不及待"}, {"坚苦", "艰苦"},
    {"松驰", "松弛"},         {"重迭", "重叠"},         {"公布于众", "公之于众"}, {"一愁莫展", "一筹莫展"},
    {"不径而走", "不胫而走"}, {"以身做则", "以身作则"}, {"按步就班", "按部就班"},
};
#define NTYPO_WORDS (sizeof typo_words / sizeof typo_words[0])

/* The misspellings of the stretches [a[s], b[s]) the plain way: stretch by
 * stretch, each word of the list every place it stands whole, not over
 * the one before; at most MAX_EACH in all. Their places and words. */
static int plain_typos(const char *t, const size_t *a, const size_t *b, int ns, size_t *off, const char **word)
{
    int found = 0;
    for (int s = 0; s < ns; s++)
        for (size_t k = 0; k < NTYPO_WORDS; k++) {
            size_t l = strlen(typo_words[k][0]), from = a[s];
            for (size_t i = a[s]; i + l <= b[s] && found < MAX_EACH; i++)
                if (i >= from && !memcmp(t + i, typo_words[k][0], l)) {
                    off[found] = i;
                    word[found++] = typo_words[k][0];
                    from = i + l;
                }
        }
    return found;
}

/* A text of the misspellings, their fixes, their pieces (the first or the
 * last character, all but the first) and characters they start with. */
static char *typo_text(uint32_t *x, size_t pieces, size_t *out)
{
    static const char *const other[] = {"公", "一", "不", "重", "布", "于", "众", "，", "a", "\n", "\xE4\xB8"};
    char *t = malloc(pieces * 16 + 1);
    assert_non_null(t);
    size_t n = 0;
    for (size_t p = 0; p < pieces; p++) {
        uint32_t r = next_random(x) % 10;
        const char *w = typo_words[next_random(x) % NTYPO_WORDS][r == 1];
        size_t l = strlen(w), from = 0, to = l;
        if (r == 2)
            to = 3;
        else if (r == 3)
            from = l - 3;
        else if (r == 4)
            from = 3;
        if (r >= 5)
            w = other[next_random(x) % (sizeof other / sizeof other[0])], from = 0, to = strlen(w);
        memcpy(t + n, w + from, to - from);
        n += to - from;
    }
    t[n] = '\0';
    *out = n;
    return t;
}

/* The misspellings nb_check_quality finds are the plain way's: the prose
 * from a heading at random, cut by a tables' zone at random (a word's first
 * part in the zone, its rare part after it: not one). */
static void test_typos_are_plain(void **st)
{
    (void)st;
    uint32_t x = 88172645u;
    for (int round = 0; round < 20000; round++) {
        size_t n;
        char *t = typo_text(&x, 1 + next_random(&x) % 40, &n);
        nb_report r;
        prose_report(&r, t, n, round % 3 ? 0 : next_random(&x) % (n + 1));
        size_t a[2] = {r.sec[NB_SEC_GENERAL].head_off, 0}, b[2] = {n, n};
        int ns = 1;
        if (round % 2) {
            size_t z0 = next_random(&x) % (n + 1), z1 = z0 + next_random(&x) % (n + 1 - z0);
            r.tables_off = z0;
            r.tables_end = z1;
            if (z1 > z0 && z1 > a[0] && z0 < n) { /* as quality.c cuts the prose */
                ns = 0;
                if (z0 > a[0])
                    a[ns] = a[0], b[ns++] = z0;
                if (z1 < n)
                    a[ns] = z1 > a[0] ? z1 : a[0], b[ns++] = n;
            }
        }
        size_t off[MAX_EACH];
        const char *word[MAX_EACH];
        int want = plain_typos(t, a, b, ns, off, word), got = 0;
        nb_findings f = {0};
        nb_err e = {0};
        assert_int_equal(nb_check_quality(&r, NULL, &f, &e), 0);
        for (size_t k = 0; k < f.n; k++) {
            if (f.v[k].form != NB_FORM_TYPO)
                continue;
            assert_true(got < want);
            assert_int_equal(f.v[k].claim_off, off[got]);
            assert_int_equal(f.v[k].claim_len, strlen(word[got]));
            assert_string_equal(f.v[k].word, word[got]);
            got++;
        }
        assert_int_equal(got, want);
        nb_findings_free(&f);
        free(t);
    }
}

/* The ASCII marks between Chinese characters of t[a, b) the plain way, a
 * byte at a time: how many, and the first in *first. */
static long long plain_marks(const char *t, size_t a, size_t b, size_t *first)
{
    long long count = 0;
    for (size_t i = a; i < b; i++) {
        if (!t[i] || !strchr(",;:!?", t[i]))
            continue;
        size_t s = i, e = i + 1, j;
        while (s > a && t[s - 1] == ' ')
            s--;
        while (e < b && t[e] == ' ')
            e++;
        j = s - 3;
        if (s < a + 3 || !nb_is_cjk(nb_utf8_get(t, s, &j)) || j != s)
            continue;
        j = e;
        if (e >= b || !nb_is_cjk(nb_utf8_get(t, b, &j)))
            continue;
        if (!count++)
            *first = i;
    }
    return count;
}

/* A text of about n bytes of ideographs, the five marks, spaces and
 * other characters and bytes, NUL-terminated and no byte more. */
static char *marks_text(uint32_t *x, size_t n, size_t *out)
{
    static const uint32_t other[] = {0x8D44, 0x91D1, 0x8D44, 0x91D1, 0xFF0C, 0x3002, 'a', '7', '\n', 0x1F600, 0xE9};
    char *t = malloc(n + 8);
    assert_non_null(t);
    size_t k = 0;
    while (k < n) {
        uint32_t r = next_random(x) % 20;
        if (r < 5)
            t[k++] = ",;:!?"[r];
        else if (r < 8)
            t[k++] = ' ';
        else if (r == 8)
            t[k++] = (char)0x80; /* a byte that starts no character */
        else
            k += nb_utf8_put(t + k, other[(r - 9) % (sizeof other / sizeof other[0])]);
    }
    t[k] = '\0';
    *out = k;
    return t;
}

/* The ASCII marks nb_check_quality counts (thirty-two and sixteen bytes
 * at a time) are the plain way's, from a heading at random, texts of every
 * length about the blocks and longer. */
static void test_marks_are_plain(void **st)
{
    (void)st;
    uint32_t x = 362436069u;
    for (int round = 0; round < 6000; round++) {
        size_t n;
        char *t = marks_text(&x, round < 2000 ? (size_t)round % 200 : next_random(&x) % 3000, &n);
        nb_report r;
        prose_report(&r, t, n, round % 2 ? 0 : next_random(&x) % (n + 1));
        size_t first = 0;
        long long want = plain_marks(t, r.sec[NB_SEC_GENERAL].head_off, n, &first), got = 0;
        nb_findings f = {0};
        nb_err e = {0};
        assert_int_equal(nb_check_quality(&r, NULL, &f, &e), 0);
        for (size_t k = 0; k < f.n; k++) {
            if (f.v[k].form != NB_FORM_ASCII)
                continue;
            size_t s = first;
            while (s > 0 && t[s - 1] == ' ')
                s--;
            assert_int_equal(f.v[k].claim_off, s >= 3 ? s - 3 : s);
            got = f.v[k].lhs.v;
        }
        assert_int_equal(got, want);
        nb_findings_free(&f);
        free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repeats_are_plain),
        cmocka_unit_test(test_repeat_everywhere),
        cmocka_unit_test(test_typos_are_plain),
        cmocka_unit_test(test_marks_are_plain),
    };
    return TU_RUN("quality_fast", tests, &g_ctx, NULL, NULL);
}
