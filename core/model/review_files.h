/* review_files.h — the names of the files a review keeps beside its
 * report: REPORT.review, its journal of unsaved work REPORT.review.journal
 * and its lock REPORT.review.lock. Made by review/, told from reports by
 * read/ours.c and batch/walk.c, said by tui/. */
#ifndef NB_REVIEW_FILES_H
#define NB_REVIEW_FILES_H

#define NB_REVIEW_EXT ".review"   /* after the report's name */
#define NB_JOURNAL_EXT ".journal" /* after the review's */
#define NB_LOCK_EXT ".lock"       /* after the review's */

#endif
