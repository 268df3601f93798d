/* requests.c — the key map and the help screen, generated from requests.h. */
#include "requests.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"

static const struct {
    const char *keys, *en, *zh;
    nb_request req;
} table[] = {
#define REQ(id, keys, en, zh) {keys, en, zh, NB_REQ_##id},
    NB_REQUESTS(REQ)
#undef REQ
};

static const struct {
    const char *name;
    int key;
} named[] = {{"Up", NB_KEY_UP},       {"Down", NB_KEY_DOWN}, {"Left", NB_KEY_LEFT},   {"Right", NB_KEY_RIGHT},
             {"PgUp", NB_KEY_PGUP},   {"PgDn", NB_KEY_PGDN}, {"Home", NB_KEY_HOME},   {"End", NB_KEY_END},
             {"Enter", NB_KEY_ENTER}, {"Esc", NB_KEY_ESC},   {"Tab", NB_KEY_TAB},     {"Backspace", NB_KEY_BACKSPACE},
             {"Space", ' '},          {"Delete", NB_KEY_DELETE}};

int nb_key_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (!strcmp(named[i].name, name))
            return named[i].key;
    if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3] && name[2] >= 'a' && name[2] <= 'z')
        return name[2] - 'a' + 1;
    size_t i = 0, n = strlen(name);
    if (n == 0)
        return -1;
    uint32_t cp = nb_utf8_get(name, n, &i);
    return i == n ? (int)cp : -1;
}

nb_request nb_request_for_key(int key)
{
    for (size_t t = 0; t < sizeof table / sizeof table[0]; t++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", table[t].keys);
        for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " "))
            if (nb_key_from_name(tok) == key)
                return table[t].req;
    }
    return NB_REQ_NONE;
}

int nb_help_lines(int lang, char lines[][160], int max)
{
    int n = 0;
    for (size_t t = 0; t < sizeof table / sizeof table[0] && n < max; t++, n++)
        snprintf(lines[n], 160, "  %-12s %s", table[t].keys, lang ? table[t].zh : table[t].en);
    return n;
}
