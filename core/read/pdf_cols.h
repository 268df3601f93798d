/* pdf_cols.h — tables with no ruling lines: a run of lines that break into
 * pieces at wide gaps; the first line (the header) gives the columns by
 * where its words stand, and every line is a row. */
#ifndef NB_PDF_COLS_H
#define NB_PDF_COLS_H

#include "read/pdf_page.h"
#include "read/pdf_text.h"

/* Tables among the lines ls of page `page`, appended to out as blocks;
 * used[k] is set for each line k that went into a table. */
int nb_pdf_unruled(const nb_pglyph *g, const nb_plines *ls, int page, unsigned char *used, nb_pblocks *out);

#endif
