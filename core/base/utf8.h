/* utf8.h — stepping through UTF-8, strict validation, cutting text at a
 * character boundary (the one helper every cut of text goes through),
 * display width, character classes and folding, the characters a terminal
 * must never be sent raw, and byte search for short UTF-8 needles (one, or
 * a set in one pass). */
#ifndef NB_UTF8_H
#define NB_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s[*i] (s ends at end) and advance *i; a bad byte
 * gives U+FFFD and advances one byte. */
uint32_t nb_utf8_get_multi(const char *s, size_t end, size_t *i);
static inline uint32_t nb_utf8_get(const char *s, size_t end, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    unsigned char c = u[0];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    /* the three-byte form every CJK character takes */
    if ((c & 0xF0) == 0xE0 && *i + 2 < end && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *i += 3;
        return (uint32_t)(c & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    }
    return nb_utf8_get_multi(s, end, i);
}
/* The bytes at u as a number, the first lowest, to test the lead and
 * continuation bytes of a three-byte character at once ((v & 0xC0C0F0) ==
 * 0x8080E0); on a little-endian machine by one load of four bytes, so a
 * byte must follow the three (a NUL-terminated text's NUL at worst), and
 * the fourth's place holds anything. */
static inline uint32_t nb_utf8_load3(const unsigned char *u)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;
    __builtin_memcpy(&v, u, 4);
    return v;
#else
    return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16;
#endif
}
/* Is u[i, end) at a three-byte ideograph of U+4000–U+9FFF (lead E4–E9 and
 * two continuation bytes)? One test a byte; and the code point there. */
static inline int nb_utf8_ideo3(const unsigned char *u, size_t i, size_t end)
{
    return i + 2 < end && (unsigned)(u[i] - 0xE4) <= 5 && ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) <= 0x3F;
}
static inline uint32_t nb_utf8_ideo3_cp(const unsigned char *u)
{
    return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}
/* The last character of u[a, e) when it is ASCII or of three bytes (its
 * first byte no continuation byte, so a reading from a comes to it and
 * reads the same character): 1 with *c set; 0 for any other ending (a
 * character of two or four bytes, a stray byte, an empty range). */
static inline int nb_utf8_last13(const unsigned char *u, size_t a, size_t e, uint32_t *c)
{
    if (e > a && u[e - 1] < 0x80) {
        *c = u[e - 1];
        return 1;
    }
    if (e >= a + 3 && (u[e - 3] & 0xF0) == 0xE0 && (u[e - 2] & 0xC0) == 0x80 && (u[e - 1] & 0xC0) == 0x80) {
        *c = nb_utf8_ideo3_cp(u + e - 3); /* any three-byte form's code point */
        return 1;
    }
    return 0;
}
/* The longest prefix of s of at most n bytes that ends between characters
 * (s holds at least n bytes, or its NUL before): where to cut it. */
size_t nb_utf8_whole(const char *s, size_t n);
/* The length of the strict UTF-8 sequence at s[0, n) (1 to 4), or 0 when
 * s[0] starts none (a stray byte, an overlong form, a surrogate, past
 * U+10FFFF, cut short); n > 0. */
size_t nb_utf8_seq(const unsigned char *s, size_t n);
/* The first byte of s[0, n) that is not strict UTF-8, or NULL. */
const unsigned char *nb_utf8_invalid(const unsigned char *s, size_t n);
/* The length of a prefix of s[0, n) found strict UTF-8 and ending between
 * characters, 32 bytes at a time where the CPU has AVX2 (utf8_valid.c); 0
 * elsewhere and for short texts. */
size_t nb_utf8_valid_prefix(const unsigned char *s, size_t n);
/* The most of s[0, n), at most max bytes, that ends between characters
 * (nb_utf8_whole on a span that may be shorter than max). */
size_t nb_utf8_cut(const char *s, size_t n, size_t max);
/* Drop a character cut short at the end of the string s (what a fixed
 * buffer's snprintf leaves); returns the new length. */
size_t nb_utf8_trim_partial(char *s);
/* Code points a terminal must be shown escaped, never sent: C0 controls,
 * DEL, C1 controls (U+0080–U+009F), the bidi overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069). */
int nb_cp_unsafe(uint32_t cp);

/* Encode cp into out (at least 4 bytes); returns bytes written. */
size_t nb_utf8_put(char *out, uint32_t cp);

/* Display columns of one code point as nianbao draws it: CJK two, control
 * characters as ^X (two), C1 controls as <XX> (four), combining marks zero. */
int nb_cp_width_of(uint32_t cp);
static inline int nb_cp_width(uint32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F)
        return 1;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303E) || (cp >= 0xFF01 && cp <= 0xFF60))
        return 2; /* the common CJK ranges */
    return nb_cp_width_of(cp);
}
/* Display columns of s[0, n) drawn from column startcol (tabs to next 8). */
size_t nb_display_cols(const char *s, size_t n, size_t startcol);

/* The same, but stops counting once past max (for "is this line short?"). */
size_t nb_display_cols_max(const char *s, size_t n, size_t max);

/* A character that takes no room and marks no break a reader sees: U+200B
 * U+200C U+200D U+2060 U+FEFF (editors put them inside words and numbers). */
static inline int nb_is_zero_width(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}
/* ASCII space, tab, \f, \v, U+3000, NBSP…: ASCII here, the rest in utf8.c. */
int nb_is_space_wide(uint32_t cp);
static inline int nb_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r'); /* \t \n \v \f \r */
    if (cp > 0x3000) /* ideographs and the rest above U+3000: only the BOM is a space */
        return cp == 0xFEFF;
    return nb_is_space_wide(cp);
}
/* The first place of t[i, e) that is no white space (nb_is_space), or e.
 * Most text starts with a printable ASCII byte or an ideograph's lead
 * (U+4000–U+9FFF), told at once. */
static inline size_t nb_skip_spaces(const char *t, size_t i, size_t e)
{
    unsigned char c = i < e ? (unsigned char)t[i] : 0;
    if ((c > ' ' && c < 0x80) || (unsigned)(c - 0xE4) <= 5)
        return i;
    while (i < e) {
        size_t j = i;
        if (!nb_is_space(nb_utf8_get(t, e, &j)))
            break;
        i = j;
    }
    return i;
}
int nb_is_cjk(uint32_t cp);     /* ideographs and CJK punctuation */
/* Fold full-width ASCII to ASCII, quote and bracket styles to one, dashes to '-'. */
uint32_t nb_fold_wide(uint32_t cp);
static inline uint32_t nb_fold(uint32_t cp)
{
    if (cp < 0x80) /* ASCII: only brackets fold */
        return cp == '[' || cp == '{' ? '(' : cp == ']' || cp == '}' ? ')' : cp;
    if (cp >= 0x4E00 && cp <= 0x9FFF) /* ideographs fold to themselves */
        return cp;
    return nb_fold_wide(cp);
}

/* First occurrence of needle (nl bytes) in hay (n bytes), or NULL. Fast for
 * short UTF-8 needles: memchr finds the needle's byte that is rarest in
 * report text (never a CJK lead byte when it has another), then the rest is
 * compared. */
const char *nb_find(const char *hay, size_t n, const char *needle, size_t nl);
/* The first place of needle (one byte or more) in hay[from, n) that does
 * not start in the stretch [za, zb) (a table's zone, say: what stands there
 * is not read at all), or NULL. */
const char *nb_find_outside(const char *hay, size_t n, size_t from, size_t za, size_t zb, const char *needle,
                            size_t nl);

/* A set of needles (each 1 to 255 bytes, at most NB_NEEDLES_MAX) compiled
 * for nb_find_all, which finds every place of every one of them in one
 * pass over a text: where text is searched for many words at once (a
 * search each would read the text once a word). The needles' strings must
 * outlive the set. */
#define NB_NEEDLES_MAX 128
typedef struct nb_needles {
    const char *w[NB_NEEDLES_MAX];
    unsigned char len[NB_NEEDLES_MAX];
    uint32_t w3[NB_NEEDLES_MAX];          /* the first three bytes of each of three bytes or more */
    unsigned char next[NB_NEEDLES_MAX];   /* the next needle (+1) of three bytes or more with the same key; 0 none */
    unsigned char shorts[NB_NEEDLES_MAX]; /* the needles of one or two bytes */
    unsigned char head[256];              /* of a first byte: 1 some needle of three bytes or more starts with
                                             it, 2 some shorter one */
    unsigned char first[8], span[8];      /* the runs of first bytes (from first, span more), when at most
                                             8 (nfirst; else 0) */
    unsigned char map[4096];              /* the first needle (+1) of three bytes or more by a key of its
                                             first three bytes */
    unsigned char nib[6][16];             /* the buckets (a bit each) of the needles' first three bytes by
                                             each byte's low and high half, in turn */
    int n, nshort, nfirst;
} nb_needles;

/* A place of a needle in a text: where it starts, which needle. */
typedef struct nb_place {
    size_t off;
    int needle;
} nb_place;

/* Compile needles[0, count): 0, or -1 when there are too many or one is
 * empty or too long. */
int nb_needles_init(nb_needles *s, const char *const *needles, int count);
/* Every place of every needle of s in hay[0, n) (overlapping ones too), in
 * the order of the text (at one offset, the needles of three bytes or more
 * in the order of the set, then the shorter ones): appended to *out (*cap
 * places of room, grown as needed; *nout of them used). 0, or -1 when out of
 * memory. */
int nb_find_all(const nb_needles *s, const char *hay, size_t n, nb_place **out, size_t *cap, size_t *nout);

#endif
