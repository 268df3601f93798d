/* search.h — searching the report's text with PCRE2 (UTF, smart case: a
 * pattern without capitals ignores case). One match loop serves both the
 * hits drawn on a line and stepping to the next or previous hit. */
#ifndef NB_SEARCH_H
#define NB_SEARCH_H

#include <stddef.h>

#include "base/err.h"

typedef struct nb_search {
    void *re;       /* pcre2_code *; NULL before the first search */
    char pat[256];  /* the pattern as typed */
} nb_search;

/* Compile pat as the pattern searched for; a bad pattern is refused with
 * its offset and the old pattern kept. */
int nb_search_compile(nb_search *s, const char *pat, nb_lang lang, nb_err *err);
void nb_search_free(nb_search *s);

/* Called for each match [start, stop); a nonzero return stops the loop. */
typedef int (*nb_match_fn)(size_t start, size_t stop, void *arg);
/* The one match loop: each match of the pattern in t (the subject ends at
 * end) from offset from on, in order; an empty match steps one character.
 * Returns 1 when fn stopped it, else 0. */
int nb_search_each(const nb_search *s, const char *t, size_t end, size_t from, nb_match_fn fn, void *arg);
/* The bytes of line [ls, le) inside a match: a malloc'd array of le - ls
 * flags, or NULL (no pattern, an empty line, no memory). */
unsigned char *nb_search_line(const nb_search *s, const char *t, size_t ls, size_t le);
/* The next (dir > 0: after cur) or previous (before cur) hit in t[0, n),
 * going round the end when there is none that way (*wrapped set). Returns
 * 0 with the hit's start in *to, or -1 when nothing matches. */
int nb_search_step(const nb_search *s, const char *t, size_t n, size_t cur, int dir, size_t *to, int *wrapped);

#endif
