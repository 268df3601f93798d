/* fill.c — the cells of matched rows, written with the span of text each
 * came from: read as written, blank (a row with its label and no numbers),
 * placed under their headers (a space-aligned row with blank cells), or from
 * the readings of run-together digits
 * (a cell every reading agrees on is read; others stay text and say how
 * many readings fit); a row with more values than cells by its runs of
 * values one space joins (one number, "4 529", or text: none dropped). */
#include "extract/internal.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/num.h"
#include "text/numerals.h"

#include <stdlib.h>
#include <string.h>

static void set_cell(nb_report *r, int ci, nb_status st, nb_num num, size_t off, size_t len)
{
    nb_cell *c = &r->cells[ci];
    c->status = st;
    c->num = num;
    c->has_span = 1;
    c->off = off;
    c->len = len;
}

/* Write the cells of a row from tokens, or note that a split is needed. */
static int fill_plain(nb_report *r, const assembly *A, int row, const int *idx, int n, int want)
{
    int ci0 = nb_schema_first_cell(r->schema, row);
    for (int c = 0; c < want; c++) {
        if (c >= n)
            break; /* missing */
        const tok *k = &A->toks[idx[c]];
        nb_num num = {0, 0};
        nb_status st = k->kind == K_EMPTY ? NB_ST_BLANK : ex_token_value(A->t, k, &num);
        set_cell(r, ci0 + c, st, num, k->off, k->len);
    }
    return 0;
}

static void mark_split(nb_report *r, int ci, const part *p, const tok *blob_of, int readings)
{
    nb_cell *c = &r->cells[ci];
    set_cell(r, ci, p->st, p->num, p->off, p->len);
    if (p->st == NB_ST_INFERRED) {
        c->blob_off = blob_of->off;
        c->blob_len = blob_of->len;
        c->readings = readings;
    }
}

/* The token a part came from. */
static const tok *part_token(const assembly *A, const int *idx, int n, const part *p)
{
    for (int i = 0; i < n; i++) {
        const tok *k = &A->toks[idx[i]];
        if (p->off >= k->off && p->off < k->off + (k->len ? k->len : 1))
            return k;
    }
    return &A->toks[idx[0]];
}

void ex_fill_from_readings(nb_report *r, const assembly *A, int row, const int *idx, int n, int want,
                               part (*rd)[MAXPARTS], int nrd, int total, int row_offset)
{
    int ci0 = nb_schema_first_cell(r->schema, row);
    for (int c = 0; c < want; c++) {
        const part *p0 = &rd[0][row_offset + c];
        int same = 1;
        for (int k = 1; k < nrd; k++) {
            const part *pk = &rd[k][row_offset + c];
            if (pk->off != p0->off || pk->len != p0->len)
                same = 0;
        }
        const tok *bt = part_token(A, idx, n, p0);
        if (same && total < 1000000) {
            mark_split(r, ci0 + c, p0, bt, 1);
        } else {
            nb_cell *cell = &r->cells[ci0 + c];
            set_cell(r, ci0 + c, NB_ST_TEXT, nb_num_int(0), bt->off, bt->len);
            cell->blob_off = bt->off;
            cell->blob_len = bt->len;
            cell->readings = total;
        }
    }
}

static void fill_unreadable(nb_report *r, const assembly *A, int row, const int *idx, int n, int want, int total)
{
    int ci0 = nb_schema_first_cell(r->schema, row);
    for (int c = 0; c < want; c++) {
        const tok *k = &A->toks[idx[c < n ? c : n - 1]];
        nb_cell *cell = &r->cells[ci0 + c];
        set_cell(r, ci0 + c, NB_ST_TEXT, nb_num_int(0), k->off, k->len);
        cell->blob_off = k->off;
        cell->blob_len = k->len;
        cell->readings = total;
    }
}

/* A row of blank cells (a label alone, or only empty cells): each at its
 * empty cell, or, past them, right after the label. */
static void fill_blank(nb_report *r, const assembly *A, const group *g, int row, const rowfill *F)
{
    int ci0 = nb_schema_first_cell(r->schema, row);
    size_t after = g->nfrag ? g->frag_off[g->nfrag - 1] + g->frag_len[g->nfrag - 1] : g->pos;
    for (int c = 0; c < F->want; c++)
        set_cell(r, ci0 + c, NB_ST_BLANK, nb_num_int(0), c < F->n ? A->toks[F->idx[c]].off : after, 0);
}

/* A space-aligned row's numbers in the columns they sit under (at[c]: the
 * token of column c, or -1 for a blank cell, placed after the one before). */
static void fill_placed(nb_report *r, const assembly *A, const group *g, int row, int want, const int *at)
{
    int ci0 = nb_schema_first_cell(r->schema, row);
    size_t after = g->nfrag ? g->frag_off[g->nfrag - 1] + g->frag_len[g->nfrag - 1] : g->pos;
    for (int c = 0; c < want; c++) {
        if (at[c] < 0) {
            set_cell(r, ci0 + c, NB_ST_BLANK, nb_num_int(0), after, 0);
            continue;
        }
        const tok *k = &A->toks[at[c]];
        nb_num num = {0, 0};
        nb_status st = ex_token_value(A->t, k, &num);
        set_cell(r, ci0 + c, st, num, k->off, k->len);
        after = k->off + k->len;
    }
}

/* The runs of a row's tokens that one space joins ("1 1 0 0", "4 529"):
 * where each starts in idx (first[], at most MAXWANT of them, first[m] =
 * n); how many, or MAXWANT + 1 when there are more. */
static int space_runs(const assembly *A, const int *idx, int n, int *first)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        const tok *k = &A->toks[idx[i]];
        if (i > 0 && k->kind != K_EMPTY && A->toks[idx[i - 1]].kind != K_EMPTY) {
            const tok *p = &A->toks[idx[i - 1]];
            if (ex_one_space(A->t, p->off + p->len, k->off))
                continue;
        }
        if (m == MAXWANT)
            return MAXWANT + 1;
        first[m++] = i;
    }
    first[m] = n;
    return m;
}

/* Tokens idx[a, b) (a < b) as one cell: a token read as it is written,
 * several one number when they write one with its thousands spaced apart,
 * else text (a row's values do not fit its cells). */
static void fill_run(nb_report *r, const assembly *A, int ci, const int *idx, int a, int b)
{
    const tok *k = &A->toks[idx[a]], *l = &A->toks[idx[b - 1]];
    size_t end = l->off + l->len;
    nb_num num = {0, 0};
    nb_status st = b - a == 1 ? (k->kind == K_EMPTY ? NB_ST_BLANK : ex_token_value(A->t, k, &num))
                   : ex_spaced_number(A->t, k->off, end, &num) ? NB_ST_NUMBER : NB_ST_TEXT;
    set_cell(r, ci, st, st == NB_ST_TEXT ? nb_num_int(0) : num, k->off, end - k->off);
}

/* A row with more values than cells (n > want; want 15: T4's three rows
 * of five, their cells in a row): runs joined by one space are cells when
 * there are as many runs as cells ("4 529": one number), else every cell
 * holds the row's values as text: none is dropped unsaid. */
static void fill_surplus(nb_report *r, const assembly *A, int row, const int *idx, int n, int want)
{
    int ci0 = nb_schema_first_cell(r->schema, row), first[MAXWANT + 1];
    if (space_runs(A, idx, n, first) == want) {
        for (int c = 0; c < want; c++)
            fill_run(r, A, ci0 + c, idx, first[c], first[c + 1]);
        return;
    }
    const tok *k = &A->toks[idx[0]], *l = &A->toks[idx[n - 1]];
    for (int c = 0; c < want; c++)
        set_cell(r, ci0 + c, NB_ST_TEXT, nb_num_int(0), k->off, l->off + l->len - k->off);
}

/* The tokens past a row's cells (rest[0, n)) hold what reading it as
 * written would drop unsaid: any of a T2 row's (fill_surplus), a number of
 * a T3 or T4 row's (a footnote mark, a dash or other text after its
 * numbers is no cell). */
static int drops_values(const nb_report *r, const assembly *A, int row, const int *rest, int n)
{
    if (r->schema->rows[row].table == NB_T2)
        return 1;
    for (int i = 0; i < n; i++) {
        nb_num num;
        if (ex_token_value(A->t, &A->toks[rest[i]], &num) == NB_ST_NUMBER)
            return 1;
    }
    return 0;
}

/* A split T3 row's readings kept for the sums across rows when there
 * are several (resolve.c); -1 when out of memory. */
static int keep_readings(const nb_report *r, const splitter *S, rowfill *F)
{
    if (S->nfound < 2 || S->total > MAXREAD || r->schema->rows[F->row].table != NB_T3)
        return 0;
    F->rd = malloc(sizeof *F->rd + (size_t)S->nfound * sizeof F->rd->found[0]);
    if (!F->rd)
        return -1;
    F->rd->n = S->nfound;
    memcpy(F->rd->found, S->found, (size_t)S->nfound * sizeof F->rd->found[0]);
    return 0;
}

/* The cells of a row read as written, the first n of them there (want 15:
 * T4's three rows of five). */
static void fill_as_written(nb_report *r, const assembly *A, int row, const int *idx, int n, int want)
{
    if (want != 15) {
        fill_plain(r, A, row, idx, n, want);
        return;
    }
    for (int k = 0; k < 3; k++) {
        int sub[5], ns = 0;
        for (int c = 0; c < 5 && k * 5 + c < n; c++)
            sub[ns++] = idx[k * 5 + c];
        fill_plain(r, A, row + k, sub, ns, 5);
    }
}

/* A row whose digits run together, read in the splitter S (a workspace).
 * When no reading keeps the row's own sums, a row of several numbers is a
 * row short of cells (one lost, or on a line not joined), read as written;
 * one run of digits alone is read in every reading, the column sums choosing
 * (resolve.c). */
static void fill_split(nb_report *r, assembly *A, int row, int want, unsigned flags, rowfill *F, splitter *S)
{
    ex_run_split(A, S, F->idx, F->n, want, flags);
    if (S->nfound == 0 && F->n > 1) {
        fill_as_written(r, A, row, F->idx, F->n, want);
        return;
    }
    if (S->nfound == 0 && (flags & (NB_ROW_SUM | NB_ROW_T4))) /* the sums do not hold in any reading: every reading is open */
        ex_run_split(A, S, F->idx, F->n, want, 0);
    if (S->nfound == 0)
        fill_unreadable(r, A, row, F->idx, F->n, want, 0);
    else if (S->total > MAXREAD)
        fill_unreadable(r, A, row, F->idx, F->n, want, S->total);
    else if (want == 15) {
        for (int k = 0; k < 3; k++)
            ex_fill_from_readings(r, A, row + k, F->idx, F->n, 5, S->found, S->nfound, S->total, k * 5);
    } else {
        ex_fill_from_readings(r, A, row, F->idx, F->n, want, S->found, S->nfound, S->total, 0);
    }
    if (keep_readings(r, S, F) != 0)
        A->oom = 1;
}

/* The cells of one matched row (want 15: T4 in one row), split when its
 * digits run together (in S). */
static void fill_row(nb_report *r, assembly *A, group *g, int row, int want, unsigned flags, rowfill *F, splitter *S)
{
    F->row = row;
    F->want = want;
    F->n = ex_trimmed(A, g, want, F->idx);
    F->rd = NULL;
    if (ex_is_blank_row(A, F->idx, F->n)) {
        fill_blank(r, A, g, row, F);
        return;
    }
    int at[MAXWANT];
    if (F->n < want && ex_place_by_columns(r, A, g, F->idx, F->n, at)) {
        fill_placed(r, A, g, row, want, at);
        return;
    }
    if (ex_row_needs_split(A, F->idx, F->n, want)) {
        fill_split(r, A, row, want, flags, F, S);
        return;
    }
    if (F->n > want && drops_values(r, A, row, F->idx + want, F->n - want)) {
        fill_surplus(r, A, row, F->idx, F->n, want);
        return;
    }
    fill_as_written(r, A, row, F->idx, F->n, want);
}

int ex_fill_rows(nb_report *r, assembly *A, int t4_group, rowfill *fills, int cap)
{
    splitter S; /* one workspace for every split row: no allocation a row */
    int nfill = 0;
    for (int gi = 0; gi < A->ng && nfill < cap; gi++) {
        group *g = &A->g[gi];
        if (g->row < 0)
            continue;
        const nb_row *row = &r->schema->rows[g->row];
        int want = row->ncols;
        unsigned flags = row->flags & NB_ROW_SUM;
        if (gi == t4_group) {
            want = 15;
            flags = NB_ROW_T4;
        } else if (row->table == NB_T4) {
            flags = NB_ROW_T4;
        }
        fill_row(r, A, g, g->row, want, flags, &fills[nfill++], &S);
    }
    return nfill;
}
