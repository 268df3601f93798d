/* lineedit.h — the line editor of the status line (the `:` and `/`
 * prompts, a cell's value, a reason, a note): a UTF-8 buffer with a cursor,
 * edited by the editor's requests of the key table, drawn with its label. */
#ifndef NB_LINEEDIT_H
#define NB_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

#include "keymap.h"
#include "screen.h"

typedef struct nb_lineedit {
    char buf[512];
    size_t len, cur; /* bytes; the cursor is at cur */
} nb_lineedit;

/* Empty, or holding text with the cursor at its end. */
void nb_lineedit_set(nb_lineedit *e, const char *text, size_t n);
/* The text, terminated. */
const char *nb_lineedit_text(nb_lineedit *e);
/* Type a character at the cursor (dropped when the line is full). */
void nb_lineedit_insert(nb_lineedit *e, uint32_t cp);
/* An editing request: ED_LEFT, ED_RIGHT, ED_HOME, ED_END, ED_BACKSPACE,
 * ED_CLEAR, or ED_INSERT of key (a control character is not typed). */
void nb_lineedit_key(nb_lineedit *e, nb_request rq, int key);
/* Row y of the screen: the label, the text, the cursor shown. */
void nb_lineedit_draw(const nb_lineedit *e, nb_screen *s, int y, const char *label);

#endif
