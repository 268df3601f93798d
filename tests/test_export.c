/* test_export.c — the JSON export of checked reports: each finding's line
 * and column are where its offset stands (nb_doc_locate), whether or not a
 * cell located before stands there, and its fingerprint is the one
 * nb_finding_fingerprint makes; the object is the same made with the
 * context (its memo of prints, its plans of schemas, reports of every
 * schema one after the other) as without one; a cell of every status says
 * its status's name; the IDs written as they are (rules', cells') need no
 * escape; a cell's raw text, wherever it ends (at the text's very end, so
 * that fewer than sixteen bytes follow it) and whatever it holds, written
 * as nb_put_json writes it, and its length in the file its own; a cell
 * made in the writer's own room is the one made in a buffer and copied,
 * wherever that room runs out, whatever the cell holds (a raw text to
 * escape, a note, a correction, a page or a grid). */
#include "testutil.h"
#include "check/check.h"
#include "check/findings.h"
#include "out/export.h"
#include "out/writer.h"

static nb_ctx g_ctx;

/* The JSON object of r and its findings, with ctx (may be NULL);
 * malloc'd, NUL-terminated. */
static char *exported(const nb_report *r, const nb_findings *f, const nb_ctx *ctx)
{
    nb_writer w = nb_writer_to(NULL);
    nb_export_json_to(&w, r, f, NB_SEV_INFO, NULL, NB_LANG_EN, ctx);
    assert_false(w.failed);
    char *s = malloc(w.n + 1);
    assert_non_null(s);
    memcpy(s, w.b, w.n);
    s[w.n] = '\0';
    free(w.b);
    return s;
}

/* The number after key in s (NULL-ended), or 0 for null; *at past it. */
static size_t number_after(const char **at, const char *key)
{
    const char *p = strstr(*at, key);
    assert_non_null(p);
    p += strlen(key);
    *at = p;
    return strncmp(p, "null", 4) ? strtoul(p, NULL, 10) : 0;
}

/* Each finding of f in the object s, in order: its line and column, and
 * its fingerprint. */
static void findings_placed(const char *path, const nb_report *r, const nb_findings *f, const char *s)
{
    const char *at = strstr(s, ",\"findings\":[");
    assert_non_null(at);
    for (size_t k = 0; k < f->n; k++) {
        const nb_finding *x = &f->v[k];
        at = strstr(at, "{\"rule\":");
        assert_non_null(at);
        size_t line = number_after(&at, ",\"line\":"), col = number_after(&at, ",\"col\":");
        nb_loc want = x->has_off ? nb_doc_locate(&r->doc, x->off) : (nb_loc){0, 0, 0};
        if (line != want.line || col != want.col)
            fail_msg("%s: finding %zu (%s) at %zu:%zu, want %zu:%zu", path, k, nb_rule_get(x->rule)->id, line, col,
                     want.line, want.col);
        char fp[24], quoted[48];
        nb_finding_fingerprint(r, x, fp);
        snprintf(quoted, sizeof quoted, ",\"fingerprint\":\"%s\"", fp);
        at = strstr(at, ",\"fingerprint\":\"");
        assert_non_null(at);
        assert_memory_equal(at, quoted, strlen(quoted));
    }
}

static void export_file(const char *path, void *arg)
{
    size_t *placed = arg;
    nb_report r;
    nb_err e;
    if (nb_report_open(&r, path, &g_ctx, &e) != 0)
        return; /* not a report */
    nb_findings f = {0};
    assert_int_equal(nb_check(&r, &g_ctx, &f, &e), 0);
    nb_findings_sort(&f);
    char *a = exported(&r, &f, NULL), *b = exported(&r, &f, &g_ctx);
    assert_string_equal(a, b);
    findings_placed(path, &r, &f, a);
    for (size_t k = 0; k < f.n; k++)
        *placed += f.v[k].has_off && f.v[k].ncells;
    free(a);
    free(b);
    nb_findings_free(&f);
    nb_report_free(&r);
}

static void test_findings_placed(void **s)
{
    (void)s;
    static const char *const dirs[] = {"tests/data", "tests/data/layouts", "../shared/corpus/seeds", "../shared/corpus/real"};
    size_t placed = 0; /* findings at a place that name cells: most point at one */
    for (int twice = 0; twice < 2; twice++) /* the memo empty, then holding the prints */
        for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++)
            tu_each_txt(dirs[d], export_file, &placed);
    assert_true(placed > 20);
}

/* Each cell of seed001 set to each status in turn (a value kept): the
 * object has "ID":{… ,"status":"NAME","line": for it. */
static void test_cell_statuses(void **s)
{
    (void)s;
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, "tests/data/seed001.txt", &g_ctx, &e), 0);
    for (int st = NB_ST_NUMBER; st <= NB_ST_INFERRED; st++) {
        for (int ci = 0; ci < r.ncells; ci += 3) /* a third of them, the others as they were */
            if (r.cells[ci].status != NB_ST_MISSING)
                r.cells[(ci + st) % r.ncells].status = (nb_status)st;
        char *json = exported(&r, NULL, NULL);
        for (int ci = 0; ci < r.ncells; ci++) {
            if (r.cells[ci].status == NB_ST_MISSING)
                continue;
            char key[128], want[64];
            snprintf(key, sizeof key, "\"%s\":{\"value\":", nb_schema_cell_name(r.schema, ci));
            snprintf(want, sizeof want, ",\"status\":\"%s\",\"line\":", nb_status_name(r.cells[ci].status));
            const char *at = strstr(json, key);
            assert_non_null(at);
            const char *end = strchr(at, '}');
            const char *got = strstr(at, ",\"status\":");
            assert_true(got && got < end);
            assert_memory_equal(got, want, strlen(want));
        }
        free(json);
    }
    nb_report_free(&r);
}

/* Whether s is of letters, digits, '.' and '_' alone. */
static int plain_id(const char *s)
{
    for (; *s; s++)
        if (!(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z') && !(*s >= '0' && *s <= '9') && *s != '.' &&
            *s != '_')
            return 0;
    return 1;
}

static void test_ids_plain(void **s)
{
    (void)s;
    int n;
    const nb_rule *rules = nb_rules(&n);
    for (int k = 0; k < n; k++)
        if (!plain_id(rules[k].id))
            fail_msg("rule %s", rules[k].id);
    const nb_schema *schemas[] = {nb_schema_for(2021), nb_schema_for(2019),
                                  nb_schema_variant(2021, NB_VARIANT_ONE_OTHER)};
    for (size_t k = 0; k < sizeof schemas / sizeof schemas[0]; k++)
        for (int ci = 0; ci < nb_schema_ncells(schemas[k]); ci++)
            if (!plain_id(nb_schema_cell_name(schemas[k], ci)))
                fail_msg("cell %s", nb_schema_cell_name(schemas[k], ci));
}

/* What nb_put_json writes of s[0, n), NUL-terminated. */
static char *json_of(const char *s, size_t n)
{
    nb_writer w = nb_writer_to(NULL);
    nb_put_json(&w, s, n);
    nb_put(&w, "", 1);
    assert_false(w.failed);
    return w.b;
}

static void test_raw_at_text_end(void **s)
{
    (void)s;
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, "tests/data/seed001.txt", &g_ctx, &e), 0);
    static const char *const raws[] = {"7", "1234567890123456", "12345678901234567", "12\"3", "4\\5", "\t6",
                                       "\xe4\xb8\xad\x38", "1,234.5", "9\"", ""};
    int ci = 0;
    while (r.cells[ci].status == NB_ST_MISSING)
        ci++;
    for (size_t k = 0; k < sizeof raws / sizeof raws[0]; k++)
        for (size_t after = 0; after < 20; after++) { /* the bytes of the text after the raw text */
            size_t n = strlen(raws[k]), at = r.doc.len - after - n;
            memcpy(r.doc.text + at, raws[k], n);
            r.cells[ci].off = at;
            r.cells[ci].len = n;
            char *json = exported(&r, NULL, NULL), *raw = json_of(raws[k], n), want[128];
            snprintf(want, sizeof want, ",\"raw\":%s,\"status\":", raw);
            const char *got = strstr(json, ",\"raw\":");
            assert_non_null(got);
            assert_memory_equal(got, want, strlen(want));
            snprintf(want, sizeof want, ",\"length\":%zu", n);
            assert_memory_equal(strstr(got, ",\"length\":"), want, strlen(want));
            free(raw);
            free(json);
        }
    nb_report_free(&r);
}

/* The object of r with ctx made into a writer whose buffer starts with
 * cap bytes (grown as it fills); malloc'd, NUL-terminated. */
static char *exported_from(const nb_report *r, const nb_ctx *ctx, size_t cap)
{
    nb_writer w = nb_writer_to(NULL);
    w.b = malloc(cap);
    assert_non_null(w.b);
    w.cap = cap;
    nb_export_json_to(&w, r, NULL, NB_SEV_INFO, NULL, NB_LANG_EN, ctx);
    nb_put(&w, "", 1);
    assert_false(w.failed);
    return w.b;
}

/* seed001 with some cells made to have what only some cells have; the
 * object with the context's plans (cells made in the writer's room) into
 * buffers of every size up to its length and more, against the object
 * without a context (cells made in buffers of their own). */
static void test_cell_room(void **s)
{
    (void)s;
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, "tests/data/seed001.txt", &g_ctx, &e), 0);
    static const char quoted[] = "1\"2";
    memcpy(r.doc.text + r.doc.len - 8, quoted, 3); /* the text's end, not read again */
    int seen = 0;
    for (int ci = 0; ci < r.ncells; ci++) {
        nb_cell *c = &r.cells[ci];
        if (c->status == NB_ST_MISSING)
            continue;
        switch (seen++ % 5) {
        case 1: /* a raw text to escape: the rest made in a buffer of its own */
            c->off = r.doc.len - 8;
            c->len = 3;
            break;
        case 2:
            c->corrected = 1;
            c->orig_status = NB_ST_NUMBER;
            break;
        case 3:
            c->blob_off = c->off;
            c->blob_len = c->len;
            c->readings = 2;
            break;
        default:
            break;
        }
    }
    for (int kind = 0; kind < 2; kind++) { /* a text, then a docx with a grid */
        if (kind) {
            r.doc.kind = NB_KIND_DOCX;
            for (int ci = 0; ci < r.ncells; ci += 2)
                r.cells[ci].table = 1;
        }
        char *want = exported(&r, NULL, NULL);
        size_t n = strlen(want);
        assert_non_null(strstr(want, ",\"raw\":\"1\\\"2\""));
        assert_non_null(strstr(want, ",\"corrected\":true"));
        assert_non_null(strstr(want, ",\"note\":\""));
        size_t grids = 0, tables = 0; /* every cell of a table has its grid */
        for (const char *g = want; (g = strstr(g, ",\"grid\":{")) != NULL; g++)
            grids++;
        for (int ci = 0; ci < r.ncells; ci++)
            tables += kind && r.cells[ci].status != NB_ST_MISSING && r.cells[ci].table;
        assert_int_equal(grids, tables);
        for (size_t cap = 1; cap < n + 1200; cap += cap < 2048 ? 1 : 7) {
            char *got = exported_from(&r, &g_ctx, cap);
            if (strcmp(got, want) != 0)
                fail_msg("kind %d, a buffer of %zu bytes", kind, cap);
            free(got);
        }
        free(want);
    }
    nb_report_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_findings_placed),
        cmocka_unit_test(test_cell_statuses),
        cmocka_unit_test(test_ids_plain),
        cmocka_unit_test(test_raw_at_text_end),
        cmocka_unit_test(test_cell_room),
    };
    return TU_RUN("export", tests, &g_ctx, NULL, NULL);
}
