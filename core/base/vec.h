/* vec.h — growing an array in place: the one helper every growing buffer uses. */
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

#endif
