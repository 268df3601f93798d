/* label.c — the normal form labels are compared in (folded, no white space,
 * numbering stripped) and the similarity that maps a damaged label to its
 * standard wording. */
#include "text/label.h"
#include "base/utf8.h"
#include "text/numbering.h"

#include <string.h>

static int is_trail_punct(uint32_t c)
{
    return c == ':' || c == ',' || c == 0x3001 || c == 0x3002 || c == ';';
}

int nb_chars_trim_trail(const uint32_t *c, int n)
{
    while (n > 0 && is_trail_punct(c[n - 1]))
        n--;
    return n;
}

void nb_ustr_trim_trail(nb_ustr *u)
{
    u->n = nb_chars_trim_trail(u->c, u->n);
}

int nb_norm_chars(const char *s, size_t n, uint32_t *tmp)
{
    int marks;
    return nb_norm_chars_marks(s, n, tmp, &marks);
}

int nb_norm_chars_marks(const char *s, size_t n, uint32_t *tmp, int *marks)
{
    const unsigned char *u = (const unsigned char *)s;
    int m = 0;
    *marks = 0;
    size_t i = 0;
    while (i < n && m < NB_USTR_MAX) {
        /* a run of ideographs' three bytes each (U+4000–U+9FFF): themselves,
           folded, no space */
        while (m < NB_USTR_MAX && nb_utf8_ideo3(u, i, n)) {
            tmp[m++] = nb_utf8_ideo3_cp(u + i);
            i += 3;
        }
        if (i >= n || m >= NB_USTR_MAX)
            break;
        uint32_t c = nb_fold(nb_utf8_get(s, n, &i));
        if (nb_is_space(c))
            continue;
        if (c == '*' || c == '#' || c == '|' || c == 0x2502) {
            ++*marks;
            continue;
        }
        tmp[m++] = c;
    }
    return m;
}

void nb_norm(const char *s, size_t n, nb_ustr *out, int flags)
{
    uint32_t *tmp = out->c;
    int m = nb_norm_chars(s, n, tmp);
    int start = 0, had = 0;
    if (flags & NB_NORM_NUM)
        start = nb_numbering_strip(tmp, m, &had);
    int end = m;
    if (flags & NB_NORM_TRAIL)
        while (end > start && is_trail_punct(tmp[end - 1]))
            end--;
    out->n = end - start;
    if (start)
        memmove(out->c, tmp + start, (size_t)out->n * sizeof(uint32_t));
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

