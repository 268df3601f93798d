/* grid.h — the extractor's grid path, private to core/extract: a
 * structured document's tables (model/grid.h) read into cells under their
 * canonical IDs by their labels — each row by the label cells beside its
 * values, each column by the header cells over it (by the order of a
 * row's cells only when those name them not one to one, grid_fill.c) —
 * instead of tokenising the text lines the tables are shown as.
 *
 *   grid.c        the driver: the grids in the tables' area, rows matched,
 *                 cells filled, labels recorded; a table no grid holds is
 *                 read from the text as before
 *   grid_sheet.c  one grid read: each cell a value, a blank or text; each
 *                 row data, header, group heading or a wrapped label's
 *                 fragment; the header band each data row is read under
 *   grid_rows.c   data rows to schema rows by their labels (fragments of a
 *                 wrapped label folded in), each schema row taken once
 *   grid_cols.c   header paths to columns, T4's rows from its headers, a
 *                 headerless grid continuing the table before it, headers
 *                 that deviate from the standard wording
 *   grid_fill.c   the cells: a value, a blank at its slot, or text
 *   grid_extras.c rows and columns beyond the template, as the text's are */
#ifndef NB_EXTRACT_GRID_H
#define NB_EXTRACT_GRID_H

#include "extract/internal.h"
#include "model/ctx.h"
#include "model/grid.h"

/* what a cell holds */
enum { GK_NONE = 0, GK_EMPTY, GK_VALUE, GK_TEXT };
/* what a row is */
enum { GR_EMPTY = 0, GR_DATA, GR_HEADER, GR_GROUP, GR_FRAG };

/* A text cell as the lexicon sees it (computed once a cell). */
typedef struct glabel {
    nb_ustr u;          /* normal form, numbering and trailing punctuation dropped */
    int row;            /* nearest T2/T3 row, or -1 */
    float sim;          /* and how near (1: exactly) */
    unsigned char header;  /* exactly a header word */
    unsigned char group;   /* part of a group heading */
    unsigned char numbered;
} glabel;

/* One grid as read. Per cell: kind, trimmed text, label (index into the
 * document's labels, -1 for values and blanks). Per row: class and the
 * header band [h0, h1) its columns are read under (h0 == h1: none). */
typedef struct gsheet {
    const nb_grid *g;
    unsigned char *kind;
    size_t *off, *len;
    int *lab;
    unsigned char *cls;
    int *h0, *h1;
    int from;           /* a grid without headers: the sheet whose last band it continues, or -1 */
    int *colmap;        /* and its columns there (ncols of them, -1: none) */
    void *block;        /* the arrays above, allocated as one */
} gsheet;

/* A cell of a sheet. */
typedef struct gref {
    int sheet, cell;
} gref;

#define GMAXPATH 6
/* The header cells over a column, top to bottom. */
typedef struct gpath {
    int n;
    gref c[GMAXPATH];
} gpath;

#define GMAXFRAG 4
/* A data row: where it is, its label cell and the fragments of a wrapped
 * label folded into it (cells of rows above, then below), the schema row
 * it was matched to. */
typedef struct gdrow {
    int sheet, r;
    int label;          /* cell, or -1 */
    int pre[GMAXFRAG], npre, post[GMAXFRAG], npost;
    int cand;           /* the schema row its label is nearest, or -1 */
    float sim;          /* and how near */
    int row;            /* the schema row it was matched to, or -1 */
    int values;         /* it holds a value (else it is a label alone: a row of blanks) */
    size_t at;          /* where the row starts in the text */
} gdrow;

typedef struct gdoc {
    nb_report *r;
    const lexicon *L;
    nb_memo *memo; /* the lexicon's answers kept across reports, or NULL */
    const char *t;
    area ar;
    gsheet *sh;
    int nsh;
    glabel *lab;
    size_t nlab, labcap;
    gdrow *rows;
    size_t nrows, rowcap;
    int oom;
} gdoc;

/* grid.c */
/* How the driver reads tables from the text (extract.c). */
typedef int (*ex_text_fn)(nb_report *r, const lexicon *L, const nb_ctx *ctx, const area *ar, nb_err *err);
/* T2, T3 and T4 from the document's grids (ctx's label memo, trace and
 * language); a table no grid holds from the text by `text` (ctx handed on
 * to it). 0, or -1 with err (no memory). */
int ex_grid_tables(nb_report *r, const lexicon *L, const nb_ctx *ctx, const area *ar, ex_text_fn text, nb_err *err);

/* grid_sheet.c */
/* Read grid g into sheet s (index si of the document's); 0 or -1 (no memory). */
int gx_sheet_read(gdoc *D, int si, const nb_grid *g);
void gx_sheet_free(gsheet *s);
/* The label of a cell, or NULL for a value or a blank. */
const glabel *gx_label(const gdoc *D, int si, int cell);
/* The cells covering row r (each once, left to right) into out; how many. */
int gx_row_cells(const nb_grid *g, int r, int *out, int cap);

/* grid_rows.c */
/* Every data row of every sheet, wrapped labels folded, matched to schema
 * rows (each schema row taken once, first exact labels, then near ones). */
int gx_match_rows(gdoc *D);
/* A data row's label as found (fragments joined by spaces) and where. */
void gx_row_label_text(const gdoc *D, const gdrow *w, char *out, size_t cap, size_t *off);
/* The normal form of a data row's label with its fragments. */
void gx_row_label(const gdoc *D, const gdrow *w, nb_ustr *u);
/* Is text offset at where table t (NB_T2 …) may stand? */
int gx_in_area(const gdoc *D, int t, size_t at);

/* grid_cols.c */
/* The header path over column c of sheet si for row r (its own band, or
 * the band it continues). */
void gx_path(const gdoc *D, int si, int r, int c, gpath *p);
/* The column of a schema row a header path names (the deepest component
 * that is a column's wording or near it), or -1; *by: the component. */
int gx_path_col(const gdoc *D, const gpath *p, int row, gref *by);
/* The T4 row a row's label cells or a header path names, or -1. */
int gx_t4_row(const gdoc *D, const gdrow *w, const gpath *p);
/* Link each headerless sheet to the band it continues. */
int gx_link_continued(gdoc *D);
/* Record a header that deviates from the standard wording of its column. */
void gx_note_header(gdoc *D, int table, gref by);

/* grid_fill.c */
/* Fill the cells of every matched row and of T4; the rows found. */
void gx_fill(gdoc *D);

/* grid_extras.c */
/* Rows and columns beyond the template, and T2's fee unit; -1 when out of memory. */
int gx_record_extras(gdoc *D);

#endif
