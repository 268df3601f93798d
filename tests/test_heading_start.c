/* test_heading_start.c — the cheap tests of read/ that let a line or a
 * place be told without the full reading: nb_heading_start (where the
 * heading pattern's search may start) against running the pattern from
 * every place, and nb_skip_lead against decoding every character, on
 * generated texts of heading words, their parts, look-alikes, white space
 * of every kind and broken UTF-8. */
#include "testutil.h"
#include "base/utf8.h"
#include "read/internal.h"

static nb_ctx g_ctx;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A small deterministic generator (no global state). */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* Text of n random pieces into buf (cap bytes, NUL-terminated); its length. */
static size_t gen_text(char *buf, size_t cap, const char *const *pieces, size_t np, int n, uint32_t *seed)
{
    size_t o = 0;
    for (int k = 0; k < n; k++) {
        const char *p = pieces[next_rand(seed) % np];
        size_t l = strlen(p);
        if (o + l + 1 > cap)
            break;
        memcpy(buf + o, p, l);
        o += l;
    }
    buf[o] = '\0';
    return o;
}

/* The first match of the heading pattern in t[from, we): 1 and its span. */
static int first_match(const char *t, size_t from, size_t we, size_t *ms, size_t *me)
{
    PCRE2_SIZE *ov;
    if (from >= we || !nb_re_find(&g_ctx, g_ctx.re_heading, t, we, from, &ov))
        return 0;
    *ms = ov[0];
    *me = ov[1];
    return 1;
}

/* From every character's start to every end (also between characters), the
 * pattern's first match from nb_heading_start's place is its first match
 * from `from`, and none when that place is we. */
static void test_heading_start(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "总",     "总 ",    "总\t",   "体情况",  "总体情况",    "主动公开政府信息", "主动", "主",   "情况",
        "收到和处理政府信息公开申请", "收到", "收",   "因",      "政府信息公开", "政府信息公开工作", "被申请",
        "申请",   "行政",   "行政复议", "复议",   "、",         "行政诉讼",         "存在的主要问题", "存在",
        "及改进", "措施",   "其他需要报告的事项", "其他", "其",  "政务",        "行",               "政",
        "被",     "工作",   "府",     " ",        "\n",          "1",                "a",    "。",   "，",
    };
    char t[160];
    uint32_t seed = 16;
    long matched = 0, none = 0;
    for (int round = 0; round < 1500; round++) {
        size_t n = gen_text(t, sizeof t, pieces, COUNT(pieces), 1 + (int)(next_rand(&seed) % 9), &seed);
        for (size_t from = 0; from < n; from++) {
            if (((unsigned char)t[from] & 0xC0) == 0x80)
                continue;
            for (size_t we = from + 1; we <= n; we++) {
                size_t ms = 0, me = 0, ms2 = 0, me2 = 0;
                int want = first_match(t, from, we, &ms, &me);
                size_t p = nb_heading_start(t, from, we);
                assert_true(p >= from && p <= we);
                int got = p < we && first_match(t, p, we, &ms2, &me2);
                if (want != got || (want && (ms != ms2 || me != me2)))
                    fail_msg("\"%s\" [%zu, %zu): start %zu, match %d %zu-%zu, from there %d %zu-%zu", t, from, we, p,
                             want, ms, me, got, ms2, me2);
                matched += want;
                none += !want;
            }
        }
    }
    assert_true(matched > 1000 && none > 1000);
}

/* nb_skip_lead as it was: every character decoded. */
static size_t plain_skip_lead(const char *t, size_t i, size_t end)
{
    for (size_t j = i; i < end; i = j) { /* j: past the character at i */
        uint32_t c = nb_utf8_get(t, end, &j);
        if (c != '#' && c != '*' && !nb_is_space(c))
            return i;
    }
    return i;
}

/* From every byte to every end of generated leads: the same place. */
static void test_skip_lead(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        " ",        "\t",       "\n",       "\r",           "\v",           "\f",           "#",
        "*",        "\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x83", "\xE2\x80\x89", "\xE2\x80\x8B", "\xEF\xBB\xBF",
        "\xE2\x80\xAF", "一",   "十",       "a",            "-",            "（",           "\x80",
        "\xC0\xA3", "\xE4\xB8", "\xE9\xBF\xBF", "\xE4\x80\x80", "\xE3\x80", "\xE5#",        "\xF0\x9F\x98\x80",
    };
    char t[64];
    uint32_t seed = 6449;
    long moved = 0;
    for (int round = 0; round < 20000; round++) {
        size_t n = gen_text(t, sizeof t, pieces, COUNT(pieces), 1 + (int)(next_rand(&seed) % 7), &seed);
        for (size_t i = 0; i <= n; i++)
            for (size_t end = i; end <= n; end++) {
                size_t want = plain_skip_lead(t, i, end), got = nb_skip_lead(t, i, end);
                if (want != got)
                    fail_msg("lead of %zu bytes [%zu, %zu): %zu, plainly %zu", n, i, end, got, want);
                moved += want > i;
            }
    }
    assert_true(moved > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heading_start),
        cmocka_unit_test(test_skip_lead),
    };
    return TU_RUN("heading_start", tests, &g_ctx, NULL, NULL);
}
