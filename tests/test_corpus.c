/* test_corpus.c — every cell of every *.expected.json in the real corpus
 * (../shared/corpus/real, or $NIANBAO_CORPUS) comes out with its expected
 * value; null means a blank cell. New reports added to the corpus are tested
 * without touching this file. */
#include "testutil.h"
#include "check/rules.h"
#include "check/check.h"
#include "check/messages.h"

#include <math.h>

typedef struct corpus_case {
    char txt[512];
    char json[512];
} corpus_case;

static nb_ctx g_ctx;

static void check_file(void **state)
{
    const corpus_case *cc = *state;
    size_t n;
    char *json = tu_read(cc->json, &n);
    assert_non_null(json);
    tu_expect *ex = calloc(400, sizeof *ex);
    int ne = tu_read_expected(json, ex, 400);
    free(json);
    if (ne <= 0)
        fail_msg("%s: cannot read the expected cells", cc->json);
    nb_report r;
    nb_err err;
    if (nb_report_open(&r, cc->txt, &g_ctx, &err) != 0)
        fail_msg("%s", err.msg);
    int bad = 0;
    for (int i = 0; i < ne; i++) {
        const nb_cell *c = nb_report_cell(&r, ex[i].id);
        if (!c) {
            print_error("%s: %s is not a cell ID of the %d format\n", cc->txt, ex[i].id, r.format);
            bad++;
            continue;
        }
        if (ex[i].is_null) {
            if (c->status != NB_ST_BLANK) {
                print_error("%s: %s: expected a blank cell, got %s\n", cc->txt, ex[i].id, nb_status_name(c->status));
                bad++;
            }
        } else if ((c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED) ||
                   fabs(tu_cell_value(c) - ex[i].value) > 1e-9) {
            print_error("%s: %s: expected %g, got %g (%s)\n", cc->txt, ex[i].id, ex[i].value, tu_cell_value(c),
                        nb_status_name(c->status));
            bad++;
        }
    }
    nb_report_free(&r);
    free(ex);
    if (bad)
        fail_msg("%s: %d of %d cells differ", cc->txt, bad, ne);
}

/* Reports whose errors are in the report itself, and what must be found. */
static const struct {
    const char *file;       /* basename */
    const char *cells[4];   /* each named by an error finding */
    const char *blank;      /* a CELL.BLANK that must be found */
} dirty[] = {
    /* 四、结转 总计 left blank: the row and the column's balance break */
    {"003_shanghai_kewei_2024.txt", {"t3.carried_out.total", NULL}, "t3.carried_out.total"},
};

/* No false error on a clean report; the known errors of the others found. */
static void check_findings(void **state)
{
    const corpus_case *cc = *state;
    nb_report r;
    nb_err err;
    if (nb_report_open(&r, cc->txt, &g_ctx, &err) != 0)
        fail_msg("%s", err.msg);
    nb_findings fs = {0};
    assert_int_equal(nb_check(&r, &g_ctx, &fs, &err), 0);
    const char *base = strrchr(cc->txt, '/') ? strrchr(cc->txt, '/') + 1 : cc->txt;
    int d = -1;
    for (size_t k = 0; k < sizeof dirty / sizeof dirty[0]; k++)
        if (!strcmp(dirty[k].file, base))
            d = (int)k;
    int n;
    const nb_rule *rules = nb_rules(&n);
    char msg[2048];
    int bad = 0;
    for (size_t i = 0; i < fs.n; i++)
        if (fs.v[i].severity == NB_SEV_ERROR && d < 0) {
            nb_finding_message(&r, &fs.v[i], NB_LANG_EN, msg, sizeof msg);
            print_error("%s: unexpected error %s: %s\n", base, rules[fs.v[i].rule].id, msg);
            bad++;
        }
    if (d >= 0) {
        for (int k = 0; k < 4 && dirty[d].cells[k]; k++) {
            int ci = nb_schema_find_cell(r.schema, dirty[d].cells[k]), found = 0;
            for (size_t i = 0; i < fs.n; i++)
                for (int j = 0; j < fs.v[i].ncells; j++)
                    if (fs.v[i].severity == NB_SEV_ERROR && fs.v[i].cells[j] == ci)
                        found = 1;
            if (!found) {
                print_error("%s: no error names %s\n", base, dirty[d].cells[k]);
                bad++;
            }
        }
        int ci = nb_schema_find_cell(r.schema, dirty[d].blank), found = 0;
        for (size_t i = 0; i < fs.n; i++)
            if (fs.v[i].rule == nb_rule_index("CELL.BLANK") && fs.v[i].suspect == ci)
                found = 1;
        if (!found) {
            print_error("%s: the blank %s is not reported\n", base, dirty[d].blank);
            bad++;
        }
    }
    nb_findings_free(&fs);
    nb_report_free(&r);
    if (bad)
        fail_msg("%s: %d findings wrong", base, bad);
}

static int cmp_case(const void *a, const void *b)
{
    return strcmp(((const corpus_case *)a)->txt, ((const corpus_case *)b)->txt);
}

int main(void)
{
    const char *dir = tu_corpus_dir();
    DIR *d = opendir(dir);
    if (!d) {
        if (getenv("NIANBAO_NO_CORPUS")) {
            printf("corpus %s not present; skipped (NIANBAO_NO_CORPUS set)\n", dir);
            return 0;
        }
        fprintf(stderr, "test_corpus: the real corpus %s is missing (set NIANBAO_CORPUS, or NIANBAO_NO_CORPUS=1 to skip)\n", dir);
        return 1;
    }
    corpus_case *cases = calloc(1024, sizeof *cases);
    int nc = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nc < 1024) {
        size_t l = strlen(e->d_name);
        const char *suf = ".expected.json";
        size_t sl = strlen(suf);
        if (l <= sl || strcmp(e->d_name + l - sl, suf))
            continue;
        snprintf(cases[nc].json, sizeof cases[nc].json, "%s/%s", dir, e->d_name);
        snprintf(cases[nc].txt, sizeof cases[nc].txt, "%s/%.*s.txt", dir, (int)(l - sl), e->d_name);
        nc++;
    }
    closedir(d);
    qsort(cases, (size_t)nc, sizeof *cases, cmp_case);
    if (nc == 0) {
        fprintf(stderr, "test_corpus: no *.expected.json in %s\n", dir);
        return 1;
    }
    struct CMUnitTest *tests = calloc((size_t)nc * 2, sizeof *tests);
    static char names[2048][160];
    for (int i = 0; i < nc; i++) {
        const char *b = strrchr(cases[i].txt, '/') ? strrchr(cases[i].txt, '/') + 1 : cases[i].txt;
        tests[2 * i].name = b;
        tests[2 * i].test_func = check_file;
        tests[2 * i].initial_state = &cases[i];
        snprintf(names[i], sizeof names[i], "%s findings", b);
        tests[2 * i + 1].name = names[i];
        tests[2 * i + 1].test_func = check_findings;
        tests[2 * i + 1].initial_state = &cases[i];
    }
    int rc = tu_run("corpus", tests, (size_t)nc * 2, &g_ctx, NULL, NULL);
    free(tests);
    free(cases);
    return rc;
}
