/* check.h — running every single-report rule over a report (the rules:
 * check/rules.h; the findings: check/findings.h; the rules across two years:
 * check/years.h). */
#ifndef NB_CHECK_H
#define NB_CHECK_H

#include "check/findings.h"
#include "model/ctx.h"
#include "model/report.h"

/* Run every single-report rule, appending the findings to out, sorted by
 * their place in the text. 0, or -1 with err set (out of memory); on error
 * out holds what was found before. */
int nb_check(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err);

#endif
