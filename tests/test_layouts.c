/* test_layouts.c — the same report in another layout gives the same cells:
 * each tab-separated table line of a seed is rewritten as a Markdown pipe
 * row, as space-aligned columns, with its cells run together, or one cell a
 * line; the values must not change (split cells may become inferred). */
#include "testutil.h"

static nb_ctx g_ctx;

enum { TO_PIPE, TO_SPACES, TO_RUN, TO_LINES };

/* Rewrite every line that has a tab; other lines are kept. */
static char *rewrite(const char *in, int how)
{
    size_t n = strlen(in);
    char *out = malloc(n * 4 + 16), *o = out;
    const char *p = in;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (!memchr(p, '\t', len)) {
            memcpy(o, p, len);
            o += len;
        } else {
            /* cells of the line; for spaces and runs, empty ones are dropped */
            const char *c = p, *end = p + len;
            int first = 1;
            if (how == TO_PIPE)
                *o++ = '|';
            while (c <= end) {
                const char *t = memchr(c, '\t', (size_t)(end - c));
                if (!t)
                    t = end;
                size_t cl = (size_t)(t - c);
                if (how == TO_PIPE) {
                    *o++ = ' ';
                    memcpy(o, c, cl);
                    o += cl;
                    *o++ = ' ';
                    *o++ = '|';
                } else if (cl) {
                    if (!first)
                        o += sprintf(o, "%s", how == TO_SPACES ? "   " : how == TO_LINES ? "\n" : "");
                    memcpy(o, c, cl);
                    o += cl;
                    first = 0;
                }
                c = t + 1;
            }
        }
        *o++ = '\n';
        if (!e)
            break;
        p = e + 1;
    }
    *o = '\0';
    return out;
}

static void same_values(const char *seed, int how)
{
    char path[128];
    snprintf(path, sizeof path, "tests/data/%s.txt", seed);
    char *src = tu_read(path, NULL);
    assert_non_null(src);
    char *alt = rewrite(src, how);
    nb_report a, b;
    tu_report_str(&a, &g_ctx, src);
    tu_report_str(&b, &g_ctx, alt);
    char id[96];
    int bad = 0;
    for (int ci = 0; ci < a.ncells; ci++) {
        const nb_cell *x = &a.cells[ci], *y = &b.cells[ci];
        int xn = x->status == NB_ST_NUMBER || x->status == NB_ST_INFERRED;
        int yn = y->status == NB_ST_NUMBER || y->status == NB_ST_INFERRED;
        if (xn != yn || (xn && nb_num_cmp(x->num, y->num) != 0) || (!xn && x->status != y->status)) {
            nb_schema_cell_id(a.schema, ci, id, sizeof id);
            print_error("%s layout %d: %s: %s %lld vs %s %lld\n", seed, how, id, nb_status_name(x->status),
                        x->num.v, nb_status_name(y->status), y->num.v);
            bad++;
        }
    }
    nb_report_free(&a);
    nb_report_free(&b);
    free(alt);
    free(src);
    if (bad)
        fail_msg("%s: %d cells differ in layout %d", seed, bad, how);
}

static void test_pipes(void **s)
{
    (void)s;
    same_values("seed001", TO_PIPE);
    same_values("seed002", TO_PIPE);
    same_values("seed003", TO_PIPE);
}

static void test_spaces(void **s)
{
    (void)s;
    same_values("seed001", TO_SPACES);
    same_values("seed003", TO_SPACES);
}

static void test_run_together(void **s)
{
    (void)s;
    same_values("seed001", TO_RUN);
    same_values("seed003", TO_RUN);
}

static void test_lines(void **s)
{
    (void)s;
    same_values("seed001", TO_LINES);
    same_values("seed003", TO_LINES);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipes),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_run_together),
        cmocka_unit_test(test_lines),
    };
    return TU_RUN("layouts", tests, &g_ctx, NULL, NULL);
}
