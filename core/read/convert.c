/* convert.c — a converter run as a subprocess (posix_spawn, no shell) with
 * a time limit, and the private temporary folder it writes into. */
#include "read/convert.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int nb_tmpdir_make(char *out, size_t cap)
{
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    if ((size_t)snprintf(out, cap, "%s/nianbao.XXXXXX", base) >= cap)
        return -1;
    return mkdtemp(out) ? 0 : -1;
}

static int remove_entry(const char *p, const struct stat *st, int flag, struct FTW *f)
{
    (void)st;
    (void)flag;
    (void)f;
    remove(p);
    return 0;
}

void nb_tmpdir_remove(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for pid, killing its process group at the deadline, and when it has
 * ended (before it is reaped, so the group's id cannot have been reused),
 * whatever it left running in its group. */
static nb_run_end wait_for(pid_t pid, int timeout_ms, int *status)
{
    long long deadline = now_ms() + timeout_ms;
    long nap = 1;
    for (;;) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        int r = waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT);
        if (r < 0 && errno != EINTR)
            return NB_RUN_FAILED;
        int ended = r == 0 && si.si_pid == pid;
        int late = !ended && now_ms() >= deadline;
        if (ended || late) {
            kill(-pid, SIGKILL);
            int ws = 0;
            while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
                ;
            if (late)
                return NB_RUN_TIMEOUT;
            if (WIFEXITED(ws)) {
                *status = WEXITSTATUS(ws);
                return NB_RUN_EXITED;
            }
            *status = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
            return NB_RUN_SIGNALLED;
        }
        struct timespec ts = {0, nap * 1000000L};
        nanosleep(&ts, NULL);
        if (nap < 50)
            nap *= 2;
    }
}

/* The program's path on PATH (an executable regular file), into out. */
static int find_on_path(const char *prog, char *out, size_t cap)
{
    const char *path = getenv("PATH");
    if (strchr(prog, '/'))
        return snprintf(out, cap, "%s", prog) < (int)cap && access(out, X_OK) == 0 ? 0 : -1;
    for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
        size_t k = strcspn(p, ":");
        struct stat st;
        if (k && (size_t)snprintf(out, cap, "%.*s/%s", (int)k, p, prog) < cap && stat(out, &st) == 0 &&
            S_ISREG(st.st_mode) && access(out, X_OK) == 0)
            return 0;
        p += k + (p[k] == ':');
    }
    return -1;
}

nb_run_end nb_run(char *const argv[], const char *out_path, int timeout_ms, int *status)
{
    *status = 0;
    char prog[4096];
    if (find_on_path(argv[0], prog, sizeof prog) != 0)
        return NB_RUN_MISSING;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return NB_RUN_FAILED;
    if (posix_spawnattr_init(&at) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return NB_RUN_FAILED;
    }
    sigset_t none, dflt;
    sigemptyset(&none);
    sigemptyset(&dflt);
    sigaddset(&dflt, SIGPIPE);
    sigaddset(&dflt, SIGCHLD);
    int rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0) ||
             posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600) ||
             posix_spawn_file_actions_adddup2(&fa, 1, 2) || posix_spawnattr_setpgroup(&at, 0) ||
             posix_spawnattr_setsigmask(&at, &none) || posix_spawnattr_setsigdefault(&at, &dflt) ||
             posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    int e = rc ? EINVAL : posix_spawn(&pid, prog, &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (e == ENOENT)
        return NB_RUN_MISSING;
    if (e != 0)
        return NB_RUN_FAILED;
    return wait_for(pid, timeout_ms, status);
}
