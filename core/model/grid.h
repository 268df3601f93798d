/* grid.h — a table as a structured source holds it (docx w:tbl, html
 * <table>, a ruled PDF table): rows × columns with merged cells resolved,
 * each cell's text a span of the document text the console shows, and
 * where it stands in the source (page, table, row, column). Every
 * structured reader produces these; the extractor maps their rows and
 * columns to canonical cell IDs by label. */
#ifndef NB_GRID_H
#define NB_GRID_H

#include <stddef.h>

/* The column mark between the cells of a table's text line (read/build
 * lays each grid row out as one line: a mark, then each cell, a space on
 * either side, and a mark after it). */
#define NB_COLMARK "│"

typedef struct nb_gcell {
    size_t off, len;     /* the cell's text in doc.text (len 0: an empty cell) */
    int row, col;        /* top-left slot in the grid, 0-based */
    int rowspan, colspan;/* slots covered (at least 1 each) */
    int page;            /* PDF: 1-based page of the cell's text; else 0 */
    int src_first;       /* docx: the cell's w:t elements, by 0-based ordinal */
    int src_count;       /*   in word/document.xml (0: the cell has none) */
    int src_tc;          /* docx: 1-based ordinal of the cell's w:tc; else 0 */
} nb_gcell;

typedef struct nb_grid {
    int nrows, ncols;
    nb_gcell *cells;     /* the distinct cells; a merged cell once */
    int ncells;
    int *at;             /* nrows × ncols: index in cells of the cell covering a slot, -1 none */
    int table_no;        /* 1-based, in document order */
    size_t off, end;     /* the table's span in doc.text */
    int page_first, page_last; /* PDF: pages the table spans (joined across a page break); else 0 */
} nb_grid;

/* The cell covering slot (row, col), or NULL. */
static inline const nb_gcell *nb_grid_at(const nb_grid *g, int row, int col)
{
    if (row < 0 || col < 0 || row >= g->nrows || col >= g->ncols)
        return NULL;
    int k = g->at[row * g->ncols + col];
    return k < 0 ? NULL : &g->cells[k];
}

#endif
