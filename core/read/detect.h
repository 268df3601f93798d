/* detect.h — what a file is, by its first bytes (not its name): a Word
 * package (ZIP holding word/document.xml), an OLE2 compound file (.doc,
 * .wps saved as Word 97), a PDF, an HTML page, or text. */
#ifndef NB_DETECT_H
#define NB_DETECT_H

#include <stddef.h>
#include "model/doc.h"

/* The kind of the file whose bytes are b[0, n). *zip (may be NULL) is set
 * to 1 for any ZIP archive, docx or not (the docx reader then says what is
 * wrong with it), else 0. */
nb_kind nb_detect(const unsigned char *b, size_t n, int *zip);
/* Whether b[0, n) starts as a ZIP archive does (no library asked: a
 * reader that takes every ZIP to the docx reader needs no more). */
int nb_is_zip(const unsigned char *b, size_t n);

/* The kind's name for messages: "text", "docx", "html", "pdf", "doc". */
const char *nb_kind_name(nb_kind k);

#endif
