/* years.h — the rules across two reports of one body for consecutive years
 * (YEAR.CARRY, YEAR.IN_FORCE): what they need of a report, kept after the
 * report is freed, how bodies are told apart by name, and the check. */
#ifndef NB_YEARS_H
#define NB_YEARS_H

#include <stddef.h>
#include "check/findings.h"
#include "model/body.h"
#include "model/report.h"

typedef struct nb_summary {
    char file[512];
    char agency[256];
    int year, format;
    int has_carried_out[7], has_carried_in[7];
    nb_num carried_out[7], carried_in[7];
    size_t carried_in_off[7];
    int has_t2[2][3];           /* regulation, normative × issued, repealed, in_force */
    nb_num t2[2][3];
    size_t t2_off[2][3];
} nb_summary;

void nb_summarize(const nb_report *r, nb_summary *s);
/* Same body (by name, model/body.h)? */
int nb_same_body(const nb_summary *a, const nb_summary *b);
/* YEAR.CARRY and YEAR.IN_FORCE between the reports of year Y-1 and Y; the
 * findings belong to cur (the later report) and name prev's file (they point
 * at prev->file: keep prev while they live). 0, or -1 with err set. */
int nb_check_years(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                   nb_err *err);

#endif
