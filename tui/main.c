/* main.c — the nianbao command: the review console (nianbao FILE) and the
 * batch commands (export). Parses options, picks the message language from
 * the locale, and maps outcomes to exit status: 0 fine, 1 findings of error
 * weight (check), 2 usage or I/O failure. */
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <dirent.h>
#include <sys/stat.h>

#include "app.h"
#include "script.h"
#include "out/export.h"
#include "model/report.h"
#include "batch/ctx.h"
#include "read/read.h"
#include "review/review.h"
#include "out/log.h"
#include "check/rules.h"
#include "term.h"

#define NB_VERSION "0.1.0"

static nb_lang pick_lang(void)
{
    const char *l = setlocale(LC_MESSAGES, NULL);
    const char *env = getenv("LC_ALL");
    if (!env || !*env)
        env = getenv("LC_MESSAGES");
    if (!env || !*env)
        env = getenv("LANG");
    if (l && strncmp(l, "zh", 2) == 0)
        return NB_LANG_ZH;
    return nb_lang_from_locale(env);
}

static void usage(FILE *out, nb_lang L)
{
    if (L == NB_LANG_ZH)
        fputs("用法：\n"
              "  nianbao [--theme 主题] [--script 脚本] 文件   打开审阅控制台\n"
              "  nianbao check [--format text|json] [--severity 级别] [--no-years] 文件|目录…\n"
              "                                       检查每一条勾稽关系与规则（退出码：0 无错误，1 有错误，2 用法或读写失败）\n"
              "  nianbao export [--format json|csv] [--bom] [-o 输出] 文件|目录…\n"
              "                                       导出表格单元格（每份报告一行 JSON，或 CSV）\n"
              "  nianbao export --log [--format md|csv|json] [-o 输出] 文件…\n"
              "                                       导出审阅记录：问题及决定与理由、更正（原值 → 新值）、批注\n"
              "  nianbao export --corrected 输出 文件  写出更正后的报告文本（原报告从不改写）\n"
              "  nianbao rules                        列出全部检查规则\n"
              "  nianbao --help | --version\n",
              out);
    else
        fputs("usage:\n"
              "  nianbao [--theme NAME] [--script FILE] FILE   open the review console\n"
              "  nianbao check [--format text|json] [--severity LEVEL] [--no-years] FILE|DIR...\n"
              "                                       run every sum and cross-check (exit 0 no error, 1 errors, 2 usage/IO)\n"
              "  nianbao export [--format json|csv] [--bom] [-o OUT] FILE|DIR...\n"
              "                                       export table cells (one JSON object per report, or CSV)\n"
              "  nianbao export --log [--format md|csv|json] [-o OUT] FILE...\n"
              "                                       the review log: findings with decisions and reasons, corrections old -> new, notes\n"
              "  nianbao export --corrected OUT FILE  the report's text with the corrections (the report is never written)\n"
              "  nianbao rules                        list every rule checked\n"
              "  nianbao --help | --version\n",
              out);
}

/* ---- the review beside a report ---- */

/* Load REPORT.review (or path) and apply its corrections. A missing file is
 * no review; a malformed one is reported with its line and left untouched. */
static int load_review(nb_report *r, const char *path, nb_review *rv, nb_lang L)
{
    char p[4200];
    if (path)
        snprintf(p, sizeof p, "%s", path);
    else
        nb_review_path(r->doc.path, p, sizeof p);
    nb_err err;
    if (nb_review_load(rv, p, L, &err) != 0) {
        if (err.code != NB_E_NOTFOUND)
            fprintf(stderr, nb_tr(L, "nianbao: %s (the report is read without it)\n", "nianbao：%s（报告将不带审阅读取）\n"),
                    err.msg);
        return 0;
    }
    char sha[65];
    if (rv->sha256[0] && nb_file_sha256(r->doc.path, sha) == 0 && strcmp(sha, rv->sha256) != 0)
        fprintf(stderr, nb_tr(L, "nianbao: %s: the report changed since the review %s; its entries are kept by cell ID\n",
                              "nianbao：%s：报告在审阅 %s 之后有改动；审阅条目按单元格编号保留\n"),
                r->doc.path, p);
    char unknown[512];
    nb_review_apply(rv, r, unknown, sizeof unknown);
    if (unknown[0])
        fprintf(stderr, nb_tr(L, "nianbao: %s: corrections not applied (no such cell, or not a number): %s\n",
                              "nianbao：%s：以下更正未应用（无此单元格或不是数字）：%s\n"),
                p, unknown);
    return 1;
}

/* ---- the reports named on the command line; directories are walked ---- */

typedef struct paths {
    char **v;
    size_t n, cap;
} paths;

static int push_path(paths *p, const char *s)
{
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 64;
        char **nv = realloc(p->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        p->v = nv;
        p->cap = nc;
    }
    if (!(p->v[p->n] = strdup(s)))
        return -1;
    p->n++;
    return 0;
}

static void free_paths(paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files in a folder that look like reports: *.txt, *.md, *.text. */
static int is_report_name(const char *n)
{
    const char *dot = strrchr(n, '.');
    return n[0] != '.' && dot && (!strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md") || !strcasecmp(dot, ".text"));
}

static int walk(paths *p, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    size_t start = p->n;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < 32)
            walk(p, full, depth + 1);
        else if (S_ISREG(st.st_mode) && is_report_name(e->d_name))
            push_path(p, full);
    }
    closedir(d);
    qsort(p->v + start, p->n - start, sizeof *p->v, cmp_str);
    return 0;
}

/* Expand the arguments; a missing file is kept so that reading it reports
 * it. A folder without reports is reported here: *empty is set. */
static int collect(paths *p, char **files, int n, nb_lang L, int *empty)
{
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(files[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = p->n;
            if (walk(p, files[i], 0) != 0) {
                fprintf(stderr, nb_tr(L, "nianbao: %s: cannot read the folder\n", "nianbao：%s：无法读取该目录\n"),
                        files[i]);
                *empty = 1;
            } else if (p->n == before) {
                fprintf(stderr, nb_tr(L, "nianbao: %s: a folder with no reports in it (*.txt, *.md)\n",
                                      "nianbao：%s：目录中没有报告文件（*.txt、*.md）\n"), files[i]);
                *empty = 1;
            }
        } else if (push_path(p, files[i]) != 0) {
            return -1;
        }
    }
    return 0;
}

static int cmd_export(int argc, char **argv, nb_lang L)
{
    const char *format = "json", *outpath = NULL, *review_path = NULL, *corrected = NULL;
    int bom = 0, nfiles = 0, no_review = 0, log = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--format") && i + 1 < argc) {
            format = argv[++i];
        } else if (!strncmp(a, "--format=", 9)) {
            format = a + 9;
        } else if (!strcmp(a, "--bom")) {
            bom = 1;
        } else if (!strcmp(a, "--no-review")) {
            no_review = 1;
        } else if (!strcmp(a, "--review") && i + 1 < argc) {
            review_path = argv[++i];
        } else if (!strcmp(a, "--corrected") && i + 1 < argc) {
            corrected = argv[++i];
        } else if (!strcmp(a, "--log")) {
            log = 1;
        } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) {
            outpath = argv[++i];
        } else if (!strcmp(a, "--")) {
            while (++i < argc)
                files[nfiles++] = argv[i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, nb_tr(L, "nianbao export: unknown option %s\n", "nianbao export：未知选项 %s\n"), a);
            usage(stderr, L);
            free(files);
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (corrected) {
        /* the corrected text of one report */
        if (nfiles != 1) {
            fputs(nb_tr(L, "nianbao export --corrected OUT takes one report\n",
                        "nianbao export --corrected 输出 只接受一份报告\n"),
                  stderr);
            free(files);
            return 2;
        }
        nb_ctx ctx;
        nb_err err;
        nb_report r;
        nb_review rv = {0};
        if (nb_ctx_init(&ctx, L, &err) != 0 || nb_report_open(&r, files[0], &ctx, &err) != 0) {
            fprintf(stderr, "nianbao: %s\n", err.msg);
            free(files);
            return 2;
        }
        int status = 0, unplaced = 0;
        struct stat a, b;
        if (stat(corrected, &a) == 0 && stat(files[0], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
            fprintf(stderr, nb_tr(L, "nianbao: %s is the report itself; it is never written\n",
                                  "nianbao：%s 就是报告本身，报告从不被改写\n"), corrected);
            status = 2;
        } else {
            load_review(&r, review_path, &rv, L);
            if (nb_export_corrected(&r, corrected, &unplaced, &err) != 0) {
                fprintf(stderr, "nianbao: %s\n", err.msg);
                status = 2;
            } else if (unplaced) {
                fprintf(stderr, nb_tr(L, "nianbao: %d corrections have no place in the text (missing rows)\n",
                                      "nianbao：%d 处更正在正文中没有位置（缺失的行）\n"), unplaced);
            }
        }
        nb_review_free(&rv);
        nb_report_free(&r);
        nb_ctx_free(&ctx);
        free(files);
        return status;
    }
    int log_format = log ? nb_log_format_parse(format) : -1;
    if (log ? log_format < 0 : strcmp(format, "json") && strcmp(format, "csv")) {
        if (log)
            fprintf(stderr, nb_tr(L, "nianbao export --log: unknown format %s (md, csv or json)\n",
                                  "nianbao export --log：未知格式 %s（可用 md、csv 或 json）\n"), format);
        else
            fprintf(stderr, nb_tr(L, "nianbao export: unknown format %s (json or csv)\n",
                                  "nianbao export：未知格式 %s（可用 json 或 csv）\n"), format);
        free(files);
        return 2;
    }
    if (!nfiles) {
        usage(stderr, L);
        free(files);
        return 2;
    }
    FILE *out = stdout;
    if (outpath && !(out = fopen(outpath, "w"))) {
        fprintf(stderr, nb_tr(L, "nianbao: %s: cannot write\n", "nianbao：%s：无法写入\n"), outpath);
        free(files);
        return 2;
    }
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, L, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        free(files);
        return 2;
    }
    if (getenv("NIANBAO_TRACE"))
        ctx.trace = stderr;
    paths P = {0};
    int empty_dir = 0;
    if (collect(&P, files, nfiles, L, &empty_dir) != 0) {
        nb_ctx_free(&ctx);
        free(files);
        return 2;
    }
    int csv = !strcmp(format, "csv"), status = empty_dir ? 2 : 0;
    if (bom)
        fputs("\xEF\xBB\xBF", out);
    if (log && log_format == NB_LOG_CSV)
        nb_log_csv_header(out);
    else if (csv && !log)
        nb_export_csv_header(out);
    for (size_t i = 0; i < P.n; i++) {
        nb_report r;
        if (nb_report_open(&r, P.v[i], &ctx, &err) != 0) {
            fprintf(stderr, "nianbao: %s\n", err.msg);
            status = 2;
            continue;
        }
        nb_findings before = {0}; /* the log: findings of the report as it stands */
        if (log)
            nb_check(&r, &ctx, &before, &err);
        nb_review rv = {0};
        int has_review = !no_review && load_review(&r, P.n == 1 ? review_path : NULL, &rv, L);
        if (log) {
            nb_findings fs = {0};
            nb_check(&r, &ctx, &fs, &err);
            if (log_format == NB_LOG_MD && i)
                fputc('\n', out);
            nb_export_log(out, log_format, &r, &fs, &before, has_review ? &rv : NULL, L);
            nb_findings_free(&fs);
            nb_findings_free(&before);
        } else if (csv) {
            nb_export_csv(out, &r, L);
        } else {
            nb_findings fs = {0};
            nb_check(&r, &ctx, &fs, &err);
            nb_export_json(out, &r, &fs, NB_SEV_INFO, has_review ? &rv : NULL, L);
            nb_findings_free(&fs);
        }
        nb_review_free(&rv);
        nb_report_free(&r);
    }
    nb_ctx_free(&ctx);
    free_paths(&P);
    if (fflush(out) != 0 || ferror(out))
        status = 2;
    if (out != stdout)
        fclose(out);
    free(files);
    return status;
}

/* ---- check: diagnostics like a compiler's ---- */

typedef struct body_year {
    char key[256];        /* nb_body_key of the body's name */
    int year;
    size_t idx;           /* in the path list */
    nb_summary *summary;  /* kept when a later year needs it */
    int needed;           /* the report of the next year is in the batch */
} body_year;

static int cmp_body_year(const void *a, const void *b)
{
    const body_year *x = *(body_year *const *)a, *y = *(body_year *const *)b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->year != y->year)
        return x->year - y->year;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* The report of the same body for the year before, or NULL. */
static body_year *year_before(body_year **sorted, size_t n, const body_year *b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(sorted[mid]->key, b->key);
        if (c < 0 || (c == 0 && sorted[mid]->year < b->year - 1))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && !strcmp(sorted[lo]->key, b->key) && sorted[lo]->year == b->year - 1)
        return sorted[lo];
    return NULL;
}

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

static int cmd_check(int argc, char **argv, nb_lang L)
{
    const char *format = "text", *review_path = NULL;
    int min_sev = NB_SEV_INFO, nfiles = 0, no_years = 0, no_review = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--format") && i + 1 < argc) {
            format = argv[++i];
        } else if (!strncmp(a, "--format=", 9)) {
            format = a + 9;
        } else if ((!strcmp(a, "--severity") && i + 1 < argc) || !strncmp(a, "--severity=", 11)) {
            const char *v = a[10] == '=' ? a + 11 : argv[++i];
            min_sev = nb_severity_parse(v);
            if (min_sev < 0) {
                fprintf(stderr, nb_tr(L, "nianbao check: --severity takes info, warning or error, not %s\n",
                                      "nianbao check：--severity 取 info、warning 或 error，而不是 %s\n"), v);
                free(files);
                return 2;
            }
        } else if (!strcmp(a, "--no-years")) {
            no_years = 1;
        } else if (!strcmp(a, "--no-review")) {
            no_review = 1;
        } else if (!strcmp(a, "--review") && i + 1 < argc) {
            review_path = argv[++i];
        } else if (!strcmp(a, "--")) {
            while (++i < argc)
                files[nfiles++] = argv[i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, nb_tr(L, "nianbao check: unknown option %s\n", "nianbao check：未知选项 %s\n"), a);
            usage(stderr, L);
            free(files);
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if ((strcmp(format, "text") && strcmp(format, "json")) || !nfiles) {
        if (nfiles)
            fprintf(stderr, nb_tr(L, "nianbao check: unknown format %s (text or json)\n",
                                  "nianbao check：未知格式 %s（可用 text 或 json）\n"), format);
        else
            usage(stderr, L);
        free(files);
        return 2;
    }
    int json = !strcmp(format, "json");
    paths P = {0};
    int empty_dir = 0;
    if (collect(&P, files, nfiles, L, &empty_dir) != 0) {
        fprintf(stderr, "nianbao: out of memory\n");
        free(files);
        return 2;
    }
    free(files);
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, L, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        free_paths(&P);
        return 2;
    }
    /* Reports of one body for consecutive years are checked against each
     * other: a first, cheap pass reads only titles to find the pairs. */
    body_year *by = calloc(P.n ? P.n : 1, sizeof *by);
    if (!by) {
        nb_ctx_free(&ctx);
        free_paths(&P);
        return 2;
    }
    body_year **sorted = calloc(P.n ? P.n : 1, sizeof *sorted);
    if (!sorted) {
        free(by);
        nb_ctx_free(&ctx);
        free_paths(&P);
        return 2;
    }
    size_t nsorted = 0;
    if (P.n > 1 && !no_years) {
        for (size_t i = 0; i < P.n; i++) {
            char agency[256];
            by[i].idx = i;
            if (nb_report_identify(P.v[i], &ctx, agency, sizeof agency, &by[i].year, &err) != 0)
                continue;
            nb_body_key(agency, by[i].key, sizeof by[i].key);
            if (by[i].key[0] && by[i].year)
                sorted[nsorted++] = &by[i];
        }
        qsort(sorted, nsorted, sizeof *sorted, cmp_body_year);
        for (size_t k = 0; k < nsorted; k++) {
            body_year *prev = year_before(sorted, nsorted, sorted[k]);
            if (prev)
                prev->needed = 1;
        }
    }
    int color = !json && isatty(1) && !getenv("NO_COLOR");
    long tot[3] = {0, 0, 0};
    size_t nreports = 0, with_errors = 0;
    int status = empty_dir ? 2 : 0;
    for (size_t i = 0; i < P.n; i++) {
        nb_report r;
        if (nb_report_open(&r, P.v[i], &ctx, &err) != 0) {
            fprintf(stderr, "nianbao: %s\n", err.msg);
            status = 2;
            continue;
        }
        nb_review rv = {0};
        int has_review = !no_review && load_review(&r, P.n == 1 ? review_path : NULL, &rv, L);
        nb_findings fs = {0};
        if (nb_check(&r, &ctx, &fs, &err) != 0) {
            fprintf(stderr, "nianbao: %s\n", err.msg);
            status = 2;
        }
        nb_summary cur;
        nb_summarize(&r, &cur);
        if (by[i].needed && !by[i].summary && (by[i].summary = malloc(sizeof cur)))
            *by[i].summary = cur;
        /* the previous year's report, read now if it comes later in the list */
        body_year *prev = nsorted && by[i].key[0] ? year_before(sorted, nsorted, &by[i]) : NULL;
        if (prev && !prev->summary) {
            nb_report pr;
            if (nb_report_open(&pr, P.v[prev->idx], &ctx, &err) == 0) {
                if ((prev->summary = malloc(sizeof cur)))
                    nb_summarize(&pr, prev->summary);
                nb_report_free(&pr);
            }
        }
        if (prev && prev->summary)
            nb_check_years(prev->summary, &cur, r.schema, &fs);
        nb_findings_sort(&fs);
        long cnt[3] = {0, 0, 0};
        for (size_t k = 0; k < fs.n; k++) {
            if (has_review) { /* a finding the reviewer dismissed does not count */
                char fp[24];
                nb_finding_fingerprint(&r, &fs.v[k], fp);
                const nb_rv_entry *d = nb_review_decision(&rv, fp);
                if (d && d->state == NB_DEC_DISMISSED)
                    continue;
            }
            cnt[fs.v[k].severity]++;
        }
        if (json) {
            nb_export_json(stdout, &r, &fs, min_sev, has_review ? &rv : NULL, L);
        } else {
            nb_locator lc;
            nb_locator_init(&lc, &r.doc);
            for (size_t k = 0; k < fs.n; k++)
                if ((int)fs.v[k].severity >= min_sev)
                    print_finding(stdout, &r, &fs.v[k], L, color, &lc, has_review ? &rv : NULL);
            if (L == NB_LANG_ZH)
                printf("%s：%ld 个错误，%ld 个警告，%ld 个提示\n", r.doc.path, cnt[2], cnt[1], cnt[0]);
            else
                printf("%s: %ld error%s, %ld warning%s, %ld info\n", r.doc.path, cnt[2], cnt[2] == 1 ? "" : "s",
                       cnt[1], cnt[1] == 1 ? "" : "s", cnt[0]);
        }
        for (int k = 0; k < 3; k++)
            tot[k] += cnt[k];
        nreports++;
        if (cnt[2]) {
            with_errors++;
            if (status == 0)
                status = 1;
        }
        nb_findings_free(&fs);
        nb_review_free(&rv);
        nb_report_free(&r);
    }
    if (!json && P.n > 1) {
        if (L == NB_LANG_ZH)
            printf("共检查 %zu 份报告：%ld 个错误，%ld 个警告，%ld 个提示；%zu 份报告有错误\n", nreports, tot[2], tot[1], tot[0],
                   with_errors);
        else
            printf("checked %zu reports: %ld errors, %ld warnings, %ld info; %zu with errors\n", nreports, tot[2],
                   tot[1], tot[0], with_errors);
    }
    for (size_t i = 0; i < P.n; i++)
        free(by[i].summary);
    free(by);
    free(sorted);
    nb_ctx_free(&ctx);
    free_paths(&P);
    if (fflush(stdout) != 0)
        status = 2;
    return status;
}

/* The rule table, as the help shows it. */
static int cmd_rules(nb_lang L)
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    for (int i = 0; i < n; i++)
        printf("%-20s %-8s %s\n%-29s %s\n", rules[i].id, nb_severity_name(rules[i].severity),
               L == NB_LANG_ZH ? rules[i].zh : rules[i].en, "", rules[i].formula);
    return 0;
}

static int cmd_show(const char *path, nb_lang L);

/* The review console: on a terminal, or driven by a script with no terminal. */
static int cmd_console(int argc, char **argv, nb_lang L)
{
    const char *theme = getenv("NIANBAO_THEME"), *script = getenv("NIANBAO_SCRIPT"), *file = NULL, *review = NULL;
    const char *size = getenv("NIANBAO_SIZE");
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--theme") && i + 1 < argc)
            theme = argv[++i];
        else if (!strncmp(argv[i], "--theme=", 8))
            theme = argv[i] + 8;
        else if (!strcmp(argv[i], "--script") && i + 1 < argc)
            script = argv[++i];
        else if (!strcmp(argv[i], "--size") && i + 1 < argc)
            size = argv[++i];
        else if (!strcmp(argv[i], "--review") && i + 1 < argc)
            review = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, nb_tr(L, "nianbao: unknown option %s\n", "nianbao：未知选项 %s\n"), argv[i]);
            usage(stderr, L);
            return 2;
        } else if (!file)
            file = argv[i];
    }
    if (!file) {
        usage(stderr, L);
        return 2;
    }
    if (!script && (!isatty(0) || !isatty(1)))
        return cmd_show(file, L); /* not a terminal: the cells as text */
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, L, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        return 2;
    }
    nb_report *r = malloc(sizeof *r);
    if (!r || nb_report_open(r, file, &ctx, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", r ? err.msg : "out of memory");
        free(r);
        nb_ctx_free(&ctx);
        return 2;
    }
    int w = 160, h = 48;
    if (size && sscanf(size, "%dx%d", &w, &h) != 2) {
        w = 160;
        h = 48;
    }
    nb_app app;
    int status = 0;
    if (nb_app_init(&app, &ctx, r, theme, NB_DATADIR, w, h) != 0) {
        fprintf(stderr, "nianbao: %s: out of memory\n", file);
        status = 2;
    } else if (script) {
        nb_app_open_review(&app, review);
        if (nb_app_script(&app, script, &err) != 0) {
            fprintf(stderr, "nianbao: %s\n", err.msg);
            status = 2;
        }
    } else {
        nb_app_open_review(&app, review);
        status = nb_term_run(&app);
    }
    nb_app_free(&app);
    nb_report_free(r);
    free(r);
    nb_ctx_free(&ctx);
    return status;
}

/* Not on a terminal: the extracted tables as text. */
static int cmd_show(const char *path, nb_lang L)
{
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, L, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        return 2;
    }
    nb_report r;
    if (nb_report_open(&r, path, &ctx, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        nb_ctx_free(&ctx);
        return 2;
    }
    printf("%s\n  %s %s, %s %d, %s %d\n", path, nb_tr(L, "body", "机关"), r.agency[0] ? r.agency : "?",
           nb_tr(L, "year", "年度"), r.year, nb_tr(L, "format", "格式"), r.format);
    char id[96], v[64];
    for (int ci = 0; ci < r.ncells; ci++) {
        const nb_cell *c = &r.cells[ci];
        nb_schema_cell_id(r.schema, ci, id, sizeof id);
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
            nb_num_format(c->num, v, sizeof v);
        else
            snprintf(v, sizeof v, "-");
        printf("  %-34s %10s  %-11s", id, v, nb_status_name(c->status));
        if (c->status != NB_ST_MISSING)
            printf(" %s:%zu", path, nb_doc_locate(&r.doc, c->off).line);
        putchar('\n');
    }
    for (int i = 0; i < r.nlabels; i++)
        printf("  %s %s: \"%s\" (%s \"%s\")\n", nb_tr(L, "label", "标签"), r.labels[i].id, r.labels[i].found,
               nb_tr(L, "standard", "标准"), r.labels[i].standard);
    nb_report_free(&r);
    nb_ctx_free(&ctx);
    return 0;
}

int main(int argc, char **argv)
{
    /* Batches read thousands of reports: keep freed memory for the next one
     * rather than giving it back and faulting it in again. */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    setlocale(LC_ALL, "");
    nb_lang L = pick_lang();
    if (argc < 2) {
        usage(stderr, L);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout, L);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("nianbao %s\n", NB_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "export"))
        return cmd_export(argc - 2, argv + 2, L);
    if (!strcmp(argv[1], "check"))
        return cmd_check(argc - 2, argv + 2, L);
    if (!strcmp(argv[1], "rules"))
        return cmd_rules(L);
    return cmd_console(argc - 1, argv + 1, L);
}
