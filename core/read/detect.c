/* detect.c — a file's kind from its magic bytes: ZIP (and whether it holds
 * word/document.xml), OLE2, %PDF-, the start of an HTML page; else text. */
#include "read/detect.h"

#include <ctype.h>
#include <string.h>
#include <zip.h>

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

static int is_zip(const unsigned char *b, size_t n)
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
 * cannot open (truncated, corrupt) is looked through for the name in its
 * local headers instead. */
static int zip_has_document(const unsigned char *b, size_t n)
{
    static const char name[] = "word/document.xml";
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(b, n, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    int found = -1;
    if (za) {
        found = zip_name_locate(za, name, 0) >= 0;
        zip_discard(za);
    } else if (src) {
        zip_source_free(src);
    }
    zip_error_fini(&ze);
    if (found >= 0)
        return found;
    return memmem(b, n, name, sizeof name - 1) != NULL;
}

/* The first max (at most SNIFF_LEN) bytes as lower-case ASCII (UTF-16 with
 * a BOM: its low bytes); other bytes become '?'. */
static size_t ascii_prefix(const unsigned char *b, size_t n, size_t max, char *out)
{
    size_t i = 0, step = 1, k = 0, lo = 0;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        i = 3;
    } else if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        i = 2;
        step = 2;
        lo = b[0] == 0xFE; /* big-endian: the low byte comes second */
    }
    for (; i + lo < n && k < max; i += step) {
        unsigned char c = b[i + lo];
        out[k++] = c < 0x80 ? (char)tolower(c) : '?';
    }
    out[k] = '\0';
    return k;
}

static size_t skip_white(const char *s, size_t k)
{
    size_t i = 0;
    while (i < k && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == '\f'))
        i++;
    return i;
}

/* An HTML page starts (after white space, a BOM, comments or an XML
 * declaration) with markup and shows one of the tags of a page early on. */
static int is_html(const unsigned char *b, size_t n)
{
    char s[SNIFF_LEN + 1];
    size_t k = ascii_prefix(b, n, 64, s), i = skip_white(s, k);
    if (i < k && s[i] != '<')
        return 0; /* most texts are told by their first bytes: no need to lower the rest */
    k = ascii_prefix(b, n, SNIFF_LEN, s);
    i = skip_white(s, k);
    if (i >= k || s[i] != '<')
        return 0;
    static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<table", "<meta charset",
                                       "<meta http-equiv"};
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++)
        if (strstr(s + i, tags[t]))
            return 1;
    return 0;
}

nb_kind nb_detect(const unsigned char *b, size_t n, int *zip)
{
    if (zip)
        *zip = is_zip(b, n);
    if (is_zip(b, n))
        return zip_has_document(b, n) ? NB_KIND_DOCX : NB_KIND_TEXT;
    if (is_ole2(b, n))
        return NB_KIND_DOC;
    if (memmem(b, n < SNIFF_LEN ? n : SNIFF_LEN, "%PDF-", 5))
        return NB_KIND_PDF;
    if (is_html(b, n))
        return NB_KIND_HTML;
    return NB_KIND_TEXT;
}
