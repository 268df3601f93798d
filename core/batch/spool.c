/* spool.c — the paired batch's spool file (spool.h). */
#include "batch/spool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The spool's folder: $TMPDIR, else /tmp. */
static const char *spool_dir(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

/* The file: our own in spool_dir(), gone from the folder at once (only
 * this process holds it); made the first time it is needed. */
static int spool_ready(nb_spool *s, nb_lang lang, nb_err *err)
{
    if (s->f)
        return 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/nianbao-spool.XXXXXX", spool_dir());
    int fd = mkstemp(path);
    if (fd >= 0) {
        unlink(path);
        if ((s->f = fdopen(fd, "w+b")))
            return 0;
        close(fd);
    }
    return nb_err_set(err, NB_E_IO,
                      nb_tr(lang, "the spool of the batch's output cannot be created in %s: %s",
                            "无法在 %s 中创建批处理输出的暂存文件：%s"),
                      spool_dir(), nb_strerror(errno, lang));
}

long nb_spool_append(nb_spool *s, const void *b, size_t n, nb_lang lang, nb_err *err)
{
    long at;
    if (spool_ready(s, lang, err) != 0)
        return -1;
    if (fseek(s->f, 0, SEEK_END) != 0 || (at = ftell(s->f)) < 0 || fwrite(b, 1, n, s->f) != n) {
        nb_err_set(err, NB_E_IO, "%s",
                   nb_tr(lang, "the spool of the batch's output cannot be written (is the temporary folder full?)",
                         "无法写入批处理输出的暂存文件（临时目录已满？）"));
        return -1;
    }
    return at;
}

int nb_spool_read(nb_spool *s, long off, void *b, size_t n, nb_lang lang, nb_err *err)
{
    if (s->f && fseek(s->f, off, SEEK_SET) == 0 && fread(b, 1, n, s->f) == n)
        return 0;
    return nb_err_set(err, NB_E_IO, "%s",
                      nb_tr(lang, "the spool of the batch's output cannot be read", "无法读取批处理输出的暂存文件"));
}

void nb_spool_close(nb_spool *s)
{
    if (s->f)
        fclose(s->f);
    s->f = NULL;
}
