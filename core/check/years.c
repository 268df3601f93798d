/* years.c — two reports of one body for consecutive years: the summary kept
 * of each (its text part: years_text.c), bodies told apart by name,
 * YEAR.CARRY (carried in this year = carried out last year) and
 * YEAR.IN_FORCE (in force = last year's in force + issued − repealed). */
#include "check/years.h"
#include "check/internal.h"

#include <stdio.h>
#include <string.h>

static const char *const t2_rows[2] = {"t2.regulation", "t2.normative"};

static void summarize_t2(const nb_report *r, nb_summary *s)
{
    const nb_schema *sc = r->schema;
    for (int k = 0; k < 2; k++) {
        int rr = nb_schema_find_row(sc, t2_rows[k]);
        for (int c = 0; c < 3 && rr >= 0; c++) {
            int inf = 0, ci = nb_schema_first_cell(sc, rr) + c;
            s->has_t2[k][c] = nb_cell_sum_value(r, ci, &s->t2[k][c], &inf) == 0 && r->cells[ci].status != NB_ST_BLANK;
            s->t2_off[k][c] = r->cells[ci].off;
        }
    }
}

void nb_summarize(const nb_report *r, nb_summary *s)
{
    memset(s, 0, sizeof *s);
    snprintf(s->file, sizeof s->file, "%s", r->doc.path);
    snprintf(s->agency, sizeof s->agency, "%s", r->agency);
    s->year = r->year;
    s->format = r->format;
    const nb_schema *sc = r->schema;
    int ro = nb_schema_find_row(sc, "t3.carried_out"), ri = nb_schema_find_row(sc, "t3.carried_in");
    for (int c = 0; c < 7; c++) {
        int inf = 0;
        if (ro >= 0)
            s->has_carried_out[c] =
                nb_cell_sum_value(r, nb_schema_first_cell(sc, ro) + c, &s->carried_out[c], &inf) == 0;
        if (ri >= 0) {
            int ci = nb_schema_first_cell(sc, ri) + c;
            s->has_carried_in[c] = nb_cell_sum_value(r, ci, &s->carried_in[c], &inf) == 0;
            s->carried_in_off[c] = r->cells[ci].off;
        }
    }
    if (r->format == 2021)
        summarize_t2(r, s);
    nb_summarize_text(r, s);
}

int nb_same_body(const nb_summary *a, const nb_summary *b)
{
    return a->agency[0] && b->agency[0] && nb_body_same(a->agency, b->agency);
}

/* A cross-year finding: the two values, the other report. */
static nb_finding *year_finding(nb_rule_id rule, const nb_summary *prev, nb_num lhs, nb_num rhs, size_t off,
                                nb_findings *out, nb_err *err)
{
    nb_finding *f = nb_finding_add_at(out, rule, off, err);
    if (!f)
        return NULL;
    f->has_sides = 1;
    f->lhs = lhs;
    f->rhs = rhs;
    f->other_file = prev->file;
    f->other_agency = prev->agency;
    f->year = prev->year;
    return f;
}

static int check_carry(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                       nb_err *err)
{
    int ri = nb_schema_find_row(schema, "t3.carried_in");
    for (int c = 0; c < 7 && ri >= 0; c++) {
        if (!prev->has_carried_out[c] || !cur->has_carried_in[c])
            continue;
        if (nb_num_cmp(prev->carried_out[c], cur->carried_in[c]) == 0)
            continue;
        nb_finding *f = year_finding(NB_RULE_YEAR_CARRY, prev, cur->carried_in[c], prev->carried_out[c],
                                     cur->carried_in_off[c], out, err);
        if (!f)
            return -1;
        int ci = nb_schema_first_cell(schema, ri) + c;
        nb_finding_add_cell(f, ci);
        f->suspect = ci;
        f->col = schema->rows[ri].cols[c].key;
    }
    return 0;
}

static int check_in_force(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                          nb_err *err)
{
    for (int k = 0; k < 2; k++) {
        if (!prev->has_t2[k][2] || !cur->has_t2[k][0] || !cur->has_t2[k][1] || !cur->has_t2[k][2])
            continue;
        nb_num want = nb_num_add(prev->t2[k][2], cur->t2[k][0]);
        want = nb_num_add(want, nb_num_neg(cur->t2[k][1]));
        if (nb_num_cmp(want, cur->t2[k][2]) == 0)
            continue;
        nb_finding *f = year_finding(NB_RULE_YEAR_IN_FORCE, prev, cur->t2[k][2], want, cur->t2_off[k][2], out, err);
        if (!f)
            return -1;
        int rr = nb_schema_find_row(schema, t2_rows[k]);
        for (int c = 0; c < 3; c++)
            nb_finding_add_cell(f, nb_schema_first_cell(schema, rr) + c);
        f->suspect = nb_schema_first_cell(schema, rr) + 2;
        f->row = rr;
    }
    return 0;
}

int nb_check_years(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                   nb_err *err)
{
    if (prev->year + 1 != cur->year)
        return 0;
    if (check_carry(prev, cur, schema, out, err) != 0)
        return -1;
    if (prev->format == 2021 && cur->format == 2021 && check_in_force(prev, cur, schema, out, err) != 0)
        return -1;
    return nb_check_years_text(prev, cur, schema, out, err);
}
