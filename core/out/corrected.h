/* corrected.h — the report's text with the reviewer's corrections written
 * in (nianbao export --corrected). */
#ifndef NB_CORRECTED_H
#define NB_CORRECTED_H

#include "model/report.h"

/* The corrections that found no place in the source: how many, and their
 * cells (cells has room for every cell of the report, or is NULL). */
typedef struct nb_unplaced {
    int n;
    int *cells;
} nb_unplaced;

/* The report's text with every corrected number written at its source span,
 * everything else byte for byte as it was, to out_path (atomically; never
 * the report itself; refused when the report's file is no longer the one
 * read). Corrections of cells with no place in the text go to unplaced.
 * Messages in lang. */
int nb_export_corrected(const nb_report *r, const char *out_path, nb_unplaced *unplaced, nb_lang lang, nb_err *err);

#endif
