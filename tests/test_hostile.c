/* test_hostile.c — bad input to the structured readers: a damaged zip, a
 * zip without word/document.xml, one without the part its _rels/.rels
 * names, a zip bomb (its part more than any report's text), malformed
 * XML, XML nested too deeply and an external entity (each said as such,
 * in both languages), a page with no report, pages in odd encodings and shapes; each a clear message naming
 * the file, never a crash. The .doc reader without its converters, and its
 * temporary folder gone afterwards. The charset rules of HTML pages. */
#include "tu_formats.h"
#include "read/htmlenc.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#define BAD "tests/data/formats/bad"

/* nb_report_open, in lang, fails on path with a message naming it and
 * saying what. */
static void refused_in(nb_lang lang, const char *path, const char *what)
{
    nb_ctx ctx;
    nb_err e;
    assert_int_equal(nb_ctx_init(&ctx, lang, &e), 0);
    nb_report r;
    int rc = nb_report_open(&r, path, &ctx, &e);
    nb_ctx_free(&ctx);
    if (rc == 0) {
        nb_report_free(&r);
        fail_msg("%s: read without an error", path);
    }
    if (!strstr(e.msg, path) || !strstr(e.msg, what))
        fail_msg("%s: the message \"%s\" should name the file and say \"%s\"", path, e.msg, what);
}

static void refused(const char *path, const char *what)
{
    refused_in(NB_LANG_EN, path, what);
}

static void test_bad_files(void **state)
{
    (void)state;
    refused(BAD "/corrupt.docx", "damaged ZIP");
    refused(BAD "/nodoc.docx", "without word/document.xml");
    refused(BAD "/nomain.docx", "without word/document2.xml"); /* named, not guessed */
    refused(BAD "/bomb.docx", "word/document.xml inflates to over 32 MiB, more than any report's text; refused");
    refused_in(NB_LANG_ZH, BAD "/bomb.docx", "解压后超过 32 MiB，多于任何报告的正文");
    refused(BAD "/badxml.docx", "not well-formed XML (line 1");
    refused(BAD "/deep.docx", "word/document.xml is nested too deeply (elements over 256 levels inside one another)");
    refused_in(NB_LANG_ZH, BAD "/deep.docx", "word/document.xml 嵌套过深（元素层层套叠超过 256 层）");
    refused(BAD "/xxe.docx", "word/document.xml uses an external entity (&x;), which is not read");
    refused_in(NB_LANG_ZH, BAD "/xxe.docx", "word/document.xml 使用了外部实体（&x;），不予读取");
    refused(BAD "/noreport.html", "no report");
}

/* An HTML page in memory: read, or refused with a message naming it. */
static int page(nb_doc *d, const char *html, size_t n, nb_err *e)
{
    return nb_read_html(d, "page.html", (const unsigned char *)html, n, NB_LANG_EN, e);
}

static void test_odd_pages(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    assert_int_equal(page(&d, "", 0, &e), -1);
    assert_non_null(strstr(e.msg, "page.html: empty"));
    const char *script_only = "<html><head><script>var a='信息公开';</script></head><body> </body></html>";
    assert_int_equal(page(&d, script_only, strlen(script_only), &e), -1);
    assert_non_null(strstr(e.msg, "page.html: an HTML page with no text"));
    /* deep nesting, huge spans, unclosed tags: read, without a crash */
    size_t cap = 2000000, n = 0;
    char *deep = malloc(cap);
    n += (size_t)snprintf(deep, cap, "<html><body><p>政府信息公开</p>");
    for (int i = 0; i < 100000 && n + 20 < cap; i++)
        n += (size_t)snprintf(deep + n, cap - n, i % 2 ? "<div><span>" : "<table><tr><td>");
    assert_int_equal(page(&d, deep, n, &e), 0);
    nb_doc_free(&d);
    n = (size_t)snprintf(deep, cap, "<table><tr><td rowspan=65534 colspan=100000>x</td><td colspan=999>y</td></tr>"
                                    "<tr><td rowspan=0>z<td>w</table><table><tr><td>1<td rowspan=\"-3\">2</table>");
    assert_int_equal(page(&d, deep, n, &e), 0);
    assert_int_equal(d.ngrids, 2);
    assert_true(d.grids[0].nrows <= 2 && d.grids[0].ncols <= 1001);
    nb_doc_free(&d);
    free(deep);
    /* bytes that are not GB18030 in a page labelled gb2312: U+FFFD, and on */
    const char bad[] = "<html><head><meta charset=gb2312></head><body><p>\xc8\xab\xff\xfe\x81</p>"
                       "<table><tr><td>\xd0\xc5\xcf\xa2</td></tr></table></body></html>";
    assert_int_equal(page(&d, bad, sizeof bad - 1, &e), 0);
    assert_non_null(strstr(d.text, "全\xef\xbf\xbd"));
    assert_non_null(strstr(d.text, "信息"));
    nb_doc_free(&d);
}

/* A page that reads (0) or is refused with want in its message. */
static void page_says(const char *html, const char *want)
{
    nb_doc d;
    nb_err e;
    int rc = page(&d, html, strlen(html), &e);
    if (!want) {
        if (rc != 0)
            fail_msg("refused: %s", e.msg);
        nb_doc_free(&d);
        return;
    }
    assert_int_equal(rc, -1);
    if (!strstr(e.msg, want))
        fail_msg("said \"%s\", wanted \"%s\" in it", e.msg, want);
}

/* A page that only links, embeds or shows its report as images is refused
 * with what it holds; a page with the report's text is read, whatever it
 * links, and a link in the site's chrome is not the page's. */
static void test_report_elsewhere(void **state)
{
    (void)state;
    page_says("<h1>某县2023年政府信息公开工作年度报告</h1><p>附件：<a href=\"/up/2024/r.PDF\">年度报告.pdf</a></p>",
              "page.html: the page holds no report, only its attachment /up/2024/r.PDF; check that file");
    page_says("<h1>政府信息公开工作年度报告</h1><iframe src=\"/pdfjs/web/viewer.html?file=/up/r.pdf&page=1\">"
              "</iframe>",
              "only its attachment /up/r.pdf;");
    page_says("<p>政府信息公开年报</p><object data=\"a.docx\"></object><a href=\"b.wps#p2\">b</a>",
              "only 2 attachments, the first a.docx;");
    page_says("<p>政府信息公开工作年度报告</p><p><img src=\"1.png\"><img src=\"2.png\"></p>",
              "the page holds no report text, only images (2)");
    /* the report's text beside an attachment: read */
    page_says("<p>政府信息公开工作年度报告</p><h2>二、主动公开政府信息情况</h2><p>附件：<a href=\"t.xls\">表</a></p>",
              NULL);
    /* the report's text with its tables as images: read, the images counted
       (not the logo in the chrome) for the missing tables' findings */
    const char *shown = "<div id=\"header\"><img src=\"logo.png\"></div><h2>二、主动公开政府信息情况</h2>"
                        "<p><img src=\"t2.png\"></p><h2>三、收到和处理政府信息公开申请情况</h2><img src=\"t3.png\">";
    nb_doc d;
    nb_err e;
    assert_int_equal(page(&d, shown, strlen(shown), &e), 0);
    assert_int_equal(d.nimages, 2);
    nb_doc_free(&d);
    /* links in the chrome and to pages: the page is read as before */
    page_says("<div class=\"nav\"><a href=\"/guide.pdf\">指南</a><img src=\"logo.png\"></div>"
              "<p>政府信息公开工作年度报告</p><a href=\"/list.html\">列表</a>",
              NULL);
}

static void test_charset_labels(void **state)
{
    (void)state;
    char l[64];
    const char *a = "<html><head><meta charset=\"GBK\"/>";
    nb_html_charset_label((const unsigned char *)a, strlen(a), l, sizeof l);
    assert_string_equal(l, "gbk");
    const char *b = "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB2312\">";
    nb_html_charset_label((const unsigned char *)b, strlen(b), l, sizeof l);
    assert_string_equal(l, "gb2312");
    const char *c = "<?xml version=\"1.0\" encoding=\"gb18030\"?><html>";
    nb_html_charset_label((const unsigned char *)c, strlen(c), l, sizeof l);
    assert_string_equal(l, "gb18030");
    const char *none = "<html><head><meta name=\"generator\" content=\"x\"><title>t</title>";
    nb_html_charset_label((const unsigned char *)none, strlen(none), l, sizeof l);
    assert_string_equal(l, "");
    assert_string_equal(nb_html_label_encoding("gb2312"), "GB18030");
    assert_string_equal(nb_html_label_encoding("x-gbk"), "GB18030");
    assert_string_equal(nb_html_label_encoding("utf8"), "UTF-8");
    assert_null(nb_html_label_encoding("klingon"));
}

/* Decode a page; the UTF-8 must contain want, read in encoding enc. */
static void decodes(const void *b, size_t n, const char *want, const char *enc)
{
    char *u = NULL, used[NB_ENC_NAME];
    size_t un = 0;
    nb_err e;
    if (nb_html_to_utf8("p.html", b, n, &u, &un, used, NB_LANG_EN, &e) != 0)
        fail_msg("%s", e.msg);
    if (!strstr(u, want))
        fail_msg("decoded \"%s\", wanted \"%s\" in it", u, want);
    assert_int_equal(strlen(u), un);
    assert_string_equal(used, enc);
    free(u);
}

#define DECODES(lit, want, enc) decodes(lit, sizeof lit - 1, want, enc)

static void test_charset_decoding(void **state)
{
    (void)state;
    /* 〇 is in GBK, not in GB2312: a page labelled gb2312 still reads it */
    DECODES("<meta charset=gb2312><p>\xa9\x96\xd2\xbb</p>", "〇一", "GB18030");
    /* no label: the text files' detection (not UTF-8, so GB18030) */
    DECODES("<html><p>\xd0\xc5\xcf\xa2\xb9\xab\xbf\xaa</p>", "信息公开", "GB18030");
    /* labelled UTF-8, but GBK bytes: detection too */
    DECODES("<meta charset=utf-8><p>\xd0\xc5\xcf\xa2</p>", "信息", "GB18030");
    /* a BOM wins over the label */
    DECODES("\xef\xbb\xbf<meta charset=gbk><p>信息</p>", "信息", "UTF-8 (BOM)");
    static const unsigned char u16[] = {0xFF, 0xFE, '<', 0, 'p', 0, '>', 0, 0xE1, 0x4F, 0x6F, 0x60};
    decodes(u16, sizeof u16, "<p>信息", "UTF-16LE");
    /* NUL and control bytes in a UTF-8 page become spaces */
    DECODES("<meta charset=utf-8><p>a\0b\x01" "c</p>", "a b c", "UTF-8");
    /* a page saved under a stale GBK or Big5 label whose bytes are UTF-8
       throughout is read as UTF-8 ... */
    DECODES("<meta charset=gbk><p>政府信息公开工作年度报告</p>", "政府信息公开工作年度报告", "UTF-8");
    DECODES("<meta http-equiv=Content-Type content=\"text/html; charset=big5\"><p>政府信息公开工作年报</p>", "政府信息公开工作年报",
            "UTF-8");
    /* ... but a label is believed over a few characters that could be either */
    DECODES("<meta charset=gbk><p>\xe4\xbf\xa1\xe6\x81\xaf</p>", "<p>", "GB18030");
    /* another label iconv knows is named as given */
    DECODES("<meta charset=iso-8859-2><p>caf\xe9</p>", "café", "ISO-8859-2");
}

static int empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n == 0;
}

static void test_doc_converters(void **state)
{
    (void)state;
    char tmp[] = "/tmp/nianbao-test.XXXXXX";
    assert_non_null(mkdtemp(tmp));
    char *old_tmp = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
    char *old_path = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
    setenv("TMPDIR", tmp, 1);
    nb_doc d;
    nb_err e;
    tu_doc(&d, "tests/data/formats/pingtan2022.doc"); /* through wvHtml */
    assert_int_equal(d.kind, NB_KIND_DOC);
    assert_int_equal(d.ngrids, 3);
    assert_string_equal(d.path, "tests/data/formats/pingtan2022.doc");
    nb_doc_free(&d);
    assert_true(empty_dir(tmp)); /* the converter's folder is gone */
    setenv("PATH", tmp, 1);     /* neither wvHtml nor soffice to be found */
    assert_int_equal(tu_read_doc(&d, "tests/data/formats/pingtan2022.doc", &e), -1);
    assert_non_null(strstr(e.msg, "tests/data/formats/pingtan2022.doc: "));
    assert_non_null(strstr(e.msg, "install the Debian package wv"));
    assert_true(empty_dir(tmp));
    setenv("PATH", old_path, 1);
    if (old_tmp)
        setenv("TMPDIR", old_tmp, 1);
    else
        unsetenv("TMPDIR");
    free(old_tmp);
    free(old_path);
    rmdir(tmp);
    /* an encrypted Office file: no converter is tried */
    unsigned char enc[600] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    const char *name = "EncryptedPackage";
    for (size_t i = 0; name[i]; i++)
        enc[512 + 2 * i] = (unsigned char)name[i];
    assert_int_equal(nb_read_doc(&d, "secret.doc", enc, sizeof enc, NB_LANG_EN, &e), -1);
    assert_non_null(strstr(e.msg, "secret.doc: a password-protected"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_odd_pages),
        cmocka_unit_test(test_report_elsewhere),
        cmocka_unit_test(test_charset_labels),
        cmocka_unit_test(test_charset_decoding),
        cmocka_unit_test(test_doc_converters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
