/* config.c — the settings of rules: one setting parsed (a list of rules or
 * patterns, a list of RULE=LEVEL), a configuration file read line by line,
 * the files that govern a report found and merged, and a configuration
 * applied to findings. */
#include "check/config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistr.h>

#include "base/fsio.h"
#include "base/glob.h"

#define CONFIG_LIMIT (1u << 20) /* a configuration file is small */
#define ITEM_MAX 128            /* the longest rule name or pattern taken */

typedef enum { SET_DISABLE, SET_ENABLE, SET_SEVERITY } set_kind;

void nb_config_init(nb_rule_config *c)
{
    memset(c->on, -1, sizeof c->on);
    memset(c->severity, -1, sizeof c->severity);
}

static int is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* s[0, *n) without the white space around it. */
static const char *trim(const char *s, size_t *n)
{
    while (*n && is_blank(*s)) {
        s++;
        (*n)--;
    }
    while (*n && is_blank(s[*n - 1]))
        (*n)--;
    return s;
}

/* s[0, n) copied into out for a message, cut at a character boundary. */
static const char *quote(const char *s, size_t n, char *out, size_t cap)
{
    if (n >= cap) {
        n = cap - 1;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

/* An ID unknown as written: the rule it names in other case, if any. */
static const char *other_case(const char *id)
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    for (int i = 0; i < n; i++)
        if (!strcasecmp(rules[i].id, id))
            return rules[i].id;
    return NULL;
}

static int unknown_rule(const char *id, nb_lang L, nb_err *err)
{
    if (nb_glob_is_pattern(id))
        return nb_err_set(err, NB_E_USAGE, nb_tr(L, "%s matches no rule", "%s 不匹配任何规则"), id);
    const char *like = other_case(id);
    if (like)
        return nb_err_set(err, NB_E_USAGE, nb_tr(L, "unknown rule %s (did you mean %s?)", "未知规则 %s（是否应为 %s？）"),
                          id, like);
    return nb_err_set(err, NB_E_USAGE,
                      nb_tr(L, "unknown rule %s (nianbao rules lists them)", "未知规则 %s（nianbao rules 列出全部规则）"), id);
}

/* Apply what kind says (level: for SET_SEVERITY) to every rule id names. */
static int set_rules(nb_rule_config *c, set_kind kind, const char *id, int level, nb_lang L, nb_err *err)
{
    int n, hits = 0;
    const nb_rule *rules = nb_rules(&n);
    for (int i = 0; i < n; i++) {
        if (!nb_glob_match(id, rules[i].id))
            continue;
        hits++;
        if (kind == SET_SEVERITY)
            c->severity[i] = (signed char)level;
        else
            c->on[i] = kind == SET_ENABLE;
    }
    return hits ? 0 : unknown_rule(id, L, err);
}

/* One item of a list: "RULE" or, for severity-of, "RULE=LEVEL". */
static int set_item(nb_rule_config *c, set_kind kind, const char *s, size_t n, nb_lang L, nb_err *err)
{
    char item[ITEM_MAX], id[ITEM_MAX], level[ITEM_MAX];
    s = trim(s, &n);
    if (!n)
        return nb_err_set(err, NB_E_USAGE, "%s", nb_tr(L, "a rule is missing in the list", "列表中缺少规则"));
    if (n >= ITEM_MAX)
        return nb_err_set(err, NB_E_USAGE, nb_tr(L, "%s… is not a rule", "%s… 不是规则"), quote(s, n, item, 40));
    quote(s, n, item, sizeof item);
    const char *eq = memchr(s, '=', n);
    if (kind != SET_SEVERITY) {
        if (eq)
            return nb_err_set(err, NB_E_USAGE, nb_tr(L, "%s is not a rule", "%s 不是规则"), item);
        return set_rules(c, kind, item, -1, L, err);
    }
    if (!eq)
        return nb_err_set(err, NB_E_USAGE, nb_tr(L, "expected RULE=LEVEL, not %s", "应为 规则=级别，而不是 %s"), item);
    size_t idn = (size_t)(eq - s), lvn = n - idn - 1;
    const char *idp = trim(s, &idn), *lvp = trim(eq + 1, &lvn);
    quote(idp, idn, id, sizeof id);
    quote(lvp, lvn, level, sizeof level);
    int sev = nb_severity_parse(level);
    if (sev < 0)
        return nb_err_set(err, NB_E_USAGE,
                          nb_tr(L, "unknown level \"%s\" for %s (info, warning or error)",
                                "级别“%s”（用于 %s）无效，可用 info、warning 或 error"),
                          level, id);
    if (!idn)
        return nb_err_set(err, NB_E_USAGE, nb_tr(L, "a rule is missing before =%s", "=%s 之前缺少规则"), level);
    return set_rules(c, kind, id, sev, L, err);
}

/* A comma-separated list of items. */
static int set_list(nb_rule_config *c, set_kind kind, const char *value, nb_lang L, nb_err *err)
{
    for (const char *s = value;;) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        if (set_item(c, kind, s, n, L, err) != 0)
            return -1;
        if (!comma)
            return 0;
        s = comma + 1;
    }
}

static int set_root(const char *value, int *root, nb_lang L, nb_err *err)
{
    if (!root)
        return nb_err_set(err, NB_E_USAGE, "%s",
                          nb_tr(L, "root belongs in a folder's .nianbao file", "root 只能写在文件夹的 .nianbao 文件中"));
    if (strcmp(value, "true") && strcmp(value, "false"))
        return nb_err_set(err, NB_E_USAGE, nb_tr(L, "root takes true or false, not %s", "root 取 true 或 false，而不是 %s"),
                          value);
    *root = !strcmp(value, "true");
    return 0;
}

int nb_config_set(nb_rule_config *c, const char *key, const char *value, int *root, nb_lang L, nb_err *err)
{
    static const char *const keys[] = {"disable", "enable", "severity-of"};
    for (int k = 0; k < 3; k++)
        if (!strcmp(key, keys[k]))
            return set_list(c, (set_kind)k, value, L, err);
    if (!strcmp(key, "root"))
        return set_root(value, root, L, err);
    return nb_err_set(err, NB_E_USAGE,
                      nb_tr(L, "unknown setting \"%s\" (disable, enable, severity-of or root)",
                            "未知设置“%s”（可用 disable、enable、severity-of 或 root）"),
                      key);
}

/* One line (without its end): blank, a comment, or KEY = VALUE. */
static int parse_line(nb_rule_config *c, const char *s, size_t n, int *root, nb_lang L, nb_err *err)
{
    const char *hash = memchr(s, '#', n);
    if (hash)
        n = (size_t)(hash - s);
    s = trim(s, &n);
    if (!n)
        return 0;
    const char *eq = memchr(s, '=', n);
    char key[ITEM_MAX], line[ITEM_MAX];
    if (!eq)
        return nb_err_set(err, NB_E_FORMAT, nb_tr(L, "expected NAME = VALUE, not \"%s\"", "应为“名称 = 值”，而不是“%s”"),
                          quote(s, n, line, 60));
    size_t kn = (size_t)(eq - s), vn = n - kn - 1;
    const char *k = trim(s, &kn), *v = trim(eq + 1, &vn);
    quote(k, kn, key, sizeof key);
    char *value = malloc(vn + 1);
    if (!value)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(L, "out of memory", "内存不足"));
    memcpy(value, v, vn);
    value[vn] = '\0';
    int rc = vn ? nb_config_set(c, key, value, root, L, err)
                : nb_err_set(err, NB_E_FORMAT, nb_tr(L, "%s = has no value", "%s = 没有值"), key);
    free(value);
    return rc;
}

int nb_config_parse(nb_rule_config *c, const char *path, const char *text, size_t n, int *root, nb_lang L,
                    nb_err *err)
{
    if (n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
        text += 3;
        n -= 3;
    }
    const uint8_t *bad = u8_check((const uint8_t *)text, n);
    size_t valid = bad ? (size_t)((const char *)bad - text) : n; /* the first byte that is not UTF-8 */
    size_t ln = 1;
    for (size_t at = 0; at < n; ln++) {
        const char *nl = memchr(text + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - text) - at : n - at;
        nb_err e;
        if (at + len > valid)
            return nb_err_set(err, NB_E_FORMAT, nb_tr(L, "%s:%zu: not UTF-8", "%s:%zu：不是 UTF-8 文本"), path, ln);
        if (parse_line(c, text + at, len, root, L, &e) != 0)
            return nb_err_set(err, e.code, "%s:%zu: %s", path, ln, e.msg);
        at += len + 1;
    }
    return 0;
}

int nb_config_load(nb_rule_config *c, const char *path, int *root, nb_lang L, nb_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return nb_err_set(err, NB_E_NOTFOUND, nb_tr(L, "%s: no such file", "%s：文件不存在"), path);
    if (!S_ISREG(st.st_mode))
        return nb_err_set(err, NB_E_IO, nb_tr(L, "%s: not a regular file", "%s：不是普通文件"), path);
    unsigned char *b;
    size_t n;
    if (nb_read_file(path, CONFIG_LIMIT, 1, &b, &n, L, err) != 0)
        return -1;
    int rc = nb_config_parse(c, path, (const char *)b, n, root, L, err);
    free(b);
    return rc;
}

void nb_config_overlay(nb_rule_config *base, const nb_rule_config *top)
{
    for (int i = 0; i < NB_NRULES; i++) {
        if (top->on[i] >= 0)
            base->on[i] = top->on[i];
        if (top->severity[i] >= 0)
            base->severity[i] = top->severity[i];
    }
}

void nb_config_user_path(char *out, size_t cap)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        snprintf(out, cap, "%s/nianbao/config", xdg);
    else if (home && *home)
        snprintf(out, cap, "%s/.config/nianbao/config", home);
    else
        out[0] = '\0';
}

/* The absolute folder of the report at path into dir; -1 when it cannot be
 * resolved (the report cannot be read either, and its reading says why). */
static int report_folder(const char *path, char *dir, size_t cap)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    char *slash = strrchr(buf, '/');
    if (!slash)
        snprintf(buf, sizeof buf, ".");
    else if (slash == buf)
        buf[1] = '\0';
    else
        *slash = '\0';
    char *abs = realpath(buf, NULL);
    if (!abs)
        return -1;
    snprintf(dir, cap, "%s", abs);
    free(abs);
    return 0;
}

/* The .nianbao files of dir and the folders above it, each under the ones
 * nearer, into near. */
static int folder_files(nb_rule_config *near, char *dir, nb_lang L, nb_err *err)
{
    for (;;) {
        char path[PATH_MAX + 16];
        snprintf(path, sizeof path, "%s%s" NB_CONFIG_DIR_FILE, dir, strcmp(dir, "/") ? "/" : "");
        nb_rule_config file;
        nb_config_init(&file);
        int root = 0;
        nb_err e;
        if (nb_config_load(&file, path, &root, L, &e) == 0) {
            nb_config_overlay(&file, near); /* the nearer files win */
            *near = file;
        } else if (e.code != NB_E_NOTFOUND) {
            if (err)
                *err = e;
            return -1;
        }
        char *slash = strrchr(dir, '/');
        if (root || !slash || !strcmp(dir, "/"))
            return 0;
        slash[slash == dir] = '\0'; /* "/a" → "/" */
    }
}

int nb_config_for_report(nb_rule_config *c, const char *user_path, const char *report, nb_lang L, nb_err *err)
{
    nb_config_init(c);
    nb_err e;
    if (user_path && *user_path && nb_config_load(c, user_path, NULL, L, &e) != 0 && e.code != NB_E_NOTFOUND) {
        if (err)
            *err = e;
        return -1;
    }
    char dir[PATH_MAX];
    if (report_folder(report, dir, sizeof dir) != 0)
        return 0;
    nb_rule_config near;
    nb_config_init(&near);
    if (folder_files(&near, dir, L, err) != 0)
        return -1;
    nb_config_overlay(c, &near);
    return 0;
}

int nb_config_rule_on(const nb_rule_config *c, nb_rule_id rule)
{
    return c->on[rule] != 0;
}

int nb_config_rule_severity(const nb_rule_config *c, nb_rule_id rule)
{
    return c->severity[rule];
}

void nb_config_apply(const nb_rule_config *c, nb_findings *fs)
{
    size_t kept = 0;
    for (size_t i = 0; i < fs->n; i++) {
        nb_finding *f = &fs->v[i];
        if (!nb_config_rule_on(c, f->rule))
            continue;
        if (c->severity[f->rule] >= 0)
            f->severity = (nb_severity)c->severity[f->rule];
        if (kept != i) /* a finding kept where it stands is not copied onto itself */
            fs->v[kept] = *f;
        kept++;
    }
    fs->n = kept;
}
