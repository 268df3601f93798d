/* tgrid.h — a source table's cells placed on a grid of slots as the source
 * gives them (HTML rowspan/colspan, docx gridSpan/vMerge/gridBefore), then
 * tidied (rows no cell starts in and sliver columns that only spans cover
 * are dropped, so they shift no cell) and handed to the document builder
 * with each cell's place in the source (docx w:t and w:tc ordinals). */
#ifndef NB_TGRID_H
#define NB_TGRID_H

#include <stddef.h>
#include "read/build.h"

/* At most this many slots (rows × columns) in one table; more is refused. */
#define NB_TGRID_MAX_SLOTS ((size_t)1 << 22)
#define NB_TGRID_MAX_SPAN 1000

typedef struct nb_tcell {
    int row, col, rowspan, colspan;
    char *text;            /* one line, trimmed, owned */
    size_t len;
    int src_first, src_count, src_tc;
} nb_tcell;

typedef struct nb_tgrid {
    nb_tcell *cells;
    size_t ncells, cells_cap;
    int *occ;              /* rows_cap × cols_cap: index of the covering cell, -1 free */
    int rows_cap, cols_cap;
    int nrows, ncols;      /* slots used so far */
} nb_tgrid;

void nb_tgrid_init(nb_tgrid *t);
void nb_tgrid_free(nb_tgrid *t);

/* Index of the cell covering slot (row, col), or -1. */
int nb_tgrid_at(const nb_tgrid *t, int row, int col);
/* The first free column at or after col in row (HTML: skip slots taken by
 * rowspans from above). -1 when the table would grow too big. */
int nb_tgrid_free_col(nb_tgrid *t, int row, int col);
/* Place a cell; its text is copied onto one line (line breaks and tabs
 * become spaces) with white space (also U+3000, NBSP) trimmed from both
 * ends. A span that would cover a taken slot is cut
 * short before it. Returns the cell's index, or -1 (out of memory, or over
 * NB_TGRID_MAX_SLOTS). */
int nb_tgrid_add(nb_tgrid *t, int row, int col, int rowspan, int colspan, const char *s, size_t n);
/* Grow cell k one row down (a vertical merge continued); 0, or -1 when a
 * slot below it is taken or the table would grow too big. */
int nb_tgrid_extend_down(nb_tgrid *t, int k);
/* Append text to cell k (a space first when it has text already). */
int nb_tgrid_append(nb_tgrid *t, int k, const char *s, size_t n);

/* Narrow s[*a, *b) to leave out white space (nb_is_space) at both ends. */
void nb_trim_spaces(const char *s, size_t *a, size_t *b);

/* Forget the cells placed so far (a table given up on). */
void nb_tgrid_reset(nb_tgrid *t);

/* Tidy the grid and add it to the document as a table (see build.h); the
 * cells' source places go with it. Leaves t empty for the next table. */
int nb_tgrid_emit(nb_tgrid *t, nb_docb *b);

#endif
