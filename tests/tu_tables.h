/* tu_tables.h — report documents whose tables are grids, built in memory
 * through read/build as the structured readers build theirs: the sections,
 * the template's T2, T3 and T4 and odd layouts of them. Every cell holds a
 * value of its own (its index + 1, every 17th blank), so that a cell read
 * under a wrong ID shows. */
#ifndef NB_TU_TABLES_H
#define NB_TU_TABLES_H

#include "testutil.h"
#include "check/check.h"
#include "check/rules.h"
#include "model/grid.h"
#include "model/schema.h"
#include "read/build.h"
#include "read/read.h"

typedef struct tu_b {
    nb_docb b;
    const nb_schema *s;
    int page;
} tu_b;

static inline int tu_blank(int ci)
{
    return ci % 17 == 5;
}

static inline void tu_c(tu_b *t, int r, int c, int rs, int cs, const char *text)
{
    if (nb_docb_cell(&t->b, r, c, rs, cs, text, strlen(text), t->page) != 0)
        fail_msg("cell (%d, %d) \"%s\" refused", r, c, text);
}

/* The value cell of row id `row`, column key. */
static inline void tu_v(tu_b *t, int r, int c, int cs, const char *row, const char *key)
{
    char id[96], v[32];
    snprintf(id, sizeof id, "%s.%s", row, key);
    int ci = nb_schema_find_cell(t->s, id);
    if (ci < 0)
        fail_msg("no cell %s", id);
    snprintf(v, sizeof v, "%d", ci + 1);
    tu_c(t, r, c, 1, cs, tu_blank(ci) ? "" : v);
}

static inline void tu_p(tu_b *t, const char *s)
{
    assert_int_equal(nb_docb_para(&t->b, s, strlen(s), t->page), 0);
}

static inline void tu_table(tu_b *t, int rows, int cols)
{
    assert_int_equal(nb_docb_table_begin(&t->b, rows, cols), 0);
}

static inline void tu_table_end(tu_b *t)
{
    assert_int_equal(nb_docb_table_end(&t->b), 0);
}

/* Title and 一、总体情况 of a report of the given format. */
static inline void tu_begin(tu_b *t, int format)
{
    nb_docb_init(&t->b);
    t->s = nb_schema_for(format);
    t->page = 0;
    tu_p(t, "某某县测试局2023年政府信息公开工作年度报告");
    tu_p(t, "一、总体情况");
    tu_p(t, "2023年，本局认真贯彻《中华人民共和国政府信息公开条例》，做好政府信息公开工作。");
}

/* Section k's heading (NB_SEC_*: 1 主动公开 … 5 其他). */
static inline void tu_heading(tu_b *t, int k)
{
    tu_p(t, nb_section_title(k, NB_LANG_ZH));
}

/* The last two sections, then the report read from the document. */
static inline void tu_end(tu_b *t, nb_report *r, const nb_ctx *ctx, nb_kind kind)
{
    tu_heading(t, NB_SEC_PROBLEMS);
    tu_p(t, "本年度工作仍有不足。");
    tu_heading(t, NB_SEC_OTHER);
    tu_p(t, "无。");
    nb_doc d;
    nb_err e;
    assert_int_equal(nb_docb_finish(&t->b, &d, "built.docx", kind, NB_LANG_EN, &e), 0);
    if (nb_report_from_doc(r, &d, ctx, &e) != 0)
        fail_msg("%s", e.msg);
}

/* ------------------------------------------------------------------ T2 */

/* One of T2's sub-tables: its title, value headers, row labels and IDs. */
typedef struct tu_sub {
    const char *title;
    int nh;
    const char *hdr[3];
    int nr;
    const char *label[2];
    const char *row[2];
} tu_sub;

static const tu_sub tu_t2_2021[] = {
    {"第二十条第（一）项", 3, {"本年制发件数", "本年废止件数", "现行有效件数"}, 2, {"规章", "行政规范性文件"},
     {"t2.regulation", "t2.normative"}},
    {"第二十条第（五）项", 1, {"本年处理决定数量"}, 1, {"行政许可"}, {"t2.licensing"}},
    {"第二十条第（六）项", 1, {"本年处理决定数量"}, 2, {"行政处罚", "行政强制"}, {"t2.penalty", "t2.coercion"}},
    {"第二十条第（八）项", 1, {"本年收费金额（单位：万元）"}, 1, {"行政事业性收费"}, {"t2.fees"}},
};

static const tu_sub tu_t2_2019[] = {
    {"第二十条第（一）项", 3, {"本年新制作数量", "本年新公开数量", "对外公开总数量"}, 2, {"规章", "规范性文件"},
     {"t2.regulation", "t2.normative"}},
    {"第二十条第（五）项", 3, {"上一年项目数量", "本年增/减", "处理决定数量"}, 2, {"行政许可", "其他对外管理服务事项"},
     {"t2.licensing", "t2.other_services"}},
    {"第二十条第（六）项", 3, {"上一年项目数量", "本年增/减", "处理决定数量"}, 2, {"行政处罚", "行政强制"},
     {"t2.penalty", "t2.coercion"}},
    {"第二十条第（八）项", 2, {"上一年项目数量", "本年增/减"}, 1, {"行政事业性收费"}, {"t2.fees"}},
    {"第二十条第（九）项", 2, {"采购项目数量", "采购总金额"}, 1, {"政府集中采购"}, {"t2.procurement"}},
};

/* T2 in four columns: one grid (split 0) or a grid a sub-table. */
static inline void tu_t2(tu_b *t, const tu_sub *subs, int nsub, int split)
{
    static const int spans[4][3] = {{0}, {3}, {1, 2}, {1, 1, 1}};
    int rows = 0, r = 0;
    for (int i = 0; i < nsub; i++)
        rows += 2 + subs[i].nr;
    if (!split)
        tu_table(t, rows, 4);
    for (int i = 0; i < nsub; i++) {
        const tu_sub *u = &subs[i];
        if (split) {
            tu_table(t, 2 + u->nr, 4);
            r = 0;
        }
        tu_c(t, r, 0, 1, 4, u->title);
        tu_c(t, ++r, 0, 1, 1, "信息内容");
        for (int h = 0, c = 1; h < u->nh; c += spans[u->nh][h], h++)
            tu_c(t, r, c, 1, spans[u->nh][h], u->hdr[h]);
        for (int k = 0; k < u->nr; k++) {
            const nb_row *rw = &t->s->rows[nb_schema_find_row(t->s, u->row[k])];
            tu_c(t, ++r, 0, 1, 1, u->label[k]);
            for (int h = 0, c = 1; h < u->nh; c += spans[u->nh][h], h++)
                tu_v(t, r, c, spans[u->nh][h], u->row[k], rw->cols[h].key);
        }
        r++;
        if (split)
            tu_table_end(t);
    }
    if (!split)
        tu_table_end(t);
}

/* ------------------------------------------------------------------ T3 */

typedef struct tu_t3opt {
    int split;              /* the grid row a second grid starts at (no header in it), 0: one grid */
    int narrow;             /* the second grid without the 三、 column */
    int subtotal;           /* a 小计 column after 其他 */
    const char *commercial; /* the 商业企业 header as written, NULL: standard */
    const char *row_id;     /* a row whose label is written as */
    const char *row_label;
    const char *drop;       /* rows whose ID starts so are left out */
} tu_t3opt;

/* The group a T3 row stands in (0 none, 1 三 alone, 2 …: 三 › （三）… ). */
static inline const char *tu_t3_group(const char *id, int *in3)
{
    static const struct { const char *prefix, *group; } g[] = {
        {"t3.deny.", "（三）不予公开"}, {"t3.unable.", "（四）无法提供"},
        {"t3.refuse.", "（五）不予处理"}, {"t3.other.", "（六）其他处理"}};
    *in3 = strcmp(id, "t3.new") && strcmp(id, "t3.carried_in") && strcmp(id, "t3.carried_out");
    for (int i = 0; i < 4; i++)
        if (!strncmp(id, g[i].prefix, strlen(g[i].prefix)))
            return g[i].group;
    return NULL;
}

/* The T3 rows written (schema indices), how many. */
static inline int tu_t3_rows(const tu_b *t, const tu_t3opt *o, int *out)
{
    int n = 0;
    for (int k = 0; k < t->s->nrows; k++)
        if (t->s->rows[k].table == NB_T3 && !(o->drop && !strncmp(t->s->rows[k].id, o->drop, strlen(o->drop))))
            out[n++] = k;
    return n;
}

static inline void tu_t3_header(tu_b *t, const tu_t3opt *o, int lw)
{
    static const char *const legal[] = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计"};
    int nl = o->subtotal ? 6 : 5;
    tu_c(t, 0, 0, 3, lw, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    tu_c(t, 0, lw, 1, 2 + nl, "申请人情况");
    tu_c(t, 1, lw, 2, 1, "自然人");
    tu_c(t, 1, lw + 1, 1, nl, "法人或其他组织");
    tu_c(t, 1, lw + 1 + nl, 2, 1, "总计");
    for (int i = 0; i < nl; i++)
        tu_c(t, 2, lw + 1 + i, 1, 1, i == 0 && o->commercial ? o->commercial : legal[i]);
}

static inline int tu_t3_in3(const tu_b *t, const int *rows, int i)
{
    int in3;
    tu_t3_group(t->s->rows[rows[i]].id, &in3);
    return in3;
}

static inline const char *tu_t3_grp(const tu_b *t, const int *rows, int i)
{
    int in3;
    return tu_t3_group(t->s->rows[rows[i]].id, &in3);
}

/* One T3 row at grid row r: its labels (a group cell once, spanning the
 * rows of the segment [a, b) of rows[] it covers) and its values. */
static inline void tu_t3_row(tu_b *t, const tu_t3opt *o, const int *rows, int i, int a, int b, int r, int lw)
{
    const nb_row *rw = &t->s->rows[rows[i]];
    const char *grp = tu_t3_grp(t, rows, i);
    const char *label = o->row_id && !strcmp(o->row_id, rw->id) ? o->row_label : rw->label;
    int x = lw == 3 ? 1 : 0; /* the column after 三、 */
    if (tu_t3_in3(t, rows, i) && lw == 3 && (i == a || !tu_t3_in3(t, rows, i - 1))) {
        int n = 0;
        while (i + n < b && tu_t3_in3(t, rows, i + n))
            n++;
        tu_c(t, r, 0, n, 1, "三、本年度办理结果");
    }
    if (!tu_t3_in3(t, rows, i)) {
        tu_c(t, r, 0, 1, lw, label);
    } else if (!grp) {
        tu_c(t, r, x, 1, lw - x, label);
    } else {
        if (i == a || tu_t3_grp(t, rows, i - 1) != grp) {
            int n = 0;
            while (i + n < b && tu_t3_grp(t, rows, i + n) == grp)
                n++;
            tu_c(t, r, x, n, 1, grp);
        }
        tu_c(t, r, x + 1, 1, 1, label);
    }
    int c = lw;
    for (int k = 0; k < rw->ncols; k++, c++) {
        if (o->subtotal && k == 6)
            tu_c(t, r, c++, 1, 1, "999");
        tu_v(t, r, c, 1, rw->id, rw->cols[k].key);
    }
}

/* T3 as the template has it (10 columns, 3 header rows), or split. */
static inline void tu_t3(tu_b *t, const tu_t3opt *o)
{
    int rows[40], n = tu_t3_rows(t, o, rows), ncol = 10 + (o->subtotal ? 1 : 0);
    int cut = o->split ? o->split - 3 : n; /* rows[] before the second grid */
    tu_table(t, 3 + cut, ncol);
    tu_t3_header(t, o, 3);
    for (int i = 0; i < cut; i++)
        tu_t3_row(t, o, rows, i, 0, cut, 3 + i, 3);
    tu_table_end(t);
    if (cut == n)
        return;
    int lw = o->narrow ? 2 : 3;
    tu_table(t, n - cut, ncol - 3 + lw);
    for (int i = cut; i < n; i++)
        tu_t3_row(t, o, rows, i, cut, n, i - cut, lw);
    tu_table_end(t);
}

/* ------------------------------------------------------------------ T4 */

static const char *const tu_t4_res[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
static const char *const tu_t4_key[] = {"upheld", "corrected", "other", "pending", "total"};
static const char *const tu_t4_row[] = {"t4.review", "t4.suit_direct", "t4.suit_after"};

/* T4 as the template has it: 4 × 15, no row labels; with a sliver, a
 * narrow extra column after 行政复议's (结果维持 over it in the header, the
 * value beside it, the sliver's own cell empty): 4 × 16. */
static inline void tu_t4_grid(tu_b *t, int sliver)
{
    int s = sliver ? 1 : 0;
    tu_table(t, 4, 15 + s);
    tu_c(t, 0, 0, 1, 5, "行政复议");
    tu_c(t, 0, 5, 1, 10 + s, "行政诉讼");
    tu_c(t, 1, 5, 1, 5 + s, "未经复议直接起诉");
    tu_c(t, 1, 10 + s, 1, 5, "复议后起诉");
    for (int k = 0; k < 5; k++) {
        int direct = k ? 5 + s + k : 5; /* the column of suit_direct's k-th */
        tu_c(t, 1, k, 2, 1, tu_t4_res[k]);
        tu_c(t, 2, direct, 1, k ? 1 : 1 + s, tu_t4_res[k]);
        tu_c(t, 2, 10 + s + k, 1, 1, tu_t4_res[k]);
        tu_v(t, 3, k, 1, tu_t4_row[0], tu_t4_key[k]);
        tu_v(t, 3, direct, 1, tu_t4_row[1], tu_t4_key[k]);
        tu_v(t, 3, 10 + s + k, 1, tu_t4_row[2], tu_t4_key[k]);
    }
    if (sliver)
        tu_c(t, 3, 6, 1, 1, "");
    tu_table_end(t);
}

static inline void tu_t4(tu_b *t)
{
    tu_t4_grid(t, 0);
}

/* ------------------------------------------------------------------ a report */

/* What a built report holds: its format, and the writer of each table (the
 * template's when NULL: T2 in one grid or split a sub-table a grid, T3 with
 * the options t3). */
typedef struct tu_layout {
    int format;
    int variant;          /* NB_VARIANT_*: the schema the cells are numbered in */
    int t2_split;
    tu_t3opt t3;
    void (*t2)(tu_b *);
    void (*t3f)(tu_b *);
    void (*t4)(tu_b *);
    nb_kind kind;
} tu_layout;

static inline void tu_report(nb_report *r, const nb_ctx *ctx, const tu_layout *L)
{
    tu_b t;
    int f = L->format ? L->format : 2021;
    tu_begin(&t, f);
    t.s = nb_schema_variant(f, L->variant);
    tu_heading(&t, NB_SEC_ACTIVE);
    if (L->t2)
        L->t2(&t);
    else if (f == 2019)
        tu_t2(&t, tu_t2_2019, 5, L->t2_split);
    else
        tu_t2(&t, tu_t2_2021, 4, L->t2_split);
    tu_heading(&t, NB_SEC_REQUESTS);
    if (L->t3f)
        L->t3f(&t);
    else
        tu_t3(&t, &L->t3);
    tu_heading(&t, NB_SEC_REVIEW);
    (L->t4 ? L->t4 : tu_t4)(&t);
    tu_end(&t, r, ctx, L->kind ? L->kind : NB_KIND_DOCX);
}

/* ------------------------------------------------------------------ findings */

#define TU_MAXF 512
#define TU_KEY 160

/* The findings of a report as "RULE cells… s<suspect>" lines, sorted; how many. */
static inline int tu_finding_keys(const nb_report *r, const nb_ctx *ctx, char (*keys)[TU_KEY], int cap)
{
    nb_findings f = {0};
    nb_err e;
    if (nb_check(r, ctx, &f, &e) != 0)
        fail_msg("%s", e.msg);
    int n = 0;
    for (size_t i = 0; i < f.n && n < cap; i++, n++) {
        const nb_finding *x = &f.v[i];
        int o = snprintf(keys[n], TU_KEY, "%s", nb_rule_get(x->rule)->id);
        for (int k = 0; k < x->ncells && o < TU_KEY - 10; k++)
            o += snprintf(keys[n] + o, (size_t)(TU_KEY - o), " %d", x->cells[k]);
        snprintf(keys[n] + o, (size_t)(TU_KEY - o), " s%d", x->suspect);
    }
    assert_true(f.n <= (size_t)cap);
    nb_findings_free(&f);
    qsort(keys, (size_t)n, sizeof *keys, (int (*)(const void *, const void *))strcmp);
    return n;
}

/* Reports a and b have the same cells (status and value) and findings. */
static inline void tu_same_reading(const nb_report *a, const nb_report *b, const nb_ctx *ctx)
{
    static char ka[TU_MAXF][TU_KEY], kb[TU_MAXF][TU_KEY];
    assert_int_equal(a->ncells, b->ncells);
    for (int ci = 0; ci < a->ncells; ci++) {
        const nb_cell *x = &a->cells[ci], *y = &b->cells[ci];
        char id[96];
        nb_schema_cell_id(a->schema, ci, id, sizeof id);
        if (x->status != y->status || x->num.v != y->num.v || x->num.scale != y->num.scale)
            fail_msg("%s: %s %lld in %s, %s %lld in %s", id, nb_status_name(x->status), (long long)x->num.v,
                     a->doc.path, nb_status_name(y->status), (long long)y->num.v, b->doc.path);
    }
    int na = tu_finding_keys(a, ctx, ka, TU_MAXF), nb = tu_finding_keys(b, ctx, kb, TU_MAXF);
    if (na != nb)
        fail_msg("%s: %d findings, %s: %d", a->doc.path, na, b->doc.path, nb);
    for (int j = 0; j < na; j++)
        if (strcmp(ka[j], kb[j]))
            fail_msg("%s: finding \"%s\", %s: \"%s\"", a->doc.path, ka[j], b->doc.path, kb[j]);
}

#endif
