/* prompt.c — the prompt view (prompt.h): the line editor on the status
 * line under a label; Enter hands the text to what the prompt is for. A
 * reason's prompt recalls the reasons given before (Up, Down). */
#include "prompt.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "bars.h"
#include "base/utf8.h"
#include "commands.h"
#include "lineedit.h"
#include "names.h"
#include "select.h"
#include "view.h"

void nb_prompt_open(nb_app *a, int mode)
{
    nb_lineedit_set(&a->in, "", 0);
    nb_app_push(a, mode);
}

/* The back-th reason given before (1: the latest), each once, or NULL. */
static const char *earlier_reason(const nb_app *a, int back)
{
    for (size_t i = a->s.rv.n; i-- > 0;) {
        const nb_rv_entry *e = &a->s.rv.v[i];
        if (e->kind != NB_RV_DECIDE || e->state != NB_DEC_DISMISSED || !e->text || !*e->text)
            continue;
        int again = 0;
        for (size_t j = i + 1; j < a->s.rv.n && !again; j++)
            again = a->s.rv.v[j].kind == NB_RV_DECIDE && a->s.rv.v[j].text && !strcmp(a->s.rv.v[j].text, e->text);
        if (!again && --back == 0)
            return e->text;
    }
    return NULL;
}

/* Up, Down in the reason prompt: an earlier reason, or back to none. */
static void recall_reason(nb_app *a, int d)
{
    const char *r = earlier_reason(a, a->reason_back + d);
    if (a->reason_back + d <= 0) {
        a->reason_back = 0;
        nb_lineedit_set(&a->in, "", 0);
    } else if (r) {
        a->reason_back += d;
        nb_lineedit_set(&a->in, r, strlen(r));
    }
}

/* "dismissed because: ", for several findings "dismiss 12 findings
 * because: ", with a hint (when hint) when there are reasons to recall. */
static void reason_label(const nb_app *a, int hint, char *out, size_t cap)
{
    int recall = hint && earlier_reason(a, 1) != NULL;
    if (a->lang == NB_LANG_ZH) {
        char what[64] = "驳回";
        if (a->ndecide > 1)
            snprintf(what, sizeof what, "驳回 %d 个问题的", a->ndecide);
        snprintf(out, cap, "%s理由%s：", what, recall ? "（Up 调出之前的理由）" : "");
    } else {
        char what[64] = "dismissed";
        if (a->ndecide > 1)
            snprintf(what, sizeof what, "dismiss %d findings", a->ndecide);
        snprintf(out, cap, "%s because%s: ", what, recall ? " (Up: earlier reasons)" : "");
    }
}

/* The label before the text: what is being typed (a reason's with the
 * hint when hint). */
static void label_of(const nb_app *a, int hint, char *out, size_t cap)
{
    char id[320];
    int mode = nb_app_mode(a);
    if (mode == NB_MODE_EDIT) { /* the cell by its label under zh, its ID in English */
        nb_cell_label(a->r->schema, a->edit_cell, a->lang, id, sizeof id);
        if (a->msg_error && a->msg[0]) /* a value refused: why, while it is mended */
            snprintf(out, cap, nb_app_tr(a, "value of %s (%s): ", "更正 %s（%s）："), id, a->msg);
        else
            snprintf(out, cap, nb_app_tr(a, "value of %s: ", "更正 %s："), id);
    } else if (mode == NB_MODE_REASON) {
        reason_label(a, hint, out, cap);
    } else if (mode == NB_MODE_NOTE) {
        int n;
        const nb_rule *rules = nb_rules(&n);
        if (a->note_cell >= 0)
            nb_cell_label(a->r->schema, a->note_cell, a->lang, id, sizeof id);
        else
            snprintf(id, sizeof id, "%s", rules[a->s.fs.v[a->note_finding].rule].id);
        snprintf(out, cap, nb_app_tr(a, "note on %s: ", "批注 %s："), id);
    } else {
        snprintf(out, cap, "%c", mode == NB_MODE_PROMPT ? ':' : '/');
    }
}

static int cols_of(const char *t)
{
    return (int)nb_display_cols(t, strlen(t), 0);
}

/* label cut to cols display columns with "…" (nb_bars_cut), its closing
 * ": " or "：" kept. */
static void cut_label(const char *label, int cols, char *out, size_t cap)
{
    size_t n = strlen(label), end = n;
    if (end >= 2 && !strcmp(label + end - 2, ": "))
        end -= 2;
    else if (end >= 3 && !strcmp(label + end - 3, "："))
        end -= 3;
    char head[1024], cut[1024];
    snprintf(head, sizeof head, "%.*s", (int)end, label);
    nb_bars_cut(head, cols - cols_of(label + end), cut, sizeof cut);
    snprintf(out, cap, "%s%s", cut, label + end);
}

/* The prompt on the status line, the text typed given at least
 * NB_TYPING columns: a label longer than leaves them (a reason's without
 * its hint first) is cut with "…" there and shown whole above. The
 * message goes above it, but a refused value's (in the label) and none
 * while typing a command or a search. */
enum { NB_TYPING = 16 };

static void draw(const nb_app *a, nb_screen *s)
{
    char label[1024], shown[1024];
    int mode = nb_app_mode(a), y = s->h - 1, room = s->w - NB_TYPING;
    label_of(a, 1, label, sizeof label);
    label_of(a, 0, shown, sizeof shown);
    if (cols_of(label) <= room) {
        nb_lineedit_draw(&a->in, s, y, label);
    } else {
        if (cols_of(shown) > room) {
            char full[1024];
            snprintf(full, sizeof full, "%s", shown);
            cut_label(full, room, shown, sizeof shown);
        }
        nb_lineedit_draw(&a->in, s, y, shown);
        y -= nb_bars_above(s, y, label, NB_R_STATUS, NB_R_STATUS, 0);
    }
    if (mode != NB_MODE_PROMPT && mode != NB_MODE_SEARCH && !(mode == NB_MODE_EDIT && a->msg_error))
        nb_bars_message_above(a, s, y);
}

/* Enter: the prompt closes and its text goes where it was meant for. */
static void commit(nb_app *a)
{
    int mode = nb_app_mode(a);
    const char *text = nb_lineedit_text(&a->in);
    nb_app_pop(a);
    switch (mode) {
    case NB_MODE_PROMPT: nb_app_command(a, text); break;
    case NB_MODE_EDIT: nb_act_edit_commit(a, text); break;
    case NB_MODE_REASON:
        if (a->ndecide) /* the list's findings */
            nb_findings_decide(a, NB_DEC_DISMISSED, text);
        else
            nb_act_decide(a, NB_DEC_DISMISSED, text);
        break;
    case NB_MODE_NOTE: nb_act_note_commit(a, text); break;
    default:
        if (*text)
            nb_search_for(a, text);
        break;
    }
}

static void key(nb_app *a, nb_request rq, int k)
{
    int mode = nb_app_mode(a);
    if (rq == NB_REQ_ED_CANCEL || rq == NB_REQ_ED_ENTER)
        a->reason_back = 0;
    switch (rq) {
    case NB_REQ_ED_CANCEL:
        nb_app_pop(a);
        a->ndecide = 0; /* no decision after all */
        break;
    case NB_REQ_ED_ENTER: commit(a); break;
    case NB_REQ_ED_HISTORY_PREV:
    case NB_REQ_ED_HISTORY_NEXT:
        if (mode == NB_MODE_REASON)
            recall_reason(a, rq == NB_REQ_ED_HISTORY_PREV ? 1 : -1);
        break;
    case NB_REQ_ED_NEWLINE: /* a line break inside a note */
        if (mode == NB_MODE_NOTE)
            nb_lineedit_insert(&a->in, '\n');
        break;
    case NB_REQ_ED_BACKSPACE: /* on an empty : or / line, closes it */
        if (!a->in.len && (mode == NB_MODE_PROMPT || mode == NB_MODE_SEARCH))
            nb_app_pop(a);
        else
            nb_lineedit_key(&a->in, rq, k);
        break;
    default: nb_lineedit_key(&a->in, rq, k); break;
    }
}

const nb_view nb_view_prompt = {NB_KM_EDITOR, 0, draw, key, NULL};
