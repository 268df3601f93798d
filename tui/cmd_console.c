/* cmd_console.c — nianbao FILE: the review console on a terminal, or driven
 * by a script with no terminal; with neither a terminal nor a script, the
 * extracted cells listed as text. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app.h"
#include "script.h"
#include "batch/ctx.h"
#include "model/doc.h"
#include "model/schema.h"
#include "out/writer.h"
#include "term.h"
#include "text/num.h"
#include "text/numerals.h"

#define NB_SCRIPT_COLS 160 /* the screen of a scripted run when --size gives none */
#define NB_SCRIPT_ROWS 48

/* Not on a terminal: the extracted tables as text (what comes from the
 * report written as text: out/writer.h). */
static int show_cells(const char *path, const nb_ctx *ctx, nb_lang L)
{
    nb_report r;
    if (nb_cli_open(&r, path, ctx) != 0)
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

/* The console on the report: scripted, or on the terminal. */
static int run_console(const nb_opts *o, const char *file, const nb_ctx *ctx)
{
    nb_report *r = malloc(sizeof *r);
    if (!r) {
        nb_cli_say("nianbao: out of memory\n");
        return 2;
    }
    if (nb_cli_open(r, file, ctx) != 0) {
        free(r);
        return 2;
    }
    const char *size = nb_opts_value(o, NB_OPT_SIZE), *script = nb_opts_value(o, NB_OPT_SCRIPT);
    const char *review = o->val[NB_OPT_REVIEW];
    int w = NB_SCRIPT_COLS, h = NB_SCRIPT_ROWS;
    if (size && sscanf(size, "%dx%d", &w, &h) != 2) {
        w = NB_SCRIPT_COLS;
        h = NB_SCRIPT_ROWS;
    }
    nb_app app;
    int status = 0;
    if (nb_app_init(&app, ctx, r, nb_opts_value(o, NB_OPT_THEME), NB_DATADIR, w, h) != 0) {
        nb_cli_say("nianbao: %s: out of memory\n", file);
        status = 2;
    } else if (script) {
        nb_app_open_review(&app, review);
        nb_err err;
        if (nb_app_script(&app, script, &err) != 0) {
            nb_cli_say("nianbao: %s\n", err.msg);
            status = 2;
        }
    } else {
        nb_app_open_review(&app, review);
        status = nb_term_run(&app);
    }
    nb_app_free(&app);
    nb_report_free(r);
    free(r);
    return status;
}

int nb_cmd_console(const nb_opts *o, nb_lang L)
{
    if (!o->nfiles) {
        nb_usage(stderr, L);
        return 2;
    }
    nb_ctx ctx;
    if (nb_cli_ctx(&ctx, L) != 0)
        return 2;
    const char *file = o->files[0]; /* the console opens one report: the first named */
    int status;
    if (!nb_opts_value(o, NB_OPT_SCRIPT) && (!isatty(0) || !isatty(1)))
        status = show_cells(file, &ctx, L);
    else
        status = run_console(o, file, &ctx);
    nb_ctx_free(&ctx);
    return status;
}
