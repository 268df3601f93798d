/* writer.h — the one writer of every export: bytes to a FILE or into a
 * growing buffer (a report's JSON is built in memory and written once), and
 * the one way text from outside (reports, review files, names, reasons) is
 * written: always valid UTF-8 (a byte that is not UTF-8 as \xNN), and on a
 * terminal with its control characters and bidi overrides shown escaped
 * (\x1b, \u202e); a JSON string, a CSV field (a formula-like field
 * defused) and a Markdown table cell are escaped here. A failure (out of
 * memory, a write error) is remembered and told by nb_writer_end. */
#ifndef NB_WRITER_H
#define NB_WRITER_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct nb_writer {
    FILE *f;        /* write here; NULL: into b */
    char *b;
    size_t n, cap;
    int failed;     /* out of memory */
    int term;       /* f is a terminal: text's control characters escaped */
} nb_writer;

/* A writer to a FILE (escaping for a terminal when f is one), or (f NULL)
 * into memory. */
nb_writer nb_writer_to(FILE *f);
/* The same, its text escaped as for a terminal when term is set (a
 * stream in memory that will be written to one). */
nb_writer nb_writer_as(FILE *f, int term);
/* For a writer into memory, write what it holds to f and free it. 0, or -1
 * when something failed (also for a writer to a FILE: its error flag). */
int nb_writer_end(nb_writer *w, FILE *f);

/* The bytes s[0, n): into the buffer's room at once (a writer to a FILE
 * has no buffer), else (a FILE, a buffer to grow) by nb_put_slow. */
void nb_put_slow(nb_writer *w, const char *s, size_t n);
static inline void nb_put(nb_writer *w, const char *s, size_t n)
{
    if (w->b && w->n + n <= w->cap) {
        memcpy(w->b + w->n, s, n);
        w->n += n;
        return;
    }
    nb_put_slow(w, s, n);
}
/* Where n bytes may be written at once at the end of a writer into memory
 * with room for them (nb_put_end tells where they end), or NULL: a writer
 * to a FILE, or one whose buffer would have to grow (nothing is grown
 * here). */
static inline char *nb_put_room(nb_writer *w, size_t n)
{
    return w->b && w->cap - w->n >= n ? w->b + w->n : NULL;
}
/* The bytes written at nb_put_room's place, to p, taken as written. */
static inline void nb_put_end(nb_writer *w, const char *p)
{
    w->n = (size_t)(p - w->b);
}
static inline void nb_puts(nb_writer *w, const char *s)
{
    nb_put(w, s, strlen(s));
}
void nb_put_uint(nb_writer *w, size_t v);
/* v in decimal, with its sign. */
void nb_put_int(nb_writer *w, long long v);
/* The two digits of each number under 100, "00" to "99". */
extern const char nb_digit_pairs[200];
/* nb_uint_at of a number of five digits or more. */
char *nb_uint_at_long(char *p, size_t v);
/* v in decimal at p (room for 20 bytes); the end of what it wrote. Inline:
 * lines, columns and lengths, four digits at most, are most numbers a
 * report's JSON holds. */
static inline char *nb_uint_at(char *p, size_t v)
{
    if (v < 10) {
        *p = (char)('0' + v);
        return p + 1;
    }
    if (v < 100) {
        memcpy(p, nb_digit_pairs + 2 * v, 2);
        return p + 2;
    }
    if (v >= 10000)
        return nb_uint_at_long(p, v);
    size_t hi = v / 100;
    if (hi < 10)
        *p++ = (char)('0' + hi);
    else {
        memcpy(p, nb_digit_pairs + 2 * hi, 2);
        p += 2;
    }
    memcpy(p, nb_digit_pairs + 2 * (v - hi * 100), 2);
    return p + 2;
}
/* printf into the writer, whatever the length. */
void nb_putf(nb_writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text from outside, s (n bytes): bytes that are not UTF-8 as \xNN; on a
 * terminal also C0 controls and DEL as \xNN, C1 controls and the bidi
 * overrides as \uNNNN. */
void nb_put_text(nb_writer *w, const char *s, size_t n);
void nb_put_text_cstr(nb_writer *w, const char *s);
/* A printf-made piece of a line, written as text (nb_put_text): on a
 * terminal a line end in it is escaped too. */
void nb_put_textf(nb_writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* s (n bytes) as a JSON string literal, with its quotes: control
 * characters, C1 controls, bidi overrides and line separators as \uNNNN,
 * a byte that is not UTF-8 as the six characters \\xNN. */
void nb_put_json(nb_writer *w, const char *s, size_t n);
void nb_put_json_cstr(nb_writer *w, const char *s);
#if defined(__SSE2__)
/* Which of the 16 bytes v are printable ASCII (0x20 to 0x7E): 0xFF each. */
static inline __m128i nb_print16(__m128i v)
{
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
}
/* Which of the 16 bytes at s text holds as they are wherever it is
 * written (printable ASCII): a bit for each, the first lowest. */
static inline unsigned nb_text_plain16(const char *s)
{
    return (unsigned)_mm_movemask_epi8(nb_print16(_mm_loadu_si128((const __m128i *)(const void *)s)));
}
/* Which of the 16 bytes at s a JSON string holds as they are (printable
 * ASCII, neither '"' nor '\\'): a bit for each, the first lowest. */
static inline unsigned nb_json_plain16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i esc = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(esc, nb_print16(v)));
}
#endif
/* Whether a JSON string holds s[0, n) as it is (printable ASCII, neither
 * '"' nor '\\'); avail: the bytes that may be read at s (at least n; more
 * lets sixteen be told at once). */
int nb_json_plain(const char *s, size_t n, size_t avail);
/* The same without the quotes: a piece of a string literal. Pieces that
 * each end on a whole character are escaped as their joined text is. */
void nb_put_json_part(nb_writer *w, const char *s, size_t n);
/* s as a CSV field: quoted when it holds , " or a line end; a field that
 * a spreadsheet would run as a formula (it starts with = + - @, a tab or
 * a CR and is not a number) gets a ' before it. */
void nb_put_csv(nb_writer *w, const char *s, size_t n);
/* s as a Markdown table cell: " s |", with | escaped and line ends as <br>. */
void nb_put_md_cell(nb_writer *w, const char *s);

#endif
