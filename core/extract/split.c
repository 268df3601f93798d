/* split.c — run-together digits ("8855698" for 8 855 698 or 88 556 98 …)
 * split into a row's cells: every reading that gives the row its cells and
 * keeps the row's own sums (总计, T4's 总计 per group) is found by a bounded
 * depth-first search; a reading is never guessed. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "model/schema.h"
#include "text/num.h"
#include "text/numerals.h"

#include <string.h>

/* The search stops once it has gone through this many nodes. */
#define SPLIT_MAX_NODES 400000

/* A part's value as a plain integer when it is one small enough that six of
 * them add up within 64 bits exactly as nb_num_add adds them. */
#define SMALL_INT (1LL << 58)

static int is_small_int(nb_num a)
{
    return a.scale == 0 && a.v > -SMALL_INT && a.v < SMALL_INT;
}

/* Parts from..from+n of cur add up to part from+n, as exact decimals. */
static int num_sum_holds(const part *cur, int from, int n)
{
    nb_num s = nb_num_int(0);
    for (int c = from; c < from + n; c++)
        s = nb_num_add(s, cur[c].num);
    return nb_num_cmp(s, cur[from + n].num) == 0;
}

/* The same where every part is a small integer (S->small_ints: the digits
 * the search reads always are), in plain integers. */
static int int_sum_holds(const part *cur, int from, int n)
{
    long long s = 0;
    for (int c = from; c < from + n; c++)
        s += cur[c].num.v;
    return s == cur[from + n].num.v;
}

static int check_sums(const splitter *S)
{
    if (S->flags & NB_ROW_SUM)
        return S->small_ints ? int_sum_holds(S->cur, 0, 6) : num_sum_holds(S->cur, 0, 6);
    if (S->flags & NB_ROW_T4) {
        for (int g = 0; g < S->want / 5; g++)
            if (!(S->small_ints ? int_sum_holds(S->cur, g * 5, 4) : num_sum_holds(S->cur, g * 5, 4)))
                return 0;
    }
    return 1;
}

/* The digits of token k before any decimal point (a whole token: 1). */
static int tok_digits(const char *t, const tok *k)
{
    if (!k->blob)
        return 1;
    int nd = 0;
    size_t i = k->off, e = k->off + k->len;
    while (i < e) {
        unsigned char b = (unsigned char)t[i];
        if (b < 0x80) { /* ASCII folds to '.' only from '.' */
            i++;
            if (b == '.')
                break;
        } else if (nb_fold(nb_utf8_get(t, e, &i)) == '.') {
            break;
        }
        nd++;
    }
    return nd;
}

/* Count node (ti, di, pi) of the search, ti a token of the row, and tell
 * whether it goes on: a node with no room for its parts ends at once. What
 * the search counts and finds is that of calling each node and returning
 * from it. */
static inline int enter_inner(splitter *S, int ti, int di, int pi)
{
    if (++S->nodes > SPLIT_MAX_NODES)
        return 0;
    /* room left: every later token gives at least one part, and the
       digits left (caps[ti] − di: a whole token's one part, a run's digits
       before any point) give every part still wanted */
    return pi < S->want && pi + (S->n - ti) <= S->want && pi + S->caps[ti] - di >= S->want;
}

/* The same for node (ti, 0, pi), which past the last token is a reading
 * when it has every part and the sums hold. */
static inline int enter_node(splitter *S, int ti, int pi)
{
    if (ti < S->n)
        return enter_inner(S, ti, 0, pi);
    if (++S->nodes > SPLIT_MAX_NODES)
        return 0;
    if (pi == S->want && check_sums(S)) {
        if (S->nfound < MAXREAD)
            memcpy(S->found[S->nfound++], S->cur, sizeof(part) * (size_t)S->want);
        S->total++;
    }
    return 0;
}

/* Node (ti, di, pi) of the search, entered (enter_node): token ti from its
 * digit di on gives parts pi and after. */
static void split_dfs(splitter *S, int ti, int di, int pi)
{
    const tok *k = &S->toks[S->idx[ti]];
    size_t end = k->off + k->len;
    if (!k->blob) {
        S->cur[pi] = S->whole[ti];
        if (enter_node(S, ti + 1, pi + 1))
            split_dfs(S, ti + 1, 0, pi + 1);
        return;
    }
    size_t start = di ? S->dend[ti][di - 1] : k->off;
    part *p = &S->cur[pi];
    if (k->blob == 2 && (start == end - 1 || S->t[start] != '0' || S->t[start + 1] == '.')) {
        /* the rest, decimal part and all, as the last cell of this token */
        p->off = start;
        p->len = end - start;
        if (nb_parse_value(S->t + start, end - start, &p->num) == NB_ST_NUMBER) {
            p->st = NB_ST_INFERRED;
            if (enter_node(S, ti + 1, pi + 1))
                split_dfs(S, ti + 1, 0, pi + 1);
        }
    }
    /* the digits read: from di on, nine at most, one when it is 0 (no
       number starts with 0) */
    int nd = S->nd[ti];
    if (di >= nd)
        return;
    const uint32_t *dend = S->dend[ti];
    const unsigned char *dval = S->dval[ti];
    int stop = dval[di] == 0 ? di + 1 : di + 9 < nd ? di + 9 : nd;
    int inside = stop < nd ? stop : nd - 1; /* the parts that end before the token's last digit */
    p->off = start; /* the deeper nodes write the parts after this one only */
    p->st = NB_ST_INFERRED;
    long long v = 0;
    int d = di;
    for (; d < inside; d++) {
        v = v * 10 + dval[d];
        p->len = dend[d] - start;
        p->num = (nb_num){v, 0};
        if (enter_inner(S, ti, d + 1, pi + 1))
            split_dfs(S, ti, d + 1, pi + 1);
        if (S->nodes > SPLIT_MAX_NODES)
            return; /* every node from here on would end at once */
    }
    if (stop < nd)
        return;
    /* the part that ends with the token's last digit: the token's last
       part, or (before a point, the rest read as one number above) none */
    v = v * 10 + dval[d];
    size_t i = dend[d];
    p->len = i - start;
    p->num = (nb_num){v, 0};
    if (i == end) {
        if (enter_node(S, ti + 1, pi + 1))
            split_dfs(S, ti + 1, 0, pi + 1);
    } else if (k->blob == 1 || S->t[i] != '.') { /* an ASCII byte folds to '.' only from '.' */
        if (enter_inner(S, ti, d + 1, pi + 1))
            split_dfs(S, ti, d + 1, pi + 1);
    }
}

/* Read each token once: a whole token's part, a run's digits (before any
 * decimal point); 0 when a run has more digits than any reading takes. */
static int read_tokens(splitter *S)
{
    S->small_ints = 1;
    for (int ti = 0; ti < S->n; ti++) {
        const tok *k = &S->toks[S->idx[ti]];
        part *w = &S->whole[ti];
        S->nd[ti] = 0;
        if (!k->blob) {
            w->off = k->off;
            w->len = k->len;
            w->st = ex_token_value(S->t, k, &w->num);
            if (w->st != NB_ST_NUMBER)
                w->num = nb_num_int(0);
            S->small_ints &= is_small_int(w->num);
            continue;
        }
        S->small_ints &= k->blob == 1; /* a decimal part may be read */
        size_t i = k->off, e = k->off + k->len;
        while (i < e) {
            uint32_t c = nb_fold(nb_utf8_get(S->t, e, &i));
            if (c == '.')
                break;
            if (S->nd[ti] == MAXDIG)
                return 0;
            S->dend[ti][S->nd[ti]] = (uint32_t)i;
            S->dval[ti][S->nd[ti]++] = (unsigned char)(c - '0');
        }
    }
    return 1;
}

/* One digit a cell is the only reading when the digits number the cells
 * (caps[0]: the digits of the whole row). */
static int one_digit_each(const splitter *S)
{
    if (S->caps[0] != S->want)
        return 0;
    for (int k = 0; k < S->n; k++) {
        const tok *t = &S->toks[S->idx[k]];
        if (t->blob != 1 && t->kind == K_VALUE && !nb_all_digits(S->t + t->off, t->len))
            return 0;
    }
    return 1;
}

void ex_run_split(const assembly *A, splitter *S, const int *idx, int n, int want, unsigned flags)
{
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
        S->caps[k] = S->caps[k + 1] + tok_digits(S->t, &S->toks[idx[k]]);
    if (one_digit_each(S)) {
        /* the search below would find exactly this; the sums still decide */
        int pi = 0;
        S->small_ints = 1;
        for (int k = 0; k < n; k++) {
            const tok *t = &S->toks[idx[k]];
            if (!t->blob) { /* one part, as the search reads it: an empty field is a blank cell */
                part *p = &S->cur[pi++];
                p->off = t->off;
                p->len = t->len;
                if ((p->st = ex_token_value(S->t, t, &p->num)) != NB_ST_NUMBER)
                    p->num = nb_num_int(0);
                S->small_ints &= is_small_int(p->num);
                continue;
            }
            size_t i = t->off, e = t->off + t->len;
            while (i < e) {
                size_t s0 = i;
                uint32_t c = nb_fold(nb_utf8_get(S->t, e, &i));
                S->cur[pi].off = s0;
                S->cur[pi].len = i - s0;
                S->cur[pi].num = (nb_num){(long long)(c - '0'), 0};
                S->cur[pi].st = t->blob ? NB_ST_INFERRED : NB_ST_NUMBER;
                pi++;
            }
        }
        if (check_sums(S)) {
            memcpy(S->found[0], S->cur, sizeof(part) * (size_t)want);
            S->nfound = S->total = 1;
        }
        return;
    }
    /* else no reading takes every digit: none is found */
    if (read_tokens(S) && enter_node(S, 0, 0))
        split_dfs(S, 0, 0, 0);
}

int ex_row_needs_split(const assembly *A, const int *idx, int n, int want)
{
    if (n >= want)
        return 0;
    for (int i = 0; i < n; i++)
        if (A->toks[idx[i]].blob)
            return 1;
    return 0;
}
