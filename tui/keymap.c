/* keymap.c — the key table of keymap.h as data: lookups by mode and key or
 * by command name, key names both ways; the marks' legend (legend.h). */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "legend.h"

static const nb_binding table[] = {
#define K(mode, id, keys, en, zh, man) {NB_KM_##mode, NB_REQ_##id, keys, "", en, zh, man},
#define C(id, names, arg, en, zh, man) {NB_KM_COMMAND, NB_REQ_##id, names, arg, en, zh, man},
    NB_KEYMAP(K, C)
#undef K
#undef C
};

enum { NROWS = sizeof table / sizeof table[0] };

const nb_binding *nb_keymap(int *n)
{
    *n = NROWS;
    return table;
}

static const struct {
    const char *name;
    int key;
} named[] = {{"Up", NB_KEY_UP},       {"Down", NB_KEY_DOWN}, {"Left", NB_KEY_LEFT},   {"Right", NB_KEY_RIGHT},
             {"PgUp", NB_KEY_PGUP},   {"PgDn", NB_KEY_PGDN}, {"Home", NB_KEY_HOME},   {"End", NB_KEY_END},
             {"Enter", NB_KEY_ENTER}, {"Esc", NB_KEY_ESC},   {"Tab", NB_KEY_TAB},     {"Backspace", NB_KEY_BACKSPACE},
             {"Space", ' '},          {"Delete", NB_KEY_DELETE}, {"C-?", 0x7F}};

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

size_t nb_key_name(int key, char *out, size_t cap)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (named[i].key == key)
            return (size_t)snprintf(out, cap, "%s", named[i].name);
    if (key >= 1 && key <= 26)
        return (size_t)snprintf(out, cap, "C-%c", 'a' + key - 1);
    char u[8] = "";
    if (key > 0 && key < 0x110000)
        u[nb_utf8_put(u, (uint32_t)key)] = '\0';
    return (size_t)snprintf(out, cap, "%s", u);
}

/* Whether the space-separated list of names holds one that matches: the
 * key (name NULL) or the name. */
static int names_match(const char *list, int key, const char *name)
{
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, " ");
        char tok[32];
        snprintf(tok, sizeof tok, "%.*s", (int)(n < sizeof tok ? n : sizeof tok - 1), p);
        if (name ? !strcmp(tok, name) : nb_key_from_name(tok) == key)
            return 1;
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

nb_request nb_keymap_request(nb_keymode mode, int key)
{
    nb_request other = NB_REQ_NONE;
    for (int t = 0; t < NROWS; t++) {
        if (table[t].mode != mode)
            continue;
        if (!table[t].keys[0])
            other = table[t].req;
        else if (names_match(table[t].keys, key, NULL))
            return table[t].req;
    }
    return other;
}

nb_request nb_command_request(const char *name)
{
    for (int t = 0; t < NROWS; t++)
        if (table[t].mode == NB_KM_COMMAND && names_match(table[t].keys, 0, name))
            return table[t].req;
    return NB_REQ_NONE;
}

static const struct {
    const char *mark, *en, *zh;
} legend[] = {
#define M(id, mark, en, zh) {mark, en, zh},
    NB_LEGEND(M)
#undef M
};

const char *nb_legend_mark(nb_legend_id m)
{
    return m < NB_NLEGEND ? legend[m].mark : "";
}

const char *nb_legend_text(nb_legend_id m, int zh)
{
    return m < NB_NLEGEND ? (zh ? legend[m].zh : legend[m].en) : "";
}
