/* tu_session.h — the fixture of the tests of review sessions: a copy of
 * seed002 (t2.regulation.in_force and t2.normative.in_force blank) in a
 * folder of the test's own, sessions opened, closed and reopened on it,
 * findings and cells looked up, files looked into. */
#ifndef NB_TU_SESSION_H
#define NB_TU_SESSION_H

#include "testutil.h"
#include "review/session.h"

#include <unistd.h>

static nb_ctx g_ctx;
static char g_dir[512];
static int g_run; /* each test gets its own copy of the report */

typedef struct fixture {
    char report[600], review[640], journal[660], lock[660];
    nb_report r;
} fixture;

static inline int exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* seed002: t2.regulation.in_force and t2.normative.in_force are blank. */
static inline void fixture_open(fixture *fx)
{
    snprintf(fx->report, sizeof fx->report, "%s/r%d.txt", g_dir, ++g_run);
    snprintf(fx->review, sizeof fx->review, "%s.review", fx->report);
    snprintf(fx->journal, sizeof fx->journal, "%s.journal", fx->review);
    snprintf(fx->lock, sizeof fx->lock, "%s.lock", fx->review);
    tu_copy_file("tests/data/seed002.txt", fx->report);
    nb_err err;
    if (nb_report_open(&fx->r, fx->report, &g_ctx, &err) != 0)
        fail_msg("%s", err.msg);
}

static inline void session_open(nb_session *s, fixture *fx, int want_rc)
{
    nb_err err;
    assert_int_equal(nb_session_init(s, &g_ctx, &fx->r, &err), 0);
    int rc = nb_session_open(s, NULL, &err);
    if (rc != want_rc)
        fail_msg("nb_session_open: %d (%s)", rc, rc ? err.msg : "");
}

/* The finding of rule on cell id (the first cell it names), or -1. */
static inline int finding_on(const nb_session *s, const char *rule, const char *id)
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    int ci = nb_schema_find_cell(s->r->schema, id);
    for (size_t k = 0; k < s->fs.n; k++)
        if (!strcmp(rules[s->fs.v[k].rule].id, rule) && s->fs.v[k].ncells && s->fs.v[k].cells[0] == ci)
            return (int)k;
    return -1;
}

static inline void session_close(nb_session *s, fixture *fx)
{
    nb_session_free(s);
    nb_report_free(&fx->r);
}

/* The session ended; the report opened again in a new session. */
static inline void session_reopen(nb_session *s, fixture *fx)
{
    session_close(s, fx);
    nb_err err;
    if (nb_report_open(&fx->r, fx->report, &g_ctx, &err) != 0)
        fail_msg("%s", err.msg);
    session_open(s, fx, 0);
}

/* The report read again (after session_close) and a session opened on it. */
static inline void session_open_again(nb_session *s, fixture *fx)
{
    nb_err err;
    if (nb_report_open(&fx->r, fx->report, &g_ctx, &err) != 0)
        fail_msg("%s", err.msg);
    session_open(s, fx, 0);
}

static inline int cell_of(const nb_session *s, const char *id)
{
    int ci = nb_schema_find_cell(s->r->schema, id);
    assert_true(ci >= 0);
    return ci;
}

/* A copy of the report in a new session. */
static inline void begin(fixture *fx, nb_session *s)
{
    fixture_open(fx);
    session_open(s, fx, 0);
}

/* Correct t2.regulation.in_force (blank in the report) to value. */
static inline int correct_blank(nb_session *s, const char *value)
{
    nb_err err;
    int rc = nb_session_correct(s, cell_of(s, "t2.regulation.in_force"), value, &err);
    if (rc != 0)
        print_message("nb_session_correct: %s\n", err.msg);
    return rc;
}

static inline int file_has(const char *path, const char *text)
{
    char *b = tu_read(path, NULL);
    int yes = b && strstr(b, text);
    free(b);
    return yes;
}

/* The group run with a folder of its own and a context, as "tester". */
static inline int tu_session_run(const char *name, const struct CMUnitTest *tests, size_t n, const char *dir_prefix)
{
    setenv("NIANBAO_REVIEWER", "tester", 1);
    nb_err err;
    if (nb_ctx_init(&g_ctx, NB_LANG_EN, &err) != 0 || tu_tmpdir(g_dir, sizeof g_dir, dir_prefix) != 0)
        return 1;
    int rc = _cmocka_run_group_tests(name, tests, n, NULL, NULL);
    nb_ctx_free(&g_ctx);
    tu_rmtree(g_dir);
    return rc;
}

#endif
