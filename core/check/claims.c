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
#include "base/vec.h"

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

typedef struct claim_ctx {
    const nb_report *r;
    const nb_ctx *ctx;
    nb_findings *out;
    pcre2_match_data *md;
} claim_ctx;

/* Value of a cell, or -1 when it holds no number. */
static int cellv(const nb_report *r, const char *id, long long *v, int *ci)
{
    *ci = nb_schema_find_cell(r->schema, id);
    if (*ci < 0)
        return -1;
    const nb_cell *c = &r->cells[*ci];
    if ((c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED) || !nb_num_is_int(c->num))
        return -1;
    *v = c->num.v;
    return 0;
}

/* Is [a, b) inside the tables' rows? Claims are in sentences, not cells. */
static int in_table_cell(const nb_report *r, size_t a)
{
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        if (c->has_span && a >= c->off && a < c->off + c->len)
            return 1;
    }
    return 0;
}

static void mismatch(claim_ctx *C, size_t ms, size_t me, size_t noff, long long said, const char **ids, int nids,
                     long long table, nb_severity sev, const char *what)
{
    nb_finding *f;
    nb_findings *out = C->out;
    if (nb_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16) != 0)
        return;
    f = &out->v[out->n++];
    memset(f, 0, sizeof *f);
    f->rule = nb_rule_index("TEXT.TABLE_MISMATCH");
    f->severity = sev;
    f->suspect = -1;
    for (int k = 0; k < nids; k++) {
        int ci = nb_schema_find_cell(C->r->schema, ids[k]);
        if (ci >= 0 && f->ncells < NB_FCELLS) {
            f->cells[f->ncells++] = ci;
            if (C->r->cells[ci].status == NB_ST_INFERRED)
                f->inferred = 1;
        }
    }
    f->off = noff;
    f->has_off = 1;
    f->claim_off = ms;
    f->claim_len = me - ms;
    f->has_sides = 1;
    f->lhs = nb_num_int(said);
    f->rhs = nb_num_int(table);
    snprintf(f->detail, sizeof f->detail, "%s", what);
}

static void add_plain(claim_ctx *C, const char *rule, size_t ms, size_t me, size_t noff, long long a, long long b,
                      const char *detail)
{
    nb_findings *out = C->out;
    if (nb_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16) != 0)
        return;
    nb_finding *f = &out->v[out->n++];
    memset(f, 0, sizeof *f);
    f->rule = nb_rule_index(rule);
    f->severity = nb_rules(&(int){0})[f->rule].severity;
    f->suspect = -1;
    f->off = noff;
    f->has_off = 1;
    f->claim_off = ms;
    f->claim_len = me - ms;
    f->has_sides = 1;
    f->lhs = nb_num_int(a);
    f->rhs = nb_num_int(b);
    snprintf(f->detail, sizeof f->detail, "%s", detail);
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

int nb_check_claims(const nb_report *r, const nb_ctx *ctx, nb_findings *out)
{
    pcre2_code **re = ctx->re_claims;
    if (!re)
        return 0;
    claim_ctx C = {r, ctx, out, ctx->match};
    const char *t = r->doc.text;
    size_t n = r->doc.len;
    long long v_new, v_in, v_rev, v_sd, v_sa, v_iss, v_force;
    int ci;
    int has_new = cellv(r, "t3.new.total", &v_new, &ci) == 0;
    int has_in = cellv(r, "t3.carried_in.total", &v_in, &ci) == 0;
    int has_rev = cellv(r, "t4.review.total", &v_rev, &ci) == 0;
    int has_suit = cellv(r, "t4.suit_direct.total", &v_sd, &ci) == 0 && cellv(r, "t4.suit_after.total", &v_sa, &ci) == 0;
    int has_iss = r->format == 2021 && cellv(r, "t2.normative.issued", &v_iss, &ci) == 0;
    int has_force = r->format == 2021 && cellv(r, "t2.normative.in_force", &v_force, &ci) == 0;
    int said_received = 0, said_review = 0, said_suit = 0;
    size_t last_ms[NCLAIMS];
    for (int k = 0; k < NCLAIMS; k++)
        last_ms[k] = (size_t)-1;
    /* one pass per distinct anchor; every kind of that anchor is tried there */
    for (int a0 = 0; a0 < NCLAIMS; a0++) {
        int first = 1;
        for (int q = 0; q < a0 && first; q++)
            if (!strcmp(claim_anchor[q].anchor, claim_anchor[a0].anchor))
                first = 0;
        if (!first)
            continue;
        size_t al = strlen(claim_anchor[a0].anchor), at_from = 0;
        const char *hit;
        while (at_from < n && (hit = nb_find(t + at_from, n - at_from, claim_anchor[a0].anchor, al))) {
            size_t at = (size_t)(hit - t);
            at_from = at + al;
            /* the narrative only: not the zone of T2 and T3 */
            if (at >= r->tables_off && at < r->tables_end)
                continue;
            for (int k = a0; k < NCLAIMS; k++) {
            if (strcmp(claim_anchor[k].anchor, claim_anchor[a0].anchor))
                continue;
            size_t ws = at > (size_t)claim_anchor[k].before ? at - (size_t)claim_anchor[k].before : 0;
            size_t we = at + al + (size_t)claim_anchor[k].after < n ? at + al + (size_t)claim_anchor[k].after : n;
            while (ws > 0 && (((unsigned char)t[ws]) & 0xC0) == 0x80)
                ws++;
            while (we < n && (((unsigned char)t[we]) & 0xC0) == 0x80)
                we++;
            size_t from = ws;
            int rc = -1;
            PCRE2_SIZE *ov = NULL;
            /* the first match in the window that holds this anchor */
            while (from < at) {
                rc = pcre2_match(re[k], (PCRE2_SPTR)t, we, from, PCRE2_NO_UTF_CHECK, C.md, NULL);
                if (rc <= 0)
                    break;
                ov = pcre2_get_ovector_pointer(C.md);
                if (ov[0] <= at && ov[1] >= at + al)
                    break;
                rc = -1;
                from = ov[0] + 1;
                while (from < we && (((unsigned char)t[from]) & 0xC0) == 0x80)
                    from++;
            }
            if (rc <= 0 || !ov || ov[0] == last_ms[k])
                continue;
            size_t ms = ov[0], me = ov[1];
            last_ms[k] = ms;
            if (in_table_cell(r, ms))
                continue;
            long long num = -1;
            size_t noff = ms;
            if (rc > 1 && ov[2] != PCRE2_UNSET) {
                num = nb_parse_cn_number(t + ov[2], ov[3] - ov[2]);
                noff = ov[2];
            }
            switch (k) {
            case CL_RECEIVED:
            case CL_RECEIVED_NONE:
                if (k == CL_RECEIVED_NONE)
                    num = 0;
                if (num < 0 || !has_new || said_received++)
                    break;
                if (num != v_new) {
                    const char *ids[] = {"t3.new.total", "t3.carried_in.total"};
                    if (has_in && num == v_new + v_in)
                        mismatch(&C, ms, me, noff, num, ids, 2, v_new, NB_SEV_INFO, "received+carried");
                    else
                        mismatch(&C, ms, me, noff, num, ids, 1, v_new, NB_SEV_ERROR, "received");
                }
                break;
            case CL_CARRIED:
                if (num >= 0 && has_in && num != v_in) {
                    const char *ids[] = {"t3.carried_in.total"};
                    mismatch(&C, ms, me, noff, num, ids, 1, v_in, NB_SEV_ERROR, "carried");
                }
                break;
            case CL_HANDLED: {
                long long v_tot;
                int tci;
                if (num >= 0 && cellv(r, "t3.total.total", &v_tot, &tci) == 0 && num != v_tot) {
                    const char *ids[] = {"t3.total.total"};
                    mismatch(&C, ms, me, noff, num, ids, 1, v_tot, NB_SEV_ERROR, "handled");
                }
                break;
            }
            case CL_REVIEW:
            case CL_REVIEW_NONE:
                if (k == CL_REVIEW_NONE)
                    num = 0;
                if (num >= 0 && has_rev && !said_review++ && num != v_rev) {
                    const char *ids[] = {"t4.review.total"};
                    mismatch(&C, ms, me, noff, num, ids, 1, v_rev, NB_SEV_ERROR, "review");
                }
                break;
            case CL_SUIT:
            case CL_SUIT_NONE:
                if (k == CL_SUIT_NONE)
                    num = 0;
                if (num >= 0 && has_suit && !said_suit++ && num != v_sd + v_sa) {
                    const char *ids[] = {"t4.suit_direct.total", "t4.suit_after.total"};
                    mismatch(&C, ms, me, noff, num, ids, 2, v_sd + v_sa, NB_SEV_ERROR, "suit");
                }
                break;
            case CL_ISSUED:
                if (num >= 0 && has_iss && num != v_iss) {
                    const char *ids[] = {"t2.normative.issued"};
                    mismatch(&C, ms, me, noff, num, ids, 1, v_iss, NB_SEV_ERROR, "issued");
                }
                break;
            case CL_IN_FORCE:
                if (num >= 0 && has_force && num != v_force) {
                    const char *ids[] = {"t2.normative.in_force"};
                    mismatch(&C, ms, me, noff, num, ids, 1, v_force, NB_SEV_ERROR, "in_force");
                }
                break;
            case CL_PARTS: {
                if (num <= 0 || ov[4] == PCRE2_UNSET)
                    break;
                char unit[8];
                size_t ul = ov[5] - ov[4];
                if (ul >= sizeof unit)
                    break;
                memcpy(unit, t + ov[4], ul);
                unit[ul] = '\0';
                int parts;
                long long sum = enumeration_sum(t, me, n, unit, &parts);
                if (parts >= 2 && sum > num)
                    add_plain(&C, "TEXT.PARTS_EXCEED", ms, me, noff, sum, num, unit);
                break;
            }
            case CL_RATE: {
                /* the counts of 受理 and 办结 in the same sentence */
                size_t ss = ms;
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
                char sent[1024];
                size_t sl = me - ss < sizeof sent - 1 ? me - ss : sizeof sent - 1;
                memcpy(sent, t + ss, sl);
                sent[sl] = '\0';
                const char *pa = strstr(sent, "受理"), *pb = strstr(sent, "办结");
                if (!pa || !pb)
                    break;
                long long a = -1, b = -1;
                for (const char *p = pa; *p && a < 0; p++)
                    if (*p >= '0' && *p <= '9')
                        a = strtoll(p, NULL, 10);
                for (const char *p = pb; *p && b < 0 && !(p[0] == '\xe7' && !strncmp(p, "率", 3)); p++)
                    if (*p >= '0' && *p <= '9')
                        b = strtoll(p, NULL, 10);
                double rate = strtod(t + ov[2], NULL);
                if (a > 0 && b >= 0) {
                    double want = 100.0 * (double)b / (double)a;
                    if (want - rate > 0.5 || rate - want > 0.5)
                        add_plain(&C, "TEXT.RATE", ms, me, ov[2], (long long)(rate * 100), (long long)(want * 100),
                                  "rate");
                }
                break;
            }
            }
            }
        }
    }
    return 0;
}
