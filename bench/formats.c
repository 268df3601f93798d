/* bench/formats.c — the structured readers' throughput: for each file named
 * on the command line, the reader of its kind alone (bytes in memory to the
 * document with its grids) and the whole way in (nb_report_open: read,
 * detect, read, sections, extraction), each repeated for half a second;
 * the fastest run counts (a shared machine only ever slows one down). MB/s
 * are of the file as it is held (MB = 10^6 bytes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fsio.h"
#include "batch/ctx.h"
#include "read/detect.h"
#include "read/doc.h"
#include "read/docx.h"
#include "read/html.h"
#include "read/read.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int read_kind(nb_doc *d, const char *path, const unsigned char *b, size_t n, nb_err *e)
{
    switch (nb_detect(b, n, NULL)) {
    case NB_KIND_DOCX: return nb_read_docx(d, path, b, n, NB_LANG_EN, e);
    case NB_KIND_HTML: return nb_read_html(d, path, b, n, NB_LANG_EN, e);
    case NB_KIND_DOC: return nb_read_doc(d, path, b, n, NB_LANG_EN, e);
    default: return nb_doc_from_bytes(d, path, b, n, NB_LANG_EN, e);
    }
}

/* Seconds per run of the reader alone, and of nb_report_open. */
static int time_file(const char *path, const nb_ctx *ctx, double *reader, double *open, size_t *n)
{
    unsigned char *b;
    nb_err e;
    if (nb_read_file(path, NB_MAX_FILE, 1, &b, n, NB_LANG_EN, &e) != 0) {
        fprintf(stderr, "%s\n", e.msg);
        return -1;
    }
    double t0 = now(), t1;
    *reader = *open = 1e9;
    do {
        nb_doc d;
        double t = now();
        if (read_kind(&d, path, b, *n, &e) != 0) {
            fprintf(stderr, "%s\n", e.msg);
            free(b);
            return -1;
        }
        nb_doc_free(&d);
        t1 = now();
        if (t1 - t < *reader)
            *reader = t1 - t;
    } while (t1 - t0 < 0.5);
    free(b);
    t0 = now();
    do {
        nb_report r;
        double t = now();
        if (nb_report_open(&r, path, ctx, &e) != 0) {
            fprintf(stderr, "%s\n", e.msg);
            return -1;
        }
        nb_report_free(&r);
        t1 = now();
        if (t1 - t < *open)
            *open = t1 - t;
    } while (t1 - t0 < 0.5);
    return 0;
}

int main(int argc, char **argv)
{
    nb_ctx ctx;
    nb_err e;
    if (nb_ctx_init(&ctx, NB_LANG_EN, &e) != 0) {
        fprintf(stderr, "%s\n", e.msg);
        return 2;
    }
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        double reader, open;
        size_t n;
        if (time_file(argv[i], &ctx, &reader, &open, &n) != 0) {
            rc = 2;
            continue;
        }
        printf("%-48s %8zu bytes  reader %7.2f ms %7.1f MB/s  open+extract %7.2f ms %7.1f MB/s\n", argv[i], n,
               reader * 1e3, (double)n / reader / 1e6, open * 1e3, (double)n / open / 1e6);
    }
    nb_ctx_free(&ctx);
    return rc;
}
