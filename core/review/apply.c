/* apply.c — a review applied to a report: the corrections written into
 * the cells (the last for a cell wins; a cleared one takes the cell back),
 * and every entry that does not fit the report as it is now listed, never
 * applied: a cell the report's format does not have, a value that is not a
 * number or that the cell cannot hold, a correction made against text the cell no longer holds, or on
 * a cell the report has lost since, a decision made where its finding's
 * cells read otherwise (not in force); a correction the revised report has
 * made its own is passed over. */
#include "review/review.h"
#include "model/cellvalue.h"
#include "base/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nb_rv_problems_free(nb_rv_problems *p)
{
    free(p->v);
    memset(p, 0, sizeof *p);
}

void nb_cell_text(const nb_report *r, int ci, const char **s, size_t *n)
{
    const nb_cell *c = &r->cells[ci];
    if (c->status == NB_ST_MISSING) {
        *s = "";
        *n = 0;
    } else {
        *s = r->doc.text + c->off;
        *n = c->len;
    }
}

static int add_problem(nb_rv_problems *p, size_t entry, nb_rv_why why, int cell)
{
    if (!p)
        return 0;
    if (nb_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v, 8) != 0)
        return -1;
    p->v[p->n++] = (nb_rv_problem){entry, why, cell};
    return 0;
}

/* The cell's text now is what the correction was made against (a
 * correction that recorded none is taken as it is). */
static int same_text(const nb_report *r, int ci, const char *was)
{
    if (!was)
        return 1;
    const char *s;
    size_t n;
    nb_cell_text(r, ci, &s, &n);
    return strlen(was) == n && memcmp(was, s, n) == 0;
}

/* Write one correction into its cell; a cleared one restores the cell. */
static void correct_cell(nb_cell *c, const char *value, nb_num v)
{
    if (!strcmp(value, NB_RV_CLEARED)) {
        if (c->corrected) {
            c->status = c->orig_status;
            c->num = c->orig_num;
            c->corrected = 0;
        }
        return;
    }
    if (!c->corrected) {
        c->orig_status = c->status;
        c->orig_num = c->num;
    }
    c->corrected = 1;
    c->status = NB_ST_NUMBER;
    c->num = v;
}

/* The report is the very version the review was made against (its
 * SHA-256 recorded and the same). A batch reads reports without their
 * digest (model/ctx.h no_sha256): the file's is taken then, in the rare
 * case that asks. */
static int unrevised(const nb_review *rv, const nb_report *r)
{
    char now[65];
    if (!rv->sha256[0])
        return 0;
    if (r->doc.sha256[0])
        return !strcmp(rv->sha256, r->doc.sha256);
    return r->doc.path && nb_file_sha256(r->doc.path, now) == 0 && !strcmp(rv->sha256, now);
}

/* Why a correction that fits by its value does not fit the cell as the
 * report has it now, or -1. One made where the cell was missing fits while
 * it is missing; one made against the cell's text (was) fits while the cell
 * says it, and a blank one (was "") no longer fits a revised report that
 * has lost the cell, its row gone: a blank and a missing cell read alike
 * (""), and a review written before missing=yes recorded either so. */
static int cell_misfit(const nb_review *rv, const nb_report *r, const nb_rv_entry *e, int ci)
{
    int missing_now = r->cells[ci].status == NB_ST_MISSING;
    if (e->was_missing)
        return missing_now ? -1 : NB_RVP_STALE;
    if (!same_text(r, ci, e->was))
        return NB_RVP_STALE;
    if (e->was && missing_now && !unrevised(rv, r))
        return NB_RVP_GONE;
    return -1;
}

/* A correction the author has made in the report since (the cell, read
 * as a number, gives the correction's value): it no longer needs applying
 * nor saying. */
static int adopted(const nb_report *r, int ci, const nb_rv_entry *e, nb_num v)
{
    const nb_cell *c = &r->cells[ci];
    return e->kind == NB_RV_CORRECT && strcmp(e->value, NB_RV_CLEARED) != 0 && !c->corrected &&
           c->status == NB_ST_NUMBER && nb_num_cmp(c->num, v) == 0;
}

/* Why a correction does not fit, or -1 when it does. */
static int correction_misfit(const nb_review *rv, const nb_report *r, const nb_rv_entry *e, int ci, nb_num *v)
{
    if (ci < 0)
        return NB_RVP_NO_CELL;
    int money;
    if (strcmp(e->value, NB_RV_CLEARED) != 0 && nb_cell_value_check(r->schema, ci, e->value, v, &money) != NB_CV_FITS)
        return NB_RVP_NOT_NUMBER; /* or a value the cell cannot hold, as the console's editor refuses it */
    return cell_misfit(rv, r, e, ci);
}

void nb_cell_own_value(const nb_cell *c, char *out, size_t cap)
{
    nb_status st = c->corrected ? c->orig_status : c->status;
    if (st == NB_ST_NUMBER)
        nb_num_format(c->corrected ? c->orig_num : c->num, out, cap);
    else
        snprintf(out, cap, "-");
}

/* The next space-separated word of *s into w (cap bytes; a longer one
 * cut), *s moved past it; 0 when there is none. */
static int next_word(const char **s, char *w, size_t cap)
{
    while (**s == ' ')
        (*s)++;
    size_t n = strcspn(*s, " ");
    if (!n)
        return 0;
    snprintf(w, cap, "%.*s", (int)n, *s);
    *s += n;
    return 1;
}

/* The first cell of a decision whose value in the report now is not the
 * one it recorded (seen), or -1: a decision made on other figures (the
 * report revised) is not in force. One that recorded none fits. */
static int changed_cell(const nb_report *r, const nb_rv_entry *e)
{
    const char *ids = e->cells, *vals = e->seen;
    char id[64], was[64], now[64];
    if (!ids || !vals)
        return -1;
    while (next_word(&ids, id, sizeof id) && next_word(&vals, was, sizeof was)) {
        int ci = nb_schema_find_cell(r->schema, id);
        if (ci < 0)
            continue;
        nb_cell_own_value(&r->cells[ci], now, sizeof now);
        if (strcmp(was, now) != 0)
            return ci;
    }
    return -1;
}

/* A decision's recorded cells, any of which the format does not have. */
static int unknown_cells(const nb_report *r, const char *cells)
{
    char id[64];
    while (cells && *cells) {
        size_t n = strcspn(cells, " ");
        if (n && n < sizeof id) {
            memcpy(id, cells, n);
            id[n] = '\0';
            if (nb_schema_find_cell(r->schema, id) < 0)
                return 1;
        }
        cells += n + (cells[n] == ' ');
    }
    return 0;
}

int nb_review_apply(nb_review *rv, nb_report *r, nb_rv_problems *problems)
{
    int applied = 0;
    for (size_t i = 0; i < rv->n; i++) {
        nb_rv_entry *e = &rv->v[i];
        int ci = e->cell[0] ? nb_schema_find_cell(r->schema, e->cell) : -1;
        int why = -1;
        nb_num v = {0, 0};
        e->unfit = 0;
        if (e->kind == NB_RV_CORRECT)
            why = correction_misfit(rv, r, e, ci, &v);
        else if ((e->cell[0] && ci < 0) || (e->kind == NB_RV_DECIDE && unknown_cells(r, e->cells)))
            why = NB_RVP_NO_CELL;
        else if (e->kind == NB_RV_DECIDE && (ci = changed_cell(r, e)) >= 0) {
            why = NB_RVP_CHANGED;
            e->unfit = 1;
        }
        if (why == NB_RVP_STALE && adopted(r, ci, e, v))
            continue; /* the revised report says what the correction said: nothing to apply, nothing to say */
        if (why >= 0) {
            if (add_problem(problems, i, (nb_rv_why)why, ci) != 0)
                return -1;
            continue;
        }
        if (e->kind == NB_RV_CORRECT) {
            correct_cell(&r->cells[ci], e->value, v);
            applied++;
        }
    }
    return applied;
}

const nb_rv_entry *nb_review_decision(const nb_review *rv, const char *fp)
{
    const nb_rv_entry *last = NULL;
    for (size_t i = 0; i < rv->n; i++)
        if (rv->v[i].kind == NB_RV_DECIDE && !strcmp(rv->v[i].finding, fp))
            last = &rv->v[i];
    return last && !last->unfit ? last : NULL;
}
