/* ours.h — the files nianbao writes (reviews, review logs, exports,
 * corrected copies, a review's journal and lock) told from reports: by the
 * mark it puts on them (an extended attribute, nb_atomic_mark), else by
 * how they begin, or by the ending of the names a review session gives. */
#ifndef NB_READ_OURS_H
#define NB_READ_OURS_H

#include <stddef.h>
#include "base/err.h"

/* The kind of file of ours that bears mark (may be NULL or "") and begins
 * with head[0, n) (may be NULL): an index for nb_ours_name, or -1 when it
 * is none of ours. */
int nb_ours_kind(const char *mark, const unsigned char *head, size_t n);

/* The same of the file at path, its mark and first bytes read through one
 * descriptor that never blocks (a FIFO); an unreadable file by its mark. */
int nb_ours_at(const char *path);

/* The kind of file of ours that path names by its ending: a review
 * (REPORT.review), its journal of unsaved work (.review.journal) or its
 * lock (.review.lock); -1 for any other name. */
int nb_ours_by_name(const char *path);

/* What kind k is called: "a review", "a review log", "an export", "a
 * corrected copy" (in lang). */
const char *nb_ours_name(int kind, nb_lang lang);

#endif
