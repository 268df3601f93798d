/* guess.h — the year before of a report guessed while a batch's first
 * round runs: the reports already read, found by body and year, so that a
 * report read after its year before is checked against it at once. Only a
 * guess (the reports read later are not known yet): once every report is
 * read the engine pairs them all (pair.h) and runs again each report whose
 * guess was not its year before and either would find something. */
#ifndef NB_BATCH_GUESS_H
#define NB_BATCH_GUESS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/body.h"

typedef struct nb_guess_ent {
    uint64_t h;       /* of the body's key and the year; 0: an empty place */
    size_t idx;       /* the report */
    int year;
    char *key;        /* its body's key, then its parents (NUL after each) */
} nb_guess_ent;

typedef struct nb_guess {
    nb_guess_ent *v;
    size_t cap, n;    /* places (a power of two), those taken */
    int off;          /* out of memory once: no more guesses (each is only a guess) */
} nb_guess;

/* Report idx (body b, year) read: found by later guesses; the body as
 * kept (its key, a NUL, its parents) until nb_guess_free, or NULL when it
 * is not (no key or no year; out of memory, where guessing stops: nothing
 * is lost, the pairing after the round finds every year before). */
const char *nb_guess_add(nb_guess *g, size_t idx, const nb_body_id *b, int year);
/* The parents of a body as the guess keeps it (nb_guess_add's: after its key). */
static inline const char *nb_guess_parent(const char *kept)
{
    return kept + strlen(kept) + 1;
}
/* The report already read that is the year before of a report of body b
 * for year (nb_pick over those read), or -1. */
long nb_guess_year_before(const nb_guess *g, const nb_body_id *b, int year);
void nb_guess_free(nb_guess *g);

#endif
