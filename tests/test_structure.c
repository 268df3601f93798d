/* test_structure.c — what nb_find_structure reads where its cheap tests
 * tell most lines and texts without the full reading: top-level headings
 * after every kind of lead, numeral, mark and words (generated, each
 * expected from how it was made); the title's year with its 告 at the
 * 6 000 bytes' reach and past it; the publication line in each of a page's
 * lines (the first 40 and the last 20 read, none between), only where a
 * line starts; the statistic period at its 统计; the six headings in the
 * standard wording and in others (no standard heading holding the （ its
 * reading cuts at); the year guessed without a title against every byte
 * tried. */
#include "testutil.h"

#include <ctype.h>

static nb_ctx g_ctx;

/* A line's parts: what it starts with, the numerals, their mark, the rest. */
typedef struct part {
    const char *s;
    int ok; /* a lead; a numeral's value (0: none); a mark; words of a heading */
} part;

static const part leads[] = {
    {"", 1},  {" ", 1},  {"   ", 1}, {"\t", 1}, {" \t ", 1}, {"#", 1}, {"## ", 1}, {"*", 1}, {"**", 1},
    {"\xE3\x80\x80", 1}, {"\xE3\x80\x80 \xE3\x80\x80", 1}, {"\f", 1}, {"\xC2\xA0", 1}, {"\xE2\x80\x83", 1},
    {"a", 0}, {"-", 0},  {"第", 0},  {"（", 0},  {"1", 0},
};
static const part numerals[] = {
    {"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
    {"十", 10}, {"十二", 12}, {"二十", 20}, {"两", 2},
    {"〇", 0}, {"零", 0}, {"之", 0}, {"余", 0}, {"丫", 0}, {"总", 0}, {"主", 0}, {"五五五五", 0}, {"1", 0}, {"", 0},
};
static const part marks[] = {{"、", 1}, {".", 1}, {"．", 1}, {"：", 0}, {"，", 0}, {" ", 0}};
static const part words[] = {
    {"工作概述", 1}, {" 工作概述", 1}, {"工作 1 2", 1},
    {"工作 1 2 3", 0}, {"本年新收", 0}, {"结转下年度", 0}, {"abc", 0}, {"", 0},
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The heading at off, or NULL. */
static const nb_heading *heading_at(const nb_report *r, size_t off)
{
    for (int h = 0; h < r->nheads; h++)
        if (r->heads[h].off == off)
            return &r->heads[h];
    return NULL;
}

/* Every lead, numeral, mark and words as a line between two others and as
 * the text's last line: a heading exactly when each part is one, with the
 * numeral's value, where the numeral starts. */
static void test_top_headings(void **state)
{
    (void)state;
    static const char before[] = "前言\n";
    char text[256];
    int cases = 0, heads = 0;
    for (size_t a = 0; a < COUNT(leads); a++)
        for (size_t b = 0; b < COUNT(numerals); b++)
            for (size_t c = 0; c < COUNT(marks); c++)
                for (size_t d = 0; d < COUNT(words); d++)
                    for (int last = 0; last < 2; last++) {
                        snprintf(text, sizeof text, "%s%s%s%s%s%s", before, leads[a].s, numerals[b].s, marks[c].s,
                                 words[d].s, last ? "" : "\n正文。\n");
                        nb_report r;
                        tu_report_str(&r, &g_ctx, text);
                        int want = leads[a].ok && numerals[b].ok && marks[c].ok && words[d].ok;
                        const nb_heading *h = heading_at(&r, strlen(before) + strlen(leads[a].s));
                        if (want != (h != NULL))
                            fail_msg("line \"%s\": %s", text + strlen(before), want ? "no heading" : "a heading");
                        if (h)
                            assert_int_equal(h->numeral, numerals[b].ok);
                        assert_int_equal(r.nheads, want);
                        cases++;
                        heads += want;
                        nb_report_free(&r);
                    }
    assert_true(heads > 0 && heads < cases);
}

/* A title whose 告 ends at byte end of the text (ASCII lines before it). */
static char *title_ending_at(size_t end)
{
    static const char title[] = "2023年某某局政府信息公开工作年度报告";
    size_t tl = strlen(title), pad = end - tl;
    char *t = malloc(end + 64);
    assert_non_null(t);
    for (size_t i = 0; i < pad; i++)
        t[i] = i % 60 == 59 || i + 1 == pad ? '\n' : 'x';
    memcpy(t + pad, title, tl);
    strcpy(t + end, "\n正文。\n");
    return t;
}

/* The title read when its last byte is the 6 000th, not a byte later; a
 * text without 告 has none (only a year guessed). */
static void test_title_reach(void **state)
{
    (void)state;
    for (size_t end = 5990; end <= 6010; end++) {
        char *t = title_ending_at(end);
        nb_report r;
        tu_report_str(&r, &g_ctx, t);
        assert_int_equal(r.year_titled, end <= 6000);
        if (end <= 6000)
            assert_int_equal(r.year, 2023);
        nb_report_free(&r);
        free(t);
    }
    static const char *const untitled[] = {
        "2023年某某局政府信息公开工作年度报\n正文。\n",
        "某某局政府信息公开工作年度报告\n2023年正文。\n",
        "2023年正文。\n",
    };
    for (size_t k = 0; k < COUNT(untitled); k++) {
        nb_report r;
        tu_report_str(&r, &g_ctx, untitled[k]);
        assert_false(r.year_titled);
        nb_report_free(&r);
    }
    nb_report r;
    tu_report_str(&r, &g_ctx, "前言\n２０２２年度某某局政府信息公开工作报告\n正文。\n");
    assert_true(r.year_titled);
    assert_int_equal(r.year, 2022);
    nb_report_free(&r);
}

/* nl lines, the publication line (pub) at li, the others filler. */
static char *page(size_t nl, size_t li, const char *pub, size_t *date_off)
{
    char *t = malloc(nl * 64 + 64);
    assert_non_null(t);
    size_t o = 0;
    for (size_t k = 0; k < nl; k++) {
        if (k)
            t[o++] = '\n';
        if (k == li) {
            *date_off = o + (size_t)(strstr(pub, "2024") - pub);
            o += (size_t)sprintf(t + o, "%s", pub);
        } else if (k % 7 != 3 || k + 1 == nl) { /* some lines empty */
            o += (size_t)sprintf(t + o, "第%zu行。", k);
        }
    }
    t[o] = '\0';
    return t;
}

/* Of a page of nl lines, the publication line is read in its first 40
 * lines and its last 20, whatever it starts with of white space; not in
 * the lines between, nor after other words (a line that starts with 发
 * but another label is no publication line). */
static void test_published_lines(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 2, 20, 21, 39, 40, 41, 59, 60, 61, 62, 80, 100};
    static const char *const pubs[] = {"发布日期：2024-01-17", "\xE3\x80\x80 \t公开时间: 2024年1月17日",
                                       "发布日期：\n2024-01-17", "本页发布日期：2024-01-17",
                                       "发布单位：某局　发布日期：2024-01-17"};
    for (size_t s = 0; s < COUNT(sizes); s++)
        for (size_t p = 0; p < COUNT(pubs); p++)
            for (size_t li = 0; li < sizes[s]; li++) {
                size_t off = 0;
                char *t = page(sizes[s], li, pubs[p], &off);
                nb_report r;
                tu_report_str(&r, &g_ctx, t);
                size_t nl = sizes[s] + (p == 2); /* the date on a line of its own */
                int want = p < 3 && (li < 40 || li + 20 >= nl);
                if (want != (r.published_on.y == 2024))
                    fail_msg("%zu lines, \"%s\" at %zu: %s", nl, pubs[p], li, want ? "not read" : "read");
                if (want) {
                    assert_int_equal(r.published_on.m, 1);
                    assert_int_equal(r.published_on.d, 17);
                    assert_int_equal(r.published_off, off);
                }
                nb_report_free(&r);
                free(t);
            }
}

/* Is there a label of this id? */
static int has_label(const nb_report *r, const char *id)
{
    for (int k = 0; k < r->nlabels; k++)
        if (!strcmp(r->labels[k].id, id))
            return 1;
    return 0;
}

/* The period where a 统计 starts it, the first such; a 统计 with no dates
 * after it passed over; another word than 期限 recorded. */
static void test_period(void **state)
{
    (void)state;
    static const char text[] = "前言统计工作。\n本报告统计期限为2023年1月1日至2023年12月31日。\n"
                               "统计周期：2022年1月1日至12月31日。\n";
    nb_report r;
    tu_report_str(&r, &g_ctx, text);
    assert_int_equal(r.period_from.y, 2023);
    assert_int_equal(r.period_to.m, 12);
    assert_int_equal(r.period_to.d, 31);
    assert_int_equal(r.period_off, (size_t)(strstr(text, "统计期限") - text));
    assert_false(has_label(&r, "period"));
    nb_report_free(&r);
    tu_report_str(&r, &g_ctx, strstr(text, "统计周期"));
    assert_int_equal(r.period_from.y, 2022);
    assert_int_equal(r.period_to.y, 2022);
    assert_true(has_label(&r, "period"));
    nb_report_free(&r);
}

/* The period in the forms bodies write it: 2024.1.1—2024.12.31,
 * 2024-01-01至2024-12-31, 2024/01/01-2024/12/31, ～ and —— between, months
 * alone after a label (2024年1月至11月: to the month's last day); months
 * alone without one (据统计，2024年1月-3月) are no period. */
static void test_period_forms(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int y1, m1, d1, y2, m2, d2; /* 0: no period */
    } cases[] = {
        {"前言。\n统计期限为2024.1.1—2024.12.31。\n", 2024, 1, 1, 2024, 12, 31},
        {"前言。\n统计期限为2023-01-01至2023-12-31。\n", 2023, 1, 1, 2023, 12, 31},
        {"前言。\n统计期限为2024/01/01-2024/12/31。\n", 2024, 1, 1, 2024, 12, 31},
        {"前言。\n统计期限为2024年1月1日～12月31日。\n", 2024, 1, 1, 2024, 12, 31},
        {"前言。\n统计期限为2024年1月1日——2024年12月31日。\n", 2024, 1, 1, 2024, 12, 31},
        {"前言。\n统计期限为2024年1月至11月。\n", 2024, 1, 1, 2024, 11, 30},
        {"前言。\n统计周期：2024年2月—2月。\n", 2024, 2, 1, 2024, 2, 29},
        {"前言。\n据统计，2024年1月-3月共收到申请50件。\n", 0, 0, 0, 0, 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        nb_report r;
        tu_report_str(&r, &g_ctx, cases[k].text);
        nb_date a = r.period_from, b = r.period_to;
        if (a.y != cases[k].y1 || a.m != cases[k].m1 || a.d != cases[k].d1 || b.y != cases[k].y2 ||
            b.m != cases[k].m2 || b.d != cases[k].d2)
            fail_msg("%s: %d-%d-%d to %d-%d-%d", cases[k].text, a.y, a.m, a.d, b.y, b.m, b.d);
        nb_report_free(&r);
    }
}

/* The six headings in the standard wording (with white space and Markdown
 * about them) give no label; in another wording each gives its own. */
static void test_heading_wording(void **state)
{
    (void)state;
    nb_report r;
    tu_report_str(&r, &g_ctx,
                  "一、总体情况\n正文。\n## 二、主动公开政府信息情况\n正文。\n三、 收到和处理政府信息公开申请情况\n正文。\n"
                  "四、政府信息公开行政复议、行政诉讼情况（单位：件）\n正文。\n**五、存在的主要问题及改进情况**\n正文。\n"
                  "六、其他需要报告的事项\n正文。\n");
    char id[16];
    for (int k = 1; k <= 6; k++) {
        snprintf(id, sizeof id, "section.%d", k);
        assert_true(r.sec[k - 1].present);
        assert_false(has_label(&r, id));
        assert_null(strstr(nb_section_title(k - 1, NB_LANG_ZH), "（")); /* wording.c tells these before it */
    }
    nb_report_free(&r);
    tu_report_str(&r, &g_ctx,
                  "一、总体情况概述\n正文。\n二、主动公开政府信息\n正文。\n三、收到和处理政府信息公开申请\n正文。\n"
                  "四、政府信息公开行政复议和行政诉讼情况\n正文。\n五、存在的主要问题及整改措施\n正文。\n"
                  "六、其他需要报告的事项\n正文。\n");
    for (int k = 1; k <= 6; k++) {
        snprintf(id, sizeof id, "section.%d", k);
        assert_true(r.sec[k - 1].present);
        assert_int_equal(has_label(&r, id), k != 6);
    }
    nb_report_free(&r);
}

/* A heading's numeral with spaces before its 、 (三 、, as PDF text has
 * it), spaces in its place (二　, 六 ) or a colon (四：) still numbers the
 * heading: all six found, each with its numeral; （一） still numbers none. */
static void test_heading_spaced_numeral(void **state)
{
    (void)state;
    nb_report r;
    tu_report_str(&r, &g_ctx,
                  "一 、总体情况\n正文。\n二\xE3\x80\x80主动公开政府信息情况\n正文。\n三  、 收到和处理政府信息公开申请情况\n"
                  "正文。\n四：政府信息公开行政复议、行政诉讼情况\n正文。\n五 、存在的主要问题及改进情况\n正文。\n"
                  "六 其他需要报告的事项\n正文。\n");
    for (int k = 0; k < 6; k++) {
        assert_true(r.sec[k].present);
        assert_int_equal(r.sec[k].numeral, k + 1);
        assert_true(r.sec[k].head_off == 0 || r.doc.text[r.sec[k].head_off - 1] == '\n'); /* the line's start */
    }
    nb_report_free(&r);
    tu_report_str(&r, &g_ctx, "前言。\n（一） 总体情况\n正文。\n");
    assert_false(r.sec[0].present);
    nb_report_free(&r);
}

/* The year guessed without a title, the plain way: every byte of [a, b)
 * tried as a year's start (nb_find_structure's reading before it looked
 * from each 年 back). */
static void plain_guess(const char *t, size_t a, size_t b, int *year, size_t *off)
{
    int years[8] = {0}, counts[8] = {0}, ny = 0, best = -1;
    size_t first[8] = {0};
    for (size_t i = a; i + 7 <= b; i++) {
        if (!(t[i] >= '1' && t[i] <= '2' && isdigit((unsigned char)t[i + 1]) && isdigit((unsigned char)t[i + 2]) &&
              isdigit((unsigned char)t[i + 3]) && (i == 0 || !isdigit((unsigned char)t[i - 1]))))
            continue;
        size_t j = i + 4;
        while (j < b && t[j] == ' ')
            j++;
        if (j + 3 > b || memcmp(t + j, "年", 3))
            continue;
        int y = atoi((char[]){t[i], t[i + 1], t[i + 2], t[i + 3], 0}), k = 0;
        while (k < ny && years[k] != y)
            k++;
        if (k == ny && ny < 8) {
            years[ny] = y;
            first[ny++] = i;
        }
        if (k < 8)
            counts[k]++;
    }
    for (int k = 0; k < ny; k++)
        if (best < 0 || counts[k] > counts[best])
            best = k;
    *year = 0;
    if (best >= 0 && years[best] >= 1990 && years[best] <= 2100) {
        *year = years[best];
        *off = first[best];
    }
}

/* Untitled texts of years, digits, spaces, 年 and other words drawn at
 * random (with 总体情况 or without, the years at its edges, past the 4 000
 * bytes read without it): the year and its place as the plain reading's. */
static void test_guessed_year(void **state)
{
    (void)state;
    static const char *const pieces[] = {"2023", "2022", "1999", "3023", "0999", "12023", "2024 ", "  ", " ", "年",
                                         "年度", "１", "5", "正文", "。", "\n", "a", "20", "23", "２０２３"};
    uint32_t x = 0x9E3779B9u;
    char *t = malloc(6000);
    assert_non_null(t);
    for (int n = 0; n < 3000; n++) {
        size_t o = 0;
        x = x * 1664525u + 1013904223u;
        int general = x >> 31, npieces = (int)(x >> 8 & 511) + (n % 7 == 0 ? 1200 : 0);
        if (general)
            o += (size_t)sprintf(t, "%s", (x >> 9 & 1) ? "一、总体情况\n" : "前言2021年\n一、总体情况\n");
        else
            o += (size_t)sprintf(t, "%s", (x >> 9 & 1) ? "2019年" : "前言");
        for (int k = 0; k < npieces && o + 16 < 5600; k++) {
            x = x * 1664525u + 1013904223u;
            const char *p = pieces[(x >> 16) % COUNT(pieces)];
            memcpy(t + o, p, strlen(p));
            o += strlen(p);
        }
        if (general && (x >> 5 & 1))
            o += (size_t)sprintf(t + o, "\n二、主动公开政府信息情况\n2020年");
        t[o] = 0;
        nb_report r;
        tu_report_str(&r, &g_ctx, t);
        assert_false(r.year_titled);
        assert_int_equal(r.period_from.y, 0);
        size_t a = 0, b = r.doc.len < 4000 ? r.doc.len : 4000, off = 0;
        if (r.sec[NB_SEC_GENERAL].present) {
            a = r.sec[NB_SEC_GENERAL].body_off;
            b = r.sec[NB_SEC_GENERAL].body_end;
        }
        int year;
        plain_guess(r.doc.text, a, b, &year, &off);
        assert_int_equal(r.year, year);
        if (year)
            assert_int_equal(r.year_off, off);
        nb_report_free(&r);
    }
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_top_headings),    cmocka_unit_test(test_title_reach),
        cmocka_unit_test(test_published_lines), cmocka_unit_test(test_period),
        cmocka_unit_test(test_period_forms),
        cmocka_unit_test(test_heading_wording), cmocka_unit_test(test_heading_spaced_numeral),
        cmocka_unit_test(test_guessed_year),
    };
    return TU_RUN("structure", tests, &g_ctx, NULL, NULL);
}
