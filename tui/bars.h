/* bars.h — the title line (the report, its year and format, the findings
 * counted) and the status line (the file, the current finding, its
 * decision, the selected cell, a message or the finding's text). */
#ifndef NB_BARS_H
#define NB_BARS_H

#include "app.h"
#include "screen.h"

void nb_bars_title(const nb_app *a, nb_screen *s);
void nb_bars_status(const nb_app *a, nb_screen *s);

#endif
