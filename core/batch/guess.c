/* guess.c — the year before guessed while a batch's first round runs
 * (guess.h): an open-addressed table of the reports read, by a hash of
 * their body's key and year; a guess offers those of the year before, in
 * the order of their index, to nb_pick (pair.c), as the pairing does. */
#include "batch/guess.h"
#include "batch/pair.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a over the key, then the year; never 0 (an empty place). */
static uint64_t hash_of(const char *key, int year)
{
    uint64_t h = 14695981039346656037u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    h = (h ^ (uint64_t)(unsigned)year) * 1099511628211u;
    return h ? h : 1;
}

/* The table grown to twice its places (at least 64), every report moved. */
static int grow(nb_guess *g)
{
    size_t cap = g->cap ? g->cap * 2 : 64;
    nb_guess_ent *v = calloc(cap, sizeof *v);
    if (!v)
        return -1;
    for (size_t k = 0; k < g->cap; k++)
        if (g->v[k].h) {
            size_t at = g->v[k].h & (cap - 1);
            while (v[at].h)
                at = (at + 1) & (cap - 1);
            v[at] = g->v[k];
        }
    free(g->v);
    g->v = v;
    g->cap = cap;
    return 0;
}

const char *nb_guess_add(nb_guess *g, size_t idx, const nb_body_id *b, int year)
{
    if (g->off || !b->key[0] || !year)
        return NULL;
    size_t kl = strlen(b->key), pl = strlen(b->parent);
    char *kp = malloc(kl + pl + 2);
    if (!kp || ((g->n + 1) * 2 > g->cap && grow(g) != 0)) {
        free(kp);
        g->off = 1;
        return NULL;
    }
    memcpy(kp, b->key, kl + 1);
    memcpy(kp + kl + 1, b->parent, pl + 1);
    uint64_t h = hash_of(b->key, year);
    size_t at = h & (g->cap - 1);
    while (g->v[at].h)
        at = (at + 1) & (g->cap - 1);
    g->v[at] = (nb_guess_ent){h, idx, year, kp};
    g->n++;
    return kp;
}

static int by_index(const void *a, const void *b)
{
    size_t x = (*(const nb_guess_ent *const *)a)->idx, y = (*(const nb_guess_ent *const *)b)->idx;
    return (x > y) - (x < y);
}

long nb_guess_year_before(const nb_guess *g, const nb_body_id *b, int year)
{
    if (g->off || !g->n || !b->key[0] || !year)
        return -1;
    uint64_t h = hash_of(b->key, year - 1);
    const nb_guess_ent **c = NULL;
    size_t nc = 0, cap = 0;
    for (size_t at = h & (g->cap - 1); g->v[at].h; at = (at + 1) & (g->cap - 1)) {
        const nb_guess_ent *e = &g->v[at];
        if (e->h != h || e->year != year - 1 || strcmp(e->key, b->key) != 0)
            continue;
        if (nc == cap) {
            cap = cap ? cap * 2 : 8;
            const nb_guess_ent **more = realloc(c, cap * sizeof *c);
            if (!more) {
                free(c);
                return -1; /* no guess: the pairing after the round finds it */
            }
            c = more;
        }
        c[nc++] = e;
    }
    if (nc > 1)
        qsort(c, nc, sizeof *c, by_index);
    nb_pick k = {.parent = b->parent};
    for (size_t j = 0; j < nc; j++)
        nb_pick_offer(&k, c[j]->idx, nb_guess_parent(c[j]->key));
    free(c);
    return nb_pick_result(&k);
}

void nb_guess_free(nb_guess *g)
{
    for (size_t k = 0; k < g->cap; k++)
        free(g->v[k].key);
    free(g->v);
    memset(g, 0, sizeof *g);
}
