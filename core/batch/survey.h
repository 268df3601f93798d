/* survey.h — the figures of a batch of reports, for a queue of them: per
 * report its body, year, format, its findings by severity, those still open
 * (undecided) and the state of its review, from reading the report, applying
 * its review (REPORT.review), and checking it as `nianbao check` does — with
 * the rule settings of its folder (check/config.h) and against the same
 * body's report for the year before when the batch has it (batch/pair.h).
 * Reports are read one at a time; only their figures are kept (and the
 * summaries a later year needs). The work on one report is a function of
 * explicit state (nb_survey_one) writing one result, so that reports may be
 * surveyed in any order or side by side. */
#ifndef NB_SURVEY_H
#define NB_SURVEY_H

#include <stddef.h>

#include "batch/engine.h"
#include "batch/pair.h"
#include "batch/walk.h"
#include "check/config.h"
#include "check/findings.h"
#include "out/metrics.h"
#include "review/review.h"

/* What is known of one report of the batch. */
typedef struct nb_survey_item {
    int surveyed;              /* the figures below are filled */
    int ok;                    /* read and checked; else problem says why */
    char problem[1024];
    char agency[256];          /* "" unknown */
    int year, format, kind;    /* 0 unknown; kind: nb_kind (model/doc.h) */
    long total;                /* findings, dismissed ones too */
    long findings[3];          /* by nb_severity, dismissed ones left out */
    long open[3];              /* undecided (no decision, or reopened), by nb_severity */
    nb_review_state review;    /* out/metrics.h */
    int decided, to_decide;    /* findings of error weight decided, and in all */
    int review_bad;            /* its review file is malformed: the figures are without it */
} nb_survey_item;

/* A batch: its paths, their figures (one item a path, same order), the
 * pairing across years, where the user's configuration file is. */
typedef struct nb_survey {
    nb_paths paths;
    nb_survey_item *v;
    size_t n;
    nb_pairing pairs;
    char user_config[4096];    /* "" none */
    int no_config;             /* read no configuration file */
} nb_survey;

/* Take the paths (*paths is emptied). Nothing is read yet: the reports
 * are paired across years by nb_survey_batch from what it reads, or from
 * their titles when a report is surveyed alone first (one report is
 * paired with none). -1 with err when out of memory. */
int nb_survey_init(nb_survey *sv, nb_paths *paths, const nb_ctx *ctx, nb_err *err);
void nb_survey_free(nb_survey *sv);
/* Append a path (the pairing is made again). */
int nb_survey_add(nb_survey *sv, const char *path, const nb_ctx *ctx, nb_err *err);

/* The rule settings of the report at path: the configuration files of its
 * folder and above (none with no_config). -1 with err naming the file and
 * line of a malformed one. */
int nb_survey_rules(const nb_survey *sv, const char *path, nb_rule_config *cfg, nb_lang L, nb_err *err);
/* The summary of the year before report i (see nb_pairing_prev_summary). */
int nb_survey_prev(nb_survey *sv, size_t i, const nb_ctx *ctx, const nb_summary **out, nb_err *err);

/* One report's figures, from explicit state: read path, apply its review,
 * check it with the settings of user_config and its folder (no_config:
 * none) against the year before that nb_job_year_before(job) gives once
 * job->own holds the report's summary as corrected (kept there for the
 * year after): job->prev (NULL: none), or in a paired batch its guess
 * (batch/engine.h). schema (may be NULL) gets its schema. A report that
 * cannot be read or configured is an item with its problem; -1 with err
 * only when out of memory. */
int nb_survey_one(const char *path, const nb_ctx *ctx, const char *user_config, int no_config, nb_job *job,
                  nb_survey_item *out, const nb_schema **schema, nb_err *err);
/* Survey report i of the batch (its figures replaced), keeping its summary
 * when a later year needs it. */
int nb_survey_report(nb_survey *sv, size_t i, const nb_ctx *ctx, nb_err *err);
/* Survey every report not surveyed yet, in order. */
int nb_survey_all(nb_survey *sv, const nb_ctx *ctx, nb_err *err);

/* How far nb_survey_batch got: done of n reports read (n at the end). */
typedef void (*nb_survey_progress)(size_t done, size_t n);
/* Survey every report of a batch none of whose reports is surveyed yet, on
 * jobs threads (batch/engine.h), each report read once: the years paired
 * from what is read, as `nianbao check` pairs them, and each report whose
 * year before disagrees surveyed again against it (survey_batch.c). The
 * figures are those of nb_survey_report report by report. progress (may
 * be NULL) is told on the calling thread. -1 with err when out of memory
 * or when no thread could be started. */
int nb_survey_batch(nb_survey *sv, int jobs, nb_lang lang, nb_survey_progress progress, nb_err *err);

/* The figures of a report read and checked elsewhere (the console's
 * session): r as corrected, its findings, its review (NULL: none). */
void nb_survey_figures(nb_survey_item *it, const nb_report *r, const nb_findings *fs, const nb_review *rv);
/* Report i's summary kept for the year after, as r now is. */
int nb_survey_keep(nb_survey *sv, size_t i, const nb_report *r, nb_err *err);

#endif
