/* test_docx_corrected.c — a corrected .docx: read back, the corrected
 * cells hold their new values and every other cell is as it was; every
 * entry of the package but its document part (word/document.xml, or
 * word/document2.xml where _rels/.rels names it) is byte for byte the same;
 * in that part only the text of the corrected runs changed (or, for an
 * empty cell, one run was added; for a cell holding a content control's
 * placeholder, the prompt replaced and the control no longer showing it). */
#include "tu_formats.h"
#include "out/docx_corrected.h"
#include "out/wmlscan.h"
#include "read/zippart.h"

#include <math.h>
#include <unistd.h>
#include <zip.h>

static nb_ctx g_ctx;
static char g_dir[64];

static void open_report(nb_report *r, const char *path)
{
    nb_err e;
    if (nb_report_open(r, path, &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
}

static void correct(nb_report *r, const char *id, long long v)
{
    int ci = nb_schema_find_cell(r->schema, id);
    assert_true(ci >= 0);
    nb_cell *c = &r->cells[ci];
    c->orig_status = c->status;
    c->orig_num = c->num;
    c->corrected = 1;
    c->status = NB_ST_NUMBER;
    c->num = nb_num_int(v);
}

/* Every cell of b as in a, but for the corrected ones, which hold their value. */
static void cells_as_corrected(const nb_report *a, const nb_report *b)
{
    assert_int_equal(a->ncells, b->ncells);
    for (int i = 0; i < a->ncells; i++) {
        const nb_cell *x = &a->cells[i], *y = &b->cells[i];
        char id[96];
        nb_schema_cell_id(a->schema, i, id, sizeof id);
        if (x->corrected && (y->status != NB_ST_NUMBER || nb_num_cmp(x->num, y->num) != 0))
            fail_msg("%s: the corrected value did not come back (%s)", id, nb_status_name(y->status));
        if (!x->corrected && (x->status != y->status || nb_num_cmp(x->num, y->num) != 0))
            fail_msg("%s changed: %s → %s", id, nb_status_name(x->status), nb_status_name(y->status));
    }
}

/* The bytes of entry i of a package on disk. */
static char *entry(zip_t *z, zip_uint64_t i, zip_uint64_t *n)
{
    zip_stat_t st;
    assert_int_equal(zip_stat_index(z, i, 0, &st), 0);
    char *b = malloc(st.size + 1);
    zip_file_t *f = zip_fopen_index(z, i, 0);
    assert_non_null(f);
    assert_int_equal(zip_fread(f, b, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    *n = st.size;
    return b;
}

/* The same entries in the same order, each but part the same bytes. */
static void other_entries_same(const char *a, const char *b, const char *part)
{
    int ea, eb;
    zip_t *x = zip_open(a, ZIP_RDONLY, &ea), *y = zip_open(b, ZIP_RDONLY, &eb);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(zip_get_num_entries(x, 0), zip_get_num_entries(y, 0));
    for (zip_uint64_t i = 0; i < (zip_uint64_t)zip_get_num_entries(x, 0); i++) {
        assert_string_equal(zip_get_name(x, i, 0), zip_get_name(y, i, 0));
        if (strcmp(zip_get_name(x, i, 0), part) == 0)
            continue;
        zip_uint64_t n1, n2;
        char *p = entry(x, i, &n1), *q = entry(y, i, &n2);
        if (n1 != n2 || memcmp(p, q, n1) != 0)
            fail_msg("%s: entry %s differs", b, zip_get_name(x, i, 0));
        free(p);
        free(q);
    }
    zip_discard(x);
    zip_discard(y);
}

/* The bytes of part of the package at path. */
static char *part_bytes(const char *path, const char *part, size_t *n)
{
    size_t fn;
    char *f = tu_read(path, &fn);
    unsigned char *x = NULL;
    nb_err e;
    if (!f || nb_zip_part(path, (unsigned char *)f, fn, part, NB_ZIP_PART_MAX, &x, n, NB_LANG_EN, &e) != 0)
        fail_msg("%s: no %s", path, part);
    free(f);
    return (char *)x;
}

/* document.xml without the text of its runs: what must not change. */
static char *skeleton(const char *x, size_t n, const nb_wml *w, size_t *sn)
{
    char *s = malloc(n + 1);
    size_t o = 0, at = 0;
    for (int k = 0; k < w->nt; k++) {
        memcpy(s + o, x + at, w->t[k].open_end - at);
        o += w->t[k].open_end - at;
        at = w->t[k].close_start;
    }
    memcpy(s + o, x + at, n - at);
    *sn = o + n - at;
    return s;
}

/* Two cells of pingtan2022 corrected in the package in, whose document
 * part is part: only that part's runs change. */
static void correct_runs(const char *in, const char *part)
{
    char out[128];
    snprintf(out, sizeof out, "%s/out.docx", g_dir);
    nb_report r, back;
    open_report(&r, in);
    correct(&r, "t3.new.total", 75);          /* in two runs, "7" and "4" */
    correct(&r, "t2.normative.repealed", 5);  /* 55 */
    nb_unplaced unplaced = {-1, NULL};
    nb_err e;
    if (nb_docx_corrected(&r, out, &unplaced, NB_LANG_EN, &e) != 0)
        fail_msg("%s", e.msg);
    assert_int_equal(unplaced.n, 0);
    open_report(&back, out);
    cells_as_corrected(&r, &back);
    other_entries_same(in, out, part);
    size_t n1, n2, s1, s2;
    char *x1 = part_bytes(in, part, &n1), *x2 = part_bytes(out, part, &n2);
    nb_wml w1, w2;
    assert_int_equal(nb_wml_scan(x1, n1, &w1), 0);
    assert_int_equal(nb_wml_scan(x2, n2, &w2), 0);
    assert_int_equal(w1.nt, w2.nt);
    char *k1 = skeleton(x1, n1, &w1, &s1), *k2 = skeleton(x2, n2, &w2, &s2);
    assert_int_equal(s1, s2);
    assert_memory_equal(k1, k2, s1);
    int changed = 0;
    for (int k = 0; k < w1.nt; k++) {
        size_t a = w1.t[k].close_start - w1.t[k].open_end, b = w2.t[k].close_start - w2.t[k].open_end;
        if (a != b || memcmp(x1 + w1.t[k].open_end, x2 + w2.t[k].open_end, a) != 0)
            changed++;
    }
    assert_int_equal(changed, 3); /* "7" → "75", "4" → "", "55" → "5" */
    const nb_gcell *g = nb_grid_at(&back.doc.grids[1], 3, 9);
    assert_int_equal(g->src_count, 2);
    assert_memory_equal(x2 + w2.t[g->src_first].open_end, "75", 2);
    assert_int_equal(w2.t[g->src_first + 1].close_start, w2.t[g->src_first + 1].open_end);
    free(k1);
    free(k2);
    nb_wml_free(&w1);
    nb_wml_free(&w2);
    free(x1);
    free(x2);
    nb_report_free(&r);
    nb_report_free(&back);
    unlink(out);
}

static void test_correct_runs(void **state)
{
    (void)state;
    correct_runs("tests/data/formats/pingtan2022.docx", NB_DOCX_PART);
}

/* Word Online's package: the part _rels/.rels names is the one edited. */
static void test_correct_document2(void **state)
{
    (void)state;
    correct_runs("tests/data/formats/document2.docx", "word/document2.xml");
}

/* kewei2024's blank 四、结转 总计 (in the package in) corrected to 1 into
 * out: read back, it and every other cell as corrected, the other entries
 * the same. */
static void correct_blank(const char *in, const char *out, nb_report *r, nb_report *back)
{
    open_report(r, in);
    assert_int_equal(nb_report_cell(r, "t3.carried_out.total")->status, NB_ST_BLANK);
    correct(r, "t3.carried_out.total", 1);
    nb_unplaced unplaced = {-1, NULL};
    nb_err e;
    assert_int_equal(nb_docx_corrected(r, out, &unplaced, NB_LANG_EN, &e), 0);
    open_report(back, out);
    cells_as_corrected(r, back);
    other_entries_same(in, out, NB_DOCX_PART);
}

static void test_correct_a_blank_cell(void **state)
{
    (void)state;
    const char *in = "tests/data/formats/kewei2024.docx";
    char out[128];
    snprintf(out, sizeof out, "%s/kewei.docx", g_dir);
    nb_report r, back;
    correct_blank(in, out, &r, &back);
    size_t n1, n2, p = 0, s = 0;
    char *x1 = part_bytes(in, NB_DOCX_PART, &n1), *x2 = part_bytes(out, NB_DOCX_PART, &n2);
    assert_true(n2 > n1);
    while (p < n1 && x1[p] == x2[p])
        p++;
    while (s < n1 - p && x1[n1 - 1 - s] == x2[n2 - 1 - s])
        s++;
    assert_int_equal(p + s, n1); /* one run added, every other byte kept */
    char *run = strndup(x2 + p, n2 - n1);
    if (!strstr(run, "<w:t>1</w:t></w:r>") || !strstr(run, "<w:rFonts"))
        fail_msg("the added run: %s", run);
    free(run);
    free(x1);
    free(x2);
    nb_report_free(&r);
    nb_report_free(&back);
    unlink(out);
}

/* s with its first from replaced by to (s owned, returned anew). */
static char *replace_once(char *s, const char *from, const char *to)
{
    char *at = strstr(s, from);
    assert_non_null(at);
    size_t n = strlen(s), f = strlen(from), t = strlen(to);
    char *out = malloc(n - f + t + 1);
    memcpy(out, s, (size_t)(at - s));
    memcpy(out + (at - s), to, t);
    memcpy(out + (at - s) + t, at + f, n - (size_t)(at - s) - f + 1);
    free(s);
    return out;
}

/* A blank cell whose paragraph is in a content control showing its
 * placeholder (read blank): the value replaces the prompt and the control
 * shows its placeholder no more; nothing else changes. */
static void test_correct_a_placeholder(void **state)
{
    (void)state;
    const char *in = "tests/data/formats/kewei_placeholder.docx";
    char out[128];
    snprintf(out, sizeof out, "%s/plc.docx", g_dir);
    nb_report r, back;
    correct_blank(in, out, &r, &back);
    size_t n1, n2;
    char *x1 = part_bytes(in, NB_DOCX_PART, &n1), *x2 = part_bytes(out, NB_DOCX_PART, &n2);
    x1 = replace_once(replace_once(x1, "<w:showingPlcHdr/>", ""), "<w:t>单击此处输入文字。</w:t>", "<w:t>1</w:t>");
    assert_string_equal(x2, x1);
    free(x1);
    free(x2);
    nb_report_free(&r);
    nb_report_free(&back);
    unlink(out);
}

static void test_refusals(void **state)
{
    (void)state;
    char copy[128], out[128];
    snprintf(copy, sizeof copy, "%s/in.docx", g_dir);
    snprintf(out, sizeof out, "%s/o.docx", g_dir);
    size_t n = 0;
    char *b = tu_read("tests/data/formats/pingtan2022.docx", &n);
    FILE *f = fopen(copy, "wb");
    fwrite(b, 1, n, f);
    fclose(f);
    free(b);
    nb_report r;
    open_report(&r, copy);
    correct(&r, "t3.new.natural", 70);
    int cells[512];
    nb_unplaced unplaced = {-1, cells};
    nb_err e;
    assert_int_equal(nb_docx_corrected(&r, copy, &unplaced, NB_LANG_EN, &e), -1); /* never the report itself */
    assert_non_null(strstr(e.msg, "never written"));
    assert_int_equal(nb_docx_corrected(&r, copy, &unplaced, NB_LANG_ZH, &e), -1); /* said in the reviewer's language */
    assert_non_null(strstr(e.msg, "从不改写"));
    r.cells[nb_schema_find_cell(r.schema, "t3.new.natural")].has_span = 0;
    assert_int_equal(nb_docx_corrected(&r, out, &unplaced, NB_LANG_EN, &e), 0);
    assert_int_equal(unplaced.n, 1); /* named: its cell */
    assert_int_equal(cells[0], nb_schema_find_cell(r.schema, "t3.new.natural"));
    f = fopen(copy, "ab"); /* the report changed since it was read */
    fputc('x', f);
    fclose(f);
    assert_int_equal(nb_docx_corrected(&r, out, &unplaced, NB_LANG_EN, &e), -1);
    assert_non_null(strstr(e.msg, "changed"));
    assert_int_equal(nb_docx_corrected(&r, out, &unplaced, NB_LANG_ZH, &e), -1);
    assert_non_null(strstr(e.msg, "已被改动"));
    nb_report_free(&r);
    unlink(copy);
    unlink(out);
}

static int setup(void **state)
{
    (void)state;
    nb_err e;
    snprintf(g_dir, sizeof g_dir, "/tmp/nianbao-corr.XXXXXX");
    return !mkdtemp(g_dir) || nb_ctx_init(&g_ctx, NB_LANG_EN, &e) != 0;
}

static int teardown(void **state)
{
    (void)state;
    nb_ctx_free(&g_ctx);
    return rmdir(g_dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_correct_runs),
        cmocka_unit_test(test_correct_document2),
        cmocka_unit_test(test_correct_a_blank_cell),
        cmocka_unit_test(test_correct_a_placeholder),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
