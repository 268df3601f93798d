/* labels.c — LABEL.DEVIATES: a row or column label that differs from the
 * standard wording, naming the cells it heads. */
#include "check/internal.h"

#include <string.h>

/* The cells a label heads: a row's ("t3.new"), or a column's in every row
 * of its table ("t2.*.repealed"). */
static void name_cells(const nb_schema *s, const nb_label *lb, nb_finding *f)
{
    const char *star = strstr(lb->id, ".*.");
    for (int rr = 0; rr < s->nrows; rr++) {
        const nb_row *rw = &s->rows[rr];
        if (star) {
            if (rw->table != lb->id[1] - '0')
                continue;
            for (int c = 0; c < rw->ncols; c++)
                if (!strcmp(rw->cols[c].key, star + 3))
                    nb_finding_add_cell(f, nb_schema_first_cell(s, rr) + c);
        } else if (!strcmp(rw->id, lb->id)) {
            for (int c = 0; c < rw->ncols; c++)
                nb_finding_add_cell(f, nb_schema_first_cell(s, rr) + c);
        }
    }
}

int nb_check_labels(const nb_report *r, nb_findings *out, nb_err *err)
{
    for (int i = 0; i < r->nlabels; i++) {
        nb_finding *f = nb_finding_add_at(out, NB_RULE_LABEL_DEVIATES, r->labels[i].off, err);
        if (!f)
            return -1;
        f->label = i;
        name_cells(r->schema, &r->labels[i], f);
    }
    return 0;
}
