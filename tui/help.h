/* help.h — what the help screen says, generated from the key table
 * (keymap.h) and the marks' legend (legend.h): every mode's keys under a
 * heading, the `:` commands with their arguments, the marks beside a
 * cell's value. The help view (overlay_help.c) wraps and scrolls it. */
#ifndef NB_HELP_H
#define NB_HELP_H

enum { NB_HELP_KEYS = 14 }; /* the keys' column; longer keys put the text on the next row */

typedef struct nb_help_item {
    int heading;    /* a heading: text alone */
    char keys[64];  /* the keys (or the command and its argument, or the mark) */
    const char *text;
} nb_help_item;

/* The items in order (zh: in Chinese); returns how many (at most max). */
int nb_help_items(int zh, nb_help_item *out, int max);

#endif
