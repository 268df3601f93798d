/* sections.c — a report's structure: the six section headings (plain,
 * Markdown, inline in web text) and the numerals they carry, the top-level
 * numbered headings, the report year and issuing body, the format version;
 * the patterns of read/ (PCRE2, UTF, JIT) compiled once into the context
 * (the dates' by read/dates.c), with the standard headings' normal forms
 * (read/wording.c). */
#include "read/sections.h"
#include "read/internal.h"
#include "base/utf8.h"
#include "text/numbering.h"
#include "text/numerals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const heading_re =
    "(总\\s*体\\s*情\\s*况)"
    "|(主动公开政府信息(?:情况)?)"
    "|(收到和处理政府信息公开申请(?:情况)?)"
    "|((?:因?政府信息公开(?:工作)?(?:被申请|申请)?)?行政.{0,2}复议.{0,3}行政诉讼(?:的?情况)?)"
    "|((?:政府信息公开工作)?存在的主要问题(?:及[^\\s。，,0-9]{0,6}?(?:情况|措施))?)"
    "|(其他需要报告的事项)";

#define DIG "[0-9\\x{FF10}-\\x{FF19}]"
static const char *const title_re =
    "(?<![0-9\\x{FF10}-\\x{FF19}])(" DIG "{4})\\s*年\\s*度?\\s*([^\\n]{0,40}?)(?:政府信息公开|政务公开)\\s*(?:工作)?\\s*(?:年度)?\\s*(?:工作)?\\s*年\\s*度\\s*报\\s*告"
    "|(?<![0-9\\x{FF10}-\\x{FF19}])(" DIG "{4})\\s*年\\s*度?\\s*([^\\n]{0,40}?)(?:政府信息公开|政务公开)\\s*(?:工作)?\\s*报\\s*告";

int nb_sections_init(nb_ctx *c, nb_err *err)
{
    if (!(c->re_heading = nb_re_compile(heading_re, err)) || !(c->re_title = nb_re_compile(title_re, err)) ||
        nb_dates_init(c, err) != 0 || nb_wording_init(c, err) != 0)
        return -1;
    c->match = pcre2_match_data_create(16, NULL);
    if (!c->match)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(c->lang, "out of memory", "内存不足"));
    return 0;
}

void nb_sections_free(nb_ctx *c)
{
    pcre2_code_free(c->re_heading);
    pcre2_code_free(c->re_title);
    nb_dates_free(c);
    nb_wording_free(c);
    pcre2_match_data_free(c->match);
    c->re_heading = c->re_title = c->match = NULL;
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

/* Past the spaces (ASCII and U+3000) at t[i]. */
static size_t past_spaces(const char *t, size_t i, size_t end)
{
    while (i < end && (t[i] == ' ' || (end - i >= 3 && !memcmp(t + i, "\u3000", 3))))
        i += t[i] == ' ' ? 1 : 3;
    return i;
}

/* A top-level numeral at t[i] followed by 、 or '.': 三、 → 3, 十二、 → 12;
 * 0 when there is none. *after (when not NULL) is past the 、. Spaced (a
 * heading's numeral, its words known to follow): spaces may stand before
 * the 、 (三 、, as PDF text has it), or stand for it (三　), or a colon (三：). */
static int numeral_at(const char *t, size_t i, size_t end, size_t *after, int spaced)
{
    if (i >= end || ((unsigned char)t[i] != 0xE4 && (unsigned char)t[i] != 0xE5))
        return 0; /* 一 to 十 (and 两) all start E4 or E5: most lines are told at once */
    int v = 0, tens = 0, k = 0;
    for (; i < end && k < 3; k++) {
        size_t j = i;
        int d = nb_cn_digit(nb_utf8_get(t, end, &j));
        if (d <= 0)
            break;
        if (d == 10) {
            tens = v ? v : 1;
            v = 0;
        } else {
            v = v * 10 + d;
        }
        i = j;
    }
    if (!k || i >= end)
        return 0;
    size_t sp = spaced ? past_spaces(t, i, end) : i, j = sp;
    uint32_t c = sp < end ? nb_fold(nb_utf8_get(t, end, &j)) : 0;
    if (c != 0x3001 && c != '.' && !(spaced && (c == ':' || (sp > i && nb_is_cjk(c)))))
        return 0;
    if (after)
        *after = c == 0x3001 || c == '.' || c == ':' ? j : sp;
    return tens * 10 + v;
}

/* Is the keyword at kw a heading numbered loosely, its numeral alone at
 * the line's start with spaces or a colon between (一 、总体情况, 一　总体情况)?
 * *hs receives where the heading starts. */
static int spaced_heading(const char *t, size_t line_start, size_t kw, size_t *hs)
{
    size_t q;
    if (numeral_at(t, nb_skip_lead(t, line_start, kw), kw + 3, &q, 1) <= 0 || past_spaces(t, q, kw) != kw)
        return 0;
    *hs = line_start;
    return 1;
}

/* Does t[i, we) start with the word w (w_len bytes)? */
static int word_at(const unsigned char *u, size_t i, size_t we, const char *w, size_t w_len)
{
    return i + w_len <= we && !memcmp(u + i, w, w_len);
}

/* Can a match of the heading pattern start at u[i] (and end by we)? Every
 * alternative starts with one of 总 主 收 因 政 行 存 其 (its optional prefixes
 * included), and each but 总 (after which \s* may stand) with two
 * characters that always stand together: 主动 收到 因政 行政 存在 其他, and
 * 政府信息公开 followed by 工(作) 被(申请) 申(请) or 行(政). */
static int heading_may_start(const unsigned char *u, size_t i, size_t we)
{
    switch ((uint32_t)u[i] << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2]) {
    case 0xE680BB: /* 总 */
        return 1;
    case 0xE4B8BB: /* 主 */
        return word_at(u, i + 3, we, "动", 3);
    case 0xE694B6: /* 收 */
        return word_at(u, i + 3, we, "到", 3);
    case 0xE59BA0: /* 因 */
    case 0xE8A18C: /* 行 */
        return word_at(u, i + 3, we, "政", 3);
    case 0xE5AD98: /* 存 */
        return word_at(u, i + 3, we, "在", 3);
    case 0xE585B6: /* 其 */
        return word_at(u, i + 3, we, "他", 3);
    case 0xE694BF: /* 政 */
        return word_at(u, i + 3, we, "府信息公开", 15) &&
               (word_at(u, i + 18, we, "工", 3) || word_at(u, i + 18, we, "被", 3) ||
                word_at(u, i + 18, we, "申", 3) || word_at(u, i + 18, we, "行", 3));
    default:
        return 0;
    }
}

size_t nb_heading_start(const char *t, size_t from, size_t we)
{
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = from; i + 3 <= we; i++)
        if ((unsigned)(u[i] - 0xE4) <= 4 && heading_may_start(u, i, we))
            return i;
    return we;
}

static void try_heading(nb_report *r, const nb_ctx *ctx, size_t at)
{
    const char *t = r->doc.text;
    size_t li = nb_doc_line_of(&r->doc, at);
    size_t ls, le;
    nb_doc_line(&r->doc, li, &ls, &le);
    size_t ws = at > ls + 90 ? at - 90 : ls, we = le < at + 120 ? le : at + 120;
    while (ws > ls && (((unsigned char)t[ws]) & 0xC0) == 0x80)
        ws--;
    while (we < le && (((unsigned char)t[we]) & 0xC0) == 0x80)
        we++;
    size_t from = ws;
    PCRE2_SIZE *ov;
    /* a match that starts past at is none of this place's */
    while ((from = nb_heading_start(t, from, we)) <= at && nb_re_find(ctx, ctx->re_heading, t, we, from, &ov)) {
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
        if (!heading_context(t, ls, ms, &hs) && !spaced_heading(t, ls, ms, &hs))
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
        s->numeral = numeral_at(t, nb_skip_lead(t, hs, ms), me, NULL, 1);
        return;
    }
}

/* Without a heading of section 五, its first subheading when it stands
 * between 四's and 六's: a short line that starts （一）, 一、 or 1. and
 * names 问题 (a converter lost the heading; nb_record_wording says so). */
static void problems_without_heading(nb_report *r)
{
    const nb_section *four = &r->sec[NB_SEC_REVIEW], *six = &r->sec[NB_SEC_OTHER];
    if (r->sec[NB_SEC_PROBLEMS].present || !four->present || !six->present || six->head_off < four->body_off)
        return;
    const char *t = r->doc.text;
    size_t l0 = nb_doc_line_of(&r->doc, four->body_off), l1 = nb_doc_line_of(&r->doc, six->head_off);
    for (size_t li = l0 + 1; li < l1; li++) {
        size_t ls, le;
        nb_doc_line(&r->doc, li, &ls, &le);
        size_t i = nb_skip_lead(t, ls, le);
        if (!nb_numbering_len(t, le, i) || nb_display_cols_max(t + i, le - i, 40) > 40 || !nb_find(t + i, le - i, "问题", 6))
            continue;
        nb_section *s = &r->sec[NB_SEC_PROBLEMS];
        s->present = 1;
        s->head_off = i;
        s->head_len = le - i;
        s->body_off = i; /* the subheading is the body's first line */
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
    problems_without_heading(r);
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

/* A word of the format and its length in bytes, taken from its literal. */
typedef struct word {
    const char *w;
    size_t n;
} word;
#define WORD(lit) {lit, sizeof lit - 1}

/* The rows of T3 numbered like sections (一、本年新收…), which are no
 * headings; so is a line of a space-aligned table (three numbers apart). */
static int is_t3_row(const char *t, size_t i, size_t end)
{
    static const word rows[] = {WORD("本年新收"), WORD("上年结转"), WORD("本年度办理结果"), WORD("结转下年度")};
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) /* the first character's last bytes asked first */
        if (end - i >= rows[k].n && t[i + 2] == rows[k].w[2] && t[i + 1] == rows[k].w[1] &&
            !memcmp(t + i, rows[k].w, rows[k].n))
            return 1;
    int groups = 0; /* the line read only up to its third number */
    for (size_t k = i; k < end; k++)
        if (t[k] >= '0' && t[k] <= '9' && (k == i || t[k - 1] == ' ' || t[k - 1] == '\t') && ++groups == 3)
            return 1;
    return 0;
}

/* The heading's span on its line: to the first 。；： or the line's end, at
 * most 90 bytes (at a character's start). An ideograph of U+4000–U+9FFF
 * (nb_fold keeps it) and an ASCII byte are told without decoding. */
static size_t heading_end(const char *t, size_t i, size_t le)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t lim = i + 90 < le ? i + 90 : le;
    while (i < lim) {
        if (nb_utf8_ideo3(u, i, le)) {
            if (i + 3 > lim)
                break;
            i += 3;
            continue;
        }
        if (u[i] < 0x80) {
            if (u[i] == ';' || u[i] == ':')
                break;
            i++;
            continue;
        }
        size_t j = i;
        uint32_t c = nb_fold(nb_utf8_get(t, le, &j));
        if (c == 0x3002 || c == ';' || c == ':' || j > lim)
            break;
        i = j;
    }
    return i;
}

/* A heading of the list; the statutory section whose heading starts in
 * [lo, hi] is the one it is. */
static void add_heading(nb_report *r, size_t off, size_t len, int numeral, size_t lo, size_t hi)
{
    if (r->nheads >= NB_MAX_HEADS)
        return;
    nb_heading *h = &r->heads[r->nheads++];
    h->off = off;
    h->len = len;
    h->numeral = numeral;
    h->section = -1;
    for (int k = 0; k < NB_NSEC; k++)
        if (r->sec[k].present && r->sec[k].head_off >= lo && r->sec[k].head_off <= hi)
            h->section = k;
}

/* Can the line t[ls, next) (next: where the next line starts) start with a
 * top-level numeral after its lead (nb_skip_lead's)? Not when the first
 * byte past its ASCII lead starts no numeral (一 to 十 start E4 or E5) and no
 * other lead (which is not ASCII), nor when it starts an ideograph other
 * than 一 to 十, nor another character that is no space (（ 【 ●, which
 * nb_skip_lead stops at): most lines are told by a few bytes. */
static int may_start_numeral(const char *t, size_t ls, size_t next)
{
    /* the ASCII lead nb_skip_lead steps over: white space, '#' and '*' */
    static const unsigned char ascii_lead[256] = {
        ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, ['#'] = 1, ['*'] = 1};
    const unsigned char *u = (const unsigned char *)t;
    size_t i = ls;
    while (i < next && ascii_lead[u[i]])
        i++;
    unsigned char c = i < next ? u[i] : 0;
    if (c == 0xE4 || c == 0xE5)
        return nb_utf8_ideo3(u, i, next) && nb_cn_digit(nb_utf8_ideo3_cp(u + i)) > 0;
    if (c < 0x80 || (c >= 0xE6 && c <= 0xE9))
        return 0;
    size_t j = i; /* another character: a numeral may follow only when it is a space nb_skip_lead steps over */
    return nb_is_space(nb_utf8_get(t, next, &j));
}

/* Every line that starts with a top-level numeral (一、 … 十、) and a
 * heading's words; then the statutory headings found inside lines (web
 * text) with a numeral, in the order of the text. */
static void find_top_headings(nb_report *r)
{
    const char *t = r->doc.text;
    for (size_t li = 0; li < r->doc.nlines; li++) {
        size_t ls, le, after;
        if (!may_start_numeral(t, r->doc.lines[li], li + 1 < r->doc.nlines ? r->doc.lines[li + 1] : r->doc.len))
            continue;
        nb_doc_line(&r->doc, li, &ls, &le);
        size_t i = nb_skip_lead(t, ls, le);
        int v = numeral_at(t, i, le, &after, 0);
        if (!v)
            continue;
        after = nb_skip_lead(t, after, le);
        size_t j = after;
        if (after >= le || !nb_is_cjk(nb_utf8_get(t, le, &j)) || is_t3_row(t, after, le))
            continue;
        add_heading(r, i, heading_end(t, i, le) - i, v, ls, le);
    }
    for (int k = 0; k < NB_NSEC; k++) {
        const nb_section *s = &r->sec[k];
        int known = 0;
        for (int h = 0; h < r->nheads; h++)
            known |= r->heads[h].section == k;
        if (s->present && s->numeral && !known)
            add_heading(r, s->head_off, s->head_len, s->numeral, s->head_off, s->head_off);
    }
    for (int a = 1; a < r->nheads; a++) /* in the order of the text */
        for (int b = a; b > 0 && r->heads[b - 1].off > r->heads[b].off; b--) {
            nb_heading x = r->heads[b];
            r->heads[b] = r->heads[b - 1];
            r->heads[b - 1] = x;
        }
}

/* The title: its year, and the body's name before it or above it. Every
 * title the pattern takes ends in 报告: a text that has no 告 within its
 * reach is told without running it (the pattern would try every year). */
static void find_title(nb_report *r, const nb_ctx *ctx)
{
    const char *t = r->doc.text;
    size_t lim = r->doc.len < 6000 ? r->doc.len : 6000;
    PCRE2_SIZE *ov;
    if (!nb_find(t, lim, "告", 3) || !nb_re_find(ctx, ctx->re_title, t, lim, 0, &ov))
        return;
    int g = ov[2] != PCRE2_UNSET ? 1 : 3;
    int y = nb_re_int(t, ov, g);
    if (y < 1990 || y > 2100)
        return;
    r->year = y;
    r->year_off = ov[2 * g];
    r->year_titled = 1;
    size_t ys = ov[2 * g], ms = ov[2 * (g + 1)], me = ov[2 * (g + 1) + 1];
    size_t li = nb_doc_line_of(&r->doc, ys);
    size_t ls, le;
    nb_doc_line(&r->doc, li, &ls, &le);
    nb_copy_name(t, ls, ys, r->agency, sizeof r->agency);
    if (!r->agency[0] && me > ms)
        nb_copy_name(t, ms, me, r->agency, sizeof r->agency);
    /* the body's name on a line of its own above the title */
    for (size_t k = li; !r->agency[0] && k > 0 && li - k < 4; k--) {
        size_t a, b;
        nb_doc_line(&r->doc, k - 1, &a, &b);
        if (nb_blank_range(t, a, b))
            continue;
        if (nb_display_cols_max(t + a, b - a, 40) <= 40 && !memchr(t + a, ':', b - a))
            nb_copy_name(t, a, b, r->agency, sizeof r->agency);
        break;
    }
}

/* The next year of four digits (1000–2999, no digit before it) that
 * spaces and 年 follow in t[a, b), found from its 年 on (*from: where to
 * look for the next 年, moved past this one): where it starts, or b when
 * there is none. Each 年 has at most one year before it, and a year one 年
 * after it (the first past the spaces), so the years come in the order of
 * the text, each once. */
static size_t year_before(const char *t, size_t a, size_t b, size_t *from)
{
    const char *p;
    while (*from < b && (p = nb_find(t + *from, b - *from, "年", 3))) {
        size_t y = (size_t)(p - t), e = y;
        *from = y + 1;
        while (e > a && t[e - 1] == ' ')
            e--;
        if (e < a + 4)
            continue;
        size_t i = e - 4;
        if (t[i] >= '1' && t[i] <= '2' && t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] >= '0' && t[i + 2] <= '9' &&
            t[i + 3] >= '0' && t[i + 3] <= '9' && (i == 0 || t[i - 1] < '0' || t[i - 1] > '9'))
            return i;
    }
    return b;
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
    size_t first[8] = {0}, i;
    for (size_t from = a; (i = year_before(t, a, b, &from)) < b;) {
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

/* The format: 2019 when a label only its table 1 has stands anywhere in
 * the text. Every such label ends in 数量: each place of that word is
 * tried, with what stands before it (one search of the text, not four). */
static int detect_format(const nb_report *r)
{
    static const word marks[] = {WORD("新制作"), WORD("新公开"), WORD("对外公开总"), WORD("上一年项目")};
    const char *t = r->doc.text, *p;
    size_t n = r->doc.len, from = 0;
    while (from < n && (p = nb_find(t + from, n - from, "数量", 6))) {
        size_t at = (size_t)(p - t);
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
            size_t l = marks[k].n; /* the mark's last byte asked first */
            if (at >= l && t[at - 1] == marks[k].w[l - 1] && !memcmp(t + at - l, marks[k].w, l))
                return 2019;
        }
        from = at + 6;
    }
    return 2021;
}

void nb_find_structure(nb_report *r, const nb_ctx *ctx)
{
    find_headings(r, ctx);
    find_top_headings(r);
    find_title(r, ctx);
    nb_read_period(r, ctx);
    nb_record_wording(r, ctx);
    nb_read_signature(r, ctx);
    nb_read_published(r, ctx);
    guess_year(r, ctx);
    r->format = detect_format(r);
    r->schema = nb_schema_for(r->format);
}
