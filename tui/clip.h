/* clip.h — `y`: copying what is selected out of the console. Inside tmux
 * into its buffer (`tmux load-buffer -`, run without a shell), else by
 * OSC 52 when the terminal says it takes it (terminfo Ms; term.c gives
 * the app its writer), else nowhere — and the status line says which. */
#ifndef NB_CLIP_H
#define NB_CLIP_H

#include <stddef.h>

#include "app.h"

/* Copy the selected cell's value (the tables pane has the focus, or there
 * is no current finding), else the current finding's message. */
void nb_clip_yank(nb_app *a);
/* Text as base64 (for OSC 52) into out; its length, or 0 when cap is too
 * small. */
size_t nb_base64(const char *t, size_t n, char *out, size_t cap);

#endif
