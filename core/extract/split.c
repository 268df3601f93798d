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

/* Node (ti, di, pi) of the search: token ti from its digit di on gives
 * parts pi and after. */
static void split_dfs(splitter *S, int ti, int di, int pi)
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
        S->cur[pi] = S->whole[ti];
        split_dfs(S, ti + 1, 0, pi + 1);
        return;
    }
    size_t start = di ? S->dend[ti][di - 1] : k->off;
    if (pi >= S->want)
        return;
    /* digits left in this token (before any decimal point) */
    int left = S->nd[ti] - di;
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
    int len = 0;
    for (int d = di; d < S->nd[ti]; d++) {
        size_t i = S->dend[ti][d];
        v = v * 10 + S->dval[ti][d];
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
            split_dfs(S, ti, d + 1, pi + 1);
        if (len == 1 && v == 0)
            break; /* no number starts with 0 */
    }
}

/* Read each token once: a whole token's part, a run's digits (before any
 * decimal point); 0 when a run has more digits than any reading takes. */
static int read_tokens(splitter *S)
{
    for (int ti = 0; ti < S->n; ti++) {
        const tok *k = &S->toks[S->idx[ti]];
        part *w = &S->whole[ti];
        S->nd[ti] = 0;
        if (!k->blob) {
            w->off = k->off;
            w->len = k->len;
            w->st = nb_parse_value(S->t + k->off, k->len, &w->num);
            if (w->st != NB_ST_NUMBER)
                w->num = nb_num_int(0);
            continue;
        }
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
        S->caps[k] = S->caps[k + 1] + tok_digits(S, k);
    if (one_digit_each(S)) {
        /* the search below would find exactly this; the sums still decide */
        int pi = 0;
        for (int k = 0; k < n; k++) {
            const tok *t = &S->toks[idx[k]];
            if (!t->blob) { /* one part, as the search reads it: an empty field is a blank cell */
                part *p = &S->cur[pi++];
                p->off = t->off;
                p->len = t->len;
                if ((p->st = nb_parse_value(S->t + t->off, t->len, &p->num)) != NB_ST_NUMBER)
                    p->num = nb_num_int(0);
                continue;
            }
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
        return;
    }
    if (read_tokens(S)) /* else no reading takes every digit: none is found */
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
