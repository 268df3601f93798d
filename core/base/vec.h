/* vec.h — growing an array in place: the one helper every growing buffer
 * uses; and the place of a value in a sorted array of offsets. */
#ifndef NB_VEC_H
#define NB_VEC_H

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
 * (found by halving); hi when none. */
static inline size_t nb_first_at_least(const size_t *v, size_t lo, size_t hi, size_t x)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

#endif
