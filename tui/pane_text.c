/* pane_text.c — the text pane: the report's text wrapped, with a gutter of
 * line numbers, cells and findings highlighted, search hits marked; the
 * cursor moved by keys and kept in view. */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "model/doc.h"
#include "search.h"
#include "select.h"

#define GUTTER 6

static size_t line_of(const nb_app *a, size_t off)
{
    return nb_doc_line_of(&a->r->doc, off);
}

/* Walking a line's characters as they wrap at a width: tabs to the next
 * multiple of 8 of the line, a wide character never split at the edge. */
typedef struct wrap {
    const char *t;
    size_t i, e;
    int col, lcol, width;
} wrap;

static void wrap_start(wrap *w, const nb_doc *d, size_t li, int width)
{
    size_t s, e;
    nb_doc_line(d, li, &s, &e);
    w->t = d->text;
    w->i = s;
    w->e = e;
    w->col = w->lcol = 0;
    w->width = width;
}

/* The next character: where it starts, its code point, its width, its column
 * on its row; returns 0 at the line's end, 2 when it begins a new row. */
static int wrap_next(wrap *w, size_t *start, uint32_t *cp, int *cw, int *col)
{
    if (w->i >= w->e)
        return 0;
    *start = w->i;
    *cp = nb_utf8_get(w->t, w->e, &w->i);
    *cw = *cp == '\t' ? 8 - w->lcol % 8 : nb_cp_width(*cp);
    w->lcol += *cw;
    int newrow = 0;
    if (w->col + *cw > w->width && w->col > 0) {
        w->col = 0;
        newrow = 1;
    }
    *col = w->col;
    w->col += *cw;
    return newrow ? 2 : 1;
}

/* Rows a line takes when wrapped at width columns. */
static int line_rows(const nb_doc *d, size_t li, int width)
{
    wrap w;
    wrap_start(&w, d, li, width);
    size_t st;
    uint32_t cp;
    int cw, col, rc, rows = 1;
    while ((rc = wrap_next(&w, &st, &cp, &cw, &col)))
        rows += rc == 2;
    return rows;
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

/* Keep the cursor's line in view: if it is below the pane, the top is found
 * by walking back from the cursor's line, never down from the old top. */
static void scroll_text(nb_app *a, int rows, int width)
{
    const nb_doc *d = &a->r->doc;
    size_t cl = line_of(a, a->cur);
    if (cl < a->top_line) {
        a->top_line = cl;
        return;
    }
    int used = 0;
    for (size_t li = a->top_line; li <= cl; li++) {
        used += line_rows(d, li, width);
        if (used > rows)
            break;
    }
    if (used <= rows)
        return;
    size_t top = cl;
    used = line_rows(d, cl, width);
    while (top > 0) {
        int r = line_rows(d, top - 1, width);
        if (used + r > rows)
            break;
        used += r;
        top--;
    }
    a->top_line = top;
}

static void settle(nb_app *a, const nb_panes *p)
{
    int width = p->tw - GUTTER;
    if (width < 4)
        return;
    a->text_rows = p->th;
    scroll_text(a, p->th, width);
}

/* Line li from row y on; returns the row after it. */
static int draw_line(const nb_app *a, nb_screen *s, const nb_panes *p, size_t li, int y)
{
    const nb_doc *d = &a->r->doc;
    int width = p->tw - GUTTER;
    size_t ls, le;
    nb_doc_line(d, li, &ls, &le);
    unsigned char *hit = nb_search_line(&a->search, d->text, ls, le);
    char num[32];
    snprintf(num, sizeof num, "%5zu ", li + 1);
    nb_screen_put(s, y, p->tx, num, strlen(num), GUTTER, NB_R_GUTTER, 0);
    wrap w;
    wrap_start(&w, d, li, width);
    size_t here;
    uint32_t cp;
    int cw, col, rc;
    while (y < p->ty + p->th && (rc = wrap_next(&w, &here, &cp, &cw, &col))) {
        if (rc == 2 && ++y >= p->ty + p->th)
            break;
        int marked;
        nb_role role = char_role(a, here, hit, ls, le - ls, &marked);
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
    if (p->tw - GUTTER < 4)
        return;
    int y = p->ty;
    for (size_t li = a->top_line; li < a->r->doc.nlines && y < p->ty + p->th; li++)
        y = draw_line(a, s, p, li, y);
}

/* ------------------------------------------------------------ movement */

static void move_lines(nb_app *a, long d)
{
    const nb_doc *doc = &a->r->doc;
    size_t li = line_of(a, a->cur), ls, le;
    nb_doc_line(doc, li, &ls, &le);
    size_t col = nb_display_cols(doc->text + ls, a->cur - ls, 0);
    long target = (long)li + d;
    if (target < 0)
        target = 0;
    if (target >= (long)doc->nlines)
        target = (long)doc->nlines - 1;
    nb_doc_line(doc, (size_t)target, &ls, &le);
    size_t i = ls, c = 0;
    while (i < le) {
        size_t here = i;
        uint32_t cp = nb_utf8_get(doc->text, le, &i);
        c += (size_t)(cp == '\t' ? 8 - c % 8 : (size_t)nb_cp_width(cp));
        if (c > col) {
            i = here;
            break;
        }
    }
    a->cur = i;
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

static void key(nb_app *a, nb_request rq)
{
    switch (rq) {
    case NB_REQ_MOVE_UP: move_lines(a, -1); break;
    case NB_REQ_MOVE_DOWN: move_lines(a, 1); break;
    case NB_REQ_MOVE_LEFT: move_chars(a, -1); break;
    case NB_REQ_MOVE_RIGHT: move_chars(a, 1); break;
    case NB_REQ_TOP:
        a->cur = 0;
        a->top_line = 0;
        nb_cell_from_cursor(a);
        break;
    case NB_REQ_BOTTOM:
        a->cur = a->r->doc.lines[a->r->doc.nlines - 1];
        nb_cell_from_cursor(a);
        break;
    default: move_lines(a, nb_page_step(a->text_rows, rq)); break;
    }
}

const nb_pane nb_pane_text = {draw, settle, key};
