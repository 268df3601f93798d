/* docx_corrected.h — a reviewed .docx written back with its corrections:
 * in its document part (word/document.xml, or the part _rels/.rels names)
 * only the text of the corrected cells' runs changes,
 * every other byte stays; the other parts of the package are kept as they
 * were; the new package is written atomically, never over the report. */
#ifndef NB_DOCX_CORRECTED_H
#define NB_DOCX_CORRECTED_H

#include "model/report.h"
#include "out/corrected.h"

/* Write r (read from the .docx r->doc.path, its corrections applied) with
 * every corrected number in its table cell to out_path. A cell of several
 * runs gets the value in its first run and the others emptied; an empty
 * cell gets a run in its first paragraph (with the paragraph mark's run
 * properties). Corrected cells that are not in a table of the document
 * go to unplaced. Errors name the file, in lang. */
int nb_docx_corrected(const nb_report *r, const char *out_path, nb_unplaced *unplaced, nb_lang lang, nb_err *err);

#endif
