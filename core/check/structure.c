/* structure.c — STRUCT.MISSING (a section, a table, a row or some of a
 * row's cells the standard has and the report lacks) and STRUCT.ORDER
 * (sections out of the standard order). */
#include "check/internal.h"

static int missing_sections(const nb_report *r, nb_findings *out, nb_err *err)
{
    for (int k = 0; k < NB_NSEC; k++) {
        if (r->sec[k].present)
            continue;
        nb_finding *f = nb_finding_add(out, NB_RULE_STRUCT_MISSING, err);
        if (!f)
            return -1;
        f->part = NB_PART_SECTION;
        f->section = k;
    }
    return 0;
}

static int table_found(const nb_report *r, int t)
{
    const nb_schema *s = r->schema;
    for (int rr = 0; rr < s->nrows; rr++)
        if (s->rows[rr].table == t && r->rows_found[rr])
            return 1;
    return 0;
}

/* In a row that holds some of its cells (the ncols from first), the one
 * read nearest before its first missing cell, else the first read after
 * it: where the finding points. -1 when none has a place in the text. */
static int cell_beside_missing(const nb_report *r, int first, int ncols)
{
    int at = -1, passed = 0; /* passed: a missing cell seen */
    for (int c = first; c < first + ncols; c++) {
        if (r->cells[c].status == NB_ST_MISSING) {
            passed = 1;
            if (at >= 0)
                break;
        } else if (r->cells[c].has_span) {
            at = c;
            if (passed)
                break;
        }
    }
    return at;
}

/* A row with missing cells: the row, or the cells of it found short. */
static int missing_cells(const nb_report *r, int rr, nb_findings *out, nb_err *err)
{
    const nb_row *rw = &r->schema->rows[rr];
    int first = nb_schema_first_cell(r->schema, rr), nmiss = 0;
    for (int c = 0; c < rw->ncols; c++)
        if (r->cells[first + c].status == NB_ST_MISSING)
            nmiss++;
    if (!nmiss)
        return 0;
    nb_finding *f = nb_finding_add(out, NB_RULE_STRUCT_MISSING, err);
    if (!f)
        return -1;
    for (int c = 0; c < rw->ncols; c++)
        if (r->cells[first + c].status == NB_ST_MISSING)
            nb_finding_add_cell(f, first + c);
    f->part = nmiss == rw->ncols ? NB_PART_ROW : NB_PART_CELLS;
    f->row = rr;
    int at = f->part == NB_PART_CELLS ? cell_beside_missing(r, first, rw->ncols) : -1;
    for (int c2 = first - 1; at < 0 && c2 >= 0; c2--) /* else the row before it, where it should have been */
        if (r->cells[c2].has_span)
            at = c2;
    if (at >= 0) {
        f->off = r->cells[at].off;
        f->has_off = 1;
    }
    return 0;
}

/* Tables, then in tables found, rows and cells. */
static int missing_tables(const nb_report *r, nb_findings *out, nb_err *err)
{
    const nb_schema *s = r->schema;
    for (int t = NB_T2; t <= NB_T4; t++) {
        if (!table_found(r, t)) {
            nb_finding *f = nb_finding_add(out, NB_RULE_STRUCT_MISSING, err);
            if (!f)
                return -1;
            f->part = NB_PART_TABLE;
            f->table = t;
            continue;
        }
        for (int rr = 0; rr < s->nrows; rr++)
            if (s->rows[rr].table == t && missing_cells(r, rr, out, err) != 0)
                return -1;
    }
    return 0;
}

/* A section found before one it should follow. */
static int section_order(const nb_report *r, nb_findings *out, nb_err *err)
{
    size_t last = 0;
    int last_k = -1;
    for (int k = 0; k < NB_NSEC; k++) {
        if (!r->sec[k].present)
            continue;
        if (last_k >= 0 && r->sec[k].head_off < last) {
            nb_finding *f = nb_finding_add_at(out, NB_RULE_STRUCT_ORDER, r->sec[k].head_off, err);
            if (!f)
                return -1;
            f->section = k;
            f->section2 = last_k;
        }
        last = r->sec[k].head_off;
        last_k = k;
    }
    return 0;
}

int nb_check_structure(const nb_report *r, nb_findings *out, nb_err *err)
{
    if (missing_sections(r, out, err) != 0 || missing_tables(r, out, err) != 0)
        return -1;
    return section_order(r, out, err);
}
