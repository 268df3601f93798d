/* overlay_help.c — the help view: every key of every mode, the `:`
 * commands and the marks (help.h), wrapped to the screen's width and
 * scrolled a row at a time; `/` searches it, n and N step through the
 * items that match; any other key closes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "help.h"
#include "keymap.h"
#include "list.h"
#include "prompt.h"
#include "search.h"
#include "select.h"
#include "view.h"

enum { MAX_ITEMS = 192, TEXT_COL = 2 + NB_HELP_KEYS + 1 };

typedef struct help {
    nb_help_item it[MAX_ITEMS];
    int n;
    int w;  /* the screen's width */
} help;

static void help_load(const nb_app *a, help *h)
{
    memset(h, 0, sizeof *h); /* all of it set: PCRE2's JIT may read past the end of a string */
    h->n = nb_help_items(a->lang == NB_LANG_ZH, h->it, MAX_ITEMS);
    h->w = a->scr.w;
}

/* The width the item's text wraps at. */
static int text_width(const help *h, const nb_help_item *it)
{
    int w = it->heading ? h->w - 2 : h->w - TEXT_COL - 1;
    return w < 8 ? 8 : w;
}

/* Whether the keys are too wide for their column: the text starts below. */
static int keys_alone(const nb_help_item *it)
{
    return !it->heading && (int)nb_display_cols(it->keys, strlen(it->keys), 0) > NB_HELP_KEYS;
}

/* The rows before the item's text: a blank before a heading (not the
 * first), the keys alone on a row when they are wide. */
static int lead_rows(const nb_help_item *it, int k)
{
    return it->heading ? k > 0 : keys_alone(it);
}

static int item_rows(const help *h, int k)
{
    const nb_help_item *it = &h->it[k];
    return lead_rows(it, k) + nb_text_rows(it->text, strlen(it->text), text_width(h, it));
}

/* The first row of item k, and all the rows (k = h->n). */
static int row_of(const help *h, int k)
{
    int r = 0;
    for (int i = 0; i < k && i < h->n; i++)
        r += item_rows(h, i);
    return r;
}

/* The item that row r falls in. */
static int item_at(const help *h, int r)
{
    int k = 0;
    for (int at = 0; k < h->n; k++) {
        at += item_rows(h, k);
        if (at > r)
            break;
    }
    return k < h->n ? k : h->n - 1;
}

/* ------------------------------------------------------------ drawing */

typedef struct hits {
    unsigned char *on;
    size_t n;
} hits;

static int mark_hit(size_t a, size_t b, void *arg)
{
    hits *h = arg;
    for (size_t i = a; i < b && i < h->n; i++)
        h->on[i] = 1;
    return 0;
}

/* Text from row y on, wrapped at w columns from column x, the search's
 * hits marked; rows outside [top, bottom) are not drawn. */
static void draw_text(const nb_app *a, nb_screen *s, int y, int x, int w, const char *t, nb_role role, int top,
                      int bottom)
{
    size_t n = strlen(t), off = 0;
    hits h = {a->search.re ? calloc(n + 1, 1) : NULL, n};
    if (h.on)
        nb_search_each(&a->search, t, n, 0, mark_hit, &h);
    for (size_t next; off < n || off == 0; y++) {
        size_t k = nb_text_break(t + off, n - off, w, &next);
        if (y >= top && y < bottom) {
            int used = 0;
            for (size_t i = off; i < off + k;) {
                size_t at = i;
                nb_utf8_get(t, off + k, &i);
                used += nb_screen_put(s, y, x + used, t + at, i - at, w - used, h.on && h.on[at] ? NB_R_SEARCH : role,
                                      h.on && h.on[at]);
            }
        }
        if (!k)
            break;
        off += next;
    }
    free(h.on);
}

static void draw_item(const nb_app *a, nb_screen *s, const help *h, int k, int y, int top, int bottom)
{
    const nb_help_item *it = &h->it[k];
    y += lead_rows(it, k) - keys_alone(it);
    if (it->heading) {
        draw_text(a, s, y, 1, text_width(h, it), it->text, NB_R_TITLE, top, bottom);
        return;
    }
    if (y >= top && y < bottom)
        nb_screen_put(s, y, 2, it->keys, strlen(it->keys), h->w - 3, NB_R_HEADER, 1);
    draw_text(a, s, y + keys_alone(it), TEXT_COL, text_width(h, it), it->text, NB_R_TEXT, top, bottom);
}

static void draw(const nb_app *a, nb_screen *s)
{
    help h;
    help_load(a, &h);
    int rows = nb_list_rows(s), total = row_of(&h, h.n), last = a->help_top + rows < total ? a->help_top + rows : total;
    char title[320];
    snprintf(title, sizeof title, "%s  %d-%d/%d",
             nb_app_tr(a, " Keys — j k PgDn PgUp g G scroll, / searches, other keys close",
                       " 按键 — j k PgDn PgUp g G 滚动，/ 搜索，其他键关闭"),
             a->help_top + 1, last, total);
    nb_list_title(s, title);
    for (int k = item_at(&h, a->help_top), y = 3 + row_of(&h, k) - a->help_top; k < h.n && y < 3 + rows; k++) {
        draw_item(a, s, &h, k, y, 3, 3 + rows);
        y += item_rows(&h, k);
    }
}

/* ------------------------------------------------------------ keys */

/* Keep the top within the help. */
static void settle(nb_app *a)
{
    help h;
    help_load(a, &h);
    int most = row_of(&h, h.n) - nb_list_rows(&a->scr);
    if (a->help_top > most)
        a->help_top = most;
    if (a->help_top < 0)
        a->help_top = 0;
}

static int stop(size_t start, size_t end, void *arg)
{
    (void)start, (void)end, (void)arg;
    return 1;
}

static int item_matches(const nb_app *a, const nb_help_item *it)
{
    return nb_search_each(&a->search, it->keys, strlen(it->keys), 0, stop, NULL) ||
           nb_search_each(&a->search, it->text, strlen(it->text), 0, stop, NULL);
}

void nb_help_search(nb_app *a, int dir)
{
    help h;
    help_load(a, &h);
    int from = item_at(&h, a->help_top), to = -1, k = 0, count = 0;
    for (int step = 1; step <= h.n && to < 0; step++) {
        int i = ((from + dir * step) % h.n + h.n) % h.n;
        if (item_matches(a, &h.it[i]))
            to = i;
    }
    if (to < 0) {
        nb_app_say(a, 1, nb_app_tr(a, "not found: %s", "未找到：%s"), a->search.pat);
        return;
    }
    for (int i = 0; i < h.n; i++) /* the help is small: its hits counted at each step */
        if (item_matches(a, &h.it[i])) {
            count++;
            k += i <= to;
        }
    nb_search_said(a, (size_t)k, (size_t)count, dir > 0 ? to <= from : to >= from, dir);
    a->help_top = row_of(&h, to) + lead_rows(&h.it[to], to) - keys_alone(&h.it[to]);
}

/* How far a scrolling key moves the help, or 0. */
static int scroll_step(const nb_app *a, nb_request rq)
{
    int rows = nb_list_rows(&a->scr);
    switch (rq) {
    case NB_REQ_HELP_DOWN: return 1;
    case NB_REQ_HELP_UP: return -1;
    case NB_REQ_HELP_PAGE_DOWN: return nb_page_step(rows, NB_REQ_PAGE_DOWN);
    case NB_REQ_HELP_PAGE_UP: return nb_page_step(rows, NB_REQ_PAGE_UP);
    case NB_REQ_HELP_HALF_DOWN: return nb_page_step(rows, NB_REQ_HALF_DOWN);
    case NB_REQ_HELP_HALF_UP: return nb_page_step(rows, NB_REQ_HALF_UP);
    case NB_REQ_HELP_TOP: return -a->help_top;
    case NB_REQ_HELP_BOTTOM: return 1 << 20; /* settle stops it at the end */
    default: return 0;
    }
}

static void key(nb_app *a, nb_request rq, int k)
{
    (void)k;
    nb_app_quiet(a);
    int d = scroll_step(a, rq);
    if (d) {
        a->help_top += d;
        return;
    }
    switch (rq) {
    case NB_REQ_HELP_SEARCH: nb_prompt_open(a, NB_MODE_SEARCH); break;
    case NB_REQ_HELP_SEARCH_NEXT: nb_search_next(a, 1); break;
    case NB_REQ_HELP_SEARCH_PREV: nb_search_next(a, -1); break;
    case NB_REQ_HELP_TOP: break; /* already there */
    default: nb_app_pop(a); break; /* any other key closes the help */
    }
}

const nb_view nb_view_help = {NB_KM_HELP, 1, draw, key, settle};
