/* hold.h — the room a batch keeps its reports' outputs in while it waits
 * for every report to be read (years paired): large blocks asked of the
 * system once and filled one output after another, given back together
 * at the end. A batch of thousands of reports then does not fault in a
 * fresh page for every few kilobytes it keeps, nor leave the allocator's
 * heap in pieces. A store is not locked: one thread at a time takes room. */
#ifndef NB_BATCH_HOLD_H
#define NB_BATCH_HOLD_H

#include <stddef.h>

typedef struct nb_hold_block nb_hold_block;

typedef struct nb_hold {
    nb_hold_block *last; /* the block being filled; each points at the one before */
} nb_hold;

/* n bytes of room (aligned for any object), kept until nb_hold_free; NULL
 * when the system gives no more memory. */
void *nb_hold_take(nb_hold *h, size_t n);

/* Every block given back; h is empty again. */
void nb_hold_free(nb_hold *h);

#endif
