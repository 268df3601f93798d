/* stale.h — the entries of a review that do not fit the report as it is
 * now (review/review.h: nb_review_apply lists them), as findings of
 * REVIEW.STALE that check, export and the console show with the others. */
#ifndef NB_STALE_H
#define NB_STALE_H

#include "check/findings.h"
#include "review/review.h"

/* Append a REVIEW.STALE finding for each problem to out: it names the
 * cell, points at it in the text, and carries the review's file and line
 * and the values (the review keeps the strings). -1 when out of memory. */
int nb_review_stale_findings(const nb_review *rv, const nb_report *r, const nb_rv_problems *problems,
                             nb_findings *out, nb_err *err);

#endif
