/* rules.h — the checks of ../shared/spec/format.md as one table of data
 * (id, severity, cells, formula) and the engine that runs them over a report
 * (and over two reports of one body for consecutive years). The console, the
 * batch output and the help all read the same table. */
#ifndef NB_RULES_H
#define NB_RULES_H

#include <stddef.h>
#include "model/report.h"

typedef enum { NB_SEV_INFO = 0, NB_SEV_WARNING = 1, NB_SEV_ERROR = 2 } nb_severity;

const char *nb_severity_name(nb_severity s);
/* "info", "warning", "error" → the level; -1 if none of them. */
int nb_severity_parse(const char *s);

typedef struct nb_rule {
    const char *id;        /* "T3.BALANCE" */
    nb_severity severity;
    const char *en, *zh;   /* what must hold, for help and --list-rules */
    const char *formula;   /* the cells, as the spec writes them */
} nb_rule;

/* The rule table. */
const nb_rule *nb_rules(int *n);
int nb_rule_index(const char *id);

#define NB_FCELLS 32

typedef struct nb_finding {
    int rule;                   /* index in the rule table */
    nb_severity severity;
    int cells[NB_FCELLS];       /* cell indices of the report's schema */
    int ncells;
    int suspect;                /* the cell most likely wrong, or -1 */
    size_t off;                 /* where it points in the text */
    int has_off;
    int has_sides;
    nb_num lhs, rhs;            /* both sides of an equation */
    char lhs_en[96], lhs_zh[96], rhs_en[96], rhs_zh[96];
    char where_en[64], where_zh[64]; /* "column natural" / "自然人列" */
    char detail[256];           /* what the message needs beside the sides */
    int inferred;               /* an inferred cell takes part */
    size_t claim_off, claim_len;/* the narrative claim quoted, if any */
    const char *other_file;     /* cross-year: the other report */
    int other_year;
} nb_finding;

typedef struct nb_findings {
    nb_finding *v;
    size_t n, cap;
} nb_findings;

void nb_findings_free(nb_findings *f);

/* Run every single-report rule. Findings are appended in text order. */
int nb_check(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err);

/* What the cross-year rules need of a report, kept after the report is freed. */
typedef struct nb_summary {
    char file[512];
    char agency[256];
    int year, format;
    int has_carried_out[7], has_carried_in[7];
    nb_num carried_out[7], carried_in[7];
    size_t carried_in_off[7];
    int has_t2[2][3];           /* regulation, normative × issued, repealed, in_force */
    nb_num t2[2][3];
    size_t t2_off[2][3];
} nb_summary;

void nb_summarize(const nb_report *r, nb_summary *s);
/* The key a body's name is compared by (white space and 人民政府-like
 * suffixes dropped); "" when there is no name. */
void nb_body_key(const char *agency, char *out, size_t cap);
/* Same body (by name) and consecutive years? */
int nb_same_body(const nb_summary *a, const nb_summary *b);
/* YEAR.CARRY and YEAR.IN_FORCE between the reports of year Y-1 and Y; the
 * findings belong to cur (the later report) and name prev's file. */
int nb_check_years(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out);

/* The finding's message in the language, without file or rule ID. */
void nb_finding_message(const nb_report *r, const nb_finding *f, nb_lang lang, char *out, size_t cap);

/* Sort findings by position in the text, then rule. */
void nb_findings_sort(nb_findings *f);

#endif
