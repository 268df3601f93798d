/* test_survey.c — the batch figures of a queue (batch/survey.h): two years
 * of one body and a file that is not a report; the figures of each report
 * (body, year, format, findings by severity, open findings, total), the
 * cross-year findings in whichever order the years come, decisions made in
 * a session and saved changing the open findings and the review's state
 * (not started, in progress, done), the rule settings of a folder's
 * .nianbao, a malformed one said with its file and line, a report added. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/survey.h"
#include "check/rules.h"
#include "read/read.h"
#include "review/session.h"
#include "testutil.h"

static nb_ctx g_ctx;
static char g_dir[64];
static char g_2024[128], g_2025[128], g_broken[128];

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A fresh folder for each test: the two years and a binary file. */
static int setup(void **s)
{
    (void)s;
    if (tu_tempdir(g_dir, sizeof g_dir, "survey") != 0)
        return -1;
    snprintf(g_2024, sizeof g_2024, "%s/wolong-2024.txt", g_dir);
    snprintf(g_2025, sizeof g_2025, "%s/wolong-2025.txt", g_dir);
    snprintf(g_broken, sizeof g_broken, "%s/broken.txt", g_dir);
    tu_copy_file("tests/data/years/wolong-2024.txt", g_2024);
    tu_copy_file("tests/data/years/wolong-2025.txt", g_2025);
    FILE *f = fopen(g_broken, "wb");
    if (!f)
        return -1;
    fwrite("\x00\x01\x02\x03\xff\xfe\x00\x00binary", 1, 14, f);
    fclose(f);
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    return tu_rmtree(g_dir);
}

/* A survey of paths started, nothing read yet; the configuration files
 * read unless no_config. */
static void start_survey(nb_survey *sv, char **paths, size_t n, int no_config)
{
    nb_paths P = {0};
    nb_err err;
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nb_paths_push(&P, paths[i], NB_LANG_EN, &err), 0);
    assert_int_equal(nb_survey_init(sv, &P, &g_ctx, &err), 0);
    assert_int_equal(P.n, 0); /* taken */
    sv->no_config = no_config;
    sv->user_config[0] = '\0';
}

/* The survey report by report. */
static void survey_of(nb_survey *sv, char **paths, size_t n, int no_config)
{
    nb_err err;
    start_survey(sv, paths, n, no_config);
    assert_int_equal(nb_survey_all(sv, &g_ctx, &err), 0);
}

/* The same survey on jobs threads, each report read once (nb_survey_batch). */
static size_t g_told, g_told_n;
static void told(size_t done, size_t n)
{
    assert_true(done >= g_told && done <= n); /* never backwards, never past the end */
    g_told = done;
    g_told_n = n;
}

static void batch_of(nb_survey *sv, char **paths, size_t n, int jobs)
{
    nb_err err;
    start_survey(sv, paths, n, 1);
    g_told = g_told_n = 0;
    assert_int_equal(nb_survey_batch(sv, jobs, g_ctx.lang, told, &err), 0);
    assert_int_equal(g_told, n); /* the progress reached the end */
    assert_int_equal(g_told_n, n);
}

static void assert_counts(const long got[3], long info, long warnings, long errors)
{
    assert_int_equal(got[NB_SEV_INFO], info);
    assert_int_equal(got[NB_SEV_WARNING], warnings);
    assert_int_equal(got[NB_SEV_ERROR], errors);
}

static void test_figures(void **s)
{
    (void)s;
    char *paths[] = {g_2025, g_2024, g_broken};
    nb_survey sv;
    survey_of(&sv, paths, 3, 1);
    assert_int_equal(sv.n, 3);
    const nb_survey_item *y25 = &sv.v[0], *y24 = &sv.v[1], *bad = &sv.v[2];
    assert_true(y25->surveyed && y25->ok);
    assert_string_equal(y25->agency, "卧龙区安皋镇人民政府");
    assert_int_equal(y25->year, 2025);
    assert_int_equal(y25->format, 2021);
    /* T3.BALANCE, T3.ROW_TOTAL, YEAR.CARRY; YEAR.IN_FORCE */
    assert_counts(y25->findings, 0, 1, 3);
    assert_counts(y25->open, 0, 1, 3);
    assert_int_equal(y25->total, 4);
    assert_int_equal(y25->review, NB_REVIEW_NOT_STARTED);
    assert_int_equal(y25->to_decide, 3);
    assert_int_equal(y25->decided, 0);
    assert_true(y24->ok);
    assert_int_equal(y24->year, 2024);
    assert_int_equal(y24->total, 0);
    assert_true(bad->surveyed);
    assert_false(bad->ok);
    assert_non_null(strstr(bad->problem, "broken.txt"));
    nb_survey_free(&sv);

    /* the earlier year first: its summary is kept for the later one */
    char *rev[] = {g_2024, g_2025};
    survey_of(&sv, rev, 2, 1);
    assert_counts(sv.v[1].findings, 0, 1, 3);
    nb_survey_free(&sv);

    /* alone, 2025 has no year before: no YEAR.* */
    survey_of(&sv, paths, 1, 1);
    assert_counts(sv.v[0].findings, 0, 0, 2);
    nb_survey_free(&sv);
}

/* Every item of the batch all as the survey report by report makes it (one). */
static void assert_same_items(const nb_survey *one, const nb_survey *all, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_true(all->v[i].surveyed);
        assert_int_equal(all->v[i].ok, one->v[i].ok);
        assert_string_equal(all->v[i].problem, one->v[i].problem);
        assert_string_equal(all->v[i].agency, one->v[i].agency);
        assert_int_equal(all->v[i].year, one->v[i].year);
        assert_int_equal(all->v[i].total, one->v[i].total);
        assert_memory_equal(all->v[i].findings, one->v[i].findings, sizeof one->v[i].findings);
        assert_memory_equal(all->v[i].open, one->v[i].open, sizeof one->v[i].open);
        assert_int_equal(all->v[i].to_decide, one->v[i].to_decide);
    }
}

/* The batch on one and on two threads: every item as the survey report by
 * report makes it, in either order of the years (the later year's
 * YEAR.CARRY and YEAR.IN_FORCE found against the earlier); the pairing is
 * kept for a report decided afterwards. */
static void test_batch(void **s)
{
    (void)s;
    char *orders[2][3] = {{g_2025, g_2024, g_broken}, {g_broken, g_2024, g_2025}};
    for (int o = 0; o < 2; o++)
        for (int jobs = 1; jobs <= 2; jobs++) {
            nb_survey one, all;
            survey_of(&one, orders[o], 3, 1);
            batch_of(&all, orders[o], 3, jobs);
            assert_same_items(&one, &all, 3);
            size_t y25 = o == 0 ? 0 : 2;
            assert_counts(all.v[y25].findings, 0, 1, 3); /* with the year before */
            /* the pairing made from what was read: 2024's summary kept for 2025, none for the others */
            assert_int_equal(all.pairs.n, 3);
            assert_int_equal(nb_pairing_prev(&all.pairs, y25), 1);
            assert_non_null(all.pairs.slots[1].summary);
            assert_null(all.pairs.slots[y25].summary);
            nb_survey_free(&one);
            nb_survey_free(&all);
        }
    /* one report: no pairing, the figures all the same */
    nb_survey sv;
    batch_of(&sv, orders[0], 1, 2);
    assert_counts(sv.v[0].findings, 0, 0, 2);
    nb_survey_free(&sv);
}

/* src copied to dst with each from in it made to. */
static void copy_renamed(const char *src, const char *dst, const char *from, const char *to)
{
    FILE *f = fopen(src, "rb");
    assert_non_null(f);
    char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    FILE *o = fopen(dst, "wb");
    assert_non_null(o);
    for (const char *p = text, *hit; *p; p = hit + strlen(from)) {
        hit = strstr(p, from);
        if (!hit) {
            fputs(p, o);
            break;
        }
        fwrite(p, 1, (size_t)(hit - p), o);
        fputs(to, o);
    }
    fclose(o);
}

/* A report read after one that may be its year before is surveyed against
 * it at once (the batch's guess): kept when nothing read later says
 * otherwise (2025 of 鼓楼区 after 福州市鼓楼区's 2024: YEAR.CARRY and
 * YEAR.IN_FORCE), surveyed again with none when a report read later makes
 * the body ambiguous (南京市鼓楼区's 2024 after them): every item as the
 * survey report by report makes it, on one thread and two. */
static void test_guess(void **s)
{
    (void)s;
    char a[160], b[160], c[160];
    snprintf(a, sizeof a, "%s/a2024.txt", g_dir);
    snprintf(b, sizeof b, "%s/b2025.txt", g_dir);
    snprintf(c, sizeof c, "%s/c2024.txt", g_dir);
    copy_renamed(g_2024, a, "卧龙区安皋镇人民政府", "福州市鼓楼区人民政府");
    copy_renamed(g_2025, b, "卧龙区安皋镇人民政府", "鼓楼区人民政府");
    copy_renamed(g_2024, c, "卧龙区安皋镇人民政府", "南京市鼓楼区人民政府");
    char *paths[] = {a, b, c};
    for (size_t n = 2; n <= 3; n++)
        for (int jobs = 1; jobs <= 2; jobs++) {
            nb_survey one, all;
            survey_of(&one, paths, n, 1);
            batch_of(&all, paths, n, jobs);
            assert_same_items(&one, &all, n);
            if (n == 2)
                assert_counts(all.v[1].findings, 0, 1, 3); /* against 福州's 2024 */
            else
                assert_counts(all.v[1].findings, 0, 0, 2); /* against none */
            nb_survey_free(&one);
            nb_survey_free(&all);
        }
}

/* The finding of rule id in the session, or -1. */
static int finding_of(const nb_session *ss, const char *id)
{
    for (size_t k = 0; k < ss->fs.n; k++)
        if (ss->fs.v[k].rule == nb_rule_index(id))
            return (int)k;
    return -1;
}

/* Decide a finding of report i of the survey in a session, as the console
 * does (checked as the survey checks it), and save the review. */
static void decide(nb_survey *sv, size_t i, const char *rule, nb_decision d, const char *reason)
{
    nb_report r;
    nb_session ss;
    nb_err err;
    const nb_summary *prev;
    assert_int_equal(nb_report_open(&r, sv->paths.v[i], &g_ctx, &err), 0);
    assert_int_equal(nb_session_init(&ss, &g_ctx, &r, &err), 0);
    assert_int_equal(nb_survey_prev(sv, i, &g_ctx, &prev, &err), 0);
    assert_non_null(prev);
    assert_int_equal(nb_session_configure(&ss, prev, NULL, &err), 0);
    assert_int_equal(nb_session_open(&ss, NULL, &err), 0);
    int k = finding_of(&ss, rule);
    assert_true(k >= 0);
    assert_int_equal(nb_session_decide(&ss, k, d, reason, &err), 0);
    assert_int_equal(nb_session_save(&ss, &err), 0);
    nb_session_free(&ss);
    nb_report_free(&r);
}

static void test_review_state(void **s)
{
    (void)s;
    char *paths[] = {g_2025, g_2024};
    nb_survey sv;
    nb_err err;
    batch_of(&sv, paths, 2, 2); /* as the console opens a queue: the pairing kept for what follows */
    decide(&sv, 0, "YEAR.CARRY", NB_DEC_CONFIRMED, NULL);
    decide(&sv, 0, "T3.BALANCE", NB_DEC_DISMISSED, "the carried-in figure is last year's error");
    assert_int_equal(nb_survey_report(&sv, 0, &g_ctx, &err), 0);
    const nb_survey_item *it = &sv.v[0];
    assert_counts(it->findings, 0, 1, 2); /* the dismissed one is not counted */
    assert_counts(it->open, 0, 1, 1);     /* nor is the confirmed one open */
    assert_int_equal(it->total, 4);
    assert_int_equal(it->review, NB_REVIEW_IN_PROGRESS);
    assert_int_equal(it->decided, 2);
    assert_int_equal(it->to_decide, 3);
    decide(&sv, 0, "T3.ROW_TOTAL", NB_DEC_CONFIRMED, NULL);
    assert_int_equal(nb_survey_report(&sv, 0, &g_ctx, &err), 0);
    assert_int_equal(it->review, NB_REVIEW_DONE);
    assert_counts(it->open, 0, 1, 0); /* the warning is still open: done counts errors */
    nb_survey_free(&sv);

    /* surveyed again from nothing, as a queue opened tomorrow */
    batch_of(&sv, paths, 2, 1);
    assert_int_equal(sv.v[0].review, NB_REVIEW_DONE);
    assert_int_equal(sv.v[1].review, NB_REVIEW_NOT_STARTED);
    nb_survey_free(&sv);
}

static void test_config(void **s)
{
    (void)s;
    char *paths[] = {g_2025, g_2024};
    char cfg[128];
    nb_survey sv;
    snprintf(cfg, sizeof cfg, "%s/.nianbao", g_dir);
    write_text(cfg, "disable = YEAR.*\nseverity-of = T3.ROW_TOTAL=warning\n");
    survey_of(&sv, paths, 2, 0);
    assert_counts(sv.v[0].findings, 0, 1, 1);
    assert_int_equal(sv.v[0].total, 2);
    nb_rule_config c;
    nb_err err;
    assert_int_equal(nb_survey_rules(&sv, g_2025, &c, NB_LANG_EN, &err), 0);
    assert_int_equal(nb_config_rule_on(&c, NB_RULE_YEAR_CARRY), 0);
    nb_survey_free(&sv);
    /* no_config: the rule table's own settings */
    survey_of(&sv, paths, 2, 1);
    assert_counts(sv.v[0].findings, 0, 1, 3);
    nb_survey_free(&sv);
    /* a malformed file: the reports it applies to are not surveyed, and say why */
    write_text(cfg, "disable = T3.NOPE\n");
    survey_of(&sv, paths, 2, 0);
    assert_false(sv.v[0].ok);
    assert_non_null(strstr(sv.v[0].problem, ".nianbao:1"));
    assert_int_equal(nb_survey_rules(&sv, g_2025, &c, NB_LANG_EN, &err), -1);
    nb_survey_free(&sv);
}

static void test_add(void **s)
{
    (void)s;
    char *paths[] = {g_2025};
    nb_survey sv;
    nb_err err;
    survey_of(&sv, paths, 1, 1);
    assert_counts(sv.v[0].findings, 0, 0, 2);
    assert_int_equal(nb_survey_add(&sv, g_2024, &g_ctx, &err), 0);
    assert_int_equal(sv.n, 2);
    assert_false(sv.v[1].surveyed);
    assert_int_equal(nb_survey_all(&sv, &g_ctx, &err), 0);
    assert_true(sv.v[1].ok);
    /* paired now: 2025 surveyed again has its cross-year findings */
    assert_int_equal(nb_survey_report(&sv, 0, &g_ctx, &err), 0);
    assert_counts(sv.v[0].findings, 0, 1, 3);
    nb_survey_free(&sv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_review_state, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_guess, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add, setup, teardown),
    };
    return TU_RUN("survey", tests, &g_ctx, NULL, NULL);
}
