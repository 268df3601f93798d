/* test_review.c — REPORT.review: the file round-trips; malformed and foreign
 * files are refused with their line and left untouched; corrections change
 * cells and remove the findings they fix; a decision's fingerprint does not
 * depend on values, and one kept in a memo is the one made afresh (by a
 * plain SHA-256 of the rule and sorted cell IDs, or of the subject of a
 * rulebook rule as snprintf writes it, too); saving is atomic; the corrected text differs from the
 * report only at the corrected spans. SHA-256 (what a review records of its
 * report) gives the standard's digests, by the processor's instructions as
 * by the C rounds. */
#include "testutil.h"
#include "out/corrected.h"
#include "check/check.h"
#include "check/findings.h"
#include "review/review.h"
#include "base/sha256.h"

#include <sys/stat.h>
#include <unistd.h>

static nb_ctx g_ctx;
static char g_dir[256];

static void path_in(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", g_dir, name);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void entry(nb_review *rv, nb_rv_kind kind, const char *cell, const char *finding, const char *value,
                  const char *text, nb_decision state)
{
    nb_rv_entry e;
    memset(&e, 0, sizeof e);
    e.kind = kind;
    snprintf(e.cell, sizeof e.cell, "%s", cell ? cell : "");
    snprintf(e.finding, sizeof e.finding, "%s", finding ? finding : "");
    e.value = (char *)value;
    e.text = (char *)text;
    e.state = state;
    e.by = (char *)"张三";
    snprintf(e.at, sizeof e.at, "2026-11-22T07:30:00+08:00");
    assert_int_equal(nb_review_add(rv, &e), 0);
}

static void test_round_trip(void **s)
{
    (void)s;
    nb_review rv = {0};
    snprintf(rv.report, sizeof rv.report, "报告 2024.txt");
    snprintf(rv.sha256, sizeof rv.sha256, "%064d", 0);
    entry(&rv, NB_RV_CORRECT, "t3.new.total", NULL, "12", NULL, 0);
    entry(&rv, NB_RV_NOTE, "t3.new.total", NULL, NULL, "two lines:\n\"quoted\" and \\ back\tslash", 0);
    entry(&rv, NB_RV_DECIDE, NULL, "0123456789abcdef", NULL, "not an error: see 附件", NB_DEC_DISMISSED);
    rv.v[2].cells = strdup("t3.new.total t3.new.natural");
    rv.v[2].seen = strdup("12 -");
    char p[512];
    path_in(p, sizeof p, "rt.review");
    nb_err e;
    assert_int_equal(nb_review_save(&rv, p, NB_LANG_EN, &e), 0);
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", p, (long)getpid());
    assert_int_not_equal(access(tmp, F_OK), 0); /* no temporary file left */
    nb_review back;
    assert_int_equal(nb_review_load(&back, p, NB_LANG_EN, &e), 0);
    assert_string_equal(back.report, rv.report);
    assert_string_equal(back.sha256, rv.sha256);
    assert_int_equal(back.n, 3);
    assert_int_equal(back.v[0].kind, NB_RV_CORRECT);
    assert_string_equal(back.v[0].value, "12");
    assert_string_equal(back.v[1].text, rv.v[1].text);
    assert_string_equal(back.v[2].text, "not an error: see 附件");
    assert_int_equal(back.v[2].state, NB_DEC_DISMISSED);
    assert_string_equal(back.v[2].seen, "12 -");
    assert_string_equal(back.v[2].by, "张三");
    /* saving what was loaded gives the same bytes: diff-friendly */
    char p2[512];
    path_in(p2, sizeof p2, "rt2.review");
    assert_int_equal(nb_review_save(&back, p2, NB_LANG_EN, &e), 0);
    char *a = tu_read(p, NULL), *b = tu_read(p2, NULL);
    assert_string_equal(a, b);
    free(a);
    free(b);
    nb_review_free(&back);
    nb_review_free(&rv);
}

static void test_malformed(void **s)
{
    (void)s;
    static const struct {
        const char *text, *want;
    } bad[] = {
        {"hello\n", ":1: not a nianbao review file"},
        {"# c\nnianbao-review 2\n", ":2: review file version 2"},
        {"nianbao-review 1\ncorrect cell=t3.new.total\n", ":2: malformed correct entry"},
        {"nianbao-review 1\nreport \"x\"\nnote text=\"unterminated\n", ":3: malformed note entry"},
        {"nianbao-review 1\nerase everything\n", ":2: unknown entry \"erase\""},
        {"", "bad.review: not a nianbao review file (empty)"},
        {"hello", ":1: not a nianbao review file"},
        {"# only a comment\n\n", ":2: not a nianbao review file (comments only)"},
        {"nianbao-review 1\ncorrect cell=t3.new.total value=\"1\" by=\"a\" at=2026-01-01T00:00:00+08:00\nnote cell=t3.new.total by=\"a\" at=2026-01-01T00:00:00+08:00 text=\"cut he",
         ":3: the file ends inside this entry (cut short?)"},
        {"nianbao-review 1\ncorrect cell=t3.new.total value=\"1\" was=\"\" missing=yes\n", ":2: malformed correct entry"},
        {"nianbao-review 1\ncorrect cell=t3.new.total value=\"1\" missing=no\n", ":2: malformed correct entry"},
        {"\xef\xbb\xbf", ":1: not a nianbao review file"}, /* a byte-order mark alone: no line left to look at */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char p[512];
        path_in(p, sizeof p, "bad.review");
        write_file(p, bad[i].text);
        nb_review rv;
        nb_err e;
        assert_int_equal(nb_review_load(&rv, p, NB_LANG_EN, &e), -1);
        assert_int_equal(e.code, NB_E_FORMAT);
        if (!strstr(e.msg, bad[i].want) || !strstr(e.msg, p))
            fail_msg("case %zu: \"%s\" lacks \"%s\"", i, e.msg, bad[i].want);
        assert_int_equal(rv.n, 0);
        char *after = tu_read(p, NULL); /* left untouched */
        assert_string_equal(after, bad[i].text);
        free(after);
    }
    nb_review rv;
    nb_err e;
    char p[512];
    path_in(p, sizeof p, "none.review");
    assert_int_equal(nb_review_load(&rv, p, NB_LANG_EN, &e), -1);
    assert_int_equal(e.code, NB_E_NOTFOUND);
}

static int count_rule_on(const nb_report *r, const nb_findings *f, const char *rule, const char *cell)
{
    int ci = nb_schema_find_cell(r->schema, cell), n = 0;
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].rule == nb_rule_index(rule))
            for (int k = 0; k < f->v[i].ncells; k++)
                n += f->v[i].cells[k] == ci;
    return n;
}

/* A review edited and saved in GBK (Notepad on a Chinese Windows): its GBK
 * lines read in UTF-8, as written; a UTF-8 line beside them as it is; a
 * line that is neither keeps its stray byte; a BOM before the header (UTF-8
 * as Notepad saves it) passed over. */
static void test_gbk_lines(void **s)
{
    (void)s;
    char p[512];
    path_in(p, sizeof p, "gbk.review");
    write_file(p, "\xef\xbb\xbfnianbao-review 1\n" /* saved by Notepad: a BOM, and GBK */
                  "note cell=t3.new.total by=\"\xd5\xc5\xc8\xfd\" at=2026-01-01T00:00:00+08:00 text=\"\xd2\xd1\xba\xcb\xb6\xd4\"\n"
                  "note cell=t3.new.total by=\"李四\" at=2026-01-01T00:00:00+08:00 text=\"核对\"\n"
                  "note cell=t3.new.total by=\"a\" at=2026-01-01T00:00:00+08:00 text=\"x\xffy\"\n");
    nb_review rv;
    nb_err e;
    assert_int_equal(nb_review_load(&rv, p, NB_LANG_EN, &e), 0);
    static const char *const want[][2] = {{"张三", "已核对"}, {"李四", "核对"}, {"a", "x\xffy"}};
    assert_int_equal(rv.n, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(rv.v[i].by, want[i][0]);
        assert_string_equal(rv.v[i].text, want[i][1]);
    }
    nb_review_free(&rv);
}

static void test_correction_removes_finding(void **s)
{
    (void)s;
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, "tests/data/seed002.txt", &g_ctx, &e), 0);
    nb_findings f = {0};
    nb_check(&r, &g_ctx, &f, &e);
    assert_int_equal(count_rule_on(&r, &f, "CELL.BLANK", "t2.regulation.in_force"), 1);
    nb_findings_free(&f);
    nb_review rv = {0};
    entry(&rv, NB_RV_CORRECT, "t2.regulation.in_force", NULL, "0", NULL, 0);
    entry(&rv, NB_RV_CORRECT, "t9.no_such", NULL, "1", NULL, 0);
    nb_rv_problems pr = {0};
    assert_int_equal(nb_review_apply(&rv, &r, &pr), 1);
    assert_int_equal(pr.n, 1);
    assert_int_equal(pr.v[0].entry, 1);
    assert_int_equal(pr.v[0].why, NB_RVP_NO_CELL);
    nb_rv_problems_free(&pr);
    const nb_cell *c = nb_report_cell(&r, "t2.regulation.in_force");
    assert_true(c->corrected);
    assert_int_equal(c->status, NB_ST_NUMBER);
    assert_int_equal(c->orig_status, NB_ST_BLANK);
    nb_check(&r, &g_ctx, &f, &e);
    assert_int_equal(count_rule_on(&r, &f, "CELL.BLANK", "t2.regulation.in_force"), 0);
    assert_int_equal(count_rule_on(&r, &f, "CELL.BLANK", "t2.normative.in_force"), 1);
    nb_findings_free(&f);
    nb_review_free(&rv);
    nb_report_free(&r);
}

/* seed002 as its author revised it: the 规章 row (line 39, whose 现行有效件数
 * is blank) deleted, written to g_dir under name. */
static void write_without_row(const char *name, char *out, size_t cap)
{
    char *text = tu_read("tests/data/seed002.txt", NULL);
    char *row = strstr(text, "\n\xe8\xa7\x84\xe7\xab\xa0\t"); /* \n规章\t */
    assert_non_null(row);
    char *end = strchr(row + 1, '\n');
    memmove(row, end, strlen(end) + 1);
    path_in(out, cap, name);
    write_file(out, text);
    free(text);
}

/* seed002 with its blank 规章 现行有效件数 filled in with 0 by its author,
 * written to g_dir under name. */
static void write_filled(const char *name, char *out, size_t cap)
{
    char *text = tu_read("tests/data/seed002.txt", NULL);
    const char *blank = "\n\xe8\xa7\x84\xe7\xab\xa0\t0\t0\t\n"; /* \n规章\t0\t0\t\n */
    char *at = strstr(text, blank);
    assert_non_null(at);
    size_t n = strlen(text), head = (size_t)(at - text) + strlen(blank) - 1;
    char *filled = malloc(n + 2);
    memcpy(filled, text, head);
    filled[head] = '0';
    memcpy(filled + head + 1, text + head, n - head + 1);
    path_in(out, cap, name);
    write_file(out, filled);
    free(filled);
    free(text);
}

/* The one problem of applying rv to the report at path, or -1 for none,
 * and its cell (cell may be NULL); *corrected: whether
 * t2.regulation.in_force took the correction. */
static int apply_to(nb_review *rv, const char *path, int *corrected, int *cell)
{
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, path, &g_ctx, &e), 0);
    nb_rv_problems pr = {0};
    assert_true(nb_review_apply(rv, &r, &pr) >= 0);
    assert_true(pr.n <= 1);
    int why = pr.n ? (int)pr.v[0].why : -1;
    if (cell)
        *cell = pr.n ? pr.v[0].cell : -1;
    *corrected = nb_report_cell(&r, "t2.regulation.in_force")->corrected;
    nb_rv_problems_free(&pr);
    nb_report_free(&r);
    return why;
}

/* A correction of a blank cell (was "") is not carried onto a revised
 * report that has lost the cell (its row deleted): it is said, not applied
 * to a cell the report no longer has; the very version it was made against
 * keeps it (a review written before missing=yes). One made where the cell
 * was missing (missing=yes, read and written so) fits while it is missing,
 * and is stale once the report has the cell. */
static void test_correction_on_lost_cell(void **s)
{
    (void)s;
    char revised[512], p[512];
    write_without_row("revised.txt", revised, sizeof revised);
    nb_review rv = {0};
    assert_int_equal(nb_file_sha256("tests/data/seed002.txt", rv.sha256), 0);
    entry(&rv, NB_RV_CORRECT, "t2.regulation.in_force", NULL, "0", NULL, 0);
    rv.v[0].was = strdup("");
    int corrected;
    assert_int_equal(apply_to(&rv, revised, &corrected, NULL), NB_RVP_GONE);
    assert_false(corrected);
    assert_int_equal(apply_to(&rv, "tests/data/seed002.txt", &corrected, NULL), -1);
    assert_true(corrected);
    assert_int_equal(nb_file_sha256(revised, rv.sha256), 0); /* a blank-cell correction on the version it was made against */
    assert_int_equal(apply_to(&rv, revised, &corrected, NULL), -1);
    assert_true(corrected);
    free(rv.v[0].was);
    rv.v[0].was = NULL;
    rv.v[0].was_missing = 1;
    path_in(p, sizeof p, "missing.review");
    nb_err e;
    assert_int_equal(nb_review_save(&rv, p, NB_LANG_EN, &e), 0);
    char *text = tu_read(p, NULL);
    assert_non_null(strstr(text, " missing=yes by="));
    free(text);
    nb_review back;
    assert_int_equal(nb_review_load(&back, p, NB_LANG_EN, &e), 0);
    assert_true(back.v[0].was_missing);
    assert_null(back.v[0].was);
    assert_int_equal(apply_to(&back, revised, &corrected, NULL), -1);
    assert_true(corrected);
    assert_int_equal(apply_to(&back, "tests/data/seed002.txt", &corrected, NULL), NB_RVP_STALE);
    assert_false(corrected);
    nb_review_free(&back);
    nb_review_free(&rv);
}

/* A correction the author has since made in the report (blank → 0, as
 * corrected) is neither applied nor said stale; one the report gives
 * another figure for is stale. */
static void test_correction_adopted(void **s)
{
    (void)s;
    char filled[512];
    write_filled("filled.txt", filled, sizeof filled);
    nb_review rv = {0};
    entry(&rv, NB_RV_CORRECT, "t2.regulation.in_force", NULL, "0", NULL, 0);
    rv.v[0].was = strdup("");
    int corrected;
    assert_int_equal(apply_to(&rv, filled, &corrected, NULL), -1);
    assert_false(corrected);
    free(rv.v[0].value);
    rv.v[0].value = strdup("5");
    assert_int_equal(apply_to(&rv, filled, &corrected, NULL), NB_RVP_STALE);
    assert_false(corrected);
    nb_review_free(&rv);
}

/* A decision records the report's own values of its finding's cells
 * (seen): in force while the report gives them, whatever corrections say;
 * once a revised report gives other figures, not in force (the finding open
 * again) and said, with the cell. */
static void test_decision_on_changed_figures(void **s)
{
    (void)s;
    nb_review rv = {0};
    entry(&rv, NB_RV_DECIDE, NULL, "0123456789abcdef", NULL, "known", NB_DEC_DISMISSED);
    rv.v[0].cells = strdup("t3.new.total t2.regulation.in_force");
    entry(&rv, NB_RV_CORRECT, "t3.new.total", NULL, "999", NULL, 0);
    int corrected, cell;
    const char *seed = "tests/data/seed002.txt", *fp = "0123456789abcdef";
    assert_int_equal(apply_to(&rv, seed, &corrected, &cell), -1); /* none seen: as before */
    assert_non_null(nb_review_decision(&rv, fp));
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, seed, &g_ctx, &e), 0);
    int ci = nb_schema_find_cell(r.schema, "t3.new.total");
    char seen[128], v[64];
    nb_cell_own_value(&r.cells[ci], v, sizeof v);
    snprintf(seen, sizeof seen, "%s -", v);
    rv.v[0].seen = strdup(seen);
    assert_int_equal(apply_to(&rv, seed, &corrected, &cell), -1); /* the report's own figures, corrected or not */
    assert_non_null(nb_review_decision(&rv, fp));
    free(rv.v[0].seen);
    snprintf(seen, sizeof seen, "%s1 -", v); /* the report gave another figure when decided */
    rv.v[0].seen = strdup(seen);
    assert_int_equal(apply_to(&rv, seed, &corrected, &cell), NB_RVP_CHANGED);
    assert_null(nb_review_decision(&rv, fp));
    assert_int_equal(cell, ci);
    nb_report_free(&r);
    nb_review_free(&rv);
}

static void test_fingerprint_ignores_values(void **s)
{
    (void)s;
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, "tests/data/seed001.txt", &g_ctx, &e), 0);
    int ci = nb_schema_find_cell(r.schema, "t3.new.natural");
    r.cells[ci].num = nb_num_int(1);
    nb_findings f = {0};
    nb_check(&r, &g_ctx, &f, &e);
    assert_true(f.n > 0);
    char fp1[24], fp2[24];
    nb_finding_fingerprint(&r, &f.v[0], fp1);
    int rule = f.v[0].rule;
    nb_findings_free(&f);
    r.cells[ci].num = nb_num_int(7); /* other values, same finding */
    nb_check(&r, &g_ctx, &f, &e);
    assert_int_equal(f.v[0].rule, rule);
    nb_finding_fingerprint(&r, &f.v[0], fp2);
    assert_string_equal(fp1, fp2);
    assert_int_equal(strlen(fp1), 16);
    /* the decision in force is the last one */
    nb_review rv = {0};
    entry(&rv, NB_RV_DECIDE, NULL, fp1, NULL, "first", NB_DEC_DISMISSED);
    entry(&rv, NB_RV_DECIDE, NULL, fp1, NULL, NULL, NB_DEC_OPEN);
    entry(&rv, NB_RV_DECIDE, NULL, fp1, NULL, "checked with the office", NB_DEC_CONFIRMED);
    const nb_rv_entry *d = nb_review_decision(&rv, fp1);
    assert_non_null(d);
    assert_int_equal(d->state, NB_DEC_CONFIRMED);
    assert_null(nb_review_decision(&rv, "ffffffffffffffff"));
    nb_review_free(&rv);
    nb_findings_free(&f);
    nb_report_free(&r);
}

/* The print of a finding that names cells, made plainly: SHA-256 of the
 * rule's ID and |ID of each cell, the IDs sorted, its first 16 hex digits. */
static void plain_print(const nb_report *r, const nb_finding *f, char out[24])
{
    const char *ids[NB_FCELLS];
    for (int i = 0; i < f->ncells; i++)
        ids[i] = nb_schema_cell_name(r->schema, f->cells[i]);
    for (int i = 1; i < f->ncells; i++) /* sorted by strcmp */
        for (int j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            const char *t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    char b[4096];
    size_t n = (size_t)snprintf(b, sizeof b, "%s", nb_rule_get(f->rule)->id);
    for (int i = 0; i < f->ncells; i++)
        n += (size_t)snprintf(b + n, sizeof b - n, "|%s", ids[i]);
    char hex[65];
    nb_sha256_hex(b, n, hex);
    snprintf(out, 24, "%.16s", hex);
}

/* A finding of rule naming k cells of the schema's nc, drawn from x. */
static nb_finding drawn_finding(unsigned *x, nb_rule_id rule, int k, int nc)
{
    nb_finding f;
    memset(&f, 0, sizeof f);
    f.rule = rule;
    f.suspect = -1;
    for (int i = 0; i < k; i++) {
        *x = *x * 1103515245u + 12345u;
        nb_finding_add_cell(&f, (int)(*x >> 8) % nc);
    }
    return f;
}

static void test_fingerprint_memo(void **s)
{
    (void)s;
    nb_memo *m = nb_fp_memo_new();
    assert_non_null(m);
    /* findings that name cells: one to 32 of them (past the 1024 bytes
     * gathered: hashed in pieces), thousands of them (past what the memo
     * keeps), each asked for three times, the plain print the same */
    nb_report r;
    memset(&r, 0, sizeof r);
    const nb_schema *schemas[] = {nb_schema_for(2021), nb_schema_for(2019),
                                  nb_schema_variant(2021, NB_VARIANT_ONE_OTHER)};
    int nc = nb_schema_ncells(schemas[1]) < nb_schema_ncells(schemas[0]) ? nb_schema_ncells(schemas[1])
                                                                         : nb_schema_ncells(schemas[0]);
    static const nb_rule_id rules[] = {NB_RULE_CELL_BLANK, NB_RULE_T3_BALANCE, NB_RULE_T3_ROW_TOTAL};
    for (int pass = 0; pass < 3; pass++) { /* the same cells of each schema (their own prints), the last in the
                                              other order */
        unsigned x = 7;
        for (int i = 0; i < 6000; i++) {
            int k = i % 97 == 0 ? NB_FCELLS : 1 + i % 4;
            r.schema = schemas[i / 7 % 3];
            nb_finding f = drawn_finding(&x, rules[i % 3], k, nc);
            for (int a = 0, b = f.ncells - 1; pass == 2 && a < b; a++, b--) {
                int t = f.cells[a];
                f.cells[a] = f.cells[b];
                f.cells[b] = t;
            }
            char a[24], b[24], c[24];
            plain_print(&r, &f, a);
            nb_finding_fingerprint_memo(m, &r, &f, b);
            nb_finding_fingerprint(&r, &f, c);
            assert_string_equal(a, b);
            assert_string_equal(a, c);
        }
    }
    /* the findings of real reports (sections, labels, dates, claims as
     * their subject), each report checked twice */
    static const char *const files[] = {"tests/data/seed000.txt", "tests/data/seed003.txt", "tests/data/shuyang-2023.txt",
                                        "tests/data/sumerror.txt", "tests/data/clean.txt"};
    for (int twice = 0; twice < 2; twice++)
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
            nb_report rr;
            nb_err e;
            assert_int_equal(nb_report_open(&rr, files[i], &g_ctx, &e), 0);
            nb_findings f = {0};
            assert_int_equal(nb_check(&rr, &g_ctx, &f, &e), 0);
            for (size_t k = 0; k < f.n; k++) {
                char a[24], b[24];
                nb_finding_fingerprint(&rr, &f.v[k], a);
                nb_finding_fingerprint_memo(m, &rr, &f.v[k], b);
                assert_string_equal(a, b);
                nb_finding_fingerprint_memo(NULL, &rr, &f.v[k], b);
                assert_string_equal(a, b);
            }
            nb_findings_free(&f);
            nb_report_free(&rr);
        }
    nb_fp_memo_free(m);
}

/* The print of a finding of the rulebook (no cells), made plainly: its
 * subject as snprintf writes it into 512 bytes, after the rule's ID. */
static void plain_rulebook_print(const nb_report *r, const nb_finding *f, char out[24])
{
    char a[16], b[16], key[600];
    nb_date_iso(f->date[0], a);
    nb_date_iso(f->date[1], b);
    size_t n = strlen(nb_rule_get(f->rule)->id);
    memcpy(key, nb_rule_get(f->rule)->id, n);
    snprintf(key + n, 512, "%d\x1f%s\x1f%s\x1f%.*s\x1f%.*s\x1f%u\x1f%d\x1f%s\x1f%s", (int)f->form,
             f->word ? f->word : "", f->word2 ? f->word2 : "", (int)(f->text.len < 160 ? f->text.len : 160),
             r->doc.text + f->text.off, (int)(f->claim_len < 160 ? f->claim_len : 160), r->doc.text + f->claim_off,
             f->mask, f->section, a, b);
    char hex[65];
    nb_sha256_hex(key, n + strlen(key + n), hex);
    snprintf(out, 24, "%.16s", hex);
}

/* Findings of the rulebook with generated subjects (words long and none,
 * texts past 160 bytes and with a NUL, masks past 2^31, sections below 0,
 * dates no report has, keys cut at 511 bytes): their prints, with the memo
 * and without, are the plain ones. */
static void test_fingerprint_rulebook(void **s)
{
    (void)s;
    char text[2048];
    unsigned x = 11;
    for (size_t i = 0; i < sizeof text; i++) {
        x = x * 1103515245u + 12345u;
        text[i] = (char)(i % 97 == 50 ? 0 : 'a' + (x >> 8) % 26);
    }
    char longword[400];
    memset(longword, 'w', sizeof longword - 1);
    longword[sizeof longword - 1] = '\0';
    const char *words[] = {NULL, "", "规范性文件", "2019", longword};
    nb_report r;
    memset(&r, 0, sizeof r);
    r.schema = nb_schema_for(2021);
    r.doc.text = text;
    r.doc.len = sizeof text - 1;
    nb_memo *m = nb_fp_memo_new();
    assert_non_null(m);
    for (int i = 0; i < 3000; i++) {
        nb_finding f;
        memset(&f, 0, sizeof f);
        f.rule = NB_RULE_PERIOD_INCOMPLETE;
        f.suspect = -1;
        x = x * 1103515245u + 12345u;
        unsigned z = x >> 4;
        f.form = (nb_finding_form)(z % 7);
        f.word = words[z / 7 % 5];
        f.word2 = words[z / 35 % 5];
        f.text = (nb_span){z % 1500, z / 3 % 300};
        f.claim_off = z / 5 % 1500;
        f.claim_len = z / 11 % 300;
        f.mask = i % 3 ? z % 64 : 0x80000000u | z;
        f.section = (int)(z % 9) - 1;
        f.date[0] = (nb_date){i % 5 ? 2024 : 123456, (int)(z % 13), (int)(z % 32)};
        f.date[1] = (nb_date){i % 4 ? 0 : 2025, i % 7 ? 1 : -3, 5};
        char a[24], b[24], c[24];
        plain_rulebook_print(&r, &f, a);
        nb_finding_fingerprint(&r, &f, b);
        nb_finding_fingerprint_memo(m, &r, &f, c);
        assert_string_equal(a, b);
        assert_string_equal(a, c);
    }
    nb_fp_memo_free(m);
}

static void test_corrected_text(void **s)
{
    (void)s;
    char p[512], out[512];
    path_in(p, sizeof p, "report.txt");
    path_in(out, sizeof out, "corrected.txt");
    size_t n = 0;
    char *orig = tu_read("tests/data/seed003.txt", &n);
    FILE *f = fopen(p, "wb");
    fwrite(orig, 1, n, f);
    fclose(f);
    char sha_before[65];
    assert_int_equal(nb_file_sha256(p, sha_before), 0);
    nb_report r;
    nb_err e;
    assert_int_equal(nb_report_open(&r, p, &g_ctx, &e), 0);
    nb_review rv = {0};
    entry(&rv, NB_RV_CORRECT, "t2.normative.in_force", NULL, "7", NULL, 0); /* "1" → "7" */
    entry(&rv, NB_RV_CORRECT, "t3.total.total", NULL, "3", NULL, 0);        /* "0" → "3" */
    assert_int_equal(nb_review_apply(&rv, &r, NULL), 2);
    nb_unplaced unplaced = {-1, NULL};
    assert_int_equal(nb_export_corrected(&r, out, &unplaced, NB_LANG_EN, &e), 0);
    assert_int_equal(unplaced.n, 0);
    size_t m = 0;
    char *got = tu_read(out, &m);
    assert_int_equal(m, n);
    int diffs = 0;
    for (size_t i = 0; i < n; i++)
        if (got[i] != orig[i]) {
            diffs++;
            const nb_cell *c1 = nb_report_cell(&r, "t2.normative.in_force"), *c2 = nb_report_cell(&r, "t3.total.total");
            assert_true(i == c1->off || i == c2->off);
        }
    assert_int_equal(diffs, 2);
    char sha_after[65];
    assert_int_equal(nb_file_sha256(p, sha_after), 0);
    assert_string_equal(sha_before, sha_after); /* the report is never written */
    /* refusals in the reviewer's language: the report itself, a folder that is not there */
    assert_int_equal(nb_export_corrected(&r, p, &unplaced, NB_LANG_ZH, &e), -1);
    assert_non_null(strstr(e.msg, "从不改写"));
    path_in(out, sizeof out, "no-such-folder/corrected.txt");
    assert_int_equal(nb_export_corrected(&r, out, &unplaced, NB_LANG_ZH, &e), -1);
    assert_non_null(strstr(e.msg, "无法"));
    assert_null(strstr(e.msg, "cannot"));
    free(got);
    free(orig);
    nb_review_free(&rv);
    nb_report_free(&r);
}

static int setup(void **s)
{
    (void)s;
    snprintf(g_dir, sizeof g_dir, "/tmp/nb_test_review.XXXXXX");
    return mkdtemp(g_dir) ? 0 : -1;
}

static int teardown(void **s)
{
    (void)s;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The digest of data (n bytes) fed in pieces of step, by the C rounds or (ni) the processor's. */
static void digest(const unsigned char *data, size_t n, size_t step, int ni, char out[65])
{
    nb_sha256 h;
    unsigned char d[32];
    nb_sha256_init(&h);
    h.ni = h.ni && ni;
    for (size_t i = 0; i < n; i += step)
        nb_sha256_update(&h, data + i, n - i < step ? n - i : step);
    nb_sha256_final(&h, d);
    nb_hex(d, 32, out);
}

static void test_sha256(void **s)
{
    (void)s;
    static const struct {
        const char *in, *hex;
    } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    char a[65], b[65];
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        nb_sha256_hex(v[i].in, strlen(v[i].in), a);
        assert_string_equal(a, v[i].hex);
    }
    unsigned char buf[1000];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 131 + (i >> 3));
    for (size_t n = 0; n <= sizeof buf; n += 7) { /* every padding case, whole blocks and pieces */
        digest(buf, n, 1000, 1, a);
        digest(buf, n, 13, 0, b);
        assert_string_equal(a, b);
    }
    memset(buf, 'a', sizeof buf);
    nb_sha256 h;
    unsigned char d[32];
    nb_sha256_init(&h);
    for (int i = 0; i < 1000; i++)
        nb_sha256_update(&h, buf, sizeof buf);
    nb_sha256_final(&h, d);
    nb_hex(d, 32, a);
    assert_string_equal(a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_gbk_lines),
        cmocka_unit_test(test_correction_removes_finding),
        cmocka_unit_test(test_correction_on_lost_cell),
        cmocka_unit_test(test_decision_on_changed_figures),
        cmocka_unit_test(test_correction_adopted),
        cmocka_unit_test(test_fingerprint_ignores_values),
        cmocka_unit_test(test_fingerprint_memo),
        cmocka_unit_test(test_fingerprint_rulebook),
        cmocka_unit_test(test_corrected_text),
        cmocka_unit_test(test_sha256),
    };
    return TU_RUN("review", tests, &g_ctx, setup, teardown);
}
