/* build.c — a structured source's paragraphs and tables laid out as the
 * document text, with the tables' grids pointing into it. */
#include "read/build.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

void nb_docb_init(nb_docb *b)
{
    memset(b, 0, sizeof *b);
}

static int put(nb_docb *b, const char *s, size_t n)
{
    if (nb_grow(&b->text, &b->cap, b->len + n + 1, 1, 4096) != 0)
        return -1;
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
    return 0;
}

static int put_spaces(nb_docb *b, size_t n)
{
    while (n--)
        if (put(b, " ", 1) != 0)
            return -1;
    return 0;
}

/* Append s as valid UTF-8 on one line: invalid bytes become U+FFFD, NUL is
 * dropped, line breaks and tabs become `brk` (a space, or '\n'). */
static int put_clean(nb_docb *b, const char *s, size_t n, char brk)
{
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = nb_utf8_get(s, n, &i);
        if (cp == 0)
            continue;
        if (cp == '\r' && i < n && s[i] == '\n')
            continue; /* \r\n: the \n makes the break */
        if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
            if (put(b, &brk, 1) != 0)
                return -1;
            continue;
        }
        char u[4];
        size_t k = cp == 0xFFFD && i - at == 1 ? nb_utf8_put(u, 0xFFFD) : 0;
        if (k ? put(b, u, k) != 0 : put(b, s + at, i - at) != 0)
            return -1;
    }
    return 0;
}

/* Record the page of every line that ends before b->len. */
static int note_lines(nb_docb *b, size_t from, int page)
{
    if (page)
        b->any_page = 1;
    for (size_t i = from; i < b->len; i++) {
        if (b->text[i] != '\n')
            continue;
        if (nb_grow(&b->line_page, &b->pages_cap, b->nlines + 1, sizeof *b->line_page, 64) != 0)
            return -1;
        b->line_page[b->nlines++] = page;
    }
    return 0;
}

int nb_docb_para(nb_docb *b, const char *s, size_t n, int page)
{
    size_t from = b->len;
    if (put_clean(b, s, n, '\n') != 0 || put(b, "\n", 1) != 0)
        return -1;
    return note_lines(b, from, page);
}

int nb_docb_table_begin(nb_docb *b, int nrows, int ncols)
{
    b->in_table = 1;
    b->nrows = nrows;
    b->ncols = ncols;
    b->ncells = 0;
    if (nrows < 0 || ncols < 0)
        return -1;
    free(b->taken);
    b->taken = calloc((size_t)nrows * (size_t)ncols + 1, 1);
    return b->taken ? 0 : -1;
}

int nb_docb_cell(nb_docb *b, int row, int col, int rowspan, int colspan, const char *s, size_t n, int page)
{
    if (!b->in_table || row < 0 || col < 0 || row >= b->nrows || col >= b->ncols)
        return -1;
    if (rowspan < 1)
        rowspan = 1;
    if (colspan < 1)
        colspan = 1;
    if (row + rowspan > b->nrows)
        rowspan = b->nrows - row;
    if (col + colspan > b->ncols)
        colspan = b->ncols - col;
    for (int r = row; r < row + rowspan; r++)
        for (int q = col; q < col + colspan; q++)
            if (b->taken[(size_t)r * (size_t)b->ncols + (size_t)q])
                return -1; /* overlaps a cell already placed */
    if (nb_grow(&b->cells, &b->cells_cap, b->ncells + 1, sizeof *b->cells, 32) != 0)
        return -1;
    nb_bcell *c = &b->cells[b->ncells];
    c->text = malloc(n + 1);
    if (!c->text)
        return -1;
    memcpy(c->text, s, n);
    c->text[n] = '\0';
    c->len = n;
    c->row = row;
    c->col = col;
    c->rowspan = rowspan;
    c->colspan = colspan;
    c->page = page;
    b->ncells++;
    for (int r = row; r < row + rowspan; r++)
        memset(b->taken + (size_t)r * (size_t)b->ncols + (size_t)col, 1, (size_t)colspan);
    return 0;
}

static void free_cells(nb_docb *b)
{
    for (size_t k = 0; k < b->ncells; k++)
        free(b->cells[k].text);
    b->ncells = 0;
    b->in_table = 0;
    free(b->taken);
    b->taken = NULL;
}

/* The slots' owners: at[r * ncols + c] = index of the covering cell, or -1. */
static int *cover(const nb_docb *b)
{
    int *at = malloc(((size_t)b->nrows * (size_t)b->ncols + 1) * sizeof *at);
    if (!at)
        return NULL;
    for (int i = 0; i < b->nrows * b->ncols; i++)
        at[i] = -1;
    for (size_t k = 0; k < b->ncells; k++) {
        const nb_bcell *c = &b->cells[k];
        for (int r = c->row; r < c->row + c->rowspan; r++)
            for (int q = c->col; q < c->col + c->colspan; q++)
                at[r * b->ncols + q] = (int)k;
    }
    return at;
}

/* Display width of a cell's text as laid out (one line). */
static size_t cell_cols(const nb_bcell *c)
{
    return nb_display_cols(c->text, c->len, 0);
}

#define NB_COL_PAD_MAX 30 /* columns padded up to this width; longer cells stay ragged */

static void column_widths(const nb_docb *b, size_t *w)
{
    for (int q = 0; q < b->ncols; q++)
        w[q] = 1;
    for (size_t k = 0; k < b->ncells; k++) {
        const nb_bcell *c = &b->cells[k];
        size_t cw = cell_cols(c);
        if (c->colspan == 1 && cw > w[c->col])
            w[c->col] = cw > NB_COL_PAD_MAX ? NB_COL_PAD_MAX : cw;
    }
}

/* One grid row as a text line; fills the spans of the cells that start in it. */
static int lay_row(nb_docb *b, int r, const int *at, const size_t *w, nb_gcell *out)
{
    size_t from = b->len;
    int page = 0;
    if (put(b, NB_COLMARK, sizeof NB_COLMARK - 1) != 0)
        return -1;
    for (int q = 0; q < b->ncols;) {
        int k = at[r * b->ncols + q];
        int span = k >= 0 ? b->cells[k].col + b->cells[k].colspan - q : 1;
        size_t width = 0;
        for (int j = q; j < q + span; j++)
            width += w[j] + (j > q ? 3 : 0);
        if (put(b, " ", 1) != 0)
            return -1;
        size_t used = 0;
        if (k >= 0 && b->cells[k].row == r) {
            const nb_bcell *c = &b->cells[k];
            out[k].off = b->len;
            if (put_clean(b, c->text, c->len, ' ') != 0)
                return -1;
            out[k].len = b->len - out[k].off;
            used = cell_cols(c);
            if (!page)
                page = c->page;
        }
        if (put_spaces(b, used < width ? width - used : 0) != 0 || put(b, " " NB_COLMARK, sizeof NB_COLMARK) != 0)
            return -1;
        q += span;
    }
    if (put(b, "\n", 1) != 0)
        return -1;
    return note_lines(b, from, page);
}

static int record_grid(nb_docb *b, int *at, nb_gcell *cells, size_t off)
{
    if (nb_grow(&b->grids, &b->grids_cap, (size_t)b->ngrids + 1, sizeof *b->grids, 4) != 0)
        return -1;
    nb_grid *g = &b->grids[b->ngrids];
    memset(g, 0, sizeof *g);
    g->nrows = b->nrows;
    g->ncols = b->ncols;
    g->cells = cells;
    g->ncells = (int)b->ncells;
    g->at = at;
    g->table_no = b->ngrids + 1;
    g->off = off;
    g->end = b->len;
    for (size_t k = 0; k < b->ncells; k++) {
        int p = cells[k].page;
        if (p && (!g->page_first || p < g->page_first))
            g->page_first = p;
        if (p > g->page_last)
            g->page_last = p;
    }
    b->ngrids++;
    return 0;
}

int nb_docb_table_end(nb_docb *b)
{
    int any = 0;
    for (size_t k = 0; k < b->ncells && !any; k++)
        for (size_t i = 0; i < b->cells[k].len && !any; i++)
            any = !nb_is_space((unsigned char)b->cells[k].text[i]);
    if (!any || !b->nrows || !b->ncols) {
        free_cells(b);
        return 0;
    }
    int *at = cover(b);
    size_t *w = calloc((size_t)b->ncols, sizeof *w);
    nb_gcell *cells = calloc(b->ncells + 1, sizeof *cells);
    int rc = at && w && cells ? 0 : -1;
    size_t off = b->len;
    if (rc == 0) {
        for (size_t k = 0; k < b->ncells; k++) {
            const nb_bcell *c = &b->cells[k];
            cells[k] = (nb_gcell){.row = c->row, .col = c->col, .rowspan = c->rowspan, .colspan = c->colspan, .page = c->page};
        }
        column_widths(b, w);
        for (int r = 0; r < b->nrows && rc == 0; r++)
            rc = lay_row(b, r, at, w, cells);
    }
    if (rc == 0)
        rc = record_grid(b, at, cells, off);
    if (rc != 0) {
        free(at);
        free(cells);
    }
    free(w);
    free_cells(b);
    return rc;
}

/* Zeroed slack after the text, as model/doc gives a decoded file: PCRE2's
 * JIT reads ahead in 16-byte blocks. */
#define NB_TEXT_SLACK 64

int nb_docb_finish(nb_docb *b, nb_doc *d, const char *path, nb_kind kind, nb_lang lang, nb_err *err)
{
    memset(d, 0, sizeof *d);
    if (nb_grow(&b->text, &b->cap, b->len + NB_TEXT_SLACK, 1, 4096) == 0)
        memset(b->text + b->len, 0, NB_TEXT_SLACK);
    if (!b->text || b->cap < b->len + NB_TEXT_SLACK || !(d->path = strdup(path))) {
        nb_docb_free(b);
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    }
    d->kind = kind;
    d->enc = NB_ENC_UTF8;
    d->text = b->text;
    d->len = b->len;
    d->grids = b->grids;
    d->ngrids = b->ngrids;
    b->text = NULL;
    b->grids = NULL;
    b->ngrids = 0;
    if (d->len > NB_MAX_TEXT) {
        nb_docb_free(b);
        nb_doc_free(d);
        return nb_err_set(err, NB_E_TOOBIG, nb_tr(lang, "%s: its text is over 4 GiB", "%s：文字超过 4 GiB"), path);
    }
    if (nb_doc_index_lines(d) != 0) {
        nb_docb_free(b);
        nb_doc_free(d);
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    }
    if (b->any_page) {
        d->line_page = calloc(d->nlines + 1, sizeof *d->line_page);
        for (size_t i = 0; d->line_page && i < d->nlines && i < b->nlines; i++)
            d->line_page[i] = b->line_page[i];
    }
    nb_docb_free(b);
    return 0;
}

void nb_docb_free(nb_docb *b)
{
    free_cells(b);
    free(b->cells);
    free(b->text);
    free(b->line_page);
    for (int i = 0; i < b->ngrids; i++) {
        free(b->grids[i].cells);
        free(b->grids[i].at);
    }
    free(b->grids);
    memset(b, 0, sizeof *b);
}
