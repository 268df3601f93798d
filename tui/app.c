/* app.c — the review console: the mode stack and the views it dispatches
 * keys to and draws (view.h), the focus, the normal mode's requests, the
 * status line's message, setting up and taking down. The text and the
 * tables sit side by side (stacked below 120 columns); the review is a
 * session of core. Draws into an nb_screen; no curses here. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actions.h"
#include "base/utf8.h"
#include "bars.h"
#include "clip.h"
#include "keymap.h"
#include "layout.h"
#include "overlay_detail.h"
#include "prompt.h"
#include "queue.h"
#include "review/session.h"
#include "select.h"
#include "theme.h"
#include "view.h"

const char *nb_app_tr(const nb_app *a, const char *en, const char *zh)
{
    return nb_tr(a->lang, en, zh);
}

void nb_app_say(nb_app *a, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof a->msg) /* cut: never inside a character */
        a->msg[nb_utf8_whole(a->msg, sizeof a->msg - 1)] = '\0';
    a->msg_error = error;
}

int nb_app_fail(nb_app *a, const nb_err *err)
{
    nb_app_say(a, 1, "%s", err->msg);
    return -1;
}

void nb_app_quiet(nb_app *a)
{
    if (a->s.journal_failed) { /* said until a write succeeds */
        nb_app_say(a, 1, "%s", a->s.journal_err.msg);
        return;
    }
    a->msg[0] = '\0';
    a->msg_error = 0;
}

/* ------------------------------------------------------------ modes */

static const nb_view *const views[NB_NMODES] = {
    [NB_MODE_NORMAL] = &nb_view_normal,   [NB_MODE_HELP] = &nb_view_help,
    [NB_MODE_FINDINGS] = &nb_view_findings, [NB_MODE_NOTES] = &nb_view_notes,
    [NB_MODE_PROMPT] = &nb_view_prompt,   [NB_MODE_SEARCH] = &nb_view_prompt,
    [NB_MODE_EDIT] = &nb_view_prompt,     [NB_MODE_REASON] = &nb_view_prompt,
    [NB_MODE_NOTE] = &nb_view_prompt,     [NB_MODE_ASK_QUIT] = &nb_view_ask_quit,
    [NB_MODE_ASK_RECOVER] = &nb_view_ask_recover,
    [NB_MODE_QUEUE] = &nb_view_queue,     [NB_MODE_QFILTER] = &nb_view_qfilter,
    [NB_MODE_DETAIL] = &nb_view_detail,
};

int nb_app_mode(const nb_app *a)
{
    return a->modes[a->nmodes - 1];
}

void nb_app_push(nb_app *a, int mode)
{
    if (a->nmodes < (int)(sizeof a->modes / sizeof a->modes[0]))
        a->modes[a->nmodes++] = mode;
    else
        a->modes[a->nmodes - 1] = mode;
}

void nb_app_pop(nb_app *a)
{
    if (a->nmodes > 1)
        a->nmodes--;
}

/* The lowest view drawn: the top one that covers the panes (NORMAL at least). */
static int first_drawn(const nb_app *a)
{
    int i = a->nmodes - 1;
    while (i > 0 && !views[a->modes[i]]->covers)
        i--;
    return i;
}

nb_panes nb_app_panes(const nb_app *a)
{
    return nb_layout(a->scr.w, a->scr.h, a->layout);
}

void nb_app_settle(nb_app *a)
{
    nb_panes p = nb_app_panes(a);
    const nb_view *v = views[a->modes[first_drawn(a)]];
    if (!p.small && v->settle)
        v->settle(a);
}

/* ------------------------------------------------------------ the normal view */

/* The panes by focus: 0 the text, 1 the tables. */
static const nb_pane *const panes[2] = {&nb_pane_text, &nb_pane_tables};

static void normal_draw(const nb_app *a, nb_screen *s)
{
    nb_panes p = nb_app_panes(a);
    panes[0]->draw(a, s, &p);
    if (p.stacked)
        nb_screen_fill(s, p.gy - 1, 0, s->w, 0x2500, NB_R_BORDER);
    else
        for (int y = p.ty; y < p.ty + p.th; y++)
            nb_screen_fill(s, y, p.gx - 1, 1, 0x2502, NB_R_BORDER);
    panes[1]->draw(a, s, &p);
}

static void normal_settle(nb_app *a)
{
    nb_panes p = nb_app_panes(a);
    for (int i = 0; i < 2; i++)
        panes[i]->settle(a, &p);
}

/* The requests a pane handles itself. */
static int is_movement(nb_request rq)
{
    switch (rq) {
    case NB_REQ_MOVE_UP:
    case NB_REQ_MOVE_DOWN:
    case NB_REQ_MOVE_LEFT:
    case NB_REQ_MOVE_RIGHT:
    case NB_REQ_PAGE_UP:
    case NB_REQ_PAGE_DOWN:
    case NB_REQ_HALF_DOWN:
    case NB_REQ_HALF_UP:
    case NB_REQ_TOP:
    case NB_REQ_BOTTOM: return 1;
    default: return 0;
    }
}

static void normal_key(nb_app *a, nb_request rq, int key)
{
    (void)key;
    nb_app_quiet(a);
    if (is_movement(rq)) { /* the focused pane moves */
        panes[a->focus]->key(a, rq);
        return;
    }
    switch (rq) {
    case NB_REQ_SWITCH_PANE: a->focus = !a->focus; break;
    case NB_REQ_NEXT_FINDING: nb_queue_step(a, 1); break; /* across reports in a queue */
    case NB_REQ_PREV_FINDING: nb_queue_step(a, -1); break;
    case NB_REQ_DETAIL: nb_detail_open(a, a->finding); break;
    case NB_REQ_BACK: nb_queue_back(a); break;
    case NB_REQ_FINDINGS: nb_findings_open(a); break;
    case NB_REQ_SEARCH: nb_prompt_open(a, NB_MODE_SEARCH); break;
    case NB_REQ_SEARCH_NEXT: nb_search_next(a, 1); break;
    case NB_REQ_SEARCH_PREV: nb_search_next(a, -1); break;
    case NB_REQ_PROMPT: nb_prompt_open(a, NB_MODE_PROMPT); break;
    case NB_REQ_LAYOUT: a->layout = nb_app_panes(a).stacked ? NB_LAYOUT_SIDE : NB_LAYOUT_STACKED; break;
    case NB_REQ_HELP: nb_app_push(a, NB_MODE_HELP); break;
    case NB_REQ_QUIT: nb_act_quit(a); break;
    case NB_REQ_EDIT: nb_act_edit(a); break;
    case NB_REQ_CLEAR: nb_act_clear(a); break;
    case NB_REQ_CONFIRM: nb_act_decide(a, NB_DEC_CONFIRMED, NULL); break;
    case NB_REQ_REOPEN: nb_act_decide(a, NB_DEC_OPEN, NULL); break;
    case NB_REQ_DISMISS: nb_act_dismiss(a); break;
    case NB_REQ_NOTE: nb_act_note(a); break;
    case NB_REQ_NOTES:
        nb_app_push(a, NB_MODE_NOTES);
        a->list_sel = a->list_top = 0;
        break;
    case NB_REQ_UNDO: nb_act_undo(a, 0); break;
    case NB_REQ_REDO: nb_act_undo(a, 1); break;
    case NB_REQ_SAVE: nb_act_save(a); break;
    case NB_REQ_COPY: nb_clip_yank(a); break;
    default: break; /* REDRAW: the terminal redraws */
    }
}

const nb_view nb_view_normal = {NB_KM_NORMAL, 1, normal_draw, normal_key, normal_settle};

/* ------------------------------------------------------------ keys and drawing */

void nb_app_key(nb_app *a, int key)
{
    if (key != NB_KEY_RESIZE) {
        const nb_view *v = views[nb_app_mode(a)];
        v->key(a, nb_keymap_request(v->keys, key), key);
    }
    nb_queue_after(a); /* a quit in a queue: back to it, or on to the next report */
    nb_app_settle(a);
}

/* Below the smallest size: a message and nothing else. */
static void draw_small(const nb_app *a, nb_screen *s)
{
    char b[128];
    snprintf(b, sizeof b, "%s (%dx%d; %dx%d %s)", nb_app_tr(a, "terminal too small", "终端窗口太小"), s->w, s->h,
             NB_MIN_W, NB_MIN_H, nb_app_tr(a, "at least", "以上"));
    nb_screen_put(s, s->h / 2, 0, b, strlen(b), s->w, NB_R_TEXT, 0);
}

/* Whether mode's view draws over the status line (a prompt, a question):
 * it places the message itself. */
static int over_status(int mode)
{
    switch (mode) {
    case NB_MODE_PROMPT:
    case NB_MODE_SEARCH:
    case NB_MODE_EDIT:
    case NB_MODE_REASON:
    case NB_MODE_NOTE:
    case NB_MODE_ASK_QUIT:
    case NB_MODE_ASK_RECOVER: return 1;
    default: return 0;
    }
}

/* The title and status lines, then the views from the top one covering
 * the panes up: overlays over the panes, prompts over the status line. */
static void render(const nb_app *a, nb_screen *s)
{
    nb_screen_clear(s, NB_R_TEXT);
    if (nb_app_panes(a).small) {
        draw_small(a, s);
        return;
    }
    if (a->r) { /* the queue draws its own */
        nb_bars_title(a, s);
        nb_bars_status(a, s);
    }
    for (int i = first_drawn(a); i < a->nmodes; i++)
        views[a->modes[i]]->draw(a, s);
    if (a->r && !over_status(nb_app_mode(a)))
        nb_bars_message(a, s); /* a long message wrapped above a report's status line */
}

void nb_app_draw(nb_app *a)
{
    render(a, &a->scr);
}

/* ------------------------------------------------------------ life */

/* The theme asked for (else the default) and NO_COLOR. */
static int init_theme(nb_app *a, const char *theme, nb_err *err)
{
    if (nb_theme_default(&a->theme, err) != 0)
        return -1;
    if (theme && nb_theme_load(&a->theme, theme, a->datadir, a->lang, err) != 0)
        nb_app_fail(a, err);
    if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
        a->theme.mono = 1;
    return 0;
}

/* The console without a report: theme, screen, languages. */
static int init_console(nb_app *a, const nb_ctx *ctx, const char *theme, const char *datadir, int w, int h)
{
    memset(a, 0, sizeof *a);
    a->ctx = ctx;
    a->lang = ctx->lang;
    a->datadir = datadir;
    a->finding = -1;
    a->list_min_sev = NB_SEV_INFO;
    a->list_rule = a->list_state = -1;
    nb_err err;
    if (init_theme(a, theme, &err) != 0)
        return -1;
    return nb_screen_resize(&a->scr, w, h);
}

int nb_app_init(nb_app *a, const nb_ctx *ctx, nb_report *r, const char *theme, const char *datadir, int w, int h)
{
    if (init_console(a, ctx, theme, datadir, w, h) != 0)
        return -1;
    a->modes[a->nmodes++] = NB_MODE_NORMAL;
    return nb_app_load(a, r);
}

int nb_app_init_queue(nb_app *a, const nb_ctx *ctx, struct nb_queue *q, const char *theme, const char *datadir, int w,
                      int h)
{
    if (init_console(a, ctx, theme, datadir, w, h) != 0)
        return -1;
    a->q = q;
    a->modes[a->nmodes++] = NB_MODE_QUEUE;
    return 0;
}

/* Everything of the report before forgotten, as at the start; what the
 * console keeps across reports stays. */
static void forget_report(nb_app *a)
{
    nb_app keep = *a;
    memset(a, 0, sizeof *a);
    a->ctx = keep.ctx;
    a->lang = keep.lang;
    a->theme = keep.theme;
    a->datadir = keep.datadir;
    a->scr = keep.scr;
    a->layout = keep.layout;
    memcpy(a->modes, keep.modes, sizeof a->modes);
    a->nmodes = keep.nmodes;
    a->search = keep.search;
    a->in = keep.in;
    memcpy(a->msg, keep.msg, sizeof a->msg);
    a->msg_error = keep.msg_error;
    a->quit = keep.quit;
    a->q = keep.q;
    a->osc52 = keep.osc52;
    a->finding = -1;
    a->list_min_sev = NB_SEV_INFO;
    a->list_rule = a->list_state = -1;
}

int nb_app_load(nb_app *a, nb_report *r)
{
    forget_report(a);
    nb_search_forget(&a->search); /* its hits were of the text before */
    a->r = r;
    nb_err err;
    if (nb_session_init(&a->s, a->ctx, r, &err) != 0 || nb_select_init(a) != 0)
        return -1;
    return 0;
}

void nb_app_unload(nb_app *a)
{
    nb_session_free(&a->s);
    nb_select_free(a);
    free(a->list_marks);
    free(a->decide);
    a->list_marks = NULL;
    a->decide = NULL;
    a->list_nmarks = 0;
    a->ndecide = 0;
    a->grid = NULL;
    a->spans = NULL;
    a->ngrid = a->nspans = 0;
    a->r = NULL;
    a->changed_said = 0; /* the next report is watched afresh */
}

/* The review opened was made on other bytes than the report's (a revised
 * draft, or another file's review beside it): its SHA-256 differs. */
static int review_of_other_version(const nb_app *a)
{
    return nb_review_other_bytes(&a->s.rv, a->r->doc.sha256);
}

/* No review beside the report, but the one of this very report under an
 * old name (the report renamed unchanged): its path in old. */
static int renamed_review(const nb_app *a, char *old, size_t cap)
{
    return !a->s.rv.n && !a->s.review_bad && access(a->s.review_path, F_OK) != 0 &&
           nb_review_find_renamed(a->r->doc.path, a->r->doc.sha256, a->lang, old, cap);
}

void nb_app_open_review(nb_app *a, const char *path)
{
    nb_err err;
    char old[4200];
    if (nb_session_open(&a->s, path, &err) != 0)
        nb_app_fail(a, &err);
    else if (a->r->tables_cut)
        nb_app_say(a, 1, "%s", nb_app_tr(a, "the tables hold far more rows than a report's; only the first were read",
                                         "表格行数远超年度报告应有的行数，只读取了前面的部分"));
    else if (!path && renamed_review(a, old, sizeof old))
        nb_app_say(a, 0, nb_app_tr(a, "%s: the review of this very report under an old name (renamed?), not read: nianbao --review %s %s reads it",
                                   "%s：这是本报告改名前的审阅（已改名？），未读取：nianbao --review %s %s 可读取"),
                   old, old, a->r->doc.path);
    else if (review_of_other_version(a))
        nb_app_say(a, 0, "%s",
                   nb_app_tr(a, "the review was made on another version of this report: decisions and notes are kept by finding, "
                                "corrections where a cell still says what it said (REVIEW.STALE: what no longer fits)",
                             "审阅针对的是本报告的另一版本：决定和批注按问题沿用，更正仅用于内容未变的单元格（不再适用的见 REVIEW.STALE）"));
    if (a->s.journal_found)
        nb_app_push(a, NB_MODE_ASK_RECOVER); /* a session ended without saving */
}

void nb_app_resize(nb_app *a, int w, int h)
{
    nb_screen_resize(&a->scr, w, h);
    nb_app_settle(a);
}

void nb_app_free(nb_app *a)
{
    nb_app_unload(a);
    nb_search_free(&a->search);
    nb_lineedit_free(&a->in);
    nb_screen_free(&a->scr);
    free(a->list_marks);
    free(a->decide);
    memset(a, 0, sizeof *a);
}
