/* session.h — a review under way: what the console does to a report's
 * review, as explicit state. The session keeps the cells as extracted and
 * the review's entries (corrections, notes, decisions) with undo and redo;
 * after each change it applies the corrections and runs the checks again
 * (entries that no longer fit the report become REVIEW.STALE findings), and
 * writes the entries at once to REPORT.review.journal (atomically) so that
 * a session that ends unsaved loses nothing; a journal that cannot be
 * written is remembered (journal_failed) until a write succeeds, the work
 * kept in memory. One session at a time may change a review:
 * REPORT.review.lock is taken on opening (atomically, saying whose it is),
 * and a lock held by a live nianbao makes the session read-only. A
 * malformed review is never overwritten (nb_session_save_as saves the work
 * elsewhere). The review is stamped with the SHA-256 of the report as it
 * was read, whatever the file holds by the time of saving. Every function
 * that cannot do what it was asked returns -1 with an nb_err saying why, in
 * the session's language; nothing here prints. */
#ifndef NB_SESSION_H
#define NB_SESSION_H

#include <stddef.h>
#include <sys/stat.h>
#include <time.h>

#include "check/config.h"
#include "check/findings.h"
#include "check/years.h"
#include "model/ctx.h"
#include "model/report.h"
#include "review/review.h"

typedef struct nb_session {
    const nb_ctx *ctx;
    nb_report *r;             /* the report under review; its cells carry the corrections */
    nb_lang lang;
    nb_findings fs;           /* the findings of the report as corrected, REVIEW.STALE among them */
    nb_findings fs0;          /* the findings before any correction */
    int *cell_worst;          /* per cell: the worst severity of a finding naming it, -1 */
    nb_cell *orig_cells;      /* the cells as extracted */
    nb_review rv, redo;       /* the entries; redo: undone entries, last undone last */
    nb_rv_problems problems;  /* the entries of rv that do not fit the report */
    char review_path[4200], journal_path[4300], lock_path[4300];
    struct stat report_st;    /* the report file when it was read */
    int review_bad;           /* the review file is malformed: never overwritten */
    int dirty;                /* the entries differ from the review on disk */
    long saved;               /* the first this many entries are the review on disk (rv.n of
                                 them: not dirty); -1 when undoing and a new entry lost them */
    int readonly;             /* another process holds the lock: nothing is written */
    int locked;               /* this session holds the lock */
    int journal_found;        /* a journal of a session that ended unsaved was found on opening */
    const nb_summary *prev;   /* the same body's report for the year before (YEAR.*), or NULL */
    nb_rule_config cfg;       /* the rule settings, when configured */
    int configured;
    nb_review pending;        /* its entries, until recovered or discarded */
    time_t pending_time;      /* when it was last written */
    int pending_changed;      /* it was written against another version of the report */
    int journal_failed;       /* the last journal write failed: journal_err says why */
    nb_err journal_err;
} nb_session;

/* Check the report (the session keeps it but does not own it). */
int nb_session_init(nb_session *s, const nb_ctx *ctx, nb_report *r, nb_err *err);
/* Check the report as a batch does (check.h, nb_check_report): against
 * prev (NULL: none; the caller keeps it while the session lives) and with
 * cfg (NULL: the rule table's settings); before nb_session_open. */
int nb_session_configure(nb_session *s, const nb_summary *prev, const nb_rule_config *cfg, nb_err *err);
/* Release the lock (if held) and free everything; the journal stays. */
void nb_session_free(nb_session *s);

/* Open the review at path (NULL: REPORT.review beside the report): take
 * the lock (then remove temporary files a killed process left), note a
 * journal left behind (its entries in pending), load the review and apply
 * it. Returns 0, or -1 with what the reviewer must be told — the session is
 * usable in every case: another process holds the report (read-only,
 * saying whose lock it is), the lock could not be written, the review is
 * malformed (opened without it, never overwritten), the journal is
 * malformed (left as it is). */
int nb_session_open(nb_session *s, const char *path, nb_err *err);
/* Take the journal's entries as the unsaved work (dirty until saved);
 * those that no longer fit the report become REVIEW.STALE findings. */
int nb_session_recover(nb_session *s, nb_err *err);
/* What the journal found on opening holds that the review on disk does
 * not: its entries past those the two share, by kind, and the review's
 * own entries past them (undone before the session ended). Before
 * nb_session_recover. */
void nb_session_pending_count(const nb_session *s, int *corrections, int *notes, int *decisions, int *undone);
/* Drop the unsaved work on purpose: the journal is removed. */
void nb_session_discard(nb_session *s);

/* 0 when the session may change the review, else -1 (read-only). */
int nb_session_writable(const nb_session *s, nb_err *err);
/* Whether cell ci may hold the number text says: 0, or -1 saying why not
 * (not a number; a count negative or not whole; money with more than four
 * decimals or out of range). */
int nb_session_valid_value(const nb_session *s, int ci, const char *text, nb_err *err);
/* Correct cell ci to the number in text (refused as nb_session_valid_value
 * says); an empty text clears the cell's correction. After a change, -1
 * may also mean the change was made but the checks or the journal failed;
 * err says which. */
int nb_session_correct(nb_session *s, int ci, const char *text, nb_err *err);
/* Take cell ci back to the report's own value (a corrected cell only). */
int nb_session_clear(nb_session *s, int ci, nb_err *err);
/* A note on cell ci, or (ci < 0) on finding k of s->fs. */
int nb_session_note(nb_session *s, int ci, int k, const char *text, nb_err *err);
/* Decide finding k of s->fs; a dismissal needs a reason. */
int nb_session_decide(nb_session *s, int k, nb_decision state, const char *reason, nb_err *err);
/* Decide findings ks[0, n) of s->fs at once, with one reason: all or
 * none, and one undo takes the whole decision back. */
int nb_session_decide_many(nb_session *s, const int *ks, int n, nb_decision state, const char *reason, nb_err *err);
/* Undo or redo the last step (an entry, or a decision on several
 * findings): 1 done, 0 nothing to do, -1 refused. */
int nb_session_undo(nb_session *s, nb_err *err);
int nb_session_redo(nb_session *s, nb_err *err);
/* Save the review atomically beside the report (or where it was opened
 * from), stamped with the report's name and the SHA-256 of the report as it
 * was read; the journal is removed. */
int nb_session_save(nb_session *s, nb_err *err);
/* Save the review to path instead (never the report itself, never through
 * a symlink); the work counts as saved and the journal is removed. */
int nb_session_save_as(nb_session *s, const char *path, nb_err *err);
/* Whether the report file differs (by stat) from the one read. */
int nb_session_report_changed(const nb_session *s);

/* Whether finding k of s->fs0 is gone after the corrections. */
int nb_session_resolved(const nb_session *s, size_t k);
int nb_session_resolved_count(const nb_session *s);
/* The findings of from that to does not have (by fingerprint: rule and
 * cells, not values), as a change to the review made them go (from: the
 * findings before it, to: after) or come (the other way round): how many,
 * the indices in from of the first cap of them in idx; -1 when out of
 * memory. */
int nb_session_findings_gone(const nb_session *s, const nb_findings *from, const nb_findings *to, int *idx, int cap);
/* The decision in force on finding k of s->fs, or NULL. */
const nb_rv_entry *nb_session_decision(const nb_session *s, size_t k);
/* The finding of s->fs with this fingerprint, or -1. */
int nb_session_find(const nb_session *s, const char *fingerprint);
/* The notes, in the order written. */
int nb_session_note_count(const nb_session *s);
const nb_rv_entry *nb_session_note_at(const nb_session *s, int idx);

/* session_io.c's part, for session.c: the journal written after a change
 * (its failure remembered), and the findings recomputed. */
int nb_session_journal(nb_session *s, nb_err *err);
int nb_session_recompute(nb_session *s, nb_err *err);

#endif
