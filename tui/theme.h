/* theme.h — colours for roles: themes/NAME.theme files ("role = fg [on bg]
 * [bold] [underline] [reverse]"), looked up in $XDG_CONFIG_HOME/nianbao/themes,
 * then the installed data directory, then ./themes; a built-in default. */
#ifndef NB_THEME_H
#define NB_THEME_H

#include "screen.h"

typedef struct nb_style {
    short fg, bg;   /* -1 terminal default, 0-255 */
    unsigned attrs; /* NB_A_* */
} nb_style;

enum { NB_A_BOLD = 1, NB_A_UNDERLINE = 2, NB_A_REVERSE = 4, NB_A_DIM = 8 };

typedef struct nb_theme {
    char name[64];
    nb_style role[NB_NROLES];
    int mono; /* no colours: roles shown by attributes alone */
} nb_theme;

void nb_theme_default(nb_theme *t);
/* Load a theme by name or path; on error fills msg ("FILE:LINE: …") and
 * leaves the default theme. */
int nb_theme_load(nb_theme *t, const char *name, const char *datadir, char *msg, size_t cap);
/* Parse theme text (exposed for tests). */
int nb_theme_parse(nb_theme *t, const char *text, const char *file, char *msg, size_t cap);

#endif
