/* overlay_help.c — the help view: the normal mode's keys, generated from
 * the key table; any key closes it. */
#include <string.h>

#include "keymap.h"
#include "view.h"

static void draw(const nb_app *a, nb_screen *s)
{
    char lines[64][160];
    int n = nb_help_lines(a->lang == NB_LANG_ZH, lines, 64);
    const char *h = nb_app_tr(a, " nianbao keys (any key closes this help)", " nianbao 按键（按任意键关闭帮助）");
    nb_screen_put(s, 1, 0, h, strlen(h), s->w, NB_R_TITLE, 1);
    for (int i = 0; i < n && 3 + i < s->h - 1; i++)
        nb_screen_put(s, 3 + i, 0, lines[i], strlen(lines[i]), s->w, NB_R_TEXT, 0);
}

static void key(nb_app *a, nb_request rq, int k)
{
    (void)k;
    nb_app_quiet(a);
    if (rq == NB_REQ_HELP_CLOSE) /* any key */
        nb_app_pop(a);
}

const nb_view nb_view_help = {NB_KM_HELP, 1, draw, key, NULL};
