/* pdf.h — a text PDF as a document: its paragraphs and its ruled tables as
 * grids, each cell with its page. */
#ifndef NB_PDF_H
#define NB_PDF_H

#include <stddef.h>
#include "base/err.h"
#include "model/doc.h"

int nb_read_pdf(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err);

#endif
