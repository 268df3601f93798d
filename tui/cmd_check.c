/* cmd_check.c — nianbao check: every rule over each report, as the rule
 * settings configure them, diagnostics printed the way a compiler does
 * (path:line:col: severity: RULE: message) or as JSON lines, or with
 * --summary the metrics of each report (a table, CSV or JSON lines); reports
 * of one body for consecutive years checked against each other, and the
 * exit status counting errors. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "batch/ctx.h"
#include "batch/engine.h"
#include "check/check.h"
#include "check/messages.h"
#include "check/rules.h"
#include "model/doc.h"
#include "out/diag.h"
#include "out/export.h"
#include "out/metrics.h"
#include "out/table.h"
#include "out/writer.h"
#include "review/review.h"

/* What is printed of each report. */
typedef enum { OUT_TEXT, OUT_JSON, OUT_TABLE, OUT_CSV, OUT_METRICS_JSON } check_output;

typedef struct check_run {
    nb_paths P;
    nb_cli_rules rules;    /* used in the batch's order only (prepare) */
    check_output output;
    nb_table table;        /* OUT_TABLE: the rows until the end */
    int color, out_term, min_sev, no_review;
    const char *review;    /* --review, when the batch is one report */
    const nb_opts *o;
    nb_lang lang;
    long tot[3];           /* findings by severity, over the batch */
    size_t nreports, with_errors;
    int status;            /* the worst so far */
} check_run;

/* What a report's job hands on to the batch (its aux bytes). */
typedef struct check_aux {
    int counted;           /* the report was read and checked */
    long cnt[3];
    int has_metrics;       /* OUT_TABLE: its row */
    nb_metrics m;
} check_aux;

/* The decision in force on f, as the diagnostic's end says it: " [confirmed
 * by NAME]", " [dismissed by NAME: REASON]", or nothing. */
static void put_decision(nb_writer *w, const nb_report *r, const nb_finding *f, const nb_review *rv, nb_lang L)
{
    if (!rv)
        return;
    char fp[24];
    nb_finding_fingerprint(r, f, fp);
    const nb_rv_entry *d = nb_review_decision(rv, fp);
    if (d && d->state == NB_DEC_CONFIRMED)
        nb_put_textf(w, " [%s %s]", nb_tr(L, "confirmed by", "已确认："), d->by);
    else if (d && d->state == NB_DEC_DISMISSED)
        nb_put_textf(w, " [%s %s: %s]", nb_tr(L, "dismissed by", "已驳回："), d->by, d->text ? d->text : "");
}

/* path:line:col: severity: RULE: message [decision] — the file name, the
 * message and the reason as text (escaped on a terminal); the line's
 * start from what the report's lines share (h). */
static void print_finding(nb_writer *w, const nb_report *r, const nb_finding *f, nb_lang L, const nb_diag_head *h,
                          nb_locator *lc, const nb_review *rv)
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    char msg[2048];
    size_t len = nb_finding_message(r, f, L, msg, sizeof msg);
    nb_loc l = {0};
    if (f->has_off)
        l = nb_locate_next(lc, f->off);
    nb_diag_start(w, h, f->has_off, l.line, l.col, f->severity, rules[f->rule].id);
    nb_put_text(w, msg, len);
    put_decision(w, r, f, rv, L);
    nb_puts(w, "\n");
}

/* The findings of one report as text, and its summary line, put to w
 * (the job's writer in memory: its text escaped as for a terminal when the
 * output is one). */
static void print_report(const check_run *c, nb_writer *w, const nb_report *r, const nb_findings *fs,
                         const nb_review *rv, const long cnt[3], nb_lang L)
{
    nb_locator lc;
    nb_locator_init(&lc, &r->doc);
    w->term = c->out_term;
    nb_diag_head h;
    nb_diag_head_init(&h, r->doc.path, w->term, c->color, L);
    for (size_t k = 0; k < fs->n; k++)
        if ((int)fs->v[k].severity >= c->min_sev)
            print_finding(w, r, &fs->v[k], L, &h, &lc, rv);
    nb_diag_summary(w, &h, cnt, L);
    nb_diag_head_free(&h);
}

/* The findings of r as configured: its own, then those against the year
 * before (job->prev, or the batch's guess of it) and those of its review's
 * entries that no longer fit, those of rules turned off dropped; the
 * report's summary kept for the pairing (job->own, which the guess of the
 * year before is told by). */
static int find_all(nb_job *job, const nb_report *r, const nb_cli_review *cr, const nb_rule_config *cfg,
                    nb_findings *fs)
{
    nb_summary *own = &job->own;
    nb_err err;
    int status = 0;
    if (nb_check(r, job->ctx, fs, &err) != 0) {
        nb_cli_fail(job->err, job->ctx->lang, err.msg);
        status = 2;
    }
    if (job->pairing || job->prev)
        nb_summarize(r, own);
    const nb_summary *prev = nb_job_year_before(job);
    if (prev && nb_check_years(prev, own, r->schema, fs, &err) != 0) {
        nb_cli_fail(job->err, job->ctx->lang, err.msg);
        status = 2;
    }
    if (nb_cli_review_findings(job->err, cr, r, fs, job->ctx->lang) != 0)
        status = 2;
    nb_config_apply(cfg, fs);
    nb_findings_sort(fs);
    return status;
}

/* What is printed of a report: its findings, or its metrics (a table's
 * row goes into aux). */
static int print_one(const check_run *c, const nb_job *job, const nb_report *r, const nb_findings *fs,
                     const nb_review *rv, check_aux *aux)
{
    nb_lang L = c->lang;
    if (c->output == OUT_TEXT || c->output == OUT_JSON) { /* built in the job's writer (its failure the engine's) */
        if (c->output == OUT_TEXT)
            print_report(c, job->outw, r, fs, rv, aux->cnt, L);
        else
            nb_export_json_to(job->outw, r, fs, c->min_sev, rv, L, job->ctx);
        return 0;
    }
    nb_metrics_of(r, fs, rv, &aux->m);
    if (c->output == OUT_CSV)
        return nb_metrics_csv(job->out, &aux->m);
    if (c->output == OUT_METRICS_JSON)
        return nb_metrics_json(job->out, &aux->m);
    aux->has_metrics = 1;
    return 0;
}

/* In the batch's order: the rule settings of the report's folder (said
 * once when malformed). */
static int check_prepare(void *arg, nb_job *job)
{
    check_run *c = arg;
    return nb_cli_keep_rules(&job->prep, nb_cli_rules_for(job->err, &c->rules, c->P.v[job->i], c->lang));
}

/* The i-th report of the batch: status 0, 1 when it has an error, 2 when
 * it could not be read or checked. */
static void check_run_one(void *arg, nb_job *job)
{
    const check_run *c = arg;
    nb_rule_config *cfg = job->prep;
    check_aux aux = {0};
    nb_report r;
    if (!nb_cli_open_job(job, &r, &c->P, c->o)) {
        free(cfg);
        return;
    }
    if (nb_cli_not_a_report(job->err, &c->P, job->i, &r, c->o, c->lang)) {
        nb_report_free(&r);
        free(cfg);
        return;
    }
    nb_cli_review cr;
    int status = nb_cli_review_open(job->err, &cr, &r, c->review, c->no_review || nb_cli_none_beside(&c->P, job->i, c->review),
                                    c->lang) != 0
                     ? 2
                     : 0;
    nb_findings fs = {0};
    status |= find_all(job, &r, &cr, cfg, &fs);
    job->has_own = job->pairing && r.agency[0] && r.year;
    job->schema = r.schema;
    nb_metrics_count(&r, &fs, nb_cli_review_of(&cr), aux.cnt);
    if (print_one(c, job, &r, &fs, nb_cli_review_of(&cr), &aux) != 0)
        status = 2;
    aux.counted = 1;
    if (aux.cnt[2] && !status)
        status = 1;
    fwrite(&aux, sizeof aux, 1, job->aux);
    job->status = status;
    nb_findings_free(&fs);
    nb_cli_review_free(&cr);
    nb_report_free(&r);
    free(cfg);
}

/* In the batch's order: the report's figures added up. */
static void check_done(void *arg, size_t i, int status, const char *b, size_t n)
{
    (void)i; /* the totals do not depend on which report */
    check_run *c = arg;
    check_aux aux;
    if (status == 2 || (status == 1 && c->status == 0))
        c->status = status;
    if (n != sizeof aux)
        return;
    memcpy(&aux, b, sizeof aux);
    for (int k = 0; k < 3; k++)
        c->tot[k] += aux.cnt[k];
    c->nreports++;
    c->with_errors += aux.cnt[2] != 0;
    nb_err err;
    if (aux.has_metrics && nb_metrics_table_add(&c->table, &aux.m, c->lang, &err) != 0) {
        nb_cli_fail(stderr, c->lang, err.msg);
        c->status = 2;
    }
}

static void print_total(const check_run *c, nb_lang L)
{
    if (L == NB_LANG_ZH)
        printf("共检查 %zu 份报告：%ld 个错误，%ld 个警告，%ld 个提示；%zu 份报告有错误\n", c->nreports,
               c->tot[2], c->tot[1], c->tot[0], c->with_errors);
    else
        printf("checked %zu report%s: %ld error%s, %ld warning%s, %ld info; %zu with errors\n", c->nreports,
               c->nreports == 1 ? "" : "s", c->tot[2], c->tot[2] == 1 ? "" : "s", c->tot[1], c->tot[1] == 1 ? "" : "s",
               c->tot[0], c->with_errors);
}

/* The width a table must fit: the terminal's, else $COLUMNS, else none. */
static size_t table_width(void)
{
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *cols = getenv("COLUMNS");
    return cols && atoi(cols) > 0 ? (size_t)atoi(cols) : 0;
}

/* Every report of the batch, on the threads -j asks for; the status of
 * the worst. */
static int check_batch(check_run *c, const nb_opts *o, nb_lang L, int status)
{
    nb_err err;
    int jobs = nb_engine_jobs(o->val[NB_OPT_JOBS], L, &err);
    if (jobs < 0) {
        nb_cli_fail(stderr, L, err.msg);
        return 2;
    }
    nb_engine e = {.n = c->P.n, .jobs = jobs, .pairing = c->P.n > 1 && !nb_opts_has(o, NB_OPT_NO_YEARS),
                   .lang = L, .out = stdout, .err = stderr, .err_term = isatty(2),
                   .ops = {.prepare = check_prepare, .run = check_run_one, .done = check_done}, .arg = c};
    const char *hold = getenv("NIANBAO_SPOOL_AFTER"); /* bytes held in memory before the spool (tests) */
    if (hold && atol(hold) > 0)
        e.hold = (size_t)atol(hold);
    c->status = status;
    if (nb_engine_run(&e, &err) != 0) {
        nb_cli_fail(stderr, L, err.msg);
        return 2;
    }
    if (c->output == OUT_TEXT && c->P.n > 1)
        print_total(c, L);
    if (c->output == OUT_TABLE && nb_table_write(&c->table, stdout, table_width()) != 0)
        c->status = 2;
    return c->status;
}

/* The output the options ask for, its header written (a byte-order mark,
 * the CSV header, the table's header row); -1 when said why not. */
static int start_output(check_run *c, const nb_opts *o, nb_lang L)
{
    static const check_output summary[] = {OUT_TABLE, OUT_CSV, OUT_METRICS_JSON};
    const char *format;
    nb_err err;
    int k = nb_opts_format(o, isatty(1), &format, L, &err);
    int with_summary = nb_opts_has(o, NB_OPT_SUMMARY);
    if (k < 0) {
        nb_cli_say("%s\n", err.msg);
        return -1;
    }
    if (nb_opts_has(o, NB_OPT_BOM) && !with_summary) {
        nb_cli_say("%s", nb_tr(L, "nianbao check: --bom goes with --summary\n", "nianbao check：--bom 只用于 --summary\n"));
        return -1;
    }
    c->output = with_summary ? summary[k] : k ? OUT_JSON : OUT_TEXT;
    if (nb_opts_has(o, NB_OPT_BOM))
        fputs("\xEF\xBB\xBF", stdout);
    if (c->output == OUT_CSV)
        nb_metrics_csv_header(stdout);
    if (c->output == OUT_TABLE && nb_metrics_table_init(&c->table, L, &err) != 0) {
        nb_cli_fail(stderr, L, err.msg);
        return -1;
    }
    return 0;
}

int nb_cmd_check(const nb_opts *o, nb_lang L)
{
    if (!o->nfiles) {
        nb_usage(stderr, L);
        return 2;
    }
    check_run c = {.no_review = nb_opts_has(o, NB_OPT_NO_REVIEW), .o = o, .lang = L};
    if (nb_cli_rules_init(&c.rules, o, L) != 0 || start_output(&c, o, L) != 0)
        return 2;
    c.min_sev = nb_opts_has(o, NB_OPT_SEVERITY) ? nb_severity_parse(o->val[NB_OPT_SEVERITY]) : NB_SEV_INFO;
    size_t problems = 0;
    int status = 2;
    if (nb_cli_collect(&c.P, o, L, &problems) == 0) {
        c.review = nb_cli_review_arg(o, c.P.n, L);
        c.out_term = isatty(1);
        c.color = c.output == OUT_TEXT && c.out_term && !getenv("NO_COLOR");
        status = check_batch(&c, o, L, problems ? 2 : 0);
    }
    nb_paths_free(&c.P);
    nb_table_free(&c.table);
    if (fflush(stdout) != 0)
        status = 2;
    return status;
}
