/* tokenize_glued.c — words where text and digits run together, as web text
 * flattened without cell boundaries gives them: "行政规范性文件8855698第二十条…",
 * "00000002.其他法律…", "94432.52元". The word is cut into runs of number
 * and text; numbering glued to a number goes to the text after it, a unit to
 * the number before it, and text is cut again where numbering starts in it.
 * A figure written amiss ("1.865106亿元") is one value, read as text. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "text/numbering.h"
#include "text/numerals.h"

#include <string.h>

#define MAXRUNS 256
#define MAXPLACES 64

/* runs: [start, end) with type D (number) or T (text). A text run's places
 * past its first character where numbering may start (no 第 or 至 before
 * them), told while its end was looked for: at[c0[k], c1[k]); c0[k] < 0
 * when not told (more places than MAXPLACES), the run then read again
 * whole. */
typedef struct runs {
    size_t rs[MAXRUNS], re[MAXRUNS];
    int c0[MAXRUNS], c1[MAXRUNS];
    size_t at[MAXPLACES];
    int nat;
    char rt[MAXRUNS];
    int nr;
} runs;

static int is_digit_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Where the number whose first digit ends at e ends: digits, a decimal point
 * between digits, thousands separators before exactly three digits. */
static size_t number_end(const char *t, size_t b, size_t e)
{
    for (;;) {
        size_t j = e;
        if (j >= b)
            break;
        uint32_t c2 = nb_utf8_get(t, b, &j);
        if (is_digit_cp(c2)) {
            e = j;
            continue;
        }
        if (c2 == '.' || c2 == 0xFF0E) { /* a decimal point between digits */
            size_t k = j;
            if (k < b) {
                uint32_t c3 = nb_utf8_get(t, b, &k);
                if (is_digit_cp(c3)) {
                    e = k;
                    continue;
                }
            }
        }
        if (c2 == ',') { /* thousands: exactly three digits follow */
            size_t k = j;
            int nd = 0;
            while (k < b && nd < 4) {
                size_t k2 = k;
                if (!is_digit_cp(nb_utf8_get(t, b, &k2)))
                    break;
                k = k2;
                nd++;
            }
            if (nd == 3) {
                e = k;
                continue;
            }
        }
        break;
    }
    return e;
}

static int is_ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Does a number start at t[i] of the word t[a, b): a digit, ASCII or
 * full-width, or at the word's start a sign (- or －) before an ASCII
 * digit? *next: where the character at i ends. Always inline: called at
 * every run and at each character of text that is no ideograph. */
__attribute__((always_inline)) static inline int number_starts(const char *t, size_t a, size_t i, size_t b,
                                                               size_t *next, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)t;
    *next = i;
    uint32_t c = nb_utf8_get(t, b, next);
    *cp = c;
    return is_digit_cp(c) || ((c == '-' || c == 0xFF0D) && i == a && *next < b && is_ascii_digit(u[*next]));
}

/* Is the character at t[at] (in t[., re)) 第 or 至, after which numbering
 * is an ordinal or a range's end ("第二十条", "至三"), no item's? */
static int ordinal_before(const char *t, size_t at, size_t re)
{
    uint32_t c = nb_utf8_get(t, re, &at);
    return c == 0x7B2C /* 第 */ || c == 0x81F3 /* 至 */;
}

/* Where the text from t[i] on (i past the word's start a; p: where the
 * character before i starts) ends in the word t[a, b): at the next digit,
 * or b. Each character where numbering may start, no 第 or 至 before it,
 * is listed as text run k's (R->at, while there is room; else the run is
 * told as not listed). Ideographs (U+4000–U+9FFF) pass three bytes at a
 * time, ASCII other than digits a byte at a time; the others are decoded. */
static size_t text_end(runs *R, int k, const char *t, size_t a, size_t p, size_t i, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    R->c0[k] = R->nat;
    while (i < b) {
        size_t here = i;
        uint32_t c;
        if (nb_utf8_ideo3(u, i, b)) {
            i += 3;
            if (u[here] > 0xE5) { /* U+6000–U+9FFF: past 一 … 十 */
                p = here;
                continue;
            }
            c = nb_utf8_ideo3_cp(u + here); /* folds to itself */
        } else if (u[i] < 0x80 && !is_ascii_digit(u[i])) {
            c = nb_fold(u[i++]);
        } else {
            size_t next;
            if (number_starts(t, a, i, b, &next, &c))
                break;
            c = nb_fold(c);
            i = next;
        }
        if (ex_numbering_may_start(c) && !ordinal_before(t, p, b)) {
            if (R->nat < MAXPLACES)
                R->at[R->nat++] = here;
            else
                R->c0[k] = -1;
        }
        p = here;
    }
    R->c1[k] = R->nat;
    return i;
}

/* Cut t[a, b) into runs of number (a leading sign included) and text; at
 * MAXRUNS runs the rest of the word is left out, and a text run that is
 * the last one there keeps its first character alone. */
static void find_runs(runs *R, const char *t, size_t a, size_t b)
{
    int nr = 0;
    size_t i = a;
    while (i < b && nr < MAXRUNS) {
        size_t s = i, next;
        uint32_t c;
        if (number_starts(t, a, i, b, &next, &c)) {
            i = number_end(t, b, next);
            R->rt[nr] = 'D';
        } else if (nr + 1 < MAXRUNS) {
            i = text_end(R, nr, t, a, s, next, b);
            R->rt[nr] = 'T';
        } else { /* its first character alone: no place past it */
            i = next;
            R->c0[nr] = R->c1[nr] = 0;
            R->rt[nr] = 'T';
        }
        R->rs[nr] = s;
        R->re[nr++] = i;
    }
    R->nr = nr;
}

/* numbering glued to the number before it: "00000002.其他" → "0000000" "2.其他" */
static void give_numbering_digit(runs *R, const char *t)
{
    size_t *rs = R->rs, *re = R->re;
    const char *rt = R->rt;
    int nr = R->nr;
    for (int k = 0; k + 1 < nr; k++) {
        if (rt[k] != 'D' || rt[k + 1] != 'T')
            continue;
        size_t j = rs[k + 1];
        uint32_t p = nb_fold(nb_utf8_get(t, re[k + 1], &j));
        if (!(p == '.' || p == 0x3001))
            continue;
        if (j >= re[k + 1]) /* "1." at the end: a number with a stray dot */
            continue;
        if (memchr(t + rs[k], '.', re[k] - rs[k]))
            continue;
        /* the last digit goes to the label */
        size_t last = re[k] - 1;
        while (last > rs[k] && ((unsigned char)t[last] & 0xC0) == 0x80)
            last--;
        rs[k + 1] = last; /* its places stand: the . or 、 now past its start starts no numbering */
        re[k] = last;
    }
}

/* a unit right after a number belongs to it: "94432.52元" */
static void attach_units(runs *R, const char *t)
{
    size_t *rs = R->rs, *re = R->re;
    const char *rt = R->rt;
    int nr = R->nr;
    for (int k = 0; k + 1 < nr; k++) {
        if (rt[k] != 'D' || rt[k + 1] != 'T' || re[k] != rs[k + 1])
            continue;
        size_t j = rs[k + 1];
        uint32_t u = nb_utf8_get(t, re[k + 1], &j);
        if (u == 0x4E07) { /* 万元 */
            size_t j2 = j;
            if (j2 < re[k + 1] && nb_utf8_get(t, re[k + 1], &j2) == 0x5143)
                j = j2;
            else
                continue;
        } else if (!ex_is_unit_cp(u)) {
            continue;
        }
        re[k] = j;
        rs[k + 1] = j; /* a place listed at j is passed over now (emit_text_run) */
    }
}

/* The text from *s on cut at here (past *s, in a run ending at re) when
 * numbering starts there: the text before it a token, *s moved to here.
 * A word holds no white space: no piece of it has any to trim. */
static void cut_at_numbering(tokv *tv, const char *t, size_t *s, size_t here, size_t re, int lk)
{
    if (nb_numbering_len(t, re, here) > 0) {
        ex_emit(tv, K_TEXT, *s, here - *s, lk);
        *s = here;
    }
}

/* A text run whose places were not listed, read whole: split at numbering
 * inside it ("其他一、本年新收…", "结果（一）予以公开"). Ideographs that
 * are no Chinese digit by nb_cn_digit_may start no numbering: they are
 * passed three bytes at a time without a call. */
static void emit_text_run_read(tokv *tv, const char *t, size_t rs, size_t re, int lk)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t s = rs, j = rs, last = rs; /* last: where the character before j starts */
    while (j < re) {
        size_t here = j;
        uint32_t c;
        if (nb_utf8_ideo3(u, j, re)) {
            c = nb_utf8_ideo3_cp(u + j); /* folds to itself */
            j += 3;
            if (!nb_cn_digit_may(c)) { /* no digit 一 … 十 */
                last = here;
                continue;
            }
        } else {
            c = nb_utf8_get(t, re, &j);
        }
        if (here > s && ex_numbering_may_start(nb_fold(c)) && !ordinal_before(t, last, re))
            cut_at_numbering(tv, t, &s, here, re, lk);
        last = here;
    }
    ex_emit(tv, K_TEXT, s, re - s, lk); /* the rest of the run */
}

/* Text run k, split at numbering inside it: at its listed places, or read
 * whole when they were not listed. */
static void emit_text_run(tokv *tv, const char *t, const runs *R, int k, int lk)
{
    if (R->c0[k] < 0) {
        emit_text_run_read(tv, t, R->rs[k], R->re[k], lk);
        return;
    }
    size_t s = R->rs[k];
    for (int q = R->c0[k]; q < R->c1[k]; q++)
        if (R->at[q] > s) /* a place at the start (a unit's end) cuts nothing */
            cut_at_numbering(tv, t, &s, R->at[q], R->re[k], lk);
    ex_emit(tv, K_TEXT, s, R->re[k] - s, lk); /* the rest of the run */
}

/* A word without white space (ex_next_word's), where text and digits may
 * run together: "行政规范性文件8855698第二十条…", "00000002.其他法律…". */
void ex_tokenize_glued(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    if (ex_emit_if_value(tv, t, a, b, lk))
        return;
    if (ex_is_figure_text(t, a, b)) { /* "1.865106亿元": one cell that holds no number, not 1.865106 */
        ex_emit_value(tv, t, a, b, lk);
        return;
    }
    runs R;
    R.nat = 0;
    find_runs(&R, t, a, b);
    give_numbering_digit(&R, t);
    attach_units(&R, t);
    for (int k = 0; k < R.nr; k++) {
        if (R.re[k] <= R.rs[k])
            continue;
        if (R.rt[k] == 'D')
            ex_emit_value(tv, t, R.rs[k], R.re[k], lk);
        else
            emit_text_run(tv, t, &R, k, lk);
    }
}
