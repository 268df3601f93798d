/* test_checks_fast.c — the cheaper paths of the smaller checks against
 * plain references on generated inputs: nb_findings_sort against a stable
 * sort by (place, rule, suspect, where each stood) — ties keep their
 * order, as glibc's merge sort keeps it — on inputs drawn, sorted,
 * reversed and in runs, of every size up to past the stack's keys, and a
 * list already in order left as it is or one pair out of order mended; and
 * nb_body_place_end against comparing every place's end in full, at every
 * byte of generated names of ends, their look-alikes (the same first
 * bytes) and other characters. */
#include "testutil.h"
#include "check/internal.h"
#include "model/body.h"

static nb_ctx g_ctx;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The next of a fixed sequence of pseudo-random numbers. */
static unsigned roll(unsigned long long *seed)
{
    *seed = *seed * 2862933555777941757ull + 3037000493ull;
    return (unsigned)(*seed >> 32);
}

/* ---------------------------------------------------------------- sort */

/* The order of the findings' keys: place, rule, suspect. */
static int ref_key_cmp(const nb_finding *x, const nb_finding *y)
{
    size_t ox = x->has_off ? x->off : 0, oy = y->has_off ? y->off : 0;
    if (ox != oy)
        return ox < oy ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return (x->suspect > y->suspect) - (x->suspect < y->suspect);
}

/* Where each finding stood, kept in year (no rule reads it here). */
static int ref_cmp(const void *a, const void *b)
{
    const nb_finding *x = a, *y = b;
    int k = ref_key_cmp(x, y);
    return k ? k : (x->year > y->year) - (x->year < y->year);
}

/* n findings with few distinct places, rules and suspects (many ties),
 * in one of four orders: drawn, already sorted, reversed, runs. */
static void draw_findings(nb_findings *f, size_t n, int order, unsigned long long *seed)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        nb_err err;
        nb_finding *x = nb_finding_add(f, (nb_rule_id)(roll(seed) % 4), &err);
        assert_non_null(x);
        x->has_off = roll(seed) % 5 != 0;
        x->off = order == 0 ? roll(seed) % 7 : order == 1 ? i / 3 : order == 2 ? n - i / 2 : (i % 17) * 3;
        if (roll(seed) % 9 == 0)
            x->off = SIZE_MAX - roll(seed) % 2;
        x->suspect = (int)(roll(seed) % 3) - 1;
        x->year = (int)i;
        x->ncells = (int)(roll(seed) % 3);
        x->cells[0] = (int)i;
    }
}

static void test_sort_as_stable_sort(void **state)
{
    (void)state;
    unsigned long long seed = 5;
    static const size_t sizes[] = {0, 1, 2, 3, 11, 12, 13, 25, 95, 96, 97, 150, 700};
    for (size_t s = 0; s < COUNT(sizes); s++)
        for (int order = 0; order < 4; order++)
            for (int trial = 0; trial < 6; trial++) {
                nb_findings got, want;
                draw_findings(&got, sizes[s], order, &seed);
                want = got;
                want.v = malloc(got.n * sizeof *got.v + 1);
                assert_non_null(want.v);
                if (got.n)
                    memcpy(want.v, got.v, got.n * sizeof *got.v);
                qsort(want.v, want.n, sizeof *want.v, ref_cmp);
                nb_findings_sort(&got);
                for (size_t i = 0; i < got.n; i++)
                    assert_memory_equal(&got.v[i], &want.v[i], sizeof got.v[i]);
                free(want.v);
                nb_findings_free(&got);
            }
}

/* got's findings as want's, byte for byte. */
static void assert_same_findings(const nb_findings *got, const nb_finding *want, size_t n)
{
    assert_int_equal(got->n, n);
    for (size_t i = 0; i < n; i++)
        assert_memory_equal(&got->v[i], &want[i], sizeof got->v[i]);
}

/* A list already in order (ties kept where they stood) is left as it is,
 * and one pair of neighbours put out of order, at every place in turn
 * (the first pair and the last too), is still sorted. */
static void test_sort_in_order(void **state)
{
    (void)state;
    unsigned long long seed = 11;
    static const size_t sizes[] = {2, 3, 12, 40};
    for (size_t s = 0; s < COUNT(sizes); s++)
        for (int trial = 0; trial < 8; trial++) {
            nb_findings got;
            draw_findings(&got, sizes[s], trial % 4, &seed);
            qsort(got.v, got.n, sizeof *got.v, ref_cmp);
            nb_finding *want = malloc(got.n * sizeof *want);
            assert_non_null(want);
            memcpy(want, got.v, got.n * sizeof *want);
            nb_findings_sort(&got);
            assert_same_findings(&got, want, got.n);
            for (size_t i = 0; i + 1 < got.n; i++) {
                if (ref_key_cmp(&want[i], &want[i + 1]) == 0)
                    continue; /* a tie swapped is another order in order */
                got.v[i] = want[i + 1];
                got.v[i + 1] = want[i];
                nb_findings_sort(&got);
                assert_same_findings(&got, want, got.n);
            }
            free(want);
            nb_findings_free(&got);
        }
}

/* ---------------------------------------------------------------- places */

/* The length of a place's end at s[i], every end compared in full. */
static size_t ref_place_end(const char *s, size_t i)
{
    static const char *const ends[] = {"街道", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市",
                                       "州",   "盟",     "县",     "旗",     "区",     "镇",   "乡"};
    for (size_t k = 0; k < COUNT(ends); k++) {
        size_t l = strlen(ends[k]);
        if (strncmp(s + i, ends[k], l))
            continue;
        const char *next = s + i + l;
        if (k == 7 && (!strncmp(next, "场", 3) || !strncmp(next, "政", 3)))
            return 0;
        if (k == 8 && (!strncmp(next, "市", 3) || !strncmp(next, "区", 3)))
            return 0;
        return l;
    }
    return 0;
}

static void test_place_end_as_full_compare(void **state)
{
    (void)state;
    /* the ends, their parts, characters of the same first two bytes (帀 巿 岛
     * 盛 区 匹 …), ASCII, and what follows 市 and 州 */
    static const char *const pieces[] = {"街道", "街",  "道",  "自治区", "自治", "自", "治", "自治州", "自治县",
                                         "自治旗", "地区", "地", "省",     "市",   "州", "盟", "县",     "旗",
                                         "区",   "镇",   "乡", "场",     "政",   "帀", "巿", "岛",     "盛",
                                         "匹",   "镖",   "乢", "a",      " ",    "人民政府", "\xe5", "\xe5\xb8"};
    unsigned long long seed = 3;
    char name[128];
    for (int trial = 0; trial < 20000; trial++) {
        size_t n = 0;
        for (int k = (int)(roll(&seed) % 9); k > 0; k--) {
            const char *p = pieces[roll(&seed) % COUNT(pieces)];
            size_t l = strlen(p);
            if (n + l >= sizeof name)
                break;
            memcpy(name + n, p, l);
            n += l;
        }
        name[n] = '\0';
        for (size_t i = 0; i <= n; i++)
            assert_int_equal(nb_body_place_end(name, i), ref_place_end(name, i));
        char key[512], parent[512];
        nb_body_key(name, key, sizeof key, parent, sizeof parent); /* ends read at every place */
        (void)nb_body_kind(name);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort_as_stable_sort),
        cmocka_unit_test(test_sort_in_order),
        cmocka_unit_test(test_place_end_as_full_compare),
    };
    return TU_RUN("checks_fast", tests, &g_ctx, NULL, NULL);
}
