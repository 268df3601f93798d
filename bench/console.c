/* bench/console.c — how fast the console opens a report and redraws after a
 * key, at a given size (no terminal: the time to the screen buffer, which is
 * what term.c copies out). Usage: console FILE [WxH] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "batch/ctx.h"
#include "read/read.h"
#include "keymap.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: console FILE [WxH]\n");
        return 2;
    }
    int w = 300, h = 100;
    if (argc > 2)
        sscanf(argv[2], "%dx%d", &w, &h);
    double t0 = now();
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, NB_LANG_EN, &err) != 0)
        return 2;
    nb_report *r = malloc(sizeof *r);
    if (!r || nb_report_open(r, argv[1], &ctx, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    nb_app a;
    if (nb_app_init(&a, &ctx, r, NULL, NULL, w, h) != 0)
        return 2;
    nb_app_draw(&a);
    double t1 = now();
    printf("open and first screen: %.1f ms (%zu bytes, %dx%d)\n", (t1 - t0) * 1e3, r->doc.file_size, w, h);
    static const char *const keys[] = {"j", "]", "PgDn", "G", "g", "Tab", "j", "l", "[", "C-d", "n"};
    double worst = 0, total = 0;
    int n = 0;
    for (int round = 0; round < 20; round++)
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
            double s = now();
            nb_app_key(&a, nb_key_from_name(keys[k]));
            nb_app_draw(&a);
            double d = now() - s;
            total += d;
            n++;
            if (d > worst)
                worst = d;
        }
    printf("key and redraw: mean %.2f ms, worst %.2f ms over %d keys (j ] PgDn G g Tab l [ C-d n)\n", total / n * 1e3,
           worst * 1e3, n);
    nb_app_free(&a);
    nb_report_free(r);
    free(r);
    nb_ctx_free(&ctx);
    return 0;
}
