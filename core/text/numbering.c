/* numbering.c — the numbering markers of sections, groups and items
 * (一、 （三） (3) 1. 1、 1．): one parser reads a marker, in UTF-8 text or in
 * a label's folded code points, and describes it; each reader's rule is a
 * policy on that description. */
#include "text/numbering.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <string.h>

/* The text a marker is read from: UTF-8 s[i, end), or folded code points
 * c[i, end); f is the code point at i, folded (0 at the end), j where the
 * one after it starts. */
typedef struct source {
    const char *s;
    const uint32_t *c;
    size_t i, end;
    uint32_t f;
    size_t j;
} source;

static inline void look(source *src)
{
    src->j = src->i;
    if (src->i >= src->end)
        src->f = 0;
    else if (src->s)
        src->f = nb_fold(nb_utf8_get(src->s, src->end, &src->j));
    else
        src->f = src->c[src->j++];
}

static inline void step(source *src)
{
    src->i = src->j;
    look(src);
}

/* The code point at i as written (0 at the end). */
static inline uint32_t as_written(const source *src)
{
    size_t j = src->i;
    if (src->i >= src->end)
        return 0;
    return src->s ? nb_utf8_get(src->s, src->end, &j) : src->c[src->i];
}

/* 0…9 (folded) are Arabic numerals, 一…十 Chinese ones (〇 and 零 are
 * not); *v is the numeral's value. */
static inline nb_mark_kind numeral(uint32_t f, int *v)
{
    if (f >= '0' && f <= '9') {
        *v = (int)(f - '0');
        return NB_MARK_ARABIC;
    }
    if (f < 0x4E00 || f > 0x56DB) /* 一 U+4E00 … 四 U+56DB hold every one */
        return NB_MARK_NONE;
    *v = nb_cn_digit(f);
    return *v > 0 ? NB_MARK_CN : NB_MARK_NONE;
}

/* A bracket or a numeral: where a marker may start. */
static inline int may_start(uint32_t f)
{
    int v;
    return f == '(' || numeral(f, &v) != NB_MARK_NONE;
}

/* The value of a run of numerals, as nb_parse_cn_number reads them. */
typedef struct tally {
    long section, number;
    int digits, units, count;
} tally;

static void tally_add(tally *t, nb_mark_kind k, int v)
{
    if (++t->count > 9)
        return;
    if (k == NB_MARK_ARABIC) {
        t->number = t->number * 10 + v;
    } else if (v == 10) { /* 十 */
        t->section += (t->number ? t->number : 1) * 10;
        t->number = 0;
        t->units = 1;
        return;
    } else {
        t->number = t->digits && !t->units ? t->number * 10 + v : v;
    }
    t->digits++;
}

/* Read numerals from src->i on; sets m's numerals and value and returns
 * the kind of numerals read (NONE when there are none). */
static inline nb_mark_kind read_numerals(source *src, nb_marker *m)
{
    tally t = {0, 0, 0, 0, 0};
    int cn = 0, arabic = 0, v;
    nb_mark_kind k;
    while ((k = numeral(src->f, &v)) != NB_MARK_NONE) {
        if (k == NB_MARK_CN)
            cn++;
        else
            arabic++;
        tally_add(&t, k, v);
        step(src);
    }
    m->numerals = cn + arabic;
    m->value = t.count > 9 ? -1 : t.section + t.number;
    if (!m->numerals)
        return NB_MARK_NONE;
    return !arabic ? NB_MARK_CN : !cn ? NB_MARK_ARABIC : NB_MARK_MIXED;
}

/* The one parser: a bracket and numerals in it, or numerals; then the code
 * point ending the marker (term) and the one after it (next). */
static inline nb_mark_kind parse(source *src, nb_marker *m)
{
    size_t start = src->i;
    memset(m, 0, sizeof *m);
    look(src);
    if (!may_start(src->f))
        return NB_MARK_NONE; /* most text: no marker starts here */
    if (src->f == '(') {
        step(src);
        if (read_numerals(src, m) == NB_MARK_NONE)
            return NB_MARK_NONE;
        m->kind = NB_MARK_PAREN;
    } else if ((m->kind = read_numerals(src, m)) == NB_MARK_NONE) {
        return NB_MARK_NONE;
    }
    if (src->i < src->end) {
        m->term = src->f;
        src->i = src->j;
        m->next = as_written(src);
    }
    m->len = src->i - start;
    return m->kind;
}

nb_mark_kind nb_marker_read(const char *s, size_t end, size_t i, nb_marker *m)
{
    source src = {s, NULL, i, end, 0, 0};
    return parse(&src, m);
}

nb_mark_kind nb_marker_read_cp(const uint32_t *c, int n, nb_marker *m)
{
    source src = {NULL, c, 0, n > 0 ? (size_t)n : 0, 0, 0};
    return parse(&src, m);
}

/* "18.5": a number, not numbering */
static int is_decimal(const nb_marker *m)
{
    return m->term == '.' && m->next >= '0' && m->next <= '9';
}

static int closed_bracket(const nb_marker *m)
{
    return m->kind == NB_MARK_PAREN && m->term == ')';
}

int nb_marker_is_heading(const nb_marker *m)
{
    return m->kind == NB_MARK_CN && m->numerals <= 3 && (m->term == 0x3001 || m->term == '.' || m->term == ',');
}

int nb_marker_is_caption(const nb_marker *m)
{
    return m->kind == NB_MARK_CN && m->term == ':';
}

int nb_marker_is_label(const nb_marker *m)
{
    uint32_t p = m->term;
    if (closed_bracket(m) || nb_marker_is_heading(m))
        return 1;
    return m->kind == NB_MARK_ARABIC && m->numerals <= 2 &&
           (p == '.' || p == 0x3001 || p == ',' || p == ')' || p == 0x3002) && !is_decimal(m);
}

int nb_marker_is_item(const nb_marker *m)
{
    if (closed_bracket(m))
        return 1;
    if (m->kind == NB_MARK_NONE || m->kind == NB_MARK_PAREN || m->numerals > 3)
        return 0;
    return m->term == 0x3001 || (m->kind == NB_MARK_ARABIC && m->term == '.' && !is_decimal(m));
}

int nb_marker_ending_at(const char *s, size_t lo, size_t p, int reach, int (*accept)(const nb_marker *),
                        nb_marker *m, size_t *start)
{
    /* where the term and up to reach code points before it start */
    size_t at[16];
    int n = 0;
    for (size_t o = p; o > lo && n <= reach && n < 16; n++) {
        size_t b = o - 1;
        while (b > lo && ((unsigned char)s[b] & 0xC0) == 0x80)
            b--;
        at[n] = o = b;
    }
    for (int k = n - 1; k >= 1; k--)
        if (nb_marker_read(s, p, at[k], m) && m->len == p - at[k] && accept(m)) {
            *start = at[k];
            return 1;
        }
    return 0;
}

int nb_numbering_strip(uint32_t *c, int n, int *had)
{
    int i = 0, any = 0;
    nb_marker m;
    while (i < n && may_start(c[i]) && nb_marker_read_cp(c + i, n - i, &m) && nb_marker_is_label(&m)) {
        i += (int)m.len;
        any = 1;
    }
    *had = any;
    return i;
}

size_t nb_numbering_len(const char *s, size_t end, size_t i)
{
    nb_marker m;
    if (i < end && nb_marker_read(s, end, i, &m) && nb_marker_is_item(&m))
        return m.len;
    return 0;
}
