/* search.c — PCRE2 over the report's text (search.h): compiling with smart
 * case, the one match loop, a line's hits, the text's hits found once and
 * the next and previous of them. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "search.h"

#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* PCRE2's message for a bad pattern, in Chinese (PCRE2 has English
 * only): the usual mistakes by name, the rest in general terms. */
static const char *error_zh(int code)
{
    static const struct {
        int code;
        const char *zh;
    } words[] = {
        {PCRE2_ERROR_END_BACKSLASH, "末尾多了一个反斜杠 \\"},
        {PCRE2_ERROR_UNKNOWN_ESCAPE, "反斜杠后的字符无法识别"},
        {PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER, "{} 中的数字顺序颠倒"},
        {PCRE2_ERROR_QUANTIFIER_TOO_BIG, "{} 中的数字太大"},
        {PCRE2_ERROR_MISSING_SQUARE_BRACKET, "缺少右方括号 ]"},
        {PCRE2_ERROR_ESCAPE_INVALID_IN_CLASS, "方括号内的转义无效"},
        {PCRE2_ERROR_CLASS_RANGE_ORDER, "方括号内的范围顺序颠倒"},
        {PCRE2_ERROR_QUANTIFIER_INVALID, "* + ? 或 {} 前面没有可重复的内容"},
        {PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS, "缺少右括号 )"},
        {PCRE2_ERROR_BAD_SUBPATTERN_REFERENCE, "引用了不存在的分组"},
        {PCRE2_ERROR_MISSING_COMMENT_CLOSING, "注释缺少右括号 )"},
        {PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS, "多了一个右括号 )"},
        {PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH, "向后查找的长度不固定"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (words[i].code == code)
            return words[i].zh;
    return "无法解析（请检查括号、方括号和反斜杠）";
}

int nb_search_compile(nb_search *s, const char *pat, nb_lang lang, nb_err *err)
{
    int upper = 0;
    for (const char *p = pat; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            upper = 1;
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | (upper ? 0 : PCRE2_CASELESS), &ec, &eo, NULL);
    if (!re) {
        PCRE2_UCHAR m[256];
        pcre2_get_error_message(ec, m, sizeof m);
        const char *zh = lang == NB_LANG_ZH ? error_zh(ec) : NULL;
        return nb_err_set(err, NB_E_PATTERN, nb_tr(lang, "bad pattern at offset %zu: %s", "搜索式有误（位置 %zu）：%s"),
                          (size_t)eo, zh ? zh : (char *)m);
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    nb_search_forget(s); /* the hits were of the old pattern */
    pcre2_code_free(s->re);
    s->re = re;
    snprintf(s->pat, sizeof s->pat, "%s", pat);
    s->lang = lang;
    s->pat[nb_utf8_whole(s->pat, strlen(s->pat))] = '\0'; /* a long pattern cut between characters */
    return 0;
}

void nb_search_free(nb_search *s)
{
    pcre2_code_free(s->re);
    s->re = NULL;
    nb_search_forget(s);
}

/* Past the continuation bytes of a UTF-8 character. */
static size_t char_start(const char *t, size_t end, size_t i)
{
    while (i < end && (((unsigned char)t[i]) & 0xC0) == 0x80)
        i++;
    return i;
}

int nb_search_each(const nb_search *s, const char *t, size_t end, size_t from, nb_match_fn fn, void *arg)
{
    if (!s->re)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    int stopped = 0;
    while (md && !stopped && from <= end &&
           pcre2_match(s->re, (PCRE2_SPTR)t, end, from, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t a = ov[0], b = ov[1];
        stopped = fn(a, b, arg);
        from = char_start(t, end, b > a ? b : a + 1);
    }
    pcre2_match_data_free(md);
    return stopped;
}

typedef struct line_hits {
    unsigned char *hit;
    size_t ls, le;
} line_hits;

static int mark_hit(size_t a, size_t b, void *arg)
{
    line_hits *h = arg;
    for (size_t k = a; k < b && k < h->le; k++)
        h->hit[k - h->ls] = 1;
    return 0;
}

unsigned char *nb_search_line(const nb_search *s, const char *t, size_t ls, size_t le)
{
    if (!s->re || le <= ls)
        return NULL;
    line_hits h = {calloc(le - ls, 1), ls, le};
    if (h.hit)
        nb_search_each(s, t, le, ls, mark_hit, &h);
    return h.hit;
}

/* The hits of t[0, n) gathered into s->hits. */
typedef struct gather {
    nb_search *s;
    size_t cap;
    int nomem;
} gather;

static int add_hit(size_t a, size_t b, void *arg)
{
    (void)b;
    gather *g = arg;
    if (g->s->nhits == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 64;
        size_t *v = realloc(g->s->hits, cap * sizeof *v);
        if (!v)
            return g->nomem = 1;
        g->s->hits = v;
        g->cap = cap;
    }
    g->s->hits[g->s->nhits++] = a;
    return 0;
}

void nb_search_forget(nb_search *s)
{
    free(s->hits);
    s->hits = NULL;
    s->nhits = 0;
    s->of = NULL;
    s->of_len = 0;
}

/* The hits of t[0, n), found unless they are at hand. */
static int find_hits(nb_search *s, const char *t, size_t n, nb_err *err)
{
    if (s->of == t && s->of_len == n)
        return 0;
    nb_search_forget(s);
    gather g = {s, 0, 0};
    nb_search_each(s, t, n, 0, add_hit, &g);
    if (g.nomem) {
        nb_search_forget(s);
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(s->lang, "out of memory", "内存不足"));
    }
    s->of = t;
    s->of_len = n;
    return 0;
}

/* How many hits start before off. */
static size_t hits_before(const nb_search *s, size_t off)
{
    size_t lo = 0, hi = s->nhits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->hits[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int nb_search_step(nb_search *s, const char *t, size_t n, size_t cur, int dir, nb_search_hit *h, nb_err *err)
{
    if (find_hits(s, t, n, err) != 0)
        return -1;
    if (!s->nhits)
        return 1;
    /* forward: the first hit after cur, else round from the top; back:
     * the last before cur, else round from the bottom */
    size_t i = dir > 0 ? hits_before(s, cur + 1) : hits_before(s, cur);
    h->wrapped = dir > 0 ? i == s->nhits : i == 0;
    if (dir > 0)
        i = h->wrapped ? 0 : i;
    else
        i = h->wrapped ? s->nhits - 1 : i - 1;
    h->to = s->hits[i];
    h->k = i + 1;
    h->count = s->nhits;
    return 0;
}
