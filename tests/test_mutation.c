/* test_mutation.c — for each real report, changing any single T3 or T4
 * number by ±1 is caught by at least one rule naming that cell (a finding
 * that was not there before the change). */
#include "testutil.h"
#include "check/rules.h"
#include "check/check.h"

static nb_ctx g_ctx;

static int same_finding(const nb_finding *a, const nb_finding *b)
{
    return a->rule == b->rule && nb_num_cmp(a->lhs, b->lhs) == 0 && nb_num_cmp(a->rhs, b->rhs) == 0 &&
           a->ncells == b->ncells && !memcmp(a->cells, b->cells, sizeof(int) * (size_t)a->ncells);
}

/* Is there a finding naming ci that the baseline did not have? */
static int caught(const nb_findings *base, const nb_findings *now, int ci)
{
    for (size_t i = 0; i < now->n; i++) {
        const nb_finding *f = &now->v[i];
        int names = 0;
        for (int k = 0; k < f->ncells; k++)
            if (f->cells[k] == ci)
                names = 1;
        if (!names)
            continue;
        int old = 0;
        for (size_t j = 0; j < base->n && !old; j++)
            old = same_finding(f, &base->v[j]);
        if (!old)
            return 1;
    }
    return 0;
}

static void mutate_file(void **state)
{
    const char *path = *state;
    nb_report r;
    nb_err e;
    if (nb_report_open(&r, path, &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    nb_findings base = {0};
    assert_int_equal(nb_check(&r, &g_ctx, &base, &e), 0);
    int tried = 0, missed = 0;
    char id[96];
    for (int ci = 0; ci < r.ncells; ci++) {
        nb_cell *c = &r.cells[ci];
        int row, col;
        nb_schema_cell_pos(r.schema, ci, &row, &col);
        int table = r.schema->rows[row].table;
        if ((table != NB_T3 && table != NB_T4) || (c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED))
            continue;
        nb_num keep = c->num;
        for (int d = -1; d <= 1; d += 2) {
            if (keep.v + d < 0)
                continue;
            c->num.v = keep.v + d;
            nb_findings now = {0};
            assert_int_equal(nb_check(&r, &g_ctx, &now, &e), 0);
            tried++;
            if (!caught(&base, &now, ci)) {
                nb_schema_cell_id(r.schema, ci, id, sizeof id);
                print_error("%s: %s %+d was not caught\n", path, id, d);
                missed++;
            }
            nb_findings_free(&now);
        }
        c->num = keep;
    }
    nb_findings_free(&base);
    nb_report_free(&r);
    if (missed)
        fail_msg("%s: %d of %d changes not caught", path, missed, tried);
    assert_true(tried >= 50); /* 002 has its 法人 columns blank: fewest numbers */
}

int main(void)
{
    const char *dir = tu_corpus_dir();
    DIR *d = opendir(dir);
    if (!d) {
        if (getenv("NIANBAO_NO_CORPUS"))
            return 0;
        fprintf(stderr, "test_mutation: the real corpus %s is missing\n", dir);
        return 1;
    }
    static char paths[256][512];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt"))
            snprintf(paths[n++], sizeof paths[0], "%s/%s", dir, de->d_name);
    }
    closedir(d);
    struct CMUnitTest *tests = calloc((size_t)n, sizeof *tests);
    for (int i = 0; i < n; i++) {
        tests[i].name = strrchr(paths[i], '/') + 1;
        tests[i].test_func = mutate_file;
        tests[i].initial_state = paths[i];
    }
    int rc = tu_run("mutation", tests, (size_t)n, &g_ctx, NULL, NULL);
    free(tests);
    return rc;
}
