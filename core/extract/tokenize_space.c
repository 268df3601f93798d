/* tokenize_space.c — plain lines: prose, and the space-aligned columns of
 * pdftotext -layout. Words are split at white space, each word further by
 * tokenize_glued (text and digits may run together in it). */
#include "extract/internal.h"

/* A plain line: words split at white space, each word split further. */
void ex_tokenize_plain(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    size_t i = a, s, e;
    while (ex_next_word(t, b, &i, &s, &e))
        ex_tokenize_glued(tv, t, s, e, lk);
}
