/* survey.c — the figures of a batch of reports (survey.h): each report
 * read, its review applied, checked as configured and against the year
 * before, and counted; the review's state as out/metrics computes it. */
#include "batch/survey.h"
#include "base/vec.h"
#include "check/check.h"
#include "read/read.h"
#include "review/stale.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int out_of_memory(nb_lang lang, nb_err *err)
{
    return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(lang, "out of memory", "内存不足"));
}

int nb_survey_init(nb_survey *sv, nb_paths *paths, const nb_ctx *ctx, nb_err *err)
{
    memset(sv, 0, sizeof *sv);
    sv->paths = *paths;
    memset(paths, 0, sizeof *paths);
    sv->n = sv->paths.n;
    nb_config_user_path(sv->user_config, sizeof sv->user_config);
    sv->v = calloc(sv->n ? sv->n : 1, sizeof *sv->v);
    if (!sv->v)
        return out_of_memory(ctx->lang, err);
    return 0;
}

/* The pairing, made from the reports' titles the first time a report is
 * surveyed alone (nb_survey_batch makes it from the reports as read). */
static int pairing_ready(nb_survey *sv, const nb_ctx *ctx, nb_err *err)
{
    if (sv->pairs.slots || sv->n < 2)
        return 0;
    return nb_pairing_init(&sv->pairs, sv->paths.v, sv->n, ctx, err);
}

void nb_survey_free(nb_survey *sv)
{
    nb_pairing_free(&sv->pairs);
    nb_paths_free(&sv->paths);
    free(sv->v);
    memset(sv, 0, sizeof *sv);
}

int nb_survey_add(nb_survey *sv, const char *path, const nb_ctx *ctx, nb_err *err)
{
    size_t cap = sv->n;
    if (nb_paths_push(&sv->paths, path, ctx->lang, err) != 0)
        return -1;
    if (nb_grow(&sv->v, &cap, sv->n + 1, sizeof *sv->v, 8) != 0)
        return out_of_memory(ctx->lang, err);
    memset(&sv->v[sv->n], 0, sizeof sv->v[0]);
    sv->n++;
    nb_pairing_free(&sv->pairs);
    return pairing_ready(sv, ctx, err);
}

int nb_survey_rules(const nb_survey *sv, const char *path, nb_rule_config *cfg, nb_lang L, nb_err *err)
{
    if (!sv->no_config)
        return nb_config_for_report(cfg, sv->user_config, path, L, err);
    nb_config_init(cfg);
    return 0;
}

int nb_survey_prev(nb_survey *sv, size_t i, const nb_ctx *ctx, const nb_summary **out, nb_err *err)
{
    *out = NULL;
    if (pairing_ready(sv, ctx, err) != 0)
        return -1;
    return nb_pairing_prev_summary(&sv->pairs, i, ctx, out, err);
}

/* ------------------------------------------------------------ figures */

void nb_survey_figures(nb_survey_item *it, const nb_report *r, const nb_findings *fs, const nb_review *rv)
{
    nb_metrics m;
    nb_metrics_of(r, fs, rv, &m);
    it->surveyed = it->ok = 1;
    it->problem[0] = '\0';
    snprintf(it->agency, sizeof it->agency, "%s", r->agency);
    it->year = r->year;
    it->format = r->format;
    it->kind = (int)r->doc.kind;
    it->total = (long)fs->n;
    memset(it->open, 0, sizeof it->open);
    for (size_t k = 0; k < fs->n; k++) {
        char fp[24];
        nb_finding_fingerprint(r, &fs->v[k], fp);
        const nb_rv_entry *d = rv ? nb_review_decision(rv, fp) : NULL;
        if (!d || d->state == NB_DEC_OPEN)
            it->open[fs->v[k].severity]++;
    }
    memcpy(it->findings, m.findings, sizeof it->findings);
    it->review = m.review;
    it->decided = m.decided;
    it->to_decide = m.to_decide;
}

/* REPORT.review loaded and applied, the entries that do not fit the
 * report in problems: 1 when there is one, 0 when there is none, -1 when it
 * is malformed (r is left as read), -2 when out of memory. */
static int load_review(nb_report *r, nb_review *rv, nb_rv_problems *problems, nb_lang L)
{
    char path[4200];
    nb_err e;
    nb_review_path(r->doc.path, path, sizeof path);
    if (nb_review_load(rv, path, L, &e) != 0)
        return e.code == NB_E_NOTFOUND ? 0 : -1;
    return nb_review_apply(rv, r, problems) < 0 ? -2 : 1;
}

/* An item that could not be surveyed, and why. */
static void unread(nb_survey_item *out, const nb_err *why)
{
    memset(out, 0, sizeof *out);
    out->surveyed = 1;
    snprintf(out->problem, sizeof out->problem, "%s", why->msg);
}

int nb_survey_one(const char *path, const nb_ctx *ctx, const char *user_config, int no_config, nb_job *job,
                  nb_survey_item *out, const nb_schema **schema, nb_err *err)
{
    nb_rule_config cfg;
    nb_err why;
    nb_config_init(&cfg);
    if (!no_config && nb_config_for_report(&cfg, user_config, path, ctx->lang, &why) != 0) {
        unread(out, &why);
        return 0;
    }
    nb_report r;
    if (nb_report_open(&r, path, ctx, &why) != 0) {
        unread(out, &why);
        return 0;
    }
    nb_review rv = {0};
    nb_rv_problems problems = {0};
    int has = load_review(&r, &rv, &problems, ctx->lang);
    nb_findings fs = {0};
    nb_summarize(&r, &job->own); /* the year before is told by it (a batch's guess) */
    int rc = has == -2 ? nb_err_set(err, NB_E_NOMEM, nb_tr(ctx->lang, "%s: out of memory", "%s：内存不足"), path)
                       : nb_check_report(&r, ctx, nb_job_year_before(job), &job->own, &cfg, &fs, err);
    if (rc == 0 && has > 0 && problems.n) /* entries that no longer fit: REVIEW.STALE, as check says */
        rc = nb_review_stale_findings(&rv, &r, &problems, &fs, err);
    if (rc == 0) {
        nb_survey_figures(out, &r, &fs, has > 0 ? &rv : NULL);
        out->review_bad = has < 0;
        if (schema)
            *schema = r.schema;
    }
    nb_findings_free(&fs);
    nb_rv_problems_free(&problems);
    nb_review_free(&rv);
    nb_report_free(&r);
    return rc;
}

int nb_survey_report(nb_survey *sv, size_t i, const nb_ctx *ctx, nb_err *err)
{
    nb_job job = {.tried = -1}; /* no batch: the year before is the pairing's */
    if (i >= sv->n || nb_survey_prev(sv, i, ctx, &job.prev, err) != 0)
        return -1;
    if (nb_survey_one(sv->paths.v[i], ctx, sv->user_config, sv->no_config, &job, &sv->v[i], NULL, err) != 0)
        return -1;
    return sv->v[i].ok ? nb_pairing_keep(&sv->pairs, i, &job.own, err) : 0;
}

int nb_survey_all(nb_survey *sv, const nb_ctx *ctx, nb_err *err)
{
    for (size_t i = 0; i < sv->n; i++)
        if (!sv->v[i].surveyed && nb_survey_report(sv, i, ctx, err) != 0)
            return -1;
    return 0;
}

int nb_survey_keep(nb_survey *sv, size_t i, const nb_report *r, nb_err *err)
{
    nb_summary s;
    nb_summarize(r, &s);
    return nb_pairing_keep(&sv->pairs, i, &s, err);
}
