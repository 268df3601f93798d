/* actions.c — the review's keys and commands (actions.h): the session does
 * the work, the console says what came of it: a value the cell cannot hold
 * is said and left in the editor to mend, a journal that cannot be written
 * is said (and app.c keeps saying it until a write succeeds), a report
 * changed on disk is said once (and marked on the title line, bars.c). The
 * current finding is followed through a change by its fingerprint; when
 * the change made it go, the one now in its place is named with its
 * message, so that c and d never act on a finding the reviewer has not
 * been shown. */
#include "actions.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bars.h"
#include "base/utf8.h"
#include "check/messages.h"
#include "lineedit.h"
#include "names.h"
#include "review/session.h"
#include "select.h"
#include "text/num.h"
#include "view.h"

/* The findings before a change (a shallow copy, as session.c keeps fs0),
 * and the current one's place and fingerprint. */
typedef struct before {
    nb_findings fs;
    int ok;      /* the copy was made */
    int finding;
    char fp[24];
} before;

static void take_before(const nb_app *a, before *b)
{
    memset(b, 0, sizeof *b);
    b->finding = a->finding;
    if (a->finding >= 0)
        nb_finding_fingerprint(a->r, &a->s.fs.v[a->finding], b->fp);
    b->ok = !a->s.fs.n || (b->fs.v = malloc(a->s.fs.n * sizeof *b->fs.v)) != NULL;
    if (b->ok && a->s.fs.n) {
        memcpy(b->fs.v, a->s.fs.v, a->s.fs.n * sizeof *b->fs.v);
        b->fs.n = b->fs.cap = a->s.fs.n;
    }
}

/* After a change to the review: the current finding stays in range. */
static void after_change(nb_app *a)
{
    if (a->finding >= (int)a->s.fs.n)
        a->finding = a->s.fs.n ? (int)a->s.fs.n - 1 : -1;
}

/* After a change made from b: the current finding is the same one where
 * it still is; gone, the one now in its place is (returns 1). */
static int follow_finding(nb_app *a, const before *b)
{
    int k = b->fp[0] ? nb_session_find(&a->s, b->fp) : -1;
    if (k >= 0) {
        a->finding = k;
        return 0;
    }
    a->finding = b->finding;
    after_change(a);
    return b->fp[0] != '\0';
}

/* Append what fmt makes to out (cap bytes, *k of them used); cut between
 * characters when full. */
static void add(char *out, size_t cap, size_t *k, const char *fmt, ...)
{
    if (*k + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out + *k, cap - *k, fmt, ap);
    va_end(ap);
    if (n < 0)
        out[*k] = '\0';
    else if ((size_t)n >= cap - *k)
        out[nb_utf8_whole(out, cap - 1)] = '\0';
    *k = strlen(out);
}

/* The current finding named after a change made it go: "; now 2/5:
 * MESSAGE", the message cut to what is left of the status line (of two
 * rows when the message is wrapped above it anyway). */
static void add_selected(nb_app *a, char *out, size_t cap, size_t *k)
{
    if (a->finding < 0) {
        add(out, cap, k, "%s", nb_app_tr(a, "; no finding left", "；已无问题"));
        return;
    }
    add(out, cap, k, nb_app_tr(a, "; now %d/%zu: ", "；当前 %d/%zu："), a->finding + 1, a->s.fs.n);
    char m[1024];
    nb_finding_message(a->r, &a->s.fs.v[a->finding], a->lang, m, sizeof m);
    int used = (int)nb_display_cols(out, *k, 0), room = nb_bars_room(a, a->scr.w) - used;
    if (room < 20) /* wrapped above the status line: two rows of it */
        room = 2 * (a->scr.w - 2) - used - 4;
    char cut[1024];
    nb_bars_cut(m, room >= 20 ? room : 20, cut, sizeof cut);
    add(out, cap, k, "%s", cut);
}

/* At most this many findings are named in a message; the rest counted. */
#define NAMED 2

/* Name findings idx[0, min(n, NAMED)) of fs, n in all: "CELL.BLANK
 * t2.regulation.in_force, T3.BALANCE t3.new.total +2" (the rule and the
 * cell most likely wrong, or the first it names). */
static void add_names(const nb_app *a, const nb_findings *fs, const int *idx, int n, char *out, size_t cap, size_t *k)
{
    int nr;
    const nb_rule *rules = nb_rules(&nr);
    for (int i = 0; i < n && i < NAMED; i++) {
        const nb_finding *f = &fs->v[idx[i]];
        int ci = f->suspect >= 0 ? f->suspect : f->ncells ? f->cells[0] : -1;
        char id[96] = "";
        if (ci >= 0)
            nb_schema_cell_id(a->r->schema, ci, id, sizeof id);
        add(out, cap, k, "%s%s%s%s", i ? nb_app_tr(a, ", ", "，") : "", rules[f->rule].id, id[0] ? " " : "", id);
    }
    if (n > NAMED)
        add(out, cap, k, " +%d", n - NAMED);
}

/* What a change made from b did to the findings: the ones it resolved and
 * the ones it brought, "; resolved 1: CELL.BLANK t2.regulation.in_force;
 * new 2: T3.BALANCE t3.new.total, T3.ROW_TOTAL t3.new.natural" (nothing of
 * a kind there is none of). */
static void add_outcome(const nb_app *a, const before *b, char *out, size_t cap, size_t *k)
{
    int gone[NAMED], came[NAMED];
    int ng = b->ok ? nb_session_findings_gone(&a->s, &b->fs, &a->s.fs, gone, NAMED) : -1;
    int nc = b->ok ? nb_session_findings_gone(&a->s, &a->s.fs, &b->fs, came, NAMED) : -1;
    if (ng > 0) {
        add(out, cap, k, nb_app_tr(a, "; resolved %d: ", "；消除 %d 个："), ng);
        add_names(a, &b->fs, gone, ng, out, cap, k);
    }
    if (nc > 0) {
        add(out, cap, k, nb_app_tr(a, "; new %d: ", "；新增 %d 个："), nc);
        add_names(a, &a->s.fs, came, nc, out, cap, k);
    }
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

/* What a correction (or its clearing) of cell ci made from b came to, on
 * the status line: the findings it resolved and those it brought, and the
 * one now current when the current one was among the resolved. */
static void say_corrected(nb_app *a, int ci, int rc, const nb_err *err, const before *b)
{
    int moved = follow_finding(a, b);
    if (rc != 0) {
        nb_app_fail(a, err);
        return;
    }
    const nb_rv_entry *e = &a->s.rv.v[a->s.rv.n - 1];
    char cell[320]; /* under zh the cell by its label */
    nb_cell_label(a->r->schema, ci, a->lang, cell, sizeof cell);
    char m[sizeof a->msg];
    size_t k = 0;
    m[0] = '\0';
    if (!strcmp(e->value, NB_RV_CLEARED))
        add(m, sizeof m, &k, "%s %s", cell, nb_app_tr(a, "is back to the report's own value", "已恢复为报告原值"));
    else
        add(m, sizeof m, &k, "%s %s = %s", nb_app_tr(a, "corrected", "已更正"), cell, e->value);
    add_outcome(a, b, m, sizeof m, &k);
    if (moved)
        add_selected(a, m, sizeof m, &k);
    nb_app_say(a, 0, "%s", m);
}

void nb_act_edit_commit(nb_app *a, const char *text)
{
    nb_err err;
    if (*text && nb_session_valid_value(&a->s, a->edit_cell, text, &err) != 0) {
        open_prompt(a, NB_MODE_EDIT, text, strlen(text)); /* left in the editor to mend */
        nb_app_fail(a, &err);
        return;
    }
    before b;
    take_before(a, &b);
    int rc = nb_session_correct(&a->s, a->edit_cell, text, &err);
    say_corrected(a, a->edit_cell, rc, &err, &b);
    nb_findings_free(&b.fs);
}

void nb_act_clear(nb_app *a)
{
    int ci = nb_selected_cell(a);
    if (ci < 0) {
        nb_app_say(a, 1, "%s", nb_app_tr(a, "no cell selected", "未选中单元格"));
        return;
    }
    nb_err err;
    before b;
    take_before(a, &b);
    int rc = nb_session_clear(&a->s, ci, &err);
    say_corrected(a, ci, rc, &err, &b);
    nb_findings_free(&b.fs);
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
    before b;
    take_before(a, &b);
    int rc = redo ? nb_session_redo(&a->s, &err) : nb_session_undo(&a->s, &err);
    int moved = follow_finding(a, &b);
    nb_findings_free(&b.fs);
    char m[sizeof a->msg];
    size_t k = 0;
    m[0] = '\0';
    if (rc < 0) {
        nb_app_fail(a, &err);
        return;
    }
    if (redo)
        add(m, sizeof m, &k, "%s", rc ? nb_app_tr(a, "redone", "已重做") : nb_app_tr(a, "nothing to redo", "没有可重做的操作"));
    else
        add(m, sizeof m, &k, "%s", rc ? nb_app_tr(a, "undone", "已撤销") : nb_app_tr(a, "nothing to undo", "没有可撤销的操作"));
    if (moved)
        add_selected(a, m, sizeof m, &k);
    nb_app_say(a, 0, "%s", m);
}

/* The report changed on disk since it was read: the words for it. */
static const char *changed_words(const nb_app *a)
{
    return nb_app_tr(a, "the report changed on disk since it was opened; the review keeps to the version read (:e reads it again)",
                     "报告在打开后已在磁盘上被改动；审阅以打开时读取的版本为准（:e 重新读取）");
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
    int c, n, d, undone; /* the unsaved work, as the question counted it */
    nb_session_pending_count(&a->s, &c, &n, &d, &undone);
    int unsaved = c + n + d + undone;
    const char *words = nb_app_tr(a, unsaved == 1 ? "unsaved change: w to save it" : "unsaved changes: w to save them",
                                  "处未保存的改动：按 w 保存");
    int rc = nb_session_recover(&a->s, &err);
    after_change(a);
    if (rc != 0)
        nb_app_fail(a, &err);
    else if (a->s.problems.n)
        nb_app_say(a, 1, "%s %d %s; %zu %s", nb_app_tr(a, "recovered", "已恢复"), unsaved, words, a->s.problems.n,
                   nb_app_tr(a, "entries no longer fit the report (REVIEW.STALE in F)",
                             "条与报告现状不符（见 F 中的 REVIEW.STALE）"));
    else
        nb_app_say(a, 0, "%s %d %s", nb_app_tr(a, "recovered", "已恢复"), unsaved, words);
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
