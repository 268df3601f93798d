/* htmlenc.c — the encoding of an HTML page (BOM, declared label, else the
 * text files' detection) and its decoding to clean UTF-8. */
#include "read/htmlenc.h"
#include "base/utf8.h"
#include "model/doc.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PRESCAN 8192

/* Case-insensitive search for an ASCII needle in b[0, n). */
static const unsigned char *find_ci(const unsigned char *b, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (tolower(b[i]) == needle[0] && strncasecmp((const char *)b + i, needle, k) == 0)
            return b + i;
    return NULL;
}

/* The value of attribute `name` in the tag b[0, n) (quoted or not), copied
 * lower case into out; 0 when the tag has none. */
static int attr_value(const unsigned char *b, size_t n, const char *name, char *out, size_t cap)
{
    size_t k = strlen(name);
    for (size_t i = 1; i + k < n; i++) {
        if (!isspace(b[i - 1]) || strncasecmp((const char *)b + i, name, k) != 0)
            continue;
        size_t j = i + k;
        while (j < n && isspace(b[j]))
            j++;
        if (j >= n || b[j] != '=')
            continue;
        j++;
        while (j < n && isspace(b[j]))
            j++;
        unsigned char q = j < n && (b[j] == '"' || b[j] == '\'') ? b[j++] : 0;
        size_t o = 0;
        while (j < n && (q ? b[j] != q : !isspace(b[j]) && !strchr("/>;\"'", b[j])) && o + 1 < cap)
            out[o++] = (char)tolower(b[j++]);
        out[o] = '\0';
        return 1;
    }
    return 0;
}

/* The label after "charset=" in a content attribute, up to ; or space. */
static void label_from_content(const char *content, char *label, size_t cap)
{
    const char *p = strstr(content, "charset");
    if (!p)
        return;
    p += 7;
    while (*p == ' ')
        p++;
    if (*p++ != '=')
        return;
    while (*p == ' ' || *p == '"' || *p == '\'')
        p++;
    size_t o = 0;
    while (*p && *p != ';' && *p != ' ' && *p != '"' && *p != '\'' && o + 1 < cap)
        label[o++] = *p++;
    label[o] = '\0';
}

void nb_html_charset_label(const unsigned char *b, size_t n, char *label, size_t cap)
{
    label[0] = '\0';
    if (n > PRESCAN)
        n = PRESCAN;
    char v[128];
    if (n > 5 && strncmp((const char *)b, "<?xml", 5) == 0) {
        const unsigned char *e = memchr(b, '>', n);
        if (e && attr_value(b, (size_t)(e - b), "encoding", label, cap))
            return;
    }
    const unsigned char *p = b, *end = b + n;
    while ((p = find_ci(p, (size_t)(end - p), "<meta")) != NULL) {
        const unsigned char *e = memchr(p, '>', (size_t)(end - p));
        size_t len = e ? (size_t)(e - p) : (size_t)(end - p);
        if (attr_value(p, len, "charset", label, cap))
            return;
        if (attr_value(p, len, "content", v, sizeof v)) {
            label_from_content(v, label, cap);
            if (label[0])
                return;
        }
        p += 5;
    }
}

const char *nb_html_label_encoding(const char *label)
{
    static const struct {
        const char *label, *enc;
    } map[] = {
        {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
        /* the WHATWG treats a UTF-16 label in a page's bytes as UTF-8 */
        {"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"},
        {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"gb18030", "GB18030"}, {"x-gbk", "GB18030"},
        {"cp936", "GB18030"}, {"ms936", "GB18030"}, {"windows-936", "GB18030"}, {"csgb2312", "GB18030"},
        {"csgbk", "GB18030"}, {"iso-ir-58", "GB18030"}, {"chinese", "GB18030"}, {"gb_2312-80", "GB18030"},
        {"gb_2312", "GB18030"}, {"euc-cn", "GB18030"}, {"x-euc-cn", "GB18030"}, {"hz-gb-2312", "GB18030"},
        {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
        {"csbig5", "BIG5-HKSCS"}, {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
        {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(label, map[i].label) == 0)
            return map[i].enc;
    return NULL;
}

/* Strict UTF-8: the length of the valid sequence at s[i], or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (!k || i + k > n || (k == 2 && c < 0xC2) || c > 0xF4)
        return 0;
    uint32_t cp = k == 1 ? c : k == 2 ? c & 0x1F : k == 3 ? c & 0x0F : c & 0x07;
    for (size_t j = 1; j < k; j++) {
        if ((s[i + j] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i + j] & 0x3Fu);
    }
    if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return k;
}

/* A byte a page's text does not carry: NUL and the C0 controls but tab and
 * line ends, and DEL. */
static int odd_byte(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

/* Are the eight bytes at s ASCII (and, with clean, none under 0x20)? */
static int ascii8(const unsigned char *s, int clean)
{
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t high = w & 0x8080808080808080ull, low = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
    return !high && (!clean || !low);
}

/* The length of the run at the start of s[0, n) that is valid UTF-8 (and,
 * with clean, has no odd bytes): eight ASCII bytes at a time where it can. */
static size_t good_run(const unsigned char *s, size_t n, int clean)
{
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n && ascii8(s + i, clean)) {
            i += 8;
            continue;
        }
        if (s[i] < 0x80) {
            if (clean && odd_byte(s[i]))
                return i;
            i++;
            continue;
        }
        size_t k = utf8_seq(s, n, i);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

static int valid_utf8(const unsigned char *b, size_t n)
{
    return good_run(b, n, 0) == n;
}

/* Bytes of another encoding are practically never UTF-8 throughout once
 * they hold this many characters beyond ASCII. */
#define UTF8_SURE_CHARS 8

/* Is b UTF-8 beyond doubt: valid throughout, with UTF8_SURE_CHARS
 * characters beyond ASCII? A page saved with a stale label (its server
 * said UTF-8 and the browser showed it so) is read as what it is. */
static int surely_utf8(const unsigned char *b, size_t n)
{
    size_t wide = 0;
    for (size_t i = 0; i < n && wide < UTF8_SURE_CHARS; i++)
        wide += (b[i] & 0xC0) == 0xC0;
    return wide >= UTF8_SURE_CHARS && valid_utf8(b, n);
}

/* The encoding's name as the export gives it, in used[NB_ENC_NAME]. */
static void name_used(char *used, const char *enc)
{
    size_t i = 0;
    for (; enc[i] && i + 1 < NB_ENC_NAME; i++)
        used[i] = (char)toupper((unsigned char)enc[i]);
    used[i] = '\0';
}

/* Copy s as valid UTF-8 without NUL or control bytes (they become spaces;
 * tab and line ends stay); invalid sequences become U+FFFD. */
static char *clean_utf8(const unsigned char *s, size_t n, size_t *outn)
{
    char *o = malloc(n * 3 + 1), *p = o;
    if (!o)
        return NULL;
    size_t i = 0;
    while (i < n) {
        size_t k = good_run(s + i, n - i, 1);
        memcpy(p, s + i, k);
        p += k;
        i += k;
        if (i >= n)
            break;
        if (odd_byte(s[i]))
            *p++ = ' ';
        else
            p += nb_utf8_put(p, 0xFFFD);
        i++;
    }
    *p = '\0';
    *outn = (size_t)(p - o);
    return o;
}

/* Decode b from `from` with iconv; a byte it cannot decode becomes U+FFFD. */
static char *iconv_lenient(const char *from, const unsigned char *b, size_t n, size_t *outn)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 4 + 16;
    char *o = malloc(cap);
    char *in = (char *)b, *op = o;
    size_t inleft = n, outleft = cap - 1;
    while (o && inleft > 0) {
        if (iconv(cd, &in, &inleft, &op, &outleft) != (size_t)-1)
            break;
        if (errno == E2BIG || outleft < 4)
            break; /* cannot happen: four bytes out per byte in */
        op += nb_utf8_put(op, 0xFFFD);
        outleft -= 3;
        in++;
        inleft--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    if (!o)
        return NULL;
    *op = '\0';
    *outn = (size_t)(op - o);
    return o;
}

static int no_memory(const char *path, nb_lang lang, nb_err *err)
{
    return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
}

/* A page without a label it can use: the text files' detection. */
static int detect_like_text(const char *path, const unsigned char *b, size_t n, char **out, size_t *outn,
                            char *used, nb_lang lang, nb_err *err)
{
    nb_doc d;
    if (nb_doc_from_bytes(&d, path, b, n, lang, err) != 0)
        return -1;
    name_used(used, nb_enc_name(d.enc));
    *out = clean_utf8((const unsigned char *)d.text, d.len, outn);
    nb_doc_free(&d);
    return *out ? 0 : no_memory(path, lang, err);
}

/* b[skip, n) from enc to clean UTF-8. */
static int decode(const char *path, const char *enc, const unsigned char *b, size_t n, size_t skip, char **out,
                  size_t *outn, nb_lang lang, nb_err *err)
{
    if (strcmp(enc, "UTF-8") == 0) {
        *out = clean_utf8(b + skip, n - skip, outn);
        return *out ? 0 : no_memory(path, lang, err);
    }
    size_t dn = 0;
    char *dec = iconv_lenient(enc, b + skip, n - skip, &dn);
    if (!dec)
        return no_memory(path, lang, err);
    *out = clean_utf8((const unsigned char *)dec, dn, outn);
    free(dec);
    return *out ? 0 : no_memory(path, lang, err);
}

int nb_html_to_utf8(const char *path, const unsigned char *b, size_t n, char **out, size_t *outn, char *used,
                    nb_lang lang, nb_err *err)
{
    *out = NULL;
    *outn = 0;
    used[0] = '\0';
    if (n == 0)
        return nb_err_set(err, NB_E_EMPTY, nb_tr(lang, "%s: empty file", "%s：文件为空"), path);
    const char *enc = NULL;
    char label[64]; /* enc may be it: it lives as long as enc */
    size_t skip = 0;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        enc = "UTF-8";
        skip = 3;
    } else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        enc = "UTF-16LE";
        skip = 2;
    } else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        enc = "UTF-16BE";
        skip = 2;
    } else {
        nb_html_charset_label(b, n, label, sizeof label);
        enc = label[0] ? nb_html_label_encoding(label) : NULL;
        if (!enc && label[0]) { /* another label iconv knows is taken as it is */
            iconv_t cd = iconv_open("UTF-8", label);
            if (cd != (iconv_t)-1) {
                iconv_close(cd);
                enc = label;
            }
        }
        /* a page labelled UTF-8 that is not goes through detection; one
           labelled otherwise that is surely UTF-8 is read as UTF-8 */
        if (enc && strcmp(enc, "UTF-8") == 0 && !valid_utf8(b, n))
            enc = NULL;
        else if (enc && strcmp(enc, "UTF-8") != 0 && surely_utf8(b, n))
            enc = "UTF-8";
        if (!enc)
            return detect_like_text(path, b, n, out, outn, used, lang, err);
    }
    name_used(used, skip == 3 ? nb_enc_name(NB_ENC_UTF8_BOM) : enc);
    return decode(path, enc, b, n, skip, out, outn, lang, err);
}
