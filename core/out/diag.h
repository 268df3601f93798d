/* diag.h — the lines check prints of a report as text, the way a compiler
 * does: each finding's start, path:line:col: severity: RULE: (the message
 * after it is the caller's), and the report's summary line; what is the
 * same on every line of a report (the file name as text, each severity's
 * words in their colour) made once, and the rest put as pieces, not
 * through a printf. */
#ifndef NB_DIAG_H
#define NB_DIAG_H

#include <stddef.h>
#include "base/err.h"
#include "check/rules.h"
#include "out/writer.h"

typedef struct nb_diag_head {
    const char *path;
    nb_writer text;            /* the path as text (nb_put_text), escaped as for a terminal when term */
    char sev[3][48];           /* by severity: ": " label (coloured) ": " */
    unsigned char sevn[3];
} nb_diag_head;

/* What every line of the report at path starts with; term and color as
 * the writer the lines go to. Free it with nb_diag_head_free. */
void nb_diag_head_init(nb_diag_head *h, const char *path, int term, int color, nb_lang L);
void nb_diag_head_free(nb_diag_head *h);

/* The start of a finding's line: the path, ":line:col" when has_loc, the
 * severity and the rule's ID, then ": ". */
void nb_diag_start(nb_writer *w, const nb_diag_head *h, int has_loc, size_t line, size_t col, nb_severity sev,
                   const char *rule);
/* The report's summary line: its path and its findings by severity
 * (cnt[0] info, cnt[1] warnings, cnt[2] errors), with its line end. */
void nb_diag_summary(nb_writer *w, const nb_diag_head *h, const long cnt[3], nb_lang L);

#endif
