/* sums.c — the equation engine: the sums of the standard tables as data
 * (T3.BALANCE, T3.RESULTS_SUM, T3.ROW_TOTAL, T4.GROUP_TOTAL), checked over
 * every column or row they name, the choice of the cell most likely wrong
 * among those of the failing equations, and the side of its equation each
 * cell of a finding stands on. */
#include "check/check.h"
#include "check/internal.h"

#include <stdlib.h>
#include <string.h>

static const nb_equation equations[] = {
    {NB_RULE_T3_BALANCE, NB_OVER_T3_COLS, {"t3.new", "t3.carried_in"}, {"t3.total", "t3.carried_out"}},
    {NB_RULE_T3_RESULTS_SUM, NB_OVER_T3_COLS, {"t3.total"},
     {"t3.granted", "t3.partial", "t3.deny.*", "t3.unable.*", "t3.refuse.*", "t3.other*"}},
    {NB_RULE_T3_ROW_TOTAL, NB_OVER_T3_ROWS, {"total"}, {"natural", "commercial", "research", "social", "legal", "other"}},
    {NB_RULE_T4_GROUP_TOTAL, NB_OVER_T4_ROWS, {"total"}, {"upheld", "corrected", "other", "pending"}},
};

#define NEQUATIONS (sizeof equations / sizeof equations[0])

const nb_equation *nb_equation_of(nb_rule_id rule)
{
    for (size_t k = 0; k < NEQUATIONS; k++)
        if (equations[k].rule == rule)
            return &equations[k];
    return NULL;
}

/* Does the row id match the term pat: the same, or pat's prefix before a
 * closing '*' — any id past a '.' (t3.deny.*), else the id or its parts
 * (t3.other*)? Compared once, byte by byte. */
static int row_matches(const char *id, const char *pat)
{
    size_t i = 0;
    while (pat[i] && pat[i] != '*' && id[i] == pat[i])
        i++;
    if (pat[i] == '*' && !pat[i + 1] && i > 0) {
        if (pat[i - 1] == '.')
            return 1; /* t3.deny.* */
        return id[i] == '\0' || id[i] == '.'; /* t3.other* */
    }
    return !pat[i] && !id[i];
}

/* An equation's terms resolved against a schema: the rows of each side
 * (column sums), the first cell of every row. */
typedef struct eq_terms {
    int lrows[8], nl;  /* NB_OVER_T3_COLS: rows of the left side */
    int rrows[40], nr; /* and of the right */
    int first[64];     /* first cell of every row */
    const nb_col *cols; /* row sums: the columns the terms were found in (rows share them) … */
    int lcol[3], rcol[8]; /* … and each term's column there, -1 none */
} eq_terms;

/* One column (column sums) or row (row sums) an equation is checked over:
 * its cells, in the order its sides are summed, the left side's nl at
 * from, the right side's nr after them. */
typedef struct eq_inst {
    int col, row;
    int from, nl, nr;
} eq_inst;

/* Every column or row an equation is checked over, with their cells. At
 * most 64 rows of 3 + 8 terms, or 7 columns of 8 + 40 rows. */
#define EQ_INSTS 64
#define EQ_CELLS (EQ_INSTS * 11)
typedef struct eq_plan {
    eq_inst inst[EQ_INSTS];
    int ninst;
    int cells[EQ_CELLS];
} eq_plan;

static void find_terms(const nb_schema *s, const nb_equation *e, eq_terms *p)
{
    p->nl = p->nr = 0;
    p->cols = NULL;
    for (int rr = 0, ci = 0; rr < s->nrows && rr < 64; rr++) {
        p->first[rr] = ci;
        ci += s->rows[rr].ncols;
    }
    if (e->over != NB_OVER_T3_COLS)
        return;
    for (int side = 0; side < 2; side++) {
        const char *const *terms = side ? e->rhs : e->lhs;
        int nterms = side ? 8 : 3;
        for (int t = 0; t < nterms && terms[t]; t++)
            for (int rr = 0; rr < s->nrows; rr++)
                if (s->rows[rr].table == NB_T3 && row_matches(s->rows[rr].id, terms[t])) {
                    if (side && p->nr < 40)
                        p->rrows[p->nr++] = rr;
                    else if (!side && p->nl < 8)
                        p->lrows[p->nl++] = rr;
                }
    }
}

/* Row sums: each term's column in row's columns, found once for the rows
 * that share them. */
static void plan_columns(const nb_row *rw, const nb_equation *e, eq_terms *p)
{
    if (p->cols == rw->cols)
        return;
    p->cols = rw->cols;
    for (int side = 0; side < 2; side++) {
        const char *const *terms = side ? e->rhs : e->lhs;
        int nterms = side ? 8 : 3, *out = side ? p->rcol : p->lcol;
        for (int t = 0; t < nterms; t++) {
            out[t] = -1;
            for (int c = 0; terms[t] && c < rw->ncols && out[t] < 0; c++)
                if (!strcmp(rw->cols[c].key, terms[t]))
                    out[t] = c;
        }
    }
}

/* The cells of one side over column col (column sums) or row row (row
 * sums), put at p's cells; how many. */
static int side_cells(const nb_equation *e, const eq_terms *tm, int lhs, int col, int row, eq_plan *p)
{
    int n = 0, *cells = p->cells + p->inst[p->ninst].from + (lhs ? 0 : p->inst[p->ninst].nl);
    if (e->over == NB_OVER_T3_COLS) {
        const int *rows = lhs ? tm->lrows : tm->rrows;
        int nr = lhs ? tm->nl : tm->nr;
        for (int k = 0; k < nr; k++)
            cells[n++] = tm->first[rows[k]] + col;
        return n;
    }
    const char *const *terms = lhs ? e->lhs : e->rhs;
    int nterms = lhs ? 3 : 8;
    const int *cols = lhs ? tm->lcol : tm->rcol;
    for (int t = 0; t < nterms && terms[t]; t++)
        if (cols[t] >= 0)
            cells[n++] = tm->first[row] + cols[t];
    return n;
}

/* One more column or row of the plan, its cells resolved. */
static void add_inst(const nb_equation *e, const eq_terms *tm, int col, int row, eq_plan *p)
{
    eq_inst *in = &p->inst[p->ninst];
    in->col = col;
    in->row = row;
    in->from = p->ninst ? p->inst[p->ninst - 1].from + p->inst[p->ninst - 1].nl + p->inst[p->ninst - 1].nr : 0;
    in->nl = side_cells(e, tm, 1, col, row, p);
    in->nr = side_cells(e, tm, 0, col, row, p);
    p->ninst++;
}

/* Every column or row the equation is checked over in schema s, in the
 * order they are checked, with the cells of each side. */
static void plan_equation(const nb_schema *s, const nb_equation *e, eq_plan *p)
{
    eq_terms tm;
    find_terms(s, e, &tm);
    p->ninst = 0;
    if (e->over == NB_OVER_T3_COLS) {
        for (int c = 0; c < 7; c++)
            add_inst(e, &tm, c, -1, p);
        return;
    }
    int table = e->over == NB_OVER_T3_ROWS ? NB_T3 : NB_T4;
    for (int rr = 0; rr < s->nrows && p->ninst < EQ_INSTS; rr++) {
        if (s->rows[rr].table != table)
            continue;
        plan_columns(&s->rows[rr], e, &tm);
        add_inst(e, &tm, -1, rr, p);
    }
}

/* Add one term's cell to the sum (checked); -1 when it has no value or
 * the sum would not fit (then the equation is not judged). */
static int add_term(const nb_report *r, int ci, nb_num *sum, nb_finding *f, int *inferred)
{
    nb_num v;
    nb_finding_add_cell(f, ci);
    if (nb_cell_sum_value(r, ci, &v, inferred) != 0)
        return -1;
    return nb_num_add_checked(*sum, v, sum);
}

/* Sum the n cells of one side, naming them in f; -1 if a term is missing
 * or not a number. */
static int side_sum(const nb_report *r, const int *cells, int n, nb_num *sum, nb_finding *f, int *inferred)
{
    *sum = nb_num_int(0);
    for (int k = 0; k < n; k++)
        if (add_term(r, cells[k], sum, f, inferred) != 0)
            return -1;
    return 0;
}

/* The sum of the n cells of one side in whole numbers (no cell with
 * decimals, no overflow); 0, 1 when a term has no value (the equation is
 * not judged), -1 when the sum needs side_sum. */
static int side_sum_int(const nb_report *r, const int *cells, int n, long long *sum)
{
    *sum = 0;
    for (int k = 0; k < n; k++) {
        const nb_cell *c = &r->cells[cells[k]];
        if (c->status == NB_ST_BLANK || c->status == NB_ST_PLACEHOLDER)
            continue;
        if (c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED)
            return 1;
        if (c->num.scale != 0 || __builtin_add_overflow(*sum, c->num.v, sum))
            return -1;
    }
    return 0;
}

/* One equation over one column or row. Most hold, in whole numbers: told
 * so first, without naming their cells. */
static int check_equation(const nb_report *r, const nb_equation *e, const eq_plan *p, const eq_inst *in,
                          nb_findings *out, nb_err *err)
{
    const int *lc = p->cells + in->from, *rc = lc + in->nl;
    long long li, ri;
    int lq = side_sum_int(r, lc, in->nl, &li), rq = lq ? lq : side_sum_int(r, rc, in->nr, &ri);
    if (lq == 1 || rq == 1 || (!lq && !rq && li == ri))
        return 0;
    nb_finding tmp;
    tmp.ncells = 0;
    nb_num l, rr;
    int inferred = 0;
    if (side_sum(r, lc, in->nl, &l, &tmp, &inferred) != 0 || side_sum(r, rc, in->nr, &rr, &tmp, &inferred) != 0)
        return 0;
    if (nb_num_cmp(l, rr) == 0)
        return 0;
    nb_finding *f = nb_finding_add(out, e->rule, err);
    if (!f)
        return -1;
    memcpy(f->cells, tmp.cells, sizeof(int) * (size_t)tmp.ncells);
    f->ncells = tmp.ncells;
    f->has_sides = 1;
    f->lhs = l;
    f->rhs = rr;
    f->inferred = inferred;
    if (e->over == NB_OVER_T3_COLS) {
        int r0 = nb_schema_find_row(r->schema, "t3.new");
        f->col = r->schema->rows[r0 < 0 ? 0 : r0].cols[in->col].key;
    } else {
        f->row = in->row;
    }
    return 0;
}

/* The cell most likely wrong: the one in most failing equations; then a
 * blank; then the equation's first cell. */
static int choose_suspects(const nb_report *r, nb_findings *out, size_t from, nb_err *err)
{
    if (from == out->n)
        return 0;
    int *fails = calloc((size_t)r->ncells, sizeof *fails);
    if (!fails)
        return nb_err_set(err, NB_E_NOMEM, "%s",
                          nb_tr(out->lang, "out of memory choosing the suspect cells", "选出可疑单元格时内存不足"));
    for (size_t i = from; i < out->n; i++)
        for (int k = 0; k < out->v[i].ncells; k++)
            fails[out->v[i].cells[k]]++;
    for (size_t i = from; i < out->n; i++) {
        nb_finding *f = &out->v[i];
        int best = -1, bs = -1;
        for (int k = 0; k < f->ncells; k++) {
            int ci = f->cells[k];
            nb_status st = r->cells[ci].status;
            int score = fails[ci] * 4 + (st == NB_ST_BLANK || st == NB_ST_PLACEHOLDER ? 2 : 0) +
                        (st == NB_ST_INFERRED ? 1 : 0);
            if (score > bs) {
                bs = score;
                best = ci;
            }
        }
        f->suspect = best;
        if (best >= 0 && r->cells[best].has_span) {
            f->off = r->cells[best].off;
            f->has_off = 1;
        }
    }
    free(fails);
    return 0;
}

/* Every equation over every column or row it names. */
static int check_all(const nb_report *r, const nb_equation *e, const eq_plan *p, nb_findings *out, nb_err *err)
{
    for (int k = 0; k < p->ninst; k++)
        if (check_equation(r, e, p, &p->inst[k], out, err) != 0)
            return -1;
    return 0;
}

/* The schemas a report is read in, and each equation's plan for each. */
#define NSCHEMAS 3
struct nb_sum_plans {
    const nb_schema *schema[NSCHEMAS];
    eq_plan plan[NSCHEMAS][NEQUATIONS];
};

nb_sum_plans *nb_sum_plans_new(void)
{
    nb_sum_plans *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->schema[0] = nb_schema_for(2021);
    p->schema[1] = nb_schema_for(2019);
    p->schema[2] = nb_schema_variant(2021, NB_VARIANT_ONE_OTHER);
    for (int i = 0; i < NSCHEMAS; i++)
        for (size_t k = 0; k < NEQUATIONS; k++)
            plan_equation(p->schema[i], &equations[k], &p->plan[i][k]);
    return p;
}

void nb_sum_plans_free(nb_sum_plans *p)
{
    free(p);
}

int nb_check_sums(const nb_report *r, const nb_sum_plans *plans, nb_findings *out, nb_err *err)
{
    size_t from = out->n;
    int si = -1; /* the report's schema among the plans' */
    for (int i = 0; plans && i < NSCHEMAS && si < 0; i++)
        if (plans->schema[i] == r->schema)
            si = i;
    eq_plan own; /* the report's own, without the plans of its schema */
    for (size_t k = 0; k < NEQUATIONS; k++) {
        if (si < 0)
            plan_equation(r->schema, &equations[k], &own);
        if (check_all(r, &equations[k], si < 0 ? &own : &plans->plan[si][k], out, err) != 0)
            return -1;
    }
    return choose_suspects(r, out, from, err);
}

/* The side of a cross-year or narrative rule's equation a cell is on. */
static int other_side(const nb_finding *f, const char *key, int *sign)
{
    switch (f->rule) {
    case NB_RULE_YEAR_CARRY: return 0;
    case NB_RULE_YEAR_IN_FORCE:
        if (!strcmp(key, "in_force"))
            return 0;
        *sign = strcmp(key, "repealed") ? 1 : -1;
        return 1;
    case NB_RULE_TEXT_TABLE_MISMATCH: return 1;
    default: return -1;
    }
}

int nb_finding_side(const nb_report *r, const nb_finding *f, int ci, int *sign)
{
    int row, col;
    *sign = 1;
    nb_schema_cell_pos(r->schema, ci, &row, &col);
    const nb_row *rw = &r->schema->rows[row];
    const nb_equation *e = nb_equation_of(f->rule);
    if (!e)
        return other_side(f, rw->cols[col].key, sign);
    for (int t = 0; t < 3 && e->lhs[t]; t++)
        if (e->over == NB_OVER_T3_COLS ? row_matches(rw->id, e->lhs[t]) : !strcmp(rw->cols[col].key, e->lhs[t]))
            return 0;
    return 1;
}
