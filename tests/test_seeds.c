/* test_seeds.c — golden tests of the five seed reports: every cell (value,
 * status, line), the missing rows, the deviating labels, the metadata and
 * the findings, as the plain listing writes them (out/show.h), against
 * tests/golden/seedNNN.golden, which were checked by hand against the
 * reports. NIANBAO_GOLDEN_WRITE=1 rewrites them (then check the diff by hand). */
#include "testutil.h"
#include "check/check.h"
#include "out/show.h"

static nb_ctx g_ctx;

static void render(const nb_report *r, FILE *f)
{
    nb_findings fs = {0};
    nb_err e;
    if (nb_check(r, &g_ctx, &fs, &e) != 0)
        fail_msg("%s", e.msg);
    assert_int_equal(nb_write_plain(f, r, &fs, NB_LANG_EN), 0);
    nb_findings_free(&fs);
}

static void check_seed(void **state)
{
    const char *name = *state;
    char txt[256], golden[256];
    snprintf(txt, sizeof txt, "tests/data/%s.txt", name);
    snprintf(golden, sizeof golden, "tests/golden/%s.golden", name);
    nb_report r;
    nb_err err;
    if (nb_report_open(&r, txt, &g_ctx, &err) != 0)
        fail_msg("%s", err.msg);
    char *got = NULL;
    size_t gotn = 0;
    FILE *m = open_memstream(&got, &gotn);
    render(&r, m);
    fclose(m);
    nb_report_free(&r);
    if (getenv("NIANBAO_GOLDEN_WRITE")) {
        FILE *g = fopen(golden, "w");
        assert_non_null(g);
        fputs(got, g);
        fclose(g);
    }
    char *want = tu_read(golden, NULL);
    if (!want) {
        free(got);
        fail_msg("%s: missing golden file", golden);
    }
    if (strcmp(got, want) != 0) {
        /* show the first differing line */
        const char *a = got, *b = want;
        int line = 1;
        while (*a && *a == *b) {
            if (*a == '\n')
                line++;
            a++;
            b++;
        }
        while (a > got && a[-1] != '\n')
            a--;
        while (b > want && b[-1] != '\n')
            b--;
        print_error("%s:%d: got  %.*s\n", golden, line, (int)strcspn(a, "\n"), a);
        print_error("%s:%d: want %.*s\n", golden, line, (int)strcspn(b, "\n"), b);
        free(got);
        free(want);
        fail_msg("%s differs from its golden file", txt);
    }
    free(got);
    free(want);
}

int main(void)
{
    static const char *seeds[] = {"seed000", "seed001", "seed002", "seed003", "seed004"};
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(check_seed, (void *)seeds[0]),
        cmocka_unit_test_prestate(check_seed, (void *)seeds[1]),
        cmocka_unit_test_prestate(check_seed, (void *)seeds[2]),
        cmocka_unit_test_prestate(check_seed, (void *)seeds[3]),
        cmocka_unit_test_prestate(check_seed, (void *)seeds[4]),
    };
    return TU_RUN("seeds", tests, &g_ctx, NULL, NULL);
}
