/* dates.c — the dates a report states: the statistic period (统计期限 …
 * 至 …), the signing date at its end and the page's publication date
 * (发布日期 / 公开日期 / 发布时间, on its line or the next, in 年月日 or
 * 2024-01-17 form). */
#include "read/internal.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <string.h>

#define DIG "[0-9\\x{FF10}-\\x{FF19}]"
static const char *const date_re =
    "(?<![0-9\\x{FF10}-\\x{FF19}])(" DIG "{4})\\s*年\\s*(" DIG "{1,2})\\s*月\\s*(" DIG "{1,2})\\s*日";
/* a date of a period: 2024年1月1日 (or 2024年1月: the month's first or last
 * day), 2024.1.1, 2024-01-01, 2024/1/1; the year may be left out of its
 * end (2024年1月1日至12月31日); groups year, month, day (after the
 * label's: 期限, 周期 …) */
#define PDATE(y) "(?|" y "(" DIG "{1,2})\\s*月\\s*(?:(" DIG "{1,2})\\s*日)?" \
                 "|(" DIG "{4})\\s*[./\\-\\x{FF0D}-\\x{FF0F}]\\s*(" DIG "{1,2})\\s*[./\\-\\x{FF0D}-\\x{FF0F}]\\s*(" DIG "{1,2})(?![0-9]))"
static const char *const period_re =
    "统计\\s*(期\\s*限|周\\s*期|时\\s*限|时\\s*间|区\\s*间|时\\s*段|范\\s*围)?[^0-9\\x{FF10}-\\x{FF19}。]{0,8}?"
    PDATE("(" DIG "{4})\\s*年\\s*") "\\s*起?\\s*[，,]?\\s*(?:至|到|[-—–~～〜－]+)\\s*" PDATE("(?:(" DIG "{4})\\s*年\\s*)?");
/* at a line's start: the label, then the date on the same line or the next */
static const char *const published_re =
    "[ \\t\\x{3000}]*(?:发\\s*布|公\\s*开)\\s*(?:日\\s*期|时\\s*间)[ \\t\\x{3000}]*[:：]?\\s*"
    "(" DIG "{4})\\s*[-/.年]\\s*(" DIG "{1,2})\\s*[-/.月]\\s*(" DIG "{1,2})";

int nb_dates_init(nb_ctx *c, nb_err *err)
{
    if (!(c->re_date = nb_re_compile_at(date_re, err)) || !(c->re_period = nb_re_compile_at(period_re, err)))
        return -1;
    c->re_published = nb_re_compile_at(published_re, err);
    return c->re_published ? 0 : -1;
}

void nb_dates_free(nb_ctx *c)
{
    pcre2_code_free(c->re_date);
    pcre2_code_free(c->re_period);
    pcre2_code_free(c->re_published);
    c->re_date = c->re_period = c->re_published = NULL;
}

/* The days of month m of year y. */
static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : days[(m - 1) % 12];
}

/* The period the match ov states into r: 0, or -1 when it states none (a
 * date not plausible; months without their days but no label before them:
 * 据统计，2024年1月-3月 is no period). */
static int period_of(nb_report *r, const char *t, PCRE2_SIZE *ov)
{
    int y1 = nb_re_int(t, ov, 2), m1 = nb_re_int(t, ov, 3), d1 = nb_re_int(t, ov, 4);
    int y2 = nb_re_int(t, ov, 5), m2 = nb_re_int(t, ov, 6), d2 = nb_re_int(t, ov, 7);
    if (y2 < 0)
        y2 = y1;
    if ((d1 < 0 || d2 < 0) && ov[2] == PCRE2_UNSET)
        return -1;
    d1 = d1 < 0 ? 1 : d1; /* 2024年1月至12月: whole months */
    d2 = d2 < 0 && m2 >= 1 && m2 <= 12 ? month_days(y2, m2) : d2;
    if (!nb_plausible_date(y1, m1, d1) || !nb_plausible_date(y2, m2, d2))
        return -1;
    r->period_from = (nb_date){y1, m1, d1};
    r->period_to = (nb_date){y2, m2, d2};
    r->period_off = ov[0];
    r->period_len = ov[1] - ov[0];
    return 0;
}

void nb_read_period(nb_report *r, const nb_ctx *ctx)
{
    PCRE2_SIZE *ov = NULL;
    const char *t = r->doc.text, *p;
    size_t n = r->doc.len, from = 0;
    int found = 0;
    while (!found && from < n && (p = nb_find(t + from, n - from, "统计", 6))) {
        size_t at = (size_t)(p - t), end = at + 240 < n ? at + 240 : n;
        while (end < n && (((unsigned char)t[end]) & 0xC0) == 0x80)
            end++;
        if (nb_re_at(ctx, ctx->re_period, t, end, at, &ov) && ov)
            found = period_of(r, t, ov) == 0;
        from = at + 3;
    }
}

/* The Chinese numerals of a date's part at t[*i] (a year of four, read
 * digit by digit: 二〇二五; a month or day of up to three: 十二, 三十一) as a
 * number, *i past them; -1 when they are none of these. */
static int cn_part(const char *t, size_t *i, size_t end, int year)
{
    size_t j = *i;
    int n = 0, v = 0;
    while (n < (year ? 4 : 3) && j < end) {
        size_t k = j;
        int d = nb_cn_date_digit(nb_utf8_get(t, end, &k));
        if (d < 0 || (year && d > 9))
            break;
        v = v * 10 + d;
        j = k;
        n++;
    }
    long long m = n && !year ? nb_parse_cn_number(t + *i, j - *i) : v;
    int ok = year ? n == 4 : n > 0 && m >= 0 && m <= 31;
    *i = j;
    return ok ? (int)m : -1;
}

/* A date in Chinese numerals at t[i] (二〇二五年一月二十日): 0 and the date
 * into *d, its end into *e; -1 when there is none. */
static int cn_date_at(const char *t, size_t i, size_t end, nb_date *d, size_t *e)
{
    static const char *const units[3] = {"年", "月", "日"};
    int v[3];
    for (int k = 0; k < 3; k++) {
        v[k] = cn_part(t, &i, end, k == 0);
        if (v[k] < 0)
            return -1;
        i = nb_skip_spaces(t, i, end);
        if (end - i < 3 || memcmp(t + i, units[k], 3))
            return -1;
        i = nb_skip_spaces(t, i + 3, end);
    }
    *d = (nb_date){v[0], v[1], v[2]};
    *e = i;
    return 0;
}

/* A date in digits with . - / between its parts at t[i] (2025-01-20,
 * 2025.1.20): 0 and the date into *d, its end into *e; -1 when there is
 * none. */
static int dotted_date_at(const char *t, size_t i, size_t end, nb_date *d, size_t *e)
{
    int v[3];
    char mark = 0;
    for (int k = 0; k < 3; k++) {
        size_t from = i;
        for (v[k] = 0; i < end && i - from < (k ? 2u : 4u) && t[i] >= '0' && t[i] <= '9'; i++)
            v[k] = v[k] * 10 + (t[i] - '0');
        if (i == from || (k == 0 && i - from < 4) || (i < end && t[i] >= '0' && t[i] <= '9'))
            return -1;
        if (k == 2)
            break;
        if (i >= end || (t[i] != '.' && t[i] != '-' && t[i] != '/') || (mark && t[i] != mark))
            return -1; /* the same mark between each part */
        mark = t[i++];
    }
    *d = (nb_date){v[0], v[1], v[2]};
    *e = i;
    return 0;
}

/* The date standing alone on line li, starting at from or past it (a
 * match may run on over the next lines, as \s lets it): its start into
 * *at and the date into *d; 0 when there is none. Such a date starts at
 * the line's first character that is no space, with a digit (a full-width
 * one starts EF) or a Chinese numeral (二 starts E4); its parts are joined
 * by 年月日 or by . - / (2025-01-20). */
static int date_alone_on(const nb_report *r, const nb_ctx *ctx, size_t li, size_t from, size_t *at, nb_date *d)
{
    const char *t = r->doc.text;
    size_t ls, le, e;
    nb_doc_line(&r->doc, li, &ls, &le);
    size_t p = nb_skip_spaces(t, ls, le);
    PCRE2_SIZE *ov;
    unsigned char u = p < le ? (unsigned char)t[p] : 0;
    if (p >= from && u == 0xE4 && cn_date_at(t, p, le, d, &e) == 0 && nb_blank_range(t, e, le) &&
        nb_plausible_date(d->y, d->m, d->d)) {
        *at = p;
        return 1;
    }
    if (p >= from && u >= '0' && u <= '9' && dotted_date_at(t, p, le, d, &e) == 0 && nb_blank_range(t, e, le) &&
        nb_plausible_date(d->y, d->m, d->d)) {
        *at = p;
        return 1;
    }
    if (p < from || p >= le || !((u >= '0' && u <= '9') || u == 0xEF) ||
        !nb_re_at(ctx, ctx->re_date, t, r->doc.len, p, &ov) || !nb_blank_range(t, ov[1], le))
        return 0;
    int y = nb_re_int(t, ov, 1), m = nb_re_int(t, ov, 2), dd = nb_re_int(t, ov, 3);
    if (!nb_plausible_date(y, m, dd))
        return 0;
    *at = p;
    *d = (nb_date){y, m, dd};
    return 1;
}

/* The signing date: the last date standing alone on its line near the end;
 * the body's name is the line above it when that is short. No date's span
 * holds another's start (its other digits come at most two together), so
 * the dates of the text are the same however it is read: its lines are
 * read from the last up, and the first with such a date has the last. */
void nb_read_signature(nb_report *r, const nb_ctx *ctx)
{
    const char *t = r->doc.text;
    size_t n = r->doc.len;
    size_t from = n > 3000 ? n - 3000 : 0;
    if (r->sec[NB_SEC_OTHER].present && r->sec[NB_SEC_OTHER].body_off > from)
        from = r->sec[NB_SEC_OTHER].body_off;
    while (from < n && (((unsigned char)t[from]) & 0xC0) == 0x80)
        from++;
    if (from >= n || !r->doc.nlines)
        return;
    size_t best = (size_t)-1, l0 = nb_doc_line_of(&r->doc, from);
    nb_date d = {0, 0, 0};
    for (size_t li = r->doc.nlines; li-- > l0;)
        if (date_alone_on(r, ctx, li, from, &best, &d))
            break;
    if (best == (size_t)-1)
        return;
    r->signed_on = d;
    r->signed_off = best;
    if (r->agency[0])
        return;
    size_t li = nb_doc_line_of(&r->doc, best);
    for (size_t k = li; k > 0 && li - k < 4; k--) {
        size_t a, b;
        nb_doc_line(&r->doc, k - 1, &a, &b);
        if (nb_blank_range(t, a, b))
            continue;
        if (!nb_find(t + a, b - a, "。", 3) && !nb_find(t + a, b - a, "，", 3))
            nb_copy_name(t, a, b, r->agency, sizeof r->agency);
        break;
    }
}

/* Can the publication pattern match at t[i] (to ends its reach)? Its
 * label's first character, 发 or 公, must stand after the spaces (which it
 * is not one of): most lines are told without running it. With the text's
 * end for to, the answer is the same for a line (the spaces stop at its
 * end, where no 发 or 公 stands) and no for an empty one. */
static inline int label_may_start(const char *t, size_t i, size_t to)
{
    const unsigned char *u = (const unsigned char *)t;
    if (i < to && u[i] != 0xE5 && u[i] != ' ' && u[i] != '\t' && u[i] != 0xE3)
        return 0; /* 发 and 公 start E5: most lines are told by their first byte */
    while (i < to) {
        if (u[i] == ' ' || u[i] == '\t')
            i++;
        else if (i + 3 <= to && u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x80) /* U+3000 */
            i += 3;
        else
            break;
    }
    return i + 3 <= to && (!memcmp(t + i, "发", 3) || !memcmp(t + i, "公", 3));
}

/* A publication line at line li (most lines told by label_may_start): its
 * date into r; 1 when there is one. */
static int published_at(nb_report *r, const nb_ctx *ctx, size_t li)
{
    const char *t = r->doc.text;
    if (!label_may_start(t, r->doc.lines[li], r->doc.len))
        return 0;
    size_t n = r->doc.len, ls, le;
    nb_doc_line(&r->doc, li, &ls, &le);
    size_t to = le + 40 < n ? le + 40 : n; /* the date may be on the next line */
    while (to < n && (((unsigned char)t[to]) & 0xC0) == 0x80)
        to++;
    PCRE2_SIZE *ov;
    if (!nb_re_at(ctx, ctx->re_published, t, to, ls, &ov))
        return 0;
    int y = nb_re_int(t, ov, 1), m = nb_re_int(t, ov, 2), d = nb_re_int(t, ov, 3);
    if (!nb_plausible_date(y, m, d))
        return 0;
    r->published_on = (nb_date){y, m, d};
    r->published_off = ov[2];
    return 1;
}

/* The first publication line in the page's first 40 lines (where a web
 * page puts its metadata) or its last 20; the lines between are not
 * visited. */
void nb_read_published(nb_report *r, const nb_ctx *ctx)
{
    size_t nl = r->doc.nlines, head = nl < 40 ? nl : 40;
    size_t tail = nl > 20 && nl - 20 > head ? nl - 20 : head;
    for (size_t li = 0; li < head; li++)
        if (published_at(r, ctx, li))
            return;
    for (size_t li = tail; li < nl; li++)
        if (published_at(r, ctx, li))
            return;
}
