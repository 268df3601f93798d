/* t2.c — what T2 (主动公开) says that cannot be: T2.IN_FORCE_BOUND (fewer
 * in force than issued − repealed, or none in force while some were
 * issued), T2.REGULATION_AUTHORITY (规章 of a body that cannot make them)
 * and T2.FEE_UNIT (the 行政事业性收费 amount in 元 where the format asks for
 * 万元). The 2021 format only. */
#include "check/internal.h"
#include "base/utf8.h"
#include "model/body.h"
#include "text/numerals.h"

#include <string.h>

/* A cell's number when it holds one (not blank, not inferred from nothing). */
static int number(const nb_report *r, const char *id, int *ci, nb_num *v)
{
    *ci = nb_schema_find_cell(r->schema, id);
    if (*ci < 0)
        return 0;
    const nb_cell *c = &r->cells[*ci];
    if (c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED)
        return 0;
    *v = c->num;
    return 1;
}

static nb_finding *cells_finding(const nb_report *r, nb_rule_id rule, const int *cells, int n, int suspect,
                                 nb_findings *out, nb_err *err)
{
    nb_finding *f = nb_finding_add(out, rule, err);
    if (!f)
        return NULL;
    for (int k = 0; k < n; k++) {
        nb_finding_add_cell(f, cells[k]);
        f->inferred |= r->cells[cells[k]].status == NB_ST_INFERRED;
    }
    nb_finding_point_at_cell(r, f, suspect);
    return f;
}

/* The row's cells issued, repealed and in force: ids, in that order. */
static int in_force_bound(const nb_report *r, const char *row, const char *const ids[3], nb_findings *out,
                          nb_err *err)
{
    int ci[3];
    nb_num v[3];
    for (int k = 0; k < 3; k++)
        if (!number(r, ids[k], &ci[k], &v[k]))
            return 0;
    nb_num net = v[1];
    net.v = -net.v;
    net = nb_num_add(v[0], net);
    nb_finding_form form = NB_FORM_NONE;
    if (nb_num_cmp(v[2], net) < 0)
        form = NB_FORM_BELOW;
    else if (v[0].v > 0 && v[2].v == 0)
        form = NB_FORM_NONE_IN_FORCE;
    if (form == NB_FORM_NONE)
        return 0;
    nb_finding *f = cells_finding(r, NB_RULE_T2_IN_FORCE_BOUND, ci, 3, ci[2], out, err);
    if (!f)
        return -1;
    f->form = form;
    f->row = nb_schema_find_row(r->schema, row);
    f->has_sides = 1;
    f->lhs = v[2];
    f->rhs = form == NB_FORM_BELOW ? net : v[0];
    return 0;
}

static int regulation_authority(const nb_report *r, nb_body b, nb_findings *out, nb_err *err)
{
    if (b != NB_BODY_TOWNSHIP && b != NB_BODY_COUNTY && b != NB_BODY_LOCAL_DEPT)
        return 0;
    int ci[2];
    nb_num v[2];
    if (!number(r, "t2.regulation.issued", &ci[0], &v[0]) || !number(r, "t2.regulation.in_force", &ci[1], &v[1]) ||
        (v[0].v <= 0 && v[1].v <= 0))
        return 0;
    nb_finding *f = cells_finding(r, NB_RULE_T2_REGULATION_AUTHORITY, ci, 2, v[1].v > 0 ? ci[1] : ci[0], out, err);
    if (!f)
        return -1;
    f->body = (int)b;
    f->has_sides = 1;
    f->lhs = v[0];
    f->rhs = v[1];
    return 0;
}

/* a and b agree to the decimals the less precise one carries (9116 万元 is
 * 9116.36 万元 rounded). */
static int agree(nb_num a, nb_num b)
{
    int least = a.scale < b.scale ? a.scale : b.scale;
    b.v = -b.v;
    nb_num d = nb_num_add(a, b);
    long long lim = 1;
    for (int k = least; k < d.scale; k++)
        lim *= 10;
    return 2 * (d.v < 0 ? -d.v : d.v) <= lim;
}

/* A number written in t[a, b) before 万元 or 元, in 万元 (元 / 10000 is
 * exact: four more decimals); 0 when there is none. */
static int amount_in(const char *t, size_t a, size_t b, nb_num *wan, size_t *at, size_t *len)
{
    for (size_t i = a; i < b; i++) {
        if (!(t[i] >= '0' && t[i] <= '9') || (i > a && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '.')))
            continue;
        size_t e = i, dot = 0;
        while (e < b && ((t[e] >= '0' && t[e] <= '9') || (t[e] == '.' && !dot && (dot = e))))
            e++;
        size_t u = e;
        while (u < b && t[u] == ' ')
            u++;
        int yuan = b - u >= 3 && !memcmp(t + u, "元", 3), wan_unit = b - u >= 6 && !memcmp(t + u, "万元", 6);
        if (!yuan && !wan_unit)
            continue;
        if (nb_parse_value(t + i, e - i, wan) != NB_ST_NUMBER)
            continue;
        if (yuan) /* the scale says how precise it was written: keep it */
            wan->scale += 4;
        *at = i;
        *len = u + (yuan ? 3 : 6) - i;
        return 1;
    }
    return 0;
}

/* The narrative's 行政事业性收费 … X 万元 (not a fee cut: 减 免 降 退 返). */
static int narrative_fee(const nb_report *r, int ci, nb_num cell, nb_findings *out, nb_err *err)
{
    static const char *const cuts[] = {"减", "免", "降", "退", "返"};
    const char *t = r->doc.text, *p;
    size_t n = r->doc.len, from = 0;
    while ((p = nb_find_outside(t, n, from, r->tables_off, r->tables_end, "行政事业性收费", 21))) {
        size_t at = (size_t)(p - t), end = at + 21;
        from = end;
        while (end < n && end < at + 120 && memcmp(t + end, "。", 3) && memcmp(t + end, "；", 3) && t[end] != '\n')
            end++;
        int cut = 0;
        for (size_t k = 0; k < 5; k++)
            cut |= nb_find(t + at, end - at, cuts[k], 3) != NULL;
        nb_num wan;
        size_t vo, vl;
        if (cut || !amount_in(t, at + 21, end, &wan, &vo, &vl))
            continue;
        if (agree(wan, cell))
            return 0;
        nb_finding *f = cells_finding(r, NB_RULE_T2_FEE_UNIT, &ci, 1, ci, out, err);
        if (!f)
            return -1;
        f->form = NB_FORM_NARRATIVE;
        f->claim_off = at;
        f->claim_len = vo + vl - at;
        f->has_sides = 1;
        f->lhs = nb_num_trim(wan);
        f->rhs = cell;
        return 0;
    }
    return 0;
}

static int fee_unit(const nb_report *r, nb_findings *out, nb_err *err)
{
    int ci;
    nb_num v;
    if (!number(r, "t2.fees.amount", &ci, &v))
        return 0;
    const nb_cell *c = &r->cells[ci];
    const char *t = r->doc.text + c->off;
    nb_finding_form form = NB_FORM_NONE;
    if (c->has_span && nb_find(t, c->len, "元", 3) && !nb_find(t, c->len, "万元", 6))
        form = NB_FORM_YUAN_TEXT;
    else if (v.scale > 4)
        form = NB_FORM_DECIMALS;
    else if (r->fee_label_yuan)
        form = NB_FORM_YUAN_LABEL;
    if (form == NB_FORM_NONE)
        return narrative_fee(r, ci, v, out, err);
    nb_finding *f = cells_finding(r, NB_RULE_T2_FEE_UNIT, &ci, 1, ci, out, err);
    if (!f)
        return -1;
    f->form = form;
    f->has_sides = 1;
    f->lhs = v;
    f->rhs = v;
    if (c->has_span)
        f->text = (nb_span){c->off, c->len < 60 ? c->len : 60};
    if (form == NB_FORM_YUAN_LABEL) {
        f->claim_off = r->fee_label_off;
        f->claim_len = r->fee_label_len;
    }
    return 0;
}

int nb_check_t2(const nb_report *r, nb_body body, nb_findings *out, nb_err *err)
{
    if (r->format != 2021)
        return 0;
    static const char *const regulation[] = {"t2.regulation.issued", "t2.regulation.repealed", "t2.regulation.in_force"},
                             *const normative[] = {"t2.normative.issued", "t2.normative.repealed", "t2.normative.in_force"};
    if (in_force_bound(r, "t2.regulation", regulation, out, err) != 0 ||
        in_force_bound(r, "t2.normative", normative, out, err) != 0 ||
        regulation_authority(r, body, out, err) != 0)
        return -1;
    return fee_unit(r, out, err);
}
