/* review.h — a reviewer's work on a report, kept beside it in REPORT.review:
 * corrections of cell values, notes on cells and findings, decisions on
 * findings (confirmed, dismissed with a reason, reopened). The file is
 * UTF-8, one entry a line, diff-friendly (man nianbao-review(5)); it records
 * the report's SHA-256; it is written atomically; the report is never
 * written. A decision is keyed by a fingerprint of the finding's rule and
 * cells, not values (check/findings.h), so it survives re-runs and
 * corrections. A correction records the cell's text it was made against:
 * applied to a report that says something else there now, it is not
 * applied but reported (REVIEW.STALE, review/stale.h). */
#ifndef NB_REVIEW_H
#define NB_REVIEW_H

#include <stddef.h>
#include "model/report.h"

typedef enum { NB_RV_CORRECT, NB_RV_NOTE, NB_RV_DECIDE } nb_rv_kind;
typedef enum { NB_DEC_OPEN, NB_DEC_CONFIRMED, NB_DEC_DISMISSED } nb_decision;

/* A decision's name in the review file, the exports and the log: "open",
 * "confirmed", "dismissed". */
const char *nb_decision_name(nb_decision d);
/* The decision as people read it: "confirmed" / "已确认". */
const char *nb_decision_label(nb_decision d, nb_lang lang);
/* A name → the decision; -1 if it is none. */
int nb_decision_parse(const char *s);

typedef struct nb_rv_entry {
    nb_rv_kind kind;
    char cell[64];      /* CORRECT: the cell; NOTE: the cell noted, or "" */
    char finding[24];   /* NOTE on a finding, DECIDE: its fingerprint */
    char rule[32];      /* the finding's rule, for people reading the file */
    char *value;        /* CORRECT: the new value as typed */
    char *was;          /* CORRECT: what the report said */
    int was_missing;    /* CORRECT: made where the report had no such cell (its row
                           missing; was is NULL): "missing=yes" in the file */
    char *text;         /* NOTE: the note; DECIDE: the reason */
    char *cells;        /* DECIDE: the finding's cell IDs, space-separated, or NULL */
    char *seen;         /* DECIDE: the report's own values of those cells when decided, in their
                           order, space-separated ("-" where no number), or NULL */
    int unfit;          /* DECIDE: the report's values of its cells are not those seen
                           (nb_review_apply): not in force; not written */
    nb_decision state;  /* DECIDE */
    char *by;           /* reviewer */
    char at[40];        /* ISO 8601 time */
    int line;           /* the line of the file it was read from; 0 for one made now */
    int joined;         /* made together with the entry before it (a decision on
                           several findings): undone and redone with it; not written */
} nb_rv_entry;

typedef struct nb_review {
    char report[512];   /* the report's file name */
    char sha256[65];    /* of the report's bytes when reviewed */
    char *path;         /* the file it was read from (for messages), or NULL */
    nb_rv_entry *v;
    size_t n, cap;
} nb_review;

/* A correction whose value is "" takes the cell back to the report's own. */
#define NB_RV_CLEARED ""

/* REPORT.review beside the report. */
void nb_review_path(const char *report, char *out, size_t cap);
/* The journal of unsaved work beside the review at review. */
void nb_review_journal_path(const char *review, char *out, size_t cap);
/* Load; a missing file is NB_E_NOTFOUND; a malformed or foreign one is
 * NB_E_FORMAT with "FILE:LINE: what". On error the review is empty. */
int nb_review_load(nb_review *rv, const char *path, nb_lang lang, nb_err *err);
/* Write atomically: a temporary file beside, fsync, rename (never through
 * a symlink; errors name path). Text that is not UTF-8 is written with
 * \xHH escapes, so the file is always UTF-8 and reads back the same. */
int nb_review_save(const nb_review *rv, const char *path, nb_lang lang, nb_err *err);
/* Counts of a review's entries, for saying what it holds. */
void nb_review_count(const nb_review *rv, int *corrections, int *notes, int *decisions);
/* How many leading entries a and b share (the same kind, cells, values,
 * texts, decision, author and time): what a journal holds of the review
 * saved before it. */
size_t nb_review_common(const nb_review *a, const nb_review *b);
void nb_review_free(nb_review *rv);
/* Append a copy of e (its strings are copied); -1 when out of memory. */
int nb_review_add(nb_review *rv, const nb_rv_entry *e);
/* Free an entry's strings. */
void nb_rv_entry_free(nb_rv_entry *e);

/* The reviewer's name: $NIANBAO_REVIEWER, else the login name. */
const char *nb_reviewer(void);
/* Now as ISO 8601 with the zone offset. */
void nb_iso_now(char *out, size_t cap);
/* A review beside report under another name, whose report is gone and
 * which was made on this very report (its SHA-256 sha, or the file's when
 * sha is NULL or ""): the report renamed unchanged. Its path in out and 1,
 * else 0 (review/renamed.c). */
int nb_review_find_renamed(const char *report, const char *sha, nb_lang lang, char *out, size_t cap);
/* The report's SHA-256 (of the file's bytes). */
int nb_file_sha256(const char *path, char out[65]);
/* Whether rv, with entries, was made on other bytes than those whose
 * SHA-256 is sha (a revised draft, another file's review): both known and
 * different. */
int nb_review_other_bytes(const nb_review *rv, const char *sha);

/* Why an entry of a review was not applied to a report. */
typedef enum {
    NB_RVP_NO_CELL,    /* its cell is not one of the report's format */
    NB_RVP_NOT_NUMBER, /* a correction whose value is not a number */
    NB_RVP_STALE,      /* a correction whose cell reads otherwise now than when it was made */
    NB_RVP_GONE,       /* a correction made on a cell the revised report no longer has (its row missing) */
    NB_RVP_CHANGED     /* a decision made where a cell of its finding read otherwise than it does now */
} nb_rv_why;

typedef struct nb_rv_problem {
    size_t entry;      /* index in the review */
    nb_rv_why why;
    int cell;          /* the cell, or -1 */
} nb_rv_problem;

typedef struct nb_rv_problems {
    nb_rv_problem *v;
    size_t n, cap;
} nb_rv_problems;

void nb_rv_problems_free(nb_rv_problems *p);

/* The cell's text in the report as it is now ("" for a missing cell). */
void nb_cell_text(const nb_report *r, int ci, const char **s, size_t *n);

/* Apply the corrections (the last for each cell wins; a cleared one takes
 * the cell back) to the cells. An entry that does not fit the report — a
 * cell it does not have, a value that is not a number, a correction made
 * against text the cell no longer holds, a decision made where its cells
 * read otherwise (marked unfit) — is not applied and is listed in
 * problems (may be NULL). Returns how many were applied, or -1 when out of
 * memory. */
int nb_review_apply(nb_review *rv, nb_report *r, nb_rv_problems *problems);
/* The report's own value of a cell (not a correction's), as a decision
 * records it: the number, or "-". */
void nb_cell_own_value(const nb_cell *c, char *out, size_t cap);
/* The decision in force for a fingerprint (the last entry, unless it no
 * longer fits the report: then none), or NULL. */
const nb_rv_entry *nb_review_decision(const nb_review *rv, const char *fingerprint);

#endif
