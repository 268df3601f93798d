/* cmd_export.c — nianbao export: the cells of each report as JSON lines or
 * CSV, the review log of each report (--log), or the corrected text of one
 * report (--corrected). */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsio.h"
#include "batch/ctx.h"
#include "check/check.h"
#include "check/rules.h"
#include "out/corrected.h"
#include "out/export.h"
#include "out/log.h"
#include "review/review.h"

typedef struct export_run {
    FILE *out;
    nb_ctx ctx;
    int log;               /* --log: the review log, in log_format */
    int log_format;
    int csv;               /* else JSON */
    int no_review;
    const char *review;    /* --review, when the batch is one report */
    nb_cli_rules rules;    /* the rule settings, for the findings */
} export_run;

/* --corrected OUT: the text of one report with its corrections. */
static int export_corrected(const nb_opts *o, nb_lang L)
{
    const char *corrected = o->val[NB_OPT_CORRECTED];
    if (o->nfiles != 1) {
        nb_cli_say("%s", nb_tr(L, "nianbao export --corrected OUT takes one report\n",
                    "nianbao export --corrected 输出 只接受一份报告\n"));
        return 2;
    }
    nb_ctx ctx;
    nb_report r;
    if (nb_cli_ctx(&ctx, L) != 0)
        return 2;
    if (nb_cli_open(&r, o->files[0], &ctx) != 0) {
        nb_ctx_free(&ctx);
        return 2;
    }
    int status = 0, unplaced = 0;
    nb_review rv = {0};
    nb_err err;
    if (nb_same_file(corrected, o->files[0])) {
        nb_cli_say(nb_tr(L, "nianbao: %s is the report itself; it is never written\n",
                              "nianbao：%s 就是报告本身，报告从不被改写\n"), corrected);
        status = 2;
    } else {
        nb_cli_load_review(&r, o->val[NB_OPT_REVIEW], &rv, L);
        if (nb_export_corrected(&r, corrected, &unplaced, &err) != 0) {
            nb_cli_say("nianbao: %s\n", err.msg);
            status = 2;
        } else if (unplaced) {
            nb_cli_say(nb_tr(L, "nianbao: %d corrections have no place in the text (missing rows)\n",
                                  "nianbao：%d 处更正在正文中没有位置（缺失的行）\n"), unplaced);
        }
    }
    nb_review_free(&rv);
    nb_report_free(&r);
    nb_ctx_free(&ctx);
    return status;
}

/* The findings of r into fs, as cfg configures them; a failure is said. */
static int check_report(const export_run *x, const nb_report *r, const nb_rule_config *cfg, nb_findings *fs)
{
    nb_err err;
    int rc = nb_check(r, &x->ctx, fs, &err);
    nb_config_apply(cfg, fs);
    if (rc == 0)
        return 0;
    nb_cli_say("nianbao: %s\n", err.msg);
    return 2;
}

/* One report of the batch, the index-th, written to x->out. */
static int export_one(export_run *x, const char *path, size_t index, nb_lang L)
{
    const nb_rule_config *cfg = x->csv && !x->log ? &x->rules.cli : nb_cli_rules_for(&x->rules, path, L);
    nb_report r;
    if (!cfg || nb_cli_open(&r, path, &x->ctx) != 0)
        return 2;
    int status = 0;
    nb_findings before = {0}, fs = {0}; /* the log: findings of the report as it stands, and after the review */
    if (x->log)
        status |= check_report(x, &r, cfg, &before);
    nb_review rv = {0};
    int has_review = !x->no_review && nb_cli_load_review(&r, x->review, &rv, L);
    if (x->log) {
        status |= check_report(x, &r, cfg, &fs);
        if (x->log_format == NB_LOG_MD && index)
            fputc('\n', x->out);
        nb_export_log(x->out, x->log_format, &r, &fs, &before, has_review ? &rv : NULL, L);
    } else if (x->csv) {
        nb_export_csv(x->out, &r, L);
    } else {
        status |= check_report(x, &r, cfg, &fs);
        nb_export_json(x->out, &r, &fs, NB_SEV_INFO, has_review ? &rv : NULL, L);
    }
    nb_findings_free(&fs);
    nb_findings_free(&before);
    nb_review_free(&rv);
    nb_report_free(&r);
    return status;
}

/* The batch: every report named, one after the other. */
static int export_batch(export_run *x, const nb_opts *o, nb_lang L)
{
    if (nb_cli_ctx(&x->ctx, L) != 0)
        return 2;
    if (getenv("NIANBAO_TRACE"))
        x->ctx.trace = stderr;
    nb_paths P = {0};
    size_t problems = 0;
    int status = 2;
    if (nb_cli_collect(&P, o, L, &problems) == 0) {
        status = problems ? 2 : 0;
        x->review = P.n == 1 ? o->val[NB_OPT_REVIEW] : NULL;
        if (nb_opts_has(o, NB_OPT_BOM))
            fputs("\xEF\xBB\xBF", x->out);
        if (x->log && x->log_format == NB_LOG_CSV)
            nb_log_csv_header(x->out);
        else if (x->csv && !x->log)
            nb_export_csv_header(x->out);
        for (size_t i = 0; i < P.n; i++)
            if (export_one(x, P.v[i], i, L) != 0)
                status = 2;
    }
    nb_paths_free(&P);
    nb_ctx_free(&x->ctx);
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
    const char *outpath = o->val[NB_OPT_OUTPUT];
    if (outpath && !(x.out = fopen(outpath, "w"))) {
        nb_cli_say(nb_tr(L, "nianbao: %s: cannot write\n", "nianbao：%s：无法写入\n"), outpath);
        return 2;
    }
    int status = export_batch(&x, o, L);
    if (fflush(x.out) != 0 || ferror(x.out))
        status = 2;
    if (x.out != stdout && fclose(x.out) != 0)
        status = 2;
    return status;
}
