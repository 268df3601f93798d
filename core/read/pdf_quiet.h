/* pdf_quiet.h — poppler's own messages kept off the terminal while a PDF is
 * read: those it logs through GLib (the "Poppler" domain: syntax errors in
 * the file) and those it prints to stderr by itself (a damaged font: "some
 * font thing failed") would garble the console's screen. For the length of
 * a read, the first go to a handler and the second to a pipe instead of
 * stderr; both are collected (how many, and the first). A sanitizer's
 * report still goes to the terminal. */
#ifndef NB_PDF_QUIET_H
#define NB_PDF_QUIET_H

#include "read/pdf_lib.h"

typedef struct nb_pdf_quiet {
    const nb_pdf_lib *lib; /* GLib's log functions, as loaded */
    unsigned handler;   /* the GLib log handler, 0 none */
    int saved;          /* stderr as it was, -1 when it was not redirected */
    int pipe_rd;        /* where stderr went: the pipe's reading end, -1 none */
    int nmsgs;          /* messages poppler gave */
    char first[256];    /* the first of them, one line */
} nb_pdf_quiet;

/* From here on poppler's messages are collected into q. */
void nb_pdf_quiet_begin(nb_pdf_quiet *q, const nb_pdf_lib *lib);
/* Back to stderr as it was; q holds what poppler said. */
void nb_pdf_quiet_end(nb_pdf_quiet *q);

#endif
