/* read.h — the one way in: a file (or a decoded document) becomes a report
 * with its structure found and its tables extracted. */
#ifndef NB_READ_H
#define NB_READ_H

#include <stddef.h>
#include "model/report.h"

/* Read, decode and extract a report. On error the report is empty. */
int nb_report_open(nb_report *r, const char *path, const nb_ctx *ctx, nb_err *err);
/* The same for a file a folder walk found: 1, the report left empty, when
 * nianbao wrote the file (by its mark or how it begins, read/ours.h; *ours
 * its kind), told as it is read so that a batch opens each file once; 0
 * read, *ours -1; -1 on error (a file too large or unreadable that is ours
 * still gives 1). */
int nb_report_open_walked(nb_report *r, const char *path, const nb_ctx *ctx, int *ours, nb_err *err);
/* The same from the bytes of a file (path names it in messages); the bytes
 * stay the caller's. */
int nb_report_from_bytes(nb_report *r, const char *path, const unsigned char *b, size_t n, const nb_ctx *ctx,
                         nb_err *err);
/* The same from an already loaded document (ownership passes to the report). */
int nb_report_from_doc(nb_report *r, nb_doc *doc, const nb_ctx *ctx, nb_err *err);

/* Only the body and year of a report (for pairing reports across years);
 * reads the file and its title, not its tables. */
int nb_report_identify(const char *path, const nb_ctx *ctx, char *agency, size_t cap, int *year, nb_err *err);

#endif
