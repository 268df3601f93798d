/* grid_sheet.c — one grid as the extractor reads it: each cell a value, a
 * blank or text (its text trimmed; text looked up in the lexicon once),
 * each row data (it holds a value, or is labelled as a standard row), a
 * header (header wording), a group heading, or the fragment of a label
 * wrapped over two rows; and the header band each row is read under: the
 * run of header rows last seen above it. */
#include "extract/grid.h"
#include "base/vec.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdlib.h>
#include <string.h>

/* A text-only row is a row of blanks when its label is this near a standard one. */
#define BLANK_ROW_SIM 0.8f

static int is_group_part(const lexicon *L, const nb_ustr *u)
{
    for (int g = 0; g < L->ngroups && u->n > 0; g++)
        if (nb_ustr_contains(&L->groups[g], u))
            return 1;
    return 0;
}

/* Look text s[0, n) up in the lexicon; its index in D->lab, or -1. */
static int add_label(gdoc *D, const char *s, size_t n)
{
    if (nb_grow(&D->lab, &D->labcap, D->nlab + 1, sizeof *D->lab, 64) != 0)
        return -1;
    glabel *l = &D->lab[D->nlab];
    memset(l, 0, sizeof *l);
    nb_norm(s, n, &l->u, NB_NORM_LABEL);
    l->numbered = (unsigned char)l->u.had_num;
    int row, header;
    ex_lex_exact(D->L, &l->u, &row, &header);
    l->header = (unsigned char)header;
    l->row = row;
    l->sim = row >= 0 ? 1.0f : 0.0f;
    if (row < 0 && !header && l->u.n > 0)
        l->sim = (float)ex_best_row_memo(D->memo, D->L, &l->u, 1u << NB_T2 | 1u << NB_T3, &l->row);
    l->group = (unsigned char)is_group_part(D->L, &l->u);
    return (int)D->nlab++;
}

const glabel *gx_label(const gdoc *D, int si, int cell)
{
    int k = D->sh[si].lab[cell];
    return k < 0 ? NULL : &D->lab[k];
}

int gx_row_cells(const nb_grid *g, int r, int *out, int cap)
{
    int n = 0, last = -1;
    for (int c = 0; c < g->ncols && n < cap; c++) {
        int k = g->at[r * g->ncols + c];
        if (k >= 0 && k != last)
            out[n++] = k;
        last = k;
    }
    return n;
}

/* Every cell: its text trimmed, what it holds, its label. */
static int read_cells(gdoc *D, int si)
{
    gsheet *s = &D->sh[si];
    const nb_grid *g = s->g;
    for (int k = 0; k < g->ncells; k++) {
        size_t a = g->cells[k].off, b = a + g->cells[k].len;
        ex_trim(D->t, &a, &b);
        s->off[k] = a;
        s->len[k] = b - a;
        s->lab[k] = -1;
        if (a == b)
            s->kind[k] = GK_EMPTY;
        else if (ex_is_value_text(D->t, a, b))
            s->kind[k] = GK_VALUE;
        else if ((s->lab[k] = add_label(D, D->t + a, b - a)) < 0)
            return -1;
        else
            s->kind[k] = GK_TEXT;
    }
    return 0;
}

/* A label that makes its row a standard row even without values. */
static int names_row(const gdoc *D, const glabel *l)
{
    return l->row >= 0 && l->sim >= BLANK_ROW_SIM && !(l->header && !l->numbered) &&
           D->L->s->rows[l->row].table != NB_T4;
}

static int is_header_text(const gdoc *D, const glabel *l)
{
    return l->header || (ex_header_coverage(D->L, &l->u) >= 0.75 && (!l->numbered || l->u.n > 8));
}

/* What row r is, by the cells that start in it. */
static int row_class(const gdoc *D, int si, int r)
{
    const gsheet *s = &D->sh[si];
    int cells[256], n = gx_row_cells(s->g, r, cells, 256);
    int text = 0, label = 0, header = 0, grouped = 0;
    for (int i = 0; i < n; i++) {
        int k = cells[i];
        if (s->g->cells[k].row != r)
            continue;
        if (s->kind[k] == GK_VALUE)
            return GR_DATA;
        if (s->kind[k] != GK_TEXT)
            continue;
        const glabel *l = &D->lab[s->lab[k]];
        text = 1;
        if (names_row(D, l))
            label = 1;
        else if (is_header_text(D, l))
            header = 1;
        else if (l->group)
            grouped = 1;
    }
    return label ? GR_DATA : header ? GR_HEADER : grouped ? GR_GROUP : text ? GR_FRAG : GR_EMPTY;
}

/* Each row's class and header band: the run of header rows last seen. */
static void read_rows(gdoc *D, int si)
{
    gsheet *s = &D->sh[si];
    int h0 = 0, h1 = 0, in_header = 0;
    for (int r = 0; r < s->g->nrows; r++) {
        s->cls[r] = (unsigned char)row_class(D, si, r);
        if (s->cls[r] == GR_HEADER) {
            if (!in_header)
                h0 = r;
            h1 = r + 1;
        }
        in_header = s->cls[r] == GR_HEADER;
        s->h0[r] = h0;
        s->h1[r] = h1;
    }
}

/* The sheet's arrays, carved from one block: sizes first, then ints, then bytes. */
static int sheet_alloc(gsheet *s)
{
    const nb_grid *g = s->g;
    size_t nc = (size_t)g->ncells + 1, nr = (size_t)g->nrows + 1, ncol = (size_t)g->ncols + 1;
    size_t ints = nc + 2 * nr + ncol;
    char *p = calloc(1, 2 * nc * sizeof(size_t) + ints * sizeof(int) + nc + nr);
    if (!p)
        return -1;
    s->block = p;
    s->off = (size_t *)(void *)p;
    s->len = s->off + nc;
    s->lab = (int *)(void *)(s->len + nc);
    s->h0 = s->lab + nc;
    s->h1 = s->h0 + nr;
    s->colmap = s->h1 + nr;
    s->kind = (unsigned char *)(s->colmap + ncol);
    s->cls = s->kind + nc;
    return 0;
}

int gx_sheet_read(gdoc *D, int si, const nb_grid *g)
{
    gsheet *s = &D->sh[si];
    memset(s, 0, sizeof *s);
    s->g = g;
    s->from = -1;
    if (sheet_alloc(s) != 0 || read_cells(D, si) != 0)
        return -1;
    read_rows(D, si);
    return 0;
}

void gx_sheet_free(gsheet *s)
{
    free(s->block);
    memset(s, 0, sizeof *s);
}
