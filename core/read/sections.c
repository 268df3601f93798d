/* sections.c — a report's structure: the six section headings (plain,
 * Markdown, inline in web text), the report year, issuing body, signing
 * date, statistic period and format version. Patterns are PCRE2 (UTF, JIT),
 * compiled once into the context. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "read/sections.h"
#include "base/utf8.h"
#include "text/numbering.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const heading_re =
    "(总\\s*体\\s*情\\s*况)"
    "|(主动公开政府信息(?:情况)?)"
    "|(收到和处理政府信息公开申请(?:情况)?)"
    "|((?:政府信息公开)?行政.{0,2}复议.{0,3}行政诉讼(?:情况)?)"
    "|(存在的主要问题(?:及[^\\s。，,0-9]{0,6}?(?:情况|措施))?)"
    "|(其他需要报告的事项)";

#define DIG "[0-9\\x{FF10}-\\x{FF19}]"
static const char *const title_re =
    "(?<![0-9\\x{FF10}-\\x{FF19}])(" DIG "{4})\\s*年\\s*度?\\s*([^\\n]{0,40}?)(?:政府信息公开|政务公开)\\s*(?:工作)?\\s*(?:年度)?\\s*(?:工作)?\\s*年\\s*度\\s*报\\s*告"
    "|(?<![0-9\\x{FF10}-\\x{FF19}])(" DIG "{4})\\s*年\\s*度?\\s*([^\\n]{0,40}?)(?:政府信息公开|政务公开)\\s*(?:工作)?\\s*报\\s*告";
static const char *const date_re =
    "(?<![0-9\\x{FF10}-\\x{FF19}])(" DIG "{4})\\s*年\\s*(" DIG "{1,2})\\s*月\\s*(" DIG "{1,2})\\s*日";
static const char *const period_re =
    "统计\\s*(?:期\\s*限|周\\s*期|时\\s*限|时\\s*间|区\\s*间|时\\s*段|范\\s*围)?[^0-9\\x{FF10}-\\x{FF19}。]{0,8}?"
    "(" DIG "{4})\\s*年\\s*(" DIG "{1,2})\\s*月\\s*(" DIG "{1,2})\\s*日\\s*(?:至|到|-|—|~|－)\\s*"
    "(?:(" DIG "{4})\\s*年\\s*)?(" DIG "{1,2})\\s*月\\s*(" DIG "{1,2})\\s*日";

static pcre2_code *compile(const char *pat, nb_err *err)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_NO_UTF_CHECK, &ec, &eo, NULL);
    if (!re) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(ec, buf, sizeof buf);
        nb_err_set(err, NB_E_PATTERN, "internal pattern error at offset %zu: %s", (size_t)eo, (char *)buf);
        return NULL;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

int nb_sections_init(nb_ctx *c, nb_err *err)
{
    if (!(c->re_heading = compile(heading_re, err)) || !(c->re_title = compile(title_re, err)) ||
        !(c->re_date = compile(date_re, err)) || !(c->re_period = compile(period_re, err)))
        return -1;
    c->match = pcre2_match_data_create(16, NULL);
    if (!c->match)
        return nb_err_set(err, NB_E_NOMEM, "out of memory");
    return 0;
}

void nb_sections_free(nb_ctx *c)
{
    pcre2_code_free(c->re_heading);
    pcre2_code_free(c->re_title);
    pcre2_code_free(c->re_date);
    pcre2_code_free(c->re_period);
    pcre2_match_data_free(c->match);
    c->re_heading = c->re_title = c->re_date = c->re_period = c->match = NULL;
}

/* Run re over text[from, to); fills ov (pairs) and returns 1 on a match. */
static int find(const nb_ctx *ctx, void *re, const char *text, size_t to, size_t from, PCRE2_SIZE **ov)
{
    int rc = pcre2_match(re, (PCRE2_SPTR)text, to, from, PCRE2_NO_UTF_CHECK, ctx->match, NULL);
    if (rc <= 0)
        return 0;
    *ov = pcre2_get_ovector_pointer(ctx->match);
    return 1;
}

static int group_int(const char *t, PCRE2_SIZE *ov, int g)
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

/* Step back over white space from off; returns the new offset. */
static size_t back_space(const char *t, size_t lo, size_t off)
{
    while (off > lo) {
        unsigned char c = (unsigned char)t[off - 1];
        if (c == ' ' || c == '\t' || c == '\f')
            off--;
        else if (off >= lo + 3 && (unsigned char)t[off - 3] == 0xE3 && (unsigned char)t[off - 2] == 0x80 &&
                 (unsigned char)t[off - 1] == 0x80)
            off -= 3; /* U+3000 */
        else
            break;
    }
    return off;
}

/* Code point ending at off (off > lo), and where it starts. */
static uint32_t cp_before(const char *t, size_t lo, size_t off, size_t *start)
{
    size_t s = off - 1;
    while (s > lo && ((unsigned char)t[s] & 0xC0) == 0x80)
        s--;
    size_t i = s;
    uint32_t c = nb_utf8_get(t, off, &i);
    *start = s;
    return nb_fold(c);
}

/* Is the keyword at kw a heading? It is when a heading number (三、) stands
 * right before it, or only white space, '#' or 表N： since line start; not
 * after （一）, which numbers a subsection, not one of the six.
 * *hs receives where the heading starts. */
static int heading_context(const char *t, size_t line_start, size_t kw, size_t *hs)
{
    size_t p = back_space(t, line_start, kw);
    size_t q;
    nb_marker m;
    *hs = p;
    if (nb_marker_ending_at(t, line_start, p, 3, nb_marker_is_heading, &m, &q)) {
        *hs = back_space(t, line_start, q) == line_start ? line_start : q;
        return 1;
    }
    if (nb_marker_ending_at(t, line_start, p, 1, nb_marker_is_caption, &m, &q) && q > line_start) { /* 表三： */
        size_t s3;
        if (cp_before(t, line_start, q, &s3) == 0x8868 /* 表 */)
            p = back_space(t, line_start, s3);
    }
    /* only '#', '*' and spaces may come before on this line */
    for (size_t i = line_start; i < p; i++) {
        char ch = t[i];
        if (ch != '#' && ch != ' ' && ch != '\t' && ch != '*' && ch != '\f')
            return 0;
    }
    *hs = line_start;
    return 1;
}

/* Words every heading of a section holds; found with memmem, then the
 * heading pattern is tried on a window around each (a long line of web
 * text is never scanned whole by the pattern). */
static const char *const heading_anchor[NB_NSEC] = {
    "体情况", "主动公开政府信息", "收到和处理政府信息公开申请", "行政诉讼", "存在的主要问题", "其他需要报告的事项"};

static void try_heading(nb_report *r, const nb_ctx *ctx, size_t at)
{
    const char *t = r->doc.text;
    size_t li = nb_doc_line_of(&r->doc, at);
    size_t ls, le;
    nb_doc_line(&r->doc, li, &ls, &le);
    size_t ws = at > ls + 60 ? at - 60 : ls, we = le < at + 120 ? le : at + 120;
    while (ws > ls && (((unsigned char)t[ws]) & 0xC0) == 0x80)
        ws--;
    while (we < le && (((unsigned char)t[we]) & 0xC0) == 0x80)
        we++;
    size_t from = ws;
    PCRE2_SIZE *ov;
    while (from < we && find(ctx, ctx->re_heading, t, we, from, &ov)) {
        size_t ms = ov[0], me = ov[1];
        from = me > ms ? me : ms + 1;
        if (ms > at || me <= at)
            continue;
        int which = -1;
        for (int g = 1; g <= NB_NSEC; g++)
            if (ov[2 * g] != PCRE2_UNSET) {
                which = g - 1;
                break;
            }
        if (which < 0 || r->sec[which].present)
            return;
        size_t hs;
        if (!heading_context(t, ls, ms, &hs))
            return;
        /* a heading at line start takes the rest of a short line */
        size_t he = me;
        if (hs == ls && nb_display_cols_max(t + me, le - me, 12) <= 12)
            he = le;
        nb_section *s = &r->sec[which];
        s->present = 1;
        s->head_off = hs;
        s->head_len = he - hs;
        s->body_off = he;
        return;
    }
}

static void find_headings(nb_report *r, const nb_ctx *ctx)
{
    const char *t = r->doc.text;
    size_t n = r->doc.len;
    for (int k = 0; k < NB_NSEC; k++) {
        size_t al = strlen(heading_anchor[k]), from = 0;
        const char *p;
        while (!r->sec[k].present && from < n && (p = nb_find(t + from, n - from, heading_anchor[k], al))) {
            try_heading(r, ctx, (size_t)(p - t));
            from = (size_t)(p - t) + al;
        }
    }
    /* each body runs to the next heading that follows it */
    for (int i = 0; i < NB_NSEC; i++) {
        if (!r->sec[i].present)
            continue;
        size_t end = n;
        for (int j = 0; j < NB_NSEC; j++)
            if (r->sec[j].present && r->sec[j].head_off > r->sec[i].head_off && r->sec[j].head_off < end)
                end = r->sec[j].head_off;
        r->sec[i].body_end = end;
    }
}

static int plausible_date(int y, int m, int d)
{
    return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Copy a trimmed line fragment into out, dropping '#', '*' and "标题:" prefixes. */
static void copy_name(const char *t, size_t a, size_t b, char *out, size_t cap)
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

static int is_blank_range(const char *t, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        uint32_t c = nb_utf8_get(t, b, &i);
        if (!nb_is_space(c))
            return 0;
    }
    return 1;
}

static void find_title(nb_report *r, const nb_ctx *ctx)
{
    const char *t = r->doc.text;
    size_t lim = r->doc.len < 6000 ? r->doc.len : 6000;
    PCRE2_SIZE *ov;
    if (!find(ctx, ctx->re_title, t, lim, 0, &ov))
        return;
    int g = ov[2] != PCRE2_UNSET ? 1 : 3;
    int y = group_int(t, ov, g);
    if (y < 1990 || y > 2100)
        return;
    r->year = y;
    r->year_off = ov[2 * g];
    size_t ys = ov[2 * g], ms = ov[2 * (g + 1)], me = ov[2 * (g + 1) + 1];
    size_t li = nb_doc_line_of(&r->doc, ys);
    size_t ls, le;
    nb_doc_line(&r->doc, li, &ls, &le);
    copy_name(t, ls, ys, r->agency, sizeof r->agency);
    if (!r->agency[0] && me > ms)
        copy_name(t, ms, me, r->agency, sizeof r->agency);
    /* the body's name on a line of its own above the title */
    for (size_t k = li; !r->agency[0] && k > 0 && li - k < 4; k--) {
        size_t a, b;
        nb_doc_line(&r->doc, k - 1, &a, &b);
        if (is_blank_range(t, a, b))
            continue;
        if (nb_display_cols_max(t + a, b - a, 40) <= 40 && !memchr(t + a, ':', b - a))
            copy_name(t, a, b, r->agency, sizeof r->agency);
        break;
    }
}

static void find_period(nb_report *r, const nb_ctx *ctx)
{
    PCRE2_SIZE *ov = NULL;
    const char *t = r->doc.text, *p;
    size_t n = r->doc.len, from = 0;
    int found = 0;
    while (!found && from < n && (p = nb_find(t + from, n - from, "统计", 6))) {
        size_t at = (size_t)(p - t), end = at + 240 < n ? at + 240 : n;
        while (end < n && (((unsigned char)t[end]) & 0xC0) == 0x80)
            end++;
        if (find(ctx, ctx->re_period, t, end, at, &ov) && ov[0] == at)
            found = 1;
        from = at + 3;
    }
    if (!found || !ov)
        return;
    int y1 = group_int(t, ov, 1), m1 = group_int(t, ov, 2), d1 = group_int(t, ov, 3);
    int y2 = group_int(t, ov, 4), m2 = group_int(t, ov, 5), d2 = group_int(t, ov, 6);
    if (y2 < 0)
        y2 = y1;
    if (!plausible_date(y1, m1, d1) || !plausible_date(y2, m2, d2))
        return;
    r->period_from = (nb_date){y1, m1, d1};
    r->period_to = (nb_date){y2, m2, d2};
    r->period_off = ov[0];
}

/* The signing date: the last date standing alone on its line near the end;
 * the body's name is the line above it when that is short. */
static void find_signature(nb_report *r, const nb_ctx *ctx)
{
    const char *t = r->doc.text;
    size_t n = r->doc.len;
    size_t from = n > 3000 ? n - 3000 : 0;
    if (r->sec[NB_SEC_OTHER].present && r->sec[NB_SEC_OTHER].body_off > from)
        from = r->sec[NB_SEC_OTHER].body_off;
    while (from < n && (((unsigned char)t[from]) & 0xC0) == 0x80)
        from++;
    PCRE2_SIZE *ov;
    size_t best = (size_t)-1;
    nb_date d = {0, 0, 0};
    while (from < n && find(ctx, ctx->re_date, t, n, from, &ov)) {
        size_t ms = ov[0], me = ov[1];
        from = me;
        size_t li = nb_doc_line_of(&r->doc, ms);
        size_t ls, le;
        nb_doc_line(&r->doc, li, &ls, &le);
        if (!is_blank_range(t, ls, ms) || !is_blank_range(t, me, le))
            continue;
        int y = group_int(t, ov, 1), m = group_int(t, ov, 2), dd = group_int(t, ov, 3);
        if (!plausible_date(y, m, dd))
            continue;
        best = ms;
        d = (nb_date){y, m, dd};
    }
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
        if (is_blank_range(t, a, b))
            continue;
        if (!nb_find(t + a, b - a, "。", 3) && !nb_find(t + a, b - a, "，", 3))
            copy_name(t, a, b, r->agency, sizeof r->agency);
        break;
    }
}

/* Without a title, the year most named in 总体情况 (or the text's start). */
static void guess_year(nb_report *r, const nb_ctx *ctx)
{
    if (r->year)
        return;
    if (r->period_from.y) {
        r->year = r->period_from.y;
        r->year_off = r->period_off;
        return;
    }
    const char *t = r->doc.text;
    size_t a = 0, b = r->doc.len < 4000 ? r->doc.len : 4000;
    if (r->sec[NB_SEC_GENERAL].present) {
        a = r->sec[NB_SEC_GENERAL].body_off;
        b = r->sec[NB_SEC_GENERAL].body_end;
    }
    int years[8] = {0}, counts[8] = {0}, ny = 0;
    size_t first[8] = {0};
    for (size_t i = a; i + 7 <= b; i++) {
        if (t[i] >= '1' && t[i] <= '2' && t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] >= '0' && t[i + 2] <= '9' &&
            t[i + 3] >= '0' && t[i + 3] <= '9' && (i == 0 || t[i - 1] < '0' || t[i - 1] > '9')) {
            size_t j = i + 4;
            while (j < b && t[j] == ' ')
                j++;
            if (j + 3 <= b && memcmp(t + j, "年", 3) == 0) {
                int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
                int k;
                for (k = 0; k < ny && years[k] != y; k++)
                    ;
                if (k == ny && ny < 8) {
                    years[ny] = y;
                    first[ny] = i;
                    ny++;
                }
                if (k < 8)
                    counts[k]++;
            }
        }
    }
    int best = -1;
    for (int k = 0; k < ny; k++)
        if (best < 0 || counts[k] > counts[best])
            best = k;
    if (best >= 0 && years[best] >= 1990 && years[best] <= 2100) {
        r->year = years[best];
        r->year_off = first[best];
    }
    (void)ctx;
}

static int detect_format(const nb_report *r)
{
    static const char *const marks[] = {"新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量"};
    for (size_t k = 0; k < 4; k++)
        if (nb_find(r->doc.text, r->doc.len, marks[k], strlen(marks[k])))
            return 2019;
    return 2021;
}

void nb_find_structure(nb_report *r, const nb_ctx *ctx)
{
    find_headings(r, ctx);
    find_title(r, ctx);
    find_period(r, ctx);
    find_signature(r, ctx);
    guess_year(r, ctx);
    r->format = detect_format(r);
    r->schema = nb_schema_for(r->format);
}
