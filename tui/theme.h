/* theme.h — colours for roles: themes/NAME.theme files ("role = fg [on bg]
 * [bold] [underline] [reverse]"), looked up in $XDG_CONFIG_HOME/nianbao/themes,
 * then the installed data directory, then ./themes; the default built in
 * from themes/default.theme. */
#ifndef NB_THEME_H
#define NB_THEME_H

#include "base/err.h"
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

/* The default theme: themes/default.theme as built in. */
int nb_theme_default(nb_theme *t, nb_err *err);
/* Load a theme by name or path; on error fills err ("FILE:LINE: …", in
 * the language asked) and leaves the default theme. */
int nb_theme_load(nb_theme *t, const char *name, const char *datadir, nb_lang lang, nb_err *err);
/* Parse theme text over the default (exposed for tests). */
int nb_theme_parse(nb_theme *t, const char *text, const char *file, nb_lang lang, nb_err *err);

#endif
