/* utf8.c — stepping through UTF-8, strict validation and cutting at
 * character boundaries, display width in terminal columns, the character
 * classes and the folding every comparison of report text uses, the
 * characters never sent raw to a terminal, and byte search for short UTF-8
 * needles: one at a time, or a set of them in one pass. */
#include "base/utf8.h"
#include "base/vec.h"

#include <string.h>
#include <uniwidth.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NB_FIND_WIDE 1 /* nb_find reads 64 places at a time where the CPU has AVX2 */
#endif

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

size_t nb_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : (c & 0xF0) == 0xE0 ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    if (len == 3) {
        unsigned cp = (c & 0x0F) << 12 | (s[1] & 0x3Fu) << 6;
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
    } else if (len == 4) {
        unsigned cp = (c & 0x07) << 18 | (s[1] & 0x3Fu) << 12;
        if (cp < 0x10000 || cp > 0x10FFFF)
            return 0;
    }
    return len;
}

/* First invalid byte of UTF-8 text, or NULL: the strict rules (no overlong
 * forms, no surrogates, nothing past U+10FFFF), with fast paths for ASCII
 * runs and the three-byte form of CJK text. */
const unsigned char *nb_utf8_invalid(const unsigned char *s, size_t n)
{
    size_t i = nb_utf8_valid_prefix(s, n);
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        /* a run of three-byte characters whose lead byte allows any two
           continuation bytes (E1–EC, EE, EF: every ideograph) */
        while (i + 2 < n && ((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && (s[i + 1] & 0xC0) == 0x80 &&
               (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            if (i == n)
                return NULL;
            c = s[i];
        }
        if (c < 0x80) {
            i++;
        } else if ((c & 0xF0) == 0xE0) {
            if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
                return s + i;
            unsigned cp = (c & 0x0F) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                return s + i;
            i += 3;
        } else if ((c & 0xE0) == 0xC0) {
            if (c < 0xC2 || i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
                return s + i;
            i += 2;
        } else if ((c & 0xF8) == 0xF0) {
            if (c > 0xF4 || i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
                (s[i + 3] & 0xC0) != 0x80)
                return s + i;
            unsigned cp = (c & 0x07) << 18 | (s[i + 1] & 0x3Fu) << 12 | (s[i + 2] & 0x3Fu) << 6 | (s[i + 3] & 0x3Fu);
            if (cp < 0x10000 || cp > 0x10FFFF)
                return s + i;
            i += 4;
        } else {
            return s + i;
        }
    }
    return NULL;
}

size_t nb_utf8_cut(const char *s, size_t n, size_t max)
{
    return max >= n ? n : nb_utf8_whole(s, max);
}

size_t nb_utf8_trim_partial(char *s)
{
    size_t n = nb_utf8_whole(s, strlen(s));
    s[n] = '\0';
    return n;
}

int nb_cp_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
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

size_t nb_utf8_whole(const char *s, size_t n)
{
    size_t lead = n;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return 0;
    unsigned char c = (unsigned char)s[lead - 1];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return lead - 1 + len > n ? lead - 1 : n;
}

int nb_cp_width_of(uint32_t cp)
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

int nb_is_space_wide(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n' || c == 0x3000 ||
           c == 0xA0 || c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200B || c == 0xFEFF || c == 0x202F;
}

int nb_is_cjk(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x201C || c == 0x201D;
}

uint32_t nb_fold_wide(uint32_t c)
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

/* How often each byte stands in the text of reports (Chinese in UTF-8,
 * counted over the real reports of the corpus), on a log scale, 0 never:
 * nb_find looks for the needle's rarest byte. A lead byte of CJK text
 * (E4–E9) or a box-drawing character's (E2 94) is among the most common. */
static const unsigned char byte_freq[256] = {
    0, 0, 0, 0, 0, 0, 0, 1, 1, 147, 137, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
    176, 0, 0, 53, 0, 1, 0, 0, 41, 41, 0, 1, 27, 81, 85, 22,
    147, 94, 100, 78, 68, 61, 44, 46, 42, 40, 23, 1, 1, 42, 1, 0,
    1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1,
    1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 10, 1, 1, 1, 1, 1, 1, 4, 1,
    1, 0, 0, 1, 4, 1, 1, 2, 1, 1, 1, 0, 79, 0, 0, 0,
    167, 135, 111, 106, 111, 137, 116, 110, 118, 116, 122, 93, 138, 114, 99, 114,
    108, 105, 81, 93, 164, 107, 113, 97, 85, 68, 113, 111, 135, 104, 104, 91,
    94, 140, 89, 83, 106, 110, 92, 104, 109, 51, 76, 68, 129, 108, 128, 127,
    108, 98, 59, 113, 112, 81, 110, 107, 129, 124, 141, 130, 146, 116, 98, 138,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 154, 117, 158, 182, 170, 154, 145, 126, 0, 0, 0, 0, 0, 125,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Is needle (nl bytes) at st? */
static int needle_at(const char *st, const char *needle, size_t nl)
{
    size_t i = 0;
    while (i < nl && st[i] == needle[i])
        i++;
    return i == nl;
}

/* The first place of the needle among those marked in m (a bit each,
 * from h on); NULL when none is. */
static const char *first_marked(const char *h, uint64_t m, const char *needle, size_t nl)
{
    for (; m; m &= m - 1) {
        const char *st = h + (size_t)__builtin_ctzll(m);
        if (needle_at(st, needle, nl))
            return st;
    }
    return NULL;
}

#if defined(NB_FIND_WIDE)
/* The places of [h, h + 32) whose bytes at k and k2 are f1 and f2 (AVX2). */
__attribute__((target("avx2"))) static inline __m256i pair_places(const char *h, size_t k, size_t k2, __m256i f1,
                                                                  __m256i f2)
{
    return _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(h + k)), f1),
                            _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(h + k2)), f2));
}

/* The first place of the needle in [h, h + 64) but those marked in skip
 * (already tried), or NULL (AVX2). */
__attribute__((target("avx2"))) static inline const char *
block_first(const char *h, const char *needle, size_t nl, size_t k, size_t k2, __m256i f1, __m256i f2, uint64_t skip)
{
    __m256i e0 = pair_places(h, k, k2, f1, f2), e1 = pair_places(h + 32, k, k2, f1, f2);
    uint64_t m = (uint32_t)_mm256_movemask_epi8(e0) | (uint64_t)(uint32_t)_mm256_movemask_epi8(e1) << 32;
    return first_marked(h, m & ~skip, needle, nl);
}

/* nb_find's scan (AVX2) from *p: 128 places a test (most blocks have no place with the needle's
 * bytes at k and k2), then 64, then the places left as the last 64 that fit: the needle's first
 * place, or NULL with *p the first place not tried. */
__attribute__((target("avx2"))) static const char *find_wide(const char *hay, size_t n, const char *needle,
                                                              size_t nl, size_t k, size_t k2, size_t *p)
{
    const __m256i f1 = _mm256_set1_epi8(needle[k]), f2 = _mm256_set1_epi8(needle[k2]);
    size_t i = *p;
    const char *st;
    for (; i + nl - 1 + 128 <= n; i += 128) {
        const char *h = hay + i;
        __m256i any = _mm256_or_si256(_mm256_or_si256(pair_places(h, k, k2, f1, f2), pair_places(h + 32, k, k2, f1, f2)),
                                      _mm256_or_si256(pair_places(h + 64, k, k2, f1, f2),
                                                      pair_places(h + 96, k, k2, f1, f2)));
        if (_mm256_testz_si256(any, any))
            continue;
        if ((st = block_first(h, needle, nl, k, k2, f1, f2, 0)) || (st = block_first(h + 64, needle, nl, k, k2, f1, f2, 0)))
            return st;
    }
    if (i + nl - 1 + 64 <= n) {
        if ((st = block_first(hay + i, needle, nl, k, k2, f1, f2, 0)))
            return st;
        i += 64;
    }
    *p = i;
    if (i + nl - 1 >= n || nl - 1 + 64 > n)
        return NULL;
    size_t last = n - (nl - 1) - 64; /* i > last: the places before i were tried */
    *p = n;
    return block_first(hay + last, needle, nl, k, k2, f1, f2, (UINT64_C(1) << (i - last)) - 1);
}
#endif

const char *nb_find(const char *hay, size_t n, const char *needle, size_t nl)
{
    if (nl == 0)
        return hay;
    if (nl > n)
        return NULL;
    if (nl == 1)
        return memchr(hay, needle[0], n);
    const unsigned char *nd = (const unsigned char *)needle;
    size_t k = nl - 1;
    for (size_t j = nl - 1; j-- > 0;)
        if (byte_freq[nd[j]] < byte_freq[nd[k]])
            k = j;
    size_t p = 0; /* the first place not yet tried */
#if defined(__SSE2__)
    /* thirty-two places at a time, as two blocks of sixteen: the needle's
       rarest byte and its last (or first) byte, each where it would stand,
       both matching; one test of the two blocks' marks */
    size_t k2 = k == nl - 1 ? 0 : nl - 1;
#if defined(NB_FIND_WIDE)
    const char *wide;
    if (n >= 128 && __builtin_cpu_supports("avx2") && (wide = find_wide(hay, n, needle, nl, k, k2, &p)) != NULL)
        return wide;
#endif
    const __m128i f1 = _mm_set1_epi8(needle[k]), f2 = _mm_set1_epi8(needle[k2]);
    for (; p + nl - 1 + 32 <= n; p += 32) {
        const char *h = hay + p;
        __m128i a0 = _mm_loadu_si128((const __m128i *)(h + k)), b0 = _mm_loadu_si128((const __m128i *)(h + k2));
        __m128i a1 = _mm_loadu_si128((const __m128i *)(h + k + 16)), b1 = _mm_loadu_si128((const __m128i *)(h + k2 + 16));
        uint32_t m0 = (uint32_t)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a0, f1), _mm_cmpeq_epi8(b0, f2)));
        uint32_t m1 = (uint32_t)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a1, f1), _mm_cmpeq_epi8(b1, f2)));
        const char *st = first_marked(h, m0 | m1 << 16, needle, nl);
        if (st)
            return st;
    }
#endif
    const char *q = hay + p + k, *end = hay + n - (nl - 1 - k);
    while (q < end) {
        q = memchr(q, needle[k], (size_t)(end - q));
        if (!q)
            return NULL;
        if (needle_at(q - k, needle, nl))
            return q - k;
        q++;
    }
    return NULL;
}

const char *nb_find_outside(const char *hay, size_t n, size_t from, size_t za, size_t zb, const char *needle,
                            size_t nl)
{
    if (zb > za && from < zb) {
        size_t end = za + nl - 1 < n ? za + nl - 1 : n; /* the places that start before za */
        const char *p = from < end ? nb_find(hay + from, end - from, needle, nl) : NULL;
        if (p || zb >= n)
            return p;
        from = zb;
    }
    return from < n ? nb_find(hay + from, n - from, needle, nl) : NULL;
}

/* The key in a set's map of three bytes (as one number: the first the
 * lowest): a multiplicative hash of them to twelve bits. */
static unsigned needle_key(uint32_t three)
{
    return (three * 0x9E3779B1u) >> 20;
}

/* The three bytes at u as one number, the first the lowest. */
static uint32_t three_at(const unsigned char *u)
{
    return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16;
}

/* A needle's first three bytes as a key that orders the needles into runs
 * of buckets (needle_buckets): the high halves of the third byte and the
 * second, the first byte, the low halves of the second and the third (so
 * that a bucket's characters share the high halves of their continuation
 * bytes, which leaves few places of Chinese text through it). A needle of
 * one or two bytes has a key below every longer one's. */
static int bucket_key(const unsigned char *w, size_t len)
{
    if (len < 3)
        return w[0] << 9 | (len > 1 ? w[1] : 256);
    return 1 << 30 | (w[2] >> 4) << 24 | (w[1] >> 4) << 20 | w[0] << 12 | (w[1] & 15) << 8 | (w[2] & 15) << 4;
}

/* The bucket bit of each half of a key's three bytes (256: any half). */
static void bucket_mark(nb_needles *s, int b, int byte, unsigned char bit)
{
    for (int h = 0; h < 16; h++) {
        if (byte == 256 || h == (byte & 15))
            s->nib[2 * b][h] |= bit;
        if (byte == 256 || h == byte >> 4)
            s->nib[2 * b + 1][h] |= bit;
    }
}

/* The needles' first three bytes (past a short needle's end: any byte) in
 * eight buckets, for a scan that reads the halves of three bytes of a place
 * as indices (find_all_wide): the distinct keys in order (bucket_key), the
 * short needles' in a bucket of their own when there are longer ones too
 * (their "any" byte would let every place through a shared bucket), the
 * rest cut in runs. */
static void needle_buckets(nb_needles *s)
{
    int key[NB_NEEDLES_MAX], np = 0, nshort = 0;
    int b3[NB_NEEDLES_MAX][3]; /* each key's bytes, 256 any */
    for (int k = 0; k < s->n; k++) {
        const unsigned char *w = (const unsigned char *)s->w[k];
        int v = bucket_key(w, s->len[k]), at = np;
        for (int q = 0; q < np; q++)
            if (key[q] >= v) {
                at = q;
                break;
            }
        if (at < np && key[at] == v)
            continue;
        memmove(key + at + 1, key + at, (size_t)(np - at) * sizeof *key);
        memmove(b3 + at + 1, b3 + at, (size_t)(np - at) * sizeof *b3);
        key[at] = v;
        for (int j = 0; j < 3; j++)
            b3[at][j] = j < s->len[k] ? w[j] : 256;
        nshort += s->len[k] < 3;
        np++;
    }
    int own = nshort > 0 && nshort < np; /* the short needles' own bucket */
    for (int q = 0; q < np; q++) {
        int b = own ? (q < nshort ? 0 : 1 + (q - nshort) * 7 / (np - nshort)) : q * 8 / np;
        unsigned char bit = (unsigned char)(1u << b);
        for (int j = 0; j < 3; j++)
            bucket_mark(s, j, b3[q][j], bit);
    }
}

int nb_needles_init(nb_needles *s, const char *const *needles, int count)
{
    memset(s, 0, sizeof *s);
    if (count < 0 || count > NB_NEEDLES_MAX)
        return -1;
    s->n = count;
    for (int k = count; k-- > 0;) { /* back to front: each key's chain in the order of the set */
        size_t l = strlen(needles[k]);
        if (l == 0 || l > 255)
            return -1;
        const unsigned char *w = (const unsigned char *)needles[k];
        s->w[k] = needles[k];
        s->len[k] = (unsigned char)l;
        s->head[w[0]] |= l >= 3 ? 1 : 2;
        if (l >= 3) {
            s->w3[k] = three_at(w);
            s->next[k] = s->map[needle_key(s->w3[k])];
            s->map[needle_key(s->w3[k])] = (unsigned char)(k + 1);
        }
    }
    for (int k = 0; k < count; k++)
        if (s->len[k] < 3)
            s->shorts[s->nshort++] = (unsigned char)k;
    for (int c = 0; c < 256; c++) /* the runs of first bytes: E4–E9 is one */
        if (s->head[c] && (c == 0 || !s->head[c - 1])) {
            if (s->nfirst == 8) {
                s->nfirst = 0; /* too many: every byte is looked up */
                break;
            }
            int e = c;
            while (e < 255 && s->head[e + 1])
                e++;
            s->first[s->nfirst] = (unsigned char)c;
            s->span[s->nfirst++] = (unsigned char)(e - c);
        }
    needle_buckets(s);
    return 0;
}

/* Room for one more place: 0, or -1 when out of memory. */
static int place_room(nb_place **out, size_t *cap, size_t nout)
{
    return nout < *cap ? 0 : nb_grow(out, cap, nout + 1, sizeof **out, 64);
}

/* The needles of s of one or two bytes at hay[i], added. */
static int short_places(const nb_needles *s, const char *hay, size_t n, size_t i, nb_place **out, size_t *cap,
                        size_t *nout)
{
    for (int j = 0; j < s->nshort; j++) {
        int k = s->shorts[j];
        if (s->len[k] <= n - i && needle_at(hay + i, s->w[k], s->len[k])) {
            if (place_room(out, cap, *nout) != 0)
                return -1;
            (*out)[(*nout)++] = (nb_place){i, k};
        }
    }
    return 0;
}

/* The needles of s of three bytes or more at hay[i] (three: its first
 * three bytes, in the text) along the chain of their key from needle k
 * (+1; 0 none), added: the rest of a longer one compared byte by byte, as
 * most differ at once. Inline in the scans, with no call: most of a scan's
 * time is spent here, once for each place whose key a needle has. */
__attribute__((always_inline)) static inline int long_places(const nb_needles *s, const char *hay, size_t n, size_t i,
                                                             uint32_t three, int k, nb_place **out, size_t *cap,
                                                             size_t *nout)
{
    for (; k; k = s->next[k - 1])
        if (s->w3[k - 1] == three && s->len[k - 1] <= n - i &&
            (s->len[k - 1] == 3 || needle_at(hay + i + 3, s->w[k - 1] + 3, s->len[k - 1] - 3u))) {
            if (place_room(out, cap, *nout) != 0)
                return -1;
            (*out)[(*nout)++] = (nb_place){i, k - 1};
        }
    return 0;
}

/* The needles of s at hay[i] (its first byte one of theirs), added: those
 * of three bytes or more by the chain of the key of three (the bytes at i,
 * when i + 3 <= n), then the shorter ones. */
static int places_at(const nb_needles *s, const char *hay, size_t n, size_t i, uint32_t three, nb_place **out,
                     size_t *cap, size_t *nout)
{
    if (s->head[(unsigned char)hay[i]] & 1 && i + 3 <= n &&
        long_places(s, hay, n, i, three, s->map[needle_key(three)], out, cap, nout) != 0)
        return -1;
    return s->head[(unsigned char)hay[i]] & 2 ? short_places(s, hay, n, i, out, cap, nout) : 0;
}

/* The needles at the places marked in m (a bit each, from hay + i on: the
 * places of the needles' first bytes, four bytes each in the text), added:
 * the chain of a place's key of three bytes walked from the map's look-up
 * (a needle of the chain has the place's first byte where the place is
 * one), then the short needles where one starts with that byte. */
__attribute__((always_inline)) static inline int marked_places(const nb_needles *s, const char *hay, size_t n, size_t i,
                                                               uint64_t m, nb_place **out, size_t *cap, size_t *nout)
{
    for (; m; m &= m - 1) {
        size_t p = i + (size_t)__builtin_ctzll(m);
        uint32_t w;
        memcpy(&w, hay + p, 4); /* little-endian where SIMD is: its first byte the lowest */
        w &= 0xFFFFFFu;
        int k = s->map[needle_key(w)];
        if (k && long_places(s, hay, n, p, w, k, out, cap, nout) != 0)
            return -1;
        if (s->head[(unsigned char)hay[p]] & 2 && short_places(s, hay, n, p, out, cap, nout) != 0)
            return -1;
    }
    return 0;
}

#if defined(NB_FIND_WIDE)
/* The buckets of each of the 32 bytes from h: those of its low half (lo)
 * and of its high half (hi) in common. */
__attribute__((target("avx2"))) static inline __m256i byte_buckets(__m256i lo, __m256i hi, const char *h)
{
    const __m256i low = _mm256_set1_epi8(0x0F);
    __m256i x = _mm256_loadu_si256((const __m256i *)h);
    return _mm256_and_si256(_mm256_shuffle_epi8(lo, _mm256_and_si256(x, low)),
                            _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(x, 4), low)));
}

/* The places of [h, h + 32) where a needle may start: those whose first
 * three bytes' halves are each in one bucket (nb_needles.nib) — every place
 * of a needle, and few others when the needles are few. The three bytes
 * written out, not a loop: the compiler kept the loop, reading the buckets
 * from memory and counting it at every block. */
__attribute__((target("avx2"))) static inline uint32_t bucket_places(const __m256i nib[6], const char *h)
{
    __m256i in = _mm256_and_si256(_mm256_and_si256(byte_buckets(nib[0], nib[1], h), byte_buckets(nib[2], nib[3], h + 1)),
                                  byte_buckets(nib[4], nib[5], h + 2));
    return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(in, _mm256_setzero_si256()));
}

/* The places of [h, h + 64) where a needle may start (bucket_places), a
 * bit each. */
__attribute__((target("avx2"))) static inline uint64_t bucket_places64(const __m256i nib[6], const char *h)
{
    return bucket_places(nib, h) | (uint64_t)bucket_places(nib, h + 32) << 32;
}

/* nb_find_all's scan sixty-four places at a time (AVX2) from *from while a
 * place's four bytes fit: 0 (*from the first place not tried), or -1. The
 * stretches with no place marked are passed in a loop of their own, with
 * no call in it, so that the buckets stay in registers there. */
__attribute__((target("avx2"))) static int find_all_wide(const nb_needles *s, const char *hay, size_t n, size_t *from,
                                                         nb_place **out, size_t *cap, size_t *nout)
{
    __m256i nib[6];
    for (int j = 0; j < 6; j++)
        nib[j] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)s->nib[j]));
    for (size_t i = *from; i + 67 <= n; i += 64, *from = i) {
        uint64_t m;
        while (!(m = bucket_places64(nib, hay + i)) && i + 131 <= n)
            i += 64;
        if (marked_places(s, hay, n, i, m, out, cap, nout) != 0)
            return -1;
    }
    return 0;
}
#endif

int nb_find_all(const nb_needles *s, const char *hay, size_t n, nb_place **out, size_t *cap, size_t *nout)
{
    size_t i = 0;
#if defined(NB_FIND_WIDE)
    if (s->n && n >= 64 && __builtin_cpu_supports("avx2") && find_all_wide(s, hay, n, &i, out, cap, nout) != 0)
        return -1;
#endif
#if defined(__SSE2__)
    /* sixteen bytes at a time, the same way */
    for (; s->nfirst && i + 19 <= n; i += 16) { /* each place's four bytes in the text */
        __m128i x = _mm_loadu_si128((const __m128i *)(hay + i)), hit = _mm_setzero_si128();
        for (int j = 0; j < s->nfirst; j++) {
            __m128i d = _mm_sub_epi8(x, _mm_set1_epi8((char)s->first[j]));
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)s->span[j])), d));
        }
        if (marked_places(s, hay, n, i, (unsigned)_mm_movemask_epi8(hit), out, cap, nout) != 0)
            return -1;
    }
#endif
    for (; i < n; i++)
        if (s->head[(unsigned char)hay[i]] &&
            places_at(s, hay, n, i, i + 3 <= n ? three_at((const unsigned char *)hay + i) : 0, out, cap, nout) != 0)
            return -1;
    return 0;
}
