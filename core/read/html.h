/* html.h — an HTML page (a published report, or what a converter made of a
 * .doc) as a document: its paragraphs and its data tables as grids from
 * rowspan/colspan, script, style and navigation chrome left out, layout
 * tables that only wrap the page read as their content. */
#ifndef NB_HTML_H
#define NB_HTML_H

#include <stddef.h>
#include "base/err.h"
#include "model/doc.h"

/* Read the page b[0, n) (any encoding, see htmlenc.h) into d. A page with
 * no text, or with neither a table nor the words of a report (信息公开),
 * is an error naming the file. */
int nb_read_html(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err);

/* The same, for a page converted from another file: d->kind is kind, and
 * messages name path (the original file). */
int nb_html_read_as(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_kind kind, nb_lang lang,
                    nb_err *err);

#endif
