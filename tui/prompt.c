/* prompt.c — the prompt view (prompt.h): the line editor on the status
 * line under a label; Enter hands the text to what the prompt is for. */
#include "prompt.h"

#include <stdio.h>

#include "actions.h"
#include "commands.h"
#include "lineedit.h"
#include "select.h"
#include "view.h"

void nb_prompt_open(nb_app *a, int mode)
{
    nb_lineedit_set(&a->in, "", 0);
    nb_app_push(a, mode);
}

/* The label before the text: what is being typed. */
static void label_of(const nb_app *a, char *out, size_t cap)
{
    char id[96];
    int mode = nb_app_mode(a);
    if (mode == NB_MODE_EDIT) {
        nb_schema_cell_id(a->r->schema, a->edit_cell, id, sizeof id);
        snprintf(out, cap, "%s %s: ", nb_app_tr(a, "value of", "更正"), id);
    } else if (mode == NB_MODE_REASON) {
        snprintf(out, cap, "%s", nb_app_tr(a, "dismissed because: ", "驳回理由："));
    } else if (mode == NB_MODE_NOTE) {
        int n;
        const nb_rule *rules = nb_rules(&n);
        if (a->note_cell >= 0)
            nb_schema_cell_id(a->r->schema, a->note_cell, id, sizeof id);
        else
            snprintf(id, sizeof id, "%s", rules[a->s.fs.v[a->note_finding].rule].id);
        snprintf(out, cap, "%s %s: ", nb_app_tr(a, "note on", "批注"), id);
    } else {
        snprintf(out, cap, "%c", mode == NB_MODE_PROMPT ? ':' : '/');
    }
}

static void draw(const nb_app *a, nb_screen *s)
{
    char label[160];
    label_of(a, label, sizeof label);
    nb_lineedit_draw(&a->in, s, s->h - 1, label);
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
    case NB_MODE_REASON: nb_act_decide(a, NB_DEC_DISMISSED, text); break;
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
    switch (rq) {
    case NB_REQ_ED_CANCEL: nb_app_pop(a); break;
    case NB_REQ_ED_ENTER: commit(a); break;
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
