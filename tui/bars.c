/* bars.c — the title and status lines (bars.h). */
#include "check/messages.h"
#include "bars.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "check/rules.h"
#include "queue.h"
#include "review/session.h"
#include "select.h"
#include "text/num.h"
#include "text/numerals.h"
#include "view.h"

static void counts(const nb_app *a, int *e, int *w, int *i)
{
    *e = *w = *i = 0;
    for (size_t k = 0; k < a->s.fs.n; k++) {
        if (a->s.fs.v[k].severity == NB_SEV_ERROR)
            (*e)++;
        else if (a->s.fs.v[k].severity == NB_SEV_WARNING)
            (*w)++;
        else
            (*i)++;
    }
}

void nb_bars_title(const nb_app *a, nb_screen *s)
{
    int e, w, i;
    counts(a, &e, &w, &i);
    char b[512];
    const char *agency = a->r->agency[0] ? a->r->agency : "?";
    if (a->lang == NB_LANG_ZH)
        snprintf(b, sizeof b, " nianbao  %s  %d年（%d格式）  %d 错误 %d 警告 %d 提示", agency, a->r->year, a->r->format,
                 e, w, i);
    else
        snprintf(b, sizeof b, " nianbao  %s  %d  (%d format)  %d errors %d warnings %d info", agency, a->r->year,
                 a->r->format, e, w, i);
    nb_screen_fill(s, 0, 0, s->w, ' ', NB_R_STATUS);
    nb_screen_put(s, 0, 0, b, strlen(b), s->w, NB_R_STATUS, 1);
}

/* The report's file name, its end kept (its number) when it is long. */
static void file_name(const nb_app *a, char *out, size_t cap)
{
    const char *path = a->r->doc.path, *file = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t fl = strlen(file);
    if (nb_display_cols(file, fl, 0) <= 24) {
        snprintf(out, cap, "%s", file);
        return;
    }
    const char *tail = file + fl;
    while (tail > file && nb_display_cols(tail, (size_t)(file + fl - tail), 0) < 23)
        tail--;
    while (tail < file + fl && (((unsigned char)*tail) & 0xC0) == 0x80)
        tail++;
    snprintf(out, cap, "…%s", tail);
}

/* "ID = value (status)" of the selected cell, or "". */
static void cell_part(const nb_app *a, char *out, size_t cap)
{
    out[0] = '\0';
    int ci = nb_selected_cell(a);
    if (ci < 0)
        return;
    char id[96], v[64] = "";
    nb_schema_cell_id(a->r->schema, ci, id, sizeof id);
    const nb_cell *c = &a->r->cells[ci];
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
        nb_num_format(c->num, v, sizeof v);
    else if (c->status != NB_ST_MISSING)
        snprintf(v, sizeof v, "\"%.*s\"", (int)(c->len < 20 ? c->len : 20), a->r->doc.text + c->off);
    snprintf(out, cap, "%s = %s (%s)", id, v[0] ? v : "—", nb_status_name(c->status));
}

/* The counter of findings and what follows it: the message, else the
 * current finding's text, else a hint. */
static void counter_part(const nb_app *a, char *counter, size_t ccap, char *rest, size_t rcap)
{
    rest[0] = '\0';
    if (a->finding >= 0) {
        int n;
        const nb_rule *rules = nb_rules(&n);
        const nb_finding *f = &a->s.fs.v[a->finding];
        snprintf(counter, ccap, "%s %d/%zu %s", nb_app_tr(a, "finding", "问题"), a->finding + 1, a->s.fs.n,
                 rules[f->rule].id);
        if (!a->msg[0])
            nb_finding_message(a->r, f, a->lang, rest, rcap);
    } else {
        snprintf(counter, ccap, "%s %zu", nb_app_tr(a, "findings:", "问题："), a->s.fs.n);
        if (!a->msg[0])
            snprintf(rest, rcap, "%s", nb_app_tr(a, "] next  F list  ? help", "] 下一个  F 列表  ? 帮助"));
    }
    if (a->msg[0])
        snprintf(rest, rcap, "%s", a->msg);
}

/* " [confirmed]" or " [dismissed]" for the current finding, or "". */
static void decision_part(const nb_app *a, char *out, size_t cap)
{
    out[0] = '\0';
    if (a->finding < 0)
        return;
    const nb_rv_entry *d = nb_session_decision(&a->s, (size_t)a->finding);
    if (d && d->state != NB_DEC_OPEN)
        snprintf(out, cap, " [%s]",
                 d->state == NB_DEC_CONFIRMED ? nb_app_tr(a, "confirmed", "已确认") : nb_app_tr(a, "dismissed", "已驳回"));
}

void nb_bars_status(const nb_app *a, nb_screen *s)
{
    int y = s->h - 1;
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    /* the counter first: on a narrow screen the message is what gets cut */
    char fname[64], cellpart[256], counter[160] = "", rest[1200], decision[64], b[1600];
    file_name(a, fname, sizeof fname);
    cell_part(a, cellpart, sizeof cellpart);
    counter_part(a, counter, sizeof counter, rest, sizeof rest);
    decision_part(a, decision, sizeof decision);
    const char *state = a->s.readonly ? nb_app_tr(a, " [read-only]", " [只读]") : a->s.dirty ? " [+]" : "";
    if (nb_queue_says_first(a)) /* in a queue the message first: stepping across reports says so */
        snprintf(b, sizeof b, " %s%s │ %s%s │ %s │ %s", fname, state, counter, decision, rest, cellpart);
    else
        snprintf(b, sizeof b, " %s%s │ %s%s │ %s │ %s", fname, state, counter, decision, cellpart, rest);
    nb_screen_put(s, y, 0, b, strlen(b), s->w, a->msg_error ? NB_R_ERROR : NB_R_STATUS, 1);
}
