/* build.h — building the document of a structured source (docx, html, pdf,
 * doc): its paragraphs and tables, in document order, become the text the
 * console shows — a paragraph a line, a table a line per grid row with its
 * cells between visible column marks (│) — and each table a grid whose
 * cells are spans of that text. Every structured reader builds through
 * this, so all of them show and extract alike. */
#ifndef NB_BUILD_H
#define NB_BUILD_H

#include <stddef.h>
#include "base/err.h"
#include "model/doc.h"
#include "model/grid.h"


typedef struct nb_bcell {
    int row, col, rowspan, colspan, page;
    char *text;
    size_t len;
} nb_bcell;

typedef struct nb_docb {
    char *text;                /* the document text so far */
    size_t len, cap;
    int *line_page;            /* page of each line so far (when any page was given) */
    size_t nlines, pages_cap;
    int any_page;
    nb_grid *grids;
    int ngrids;
    size_t grids_cap;
    /* the table being built */
    int in_table, nrows, ncols;
    nb_bcell *cells;
    size_t ncells, cells_cap;
    unsigned char *taken;      /* nrows × ncols: a slot some cell covers */
} nb_docb;

void nb_docb_init(nb_docb *b);
/* A paragraph: one line (line breaks inside become lines too; white space
 * runs are kept; invalid UTF-8 becomes U+FFFD). page: 1-based, or 0. */
int nb_docb_para(nb_docb *b, const char *s, size_t n, int page);
/* A table of at most nrows × ncols slots; cells are added in any order. */
int nb_docb_table_begin(nb_docb *b, int nrows, int ncols);
/* A cell at (row, col) covering rowspan × colspan slots; its text (line
 * breaks inside become spaces). Slots already covered are refused (-1). */
int nb_docb_cell(nb_docb *b, int row, int col, int rowspan, int colspan, const char *s, size_t n, int page);
/* Lay the table out as text lines and record its grid. An empty table
 * (no cell with text) leaves nothing. */
int nb_docb_table_end(nb_docb *b);
/* Hand the text, lines, grids and pages to d (path copied, kind set); an
 * error (out of memory, a text over 4 GiB) said in lang. */
int nb_docb_finish(nb_docb *b, nb_doc *d, const char *path, nb_kind kind, nb_lang lang, nb_err *err);
void nb_docb_free(nb_docb *b);

#endif
