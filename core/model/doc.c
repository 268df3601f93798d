/* doc.c — reading a report: size limits, encoding detection (UTF-8 with or
 * without BOM, UTF-16 with BOM or told by its units without, GB18030/GBK),
 * the line index and what the location map is made of (locations
 * themselves: locate.c). */
#include "model/doc.h"
#include "model/internal.h"
#include "model/grid.h"
#include "base/fsio.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

const char *nb_enc_name(nb_enc e)
{
    switch (e) {
    case NB_ENC_UTF8: return "UTF-8";
    case NB_ENC_UTF8_BOM: return "UTF-8 (BOM)";
    case NB_ENC_GB18030: return "GB18030";
    case NB_ENC_UTF16LE: return "UTF-16LE";
    case NB_ENC_UTF16BE: return "UTF-16BE";
    }
    return "?";
}

const char *nb_doc_enc_name(const nb_doc *d)
{
    return d->enc_name[0] ? d->enc_name : nb_enc_name(d->enc);
}


static int doc_decode(nb_doc *d, const char *path, const unsigned char *b, size_t n, unsigned char *own, nb_lang lang,
                      nb_err *err);

int nb_doc_load(nb_doc *d, const char *path, nb_lang lang, nb_err *err)
{
    unsigned char *buf = NULL;
    size_t n = 0;
    memset(d, 0, sizeof *d);
    if (nb_read_file(path, NB_MAX_FILE, NB_DOC_PAD + 1, &buf, &n, lang, err) != 0)
        return -1;
    return nb_doc_take(d, path, buf, n, lang, err);
}

int nb_doc_take(nb_doc *d, const char *path, unsigned char *buf, size_t n, nb_lang lang, nb_err *err)
{
    /* the buffer has room for the padding: UTF-8 text is taken as it is */
    return doc_decode(d, path, buf, n, buf, lang, err);
}

/* Line number (1-based) of byte offset off in raw bytes, counting \n, \r\n, \r. */
static size_t raw_line_of(const unsigned char *b, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++) {
        if (b[i] == '\n')
            line++;
        else if (b[i] == '\r' && !(i + 1 < off && b[i + 1] == '\n'))
            line++;
    }
    return line;
}

static int decode_utf16(const unsigned char *b, size_t n, int be, char **out, size_t *outlen)
{
    size_t units = n / 2;
    char *t = malloc(units * 3 + 4);
    if (!t)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < units; i++) {
        uint32_t u = be ? (uint32_t)(b[2 * i] << 8 | b[2 * i + 1]) : (uint32_t)(b[2 * i + 1] << 8 | b[2 * i]);
        uint32_t cp = u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units) {
            uint32_t v = be ? (uint32_t)(b[2 * i + 2] << 8 | b[2 * i + 3]) : (uint32_t)(b[2 * i + 3] << 8 | b[2 * i + 2]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                i++;
            } else {
                cp = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            cp = 0xFFFD;
        }
        o += nb_utf8_put(t + o, cp);
    }
    t[o] = '\0';
    *out = t;
    *outlen = o;
    return 0;
}

/* Bytes of a file without a byte-order mark looked at for UTF-16, and the
 * fewest that tell it (a few bytes with a NUL are a binary's as well). */
#define UTF16_SNIFF 4096
#define UTF16_SNIFF_MIN 64

/* Is code unit u one a report's text is made of: ASCII that is printable or
 * a line's white space, CJK ideographs, CJK and general punctuation,
 * full-width forms? */
static int report_unit(uint32_t u)
{
    return (u >= 0x20 && u < 0x7F) || u == '\t' || u == '\n' || u == '\r' || u == '\f' ||
           (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3000 && u <= 0x303F) || (u >= 0x2000 && u <= 0x206F) ||
           (u >= 0xFF00 && u <= 0xFFEF);
}

/* How many of the first units of b[0, n) (n even) read in order be are
 * report_unit's, and how many were read. */
static size_t report_units(const unsigned char *b, size_t n, int be, size_t *read)
{
    size_t k = 0, m = n < UTF16_SNIFF ? n : UTF16_SNIFF;
    for (size_t i = 0; i + 1 < m; i += 2)
        k += report_unit(be ? (uint32_t)(b[i] << 8 | b[i + 1]) : (uint32_t)(b[i + 1] << 8 | b[i]));
    *read = m / 2;
    return k;
}

/* Is b[0, n), which holds NUL bytes and has no byte-order mark, UTF-16 (in
 * order *be)? Its length even (UTF16_SNIFF_MIN at least) and nine in ten
 * of its first units (UTF16_SNIFF bytes) characters a report is written
 * in: ASCII's NUL high bytes, ideographs' two bytes, read one way round
 * and not the other. A binary file's units fall anywhere (a third in
 * those ranges), NUL units too. */
static int utf16_without_bom(const unsigned char *b, size_t n, int *be)
{
    if (n < UTF16_SNIFF_MIN || n % 2)
        return 0;
    size_t read, le_units = report_units(b, n, 0, &read), be_units = report_units(b, n, 1, &read);
    *be = be_units > le_units;
    return (*be ? be_units : le_units) * 10 >= read * 9;
}

static int decode_iconv(const char *from, const unsigned char *b, size_t n, char **out, size_t *outlen, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = n * 2 + 16;
    char *t = malloc(cap);
    if (!t) {
        iconv_close(cd);
        return -1;
    }
    char *in = (char *)b, *op = t;
    size_t inleft = n, outleft = cap - 1;
    while (inleft > 0) {
        size_t r = iconv(cd, &in, &inleft, &op, &outleft);
        if (r == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = (size_t)(op - t);
                cap *= 2;
                char *nt = realloc(t, cap);
                if (!nt) {
                    free(t);
                    iconv_close(cd);
                    return -1;
                }
                t = nt;
                op = t + used;
                outleft = cap - 1 - used;
                continue;
            }
            *bad = (size_t)((unsigned char *)in - b);
            free(t);
            iconv_close(cd);
            return 1;
        }
    }
    iconv_close(cd);
    *op = '\0';
    *out = t;
    *outlen = (size_t)(op - t);
    return 0;
}

/* Room for one more line start in *v (count cnt, capacity *cap); -1 when
 * out of memory (*v freed). */
static int line_room(uint32_t **v, size_t *cap, size_t cnt)
{
    if (nb_grow(v, cap, cnt + 1, sizeof **v, 64) == 0)
        return 0;
    free(*v);
    *v = NULL;
    return -1;
}

/* The index made no larger than its lines: a large one was grown by
 * doubling. */
static uint32_t *fit_lines(uint32_t *v, size_t cnt, size_t cap)
{
    uint32_t *f = cnt < cap ? realloc(v, cnt * sizeof *v) : NULL;
    return f ? f : v;
}

/* Index the starts of lines of a buffer whose line breaks are \n, \r\n or \r,
 * in units of `unit` bytes (1, or 2 for UTF-16 with the given byte order);
 * offsets in 32 bits (n is at most NB_MAX_TEXT). */
static uint32_t *index_lines(const unsigned char *b, size_t n, int unit, int be, size_t *count)
{
    size_t cap = 64, cnt = 0;
    uint32_t *v = malloc(cap * sizeof *v);
    if (!v || n > NB_MAX_TEXT) {
        free(v);
        return NULL;
    }
    v[cnt++] = 0;
    size_t step = (size_t)unit;
    if (unit == 1 && (!n || !memchr(b, '\r', n))) { /* the usual text: every break a \n */
        for (const unsigned char *nl = n ? memchr(b, '\n', n) : NULL; nl && (size_t)(nl - b) + 1 < n;
             nl = memchr(nl + 1, '\n', n - (size_t)(nl - b) - 1)) {
            if (line_room(&v, &cap, cnt) != 0)
                return NULL;
            v[cnt++] = (uint32_t)(nl - b + 1);
        }
        *count = cnt;
        return fit_lines(v, cnt, cap);
    }
    if (unit == 1) {
        for (size_t i = 0; i < n; i++) {
            const unsigned char *nl = memchr(b + i, '\n', n - i);
            const unsigned char *cr = memchr(b + i, '\r', (nl ? (size_t)(nl - b) : n) - i);
            size_t at = cr ? (size_t)(cr - b) : nl ? (size_t)(nl - b) : n;
            if (at >= n)
                break;
            size_t next = at + 1;
            if (b[at] == '\r' && next < n && b[next] == '\n')
                next++;
            if (next < n) {
                if (line_room(&v, &cap, cnt) != 0)
                    return NULL;
                v[cnt++] = (uint32_t)next;
            }
            i = next - 1;
        }
        *count = cnt;
        return fit_lines(v, cnt, cap);
    }
    for (size_t i = 0; i + step <= n; i += step) {
        unsigned c;
        if (unit == 1)
            c = b[i];
        else
            c = be ? (unsigned)(b[i] << 8 | b[i + 1]) : (unsigned)(b[i + 1] << 8 | b[i]);
        int brk = 0;
        if (c == '\n') {
            brk = 1;
        } else if (c == '\r') {
            unsigned nx = 0;
            if (i + 2 * step <= n)
                nx = unit == 1 ? b[i + 1] : (be ? (unsigned)(b[i + 2] << 8 | b[i + 3]) : (unsigned)(b[i + 3] << 8 | b[i + 2]));
            if (nx != '\n')
                brk = 1;
        }
        if (brk && i + step < n) {
            if (line_room(&v, &cap, cnt) != 0)
                return NULL;
            v[cnt++] = (uint32_t)(i + step);
        }
    }
    *count = cnt;
    return fit_lines(v, cnt, cap);
}

/* The text offsets of the characters GB18030 bytes b[0, n) hold in four
 * bytes, walking the bytes (1, 2 or 4 by their lead and second byte) and
 * the decoded UTF-8 text t in step. */
static int index_wide4(nb_doc *d, const unsigned char *b, size_t n)
{
    size_t cap = 0, i = 0, o = 0;
    while (i < n && o < d->len) {
        size_t step = b[i] < 0x80 ? 1 : i + 1 < n && b[i + 1] >= 0x30 && b[i + 1] <= 0x39 ? 4 : 2;
        if (step == 4) {
            if (nb_grow(&d->wide4, &cap, d->nwide4 + 1, sizeof *d->wide4, 16) != 0)
                return -1;
            d->wide4[d->nwide4++] = o;
        }
        i += step;
        nb_utf8_get(d->text, d->len, &o);
    }
    return 0;
}

/* What one pass over a decoded text finds: the C0 controls text does not
 * use (a report is text: no NUL, and few control characters other than
 * layout ones), whether it holds a NUL or a \r, and the starts of its lines
 * after each \n (its line index when no \r breaks a line). */
typedef struct text_scan {
    size_t ctl;       /* odd controls */
    int nul, cr;
    int nomem;        /* the line starts could not be kept */
    uint32_t *lines;  /* 0, then the offset after each \n short of the end */
    size_t nlines, cap;
} text_scan;

/* 1 for the C0 controls that text does not use */
static const unsigned char odd_ctl[32] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1,
                                          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1};

/* Room for a line start at off, and the start: past the room at hand. */
static void scan_line_grown(text_scan *s, size_t off)
{
    if (s->nomem)
        return;
    if (line_room(&s->lines, &s->cap, s->nlines) != 0) { /* (the starts freed) */
        s->nomem = 1;
        s->cap = s->nlines = 0;
        return;
    }
    s->lines[s->nlines++] = (uint32_t)off;
}

/* A line starts at off (a \n's next byte). */
static inline void scan_line_start(text_scan *s, size_t off)
{
    if (s->nlines < s->cap)
        s->lines[s->nlines++] = (uint32_t)off;
    else
        scan_line_grown(s, off);
}

/* Byte i of u[0, n), below 0x20. */
static void scan_control(text_scan *s, const unsigned char *u, size_t i, size_t n)
{
    unsigned c = u[i];
    s->ctl += odd_ctl[c];
    s->nul |= c == 0;
    s->cr |= c == '\r';
    if (c == '\n' && i + 1 < n)
        scan_line_start(s, i + 1);
}

#if defined(__SSE2__)
/* A block b of sixteen bytes (v: b with the top bits flipped) with bytes
 * below 0x20 where lows has bits, some not \n: its odd controls counted
 * (those less \t \n \v \f \r, 9 to 13, and ESC), a NUL or \r in it kept. */
static void scan_block_controls(text_scan *s, __m128i b, __m128i v, unsigned lows, __m128i *nul, __m128i *cr_seen)
{
    const __m128i from9 = _mm_set1_epi8((char)(9 ^ 0x80)), to13 = _mm_set1_epi8((char)(14 ^ 0x80));
    __m128i layout = _mm_andnot_si128(_mm_cmplt_epi8(v, from9), _mm_cmplt_epi8(v, to13));
    unsigned m = lows & ~(unsigned)_mm_movemask_epi8(_mm_or_si128(layout, _mm_cmpeq_epi8(b, _mm_set1_epi8(27))));
    if (m) /* rare in text */
        s->ctl += (size_t)__builtin_popcount(m);
    *nul = _mm_or_si128(*nul, _mm_cmpeq_epi8(b, _mm_setzero_si128()));
    *cr_seen = _mm_or_si128(*cr_seen, _mm_cmpeq_epi8(b, _mm_set1_epi8('\r')));
}
#endif

static void scan_text(text_scan *s, const char *t, size_t n)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t i = 0;
    *s = (text_scan){0};
    s->cap = 64;
    s->lines = n <= NB_MAX_TEXT ? malloc(s->cap * sizeof *s->lines) : NULL;
    if (s->lines) {
        s->lines[s->nlines++] = 0;
    } else {
        s->nomem = 1;
        s->cap = 0;
    }
#if defined(__SSE2__)
    /* sixteen bytes at a time: most blocks of text hold no byte below 0x20
       (top bit flipped, below 0x20 ^ 0x80 as signed bytes), and most of the
       others none but \n (scan_block_controls reads the rest) */
    const __m128i flip = _mm_set1_epi8((char)0x80), below = _mm_set1_epi8((char)(0x20 ^ 0x80)),
                  lf = _mm_set1_epi8('\n');
    __m128i nul = _mm_setzero_si128(), cr_seen = _mm_setzero_si128();
    for (; i + 16 <= n; i += 16) {
        __m128i b = _mm_loadu_si128((const void *)(u + i)), v = _mm_xor_si128(b, flip);
        unsigned lows = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, below));
        if (!lows)
            continue;
        unsigned nl = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, lf));
        if (lows != nl) /* a byte below 0x20 other than \n: the rest told only then */
            scan_block_controls(s, b, v, lows, &nul, &cr_seen);
        for (; nl; nl &= nl - 1) {
            size_t at = i + (size_t)__builtin_ctz(nl);
            if (at + 1 < n)
                scan_line_start(s, at + 1);
        }
    }
    s->nul = _mm_movemask_epi8(nul) != 0;
    s->cr = _mm_movemask_epi8(cr_seen) != 0;
#endif
    for (; i < n; i++)
        if (u[i] < 32)
            scan_control(s, u, i, n);
}

/* The text is binary: a NUL, or over 5% of odd controls. */
static int scan_binary(const text_scan *s, size_t n)
{
    return s->nul || (n > 0 && s->ctl * 20 > n);
}

int nb_doc_from_bytes(nb_doc *d, const char *path, const unsigned char *b, size_t n, nb_lang lang, nb_err *err)
{
    return doc_decode(d, path, b, n, NULL, lang, err);
}

/* own, when not NULL, is b itself, malloc'd with NB_DOC_PAD bytes to spare:
 * UTF-8 text is kept in it (moved over a BOM) instead of copied; it is freed
 * on every other way out. */
/* The text's lines (those the scan found when every break is a \n, which
 * the document takes), and the maps back to the file's bytes p[0, pn)
 * (after a BOM of bom bytes; units of 1, or 2 for UTF-16 of byte order be). */
static int index_doc(nb_doc *d, const char *path, text_scan *sc, const unsigned char *p, size_t pn, size_t bom,
                     int unit, int be)
{
    d->path = strdup(path);
    if (sc->cr) { /* \r\n or \r breaks too */
        free(sc->lines);
        d->lines = index_lines((const unsigned char *)d->text, d->len, 1, 0, &d->nlines);
    } else {
        d->lines = sc->nomem ? NULL : fit_lines(sc->lines, sc->nlines, sc->cap);
        d->nlines = sc->nlines;
    }
    sc->lines = NULL;
    if (!d->path || !d->lines)
        return -1;
    if (d->enc == NB_ENC_GB18030 || unit == 2) {
        size_t cnt = 0;
        d->orig_lines = index_lines(p, pn, unit, be, &cnt);
        if (!d->orig_lines)
            return -1;
        for (size_t i = 0; i < cnt; i++)
            d->orig_lines[i] += (uint32_t)bom;
        if (cnt != d->nlines) { /* cannot happen: line breaks map one to one */
            free(d->orig_lines);
            d->orig_lines = NULL;
        }
    }
    if (d->enc == NB_ENC_GB18030 && index_wide4(d, p, pn) != 0)
        return -1;
    return nb_doc_marks_new(d);
}

/* Fail with an error whose message may still read the bytes: free them after. */
#define NB_FAIL(call)                                                                                                  \
    do {                                                                                                           \
        int rc_ = (call);                                                                                          \
        free(own);                                                                                                 \
        return rc_;                                                                                                \
    } while (0)

static int doc_decode(nb_doc *d, const char *path, const unsigned char *b, size_t n, unsigned char *own, nb_lang lang,
                      nb_err *err)
{
    memset(d, 0, sizeof *d);
    d->file_size = n;
    if (n > NB_MAX_FILE)
        NB_FAIL(nb_err_set(err, NB_E_TOOBIG,
                          nb_tr(lang, "%s: over the 64 MiB limit for a report", "%s：超过报告文件 64 MiB 的上限"), path));
    size_t bom = 0;
    int utf16 = 0, be = 0;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        bom = 3;
        d->enc = NB_ENC_UTF8_BOM;
    } else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        bom = 2;
        utf16 = 1;
        d->enc = NB_ENC_UTF16LE;
    } else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        bom = 2;
        utf16 = 1;
        be = 1;
        d->enc = NB_ENC_UTF16BE;
    }
    if (n == bom)
        NB_FAIL(nb_err_set(err, NB_E_EMPTY, nb_tr(lang, "%s: empty file", "%s：文件为空"), path));
    const unsigned char *p = b + bom;
    size_t pn = n - bom;
    if (!bom && memchr(p, 0, pn) && utf16_without_bom(p, pn, &be)) {
        utf16 = 1;
        d->enc = be ? NB_ENC_UTF16BE : NB_ENC_UTF16LE;
    }
    char *t = NULL;
    size_t tl = 0;
    if (utf16) {
        if (pn % 2)
            NB_FAIL(nb_err_set(err, NB_E_ENCODING,
                              nb_tr(lang, "%s: UTF-16 text with an odd number of bytes (truncated?)",
                                    "%s：UTF-16 文本字节数为奇数（文件被截断？）"), path));
        if (decode_utf16(p, pn, be, &t, &tl) != 0)
            NB_FAIL(nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path));
    } else {
        if (memchr(p, 0, pn))
            NB_FAIL(nb_err_set(err, NB_E_BINARY,
                              nb_tr(lang, "%s: binary file (NUL bytes), not a report in text",
                                    "%s：二进制文件（含 NUL 字节），不是文本报告"), path));
        const uint8_t *bad = nb_utf8_invalid(p, pn);
        if (!bad) {
            if (!bom)
                d->enc = NB_ENC_UTF8;
            if (own) { /* keep the file's buffer: no copy */
                if (bom)
                    memmove(own, own + bom, pn);
                t = (char *)own;
                own = NULL;
            } else {
                t = malloc(pn + NB_DOC_PAD);
                if (!t)
                    NB_FAIL(nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path));
                memcpy(t, p, pn);
            }
            tl = pn;
        } else if (bom) {
            size_t off = (size_t)(bad - p) + bom;
            NB_FAIL(nb_err_set(err, NB_E_ENCODING,
                              nb_tr(lang, "%s:%zu: invalid UTF-8 after a UTF-8 byte-order mark (byte %zu)",
                                    "%s:%zu：文件以 UTF-8 标记开头，但含无效的 UTF-8 字节（第 %zu 字节）"),
                              path, raw_line_of(b, off), off));
        } else {
            size_t badoff = 0;
            int r = decode_iconv("GB18030", p, pn, &t, &tl, &badoff);
            if (r < 0)
                NB_FAIL(nb_err_set(err, NB_E_NOMEM, "%s: cannot convert from GB18030", path));
            if (r > 0) /* where GB18030 failed, not where UTF-8 did */
                NB_FAIL(nb_err_set(err, NB_E_ENCODING,
                                  nb_tr(lang, "%s:%zu: neither UTF-8 nor GB18030 text (invalid byte at offset %zu)",
                                        "%s:%zu：既不是 UTF-8 也不是 GB18030 文本（第 %zu 字节无效）"),
                                  path, raw_line_of(p, badoff), badoff));
            d->enc = NB_ENC_GB18030;
        }
    }
    /* zeroed slack after the text: PCRE2's JIT reads ahead in 16-byte blocks
     * (UTF-8 text was given the room already) */
    if (d->enc == NB_ENC_GB18030 || utf16) {
        char *padded = realloc(t, tl + NB_DOC_PAD);
        if (!padded) {
            free(t);
            NB_FAIL(nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path));
        }
        t = padded;
    }
    memset(t + tl, 0, NB_DOC_PAD);
    text_scan sc;
    scan_text(&sc, t, tl);
    if (scan_binary(&sc, tl)) {
        free(sc.lines);
        free(t);
        NB_FAIL(nb_err_set(err, NB_E_BINARY,
                          nb_tr(lang, "%s: binary file (control bytes), not a report in text",
                                "%s：二进制文件（控制字节过多），不是文本报告"), path));
    }
    d->text = t;
    d->len = tl;
    d->bom_len = bom;
    if (index_doc(d, path, &sc, p, pn, bom, utf16 ? 2 : 1, be) != 0) {
        nb_doc_free(d);
        NB_FAIL(nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path));
    }
    free(own); /* the file's bytes, when they were decoded into a copy */
    return 0;
}

#undef NB_FAIL

void nb_doc_free(nb_doc *d)
{
    if (!d)
        return;
    free(d->path);
    free(d->text);
    free(d->lines);
    free(d->orig_lines);
    for (int i = 0; i < d->ngrids; i++) {
        free(d->grids[i].cells);
        free(d->grids[i].at);
    }
    free(d->grids);
    free(d->line_page);
    nb_doc_marks_free(d);
    free(d->wide4);
    memset(d, 0, sizeof *d);
}

int nb_doc_index_lines(nb_doc *d)
{
    free(d->lines);
    nb_doc_marks_free(d);
    d->lines = index_lines((const unsigned char *)d->text, d->len, 1, 0, &d->nlines);
    return d->lines && nb_doc_marks_new(d) == 0 ? 0 : -1;
}
