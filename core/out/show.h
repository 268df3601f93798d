/* show.h — a report as plain lines, one fact a line: format, year, body,
 * date signed, the sections found, every cell (value, status, line), the
 * deviating labels and the findings with their messages. Easy to read and
 * to diff; the seed reports' golden files are in this form. */
#ifndef NB_SHOW_H
#define NB_SHOW_H

#include <stdio.h>
#include "check/findings.h"
#include "model/report.h"

/* Write r and its findings (may be NULL), the messages in lang. 0, or -1
 * on a write error. */
int nb_write_plain(FILE *out, const nb_report *r, const nb_findings *fs, nb_lang lang);

#endif
