/* test_diag.c — the lines of check's text output (out/diag.c) as they
 * were printed before they were put as pieces: the path as text, then
 * ":%zu:%zu" and ": %s%s%s: %s: " through a printf, and the summary line's
 * printf, held against nb_diag_start and nb_diag_summary for generated
 * paths (control characters, bidi overrides, bytes that are not UTF-8, a
 * path longer than a writer's first room), on a terminal or not, coloured
 * or not, in both languages, every severity, lines and columns and counts
 * at their edges. */
#include "testutil.h"
#include "out/diag.h"

#include <limits.h>

/* The start of a finding's line as print_finding wrote it with nb_putf. */
static void ref_start(nb_writer *w, const char *path, int color, nb_lang L, int has_loc, size_t line, size_t col,
                      nb_severity sev, const char *rule)
{
    static const char *const colr[] = {"\033[36m", "\033[35m", "\033[31m"};
    char b[256];
    nb_put_text_cstr(w, path);
    if (has_loc) {
        snprintf(b, sizeof b, ":%zu:%zu", line, col);
        nb_puts(w, b);
    }
    snprintf(b, sizeof b, ": %s%s%s: %s: ", color ? colr[sev] : "", nb_severity_label(sev, L), color ? "\033[0m" : "",
             rule);
    nb_puts(w, b);
}

/* The summary line as print_report wrote it with nb_putf. */
static void ref_summary(nb_writer *w, const char *path, const long cnt[3], nb_lang L)
{
    char b[256];
    nb_put_text_cstr(w, path);
    if (L == NB_LANG_ZH)
        snprintf(b, sizeof b, "：%ld 个错误，%ld 个警告，%ld 个提示\n", cnt[2], cnt[1], cnt[0]);
    else
        snprintf(b, sizeof b, ": %ld error%s, %ld warning%s, %ld info\n", cnt[2], cnt[2] == 1 ? "" : "s", cnt[1],
                 cnt[1] == 1 ? "" : "s", cnt[0]);
    nb_puts(w, b);
}

/* The two writers hold the same bytes. */
static void same(nb_writer *got, nb_writer *want)
{
    assert_false(got->failed);
    assert_int_equal(got->n, want->n);
    assert_memory_equal(got->b, want->b, got->n);
}

/* A path of the k-th kind: plain, Chinese, with controls, bidi, bad bytes, long. */
static const char *path_of(int k, char *big, size_t cap)
{
    static const char *const paths[] = {
        "/tmp/b200/r00000-002_shuyang_fgj_2023.txt",
        "报告/2023年 政府信息公开.txt",
        "a\x1b]0;title\x07z.txt",
        "tab\tline\nend\x7f.txt",
        "\xc2\x9b" "31m\xe2\x80\xae" "cod.exe.txt",
        "r\xff\xfe\xe4\xb8.txt",
        "",
    };
    int n = (int)(sizeof paths / sizeof paths[0]);
    if (k < n)
        return paths[k];
    for (size_t i = 0; i + 1 < cap; i++) /* past 16384 bytes, a control byte now and then */
        big[i] = i % 997 == 5 ? '\x01' : i % 3 ? 'x' : (char)('a' + i % 26);
    big[cap - 1] = '\0';
    return big;
}

/* The lines one test writes of a report, both ways: got by out/diag.c,
 * want by the printf of before. */
typedef void lines_fn(nb_writer *got, nb_writer *want, const nb_diag_head *h, const char *path, int color, nb_lang L);

/* lines over every kind of path, on a terminal or not, coloured or not
 * (when colors is 2), in both languages: the same bytes each time. */
static void held_against(lines_fn *lines, int colors)
{
    static char big[20000];
    for (int pk = 0; pk < 8; pk++)
        for (int mode = 0; mode < 4 * colors; mode++) {
            int term = mode & 1, color = colors == 2 && (mode & 2);
            nb_lang L = mode / (2 * colors) ? NB_LANG_ZH : NB_LANG_EN;
            const char *path = path_of(pk, big, sizeof big);
            nb_diag_head h;
            nb_diag_head_init(&h, path, term, color, L);
            nb_writer got = nb_writer_as(NULL, term), want = nb_writer_as(NULL, term);
            lines(&got, &want, &h, path, color, L);
            same(&got, &want);
            free(got.b);
            free(want.b);
            nb_diag_head_free(&h);
        }
}

/* Finding starts: every severity, with a place and without, lines and
 * columns at their edges. */
static void start_lines(nb_writer *got, nb_writer *want, const nb_diag_head *h, const char *path, int color, nb_lang L)
{
    static const size_t edges[] = {0, 1, 9, 10, 99, 100, 12345, 4294967296u, SIZE_MAX};
    static const char *const rules[] = {"CELL.BLANK", "T3.BALANCE", ""};
    size_t ne = sizeof edges / sizeof edges[0];
    for (size_t e = 0; e < ne * ne; e++) {
        nb_severity sev = (nb_severity)(e % 3);
        int has_loc = e % 4 != 3;
        nb_diag_start(got, h, has_loc, edges[e / ne], edges[e % ne], sev, rules[e % 3]);
        ref_start(want, path, color, L, has_loc, edges[e / ne], edges[e % ne], sev, rules[e % 3]);
    }
}

/* Summary lines: counts of 1 (no plural), 0, many, negative, the limits. */
static void summary_lines(nb_writer *got, nb_writer *want, const nb_diag_head *h, const char *path, int color,
                          nb_lang L)
{
    (void)color;
    static const long counts[] = {0, 1, 2, 10, 99, -1, LONG_MAX, LONG_MIN};
    size_t nc = sizeof counts / sizeof counts[0];
    for (size_t e = 0; e < nc * nc * nc; e++) {
        long cnt[3] = {counts[e % nc], counts[e / nc % nc], counts[e / nc / nc]};
        nb_diag_summary(got, h, cnt, L);
        ref_summary(want, path, cnt, L);
    }
}

static void test_start(void **st)
{
    (void)st;
    held_against(start_lines, 2);
}

static void test_summary(void **st)
{
    (void)st;
    held_against(summary_lines, 1);
}

/* The path made once did not fit in memory: each line makes it again,
 * the same bytes. */
static void test_path_not_held(void **st)
{
    (void)st;
    const char *path = "a\x1b" "b.txt";
    nb_diag_head h;
    nb_diag_head_init(&h, path, 1, 0, NB_LANG_EN);
    free(h.text.b);
    h.text = nb_writer_as(NULL, 1);
    h.text.failed = 1;
    nb_writer got = nb_writer_as(NULL, 1), want = nb_writer_as(NULL, 1);
    nb_diag_start(&got, &h, 1, 3, 4, NB_SEV_ERROR, "R");
    ref_start(&want, path, 0, NB_LANG_EN, 1, 3, 4, NB_SEV_ERROR, "R");
    same(&got, &want);
    free(got.b);
    free(want.b);
    nb_diag_head_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_path_not_held),
    };
    return TU_RUN("diag", tests, NULL, NULL, NULL);
}
