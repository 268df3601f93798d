/* test_formats.c — the structured readers' grids: the official template
 * filled with real figures as .docx, .html, GBK .html and .doc, and the
 * corpus' two reports in each format, come out as the same grids with the
 * template's merged cells, as does the .docx whose document part is
 * word/document2.xml; the small hand-made documents show fields,
 * breaks, revisions, hidden text, content controls, gridBefore, a table
 * split by hand under its pasted header rows, frames (layout tables) around
 * paragraphs and tables, content controls showing their placeholder,
 * fields inside fields, deleted paragraph marks, a figure's unit on a
 * line of its own, alternate content, pictures, rowspan="0", a sliver
 * column, chrome and layout tables, and a data table whose note is written
 * a line a paragraph. */
#include "tu_formats.h"

#define DATA "tests/data/formats"

/* The template's tables: T2 14×4, T3 28×10, T4 4×15 (grid numbers from
 * first, where a page puts a table of its own before the report's). */
static void template_shape(const nb_doc *d, int first)
{
    assert_int_equal(d->ngrids, first + 3);
    const nb_grid *t2 = &d->grids[first], *t3 = &d->grids[first + 1], *t4 = &d->grids[first + 2];
    assert_int_equal(t2->nrows, 14);
    assert_int_equal(t2->ncols, 4);
    assert_int_equal(t3->nrows, 28);
    assert_int_equal(t3->ncols, 10);
    assert_int_equal(t4->nrows, 4);
    assert_int_equal(t4->ncols, 15);
    const nb_gcell *note = tu_gcell(d, first + 1, 2, 2);
    assert_true(note->row == 0 && note->col == 0 && note->rowspan == 3 && note->colspan == 3);
    assert_true(strncmp(d->text + note->off, "（本列数据的勾稽关系", strlen("（本列数据的勾稽关系")) == 0);
    assert_string_equal(tu_gtext(d, first + 1, 26, 0), "三、本年度办理结果");
    assert_int_equal(tu_gcell(d, first + 1, 26, 0)->rowspan, 22);
    static const struct { int row, span; const char *label; } groups[] = {
        {7, 8, "（三）不予公开"}, {15, 3, "（四）无法提供"}, {18, 5, "（五）不予处理"}, {23, 3, "（六）其他处理"}};
    for (int i = 0; i < 4; i++) {
        const nb_gcell *g = tu_gcell(d, first + 1, groups[i].row, 1);
        assert_int_equal(g->row, groups[i].row);
        assert_int_equal(g->rowspan, groups[i].span);
        assert_string_equal(tu_gtext(d, first + 1, groups[i].row, 1), groups[i].label);
    }
    assert_int_equal(tu_gcell(d, first + 2, 0, 14)->colspan, 10); /* 行政诉讼 over ten columns */
    assert_string_equal(tu_gtext(d, first + 2, 0, 14), "行政诉讼");
    assert_int_equal(tu_gcell(d, first, 6, 3)->colspan, 3);       /* 行政许可's one value */
}

static void test_docx_template(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/pingtan2022.docx");
    assert_int_equal(d.kind, NB_KIND_DOCX);
    assert_int_equal(d.file_size, 18634);
    template_shape(&d, 0);
    assert_string_equal(tu_gtext(&d, 1, 2, 4), "商业 企业"); /* a soft break in the cell */
    assert_string_equal(tu_gtext(&d, 1, 3, 3), "71");
    assert_string_equal(tu_gtext(&d, 1, 3, 9), "74");
    assert_int_equal(tu_gcell(&d, 1, 3, 9)->src_count, 2);    /* typed in two runs: "7", "4" */
    assert_int_equal(tu_gcell(&d, 1, 3, 4)->src_count, 1);
    assert_int_equal(tu_gcell(&d, 1, 27, 9)->src_count, 1);
    assert_string_equal(tu_gtext(&d, 0, 13, 2), "9116.36");
    assert_string_equal(tu_gtext(&d, 2, 3, 14), "0");
    /* every cell knows its w:tc, in document order; the grid knows its table */
    for (int g = 0; g < d.ngrids; g++) {
        assert_int_equal(d.grids[g].table_no, g + 1);
        for (int k = 1; k < d.grids[g].ncells; k++)
            assert_true(d.grids[g].cells[k].src_tc > d.grids[g].cells[k - 1].src_tc);
    }
    /* a cell's text is where the console shows it: on its grid row's line */
    const nb_gcell *c = tu_gcell(&d, 1, 3, 3);
    size_t s, e;
    nb_doc_line(&d, nb_doc_line_of(&d, c->off), &s, &e);
    assert_non_null(nb_find(d.text + s, e - s, "一、本年新收政府信息公开申请数量", strlen("一、本年新收政府信息公开申请数量")));
    assert_non_null(strstr(d.text, "平潭综合实验区2022年度政府信息公开工作年度报告\n"));
    assert_null(d.line_page);
    nb_doc_free(&d);
}

/* Word Online's package (its document part word/document2.xml, named by
 * _rels/.rels) reads as the same package with word/document.xml. */
static void test_docx_document2(void **state)
{
    (void)state;
    nb_doc a, b;
    tu_doc(&a, DATA "/pingtan2022.docx");
    tu_doc(&b, DATA "/document2.docx");
    assert_int_equal(b.kind, NB_KIND_DOCX);
    assert_int_equal(a.ngrids, b.ngrids);
    for (int g = 0; g < a.ngrids; g++)
        tu_grids_agree(&a, g, &b, g);
    assert_string_equal(a.text, b.text);
    nb_doc_free(&a);
    nb_doc_free(&b);
}

static void test_docx_features(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/features.docx");
    assert_non_null(strstr(d.text, "\n日期：2023年2月20日，共3页\n"));     /* fields' results, not codes */
    assert_non_null(strstr(d.text, "\n行政复议  2件\n行政诉讼1件（均已结案）甲\n")); /* tab, break, revisions */
    assert_null(strstr(d.text, "NUMPAGES"));
    assert_null(strstr(d.text, "删除"));
    assert_null(strstr(d.text, "甲甲")); /* alternate content once */
    assert_int_equal(d.ngrids, 1);
    const nb_grid *g = &d.grids[0];
    assert_int_equal(g->nrows, 4);
    assert_int_equal(g->ncols, 4);
    assert_null(nb_grid_at(g, 0, 0)); /* gridBefore */
    assert_null(nb_grid_at(g, 3, 1));
    assert_string_equal(tu_gtext(&d, 0, 0, 3), "行政复议");
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->colspan, 3);
    assert_int_equal(tu_gcell(&d, 0, 2, 0)->rowspan, 2);      /* vMerge restart, then continue */
    assert_string_equal(tu_gtext(&d, 0, 2, 0), "四");
    assert_string_equal(tu_gtext(&d, 0, 1, 1), "结果 纠正");
    assert_string_equal(tu_gtext(&d, 0, 1, 2), "其他结果");
    assert_int_equal(tu_gcell(&d, 0, 1, 2)->src_count, 2);
    assert_string_equal(tu_gtext(&d, 0, 2, 2), "1");           /* a cell in a content control */
    assert_string_equal(tu_gtext(&d, 0, 3, 3), "合计");
    assert_int_equal(tu_gcell(&d, 0, 3, 2)->colspan, 2);
    /* ordinals of the runs: the title, the fields' and paragraphs' runs come first */
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_first, 12);
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_tc, 1);
    assert_int_equal(tu_gcell(&d, 0, 2, 1)->src_tc, 7); /* the merged-on w:tc is the 6th */
    nb_doc_free(&d);
}

/* Hidden text (w:vanish) is left out as Word leaves it out of the page:
 * in paragraphs and cells; a cell's runs for a correction start at its
 * first shown one; a vanish turned off, or on a paragraph mark, hides
 * nothing. */
static void test_docx_hidden(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/hidden.docx");
    assert_non_null(strstr(d.text, "行政许可4529件\n"));
    assert_null(strstr(d.text, "旧稿"));
    assert_non_null(strstr(d.text, "\n段落标记隐藏\n"));
    assert_int_equal(d.ngrids, 1);
    assert_string_equal(tu_gtext(&d, 0, 0, 1), "4529");
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_first, 6); /* not the hidden 4528 (5) */
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_count, 1);
    assert_string_equal(tu_gtext(&d, 0, 0, 2), "");        /* only a hidden 0 */
    assert_int_equal(tu_gcell(&d, 0, 0, 2)->src_count, 0);
    assert_string_equal(tu_gtext(&d, 0, 1, 1), "65");      /* w:val="0" shows */
    assert_int_equal(tu_gcell(&d, 0, 1, 1)->src_first, 9);
    assert_int_equal(tu_gcell(&d, 0, 1, 1)->src_count, 2);
    assert_string_equal(tu_gtext(&d, 0, 1, 2), "");        /* w:val="true" among other properties */
    nb_doc_free(&d);
}

/* A table split by hand, its header rows pasted above the second part:
 * the vMerge continue under the two-column header cell starts a cell of
 * its own (Word merges no cells of different widths), so the second part's
 * rows keep their columns, as the first part's do. */
static void test_docx_split_table(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/split_table.docx");
    assert_int_equal(d.ngrids, 2);
    static const char *const rows[2][2][3] = {{{"（一）予以公开", "5", "6"}, {"（二）部分公开", "7", "8"}},
                                              {{"（三）不予公开", "9", "10"}, {"（四）无法提供", "11", "12"}}};
    for (int g = 0; g < 2; g++) {
        assert_int_equal(d.grids[g].nrows, 3);
        assert_int_equal(d.grids[g].ncols, 4);
        assert_string_equal(tu_gtext(&d, g, 0, 1), "项目");
        assert_int_equal(tu_gcell(&d, g, 0, 0)->colspan, 2);
        assert_int_equal(tu_gcell(&d, g, 0, 0)->rowspan, 1);
        const nb_gcell *side = tu_gcell(&d, g, 1, 0);
        assert_true(side->row == 1 && side->rowspan == 2 && side->colspan == 1);
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 3; c++)
                assert_string_equal(tu_gtext(&d, g, 1 + r, 1 + c), rows[g][r][c]);
    }
    assert_string_equal(tu_gtext(&d, 0, 1, 0), "本年度办理结果");
    assert_string_equal(tu_gtext(&d, 1, 1, 0), "");
    nb_doc_free(&d);
}

/* Frames (layout tables of one cell a row holding a table) are read as if
 * not there: their paragraphs are lines, the tables in them grids, also in
 * a frame inside a frame; a row of two cells, one holding a table, is still
 * a grid with that table as text. */
static void test_docx_frames(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/frames.docx");
    assert_non_null(strstr(d.text, "年度报告\n一、总体情况\n本年度共收到申请26件。\n"));
    assert_non_null(strstr(d.text, "\n（表后说明）\n四、行政复议情况\n"));
    assert_int_equal(d.ngrids, 3);
    static const char *const cells[2][2][2] = {{{"行政许可", "4529"}, {"行政处罚", "1100"}},
                                               {{"维持", "纠正"}, {"3", "1"}}};
    for (int g = 0; g < 2; g++) {
        assert_true(d.grids[g].nrows == 2 && d.grids[g].ncols == 2);
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++)
                assert_string_equal(tu_gtext(&d, g, r, c), cells[g][r][c]);
    }
    assert_int_equal(tu_gcell(&d, 0, 0, 0)->src_tc, 2); /* the frame's w:tc is the first */
    assert_int_equal(tu_gcell(&d, 1, 1, 1)->src_tc, 12); /* after 6, 7, 8 of the frames */
    assert_true(d.grids[2].nrows == 1 && d.grids[2].ncols == 2);
    assert_string_equal(tu_gtext(&d, 2, 0, 1), "甲 乙");
    nb_doc_free(&d);
}

/* A content control showing its placeholder is not filled in: its prompt
 * is left out, in a paragraph and in a cell (the cell blank, the prompt's
 * run its run); a control filled in, or whose showingPlcHdr is off, shows
 * its text. */
static void test_docx_placeholder(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/placeholder.docx");
    assert_null(strstr(d.text, "单击此处"));
    assert_non_null(strstr(d.text, "收费情况：\n"));
    assert_int_equal(d.ngrids, 1);
    assert_true(d.grids[0].nrows == 1 && d.grids[0].ncols == 5);
    static const char *const cells[5] = {"行政许可", "", "", "12", "7"};
    for (int c = 0; c < 5; c++)
        assert_string_equal(tu_gtext(&d, 0, 0, c), cells[c]);
    for (int c = 1; c < 4; c++) /* the prompt's run is the cell's, for a correction */
        assert_int_equal(tu_gcell(&d, 0, 0, c)->src_count, 1);
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_first, 3);
    nb_doc_free(&d);
}

/* A field inside another's code: only the outer field's result is shown,
 * in a paragraph and in a cell (whose runs start at that result); a field
 * without a result shows nothing; one begun in deleted text hides nothing. */
static void test_docx_fields(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/fields.docx");
    assert_non_null(strstr(d.text, "合计218件\n页码完\n结转5\n"));
    assert_null(strstr(d.text, "217"));
    assert_int_equal(d.ngrids, 1);
    assert_string_equal(tu_gtext(&d, 0, 0, 1), "218");
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_first, 10); /* not the inner result's (9) */
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_count, 1);
    nb_doc_free(&d);
}

/* A paragraph mark deleted (or moved away) with changes tracked joins its
 * paragraph to the next: in the body, in a cell (a figure over two
 * paragraphs is one), and before a table (a line of its own); a deleted
 * run leaves its paragraph's mark alone. */
static void test_docx_deleted_mark(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/deleted_mark.docx");
    assert_non_null(strstr(d.text, "一、总体情况\n本年度收到申请26件。\n表前\n"));
    assert_int_equal(d.ngrids, 1);
    assert_string_equal(tu_gtext(&d, 0, 0, 1), "4529");
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_count, 2);
    assert_string_equal(tu_gtext(&d, 0, 1, 1), "11 件");
    nb_doc_free(&d);
}

/* A figure's unit on a line of its own under it in its cell (after a
 * break, or in a paragraph of its own, read as a space): the cell reads as
 * the figure, the unit in brackets or bare; a break inside a figure is
 * not joined (the cell is text, for a reviewer to read). */
static void test_docx_unit_line(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/unit_line.docx");
    assert_int_equal(d.ngrids, 1);
    static const struct { const char *text; long long v; int scale; nb_status st; } cells[] = {
        {"18651.06 （万元）", 1865106, 2, NB_ST_NUMBER}, {"18651.06 (万元)", 1865106, 2, NB_ST_NUMBER},
        {"217 件", 217, 0, NB_ST_NUMBER}, {"18651.06 （万元）", 1865106, 2, NB_ST_NUMBER},
        {"18651 .06", 0, 0, NB_ST_TEXT}};
    for (int k = 0; k < 5; k++) {
        const char *t = tu_gtext(&d, 0, 0, k + 1);
        assert_string_equal(t, cells[k].text);
        nb_num n = {0, 0};
        assert_int_equal(nb_parse_value(t, strlen(t), &n), cells[k].st);
        assert_true(n.v == cells[k].v && n.scale == cells[k].scale);
    }
    nb_doc_free(&d);
}

/* Alternate content reads as Word reads it: the first Choice whose
 * Requires names only namespaces of Office's, else the Fallback (an empty
 * Choice of an unknown or undeclared prefix is passed over, its text in
 * the Fallback); nothing when no part is taken; and in a cell, the figure
 * of the Fallback, its runs there. */
static void test_docx_alternate(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/alternate.docx");
    assert_non_null(strstr(d.text, "一甲\n二乙\n三丁\n四己\n五辛\n六子\n"));
    assert_int_equal(d.ngrids, 1);
    assert_string_equal(tu_gtext(&d, 0, 0, 1), "1100");
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_count, 1);
    assert_int_equal(tu_gcell(&d, 0, 0, 1)->src_first, 20); /* the Fallback's w:t, after 20 others */
    nb_doc_free(&d);
}

/* The pictures a Word document shows are counted, so that a missing table
 * may be said to be one: DrawingML's and VML's, alternate content's once,
 * a deleted run's not; a document without pictures counts none. */
static void test_docx_pictures(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/pictures.docx");
    assert_int_equal(d.ngrids, 0);
    assert_int_equal(d.nimages, 3);
    nb_doc_free(&d);
    tu_doc(&d, DATA "/pingtan2022.docx");
    assert_int_equal(d.nimages, 0);
    nb_doc_free(&d);
}

/* Every format of one report gives the docx's grids. */
static void formats_agree(const char *dir, const char *stem, int gbk_first)
{
    char name[256];
    nb_doc x;
    snprintf(name, sizeof name, "%s.docx", stem);
    tu_doc(&x, tu_path(dir, name));
    template_shape(&x, 0);
    static const char *const ext[] = {"html", "gbk.html", "doc"};
    for (int i = 0; i < 3; i++) {
        nb_doc y;
        snprintf(name, sizeof name, "%s.%s", stem, ext[i]);
        tu_doc(&y, tu_path(dir, name));
        int first = i == 1 ? gbk_first : 0;
        template_shape(&y, first);
        for (int g = 0; g < 3; g++)
            tu_grids_agree(&x, g, &y, first + g);
        assert_int_equal(y.kind, i == 2 ? NB_KIND_DOC : NB_KIND_HTML);
        nb_doc_free(&y);
    }
    nb_doc_free(&x);
}

static void test_template_formats_agree(void **state)
{
    (void)state;
    formats_agree(DATA, "pingtan2022", 0);
}

static void test_corpus_formats_agree(void **state)
{
    (void)state;
    formats_agree(tu_formats_dir(), "002", 0);
    formats_agree(tu_formats_dir(), "008", 1); /* a table of the site's own before the report */
}

static void test_html_features(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/features.html");
    assert_int_equal(d.kind, NB_KIND_HTML);
    static const char *const gone[] = {"首页", "当前位置", "主办", "脚本", "样式", "请启用", "年报"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        if (strstr(d.text, gone[i]))
            fail_msg("chrome left in the text: %s", gone[i]);
    /* the layout table is read as its content: paragraphs, two data tables */
    assert_non_null(strstr(d.text, "平潭综合实验区2022年度政府信息公开工作年度报告\n一、总体情况\n"));
    assert_non_null(strstr(d.text, "\n2022年，全区收到政府信息公开申请75件，均在法定期限内予以答复。\n"));
    assert_non_null(strstr(d.text, "\n行政复议、行政诉讼\n")); /* the caption */
    assert_int_equal(d.ngrids, 2);
    const nb_grid *t2 = &d.grids[0];
    assert_int_equal(t2->nrows, 2);
    assert_int_equal(t2->ncols, 3);
    assert_int_equal(tu_gcell(&d, 0, 1, 0)->rowspan, 2); /* rowspan="0": to the end of its tbody */
    assert_string_equal(tu_gtext(&d, 0, 1, 1), "行政强制");
    assert_string_equal(tu_gtext(&d, 0, 1, 2), "0");
    const nb_grid *t4 = &d.grids[1];
    assert_int_equal(t4->nrows, 4);
    assert_int_equal(t4->ncols, 15); /* the 16th, sliver column is gone */
    static const char *const values[15] = {"0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"};
    for (int c = 0; c < 15; c++)
        assert_string_equal(tu_gtext(&d, 1, 3, c), values[c]);
    assert_string_equal(tu_gtext(&d, 1, 2, 1), "结果 纠正"); /* <br> in a cell */
    assert_string_equal(tu_gtext(&d, 1, 2, 4), "总计");
    assert_int_equal(tu_gcell(&d, 1, 1, 4)->colspan, 1);
    assert_string_equal(tu_gtext(&d, 1, 2, 9), "总计");
    assert_int_equal(tu_gcell(&d, 1, 0, 5)->colspan, 10);
    assert_int_equal(tu_gcell(&d, 1, 3, 4)->src_tc, 0); /* no w:tc in a page */
    nb_doc_free(&d);
}

static void test_gbk_pages(void **state)
{
    (void)state;
    nb_doc d;
    tu_doc(&d, DATA "/pingtan2022.gbk.html"); /* labelled gb2312, a 〇 only GBK has */
    assert_non_null(strstr(d.text, "发布日期：二〇二三年二月二十日"));
    assert_non_null(strstr(d.text, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
    nb_doc_free(&d);
    tu_doc(&d, tu_path(tu_formats_dir(), "002.gbk.html"));
    assert_non_null(strstr(d.text, "二〇二四年一月十七日"));
    nb_doc_free(&d);
    tu_doc(&d, tu_path(tu_formats_dir(), "008.gbk.html")); /* <meta charset="GBK">, site tables first */
    assert_non_null(strstr(d.text, "平潭综合实验区2024年度政府信息公开工作年度报告"));
    assert_null(strstr(d.text, "首页")); /* the site's navigation table, its crumbs and footer */
    assert_null(strstr(d.text, "主办"));
    assert_string_equal(tu_gtext(&d, 0, 0, 0), "索引号");
    nb_doc_free(&d);
}

/* A page read from memory (a made page, named path in messages). */
static void html_doc(nb_doc *d, const char *path, const char *page, size_t n)
{
    nb_err e;
    if (nb_read_html(d, path, (const unsigned char *)page, n, NB_LANG_EN, &e) != 0)
        fail_msg("%s", e.msg);
}

#define T3_NOTE "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

/* The page with T3's note cell in k bare paragraphs, as converted pages and
 * CMS pastes put each printed line in a paragraph of its own (the note's
 * own paragraph closed before them). */
static char *note_in_paragraphs(const char *page, int k, size_t *n)
{
    static const char note[] = T3_NOTE;
    const char *at = strstr(page, note);
    assert_non_null(at);
    size_t len = strlen(note), chars = 0, cap = strlen(page) + 64 * (size_t)k + 64;
    for (size_t i = 0; i < len; chars++)
        nb_utf8_get(note, len, &i);
    char *out = malloc(cap);
    assert_non_null(out);
    size_t o = (size_t)snprintf(out, cap, "%.*s</span></font></font></font></p>", (int)(at - page), page);
    for (size_t i = 0, c = 0, part = 0; part < (size_t)k; part++) {
        size_t j = i, stop = (part + 1) * chars / (size_t)k;
        for (; c < stop; c++)
            nb_utf8_get(note, len, &j);
        o += (size_t)snprintf(out + o, cap - o, "<p>%.*s</p>", (int)(j - i), note + i);
        i = j;
    }
    o += (size_t)snprintf(out + o, cap - o, "<p><font><font><font><span>%s", at + len);
    *n = o;
    return out;
}

/* A T3 note cell of 4 to 6 bare paragraphs: the table is still a grid (a
 * note among the numbers, not a layout table), its blank cells where they
 * are; every cell reads as on the plain page, the note's lines joined. */
static void test_html_note_paragraphs(void **state)
{
    (void)state;
    nb_doc x;
    const char *path = tu_path(tu_formats_dir(), "002.html");
    tu_doc(&x, path);
    size_t n;
    char *page = tu_read(path, &n);
    assert_non_null(page);
    for (int k = 4; k <= 6; k++) {
        size_t m;
        char *v = note_in_paragraphs(page, k, &m);
        nb_doc y;
        html_doc(&y, "note.html", v, m);
        assert_int_equal(y.ngrids, x.ngrids);
        const nb_gcell *note = tu_gcell(&y, 1, 0, 0);
        assert_true(note->rowspan == 3 && note->colspan == 3);
        char joined[256];
        size_t j = 0;
        for (size_t i = 0; i < note->len && j + 1 < sizeof joined; i++)
            if (y.text[note->off + i] != '\n' && y.text[note->off + i] != ' ')
                joined[j++] = y.text[note->off + i];
        joined[j] = 0;
        assert_string_equal(joined, T3_NOTE);
        tu_grids_agree(&x, 0, &y, 0);
        tu_grids_agree(&x, 2, &y, 2);
        const nb_grid *t3 = &x.grids[1];
        assert_true(y.grids[1].nrows == t3->nrows && y.grids[1].ncols == t3->ncols);
        for (int r = 0; r < t3->nrows; r++)
            for (int c = 0; c < t3->ncols; c++) {
                const nb_gcell *p = nb_grid_at(t3, r, c), *q = nb_grid_at(&y.grids[1], r, c);
                assert_true(!p == !q);
                if (!p || q == note)
                    continue;
                if (p->row != q->row || p->col != q->col || p->rowspan != q->rowspan || p->colspan != q->colspan ||
                    p->len != q->len || memcmp(x.text + p->off, y.text + q->off, p->len) != 0)
                    fail_msg("%d paragraphs: T3 (%d, %d) is \"%.*s\", not \"%.*s\"", k, r, c, (int)q->len,
                             y.text + q->off, (int)p->len, x.text + p->off);
            }
        nb_doc_free(&y);
        free(v);
    }
    free(page);
    nb_doc_free(&x);
}

/* Tables that wrap the page are read as their content, with no table of the
 * report inside them too: a one-cell table of a heading and paragraphs, and
 * one whose row of links (many plain cells) stands over the text. */
static void test_html_layout_paragraphs(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "<html><body><table><tr><td><h1>某县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
        "<p>本年度共收到申请26件。</p><p>二、主动公开政府信息情况</p><p>见下表。</p></td></tr></table></body></html>",
        "<html><body><table><tr><td>首页</td><td>概况</td><td>新闻</td><td>公开</td><td>服务</td><td>互动</td>"
        "<td>专题</td><td>数据</td></tr><tr><td colspan=\"8\"><h1>某县2023年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>本年度共收到申请26件。</p><p>二、主动公开政府信息情况</p><p>见下表。</p></td></tr>"
        "</table></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        nb_doc d;
        html_doc(&d, "layout.html", pages[i], strlen(pages[i]));
        assert_int_equal(d.ngrids, 0);
        assert_non_null(strstr(d.text, "某县2023年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请26件。\n"));
        nb_doc_free(&d);
    }
}

/* The page's one table has 3 columns and its last row starts with 丙. */
static void last_row_in_place(const char *table)
{
    char page[512];
    snprintf(page, sizeof page, "<html><body><p>信息公开</p><table>%s</table></body></html>", table);
    nb_doc d;
    html_doc(&d, "kept.html", page, strlen(page));
    assert_int_equal(d.ngrids, 1);
    assert_int_equal(d.grids[0].ncols, 3);
    assert_string_equal(tu_gtext(&d, 0, d.grids[0].nrows - 1, 0), "丙");
    nb_doc_free(&d);
}

/* Rows the rowspans over them count stay: a row every slot of which a
 * rowspan covers (<tr></tr>, as spreadsheets write it), and one whose blank
 * cells fill the slots a tall label leaves; the row below keeps its first
 * column. (An empty row or one of blank cells that leaves slots open or has
 * too many is dropped: test_formats_cells.) */
static void test_html_rows_kept(void **state)
{
    (void)state;
    last_row_in_place("<tr><td rowspan=\"2\">甲</td><td rowspan=\"2\">乙</td><td rowspan=\"2\">1</td></tr>"
                      "<tr></tr><tr><td>丙</td><td>2</td><td>3</td></tr>");
    last_row_in_place("<tr><td rowspan=\"2\">甲</td><td>5</td><td>6</td></tr><tr><td>&nbsp;</td><td>&nbsp;</td></tr>"
                      "<tr><td>丙</td><td>7</td><td>8</td></tr>");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docx_template),
        cmocka_unit_test(test_docx_document2),
        cmocka_unit_test(test_docx_features),
        cmocka_unit_test(test_docx_hidden),
        cmocka_unit_test(test_docx_split_table),
        cmocka_unit_test(test_docx_frames),
        cmocka_unit_test(test_docx_placeholder),
        cmocka_unit_test(test_docx_fields),
        cmocka_unit_test(test_docx_deleted_mark),
        cmocka_unit_test(test_docx_unit_line),
        cmocka_unit_test(test_docx_alternate),
        cmocka_unit_test(test_docx_pictures),
        cmocka_unit_test(test_template_formats_agree),
        cmocka_unit_test(test_corpus_formats_agree),
        cmocka_unit_test(test_html_features),
        cmocka_unit_test(test_gbk_pages),
        cmocka_unit_test(test_html_note_paragraphs),
        cmocka_unit_test(test_html_layout_paragraphs),
        cmocka_unit_test(test_html_rows_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
