/* fuzz.h — what the libFuzzer targets of tests/fuzz share: one context
 * for the process, a folder of the process' own for the files a target
 * must write (a review, a session's journal), and the oracle every report
 * goes through: checked, exported as JSON (valid UTF-8, no raw control
 * byte, one line), as CSV, as the plain listing and as a review log, with
 * every finding's message composed in both languages. A broken oracle
 * aborts, which libFuzzer reports as a crash with the input that did it. */
#ifndef NB_FUZZ_H
#define NB_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/utf8.h"
#include "batch/ctx.h"
#include "check/check.h"
#include "check/findings.h"
#include "check/messages.h"
#include "out/export.h"
#include "out/log.h"
#include "out/show.h"
#include "read/read.h"
#include "review/review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The context, set up once. */
static inline const nb_ctx *fz_ctx(void)
{
    static nb_ctx ctx;
    static int ready;
    if (!ready) {
        nb_err err;
        if (nb_ctx_init(&ctx, NB_LANG_EN, &err) != 0)
            abort();
        ready = 1;
    }
    return &ctx;
}

/* A folder of this process' own (tmpfs when there is one), for the files a
 * target writes. */
static inline const char *fz_dir(void)
{
    static char dir[256];
    if (!dir[0]) {
        const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
        snprintf(dir, sizeof dir, "%s/nianbao-fuzz.%ld", base, (long)getpid());
        mkdir(dir, 0700);
    }
    return dir;
}

/* dir/name into out. */
static inline void fz_path(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", fz_dir(), name);
}

/* Write n bytes to path; 0 or -1. */
static inline int fz_write(const char *path, const void *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fwrite(b, 1, n, f) != n;
    return fclose(f) != 0 || bad ? -1 : 0;
}

/* JSON lines as nianbao writes them: valid UTF-8, no control byte but the
 * line ends. */
static inline void fz_check_json(const char *b, size_t n)
{
    if (nb_utf8_invalid((const unsigned char *)b, n))
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)b[i] < 0x20 && b[i] != '\n')
            abort();
    if (n && b[n - 1] != '\n')
        abort();
}

/* Every output nianbao writes is valid UTF-8; JSON lines also have no
 * control byte but their line ends. */
static inline void fz_check_output(const char *b, size_t n, int json)
{
    if (nb_utf8_invalid((const unsigned char *)b, n))
        abort();
    if (json)
        fz_check_json(b, n);
}

/* What call writes to the FILE out, captured in memory and checked. */
#define FZ_CAPTURE(json, call)                                                                                      \
    do {                                                                                                            \
        char *buf_ = NULL;                                                                                          \
        size_t len_ = 0;                                                                                            \
        FILE *out = open_memstream(&buf_, &len_);                                                                   \
        if (!out)                                                                                                   \
            abort();                                                                                                \
        (void)(call);                                                                                               \
        fclose(out);                                                                                                \
        fz_check_output(buf_, len_, json);                                                                          \
        free(buf_);                                                                                                 \
    } while (0)

/* Every finding's message, in both languages: composed without a fault. */
static inline void fz_messages(const nb_report *r, const nb_findings *fs)
{
    char msg[2048];
    for (size_t k = 0; k < fs->n; k++)
        for (int lang = 0; lang < 2; lang++) {
            nb_finding_message(r, &fs->v[k], (nb_lang)lang, msg, sizeof msg);
            if (strlen(msg) >= sizeof msg)
                abort();
        }
}

/* The oracle: check r, export it every way (rv may be NULL). */
static inline void fz_exercise(const nb_report *r, const nb_review *rv)
{
    nb_findings fs = {0};
    nb_err err;
    if (nb_check(r, fz_ctx(), &fs, &err) != 0) {
        nb_findings_free(&fs);
        return;
    }
    fz_messages(r, &fs);
    FZ_CAPTURE(1, nb_export_json(out, r, &fs, NB_SEV_INFO, rv, NB_LANG_EN));
    FZ_CAPTURE(1, nb_export_json(out, r, &fs, NB_SEV_INFO, rv, NB_LANG_ZH));
    FZ_CAPTURE(0, nb_export_csv(out, r, NB_LANG_EN));
    FZ_CAPTURE(0, nb_write_plain(out, r, &fs, NB_LANG_ZH));
    FZ_CAPTURE(1, nb_export_log(out, 0, NB_LOG_JSON, r, &fs, &fs, rv, NB_LANG_EN));
    FZ_CAPTURE(0, nb_export_log(out, 1, NB_LOG_MD, r, &fs, NULL, rv, NB_LANG_ZH));
    FZ_CAPTURE(0, nb_export_log(out, 0, NB_LOG_CSV, r, &fs, NULL, rv, NB_LANG_EN));
    nb_findings_free(&fs);
}

/* A report read from bytes, then the oracle; a refused input is fine. The
 * .doc converters run as processes and are not fuzzed. */
static inline void fz_report(const char *name, const uint8_t *data, size_t size)
{
    nb_report r;
    nb_err err;
    if (nb_report_from_bytes(&r, name, data, size, fz_ctx(), &err) != 0)
        return;
    fz_exercise(&r, NULL);
    nb_report_free(&r);
}

/* A reader of one format (read/docx.h, html.h, pdf.h). */
typedef int (*fz_reader)(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang,
                         nb_err *err);

/* Bytes given to one reader directly (whatever they look like), then
 * extracted, checked and exported every way. */
static inline void fz_through(fz_reader read, const char *name, const uint8_t *data, size_t size)
{
    nb_doc d;
    nb_err err;
    nb_report r;
    if (read(&d, name, data, size, NB_LANG_EN, &err) != 0)
        return;
    if (nb_report_from_doc(&r, &d, fz_ctx(), &err) != 0)
        return;
    fz_exercise(&r, NULL);
    nb_report_free(&r);
}

#endif
