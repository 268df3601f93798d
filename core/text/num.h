/* num.h — exact decimal numbers: value = v / 10^scale. */
#ifndef NB_NUM_H
#define NB_NUM_H

#include <stddef.h>

typedef struct nb_num {
    long long v;
    int scale;
} nb_num;

nb_num nb_num_int(long long v);
nb_num nb_num_add(nb_num a, nb_num b);
int nb_num_cmp(nb_num a, nb_num b);
int nb_num_is_int(nb_num a);
/* The same number without trailing decimal zeros: 100.00 → 100, 12.50 → 12.5. */
nb_num nb_num_trim(nb_num a);
/* Format as plain decimal ("18651.06", "0", "-3"); returns bytes written. */
size_t nb_num_format(nb_num a, char *out, size_t cap);

#endif
