/* sections.h — a report's structure: the six section headings, the title's
 * year and body, the signing date, the statistic period, the format. */
#ifndef NB_SECTIONS_H
#define NB_SECTIONS_H

#include "model/report.h"

/* Compile the structure patterns into the context. */
int nb_sections_init(nb_ctx *c, nb_err *err);
void nb_sections_free(nb_ctx *c);
/* Find the structure of r's text: sections, year, body, dates, format. */
void nb_find_structure(nb_report *r, const nb_ctx *ctx);

#endif
