/* sha256.c — SHA-256 as FIPS 180-4 gives it: in C, and on an x86-64 processor
 * with the SHA extensions by its own instructions (about ten times faster;
 * glibc says which the processor has, once at start, without a global of
 * ours). */
#include "base/sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <immintrin.h>
#include <sys/platform/x86.h>
#if defined(CPU_FEATURE_ACTIVE) /* glibc 2.34 on */
#define NB_SHA_NI 1
#define NB_CPU_HAS(f) CPU_FEATURE_ACTIVE(f)
#elif defined(CPU_FEATURE_USABLE) /* glibc 2.33 */
#define NB_SHA_NI 1
#define NB_CPU_HAS(f) CPU_FEATURE_USABLE(f)
#endif
#endif
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* The sigmas of FIPS 180-4 with their rotations nested (ROR(x, 2) ^
 * ROR(x, 13) ^ ROR(x, 22) as ROR(ROR(ROR(x, 9) ^ x, 11) ^ x, 2)): one copy
 * of x, not three. */
#define BSIG0(x) ROR(ROR(ROR(x, 9) ^ (x), 11) ^ (x), 2)
#define BSIG1(x) ROR(ROR(ROR(x, 14) ^ (x), 5) ^ (x), 6)
#define SSIG0(x) (ROR(ROR(x, 11) ^ (x), 7) ^ ((x) >> 3))
#define SSIG1(x) (ROR(ROR(x, 2) ^ (x), 17) ^ ((x) >> 10))
/* Round i with schedule word wi on the state named from a to h: the
 * variables take each other's parts in turn (no state moved), d and h
 * updated in place; Ch and Maj in their three- and four-operation forms. */
#define ROUND(a, b, c, d, e, f, g, h, i, wi)                                                                          \
    do {                                                                                                               \
        uint32_t t1_ = h + BSIG1(e) + (g ^ (e & (f ^ g))) + K[i] + (wi);                                               \
        d += t1_;                                                                                                      \
        h = t1_ + BSIG0(a) + ((a & b) | (c & (a | b)));                                                               \
    } while (0)
/* Schedule word j (of a group of sixteen) over the last sixteen, kept in
 * w[16]: j a constant, so every place in the ring is known. */
#define NEXT_W(j) (w[(j)&15] += SSIG1(w[((j) + 14) & 15]) + w[((j) + 9) & 15] + SSIG0(w[((j) + 1) & 15]))
#define FIRST_W(j) w[j]
#define EIGHT(k, j, W)                                                                                                 \
    do {                                                                                                               \
        ROUND(a, b, c, d, e, f, g, h, (k) + (j), W((j)));                                                              \
        ROUND(h, a, b, c, d, e, f, g, (k) + (j) + 1, W((j) + 1));                                                      \
        ROUND(g, h, a, b, c, d, e, f, (k) + (j) + 2, W((j) + 2));                                                      \
        ROUND(f, g, h, a, b, c, d, e, (k) + (j) + 3, W((j) + 3));                                                      \
        ROUND(e, f, g, h, a, b, c, d, (k) + (j) + 4, W((j) + 4));                                                      \
        ROUND(d, e, f, g, h, a, b, c, (k) + (j) + 5, W((j) + 5));                                                      \
        ROUND(c, d, e, f, g, h, a, b, (k) + (j) + 6, W((j) + 6));                                                      \
        ROUND(b, c, d, e, f, g, h, a, (k) + (j) + 7, W((j) + 7));                                                      \
    } while (0)

/* One block in C: sixteen rounds unrolled a step, the schedule in a ring
 * of sixteen words. */
static void block_c(nb_sha256 *s, const unsigned char *p)
{
    uint32_t w[16];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
    EIGHT(0, 0, FIRST_W);
    EIGHT(0, 8, FIRST_W);
    for (int k = 16; k < 64; k += 16) {
        EIGHT(k, 0, NEXT_W);
        EIGHT(k, 8, NEXT_W);
    }
    s->h[0] += a;
    s->h[1] += b;
    s->h[2] += c;
    s->h[3] += d;
    s->h[4] += e;
    s->h[5] += f;
    s->h[6] += g;
    s->h[7] += h;
}

#ifdef NB_SHA_NI
/* Four rounds of the schedule's words m (plus their constants) on the state
 * halves ABEF and CDGH. */
#define NI_ROUNDS(abef, cdgh, m, k)                                                                                    \
    do {                                                                                                               \
        __m128i x_ = _mm_add_epi32((m), _mm_loadu_si128((const __m128i *)(k)));                                      \
        (cdgh) = _mm_sha256rnds2_epu32((cdgh), (abef), x_);                                                          \
        (abef) = _mm_sha256rnds2_epu32((abef), (cdgh), _mm_shuffle_epi32(x_, 0x0E));                                 \
    } while (0)

/* The next four words of the schedule from the last sixteen (a oldest). */
#define NI_NEXT(a, b, c, d)                                                                                            \
    _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32((a), (b)), _mm_alignr_epi8((d), (c), 4)), (d))

__attribute__((target("sha,sse4.1,ssse3"))) static void block_ni(nb_sha256 *s, const unsigned char *p)
{
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&s->h[0]), 0xB1); /* CDAB */
    __m128i cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&s->h[4]), 0x1B); /* EFGH */
    __m128i abef = _mm_alignr_epi8(t, cdgh, 8);
    cdgh = _mm_blend_epi16(cdgh, t, 0xF0);
    const __m128i abef0 = abef, cdgh0 = cdgh;
    __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), swap);
    __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), swap);
    __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), swap);
    __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), swap);
    NI_ROUNDS(abef, cdgh, m0, &K[0]);
    NI_ROUNDS(abef, cdgh, m1, &K[4]);
    NI_ROUNDS(abef, cdgh, m2, &K[8]);
    NI_ROUNDS(abef, cdgh, m3, &K[12]);
    for (int j = 16; j < 64; j += 16) { /* W[t] from W[t-16], W[t-15], W[t-7] and W[t-2], four at a time */
        m0 = NI_NEXT(m0, m1, m2, m3);
        NI_ROUNDS(abef, cdgh, m0, &K[j]);
        m1 = NI_NEXT(m1, m2, m3, m0);
        NI_ROUNDS(abef, cdgh, m1, &K[j + 4]);
        m2 = NI_NEXT(m2, m3, m0, m1);
        NI_ROUNDS(abef, cdgh, m2, &K[j + 8]);
        m3 = NI_NEXT(m3, m0, m1, m2);
        NI_ROUNDS(abef, cdgh, m3, &K[j + 12]);
    }
    abef = _mm_add_epi32(abef, abef0);
    cdgh = _mm_add_epi32(cdgh, cdgh0);
    t = _mm_shuffle_epi32(abef, 0x1B);    /* FEBA */
    cdgh = _mm_shuffle_epi32(cdgh, 0xB1); /* DCHG */
    _mm_storeu_si128((__m128i *)&s->h[0], _mm_blend_epi16(t, cdgh, 0xF0)); /* DCBA */
    _mm_storeu_si128((__m128i *)&s->h[4], _mm_alignr_epi8(cdgh, t, 8));    /* HGFE */
}
#endif

static void block(nb_sha256 *s, const unsigned char *p)
{
#ifdef NB_SHA_NI
    if (s->ni) {
        block_ni(s, p);
        return;
    }
#endif
    block_c(s, p);
}

void nb_sha256_init(nb_sha256 *s)
{
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, iv, sizeof iv);
    s->len = 0;
    s->nbuf = 0;
#ifdef NB_SHA_NI
    s->ni = NB_CPU_HAS(SHA) && NB_CPU_HAS(SSE4_1) && NB_CPU_HAS(SSSE3);
#else
    s->ni = 0;
#endif
}

void nb_sha256_update(nb_sha256 *s, const void *data, size_t n)
{
    const unsigned char *p = data;
    s->len += n;
    while (n) {
        if (!s->nbuf && n >= 64) { /* a whole block, straight from the data */
            block(s, p);
            p += 64;
            n -= 64;
            continue;
        }
        size_t k = 64 - s->nbuf < n ? 64 - s->nbuf : n;
        memcpy(s->buf + s->nbuf, p, k);
        s->nbuf += k;
        p += k;
        n -= k;
        if (s->nbuf == 64) {
            block(s, s->buf);
            s->nbuf = 0;
        }
    }
}

void nb_sha256_final(nb_sha256 *s, unsigned char out[32])
{
    uint64_t bits = s->len * 8;
    static const unsigned char pad[64] = {0x80};
    nb_sha256_update(s, pad, s->nbuf < 56 ? 56 - s->nbuf : 120 - s->nbuf);
    unsigned char lenb[8];
    for (int i = 0; i < 8; i++)
        lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
    nb_sha256_update(s, lenb, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
}

void nb_sha256_hex(const void *data, size_t n, char out[65])
{
    nb_sha256 s;
    unsigned char d[32];
    nb_sha256_init(&s);
    nb_sha256_update(&s, data, n);
    nb_sha256_final(&s, d);
    nb_hex(d, 32, out);
}

void nb_hex(const unsigned char *d, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[2 * n] = '\0';
}
