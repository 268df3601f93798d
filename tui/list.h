/* list.h — what the overlays' lists share (the findings, the notes): a
 * title line, rows from the fourth line down with the selected one shown,
 * the selection kept in view and moved by lines, pages, to the ends. */
#ifndef NB_LIST_H
#define NB_LIST_H

#include <stddef.h>

#include "app.h"
#include "keymap.h"
#include "screen.h"

/* The rows a list has on this screen. */
int nb_list_rows(const nb_screen *s);
/* Keep the selection in view (a list of nb_list_rows rows, or of rows). */
void nb_list_settle(nb_app *a);
void nb_list_keep(nb_app *a, int rows);
/* The list's title on the second line. */
void nb_list_title(nb_screen *s, const char *title);
/* Item idx of the list (its line), in role, or as the selection. */
void nb_list_item(const nb_app *a, nb_screen *s, int idx, const char *line, nb_role role);
/* The selection one down (within n items) or up. */
void nb_list_step(nb_app *a, int d, int n);
/* The selection moved by a paging request of the findings' list (a page,
 * half a page, the first or the last item) within n items shown rows at a
 * time; 0 when rq is none of them. */
int nb_list_page(nb_app *a, nb_request rq, int n, int rows);
/* s with spaces after it to cols display columns, appended at out + *k
 * (cut between characters when it is wider). */
void nb_list_pad(char *out, size_t cap, size_t *k, const char *s, int cols);

#endif
