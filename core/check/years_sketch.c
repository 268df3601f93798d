/* years_sketch.c — a section's text in brief, for YEAR.SAME_TEXT
 * (years_text.c compares two): the NB_SKETCH smallest hashes of its
 * shingles of four words. The words are read a block at a time into an
 * array, then every shingle of the block is hashed; where the CPU has AVX2
 * (chosen at run time) eight ideographs are read and eight shingles hashed
 * at once, and the smallest found by eight at a time, with the very values
 * of the portable path. */
#include "check/years.h"
#include "base/utf8.h"

#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SKETCH_WIDE 1
#else
#define SKETCH_WIDE 0
#endif

/* FNV-1a over the little-endian bytes of four code points. Every word
 * sketched is below U+A000 (an ideograph, a letter, '#'), so its two high
 * bytes are zero: an xor with zero and a multiply each, the three
 * multiplies after the second byte taken as one by the prime's cube. */
#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u
#define FNV_PRIME3 (FNV_PRIME * FNV_PRIME * FNV_PRIME)
static inline uint32_t fnv_word(uint32_t h, uint32_t c)
{
    return ((h ^ (c & 0xFF)) * FNV_PRIME ^ (c >> 8)) * FNV_PRIME3;
}

/* The hashes gathered for a sketch, the smallest kept whenever there are
 * SKETCH_BUF (eight places kept free for a vector's store). */
#define SKETCH_BUF 2048
typedef struct gathered {
    uint32_t v[SKETCH_BUF];
    size_t n;
} gathered;

/* The words read at a time. Their array holds first the last three of the
 * block before (the shingles across the two), then the block, which eight
 * ideographs read at once may overrun by seven, then the eight zeros after
 * the last word that the last vector of hashes reads. */
#define WORDS 512
#define WORDS_ROOM (3 + WORDS + 7 + 8)

/* A hash above this cannot enter s: the sketch's largest less one once it
 * is full (its NB_SKETCH distinct hashes make that at least 126), else
 * any. */
static uint32_t entry_limit(const nb_sketch *s)
{
    return s->n == NB_SKETCH ? s->h[NB_SKETCH - 1] - 1 : UINT32_MAX;
}

/* ---------------------------------------------------------------- the smallest */

/* The values of v[0, n) at or below most, in their order, into out; how
 * many. */
static size_t at_most_plain(const uint32_t *v, size_t n, uint32_t most, uint32_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        out[k] = v[i];
        k += v[i] <= most;
    }
    return k;
}

/* v[0, n), all at or below most, ascending into out: laid out bucket by
 * bucket by their top seven bits below most's (about a bucket for each
 * value sorted), then sorted by insertion (only a bucket's few are out of
 * order). */
static void sort_at_most(const uint32_t *v, size_t n, uint32_t most, uint32_t *out)
{
    unsigned at[128] = {0};
    int shift = most >> 7 ? 25 - __builtin_clz(most) : 0;
    for (size_t i = 0; i < n; i++)
        at[v[i] >> shift]++;
    for (unsigned k = 0, sum = 0; k <= most >> shift; k++) {
        unsigned here = at[k];
        at[k] = sum;
        sum += here;
    }
    for (size_t i = 0; i < n; i++)
        out[at[v[i] >> shift]++] = v[i];
    for (size_t i = 1; i < n; i++) {
        uint32_t x = out[i];
        size_t j = i;
        for (; j > 0 && out[j - 1] > x; j--)
            out[j] = out[j - 1];
        out[j] = x;
    }
}

#if SKETCH_WIDE
/* For each set of the eight lanes (a bit each), where they are: the
 * first's index in the lowest four bits, the next's in the four above, and
 * so on. A set's places are those of the set without its lowest lane, each
 * one further on, after that lane's 0 when the set holds it. */
#define LANE_STEP(bit, t) (((t) + 0x11111111u) << 4 * (bit))
#define LANES(m)                                                                                                  \
    LANE_STEP((m) & 1, LANE_STEP((m) >> 1 & 1, LANE_STEP((m) >> 2 & 1, LANE_STEP((m) >> 3 & 1,                   \
        LANE_STEP((m) >> 4 & 1, LANE_STEP((m) >> 5 & 1, LANE_STEP((m) >> 6 & 1, LANE_STEP((m) >> 7 & 1, 0u))))))))
#define LANES4(m) LANES(m), LANES((m) + 1), LANES((m) + 2), LANES((m) + 3)
#define LANES16(m) LANES4(m), LANES4((m) + 4), LANES4((m) + 8), LANES4((m) + 12)
#define LANES64(m) LANES16(m), LANES16((m) + 16), LANES16((m) + 32), LANES16((m) + 48)
static const uint32_t lane_places[256] = {LANES64(0), LANES64(64), LANES64(128), LANES64(192)};

/* The lanes of x set in keep, in order, stored at out (eight places
 * written); how many. */
__attribute__((target("avx2"))) static inline size_t store_lanes(uint32_t *out, __m256i x, unsigned keep)
{
    __m256i places = _mm256_srlv_epi32(_mm256_set1_epi32((int)lane_places[keep]),
                                       _mm256_setr_epi32(0, 4, 8, 12, 16, 20, 24, 28));
    _mm256_storeu_si256((void *)out, _mm256_permutevar8x32_epi32(x, places));
    return (size_t)__builtin_popcount(keep);
}

/* The lanes of x at or below most (set to it in every lane), a bit each. */
__attribute__((target("avx2"))) static inline unsigned lanes_at_most(__m256i x, __m256i most)
{
    return (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_min_epu32(x, most), x)));
}

/* at_most_plain by eight at a time (out has room for n). */
__attribute__((target("avx2"))) static size_t at_most_wide(const uint32_t *v, size_t n, uint32_t most, uint32_t *out)
{
    __m256i m = _mm256_set1_epi32((int)most);
    size_t i = 0, k = 0;
    for (; i + 8 <= n; i += 8) {
        __m256i x = _mm256_loadu_si256((const void *)(v + i));
        k += store_lanes(out + k, x, lanes_at_most(x, m));
    }
    return k + at_most_plain(v + i, n - i, most, out + k);
}
#endif

/* at_most_plain, by eight at a time where wide. */
static size_t at_most(const uint32_t *v, size_t n, uint32_t most, uint32_t *out, int wide)
{
#if SKETCH_WIDE
    if (wide)
        return at_most_wide(v, n, most, out);
#endif
    return at_most_plain(v, n, most, out);
}

/* The NB_SKETCH smallest of g without repeats, ascending, into s, and g
 * left holding just them unless last (to gather more after them). Those at
 * or below a bound are taken and sorted. The hashes spread evenly up to
 * the largest g can hold (s's largest once s is full): the bound is first
 * set where a quarter more than NB_SKETCH are expected below it (for
 * repeats), then doubled while fewer distinct values are below it. */
static void keep_smallest(gathered *g, nb_sketch *s, int last, int wide)
{
    uint32_t below[SKETCH_BUF], sorted[SKETCH_BUF];
    uint64_t largest = s->n == NB_SKETCH ? s->h[NB_SKETCH - 1] : UINT32_MAX;
    size_t want = NB_SKETCH * 5 / 4;
    uint32_t most = g->n <= want ? UINT32_MAX : (uint32_t)(largest * want / g->n);
    int d;
    for (;;) {
        size_t n = at_most(g->v, g->n, most, below, wide);
        d = 0;
        if (n >= NB_SKETCH || most == UINT32_MAX) {
            sort_at_most(below, n, most, sorted);
            for (size_t i = 0; i < n && d < NB_SKETCH; i++)
                if (!d || sorted[i] != s->h[d - 1])
                    s->h[d++] = sorted[i];
        }
        if (d == NB_SKETCH || most == UINT32_MAX)
            break;
        most = most > UINT32_MAX / 2 ? UINT32_MAX : most * 2 + 1;
    }
    s->n = d;
    if (last)
        return;
    memcpy(g->v, s->h, (size_t)d * sizeof *g->v);
    g->n = (size_t)d;
}

/* ---------------------------------------------------------------- words */

/* c itself when an ASCII letter or digit, else 0. */
static inline uint32_t alnum(uint32_t c)
{
    return c - '0' < 10 || (c | 0x20) - 'a' < 26 ? c : 0;
}

/* The word at t[*i] (t ends at b), *i moved past it: an ideograph, a
 * letter or a digit as it folds (nb_fold), else 0 (dropped). ASCII and
 * the three-byte form (as nb_utf8_get reads it) are told here: of what
 * is not an ideograph only the full-width letters and digits fold to a
 * word (ASCII brackets fold to a bracket, the rest to punctuation). */
static inline uint32_t word_at(const char *t, size_t b, size_t *i)
{
    const unsigned char *u = (const unsigned char *)t + *i;
    uint32_t c = u[0];
    if (c < 0x80) {
        (*i)++;
        return alnum(c);
    }
    /* the three-byte form, its lead and continuation bytes told by one test */
    uint32_t v = *i + 2 < b ? nb_utf8_load3(u) : 0; /* the text's NUL follows b */
    if ((v & 0xC0C0F0u) == 0x8080E0u) {
        *i += 3;
        c = (c & 0x0F) << 12 | (v >> 2 & 0xFC0u) | (v >> 16 & 0x3Fu);
        if (c - 0x4E00 < 0x5200)
            return c;
        return alnum(c - 0xFF10 <= 0xFF5A - 0xFF10 ? c - 0xFEE0 : c);
    }
    c = nb_fold(nb_utf8_get(t, b, i));
    return c >= 0x4E00 && c <= 0x9FFF ? c : alnum(c);
}

/* The word at t[*i] put at w[nw] as a sketch takes it (a run of digits as
 * one '#': a digit after a digit dropped, *digits saying whether the word
 * before was one); the words w then holds. */
static inline size_t read_word(const char *t, size_t b, size_t *i, uint32_t *w, size_t nw, int *digits)
{
    uint32_t c = word_at(t, b, i);
    if (!c)
        return nw;
    int digit = c <= '9';
    if (digit && *digits)
        return nw;
    *digits = digit;
    w[nw] = digit ? '#' : c;
    return nw + 1;
}

#if SKETCH_WIDE
/* Of the eight three-byte forms that may start at u (u holds 28 bytes),
 * how many in a row word_at would read as an ideograph or drop (a
 * full-width sign, Chinese punctuation) — up to the first that is no such
 * form: ASCII, another length, a full-width letter or digit, a form that
 * reads as ASCII, for word_at to read. The ideographs among them stored in
 * order at w (eight places written), *kept how many. */
__attribute__((target("avx2"))) static inline unsigned ideographs_wide(const unsigned char *u, uint32_t *w, size_t *kept)
{
    __m256i v = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128((const void *)u)),
                                        _mm_loadu_si128((const void *)(u + 12)), 1);
    /* each form's three bytes in a lane, the last lowest */
    __m256i x = _mm256_shuffle_epi8(v, _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1, 2, 1, 0, -1,
                                                        5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1));
    __m256i form = _mm256_cmpeq_epi32(_mm256_and_si256(x, _mm256_set1_epi32(0xF0C0C0)), _mm256_set1_epi32(0xE08080));
    /* the code point: the two low bytes' six bits joined by 64, then the lead's four by 4096 */
    __m256i c = _mm256_madd_epi16(_mm256_maddubs_epi16(_mm256_and_si256(x, _mm256_set1_epi32(0x0F3F3F)),
                                                       _mm256_set1_epi32(0x014001)),
                                  _mm256_set1_epi32(0x10000001));
    __m256i ideo = _mm256_sub_epi32(c, _mm256_set1_epi32(0x4E00)), full = _mm256_sub_epi32(c, _mm256_set1_epi32(0xFF10));
    /* what word_at may read as a letter or digit: below U+0080, or U+FF10–U+FF5A */
    __m256i word = _mm256_or_si256(_mm256_cmpgt_epi32(_mm256_set1_epi32(0x80), c),
                                   _mm256_cmpeq_epi32(_mm256_min_epu32(full, _mm256_set1_epi32(0xFF5A - 0xFF10)), full));
    unsigned stop = ~(unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(form)) |
                    (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(word)) | 0x100;
    unsigned n = (unsigned)__builtin_ctz(stop);
    *kept = store_lanes(w, c, lanes_at_most(ideo, _mm256_set1_epi32(0x51FF)) & ((1u << n) - 1));
    return n;
}
#endif

#if SKETCH_WIDE
/* A run of three-byte forms from t[*i] on read eight at a time, those that
 * are no word dropped and the ideographs put at w[nw], then one word by
 * read_word, until the block is full or the text ends. */
__attribute__((target("avx2"))) static size_t read_words_wide(const char *t, size_t b, size_t *i, uint32_t *w, size_t nw,
                                                              int *digits)
{
    const unsigned char *u = (const unsigned char *)t;
    while (*i < b && nw < 3 + WORDS) {
        unsigned n;
        size_t kept;
        while (u[*i] >= 0xE0 && *i + 28 <= b && nw < 3 + WORDS && (n = ideographs_wide(u + *i, w + nw, &kept))) {
            *i += 3 * n;
            nw += kept;
            *digits &= !kept;
        }
        if (*i < b && nw < 3 + WORDS)
            nw = read_word(t, b, i, w, nw, digits);
    }
    return nw;
}
#endif

/* The words from t[*i] on (t ends at b) put at w[nw] until the block is
 * full or the text ends, *i moved past them, eight ideographs at a time
 * where wide; the words w then holds. */
static size_t read_words(const char *t, size_t b, size_t *i, uint32_t *w, size_t nw, int *digits, int wide)
{
#if SKETCH_WIDE
    if (wide)
        return read_words_wide(t, b, i, w, nw, digits);
#endif
    while (*i < b && nw < 3 + WORDS)
        nw = read_word(t, b, i, w, nw, digits);
    return nw;
}

/* ---------------------------------------------------------------- hashes */

#if SKETCH_WIDE
/* fnv_word in eight lanes, the words from w. */
__attribute__((target("avx2"))) static inline __m256i fnv_word_wide(__m256i h, const uint32_t *w)
{
    __m256i c = _mm256_loadu_si256((const void *)w);
    h = _mm256_mullo_epi32(_mm256_xor_si256(h, _mm256_and_si256(c, _mm256_set1_epi32(0xFF))),
                           _mm256_set1_epi32((int)FNV_PRIME));
    return _mm256_mullo_epi32(_mm256_xor_si256(h, _mm256_srli_epi32(c, 8)), _mm256_set1_epi32((int)FNV_PRIME3));
}

/* hash_shingles eight shingles at a time (w holds eight places past n, the
 * lanes past the last shingle not gathered). */
__attribute__((target("avx2"))) static void hash_shingles_wide(const uint32_t *w, size_t n, gathered *g, nb_sketch *s,
                                                               uint32_t *lim)
{
    __m256i most = _mm256_set1_epi32((int)*lim), basis = _mm256_set1_epi32((int)FNV_BASIS);
    for (size_t k = 0; k + 3 < n; k += 8) {
        if (g->n > SKETCH_BUF - 8) {
            keep_smallest(g, s, 0, 1);
            *lim = entry_limit(s);
            most = _mm256_set1_epi32((int)*lim);
        }
        __m256i h = fnv_word_wide(fnv_word_wide(fnv_word_wide(fnv_word_wide(basis, w + k), w + k + 1), w + k + 2), w + k + 3);
        unsigned keep = lanes_at_most(h, most);
        if (n - 3 - k < 8)
            keep &= (1u << (n - 3 - k)) - 1;
        g->n += store_lanes(g->v + g->n, h, keep);
    }
}
#endif

/* The hashes of the shingles of w[0, n) (the four words from each of w[0,
 * n - 3)) at or below *lim gathered into g, eight at a time where wide;
 * when g is full, the smallest kept in s and *lim lowered. */
static void hash_shingles(const uint32_t *w, size_t n, gathered *g, nb_sketch *s, uint32_t *lim, int wide)
{
#if SKETCH_WIDE
    if (wide) {
        hash_shingles_wide(w, n, g, s, lim);
        return;
    }
#endif
    uint32_t most = *lim;
    for (size_t k = 0; k + 3 < n; k++) {
        uint32_t h = fnv_word(fnv_word(fnv_word(fnv_word(FNV_BASIS, w[k]), w[k + 1]), w[k + 2]), w[k + 3]);
        if (h > most)
            continue;
        g->v[g->n++] = h;
        if (g->n == SKETCH_BUF) {
            keep_smallest(g, s, 0, 0);
            most = entry_limit(s);
        }
    }
    *lim = most;
}

/* ---------------------------------------------------------------- the sketch */

void nb_sketch_text(const char *t, size_t a, size_t b, nb_sketch *s, int wide)
{
#if SKETCH_WIDE
    wide = wide && __builtin_cpu_supports("avx2");
#else
    wide = 0;
#endif
    gathered g;
    memcpy(g.v, s->h, (size_t)s->n * sizeof *g.v);
    g.n = (size_t)s->n;
    uint32_t w[WORDS_ROOM], lim = entry_limit(s);
    size_t i = a, nw = 0;
    int digits = 0;
    while (i < b) {
        size_t n = read_words(t, b, &i, w, nw, &digits, wide);
        memset(w + n, 0, 8 * sizeof *w);
        hash_shingles(w, n, &g, s, &lim, wide);
        s->chars += (int)(n - nw);
        nw = n < 3 ? n : 3;
        memmove(w, w + n - nw, nw * sizeof *w);
    }
    keep_smallest(&g, s, 1, wide);
}
