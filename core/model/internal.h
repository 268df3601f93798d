/* internal.h — what the files of model/ share and no other folder calls. */
#ifndef NB_MODEL_INTERNAL_H
#define NB_MODEL_INTERNAL_H

#include "model/doc.h"

/* Marks on every line longer than two steps, so no location walks more
 * than a step of a line (locate.c); 0, or -1 when out of memory. Called
 * once the lines are indexed. */
int nb_doc_mark_long_lines(nb_doc *d);

#endif
