/* overlay_detail.c — the detail view of a finding (overlay_detail.h): its
 * lines (detail_lines.c) drawn over the panes and scrolled, the cells of
 * the finding chosen with j and k and gone to with Enter; c, d and r
 * decide the finding from there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "base/utf8.h"
#include "overlay_detail.h"
#include "select.h"
#include "view.h"

enum { MAX_LINES = 400, FIRST = 1 }; /* the lines start below the title line */

static int rows_of(const nb_screen *s)
{
    return s->h - 2;
}

/* The detail's lines for this screen; NULL when out of memory. */
static nb_dlines *lines_of(const nb_app *a)
{
    nb_dlines *d = malloc(sizeof *d);
    if (!d)
        return NULL;
    d->v = malloc(MAX_LINES * sizeof *d->v);
    if (!d->v) {
        free(d);
        return NULL;
    }
    d->max = MAX_LINES;
    d->width = a->scr.w - 2;
    nb_detail_lines(a, a->detail, d);
    return d;
}

static void free_lines(nb_dlines *d)
{
    if (d)
        free(d->v);
    free(d);
}

/* The cell chosen, or -1. */
static int chosen_cell(const nb_app *a)
{
    if (a->detail < 0 || (size_t)a->detail >= a->s.fs.n)
        return -1;
    const nb_finding *f = &a->s.fs.v[a->detail];
    return a->detail_sel >= 0 && a->detail_sel < f->ncells ? f->cells[a->detail_sel] : -1;
}

/* The status line: the message, else the view's keys. */
static void draw_status(const nb_app *a, nb_screen *s)
{
    char b[600];
    snprintf(b, sizeof b, " %s",
             a->msg[0] ? a->msg
                       : nb_app_tr(a, "j k a cell · Enter go to it · c confirm · d dismiss · r reopen · q close",
                                   "j k 单元格 · 回车 跳转 · c 确认 · d 驳回 · r 重新打开 · q 关闭"));
    nb_screen_fill(s, s->h - 1, 0, s->w, ' ', NB_R_STATUS);
    nb_screen_put(s, s->h - 1, 0, b, strlen(b), s->w, a->msg_error ? NB_R_ERROR : NB_R_STATUS, 1);
}

static void draw(const nb_app *a, nb_screen *s)
{
    nb_dlines *d = lines_of(a);
    if (!d)
        return;
    int cell = chosen_cell(a), rows = rows_of(s);
    for (int y = FIRST; y < FIRST + rows; y++)
        nb_screen_fill(s, y, 0, s->w, ' ', NB_R_TEXT);
    for (int i = a->detail_top; i < d->n && i - a->detail_top < rows; i++) {
        const nb_dline *l = &d->v[i];
        int y = FIRST + i - a->detail_top, sel = cell >= 0 && l->cell == cell;
        nb_role role = sel ? NB_R_CELL_SELECTED : l->role;
        if (sel)
            nb_screen_fill(s, y, 0, s->w, ' ', NB_R_CELL_SELECTED);
        int used = nb_screen_put(s, y, 0, l->text, strlen(l->text), s->w, role, sel || role == NB_R_TITLE);
        int sw = (int)nb_display_cols(l->side, strlen(l->side), 0);
        if (sw && used + sw + 3 <= s->w) /* the ID at the right, when there is room */
            nb_screen_put(s, y, s->w - sw - 1, l->side, strlen(l->side), sw, sel ? role : NB_R_GUTTER, sel);
    }
    free_lines(d);
    draw_status(a, s);
}

/* The first line of the chosen cell in view, the view within the lines. */
static void scroll_to_cell(nb_app *a, const nb_dlines *d)
{
    int cell = chosen_cell(a), rows = rows_of(&a->scr);
    for (int i = 0; i < d->n && cell >= 0; i++)
        if (d->v[i].cell == cell) {
            if (i < a->detail_top)
                a->detail_top = i;
            else if (i >= a->detail_top + rows)
                a->detail_top = i - rows + 2 < d->n ? i - rows + 2 : i;
            break;
        }
}

static void settle(nb_app *a)
{
    if (a->detail < 0 || (size_t)a->detail >= a->s.fs.n) { /* the finding went away */
        nb_app_pop(a);
        return;
    }
    nb_dlines *d = lines_of(a);
    if (!d)
        return;
    int rows = rows_of(&a->scr), last = d->n > rows ? d->n - rows : 0;
    if (a->detail_top > last)
        a->detail_top = last;
    if (a->detail_top < 0)
        a->detail_top = 0;
    free_lines(d);
}

/* j, k: the next or previous cell, kept in view. */
static void choose(nb_app *a, int dir)
{
    const nb_finding *f = &a->s.fs.v[a->detail];
    int k = a->detail_sel + dir;
    if (k >= 0 && k < f->ncells)
        a->detail_sel = k;
    nb_dlines *d = lines_of(a);
    if (d)
        scroll_to_cell(a, d);
    free_lines(d);
}

/* Enter: the view closes on the chosen cell, selected in the tables. */
static void go_to_cell(nb_app *a)
{
    int ci = chosen_cell(a);
    nb_app_pop(a);
    if (ci < 0)
        return;
    a->finding = a->detail;
    nb_select_cell(a, ci);
    nb_cursor_to_cell(a);
    a->focus = 1;
}

static void key(nb_app *a, nb_request rq, int k)
{
    (void)k;
    int page = rows_of(&a->scr) > 3 ? rows_of(&a->scr) - 2 : 1;
    nb_app_quiet(a);
    switch (rq) {
    case NB_REQ_D_DOWN: choose(a, 1); break;
    case NB_REQ_D_UP: choose(a, -1); break;
    case NB_REQ_D_PAGE_DOWN: a->detail_top += page; break;
    case NB_REQ_D_PAGE_UP: a->detail_top = a->detail_top > page ? a->detail_top - page : 0; break;
    case NB_REQ_D_JUMP: go_to_cell(a); break;
    case NB_REQ_D_CONFIRM:
    case NB_REQ_D_REOPEN:
        a->finding = a->detail;
        nb_act_decide(a, rq == NB_REQ_D_CONFIRM ? NB_DEC_CONFIRMED : NB_DEC_OPEN, NULL);
        break;
    case NB_REQ_D_DISMISS:
        a->finding = a->detail;
        nb_act_dismiss(a);
        break;
    case NB_REQ_D_CLOSE: nb_app_pop(a); break;
    default: break;
    }
}

const nb_view nb_view_detail = {NB_KM_DETAIL, 1, draw, key, settle};

void nb_detail_open(nb_app *a, int k)
{
    if (k < 0 || (size_t)k >= a->s.fs.n) {
        nb_app_say(a, 0, "%s", nb_app_tr(a, "no finding selected: ] to step to one", "未选中问题：按 ] 选择"));
        return;
    }
    const nb_finding *f = &a->s.fs.v[k];
    a->detail = k;
    a->detail_sel = 0;
    a->detail_top = 0;
    for (int c = 0; c < f->ncells; c++)
        if (f->cells[c] == f->suspect)
            a->detail_sel = c;
    nb_app_push(a, NB_MODE_DETAIL);
}
