/* view_queue.c — the queue's view: a report a line (name, body, year,
 * format, findings by severity, open findings, the state of its review)
 * under a title and the order and filter in force, with its own status
 * line; its keys (sort, filter, open errors only, open a report); and the
 * filter typed on the status line, applied as it is typed. */
#include <stdio.h>
#include <string.h>

#include "bars.h"
#include "base/utf8.h"
#include "lineedit.h"
#include "out/table.h"
#include "prompt.h"
#include "queue.h"
#include "view.h"

enum { C_NAME, C_BODY, C_YEAR, C_FORMAT, C_ERR, C_WARN, C_INFO, C_OPEN, C_REVIEW, NCOLS };
enum { FIRST_ROW = 3 }; /* title, order and filter, column headings */

typedef struct row_text {
    char t[NCOLS][300];
} row_text;

static int list_rows(const nb_screen *s)
{
    return s->h - FIRST_ROW - 1;
}

/* The review's column: its state, how far it got, or why there is none. */
static void review_text(const nb_app *a, const nb_survey_item *it, char *out, size_t cap)
{
    if (!it->surveyed)
        snprintf(out, cap, "%s", nb_app_tr(a, "not read yet", "尚未读取"));
    else if (!it->ok)
        snprintf(out, cap, "%s", nb_app_tr(a, "unreadable", "无法读取"));
    else if (it->review_bad)
        snprintf(out, cap, "%s", nb_app_tr(a, "review file malformed", "审阅文件有误"));
    else if (it->review == NB_REVIEW_IN_PROGRESS)
        snprintf(out, cap, "%s %d/%d", nb_review_state_label(it->review, a->lang), it->decided, it->to_decide);
    else
        snprintf(out, cap, "%s", nb_review_state_label(it->review, a->lang));
}

/* Item's cells as text ("" where nothing is known). */
static void item_text(const nb_app *a, int item, row_text *rt)
{
    const nb_survey_item *it = &a->q->sv.v[item];
    memset(rt, 0, sizeof *rt);
    snprintf(rt->t[C_NAME], sizeof rt->t[0], "%s", nb_queue_name(a->q, item));
    snprintf(rt->t[C_BODY], sizeof rt->t[0], "%s", it->agency[0] ? it->agency : "—");
    if (it->year)
        snprintf(rt->t[C_YEAR], sizeof rt->t[0], "%d", it->year);
    if (it->format)
        snprintf(rt->t[C_FORMAT], sizeof rt->t[0], "%d", it->format);
    if (it->ok) {
        for (int k = 0; k < 3; k++)
            snprintf(rt->t[C_ERR + k], sizeof rt->t[0], "%ld", it->findings[NB_SEV_ERROR - k]);
        snprintf(rt->t[C_OPEN], sizeof rt->t[0], "%ld", it->open[0] + it->open[1] + it->open[2]);
    }
    review_text(a, it, rt->t[C_REVIEW], sizeof rt->t[0]);
}

static void head_text(const nb_app *a, row_text *rt)
{
    static const char *const en[NCOLS] = {"report", "body", "year", "format", "err", "warn", "info", "open", "review"};
    static const char *const zh[NCOLS] = {"报告", "机关", "年度", "格式", "错误", "警告", "提示", "未决", "审阅"};
    for (int c = 0; c < NCOLS; c++)
        snprintf(rt->t[c], sizeof rt->t[0], "%s", a->lang == NB_LANG_ZH ? zh[c] : en[c]);
}

static int cols_of(const char *s)
{
    return (int)nb_display_cols(s, strlen(s), 0);
}

/* The width of every column on a screen w wide: each as wide as its widest
 * text over every report, the name and the body cut to share what is left. */
static void column_widths(const nb_app *a, int w, int gap, int widths[NCOLS])
{
    row_text rt;
    head_text(a, &rt);
    for (int c = 0; c < NCOLS; c++)
        widths[c] = cols_of(rt.t[c]);
    for (size_t i = 0; i < a->q->sv.n; i++) {
        item_text(a, (int)i, &rt);
        for (int c = 0; c < NCOLS; c++)
            if (cols_of(rt.t[c]) > widths[c])
                widths[c] = cols_of(rt.t[c]);
    }
    int fixed = 2 + gap * (NCOLS - 1);
    for (int c = C_YEAR; c < NCOLS; c++)
        fixed += widths[c];
    int room = w - fixed, want = widths[C_NAME] + widths[C_BODY];
    if (room >= want)
        return;
    if (room < 16)
        room = 16;
    int body = room * 2 / 5;
    if (body > widths[C_BODY])
        body = widths[C_BODY];
    if (body < 6)
        body = 6;
    widths[C_BODY] = body;
    widths[C_NAME] = room - body > 8 ? room - body : 8;
}

/* Text fitted to a column w wide (cut at its end with "…"; aligned) at (y,
 * x). A path too wide loses its folders first ("…/name.txt"): the start of
 * a report's file name tells reports apart ("某县某局2024年…"), its end
 * seldom does. */
static void put_fitted(nb_screen *s, int y, int x, int w, const char *t, int right, int path, nb_role role,
                       int marked)
{
    char out[700], name[400];
    const char *slash = strrchr(t, '/');
    if (path && slash && cols_of(t) > w) {
        snprintf(name, sizeof name, "…%s", slash);
        t = name;
    }
    nb_table_fit(t, (size_t)w, right, 0, out, sizeof out);
    nb_screen_put(s, y, x, out, strlen(out), w, role, marked);
}

/* The role of a cell of an item's line. */
static nb_role cell_role(const nb_survey_item *it, int c)
{
    if (!it->ok)
        return NB_R_MISSING;
    if (c == C_ERR && it->findings[NB_SEV_ERROR])
        return NB_R_ERROR;
    if (c == C_WARN && it->findings[NB_SEV_WARNING])
        return NB_R_WARNING;
    if (c == C_OPEN && it->open[NB_SEV_ERROR])
        return NB_R_ERROR;
    if (c == C_REVIEW && it->review == NB_REVIEW_DONE)
        return NB_R_INFO;
    return NB_R_TEXT;
}

static void draw_line(nb_screen *s, int y, const row_text *rt, const int *widths, int gap,
                      const nb_survey_item *it, int selected)
{
    int x = 2;
    if (selected) {
        nb_screen_fill(s, y, 0, s->w, ' ', NB_R_CELL_SELECTED);
        nb_screen_put(s, y, 0, "▶", strlen("▶"), 1, NB_R_CELL_SELECTED, 1);
    }
    for (int c = 0; c < NCOLS && x < s->w; c++) {
        int w = widths[c] < s->w - x ? widths[c] : s->w - x;
        nb_role role = !it ? NB_R_HEADER : selected ? NB_R_CELL_SELECTED : cell_role(it, c);
        put_fitted(s, y, x, w, rt->t[c], c >= C_YEAR && c <= C_OPEN, c == C_NAME, role, selected || !it);
        x += widths[c] + gap;
    }
}

static int with_open_errors(const nb_queue *q)
{
    int n = 0;
    for (size_t i = 0; i < q->sv.n; i++)
        n += q->sv.v[i].open[NB_SEV_ERROR] > 0;
    return n;
}

static void draw_title(const nb_app *a, nb_screen *s)
{
    const nb_queue *q = a->q;
    char b[4600], folder[4200] = "";
    if (q->prefix)
        snprintf(folder, sizeof folder, " · %.*s", (int)q->prefix, q->sv.paths.v[0]);
    if (a->lang == NB_LANG_ZH)
        snprintf(b, sizeof b, " 报告队列：共 %zu 份%s · %d 份有未决错误", q->sv.n, folder, with_open_errors(q));
    else
        snprintf(b, sizeof b, " nianbao · a queue of %zu reports%s · %d with open errors", q->sv.n, folder,
                 with_open_errors(q));
    nb_screen_fill(s, 0, 0, s->w, ' ', NB_R_STATUS);
    nb_screen_put(s, 0, 0, b, strlen(b), s->w, NB_R_STATUS, 1);
}

static void draw_order(const nb_app *a, nb_screen *s)
{
    static const char *const en[] = {"most open errors first", "by name", "by body and year"};
    static const char *const zh[] = {"未决错误多者在前", "按文件名", "按机关和年度"};
    const nb_queue *q = a->q;
    char b[700];
    if (a->lang == NB_LANG_ZH)
        snprintf(b, sizeof b, " 显示 %d/%zu 份 · s：%s · /：%s · f：%s", q->norder, q->sv.n, zh[q->sort],
                 q->filter[0] ? q->filter : "未筛选", q->only_open_errors ? "只看有未决错误的" : "全部报告");
    else
        snprintf(b, sizeof b, " %d/%zu shown · s: %s · /: %s · f: %s", q->norder, q->sv.n, en[q->sort],
                 q->filter[0] ? q->filter : "no filter", q->only_open_errors ? "open errors only" : "all reports");
    nb_screen_put(s, 1, 0, b, strlen(b), s->w, NB_R_TITLE, 0);
}

/* The status line: the message, else what is wrong with the selected
 * report (either wrapped above it when longer than the line), else the
 * keys. */
static void draw_status(const nb_app *a, nb_screen *s)
{
    const nb_queue *q = a->q;
    const nb_survey_item *it = q->norder ? &q->sv.v[q->order[q->sel]] : NULL;
    char b[1600];
    int error = a->msg_error;
    const char *said = a->msg[0] ? a->msg : it && it->surveyed && !it->ok && (error = 1) ? it->problem : NULL;
    nb_role role = error ? NB_R_ERROR : NB_R_STATUS;
    nb_screen_fill(s, s->h - 1, 0, s->w, ' ', NB_R_STATUS);
    if (said && 1 + (int)nb_display_cols(said, strlen(said), 0) > s->w) {
        nb_bars_above(s, s->h, said, role, role, 0);
        return;
    }
    if (said)
        snprintf(b, sizeof b, " %s", said);
    else
        snprintf(b, sizeof b, " %d/%d │ %s", q->norder ? q->sel + 1 : 0, q->norder,
                 nb_app_tr(a, "Enter open · s sort · / filter · f open errors · : command · q quit",
                           "回车 打开 · s 排序 · / 筛选 · f 未决错误 · : 命令 · q 退出"));
    nb_screen_put(s, s->h - 1, 0, b, strlen(b), s->w, role, 1);
}

static void draw(const nb_app *a, nb_screen *s)
{
    const nb_queue *q = a->q;
    int gap = s->w >= 100 ? 2 : 1, widths[NCOLS];
    column_widths(a, s->w, gap, widths);
    draw_title(a, s);
    draw_order(a, s);
    row_text rt;
    head_text(a, &rt);
    nb_screen_fill(s, 2, 0, s->w, ' ', NB_R_HEADER);
    draw_line(s, 2, &rt, widths, gap, NULL, 0);
    for (int k = q->top; k < q->norder && k - q->top < list_rows(s); k++) {
        item_text(a, q->order[k], &rt);
        draw_line(s, FIRST_ROW + k - q->top, &rt, widths, gap, &q->sv.v[q->order[k]], k == q->sel);
    }
    if (!q->norder) {
        const char *none = q->sv.n ? nb_app_tr(a, "  no report matches: / changes the filter, f shows them all",
                                               "  没有符合条件的报告：按 / 修改筛选，按 f 显示全部")
                                   : nb_app_tr(a, "  no reports", "  没有报告");
        nb_screen_put(s, FIRST_ROW, 0, none, strlen(none), s->w, NB_R_TEXT, 0);
    }
    draw_status(a, s);
}

static void settle(nb_app *a)
{
    nb_queue *q = a->q;
    int rows = list_rows(&a->scr);
    if (rows < 1)
        rows = 1;
    if (q->sel >= q->norder)
        q->sel = q->norder ? q->norder - 1 : 0;
    if (q->sel < q->top)
        q->top = q->sel;
    if (q->sel >= q->top + rows)
        q->top = q->sel - rows + 1;
    if (q->top > 0 && q->norder - q->top < rows) /* no empty lines below while there are reports above */
        q->top = q->norder > rows ? q->norder - rows : 0;
}

static void move_to(nb_queue *q, int line)
{
    q->sel = line >= q->norder ? q->norder - 1 : line;
    if (q->sel < 0)
        q->sel = 0;
}

/* Enter: the selected report in the console. */
static void open_selected(nb_app *a)
{
    nb_queue *q = a->q;
    if (!q->norder)
        return;
    const nb_survey_item *it = &q->sv.v[q->order[q->sel]];
    if (!it->ok)
        nb_app_say(a, 1, "%s", it->problem);
    else
        nb_queue_open(a, q->order[q->sel], 1);
}

static void key(nb_app *a, nb_request rq, int k)
{
    (void)k;
    nb_queue *q = a->q;
    int page = list_rows(&a->scr) > 2 ? list_rows(&a->scr) - 1 : 1;
    nb_app_quiet(a);
    switch (rq) {
    case NB_REQ_Q_DOWN: move_to(q, q->sel + 1); break;
    case NB_REQ_Q_UP: move_to(q, q->sel - 1); break;
    case NB_REQ_Q_PAGE_DOWN: move_to(q, q->sel + page); break;
    case NB_REQ_Q_PAGE_UP: move_to(q, q->sel - page); break;
    case NB_REQ_Q_TOP: move_to(q, 0); break;
    case NB_REQ_Q_BOTTOM: move_to(q, q->norder - 1); break;
    case NB_REQ_Q_OPEN: open_selected(a); break;
    case NB_REQ_Q_SORT:
        q->sort = (q->sort + 1) % NB_QSORT_COUNT;
        nb_queue_reorder(q);
        break;
    case NB_REQ_Q_OPEN_ERRORS:
        q->only_open_errors = !q->only_open_errors;
        nb_queue_reorder(q);
        break;
    case NB_REQ_Q_FILTER:
        nb_lineedit_set(&a->in, q->filter, strlen(q->filter));
        nb_app_push(a, NB_MODE_QFILTER);
        break;
    case NB_REQ_Q_PROMPT: nb_prompt_open(a, NB_MODE_PROMPT); break;
    case NB_REQ_Q_HELP: nb_app_push(a, NB_MODE_HELP); break;
    case NB_REQ_Q_QUIT: a->quit = 1; break;
    default: break;
    }
}

const nb_view nb_view_queue = {NB_KM_QUEUE, 1, draw, key, settle};

/* ------------------------------------------------------------ the filter */

static void filter_draw(const nb_app *a, nb_screen *s)
{
    nb_lineedit_draw(&a->in, s, s->h - 1, nb_app_tr(a, "filter (name or body): ", "筛选（文件名或机关）："));
}

/* The filter as typed so far, applied. */
static void apply_filter(nb_app *a, const char *text)
{
    snprintf(a->q->filter, sizeof a->q->filter, "%s", text);
    nb_queue_reorder(a->q);
}

static void filter_key(nb_app *a, nb_request rq, int k)
{
    switch (rq) {
    case NB_REQ_ED_ENTER: nb_app_pop(a); return;
    case NB_REQ_ED_CANCEL:
        nb_app_pop(a);
        apply_filter(a, "");
        return;
    case NB_REQ_ED_NEWLINE: return;
    case NB_REQ_ED_BACKSPACE:
        if (!a->in.len) {
            nb_app_pop(a);
            return;
        }
        break;
    default: break;
    }
    nb_lineedit_key(&a->in, rq, k);
    apply_filter(a, nb_lineedit_text(&a->in));
}

const nb_view nb_view_qfilter = {NB_KM_EDITOR, 0, filter_draw, filter_key, NULL};
