/* utf8_valid.c — strict UTF-8 validation 32 bytes at a time where the CPU
 * has AVX2 (chosen at run time): the prefix of a text it finds valid, so
 * that nb_utf8_invalid (utf8.c) walks byte by byte only the rest — the
 * last few bytes, or the block where something is wrong, to say exactly
 * where. The method classifies each byte pair by table lookups on their
 * high and low nibbles (every way two bytes can break the rules is a bit:
 * too short, too long, overlong, surrogate, past U+10FFFF, a continuation
 * with no lead) and checks that the third and fourth bytes of three- and
 * four-byte forms are continuations, as Keiser and Lemire describe
 * ("Validating UTF-8 in less than one instruction per byte", 2021). */
#include "base/utf8.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* The ways a byte pair (the previous byte, this one) breaks the rules. */
enum {
    TOO_SHORT = 1 << 0,  /* a lead not followed by a continuation */
    TOO_LONG = 1 << 1,   /* a continuation after an ASCII byte */
    OVERLONG_3 = 1 << 2, /* E0 80–9F */
    TOO_LARGE = 1 << 3,  /* F4 90–BF, F5–FF */
    SURROGATE = 1 << 4,  /* ED A0–BF */
    OVERLONG_2 = 1 << 5, /* C0, C1 */
    TOO_LARGE_1000 = 1 << 6,
    OVERLONG_4 = 1 << 6, /* F0 80–8F */
    TWO_CONTS = 1 << 7,  /* a continuation after a continuation: right only as a 3rd or 4th byte */
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

/* What each nibble of the pair allows: the pair breaks a rule where all
 * three of its nibbles' entries (the previous byte's high and low, this
 * byte's high) have that rule's bit. */
#define L3 (CARRY | TOO_LARGE | TOO_LARGE_1000)
static const unsigned char byte1_high[16] = {
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, /* 0___: ASCII */
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                     /* 10__: a continuation */
    TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,          /* 1100, 1101, 1110 */
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4};                           /* 1111 */
static const unsigned char byte1_low[16] = {
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY, CARRY | TOO_LARGE, /* ____0000–0100 */
    L3, L3, L3, L3, L3, L3, L3, L3, L3 | SURROGATE, L3, L3};                                         /* ____0101–1111 */
static const unsigned char byte2_high[16] = {
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, /* ASCII */
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,         /* 1000 */
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,                            /* 1001 */
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                             /* 1010 */
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                             /* 1011 */
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT};                                           /* 11__: a lead */
#undef L3

/* The block's bytes shifted by k (1 to 3) from the block before: each
 * place holds the byte k before it. */
#define NB_PREV(in, prev, k) _mm256_alignr_epi8((in), _mm256_permute2x128_si256((prev), (in), 0x21), 16 - (k))

/* The table's entry for each byte's high (or low) nibble. */
__attribute__((target("avx2"))) static __m256i lookup(const unsigned char table[16], __m256i v, int high)
{
    __m256i t = _mm256_broadcastsi128_si256(_mm_loadu_si128((const void *)table));
    return _mm256_shuffle_epi8(t, _mm256_and_si256(high ? _mm256_srli_epi16(v, 4) : v, _mm256_set1_epi8(0x0F)));
}

/* Nonzero where the block in (after prev) breaks the rules. */
__attribute__((target("avx2"))) static __m256i block_errors(__m256i in, __m256i prev)
{
    __m256i prev1 = NB_PREV(in, prev, 1);
    __m256i special = _mm256_and_si256(_mm256_and_si256(lookup(byte1_high, prev1, 1), lookup(byte1_low, prev1, 0)),
                                       lookup(byte2_high, in, 1));
    /* a third byte (two after E0–FF) or a fourth (three after F0–FF) must
       be a continuation: there the pair's TWO_CONTS is right, elsewhere wrong */
    __m256i third = _mm256_subs_epu8(NB_PREV(in, prev, 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(NB_PREV(in, prev, 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i must = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(must, special);
}

/* Where a scan stopped at `at` may start again byte by byte: at the lead
 * byte of a character that begins in the three bytes before and runs on
 * past at, else at itself. */
static size_t restart_at(const unsigned char *s, size_t at)
{
    for (size_t k = 1; k <= 3 && k <= at; k++) {
        unsigned c = s[at - k];
        if (c >= 0xC0)
            return at - k;
        if (c < 0x80)
            break;
    }
    return at;
}

__attribute__((target("avx2"))) static size_t valid_prefix_avx2(const unsigned char *s, size_t n)
{
    __m256i prev = _mm256_setzero_si256();
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256i in = _mm256_loadu_si256((const void *)(s + i));
        __m256i bad = block_errors(in, prev);
        if (!_mm256_testz_si256(bad, bad)) /* the bytes before are valid: say where from them on */
            break;
        prev = in;
    }
    return restart_at(s, i);
}

size_t nb_utf8_valid_prefix(const unsigned char *s, size_t n)
{
    if (n < 64 || !__builtin_cpu_supports("avx2"))
        return 0;
    return valid_prefix_avx2(s, n);
}

#else

size_t nb_utf8_valid_prefix(const unsigned char *s, size_t n)
{
    (void)s;
    (void)n;
    return 0;
}

#endif
