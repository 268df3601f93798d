/* overlay_findings.c — the list of findings: each with its severity, rule,
 * line, decision and message; filtered by severity, rule and decision;
 * paged; opened on the current finding. Findings are marked (Space, * for
 * a whole rule) and decided together (c, d with one reason, r), one undo
 * taking the decision back; the selection then goes on to the next
 * undecided finding. Under the list, the selected finding's message whole
 * and the findings the corrections made go away. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/messages.h"
#include "actions.h"
#include "check/rules.h"
#include "list.h"
#include "prompt.h"
#include "review/session.h"
#include "select.h"
#include "view.h"

static nb_decision state_of(const nb_app *a, size_t k)
{
    const nb_rv_entry *d = nb_session_decision(&a->s, k);
    return d ? d->state : NB_DEC_OPEN;
}

static int visible(const nb_app *a, size_t k)
{
    const nb_finding *f = &a->s.fs.v[k];
    return (int)f->severity >= a->list_min_sev && (a->list_rule < 0 || (int)f->rule == a->list_rule) &&
           (a->list_state < 0 || (int)state_of(a, k) == a->list_state);
}

/* The findings shown, in order: a malloc'd array of their indexes (NULL
 * when there are none or no memory) and how many. */
static int *shown(const nb_app *a, int *n)
{
    int *v = a->s.fs.n ? malloc(a->s.fs.n * sizeof *v) : NULL;
    *n = 0;
    for (size_t k = 0; v && k < a->s.fs.n; k++)
        if (visible(a, k))
            v[(*n)++] = (int)k;
    return v;
}

/* The finding selected in the list, or -1. */
static int selected(const nb_app *a)
{
    int n, *v = shown(a, &n), k = a->list_sel >= 0 && a->list_sel < n ? v[a->list_sel] : -1;
    free(v);
    return k;
}

/* The selection on finding k, or on the first shown after it, else the last. */
static void select_finding(nb_app *a, int k)
{
    int n, *v = shown(a, &n), i = 0;
    while (i < n && v[i] < k)
        i++;
    a->list_sel = i < n ? i : n - 1 < 0 ? 0 : n - 1;
    free(v);
}

/* Rows of the list, and of its foot (the selected finding's message). */
static int foot_rows(const nb_screen *s)
{
    return s->h >= 20 ? 4 : 2;
}

static int list_rows(const nb_screen *s)
{
    int r = nb_list_rows(s) - foot_rows(s);
    return r < 1 ? 1 : r;
}

/* ------------------------------------------------------------ drawing */

/* The rule column: as wide as the longest rule ID of the findings. */
static int rule_width(const nb_app *a)
{
    int nr, w = 8;
    const nb_rule *rules = nb_rules(&nr);
    for (size_t k = 0; k < a->s.fs.n; k++)
        if ((int)strlen(rules[a->s.fs.v[k].rule].id) + 1 > w)
            w = (int)strlen(rules[a->s.fs.v[k].rule].id) + 1;
    return w;
}

/* A finding's line: its mark, severity (or "resolved"), rule, line,
 * decision and message, the columns padded by display width. */
static void finding_line(const nb_app *a, size_t k, const nb_finding *f, int resolved, char *out, size_t cap)
{
    int nr, zh = a->lang == NB_LANG_ZH;
    const nb_rule *rules = nb_rules(&nr);
    char m[1024], lnb[24] = "    -";
    nb_finding_message(a->r, f, a->lang, m, sizeof m);
    if (f->has_off && !resolved)
        snprintf(lnb, sizeof lnb, "%5zu", nb_doc_locate(&a->r->doc, f->off).line);
    int marked = !resolved && k < a->list_nmarks && a->list_marks[k];
    size_t n = (size_t)snprintf(out, cap, " %s ", marked ? "+" : " ");
    nb_list_pad(out, cap, &n,
                resolved ? nb_app_tr(a, "resolved", "已消除") : nb_severity_label(f->severity, a->lang), zh ? 7 : 9);
    nb_list_pad(out, cap, &n, rules[f->rule].id, rule_width(a));
    nb_list_pad(out, cap, &n, lnb, 6);
    nb_list_pad(out, cap, &n, resolved ? "" : nb_decision_label(state_of(a, k), a->lang), zh ? 7 : 10);
    snprintf(out + n, cap - n, "%s", m);
}

/* Under the list: the findings the corrections made go away, not dropped
 * silently. */
static void draw_resolved(const nb_app *a, nb_screen *s, int y, int bottom)
{
    if (!nb_session_resolved_count(&a->s) || y >= bottom)
        return;
    const char *h = nb_app_tr(a, " resolved by the corrections:", " 更正后已消除：");
    nb_screen_put(s, y++, 0, h, strlen(h), s->w, NB_R_TITLE, 1);
    for (size_t k = 0; k < a->s.fs0.n && y < bottom; k++) {
        if (!nb_session_resolved(&a->s, k))
            continue;
        char line[1400];
        finding_line(a, k, &a->s.fs0.v[k], 1, line, sizeof line);
        nb_screen_put(s, y++, 0, line, strlen(line), s->w, NB_R_INFO, 0);
    }
}

/* The title: the position, the filters, the marks; the keys below it. */
static void draw_title(const nb_app *a, nb_screen *s, int n)
{
    static const char *const sev_en[] = {"info and up", "warnings and errors", "errors only"};
    static const char *const sev_zh[] = {"提示及以上", "警告和错误", "仅错误"};
    int nr, zh = a->lang == NB_LANG_ZH, marks = 0;
    const nb_rule *rules = nb_rules(&nr);
    for (size_t k = 0; k < a->list_nmarks; k++)
        marks += a->list_marks[k];
    char h[512];
    size_t k = (size_t)snprintf(h, sizeof h, "%s %d/%d%s%s", nb_app_tr(a, " findings", " 问题列表"),
                                n ? a->list_sel + 1 : 0, n, zh ? "（" : " (", zh ? sev_zh[a->list_min_sev] : sev_en[a->list_min_sev]);
    if (a->list_rule >= 0)
        k += (size_t)snprintf(h + k, sizeof h - k, "%s%s", zh ? "，" : ", ", rules[a->list_rule].id);
    if (a->list_state >= 0)
        k += (size_t)snprintf(h + k, sizeof h - k, "%s%s", zh ? "，" : ", ",
                              nb_decision_label((nb_decision)a->list_state, a->lang));
    k += (size_t)snprintf(h + k, sizeof h - k, "%s", zh ? "）" : ")");
    if (marks)
        snprintf(h + k, sizeof h - k, zh ? " 已标记 %d 个" : " — %d marked", marks);
    nb_list_title(s, h);
    const char *keys = nb_app_tr(a, " Space * mark  c d r decide  1 2 3 R s filter  Enter go to  Esc close",
                                 " Space * 标记  c d r 决定  1 2 3 R s 筛选  Enter 跳转  Esc 关闭");
    nb_screen_put(s, 2, 0, keys, strlen(keys), s->w, NB_R_HEADER, 0);
}

/* The foot: the selected finding's message, whole as far as it fits. */
static void draw_foot(const nb_app *a, nb_screen *s, int k)
{
    int rows = foot_rows(s), y = s->h - 1 - rows;
    nb_screen_fill(s, y, 0, s->w, 0x2500, NB_R_BORDER);
    if (k < 0)
        return;
    char m[1024];
    nb_finding_message(a->r, &a->s.fs.v[k], a->lang, m, sizeof m);
    nb_screen_wrap(s, y + 1, 1, s->w - 2, rows - 1, m, strlen(m), NB_R_TEXT);
}

static void draw(const nb_app *a, nb_screen *s)
{
    int n, *v = shown(a, &n), rows = list_rows(s);
    draw_title(a, s, n);
    for (int idx = a->list_top; idx < n && idx < a->list_top + rows; idx++) {
        const nb_finding *f = &a->s.fs.v[v[idx]];
        char line[1400];
        finding_line(a, (size_t)v[idx], f, 0, line, sizeof line);
        nb_list_item(a, s, idx, line,
                     f->severity == NB_SEV_ERROR ? NB_R_ERROR : f->severity == NB_SEV_WARNING ? NB_R_WARNING : NB_R_INFO);
    }
    if (!n) {
        const char *none = nb_app_tr(a, " no findings here: 1 R s change what is shown", " 没有符合条件的问题：1 R s 可改变筛选");
        nb_screen_put(s, 3, 0, none, strlen(none), s->w, NB_R_TEXT, 0);
    }
    int used = n - a->list_top < rows ? n - a->list_top : rows;
    draw_resolved(a, s, 3 + (used > 0 ? used : 1) + 1, 3 + rows);
    draw_foot(a, s, a->list_sel < n ? v[a->list_sel] : -1);
    free(v);
}

/* ------------------------------------------------------------ marks and decisions */

/* The marks, one a finding of the list (cleared when the list opens). */
static int marks_reset(nb_app *a)
{
    free(a->list_marks);
    a->list_nmarks = 0;
    a->list_marks = a->s.fs.n ? calloc(a->s.fs.n, 1) : NULL;
    if (a->list_marks)
        a->list_nmarks = a->s.fs.n;
    return a->list_marks || !a->s.fs.n ? 0 : -1;
}

void nb_findings_open(nb_app *a)
{
    nb_app_push(a, NB_MODE_FINDINGS);
    marks_reset(a);
    a->list_top = 0;
    select_finding(a, a->finding >= 0 ? a->finding : 0);
    if (a->finding >= 0 && selected(a) != a->finding)
        a->list_sel = 0; /* the current finding is filtered out: the first */
}

/* Space: mark or unmark the selected finding, then on to the next. */
static void mark_one(nb_app *a, int n)
{
    int k = selected(a);
    if (k < 0 || (size_t)k >= a->list_nmarks)
        return;
    a->list_marks[k] = !a->list_marks[k];
    nb_list_step(a, 1, n);
}

/* *: mark every finding shown of the selected one's rule; if all are
 * marked already, unmark them. */
static void mark_rule(nb_app *a)
{
    int k = selected(a), n, *v = shown(a, &n), all = 1;
    if (k < 0 || !a->list_nmarks) {
        free(v);
        return;
    }
    for (int i = 0; i < n; i++)
        if (a->s.fs.v[v[i]].rule == a->s.fs.v[k].rule)
            all &= a->list_marks[v[i]];
    for (int i = 0; i < n; i++)
        if (a->s.fs.v[v[i]].rule == a->s.fs.v[k].rule)
            a->list_marks[v[i]] = (unsigned char)!all;
    free(v);
}

/* The findings a decision is for: the marked ones, else the selected one;
 * kept in a->decide. Returns how many. */
static int take_targets(nb_app *a)
{
    free(a->decide);
    a->decide = malloc((a->s.fs.n ? a->s.fs.n : 1) * sizeof *a->decide);
    a->ndecide = 0;
    for (size_t k = 0; a->decide && k < a->list_nmarks; k++)
        if (a->list_marks[k])
            a->decide[a->ndecide++] = (int)k;
    if (a->decide && !a->ndecide && selected(a) >= 0)
        a->decide[a->ndecide++] = selected(a);
    return a->ndecide;
}

/* After a decision: the selection on the next undecided finding shown
 * after the last one decided (round from the top), marks cleared. */
static void next_undecided(nb_app *a, int last)
{
    int n, *v = shown(a, &n), to = -1;
    for (int i = 0; i < n && to < 0; i++)
        if (v[i] > last && state_of(a, (size_t)v[i]) == NB_DEC_OPEN)
            to = v[i];
    for (int i = 0; i < n && to < 0; i++)
        if (state_of(a, (size_t)v[i]) == NB_DEC_OPEN)
            to = v[i];
    free(v);
    select_finding(a, to >= 0 ? to : last);
    memset(a->list_marks, 0, a->list_nmarks);
}

void nb_findings_decide(nb_app *a, nb_decision state, const char *reason)
{
    nb_err err;
    int n = a->ndecide, last = n ? a->decide[n - 1] : -1;
    a->ndecide = 0;
    if (nb_session_decide_many(&a->s, a->decide, n, state, reason, &err) != 0) {
        nb_app_fail(a, &err);
        return;
    }
    const char *done = state == NB_DEC_OPEN ? nb_app_tr(a, "reopened", "已重新打开") : nb_decision_label(state, a->lang);
    if (a->lang == NB_LANG_ZH)
        nb_app_say(a, 0, "%s %d 个问题（u 撤销）", done, n);
    else
        nb_app_say(a, 0, "%s %d finding%s (u undoes)", done, n, n == 1 ? "" : "s");
    next_undecided(a, last);
}

/* c, d, r: decide the marked findings (or the selected one); d asks for
 * the reason first. */
static void decide(nb_app *a, nb_decision state)
{
    nb_err err;
    if (nb_session_writable(&a->s, &err) != 0) {
        nb_app_fail(a, &err);
        return;
    }
    if (!take_targets(a)) {
        nb_app_say(a, 1, "%s", nb_app_tr(a, "no finding to decide", "没有可决定的问题"));
        return;
    }
    if (state == NB_DEC_DISMISSED)
        nb_prompt_open(a, NB_MODE_REASON);
    else
        nb_findings_decide(a, state, NULL);
}

/* ------------------------------------------------------------ keys */

/* 1 2 3, R, s: what is shown; the selection stays on its finding if it can. */
static void filter(nb_app *a, nb_request rq, int key)
{
    int k = selected(a);
    if (rq == NB_REQ_LIST_FILTER)
        a->list_min_sev = key - '1';
    else if (rq == NB_REQ_LIST_BY_RULE)
        a->list_rule = a->list_rule >= 0 || k < 0 ? -1 : (int)a->s.fs.v[k].rule;
    else /* s: every decision, open, confirmed, dismissed, in turn */
        a->list_state = a->list_state >= NB_DEC_DISMISSED ? -1 : a->list_state + 1;
    select_finding(a, k < 0 ? 0 : k);
}

static void settle(nb_app *a)
{
    int n, *v = shown(a, &n);
    free(v);
    if (a->list_sel >= n)
        a->list_sel = n ? n - 1 : 0;
    nb_list_keep(a, list_rows(&a->scr));
}

static void key(nb_app *a, nb_request rq, int k)
{
    nb_app_quiet(a);
    int n, *v = shown(a, &n);
    free(v);
    if (nb_list_page(a, rq, n, list_rows(&a->scr)))
        return;
    switch (rq) {
    case NB_REQ_LIST_CLOSE: nb_app_pop(a); break;
    case NB_REQ_LIST_DOWN: nb_list_step(a, 1, n); break;
    case NB_REQ_LIST_UP: nb_list_step(a, -1, n); break;
    case NB_REQ_LIST_FILTER:
    case NB_REQ_LIST_BY_RULE:
    case NB_REQ_LIST_BY_STATE: filter(a, rq, k); break;
    case NB_REQ_LIST_MARK: mark_one(a, n); break;
    case NB_REQ_LIST_MARK_RULE: mark_rule(a); break;
    case NB_REQ_LIST_CONFIRM: decide(a, NB_DEC_CONFIRMED); break;
    case NB_REQ_LIST_DISMISS: decide(a, NB_DEC_DISMISSED); break;
    case NB_REQ_LIST_REOPEN: decide(a, NB_DEC_OPEN); break;
    case NB_REQ_LIST_UNDO:
        nb_act_undo(a, 0);
        marks_reset(a); /* an undone correction changes the findings */
        break;
    case NB_REQ_LIST_JUMP:
        if (selected(a) >= 0)
            nb_go_finding(a, selected(a));
        nb_app_pop(a);
        break;
    default: break;
    }
}

const nb_view nb_view_findings = {NB_KM_FINDINGS, 1, draw, key, settle};
