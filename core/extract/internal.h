/* internal.h — the extractor's private types (the lexicon, tokens, row
 * groups, the table area, the digit splitter, filled rows) and the functions
 * its files share. Only core/extract/ includes it.
 *
 * The stages, in the order the driver (extract.c) runs them:
 *   area.c            where the tables are (find_area)
 *   variant.c         the 2021 tables with （六）其他处理 in one row, when they are so
 *   tokenize.c        the area line by line, each line's layout chosen:
 *     tokenize_pipe.c   pipe and box-drawing table rows
 *     tokenize_tab.c    tab-separated rows
 *     tokenize_space.c  plain and space-aligned lines (pdftotext -layout)
 *     tokenize_cells.c  one cell per line, and tab-indented cells
 *     tokenize_cell.c   one cell's text: a value, text, or text then values
 *     tokenize_glued.c  words with text and digits run together (web text)
 *     tokens.c          the token vector and value tokens
 *   classify.c        text tokens: row label, column header or group heading
 *   assemble.c        rows: a label and its values
 *   match.c           rows to the schema: T2 by label, T3 in order, T4 by shape
 *   trim.c            which of a row's tokens are its cells (ex_fits, ex_trimmed)
 *   columns.c         space-aligned numbers placed under their headers; T3 in
 *                     the column order its header states
 *   fill.c            cells from the matched rows
 *   split.c           run-together digits split with the table's sums
 *   resolve.c         T3 readings chosen with the column sums across rows
 *   labels.c          labels that differ from the standard wording
 *   extras.c          rows and columns beyond the template, T2's fee unit
 *   trace.c           what the extractor saw (NIANBAO_TRACE)
 *   lexicon.c         the standard wording: exact and nearest labels
 *   memo.c            what the lexicon made of a label's text, kept across reports */
#ifndef NB_EXTRACT_INTERNAL_H
#define NB_EXTRACT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/memo.h"
#include "base/utf8.h"
#include "model/report.h"
#include "text/label.h"
#include "text/numerals.h"

/* ------------------------------------------------------------------ lexicon */

#define MAXROWS 48
#define MAXHDR 96
#define MAXCOLS 48

typedef struct lex_col {
    int table;
    const char *key;
    const char *label;
    nb_ustr norm;
    nb_sig sig;   /* of norm, for the similarity of a header to it */
} lex_col;

typedef struct lexicon {
    const nb_schema *s;
    nb_ustr rows[MAXROWS];   /* row labels without numbering */
    nb_sig sigs[MAXROWS];    /* and their signatures */
    uint64_t bloom[MAXROWS]; /* and which of 64 buckets their characters fall in */
    uint32_t row_last[MAXROWS]; /* the last characters of T2/T3 labels of two or more, once each */
    int nrow_last;
    uint64_t row_last_any;      /* bit c & 63 of each of them: most characters ruled out at once */
    uint64_t row_last_rows[MAXROWS]; /* the rows (bit r) whose label ends in row_last[k] */
    nb_ustr groups[8];
    int ngroups;
    /* labels that end in a remark in brackets, without it, as bodies shorten
       them (（二）部分公开 for 部分公开（区分处理的，…）): head_row[k]'s */
    nb_ustr heads[4];
    short head_row[4];
    int nheads;
    nb_ustr headers[MAXHDR];
    int nheaders;
    lex_col cols[MAXCOLS];
    int ncols;
    /* exact wording → what it is: row labels, headers, group headings */
    struct lex_entry {
        uint32_t hash;
        short kind, index;    /* kind: 1 row, 2 header, 3 group, 4 a row's head */
    } hash[256];
    uint64_t *pairs;          /* code point pairs of header wording, a set (lexicon.c) */
    size_t pairmask;          /* its slots less one */
    uint32_t *chars;          /* sorted code points of header wording */
    size_t nchars;
    const nb_ustr *colnorm[MAXROWS]; /* each row's column labels normalised (rows of one column set share them) */
    nb_ustr *colpool;
    /* the headers' and columns' standard words as they are written, found
     * in run-together header text in one pass (words_ok 0: one by one) */
    nb_needles words;
    int words_ok;
} lexicon;

/* Is u exactly a T2/T3 row label (*row, else -1) and/or a header (*header)? */
void ex_lex_exact(const lexicon *L, const nb_ustr *u, int *row, int *header);
/* ex_lex_exact for the n code points c. */
void ex_lex_exact_chars(const lexicon *L, const uint32_t *c, int n, int *row, int *header);
/* Share of u's characters that lie in a pair of header wording (digits count). */
double ex_header_coverage(const lexicon *L, const nb_ustr *u);
/* How many of a label's characters fall in each of the 64 bloom buckets,
 * and which buckets hold any. */
typedef struct row_buckets {
    unsigned char count[64]; /* ≤ NB_USTR_MAX */
    uint64_t any;
} row_buckets;
void ex_row_buckets(const nb_ustr *u, row_buckets *rb);
/* At least nb_sim of row r's label and a label of n characters in these
 * buckets (m + n > 0): a cheap bound that spares most similarities. */
double ex_row_bound(const lexicon *L, int r, const row_buckets *rb, int n);
/* Best matching row of the given tables (bit 1<<table) for a label. */
double ex_best_row(const lexicon *L, const nb_ustr *u, unsigned tables, int *row);
/* Is some row of the tables at least floor similar to u (ex_best_row's
 * similarity)? Rows bounded below floor are not compared. */
int ex_near_row(const lexicon *L, const nb_ustr *u, unsigned tables, double floor);

/* ------------------------------------------------------------------ memo */

/* Answers that depend only on a label's text or code points and a
 * lexicon, kept in a thread's context (base/memo.h), by kind: */
enum { MEMO_CLASS = 1, MEMO_BEST_ROW, MEMO_T3_SIMS, MEMO_NEAR_HEADER, MEMO_RUN_TOGETHER };

/* ex_best_row, the answer remembered in M (when not NULL) by the lexicon,
 * the tables and u's code points. */
double ex_best_row_memo(nb_memo *M, const lexicon *L, const nb_ustr *u, unsigned tables, int *row);

/* ------------------------------------------------------------------ tokens */

enum { K_TEXT, K_VALUE, K_EMPTY, K_EOL, K_BREAK, K_RULE };
enum { C_NONE, C_LABEL, C_HEADER, C_GROUP };
enum { LK_PLAIN, LK_TAB, LK_PIPE, LK_CELL };

#define NO_FIELD 255
#define MAXFIELDS 48

/* Sixteen bytes: a report's tables may make a million of them. */
typedef struct tok {
    uint32_t off, len; /* in the text: 32 bits hold its offsets (NB_MAX_TEXT) */
    unsigned char kind, cls, lkind, numbered, blob;
    unsigned char field, nfields; /* a tab row's: the token's field, the line's fields (NO_FIELD: not known) */
    signed char exact_row;        /* the schema row (< MAXROWS) the text is exactly, or -1 */
} tok;

/* The most tokens and rows read of a report's tables: far more than any
 * report's tables hold, so that text built to look like millions of tiny
 * rows costs bounded memory and time; what lies past them is not read
 * (nb_report's tables_cut says so). */
#define EX_MAX_TOKENS 1000000
#define EX_MAX_GROUPS 20000

/* A text token's normal form, made once when it is classified and viewed
 * by every later stage with its own flags: the folded code points
 * (nb_norm_chars) in a pool, and where leading numbering ends. */
typedef struct tnorm {
    uint32_t at;          /* in the pool */
    unsigned char m;      /* code points (≤ NB_USTR_MAX) */
    unsigned char start;  /* numbering before it (NB_NORM_NUM) */
    unsigned char had, made;
    unsigned char marks;  /* * # | │ were dropped from it (nb_norm_chars_marks) */
    unsigned char header; /* viewed as a label it is exactly a header's wording (ex_lex_exact) of
                           * EX_HEADER_MAX characters at most: a header with nothing to record */
} tnorm;

/* A column header longer than this (in characters, as a label) is read as
 * several headers run together (labels.c). */
#define EX_HEADER_MAX 18

typedef struct tokv {
    tok *v;
    size_t n, cap;
    int oom;
    int full; /* EX_MAX_TOKENS were emitted: the rest is not */
    tnorm *norm;       /* by token (made: a classified text token) */
    size_t nnorm, normcap;
    uint32_t *pool;    /* the normal forms' code points */
    size_t npool, poolcap;
    uint32_t *texts;   /* the text tokens' indices, in order, listed as classify goes over them */
    size_t ntexts, textcap;
    int texts_lost;    /* no room for that list: the passes after go through every token */
} tokv;

/* Token ti's normal form as nb_norm with flags gives it (norm/pool: a
 * tokv's; the text t when the form was not kept). */
void ex_norm_view(const tnorm *norm, const uint32_t *pool, const char *t, const tok *k, size_t ti, int flags,
                  nb_ustr *out);

tok *ex_emit(tokv *tv, int kind, size_t off, size_t len, int lkind);
/* Everything tv holds freed: its tokens, their normal forms and pool, the
 * list of its text tokens. */
void ex_tokv_free(tokv *tv);
/* A value token (blob set for run-together digits). */
void ex_emit_value(tokv *tv, const char *t, size_t a, size_t b, int lk);
/* ex_emit_value for t[a, b) of ASCII digits alone (ex_plain_digits), its
 * blob told from its length without reading them again: the token, or
 * NULL when none was written (ex_emit). */
tok *ex_emit_digits(tokv *tv, size_t a, size_t b, int lk);
/* Trim white space from [*a, *b). */
void ex_trim(const char *t, size_t *a, size_t *b);
/* Is t[a, b) one number written with its thousands set apart by single
 * spaces (4 529, 18 651.06: one to three digits, then groups of three,
 * each after one space, U+00A0, U+2009 or U+202F; a decimal part and a
 * unit as nb_parse_value reads them)? Its value in *num. */
int ex_spaced_number(const char *t, size_t a, size_t b, nb_num *num);
/* Is t[a, b) one space of those that set a number's thousands apart? */
int ex_one_space(const char *t, size_t a, size_t b);
/* A cell's value from token k: ASCII digits alone, at most NB_NUM_MAX_INT
 * of them (the commonest cell), read without a call, as nb_parse_value
 * reads them; any other text by nb_parse_value, or as ex_spaced_number
 * reads it. */
static inline nb_status ex_token_value(const char *t, const tok *k, nb_num *num)
{
    if (k->len >= 1 && k->len <= NB_NUM_MAX_INT) {
        long long v = 0;
        size_t i = k->off, e = k->off + k->len;
        while (i < e && t[i] >= '0' && t[i] <= '9')
            v = v * 10 + (t[i++] - '0');
        if (i == e) {
            *num = (nb_num){v, 0};
            return NB_ST_NUMBER;
        }
    }
    nb_status st = nb_parse_value(t + k->off, k->len, num);
    if (st == NB_ST_TEXT && ex_spaced_number(t, k->off, k->off + k->len, num))
        return NB_ST_NUMBER;
    return st;
}
/* Is t[a, b) white space alone (ex_trim would leave nothing of it)? */
int ex_blank(const char *t, size_t a, size_t b);
/* The next word of t[*i, b) (no white space in it) as [*s, *e), *i moved
 * past it; 0 when none is left. */
int ex_next_word(const char *t, size_t b, size_t *i, size_t *s, size_t *e);
/* Might t[a, b) hold white space? 0 only when surely not (bytes looked at,
 * nothing decoded). */
int ex_may_hold_space(const char *t, size_t a, size_t b);
/* ASCII digits alone, at most NB_NUM_MAX_INT of them: the commonest cell,
 * a number as nb_parse_value reads it first, told without calling it. */
int ex_plain_digits(const char *t, size_t a, size_t b);
/* Could t[a, b) (a < b) be a value by its last character (nb_may_end_value)?
 * 0 only when surely not: then neither t[a, b) nor the last word of it
 * (ex_next_word's) reads as a number or a placeholder. Only a last
 * character of ASCII or of three bytes is asked about; one of two or four
 * bytes, or a byte of none (a stray continuation byte, a sequence cut
 * short), says maybe. */
int ex_may_end_value(const char *t, size_t a, size_t b);
/* t[a, b) reads as a number or a placeholder. */
int ex_is_value_text(const char *t, size_t a, size_t b);
/* Is t[a, b) a figure written amiss, not as any number is ("18651。06",
 * "1.865106亿元"): a digit first, then only digits, marks put for a point
 * or a separator, units and multipliers, a digit or a unit last? No label
 * is (no other ideograph and no white space: "1.行政许可", "2024年" are
 * none), nor a number before punctuation ("217件，"). */
int ex_is_figure_text(const char *t, size_t a, size_t b);
/* A value token for t[a, b) when it reads so (ex_emit_value): 1, else 0
 * and nothing emitted. */
int ex_emit_if_value(tokv *tv, const char *t, size_t a, size_t b, int lk);
/* Can a numbering marker ((三), 二、) start at this folded character? In
 * run-together text only such a place cuts a label (tokenize_glued.c). 一
 * … 十: most characters ruled out by nb_cn_digit_may. */
static inline int ex_numbering_may_start(uint32_t folded)
{
    return folded == '(' || (nb_cn_digit_may(folded) && nb_cn_digit(folded) > 0);
}
/* 件 个 条 项 元 次 % 家 份 */
int ex_is_unit_cp(uint32_t c);

/* ------------------------------------------------------------------ tokenizers */

typedef struct area {
    size_t start, end;
    size_t t2s, t3s, t4s;   /* where each table may start */
    size_t t2e, t3e;        /* where T2 and T3 must end */
} area;

void ex_find_area(const nb_report *r, area *a);
/* A 2021 report with （六）其他处理 in one row takes that variant's schema
 * (its cells made anew); -1 when out of memory. */
int ex_choose_variant(nb_report *r, const area *ar);
/* Tokenise the area; *cells_mode is set for one cell a line. */
void ex_tokenize_area(const nb_report *r, const area *ar, tokv *tv, int *cells_mode);
/* Line t[a, b) (trimmed to [x, y)) of a one-cell-a-line area. */
void ex_tokenize_cells_line(tokv *tv, const char *t, size_t a, size_t b, size_t x, size_t y, int tab_cells);
/* A pipe or box table row's pieces between its separators (at most 128);
 * line: 1 for a piece the scan found to be one line character of a rule
 * (─ ═ …) repeated and nothing else, a piece of a rule as it stands. */
typedef struct pipe_cuts {
    size_t ps[128], pe[128];
    unsigned char line[128];
    int np;
} pipe_cuts;
/* Count of separators that make line t[a, b) a pipe or box table row, and
 * its pieces into pc, in one pass. */
int ex_pipe_scan(const char *t, size_t a, size_t b, pipe_cuts *pc);
/* The cells of row t[a, b) cut into pc's pieces (ex_pipe_scan). */
void ex_tokenize_pipe(tokv *tv, const char *t, size_t a, size_t b, const pipe_cuts *pc);
void ex_tokenize_tab_row(tokv *tv, const char *t, size_t a, size_t b);
/* Count of commas (ASCII or full-width, not a number's thousands) that
 * separate a line's cells, 0 for a sentence (one with 。). */
int ex_comma_seps(const char *t, size_t a, size_t b);
void ex_tokenize_comma_row(tokv *tv, const char *t, size_t a, size_t b);
void ex_tokenize_plain(tokv *tv, const char *t, size_t a, size_t b, int lk);
void ex_tokenize_cell(tokv *tv, const char *t, size_t a, size_t b, int lk);
/* A word t[a, b) without white space (ex_next_word's): runs of text and
 * number cut apart. */
void ex_tokenize_glued(tokv *tv, const char *t, size_t a, size_t b, int lk);

/* Classify every text token (and split header words off a row label);
 * what the lexicon makes of a token's text remembered in M (or NULL). */
void ex_classify_tokens(nb_memo *M, const lexicon *L, const char *t, tokv *tv);

/* ------------------------------------------------------------------ rows */

#define MAXFRAG 8
#define MAXWANT 16

/* A row being read: its label (in the assembly's pool of labels, so that a
 * row costs a few words, not a whole nb_ustr), where the label's fragments
 * stand in the text, and its values (A->vals[v0, v0 + nv)). */
typedef struct group {
    uint32_t lab, nlab;   /* the label: A->lab[lab, lab + nlab) */
    int lab_num;          /* the label's had_num (nb_ustr) */
    int has_label, numbered, exact_row;
    uint32_t frag_off[MAXFRAG], frag_len[MAXFRAG];
    int nfrag;
    int label_lk;
    int v0, nv;
    int blob;  /* a value token of run-together digits is among them */
    int tab_fields; /* every value a field of tab lines of this many fields, else NO_FIELD (kept by add_val) */
    size_t pos;
    int row;   /* schema row, or -1 */
    int open;  /* a short row that the next line may complete */
    int best, best_valid; /* nearest T2/T3 row of the label, once computed */
    double best_sim;
} group;

/* A stretch of display columns on a line: [from, to); to == 0: not known. */
typedef struct ex_extent {
    size_t from, to;
} ex_extent;

typedef struct assembly {
    const lexicon *L;
    nb_memo *memo;         /* the lexicon's answers kept across reports, or NULL */
    const char *t;
    tok *toks;
    size_t ntok;
    const tnorm *norm;     /* the text tokens' normal forms (tokv's) */
    const uint32_t *npool;
    const uint32_t *texts; /* the text tokens' indices, in order (tokv's), when texts_listed */
    size_t ntexts;
    int texts_listed;      /* 0: not listed, the passes over text go through every token */
    group *g;
    int ng;
    size_t gcap;
    int *vals;
    int nv;
    size_t vcap;
    struct tok_cols *cols; /* tokens' display columns, measured once (columns.c; NULL until needed) */
    struct col_mark {      /* the place measured last: its line's start, offset and display column */
        size_t line, off, col;
        int valid;
    } colmark;
    size_t *heads;         /* the plain column headers' token indices, in order (columns.c; NULL until */
    size_t nheads;         /* needed), and how many; heads_state 1: made, tokens in text order, */
    int heads_state;       /* -1: not made (no memory, or tokens out of order), 0: not yet */
    struct heads_read {    /* the columns read last from the listed headers (columns.c): */
        int valid, row;    /* for row's column labels, */
        size_t from, upto; /* from the headers A->heads[0, upto) at or past from */
        ex_extent cols[MAXWANT];
    } heads_read;
    uint32_t *lab;  /* the groups' labels' code points, one after another */
    size_t nlab, labcap;
    int oom;
    int full; /* EX_MAX_GROUPS rows were made: the rest is not read */
    /* tab rows of nfields fields whose numbers fill want cells start them at
     * field tab_first[want][nfields] − 1 (0: no such row, −1: rows disagree) */
    signed char tab_first[MAXWANT][MAXFIELDS];
} assembly;

/* Rows from tokens; labels end up without trailing punctuation. */
void ex_assemble(assembly *A, tok *toks, size_t ntok, int cells_mode);
/* How many rows from A->g[gi] on make one row of want cells broken over
 * lines: gi's values, then unlabelled rows of values on the lines after
 * (nothing else between), the last one ending the cells; 0 when none do. */
int ex_continued_rows(const assembly *A, int gi, int want);
/* Rows gi .. gi + n - 1 (ex_continued_rows) made one, gi, without the
 * empty fields its tab lines ended with before it went on. */
void ex_join_rows(assembly *A, int gi, int n);
/* How many tokens a pass over A's text tokens (of toks[0, ntok)) goes
 * through: the listed text tokens, or every token when none were listed. */
static inline size_t ex_text_span(const assembly *A, size_t ntok)
{
    return A->texts_listed ? A->ntexts : ntok;
}
/* The index of the j-th token of such a pass (j < ex_text_span). */
static inline size_t ex_text_at(const assembly *A, size_t j)
{
    return A->texts_listed ? A->texts[j] : j;
}
/* Token ti's normal form (ex_norm_view on A's tokens). */
void ex_tok_norm(const assembly *A, size_t ti, int flags, nb_ustr *out);
/* Group g's label (empty when it has none). */
void ex_group_label(const assembly *A, const group *g, nb_ustr *out);
/* Is g's label u's code points (as ex_group_label gives it, compared where
 * it stands)? */
int ex_group_label_is(const assembly *A, const group *g, const nb_ustr *u);
/* The T2/T3 row nearest a group's label (cached until the label changes). */
double ex_group_best(const assembly *A, group *g, int *row);

void ex_match_t2(nb_report *r, assembly *A, const area *ar);
void ex_match_t3(nb_report *r, assembly *A, const area *ar);
/* *t4_group: the group holding all fifteen numbers, or -1. */
void ex_match_t4(nb_report *r, assembly *A, const area *ar, int *t4_group);

/* ------------------------------------------------------------------ cells */

typedef struct part {
    size_t off, len;
    nb_num num;
    nb_status st;
} part;

#define MAXPARTS 16
#define MAXREAD 32
#define MAXDIG 160 /* digits of a run read ahead: more than any reading can take (15 cells of 9, or 12 before a point) */

typedef struct splitter {
    const char *t;
    const tok *toks;
    const int *idx;     /* value tokens of the row */
    int caps[MAXPARTS * 2]; /* parts each token can give at most */
    /* each token read once: a whole one's part; a run of digits' digits
     * before any decimal point (where each ends, its value) */
    part whole[MAXPARTS * 2];
    int nd[MAXPARTS * 2];
    uint32_t dend[MAXPARTS * 2][MAXDIG];
    unsigned char dval[MAXPARTS * 2][MAXDIG];
    int n;
    int want;
    unsigned flags;     /* NB_ROW_SUM, or NB_ROW_T4 for 15 cells in three groups */
    int small_ints;     /* every part read is an integer small enough to add plainly */
    part cur[MAXPARTS];
    part found[MAXREAD][MAXPARTS];
    int nfound, total;
    long nodes;
} splitter;

/* Learn where the cells of tab rows of each shape start (after assembly). */
void ex_learn_tab_grid(assembly *A);
/* Value tokens of a group trimmed to want: merged-cell empties dropped. */
int ex_trimmed(const assembly *A, const group *g, int want, int *out);
/* None of the tokens holds anything: a row of blank cells (or a label alone). */
int ex_is_blank_row(const assembly *A, const int *idx, int n);
/* Can group g give the want cells of a row (bare: exactly; split allowed)? */
int ex_fits(const assembly *A, const group *g, int want, int labelled, double *penalty);
int ex_row_needs_split(const assembly *A, const int *idx, int n, int want);
/* The readings of the row's digits that give want cells, found in S (a
 * workspace the caller owns and reuses row after row: no allocation). */
void ex_run_split(const assembly *A, splitter *S, const int *idx, int n, int want, unsigned flags);

/* A split T3 row's several readings, kept for the sums across rows
 * (resolve.c): n ≥ 2 of them, every reading found. */
typedef struct kept_readings {
    int n;
    part found[][MAXPARTS];
} kept_readings;

typedef struct rowfill {
    int row;
    int idx[MAXPARTS * 2];
    int n;
    int want;
    kept_readings *rd;  /* a split T3 row's readings when several (else NULL) */
} rowfill;

/* Fill the cells of every matched row; returns how many fills (at most cap). */
int ex_fill_rows(nb_report *r, assembly *A, int t4_group, rowfill *fills, int cap);
/* Cells of a row whose readings differ stay unread and say how many fit. */
void ex_fill_from_readings(nb_report *r, const assembly *A, int row, const int *idx, int n, int want,
                           part (*rd)[MAXPARTS], int nrd, int total, int row_offset);
/* A space-aligned row of n < its cells numbers idx (group g, matched): the
 * token each column sits under, at[c] (-1: a blank cell); 0 when the
 * headers above do not place every number surely and in order. */
int ex_place_by_columns(const nb_report *r, assembly *A, const group *g, const int *idx, int n, int *at);
/* T3's rows of tab or one-cell-per-line tokens with their cells in the
 * order the header above them states, when it names every column once in
 * another order than the schema's (the values follow the header), unless
 * more of them add up in the schema's order. */
void ex_order_t3_columns(nb_report *r, assembly *A, const rowfill *fills, int nfill);
/* Choose among T3 rows' readings with the columns' sums. */
void ex_t3_resolve(nb_report *r, const assembly *A, rowfill *fills, int nfill);

/* ------------------------------------------------------------------ labels, trace */

void ex_record_row_labels(nb_report *r, const assembly *A);
/* Rows and columns beyond the template, and T2's fee unit (extras.c); -1
 * when out of memory. */
int ex_record_extras(nb_report *r, const assembly *A, const tok *toks, size_t ntok, const area *ar);
/* T2's fee column labelled 单位：元 in the text of T2's part. */
void ex_fee_unit_label(nb_report *r, const area *ar);
void ex_record_header_labels(nb_report *r, const assembly *A, const tok *toks, size_t ntok, const area *ar);
/* Header text t[off, off + len) of table (A's lexicon and text): recorded
 * when near one column's standard wording but not it, nor a piece of it. */
void ex_check_header_text(nb_report *r, const assembly *A, int table, size_t off, size_t len);
/* What the extractor saw, for whoever debugs a layout (NIANBAO_TRACE=1). */
void ex_trace(FILE *f, const nb_report *r, const tokv *tv, const assembly *A, int cells_mode);

#endif
