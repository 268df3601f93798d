/* cmd_console.c — nianbao FILE, nianbao FILE… | DIR | -: the review console
 * on a terminal, or driven by a script with no terminal — on the one report
 * named, else on the queue of the reports named, found in the folders
 * named, or listed on standard input (the keys then come from the
 * terminal); with neither a terminal nor a script, one report's extracted
 * cells, or the queue's figures, as text. */
#include "cmd.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "batch/ctx.h"
#include "model/doc.h"
#include "model/schema.h"
#include "out/table.h"
#include "out/writer.h"
#include "queue.h"
#include "script.h"
#include "term.h"
#include "text/num.h"
#include "text/numerals.h"
#include "view.h"

#define NB_SCRIPT_COLS 160 /* the screen of a scripted run when --size gives none */
#define NB_SCRIPT_ROWS 48

/* Not on a terminal: the extracted tables as text (what comes from the
 * report written as text: out/writer.h). */
static int show_cells(const char *path, const nb_ctx *ctx, nb_lang L)
{
    nb_report r;
    if (nb_cli_open(stderr, &r, path, ctx) != 0)
        return 2;
    nb_writer w = nb_writer_to(stdout);
    nb_put_text_cstr(&w, path);
    nb_putf(&w, "\n  %s ", nb_tr(L, "body", "机关"));
    nb_put_text_cstr(&w, r.agency[0] ? r.agency : "?");
    nb_putf(&w, ", %s %d, %s %d\n", nb_tr(L, "year", "年度"), r.year, nb_tr(L, "format", "格式"), r.format);
    char id[96], v[64];
    for (int ci = 0; ci < r.ncells; ci++) {
        const nb_cell *c = &r.cells[ci];
        nb_schema_cell_id(r.schema, ci, id, sizeof id);
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
            nb_num_format(c->num, v, sizeof v);
        else
            snprintf(v, sizeof v, "-");
        nb_putf(&w, "  %-34s %10s  %-11s", id, v, nb_status_name(c->status));
        if (c->status != NB_ST_MISSING)
            nb_put_textf(&w, " %s:%zu", path, nb_doc_locate(&r.doc, c->off).line);
        nb_puts(&w, "\n");
    }
    for (int i = 0; i < r.nlabels; i++) {
        nb_put_textf(&w, "  %s %s: \"%s\" (%s \"%s\")", nb_tr(L, "label", "标签"), r.labels[i].id, r.labels[i].found,
                     nb_tr(L, "standard", "标准"), r.labels[i].standard);
        nb_puts(&w, "\n");
    }
    nb_report_free(&r);
    return nb_writer_end(&w, stdout) == 0 ? 0 : 2;
}

/* Not on a terminal, several reports: the queue's figures as a table. */
static int show_queue(const nb_queue *q, nb_lang L)
{
    static const char *const en[] = {"report", "body", "year", "format", "errors", "warnings", "info", "open", "review"};
    static const char *const zh[] = {"报告", "机关", "年度", "格式", "错误", "警告", "提示", "未决", "审阅"};
    nb_table t;
    nb_err err;
    if (nb_table_init(&t, 9, L == NB_LANG_ZH ? zh : en, L, &err) != 0)
        return 2;
    t.right = 0xFCu; /* year to open */
    int status = 0;
    for (size_t i = 0; i < q->sv.n && !status; i++) {
        const nb_survey_item *it = &q->sv.v[i];
        char v[7][32];
        const char *row[9] = {q->sv.paths.v[i], it->agency[0] ? it->agency : "—"};
        snprintf(v[0], sizeof v[0], "%d", it->year);
        snprintf(v[1], sizeof v[1], "%d", it->format);
        for (int k = 0; k < 3; k++)
            snprintf(v[2 + k], sizeof v[0], "%ld", it->findings[NB_SEV_ERROR - k]);
        snprintf(v[5], sizeof v[0], "%ld", it->open[0] + it->open[1] + it->open[2]);
        for (int c = 0; c < 6; c++)
            row[2 + c] = it->ok ? v[c] : "";
        row[8] = it->ok ? nb_review_state_label(it->review, L) : it->problem;
        status = nb_table_add(&t, row, &err) == 0 ? 0 : 2;
    }
    if (!status && nb_table_write(&t, stdout, 0) != 0)
        status = 2;
    nb_table_free(&t);
    return status;
}

/* The screen of a scripted run: --size, else the default. */
static void script_size(const nb_opts *o, int *w, int *h)
{
    const char *size = nb_opts_value(o, NB_OPT_SIZE);
    if (!size || sscanf(size, "%dx%d", w, h) != 2) {
        *w = NB_SCRIPT_COLS;
        *h = NB_SCRIPT_ROWS;
    }
}

/* What walking the folders said (files passed over, a review without its
 * report): the first of them and how many. */
typedef struct walk_notes {
    char first[1024];
    size_t n;
} walk_notes;

/* The console on the queue (one report named: on that report, as the
 * console has always opened), scripted or on the terminal. */
static int run_console(const nb_opts *o, nb_queue *q, const nb_ctx *ctx, const walk_notes *notes)
{
    const char *script = nb_opts_value(o, NB_OPT_SCRIPT);
    int w, h, status = 0;
    script_size(o, &w, &h);
    q->review = nb_cli_review_arg(o, q->single ? 1 : q->sv.paths.n, ctx->lang);
    nb_app app;
    int ok = nb_app_init_queue(&app, ctx, q, nb_opts_value(o, NB_OPT_THEME), NB_DATADIR, w, h) == 0;
    if (ok && notes->n) /* said on standard error too, before the screen hid it */
        nb_app_say(&app, 0, nb_tr(ctx->lang, notes->n > 1 ? "%s (the first of %zu notes)" : "%s", notes->n > 1 ? "%s（%zu 条说明中的第一条）" : "%s"),
                   notes->first, notes->n);
    if (!ok) {
        nb_cli_say("nianbao: out of memory\n");
        status = 2;
    } else if (q->single && nb_queue_open(&app, 0, 0) != 0) {
        nb_cli_say(nb_tr(ctx->lang, "nianbao: %s\n", "nianbao：%s\n"), app.msg);
        status = 2;
    } else if (script) {
        nb_err err;
        if (nb_app_script(&app, script, &err) != 0) {
            nb_cli_say(nb_tr(ctx->lang, "nianbao: %s\n", "nianbao：%s\n"), err.msg);
            status = 2;
        }
    } else {
        status = nb_term_run(&app);
    }
    nb_queue_end(&app);
    nb_app_free(&app);
    return status;
}

/* The paths standard input lists, one a line (blank lines passed over). */
static int read_paths(nb_paths *out, nb_lang L)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    nb_err err;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n && nb_paths_push(out, line, L, &err) != 0) {
            nb_cli_say(nb_tr(L, "nianbao: %s\n", "nianbao：%s\n"), err.msg);
            rc = -1;
        }
    }
    free(line);
    return rc;
}

/* The reports the operands name: files, folders walked, and with "-" the
 * paths on standard input; what the walk said is kept in notes for the
 * console's screen. -1 when said why there are none. */
static int collect(nb_paths *P, const nb_opts *o, nb_lang L, walk_notes *notes)
{
    nb_paths named = {0};
    nb_walk_problems pr = {0};
    nb_err err;
    int rc = 0;
    for (int i = 0; i < o->nfiles && rc == 0; i++)
        rc = strcmp(o->files[i], "-") ? nb_paths_push(&named, o->files[i], L, &err) : read_paths(&named, L);
    if (rc == 0 && nb_walk_collect(P, named.v, named.n, 0, L, &pr, &err) != 0)
        rc = -1;
    for (size_t i = 0; i < pr.n; i++)
        nb_cli_say(nb_tr(L, "nianbao: %s\n", "nianbao：%s\n"), pr.v[i].msg);
    if (pr.n)
        snprintf(notes->first, sizeof notes->first, "%s", pr.v[0].msg);
    notes->n = pr.n;
    if (rc == 0 && !P->n) {
        if (!pr.n)
            nb_cli_say("%s", nb_tr(L, "nianbao: no reports named\n", "nianbao：没有指定报告\n"));
        rc = -1;
    }
    nb_walk_problems_free(&pr);
    nb_paths_free(&named);
    return rc;
}

/* Whether the console can run on a terminal: standard output is one, and
 * so is standard input — or, when the paths came on it, the terminal is
 * opened in its place for the keys. */
static int on_terminal(int paths_on_stdin)
{
    if (!isatty(1))
        return 0;
    if (isatty(0))
        return 1;
    if (!paths_on_stdin)
        return 0;
    int fd = open("/dev/tty", O_RDONLY);
    if (fd < 0)
        return 0;
    int ok = dup2(fd, 0) == 0;
    close(fd);
    return ok;
}

/* How far reading the reports got, on the terminal (the line cleared at the end). */
static void tell_progress(size_t done, size_t n)
{
    if (done < n)
        fprintf(stderr, "\rnianbao: %zu/%zu …", done, n);
    else
        fprintf(stderr, "\r%40s\r", "");
}

static int is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int nb_cmd_console(const nb_opts *o, nb_lang L)
{
    if (!o->nfiles) {
        nb_usage(stderr, L);
        return 2;
    }
    int from_stdin = 0;
    for (int i = 0; i < o->nfiles; i++)
        from_stdin |= !strcmp(o->files[i], "-");
    /* one report named: the two-pane console on it, as ever */
    int single = o->nfiles == 1 && !from_stdin && !is_folder(o->files[0]);
    nb_paths P = {0};
    nb_ctx ctx;
    walk_notes notes = {{0}, 0};
    if (collect(&P, o, L, &notes) != 0) {
        nb_paths_free(&P);
        return 2;
    }
    if (nb_cli_ctx(&ctx, L) != 0) {
        nb_paths_free(&P);
        return 2;
    }
    int status, terminal = nb_opts_value(o, NB_OPT_SCRIPT) || on_terminal(from_stdin);
    if (!terminal && single) {
        status = show_cells(P.v[0], &ctx, L);
        nb_paths_free(&P);
    } else {
        nb_queue q;
        nb_err err;
        int tell = terminal && !nb_opts_value(o, NB_OPT_SCRIPT) && isatty(2);
        if (nb_queue_init(&q, &P, single, &ctx, tell ? tell_progress : NULL, &err) != 0) {
            nb_cli_say("nianbao: %s\n", err.msg);
            status = 2;
        } else {
            status = terminal ? run_console(o, &q, &ctx, &notes) : show_queue(&q, L);
        }
        nb_queue_free(&q);
        nb_paths_free(&P);
    }
    nb_ctx_free(&ctx);
    return status;
}
