/* corrected.h — the report's text with the reviewer's corrections written
 * in (nianbao export --corrected). */
#ifndef NB_CORRECTED_H
#define NB_CORRECTED_H

#include "model/report.h"

/* The report's text with every corrected number written at its source span,
 * everything else byte for byte as it was, to out_path (atomically; never
 * the report itself). Corrections of cells with no place in the text are
 * counted in *unplaced. */
int nb_export_corrected(const nb_report *r, const char *out_path, int *unplaced, nb_err *err);

#endif
