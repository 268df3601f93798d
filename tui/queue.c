/* queue.c — the console's queue of reports (queue.h): the order shown,
 * opening and leaving a report, stepping across reports, :next, :prev, :e. */
#include "queue.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actions.h"
#include "batch/engine.h"
#include "read/read.h"
#include "select.h"
#include "view.h"

/* The folder every path shares ("reports/" of reports/a.txt and
 * reports/sub/b.txt): its length in bytes. */
static size_t shared_folder(const nb_survey *sv)
{
    if (sv->n < 2)
        return 0;
    size_t n = strlen(sv->paths.v[0]);
    for (size_t i = 1; i < sv->n; i++) {
        size_t k = 0;
        while (k < n && sv->paths.v[i][k] == sv->paths.v[0][k])
            k++;
        n = k;
    }
    while (n > 0 && sv->paths.v[0][n - 1] != '/')
        n--;
    return n;
}

int nb_queue_init(nb_queue *q, nb_paths *paths, int single, const nb_ctx *ctx, nb_queue_progress progress,
                  nb_err *err)
{
    memset(q, 0, sizeof *q);
    q->open = q->pending = -1;
    q->single = single;
    /* every report read once, on every core */
    if (nb_survey_init(&q->sv, paths, ctx, err) != 0 ||
        (!single && nb_survey_batch(&q->sv, nb_engine_jobs(NULL, ctx->lang, err), ctx->lang, progress, err) != 0))
        return -1;
    q->prefix = shared_folder(&q->sv);
    q->order = malloc((q->sv.n ? q->sv.n : 1) * sizeof *q->order);
    if (!q->order)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(ctx->lang, "out of memory", "内存不足"));
    nb_queue_reorder(q);
    return 0;
}

void nb_queue_free(nb_queue *q)
{
    nb_survey_free(&q->sv);
    free(q->order);
    memset(q, 0, sizeof *q);
}

const char *nb_queue_name(const nb_queue *q, int item)
{
    return q->sv.paths.v[item] + q->prefix;
}

/* ------------------------------------------------------------ order */

static long open_total(const nb_survey_item *it)
{
    return it->open[0] + it->open[1] + it->open[2];
}

static int cmp_long_desc(long a, long b)
{
    return (a < b) - (a > b);
}

/* What the sort compares with: the queue and the order asked for. */
typedef struct sort_ctx {
    const nb_queue *q;
    int sort;
} sort_ctx;

static int compare_items(const sort_ctx *c, int a, int b)
{
    const nb_survey_item *x = &c->q->sv.v[a], *y = &c->q->sv.v[b];
    int d = 0;
    if (x->ok != y->ok)
        return y->ok - x->ok; /* unreadable reports last */
    if (c->sort == NB_QSORT_OPEN_ERRORS) {
        d = cmp_long_desc(x->open[2], y->open[2]);
        if (!d)
            d = cmp_long_desc(open_total(x), open_total(y));
    } else if (c->sort == NB_QSORT_BODY_YEAR) {
        d = !x->agency[0] - !y->agency[0]; /* no body known: after those known */
        if (!d)
            d = strcmp(x->agency, y->agency);
        if (!d)
            d = x->year - y->year;
    }
    if (!d)
        d = strcmp(nb_queue_name(c->q, a), nb_queue_name(c->q, b));
    return d ? d : a - b;
}

/* An insertion sort: queues are tens or hundreds of reports, and qsort has
 * no context argument in C11. */
static void sort_order(nb_queue *q)
{
    sort_ctx c = {q, q->sort};
    for (int i = 1; i < q->norder; i++) {
        int v = q->order[i], j = i;
        while (j > 0 && compare_items(&c, q->order[j - 1], v) > 0) {
            q->order[j] = q->order[j - 1];
            j--;
        }
        q->order[j] = v;
    }
}

/* Whether s holds the part asked for (ASCII letters in any case). */
static int holds(const char *s, const char *part)
{
    return strcasestr(s, part) != NULL;
}

static int shown(const nb_queue *q, int item)
{
    const nb_survey_item *it = &q->sv.v[item];
    if (q->only_open_errors && it->open[2] == 0)
        return 0;
    return !q->filter[0] || holds(nb_queue_name(q, item), q->filter) || holds(it->agency, q->filter);
}

int nb_queue_line_of(const nb_queue *q, int item)
{
    for (int k = 0; k < q->norder; k++)
        if (q->order[k] == item)
            return k;
    return -1;
}

void nb_queue_reorder(nb_queue *q)
{
    int was = q->sel >= 0 && q->sel < q->norder ? q->order[q->sel] : -1;
    q->norder = 0;
    for (size_t i = 0; i < q->sv.n; i++)
        if (shown(q, (int)i))
            q->order[q->norder++] = (int)i;
    sort_order(q);
    int line = was >= 0 ? nb_queue_line_of(q, was) : -1;
    q->sel = line >= 0 ? line : q->sel >= q->norder ? q->norder - 1 : q->sel;
    if (q->sel < 0)
        q->sel = 0;
}

/* ------------------------------------------------------------ opening and leaving */

/* The finding to land on: the first open one (or the first) for dir > 0,
 * the last for dir < 0, none for 0. */
static void land(nb_app *a, int dir)
{
    int n = (int)a->s.fs.n;
    if (!n || !dir)
        return;
    int same = dir == NB_QUEUE_REREAD && a->q->reread_fp[0] ? nb_session_find(&a->s, a->q->reread_fp) : -1;
    a->q->reread_fp[0] = '\0';
    if (same >= 0) {
        nb_go_finding(a, same);
        return;
    }
    if (dir < 0) {
        nb_go_finding(a, n - 1);
        return;
    }
    for (int k = 0; k < n; k++) {
        const nb_rv_entry *d = nb_session_decision(&a->s, (size_t)k);
        if (!d || d->state == NB_DEC_OPEN) {
            nb_go_finding(a, k);
            return;
        }
    }
    nb_go_finding(a, 0);
}

/* A report read and made the one under review, checked as the queue's
 * figures were (its folder's rule settings, the year before). */
static int load_report(nb_app *a, int item, nb_err *err)
{
    nb_queue *q = a->q;
    const char *path = q->sv.paths.v[item];
    nb_rule_config cfg;
    const nb_summary *prev;
    if (nb_survey_rules(&q->sv, path, &cfg, a->lang, err) != 0 || nb_survey_prev(&q->sv, (size_t)item, a->ctx, &prev, err) != 0)
        return -1;
    nb_report *r = malloc(sizeof *r);
    if (!r)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_app_tr(a, "out of memory", "内存不足"));
    if (nb_report_open(r, path, a->ctx, err) != 0) {
        free(r);
        return -1;
    }
    if (nb_app_load(a, r) != 0 || nb_session_configure(&a->s, prev, &cfg, err) != 0) {
        nb_app_unload(a);
        nb_report_free(r);
        free(r);
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_app_tr(a, "out of memory", "内存不足"));
    }
    return 0;
}

int nb_queue_open(nb_app *a, int item, int dir)
{
    nb_queue *q = a->q;
    nb_err err;
    if (q->open >= 0)
        nb_queue_close(a);
    if (load_report(a, item, &err) != 0)
        return nb_app_fail(a, &err);
    q->open = item;
    int line = nb_queue_line_of(q, item);
    if (line >= 0)
        q->sel = line;
    a->nmodes = 1;
    nb_app_push(a, NB_MODE_NORMAL);
    nb_app_open_review(a, q->single ? q->review : NULL); /* asks about a journal left behind */
    land(a, dir);
    return 0;
}

/* The report's memory given back. */
static void free_report(nb_app *a)
{
    nb_report *r = a->r;
    nb_app_unload(a);
    if (r) {
        nb_report_free(r);
        free(r);
    }
    a->q->open = -1;
    a->nmodes = 1;
}

void nb_queue_close(nb_app *a)
{
    nb_queue *q = a->q;
    int item = q->open;
    if (item < 0 || !a->r)
        return;
    nb_err err;
    int rc;
    if (a->s.dirty || a->s.review_bad) /* what counts is in the files */
        rc = nb_survey_report(&q->sv, (size_t)item, a->ctx, &err);
    else {
        nb_survey_figures(&q->sv.v[item], a->r, &a->s.fs, &a->s.rv);
        rc = nb_survey_keep(&q->sv, (size_t)item, a->r, &err);
    }
    free_report(a);
    if (rc != 0)
        nb_app_fail(a, &err);
    nb_survey_all(&q->sv, a->ctx, &err); /* a report added by :e to a single one */
    q->prefix = shared_folder(&q->sv);
    nb_queue_reorder(q);
    int line = nb_queue_line_of(q, item);
    if (line >= 0)
        q->sel = line;
}

void nb_queue_end(nb_app *a)
{
    if (a->q && a->q->open >= 0)
        free_report(a);
}

void nb_queue_say_walk(nb_app *a, const nb_walk_problems *pr)
{
    if (!pr->n)
        return;
    int problems = 0;
    for (size_t i = 0; i < pr->n; i++)
        problems += pr->v[i].code != NB_OK;
    if (pr->n == 1)
        nb_app_say(a, problems, "%s", pr->v[0].msg);
    else
        nb_app_say(a, problems,
                   nb_app_tr(a, "%zu paths not taken (listed on the terminal after q); the first: %s",
                             "%zu 个路径未读取（退出后终端上有清单）；第一个：%s"),
                   pr->n, pr->v[0].msg);
}

/* ------------------------------------------------------------ stepping */

/* The next report of the order after from (dir > 0) or before it, going
 * round, that is not from: one with open findings when open_only. -1 none. */
static int neighbour(const nb_queue *q, int from, int dir, int open_only)
{
    int n = q->norder, p = nb_queue_line_of(q, from);
    if (p < 0)
        p = dir > 0 ? -1 : n;
    for (int k = 1; k <= n; k++) {
        int item = q->order[((p + dir * k) % n + n) % n];
        const nb_survey_item *it = &q->sv.v[item];
        if (item != from && it->ok && (!open_only || open_total(it) > 0))
            return item;
    }
    return -1;
}

/* Leave the report open for item (dir: how to land there); asks first about
 * unsaved work, and nb_queue_after goes on. */
static void leave_for(nb_app *a, int item, int dir)
{
    a->q->pending = item;
    a->q->pending_dir = dir;
    nb_act_quit(a);
}

void nb_queue_step(nb_app *a, int dir)
{
    nb_queue *q = a->q;
    int n = (int)a->s.fs.n;
    int at_end = !n || (dir > 0 ? a->finding == n - 1 : a->finding == 0);
    int next = q && !q->single && at_end ? neighbour(q, q->open, dir, 1) : -1;
    if (next >= 0)
        leave_for(a, next, dir);
    else if (dir > 0)
        nb_go_finding(a, a->finding + 1);
    else
        nb_go_finding(a, a->finding < 0 ? -1 : a->finding - 1);
}

void nb_queue_back(nb_app *a)
{
    if (!a->q || a->q->single)
        nb_app_say(a, 0, "%s", nb_app_tr(a, "one report, no queue: q quits", "只有一份报告，没有队列：按 q 退出"));
    else
        nb_act_quit(a);
}

/* Where the report just opened stands, said on the status line: dir 1
 * stepped on to it, -1 back to it, 2 asked for by a command. */
static void say_where(nb_app *a, int dir)
{
    const nb_queue *q = a->q;
    int line = nb_queue_line_of(q, q->open);
    char pos[32] = "";
    if (line >= 0)
        snprintf(pos, sizeof pos, " %d/%d", line + 1, q->norder);
    if (dir == 1)
        nb_app_say(a, 0, nb_app_tr(a, "next report%s: %s, at its first open finding", "下一份报告%s：%s，第一个未决问题"),
                   pos, nb_queue_name(q, q->open));
    else if (dir == NB_QUEUE_REREAD)
        nb_app_say(a, 0, nb_app_tr(a, "read again: %s", "已重新读取：%s"), nb_queue_name(q, q->open));
    else if (dir > 1)
        nb_app_say(a, 0, nb_app_tr(a, "report%s: %s", "报告%s：%s"), pos, nb_queue_name(q, q->open));
    else if (dir < 0)
        nb_app_say(a, 0, nb_app_tr(a, "previous report%s: %s, at its last finding", "上一份报告%s：%s，最后一个问题"),
                   pos, nb_queue_name(q, q->open));
}

void nb_queue_after(nb_app *a)
{
    nb_queue *q = a->q;
    if (!q)
        return;
    if (!a->quit) {
        if (nb_app_mode(a) != NB_MODE_ASK_QUIT)
            q->pending = -1; /* the question was cancelled */
        return;
    }
    if (q->open < 0 || (q->single && q->pending < 0))
        return; /* the queue, or the one report, quits */
    int next = q->pending, dir = q->pending_dir;
    q->pending = -1;
    a->quit = 0;
    nb_queue_close(a);
    if (next < 0)
        return;
    if (!a->msg_error || dir == NB_QUEUE_REREAD)
        nb_app_quiet(a); /* "saved …" (", the report changed on disk") gives way to where the next report stands */
    if (nb_queue_open(a, next, dir) != 0)
        return;
    if (!a->msg[0]) {
        say_where(a, dir);
    } else if (dir == NB_QUEUE_REREAD) { /* what opening it said (a review of another version) after it */
        char said[sizeof a->msg];
        snprintf(said, sizeof said, "%s", a->msg);
        nb_app_say(a, a->msg_error, nb_app_tr(a, "read again: %s; %s", "已重新读取：%s；%s"), nb_queue_name(a->q, a->q->open),
                   said);
    }
}

/* ------------------------------------------------------------ commands */

/* The item of a path as given, as shown, or by its file name; -1 none. */
static int find_item(const nb_queue *q, const char *arg)
{
    for (size_t i = 0; i < q->sv.n; i++) {
        const char *p = q->sv.paths.v[i], *base = strrchr(p, '/');
        if (!strcmp(p, arg) || !strcmp(nb_queue_name(q, (int)i), arg) || (base && !strcmp(base + 1, arg)))
            return (int)i;
    }
    return -1;
}

/* :e FILE of a file that cannot be opened (access gave e): why. */
static int unreadable(const nb_app *a, const char *arg, int e, nb_err *err)
{
    const char *why = e == ENOENT || e == ENOTDIR ? nb_app_tr(a, "no such file", "文件不存在")
                      : e == EACCES             ? nb_app_tr(a, "permission denied", "没有读取权限")
                                                : nb_app_tr(a, "cannot read it", "无法读取");
    return nb_err_set(err, e == ENOENT || e == ENOTDIR ? NB_E_NOTFOUND : NB_E_IO, nb_app_tr(a, "%s: %s", "%s：%s"), arg,
                      why);
}

/* :e FILE: its item, added and surveyed when the queue does not have it. */
static int item_for(nb_app *a, const char *arg, nb_err *err)
{
    nb_queue *q = a->q;
    int item = find_item(q, arg);
    if (item >= 0)
        return item;
    if (access(arg, R_OK) != 0)
        return unreadable(a, arg, errno, err);
    int *order = realloc(q->order, (q->sv.n + 1) * sizeof *order);
    if (!order)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_app_tr(a, "out of memory", "内存不足"));
    q->order = order;
    if (nb_survey_add(&q->sv, arg, a->ctx, err) != 0 || nb_survey_report(&q->sv, q->sv.n - 1, a->ctx, err) != 0)
        return -1;
    item = (int)q->sv.n - 1;
    if (!q->sv.v[item].ok)
        return nb_err_set(err, NB_E_IO, "%s", q->sv.v[item].problem);
    q->single = 0; /* two reports make a queue */
    q->prefix = shared_folder(&q->sv);
    nb_queue_reorder(q);
    return item;
}

/* The report open read again from its file (:e alone, or naming it):
 * left as for another report (unsaved work asked about), then opened at
 * the finding it was on. */
static void read_again(nb_app *a)
{
    nb_queue *q = a->q;
    q->reread_fp[0] = '\0';
    if (a->finding >= 0 && a->finding < (int)a->s.fs.n)
        nb_finding_fingerprint(a->r, &a->s.fs.v[a->finding], q->reread_fp);
    leave_for(a, q->open, NB_QUEUE_REREAD);
}

/* Go to item: at once from the queue, else once the report open is left
 * (the report open itself: read again). */
static int go_to(nb_app *a, int item)
{
    if (a->q->open >= 0) {
        if (item != a->q->open)
            leave_for(a, item, 2);
        else
            read_again(a);
        return 0;
    }
    if (nb_queue_open(a, item, 2) != 0)
        return -1;
    if (!a->msg[0])
        say_where(a, 2);
    return 0;
}

int nb_queue_command(nb_app *a, nb_request rq, const char *arg, nb_err *err)
{
    nb_queue *q = a->q;
    if (!q)
        return nb_err_set(err, NB_E_USAGE, "%s", nb_app_tr(a, "one report, no queue", "只有一份报告，没有队列"));
    if (rq == NB_REQ_CMD_EDIT) {
        if (!*arg && q->open >= 0) {
            read_again(a);
            return 0;
        }
        if (!*arg)
            return nb_err_set(err, NB_E_USAGE, "%s", nb_app_tr(a, ":e needs a file", ":e 需要文件名"));
        int item = item_for(a, arg, err);
        return item < 0 ? -1 : go_to(a, item);
    }
    int from = q->open >= 0 ? q->open : q->norder ? q->order[q->sel] : -1;
    int item = from >= 0 ? neighbour(q, from, rq == NB_REQ_CMD_PREV ? -1 : 1, 0) : -1;
    if (item < 0)
        return nb_err_set(err, NB_E_USAGE, "%s", nb_app_tr(a, "no other report in the queue", "队列中没有其他报告"));
    return go_to(a, item);
}
