/* walk.h — the reports a batch reads: the files named, kept as named, and
 * the folders named, walked for report files (*.txt, *.md, *.text, *.docx,
 * *.doc, *.wps, *.html, *.htm, *.pdf) in path order — each folder once,
 * whatever symlinks lead to it again (so a loop of links ends) — passing
 * over the files nianbao itself wrote (reviews, journals, review logs,
 * exports, corrected copies: by the mark nianbao puts on them, else by how
 * they begin) unless asked for all. A folder that cannot be read or holds
 * no report is a problem that comes back as a message; a file passed over
 * comes back as a note; the other arguments are still collected. */
#ifndef NB_BATCH_WALK_H
#define NB_BATCH_WALK_H

#include <stddef.h>
#include "base/err.h"
#include "model/report.h"

typedef struct nb_paths {
    char **v;
    size_t n, cap;
    unsigned char *walked; /* per path: NB_PATH_WALKED when a folder walk found it (0 when named),
                              with NB_PATH_NO_REVIEW when no REPORT.review (nor its journal) was in its folder */
    size_t wcap;
} nb_paths;

enum { NB_PATH_WALKED = 1, NB_PATH_NO_REVIEW = 2 };

/* Messages about folders named and files passed over (one nb_err each, in
 * the order met): a problem has an error code, a note (a file passed over)
 * NB_OK. */
typedef struct nb_walk_problems {
    nb_err *v;
    size_t n, cap;
} nb_walk_problems;

/* Append a copy of s (as named); -1 with err (in lang) when out of memory. */
int nb_paths_push(nb_paths *p, const char *s, nb_lang lang, nb_err *err);
void nb_paths_free(nb_paths *p);

/* A file name a folder walk takes for a report: *.txt, *.md, *.text, the
 * documents people hold (*.docx, *.doc, *.wps, *.html, *.htm, *.pdf), any
 * case, not hidden. */
int nb_is_report_name(const char *name);

/* What nianbao wrote of the file at path, by the mark it puts on what it
 * writes (an extended attribute) or by how the file begins: "a review", "a
 * review log", "an export", "a corrected copy" (in lang), or NULL. */
const char *nb_written_by_us(const char *path, nb_lang lang);
/* The note on a file of ours passed over (kind: nb_written_by_us's
 * words), as a walk gives it and as a batch gives it when the reader
 * tells the file (NB_WALK_LATER): code NB_OK. */
void nb_walk_ours_note(nb_err *note, const char *path, const char *kind, nb_lang lang);

/* NB_WALK_ALL: take every report-named file, ours too. NB_WALK_LATER:
 * take them without opening them; the reader tells its own files as it
 * reads them (nb_report_open_walked), so that a batch opens each file
 * once — a folder that holds only nianbao's files then gives its files,
 * each passed over as it is read, not a problem. */
enum { NB_WALK_ALL = 1, NB_WALK_LATER = 2 };

/* Expand args[0, n) into out: a folder becomes its reports (subfolders too,
 * each folder once, the folder's reports sorted by path), anything else is
 * kept as named (a missing file too, so that reading it reports it). A
 * folder that cannot be read, or holds no report, adds a message in lang to
 * problems; a file of nianbao's own passed over (unless flags has
 * NB_WALK_ALL or NB_WALK_LATER) adds a note. Returns -1 with err only when out of memory. */
int nb_walk_collect(nb_paths *out, char *const *args, size_t n, int flags, nb_lang lang,
                    nb_walk_problems *problems, nb_err *err);
void nb_walk_problems_free(nb_walk_problems *p);

/* Whether a report read from a file a walk found shows any sign of being
 * an annual report: a section, a cell of its tables, or 政府信息公开 in it. */
int nb_looks_like_report(const nb_report *r);

#endif
