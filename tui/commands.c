/* commands.c — the `:` command interpreter (commands.h): the name looked up
 * in the key table, one small function a command. */
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "keymap.h"
#include "layout.h"
#include "queue.h"
#include "screen.h"
#include "select.h"
#include "theme.h"
#include "view.h"

/* What :goto takes, said when it is given something else. */
static int goto_refused(nb_app *a, const char *arg, nb_err *err)
{
    return nb_err_set(err, NB_E_USAGE,
                      nb_app_tr(a, "no cell, row or line \"%s\": :goto t3.new.total, t3.new or 1-%zu",
                                "没有“%s”：:goto 后接单元格（t3.new.total）、行（t3.new）或行号 1-%zu"),
                      arg, a->r->doc.nlines);
}

/* :goto a cell ID, a row ID or a line number (also :120). */
static int cmd_goto(nb_app *a, const char *arg, nb_err *err)
{
    const nb_schema *sc = a->r->schema;
    int ci = nb_schema_find_cell(sc, arg);
    if (ci < 0) {
        int row = nb_schema_find_row(sc, arg);
        if (row >= 0)
            ci = nb_schema_first_cell(sc, row);
    }
    if (ci >= 0) {
        nb_select_cell(a, ci);
        nb_cursor_to_cell(a);
        a->focus = 1;
        return 0;
    }
    char *end;
    long line = strtol(arg, &end, 10);
    if (!*arg || *end || line < 1 || (size_t)line > a->r->doc.nlines)
        return goto_refused(a, arg, err);
    a->cur = a->r->doc.lines[line - 1];
    a->focus = 0;
    nb_cell_from_cursor(a);
    return 0;
}

/* A command that is a number: the line of that number. */
static int is_line_number(const char *verb)
{
    if (!*verb)
        return 0;
    for (const char *p = verb; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

static int cmd_theme(nb_app *a, const char *arg, nb_err *err)
{
    if (nb_theme_load(&a->theme, arg, a->datadir, a->lang, err) != 0)
        return -1;
    nb_app_say(a, 0, "%s %s", nb_app_tr(a, "theme", "主题"), a->theme.name);
    return 0;
}

static int cmd_resize(nb_app *a, const char *arg, nb_err *err)
{
    int w, h;
    if (sscanf(arg, "%dx%d", &w, &h) != 2 || w < 1 || h < 1 || w > 1000 || h > 1000)
        return nb_err_set(err, NB_E_USAGE, ":resize WxH");
    nb_app_resize(a, w, h);
    return 0;
}

/* :dump FILE (the screen as text), :dumproles FILE (its colour roles). */
static int cmd_dump(nb_app *a, int roles, const char *arg, nb_err *err)
{
    nb_app_settle(a);
    nb_app_draw(a);
    char *txt = roles ? nb_screen_roles(&a->scr) : nb_screen_text(&a->scr);
    FILE *f = txt ? fopen(arg, "w") : NULL;
    if (!f) {
        free(txt);
        return nb_err_set(err, NB_E_IO, nb_app_tr(a, "%s: %s", "%s：%s"), nb_app_tr(a, "cannot write", "无法写入"), arg);
    }
    fputs(txt, f);
    fclose(f);
    free(txt);
    return 0;
}

/* The commands that work with no report open (the queue shows). */
static int without_report(nb_request rq)
{
    switch (rq) {
    case NB_REQ_CMD_QUIT:
    case NB_REQ_CMD_QUIT_FORCE:
    case NB_REQ_CMD_HELP:
    case NB_REQ_CMD_THEME:
    case NB_REQ_CMD_LAYOUT:
    case NB_REQ_CMD_RESIZE:
    case NB_REQ_CMD_DUMP:
    case NB_REQ_CMD_DUMPROLES:
    case NB_REQ_CMD_NEXT:
    case NB_REQ_CMD_PREV:
    case NB_REQ_CMD_EDIT: return 1;
    default: return 0;
    }
}

static int run(nb_app *a, const char *verb, const char *arg, nb_err *err)
{
    nb_request rq = nb_command_request(verb);
    if (!a->r && (is_line_number(verb) || (rq != NB_REQ_NONE && !without_report(rq))))
        return nb_err_set(err, NB_E_USAGE, nb_app_tr(a, "%s: %s", "%s：%s"), verb,
                          nb_app_tr(a, "no report open: Enter opens one", "尚未打开报告：按回车打开"));
    if (is_line_number(verb))
        return cmd_goto(a, verb, err);
    switch (rq) {
    case NB_REQ_CMD_NEXT:
    case NB_REQ_CMD_PREV:
    case NB_REQ_CMD_EDIT: return nb_queue_command(a, rq, arg, err);
    case NB_REQ_CMD_QUIT_FORCE: nb_act_quit_discarding(a); return 0; /* discarding unsaved work on purpose */
    case NB_REQ_CMD_QUIT: nb_act_quit(a); return 0;
    case NB_REQ_CMD_WRITE: nb_act_save_as(a, arg); return 0;
    case NB_REQ_CMD_WRITE_QUIT:
        if (nb_act_save(a) == 0)
            a->quit = 1;
        return 0;
    case NB_REQ_CMD_HELP: nb_app_push(a, NB_MODE_HELP); return 0;
    case NB_REQ_CMD_GOTO: return cmd_goto(a, arg, err);
    case NB_REQ_CMD_THEME: return cmd_theme(a, arg, err);
    case NB_REQ_CMD_LAYOUT:
        a->layout = !strcmp(arg, "side") ? NB_LAYOUT_SIDE : !strcmp(arg, "stacked") ? NB_LAYOUT_STACKED : NB_LAYOUT_AUTO;
        return 0;
    case NB_REQ_CMD_RESIZE: return cmd_resize(a, arg, err);
    case NB_REQ_CMD_DUMP: return cmd_dump(a, 0, arg, err);
    case NB_REQ_CMD_DUMPROLES: return cmd_dump(a, 1, arg, err);
    default:
        return nb_err_set(err, NB_E_USAGE,
                          nb_app_tr(a, "unknown command: %s (:help lists the commands)", "未知命令：%s（:help 列出所有命令）"),
                          verb);
    }
}

int nb_app_command(nb_app *a, const char *cmd)
{
    while (*cmd == ' ')
        cmd++;
    char verb[32] = "", arg[480] = "";
    sscanf(cmd, "%31s %479[^\n]", verb, arg);
    nb_err err;
    int rc = run(a, verb, arg, &err);
    if (rc != 0)
        nb_app_fail(a, &err);
    nb_queue_after(a); /* :q, :next, :e in a queue */
    nb_app_settle(a);
    return rc;
}
