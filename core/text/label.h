/* label.h — the normal form labels are compared in, and the similarity that
 * maps a damaged label to its standard wording. */
#ifndef NB_LABEL_H
#define NB_LABEL_H

#include <stddef.h>
#include <stdint.h>

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
/* nb_norm's first step alone: s[0, n)'s code points folded, white space
 * and * # | │ dropped, into out (NB_USTR_MAX of them at most); returns how many.
 * For text normalised once and viewed with several flags. */
int nb_norm_chars(const char *s, size_t n, uint32_t *out);
/* nb_norm_chars, and in *marks how many of * # | │ it dropped (so that
 * without them its code points are s's folded ones without white space). */
int nb_norm_chars_marks(const char *s, size_t n, uint32_t *out, int *marks);
/* Drop trailing punctuation from a normalised label. */
void nb_ustr_trim_trail(nb_ustr *u);
/* The n code points c less their trailing punctuation: how many are left. */
int nb_chars_trim_trail(const uint32_t *c, int n);
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

#endif
