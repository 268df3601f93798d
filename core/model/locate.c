/* locate.c — where a place of the decoded text is in the report as people
 * hold it: its line, display column (CJK two wide, tabs to the next stop)
 * and byte offset in the original file (UTF-8 as it is, UTF-16's units,
 * GB18030's two- and four-byte characters); the marks on long lines that
 * keep a location from walking far, and the locator that steps through
 * places in order without going back to a line's start. */
#include "model/doc.h"
#include "model/internal.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <stdint.h>
#include <stdlib.h>

size_t nb_doc_line_of(const nb_doc *d, size_t off)
{
    size_t lo = 0, hi = d->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void nb_doc_line(const nb_doc *d, size_t i, size_t *start, size_t *end)
{
    size_t s = d->lines[i];
    size_t e = i + 1 < d->nlines ? d->lines[i + 1] : d->len;
    while (e > s && (d->text[e - 1] == '\n' || d->text[e - 1] == '\r'))
        e--;
    *start = s;
    *end = e;
}

/* The file offset where line li starts. */
static size_t line_orig(const nb_doc *d, size_t li)
{
    return d->orig_lines ? d->orig_lines[li] : d->bom_len + d->lines[li];
}

/* First index of wide4 at or after text offset off. */
static size_t wide4_from(const nb_doc *d, size_t off)
{
    return nb_first_at_least(d->wide4, 0, d->nwide4, off);
}

/* The display columns of text[a, b) of UTF-8 text from column col: ASCII
 * here, the three-byte form (as nb_utf8_get reads it) here too for
 * ideographs (two columns) and the box-drawing characters of text tables
 * (U+2500 to U+257F, one), the rest by nb_cp_width. */
static size_t walk_utf8_cols(const char *t, size_t a, size_t b, size_t col)
{
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = a; i < b;) {
        unsigned ch = u[i];
        if (ch - 0x20 < 0x5F) {
            col++;
            i++;
            continue;
        }
        /* the three-byte form, its lead and continuation bytes told by one
         * test; an ideograph (U+4E00 to U+9FFF: lead E5 to E9, or E4 and a
         * second byte from B8) and a box-drawing character (E2 94, E2 95)
         * told by their first two bytes */
        uint32_t v = i + 2 < b ? nb_utf8_load3(u + i) : 0; /* the text's NUL follows b */
        if (((v & 0xC0C0FFu) - 0x8080E5u) < 5) { /* lead E5 to E9 and two continuation bytes, by one test */
            size_t at = i;
            do
                i += 3;
            while (i + 2 < b && ((nb_utf8_load3(u + i) & 0xC0C0FFu) - 0x8080E5u) < 5); /* the run after it */
            col += (i - at) / 3 * 2;
            continue;
        }
        if ((v & 0xC0C0F0u) == 0x8080E0u) {
            i += 3;
            if (ch == 0xE4 && (v & 0xFF00u) >= 0xB800u)
                col += 2;
            else if ((v & 0xFEFFu) == 0x94E2u)
                col++;
            else
                col += (size_t)nb_cp_width((ch & 0x0Fu) << 12 | (v >> 2 & 0xFC0u) | (v >> 16 & 0x3Fu));
            continue;
        }
        uint32_t cp = ch < 0x80 ? (i++, ch) : nb_utf8_get(t, b, &i);
        col = cp == '\t' ? (col / 8 + 1) * 8 : col + (size_t)nb_cp_width(cp);
    }
    return col;
}

/* walk's GB18030 and UTF-16 part: the file's bytes a character at a time. */
static void walk_wide(const nb_doc *d, size_t a, size_t b, size_t *col, size_t *orig)
{
    int utf16 = d->enc == NB_ENC_UTF16LE || d->enc == NB_ENC_UTF16BE;
    size_t w4 = utf16 ? 0 : wide4_from(d, a), c = col ? *col : 0, o = orig ? *orig : 0;
    size_t i = a;
    while (i < b) {
        unsigned char ch = (unsigned char)d->text[i];
        size_t at = i;
        uint32_t cp = ch < 0x80 ? (i++, ch) : nb_utf8_get(d->text, b, &i);
        if (col)
            c = cp == '\t' ? (c / 8 + 1) * 8 : c + (size_t)nb_cp_width(cp);
        if (utf16)
            o += cp > 0xFFFF ? 4 : 2;
        else if (cp < 0x80)
            o += i - at;
        else if (w4 < d->nwide4 && d->wide4[w4] == at)
            o += 4, w4++;
        else
            o += 2;
    }
    if (col)
        *col = c;
    if (orig)
        *orig = o;
}

/* Walk text[a, b) (code point boundaries, one line) from display column
 * *col and file offset *orig, advancing both; col or orig may be NULL.
 * Inline: UTF-8, where the file's bytes are the text's, is most walks. */
static inline void walk(const nb_doc *d, size_t a, size_t b, size_t *col, size_t *orig)
{
    if (d->enc == NB_ENC_UTF16LE || d->enc == NB_ENC_UTF16BE || d->enc == NB_ENC_GB18030) {
        walk_wide(d, a, b, col, orig);
        return;
    }
    if (col)
        *col = walk_utf8_cols(d->text, a, b, *col);
    if (orig)
        *orig += b - a;
}

#define NB_MARK_STEP 4096 /* bytes between marks on a long line */

/* Marks on every line longer than two steps, so no location walks more
 * than a step of text; 0, or -1 when out of memory. */
static int mark_long_lines(const nb_doc *d, nb_docmarks *m)
{
    size_t cap = 0;
    for (size_t li = 0; li < d->nlines; li++) {
        size_t next = li + 1 < d->nlines ? d->lines[li + 1] : d->len;
        if (next - d->lines[li] <= 2 * NB_MARK_STEP) /* short with its line end: no mark */
            continue;
        size_t s, e;
        nb_doc_line(d, li, &s, &e);
        if (e - s <= 2 * NB_MARK_STEP)
            continue;
        size_t col = 0, orig = line_orig(d, li), at = s;
        while (at + NB_MARK_STEP < e) {
            size_t to = at + NB_MARK_STEP;
            while (to < e && ((unsigned char)d->text[to] & 0xC0) == 0x80)
                to++;
            walk(d, at, to, &col, &orig);
            if (nb_grow(&m->v, &cap, m->n + 1, sizeof *m->v, 64) != 0)
                return -1;
            m->v[m->n++] = (nb_docmark){to, col, orig};
            at = to;
        }
    }
    return 0;
}

int nb_doc_marks_new(nb_doc *d)
{
    d->marks = calloc(1, sizeof *d->marks);
    return d->marks ? 0 : -1;
}

void nb_doc_marks_free(nb_doc *d)
{
    if (d->marks)
        free(d->marks->v);
    free(d->marks);
    d->marks = NULL;
}

size_t nb_doc_marks(const nb_doc *d, const nb_docmark **v)
{
    nb_docmarks *m = d->marks;
    *v = NULL;
    if (!m)
        return 0;
    if (!m->made) {
        m->made = 1;
        if (mark_long_lines(d, m) != 0) { /* none: locations walk from their line's start */
            free(m->v);
            m->v = NULL;
            m->n = 0;
        }
    }
    *v = m->v;
    return m->n;
}

const nb_docmark *nb_doc_mark_before(const nb_doc *d, size_t off)
{
    const nb_docmark *v;
    size_t lo = 0, hi = nb_doc_marks(d, &v);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? &v[lo - 1] : NULL;
}

/* Where text offset off stands on line li (which holds it). */
static nb_loc locate_on_line(const nb_doc *d, size_t li, size_t off)
{
    size_t s = d->lines[li], col = 0, orig = line_orig(d, li);
    /* near its line's start, a place is walked to (as it would be from a
       mark): a document's marks are made only when one is far in */
    const nb_docmark *m = off - s > 2 * NB_MARK_STEP ? nb_doc_mark_before(d, off) : NULL;
    if (m && m->off > s) {
        s = m->off;
        col = m->col;
        orig = m->orig;
    }
    walk(d, s, off, &col, &orig);
    return (nb_loc){li + 1, col + 1, orig};
}

nb_loc nb_doc_locate(const nb_doc *d, size_t off)
{
    if (off > d->len)
        off = d->len;
    return locate_on_line(d, nb_doc_line_of(d, off), off);
}

size_t nb_doc_orig_len(const nb_doc *d, size_t off, size_t len)
{
    if (off > d->len)
        off = d->len;
    if (off + len > d->len)
        len = d->len - off;
    if (d->enc == NB_ENC_UTF8 || d->enc == NB_ENC_UTF8_BOM) /* the file's bytes are the text's */
        return len;
    size_t orig = 0;
    walk(d, off, off + len, NULL, &orig);
    return orig;
}

void nb_locator_init(nb_locator *lc, const nb_doc *d)
{
    lc->doc = d;
    lc->off = 0;
    lc->valid = 0;
}

nb_loc nb_locate_next(nb_locator *lc, size_t off)
{
    const nb_doc *d = lc->doc;
    if (off > d->len)
        off = d->len;
    size_t next = lc->valid ? lc->loc.line : 0; /* the line after the last one located */
    if (!lc->valid || off < lc->off) {
        lc->loc = nb_doc_locate(d, off);
    } else if (next < d->nlines && d->lines[next] <= off) { /* a later line: most often one of the next few */
        size_t li = next, stop = next + 8 < d->nlines ? next + 8 : d->nlines;
        while (li + 1 < stop && d->lines[li + 1] <= off)
            li++;
        if (li + 1 == stop && stop < d->nlines && d->lines[stop] <= off)
            li = nb_doc_line_of(d, off);
        lc->loc = locate_on_line(d, li, off);
    } else { /* same line, further on: walk only the gap */
        size_t col = lc->loc.col - 1;
        walk(d, lc->off, off, &col, &lc->loc.orig);
        lc->loc.col = col + 1;
    }
    lc->off = off;
    lc->valid = 1;
    return lc->loc;
}
