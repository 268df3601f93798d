/* engine.h — a batch of reports run on several threads, each report read
 * once, the outputs written in the batch's order and byte for byte as one
 * thread writes them.
 *
 * A job is one report: prepared in the batch's order under the engine's
 * lock (what must happen in order: the rule settings of its folder, and
 * what they say), then run on any thread with a context of that thread's
 * own, writing its output and its messages to memory. When the batch pairs
 * years, a run keeps the report's summary (check/years.h) and may check the
 * years at once against a report read before it (nb_job_year_before: a
 * guess); once every report is read, each report whose year before in the
 * batch is not the one it was run with, and either finds something
 * (nb_check_years), is run again with it, and until then the outputs wait — in memory up to a
 * budget, past it in a spool file in $TMPDIR (memory stays bounded, not
 * growing with the batch past the budget and a slot a report). Without
 * pairing each output is written as soon as those before it are. */
#ifndef NB_BATCH_ENGINE_H
#define NB_BATCH_ENGINE_H

#include <stddef.h>
#include <stdio.h>

#include "check/years.h"
#include "model/body.h"
#include "model/ctx.h"

typedef struct nb_job {
    size_t i;                   /* the report's index in the batch */
    const nb_ctx *ctx;          /* the thread's own context */
    FILE *out, *err, *aux;      /* its output, its messages, and figures for the batch (memory) */
    struct nb_writer *outw;     /* its output too, built in place: what is put here follows what was
                                   written to out (a writer in memory of the thread's, emptied for each job) */
    const nb_summary *prev;     /* a second run: the year before; else NULL */
    long tried;                 /* the first run: the report whose summary nb_job_year_before gave, or -1 */
    nb_body_id body;            /* the first run: own's body, told once for the guess and the pairing ("" none) */
    void *eng;                  /* the engine running the job (nb_job_year_before) */
    int pairing;                /* the batch pairs years: fill own */
    nb_summary own;             /* the report's summary, */
    const struct nb_schema *schema; /* and its schema, */
    int has_own;                /* when it was read and can be paired */
    int status;                 /* 0 fine, 1 findings of error weight, 2 not read or not checked */
    void *prep;                 /* what prepare left for run (the job's own memory, freed by run) */
} nb_job;

typedef struct nb_engine_ops {
    /* In the batch's order, under the engine's lock: what the job needs
     * that depends on the reports before it. 0, or -1 (said in job->err). */
    int (*prepare)(void *arg, nb_job *job);
    /* The report itself, on any thread. */
    void (*run)(void *arg, nb_job *job);
    /* In the batch's order, on the calling thread: the job's status and
     * the figures it wrote to aux (its output and messages are written by
     * the engine just before). */
    void (*done)(void *arg, size_t i, int status, const char *aux, size_t naux);
    /* May be NULL. On the calling thread, as the first round goes: how
     * many reports have been read of n (n at the end of the round). */
    void (*progress)(void *arg, size_t read, size_t n);
} nb_engine_ops;

#define NB_ENGINE_HOLD ((size_t)64 << 20) /* 64 MiB */

typedef struct nb_engine {
    size_t n;                   /* reports */
    int jobs;                   /* threads, at least 1 */
    int pairing;                /* pair years across the batch */
    nb_lang lang;
    FILE *out, *err;            /* where outputs and messages go */
    int err_term;               /* err is a terminal: messages escaped when written */
    FILE *trace;                /* the extractor's trace (model/ctx.h), or NULL */
    size_t hold;                /* pairing: bytes of outputs and summaries kept in memory before the
                                   rest goes to the spool (0: NB_ENGINE_HOLD) */
    nb_engine_ops ops;
    void *arg;
} nb_engine;

/* In a job's run, once job->own is filled: the year before to check the
 * years against — job->prev when the job has it; when the batch pairs
 * years and it has none, the summary of the report's year before among
 * the reports already read (batch/guess.h), NULL when none is known yet. The guess is the engine's to make
 * good: a report whose guess was not its year before is run again. */
const nb_summary *nb_job_year_before(nb_job *job);

/* The number of threads for -j N (NULL: every core the machine has), or
 * -1 with err when N is not a whole number from 1 to 256. */
int nb_engine_jobs(const char *value, nb_lang lang, nb_err *err);

/* Run the batch. 0, or -1 with err when a thread, the spool or memory
 * failed (the jobs' own failures are their status). */
int nb_engine_run(const nb_engine *e, nb_err *err);

#endif
