/* pdf_page.h — the PDF reader's model of a page, shared by its parts:
 * glyphs with their boxes (points, y down from the top of the page),
 * ruling lines, tables as rows × columns of cells, and the blocks
 * (paragraphs and tables) of the document in reading order. */
#ifndef NB_PDF_PAGE_H
#define NB_PDF_PAGE_H

#include <stddef.h>
#include <stdint.h>

typedef struct nb_pbox {
    double x0, y0, x1, y1;
} nb_pbox;

typedef struct nb_pglyph {
    nb_pbox b;
    uint32_t cp;
    int table;   /* index of the page's table holding it, or -1 */
} nb_pglyph;

/* A ruling line: horizontal at y = at from x = from to x = to, or
 * vertical at x = at from y = from to y = to. */
typedef struct nb_prule {
    double at, from, to;
} nb_prule;

typedef struct nb_prules {
    nb_prule *h, *v;
    size_t nh, nv, hcap, vcap;
} nb_prules;

typedef struct nb_pcell {
    int row, col, rowspan, colspan;
    int page;            /* 1-based */
    char *text;          /* UTF-8, its lines joined; never NULL */
    size_t len;
} nb_pcell;

typedef struct nb_ptable {
    int nrows, ncols;
    double *xs;          /* ncols + 1 column borders, left to right */
    nb_pcell *cells;
    size_t ncells, cap;
} nb_ptable;

/* A paragraph or a table, where it stands on its page (or pages). */
typedef struct nb_pblock {
    int page, page_last;
    double top, bottom;  /* on page and on page_last */
    char *text;          /* a paragraph: UTF-8 */
    size_t len;
    nb_ptable *table;    /* or a table */
    int open_top;        /* a paragraph whose first line is not indented */
    int open_bottom;     /* a paragraph whose last line runs to the margin */
    int margin;          /* a paragraph in the page's top or bottom margin */
} nb_pblock;

typedef struct nb_pblocks {
    nb_pblock *b;
    size_t n, cap;
} nb_pblocks;

/* Tolerance, in points, for lines and borders meant to be at one place. */
#define NB_PDF_TOL 2.5

/* The cell of t covering slot (row, col), or NULL. */
nb_pcell *nb_ptable_at(nb_ptable *t, int row, int col);
/* Add a cell (the text is copied); -1 when out of memory. */
int nb_ptable_add(nb_ptable *t, int row, int col, int rowspan, int colspan, int page, const char *s, size_t n);
void nb_ptable_free(nb_ptable *t);

/* Append a block (taking text or table); -1 when out of memory (and the
 * text or table is freed). */
int nb_pblocks_add(nb_pblocks *bs, nb_pblock blk);
void nb_pblocks_free(nb_pblocks *bs);
void nb_pblock_free(nb_pblock *b);

#endif
