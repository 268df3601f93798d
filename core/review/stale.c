/* stale.c — REVIEW.STALE findings from the problems of applying a review
 * (stale.h). */
#include "review/stale.h"
#include "base/utf8.h"

#include <string.h>

/* At most this much of the cell's text now is quoted. */
#define QUOTE_MAX 60

int nb_review_stale_findings(const nb_review *rv, const nb_report *r, const nb_rv_problems *problems,
                             nb_findings *out, nb_err *err)
{
    for (size_t i = 0; i < problems->n; i++) {
        const nb_rv_problem *p = &problems->v[i];
        const nb_rv_entry *e = &rv->v[p->entry];
        nb_finding *f = nb_finding_add(out, NB_RULE_REVIEW_STALE, err);
        if (!f)
            return -1;
        if (p->cell >= 0) {
            const nb_cell *c = &r->cells[p->cell];
            nb_finding_point_at_cell(r, f, p->cell);
            if (c->status != NB_ST_MISSING) /* the cell's text now */
                f->text = (nb_span){c->off, nb_utf8_cut(r->doc.text + c->off, c->len, QUOTE_MAX)};
        }
        f->stale.file = rv->path;
        f->stale.line = e->line;
        f->stale.kind = (int)e->kind;
        f->stale.why = (int)p->why;
        f->stale.cell = e->kind == NB_RV_DECIDE && e->cells ? e->cells : e->cell;
        f->stale.was = e->was;
        f->stale.value = e->value;
    }
    return 0;
}
