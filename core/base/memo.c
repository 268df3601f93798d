/* memo.c — answers remembered from report to report in a thread's context
 * (base/memo.h): what a lexicon makes of a label's text (extract), a
 * finding's print (check/findings). Bounded: a fixed table of entries and
 * a fixed arena for their keys and answers, emptied whole when either is
 * full. An owner (a lexicon, a schema) is known by its address: it lives
 * as long as the memo. */
#include "base/memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct nb_memo {
    struct memo_slot {
        uint64_t hash; /* 0: an empty slot */
        const void *lex;
        uint32_t at, klen, vlen; /* the key at `at` in the arena, the answer after it (8-aligned) */
        int kind;
    } *slot;
    size_t mask, used;
    unsigned char *arena;
    size_t fill, cap;
    unsigned long emptied;
};

nb_memo *nb_memo_new(size_t slots, size_t arena)
{
    if (slots < 2 || (slots & (slots - 1)) || arena > UINT32_MAX)
        return NULL;
    nb_memo *M = calloc(1, sizeof *M);
    if (!M)
        return NULL;
    M->slot = calloc(slots, sizeof *M->slot);
    M->arena = malloc(arena ? arena : 1);
    if (!M->slot || !M->arena) {
        nb_memo_free(M);
        return NULL;
    }
    M->mask = slots - 1;
    M->cap = arena;
    return M;
}

void nb_memo_free(nb_memo *M)
{
    if (!M)
        return;
    free(M->slot);
    free(M->arena);
    free(M);
}

unsigned long nb_memo_emptied(const nb_memo *M)
{
    return M->emptied;
}

/* Eight bytes at p, as a number. */
static uint64_t load8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

static uint64_t load4(const unsigned char *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

/* The key's hash, never 0: the lexicon, kind and length first, then eight
 * bytes a step, the last step's eight ending the key (overlapping the one
 * before); a key shorter than eight bytes in two overlapping fours. */
static inline __attribute__((always_inline)) uint64_t memo_hash(const void *lex, int kind, const unsigned char *p,
                                                                 size_t n)
{
    const uint64_t K = 0x9E3779B97F4A7C15ull;
    uint64_t h = ((uint64_t)(uintptr_t)lex ^ (uint64_t)(unsigned)kind << 40 ^ n) * K;
    if (n >= 8) {
        size_t i = 0;
        for (; i + 8 < n; i += 8)
            h = (h ^ load8(p + i)) * K;
        h = (h ^ load8(p + n - 8)) * K;
    } else if (n >= 4) {
        h = (h ^ (load4(p) << 32 | load4(p + n - 4))) * K;
    } else {
        uint64_t w = 0;
        for (size_t i = 0; i < n; i++)
            w = w << 8 | p[i];
        h = (h ^ w) * K;
    }
    return (h ^ h >> 29 ^ h >> 47) | 1;
}

static size_t value_at(const struct memo_slot *s)
{
    return ((size_t)s->at + s->klen + 7) & ~(size_t)7;
}

const void *nb_memo_get(const nb_memo *M, const void *lex, int kind, const void *key, size_t klen, size_t *vlen)
{
    uint64_t h = memo_hash(lex, kind, key, klen);
    for (size_t i = h & M->mask; M->slot[i].hash; i = (i + 1) & M->mask) {
        const struct memo_slot *s = &M->slot[i];
        if (s->hash == h && s->lex == lex && s->kind == kind && s->klen == klen &&
            memcmp(M->arena + s->at, key, klen) == 0) {
            *vlen = s->vlen;
            return M->arena + value_at(s);
        }
    }
    return NULL;
}

/* Every entry forgotten: the memo is as new. */
static void memo_empty(nb_memo *M)
{
    memset(M->slot, 0, (M->mask + 1) * sizeof *M->slot);
    M->used = 0;
    M->fill = 0;
    M->emptied++;
}

void *nb_memo_put(nb_memo *M, const void *lex, int kind, const void *key, size_t klen, size_t vlen)
{
    size_t need = ((klen + 7) & ~(size_t)7) + ((vlen + 7) & ~(size_t)7);
    if (need > M->cap)
        return NULL;
    if (M->used + 1 > (M->mask + 1) / 2 || M->fill + need > M->cap)
        memo_empty(M);
    uint64_t h = memo_hash(lex, kind, key, klen);
    size_t i = h & M->mask;
    while (M->slot[i].hash)
        i = (i + 1) & M->mask;
    struct memo_slot *s = &M->slot[i];
    *s = (struct memo_slot){.hash = h, .lex = lex, .at = (uint32_t)M->fill, .klen = (uint32_t)klen,
                            .vlen = (uint32_t)vlen, .kind = kind};
    memcpy(M->arena + s->at, key, klen);
    M->fill += need;
    M->used++;
    return M->arena + value_at(s);
}
