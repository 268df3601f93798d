/* internal.h — what the files of check/ share and nobody else calls: one
 * function per group of rules (each adds its findings and returns 0, or -1
 * with err set when out of memory), the sum equations as data, and how a
 * cell counts in a sum. */
#ifndef NB_CHECK_INTERNAL_H
#define NB_CHECK_INTERNAL_H

#include "check/findings.h"
#include "base/utf8.h"
#include "model/ctx.h"
#include "model/body.h"
#include "model/report.h"

/* The equations' terms resolved against each schema once (sums.c), kept
 * in the context; NULL when out of memory. */
typedef struct nb_sum_plans nb_sum_plans;
nb_sum_plans *nb_sum_plans_new(void);
void nb_sum_plans_free(nb_sum_plans *p);
/* The rules' part of the context (nb_ctx.checks, made by nb_checks_init). */
typedef struct check_ctx {
    nb_sum_plans *sums;   /* the sums' plans (sums.c) */
    nb_needles typos;     /* the misspellings of TEXT.QUALITY (quality.c) */
} check_ctx;
/* T3.BALANCE, T3.RESULTS_SUM, T3.ROW_TOTAL, T4.GROUP_TOTAL (sums.c); plans
 * may be NULL (each report's then resolved on its own). */
int nb_check_sums(const nb_report *r, const nb_sum_plans *plans, nb_findings *out, nb_err *err);
/* CELL.BLANK, CELL.NOT_NUMBER (cells.c). */
int nb_check_cells(const nb_report *r, nb_findings *out, nb_err *err);
/* LABEL.DEVIATES (labels.c). */
int nb_check_labels(const nb_report *r, nb_findings *out, nb_err *err);
/* STRUCT.MISSING, STRUCT.ORDER (structure.c). */
int nb_check_structure(const nb_report *r, nb_findings *out, nb_err *err);
/* YEAR.MISMATCH, PERIOD.INCOMPLETE, DATE.IMPOSSIBLE, DATE.LATE (dates.c). */
int nb_check_dates(const nb_report *r, nb_body body, nb_findings *out, nb_err *err);
/* SECTION5.THIN, SECTION6.*, SECTION1.* (sections.c), then nb_check_numbering. */
int nb_check_sections(const nb_report *r, nb_body body, nb_findings *out, nb_err *err);
/* T2.IN_FORCE_BOUND, T2.REGULATION_AUTHORITY, T2.FEE_UNIT (t2.c). */
int nb_check_t2(const nb_report *r, nb_body body, nb_findings *out, nb_err *err);
/* FORMAT.OUTDATED, STRUCT.EXTRA (format.c). */
int nb_check_format(const nb_report *r, nb_findings *out, nb_err *err);
/* TEXT.QUALITY (quality.c); the misspellings it looks for, as a set
 * compiled once into the context (nb_checks_init). */
int nb_check_quality(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err);
int nb_quality_words(nb_needles *s);
/* SECTION.NUMBERING, TEXT.SECTION_COUNT (numbering.c). */
int nb_check_numbering(const nb_report *r, nb_findings *out, nb_err *err);

/* What an equation is repeated over. */
typedef enum { NB_OVER_T3_COLS, NB_OVER_T3_ROWS, NB_OVER_T4_ROWS } nb_over;

/* One equation, repeated over the columns or rows it names: terms are row
 * patterns ("t3.deny.*": every row whose ID starts so; "t3.other*": t3.other
 * and its sub-rows) for column sums, column keys for row sums. */
typedef struct nb_equation {
    nb_rule_id rule;
    nb_over over;
    const char *lhs[3];
    const char *rhs[8];
} nb_equation;

/* The equation of a sum rule, or NULL for another rule. */
const nb_equation *nb_equation_of(nb_rule_id rule);

/* A cell's value in a sum: numbers as they are, blanks and placeholders as
 * 0 (*inferred set for an inferred cell); -1 when it has no value (missing,
 * or not a number). Inline: the sums and the cross-year summary ask it of
 * every cell of the tables. */
static inline int nb_cell_sum_value(const nb_report *r, int ci, nb_num *v, int *inferred)
{
    const nb_cell *c = &r->cells[ci];
    switch (c->status) {
    case NB_ST_INFERRED:
        *inferred = 1;
        /* fall through */
    case NB_ST_NUMBER:
        *v = c->num;
        return 0;
    case NB_ST_BLANK:
    case NB_ST_PLACEHOLDER:
        *v = (nb_num){0, 0};
        return 0;
    default:
        return -1;
    }
}

#endif
