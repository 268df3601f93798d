/* test_pdf.c — the PDF reader: ruling lines found in pixels (strokes of
 * characters are not borders), merged cells from missing borders, text
 * spacing; on real PDFs (../shared/corpus/formats, tests/data/pdf) the grids
 * with their merged cells, wrapped labels, blank cells and pages, a table
 * broken across pages (split row, repeated header) joined into one; a table
 * without rules; scanned, encrypted, damaged and over-long PDFs refused with
 * a message naming the file; and the cells the extraction gets right. */
#include "testutil.h"
#include "model/grid.h"
#include "read/pdf.h"
#include "read/pdf_furniture.h"
#include "read/pdf_lattice.h"
#include "read/pdf_rules.h"
#include "read/pdf_text.h"
#include "read/pdf_turn.h"

#include <math.h>

#define FORMATS "../shared/corpus/formats/"
#define DATA "tests/data/pdf/"

/* ------------------------------------------------------------ helpers */

static int read_pdf(nb_doc *d, const char *path, nb_lang lang, nb_err *e)
{
    size_t n = 0;
    char *b = tu_read(path, &n);
    if (!b)
        fail_msg("%s: cannot read", path);
    int rc = nb_read_pdf(d, path, (const unsigned char *)b, n, lang, e);
    free(b);
    return rc;
}

static void load(nb_doc *d, const char *path)
{
    nb_err e;
    if (read_pdf(d, path, NB_LANG_EN, &e) != 0)
        fail_msg("%s", e.msg);
}

/* The text of the cell covering (row, col) of grid t (0-based). */
static const char *cell(const nb_doc *d, int t, int row, int col)
{
    static char buf[512];
    const nb_gcell *c = nb_grid_at(&d->grids[t], row, col);
    if (!c)
        return "(none)";
    snprintf(buf, sizeof buf, "%.*s", (int)c->len, d->text + c->off);
    return buf;
}

static void assert_span(const nb_doc *d, int t, int row, int col, int rowspan, int colspan)
{
    const nb_gcell *c = nb_grid_at(&d->grids[t], row, col);
    assert_non_null(c);
    assert_int_equal(c->row, row);
    assert_int_equal(c->col, col);
    assert_int_equal(c->rowspan, rowspan);
    assert_int_equal(c->colspan, colspan);
}

/* ------------------------------------------------- pixels, lines, text */

static void paint(uint32_t *px, int w, int x0, int y0, int x1, int y1, uint32_t rgb)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            px[y * w + x] = rgb;
}

static void fill(uint32_t *px, int w, int x0, int y0, int x1, int y1)
{
    paint(px, w, x0, y0, x1, y1, 0x000000);
}

/* A grid of 3 × 3 rules in colour rgb, the band between the first two
 * rules across filled with `shade` (white: none). */
static uint32_t *grid_page(int W, int H, uint32_t rgb, uint32_t shade)
{
    uint32_t *px = malloc((size_t)W * (size_t)H * sizeof *px);
    paint(px, W, 0, 0, W, H, 0xFFFFFF);
    paint(px, W, 20, 21, 321, 80, shade);
    for (int k = 0; k < 3; k++) {
        paint(px, W, 20, 20 + 60 * k, 321, 21 + 60 * k, rgb);
        paint(px, W, 20 + 150 * k, 20, 21 + 150 * k, 141, rgb);
    }
    return px;
}

/* Rules of a pale grey (silver, 0.75 and 0.9) are found on a page whose
 * dark lines draw no table; a shaded band beside dark or silver rules does
 * not swallow them (nor is it a rule); under faint text (a watermark) pale
 * lines are not looked for; a grey paler than 0.92 is paper. */
static void test_pale_rules(void **state)
{
    (void)state;
    enum { W = 400, H = 200 };
    struct {
        uint32_t rgb, shade;
        int faint;
        size_t nh, nv;
    } cases[] = {
        {0xBFBFBF, 0xFFFFFF, 0, 3, 3}, {0xE6E6E6, 0xFFFFFF, 0, 3, 3}, {0x000000, 0xD9D9D9, 0, 3, 3},
        {0x000000, 0xBFBFBF, 0, 3, 3}, {0xBFBFBF, 0xD9D9D9, 0, 3, 3}, {0xBFBFBF, 0xFFFFFF, 1, 0, 0},
        {0xF2F2F2, 0xFFFFFF, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t *px = grid_page(W, H, cases[i].rgb, cases[i].shade);
        nb_pimage im = {(const unsigned char *)px, W, H, W * 4, 1.0};
        nb_ptext t = {NULL, 0, cases[i].faint};
        nb_prules r;
        assert_int_equal(nb_pdf_find_rules(&im, &t, &r), 0);
        if (r.nh != cases[i].nh || r.nv != cases[i].nv)
            fail_msg("case %zu: %zu across, %zu down", i, r.nh, r.nv);
        nb_prules_free(&r);
        free(px);
    }
}

static void test_rules_from_pixels(void **state)
{
    (void)state;
    enum { W = 400, H = 300 };
    uint32_t *px = malloc(W * H * sizeof *px);
    for (int i = 0; i < W * H; i++)
        px[i] = 0xFFFFFF;
    for (int k = 0; k < 4; k++)
        if (k != 2)
            fill(px, W, 20, 20 + 60 * k, 321, 21 + 60 * k); /* rules across */
    fill(px, W, 20, 140, 121, 141);                         /* the third, broken under column 1 */
    fill(px, W, 220, 140, 321, 141);
    for (int k = 0; k < 4; k++)
        if (k != 2)
            fill(px, W, 20 + 100 * k, 20, 21 + 100 * k, 201); /* verticals but the third */
    fill(px, W, 220, 20, 221, 81);                          /* the third only in row 0 */
    fill(px, W, 360, 30, 362, 290);                         /* a long stroke meeting no rule */
    fill(px, W, 40, 100, 90, 102);                          /* a stroke inside a glyph's box */
    nb_pglyph g = {{40 / 1.0, 90 / 1.0, 90 / 1.0, 110 / 1.0}, 0x4E00, -1};
    nb_pimage im = {(const unsigned char *)px, W, H, W * 4, 1.0};
    nb_prules r;
    nb_ptext txt = {&g, 1, 0};
    assert_int_equal(nb_pdf_find_rules(&im, &txt, &r), 0);
    assert_int_equal(r.nh, 5);
    assert_int_equal(r.nv, 4);
    for (size_t i = 0; i < r.nv; i++)
        assert_true(r.v[i].at < 330); /* not the stroke at 360 */
    /* the lattice: 3 rows × 3 columns; below row 0 the borders around
     * (1, 1) are missing to the right and below: one cell of 2 × 2 */
    nb_pglyph text[2] = {{{240, 120, 250, 130}, '7', -1}, {{500, 500, 510, 510}, 'x', -1}};
    nb_pblocks bs = {0};
    assert_int_equal(nb_pdf_lattice(&r, text, 2, 1, &bs), 0);
    assert_int_equal(bs.n, 1);
    const nb_ptable *t = bs.b[0].table;
    assert_int_equal(t->nrows, 3);
    assert_int_equal(t->ncols, 3);
    nb_pcell *c = nb_ptable_at((nb_ptable *)t, 1, 1);
    assert_int_equal(c->row, 1);
    assert_int_equal(c->rowspan, 2);
    assert_int_equal(c->colspan, 2);
    assert_string_equal(c->text, "7");
    assert_int_equal(text[0].table, 0);
    assert_int_equal(text[1].table, -1);
    assert_int_equal(nb_ptable_at((nb_ptable *)t, 0, 1)->colspan, 1);
    nb_pblocks_free(&bs);
    nb_prules_free(&r);
    free(px);
}

static void test_spaces_between_glyphs(void **state)
{
    (void)state;
    /* "2023" then 年 after a small gap, then "Total count" */
    nb_pglyph g[] = {
        {{0, 0, 8, 20}, '2', -1},       {{8, 0, 16, 20}, '0', -1},   {{16, 0, 24, 20}, '2', -1},
        {{24, 0, 32, 20}, '3', -1},     {{35, 0, 51, 20}, 0x5E74, -1}, {{100, 0, 108, 20}, 'T', -1},
        {{108, 0, 116, 20}, 'o', -1},   {{116, 0, 124, 20}, 't', -1}, {{130, 0, 138, 20}, 'c', -1},
        {{138, 0, 146, 20}, 'o', -1},   {{0, 30, 16, 50}, 0x4E0B, -1}, {{16, 30, 32, 50}, 0x5E74, -1},
        {{16, 30, 32, 50}, 0x5E74, -1}, /* drawn twice: fake bold */
    };
    size_t idx[13];
    for (size_t i = 0; i < 13; i++)
        idx[12 - i] = i; /* in no particular order */
    nb_plines ls;
    assert_int_equal(nb_pdf_lines(g, idx, 13, &ls), 0);
    assert_int_equal(ls.nl, 2);
    nb_pstr s = {0};
    assert_int_equal(nb_pdf_line_text(g, &ls, 0, 0, ls.l[0].n, &s), 0);
    assert_string_equal(s.s, "2023年 Tot co");
    s.len = 0;
    assert_int_equal(nb_pdf_text_of(g, &ls, &s), 0);
    assert_string_equal(s.s, "2023年 Tot co下年");
    free(s.s);
    nb_plines_free(&ls);
}

/* ------------------------------------------------------- real PDFs */

static void test_002_grids(void **state)
{
    (void)state;
    nb_doc d;
    load(&d, FORMATS "002.pdf");
    assert_int_equal(d.kind, NB_KIND_PDF);
    assert_true(d.file_size > 100000);
    assert_int_equal(d.ngrids, 3);
    /* T2: four sub-tables in one grid */
    assert_int_equal(d.grids[0].nrows, 14);
    assert_int_equal(d.grids[0].ncols, 4);
    assert_span(&d, 0, 0, 0, 1, 4);
    assert_string_equal(cell(&d, 0, 3, 0), "规范性文件");
    assert_string_equal(cell(&d, 0, 3, 3), "18");
    assert_span(&d, 0, 12, 1, 1, 3);
    assert_string_equal(cell(&d, 0, 12, 1), "本年收费金额（单位：万元）");
    /* T3: 28 × 10 over pages 3 and 4, merged as the template has it */
    const nb_grid *t3 = &d.grids[1];
    assert_int_equal(t3->nrows, 28);
    assert_int_equal(t3->ncols, 10);
    assert_int_equal(t3->page_first, 3);
    assert_int_equal(t3->page_last, 4);
    assert_span(&d, 1, 0, 0, 3, 3);
    assert_string_equal(cell(&d, 1, 2, 1), "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    assert_span(&d, 1, 0, 3, 1, 7);
    assert_span(&d, 1, 1, 3, 2, 1);
    assert_string_equal(cell(&d, 1, 1, 3), "自然人");
    assert_string_equal(cell(&d, 1, 2, 4), "商业企业");
    assert_span(&d, 1, 5, 0, 22, 1);
    assert_string_equal(cell(&d, 1, 26, 0), "三、本年度办理结果");
    assert_span(&d, 1, 7, 1, 8, 1);
    assert_span(&d, 1, 15, 1, 3, 1);
    assert_span(&d, 1, 18, 1, 5, 1);
    assert_span(&d, 1, 23, 1, 3, 1);
    assert_string_equal(cell(&d, 1, 6, 1), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    /* the row split by the page break, made whole */
    assert_string_equal(cell(&d, 1, 15, 1), "（四）无法提供");
    assert_string_equal(cell(&d, 1, 15, 2), "1.本机关不掌握相关政府信息");
    assert_string_equal(cell(&d, 1, 15, 3), "0");
    assert_string_equal(cell(&d, 1, 3, 3), "26");
    assert_string_equal(cell(&d, 1, 3, 4), ""); /* 法人 columns blank */
    assert_string_equal(cell(&d, 1, 27, 8), "");
    assert_string_equal(cell(&d, 1, 27, 9), "0");
    assert_int_equal(nb_grid_at(t3, 15, 2)->page, 3);
    assert_int_equal(nb_grid_at(t3, 16, 2)->page, 4);
    /* T4: three groups of five */
    assert_int_equal(d.grids[2].nrows, 4);
    assert_int_equal(d.grids[2].ncols, 15);
    assert_span(&d, 2, 0, 0, 1, 5);
    assert_span(&d, 2, 0, 5, 1, 10);
    assert_span(&d, 2, 1, 0, 2, 1);
    assert_string_equal(cell(&d, 2, 1, 10), "复议后起诉");
    assert_string_equal(cell(&d, 2, 3, 3), "1");
    /* pages of lines: the title on page 1, the last table row on page 4 */
    assert_non_null(d.line_page);
    assert_int_equal(d.line_page[0], 1);
    assert_int_equal(d.line_page[nb_doc_line_of(&d, nb_grid_at(&d.grids[2], 3, 0)->off)], 4);
    assert_non_null(strstr(d.text, "信息公开年度报告1条；")); /* a paragraph over a page break */
    nb_doc_free(&d);
}

static void test_008_grids(void **state)
{
    (void)state;
    nb_doc d;
    load(&d, FORMATS "008.pdf");
    assert_int_equal(d.ngrids, 3);
    assert_int_equal(d.grids[1].nrows, 28);
    assert_int_equal(d.grids[1].ncols, 10);
    assert_string_equal(cell(&d, 1, 3, 3), "217");
    assert_string_equal(cell(&d, 1, 3, 9), "218");
    assert_string_equal(cell(&d, 1, 25, 4), "1");
    assert_string_equal(cell(&d, 1, 23, 2), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    assert_string_equal(cell(&d, 0, 13, 1), "18651.06");
    assert_string_equal(cell(&d, 2, 3, 14), "19");
    nb_doc_free(&d);
}

/* T3 over pages 3 and 4 with its header repeated and a row split; page
 * numbers at the foot of each page between the two parts. */
static void assert_kewei_read(const char *path)
{
    nb_doc d;
    load(&d, path);
    assert_int_equal(d.ngrids, 3);
    const nb_grid *t3 = &d.grids[1];
    assert_int_equal(t3->nrows, 28); /* the header repeated on page 4 dropped */
    assert_int_equal(t3->page_first, 3);
    assert_int_equal(t3->page_last, 4);
    assert_string_equal(cell(&d, 1, 23, 2), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    assert_string_equal(cell(&d, 1, 23, 3), "8");
    assert_string_equal(cell(&d, 1, 23, 9), "10");
    assert_span(&d, 1, 23, 1, 3, 1);
    assert_string_equal(cell(&d, 1, 23, 1), "（六）其他处理");
    assert_string_equal(cell(&d, 1, 26, 9), "35");
    assert_string_equal(cell(&d, 1, 27, 9), ""); /* blank in the report itself */
    assert_string_equal(cell(&d, 0, 6, 1), "97");
    assert_span(&d, 0, 5, 1, 1, 3);
    assert_non_null(strstr(d.text, "市科委5个高频事项"));
    assert_null(strstr(d.text, "-3-")); /* the page numbers in the footer left out */
    assert_null(strstr(d.text, "-4-"));
    nb_doc_free(&d);
}

static void test_repeated_header_and_split_row(void **state)
{
    (void)state;
    assert_kewei_read(DATA "kewei-2024.pdf");
}

static void test_table_without_rules(void **state)
{
    (void)state;
    nb_doc d;
    load(&d, DATA "unruled.pdf");
    assert_int_equal(d.ngrids, 1);
    assert_int_equal(d.grids[0].nrows, 3);
    assert_int_equal(d.grids[0].ncols, 4);
    assert_string_equal(cell(&d, 0, 0, 3), "现行有效件数");
    assert_string_equal(cell(&d, 0, 2, 0), "行政规范性文件");
    assert_string_equal(cell(&d, 0, 2, 3), "55");
    assert_non_null(strstr(d.text, "三、收到和处理政府信息公开申请情况"));
    nb_doc_free(&d);
}

/* ------------------------------------------------------ refused PDFs */

static void expect_refusal(const char *path, const void *bytes, size_t n, nb_lang lang, const char *words)
{
    nb_doc d;
    nb_err e;
    memset(&e, 0, sizeof e);
    assert_int_equal(nb_read_pdf(&d, path, bytes, n, lang, &e), -1);
    if (!strstr(e.msg, path) || !strstr(e.msg, words))
        fail_msg("%s: message \"%s\" lacks \"%s\"", path, e.msg, words);
    assert_null(d.text);
}

static void expect_file_refused(const char *path, nb_lang lang, const char *words)
{
    size_t n = 0;
    char *b = tu_read(path, &n);
    assert_non_null(b);
    expect_refusal(path, b, n, lang, words);
    free(b);
}

static void test_scanned_pdf(void **state)
{
    (void)state;
    expect_file_refused(DATA "scanned.pdf", NB_LANG_EN, "no text layer (a scanned PDF?)");
    expect_file_refused(DATA "scanned.pdf", NB_LANG_ZH, "没有文字层");
}

/* Fonts without ToUnicode maps: the glyphs are drawn, but the text layer
 * names other characters, and no Chinese among them. Refused, saying so,
 * rather than read as a report missing every section and table. */
static void test_text_layer_without_chinese(void **state)
{
    (void)state;
    expect_file_refused(DATA "nounicode.pdf", NB_LANG_EN, "5 are Chinese: its fonts do not say which characters they draw");
    expect_file_refused(DATA "nounicode.pdf", NB_LANG_ZH, "只有 5 个汉字：其字体未标明所画的字符");
}

static void test_encrypted_pdf(void **state)
{
    (void)state;
    expect_file_refused(DATA "encrypted.pdf", NB_LANG_EN, "password-protected");
}

static void test_damaged_pdf(void **state)
{
    (void)state;
    size_t n = 0;
    char *b = tu_read(FORMATS "002.pdf", &n);
    assert_non_null(b);
    expect_refusal("cut.pdf", b, 3000, NB_LANG_EN, "damaged");
    expect_refusal("cut.pdf", b, 3000, NB_LANG_ZH, "已损坏");
    free(b);
    expect_refusal("junk.pdf", "%PDF-1.4\ngarbage\n", 17, NB_LANG_EN, "damaged");
    expect_refusal("text.pdf", "hello", 5, NB_LANG_EN, "not a PDF");
    expect_refusal("empty.pdf", "", 0, NB_LANG_EN, "not a PDF");
}

/* A PDF of n pages (n = 0 allowed), empty or each drawing `content` in
 * Helvetica, with a correct cross-reference table. */
static char *make_pdf(int n, const char *content, size_t *len)
{
    size_t cap = 512 + (size_t)n * 200 + (content ? strlen(content) : 0), off[1024];
    char *s = malloc(cap);
    int body = n + 3, font = n + 4, nobj = content ? n + 5 : n + 3;
    size_t k = (size_t)sprintf(s, "%%PDF-1.4\n");
    off[1] = k;
    k += (size_t)sprintf(s + k, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    off[2] = k;
    k += (size_t)sprintf(s + k, "2 0 obj\n<< /Type /Pages /Count %d /Kids [", n);
    for (int i = 0; i < n; i++)
        k += (size_t)sprintf(s + k, " %d 0 R", i + 3);
    k += (size_t)sprintf(s + k, " ] >>\nendobj\n");
    for (int i = 0; i < n; i++) {
        off[i + 3] = k;
        k += (size_t)sprintf(s + k, "%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]", i + 3);
        if (content)
            k += (size_t)sprintf(s + k, " /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R", font, body);
        k += (size_t)sprintf(s + k, " >>\nendobj\n");
    }
    if (content) {
        off[body] = k;
        k += (size_t)sprintf(s + k, "%d 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", body,
                             strlen(content), content);
        off[font] = k;
        k += (size_t)sprintf(s + k, "%d 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n", font);
    }
    size_t xref = k;
    k += (size_t)sprintf(s + k, "xref\n0 %d\n0000000000 65535 f \n", nobj);
    for (int i = 1; i < nobj; i++)
        k += (size_t)sprintf(s + k, "%010zu 00000 n \n", off[i]);
    k += (size_t)sprintf(s + k, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", nobj, xref);
    *len = k;
    return s;
}

static void test_page_limits(void **state)
{
    (void)state;
    size_t n;
    char *b = make_pdf(NB_PDF_MAX_PAGES + 1, NULL, &n);
    expect_refusal("long.pdf", b, n, NB_LANG_EN, "201 pages");
    free(b);
    b = make_pdf(3, NULL, &n);
    expect_refusal("blank.pdf", b, n, NB_LANG_EN, "no text layer"); /* pages, but no text on them */
    free(b);
    nb_doc d;
    nb_err e;
    b = make_pdf(0, NULL, &n);
    assert_int_equal(nb_read_pdf(&d, "none.pdf", (unsigned char *)b, n, NB_LANG_EN, &e), -1);
    assert_non_null(strstr(e.msg, "none.pdf"));
    free(b);
    /* a page of more characters than a report's page holds */
    size_t many = NB_PDF_MAX_GLYPHS + 100;
    char *text = malloc(many + 64);
    size_t k = (size_t)sprintf(text, "BT /F1 0.01 Tf 10 400 Td (");
    memset(text + k, 'x', many);
    strcpy(text + k + many, ") Tj ET");
    b = make_pdf(1, text, &n);
    expect_refusal("dense.pdf", b, n, NB_LANG_EN, "holds over");
    free(b);
    free(text);
}

static void test_a_page_of_words(void **state)
{
    (void)state;
    size_t n;
    char *b = make_pdf(2, "BT /F1 12 Tf 72 700 Td (Annual report 2024) Tj ET", &n);
    nb_doc d;
    nb_err e;
    assert_int_equal(nb_read_pdf(&d, "words.pdf", (unsigned char *)b, n, NB_LANG_EN, &e), 0);
    assert_string_equal(d.text, "Annual report 2024\nAnnual report 2024\n");
    assert_int_equal(d.ngrids, 0);
    assert_int_equal(d.line_page[1], 2);
    assert_int_equal(d.file_size, n);
    nb_doc_free(&d);
    free(b);
}

/* ------------------------------------------------------- end to end */

/* The cells of NNN.expected.json the current (text) extraction gets right
 * from the document the PDF reader builds. */
static int cells_right(const char *pdf, const char *json_path, int *total)
{
    nb_ctx ctx;
    nb_err e;
    assert_int_equal(nb_ctx_init(&ctx, NB_LANG_EN, &e), 0);
    nb_doc d;
    load(&d, pdf);
    nb_report r;
    if (nb_report_from_doc(&r, &d, &ctx, &e) != 0)
        fail_msg("%s", e.msg);
    char *json = tu_read(json_path, NULL);
    assert_non_null(json);
    tu_expect *ex = calloc(400, sizeof *ex);
    int ne = tu_read_expected(json, ex, 400), right = 0;
    free(json);
    for (int i = 0; i < ne; i++) {
        const nb_cell *c = nb_report_cell(&r, ex[i].id);
        if (!c)
            continue;
        if (ex[i].is_null ? c->status == NB_ST_BLANK
                          : (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) &&
                                fabs(tu_cell_value(c) - ex[i].value) < 1e-9)
            right++;
    }
    free(ex);
    nb_report_free(&r);
    nb_ctx_free(&ctx);
    *total = ne;
    return right;
}

static void test_extraction_end_to_end(void **state)
{
    (void)state;
    int n2, n8, nk;
    int r2 = cells_right(FORMATS "002.pdf", FORMATS "002.expected.json", &n2);
    int r8 = cells_right(FORMATS "008.pdf", FORMATS "008.expected.json", &n8);
    int rk = cells_right(DATA "kewei-2024.pdf", "../shared/corpus/real/003_shanghai_kewei_2024.expected.json", &nk);
    print_message("end to end: 002.pdf %d of %d cells right, 008.pdf %d of %d, kewei-2024.pdf %d of %d\n", r2, n2,
                  r8, n8, rk, nk);
    assert_int_equal(n2, 200);
    assert_int_equal(r2, 200);
    assert_int_equal(n8, 200);
    assert_int_equal(r8, 200);
    assert_int_equal(rk, nk);
}

/* kewei-2024.pdf with page 2 shown a quarter turned clockwise, page 3 a
 * quarter anticlockwise and page 4 upside down (/Rotate 90, 270, 180): T3,
 * over pages 3 and 4, reads as in the upright file, and so does every cell. */
static void test_turned_pages(void **state)
{
    (void)state;
    assert_kewei_read(DATA "turned.pdf");
    int nk, nt;
    int rk = cells_right(DATA "kewei-2024.pdf", "../shared/corpus/real/003_shanghai_kewei_2024.expected.json", &nk);
    int rt = cells_right(DATA "turned.pdf", "../shared/corpus/real/003_shanghai_kewei_2024.expected.json", &nt);
    assert_int_equal(nt, nk);
    assert_int_equal(rt, rk);
}

/* kewei-2024.pdf with its table rules in silver (0.75 grey): every cell
 * read as in the black-ruled file. */
static void test_silver_rules(void **state)
{
    (void)state;
    assert_kewei_read(DATA "silver.pdf");
}

static nb_pblock para(int page, double top, const char *s, int margin)
{
    return (nb_pblock){page, page, top, top + 10, strdup(s), strlen(s), NULL, 0, 0, margin};
}

/* A line in a margin that stands in a margin on another page too, figures
 * aside (a running header or footer), is left out; one on a single page, or
 * the same words in the body of another page, is kept. */
static void test_running_lines(void **state)
{
    (void)state;
    nb_pblocks bs = {0};
    const struct {
        int page, margin;
        const char *text, *kept;
    } in[] = {
        {1, 1, "某某县人民政府办公室 第 1 页", NULL},
        {1, 0, "一、总体情况", "一、总体情况"},
        {2, 1, "某某县人民政府办公室 第 2 页", NULL},
        {2, 1, "（续表）", "（续表）"},
        {3, 0, "某某县人民政府办公室", "某某县人民政府办公室"},
        {3, 1, "某某县人民政府办公室　第１０页", NULL},
        {3, 1, "2025年1月20日", "2025年1月20日"},
        {3, 1, "2025年1月20日", "2025年1月20日"}, /* the same page twice: no running line */
    };
    size_t n = sizeof in / sizeof *in, kept = 0;
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nb_pblocks_add(&bs, para(in[i].page, 10.0 * (double)i, in[i].text, in[i].margin)), 0);
    nb_pdf_drop_running_lines(&bs);
    for (size_t i = 0; i < n; i++)
        if (in[i].kept) {
            assert_true(kept < bs.n);
            assert_string_equal(bs.b[kept++].text, in[i].kept);
        }
    assert_int_equal(bs.n, kept);
    nb_pblocks_free(&bs);
}

/* kewei-2024.pdf under a watermark on every page, half seen through: an
 * address and a date in grey at 30°, a site's name level in silver, over the
 * tables. The watermark is left out and every cell reads as in the clean
 * file; the line in dark grey at each page's foot is a running footer, left
 * out too: the text is the clean file's. */
static void test_watermark(void **state)
{
    (void)state;
    nb_doc d, clean;
    load(&d, DATA "watermarked.pdf");
    load(&clean, DATA "kewei-2024.pdf");
    assert_string_equal(d.text, clean.text);
    nb_doc_free(&clean);
    assert_null(strstr(d.text, "Printed 2025-01-06"));
    assert_null(strstr(d.text, "GOV"));
    assert_null(strstr(d.text, "10.12.3.45"));
    assert_null(strstr(d.text, "2024-05"));
    nb_doc_free(&d);
    int nk, nw;
    int rk = cells_right(DATA "kewei-2024.pdf", "../shared/corpus/real/003_shanghai_kewei_2024.expected.json", &nk);
    int rw = cells_right(DATA "watermarked.pdf", "../shared/corpus/real/003_shanghai_kewei_2024.expected.json", &nw);
    assert_int_equal(nw, nk);
    assert_int_equal(rw, rk);
}

/* A report whose tables' pages are pictures (pictured.pdf: kewei-2024's
 * text, a scanned page in place of T3 and T4): the pictures as wide as a
 * table are counted, for STRUCT.MISSING to say the tables may be in them;
 * kewei-2024.pdf, whose three tables are read, is not looked at for them. */
static void test_tables_as_pictures(void **state)
{
    (void)state;
    nb_doc d;
    load(&d, DATA "pictured.pdf");
    assert_int_equal(d.nimages, 1);
    assert_true(d.ngrids < 3);
    nb_doc_free(&d);
    load(&d, DATA "kewei-2024.pdf");
    assert_int_equal(d.nimages, 0);
    nb_doc_free(&d);
}

/* The direction a page's text runs in, told by its glyphs' steps: a line
 * of ten glyphs in each direction, and a page mostly upright with a few
 * glyphs stacked in a narrow cell, which stays as it is. */
static void test_reading_direction(void **state)
{
    (void)state;
    nb_pglyph g[16];
    static const struct {
        double dx, dy;
        nb_pturn want;
    } runs[] = {{12, 0, NB_TURN_NONE}, {0, 12, NB_TURN_DOWN}, {-12, 0, NB_TURN_LEFT}, {0, -12, NB_TURN_UP}};
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        for (int i = 0; i < 10; i++) {
            double x = 300 + runs[r].dx * i, y = 400 + runs[r].dy * i;
            g[i] = (nb_pglyph){{x, y, x + 10, y + 10}, 0x4E00, -1};
        }
        assert_int_equal(nb_pdf_turn_of(g, 10), runs[r].want);
    }
    for (int i = 0; i < 16; i++) { /* 10 across, then 6 down */
        double x = i < 10 ? 100 + 12 * i : 500, y = i < 10 ? 100 : 100 + 12 * (i - 10);
        g[i] = (nb_pglyph){{x, y, x + 10, y + 10}, 0x4E00, -1};
    }
    assert_int_equal(nb_pdf_turn_of(g, 16), NB_TURN_NONE);
    /* a glyph's box on a page 600 × 800 shown turned clockwise: its line
     * ran down the right edge; turned, the page is 800 × 600 and the box
     * stands at the top left */
    g[0] = (nb_pglyph){{580, 10, 590, 20}, 0x4E00, -1};
    double w = 600, h = 800;
    nb_pdf_turn_glyphs(g, 1, NB_TURN_DOWN, &w, &h);
    assert_true(w == 800 && h == 600);
    assert_true(g[0].b.x0 == 10 && g[0].b.y0 == 10 && g[0].b.x1 == 20 && g[0].b.y1 == 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_from_pixels),
        cmocka_unit_test(test_spaces_between_glyphs),
        cmocka_unit_test(test_002_grids),
        cmocka_unit_test(test_008_grids),
        cmocka_unit_test(test_repeated_header_and_split_row),
        cmocka_unit_test(test_table_without_rules),
        cmocka_unit_test(test_scanned_pdf),
        cmocka_unit_test(test_text_layer_without_chinese),
        cmocka_unit_test(test_encrypted_pdf),
        cmocka_unit_test(test_damaged_pdf),
        cmocka_unit_test(test_page_limits),
        cmocka_unit_test(test_a_page_of_words),
        cmocka_unit_test(test_extraction_end_to_end),
        cmocka_unit_test(test_turned_pages),
        cmocka_unit_test(test_reading_direction),
        cmocka_unit_test(test_watermark),
        cmocka_unit_test(test_pale_rules),
        cmocka_unit_test(test_silver_rules),
        cmocka_unit_test(test_running_lines),
        cmocka_unit_test(test_tables_as_pictures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
