/* overlay_findings.c — the list of findings: filtered by severity, Enter
 * goes to one; under it, the findings the corrections made go away. */
#include <stdio.h>
#include <string.h>

#include "check/messages.h"
#include "check/rules.h"
#include "list.h"
#include "overlay_detail.h"
#include "review/session.h"
#include "select.h"
#include "view.h"

static int visible(const nb_app *a, size_t k)
{
    return (int)a->s.fs.v[k].severity >= a->list_min_sev;
}

static int visible_count(const nb_app *a)
{
    int n = 0;
    for (size_t k = 0; k < a->s.fs.n; k++)
        n += visible(a, k);
    return n;
}

/* A finding's line: severity (or what stands for it), rule, line, message. */
static void finding_line(const nb_app *a, const nb_finding *f, const char *sev, char *out, size_t cap)
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    char m[1024], lnb[24] = "    -";
    nb_finding_message(a->r, f, a->lang, m, sizeof m);
    if (f->has_off && sev)
        snprintf(lnb, sizeof lnb, "%5zu", nb_doc_locate(&a->r->doc, f->off).line);
    snprintf(out, cap, " %-7s %-19s %s  %s", sev ? sev : nb_app_tr(a, "resolved", "已消除"), rules[f->rule].id, lnb, m);
}

/* Under the list: the findings the corrections made go away, not dropped
 * silently. */
static void draw_resolved(const nb_app *a, nb_screen *s, int y)
{
    if (!nb_session_resolved_count(&a->s) || y >= s->h - 1)
        return;
    const char *h = nb_app_tr(a, " resolved by the corrections:", " 更正后已消除：");
    nb_screen_put(s, y++, 0, h, strlen(h), s->w, NB_R_TITLE, 1);
    for (size_t k = 0; k < a->s.fs0.n && y < s->h - 1; k++) {
        if (!nb_session_resolved(&a->s, k))
            continue;
        char line[1400];
        finding_line(a, &a->s.fs0.v[k], NULL, line, sizeof line);
        nb_screen_put(s, y++, 0, line, strlen(line), s->w, NB_R_INFO, 0);
    }
}

static void draw(const nb_app *a, nb_screen *s)
{
    static const char *const sev_en[] = {"info and up", "warnings and errors", "errors only"};
    static const char *const sev_zh[] = {"提示及以上", "警告和错误", "仅错误"};
    char h[256];
    snprintf(h, sizeof h, "%s (%s) — 1 2 3 %s, Enter %s, Esc %s", nb_app_tr(a, " findings", " 问题列表"),
             a->lang == NB_LANG_ZH ? sev_zh[a->list_min_sev] : sev_en[a->list_min_sev], nb_app_tr(a, "filter", "筛选"),
             nb_app_tr(a, "jumps", "跳转"), nb_app_tr(a, "closes", "关闭"));
    nb_list_title(s, h);
    int rows = nb_list_rows(s), vis = 0;
    for (size_t k = 0; k < a->s.fs.n; k++) {
        if (!visible(a, k))
            continue;
        int idx = vis++;
        if (idx < a->list_top || idx >= a->list_top + rows)
            continue;
        const nb_finding *f = &a->s.fs.v[k];
        char line[1400];
        finding_line(a, f, nb_severity_name(f->severity), line, sizeof line);
        nb_list_item(a, s, idx, line,
                     f->severity == NB_SEV_ERROR ? NB_R_ERROR : f->severity == NB_SEV_WARNING ? NB_R_WARNING : NB_R_INFO);
    }
    if (!vis) {
        const char *none = nb_app_tr(a, " no findings at this level", " 此级别没有问题");
        nb_screen_put(s, 3, 0, none, strlen(none), s->w, NB_R_TEXT, 0);
    }
    int shown = vis - a->list_top < rows ? vis - a->list_top : rows;
    draw_resolved(a, s, 3 + (shown > 0 ? shown : 1) + 1);
}

/* Enter: the selected finding of the list becomes the current one. */
static void jump(nb_app *a)
{
    int idx = 0;
    for (size_t k = 0; k < a->s.fs.n; k++)
        if (visible(a, k) && idx++ == a->list_sel) {
            nb_go_finding(a, (int)k);
            break;
        }
}

static void key(nb_app *a, nb_request rq, int k)
{
    nb_app_quiet(a);
    switch (rq) {
    case NB_REQ_LIST_CLOSE: nb_app_pop(a); break;
    case NB_REQ_LIST_DOWN: nb_list_step(a, 1, visible_count(a)); break;
    case NB_REQ_LIST_UP: nb_list_step(a, -1, 0); break;
    case NB_REQ_LIST_FILTER:
        a->list_min_sev = k - '1';
        a->list_sel = a->list_top = 0;
        break;
    case NB_REQ_LIST_JUMP:
        jump(a);
        nb_app_pop(a);
        break;
    case NB_REQ_LIST_DETAIL: /* the finding's whole story (overlay_detail.c) */
        jump(a);
        nb_app_pop(a);
        nb_detail_open(a, a->finding);
        break;
    default: break;
    }
}

const nb_view nb_view_findings = {NB_KM_FINDINGS, 1, draw, key, nb_list_settle};
