/* app.h — the review console's state, without curses: keys in, a screen of
 * display cells out. term.c runs it on a terminal; scripted runs
 * (--script) drive it with key names and :dump its screen as text. The
 * review itself is a session of core (review/session.h); the console shows
 * it through views (view.h). */
#ifndef NB_APP_H
#define NB_APP_H

#include <stddef.h>

#include "base/err.h"
#include "check/rules.h"
#include "layout.h"
#include "lineedit.h"
#include "model/report.h"
#include "review/session.h"
#include "screen.h"
#include "search.h"
#include "theme.h"

/* The modes, each a view (view.h); they stack: NORMAL at the bottom. */
enum { NB_MODE_NORMAL, NB_MODE_HELP, NB_MODE_FINDINGS, NB_MODE_PROMPT, NB_MODE_SEARCH, NB_MODE_EDIT, NB_MODE_REASON,
       NB_MODE_ASK_QUIT, NB_MODE_ASK_RECOVER, NB_MODE_NOTE, NB_MODE_NOTES,
       NB_MODE_QUEUE,   /* the queue of reports: at the bottom of the stack when the console has one */
       NB_MODE_QFILTER, /* the queue's filter being typed */
       NB_MODE_DETAIL,  /* the detail view of a finding */
       NB_NMODES };

struct nb_queue;

typedef struct nb_grow_row {
    int kind;  /* 0 table title, 1 column header, 2 schema row, 3 group heading */
    int table; /* NB_T2 / NB_T3 / NB_T4 */
    int row;   /* schema row for kind 2 (and kind 1 of T2), the schema's group for kind 3 */
} nb_grow_row;

typedef struct nb_app {
    const nb_ctx *ctx;
    nb_report *r;
    nb_session s;             /* the review: entries, findings, lock, journal */
    nb_lang lang;
    nb_theme theme;
    const char *datadir;
    nb_screen scr;
    int layout, focus;        /* focus 0: text, 1: tables */
    int modes[8], nmodes;     /* the mode stack; the top has the keys */
    /* text pane: a cursor (byte offset) and the first row shown (the text
     * offset it starts at, wrap.h) */
    size_t cur;
    size_t top;
    int text_rows;            /* rows of the text pane, as last settled */
    /* tables pane */
    nb_grow_row *grid;
    int ngrid;
    int gsel, gcol, gtop;     /* selected grid row and column, first row shown */
    int table_rows;
    int *spans, nspans;       /* cells with text, by where they start */
    int finding;              /* current finding, -1 none */
    /* the lists of findings and notes */
    int list_sel, list_top, list_min_sev;
    int list_rule, list_state;   /* the findings shown: of this rule, with this decision (-1 any) */
    unsigned char *list_marks;   /* findings marked in the list, list_nmarks of them */
    size_t list_nmarks;
    int *decide, ndecide;        /* the findings a decision is for, while its reason is typed */
    int reason_back;             /* the earlier reason shown in the reason prompt (0: none) */
    int help_top;                /* the help's first row shown */
    /* the status line's editor and what it is for */
    nb_lineedit in;
    int edit_cell;            /* the cell being corrected */
    int note_cell;            /* the note being written: on this cell, */
    int note_finding;         /* or on this finding */
    nb_search search;
    int (*osc52)(const char *b64); /* the terminal's OSC 52 copy (term.c), or NULL */
    char msg[512];            /* the status line's message */
    int msg_error;
    int changed_said;         /* the report changed on disk: said, and marked on the title until read again */
    int quit;
    struct nb_queue *q;       /* the queue of reports (queue.h), or NULL: one report, no queue */
    int detail;               /* the finding the detail view shows */
    int detail_sel;           /* the cell selected there (index in its cells) */
    int detail_top;           /* its first line shown */
} nb_app;

/* Open the console on a report (the app takes the report); w × h screen. */
int nb_app_init(nb_app *a, const nb_ctx *ctx, nb_report *r, const char *theme, const char *datadir, int w, int h);
/* Open the console on a queue of reports (queue.h), none open yet. */
int nb_app_init_queue(nb_app *a, const nb_ctx *ctx, struct nb_queue *q, const char *theme, const char *datadir, int w,
                      int h);
/* Make r the report under review (the caller keeps it): its session and
 * selection set up, everything of the report before forgotten; the
 * console's own state (theme, screen, layout, modes, search) stays. */
int nb_app_load(nb_app *a, nb_report *r);
/* The report's session and selection freed; a->r NULL (not freed). */
void nb_app_unload(nb_app *a);
/* Open the review beside the report (or at path); what the session has
 * to tell (read-only, malformed, changed) goes to the status line. */
void nb_app_open_review(nb_app *a, const char *path);
void nb_app_free(nb_app *a);
void nb_app_resize(nb_app *a, int w, int h);
/* Handle one key (a Unicode character, a C-x control or an NB_KEY_*). */
void nb_app_key(nb_app *a, int key);
/* Draw everything into a->scr; the state is only read. */
void nb_app_draw(nb_app *a);

#endif
