/* docx.h — a Word package (.docx) as a document: the paragraphs and tables
 * of its document part (word/document.xml, or the part its _rels/.rels
 * names, read/docx_rels.h) in document order; each table a grid with
 * w:gridSpan, w:vMerge and w:gridBefore resolved; each cell's text its w:t
 * runs joined (fields' results and soft breaks included), and where they
 * stand in that part (for writing a corrected .docx). */
#ifndef NB_DOCX_H
#define NB_DOCX_H

#include <stddef.h>
#include "base/err.h"
#include "model/doc.h"

/* The WordprocessingML namespaces (transitional and strict). */
#define NB_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NB_W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
/* The document part when _rels/.rels names none. */
#define NB_DOCX_PART "word/document.xml"

/* Errors name the file and the part: a damaged ZIP, no document part, a
 * part that inflates past NB_ZIP_PART_MAX, the document part not
 * well-formed. */
int nb_read_docx(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err);

#endif
