/* term.h — running the console on a real terminal with ncursesw. */
#ifndef NB_TERM_H
#define NB_TERM_H

#include "app.h"

/* Run until quit; the terminal is restored on every way out. Returns 0. */
int nb_term_run(nb_app *a);

#endif
