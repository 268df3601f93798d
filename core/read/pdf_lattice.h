/* pdf_lattice.h — ruled tables: the rules that meet one another make a
 * lattice of rows and columns; where a border is missing, slots merge into
 * one cell; each glyph goes to the cell holding its centre. */
#ifndef NB_PDF_LATTICE_H
#define NB_PDF_LATTICE_H

#include <stddef.h>
#include "read/pdf_page.h"

#define NB_PDF_MAX_ROWS 400
#define NB_PDF_MAX_COLS 60

/* The tables of page `page` (1-based) drawn by rules r, appended to out as
 * blocks; glyphs inside a table get its number (0, 1, … on this page) in
 * their `table`. */
int nb_pdf_lattice(const nb_prules *r, nb_pglyph *g, size_t ng, int page, nb_pblocks *out);

/* Sorted positions v[0, n) clustered within NB_PDF_TOL: their means in
 * out (at least n long); returns how many. */
size_t nb_pdf_cluster(double *v, size_t n, double *out);

/* A cell's text from the glyphs idx[0, n) of g it holds; appended to t as
 * the cell at (row, col) spanning rowspan × colspan. */
int nb_pdf_cell_from(nb_ptable *t, const nb_pglyph *g, const size_t *idx, size_t n, int row, int col, int rowspan,
                     int colspan, int page);

#endif
