/* test_messages.c — a finding's message formats only the sides its rule's
 * composer reads, and is the message with every side formatted
 * (nb_msg_every_side, the plain way): for every finding of the reports of
 * tests/data and the corpus, of a year checked against the year before and
 * of a report whose tables were changed so that every sum fails, with the
 * sides it has and with others drawn at random (decimals, negatives, a
 * large figure), with no suspect cell, inferred or not, in both languages
 * and in rooms down to a byte, the length it tells the message's; and a
 * cell named "?" as snprintf put it. */
#include "testutil.h"
#include "check/check.h"
#include "check/rules.h"
#include "check/messages.h"
#include "check/msg.h"
#include "check/years.h"

static nb_ctx g_ctx;

static unsigned draw(unsigned long long *seed)
{
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(*seed >> 33);
}

static nb_num draw_num(unsigned long long *seed)
{
    static const nb_num fixed[] = {{0, 0}, {1, 0}, {-3, 0}, {125, 1}, {-7, 2}, {9223372036854775807LL, 0}};
    if (draw(seed) % 2)
        return fixed[draw(seed) % (sizeof fixed / sizeof fixed[0])];
    return (nb_num){(long long)(draw(seed) % 100000) - 500, (int)(draw(seed) % 3)};
}

/* The two ways alike for f in both languages and every room. */
static void same_message(const nb_report *r, const nb_finding *f)
{
    static const size_t rooms[] = {2048, 300, 97, 40, 7, 1};
    for (int zh = 0; zh < 2; zh++)
        for (size_t k = 0; k < sizeof rooms / sizeof rooms[0]; k++) {
            char want[2048], got[2048];
            nb_lang L = zh ? NB_LANG_ZH : NB_LANG_EN;
            nb_msg_every_side(r, f, L, want, rooms[k]);
            size_t len = nb_finding_message(r, f, L, got, rooms[k]);
            if (strcmp(want, got))
                fail_msg("%s, room %zu: \"%s\" is not \"%s\"", nb_rule_get(f->rule)->id, rooms[k], got, want);
            if (len != strlen(got)) /* the length told is the message's, cut or not */
                fail_msg("%s, room %zu: length %zu told for \"%s\"", nb_rule_get(f->rule)->id, rooms[k], len, got);
        }
}

/* Every finding as found, then with its sides drawn, without a suspect,
 * inferred. */
static void same_messages(const nb_report *r, const nb_findings *fs, unsigned long long *seed, int *seen)
{
    for (size_t i = 0; i < fs->n; i++) {
        nb_finding f = fs->v[i];
        seen[f.rule] = 1;
        same_message(r, &f);
        for (int k = 0; k < 4; k++) {
            f.lhs = draw_num(seed);
            f.rhs = draw_num(seed);
            f.inferred = k == 3;
            if (k == 2)
                f.suspect = -1;
            same_message(r, &f);
        }
    }
}

static void check_file(const char *path, unsigned long long *seed, int *seen)
{
    nb_report r;
    nb_findings fs = {0};
    nb_err e;
    if (nb_report_open(&r, path, &g_ctx, &e) != 0)
        return; /* not a report this reads: nothing to say */
    if (nb_check(&r, &g_ctx, &fs, &e) != 0)
        fail_msg("%s", e.msg);
    same_messages(&r, &fs, seed, seen);
    nb_findings_free(&fs);
    nb_report_free(&r);
}

/* check_file's arguments, for tu_each_txt. */
typedef struct dir_run {
    unsigned long long *seed;
    int *seen;
} dir_run;

static void check_one(const char *path, void *arg)
{
    dir_run *d = arg;
    check_file(path, d->seed, d->seen);
}

static void check_dir(const char *dir, unsigned long long *seed, int *seen)
{
    dir_run d = {seed, seen};
    tu_each_txt(dir, check_one, &d);
}

/* The year's findings against the year before. */
static void check_years(unsigned long long *seed, int *seen)
{
    nb_report a, b;
    nb_err e;
    if (nb_report_open(&a, "tests/data/years/wolong-2024.txt", &g_ctx, &e) != 0 ||
        nb_report_open(&b, "tests/data/years/wolong-2025.txt", &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    nb_summary *prev = malloc(sizeof *prev), *cur = malloc(sizeof *cur);
    assert_non_null(prev);
    assert_non_null(cur);
    nb_summarize(&a, prev);
    nb_summarize(&b, cur);
    nb_findings fs = {0};
    assert_int_equal(nb_check_years(prev, cur, b.schema, &fs, &e), 0);
    same_messages(&b, &fs, seed, seen);
    nb_findings_free(&fs);
    free(prev);
    free(cur);
    nb_report_free(&a);
    nb_report_free(&b);
}

/* clean.txt with every cell of the tables a figure of its own: every sum
 * fails, and one cell is no number. */
static void check_sums(unsigned long long *seed, int *seen)
{
    nb_report r;
    nb_err e;
    if (nb_report_open(&r, "tests/data/clean.txt", &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    for (int ci = 0; ci < r.ncells; ci++) {
        r.cells[ci].status = NB_ST_NUMBER;
        r.cells[ci].num = nb_num_int(ci % 7 + 1);
    }
    r.cells[3].status = NB_ST_TEXT;
    nb_findings fs = {0};
    if (nb_check(&r, &g_ctx, &fs, &e) != 0)
        fail_msg("%s", e.msg);
    same_messages(&r, &fs, seed, seen);
    nb_findings_free(&fs);
    nb_report_free(&r);
}

static void test_message_as_with_every_side(void **state)
{
    (void)state;
    unsigned long long seed = 11;
    int seen[NB_NRULES] = {0};
    check_dir("tests/data", &seed, seen);
    check_dir(tu_corpus_dir(), &seed, seen);
    check_years(&seed, seen);
    check_sums(&seed, seen);
    /* the rules whose sides are read and those whose are not, both met */
    static const nb_rule_id read[] = {NB_RULE_T3_BALANCE,     NB_RULE_T3_RESULTS_SUM, NB_RULE_T3_ROW_TOTAL,
                                      NB_RULE_T4_GROUP_TOTAL, NB_RULE_TEXT_TABLE_MISMATCH},
                            unread[] = {NB_RULE_CELL_BLANK, NB_RULE_CELL_NOT_NUMBER, NB_RULE_LABEL_DEVIATES,
                                        NB_RULE_STRUCT_MISSING};
    for (size_t k = 0; k < sizeof read / sizeof read[0]; k++)
        assert_true(seen[read[k]]);
    for (size_t k = 0; k < sizeof unread / sizeof unread[0]; k++)
        assert_true(seen[unread[k]]);
}

/* No suspect: "?", cut to the room as snprintf cut it. */
static void test_no_suspect_named_as_snprintf(void **state)
{
    (void)state;
    nb_report r;
    memset(&r, 0, sizeof r);
    for (size_t cap = 0; cap < 4; cap++) {
        char want[4] = "xyz", got[4] = "xyz";
        snprintf(want, cap, "?");
        nb_msg_cell_name(&r, -1, got, cap);
        assert_memory_equal(got, want, sizeof want);
    }
}

/* A blank cell's message names it by its ID, whole, as a copy of it into
 * the room a message's figures have (96 bytes) named it: every cell of
 * every schema, no suspect, and one past the last cell ("?"). */
static void test_suspect_named_whole(void **state)
{
    (void)state;
    static const int formats[][2] = {{2021, NB_VARIANT_STANDARD}, {2021, NB_VARIANT_ONE_OTHER}, {2019, NB_VARIANT_STANDARD}};
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        nb_report r;
        memset(&r, 0, sizeof r);
        r.schema = nb_schema_variant(formats[k][0], formats[k][1]);
        int n = nb_schema_ncells(r.schema);
        for (int ci = -1; ci <= n; ci++) {
            nb_finding f;
            memset(&f, 0, sizeof f);
            f.rule = NB_RULE_CELL_BLANK;
            f.suspect = ci;
            char id[96], want[300], got[2048];
            nb_msg_cell_name(&r, ci, id, sizeof id);
            snprintf(want, sizeof want, "%s is blank; the format asks for a number (0 for none)", id);
            size_t len = nb_finding_message(&r, &f, NB_LANG_EN, got, sizeof got);
            if (strcmp(got, want) || len != strlen(want))
                fail_msg("cell %d of %d: \"%s\" is not \"%s\"", ci, formats[k][0], got, want);
        }
    }
}

/* A table missing from a page (or a Word document, or a PDF) that shows
 * images: the message says that it may be one of them, in both languages;
 * from a page without, it does not. */
static void test_table_missing_from_page_of_images(void **state)
{
    (void)state;
    static const struct {
        nb_kind kind;
        const char *en, *zh;
    } cases[] = {
        {NB_KIND_HTML, "table T3 is missing; the page shows 3 image(s), which may hold it (a table published as an image "
                       "cannot be read)",
         "缺少表格 T3；网页中有 3 张图片，表格可能以图片形式发布，无法读取"},
        {NB_KIND_PDF, "table T3 is missing; the document shows 3 image(s), which may hold it (a table published as an "
                      "image cannot be read)",
         "缺少表格 T3；文档中有 3 张图片，表格可能以图片形式发布，无法读取"},
        {NB_KIND_DOCX, "table T3 is missing; the document shows 3 image(s), which may hold it (a table published as an "
                       "image cannot be read)",
         "缺少表格 T3；文档中有 3 张图片，表格可能以图片形式发布，无法读取"},
    };
    nb_finding f;
    memset(&f, 0, sizeof f);
    f.rule = NB_RULE_STRUCT_MISSING;
    f.part = NB_PART_TABLE;
    f.table = NB_T3;
    f.suspect = -1;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        nb_report r;
        memset(&r, 0, sizeof r);
        r.schema = nb_schema_variant(2021, NB_VARIANT_STANDARD);
        r.doc.kind = cases[k].kind;
        char got[2048];
        nb_finding_message(&r, &f, NB_LANG_EN, got, sizeof got);
        assert_string_equal(got, "table T3 is missing");
        r.doc.nimages = 3;
        nb_finding_message(&r, &f, NB_LANG_EN, got, sizeof got);
        assert_string_equal(got, cases[k].en);
        nb_finding_message(&r, &f, NB_LANG_ZH, got, sizeof got);
        assert_string_equal(got, cases[k].zh);
        same_message(&r, &f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_message_as_with_every_side),
        cmocka_unit_test(test_no_suspect_named_as_snprintf),
        cmocka_unit_test(test_suspect_named_whole),
        cmocka_unit_test(test_table_missing_from_page_of_images),
    };
    return TU_RUN("messages", tests, &g_ctx, NULL, NULL);
}
