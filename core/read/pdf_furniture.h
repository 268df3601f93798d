/* pdf_furniture.h — what a PDF's pages carry besides the report: page
 * numbers in the margins, and running lines (a header or footer repeated
 * page after page: a title, a date printed, an office's name). */
#ifndef NB_PDF_FURNITURE_H
#define NB_PDF_FURNITURE_H

#include "read/pdf_page.h"

/* Whether block b stands in the top or bottom margin of a page page_h
 * points high. */
int nb_pdf_in_margin(const nb_pblock *b, double page_h);

/* Whether b is a page number in a margin: digits, dashes, 第 页 共 /. */
int nb_pdf_is_page_number(const nb_pblock *b, double page_h);

/* The paragraphs standing in a margin (b.margin) whose text, figures
 * aside, stands in a margin on another page too, left out of bs. */
void nb_pdf_drop_running_lines(nb_pblocks *bs);

#endif
