/* spool.h — the paired batch's spool: a file of its own in $TMPDIR (else
 * /tmp), gone from the folder as soon as it is made, that takes the
 * outputs and summaries past the memory budget until every report is
 * read, and gives them back. */
#ifndef NB_BATCH_SPOOL_H
#define NB_BATCH_SPOOL_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"

typedef struct nb_spool {
    FILE *f; /* NULL until the first bytes come */
} nb_spool;

/* n bytes appended (the file made the first time); where they start, or
 * -1 with err (made in the language, or written). */
long nb_spool_append(nb_spool *s, const void *b, size_t n, nb_lang lang, nb_err *err);
/* n bytes from off into b. 0, or -1 with err when they cannot be read. */
int nb_spool_read(nb_spool *s, long off, void *b, size_t n, nb_lang lang, nb_err *err);
void nb_spool_close(nb_spool *s);

#endif
