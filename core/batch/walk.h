/* walk.h — the reports a batch reads: the files named, kept as named, and
 * the folders named, walked for report files (*.txt, *.md, *.text, *.docx,
 * *.doc, *.wps, *.html, *.htm, *.pdf) in path order. A folder that cannot be read or holds no report is a problem that
 * comes back as a message; the other arguments are still collected. */
#ifndef NB_BATCH_WALK_H
#define NB_BATCH_WALK_H

#include <stddef.h>
#include "base/err.h"

typedef struct nb_paths {
    char **v;
    size_t n, cap;
} nb_paths;

/* Messages about folders named (one nb_err each, in the order named). */
typedef struct nb_walk_problems {
    nb_err *v;
    size_t n, cap;
} nb_walk_problems;

/* Append a copy of s; -1 with err when out of memory. */
int nb_paths_push(nb_paths *p, const char *s, nb_err *err);
void nb_paths_free(nb_paths *p);

/* A file name a folder walk takes for a report: *.txt, *.md, *.text, the
 * documents people hold (*.docx, *.doc, *.wps, *.html, *.htm, *.pdf), any
 * case, not hidden. */
int nb_is_report_name(const char *name);

/* Expand args[0, n) into out: a folder becomes its reports (subfolders too,
 * the folder's reports sorted by path), anything else is kept as named (a
 * missing file too, so that reading it reports it). A folder that cannot be
 * read, or holds no report, adds a message in lang to problems. Returns -1
 * with err only when out of memory. */
int nb_walk_collect(nb_paths *out, char *const *args, size_t n, nb_lang lang, nb_walk_problems *problems,
                    nb_err *err);
void nb_walk_problems_free(nb_walk_problems *p);

#endif
