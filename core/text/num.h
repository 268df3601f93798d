/* num.h — exact decimal numbers: value = v / 10^scale. A number read from
 * a report or typed by a reviewer has at most NB_NUM_MAX_INT digits before
 * the point and NB_NUM_MAX_SCALE after it, so that sums of a table cannot
 * overflow; the arithmetic is checked all the same (nb_num_add_checked),
 * and nothing here is undefined behaviour whatever the operands. */
#ifndef NB_NUM_H
#define NB_NUM_H

#include <stddef.h>

#define NB_NUM_MAX_INT 12  /* digits before the point */
#define NB_NUM_MAX_SCALE 6 /* digits after it: a sum of a table stays within 64 bits */

typedef struct nb_num {
    long long v;
    int scale;
} nb_num;

nb_num nb_num_int(long long v);
/* a + b exactly into *out: 0, or -1 when it does not fit (*out untouched). */
int nb_num_add_checked(nb_num a, nb_num b, nb_num *out);
/* a + b; a sum that does not fit saturates (never wraps). */
nb_num nb_num_add(nb_num a, nb_num b);
/* -a (saturating). */
nb_num nb_num_neg(nb_num a);
/* Compared exactly, whatever the scales. */
int nb_num_cmp(nb_num a, nb_num b);
int nb_num_is_int(nb_num a);
/* The same number without trailing decimal zeros: 100.00 → 100, 12.50 → 12.5. */
nb_num nb_num_trim(nb_num a);
/* Format as plain decimal ("18651.06", "0", "-3"); returns bytes written. */
size_t nb_num_format(nb_num a, char *out, size_t cap);

#endif
