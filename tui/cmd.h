/* cmd.h — the subcommands of the command line, each run with its parsed
 * options (opts.h), and what they share: the context, the reports named,
 * the review beside a report. A subcommand returns the exit status: 0 fine,
 * 1 findings of error weight (check), 2 usage or I/O failure. */
#ifndef NB_CMD_H
#define NB_CMD_H

#include "base/fsio.h"
#include "batch/engine.h"
#include "batch/walk.h"
#include "check/config.h"
#include "model/report.h"
#include "opts.h"
#include "review/review.h"
#include "check/findings.h"

int nb_cmd_console(const nb_opts *o, nb_lang L);
int nb_cmd_check(const nb_opts *o, nb_lang L);
int nb_cmd_export(const nb_opts *o, nb_lang L);
int nb_cmd_rules(const nb_opts *o, nb_lang L);

/* A message on standard error, formatted as printf does; what it quotes
 * (file names, report text, reasons) is written as text (out/writer.h):
 * valid UTF-8, and on a terminal with its control characters and bidi
 * overrides escaped. A newline that ends it is written as it is. */
void nb_cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same to f (a batch's job writes its messages to memory, msgs below). */
void nb_cli_sayto(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A failure's message to f after the program's name, in L's punctuation:
 * "nianbao: MSG" (English), "nianbao：MSG" (Chinese). */
void nb_cli_fail(FILE *f, nb_lang L, const char *msg);

/* Set up the context; says why not on standard error. The helpers below
 * that take msgs say what goes wrong there (standard error, or a job's
 * messages). */
int nb_cli_ctx(nb_ctx *ctx, nb_lang L);
/* Open the report at path; says why not on standard error. */
int nb_cli_open(FILE *msgs, nb_report *r, const char *path, const nb_ctx *ctx);
/* Open the job's report (the job->i-th of P), its messages to job->err:
 * 1 read (status 0); 0 not, with status 2 when it could not be read, 0
 * when a folder walk found a file nianbao wrote and o has no --all (passed
 * over with a note, told as it is read: the walk did not open it). */
int nb_cli_open_job(nb_job *job, nb_report *r, const nb_paths *P, const nb_opts *o);
/* The reports the operands name (folders walked), each folder without
 * reports said on standard error and counted in *problems; -1 (said) when
 * out of memory. */
int nb_cli_collect(nb_paths *out, const nb_opts *o, nb_lang L, size_t *problems);
/* A report's review as the commands read it: the entries, those that do
 * not fit the report, and whether there is one. */
typedef struct nb_cli_review {
    nb_review rv;
    nb_rv_problems problems;
    int has;
} nb_cli_review;

/* Whether the i-th report of P, read as r, is to be passed over: a file
 * a folder walk found that shows no sign of a report (unless --all); said
 * on standard error ("skipped: not a report"). */
int nb_cli_not_a_report(FILE *msgs, const nb_paths *P, size_t i, const nb_report *r, const nb_opts *o, nb_lang L);

/* Whether the i-th report of P is known to have no REPORT.review beside it
 * (its folder's walk saw none), so none need be looked for; never when a
 * review is named (review). */
int nb_cli_none_beside(const nb_paths *P, size_t i, const char *review);

/* The review named with --review for a batch of nreports: it, when the
 * batch is one report; else NULL, said once (each report is read with its
 * own REPORT.review). */
const char *nb_cli_review_arg(const nb_opts *o, size_t nreports, nb_lang L);

/* Load REPORT.review (or path) unless no_review, and apply its corrections
 * to r. A missing REPORT.review is no review; a missing path (named with
 * --review) and a malformed review are said (with its line) and left
 * untouched. 0, or -1 (said) when out of memory. */
int nb_cli_review_open(FILE *msgs, nb_cli_review *cr, nb_report *r, const char *path, int no_review, nb_lang L);
/* The review, or NULL when there is none. */
const nb_review *nb_cli_review_of(const nb_cli_review *cr);
/* Append a REVIEW.STALE finding for each entry that does not fit to fs;
 * -1 (said) when out of memory. */
int nb_cli_review_findings(FILE *msgs, const nb_cli_review *cr, const nb_report *r, nb_findings *fs,
                           nb_lang L);
void nb_cli_review_free(nb_cli_review *cr);

/* Where a command's output goes (cmd_output.c): standard output, or the
 * file -o names, written only once every input is read. */
typedef struct nb_cli_out {
    const char *path;  /* NULL: standard output */
    FILE *f;           /* write here */
    int atomic;        /* a regular file, replaced by at */
    nb_atomic at;
    nb_lang lang;
} nb_cli_out;

/* Open the output (path NULL: standard output): a regular file is written
 * to an exclusive temporary file beside it, marked as nianbao's of kind
 * ("export", "review log"); a symlink to a regular file is refused; a
 * device or a pipe gets a buffer. -1 (said) when it cannot be. */
int nb_cli_out_open(nb_cli_out *o, const char *path, const char *kind, nb_lang L);
/* Put the output in place: rename over the file, or copy the buffer. -1 (said). */
int nb_cli_out_close(nb_cli_out *o);
/* Whether out names the same file (device and inode) as a report of P, its
 * review, or review; said when it does. */
int nb_cli_out_clashes(const char *out, const nb_paths *P, const char *review, nb_lang L);

/* The rule settings of a run (check/config.h): the command line's
 * (--disable, --enable, --severity-of), and the configuration files of each
 * report's folder (none with --no-config), read once a folder. */
typedef struct nb_cli_rules {
    nb_rule_config cli;      /* the command line's settings */
    int no_config;
    char user[4096];         /* the user's configuration file, "" none */
    char dir[4096];          /* the folder of the last report asked about */
    int dir_failed;          /* its configuration is malformed */
    nb_rule_config eff;      /* else the configuration in effect there */
    char said[1024];         /* the last malformed file said (not said again) */
} nb_cli_rules;

/* The command line's rule settings checked: -1, said on standard error
 * ("nianbao check: --disable: unknown rule T3.BALANC …"), when one is wrong. */
int nb_cli_rules_init(nb_cli_rules *cr, const nb_opts *o, nb_lang L);
/* The configuration in effect for the report at path; NULL, said once on
 * standard error with the file and line, when a file of it is malformed
 * (the report is not to be checked). */
const nb_rule_config *nb_cli_rules_for(FILE *msgs, nb_cli_rules *cr, const char *path, nb_lang L);

/* A batch job's copy of its rule settings (cfg NULL: none, the job not to
 * run) in *prep; -1 when there is none or no memory. */
int nb_cli_keep_rules(void **prep, const nb_rule_config *cfg);

#endif
