/* bench/pdf.c — times the PDF reader on the files named as arguments: each
 * read RUNS times, the first (cold: fonts and caches set up), the fastest
 * and the median printed with pages, lines and tables; with -v, also the document text and every table's grid (rows ×
 * columns, merged cells, pages), for looking at what the reader made. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fsio.h"
#include "model/doc.h"
#include "model/grid.h"
#include "read/pdf.h"

#define RUNS 7

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void dump(const nb_doc *d)
{
    fwrite(d->text, 1, d->len, stdout);
    for (int t = 0; t < d->ngrids; t++) {
        const nb_grid *g = &d->grids[t];
        printf("== table %d: %d rows x %d columns, pages %d-%d\n", g->table_no, g->nrows, g->ncols, g->page_first,
               g->page_last);
        for (int k = 0; k < g->ncells; k++) {
            const nb_gcell *c = &g->cells[k];
            if (c->rowspan > 1 || c->colspan > 1 || c->len)
                printf("  [%d,%d %dx%d p%d] %.*s\n", c->row, c->col, c->rowspan, c->colspan, c->page, (int)c->len,
                       d->text + c->off);
        }
    }
}

static int bench_file(const char *path, int verbose)
{
    unsigned char *buf = NULL;
    size_t n = 0;
    nb_err err;
    if (nb_read_file(path, NB_MAX_FILE, 1, &buf, &n, NB_LANG_EN, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    double ms[RUNS];
    nb_doc d;
    int rc = 0;
    for (int i = 0; i < RUNS && rc == 0; i++) {
        double t0 = now_ms();
        rc = nb_read_pdf(&d, path, buf, n, NB_LANG_EN, &err);
        ms[i] = now_ms() - t0;
        if (rc == 0 && i + 1 < RUNS)
            nb_doc_free(&d);
    }
    free(buf);
    if (rc != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    double first = ms[0];
    qsort(ms, RUNS, sizeof *ms, cmp_double);
    int pages = d.nlines && d.line_page ? d.line_page[d.nlines - 1] : 0;
    printf("%s: %zu bytes, last page with text %d, %zu lines, %d tables: first %.1f ms, best %.1f ms, median %.1f ms\n",
           path, n, pages, d.nlines, d.ngrids, first, ms[0], ms[RUNS / 2]);
    if (verbose)
        dump(&d);
    nb_doc_free(&d);
    return 0;
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && !strcmp(argv[1], "-v"), rc = 0;
    if (argc < 2 + verbose) {
        fprintf(stderr, "usage: %s [-v] FILE.pdf...\n", argv[0]);
        return 2;
    }
    for (int i = 1 + verbose; i < argc; i++)
        rc |= bench_file(argv[i], verbose);
    return rc;
}
