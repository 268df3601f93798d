/* internal.h — what the files of read/ share and nobody else calls: the
 * pattern helpers of patterns.c, the wording labels of wording.c and the
 * date readers of dates.c. */
#ifndef NB_READ_INTERNAL_H
#define NB_READ_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "model/report.h"

/* Compile a pattern (UTF, JIT); NULL with err set. */
pcre2_code *nb_re_compile(const char *pat, nb_err *err);
/* The same for a pattern nb_re_at runs: it matches only where it is
 * started (anchored when compiled, so that the JIT runs it). */
pcre2_code *nb_re_compile_at(const char *pat, nb_err *err);
/* Run re over text[from, to); *ov the pairs; 1 on a match, else 0. */
int nb_re_find(const nb_ctx *ctx, void *re, const char *text, size_t to, size_t from, PCRE2_SIZE **ov);
/* The same for a match that starts at `at` itself (re from nb_re_compile_at:
 * no other start is tried): what nb_re_find of the pattern compiled by
 * nb_re_compile finds from `at` when its match starts there. */
int nb_re_at(const nb_ctx *ctx, void *re, const char *text, size_t to, size_t at, PCRE2_SIZE **ov);
/* Group g's digits (ASCII or full width) as a number; -1 when unset. */
int nb_re_int(const char *t, PCRE2_SIZE *ov, int g);
int nb_plausible_date(int y, int m, int d);
/* Only white space in t[a, b)? */
int nb_blank_range(const char *t, size_t a, size_t b);
/* Past white space, '#' and '*' from i (up to end). */
size_t nb_skip_lead(const char *t, size_t i, size_t end);
/* A name from a line's fragment, trimmed, without '#', '*' or 标题: prefixes. */
void nb_copy_name(const char *t, size_t a, size_t b, char *out, size_t cap);

/* sections.c: where a match of the heading pattern (ctx->re_heading) can
 * start in t[from, we) (and end by we); we when nowhere. The pattern looks
 * behind nowhere, so its first match from `from` is its first match from
 * there. */
size_t nb_heading_start(const char *t, size_t from, size_t we);

/* wording.c: section headings and the period's word in another wording
 * than the standard, recorded as labels (the headings and period found);
 * the standard headings' normal forms, made once into the context. */
int nb_wording_init(nb_ctx *c, nb_err *err);
void nb_wording_free(nb_ctx *c);
void nb_record_wording(nb_report *r, const nb_ctx *ctx);

/* dates.c: the date, period and publication patterns; the readers. */
int nb_dates_init(nb_ctx *c, nb_err *err);
void nb_dates_free(nb_ctx *c);
/* The statistic period (统计期限 … 至 …). */
void nb_read_period(nb_report *r, const nb_ctx *ctx);
/* The signing date, and the body's name above it when there is none yet. */
void nb_read_signature(nb_report *r, const nb_ctx *ctx);
/* The page's publication date (发布日期 / 公开日期 / 发布时间). */
void nb_read_published(nb_report *r, const nb_ctx *ctx);

#endif
