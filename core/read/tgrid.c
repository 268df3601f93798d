/* tgrid.c — placing a source table's cells on slots, tidying the grid and
 * handing it to the document builder. */
#include "read/tgrid.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

void nb_tgrid_init(nb_tgrid *t)
{
    memset(t, 0, sizeof *t);
}

static void clear_cells(nb_tgrid *t)
{
    for (size_t k = 0; k < t->ncells; k++)
        free(t->cells[k].text);
    t->ncells = 0;
    t->nrows = t->ncols = 0;
    if (t->occ)
        for (size_t i = 0; i < (size_t)t->rows_cap * (size_t)t->cols_cap; i++)
            t->occ[i] = -1;
}

void nb_tgrid_reset(nb_tgrid *t)
{
    clear_cells(t);
}

void nb_tgrid_free(nb_tgrid *t)
{
    clear_cells(t);
    free(t->cells);
    free(t->occ);
    memset(t, 0, sizeof *t);
}

int nb_tgrid_at(const nb_tgrid *t, int row, int col)
{
    if (row < 0 || col < 0 || row >= t->rows_cap || col >= t->cols_cap)
        return -1;
    return t->occ[(size_t)row * (size_t)t->cols_cap + (size_t)col];
}

/* Make slots [0, rows) × [0, cols) addressable. */
static int ensure(nb_tgrid *t, int rows, int cols)
{
    if (rows <= t->rows_cap && cols <= t->cols_cap)
        return 0;
    if ((size_t)rows * (size_t)cols > NB_TGRID_MAX_SLOTS)
        return -1;
    int nr = rows > t->rows_cap ? (rows > 2 * t->rows_cap ? rows : 2 * t->rows_cap) : t->rows_cap;
    int nc = cols > t->cols_cap ? (cols > 2 * t->cols_cap ? cols : 2 * t->cols_cap) : t->cols_cap;
    if ((size_t)nr * (size_t)nc > NB_TGRID_MAX_SLOTS) {
        nr = rows > t->rows_cap ? rows : t->rows_cap;
        nc = cols > t->cols_cap ? cols : t->cols_cap;
    }
    int *occ = malloc((size_t)nr * (size_t)nc * sizeof *occ);
    if (!occ)
        return -1;
    for (size_t i = 0; i < (size_t)nr * (size_t)nc; i++)
        occ[i] = -1;
    for (int r = 0; r < t->rows_cap; r++)
        memcpy(occ + (size_t)r * (size_t)nc, t->occ + (size_t)r * (size_t)t->cols_cap,
               (size_t)t->cols_cap * sizeof *occ);
    free(t->occ);
    t->occ = occ;
    t->rows_cap = nr;
    t->cols_cap = nc;
    return 0;
}

int nb_tgrid_free_col(nb_tgrid *t, int row, int col)
{
    while (nb_tgrid_at(t, row, col) >= 0)
        col++;
    return ensure(t, row + 1, col + 1) == 0 ? col : -1;
}


void nb_trim_spaces(const char *s, size_t *a, size_t *b)
{
    *a = nb_skip_spaces(s, *a, *b);
    size_t end = *b;
    while (end > *a) {
        size_t st = end - 1;
        while (st > *a && ((unsigned char)s[st] & 0xC0) == 0x80)
            st--;
        size_t j = st;
        if (!nb_is_space(nb_utf8_get(s, end, &j)))
            break;
        end = st;
    }
    *b = end;
}

/* Copy a cell's text onto one line: line breaks and tabs become spaces
 * (as the document shows them), and a NUL ends it. */
static void copy_flat(char *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
    out[n] = '\0';
}

static void mark(nb_tgrid *t, int k, int r0, int r1, int c0, int c1)
{
    for (int r = r0; r < r1; r++)
        for (int c = c0; c < c1; c++)
            t->occ[(size_t)r * (size_t)t->cols_cap + (size_t)c] = k;
}

int nb_tgrid_add(nb_tgrid *t, int row, int col, int rowspan, int colspan, const char *s, size_t n)
{
    if (row < 0 || col < 0)
        return -1;
    rowspan = rowspan < 1 ? 1 : rowspan > 65534 ? 65534 : rowspan;
    colspan = colspan < 1 ? 1 : colspan > NB_TGRID_MAX_SPAN ? NB_TGRID_MAX_SPAN : colspan;
    if (ensure(t, row + rowspan, col + colspan) != 0 || nb_tgrid_at(t, row, col) >= 0)
        return -1;
    for (int c = col + 1; c < col + colspan; c++)
        if (nb_tgrid_at(t, row, c) >= 0) {
            colspan = c - col;
            break;
        }
    for (int r = row + 1; r < row + rowspan; r++)
        for (int c = col; c < col + colspan; c++)
            if (nb_tgrid_at(t, r, c) >= 0) {
                rowspan = r - row;
                break;
            }
    if (nb_grow(&t->cells, &t->cells_cap, t->ncells + 1, sizeof *t->cells, 32) != 0)
        return -1;
    size_t a = 0, e = n;
    nb_trim_spaces(s, &a, &e);
    nb_tcell *x = &t->cells[t->ncells];
    memset(x, 0, sizeof *x);
    if (!(x->text = malloc(e - a + 1)))
        return -1;
    copy_flat(x->text, s + a, e - a);
    x->len = e - a;
    x->row = row;
    x->col = col;
    x->rowspan = rowspan;
    x->colspan = colspan;
    int k = (int)t->ncells++;
    mark(t, k, row, row + rowspan, col, col + colspan);
    if (row + rowspan > t->nrows)
        t->nrows = row + rowspan;
    if (col + colspan > t->ncols)
        t->ncols = col + colspan;
    return k;
}

int nb_tgrid_extend_down(nb_tgrid *t, int k)
{
    nb_tcell *x = &t->cells[k];
    int r = x->row + x->rowspan;
    if (ensure(t, r + 1, x->col + x->colspan) != 0)
        return -1;
    for (int c = x->col; c < x->col + x->colspan; c++)
        if (nb_tgrid_at(t, r, c) >= 0)
            return -1;
    mark(t, k, r, r + 1, x->col, x->col + x->colspan);
    x->rowspan++;
    if (r + 1 > t->nrows)
        t->nrows = r + 1;
    return 0;
}

int nb_tgrid_append(nb_tgrid *t, int k, const char *s, size_t n)
{
    nb_tcell *x = &t->cells[k];
    size_t a = 0, e = n;
    nb_trim_spaces(s, &a, &e);
    if (a == e)
        return 0;
    char *nt = realloc(x->text, x->len + 1 + (e - a) + 1);
    if (!nt)
        return -1;
    x->text = nt;
    if (x->len)
        x->text[x->len++] = ' ';
    copy_flat(x->text + x->len, s + a, e - a);
    x->len += e - a;
    x->text[x->len] = '\0';
    return 0;
}

/* Which rows and columns stay: a row some cell starts in; a column some
 * one-column cell covers (and, for a cell that covers only columns that
 * go, its first). keep[i + 1] is then the count of kept ones before i + 1. */
static void kept(const nb_tgrid *t, int *rmap, int *cmap)
{
    for (size_t k = 0; k < t->ncells; k++) {
        const nb_tcell *x = &t->cells[k];
        rmap[x->row + 1] = 1;
        if (x->colspan == 1)
            cmap[x->col + 1] = 1;
    }
    for (size_t k = 0; k < t->ncells; k++) {
        const nb_tcell *x = &t->cells[k];
        int any = 0;
        for (int c = x->col; c < x->col + x->colspan && !any; c++)
            any = cmap[c + 1];
        if (!any)
            cmap[x->col + 1] = 1;
    }
    for (int r = 0; r < t->nrows; r++)
        rmap[r + 1] += rmap[r];
    for (int c = 0; c < t->ncols; c++)
        cmap[c + 1] += cmap[c];
}

/* The builder's grid just recorded gets each cell's source place. */
static void give_sources(const nb_tgrid *t, nb_docb *b)
{
    nb_grid *g = &b->grids[b->ngrids - 1];
    for (int k = 0; k < g->ncells && (size_t)k < t->ncells; k++) {
        g->cells[k].src_first = t->cells[k].src_first;
        g->cells[k].src_count = t->cells[k].src_count;
        g->cells[k].src_tc = t->cells[k].src_tc;
    }
}

int nb_tgrid_emit(nb_tgrid *t, nb_docb *b)
{
    int *rmap = calloc((size_t)t->nrows + 1, sizeof *rmap);
    int *cmap = calloc((size_t)t->ncols + 1, sizeof *cmap);
    int rc = rmap && cmap ? 0 : -1;
    if (rc == 0 && t->ncells) {
        kept(t, rmap, cmap);
        int before = b->ngrids;
        rc = nb_docb_table_begin(b, rmap[t->nrows], cmap[t->ncols]);
        for (size_t k = 0; k < t->ncells && rc == 0; k++) {
            const nb_tcell *x = &t->cells[k];
            int r = rmap[x->row], c = cmap[x->col];
            rc = nb_docb_cell(b, r, c, rmap[x->row + x->rowspan] - r, cmap[x->col + x->colspan] - c, x->text, x->len, 0);
        }
        if (rc == 0)
            rc = nb_docb_table_end(b);
        if (rc == 0 && b->ngrids > before)
            give_sources(t, b);
    }
    free(rmap);
    free(cmap);
    clear_cells(t);
    return rc;
}
