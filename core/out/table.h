/* table.h — a text table for a terminal: its columns aligned by display
 * columns (CJK two wide), some to the right, and when the table must fit a
 * width the columns allowed to shrink cut at a character boundary with "…"
 * (at their end, or at their start to keep a path's file name). Text is
 * made safe as it is added: control characters shown as ^X or <XX>, bytes
 * that are not UTF-8 as U+FFFD. The rows are kept until the table is written,
 * since every row decides the widths. */
#ifndef NB_TABLE_H
#define NB_TABLE_H

#include <stddef.h>
#include <stdio.h>
#include "base/err.h"

#define NB_TABLE_MAXCOLS 32
#define NB_TABLE_GAP 2     /* spaces between columns */
#define NB_TABLE_MIN 8     /* a column is not cut narrower than this */

typedef struct nb_table {
    int ncols;
    char **cells;          /* row by row, the header first: (nrows + 1) × ncols */
    size_t nrows, cap;     /* rows below the header; rows allocated */
    unsigned right;        /* bit c: column c aligned to the right */
    unsigned shrink;       /* bit c: column c may be cut to fit the width */
    unsigned keep_end;     /* bit c: column c is cut at its start ("…/b/report.txt") */
    nb_lang lang;          /* the language of its errors */
} nb_table;

/* A table of ncols columns headed head[0, ncols); its errors said in lang. */
int nb_table_init(nb_table *t, int ncols, const char *const *head, nb_lang lang, nb_err *err);
/* A row of ncols cells (NULL: empty). */
int nb_table_add(nb_table *t, const char *const *cells, nb_err *err);
void nb_table_free(nb_table *t);

/* The width of each column (widths[ncols]) when the table fits max_width
 * (0: no limit) by cutting the columns allowed to shrink, the widest first,
 * down to NB_TABLE_MIN. */
void nb_table_widths(const nb_table *t, size_t max_width, size_t *widths);
/* The table, header first, each line without trailing spaces. 0, or -1 on
 * a write error. */
int nb_table_write(const nb_table *t, FILE *out, size_t max_width);

/* s written into a column of width w: cut to w (at its end, or at its start
 * when keep_end) with "…", padded with spaces to w on the side align_right
 * says, into out (cap bytes: at least strlen(s) + w + 4). */
void nb_table_fit(const char *s, size_t w, int align_right, int keep_end, char *out, size_t cap);

#endif
