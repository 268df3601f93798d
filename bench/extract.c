/* bench/extract.c — times extraction alone (read, decode, structure, tables)
 * over the files named on stdin, one path a line, with no output per report:
 * the figure issue 2 asks for, beside `export` and `check` in bench/run.sh. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch/ctx.h"
#include "model/report.h"
#include "read/read.h"

int main(void)
{
    /* as the nianbao command does for batches */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, NB_LANG_EN, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    char line[4096];
    size_t files = 0, bytes = 0, cells = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        nb_report r;
        if (nb_report_open(&r, line, &ctx, &err) != 0) {
            fprintf(stderr, "%s\n", err.msg);
            return 2;
        }
        files++;
        bytes += r.doc.file_size;
        for (int i = 0; i < r.ncells; i++)
            cells += r.cells[i].status != NB_ST_MISSING;
        nb_report_free(&r);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%zu %zu %zu %.4f\n", files, bytes, cells, s);
    nb_ctx_free(&ctx);
    return 0;
}
