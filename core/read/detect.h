/* detect.h — what a file is, by its first bytes (not its name): a Word
 * package (ZIP holding word/document.xml), an OLE2 compound file (.doc,
 * .wps saved as Word 97), a PDF, an HTML page, or text. */
#ifndef NB_DETECT_H
#define NB_DETECT_H

#include <stddef.h>
#include "model/doc.h"

/* The kind of the file whose bytes are b[0, n): a ZIP archive is a docx
 * when it holds word/document.xml, else text. */
nb_kind nb_detect(const unsigned char *b, size_t n);
/* Whether b[0, n) starts as a ZIP archive does, docx or not (no library
 * asked: the reader takes every ZIP to the docx reader, which says what is
 * wrong with one that is no Word package). */
int nb_is_zip(const unsigned char *b, size_t n);

/* The kind's name for messages: "text", "docx", "html", "pdf", "doc". */
const char *nb_kind_name(nb_kind k);

#endif
