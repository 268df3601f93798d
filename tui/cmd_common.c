/* cmd_common.c — what the subcommands share: messages on standard error
 * made safe for a terminal, the context and the reports they read, the review beside a report, and the rule settings in effect
 * for a report, with what goes wrong said on standard error. */
#include "cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "batch/ctx.h"
#include "out/writer.h"
#include "read/ours.h"
#include "read/read.h"
#include "review/review.h"
#include "review/stale.h"

/* A message to f (a terminal's text escaped); ap is used twice, copied. */
static void say_va(FILE *f, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    va_end(again);
    if (!msg) {
        fputs("nianbao: out of memory\n", f);
        return;
    }
    size_t len = (size_t)n, body = len && msg[len - 1] == '\n' ? len - 1 : len;
    nb_writer w = nb_writer_to(f);
    nb_put_text(&w, msg, body);
    nb_put(&w, msg + body, len - body);
    free(msg);
}

void nb_cli_say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say_va(stderr, fmt, ap);
    va_end(ap);
}

void nb_cli_sayto(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say_va(f, fmt, ap);
    va_end(ap);
}

void nb_cli_fail(FILE *f, nb_lang L, const char *msg)
{
    nb_cli_sayto(f, nb_tr(L, "nianbao: %s\n", "nianbao：%s\n"), msg);
}

int nb_cli_ctx(nb_ctx *ctx, nb_lang L)
{
    nb_err err;
    if (nb_ctx_init(ctx, L, &err) == 0)
        return 0;
    nb_cli_fail(stderr, L, err.msg);
    return -1;
}

/* The report at path read into r, its messages to msgs: 0 read (a note
 * when its tables were cut short); 1 a file of nianbao's own passed over
 * with a note, when tell_ours (the reader tells it: a walk's file, no
 * --all); -1 said why not. */
static int open_report(FILE *msgs, nb_report *r, const char *path, const nb_ctx *ctx, int tell_ours)
{
    nb_err err;
    int ours = -1;
    int rc = tell_ours ? nb_report_open_walked(r, path, ctx, &ours, &err) : nb_report_open(r, path, ctx, &err);
    if (rc > 0) {
        nb_walk_ours_note(&err, path, nb_ours_name(ours, ctx->lang), ctx->lang);
        nb_cli_fail(msgs, ctx->lang, err.msg);
        return 1;
    }
    if (rc < 0) {
        nb_cli_fail(msgs, ctx->lang, err.msg);
        return -1;
    }
    if (r->tables_cut)
        nb_cli_sayto(msgs, nb_tr(ctx->lang, "nianbao: %s: the tables hold far more rows than a report's; only the first were read\n",
                                 "nianbao：%s：表格行数远超年度报告应有的行数，只读取了前面的部分\n"),
                     path);
    return 0;
}

int nb_cli_open(FILE *msgs, nb_report *r, const char *path, const nb_ctx *ctx)
{
    return open_report(msgs, r, path, ctx, 0) == 0 ? 0 : -1;
}

int nb_cli_open_job(nb_job *job, nb_report *r, const nb_paths *P, const nb_opts *o)
{
    int rc = open_report(job->err, r, P->v[job->i], job->ctx, P->walked[job->i] && !nb_opts_has(o, NB_OPT_ALL));
    job->status = rc < 0 ? 2 : 0;
    return rc == 0;
}

int nb_cli_collect(nb_paths *out, const nb_opts *o, nb_lang L, size_t *problems)
{
    nb_walk_problems pr = {0};
    nb_err err;
    int flags = nb_opts_has(o, NB_OPT_ALL) ? NB_WALK_ALL : NB_WALK_LATER;
    int rc = nb_walk_collect(out, o->files, (size_t)o->nfiles, flags, L, &pr, &err);
    *problems = 0;
    for (size_t i = 0; i < pr.n; i++) {
        nb_cli_fail(stderr, L, pr.v[i].msg);
        *problems += pr.v[i].code != NB_OK; /* a file passed over is a note, not a problem */
    }
    nb_walk_problems_free(&pr);
    if (rc != 0)
        nb_cli_fail(stderr, L, err.msg);
    return rc;
}

int nb_cli_not_a_report(FILE *msgs, const nb_paths *P, size_t i, const nb_report *r, const nb_opts *o, nb_lang L)
{
    if (!P->walked[i] || nb_opts_has(o, NB_OPT_ALL) || nb_looks_like_report(r))
        return 0;
    nb_cli_sayto(msgs, nb_tr(L, "nianbao: %s: skipped: not a report (--all checks it)\n",
                     "nianbao：%s：已跳过：不是年度报告（--all 也检查它）\n"),
               P->v[i]);
    return 1;
}

int nb_cli_none_beside(const nb_paths *P, size_t i, const char *review)
{
    return !review && (P->walked[i] & NB_PATH_NO_REVIEW);
}

const char *nb_cli_review_arg(const nb_opts *o, size_t nreports, nb_lang L)
{
    const char *review = nb_opts_value(o, NB_OPT_REVIEW);
    if (!review || nreports == 1)
        return review;
    nb_cli_say(nb_tr(L, "nianbao: --review %s is for a single report; each of the %zu reports is read with its own REPORT.review\n",
                     "nianbao：--review %s 仅用于单份报告；这 %zu 份报告各自读取旁边的 报告.review\n"),
               review, nreports);
    return NULL;
}

/* The journal of console work not yet saved (a session dropped with its
 * ssh connection, or killed) beside the review at review: said, since
 * what is read is the review as last saved; the console recovers it. */
static void say_pending_journal(FILE *msgs, const char *review, const char *named, const char *report, nb_lang L)
{
    char j[4300];
    nb_review_journal_path(review, j, sizeof j);
    struct stat st;
    if (lstat(j, &st) != 0)
        return;
    char when[32] = "?";
    struct tm tm;
    if (localtime_r(&st.st_mtime, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    const char *opt = named ? "--review " : "", *arg = named ? named : "", *sp = named ? " " : "";
    nb_cli_sayto(msgs,
                 nb_tr(L, "nianbao: %s: console work not yet saved (from %s); its changes are not in this output: "
                          "open the report in the console (nianbao %s%s%s%s) to recover them\n",
                       "nianbao：%s：审阅台中有尚未保存的工作（写于 %s），其改动不在本输出中："
                       "在审阅台中打开该报告（nianbao %s%s%s%s）即可恢复\n"),
                 j, when, opt, arg, sp, report);
}

/* How many entries of each kind rv has. */
static void count_kinds(const nb_review *rv, size_t n[3])
{
    n[0] = n[1] = n[2] = 0;
    for (size_t i = 0; i < rv->n; i++)
        n[rv->v[i].kind]++;
}

/* A review made on other bytes than the report's now (its SHA-256): said
 * with what of it is used, since its decisions are kept by finding — on a
 * revised draft as meant, on another report's file (copied from last
 * year's folder, or named for another) hiding findings unless said. */
static void say_other_version(FILE *msgs, const nb_review *rv, const nb_report *r, const char *review, nb_lang L)
{
    char now[65];
    const char *sha = r->doc.sha256; /* a batch reads reports without it: the file's then */
    if (!rv->n || !rv->sha256[0] || (!sha[0] && nb_file_sha256(r->doc.path, now) != 0))
        return; /* nothing of it used, or no version to tell (the file's read only then) */
    if (!nb_review_other_bytes(rv, sha[0] ? sha : now))
        return;
    const char *slash = strrchr(r->doc.path, '/'), *name = slash ? slash + 1 : r->doc.path;
    size_t n[3];
    count_kinds(rv, n);
    if (rv->report[0] && strcmp(rv->report, name) != 0)
        nb_cli_sayto(msgs,
                     nb_tr(L, "nianbao: %s: the review of \"%s\", another file than %s (its SHA-256 differs): its decisions (%zu) and notes (%zu) "
                              "are applied by finding, its corrections (%zu) where a cell still says what it said; --no-review if it is not this report's\n",
                           "nianbao：%s：这是“%s”的审阅，与 %s 不是同一文件（SHA-256 不同）：其 %zu 项决定和 %zu 条批注按问题套用，"
                           "%zu 项更正仅用于内容未变的单元格；若非本报告的审阅，请用 --no-review\n"),
                     review, rv->report, name, n[NB_RV_DECIDE], n[NB_RV_NOTE], n[NB_RV_CORRECT]);
    else
        nb_cli_sayto(msgs,
                     nb_tr(L, "nianbao: %s: made on another version of %s (changed since: its SHA-256 differs): its decisions (%zu) and notes (%zu) "
                              "are kept by finding, its corrections (%zu) where a cell still says what it said\n",
                           "nianbao：%s：审阅针对的是 %s 的另一版本（其后已改动，SHA-256 不同）：其 %zu 项决定和 %zu 条批注按问题沿用，"
                           "%zu 项更正仅用于内容未变的单元格\n"),
                     review, name, n[NB_RV_DECIDE], n[NB_RV_NOTE], n[NB_RV_CORRECT]);
}

/* A report with no review of its own, renamed unchanged from a name whose
 * review is still beside it: said, with the --review that reads it. */
static void say_renamed(FILE *msgs, const nb_report *r, nb_lang L)
{
    char old[4200];
    if (nb_review_find_renamed(r->doc.path, r->doc.sha256, L, old, sizeof old))
        nb_cli_sayto(msgs,
                     nb_tr(L, "nianbao: %s: the review of this very report under an old name (renamed?), not read: --review %s %s reads it\n",
                           "nianbao：%s：这是本报告改名前的审阅（已改名？），未读取：用 --review %s %s 读取\n"),
                     old, old, r->doc.path);
}

int nb_cli_review_open(FILE *msgs, nb_cli_review *cr, nb_report *r, const char *path, int no_review, nb_lang L)
{
    memset(cr, 0, sizeof *cr);
    if (no_review)
        return 0;
    char p[4200];
    if (path)
        snprintf(p, sizeof p, "%s", path);
    else
        nb_review_path(r->doc.path, p, sizeof p);
    say_pending_journal(msgs, p, path, r->doc.path, L);
    nb_err err;
    if (nb_review_load(&cr->rv, p, L, &err) != 0) {
        if (err.code != NB_E_NOTFOUND || path) /* a review named with --review must be there */
            nb_cli_sayto(msgs, nb_tr(L, "nianbao: %s (the report is read without it)\n", "nianbao：%s（报告将不带审阅读取）\n"),
                       err.msg);
        else
            say_renamed(msgs, r, L);
        return 0;
    }
    cr->has = 1;
    say_other_version(msgs, &cr->rv, r, p, L);
    if (nb_review_apply(&cr->rv, r, &cr->problems) >= 0)
        return 0;
    nb_cli_sayto(msgs, nb_tr(L, "nianbao: %s: out of memory\n", "nianbao：%s：内存不足\n"), p);
    return -1;
}

const nb_review *nb_cli_review_of(const nb_cli_review *cr)
{
    return cr->has ? &cr->rv : NULL;
}

int nb_cli_review_findings(FILE *msgs, const nb_cli_review *cr, const nb_report *r, nb_findings *fs, nb_lang L)
{
    nb_err err;
    if (!cr->has || nb_review_stale_findings(&cr->rv, r, &cr->problems, fs, &err) == 0)
        return 0;
    nb_cli_fail(msgs, L, err.msg);
    return -1;
}

void nb_cli_review_free(nb_cli_review *cr)
{
    nb_review_free(&cr->rv);
    nb_rv_problems_free(&cr->problems);
    memset(cr, 0, sizeof *cr);
}

int nb_cli_rules_init(nb_cli_rules *cr, const nb_opts *o, nb_lang L)
{
    static const char *const keys[] = {[NB_OPT_DISABLE] = "disable", [NB_OPT_ENABLE] = "enable",
                                       [NB_OPT_SEVERITY_OF] = "severity-of"};
    memset(cr, 0, sizeof *cr);
    nb_config_init(&cr->cli);
    cr->no_config = nb_opts_has(o, NB_OPT_NO_CONFIG);
    if (!cr->no_config)
        nb_config_user_path(cr->user, sizeof cr->user);
    for (int i = 0; i < o->nargs; i++) {
        nb_opt_id id = o->args[i].id;
        nb_err err;
        if (id != NB_OPT_DISABLE && id != NB_OPT_ENABLE && id != NB_OPT_SEVERITY_OF)
            continue;
        if (nb_config_set(&cr->cli, keys[id], o->args[i].val, NULL, L, &err) != 0) {
            nb_cli_say(nb_tr(L, "nianbao %s: %s: %s\n", "nianbao %s：%s：%s\n"), nb_cmd_name(o->cmd),
                    nb_options()[id].name, err.msg);
            return -1;
        }
    }
    return 0;
}

/* The folder part of path, with its slash ("./" for a name alone). */
static void folder_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (slash)
        snprintf(out, cap, "%.*s", (int)(slash - path) + 1, path);
    else
        snprintf(out, cap, "./");
}

const nb_rule_config *nb_cli_rules_for(FILE *msgs, nb_cli_rules *cr, const char *path, nb_lang L)
{
    char dir[sizeof cr->dir];
    folder_of(path, dir, sizeof dir);
    if (cr->no_config) {
        cr->eff = cr->cli;
        return &cr->eff;
    }
    if (!strcmp(dir, cr->dir))
        return cr->dir_failed ? NULL : &cr->eff;
    snprintf(cr->dir, sizeof cr->dir, "%s", dir);
    nb_err err;
    cr->dir_failed = nb_config_for_report(&cr->eff, cr->user, path, L, &err) != 0;
    if (cr->dir_failed) {
        if (strcmp(err.msg, cr->said))
            nb_cli_sayto(msgs, 
                    nb_tr(L, "nianbao: %s (the reports it applies to are not checked)\n",
                          "nianbao：%s（它所适用的报告未检查）\n"),
                    err.msg);
        snprintf(cr->said, sizeof cr->said, "%s", err.msg);
        return NULL;
    }
    nb_config_overlay(&cr->eff, &cr->cli);
    return &cr->eff;
}

int nb_cli_keep_rules(void **prep, const nb_rule_config *cfg)
{
    if (!cfg || !(*prep = malloc(sizeof *cfg)))
        return -1;
    memcpy(*prep, cfg, sizeof *cfg);
    return 0;
}
