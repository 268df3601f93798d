/* review.h — a reviewer's work on a report, kept beside it in REPORT.review:
 * corrections of cell values, notes on cells and findings, decisions on
 * findings (confirmed, dismissed with a reason, reopened). The file is
 * UTF-8, one entry a line, diff-friendly (man nianbao-review(5)); it records
 * the report's SHA-256; it is written atomically; the report is never
 * written. A decision is keyed by a fingerprint of the finding's rule and
 * cells, not values (check/findings.h), so it survives re-runs and
 * corrections. */
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
    char *text;         /* NOTE: the note; DECIDE: the reason */
    nb_decision state;  /* DECIDE */
    char by[64];        /* reviewer */
    char at[40];        /* ISO 8601 time */
    int joined;         /* made together with the entry before it (a decision on
                           several findings): undone and redone with it; not written */
} nb_rv_entry;

typedef struct nb_review {
    char report[512];   /* the report's file name */
    char sha256[65];    /* of the report's bytes when reviewed */
    nb_rv_entry *v;
    size_t n, cap;
} nb_review;

/* REPORT.review beside the report. */
void nb_review_path(const char *report, char *out, size_t cap);
/* Load; a missing file is NB_E_NOTFOUND; a malformed or foreign one is
 * NB_E_FORMAT with "FILE:LINE: what". On error the review is empty. */
int nb_review_load(nb_review *rv, const char *path, nb_lang lang, nb_err *err);
/* Write atomically: a temporary file beside, fsync, rename. */
int nb_review_save(const nb_review *rv, const char *path, nb_err *err);
void nb_review_free(nb_review *rv);
/* Append a copy of e (its strings are copied). */
int nb_review_add(nb_review *rv, const nb_rv_entry *e);

/* The reviewer's name: $NIANBAO_REVIEWER, else the login name. */
void nb_reviewer(char *out, size_t cap);
/* Now as ISO 8601 with the zone offset. */
void nb_iso_now(char *out, size_t cap);
/* The report's SHA-256 (of the file's bytes). */
int nb_file_sha256(const char *path, char out[65]);

/* Apply the corrections (the last for each cell wins) to the cells; returns
 * how many, and lists IDs it did not know in unknown (may be NULL). */
int nb_review_apply(const nb_review *rv, nb_report *r, char *unknown, size_t cap);
/* The decision in force for a fingerprint (the last entry), or NULL. */
const nb_rv_entry *nb_review_decision(const nb_review *rv, const char *fingerprint);

#endif
