/* rules.c — the rule table, the sum equations as data, and the engine that
 * turns a report's cells, labels and structure into findings. */
#include "check/rules.h"
#include "check/claims.h"
#include "text/label.h"
#include "text/label.h"
#include "base/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- the table */

static const nb_rule rules[] = {
    {"T3.BALANCE", NB_SEV_ERROR, "per column: new + carried in = total + carried out (the table's own 勾稽关系)",
     "每列：第一项加第二项之和，等于第三项加第四项之和", "new.c + carried_in.c = total.c + carried_out.c"},
    {"T3.RESULTS_SUM", NB_SEV_ERROR, "per column: (七)总计 = the sum of the results (一)…(六)",
     "每列：（七）总计等于（一）至（六）各项办理结果之和",
     "total.c = granted.c + partial.c + Σ deny.*.c + Σ unable.*.c + Σ refuse.*.c + Σ other.*.c"},
    {"T3.ROW_TOTAL", NB_SEV_ERROR, "per row: 总计 = the six applicant columns", "每行：总计等于各类申请人之和",
     "r.total = r.natural + r.commercial + r.research + r.social + r.legal + r.other"},
    {"T4.GROUP_TOTAL", NB_SEV_ERROR, "per group: 总计 = upheld + corrected + other + pending",
     "每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和", "g.total = g.upheld + g.corrected + g.other + g.pending"},
    {"CELL.BLANK", NB_SEV_WARNING, "a cell that must hold a number is empty (the format requires 0)",
     "应填数字的单元格为空（格式要求填 0）", "cell is blank or a placeholder"},
    {"CELL.NOT_NUMBER", NB_SEV_ERROR, "a cell holds something that is not a number of its kind",
     "单元格内容不是规定类型的数字", "counts: non-negative integers; money: non-negative decimal"},
    {"LABEL.DEVIATES", NB_SEV_WARNING, "a row or column label differs from the standard wording",
     "行或列标签与标准表述不一致", "label ≠ standard wording"},
    {"STRUCT.MISSING", NB_SEV_ERROR, "a section, table, row or column of the standard is missing",
     "缺少标准格式中的部分、表格、行或列", "section / table / row / column present"},
    {"STRUCT.ORDER", NB_SEV_WARNING, "sections out of the standard order", "各部分未按标准顺序排列", "一 < 二 < … < 六"},
    {"TEXT.TABLE_MISMATCH", NB_SEV_ERROR, "a number stated in the narrative contradicts the table",
     "正文所述数字与表格不一致", "收到申请 N 件 = t3.new.total; 行政复议 N 件 = t4.review.total; …"},
    {"TEXT.PARTS_EXCEED", NB_SEV_WARNING, "a narrative enumeration whose parts add up to more than its whole",
     "正文列举的分项之和超过总数", "共 N，其中 a、b… : a + b + … ≤ N"},
    {"TEXT.RATE", NB_SEV_WARNING, "a stated rate contradicts its counts", "正文所述比率与其数字不符",
     "办结率 = 办结 / 受理"},
    {"YEAR.MISMATCH", NB_SEV_WARNING, "the report year disagrees with the statistic period, or 本年 names another year",
     "报告年度与统计期限不一致，或正文以“本年”指称其他年份", "title year = period year"},
    {"DATE.LATE", NB_SEV_INFO, "signed after 31 January (departments) or 31 March (governments) of the next year",
     "落款日期晚于次年1月31日（部门）或3月31日（政府）", "signed ≤ deadline"},
    {"YEAR.CARRY", NB_SEV_ERROR, "across two years of one body: carried in (Y) = carried out (Y−1)",
     "同一机关相邻两年：本年上年结转数等于上年结转下年度数", "carried_in.c(Y) = carried_out.c(Y−1)"},
    {"YEAR.IN_FORCE", NB_SEV_WARNING, "across two years of one body: in force (Y) = in force (Y−1) + issued − repealed",
     "同一机关相邻两年：现行有效件数等于上年现行有效加本年制发减本年废止",
     "in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y)"},
};

#define NRULES ((int)(sizeof rules / sizeof rules[0]))

const nb_rule *nb_rules(int *n)
{
    *n = NRULES;
    return rules;
}

int nb_rule_index(const char *id)
{
    for (int i = 0; i < NRULES; i++)
        if (!strcmp(rules[i].id, id))
            return i;
    return -1;
}

const char *nb_severity_name(nb_severity s)
{
    return s == NB_SEV_ERROR ? "error" : s == NB_SEV_WARNING ? "warning" : "info";
}

int nb_severity_parse(const char *s)
{
    if (!strcmp(s, "error"))
        return NB_SEV_ERROR;
    if (!strcmp(s, "warning"))
        return NB_SEV_WARNING;
    if (!strcmp(s, "info"))
        return NB_SEV_INFO;
    return -1;
}

void nb_findings_free(nb_findings *f)
{
    free(f->v);
    memset(f, 0, sizeof *f);
}

static nb_finding *add(nb_findings *out, const char *rule)
{
    if (nb_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16) != 0)
        return NULL;
    nb_finding *f = &out->v[out->n++];
    memset(f, 0, sizeof *f);
    f->rule = nb_rule_index(rule);
    f->severity = rules[f->rule].severity;
    f->suspect = -1;
    return f;
}

static void add_cell(nb_finding *f, int ci)
{
    for (int i = 0; i < f->ncells; i++)
        if (f->cells[i] == ci)
            return;
    if (f->ncells < NB_FCELLS)
        f->cells[f->ncells++] = ci;
}

/* ---------------------------------------------------------------- equations */

enum { OVER_T3_COLS, OVER_T3_ROWS, OVER_T4_ROWS };

/* One equation, repeated over the columns or rows it names: terms are row
 * patterns ("t3.deny.*": every row whose ID starts so; "t3.other*": t3.other
 * and its sub-rows) for column sums, column keys for row sums. */
typedef struct eq_def {
    const char *rule;
    int over;
    const char *lhs[3];
    const char *rhs[8];
} eq_def;

static const eq_def equations[] = {
    {"T3.BALANCE", OVER_T3_COLS, {"t3.new", "t3.carried_in"}, {"t3.total", "t3.carried_out"}},
    {"T3.RESULTS_SUM", OVER_T3_COLS, {"t3.total"},
     {"t3.granted", "t3.partial", "t3.deny.*", "t3.unable.*", "t3.refuse.*", "t3.other*"}},
    {"T3.ROW_TOTAL", OVER_T3_ROWS, {"total"}, {"natural", "commercial", "research", "social", "legal", "other"}},
    {"T4.GROUP_TOTAL", OVER_T4_ROWS, {"total"}, {"upheld", "corrected", "other", "pending"}},
};

/* Short names of T3 rows and their groups, as the table numbers them. */
static const struct {
    const char *pat, *en, *zh;
} term_names[] = {
    {"t3.new", "new", "一"},           {"t3.carried_in", "carried in", "二"}, {"t3.total", "total", "三(七)"},
    {"t3.carried_out", "carried out", "四"}, {"t3.granted", "granted", "(一)"}, {"t3.partial", "partial", "(二)"},
    {"t3.deny.*", "denied", "(三)"},   {"t3.unable.*", "unable", "(四)"},     {"t3.refuse.*", "not processed", "(五)"},
    {"t3.other*", "other handling", "(六)"},
};

static int row_matches(const char *id, const char *pat)
{
    size_t pl = strlen(pat);
    if (pat[pl - 1] == '*') {
        if (pat[pl - 2] == '.')
            return strncmp(id, pat, pl - 1) == 0; /* t3.deny.* */
        return strncmp(id, pat, pl - 1) == 0 && (id[pl - 1] == '\0' || id[pl - 1] == '.'); /* t3.other* */
    }
    return strcmp(id, pat) == 0;
}

static const char *term_name(const char *pat, nb_lang lang)
{
    for (size_t k = 0; k < sizeof term_names / sizeof term_names[0]; k++)
        if (!strcmp(term_names[k].pat, pat))
            return lang == NB_LANG_ZH ? term_names[k].zh : term_names[k].en;
    return pat;
}

static const char *col_zh(const char *key)
{
    static const struct {
        const char *k, *zh;
    } m[] = {{"natural", "自然人"},       {"commercial", "商业企业"}, {"research", "科研机构"}, {"social", "社会公益组织"},
             {"legal", "法律服务机构"},   {"other", "其他"},         {"total", "总计"},        {"upheld", "结果维持"},
             {"corrected", "结果纠正"},   {"pending", "尚未审结"}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (!strcmp(m[i].k, key))
            return m[i].zh;
    return key;
}

/* A cell's value for an equation: numbers as they are, blanks as 0; -1 when
 * the equation cannot be checked (missing, or not a number). */
static int cell_value(const nb_report *r, int ci, nb_num *v, int *inferred)
{
    const nb_cell *c = &r->cells[ci];
    switch (c->status) {
    case NB_ST_INFERRED:
        *inferred = 1;
        /* fall through */
    case NB_ST_NUMBER:
        *v = c->num;
        return 0;
    case NB_ST_BLANK:
    case NB_ST_PLACEHOLDER:
        *v = nb_num_int(0);
        return 0;
    default:
        return -1;
    }
}

static void side_text(char *en, char *zh, size_t cap, const char *const *terms, int row_terms, const nb_report *r,
                      int row)
{
    en[0] = zh[0] = '\0';
    for (int t = 0; t < 8 && terms[t]; t++) {
        const char *ne, *nz;
        if (row_terms) {
            ne = term_name(terms[t], NB_LANG_EN);
            nz = term_name(terms[t], NB_LANG_ZH);
        } else {
            ne = terms[t];
            nz = col_zh(terms[t]);
        }
        size_t le = strlen(en), lz = strlen(zh);
        snprintf(en + le, cap - le, "%s%s", t ? " + " : "", ne);
        snprintf(zh + lz, cap - lz, "%s%s", t ? "+" : "", nz);
    }
    (void)r;
    (void)row;
}

/* An equation's terms resolved against the schema once per report: for
 * column sums the rows of each side, for row sums the columns. */
typedef struct eq_plan {
    int lrows[8], nl;      /* OVER_T3_COLS: rows of the left side */
    int rrows[40], nr;     /* and of the right */
    int first[64];         /* first cell of every row */
} eq_plan;

static void plan_equation(const nb_schema *s, const eq_def *e, eq_plan *p)
{
    p->nl = p->nr = 0;
    for (int rr = 0, ci = 0; rr < s->nrows && rr < 64; rr++) {
        p->first[rr] = ci;
        ci += s->rows[rr].ncols;
    }
    if (e->over != OVER_T3_COLS)
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

/* Sum one side; returns -1 if a term is missing or not a number. */
static int side_sum(const nb_report *r, const eq_def *e, const eq_plan *p, int lhs, int col, int row, nb_num *sum,
                    nb_finding *f, int *inferred, int *any)
{
    const nb_schema *s = r->schema;
    *sum = nb_num_int(0);
    if (e->over == OVER_T3_COLS) {
        const int *rows = lhs ? p->lrows : p->rrows;
        int n = lhs ? p->nl : p->nr;
        for (int k = 0; k < n; k++) {
            int ci = p->first[rows[k]] + col;
            nb_num v;
            add_cell(f, ci);
            if (cell_value(r, ci, &v, inferred) != 0)
                return -1;
            *sum = nb_num_add(*sum, v);
            (*any)++;
        }
        return 0;
    }
    const char *const *terms = lhs ? e->lhs : e->rhs;
    int nterms = lhs ? 3 : 8;
    const nb_row *rw = &s->rows[row];
    for (int t = 0; t < nterms && terms[t]; t++) {
        int c;
        for (c = 0; c < rw->ncols && strcmp(rw->cols[c].key, terms[t]); c++)
            ;
        if (c == rw->ncols)
            continue;
        int ci = p->first[row] + c;
        nb_num v;
        add_cell(f, ci);
        if (cell_value(r, ci, &v, inferred) != 0)
            return -1;
        *sum = nb_num_add(*sum, v);
        (*any)++;
    }
    return 0;
}

static void check_equation(const nb_report *r, const eq_def *e, const eq_plan *p, int col, int row, nb_findings *out)
{
    nb_finding tmp;
    tmp.ncells = 0;
    nb_num l, rr;
    int inferred = 0, any = 0;
    if (side_sum(r, e, p, 1, col, row, &l, &tmp, &inferred, &any) != 0 ||
        side_sum(r, e, p, 0, col, row, &rr, &tmp, &inferred, &any) != 0)
        return;
    if (nb_num_cmp(l, rr) == 0)
        return;
    nb_finding *f = add(out, e->rule);
    if (!f)
        return;
    memcpy(f->cells, tmp.cells, sizeof(int) * (size_t)tmp.ncells);
    f->ncells = tmp.ncells;
    f->has_sides = 1;
    f->lhs = l;
    f->rhs = rr;
    f->inferred = inferred;
    int row_terms = e->over == OVER_T3_COLS;
    side_text(f->lhs_en, f->lhs_zh, sizeof f->lhs_en, e->lhs, row_terms, r, row);
    side_text(f->rhs_en, f->rhs_zh, sizeof f->rhs_en, e->rhs, row_terms, r, row);
    const nb_schema *s = r->schema;
    if (e->over == OVER_T3_COLS) {
        int r0 = nb_schema_find_row(s, "t3.new");
        const char *key = s->rows[r0 < 0 ? 0 : r0].cols[col].key;
        snprintf(f->where_en, sizeof f->where_en, "column %s", key);
        snprintf(f->where_zh, sizeof f->where_zh, "%s列", col_zh(key));
    } else {
        snprintf(f->where_en, sizeof f->where_en, "row %s", s->rows[row].id);
        snprintf(f->where_zh, sizeof f->where_zh, "%s", s->rows[row].label);
    }
}

/* The cell most likely wrong: the one in most failing equations; then a
 * blank; then the equation's first cell. */
static void choose_suspects(const nb_report *r, nb_findings *out, size_t from)
{
    int *fails = calloc((size_t)r->ncells, sizeof *fails);
    if (!fails)
        return;
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
}

static void check_sums(const nb_report *r, nb_findings *out)
{
    const nb_schema *s = r->schema;
    size_t from = out->n;
    eq_plan plan;
    for (size_t k = 0; k < sizeof equations / sizeof equations[0]; k++) {
        const eq_def *e = &equations[k];
        plan_equation(s, e, &plan);
        if (e->over == OVER_T3_COLS) {
            for (int c = 0; c < 7; c++)
                check_equation(r, e, &plan, c, -1, out);
        } else {
            int table = e->over == OVER_T3_ROWS ? NB_T3 : NB_T4;
            for (int rr = 0; rr < s->nrows; rr++)
                if (s->rows[rr].table == table)
                    check_equation(r, e, &plan, -1, rr, out);
        }
    }
    choose_suspects(r, out, from);
}

/* ---------------------------------------------------------------- cells */

static void point_at_cell(const nb_report *r, nb_finding *f, int ci)
{
    add_cell(f, ci);
    f->suspect = ci;
    if (r->cells[ci].has_span) {
        f->off = r->cells[ci].off;
        f->has_off = 1;
    }
}

static void check_cells(const nb_report *r, nb_findings *out)
{
    const nb_schema *s = r->schema;
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        int row, col;
        nb_schema_cell_pos(s, ci, &row, &col);
        const nb_row *rw = &s->rows[row];
        if (c->status == NB_ST_BLANK || c->status == NB_ST_PLACEHOLDER) {
            nb_finding *f = add(out, "CELL.BLANK");
            if (!f)
                return;
            point_at_cell(r, f, ci);
            if (c->status == NB_ST_PLACEHOLDER)
                snprintf(f->detail, sizeof f->detail, "%.*s", (int)(c->len < 60 ? c->len : 60), r->doc.text + c->off);
        } else if (c->status == NB_ST_TEXT) {
            nb_finding *f = add(out, "CELL.NOT_NUMBER");
            if (!f)
                return;
            point_at_cell(r, f, ci);
            if (c->blob_len) /* digits run together: unread by us, not proved wrong */
                f->severity = NB_SEV_WARNING;
            snprintf(f->detail, sizeof f->detail, "%.*s", (int)(c->len < 60 ? c->len : 60), r->doc.text + c->off);
        } else if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) {
            int money = rw->money_col == col, sign = rw->signed_col == col;
            if ((c->num.v < 0 && !sign) || (!money && !nb_num_is_int(c->num))) {
                nb_finding *f = add(out, "CELL.NOT_NUMBER");
                if (!f)
                    return;
                point_at_cell(r, f, ci);
                f->inferred = c->status == NB_ST_INFERRED;
                snprintf(f->detail, sizeof f->detail, "%.*s", (int)(c->len < 60 ? c->len : 60), r->doc.text + c->off);
            }
        }
    }
}

/* ---------------------------------------------------------------- labels */

static void check_labels(const nb_report *r, nb_findings *out)
{
    const nb_schema *s = r->schema;
    for (int i = 0; i < r->nlabels; i++) {
        const nb_label *lb = &r->labels[i];
        nb_finding *f = add(out, "LABEL.DEVIATES");
        if (!f)
            return;
        f->off = lb->off;
        f->has_off = 1;
        snprintf(f->detail, sizeof f->detail, "%s\x1f%s", lb->found, lb->standard);
        const char *star = strstr(lb->id, ".*.");
        for (int rr = 0; rr < s->nrows; rr++) {
            const nb_row *rw = &s->rows[rr];
            if (star) {
                int t = lb->id[1] - '0';
                if (rw->table != t)
                    continue;
                for (int c = 0; c < rw->ncols; c++)
                    if (!strcmp(rw->cols[c].key, star + 3))
                        add_cell(f, nb_schema_first_cell(s, rr) + c);
            } else if (!strcmp(rw->id, lb->id)) {
                for (int c = 0; c < rw->ncols; c++)
                    add_cell(f, nb_schema_first_cell(s, rr) + c);
            }
        }
    }
}

/* ---------------------------------------------------------------- structure */

static const char *const sec_zh[NB_NSEC] = {"一、总体情况", "二、主动公开政府信息情况",
                                            "三、收到和处理政府信息公开申请情况",
                                            "四、政府信息公开行政复议、行政诉讼情况",
                                            "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

static void check_structure(const nb_report *r, nb_findings *out)
{
    const nb_schema *s = r->schema;
    /* sections */
    for (int k = 0; k < NB_NSEC; k++) {
        if (r->sec[k].present)
            continue;
        nb_finding *f = add(out, "STRUCT.MISSING");
        if (!f)
            return;
        snprintf(f->detail, sizeof f->detail, "section\x1f%s", sec_zh[k]);
    }
    /* tables, then rows, then cells of rows found short */
    for (int t = NB_T2; t <= NB_T4; t++) {
        int found = 0;
        for (int rr = 0; rr < s->nrows; rr++)
            if (s->rows[rr].table == t && r->rows_found[rr])
                found = 1;
        if (!found) {
            nb_finding *f = add(out, "STRUCT.MISSING");
            if (!f)
                return;
            snprintf(f->detail, sizeof f->detail, "table\x1fT%d", t);
            continue;
        }
        for (int rr = 0; rr < s->nrows; rr++) {
            const nb_row *rw = &s->rows[rr];
            if (rw->table != t)
                continue;
            int first = nb_schema_first_cell(s, rr), nmiss = 0;
            for (int c = 0; c < rw->ncols; c++)
                if (r->cells[first + c].status == NB_ST_MISSING)
                    nmiss++;
            if (!nmiss)
                continue;
            nb_finding *f = add(out, "STRUCT.MISSING");
            if (!f)
                return;
            for (int c = 0; c < rw->ncols; c++)
                if (r->cells[first + c].status == NB_ST_MISSING)
                    add_cell(f, first + c);
            snprintf(f->detail, sizeof f->detail, "%s\x1f%s\x1f%s", nmiss == rw->ncols ? "row" : "cells", rw->id,
                     rw->label);
            /* point at the row before it, where it should have been */
            for (int c2 = first - 1; c2 >= 0; c2--)
                if (r->cells[c2].has_span) {
                    f->off = r->cells[c2].off;
                    f->has_off = 1;
                    break;
                }
        }
    }
    /* order of the sections found */
    size_t last = 0;
    int last_k = -1;
    for (int k = 0; k < NB_NSEC; k++) {
        if (!r->sec[k].present)
            continue;
        if (last_k >= 0 && r->sec[k].head_off < last) {
            nb_finding *f = add(out, "STRUCT.ORDER");
            if (!f)
                return;
            f->off = r->sec[k].head_off;
            f->has_off = 1;
            snprintf(f->detail, sizeof f->detail, "%s\x1f%s", sec_zh[k], sec_zh[last_k]);
        }
        last = r->sec[k].head_off;
        last_k = k;
    }
}

/* ---------------------------------------------------------------- dates */

/* Governments have until 31 March, their departments until 31 January. */
static int is_government(const char *agency)
{
    static const char *const marks[] = {"人民政府", "管委会", "管理委员会", "街道办事处", "行政公署"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strstr(agency, marks[i]))
            return 1;
    size_t n = strlen(agency);
    static const char *const places[] = {"镇", "乡", "县", "区", "市", "省", "街道", "自治州", "盟", "旗"};
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        size_t pl = strlen(places[i]);
        if (n >= pl && !strcmp(agency + n - pl, places[i]))
            return 1;
    }
    return 0;
}

static void check_dates(const nb_report *r, nb_findings *out)
{
    if (r->year && r->period_from.y && (r->period_from.y != r->year || r->period_to.y != r->year)) {
        nb_finding *f = add(out, "YEAR.MISMATCH");
        if (f) {
            f->off = r->period_off;
            f->has_off = 1;
            snprintf(f->detail, sizeof f->detail, "%d\x1f%04d-%02d-%02d\x1f%04d-%02d-%02d", r->year, r->period_from.y,
                     r->period_from.m, r->period_from.d, r->period_to.y, r->period_to.m, r->period_to.d);
        }
    }
    if (r->year && r->signed_on.y) {
        int gov = is_government(r->agency);
        int dl_m = gov ? 3 : 1, dl_d = 31;
        long signed_key = (long)r->signed_on.y * 10000 + r->signed_on.m * 100 + r->signed_on.d;
        long deadline = (long)(r->year + 1) * 10000 + dl_m * 100 + dl_d;
        if (signed_key > deadline) {
            nb_finding *f = add(out, "DATE.LATE");
            if (f) {
                f->off = r->signed_off;
                f->has_off = 1;
                snprintf(f->detail, sizeof f->detail, "%04d-%02d-%02d\x1f%04d-%02d-%02d\x1f%d", r->signed_on.y,
                         r->signed_on.m, r->signed_on.d, r->year + 1, dl_m, dl_d, gov);
            }
        }
    }
}

/* ---------------------------------------------------------------- driver */


static int cmp_finding(const void *a, const void *b)
{
    const nb_finding *x = a, *y = b;
    size_t ox = x->has_off ? x->off : 0, oy = y->has_off ? y->off : 0;
    if (ox != oy)
        return ox < oy ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule - y->rule;
    return (x->suspect > y->suspect) - (x->suspect < y->suspect);
}

void nb_findings_sort(nb_findings *f)
{
    if (f->n > 1)
        qsort(f->v, f->n, sizeof *f->v, cmp_finding);
}

int nb_check(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err)
{
    size_t before = out->n;
    check_structure(r, out);
    check_cells(r, out);
    check_labels(r, out);
    check_sums(r, out);
    check_dates(r, out);
    nb_check_claims(r, ctx, out);
    if (out->n < before)
        return nb_err_set(err, NB_E_NOMEM, "%s: out of memory", r->doc.path);
    if (out->n - before > 1) {
        nb_findings tail = {out->v + before, out->n - before, out->n - before};
        nb_findings_sort(&tail);
    }
    return 0;
}

/* ---------------------------------------------------------------- two years */

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
            s->has_carried_out[c] = cell_value(r, nb_schema_first_cell(sc, ro) + c, &s->carried_out[c], &inf) == 0;
        if (ri >= 0) {
            int ci = nb_schema_first_cell(sc, ri) + c;
            s->has_carried_in[c] = cell_value(r, ci, &s->carried_in[c], &inf) == 0;
            s->carried_in_off[c] = r->cells[ci].off;
        }
    }
    if (r->format != 2021)
        return;
    static const char *const rows[2] = {"t2.regulation", "t2.normative"};
    for (int k = 0; k < 2; k++) {
        int rr = nb_schema_find_row(sc, rows[k]);
        for (int c = 0; c < 3 && rr >= 0; c++) {
            int inf = 0, ci = nb_schema_first_cell(sc, rr) + c;
            s->has_t2[k][c] = cell_value(r, ci, &s->t2[k][c], &inf) == 0 && r->cells[ci].status != NB_ST_BLANK;
            s->t2_off[k][c] = r->cells[ci].off;
        }
    }
}

/* Names compared without white space and the usual suffixes that vary. */
void nb_body_key(const char *a, char *out, size_t cap)
{
    nb_ustr u;
    nb_norm(a, strlen(a), &u, 0);
    nb_ustr_utf8(&u, out, cap);
    static const char *const tails[] = {"人民政府", "管委会", "管理委员会"};
    for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
        size_t n = strlen(out), tl = strlen(tails[k]);
        if (n > tl && !strcmp(out + n - tl, tails[k]))
            out[n - tl] = '\0';
    }
}

int nb_same_body(const nb_summary *a, const nb_summary *b)
{
    if (!a->agency[0] || !b->agency[0])
        return 0;
    char ka[256], kb[256];
    nb_body_key(a->agency, ka, sizeof ka);
    nb_body_key(b->agency, kb, sizeof kb);
    return ka[0] && !strcmp(ka, kb);
}

int nb_check_years(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out)
{
    if (prev->year + 1 != cur->year)
        return 0;
    int ri = nb_schema_find_row(schema, "t3.carried_in");
    for (int c = 0; c < 7 && ri >= 0; c++) {
        if (!prev->has_carried_out[c] || !cur->has_carried_in[c])
            continue;
        if (nb_num_cmp(prev->carried_out[c], cur->carried_in[c]) == 0)
            continue;
        nb_finding *f = add(out, "YEAR.CARRY");
        if (!f)
            return -1;
        int ci = nb_schema_first_cell(schema, ri) + c;
        add_cell(f, ci);
        f->suspect = ci;
        f->off = cur->carried_in_off[c];
        f->has_off = 1;
        f->has_sides = 1;
        f->lhs = cur->carried_in[c];
        f->rhs = prev->carried_out[c];
        f->other_file = prev->file;
        f->other_year = prev->year;
        snprintf(f->where_en, sizeof f->where_en, "column %s", schema->rows[ri].cols[c].key);
        snprintf(f->where_zh, sizeof f->where_zh, "%s列", col_zh(schema->rows[ri].cols[c].key));
    }
    if (prev->format != 2021 || cur->format != 2021)
        return 0;
    static const char *const rows[2] = {"t2.regulation", "t2.normative"};
    for (int k = 0; k < 2; k++) {
        if (!prev->has_t2[k][2] || !cur->has_t2[k][0] || !cur->has_t2[k][1] || !cur->has_t2[k][2])
            continue;
        nb_num want = nb_num_add(prev->t2[k][2], cur->t2[k][0]);
        nb_num rep = cur->t2[k][1];
        rep.v = -rep.v;
        want = nb_num_add(want, rep);
        if (nb_num_cmp(want, cur->t2[k][2]) == 0)
            continue;
        nb_finding *f = add(out, "YEAR.IN_FORCE");
        if (!f)
            return -1;
        int rr = nb_schema_find_row(schema, rows[k]);
        for (int c = 0; c < 3; c++)
            add_cell(f, nb_schema_first_cell(schema, rr) + c);
        f->suspect = nb_schema_first_cell(schema, rr) + 2;
        f->off = cur->t2_off[k][2];
        f->has_off = 1;
        f->has_sides = 1;
        f->lhs = cur->t2[k][2];
        f->rhs = want;
        f->other_file = prev->file;
        f->other_year = prev->year;
        snprintf(f->where_en, sizeof f->where_en, "row %s", rows[k]);
        snprintf(f->where_zh, sizeof f->where_zh, "%s", schema->rows[rr].label);
    }
    return 0;
}

/* ---------------------------------------------------------------- messages */

/* Split detail at the unit separator: up to n fields. */
static int fields(const char *detail, char out[][256], int n)
{
    int k = 0;
    const char *p = detail;
    while (k < n) {
        const char *e = strchr(p, '\x1f');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l > 255)
            l = 255;
        memcpy(out[k], p, l);
        out[k][l] = '\0';
        k++;
        if (!e)
            break;
        p = e + 1;
    }
    return k;
}

static void cell_name(const nb_report *r, int ci, char *out, size_t cap)
{
    if (ci < 0) {
        snprintf(out, cap, "?");
        return;
    }
    nb_schema_cell_id(r->schema, ci, out, cap);
}

void nb_finding_message(const nb_report *r, const nb_finding *f, nb_lang L, char *out, size_t cap)
{
    const char *id = rules[f->rule].id;
    char a[96], b[96], sus[96], F[4][256];
    int zh = L == NB_LANG_ZH;
    nb_num_format(f->lhs, a, sizeof a);
    nb_num_format(f->rhs, b, sizeof b);
    nb_num d = f->lhs;
    nb_num neg = f->rhs;
    neg.v = -neg.v;
    d = nb_num_add(d, neg);
    if (d.v < 0)
        d.v = -d.v;
    char ds[96];
    nb_num_format(d, ds, sizeof ds);
    cell_name(r, f->suspect, sus, sizeof sus);
    int nf = fields(f->detail, F, 4);
    out[0] = '\0';
    if (!strcmp(id, "T3.BALANCE") || !strcmp(id, "T3.RESULTS_SUM") || !strcmp(id, "T3.ROW_TOTAL") ||
        !strcmp(id, "T4.GROUP_TOTAL")) {
        if (zh)
            snprintf(out, cap, "%s：%s = %s，%s = %s，相差 %s；最可能有误的是 %s", f->where_zh, f->lhs_zh, a, f->rhs_zh,
                     b, ds, sus);
        else
            snprintf(out, cap, "%s: %s = %s, %s = %s, differs by %s; most likely wrong: %s", f->where_en, f->lhs_en,
                     a, f->rhs_en, b, ds, sus);
    } else if (!strcmp(id, "CELL.BLANK")) {
        if (f->detail[0])
            snprintf(out, cap, zh ? "%s 填的是“%s”，格式要求填写数字（无则填 0）"
                                  : "%s holds \"%s\" where the format asks for a number (0 for none)",
                     sus, f->detail);
        else
            snprintf(out, cap, zh ? "%s 为空，格式要求填写数字（无则填 0）"
                                  : "%s is blank; the format asks for a number (0 for none)",
                     sus);
    } else if (!strcmp(id, "CELL.NOT_NUMBER")) {
        const nb_cell *c = f->suspect >= 0 ? &r->cells[f->suspect] : NULL;
        if (c && c->status == NB_ST_TEXT && c->readings > 1)
            snprintf(out, cap, zh ? "%s：连写数字“%s”有 %d 种拆分方式，表内无法确定，未读取"
                                  : "%s: run-together digits \"%s\" split %d ways and the table cannot tell which; not read",
                     sus, f->detail, c->readings);
        else if (c && c->status == NB_ST_TEXT && c->blob_len)
            snprintf(out, cap, zh ? "%s：连写数字“%s”无法拆分出符合表格的读数，未读取"
                                  : "%s: run-together digits \"%s\" split no way that fits the table; not read",
                     sus, f->detail);
        else if (c && c->status != NB_ST_TEXT && c->num.v < 0)
            snprintf(out, cap, zh ? "%s 为负数“%s”，应为非负数" : "%s is negative (\"%s\"); counts are never negative",
                     sus, f->detail);
        else if (c && c->status != NB_ST_TEXT)
            snprintf(out, cap, zh ? "%s 为“%s”，件数应为整数" : "%s is \"%s\"; a count is a whole number", sus, f->detail);
        else
            snprintf(out, cap, zh ? "%s 填的是“%s”，不是数字" : "%s holds \"%s\", not a number", sus, f->detail);
    } else if (!strcmp(id, "LABEL.DEVIATES")) {
        char lid[96];
        cell_name(r, f->ncells ? f->cells[0] : -1, lid, sizeof lid);
        snprintf(out, cap, zh ? "标签为“%s”，标准表述为“%s”" : "label \"%s\": the standard wording is \"%s\"", F[0],
                 nf > 1 ? F[1] : "");
    } else if (!strcmp(id, "STRUCT.MISSING")) {
        if (!strcmp(F[0], "section"))
            snprintf(out, cap, zh ? "缺少“%s”部分" : "the section %s is missing", F[1]);
        else if (!strcmp(F[0], "table"))
            snprintf(out, cap, zh ? "缺少表格 %s" : "table %s is missing", F[1]);
        else if (!strcmp(F[0], "row"))
            snprintf(out, cap, zh ? "缺少“%s”行（%s）" : "row %s (%s) is missing", zh ? F[2] : F[1], zh ? F[1] : F[2]);
        else
            snprintf(out, cap, zh ? "“%s”行（%s）缺少 %d 个单元格" : "row %s (%s) lacks %d of its cells", zh ? F[2] : F[1],
                     zh ? F[1] : F[2], f->ncells);
    } else if (!strcmp(id, "STRUCT.ORDER")) {
        snprintf(out, cap, zh ? "“%s”排在“%s”之前" : "section %s comes before %s", F[0], nf > 1 ? F[1] : "");
    } else if (!strcmp(id, "YEAR.MISMATCH")) {
        snprintf(out, cap, zh ? "报告年度为 %s 年，统计期限为 %s 至 %s" : "the report is for %s but its statistic period is %s to %s",
                 F[0], nf > 1 ? F[1] : "", nf > 2 ? F[2] : "");
    } else if (!strcmp(id, "DATE.LATE")) {
        int gov = nf > 2 && F[2][0] == '1';
        if (zh)
            snprintf(out, cap, "落款日期 %s 晚于%s的公布期限 %s", F[0], gov ? "人民政府" : "政府部门", nf > 1 ? F[1] : "");
        else
            snprintf(out, cap, "signed %s, after the %s deadline of %s", F[0], gov ? "governments'" : "departments'",
                     nf > 1 ? F[1] : "");
    } else if (!strcmp(id, "YEAR.CARRY")) {
        if (zh)
            snprintf(out, cap, "%s：本年上年结转 %s 件，而 %d 年报告（%s）结转下年度 %s 件", f->where_zh, a, f->other_year,
                     f->other_file ? f->other_file : "?", b);
        else
            snprintf(out, cap, "%s: %s carried in, but the %d report (%s) carried out %s", f->where_en, a, f->other_year,
                     f->other_file ? f->other_file : "?", b);
    } else if (!strcmp(id, "YEAR.IN_FORCE")) {
        if (zh)
            snprintf(out, cap, "%s：现行有效 %s 件，而 %d 年现行有效加本年制发减本年废止为 %s 件（%s）", f->where_zh, a,
                     f->other_year, b, f->other_file ? f->other_file : "?");
        else
            snprintf(out, cap, "%s: %s in force, but %d's in force + issued − repealed = %s (%s)", f->where_en, a,
                     f->other_year, b, f->other_file ? f->other_file : "?");
    } else if (!strcmp(id, "TEXT.TABLE_MISMATCH")) {
        char claim[200];
        size_t cl = f->claim_len < sizeof claim - 1 ? f->claim_len : sizeof claim - 1;
        memcpy(claim, r->doc.text + f->claim_off, cl);
        claim[cl] = '\0';
        for (char *p = claim; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
        char cells[200] = "";
        for (int k = 0; k < f->ncells && k < 2; k++) {
            char cid[96];
            cell_name(r, f->cells[k], cid, sizeof cid);
            size_t l = strlen(cells);
            snprintf(cells + l, sizeof cells - l, "%s%s", k ? "+" : "", cid);
        }
        if (!strcmp(f->detail, "received+carried"))
            snprintf(out, cap, zh ? "正文“%s”称 %s 件，等于本年新收加上年结转（%s），而本年新收 t3.new.total 为 %s"
                                  : "the narrative \"%s\" says %s, which is new plus carried in (%s); t3.new.total is %s",
                     claim, a, cells, b);
        else if (!strcmp(f->detail, "suit"))
            snprintf(out, cap, zh ? "正文“%s”称 %s 件，表中 %s = %s" : "the narrative \"%s\" says %s, the table's %s = %s",
                     claim, a, cells, b);
        else
            snprintf(out, cap, zh ? "正文“%s”称 %s 件，表中 %s = %s" : "the narrative \"%s\" says %s, the table's %s = %s",
                     claim, a, cells, b);
    } else if (!strcmp(id, "TEXT.PARTS_EXCEED")) {
        snprintf(out, cap, zh ? "正文列举的分项合计 %s %s，超过总数 %s %s" : "the parts listed add up to %s %s, more than the total of %s %s",
                 a, f->detail, b, f->detail);
    } else if (!strcmp(id, "TEXT.RATE")) {
        snprintf(out, cap, zh ? "正文所述比率 %.2f%% 与其数字之比 %.2f%% 不符" : "the rate stated, %.2f%%, is not its counts' %.2f%%",
                 (double)f->lhs.v / 100.0, (double)f->rhs.v / 100.0);
    }
    if (f->inferred) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s", zh ? "（含由连写数字推断的单元格）" : " (uses cells inferred from run-together digits)");
    }
}
