/* app.c — the review console: the report's text and its tables side by side
 * (stacked below 120 columns), findings highlighted, keys from the request
 * table, help generated from it. Draws into an nb_screen; no curses here. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "app.h"
#include "out/export.h"
#include "requests.h"
#include "base/utf8.h"
#include "text/label.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_W 60
#define MIN_H 12
#define GUTTER 6

static const char *T(const nb_app *a, const char *en, const char *zh)
{
    return nb_tr(a->lang, en, zh);
}

static void say(nb_app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(nb_app *a, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_error = error;
}

/* ------------------------------------------------------------ the grid */

static void build_grid(nb_app *a)
{
    const nb_schema *s = a->r->schema;
    a->grid = calloc((size_t)s->nrows + 16, sizeof *a->grid);
    if (!a->grid)
        return;
    int n = 0;
    for (int t = NB_T2; t <= NB_T4; t++) {
        a->grid[n++] = (nb_grow_row){0, t, -1};
        if (t != NB_T2)
            a->grid[n++] = (nb_grow_row){1, t, -1};
        int last_cols = -1;
        for (int r = 0; r < s->nrows; r++) {
            if (s->rows[r].table != t)
                continue;
            /* T2's sub-tables differ in columns: a header before each change */
            if (t == NB_T2 && s->rows[r].ncols != last_cols) {
                a->grid[n++] = (nb_grow_row){1, t, r};
                last_cols = s->rows[r].ncols;
            }
            a->grid[n++] = (nb_grow_row){2, t, r};
        }
    }
    a->ngrid = n;
}

static int grid_cell(const nb_app *a, int g, int col)
{
    if (g < 0 || g >= a->ngrid || a->grid[g].kind != 2)
        return -1;
    int row = a->grid[g].row;
    if (col >= a->r->schema->rows[row].ncols)
        col = a->r->schema->rows[row].ncols - 1;
    return nb_schema_first_cell(a->r->schema, row) + col;
}

static int selected_cell(const nb_app *a)
{
    return grid_cell(a, a->gsel, a->gcol);
}

static void select_cell(nb_app *a, int ci)
{
    int row, col;
    nb_schema_cell_pos(a->r->schema, ci, &row, &col);
    for (int g = 0; g < a->ngrid; g++)
        if (a->grid[g].kind == 2 && a->grid[g].row == row) {
            a->gsel = g;
            a->gcol = col;
            return;
        }
}

/* ------------------------------------------------------------ layout */

typedef struct panes {
    int small, stacked;
    int tx, ty, tw, th;  /* text */
    int gx, gy, gw, gh;  /* tables */
} panes;

static panes layout(const nb_app *a)
{
    panes p;
    memset(&p, 0, sizeof p);
    int w = a->scr.w, h = a->scr.h;
    if (w < MIN_W || h < MIN_H) {
        p.small = 1;
        return p;
    }
    p.stacked = a->layout == NB_LAYOUT_STACKED || (a->layout == NB_LAYOUT_AUTO && w < 120);
    int body = h - 2; /* title and status lines */
    if (p.stacked) {
        p.tx = 0, p.ty = 1, p.tw = w, p.th = (body - 1) / 2;
        p.gx = 0, p.gy = p.ty + p.th + 1, p.gw = w, p.gh = body - p.th - 1;
    } else {
        int gw = 58;
        p.tx = 0, p.ty = 1, p.tw = w - gw - 1, p.th = body;
        p.gx = w - gw, p.gy = 1, p.gw = gw, p.gh = body;
    }
    return p;
}

/* ------------------------------------------------------------ text pane */

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

static void wrap_start(wrap *w, const nb_app *a, size_t li, int width)
{
    size_t s, e;
    nb_doc_line(&a->r->doc, li, &s, &e);
    w->t = a->r->doc.text;
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
static int line_rows(const nb_app *a, size_t li, int width)
{
    wrap w;
    wrap_start(&w, a, li, width);
    size_t st;
    uint32_t cp;
    int cw, col, rc, rows = 1;
    while ((rc = wrap_next(&w, &st, &cp, &cw, &col)))
        rows += rc == 2;
    return rows;
}

/* Is off inside cell ci's span? Blanks (no length) count their position. */
static int in_cell(const nb_report *r, int ci, size_t off)
{
    const nb_cell *c = &r->cells[ci];
    if (!c->has_span)
        return 0;
    return c->len ? off >= c->off && off < c->off + c->len : off == c->off;
}

/* The cell whose text holds off: a binary search of the spans by start. */
static int cell_at(const nb_app *a, size_t off)
{
    int lo = 0, hi = a->nspans;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a->r->cells[a->spans[mid]].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int k = lo - 1; k >= 0 && k >= lo - 4; k--) /* split cells share a blob's digits */
        if (in_cell(a->r, a->spans[k], off))
            return a->spans[k];
    return -1;
}



static nb_role char_role(const nb_app *a, size_t off, const unsigned char *hit, size_t hit_base, size_t hit_n,
                         int *marked)
{
    *marked = 0;
    const nb_report *r = a->r;
    int sel = selected_cell(a);
    if (a->focus == 0 && off == a->cur) {
        *marked = 1;
        return NB_R_HIGHLIGHT;
    }
    if (a->finding >= 0 && sel >= 0 && sel == a->s.fs.v[a->finding].suspect && in_cell(r, sel, off)) {
        *marked = 1;
        return NB_R_SUSPECT;
    }
    if (sel >= 0 && in_cell(r, sel, off)) {
        *marked = 1;
        return NB_R_CELL_SELECTED;
    }
    if (a->finding >= 0) {
        const nb_finding *f = &a->s.fs.v[a->finding];
        if (f->claim_len && off >= f->claim_off && off < f->claim_off + f->claim_len) {
            *marked = 1;
            return NB_R_CLAIM;
        }
        for (int k = 0; k < f->ncells; k++)
            if (in_cell(r, f->cells[k], off)) {
                *marked = 1;
                return f->cells[k] == f->suspect ? NB_R_SUSPECT : NB_R_HIGHLIGHT;
            }
    }
    if (hit && off >= hit_base && off < hit_base + hit_n && hit[off - hit_base])
        return NB_R_SEARCH;
    int ci = cell_at(a, off);
    if (ci >= 0) {
        int w = a->s.cell_worst[ci];
        if (w == NB_SEV_ERROR) {
            *marked = 1;
            return NB_R_ERROR;
        }
        if (w == NB_SEV_WARNING)
            return NB_R_WARNING;
        return r->cells[ci].status == NB_ST_INFERRED ? NB_R_INFERRED : NB_R_CELL;
    }
    return NB_R_TEXT;
}

/* Keep the cursor's line in view: if it is below the pane, the top is found
 * by walking back from the cursor's line, never down from the old top. */
static void scroll_text(nb_app *a, int rows, int width)
{
    size_t cl = line_of(a, a->cur);
    if (cl < a->top_line) {
        a->top_line = cl;
        return;
    }
    int used = 0;
    for (size_t li = a->top_line; li <= cl; li++) {
        used += line_rows(a, li, width);
        if (used > rows)
            break;
    }
    if (used <= rows)
        return;
    size_t top = cl;
    used = line_rows(a, cl, width);
    while (top > 0) {
        int r = line_rows(a, top - 1, width);
        if (used + r > rows)
            break;
        used += r;
        top--;
    }
    a->top_line = top;
}

static void draw_text(nb_app *a, const panes *p)
{
    nb_screen *s = &a->scr;
    int width = p->tw - GUTTER;
    if (width < 4)
        return;
    a->text_rows = p->th;
    scroll_text(a, p->th, width);
    const nb_doc *d = &a->r->doc;
    const char *t = d->text;
    int y = p->ty;
    for (size_t li = a->top_line; li < d->nlines && y < p->ty + p->th; li++) {
        size_t ls, le;
        nb_doc_line(d, li, &ls, &le);
        /* search hits on this line */
        unsigned char *hit = NULL;
        if (a->search_re && le > ls && (hit = calloc(le - ls, 1))) {
            pcre2_match_data *md = pcre2_match_data_create(4, NULL);
            size_t from = ls;
            while (md && from < le &&
                   pcre2_match(a->search_re, (PCRE2_SPTR)t, le, from, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                for (size_t k = ov[0]; k < ov[1] && k < le; k++)
                    hit[k - ls] = 1;
                from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            }
            pcre2_match_data_free(md);
        }
        char num[32];
        snprintf(num, sizeof num, "%5zu ", li + 1);
        nb_screen_put(s, y, p->tx, num, strlen(num), GUTTER, NB_R_GUTTER, 0);
        wrap w;
        wrap_start(&w, a, li, width);
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
                nb_screen_put(s, y, p->tx + GUTTER + col, t + here, w.i - here, cw, role, marked);
        }
        if (a->focus == 0 && a->cur == le && le == ls + 0 && li == line_of(a, a->cur))
            nb_screen_put(s, y, p->tx + GUTTER, " ", 1, 1, NB_R_HIGHLIGHT, 1);
        free(hit);
        y++;
    }
}

/* ------------------------------------------------------------ tables pane */

static const char *const t3_cols_zh[] = {"自然人", "商业", "科研", "公益", "法律", "其他", "总计"};
static const char *const t3_cols_en[] = {"natur", "comm", "resrch", "social", "legal", "other", "total"};
static const char *const t4_cols_zh[] = {"维持", "纠正", "其他", "未结", "总计"};
static const char *const t4_cols_en[] = {"upheld", "correc", "other", "pendng", "total"};

static int col_width(int table)
{
    return table == NB_T2 ? 9 : 6;
}

/* A row's label, short: the standard wording without its numbering. */
static void short_label(const nb_app *a, int row, char *out, size_t cap)
{
    nb_ustr u;
    const char *l = a->r->schema->rows[row].label;
    nb_norm(l, strlen(l), &u, NB_NORM_LABEL);
    nb_ustr_utf8(&u, out, cap);
    char *paren = strstr(out, "(");
    if (paren && paren != out)
        *paren = '\0';
    (void)a;
}

static void cell_text(const nb_app *a, int ci, char *out, size_t cap, nb_role *role, int *marked)
{
    const nb_cell *c = &a->r->cells[ci];
    *marked = 0;
    *role = NB_R_CELL;
    switch (c->status) {
    case NB_ST_NUMBER:
    case NB_ST_INFERRED: {
        char v[64];
        nb_num_format(c->num, v, sizeof v);
        size_t vl = strlen(v);
        if (vl + 2 > cap)
            vl = cap - 2;
        memcpy(out, v, vl);
        out[vl] = c->status == NB_ST_INFERRED ? '~' : '\0';
        out[vl + 1] = '\0';
        if (c->status == NB_ST_INFERRED)
            *role = NB_R_INFERRED;
        break;
    }
    case NB_ST_BLANK: snprintf(out, cap, "·"); break;
    case NB_ST_PLACEHOLDER: snprintf(out, cap, "%.*s", (int)(c->len < 8 ? c->len : 8), a->r->doc.text + c->off); break;
    case NB_ST_TEXT: snprintf(out, cap, "?"); break;
    case NB_ST_MISSING: snprintf(out, cap, "—"); *role = NB_R_MISSING; break;
    }
    if (c->corrected) { /* a reviewer's value, not the report's */
        strncat(out, "#", cap - strlen(out) - 1);
        *role = NB_R_HIGHLIGHT;
        *marked = 1;
    }
    int w = a->s.cell_worst[ci];
    if (w == NB_SEV_ERROR) {
        strncat(out, "!", cap - strlen(out) - 1);
        *role = NB_R_ERROR;
        *marked = 1;
    } else if (w == NB_SEV_WARNING) {
        strncat(out, "*", cap - strlen(out) - 1);
        *role = NB_R_WARNING;
    }
    if (a->finding >= 0) {
        const nb_finding *f = &a->s.fs.v[a->finding];
        for (int k = 0; k < f->ncells; k++)
            if (f->cells[k] == ci) {
                *role = ci == f->suspect ? NB_R_SUSPECT : NB_R_HIGHLIGHT;
                *marked = 1;
            }
    }
    if (ci == selected_cell(a) && *role != NB_R_SUSPECT) { /* the suspect stays told apart */
        *role = NB_R_CELL_SELECTED;
        *marked = 1;
    }
}

/* Right-align text in w columns at (y, x). */
static void put_right(nb_screen *s, int y, int x, int w, const char *t, nb_role role, int marked)
{
    int tw = (int)nb_display_cols(t, strlen(t), 0);
    if (tw > w - 1)
        tw = w - 1;
    nb_screen_fill(s, y, x, w, ' ', role == NB_R_CELL_SELECTED ? role : NB_R_TEXT);
    nb_screen_put(s, y, x + w - tw, t, strlen(t), tw, role, marked);
}

static void draw_grid_row(nb_app *a, const panes *p, int g, int y)
{
    nb_screen *s = &a->scr;
    const nb_grow_row *gr = &a->grid[g];
    const nb_schema *sc = a->r->schema;
    int cw = col_width(gr->table);
    int ncols = gr->table == NB_T3 ? 7 : gr->table == NB_T4 ? 5 : 3;
    int lw = p->gw - ncols * cw - 1;
    if (lw > 26)
        lw = 26;
    if (lw < 6)
        lw = 6;
    char buf[256];
    if (gr->kind == 0) {
        static const char *const en[] = {"", "", "T2  proactive disclosure", "T3  requests received and handled",
                                         "T4  reviews and suits"};
        static const char *const zh[] = {"", "", "表二  主动公开政府信息情况", "表三  收到和处理政府信息公开申请情况",
                                         "表四  政府信息公开行政复议、行政诉讼情况"};
        const char *tt = a->lang == NB_LANG_ZH ? zh[gr->table] : en[gr->table];
        nb_screen_put(s, y, p->gx, tt, strlen(tt), p->gw, NB_R_TITLE, 1);
        return;
    }
    if (gr->kind == 1) {
        nb_screen_fill(s, y, p->gx, p->gw, ' ', NB_R_HEADER);
        int x = p->gx + lw + 1;
        for (int c = 0; c < ncols; c++) {
            const char *h;
            char hb[64];
            if (gr->table == NB_T3)
                h = a->lang == NB_LANG_ZH ? t3_cols_zh[c] : t3_cols_en[c];
            else if (gr->table == NB_T4)
                h = a->lang == NB_LANG_ZH ? t4_cols_zh[c] : t4_cols_en[c];
            else if (gr->row >= 0 && c < sc->rows[gr->row].ncols) {
                nb_ustr u;
                nb_norm(sc->rows[gr->row].cols[c].label, strlen(sc->rows[gr->row].cols[c].label), &u, NB_NORM_LABEL);
                nb_ustr_utf8(&u, hb, sizeof hb);
                h = hb;
            } else {
                h = "";
            }
            int hw = (int)nb_display_cols(h, strlen(h), 0);
            if (hw > cw - 1) {
                nb_screen_put(s, y, x + 1, h, strlen(h), cw - 1, NB_R_HEADER, 1);
            } else {
                nb_screen_put(s, y, x + cw - hw, h, strlen(h), hw, NB_R_HEADER, 1);
            }
            x += cw;
        }
        return;
    }
    int row = gr->row;
    short_label(a, row, buf, sizeof buf);
    if (gr->table == NB_T4) {
        static const char *const g4[] = {"行政复议", "未经复议起诉", "复议后起诉"};
        static const char *const g4e[] = {"review", "suit, direct", "suit, after review"};
        int k = row - nb_schema_find_row(sc, "t4.review");
        snprintf(buf, sizeof buf, "%s", a->lang == NB_LANG_ZH ? g4[k < 0 ? 0 : k % 3] : g4e[k < 0 ? 0 : k % 3]);
    }
    int missing_row = !a->r->rows_found[row];
    nb_screen_put(s, y, p->gx + 1, buf, strlen(buf), lw - 1, missing_row ? NB_R_MISSING : NB_R_TEXT, 0);
    int x = p->gx + lw + 1;
    int ci0 = nb_schema_first_cell(sc, row);
    for (int c = 0; c < sc->rows[row].ncols; c++) {
        char v[64];
        nb_role role;
        int marked;
        cell_text(a, ci0 + c, v, sizeof v, &role, &marked);
        put_right(s, y, x, cw, v, role, marked);
        x += cw;
    }
}

static void draw_tables(nb_app *a, const panes *p)
{
    int rows = p->gh;
    a->table_rows = rows;
    /* keep the selection in view; scrolled, the table's title and column
     * header stay pinned on the first two lines */
    int body = rows > 4 ? rows - 2 : rows;
    if (a->gsel < a->gtop)
        a->gtop = a->gsel;
    if (a->gsel >= a->gtop + (a->gtop ? body : rows))
        a->gtop = a->gsel - body + 1;
    if (a->gtop < 0)
        a->gtop = 0;
    if (a->gtop > 0 && a->gtop <= 2 && a->gsel < rows)
        a->gtop = 0; /* near the top: no need to pin */
    int y = p->gy, g = a->gtop;
    if (g > 0 && a->grid[g].kind != 0) {
        int t0 = g;
        while (t0 > 0 && a->grid[t0].kind != 0)
            t0--;
        draw_grid_row(a, p, t0, y++);
        if (a->grid[g].kind == 2) {
            int hdr = g;
            while (hdr > t0 && a->grid[hdr].kind != 1)
                hdr--;
            if (hdr > t0)
                draw_grid_row(a, p, hdr, y++);
        }
    }
    for (; g < a->ngrid && y < p->gy + rows; g++)
        draw_grid_row(a, p, g, y++);
}

/* ------------------------------------------------------------ bars, overlays */

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

static void draw_title(nb_app *a)
{
    int e, w, i;
    counts(a, &e, &w, &i);
    char b[512];
    if (a->lang == NB_LANG_ZH)
        snprintf(b, sizeof b, " nianbao  %s  %d年（%d格式）  %d 错误 %d 警告 %d 提示", a->r->agency[0] ? a->r->agency : "?",
                 a->r->year, a->r->format, e, w, i);
    else
        snprintf(b, sizeof b, " nianbao  %s  %d  (%d format)  %d errors %d warnings %d info",
                 a->r->agency[0] ? a->r->agency : "?", a->r->year, a->r->format, e, w, i);
    nb_screen_fill(&a->scr, 0, 0, a->scr.w, ' ', NB_R_STATUS);
    nb_screen_put(&a->scr, 0, 0, b, strlen(b), a->scr.w, NB_R_STATUS, 1);
}

static void draw_status(nb_app *a)
{
    nb_screen *s = &a->scr;
    int y = s->h - 1;
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    char b[1600];
    if (a->mode == NB_MODE_ASK_QUIT || a->mode == NB_MODE_ASK_RECOVER) {
        const char *q = a->mode == NB_MODE_ASK_RECOVER
                            ? T(a, " unsaved work from a session that ended (REPORT.review.journal): recover it? y recover, any other key discards",
                                " 发现上次未保存就结束的工作（报告名.review.journal）：是否恢复？y 恢复，其他键丢弃")
                            : T(a, " unsaved corrections and decisions: save them? y save, n discard, any other key cancels",
                                " 有未保存的更正和决定：是否保存？y 保存，n 放弃，其他键取消");
        nb_screen_put(s, y, 0, q, strlen(q), s->w, NB_R_WARNING, 1);
        return;
    }
    if (a->mode == NB_MODE_PROMPT || a->mode == NB_MODE_SEARCH || a->mode == NB_MODE_EDIT ||
        a->mode == NB_MODE_REASON || a->mode == NB_MODE_NOTE) {
        char label[160];
        if (a->mode == NB_MODE_EDIT) {
            char id[96];
            nb_schema_cell_id(a->r->schema, a->edit_cell, id, sizeof id);
            snprintf(label, sizeof label, "%s %s: ", T(a, "value of", "更正"), id);
        } else if (a->mode == NB_MODE_REASON) {
            snprintf(label, sizeof label, "%s", T(a, "dismissed because: ", "驳回理由："));
        } else if (a->mode == NB_MODE_NOTE) {
            char id[96];
            int nr;
            const nb_rule *rules = nb_rules(&nr);
            if (a->note_cell >= 0)
                nb_schema_cell_id(a->r->schema, a->note_cell, id, sizeof id);
            else
                snprintf(id, sizeof id, "%s", rules[a->s.fs.v[a->note_finding].rule].id);
            snprintf(label, sizeof label, "%s %s: ", T(a, "note on", "批注"), id);
        } else {
            snprintf(label, sizeof label, "%c", a->mode == NB_MODE_PROMPT ? ':' : '/');
        }
        int used = nb_screen_put(s, y, 0, label, strlen(label), s->w - 1, NB_R_STATUS, 1);
        used += nb_screen_put(s, y, used, a->input, a->input_cur, s->w - 1 - used, NB_R_STATUS, 0);
        size_t cend = a->input_cur;
        if (cend < a->input_len)
            nb_utf8_get(a->input, a->input_len, &cend);
        int cw = cend > a->input_cur ? nb_screen_put(s, y, used, a->input + a->input_cur, cend - a->input_cur,
                                                     s->w - used, NB_R_HIGHLIGHT, 1)
                                     : nb_screen_put(s, y, used, " ", 1, 1, NB_R_HIGHLIGHT, 1);
        nb_screen_put(s, y, used + cw, a->input + cend, a->input_len - cend, s->w - used - cw, NB_R_STATUS, 0);
        return;
    }
    const char *file = strrchr(a->r->doc.path, '/') ? strrchr(a->r->doc.path, '/') + 1 : a->r->doc.path;
    char cellpart[256] = "";
    int ci = selected_cell(a);
    if (ci >= 0) {
        char id[96], v[64] = "";
        nb_schema_cell_id(a->r->schema, ci, id, sizeof id);
        const nb_cell *c = &a->r->cells[ci];
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
            nb_num_format(c->num, v, sizeof v);
        else if (c->status != NB_ST_MISSING)
            snprintf(v, sizeof v, "\"%.*s\"", (int)(c->len < 20 ? c->len : 20), a->r->doc.text + c->off);
        snprintf(cellpart, sizeof cellpart, "%s = %s (%s)", id, v[0] ? v : "—", nb_status_name(c->status));
    }
    /* the counter first: on a narrow screen the message is what gets cut */
    char counter[160] = "", rest[1200] = "";
    if (a->finding >= 0) {
        int n;
        const nb_rule *rules = nb_rules(&n);
        const nb_finding *f = &a->s.fs.v[a->finding];
        snprintf(counter, sizeof counter, "%s %d/%zu %s", T(a, "finding", "问题"), a->finding + 1, a->s.fs.n,
                 rules[f->rule].id);
        if (!a->msg[0])
            nb_finding_message(a->r, f, a->lang, rest, sizeof rest);
    } else {
        snprintf(counter, sizeof counter, "%s %zu", T(a, "findings:", "问题："), a->s.fs.n);
        if (!a->msg[0])
            snprintf(rest, sizeof rest, "%s", T(a, "] next  F list  ? help", "] 下一个  F 列表  ? 帮助"));
    }
    if (a->msg[0])
        snprintf(rest, sizeof rest, "%s", a->msg);
    char fname[64];
    size_t fl = strlen(file);
    if (nb_display_cols(file, fl, 0) > 24) { /* keep the name's end: its number */
        const char *tail = file + fl;
        while (tail > file && nb_display_cols(tail, (size_t)(file + fl - tail), 0) < 23)
            tail--;
        while (tail < file + fl && (((unsigned char)*tail) & 0xC0) == 0x80)
            tail++;
        snprintf(fname, sizeof fname, "…%s", tail);
    } else {
        snprintf(fname, sizeof fname, "%s", file);
    }
    char decision[64] = "";
    if (a->finding >= 0) {
        const nb_rv_entry *d = nb_session_decision(&a->s, (size_t)a->finding);
        if (d && d->state != NB_DEC_OPEN)
            snprintf(decision, sizeof decision, " [%s]",
                     d->state == NB_DEC_CONFIRMED ? T(a, "confirmed", "已确认") : T(a, "dismissed", "已驳回"));
    }
    snprintf(b, sizeof b, " %s%s │ %s%s │ %s │ %s", fname, a->s.readonly ? T(a, " [read-only]", " [只读]") : a->s.dirty ? " [+]" : "",
             counter, decision, cellpart, rest);
    nb_screen_put(s, y, 0, b, strlen(b), s->w, a->msg_error ? NB_R_ERROR : NB_R_STATUS, 1);
}

static void draw_help(nb_app *a)
{
    nb_screen *s = &a->scr;
    char lines[64][160];
    int n = nb_help_lines(a->lang == NB_LANG_ZH, lines, 64);
    const char *h = T(a, " nianbao keys (any key closes this help)", " nianbao 按键（按任意键关闭帮助）");
    nb_screen_put(s, 1, 0, h, strlen(h), s->w, NB_R_TITLE, 1);
    for (int i = 0; i < n && 3 + i < s->h - 1; i++)
        nb_screen_put(s, 3 + i, 0, lines[i], strlen(lines[i]), s->w, NB_R_TEXT, 0);
}

static int list_visible(const nb_app *a, size_t k)
{
    return (int)a->s.fs.v[k].severity >= a->list_min_sev;
}

/* Under the list: the findings the corrections made go away, not dropped
 * silently. */
static void draw_resolved(nb_app *a, int y)
{
    nb_screen *s = &a->scr;
    int n;
    const nb_rule *rules = nb_rules(&n);
    if (!nb_session_resolved_count(&a->s) || y >= s->h - 1)
        return;
    const char *h = T(a, " resolved by the corrections:", " 更正后已消除：");
    nb_screen_put(s, y++, 0, h, strlen(h), s->w, NB_R_TITLE, 1);
    for (size_t k = 0; k < a->s.fs0.n && y < s->h - 1; k++) {
        if (!nb_session_resolved(&a->s, k))
            continue;
        char m[1024], line[1400];
        nb_finding_message(a->r, &a->s.fs0.v[k], a->lang, m, sizeof m);
        snprintf(line, sizeof line, " %-7s %-19s %s  %s", T(a, "resolved", "已消除"), rules[a->s.fs0.v[k].rule].id,
                 "    -", m);
        nb_screen_put(s, y++, 0, line, strlen(line), s->w, NB_R_INFO, 0);
    }
}

static void draw_findings(nb_app *a)
{
    nb_screen *s = &a->scr;
    int n;
    const nb_rule *rules = nb_rules(&n);
    char h[256];
    static const char *const sev_en[] = {"info and up", "warnings and errors", "errors only"};
    static const char *const sev_zh[] = {"提示及以上", "警告和错误", "仅错误"};
    snprintf(h, sizeof h, "%s (%s) — 1 2 3 %s, Enter %s, Esc %s", T(a, " findings", " 问题列表"),
             a->lang == NB_LANG_ZH ? sev_zh[a->list_min_sev] : sev_en[a->list_min_sev], T(a, "filter", "筛选"),
             T(a, "jumps", "跳转"), T(a, "closes", "关闭"));
    nb_screen_put(s, 1, 0, h, strlen(h), s->w, NB_R_TITLE, 1);
    int rows = s->h - 4, vis = 0;
    if (a->list_sel < a->list_top)
        a->list_top = a->list_sel;
    if (a->list_sel >= a->list_top + rows)
        a->list_top = a->list_sel - rows + 1;
    for (size_t k = 0; k < a->s.fs.n; k++) {
        if (!list_visible(a, k))
            continue;
        int idx = vis++;
        if (idx < a->list_top || idx >= a->list_top + rows)
            continue;
        const nb_finding *f = &a->s.fs.v[k];
        char m[1024], line[1400];
        nb_finding_message(a->r, f, a->lang, m, sizeof m);
        char lnb[24] = "    -";
        if (f->has_off)
            snprintf(lnb, sizeof lnb, "%5zu", nb_doc_locate(&a->r->doc, f->off).line);
        snprintf(line, sizeof line, " %-7s %-19s %s  %s", nb_severity_name(f->severity), rules[f->rule].id, lnb, m);
        nb_role role = f->severity == NB_SEV_ERROR ? NB_R_ERROR : f->severity == NB_SEV_WARNING ? NB_R_WARNING : NB_R_INFO;
        if (idx == a->list_sel) {
            nb_screen_fill(s, 3 + idx - a->list_top, 0, s->w, ' ', NB_R_CELL_SELECTED);
            role = NB_R_CELL_SELECTED;
        }
        nb_screen_put(s, 3 + idx - a->list_top, 0, line, strlen(line), s->w, role, idx == a->list_sel);
    }
    if (!vis) {
        const char *none = T(a, " no findings at this level", " 此级别没有问题");
        nb_screen_put(s, 3, 0, none, strlen(none), s->w, NB_R_TEXT, 0);
    }
    int shown = vis - a->list_top < rows ? vis - a->list_top : rows;
    draw_resolved(a, 3 + (shown > 0 ? shown : 1) + 1);
}

/* The notes, in the order written: what they are on, by whom, the text
 * (line breaks shown as ↵). */
static void draw_notes(nb_app *a)
{
    nb_screen *s = &a->scr;
    char h[256];
    snprintf(h, sizeof h, "%s — Enter %s, Esc %s", T(a, " notes", " 批注列表"), T(a, "jumps", "跳转"),
             T(a, "closes", "关闭"));
    nb_screen_put(s, 1, 0, h, strlen(h), s->w, NB_R_TITLE, 1);
    int rows = s->h - 4, n = nb_session_note_count(&a->s);
    if (a->list_sel < a->list_top)
        a->list_top = a->list_sel;
    if (a->list_sel >= a->list_top + rows)
        a->list_top = a->list_sel - rows + 1;
    for (int idx = a->list_top; idx < n && idx < a->list_top + rows; idx++) {
        const nb_rv_entry *e = nb_session_note_at(&a->s, idx);
        char line[1400];
        int k = snprintf(line, sizeof line, " %-28s %-10s ", e->cell[0] ? e->cell : e->rule, e->by);
        for (const char *t = e->text ? e->text : ""; *t && k + 4 < (int)sizeof line; t++) {
            if (*t == '\n') {
                memcpy(line + k, "\xE2\x86\xB5", 3); /* ↵ */
                k += 3;
            } else {
                line[k++] = *t;
            }
        }
        line[k] = '\0';
        int y = 3 + idx - a->list_top;
        nb_role role = NB_R_TEXT;
        if (idx == a->list_sel) {
            nb_screen_fill(s, y, 0, s->w, ' ', NB_R_CELL_SELECTED);
            role = NB_R_CELL_SELECTED;
        }
        nb_screen_put(s, y, 0, line, strlen(line), s->w, role, idx == a->list_sel);
    }
    if (!n) {
        const char *none = T(a, " no notes yet: a writes one", " 还没有批注：按 a 添加");
        nb_screen_put(s, 3, 0, none, strlen(none), s->w, NB_R_TEXT, 0);
    }
}

void nb_app_draw(nb_app *a)
{
    nb_screen *s = &a->scr;
    nb_screen_clear(s, NB_R_TEXT);
    panes p = layout(a);
    if (p.small) {
        const char *m = T(a, "terminal too small", "终端窗口太小");
        char b[128];
        snprintf(b, sizeof b, "%s (%dx%d; %dx%d %s)", m, s->w, s->h, MIN_W, MIN_H,
                 T(a, "at least", "以上"));
        nb_screen_put(s, s->h / 2, 0, b, strlen(b), s->w, NB_R_TEXT, 0);
        return;
    }
    draw_title(a);
    if (a->mode == NB_MODE_HELP) {
        draw_help(a);
    } else if (a->mode == NB_MODE_FINDINGS) {
        draw_findings(a);
    } else if (a->mode == NB_MODE_NOTES) {
        draw_notes(a);
    } else {
        draw_text(a, &p);
        if (p.stacked)
            nb_screen_fill(s, p.gy - 1, 0, s->w, 0x2500, NB_R_BORDER);
        else
            for (int y = p.ty; y < p.ty + p.th; y++)
                nb_screen_fill(s, y, p.gx - 1, 1, 0x2502, NB_R_BORDER);
        draw_tables(a, &p);
    }
    draw_status(a);
}

/* ------------------------------------------------------------ movement */

static void cursor_to_cell(nb_app *a)
{
    int ci = selected_cell(a);
    if (ci >= 0 && a->r->cells[ci].has_span)
        a->cur = a->r->cells[ci].off;
}

static void cell_from_cursor(nb_app *a)
{
    int ci = cell_at(a, a->cur);
    if (ci >= 0)
        select_cell(a, ci);
}

static void move_grid(nb_app *a, int d)
{
    int g = a->gsel;
    do {
        g += d;
    } while (g >= 0 && g < a->ngrid && a->grid[g].kind != 2);
    if (g >= 0 && g < a->ngrid)
        a->gsel = g;
    cursor_to_cell(a);
}

static void move_text_lines(nb_app *a, long d)
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
    cell_from_cursor(a);
}

static void move_text_chars(nb_app *a, int d)
{
    const char *t = a->r->doc.text;
    if (d > 0 && a->cur < a->r->doc.len && t[a->cur] != '\n' && t[a->cur] != '\r')
        nb_utf8_get(t, a->r->doc.len, &a->cur);
    else if (d < 0 && a->cur > 0 && t[a->cur - 1] != '\n' && t[a->cur - 1] != '\r') {
        a->cur--;
        while (a->cur > 0 && (((unsigned char)t[a->cur]) & 0xC0) == 0x80)
            a->cur--;
    }
    cell_from_cursor(a);
}

static void go_finding(nb_app *a, int idx)
{
    if (!a->s.fs.n) {
        say(a, 0, "%s", T(a, "no findings", "没有发现问题"));
        return;
    }
    a->finding = (int)(((long)idx % (long)a->s.fs.n + (long)a->s.fs.n) % (long)a->s.fs.n);
    const nb_finding *f = &a->s.fs.v[a->finding];
    int ci = f->suspect >= 0 ? f->suspect : f->ncells ? f->cells[0] : -1;
    if (ci >= 0)
        select_cell(a, ci);
    if (f->has_off)
        a->cur = f->off;
    else if (ci >= 0)
        cursor_to_cell(a);
}

/* ------------------------------------------------------------ search */

static int compile_search(nb_app *a, const char *pat)
{
    int upper = 0;
    for (const char *p = pat; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            upper = 1;
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP | (upper ? 0 : PCRE2_CASELESS),
                                   &ec, &eo, NULL);
    if (!re) {
        PCRE2_UCHAR m[256];
        pcre2_get_error_message(ec, m, sizeof m);
        say(a, 1, "%s %zu: %s", T(a, "bad pattern at offset", "搜索式有误，位置"), (size_t)eo, (char *)m);
        return -1;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    pcre2_code_free(a->search_re);
    a->search_re = re;
    snprintf(a->search_pat, sizeof a->search_pat, "%s", pat);
    return 0;
}

static void search_step(nb_app *a, int dir)
{
    if (!a->search_re) {
        say(a, 0, "%s", T(a, "no search yet: / to search", "尚未搜索：按 / 搜索"));
        return;
    }
    const char *t = a->r->doc.text;
    size_t n = a->r->doc.len;
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    if (!md)
        return;
    size_t found = (size_t)-1, last = (size_t)-1, first = (size_t)-1, from = 0;
    if (dir > 0) {
        /* forward: from just after the cursor */
        from = a->cur < n ? a->cur + 1 : n;
        while (from < n && (((unsigned char)t[from]) & 0xC0) == 0x80)
            from++;
        if (from < n && pcre2_match(a->search_re, (PCRE2_SPTR)t, n, from, PCRE2_NO_UTF_CHECK, md, NULL) > 0)
            found = pcre2_get_ovector_pointer(md)[0];
        if (found == (size_t)-1 && pcre2_match(a->search_re, (PCRE2_SPTR)t, n, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0)
            first = pcre2_get_ovector_pointer(md)[0];
    } else {
        while (from <= n && pcre2_match(a->search_re, (PCRE2_SPTR)t, n, from, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            size_t at = ov[0];
            if (first == (size_t)-1)
                first = at;
            if (at >= a->cur)
                break;
            last = at;
            from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            while (from < n && (((unsigned char)t[from]) & 0xC0) == 0x80)
                from++;
        }
    }
    pcre2_match_data_free(md);
    size_t to = dir > 0 ? found : last;
    if (to == (size_t)-1 && first != (size_t)-1) { /* wrap */
        to = dir > 0 ? first : (size_t)-1;
        if (dir < 0) {
            /* the last hit of all */
            pcre2_match_data *m2 = pcre2_match_data_create(4, NULL);
            size_t f2 = 0;
            while (m2 && f2 <= n && pcre2_match(a->search_re, (PCRE2_SPTR)t, n, f2, PCRE2_NO_UTF_CHECK, m2, NULL) > 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m2);
                to = ov[0];
                f2 = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
                while (f2 < n && (((unsigned char)t[f2]) & 0xC0) == 0x80)
                    f2++;
            }
            pcre2_match_data_free(m2);
        }
        say(a, 0, "%s", T(a, "search wrapped", "搜索已从头开始"));
    }
    if (to == (size_t)-1) {
        say(a, 1, "%s: %s", T(a, "not found", "未找到"), a->search_pat);
        return;
    }
    a->cur = to;
    a->focus = 0;
    cell_from_cursor(a);
}

/* ------------------------------------------------------------ the review */

/* After a change to the review: the current finding stays in range. */
static void after_change(nb_app *a)
{
    if (a->finding >= (int)a->s.fs.n)
        a->finding = a->s.fs.n ? (int)a->s.fs.n - 1 : -1;
}

/* Say what the session could not do; returns -1. */
static int say_err(nb_app *a, const nb_err *err)
{
    say(a, 1, "%s", err->msg);
    return -1;
}

void nb_app_open_review(nb_app *a, const char *path)
{
    nb_err err;
    if (nb_session_open(&a->s, path, &err) != 0)
        say_err(a, &err);
    if (a->s.journal_found)
        a->mode = NB_MODE_ASK_RECOVER; /* a session ended without saving */
    after_change(a);
}

/* Whether this console may change the review; says why not. */
static int writable(nb_app *a)
{
    nb_err err;
    if (nb_session_writable(&a->s, &err) != 0)
        return say_err(a, &err) + 1;
    return 1;
}

/* Undo or redo one entry. */
static void undo_redo(nb_app *a, int redo, const char *done, const char *none)
{
    nb_err err;
    int rc = redo ? nb_session_redo(&a->s, &err) : nb_session_undo(&a->s, &err);
    after_change(a);
    if (rc < 0)
        say_err(a, &err);
    else
        say(a, 0, "%s", rc ? done : none);
}

/* a: a note on the selected cell when the tables pane has the focus, else
 * on the current finding (the cell when there is none). */
static void note_start(nb_app *a)
{
    if (!writable(a))
        return;
    a->note_cell = -1;
    a->note_finding = -1;
    if ((a->focus == 1 || a->finding < 0) && selected_cell(a) >= 0) {
        a->note_cell = selected_cell(a);
    } else if (a->finding >= 0) {
        a->note_finding = a->finding;
    } else {
        say(a, 1, "%s", T(a, "no cell or finding selected", "未选中单元格或问题"));
        return;
    }
    a->mode = NB_MODE_NOTE;
    a->input_len = a->input_cur = 0;
}

static void note_commit(nb_app *a)
{
    nb_err err;
    int rc = nb_session_note(&a->s, a->note_cell, a->note_finding, a->input, &err);
    after_change(a);
    if (rc != 0)
        say_err(a, &err);
    else
        say(a, 0, "%s", T(a, "note added", "已添加批注"));
}

/* A: the notes; Enter goes to what the note is on. */
static void notes_key(nb_app *a, int key)
{
    nb_request rq = nb_request_for_key(key);
    int n = nb_session_note_count(&a->s);
    if (key == NB_KEY_ESC || key == 'q' || rq == NB_REQ_NOTES) {
        a->mode = NB_MODE_NORMAL;
    } else if (rq == NB_REQ_MOVE_DOWN && a->list_sel + 1 < n) {
        a->list_sel++;
    } else if (rq == NB_REQ_MOVE_UP && a->list_sel > 0) {
        a->list_sel--;
    } else if ((key == NB_KEY_ENTER || key == '\n' || key == '\r') && n) {
        const nb_rv_entry *e = nb_session_note_at(&a->s, a->list_sel);
        a->mode = NB_MODE_NORMAL;
        if (e->cell[0]) {
            int ci = nb_schema_find_cell(a->r->schema, e->cell);
            if (ci >= 0) {
                select_cell(a, ci);
                cursor_to_cell(a);
                a->focus = 1;
            }
            return;
        }
        int k = nb_session_find(&a->s, e->finding);
        if (k >= 0)
            go_finding(a, k);
        else
            say(a, 0, "%s %s", e->rule, T(a, "no longer found: resolved by the corrections", "已不再出现：更正后已消除"));
    }
}

static void decide(nb_app *a, nb_decision state, const char *reason)
{
    nb_err err;
    int rc = nb_session_decide(&a->s, a->finding, state, reason, &err);
    after_change(a);
    if (rc != 0) {
        say_err(a, &err);
        return;
    }
    static const char *const en[] = {"reopened", "confirmed", "dismissed"}, *const zh[] = {"已重新打开", "已确认", "已驳回"};
    say(a, 0, "%s", a->lang == NB_LANG_ZH ? zh[state] : en[state]);
}

static int save_review(nb_app *a)
{
    nb_err err;
    if (nb_session_save(&a->s, &err) != 0)
        return say_err(a, &err);
    say(a, 0, "%s %s", T(a, "saved", "已保存"), a->s.review_path);
    return 0;
}

/* The text a cell's editor starts with: its value as it stands. */
static void edit_start(nb_app *a, int ci)
{
    if (!writable(a))
        return;
    const nb_cell *c = &a->r->cells[ci];
    a->input_len = 0;
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
        a->input_len = nb_num_format(c->num, a->input, sizeof a->input);
    a->input_cur = a->input_len;
    a->edit_cell = ci;
    a->mode = NB_MODE_EDIT;
}

static void edit_commit(nb_app *a)
{
    nb_err err;
    a->input[a->input_len] = '\0';
    int rc = nb_session_correct(&a->s, a->edit_cell, a->input, &err);
    after_change(a);
    if (rc != 0) {
        say_err(a, &err);
        return;
    }
    const nb_rv_entry *e = &a->s.rv.v[a->s.rv.n - 1];
    int gone = nb_session_resolved_count(&a->s);
    if (gone)
        say(a, 0, "%s %s = %s; %d %s", T(a, "corrected", "已更正"), e->cell, e->value, gone,
            T(a, gone == 1 ? "finding resolved (F lists it)" : "findings resolved (F lists them)",
              "个问题已消除（F 查看）"));
    else
        say(a, 0, "%s %s = %s", T(a, "corrected", "已更正"), e->cell, e->value);
}

/* ------------------------------------------------------------ commands */

int nb_app_command(nb_app *a, const char *cmd)
{
    while (*cmd == ' ')
        cmd++;
    char verb[32] = "", arg[480] = "";
    sscanf(cmd, "%31s %479[^\n]", verb, arg);
    if (!strcmp(verb, "q!")) { /* quit, discarding unsaved work on purpose */
        if (a->s.dirty && !a->s.readonly)
            nb_session_discard(&a->s);
        a->quit = 1;
        return 0;
    }
    if (!strcmp(verb, "q") || !strcmp(verb, "quit")) {
        if (a->s.dirty)
            a->mode = NB_MODE_ASK_QUIT;
        else
            a->quit = 1;
        return 0;
    }
    if (!strcmp(verb, "w") || !strcmp(verb, "wq")) {
        if (save_review(a) == 0 && !strcmp(verb, "wq"))
            a->quit = 1;
        return 0;
    }
    if (!strcmp(verb, "help")) {
        a->mode = NB_MODE_HELP;
        return 0;
    }
    if (!strcmp(verb, "goto") || !strcmp(verb, "g")) {
        int ci = nb_schema_find_cell(a->r->schema, arg);
        if (ci < 0) {
            int row = nb_schema_find_row(a->r->schema, arg);
            if (row >= 0)
                ci = nb_schema_first_cell(a->r->schema, row);
        }
        if (ci < 0) {
            char *end;
            long line = strtol(arg, &end, 10);
            if (*arg && !*end && line >= 1 && (size_t)line <= a->r->doc.nlines) {
                a->cur = a->r->doc.lines[line - 1];
                a->focus = 0;
                cell_from_cursor(a);
                return 0;
            }
            say(a, 1, "%s: %s", T(a, "no such cell", "没有这个单元格"), arg);
            return -1;
        }
        select_cell(a, ci);
        cursor_to_cell(a);
        a->focus = 1;
        return 0;
    }
    if (!strcmp(verb, "theme")) {
        char m[512] = "";
        if (nb_theme_load(&a->theme, arg, a->datadir, m, sizeof m) != 0) {
            say(a, 1, "%s", m);
            return -1;
        }
        say(a, 0, "%s %s", T(a, "theme", "主题"), a->theme.name);
        return 0;
    }
    if (!strcmp(verb, "layout")) {
        a->layout = !strcmp(arg, "side") ? NB_LAYOUT_SIDE : !strcmp(arg, "stacked") ? NB_LAYOUT_STACKED : NB_LAYOUT_AUTO;
        return 0;
    }
    if (!strcmp(verb, "resize")) {
        int w, h;
        if (sscanf(arg, "%dx%d", &w, &h) != 2 || w < 1 || h < 1 || w > 1000 || h > 1000) {
            say(a, 1, ":resize WxH");
            return -1;
        }
        nb_app_resize(a, w, h);
        return 0;
    }
    if (!strcmp(verb, "dump") || !strcmp(verb, "dumproles")) {
        nb_app_draw(a);
        char *txt = !strcmp(verb, "dump") ? nb_screen_text(&a->scr) : nb_screen_roles(&a->scr);
        FILE *f = txt ? fopen(arg, "w") : NULL;
        if (!f) {
            free(txt);
            say(a, 1, "%s: %s", T(a, "cannot write", "无法写入"), arg);
            return -1;
        }
        fputs(txt, f);
        fclose(f);
        free(txt);
        return 0;
    }
    say(a, 1, "%s: %s", T(a, "unknown command", "未知命令"), verb);
    return -1;
}

/* ------------------------------------------------------------ keys */

static void input_key(nb_app *a, int key)
{
    if (key == NB_KEY_ESC || key == 3) {
        a->mode = NB_MODE_NORMAL;
        return;
    }
    if (key == NB_KEY_LEFT || key == 2) { /* Left, C-b: one character */
        while (a->input_cur > 0 && (((unsigned char)a->input[--a->input_cur]) & 0xC0) == 0x80)
            ;
        return;
    }
    if (key == NB_KEY_RIGHT || key == 6) { /* Right, C-f */
        if (a->input_cur < a->input_len)
            nb_utf8_get(a->input, a->input_len, &a->input_cur);
        return;
    }
    if (key == 1 || key == NB_KEY_HOME) { /* C-a */
        a->input_cur = 0;
        return;
    }
    if (key == 5 || key == NB_KEY_END) { /* C-e */
        a->input_cur = a->input_len;
        return;
    }
    if (key == NB_KEY_BACKSPACE || key == 127 || key == 8) {
        if (!a->input_len && a->mode != NB_MODE_EDIT && a->mode != NB_MODE_REASON && a->mode != NB_MODE_NOTE) {
            a->mode = NB_MODE_NORMAL;
            return;
        }
        if (!a->input_cur)
            return;
        size_t end = a->input_cur;
        while (a->input_cur > 0 && (((unsigned char)a->input[--a->input_cur]) & 0xC0) == 0x80)
            ;
        memmove(a->input + a->input_cur, a->input + end, a->input_len - end);
        a->input_len -= end - a->input_cur;
        return;
    }
    if (key == 21) { /* C-u */
        a->input_len = a->input_cur = 0;
        return;
    }
    if (key == NB_KEY_ENTER || key == '\n' || key == '\r') {
        a->input[a->input_len] = '\0';
        int mode = a->mode;
        a->mode = NB_MODE_NORMAL;
        if (mode == NB_MODE_PROMPT)
            nb_app_command(a, a->input);
        else if (mode == NB_MODE_EDIT)
            edit_commit(a);
        else if (mode == NB_MODE_REASON) {
            decide(a, NB_DEC_DISMISSED, a->input);
        } else if (mode == NB_MODE_NOTE) {
            if (a->input_len)
                note_commit(a);
            else
                say(a, 0, "%s", T(a, "an empty note is not kept", "空批注不保存"));
        } else if (a->input_len && compile_search(a, a->input) == 0)
            search_step(a, 1);
        return;
    }
    if (key == 15 && a->mode == NB_MODE_NOTE) /* C-o: a line break inside a note */
        key = '\n';
    else if (key < 0x20)
        return;
    if (key < 0x110000 && a->input_len + 4 < sizeof a->input) {
        char u[4];
        size_t k = nb_utf8_put(u, (uint32_t)key);
        memmove(a->input + a->input_cur + k, a->input + a->input_cur, a->input_len - a->input_cur);
        memcpy(a->input + a->input_cur, u, k);
        a->input_len += k;
        a->input_cur += k;
    }
}

static void list_key(nb_app *a, int key)
{
    int vis = 0;
    for (size_t k = 0; k < a->s.fs.n; k++)
        vis += list_visible(a, k);
    nb_request rq = nb_request_for_key(key);
    if (key == NB_KEY_ESC || key == 'q' || rq == NB_REQ_FINDINGS) {
        a->mode = NB_MODE_NORMAL;
    } else if (rq == NB_REQ_MOVE_DOWN && a->list_sel + 1 < vis) {
        a->list_sel++;
    } else if (rq == NB_REQ_MOVE_UP && a->list_sel > 0) {
        a->list_sel--;
    } else if (key >= '1' && key <= '3') {
        a->list_min_sev = key - '1';
        a->list_sel = a->list_top = 0;
    } else if (key == NB_KEY_ENTER || key == '\n' || key == '\r') {
        int idx = 0;
        for (size_t k = 0; k < a->s.fs.n; k++)
            if (list_visible(a, k) && idx++ == a->list_sel) {
                go_finding(a, (int)k);
                break;
            }
        a->mode = NB_MODE_NORMAL;
    }
}

void nb_app_key(nb_app *a, int key)
{
    if (key == NB_KEY_RESIZE)
        return;
    if (a->mode == NB_MODE_PROMPT || a->mode == NB_MODE_SEARCH || a->mode == NB_MODE_EDIT ||
        a->mode == NB_MODE_REASON || a->mode == NB_MODE_NOTE) {
        input_key(a, key);
        return;
    }
    if (a->mode == NB_MODE_NOTES) {
        notes_key(a, key);
        return;
    }
    if (a->mode == NB_MODE_ASK_RECOVER) { /* the journal of a session that ended unsaved */
        a->mode = NB_MODE_NORMAL;
        if (key == 'y') {
            nb_err err;
            int rc = nb_session_recover(&a->s, &err);
            after_change(a);
            if (rc == 0)
                say(a, 0, "%s %zu %s", T(a, "recovered", "已恢复"), a->s.rv.n, T(a, "entries: w to save them", "条：按 w 保存"));
            else
                say_err(a, &err);
        } else {
            nb_session_discard(&a->s);
            say(a, 0, "%s", T(a, "the unsaved work was discarded", "未保存的工作已丢弃"));
        }
        return;
    }
    if (a->mode == NB_MODE_ASK_QUIT) { /* unsaved work: save, discard or cancel */
        a->mode = NB_MODE_NORMAL;
        if (key == 'y' || key == 's') {
            a->quit = save_review(a) == 0;
        } else if (key == 'n' || key == 'd') {
            nb_session_discard(&a->s); /* discarded on purpose */
            a->quit = 1;
        }
        return;
    }
    a->msg[0] = '\0';
    a->msg_error = 0;
    if (a->mode == NB_MODE_HELP) {
        a->mode = NB_MODE_NORMAL;
        return;
    }
    if (a->mode == NB_MODE_FINDINGS) {
        list_key(a, key);
        return;
    }
    int page = a->focus ? (a->table_rows > 3 ? a->table_rows - 2 : 1) : (a->text_rows > 3 ? a->text_rows - 2 : 1);
    switch (nb_request_for_key(key)) {
    case NB_REQ_MOVE_UP:
        if (a->focus)
            move_grid(a, -1);
        else
            move_text_lines(a, -1);
        break;
    case NB_REQ_MOVE_DOWN:
        if (a->focus)
            move_grid(a, 1);
        else
            move_text_lines(a, 1);
        break;
    case NB_REQ_MOVE_LEFT:
        if (a->focus) {
            if (a->gcol > 0)
                a->gcol--;
            cursor_to_cell(a);
        } else {
            move_text_chars(a, -1);
        }
        break;
    case NB_REQ_MOVE_RIGHT:
        if (a->focus) {
            int row = a->grid[a->gsel].row;
            if (row >= 0 && a->gcol + 1 < a->r->schema->rows[row].ncols)
                a->gcol++;
            cursor_to_cell(a);
        } else {
            move_text_chars(a, 1);
        }
        break;
    case NB_REQ_SWITCH_PANE:
        a->focus = !a->focus;
        break;
    case NB_REQ_PAGE_DOWN:
    case NB_REQ_HALF_DOWN:
    case NB_REQ_PAGE_UP:
    case NB_REQ_HALF_UP: {
        nb_request rq = nb_request_for_key(key);
        int n = rq == NB_REQ_HALF_DOWN || rq == NB_REQ_HALF_UP ? page / 2 + 1 : page;
        int dir = rq == NB_REQ_PAGE_DOWN || rq == NB_REQ_HALF_DOWN ? 1 : -1;
        if (a->focus)
            for (int k = 0; k < n; k++)
                move_grid(a, dir);
        else
            move_text_lines(a, dir * n);
        break;
    }
    case NB_REQ_TOP:
        if (a->focus) {
            a->gsel = 0;
            move_grid(a, 1);
        } else {
            a->cur = 0;
            a->top_line = 0;
            cell_from_cursor(a);
        }
        break;
    case NB_REQ_BOTTOM:
        if (a->focus) {
            a->gsel = a->ngrid;
            move_grid(a, -1);
        } else {
            a->cur = a->r->doc.lines[a->r->doc.nlines - 1];
            cell_from_cursor(a);
        }
        break;
    case NB_REQ_NEXT_FINDING:
        go_finding(a, a->finding + 1);
        break;
    case NB_REQ_PREV_FINDING:
        go_finding(a, a->finding < 0 ? -1 : a->finding - 1);
        break;
    case NB_REQ_FINDINGS:
        a->mode = NB_MODE_FINDINGS;
        break;
    case NB_REQ_SEARCH:
        a->mode = NB_MODE_SEARCH;
        a->input_len = a->input_cur = 0;
        break;
    case NB_REQ_SEARCH_NEXT:
        search_step(a, 1);
        break;
    case NB_REQ_SEARCH_PREV:
        search_step(a, -1);
        break;
    case NB_REQ_PROMPT:
        a->mode = NB_MODE_PROMPT;
        a->input_len = a->input_cur = 0;
        break;
    case NB_REQ_LAYOUT: {
        panes p = layout(a);
        a->layout = p.stacked ? NB_LAYOUT_SIDE : NB_LAYOUT_STACKED;
        break;
    }
    case NB_REQ_REDRAW:
        break;
    case NB_REQ_HELP:
        a->mode = NB_MODE_HELP;
        break;
    case NB_REQ_QUIT:
        if (a->s.dirty)
            a->mode = NB_MODE_ASK_QUIT;
        else
            a->quit = 1;
        break;
    case NB_REQ_EDIT: {
        int ci = selected_cell(a);
        if (ci < 0) {
            say(a, 1, "%s", T(a, "no cell selected", "未选中单元格"));
            break;
        }
        edit_start(a, ci);
        break;
    }
    case NB_REQ_CONFIRM:
        decide(a, NB_DEC_CONFIRMED, NULL);
        break;
    case NB_REQ_REOPEN:
        decide(a, NB_DEC_OPEN, NULL);
        break;
    case NB_REQ_DISMISS:
        if (a->finding < 0) {
            decide(a, NB_DEC_DISMISSED, NULL); /* says no finding is selected */
            break;
        }
        if (!writable(a))
            break;
        a->mode = NB_MODE_REASON;
        a->input_len = a->input_cur = 0;
        break;
    case NB_REQ_NOTE:
        note_start(a);
        break;
    case NB_REQ_NOTES:
        a->mode = NB_MODE_NOTES;
        a->list_sel = a->list_top = 0;
        break;
    case NB_REQ_UNDO:
        undo_redo(a, 0, T(a, "undone", "已撤销"), T(a, "nothing to undo", "没有可撤销的操作"));
        break;
    case NB_REQ_REDO:
        undo_redo(a, 1, T(a, "redone", "已重做"), T(a, "nothing to redo", "没有可重做的操作"));
        break;
    case NB_REQ_SAVE:
        save_review(a);
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------ life */

int nb_app_init(nb_app *a, const nb_ctx *ctx, nb_report *r, const char *theme, const char *datadir, int w, int h)
{
    memset(a, 0, sizeof *a);
    a->ctx = ctx;
    a->r = r;
    a->lang = ctx->lang;
    a->datadir = datadir;
    a->finding = -1;
    a->list_min_sev = NB_SEV_INFO;
    nb_err err;
    if (nb_session_init(&a->s, ctx, r, &err) != 0)
        return -1;
    build_grid(a);
    if (!a->grid)
        return -1;
    /* cells with text, in the order of their place in the report */
    a->spans = malloc((size_t)r->ncells * sizeof *a->spans);
    if (!a->spans)
        return -1;
    for (int ci = 0; ci < r->ncells; ci++)
        if (r->cells[ci].has_span && r->cells[ci].len) {
            int k = a->nspans++;
            while (k > 0 && r->cells[a->spans[k - 1]].off > r->cells[ci].off) {
                a->spans[k] = a->spans[k - 1];
                k--;
            }
            a->spans[k] = ci;
        }
    a->gsel = 0;
    move_grid(a, 1);
    a->cur = 0;
    nb_theme_default(&a->theme);
    if (theme) {
        char m[512] = "";
        if (nb_theme_load(&a->theme, theme, datadir, m, sizeof m) != 0)
            say(a, 1, "%s", m);
    }
    if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
        a->theme.mono = 1;
    if (nb_screen_resize(&a->scr, w, h) != 0)
        return -1;
    return 0;
}

void nb_app_resize(nb_app *a, int w, int h)
{
    nb_screen_resize(&a->scr, w, h);
}

void nb_app_free(nb_app *a)
{
    nb_session_free(&a->s);
    free(a->spans);
    free(a->grid);
    pcre2_code_free(a->search_re);
    nb_screen_free(&a->scr);
    memset(a, 0, sizeof *a);
}

int nb_app_script(nb_app *a, const char *path, char *msg, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(msg, cap, "%s: cannot read the script", path);
        return -1;
    }
    char line[1024];
    int ln = 0;
    while (!a->quit && fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = '\0';
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#')
            continue;
        if (*s == '"') { /* "text: typed, a character at a time */
            size_t i = 1, n = strlen(s);
            while (i < n)
                nb_app_key(a, (int)nb_utf8_get(s, n, &i));
        } else if (*s == ':' && s[1] && (a->mode == NB_MODE_NORMAL || !strncmp(s, ":dump", 5))) {
            nb_app_command(a, s + 1); /* :dump works in any mode: it changes nothing */
        } else if (*s == '/' && s[1] && a->mode == NB_MODE_NORMAL) {
            if (compile_search(a, s + 1) == 0)
                search_step(a, 1);
        } else {
            int key = nb_key_from_name(s);
            if (key < 0) {
                snprintf(msg, cap, "%s:%d: unknown key \"%s\"", path, ln, s);
                fclose(f);
                return -1;
            }
            nb_app_key(a, key);
        }
        nb_app_draw(a);
    }
    fclose(f);
    return 0;
}
