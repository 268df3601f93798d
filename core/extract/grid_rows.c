/* grid_rows.c — the data rows of the grids matched to schema rows by their
 * labels: a row's label is the text cell beside its values nearest a
 * standard row label; the fragment of a label wrapped over a row of its own
 * (a PDF table without rules) is folded into the neighbour it brings nearer
 * a standard label; each schema row is taken once, by exact labels first,
 * then by near ones, in the part of the document where its table stands. */
#include "extract/grid.h"
#include "base/vec.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdio.h>
#include <string.h>

#define MAXRC 256 /* cells of a row looked at */

/* The text cell covering row r nearest a standard T2/T3 row (the rightmost
 * of equals), or -1. */
static int label_cell(const gdoc *D, int si, int r)
{
    int cells[MAXRC], n = gx_row_cells(D->sh[si].g, r, cells, MAXRC), best = -1;
    float bs = 0;
    for (int i = 0; i < n; i++) {
        const glabel *l = gx_label(D, si, cells[i]);
        if (l && l->row >= 0 && l->sim >= bs && l->sim > 0) {
            bs = l->sim;
            best = cells[i];
        }
    }
    return best;
}

/* The first cell that starts in row r, or -1. */
static int first_cell(const nb_grid *g, int r)
{
    for (int c = 0; c < g->ncols; c++) {
        int k = g->at[r * g->ncols + c];
        if (k >= 0 && g->cells[k].row == r)
            return k;
    }
    return -1;
}

static int add_row(gdoc *D, int si, int r)
{
    const nb_grid *g = D->sh[si].g;
    int k = first_cell(g, r);
    size_t at = k >= 0 ? g->cells[k].off : g->off;
    if (at < D->ar.start || at >= D->ar.end)
        return 0;
    if (nb_grow(&D->rows, &D->rowcap, D->nrows + 1, sizeof *D->rows, 64) != 0)
        return -1;
    gdrow *w = &D->rows[D->nrows++];
    memset(w, 0, sizeof *w);
    w->sheet = si;
    w->r = r;
    w->at = at;
    w->label = label_cell(D, si, r);
    w->row = -1;
    const gsheet *s = &D->sh[si];
    for (int c = 0; c < g->ncols && !w->values; c++) {
        int q = g->at[r * g->ncols + c];
        w->values = q >= 0 && g->cells[q].row == r && s->kind[q] == GK_VALUE;
    }
    const glabel *l = w->label >= 0 ? gx_label(D, si, w->label) : NULL;
    w->cand = l ? l->row : -1;
    w->sim = l ? l->sim : 0;
    return 0;
}

/* The cells of w's label: fragments above, the label, fragments below. */
static int label_pieces(const gdrow *w, int *out)
{
    int n = 0;
    for (int i = 0; i < w->npre; i++)
        out[n++] = w->pre[i];
    if (w->label >= 0)
        out[n++] = w->label;
    for (int i = 0; i < w->npost; i++)
        out[n++] = w->post[i];
    return n;
}

void gx_row_label(const gdoc *D, const gdrow *w, nb_ustr *u)
{
    int pieces[2 * GMAXFRAG + 1], n = label_pieces(w, pieces);
    if (n == 1) {
        *u = gx_label(D, w->sheet, pieces[0])->u;
        return;
    }
    /* the pieces' text run together, then normalised as one label (a
     * comma ending the first piece is inside the label) */
    const gsheet *s = &D->sh[w->sheet];
    char buf[4 * NB_USTR_MAX];
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        size_t k = s->len[pieces[i]];
        if (o + k > sizeof buf)
            k = sizeof buf - o;
        memcpy(buf + o, D->t + s->off[pieces[i]], k);
        o += k;
    }
    nb_norm(buf, o, u, NB_NORM_LABEL);
}

/* Append s[0, n) to out (at *o of cap), a space before all but the first. */
static void put_piece(char *out, size_t cap, size_t *o, const char *s, size_t n)
{
    if (*o + n + 2 >= cap)
        return;
    if (*o)
        out[(*o)++] = ' ';
    memcpy(out + *o, s, n);
    *o += n;
    out[*o] = '\0';
}

void gx_row_label_text(const gdoc *D, const gdrow *w, char *out, size_t cap, size_t *off)
{
    const gsheet *s = &D->sh[w->sheet];
    int pieces[2 * GMAXFRAG + 1], n = label_pieces(w, pieces);
    size_t o = 0;
    out[0] = '\0';
    *off = n ? s->off[pieces[0]] : w->at;
    for (int i = 0; i < n; i++)
        put_piece(out, cap, &o, D->t + s->off[pieces[i]], s->len[pieces[i]]);
}

/* The nearest standard row of w's label with cell k folded in before
 * (before = 1) or after it; its similarity. */
static double fold_sim(const gdoc *D, const gdrow *w, int k, int before, int *row)
{
    gdrow t = *w;
    if (before && t.npre < GMAXFRAG)
        t.pre[t.npre++] = k;
    else if (!before && t.npost < GMAXFRAG)
        t.post[t.npost++] = k;
    else
        return 0;
    nb_ustr u;
    gx_row_label(D, &t, &u);
    return ex_best_row_memo(D->memo, D->L, &u, 1u << NB_T2 | 1u << NB_T3, row);
}

/* The text cell of fragment row f that continues w's label: the one in
 * the label's column, else the first. */
static int fragment_cell(const gdoc *D, int si, int f, const gdrow *w)
{
    const gsheet *s = &D->sh[si];
    int cells[MAXRC], n = gx_row_cells(s->g, f, cells, MAXRC), first = -1;
    int col = w && w->label >= 0 ? s->g->cells[w->label].col : -1;
    for (int i = 0; i < n; i++) {
        int k = cells[i];
        if (s->kind[k] != GK_TEXT || s->g->cells[k].row != f)
            continue;
        if (s->g->cells[k].col == col)
            return k;
        if (first < 0)
            first = k;
    }
    return first;
}

/* Gain in similarity of folding fragment row f into data row w. */
static double fold_gain(const gdoc *D, gdrow *w, int si, int f, int before, int *cell, int *row)
{
    if (!w)
        return 0;
    *cell = fragment_cell(D, si, f, w);
    if (*cell < 0)
        return 0;
    return fold_sim(D, w, *cell, before, row) - w->sim;
}

static void attach(gdrow *w, int cell, int before, int row, double sim)
{
    if (before)
        w->pre[w->npre++] = cell;
    else
        w->post[w->npost++] = cell;
    w->cand = row;
    w->sim = (float)sim;
}

/* Fold each fragment row of sheet si into the data row above or below it
 * (across fragment rows only) that it brings nearer a standard label. */
static void fold_fragments(gdoc *D, int si, int *at_row)
{
    const gsheet *s = &D->sh[si];
    for (int f = 0; f < s->g->nrows; f++) {
        if (s->cls[f] != GR_FRAG)
            continue;
        int u = f - 1, d = f + 1;
        while (u >= 0 && s->cls[u] == GR_FRAG)
            u--;
        while (d < s->g->nrows && s->cls[d] == GR_FRAG)
            d++;
        gdrow *up = u >= 0 && at_row[u] >= 0 ? &D->rows[at_row[u]] : NULL;
        gdrow *dn = d < s->g->nrows && at_row[d] >= 0 ? &D->rows[at_row[d]] : NULL;
        int cu = -1, cd = -1, ru = -1, rd = -1;
        double gu = fold_gain(D, up, si, f, 0, &cu, &ru), gd = fold_gain(D, dn, si, f, 1, &cd, &rd);
        if (gd > 0.02 && gd >= gu && dn->npre < GMAXFRAG)
            attach(dn, cd, 1, rd, dn->sim + gd);
        else if (gu > 0.02 && up->npost < GMAXFRAG)
            attach(up, cu, 0, ru, up->sim + gu);
    }
}

/* The data rows of sheet si in the tables' area, fragments folded in. */
static int collect(gdoc *D, int si)
{
    const gsheet *s = &D->sh[si];
    int nr = s->g->nrows;
    int *at_row = malloc(((size_t)nr + 1) * sizeof *at_row);
    if (!at_row)
        return -1;
    for (int r = 0; r < nr; r++) {
        at_row[r] = -1;
        if (s->cls[r] != GR_DATA)
            continue;
        size_t before = D->nrows;
        if (add_row(D, si, r) != 0) {
            free(at_row);
            return -1;
        }
        if (D->nrows > before)
            at_row[r] = (int)before;
    }
    fold_fragments(D, si, at_row);
    free(at_row);
    return 0;
}

int gx_in_area(const gdoc *D, int t, size_t at)
{
    const area *a = &D->ar;
    if (t == NB_T2)
        return at >= a->t2s && at < a->t2e;
    if (t == NB_T3)
        return at >= a->t3s && at < a->t3e;
    return at >= a->t4s && at < a->end;
}

/* Each schema row to the first data row labelled with it: exactly (pass
 * 0), then near enough (pass 1: T2 0.6, T3 0.5, as the text's rows); a
 * row with values before a label alone (a row of blanks) in each pass. */
static void assign(gdoc *D)
{
    const nb_schema *s = D->r->schema;
    for (int pass = 0; pass < 4; pass++)
        for (size_t i = 0; i < D->nrows; i++) {
            gdrow *w = &D->rows[i];
            if (w->row >= 0 || w->cand < 0 || D->r->rows_found[w->cand] || w->values != !(pass & 1))
                continue;
            int t = s->rows[w->cand].table;
            float need = pass < 2 ? 0.999f : t == NB_T2 ? 0.6f : 0.5f;
            if (w->sim < need || !gx_in_area(D, t, w->at))
                continue;
            w->row = w->cand;
            D->r->rows_found[w->cand] = 1;
        }
}

int gx_match_rows(gdoc *D)
{
    for (int si = 0; si < D->nsh; si++)
        if (collect(D, si) != 0)
            return -1;
    assign(D);
    return 0;
}
