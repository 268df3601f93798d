/* text.h — UTF-8 and label text: decoding, display width, the normal form
 * labels are compared in, and the similarity that maps a damaged label to
 * its standard wording. */
#ifndef NB_TEXT_H
#define NB_TEXT_H

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
/* Encode cp into out (at least 4 bytes); returns bytes written. */
size_t nb_utf8_put(char *out, uint32_t cp);

/* Display columns of one code point as nianbao draws it: CJK two, control
 * characters as ^X (two), C1 controls as <XX> (four), combining marks zero. */
int nb_cp_width(uint32_t cp);
/* Display columns of s[0, n) drawn from column startcol (tabs to next 8). */
size_t nb_display_cols(const char *s, size_t n, size_t startcol);

/* The same, but stops counting once past max (for "is this line short?"). */
size_t nb_display_cols_max(const char *s, size_t n, size_t max);

int nb_is_space(uint32_t cp);   /* ASCII space, tab, \f, \v, U+3000, NBSP… */
int nb_is_cjk(uint32_t cp);     /* ideographs and CJK punctuation */
int nb_cn_digit(uint32_t cp);   /* 一…九 → 1…9, 十 → 10, 〇/零 → 0, else -1 */
/* Fold full-width ASCII to ASCII, quote and bracket styles to one, dashes to '-'. */
uint32_t nb_fold(uint32_t cp);

#define NB_USTR_MAX 192
/* A label in normal form: folded code points, no white space. */
typedef struct nb_ustr {
    uint32_t c[NB_USTR_MAX];
    int n;
    int had_num; /* a numbering prefix (一、 （一） 1. 1、) was stripped */
} nb_ustr;

enum { NB_NORM_NUM = 1, NB_NORM_TRAIL = 2, NB_NORM_LABEL = 3 };
/* Normalise s[0, n): fold, drop white space and '*'; with NB_NORM_NUM strip
 * leading numbering such as 三、 （一） 1. 1、 1．, with NB_NORM_TRAIL
 * trailing punctuation (、 ， ： 。 ；). */
void nb_norm(const char *s, size_t n, nb_ustr *out, int flags);
/* Drop trailing punctuation from a normalised label. */
void nb_ustr_trim_trail(nb_ustr *u);
void nb_ustr_append(nb_ustr *a, const nb_ustr *b);
int nb_ustr_eq(const nb_ustr *a, const nb_ustr *b);
/* b occurs in a as a contiguous run. */
int nb_ustr_contains(const nb_ustr *a, const nb_ustr *b);
/* b's characters occur in a in order. */
int nb_ustr_subseq(const nb_ustr *a, const nb_ustr *b);
/* Similarity in [0,1]: mean of the Dice coefficients of characters and of
 * character pairs. 1 only for equal strings. */
double nb_sim(const nb_ustr *a, const nb_ustr *b);

/* A label's characters and pairs, sorted: compared with many labels, it is
 * made once and each comparison is a merge. */
typedef struct nb_sig {
    const nb_ustr *u;
    uint32_t c[NB_USTR_MAX];
    uint64_t p[NB_USTR_MAX];
    int nc, np;
} nb_sig;
void nb_sig_make(const nb_ustr *u, nb_sig *s);
/* nb_sim of the two labels the signatures were made from. */
double nb_sig_sim(const nb_sig *a, const nb_sig *b);
/* Write a's code points as UTF-8 into out (size cap, NUL-terminated). */
void nb_ustr_utf8(const nb_ustr *a, char *out, size_t cap);

/* First occurrence of needle (nl bytes) in hay (n bytes), or NULL. Fast for
 * short UTF-8 needles: memchr finds the needle's last byte (a continuation
 * byte spread over 64 values in CJK text), then the rest is compared. */
const char *nb_find(const char *hay, size_t n, const char *needle, size_t nl);

/* Length of a numbering marker at s[i] (一、 （三） (3) 1. 1、 1．), 0 if none. */
size_t nb_numbering_len(const char *s, size_t end, size_t i);

#endif
