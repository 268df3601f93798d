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
#include "base/vec.h"
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
/* who the applications came from, before what they are: 公民、法人和其他组织提出的 */
#define APPLICANTS "(?:" S "(?:自然人|公民)、?法人(?:和|或|及)(?:其他)?组织(?:提出|提交|申请)?的?)?"
/* what a statement of none may say it is about: 因政府信息公开(工作)引发的 */
#define ABOUT_DISCLOSURE "(?:发生)?(?:因?" S "政府信息公开(?:工作)?(?:而?引[发起]|产生|导致)?的?)?"
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
    [K_RECEIVED] = {"(?<!继续|结转)(收" S "到|受" S "理|新" S "收|接" S "收|接" S "到|办" S "理)" APPLICANTS GAP(16) "申" S "请" GAP(8)
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
    [K_REVIEW_NONE] = {"(?:无|未发生|没有|未收到|未产生)" ABOUT_DISCLOSURE GAP(6) "行" S "政" S "复" S "议", "复", 90, 30, 0, "议", "无未没"},
    [K_SUIT] = {"行" S "政" S "诉" S "讼" COUNT_GAP NUM S "(?:件|起|宗|个)", "诉", 60, 120, 1, "件起宗个", "行"},
    [K_SUIT_NONE] = {"(?:无|未发生|没有|未收到|未产生)" ABOUT_DISCLOSURE GAP(6) "行" S "政" S "诉" S "讼", "诉", 90, 30, 0, "讼", "无未没"},
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
    [K_NATURAL] = {"自" S "然" S "人" NOD(6) NUM S "件", "自然人", 10, 60, 1, "件", NULL},
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

/* The kinds whose tail (件, %…) follows their number (NUM or PCT, then
 * white space at most): a match holds a tail character with a number
 * right before it. */
#define NUMBERED_TAILS                                                                                                 \
    (1u << K_RECEIVED | 1u << K_CARRIED | 1u << K_CARRIED_OUT | 1u << K_HANDLED | 1u << K_ANSWERED |                 \
     1u << K_CONCLUDED | 1u << K_REVIEW | 1u << K_SUIT | 1u << K_ISSUED | 1u << K_IN_FORCE | 1u << K_REPEALED |        \
     1u << K_RESULT_OPEN | 1u << K_RESULT_UNABLE | 1u << K_RESULT_PROC | 1u << K_UPHELD | 1u << K_CORRECTED |         \
     1u << K_DECISIONS | 1u << K_NATURAL | 1u << K_RATE | 1u << K_ANYRATE | 1u << K_SHARE)

/* A word of the set of a claims context: its group (anchor or character
 * set) of id *g, the strings told apart by their text; -1 when the words
 * or groups are too many. */
static int add_word(claims_ctx *cc, const char **words, int *nw, const char *w, int g)
{
    int k = 0;
    while (k < *nw && strcmp(words[k], w))
        k++;
    if (k == *nw) {
        if (*nw == NB_NEEDLES_MAX)
            return -1;
        words[(*nw)++] = w;
    }
    cc->groups[k] |= (uint64_t)1 << g;
    return 0;
}

/* The group of a kind's anchor or characters (str, NULL none): the group
 * of an earlier kind's with the same string (tails and heads apart from
 * anchors), else a new one; -1 for none. */
static int group_of(claims_ctx *cc, const char *const *strs, int k, int is_anchor)
{
    if (!strs[k])
        return -1;
    for (int q = 0; q < NKINDS; q++) {
        for (int side = 0; side < 3; side++) {
            const char *o = side == 0 ? kinds[q].anchor : side == 1 ? kinds[q].tail : kinds[q].head;
            signed char g = side == 0 ? cc->anchor[q] : side == 1 ? cc->tail[q] : cc->head[q];
            if (g >= 0 && o && (side == 0) == is_anchor && !strcmp(o, strs[k]))
                return g;
        }
    }
    return cc->ngroups < 64 ? cc->ngroups++ : -2;
}

/* The words the scan looks for, one set found in one pass: each distinct
 * anchor (a group of its own), and each character of the kinds' tails and
 * heads (a group for each distinct string of them). */
static int claim_words(claims_ctx *cc, char chars[][4])
{
    const char *anchors[NKINDS], *tails[NKINDS], *heads[NKINDS], *words[NB_NEEDLES_MAX];
    int nw = 0, nc = 0;
    uint64_t unnumbered = 0; /* the groups of heads and of tails with no number before them */
    for (int k = 0; k < NKINDS; k++) {
        anchors[k] = kinds[k].anchor;
        tails[k] = kinds[k].tail;
        heads[k] = kinds[k].head;
        cc->anchor[k] = cc->tail[k] = cc->head[k] = -1;
    }
    for (int k = 0; k < NKINDS; k++) {
        int ga = group_of(cc, anchors, k, 1);
        if (ga < 0)
            return -1;
        cc->anchor[k] = (signed char)ga;
        if (add_word(cc, words, &nw, anchors[k], ga) != 0)
            return -1;
        for (int side = 0; side < 2; side++) {
            const char *str = side ? heads[k] : tails[k];
            int g = group_of(cc, side ? heads : tails, k, 0);
            if (g < -1)
                return -1;
            if (side)
                cc->head[k] = (signed char)g;
            else
                cc->tail[k] = (signed char)g;
            if (g >= 0 && !side && NUMBERED_TAILS >> k & 1)
                cc->numbered |= (uint64_t)1 << g;
            else if (g >= 0)
                unnumbered |= (uint64_t)1 << g;
            for (size_t i = 0, j; str && str[i]; i = j) { /* each character a word */
                j = i;
                nb_utf8_get(str, strlen(str), &j);
                if (nc == 8 * NKINDS || j - i > 3)
                    return -1;
                memcpy(chars[nc], str + i, j - i);
                chars[nc][j - i] = '\0';
                if (add_word(cc, words, &nw, chars[nc++], g) != 0)
                    return -1;
            }
        }
    }
    if (cc->numbered & unnumbered) /* a group's places are kept with a number before them or not at all */
        return -1;
    return nb_needles_init(&cc->words, words, nw);
}

/* The scan's passes, one per distinct anchor, told once: the kinds that
 * share the first kind's anchor (so each pass tries them all), and each
 * anchor's length. */
static void anchor_passes(claims_ctx *cc)
{
    for (int k = 0; k < NKINDS; k++) {
        cc->anchor_len[k] = (unsigned char)strlen(kinds[k].anchor);
        int first = 0;
        while (cc->anchor[first] != cc->anchor[k])
            first++;
        cc->same_anchor[first] |= 1u << k;
    }
}

/* A kind's pattern is JIT-compiled at its CLAIM_JIT_AFTER + 1st run in a
 * context, not when the context is set up. Compiling one costs some 200 000
 * instructions, 5.9 M for the 29, more than the whole check of a small
 * report; a report runs half the kinds or fewer, some kinds run in no report
 * of a batch, and most kinds run a few times a report. Until then
 * pcre2_match runs the interpreter (the same matches, 1 000 to 67 000
 * instructions a run more than the JIT code). */
#define CLAIM_JIT_AFTER 1

static const pcre2_code *kind_re(claims_ctx *cc, int k)
{
    if (cc->uses[k]++ == cc->jit_after)
        pcre2_jit_compile(cc->re[k], PCRE2_JIT_COMPLETE); /* when it cannot, the interpreter goes on */
    return cc->re[k];
}

int nb_claims_init(nb_ctx *c, nb_err *err)
{
    claims_ctx *cc = calloc(1, sizeof *cc);
    if (!cc)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(c->lang, "out of memory", "内存不足"));
    c->re_claims = cc;
    if (claim_words(cc, cc->chars) != 0 || nb_claims_sums_init(cc) != 0)
        return nb_err_set(err, NB_E_PATTERN, "internal claim words: too many");
    anchor_passes(cc);
    cc->longest = 1;
    for (int k = 0; k < cc->words.n; k++)
        cc->longest = cc->words.len[k] > cc->longest ? cc->words.len[k] : cc->longest;
    for (int k = 0; k < NKINDS; k++) { /* how far a window reaches before and after its anchor */
        size_t b = (size_t)kinds[k].before + 4, a = strlen(kinds[k].anchor) + (size_t)kinds[k].after + 4;
        cc->reach_before = b > cc->reach_before ? b : cc->reach_before;
        cc->reach_after = a > cc->reach_after ? a : cc->reach_after;
    }
    for (int k = 0; k < NKINDS; k++) {
        int ec;
        PCRE2_SIZE eo;
        cc->re[k] = pcre2_compile((PCRE2_SPTR)kinds[k].re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_NO_UTF_CHECK, &ec,
                                  &eo, NULL);
        if (!cc->re[k]) {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(ec, buf, sizeof buf);
            return nb_err_set(err, NB_E_PATTERN, "internal claim pattern %d: offset %zu: %s", k, (size_t)eo,
                              (char *)buf);
        }
    }
    cc->jit_after = CLAIM_JIT_AFTER;
    return 0;
}

void nb_claims_free(nb_ctx *c)
{
    claims_ctx *cc = c->re_claims;
    if (!cc)
        return;
    for (int k = 0; k < NKINDS; k++)
        pcre2_code_free(cc->re[k]);
    free(cc);
    c->re_claims = NULL;
}

/* ---------------------------------------------------------------- the scan */

/* Where the cells with a place in the text lie: from the first's start to
 * the last's end (sc->cells_lo, sc->cells_hi), told at the first claim
 * found (a report may have none: its cells are not gone over then). */
static void cells_span(scan *sc)
{
    const nb_report *r = sc->r;
    sc->cells_lo = (size_t)-1;
    sc->cells_hi = 0;
    sc->cells_told = 1;
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        if (c->has_span && c->off < sc->cells_lo)
            sc->cells_lo = c->off;
        if (c->has_span && c->off + c->len > sc->cells_hi)
            sc->cells_hi = c->off + c->len;
    }
}

/* Is the original offset a inside a cell of the tables? Claims are in
 * sentences, not cells (and most are outside all the cells' span). */
static int in_table_cell(scan *sc, size_t a)
{
    const nb_report *r = sc->r;
    if (!sc->cells_told)
        cells_span(sc);
    if (a < sc->cells_lo || a >= sc->cells_hi)
        return 0;
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

/* Does a number's last character (of NUM: a digit, full width or not, or
 * a Chinese numeral) end at p, after white space is stepped back over? */
static int number_before(const char *t, size_t p)
{
    while (p > 0 && (t[p - 1] == ' ' || (t[p - 1] >= '\t' && t[p - 1] <= '\r')))
        p--;
    if (p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9')
        return 1;
    size_t s = p - 3;
    uint32_t c = p >= 3 ? nb_utf8_get(t, p, &s) : 0;
    if (p < 3 || s != p)
        return 0;
    switch (c) { /* 零〇一二两三四五六七八九十百千万 */
    case 0x96F6: case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E24: case 0x4E09: case 0x56DB: case 0x4E94:
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343: case 0x4E07:
        return 1;
    default:
        return c >= 0xFF10 && c <= 0xFF19;
    }
}

#define NO_WORD ((size_t)-1)

/* The length of the character whose first byte is c (a word of a tail or
 * head group is one character: where it ends tells its first byte). */
static inline size_t char_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Where the first word of group g (a character of a kind's tail or head)
 * that the joined text [a, b) holds starts; NO_WORD when none. Its places
 * are in the order of the text (a numbered tail's only those with a number
 * right before them): the first starting at a or after, and on while they
 * start before b. */
__attribute__((always_inline)) static inline size_t first_word(scan *sc, int g, size_t a, size_t b)
{
    /* the first place at or after a: anchors come in the order of the text,
     * so most often the group's last one or a few on; a binary search when
     * a went back or far on */
    size_t lo = sc->gcur[g], end = sc->gend[g];
    if (lo > sc->gfrom[g] && sc->goff[lo - 1] >= a)
        lo = nb_first_at_least32(sc->goff, sc->gfrom[g], lo, a);
    else {
        for (int step = 0; step < 4 && lo < end && sc->goff[lo] < a; step++)
            lo++;
        if (lo < end && sc->goff[lo] < a)
            lo = nb_first_at_least32(sc->goff, lo, end, a);
    }
    sc->gcur[g] = lo;
    for (size_t i = lo; i < end && sc->goff[i] < b; i++)
        if (sc->goff[i] + char_len((unsigned char)sc->j.t[sc->goff[i]]) <= b)
            return sc->goff[i];
    return NO_WORD;
}

/* Characters every match of a kind holds besides its anchor, tail and head
 * (each of them; kinds whose patterns most often fail where these are
 * missing): a window without one of them holds no match, and the pattern
 * need not run there. */
static const char *const needs[NKINDS] = {
    [K_RECEIVED] = "请",       [K_CARRIED_OUT] = "下年", [K_CARRIED_OUT2] = "下件", [K_HANDLED] = "结申请",
    [K_CONCLUDED] = "结",      [K_REVIEW] = "政议",      [K_REVIEW_NONE] = "行政",  [K_SUIT] = "政讼",
    [K_SUIT_NONE] = "行政",    [K_ALL_DONE] = "办",
};

const char *nb_claim_needs(int k)
{
    return needs[k];
}

/* Does the joined text [a, b) hold each character kind k needs? */
static int holds_needs(const char *t, size_t a, size_t b, int k)
{
    for (const char *c = needs[k]; c && *c; c += 3) /* each a character of three bytes */
        if (!nb_find(t + a, b - a, c, 3))
            return 0;
    return 1;
}

/* Are the digits at t[i] the last of a number spaced out (2 1 8 件, with
 * ASCII or full-width digits and spaces)? Which number it is is not told. */
static int spaced_out(const char *t, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t d = i;
    if (i >= 1 && (u[i - 1] == ' ' || u[i - 1] == '\t'))
        d = i - 1;
    else if (i >= 3 && !memcmp(t + i - 3, "\u3000", 3))
        d = i - 3;
    else
        return 0;
    return (d >= 1 && u[d - 1] >= '0' && u[d - 1] <= '9') ||
           (d >= 3 && u[d - 3] == 0xEF && u[d - 2] == 0xBC && u[d - 1] >= 0x90 && u[d - 1] <= 0x99);
}

/* The first match of kind k, in the window around the anchor at `at`, that
 * holds the anchor: 1 (m filled), or 0. */
static int match_around(scan *sc, int k, size_t at, size_t al, claim_match *m)
{
    const char *t = sc->j.t;
    size_t n = sc->j.n;
    size_t ws = at > (size_t)kinds[k].before ? at - (size_t)kinds[k].before : 0;
    size_t we = at + al + (size_t)kinds[k].after < n ? at + al + (size_t)kinds[k].after : n;
    we = to_char_start(t, we, n);
    const claims_ctx *cc = sc->cc;
    if (cc->tail[k] >= 0 && first_word(sc, cc->tail[k], at + al, we) == NO_WORD)
        return 0; /* no match holds the anchor: the pattern need not run */
    /* a kind with a head starts its every match with it: none before the
     * first (a word starts a character: none between ws and the next) */
    size_t from = cc->head[k] >= 0 ? first_word(sc, cc->head[k], ws, at) : ws > 0 ? to_char_start(t, ws, n) : 0;
    if (from <= at && !holds_needs(t, from, we, k))
        return 0; /* nor where a character every match holds is missing */
    while (from <= at) {
        int rc = pcre2_match(kind_re(sc->cc, k), (PCRE2_SPTR)t, we, from, PCRE2_NO_UTF_CHECK, sc->md, NULL);
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
                m->num = spaced_out(t, ov[2 * g]) ? -1 : nb_parse_cn_number(t + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
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

/* The first place of group g at or after a, from the place *cur on (a
 * cursor of one pass: the a asked only grow); NO_WORD when none. */
static inline size_t next_place(const scan *sc, int g, size_t *cur, size_t a)
{
    while (*cur < sc->gend[g] && sc->goff[*cur] < a)
        ++*cur;
    return *cur < sc->gend[g] ? sc->goff[*cur] : NO_WORD;
}

/* The first place of an anchor, from at on, around which kind k may match
 * as far as its tail's and head's places tell (at itself where it may
 * here; NO_WORD where at no place on): match_around finds no tail after
 * an anchor where none starts before its window's end (at most three
 * bytes past at + al + after), nor a head before it where none starts
 * before at from its window's start on. Told by a cursor into each
 * group's places for the pass (tcur, hcur; the anchors asked come in the
 * order of the text), so that most anchors are passed by without a look. */
static inline size_t may_match_from(const scan *sc, int k, size_t at, size_t al, size_t *tcur, size_t *hcur)
{
    const claims_ctx *cc = sc->cc;
    size_t reach = al + (size_t)kinds[k].after + 3;
    if (cc->tail[k] >= 0) {
        size_t p = next_place(sc, cc->tail[k], tcur, at + al);
        if (p == NO_WORD || p >= at + reach) /* the next tail places start no nearer */
            return p == NO_WORD ? NO_WORD : p - reach + 1;
    }
    if (cc->head[k] >= 0) {
        size_t h = next_place(sc, cc->head[k], hcur, at > (size_t)kinds[k].before ? at - (size_t)kinds[k].before : 0);
        if (h == NO_WORD || h >= at) /* no head before the anchors up to h */
            return h == NO_WORD ? NO_WORD : h + 1;
    }
    return at;
}

/* Every kind of claim with the anchor of kind a0, at every place of the
 * anchor in the narrative: not in the tables' zone of the joined text,
 * [z0, z1), where no anchor counts (the places whose original offset is in
 * the zone of T2 and T3: the joined text's original offsets only grow). */
static int scan_anchor(scan *sc, int a0)
{
    const claims_ctx *cc = sc->cc;
    int g = cc->anchor[a0];
    size_t al = cc->anchor_len[a0], at_from = 0, tcur[NKINDS], hcur[NKINDS], next_at[NKINDS], pass_next = 0;
    uint32_t same = cc->same_anchor[a0];
    for (uint32_t ks = same; ks; ks &= ks - 1) {
        int k = __builtin_ctz(ks);
        tcur[k] = cc->tail[k] >= 0 ? sc->gfrom[cc->tail[k]] : 0;
        hcur[k] = cc->head[k] >= 0 ? sc->gfrom[cc->head[k]] : 0;
        next_at[k] = 0;
    }
    for (size_t i = sc->gfrom[g]; i < sc->gend[g]; i++) {
        size_t at = sc->goff[i];
        if (at < at_from || (at >= sc->z0 && at < sc->z1))
            continue;
        at_from = at + al;
        if (at < pass_next) /* no kind of the anchor may match here */
            continue;
        pass_next = NO_WORD;
        for (uint32_t ks = same; ks; ks &= ks - 1) {
            int k = __builtin_ctz(ks);
            claim_match m;
            if (at >= next_at[k])
                next_at[k] = sc->every_anchor ? at : may_match_from(sc, k, at, al, &tcur[k], &hcur[k]);
            pass_next = next_at[k] < pass_next ? next_at[k] : pass_next;
            if (next_at[k] != at || !match_around(sc, k, at, al, &m) || m.ms == sc->last_ms[k])
                continue;
            sc->last_ms[k] = m.ms;
            if (!in_table_cell(sc, nb_joined_orig(&sc->j, m.ms)) && judge(sc, &m) != 0)
                return -1;
        }
    }
    return 0;
}

/* The spans of the joined text searched for the claims' words (from[k]
 * to to[k]; how many): all of it, or what lies before the tables' zone and
 * after it, each with the reach of a window around an anchor beside the
 * zone (a word in the rest is in no window). */
static int search_spans(const scan *sc, size_t from[2], size_t to[2])
{
    const claims_ctx *cc = sc->cc;
    size_t n = sc->j.n, e0 = n, s1 = n;
    if (sc->z1 > sc->z0) {
        e0 = n - sc->z0 > cc->reach_after ? sc->z0 + cc->reach_after : n;
        s1 = sc->z1 > cc->reach_before ? sc->z1 - cc->reach_before : 0;
        if (s1 <= e0)
            e0 = s1 = n;
    }
    from[0] = 0;
    to[0] = e0;
    from[1] = s1;
    to[1] = n;
    return s1 < n ? 2 : 1;
}

#define WORDS_CHUNK ((size_t)1 << 20) /* text searched for the words at a time */
#define WORDS_KEPT 65536              /* places kept from the first search, so that most texts are searched once */

/* Every place of the claims' words in the spans searched, a chunk of text
 * at a time (a word starting in the chunk may end past it), in the order of
 * the text: each chunk's places put in *pl after the *npl there while at
 * most kept are (else in their stead) and handed to visit; *seen counts
 * them all. So the places held at once stay few whatever the text's size. */
static int each_chunk(scan *sc, nb_place **pl, size_t *cap, size_t *npl, size_t kept,
                      void (*visit)(scan *, const nb_place *, size_t, size_t *), size_t *count, size_t *seen)
{
    const nb_needles *w = &sc->cc->words;
    size_t from[2], to[2], longest = sc->cc->longest;
    int ns = search_spans(sc, from, to);
    *seen = 0;
    for (int sp = 0; sp < ns; sp++)
        for (size_t a = from[sp]; a < to[sp]; a += WORDS_CHUNK) {
            size_t b = to[sp] - a > WORDS_CHUNK ? a + WORDS_CHUNK : to[sp];
            size_t reach = to[sp] - b > longest - 1 ? b + longest - 1 : to[sp];
            size_t start = *npl <= kept ? *npl : 0, end = start;
            if (nb_find_all(w, sc->j.t + a, reach - a, pl, cap, &end) != 0)
                return -1;
            size_t keep = end; /* the span's last chunk: every place its own */
            if (reach > b)     /* else those from b on are the next chunk's own */
                for (keep = start; keep < end && (*pl)[keep].off < b - a; keep++)
                    ;
            for (size_t i = start; a > 0 && i < keep; i++)
                (*pl)[i].off += a;
            if (keep > start) /* none: *pl may be no array yet */
                visit(sc, *pl + start, keep - start, count);
            *npl = keep;
            *seen += keep - start;
        }
    return 0;
}

/* How many places each word has (a group's: the sum of its words'). */
static void count_words(scan *sc, const nb_place *pl, size_t npl, size_t *count)
{
    (void)sc; /* a visit of each_chunk, as fill_groups is */
    for (size_t i = 0; i < npl; i++)
        count[pl[i].needle]++;
}

/* The places put in their groups (count[g]: where group g's next goes);
 * a numbered tail's only with a number right before it, told once a place
 * here rather than at each window that holds it. */
static void fill_groups(scan *sc, const nb_place *pl, size_t npl, size_t *count)
{
    uint64_t numbered = sc->cc->numbered;
    for (size_t i = 0; i < npl; i++) {
        uint64_t in = sc->cc->groups[pl[i].needle];
        if (in & numbered && !number_before(sc->j.t, pl[i].off))
            in &= ~numbered;
        for (uint64_t m = in; m; m &= m - 1) {
            size_t at = count[__builtin_ctzll(m)]++;
            sc->goff[at] = (uint32_t)pl[i].off;
        }
    }
}

/* The places of the claims' words in the joined text, sorted by group
 * (each group's in the order of the text): goff, gfrom, gend. The text is
 * searched once when its places are few, else counted, then filled in a
 * second search. */
static int find_words(scan *sc)
{
    nb_place *pl = NULL;
    size_t cap = 0, npl = 0, seen = 0, total = 0, count[65] = {0}, words[NB_NEEDLES_MAX] = {0};
    int rc = each_chunk(sc, &pl, &cap, &npl, WORDS_KEPT, count_words, words, &seen);
    for (int k = 0; k < sc->cc->words.n; k++)
        for (uint64_t m = sc->cc->groups[k]; m; m &= m - 1)
            count[__builtin_ctzll(m)] += words[k];
    for (int g = 0; rc == 0 && g <= sc->cc->ngroups; g++) {
        sc->gfrom[g] = total;
        if (g < 64)
            sc->gcur[g] = total;
        total += count[g];
        count[g] = sc->gfrom[g];
    }
    if (rc == 0) {
        sc->goff = malloc((total ? total : 1) * sizeof *sc->goff);
        rc = sc->goff ? 0 : -1;
    }
    if (rc == 0 && seen == npl) /* every place kept */
        fill_groups(sc, pl, npl, count);
    else if (rc == 0)
        rc = each_chunk(sc, &pl, &cap, &(size_t){0}, 0, fill_groups, count, &seen);
    for (int g = 0; g < sc->cc->ngroups; g++) /* a numbered tail's may end before the room counted */
        sc->gend[g] = count[g];
    free(pl);
    return rc;
}

int nb_check_claims(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err)
{
    return nb_claims_scan(r, ctx, 0, out, err);
}

int nb_claims_scan(const nb_report *r, const nb_ctx *ctx, int every_anchor, nb_findings *out, nb_err *err)
{
    if (!ctx->re_claims)
        return 0;
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.every_anchor = every_anchor;
    sc.r = r;
    sc.out = out;
    sc.err = err;
    sc.cc = ctx->re_claims;
    sc.md = ctx->match;
    if (nb_join_lines(r->doc.text, r->doc.len, r->tables_off, r->tables_end, &sc.j) != 0)
        return nb_err_set(err, NB_E_NOMEM,
                          nb_tr(ctx->lang, "out of memory joining the lines of %s", "合并 %s 的各行时内存不足"), r->doc.path);
    sc.z0 = sc.z1 = sc.j.n;
    if (r->tables_end > r->tables_off) {
        sc.z0 = nb_joined_at(&sc.j, r->tables_off);
        sc.z1 = nb_joined_at(&sc.j, r->tables_end);
    }
    for (int k = 0; k < NKINDS; k++)
        sc.last_ms[k] = (size_t)-1;
    int rc = find_words(&sc) != 0 ? nb_err_set(err, NB_E_NOMEM,
                                               nb_tr(ctx->lang, "out of memory reading %s", "读取 %s 时内存不足"), r->doc.path)
                                  : 0;
    /* one pass per distinct anchor; every kind of that anchor is tried there */
    for (int a0 = 0; a0 < NKINDS && rc == 0; a0++)
        if (sc.cc->same_anchor[a0])
            rc = scan_anchor(&sc, a0);
    free(sc.goff);
    free(sc.places);
    nb_joined_free(&sc.j);
    return rc;
}
