/* actions.h — what the review keys and commands do: call the session
 * (core/review/session.h) and say the outcome on the status line. The
 * ones that need text first open a prompt (prompt.c). */
#ifndef NB_ACTIONS_H
#define NB_ACTIONS_H

#include "app.h"

/* e, Enter: the editor on the selected cell, prefilled with its value. */
void nb_act_edit(nb_app *a);
void nb_act_edit_commit(nb_app *a, const char *text);
/* x: take the selected cell back to the report's own value. */
void nb_act_clear(nb_app *a);
/* a: a note on the selected cell when the tables pane has the focus, else
 * on the current finding (the cell when there is none). */
void nb_act_note(nb_app *a);
void nb_act_note_commit(nb_app *a, const char *text);
/* c, r: decide the current finding; d asks for a reason first. */
void nb_act_decide(nb_app *a, nb_decision state, const char *reason);
void nb_act_dismiss(nb_app *a);
/* u, C-r */
void nb_act_undo(nb_app *a, int redo);
/* w: 0 saved, -1 not (said why). */
int nb_act_save(nb_app *a);
/* :w FILE: the review saved to FILE instead (FILE empty: as w). */
int nb_act_save_as(nb_app *a, const char *path);
/* The report file changed on disk since it was read: said once (the
 * console asks at most once a second, and on saving). */
void nb_act_watch(nb_app *a);
/* The journal of a session that ended unsaved: taken back (yes) or discarded. */
void nb_act_recover(nb_app *a, int yes);
/* q, C-c, :q: quit, asking first when there is unsaved work; :q! quits
 * discarding it. */
void nb_act_quit(nb_app *a);
void nb_act_quit_discarding(nb_app *a);

#endif
