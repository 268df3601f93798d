/* grid_fill.c — the cells of the matched rows: each cell of a data row
 * under the column its header path names, read as a number, a
 * placeholder or text; a blank cell as a zero-length span at its slot
 * (the corrected .docx writes there); a slot no cell covers as a blank
 * where the row's text line has it. T4's cells from the row and column its
 * headers name. A labelled row with as many cells after its label as its
 * columns, which the headers do not name one to one (a rowspan one off
 * moved them a column aside), has them in order; so has T4's unlabelled
 * row of as many values as T4 has cells (a colspan left out). A cell with
 * text is never replaced; a blank is, by text (a narrow extra column
 * beside the real one). */
#include "extract/grid.h"
#include "model/doc.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/numerals.h"

#include <string.h>

#define MAXRC 256 /* cells of a row looked at */
#define T4_TEXT_MAX 12 /* bytes of a T4 cell that holds text (four ideographs) */

static nb_cell *cell_at(gdoc *D, int row, int col)
{
    return &D->r->cells[nb_schema_first_cell(D->r->schema, row) + col];
}

/* Grid cell k of sheet si (its text trimmed) as report cell c. */
static void set_from(const gdoc *D, nb_cell *c, int si, int k)
{
    const gsheet *s = &D->sh[si];
    const nb_gcell *gc = &s->g->cells[k];
    nb_num num = {0, 0};
    c->status = s->kind[k] == GK_EMPTY ? NB_ST_BLANK : nb_parse_value(D->t + s->off[k], s->len[k], &num);
    c->num = num;
    c->has_span = 1;
    c->off = s->off[k];
    c->len = s->len[k];
    c->table = s->g->table_no;
    c->grid_row = gc->row + 1;
    c->grid_col = gc->col + 1;
    c->page = gc->page;
}

/* Cell (row, col) from grid cell k, unless it holds text already. */
static void put(gdoc *D, int row, int col, int si, int k)
{
    nb_cell *c = cell_at(D, row, col);
    if (c->has_span && (c->status != NB_ST_BLANK || D->sh[si].kind[k] == GK_EMPTY))
        return;
    set_from(D, c, si, k);
}

/* The column of schema row `row` grid cell k of data row w stands under:
 * the header path over its first column, else over the others it spans. */
static int cell_col(const gdoc *D, const gdrow *w, int k, int row, gref *by)
{
    const nb_gcell *gc = &D->sh[w->sheet].g->cells[k];
    for (int j = gc->col; j < gc->col + gc->colspan; j++) {
        gpath p;
        gx_path(D, w->sheet, w->r, j, &p);
        int c = gx_path_col(D, &p, row, by);
        if (c >= 0)
            return c;
    }
    return -1;
}

/* Where slot (r, c)'s text would start on the row's line as read/build
 * lays a row out (a column mark, a space, the text), or (size_t)-1 when
 * the slot is inside a merged cell or the line is not as laid out. */
static size_t slot_offset(const nb_doc *d, const nb_grid *g, int r, int c)
{
    int q = 0, span_no = 0;
    while (q < c) {
        int k = g->at[r * g->ncols + q];
        q += k >= 0 ? g->cells[k].col + g->cells[k].colspan - q : 1;
        span_no++;
    }
    size_t line = nb_doc_line_of(d, g->off) + (size_t)r, s, e;
    if (q != c || line >= d->nlines)
        return (size_t)-1;
    nb_doc_line(d, line, &s, &e);
    size_t ml = sizeof NB_COLMARK - 1;
    for (int m = 0; m <= span_no; m++) {
        const char *p = memmem(d->text + s, e - s, NB_COLMARK, ml);
        if (!p)
            return (size_t)-1;
        s = (size_t)(p - d->text) + ml;
    }
    return s < e ? s + 1 : (size_t)-1;
}

/* Slots of row w no cell covers, under a column of its schema row: blank. */
static void fill_slots(gdoc *D, const gdrow *w)
{
    const nb_grid *g = D->sh[w->sheet].g;
    for (int c = 0; c < g->ncols; c++) {
        if (g->at[w->r * g->ncols + c] >= 0)
            continue;
        gpath p;
        gref by;
        gx_path(D, w->sheet, w->r, c, &p);
        int col = gx_path_col(D, &p, w->row, &by);
        size_t at;
        if (col < 0 || cell_at(D, w->row, col)->has_span || (at = slot_offset(&D->r->doc, g, w->r, c)) == (size_t)-1)
            continue;
        *cell_at(D, w->row, col) = (nb_cell){.status = NB_ST_BLANK, .has_span = 1, .off = at, .table = g->table_no,
                       .grid_row = w->r + 1, .grid_col = c + 1};
    }
}

/* A row of one column whose headers name none: its one value (or the
 * first blank after its label). */
static void one_value(gdoc *D, const gdrow *w, const int *cells, int n)
{
    const gsheet *s = &D->sh[w->sheet];
    int blank = -1;
    for (int i = 0; i < n; i++) {
        int k = cells[i];
        if (k == w->label || s->g->cells[k].row != w->r)
            continue;
        if (s->kind[k] == GK_VALUE) {
            put(D, w->row, 0, w->sheet, k);
            return;
        }
        if (s->kind[k] == GK_EMPTY && blank < 0 && (w->label < 0 || s->g->cells[k].col > s->g->cells[w->label].col))
            blank = k;
    }
    if (blank >= 0)
        put(D, w->row, 0, w->sheet, blank);
}

/* The cells that start in data row w right of its label, left to right;
 * how many (at most cap). */
static int cells_after_label(const gdoc *D, const gdrow *w, int *out, int cap)
{
    const nb_grid *g = D->sh[w->sheet].g;
    int cells[MAXRC], n = gx_row_cells(g, w->r, cells, MAXRC), m = 0;
    for (int i = 0; i < n && m < cap; i++) {
        int k = cells[i];
        if (k != w->label && g->cells[k].row == w->r && g->cells[k].col > g->cells[w->label].col)
            out[m++] = k;
    }
    return m;
}

/* Do the headers over n cells, naming `named` of them (`twice`: one
 * column twice), stand a column aside: they name more than half of them
 * (fewer: they are not the row's), and not one to one? */
static int named_aside(int named, int n, int twice)
{
    return 2 * named > n && (named < n || twice);
}

/* Does data row w, labelled, hold as many cells right of its label as
 * its schema row has columns (more than one), which the headers over them
 * do not name one to one? A rowspan one off or a colspan left out put
 * them a column aside; they are then the row's columns in order, as a
 * text line's values are. Headers that name half of them or fewer are
 * not the row's: the table is then read from its text (grid.c). */
static int by_order(gdoc *D, const gdrow *w, int *cells)
{
    int ncols = D->r->schema->rows[w->row].ncols, taken = 0;
    if (w->label < 0 || ncols < 2 || ncols > 31 || cells_after_label(D, w, cells, MAXRC) != ncols)
        return 0;
    int named = 0, twice = 0;
    for (int i = 0; i < ncols; i++) {
        gref by;
        int c = cell_col(D, w, cells[i], w->row, &by);
        if (c < 0)
            continue;
        twice |= taken >> c & 1;
        taken |= 1 << c;
        named++;
    }
    return named_aside(named, ncols, twice);
}

/* The cells of a data row matched to a T2 or T3 row. */
static void fill_row(gdoc *D, const gdrow *w)
{
    const gsheet *s = &D->sh[w->sheet];
    int cells[MAXRC], n, any = 0;
    int table = D->r->schema->rows[w->row].table;
    if (by_order(D, w, cells)) {
        for (int i = 0; i < D->r->schema->rows[w->row].ncols; i++)
            put(D, w->row, i, w->sheet, cells[i]);
        return;
    }
    n = gx_row_cells(s->g, w->r, cells, MAXRC);
    for (int i = 0; i < n; i++) {
        int k = cells[i];
        if (k == w->label || s->g->cells[k].row != w->r)
            continue;
        gref by;
        int c = cell_col(D, w, k, w->row, &by);
        if (c < 0)
            continue;
        put(D, w->row, c, w->sheet, k);
        gx_note_header(D, table, by);
        any = 1;
    }
    fill_slots(D, w);
    if (!any && D->r->schema->rows[w->row].ncols == 1)
        one_value(D, w, cells, n);
}

/* The row and column of T4 grid cell k of data row w stands under. */
static int t4_cell(const gdoc *D, const gdrow *w, int k, int *row, gref *by)
{
    const nb_gcell *gc = &D->sh[w->sheet].g->cells[k];
    for (int j = gc->col; j < gc->col + gc->colspan; j++) {
        gpath p;
        gx_path(D, w->sheet, w->r, j, &p);
        if ((*row = gx_t4_row(D, w, &p)) < 0)
            continue;
        int c = gx_path_col(D, &p, *row, by);
        if (c >= 0)
            return c;
    }
    return -1;
}

/* T4's cells in the schema's order: cell i is (*row, *col); -1 past them. */
static int t4_slot(const nb_schema *sc, int i, int *row, int *col)
{
    for (int r = 0; r < sc->nrows; r++) {
        if (sc->rows[r].table != NB_T4)
            continue;
        if (i < sc->rows[r].ncols) {
            *row = r;
            *col = i;
            return 0;
        }
        i -= sc->rows[r].ncols;
    }
    return -1;
}

/* Are the cells that start in data row w (n of them, t4_cells) as many as
 * T4's cells, which the headers over them do not name one to one? A
 * colspan the header has and the row left out put them a column aside;
 * they are then T4's cells in order, as a text line's values are (when
 * the headers name more than half of them, as by_order). */
static int t4_by_order(const gdoc *D, const gdrow *w, const int *cells, int n)
{
    const nb_schema *sc = D->r->schema;
    int rows[MAXRC], cols[MAXRC];
    if (n < 2 || t4_slot(sc, n - 1, &rows[0], &cols[0]) != 0 || t4_slot(sc, n, &rows[0], &cols[0]) == 0)
        return 0;
    int named = 0, twice = 0;
    for (int i = 0; i < n; i++) {
        gref by;
        if ((cols[i] = t4_cell(D, w, cells[i], &rows[i], &by)) < 0)
            continue;
        named++;
        for (int j = 0; j < i; j++)
            twice |= cols[j] == cols[i] && rows[j] == rows[i];
    }
    return named_aside(named, n, twice);
}

/* Is cell k of sheet si a figure written so no number reads it (〇 for 0,
 * 无): a short text that is no header word and no row's label? */
static int t4_text_value(const gdoc *D, int si, int k)
{
    const glabel *l = gx_label(D, si, k);
    return l && D->sh[si].len[k] <= T4_TEXT_MAX && !l->header && !l->group && l->sim < 0.5f;
}

/* The cells that start in data row w and hold a value, nothing, or a
 * figure written as text; how many. */
static int t4_cells(const gdoc *D, const gdrow *w, int *out)
{
    const gsheet *s = &D->sh[w->sheet];
    int cells[MAXRC], n = gx_row_cells(s->g, w->r, cells, MAXRC), m = 0;
    for (int i = 0; i < n; i++) {
        int k = cells[i];
        if (s->g->cells[k].row == w->r &&
            (s->kind[k] == GK_VALUE || s->kind[k] == GK_EMPTY || t4_text_value(D, w->sheet, k)))
            out[m++] = k;
    }
    return m;
}

/* The values of a data row no T2 or T3 row was matched to, as T4's. */
static void fill_t4(gdoc *D, const gdrow *w)
{
    if (!gx_in_area(D, NB_T4, w->at))
        return;
    int cells[MAXRC], n = t4_cells(D, w, cells);
    int order = t4_by_order(D, w, cells, n);
    for (int i = 0; i < n; i++) {
        int k = cells[i], row = -1, col = -1;
        gref by;
        if (order && t4_slot(D->r->schema, i, &row, &col) == 0) {
            put(D, row, col, w->sheet, k);
            D->r->rows_found[row] = 1;
            continue;
        }
        int c = t4_cell(D, w, k, &row, &by);
        if (c < 0)
            continue;
        put(D, row, c, w->sheet, k);
        D->r->rows_found[row] = 1;
        gx_note_header(D, NB_T4, by);
    }
}

void gx_fill(gdoc *D)
{
    for (size_t i = 0; i < D->nrows; i++) {
        if (D->rows[i].row >= 0)
            fill_row(D, &D->rows[i]);
        else
            fill_t4(D, &D->rows[i]);
    }
}
