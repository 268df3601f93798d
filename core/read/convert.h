/* convert.h — running a converter program (wvHtml, LibreOffice) safely: no
 * shell, its own process group killed at a time limit, its output in a
 * private temporary folder that is removed afterwards. */
#ifndef NB_CONVERT_H
#define NB_CONVERT_H

#include <stddef.h>

/* How a run ended. */
typedef enum {
    NB_RUN_EXITED = 0, /* *status holds the exit status */
    NB_RUN_MISSING,    /* the program is not installed (not on PATH) */
    NB_RUN_TIMEOUT,    /* killed at the time limit */
    NB_RUN_SIGNALLED,  /* died of a signal (*status: the signal) */
    NB_RUN_FAILED      /* could not be started */
} nb_run_end;

/* Make a private folder (mode 0700) under $TMPDIR or /tmp; its path goes
 * to out. 0, or -1. */
int nb_tmpdir_make(char *out, size_t cap);
/* Remove the folder and everything in it (not following symlinks). */
void nb_tmpdir_remove(const char *dir);

/* Run argv[0], looked up on PATH (not found there: NB_RUN_MISSING, nothing
 * started), with argv (NULL-terminated): stdin from
 * /dev/null, stdout and stderr to the file out_path, in a process group of
 * its own that is killed when timeout_ms pass. */
nb_run_end nb_run(char *const argv[], const char *out_path, int timeout_ms, int *status);

#endif
