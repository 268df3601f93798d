/* tokenize.c — the table area tokenised line by line. Each line is read in
 * its own layout: a pipe or box table row, a row separated by tabs or
 * commas (three or more cells), or a plain
 * (space-aligned) line; when most lines hold a single cell, the area is read
 * again as one cell per line, where rows span lines. */
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
} area_seps;

static void find_area_seps(const char *t, const area *ar, area_seps *f)
{
    const char *s = t + ar->start;
    size_t n = ar->end - ar->start;
    f->pipes = memchr(s, '|', n) || nb_find(s, n, "\xe2\x94", 2) || nb_find(s, n, "\xe2\x95", 2) ||
               nb_find(s, n, "\xef\xbd\x9c", 3);
    const char *p = memchr(s, ',', n), *q = nb_find(s, n, "\xef\xbc\x8c", 3);
    f->end = ar->end;
    f->comma = p ? (size_t)(p - t) : f->end;
    f->wide = q ? (size_t)(q - t) : f->end;
}

/* Might line t[a, b) hold a , or ，? (The cursors moved to a first.) */
static int line_has_comma(const char *t, size_t a, size_t b, area_seps *f)
{
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

/* In a tab or pipe row, text after the row's first number is one of its cells. */
static void text_after_values_is_value(tokv *tv, size_t from)
{
    int seen = 0;
    for (size_t q = from; q < tv->n; q++) {
        tok *k = &tv->v[q];
        if (k->kind == K_VALUE)
            seen = 1;
        else if (k->kind == K_TEXT && seen)
            k->kind = K_VALUE;
    }
}

/* A non-blank line t[a, b) in its own layout, counted into n. */
static void tokenize_row_line(tokv *tv, const char *t, size_t a, size_t b, area_seps *f, line_counts *n)
{
    n->nonempty++;
    if (t[a] == '\t')
        n->tabbed++;
    size_t from = tv->n;
    int table_row = 0;
    if (f->pipes && ex_pipe_seps(t, a, b) >= 2) {
        ex_tokenize_pipe(tv, t, a, b);
        text_after_values_is_value(tv, from);
        table_row = 1;
    } else if (memchr(t + a, '\t', b - a)) {
        ex_tokenize_tab_row(tv, t, a, b);
        text_after_values_is_value(tv, from);
        table_row = t[a] != '\t';
    } else if (line_has_comma(t, a, b, f) && ex_comma_seps(t, a, b) >= 2) {
        ex_tokenize_comma_row(tv, t, a, b);
        text_after_values_is_value(tv, from);
        table_row = t[a] != ',' && (unsigned char)t[a] != 0xEF;
    } else {
        ex_tokenize_plain(tv, t, a, b, LK_PLAIN);
    }
    int nvals = 0, ncells = 0;
    for (size_t q = from; q < tv->n; q++) {
        if (tv->v[q].kind == K_VALUE)
            nvals++;
        if (tv->v[q].kind == K_VALUE || tv->v[q].kind == K_TEXT)
            ncells++;
    }
    if (nvals >= 2 || (ncells >= 2 && table_row))
        n->multi++;
    else if (ncells == 1)
        n->single++;
    ex_emit(tv, K_EOL, b, 0, LK_PLAIN);
}

/* Tokenise the lines of the area, one cell a line or rows on lines. */
static void tokenize_lines(const nb_report *r, const area *ar, tokv *tv, int cells_mode, int tab_cells,
                           line_counts *n)
{
    const nb_doc *d = &r->doc;
    const char *t = d->text;
    area_seps f;
    find_area_seps(t, ar, &f);
    size_t l0 = nb_doc_line_of(d, ar->start), l1 = nb_doc_line_of(d, ar->end ? ar->end - 1 : 0);
    for (size_t li = l0; li <= l1 && li < d->nlines; li++) {
        size_t a, b;
        nb_doc_line(d, li, &a, &b);
        if (a < ar->start)
            a = ar->start;
        if (b > ar->end)
            b = ar->end;
        size_t x = a, y = b;
        if (a < b)
            ex_trim(t, &x, &y);
        if (cells_mode)
            ex_tokenize_cells_line(tv, t, a, b, x, y, tab_cells);
        else if (x >= y)
            ex_emit(tv, K_BREAK, a, 0, LK_PLAIN);
        else
            tokenize_row_line(tv, t, a, b, &f, n);
    }
}

void ex_tokenize_area(const nb_report *r, const area *ar, tokv *tv, int *cells_mode)
{
    *cells_mode = 0;
    if (ar->end <= ar->start)
        return;
    line_counts n = {0, 0, 0, 0};
    tokenize_lines(r, ar, tv, 0, 0, &n);
    /* one cell a line (Word's plain text, HTML flattened): rows span lines */
    *cells_mode = n.single > 4 * n.multi;
    if (*cells_mode) {
        tv->n = 0;
        line_counts unused = {0, 0, 0, 0};
        tokenize_lines(r, ar, tv, 1, n.tabbed * 2 >= n.nonempty, &unused);
    }
}
