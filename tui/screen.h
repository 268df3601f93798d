/* screen.h — the console draws into this grid of display cells, not into
 * curses: scripted runs dump it as text, the terminal front end (term.c)
 * copies it to the terminal. Text is measured in display columns; a wide
 * character takes two cells (the second marked as its tail); control
 * characters and escape sequences from a report are drawn as ^X. */
#ifndef NB_SCREEN_H
#define NB_SCREEN_H

#include <stddef.h>
#include <stdint.h>

/* Colour roles, resolved to colours by the theme (theme.c). */
#define NB_ROLES(X)                                                                                               \
    X(TEXT, "text") X(GUTTER, "gutter") X(CELL, "cell") X(CELL_SELECTED, "cell-selected")                         \
    X(ERROR, "error") X(WARNING, "warning") X(INFO, "info") X(INFERRED, "inferred") X(HIGHLIGHT, "highlight")     \
    X(HEADER, "header") X(STATUS, "status") X(CONTROL, "control") X(SEARCH, "search") X(BORDER, "border")         \
    X(SUSPECT, "suspect") X(CLAIM, "claim") X(MISSING, "missing") X(TITLE, "title")

typedef enum {
#define X(id, name) NB_R_##id,
    NB_ROLES(X)
#undef X
    NB_NROLES
} nb_role;

const char *nb_role_name(nb_role r);
int nb_role_from_name(const char *name);

typedef struct nb_scell {
    uint32_t cp;      /* 0 for the tail of a wide character */
    uint8_t role;
    uint8_t marked;   /* drawn bold/reverse beside its colour (findings stay visible without colour) */
} nb_scell;

typedef struct nb_screen {
    int w, h;
    nb_scell *c;
} nb_screen;

int nb_screen_resize(nb_screen *s, int w, int h);
void nb_screen_free(nb_screen *s);
void nb_screen_clear(nb_screen *s, nb_role role);
/* Draw UTF-8 text at (y, x) clipped to maxcols display columns; returns the
 * columns used. A wide character that does not fit is not drawn. */
int nb_screen_put(nb_screen *s, int y, int x, const char *t, size_t n, int maxcols, nb_role role, int marked);
/* The bytes of t[0, n) that fit in w columns as nb_screen_put draws them
 * (whole characters). Text wrapped at w columns, cut only between
 * characters: the rows it takes, and drawn from (y, x) in at most maxrows
 * rows (returns the rows used). */
size_t nb_text_fit(const char *t, size_t n, int w);
/* A row's worth of t[0, n) at w columns, a word of ASCII letters kept
 * whole where it can be: its length, and where the next row starts (the
 * spaces between skipped) in *next. */
size_t nb_text_break(const char *t, size_t n, int w, size_t *next);
int nb_text_rows(const char *t, size_t n, int w);
int nb_screen_wrap(nb_screen *s, int y, int x, int w, int maxrows, const char *t, size_t n, nb_role role);
void nb_screen_fill(nb_screen *s, int y, int x, int cols, uint32_t cp, nb_role role);
/* The screen as text, one line a row, trailing blanks dropped. */
char *nb_screen_text(const nb_screen *s);
/* The roles as letters, one a display cell (for tests of highlighting):
 * . text, g gutter, c cell, S cell-selected, E error, W warning, I info,
 * ~ inferred, H highlight, h header, s status, ^ control, R search,
 * | border, X suspect, C claim, m missing, T title; upper/lower as listed. */
char *nb_screen_roles(const nb_screen *s);

#endif
