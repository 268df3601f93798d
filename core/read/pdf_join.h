/* pdf_join.h — a table broken across pages made one again: a table that
 * ends its page and one that starts the next, on the same columns, are one
 * table; a header row repeated on the new page is dropped, a row split by
 * the page break is made whole, a merged cell running over the break stays
 * one cell. */
#ifndef NB_PDF_JOIN_H
#define NB_PDF_JOIN_H

#include "read/pdf_page.h"

/* Join the continued tables among the blocks (in reading order). */
int nb_pdf_join(nb_pblocks *bs);

#endif
