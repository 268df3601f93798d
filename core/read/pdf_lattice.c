/* pdf_lattice.c — ruled tables from a page's rules: rules that meet make a
 * component; its rule positions make the rows and columns; slots with no
 * border between them merge (merged cells); glyphs go to cells by centre. */
#include "read/pdf_lattice.h"
#include "read/pdf_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int uf_find(int *p, int i)
{
    while (p[i] != i) {
        p[i] = p[p[i]];
        i = p[i];
    }
    return i;
}

static int uf_union(int *p, int a, int b)
{
    a = uf_find(p, a);
    b = uf_find(p, b);
    if (a == b)
        return 0;
    if (a < b)
        p[b] = a;
    else
        p[a] = b;
    return 1;
}

static int meets(const nb_prule *h, const nb_prule *v)
{
    return v->at >= h->from - NB_PDF_TOL && v->at <= h->to + NB_PDF_TOL && h->at >= v->from - NB_PDF_TOL &&
           h->at <= v->to + NB_PDF_TOL;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

size_t nb_pdf_cluster(double *v, size_t n, double *out)
{
    qsort(v, n, sizeof *v, cmp_double);
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double sum = 0;
        while (j < n && v[j] - v[i] <= NB_PDF_TOL)
            sum += v[j++];
        out[m++] = sum / (double)(j - i);
        i = j;
    }
    return m;
}

/* One component of meeting rules, and the lattice it draws. */
typedef struct lattice {
    const nb_prules *r;
    const nb_prule **h, **v;
    size_t nh, nv;
    double *xs, *ys;
    int nrows, ncols;
} lattice;

/* A horizontal rule at ys[i] over the middle of column j? */
static int has_hborder(const lattice *L, int i, int j)
{
    double y = L->ys[i], w = L->xs[j + 1] - L->xs[j];
    for (size_t k = 0; k < L->nh; k++) {
        const nb_prule *h = L->h[k];
        if (fabs(h->at - y) <= NB_PDF_TOL && h->from <= L->xs[j] + w / 4 && h->to >= L->xs[j + 1] - w / 4)
            return 1;
    }
    return 0;
}

/* A vertical rule at xs[j] over the middle of row i? */
static int has_vborder(const lattice *L, int i, int j)
{
    double x = L->xs[j], hgt = L->ys[i + 1] - L->ys[i];
    for (size_t k = 0; k < L->nv; k++) {
        const nb_prule *v = L->v[k];
        if (fabs(v->at - x) <= NB_PDF_TOL && v->from <= L->ys[i] + hgt / 4 && v->to >= L->ys[i + 1] - hgt / 4)
            return 1;
    }
    return 0;
}

/* The bounding box of each group of slots, at its root: r0, c0, r1, c1. */
static void group_boxes(int *p, int R, int C, int *box)
{
    for (int s = 0; s < R * C; s++)
        box[4 * s] = -1;
    for (int s = 0; s < R * C; s++) {
        int *b = &box[4 * uf_find(p, s)], r = s / C, c = s % C;
        if (b[0] < 0) {
            b[0] = b[2] = r;
            b[1] = b[3] = c;
            continue;
        }
        b[0] = r < b[0] ? r : b[0];
        b[1] = c < b[1] ? c : b[1];
        b[2] = r > b[2] ? r : b[2];
        b[3] = c > b[3] ? c : b[3];
    }
}

/* Slots joined where no border parts them, then grown to rectangles. */
static void merge_slots(const lattice *L, int *p, int *box)
{
    int R = L->nrows, C = L->ncols;
    for (int i = 0; i < R * C; i++)
        p[i] = i;
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) {
            if (j + 1 < C && !has_vborder(L, i, j + 1))
                uf_union(p, i * C + j, i * C + j + 1);
            if (i + 1 < R && !has_hborder(L, i + 1, j))
                uf_union(p, i * C + j, (i + 1) * C + j);
        }
    for (int changed = 1; changed;) {
        changed = 0;
        group_boxes(p, R, C, box);
        for (int s = 0; s < R * C; s++) {
            const int *b = &box[4 * s];
            for (int i = b[0]; b[0] >= 0 && i <= b[2]; i++)
                for (int j = b[1]; j <= b[3]; j++)
                    changed |= uf_union(p, s, i * C + j);
        }
    }
    group_boxes(p, R, C, box);
}

static int upper(const double *v, int n, double x)
{
    int k = 0;
    while (k + 1 < n && v[k + 1] <= x)
        k++;
    return k;
}

int nb_pdf_cell_from(nb_ptable *t, const nb_pglyph *g, const size_t *idx, size_t n, int row, int col, int rowspan,
                     int colspan, int page)
{
    nb_plines ls;
    nb_pstr s = {0};
    if (nb_pdf_lines(g, idx, n, &ls) != 0)
        return -1;
    int rc = nb_pdf_text_of(g, &ls, &s);
    if (rc == 0)
        rc = nb_ptable_add(t, row, col, rowspan, colspan, page, s.s ? s.s : "", s.len);
    nb_plines_free(&ls);
    free(s.s);
    return rc;
}

/* The cells of the lattice, each with the glyphs whose centre it holds. */
static int fill_cells(const lattice *L, int *p, const int *box, nb_pglyph *g, size_t ng, int page, int tno,
                      nb_ptable *t)
{
    int R = L->nrows, C = L->ncols, rc = 0;
    size_t *count = calloc((size_t)(R * C) + 1, sizeof *count), *idx = malloc((ng + 1) * sizeof *idx);
    int *slot = malloc((ng + 1) * sizeof *slot);
    if (!count || !idx || !slot)
        rc = -1;
    for (size_t i = 0; i < ng && rc == 0; i++) {
        double cx = (g[i].b.x0 + g[i].b.x1) / 2, cy = (g[i].b.y0 + g[i].b.y1) / 2;
        slot[i] = -1;
        if (g[i].table >= 0 || cx < L->xs[0] || cx > L->xs[C] || cy < L->ys[0] || cy > L->ys[R])
            continue;
        slot[i] = uf_find(p, upper(L->ys, R + 1, cy) * C + upper(L->xs, C + 1, cx));
        g[i].table = tno;
        count[slot[i] + 1]++;
    }
    for (int s = 0; s < R * C && rc == 0; s++)
        count[s + 1] += count[s];
    for (size_t i = 0; i < ng && rc == 0; i++)
        if (slot[i] >= 0)
            idx[count[slot[i]]++] = i;
    /* count[s] is now the end of slot s's glyphs; its start is count[s - 1] */
    for (int s = 0; s < R * C && rc == 0; s++) {
        const int *b = &box[4 * s];
        if (b[0] < 0)
            continue; /* not a group's root */
        size_t from = s ? count[s - 1] : 0;
        rc = nb_pdf_cell_from(t, g, idx + from, count[s] - from, b[0], b[1], b[2] - b[0] + 1, b[3] - b[1] + 1, page);
    }
    free(count);
    free(idx);
    free(slot);
    return rc;
}

/* The rows and columns of a component: where its rules stand. */
static int axes(lattice *L)
{
    size_t n = L->nh > L->nv ? L->nh : L->nv;
    double *tmp = malloc((n + 1) * sizeof *tmp);
    L->ys = malloc((L->nh + 1) * sizeof *L->ys);
    L->xs = malloc((L->nv + 1) * sizeof *L->xs);
    if (!tmp || !L->ys || !L->xs) {
        free(tmp);
        return -1;
    }
    for (size_t k = 0; k < L->nh; k++)
        tmp[k] = L->h[k]->at;
    L->nrows = (int)nb_pdf_cluster(tmp, L->nh, L->ys) - 1;
    for (size_t k = 0; k < L->nv; k++)
        tmp[k] = L->v[k]->at;
    L->ncols = (int)nb_pdf_cluster(tmp, L->nv, L->xs) - 1;
    free(tmp);
    return 0;
}

/* One table from one component, appended to out (none when it is too
 * small to be a table, a lone frame, or too large). */
static int table_of(lattice *L, nb_pglyph *g, size_t ng, int page, nb_pblocks *out)
{
    if (axes(L) != 0)
        return -1;
    int R = L->nrows, C = L->ncols;
    if (R < 1 || C < 1 || R * C < 2 || R > NB_PDF_MAX_ROWS || C > NB_PDF_MAX_COLS)
        return 0;
    int tno = 0;
    for (size_t i = 0; i < out->n; i++)
        tno += out->b[i].table && out->b[i].page == page;
    int *p = malloc((size_t)(R * C) * sizeof *p), *box = malloc((size_t)(R * C) * 4 * sizeof *box);
    nb_ptable *t = calloc(1, sizeof *t);
    double *xs = malloc((size_t)(C + 1) * sizeof *xs);
    int rc = p && box && t && xs ? 0 : -1;
    if (rc == 0) {
        memcpy(xs, L->xs, (size_t)(C + 1) * sizeof *xs);
        t->xs = xs;
        xs = NULL;
        t->nrows = R;
        t->ncols = C;
        merge_slots(L, p, box);
        rc = fill_cells(L, p, box, g, ng, page, tno, t);
    }
    free(p);
    free(box);
    free(xs);
    if (rc != 0) {
        nb_ptable_free(t);
        return -1;
    }
    return nb_pblocks_add(out, (nb_pblock){page, page, L->ys[0], L->ys[R], NULL, 0, t, 0, 0, 0});
}

int nb_pdf_lattice(const nb_prules *r, nb_pglyph *g, size_t ng, int page, nb_pblocks *out)
{
    size_t n = r->nh + r->nv;
    if (!r->nh || !r->nv)
        return 0;
    int *p = malloc(n * sizeof *p);
    const nb_prule **hs = malloc(r->nh * sizeof *hs), **vs = malloc(r->nv * sizeof *vs);
    int rc = p && hs && vs ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++)
        p[i] = (int)i;
    for (size_t i = 0; i < r->nh && rc == 0; i++)
        for (size_t j = 0; j < r->nv; j++)
            if (meets(&r->h[i], &r->v[j]))
                uf_union(p, (int)i, (int)(r->nh + j));
    for (size_t root = 0; root < n && rc == 0; root++) {
        if (uf_find(p, (int)root) != (int)root)
            continue;
        lattice L = {r, hs, vs, 0, 0, NULL, NULL, 0, 0};
        for (size_t i = 0; i < r->nh; i++)
            if (uf_find(p, (int)i) == (int)root)
                hs[L.nh++] = &r->h[i];
        for (size_t j = 0; j < r->nv; j++)
            if (uf_find(p, (int)(r->nh + j)) == (int)root)
                vs[L.nv++] = &r->v[j];
        if (L.nh >= 2 && L.nv >= 2)
            rc = table_of(&L, g, ng, page, out);
        free(L.xs);
        free(L.ys);
    }
    free(p);
    free(hs);
    free(vs);
    return rc;
}
