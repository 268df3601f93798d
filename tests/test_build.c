/* test_build.c — the document builder of structured sources: paragraphs
 * and tables become text lines, tables become grids whose cells point at
 * their text, merged cells are laid out once, invalid bytes are replaced. */
#include "testutil.h"
#include "model/grid.h"
#include "read/build.h"

static void cell_text(const nb_doc *d, const nb_gcell *c, char *out, size_t cap)
{
    snprintf(out, cap, "%.*s", (int)c->len, d->text + c->off);
}

static void test_paragraphs_and_a_merged_table(void **state)
{
    (void)state;
    nb_docb b;
    nb_docb_init(&b);
    assert_int_equal(nb_docb_para(&b, "一、总体情况", strlen("一、总体情况"), 1), 0);
    assert_int_equal(nb_docb_table_begin(&b, 3, 3), 0);
    assert_int_equal(nb_docb_cell(&b, 0, 0, 2, 1, "三、本年度办理结果", strlen("三、本年度办理结果"), 1), 0);
    assert_int_equal(nb_docb_cell(&b, 0, 1, 1, 1, "（一）予以公开", strlen("（一）予以公开"), 1), 0);
    assert_int_equal(nb_docb_cell(&b, 0, 2, 1, 1, "12", 2, 1), 0);
    assert_int_equal(nb_docb_cell(&b, 1, 1, 1, 1, "（二）部分公开", strlen("（二）部分公开"), 2), 0);
    assert_int_equal(nb_docb_cell(&b, 1, 2, 1, 1, "", 0, 2), 0);
    assert_int_equal(nb_docb_cell(&b, 2, 0, 1, 3, "四、结转\n下年度", strlen("四、结转\n下年度"), 2), 0);
    assert_int_equal(nb_docb_cell(&b, 2, 1, 1, 1, "x", 1, 2), -1); /* covered already */
    assert_int_equal(nb_docb_table_end(&b), 0);
    assert_int_equal(nb_docb_para(&b, "bad \xff byte", 10, 2), 0);
    nb_doc d;
    nb_err e;
    assert_int_equal(nb_docb_finish(&b, &d, "t.docx", NB_KIND_DOCX, NB_LANG_EN, &e), 0);
    assert_int_equal(d.kind, NB_KIND_DOCX);
    assert_int_equal(d.ngrids, 1);
    assert_int_equal(d.nlines, 5);
    const nb_grid *g = &d.grids[0];
    assert_int_equal(g->nrows, 3);
    assert_int_equal(g->ncols, 3);
    char t[128];
    cell_text(&d, nb_grid_at(g, 1, 0), t, sizeof t);
    assert_string_equal(t, "三、本年度办理结果"); /* the merged cell covers row 1 too */
    cell_text(&d, nb_grid_at(g, 0, 2), t, sizeof t);
    assert_string_equal(t, "12");
    assert_int_equal(nb_grid_at(g, 1, 2)->len, 0);
    cell_text(&d, nb_grid_at(g, 2, 1), t, sizeof t);
    assert_string_equal(t, "四、结转 下年度");
    assert_int_equal(nb_doc_locate(&d, nb_grid_at(g, 0, 2)->off).line, 2);
    assert_int_equal(nb_doc_locate(&d, nb_grid_at(g, 1, 1)->off).line, 3);
    assert_int_equal(d.line_page[0], 1);
    assert_int_equal(d.line_page[2], 2);
    /* the second table line: the merged cell's slot is blank, marks stay */
    size_t s, en;
    nb_doc_line(&d, 2, &s, &en);
    snprintf(t, sizeof t, "%.*s", (int)(en - s), d.text + s);
    assert_non_null(strstr(t, NB_COLMARK "                    " NB_COLMARK " （二）部分公开"));
    assert_non_null(strstr(d.text, "bad \xef\xbf\xbd byte"));
    nb_doc_free(&d);
}

static void test_an_empty_table_leaves_nothing(void **state)
{
    (void)state;
    nb_docb b;
    nb_docb_init(&b);
    assert_int_equal(nb_docb_table_begin(&b, 2, 2), 0);
    assert_int_equal(nb_docb_cell(&b, 0, 0, 1, 1, " ", 1, 0), 0);
    assert_int_equal(nb_docb_table_end(&b), 0);
    nb_doc d;
    nb_err e;
    assert_int_equal(nb_docb_finish(&b, &d, "t.html", NB_KIND_HTML, NB_LANG_EN, &e), 0);
    assert_int_equal(d.ngrids, 0);
    assert_int_equal(d.len, 0);
    assert_null(d.line_page);
    nb_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraphs_and_a_merged_table),
        cmocka_unit_test(test_an_empty_table_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
