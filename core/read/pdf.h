/* pdf.h — the PDF reader: a PDF with a text layer becomes the document the
 * console shows (paragraphs in reading order, tables as grids rebuilt from
 * their ruling lines, a table broken across pages joined), with the page
 * of every line and cell. */
#ifndef NB_PDF_H
#define NB_PDF_H

#include <stddef.h>
#include "base/err.h"
#include "model/doc.h"

/* Most pages read; a longer PDF is refused (an annual report has a few dozen). */
#define NB_PDF_MAX_PAGES 200
/* Seconds the whole reading may take before it is stopped. */
#define NB_PDF_MAX_SECONDS 20
/* Characters on one page, at most. */
#define NB_PDF_MAX_GLYPHS 30000

/* Read the PDF in bytes[0, n) (path names it in messages). Errors, each
 * naming the file: not a PDF or damaged, password-protected, no pages,
 * too many pages, no text layer (a scanned PDF), too slow or too dense. */
int nb_read_pdf(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err);

#endif
