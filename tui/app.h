/* app.h — the review console's state and behaviour, without curses: keys
 * in, a screen of display cells out. term.c runs it on a terminal; scripted
 * runs (--script) drive it with key names and :dump its screen as text. */
#ifndef NB_APP_H
#define NB_APP_H

#include <stddef.h>

#include "model/report.h"
#include "review/session.h"
#include "check/rules.h"
#include "screen.h"
#include "theme.h"

enum { NB_MODE_NORMAL, NB_MODE_HELP, NB_MODE_FINDINGS, NB_MODE_PROMPT, NB_MODE_SEARCH, NB_MODE_EDIT, NB_MODE_REASON,
       NB_MODE_ASK_QUIT, NB_MODE_ASK_RECOVER, NB_MODE_NOTE, NB_MODE_NOTES };
enum { NB_LAYOUT_AUTO, NB_LAYOUT_SIDE, NB_LAYOUT_STACKED };

typedef struct nb_grow_row {
    int kind;  /* 0 table title, 1 column header, 2 schema row */
    int table; /* NB_T2 / NB_T3 / NB_T4 */
    int row;   /* schema row for kind 2 */
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
    /* text pane: a cursor (byte offset) and the first line shown */
    size_t cur;
    size_t top_line;
    int text_rows;            /* rows of the text pane at the last draw */
    /* tables pane */
    nb_grow_row *grid;
    int ngrid;
    int gsel, gcol, gtop;     /* selected grid row and column, first row shown */
    int table_rows;
    int finding;              /* current finding, -1 none */
    int *spans, nspans;       /* cells with text, by where they start */
    /* overlays and input */
    int mode;
    int list_sel, list_top, list_min_sev;
    char input[512];
    size_t input_len;
    void *search_re;          /* pcre2_code * */
    char search_pat[256];
    char msg[512];
    int msg_error;
    int quit;
    int quit_status;
    int edit_cell;            /* the cell being corrected */
    int note_cell;            /* the note being written: on this cell, */
    int note_finding;         /* or on this finding */
    size_t input_cur;         /* the cursor in the input line (bytes) */
} nb_app;

/* Open the console on a report (the app takes the report); w × h screen. */
int nb_app_init(nb_app *a, const nb_ctx *ctx, nb_report *r, const char *theme, const char *datadir, int w, int h);
/* Read the review beside the report (or at path); a malformed one is
 * reported in the status line and never overwritten. */
void nb_app_open_review(nb_app *a, const char *path);
void nb_app_free(nb_app *a);
void nb_app_resize(nb_app *a, int w, int h);
/* Handle one key (a Unicode character, a C-x control or an NB_KEY_*). */
void nb_app_key(nb_app *a, int key);
/* Run a :command line (without the colon). Returns 0, or -1 with a.msg set. */
int nb_app_command(nb_app *a, const char *cmd);
/* Draw everything into a->scr. */
void nb_app_draw(nb_app *a);
/* Run a script: one key name or :command per line; :dump FILE and
 * :resize WxH are for scripts. Returns 0, or -1 with msg set. */
int nb_app_script(nb_app *a, const char *path, char *msg, size_t cap);

#endif
