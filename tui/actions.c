/* actions.c — the review's keys and commands (actions.h): the session does
 * the work, the console says what came of it: a value the cell cannot hold
 * is said and left in the editor to mend, a journal that cannot be written
 * is said (and app.c keeps saying it until a write succeeds), a report
 * changed on disk is said once. */
#include "actions.h"

#include <string.h>

#include "lineedit.h"
#include "names.h"
#include "review/session.h"
#include "select.h"
#include "text/num.h"
#include "view.h"

/* After a change to the review: the current finding stays in range. */
static void after_change(nb_app *a)
{
    if (a->finding >= (int)a->s.fs.n)
        a->finding = a->s.fs.n ? (int)a->s.fs.n - 1 : -1;
}

/* Whether this console may change the review; says why not. */
static int writable(nb_app *a)
{
    nb_err err;
    if (nb_session_writable(&a->s, &err) == 0)
        return 1;
    nb_app_fail(a, &err);
    return 0;
}

/* Open the editor of mode with text in it. */
static void open_prompt(nb_app *a, int mode, const char *text, size_t n)
{
    nb_lineedit_set(&a->in, text, n);
    nb_app_push(a, mode);
}

void nb_act_edit(nb_app *a)
{
    int ci = nb_selected_cell(a);
    if (ci < 0) {
        nb_app_say(a, 1, "%s", nb_app_tr(a, "no cell selected", "未选中单元格"));
        return;
    }
    if (!writable(a))
        return;
    const nb_cell *c = &a->r->cells[ci];
    char v[64];
    size_t n = 0;
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
        n = nb_num_format(c->num, v, sizeof v);
    a->edit_cell = ci;
    open_prompt(a, NB_MODE_EDIT, v, n);
}

/* What a correction (or its clearing) of cell ci came to, on the status line. */
static void say_corrected(nb_app *a, int ci, int rc, const nb_err *err)
{
    after_change(a);
    if (rc != 0) {
        nb_app_fail(a, err);
        return;
    }
    const nb_rv_entry *e = &a->s.rv.v[a->s.rv.n - 1];
    int gone = nb_session_resolved_count(&a->s);
    const char *corrected = nb_app_tr(a, "corrected", "已更正");
    char cell[320]; /* under zh the cell by its label */
    nb_cell_label(a->r->schema, ci, a->lang, cell, sizeof cell);
    if (!strcmp(e->value, NB_RV_CLEARED))
        nb_app_say(a, 0, "%s %s", cell, nb_app_tr(a, "is back to the report's own value", "已恢复为报告原值"));
    else if (gone)
        nb_app_say(a, 0, nb_app_tr(a, "%s %s = %s; %d %s", "%s %s = %s；%d %s"), corrected, cell, e->value, gone,
                   nb_app_tr(a, gone == 1 ? "finding resolved (F lists it)" : "findings resolved (F lists them)",
                             "个问题已消除（F 查看）"));
    else
        nb_app_say(a, 0, "%s %s = %s", corrected, cell, e->value);
}

void nb_act_edit_commit(nb_app *a, const char *text)
{
    nb_err err;
    if (*text && nb_session_valid_value(&a->s, a->edit_cell, text, &err) != 0) {
        open_prompt(a, NB_MODE_EDIT, text, strlen(text)); /* left in the editor to mend */
        nb_app_fail(a, &err);
        return;
    }
    int rc = nb_session_correct(&a->s, a->edit_cell, text, &err);
    say_corrected(a, a->edit_cell, rc, &err);
}

void nb_act_clear(nb_app *a)
{
    int ci = nb_selected_cell(a);
    if (ci < 0) {
        nb_app_say(a, 1, "%s", nb_app_tr(a, "no cell selected", "未选中单元格"));
        return;
    }
    nb_err err;
    int rc = nb_session_clear(&a->s, ci, &err);
    say_corrected(a, ci, rc, &err);
}

void nb_act_note(nb_app *a)
{
    if (!writable(a))
        return;
    int ci = nb_selected_cell(a);
    a->note_cell = a->note_finding = -1;
    if ((a->focus == 1 || a->finding < 0) && ci >= 0) {
        a->note_cell = ci;
    } else if (a->finding >= 0) {
        a->note_finding = a->finding;
    } else {
        nb_app_say(a, 1, "%s", nb_app_tr(a, "no cell or finding selected", "未选中单元格或问题"));
        return;
    }
    open_prompt(a, NB_MODE_NOTE, "", 0);
}

void nb_act_note_commit(nb_app *a, const char *text)
{
    if (!*text) {
        nb_app_say(a, 0, "%s", nb_app_tr(a, "an empty note is not kept", "空批注不保存"));
        return;
    }
    nb_err err;
    int rc = nb_session_note(&a->s, a->note_cell, a->note_finding, text, &err);
    after_change(a);
    if (rc != 0)
        nb_app_fail(a, &err);
    else
        nb_app_say(a, 0, "%s", nb_app_tr(a, "note added", "已添加批注"));
}

void nb_act_decide(nb_app *a, nb_decision state, const char *reason)
{
    nb_err err;
    int rc = nb_session_decide(&a->s, a->finding, state, reason, &err);
    after_change(a);
    if (rc != 0)
        nb_app_fail(a, &err);
    else
        nb_app_say(a, 0, "%s",
                   state == NB_DEC_OPEN ? nb_app_tr(a, "reopened", "已重新打开") : nb_decision_label(state, a->lang));
}

void nb_act_dismiss(nb_app *a)
{
    if (a->finding < 0)
        nb_act_decide(a, NB_DEC_DISMISSED, NULL); /* says no finding is selected */
    else if (writable(a))
        open_prompt(a, NB_MODE_REASON, "", 0);
}

void nb_act_undo(nb_app *a, int redo)
{
    nb_err err;
    int rc = redo ? nb_session_redo(&a->s, &err) : nb_session_undo(&a->s, &err);
    after_change(a);
    if (rc < 0)
        nb_app_fail(a, &err);
    else if (redo)
        nb_app_say(a, 0, "%s", rc ? nb_app_tr(a, "redone", "已重做") : nb_app_tr(a, "nothing to redo", "没有可重做的操作"));
    else
        nb_app_say(a, 0, "%s", rc ? nb_app_tr(a, "undone", "已撤销") : nb_app_tr(a, "nothing to undo", "没有可撤销的操作"));
}

/* The report changed on disk since it was read: the words for it. */
static const char *changed_words(const nb_app *a)
{
    return nb_app_tr(a, "the report changed on disk since it was opened; the review keeps to the version read",
                     "报告在打开后已在磁盘上被改动；审阅以打开时读取的版本为准");
}

int nb_act_save_as(nb_app *a, const char *path)
{
    nb_err err;
    if (nb_session_save_as(&a->s, path, &err) != 0)
        return nb_app_fail(a, &err);
    const char *where = path && *path ? path : a->s.review_path;
    if (nb_session_report_changed(&a->s)) {
        a->changed_said = 1;
        nb_app_say(a, 1, "%s %s; %s", nb_app_tr(a, "saved", "已保存"), where, changed_words(a));
    } else {
        nb_app_say(a, 0, "%s %s", nb_app_tr(a, "saved", "已保存"), where);
    }
    return 0;
}

int nb_act_save(nb_app *a)
{
    return nb_act_save_as(a, NULL);
}

void nb_act_watch(nb_app *a)
{
    if (!a->r || a->changed_said || !nb_session_report_changed(&a->s)) /* in the queue: no report open */
        return;
    a->changed_said = 1;
    nb_app_say(a, 1, "%s", changed_words(a));
}

void nb_act_recover(nb_app *a, int yes)
{
    if (!yes) {
        nb_session_discard(&a->s);
        nb_app_say(a, 0, "%s", nb_app_tr(a, "the unsaved work was discarded", "未保存的工作已丢弃"));
        return;
    }
    nb_err err;
    int rc = nb_session_recover(&a->s, &err);
    after_change(a);
    if (rc != 0)
        nb_app_fail(a, &err);
    else if (a->s.problems.n)
        nb_app_say(a, 1, "%s %zu %s; %zu %s", nb_app_tr(a, "recovered", "已恢复"), a->s.rv.n,
                   nb_app_tr(a, "entries: w to save them", "条：按 w 保存"), a->s.problems.n,
                   nb_app_tr(a, "no longer fit the report (REVIEW.STALE in F)", "条与报告现状不符（见 F 中的 REVIEW.STALE）"));
    else
        nb_app_say(a, 0, "%s %zu %s", nb_app_tr(a, "recovered", "已恢复"), a->s.rv.n,
                   nb_app_tr(a, "entries: w to save them", "条：按 w 保存"));
}

void nb_act_quit(nb_app *a)
{
    if (a->s.dirty)
        nb_app_push(a, NB_MODE_ASK_QUIT);
    else
        a->quit = 1;
}

void nb_act_quit_discarding(nb_app *a)
{
    if (a->s.dirty && !a->s.readonly)
        nb_session_discard(&a->s);
    a->quit = 1;
}
