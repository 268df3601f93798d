/* lineedit.h — the line editor of the status line (the `:` and `/`
 * prompts, a cell's value, a reason, a note): a UTF-8 buffer with a cursor
 * and no fixed limit (a note of any length), edited by the editor's
 * requests of the key table, drawn with its label and scrolled so that the
 * cursor stays in view. */
#ifndef NB_LINEEDIT_H
#define NB_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

#include "keymap.h"
#include "screen.h"

typedef struct nb_lineedit {
    char *buf;       /* malloc'd, NUL-terminated at len when asked for */
    size_t cap;
    size_t len, cur; /* bytes; the cursor is at cur */
} nb_lineedit;

/* Empty, or holding text with the cursor at its end; -1 when out of memory
 * (the editor is then empty). */
int nb_lineedit_set(nb_lineedit *e, const char *text, size_t n);
/* The text, terminated. */
const char *nb_lineedit_text(nb_lineedit *e);
/* Type a character at the cursor; -1 when out of memory (nothing typed). */
int nb_lineedit_insert(nb_lineedit *e, uint32_t cp);
/* An editing request: ED_LEFT, ED_RIGHT, ED_HOME, ED_END, ED_BACKSPACE,
 * ED_CLEAR, or ED_INSERT of key (a control character is not typed). */
void nb_lineedit_key(nb_lineedit *e, nb_request rq, int key);
/* Row y of the screen: the label, the text, the cursor shown. */
void nb_lineedit_draw(const nb_lineedit *e, nb_screen *s, int y, const char *label);
void nb_lineedit_free(nb_lineedit *e);

#endif
