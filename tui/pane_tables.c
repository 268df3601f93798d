/* pane_tables.c — the tables pane: T2, T3 and T4 as the schema lays them
 * out, T3's group headings above their rows, the labels as wide as the
 * pane allows, each cell's value with the marks of legend.h; the
 * selection moved by keys and kept in view with the table's title and
 * column header pinned; `/` searching the labels and the values. */
#include "view.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "search.h"
#include "select.h"
#include "names.h"
#include "legend.h"
#include "text/num.h"

static int col_width(int table)
{
    return table == NB_T2 ? 9 : 6;
}

/* Columns of a table (T2's widest sub-table). */
static int ncols_of(int table)
{
    return table == NB_T3 ? 7 : table == NB_T4 ? 5 : 3;
}

/* The widest row label of a table, in columns. */
static int widest_label(const nb_schema *sc, int table)
{
    int w = 0;
    for (int r = 0; r < sc->nrows; r++)
        if (sc->rows[r].table == table) {
            char l[256];
            nb_row_label(sc, r, l, sizeof l);
            int lw = (int)nb_display_cols(l, strlen(l), 0);
            if (lw > w)
                w = lw;
        }
    return w;
}

/* The label column: what the pane leaves beside the table's columns, as
 * much as the widest label needs. */
static int label_width(const nb_app *a, const nb_panes *p, int table)
{
    int room = p->gw - ncols_of(table) * col_width(table) - 1, need = widest_label(a->r->schema, table) + 2;
    int lw = room < need ? room : need;
    return lw < 6 ? 6 : lw;
}

/* A placeholder as written (/ - — 无), at most 8 bytes of it, cut between
 * characters. */
static void placeholder(const char *t, size_t n, char *out, size_t cap)
{
    size_t k = n < 8 ? n : nb_utf8_whole(t, 8);
    snprintf(out, cap, "%.*s", (int)k, t);
}

/* A cell's value as the pane shows it, its role and whether it is marked. */
static void cell_value(const nb_app *a, const nb_cell *c, char *out, size_t cap, nb_role *role, int *marked)
{
    *marked = 0;
    *role = NB_R_CELL;
    switch (c->status) {
    case NB_ST_NUMBER:
    case NB_ST_INFERRED: {
        char v[64];
        nb_num_format(c->num, v, sizeof v);
        size_t vl = strlen(v);
        if (vl + 4 > cap)
            vl = cap - 4;
        memcpy(out, v, vl);
        out[vl] = '\0';
        if (c->status == NB_ST_INFERRED)
            strncat(out, nb_legend_mark(NB_LEGEND_INFERRED), cap - vl - 1);
        if (c->status == NB_ST_INFERRED)
            *role = NB_R_INFERRED;
        break;
    }
    case NB_ST_BLANK: snprintf(out, cap, "%s", nb_legend_mark(NB_LEGEND_BLANK)); break;
    case NB_ST_PLACEHOLDER: placeholder(a->r->doc.text + c->off, c->len, out, cap); break;
    case NB_ST_TEXT: snprintf(out, cap, "%s", nb_legend_mark(NB_LEGEND_TEXT)); break;
    case NB_ST_MISSING:
        snprintf(out, cap, "%s", nb_legend_mark(NB_LEGEND_MISSING));
        *role = NB_R_MISSING;
        break;
    }
}

static void cell_text(const nb_app *a, int ci, char *out, size_t cap, nb_role *role, int *marked)
{
    const nb_cell *c = &a->r->cells[ci];
    cell_value(a, c, out, cap, role, marked);
    if (c->corrected) { /* a reviewer's value, not the report's */
        strncat(out, nb_legend_mark(NB_LEGEND_CORRECTED), cap - strlen(out) - 1);
        *role = NB_R_HIGHLIGHT;
        *marked = 1;
    }
    int w = a->s.cell_worst[ci];
    if (w == NB_SEV_ERROR) {
        strncat(out, nb_legend_mark(NB_LEGEND_ERROR), cap - strlen(out) - 1);
        *role = NB_R_ERROR;
        *marked = 1;
    } else if (w == NB_SEV_WARNING) {
        strncat(out, nb_legend_mark(NB_LEGEND_WARNING), cap - strlen(out) - 1);
        *role = NB_R_WARNING;
    }
    if (a->finding >= 0) {
        const nb_finding *f = &a->s.fs.v[a->finding];
        for (int k = 0; k < f->ncells; k++)
            if (f->cells[k] == ci) {
                *role = ci == f->suspect ? NB_R_SUSPECT : NB_R_HIGHLIGHT;
                *marked = 1;
            }
    }
    if (ci == nb_selected_cell(a) && *role != NB_R_SUSPECT) { /* the suspect stays told apart */
        *role = NB_R_CELL_SELECTED;
        *marked = 1;
    }
}

/* Right-align text in w columns at (y, x). */
static void put_right(nb_screen *s, int y, int x, int w, const char *t, nb_role role, int marked)
{
    int tw = (int)nb_display_cols(t, strlen(t), 0);
    if (tw > w - 1)
        tw = w - 1;
    nb_screen_fill(s, y, x, w, ' ', role == NB_R_CELL_SELECTED ? role : NB_R_TEXT);
    nb_screen_put(s, y, x + w - tw, t, strlen(t), tw, role, marked);
}

static void draw_title_row(const nb_app *a, nb_screen *s, const nb_panes *p, const nb_grow_row *gr, int y)
{
    char tt[256];
    snprintf(tt, sizeof tt, "%s  %s", nb_table_name(gr->table, a->lang), nb_table_title(gr->table, a->lang));
    nb_screen_put(s, y, p->gx, tt, strlen(tt), p->gw, NB_R_TITLE, 1);
}

/* A group heading of T3 (（三）不予公开) above its rows. */
static void draw_group_row(const nb_app *a, nb_screen *s, const nb_panes *p, const nb_grow_row *gr, int y)
{
    const char *g = a->r->schema->groups[gr->row];
    nb_screen_put(s, y, p->gx + 1, g, strlen(g), p->gw - 1, NB_R_HEADER, 0);
}

/* Column c's heading: T3 and T4 by core's narrow names, T2's by the
 * schema's label. */
static const char *column_head(const nb_app *a, const nb_grow_row *gr, int c, char *buf, size_t cap)
{
    const nb_schema *sc = a->r->schema;
    int row = gr->row;
    for (int r = 0; row < 0 && r < sc->nrows; r++) /* T3, T4: the table's first row has its columns */
        if (sc->rows[r].table == gr->table)
            row = r;
    if (row < 0 || c >= sc->rows[row].ncols)
        return "";
    if (gr->table != NB_T2)
        return nb_col_abbr(sc->rows[row].cols[c].key, a->lang);
    nb_col_label(sc, row, c, a->lang, buf, cap);
    return buf;
}

static void draw_header_row(const nb_app *a, nb_screen *s, const nb_panes *p, const nb_grow_row *gr, int y)
{
    int cw = col_width(gr->table);
    nb_screen_fill(s, y, p->gx, p->gw, ' ', NB_R_HEADER);
    int x = p->gx + label_width(a, p, gr->table) + 1;
    for (int c = 0; c < ncols_of(gr->table); c++) {
        char hb[128];
        const char *h = column_head(a, gr, c, hb, sizeof hb);
        int hw = (int)nb_display_cols(h, strlen(h), 0);
        if (hw > cw - 1)
            nb_screen_put(s, y, x + 1, h, strlen(h), cw - 1, NB_R_HEADER, 1);
        else
            nb_screen_put(s, y, x + cw - hw, h, strlen(h), hw, NB_R_HEADER, 1);
        x += cw;
    }
}

static void draw_cells_row(const nb_app *a, nb_screen *s, const nb_panes *p, const nb_grow_row *gr, int y)
{
    const nb_schema *sc = a->r->schema;
    int row = gr->row, cw = col_width(gr->table), lw = label_width(a, p, gr->table);
    char buf[256];
    nb_row_label(sc, row, buf, sizeof buf);
    int missing_row = !a->r->rows_found[row];
    nb_screen_put(s, y, p->gx + 1, buf, strlen(buf), lw - 1, missing_row ? NB_R_MISSING : NB_R_TEXT, 0);
    int x = p->gx + lw + 1;
    int ci0 = nb_schema_first_cell(sc, row);
    for (int c = 0; c < sc->rows[row].ncols; c++) {
        char v[64];
        nb_role role;
        int marked;
        cell_text(a, ci0 + c, v, sizeof v, &role, &marked);
        put_right(s, y, x, cw, v, role, marked);
        x += cw;
    }
}

static void draw_grid_row(const nb_app *a, nb_screen *s, const nb_panes *p, int g, int y)
{
    const nb_grow_row *gr = &a->grid[g];
    if (gr->kind == 0)
        draw_title_row(a, s, p, gr, y);
    else if (gr->kind == 1)
        draw_header_row(a, s, p, gr, y);
    else if (gr->kind == 3)
        draw_group_row(a, s, p, gr, y);
    else
        draw_cells_row(a, s, p, gr, y);
}

static void settle(nb_app *a, const nb_panes *p)
{
    int rows = p->gh;
    a->table_rows = rows;
    /* scrolled, the table's title and column header stay pinned on the
     * first two lines */
    int body = rows > 4 ? rows - 2 : rows;
    if (a->gsel < a->gtop)
        a->gtop = a->gsel;
    if (a->gsel >= a->gtop + (a->gtop ? body : rows))
        a->gtop = a->gsel - body + 1;
    if (a->gtop > a->ngrid - body) /* grown (a resize): no blank rows below the tables */
        a->gtop = a->ngrid - body;
    if (a->gtop < 0)
        a->gtop = 0;
    if (a->gtop > 0 && a->gtop <= 2 && a->gsel < rows)
        a->gtop = 0; /* near the top: no need to pin */
}

static void draw(const nb_app *a, nb_screen *s, const nb_panes *p)
{
    int y = p->gy, g = a->gtop;
    if (g > 0 && a->grid[g].kind != 0) { /* scrolled: the title and header pinned */
        int t0 = g;
        while (t0 > 0 && a->grid[t0].kind != 0)
            t0--;
        draw_grid_row(a, s, p, t0, y++);
        if (a->grid[g].kind >= 2) {
            int hdr = g;
            while (hdr > t0 && a->grid[hdr].kind != 1)
                hdr--;
            if (hdr > t0)
                draw_grid_row(a, s, p, hdr, y++);
        }
    }
    for (; g < a->ngrid && y < p->gy + p->gh; g++)
        draw_grid_row(a, s, p, g, y++);
}

/* The selection one column left or right, within its row. */
static void move_column(nb_app *a, int d)
{
    int row = a->grid[a->gsel].row;
    if (d < 0 && a->gcol > 0)
        a->gcol--;
    else if (d > 0 && row >= 0 && a->gcol + 1 < a->r->schema->rows[row].ncols)
        a->gcol++;
    nb_cursor_to_cell(a);
}

static void key(nb_app *a, nb_request rq)
{
    switch (rq) {
    case NB_REQ_MOVE_UP: nb_grid_move(a, -1); break;
    case NB_REQ_MOVE_DOWN: nb_grid_move(a, 1); break;
    case NB_REQ_MOVE_LEFT: move_column(a, -1); break;
    case NB_REQ_MOVE_RIGHT: move_column(a, 1); break;
    case NB_REQ_TOP:
        a->gsel = 0;
        nb_grid_move(a, 1);
        break;
    case NB_REQ_BOTTOM:
        a->gsel = a->ngrid;
        nb_grid_move(a, -1);
        break;
    default: {
        int n = nb_page_step(a->table_rows, rq);
        for (int k = 0; k < (n < 0 ? -n : n); k++)
            nb_grid_move(a, n < 0 ? -1 : 1);
        break;
    }
    }
}

const nb_pane nb_pane_tables = {draw, settle, key};

/* ------------------------------------------------------------ search */

static int stop_at_first(size_t start, size_t end, void *arg)
{
    (void)start, (void)end, (void)arg;
    return 1;
}

static int matches(const nb_app *a, const char *t, size_t n)
{
    return nb_search_each(&a->search, t, n, 0, stop_at_first, NULL);
}

/* Whether slot c of grid row g matches: c < 0 the row's label (short or
 * in full), else the cell's value as shown or its text as written. */
static int slot_matches(const nb_app *a, int g, int c)
{
    const nb_schema *sc = a->r->schema;
    int row = a->grid[g].row;
    if (a->grid[g].kind == 3) /* a group heading: its label only */
        return c < 0 && matches(a, sc->groups[row], strlen(sc->groups[row]));
    if (c < 0) {
        char l[256] = ""; /* all of it set: PCRE2's JIT may read past the end of the string */
        nb_row_label(sc, row, l, sizeof l);
        return matches(a, l, strlen(l)) || matches(a, sc->rows[row].label, strlen(sc->rows[row].label));
    }
    const nb_cell *cell = &a->r->cells[nb_schema_first_cell(sc, row) + c];
    char v[64] = "";
    nb_role role;
    int marked;
    cell_value(a, cell, v, sizeof v, &role, &marked);
    return matches(a, v, strlen(v)) || (cell->has_span && matches(a, a->r->doc.text + cell->off, cell->len));
}

/* The slots of the tables in order: (grid row, -1 for the label or a
 * column), as one index; how many there are. */
static int slot_count(const nb_app *a, int *per)
{
    int most = 1;
    for (int g = 0; g < a->ngrid; g++)
        if (a->grid[g].kind == 2 && a->r->schema->rows[a->grid[g].row].ncols + 1 > most)
            most = a->r->schema->rows[a->grid[g].row].ncols + 1;
    *per = most;
    return a->ngrid * most;
}

/* Whether slot at (of per a row) is a label or a cell the pattern matches. */
static int slot_hit(const nb_app *a, int per, int at)
{
    int g = at / per, c = at % per - 1, kind = a->grid[g].kind;
    return kind >= 2 && !(kind == 2 && c >= a->r->schema->rows[a->grid[g].row].ncols) && slot_matches(a, g, c);
}

void nb_tables_search(nb_app *a, int dir)
{
    int per, n = slot_count(a, &per), from = a->gsel * per + a->gcol + 1, to = -1, k = 0, count = 0;
    for (int step = 1; step <= n && to < 0; step++) {
        int at = ((from + dir * step) % n + n) % n;
        if (slot_hit(a, per, at))
            to = at;
    }
    if (to < 0) {
        nb_app_say(a, 1, nb_app_tr(a, "not found in the tables: %s", "表格中未找到：%s"), a->search.pat);
        return;
    }
    for (int at = 0; at < n; at++) /* the tables are small: their hits counted at each step */
        if (slot_hit(a, per, at)) {
            count++;
            k += at <= to;
        }
    nb_search_said(a, (size_t)k, (size_t)count, dir > 0 ? to <= from : to >= from, dir);
    int g = to / per, c = to % per - 1;
    a->gsel = a->grid[g].kind == 3 ? g + 1 : g; /* a heading: its first row */
    a->gcol = c < 0 ? 0 : c;
    nb_cursor_to_cell(a);
}
