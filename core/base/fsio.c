/* fsio.c — whole-file reads with a limit, atomic replacement through an
 * exclusive temporary file (marked as nianbao's where asked), and lock
 * files taken with link(). */
#include "base/fsio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------ reading */

/* fd's bytes in a buffer of cap bytes (grown while they come), pad NULs
 * after them. size: the bytes a regular file held when it was opened, read
 * once they are all there (no read more to find its end); SIZE_MAX: read
 * to the end. */
static int read_fd(int fd, const char *path, size_t limit, size_t pad, size_t cap, size_t size, unsigned char **out,
                   size_t *n, nb_lang lang, nb_err *err)
{
    unsigned char *buf = malloc(cap);
    if (!buf)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    size_t len = 0;
    for (;;) {
        if (len + pad >= cap) {
            if (len > limit) {
                free(buf);
                return nb_err_set(err, NB_E_TOOBIG,
                                  nb_tr(lang, "%s: over the %zu MiB limit for a report", "%s：超过报告文件 %zu MiB 的上限"),
                                  path, limit >> 20);
            }
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len - pad);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot read: %s", "%s：无法读取：%s"), path, nb_strerror(e, lang));
        }
        if (r == 0)
            break;
        len += (size_t)r;
        if (len == size)
            break;
    }
    if (len > limit) {
        free(buf);
        return nb_err_set(err, NB_E_TOOBIG,
                          nb_tr(lang, "%s: over the %zu MiB limit for a report", "%s：超过报告文件 %zu MiB 的上限"), path,
                          limit >> 20);
    }
    memset(buf + len, 0, pad);
    *out = buf;
    *n = len;
    return 0;
}

int nb_read_file(const char *path, size_t limit, size_t pad, unsigned char **out, size_t *n, nb_lang lang,
                 nb_err *err)
{
    return nb_read_file_marked(path, limit, pad, out, n, NULL, 0, lang, err);
}

int nb_err_open(nb_err *err, const char *path, int e, nb_lang lang)
{
    if (e == ENOENT)
        return nb_err_set(err, NB_E_NOTFOUND, nb_tr(lang, "%s: no such file", "%s：文件不存在"), path);
    return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot open: %s", "%s：无法打开：%s"), path, nb_strerror(e, lang));
}

int nb_read_file_marked(const char *path, size_t limit, size_t pad, unsigned char **out, size_t *n, char *mark,
                        size_t markcap, nb_lang lang, nb_err *err)
{
    if (mark && markcap)
        mark[0] = '\0';
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && mark)
        (void)nb_fd_mark(fd, mark, markcap); /* none: mark stays "" */
    if (fd < 0)
        return nb_err_open(err, path, errno, lang);
    struct stat st;
    int rc;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        rc = nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot read: %s", "%s：无法读取：%s"), path, nb_strerror(e, lang));
    } else if (S_ISDIR(st.st_mode)) {
        rc = nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: is a directory, not a report", "%s：是目录，不是报告文件"), path);
    } else if (S_ISREG(st.st_mode) && (size_t)st.st_size > limit) {
        rc = nb_err_set(err, NB_E_TOOBIG,
                        nb_tr(lang, "%s: %lld bytes, over the %zu MiB limit for a report",
                              "%s：%lld 字节，超过报告文件 %zu MiB 的上限"),
                        path, (long long)st.st_size, limit >> 20);
    } else {
        int reg = S_ISREG(st.st_mode) && st.st_size > 0;
        size_t cap = reg ? (size_t)st.st_size + pad + 1 : 65536;
        rc = read_fd(fd, path, limit, pad, cap, reg ? (size_t)st.st_size : SIZE_MAX, out, n, lang, err);
    }
    close(fd);
    return rc;
}

/* ------------------------------------------------------------ atomic writes */

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* A symlink or something other than a regular file at path: refuse it. */
static int check_target(const char *path, nb_lang lang, nb_err *err)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return 0; /* not there yet */
    if (S_ISLNK(st.st_mode)) {
        char target[PATH_MAX];
        ssize_t k = readlink(path, target, sizeof target - 1);
        target[k < 0 ? 0 : k] = '\0';
        return nb_err_set(err, NB_E_IO,
                          nb_tr(lang, "%s: is a symbolic link (to %s); not written through it",
                                "%s：是符号链接（指向 %s），不经由它写入"),
                          path, target);
    }
    if (!S_ISREG(st.st_mode))
        return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: not a regular file; not written", "%s：不是普通文件，未写入"),
                          path);
    return 0;
}

int nb_atomic_open(nb_atomic *a, const char *path, mode_t mode, nb_lang lang, nb_err *err)
{
    memset(a, 0, sizeof *a);
    a->mode = mode;
    a->lang = lang;
    if (check_target(path, lang, err) != 0)
        return -1;
    size_t n = strlen(path);
    a->path = dup_str(path);
    a->tmp = malloc(n + sizeof NB_TMP_SUFFIX + 6);
    if (!a->path || !a->tmp) {
        nb_atomic_abort(a);
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    }
    memcpy(a->tmp, path, n);
    memcpy(a->tmp + n, NB_TMP_SUFFIX "XXXXXX", sizeof NB_TMP_SUFFIX + 6);
    int fd = mkostemp(a->tmp, O_CLOEXEC); /* O_CREAT|O_EXCL, mode 0600: never an existing file or link */
    if (fd < 0) {
        int e = errno;
        nb_atomic_abort(a);
        return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot write: %s", "%s：无法写入：%s"), path, nb_strerror(e, lang));
    }
    a->f = fdopen(fd, "wb");
    if (!a->f) {
        close(fd);
        unlink(a->tmp);
        nb_atomic_abort(a);
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    }
    return 0;
}

/* fsync the folder holding path, so the rename itself survives a crash. */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash == path ? 1 : slash - path), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

int nb_atomic_commit(nb_atomic *a, nb_err *err)
{
    int bad = ferror(a->f) || fflush(a->f) != 0 || fsync(fileno(a->f)) != 0 || fchmod(fileno(a->f), a->mode) != 0;
    int e = errno;
    if (fclose(a->f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    a->f = NULL;
    if (!bad && check_target(a->path, a->lang, err) != 0) {
        unlink(a->tmp);
        nb_atomic_abort(a);
        return -1;
    }
    if (!bad && rename(a->tmp, a->path) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        unlink(a->tmp);
        nb_err_set(err, NB_E_IO, nb_tr(a->lang, "%s: cannot write: %s", "%s：无法写入：%s"), a->path,
                   nb_strerror(e ? e : EIO, a->lang));
        nb_atomic_abort(a);
        return -1;
    }
    sync_dir(a->path);
    free(a->tmp);
    a->tmp = NULL;
    nb_atomic_abort(a);
    return 0;
}

void nb_atomic_abort(nb_atomic *a)
{
    if (a->f) {
        fclose(a->f);
        a->f = NULL;
        if (a->tmp)
            unlink(a->tmp);
    }
    free(a->path);
    free(a->tmp);
    a->path = a->tmp = NULL;
}

int nb_atomic_write(const char *path, const void *data, size_t n, mode_t mode, nb_lang lang, nb_err *err)
{
    nb_atomic a;
    if (nb_atomic_open(&a, path, mode, lang, err) != 0)
        return -1;
    if (n && fwrite(data, 1, n, a.f) != n) {
        int e = errno;
        nb_atomic_abort(&a);
        return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot write: %s", "%s：无法写入：%s"), path, nb_strerror(e, lang));
    }
    return nb_atomic_commit(&a, err);
}

#define NB_MARK_ATTR "user.nianbao"

void nb_atomic_mark(nb_atomic *a, const char *kind)
{
    if (a->f)
        (void)fsetxattr(fileno(a->f), NB_MARK_ATTR, kind, strlen(kind), 0); /* none where unsupported */
}

/* The mark's value in out, from getxattr or fgetxattr's n. */
static int mark_read(ssize_t n, char *out)
{
    if (n < 0)
        return -1;
    out[n] = '\0';
    return 0;
}

int nb_file_mark(const char *path, char *out, size_t cap)
{
    return cap ? mark_read(getxattr(path, NB_MARK_ATTR, out, cap - 1), out) : -1;
}

int nb_fd_mark(int fd, char *out, size_t cap)
{
    return cap ? mark_read(fgetxattr(fd, NB_MARK_ATTR, out, cap - 1), out) : -1;
}

/* Is name PATH's base followed by .tmp. and six characters of mkstemp's? */
static int is_our_tmp(const char *name, const char *base, size_t bl)
{
    size_t sl = sizeof NB_TMP_SUFFIX - 1;
    if (strncmp(name, base, bl) != 0 || strncmp(name + bl, NB_TMP_SUFFIX, sl) != 0)
        return 0;
    const char *x = name + bl + sl;
    if (strlen(x) != 6)
        return 0;
    for (int i = 0; i < 6; i++)
        if (!((x[i] >= 'a' && x[i] <= 'z') || (x[i] >= 'A' && x[i] <= 'Z') || (x[i] >= '0' && x[i] <= '9')))
            return 0;
    return 1;
}

int nb_atomic_clean(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash == path ? 1 : slash - path) : 1, slash ? path : ".");
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0;
    size_t bl = strlen(base);
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!is_our_tmp(de->d_name, base, bl))
            continue;
        struct stat st;
        if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
            unlinkat(dirfd(d), de->d_name, 0) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

/* ------------------------------------------------------------ lock files */

/* A process' start time and program name from /proc; 0 when unknown. */
static int proc_identity(long pid, unsigned long long *start, char *prog, size_t cap)
{
    char p[64], buf[1024];
    snprintf(p, sizeof p, "/proc/%ld/stat", pid);
    FILE *f = fopen(p, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *lp = strchr(buf, '('), *rp = strrchr(buf, ')');
    if (!lp || !rp || rp < lp)
        return -1;
    if (prog)
        snprintf(prog, cap, "%.*s", (int)(rp - lp - 1), lp + 1);
    /* fields after the name: state is field 3, starttime field 22 */
    char *s = rp + 1;
    for (int field = 3; field < 22 && s; field++) {
        s = strchr(s + 1, ' ');
    }
    *start = s ? strtoull(s + 1, NULL, 10) : 0;
    return 0;
}

/* Whether the lock's owner still runs: the pid is alive and, where /proc
 * tells, is the same process (its start time) of the same program — a lock
 * that names no program (an older lock) must be a nianbao's. */
static int owner_alive(const nb_lock_owner *o)
{
    if (o->pid <= 0)
        return 0;
    if (kill((pid_t)o->pid, 0) != 0 && errno != EPERM)
        return 0;
    unsigned long long start = 0;
    char prog[32] = "";
    if (proc_identity(o->pid, &start, prog, sizeof prog) != 0)
        return 1; /* no /proc: trust the pid */
    if (o->start && start && o->start != start)
        return 0; /* the pid was reused by a later process */
    if (prog[0] && strcmp(o->prog[0] ? o->prog : "nianbao", prog) != 0)
        return 0; /* another program under the same pid */
    return 1;
}

/* When the system started (seconds since the epoch), from /proc/stat; 0 unknown. */
static long long boot_time(void)
{
    FILE *f = fopen("/proc/stat", "r");
    char line[256];
    long long bt = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "btime %lld", &bt) == 1)
            break;
    if (f)
        fclose(f);
    return bt;
}

void nb_lock_describe(const nb_lock_owner *o, nb_lang lang, char *out, size_t cap)
{
    const char *comma = nb_tr(lang, ", ", "，");
    int n = snprintf(out, cap, nb_tr(lang, "pid %ld%s%s", "进程 %ld%s%s"), o->pid, o->prog[0] ? comma : "", o->prog);
    long long bt = boot_time();
    long ticks = sysconf(_SC_CLK_TCK);
    if (n < 0 || (size_t)n >= cap || !o->start || !bt || ticks <= 0)
        return;
    time_t t = (time_t)(bt + (long long)(o->start / (unsigned long long)ticks));
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out + n, cap - (size_t)n, nb_tr(lang, ", since %Y-%m-%d %H:%M", "，自 %Y-%m-%d %H:%M 起"), &tm);
}

/* "PID START PROG" (older locks hold the pid alone). */
static int read_owner(int fd, nb_lock_owner *o)
{
    char buf[128];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    memset(o, 0, sizeof *o);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    char prog[32] = "";
    int k = sscanf(buf, "%ld %llu %31s", &o->pid, &o->start, prog);
    if (k < 1)
        return -1;
    snprintf(o->prog, sizeof o->prog, "%s", prog);
    return 0;
}

static void self_owner(nb_lock_owner *o)
{
    memset(o, 0, sizeof *o);
    o->pid = (long)getpid();
    if (proc_identity(o->pid, &o->start, o->prog, sizeof o->prog) != 0)
        snprintf(o->prog, sizeof o->prog, "nianbao");
}

/* Write our owner line to an exclusive temporary file beside lock_path. */
static int write_owner_tmp(const char *lock_path, char *tmp, size_t cap, nb_lang lang, nb_err *err)
{
    snprintf(tmp, cap, "%s" NB_TMP_SUFFIX "XXXXXX", lock_path);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot write: %s", "%s：无法写入：%s"), lock_path,
                          nb_strerror(errno, lang));
    nb_lock_owner me;
    self_owner(&me);
    char line[128];
    int n = snprintf(line, sizeof line, "%ld %llu %s\n", me.pid, me.start, me.prog);
    int bad = write(fd, line, (size_t)n) != n || fchmod(fd, 0644) != 0;
    close(fd);
    if (bad) {
        unlink(tmp);
        return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot write", "%s：无法写入"), lock_path);
    }
    return 0;
}

/* Move a stale lock out of the way, unless someone replaced it meanwhile. */
static void remove_stale(const char *lock_path, const struct stat *seen)
{
    char aside[PATH_MAX + 32];
    snprintf(aside, sizeof aside, "%s.stale.%ld", lock_path, (long)getpid());
    if (rename(lock_path, aside) != 0)
        return;
    struct stat st;
    if (lstat(aside, &st) == 0 && st.st_ino == seen->st_ino && st.st_dev == seen->st_dev) {
        unlink(aside);
        return;
    }
    /* a fresh lock of another taker: put it back (fails only if a third took the name) */
    if (link(aside, lock_path) == 0 || errno == EEXIST)
        unlink(aside);
}

int nb_lock_take(const char *lock_path, nb_lock_owner *holder, nb_lang lang, nb_err *err)
{
    char tmp[PATH_MAX + 32];
    if (write_owner_tmp(lock_path, tmp, sizeof tmp, lang, err) != 0)
        return -1;
    int rc = -1, said = 0;
    for (int tries = 0; tries < 3; tries++) {
        if (link(tmp, lock_path) == 0) {
            rc = NB_LOCK_TAKEN;
            break;
        }
        if (errno != EEXIST) {
            nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot write: %s", "%s：无法写入：%s"), lock_path,
                       nb_strerror(errno, lang));
            said = 1;
            break;
        }
        int fd = open(lock_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) {
            if (fd >= 0)
                close(fd);
            continue; /* gone meanwhile: try again */
        }
        nb_lock_owner o;
        int ok = read_owner(fd, &o);
        close(fd);
        if (ok == 0 && owner_alive(&o)) {
            if (holder)
                *holder = o;
            rc = NB_LOCK_HELD;
            break;
        }
        remove_stale(lock_path, &st);
    }
    if (rc < 0 && !said)
        nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot take the lock", "%s：无法加锁"), lock_path);
    unlink(tmp);
    return rc;
}

void nb_lock_release(const char *lock_path)
{
    int fd = open(lock_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    nb_lock_owner o;
    int ok = read_owner(fd, &o);
    close(fd);
    if (ok == 0 && o.pid == (long)getpid())
        unlink(lock_path);
}

int nb_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
