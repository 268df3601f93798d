/* value.c — reading cell text into numbers, and exact decimal arithmetic. */
#include "value.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

const char *nb_status_name(nb_status s)
{
    switch (s) {
    case NB_ST_MISSING: return "missing";
    case NB_ST_NUMBER: return "number";
    case NB_ST_BLANK: return "blank";
    case NB_ST_PLACEHOLDER: return "placeholder";
    case NB_ST_TEXT: return "text";
    case NB_ST_INFERRED: return "inferred";
    }
    return "?";
}

/* Folded code points of s without surrounding white space. */
static int fold_trim(const char *s, size_t n, uint32_t *c, int cap)
{
    int m = 0;
    size_t i = 0;
    while (i < n && m < cap) {
        uint32_t cp = nb_fold(nb_utf8_get(s, n, &i));
        c[m++] = cp;
    }
    int a = 0, b = m;
    while (a < b && (nb_is_space(c[a]) || c[a] == '*'))
        a++;
    while (b > a && (nb_is_space(c[b - 1]) || c[b - 1] == '*'))
        b--;
    if (a)
        memmove(c, c + a, (size_t)(b - a) * sizeof *c);
    return b - a;
}

static int is_placeholder(const uint32_t *c, int n)
{
    if (n == 0)
        return 0;
    int dashes = 1;
    for (int i = 0; i < n; i++)
        if (c[i] != '-' && c[i] != '/' && c[i] != 0x2014 && c[i] != 0x2015 && c[i] != 0x2010 && c[i] != 0xFF5E &&
            c[i] != '~' && c[i] != 0x2026)
            dashes = 0;
    if (dashes && n <= 4)
        return 1;
    static const uint32_t wu[] = {0x65E0};            /* 无 */
    static const uint32_t zanwu[] = {0x6682, 0x65E0}; /* 暂无 */
    static const uint32_t kong[] = {0x7A7A};          /* 空 */
    if ((n == 1 && (c[0] == wu[0] || c[0] == kong[0])) || (n == 2 && c[0] == zanwu[0] && c[1] == zanwu[1]))
        return 1;
    return 0;
}

/* Strip a trailing unit; returns the new length. */
static int strip_unit(const uint32_t *c, int n)
{
    static const uint32_t units[] = {0x4EF6, 0x4E2A, 0x6761, 0x9879, 0x5143, 0x6B21, '%', 0x5BB6, 0x4EFD, 0x4EBA};
    if (n >= 2 && c[n - 2] == 0x4E07 && c[n - 1] == 0x5143) /* 万元 */
        return n - 2;
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (n >= 1 && c[n - 1] == units[k])
            return n - 1;
    return n;
}

/* Could text starting with cp be a number or a placeholder? */
static int may_be_value(uint32_t cp)
{
    cp = nb_fold(cp);
    return (cp >= '0' && cp <= '9') || cp == '-' || cp == '+' || cp == '/' || cp == '.' || cp == '~' || cp == 0x2014 ||
           cp == 0x2015 || cp == 0x2010 || cp == 0x2026 || cp == 0x65E0 /* 无 */ || cp == 0x7A7A /* 空 */ ||
           cp == 0x6682 /* 暂 */ || cp == '*';
}

nb_status nb_parse_value(const char *s, size_t n, nb_num *out)
{
    uint32_t c[256]; /* n ≤ 200 bytes: every code point fits */
    out->v = 0;
    out->scale = 0;
    if (n > 200)
        return NB_ST_TEXT;
    size_t i0 = 0;
    while (i0 < n) {
        size_t k = i0;
        uint32_t cp = nb_utf8_get(s, n, &k);
        if (!nb_is_space(cp)) {
            if (!may_be_value(cp))
                return NB_ST_TEXT;
            break;
        }
        i0 = k;
    }
    if (i0 == n)
        return NB_ST_BLANK;
    int m = fold_trim(s, n, c, 256);
    out->v = 0;
    out->scale = 0;
    if (m == 0)
        return NB_ST_BLANK;
    if (is_placeholder(c, m))
        return NB_ST_PLACEHOLDER;
    int e = strip_unit(c, m);
    while (e > 0 && nb_is_space(c[e - 1]))
        e--;
    int i = 0, neg = 0;
    if (i < e && (c[i] == '-' || c[i] == '+')) {
        neg = c[i] == '-';
        i++;
    }
    long long v = 0;
    int digits = 0, scale = 0, in_frac = 0, group = -1;
    for (; i < e; i++) {
        uint32_t d = c[i];
        if (d >= '0' && d <= '9') {
            if (digits >= 17)
                return NB_ST_TEXT;
            v = v * 10 + (d - '0');
            digits++;
            if (in_frac)
                scale++;
            else if (group >= 0)
                group++;
        } else if (d == '.' && !in_frac && digits > 0) {
            if (group >= 0 && group != 3)
                return NB_ST_TEXT;
            in_frac = 1;
        } else if ((d == ',' || d == 0x2C) && !in_frac && digits > 0) {
            if (group >= 0 && group != 3)
                return NB_ST_TEXT;
            if (group < 0 && digits > 3)
                return NB_ST_TEXT;
            group = 0;
        } else {
            return NB_ST_TEXT;
        }
    }
    if (digits == 0 || (in_frac && scale == 0) || (group >= 0 && group != 3 && !in_frac))
        return NB_ST_TEXT;
    out->v = neg ? -v : v;
    out->scale = scale;
    return NB_ST_NUMBER;
}

int nb_all_digits(const char *s, size_t n)
{
    size_t i = 0;
    if (n == 0)
        return 0;
    while (i < n) {
        uint32_t c = nb_fold(nb_utf8_get(s, n, &i));
        if (c < '0' || c > '9')
            return 0;
    }
    return 1;
}

nb_num nb_num_int(long long v)
{
    nb_num n = {v, 0};
    return n;
}

static long long pow10ll(int k)
{
    long long p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

nb_num nb_num_add(nb_num a, nb_num b)
{
    nb_num r;
    if (a.scale < b.scale) {
        a.v *= pow10ll(b.scale - a.scale);
        a.scale = b.scale;
    } else if (b.scale < a.scale) {
        b.v *= pow10ll(a.scale - b.scale);
        b.scale = a.scale;
    }
    r.v = a.v + b.v;
    r.scale = a.scale;
    return r;
}

int nb_num_cmp(nb_num a, nb_num b)
{
    if (a.scale < b.scale) {
        a.v *= pow10ll(b.scale - a.scale);
    } else if (b.scale < a.scale) {
        b.v *= pow10ll(a.scale - b.scale);
    }
    return (a.v > b.v) - (a.v < b.v);
}

int nb_num_is_int(nb_num a)
{
    return a.scale == 0 || a.v % pow10ll(a.scale) == 0;
}

size_t nb_num_format(nb_num a, char *out, size_t cap)
{
    if (a.scale == 0 && a.v >= 0 && a.v < 10 && cap >= 2) {
        out[0] = (char)('0' + a.v);
        out[1] = '\0';
        return 1;
    }
    if (a.scale == 0)
        return (size_t)snprintf(out, cap, "%lld", a.v);
    long long p = pow10ll(a.scale);
    long long ip = a.v / p, fp = a.v % p;
    const char *sign = "";
    if (a.v < 0) {
        sign = "-";
        ip = -ip;
        fp = -fp;
    }
    return (size_t)snprintf(out, cap, "%s%lld.%0*lld", sign, ip, a.scale, fp);
}
