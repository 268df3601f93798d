/* test_session_safety.c — a review session under faults and revisions: an
 * old review never overrides a revised report (REVIEW.STALE names the cell,
 * both values and the review's line); the review is stamped with the
 * report as it was read, and a report changed on disk is noticed; a journal
 * records its report and is recovered into another version with its stale
 * entries reported; a journal that cannot be written is said and kept being
 * tried while the work stays in memory; the editor's values are checked against what the cell may hold; a
 * correction can be taken back; notes of any length round-trip; saving
 * never goes through a symlink or over the report, and its errors name the
 * review; temporary files a killed session left are removed on opening. */
#include "tu_session.h"
#include "base/sha256.h"
#include "check/messages.h"

#include <sys/stat.h>

/* Rewrite the report's line holding from so that it holds to instead. */
static void revise_report(const fixture *fx, const char *from, const char *to)
{
    size_t n = 0;
    char *b = tu_read(fx->report, &n);
    char *at = strstr(b, from);
    assert_non_null(at);
    FILE *f = fopen(fx->report, "wb");
    fwrite(b, 1, (size_t)(at - b), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
    free(b);
}

/* The message of the first finding of rule on cell id. */
static void message_of(const nb_session *s, const char *rule, const char *id, char *out, size_t cap)
{
    int k = finding_on(s, rule, id);
    if (k < 0)
        fail_msg("no %s finding on %s", rule, id);
    nb_finding_message(s->r, &s->fs.v[k], NB_LANG_EN, out, cap);
}

/* seed002's t3.new.natural reads "0": "一、本年新收政府信息公开申请数量\t\t0\t0…". */
static void test_stale_correction(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    nb_err err;
    int ci = cell_of(&s, "t3.new.natural");
    assert_int_equal(nb_session_correct(&s, ci, "21", &err), 0);
    assert_int_equal(nb_session_save(&s, &err), 0);
    assert_true(file_has(fx.review, "correct cell=t3.new.natural value=\"21\" was=\"0\""));
    session_close(&s, &fx);
    /* the report is revised elsewhere: the cell now says something else */
    revise_report(&fx, "申请数量\t\t0\t", "申请数量\t\t5\t");
    session_open_again(&s, &fx);
    assert_false(s.r->cells[ci].corrected); /* not applied */
    char msg[1024], want[1024];
    message_of(&s, "REVIEW.STALE", "t3.new.natural", msg, sizeof msg);
    snprintf(want, sizeof want, "the correction of t3.new.natural to 21 (%s:6) was made where the report said \"0\"; "
             "it says \"5\" now: not applied", fx.review);
    assert_string_equal(msg, want);
    assert_int_equal(s.fs.v[finding_on(&s, "REVIEW.STALE", "t3.new.natural")].severity, NB_SEV_WARNING);
    session_close(&s, &fx);
}

/* Entries of a review edited by hand that do not fit: each said, none
 * applied; a correction to a value the console's editor refuses (a
 * negative count, money with five decimals) as one that is no number. */
static void test_stale_note_and_decision(void **st)
{
    (void)st;
    fixture fx;
    fixture_open(&fx);
    FILE *f = fopen(fx.review, "w");
    fputs("nianbao-review 1\n"
          "note cell=t9.gone by=\"x\" at=2026-01-01T00:00:00+08:00 text=\"on a cell of another format\"\n"
          "decide finding=0123456789abcdef rule=T3.BALANCE state=confirmed cells=\"t9.gone t3.new.total\" by=\"x\" "
          "at=2026-01-01T00:00:00+08:00\n"
          "correct cell=t3.new.total value=\"abc\" by=\"x\" at=2026-01-01T00:00:00+08:00\n"
          "correct cell=t3.new.natural value=\"-1\" by=\"x\" at=2026-01-01T00:00:00+08:00\n"
          "correct cell=t2.fees.amount value=\"1.23456\" by=\"x\" at=2026-01-01T00:00:00+08:00\n",
          f);
    fclose(f);
    nb_session s;
    session_open(&s, &fx, 0);
    assert_false(s.r->cells[cell_of(&s, "t3.new.natural")].corrected); /* held to the editor's rules */
    char all[4096] = "", msg[1024];
    int stale = 0;
    for (size_t k = 0; k < s.fs.n; k++) {
        if (s.fs.v[k].rule != NB_RULE_REVIEW_STALE)
            continue;
        nb_finding_message(s.r, &s.fs.v[k], NB_LANG_EN, msg, sizeof msg);
        strcat(all, msg);
        strcat(all, "\n");
        stale++;
    }
    assert_int_equal(stale, 5);
    const char *want[] = {"the note of %s:2 is on t9.gone, a cell this report does not have: not applied",
                          "the decision of %s:3 is on t9.gone t3.new.total, a cell this report does not have",
                          "the correction of t3.new.total (%s:4) gives \"abc\", not a number: not applied",
                          "the correction of t3.new.natural (%s:5) gives \"-1\", a count is never negative: not applied",
                          "the correction of t2.fees.amount (%s:6) gives \"1.23456\", money has at most four decimals: not applied"};
    for (int i = 0; i < 5; i++) {
        snprintf(msg, sizeof msg, want[i], fx.review);
        if (!strstr(all, msg))
            fail_msg("\"%s\" not among:\n%s", msg, all);
    }
    session_close(&s, &fx);
}

static void test_stamp_is_the_text_read(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    size_t n = 0;
    char *orig = tu_read(fx.report, &n), sha[65];
    nb_sha256_hex(orig, n, sha);
    free(orig);
    assert_false(nb_session_report_changed(&s));
    FILE *f = fopen(fx.report, "a"); /* edited on disk while the console has it open */
    fputs("\n（另一人修改）\n", f);
    fclose(f);
    assert_true(nb_session_report_changed(&s));
    nb_err err;
    assert_int_equal(correct_blank(&s, "1"), 0);
    assert_int_equal(nb_session_save(&s, &err), 0);
    char line[100];
    snprintf(line, sizeof line, "sha256 %s\n", sha);
    assert_true(file_has(fx.review, line)); /* the text the corrections were made against */
    session_close(&s, &fx);
}

static void test_journal_of_another_version(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    assert_int_equal(correct_blank(&s, "3"), 0);
    assert_true(file_has(fx.journal, "sha256 "));
    session_close(&s, &fx); /* ended unsaved */
    session_open_again(&s, &fx);
    assert_true(s.journal_found);
    assert_false(s.pending_changed); /* the same version: recovered as it is */
    session_close(&s, &fx);
    revise_report(&fx, "\n", "\n（修订稿）\n"); /* another version, the cell unchanged */
    session_open_again(&s, &fx);
    assert_true(s.journal_found);
    assert_true(s.pending_changed);
    assert_int_equal(s.pending.n, 1);
    nb_err err;
    assert_int_equal(nb_session_recover(&s, &err), 0);
    assert_true(s.r->cells[cell_of(&s, "t2.regulation.in_force")].corrected);
    session_close(&s, &fx);
}

static void test_journal_write_fails(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    assert_int_equal(mkdir(fx.journal, 0755), 0); /* the journal cannot be written there */
    nb_err err;
    assert_int_equal(nb_session_correct(&s, cell_of(&s, "t2.regulation.in_force"), "4", &err), -1);
    assert_true(s.journal_failed);
    assert_non_null(strstr(s.journal_err.msg, fx.journal));
    assert_non_null(strstr(s.journal_err.msg, "the work is kept in memory; :w FILE saves it elsewhere"));
    assert_int_equal(s.rv.n, 1); /* the change itself is kept */
    assert_true(s.r->cells[cell_of(&s, "t2.regulation.in_force")].corrected);
    assert_int_equal(nb_session_note(&s, cell_of(&s, "t3.new.total"), -1, "n", &err), -1);
    assert_true(s.journal_failed); /* still said */
    rmdir(fx.journal);
    assert_int_equal(nb_session_note(&s, cell_of(&s, "t3.new.total"), -1, "n2", &err), 0);
    assert_false(s.journal_failed); /* a write succeeded */
    assert_true(file_has(fx.journal, "value=\"4\""));
    session_close(&s, &fx);
}

/* value refused for cell id, with why in the message */
static void refused(nb_session *s, const char *id, const char *value, const char *why)
{
    nb_err err;
    size_t n = s->rv.n;
    assert_int_equal(nb_session_correct(s, cell_of(s, id), value, &err), -1);
    if (!strstr(err.msg, why))
        fail_msg("%s = %s: \"%s\" lacks \"%s\"", id, value, err.msg, why);
    assert_int_equal(s->rv.n, n);
}

static void test_values_the_cell_can_hold(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    refused(&s, "t3.new.natural", "-1", "a count is never negative");
    refused(&s, "t3.new.natural", "1.5", "a count is a whole number");
    refused(&s, "t3.new.natural", "x1", "not a number");
    refused(&s, "t3.new.natural", "1234567890123", "out of range");
    refused(&s, "t2.fees.amount", "1.23456", "money has at most four decimals");
    refused(&s, "t2.fees.amount", "-3", "an amount of money is never negative");
    nb_err err;
    assert_int_equal(nb_session_correct(&s, cell_of(&s, "t2.fees.amount"), "12.3456", &err), 0);
    assert_int_equal(nb_session_correct(&s, cell_of(&s, "t3.new.natural"), "999999999999", &err), 0);
    session_close(&s, &fx);
}

static void test_clear_a_correction(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    int ci = cell_of(&s, "t2.regulation.in_force");
    size_t before = s.fs.n;
    nb_err err;
    assert_int_equal(nb_session_clear(&s, ci, &err), -1);
    assert_non_null(strstr(err.msg, "not corrected"));
    assert_int_equal(nb_session_correct(&s, ci, "0", &err), 0);
    assert_true(s.r->cells[ci].corrected);
    assert_int_equal(nb_session_correct(&s, ci, "", &err), 0); /* an empty value clears it */
    assert_false(s.r->cells[ci].corrected);
    assert_int_equal(s.r->cells[ci].status, NB_ST_BLANK);
    assert_int_equal(s.fs.n, before);
    assert_int_equal(nb_session_correct(&s, ci, "2", &err), 0);
    assert_int_equal(nb_session_clear(&s, ci, &err), 0); /* x */
    assert_false(s.r->cells[ci].corrected);
    assert_int_equal(nb_session_save(&s, &err), 0);
    session_reopen(&s, &fx);
    assert_false(s.r->cells[ci].corrected); /* cleared in the file too */
    assert_int_equal(s.rv.n, 4);
    session_close(&s, &fx);
}

static void test_note_of_any_length(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    size_t n = 99999;
    char *note = malloc(n + 1);
    for (size_t i = 0; i < n; i += 3)
        memcpy(note + i, "\xe5\xae\xa1", 3); /* 审, cut nowhere */
    note[n] = '\0';
    nb_err err;
    assert_int_equal(nb_session_note(&s, cell_of(&s, "t3.new.total"), -1, note, &err), 0);
    assert_int_equal(nb_session_save(&s, &err), 0);
    session_reopen(&s, &fx);
    assert_int_equal(nb_session_note_count(&s), 1);
    assert_string_equal(nb_session_note_at(&s, 0)->text, note);
    free(note);
    session_close(&s, &fx);
}

static void test_saving_safely(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    nb_err err;
    assert_int_equal(correct_blank(&s, "1"), 0);
    char target[700];
    snprintf(target, sizeof target, "%s.target", fx.report);
    FILE *f = fopen(target, "w");
    fputs("precious\n", f);
    fclose(f);
    assert_int_equal(symlink(target, fx.review), 0); /* a review that is a symlink */
    assert_int_equal(nb_session_save(&s, &err), -1);
    assert_non_null(strstr(err.msg, "is a symbolic link (to "));
    assert_non_null(strstr(err.msg, target));
    assert_true(file_has(target, "precious"));
    unlink(fx.review);
    assert_int_equal(nb_session_save_as(&s, fx.report, &err), -1); /* :w REPORT */
    assert_non_null(strstr(err.msg, "is the report itself"));
    assert_int_equal(mkdir(fx.review, 0755), 0); /* a write that fails names the review */
    assert_int_equal(nb_session_save(&s, &err), -1);
    assert_non_null(strstr(err.msg, fx.review));
    assert_null(strstr(err.msg, ".tmp."));
    rmdir(fx.review);
    session_close(&s, &fx);
}

static void test_stale_temporary_files_removed(void **st)
{
    (void)st;
    fixture fx;
    fixture_open(&fx);
    char t1[700], t2[700], other[700];
    snprintf(t1, sizeof t1, "%s.tmp.a1B2c3", fx.review);  /* as a save killed by kill -9 leaves it */
    snprintf(t2, sizeof t2, "%s.tmp.Zz9yY8", fx.journal);
    snprintf(other, sizeof other, "%s.tmp.notours", fx.review);
    const char *paths[] = {t1, t2, other};
    for (int i = 0; i < 3; i++) {
        FILE *f = fopen(paths[i], "w");
        fputs("x", f);
        fclose(f);
    }
    nb_session s;
    session_open(&s, &fx, 0);
    assert_false(exists(t1));
    assert_false(exists(t2));
    assert_true(exists(other)); /* not of our naming: left alone */
    session_close(&s, &fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stale_correction),
        cmocka_unit_test(test_stale_note_and_decision),
        cmocka_unit_test(test_stamp_is_the_text_read),
        cmocka_unit_test(test_journal_of_another_version),
        cmocka_unit_test(test_journal_write_fails),
        cmocka_unit_test(test_values_the_cell_can_hold),
        cmocka_unit_test(test_clear_a_correction),
        cmocka_unit_test(test_note_of_any_length),
        cmocka_unit_test(test_saving_safely),
        cmocka_unit_test(test_stale_temporary_files_removed),
    };
    return tu_session_run("session safety", tests, sizeof tests / sizeof tests[0], "nb_test_session_safety");
}
