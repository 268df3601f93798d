/* cmd_export.c — nianbao export: the cells of each report as JSON lines or
 * CSV, the review log of each report (--log), or the corrected text of one
 * report (--corrected). */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fsio.h"
#include "batch/ctx.h"
#include "batch/engine.h"
#include "check/check.h"
#include "check/messages.h"
#include "check/rules.h"
#include "model/schema.h"
#include "out/corrected.h"
#include "out/export.h"
#include "out/log.h"
#include "review/review.h"

typedef struct export_run {
    FILE *out;
    int out_term;          /* out is a terminal */
    const nb_paths *P;
    const nb_opts *o;
    nb_lang lang;
    int log;               /* --log: the review log, in log_format */
    int log_format;
    int csv;               /* else JSON */
    int no_review;
    const char *review;    /* --review, when the batch is one report */
    nb_cli_rules rules;    /* the rule settings, for the findings (used in the batch's order only) */
    int status;            /* the worst so far */
} export_run;

/* The review's entries that do not fit the report: said, each as a
 * diagnostic, and skipped. How many. */
static int say_stale(const nb_cli_review *cr, const nb_report *r, nb_lang L)
{
    nb_findings fs = {0};
    if (nb_cli_review_findings(stderr, cr, r, &fs, L) != 0)
        return -1;
    for (size_t k = 0; k < fs.n; k++) {
        char msg[2048];
        nb_finding_message(r, &fs.v[k], L, msg, sizeof msg);
        nb_cli_say(nb_tr(L, "nianbao: %s: REVIEW.STALE: %s (skipped)\n", "nianbao：%s：REVIEW.STALE：%s（已跳过）\n"),
                   r->doc.path, msg);
    }
    int n = (int)fs.n;
    nb_findings_free(&fs);
    return n;
}

/* The corrections that found no place in the text, each named. */
static void say_unplaced(const nb_report *r, const nb_unplaced *u, nb_lang L)
{
    for (int k = 0; k < u->n; k++) {
        char id[96];
        nb_schema_cell_id(r->schema, u->cells[k], id, sizeof id);
        nb_cli_say(nb_tr(L, "nianbao: %s: the correction of %s has no place in the text (its row is missing); not written\n",
                         "nianbao：%s：%s 的更正在正文中没有位置（该行缺失），未写入\n"),
                   r->doc.path, id);
    }
}

/* The corrected text of the report r to out, its review at review: 0, 1
 * when some corrections were skipped (stale, or with no place), 2. */
static int write_corrected(nb_report *r, const char *out, const char *review, nb_lang L)
{
    char beside[4200];
    nb_review_path(r->doc.path, beside, sizeof beside);
    nb_paths one = {(char *[]){r->doc.path}, 1, 1, NULL, 0};
    if (nb_cli_out_clashes(out, &one, review ? review : beside, L))
        return 2;
    nb_cli_review cr;
    if (nb_cli_review_open(stderr, &cr, r, review, 0, L) != 0)
        return 2;
    if (review && !nb_cli_review_of(&cr)) { /* said above: its corrections are what the copy is for */
        nb_cli_say(nb_tr(L, "nianbao: %s: no corrected copy written\n", "nianbao：%s：未写出更正副本\n"), out);
        nb_cli_review_free(&cr);
        return 2;
    }
    int stale = say_stale(&cr, r, L), status = stale < 0 ? 2 : stale > 0;
    nb_unplaced u = {0, malloc(((size_t)r->ncells + 1) * sizeof(int))};
    nb_err err;
    if (!u.cells) {
        nb_cli_fail(stderr, L, nb_tr(L, "out of memory", "内存不足"));
        status = 2;
    } else if (nb_export_corrected(r, out, &u, L, &err) != 0) {
        nb_cli_fail(stderr, L, err.msg);
        status = 2;
    } else if (u.n) {
        say_unplaced(r, &u, L);
        status = status ? status : 1;
    }
    free(u.cells);
    nb_cli_review_free(&cr);
    return status;
}

/* --corrected OUT: the text of one report with its corrections. */
static int export_corrected(const nb_opts *o, nb_lang L)
{
    if (o->nfiles != 1) {
        nb_cli_say("%s", nb_tr(L, "nianbao export --corrected OUT takes one report\n",
                               "nianbao export --corrected 输出 只接受一份报告\n"));
        return 2;
    }
    nb_ctx ctx;
    nb_report r;
    if (nb_cli_ctx(&ctx, L) != 0)
        return 2;
    if (nb_cli_open(stderr, &r, o->files[0], &ctx) != 0) {
        nb_ctx_free(&ctx);
        return 2;
    }
    int status = write_corrected(&r, o->val[NB_OPT_CORRECTED], o->val[NB_OPT_REVIEW], L);
    nb_report_free(&r);
    nb_ctx_free(&ctx);
    return status;
}

/* The findings of r into fs, as cfg configures them; a failure is said. */
static int check_report(const nb_job *job, const nb_report *r, const nb_rule_config *cfg, nb_findings *fs)
{
    nb_err err;
    int rc = nb_check(r, job->ctx, fs, &err);
    nb_config_apply(cfg, fs);
    if (rc == 0)
        return 0;
    nb_cli_fail(job->err, job->ctx->lang, err.msg);
    return 2;
}

/* In the batch's order: the rule settings of the report's folder (said
 * once when malformed; the command line's alone for the cells as CSV). */
static int export_prepare(void *arg, nb_job *job)
{
    export_run *x = arg;
    const char *path = x->P->v[job->i];
    return nb_cli_keep_rules(&job->prep, x->csv && !x->log ? &x->rules.cli
                                                            : nb_cli_rules_for(job->err, &x->rules, path, x->lang));
}

/* What is written of r: its log, its cells as CSV, or the report as JSON. */
static void export_write(const export_run *x, const nb_job *job, const nb_report *r, const nb_findings *fs,
                         const nb_findings *before, const nb_review *rv)
{
    if (x->log) {
        if (x->log_format == NB_LOG_MD && job->i)
            fputc('\n', job->out);
        nb_export_log(job->out, x->out_term, x->log_format, r, fs, before, rv, x->lang);
    } else if (x->csv) {
        nb_export_csv(job->out, r, x->lang);
    } else {
        nb_export_json_to(job->outw, r, fs, NB_SEV_INFO, rv, x->lang, job->ctx);
    }
}

/* One report of the batch, the i-th of P, written to the job's output. */
static void export_one(void *arg, nb_job *job)
{
    const export_run *x = arg;
    nb_rule_config *cfg = job->prep;
    nb_lang L = x->lang;
    nb_report r;
    if (!nb_cli_open_job(job, &r, x->P, x->o)) {
        free(cfg);
        return;
    }
    if (nb_cli_not_a_report(job->err, x->P, job->i, &r, x->o, L)) {
        nb_report_free(&r);
        free(cfg);
        return;
    }
    int status = 0;
    nb_findings before = {0}, fs = {0}; /* the log: findings of the report as it stands, and after the review */
    if (x->log)
        status |= check_report(job, &r, cfg, &before);
    nb_cli_review cr;
    if (nb_cli_review_open(job->err, &cr, &r, x->review, x->no_review || nb_cli_none_beside(x->P, job->i, x->review), L) !=
        0)
        status = 2;
    const nb_review *rv = nb_cli_review_of(&cr);
    if (!x->csv || x->log) { /* the findings after the review, its stale entries among them */
        status |= check_report(job, &r, cfg, &fs);
        size_t own = fs.n;
        if (nb_cli_review_findings(job->err, &cr, &r, &fs, job->ctx->lang) != 0)
            status = 2;
        nb_config_apply(cfg, &fs);
        if (fs.n > own)
            nb_findings_sort(&fs);
    }
    export_write(x, job, &r, &fs, &before, rv);
    job->status = status ? 2 : 0;
    nb_findings_free(&fs);
    nb_findings_free(&before);
    nb_cli_review_free(&cr);
    nb_report_free(&r);
    free(cfg);
}

/* In the batch's order: a report not read or not checked makes the status 2. */
static void export_done(void *arg, size_t i, int status, const char *aux, size_t naux)
{
    (void)i, (void)aux, (void)naux; /* the status alone counts */
    export_run *x = arg;
    if (status)
        x->status = 2;
}

/* Every report of P into the output, on the threads -j asks for (one when
 * the extractor's trace is asked for: its lines would mix). */
static int export_all(export_run *x, const nb_paths *P, const nb_opts *o, nb_lang L)
{
    nb_err err;
    int jobs = nb_engine_jobs(o->val[NB_OPT_JOBS], L, &err);
    if (jobs < 0) {
        nb_cli_fail(stderr, L, err.msg);
        return -1;
    }
    const char *trace = getenv("NIANBAO_TRACE");
    nb_engine e = {.n = P->n, .jobs = trace ? 1 : jobs, .lang = L, .out = x->out, .err = stderr,
                   .err_term = isatty(2), .trace = trace ? stderr : NULL,
                   .ops = {.prepare = export_prepare, .run = export_one, .done = export_done}, .arg = x};
    if (nb_engine_run(&e, &err) == 0)
        return 0;
    nb_cli_fail(stderr, L, err.msg);
    return -1;
}

/* The batch: every report named into the output (opened once the reports
 * are known, never one of them). */
static int export_batch(export_run *x, const nb_opts *o, nb_lang L)
{
    nb_paths P = {0};
    size_t problems = 0;
    int status = 2;
    nb_cli_out out;
    const char *outpath = o->val[NB_OPT_OUTPUT];
    if (nb_cli_collect(&P, o, L, &problems) == 0 && !nb_cli_out_clashes(outpath, &P, o->val[NB_OPT_REVIEW], L) &&
        nb_cli_out_open(&out, outpath, x->log ? "review log" : "export", L) == 0) {
        x->out = out.f;
        x->out_term = isatty(fileno(out.f));
        x->P = &P;
        x->o = o;
        x->lang = L;
        x->status = problems ? 2 : 0;
        x->review = nb_cli_review_arg(o, P.n, L);
        if (nb_opts_has(o, NB_OPT_BOM))
            fputs("\xEF\xBB\xBF", x->out);
        if (x->log && x->log_format == NB_LOG_CSV)
            nb_log_csv_header(x->out);
        else if (x->csv && !x->log)
            nb_export_csv_header(x->out);
        if (export_all(x, &P, o, L) != 0)
            x->status = 2;
        status = x->status;
        if (ferror(x->out) || nb_cli_out_close(&out) != 0)
            status = 2;
    }
    nb_paths_free(&P);
    return status;
}

int nb_cmd_export(const nb_opts *o, nb_lang L)
{
    if (nb_opts_has(o, NB_OPT_CORRECTED))
        return export_corrected(o, L);
    export_run x = {.out = stdout, .log = nb_opts_has(o, NB_OPT_LOG), .no_review = nb_opts_has(o, NB_OPT_NO_REVIEW)};
    const char *format;
    nb_err err;
    if (nb_cli_rules_init(&x.rules, o, L) != 0)
        return 2;
    int k = nb_opts_format(o, 1, &format, L, &err);
    if (k < 0) {
        nb_cli_say("%s\n", err.msg);
        return 2;
    }
    x.log_format = k;
    x.csv = !strcmp(format, "csv");
    if (!o->nfiles) {
        nb_usage(stderr, L);
        return 2;
    }
    return export_batch(&x, o, L);
}
