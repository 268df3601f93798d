/* survey_batch.c — every report of a survey read once, on the engine's
 * threads (survey.h: nb_survey_batch): each job surveys one report as
 * nb_survey_one does and hands its figures and summary back through the
 * engine's figures stream; the engine pairs the years from the summaries
 * and runs again the reports whose year before disagrees; the pairing is
 * then kept for the reports surveyed again alone later (the console's
 * corrections). */
#include "batch/survey.h"
#include "batch/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a job hands back: the report's figures, and its summary when it was
 * read and can be paired. */
typedef struct survey_rec {
    nb_survey_item item;
    int has_own;
    nb_summary own;
} survey_rec;

typedef struct survey_run {
    nb_survey *sv;
    nb_summary *own;          /* each report's summary (has_own) until the pairing is made */
    unsigned char *has_own;
    nb_survey_progress progress;
    int failed;               /* a job ran out of memory: err says so */
    nb_err err;
    nb_lang lang;
} survey_run;

static int prepare(void *arg, nb_job *job)
{
    (void)arg;
    (void)job;
    return 0; /* each report's rule settings are read by its job (nb_survey_one) */
}

static void run(void *arg, nb_job *job)
{
    survey_run *s = arg;
    const nb_survey *sv = s->sv;
    survey_rec *rec = calloc(1, sizeof *rec);
    nb_err err;
    if (!rec) {
        fputs(nb_tr(job->ctx->lang, "out of memory", "内存不足"), job->err);
        job->status = 2;
        return;
    }
    if (nb_survey_one(sv->paths.v[job->i], job->ctx, sv->user_config, sv->no_config, job, &rec->item, &job->schema,
                      &err) != 0) {
        fputs(err.msg, job->err);
        job->status = 2;
        free(rec);
        return;
    }
    rec->own = job->own;
    rec->has_own = rec->item.ok && rec->own.agency[0] && rec->own.year;
    job->has_own = job->pairing && rec->has_own;
    if (fwrite(rec, sizeof *rec, 1, job->aux) != 1)
        job->status = 2;
    free(rec);
}

static void done(void *arg, size_t i, int status, const char *aux, size_t naux)
{
    survey_run *s = arg;
    if (naux != sizeof(survey_rec)) {
        if (!s->failed)
            nb_err_set(&s->err, NB_E_NOMEM, nb_tr(s->lang, "%s: out of memory", "%s：内存不足"), s->sv->paths.v[i]);
        s->failed = 1;
        return;
    }
    (void)status;
    const survey_rec *rec = (const survey_rec *)(const void *)aux;
    memcpy(&s->sv->v[i], &rec->item, sizeof rec->item);
    if (rec->has_own && s->own) {
        memcpy(&s->own[i], &rec->own, sizeof rec->own);
        s->has_own[i] = 1;
    }
}

static void progress(void *arg, size_t read, size_t n)
{
    survey_run *s = arg;
    if (s->progress)
        s->progress(read, n);
}

/* The pairing of the batch from the reports as read, each summary a later
 * year needs kept (as nb_survey_report keeps them). */
static int keep_pairing(nb_survey *sv, const survey_run *s, nb_err *err)
{
    nb_pairing_free(&sv->pairs);
    if (nb_pairing_start(&sv->pairs, sv->n, s->lang, err) != 0)
        return -1;
    sv->pairs.paths = sv->paths.v; /* a year before read again when its summary is not kept */
    for (size_t i = 0; i < sv->n; i++)
        if (s->has_own[i])
            nb_pairing_identified(&sv->pairs, i, s->own[i].agency, s->own[i].year);
    nb_pairing_sort(&sv->pairs);
    for (size_t i = 0; i < sv->n; i++)
        if (s->has_own[i] && nb_pairing_keep(&sv->pairs, i, &s->own[i], err) != 0)
            return -1;
    return 0;
}

int nb_survey_batch(nb_survey *sv, int jobs, nb_lang lang, nb_survey_progress tell, nb_err *err)
{
    survey_run s = {.sv = sv, .progress = tell, .lang = lang};
    int pairing = sv->n > 1;
    if (pairing) {
        s.own = malloc(sv->n * sizeof *s.own);
        s.has_own = calloc(sv->n, 1);
        if (!s.own || !s.has_own) {
            free(s.own);
            free(s.has_own);
            return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(lang, "out of memory", "内存不足"));
        }
    }
    char *outb = NULL, *errb = NULL;
    size_t outn = 0, errn = 0;
    FILE *out = open_memstream(&outb, &outn), *msgs = open_memstream(&errb, &errn);
    int rc = 0;
    if (!out || !msgs) {
        rc = nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(lang, "out of memory", "内存不足"));
    } else {
        nb_engine e = {.n = sv->n, .jobs = jobs, .pairing = pairing, .lang = lang, .out = out, .err = msgs,
                       .ops = {.prepare = prepare, .run = run, .done = done, .progress = progress}, .arg = &s};
        rc = nb_engine_run(&e, err);
        if (rc == 0 && s.failed) {
            *err = s.err;
            rc = -1;
        }
        if (rc == 0 && pairing)
            rc = keep_pairing(sv, &s, err);
    }
    if (out)
        fclose(out);
    if (msgs)
        fclose(msgs);
    free(outb);
    free(errb);
    free(s.own);
    free(s.has_own);
    return rc;
}
