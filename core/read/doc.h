/* doc.h — a Word 97 file (.doc, and .wps saved in that format) as a
 * document: converted to HTML by wvHtml (Debian package wv), or by
 * LibreOffice headless when wv cannot, then read by the HTML reader. */
#ifndef NB_DOC_READ_H
#define NB_DOC_READ_H

#include <stddef.h>
#include "base/err.h"
#include "model/doc.h"

/* Time limits of the converters, in milliseconds. */
#define NB_WV_TIMEOUT_MS 30000
#define NB_SOFFICE_TIMEOUT_MS 120000

/* Errors name the file: encrypted; neither converter installed (the
 * message says which Debian packages to install); neither could read it. */
int nb_read_doc(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err);

#endif
