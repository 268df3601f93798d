/* metrics.h — the numbers an auditor wants of each report: its requests
 * (新收, 办结, 结转), its rates (公开率, 不予公开率, 复议纠错率, 诉讼纠错率),
 * its findings by severity and the state of its review; written as a CSV
 * row, as JSON, and as a row of a table for a terminal (out/table.h). The
 * definitions (man nianbao(1), METRICS):
 *   new          t3.new.total             handled  t3.total.total
 *   carried_out  t3.carried_out.total     granted  t3.granted.total
 *   partial      t3.partial.total         denied   Σ t3.deny.*.total
 *   review_corrected  t4.review.corrected     review_total  t4.review.total
 *   suit_corrected    t4.suit_direct.corrected + t4.suit_after.corrected
 *   suit_total        t4.suit_direct.total + t4.suit_after.total
 *   disclosure_rate   (granted + partial) / handled
 *   denial_rate       denied / handled
 *   review_correction_rate  review_corrected / review_total
 *   suit_correction_rate    suit_corrected / suit_total
 * A placeholder cell (/, -, —, 无) counts 0; a count with a cell that is
 * missing, blank, unread or not a whole number is unknown, and so is a rate
 * with an unknown count or a denominator of 0. Rates are percentages
 * rounded half up to one decimal. */
#ifndef NB_METRICS_H
#define NB_METRICS_H

#include <stdio.h>
#include "check/findings.h"
#include "model/report.h"
#include "out/writer.h"

struct nb_review;
struct nb_table;

enum {
    NB_M_NEW,
    NB_M_HANDLED,
    NB_M_CARRIED_OUT,
    NB_M_GRANTED,
    NB_M_PARTIAL,
    NB_M_DENIED,
    NB_M_REVIEW_CORRECTED,
    NB_M_REVIEW_TOTAL,
    NB_M_SUIT_CORRECTED,
    NB_M_SUIT_TOTAL,
    NB_M_NCOUNTS
};
enum { NB_RATE_DISCLOSURE, NB_RATE_DENIAL, NB_RATE_REVIEW, NB_RATE_SUIT, NB_NRATES };

/* Where the review of a report stands: no review (or an empty one); a
 * review with a finding of error weight still open; every such finding
 * confirmed or dismissed. */
typedef enum { NB_REVIEW_NOT_STARTED, NB_REVIEW_IN_PROGRESS, NB_REVIEW_DONE } nb_review_state;

/* A number that may be unknown. */
typedef struct nb_known {
    int known;
    long long v;
} nb_known;

typedef struct nb_metrics {
    char file[512];
    char agency[256];
    int year;                    /* 0 unknown */
    nb_known count[NB_M_NCOUNTS];
    nb_known rate[NB_NRATES];    /* in tenths of a percent: 857 is 85.7% */
    long findings[3];            /* by nb_severity; findings the reviewer dismissed do not count */
    nb_review_state review;
    int decided, to_decide;      /* findings of error weight decided, and in all */
} nb_metrics;

/* The findings by severity (cnt[nb_severity]), those the review (may be
 * NULL) dismissed left out. */
void nb_metrics_count(const nb_report *r, const nb_findings *fs, const struct nb_review *rv, long cnt[3]);
/* The metrics of r with its findings (as configured) and its review (may be NULL). */
void nb_metrics_of(const nb_report *r, const nb_findings *fs, const struct nb_review *rv, nb_metrics *m);
/* The cells each count adds up in a schema, in the order they are added:
 * found once for every report of the schema (a thread keeps them for the
 * export: out/export.c). A count names at most two cells a row of the
 * schema's at most 64. */
#define NB_M_PLAN_CELLS 128
typedef struct nb_metrics_plan {
    short cells[NB_M_NCOUNTS][NB_M_PLAN_CELLS];
    int n[NB_M_NCOUNTS];
} nb_metrics_plan;
void nb_metrics_plan_make(nb_metrics_plan *p, const nb_schema *s);
/* nb_metrics_of with the counts' cells from p, made for r's schema. */
void nb_metrics_of_plan(const nb_report *r, const nb_findings *fs, const struct nb_review *rv, const nb_metrics_plan *p,
                        nb_metrics *m);

/* The state's name in CSV and JSON ("in_progress"), and as people read it
 * ("in progress" / "进行中"). */
const char *nb_review_state_name(nb_review_state s);
const char *nb_review_state_label(nb_review_state s, nb_lang lang);

/* "new":…,"handled":…, … "to_decide":…: every metric as JSON members,
 * null for an unknown one (export puts them in its "metrics" object). */
void nb_put_metrics_json(nb_writer *w, const nb_metrics *m);
/* One JSON object a line: "file", "agency", "year", then the metrics. */
int nb_metrics_json(FILE *out, const nb_metrics *m);
/* The CSV header line, and a report's row (empty fields for unknowns). */
int nb_metrics_csv_header(FILE *out);
int nb_metrics_csv(FILE *out, const nb_metrics *m);

/* A table of metrics for a terminal, headed in the language, and a
 * report's row in it. 0, or -1 with err (out of memory). */
int nb_metrics_table_init(struct nb_table *t, nb_lang lang, nb_err *err);
int nb_metrics_table_add(struct nb_table *t, const nb_metrics *m, nb_lang lang, nb_err *err);

#endif
