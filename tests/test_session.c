/* test_session.c — a review session driven directly, as the console drives
 * it: a correction changes the findings, undo and redo, a dismissal needs
 * a reason, notes on a cell and on a finding, saved and loaded back, the
 * journal written after each change and recovered by a later session, a
 * second session on the same report is read-only, a malformed review is
 * never overwritten (the work journaled, and saved elsewhere with :w FILE),
 * a review of a report revised elsewhere still applies where the cells
 * read as they did. */
#include "tu_session.h"

static void test_correct_undo_redo(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    assert_false(s.readonly);
    assert_true(s.locked);
    assert_true(exists(fx.lock));
    size_t before = s.fs.n;
    assert_true(finding_on(&s, "CELL.BLANK", "t2.regulation.in_force") >= 0);
    int ci = cell_of(&s, "t2.regulation.in_force");
    nb_err err;
    assert_int_equal(nb_session_correct(&s, ci, "0", &err), 0);
    assert_int_equal(finding_on(&s, "CELL.BLANK", "t2.regulation.in_force"), -1);
    assert_int_equal(s.fs.n, before - 1);
    assert_int_equal(nb_session_resolved_count(&s), 1);
    assert_true(s.r->cells[ci].corrected);
    assert_true(s.dirty);
    assert_true(file_has(fx.journal, "correct cell=t2.regulation.in_force value=\"0\""));
    assert_false(exists(fx.review)); /* nothing saved yet */
    /* what is not a number is refused and changes nothing */
    assert_int_equal(nb_session_correct(&s, ci, "x", &err), -1);
    assert_non_null(strstr(err.msg, "not a number; nothing changed"));
    assert_int_equal(s.rv.n, 1);
    /* undo brings the finding back, redo takes it away again */
    assert_int_equal(nb_session_undo(&s, &err), 1);
    assert_true(finding_on(&s, "CELL.BLANK", "t2.regulation.in_force") >= 0);
    assert_false(s.r->cells[ci].corrected);
    assert_false(file_has(fx.journal, "correct cell="));
    assert_int_equal(nb_session_undo(&s, &err), 0); /* nothing left to undo */
    assert_int_equal(nb_session_redo(&s, &err), 1);
    assert_int_equal(finding_on(&s, "CELL.BLANK", "t2.regulation.in_force"), -1);
    assert_int_equal(nb_session_redo(&s, &err), 0);
    assert_true(file_has(fx.journal, "correct cell=t2.regulation.in_force"));
    nb_session_free(&s);
    assert_false(exists(fx.lock));
    nb_report_free(&fx.r);
}

static void test_decide_and_note(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    int k = finding_on(&s, "CELL.BLANK", "t2.normative.in_force");
    assert_true(k >= 0);
    nb_err err;
    assert_int_equal(nb_session_decide(&s, -1, NB_DEC_CONFIRMED, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "no finding selected"));
    assert_int_equal(nb_session_decide(&s, k, NB_DEC_DISMISSED, "", &err), -1);
    assert_string_equal(err.msg, "a dismissal needs a reason");
    assert_null(nb_session_decision(&s, (size_t)k));
    assert_int_equal(nb_session_decide(&s, k, NB_DEC_DISMISSED, "none this year", &err), 0);
    const nb_rv_entry *d = nb_session_decision(&s, (size_t)k);
    assert_non_null(d);
    assert_int_equal(d->state, NB_DEC_DISMISSED);
    assert_string_equal(d->text, "none this year");
    assert_string_equal(d->by, "tester");
    assert_string_equal(d->seen, "-"); /* the report's own value of its cell: blank */
    assert_true(file_has(fx.journal, "reason=\"none this year\""));
    assert_true(file_has(fx.journal, "cells=\"t2.normative.in_force\" seen=\"-\""));
    /* a note on a cell and one on a finding */
    assert_int_equal(nb_session_note(&s, cell_of(&s, "t3.new.total"), -1, "one\ntwo", &err), 0);
    assert_int_equal(nb_session_note(&s, -1, k, "wording accepted", &err), 0);
    assert_int_equal(nb_session_note_count(&s), 2);
    assert_string_equal(nb_session_note_at(&s, 0)->cell, "t3.new.total");
    assert_string_equal(nb_session_note_at(&s, 0)->text, "one\ntwo");
    const nb_rv_entry *n = nb_session_note_at(&s, 1);
    assert_string_equal(n->rule, "CELL.BLANK");
    assert_int_equal(nb_session_find(&s, n->finding), k);
    assert_true(file_has(fx.journal, "text=\"wording accepted\""));
    assert_int_equal(nb_session_note(&s, -1, -1, "on nothing", &err), -1);
    session_close(&s, &fx);
}

/* Findings decided at once, with one reason: one undo takes the whole
 * decision back, one redo brings it all again; a decision made after it is
 * a step of its own. */
static void test_decide_many_one_undo(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    nb_err err;
    int n = (int)s.fs.n, ks[16], bad[2] = {0, 999};
    assert_true(n >= 2 && n <= 16);
    for (int k = 0; k < n; k++)
        ks[k] = k;
    assert_int_equal(nb_session_decide_many(&s, ks, 0, NB_DEC_CONFIRMED, NULL, &err), -1);
    assert_int_equal(nb_session_decide_many(&s, bad, 2, NB_DEC_CONFIRMED, NULL, &err), -1);
    assert_int_equal(nb_session_decide_many(&s, ks, n, NB_DEC_DISMISSED, "", &err), -1);
    assert_string_equal(err.msg, "a dismissal needs a reason");
    assert_int_equal(s.rv.n, 0); /* nothing of a refused decision is kept */
    assert_int_equal(nb_session_decide_many(&s, ks, n, NB_DEC_DISMISSED, "not applicable here", &err), 0);
    assert_int_equal(s.rv.n, (size_t)n);
    for (int k = 0; k < n; k++) {
        const nb_rv_entry *d = nb_session_decision(&s, (size_t)k);
        assert_non_null(d);
        assert_int_equal(d->state, NB_DEC_DISMISSED);
        assert_string_equal(d->text, "not applicable here");
    }
    assert_true(file_has(fx.journal, "reason=\"not applicable here\""));
    assert_int_equal(nb_session_undo(&s, &err), 1); /* the whole decision */
    assert_int_equal(s.rv.n, 0);
    for (int k = 0; k < n; k++)
        assert_null(nb_session_decision(&s, (size_t)k));
    assert_int_equal(nb_session_redo(&s, &err), 1); /* all of it again */
    assert_int_equal(s.rv.n, (size_t)n);
    assert_int_equal(nb_session_redo(&s, &err), 0);
    assert_int_equal(nb_session_decide(&s, 0, NB_DEC_CONFIRMED, NULL, &err), 0);
    assert_int_equal(nb_session_decision(&s, 0)->state, NB_DEC_CONFIRMED);
    assert_int_equal(nb_session_undo(&s, &err), 1); /* only the single decision */
    assert_int_equal(nb_session_decision(&s, 0)->state, NB_DEC_DISMISSED);
    assert_int_equal(nb_session_decision(&s, 1)->state, NB_DEC_DISMISSED);
    assert_int_equal(nb_session_undo(&s, &err), 1);
    assert_null(nb_session_decision(&s, 1));
    assert_int_equal(nb_session_undo(&s, &err), 0);
    session_close(&s, &fx);
}

static void test_save_and_load(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    nb_err err;
    assert_int_equal(correct_blank(&s, "7"), 0);
    assert_int_equal(nb_session_note(&s, cell_of(&s, "t3.new.total"), -1, "checked", &err), 0);
    assert_int_equal(nb_session_save(&s, &err), 0);
    assert_false(s.dirty);
    assert_false(exists(fx.journal)); /* saving removes the journal */
    assert_true(file_has(fx.review, "report \"r"));
    assert_true(file_has(fx.review, "sha256 "));
    size_t nfs = s.fs.n;
    session_reopen(&s, &fx);
    assert_false(s.journal_found);
    assert_int_equal(s.rv.n, 2);
    assert_string_equal(s.rv.v[0].value, "7");
    assert_string_equal(s.rv.v[1].text, "checked");
    assert_int_equal(s.fs.n, nfs); /* the correction applied on loading */
    assert_true(s.r->cells[cell_of(&s, "t2.regulation.in_force")].corrected);
    assert_false(s.dirty);
    session_close(&s, &fx);
}

/* The work differs from the review on disk (dirty), and the journal holds it. */
static void unsaved(const nb_session *s, const fixture *fx, int yes)
{
    assert_int_equal(s->dirty, yes);
    assert_int_equal(exists(fx->journal), yes);
}

/* [+] and the journal follow whether the work differs from the review on
 * disk: undone back to what was saved, there is nothing unsaved; redone,
 * there is again; once a new entry replaces what was undone below the
 * save, the saved state is no longer to be had. */
static void test_dirty_follows_disk(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    nb_err err;
    begin(&fx, &s);
    correct_blank(&s, "7");
    unsaved(&s, &fx, 1);
    nb_session_undo(&s, &err);
    unsaved(&s, &fx, 0); /* no review yet, and no entry: as on disk */
    nb_session_redo(&s, &err);
    unsaved(&s, &fx, 1);
    assert_int_equal(nb_session_save(&s, &err), 0);
    correct_blank(&s, "5");
    unsaved(&s, &fx, 1);
    nb_session_undo(&s, &err);
    unsaved(&s, &fx, 0); /* back to what w saved */
    nb_session_redo(&s, &err);
    unsaved(&s, &fx, 1);
    nb_session_undo(&s, &err);
    nb_session_undo(&s, &err);
    unsaved(&s, &fx, 1); /* the saved correction undone */
    nb_session_redo(&s, &err);
    unsaved(&s, &fx, 0);
    nb_session_undo(&s, &err);
    nb_session_note(&s, cell_of(&s, "t3.new.total"), -1, "checked", &err);
    nb_session_undo(&s, &err);
    unsaved(&s, &fx, 1); /* the saved correction can no longer be redone */
    assert_int_equal(nb_session_save(&s, &err), 0);
    int k = finding_on(&s, "CELL.BLANK", "t2.normative.in_force");
    assert_int_equal(nb_session_decide_many(&s, &k, 1, NB_DEC_CONFIRMED, NULL, &err), 0);
    unsaved(&s, &fx, 1);
    nb_session_undo(&s, &err);
    unsaved(&s, &fx, 0);
    session_close(&s, &fx);
}

static void test_journal_recovered(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    nb_err err;
    assert_int_equal(correct_blank(&s, "3"), 0);
    size_t nfs = s.fs.n;
    session_reopen(&s, &fx); /* ended unsaved, as a dropped connection would */
    assert_true(s.journal_found);
    assert_true(exists(fx.journal));
    assert_false(exists(fx.review));
    assert_int_equal(s.rv.n, 0);
    assert_int_equal(nb_session_recover(&s, &err), 0);
    assert_int_equal(s.rv.n, 1);
    assert_true(s.dirty);
    assert_int_equal(s.fs.n, nfs);
    assert_int_equal(nb_session_save(&s, &err), 0);
    assert_true(file_has(fx.review, "value=\"3\""));
    assert_false(exists(fx.journal));

    /* a journal discarded on purpose is gone, the review as saved */
    session_reopen(&s, &fx);
    assert_int_equal(correct_blank(&s, "4"), 0);
    assert_true(exists(fx.journal));
    nb_session_discard(&s);
    assert_false(exists(fx.journal));
    session_close(&s, &fx);
    assert_true(file_has(fx.review, "value=\"3\""));
}

/* The journal found on opening, counted as the review on disk lacks it. */
static void pending_is(const nb_session *s, int c, int n, int d, int undone)
{
    int c2, n2, d2, u2;
    assert_true(s->journal_found);
    nb_session_pending_count(s, &c2, &n2, &d2, &u2);
    assert_int_equal(c2, c);
    assert_int_equal(n2, n);
    assert_int_equal(d2, d);
    assert_int_equal(u2, undone);
}

/* What a journal is said to hold is the work since the last save, not the
 * whole review; recovered, undo goes back to the save; a journal with
 * nothing the review lacks is not asked about. */
static void test_journal_counts_unsaved(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    nb_err err;
    begin(&fx, &s);
    correct_blank(&s, "3");
    nb_session_note(&s, cell_of(&s, "t3.new.total"), -1, "checked", &err);
    assert_int_equal(nb_session_save(&s, &err), 0);
    nb_session_correct(&s, cell_of(&s, "t2.normative.in_force"), "7", &err);
    session_reopen(&s, &fx); /* two saved entries, one unsaved */
    pending_is(&s, 1, 0, 0, 0);
    assert_int_equal(nb_session_recover(&s, &err), 0);
    assert_true(s.dirty);
    nb_session_undo(&s, &err);
    assert_false(s.dirty); /* back to the save */
    nb_session_undo(&s, &err);
    session_reopen(&s, &fx); /* the saved note undone */
    pending_is(&s, 0, 0, 0, 1);
    assert_int_equal(nb_session_recover(&s, &err), 0);
    assert_int_equal(s.rv.n, 1);
    assert_true(s.dirty);
    session_close(&s, &fx);
    tu_copy_file(fx.review, fx.journal); /* a journal the same as the review */
    session_open_again(&s, &fx);
    assert_false(s.journal_found);
    assert_false(exists(fx.journal));
    assert_int_equal(s.rv.n, 2);
    session_close(&s, &fx);
}

static void test_second_session_readonly(void **st)
{
    (void)st;
    fixture fx;
    fixture_open(&fx);
    nb_session a, b;
    session_open(&a, &fx, 0);
    nb_report r2;
    nb_err err;
    assert_int_equal(nb_report_open(&r2, fx.report, &g_ctx, &err), 0);
    assert_int_equal(nb_session_init(&b, &g_ctx, &r2, &err), 0);
    assert_int_equal(nb_session_open(&b, NULL, &err), -1);
    char who[64];
    snprintf(who, sizeof who, "another nianbao has this report open (pid %ld, ", (long)getpid());
    assert_non_null(strstr(err.msg, who)); /* says whose lock it is */
    assert_non_null(strstr(err.msg, fx.lock));
    assert_true(b.readonly);
    assert_false(b.locked);
    int k = finding_on(&b, "CELL.BLANK", "t2.normative.in_force");
    assert_true(k >= 0);
    assert_int_equal(nb_session_decide(&b, k, NB_DEC_CONFIRMED, NULL, &err), -1); /* c */
    assert_int_equal(nb_session_decide(&b, k, NB_DEC_OPEN, NULL, &err), -1);      /* r */
    assert_int_equal(nb_session_note(&b, cell_of(&b, "t3.new.total"), -1, "x", &err), -1);
    assert_int_equal(nb_session_clear(&b, cell_of(&b, "t3.new.total"), &err), -1);
    assert_int_equal(b.rv.n, 0);
    assert_null(nb_session_decision(&b, (size_t)k));
    int ci = cell_of(&b, "t2.regulation.in_force");
    assert_int_equal(nb_session_writable(&b, &err), -1);
    assert_int_equal(nb_session_correct(&b, ci, "1", &err), -1);
    assert_string_equal(err.msg, "read-only: another nianbao has this report open");
    assert_int_equal(nb_session_undo(&b, &err), -1);
    assert_int_equal(nb_session_decide(&b, 0, NB_DEC_CONFIRMED, NULL, &err), -1);
    assert_int_equal(nb_session_save(&b, &err), -1);
    assert_false(exists(fx.journal));
    assert_false(exists(fx.review));
    nb_session_free(&b); /* the lock stays: it is the first session's */
    assert_true(exists(fx.lock));
    nb_report_free(&r2);
    nb_session_free(&a);
    assert_false(exists(fx.lock));
    nb_report_free(&fx.r);
}

static void test_malformed_never_overwritten(void **st)
{
    (void)st;
    fixture fx;
    fixture_open(&fx);
    FILE *f = fopen(fx.review, "w");
    assert_non_null(f);
    fputs("not a review\n", f);
    fclose(f);
    nb_session s;
    session_open(&s, &fx, -1);
    assert_true(s.review_bad);
    assert_int_equal(s.rv.n, 0);
    nb_err err;
    assert_int_equal(correct_blank(&s, "5"), 0);
    assert_true(file_has(fx.journal, "value=\"5\"")); /* the work is journaled all the same */
    assert_int_equal(nb_session_save(&s, &err), -1);
    assert_non_null(strstr(err.msg, "malformed; not overwritten: :w FILE saves the work elsewhere"));
    char *b = tu_read(fx.review, NULL);
    assert_string_equal(b, "not a review\n");
    free(b);
    char other[700];
    snprintf(other, sizeof other, "%s.mine", fx.review);
    assert_int_equal(nb_session_save_as(&s, other, &err), 0); /* :w FILE */
    assert_true(file_has(other, "value=\"5\""));
    assert_false(s.dirty);
    assert_false(exists(fx.journal));
    session_close(&s, &fx);
}

static void test_report_changed(void **st)
{
    (void)st;
    fixture fx;
    nb_session s;
    begin(&fx, &s);
    nb_err err;
    assert_int_equal(correct_blank(&s, "2"), 0);
    assert_int_equal(nb_session_save(&s, &err), 0);
    session_close(&s, &fx);
    FILE *f = fopen(fx.report, "a");
    assert_non_null(f);
    fputs("\n（修订）\n", f);
    fclose(f);
    assert_int_equal(nb_report_open(&fx.r, fx.report, &g_ctx, &err), 0);
    assert_int_equal(nb_session_init(&s, &g_ctx, &fx.r, &err), 0);
    assert_int_equal(nb_session_open(&s, NULL, &err), 0);
    /* the corrected cell reads as it did: the correction applies, nothing is stale */
    assert_true(s.r->cells[cell_of(&s, "t2.regulation.in_force")].corrected);
    assert_int_equal(finding_on(&s, "REVIEW.STALE", "t2.regulation.in_force"), -1);
    session_close(&s, &fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_correct_undo_redo),      cmocka_unit_test(test_decide_and_note),
        cmocka_unit_test(test_decide_many_one_undo),
        cmocka_unit_test(test_save_and_load),          cmocka_unit_test(test_journal_recovered),
        cmocka_unit_test(test_dirty_follows_disk),     cmocka_unit_test(test_journal_counts_unsaved),
        cmocka_unit_test(test_second_session_readonly), cmocka_unit_test(test_malformed_never_overwritten),
        cmocka_unit_test(test_report_changed),
    };
    return tu_session_run("session", tests, sizeof tests / sizeof tests[0], "nb_test_session");
}
