/* years_text.c — a report against its body's report of the year before, by
 * what the summary keeps of them: YEAR.SAME_TEXT (section 一 or 五 at least
 * 90% the same text, told by sketches of their shingles, which
 * years_sketch.c takes; every figure of the tables the same, all-zero
 * tables aside) and TEXT.SHARE's growth form (比上年增长 / 下降 P% against
 * the two years' tables). */
#include "check/years.h"
#include "check/internal.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- sketches */

/* The share of the union's smallest hashes both hold, in percent. */
static int similarity(const nb_sketch *x, const nb_sketch *y)
{
    int i = 0, j = 0, taken = 0, both = 0, k = x->n < y->n ? y->n : x->n;
    while (taken < k && (i < x->n || j < y->n)) {
        if (j >= y->n || (i < x->n && x->h[i] < y->h[j]))
            i++;
        else if (i >= x->n || y->h[j] < x->h[i])
            j++;
        else {
            both++;
            i++;
            j++;
        }
        taken++;
    }
    return taken ? (100 * both + taken / 2) / taken : 0;
}

/* ---------------------------------------------------------------- tables */

/* FNV-1a, 64 bits. */
#define FNV64_BASIS 1469598103934665603ull
#define FNV64_PRIME 1099511628211ull

/* The prime's powers: an xor with a zero byte leaves the hash as it is,
 * so a run of k zero bytes is one multiply by the k-th. */
#define P1 FNV64_PRIME
#define P2 (P1 * P1)
#define P4 (P2 * P2)
static const uint64_t fnv_power[9] = {1, P1, P2, P2 * P1, P4, P4 * P1, P4 * P2, P4 * P2 * P1, P4 * P4};
#undef P1
#undef P2
#undef P4

/* h on over the eight bytes of x from the lowest, as FNV-1a takes them:
 * those above x's highest byte that is not zero taken at once. */
static uint64_t fnv_bytes(uint64_t h, uint64_t x)
{
    int k = x ? (64 - __builtin_clzll(x) + 7) / 8 : 0; /* the bytes up to the highest not zero */
    for (int b = 0; b < k; b++)
        h = (h ^ (x >> 8 * b & 0xFF)) * FNV64_PRIME;
    return h * fnv_power[8 - k];
}

/* A table's figures hashed (each cell's value as nb_cell_sum_value gives
 * it, its eight bytes then its scale): *state 0 when a cell has no value,
 * 1 when every figure is 0, else 2 with the hash in *print. */
static void table_print(const nb_report *r, int table, int *state, uint64_t *print)
{
    const nb_schema *sc = r->schema;
    uint64_t h = FNV64_BASIS;
    int zero = 1;
    *state = 0;
    for (int rr = 0, first = 0; rr < sc->nrows; first += sc->rows[rr++].ncols) { /* first: the row's first cell */
        if (sc->rows[rr].table != table)
            continue;
        for (int c = 0; c < sc->rows[rr].ncols; c++) {
            nb_num v;
            int inferred = 0;
            if (nb_cell_sum_value(r, first + c, &v, &inferred) != 0)
                return;
            zero &= v.v == 0;
            h = (fnv_bytes(h, (uint64_t)v.v) ^ (uint64_t)v.scale) * FNV64_PRIME;
        }
    }
    *state = zero ? 1 : 2;
    *print = h;
}

/* ---------------------------------------------------------------- growth */

static void subject_values(const nb_report *r, nb_summary *s)
{
    static const char *const ids[NB_NGROW][2] = {{"t3.new.total", "t3.carried_in.total"},
                                                 {"t4.review.total", NULL},
                                                 {"t4.suit_direct.total", "t4.suit_after.total"},
                                                 {"t2.normative.issued", NULL}};
    for (int k = 0; k < NB_NGROW; k++) {
        nb_num v[2] = {{0, 0}, {0, 0}};
        int ok = 1, inferred = 0;
        for (int j = 0; j < 2 && ids[k][j]; j++) {
            int ci = nb_schema_find_cell(r->schema, ids[k][j]);
            ok &= ci >= 0 && nb_cell_sum_value(r, ci, &v[j], &inferred) == 0 && nb_num_is_int(v[j]);
        }
        long long both; /* a sum past a long long is no value */
        int fits = !__builtin_add_overflow(v[0].v, v[1].v, &both);
        if (!ok || (k == NB_GROW_SUIT && !fits))
            continue;
        s->has_value[k][0] = 1;
        s->value[k][0] = k == NB_GROW_SUIT ? both : v[0].v;
        if (k == NB_GROW_RECEIVED && fits) {
            s->has_value[k][1] = 1;
            s->value[k][1] = both;
        }
    }
}

/* Where the clause before the one holding at begins (two clauses back). */
static size_t two_clauses_back(const char *t, size_t at)
{
    int clauses = 0;
    size_t i = at;
    while (i > 0 && at - i < 240) {
        size_t s = i - 1;
        while (s > 0 && (((unsigned char)t[s]) & 0xC0) == 0x80)
            s--;
        size_t j = s;
        uint32_t c = nb_fold(nb_utf8_get(t, i, &j));
        if (c == 0x3002 || c == ';' || (c == ',' && ++clauses == 2))
            return i;
        i = s;
    }
    return i;
}

/* The subject named last in t[a, b): 申请, 复议, 诉讼, 规范性文件; -1 if
 * none; *at where it is named. */
static int subject_in(const char *t, size_t a, size_t b, size_t *at)
{
    static const char *const words[NB_NGROW] = {"申请", "复议", "诉讼", "规范性文件"};
    int best = -1;
    size_t best_at = 0;
    for (int k = 0; k < NB_NGROW; k++) {
        size_t from = a;
        const char *p;
        while (from < b && (p = nb_find(t + from, b - from, words[k], strlen(words[k])))) {
            if ((size_t)(p - t) >= best_at) {
                best = k;
                best_at = (size_t)(p - t);
            }
            from = (size_t)(p - t) + 1;
        }
    }
    *at = best_at;
    return best;
}

/* After a comparison (同比 …): 增长 / 下降 …, then P%: 1 with g filled. */
static int read_growth(const char *t, size_t n, size_t from, nb_growth *g)
{
    static const char *const up[] = {"增长", "增加", "上升", "提高"}, *const down[] = {"下降", "减少", "降低"};
    size_t end = from + 24 < n ? from + 24 : n, at = end;
    int sign = 0;
    for (int k = 0; k < 4; k++) {
        const char *p = nb_find(t + from, end - from, up[k], 6);
        if (p && (size_t)(p - t) < at)
            at = (size_t)(p - t), sign = 1;
    }
    for (int k = 0; k < 3; k++) {
        const char *p = nb_find(t + from, end - from, down[k], 6);
        if (p && (size_t)(p - t) < at)
            at = (size_t)(p - t), sign = -1;
    }
    if (!sign)
        return 0;
    size_t i = at + 6, e;
    while (i < n && i < at + 30 && !(t[i] >= '0' && t[i] <= '9'))
        i++;
    for (e = i; e < n && ((t[e] >= '0' && t[e] <= '9') || t[e] == '.'); e++)
        ;
    size_t pe = e;
    while (pe < n && t[pe] == ' ')
        pe++;
    int pct = pe < n && (t[pe] == '%' || (n - pe >= 3 && !memcmp(t + pe, "％", 3)));
    if (e == i || !pct || nb_parse_value(t + i, e - i, &g->pct) != NB_ST_NUMBER)
        return 0;
    g->pct.v *= sign;
    g->len = pe + (t[pe] == '%' ? 1 : 3);
    return 1;
}

/* The marks a growth claim follows. Each holds 比 or 较 (its key) key_at
 * bytes from its start: the text is searched once for each of the two
 * characters, each place tried for the marks that hold it there, rather
 * than once for each mark. */
typedef struct growth_mark {
    const char *word;
    size_t len, key_at;
    int key;
} growth_mark;
#define MARK(w, key_at, key) {w, sizeof w - 1, key_at, key}
static const growth_mark growth_marks[] = {
    MARK("比上年", 0, 0), MARK("较上年", 0, 1), MARK("同比", 3, 0), MARK("比去年", 0, 0), MARK("较去年", 0, 1),
};
#define NMARKS (sizeof growth_marks / sizeof growth_marks[0])
#define GROWTH_MAX 8 /* a summary's growth claims at most */
_Static_assert(GROWTH_MAX == sizeof ((nb_summary *)0)->growth / sizeof(nb_growth), "nb_summary.growth");

int nb_growth_at(const char *t, size_t n, size_t at, size_t ml, nb_growth *g)
{
    if (!read_growth(t, n, at + ml, g))
        return 0;
    size_t a = two_clauses_back(t, at), named;
    g->subject = subject_in(t, a, at, &named);
    if (g->subject < 0)
        return 0;
    g->off = named; /* quoted from the subject on */
    g->len -= named;
    return 1;
}

/* The claims of the marks of one key, each mark's first in the order of the
 * text into found[k], as many as the marks before it in the list leave
 * room for (GROWTH_MAX in all: growth_claims takes no more). A mark in the tables' zone [za, zb) (no
 * narrative) is none; its key stands at most three bytes past its start,
 * so the keys from za + 3 on in the zone are not searched. */
static void key_claims(const char *t, size_t n, size_t za, size_t zb, int key, nb_growth found[][GROWTH_MAX],
                       int *nfound)
{
    static const char *const keys[2] = {"比", "较"};
    size_t from = 0;
    const char *p;
    while (from < n && (p = nb_find_outside(t, n, from, za + 3, zb, keys[key], 3))) {
        size_t at = (size_t)(p - t);
        from = at + 3;
        for (size_t k = 0, before = 0; k < NMARKS; before += (size_t)nfound[k++]) {
            const growth_mark *m = &growth_marks[k];
            if (m->key != key || at < m->key_at || before + (size_t)nfound[k] >= GROWTH_MAX)
                continue;
            size_t ms = at - m->key_at;
            if (ms + m->len > n || memcmp(t + ms, m->word, m->len) != 0 || (zb > za && ms >= za && ms < zb))
                continue;
            nfound[k] += nb_growth_at(t, n, ms, m->len, &found[k][nfound[k]]);
        }
    }
}

/* The growth claims, mark by mark in the order of the list, each mark's in
 * the order of the text, GROWTH_MAX at most. */
static void growth_claims(const nb_report *r, nb_summary *s)
{
    nb_growth found[NMARKS][GROWTH_MAX];
    int nfound[NMARKS] = {0};
    for (int key = 0; key < 2; key++)
        key_claims(r->doc.text, r->doc.len, r->tables_off, r->tables_end, key, found, nfound);
    for (size_t k = 0; k < NMARKS; k++)
        for (int i = 0; i < nfound[k] && s->ngrowth < GROWTH_MAX; i++)
            s->growth[s->ngrowth++] = found[k][i];
}

void nb_summarize_text(const nb_report *r, nb_summary *s)
{
    static const int secs[2] = {NB_SEC_GENERAL, NB_SEC_PROBLEMS};
    for (int k = 0; k < 2; k++) {
        const nb_section *sec = &r->sec[secs[k]];
        if (!sec->present)
            continue;
        nb_sketch_text(r->doc.text, sec->body_off, sec->body_end, &s->text[k], 1);
        s->text[k].off = sec->head_off;
        s->text[k].len = sec->head_len;
    }
    for (int t = 0; t < 3; t++)
        table_print(r, NB_T2 + t, &s->table_state[t], &s->table_print[t]);
    subject_values(r, s);
    growth_claims(r, s);
}

/* ---------------------------------------------------------------- the checks */

static nb_finding *pair_finding(nb_rule_id rule, const nb_summary *prev, size_t off, nb_findings *out, nb_err *err)
{
    nb_finding *f = nb_finding_add_at(out, rule, off, err);
    if (f) {
        f->other_file = prev->file;
        f->other_agency = prev->agency;
        f->year = prev->year;
    }
    return f;
}

static int same_sections(const nb_summary *prev, const nb_summary *cur, nb_findings *out, nb_err *err)
{
    static const int secs[2] = {NB_SEC_GENERAL, NB_SEC_PROBLEMS};
    for (int k = 1; k >= 0; k--) { /* 五 first: the one reviewers look at */
        const nb_sketch *a = &prev->text[k], *b = &cur->text[k];
        if (a->chars < 60 || b->chars < 60)
            continue;
        int sim = similarity(a, b);
        if (sim < 90)
            continue;
        nb_finding *f = pair_finding(NB_RULE_YEAR_SAME_TEXT, prev, b->off, out, err);
        if (!f)
            return -1;
        f->form = NB_FORM_SAME_SECTION;
        f->section = secs[k];
        f->claim_off = b->off;
        f->claim_len = b->len;
        f->lhs = nb_num_int(sim);
    }
    return 0;
}

/* Every table with a figure in either year read whole and the same. */
static int same_tables(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                       nb_err *err)
{
    int figures = 0;
    if (prev->format != cur->format)
        return 0;
    for (int t = 0; t < 3; t++) {
        if (prev->table_state[t] == 1 && cur->table_state[t] == 1)
            continue; /* all zero both years */
        if (!prev->table_state[t] || !cur->table_state[t] || prev->table_print[t] != cur->table_print[t])
            return 0;
        figures |= 1 << t;
    }
    if (!figures)
        return 0;
    nb_finding *f = pair_finding(NB_RULE_YEAR_SAME_TEXT, prev, 0, out, err);
    if (!f)
        return -1;
    f->has_off = 0;
    f->form = NB_FORM_SAME_TABLES;
    f->mask = (unsigned)figures;
    for (int rr = schema->nrows - 1; rr >= 0; rr--) { /* the tables' totals, T4 and T3 first */
        const nb_row *row = &schema->rows[rr];
        if (figures & (1 << (row->table - NB_T2)))
            nb_finding_add_cell(f, nb_schema_first_cell(schema, rr) + row->ncols - 1);
    }
    return 0;
}

/* The change from a to b in hundredths of a percent. */
static long long change(long long a, long long b)
{
    double v = 10000.0 * (double)(b - a) / (double)a;
    return (long long)(v + (v < 0 ? -0.5 : 0.5));
}

static int growths(const nb_summary *prev, const nb_summary *cur, nb_findings *out, nb_err *err)
{
    for (int i = 0; i < cur->ngrowth; i++) {
        const nb_growth *g = &cur->growth[i];
        nb_num stated = g->pct, tol = {1, g->pct.scale}; /* one unit of the last decimal written */
        long long best = 0;
        int any = 0, fits = 0;
        for (int v = 0; v < 2; v++) {
            if (!prev->has_value[g->subject][v] || !cur->has_value[g->subject][v] || prev->value[g->subject][v] <= 0)
                continue;
            nb_num actual = {change(prev->value[g->subject][v], cur->value[g->subject][v]), 2}, d = stated;
            d.v = -d.v;
            d = nb_num_add(actual, d);
            d.v = d.v < 0 ? -d.v : d.v;
            fits |= nb_num_cmp(d, tol) <= 0 || nb_num_cmp(d, nb_num_int(1)) < 0;
            if (!any)
                best = actual.v;
            any = 1;
        }
        if (!any || fits)
            continue;
        nb_finding *f = pair_finding(NB_RULE_TEXT_SHARE, prev, g->off, out, err);
        if (!f)
            return -1;
        f->form = NB_FORM_GROWTH;
        f->claim_off = g->off;
        f->claim_len = g->len;
        f->has_sides = 1;
        f->lhs = stated;
        f->rhs = nb_num_trim((nb_num){best, 2});
    }
    return 0;
}

int nb_check_years_text(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                        nb_err *err)
{
    if (same_sections(prev, cur, out, err) != 0 || same_tables(prev, cur, schema, out, err) != 0)
        return -1;
    return growths(prev, cur, out, err);
}
