/* doc.c — .doc and .wps through a converter: the file's bytes are written
 * into a private temporary folder, wvHtml (else LibreOffice) turns them into
 * HTML there, the HTML reader reads that, and the folder is removed. */
#include "read/doc.h"
#include "read/convert.h"
#include "read/html.h"
#include "base/fsio.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What became of one converter's attempt, for the message. */
typedef struct attempt {
    const char *prog;
    nb_run_end end;
    int status;
    char said[160];        /* the first line it wrote */
} attempt;

/* A UTF-16LE stream name among the compound file's directory entries. */
static int has_stream(const unsigned char *b, size_t n, const char *name)
{
    unsigned char u[64];
    size_t k = 0;
    for (const char *p = name; *p && k + 2 <= sizeof u; p++) {
        u[k++] = (unsigned char)*p;
        u[k++] = 0;
    }
    return memmem(b, n, u, k) != NULL;
}

static int write_all(const char *file, const unsigned char *b, size_t n)
{
    int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, b + off, n - off);
        if (w <= 0) {
            close(fd);
            return -1;
        }
        off += (size_t)w;
    }
    return close(fd);
}

/* The first line of what the converter printed. */
static void first_line(const char *file, char *out, size_t cap)
{
    out[0] = '\0';
    FILE *f = fopen(file, "r");
    if (!f)
        return;
    if (fgets(out, (int)cap, f))
        out[strcspn(out, "\r\n")] = '\0';
    fclose(f);
}

/* Run one converter; read its HTML (html_name in dir) into d. */
static int convert(nb_doc *d, const char *path, const char *dir, char *const argv[], const char *html_name,
                   int timeout_ms, attempt *a, nb_lang lang, nb_err *err)
{
    char log[4200], html[4200];
    snprintf(log, sizeof log, "%s/%s.log", dir, a->prog);
    snprintf(html, sizeof html, "%s/%s", dir, html_name);
    a->end = nb_run(argv, log, timeout_ms, &a->status);
    first_line(log, a->said, sizeof a->said);
    if (a->end != NB_RUN_EXITED || a->status != 0)
        return -1;
    unsigned char *h = NULL;
    size_t hn = 0;
    nb_err e2;
    if (nb_read_file(html, NB_MAX_FILE, 1, &h, &hn, lang, &e2) != 0 || hn == 0) {
        free(h);
        a->status = -1; /* exited 0, wrote nothing */
        return -1;
    }
    int rc = nb_html_read_as(d, path, h, hn, NB_KIND_DOC, lang, err);
    free(h);
    return rc;
}

static void describe(const attempt *a, char *out, size_t cap)
{
    switch (a->end) {
    case NB_RUN_EXITED:
        if (a->status < 0)
            snprintf(out, cap, "%s wrote no HTML", a->prog);
        else
            snprintf(out, cap, "%s exit %d%s%s", a->prog, a->status, a->said[0] ? ": " : "", a->said);
        break;
    case NB_RUN_TIMEOUT: snprintf(out, cap, "%s stopped at the time limit", a->prog); break;
    case NB_RUN_SIGNALLED: snprintf(out, cap, "%s killed by signal %d", a->prog, a->status); break;
    case NB_RUN_MISSING: snprintf(out, cap, "%s not installed", a->prog); break;
    case NB_RUN_FAILED: snprintf(out, cap, "%s could not be started", a->prog); break;
    }
}

static int give_up(const char *path, const attempt *wv, const attempt *lo, int html_err, nb_lang lang, nb_err *err)
{
    if (html_err)
        return -1; /* a converter read it; the HTML reader's message stands */
    if (wv->end == NB_RUN_MISSING && lo->end == NB_RUN_MISSING)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang,
                                "%s: a Word 97 (.doc/.wps) file needs wvHtml or LibreOffice to be read; install "
                                "the Debian package wv (apt-get install wv) or libreoffice-writer",
                                "%s：读取 Word 97（.doc/.wps）文件需要 wvHtml 或 LibreOffice；请安装 Debian 软件包 wv"
                                "（apt-get install wv）或 libreoffice-writer"),
                          path);
    char a[200], b[200];
    describe(wv, a, sizeof a);
    describe(lo, b, sizeof b);
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: neither wvHtml nor LibreOffice could read this file (%s; %s)",
                            "%s：wvHtml 和 LibreOffice 都无法读取此文件（%s；%s）"),
                      path, a, b);
}

/* wvHtml, then LibreOffice; err is set by whichever read HTML last. */
static int try_converters(nb_doc *d, const char *path, const char *dir, nb_lang lang, nb_err *err)
{
    char in[4200], target[4200], profile[4300];
    snprintf(in, sizeof in, "%s/in.doc", dir);
    snprintf(target, sizeof target, "--targetdir=%s", dir);
    snprintf(profile, sizeof profile, "-env:UserInstallation=file://%s/profile", dir);
    attempt wv = {.prog = "wvHtml"}, lo = {.prog = "soffice"};
    char *wv_argv[] = {"wvHtml", target, in, "out.html", NULL};
    nb_err_clear(err);
    if (convert(d, path, dir, wv_argv, "out.html", NB_WV_TIMEOUT_MS, &wv, lang, err) == 0)
        return 0;
    int html_err = err && err->code != NB_OK;
    char *lo_argv[] = {"soffice", "--headless", "--norestore", profile, "--convert-to", "html", "--outdir",
                       (char *)dir, in, NULL};
    if (convert(d, path, dir, lo_argv, "in.html", NB_SOFFICE_TIMEOUT_MS, &lo, lang, err) == 0)
        return 0;
    html_err |= err && err->code != NB_OK;
    return give_up(path, &wv, &lo, html_err, lang, err);
}

int nb_read_doc(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err)
{
    memset(d, 0, sizeof *d);
    if (has_stream(bytes, n, "EncryptedPackage") || has_stream(bytes, n, "EncryptionInfo"))
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: a password-protected Office document; save it without a password first",
                                "%s：文档受密码保护；请先去掉密码另存"),
                          path);
    char dir[4096], in[4200];
    if (nb_tmpdir_make(dir, sizeof dir) != 0)
        return nb_err_set(err, NB_E_IO,
                          nb_tr(lang, "%s: cannot make a temporary folder to convert it in",
                                "%s：无法创建用于转换的临时文件夹"), path);
    snprintf(in, sizeof in, "%s/in.doc", dir);
    int rc;
    if (write_all(in, bytes, n) != 0)
        rc = nb_err_set(err, NB_E_IO,
                        nb_tr(lang, "%s: cannot write a copy to convert", "%s：无法写入用于转换的副本"), path);
    else
        rc = try_converters(d, path, dir, lang, err);
    nb_tmpdir_remove(dir);
    return rc;
}
