/* columns.c — space-aligned rows (pdftotext -layout, w3m) with fewer numbers
 * than cells: each number is placed, by display column, in the column whose
 * header it sits under, before any digit splitting; the columns it leaves
 * are blank cells. The headers are those of the row's own table above it
 * (a wrapped header's fragments count when only one column holds them).
 * And T3's tab and one-cell-per-line rows are read in the order of the
 * columns their header states, when it names each once in another order
 * than the schema's (总计 first: the values follow it). */
#include "extract/internal.h"
#include "base/utf8.h"
#include "model/doc.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdlib.h>
#include <string.h>

typedef ex_extent extent;

/* Lines longer than this are no space-aligned table lines (pdftotext
 * -layout writes a table row in a few hundred columns): their tokens have
 * no column to be placed by, and are not measured. */
#define NB_ALIGNED_LINE_MAX 2048

/* A token's extent once measured, and the column its header text names
 * once looked up (every row placed looks at the headers above it again;
 * the rows of a table share their column labels). */
struct tok_cols {
    extent e;
    int known;
    const nb_ustr *labels; /* the column labels hcol was looked up in (NULL: not yet), */
    int nlabels;           /* and how many of them */
    int hcol;
};

/* A's tokens' measures, made on first need; NULL when out of memory. */
static struct tok_cols *tok_cols_of(assembly *A)
{
    if (!A->cols && !(A->cols = calloc(A->ntok ? A->ntok : 1, sizeof *A->cols)))
        A->oom = 1;
    return A->cols;
}

/* The display columns token ti takes on its line; to == 0 on a long line
 * (and when no memory is left to keep what was measured). */
static extent token_extent(const nb_report *r, assembly *A, size_t ti)
{
    if (!tok_cols_of(A))
        return (extent){0, 0};
    struct tok_cols *tc = &A->cols[ti];
    if (tc->known)
        return tc->e;
    const tok *k = &A->toks[ti];
    size_t ls, le;
    nb_doc_line(&r->doc, nb_doc_line_of(&r->doc, k->off), &ls, &le);
    extent e = {0, 0};
    if (le - ls <= NB_ALIGNED_LINE_MAX) {
        /* measured on from the place measured last when that is on this
           line before the token (both start characters: the columns add up) */
        struct col_mark *cm = &A->colmark;
        if (cm->valid && cm->line == ls && cm->off <= k->off)
            e.from = cm->col + nb_display_cols(r->doc.text + cm->off, k->off - cm->off, cm->col);
        else
            e.from = nb_display_cols(r->doc.text + ls, k->off - ls, 0);
        *cm = (struct col_mark){ls, k->off, e.from, 1};
        e.to = e.from + nb_display_cols(r->doc.text + k->off, k->len, e.from);
    }
    tc->e = e;
    tc->known = 1;
    return e;
}

/* The column of the row a header token names: its label, or a fragment
 * only one column's label holds; -1 for none. The labels in normal form
 * (cols: the lexicon's, made once). */
static int header_column(const nb_row *rw, const nb_ustr *cols, const nb_ustr *u)
{
    int found = -1;
    for (int c = 0; c < rw->ncols; c++) {
        if (nb_ustr_eq(&cols[c], u))
            return c;
        if (u->n >= 2 && nb_ustr_contains(&cols[c], u))
            found = found == -1 ? c : -2;
    }
    return found < 0 ? -1 : found;
}

/* Where the tokens before g that belong to another table's rows end. */
static size_t table_start(const nb_report *r, const assembly *A, const group *g, int table)
{
    size_t from = 0;
    for (const group *h = A->g; h < g; h++)
        if (h->row >= 0 && r->schema->rows[h->row].table != table && h->pos > from)
            from = h->pos;
    return from;
}

/* A column header of a space-aligned line: what a row's columns are placed by. */
static int is_plain_header(const tok *k)
{
    return k->kind == K_TEXT && k->cls == C_HEADER && k->lkind == LK_PLAIN;
}

/* A's plain column headers listed (A->heads), once a report: each row placed
 * would read every token above it for them. 1 when listed; 0 when the tokens
 * are not in text order (the first token at or past a row is then no bound
 * for the headers above it) or no memory is left: read one by one then. */
static int list_plain_headers(assembly *A)
{
    if (A->heads_state)
        return A->heads_state > 0;
    A->heads_state = -1;
    size_t n = 0;
    for (size_t i = 0; i < A->ntok; i++) {
        if (i && A->toks[i].off < A->toks[i - 1].off)
            return 0;
        n += (size_t)is_plain_header(&A->toks[i]);
    }
    if (!(A->heads = malloc((n ? n : 1) * sizeof *A->heads)))
        return 0;
    for (size_t i = 0; i < A->ntok; i++)
        if (is_plain_header(&A->toks[i]))
            A->heads[A->nheads++] = i;
    A->heads_state = 1;
    return 1;
}

/* How many of the tokens to read for the plain headers before pos: the
 * listed headers' (A->heads[0, *upto), *list 1), or all the tokens up to the
 * first at or past pos (*list 0). */
static void header_range(assembly *A, size_t pos, size_t *upto, int *list)
{
    *list = list_plain_headers(A);
    if (*list) {
        size_t n = A->nheads;
        while (n > 0 && A->toks[A->heads[n - 1]].off >= pos)
            n--; /* in text order: the headers before pos lead the list */
        *upto = n;
        return;
    }
    size_t i = 0;
    while (i < A->ntok && A->toks[i].off < pos)
        i++;
    *upto = i;
}

/* The columns read last (A->heads_read) when they were read for the same
 * column labels (the lexicon's one set of them, colnorm, as the token
 * memo of read_header_extents tells them) from the same headers (each
 * header's column and extent are kept: read again, they would come out
 * the same): 1, cols filled. */
static int heads_read_again(const assembly *A, const nb_row *rw, int row, size_t from, size_t upto, extent *cols)
{
    const struct heads_read *h = &A->heads_read;
    if (!h->valid || h->from != from || h->upto != upto || A->L->colnorm[row] != A->L->colnorm[h->row] ||
        rw->ncols != A->L->s->rows[h->row].ncols)
        return 0;
    memcpy(cols, h->cols, sizeof(extent) * (size_t)rw->ncols);
    return 1;
}

/* Row row's column labels in normal form: the lexicon's, else made in own. */
static const nb_ustr *column_labels(const nb_report *r, const assembly *A, int row, nb_ustr *own)
{
    const nb_row *rw = &r->schema->rows[row];
    if (A->L->s == r->schema && row < MAXROWS && A->L->colnorm[row])
        return A->L->colnorm[row];
    for (int c = 0; c < rw->ncols && c < MAXWANT; c++) /* not the lexicon's tables */
        nb_norm(rw->cols[c].label, strlen(rw->cols[c].label), &own[c], NB_NORM_LABEL);
    return own;
}

/* The display columns of each of the row's columns, from the headers of its
 * table above it (cols; the listed headers in [0, upto) at or past from). */
static void read_header_extents(const nb_report *r, assembly *A, const group *g, size_t from, size_t upto,
                                int list, extent *cols)
{
    const nb_row *rw = &r->schema->rows[g->row];
    nb_ustr own[MAXWANT];
    const nb_ustr *labels = column_labels(r, A, g->row, own);
    memset(cols, 0, sizeof(extent) * (size_t)rw->ncols);
    for (size_t j = 0; j < upto; j++) {
        size_t i = list ? A->heads[j] : j;
        const tok *k = &A->toks[i];
        if (!is_plain_header(k) || k->off < from)
            continue;
        int c;
        if (labels != own && tok_cols_of(A) && A->cols[i].labels == labels &&
            A->cols[i].nlabels == rw->ncols) {
            c = A->cols[i].hcol;
        } else {
            nb_ustr u;
            ex_tok_norm(A, i, NB_NORM_LABEL, &u);
            c = header_column(rw, labels, &u);
            if (labels != own && A->cols) {
                A->cols[i].labels = labels;
                A->cols[i].nlabels = rw->ncols;
                A->cols[i].hcol = c;
            }
        }
        if (c < 0)
            continue;
        extent e = token_extent(r, A, i);
        if (!e.to)
            continue;
        if (!cols[c].to || e.from < cols[c].from)
            cols[c].from = e.from;
        if (e.to > cols[c].to)
            cols[c].to = e.to;
    }
}

/* The display columns of each of the row's columns, from the headers of its
 * table above it; 0 when fewer than all but one column are known. The rows
 * of a table mostly read the same headers for the same labels: read once. */
static int header_extents(const nb_report *r, assembly *A, const group *g, extent *cols)
{
    const nb_row *rw = &r->schema->rows[g->row];
    size_t from = table_start(r, A, g, rw->table), upto;
    int list;
    header_range(A, g->pos, &upto, &list);
    int keep = list && !A->oom && A->L->s == r->schema && g->row < MAXROWS;
    if (!keep || !heads_read_again(A, rw, g->row, from, upto, cols)) {
        read_header_extents(r, A, g, from, upto, list, cols);
        if (keep) {
            A->heads_read = (struct heads_read){1, g->row, from, upto, {{0, 0}}};
            memcpy(A->heads_read.cols, cols, sizeof(extent) * (size_t)rw->ncols);
        }
    }
    int known = 0;
    for (int c = 0; c < rw->ncols; c++)
        known += cols[c].to > 0;
    return known >= rw->ncols - 1;
}

/* The column a number spanning v sits under: the one header it overlaps
 * most, else the one it is at most two columns from; -1 when none is sure. */
static int column_under(const extent *cols, int ncols, extent v)
{
    int best = -1, tie = 0;
    long bs = -3;
    if (!v.to)
        return -1; /* not measured: no column is sure */
    for (int c = 0; c < ncols; c++) {
        if (!cols[c].to)
            continue;
        long lo = (long)(v.from > cols[c].from ? v.from : cols[c].from);
        long hi = (long)(v.to < cols[c].to ? v.to : cols[c].to);
        long score = hi - lo; /* overlap, or minus the gap */
        if (score > bs) {
            bs = score;
            best = c;
            tie = 0;
        } else if (score == bs) {
            tie = 1;
        }
    }
    return tie ? -1 : best;
}

int ex_place_by_columns(const nb_report *r, assembly *A, const group *g, const int *idx, int n,
                        int *at)
{
    const nb_row *rw = &r->schema->rows[g->row];
    if (n < 1 || n >= rw->ncols || rw->table == NB_T4)
        return 0;
    size_t line = nb_doc_line_of(&r->doc, A->toks[idx[0]].off);
    for (int i = 0; i < n; i++)
        if (A->toks[idx[i]].lkind != LK_PLAIN || A->toks[idx[i]].kind != K_VALUE ||
            nb_doc_line_of(&r->doc, A->toks[idx[i]].off) != line)
            return 0;
    extent cols[MAXWANT];
    if (!header_extents(r, A, g, cols))
        return 0;
    for (int c = 0; c < rw->ncols; c++)
        at[c] = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
        int c = column_under(cols, rw->ncols, token_extent(r, A, (size_t)idx[i]));
        if (c <= last)
            return 0; /* not under a header, or not in the columns' order */
        at[c] = idx[i];
        last = c;
    }
    return 1;
}

/* ---- T3's columns in the order its header states them (tab and
 * one-cell-per-line rows): "\t总计\t自然人\t法人或其他组织" over
 * "\t\t\t商业企业…其他", its values total first ---- */

/* The header over the columns between T3's first and last (a merged cell). */
static const char GROUP_HEAD[] = "法人或其他组织";

/* The header of T3's columns as read: where each column's header stands
 * (a tab line's field, else its place in text order; -1: not seen), the
 * group head's, and the header tokens' layout. */
typedef struct head_seen {
    int at[MAXWANT], group, lk, ok;
} head_seen;

static void note_head(head_seen *h, int c, int at, int lk)
{
    int *slot = c < 0 ? &h->group : &h->at[c];
    if (*slot >= 0 || (h->lk >= 0 && h->lk != lk) || at == NO_FIELD)
        h->ok = 0; /* named twice, in two layouts, or no field */
    *slot = at;
    h->lk = lk;
}

/* T3's column headers in the tokens [from, to) (row: a T3 row). */
static void read_t3_heads(const nb_report *r, assembly *A, int row, size_t from, size_t to, head_seen *h)
{
    const nb_row *rw = &r->schema->rows[row];
    nb_ustr own[MAXWANT], grp;
    const nb_ustr *labels = column_labels(r, A, row, own);
    nb_norm(GROUP_HEAD, sizeof GROUP_HEAD - 1, &grp, NB_NORM_LABEL);
    *h = (head_seen){.group = -1, .lk = -1, .ok = 1};
    for (int c = 0; c < rw->ncols; c++)
        h->at[c] = -1;
    int place = 0;
    for (size_t j = 0, span = ex_text_span(A, A->ntok); j < span && h->ok; j++) {
        size_t i = ex_text_at(A, j);
        const tok *k = &A->toks[i];
        if (k->kind != K_TEXT || k->cls != C_HEADER || k->off < from || k->off >= to ||
            (k->lkind != LK_TAB && k->lkind != LK_CELL))
            continue;
        nb_ustr u;
        ex_tok_norm(A, i, NB_NORM_LABEL, &u);
        int c = header_column(rw, labels, &u), at = k->lkind == LK_TAB ? k->field : place++;
        if (c >= 0 || nb_ustr_eq(&u, &grp))
            note_head(h, c, at, k->lkind);
    }
}

/* Columns [0, ncols) sorted by (major, minor): order[p], the p-th; 0 when
 * two stand in one place. */
static int sort_columns(const int *major, const int *minor, int ncols, int *order)
{
    for (int p = 0; p < ncols; p++) {
        int best = -1;
        for (int c = 0; c < ncols; c++) {
            int after = p == 0 || major[c] > major[order[p - 1]] ||
                        (major[c] == major[order[p - 1]] && minor[c] > minor[order[p - 1]]);
            if (after && (best < 0 || major[c] < major[best] || (major[c] == major[best] && minor[c] < minor[best])))
                best = c;
        }
        if (best < 0)
            return 0; /* the columns left stand where one already does */
        order[p] = best;
    }
    return 1;
}

/* A tab header's columns by field, each in a field of its own, the group
 * head (if there) over the first of its columns: order[p], the column of
 * the p-th field named; 0 when that is not so. */
static int order_by_field(const head_seen *h, int ncols, int *order)
{
    static const int none[MAXWANT];
    if (!sort_columns(h->at, none, ncols, order))
        return 0;
    int first_sub = h->at[1];
    for (int c = 2; c < ncols - 1; c++)
        first_sub = h->at[c] < first_sub ? h->at[c] : first_sub;
    return h->group < 0 || h->group == first_sub;
}

/* A one-cell-per-line header's columns in text order, the group head
 * standing for the columns between the first and the last (all named
 * after it, in their own order); 0 without the group head: the rows of a
 * merged header are not told apart then. */
static int order_by_text(const head_seen *h, int ncols, int *order)
{
    int major[MAXWANT], minor[MAXWANT];
    if (h->group < 0)
        return 0;
    for (int c = 0; c < ncols; c++) {
        int outer = c == 0 || c == ncols - 1;
        if (!outer && h->at[c] < h->group)
            return 0;
        major[c] = outer ? h->at[c] : h->group;
        minor[c] = outer ? 0 : h->at[c];
    }
    return sort_columns(major, minor, ncols, order);
}

/* The order of T3's columns its header states (order[p]: the column of
 * the p-th value; *lk, the layout of the rows it holds for): 1 when every
 * column is named once and in an order that is not the schema's. */
static int t3_header_order(const nb_report *r, assembly *A, int *order, int *lk)
{
    int gi = 0;
    while (gi < A->ng && (A->g[gi].row < 0 || r->schema->rows[A->g[gi].row].table != NB_T3))
        gi++;
    if (gi == A->ng)
        return 0; /* no T3 row (A->g may be NULL) */
    const group *g = &A->g[gi];
    if (r->schema->rows[g->row].ncols < 4 || r->schema->rows[g->row].ncols > MAXWANT)
        return 0;
    int ncols = r->schema->rows[g->row].ncols;
    head_seen h;
    read_t3_heads(r, A, g->row, table_start(r, A, g, NB_T3), g->pos, &h);
    for (int c = 0; c < ncols; c++)
        if (h.at[c] < 0)
            h.ok = 0;
    if (!h.ok || !(h.lk == LK_TAB ? order_by_field(&h, ncols, order) : order_by_text(&h, ncols, order)))
        return 0;
    *lk = h.lk;
    for (int p = 0; p < ncols; p++)
        if (order[p] != p)
            return 1;
    return 0;
}

/* Is fill f a T3 row of the header's layout lk? */
static int under_header(const nb_report *r, const assembly *A, const rowfill *f, int lk)
{
    return r->schema->rows[f->row].table == NB_T3 && f->n >= 1 && A->toks[f->idx[0]].lkind == lk;
}

/* How many of those rows add up (their applicants' cells to their total,
 * the last) when the p-th cell is column order[p]. */
static int rows_adding_up(const nb_report *r, const assembly *A, const rowfill *fills, int nfill, int lk,
                          const int *order)
{
    int n = 0;
    for (int f = 0; f < nfill; f++) {
        const nb_row *rw = &r->schema->rows[fills[f].row];
        if (!under_header(r, A, &fills[f], lk) || !(rw->flags & NB_ROW_SUM))
            continue;
        const nb_cell *cells = r->cells + nb_schema_first_cell(r->schema, fills[f].row);
        long long sum = 0, total = -1;
        int ok = 1;
        for (int p = 0; p < rw->ncols; p++) {
            ok &= cells[p].status == NB_ST_NUMBER && cells[p].num.scale == 0;
            if (order[p] == rw->ncols - 1)
                total = cells[p].num.v;
            else
                sum += cells[p].num.v;
        }
        n += ok && sum == total;
    }
    return n;
}

void ex_order_t3_columns(nb_report *r, assembly *A, const rowfill *fills, int nfill)
{
    int order[MAXWANT], lk, same[MAXWANT];
    if (!t3_header_order(r, A, order, &lk))
        return;
    for (int c = 0; c < MAXWANT; c++)
        same[c] = c;
    /* the header is not read beyond its words: rows that add up in the
       schema's order and not in the header's keep it */
    if (rows_adding_up(r, A, fills, nfill, lk, same) > rows_adding_up(r, A, fills, nfill, lk, order))
        return;
    for (int f = 0; f < nfill; f++) {
        const nb_row *rw = &r->schema->rows[fills[f].row];
        if (!under_header(r, A, &fills[f], lk))
            continue;
        nb_cell *cells = r->cells + nb_schema_first_cell(r->schema, fills[f].row), was[MAXWANT];
        memcpy(was, cells, sizeof(nb_cell) * (size_t)rw->ncols);
        for (int p = 0; p < rw->ncols; p++)
            cells[order[p]] = was[p];
    }
}
