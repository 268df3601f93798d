/* view.h — private to the console: a view is what one mode shows and the
 * keys it takes ({draw, key, settle}); the modes stack, app.c dispatches
 * keys to the top one and draws them bottom up. Drawing only reads the
 * state; keys and resizing change it, and settle keeps what they moved in
 * view (scroll positions) once they are done. Also the status line's
 * message, which every view may set. */
#ifndef NB_VIEW_H
#define NB_VIEW_H

#include "app.h"
#include "keymap.h"
#include "layout.h"
#include "screen.h"

typedef struct nb_view {
    nb_keymode keys;                                /* the key table's mode */
    int covers;                                     /* draws over the panes (an overlay) */
    void (*draw)(const nb_app *a, nb_screen *s);    /* its part: the panes, an overlay, a line */
    void (*key)(nb_app *a, nb_request rq, int key); /* rq: the key's request in the view's mode */
    void (*settle)(nb_app *a);                      /* NULL: nothing scrolls */
} nb_view;

/* A pane of the normal view (pane_text.c, pane_tables.c): the focused one
 * takes the movement requests (MOVE_*, PAGE_*, HALF_*, TOP, BOTTOM). */
typedef struct nb_pane {
    void (*draw)(const nb_app *a, nb_screen *s, const nb_panes *p);
    void (*settle)(nb_app *a, const nb_panes *p);   /* keep the selection in view; remember the height */
    void (*key)(nb_app *a, nb_request rq);
} nb_pane;

extern const nb_pane nb_pane_text, nb_pane_tables;

/* The views (app.c, overlay_*.c, prompt.c, ask.c); app.c gives each mode one. */
extern const nb_view nb_view_normal, nb_view_help, nb_view_findings, nb_view_notes, nb_view_prompt, nb_view_ask_quit,
    nb_view_ask_recover;

/* The help's search (overlay_help.c): the next (dir > 0) or previous
 * item that matches the search's pattern scrolled to the top. */
void nb_help_search(nb_app *a, int dir);

/* The tables' search (pane_tables.c): the next (dir > 0) or previous row
 * label or cell value the pattern matches, from the selection, selected. */
void nb_tables_search(nb_app *a, int dir);

/* The list of findings (overlay_findings.c): opened on the current
 * finding; a decision on the findings it gathered in a->decide (the
 * marked ones, or the selected one), once its reason is typed. */
void nb_findings_open(nb_app *a);
void nb_findings_decide(nb_app *a, nb_decision state, const char *reason);

/* The mode stack (app.c). */
int nb_app_mode(const nb_app *a);
void nb_app_push(nb_app *a, int mode);
void nb_app_pop(nb_app *a);
/* The panes of the screen as it is now. */
nb_panes nb_app_panes(const nb_app *a);
/* Keep what keys and resizing moved in view. */
void nb_app_settle(nb_app *a);

/* The status line's message (app.c): say one, say an error (returns -1),
 * or clear it. */
void nb_app_say(nb_app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int nb_app_fail(nb_app *a, const nb_err *err);
void nb_app_quiet(nb_app *a);
/* The string for the console's language. */
const char *nb_app_tr(const nb_app *a, const char *en, const char *zh);

#endif
