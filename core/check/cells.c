/* cells.c — CELL.BLANK and CELL.NOT_NUMBER: every cell holds a number of
 * its kind (counts: whole and never negative; money: a decimal; a signed
 * column may be negative). */
#include "check/internal.h"
#include "base/utf8.h"

/* At most this much of a cell's text is quoted. */
#define QUOTE_MAX 60

static nb_finding *cell_finding(const nb_report *r, int ci, nb_rule_id rule, nb_findings *out, nb_err *err)
{
    nb_finding *f = nb_finding_add(out, rule, err);
    if (!f)
        return NULL;
    nb_finding_point_at_cell(r, f, ci);
    return f;
}

/* The cell's text, as much as a message quotes, cut at a character boundary. */
static nb_span quoted(const nb_report *r, const nb_cell *c)
{
    nb_span s = {c->off, nb_utf8_cut(r->doc.text + c->off, c->len, QUOTE_MAX)};
    return s;
}

/* A number where the row does not allow it: negative, or not whole. */
static int out_of_kind(const nb_row *rw, int col, const nb_cell *c)
{
    int money = rw->money_col == col, sign = rw->signed_col == col;
    return (c->num.v < 0 && !sign) || (!money && !nb_num_is_int(c->num));
}

/* Cell ci, of row row and column col. */
static int check_cell(const nb_report *r, int ci, int row, int col, nb_findings *out, nb_err *err)
{
    const nb_cell *c = &r->cells[ci];
    nb_finding *f;
    switch (c->status) {
    case NB_ST_BLANK:
    case NB_ST_PLACEHOLDER:
        if (!(f = cell_finding(r, ci, NB_RULE_CELL_BLANK, out, err)))
            return -1;
        if (c->status == NB_ST_PLACEHOLDER)
            f->text = quoted(r, c);
        return 0;
    case NB_ST_TEXT:
        if (!(f = cell_finding(r, ci, NB_RULE_CELL_NOT_NUMBER, out, err)))
            return -1;
        if (c->blob_len) /* digits run together: unread by us, not proved wrong */
            f->severity = NB_SEV_WARNING;
        f->text = quoted(r, c);
        return 0;
    case NB_ST_NUMBER:
    case NB_ST_INFERRED:
        if (!out_of_kind(&r->schema->rows[row], col, c))
            return 0;
        if (!(f = cell_finding(r, ci, NB_RULE_CELL_NOT_NUMBER, out, err)))
            return -1;
        f->inferred = c->status == NB_ST_INFERRED;
        f->text = quoted(r, c);
        return 0;
    default:
        return 0;
    }
}

int nb_check_cells(const nb_report *r, nb_findings *out, nb_err *err)
{
    int ci = 0; /* the cells row by row, as the schema numbers them */
    for (int row = 0; row < r->schema->nrows; row++)
        for (int col = 0; col < r->schema->rows[row].ncols && ci < r->ncells; col++, ci++)
            if (check_cell(r, ci, row, col, out, err) != 0)
                return -1;
    return 0;
}
