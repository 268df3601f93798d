/* pdf_cols.c — tables without rules, from the positions of words: a line
 * breaks into pieces at gaps of two characters or more; a run of such lines
 * is a table whose columns the first line's pieces set (borders half-way
 * between them), each piece going to the column holding its centre. */
#include "read/pdf_cols.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

#define WIDE_GAP 1.5   /* line heights: a gap this wide parts columns */
#define ROW_GAP 2.5    /* line heights between rows of one table, at most */
#define MAX_PIECES 64

/* A piece of a line between wide gaps: glyph positions [from, to) in it. */
typedef struct piece {
    size_t from, to;
    double x0, x1;
} piece;

static size_t pieces_of(const nb_pglyph *g, const nb_plines *ls, size_t k, piece *out)
{
    const nb_pline *l = &ls->l[k];
    size_t n = 0, from = 0;
    for (size_t j = 1; j <= l->n && n < MAX_PIECES; j++) {
        const nb_pglyph *a = &g[ls->idx[l->first + j - 1]];
        if (j < l->n && g[ls->idx[l->first + j]].b.x0 - a->b.x1 <= WIDE_GAP * l->h)
            continue;
        out[n++] = (piece){from, j, g[ls->idx[l->first + from]].b.x0, a->b.x1};
        from = j;
    }
    return n;
}

/* The column of x among the header's pieces (borders half-way between). */
static int column_of(const piece *hdr, size_t ncols, double x)
{
    size_t c = 0;
    while (c + 1 < ncols && x > (hdr[c].x1 + hdr[c + 1].x0) / 2)
        c++;
    return (int)c;
}

/* One row: each piece of line k appended to the text of its column. */
static int add_row(const nb_pglyph *g, const nb_plines *ls, size_t k, const piece *hdr, size_t ncols, int row,
                   int page, nb_ptable *t)
{
    piece p[MAX_PIECES];
    size_t np = pieces_of(g, ls, k, p);
    nb_pstr *cols = calloc(ncols, sizeof *cols);
    int rc = cols ? 0 : -1;
    for (size_t i = 0; i < np && rc == 0; i++) {
        nb_pstr *s = &cols[column_of(hdr, ncols, (p[i].x0 + p[i].x1) / 2)];
        if (s->len)
            rc = nb_pstr_put(s, " ", 1);
        if (rc == 0)
            rc = nb_pdf_line_text(g, ls, k, p[i].from, p[i].to, s);
    }
    for (size_t c = 0; c < ncols && rc == 0; c++)
        rc = nb_ptable_add(t, row, (int)c, 1, 1, page, cols[c].s ? cols[c].s : "", cols[c].len);
    for (size_t c = 0; cols && c < ncols; c++)
        free(cols[c].s);
    free(cols);
    return rc;
}

/* Lines [from, to) as one table: the header's pieces set the columns. */
static int make_table(const nb_pglyph *g, const nb_plines *ls, size_t from, size_t to, int page, nb_pblocks *out)
{
    piece hdr[MAX_PIECES];
    size_t ncols = pieces_of(g, ls, from, hdr);
    nb_ptable *t = calloc(1, sizeof *t);
    if (!t || !(t->xs = malloc((ncols + 1) * sizeof *t->xs))) {
        free(t);
        return -1;
    }
    t->nrows = (int)(to - from);
    t->ncols = (int)ncols;
    double left = hdr[0].x0, right = hdr[ncols - 1].x1;
    for (size_t k = from; k < to; k++) {
        left = ls->l[k].b.x0 < left ? ls->l[k].b.x0 : left;
        right = ls->l[k].b.x1 > right ? ls->l[k].b.x1 : right;
    }
    t->xs[0] = left;
    t->xs[ncols] = right;
    for (size_t c = 1; c < ncols; c++)
        t->xs[c] = (hdr[c - 1].x1 + hdr[c].x0) / 2;
    int rc = 0;
    for (size_t k = from; k < to && rc == 0; k++)
        rc = add_row(g, ls, k, hdr, ncols, (int)(k - from), page, t);
    if (rc != 0) {
        nb_ptable_free(t);
        return -1;
    }
    return nb_pblocks_add(out, (nb_pblock){page, page, ls->l[from].b.y0, ls->l[to - 1].b.y1, NULL, 0, t, 0, 0, 0});
}

int nb_pdf_unruled(const nb_pglyph *g, const nb_plines *ls, int page, unsigned char *used, nb_pblocks *out)
{
    piece p[MAX_PIECES];
    for (size_t k = 0; k < ls->nl;) {
        if (pieces_of(g, ls, k, p) < 2) {
            k++;
            continue;
        }
        size_t end = k + 1;
        while (end < ls->nl && pieces_of(g, ls, end, p) >= 2 &&
               ls->l[end].b.y0 - ls->l[end - 1].b.y1 <= ROW_GAP * ls->l[end - 1].h)
            end++;
        if (end - k >= 2) {
            if (make_table(g, ls, k, end, page, out) != 0)
                return -1;
            memset(used + k, 1, end - k);
        }
        k = end;
    }
    return 0;
}
