/* hold.c — the batch's held outputs (hold.h): blocks of NB_HOLD_BLOCK
 * bytes mapped from the system, aligned to 2 MiB and marked for huge
 * pages where the system has them (one fault then brings in 2 MiB, not
 * 4 KiB), each room taken from the end of the last block. */
#include "batch/hold.h"

#include <stdint.h>
#include <sys/mman.h>

#define NB_HOLD_ALIGN ((size_t)2 << 20)  /* a huge page on x86-64 and arm64 */
#define NB_HOLD_BLOCK ((size_t)8 << 20)  /* four of them */

struct nb_hold_block {
    nb_hold_block *before;
    size_t size, used; /* the whole mapping, this header included */
};

/* A mapping of size bytes (a multiple of NB_HOLD_ALIGN) that starts on a
 * multiple of NB_HOLD_ALIGN: mapped larger, its ends given back. */
static void *map_aligned(size_t size)
{
    size_t extra = NB_HOLD_ALIGN;
    char *p = mmap(NULL, size + extra, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    size_t lead = (NB_HOLD_ALIGN - (uintptr_t)p % NB_HOLD_ALIGN) % NB_HOLD_ALIGN;
    if (lead)
        munmap(p, lead);
    if (extra - lead)
        munmap(p + lead + size, extra - lead);
    p += lead;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, size, MADV_HUGEPAGE); /* a hint: where refused, plain pages */
#endif
    return p;
}

static size_t round_up(size_t n, size_t to)
{
    return (n + to - 1) / to * to;
}

void *nb_hold_take(nb_hold *h, size_t n)
{
    const size_t head = round_up(sizeof(nb_hold_block), 16);
    n = round_up(n ? n : 1, 16);
    nb_hold_block *b = h->last;
    if (!b || b->size - b->used < n) {
        if (n > SIZE_MAX / 2)
            return NULL;
        size_t size = round_up(head + n > NB_HOLD_BLOCK ? head + n : NB_HOLD_BLOCK, NB_HOLD_ALIGN);
        if (!(b = map_aligned(size)))
            return NULL;
        b->before = h->last;
        b->size = size;
        b->used = head;
        h->last = b;
    }
    void *p = (char *)b + b->used;
    b->used += n;
    return p;
}

void nb_hold_free(nb_hold *h)
{
    for (nb_hold_block *b = h->last, *before; b; b = before) {
        before = b->before;
        munmap(b, b->size);
    }
    h->last = NULL;
}
