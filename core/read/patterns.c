/* patterns.c — what the files of read/ share: compiling and running a
 * pattern, a group's digits, a plausible date, blank stretches, and a
 * body's name taken from a line. */
#include "read/internal.h"
#include "base/utf8.h"

#include <stdio.h>
#include <string.h>

/* Compile pat with opts besides UTF; JIT-compile it. */
static pcre2_code *re_compile(const char *pat, uint32_t opts, nb_err *err)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_NO_UTF_CHECK | opts, &ec, &eo, NULL);
    if (!re) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(ec, buf, sizeof buf);
        nb_err_set(err, NB_E_PATTERN, "internal pattern error at offset %zu: %s", (size_t)eo, (char *)buf);
        return NULL;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

pcre2_code *nb_re_compile(const char *pat, nb_err *err)
{
    return re_compile(pat, 0, err);
}

/* Anchored when compiled, not when matched: PCRE2_ANCHORED given to
 * pcre2_match would send every match to the interpreter, past the JIT. */
pcre2_code *nb_re_compile_at(const char *pat, nb_err *err)
{
    return re_compile(pat, PCRE2_ANCHORED, err);
}

/* Run re over text[from, to); fills ov (pairs) and returns 1 on a match. */
static int re_run(const nb_ctx *ctx, void *re, const char *text, size_t to, size_t from, PCRE2_SIZE **ov)
{
    int rc = pcre2_match(re, (PCRE2_SPTR)text, to, from, PCRE2_NO_UTF_CHECK, ctx->match, NULL);
    if (rc <= 0)
        return 0;
    *ov = pcre2_get_ovector_pointer(ctx->match);
    return 1;
}

int nb_re_find(const nb_ctx *ctx, void *re, const char *text, size_t to, size_t from, PCRE2_SIZE **ov)
{
    return re_run(ctx, re, text, to, from, ov);
}

int nb_re_at(const nb_ctx *ctx, void *re, const char *text, size_t to, size_t at, PCRE2_SIZE **ov)
{
    /* re is anchored itself; one that is not (nb_re_compile's) gives the
     * same answer, slower: its first match from `at` starts there when any does */
    return re_run(ctx, re, text, to, at, ov) && (*ov)[0] == at;
}

int nb_re_int(const char *t, PCRE2_SIZE *ov, int g)
{
    if (ov[2 * g] == PCRE2_UNSET)
        return -1;
    int v = 0;
    size_t i = ov[2 * g];
    while (i < ov[2 * g + 1]) {
        uint32_t c = nb_fold(nb_utf8_get(t, ov[2 * g + 1], &i));
        if (c >= '0' && c <= '9')
            v = v * 10 + (int)(c - '0');
    }
    return v;
}

int nb_plausible_date(int y, int m, int d)
{
    return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Copy a trimmed line fragment into out, dropping '#', '*' and "标题:" prefixes. */
void nb_copy_name(const char *t, size_t a, size_t b, char *out, size_t cap)
{
    while (a < b) {
        size_t i = a;
        uint32_t c = nb_fold(nb_utf8_get(t, b, &i));
        if (nb_is_space(c) || c == '#' || c == '*' || c == ':' || c == '-' || c == 0x300A)
            a = i;
        else
            break;
    }
    static const char *const prefixes[] = {"标题", "名称", "题目"};
    for (size_t k = 0; k < 3; k++) {
        size_t pl = strlen(prefixes[k]);
        if (b - a > pl && memcmp(t + a, prefixes[k], pl) == 0) {
            size_t i = a + pl;
            uint32_t c = nb_fold(nb_utf8_get(t, b, &i));
            if (c == ':') {
                a = i;
                while (a < b && (t[a] == ' ' || t[a] == '\t'))
                    a++;
            }
        }
    }
    while (b > a) {
        size_t s = b - 1;
        while (s > a && ((unsigned char)t[s] & 0xC0) == 0x80)
            s--;
        size_t i = s;
        uint32_t c = nb_fold(nb_utf8_get(t, b, &i));
        if (nb_is_space(c) || c == ':' || c == '*' || c == 0x300B)
            b = s;
        else
            break;
    }
    size_t len = b - a, o = 0;
    if (len >= cap)
        len = 0; /* too long to be a name */
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)t[a + i] >= 0x20 && t[a + i] != 0x7F)
            out[o++] = t[a + i]; /* control characters are no part of a name */
    out[o] = '\0';
}

int nb_blank_range(const char *t, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        uint32_t c = nb_utf8_get(t, b, &i);
        if (!nb_is_space(c))
            return 0;
    }
    return 1;
}

/* ASCII white space, '#' and '*' are stepped over byte by byte; a byte
 * that starts an ideograph of U+4000–U+9FFF (E4 to E9), as most lines'
 * first characters do, or any other ASCII byte ends the lead without
 * decoding; other characters are decoded and told by nb_is_space. */
size_t nb_skip_lead(const char *t, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)t;
    while (i < end) {
        unsigned char b = u[i];
        if (b == ' ' || (b >= '\t' && b <= '\r') || b == '#' || b == '*') {
            i++;
            continue;
        }
        if (b < 0x80 || (b >= 0xE4 && b <= 0xE9))
            break;
        size_t j = i;
        uint32_t c = nb_utf8_get(t, end, &j);
        if (!nb_is_space(c) && c != '#' && c != '*')
            break;
        i = j;
    }
    return i;
}
