/* source.h — the report's own file read again for writing a corrected
 * copy of it, and only when it is still the file the report was read from. */
#ifndef NB_SOURCE_H
#define NB_SOURCE_H

#include "model/report.h"

/* The bytes of the report's file, as they were read (their SHA-256 is the
 * document's): 0, or -1 saying the file changed since. */
int nb_read_source(const nb_report *r, unsigned char **out, size_t *n, nb_lang lang, nb_err *err);

/* The refusal to write a corrected copy over the report itself (out_path
 * is it): -1. */
int nb_not_the_report(const char *out_path, nb_lang lang, nb_err *err);

#endif
