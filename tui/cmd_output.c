/* cmd_output.c — where a command's output goes (cmd.h): standard output,
 * or a file named by -o that is written only once every input is read —
 * a regular file replaced atomically (an exclusive temporary file beside
 * it, renamed over it at the end), a device or pipe written at the end
 * from a buffer — never a file that is one of the inputs, never through a
 * symlink to a regular file. */
#include "cmd.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fsio.h"

/* The mode a new output file gets: as fopen would make it. */
static mode_t new_file_mode(void)
{
    mode_t m = umask(022);
    umask(m);
    return 0666 & ~m;
}

/* A symlink at path to a regular file: refused, naming its target. */
static int refuse_link(const char *path, nb_lang L)
{
    char target[PATH_MAX];
    ssize_t k = readlink(path, target, sizeof target - 1);
    target[k < 0 ? 0 : k] = '\0';
    nb_cli_say(nb_tr(L, "nianbao: %s: is a symbolic link (to %s); not written through it\n",
                     "nianbao：%s：是符号链接（指向 %s），不经由它写入\n"),
               path, target);
    return -1;
}

int nb_cli_out_open(nb_cli_out *o, const char *path, const char *kind, nb_lang L)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    o->lang = L;
    if (!path) {
        o->f = stdout;
        return 0;
    }
    struct stat ls, st;
    int exists = lstat(path, &ls) == 0, regular = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    if (exists && S_ISLNK(ls.st_mode) && regular)
        return refuse_link(path, L);
    nb_err err;
    if (!exists || regular) {
        o->atomic = 1;
        if (nb_atomic_open(&o->at, path, exists ? (st.st_mode & 07777) : new_file_mode(), L, &err) != 0) {
            nb_cli_fail(stderr, L, err.msg);
            return -1;
        }
        nb_atomic_mark(&o->at, kind); /* a folder walk passes it over */
        o->f = o->at.f;
        return 0;
    }
    if (!(o->f = tmpfile())) { /* a device or a pipe: written at the end */
        nb_cli_say(nb_tr(L, "nianbao: %s: cannot write: %s\n", "nianbao：%s：无法写入：%s\n"), path, nb_strerror(errno, L));
        return -1;
    }
    return 0;
}

/* The buffer copied to the device or pipe at path. */
static int copy_out(nb_cli_out *o)
{
    FILE *to = fopen(o->path, "w");
    int bad = !to || fflush(o->f) != 0 || fseek(o->f, 0, SEEK_SET) != 0;
    char buf[65536];
    size_t n;
    while (!bad && (n = fread(buf, 1, sizeof buf, o->f)) > 0)
        bad = fwrite(buf, 1, n, to) != n;
    int e = errno;
    if (to && fclose(to) != 0)
        bad = 1;
    fclose(o->f);
    o->f = NULL;
    if (bad)
        nb_cli_say(nb_tr(o->lang, "nianbao: %s: cannot write: %s\n", "nianbao：%s：无法写入：%s\n"), o->path,
                   nb_strerror(e ? e : EIO, o->lang));
    return bad ? -1 : 0;
}

int nb_cli_out_close(nb_cli_out *o)
{
    if (!o->path)
        return fflush(stdout) != 0 || ferror(stdout) ? -1 : 0;
    if (!o->atomic)
        return copy_out(o);
    nb_err err;
    if (nb_atomic_commit(&o->at, &err) == 0)
        return 0;
    nb_cli_fail(stderr, o->lang, err.msg);
    return -1;
}

/* Whether out is the file at in (said when it is). */
static int clash(const char *out, const char *in, nb_lang L)
{
    if (!nb_same_file(out, in))
        return 0;
    nb_cli_say(nb_tr(L, "nianbao: %s is the same file as the input %s; it is not written\n",
                     "nianbao：%s 与输入文件 %s 是同一个文件，不予写入\n"),
               out, in);
    return 1;
}

int nb_cli_out_clashes(const char *out, const nb_paths *P, const char *review, nb_lang L)
{
    if (!out)
        return 0;
    if (review && clash(out, review, L))
        return 1;
    for (size_t i = 0; i < P->n; i++) {
        char rv[4200];
        nb_review_path(P->v[i], rv, sizeof rv);
        if (clash(out, P->v[i], L) || clash(out, rv, L))
            return 1;
    }
    return 0;
}
