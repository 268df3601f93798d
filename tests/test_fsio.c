/* test_fsio.c — the file system under attack and races: an atomic write
 * goes through an exclusive temporary file (a symlink planted where a
 * temporary file could be is never followed, a symlink at the final name is
 * refused naming its target), leaves nothing behind when it fails, and our
 * stale temporary files are removed; of many processes taking one lock at
 * the same moment exactly one gets it; a lock naming a live process that is
 * not nianbao (pid 1), or an old lock with no program, is stale; a lock
 * says whose it is; the same file through another path or a link; a whole
 * file read (a regular one of every size around a page's, ended at the
 * size it had when opened; a pipe, ended by its writer) with its padding,
 * and one over the limit refused; the system's error texts in Chinese
 * under zh (nb_strerror), in a message of a failed write too. */
#include "testutil.h"
#include "base/fsio.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char g_dir[512];

static void in_dir(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", g_dir, name);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int has(const char *path, const char *text)
{
    char *b = tu_read(path, NULL);
    int yes = b && !strcmp(b, text);
    free(b);
    return yes;
}

/* How many files of the folder begin with prefix. */
static int count_prefixed(const char *prefix)
{
    DIR *d = opendir(g_dir);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)))
        n += !strncmp(e->d_name, prefix, strlen(prefix));
    closedir(d);
    return n;
}

static void test_atomic_never_through_links(void **st)
{
    (void)st;
    char path[600], target[600], planted[700];
    in_dir(path, sizeof path, "a.review");
    in_dir(target, sizeof target, "precious");
    put(target, "precious\n");
    /* the old predictable temporary names, planted as links: never followed */
    snprintf(planted, sizeof planted, "%s.tmp.%ld", path, (long)getpid());
    assert_int_equal(symlink(target, planted), 0);
    nb_err err;
    assert_int_equal(nb_atomic_write(path, "new\n", 4, 0644, NB_LANG_EN, &err), 0);
    assert_true(has(path, "new\n"));
    assert_true(has(target, "precious\n"));
    struct stat s;
    assert_int_equal(lstat(path, &s), 0);
    assert_true(S_ISREG(s.st_mode));
    assert_int_equal(s.st_mode & 0777, 0644);
    unlink(planted);
    /* a symlink at the final name: refused, naming its target */
    unlink(path);
    assert_int_equal(symlink(target, path), 0);
    assert_int_equal(nb_atomic_write(path, "x", 1, 0644, NB_LANG_EN, &err), -1);
    assert_non_null(strstr(err.msg, "is a symbolic link (to "));
    assert_non_null(strstr(err.msg, target));
    assert_true(has(target, "precious\n"));
    assert_int_equal(count_prefixed("a.review.tmp."), 0); /* nothing left behind */
    unlink(path);
}

static void test_atomic_clean(void **st)
{
    (void)st;
    char path[600], t[700];
    in_dir(path, sizeof path, "c.review");
    const char *ours[] = {".tmp.AbC123", ".tmp.zzzzzz"}, *others[] = {".tmp.short", ".tmp.toolong1", ".tmpx.abcdef"};
    for (int i = 0; i < 2; i++) {
        snprintf(t, sizeof t, "%s%s", path, ours[i]);
        put(t, "x");
    }
    for (int i = 0; i < 3; i++) {
        snprintf(t, sizeof t, "%s%s", path, others[i]);
        put(t, "x");
    }
    assert_int_equal(nb_atomic_clean(path), 2);
    assert_int_equal(count_prefixed("c.review.tmp"), 3); /* the others stay */
}

/* Take the lock in n processes at once (each waits on a pipe until all are
 * started, and holds on until all have answered); how many got it, and in
 * *named how many of them the lock file names. */
static int race(const char *lock, int n, int *named)
{
    int go[2], answer[2];
    assert_int_equal(pipe(go), 0);
    assert_int_equal(pipe(answer), 0);
    pid_t kids[16];
    for (int i = 0; i < n; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            char c;
            close(go[1]);
            if (read(go[0], &c, 1) < 0) /* blocks until the parent closes its end: all start together */
                _exit(3);
            nb_lock_owner h;
            c = nb_lock_take(lock, &h, NB_LANG_EN, NULL) == NB_LOCK_TAKEN ? 'T' : 'H';
            if (write(answer[1], &c, 1) != 1)
                _exit(3);
            pause(); /* hold on: a lock of a live process */
            _exit(0);
        }
    }
    close(go[0]);
    close(answer[1]);
    close(go[1]); /* go */
    int taken = 0;
    for (int i = 0; i < n; i++) {
        char c = 0;
        assert_int_equal(read(answer[0], &c, 1), 1);
        taken += c == 'T';
    }
    close(answer[0]);
    char *b = tu_read(lock, NULL);
    long pid = b ? atol(b) : 0;
    free(b);
    *named = 0;
    for (int i = 0; i < n; i++) {
        *named += pid == kids[i];
        kill(kids[i], SIGKILL);
        waitpid(kids[i], NULL, 0);
    }
    return taken;
}

static void test_lock_race(void **st)
{
    (void)st;
    char lock[600];
    in_dir(lock, sizeof lock, "race.lock");
    for (int round = 0; round < 10; round++) {
        unlink(lock);
        int named;
        assert_int_equal(race(lock, 8, &named), 1); /* exactly one gets it */
        assert_int_equal(named, 1);                  /* and the lock names it */
    }
    unlink(lock);
}

static void test_lock_owners(void **st)
{
    (void)st;
    char lock[600], prog[64] = "";
    in_dir(lock, sizeof lock, "o.lock");
    FILE *f = fopen("/proc/1/comm", "r");
    if (f && fgets(prog, sizeof prog, f))
        prog[strcspn(prog, "\n")] = '\0';
    if (f)
        fclose(f);
    nb_lock_owner h;
    nb_err err;
    /* pid 1 is alive but is no nianbao: the lock is stale, taken over */
    put(lock, "1 0 nianbao\n");
    if (strcmp(prog, "nianbao") != 0) {
        assert_int_equal(nb_lock_take(lock, &h, NB_LANG_EN, &err), NB_LOCK_TAKEN);
        nb_lock_release(lock);
    }
    put(lock, "1\n"); /* an old lock naming no program: only a nianbao's holds */
    if (strcmp(prog, "nianbao") != 0) {
        assert_int_equal(nb_lock_take(lock, &h, NB_LANG_EN, &err), NB_LOCK_TAKEN);
        nb_lock_release(lock);
    }
    /* a live process of the program it names holds the lock, and says so */
    char line[128], self[64] = "";
    f = fopen("/proc/self/comm", "r");
    assert_non_null(f);
    assert_non_null(fgets(self, sizeof self, f));
    fclose(f);
    self[strcspn(self, "\n")] = '\0';
    FILE *pf;
    char pp[64], pprog[64] = "";
    snprintf(pp, sizeof pp, "/proc/%ld/comm", (long)getppid());
    if ((pf = fopen(pp, "r")) && fgets(pprog, sizeof pprog, pf))
        pprog[strcspn(pprog, "\n")] = '\0';
    if (pf)
        fclose(pf);
    snprintf(line, sizeof line, "%ld 0 %s\n", (long)getppid(), pprog);
    put(lock, line);
    assert_int_equal(nb_lock_take(lock, &h, NB_LANG_EN, &err), NB_LOCK_HELD);
    assert_int_equal(h.pid, (long)getppid());
    char who[160];
    nb_lock_describe(&h, NB_LANG_EN, who, sizeof who);
    snprintf(line, sizeof line, "pid %ld, %s", (long)getppid(), pprog);
    assert_string_equal(who, line);
    nb_lock_describe(&h, NB_LANG_ZH, who, sizeof who);
    snprintf(line, sizeof line, "进程 %ld，%s", (long)getppid(), pprog);
    assert_string_equal(who, line);
    unlink(lock);
    /* our own lock: taken, described with our start time, released */
    assert_int_equal(nb_lock_take(lock, &h, NB_LANG_EN, &err), NB_LOCK_TAKEN);
    assert_int_equal(nb_lock_take(lock, &h, NB_LANG_EN, &err), NB_LOCK_HELD);
    nb_lock_describe(&h, NB_LANG_EN, who, sizeof who);
    snprintf(line, sizeof line, "pid %ld, %s, since 20", (long)getpid(), self);
    assert_non_null(strstr(who, line));
    nb_lock_describe(&h, NB_LANG_ZH, who, sizeof who);
    snprintf(line, sizeof line, "进程 %ld，%s，自 20", (long)getpid(), self);
    assert_non_null(strstr(who, line));
    assert_non_null(strstr(who, " 起"));
    nb_lock_release(lock);
    assert_int_not_equal(access(lock, F_OK), 0);
    assert_int_equal(count_prefixed("o.lock.tmp."), 0);
}

static void test_same_file(void **st)
{
    (void)st;
    char a[600], b[600], c[600];
    in_dir(a, sizeof a, "same.txt");
    in_dir(b, sizeof b, "hard.txt");
    in_dir(c, sizeof c, "soft.txt");
    put(a, "x");
    assert_int_equal(link(a, b), 0);
    assert_int_equal(symlink(a, c), 0);
    assert_true(nb_same_file(a, b));
    assert_true(nb_same_file(a, c));
    char dotted[700];
    snprintf(dotted, sizeof dotted, "%s/./same.txt", g_dir);
    assert_true(nb_same_file(dotted, a));
    assert_false(nb_same_file(a, "/nonexistent"));
}

/* n bytes of a pattern that no two pages of share. */
static void pattern(unsigned char *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        b[k] = (unsigned char)(k * 131 + k / 4096);
}

/* path read whole: want's n bytes, then pad zeros. */
static void reads_as(const char *path, const unsigned char *want, size_t n, size_t pad)
{
    unsigned char *b;
    size_t got;
    nb_err err;
    assert_int_equal(nb_read_file(path, (size_t)1 << 20, pad, &b, &got, NB_LANG_EN, &err), 0);
    assert_int_equal(got, n);
    if (n)
        assert_memory_equal(b, want, n);
    for (size_t k = 0; k < pad; k++)
        assert_int_equal(b[n + k], 0);
    free(b);
}

static void test_read_whole(void **st)
{
    (void)st;
    static const size_t sizes[] = {0, 1, 15, 4095, 4096, 4097, 65535, 65536, 65537, 200000};
    static unsigned char data[200000];
    pattern(data, sizeof data);
    char path[600];
    in_dir(path, sizeof path, "whole.bin");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(data, 1, sizes[i], f), sizes[i]);
        assert_int_equal(fclose(f), 0);
        reads_as(path, data, sizes[i], 16);
        reads_as(path, data, sizes[i], 0);
    }
    /* a pipe has no size: read until its writer is done, in pieces */
    in_dir(path, sizeof path, "pipe");
    assert_int_equal(mkfifo(path, 0600), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        FILE *f = fopen(path, "wb");
        for (size_t at = 0; f && at < 150000; at += 10000) {
            fwrite(data + at, 1, 10000, f);
            fflush(f);
        }
        _exit(f && fclose(f) == 0 ? 0 : 1);
    }
    reads_as(path, data, 150000, 16);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    /* over the limit: refused, the file named */
    in_dir(path, sizeof path, "whole.bin");
    unsigned char *b = NULL;
    size_t got;
    nb_err err;
    assert_int_equal(nb_read_file(path, 1000, 0, &b, &got, NB_LANG_EN, &err), -1);
    assert_int_equal(err.code, NB_E_TOOBIG);
    assert_non_null(strstr(err.msg, "whole.bin"));
    assert_null(b);
}

/* Has s a byte of ASCII letters (an English word)? */
static int has_ascii_letter(const char *s)
{
    for (; *s; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
            return 1;
    return 0;
}

static void test_strerror_zh(void **st)
{
    (void)st;
    static const int common[] = {ENOENT, EACCES, EPERM,  ENOSPC, EROFS,  EEXIST, EISDIR, ENOTDIR,
                                 ELOOP,  ENAMETOOLONG, EDQUOT, EIO, EBUSY, EMFILE, ENOMEM, EXDEV};
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
        const char *zh = nb_strerror(common[i], NB_LANG_ZH);
        assert_false(has_ascii_letter(zh));
        assert_string_equal(nb_strerror(common[i], NB_LANG_EN), strerror(common[i]));
    }
    assert_string_equal(nb_strerror(ENOENT, NB_LANG_ZH), "没有那个文件或目录");
    assert_string_equal(nb_strerror(ENOSPC, NB_LANG_ZH), "设备上没有空间");
    assert_string_equal(nb_strerror(EROFS, NB_LANG_ZH), "只读文件系统");
    assert_string_equal(nb_strerror(ECHILD, NB_LANG_ZH), strerror(ECHILD)); /* a rare one: the system's */

    /* a write into a folder that is not there: the whole message in Chinese */
    char path[600];
    in_dir(path, sizeof path, "no-such-folder/out.json");
    nb_atomic a;
    nb_err err;
    assert_int_equal(nb_atomic_open(&a, path, 0644, NB_LANG_ZH, &err), -1);
    assert_non_null(strstr(err.msg, "：无法写入：没有那个文件或目录"));
    assert_int_equal(nb_atomic_open(&a, path, 0644, NB_LANG_EN, &err), -1);
    assert_non_null(strstr(err.msg, ": cannot write: No such file or directory"));
}

static int setup(void **st)
{
    (void)st;
    return tu_tmpdir(g_dir, sizeof g_dir, "nb_test_fsio");
}

static int teardown(void **st)
{
    (void)st;
    return tu_rmtree(g_dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_atomic_never_through_links),
        cmocka_unit_test(test_atomic_clean),
        cmocka_unit_test(test_lock_race),
        cmocka_unit_test(test_lock_owners),
        cmocka_unit_test(test_same_file),
        cmocka_unit_test(test_read_whole),
        cmocka_unit_test(test_strerror_zh),
    };
    return TU_RUN("fsio", tests, NULL, setup, teardown);
}
