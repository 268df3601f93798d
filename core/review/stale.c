/* stale.c — REVIEW.STALE findings from the problems of applying a review
 * (stale.h). */
#include "review/stale.h"
#include "base/utf8.h"

#include <string.h>

/* At most this much of the cell's text now is quoted. */
#define QUOTE_MAX 60

/* Where in a decision's seen values the one of cell ci starts (its word
 * ends at a space), or NULL. */
static const char *seen_of(const nb_report *r, const nb_rv_entry *e, int ci)
{
    char id[64];
    nb_schema_cell_id(r->schema, ci, id, sizeof id);
    size_t il = strlen(id);
    const char *ids = e->cells, *vals = e->seen;
    while (ids && vals && *ids && *vals) {
        size_t n = strcspn(ids, " "), vn = strcspn(vals, " ");
        if (n == il && !memcmp(ids, id, n))
            return vals;
        ids += n + (ids[n] == ' ');
        vals += vn + (vals[vn] == ' ');
    }
    return NULL;
}

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
        if (p->why == NB_RVP_CHANGED) { /* the changed cell's value as seen, and the rule decided */
            f->stale.was = seen_of(r, e, p->cell);
            f->stale.value = e->rule;
        }
    }
    return 0;
}
