/* log.h — the review log of a report (nianbao export --log): findings with
 * their decisions and reasons, findings resolved by corrections, corrections
 * old → new, notes; reviewer and time on each. Markdown, CSV or JSON. */
#ifndef NB_LOG_H
#define NB_LOG_H
#include <stdio.h>
#include "model/report.h"
#include "review/review.h"
#include "check/findings.h"

enum { NB_LOG_MD, NB_LOG_CSV, NB_LOG_JSON };

/* "md" (or "markdown"), "csv", "json" → NB_LOG_*; -1 for anything else. */
int nb_log_format_parse(const char *s);
/* The CSV header: file,kind,id,rule,severity,state,old,new,text,by,at,fingerprint */
void nb_log_csv_header(FILE *out);
/* The log of one report: fs are its findings after the review's
 * corrections, before those of the report as it stands (a finding in before
 * and not in fs is resolved; may be NULL); rv may be NULL (no review).
 * term: the text goes to a terminal in the end (escaped for one). */
int nb_export_log(FILE *out, int term, int format, const nb_report *r, const nb_findings *fs,
                  const nb_findings *before, const nb_review *rv, nb_lang lang);
#endif
