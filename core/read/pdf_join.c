/* pdf_join.c — tables continued over a page break joined into one: the two
 * column lattices united, a repeated header dropped, the rows of the second
 * appended, a split row or a merged cell running over the break made one. */
#include "read/pdf_join.h"
#include "read/pdf_lattice.h"
#include "read/pdf_text.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HEADER_ROWS 4

static int nearest(const double *m, int n, double x)
{
    int best = 0;
    for (int k = 1; k < n; k++)
        if (fabs(m[k] - x) < fabs(m[best] - x))
            best = k;
    return best;
}

static int matches(const double *m, int n, double x)
{
    return fabs(m[nearest(m, n, x)] - x) <= NB_PDF_TOL;
}

/* Same outer borders, and most column borders of one stand in the other. */
static int same_columns(const nb_ptable *a, const nb_ptable *b)
{
    if (fabs(a->xs[0] - b->xs[0]) > 2 * NB_PDF_TOL || fabs(a->xs[a->ncols] - b->xs[b->ncols]) > 2 * NB_PDF_TOL)
        return 0;
    int hit = 0, fewer = a->ncols < b->ncols ? a->ncols : b->ncols;
    const nb_ptable *small = a->ncols < b->ncols ? a : b, *big = small == a ? b : a;
    for (int k = 0; k <= small->ncols; k++)
        hit += matches(big->xs, big->ncols + 1, small->xs[k]);
    return 10 * hit >= 6 * (fewer + 1);
}

/* Put t's cells on the column borders m[0, n). */
static void remap(nb_ptable *t, const double *m, int n)
{
    for (size_t k = 0; k < t->ncells; k++) {
        nb_pcell *c = &t->cells[k];
        int c0 = nearest(m, n, t->xs[c->col]), c1 = nearest(m, n, t->xs[c->col + c->colspan]);
        c->col = c0 < n - 1 ? c0 : n - 2;
        c->colspan = c1 > c->col ? c1 - c->col : 1;
    }
    memcpy(t->xs, m, (size_t)n * sizeof *m);
    t->ncols = n - 1;
}

/* Both tables on the union of their column borders. */
static int unite_columns(nb_ptable *a, nb_ptable *b)
{
    size_t n = (size_t)(a->ncols + b->ncols + 2);
    double *v = malloc(n * sizeof *v), *m = malloc(n * sizeof *m);
    double *xa = realloc(a->xs, n * sizeof *xa);
    if (xa)
        a->xs = xa;
    double *xb = realloc(b->xs, n * sizeof *xb);
    if (xb)
        b->xs = xb;
    if (!v || !m || !xa || !xb) {
        free(v);
        free(m);
        return -1;
    }
    memcpy(v, a->xs, (size_t)(a->ncols + 1) * sizeof *v);
    memcpy(v + a->ncols + 1, b->xs, (size_t)(b->ncols + 1) * sizeof *v);
    int nm = (int)nb_pdf_cluster(v, n, m);
    remap(a, m, nm);
    remap(b, m, nm);
    free(v);
    free(m);
    return 0;
}

static const nb_pcell *same_cell(const nb_ptable *a, const nb_pcell *y)
{
    for (size_t k = 0; k < a->ncells; k++) {
        const nb_pcell *x = &a->cells[k];
        if (x->row == y->row && x->col == y->col && x->rowspan == y->rowspan && x->colspan == y->colspan &&
            x->len == y->len && !memcmp(x->text, y->text, x->len))
            return x;
    }
    return NULL;
}

/* Are b's first k rows a repeat of a's first k? */
static int rows_repeat(const nb_ptable *a, const nb_ptable *b, int k)
{
    int n = 0, any = 0;
    for (size_t i = 0; i < b->ncells; i++) {
        const nb_pcell *y = &b->cells[i];
        if (y->row >= k)
            continue;
        if (y->row + y->rowspan > k || !same_cell(a, y))
            return 0;
        n++;
        any |= y->len > 0;
    }
    for (size_t i = 0; i < a->ncells; i++) {
        const nb_pcell *x = &a->cells[i];
        if (x->row < k && x->row + x->rowspan <= k)
            n--;
        else if (x->row < k)
            return 0;
    }
    return any && n == 0;
}

static void drop_rows(nb_ptable *b, int k)
{
    size_t m = 0;
    for (size_t i = 0; i < b->ncells; i++) {
        nb_pcell c = b->cells[i];
        if (c.row < k) {
            free(c.text);
            continue;
        }
        c.row -= k;
        b->cells[m++] = c;
    }
    b->ncells = m;
    b->nrows -= k;
}

static void drop_repeated_header(const nb_ptable *a, nb_ptable *b)
{
    for (int k = MAX_HEADER_ROWS; k >= 1; k--)
        if (k < a->nrows && k < b->nrows && rows_repeat(a, b, k)) {
            drop_rows(b, k);
            return;
        }
}

/* Text that starts a new row rather than going on with one: a number or a
 * placeholder, an item's numbering (1. （一） 二、). */
static int looks_new(const char *s, size_t n)
{
    static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    size_t i = 0;
    uint32_t c = nb_utf8_get(s, n, &i);
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) || c == '(' || c == 0xFF08)
        return 1;
    if (n <= 3 && !nb_is_cjk(c))
        return 1;
    uint32_t next = i < n ? nb_utf8_get(s, n, &i) : 0;
    for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
        if (c == numerals[k] && next == 0x3001)
            return 1;
    return 0;
}

/* The cell of a ending on a's last row over the same columns as c. */
static nb_pcell *ending_above(nb_ptable *a, const nb_pcell *c)
{
    for (size_t k = 0; k < a->ncells; k++) {
        nb_pcell *x = &a->cells[k];
        if (x->col == c->col && x->colspan == c->colspan && x->row + x->rowspan == a->nrows)
            return x;
    }
    return NULL;
}

/* Was a's last row split by the page break, b's first row its rest? Then
 * b's first row has text only below text, none that starts a row, and
 * leaves empty some cell that a's last row filled. */
static int split_row(nb_ptable *a, nb_ptable *b)
{
    int sparse = 0;
    for (size_t k = 0; k < b->ncells; k++) {
        const nb_pcell *c = &b->cells[k];
        if (c->row != 0)
            continue;
        const nb_pcell *x = ending_above(a, c);
        if (!x)
            return 0;
        if (c->len && (!x->len || looks_new(c->text, c->len)))
            return 0;
        if (!c->len && x->len && x->rowspan == 1)
            sparse = 1;
    }
    return sparse;
}

/* Does c (first row of b) go on with x, a merged cell running over the break? */
static int continues(const nb_pcell *x, const nb_pcell *c)
{
    if (!c->len)
        return x->len && (x->rowspan > 1 || c->rowspan > 1);
    return x->rowspan > 1 && c->rowspan > 1 && !looks_new(c->text, c->len);
}

/* text (malloc'd, len bytes) going on with more: joined as lines of one text */
static int go_on(char **text, size_t *len, const char *more, size_t n)
{
    nb_pstr s = {*text, *len, *len + 1};
    if (nb_pstr_join(&s, more, n) != 0)
        return -1;
    *text = s.s;
    *len = s.len;
    return 0;
}

/* b's rows after a's; b is left empty. */
static int append_rows(nb_ptable *a, nb_ptable *b)
{
    int split = split_row(a, b), last = a->nrows;
    size_t keep = a->ncells;
    for (size_t k = 0; k < b->ncells; k++) {
        nb_pcell *c = &b->cells[k];
        nb_pcell *x = c->row == 0 ? ending_above(a, c) : NULL;
        if (x && x < a->cells + keep && (split || continues(x, c))) {
            x->rowspan += c->rowspan - split;
            if (go_on(&x->text, &x->len, c->text, c->len) != 0)
                return -1;
            free(c->text);
            c->text = NULL;
            continue;
        }
        if (nb_grow(&a->cells, &a->cap, a->ncells + 1, sizeof *a->cells, 16) != 0)
            return -1;
        c->row += last - split;
        a->cells[a->ncells++] = *c;
        c->text = NULL;
    }
    a->nrows += b->nrows - split;
    for (size_t k = 0; k < b->ncells; k++)
        free(b->cells[k].text);
    b->ncells = 0;
    return 0;
}

static int join_tables(nb_ptable *a, nb_ptable *b)
{
    if (unite_columns(a, b) != 0)
        return -1;
    drop_repeated_header(a, b);
    return b->nrows > 0 ? append_rows(a, b) : 0;
}

/* A paragraph running on over the page break: a's last line reaches the
 * margin, b's first line is not indented. */
static int join_paragraphs(nb_pblock *a, nb_pblock *b)
{
    a->open_bottom = b->open_bottom;
    return go_on(&a->text, &a->len, b->text, b->len);
}

static int continued(const nb_pblock *a, const nb_pblock *b)
{
    if (b->page != a->page_last + 1)
        return 0;
    if (a->table && b->table)
        return same_columns(a->table, b->table);
    return !a->table && !b->table && a->open_bottom && b->open_top;
}

int nb_pdf_join(nb_pblocks *bs)
{
    for (size_t i = 0; i + 1 < bs->n;) {
        nb_pblock *a = &bs->b[i], *b = &bs->b[i + 1];
        if (!continued(a, b)) {
            i++;
            continue;
        }
        if (a->table ? join_tables(a->table, b->table) != 0 : join_paragraphs(a, b) != 0)
            return -1;
        a->page_last = b->page;
        a->bottom = b->bottom;
        nb_pblock_free(b);
        memmove(b, b + 1, (bs->n - i - 2) * sizeof *b);
        bs->n--;
    }
    return 0;
}
