/* rules.c — the rule table (from check/rules.def) and the names of the
 * severity levels. */
#include "check/rules.h"

#include <string.h>

static const nb_rule rules[NB_NRULES] = {
#define NB_RULE(name, id, severity, en, zh, formula) {id, severity, en, zh, formula},
#include "check/rules.def"
#undef NB_RULE
};

const nb_rule *nb_rules(int *n)
{
    *n = NB_NRULES;
    return rules;
}

const nb_rule *nb_rule_get(nb_rule_id rule)
{
    return &rules[rule];
}

int nb_rule_index(const char *id)
{
    for (int i = 0; i < NB_NRULES; i++)
        if (!strcmp(rules[i].id, id))
            return i;
    return -1;
}

/* By level: the word, and the level in English and Chinese. */
static const char *const severity_words[][3] = {
    {"info", "info", "提示"},
    {"warning", "warning", "警告"},
    {"error", "error", "错误"},
};

static int severity_row(nb_severity s)
{
    return s == NB_SEV_ERROR ? 2 : s == NB_SEV_WARNING ? 1 : 0;
}

const char *nb_severity_name(nb_severity s)
{
    return severity_words[severity_row(s)][0];
}

const char *nb_severity_label(nb_severity s, nb_lang lang)
{
    return severity_words[severity_row(s)][lang == NB_LANG_ZH ? 2 : 1];
}

int nb_severity_parse(const char *s)
{
    for (int k = 0; k < 3; k++)
        if (!strcmp(severity_words[k][0], s))
            return k;
    return -1;
}
