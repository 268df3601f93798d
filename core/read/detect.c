/* detect.c — a file's kind from its magic bytes: ZIP (and whether it holds
 * word/document.xml), OLE2, %PDF-, the start of an HTML page; else text. */
#include "read/detect.h"
#include "read/fmt_lib.h"

#include <ctype.h>
#include <string.h>

#define SNIFF_LEN 1024 /* bytes looked at for %PDF- and HTML */

const char *nb_kind_name(nb_kind k)
{
    switch (k) {
    case NB_KIND_TEXT: return "text";
    case NB_KIND_DOCX: return "docx";
    case NB_KIND_HTML: return "html";
    case NB_KIND_PDF: return "pdf";
    case NB_KIND_DOC: return "doc";
    }
    return "?";
}

int nb_is_zip(const unsigned char *b, size_t n)
{
    return n >= 4 && b[0] == 'P' && b[1] == 'K' &&
           ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8));
}

static int is_ole2(const unsigned char *b, size_t n)
{
    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return n >= 8 && memcmp(b, magic, 8) == 0;
}

/* The package's central directory names word/document.xml; a ZIP libzip
 * cannot open (truncated, corrupt), or when libzip cannot be loaded, is
 * looked through for the name in its local headers instead (the docx
 * reader then says what is missing). */
static int zip_has_document(const unsigned char *b, size_t n)
{
    static const char name[] = "word/document.xml";
    const nb_zip_lib *Z = nb_zip_lib_loaded();
    if (!Z)
        return memmem(b, n, name, sizeof name - 1) != NULL;
    zip_error_t ze;
    Z->error_init(&ze);
    zip_source_t *src = Z->source_buffer_create(b, n, 0, &ze);
    zip_t *za = src ? Z->open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    int found = -1;
    if (za) {
        found = Z->name_locate(za, name, 0) >= 0;
        Z->discard(za);
    } else if (src) {
        Z->source_free(src);
    }
    Z->error_fini(&ze);
    if (found >= 0)
        return found;
    return memmem(b, n, name, sizeof name - 1) != NULL;
}

/* Where the text's units start in b (after a BOM), how far apart they are
 * (UTF-16 with a BOM: 2) and which byte of a unit is its low one. */
static size_t units_start(const unsigned char *b, size_t n, size_t *step, size_t *lo)
{
    *step = 1;
    *lo = 0;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        return 3;
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        *step = 2;
        *lo = b[0] == 0xFE; /* big-endian: the low byte comes second */
        return 2;
    }
    return 0;
}

/* The first max (at most SNIFF_LEN) bytes as lower-case ASCII (UTF-16 with
 * a BOM: its low bytes); other bytes become '?'. */
static size_t ascii_prefix(const unsigned char *b, size_t n, size_t max, char *out)
{
    size_t step, lo, i = units_start(b, n, &step, &lo), k = 0;
    for (; i + lo < n && k < max; i += step) {
        unsigned char c = b[i + lo];
        out[k++] = c < 0x80 ? (char)tolower(c) : '?';
    }
    out[k] = '\0';
    return k;
}

static int is_white(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

/* Whether the first of the first max units that is not white space is
 * something other than '<', or there is none (as ascii_prefix and
 * skip_white would read it: a unit's low byte; lowering changes neither
 * white space nor '<'). */
static int starts_without_markup(const unsigned char *b, size_t n, size_t max)
{
    size_t step, lo, i = units_start(b, n, &step, &lo);
    for (size_t k = 0; i + lo < n && k < max; i += step, k++)
        if (!is_white(b[i + lo]))
            return b[i + lo] != '<';
    return 1;
}

static size_t skip_white(const char *s, size_t k)
{
    size_t i = 0;
    while (i < k && is_white((unsigned char)s[i]))
        i++;
    return i;
}

/* An HTML page starts (after white space, a BOM, comments or an XML
 * declaration) with markup and shows one of the tags of a page early on. */
static int is_html(const unsigned char *b, size_t n)
{
    if (starts_without_markup(b, n, SNIFF_LEN))
        return 0; /* most texts are told by their first bytes: no need to lower the rest */
    char s[SNIFF_LEN + 1];
    size_t k = ascii_prefix(b, n, SNIFF_LEN, s), i = skip_white(s, k); /* s[i]: the '<' */
    static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<table", "<meta charset",
                                       "<meta http-equiv"};
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++)
        if (strstr(s + i, tags[t]))
            return 1;
    return 0;
}

/* %PDF- in b[0, n): looked for from the first '%' on (most texts have
 * none in their first bytes). */
static int has_pdf_mark(const unsigned char *b, size_t n)
{
    const unsigned char *pc = memchr(b, '%', n);
    return pc && memmem(pc, n - (size_t)(pc - b), "%PDF-", 5) != NULL;
}

nb_kind nb_detect(const unsigned char *b, size_t n)
{
    if (nb_is_zip(b, n))
        return zip_has_document(b, n) ? NB_KIND_DOCX : NB_KIND_TEXT;
    if (is_ole2(b, n))
        return NB_KIND_DOC;
    if (has_pdf_mark(b, n < SNIFF_LEN ? n : SNIFF_LEN))
        return NB_KIND_PDF;
    if (is_html(b, n))
        return NB_KIND_HTML;
    return NB_KIND_TEXT;
}
