/* prompt.h — the prompts of the status line, each the line editor with a
 * label and what Enter does: `:` runs a command, `/` searches, a cell's
 * value corrects it, a reason dismisses a finding, a note is kept. */
#ifndef NB_PROMPT_H
#define NB_PROMPT_H

#include "app.h"

/* Open the prompt of mode (NB_MODE_PROMPT, NB_MODE_SEARCH …), empty. */
void nb_prompt_open(nb_app *a, int mode);

#endif
