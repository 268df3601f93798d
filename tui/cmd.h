/* cmd.h — the subcommands of the command line, each run with its parsed
 * options (opts.h), and what they share: the context, the reports named,
 * the review beside a report. A subcommand returns the exit status: 0 fine,
 * 1 findings of error weight (check), 2 usage or I/O failure. */
#ifndef NB_CMD_H
#define NB_CMD_H

#include "batch/walk.h"
#include "model/report.h"
#include "opts.h"
#include "review/review.h"

int nb_cmd_console(const nb_opts *o, nb_lang L);
int nb_cmd_check(const nb_opts *o, nb_lang L);
int nb_cmd_export(const nb_opts *o, nb_lang L);
int nb_cmd_rules(const nb_opts *o, nb_lang L);

/* Set up the context; says why not on standard error. */
int nb_cli_ctx(nb_ctx *ctx, nb_lang L);
/* Open the report at path; says why not on standard error. */
int nb_cli_open(nb_report *r, const char *path, const nb_ctx *ctx);
/* The reports the operands name (folders walked), each folder without
 * reports said on standard error and counted in *problems; -1 (said) when
 * out of memory. */
int nb_cli_collect(nb_paths *out, const nb_opts *o, nb_lang L, size_t *problems);
/* Load REPORT.review (or path) and apply its corrections: 1 when there is a
 * review. A missing file is no review; a malformed one is said with its line
 * and left untouched; a report changed since its review and corrections that
 * found no cell are said. */
int nb_cli_load_review(nb_report *r, const char *path, nb_review *rv, nb_lang L);

#endif
