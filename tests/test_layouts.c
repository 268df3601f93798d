/* test_layouts.c — the same report in another layout gives the same cells:
 * each tab-separated table line of a seed is rewritten as a Markdown pipe
 * row, as space-aligned columns, with its cells run together, one cell a
 * line, or separated by commas (ASCII or full-width: a CSV pasted as text),
 * or by bars with no border (a | b |: the last field empty), or one cell
 * a line double spaced and centred as a browser's dump of a web
 * page has it (lynx -dump: a blank line after every cell, its empty cells
 * left out, its long cells wrapped onto a second line); the values must not
 * change (split cells may become inferred), and a clean report with commas
 * for tabs stays clean. */
#include "testutil.h"
#include "check/check.h"
#include "check/rules.h"
#include "extract/internal.h"

static nb_ctx g_ctx;

enum { TO_PIPE, TO_SPACES, TO_RUN, TO_LINES, TO_COMMA, TO_FULL_COMMA, TO_BARS, TO_FULL_BARS, TO_DOUBLE, TO_DOUBLE_WRAPPED };

/* The separator each tab becomes in the layouts that keep every field. */
static const char *field_sep(int how)
{
    return how == TO_COMMA ? "," : how == TO_FULL_COMMA ? "\xef\xbc\x8c" : how == TO_BARS ? " | " : "\xef\xbd\x9c";
}

/* A cell c[0, cl) as a browser's dump writes it: on its own line, centred
 * in a column (k: the cell's number, for its room), a blank line after it;
 * wrapped: a cell of more than eighteen bytes on two lines, cut after its
 * first six characters of three bytes. */
static char *dumped_cell(char *o, const char *c, size_t cl, int k, int wrapped)
{
    int pad = 6 + (k * 7) % 30;
    size_t cut = wrapped && cl > 18 && ((unsigned char)c[0] & 0xF0) == 0xE0 ? 18 : cl;
    o += sprintf(o, "%*s", pad, "");
    memcpy(o, c, cut);
    o += cut;
    if (cut < cl) {
        o += sprintf(o, "\n%*s", pad + 2, "");
        memcpy(o, c + cut, cl - cut);
        o += cl - cut;
    }
    return o + sprintf(o, "\n\n");
}

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
            int first = 1, k = 0;
            if (how == TO_PIPE)
                *o++ = '|';
            while (c <= end) {
                const char *t = memchr(c, '\t', (size_t)(end - c));
                if (!t)
                    t = end;
                size_t cl = (size_t)(t - c);
                if (how >= TO_COMMA && how <= TO_FULL_BARS) { /* every field kept, empty ones too */
                    if (c != p)
                        o += sprintf(o, "%s", field_sep(how));
                    memcpy(o, c, cl);
                    o += cl;
                } else if (how == TO_PIPE) {
                    *o++ = ' ';
                    memcpy(o, c, cl);
                    o += cl;
                    *o++ = ' ';
                    *o++ = '|';
                } else if ((how == TO_DOUBLE || how == TO_DOUBLE_WRAPPED) && cl) {
                    o = dumped_cell(o, c, cl, k++, how == TO_DOUBLE_WRAPPED);
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

/* Bars between the fields and none around the row: a line that ends in a
 * bar ends in an empty field (seed002's 规章 | 0 | 0 | : 现行有效件数
 * blank), not in a border, which comes with one at the line's start. */
static void test_bars(void **s)
{
    (void)s;
    for (int how = TO_BARS; how <= TO_FULL_BARS; how++) {
        same_values("seed001", how);
        same_values("seed002", how);
        same_values("seed003", how);
    }
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

static void test_double_spaced(void **s)
{
    (void)s;
    for (int how = TO_DOUBLE; how <= TO_DOUBLE_WRAPPED; how++) {
        same_values("seed001", how);
        same_values("seed003", how);
        same_values("clean", how);
    }
}

static void test_commas(void **s)
{
    (void)s;
    same_values("seed001", TO_COMMA);
    same_values("seed003", TO_COMMA);
    same_values("clean", TO_COMMA);
    same_values("seed001", TO_FULL_COMMA);
    same_values("clean", TO_FULL_COMMA);
}

/* The clean report with commas for its tabs: no finding (its header 结果
 * 维持 and its row （六）其他处理 read as cells, not as one label). */
static void test_commas_clean(void **s)
{
    (void)s;
    char *src = tu_read("tests/data/clean.txt", NULL);
    assert_non_null(src);
    for (int how = TO_COMMA; how <= TO_FULL_COMMA; how++) {
        char *alt = rewrite(src, how);
        nb_report r;
        tu_report_str(&r, &g_ctx, alt);
        nb_findings f = {0};
        nb_err e;
        assert_int_equal(nb_check(&r, &g_ctx, &f, &e), 0);
        for (size_t i = 0; i < f.n; i++)
            print_error("layout %d: %s\n", how, nb_rule_get(f.v[i].rule)->id);
        assert_int_equal(f.n, 0);
        nb_findings_free(&f);
        nb_report_free(&r);
        free(alt);
    }
    free(src);
}

/* The commas that separate a row's cells: not a number's thousands, not one
 * in brackets, none in a sentence. */
static void test_comma_separators(void **s)
{
    (void)s;
    static const struct {
        const char *line;
        int seps;
    } cases[] = {
        {"(一) 自然人,1,234,0", 3},            /* values separated by commas: every comma */
        {"(一) 自然人,100,200,0", 3},
        {"(一) 自然人   1,234   2,345,678   0", 0}, /* commas between digits: thousands */
        {"1,234,0", 1},                         /* 1,234 then 0: 0 is not a group of three */
        {"（二）部分公开（区分处理的，只计这一情形，不计其他情形），3，0", 2},
        {"本机关共收到申请12件，办结11件，结转1件。", 0},
        {"结果 维持,结果 纠正,其他 结果", 2},
        {"no commas here", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].line;
        int n = ex_comma_seps(t, 0, strlen(t));
        if (n != cases[i].seps)
            fail_msg("%s: %d separators, expected %d", t, n, cases[i].seps);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipes),
        cmocka_unit_test(test_bars),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_run_together),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_double_spaced),
        cmocka_unit_test(test_commas),
        cmocka_unit_test(test_commas_clean),
        cmocka_unit_test(test_comma_separators),
    };
    return TU_RUN("layouts", tests, &g_ctx, NULL, NULL);
}
