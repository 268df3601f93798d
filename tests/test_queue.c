/* test_queue.c — the console's queue (tui/queue.h) driven by keys as a
 * terminal would: the order (open errors first, by name, by body and year),
 * the filters, a report opened at its first open finding and left, ] and [
 * across reports, a decision asked about when a report is left unsaved,
 * :e adding a report; the detail view's lines (cells named by row and
 * column, the equation's sides, last year's figures); and what is left in
 * memory checked by ASan in `make asan`. */
#include "testutil.h"

#include "app.h"
#include "check/rules.h"
#include "commands.h"
#include "keymap.h"
#include "names.h"
#include "overlay_detail.h"
#include "queue.h"
#include "select.h"
#include "view.h"

static nb_ctx g_ctx;
static char g_dir[64];

static void copy_to(const char *from, const char *name)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", g_dir, name);
    tu_copy_file(from, path);
}

static int setup(void **s)
{
    (void)s;
    if (tu_tempdir(g_dir, sizeof g_dir, "queue") != 0)
        return -1;
    setenv("XDG_CONFIG_HOME", g_dir, 1); /* no rule settings of the machine's */
    copy_to("tests/data/years/wolong-2024.txt", "wolong-2024.txt");
    copy_to("tests/data/years/wolong-2025.txt", "wolong-2025.txt");
    copy_to("tests/data/seed000.txt", "seed000.txt");
    copy_to("tests/data/seed002.txt", "seed002.txt");
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    return tu_rmtree(g_dir);
}

typedef struct fixture {
    nb_queue q;
    nb_app a;
} fixture;

/* The queue of the test folder, on a console of 100 x 30. */
static void open_queue(fixture *fx)
{
    nb_paths P = {0};
    nb_err err;
    char *dir = g_dir;
    assert_int_equal(nb_walk_collect(&P, &dir, 1, 0, NB_LANG_EN, &(nb_walk_problems){0}, &err), 0);
    assert_int_equal(P.n, 4);
    assert_int_equal(nb_queue_init(&fx->q, &P, 0, &g_ctx, NULL, &err), 0);
    nb_paths_free(&P);
    assert_int_equal(nb_app_init_queue(&fx->a, &g_ctx, &fx->q, NULL, NULL, 100, 30), 0);
}

static void close_queue(fixture *fx)
{
    nb_queue_end(&fx->a);
    nb_app_free(&fx->a);
    nb_queue_free(&fx->q);
}

static void keys(nb_app *a, const char *names)
{
    char name[32];
    while (*names) {
        size_t n = strcspn(names, " ");
        snprintf(name, sizeof name, "%.*s", (int)n, names);
        nb_app_key(a, nb_key_from_name(name));
        names += n + strspn(names + n, " ");
    }
}

/* The name of the report shown on line k. */
static const char *line_name(const fixture *fx, int k)
{
    return nb_queue_name(&fx->q, fx->q.order[k]);
}

static const char *open_name(const fixture *fx)
{
    return fx->q.open >= 0 ? nb_queue_name(&fx->q, fx->q.open) : "";
}

static void test_order(void **s)
{
    (void)s;
    fixture fx;
    open_queue(&fx);
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_QUEUE);
    assert_int_equal(fx.q.norder, 4);
    /* most open errors first: seed000 6, wolong-2025 3 (and a warning), then none */
    assert_string_equal(line_name(&fx, 0), "seed000.txt");
    assert_string_equal(line_name(&fx, 1), "wolong-2025.txt");
    assert_string_equal(line_name(&fx, 2), "seed002.txt"); /* 3 open warnings */
    assert_string_equal(line_name(&fx, 3), "wolong-2024.txt");
    keys(&fx.a, "s");
    assert_string_equal(line_name(&fx, 0), "seed000.txt"); /* by name */
    assert_string_equal(line_name(&fx, 3), "wolong-2025.txt");
    keys(&fx.a, "s");
    /* by body (卧龙区… before 原平市… before 文水县…, as UTF-8 sorts), then year */
    assert_string_equal(line_name(&fx, 0), "wolong-2024.txt");
    assert_string_equal(line_name(&fx, 1), "wolong-2025.txt");
    assert_string_equal(line_name(&fx, 2), "seed002.txt");
    assert_string_equal(line_name(&fx, 3), "seed000.txt");
    keys(&fx.a, "s f");
    assert_int_equal(fx.q.norder, 2); /* open errors only */
    keys(&fx.a, "f / w o l o n g Enter");
    assert_string_equal(fx.q.filter, "wolong");
    assert_int_equal(fx.q.norder, 2);
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_QUEUE);
    keys(&fx.a, "/ Esc");
    assert_int_equal(fx.q.norder, 4); /* Esc clears the filter */
    keys(&fx.a, "/ 卧 龙 Enter"); /* by body */
    assert_int_equal(fx.q.norder, 2);
    close_queue(&fx);
}

/* The index of the first finding of rule id in the open report, -1 none:
 * the tests step to findings by rule, not by a count that new rules change. */
static int finding_of(const nb_app *a, const char *id)
{
    for (size_t k = 0; k < a->s.fs.n; k++)
        if (!strcmp(nb_rules(&(int){0})[a->s.fs.v[k].rule].id, id))
            return (int)k;
    return -1;
}

static void test_open_and_step(void **s)
{
    (void)s;
    fixture fx;
    open_queue(&fx);
    keys(&fx.a, "Enter");
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_NORMAL);
    assert_string_equal(open_name(&fx), "seed000.txt");
    assert_int_equal(fx.a.finding, 0); /* at its first open finding */
    int last = (int)fx.a.s.fs.n - 1;
    keys(&fx.a, "c");                  /* a decision, then to the last finding */
    for (int k = 0; k < last; k++)
        keys(&fx.a, "]");
    assert_int_equal(fx.a.finding, last);
    keys(&fx.a, "]");                  /* unsaved: asks first */
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_ASK_QUIT);
    assert_string_equal(open_name(&fx), "seed000.txt");
    keys(&fx.a, "x"); /* cancelled: stays */
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_NORMAL);
    assert_int_equal(fx.a.finding, last);
    keys(&fx.a, "] y"); /* saved, on to the next report with open findings */
    assert_string_equal(open_name(&fx), "wolong-2025.txt");
    assert_int_equal(fx.a.finding, 0);
    assert_non_null(strstr(fx.a.msg, "next report 2/4: wolong-2025.txt"));
    /* the figures of the report left came from its session */
    const nb_survey_item *it = &fx.q.sv.v[fx.q.order[0]];
    assert_int_equal(it->review, NB_REVIEW_IN_PROGRESS);
    assert_int_equal(it->open[NB_SEV_ERROR], 5);
    keys(&fx.a, "[");                  /* back, at its last finding */
    assert_string_equal(open_name(&fx), "seed000.txt");
    assert_int_equal(fx.a.finding, last);
    keys(&fx.a, "Esc");
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_QUEUE);
    assert_int_equal(fx.q.open, -1);
    assert_null(fx.a.r);
    keys(&fx.a, "q");
    assert_true(fx.a.quit);
    close_queue(&fx);
}

static void test_commands(void **s)
{
    (void)s;
    fixture fx;
    open_queue(&fx);
    assert_int_equal(nb_app_command(&fx.a, "goto t3.new.total"), -1); /* no report open */
    assert_non_null(strstr(fx.a.msg, "no report open"));
    assert_int_equal(nb_app_command(&fx.a, "next"), 0); /* from the selected line */
    assert_string_equal(open_name(&fx), "wolong-2025.txt");
    assert_int_equal(nb_app_command(&fx.a, "prev"), 0);
    assert_string_equal(open_name(&fx), "seed000.txt");
    assert_int_equal(nb_app_command(&fx.a, "e wolong-2024.txt"), 0);
    assert_string_equal(open_name(&fx), "wolong-2024.txt");
    assert_int_equal(nb_app_command(&fx.a, "e tests/data/sumerror.txt"), 0); /* not in the queue: added */
    assert_int_equal(fx.q.sv.n, 5);
    assert_string_equal(fx.q.sv.paths.v[fx.q.open], "tests/data/sumerror.txt");
    assert_int_equal(nb_app_command(&fx.a, "e /nonexistent/x.txt"), -1);
    assert_non_null(strstr(fx.a.msg, "/nonexistent/x.txt"));
    assert_int_equal(fx.q.sv.n, 5); /* not added */
    assert_string_equal(open_name(&fx), "tests/data/sumerror.txt");
    assert_int_equal(nb_app_command(&fx.a, "q"), 0);
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_QUEUE);
    assert_false(fx.a.quit);
    close_queue(&fx);
}

static void test_cell_labels(void **s)
{
    (void)s;
    const nb_schema *sc = nb_schema_for(2021);
    static const char *const want[][2] = {
        {"t3.total.natural", "三、本年度办理结果（七）总计 · 自然人"},
        {"t3.new.total", "一、本年新收政府信息公开申请数量 · 总计"},
        {"t3.deny.secret.commercial", "三、本年度办理结果（三）不予公开1.属于国家秘密 · 商业企业"},
        {"t3.other.no_fee.other", "三、本年度办理结果（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 其他"},
        {"t4.suit_after.pending", "行政诉讼 复议后起诉 · 尚未审结"},
        {"t2.normative.in_force", "行政规范性文件 · 现行有效件数"},
    };
    char out[512];
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        nb_cell_fullname(sc, nb_schema_find_cell(sc, want[k][0]), out, sizeof out);
        assert_string_equal(out, want[k][1]);
    }
    nb_cell_fullname(nb_schema_for(2019), nb_schema_find_cell(nb_schema_for(2019), "t3.other.legal"), out, sizeof out);
    assert_string_equal(out, "三、本年度办理结果（六）其他处理 · 法律服务机构");
}

/* Whether some line of the detail holds text. */
static int detail_has(const nb_dlines *d, const char *text)
{
    for (int i = 0; i < d->n; i++)
        if (strstr(d->v[i].text, text))
            return 1;
    return 0;
}

static void test_detail(void **s)
{
    (void)s;
    fixture fx;
    open_queue(&fx);
    keys(&fx.a, "j Enter"); /* wolong-2025: IN_FORCE, BALANCE, ROW_TOTAL, CARRY among others */
    int bal = finding_of(&fx.a, "T3.BALANCE"), carry = finding_of(&fx.a, "YEAR.CARRY");
    int in_force = finding_of(&fx.a, "YEAR.IN_FORCE");
    assert_true(bal > 0 && carry >= 0 && in_force >= 0);
    nb_dlines d = {.v = calloc(400, sizeof(nb_dline)), .max = 400, .width = 98};
    nb_detail_lines(&fx.a, bal, &d);
    char head[96];
    snprintf(head, sizeof head, " T3.BALANCE · error · finding %d/%zu · line 52", bal + 1, fx.a.s.fs.n);
    assert_true(detail_has(&d, head));
    assert_true(detail_has(&d, "      一、本年新收政府信息公开申请数量 · 自然人 = 0"));
    assert_true(detail_has(&d, "    + 二、上年结转政府信息公开申请数量 · 自然人 = 2"));
    assert_true(detail_has(&d, "      三、本年度办理结果（七）总计 · 自然人 = 0"));
    assert_true(detail_has(&d, "  they differ by 2"));
    assert_true(detail_has(&d, "    │ 二、上年结转政府信息公开申请数量  2 0 0 0 0 0 0"));
    nb_detail_lines(&fx.a, carry, &d); /* YEAR.CARRY: last year beside this year */
    assert_true(detail_has(&d, "      四、结转下年度继续办理 · 自然人, 2024 = 0"));
    assert_true(detail_has(&d, "Last year beside this year (the 2024 report: wolong-2024.txt)"));
    assert_true(detail_has(&d, "  carried in, 2025          2       0"));
    assert_true(detail_has(&d, "  carried out, 2024         0       0"));
    nb_detail_lines(&fx.a, in_force, &d); /* YEAR.IN_FORCE: last year's in force, plus issued, minus repealed */
    assert_true(detail_has(&d, "      行政规范性文件 · 现行有效件数, 2024 = 0"));
    assert_true(detail_has(&d, "    − 行政规范性文件 · 本年废止件数 = 0"));
    assert_true(detail_has(&d, "    = 3"));
    fx.a.lang = NB_LANG_ZH; /* in Chinese the message names the cells, no IDs */
    d.width = 200;
    nb_detail_lines(&fx.a, bal, &d);
    assert_true(detail_has(&d, "最可能有误的是 二、上年结转政府信息公开申请数量 · 自然人"));
    assert_false(detail_has(&d, "最可能有误的是 t3"));
    assert_true(detail_has(&d, "  两边相差 2"));
    fx.a.lang = NB_LANG_EN;
    d.width = 98;
    /* K, then c decides from the detail; its history says so */
    nb_go_finding(&fx.a, bal - 1);
    keys(&fx.a, "] K");
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_DETAIL);
    keys(&fx.a, "c");
    nb_detail_lines(&fx.a, bal, &d);
    assert_true(detail_has(&d, "confirmed"));
    keys(&fx.a, "j Enter"); /* from the suspect (carried in) to the next cell of the equation */
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_NORMAL);
    assert_int_equal(fx.a.focus, 1);
    char id[96];
    nb_schema_cell_id(fx.a.r->schema, nb_grid_cell(&fx.a, fx.a.gsel, fx.a.gcol), id, sizeof id);
    assert_string_equal(id, "t3.total.natural");
    free(d.v);
    keys(&fx.a, "Esc n"); /* left without saving */
    assert_int_equal(nb_app_mode(&fx.a), NB_MODE_QUEUE);
    close_queue(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_and_step, setup, teardown),
        cmocka_unit_test_setup_teardown(test_commands, setup, teardown),
        cmocka_unit_test(test_cell_labels),
        cmocka_unit_test_setup_teardown(test_detail, setup, teardown),
    };
    return TU_RUN("queue", tests, &g_ctx, NULL, NULL);
}
