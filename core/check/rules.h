/* rules.h — the checks of ../shared/spec/format.md as one table of data
 * (check/rules.def: ID, severity, what must hold in English and Chinese,
 * formula) and the severity levels with their names. The checks, the
 * command line, the review file, the console and the help all read it; code
 * that adds a finding names its rule by NB_RULE_*, never by string. */
#ifndef NB_RULES_H
#define NB_RULES_H

#include "base/err.h"

typedef enum { NB_SEV_INFO = 0, NB_SEV_WARNING = 1, NB_SEV_ERROR = 2 } nb_severity;

/* "info", "warning", "error": the word of the command line, the exports and
 * the review log. */
const char *nb_severity_name(nb_severity s);
/* The level as people read it: "error" / "错误". */
const char *nb_severity_label(nb_severity s, nb_lang lang);
/* "info", "warning", "error" → the level; -1 if none of them. */
int nb_severity_parse(const char *s);

/* Every rule, in table order from 0: NB_RULE_T3_BALANCE, … (NB_RULE_NONE
 * makes the type signed, so that it compares with nb_rule_index). */
typedef enum {
    NB_RULE_NONE = -1,
#define NB_RULE(name, id, severity, en, zh, formula) NB_RULE_##name,
#include "check/rules.def"
#undef NB_RULE
    NB_NRULES
} nb_rule_id;

typedef struct nb_rule {
    const char *id;        /* "T3.BALANCE" */
    nb_severity severity;
    const char *en, *zh;   /* what must hold, for help and --list-rules */
    const char *formula;   /* the cells, as the spec writes them */
} nb_rule;

/* The rule table, indexed by nb_rule_id; *n is NB_NRULES. */
const nb_rule *nb_rules(int *n);
/* One rule. */
const nb_rule *nb_rule_get(nb_rule_id rule);
/* The rule of an ID ("T3.BALANCE"), or -1. */
int nb_rule_index(const char *id);

#endif
