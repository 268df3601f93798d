/* test_grid.c — the extractor's grid path on grids built here (tu_tables.h)
 * as the structured readers build theirs: the template's tables, and T2 as
 * four tables, T3 over two grids (with and without its label columns),
 * chrome tables first, a 2019 T2, an extra 小计 column, a sliver column in
 * T4, T4 transposed (its headers also shortened: 维持 for 结果维持), a
 * table without rules whose labels wrap onto rows of their own, labels and
 * headers that deviate, a label shortened (（二）部分公开),
 * rows left out, a short row, a table typed as text. Every cell holds a
 * value of its own, so each is checked under its ID. */
#include "tu_tables.h"

static nb_ctx g_ctx;

#define ALL (1u << NB_T2 | 1u << NB_T3 | 1u << NB_T4)

/* Every cell of `tables` holds its own value (or is blank), read from a
 * grid; how many were checked. */
static int cells_right(const nb_report *r, unsigned tables)
{
    int n = 0;
    for (int ci = 0; ci < r->ncells; ci++) {
        int row, col;
        nb_schema_cell_pos(r->schema, ci, &row, &col);
        if (!(tables & 1u << r->schema->rows[row].table))
            continue;
        const nb_cell *c = &r->cells[ci];
        char id[96], raw[64];
        nb_schema_cell_id(r->schema, ci, id, sizeof id);
        snprintf(raw, sizeof raw, "%.*s", (int)c->len, r->doc.text + c->off);
        if (tu_blank(ci) ? c->status != NB_ST_BLANK || c->len
                         : c->status != NB_ST_NUMBER || tu_cell_value(c) != ci + 1 || atoi(raw) != ci + 1)
            fail_msg("%s: expected %d, got %s \"%s\"", id, tu_blank(ci) ? -1 : ci + 1, nb_status_name(c->status), raw);
        if (!c->table || !c->grid_row || !c->grid_col)
            fail_msg("%s: not read from a grid", id);
        n++;
    }
    return n;
}

static int ncells_of(const nb_schema *s, unsigned tables)
{
    int n = 0;
    for (int k = 0; k < s->nrows; k++)
        if (tables & 1u << s->rows[k].table)
            n += s->rows[k].ncols;
    return n;
}

/* The same document read as text (its tables as the lines they are shown
 * as, the text path) gives the same cells and findings. */
static void same_as_text(const nb_report *r)
{
    nb_report t;
    tu_report_bytes(&t, &g_ctx, "twin.txt", r->doc.text, r->doc.len);
    assert_int_equal(t.doc.ngrids, 0);
    tu_same_reading(r, &t, &g_ctx);
    nb_report_free(&t);
}

static int count_rule(const nb_findings *f, nb_rule_id rule)
{
    int n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += f->v[i].rule == rule;
    return n;
}

static void test_template(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){0});
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(r.nlabels, 0);
    const nb_cell *c = nb_report_cell(&r, "t3.new.natural");
    assert_int_equal(c->table, 2);
    assert_int_equal(c->grid_row, 4);
    assert_int_equal(c->grid_col, 4);
    c = nb_report_cell(&r, "t4.suit_after.total");
    assert_int_equal(c->table, 3);
    assert_int_equal(c->grid_col, 15);
    /* a blank is a zero-length span at its slot, after the column mark */
    c = &r.cells[5];
    assert_int_equal(c->status, NB_ST_BLANK);
    assert_memory_equal(r.doc.text + c->off - 4, NB_COLMARK " ", 4);
    same_as_text(&r);
    nb_report_free(&r);
}

static void test_t2_as_four_tables(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t2_split = 1});
    assert_int_equal(r.doc.ngrids, 6);
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(nb_report_cell(&r, "t2.fees.amount")->table, 4);
    nb_report_free(&r);
}

static void test_t3_over_two_grids(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t3 = {.split = 15}});
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(nb_report_cell(&r, "t3.unable.none.total")->table, 3);
    nb_report_free(&r);
    /* the second grid without the 三、 column: columns matched by order */
    tu_report(&r, &g_ctx, &(tu_layout){.t3 = {.split = 10, .narrow = 1}});
    assert_int_equal(r.doc.grids[2].ncols, 9);
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(nb_report_cell(&r, "t3.total.legal")->grid_col, 7);
    nb_report_free(&r);
}

static void test_chrome_tables_first(void **state)
{
    (void)state;
    tu_b t;
    nb_docb_init(&t.b);
    t.s = nb_schema_for(2021);
    t.page = 0;
    tu_table(&t, 1, 5); /* the site's navigation, a visitor count in it */
    static const char *const nav[] = {"首页", "政务公开", "政府信息公开年报", "访问量", "12345"};
    for (int i = 0; i < 5; i++)
        tu_c(&t, 0, i, 1, 1, nav[i]);
    tu_table_end(&t);
    tu_table(&t, 2, 4); /* the metadata table */
    static const char *const meta[] = {"索引号", "（示例）", "发布机构", "某某县测试局", "发布日期", "2024-01-20", "文号", ""};
    for (int i = 0; i < 8; i++)
        tu_c(&t, i / 4, i % 4, 1, 1, meta[i]);
    tu_table_end(&t);
    tu_p(&t, "某某县测试局2023年政府信息公开工作年度报告");
    tu_p(&t, "一、总体情况");
    tu_p(&t, "本局做好政府信息公开工作。");
    tu_heading(&t, NB_SEC_ACTIVE);
    tu_t2(&t, tu_t2_2021, 4, 0);
    tu_heading(&t, NB_SEC_REQUESTS);
    tu_t3opt o = {0};
    tu_t3(&t, &o);
    tu_heading(&t, NB_SEC_REVIEW);
    tu_t4(&t);
    nb_report r;
    tu_end(&t, &r, &g_ctx, NB_KIND_HTML);
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(nb_report_cell(&r, "t2.regulation.issued")->table, 3);
    nb_report_free(&r);
}

static void test_2019_format(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.format = 2019, .t2_split = 1});
    assert_int_equal(r.format, 2019);
    int n = ncells_of(r.schema, ALL);
    assert_int_equal(cells_right(&r, ALL), n);
    assert_int_equal(cells_right(&r, 1u << NB_T2), 22);
    nb_report_free(&r);
}

static void test_subtotal_column(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t3 = {.subtotal = 1}});
    assert_int_equal(r.doc.grids[1].ncols, 11);
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(nb_report_cell(&r, "t3.new.total")->grid_col, 11);
    assert_int_equal(r.nextras, 1); /* the 小计 column, beyond the template */
    assert_true(r.extras[0].column && r.extras[0].table == NB_T3);
    assert_memory_equal(r.doc.text + r.extras[0].off, "小计", r.extras[0].len);
    nb_findings f = {0};
    nb_err e;
    assert_int_equal(nb_check(&r, &g_ctx, &f, &e), 0);
    assert_int_equal(count_rule(&f, NB_RULE_STRUCT_EXTRA), 1);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void t4_sliver(tu_b *t)
{
    tu_t4_grid(t, 1);
}

/* T4 as three labelled rows of five under the headers heads. */
static void t4_rows_of_five(tu_b *t, const char *const *heads)
{
    tu_table(t, 4, 6);
    tu_c(t, 0, 0, 1, 1, "项目");
    for (int k = 0; k < 5; k++)
        tu_c(t, 0, 1 + k, 1, 1, heads[k]);
    static const char *const labels[] = {"行政复议", "未经复议直接起诉", "复议后起诉"};
    for (int g = 0; g < 3; g++) {
        tu_c(t, 1 + g, 0, 1, 1, labels[g]);
        for (int k = 0; k < 5; k++)
            tu_v(t, 1 + g, 1 + k, 1, tu_t4_row[g], tu_t4_key[k]);
    }
    tu_table_end(t);
}

static void t4_transposed(tu_b *t)
{
    t4_rows_of_five(t, tu_t4_res);
}

/* The result headers shortened as bodies write them: 维持 for 结果维持. */
static void t4_shortened(tu_b *t)
{
    static const char *const heads[] = {"维持", "纠正", "其他", "尚未审结", "总计"};
    t4_rows_of_five(t, heads);
}

static void test_t4_sliver_and_transposed(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t4 = t4_sliver, .kind = NB_KIND_PDF});
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(nb_report_cell(&r, "t4.suit_direct.upheld")->grid_col, 6);
    nb_report_free(&r);
    tu_report(&r, &g_ctx, &(tu_layout){.t4 = t4_transposed, .kind = NB_KIND_PDF});
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(nb_report_cell(&r, "t4.suit_after.pending")->grid_row, 4);
    nb_report_free(&r);
    tu_report(&r, &g_ctx, &(tu_layout){.t4 = t4_shortened, .kind = NB_KIND_PDF});
    assert_int_equal(cells_right(&r, ALL), 200);
    nb_report_free(&r);
}

/* T3 as a table without rules reads: one header row, the group headings
 * on rows of their own, three labels wrapped onto a row above or below
 * the row of values (empty cells beside the fragment). */
static void t3_unruled(tu_b *t)
{
    static const char *const head[] = {"项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
    static const struct { const char *id, *before, *label, *after; } wrap[] = {
        {"t3.partial", "（二）部分公开（区分处理的，只", "计这一情形，不计其他情形）", NULL},
        {"t3.refuse.confirm", "5.要求行政机关确认或重新", "出具已获取信息", NULL},
        {"t3.other.no_fee", NULL, "2.申请人逾期未按收费通知要求缴纳费用、", "行政机关不再处理其政府信息公开申请"}};
    int rows[40], n = 0, r = 0;
    tu_t3opt o = {0};
    n = tu_t3_rows(t, &o, rows);
    tu_table(t, 1 + n + 3 + 5, 8);
    for (int c = 0; c < 8; c++)
        tu_c(t, r, c, 1, 1, head[c]);
    r++;
    for (int i = 0; i < n; i++) {
        const nb_row *rw = &t->s->rows[rows[i]];
        const char *grp = tu_t3_grp(t, rows, i), *label = rw->label, *after = NULL;
        if (!strcmp(rw->id, "t3.granted"))
            tu_c(t, r++, 0, 1, 1, "三、本年度办理结果");
        if (grp && (i == 0 || tu_t3_grp(t, rows, i - 1) != grp))
            tu_c(t, r++, 0, 1, 1, grp);
        for (int w = 0; w < 3; w++)
            if (!strcmp(rw->id, wrap[w].id)) {
                if (wrap[w].before)
                    tu_c(t, r++, 0, 1, 1, wrap[w].before);
                label = wrap[w].label;
                after = wrap[w].after;
            }
        tu_c(t, r, 0, 1, 1, label);
        for (int k = 0; k < 7; k++)
            tu_v(t, r, 1 + k, 1, rw->id, rw->cols[k].key);
        r++;
        if (after)
            tu_c(t, r++, 0, 1, 1, after);
    }
    tu_table_end(t);
}

static void test_wrapped_labels_folded(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t3f = t3_unruled, .kind = NB_KIND_PDF});
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(r.nlabels, 0); /* the folded labels are the standard ones */
    nb_report_free(&r);
}

static void t2_deviating(tu_b *t)
{
    tu_sub t2[4];
    memcpy(t2, tu_t2_2021, sizeof t2);
    t2[0].label[1] = "规范性文件";
    tu_t2(t, t2, 4, 0);
}

static void test_deviating_labels(void **state)
{
    (void)state;
    nb_report r;
    tu_layout L = {.t2 = t2_deviating,
                   .t3 = {.commercial = "商业类企业", .row_id = "t3.deny.secret", .row_label = "1.属于国家秘密事项"}};
    tu_report(&r, &g_ctx, &L);
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(r.nlabels, 3);
    assert_string_equal(r.labels[0].id, "t2.normative");
    assert_string_equal(r.labels[0].found, "规范性文件");
    assert_string_equal(r.labels[1].id, "t3.deny.secret");
    assert_string_equal(r.labels[1].found, "1.属于国家秘密事项");
    assert_string_equal(r.labels[2].id, "t3.*.commercial");
    assert_string_equal(r.labels[2].found, "商业类企业");
    assert_string_equal(r.labels[2].standard, "商业企业");
    nb_findings f = {0};
    nb_err e;
    assert_int_equal(nb_check(&r, &g_ctx, &f, &e), 0);
    assert_int_equal(count_rule(&f, NB_RULE_LABEL_DEVIATES), 3);
    nb_findings_free(&f);
    same_as_text(&r);
    nb_report_free(&r);
}

/* （二）部分公开 without its remark in brackets, as bodies shorten it: the
 * row is read (not 三、本年度办理结果 beside it, nor missing), its wording
 * said to deviate. */
static void test_shortened_label(void **state)
{
    (void)state;
    nb_report r;
    tu_layout L = {.t3 = {.row_id = "t3.partial", .row_label = "（二）部分公开"}};
    tu_report(&r, &g_ctx, &L);
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(r.nlabels, 1);
    assert_string_equal(r.labels[0].id, "t3.partial");
    assert_string_equal(r.labels[0].found, "（二）部分公开");
    nb_findings f = {0};
    nb_err e;
    assert_int_equal(nb_check(&r, &g_ctx, &f, &e), 0);
    int deviates = count_rule(&f, NB_RULE_LABEL_DEVIATES), missing = count_rule(&f, NB_RULE_STRUCT_MISSING);
    nb_findings_free(&f);
    assert_int_equal(deviates, 1);
    assert_int_equal(missing, 0);
    same_as_text(&r);
    nb_report_free(&r);
}

/* T2 without (八), T3 without the (六) rows, 行政规范性文件's row short
 * of its last cell: the rows are missing, the short cell blank. */
static void t2_short(tu_b *t)
{
    tu_table(t, 4, 4);
    tu_c(t, 0, 0, 1, 4, "第二十条第（一）项");
    static const char *const head[] = {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"};
    for (int c = 0; c < 4; c++)
        tu_c(t, 1, c, 1, 1, head[c]);
    tu_c(t, 2, 0, 1, 1, "规章");
    tu_c(t, 3, 0, 1, 1, "行政规范性文件");
    for (int c = 0; c < 3; c++)
        tu_v(t, 2, 1 + c, 1, "t2.regulation", t->s->rows[0].cols[c].key);
    tu_v(t, 3, 1, 1, "t2.normative", "issued");
    tu_v(t, 3, 2, 1, "t2.normative", "repealed");
    tu_table_end(t);
    tu_t2(t, tu_t2_2021 + 1, 2, 0);
}

static void test_missing_rows_and_a_short_row(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t2 = t2_short, .t3 = {.drop = "t3.other."}});
    const nb_cell *c = nb_report_cell(&r, "t2.normative.in_force");
    assert_int_equal(c->status, NB_ST_BLANK);
    assert_int_equal(c->len, 0);
    assert_int_equal(c->grid_col, 4);
    assert_memory_equal(r.doc.text + c->off - 4, NB_COLMARK " ", 4);
    assert_int_equal(nb_report_cell(&r, "t2.fees.amount")->status, NB_ST_MISSING);
    assert_int_equal(nb_report_cell(&r, "t3.other.other.total")->status, NB_ST_MISSING);
    assert_int_equal(cells_right(&r, 1u << NB_T4), 15);
    nb_findings f = {0};
    nb_err e;
    if (nb_check(&r, &g_ctx, &f, &e) != 0)
        fail_msg("%s", e.msg);
    int rows = 0;
    for (size_t i = 0; i < f.n; i++)
        if (f.v[i].rule == NB_RULE_STRUCT_MISSING)
            rows++;
    assert_int_equal(rows, 4); /* t2.fees and the three (六) rows */
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* T4 typed as a line of fifteen numbers: that table is read from the text,
 * the others from their grids; the pages of a PDF's cells kept. */
static void t3_on_page_3(tu_b *t)
{
    t->page = 3;
    tu_t3(t, &(tu_t3opt){0});
}

static void t4_as_text(tu_b *t)
{
    tu_p(t, "181 182 183 184 185 186 187 188 189 190 191 192 193 194 195");
}

static void test_a_table_typed_as_text(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t3f = t3_on_page_3, .t4 = t4_as_text, .kind = NB_KIND_PDF});
    assert_int_equal(cells_right(&r, 1u << NB_T2 | 1u << NB_T3), 185);
    assert_int_equal(nb_report_cell(&r, "t3.new.natural")->page, 3);
    const nb_cell *c = nb_report_cell(&r, "t4.suit_after.total");
    assert_int_equal(c->status, NB_ST_NUMBER);
    assert_int_equal(c->num.v, 195);
    assert_int_equal(c->table, 0); /* from the text */
    nb_report_free(&r);
}

/* T3 under headers that name no column: read from its text lines, in order. */
static void t3_unknown_headers(tu_b *t)
{
    int rows[40];
    tu_t3opt o = {0};
    int n = tu_t3_rows(t, &o, rows);
    tu_table(t, 1 + n, 8);
    static const char *const head[] = {"项目", "甲", "乙", "丙", "丁", "戊", "己", "庚"};
    for (int c = 0; c < 8; c++)
        tu_c(t, 0, c, 1, 1, head[c]);
    for (int i = 0; i < n; i++) {
        const nb_row *rw = &t->s->rows[rows[i]];
        tu_c(t, 1 + i, 0, 1, 1, rw->label);
        for (int k = 0; k < 7; k++)
            tu_v(t, 1 + i, 1 + k, 1, rw->id, rw->cols[k].key);
    }
    tu_table_end(t);
}

static void test_headers_naming_no_column(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t3f = t3_unknown_headers});
    assert_int_equal(cells_right(&r, 1u << NB_T2 | 1u << NB_T4), 25);
    /* the text reads every row by its label, each value in order (a row
     * whose own values do not add up may stay unread: these are no sums) */
    int read = 0, first = nb_schema_find_cell(r.schema, "t3.new.natural");
    for (int ci = first; ci < first + 175; ci++) {
        const nb_cell *c = &r.cells[ci];
        assert_int_equal(c->table, 0);
        assert_int_not_equal(c->status, NB_ST_MISSING);
        read += c->status == NB_ST_NUMBER ? c->num.v == ci + 1 : c->status == NB_ST_BLANK && tu_blank(ci);
    }
    assert_true(read >= 150);
    assert_int_equal(r.nlabels, 0);
    nb_report_free(&r);
}

/* A 2021 T2 that keeps the 2019 layout's 政府集中采购 sub-table. */
static void t2_with_procurement(tu_b *t)
{
    tu_t2(t, tu_t2_2021, 4, 0);
    tu_table(t, 3, 4);
    tu_c(t, 0, 0, 1, 4, "第二十条第（九）项");
    tu_c(t, 1, 0, 1, 1, "信息内容");
    tu_c(t, 1, 1, 1, 1, "采购项目数量");
    tu_c(t, 1, 2, 1, 2, "采购总金额");
    tu_c(t, 2, 0, 1, 1, "政府集中采购");
    tu_c(t, 2, 1, 1, 1, "3");
    tu_c(t, 2, 2, 1, 2, "12.5");
    tu_table_end(t);
}

static void test_rows_beyond_the_template(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.t2 = t2_with_procurement});
    assert_int_equal(cells_right(&r, ALL), 200);
    assert_int_equal(r.nextras, 1);
    assert_int_equal(r.extras[0].old_row, 1);
    assert_int_equal(r.extras[0].table, NB_T2);
    assert_memory_equal(r.doc.text + r.extras[0].off, "政府集中采购", r.extras[0].len);
    same_as_text(&r);
    nb_report_free(&r);
}

/* A 2021 report whose T3 keeps （六）其他处理 in one row: read in that
 * variant, its cells t3.other.*. */
static void test_one_other_row(void **state)
{
    (void)state;
    nb_report r;
    tu_report(&r, &g_ctx, &(tu_layout){.variant = NB_VARIANT_ONE_OTHER});
    assert_int_equal(r.schema->variant, NB_VARIANT_ONE_OTHER);
    assert_int_equal(cells_right(&r, ALL), ncells_of(r.schema, ALL));
    assert_int_equal(nb_report_cell(&r, "t3.other.total")->grid_col, 10);
    assert_int_equal(r.nextras, 1);
    assert_int_equal(r.extras[0].old_row, 3);
    same_as_text(&r);
    nb_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template),
        cmocka_unit_test(test_t2_as_four_tables),
        cmocka_unit_test(test_t3_over_two_grids),
        cmocka_unit_test(test_chrome_tables_first),
        cmocka_unit_test(test_2019_format),
        cmocka_unit_test(test_subtotal_column),
        cmocka_unit_test(test_t4_sliver_and_transposed),
        cmocka_unit_test(test_wrapped_labels_folded),
        cmocka_unit_test(test_deviating_labels),
        cmocka_unit_test(test_shortened_label),
        cmocka_unit_test(test_missing_rows_and_a_short_row),
        cmocka_unit_test(test_a_table_typed_as_text),
        cmocka_unit_test(test_headers_naming_no_column),
        cmocka_unit_test(test_rows_beyond_the_template),
        cmocka_unit_test(test_one_other_row),
    };
    return TU_RUN("grid", tests, &g_ctx, NULL, NULL);
}
