/* config.h — rule configuration the way linters do it: rules turned off
 * (disable), on again (enable) and given another level (severity-of), read
 * from the command line and from configuration files — the user's
 * ($XDG_CONFIG_HOME/nianbao/config) and .nianbao in the report's folder or a
 * parent — merged so that, rule by rule, the setting read last wins, and
 * applied to a report's findings. A rule is named by its ID or by a pattern
 * in which '*' matches any run of characters (TEXT.*, *).
 *
 * A configuration file is UTF-8, one setting a line, '#' to the end of a
 * line a comment:
 *     disable = DATE.LATE, TEXT.*
 *     enable = TEXT.RATE
 *     severity-of = T3.BALANCE=warning, YEAR.CARRY=warning
 *     root = true        (.nianbao: the folders above are not read) */
#ifndef NB_CONFIG_H
#define NB_CONFIG_H

#include <stddef.h>
#include "base/err.h"
#include "check/findings.h"
#include "check/rules.h"

/* The name of the configuration file of a folder. */
#define NB_CONFIG_DIR_FILE ".nianbao"

/* What one source (a file, the command line) or a merge of them sets, rule
 * by rule; what none sets stays as the rule table has it (on, its own
 * levels). */
typedef struct nb_rule_config {
    signed char on[NB_NRULES];       /* 1 on, 0 off, -1 not set */
    signed char severity[NB_NRULES]; /* the level its findings take (nb_severity), -1 not set */
} nb_rule_config;

/* Nothing set. */
void nb_config_init(nb_rule_config *c);

/* One setting: key "disable", "enable" or "severity-of" with its value
 * ("A, B.*"; "RULE=LEVEL, …"), or "root" with "true" or "false" (*root
 * gets it; root may be NULL where root is refused). 0, or -1 with err: what
 * is wrong, without a place ("unknown rule T3.BALANC"). */
int nb_config_set(nb_rule_config *c, const char *key, const char *value, int *root, nb_lang L, nb_err *err);

/* The settings of a file's text (n bytes), in order; messages name
 * "path:line". *root (may be NULL) is set when the file says root = true. */
int nb_config_parse(nb_rule_config *c, const char *path, const char *text, size_t n, int *root, nb_lang L,
                    nb_err *err);
/* The same from the file at path; NB_E_NOTFOUND when there is none. */
int nb_config_load(nb_rule_config *c, const char *path, int *root, nb_lang L, nb_err *err);

/* top's settings over base's: what top sets wins, the rest stays. */
void nb_config_overlay(nb_rule_config *base, const nb_rule_config *top);

/* The user's configuration file: $XDG_CONFIG_HOME/nianbao/config (when set
 * to an absolute path), else $HOME/.config/nianbao/config; "" without either. */
void nb_config_user_path(char *out, size_t cap);

/* The configuration in effect for the report at path: the user's file
 * (user_path; NULL or "" none), then the .nianbao files from the farthest
 * folder above the report's down to its own (up to the first that says
 * root = true), each over the ones before. 0, or -1 with err naming the file
 * and line of a malformed setting. */
int nb_config_for_report(nb_rule_config *c, const char *user_path, const char *report, nb_lang L, nb_err *err);

/* Whether the rule is on, and the level its findings take under c (level:
 * -1 when c leaves each finding its own). */
int nb_config_rule_on(const nb_rule_config *c, nb_rule_id rule);
int nb_config_rule_severity(const nb_rule_config *c, nb_rule_id rule);

/* Drop the findings of rules c turns off and give the others the level c
 * sets; the order is kept. */
void nb_config_apply(const nb_rule_config *c, nb_findings *fs);

#endif
