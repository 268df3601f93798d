/* claims_tables.c — the narrative's numbers held against the cells they may
 * mean (TEXT.TABLE_MISMATCH: a number is flagged only when it matches none
 * of them; an error where the words leave one meaning, a warning where they
 * leave more), and its statements against T3's carry-over
 * (TEXT.CONTRADICTION: 全部办结 while some are carried over, or the reverse);
 * a figure the sentence gives of another year (2023年, 上年度, 2021年以来) is
 * held against nothing; 未发生行政复议纠错 against the corrected reviews, a
 * count of reviews and suits together against their sum. */
#include "check/claims_internal.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <string.h>

/* What a number may mean: a cell, a sum of cells, or the total of every row
 * whose ID starts so ("t3.deny.*": every 不予公开 row). */
typedef struct cand_def {
    const char *name; /* as messages show it */
    const char *ids[3];
} cand_def;

static const cand_def C_NEW = {"t3.new.total", {"t3.new.total"}};
static const cand_def C_NEW_IN = {"t3.new.total+t3.carried_in.total", {"t3.new.total", "t3.carried_in.total"}};
static const cand_def C_TOTAL = {"t3.total.total", {"t3.total.total"}};
static const cand_def C_CARRIED_IN = {"t3.carried_in.total", {"t3.carried_in.total"}};
static const cand_def C_CARRIED_OUT = {"t3.carried_out.total", {"t3.carried_out.total"}};
static const cand_def C_GRANTED = {"t3.granted.total", {"t3.granted.total"}};
static const cand_def C_GRANTED_PARTIAL = {"t3.granted.total+t3.partial.total", {"t3.granted.total", "t3.partial.total"}};
static const cand_def C_PARTIAL = {"t3.partial.total", {"t3.partial.total"}};
static const cand_def C_DENY = {"Σ t3.deny.*.total", {"t3.deny.*"}};
static const cand_def C_UNABLE = {"Σ t3.unable.*.total", {"t3.unable.*"}};
static const cand_def C_REFUSE = {"Σ t3.refuse.*.total", {"t3.refuse.*"}};
static const cand_def C_OTHER = {"Σ t3.other*.total", {"t3.other*"}};
static const cand_def C_REVIEW = {"t4.review.total", {"t4.review.total"}};
static const cand_def C_SUIT = {"t4.suit_direct.total+t4.suit_after.total", {"t4.suit_direct.total", "t4.suit_after.total"}};
static const cand_def C_REVIEW_SUIT = {"t4.review.total+t4.suit_direct.total+t4.suit_after.total",
                                       {"t4.review.total", "t4.suit_direct.total", "t4.suit_after.total"}};
static const cand_def C_REVIEW_UPHELD = {"t4.review.upheld", {"t4.review.upheld"}};
static const cand_def C_REVIEW_CORRECTED = {"t4.review.corrected", {"t4.review.corrected"}};
static const cand_def C_SUIT_UPHELD = {"t4.suit_direct.upheld+t4.suit_after.upheld",
                                       {"t4.suit_direct.upheld", "t4.suit_after.upheld"}};
static const cand_def C_SUIT_CORRECTED = {"t4.suit_direct.corrected+t4.suit_after.corrected",
                                          {"t4.suit_direct.corrected", "t4.suit_after.corrected"}};
static const cand_def C_ISSUED = {"t2.normative.issued", {"t2.normative.issued"}};
static const cand_def C_REG_ISSUED = {"t2.regulation.issued+t2.normative.issued",
                                      {"t2.regulation.issued", "t2.normative.issued"}};
static const cand_def C_IN_FORCE = {"t2.normative.in_force", {"t2.normative.in_force"}};
static const cand_def C_REPEALED = {"t2.normative.repealed", {"t2.normative.repealed"}};
static const cand_def C_LICENSING = {"t2.licensing.decisions", {"t2.licensing.decisions"}};
static const cand_def C_PENALTY = {"t2.penalty.decisions", {"t2.penalty.decisions"}};
static const cand_def C_COERCION = {"t2.coercion.decisions", {"t2.coercion.decisions"}};
static const cand_def C_NATURAL = {"t3.new.natural", {"t3.new.natural"}};
static const cand_def C_NATURAL_IN = {"t3.new.natural+t3.carried_in.natural", {"t3.new.natural", "t3.carried_in.natural"}};
static const cand_def C_NATURAL_TOTAL = {"t3.total.natural", {"t3.total.natural"}};

/* A candidate worked out: its value, its cells, and for a T3 row's total
 * the sum of the row's applicant columns too (a total left blank). */
typedef struct cand {
    const cand_def *def;
    long long v, cols;
    int cells[NB_FCELLS], n, inferred;
} cand;

/* Add the cell ci to c; -1 when it holds no number. */
static int add_cell(const nb_report *r, cand *c, int ci)
{
    long long v;
    if (nb_claim_cell_at(r, ci, &v) != 0)
        return -1;
    c->v += v;
    c->inferred |= r->cells[ci].status == NB_ST_INFERRED;
    if (c->n < NB_FCELLS)
        c->cells[c->n++] = ci;
    return 0;
}

/* The total of every row starting with prefix (its last '*' dropped). */
static int add_rows(const nb_report *r, cand *c, const char *pattern)
{
    size_t pl = strlen(pattern) - 1;
    const nb_schema *s = r->schema;
    int any = 0;
    for (int rr = 0; rr < s->nrows; rr++)
        if (!strncmp(s->rows[rr].id, pattern, pl)) {
            if (add_cell(r, c, nb_schema_first_cell(s, rr) + s->rows[rr].ncols - 1) != 0)
                return -1;
            any = 1;
        }
    return any ? 0 : -1;
}

/* The sum of a T3 row's six applicant cells, for a candidate that is one
 * row's total (its cell ci); else its value. */
static long long columns_of(const nb_report *r, const cand_def *d, int ci, long long v)
{
    const char *id = d->ids[0];
    size_t l = strlen(id);
    if (d->ids[1] || strncmp(id, "t3.", 3) || l < 6 || strcmp(id + l - 6, ".total"))
        return v;
    long long sum = 0, x;
    for (int k = 1; k <= 6; k++) {
        if (nb_claim_cell_at(r, ci - k, &x) != 0)
            return v;
        sum += x;
    }
    return sum;
}

/* Work a candidate out: 0, or -1 when a cell it needs holds no number. */
static int resolve(const nb_report *r, const cand_def *d, cand *c)
{
    int first = -1;
    memset(c, 0, sizeof *c);
    c->def = d;
    for (int k = 0; k < 3 && d->ids[k]; k++) {
        const char *id = d->ids[k];
        int ci = nb_schema_find_cell(r->schema, id);
        if (id[strlen(id) - 1] == '*' ? add_rows(r, c, id) != 0 : ci < 0 || add_cell(r, c, ci) != 0)
            return -1;
        first = k ? first : ci;
    }
    c->cols = columns_of(r, d, first, c->v);
    return 0;
}

/* TEXT.TABLE_MISMATCH unless the number is one of the candidates' values:
 * the finding names the first candidate's cells and shows two of them. */
static int against(scan *sc, const claim_match *m, const cand_def *const *defs, int n, nb_severity sev, nb_claim claim)
{
    cand c[3];
    int ok = 0;
    if (m->num < 0 || n > 3)
        return 0;
    for (int k = 0; k < n; k++) {
        if (resolve(sc->r, defs[k], &c[k]) != 0)
            return 0; /* a cell it may mean holds no number: nothing to hold it against */
        ok |= m->num == c[k].v || m->num == c[k].cols;
    }
    if (ok)
        return 0;
    nb_finding *f = nb_claim_finding(sc, NB_RULE_TEXT_TABLE_MISMATCH, m, m->noff, m->num, c[0].v);
    if (!f)
        return -1;
    f->severity = sev;
    f->claim = claim;
    f->word = c[0].def->name;
    for (int k = 0; k < c[0].n; k++)
        nb_finding_add_cell(f, c[0].cells[k]);
    f->inferred = c[0].inferred;
    if (n > 1) {
        f->word2 = c[1].def->name;
        f->rhs2 = nb_num_int(c[1].v);
    }
    return 0;
}

#define AGAINST(sc, m, sev, claim, ...)                                                                             \
    against(sc, m, (const cand_def *const[]){__VA_ARGS__}, (int)(sizeof((const cand_def *const[]){__VA_ARGS__}) / \
                                                                sizeof(const cand_def *)),                          \
            sev, claim)

/* Is the claim about last year (上年 / 去年 / 同比 shortly before it)? */
static int about_last_year(const scan *sc, const claim_match *m)
{
    size_t a = m->ms > 24 ? m->ms - 24 : 0;
    return nb_claim_has(sc, a, m->ms, "上年") || nb_claim_has(sc, a, m->ms, "去年") ||
           nb_claim_has(sc, a, m->ms, "同比");
}

static int digit_at(const char *t, size_t i, size_t n)
{
    return i < n && t[i] >= '0' && t[i] <= '9';
}

/* Does t[i] start the word w (l bytes)? Then 1 with its end (past a 度
 * after it) in *e, or -1 when 结转 follows (2023年结转, 上年度结转: carried in). */
static int word_then_carried(const char *t, size_t i, size_t n, const char *w, size_t l, size_t *e)
{
    if (n - i < l || memcmp(t + i, w, l))
        return 0;
    *e = i + l + (n - i - l >= 3 && !memcmp(t + i + l, "度", 3) ? 3 : 0);
    return n - *e >= 6 && !memcmp(t + *e, "结转", 6) ? -1 : 1;
}

/* A year in digits at t[i]: 2023年 (-1 when it is not y, 1 when it is, 0
 * with y unknown), 2021-2024年 / 2021至2024年 (-1: a span), 2023年结转 (0:
 * carried in from it); its end in *e. */
static int year_in_digits(const char *t, size_t i, size_t n, int y, size_t *e)
{
    size_t j = i;
    int v = 0;
    while (j - i < 4 && digit_at(t, j, n))
        v = v * 10 + (t[j++] - '0');
    if (j - i < 4 || (i > 0 && digit_at(t, i - 1, n)) || digit_at(t, j, n) || v < 1990 || v > 2100)
        return 0;
    while (j < n && t[j] == ' ')
        j++;
    size_t to = j < n && t[j] == '-' ? j + 1 : j;
    if (to == j && n - j >= 3 && (!memcmp(t + j, "—", 3) || !memcmp(t + j, "至", 3)))
        to = j + 3;
    if (to > j && digit_at(t, to, n)) {
        while (digit_at(t, to, n))
            to++;
        *e = n - to >= 3 && !memcmp(t + to, "年", 3) ? to + 3 : to;
        return -1;
    }
    int w = word_then_carried(t, j, n, "年", 3, e);
    return w <= 0 ? 0 : y && v != y ? -1 : y ? 1 : 0;
}

/* The year a word at t[i] names (1 this year, -1 another, 0 none; 2 the
 * year named right before it, else this) and its end in *e: a year in
 * digits, 上年 / 去年 / 上一年 (not 上年结转), 今年 / 本年, 全年 / 当年 (2023年全年:
 * 2023's), 近三年 (a span). Every word but the digits starts E4 to E8, and
 * is told by its first character. */
static int year_word(const char *t, size_t i, size_t n, int y, size_t *e)
{
    const unsigned char *u = (const unsigned char *)t;
    if (u[i] >= '0' && u[i] <= '9')
        return year_in_digits(t, i, n, y, e);
    if (u[i] < 0xE4 || u[i] > 0xE8 || n - i < 6)
        return 0;
    int w;
    switch ((uint32_t)u[i] << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2]) {
    case 0xE4B88A: /* 上 */
        w = word_then_carried(t, i, n, "上年", 6, e);
        w = w ? w : word_then_carried(t, i, n, "上一年", 9, e);
        return w > 0 ? -1 : 0;
    case 0xE58EBB: /* 去 */
        return word_then_carried(t, i, n, "去年", 6, e) > 0 ? -1 : 0;
    case 0xE4BB8A: /* 今 */
    case 0xE69CAC: /* 本 */
        return !memcmp(t + i + 3, "年", 3) ? (*e = i + 6, 1) : 0;
    case 0xE585A8: /* 全 */
    case 0xE5BD93: /* 当 */
        return !memcmp(t + i + 3, "年", 3) ? (*e = i + 6, 2) : 0;
    case 0xE8BF91: { /* 近三年 */
        size_t d = i + 3;
        if (n - i < 9 || nb_cn_digit(nb_utf8_get(t, n, &d)) <= 0 || d != i + 6 || memcmp(t + d, "年", 3))
            return 0;
        *e = i + 9;
        return -1;
    }
    default:
        return 0;
    }
}

/* How far before a claim (bytes) the year that qualifies it is looked for. */
#define YEAR_REACH 120

/* Does a span's start (2021年至, 2021- ) end at p, before lo at most? */
static int span_before(const char *t, size_t lo, size_t p)
{
    while (p > lo && t[p - 1] == ' ')
        p--;
    size_t c = p > lo && t[p - 1] == '-' ? p - 1 : p;
    if (c == p && p >= lo + 3 &&
        (!memcmp(t + p - 3, "至", 3) || !memcmp(t + p - 3, "到", 3) || !memcmp(t + p - 3, "—", 3)))
        c = p - 3;
    while (c < p && c > lo && t[c - 1] == ' ')
        c--;
    return c < p && (digit_at(t, c - 1, p) || (c >= lo + 3 && !memcmp(t + c - 3, "年", 3)));
}

/* The year word whose 年 stands at t[y] (2023年, 上年, 上一年, 全年, 近三年,
 * 2023 年): what year_word says of it (0 for none), its start in *s and end
 * in *e. */
static int year_word_at(const char *t, size_t lo, size_t y, size_t n, int year, size_t *s, size_t *e)
{
    size_t p = y;
    while (p > lo && t[p - 1] == ' ')
        p--;
    size_t starts[3] = {p >= lo + 4 ? p - 4 : y, y >= lo + 3 ? y - 3 : y, y >= lo + 6 ? y - 6 : y};
    for (int k = 0; k < 3; k++) {
        int w = starts[k] < y ? year_word(t, starts[k], n, year, e) : 0;
        if (w && *e >= y + 3) {
            *s = starts[k];
            return w;
        }
    }
    return 0;
}

/* Is the claim about another year than the report's? The last year named
 * before it in its sentence (YEAR_REACH bytes back at most) says: 2023年全年共收到申请
 * 194件, 上年度发生行政诉讼10件, 2022年、2023年分别收到…; a span of years
 * (2021年至2024年, 2021年以来, 近三年) is another too. None: the report's.
 * Every year word holds a 年: the bytes are read back from the claim, and
 * only a 年 (or a sentence's end) stops the reading. */
static int about_other_year(const scan *sc, const claim_match *m)
{
    const char *t = sc->j.t;
    const unsigned char *u = (const unsigned char *)t;
    size_t s, e, lo = m->ms > YEAR_REACH ? m->ms - YEAR_REACH : 0;
    for (size_t i = m->ms; i-- > lo;) {
        if (u[i] == '\n' || u[i] == ';')
            return 0; /* the sentence starts here */
        if (u[i] < 0xE3 || u[i] > 0xEF || m->ms - i < 3)
            continue; /* no 年, 。 or ； starts here */
        if (!memcmp(t + i, "。", 3) || !memcmp(t + i, "；", 3))
            return 0;
        int w = memcmp(t + i, "年", 3) ? 0 : year_word_at(t, lo, i, m->ms, sc->r->year, &s, &e);
        if (!w)
            continue;
        if ((m->ms - e >= 6 && !memcmp(t + e, "以来", 6)) || span_before(t, lo, s))
            return 1;
        if (w < 2)
            return w < 0;
        size_t y = s >= lo + 6 && !memcmp(t + s - 3, "度", 3) ? s - 6 : s - 3, s2, e2; /* 2023年(度)全年 */
        int w2 = s >= lo + 3 && !memcmp(t + y, "年", 3) ? year_word_at(t, lo, y, m->ms, sc->r->year, &s2, &e2) : 0;
        return w2 < 0 && e2 == s;
    }
    return 0;
}

/* Applications received: 收到 = new (new + carried in: info); 受理 = new or
 * new + carried in; 办理 = either, or handled; 含上年结转 = new + carried in. */
static int judge_received(scan *sc, claim_match *m)
{
    size_t vl, a, b;
    const char *verb = nb_claim_group(sc, m, 1, &vl);
    if (m->num < 0 || sc->said[K_RECEIVED]++)
        return 0;
    nb_claim_sentence(sc, m->ms, &a, &b);
    int with_carried = nb_claim_has(sc, a, b, "含上年结转") || nb_claim_has(sc, a, b, "包括上年结转");
    if (with_carried)
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_ACCEPTED, &C_NEW_IN);
    if (verb && (nb_find(verb, vl, "受", 3)))
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_ACCEPTED, &C_NEW, &C_NEW_IN);
    if (verb && (nb_find(verb, vl, "办", 3)))
        return AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_ACCEPTED, &C_NEW, &C_NEW_IN, &C_TOTAL);
    cand n, ni;
    if (resolve(sc->r, &C_NEW, &n) != 0 || m->num == n.v)
        return 0;
    if (resolve(sc->r, &C_NEW_IN, &ni) == 0 && m->num == ni.v) { /* said both ways: info */
        nb_finding *f = nb_claim_finding(sc, NB_RULE_TEXT_TABLE_MISMATCH, m, m->noff, m->num, n.v);
        if (!f)
            return -1;
        f->severity = NB_SEV_INFO;
        f->claim = NB_CLAIM_RECEIVED_CARRIED;
        for (int k = 0; k < ni.n; k++)
            nb_finding_add_cell(f, ni.cells[k]);
        f->inferred = ni.inferred;
        return 0;
    }
    return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_RECEIVED, &C_NEW);
}

/* 予以公开 / 同意公开 / 部分公开 / 不予公开 N 件, 无法提供, 不予处理, 其他处理:
 * in a sentence about applications. */
static int judge_result(scan *sc, const claim_match *m)
{
    size_t a, b, wl;
    nb_claim_sentence(sc, m->ms, &a, &b);
    if (!nb_claim_has(sc, a, b, "申请") || about_last_year(sc, m))
        return 0;
    const char *w = nb_claim_group(sc, m, 1, &wl);
    if (m->k == K_RESULT_UNABLE)
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_UNABLE, &C_UNABLE);
    if (!w)
        return 0;
    if (nb_find(w, wl, "予", 3) && nb_find(w, wl, "以", 3))
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_GRANTED, &C_GRANTED);
    if (nb_find(w, wl, "同", 3))
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_GRANTED, &C_GRANTED, &C_GRANTED_PARTIAL);
    if (nb_find(w, wl, "部", 3))
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_PARTIAL, &C_PARTIAL);
    if (nb_find(w, wl, "公", 3))
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_DENIED, &C_DENY);
    if (nb_find(w, wl, "不", 3))
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_REFUSED, &C_REFUSE);
    return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_OTHER, &C_OTHER);
}

/* 维持 / 纠正 N 件: of the 复议 or 诉讼 named last before it in the sentence. */
static int judge_outcome(scan *sc, const claim_match *m)
{
    size_t a, b;
    nb_claim_sentence(sc, m->ms, &a, &b);
    const char *t = sc->j.t, *p;
    size_t review = 0, suit = 0, from = a;
    while (from < m->ms && (p = nb_find(t + from, m->ms - from, "复议", 6))) {
        review = (size_t)(p - t) + 1;
        from = review + 5;
    }
    from = a;
    while (from < m->ms && (p = nb_find(t + from, m->ms - from, "诉讼", 6))) {
        suit = (size_t)(p - t) + 1;
        from = suit + 5;
    }
    if (!review && !suit)
        return 0;
    int up = m->k == K_UPHELD;
    if (review > suit)
        return up ? AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_REVIEW_UPHELD, &C_REVIEW_UPHELD)
                  : AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_REVIEW_CORRECTED, &C_REVIEW_CORRECTED);
    return up ? AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_SUIT_UPHELD, &C_SUIT_UPHELD)
              : AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_SUIT_CORRECTED, &C_SUIT_CORRECTED);
}

static int judge_decisions(scan *sc, const claim_match *m)
{
    size_t wl;
    const char *w = nb_claim_group(sc, m, 1, &wl);
    if (!w || about_last_year(sc, m))
        return 0;
    if (nb_find(w, wl, "许", 3))
        return AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_LICENSING, &C_LICENSING);
    if (nb_find(w, wl, "罚", 3))
        return AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_PENALTY, &C_PENALTY);
    return AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_COERCION, &C_COERCION);
}

/* Is the sentence about applications, and not about proposals, petitions,
 * hotline calls or reviews (which are concluded too)? */
static int about_applications(const scan *sc, size_t a, size_t b)
{
    static const char *const others[] = {"建议", "提案", "诉求", "热线", "信访", "投诉", "留言",
                                         "来件", "来电", "工单", "复议", "诉讼"};
    if (!nb_claim_has(sc, a, b, "申请"))
        return 0;
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
        if (nb_claim_has(sc, a, b, others[k]))
            return 0;
    return 1;
}

/* Does the clause before at (from its last ，) speak of last year's
 * applications (上年结转的申请均已办结 says nothing of this year's)? */
static int carried_in_clause(const scan *sc, size_t a, size_t at)
{
    size_t c = a;
    const char *p;
    while (c < at && (p = nb_find(sc->j.t + c, at - c, "，", 3)))
        c = (size_t)(p - sc->j.t) + 3;
    return nb_claim_has(sc, c, at, "上年") || nb_claim_has(sc, c, at, "结转");
}

/* TEXT.CONTRADICTION: carried over (the total, or its columns when the
 * total is blank) against what the sentence says. */
static int contradiction(scan *sc, const claim_match *m, int says_all_done)
{
    size_t a, b;
    cand c;
    nb_claim_sentence(sc, m->ms, &a, &b);
    if (sc->contradicted || !about_applications(sc, a, b) || resolve(sc->r, &C_CARRIED_OUT, &c) != 0 ||
        carried_in_clause(sc, a, m->ms))
        return 0;
    long long carried = c.v > c.cols ? c.v : c.cols;
    if (says_all_done ? carried <= 0 : carried != 0)
        return 0;
    if (says_all_done && (nb_claim_has(sc, a, m->ms, "其余") || nb_claim_has(sc, a, m->ms, "余下") ||
                          nb_claim_has(sc, a, m->ms, "除")))
        return 0; /* 除1件结转下年度外，其余均已办结: the rest */
    if (!says_all_done && (nb_claim_has(sc, a, b, "0件") || nb_claim_has(sc, a, b, "0 件")))
        return 0;
    nb_finding *f = nb_claim_finding(sc, NB_RULE_TEXT_CONTRADICTION, m, m->ms, -1, carried);
    if (!f)
        return -1;
    f->has_sides = 0;
    f->form = says_all_done ? NB_FORM_ALL_DONE : NB_FORM_SOME_CARRIED;
    f->rhs = nb_num_int(carried);
    int ci = nb_schema_find_cell(sc->r->schema, "t3.carried_out.total");
    nb_finding_add_cell(f, ci);
    for (int k = 1; k <= 6 && says_all_done; k++) { /* the columns that carry some over */
        long long v;
        if (nb_claim_cell_at(sc->r, ci - k, &v) == 0 && v > 0)
            nb_finding_add_cell(f, ci - k);
    }
    sc->contradicted = 1;
    return 0;
}

int nb_judge_all_done(scan *sc, const claim_match *m)
{
    return contradiction(sc, m, 1);
}

/* Does the clause after the match (a few characters of it) speak of an
 * outcome: 未发生行政复议纠错, 无行政诉讼败诉案件? Where its word ends, else 0. */
static size_t outcome_after(const scan *sc, const claim_match *m)
{
    static const char *const words[] = {"纠错", "纠正", "败诉", "撤销", "确认违法"};
    size_t b = m->me + 18 < sc->j.n ? m->me + 18 : sc->j.n;
    const char *p = nb_find(sc->j.t + m->me, b - m->me, "，", 3);
    b = p ? (size_t)(p - sc->j.t) : b;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if ((p = nb_find(sc->j.t + m->me, b - m->me, words[k], strlen(words[k]))))
            return (size_t)(p - sc->j.t) + strlen(words[k]);
    return 0;
}

/* Is the count a joint one of reviews and suits (行政复议和行政诉讼共26件):
 * 诉讼 between 行政复议 and its number, or 行政复议 joined right before 行政诉讼
 * (和 、 及 与)? */
static int joint_count(const scan *sc, const claim_match *m)
{
    if (m->k == K_REVIEW)
        return nb_claim_has(sc, m->ms, m->noff, "诉讼");
    static const char *const joins[] = {"和", "、", "及", "与"};
    const char *t = sc->j.t;
    for (size_t k = 0; m->k == K_SUIT && m->ms >= 9 && k < sizeof joins / sizeof joins[0]; k++)
        if (!memcmp(t + m->ms - 3, joins[k], 3) && !memcmp(t + m->ms - 9, "复议", 6))
            return 1;
    return 0;
}

/* The claims of one review or suit count only once (the first); none of
 * reviews or suits that names an outcome (未发生行政复议纠错: that none was
 * corrected, held against the corrected ones) or a count of both together
 * (held against their sum). */
static int once(scan *sc, claim_match *m, int kind, const cand_def *d, nb_claim claim)
{
    size_t outcome = m->k == K_REVIEW_NONE || m->k == K_SUIT_NONE ? outcome_after(sc, m) : 0;
    if (outcome) {
        m->me = outcome; /* quoted with its outcome */
        return m->k == K_REVIEW_NONE
                   ? AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_REVIEW_CORRECTED, &C_REVIEW_CORRECTED)
                   : AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_SUIT_CORRECTED, &C_SUIT_CORRECTED);
    }
    if (joint_count(sc, m)) { /* judged once, at its 行政诉讼, quoted from its 复议 */
        if (m->k != K_SUIT)
            return 0;
        m->ms -= m->ms >= 15 && !memcmp(sc->j.t + m->ms - 15, "行政", 6) ? 15 : 9;
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_SUIT, &C_REVIEW_SUIT);
    }
    if (m->num < 0 || sc->said[kind]++)
        return 0;
    return AGAINST(sc, m, NB_SEV_ERROR, claim, d);
}

int nb_judge_table(scan *sc, claim_match *m)
{
    if (m->k == K_RECEIVED_NONE || m->k == K_REVIEW_NONE || m->k == K_SUIT_NONE)
        m->num = 0; /* 未收到…申请, 无行政复议: none */
    if (m->k < K_ALL_DONE && m->k != K_CARRIED && about_other_year(sc, m))
        return 0; /* 2023年收到申请194件: not this table's (nor the one claim of its kind judged) */
    switch (m->k) {
    case K_RECEIVED:
    case K_RECEIVED_NONE:
        return judge_received(sc, m);
    case K_CARRIED:
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_CARRIED, &C_CARRIED_IN);
    case K_CARRIED_OUT:
    case K_CARRIED_OUT2:
        return about_last_year(sc, m) ? 0 : AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_CARRIED_OUT, &C_CARRIED_OUT);
    case K_HANDLED:
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_HANDLED, &C_TOTAL);
    case K_ANSWERED:
    case K_CONCLUDED: {
        size_t a, b;
        nb_claim_sentence(sc, m->ms, &a, &b);
        if (!about_applications(sc, a, b) || about_last_year(sc, m))
            return 0;
        return AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_HANDLED, &C_TOTAL, &C_NEW);
    }
    case K_REVIEW:
    case K_REVIEW_NONE:
        return once(sc, m, K_REVIEW, &C_REVIEW, NB_CLAIM_REVIEW);
    case K_SUIT:
    case K_SUIT_NONE:
        return once(sc, m, K_SUIT, &C_SUIT, NB_CLAIM_SUIT);
    case K_ISSUED:
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_ISSUED, m->ov[2] != PCRE2_UNSET ? &C_REG_ISSUED : &C_ISSUED);
    case K_IN_FORCE:
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_IN_FORCE, &C_IN_FORCE);
    case K_REPEALED:
        return AGAINST(sc, m, NB_SEV_ERROR, NB_CLAIM_REPEALED, &C_REPEALED);
    case K_RESULT_OPEN:
    case K_RESULT_UNABLE:
    case K_RESULT_PROC:
        return judge_result(sc, m);
    case K_UPHELD:
    case K_CORRECTED:
        return judge_outcome(sc, m);
    case K_DECISIONS:
        return judge_decisions(sc, m);
    case K_NATURAL: { /* 其中自然人申请217件: in a sentence about applications */
        size_t a, b;
        nb_claim_sentence(sc, m->ms, &a, &b);
        if (!about_applications(sc, a, b))
            return 0;
        return AGAINST(sc, m, NB_SEV_WARNING, NB_CLAIM_NATURAL, &C_NATURAL, &C_NATURAL_IN, &C_NATURAL_TOTAL);
    }
    case K_ALL_DONE:
    case K_ALL_DONE2:
    case K_NO_CARRY:
        return contradiction(sc, m, 1);
    case K_PENDING:
        return contradiction(sc, m, 0);
    }
    return 0;
}
