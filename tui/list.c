/* list.c — the overlays' lists (list.h). */
#include "list.h"

#include <string.h>

int nb_list_rows(const nb_screen *s)
{
    return s->h - 4;
}

void nb_list_settle(nb_app *a)
{
    int rows = nb_list_rows(&a->scr);
    if (a->list_sel < a->list_top)
        a->list_top = a->list_sel;
    if (a->list_sel >= a->list_top + rows)
        a->list_top = a->list_sel - rows + 1;
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
