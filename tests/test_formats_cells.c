/* test_formats_cells.c — end to end: each document as people hold it
 * (docx, html, GBK html, doc, pdf) opened the one way in (nb_report_open:
 * detect, read, sections, the extractor's grid path over the tables'
 * grids), and every cell compared with the figures it was made from
 * (NNN.expected.json): its value, that it was read from a grid cell (its
 * table, row and column known; its page in a PDF) and that its span in the
 * text is that cell's text. Prints how many come out right per file. Also
 * the corpus's web pages with a table written amiss as hand-edited CMS
 * pages have it (edited in memory), whose cells must come out the same. */
#include "tu_formats.h"
#include "read/read.h"

#include <math.h>

static nb_ctx g_ctx;

/* Is cell c what the expected cell x says, read from the grid cell at its
 * table, row and column? */
static int cell_right(const nb_report *r, const nb_cell *c, const tu_expect *x)
{
    if (!c || !c->table || c->table > r->doc.ngrids || (r->doc.kind == NB_KIND_PDF) != (c->page > 0))
        return 0;
    const nb_gcell *g = nb_grid_at(&r->doc.grids[c->table - 1], c->grid_row - 1, c->grid_col - 1);
    if (!g || c->off < g->off || c->off + c->len > g->off + g->len)
        return 0;
    if (x->is_null)
        return c->status == NB_ST_BLANK;
    return (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) && fabs(tu_cell_value(c) - x->value) < 1e-9;
}

/* Count the cells of json that come out right in r (read from path, or
 * from bytes named so). */
static void report_cells(nb_report *r, const char *path, const char *json)
{
    size_t n;
    char *j = tu_read(json, &n);
    if (!j)
        fail_msg("%s: cannot read", json);
    tu_expect *ex = calloc(400, sizeof *ex);
    int ne = tu_read_expected(j, ex, 400);
    free(j);
    assert_true(ne > 0);
    int right = 0;
    for (int i = 0; i < ne; i++) {
        const nb_cell *c = nb_report_cell(r, ex[i].id);
        if (cell_right(r, c, &ex[i]))
            right++;
        else
            print_error("%s: %s: expected %s%g, got %s\n", path, ex[i].id, ex[i].is_null ? "blank " : "",
                        ex[i].is_null ? 0.0 : ex[i].value, c ? nb_status_name(c->status) : "no such cell");
    }
    print_message("%s: %d of %d cells right (%s)\n", path, right, ne, nb_kind_name(r->doc.kind));
    nb_report_free(r);
    free(ex);
    assert_int_equal(right, ne);
}

/* Open path and count the cells of json that come out right. */
static void cells_of(const char *path, const char *json)
{
    nb_report r;
    nb_err e;
    if (nb_report_open(&r, path, &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    report_cells(&r, path, json);
}

static void all_formats(const char *dir, const char *stem)
{
    static const char *const ext[] = {"docx", "html", "gbk.html", "doc", "pdf"};
    char name[256], json[256];
    snprintf(json, sizeof json, "%s.expected.json", stem);
    for (int i = 0; i < 5; i++) {
        if (!strcmp(ext[i], "pdf") && strncmp(dir, "tests/", 6) == 0)
            continue; /* the test documents come without PDFs */
        snprintf(name, sizeof name, "%s.%s", stem, ext[i]);
        cells_of(tu_path(dir, name), tu_path(dir, json));
    }
}

static void test_corpus_002(void **state)
{
    (void)state;
    all_formats(tu_formats_dir(), "002");
}

static void test_corpus_008(void **state)
{
    (void)state;
    all_formats(tu_formats_dir(), "008");
}

static void test_template_documents(void **state)
{
    (void)state;
    all_formats("tests/data/formats", "pingtan2022");
    cells_of("tests/data/formats/kewei2024.docx", "tests/data/formats/kewei2024.expected.json");
    cells_of("tests/data/pdf/kewei-2024.pdf", "tests/data/formats/kewei2024.expected.json");
}

/* ------------------------------------------------------------ pages written amiss */

/* The page with every `from` in the first <table> whose text holds `in`
 * written as `to`; a new string of *n bytes. */
static char *edit_table(const char *t, size_t tn, const char *in, const char *from, const char *to, size_t *n)
{
    const char *a = strstr(t, in), *b = a ? strstr(a, "</table>") : NULL;
    assert_true(a && b);
    while (a > t && strncmp(a, "<table", 6) != 0)
        a--;
    size_t lf = strlen(from), lt = strlen(to), cap = tn + 1, o = (size_t)(a - t);
    for (const char *q = a; (q = strstr(q, from)) && q < b; q += lf)
        cap += lt;
    char *out = malloc(cap);
    assert_non_null(out);
    memcpy(out, t, o);
    for (const char *q = a; q < b;) {
        const char *f = strstr(q, from);
        f = f && f < b ? f : b;
        memcpy(out + o, q, (size_t)(f - q));
        o += (size_t)(f - q);
        if (f < b) {
            memcpy(out + o, to, lt);
            o += lt;
        }
        q = f < b ? f + lf : b;
    }
    memcpy(out + o, b, tn - (size_t)(b - t));
    *n = o + tn - (size_t)(b - t);
    out[*n] = '\0';
    return out;
}

/* An edit of a page: each `from` written as `to` in the table holding
 * `in`; with no `in`, every colspan written out (spans_written_out). */
typedef struct page_edit {
    const char *in, *from, *to;
} page_edit;

static char *spans_written_out(const char *t, size_t tn, size_t *n);

/* Every cell of 002.html and 008.html right in the page as edited (the
 * hand-edited page `what`). */
static void pages_as_edited(const char *what, const page_edit *ed)
{
    static const char *const stems[] = {"002", "008"};
    for (int i = 0; i < 2; i++) {
        char name[128], json[64];
        snprintf(name, sizeof name, "%s.html", stems[i]);
        snprintf(json, sizeof json, "%s.expected.json", stems[i]);
        size_t tn = 0, n;
        char *t = tu_read(tu_path(tu_formats_dir(), name), &tn);
        assert_non_null(t);
        char *html = ed->in ? edit_table(t, tn, ed->in, ed->from, ed->to, &n) : spans_written_out(t, tn, &n);
        snprintf(name, sizeof name, "%s_%s.html", stems[i], what);
        nb_report r;
        nb_err e;
        if (nb_report_from_bytes(&r, name, (const unsigned char *)html, n, &g_ctx, &e) != 0)
            fail_msg("%s", e.msg);
        report_cells(&r, name, tu_path(tu_formats_dir(), json));
        free(html);
        free(t);
    }
}

/* Every cell right when the table holding `in` has each `from` written as
 * `to`. */
static void edited_pages(const char *what, const char *in, const char *from, const char *to)
{
    pages_as_edited(what, &(page_edit){in, from, to});
}

#define BLANK10                                                                                                   \
    "<td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td>" \
    "<td>&nbsp;</td><td>&nbsp;</td><td>&#12288;</td>"

/* An empty <tr> after every row of T3, or a row of ten blank cells: the
 * rowspans over them (三、本年度办理结果, （三）不予公开 …) count the rows
 * around them, as the page's author meant, so no row below is pushed out
 * of its columns. */
static void test_html_stray_rows(void **state)
{
    (void)state;
    edited_pages("empty_rows", "本年度办理结果", "</tr>", "</tr><tr></tr>");
    edited_pages("blank_rows", "本年度办理结果", "</tr>", "</tr><tr>" BLANK10 "</tr>");
}

/* T3's 三、本年度办理结果 with rowspan="21" or "23" for its 22 rows: the
 * row after them (（七）总计, or 四、结转下年度继续办理) has its label and
 * seven values a column aside; they are its columns in order. */
static void test_html_rowspan_one_off(void **state)
{
    (void)state;
    edited_pages("rowspan_minus1", "本年度办理结果", "rowspan=\"22\"", "rowspan=\"21\"");
    edited_pages("rowspan_plus1", "本年度办理结果", "rowspan=\"22\"", "rowspan=\"23\"");
}

/* T4's row of fifteen values without the colspan="2" its header's 总计 has
 * (a sliver column LibreOffice writes): its cells are T4's in order. */
static void test_html_t4_no_colspan(void **state)
{
    (void)state;
    edited_pages("t4_no_colspan", "结果维持", "<td colspan=\"2\"", "<td");
}

/* The page with every <td colspan="N" …>…</td> written as the cell and
 * N - 1 empty cells after it (a page whose spans a CMS editor or a
 * converter lost); a new string of *n bytes. */
static char *spans_written_out(const char *t, size_t tn, size_t *n)
{
    static const char span[] = "<td colspan=\"", empty[] = "<td></td>";
    size_t cap = tn + 1, o = 0;
    for (const char *q = t; (q = strstr(q, span)); q += sizeof span - 1)
        cap += (size_t)atoi(q + sizeof span - 1) * (sizeof empty - 1);
    char *out = malloc(cap);
    assert_non_null(out);
    for (const char *q = t; q < t + tn;) {
        const char *a = strstr(q, span), *end = a ? strstr(a, "</td>") : NULL;
        if (!end) {
            memcpy(out + o, q, tn - (size_t)(q - t));
            o += tn - (size_t)(q - t);
            break;
        }
        int k = atoi(a + sizeof span - 1);
        const char *rest = strchr(a + sizeof span - 1, '"') + 1; /* past the span's value */
        memcpy(out + o, q, (size_t)(a - q));
        o += (size_t)(a - q);
        memcpy(out + o, "<td", 3);
        o += 3;
        end += strlen("</td>");
        memcpy(out + o, rest, (size_t)(end - rest));
        o += (size_t)(end - rest);
        for (int i = 1; i < k; i++, o += sizeof empty - 1)
            memcpy(out + o, empty, sizeof empty - 1);
        q = end;
    }
    out[o] = '\0';
    *n = o;
    assert_null(strstr(out, span));
    return out;
}

/* Every colspan written as empty cells after the spanning one: T4's
 * group headers (行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉) stand over
 * their first column alone, the others under them empty; each column is
 * still read as its group's (the header cell nearest to its left across
 * the empty ones), and every cell comes out right. */
static void test_html_spans_lost(void **state)
{
    (void)state;
    pages_as_edited("spans_lost", &(page_edit){NULL, NULL, NULL});
}

/* T4's zeros written 〇 (U+3007): its row is still found by its other
 * cells, each 〇 a cell that holds text (CELL.NOT_NUMBER) where a zero is,
 * no row of T4 missing. 002's row holds only two numbers among them. */
static void test_html_t4_zero_as_text(void **state)
{
    (void)state;
    static const char *const stems[] = {"002", "008"};
    for (int i = 0; i < 2; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s.html", stems[i]);
        size_t tn = 0, n, jn;
        char *t = tu_read(tu_path(tu_formats_dir(), name), &tn), *html = edit_table(t, tn, "结果维持", ">0<", ">〇<", &n);
        snprintf(name, sizeof name, "%s.expected.json", stems[i]);
        char *j = tu_read(tu_path(tu_formats_dir(), name), &jn);
        tu_expect *ex = calloc(400, sizeof *ex);
        assert_true(j && ex);
        int ne = tu_read_expected(j, ex, 400), t4 = 0;
        nb_report r;
        nb_err e;
        if (nb_report_from_bytes(&r, "zero_as_text.html", (const unsigned char *)html, n, &g_ctx, &e) != 0)
            fail_msg("%s", e.msg);
        for (int k = 0; k < ne; k++) {
            const nb_cell *c = nb_report_cell(&r, ex[k].id);
            if (strncmp(ex[k].id, "t4.", 3) != 0)
                continue;
            t4++;
            assert_non_null(c);
            if (!ex[k].is_null && ex[k].value == 0) {
                assert_int_equal(c->status, NB_ST_TEXT);
                assert_int_equal(c->len, strlen("〇"));
                assert_memory_equal(r.doc.text + c->off, "〇", c->len);
            } else {
                assert_true(c->status == NB_ST_NUMBER && fabs(tu_cell_value(c) - ex[k].value) < 1e-9);
            }
        }
        assert_int_equal(t4, 15);
        nb_report_free(&r);
        free(ex);
        free(j);
        free(html);
        free(t);
    }
}

static int setup(void **state)
{
    (void)state;
    nb_err e;
    return nb_ctx_init(&g_ctx, NB_LANG_EN, &e);
}

static int teardown(void **state)
{
    (void)state;
    nb_ctx_free(&g_ctx);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_002),
        cmocka_unit_test(test_corpus_008),
        cmocka_unit_test(test_template_documents),
        cmocka_unit_test(test_html_stray_rows),
        cmocka_unit_test(test_html_rowspan_one_off),
        cmocka_unit_test(test_html_t4_no_colspan),
        cmocka_unit_test(test_html_t4_zero_as_text),
        cmocka_unit_test(test_html_spans_lost),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
