/* tokenize_tab.c — rows whose cells are separated by a character: tabs (Word
 * and WPS tables saved as text, HTML tables flattened by a browser), or
 * commas, ASCII or full-width (a table saved as CSV, or pasted from one):
 * a cell between each pair of separators, an empty field an empty cell. A
 * comma in brackets is not a field's end, nor, on a line whose commas all
 * stand between digits, one of a number's thousands (1,234). Each token that is a whole field is told which field
 * of how many it is, so that rows of one shape keep their columns. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "text/num.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Exactly three digits at t[j + 1, j + 4), no digit after them (in t[a, b)). */
static int three_after(const char *t, size_t j, size_t b)
{
    return j + 3 < b && is_digit(t[j + 1]) && is_digit(t[j + 2]) && is_digit(t[j + 3]) &&
           (j + 4 >= b || !is_digit(t[j + 4]));
}

/* Is the ASCII comma at t[j] (a <= j < b) one of a number's thousands:
 * three digits after it, and before it one to three digits with no leading
 * 0, or three after another such comma (1,234,567: six groups at most)? */
static int thousands_comma(const char *t, size_t a, size_t j, size_t b)
{
    if (!three_after(t, j, b))
        return 0;
    for (int groups = 0; groups < 6; groups++) {
        size_t k = j;
        while (k > a && j - k < 4 && is_digit(t[k - 1]))
            k--;
        if (k == j || j - k > 3)
            return 0;
        if (k == a || t[k - 1] != ',')
            return t[k] != '0';
        if (j - k != 3 || !three_after(t, k - 1, b))
            return 0;
        j = k - 1; /* the comma before: its group must lead the number */
    }
    return 0;
}

/* The change of bracket depth at t[j]: ( and （ open, ) and ） close. */
static int bracket_at(const char *t, size_t j, size_t b)
{
    if (t[j] == '(' || t[j] == ')')
        return t[j] == '(' ? 1 : -1;
    if (j + 2 < b && (unsigned char)t[j] == 0xEF && (unsigned char)t[j + 1] == 0xBC)
        return (unsigned char)t[j + 2] == 0x88 ? 1 : (unsigned char)t[j + 2] == 0x89 ? -1 : 0;
    return 0;
}

/* A line of comma-separated values: a comma with something other than a
 * digit on one side (自然人,3 or ,,). Every ASCII comma of such a line
 * separates cells; on another line (1,234 5,678) a comma between digits in
 * threes is a number's thousands. */
static int csv_line(const char *t, size_t a, size_t b)
{
    for (const char *p = memchr(t + a, ',', b - a); p; p = memchr(p + 1, ',', (size_t)(t + b - p - 1))) {
        size_t j = (size_t)(p - t);
        if (j == a || j + 1 >= b || !is_digit(t[j - 1]) || !is_digit(t[j + 1]))
            return 1;
    }
    return 0;
}

/* Can t[j] start a bracket or a separator of a comma row? ( ) , and the
 * lead byte of （ ） ，: every other byte is passed over at once. */
static int comma_row_byte(char c)
{
    return c == '(' || c == ')' || c == ',' || (unsigned char)c == 0xEF;
}

/* The first byte of t[j, b) that comma_row_byte takes, or b: sixteen bytes
 * at a time where the CPU has SSE2 (a line may be a whole report run
 * together), then one at a time. */
static size_t next_comma_row_byte(const char *t, size_t j, size_t b)
{
#if defined(__SSE2__)
    for (; j + 16 <= b; j += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(t + j));
        __m128i brackets = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('(')), _mm_cmpeq_epi8(x, _mm_set1_epi8(')')));
        __m128i commas = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')),
                                      _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xEF))); /* , and the lead of ， */
        __m128i m = _mm_or_si128(brackets, commas);
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return j + (size_t)__builtin_ctz(bits);
    }
#endif
    while (j < b && !comma_row_byte(t[j]))
        j++;
    return j;
}

/* The comma separating cells at t[j] of a row of t[a, b), at bracket
 * depth depth: its length in bytes, or 0. A comma in brackets is the
 * label's own (（区分处理的，只计这一情形，不计其他情形）). */
static size_t sep_at(const char *t, size_t a, size_t j, size_t b, int csv, int depth)
{
    if (depth > 0)
        return 0;
    if (t[j] == ',')
        return csv || !thousands_comma(t, a, j, b);
    return j + 2 < b && !memcmp(t + j, "\xef\xbc\x8c", 3) ? 3 : 0; /* ， */
}

int ex_comma_seps(const char *t, size_t a, size_t b)
{
    if (!memchr(t + a, ',', b - a) && !nb_find(t + a, b - a, "\xef\xbc\x8c", 3))
        return 0;
    if (nb_find(t + a, b - a, "\xe3\x80\x82", 3)) /* 。: a sentence, not a row */
        return 0;
    int n = 0, depth = 0, csv = csv_line(t, a, b);
    for (size_t j = next_comma_row_byte(t, a, b); j < b; j = next_comma_row_byte(t, j, b)) {
        depth += bracket_at(t, j, b);
        size_t s = sep_at(t, a, j, b, csv, depth);
        n += s > 0;
        j += s ? s : 1;
    }
    return n;
}

/* The token just written for a row's field (the one at first, when there
 * is exactly one) told which field it is. */
static void mark_field(tokv *tv, size_t first, int field)
{
    if (tv->n == first + 1 && field < MAXFIELDS)
        tv->v[first].field = (unsigned char)field;
}

/* Every token of the row from from on told how many fields the row has. */
static void mark_nfields(tokv *tv, size_t from, int fields)
{
    for (size_t q = from; q < tv->n; q++)
        tv->v[q].nfields = (unsigned char)(fields < MAXFIELDS ? fields : NO_FIELD);
}

void ex_tokenize_comma_row(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t s = a, from = tv->n;
    int field = 0, depth = 0, csv = csv_line(t, a, b);
    for (size_t j = next_comma_row_byte(t, a, b);;) {
        size_t sep = 0;
        if (j < b) {
            depth += bracket_at(t, j, b);
            sep = sep_at(t, a, j, b, csv, depth);
        }
        if (j == b || sep) {
            size_t first = tv->n;
            ex_tokenize_cell(tv, t, s, j, LK_TAB);
            mark_field(tv, first, field);
            field++;
            if (j == b)
                break;
            s = j + sep;
            j = next_comma_row_byte(t, s, b);
            continue;
        }
        j = next_comma_row_byte(t, j + 1, b);
    }
    mark_nfields(tv, from, field);
}

/* Where the tab field from t[s] on ends in t[., b): at the next tab, or b.
 * *digits: the field is ASCII digits alone, at most NB_NUM_MAX_INT of them
 * (the commonest field, a value as it stands), told from the bytes read on
 * the way. */
static size_t tab_field_end(const char *t, size_t s, size_t b, int *digits)
{
    size_t j = s;
    while (j < b && t[j] >= '0' && t[j] <= '9')
        j++;
    if (j == b || t[j] == '\t') {
        *digits = j > s && j - s <= NB_NUM_MAX_INT;
        return j;
    }
    *digits = 0;
    const char *p = memchr(t + j, '\t', b - j);
    return p ? (size_t)(p - t) : b;
}

void ex_tokenize_tab_row(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t s = a, from = tv->n;
    int field = 0;
    for (;;) {
        int digits;
        size_t e = tab_field_end(t, s, b, &digits), first = tv->n;
        if (e == s || digits) { /* an empty field, and plain digits: as ex_tokenize_cell reads them, read once */
            tok *k = e == s ? ex_emit(tv, K_EMPTY, s, 0, LK_TAB) : ex_emit_digits(tv, s, e, LK_TAB);
            if (k && field < MAXFIELDS) /* the field's one token */
                k->field = (unsigned char)field;
        } else {
            ex_tokenize_cell(tv, t, s, e, LK_TAB);
            mark_field(tv, first, field);
        }
        field++;
        if (e == b)
            break;
        s = e + 1;
    }
    mark_nfields(tv, from, field);
}
