/* test_detect.c — a file's kind from its first bytes, not its name: Word
 * packages (and other ZIPs), OLE2, PDF, HTML pages in any of their usual
 * starts, and text that only mentions a tag; generated first bytes against
 * a plain reading of the first KiB. */
#include "testutil.h"
#include "read/detect.h"

#include <ctype.h>

/* The kind, and (zip, may be NULL) whether it starts as any ZIP archive does. */
static nb_kind kind_of(const void *b, size_t n, int *zip)
{
    if (zip)
        *zip = nb_is_zip(b, n);
    return nb_detect((const unsigned char *)b, n);
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

/* The plain reference for PDF and HTML: %PDF- anywhere in the first 1024
 * bytes; else the first 1024 units (after a BOM; UTF-16: their low bytes)
 * lowered, non-ASCII as '?', white space skipped, a '<' there and one of
 * the tags of a page after it. */
static nb_kind ref_sniff(const unsigned char *b, size_t n)
{
    static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<table", "<meta charset",
                                       "<meta http-equiv"};
    if (memmem(b, n < 1024 ? n : 1024, "%PDF-", 5))
        return NB_KIND_PDF;
    size_t i = 0, step = 1, lo = 0, k = 0;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        i = 3;
    } else if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        i = 2;
        step = 2;
        lo = b[0] == 0xFE;
    }
    char s[1025];
    for (; i + lo < n && k < 1024; i += step)
        s[k++] = b[i + lo] < 0x80 ? (char)tolower(b[i + lo]) : '?';
    s[k] = '\0';
    size_t j = strspn(s, " \t\r\n\f");
    if (j >= k || s[j] != '<')
        return NB_KIND_TEXT;
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++)
        if (strstr(s + j, tags[t]))
            return NB_KIND_HTML;
    return NB_KIND_TEXT;
}

/* Generated first bytes (a BOM or none, runs of white space about the
 * sixty-four units told first, %PDF- and its parts, markup in either case,
 * ideographs, filler up to past the first KiB, NULs as UTF-16's high
 * bytes): the kind the reference reads. */
static void test_sniff_against_reference(void **state)
{
    (void)state;
    static const char *const pieces[] = {" ", "\t", "\r\n", "\f", "\v", "<", "<HTML>", "<!DOCTYPE html>", "<tAbLe",
                                         "<meta charset=", "<p>", "%", "%PDF", "%PDF-", "-", "\xe6\x94\xbf", "a",
                                         "\0", "<\0h\0t\0m\0l\0", "% PDF-"};
    static const char *const boms[] = {"", "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff"};
    static const size_t bomn[] = {0, 3, 2, 2};
    static unsigned char b[1400];
    unsigned seed = 2024;
    int seen[5] = {0};
    for (int round = 0; round < 20000; round++) {
        seed = seed * 1103515245u + 12345u;
        int bi = (int)(seed >> 16) % 4;
        memcpy(b, boms[bi], bomn[bi]);
        size_t n = bomn[bi], want = (seed >> 8) % 7 == 0 ? 900 + (seed >> 4) % 400 : (seed >> 4) % 160;
        while (n < want) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % 40;
            if (r >= 20 && r < 30) { /* a run of white space, about the first sixty-four units */
                size_t run = (seed >> 8) % 90;
                for (size_t k = 0; k < run && n < sizeof b; k++)
                    b[n++] = r < 25 ? ' ' : "\n\t"[k % 2];
                continue;
            }
            const char *pc = pieces[r < 20 ? r : r == 39 ? 6 : 16];
            size_t l = r == 17 ? 1 : r == 18 ? 10 : strlen(pc);
            for (size_t k = 0; k < l && n < sizeof b; k++)
                b[n++] = (unsigned char)pc[k];
        }
        nb_kind want_kind = ref_sniff(b, n), got = nb_detect(b, n);
        if (got != want_kind)
            fail_msg("round %d (%zu bytes, BOM %d): kind %s, not %s", round, n, bi, nb_kind_name(got),
                     nb_kind_name(want_kind));
        seen[got]++;
    }
    assert_true(seen[NB_KIND_TEXT] > 1000);
    assert_true(seen[NB_KIND_PDF] > 1000);
    assert_true(seen[NB_KIND_HTML] > 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zip_packages),
        cmocka_unit_test(test_ole2_and_pdf),
        cmocka_unit_test(test_html_pages),
        cmocka_unit_test(test_text_stays_text),
        cmocka_unit_test(test_sniff_against_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
