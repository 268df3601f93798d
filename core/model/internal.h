/* internal.h — what the files of model/ share and no other folder calls. */
#ifndef NB_MODEL_INTERNAL_H
#define NB_MODEL_INTERNAL_H

#include "model/doc.h"

/* Room for the marks on every line longer than two steps, which keep a
 * location from walking more than a step of a line; made on demand
 * (locate.c, nb_doc_marks). 0, or -1 when out of memory. Called once the
 * lines are indexed, again when they are indexed anew. */
int nb_doc_marks_new(nb_doc *d);
/* The marks and their room freed. */
void nb_doc_marks_free(nb_doc *d);

#endif
