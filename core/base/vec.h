/* vec.h — growing an array in place: the one helper every growing buffer
 * uses; and the place of a value in a sorted array of offsets. */
#ifndef NB_VEC_H
#define NB_VEC_H

#include <stdint.h>
#include <stdlib.h>

/* Make room for at least need elements of size elem in *p (capacity *cap,
 * doubling from initial). Returns 0, or -1 with *p untouched when out of memory. */
static inline int nb_grow(void *p, size_t *cap, size_t need, size_t elem, size_t initial)
{
    void **pp = (void **)p;
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : initial;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*pp, nc * elem);
    if (!np)
        return -1;
    *pp = np;
    *cap = nc;
    return 0;
}

/* The first index in [lo, hi) of the ascending v whose value is at least x
 * (found by halving); hi when none: for offsets of size_t, and of 32 bits. */
#define NB_FIRST_AT_LEAST(name, T)                                                                                    \
    static inline size_t name(const T *v, size_t lo, size_t hi, size_t x)                                            \
    {                                                                                                                  \
        while (lo < hi) {                                                                                              \
            size_t mid = lo + (hi - lo) / 2;                                                                           \
            if (v[mid] < x)                                                                                            \
                lo = mid + 1;                                                                                          \
            else                                                                                                       \
                hi = mid;                                                                                              \
        }                                                                                                              \
        return lo;                                                                                                     \
    }
NB_FIRST_AT_LEAST(nb_first_at_least, size_t)
NB_FIRST_AT_LEAST(nb_first_at_least32, uint32_t)

#endif
