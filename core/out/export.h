/* export.h — a report's cells and findings as JSON (one object a line) or
 * CSV (one row a cell), for scripts, spreadsheets and CI. The corrected text
 * is out/corrected.h, the review log out/log.h, the plain listing out/show.h. */
#ifndef NB_EXPORT_H
#define NB_EXPORT_H

#include <stdio.h>
#include "model/report.h"

struct nb_findings;
struct nb_writer;
struct nb_review;
struct nb_ctx;
/* One JSON object, no newline inside, newline after; findings and review may
 * be NULL. With a review, findings carry their fingerprint and decision.
 * "metrics" holds the report's metrics (out/metrics.h), its findings counted
 * whatever min_severity. */
int nb_export_json(FILE *out, const nb_report *r, const struct nb_findings *findings, int min_severity,
                   const struct nb_review *review, nb_lang lang);
/* The same into w (a writer in memory the caller keeps from report to
 * report, so that the object is built where it will be read), with what
 * the thread's context keeps from report to report (may be NULL): its memo
 * of fingerprints (check/findings.h) and its plans of schemas. */
void nb_export_json_to(struct nb_writer *w, const nb_report *r, const struct nb_findings *findings, int min_severity,
                       const struct nb_review *rv, nb_lang lang, const struct nb_ctx *ctx);
/* What the export reads of a schema, found the first time a thread meets
 * it (model/ctx.h export_plans): its cells' IDs as written, the cells of
 * each metric. NULL when out of memory (then found for each report). */
typedef struct nb_export_plans nb_export_plans;
nb_export_plans *nb_export_plans_new(void);
void nb_export_plans_free(nb_export_plans *p);
/* The CSV header line. */
int nb_export_csv_header(FILE *out);
/* One CSV row per cell of the schema (missing cells too, status "missing"). */
int nb_export_csv(FILE *out, const nb_report *r, nb_lang lang);

#endif
