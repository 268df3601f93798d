/* queue.h — the console's queue of reports: the batch's figures (core's
 * batch/survey.h), their order as shown (sorted, filtered), the report open
 * in the two-pane console (one at a time: opening one makes its session,
 * leaving it frees it and brings its figures up to date), and stepping from
 * a report's last finding to the next report's first open one. The queue's
 * view is view_queue.c. */
#ifndef NB_QUEUE_H
#define NB_QUEUE_H

#include <stddef.h>

#include "app.h"
#include "batch/survey.h"
#include "keymap.h"

/* The orders `s` cycles through. */
enum { NB_QSORT_OPEN_ERRORS, NB_QSORT_NAME, NB_QSORT_BODY_YEAR, NB_QSORT_COUNT };

typedef struct nb_queue {
    nb_survey sv;           /* the paths and their figures */
    int *order;             /* the items shown (indices in sv), in the order shown */
    int norder;
    int sort;               /* NB_QSORT_* */
    int only_open_errors;   /* f: only reports with an open error */
    char filter[256];       /* /: a part of the name or the body, "" none */
    int sel, top;           /* the selected line of the order, the first shown */
    int open;               /* the item open in the console, -1 none */
    int single;             /* one report was named: it opens at once, q quits */
    size_t prefix;          /* bytes of the folder every path shares, not shown */
    const char *review;     /* --review: the review file of the single report, or NULL */
    int pending, pending_dir; /* once the report open is left: the item to open (-1 none) and how to land */
    char reread_fp[24];     /* read again (:e): the fingerprint of the finding to land on ("" none) */
} nb_queue;

/* Told how many reports of n have been read (may be NULL). */
typedef nb_survey_progress nb_queue_progress;

/* The queue of the paths (taken): the reports surveyed now unless single
 * (one report named: surveyed when it is left), on every core, progress
 * told as they are read.
 * -1 with err. */
int nb_queue_init(nb_queue *q, nb_paths *paths, int single, const nb_ctx *ctx, nb_queue_progress progress,
                  nb_err *err);
void nb_queue_free(nb_queue *q);

/* The path of an item as shown: without the folder all paths share. */
const char *nb_queue_name(const nb_queue *q, int item);
/* Sort and filter again, the selected item kept selected when shown. */
void nb_queue_reorder(nb_queue *q);
/* The line of the order that shows item, or -1. */
int nb_queue_line_of(const nb_queue *q, int item);

/* How a report is landed on when opened: at its first open finding, its
 * last finding (stepping back), none; NB_QUEUE_REREAD: the same report
 * read again (:e), at the finding it was on (reread_fp) where it still is. */
#define NB_QUEUE_REREAD 3
/* Open item in the console at its first open finding (dir > 0), its last
 * finding (dir < 0) or none (0); 0, or -1 with why on the status line. */
int nb_queue_open(nb_app *a, int item, int dir);
/* The report open freed (its figures from the session, or read again when
 * its work was not saved); the queue shows. */
void nb_queue_close(nb_app *a);
/* At the end: the report open freed, nothing else. */
void nb_queue_end(nb_app *a);
/* What the walk of the folders could not take or passed over (said on
 * standard error before the console opens, where its screen hides it):
 * said on the queue's first status line, the first of them and how many. */
void nb_queue_say_walk(nb_app *a, const nb_walk_problems *pr);

/* ] and [: the next or previous finding; from the last (first) finding of a
 * report in a queue, the first open (the last) finding of the next
 * (previous) report with open findings, saying so. */
void nb_queue_step(nb_app *a, int dir);
/* Esc in the report: back to the queue (asking first about unsaved work). */
void nb_queue_back(nb_app *a);
/* After a key or a command: a quit while a report of a queue is open goes
 * back to the queue, or on to the report it was left for. */
void nb_queue_after(nb_app *a);
/* :next, :prev, :e FILE. */
int nb_queue_command(nb_app *a, nb_request rq, const char *arg, nb_err *err);

#endif
