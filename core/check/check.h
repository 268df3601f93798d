/* check.h — running every single-report rule over a report (the rules:
 * check/rules.h; the findings: check/findings.h; the rules across two years:
 * check/years.h). */
#ifndef NB_CHECK_H
#define NB_CHECK_H

#include "check/findings.h"
#include "model/ctx.h"
#include "model/report.h"

struct nb_summary;
struct nb_rule_config;

/* Run every single-report rule, appending the findings to out, sorted by
 * their place in the text. 0, or -1 with err set (out of memory); on error
 * out holds what was found before. */
int nb_check(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err);
/* The rules' part of the context, made once (the sums' plans, the
 * misspellings' set); -1 with err when out of memory. */
int nb_checks_init(nb_ctx *c, nb_err *err);
void nb_checks_free(nb_ctx *c);

/* Every rule over a report as a batch checks it: the single-report rules,
 * those across two years against prev (the summary of the same body's
 * report for the year before, check/years.h; NULL: none) with cur r's own
 * summary (NULL: made here when there is a prev), the settings of cfg
 * applied (check/config.h; NULL: the rule table's own), all sorted by
 * their place in the text. The findings of YEAR.* point at prev->file: keep
 * prev while they live. 0, or -1 with err (out of memory). */
int nb_check_report(const nb_report *r, const nb_ctx *ctx, const struct nb_summary *prev,
                    const struct nb_summary *cur, const struct nb_rule_config *cfg, nb_findings *out, nb_err *err);

/* Where cell ci of finding f stands in the finding's equation (sums.c): 0
 * on the left (f->lhs), 1 on the right (f->rhs), -1 in none (a rule without
 * one); *sign is -1 for a term taken away (YEAR.IN_FORCE's repealed), else
 * 1. The right side of YEAR.CARRY is the other report's; the left side of
 * TEXT.TABLE_MISMATCH is what the narrative says. */
int nb_finding_side(const nb_report *r, const nb_finding *f, int ci, int *sign);

#endif
