/* report.h — the model of one report: its text, its six sections and
 * metadata, and the standard tables' cells under their canonical IDs, each
 * tied to the exact place in the text it came from. */
#ifndef NB_REPORT_H
#define NB_REPORT_H

#include <stddef.h>
#include "base/err.h"
#include "model/ctx.h"
#include "model/doc.h"
#include "model/schema.h"
#include "text/numerals.h"

enum { NB_SEC_GENERAL = 0, NB_SEC_ACTIVE, NB_SEC_REQUESTS, NB_SEC_REVIEW, NB_SEC_PROBLEMS, NB_SEC_OTHER, NB_NSEC };

typedef struct nb_section {
    int present;
    size_t head_off, head_len;  /* the heading's span */
    size_t body_off, body_end;  /* from after the heading to the next section */
    int numeral;                /* the top-level numeral its heading carries (三、 → 3), 0 for none */
} nb_section;

/* A top-level numbered heading at a line's start (三、… , not a T3 row's
 * 一、本年新收…), in the order of the text. */
#define NB_MAX_HEADS 40
typedef struct nb_heading {
    size_t off, len;            /* the heading's line, numeral included */
    int numeral;                /* 一、 → 1 */
    int section;                /* the statutory section it is (NB_SEC_*), or -1 */
} nb_heading;

typedef struct nb_cell {
    nb_status status;
    nb_num num;            /* for NUMBER and INFERRED */
    int has_span;
    size_t off, len;       /* source span in doc.text (len 0 for a blank) */
    size_t blob_off, blob_len; /* run-together digits the cell was split from */
    int readings;          /* readings of the run-together digits that fit (0: not split) */
    int corrected;         /* a reviewer's correction replaced what the report says */
    nb_status orig_status; /* and what it said */
    nb_num orig_num;
    /* read from a table grid (model/grid.h): its number (1-based), the
     * cell's row and column in it (1-based), the PDF page; else 0 */
    int table, grid_row, grid_col, page;
} nb_cell;

typedef struct nb_label {
    char id[64];           /* "t3.new", "t2.*.repealed" */
    char *found;           /* the label as the report has it */
    const char *standard;  /* the standard wording */
    size_t off;            /* where it starts in doc.text */
} nb_label;

/* A row or column of a table the template does not have, as the extractor
 * saw it (小计, a 法人或其他组织小计 column, a row of the 2019 layout in a
 * 2021 one). */
typedef struct nb_extra {
    size_t off, len;       /* its label in doc.text */
    int table;             /* NB_T2 … NB_T4 */
    int column;            /* a column, not a row */
    int old_row;           /* a row of the 2019 layout in a 2021 one */
} nb_extra;

typedef struct nb_date {
    int y, m, d;
} nb_date;

typedef struct nb_report {
    nb_doc doc;
    int format;                  /* 2021 or 2019 */
    const nb_schema *schema;
    int year;                    /* report year, 0 if unknown */
    size_t year_off;
    int year_titled;             /* the year is the title's (not guessed from the text) */
    char agency[256];
    nb_date signed_on;           /* y == 0 if none */
    size_t signed_off;
    nb_date published_on;        /* a 发布日期 / 公开日期 / 发布时间 line of the page; y == 0 if none */
    size_t published_off;
    nb_date period_from, period_to;
    size_t period_off, period_len;
    nb_section sec[NB_NSEC];
    nb_heading heads[NB_MAX_HEADS];
    int nheads;
    nb_cell *cells;              /* nb_schema_ncells(schema) of them */
    int ncells;
    nb_label *labels;
    int nlabels;
    size_t labels_cap;
    int rows_found[64];          /* per schema row: 1 when the row was found */
    size_t tables_off, tables_end; /* T2 and T3's zone: tables, no narrative */
    int tables_cut;              /* the tables' zone held more rows than any report's tables (text built to
                                    look like millions of rows): what lies past the first ones was not read */
    int fee_label_yuan;          /* T2's fee column says 单位：元 (extract) */
    size_t fee_label_off, fee_label_len;
    nb_extra *extras;            /* rows and columns beyond the template (extract) */
    int nextras;
    size_t extras_cap;
} nb_report;

/* The cell of an ID, or NULL. */
const nb_cell *nb_report_cell(const nb_report *r, const char *id);

/* Record a label that differs from the standard wording. */
int nb_report_add_label(nb_report *r, const char *id, const char *found, size_t flen,
                        const char *standard, size_t off);
/* Record a row or column beyond the template; -1 when out of memory. */
int nb_report_add_extra(nb_report *r, const nb_extra *x);
void nb_report_free(nb_report *r);

#endif
