/* script.h — running the console from a script (--script): one key name,
 * `:command`, `/pattern` or `"text` (typed) a line; the screen is drawn
 * after each line, as a terminal would. */
#ifndef NB_SCRIPT_H
#define NB_SCRIPT_H

#include "app.h"
#include "base/err.h"

/* Run the script at path until its end or a quit. Returns 0, or -1 with
 * err ("FILE:LINE: unknown key …"). */
int nb_app_script(nb_app *a, const char *path, nb_err *err);

#endif
