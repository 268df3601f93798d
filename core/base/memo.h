/* memo.h — answers that depend only on a key and its owner (a lexicon, a
 * schema: known by its address) and a kind, kept from report to report in
 * a thread's context (memo.c): at most a fixed number of entries and
 * bytes, all forgotten when full. Not shared between threads. */
#ifndef NB_MEMO_H
#define NB_MEMO_H

#include <stddef.h>

typedef struct nb_memo nb_memo;

/* A memo of this many slots (a power of two, half of them used at most)
 * and bytes of keys and answers; NULL when out of memory (or slots is not
 * a power of two from 2). */
nb_memo *nb_memo_new(size_t slots, size_t arena);
void nb_memo_free(nb_memo *M);
/* The answer kept under owner, kind and key (vlen bytes, 8-aligned), or
 * NULL. Valid until the next nb_memo_put. */
const void *nb_memo_get(const nb_memo *M, const void *owner, int kind, const void *key, size_t klen, size_t *vlen);
/* Room for the answer under a key nb_memo_get did not find: vlen bytes,
 * 8-aligned, to be filled at once; NULL when the entry is larger than the
 * whole memo. Every entry is forgotten first when the memo is full. */
void *nb_memo_put(nb_memo *M, const void *owner, int kind, const void *key, size_t klen, size_t vlen);
/* How many times the memo was found full and emptied. */
unsigned long nb_memo_emptied(const nb_memo *M);

#endif
