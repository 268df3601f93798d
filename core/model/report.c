/* report.c — the report model's own operations: look cells up by ID, record
 * deviating labels and rows beyond the template, free. */
#include "model/report.h"
#include "base/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nb_report_free(nb_report *r)
{
    if (!r)
        return;
    nb_doc_free(&r->doc);
    free(r->cells);
    for (int i = 0; i < r->nlabels; i++)
        free(r->labels[i].found);
    free(r->labels);
    free(r->extras);
    memset(r, 0, sizeof *r);
}

const nb_cell *nb_report_cell(const nb_report *r, const char *id)
{
    int ci = nb_schema_find_cell(r->schema, id);
    return ci < 0 ? NULL : &r->cells[ci];
}

int nb_report_add_label(nb_report *r, const char *id, const char *found, size_t flen, const char *standard,
                        size_t off)
{
    if (nb_grow(&r->labels, &r->labels_cap, (size_t)r->nlabels + 1, sizeof *r->labels, 8) != 0)
        return -1;
    nb_label *l = &r->labels[r->nlabels];
    memset(l, 0, sizeof *l);
    strncpy(l->id, id, sizeof l->id - 1);
    l->found = malloc(flen + 1);
    if (!l->found)
        return -1;
    memcpy(l->found, found, flen);
    l->found[flen] = '\0';
    l->standard = standard;
    l->off = off;
    r->nlabels++;
    return 0;
}


int nb_report_add_extra(nb_report *r, const nb_extra *x)
{
    if (nb_grow(&r->extras, &r->extras_cap, (size_t)r->nextras + 1, sizeof *r->extras, 4) != 0)
        return -1;
    r->extras[r->nextras++] = *x;
    return 0;
}
