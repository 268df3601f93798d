/* test_formats_cells.c — end to end: each document as people hold it
 * (docx, html, GBK html, doc) opened the one way in (nb_report_open: detect,
 * read, sections, today's extractor over the tables as │-separated lines),
 * and every cell compared with the figures it was made from
 * (NNN.expected.json). Prints how many come out right per file. */
#include "tu_formats.h"

#include <math.h>

static nb_ctx g_ctx;

/* Is cell c what the expected cell x says? */
static int cell_right(const nb_cell *c, const tu_expect *x)
{
    if (!c)
        return 0;
    if (x->is_null)
        return c->status == NB_ST_BLANK;
    return (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) && fabs(tu_cell_value(c) - x->value) < 1e-9;
}

/* Open path and count the cells of json that come out right. */
static void cells_of(const char *path, const char *json)
{
    size_t n;
    char *j = tu_read(json, &n);
    if (!j)
        fail_msg("%s: cannot read", json);
    tu_expect *ex = calloc(400, sizeof *ex);
    int ne = tu_read_expected(j, ex, 400);
    free(j);
    assert_true(ne > 0);
    nb_report r;
    nb_err e;
    if (nb_report_open(&r, path, &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    int right = 0;
    for (int i = 0; i < ne; i++) {
        const nb_cell *c = nb_report_cell(&r, ex[i].id);
        if (cell_right(c, &ex[i]))
            right++;
        else
            print_error("%s: %s: expected %s%g, got %s\n", path, ex[i].id, ex[i].is_null ? "blank " : "",
                        ex[i].is_null ? 0.0 : ex[i].value, c ? nb_status_name(c->status) : "no such cell");
    }
    print_message("%s: %d of %d cells right (%s)\n", path, right, ne, nb_kind_name(r.doc.kind));
    nb_report_free(&r);
    free(ex);
    assert_int_equal(right, ne);
}

static void all_formats(const char *dir, const char *stem)
{
    static const char *const ext[] = {"docx", "html", "gbk.html", "doc"};
    char name[256], json[256];
    snprintf(json, sizeof json, "%s.expected.json", stem);
    for (int i = 0; i < 4; i++) {
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
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
