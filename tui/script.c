/* script.c — the script runner (script.h). */
#include "script.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "commands.h"
#include "keymap.h"
#include "select.h"
#include "view.h"

/* One line of a script; -1 for a key name it does not know. */
static int run_line(nb_app *a, const char *s)
{
    if (*s == '"') { /* "text: typed, a character at a time */
        size_t i = 1, n = strlen(s);
        while (i < n)
            nb_app_key(a, (int)nb_utf8_get(s, n, &i));
    } else if (*s == ':' && s[1] &&
               (nb_app_mode(a) == NB_MODE_NORMAL || nb_app_mode(a) == NB_MODE_QUEUE || !strncmp(s, ":dump", 5))) {
        nb_app_command(a, s + 1); /* :dump works in any mode: it changes nothing */
    } else if (*s == '/' && s[1] && nb_app_mode(a) == NB_MODE_NORMAL) {
        nb_search_for(a, s + 1);
        nb_app_settle(a);
    } else {
        int key = nb_key_from_name(s);
        if (key < 0)
            return -1;
        nb_app_key(a, key);
    }
    return 0;
}

int nb_app_script(nb_app *a, const char *path, nb_err *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return nb_err_set(err, NB_E_IO, "%s: cannot read the script", path);
    char line[1024];
    int ln = 0, rc = 0;
    while (!a->quit && fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = '\0';
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#')
            continue;
        if (run_line(a, s) != 0) {
            rc = nb_err_set(err, NB_E_USAGE, "%s:%d: unknown key \"%s\"", path, ln, s);
            break;
        }
        nb_app_draw(a);
    }
    fclose(f);
    return rc;
}
