/* cmd_check.c — nianbao check: every rule over each report, diagnostics
 * printed the way a compiler does (path:line:col: severity: RULE: message)
 * or as JSON lines, reports of one body for consecutive years checked
 * against each other, and the exit status counting errors. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch/ctx.h"
#include "batch/pair.h"
#include "check/check.h"
#include "check/messages.h"
#include "check/rules.h"
#include "model/doc.h"
#include "out/export.h"
#include "review/review.h"

typedef struct check_run {
    nb_ctx ctx;
    nb_paths P;
    nb_pairing pairs;
    int json, color, min_sev, no_review;
    const char *review;    /* --review, when the batch is one report */
    long tot[3];           /* findings by severity, over the batch */
    size_t nreports, with_errors;
} check_run;

static void print_finding(FILE *out, const nb_report *r, const nb_finding *f, nb_lang L, int color, nb_locator *lc,
                          const nb_review *rv)
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    char msg[2048];
    nb_finding_message(r, f, L, msg, sizeof msg);
    static const char *const col[] = {"\033[36m", "\033[35m", "\033[31m"};
    const char *sev = nb_severity_name(f->severity);
    const char *sev_zh[] = {"提示", "警告", "错误"};
    if (f->has_off) {
        nb_loc l = nb_locate_next(lc, f->off);
        fprintf(out, "%s:%zu:%zu: ", r->doc.path, l.line, l.col);
    } else {
        fprintf(out, "%s: ", r->doc.path);
    }
    char dec[600] = "";
    if (rv) {
        char fp[24];
        nb_finding_fingerprint(r, f, fp);
        const nb_rv_entry *d = nb_review_decision(rv, fp);
        if (d && d->state == NB_DEC_CONFIRMED)
            snprintf(dec, sizeof dec, " [%s %s]", nb_tr(L, "confirmed by", "已确认："), d->by);
        else if (d && d->state == NB_DEC_DISMISSED)
            snprintf(dec, sizeof dec, " [%s %s: %.400s]", nb_tr(L, "dismissed by", "已驳回："), d->by,
                     d->text ? d->text : "");
    }
    fprintf(out, "%s%s%s: %s: %s%s\n", color ? col[f->severity] : "", L == NB_LANG_ZH ? sev_zh[f->severity] : sev,
            color ? "\033[0m" : "", rules[f->rule].id, msg, dec);
}

/* Findings by severity; a finding the reviewer dismissed does not count. */
static void count_findings(const nb_report *r, const nb_findings *fs, const nb_review *rv, long cnt[3])
{
    for (size_t k = 0; k < fs->n; k++) {
        if (rv) {
            char fp[24];
            nb_finding_fingerprint(r, &fs->v[k], fp);
            const nb_rv_entry *d = nb_review_decision(rv, fp);
            if (d && d->state == NB_DEC_DISMISSED)
                continue;
        }
        cnt[fs->v[k].severity]++;
    }
}

/* The findings of one report as text, and its summary line. */
static void print_report(const check_run *c, const nb_report *r, const nb_findings *fs, const nb_review *rv,
                         const long cnt[3], nb_lang L)
{
    nb_locator lc;
    nb_locator_init(&lc, &r->doc);
    for (size_t k = 0; k < fs->n; k++)
        if ((int)fs->v[k].severity >= c->min_sev)
            print_finding(stdout, r, &fs->v[k], L, c->color, &lc, rv);
    if (L == NB_LANG_ZH)
        printf("%s：%ld 个错误，%ld 个警告，%ld 个提示\n", r->doc.path, cnt[2], cnt[1], cnt[0]);
    else
        printf("%s: %ld error%s, %ld warning%s, %ld info\n", r->doc.path, cnt[2], cnt[2] == 1 ? "" : "s", cnt[1],
               cnt[1] == 1 ? "" : "s", cnt[0]);
}

/* The findings of r: its own, then those against the year before. */
static int find_all(check_run *c, size_t i, const nb_report *r, nb_findings *fs)
{
    nb_err err;
    int status = 0;
    if (nb_check(r, &c->ctx, fs, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        status = 2;
    }
    if (nb_pairing_check(&c->pairs, i, r, &c->ctx, fs, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        status = 2;
    }
    nb_findings_sort(fs);
    return status;
}

/* The i-th report of the batch: 0, 1 when it has an error, 2 when it could
 * not be read or checked. */
static int check_one(check_run *c, size_t i, nb_lang L)
{
    nb_report r;
    if (nb_cli_open(&r, c->P.v[i], &c->ctx) != 0)
        return 2;
    nb_review rv = {0};
    int has_review = !c->no_review && nb_cli_load_review(&r, c->review, &rv, L);
    nb_findings fs = {0};
    int status = find_all(c, i, &r, &fs);
    long cnt[3] = {0, 0, 0};
    count_findings(&r, &fs, has_review ? &rv : NULL, cnt);
    if (c->json)
        nb_export_json(stdout, &r, &fs, c->min_sev, has_review ? &rv : NULL, L);
    else
        print_report(c, &r, &fs, has_review ? &rv : NULL, cnt, L);
    for (int k = 0; k < 3; k++)
        c->tot[k] += cnt[k];
    c->nreports++;
    if (cnt[2]) {
        c->with_errors++;
        if (!status)
            status = 1;
    }
    nb_findings_free(&fs);
    nb_review_free(&rv);
    nb_report_free(&r);
    return status;
}

static void print_total(const check_run *c, nb_lang L)
{
    if (L == NB_LANG_ZH)
        printf("共检查 %zu 份报告：%ld 个错误，%ld 个警告，%ld 个提示；%zu 份报告有错误\n", c->nreports,
               c->tot[2], c->tot[1], c->tot[0], c->with_errors);
    else
        printf("checked %zu reports: %ld errors, %ld warnings, %ld info; %zu with errors\n", c->nreports, c->tot[2],
               c->tot[1], c->tot[0], c->with_errors);
}

/* Every report of the batch; the status of the worst. */
static int check_batch(check_run *c, const nb_opts *o, nb_lang L, int status)
{
    nb_err err;
    int pair = c->P.n > 1 && !nb_opts_has(o, NB_OPT_NO_YEARS);
    if (pair && nb_pairing_init(&c->pairs, c->P.v, c->P.n, &c->ctx, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        return 2;
    }
    for (size_t i = 0; i < c->P.n; i++) {
        int s = check_one(c, i, L);
        if (s == 2 || (s == 1 && status == 0))
            status = s;
    }
    if (!c->json && c->P.n > 1)
        print_total(c, L);
    nb_pairing_free(&c->pairs);
    return status;
}

int nb_cmd_check(const nb_opts *o, nb_lang L)
{
    if (!o->nfiles) {
        nb_usage(stderr, L);
        return 2;
    }
    const char *format;
    nb_err err;
    if (nb_opts_format(o, &format, L, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    check_run c = {.json = !strcmp(format, "json"), .no_review = nb_opts_has(o, NB_OPT_NO_REVIEW)};
    c.min_sev = nb_opts_has(o, NB_OPT_SEVERITY) ? nb_severity_parse(o->val[NB_OPT_SEVERITY]) : NB_SEV_INFO;
    size_t problems = 0;
    if (nb_cli_collect(&c.P, o, L, &problems) != 0) {
        nb_paths_free(&c.P);
        return 2;
    }
    c.review = c.P.n == 1 ? o->val[NB_OPT_REVIEW] : NULL;
    c.color = !c.json && isatty(1) && !getenv("NO_COLOR");
    int status = problems ? 2 : 0;
    if (nb_cli_ctx(&c.ctx, L) != 0) {
        status = 2;
    } else {
        status = check_batch(&c, o, L, status);
        nb_ctx_free(&c.ctx);
    }
    nb_paths_free(&c.P);
    if (fflush(stdout) != 0)
        status = 2;
    return status;
}
