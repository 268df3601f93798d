/* test_seeds.c — golden tests of the five seed reports: every cell (value,
 * status, line), the missing rows, the deviating labels and the metadata,
 * against tests/golden/seedNNN.golden, which were checked by hand against the
 * reports. NIANBAO_GOLDEN_WRITE=1 rewrites them (then check the diff by hand). */
#include "testutil.h"
#include "check/check.h"
#include "check/messages.h"

static nb_ctx g_ctx;

static void render(const nb_report *r, FILE *f)
{
    fprintf(f, "format %d\nyear %d\nagency %s\n", r->format, r->year, r->agency);
    if (r->signed_on.y)
        fprintf(f, "signed %04d-%02d-%02d\n", r->signed_on.y, r->signed_on.m, r->signed_on.d);
    else
        fprintf(f, "signed none\n");
    for (int s = 0; s < NB_NSEC; s++)
        fprintf(f, "section %d %s\n", s + 1,
                r->sec[s].present ? "present" : "missing");
    char id[96], v[64];
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        nb_schema_cell_id(r->schema, ci, id, sizeof id);
        if (c->status == NB_ST_MISSING) {
            fprintf(f, "missing %s\n", id);
            continue;
        }
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
            nb_num_format(c->num, v, sizeof v);
        else
            snprintf(v, sizeof v, "null");
        fprintf(f, "cell %s %s %s line %zu\n", id, v, nb_status_name(c->status), nb_doc_locate(&r->doc, c->off).line);
    }
    for (int i = 0; i < r->nlabels; i++)
        fprintf(f, "label %s found \"%s\" standard \"%s\" line %zu\n", r->labels[i].id, r->labels[i].found,
                r->labels[i].standard, nb_doc_locate(&r->doc, r->labels[i].off).line);
    nb_findings fs = {0};
    nb_err e;
    if (nb_check(r, &g_ctx, &fs, &e) != 0)
        fail_msg("%s", e.msg);
    int n;
    const nb_rule *rules = nb_rules(&n);
    for (size_t i = 0; i < fs.n; i++) {
        const nb_finding *x = &fs.v[i];
        fprintf(f, "finding %s %s", rules[x->rule].id, nb_severity_name(x->severity));
        if (x->has_off)
            fprintf(f, " line %zu", nb_doc_locate(&r->doc, x->off).line);
        if (x->suspect >= 0) {
            nb_schema_cell_id(r->schema, x->suspect, id, sizeof id);
            fprintf(f, " suspect %s", id);
        }
        fprintf(f, " cells");
        for (int k = 0; k < x->ncells; k++) {
            nb_schema_cell_id(r->schema, x->cells[k], id, sizeof id);
            fprintf(f, " %s", id);
        }
        char msg[2048];
        nb_finding_message(r, x, NB_LANG_EN, msg, sizeof msg);
        fprintf(f, "\n  %s\n", msg);
    }
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
    nb_err err;
    if (nb_ctx_init(&g_ctx, NB_LANG_EN, &err) != 0)
        return 1;
    int rc = cmocka_run_group_tests_name("seeds", tests, NULL, NULL);
    nb_ctx_free(&g_ctx);
    return rc;
}
