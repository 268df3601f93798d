/* pane_tables.c — the tables pane: T2, T3 and T4 as the schema lays them
 * out, each cell's value with marks (~ inferred, # corrected, ! error,
 * * warning), the selection moved by keys and kept in view with the
 * table's title and column header pinned. */
#include "view.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "select.h"
#include "text/label.h"
#include "text/num.h"

static const char *const t3_cols_zh[] = {"自然人", "商业", "科研", "公益", "法律", "其他", "总计"};
static const char *const t3_cols_en[] = {"natur", "comm", "resrch", "social", "legal", "other", "total"};
static const char *const t4_cols_zh[] = {"维持", "纠正", "其他", "未结", "总计"};
static const char *const t4_cols_en[] = {"upheld", "correc", "other", "pendng", "total"};

static int col_width(int table)
{
    return table == NB_T2 ? 9 : 6;
}

/* Columns and the width of the label column of a table. */
static int ncols_of(int table)
{
    return table == NB_T3 ? 7 : table == NB_T4 ? 5 : 3;
}

static int label_width(const nb_panes *p, int table)
{
    int lw = p->gw - ncols_of(table) * col_width(table) - 1;
    return lw > 26 ? 26 : lw < 6 ? 6 : lw;
}

/* A label, short: the standard wording without its numbering. */
static void short_label(const char *l, char *out, size_t cap)
{
    nb_ustr u;
    nb_norm(l, strlen(l), &u, NB_NORM_LABEL);
    nb_ustr_utf8(&u, out, cap);
    char *paren = strstr(out, "(");
    if (paren && paren != out)
        *paren = '\0';
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
        if (vl + 2 > cap)
            vl = cap - 2;
        memcpy(out, v, vl);
        out[vl] = c->status == NB_ST_INFERRED ? '~' : '\0';
        out[vl + 1] = '\0';
        if (c->status == NB_ST_INFERRED)
            *role = NB_R_INFERRED;
        break;
    }
    case NB_ST_BLANK: snprintf(out, cap, "·"); break;
    case NB_ST_PLACEHOLDER: snprintf(out, cap, "%.*s", (int)(c->len < 8 ? c->len : 8), a->r->doc.text + c->off); break;
    case NB_ST_TEXT: snprintf(out, cap, "?"); break;
    case NB_ST_MISSING: snprintf(out, cap, "—"); *role = NB_R_MISSING; break;
    }
}

static void cell_text(const nb_app *a, int ci, char *out, size_t cap, nb_role *role, int *marked)
{
    const nb_cell *c = &a->r->cells[ci];
    cell_value(a, c, out, cap, role, marked);
    if (c->corrected) { /* a reviewer's value, not the report's */
        strncat(out, "#", cap - strlen(out) - 1);
        *role = NB_R_HIGHLIGHT;
        *marked = 1;
    }
    int w = a->s.cell_worst[ci];
    if (w == NB_SEV_ERROR) {
        strncat(out, "!", cap - strlen(out) - 1);
        *role = NB_R_ERROR;
        *marked = 1;
    } else if (w == NB_SEV_WARNING) {
        strncat(out, "*", cap - strlen(out) - 1);
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
    static const char *const en[] = {"", "", "T2  proactive disclosure", "T3  requests received and handled",
                                     "T4  reviews and suits"};
    static const char *const zh[] = {"", "", "表二  主动公开政府信息情况", "表三  收到和处理政府信息公开申请情况",
                                     "表四  政府信息公开行政复议、行政诉讼情况"};
    const char *tt = a->lang == NB_LANG_ZH ? zh[gr->table] : en[gr->table];
    nb_screen_put(s, y, p->gx, tt, strlen(tt), p->gw, NB_R_TITLE, 1);
}

/* Column c's heading: T3 and T4 have their own short names, T2's are the schema's. */
static const char *column_head(const nb_app *a, const nb_grow_row *gr, int c, char *buf, size_t cap)
{
    const nb_schema *sc = a->r->schema;
    if (gr->table == NB_T3)
        return a->lang == NB_LANG_ZH ? t3_cols_zh[c] : t3_cols_en[c];
    if (gr->table == NB_T4)
        return a->lang == NB_LANG_ZH ? t4_cols_zh[c] : t4_cols_en[c];
    if (gr->row < 0 || c >= sc->rows[gr->row].ncols)
        return "";
    const char *l = sc->rows[gr->row].cols[c].label;
    nb_ustr u;
    nb_norm(l, strlen(l), &u, NB_NORM_LABEL);
    nb_ustr_utf8(&u, buf, cap);
    return buf;
}

static void draw_header_row(const nb_app *a, nb_screen *s, const nb_panes *p, const nb_grow_row *gr, int y)
{
    int cw = col_width(gr->table);
    nb_screen_fill(s, y, p->gx, p->gw, ' ', NB_R_HEADER);
    int x = p->gx + label_width(p, gr->table) + 1;
    for (int c = 0; c < ncols_of(gr->table); c++) {
        char hb[64];
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
    int row = gr->row, cw = col_width(gr->table), lw = label_width(p, gr->table);
    char buf[256];
    short_label(sc->rows[row].label, buf, sizeof buf);
    if (gr->table == NB_T4) {
        static const char *const g4[] = {"行政复议", "未经复议起诉", "复议后起诉"};
        static const char *const g4e[] = {"review", "suit, direct", "suit, after review"};
        int k = row - nb_schema_find_row(sc, "t4.review");
        snprintf(buf, sizeof buf, "%s", a->lang == NB_LANG_ZH ? g4[k < 0 ? 0 : k % 3] : g4e[k < 0 ? 0 : k % 3]);
    }
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
        if (a->grid[g].kind == 2) {
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
