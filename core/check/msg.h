/* msg.h — what the two files of finding text share and nobody else calls:
 * a message being composed (messages.c: the arithmetic, cells, structure
 * and narrative rules; messages_book.c: the reviewer's rulebook) and the
 * helpers both use (msg.c). */
#ifndef NB_CHECK_MSG_H
#define NB_CHECK_MSG_H

#include <stddef.h>
#include "check/findings.h"
#include "model/report.h"

/* What every message may use, worked out once. */
typedef struct msg {
    const nb_report *r;
    const nb_finding *f;
    int zh;
    char *out;
    size_t cap;
    char a[96], b[96], diff[96]; /* lhs, rhs, |lhs − rhs| */
    const char *sus;             /* the suspect cell's ID (the schema's own string), or "?" */
} msg;

typedef void (*nb_compose_fn)(const msg *m);

/* The strings parts[0, n) one after another into m->out, cut to fit as
 * snprintf cuts it (a message made of pieces without a printf). */
void nb_msg_cat(const msg *m, const char *const *parts, int n);
/* A cell's ID, "?" for -1. */
void nb_msg_cell_name(const nb_report *r, int ci, char *out, size_t cap);
/* A stretch of the report's text on one line (line ends and tabs as
 * spaces, runs of white space as one), cut at a character's start to fit. */
void nb_msg_span(const nb_report *r, size_t off, size_t len, char *out, size_t cap);
/* The report a cross-year finding was paired with: its file, and its body's
 * name when that is written otherwise than this report's. */
void nb_msg_paired(const msg *m, char *out, size_t cap);
/* The composer of a rule of the rulebook (messages_book.c), or NULL. */
nb_compose_fn nb_book_composer(nb_rule_id rule);
/* nb_finding_message with both sides and their difference formatted for
 * every rule, whether its composer reads them or not: the plain way the
 * message is held against (messages.c). */
void nb_msg_every_side(const nb_report *r, const nb_finding *f, nb_lang lang, char *out, size_t cap);

#endif
