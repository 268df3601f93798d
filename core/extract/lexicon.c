/* lexicon.c — the standard wording of a format, built once per context:
 * row labels (normalised, with signatures and a bloom of their characters),
 * column headers and group headings, looked up exactly by hash, and the
 * nearest row label of a damaged one. */
#include "extract/extract.h"
#include "extract/internal.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The header wording's code point pairs in an open-addressed set: a pair
 * a, b is kept as (a << 32 | b) + 1 (0: an empty slot); the set is at
 * most half full. */
static size_t pair_slot(uint64_t k, size_t mask)
{
    return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

static void pair_add(lexicon *L, uint32_t a, uint32_t b)
{
    uint64_t k = ((uint64_t)a << 32 | b) + 1;
    size_t h = pair_slot(k, L->pairmask);
    while (L->pairs[h] && L->pairs[h] != k)
        h = (h + 1) & L->pairmask;
    L->pairs[h] = k;
}

static uint32_t chars_hash(const uint32_t *c, int n)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++)
        h = (h ^ c[i]) * 16777619u;
    return h | 1; /* 0 marks an empty slot */
}

static void lex_add(lexicon *L, const nb_ustr *u, int kind, int index)
{
    uint32_t h = chars_hash(u->c, u->n);
    for (unsigned k = h & 255;; k = (k + 1) & 255)
        if (!L->hash[k].hash) {
            L->hash[k].hash = h;
            L->hash[k].kind = (short)kind;
            L->hash[k].index = (short)index;
            return;
        }
}

/* Are the n code points c exactly a row label (kind 1), a header (2) or a
 * group heading (3)? Visits each entry e with their hash. */
#define LEX_FOR_EACH(L, c, n, e)                                                                                  \
    for (uint32_t h_ = chars_hash(c, n), k_ = h_ & 255, n_ = 0; (L)->hash[k_].hash && n_ < 256;                 \
         k_ = (k_ + 1) & 255, n_++)                                                                               \
        for (const struct lex_entry *e = &(L)->hash[k_]; e && e->hash == h_; e = NULL)

void ex_lex_exact_chars(const lexicon *L, const uint32_t *c, int n, int *row, int *header)
{
    *row = -1;
    *header = 0;
    LEX_FOR_EACH(L, c, n, e)
    {
        const nb_ustr *w = e->kind == 1   ? &L->rows[e->index]
                           : e->kind == 2 ? &L->headers[e->index]
                           : e->kind == 3 ? &L->groups[e->index]
                                          : &L->heads[e->index];
        if (w->n != n || memcmp(w->c, c, (size_t)n * sizeof *c) != 0)
            continue;
        if (e->kind == 1 && L->s->rows[e->index].table != NB_T4)
            *row = e->index;
        else if (e->kind == 4)
            *row = L->head_row[e->index];
        else if (e->kind == 2)
            *header = 1;
    }
}

void ex_lex_exact(const lexicon *L, const nb_ustr *u, int *row, int *header)
{
    ex_lex_exact_chars(L, u->c, u->n, row, header);
}

/* Each row's column labels in normal form, made once for each set of
 * columns rows share (T3's seven, T4's five, …); -1 out of memory. */
static int col_norms(lexicon *L)
{
    const nb_schema *s = L->s;
    int total = 0;
    for (int r = 0; r < s->nrows && r < MAXROWS; r++)
        total += s->rows[r].ncols;
    L->colpool = malloc((size_t)(total ? total : 1) * sizeof *L->colpool);
    if (!L->colpool)
        return -1;
    int used = 0;
    for (int r = 0; r < s->nrows && r < MAXROWS; r++) {
        const nb_row *row = &s->rows[r];
        for (int q = 0; q < r && !L->colnorm[r]; q++)
            if (s->rows[q].cols == row->cols)
                L->colnorm[r] = L->colnorm[q];
        if (L->colnorm[r])
            continue;
        for (int c = 0; c < row->ncols; c++)
            nb_norm(row->cols[c].label, strlen(row->cols[c].label), &L->colpool[used + c], NB_NORM_LABEL);
        L->colnorm[r] = &L->colpool[used];
        used += row->ncols;
    }
    return 0;
}

/* Row r's label without the remark in brackets it ends in, as a head of L
 * (kept only when at least two characters stand before the remark). */
static void add_head(lexicon *L, int r)
{
    const nb_ustr *u = &L->rows[r];
    if (L->s->rows[r].table == NB_T4 || u->n < 4 || u->c[u->n - 1] != ')' ||
        L->nheads >= (int)(sizeof L->heads / sizeof L->heads[0]))
        return;
    int k = u->n - 2;
    while (k > 0 && u->c[k] != '(')
        k--;
    if (k < 2)
        return;
    nb_ustr *h = &L->heads[L->nheads];
    *h = *u;
    h->n = k;
    L->head_row[L->nheads++] = (short)r;
}

void *nb_lexicon_new(const nb_schema *s)
{
    lexicon *L = calloc(1, sizeof *L);
    if (!L)
        return NULL;
    L->s = s;
    for (int r = 0; r < s->nrows && r < MAXROWS; r++) {
        nb_norm(s->rows[r].label, strlen(s->rows[r].label), &L->rows[r], NB_NORM_LABEL);
        nb_sig_make(&L->rows[r], &L->sigs[r]);
        for (int i = 0; i < L->rows[r].n; i++)
            L->bloom[r] |= 1ull << (L->rows[r].c[i] * 2654435761u >> 26);
    }
    for (int r = 0; r < s->nrows && r < MAXROWS; r++) {
        const nb_ustr *u = &L->rows[r];
        if (s->rows[r].table == NB_T4 || u->n < 2)
            continue;
        int k = 0;
        while (k < L->nrow_last && L->row_last[k] != u->c[u->n - 1])
            k++;
        if (k == L->nrow_last)
            L->row_last[L->nrow_last++] = u->c[u->n - 1];
        L->row_last_rows[k] |= 1ull << r;
        L->row_last_any |= 1ull << (u->c[u->n - 1] & 63);
    }
    for (int g = 0; g < s->ngroups && g < 8; g++)
        nb_norm(s->groups[g], strlen(s->groups[g]), &L->groups[L->ngroups++], NB_NORM_LABEL);
    for (int h = 0; h < s->nheaders && h < MAXHDR; h++)
        nb_norm(s->headers[h], strlen(s->headers[h]), &L->headers[L->nheaders++], NB_NORM_LABEL);
    for (int r = 0; r < s->nrows; r++) {
        const nb_row *row = &s->rows[r];
        for (int c = 0; c < row->ncols; c++) {
            int dup = 0;
            for (int k = 0; k < L->ncols; k++)
                if (L->cols[k].table == row->table && strcmp(L->cols[k].key, row->cols[c].key) == 0)
                    dup = 1;
            if (dup || L->ncols >= MAXCOLS)
                continue;
            lex_col *lc = &L->cols[L->ncols++];
            lc->table = row->table;
            lc->key = row->cols[c].key;
            lc->label = row->cols[c].label;
            nb_norm(lc->label, strlen(lc->label), &lc->norm, NB_NORM_LABEL);
            nb_sig_make(&lc->norm, &lc->sig);
        }
    }
    if (col_norms(L) != 0) {
        nb_lexicon_free(L);
        return NULL;
    }
    size_t np = 0, nc = 0;
    for (int h = 0; h < L->nheaders; h++) {
        np += (size_t)L->headers[h].n;
        nc += (size_t)L->headers[h].n;
    }
    for (int k = 0; k < L->ncols; k++) {
        np += (size_t)L->cols[k].norm.n;
        nc += (size_t)L->cols[k].norm.n;
    }
    L->pairmask = 63;
    while (L->pairmask < 2 * np)
        L->pairmask = L->pairmask * 2 + 1;
    L->pairs = calloc(L->pairmask + 1, sizeof *L->pairs);
    L->chars = malloc((nc + 1) * sizeof *L->chars);
    if (!L->pairs || !L->chars) {
        nb_lexicon_free(L);
        return NULL;
    }
    for (int h = 0; h < L->nheaders + L->ncols; h++) {
        const nb_ustr *u = h < L->nheaders ? &L->headers[h] : &L->cols[h - L->nheaders].norm;
        for (int i = 0; i < u->n; i++) {
            L->chars[L->nchars++] = u->c[i];
            if (i + 1 < u->n)
                pair_add(L, u->c[i], u->c[i + 1]);
        }
    }
    for (int r = 0; r < s->nrows && r < MAXROWS; r++)
        lex_add(L, &L->rows[r], 1, r);
    for (int h = 0; h < L->nheaders; h++)
        lex_add(L, &L->headers[h], 2, h);
    for (int g = 0; g < L->ngroups; g++)
        lex_add(L, &L->groups[g], 3, g);
    for (int r = 0; r < s->nrows && r < MAXROWS; r++)
        add_head(L, r);
    for (int k = 0; k < L->nheads; k++)
        lex_add(L, &L->heads[k], 4, k);
    const char *words[NB_NEEDLES_MAX];
    int nw = 0;
    L->words_ok = s->nheaders + L->ncols <= NB_NEEDLES_MAX;
    for (int h = 0; h < s->nheaders && L->words_ok; h++)
        if (s->headers[h][0])
            words[nw++] = s->headers[h];
    for (int c = 0; c < L->ncols && L->words_ok; c++)
        if (L->cols[c].label[0])
            words[nw++] = L->cols[c].label;
    L->words_ok = L->words_ok && nb_needles_init(&L->words, words, nw) == 0;
    qsort(L->chars, L->nchars, sizeof *L->chars, cmp_u32);
    return L;
}

void nb_lexicon_free(void *p)
{
    lexicon *L = p;
    if (!L)
        return;
    free(L->pairs);
    free(L->chars);
    free(L->colpool);
    free(L);
}

static int has_pair(const lexicon *L, uint32_t a, uint32_t b)
{
    uint64_t k = ((uint64_t)a << 32 | b) + 1;
    for (size_t h = pair_slot(k, L->pairmask);; h = (h + 1) & L->pairmask) {
        if (L->pairs[h] == k)
            return 1;
        if (!L->pairs[h])
            return 0;
    }
}

static int has_char(const lexicon *L, uint32_t a)
{
    return bsearch(&a, L->chars, L->nchars, sizeof a, cmp_u32) != NULL;
}

double ex_header_coverage(const lexicon *L, const nb_ustr *u)
{
    if (u->n == 0)
        return 0;
    if (u->n == 1)
        return has_char(L, u->c[0]) ? 1.0 : 0.0;
    unsigned char cov[NB_USTR_MAX] = {0};
    for (int i = 0; i + 1 < u->n; i++)
        if (has_pair(L, u->c[i], u->c[i + 1]))
            cov[i] = cov[i + 1] = 1;
    int n = 0;
    for (int i = 0; i < u->n; i++)
        if (cov[i] || (u->c[i] >= '0' && u->c[i] <= '9') || u->c[i] == '(' || u->c[i] == ')' || u->c[i] == ',' ||
            u->c[i] == ':' || u->c[i] == 0x3001 || u->c[i] == '/')
            n++;
    return (double)n / u->n;
}

void ex_row_buckets(const nb_ustr *u, row_buckets *rb)
{
    memset(rb->count, 0, sizeof rb->count);
    rb->any = 0;
    for (int i = 0; i < u->n; i++) {
        unsigned k = u->c[i] * 2654435761u >> 26;
        rb->count[k]++;
        rb->any |= 1ull << k;
    }
}

double ex_row_bound(const lexicon *L, int r, const row_buckets *rb, int n)
{
    int m = L->rows[r].n, lo = m < n ? m : n;
    int shared = 0; /* the label's characters in the row's buckets: by bucket, not by character */
    for (uint64_t both = L->bloom[r] & rb->any; both; both &= both - 1)
        shared += rb->count[__builtin_ctzll(both)];
    if (shared > lo)
        shared = lo;
    /* characters: at most the shared ones; pairs: at most by length */
    return (2.0 * shared / (m + n) + 2.0 * lo / (m + n)) / 2.0;
}

/* ex_best_row, but rows whose bound is below floor are not tried: the
 * similarity it gives is exact when it is floor or more, and below floor
 * otherwise. */
static double best_row_from(const lexicon *L, const nb_ustr *u, unsigned tables, double floor, int *row)
{
    double best = 0;
    int br = -1;
    for (int r = 0; r < L->s->nrows; r++) {
        if (!(tables & (1u << L->s->rows[r].table)))
            continue;
        if (nb_ustr_eq(u, &L->rows[r])) {
            *row = r;
            return 1.0;
        }
    }
    /* bound every row's similarity cheaply, then try rows best bound first
     * and stop when no bound can beat what was found */
    row_buckets rb;
    ex_row_buckets(u, &rb);
    int order[MAXROWS], no = 0;
    double ub[MAXROWS];
    for (int r = 0; r < L->s->nrows && r < MAXROWS; r++) {
        if (!(tables & (1u << L->s->rows[r].table)))
            continue;
        if (L->rows[r].n + u->n == 0)
            continue;
        double b = ex_row_bound(L, r, &rb, u->n);
        int k = no++;
        while (k > 0 && ub[order[k - 1]] < b) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = r;
        ub[r] = b;
    }
    nb_sig q;
    int made = 0;
    for (int k = 0; k < no; k++) {
        int r = order[k];
        if (ub[r] <= best || ub[r] < floor)
            break;
        if (!made) {
            nb_sig_make(u, &q);
            made = 1;
        }
        double s = nb_sig_sim(&q, &L->sigs[r]);
        if (s > best) {
            best = s;
            br = r;
        }
    }
    *row = br;
    return best;
}

double ex_best_row(const lexicon *L, const nb_ustr *u, unsigned tables, int *row)
{
    return best_row_from(L, u, tables, 0, row);
}

int ex_near_row(const lexicon *L, const nb_ustr *u, unsigned tables, double floor)
{
    int row;
    return best_row_from(L, u, tables, floor, &row) >= floor;
}

/* ex_best_row's answer as the memo keeps it (MEMO_BEST_ROW). */
typedef struct best_row_memo {
    double sim;
    int row;
} best_row_memo;

double ex_best_row_memo(nb_memo *M, const lexicon *L, const nb_ustr *u, unsigned tables, int *row)
{
    if (!M || tables >> 20)
        return ex_best_row(L, u, tables, row);
    int kind = MEMO_BEST_ROW | (int)(tables << 8);
    size_t klen = (size_t)u->n * sizeof *u->c, vlen;
    const best_row_memo *a = nb_memo_get(M, L, kind, u->c, klen, &vlen);
    if (a) {
        *row = a->row;
        return a->sim;
    }
    double sim = ex_best_row(L, u, tables, row);
    best_row_memo *put = nb_memo_put(M, L, kind, u->c, klen, sizeof *put);
    if (put)
        *put = (best_row_memo){.sim = sim, .row = *row};
    return sim;
}
