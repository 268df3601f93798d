/* commands.h — the `:` commands (their names are rows of the key table):
 * :goto, :theme, :layout, :w, :wq, :q, :q!, :help, :next, :prev, :e, and
 * for scripts :dump, :dumproles, :resize. */
#ifndef NB_COMMANDS_H
#define NB_COMMANDS_H

#include "app.h"

/* Run a command line (without the colon). Returns 0, or -1 with what went
 * wrong said on the status line. */
int nb_app_command(nb_app *a, const char *cmd);

#endif
