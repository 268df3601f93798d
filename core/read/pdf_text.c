/* pdf_text.c — glyphs to lines, lines to a cell's text or to paragraphs. */
#include "read/pdf_text.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

int nb_pstr_put(nb_pstr *s, const char *p, size_t n)
{
    if (nb_grow(&s->s, &s->cap, s->len + n + 1, 1, 64) != 0)
        return -1;
    memcpy(s->s + s->len, p, n);
    s->len += n;
    s->s[s->len] = '\0';
    return 0;
}

int nb_pstr_cp(nb_pstr *s, uint32_t cp)
{
    char u[4];
    return nb_pstr_put(s, u, nb_utf8_put(u, cp));
}

/* The last code point of s[0, n), or 0. */
static uint32_t last_cp(const char *s, size_t n)
{
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return 0;
    i--;
    return nb_utf8_get(s, n, &i);
}

/* Words of Latin script on both sides of a line break want a space. */
static int wants_space(uint32_t a, uint32_t b)
{
    if (!a || !b || nb_is_space(a) || nb_is_space(b) || nb_is_cjk(a) || nb_is_cjk(b))
        return 0;
    return a != '-' && a != '/';
}

int nb_pstr_join(nb_pstr *s, const char *p, size_t n)
{
    if (!n)
        return 0;
    size_t i = 0;
    uint32_t first = nb_utf8_get(p, n, &i);
    if (s->len && wants_space(last_cp(s->s, s->len), first) && nb_pstr_put(s, " ", 1) != 0)
        return -1;
    return nb_pstr_put(s, p, n);
}

/* ---------------------------------------------------------------- lines */

typedef struct keyed {
    double key;
    size_t i;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static double overlap(double a0, double a1, double b0, double b1)
{
    double lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sort a line's glyphs left to right, drop a glyph drawn again over itself
 * (fake bold), and measure the line. */
static void finish_line(const nb_pglyph *g, size_t *idx, nb_pline *l, keyed *tmp, double *hs)
{
    for (size_t k = 0; k < l->n; k++)
        tmp[k] = (keyed){g[idx[l->first + k]].b.x0, idx[l->first + k]};
    qsort(tmp, l->n, sizeof *tmp, cmp_keyed);
    size_t m = 0;
    for (size_t k = 0; k < l->n; k++) {
        const nb_pglyph *c = &g[tmp[k].i];
        if (m) {
            const nb_pglyph *p = &g[idx[l->first + m - 1]];
            double w = c->b.x1 - c->b.x0;
            if (p->cp == c->cp && overlap(p->b.x0, p->b.x1, c->b.x0, c->b.x1) > 0.7 * w)
                continue;
        }
        idx[l->first + m++] = tmp[k].i;
    }
    l->n = m;
    l->b = g[idx[l->first]].b;
    for (size_t k = 0; k < m; k++) {
        const nb_pbox *b = &g[idx[l->first + k]].b;
        l->b.x0 = b->x0 < l->b.x0 ? b->x0 : l->b.x0;
        l->b.y0 = b->y0 < l->b.y0 ? b->y0 : l->b.y0;
        l->b.x1 = b->x1 > l->b.x1 ? b->x1 : l->b.x1;
        l->b.y1 = b->y1 > l->b.y1 ? b->y1 : l->b.y1;
        hs[k] = b->y1 - b->y0;
    }
    qsort(hs, m, sizeof *hs, cmp_double);
    l->h = hs[m / 2] > 0.1 ? hs[m / 2] : 0.1;
}

/* Does glyph c sit on the line whose band is [y0, y1]? */
static int on_line(const nb_pglyph *c, double y0, double y1)
{
    double h = c->b.y1 - c->b.y0, bh = y1 - y0;
    double least = (h < bh ? h : bh) * 0.5;
    return overlap(c->b.y0, c->b.y1, y0, y1) >= least;
}

int nb_pdf_lines(const nb_pglyph *g, const size_t *idx, size_t n, nb_plines *out)
{
    memset(out, 0, sizeof *out);
    if (!n)
        return 0;
    keyed *k = malloc(n * sizeof *k);
    double *hs = malloc(n * sizeof *hs);
    out->idx = malloc(n * sizeof *out->idx);
    out->l = malloc(n * sizeof *out->l);
    if (!k || !hs || !out->idx || !out->l) {
        free(k);
        free(hs);
        nb_plines_free(out);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = (keyed){(g[idx[i]].b.y0 + g[idx[i]].b.y1) / 2, idx[i]};
    qsort(k, n, sizeof *k, cmp_keyed);
    double y0 = 0, y1 = 0;
    for (size_t i = 0; i < n; i++) {
        const nb_pglyph *c = &g[k[i].i];
        if (!out->nl || !on_line(c, y0, y1)) {
            out->l[out->nl++] = (nb_pline){c->b, 0, i, 0};
            y0 = c->b.y0;
            y1 = c->b.y1;
        }
        out->idx[i] = k[i].i;
        out->l[out->nl - 1].n++;
    }
    for (size_t j = 0; j < out->nl; j++)
        finish_line(g, out->idx, &out->l[j], k, hs);
    free(k);
    free(hs);
    return 0;
}

void nb_plines_free(nb_plines *ls)
{
    free(ls->idx);
    free(ls->l);
    memset(ls, 0, sizeof *ls);
}

/* A glyph of CJK width: ideographs and their punctuation, the long dash
 * and quotes set with them, anything about as wide as the line is high. */
static int wide(const nb_pglyph *c, double h)
{
    return nb_is_cjk(c->cp) || c->cp == 0x2014 || c->cp == 0x2015 || c->cp == 0x2026 || c->cp == 0x2018 ||
           c->cp == 0x2019 || c->b.x1 - c->b.x0 >= 0.8 * h;
}

int nb_pdf_gap_is_space(const nb_pglyph *a, const nb_pglyph *b, double h)
{
    double gap = b->b.x0 - a->b.x1, wa = a->b.x1 - a->b.x0, wb = b->b.x1 - b->b.x0;
    if (wide(a, h) || wide(b, h))
        return gap > (wa > wb ? wa : wb) * 0.9; /* a gap wider than a glyph */
    return gap > 0.15 * h;                      /* a word space */
}

int nb_pdf_line_text(const nb_pglyph *g, const nb_plines *ls, size_t k, size_t from, size_t to, nb_pstr *out)
{
    const nb_pline *l = &ls->l[k];
    for (size_t j = from; j < to && j < l->n; j++) {
        const nb_pglyph *c = &g[ls->idx[l->first + j]];
        if (j > from && nb_pdf_gap_is_space(&g[ls->idx[l->first + j - 1]], c, l->h) && nb_pstr_put(out, " ", 1) != 0)
            return -1;
        if (nb_pstr_cp(out, c->cp) != 0)
            return -1;
    }
    return 0;
}

int nb_pdf_text_of(const nb_pglyph *g, const nb_plines *ls, nb_pstr *out)
{
    nb_pstr line = {0};
    int rc = 0;
    for (size_t k = 0; k < ls->nl && rc == 0; k++) {
        line.len = 0;
        rc = nb_pdf_line_text(g, ls, k, 0, ls->l[k].n, &line);
        if (rc == 0)
            rc = nb_pstr_join(out, line.s, line.len);
    }
    free(line.s);
    return rc;
}

/* ----------------------------------------------------------- paragraphs */

/* A line ending this many line heights (about characters) before the right
 * margin ends its paragraph; fewer may be a line broken early so that
 * punctuation does not start the next one. */
#define SHORT 2.5

static int cmp_desc(const void *a, const void *b)
{
    return cmp_double(b, a);
}

/* The right margin of the text: the rightmost end that another line comes
 * within a glyph of (one long line, a URL, does not move it). */
static double right_margin(const nb_plines *ls, size_t from, size_t to)
{
    double *x = malloc((to - from) * sizeof *x), h = ls->l[from].h, best = ls->l[from].b.x1;
    if (!x)
        return best; /* only a worse guess */
    for (size_t i = from; i < to; i++) {
        x[i - from] = ls->l[i].b.x1;
        h = ls->l[i].h > h ? ls->l[i].h : h;
    }
    qsort(x, to - from, sizeof *x, cmp_desc);
    best = x[0];
    for (size_t i = 0; i + 1 < to - from; i++)
        if (x[i + 1] >= x[i] - h) {
            best = x[i];
            break;
        }
    free(x);
    return best;
}

static int starts_paragraph(const nb_pline *p, const nb_pline *l, double left, double right)
{
    double h = p->h > l->h ? p->h : l->h;
    if (l->b.y0 - p->b.y1 > 0.5 * h)
        return 1;                          /* a wider gap */
    if (l->h < p->h * 0.85 || p->h < l->h * 0.85)
        return 1;                          /* another size */
    if (l->b.x0 > p->b.x0 + 0.8 * l->h && l->b.x0 <= left + 4 * l->h)
        return 1;                          /* an indented first line */
    return p->b.x1 < right - SHORT * h;    /* the line before stopped short */
}

static int add_paragraph(nb_pstr *s, int page, double top, double bottom, nb_pblocks *out)
{
    nb_pblock blk = {page, page, top, bottom, s->s, s->len, NULL, 0, 0, 0};
    memset(s, 0, sizeof *s);
    return nb_pblocks_add(out, blk);
}

int nb_pdf_paragraphs(const nb_pglyph *g, const nb_plines *ls, size_t from, size_t to, int page, nb_pblocks *out)
{
    if (from >= to)
        return 0;
    double left = ls->l[from].b.x0, right = right_margin(ls, from, to);
    for (size_t i = from; i < to; i++)
        left = ls->l[i].b.x0 < left ? ls->l[i].b.x0 : left;
    nb_pstr para = {0}, line = {0};
    double top = ls->l[from].b.y0, bottom = top;
    size_t first = out->n;
    int rc = 0;
    for (size_t i = from; i < to && rc == 0; i++) {
        if (i > from && starts_paragraph(&ls->l[i - 1], &ls->l[i], left, right)) {
            rc = add_paragraph(&para, page, top, bottom, out);
            top = ls->l[i].b.y0;
        }
        line.len = 0;
        if (rc == 0)
            rc = nb_pdf_line_text(g, ls, i, 0, ls->l[i].n, &line);
        if (rc == 0)
            rc = nb_pstr_join(&para, line.s, line.len);
        bottom = ls->l[i].b.y1;
    }
    if (rc == 0 && para.len)
        rc = add_paragraph(&para, page, top, bottom, out);
    if (rc == 0 && out->n > first && to - from >= 2) { /* one line says nothing of margins */
        const nb_pline *a = &ls->l[from], *z = &ls->l[to - 1];
        out->b[first].open_top = a->b.x0 <= left + 0.8 * a->h;
        out->b[out->n - 1].open_bottom = z->b.x1 >= right - SHORT * z->h;
    }
    free(para.s);
    free(line.s);
    return rc;
}
