/* claims.c — numbers the narrative states about the tables: applications
 * received (收到…申请 N 件), carried over, 行政复议 N 件, 行政诉讼 N 件,
 * documents issued or in force (制发…规范性文件 N 件), enumerations (共 N 条，
 * 其中 a 条、b 条…) and rates (办结率 100%). Numbers may be Arabic, full
 * width or Chinese (三, 十二, 一百零五, 两); 未收到 / 无 mean 0. A claim never
 * runs across a sentence end (。；). Each keeps its span for the console. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "check/claims.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUM "([0-9\\x{FF10}-\\x{FF19}]+|[零〇一二两三四五六七八九十百千万]+)"
#define GAP(n) "[^。；;\\n]{0," #n "}?"
#define S "\\s*"

enum { CL_RECEIVED, CL_RECEIVED_NONE, CL_CARRIED, CL_HANDLED, CL_REVIEW, CL_REVIEW_NONE, CL_SUIT, CL_SUIT_NONE,
       CL_ISSUED, CL_IN_FORCE, CL_PARTS, CL_RATE, NCLAIMS };

static const char *const claim_re[NCLAIMS] = {
    /* 收到/受理/新收…申请 N 件 */
    "(?:收" S "到|受" S "理|新" S "收|接" S "收|接" S "到|办" S "理)" GAP(16) "申" S "请" GAP(8)
    "(?:共计|共|总计|合计)?" S NUM S "(?:件|个|宗|份)",
    /* 未收到…申请 */
    "(?:未|没有)" S "(?:收" S "到|受" S "理|接" S "到)" GAP(14) "申" S "请",
    /* 上年结转…N 件 */
    "上" S "年" S "结" S "转" GAP(12) NUM S "件",
    /* 办结…申请 N 件 (handled: （七）总计) */
    "办" S "结" "(?!" S "率)" GAP(12) "申" S "请" GAP(6) "(?:共计|共|总计|合计)?" S NUM S "件",
    /* 行政复议 N 件 / N 件…行政复议 */
    "行" S "政" S "复" S "议" "[^。；;，,、\\n]{0,8}?" NUM S "(?:件|起|宗|个)",
    "(?:无|未发生|没有|未收到|未产生)" GAP(6) "行" S "政" S "复" S "议",
    "行" S "政" S "诉" S "讼" "[^。；;，,、\\n]{0,8}?" NUM S "(?:件|起|宗|个)",
    "(?:无|未发生|没有|未收到|未产生)" GAP(6) "行" S "政" S "诉" S "讼",
    "制" S "发" GAP(16) "规" S "范" S "性" S "文" S "件" S NUM S "件",
    "现" S "行" S "有" S "效" GAP(8) "规" S "范" S "性" S "文" S "件" S NUM S "件",
    /* 共 N 条，其中 … */
    "(?:共" GAP(6) ")?(?<![0-9])" NUM S "(件|条|篇|个|项|期|次)" "[^。；;\\n0-9]{0,4}?[，,。：:]" S "其" S "中",
    /* 办结率 N% */
    "办" S "结" S "率" GAP(4) "([0-9]+(?:\\.[0-9]+)?)" S "[%％]",
};

/* A character every match of a kind holds, and how far (bytes) a match may
 * start before it and end after it: the pattern runs only around these. */
static const struct {
    const char *anchor;
    int before, after;
} claim_anchor[NCLAIMS] = {
    {"申", 150, 120}, {"申", 150, 30}, {"转", 60, 150}, {"办", 30, 180}, {"复", 60, 120}, {"复", 90, 30},
    {"诉", 60, 120},  {"诉", 90, 30},  {"规", 150, 90}, {"规", 120, 90}, {"其", 150, 30}, {"率", 30, 90},
};

int nb_claims_init(nb_ctx *c, nb_err *err)
{
    pcre2_code **re = calloc(NCLAIMS, sizeof *re);
    if (!re)
        return nb_err_set(err, NB_E_NOMEM, "out of memory");
    c->re_claims = re;
    for (int k = 0; k < NCLAIMS; k++) {
        int ec;
        PCRE2_SIZE eo;
        re[k] = pcre2_compile((PCRE2_SPTR)claim_re[k], PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_NO_UTF_CHECK, &ec,
                              &eo, NULL);
        if (!re[k]) {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(ec, buf, sizeof buf);
            return nb_err_set(err, NB_E_PATTERN, "internal claim pattern %d: offset %zu: %s", k, (size_t)eo,
                              (char *)buf);
        }
        pcre2_jit_compile(re[k], PCRE2_JIT_COMPLETE);
    }
    return 0;
}

void nb_claims_free(nb_ctx *c)
{
    pcre2_code **re = c->re_claims;
    if (!re)
        return;
    for (int k = 0; k < NCLAIMS; k++)
        pcre2_code_free(re[k]);
    free(re);
    c->re_claims = NULL;
}

/* What the tables say, for the claims to be held against. */
typedef struct table_says {
    int has_new, has_in, has_rev, has_suit, has_iss, has_force;
    long long v_new, v_in, v_rev, v_sd, v_sa, v_iss, v_force;
} table_says;

/* One scan of the narrative. */
typedef struct scan {
    const nb_report *r;
    nb_findings *out;
    nb_err *err;
    pcre2_code **re;
    pcre2_match_data *md;
    table_says tab;
    int said_received, said_review, said_suit; /* only the first such claim counts */
    size_t last_ms[NCLAIMS];                   /* where the last match of each kind began */
} scan;

/* A claim found: its kind, span, number (-1 if none) and the number's place. */
typedef struct claim_match {
    int k;
    size_t ms, me, noff;
    long long num;
    PCRE2_SIZE *ov;
} claim_match;

/* Value of a cell, or -1 when it holds no number. */
static int cellv(const nb_report *r, const char *id, long long *v)
{
    int ci = nb_schema_find_cell(r->schema, id);
    if (ci < 0)
        return -1;
    const nb_cell *c = &r->cells[ci];
    if ((c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED) || !nb_num_is_int(c->num))
        return -1;
    *v = c->num.v;
    return 0;
}

static void read_tables(const nb_report *r, table_says *t)
{
    memset(t, 0, sizeof *t);
    t->has_new = cellv(r, "t3.new.total", &t->v_new) == 0;
    t->has_in = cellv(r, "t3.carried_in.total", &t->v_in) == 0;
    t->has_rev = cellv(r, "t4.review.total", &t->v_rev) == 0;
    t->has_suit = cellv(r, "t4.suit_direct.total", &t->v_sd) == 0 && cellv(r, "t4.suit_after.total", &t->v_sa) == 0;
    t->has_iss = r->format == 2021 && cellv(r, "t2.normative.issued", &t->v_iss) == 0;
    t->has_force = r->format == 2021 && cellv(r, "t2.normative.in_force", &t->v_force) == 0;
}

/* Is a inside the tables' cells? Claims are in sentences, not cells. */
static int in_table_cell(const nb_report *r, size_t a)
{
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        if (c->has_span && a >= c->off && a < c->off + c->len)
            return 1;
    }
    return 0;
}

/* A TEXT.* finding quoting the claim, with what is said and the other side. */
static nb_finding *claim_finding(scan *sc, nb_rule_id rule, const claim_match *m, size_t noff, long long said,
                                 long long other)
{
    nb_finding *f = nb_finding_add_at(sc->out, rule, noff, sc->err);
    if (!f)
        return NULL;
    f->claim_off = m->ms;
    f->claim_len = m->me - m->ms;
    f->has_sides = 1;
    f->lhs = nb_num_int(said);
    f->rhs = nb_num_int(other);
    return f;
}

/* TEXT.TABLE_MISMATCH: the claim says what the cells ids (their sum) do not. */
static int mismatch(scan *sc, const claim_match *m, const char *const *ids, int nids, long long table, nb_severity sev,
                    nb_claim claim)
{
    nb_finding *f = claim_finding(sc, NB_RULE_TEXT_TABLE_MISMATCH, m, m->noff, m->num, table);
    if (!f)
        return -1;
    f->severity = sev;
    f->claim = claim;
    for (int k = 0; k < nids; k++) {
        int ci = nb_schema_find_cell(sc->r->schema, ids[k]);
        if (ci >= 0) {
            nb_finding_add_cell(f, ci);
            if (sc->r->cells[ci].status == NB_ST_INFERRED)
                f->inferred = 1;
        }
    }
    return 0;
}

/* A claim of one cell's number: a mismatch when the cell holds another. */
static int compare(scan *sc, const claim_match *m, int has, long long table, const char *id, nb_claim claim)
{
    if (m->num < 0 || !has || m->num == table)
        return 0;
    return mismatch(sc, m, &id, 1, table, NB_SEV_ERROR, claim);
}

/* Applications received: new, or (said both ways, so info) new + carried in. */
static int judge_received(scan *sc, const claim_match *m)
{
    const table_says *t = &sc->tab;
    if (m->num < 0 || !t->has_new || sc->said_received++ || m->num == t->v_new)
        return 0;
    static const char *const ids[] = {"t3.new.total", "t3.carried_in.total"};
    if (t->has_in && m->num == t->v_new + t->v_in)
        return mismatch(sc, m, ids, 2, t->v_new, NB_SEV_INFO, NB_CLAIM_RECEIVED_CARRIED);
    return mismatch(sc, m, ids, 1, t->v_new, NB_SEV_ERROR, NB_CLAIM_RECEIVED);
}

static int judge_review(scan *sc, const claim_match *m)
{
    const table_says *t = &sc->tab;
    if (m->num < 0 || !t->has_rev || sc->said_review++ || m->num == t->v_rev)
        return 0;
    static const char *const ids[] = {"t4.review.total"};
    return mismatch(sc, m, ids, 1, t->v_rev, NB_SEV_ERROR, NB_CLAIM_REVIEW);
}

static int judge_suit(scan *sc, const claim_match *m)
{
    const table_says *t = &sc->tab;
    if (m->num < 0 || !t->has_suit || sc->said_suit++ || m->num == t->v_sd + t->v_sa)
        return 0;
    static const char *const ids[] = {"t4.suit_direct.total", "t4.suit_after.total"};
    return mismatch(sc, m, ids, 2, t->v_sd + t->v_sa, NB_SEV_ERROR, NB_CLAIM_SUIT);
}

/* Sum the numbers of the given unit after 其中, up to the sentence's end. */
static long long enumeration_sum(const char *t, size_t from, size_t end, const char *unit, int *parts)
{
    long long sum = 0;
    *parts = 0;
    size_t i = from, ul = strlen(unit);
    while (i < end) {
        size_t here = i;
        uint32_t c = nb_utf8_get(t, end, &i);
        if (c == 0x3002 || (c == '\n' && i < end && (t[i] == '\n' || t[i] == '\r'))) /* 。 or a blank line ends it */
            break;
        if (!(c >= '0' && c <= '9'))
            continue;
        size_t ns = here, ne = i;
        while (ne < end && t[ne] >= '0' && t[ne] <= '9')
            ne++;
        size_t u = ne;
        while (u < end && t[u] == ' ')
            u++;
        if (ns > from && t[ns - 1] >= '0' && t[ns - 1] <= '9')
            continue;
        if (end - u >= ul && !memcmp(t + u, unit, ul)) {
            sum += nb_parse_cn_number(t + ns, ne - ns);
            (*parts)++;
        }
        i = ne;
    }
    return sum;
}

/* TEXT.PARTS_EXCEED: 共 N 条，其中 a 条、b 条… with a + b + … > N. */
static int judge_parts(scan *sc, const claim_match *m)
{
    const PCRE2_SIZE *ov = m->ov;
    if (m->num <= 0 || ov[4] == PCRE2_UNSET)
        return 0;
    char unit[8];
    size_t ul = ov[5] - ov[4];
    if (ul >= sizeof unit)
        return 0;
    memcpy(unit, sc->r->doc.text + ov[4], ul);
    unit[ul] = '\0';
    int parts;
    long long sum = enumeration_sum(sc->r->doc.text, m->me, sc->r->doc.len, unit, &parts);
    if (parts < 2 || sum <= m->num)
        return 0;
    nb_finding *f = claim_finding(sc, NB_RULE_TEXT_PARTS_EXCEED, m, m->noff, sum, m->num);
    if (!f)
        return -1;
    f->text = (nb_span){ov[4], ul};
    return 0;
}

/* Where the sentence holding position at begins (after 。；; or a line end). */
static size_t sentence_start(const char *t, size_t at)
{
    size_t ss = at;
    while (ss > 0) {
        size_t p = ss - 1;
        while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
            p--;
        size_t q = p;
        uint32_t c = nb_utf8_get(t, ss, &q);
        if (c == 0x3002 || c == 0xFF1B || c == ';' || c == '\n')
            break;
        ss = p;
    }
    return ss;
}

/* The first number after the word w in s (before 率 when stop_at_rate), or -1. */
static long long count_after(const char *s, const char *w, int stop_at_rate)
{
    const char *p = strstr(s, w);
    if (!p)
        return -1;
    for (; *p && !(stop_at_rate && p[0] == '\xe7' && !strncmp(p, "率", 3)); p++)
        if (*p >= '0' && *p <= '9')
            return strtoll(p, NULL, 10);
    return -1;
}

/* TEXT.RATE: 办结率 N% against the counts of 受理 and 办结 in the same sentence. */
static int judge_rate(scan *sc, const claim_match *m)
{
    const char *t = sc->r->doc.text;
    size_t ss = sentence_start(t, m->ms);
    char sent[1024];
    size_t sl = m->me - ss < sizeof sent - 1 ? m->me - ss : sizeof sent - 1;
    memcpy(sent, t + ss, sl);
    sent[sl] = '\0';
    if (!strstr(sent, "受理") || !strstr(sent, "办结"))
        return 0;
    long long a = count_after(sent, "受理", 0), b = count_after(sent, "办结", 1);
    double rate;
    if (a <= 0 || b < 0 || nb_parse_percent(t + m->ov[2], m->me - m->ov[2], &rate) != 0)
        return 0;
    double want = 100.0 * (double)b / (double)a;
    if (want - rate <= 0.5 && rate - want <= 0.5)
        return 0;
    return claim_finding(sc, NB_RULE_TEXT_RATE, m, m->ov[2], (long long)(rate * 100), (long long)(want * 100)) ? 0
                                                                                                           : -1;
}

/* Hold a claim against the tables. */
static int judge(scan *sc, claim_match *m)
{
    const table_says *t = &sc->tab;
    if (m->k == CL_RECEIVED_NONE || m->k == CL_REVIEW_NONE || m->k == CL_SUIT_NONE)
        m->num = 0; /* 未收到…申请, 无行政复议: none */
    switch (m->k) {
    case CL_RECEIVED_NONE:
    case CL_RECEIVED:
        return judge_received(sc, m);
    case CL_CARRIED:
        return compare(sc, m, t->has_in, t->v_in, "t3.carried_in.total", NB_CLAIM_CARRIED);
    case CL_HANDLED: {
        long long v_tot;
        int has = cellv(sc->r, "t3.total.total", &v_tot) == 0;
        return compare(sc, m, has, has ? v_tot : 0, "t3.total.total", NB_CLAIM_HANDLED);
    }
    case CL_REVIEW_NONE:
    case CL_REVIEW:
        return judge_review(sc, m);
    case CL_SUIT_NONE:
    case CL_SUIT:
        return judge_suit(sc, m);
    case CL_ISSUED:
        return compare(sc, m, t->has_iss, t->v_iss, "t2.normative.issued", NB_CLAIM_ISSUED);
    case CL_IN_FORCE:
        return compare(sc, m, t->has_force, t->v_force, "t2.normative.in_force", NB_CLAIM_IN_FORCE);
    case CL_PARTS:
        return judge_parts(sc, m);
    case CL_RATE:
        return judge_rate(sc, m);
    }
    return 0;
}

static size_t to_char_start(const char *t, size_t i, size_t n)
{
    while (i < n && (((unsigned char)t[i]) & 0xC0) == 0x80)
        i++;
    return i;
}

/* The first match of kind k, in the window around the anchor at `at`, that
 * holds the anchor: 1 (m filled), or 0. */
static int match_around(scan *sc, int k, size_t at, size_t al, claim_match *m)
{
    const char *t = sc->r->doc.text;
    size_t n = sc->r->doc.len;
    size_t ws = at > (size_t)claim_anchor[k].before ? at - (size_t)claim_anchor[k].before : 0;
    size_t we = at + al + (size_t)claim_anchor[k].after < n ? at + al + (size_t)claim_anchor[k].after : n;
    if (ws > 0)
        ws = to_char_start(t, ws, n);
    we = to_char_start(t, we, n);
    for (size_t from = ws; from < at;) {
        int rc = pcre2_match(sc->re[k], (PCRE2_SPTR)t, we, from, PCRE2_NO_UTF_CHECK, sc->md, NULL);
        if (rc <= 0)
            return 0;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        if (ov[0] <= at && ov[1] >= at + al) {
            m->k = k;
            m->ms = ov[0];
            m->me = ov[1];
            m->ov = ov;
            m->num = -1;
            m->noff = m->ms;
            if (rc > 1 && ov[2] != PCRE2_UNSET) {
                m->num = nb_parse_cn_number(t + ov[2], ov[3] - ov[2]);
                m->noff = ov[2];
            }
            return 1;
        }
        from = to_char_start(t, ov[0] + 1, we);
    }
    return 0;
}

/* Every kind of claim with the anchor of kind a0, at every place of the
 * anchor in the narrative. */
static int scan_anchor(scan *sc, int a0)
{
    const nb_report *r = sc->r;
    const char *t = r->doc.text, *hit, *anchor = claim_anchor[a0].anchor;
    size_t n = r->doc.len, al = strlen(anchor), at_from = 0;
    while (at_from < n && (hit = nb_find(t + at_from, n - at_from, anchor, al))) {
        size_t at = (size_t)(hit - t);
        at_from = at + al;
        if (at >= r->tables_off && at < r->tables_end) /* the narrative only: not the zone of T2 and T3 */
            continue;
        for (int k = a0; k < NCLAIMS; k++) {
            claim_match m;
            if (strcmp(claim_anchor[k].anchor, anchor) || !match_around(sc, k, at, al, &m) || m.ms == sc->last_ms[k])
                continue;
            sc->last_ms[k] = m.ms;
            if (!in_table_cell(r, m.ms) && judge(sc, &m) != 0)
                return -1;
        }
    }
    return 0;
}

/* Has an earlier kind the same anchor (so its pass covered a0)? */
static int anchor_seen(int a0)
{
    for (int q = 0; q < a0; q++)
        if (!strcmp(claim_anchor[q].anchor, claim_anchor[a0].anchor))
            return 1;
    return 0;
}

int nb_check_claims(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err)
{
    if (!ctx->re_claims)
        return 0;
    scan sc = {r, out, err, ctx->re_claims, ctx->match, {0}, 0, 0, 0, {0}};
    read_tables(r, &sc.tab);
    for (int k = 0; k < NCLAIMS; k++)
        sc.last_ms[k] = (size_t)-1;
    /* one pass per distinct anchor; every kind of that anchor is tried there */
    for (int a0 = 0; a0 < NCLAIMS; a0++)
        if (!anchor_seen(a0) && scan_anchor(&sc, a0) != 0)
            return -1;
    return 0;
}
