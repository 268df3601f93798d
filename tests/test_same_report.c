/* test_same_report.c — one report, however it is held: 008's figures as
 * text (the template saved as plain text, real/022) and typeset as docx,
 * html, GBK html, pdf and doc (formats/008.*); 002 as published (a web
 * page's text, real/002) and typeset (formats/002.*). Each gives the same
 * cells (status and value) and the same findings (rule, cells, the suspect
 * cell); only the places in the text differ. */
#include "tu_tables.h"

static nb_ctx g_ctx;

static void open_report(nb_report *r, const char *path)
{
    nb_err e;
    if (nb_report_open(r, path, &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
}

/* Every file of `others` gives base's cells and findings. */
static void same_as(const char *base, const char *const *others, int n)
{
    nb_report r0;
    open_report(&r0, base);
    for (int i = 0; i < n; i++) {
        nb_report r;
        open_report(&r, others[i]);
        tu_same_reading(&r, &r0, &g_ctx);
        print_message("%s: the %d cells and the findings of %s\n", others[i], r.ncells, base);
        nb_report_free(&r);
    }
    nb_report_free(&r0);
}

static void test_008_as_text_and_typeset(void **state)
{
    (void)state;
    static const char *const typeset[] = {
        "../shared/corpus/formats/008.docx", "../shared/corpus/formats/008.html", "../shared/corpus/formats/008.gbk.html",
        "../shared/corpus/formats/008.pdf", "../shared/corpus/formats/008.doc"};
    same_as("../shared/corpus/real/022_pingtan_2024_docx_text.txt", typeset, 5);
}

static void test_002_as_published_and_typeset(void **state)
{
    (void)state;
    static const char *const typeset[] = {
        "../shared/corpus/formats/002.docx", "../shared/corpus/formats/002.html", "../shared/corpus/formats/002.gbk.html",
        "../shared/corpus/formats/002.pdf", "../shared/corpus/formats/002.doc"};
    same_as("../shared/corpus/real/002_shuyang_fgj_2023.txt", typeset, 5);
}

/* The findings are really compared: 002 and 008 differ. */
static void test_different_reports_differ(void **state)
{
    (void)state;
    nb_report a, b;
    open_report(&a, "../shared/corpus/formats/002.pdf");
    open_report(&b, "../shared/corpus/formats/008.pdf");
    static char ka[TU_MAXF][TU_KEY], kb[TU_MAXF][TU_KEY];
    int na = tu_finding_keys(&a, &g_ctx, ka, TU_MAXF), nb = tu_finding_keys(&b, &g_ctx, kb, TU_MAXF);
    int blank = 0, label = 0;
    for (int i = 0; i < na; i++) {
        blank += !strncmp(ka[i], "CELL.BLANK ", 11);
        label += !strcmp(ka[i], "LABEL.DEVIATES 3 4 5 s-1"); /* 规范性文件: t2.normative's cells */
    }
    assert_int_equal(blank, 125); /* 002's blank 法人 cells */
    assert_int_equal(label, 1);
    for (int i = 0; i < nb; i++)
        assert_true(strncmp(kb[i], "CELL.", 5) && strncmp(kb[i], "LABEL.", 6)); /* 008's cells are all read */
    assert_true(na > nb + 125);
    nb_report_free(&a);
    nb_report_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_008_as_text_and_typeset),
        cmocka_unit_test(test_002_as_published_and_typeset),
        cmocka_unit_test(test_different_reports_differ),
    };
    return TU_RUN("same report", tests, &g_ctx, NULL, NULL);
}
