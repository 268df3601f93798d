/* tokens.c — the token stream every tokenizer writes: text, value, empty
 * cell and line-end tokens in a growing vector, and value tokens that tell
 * run-together digits ("8855698", "13575394432.52") from single numbers. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "base/vec.h"
#include "text/label.h"
#include "text/num.h"
#include "text/numerals.h"

#include <stdlib.h>
#include <string.h>

/* Token tv->v[tv->n], appended where there is room for it. */
static tok *put_token(tokv *tv, int kind, size_t off, size_t len, int lkind)
{
    tok *t = &tv->v[tv->n++];
    *t = (tok){.off = (uint32_t)off, .len = (uint32_t)len, .kind = (unsigned char)kind,
               .lkind = (unsigned char)lkind, .field = NO_FIELD, .nfields = NO_FIELD, .exact_row = -1};
    return t;
}

/* A token appended once the vector has grown (NULL out of memory). Out of
 * line, so that the common case, room already there, saves no registers
 * for the call to realloc. */
__attribute__((noinline)) static tok *emit_growing(tokv *tv, int kind, size_t off, size_t len, int lkind)
{
    if (nb_grow(&tv->v, &tv->cap, tv->n + 1, sizeof *tv->v, 256) != 0) {
        tv->oom = 1;
        return NULL;
    }
    return put_token(tv, kind, off, len, lkind);
}

void ex_tokv_free(tokv *tv)
{
    free(tv->v);
    free(tv->norm);
    free(tv->pool);
    free(tv->texts);
}

tok *ex_emit(tokv *tv, int kind, size_t off, size_t len, int lkind)
{
    if (tv->n >= EX_MAX_TOKENS) {
        tv->full = 1;
        return NULL;
    }
    if (tv->n >= tv->cap)
        return emit_growing(tv, kind, off, len, lkind);
    return put_token(tv, kind, off, len, lkind);
}

int ex_is_unit_cp(uint32_t c)
{
    return c == 0x4EF6 || c == 0x4E2A || c == 0x6761 || c == 0x9879 || c == 0x5143 || c == 0x6B21 || c == '%' ||
           c == 0x5BB6 || c == 0x4EFD;
}

/* Byte classes: a printable ASCII byte other than the space, and the lead
 * byte of an ideograph (U+4000–U+9FFF: E4–E9), start no white space. */
static int no_space_at(unsigned char c)
{
    return (c > 0x20 && c < 0x7F) || (c >= 0xE4 && c <= 0xE9);
}

/* Does t[s, b) end in an ideograph of three bytes (s <= b - 3)? */
static int ends_in_ideograph(const unsigned char *u, size_t s, size_t b)
{
    return b >= s + 3 && u[b - 3] >= 0xE4 && u[b - 3] <= 0xE9 && (u[b - 2] & 0xC0) == 0x80 && (u[b - 1] & 0xC0) == 0x80;
}

/* What a byte says of white space at it: 0 none starts there (most bytes),
 * 1 ASCII white space or U+00A0's lead C2 (maybe white space), 2 the lead
 * of a three-byte space's (E2, E3, EF: the next two bytes tell), 3 a lead
 * that starts white space only in an overlong form, no UTF-8 (C0 A0, E0 80
 * A0 …: nb_utf8_get reads a space there all the same). */
static const unsigned char space_byte[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 00–1F */
    1, [0xC2] = 1, [0xE2] = 2, [0xE3] = 2, [0xEF] = 2, /* the space, and the leads */
    [0xC0] = 3, [0xC1] = 3, [0xE0] = 3, [0xF0] = 3,
};

/* The eight bytes at u, the first lowest where the machine is little-endian
 * (a comparison with eight equal bytes does not care). */
static uint64_t load8(const unsigned char *u)
{
    uint64_t v;
    memcpy(&v, u, 8);
    return v;
}

#define SPACES8 0x2020202020202020u /* eight ASCII spaces */

/* White space trimmed off both ends of t[*a, *b): ASCII blanks a byte at a
 * time (spaces eight at a time: a padded cell has many), then whole
 * characters. Out of line, so that ex_trim's quick test saves no
 * registers. */
__attribute__((noinline)) static void trim_ends(const char *t, size_t *pa, size_t *pb)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t a = *pa, b = *pb;
    while (b - a >= 8 && load8(u + a) == SPACES8)
        a += 8;
    while (a < b && (u[a] == ' ' || u[a] == '\t'))
        a++;
    while (b - a >= 8 && load8(u + b - 8) == SPACES8)
        b -= 8;
    while (b > a && (u[b - 1] == ' ' || u[b - 1] == '\t'))
        b--;
    while (a < b && space_byte[u[a]]) { /* a byte where no white space starts ends it undecoded */
        size_t i = a;
        uint32_t c = nb_utf8_get(t, b, &i);
        if (!nb_is_space(c))
            break;
        a = i;
    }
    while (b > a) {
        size_t s = b - 1;
        while (s > a && (u[s] & 0xC0) == 0x80)
            s--;
        if (!space_byte[u[s]])
            break;
        size_t i = s;
        uint32_t c = nb_utf8_get(t, b, &i);
        if (!nb_is_space(c))
            break;
        b = s;
    }
    *pa = a;
    *pb = b;
}

void ex_trim(const char *t, size_t *a, size_t *b)
{
    const unsigned char *u = (const unsigned char *)t;
    if (*a >= *b)
        return; /* an empty cell (a tab row has many) */
    if (no_space_at(u[*a]) && (no_space_at(u[*b - 1]) || ends_in_ideograph(u, *a, *b)))
        return; /* the most common case: nothing to trim at either end */
    trim_ends(t, a, b);
}

int ex_blank(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    if (a < b && no_space_at(u[a]))
        return 0; /* the most common line: no white space at its start */
    while (a < b && (u[a] == ' ' || u[a] == '\t'))
        a++;
    while (a < b && space_byte[u[a]]) {
        size_t i = a;
        if (!nb_is_space(nb_utf8_get(t, b, &i)))
            return 0;
        a = i;
    }
    return a >= b;
}

/* Where the digit after the zero-width characters from t[s] on (the first
 * ends at j) stands, when a digit of the word (from a) stands before them:
 * then they are no white space, they split no number (2\u200b17); else 0. */
static size_t digits_joined(const char *t, size_t a, size_t s, size_t j, size_t b)
{
    if (s == a || t[s - 1] < '0' || t[s - 1] > '9')
        return 0;
    for (;;) {
        if (j >= b)
            return 0;
        if (t[j] >= '0' && t[j] <= '9')
            return j;
        size_t k = j;
        if (!nb_is_zero_width(nb_utf8_get(t, b, &k)))
            return 0;
        j = k;
    }
}

/* Where the word that starts at a, its first character ending at i, ends
 * in t[., b): at the first white space, or b (a zero-width space between
 * digits is none). Bytes that start no white space (most: ASCII
 * other than blanks, ideographs' leads, continuation bytes) are passed four
 * at a time; at another byte the character there is read (a continuation
 * byte is never one's start, so each byte left is a character's start). */
static size_t word_end(const char *t, size_t a, size_t i, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    for (;;) {
        while (i + 4 <= b && !(space_byte[u[i]] | space_byte[u[i + 1]] | space_byte[u[i + 2]] | space_byte[u[i + 3]]))
            i += 4;
        while (i < b && !space_byte[u[i]])
            i++;
        if (i >= b)
            return b;
        size_t j = i, d;
        uint32_t c = nb_utf8_get(t, b, &j);
        if (nb_is_zero_width(c) && (d = digits_joined(t, a, i, j, b)) != 0)
            j = d;
        else if (nb_is_space(c))
            return i;
        i = j;
    }
}

int ex_next_word(const char *t, size_t b, size_t *i, size_t *s, size_t *e)
{
    const unsigned char *u = (const unsigned char *)t;
    while (*i < b) {
        if (u[*i] == ' ' || (u[*i] >= '\t' && u[*i] <= '\r')) {
            ++*i; /* ASCII white space (pdftotext pads columns with many): a byte each, undecoded */
            continue;
        }
        size_t start = *i;
        uint32_t c = nb_utf8_get(t, b, i);
        if (nb_is_space(c))
            continue;
        size_t end = word_end(t, start, *i, b);
        *s = start;
        *e = end;
        *i = end;
        return 1;
    }
    return 0;
}

int ex_may_hold_space(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t i = a;
    for (;;) {
        while (i + 4 <= b && !(space_byte[u[i]] | space_byte[u[i + 1]] | space_byte[u[i + 2]] | space_byte[u[i + 3]]))
            i += 4; /* four bytes at a time while none can start a space */
        if (i >= b)
            return 0;
        unsigned char c = u[i], k = space_byte[c];
        if (k == 1)
            return 1;
        if (k == 2 && i + 2 < b) {
            unsigned char d = u[i + 1], e = u[i + 2];
            if ((c == 0xE2 && d == 0x80 && (e == 0x82 || e == 0x83 || e == 0x89 || e == 0x8B || e == 0xAF)) ||
                (c == 0xE3 && d == 0x80 && e == 0x80) || (c == 0xEF && d == 0xBB && e == 0xBF))
                return 1; /* U+2002 U+2003 U+2009 U+200B U+202F, U+3000, U+FEFF */
        }
        i++;
    }
}

int ex_plain_digits(const char *t, size_t a, size_t b)
{
    if (a >= b || b - a > NB_NUM_MAX_INT)
        return 0;
    for (size_t i = a; i < b; i++)
        if (t[i] < '0' || t[i] > '9')
            return 0;
    return 1;
}

/* The last character is read where it stands (nb_utf8_last13): a reading
 * from the start (the parser's, the words') comes to it. */
int ex_may_end_value(const char *t, size_t a, size_t b)
{
    uint32_t c;
    if (!nb_utf8_last13((const unsigned char *)t, a, b, &c))
        return 1; /* a character of two or four bytes, or none whole: read as the parser reads it */
    return nb_may_end_value(c);
}

/* Does t[a, b) start with an ideograph (U+4000–U+9FFF) that starts no
 * value (nb_may_start_value)? nb_parse_value says text at once then; told
 * here from three bytes, without decoding the cell. */
static int starts_as_label(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    return nb_utf8_ideo3(u, a, b) && !nb_may_start_value(nb_utf8_ideo3_cp(u + a));
}

/* t[a, b), not plain digits, reads as a number or a placeholder. */
static int is_other_value(const char *t, size_t a, size_t b)
{
    if (starts_as_label(t, a, b))
        return 0; /* a label: the commonest text cell */
    nb_num n;
    nb_status st = nb_parse_value(t + a, b - a, &n);
    return st == NB_ST_NUMBER || st == NB_ST_PLACEHOLDER;
}

/* A value token for t[a, b), not plain digits, when it reads as one. Out
 * of line, so that a cell of plain digits saves no registers. */
__attribute__((noinline)) static int emit_if_other_value(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    if (!is_other_value(t, a, b))
        return 0;
    ex_emit_value(tv, t, a, b, lk);
    return 1;
}

int ex_emit_if_value(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    if (!ex_plain_digits(t, a, b)) /* plain digits: the commonest cell, told without parsing */
        return emit_if_other_value(tv, t, a, b, lk);
    ex_emit_digits(tv, a, b, lk);
    return 1;
}

/* The bytes of a thousands separator written as white space at t[i] (of
 * t[., b)): the space, U+00A0, U+2009 or U+202F; 0 for any other. */
static size_t group_space(const unsigned char *u, size_t i, size_t b)
{
    if (u[i] == ' ')
        return 1;
    if (i + 1 < b && u[i] == 0xC2 && u[i + 1] == 0xA0)
        return 2;
    if (i + 2 < b && u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0x89 || u[i + 2] == 0xAF))
        return 3;
    return 0;
}

int ex_one_space(const char *t, size_t a, size_t b)
{
    return a < b && group_space((const unsigned char *)t, a, b) == b - a;
}

int ex_spaced_number(const char *t, size_t a, size_t b, nb_num *num)
{
    /* each single space between digits made the comma the parser reads a
       thousands separator by, so its rule (1–3 digits, then groups of
       three) is the one rule: "4 529" reads as "4,529" does */
    const unsigned char *u = (const unsigned char *)t;
    char buf[128];
    size_t n = 0, groups = 0;
    if (a >= b || t[a] < '1' || t[a] > '9' || b - a > sizeof buf)
        return 0;
    for (size_t i = a, s; i < b;) {
        if (i > a && t[i - 1] >= '0' && t[i - 1] <= '9' && (s = group_space(u, i, b)) != 0 && i + s < b &&
            t[i + s] >= '0' && t[i + s] <= '9') {
            buf[n++] = ',';
            groups++;
            i += s;
        } else {
            buf[n++] = t[i++];
        }
    }
    return groups && nb_parse_value(buf, n, num) == NB_ST_NUMBER;
}

/* Can a figure written amiss hold code point c (folded)? A digit, a mark
 * put for a point or a separator (. , 。 ， 、 ' ’ ·), a unit or a
 * multiplier (件 … 元, 万 亿 千 百). */
static int figure_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '\'' || c == 0x3002 || c == 0x3001 || c == 0x2019 ||
           c == 0xB7 || ex_is_unit_cp(c) || c == 0x4E07 || c == 0x4EBF || c == 0x5343 || c == 0x767E;
}

int ex_is_figure_text(const char *t, size_t a, size_t b)
{
    /* by its first byte first: a digit, ASCII or full-width (EF BC 90–99) */
    unsigned char lead = a < b ? (unsigned char)t[a] : 0;
    if (!((lead >= '0' && lead <= '9') || lead == 0xEF))
        return 0;
    int digits = 0, others = 0;
    uint32_t c = 0;
    for (size_t i = a; i < b;) {
        c = nb_fold(nb_utf8_get(t, b, &i));
        if (!figure_cp(c) || (digits == 0 && (c < '0' || c > '9')))
            return 0; /* no such mark, or none that starts with a digit */
        if (c >= '0' && c <= '9')
            digits++;
        else
            others++;
    }
    /* the last a digit or a unit: a mark at the end is punctuation ("217件，") */
    return digits > 0 && others > 0 && ((c >= '0' && c <= '9') || c >= 0x4E00);
}

int ex_is_value_text(const char *t, size_t a, size_t b)
{
    return ex_plain_digits(t, a, b) || is_other_value(t, a, b);
}

/* A value token's blob from what its text holds: nd digits (before_dot of
 * them before the first decimal point), dots decimal points and unit
 * characters after the digits. 1 for a run of digits that may hold several
 * cells, 2 for one with a decimal part ("13575394432.52": items, then
 * money), else 0. */
static unsigned char blob_of(size_t nd, size_t dots, size_t before_dot, size_t unit)
{
    if (unit && !dots)
        return 0;
    if (!dots)
        return nd > 1;
    return dots == 1 && before_dot > 1 ? 2 : 0;
}

/* The blob of a value token t[., b) whose first nd characters, up to i,
 * are ASCII digits: the rest read a character at a time (full-width
 * digits, a point, a unit); 0 at any other character. */
__attribute__((noinline)) static unsigned char blob_past_digits(const char *t, size_t i, size_t b, size_t nd)
{
    size_t dots = 0, before_dot = nd, unit = 0;
    while (i < b) {
        uint32_t c = nb_fold(nb_utf8_get(t, b, &i));
        if (c >= '0' && c <= '9' && !unit) {
            nd++;
            if (!dots)
                before_dot++;
        } else if (c == '.' && !unit) {
            dots++;
        } else if (ex_is_unit_cp(c) || c == 0x4E07) {
            unit++; /* 元, 万元 after the digits */
        } else {
            return 0;
        }
    }
    return blob_of(nd, dots, before_dot, unit);
}

tok *ex_emit_digits(tokv *tv, size_t a, size_t b, int lk)
{
    tok *k = ex_emit(tv, K_VALUE, a, b - a, lk);
    if (k)
        k->blob = blob_of(b - a, 0, b - a, 0);
    return k;
}

void ex_emit_value(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    tok *k = ex_emit(tv, K_VALUE, a, b - a, lk);
    if (!k)
        return;
    /* ASCII digits first (most values are nothing else), read a byte each */
    size_t i = a;
    while (i < b && t[i] >= '0' && t[i] <= '9')
        i++;
    k->blob = i == b ? blob_of(i - a, 0, i - a, 0) : blob_past_digits(t, i, b, i - a);
}

void ex_norm_view(const tnorm *norm, const uint32_t *pool, const char *t, const tok *k, size_t ti, int flags,
                  nb_ustr *out)
{
    if (!norm || !norm[ti].made) {
        nb_norm(t + k->off, k->len, out, flags);
        return;
    }
    const tnorm *z = &norm[ti];
    int start = flags & NB_NORM_NUM ? z->start : 0;
    out->n = z->m - start;
    memcpy(out->c, pool + z->at + start, (size_t)out->n * sizeof *out->c);
    out->had_num = flags & NB_NORM_NUM ? z->had : 0;
    if (flags & NB_NORM_TRAIL)
        nb_ustr_trim_trail(out);
}
