/* list.c — the overlays' lists (list.h). */
#include "list.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "select.h"

int nb_list_rows(const nb_screen *s)
{
    return s->h - 4;
}

void nb_list_keep(nb_app *a, int rows)
{
    if (rows < 1)
        rows = 1;
    if (a->list_sel < a->list_top)
        a->list_top = a->list_sel;
    if (a->list_sel >= a->list_top + rows)
        a->list_top = a->list_sel - rows + 1;
    if (a->list_top < 0)
        a->list_top = 0;
}

void nb_list_settle(nb_app *a)
{
    nb_list_keep(a, nb_list_rows(&a->scr));
}

void nb_list_title(nb_screen *s, const char *title)
{
    nb_screen_put(s, 1, 0, title, strlen(title), s->w, NB_R_TITLE, 1);
}

void nb_list_item(const nb_app *a, nb_screen *s, int idx, const char *line, nb_role role)
{
    int y = 3 + idx - a->list_top;
    if (idx == a->list_sel) {
        nb_screen_fill(s, y, 0, s->w, ' ', NB_R_CELL_SELECTED);
        role = NB_R_CELL_SELECTED;
    }
    nb_screen_put(s, y, 0, line, strlen(line), s->w, role, idx == a->list_sel);
}

void nb_list_step(nb_app *a, int d, int n)
{
    if (d > 0 && a->list_sel + 1 < n)
        a->list_sel++;
    else if (d < 0 && a->list_sel > 0)
        a->list_sel--;
}

/* How far a paging request moves the list's selection and view. */
static int page_step(nb_request rq, int rows)
{
    switch (rq) {
    case NB_REQ_LIST_PAGE_DOWN: return nb_page_step(rows, NB_REQ_PAGE_DOWN);
    case NB_REQ_LIST_PAGE_UP: return nb_page_step(rows, NB_REQ_PAGE_UP);
    case NB_REQ_LIST_HALF_DOWN: return nb_page_step(rows, NB_REQ_HALF_DOWN);
    case NB_REQ_LIST_HALF_UP: return nb_page_step(rows, NB_REQ_HALF_UP);
    default: return 0;
    }
}

int nb_list_page(nb_app *a, nb_request rq, int n, int rows)
{
    int step = page_step(rq, rows);
    if (rq == NB_REQ_LIST_TOP)
        a->list_sel = 0;
    else if (rq == NB_REQ_LIST_BOTTOM)
        a->list_sel = n - 1;
    else if (!step)
        return 0;
    a->list_sel += step;
    a->list_top += step; /* the view turns with the selection */
    if (a->list_sel >= n)
        a->list_sel = n - 1;
    if (a->list_sel < 0)
        a->list_sel = 0;
    if (a->list_top > n - rows)
        a->list_top = n - rows;
    if (a->list_top < 0)
        a->list_top = 0;
    return 1;
}

void nb_list_pad(char *out, size_t cap, size_t *k, const char *s, int cols)
{
    size_t n = strlen(s), i = 0;
    int used = 0;
    while (i < n && *k + 8 < cap) {
        size_t at = i;
        uint32_t cp = nb_utf8_get(s, n, &i);
        int w = nb_cp_width(cp);
        if (used + w > cols) {
            i = at;
            break;
        }
        memcpy(out + *k, s + at, i - at);
        *k += i - at;
        used += w;
    }
    while (used++ < cols && *k + 1 < cap)
        out[(*k)++] = ' ';
    out[*k] = '\0';
}
