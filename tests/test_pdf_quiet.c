/* test_pdf_quiet.c — poppler's own messages stay off the terminal: a PDF
 * whose embedded font is damaged (poppler's font engine prints "some font
 * thing failed" by itself), one with unknown operators in its page (poppler
 * logs syntax errors through GLib, shown on the terminal when
 * G_MESSAGES_DEBUG asks) and a cut one are read with stdout and stderr
 * captured here: nothing reaches them; a refusal says poppler's first
 * message; stderr is stderr again after the read. */
#include "testutil.h"
#include "read/pdf.h"

#include <unistd.h>

#define FORMATS "../shared/corpus/formats/"

typedef struct pdf_case {
    const unsigned char *b;
    size_t n;
    int rc;
    nb_err e;
} pdf_case;

/* Read c's PDF with fd 1 and 2 pointed at a file; what reached them. */
static char *read_captured(pdf_case *c)
{
    FILE *cap = tmpfile();
    assert_non_null(cap);
    fflush(stdout);
    fflush(stderr);
    int o1 = dup(1), o2 = dup(2);
    assert_true(o1 >= 0 && o2 >= 0);
    dup2(fileno(cap), 1);
    dup2(fileno(cap), 2);
    nb_doc d;
    c->rc = nb_read_pdf(&d, "t.pdf", c->b, c->n, NB_LANG_EN, &c->e);
    if (c->rc == 0)
        nb_doc_free(&d);
    fputs("after\n", stderr); /* stderr is the captured one again */
    fflush(stdout);
    fflush(stderr);
    dup2(o1, 1);
    dup2(o2, 2);
    close(o1);
    close(o2);
    static char out[8192];
    rewind(cap);
    size_t k = fread(out, 1, sizeof out - 1, cap);
    out[k] = '\0';
    fclose(cap);
    return out;
}

/* 002.pdf with the first bytes of each embedded font program scrambled. */
static unsigned char *damaged_fonts(size_t *n)
{
    unsigned char *b = (unsigned char *)tu_read(FORMATS "002.pdf", n);
    assert_non_null(b);
    int fonts = 0;
    for (size_t i = 0; i + 9 < *n; i++) {
        if (memcmp(b + i, "/Length1 ", 9))
            continue;
        const unsigned char *s = memmem(b + i, *n - i, "stream\n", 7);
        size_t at = s ? (size_t)(s - b) + 7 + 200 : *n;
        for (size_t k = at; k < at + 1000 && k < *n; k++)
            b[k] ^= 0x5a;
        fonts++;
    }
    assert_true(fonts > 0);
    return b;
}

static void test_damaged_font(void **state)
{
    (void)state;
    pdf_case c = {0};
    unsigned char *b = damaged_fonts(&c.n);
    c.b = b;
    const char *out = read_captured(&c);
    assert_string_equal(out, "after\n");
    free(b);
}

static void test_syntax_errors_logged(void **state)
{
    (void)state;
    static const char content[] = "BT /F1 12 Tf 72 720 Td (Hello) Tj ET foo bar baz";
    char pdf[2048];
    size_t off[6], k = (size_t)sprintf(pdf, "%%PDF-1.4\n");
    static const char *const obj[] = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        NULL, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    for (int i = 0; i < 5; i++) {
        off[i] = k;
        if (obj[i])
            k += (size_t)sprintf(pdf + k, "%d 0 obj\n%s\nendobj\n", i + 1, obj[i]);
        else
            k += (size_t)sprintf(pdf + k, "%d 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", i + 1,
                                 strlen(content), content);
    }
    size_t xref = k;
    k += (size_t)sprintf(pdf + k, "xref\n0 6\n0000000000 65535 f \n");
    for (int i = 0; i < 5; i++)
        k += (size_t)sprintf(pdf + k, "%010zu 00000 n \n", off[i]);
    k += (size_t)sprintf(pdf + k, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
    setenv("G_MESSAGES_DEBUG", "all", 1); /* GLib would show poppler's INFO messages */
    pdf_case c = {(const unsigned char *)pdf, k, 0, {0}};
    const char *out = read_captured(&c);
    unsetenv("G_MESSAGES_DEBUG");
    assert_string_equal(out, "after\n");
    assert_int_equal(c.rc, 0); /* Hello is text enough to read */
}

static void test_refusal_says_what_poppler_said(void **state)
{
    (void)state;
    size_t n;
    unsigned char *b = (unsigned char *)tu_read(FORMATS "002.pdf", &n);
    assert_non_null(b);
    pdf_case c = {b, 3000, 0, {0}};
    const char *out = read_captured(&c);
    assert_string_equal(out, "after\n");
    assert_int_equal(c.rc, -1);
    if (!strstr(c.e.msg, "t.pdf: a damaged PDF") || !strstr(c.e.msg, "(poppler: ") ||
        !strstr(c.e.msg, "trailer"))
        fail_msg("message: %s", c.e.msg);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_damaged_font),
        cmocka_unit_test(test_syntax_errors_logged),
        cmocka_unit_test(test_refusal_says_what_poppler_said),
    };
    return TU_RUN("pdf quiet", tests, NULL, NULL, NULL);
}
