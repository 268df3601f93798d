/* select.c — the grid of the tables pane, the cell index of the text, and
 * the selection kept in step between the panes (select.h). */
#include "select.h"

#include <stdlib.h>
#include <string.h>

#include "review/session.h"
#include "search.h"
#include "view.h"

/* The group headings of T3 (schema groups: 三、本年度办理结果, （三）不予公开
 * …) by the first row each stands above. */
static const struct {
    const char *row;
    int group;
} group_heads[] = {{"t3.granted", 0},    {"t3.deny.secret", 1},         {"t3.unable.none", 2},
                   {"t3.refuse.petition", 3}, {"t3.other.no_correction", 4}};

/* The group heading that stands above row r, or -1. */
static int group_above(const nb_schema *s, int r)
{
    for (size_t k = 0; k < sizeof group_heads / sizeof group_heads[0]; k++)
        if (!strcmp(s->rows[r].id, group_heads[k].row) && group_heads[k].group < s->ngroups)
            return group_heads[k].group;
    return -1;
}

static int build_grid(nb_app *a)
{
    const nb_schema *s = a->r->schema;
    a->grid = calloc((size_t)s->nrows + 24, sizeof *a->grid);
    if (!a->grid)
        return -1;
    int n = 0;
    for (int t = NB_T2; t <= NB_T4; t++) {
        a->grid[n++] = (nb_grow_row){0, t, -1};
        if (t != NB_T2)
            a->grid[n++] = (nb_grow_row){1, t, -1};
        int last_cols = -1;
        for (int r = 0; r < s->nrows; r++) {
            if (s->rows[r].table != t)
                continue;
            /* T2's sub-tables differ in columns: a header before each change */
            if (t == NB_T2 && s->rows[r].ncols != last_cols) {
                a->grid[n++] = (nb_grow_row){1, t, r};
                last_cols = s->rows[r].ncols;
            }
            int g = group_above(s, r);
            if (g >= 0)
                a->grid[n++] = (nb_grow_row){3, t, g};
            a->grid[n++] = (nb_grow_row){2, t, r};
        }
    }
    a->ngrid = n;
    return 0;
}

/* Cells with text, in the order of their place in the report. */
static int build_spans(nb_app *a)
{
    const nb_report *r = a->r;
    a->spans = malloc((size_t)r->ncells * sizeof *a->spans);
    if (!a->spans)
        return -1;
    for (int ci = 0; ci < r->ncells; ci++)
        if (r->cells[ci].has_span && r->cells[ci].len) {
            int k = a->nspans++;
            while (k > 0 && r->cells[a->spans[k - 1]].off > r->cells[ci].off) {
                a->spans[k] = a->spans[k - 1];
                k--;
            }
            a->spans[k] = ci;
        }
    return 0;
}

int nb_select_init(nb_app *a)
{
    if (build_grid(a) != 0 || build_spans(a) != 0)
        return -1;
    a->gsel = 0;
    nb_grid_move(a, 1);
    a->cur = 0;
    return 0;
}

void nb_select_free(nb_app *a)
{
    free(a->spans);
    free(a->grid);
}

int nb_grid_cell(const nb_app *a, int g, int col)
{
    if (g < 0 || g >= a->ngrid || a->grid[g].kind != 2)
        return -1;
    int row = a->grid[g].row;
    if (col >= a->r->schema->rows[row].ncols)
        col = a->r->schema->rows[row].ncols - 1;
    return nb_schema_first_cell(a->r->schema, row) + col;
}

int nb_selected_cell(const nb_app *a)
{
    return nb_grid_cell(a, a->gsel, a->gcol);
}

void nb_select_cell(nb_app *a, int ci)
{
    int row, col;
    nb_schema_cell_pos(a->r->schema, ci, &row, &col);
    for (int g = 0; g < a->ngrid; g++)
        if (a->grid[g].kind == 2 && a->grid[g].row == row) {
            a->gsel = g;
            a->gcol = col;
            return;
        }
}

int nb_in_cell(const nb_report *r, int ci, size_t off)
{
    const nb_cell *c = &r->cells[ci];
    if (!c->has_span)
        return 0;
    return c->len ? off >= c->off && off < c->off + c->len : off == c->off;
}

/* A binary search of the spans by start. */
int nb_cell_at(const nb_app *a, size_t off)
{
    int lo = 0, hi = a->nspans;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a->r->cells[a->spans[mid]].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int k = lo - 1; k >= 0 && k >= lo - 4; k--) /* split cells share a blob's digits */
        if (nb_in_cell(a->r, a->spans[k], off))
            return a->spans[k];
    return -1;
}

void nb_cursor_to_cell(nb_app *a)
{
    int ci = nb_selected_cell(a);
    if (ci >= 0 && a->r->cells[ci].has_span)
        a->cur = a->r->cells[ci].off;
}

void nb_cell_from_cursor(nb_app *a)
{
    int ci = nb_cell_at(a, a->cur);
    if (ci >= 0)
        nb_select_cell(a, ci);
}

void nb_grid_move(nb_app *a, int d)
{
    int g = a->gsel;
    do {
        g += d;
    } while (g >= 0 && g < a->ngrid && a->grid[g].kind != 2);
    if (g >= 0 && g < a->ngrid)
        a->gsel = g;
    nb_cursor_to_cell(a);
}

int nb_page_step(int rows, nb_request rq)
{
    int page = rows > 3 ? rows - 2 : 1;
    switch (rq) {
    case NB_REQ_PAGE_DOWN: return page;
    case NB_REQ_PAGE_UP: return -page;
    case NB_REQ_HALF_DOWN: return page / 2 + 1;
    case NB_REQ_HALF_UP: return -(page / 2 + 1);
    default: return 0;
    }
}

void nb_go_finding(nb_app *a, int idx)
{
    size_t n = a->s.fs.n;
    if (!n) {
        nb_app_say(a, 0, "%s", nb_app_tr(a, "no findings", "没有发现问题"));
        return;
    }
    a->finding = (int)(((long)idx % (long)n + (long)n) % (long)n);
    const nb_finding *f = &a->s.fs.v[a->finding];
    int ci = f->suspect >= 0 ? f->suspect : f->ncells ? f->cells[0] : -1;
    if (ci >= 0)
        nb_select_cell(a, ci);
    if (f->has_off)
        a->cur = f->off;
    else if (ci >= 0)
        nb_cursor_to_cell(a);
}

void nb_search_said(nb_app *a, size_t k, size_t count, int wrapped, int dir)
{
    const char *round = !wrapped  ? ""
                        : dir > 0 ? nb_app_tr(a, " (search wrapped to the top)", "（搜索已从头开始）")
                                  : nb_app_tr(a, " (search wrapped to the bottom)", "（搜索已从末尾开始）");
    nb_app_say(a, 0, nb_app_tr(a, "hit %zu of %zu%s", "第 %zu 处，共 %zu 处%s"), k, count, round);
}

void nb_search_next(nb_app *a, int dir)
{
    if (!a->search.re) {
        nb_app_say(a, 0, "%s", nb_app_tr(a, "no search yet: / to search", "尚未搜索：按 / 搜索"));
        return;
    }
    if (nb_app_mode(a) == NB_MODE_HELP) {
        nb_help_search(a, dir);
        return;
    }
    if (a->focus == 1) {
        nb_tables_search(a, dir);
        return;
    }
    nb_search_hit h;
    nb_err err;
    int rc = nb_search_step(&a->search, a->r->doc.text, a->r->doc.len, a->cur, dir, &h, &err);
    if (rc < 0) {
        nb_app_fail(a, &err);
        return;
    }
    if (rc > 0) {
        nb_app_say(a, 1, nb_app_tr(a, "not found: %s", "未找到：%s"), a->search.pat);
        return;
    }
    nb_search_said(a, h.k, h.count, h.wrapped, dir);
    a->cur = h.to;
    a->focus = 0;
    nb_cell_from_cursor(a);
}

void nb_search_for(nb_app *a, const char *pat)
{
    nb_err err;
    if (nb_search_compile(&a->search, pat, a->lang, &err) != 0)
        nb_app_fail(a, &err);
    else
        nb_search_next(a, 1);
}
