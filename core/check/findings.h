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
#include "base/memo.h"
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
    NB_CLAIM_IN_FORCE,          /* normative documents in force */
    NB_CLAIM_ACCEPTED,          /* 受理: new, or new + carried in */
    NB_CLAIM_CARRIED_OUT,       /* carried over to next year */
    NB_CLAIM_GRANTED,           /* 予以公开 */
    NB_CLAIM_PARTIAL,           /* 部分公开 */
    NB_CLAIM_DENIED,            /* 不予公开: Σ t3.deny.* */
    NB_CLAIM_UNABLE,            /* 无法提供: Σ t3.unable.* */
    NB_CLAIM_REFUSED,           /* 不予处理: Σ t3.refuse.* */
    NB_CLAIM_OTHER,             /* 其他处理: t3.other* */
    NB_CLAIM_REVIEW_UPHELD,     /* 复议 … 维持 */
    NB_CLAIM_REVIEW_CORRECTED,  /* 复议 … 纠正 */
    NB_CLAIM_SUIT_UPHELD,       /* 诉讼 … 维持 */
    NB_CLAIM_SUIT_CORRECTED,    /* 诉讼 … 纠正 */
    NB_CLAIM_REPEALED,          /* normative documents repealed */
    NB_CLAIM_LICENSING,         /* 行政许可 decisions */
    NB_CLAIM_PENALTY,           /* 行政处罚 decisions */
    NB_CLAIM_COERCION,          /* 行政强制 decisions */
    NB_CLAIM_NATURAL,           /* applications of natural persons: t3.new.natural (or with those carried in) */
    NB_NCLAIMS
} nb_claim;

/* REVIEW.STALE: the review entry that no longer fits the report (the
 * review, which the caller keeps, owns the strings). */
typedef struct nb_stale {
    const char *file;           /* the review file, or NULL (the work of this session) */
    int line;                   /* the entry's line in it, 0 none */
    int kind;                   /* the entry: 0 a correction, 1 a note, 2 a decision (review.h's nb_rv_kind) */
    int why;                    /* 0 no such cell, 1 not a number, 2 the cell reads otherwise now, 3 a blank cell
                                   corrected the report has lost, 4 a decision's cell reads otherwise now (nb_rv_why) */
    const char *cell;           /* the cell ID as the entry has it ("" none) */
    const char *was, *value;    /* a correction: the text it was made against, the value it gives */
} nb_stale;

/* The form a finding of a rule with several forms takes. */
typedef enum {
    NB_FORM_NONE = 0,
    NB_FORM_OLD_LAYOUT,      /* FORMAT.OUTDATED: the 2019 layout in a report of 2021 on */
    NB_FORM_NEW_EARLY,       /*   the 2021 layout in a report of 2019 or 2020 */
    NB_FORM_NUM_MISMATCH,    /* SECTION.NUMBERING: a statutory heading under another numeral */
    NB_FORM_NUM_RESTART,     /*   numbering restarts at 一、 */
    NB_FORM_NUM_SUBTOPIC,    /*   sub-topics of 总体情况 numbered as sections */
    NB_FORM_ALL_DONE,        /* TEXT.CONTRADICTION: 全部办结 while T3 carries some over */
    NB_FORM_SOME_CARRIED,    /*   结转 N 件 while T3 carries none */
    NB_FORM_EMPTY,           /* SECTION5.THIN: empty or 无 */
    NB_FORM_SHORT,           /*   a few words */
    NB_FORM_LACKS,           /*   no problem or no improvement named (mask) */
    NB_FORM_NO_NOTICE,       /* SECTION6.FEE_VS_T3: no fee notice sent, it says */
    NB_FORM_FEWER_NOTICES,   /*   fewer notices stated */
    NB_FORM_SAME_SECTION,    /* YEAR.SAME_TEXT: a section's text */
    NB_FORM_SAME_TABLES,     /*   every cell */
    NB_FORM_NO_PERIOD,       /* PERIOD.INCOMPLETE: none stated */
    NB_FORM_PART_YEAR,       /*   not 1 January to 31 December */
    NB_FORM_SIGNED_EARLY,    /* DATE.IMPOSSIBLE: signed within the report's year */
    NB_FORM_PUBLISHED_EARLY, /*   published within it */
    NB_FORM_SIGNED_LATER,    /*   signed in a year after the next */
    NB_FORM_PUBLISHED,       /* DATE.LATE: the date is the page's publication date */
    NB_FORM_BELOW,           /* T2.IN_FORCE_BOUND: in force < issued − repealed */
    NB_FORM_NONE_IN_FORCE,   /*   issued but none in force */
    NB_FORM_YUAN_TEXT,       /* T2.FEE_UNIT: the cell says 元 */
    NB_FORM_YUAN_LABEL,      /*   the label says 单位：元 */
    NB_FORM_DECIMALS,        /*   more than four decimals */
    NB_FORM_NARRATIVE,       /*   the narrative's amount differs */
    NB_FORM_SHARE,           /* TEXT.SHARE: N 件，占 P% */
    NB_FORM_OVER_100,        /*   a rate over 100% */
    NB_FORM_GROWTH,          /*   比上年增长 P% */
    NB_FORM_REPEAT,          /* TEXT.QUALITY: a doubled run */
    NB_FORM_ASCII,           /*   ASCII punctuation between Chinese characters */
    NB_FORM_TYPO,            /*   a common misspelling */
    NB_FORM_EXTRA_ROW,       /* STRUCT.EXTRA: a row */
    NB_FORM_EXTRA_COL,       /*   a column */
    NB_FORM_OLD_ROW          /*   a row of the 2019 layout in a 2021 one */
} nb_finding_form;

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
    nb_num rhs2;                /* TEXT.TABLE_MISMATCH: what the second cell it may mean says (word2) */
    int nparts;                 /* TEXT.PARTS_EXCEED: the parts added … */
    long long parts[8];         /* … (the first eight) */
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
    nb_span text;               /* CELL.*: the cell's text (at most 60 bytes); TEXT.PARTS_EXCEED: the unit;
                                   SECTION.NUMBERING, TEXT.QUALITY, …: the words compared */
    int year;                   /* YEAR.MISMATCH, FORMAT.OUTDATED, DATE.*: the report's; YEAR.*: the other report's */
    nb_date date[2];            /* YEAR.MISMATCH, PERIOD.INCOMPLETE: the period; DATE.LATE: the date, deadline;
                                   DATE.IMPOSSIBLE: the date */
    int government;             /* DATE.LATE: the deadline is a government's */
    const char *other_file;     /* YEAR.*: the other report (the caller keeps it) */
    const char *other_agency;   /* YEAR.*: the other report's body as it names itself */
    nb_finding_form form;               /* the rules with several forms: which */
    int numeral;                /* SECTION.NUMBERING: the numeral a heading carries (the last of a run) */
    unsigned mask;              /* SECTION1.*, SECTION5.THIN: what is not there (bits, in the rule's order) */
    int body;                   /* DATE.LATE, T2.REGULATION_AUTHORITY: the kind of body (model/body.h) */
    const char *word, *word2;   /* static words: a 2019 marker, a misspelling and its fix; TEXT.TABLE_MISMATCH:
                                   the cells a number may mean (lhs against rhs, then rhs2) */
    nb_stale stale;             /* REVIEW.STALE */
} nb_finding;

typedef struct nb_findings {
    nb_finding *v;
    size_t n, cap;
    nb_lang lang;               /* the language of an error adding to them (set by nb_check) */
} nb_findings;

void nb_findings_free(nb_findings *f);

/* Append a finding of the rule, at its severity, naming nothing yet;
 * NULL with err set (in out->lang) when out of memory. */
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
/* Prints already made, by the bytes they hash or the cells they name: a
 * batch makes the same few hundred over and over (CELL.BLANK of one cell
 * in report after report), each hashed once. Scratch space of a thread's
 * context (model/ctx.h fp_memo; base/memo.h, bounded, emptied when full).
 * A memo, or NULL when out of memory (then prints are made each time). */
nb_memo *nb_fp_memo_new(void);
void nb_fp_memo_free(nb_memo *m);
/* nb_finding_fingerprint, taken from m when it has the print (m may be
 * NULL), else made and kept there. */
void nb_finding_fingerprint_memo(nb_memo *m, const nb_report *r, const nb_finding *f, char out[24]);

/* A date as ISO 8601: "2025-01-15". */
void nb_date_iso(nb_date d, char out[16]);

#endif
