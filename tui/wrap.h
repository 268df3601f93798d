/* wrap.h — the report's text cut into screen rows at a width, for the text
 * pane: a line wraps where its next character would pass the width (a
 * wide character is never split, a tab reaches the next multiple of 8 of
 * its line); a long line — one with marks (model/doc.h, nb_docmark) — also
 * starts a row at each of its marks. A row is named by the text offset it
 * starts at, and any row is found from the mark or the line start before
 * it: no function here walks more than a mark's step of a long line plus
 * the rows it is asked to cross, however long the line. */
#ifndef NB_WRAP_H
#define NB_WRAP_H

#include <stddef.h>
#include <stdint.h>

#include "model/doc.h"

/* Walking a line's characters as they wrap. */
typedef struct nb_wrap {
    const nb_doc *d;
    size_t i;     /* the next character */
    size_t e;     /* the end of its line */
    size_t brk;   /* the next mark on the line (a row starts there), or e */
    const nb_docmark *marks; /* d's marks (nb_doc_marks), nmarks of them */
    size_t nmarks;
    size_t mk;    /* the index of that mark in marks */
    size_t lcol;  /* the column on the line, for tabs */
    int col;      /* the column on the row */
    int width;
} nb_wrap;

/* Start at the beginning of the stretch that holds off: its line's start,
 * or the last mark at or before off on its line (a row starts there). */
void nb_wrap_from(nb_wrap *w, const nb_doc *d, size_t off, int width);
/* The next character: where it starts, its code point, its width, its
 * column on its row; returns 0 at the line's end, 2 when it begins a new
 * row, else 1. */
int nb_wrap_next(nb_wrap *w, size_t *start, uint32_t *cp, int *cw, int *col);

/* The start of the row that holds off, and off's column on it (col may be
 * NULL). At a line's end: its last row, and the column after its text. */
size_t nb_row_of(const nb_doc *d, size_t off, int width, int *col);
/* The row n rows below (n > 0) or above (n < 0) the row that starts at
 * row, stopping at the text's first and last rows. */
size_t nb_row_step(const nb_doc *d, size_t row, long n, int width);
/* The character of the row that starts at row under column col: the
 * row's last character when col is past it (the line's end on a line's
 * last row). */
size_t nb_row_at_col(const nb_doc *d, size_t row, int col, int width);
/* How many rows from the row that starts at from down to the row that
 * starts at to (0 when they are the same row), counting no further than
 * max (then max + 1). */
int nb_rows_between(const nb_doc *d, size_t from, size_t to, int width, int max);
/* The last row of the line that holds off. */
size_t nb_row_last_of_line(const nb_doc *d, size_t off, int width);

#endif
