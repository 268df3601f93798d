/* ctx.h — what is set up once and shared by every report a thread reads
 * and checks: compiled patterns and the label lexicons. Each
 * stage fills its own part (read/sections, extract/lexicon, check/claims,
 * check/check);
 * batch/ctx sets the whole up and tears it down. One per thread: the match
 * data and the label memo are scratch space. */
#ifndef NB_CTX_H
#define NB_CTX_H

#include <stdio.h>
#include "base/err.h"

typedef struct nb_ctx {
    nb_lang lang;
    void *re_heading;   /* pcre2_code * (read/sections) */
    void *re_title;
    void *re_date;
    void *re_period;
    void *re_published; /* a page's 发布日期 / 公开日期 line (read/sections) */
    void *section_titles; /* nb_ustr[NB_NSEC]: the six standard headings normalised (read/wording) */
    void *re_claims;    /* pcre2_code *[]: narrative claims (check/claims); each JIT-compiled once it
                           has run in this context, so written as it is used, like match */
    void *checks;       /* the rules' own: the sums' plans, the misspellings' set (check/check) */
    void *match;        /* pcre2_match_data *; makes the context single-threaded */
    FILE *trace;        /* where the extractor describes what it saw, or NULL */
    void *serial;       /* pthread_mutex_t * held while a PDF is read, when threads share the
                           process (batch/engine.c); NULL: one thread */
    int no_sha256;      /* a batch: the reports' SHA-256 is never asked for (a review session's is) */
    void *lex[3];       /* the label lexicons of the 2021 and 2019 formats and of 2021 with one
                           （六）其他处理 row (extract/lexicon) */
    void *label_memo;   /* what the lexicons made of label texts, kept from report to report;
                           scratch space like match (extract/memo) */
    void *fp_memo;      /* nb_memo *: the findings' prints made so far (check/findings), or
                           NULL (out of memory: made each time); scratch space like match */
    void *export_plans; /* nb_export_plans *: what the export reads of each schema met (out/export),
                           or NULL (found for each report); scratch space like match */
} nb_ctx;

#endif
