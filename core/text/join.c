/* join.c — joining the lines of prose that continue a sentence, keeping the
 * map back to the original text (one entry per run copied). */
#include "text/join.h"
#include "base/utf8.h"
#include "base/vec.h"
#include "text/numbering.h"

#include <stdlib.h>
#include <string.h>

void nb_joined_free(nb_joined *j)
{
    free(j->buf);
    free(j->seg);
    free(j->orig);
    memset(j, 0, sizeof *j);
}

size_t nb_joined_orig(const nb_joined *j, size_t off)
{
    size_t lo = 0, hi = j->nseg;
    while (hi - lo > 1) { /* the last segment starting at or before off */
        size_t mid = lo + (hi - lo) / 2;
        if (j->seg[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return j->nseg ? j->orig[lo] + (off - j->seg[lo]) : off;
}

size_t nb_joined_at(const nb_joined *j, size_t orig)
{
    if (!j->nseg)
        return orig < j->n ? orig : j->n;
    size_t lo = 0, hi = j->nseg;
    while (hi - lo > 1) { /* the last segment starting in the original at or before orig */
        size_t mid = lo + (hi - lo) / 2;
        if (j->orig[mid] <= orig)
            lo = mid;
        else
            hi = mid;
    }
    size_t end = lo + 1 < j->nseg ? j->seg[lo + 1] : j->n; /* its end in t */
    if (orig < j->orig[lo]) /* before the first segment */
        return 0;
    if (orig - j->orig[lo] < end - j->seg[lo])
        return j->seg[lo] + (orig - j->orig[lo]);
    return end; /* in the bytes left out after it: the next segment's start */
}

/* The last code point before off on a line starting at ls (spaces skipped), or 0. */
static uint32_t last_char(const char *t, size_t ls, size_t off)
{
    while (off > ls && (t[off - 1] == ' ' || t[off - 1] == '\t' || t[off - 1] == '\r'))
        off--;
    if (off == ls)
        return 0;
    size_t s = off - 1;
    while (s > ls && (((unsigned char)t[s]) & 0xC0) == 0x80)
        s--;
    return nb_fold(nb_utf8_get(t, off, &s));
}

static int has_cjk(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b;)
        if (nb_is_cjk(nb_utf8_get(t, b, &i)))
            return 1;
    return 0;
}

/* Is the byte a table's: a digit, a space, . , % - (or NUL, which ends
 * the set in the text of the rule: strchr finds it)? */
static int is_figure(char c)
{
    return (c >= '0' && c <= '9') || c == ' ' || c == '\t' || c == '\r' || c == '.' || c == ',' || c == '%' ||
           c == '-' || c == '\0';
}

/* Only digits, spaces and . , % - : a line of a table. */
static int only_figures(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!is_figure(t[i]))
            return 0;
    return 1;
}

/* Does a line ending with the (folded) character c end its sentence? */
static int ends_sentence(uint32_t c)
{
    switch (c) {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case '!': case '?': case ';': case ':': case 0x2026:
        return 1;
    default:
        return 0;
    }
}

/* May the line [a, b) run on into the line [c, d)? */
static int continues(const char *t, size_t a, size_t b, size_t c, size_t d)
{
    uint32_t last = last_char(t, a, b);
    if (!last || ends_sentence(last))
        return 0;
    size_t fa = nb_skip_spaces(t, a, b), fc = nb_skip_spaces(t, c, d);
    if (fc >= d || !has_cjk(t, a, b) || only_figures(t, fc, d) || only_figures(t, fa, b))
        return 0;
    if (strchr("#|*-", t[fc]) || t[fa] == '|' || t[fa] == '#')
        return 0;
    if (nb_numbering_len(t, d, fc)) /* a numbered line starts */
        return 0;
    if (nb_numbering_len(t, b, fa) && !nb_find(t + a, b - a, "。", 3)) /* a numbered heading ends */
        return 0;
    return 1;
}

/* Zero bytes past the text: the JIT-compiled patterns read up to 64 bytes
 * beyond their subject's end, as the document's text allows (model/doc.c). */
#define JOIN_PAD 64

/* The run text[from, to) onto the joined copy, made at the first join (the
 * joined text is the original up to there). */
static int add_segment(nb_joined *j, size_t from, size_t to, const char *text, size_t n)
{
    size_t len = to - from, cap = j->cap;
    if (!j->buf && !(j->buf = malloc(n + JOIN_PAD)))
        return -1;
    if (nb_grow(&j->seg, &j->cap, j->nseg + 1, sizeof *j->seg, 64) != 0)
        return -1;
    if (j->cap != cap) { /* the map back grows with the segments' */
        uint32_t *o = realloc(j->orig, j->cap * sizeof *o);
        if (!o)
            return -1;
        j->orig = o;
    }
    j->seg[j->nseg] = (uint32_t)j->n;
    j->orig[j->nseg++] = (uint32_t)from;
    memcpy(j->buf + j->n, text + from, len);
    j->n += len;
    memset(j->buf + j->n, 0, JOIN_PAD); /* the end and the zero bytes after it (n + JOIN_PAD room: j->n <= n) */
    return 0;
}

/* The start of the first line from ns on that starts at `from` or after
 * (n when none does), *nl becoming its end (NULL when it has none; as it
 * is when that line is ns's): the lines before it touch the tables and are
 * left as they are, so their ends are not looked for one by one. */
static size_t next_line_from(const char *text, size_t n, size_t ns, size_t from, const char **nl)
{
    if (ns >= from || ns >= n)
        return ns;
    const char *p = from <= n ? memchr(text + from - 1, '\n', n - (from - 1)) : NULL;
    if (!p) {
        *nl = NULL;
        return n;
    }
    size_t ls = (size_t)(p - text) + 1;
    *nl = ls < n ? memchr(text + ls, '\n', n - ls) : NULL;
    return ls;
}

int nb_join_lines(const char *text, size_t n, size_t skip_from, size_t skip_to, nb_joined *out)
{
    memset(out, 0, sizeof *out);
    if (n > UINT32_MAX)
        return -1;
    size_t start = 0, ls = 0; /* the run being copied; the current line */
    const char *nl = n ? memchr(text, '\n', n) : NULL; /* the current line's end */
    while (ls < n) {
        size_t le = nl ? (size_t)(nl - text) : n;
        if (!nl)
            break;
        size_t ns = le + 1;
        const char *nl2 = memchr(text + ns, '\n', n - ns); /* the next line's end, the current's next time */
        size_t ne = nl2 ? (size_t)(nl2 - text) : n;
        nl = nl2;
        if (skip_to > skip_from && ls < skip_to && ne >= skip_from) { /* in the tables, as are the lines on */
            ls = next_line_from(text, n, ns, skip_to, &nl);
            continue;
        }
        if (continues(text, ls, le, ns, ne)) {
            size_t keep = le;
            while (keep > ls && (text[keep - 1] == ' ' || text[keep - 1] == '\t' || text[keep - 1] == '\r'))
                keep--;
            if (add_segment(out, start, keep, text, n) != 0) {
                nb_joined_free(out);
                return -1;
            }
            start = nb_skip_spaces(text, ns, ne);
        }
        ls = ns;
    }
    if (!out->buf) { /* no line joined: the text as it is, one segment */
        out->t = text;
        out->n = n;
        return 0;
    }
    if (add_segment(out, start, n, text, n) != 0) {
        nb_joined_free(out);
        return -1;
    }
    out->t = out->buf;
    return 0;
}
