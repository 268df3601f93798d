/* years.h — the rules across two reports of one body for consecutive years
 * (YEAR.CARRY, YEAR.IN_FORCE, YEAR.SAME_TEXT, TEXT.SHARE's 比上年 P%): what
 * they need of a report, kept small after the report is freed (figures, a
 * sketch of two sections' text, a print of each table, the growth claims),
 * how bodies are told apart by name, and the check. */
#ifndef NB_YEARS_H
#define NB_YEARS_H

#include <stddef.h>
#include <stdint.h>
#include "check/findings.h"
#include "model/body.h"
#include "model/report.h"

/* A section's text in brief: the smallest hashes of its four-character
 * shingles (white space and punctuation dropped, digit runs as one sign),
 * and where its heading is in the report. */
#define NB_SKETCH 128
typedef struct nb_sketch {
    uint32_t h[NB_SKETCH];      /* ascending */
    int n;                      /* hashes kept */
    int chars;                  /* characters read */
    size_t off, len;            /* the section's heading */
} nb_sketch;

/* What the narrative's 比上年增长 / 下降 P% is about. */
enum { NB_GROW_RECEIVED, NB_GROW_REVIEW, NB_GROW_SUIT, NB_GROW_ISSUED, NB_NGROW };

typedef struct nb_growth {
    int subject;                /* NB_GROW_* */
    nb_num pct;                 /* as stated; negative for 下降 / 减少 */
    size_t off, len;            /* the claim in the report */
} nb_growth;

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
    nb_sketch text[2];          /* sections 一 and 五 */
    int table_state[3];         /* T2, T3, T4: 0 not all read, 1 all zero, 2 figures */
    uint64_t table_print[3];    /* a hash of each table's figures */
    int has_value[NB_NGROW][2]; /* what a growth is measured on; for received: new, new + carried in */
    long long value[NB_NGROW][2];
    nb_growth growth[8];
    int ngrowth;
} nb_summary;

void nb_summarize(const nb_report *r, nb_summary *s);
/* The sketch of the text t[a, b) (t NUL-terminated past b) taken into s:
 * its NB_SKETCH smallest hashes with those s holds already, the words read
 * counted on in s->chars (years_sketch.c). Where wide and the CPU has AVX2
 * it reads and hashes eight at a time, else by the portable path; both give
 * the same (nb_summarize_text sketches wide; tests compare the two). */
void nb_sketch_text(const char *t, size_t a, size_t b, nb_sketch *s, int wide);
/* The text part of the summary: sketches, table prints, growth claims (years_text.c). */
void nb_summarize_text(const nb_report *r, nb_summary *s);
/* The growth claim (比上年增长 P% …) whose mark (比上年, 同比 …, ml bytes)
 * is t[at, at + ml) (t n bytes): 1 with g filled, else 0 (years_text.c,
 * which finds the marks; tests find them the plain way). */
int nb_growth_at(const char *t, size_t n, size_t at, size_t ml, nb_growth *g);
/* YEAR.SAME_TEXT and the growth form of TEXT.SHARE (years_text.c). */
int nb_check_years_text(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                        nb_err *err);
/* Same body (by name, model/body.h)? */
int nb_same_body(const nb_summary *a, const nb_summary *b);
/* The rules across years between the reports of year Y-1 and Y; the
 * findings belong to cur (the later report) and name prev's file (they point
 * at prev->file: keep prev while they live). 0, or -1 with err set. */
int nb_check_years(const nb_summary *prev, const nb_summary *cur, const nb_schema *schema, nb_findings *out,
                   nb_err *err);

#endif
