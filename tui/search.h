/* search.h — searching the report's text with PCRE2 (UTF, smart case: a
 * pattern without capitals ignores case). One match loop serves both the
 * hits drawn on a line and finding the text's hits, once a search, for
 * stepping to the next or previous one and saying which of how many. */
#ifndef NB_SEARCH_H
#define NB_SEARCH_H

#include <stddef.h>

#include "base/err.h"

typedef struct nb_search {
    void *re;       /* pcre2_code *; NULL before the first search */
    char pat[256];  /* the pattern as typed */
    size_t *hits;   /* where each hit of the text last stepped through starts, in order */
    size_t nhits;
    const char *of; /* that text (NULL: none found yet), of_len long */
    size_t of_len;
    nb_lang lang;   /* of the pattern's compiling: its messages' */
} nb_search;

/* A step to a hit: where it starts, its place among the text's hits (1 to
 * count) and whether the step went round the end. */
typedef struct nb_search_hit {
    size_t to, k, count;
    int wrapped;
} nb_search_hit;

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
 * going round the end when there is none that way. The text's hits are
 * found once (for a pattern and a text; nb_search_forget drops them) and a
 * step looks them up. Returns 0 with the hit in *h, 1 when nothing
 * matches, -1 with err set when there is no memory for them. */
int nb_search_step(nb_search *s, const char *t, size_t n, size_t cur, int dir, nb_search_hit *h, nb_err *err);
/* The hits found forgotten: the text they were of is gone. */
void nb_search_forget(nb_search *s);

#endif
