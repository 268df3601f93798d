/* extract.c — the standard tables: from the text between the 主动公开 heading
 * and the 存在的主要问题 heading to cells under canonical IDs.
 *
 *  1. tokenise the table area line by line into text, value and empty cells
 *     (tab rows, one cell per line, pipe and box tables, space-aligned text,
 *     and text with cells run together);
 *  2. classify text: a row label, a column header, or a merged group heading;
 *  3. assemble rows: a label (joined from wrapped fragments) and its values;
 *  4. match rows to the schema: T2 by label, T3 by an ordered alignment that
 *     lets unlabelled rows fill the gaps between labelled ones, T4 by shape;
 *  5. split run-together digits with the table's own sums; never guess. */
#include "extract/extract.h"
#include "text/numbering.h"
#include "base/utf8.h"
#include "text/label.h"
#include "base/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ lexicon */

#define MAXROWS 48
#define MAXHDR 96
#define MAXCOLS 48

typedef struct lex_col {
    int table;
    const char *key;
    const char *label;
    nb_ustr norm;
} lex_col;

typedef struct lexicon {
    const nb_schema *s;
    nb_ustr rows[MAXROWS];   /* row labels without numbering */
    nb_sig sigs[MAXROWS];    /* and their signatures */
    uint64_t bloom[MAXROWS]; /* and which of 64 buckets their characters fall in */
    nb_ustr groups[8];
    int ngroups;
    nb_ustr headers[MAXHDR];
    int nheaders;
    lex_col cols[MAXCOLS];
    int ncols;
    /* exact wording → what it is: row labels, headers, group headings */
    struct lex_entry {
        uint32_t hash;
        short kind, index;    /* kind: 1 row, 2 header, 3 group */
    } hash[256];
    uint64_t *pairs;          /* sorted code point pairs of header wording */
    size_t npairs;
    uint32_t *chars;          /* sorted code points of header wording */
    size_t nchars;
} lexicon;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static uint32_t ustr_hash(const nb_ustr *u)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < u->n; i++)
        h = (h ^ u->c[i]) * 16777619u;
    return h | 1; /* 0 marks an empty slot */
}

static void lex_add(lexicon *L, const nb_ustr *u, int kind, int index)
{
    uint32_t h = ustr_hash(u);
    for (unsigned k = h & 255;; k = (k + 1) & 255)
        if (!L->hash[k].hash) {
            L->hash[k].hash = h;
            L->hash[k].kind = (short)kind;
            L->hash[k].index = (short)index;
            return;
        }
}

/* Is u exactly a row label (kind 1), a header (2) or a group heading (3)?
 * Calls f for each entry with u's wording. */
#define LEX_FOR_EACH(L, u, e)                                                                                     \
    for (uint32_t h_ = ustr_hash(u), k_ = h_ & 255, n_ = 0; (L)->hash[k_].hash && n_ < 256;                     \
         k_ = (k_ + 1) & 255, n_++)                                                                               \
        for (const struct lex_entry *e = &(L)->hash[k_]; e && e->hash == h_; e = NULL)

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
        }
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
    L->pairs = malloc((np + 1) * sizeof *L->pairs);
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
                L->pairs[L->npairs++] = (uint64_t)u->c[i] << 32 | u->c[i + 1];
        }
    }
    for (int r = 0; r < s->nrows && r < MAXROWS; r++)
        lex_add(L, &L->rows[r], 1, r);
    for (int h = 0; h < L->nheaders; h++)
        lex_add(L, &L->headers[h], 2, h);
    for (int g = 0; g < L->ngroups; g++)
        lex_add(L, &L->groups[g], 3, g);
    qsort(L->pairs, L->npairs, sizeof *L->pairs, cmp_u64);
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
    free(L);
}

static int has_pair(const lexicon *L, uint32_t a, uint32_t b)
{
    uint64_t k = (uint64_t)a << 32 | b;
    return bsearch(&k, L->pairs, L->npairs, sizeof k, cmp_u64) != NULL;
}

static int has_char(const lexicon *L, uint32_t a)
{
    return bsearch(&a, L->chars, L->nchars, sizeof a, cmp_u32) != NULL;
}

/* Share of u's characters that lie in a pair of header wording (digits count). */
static double header_coverage(const lexicon *L, const nb_ustr *u)
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

/* Best matching row of the given tables (bit 1<<table) for a label. */
static double best_row(const lexicon *L, const nb_ustr *u, unsigned tables, int *row)
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
    unsigned char bucket[NB_USTR_MAX];
    for (int i = 0; i < u->n; i++)
        bucket[i] = (unsigned char)(u->c[i] * 2654435761u >> 26);
    int order[MAXROWS], no = 0;
    double ub[MAXROWS];
    for (int r = 0; r < L->s->nrows && r < MAXROWS; r++) {
        if (!(tables & (1u << L->s->rows[r].table)))
            continue;
        int m = L->rows[r].n, lo = m < u->n ? m : u->n;
        if (m + u->n == 0)
            continue;
        int shared = 0;
        for (int i = 0; i < u->n; i++)
            shared += (int)(L->bloom[r] >> bucket[i] & 1);
        if (shared > lo)
            shared = lo;
        /* characters: at most the shared ones; pairs: at most by length */
        double b = (2.0 * shared / (m + u->n) + 2.0 * lo / (m + u->n)) / 2.0;
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
        if (ub[r] <= best)
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

/* ------------------------------------------------------------------ tokens */

enum { K_TEXT, K_VALUE, K_EMPTY, K_EOL, K_BREAK, K_RULE };
enum { C_NONE, C_LABEL, C_HEADER, C_GROUP };
enum { LK_PLAIN, LK_TAB, LK_PIPE, LK_CELL };

typedef struct tok {
    size_t off, len;
    unsigned char kind, cls, lkind, numbered, blob;
    short exact_row;
} tok;

typedef struct tokv {
    tok *v;
    size_t n, cap;
    int oom;
} tokv;

static tok *emit(tokv *tv, int kind, size_t off, size_t len, int lkind)
{
    if (nb_grow(&tv->v, &tv->cap, tv->n + 1, sizeof *tv->v, 256) != 0) {
        tv->oom = 1;
        return NULL;
    }
    tok *t = &tv->v[tv->n++];
    memset(t, 0, sizeof *t);
    t->kind = (unsigned char)kind;
    t->off = off;
    t->len = len;
    t->lkind = (unsigned char)lkind;
    t->exact_row = -1;
    return t;
}

static int is_digit_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int is_unit_cp(uint32_t c)
{
    return c == 0x4EF6 || c == 0x4E2A || c == 0x6761 || c == 0x9879 || c == 0x5143 || c == 0x6B21 || c == '%' ||
           c == 0x5BB6 || c == 0x4EFD;
}

/* Trim white space from [*a, *b). */
static void trim(const char *t, size_t *a, size_t *b)
{
    while (*a < *b) {
        size_t i = *a;
        uint32_t c = nb_utf8_get(t, *b, &i);
        if (!nb_is_space(c))
            break;
        *a = i;
    }
    while (*b > *a) {
        size_t s = *b - 1;
        while (s > *a && ((unsigned char)t[s] & 0xC0) == 0x80)
            s--;
        size_t i = s;
        uint32_t c = nb_utf8_get(t, *b, &i);
        if (!nb_is_space(c))
            break;
        *b = s;
    }
}

static int is_value_text(const char *t, size_t a, size_t b)
{
    nb_num n;
    nb_status st = nb_parse_value(t + a, b - a, &n);
    return st == NB_ST_NUMBER || st == NB_ST_PLACEHOLDER;
}

/* A value token: blob 1 for a run of digits that may hold several cells,
 * blob 2 for one with a decimal part ("13575394432.52": items, then money). */
static void emit_value(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    tok *k = emit(tv, K_VALUE, a, b - a, lk);
    if (!k)
        return;
    size_t i = a, nd = 0, dots = 0, before_dot = 0, unit = 0;
    while (i < b) {
        uint32_t c = nb_fold(nb_utf8_get(t, b, &i));
        if (c >= '0' && c <= '9' && !unit) {
            nd++;
            if (!dots)
                before_dot++;
        } else if (c == '.' && !unit) {
            dots++;
        } else if (is_unit_cp(c) || c == 0x4E07) {
            unit++; /* 元, 万元 after the digits */
        } else {
            return;
        }
    }
    if (unit && !dots)
        return;
    if (!dots)
        k->blob = nd > 1;
    else if (dots == 1 && before_dot > 1)
        k->blob = 2;
}

/* A word without white space, where text and digits may run together:
 * "行政规范性文件8855698第二十条…", "00000002.其他法律…". */
static void tokenize_glued(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    if (is_value_text(t, a, b)) {
        emit_value(tv, t, a, b, lk);
        return;
    }
    /* runs: [start, end) with type D (number) or T (text) */
    size_t rs[256], re[256];
    char rt[256];
    int nr = 0;
    size_t i = a;
    while (i < b && nr < 256) {
        size_t s = i;
        uint32_t c = nb_utf8_get(t, b, &i);
        int d = is_digit_cp(c) || ((c == '-' || c == 0xFF0D) && s == a && i < b && (unsigned char)t[i] >= '0' && (unsigned char)t[i] <= '9');
        if (d) {
            size_t e = i;
            for (;;) {
                size_t j = e;
                if (j >= b)
                    break;
                uint32_t c2 = nb_utf8_get(t, b, &j);
                if (is_digit_cp(c2)) {
                    e = j;
                    continue;
                }
                if (c2 == '.' || c2 == 0xFF0E) { /* a decimal point between digits */
                    size_t k = j;
                    if (k < b) {
                        uint32_t c3 = nb_utf8_get(t, b, &k);
                        if (is_digit_cp(c3)) {
                            e = k;
                            continue;
                        }
                    }
                }
                if (c2 == ',') { /* thousands: exactly three digits follow */
                    size_t k = j;
                    int nd = 0;
                    while (k < b && nd < 4) {
                        size_t k2 = k;
                        if (!is_digit_cp(nb_utf8_get(t, b, &k2)))
                            break;
                        k = k2;
                        nd++;
                    }
                    if (nd == 3) {
                        e = k;
                        continue;
                    }
                }
                break;
            }
            rs[nr] = s;
            re[nr] = e;
            rt[nr] = 'D';
            nr++;
            i = e;
        } else {
            if (nr > 0 && rt[nr - 1] == 'T' && re[nr - 1] == s) {
                re[nr - 1] = i;
            } else {
                rs[nr] = s;
                re[nr] = i;
                rt[nr] = 'T';
                nr++;
            }
        }
    }
    /* numbering glued to the number before it: "00000002.其他" → "0000000" "2.其他" */
    for (int k = 0; k + 1 < nr; k++) {
        if (rt[k] != 'D' || rt[k + 1] != 'T')
            continue;
        size_t j = rs[k + 1];
        uint32_t p = nb_fold(nb_utf8_get(t, re[k + 1], &j));
        if (!(p == '.' || p == 0x3001))
            continue;
        if (j >= re[k + 1]) /* "1." at the end: a number with a stray dot */
            continue;
        if (memchr(t + rs[k], '.', re[k] - rs[k]))
            continue;
        /* the last digit goes to the label */
        size_t last = re[k] - 1;
        while (last > rs[k] && ((unsigned char)t[last] & 0xC0) == 0x80)
            last--;
        rs[k + 1] = last;
        re[k] = last;
    }
    /* a unit right after a number belongs to it: "94432.52元" */
    for (int k = 0; k + 1 < nr; k++) {
        if (rt[k] != 'D' || rt[k + 1] != 'T' || re[k] != rs[k + 1])
            continue;
        size_t j = rs[k + 1];
        uint32_t u = nb_utf8_get(t, re[k + 1], &j);
        if (u == 0x4E07) { /* 万元 */
            size_t j2 = j;
            if (j2 < re[k + 1] && nb_utf8_get(t, re[k + 1], &j2) == 0x5143)
                j = j2;
            else
                continue;
        } else if (!is_unit_cp(u)) {
            continue;
        }
        re[k] = j;
        rs[k + 1] = j;
    }
    for (int k = 0; k < nr; k++) {
        if (re[k] <= rs[k])
            continue;
        if (rt[k] == 'D') {
            emit_value(tv, t, rs[k], re[k], lk);
            continue;
        }
        /* split text at numbering inside it: "其他一、本年新收…", "结果（一）予以公开" */
        size_t s = rs[k], j = rs[k];
        uint32_t prev = 0;
        while (j < re[k]) {
            size_t here = j;
            uint32_t c = nb_utf8_get(t, re[k], &j);
            if (here > s && prev != 0x7B2C /* 第 */ && prev != 0x81F3 /* 至 */ &&
                (nb_cn_digit(nb_fold(c)) > 0 || nb_fold(c) == '(')) {
                size_t nl = nb_numbering_len(t, re[k], here);
                if (nl > 0) {
                    size_t s2 = here, e2 = here;
                    trim(t, &s, &e2);
                    if (e2 > s)
                        emit(tv, K_TEXT, s, e2 - s, lk);
                    s = s2;
                }
            }
            prev = c;
        }
        size_t e = re[k];
        trim(t, &s, &e);
        if (e > s)
            emit(tv, K_TEXT, s, e - s, lk);
    }
}

/* A plain line: words split at white space, each word split further. */
static void tokenize_plain(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    size_t i = a;
    while (i < b) {
        size_t s = i;
        uint32_t c = nb_utf8_get(t, b, &i);
        if (nb_is_space(c))
            continue;
        size_t e = i;
        while (e < b) {
            size_t j = e;
            uint32_t c2 = nb_utf8_get(t, b, &j);
            if (nb_is_space(c2))
                break;
            e = j;
        }
        tokenize_glued(tv, t, s, e, lk);
        i = e;
    }
}

/* One cell of a tab, pipe or one-cell-per-line layout. */
static void tokenize_cell(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    trim(t, &a, &b);
    if (a == b) {
        emit(tv, K_EMPTY, a, 0, lk);
        return;
    }
    if (is_value_text(t, a, b)) {
        emit_value(tv, t, a, b, lk);
        return;
    }
    /* "0 0 0" or "行政许可 97": numbers at the end, split off */
    size_t ws[64], we[64];
    int nw = 0;
    size_t i = a;
    while (i < b && nw < 64) {
        size_t s = i;
        uint32_t c = nb_utf8_get(t, b, &i);
        if (nb_is_space(c))
            continue;
        size_t e = i;
        while (e < b) {
            size_t j = e;
            if (nb_is_space(nb_utf8_get(t, b, &j)))
                break;
            e = j;
        }
        ws[nw] = s;
        we[nw] = e;
        nw++;
        i = e;
    }
    int k = nw;
    while (k > 0 && is_value_text(t, ws[k - 1], we[k - 1]))
        k--;
    if (k == nw || nw >= 64) {
        /* text; may still have digits glued on ("规章000") */
        int digits = 0;
        for (size_t j = a; j < b; j++)
            if (t[j] >= '0' && t[j] <= '9')
                digits = 1;
        size_t nl = nb_numbering_len(t, b, a);
        int only_numbering_digits = 1;
        for (size_t j = a + nl; j < b; j++)
            if (t[j] >= '0' && t[j] <= '9')
                only_numbering_digits = 0;
        if (digits && !only_numbering_digits && lk == LK_CELL)
            tokenize_plain(tv, t, a, b, lk); /* a line of web text: "规章000" */
        else
            emit(tv, K_TEXT, a, b - a, lk);
        return;
    }
    if (k > 0)
        emit(tv, K_TEXT, a, we[k - 1] - a, lk);
    for (int w = k; w < nw; w++)
        emit_value(tv, t, ws[w], we[w], lk);
}

static int is_box_sep(uint32_t c)
{
    return c == '|' || c == 0xFF5C || (c >= 0x2502 && c <= 0x257F && c != 0x2504 && c != 0x2505 && c != 0x2508 &&
                                       c != 0x2509 && c != 0x254C && c != 0x254D && c != 0x2550);
}

/* Box-drawing characters are U+2500–U+257F: E2 94 xx and E2 95 xx. */
static int is_rule_piece(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    int any = 0;
    for (size_t i = a; i < b;) {
        unsigned char c = u[i];
        if (c == ' ' || c == '\t' || c == '\f') {
            i++;
        } else if (c == '-' || c == ':' || c == '=' || c == '+') {
            any = 1;
            i++;
        } else if (c == 0xE2 && i + 2 < b + 1 && (u[i + 1] == 0x94 || u[i + 1] == 0x95)) {
            uint32_t cp = 0x2500 + (uint32_t)((u[i + 1] - 0x94) * 64 + (u[i + 2] & 0x3F));
            if (is_box_sep(cp))
                return 0;
            any = 1;
            i += 3;
        } else if (c == 0xE3 && i + 2 < b && u[i + 1] == 0x80 && u[i + 2] == 0x80) {
            i += 3; /* U+3000 */
        } else {
            return 0;
        }
    }
    return any;
}

/* Count of separators that make a line a pipe or box table row. */
static int pipe_seps(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    int n = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = u[i];
        if (c == '|') {
            n++;
        } else if (c == 0xE2 && i + 2 < b && (u[i + 1] == 0x94 || u[i + 1] == 0x95)) {
            uint32_t cp = 0x2500 + (uint32_t)((u[i + 1] - 0x94) * 64 + (u[i + 2] & 0x3F));
            if (is_box_sep(cp))
                n++;
            i += 2;
        } else if (c == 0xEF && i + 2 < b && u[i + 1] == 0xBD && u[i + 2] == 0x9C) {
            n++; /* U+FF5C */
            i += 2;
        }
    }
    return n;
}

static void tokenize_pipe(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t ps[128], pe[128];
    int np = 0;
    size_t i = a, s = a;
    while (i < b && np < 127) {
        size_t here = i;
        uint32_t c = nb_utf8_get(t, b, &i);
        if (is_box_sep(c)) {
            ps[np] = s;
            pe[np] = here;
            np++;
            s = i;
        }
    }
    ps[np] = s;
    pe[np] = b;
    np++;
    int first = 0, last = np - 1;
    {
        size_t x = ps[0], y = pe[0];
        trim(t, &x, &y);
        if (x == y)
            first = 1;
        x = ps[last];
        y = pe[last];
        trim(t, &x, &y);
        if (x == y && last > first)
            last--;
    }
    int cells = 0;
    for (int k = first; k <= last; k++)
        if (!is_rule_piece(t, ps[k], pe[k]))
            cells++;
    int nonempty = 0;
    for (int k = first; k <= last; k++) {
        size_t x = ps[k], y = pe[k];
        trim(t, &x, &y);
        if (x < y && !is_rule_piece(t, ps[k], pe[k]))
            nonempty++;
    }
    if (!nonempty) {
        emit(tv, K_RULE, a, 0, LK_PIPE);
        return;
    }
    (void)cells;
    for (int k = first; k <= last; k++)
        if (!is_rule_piece(t, ps[k], pe[k]))
            tokenize_cell(tv, t, ps[k], pe[k], LK_PIPE);
}

/* ------------------------------------------------------------------ classes */

static void classify(const lexicon *L, const char *t, tok *k)
{
    nb_ustr u;
    nb_norm(t + k->off, k->len, &u, NB_NORM_LABEL);
    k->numbered = (unsigned char)u.had_num;
    if (u.n == 0) {
        k->cls = C_GROUP; /* a bare numbering such as （三） */
        return;
    }
    int row = -1, header = 0;
    LEX_FOR_EACH(L, &u, e)
    {
        const nb_ustr *w = e->kind == 1 ? &L->rows[e->index] : e->kind == 2 ? &L->headers[e->index]
                                                                            : &L->groups[e->index];
        if (!nb_ustr_eq(w, &u))
            continue;
        if (e->kind == 1 && L->s->rows[e->index].table != NB_T4)
            row = e->index;
        else if (e->kind == 2)
            header = 1;
    }
    /* "其他" and "总计" are both: a row label only when numbered */
    if (row >= 0 && !(header && !u.had_num)) {
        k->cls = C_LABEL;
        k->exact_row = (short)row;
        return;
    }
    if (header) {
        k->cls = C_HEADER;
        return;
    }
    for (int g = 0; g < L->ngroups; g++)
        if (nb_ustr_contains(&L->groups[g], &u)) {
            k->cls = C_GROUP;
            return;
        }
    if (header_coverage(L, &u) >= 0.75 && (!u.had_num || u.n > 8)) {
        k->cls = C_HEADER;
        return;
    }
    /* several group headings run together: "三、本年度办理结果（四）无法提供" */
    k->cls = C_LABEL;
}

/* Web text runs header words into the first row label:
 * "信息内容本年制发件数…现行有效件数规章" → the header, then "规章". */
static int split_label_suffix(const lexicon *L, const char *t, tokv *tv, size_t q)
{
    tok k = tv->v[q];
    /* folded code points without white space, and where each starts */
    uint32_t cp[NB_USTR_MAX];
    size_t at[NB_USTR_MAX];
    int n = 0;
    size_t i = k.off, e = k.off + k.len;
    while (i < e && n < NB_USTR_MAX) {
        size_t here = i;
        uint32_t c = nb_fold(nb_utf8_get(t, e, &i));
        if (nb_is_space(c))
            continue;
        cp[n] = c;
        at[n++] = here;
    }
    if (n < 4 || i < e)
        return 0;
    for (int r = 0; r < L->s->nrows; r++) {
        const nb_ustr *lab = &L->rows[r];
        if (L->s->rows[r].table == NB_T4 || lab->n < 2 || lab->n >= n - 1)
            continue;
        if (memcmp(cp + n - lab->n, lab->c, (size_t)lab->n * sizeof *cp) != 0)
            continue;
        size_t cut = at[n - lab->n];
        nb_ustr pre;
        nb_norm(t + k.off, cut - k.off, &pre, NB_NORM_LABEL);
        if (pre.n == 0 || header_coverage(L, &pre) < 0.75)
            continue;
        if (!emit(tv, K_TEXT, 0, 0, k.lkind))
            return 0;
        memmove(&tv->v[q + 2], &tv->v[q + 1], (tv->n - q - 2) * sizeof(tok));
        tv->v[q].len = cut - k.off;
        tv->v[q + 1] = k;
        tv->v[q + 1].off = cut;
        tv->v[q + 1].len = e - cut;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ rows */

#define MAXFRAG 8

typedef struct group {
    nb_ustr label;
    int has_label, numbered, exact_row;
    size_t frag_off[MAXFRAG], frag_len[MAXFRAG];
    int nfrag;
    int label_lk;
    int v0, nv;
    size_t pos;
    int row;   /* schema row, or -1 */
    int open;  /* a short row that the next line may complete */
    int best, best_valid; /* nearest T2/T3 row of the label, once computed */
    double best_sim;
} group;

typedef struct assembly {
    const lexicon *L;
    const char *t;
    tok *toks;
    group *g;
    int ng;
    size_t gcap;
    int *vals;
    int nv;
    size_t vcap;
    int oom;
} assembly;

/* A group's label as compared: without trailing punctuation. */
static void label_view(const nb_ustr *u, nb_ustr *out)
{
    *out = *u;
    nb_ustr_trim_trail(out);
}

static double label_best(const assembly *A, const nb_ustr *u)
{
    int r;
    nb_ustr v;
    label_view(u, &v);
    return best_row(A->L, &v, 1u << NB_T2 | 1u << NB_T3, &r);
}

/* The T2/T3 row nearest a group's label (cached until the label changes). */
static double group_best(const lexicon *L, group *g, int *row)
{
    if (!g->best_valid) {
        nb_ustr v;
        label_view(&g->label, &v);
        if (g->exact_row >= 0) {
            g->best = g->exact_row;
            g->best_sim = 1.0;
        } else {
            g->best_sim = best_row(L, &v, 1u << NB_T2 | 1u << NB_T3, &g->best);
        }
        g->best_valid = 1;
    }
    *row = g->best;
    return g->best_sim;
}

/* Does appending u to g's label bring it clearly nearer the standard label
 * it is nearest to (or, for a label matching nothing yet, any label)? */
static int improves(const assembly *A, group *g, const nb_ustr *u)
{
    nb_ustr j = g->label;
    nb_ustr_append(&j, u);
    nb_ustr_trim_trail(&j);
    int r;
    double so = group_best(A->L, g, &r);
    if (r < 0)
        return 0;
    if (so >= 1.0)
        return 0; /* complete already */
    return nb_sim(&j, &A->L->rows[r]) > so + 0.02;
}

static void group_set_label(group *g, const tok *k, const nb_ustr *u)
{
    g->best_valid = 0;
    g->label = *u;
    g->has_label = 1;
    g->numbered = k->numbered;
    g->exact_row = k->exact_row;
    g->frag_off[0] = k->off;
    g->frag_len[0] = k->len;
    g->nfrag = 1;
    g->label_lk = k->lkind;
}

static void group_add_frag(group *g, const tok *k, const nb_ustr *u)
{
    g->best_valid = 0;
    nb_ustr_append(&g->label, u);
    g->exact_row = -1;
    if (g->nfrag < MAXFRAG) {
        g->frag_off[g->nfrag] = k->off;
        g->frag_len[g->nfrag] = k->len;
        g->nfrag++;
    }
}

static group *new_group(assembly *A, size_t pos)
{
    if (nb_grow(&A->g, &A->gcap, (size_t)A->ng + 1, sizeof *A->g, 64) != 0) {
        A->oom = 1;
        return NULL;
    }
    group *g = &A->g[A->ng++];
    memset(g, 0, sizeof *g);
    g->exact_row = -1;
    g->row = -1;
    g->v0 = A->nv;
    g->pos = pos;
    return g;
}

static void add_val(assembly *A, group *g, int ti)
{
    if (nb_grow(&A->vals, &A->vcap, (size_t)A->nv + 1, sizeof *A->vals, 256) != 0) {
        A->oom = 1;
        return;
    }
    A->vals[A->nv++] = ti;
    g->nv++;
}

/* Expected cell count of a group from its label, 0 if unknown. */
static int expected_cols(const assembly *A, group *g)
{
    if (!g->has_label)
        return 0;
    if (g->exact_row >= 0)
        return A->L->s->rows[g->exact_row].ncols;
    int r;
    double s = group_best(A->L, g, &r);
    return (s >= 0.6 && r >= 0) ? A->L->s->rows[r].ncols : 0;
}

static int group_has_blob(const assembly *A, const group *g)
{
    for (int i = 0; i < g->nv; i++)
        if (A->toks[A->vals[g->v0 + i]].blob)
            return 1;
    return 0;
}

static void assemble(assembly *A, tok *toks, size_t ntok, int cells_mode)
{
    group *cur = NULL;      /* being built: label and/or values */
    int last = -1;          /* index of the last finished group */
    int header_since = 0;   /* a column header came after the last group */
    int line_has_values = 0;
    A->toks = toks;
    for (size_t i = 0; i < ntok && !A->oom; i++) {
        tok *k = &toks[i];
        switch (k->kind) {
        case K_TEXT: {
            if (k->cls != C_LABEL && !k->numbered) {
                /* short tails of a wrapped label look like header words:
                 * "息", "府信息", "开申请" */
                nb_ustr u;
                nb_norm(A->t + k->off, k->len, &u, 0);
                group *to = NULL;
                if (cur && !cur->nv && cur->has_label)
                    to = cur;
                else if (!cur && !cells_mode && last >= 0 && !header_since && !line_has_values &&
                         A->g[last].has_label)
                    to = &A->g[last];
                if (to && improves(A, to, &u)) {
                    group_add_frag(to, k, &u);
                    break;
                }
            }
            if (k->cls == C_GROUP)
                break;
            if (k->cls == C_HEADER) {
                if (cur && cur->nv) {
                    last = (int)(cur - A->g);
                    cur = NULL;
                } else if (cur) {
                    A->ng--; /* a label cut off by a header is nobody's */
                    cur = NULL;
                }
                header_since = 1;
                break;
            }
            nb_ustr u;
            nb_norm(A->t + k->off, k->len, &u, k->numbered ? NB_NORM_NUM : 0);
            if (cur && cur->nv) {
                last = (int)(cur - A->g);
                cur = NULL;
                header_since = 0;
            }
            if (!cur) {
                /* a wrapped label's tail on a line after its numbers */
                if (!cells_mode && !k->numbered && last >= 0 && !header_since && !line_has_values &&
                    A->g[last].has_label && improves(A, &A->g[last], &u)) {
                    group_add_frag(&A->g[last], k, &u);
                    break;
                }
                cur = new_group(A, k->off);
                if (!cur)
                    return;
                group_set_label(cur, k, &u);
                break;
            }
            /* cur has a label and no values yet */
            if (k->numbered) {
                group_set_label(cur, k, &u);
                break;
            }
            nb_ustr j = cur->label;
            nb_ustr_append(&j, &u);
            int r0;
            double sj = label_best(A, &j), so = group_best(A->L, cur, &r0), sn = label_best(A, &u);
            if (sj >= so && sj >= sn)
                group_add_frag(cur, k, &u);
            else if (sn > so)
                group_set_label(cur, k, &u);
            break;
        }
        case K_VALUE:
        case K_EMPTY:
            if (!cur) {
                if (k->kind == K_EMPTY)
                    break; /* a merged cell before anything on the line */
                cur = new_group(A, k->off);
                if (!cur)
                    return;
            } else if (cur->has_label && !cur->nv && cur->label_lk != k->lkind &&
                       (k->lkind == LK_PIPE || cur->label_lk == LK_PIPE)) {
                /* loose text above a pipe-table row is not its label */
                cur->has_label = 0;
                cur->nfrag = 0;
                cur->exact_row = -1;
                cur->pos = k->off;
            }
            if (cur->open && !line_has_values && cur->nv &&
                A->toks[A->vals[cur->v0 + cur->nv - 1]].lkind != k->lkind) {
                /* a row is continued only by a line of its own layout */
                cur->open = 0;
                last = (int)(cur - A->g);
                cur = new_group(A, k->off);
                if (!cur)
                    return;
                if (k->kind == K_EMPTY)
                    break;
            }
            if (cur->open && k->kind == K_EMPTY && !line_has_values)
                break; /* leading merged cells of a continued row */
            add_val(A, cur, (int)i);
            line_has_values = 1;
            break;
        case K_EOL:
            line_has_values = 0;
            if (cur && cur->nv) {
                int want = expected_cols(A, cur);
                if (want > cur->nv && !group_has_blob(A, cur) && !cur->open) {
                    cur->open = 1; /* a row broken over two lines */
                } else {
                    cur->open = 0;
                    last = (int)(cur - A->g);
                    cur = NULL;
                    header_since = 0;
                }
            }
            break;
        case K_BREAK:
        case K_RULE:
            line_has_values = 0;
            if (cur && cur->nv && !(cur->open && k->kind == K_BREAK)) {
                last = (int)(cur - A->g);
                cur = NULL;
                header_since = 0;
            } else if (cur && !cur->nv && k->kind == K_RULE) {
                A->ng--; /* a pipe table's header row */
                cur = NULL;
            }
            break;
        }
    }
    if (cur && !cur->nv)
        A->ng--;
}

/* ------------------------------------------------------------------ area */

typedef struct area {
    size_t start, end;
    size_t t2s, t3s, t4s;   /* where each table may start */
    size_t t2e, t3e;        /* where T2 and T3 must end */
} area;

static size_t find_str(const char *t, size_t from, size_t to, const char *s)
{
    size_t n = strlen(s);
    if (to <= from)
        return (size_t)-1;
    const char *p = nb_find(t + from, to - from, s, n);
    return p ? (size_t)(p - t) : (size_t)-1;
}

static void find_area(const nb_report *r, area *a)
{
    const nb_section *S = r->sec;
    size_t n = r->doc.len, none = (size_t)-1;
    size_t h2 = S[NB_SEC_ACTIVE].present ? S[NB_SEC_ACTIVE].head_off : none;
    size_t h3 = S[NB_SEC_REQUESTS].present ? S[NB_SEC_REQUESTS].head_off : none;
    size_t h4 = S[NB_SEC_REVIEW].present ? S[NB_SEC_REVIEW].head_off : none;
    size_t first = h2;
    if (h3 < first)
        first = h3;
    if (h4 < first)
        first = h4;
    if (first == none) {
        /* no table heading: the tables start at their first sure sign, if any */
        static const char *const marks[] = {"第二十条", "勾稽关系", "本年新收政府信息公开申请", "信息内容"};
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
            size_t m = find_str(r->doc.text, 0, n, marks[k]);
            if (m < first)
                first = m;
        }
        if (first == none) {
            a->start = a->end = a->t2s = a->t3s = a->t4s = a->t2e = a->t3e = 0;
            return; /* not a report's tables */
        }
        if (h2 == none)
            h2 = first;
    }
    size_t end = n;
    for (int s = NB_SEC_PROBLEMS; s <= NB_SEC_OTHER; s++)
        if (S[s].present && S[s].head_off > first && S[s].head_off < end)
            end = S[s].head_off;
    a->start = first;
    a->end = end;
    a->t2s = h2 != none ? h2 : first;
    a->t3s = h3 != none ? h3 : a->t2s;
    a->t4s = h4 != none ? h4 : a->t3s;
    a->t2e = h3 != none ? h3 : (h4 != none ? h4 : end);
    a->t3e = h4 != none ? h4 : end;
}

/* In a tab or pipe row, text after the row's first number is one of its cells. */
static void text_after_values_is_value(tokv *tv, size_t from)
{
    int seen = 0;
    for (size_t q = from; q < tv->n; q++) {
        tok *k = &tv->v[q];
        if (k->kind == K_VALUE)
            seen = 1;
        else if (k->kind == K_TEXT && seen)
            k->kind = K_VALUE;
    }
}

/* Tokenise lines [l0, l1] of the area, one cell a line or rows on lines. */
static void tokenize_lines(const nb_report *r, const area *ar, tokv *tv, int cells_mode, int tab_cells,
                           int *multi, int *single, int *tabbed, int *nonempty)
{
    const nb_doc *d = &r->doc;
    const char *t = d->text;
    size_t l0 = nb_doc_line_of(d, ar->start), l1 = nb_doc_line_of(d, ar->end ? ar->end - 1 : 0);
    for (size_t li = l0; li <= l1 && li < d->nlines; li++) {
        size_t a, b;
        nb_doc_line(d, li, &a, &b);
        if (a < ar->start)
            a = ar->start;
        if (b > ar->end)
            b = ar->end;
        size_t x = a, y = b;
        if (a < b)
            trim(t, &x, &y);
        int blank = x >= y;
        if (cells_mode) {
            if (tab_cells) {
                if (blank && (a >= b || t[a] != '\t')) {
                    emit(tv, K_BREAK, a, 0, LK_CELL);
                } else if (a < b && t[a] == '\t') {
                    tokenize_cell(tv, t, a + 1, b, LK_CELL);
                } else if (tv->n && tv->v[tv->n - 1].kind == K_TEXT) {
                    tok *p = &tv->v[tv->n - 1]; /* a wrapped cell: 商业\n企业 */
                    p->len = y - p->off;
                } else {
                    tokenize_cell(tv, t, a, b, LK_CELL);
                }
            } else {
                tokenize_cell(tv, t, a, b, LK_CELL);
            }
            continue;
        }
        if (blank) {
            emit(tv, K_BREAK, a, 0, LK_PLAIN);
            continue;
        }
        (*nonempty)++;
        if (t[a] == '\t')
            (*tabbed)++;
        size_t from = tv->n;
        int table_row = 0;
        if (pipe_seps(t, a, b) >= 2) {
            tokenize_pipe(tv, t, a, b);
            text_after_values_is_value(tv, from);
            table_row = 1;
        } else if (memchr(t + a, '\t', b - a)) {
            size_t s = a;
            for (size_t j = a; j <= b; j++)
                if (j == b || t[j] == '\t') {
                    tokenize_cell(tv, t, s, j, LK_TAB);
                    s = j + 1;
                }
            text_after_values_is_value(tv, from);
            table_row = t[a] != '\t';
        } else {
            tokenize_plain(tv, t, a, b, LK_PLAIN);
        }
        int nvals = 0, ncells = 0;
        for (size_t q = from; q < tv->n; q++) {
            if (tv->v[q].kind == K_VALUE)
                nvals++;
            if (tv->v[q].kind == K_VALUE || tv->v[q].kind == K_TEXT)
                ncells++;
        }
        if (nvals >= 2 || (ncells >= 2 && table_row))
            (*multi)++;
        else if (ncells == 1)
            (*single)++;
        emit(tv, K_EOL, b, 0, LK_PLAIN);
    }
}

static void tokenize_area(const nb_report *r, const area *ar, tokv *tv, int *cells_mode)
{
    *cells_mode = 0;
    if (ar->end <= ar->start)
        return;
    int multi = 0, single = 0, tabbed = 0, nonempty = 0;
    tokenize_lines(r, ar, tv, 0, 0, &multi, &single, &tabbed, &nonempty);
    /* one cell a line (Word's plain text, HTML flattened): rows span lines */
    *cells_mode = single > 4 * multi;
    if (*cells_mode) {
        tv->n = 0;
        int d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        tokenize_lines(r, ar, tv, 1, tabbed * 2 >= nonempty, &d0, &d1, &d2, &d3);
    }
}

/* ------------------------------------------------------------------ cells */

typedef struct part {
    size_t off, len;
    nb_num num;
    nb_status st;
} part;

#define MAXPARTS 16
#define MAXREAD 32

typedef struct splitter {
    const char *t;
    const tok *toks;
    const int *idx;     /* value tokens of the row */
    int caps[MAXPARTS * 2]; /* parts each token can give at most */
    int n;
    int want;
    unsigned flags;     /* NB_ROW_SUM, or NB_ROW_T4 for 15 cells in three groups */
    part cur[MAXPARTS];
    part found[MAXREAD][MAXPARTS];
    int nfound, total;
    long nodes;
} splitter;

static int check_sums(const splitter *S)
{
    if (S->flags & NB_ROW_SUM) {
        nb_num s = nb_num_int(0);
        for (int c = 0; c < 6; c++)
            s = nb_num_add(s, S->cur[c].num);
        return nb_num_cmp(s, S->cur[6].num) == 0;
    }
    if (S->flags & NB_ROW_T4) {
        for (int g = 0; g < S->want / 5; g++) {
            nb_num s = nb_num_int(0);
            for (int c = 0; c < 4; c++)
                s = nb_num_add(s, S->cur[g * 5 + c].num);
            if (nb_num_cmp(s, S->cur[g * 5 + 4].num) != 0)
                return 0;
        }
    }
    return 1;
}

static int tok_digits(const splitter *S, int ti)
{
    const tok *k = &S->toks[S->idx[ti]];
    if (!k->blob)
        return 1;
    int nd = 0;
    size_t i = k->off, e = k->off + k->len;
    while (i < e) {
        if (nb_fold(nb_utf8_get(S->t, e, &i)) == '.')
            break;
        nd++;
    }
    return nd;
}

static void split_dfs(splitter *S, int ti, size_t pos, int pi)
{
    if (++S->nodes > 400000)
        return;
    if (ti == S->n) {
        if (pi == S->want && check_sums(S)) {
            if (S->nfound < MAXREAD)
                memcpy(S->found[S->nfound++], S->cur, sizeof(part) * (size_t)S->want);
            S->total++;
        }
        return;
    }
    /* room left: every later token gives at least one part */
    int cap = S->caps[ti + 1];
    const tok *k = &S->toks[S->idx[ti]];
    size_t end = k->off + k->len;
    if (!k->blob) {
        if (pi >= S->want || pi + 1 + (S->n - ti - 1) > S->want || pi + 1 + cap < S->want)
            return;
        part *p = &S->cur[pi];
        p->off = k->off;
        p->len = k->len;
        p->st = nb_parse_value(S->t + k->off, k->len, &p->num);
        if (p->st != NB_ST_NUMBER)
            p->num = nb_num_int(0);
        split_dfs(S, ti + 1, 0, pi + 1);
        return;
    }
    size_t start = pos ? pos : k->off;
    if (pi >= S->want)
        return;
    /* digits left in this token (before any decimal point) */
    int left = 0;
    for (size_t i = start; i < end;) {
        if (nb_fold(nb_utf8_get(S->t, end, &i)) == '.')
            break;
        left++;
    }
    if (pi + 1 + (S->n - ti - 1) > S->want || pi + left + cap < S->want)
        return;
    part *p = &S->cur[pi];
    if (k->blob == 2 && (start == end - 1 || S->t[start] != '0' || S->t[start + 1] == '.')) {
        /* the rest, decimal part and all, as the last cell of this token */
        p->off = start;
        p->len = end - start;
        if (nb_parse_value(S->t + start, end - start, &p->num) == NB_ST_NUMBER) {
            p->st = NB_ST_INFERRED;
            split_dfs(S, ti + 1, 0, pi + 1);
        }
    }
    long long v = 0;
    size_t i = start;
    int len = 0;
    while (i < end) {
        uint32_t c = nb_fold(nb_utf8_get(S->t, end, &i));
        if (c == '.')
            break;
        v = v * 10 + (c - '0');
        len++;
        if (len > 9)
            break;
        p = &S->cur[pi];
        p->off = start;
        p->len = i - start;
        p->num = nb_num_int(v);
        p->st = NB_ST_INFERRED;
        if (i == end)
            split_dfs(S, ti + 1, 0, pi + 1);
        else if (k->blob == 1 || nb_fold((uint32_t)(unsigned char)S->t[i]) != '.')
            split_dfs(S, ti, i, pi + 1);
        if (len == 1 && v == 0)
            break; /* no number starts with 0 */
    }
}

static void set_cell(nb_report *r, int ci, nb_status st, nb_num num, size_t off, size_t len)
{
    nb_cell *c = &r->cells[ci];
    c->status = st;
    c->num = num;
    c->has_span = 1;
    c->off = off;
    c->len = len;
}

/* Value tokens of a group trimmed to want: merged-cell empties dropped. */
static int trimmed(const assembly *A, const group *g, int want, int *out)
{
    int a = 0, b = g->nv;
    /* run-together digits are split, not padded: empty lines after them are not cells */
    int blob = 0;
    for (int i = 0; i < g->nv; i++)
        if (A->toks[A->vals[g->v0 + i]].blob)
            blob = 1;
    while (blob && b > a && A->toks[A->vals[g->v0 + b - 1]].kind == K_EMPTY)
        b--;
    while (b - a > want && A->toks[A->vals[g->v0 + b - 1]].kind == K_EMPTY)
        b--;
    while (b - a > want && A->toks[A->vals[g->v0 + a]].kind == K_EMPTY)
        a++;
    int n = 0;
    for (int i = a; i < b && n < MAXPARTS * 2; i++)
        out[n++] = A->vals[g->v0 + i];
    return n;
}

static int digit_capacity(const assembly *A, const int *idx, int n)
{
    int cap = 0;
    for (int i = 0; i < n; i++) {
        const tok *k = &A->toks[idx[i]];
        if (k->blob) {
            size_t j = k->off, e = k->off + k->len;
            while (j < e) {
                if (nb_utf8_get(A->t, e, &j) == '.')
                    break;
                cap++;
            }
        } else {
            cap++;
        }
    }
    return cap;
}

/* Can group g give the want cells of a row (bare: exactly; split allowed)? */
static int fits(const assembly *A, const group *g, int want, int labelled, double *penalty)
{
    int idx[MAXPARTS * 2];
    int n = trimmed(A, g, want, idx);
    *penalty = 0;
    if (n == want)
        return 1;
    if (n < want) {
        int blob = 0;
        for (int i = 0; i < n; i++)
            if (A->toks[idx[i]].blob)
                blob = 1;
        if (blob && digit_capacity(A, idx, n) >= want) {
            *penalty = 0.1;
            return 1;
        }
        if (labelled && n >= 1) {
            *penalty = 1.5; /* below any row of the right shape */
            return 1;
        }
        return 0;
    }
    if (labelled) {
        *penalty = 0.3;
        return 1;
    }
    return 0;
}

typedef struct rowfill {
    int row;
    int idx[MAXPARTS * 2];
    int n;
    int want;
    splitter *sp;  /* when split */
} rowfill;

/* Write the cells of a row from tokens, or note that a split is needed. */
static int fill_plain(nb_report *r, const assembly *A, int row, const int *idx, int n, int want)
{
    int ci0 = nb_schema_first_cell(r->schema, row);
    for (int c = 0; c < want; c++) {
        if (c >= n)
            break; /* missing */
        const tok *k = &A->toks[idx[c]];
        nb_num num = {0, 0};
        nb_status st = k->kind == K_EMPTY ? NB_ST_BLANK : nb_parse_value(A->t + k->off, k->len, &num);
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

/* Cells of a row whose readings differ stay unread and say how many fit. */
static void fill_from_readings(nb_report *r, const assembly *A, int row, const int *idx, int n, int want,
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

static int row_needs_split(const assembly *A, const int *idx, int n, int want)
{
    if (n >= want)
        return 0;
    for (int i = 0; i < n; i++)
        if (A->toks[idx[i]].blob)
            return 1;
    return 0;
}

/* One digit a cell is the only reading when the digits number the cells. */
static int one_digit_each(const splitter *S)
{
    int total = 0;
    for (int k = 0; k < S->n; k++) {
        const tok *t = &S->toks[S->idx[k]];
        if (t->blob != 1 && t->kind == K_VALUE && !nb_all_digits(S->t + t->off, t->len))
            return 0;
        total += tok_digits(S, k);
    }
    return total == S->want;
}

static splitter *run_split(const assembly *A, const int *idx, int n, int want, unsigned flags)
{
    splitter *S = malloc(sizeof *S);
    if (!S)
        return NULL;
    S->t = A->t;
    S->toks = A->toks;
    S->idx = idx;
    S->n = n;
    S->want = want;
    S->flags = flags;
    S->nfound = S->total = 0;
    S->nodes = 0;
    S->caps[n] = 0;
    for (int k = n - 1; k >= 0; k--)
        S->caps[k] = S->caps[k + 1] + tok_digits(S, k);
    if (one_digit_each(S)) {
        /* the search below would find exactly this; the sums still decide */
        int pi = 0;
        for (int k = 0; k < n; k++) {
            const tok *t = &S->toks[idx[k]];
            size_t i = t->off, e = t->off + t->len;
            while (i < e) {
                size_t s0 = i;
                uint32_t c = nb_fold(nb_utf8_get(S->t, e, &i));
                S->cur[pi].off = s0;
                S->cur[pi].len = i - s0;
                S->cur[pi].num = nb_num_int((long long)(c - '0'));
                S->cur[pi].st = t->blob ? NB_ST_INFERRED : NB_ST_NUMBER;
                pi++;
            }
        }
        if (check_sums(S)) {
            memcpy(S->found[0], S->cur, sizeof(part) * (size_t)want);
            S->nfound = S->total = 1;
        }
        return S;
    }
    split_dfs(S, 0, 0, 0);
    return S;
}

/* ------------------------------------------------------------------ T3 sums */

/* Choose among T3 rows' readings with the columns' sums (总计 = Σ results;
 * 一 + 二 = 总计 + 四). Only cells every fitting choice agrees on are read. */
typedef struct t3choice {
    int row;            /* schema row */
    splitter *sp;       /* its readings (sp->nfound ≥ 2) */
    int pick;
} t3choice;

static int t3_role(const nb_schema *s, int row)
{
    const char *id = s->rows[row].id;
    if (!strcmp(id, "t3.new")) return 1;
    if (!strcmp(id, "t3.carried_in")) return 2;
    if (!strcmp(id, "t3.total")) return 3;
    if (!strcmp(id, "t3.carried_out")) return 4;
    return s->rows[row].table == NB_T3 ? 5 : 0;
}

static int t3_consistent(nb_report *r, t3choice *ch, int nch)
{
    /* cells of rows being chosen take the picked reading */
    const nb_schema *s = r->schema;
    for (int c = 0; c < 7; c++) {
        nb_num sum_res = nb_num_int(0), v[5] = {{0, 0}};
        int known[5] = {0}, res_unknown = 0;
        for (int row = 0; row < s->nrows; row++) {
            int role = t3_role(s, row);
            if (!role)
                continue;
            nb_num x = {0, 0};
            int ok = 0;
            int chosen = -1;
            for (int k = 0; k < nch; k++)
                if (ch[k].row == row)
                    chosen = k;
            if (chosen >= 0) {
                x = ch[chosen].sp->found[ch[chosen].pick][c].num;
                ok = 1;
            } else {
                const nb_cell *cell = &r->cells[nb_schema_first_cell(s, row) + c];
                if (cell->status == NB_ST_NUMBER || cell->status == NB_ST_INFERRED) {
                    x = cell->num;
                    ok = 1;
                } else if (cell->status == NB_ST_BLANK || cell->status == NB_ST_PLACEHOLDER) {
                    ok = 1;
                }
            }
            if (role == 5) {
                if (!ok)
                    res_unknown = 1;
                sum_res = nb_num_add(sum_res, x);
            } else {
                v[role] = x;
                known[role] = ok;
            }
        }
        if (known[3] && !res_unknown && nb_num_cmp(v[3], sum_res) != 0)
            return 0;
        if (known[1] && known[2] && known[3] && known[4] &&
            nb_num_cmp(nb_num_add(v[1], v[2]), nb_num_add(v[3], v[4])) != 0)
            return 0;
    }
    return 1;
}

static void t3_resolve(nb_report *r, const assembly *A, rowfill *fills, int nfill)
{
    t3choice ch[32];
    int nch = 0;
    long combos = 1;
    for (int f = 0; f < nfill; f++) {
        rowfill *F = &fills[f];
        if (!F->sp || r->schema->rows[F->row].table != NB_T3 || F->sp->nfound < 2 || F->sp->total > MAXREAD)
            continue;
        if (nch < 32 && combos * F->sp->nfound <= 200000) {
            ch[nch].row = F->row;
            ch[nch].sp = F->sp;
            ch[nch].pick = 0;
            combos *= F->sp->nfound;
            nch++;
        }
    }
    if (!nch)
        return;
    /* enumerate; remember for each choice the readings that fit */
    unsigned char ok[32][MAXREAD];
    memset(ok, 0, sizeof ok);
    long fitting = 0;
    for (;;) {
        if (t3_consistent(r, ch, nch)) {
            fitting++;
            for (int k = 0; k < nch; k++)
                ok[k][ch[k].pick] = 1;
        }
        int k = 0;
        while (k < nch && ++ch[k].pick == ch[k].sp->nfound) {
            ch[k].pick = 0;
            k++;
        }
        if (k == nch)
            break;
    }
    if (!fitting)
        return;
    for (int k = 0; k < nch; k++) {
        part rd[MAXREAD][MAXPARTS];
        int nrd = 0;
        for (int p = 0; p < ch[k].sp->nfound; p++)
            if (ok[k][p])
                memcpy(rd[nrd++], ch[k].sp->found[p], sizeof rd[0]);
        for (int f = 0; f < nfill; f++)
            if (fills[f].row == ch[k].row)
                fill_from_readings(r, A, ch[k].row, fills[f].idx, fills[f].n, 7, rd, nrd, nrd, 0);
    }
}

/* ------------------------------------------------------------------ match */

static int in_range(size_t p, size_t a, size_t b)
{
    return p >= a && p < b;
}

/* T2: every row by its label, in any order. */
static void match_t2(nb_report *r, assembly *A, const area *ar)
{
    const nb_schema *s = r->schema;
    for (int pass = 0; pass < 2; pass++)
        for (int gi = 0; gi < A->ng; gi++) {
            group *g = &A->g[gi];
            if (g->row >= 0 || !g->has_label || !in_range(g->pos, ar->t2s, ar->t2e))
                continue;
            int row;
            double sim = group_best(A->L, g, &row); /* a label nearer a T3 row is no T2 row */
            if (row < 0 || s->rows[row].table != NB_T2 || sim < (pass == 0 ? 0.999 : 0.6) || r->rows_found[row])
                continue;
            double pen;
            if (!fits(A, g, s->rows[row].ncols, 1, &pen))
                continue;
            g->row = row;
            r->rows_found[row] = 1;
        }
}

/* T3: an ordered alignment of groups to rows; labels must agree, unlabelled
 * rows fill the gaps in order. */
static void match_t3(nb_report *r, assembly *A, const area *ar)
{
    const nb_schema *s = r->schema;
    int rows[40], nr = 0;
    for (int k = 0; k < s->nrows && nr < 40; k++)
        if (s->rows[k].table == NB_T3)
            rows[nr++] = k;
    int gs[512], ngs = 0;
    for (int gi = 0; gi < A->ng && ngs < 512; gi++)
        if (A->g[gi].row < 0 && in_range(A->g[gi].pos, ar->t3s, ar->t3e))
            gs[ngs++] = gi;
    if (!ngs)
        return;
    size_t W = (size_t)nr + 1;
    double *D = calloc(((size_t)ngs + 1) * W, sizeof *D);
    unsigned char *how = calloc(((size_t)ngs + 1) * W, 1);
    if (!D || !how) {
        free(D);
        free(how);
        return;
    }
    nb_sig *gsig = malloc(sizeof *gsig);
    if (!gsig) {
        free(D);
        free(how);
        return;
    }
    for (int i = 1; i <= ngs; i++) {
        group *g = &A->g[gs[i - 1]];
        if (g->has_label && g->exact_row < 0)
            nb_sig_make(&g->label, gsig);
        for (int j = 1; j <= nr; j++) {
            double best = D[(size_t)(i - 1) * W + (size_t)j];
            unsigned char h = 1;
            if (D[(size_t)i * W + (size_t)j - 1] > best) {
                best = D[(size_t)i * W + (size_t)j - 1];
                h = 2;
            }
            const nb_row *row = &s->rows[rows[j - 1]];
            double pen, sim = 0;
            int ok = 1;
            if (g->has_label) {
                sim = g->exact_row >= 0 ? (g->exact_row == rows[j - 1] ? 1.0 : 0.0)
                                        : nb_sig_sim(gsig, &A->L->sigs[rows[j - 1]]);
                if (sim < 0.5)
                    ok = 0;
            }
            if (ok && fits(A, g, row->ncols, g->has_label, &pen)) {
                /* a short labelled row ranks below any row of the right shape */
                double gain = pen >= 1.5 ? 0.8 : 1.0 + 2.0 * sim - pen;
                double sc = D[(size_t)(i - 1) * W + (size_t)j - 1] + gain;
                if (sc > best) {
                    best = sc;
                    h = 3;
                }
            }
            D[(size_t)i * W + (size_t)j] = best;
            how[(size_t)i * W + (size_t)j] = h;
        }
    }
    free(gsig);
    int i = ngs, j = nr;
    while (i > 0 && j > 0) {
        unsigned char h = how[(size_t)i * W + (size_t)j];
        if (h == 3) {
            A->g[gs[i - 1]].row = rows[j - 1];
            r->rows_found[rows[j - 1]] = 1;
            i--;
            j--;
        } else if (h == 1) {
            i--;
        } else {
            j--;
        }
    }
    free(D);
    free(how);
}

/* T4: fifteen numbers in a row (or three rows of five) after its heading. */
static void match_t4(nb_report *r, assembly *A, const area *ar, int *t4_group)
{
    const nb_schema *s = r->schema;
    int r4 = -1;
    for (int k = 0; k < s->nrows; k++)
        if (s->rows[k].table == NB_T4) {
            r4 = k;
            break;
        }
    *t4_group = -1;
    if (r4 < 0)
        return;
    for (int gi = 0; gi < A->ng; gi++) {
        group *g = &A->g[gi];
        if (g->row >= 0 || !in_range(g->pos, ar->t4s, ar->end))
            continue;
        double pen;
        if (fits(A, g, 15, 0, &pen)) {
            *t4_group = gi;
            g->row = r4;
            for (int k = 0; k < 3; k++)
                r->rows_found[r4 + k] = 1;
            return;
        }
    }
    for (int gi = 0; gi + 2 < A->ng; gi++) {
        double pen;
        int ok = 1;
        for (int k = 0; k < 3; k++) {
            group *g = &A->g[gi + k];
            if (g->row >= 0 || !in_range(g->pos, ar->t4s, ar->end) || !fits(A, g, 5, 0, &pen))
                ok = 0;
        }
        if (ok) {
            for (int k = 0; k < 3; k++) {
                A->g[gi + k].row = r4 + k;
                r->rows_found[r4 + k] = 1;
            }
            return;
        }
    }
}

/* ------------------------------------------------------------------ labels */

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

static void record_row_labels(nb_report *r, const assembly *A)
{
    for (int gi = 0; gi < A->ng; gi++) {
        const group *g = &A->g[gi];
        if (g->row < 0 || !g->has_label || r->schema->rows[g->row].table == NB_T4)
            continue;
        if (nb_ustr_eq(&g->label, &A->L->rows[g->row]))
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

static void record_header_labels(nb_report *r, const assembly *A, const tok *toks, size_t ntok, const area *ar)
{
    (void)ar;
    int gi = 0, last_table = 0;
    for (size_t i = 0; i < ntok; i++) {
        const tok *k = &toks[i];
        if (k->kind != K_TEXT || k->cls != C_HEADER)
            continue;
        int table = header_table(r, A, k->off, &gi, &last_table);
        nb_ustr u;
        nb_norm(A->t + k->off, k->len, &u, NB_NORM_LABEL);
        int exact = 0;
        for (int h = 0; h < A->L->nheaders && !exact; h++)
            if (nb_ustr_eq(&u, &A->L->headers[h]))
                exact = 1;
        if (exact)
            continue;
        /* run-together header text ("结果维持结果纠正…") is no single column's label */
        if (u.n > 18)
            continue;
        int best = -1, fragment = u.n < 2;
        double bs = 0;
        for (int c = 0; c < A->L->ncols && !fragment; c++)
            if (A->L->cols[c].table == table && nb_ustr_contains(&A->L->cols[c].norm, &u))
                fragment = 1; /* 商业 of 商业企业: a wrapped header, not a wrong one */
        for (int c = 0; c < A->L->ncols && !fragment; c++) {
            if (A->L->cols[c].table != table)
                continue;
            double sm = nb_sim(&u, &A->L->cols[c].norm);
            if (sm > bs) {
                bs = sm;
                best = c;
            }
        }
        if (best < 0 || bs < 0.6)
            continue;
        const lex_col *lc = &A->L->cols[best];
        if (nb_ustr_contains(&lc->norm, &u) || nb_ustr_contains(&u, &lc->norm) || u.n > lc->norm.n + 3)
            continue;
        char id[64];
        snprintf(id, sizeof id, "t%d.*.%s", table, lc->key);
        int dup = 0;
        for (int l = 0; l < r->nlabels; l++)
            if (!strcmp(r->labels[l].id, id) && strlen(r->labels[l].found) == k->len &&
                !memcmp(r->labels[l].found, A->t + k->off, k->len))
                dup = 1;
        if (!dup)
            nb_report_add_label(r, id, A->t + k->off, k->len, lc->label, k->off);
    }
}

/* ------------------------------------------------------------------ driver */

/* What the extractor saw, for whoever debugs a layout (NIANBAO_TRACE=1). */
static void trace(FILE *f, const nb_report *r, const tokv *tv, const assembly *A, int cells_mode)
{
    static const char kinds[] = "TVE|-=";
    static const char classes[] = " LHG";
    fprintf(f, "%s: %s layout, %zu tokens, %d rows\n", r->doc.path, cells_mode ? "cell-per-line" : "row-per-line",
            tv->n, A->ng);
    for (size_t i = 0; i < tv->n; i++) {
        const tok *k = &tv->v[i];
        if (k->kind == K_EOL || k->kind == K_BREAK)
            continue;
        fprintf(f, "  tok %c%c line %zu '%.*s'\n", kinds[k->kind], classes[k->cls],
                nb_doc_line_of(&r->doc, k->off) + 1, (int)k->len, r->doc.text + k->off);
    }
    for (int gi = 0; gi < A->ng; gi++) {
        char b[512];
        nb_ustr_utf8(&A->g[gi].label, b, sizeof b);
        fprintf(f, "  row %d: %d values, label '%s'\n", gi, A->g[gi].nv, b);
    }
}

static void fill_row(nb_report *r, assembly *A, group *g, int row, int want, unsigned flags, rowfill *F)
{
    F->row = row;
    F->want = want;
    F->n = trimmed(A, g, want, F->idx);
    F->sp = NULL;
    if (row_needs_split(A, F->idx, F->n, want)) {
        F->sp = run_split(A, F->idx, F->n, want, flags);
        if (!F->sp) {
            A->oom = 1;
            return;
        }
        if (F->sp->nfound == 0 && (flags & (NB_ROW_SUM | NB_ROW_T4))) {
            /* the sums do not hold in any reading: every reading is open */
            free(F->sp);
            F->sp = run_split(A, F->idx, F->n, want, 0);
            if (!F->sp) {
                A->oom = 1;
                return;
            }
        }
        if (F->sp->nfound == 0)
            fill_unreadable(r, A, row, F->idx, F->n, want, 0);
        else if (F->sp->total > MAXREAD)
            fill_unreadable(r, A, row, F->idx, F->n, want, F->sp->total);
        else if (want == 15) {
            for (int k = 0; k < 3; k++)
                fill_from_readings(r, A, row + k, F->idx, F->n, 5, F->sp->found, F->sp->nfound, F->sp->total, k * 5);
        } else {
            fill_from_readings(r, A, row, F->idx, F->n, want, F->sp->found, F->sp->nfound, F->sp->total, 0);
        }
        return;
    }
    if (want == 15) {
        int ci0 = nb_schema_first_cell(r->schema, row);
        (void)ci0;
        for (int k = 0; k < 3; k++) {
            int sub[5], ns = 0;
            for (int c = 0; c < 5 && k * 5 + c < F->n; c++)
                sub[ns++] = F->idx[k * 5 + c];
            fill_plain(r, A, row + k, sub, ns, 5);
        }
        return;
    }
    fill_plain(r, A, row, F->idx, F->n, want);
}

int nb_extract_tables(nb_report *r, const nb_ctx *ctx, nb_err *err)
{
    const lexicon *L = ctx->lex[r->format == 2019 ? 1 : 0];
    area ar;
    find_area(r, &ar);
    /* from the 主动公开 heading to the 复议 heading: only tables, when both are there */
    if (r->sec[NB_SEC_ACTIVE].present && r->sec[NB_SEC_REVIEW].present && ar.t2s < ar.t3e) {
        r->tables_off = ar.t2s;
        r->tables_end = ar.t3e;
    }
    tokv tv = {0};
    int cells_mode = 0;
    tokenize_area(r, &ar, &tv, &cells_mode);
    if (tv.oom) {
        free(tv.v);
        return nb_err_set(err, NB_E_NOMEM, "%s: out of memory", r->doc.path);
    }
    for (size_t i = 0; i < tv.n; i++)
        if (tv.v[i].kind == K_TEXT) {
            classify(L, r->doc.text, &tv.v[i]);
            if (tv.v[i].cls != C_LABEL || tv.v[i].exact_row < 0)
                if (split_label_suffix(L, r->doc.text, &tv, i))
                    classify(L, r->doc.text, &tv.v[i]);
        }
    assembly A = {0};
    A.L = L;
    A.t = r->doc.text;
    assemble(&A, tv.v, tv.n, cells_mode);
    for (int gi = 0; gi < A.ng; gi++) {
        nb_ustr_trim_trail(&A.g[gi].label);
        if (!A.g[gi].has_label)
            A.g[gi].label.n = 0;
    }
    if (ctx->trace)
        trace(ctx->trace, r, &tv, &A, cells_mode);
    int rc = 0;
    if (A.oom) {
        rc = nb_err_set(err, NB_E_NOMEM, "%s: out of memory", r->doc.path);
        goto out;
    }
    match_t2(r, &A, &ar);
    match_t3(r, &A, &ar);
    int t4g;
    match_t4(r, &A, &ar, &t4g);
    rowfill fills[64];
    int nfill = 0;
    for (int gi = 0; gi < A.ng && nfill < 64; gi++) {
        group *g = &A.g[gi];
        if (g->row < 0)
            continue;
        const nb_row *row = &r->schema->rows[g->row];
        int want = row->ncols;
        unsigned flags = row->flags & NB_ROW_SUM;
        if (gi == t4g) {
            want = 15;
            flags = NB_ROW_T4;
        } else if (row->table == NB_T4) {
            flags = NB_ROW_T4;
        }
        fill_row(r, &A, g, g->row, want, flags, &fills[nfill++]);
    }
    t3_resolve(r, &A, fills, nfill);
    for (int f = 0; f < nfill; f++)
        free(fills[f].sp);
    record_row_labels(r, &A);
    record_header_labels(r, &A, tv.v, tv.n, &ar);
out:
    free(A.g);
    free(A.vals);
    free(tv.v);
    return rc;
}
