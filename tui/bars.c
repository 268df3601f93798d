/* bars.c — the title and status lines (bars.h); the title marks a report
 * changed on disk since it was read. */
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
#include "names.h"
#include "review/review.h"
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

/* The report changed on disk since it was read (and said once): a mark on
 * the title line after its counts (at its end over the body's name when
 * there is no room), until the report is read again. */
static void changed_mark(const nb_app *a, nb_screen *s, int used)
{
    if (!a->changed_said)
        return;
    const char *m = nb_app_tr(a, "[report changed on disk]", "[报告已在磁盘上改动]");
    int cols = (int)nb_display_cols(m, strlen(m), 0), x = used + 2;
    if (x + cols > s->w)
        x = s->w > cols ? s->w - cols : 0;
    nb_screen_put(s, 0, x, m, strlen(m), s->w - x, NB_R_WARNING, 1);
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
        snprintf(b, sizeof b, " nianbao  %s  %d  (%d format)  %d error%s %d warning%s %d info", agency, a->r->year,
                 a->r->format, e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", i);
    nb_screen_fill(s, 0, 0, s->w, ' ', NB_R_STATUS);
    nb_screen_put(s, 0, 0, b, strlen(b), s->w, NB_R_STATUS, 1);
    changed_mark(a, s, (int)nb_display_cols(b, strlen(b), 0));
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

/* The selected cell: "ID = value (status)"; under zh named by its label,
 * "规章（现行有效件数）= 0（数字） t2.regulation.in_force", its ID a side
 * field; or "". */
static void cell_part(const nb_app *a, char *out, size_t cap)
{
    out[0] = '\0';
    int ci = nb_selected_cell(a);
    if (ci < 0)
        return;
    char id[96], v[64] = "", label[320];
    nb_schema_cell_id(a->r->schema, ci, id, sizeof id);
    const nb_cell *c = &a->r->cells[ci];
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
        nb_num_format(c->num, v, sizeof v);
    else if (c->status != NB_ST_MISSING)
        nb_quote_text(a->lang, a->r->doc.text + c->off, c->len, 20, v, sizeof v);
    const char *status = nb_status_label(c->status, a->lang);
    if (a->lang == NB_LANG_ZH) {
        nb_cell_label(a->r->schema, ci, a->lang, label, sizeof label);
        snprintf(out, cap, "%s = %s（%s） %s", label, v[0] ? v : "—", status, id);
    } else {
        snprintf(out, cap, "%s = %s (%s)", id, v[0] ? v : "—", status);
    }
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
        snprintf(out, cap, " [%s]", nb_decision_label(d->state, a->lang));
}

/* The status line up to the message: file, counter, decision and (with
 * cell) the selected cell; returns its length. */
static int status_head(const nb_app *a, int cell, char *b, size_t cap)
{
    char fname[64], cellpart[512] = "", counter[160] = "", rest[8], decision[64];
    file_name(a, fname, sizeof fname);
    if (cell)
        cell_part(a, cellpart, sizeof cellpart);
    counter_part(a, counter, sizeof counter, rest, sizeof rest);
    decision_part(a, decision, sizeof decision);
    const char *state = a->s.readonly ? nb_app_tr(a, " [read-only]", " [只读]") : a->s.dirty ? " [+]" : "";
    int k = snprintf(b, cap, " %s%s │ %s%s%s%s", fname, state, counter, decision, cell ? " │ " : "", cellpart);
    return k < 0 ? 0 : (size_t)k < cap ? k : (int)cap - 1;
}

/* Whether the message fits on the status line after a head with (cell)
 * or without the selected cell. */
static int message_fits(const nb_app *a, const nb_screen *s, int cell)
{
    char b[1024];
    int k = status_head(a, cell, b, sizeof b);
    return (int)nb_display_cols(b, (size_t)k, 0) + 3 + (int)nb_display_cols(a->msg, strlen(a->msg), 0) <= s->w;
}

int nb_bars_room(const nb_app *a, int w)
{
    char b[1024];
    int k = status_head(a, 0, b, sizeof b);
    return w - (int)nb_display_cols(b, (size_t)k, 0) - 3;
}

void nb_bars_status(const nb_app *a, nb_screen *s)
{
    int y = s->h - 1;
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    /* the counter first: on a narrow screen the message is what gets cut;
     * a message that fits without the cell is shown instead of it; one
     * longer still is wrapped above (nb_bars_message) */
    char b[2400], counter[160], rest[1200];
    int cell = !a->msg[0] || message_fits(a, s, 1) || !message_fits(a, s, 0);
    int k = status_head(a, cell, b, 1024);
    counter_part(a, counter, sizeof counter, rest, sizeof rest);
    if (!a->msg[0] || message_fits(a, s, 0))
        snprintf(b + k, sizeof b - (size_t)k, " │ %s", rest);
    nb_screen_put(s, y, 0, b, strlen(b), s->w, a->msg_error ? NB_R_ERROR : NB_R_STATUS, 1);
}

void nb_bars_message(const nb_app *a, nb_screen *s)
{
    if (!a->msg[0] || message_fits(a, s, 0))
        return;
    size_t n = strlen(a->msg);
    int rows = nb_text_rows(a->msg, n, s->w - 2);
    if (rows > s->h / 3)
        rows = s->h / 3;
    nb_role role = a->msg_error ? NB_R_ERROR : NB_R_STATUS;
    for (int y = s->h - 1 - rows; y < s->h - 1; y++)
        nb_screen_fill(s, y, 0, s->w, ' ', role);
    nb_screen_wrap(s, s->h - 1 - rows, 1, s->w - 2, rows, a->msg, n, role);
}
