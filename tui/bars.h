/* bars.h — the title line (the report, its year and format, the findings
 * counted) and the status line (the file, the current finding, its
 * decision, the selected cell, a message or the finding's text), a
 * message too long for it, and the questions asked over it. */
#ifndef NB_BARS_H
#define NB_BARS_H

#include "app.h"
#include "screen.h"

void nb_bars_title(const nb_app *a, nb_screen *s);
/* t in at most cols display columns: whole, or cut between characters
 * with "…" ending it, after its last word (nothing when cols < 1). */
void nb_bars_cut(const char *t, int cols, char *out, size_t cap);
void nb_bars_status(const nb_app *a, nb_screen *s);
/* The columns a message has on the status line of a w columns wide
 * screen, after the file and the current finding (the selected cell gives
 * way to it). */
int nb_bars_room(const nb_app *a, int w);
/* A message too long for the status line, wrapped above it over whatever
 * is drawn there, until the next key (drawn last). */
void nb_bars_message(const nb_app *a, nb_screen *s);
/* The message (any length) wrapped in the rows above row bottom: for a
 * view that draws over the status line. */
void nb_bars_message_above(const nb_app *a, nb_screen *s, int bottom);
/* t wrapped in the rows just above row bottom (a column's margin either
 * side, rows filled with fill), in at most a third of the screen, the last
 * row cut with "…" when t needs more: the rows used. */
int nb_bars_above(nb_screen *s, int bottom, const char *t, nb_role fill, nb_role role, int marked);
/* A question on the status line: its one-line wording (line) when it fits
 * the width, else its answers (keys and what they do) alone on the status
 * line and what it asks (text) wrapped above them: the answers are seen
 * whole at any width. The message, if any, is wrapped above the question. */
void nb_bars_question(const nb_app *a, nb_screen *s, const char *line, const char *text, const char *answers);

#endif
