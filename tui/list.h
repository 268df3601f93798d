/* list.h — what the overlays' lists share (the findings, the notes): a
 * title line, rows from the fourth line down with the selected one shown,
 * the selection kept in view. */
#ifndef NB_LIST_H
#define NB_LIST_H

#include "app.h"
#include "screen.h"

/* The rows a list has on this screen. */
int nb_list_rows(const nb_screen *s);
/* Keep the selection in view. */
void nb_list_settle(nb_app *a);
/* The list's title on the second line. */
void nb_list_title(nb_screen *s, const char *title);
/* Item idx of the list (its line), in role, or as the selection. */
void nb_list_item(const nb_app *a, nb_screen *s, int idx, const char *line, nb_role role);
/* The selection one down (within n items) or up. */
void nb_list_step(nb_app *a, int d, int n);

#endif
