/* tokenize.c — the table area tokenised line by line. Each line is read in
 * its own layout: a pipe or box table row, a row separated by tabs or
 * commas (three or more cells), or a plain
 * (space-aligned) line; when most lines hold a single cell, the area is read
 * again as one cell per line, where rows span lines (read so at once when a
 * look at the lines' bytes makes that sure). A page's footer ("— 3 —",
 * "第 3 页") between rows is passed over. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "model/doc.h"
#include "model/report.h"

#include <string.h>

/* What the lines of the area look like, counted on the first reading. */
typedef struct line_counts {
    int multi;     /* lines with several cells */
    int single;    /* lines with one */
    int tabbed;    /* lines starting with a tab */
    int nonempty;
} line_counts;

/* Which separators the area holds, looked for once: in an area without
 * pipes no line is a pipe row; a line is searched for comma separators
 * only when a comma stands in it, found by two cursors that move through
 * the area once (the next , and the next ， at or after the line). */
typedef struct area_seps {
    int pipes;       /* | ｜ or a box-drawing character (E2 94, E2 95) */
    size_t comma;    /* the next , (end: none) */
    size_t wide;     /* the next ， (end: none) */
    size_t end;
    int fresh;       /* the cursors stand at the area's start, not yet moved to the first */
} area_seps;

static void find_area_seps(const char *t, const area *ar, area_seps *f)
{
    const char *s = t + ar->start;
    size_t n = ar->end - ar->start;
    f->pipes = memchr(s, '|', n) || nb_find(s, n, "\xe2\x94", 2) || nb_find(s, n, "\xe2\x95", 2) ||
               nb_find(s, n, "\xef\xbd\x9c", 3);
    f->end = ar->end;
    f->comma = f->wide = ar->start;
    f->fresh = 1;
}

/* Might line t[a, b) hold a , or ，? (The cursors moved to a first.) */
static int line_has_comma(const char *t, size_t a, size_t b, area_seps *f)
{
    if (f->fresh) { /* the cursors put at the area's first , and ， */
        const char *p = memchr(t + f->comma, ',', f->end - f->comma);
        const char *q = nb_find(t + f->wide, f->end - f->wide, "\xef\xbc\x8c", 3);
        f->comma = p ? (size_t)(p - t) : f->end;
        f->wide = q ? (size_t)(q - t) : f->end;
        f->fresh = 0;
    }
    if (f->comma < a) {
        const char *p = memchr(t + a, ',', f->end - a);
        f->comma = p ? (size_t)(p - t) : f->end;
    }
    if (f->wide < a) {
        const char *p = nb_find(t + a, f->end - a, "\xef\xbc\x8c", 3);
        f->wide = p ? (size_t)(p - t) : f->end;
    }
    return f->comma < b || f->wide < b;
}

/* The line's tokens from from on counted: values (*nvals), values and
 * text (*ncells). In a tab, pipe or comma row (table) text after the row's
 * first number is one of its cells: made a value on the way. */
static void count_row(tokv *tv, size_t from, int table, int *nvals, int *ncells)
{
    int seen = 0, nv = 0, nt = 0;
    for (size_t q = from; q < tv->n; q++) {
        tok *k = &tv->v[q];
        if (k->kind == K_TEXT && seen)
            k->kind = K_VALUE;
        if (k->kind == K_VALUE) {
            nv++;
            seen = table;
        } else if (k->kind == K_TEXT) {
            nt++;
        }
    }
    *nvals = nv;
    *ncells = nv + nt;
}

/* A non-blank line t[a, b) in its own layout, counted into n. */
static void tokenize_row_line(tokv *tv, const char *t, size_t a, size_t b, area_seps *f, line_counts *n)
{
    n->nonempty++;
    if (t[a] == '\t')
        n->tabbed++;
    size_t from = tv->n;
    int table_row = 0, table = 1;
    pipe_cuts pc;
    if (f->pipes && ex_pipe_scan(t, a, b, &pc) >= 2) {
        ex_tokenize_pipe(tv, t, a, b, &pc);
        table_row = 1;
    } else if (memchr(t + a, '\t', b - a)) {
        ex_tokenize_tab_row(tv, t, a, b);
        table_row = t[a] != '\t';
    } else if (line_has_comma(t, a, b, f) && ex_comma_seps(t, a, b) >= 2) {
        ex_tokenize_comma_row(tv, t, a, b);
        table_row = t[a] != ',' && (unsigned char)t[a] != 0xEF;
    } else {
        ex_tokenize_plain(tv, t, a, b, LK_PLAIN);
        table = 0;
    }
    int nvals, ncells;
    count_row(tv, from, table, &nvals, &ncells);
    if (nvals >= 2 || (ncells >= 2 && table_row))
        n->multi++;
    else if (ncells == 1)
        n->single++;
    ex_emit(tv, K_EOL, b, 0, LK_PLAIN);
}

/* A word t[x, y) without white space or a comma, not plain digits, read
 * once a character at a time: 2 with an ASCII or full-width digit in it, 0
 * when numbering may start at a character after its first, else 1. An
 * ideograph is passed three bytes at once, told by its code point's range
 * (一 … 十 lie in U+4E00–U+56DB); a digit's bytes (ASCII, EF BC 90–99) never
 * continue a character, so each is a character's start. */
static int word_shape(const char *t, size_t x, size_t y)
{
    const unsigned char *u = (const unsigned char *)t;
    int numbering = 0;
    for (size_t i = x; i < y;) {
        size_t here = i;
        uint32_t c;
        if (u[i] >= '0' && u[i] <= '9')
            return 2;
        if (u[i] == 0xEF && i + 2 < y && u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99)
            return 2;
        if (nb_utf8_ideo3(u, i, y)) {
            c = nb_utf8_ideo3_cp(u + i); /* folds to itself */
            i += 3;
            if (c - 0x4E00 > 0x56DB - 0x4E00)
                continue;
        } else if (u[i] < 0x80) {
            c = nb_fold(u[i++]);
        } else {
            c = nb_fold(nb_utf8_get(t, y, &i));
        }
        numbering |= here > x && ex_numbering_may_start(c);
    }
    return numbering ? 0 : 1;
}

/* How a line t[a, b) (trimmed [x, y)) of an area without pipes reads in
 * rows, told without tokenising it: 1 surely one cell, 2 maybe several
 * numbers, 0 surely not several numbers. A line with tabs is a tab row:
 * one cell when its text holds no white space, a tab neither (its tabs all
 * stand around it: a tab-indented cell, the fields beside it empty), else
 * maybe several. A plain line is one cell when it is a word of ASCII digits
 * alone, or a word without a digit where numbering can start at no
 * character after its first (tokenize_glued gives it whole); maybe several
 * with a comma, white space or a digit in it. */
static int line_shape(const char *t, size_t a, size_t b, size_t x, size_t y, area_seps *f)
{
    if (memchr(t + a, '\t', b - a))
        return ex_may_hold_space(t, x, y) ? 2 : 1;
    if (line_has_comma(t, a, b, f) || ex_may_hold_space(t, x, y))
        return 2;
    if (ex_plain_digits(t, x, y))
        return 1;
    return word_shape(t, x, y);
}

/* Line li of the document within the area: [*a, *b). */
static void area_bounds(const nb_doc *d, const area *ar, size_t li, size_t *a, size_t *b)
{
    nb_doc_line(d, li, a, b);
    if (*a < ar->start)
        *a = ar->start;
    if (*b > ar->end)
        *b = ar->end;
}

/* Line li of the document within the area: [*a, *b), trimmed [*x, *y). */
static void area_line(const nb_doc *d, const area *ar, size_t li, size_t *a, size_t *b, size_t *x, size_t *y)
{
    area_bounds(d, ar, li, a, b);
    *x = *a;
    *y = *b;
    if (*a < *b)
        ex_trim(d->text, x, y);
}

/* Is the area surely read one cell a line (single > 4 × multi, as the
 * first reading would count)? Told by line_shape where that is sure: in an
 * area without pipes, too small for the first reading to fill
 * EX_MAX_TOKENS (a token a byte and one a line at most); given up as soon
 * as the lines left cannot make it sure. n: the non-blank and tabbed
 * lines, as the first reading counts them. */
static int surely_cells(const nb_report *r, const area *ar, area_seps *f, line_counts *n)
{
    const nb_doc *d = &r->doc;
    const char *t = d->text;
    size_t l0 = nb_doc_line_of(d, ar->start), l1 = nb_doc_line_of(d, ar->end ? ar->end - 1 : 0);
    if (f->pipes || ar->end - ar->start + (l1 - l0 + 1) >= EX_MAX_TOKENS)
        return 0;
    size_t single = 0, multi = 0;
    for (size_t li = l0; li <= l1 && li < d->nlines; li++) {
        if (single + (l1 - li + 1) <= 4 * multi)
            return 0;
        size_t a, b, x, y;
        area_line(d, ar, li, &a, &b, &x, &y);
        if (x >= y)
            continue;
        n->nonempty++;
        n->tabbed += t[a] == '\t';
        int shape = line_shape(t, a, b, x, y, f);
        single += shape == 1;
        multi += shape == 2;
    }
    return single > 4 * multi;
}

/* Is an area of one cell a line double spaced, as a browser's dump of a
 * web page is (lynx: a blank line after every cell, an empty cell left
 * out, a long one wrapped)? Its lines of text stand in groups between
 * blank lines: at least eight groups, of two lines at most on the whole
 * (a cell, wrapped or not), and a blank line alone between nearly every
 * two (four runs of blank lines in five are one line). A table of one cell
 * a line has its cells in a row, a blank line for each empty one: told at
 * its first rows (lines past twice the groups by more than eight), where
 * the reading stops. */
static int double_spaced(const nb_doc *d, const area *ar)
{
    size_t l0 = nb_doc_line_of(d, ar->start), l1 = nb_doc_line_of(d, ar->end ? ar->end - 1 : 0);
    size_t lines = 0, groups = 0, runs = 0, single = 0, run = 0, in_group = 0;
    for (size_t li = l0; li <= l1 && li < d->nlines; li++) {
        size_t a, b, x, y;
        area_line(d, ar, li, &a, &b, &x, &y);
        if (x >= y) {
            run++;
            in_group = 0;
            continue;
        }
        if (run) {
            runs++;
            single += run == 1;
        }
        run = 0;
        groups += !in_group;
        in_group = 1;
        if (++lines > 2 * groups + 8)
            return 0;
    }
    return groups >= 8 && lines <= 2 * groups && single * 5 >= runs * 4;
}

/* Line li of a double-spaced area of one cell a line (l0 the area's first
 * line), *run the blank lines just before it (li - *run the first): a
 * blank line is counted; a cell after three blank lines or more has the
 * empty cells between them (every second one) before it; a cell right
 * after another continues its text when both are text (wrapped). */
static void double_spaced_line(const nb_doc *d, const area *ar, tokv *tv, size_t li, size_t l0, size_t *run)
{
    size_t a, b, x, y;
    area_line(d, ar, li, &a, &b, &x, &y);
    if (x >= y) {
        ++*run;
        return;
    }
    for (size_t k = 1; 2 * k < *run; k++) { /* blank, empty, blank, empty, … blank */
        size_t ea, eb, ex, ey;
        area_line(d, ar, li - *run + 2 * k - 1, &ea, &eb, &ex, &ey);
        ex_emit(tv, K_EMPTY, ea, 0, LK_CELL);
    }
    int wrapped = !*run && li > l0 && tv->n && tv->v[tv->n - 1].kind == K_TEXT;
    *run = 0;
    size_t n = tv->n;
    ex_tokenize_cells_line(tv, d->text, a, b, x, y, 0);
    if (wrapped && tv->n == n + 1 && tv->v[n].kind == K_TEXT) { /* 商业\n企业: one cell */
        tv->v[n - 1].len = y - tv->v[n - 1].off;
        tv->n = n;
    }
}

/* The characters of t[a, b) folded, white space left out: at most cap
 * (cap + 1: more). */
static int folded_chars(const char *t, size_t a, size_t b, uint32_t *c, int cap)
{
    int n = 0;
    for (size_t i = a; i < b && n <= cap;) {
        uint32_t cp = nb_fold(nb_utf8_get(t, b, &i));
        if (!nb_is_space(cp))
            c[n++] = cp;
    }
    return n;
}

/* Digits from c[*i] on, passed over; 0 when none. */
static int skip_digits(const uint32_t *c, int n, int *i)
{
    int from = *i;
    while (*i < n && c[*i] >= '0' && c[*i] <= '9')
        ++*i;
    return *i > from;
}

/* The most bytes a page's footer line has after its leading blanks. */
#define FOOTER_BYTES 64

/* Is line t[a, b) a page's number printed at its foot, "— 3 —", "- 3 -",
 * "第 3 页" or "第 3 页 共 8 页" (a form feed before it or not)? A row
 * broken by a page break goes on past it. */
static int page_footer_line(const char *t, size_t a, size_t b)
{
    /* by its bytes first: short after its blanks, and begun by a dash
       ('-', or U+2010–U+2015 and U+2212 in E2, U+FF0D in EF) or 第 (E7) */
    for (;;) {
        if (a < b && (t[a] == ' ' || t[a] == '\t' || t[a] == '\f' || t[a] == '\r'))
            a++;
        else if (b - a >= 3 && memcmp(t + a, "\xe3\x80\x80", 3) == 0) /* U+3000 */
            a += 3;
        else
            break;
    }
    unsigned char lead = a < b ? (unsigned char)t[a] : 0;
    if (b - a > FOOTER_BYTES || (lead != '-' && lead != 0xE2 && lead != 0xE7 && lead != 0xEF))
        return 0;
    uint32_t c[24];
    int n = folded_chars(t, a, b, c, 23), i = 0;
    if (n > 23 || n < 3)
        return 0;
    if (c[0] == '-') {
        while (i < n && c[i] == '-')
            i++;
        if (!skip_digits(c, n, &i) || i == n)
            return 0;
        while (i < n && c[i] == '-')
            i++;
        return i == n;
    }
    if (c[i++] != 0x7B2C || !skip_digits(c, n, &i) || i == n || c[i++] != 0x9875) /* 第 N 页 */
        return 0;
    if (i < n && (c[i] == '/' || c[i] == ',' || c[i] == 0xFF0C || c[i] == 0x3001))
        i++;
    if (i == n)
        return 1;
    return c[i++] == 0x5171 && skip_digits(c, n, &i) && i + 1 == n && c[i] == 0x9875; /* 共 M 页 */
}

/* Tokenise the lines of the area, one cell a line or rows on lines. */
static void tokenize_lines(const nb_report *r, const area *ar, area_seps *f, tokv *tv, int cells_mode,
                           int tab_cells, line_counts *n)
{
    const nb_doc *d = &r->doc;
    const char *t = d->text;
    f->comma = f->wide = ar->start; /* from the area's start again */
    f->fresh = 1;
    size_t l0 = nb_doc_line_of(d, ar->start), l1 = nb_doc_line_of(d, ar->end ? ar->end - 1 : 0);
    int dbl = cells_mode && !tab_cells && double_spaced(d, ar);
    size_t run = 0;
    for (size_t li = l0; li <= l1 && li < d->nlines; li++) {
        size_t a, b, x, y;
        if (dbl) {
            double_spaced_line(d, ar, tv, li, l0, &run);
            continue;
        }
        if (cells_mode) {
            area_line(d, ar, li, &a, &b, &x, &y);
            ex_tokenize_cells_line(tv, t, a, b, x, y, tab_cells);
            continue;
        }
        area_bounds(d, ar, li, &a, &b); /* a row's line is read as it stands: only whether it is blank counts */
        if (ex_blank(t, a, b))
            ex_emit(tv, K_BREAK, a, 0, LK_PLAIN);
        else if (page_footer_line(t, a, b))
            continue; /* not the table's: a row goes on past it */
        else
            tokenize_row_line(tv, t, a, b, f, n);
    }
}

void ex_tokenize_area(const nb_report *r, const area *ar, tokv *tv, int *cells_mode)
{
    *cells_mode = 0;
    if (ar->end <= ar->start)
        return;
    line_counts n = {0, 0, 0, 0};
    area_seps f;
    find_area_seps(r->doc.text, ar, &f);
    if (surely_cells(r, ar, &f, &n)) { /* no first reading needed */
        *cells_mode = 1;
        line_counts unused = {0, 0, 0, 0};
        tokenize_lines(r, ar, &f, tv, 1, n.tabbed * 2 >= n.nonempty, &unused);
        return;
    }
    n = (line_counts){0, 0, 0, 0};
    tokenize_lines(r, ar, &f, tv, 0, 0, &n);
    /* one cell a line (Word's plain text, HTML flattened): rows span lines */
    *cells_mode = n.single > 4 * n.multi;
    if (*cells_mode) {
        tv->n = 0;
        line_counts unused = {0, 0, 0, 0};
        tokenize_lines(r, ar, &f, tv, 1, n.tabbed * 2 >= n.nonempty, &unused);
    }
}
