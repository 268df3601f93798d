/* claims.c — numbers and statements the narrative makes about the tables:
 * the patterns (PCRE2, compiled once into the context), the scan of a
 * report's narrative with its lines joined (a sentence wrapped by a PDF
 * reads whole; spans point into the original text) handing each claim
 * to its judge (claims_tables.c, claims_sums.c; their helpers:
 * claims_common.c). Numbers may be Arabic,
 * full width or Chinese (三, 十二, 一百零五, 两); 未收到 / 无 mean 0. A claim
 * never runs across a sentence end (。；). */
#include "check/claims.h"
#include "check/claims_internal.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUM "([0-9\\x{FF10}-\\x{FF19}]+|[零〇一二两三四五六七八九十百千万]+)"
#define GAP(n) "[^。；;\\n]{0," #n "}?"
#define NOD(n) "[^。；;，,、\\n0-9]{0," #n "}?" /* no number, no clause break */
#define S "\\s*"
/* a decision count's few words after 行政许可 / 处罚 / 强制: not a list of items */
#define DECISION_GAP "(?:(?!事项|清单|目录|信息|公示|类)[^。；;，,、\\n0-9]){0,10}?"
/* a count's few words after 行政复议 / 行政诉讼, not its outcomes or parts */
#define COUNT_GAP "(?:(?!维|纠|其中)[^。；;，,、\\n0-9]){0,8}?"
#define PCT "([0-9]+(?:\\.[0-9]+)?)" S "[%％]"
#define ONWARD S "(?:至|到|入)?" S "下" S "一?" S "个?" S "年" S "度?"

/* Each kind: its pattern, a word every match holds and how far (bytes) a
 * match may start before it and end after it (the pattern runs only
 * around these), the group of its number, the characters one of which
 * every match holds after its anchor (its last word: 件, 议, %…; NULL where
 * the anchor itself may end the match) and those one of which it starts
 * with before its anchor (its first word; NULL where it may start with the
 * anchor or a number): without them in the window the pattern is not run. */
static const struct {
    const char *re, *anchor;
    int before, after, num;
    const char *tail, *head;
} kinds[NKINDS] = {
    [K_RECEIVED] = {"(?<!继续|结转)(收" S "到|受" S "理|新" S "收|接" S "收|接" S "到|办" S "理)" GAP(16) "申" S "请" GAP(8)
                    "(?:共计|共|总计|合计)?" S NUM S "(?:件|个|宗|份)", "申", 150, 120, 2, "件个宗份", "收受新接办"},
    [K_RECEIVED_NONE] = {"(?:未|没有)" S "(?:收" S "到|受" S "理|接" S "到)" GAP(14) "申" S "请", "申", 150, 30, 0, "请", "未没"},
    [K_CARRIED] = {"上" S "年" S "结" S "转" GAP(12) NUM S "件", "转", 60, 150, 1, "件", "上"},
    [K_CARRIED_OUT] = {"(?<!上年)(?:结" S "转|转" S "入|转" S "至|转)" ONWARD GAP(12) NUM S "件", "转", 30, 150, 1, "件", NULL},
    [K_CARRIED_OUT2] = {NUM S "件" NOD(6) "(?:结" S "转|转" S "入|转" S "至)" ONWARD, "转", 60, 60, 1, "年", NULL},
    [K_HANDLED] = {"办" S "结(?!" S "率)" GAP(12) "申" S "请" GAP(6) "(?:共计|共|总计|合计)?" S NUM S "件", "办", 30, 180, 1, "件", NULL},
    [K_ANSWERED] = {"(?:共|累计|全部|均|已|依法)" S "答" S "复(?!" S "率)[^。；;，,、\\n0-9申]{0,4}?" NUM S "件", "答", 30, 60, 1, "件", "共累全均已依"},
    [K_CONCLUDED] = {"(?:共|累计|全部|均|已|依法)" S "办" S "结(?!" S "率)[^。；;，,、\\n0-9申]{0,4}?" NUM S "件", "办", 30, 60,
                     1, "件", "共累全均已依"},
    [K_REVIEW] = {"行" S "政" S "复" S "议" COUNT_GAP NUM S "(?:件|起|宗|个)", "复", 60, 120, 1, "件起宗个", "行"},
    [K_REVIEW_NONE] = {"(?:无|未发生|没有|未收到|未产生)" GAP(6) "行" S "政" S "复" S "议", "复", 90, 30, 0, "议", "无未没"},
    [K_SUIT] = {"行" S "政" S "诉" S "讼" COUNT_GAP NUM S "(?:件|起|宗|个)", "诉", 60, 120, 1, "件起宗个", "行"},
    [K_SUIT_NONE] = {"(?:无|未发生|没有|未收到|未产生)" GAP(6) "行" S "政" S "诉" S "讼", "诉", 90, 30, 0, "讼", "无未没"},
    [K_ISSUED] = {"制" S "发" GAP(16) "(规" S "章" S "(?:和|及|与|、)" S ")?(?:行" S "政" S ")?规" S "范" S "性" S "文" S
                  "件" S NUM S "件", "规", 150, 90, 2, "件", "制"},
    [K_IN_FORCE] = {"现" S "行" S "有" S "效" GAP(8) "规" S "范" S "性" S "文" S "件" S NUM S "件", "规", 120, 90, 1, "件", "现"},
    [K_REPEALED] = {"废" S "止" GAP(16) "规" S "范" S "性" S "文" S "件" S NUM S "件", "规", 150, 90, 1, "件", "废"},
    [K_RESULT_OPEN] = {"(予" S "以" S "公" S "开|同" S "意" S "公" S "开|部" S "分" S "公" S "开|不" S "予" S "公" S "开)" NOD(8)
                       NUM S "件", "公", 30, 90, 2, "件", "予同部不"},
    [K_RESULT_UNABLE] = {"无" S "法" S "提" S "供" NOD(8) NUM S "件", "供", 30, 90, 1, "件", "无"},
    [K_RESULT_PROC] = {"(不" S "予" S "处" S "理|其" S "他" S "处" S "理)" NOD(8) NUM S "件", "处", 30, 90, 2, "件", "不其"},
    [K_UPHELD] = {"维" S "持" NOD(8) NUM S "(?:件|起|宗|个)", "维", 10, 90, 1, "件起宗个", NULL},
    [K_CORRECTED] = {"纠" S "正" NOD(8) NUM S "(?:件|起|宗|个)", "纠", 10, 90, 1, "件起宗个", NULL},
    [K_DECISIONS] = {"行" S "政" S "(许" S "可|处" S "罚|强" S "制)" DECISION_GAP NUM S "件", "行政", 10, 90, 2, "件", NULL},
    [K_PARTS] = {"(?:共" GAP(6) ")?(?<![0-9])" NUM S "(件|条|篇|个|项|期|次)" "[^。；;\\n0-9]{0,4}?[，,。：:]" S "其" S "中",
                 "其", 150, 30, 1, "中", NULL},
    [K_RATE] = {"办" S "结" S "率" GAP(4) PCT, "率", 30, 90, 0, "%％", "办"},
    [K_ANYRATE] = {"([\\x{4e00}-\\x{9fff}]{1,4})" S "率" NOD(4) PCT, "率", 30, 90, 0, "%％", NULL},
    [K_SHARE] = {NUM S "(件|条|个|项|篇|次|人|家)" "[^。；;\\n0-9]{0,6}?占" S "比?" "[^。；;\\n0-9]{0,6}?" PCT, "占", 90, 60, 1, "%％", NULL},
    [K_ALL_DONE] = {"(?:全" S "部|均|都|全)" "[^。；;，,\\n]{0,10}?办" S "结(?!" S "率)", "结", 60, 10, 0, NULL, "全均都"},
    [K_ALL_DONE2] = {"(?:全" S "部|均|都|全)" "[^。；;，,\\n]{0,10}?(?:办" S "理|答" S "复|处" S "理)" S "完" S "(?:毕|成)", "完", 60,
                     10, 0, "毕成", "全均都"},
    [K_NO_CARRY] = {"(?:无|没有|不存在)" S "(?:结" S "转|转" S "入" S "下)", "转", 30, 20, 0, NULL, "无没不"},
    [K_PENDING] = {"(?:尚" S "未" S "办" S "结|正" S "在" S "办" S "理|仍" S "在" S "办" S "理)", "办", 30, 20, 0, "结理", "尚正仍"},
};

int nb_claims_init(nb_ctx *c, nb_err *err)
{
    pcre2_code **re = calloc(NKINDS, sizeof *re);
    if (!re)
        return nb_err_set(err, NB_E_NOMEM, "out of memory");
    c->re_claims = re;
    for (int k = 0; k < NKINDS; k++) {
        int ec;
        PCRE2_SIZE eo;
        re[k] = pcre2_compile((PCRE2_SPTR)kinds[k].re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_NO_UTF_CHECK, &ec,
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
    for (int k = 0; k < NKINDS; k++)
        pcre2_code_free(re[k]);
    free(re);
    c->re_claims = NULL;
}

/* ---------------------------------------------------------------- the scan */

/* Is the original offset a inside a cell of the tables? Claims are in
 * sentences, not cells. */
static int in_table_cell(const nb_report *r, size_t a)
{
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        if (c->has_span && a >= c->off && a < c->off + c->len)
            return 1;
    }
    return 0;
}

static size_t to_char_start(const char *t, size_t i, size_t n)
{
    while (i < n && (((unsigned char)t[i]) & 0xC0) == 0x80)
        i++;
    return i;
}

/* Does t[a, b) hold one of the characters of chars? */
static int any_char_in(const char *t, size_t a, size_t b, const char *chars)
{
    for (size_t i = 0, j; chars[i]; i = j) {
        j = i;
        nb_utf8_get(chars, strlen(chars), &j);
        if (b > a && nb_find(t + a, b - a, chars + i, j - i))
            return 1;
    }
    return 0;
}

/* The first match of kind k, in the window around the anchor at `at`, that
 * holds the anchor: 1 (m filled), or 0. */
static int match_around(scan *sc, int k, size_t at, size_t al, claim_match *m)
{
    const char *t = sc->j.t;
    size_t n = sc->j.n;
    size_t ws = at > (size_t)kinds[k].before ? at - (size_t)kinds[k].before : 0;
    size_t we = at + al + (size_t)kinds[k].after < n ? at + al + (size_t)kinds[k].after : n;
    if (ws > 0)
        ws = to_char_start(t, ws, n);
    we = to_char_start(t, we, n);
    if ((kinds[k].tail && !any_char_in(t, at + al, we, kinds[k].tail)) ||
        (kinds[k].head && !any_char_in(t, ws, at, kinds[k].head)))
        return 0; /* no match holds the anchor: the pattern need not run */
    for (size_t from = ws; from <= at;) {
        int rc = pcre2_match(sc->re[k], (PCRE2_SPTR)t, we, from, PCRE2_NO_UTF_CHECK, sc->md, NULL);
        if (rc <= 0)
            return 0;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        if (ov[0] <= at && ov[1] >= at + al) {
            memset(m, 0, sizeof *m);
            m->k = k;
            m->ms = ov[0];
            m->me = ov[1];
            m->ngroups = rc < 8 ? rc : 8;
            memcpy(m->ov, ov, (size_t)m->ngroups * 2 * sizeof *ov);
            m->num = -1;
            m->noff = m->ms;
            int g = kinds[k].num;
            if (g && g < rc && ov[2 * g] != PCRE2_UNSET) {
                m->num = nb_parse_cn_number(t + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
                m->noff = ov[2 * g];
                m->nlen = ov[2 * g + 1] - ov[2 * g];
            }
            return 1;
        }
        from = to_char_start(t, ov[0] + 1, we);
    }
    return 0;
}

static int judge(scan *sc, claim_match *m)
{
    if (m->k == K_PARTS || m->k == K_RATE || m->k == K_ANYRATE || m->k == K_SHARE)
        return nb_judge_sums(sc, m);
    return nb_judge_table(sc, m);
}

/* The first joined offset (of n) whose original offset is at least orig;
 * n when none (the joined text's original offsets only grow). */
static size_t joined_at(const nb_joined *j, size_t n, size_t orig)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (nb_joined_orig(j, mid) < orig)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Have kinds q and k the same anchor? (Its bytes tried before a call.) */
static int same_anchor(int q, int k)
{
    const char *a = kinds[q].anchor, *b = kinds[k].anchor;
    return a[0] == b[0] && a[1] == b[1] && (!a[1] || a[2] == b[2]) && !strcmp(a, b);
}

/* Every kind of claim with the anchor of kind a0, at every place of the
 * anchor in the narrative: the tables' zone of the joined text, [z0, z1),
 * where no anchor counts, is not searched. */
static int scan_anchor(scan *sc, int a0)
{
    const nb_report *r = sc->r;
    const char *t = sc->j.t, *hit, *anchor = kinds[a0].anchor;
    size_t n = sc->j.n, al = strlen(anchor), at_from = 0, z0 = n, z1 = n;
    if (r->tables_end > r->tables_off) {
        z0 = joined_at(&sc->j, n, r->tables_off);
        z1 = joined_at(&sc->j, n, r->tables_end);
    }
    _Static_assert(NKINDS <= 32, "the kinds of one anchor are a 32-bit mask");
    uint32_t same = 0; /* the kinds of this anchor, told once */
    for (int k = a0; k < NKINDS; k++)
        if (same_anchor(k, a0))
            same |= 1u << k;
    while (at_from < n) {
        if (at_from >= z0 && at_from < z1) {
            at_from = z1;
            continue;
        }
        /* before the zone: places that start before it (the anchor may run into it) */
        size_t lim = at_from < z0 && z0 + al - 1 < n ? z0 + al - 1 : n;
        if (!(hit = lim > at_from ? nb_find(t + at_from, lim - at_from, anchor, al) : NULL)) {
            if (lim == n)
                break;
            at_from = z1; /* none before the zone: on after it */
            continue;
        }
        size_t at = (size_t)(hit - t), orig = nb_joined_orig(&sc->j, at);
        at_from = at + al;
        if (orig >= r->tables_off && orig < r->tables_end) /* the narrative only: not the zone of T2 and T3 */
            continue;
        for (int k = a0; k < NKINDS; k++) {
            claim_match m;
            if (!(same >> k & 1) || !match_around(sc, k, at, al, &m) || m.ms == sc->last_ms[k])
                continue;
            sc->last_ms[k] = m.ms;
            if (!in_table_cell(r, nb_joined_orig(&sc->j, m.ms)) && judge(sc, &m) != 0)
                return -1;
        }
    }
    return 0;
}

/* Has an earlier kind the same anchor (so its pass covered a0)? */
static int anchor_seen(int a0)
{
    for (int q = 0; q < a0; q++)
        if (same_anchor(q, a0))
            return 1;
    return 0;
}

int nb_check_claims(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err)
{
    if (!ctx->re_claims)
        return 0;
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.r = r;
    sc.out = out;
    sc.err = err;
    sc.re = ctx->re_claims;
    sc.md = ctx->match;
    if (nb_join_lines(r->doc.text, r->doc.len, r->tables_off, r->tables_end, &sc.j) != 0)
        return nb_err_set(err, NB_E_NOMEM, "out of memory joining the lines of %s", r->doc.path);
    for (int k = 0; k < NKINDS; k++)
        sc.last_ms[k] = (size_t)-1;
    int rc = 0;
    /* one pass per distinct anchor; every kind of that anchor is tried there */
    for (int a0 = 0; a0 < NKINDS && rc == 0; a0++)
        if (!anchor_seen(a0))
            rc = scan_anchor(&sc, a0);
    nb_joined_free(&sc.j);
    return rc;
}
