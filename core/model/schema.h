/* schema.h — the standard tables as data: rows, columns, canonical cell IDs
 * (../shared/spec/format.md) for the 2021 format (and its variant with
 * （六）其他处理 in one row) and the 2019 trial format,
 * the header wording the extractor recognises, and the words of the format
 * in English and Chinese (column, row and table names, section titles).
 * Declared once; the extractor, the rules, the messages and the exports all
 * read it. */
#ifndef NB_SCHEMA_H
#define NB_SCHEMA_H

#include <stddef.h>
#include "base/err.h"

enum { NB_T2 = 2, NB_T3 = 3, NB_T4 = 4 };

enum {
    NB_ROW_SUM = 1,    /* T3: the six applicant cells add up to the last (总计) */
    NB_ROW_T4 = 2,     /* one of T4's three groups; the four results add up to 总计 */
    NB_ROW_MONEY = 4,  /* the last cell is money (a decimal) */
    NB_ROW_SIGNED = 8  /* a cell may be negative (2019 本年增/减) */
};

typedef struct nb_col {
    const char *key;    /* last component of the cell ID */
    const char *label;  /* standard column wording */
} nb_col;

typedef struct nb_row {
    const char *id;        /* "t3.deny.secret" */
    int table;             /* NB_T2 / NB_T3 / NB_T4 */
    const char *label;     /* standard row wording, with its numbering */
    int ncols;
    const nb_col *cols;
    unsigned flags;
    int money_col;         /* index of the money column, or -1 */
    int signed_col;        /* index of a column that may be negative, or -1 */
    const char *const *ids; /* the cell ID of each column, whole ("t3.new.total") */
    int first;             /* the index of its first cell (cells are numbered row by row) */
} nb_row;

/* Variants of a format's tables that real reports use. */
enum {
    NB_VARIANT_STANDARD = 0,
    NB_VARIANT_ONE_OTHER   /* 2021 with （六）其他处理 in one row: cells t3.other.*, as in 2019 */
};

typedef struct nb_schema {
    int format;                       /* 2021 or 2019 */
    const nb_row *rows;
    int nrows;
    const char *const *groups;        /* merged-cell headings (三、本年度办理结果 …) */
    int ngroups;
    const char *const *headers;       /* column headers, sub-table titles, notes */
    int nheaders;
    int variant;                      /* NB_VARIANT_* */
} nb_schema;

const nb_schema *nb_schema_for(int format);
/* The tables of a format in one of its variants (the standard ones for a
 * variant the format does not have). */
const nb_schema *nb_schema_variant(int format, int variant);
/* A variant's name in exports ("one-other-row"); NULL for the standard. */
const char *nb_variant_name(int variant);

/* Cells are numbered row by row, column by column. */
int nb_schema_ncells(const nb_schema *s);
int nb_schema_first_cell(const nb_schema *s, int row);
/* Write the cell ID ("t3.new.total") of cell index ci into out. */
void nb_schema_cell_id(const nb_schema *s, int ci, char *out, size_t cap);
/* The same, the schema's own string ("?" for no cell). */
const char *nb_schema_cell_name(const nb_schema *s, int ci);
/* Row and column of cell index ci. */
void nb_schema_cell_pos(const nb_schema *s, int ci, int *row, int *col);
/* Cell index of an ID, or -1. */
int nb_schema_find_cell(const nb_schema *s, const char *id);
int nb_schema_find_row(const nb_schema *s, const char *id);

/* ---- the format's words, in the language asked ---- */

/* A column by its key ("natural"): the name messages use ("natural" /
 * "自然人"); the key itself for a key without one. */
const char *nb_col_name(const char *key, nb_lang lang);
/* The narrow heading of a T3 or T4 column ("natur" / "自然人"); the key
 * itself for a key without one. */
const char *nb_col_abbr(const char *key, nb_lang lang);
/* A T3 row or group of rows by its ID or pattern ("t3.new", "t3.deny.*",
 * "t3.other*"), named as the table numbers it: "new" / "一"; the pattern
 * itself when it has no name. */
const char *nb_row_short_name(const char *pattern, nb_lang lang);
/* The standard title of section k (0 … 5, NB_SEC_* of model/report.h):
 * "一、总体情况"; "" out of range. */
const char *nb_section_title(int k, nb_lang lang);
/* Table t (NB_T2 … NB_T4): its name ("T3" / "表三") and its subject
 * ("requests received and handled" / "收到和处理政府信息公开申请情况");
 * "" out of range. */
const char *nb_table_name(int t, nb_lang lang);
const char *nb_table_title(int t, nb_lang lang);

#endif
