/* bench/formats.c — the structured readers' speed: for each file named on
 * the command line (docx, html, doc, pdf, or text), the reader of its kind
 * alone (bytes in memory to the document with its grids), the whole way in
 * (nb_report_open: read, detect, read, sections, extraction), and the
 * extraction alone two ways on the same document: by its grids (what a
 * structured document gets) and by the text lines the tables are shown as
 * (what it got before); each repeated for half a second, the fastest run
 * counting (a shared machine only ever slows one down). With --base FILE
 * first (the same report as text), each open is also given as a multiple
 * of that file's, measured in the same run. MB/s are of the file as it is
 * held (MB = 10^6 bytes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fsio.h"
#include "batch/ctx.h"
#include "extract/extract.h"
#include "read/detect.h"
#include "read/doc.h"
#include "read/docx.h"
#include "read/html.h"
#include "read/pdf.h"
#include "read/read.h"

#define RUN_SECONDS 0.5

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
    case NB_KIND_PDF: return nb_read_pdf(d, path, b, n, NB_LANG_EN, e);
    default: return nb_doc_from_bytes(d, path, b, n, NB_LANG_EN, e);
    }
}

typedef struct timing {
    size_t n;
    double reader, open;  /* seconds a run, the fastest */
    double grids, text;   /* the extraction alone, by grids and by text (0: no grids) */
    const char *kind;
} timing;

static int fail(const nb_err *e)
{
    fprintf(stderr, "%s\n", e->msg);
    return -1;
}

static int time_reader(const char *path, timing *t)
{
    unsigned char *b;
    nb_err e;
    if (nb_read_file(path, NB_MAX_FILE, 1, &b, &t->n, NB_LANG_EN, &e) != 0)
        return fail(&e);
    t->kind = nb_kind_name(nb_detect(b, t->n, NULL));
    double t0 = now(), t1;
    t->reader = 1e9;
    do {
        nb_doc d;
        double s = now();
        if (read_kind(&d, path, b, t->n, &e) != 0) {
            free(b);
            return fail(&e);
        }
        nb_doc_free(&d);
        t1 = now();
        if (t1 - s < t->reader)
            t->reader = t1 - s;
    } while (t1 - t0 < RUN_SECONDS);
    free(b);
    return 0;
}

/* The report's cells, rows and labels as before extraction. */
static void reset_tables(nb_report *r)
{
    memset(r->cells, 0, (size_t)r->ncells * sizeof *r->cells);
    memset(r->rows_found, 0, sizeof r->rows_found);
    for (int i = 0; i < r->nlabels; i++)
        free(r->labels[i].found);
    r->nlabels = 0;
}

/* The extraction alone on r, by its grids (or with them hidden: by text). */
static double time_extract(nb_report *r, const nb_ctx *ctx, int by_grids)
{
    int ngrids = r->doc.ngrids;
    double best = 1e9, t0 = now(), t1;
    nb_err e;
    if (!by_grids)
        r->doc.ngrids = 0;
    do {
        reset_tables(r);
        double s = now();
        if (nb_extract_tables(r, ctx, &e) != 0)
            fail(&e);
        t1 = now();
        if (t1 - s < best)
            best = t1 - s;
    } while (t1 - t0 < RUN_SECONDS);
    r->doc.ngrids = ngrids;
    return best;
}

static int time_open(const char *path, const nb_ctx *ctx, timing *t)
{
    double t0 = now(), t1;
    nb_err e;
    t->open = 1e9;
    do {
        nb_report r;
        double s = now();
        if (nb_report_open(&r, path, ctx, &e) != 0)
            return fail(&e);
        t1 = now();
        if (t1 - s < t->open)
            t->open = t1 - s;
        if (t1 - t0 >= RUN_SECONDS && r.doc.ngrids) {
            t->grids = time_extract(&r, ctx, 1);
            t->text = time_extract(&r, ctx, 0);
        }
        nb_report_free(&r);
    } while (t1 - t0 < RUN_SECONDS);
    return 0;
}

static void print_timing(const char *path, const timing *t, const timing *base)
{
    printf("%-44s %-4s %7zu bytes  reader %7.2f ms %6.1f MB/s  open+extract %7.2f ms %6.1f MB/s", path, t->kind, t->n,
           t->reader * 1e3, (double)t->n / t->reader / 1e6, t->open * 1e3, (double)t->n / t->open / 1e6);
    if (base)
        printf("  %5.1fx the text's", t->open / base->open);
    if (t->grids > 0)
        printf("  extraction: grids %.0f us, text %.0f us (grids %.2fx text)", t->grids * 1e6, t->text * 1e6,
               t->grids / t->text);
    printf("\n");
}

int main(int argc, char **argv)
{
    nb_ctx ctx;
    nb_err e;
    if (nb_ctx_init(&ctx, NB_LANG_EN, &e) != 0)
        return fail(&e), 2;
    int rc = 0, first = 1;
    timing base = {0}, *bp = NULL;
    if (argc > 2 && !strcmp(argv[1], "--base")) {
        if (time_reader(argv[2], &base) != 0 || time_open(argv[2], &ctx, &base) != 0)
            return 2;
        print_timing(argv[2], &base, NULL);
        bp = &base;
        first = 3;
    }
    for (int i = first; i < argc; i++) {
        timing t = {0};
        if (time_reader(argv[i], &t) != 0 || time_open(argv[i], &ctx, &t) != 0) {
            rc = 2;
            continue;
        }
        print_timing(argv[i], &t, bp);
    }
    nb_ctx_free(&ctx);
    return rc;
}
