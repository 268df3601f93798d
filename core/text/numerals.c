/* numerals.c — every way a number is written in a report, read by one
 * parser family with one unit list: cell values (full-width digits,
 * thousands separators, a sign, decimals, a unit, bare or in brackets;
 * blanks and placeholders: dashes, 无, 不涉及, 不适用, N/A),
 * percentages (a value whose unit is %), Chinese numerals (十二, 一百零五,
 * 两, 二〇二四) and runs of digits. */
#include "text/numerals.h"
#include "base/utf8.h"

#include <stdio.h>
#include <string.h>

/* By status: the name (exports, the English screen) and the Chinese word. */
static const char *const status_words[][2] = {
    [NB_ST_MISSING] = {"missing", "缺失"},   [NB_ST_NUMBER] = {"number", "数字"},
    [NB_ST_BLANK] = {"blank", "空白"},       [NB_ST_PLACEHOLDER] = {"placeholder", "占位符"},
    [NB_ST_TEXT] = {"text", "文字"},         [NB_ST_INFERRED] = {"inferred", "推断"},
};

const char *nb_status_name(nb_status s)
{
    return s >= NB_ST_MISSING && s <= NB_ST_INFERRED ? status_words[s][0] : "?";
}

const char *nb_status_label(nb_status s, nb_lang lang)
{
    return s >= NB_ST_MISSING && s <= NB_ST_INFERRED ? status_words[s][lang == NB_LANG_ZH] : "?";
}

static int is_digit_cp(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Zero-width characters (nb_is_zero_width) between two digits of c[0, m)
 * dropped: they do not split a number (2\u200b17 is 217). The count left. */
static int drop_zero_width(uint32_t *c, int m)
{
    int k = 0;
    for (int i = 0; i < m; i++) {
        if (nb_is_zero_width(c[i]) && k > 0 && is_digit_cp(c[k - 1])) {
            int j = i;
            while (j < m && nb_is_zero_width(c[j]))
                j++;
            if (j < m && is_digit_cp(c[j])) {
                i = j - 1;
                continue;
            }
        }
        c[k++] = c[i];
    }
    return k;
}

/* Folded code points of s without surrounding white space, nor zero-width
 * characters between its digits. */
static int fold_trim(const char *s, size_t n, uint32_t *c, int cap)
{
    int m = 0;
    size_t i = 0;
    while (i < n && m < cap) {
        uint32_t cp = nb_fold(nb_utf8_get(s, n, &i));
        c[m++] = cp;
    }
    m = drop_zero_width(c, m);
    int a = 0, b = m;
    while (a < b && (nb_is_space(c[a]) || c[a] == '*'))
        a++;
    while (b > a && (nb_is_space(c[b - 1]) || c[b - 1] == '*'))
        b--;
    if (a)
        memmove(c, c + a, (size_t)(b - a) * sizeof *c);
    return b - a;
}

/* A dash of is_placeholder's (folded: — ― – ‒ − ─ and the full-width
 * hyphen are '-', ～ is '~'). */
static int placeholder_dash(uint32_t cp)
{
    return cp == '-' || cp == '/' || cp == 0x2014 || cp == 0x2015 || cp == 0x2010 || cp == 0xFF5E || cp == '~' ||
           cp == 0x2026;
}

static int is_placeholder(const uint32_t *c, int n)
{
    if (n == 0)
        return 0;
    int dashes = 1;
    for (int i = 0; i < n; i++)
        if (!placeholder_dash(c[i]))
            dashes = 0;
    if (dashes && n <= 4)
        return 1;
    /* words that stand for no figure: 无 暂无 空 不涉及 不适用 N/A NA (their
       ideographs listed in value_ideograph too) */
    static const uint32_t words[][4] = {
        {0x65E0}, {0x6682, 0x65E0}, {0x7A7A}, {0x4E0D, 0x6D89, 0x53CA}, {0x4E0D, 0x9002, 0x7528}, {'n', '/', 'a'},
        {'n', 'a'}};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        int k = 0;
        while (k < 4 && words[w][k] && k < n && (c[k] | (c[k] < 128 ? 0x20 : 0)) == words[w][k])
            k++;
        if (k == n && (k == 4 || !words[w][k]))
            return 1;
    }
    return 0;
}

/* Strip a trailing unit; returns the new length. (A unit added here is
 * added to value_ideograph too, or text holding it is never read; one that
 * is no ideograph, to nb_may_end_value.) */
static int strip_bare_unit(const uint32_t *c, int n)
{
    static const uint32_t units[] = {0x4EF6, 0x4E2A, 0x6761, 0x9879, 0x5143, 0x6B21, '%', 0x5BB6, 0x4EFD, 0x4EBA};
    if (n >= 2 && c[n - 2] == 0x4E07 && c[n - 1] == 0x5143) /* 万元 */
        return n - 2;
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (n >= 1 && c[n - 1] == units[k])
            return n - 1;
    return n;
}

/* Strip a trailing unit, bare ("18651.06万元") or in brackets as a table's
 * header writes it ("18651.06（万元）", and a cell's second line "（万元）"
 * under its figure, the break read as a space); returns the new length. */
static int strip_unit(const uint32_t *c, int n)
{
    if (n < 1 || c[n - 1] != ')')
        return strip_bare_unit(c, n);
    int e = strip_bare_unit(c, n - 1);
    return e < n - 1 && e >= 1 && c[e - 1] == '(' ? e - 1 : n;
}

int nb_may_start_value(uint32_t cp)
{
    cp = nb_fold(cp);
    return (cp >= '0' && cp <= '9') || cp == '-' || cp == '+' || cp == '/' || cp == '.' || cp == '~' || cp == 0x2014 ||
           cp == 0x2015 || cp == 0x2010 || cp == 0x2026 || cp == 0x65E0 /* 无 */ || cp == 0x7A7A /* 空 */ ||
           cp == 0x6682 /* 暂 */ || cp == 0x4E0D /* 不 */ || cp == 'N' || cp == 'n' || cp == '*';
}

/* The digits of a number (after its sign and before its unit): the value,
 * or why not — 0 a number, 1 not one, 2 too many digits before the point, 3
 * too many after it. */
static int read_digits(const uint32_t *c, int i, int e, long long *out, int *scale_out)
{
    long long v = 0;
    int digits = 0, scale = 0, in_frac = 0, group = -1, over = 0;
    for (; i < e; i++) {
        uint32_t d = c[i];
        if (d >= '0' && d <= '9') {
            if (in_frac ? scale >= NB_NUM_MAX_SCALE : digits - scale >= NB_NUM_MAX_INT)
                over = in_frac ? 3 : 2; /* read on: text that is no number is said so first */
            else
                v = v * 10 + (d - '0');
            digits++;
            if (in_frac)
                scale++;
            else if (group >= 0)
                group++;
        } else if (d == '.' && !in_frac && digits > 0) {
            if (group >= 0 && group != 3)
                return 1;
            in_frac = 1;
        } else if ((d == ',' || d == 0x2C) && !in_frac && digits > 0) {
            if ((group >= 0 && group != 3) || (group < 0 && digits > 3))
                return 1;
            group = 0;
        } else {
            return 1;
        }
    }
    if (digits == 0 || (in_frac && scale == 0) || (group >= 0 && group != 3 && !in_frac))
        return 1;
    if (over)
        return over;
    *out = v;
    *scale_out = scale;
    return 0;
}

/* The ideographs a value's text can hold: its unit (件 个 条 项 元 次 家 份
 * 人, 万元: strip_unit's) and the placeholder words' (无 暂无 空 不涉及
 * 不适用: is_placeholder's) — the three lists change together. */
static int value_ideograph(uint32_t cp)
{
    switch (cp) {
    case 0x4EF6: case 0x4E2A: case 0x6761: case 0x9879: case 0x5143: case 0x6B21: case 0x5BB6: case 0x4EFD:
    case 0x4EBA: case 0x4E07: case 0x65E0: case 0x6682: case 0x7A7A: case 0x4E0D: case 0x6D89: case 0x53CA:
    case 0x9002: case 0x7528:
        return 1;
    }
    return 0;
}

int nb_may_end_value(uint32_t cp)
{
    cp = nb_fold(cp);
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return value_ideograph(cp); /* the commonest end: a label's */
    return (cp >= '0' && cp <= '9') || cp == '%' || value_ideograph(cp) || placeholder_dash(cp) || cp == 'a' ||
           cp == 'A' || cp == '*' || cp == ')' /* a unit in brackets */ || nb_is_space(cp);
}

/* Does s[i, n) hold an ideograph (U+4000–U+9FFF, folded to itself) that no
 * value holds? Its three bytes found byte by byte, nothing else decoded: a
 * label ("1.行政许可", "不予公开") is text without folding it all. */
static int has_text_ideograph(const char *s, size_t i, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (; i + 2 < n; i++)
        if (nb_utf8_ideo3(u, i, n)) {
            if (!value_ideograph(nb_utf8_ideo3_cp(u + i)))
                return 1;
            i += 2;
        }
    return 0;
}

/* Text that may be a number: its code points folded and trimmed (c, *m),
 * or the status it has without digits (a blank, a placeholder, text). */
static int value_chars(const char *s, size_t n, uint32_t *c, int *m)
{
    if (n > 200)
        return NB_ST_TEXT;
    size_t i0 = 0;
    while (i0 < n) {
        size_t k = i0;
        uint32_t cp = nb_utf8_get(s, n, &k);
        if (!nb_is_space(cp)) {
            if (!nb_may_start_value(cp))
                return NB_ST_TEXT;
            break;
        }
        i0 = k;
    }
    if (i0 == n)
        return NB_ST_BLANK;
    if (has_text_ideograph(s, i0, n))
        return NB_ST_TEXT;
    *m = fold_trim(s, n, c, 256);
    if (*m == 0)
        return NB_ST_BLANK;
    if (is_placeholder(c, *m))
        return NB_ST_PLACEHOLDER;
    return NB_ST_NUMBER;
}

/* Read s as a value past the quick cases of parse_value: its code points
 * folded (value_chars), then a sign, the digits and a unit. */
static nb_status parse_value_chars(const char *s, size_t n, nb_num *out, int *why)
{
    uint32_t c[256]; /* n ≤ 200 bytes: every code point fits */
    int m = 0;
    nb_status st = (nb_status)value_chars(s, n, c, &m);
    if (st != NB_ST_NUMBER)
        return st;
    int e = strip_unit(c, m);
    while (e > 0 && nb_is_space(c[e - 1]))
        e--;
    int i = 0, neg = 0;
    if (i < e && (c[i] == '-' || c[i] == '+')) {
        neg = c[i] == '-';
        i++;
    }
    long long v;
    int scale;
    if ((*why = read_digits(c, i, e, &v, &scale)) != 0)
        return NB_ST_TEXT;
    out->v = neg ? -v : v;
    out->scale = scale;
    return NB_ST_NUMBER;
}

/* Read s as a value: its status, the number in *out, why in *why
 * (read_digits). The two commonest cases are told here without decoding:
 * ASCII digits alone, and text starting with an ideograph no value starts
 * with (a label: value_chars would say text at its first character). */
static nb_status parse_value(const char *s, size_t n, nb_num *out, int *why)
{
    const unsigned char *u = (const unsigned char *)s;
    out->v = 0;
    out->scale = 0;
    *why = 1;
    if (n >= 1 && n <= NB_NUM_MAX_INT) { /* the most common cell: ASCII digits alone, read as they stand */
        long long v = 0;
        size_t k = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9')
            v = v * 10 + (s[k++] - '0');
        if (k == n) {
            *why = 0;
            out->v = v;
            return NB_ST_NUMBER;
        }
    }
    if (nb_utf8_ideo3(u, 0, n) && !nb_may_start_value(nb_utf8_ideo3_cp(u)))
        return NB_ST_TEXT; /* an ideograph is no white space, and folds to itself */
    return parse_value_chars(s, n, out, why);
}

nb_status nb_parse_value(const char *s, size_t n, nb_num *out)
{
    int why;
    return parse_value(s, n, out, &why);
}

nb_value_fit nb_value_fits(const char *s, size_t n)
{
    nb_num v;
    int why;
    if (parse_value(s, n, &v, &why) != NB_ST_TEXT)
        return NB_VALUE_FITS;
    return why == 2 ? NB_VALUE_TOO_LONG : why == 3 ? NB_VALUE_TOO_PRECISE : NB_VALUE_FITS;
}

int nb_parse_percent(const char *s, size_t n, double *pct)
{
    uint32_t c[256];
    nb_num v;
    if (n > 200)
        return -1;
    int m = fold_trim(s, n, c, 256);
    if (m < 2 || c[m - 1] != '%' || nb_parse_value(s, n, &v) != NB_ST_NUMBER)
        return -1;
    double scale = 1;
    for (int k = 0; k < v.scale; k++)
        scale *= 10; /* exact: one division below rounds once, as reading the digits does */
    *pct = (double)v.v / scale;
    return 0;
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

int nb_cn_digit(uint32_t c)
{
    switch (c) {
    case 0x3007: case 0x96F6: return 0;  /* 〇 零 */
    case 0x4E00: return 1;               /* 一 */
    case 0x4E8C: case 0x4E24: return 2;  /* 二 两 */
    case 0x4E09: return 3;               /* 三 */
    case 0x56DB: return 4;               /* 四 */
    case 0x4E94: return 5;               /* 五 */
    case 0x516D: return 6;               /* 六 */
    case 0x4E03: return 7;               /* 七 */
    case 0x516B: return 8;               /* 八 */
    case 0x4E5D: return 9;               /* 九 */
    case 0x5341: return 10;              /* 十 */
    }
    return -1;
}

int nb_cn_date_digit(uint32_t c)
{
    return c == 0x25CB ? 0 : nb_cn_digit(c);
}

/* Past this, a number written out is not read (its arithmetic stays in range). */
#define CN_MAX 1000000000000000LL

/* A number as written: 12, １２, 十二, 一百零五, 两, 二〇二四. -1 if none. */
long long nb_parse_cn_number(const char *s, size_t n)
{
    long long total = 0, section = 0, number = 0;
    int any = 0, units = 0, digits = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c = nb_fold(nb_utf8_get(s, n, &i));
        if (number > CN_MAX || section > CN_MAX || total > CN_MAX)
            return -1; /* no count of a report is this large: never overflow */
        if (c >= '0' && c <= '9') {
            number = number * 10 + (c - '0');
            any = 1;
            digits++;
            continue;
        }
        int d = nb_cn_digit(c);
        if (d >= 0 && d <= 9) {
            number = digits && !units ? number * 10 + d : d;
            digits++;
            any = 1;
        } else if (c == 0x5341 || c == 0x767E || c == 0x5343) { /* 十 百 千 */
            long long u = c == 0x5341 ? 10 : c == 0x767E ? 100 : 1000;
            section += (number ? number : 1) * u;
            number = 0;
            units = any = 1;
        } else if (c == 0x4E07) { /* 万 */
            total += (section + number) * 10000;
            section = number = 0;
            units = any = 1;
        } else {
            return -1;
        }
    }
    return any ? total + section + number : -1;
}

long long nb_count_at(const char *s, size_t lo, size_t i, size_t end, const char *const *units, size_t *digits_end,
                      size_t *unit_end)
{
    if (i >= end || s[i] < '0' || s[i] > '9' || (i > lo && s[i - 1] >= '0' && s[i - 1] <= '9'))
        return -1;
    size_t e = i;
    while (e < end && s[e] >= '0' && s[e] <= '9')
        e++;
    size_t u = e;
    while (u < end && s[u] == ' ')
        u++;
    for (int k = 0; units[k]; k++) {
        size_t ul = strlen(units[k]);
        if (end - u >= ul && !memcmp(s + u, units[k], ul)) {
            *digits_end = e;
            *unit_end = u + ul;
            return nb_parse_cn_number(s + i, e - i);
        }
    }
    return -1;
}
