/* extract.h — the standard tables of a report's text, read into cells under
 * their canonical IDs. */
#ifndef NB_EXTRACT_H
#define NB_EXTRACT_H

#include "model/report.h"

/* Extract T2, T3 and T4 from r (its structure already found). */
int nb_extract_tables(nb_report *r, const nb_ctx *ctx, nb_err *err);
/* The label lexicon of a format (built once, kept in the context). */
void *nb_lexicon_new(const nb_schema *s);
void nb_lexicon_free(void *lex);
/* The memo of what the lexicons make of label texts (kept in the context,
 * bounded); NULL when out of memory. */
void *nb_label_memo_new(void);
void nb_label_memo_free(void *memo);

#endif
