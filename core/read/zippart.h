/* zippart.h — one part of a ZIP package held in memory (a .docx), read
 * with libzip under a size limit: a damaged package, a missing part and a
 * part that inflates past the limit (more than any report's text: a zip
 * bomb's) are errors naming the file and the part. */
#ifndef NB_ZIPPART_H
#define NB_ZIPPART_H

#include <stddef.h>
#include "base/err.h"

/* No part of a package is inflated past this (a report's document.xml is
 * well under a few MiB). */
#define NB_ZIP_PART_MAX ((size_t)32 << 20)

/* The bytes of part `name` of the package b[0, n) (path names it in
 * messages), at most limit of them, malloc'd with a NUL after them. A
 * missing part is NB_E_NOTFOUND. */
int nb_zip_part(const char *path, const unsigned char *b, size_t n, const char *name, size_t limit,
                unsigned char **out, size_t *outn, nb_lang lang, nb_err *err);

#endif
