/* claims_sums.c — the narrative's arithmetic: TEXT.PARTS_EXCEED (共 N 件，
 * 其中 a 件、b 件… adding up to more than N, the parts of one enumeration
 * only: it ends at 。 ； or where another statement starts), TEXT.RATE
 * (办结率 against the 受理 and 办结 counts of its sentence) and TEXT.SHARE
 * (N 件，占 P% against its sentence's whole; any rate over 100%). */
#include "check/claims_internal.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <stdlib.h>
#include <string.h>

/* Words that start another statement inside an enumeration's sentence. */
static const char *const other_statement[] = {"行政复议", "行政诉讼", "此外", "另外", "同时", "上年结转", "结转",
                                              "办结",     "答复",     "同比", "比上年", "较上年", "增加",   "减少",
                                              "增长",     "下降"};

#define NOTHER (sizeof other_statement / sizeof other_statement[0])

int nb_claims_sums_init(claims_ctx *cc)
{
    return nb_needles_init(&cc->others, other_statement, (int)NOTHER);
}

/* Does the joined text [a, b) hold one of the words of another statement?
 * All of them looked for in one pass (the words one at a time when there is
 * no memory for their places). */
static int starts_other(scan *sc, size_t a, size_t b)
{
    const char *t = sc->j.t;
    size_t np = 0;
    if (b <= a)
        return 0;
    if (nb_find_all(&sc->cc->others, t + a, b - a, &sc->places, &sc->places_cap, &np) == 0)
        return np > 0;
    for (size_t k = 0; k < NOTHER; k++)
        if (nb_find(t + a, b - a, other_statement[k], strlen(other_statement[k])))
            return 1;
    return 0;
}

/* The parts after 其中, of the unit, up to the enumeration's end: numbers
 * in brackets are details of a part, not parts. *end is past the last. */
static int enumeration(scan *sc, size_t from, const char *unit, long long *parts, int cap, long long *sum,
                       size_t *end)
{
    const char *t = sc->j.t;
    size_t n = sc->j.n;
    const char *units[] = {unit, NULL};
    size_t i = from, since = from;
    int np = 0, depth = 0;
    *sum = 0;
    *end = from;
    while (i < n) {
        size_t here = i, de, ue;
        uint32_t c = nb_fold(nb_utf8_get(t, n, &i));
        if (c == 0x3002 || c == ';' || c == '\n') /* 。 ；(folded) ; or the paragraph's end */
            break;
        if (c == '(' || c == ')')
            depth += c == '(' ? 1 : depth > 0 ? -1 : 0;
        long long v = depth ? -1 : nb_count_at(t, from, here, n, units, &de, &ue);
        if (v < 0)
            continue;
        if (starts_other(sc, since, here))
            break;
        *sum += v;
        if (np < cap)
            parts[np] = v;
        np++;
        i = since = *end = ue;
    }
    return np;
}

static int judge_parts(scan *sc, const claim_match *m)
{
    size_t ul;
    const char *u = nb_claim_group(sc, m, 2, &ul);
    char unit[8];
    if (m->num <= 0 || !u || ul >= sizeof unit)
        return 0;
    memcpy(unit, u, ul);
    unit[ul] = '\0';
    long long parts[8], sum;
    size_t end;
    int np = enumeration(sc, m->me, unit, parts, 8, &sum, &end);
    if (np < 2 || sum <= m->num)
        return 0;
    claim_match whole = *m;
    whole.me = end;
    nb_finding *f = nb_claim_finding(sc, NB_RULE_TEXT_PARTS_EXCEED, &whole, m->noff, sum, m->num);
    if (!f)
        return -1;
    f->text = (nb_span){nb_joined_orig(&sc->j, m->ov[4]), ul};
    f->nparts = np;
    memcpy(f->parts, parts, sizeof f->parts);
    return 0;
}

/* The first number after the word w in s[a, b) (before 率 when
 * stop_at_rate), or -1. */
static long long count_after(const char *s, size_t a, size_t b, const char *w, int stop_at_rate)
{
    const char *p = b > a ? nb_find(s + a, b - a, w, strlen(w)) : NULL;
    if (!p)
        return -1;
    for (; p < s + b && !(stop_at_rate && !strncmp(p, "率", 3)); p++)
        if (*p >= '0' && *p <= '9')
            return strtoll(p, NULL, 10);
    return -1;
}

/* A percentage's group (the last of its pattern, the % sign after it) as a
 * number, and the tolerance its decimals leave (one unit of the last
 * decimal written). */
static int percent(const scan *sc, const claim_match *m, int g, double *pct, double *tol)
{
    size_t l;
    const char *p = nb_claim_group(sc, m, g, &l);
    if (!p || nb_parse_percent(p, (size_t)(sc->j.t + m->me - p), pct) != 0)
        return -1;
    const char *dot = memchr(p, '.', l);
    *tol = 1.0;
    for (size_t k = dot ? (size_t)(p + l - dot - 1) : 0; k > 0; k--)
        *tol /= 10.0;
    return 0;
}

/* Does the rate starting at ms measure timeliness (按时 / 按期 / 及时 / 如期
 * / 限时办结率: of those concluded, not of all)? */
static int on_time(const scan *sc, size_t a, size_t ms)
{
    static const char *const words[] = {"按时", "按期", "及时", "如期", "限时"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (ms >= a + 6 && !memcmp(sc->j.t + ms - 6, words[k], 6))
            return 1;
    return 0;
}

/* TEXT.RATE: 办结率 N% against the counts of 受理 and 办结 in the same
 * sentence; 100% while T3 carries some over is TEXT.CONTRADICTION. */
static int judge_rate(scan *sc, const claim_match *m)
{
    size_t a, b;
    double rate, tol;
    if (percent(sc, m, 1, &rate, &tol) != 0)
        return 0;
    nb_claim_sentence(sc, m->ms, &a, &b);
    if (on_time(sc, a, m->ms))
        return 0;
    if (rate >= 100.0 && nb_judge_all_done(sc, m) != 0)
        return -1;
    if (!nb_claim_has(sc, a, m->me, "受理") || !nb_claim_has(sc, a, m->me, "办结"))
        return 0;
    long long acc = count_after(sc->j.t, a, m->me, "受理", 0), done = count_after(sc->j.t, a, m->me, "办结", 1);
    if (acc <= 0 || done < 0)
        return 0;
    double want = 100.0 * (double)done / (double)acc;
    if (want - rate <= 0.5 && rate - want <= 0.5)
        return 0;
    claim_match counts = *m; /* the claim is the counts and the rate */
    counts.ms = a;
    return nb_claim_finding(sc, NB_RULE_TEXT_RATE, &counts, m->ov[2], (long long)(rate * 100),
                            (long long)(want * 100 + 0.5))
               ? 0
               : -1;
}

/* A percentage to two decimals, as short as it goes (75, 33.33). */
static nb_num hundredths(double v)
{
    nb_num n = {(long long)(v * 100.0 + (v < 0 ? -0.5 : 0.5)), 2};
    return nb_num_trim(n);
}

/* A rate over 100%: not one of growth (增长率, 上升率 …) or of a target
 * met (完成率 120%). */
static int judge_over_100(scan *sc, const claim_match *m, int word_group, int pct_group)
{
    static const char *const growth[] = {"增", "涨", "升", "长", "高", "利", "汇", "倍", "收益", "完成", "达成"};
    size_t wl;
    double pct, tol;
    const char *w = nb_claim_group(sc, m, word_group, &wl);
    if (percent(sc, m, pct_group, &pct, &tol) != 0 || pct <= 100.0)
        return 0;
    for (size_t k = 0; w && k < sizeof growth / sizeof growth[0]; k++)
        if (nb_find(w, wl, growth[k], strlen(growth[k])))
            return 0;
    nb_finding *f = nb_claim_finding(sc, NB_RULE_TEXT_SHARE, m, m->ov[2 * pct_group], 0, 0);
    if (!f)
        return -1;
    f->form = NB_FORM_OVER_100;
    f->lhs = hundredths(pct);
    f->rhs = nb_num_int(100);
    return 0;
}

/* The whole of a share: the first number of the unit in the sentence
 * before the part that 共 / 总 / 合计 / 累计 / 全年 / 收到 / 受理 lead. */
static int share_whole(const scan *sc, size_t a, size_t part, const char *unit, long long *w, size_t *at)
{
    static const char *const leads[] = {"共", "总", "合计", "累计", "全年", "收到", "受理"};
    const char *t = sc->j.t, *units[] = {unit, NULL};
    for (size_t i = a; i < part; i++) {
        size_t de, ue, lo = i > a + 24 ? i - 24 : a;
        long long v = nb_count_at(t, a, i, part, units, &de, &ue);
        int led = 0;
        for (size_t k = 0; v >= 0 && k < sizeof leads / sizeof leads[0]; k++)
            led |= nb_find(t + lo, i - lo, leads[k], strlen(leads[k])) != NULL;
        if (led) {
            *w = v;
            *at = i;
            return 1;
        }
    }
    return 0;
}

/* TEXT.SHARE: N 件，占 P% against the whole its sentence names. */
static int judge_share(scan *sc, const claim_match *m)
{
    double pct, tol;
    size_t ul, a, b, wat;
    const char *u = nb_claim_group(sc, m, 2, &ul);
    char unit[8];
    long long whole;
    if (m->num < 0 || !u || ul >= sizeof unit || percent(sc, m, 3, &pct, &tol) != 0)
        return 0;
    memcpy(unit, u, ul);
    unit[ul] = '\0';
    if (pct > 100.0)
        return judge_over_100(sc, m, 0, 3);
    nb_claim_sentence(sc, m->ms, &a, &b);
    if (!share_whole(sc, a, m->ms, unit, &whole, &wat) || whole <= 0 || whole < m->num)
        return 0;
    double want = 100.0 * (double)m->num / (double)whole;
    if (want - pct <= tol + 1e-9 && pct - want <= tol + 1e-9)
        return 0;
    claim_match span = *m;
    span.ms = wat;
    nb_finding *f = nb_claim_finding(sc, NB_RULE_TEXT_SHARE, &span, m->ov[6], 0, 0);
    if (!f)
        return -1;
    f->form = NB_FORM_SHARE;
    f->lhs = hundredths(pct);
    f->rhs = hundredths(want);
    f->nparts = 2;
    f->parts[0] = m->num;
    f->parts[1] = whole;
    return 0;
}

int nb_judge_sums(scan *sc, claim_match *m)
{
    switch (m->k) {
    case K_PARTS:
        return judge_parts(sc, m);
    case K_RATE:
        return judge_rate(sc, m);
    case K_ANYRATE:
        return judge_over_100(sc, m, 1, 2);
    case K_SHARE:
        return judge_share(sc, m);
    }
    return 0;
}
