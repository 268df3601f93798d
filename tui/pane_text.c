/* pane_text.c — the text pane: the report's text wrapped into screen rows
 * (wrap.h), with a gutter of line numbers, cells and findings highlighted,
 * search hits marked; the cursor moved by keys a screen row at a time and
 * kept in view, inside a line of any length. */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "model/doc.h"
#include "search.h"
#include "select.h"
#include "wrap.h"

#define GUTTER 6

static size_t line_of(const nb_app *a, size_t off)
{
    return nb_doc_line_of(&a->r->doc, off);
}

/* The role of the character at off within the current finding, or -1. */
static int finding_role(const nb_app *a, size_t off)
{
    const nb_finding *f = &a->s.fs.v[a->finding];
    if (f->claim_len && off >= f->claim_off && off < f->claim_off + f->claim_len)
        return NB_R_CLAIM;
    for (int k = 0; k < f->ncells; k++)
        if (nb_in_cell(a->r, f->cells[k], off))
            return f->cells[k] == f->suspect ? NB_R_SUSPECT : NB_R_HIGHLIGHT;
    return -1;
}

/* The role of a character of a cell's text: by its worst finding, else
 * whether it was inferred. */
static nb_role cell_role(const nb_app *a, int ci, int *marked)
{
    int w = a->s.cell_worst[ci];
    if (w == NB_SEV_ERROR) {
        *marked = 1;
        return NB_R_ERROR;
    }
    if (w == NB_SEV_WARNING)
        return NB_R_WARNING;
    return a->r->cells[ci].status == NB_ST_INFERRED ? NB_R_INFERRED : NB_R_CELL;
}

static nb_role char_role(const nb_app *a, size_t off, const unsigned char *hit, size_t hit_base, size_t hit_n,
                         int *marked)
{
    *marked = 1;
    int sel = nb_selected_cell(a);
    if (a->focus == 0 && off == a->cur)
        return NB_R_HIGHLIGHT;
    if (a->finding >= 0 && sel >= 0 && sel == a->s.fs.v[a->finding].suspect && nb_in_cell(a->r, sel, off))
        return NB_R_SUSPECT;
    if (sel >= 0 && nb_in_cell(a->r, sel, off))
        return NB_R_CELL_SELECTED;
    int fr = a->finding >= 0 ? finding_role(a, off) : -1;
    if (fr >= 0)
        return (nb_role)fr;
    *marked = 0;
    if (hit && off >= hit_base && off < hit_base + hit_n && hit[off - hit_base])
        return NB_R_SEARCH;
    int ci = nb_cell_at(a, off);
    return ci >= 0 ? cell_role(a, ci, marked) : NB_R_TEXT;
}


/* ------------------------------------------------------------ scrolling */

/* The text pane's width for the text (without the gutter); < 4: none. */
static int text_width(const nb_panes *p)
{
    return p->tw - GUTTER;
}

/* The rows of line li, counting no further than max (then max + 1). */
static int line_rows(const nb_doc *d, size_t li, int width, int max)
{
    return nb_rows_between(d, d->lines[li], nb_row_last_of_line(d, d->lines[li], width), width, max) + 1;
}

/* The first row shown when the cursor's line is to end the pane: whole
 * lines above it, as many as fit. */
static size_t top_for_line(const nb_doc *d, size_t li, int used, int rows, int width)
{
    while (li > 0) {
        int r = line_rows(d, li - 1, width, rows);
        if (used + r > rows)
            break;
        used += r;
        li--;
    }
    return d->lines[li];
}

/* Keep the cursor in view: its whole line when the line fits in the pane
 * (found by walking back from the cursor, never down from the old top),
 * else the cursor's row — so a line of any length is seen a row at a time. */
static void scroll_text(nb_app *a, int rows, int width)
{
    const nb_doc *d = &a->r->doc;
    size_t cr = nb_row_of(d, a->cur, width, NULL);
    size_t li = line_of(a, cr), ls = d->lines[li];
    int lrows = line_rows(d, li, width, rows);
    int whole = lrows <= rows;
    size_t first = whole ? ls : cr, last = whole ? nb_row_last_of_line(d, cr, width) : cr;
    a->top = nb_row_of(d, a->top, width, NULL); /* a row's start at this width */
    if (first < a->top) {
        a->top = first;
        return;
    }
    if (nb_rows_between(d, a->top, last, width, rows) < rows)
        return;
    a->top = whole ? top_for_line(d, li, lrows, rows, width) : nb_row_step(d, cr, -(long)(rows - 1), width);
}

static void settle(nb_app *a, const nb_panes *p)
{
    int width = text_width(p);
    if (width < 4)
        return;
    a->text_rows = p->th;
    scroll_text(a, p->th, width);
}

/* ------------------------------------------------------------ drawing */

/* The start of the character at or before off, not before ls. */
static size_t char_back(const char *t, size_t ls, size_t off)
{
    while (off > ls && ((unsigned char)t[off] & 0xC0) == 0x80)
        off--;
    return off;
}

/* The stretch of line [ls, le) whose search hits are drawn from row from
 * on: the whole line when it is short, else what the pane can show of it
 * and a margin (a hit is never looked for along the whole of a long line). */
static void hit_window(const nb_panes *p, const nb_doc *d, size_t ls, size_t le, size_t from, size_t *ws, size_t *we)
{
    size_t span = (size_t)p->th * (size_t)p->tw * 4 + 1024;
    *ws = ls;
    *we = le;
    if (le - ls <= 2 * span)
        return;
    *ws = from > ls + 1024 ? char_back(d->text, ls, from - 1024) : ls;
    *we = from + span < le ? char_back(d->text, ls, from + span) : le;
}

/* The gutter of a row: the line's number where the line starts; on the
 * top row, when it goes on a line begun above, the number and '+'. */
static void draw_gutter(nb_screen *s, const nb_panes *p, size_t li, int cont, int y)
{
    char num[32];
    snprintf(num, sizeof num, cont ? "%5zu+" : "%5zu ", li + 1);
    nb_screen_put(s, y, p->tx, num, strlen(num), GUTTER, NB_R_GUTTER, 0);
}

/* Line li from its row that starts at from, drawn from row y on; returns
 * the row after it. */
static int draw_line(const nb_app *a, nb_screen *s, const nb_panes *p, size_t li, size_t from, int y)
{
    const nb_doc *d = &a->r->doc;
    size_t ls, le, ws, we;
    nb_doc_line(d, li, &ls, &le);
    hit_window(p, d, ls, le, from, &ws, &we);
    unsigned char *hit = nb_search_line(&a->search, d->text, ws, we);
    draw_gutter(s, p, li, from > ls, y);
    nb_wrap w;
    nb_wrap_from(&w, d, from, text_width(p));
    size_t here;
    uint32_t cp;
    int cw, col, rc;
    while (y < p->ty + p->th && (rc = nb_wrap_next(&w, &here, &cp, &cw, &col))) {
        if (here < from)
            continue;
        if (rc == 2 && here > from && ++y >= p->ty + p->th)
            break;
        int marked;
        nb_role role = char_role(a, here, hit, ws, we - ws, &marked);
        if (cp == '\t')
            nb_screen_fill(s, y, p->tx + GUTTER + col, cw, ' ', role);
        else
            nb_screen_put(s, y, p->tx + GUTTER + col, d->text + here, w.i - here, cw, role, marked);
    }
    if (a->focus == 0 && a->cur == le && le == ls && li == line_of(a, a->cur))
        nb_screen_put(s, y, p->tx + GUTTER, " ", 1, 1, NB_R_HIGHLIGHT, 1); /* the cursor on an empty line */
    free(hit);
    return y + 1;
}

static void draw(const nb_app *a, nb_screen *s, const nb_panes *p)
{
    if (text_width(p) < 4)
        return;
    const nb_doc *d = &a->r->doc;
    int y = p->ty;
    size_t from = a->top;
    for (size_t li = line_of(a, from); li < d->nlines && y < p->ty + p->th; li++) {
        y = draw_line(a, s, p, li, from, y);
        if (li + 1 < d->nlines)
            from = d->lines[li + 1];
    }
}

/* ------------------------------------------------------------ movement */

/* The cursor n screen rows down (up when n < 0), at the same column of
 * its row where there is one. */
static void move_rows(nb_app *a, long n)
{
    nb_panes p = nb_app_panes(a);
    int width = text_width(&p);
    if (width < 4)
        return;
    const nb_doc *d = &a->r->doc;
    int col;
    size_t row = nb_row_of(d, a->cur, width, &col);
    a->cur = nb_row_at_col(d, nb_row_step(d, row, n, width), col, width);
    nb_cell_from_cursor(a);
}

static void move_chars(nb_app *a, int d)
{
    const char *t = a->r->doc.text;
    if (d > 0 && a->cur < a->r->doc.len && t[a->cur] != '\n' && t[a->cur] != '\r')
        nb_utf8_get(t, a->r->doc.len, &a->cur);
    else if (d < 0 && a->cur > 0 && t[a->cur - 1] != '\n' && t[a->cur - 1] != '\r') {
        a->cur--;
        while (a->cur > 0 && (((unsigned char)t[a->cur]) & 0xC0) == 0x80)
            a->cur--;
    }
    nb_cell_from_cursor(a);
}

/* G: the start of the text's last row. */
static void to_bottom(nb_app *a)
{
    const nb_doc *d = &a->r->doc;
    nb_panes p = nb_app_panes(a);
    int width = text_width(&p);
    a->cur = width < 4 ? d->lines[d->nlines - 1] : nb_row_last_of_line(d, d->lines[d->nlines - 1], width);
    nb_cell_from_cursor(a);
}

static void key(nb_app *a, nb_request rq)
{
    switch (rq) {
    case NB_REQ_MOVE_UP: move_rows(a, -1); break;
    case NB_REQ_MOVE_DOWN: move_rows(a, 1); break;
    case NB_REQ_MOVE_LEFT: move_chars(a, -1); break;
    case NB_REQ_MOVE_RIGHT: move_chars(a, 1); break;
    case NB_REQ_TOP:
        a->cur = 0;
        a->top = 0;
        nb_cell_from_cursor(a);
        break;
    case NB_REQ_BOTTOM: to_bottom(a); break;
    default: move_rows(a, nb_page_step(nb_app_panes(a).th, rq)); break;
    }
}

const nb_pane nb_pane_text = {draw, settle, key};
