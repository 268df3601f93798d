/* bars.c — the title and status lines (bars.h); the title marks a report
 * changed on disk since it was read. */
#include "check/messages.h"
#include "bars.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "check/rules.h"
#include "out/metrics.h"
#include "queue.h"
#include "review/session.h"
#include "select.h"
#include "text/num.h"
#include "text/numerals.h"
#include "names.h"
#include "review/review.h"
#include "view.h"

/* The findings by severity as check counts them (the dismissed ones not
 * among them), and the dismissed ones: "0 errors 3 warnings 0 info · 125
 * dismissed" under the review's decisions. */
static void title_counts(const nb_app *a, char *out, size_t cap)
{
    long cnt[3];
    nb_metrics_count(a->r, &a->s.fs, &a->s.rv, cnt);
    long e = cnt[NB_SEV_ERROR], w = cnt[NB_SEV_WARNING], i = cnt[NB_SEV_INFO];
    long dismissed = (long)a->s.fs.n - e - w - i;
    int n;
    if (a->lang == NB_LANG_ZH)
        n = snprintf(out, cap, "%ld 错误 %ld 警告 %ld 提示", e, w, i);
    else
        n = snprintf(out, cap, "%ld error%s %ld warning%s %ld info", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", i);
    if (dismissed > 0 && n > 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, nb_app_tr(a, " · %ld dismissed", " · %ld 已驳回"), dismissed);
}

/* The mark of a report changed on disk since it was read (and said once),
 * until the report is read again; NULL when it has not changed. */
static const char *changed_mark(const nb_app *a)
{
    return a->changed_said ? nb_app_tr(a, "[report changed on disk]", "[报告已在磁盘上改动]") : NULL;
}

/* The mark on the title line after its counts (at its end when there is
 * no room). */
static void put_changed_mark(const nb_app *a, nb_screen *s, int used)
{
    const char *m = changed_mark(a);
    if (!m)
        return;
    int cols = (int)nb_display_cols(m, strlen(m), 0), x = used + 2;
    if (x + cols > s->w)
        x = s->w > cols ? s->w - cols : 0;
    nb_screen_put(s, 0, x, m, strlen(m), s->w - x, NB_R_WARNING, 1);
}

/* The title: the body, the year and format, the counts (and the changed
 * mark); where they do not fit, the program's name left out, then the
 * format, and the body cut with "…", so that the counts stay in view. */
void nb_bars_title(const nb_app *a, nb_screen *s)
{
    char c[160], tail[256], whole[310], agency[320], b[1024];
    title_counts(a, c, sizeof c);
    if (a->lang == NB_LANG_ZH)
        snprintf(tail, sizeof tail, "  %d年（%d格式）  %s", a->r->year, a->r->format, c);
    else
        snprintf(tail, sizeof tail, "  %d  (%d format)  %s", a->r->year, a->r->format, c);
    snprintf(whole, sizeof whole, "%.300s", a->r->agency[0] ? a->r->agency : "?");
    const char *head = " nianbao  ", *mark = changed_mark(a);
    int tail_cols = (int)nb_display_cols(tail, strlen(tail), 0) + (mark ? 2 + (int)nb_display_cols(mark, strlen(mark), 0) : 0);
    int room = s->w - (int)strlen(head) - tail_cols;
    if (room < 6) { /* the program's name gives way first */
        head = " ";
        room = s->w - 1 - tail_cols;
    }
    if (room < 6) { /* then the format */
        int cut = (int)nb_display_cols(tail, strlen(tail), 0);
        snprintf(tail, sizeof tail, a->lang == NB_LANG_ZH ? "  %d年  %s" : "  %d  %s", a->r->year, c);
        tail_cols -= cut - (int)nb_display_cols(tail, strlen(tail), 0);
        room = s->w - 1 - tail_cols;
    }
    if (room >= 3)
        nb_bars_cut(whole, room, agency, sizeof agency);
    else
        snprintf(agency, sizeof agency, "%s", whole);
    snprintf(b, sizeof b, "%s%s%s", head, agency, tail);
    nb_screen_fill(s, 0, 0, s->w, ' ', NB_R_STATUS);
    nb_screen_put(s, 0, 0, b, strlen(b), s->w, NB_R_STATUS, 1);
    put_changed_mark(a, s, (int)nb_display_cols(b, strlen(b), 0));
}

/* The report's file name in at most max columns, its end kept (its
 * number) when it is longer. */
static void file_name(const nb_app *a, int max, char *out, size_t cap)
{
    const char *path = a->r->doc.path, *file = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t fl = strlen(file);
    if ((int)nb_display_cols(file, fl, 0) <= max) {
        snprintf(out, cap, "%s", file);
        return;
    }
    const char *tail = file + fl;
    while (tail > file && (int)nb_display_cols(tail, (size_t)(file + fl - tail), 0) < max - 1)
        tail--;
    while (tail < file + fl && (((unsigned char)*tail) & 0xC0) == 0x80)
        tail++;
    snprintf(out, cap, "…%s", tail);
}

static int cols_of(const char *t)
{
    return (int)nb_display_cols(t, strlen(t), 0);
}

void nb_bars_cut(const char *t, int cols, char *out, size_t cap)
{
    if (cols_of(t) <= cols)
        snprintf(out, cap, "%s", t);
    else if (cols < 1)
        out[0] = '\0';
    else {
        size_t k = nb_text_fit(t, strlen(t), cols - 1);
        while (k && t[k - 1] == ' ') /* "…" right after a word */
            k--;
        snprintf(out, cap, "%.*s…", (int)k, t);
    }
}

/* The selected cell's parts: its ID, value ("—" when it has none), status
 * and (under zh) label; 0 when no cell is selected. */
typedef struct cell_words {
    char id[96], v[64], label[320];
    const char *status;
} cell_words;

static int cell_words_of(const nb_app *a, cell_words *w)
{
    int ci = nb_selected_cell(a);
    if (ci < 0)
        return 0;
    nb_schema_cell_id(a->r->schema, ci, w->id, sizeof w->id);
    const nb_cell *c = &a->r->cells[ci];
    w->v[0] = '\0';
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
        nb_num_format(c->num, w->v, sizeof w->v);
    else if (c->status != NB_ST_MISSING)
        nb_quote_text(a->lang, a->r->doc.text + c->off, c->len, 20, w->v, sizeof w->v);
    if (!w->v[0])
        snprintf(w->v, sizeof w->v, "—");
    w->status = nb_status_label(c->status, a->lang);
    w->label[0] = '\0';
    if (a->lang == NB_LANG_ZH)
        nb_cell_label(a->r->schema, ci, a->lang, w->label, sizeof w->label);
    return 1;
}

/* The narrowest the cell is shown: "ID = value". */
static int cell_min_cols(const cell_words *w)
{
    return cols_of(w->id) + 3 + cols_of(w->v);
}

/* The selected cell in at most room columns: "ID = value (status)"; under
 * zh named by its label, "规章（现行有效件数）= 0（数字） t2.regulation.in_force",
 * its ID a side field, the label cut with "…" where it does not fit, then
 * the status left out; narrower still "ID = value", the ID cut with "…":
 * the ID and the value stay in view. */
static void cell_part(const cell_words *w, nb_lang lang, int room, char *out, size_t cap)
{
    char tail[256], label[330];
    if (lang == NB_LANG_ZH) {
        for (int with_status = 1; with_status >= 0; with_status--) {
            if (with_status)
                snprintf(tail, sizeof tail, " = %s（%s） %s", w->v, w->status, w->id);
            else
                snprintf(tail, sizeof tail, " = %s %s", w->v, w->id);
            int left = room - cols_of(tail);
            if (left >= cols_of(w->label) || (with_status == 0 && left >= 5) || left >= 9) {
                nb_bars_cut(w->label, left, label, sizeof label);
                snprintf(out, cap, "%s%s", label, tail);
                return;
            }
        }
    } else {
        snprintf(out, cap, "%s = %s (%s)", w->id, w->v, w->status);
        if (cols_of(out) <= room)
            return;
    }
    snprintf(tail, sizeof tail, " = %s", w->v);
    char id[100];
    nb_bars_cut(w->id, room - cols_of(tail), id, sizeof id);
    snprintf(out, cap, "%s%s", id, tail);
}

/* The counter of findings and what follows it: the message, else the
 * current finding's text, else a hint. Terse: "3/9 RULE", without the
 * word "finding" (a narrow screen). */
static void counter_part(const nb_app *a, int terse, char *counter, size_t ccap, char *rest, size_t rcap)
{
    rest[0] = '\0';
    if (a->finding >= 0) {
        int n;
        const nb_rule *rules = nb_rules(&n);
        const nb_finding *f = &a->s.fs.v[a->finding];
        snprintf(counter, ccap, "%s%s%d/%zu %s", terse ? "" : nb_app_tr(a, "finding", "问题"), terse ? "" : " ",
                 a->finding + 1, a->s.fs.n, rules[f->rule].id);
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
 * cell) the selected cell, in w columns (INT_MAX: whole) where it can:
 * the cell's label, then its status, then the file name's start, the word
 * "finding" and the file name (its state kept) give way to the cell's ID
 * and value, cut only when they do not fit even then; returns its length. */
static int status_head(const nb_app *a, int cell, int w, char *b, size_t cap)
{
    char fname[64], cellpart[512] = "", counter[160] = "", rest[8], decision[64], head[400];
    decision_part(a, decision, sizeof decision);
    const char *state = a->s.readonly ? nb_app_tr(a, " [read-only]", " [只读]") : a->s.dirty ? " [+]" : "";
    cell_words cw;
    cell = cell && cell_words_of(a, &cw);
    int fmax = 24;
    for (int pass = 0; pass < 4; pass++) { /* whole; the file name's start; terse; no file name */
        counter_part(a, pass >= 2, counter, sizeof counter, rest, sizeof rest);
        file_name(a, fmax, fname, sizeof fname);
        if (pass == 3 && *state)
            snprintf(head, sizeof head, "%s │ %s%s", state, counter, decision);
        else if (pass == 3)
            snprintf(head, sizeof head, " %s%s", counter, decision);
        else
            snprintf(head, sizeof head, " %s%s │ %s%s", fname, state, counter, decision);
        if (!cell)
            break;
        int room = w == INT_MAX ? INT_MAX : w - cols_of(head) - 3, short_by = cell_min_cols(&cw) - room;
        if (pass == 0 && short_by > 0 && cols_of(fname) > 8) /* the file name's start gives way */
            fmax = cols_of(fname) - short_by > 8 ? cols_of(fname) - short_by : 8;
        if (pass < 3 && short_by > 0)
            continue;
        cell_part(&cw, a->lang, room, cellpart, sizeof cellpart);
        break;
    }
    int k = snprintf(b, cap, "%s%s%s", head, cellpart[0] ? " │ " : "", cellpart);
    return k < 0 ? 0 : (size_t)k < cap ? k : (int)cap - 1;
}

/* Whether the message fits on the status line after a head with (cell)
 * or without the selected cell. */
static int message_fits(const nb_app *a, const nb_screen *s, int cell)
{
    char b[1024];
    int k = status_head(a, cell, INT_MAX, b, sizeof b);
    return (int)nb_display_cols(b, (size_t)k, 0) + 3 + (int)nb_display_cols(a->msg, strlen(a->msg), 0) <= s->w;
}

int nb_bars_room(const nb_app *a, int w)
{
    char b[1024];
    int k = status_head(a, 0, INT_MAX, b, sizeof b);
    return w - (int)nb_display_cols(b, (size_t)k, 0) - 3;
}

void nb_bars_status(const nb_app *a, nb_screen *s)
{
    int y = s->h - 1;
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    /* the counter first: on a narrow screen the message is what gets cut;
     * a message that fits without the cell is shown instead of it; one
     * longer still is wrapped above (nb_bars_message) */
    char b[2400], counter[160], rest[1200], cut[2400];
    int cell = !a->msg[0] || message_fits(a, s, 1) || !message_fits(a, s, 0);
    int k = status_head(a, cell, s->w, b, 1024);
    counter_part(a, 0, counter, sizeof counter, rest, sizeof rest);
    int room = s->w - (int)nb_display_cols(b, (size_t)k, 0) - 3;
    if (a->msg[0] ? message_fits(a, s, 0) : room >= 12) { /* the finding's text or the hint cut with "…" */
        nb_bars_cut(rest, room, cut, sizeof cut);
        snprintf(b + k, sizeof b - (size_t)k, " │ %s", cut);
    } else if (room < 0) { /* the head itself too wide */
        snprintf(cut, sizeof cut, "%s", b);
        nb_bars_cut(cut, s->w, b, sizeof b);
    }
    nb_screen_put(s, y, 0, b, strlen(b), s->w, a->msg_error ? NB_R_ERROR : NB_R_STATUS, 1);
}

int nb_bars_above(nb_screen *s, int bottom, const char *t, nb_role fill, nb_role role, int marked)
{
    size_t n = strlen(t), off = 0, next;
    int w = s->w - 2, rows = nb_text_rows(t, n, w);
    if (rows > s->h / 3)
        rows = s->h / 3;
    if (bottom - rows < 1) /* the title line stays */
        rows = bottom - 1;
    for (int r = 0; r < rows; r++) {
        int y = bottom - rows + r;
        size_t k = nb_text_break(t + off, n - off, w, &next);
        nb_screen_fill(s, y, 0, s->w, ' ', fill);
        if (r == rows - 1 && off + next < n) { /* more than the rows hold: cut with "…" */
            k = nb_text_fit(t + off, n - off, w - 1);
            int used = nb_screen_put(s, y, 1, t + off, k, w - 1, role, marked);
            nb_screen_put(s, y, 1 + used, "…", strlen("…"), 1, role, marked);
        } else {
            nb_screen_put(s, y, 1, t + off, k, w, role, marked);
        }
        off += next;
    }
    return rows > 0 ? rows : 0;
}

void nb_bars_message_above(const nb_app *a, nb_screen *s, int bottom)
{
    if (a->msg[0]) {
        nb_role role = a->msg_error ? NB_R_ERROR : NB_R_STATUS;
        nb_bars_above(s, bottom, a->msg, role, role, 0);
    }
}

void nb_bars_message(const nb_app *a, nb_screen *s)
{
    if (!message_fits(a, s, 0))
        nb_bars_message_above(a, s, s->h - 1);
}

void nb_bars_question(const nb_app *a, nb_screen *s, const char *line, const char *text, const char *answers)
{
    int y = s->h - 1, above = 0;
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    if ((int)nb_display_cols(line, strlen(line), 0) <= s->w) {
        nb_screen_put(s, y, 0, line, strlen(line), s->w, NB_R_WARNING, 1);
    } else { /* the answers whole on the status line, what is asked above them */
        nb_screen_put(s, y, 1, answers, strlen(answers), s->w - 1, NB_R_WARNING, 1);
        above = nb_bars_above(s, y, text, NB_R_STATUS, NB_R_WARNING, 1);
    }
    nb_bars_message_above(a, s, y - above);
}
