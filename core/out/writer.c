/* writer.c — bytes to a FILE or a growing buffer; text from outside made
 * valid UTF-8 and, on a terminal, harmless; the escapes of JSON strings,
 * CSV fields and Markdown table cells. */
#include "out/writer.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

nb_writer nb_writer_to(FILE *f)
{
    return nb_writer_as(f, f && isatty(fileno(f)));
}

nb_writer nb_writer_as(FILE *f, int term)
{
    nb_writer w = {f, NULL, 0, 0, 0, term};
    return w;
}

int nb_writer_end(nb_writer *w, FILE *f)
{
    int rc = w->failed ? -1 : 0;
    if (!w->f) {
        if (!w->failed && w->n)
            fwrite(w->b, 1, w->n, f);
        free(w->b);
        w->b = NULL;
        w->n = w->cap = 0;
    }
    return rc || ferror(f) ? -1 : 0;
}

void nb_put_slow(nb_writer *w, const char *s, size_t n)
{
    if (!n)
        return;
    if (w->f) {
        fwrite(s, 1, n, w->f);
        return;
    }
    if (w->failed)
        return;
    if (nb_grow(&w->b, &w->cap, w->n + n, 1, 16384) != 0) {
        w->failed = 1;
        return;
    }
    memcpy(w->b + w->n, s, n);
    w->n += n;
}

const char nb_digit_pairs[200] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                  "8081828384858687888990919293949596979899";

char *nb_uint_at_long(char *p, size_t v)
{
    int n = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5; /* its digits: it is written from its end */
    for (size_t x = v / 100000; x; x /= 10)
        n++;
    char *e = p + n, *q = e;
    for (; v >= 100; v /= 100) { /* two digits a step */
        q -= 2;
        memcpy(q, nb_digit_pairs + 2 * (v % 100), 2);
    }
    if (v >= 10) {
        q -= 2;
        memcpy(q, nb_digit_pairs + 2 * v, 2);
    } else {
        *--q = (char)('0' + v);
    }
    return e;
}

void nb_put_uint(nb_writer *w, size_t v)
{
    char b[24];
    nb_put(w, b, (size_t)(nb_uint_at(b, v) - b));
}

/* fmt and its arguments, formatted whole: into b when it fits, else into
 * a malloc'd string (*heap, freed by the caller). The length, or -1. */
static int vformat(char *b, size_t cap, char **heap, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(b, cap, fmt, ap);
    *heap = NULL;
    if (n >= 0 && (size_t)n >= cap && (*heap = malloc((size_t)n + 1)))
        vsnprintf(*heap, (size_t)n + 1, fmt, again);
    va_end(again);
    return n >= 0 && (size_t)n >= cap && !*heap ? -1 : n;
}

/* Does fmt use only %s, %d, %ld, %zu and %% (no flags, widths or
 * precisions)? Those are written without vsnprintf. */
static int simple_format(const char *fmt)
{
    for (const char *p = fmt; *p;) {
        if (*p++ != '%') /* a format is short: read byte by byte */
            continue;
        if (*p == 'l' || *p == 'z')
            p++;
        if (p[-1] == 'z' ? *p != 'u' : p[-1] == 'l' ? *p != 'd' : (*p != 's' && *p != 'd' && *p != '%'))
            return 0;
        p++;
    }
    return 1;
}

/* A signed number in decimal. */
static void put_int(nb_writer *w, long long v)
{
    if (v < 0) {
        nb_put(w, "-", 1);
        nb_put_uint(w, (size_t)(-(v + 1)) + 1);
    } else {
        nb_put_uint(w, (size_t)v);
    }
}

void nb_put_int(nb_writer *w, long long v)
{
    put_int(w, v);
}

/* fmt of simple_format and its arguments, piece by piece. */
static void put_simple(nb_writer *w, const char *fmt, va_list ap)
{
    for (const char *p = fmt;;) {
        const char *q = p;
        while (*q && *q != '%')
            q++;
        nb_put(w, p, (size_t)(q - p));
        if (!*q)
            return;
        q++;
        if (*q == 's') {
            const char *s = va_arg(ap, const char *);
            nb_puts(w, s ? s : "(null)"); /* as glibc's printf writes it */
        }
        else if (*q == 'd')
            put_int(w, va_arg(ap, int));
        else if (*q == '%')
            nb_put(w, "%", 1);
        else if (*q++ == 'l')
            put_int(w, va_arg(ap, long));
        else
            nb_put_uint(w, va_arg(ap, size_t));
        p = q + 1;
    }
}

/* fmt and its arguments, written as bytes or as text. */
static void put_formatted(nb_writer *w, int as_text, const char *fmt, va_list ap)
{
    if (!as_text && simple_format(fmt)) {
        put_simple(w, fmt, ap);
        return;
    }
    char b[1024], *heap;
    int n = vformat(b, sizeof b, &heap, fmt, ap);
    if (n < 0)
        w->failed = 1;
    else if (as_text)
        nb_put_text(w, heap ? heap : b, (size_t)n);
    else
        nb_put(w, heap ? heap : b, (size_t)n);
    free(heap);
}

void nb_putf(nb_writer *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_formatted(w, 0, fmt, ap);
    va_end(ap);
}

void nb_put_textf(nb_writer *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_formatted(w, 1, fmt, ap);
    va_end(ap);
}

/* One escape: "\\x" or "\\u" and hex digits of v (2 or 4). */
static void put_escape(nb_writer *w, const char *prefix, unsigned v, int digits)
{
    char e[12];
    int k = snprintf(e, sizeof e, "%s%0*x", prefix, digits, v);
    nb_put(w, e, (size_t)k);
}

/* The code point of the sequence of len bytes at s. */
static uint32_t decode(const char *s, size_t len)
{
    size_t i = 0;
    return nb_utf8_get(s, len, &i);
}

/* Whether the 8 bytes at s are all printable ASCII (0x20 to 0x7E) and,
 * with json, none is '"' or '\\': every byte told at once. */
static inline int plain8(const char *s, int json)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t v;
    memcpy(&v, s, 8);
    uint64_t bad = (v | ((v - 0x20 * ones) & ~v) | ((v ^ 0x7F * ones) - ones)) & highs;
    if (json) {
        uint64_t q = v ^ 0x22 * ones, bs = v ^ 0x5C * ones;
        bad |= ((q - ones) & ~q & highs) | ((bs - ones) & ~bs & highs);
    }
    return !bad;
}

/* Whether s[0, n) starts with a three-byte character that is strict
 * UTF-8 whatever its continuation bytes and never to be escaped: lead
 * E1, E3–EC, EE or EF (E0 has overlong forms, ED surrogates, E2 the bidi
 * controls and line separators) and two continuation bytes. Every
 * ideograph and CJK punctuation mark is one. */
static inline int plain3(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    return n >= 3 && c >= 0xE1 && c <= 0xEF && c != 0xE2 && c != 0xED && (s[1] & 0xC0) == 0x80 &&
           (s[2] & 0xC0) == 0x80;
}

/* How many bytes from s (left of them) are plain ASCII to pass over at
 * once (printable and, with json, neither '"' nor '\\'): those of the 16
 * at s from the first where SSE2 has them, else 8 when all of them are,
 * else 0 (the byte is told alone). */
static inline size_t plain_ascii(const char *s, size_t left, int json)
{
#if defined(__SSE2__)
    if (left >= 16)
        return (size_t)__builtin_ctz(~(json ? nb_json_plain16(s) : nb_text_plain16(s)) & 0x1FFFFu); /* bit 16: past them */
#endif
    return left >= 8 && plain8(s, json) ? 8 : 0;
}

void nb_put_text(nb_writer *w, const char *s, size_t n)
{
    /* s[run, i) is written as it stands, whole: off a terminal only what is
       not UTF-8 is escaped, so a prefix found valid at once stands so */
    size_t i = w->term ? 0 : nb_utf8_valid_prefix((const unsigned char *)s, n), run = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 && plain3((const unsigned char *)s + i, n - i)) { /* non-ASCII: no ASCII run tried */
            i += 3;
            continue;
        }
        size_t k = c < 0x80 ? plain_ascii(s + i, n - i, 0) : 0; /* the plain ASCII from here */
        if (k) {
            i += k;
            continue;
        }
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        size_t len = nb_utf8_seq((const unsigned char *)s + i, n - i);
        uint32_t cp = len ? decode(s + i, len) : 0;
        if (len && !(w->term && nb_cp_unsafe(cp))) {
            i += len;
            continue;
        }
        nb_put(w, s + run, i - run);
        if (!len || cp < 0x80)
            put_escape(w, "\\x", c, 2); /* not UTF-8, or a C0 control or DEL on a terminal */
        else
            put_escape(w, "\\u", cp, 4);
        i += len ? len : 1;
        run = i;
    }
    nb_put(w, s + run, i - run);
}

void nb_put_text_cstr(nb_writer *w, const char *s)
{
    nb_put_text(w, s, strlen(s));
}

/* The JSON escape of one ASCII character that needs one. */
static void json_ascii(nb_writer *w, unsigned char c)
{
    switch (c) {
    case '"': nb_put(w, "\\\"", 2); break;
    case '\\': nb_put(w, "\\\\", 2); break;
    case '\n': nb_put(w, "\\n", 2); break;
    case '\r': nb_put(w, "\\r", 2); break;
    case '\t': nb_put(w, "\\t", 2); break;
    default: put_escape(w, "\\u", c, 4);
    }
}

int nb_json_plain(const char *s, size_t n, size_t avail)
{
    size_t k = 0;
#if defined(__SSE2__)
    for (; k < n && avail - k >= 16; k += 16) { /* sixteen at once, the last of them maybe past n */
        unsigned want = n - k >= 16 ? 0xFFFFu : (1u << (n - k)) - 1;
        if ((nb_json_plain16(s + k) & want) != want)
            return 0;
    }
#else
    (void)avail;
#endif
    const unsigned char *u = (const unsigned char *)s;
    while (k < n && u[k] - 0x20u < 0x5Fu && u[k] != '"' && u[k] != '\\')
        k++;
    return k >= n;
}

void nb_put_json_part(nb_writer *w, const char *s, size_t n)
{
    size_t i = 0, run = 0; /* s[run, i) is written as it stands, whole */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 && plain3((const unsigned char *)s + i, n - i)) { /* non-ASCII: no ASCII run tried */
            i += 3;
            continue;
        }
        size_t k = c < 0x80 ? plain_ascii(s + i, n - i, 1) : 0; /* a run of ASCII to keep as it is */
        if (k) {
            i += k;
            continue;
        }
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c < 0x80) {
            nb_put(w, s + run, i - run);
            json_ascii(w, c);
            run = ++i;
            continue;
        }
        size_t len = nb_utf8_seq((const unsigned char *)s + i, n - i);
        uint32_t cp = len ? decode(s + i, len) : 0;
        if (len && !nb_cp_unsafe(cp) && cp != 0x2028 && cp != 0x2029) {
            i += len;
            continue;
        }
        nb_put(w, s + run, i - run);
        if (!len)
            put_escape(w, "\\\\x", c, 2); /* a byte that is not UTF-8: the text \xNN */
        else
            put_escape(w, "\\u", cp, 4);
        i += len ? len : 1;
        run = i;
    }
    nb_put(w, s + run, i - run);
}

void nb_put_json(nb_writer *w, const char *s, size_t n)
{
    nb_put(w, "\"", 1);
    nb_put_json_part(w, s, n);
    nb_put(w, "\"", 1);
}

void nb_put_json_cstr(nb_writer *w, const char *s)
{
    nb_put_json(w, s, strlen(s));
}

/* A number as a spreadsheet reads one: a sign, digits, a point. */
static int csv_number(const char *s, size_t n)
{
    size_t i = n && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    int digits = 0, point = 0;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] == '.' && !point)
            point = 1;
        else
            return 0;
    }
    return digits > 0;
}

/* A field a spreadsheet would take for a formula. */
static int csv_formula(const char *s, size_t n)
{
    return n && strchr("=+-@\t\r", s[0]) && !csv_number(s, n);
}

void nb_put_csv(nb_writer *w, const char *s, size_t n)
{
    int formula = csv_formula(s, n);
    if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) && !memchr(s, '\r', n)) {
        if (formula)
            nb_put(w, "'", 1);
        nb_put_text(w, s, n);
        return;
    }
    nb_put(w, formula ? "\"'" : "\"", formula ? 2 : 1);
    size_t i = 0;
    while (i < n) {
        const char *q = memchr(s + i, '"', n - i);
        size_t end = q ? (size_t)(q - s) + 1 : n;
        nb_put_text(w, s + i, end - i);
        if (q)
            nb_put(w, "\"", 1); /* a quote doubled */
        i = end;
    }
    nb_put(w, "\"", 1);
}

void nb_put_md_cell(nb_writer *w, const char *s)
{
    nb_put(w, " ", 1);
    while (*s) {
        size_t run = strcspn(s, "|\n\r");
        nb_put_text(w, s, run);
        s += run;
        if (*s == '|')
            nb_put(w, "\\|", 2);
        else if (*s == '\n')
            nb_put(w, "<br>", 4);
        if (*s)
            s++;
    }
    nb_put(w, " |", 2);
}
