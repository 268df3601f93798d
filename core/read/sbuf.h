/* sbuf.h — a growing byte string, NUL-terminated, for the readers'
 * paragraph and cell text. */
#ifndef NB_SBUF_H
#define NB_SBUF_H

#include <stddef.h>
#include <string.h>
#include "base/vec.h"

typedef struct nb_sbuf {
    char *s;       /* NULL until something is put */
    size_t n, cap;
} nb_sbuf;

/* Append s[0, n); 0, or -1 out of memory. */
static inline int nb_sbuf_put(nb_sbuf *b, const char *s, size_t n)
{
    if (nb_grow(&b->s, &b->cap, b->n + n + 1, 1, 256) != 0)
        return -1;
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

/* The text so far ("" before anything is put). */
static inline const char *nb_sbuf_str(const nb_sbuf *b)
{
    return b->s ? b->s : "";
}

#endif
