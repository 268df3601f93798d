/* test_detect.c — a file's kind from its first bytes, not its name: Word
 * packages (and other ZIPs), OLE2, PDF, HTML pages in any of their usual
 * starts, and text that only mentions a tag. */
#include "testutil.h"
#include "read/detect.h"

static nb_kind kind_of(const void *b, size_t n, int *zip)
{
    return nb_detect((const unsigned char *)b, n, zip);
}

static nb_kind kind_of_str(const char *s)
{
    return kind_of(s, strlen(s), NULL);
}

static nb_kind kind_of_file(const char *path, int *zip)
{
    size_t n = 0;
    char *b = tu_read(path, &n);
    if (!b)
        fail_msg("%s: cannot read", path);
    nb_kind k = kind_of(b, n, zip);
    free(b);
    return k;
}

static const char *path_in_formats(const char *name)
{
    static char p[1024];
    snprintf(p, sizeof p, "%s/%s", tu_formats_dir(), name);
    return p;
}

static void test_zip_packages(void **state)
{
    (void)state;
    int zip = 0;
    assert_int_equal(kind_of_file("tests/data/formats/pingtan2022.docx", &zip), NB_KIND_DOCX);
    assert_int_equal(zip, 1);
    assert_int_equal(kind_of_file("tests/data/formats/features.docx", &zip), NB_KIND_DOCX);
    /* a ZIP without word/document.xml is not a docx, but still a ZIP */
    assert_int_equal(kind_of_file("tests/data/formats/bad/nodoc.docx", &zip), NB_KIND_TEXT);
    assert_int_equal(zip, 1);
    kind_of_file("tests/data/formats/bad/corrupt.docx", &zip);
    assert_int_equal(zip, 1);
    assert_int_equal(kind_of("PK\5\6", 4, &zip), NB_KIND_TEXT); /* an empty archive */
    assert_int_equal(zip, 1);
}

static void test_ole2_and_pdf(void **state)
{
    (void)state;
    int zip = 1;
    assert_int_equal(kind_of_file("tests/data/formats/pingtan2022.doc", &zip), NB_KIND_DOC);
    assert_int_equal(zip, 0);
    static const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0};
    assert_int_equal(kind_of(ole, sizeof ole, NULL), NB_KIND_DOC);
    assert_int_equal(kind_of(ole, 7, NULL), NB_KIND_TEXT); /* too short for the magic */
    assert_int_equal(kind_of_str("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), NB_KIND_PDF);
    assert_int_equal(kind_of_str("\r\n%PDF-1.4"), NB_KIND_PDF); /* junk before the header */
}

static void test_html_pages(void **state)
{
    (void)state;
    assert_int_equal(kind_of_str("<!DOCTYPE html>\n<html><body>x</body></html>"), NB_KIND_HTML);
    assert_int_equal(kind_of_str("<!doctype HTML><title>t</title>"), NB_KIND_HTML);
    assert_int_equal(kind_of_str("\xef\xbb\xbf  \n<HTML>"), NB_KIND_HTML);
    assert_int_equal(kind_of_str("<table><tr><td>1</td></tr></table>"), NB_KIND_HTML);
    assert_int_equal(kind_of_str("<meta charset=\"gbk\"><p>报告</p>"), NB_KIND_HTML);
    assert_int_equal(kind_of_str("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"),
                     NB_KIND_HTML);
    assert_int_equal(kind_of_str("<!-- saved from url -->\n<html>"), NB_KIND_HTML);
    static const unsigned char u16[] = {0xFF, 0xFE, '<', 0, 'h', 0, 't', 0, 'm', 0, 'l', 0, '>', 0};
    assert_int_equal(kind_of(u16, sizeof u16, NULL), NB_KIND_HTML);
    assert_int_equal(kind_of_file(path_in_formats("002.gbk.html"), NULL), NB_KIND_HTML);
}

static void test_text_stays_text(void **state)
{
    (void)state;
    assert_int_equal(kind_of_str(""), NB_KIND_TEXT);
    assert_int_equal(kind_of_str("一、总体情况\n二、主动公开政府信息情况\n"), NB_KIND_TEXT);
    assert_int_equal(kind_of_str("报告见 <table> 一节\n"), NB_KIND_TEXT); /* a tag, not at the start */
    assert_int_equal(kind_of_str("# 年度报告\n| 规章 | 0 |\n"), NB_KIND_TEXT);
    assert_int_equal(kind_of_str("<p>一段</p>"), NB_KIND_TEXT); /* markup, but no page */
    assert_int_equal(kind_of_file("tests/data/seed000.txt", NULL), NB_KIND_TEXT);
    assert_string_equal(nb_kind_name(NB_KIND_DOCX), "docx");
    assert_string_equal(nb_kind_name(NB_KIND_TEXT), "text");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zip_packages),
        cmocka_unit_test(test_ole2_and_pdf),
        cmocka_unit_test(test_html_pages),
        cmocka_unit_test(test_text_stays_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
