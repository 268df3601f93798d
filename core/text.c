/* text.c — UTF-8 decoding, display width and label normal form/similarity. */
#include "text.h"

#include <string.h>
#include <uniwidth.h>

uint32_t nb_utf8_get_multi(const char *s, size_t end, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t k = *i;
    unsigned c = p[k];
    if (c < 0x80) {
        *i = k + 1;
        return c;
    }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
        n = 1;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 2;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 3;
        cp = c & 0x07;
    } else {
        *i = k + 1;
        return 0xFFFD;
    }
    if (k + (size_t)n >= end) {
        *i = k + 1;
        return 0xFFFD;
    }
    for (int j = 1; j <= n; j++) {
        unsigned cc = p[k + (size_t)j];
        if ((cc & 0xC0) != 0x80) {
            *i = k + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    *i = k + (size_t)n + 1;
    return cp;
}

size_t nb_utf8_put(char *o, uint32_t cp)
{
    unsigned char *u = (unsigned char *)o;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | (cp >> 6));
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | (cp >> 12));
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | (cp >> 18));
    u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int nb_cp_width(uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F)
        return 2; /* ^X */
    if (cp >= 0x80 && cp < 0xA0)
        return 4; /* <XX> */
    if (cp < 0x7F)
        return 1;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303E) || (cp >= 0xFF01 && cp <= 0xFF60))
        return 2; /* the common CJK ranges, without a table look-up */
    int w = uc_width(cp, "UTF-8");
    if (w < 0)
        return 1;
    return w;
}

size_t nb_display_cols_max(const char *s, size_t n, size_t max)
{
    size_t col = 0, i = 0;
    while (i < n && col <= max) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            col = (col / 8 + 1) * 8;
            i++;
        } else if (c < 0x80) {
            col += (c < 0x20 || c == 0x7F) ? 2 : 1;
            i++;
        } else {
            col += (size_t)nb_cp_width(nb_utf8_get(s, n, &i));
        }
    }
    return col;
}

size_t nb_display_cols(const char *s, size_t n, size_t startcol)
{
    size_t col = startcol, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            col = (col / 8 + 1) * 8;
            i++;
            continue;
        }
        if (c < 0x80) {
            col += (c < 0x20 || c == 0x7F) ? 2 : 1;
            i++;
            continue;
        }
        uint32_t cp = nb_utf8_get(s, n, &i);
        col += (size_t)nb_cp_width(cp);
    }
    return col - startcol;
}

int nb_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n' || c == 0x3000 ||
           c == 0xA0 || c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200B || c == 0xFEFF || c == 0x202F;
}

int nb_is_cjk(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x201C || c == 0x201D;
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

uint32_t nb_fold(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
    switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x300C: case 0x300D:
    case 0x300E: case 0x300F: case 0x2033: case 0x301D: case 0x301E:
        return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x2032:
        return '\'';
    case '[': case 0x3010: case 0x3014: case 0x3016: case '{':
        return '(';
    case ']': case 0x3011: case 0x3015: case 0x3017: case '}':
        return ')';
    case 0x2014: case 0x2013: case 0x2015: case 0x2212: case 0x2500: case 0x2012:
        return '-';
    case 0xFF61: case 0x3002:
        return 0x3002; /* 。 */
    case 0xFE50: case 0xFF64:
        return 0x3001; /* 、 */
    }
    return c;
}

static int is_num_punct(uint32_t c)
{
    return c == '.' || c == 0x3001 || c == ',' || c == ':' || c == ')' || c == 0x3002;
}

/* Strip numbering prefixes from folded code points; returns how many removed. */
static int strip_numbering(uint32_t *c, int n, int *had)
{
    int i = 0, any = 0;
    for (;;) {
        int j = i;
        if (j < n && c[j] == '(') {
            int k = j + 1;
            while (k < n && (nb_cn_digit(c[k]) > 0 || (c[k] >= '0' && c[k] <= '9')))
                k++;
            if (k > j + 1 && k < n && c[k] == ')') {
                i = k + 1;
                any = 1;
                continue;
            }
        }
        int k = j;
        while (k < n && nb_cn_digit(c[k]) > 0)
            k++;
        if (k > j && k - j <= 3 && k < n && (c[k] == 0x3001 || c[k] == '.' || c[k] == ',')) {
            i = k + 1;
            any = 1;
            continue;
        }
        k = j;
        while (k < n && c[k] >= '0' && c[k] <= '9')
            k++;
        if (k > j && k - j <= 2 && k < n && is_num_punct(c[k]) && c[k] != ':' &&
            !(c[k] == '.' && k + 1 < n && c[k + 1] >= '0' && c[k + 1] <= '9')) { /* 18.5 is a number */
            i = k + 1;
            any = 1;
            continue;
        }
        break;
    }
    *had = any;
    return i;
}

static int is_trail_punct(uint32_t c)
{
    return c == ':' || c == ',' || c == 0x3001 || c == 0x3002 || c == ';';
}

void nb_ustr_trim_trail(nb_ustr *u)
{
    while (u->n > 0 && is_trail_punct(u->c[u->n - 1]))
        u->n--;
}

void nb_norm(const char *s, size_t n, nb_ustr *out, int flags)
{
    uint32_t tmp[NB_USTR_MAX];
    int m = 0;
    size_t i = 0;
    while (i < n && m < NB_USTR_MAX) {
        uint32_t c = nb_fold(nb_utf8_get(s, n, &i));
        if (nb_is_space(c) || c == '*' || c == '#' || c == '|' || c == 0x2502)
            continue;
        tmp[m++] = c;
    }
    int start = 0, had = 0;
    if (flags & NB_NORM_NUM)
        start = strip_numbering(tmp, m, &had);
    int end = m;
    if (flags & NB_NORM_TRAIL)
        while (end > start && is_trail_punct(tmp[end - 1]))
            end--;
    out->n = end - start;
    memcpy(out->c, tmp + start, (size_t)out->n * sizeof(uint32_t));
    out->had_num = had;
}

void nb_ustr_append(nb_ustr *a, const nb_ustr *b)
{
    int k = b->n;
    if (a->n + k > NB_USTR_MAX)
        k = NB_USTR_MAX - a->n;
    memcpy(a->c + a->n, b->c, (size_t)k * sizeof(uint32_t));
    a->n += k;
}

int nb_ustr_eq(const nb_ustr *a, const nb_ustr *b)
{
    return a->n == b->n && memcmp(a->c, b->c, (size_t)a->n * sizeof(uint32_t)) == 0;
}

int nb_ustr_contains(const nb_ustr *a, const nb_ustr *b)
{
    if (b->n == 0)
        return 1;
    for (int i = 0; i + b->n <= a->n; i++)
        if (memcmp(a->c + i, b->c, (size_t)b->n * sizeof(uint32_t)) == 0)
            return 1;
    return 0;
}

int nb_ustr_subseq(const nb_ustr *a, const nb_ustr *b)
{
    int j = 0;
    for (int i = 0; i < a->n && j < b->n; i++)
        if (a->c[i] == b->c[j])
            j++;
    return j == b->n;
}

static void sort_u32(uint32_t *v, int n)
{
    for (int i = 1; i < n; i++) {
        uint32_t x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void sort_u64(uint64_t *v, int n)
{
    for (int i = 1; i < n; i++) {
        uint64_t x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

void nb_sig_make(const nb_ustr *u, nb_sig *s)
{
    s->u = u;
    s->nc = u->n;
    memcpy(s->c, u->c, (size_t)u->n * sizeof *s->c);
    sort_u32(s->c, s->nc);
    s->np = u->n > 1 ? u->n - 1 : 0;
    for (int i = 0; i < s->np; i++)
        s->p[i] = (uint64_t)u->c[i] << 32 | u->c[i + 1];
    sort_u64(s->p, s->np);
}

/* Size of the multiset intersection of two sorted arrays (branch-free steps). */
static int merge_count32(const uint32_t *a, int na, const uint32_t *b, int nb)
{
    int i = 0, j = 0, out = 0;
    while (i < na && j < nb) {
        uint32_t x = a[i], y = b[j];
        out += x == y;
        i += x <= y;
        j += y <= x;
    }
    return out;
}

static int merge_count64(const uint64_t *a, int na, const uint64_t *b, int nb)
{
    int i = 0, j = 0, out = 0;
    while (i < na && j < nb) {
        uint64_t x = a[i], y = b[j];
        out += x == y;
        i += x <= y;
        j += y <= x;
    }
    return out;
}

double nb_sig_sim(const nb_sig *a, const nb_sig *b)
{
    if (nb_ustr_eq(a->u, b->u))
        return 1.0;
    if (a->nc == 0 || b->nc == 0)
        return 0.0;
    int cc = merge_count32(a->c, a->nc, b->c, b->nc), pc;
    double dc = 2.0 * cc / (a->nc + b->nc), dp;
    if (a->np == 0 || b->np == 0) {
        dp = (a->nc == 1 && b->nc == 1 && a->c[0] == b->c[0]) ? 1.0 : 0.0;
    } else {
        pc = merge_count64(a->p, a->np, b->p, b->np);
        dp = 2.0 * pc / (a->np + b->np);
    }
    double s = (dc + dp) / 2.0;
    return s > 0.999 ? 0.999 : s;
}

double nb_sim(const nb_ustr *a, const nb_ustr *b)
{
    if (nb_ustr_eq(a, b))
        return 1.0;
    nb_sig sa, sb;
    nb_sig_make(a, &sa);
    nb_sig_make(b, &sb);
    return nb_sig_sim(&sa, &sb);
}

void nb_ustr_utf8(const nb_ustr *a, char *out, size_t cap)
{
    size_t o = 0;
    for (int i = 0; i < a->n; i++) {
        if (o + 5 > cap)
            break;
        o += nb_utf8_put(out + o, a->c[i]);
    }
    if (cap)
        out[o < cap ? o : cap - 1] = '\0';
}

size_t nb_numbering_len(const char *s, size_t end, size_t i)
{
    size_t k = i;
    uint32_t c = nb_fold(nb_utf8_get(s, end, &k));
    if (c == '(') {
        size_t j = k;
        int digits = 0;
        while (j < end) {
            size_t jj = j;
            uint32_t d = nb_fold(nb_utf8_get(s, end, &jj));
            if (nb_cn_digit(d) > 0 || (d >= '0' && d <= '9')) {
                digits++;
                j = jj;
            } else {
                break;
            }
        }
        if (digits && j < end) {
            size_t jj = j;
            if (nb_fold(nb_utf8_get(s, end, &jj)) == ')')
                return jj - i;
        }
        return 0;
    }
    size_t j = i;
    int digits = 0, cn = 0;
    while (j < end && digits < 3) {
        size_t jj = j;
        uint32_t d = nb_fold(nb_utf8_get(s, end, &jj));
        if (nb_cn_digit(d) > 0) {
            cn = 1;
        } else if (!(d >= '0' && d <= '9')) {
            break;
        }
        digits++;
        j = jj;
    }
    if (!digits || j >= end)
        return 0;
    size_t jj = j;
    uint32_t p = nb_fold(nb_utf8_get(s, end, &jj));
    if (p == 0x3001 || (!cn && p == '.')) {
        /* "1." followed by a digit is a decimal number, not numbering */
        if (p == '.' && jj < end && s[jj] >= '0' && s[jj] <= '9')
            return 0;
        return jj - i;
    }
    return 0;
}

const char *nb_find(const char *hay, size_t n, const char *needle, size_t nl)
{
    if (nl == 0)
        return hay;
    if (nl > n)
        return NULL;
    unsigned char last = (unsigned char)needle[nl - 1];
    const char *p = hay + nl - 1, *end = hay + n;
    while (p < end) {
        const char *q = memchr(p, last, (size_t)(end - p));
        if (!q)
            return NULL;
        const char *st = q - (nl - 1);
        size_t k = 0;
        while (k < nl - 1 && st[k] == needle[k])
            k++;
        if (k == nl - 1)
            return st;
        p = q + 1;
    }
    return NULL;
}
