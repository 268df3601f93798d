/* test_same_report.c — one report, however it is held: 008's figures as
 * text (the template saved as plain text, real/022) and typeset as docx,
 * html, GBK html, pdf and doc (formats/008.*); 002 as published (a web
 * page's text, real/002) and typeset (formats/002.*). Each gives the same
 * cells (status and value) and the same findings (rule, cells, the suspect
 * cell); only the places in the text differ. */
#include "testutil.h"
#include "check/check.h"
#include "check/rules.h"

static nb_ctx g_ctx;

#define MAXF 512

/* The findings of a report as "RULE cells… suspect" lines, sorted. */
static int finding_keys(const nb_report *r, char (*keys)[160], int cap)
{
    nb_findings f = {0};
    nb_err e;
    if (nb_check(r, &g_ctx, &f, &e) != 0)
        fail_msg("%s", e.msg);
    int n = 0;
    for (size_t i = 0; i < f.n && n < cap; i++, n++) {
        const nb_finding *x = &f.v[i];
        int o = snprintf(keys[n], 160, "%s", nb_rule_get(x->rule)->id);
        for (int k = 0; k < x->ncells && o < 150; k++)
            o += snprintf(keys[n] + o, (size_t)(160 - o), " %d", x->cells[k]);
        snprintf(keys[n] + o, (size_t)(160 - o), " s%d", x->suspect);
    }
    assert_true(f.n <= (size_t)cap);
    nb_findings_free(&f);
    qsort(keys, (size_t)n, sizeof *keys, (int (*)(const void *, const void *))strcmp);
    return n;
}

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
    static char k0[MAXF][160], k[MAXF][160];
    int n0 = finding_keys(&r0, k0, MAXF);
    for (int i = 0; i < n; i++) {
        nb_report r;
        open_report(&r, others[i]);
        assert_int_equal(r.ncells, r0.ncells);
        for (int ci = 0; ci < r.ncells; ci++) {
            const nb_cell *a = &r0.cells[ci], *b = &r.cells[ci];
            char id[96];
            nb_schema_cell_id(r.schema, ci, id, sizeof id);
            if (a->status != b->status || a->num.v != b->num.v || a->num.scale != b->num.scale)
                fail_msg("%s: %s is %s %lld in %s, %s %lld in %s", others[i], id, nb_status_name(b->status),
                         (long long)b->num.v, others[i], nb_status_name(a->status), (long long)a->num.v, base);
        }
        int nk = finding_keys(&r, k, MAXF);
        if (nk != n0)
            fail_msg("%s: %d findings, %s: %d", others[i], nk, base, n0);
        for (int j = 0; j < nk; j++)
            if (strcmp(k[j], k0[j]))
                fail_msg("%s: finding \"%s\", %s: \"%s\"", others[i], k[j], base, k0[j]);
        print_message("%s: the %d cells and %d findings of %s\n", others[i], r.ncells, nk, base);
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
    static char ka[MAXF][160], kb[MAXF][160];
    int na = finding_keys(&a, ka, MAXF), nb = finding_keys(&b, kb, MAXF);
    int blank = 0, label = 0;
    for (int i = 0; i < na; i++) {
        blank += !strncmp(ka[i], "CELL.BLANK ", 11);
        label += !strcmp(ka[i], "LABEL.DEVIATES 3 4 5 s-1"); /* 规范性文件: t2.normative's cells */
    }
    assert_int_equal(na, 126);
    assert_int_equal(blank, 125); /* 002's blank 法人 cells */
    assert_int_equal(label, 1);
    assert_int_equal(nb, 0);
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
