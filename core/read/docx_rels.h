/* docx_rels.h — the main part of a Word package: the part its _rels/.rels
 * names as the office document (word/document.xml as Word saves it,
 * word/document2.xml as Word Online and SharePoint do), read under the
 * size limit of every part. */
#ifndef NB_DOCX_RELS_H
#define NB_DOCX_RELS_H

#include <stddef.h>
#include "base/err.h"

/* The package's relationships part. */
#define NB_DOCX_RELS "_rels/.rels"

/* The main part of the package b[0, n) (path names it in messages): its
 * name in *name (malloc'd) and its bytes in *x, *xn (malloc'd, a NUL after
 * them). The name is the Target of _rels/.rels's officeDocument
 * relationship resolved against the package root ("/word/document2.xml"
 * and "word/document2.xml" are both word/document2.xml); NB_DOCX_PART when
 * the package has no _rels/.rels, or one that names none or is not
 * well-formed XML. Errors name the file and the part looked for: a damaged
 * package, the part missing, a part past NB_ZIP_PART_MAX. */
int nb_docx_main_part(const char *path, const unsigned char *b, size_t n, char **name, unsigned char **x, size_t *xn,
                      nb_lang lang, nb_err *err);

#endif
