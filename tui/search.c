/* search.c — PCRE2 over the report's text (search.h): compiling with smart
 * case, the one match loop, a line's hits, the next and previous hit. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "search.h"

#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)

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
    pcre2_code_free(s->re);
    s->re = re;
    snprintf(s->pat, sizeof s->pat, "%s", pat);
    s->pat[nb_utf8_whole(s->pat, strlen(s->pat))] = '\0'; /* a long pattern cut between characters */
    return 0;
}

void nb_search_free(nb_search *s)
{
    pcre2_code_free(s->re);
    s->re = NULL;
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

/* Where the hits fall around the cursor. */
typedef struct around {
    size_t cur;
    size_t first, before, last; /* the first hit of all, the last before cur, the last of all */
} around;

static int take_first(size_t a, size_t b, void *arg)
{
    (void)b;
    ((around *)arg)->first = a;
    return 1;
}

static int until_cursor(size_t a, size_t b, void *arg)
{
    (void)b;
    around *h = arg;
    if (h->first == NONE)
        h->first = a;
    if (a >= h->cur)
        return 1;
    h->before = a;
    return 0;
}

static int take_last(size_t a, size_t b, void *arg)
{
    (void)b;
    ((around *)arg)->last = a;
    return 0;
}

int nb_search_step(const nb_search *s, const char *t, size_t n, size_t cur, int dir, size_t *to, int *wrapped)
{
    around h = {cur, NONE, NONE, NONE};
    *wrapped = 0;
    if (dir > 0) { /* from just after the cursor, else round from the top */
        size_t from = char_start(t, n, cur < n ? cur + 1 : n);
        if (from < n && nb_search_each(s, t, n, from, take_first, &h)) {
            *to = h.first;
            return 0;
        }
        if (!nb_search_each(s, t, n, 0, take_first, &h))
            return -1;
        *to = h.first;
        *wrapped = 1;
        return 0;
    }
    nb_search_each(s, t, n, 0, until_cursor, &h);
    if (h.before != NONE) {
        *to = h.before;
        return 0;
    }
    if (h.first == NONE)
        return -1;
    nb_search_each(s, t, n, 0, take_last, &h); /* round from the bottom: the last hit of all */
    *to = h.last;
    *wrapped = 1;
    return 0;
}
