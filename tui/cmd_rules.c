/* cmd_rules.c — nianbao rules: the rule table, as the help shows it. */
#include "cmd.h"

#include <stdio.h>

#include "check/rules.h"

int nb_cmd_rules(const nb_opts *o, nb_lang L)
{
    (void)o;
    int n;
    const nb_rule *rules = nb_rules(&n);
    for (int i = 0; i < n; i++)
        printf("%-24s %-8s %s\n%-33s %s\n", rules[i].id, nb_severity_name(rules[i].severity),
               L == NB_LANG_ZH ? rules[i].zh : rules[i].en, "", rules[i].formula);
    return 0;
}
