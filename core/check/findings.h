/* findings.h — a finding: a rule that failed, the cells it names, where in
 * the text it points, and the typed values its message is composed from, at
 * display time, in the language asked (check/messages.h). A finding owns
 * nothing (the report and the caller own what it points at): it is copied
 * with =, sorted with qsort, and a list of findings is freed with
 * nb_findings_free. Its fingerprint keys decisions in review files. */
#ifndef NB_FINDINGS_H
#define NB_FINDINGS_H

#include <stddef.h>
#include "base/err.h"
#include "check/rules.h"
#include "model/report.h"

#define NB_FCELLS 32

/* What STRUCT.MISSING finds missing. */
typedef enum { NB_PART_SECTION, NB_PART_TABLE, NB_PART_ROW, NB_PART_CELLS } nb_part;

/* What a TEXT.TABLE_MISMATCH claim states. */
typedef enum {
    NB_CLAIM_RECEIVED,          /* applications received: t3.new.total */
    NB_CLAIM_RECEIVED_CARRIED,  /* received, counting those carried in: new + carried in */
    NB_CLAIM_CARRIED,           /* carried in from last year */
    NB_CLAIM_HANDLED,           /* handled: t3.total.total */
    NB_CLAIM_REVIEW,            /* administrative reviews */
    NB_CLAIM_SUIT,              /* suits, direct and after a review */
    NB_CLAIM_ISSUED,            /* normative documents issued */
    NB_CLAIM_IN_FORCE           /* normative documents in force */
} nb_claim;

/* REVIEW.STALE: the review entry that no longer fits the report (the
 * review, which the caller keeps, owns the strings). */
typedef struct nb_stale {
    const char *file;           /* the review file, or NULL (the work of this session) */
    int line;                   /* the entry's line in it, 0 none */
    int kind;                   /* the entry: 0 a correction, 1 a note, 2 a decision (review.h's nb_rv_kind) */
    int why;                    /* 0 no such cell, 1 not a number, 2 the cell reads otherwise now (nb_rv_why) */
    const char *cell;           /* the cell ID as the entry has it ("" none) */
    const char *was, *value;    /* a correction: the text it was made against, the value it gives */
} nb_stale;

/* A stretch of the report's text. */
typedef struct nb_span {
    size_t off, len;
} nb_span;

typedef struct nb_finding {
    nb_rule_id rule;
    nb_severity severity;
    int cells[NB_FCELLS];       /* cell indices of the report's schema */
    int ncells;
    int suspect;                /* the cell most likely wrong, or -1 */
    size_t off;                 /* where it points in the text */
    int has_off;
    int has_sides;
    nb_num lhs, rhs;            /* both sides of an equation; what is said, what the table says */
    int inferred;               /* an inferred cell takes part */
    size_t claim_off, claim_len;/* the narrative claim quoted, if any */
    /* The message's values; which are set depends on the rule. */
    nb_part part;               /* STRUCT.MISSING */
    int section, section2;      /* STRUCT.MISSING: the section; STRUCT.ORDER: it and the one before (NB_SEC_*) */
    int table;                  /* STRUCT.MISSING: NB_T2 … NB_T4 */
    int row;                    /* a schema row (STRUCT.MISSING, T3.ROW_TOTAL, T4.GROUP_TOTAL, YEAR.IN_FORCE), or -1 */
    const char *col;            /* a column key (T3.BALANCE, T3.RESULTS_SUM, YEAR.CARRY), or NULL */
    int label;                  /* LABEL.DEVIATES: index in the report's labels */
    nb_claim claim;             /* TEXT.TABLE_MISMATCH */
    nb_span text;               /* CELL.*: the cell's text (at most 60 bytes); TEXT.PARTS_EXCEED: the unit */
    int year;                   /* YEAR.MISMATCH: the report's; YEAR.CARRY, YEAR.IN_FORCE: the other report's */
    nb_date date[2];            /* YEAR.MISMATCH: the period; DATE.LATE: signed, deadline */
    int government;             /* DATE.LATE: the deadline is a government's */
    const char *other_file;     /* YEAR.CARRY, YEAR.IN_FORCE: the other report (the caller keeps it) */
    nb_stale stale;             /* REVIEW.STALE */
} nb_finding;

typedef struct nb_findings {
    nb_finding *v;
    size_t n, cap;
} nb_findings;

void nb_findings_free(nb_findings *f);

/* Append a finding of the rule, at its severity, naming nothing yet;
 * NULL with err set when out of memory. */
nb_finding *nb_finding_add(nb_findings *out, nb_rule_id rule, nb_err *err);
/* The same, pointing at off in the text. */
nb_finding *nb_finding_add_at(nb_findings *out, nb_rule_id rule, size_t off, nb_err *err);
/* Name a cell (once; at most NB_FCELLS). */
void nb_finding_add_cell(nb_finding *f, int ci);
/* Name a cell as the suspect and point at it. */
void nb_finding_point_at_cell(const nb_report *r, nb_finding *f, int ci);

/* Sort findings by position in the text, then rule, then suspect. */
void nb_findings_sort(nb_findings *f);

/* A finding's fingerprint: its rule and cell IDs (not values), 16 hex
 * digits; a finding without cells adds what it is about (a section, a
 * table, a label, dates). */
void nb_finding_fingerprint(const nb_report *r, const nb_finding *f, char out[24]);

/* A date as ISO 8601: "2025-01-15". */
void nb_date_iso(nb_date d, char out[16]);

#endif
