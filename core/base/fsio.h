/* fsio.h — the file system, safely: a whole file read with a size limit;
 * atomic replacement of a file (an exclusive temporary file in the same
 * folder, fsync, rename; never through a symlink); a lock file taken
 * atomically with link() that says whose it is. */
#ifndef NB_FSIO_H
#define NB_FSIO_H

#include <stdio.h>
#include <sys/types.h>
#include "base/err.h"

/* Read the whole file at path (at most limit bytes) into a malloc'd buffer
 * with pad zero bytes after the data. Errors name the file: missing, a
 * folder, unreadable, over the limit. */
int nb_read_file(const char *path, size_t limit, size_t pad, unsigned char **out, size_t *n, nb_lang lang,
                 nb_err *err);
/* The same, and the kind nianbao marked the file with (nb_atomic_mark)
 * into mark (markcap bytes; "" when it bears none), read through the one
 * descriptor before anything else: the mark is there on error too. */
int nb_read_file_marked(const char *path, size_t limit, size_t pad, unsigned char **out, size_t *n, char *mark,
                        size_t markcap, nb_lang lang, nb_err *err);

/* The failure to open path (errno e) said as nb_read_file says it:
 * NB_E_NOTFOUND for a file that is not there, else NB_E_IO; -1. */
int nb_err_open(nb_err *err, const char *path, int e, nb_lang lang);

/* An atomic replacement of path under way: write to f, then commit. */
typedef struct nb_atomic {
    char *path;   /* the file to replace */
    char *tmp;    /* PATH.tmp.XXXXXX, created exclusively, mode 0600 */
    FILE *f;
    mode_t mode;  /* given to the file before the rename */
    nb_lang lang;
} nb_atomic;

/* Suffix of our temporary files: "PATH.tmp." and six characters. */
#define NB_TMP_SUFFIX ".tmp."

/* Start replacing path. Refused when path is a symlink (the message names
 * its target) or not a regular file. */
int nb_atomic_open(nb_atomic *a, const char *path, mode_t mode, nb_lang lang, nb_err *err);
/* Flush, fsync, set the mode, rename over path, fsync the folder. On
 * error the temporary file is removed and the message names path. */
int nb_atomic_commit(nb_atomic *a, nb_err *err);
/* Give up: close and remove the temporary file. */
void nb_atomic_abort(nb_atomic *a);
/* Mark the file being written as nianbao's own, of a kind ("review",
 * "export", "review log", "corrected copy"): an extended attribute
 * (user.nianbao) where the file system keeps them, so that a folder walk
 * passes it over. */
void nb_atomic_mark(nb_atomic *a, const char *kind);
/* The kind a file was marked with into out (cap bytes): 0, or -1 when it
 * bears no mark. */
int nb_file_mark(const char *path, char *out, size_t cap);
/* The same of a file open at fd. */
int nb_fd_mark(int fd, char *out, size_t cap);
/* Write n bytes to path atomically (nb_atomic_open, fwrite, commit). */
int nb_atomic_write(const char *path, const void *data, size_t n, mode_t mode, nb_lang lang, nb_err *err);
/* Remove temporary files of ours (PATH.tmp.XXXXXX) that a killed process
 * left beside path; returns how many. */
int nb_atomic_clean(const char *path);

/* Who holds a lock: the process, when it started, and its program. */
typedef struct nb_lock_owner {
    long pid;
    unsigned long long start; /* the process' start time (clock ticks since boot), 0 unknown */
    char prog[32];
} nb_lock_owner;

enum { NB_LOCK_TAKEN = 0, NB_LOCK_HELD = 1 };
/* Take the lock file lock_path: the owner's line goes to a temporary file
 * that is then link()ed to the name, so two takers never both win. A lock
 * whose process is gone (or is another program under a reused pid) is
 * stale and taken over. Returns NB_LOCK_TAKEN, NB_LOCK_HELD (holder filled
 * in), or -1 with err. */
int nb_lock_take(const char *lock_path, nb_lock_owner *holder, nb_lang lang, nb_err *err);
/* Whose a lock is, for people: "pid 4242, nianbao, since 2026-11-20
 * 14:02" ("进程 4242，nianbao，自 2026-11-20 14:02 起"; what of it is
 * known). */
void nb_lock_describe(const nb_lock_owner *o, nb_lang lang, char *out, size_t cap);
/* Release a lock this process holds (only if it is still ours). */
void nb_lock_release(const char *lock_path);

/* Same file (device and inode) through any path or link? 0 when either is missing. */
int nb_same_file(const char *a, const char *b);

#endif
