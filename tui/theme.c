/* theme.c — role → colour tables, from theme files; the default is
 * themes/default.theme, built in. */
#include "theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* themes/default.theme, embedded at build time (the Makefile writes it as
 * a C string into the build folder): the one copy of the default colours. */
static const char default_theme[] =
#include "default_theme.inc"
    ;

static int color_number(const char *w)
{
    static const char *const names[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
    if (!strcasecmp(w, "default"))
        return -1;
    for (int i = 0; i < 8; i++) {
        if (!strcasecmp(w, names[i]))
            return i;
        if (!strncasecmp(w, "bright-", 7) && !strcasecmp(w + 7, names[i]))
            return i + 8;
    }
    char *end;
    long v = strtol(w, &end, 10);
    if (*w && !*end && v >= 0 && v <= 255)
        return (int)v;
    return -2;
}

/* "fg [on bg] [bold] …" → style; -1 on a word it does not know. */
static int parse_spec(const char *spec, nb_style *st, char *bad, size_t cap)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    st->fg = st->bg = -1;
    st->attrs = 0;
    int want_bg = 0, seen_fg = 0;
    for (char *w = strtok(buf, " \t"); w; w = strtok(NULL, " \t")) {
        if (!strcasecmp(w, "on")) {
            want_bg = 1;
            continue;
        }
        if (!strcasecmp(w, "bold")) {
            st->attrs |= NB_A_BOLD;
            continue;
        }
        if (!strcasecmp(w, "underline")) {
            st->attrs |= NB_A_UNDERLINE;
            continue;
        }
        if (!strcasecmp(w, "reverse")) {
            st->attrs |= NB_A_REVERSE;
            continue;
        }
        if (!strcasecmp(w, "dim")) {
            st->attrs |= NB_A_DIM;
            continue;
        }
        int c = color_number(w);
        if (c == -2) {
            snprintf(bad, cap, "%s", w);
            return -1;
        }
        if (want_bg) {
            st->bg = (short)c;
            want_bg = 0;
        } else if (!seen_fg) {
            st->fg = (short)c;
            seen_fg = 1;
        } else {
            snprintf(bad, cap, "%s", w);
            return -1;
        }
    }
    return 0;
}

/* Trim the white space around s in place. */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    size_t sl = strlen(s);
    while (sl && (s[sl - 1] == ' ' || s[sl - 1] == '\t' || s[sl - 1] == '\r'))
        s[--sl] = '\0';
    return s;
}

/* One line of a theme ("role = spec", "mono", a comment) into th. */
static int parse_line(nb_theme *th, char *buf, const char *file, int line, nb_lang lang, nb_err *err)
{
    char *hash = strchr(buf, '#');
    if (hash)
        *hash = '\0';
    char *s = trim(buf);
    if (!*s)
        return 0;
    if (!strncmp(s, "mono", 4) && (!s[4] || s[4] == ' ')) {
        th->mono = 1;
        return 0;
    }
    char *eq = strchr(s, '=');
    if (!eq)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s:%d: expected \"role = colour\", got \"%s\"", "%s:%d: 应为“角色 = 颜色”，实为“%s”"),
                          file, line, s);
    *eq = '\0';
    char *role = trim(s), *spec = trim(eq + 1);
    int r = nb_role_from_name(role);
    if (r < 0)
        return nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s:%d: unknown role \"%s\"", "%s:%d: 未知的角色“%s”"), file,
                          line, role);
    char bad[64];
    if (parse_spec(spec, &th->role[r], bad, sizeof bad) != 0)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s:%d: unknown colour or attribute \"%s\"", "%s:%d: 未知的颜色或属性“%s”"), file,
                          line, bad);
    return 0;
}

/* Theme text over th, line by line. */
static int parse_into(nb_theme *th, const char *text, const char *file, nb_lang lang, nb_err *err)
{
    int line = 0;
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char buf[512];
        snprintf(buf, sizeof buf, "%.*s", (int)(len < 511 ? len : 511), p);
        line++;
        p = e ? e + 1 : p + len;
        if (parse_line(th, buf, file, line, lang, err) != 0)
            return -1;
    }
    return 0;
}

int nb_theme_default(nb_theme *t, nb_err *err)
{
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "default");
    return parse_into(t, default_theme, "themes/default.theme", NB_LANG_EN, err);
}

int nb_theme_parse(nb_theme *t, const char *text, const char *file, nb_lang lang, nb_err *err)
{
    nb_theme th;
    if (nb_theme_default(&th, err) != 0 || parse_into(&th, text, file, lang, err) != 0)
        return -1;
    *t = th;
    return 0;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *b = malloc(65536);
    size_t n = b ? fread(b, 1, 65535, f) : 0;
    fclose(f);
    if (b)
        b[n] = '\0';
    return b;
}

int nb_theme_load(nb_theme *t, const char *name, const char *datadir, nb_lang lang, nb_err *err)
{
    char path[4096];
    char *text = NULL;
    if (strchr(name, '/')) {
        snprintf(path, sizeof path, "%.4000s", name);
        text = slurp(path);
    } else {
        const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
        char dirs[4][1024];
        int nd = 0;
        if (xdg && *xdg)
            snprintf(dirs[nd++], sizeof dirs[0], "%s/nianbao/themes", xdg);
        else if (home && *home)
            snprintf(dirs[nd++], sizeof dirs[0], "%s/.config/nianbao/themes", home);
        if (datadir && *datadir)
            snprintf(dirs[nd++], sizeof dirs[0], "%s/themes", datadir);
        snprintf(dirs[nd++], sizeof dirs[0], "themes");
        for (int i = 0; i < nd && !text; i++) {
            snprintf(path, sizeof path, "%.1000s/%.200s.theme", dirs[i], name);
            text = slurp(path);
        }
    }
    if (!text) {
        if (!strcmp(name, "default"))
            return nb_theme_default(t, err);
        nb_err_set(err, NB_E_NOTFOUND,
                   nb_tr(lang, "theme %s: not found (looked in $XDG_CONFIG_HOME/nianbao/themes, %s/themes, ./themes)",
                         "主题 %s：未找到（查找了 $XDG_CONFIG_HOME/nianbao/themes、%s/themes、./themes）"),
                   name, datadir ? datadir : "?");
        nb_theme_default(t, NULL);
        return -1;
    }
    int rc = nb_theme_parse(t, text, path, lang, err);
    free(text);
    if (rc != 0) {
        nb_theme_default(t, NULL);
        return -1;
    }
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    snprintf(t->name, sizeof t->name, "%.*s", (int)strcspn(base, "."), base);
    return 0;
}
