/* labels.c — where a report's wording deviates from the standard: row
 * labels of matched rows and column headers (also inside run-together
 * header text, between the standard words around them), recorded in the report
 * (nb_report_add_label) with the standard wording beside them. */
#include "extract/internal.h"
#include "model/report.h"
#include "base/utf8.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void found_text(const assembly *A, const group *g, char *out, size_t cap)
{
    size_t o = 0;
    for (int f = 0; f < g->nfrag; f++) {
        size_t n = g->frag_len[f];
        if (o + n + 2 >= cap)
            break;
        if (f)
            out[o++] = ' ';
        memcpy(out + o, A->t + g->frag_off[f], n);
        o += n;
    }
    out[o] = '\0';
}

/* Row labels whose wording differs from the standard one. */
void ex_record_row_labels(nb_report *r, const assembly *A)
{
    for (int gi = 0; gi < A->ng; gi++) {
        const group *g = &A->g[gi];
        if (g->row < 0 || !g->has_label || r->schema->rows[g->row].table == NB_T4)
            continue;
        if (ex_group_label_is(A, g, &A->L->rows[g->row]))
            continue;
        char buf[512];
        found_text(A, g, buf, sizeof buf);
        nb_report_add_label(r, r->schema->rows[g->row].id, buf, strlen(buf), r->schema->rows[g->row].label,
                            g->frag_off[0]);
    }
}

/* The table a header belongs to: that of the first matched row after it.
 * Headers are visited in text order, so *gi only moves forward. */
static int header_table(const nb_report *r, const assembly *A, size_t off, int *gi, int *last_table)
{
    while (*gi < A->ng) {
        const group *g = &A->g[*gi];
        if (g->row >= 0) {
            *last_table = r->schema->rows[g->row].table;
            if (g->pos > off)
                return *last_table;
        }
        (*gi)++;
    }
    return *last_table;
}

/* The column of table whose standard wording header text u (in normal
 * form, not exactly a header's wording) is near but not it (nor a fragment
 * of it), or -1. u's similarity to each column by signatures (the columns'
 * made once). */
static int near_header_col(const lexicon *L, int table, const nb_ustr *u)
{
    int best = -1;
    double bs = 0;
    for (int c = 0; c < L->ncols; c++)
        if (L->cols[c].table == table && (u->n < 2 || nb_ustr_contains(&L->cols[c].norm, u)))
            return -1; /* 商业 of 商业企业: a wrapped header, not a wrong one */
    nb_sig su;
    nb_sig_make(u, &su);
    for (int c = 0; c < L->ncols; c++) {
        if (L->cols[c].table != table)
            continue;
        double sm = nb_sig_sim(&su, &L->cols[c].sig);
        if (sm > bs) {
            bs = sm;
            best = c;
        }
    }
    if (best < 0 || bs < 0.6)
        return -1;
    const lex_col *lc = &L->cols[best];
    if (nb_ustr_contains(u, &lc->norm) || u->n > lc->norm.n + 3)
        return -1;
    return best;
}

/* near_header_col, the answer remembered in M (when not NULL) by the
 * lexicon, the table and u's code points. */
static int near_header_col_memo(nb_memo *M, const lexicon *L, int table, const nb_ustr *u)
{
    if (!M || table < 0 || table > 255)
        return near_header_col(L, table, u);
    int kind = MEMO_NEAR_HEADER | table << 8;
    size_t klen = (size_t)u->n * sizeof *u->c, vlen;
    const int *a = nb_memo_get(M, L, kind, u->c, klen, &vlen);
    if (a)
        return *a;
    int col = near_header_col(L, table, u);
    int *put = nb_memo_put(M, L, kind, u->c, klen, sizeof *put);
    if (put)
        *put = col;
    return col;
}

/* The header text t[off, off + len) in normal form (u) of table, not
 * exactly a header's wording: recorded when it is near one column's
 * standard wording but not it (near_header_col), once. */
static void check_near_header(nb_report *r, const assembly *A, int table, size_t off, size_t len, const nb_ustr *u)
{
    int best = near_header_col_memo(A->memo, A->L, table, u);
    if (best < 0)
        return;
    const lex_col *lc = &A->L->cols[best];
    char id[64];
    snprintf(id, sizeof id, "t%d.*.%s", table, lc->key);
    for (int l = 0; l < r->nlabels; l++)
        if (!strcmp(r->labels[l].id, id) && strlen(r->labels[l].found) == len &&
            !memcmp(r->labels[l].found, A->t + off, len))
            return;
    nb_report_add_label(r, id, A->t + off, len, lc->label, off);
}

/* check_near_header unless u is exactly a header's wording (looked up by
 * the lexicon's hash; a classified token's was looked up when classified). */
static void check_header(nb_report *r, const assembly *A, int table, size_t off, size_t len, const nb_ustr *u)
{
    int row, header;
    ex_lex_exact(A->L, u, &row, &header);
    if (!header)
        check_near_header(r, A, table, off, len, u);
}

void ex_check_header_text(nb_report *r, const assembly *A, int table, size_t off, size_t len)
{
    nb_ustr u;
    nb_norm(A->t + off, len, &u, NB_NORM_LABEL);
    check_header(r, A, table, off, len, &u);
}

/* Mark in cov the bytes of t[off, off + len) that word covers. */
static void cover_word(const char *t, size_t off, size_t len, const char *word, unsigned char *cov)
{
    size_t wl = strlen(word), at = 0;
    const char *p;
    while (wl && at < len && (p = nb_find(t + off + at, len - at, word, wl))) {
        size_t s = (size_t)(p - (t + off));
        memset(cov + s, 1, wl);
        at = s + wl;
    }
}

/* Where the standard words stand in header text (nb_find_all's places). */
typedef struct places {
    nb_place *v;
    size_t cap, n;
} places;

/* Mark in cov the bytes of t[off, off + len) that the standard words cover:
 * each word's places from the left, none overlapping the word's place
 * before (as cover_word finds them), all words in one pass over the text;
 * word by word when the lexicon has no set of them or memory runs out. */
static void cover_words(const assembly *A, size_t off, size_t len, unsigned char *cov, places *P)
{
    const lexicon *L = A->L;
    P->n = 0;
    if (L->words_ok && nb_find_all(&L->words, A->t + off, len, &P->v, &P->cap, &P->n) == 0) {
        size_t next[NB_NEEDLES_MAX] = {0};
        for (size_t i = 0; i < P->n; i++) {
            int w = P->v[i].needle;
            if (P->v[i].off < next[w])
                continue;
            memset(cov + P->v[i].off, 1, L->words.len[w]);
            next[w] = P->v[i].off + L->words.len[w];
        }
        return;
    }
    const nb_schema *s = L->s;
    for (int h = 0; h < s->nheaders; h++)
        cover_word(A->t, off, len, s->headers[h], cov);
    for (int c = 0; c < L->ncols; c++)
        cover_word(A->t, off, len, L->cols[c].label, cov);
}

/* The most run-together header text read (bytes), and the most stretches
 * between standard words it can hold (each follows a covered byte). */
#define RUN_MAX 1024
#define RUN_STRETCHES (RUN_MAX / 2)

/* The stretches of t[off, off + len) between two standard words, as
 * [from, to) from off: how many. They depend on the text and the lexicon
 * alone. */
static int between_words(const assembly *A, size_t off, size_t len, places *P, uint16_t (*st)[2])
{
    unsigned char cov[RUN_MAX];
    memset(cov, 0, len);
    cover_words(A, off, len, cov, P);
    int n = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && !cov[j])
            j++;
        if (j > i && i > 0) { /* a stretch between two standard words */
            st[n][0] = (uint16_t)i;
            st[n][1] = (uint16_t)j;
            n++;
        }
        while (j < len && cov[j])
            j++;
        i = j;
    }
    return n;
}

/* between_words, the answer remembered in A's memo (when there is one) by
 * the lexicon and the text: the same run-together headers stand in report
 * after report. The answer: the count, then the stretches. */
static int between_words_memo(const assembly *A, size_t off, size_t len, places *P, uint16_t (*st)[2])
{
    size_t vlen;
    const uint16_t *a = A->memo ? nb_memo_get(A->memo, A->L, MEMO_RUN_TOGETHER, A->t + off, len, &vlen) : NULL;
    if (a) {
        memcpy(st, a + 2, (size_t)a[0] * sizeof *st);
        return a[0];
    }
    int n = between_words(A, off, len, P, st);
    uint16_t *put = A->memo ? nb_memo_put(A->memo, A->L, MEMO_RUN_TOGETHER, A->t + off, len,
                                          sizeof *st + (size_t)n * sizeof *st)
                            : NULL;
    if (put) {
        put[0] = (uint16_t)n;
        put[1] = 0;
        memcpy(put + 2, st, (size_t)n * sizeof *st);
    }
    return n;
}

/* Run-together header text ("信息内容本年新制作数量本公开数量…"): the
 * standard words are found in it and what is left between them is checked
 * as a header of its own. */
static void check_run_together(nb_report *r, const assembly *A, int table, size_t off, size_t len, places *P)
{
    if (len > RUN_MAX)
        return;
    uint16_t st[RUN_STRETCHES][2];
    int n = between_words_memo(A, off, len, P, st);
    for (int s = 0; s < n; s++)
        ex_check_header_text(r, A, table, off + st[s][0], (size_t)(st[s][1] - st[s][0]));
}

/* Column headers near one column's standard wording but not it. */
void ex_record_header_labels(nb_report *r, const assembly *A, const tok *toks, size_t ntok, const area *ar)
{
    (void)ar;
    int gi = 0, last_table = 0;
    places P = {NULL, 0, 0};
    for (size_t j = 0, nt = ex_text_span(A, ntok); j < nt; j++) {
        size_t i = ex_text_at(A, j);
        const tok *k = &toks[i];
        if (k->kind != K_TEXT || k->cls != C_HEADER)
            continue;
        int table = header_table(r, A, k->off, &gi, &last_table);
        const tnorm *z = A->norm && A->norm[i].made ? &A->norm[i] : NULL;
        if (z && z->header)
            continue; /* classify found it exactly a short header's wording: nothing to record */
        nb_ustr u;
        ex_tok_norm(A, i, NB_NORM_LABEL, &u);
        if (u.n > EX_HEADER_MAX)
            check_run_together(r, A, table, k->off, k->len, &P);
        else if (!z)
            check_header(r, A, table, k->off, k->len, &u);
        else
            check_near_header(r, A, table, k->off, k->len, &u);
    }
    free(P.v);
}
