/* test_spans.c — searches that read less than the whole text: nb_find_outside
 * against every place tried in turn with the stretch left out, on generated
 * texts and stretches (empty, at either end, past the text, a needle across
 * its start); SECTION5.THIN's count of section 五's characters, which stops
 * at 40 when the section names both a problem and a remedy, against a plain
 * count at every length around 40; a section heading in the standard's very
 * bytes recorded as no other wording, one in another wording recorded. */
#include "booktest.h"
#include "base/utf8.h"

static nb_ctx g_ctx;

static unsigned next(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/* The first place of needle in hay[from, n) not starting in [za, zb) (when
 * za < zb), every place tried. */
static const char *naive_outside(const char *hay, size_t n, size_t from, size_t za, size_t zb, const char *needle,
                                 size_t nl)
{
    for (size_t p = from; p + nl <= n; p++)
        if (!(za < zb && p >= za && p < zb) && !memcmp(hay + p, needle, nl))
            return hay + p;
    return NULL;
}

static void test_find_outside(void **state)
{
    (void)state;
    static const char *const pieces[] = {"收", "费", "通", "知", "1", " ", "\n", "收费通知"};
    static const char *const needles[] = {"收费通知", "收费", "知", "费通", "1 "};
    char hay[700];
    unsigned seed = 7;
    for (int round = 0; round < 4000; round++) {
        size_t n = 0, len = next(&seed) % 160;
        while (n < len * 4 && n + 16 < sizeof hay) {
            const char *p = pieces[next(&seed) % 8];
            memcpy(hay + n, p, strlen(p));
            n += strlen(p);
        }
        const char *needle = needles[next(&seed) % 5];
        size_t nl = strlen(needle);
        size_t za = next(&seed) % (n + 8), zb = next(&seed) % 4 ? za + next(&seed) % (n + 8) : next(&seed) % (n + 8);
        if (round % 7 == 0)
            za = 0;
        if (round % 11 == 0)
            zb = n;
        for (size_t from = 0; from <= n + 1; from += 1 + next(&seed) % 9)
            assert_ptr_equal(nb_find_outside(hay, n, from, za, zb, needle, nl),
                             naive_outside(hay, n, from, za, zb, needle, nl));
    }
}

/* Characters that carry words, as the rule counts them. */
static long long plain_count(const char *s)
{
    long long n = 0;
    for (size_t i = 0, len = strlen(s); i < len;) {
        uint32_t c = nb_utf8_get(s, len, &i);
        n += (c >= 0x4E00 && c <= 0x9FFF) || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    return n;
}

/* Section 五's two paragraphs in tests/data/clean.txt. */
#define SEC5_BODY                                                                                   \
    "2024年，我镇政府信息公开工作取得了一定成效，但还有不足之处：一是媒体利用不够充分，公开信息数量较少；" \
    "二政府信息主动公开不够，惠企利民政策群众、企业查找不便。\n\n"
#define SEC5_MORE                                                                                   \
    "重点从以下几个方面改进提升：一是加强教育培训和日常提醒，进一步规范政务公开工作。"                 \
    "二是制定更明确的政务公开标准指引和标准目录，提升政府信息公开内容的质量和实效。"

/* Section 五 of length characters that carry words (and marks and spaces
 * between them), naming a problem and a remedy or not: the finding's count
 * and form as the rule has them. */
static void check_section5(int length, int both, unsigned *seed)
{
    static const char *const fill[] = {"公", "开", "1", "a", "，", " "};
    char body[1024] = "";
    int have = 0;
    if (both) {
        strcpy(body, "问题改进");
        have = 4;
    }
    while (have < length) {
        const char *p = fill[next(seed) % 6];
        strcat(body, p);
        have += strcmp(p, "，") && strcmp(p, " ");
    }
    const char *subs[] = {SEC5_BODY, "", SEC5_MORE, body, NULL};
    nb_report r;
    nb_findings f;
    bt_variant(&r, &g_ctx, subs, NULL);
    bt_run(&r, &g_ctx, &f);
    long long n = plain_count(body);
    nb_finding_form form = n == 0 ? NB_FORM_EMPTY : n < 40 ? NB_FORM_SHORT : both ? NB_FORM_NONE : NB_FORM_LACKS;
    if (form == NB_FORM_NONE) {
        assert_int_equal(bt_count(&f, "SECTION5.THIN"), 0);
    } else {
        const nb_finding *x = bt_only(&f, "SECTION5.THIN");
        assert_int_equal(x->form, form);
        assert_int_equal(x->lhs.v, n);
        assert_int_equal(x->mask, both ? 0u : 3u);
    }
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_section5_count(void **state)
{
    (void)state;
    unsigned seed = 99;
    for (int length = 0; length <= 48; length++)
        for (int both = 0; both < 2; both++)
            if (length >= 4 || !both)
                check_section5(length, both, &seed);
    check_section5(200, 0, &seed); /* far past 40: counted whole */
    check_section5(200, 1, &seed);
}

/* Is there a label of id? */
static int has_label(const nb_report *r, const char *id)
{
    for (int i = 0; i < r->nlabels; i++)
        if (!strcmp(r->labels[i].id, id))
            return 1;
    return 0;
}

static void test_heading_wording(void **state)
{
    (void)state;
    nb_report r;
    bt_variant(&r, &g_ctx, NULL, NULL); /* the standard's bytes */
    assert_true(r.sec[NB_SEC_PROBLEMS].present);
    assert_false(has_label(&r, "section.5"));
    nb_report_free(&r);
    const char *spaced[] = {"五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况 ", NULL};
    bt_variant(&r, &g_ctx, spaced, NULL); /* other bytes, the same normal form */
    assert_false(has_label(&r, "section.5"));
    nb_report_free(&r);
    const char *other[] = {"五、存在的主要问题及改进情况", "五、存在的主要问题及整改措施", NULL};
    bt_variant(&r, &g_ctx, other, NULL);
    assert_true(has_label(&r, "section.5"));
    nb_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_outside),
        cmocka_unit_test(test_section5_count),
        cmocka_unit_test(test_heading_wording),
    };
    return TU_RUN("spans", tests, &g_ctx, NULL, NULL);
}
