/* names.h — what the console calls the things it shows, from the words
 * core declares once (model/schema.h): a row by its standard label without
 * its numbering, a cell by its row's label and its column's name (under
 * zh; in English by its ID), a stretch of its text quoted. */
#ifndef NB_NAMES_H
#define NB_NAMES_H

#include <stddef.h>

#include "base/err.h"
#include "model/schema.h"

/* Row row's standard label without its numbering and without what follows
 * a bracket: "（二）部分公开（区分处理的…）" → "部分公开". */
void nb_row_label(const nb_schema *s, int row, char *out, size_t cap);
/* A column's name: T3 and T4 columns by core's names ("自然人"), T2's by
 * their standard label up to a bracket ("本年收费金额"). */
void nb_col_label(const nb_schema *s, int row, int col, nb_lang lang, char *out, size_t cap);
/* Cell ci as messages name it: under zh its row and column
 * ("规章（现行有效件数）"), else its ID ("t2.regulation.in_force"). */
void nb_cell_label(const nb_schema *s, int ci, nb_lang lang, char *out, size_t cap);

/* A stretch of the report's text quoted for a message ("…" / “…”), at
 * most max bytes of it, cut between characters ("..." says it was). */
void nb_quote_text(nb_lang lang, const char *t, size_t n, size_t max, char *out, size_t cap);

#endif
