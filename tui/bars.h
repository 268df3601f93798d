/* bars.h — the title line (the report, its year and format, the findings
 * counted) and the status line (the file, the current finding, its
 * decision, the selected cell, a message or the finding's text), and a
 * message too long for it. */
#ifndef NB_BARS_H
#define NB_BARS_H

#include "app.h"
#include "screen.h"

void nb_bars_title(const nb_app *a, nb_screen *s);
void nb_bars_status(const nb_app *a, nb_screen *s);
/* The columns a message has on the status line of a w columns wide
 * screen, after the file and the current finding (the selected cell gives
 * way to it). */
int nb_bars_room(const nb_app *a, int w);
/* A message too long for the status line, wrapped above it over whatever
 * is drawn there, until the next key (drawn last). */
void nb_bars_message(const nb_app *a, nb_screen *s);

#endif
