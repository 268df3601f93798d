/* test_theme.c — themes (tui/theme.h): the built-in default is
 * themes/default.theme; other themes start from it; malformed and missing
 * themes are refused with their file and line, leaving the default. */
#include "testutil.h"
#include "theme.h"

static void test_default_is_the_file(void **st)
{
    (void)st;
    nb_theme d, f;
    nb_err err;
    assert_int_equal(nb_theme_default(&d, &err), 0);
    assert_string_equal(d.name, "default");
    assert_int_equal(nb_theme_load(&f, "themes/default.theme", NULL, NB_LANG_EN, &err), 0);
    assert_string_equal(f.name, "default");
    assert_memory_equal(&d, &f, sizeof d);
    const nb_style *sel = &d.role[NB_R_CELL_SELECTED];
    assert_int_equal(sel->fg, 0); /* black on cyan bold */
    assert_int_equal(sel->bg, 6);
    assert_int_equal(sel->attrs, NB_A_BOLD);
    assert_int_equal(d.role[NB_R_ERROR].fg, 9); /* bright-red */
    assert_false(d.mono);
}

static void test_parse_over_default(void **st)
{
    (void)st;
    nb_theme t, d;
    nb_err err;
    nb_theme_default(&d, &err);
    assert_int_equal(nb_theme_parse(&t, "# a comment\nmono\n  error = red on 236 underline  \n", "x.theme", NB_LANG_EN, &err), 0);
    assert_true(t.mono);
    assert_int_equal(t.role[NB_R_ERROR].fg, 1);
    assert_int_equal(t.role[NB_R_ERROR].bg, 236);
    assert_int_equal(t.role[NB_R_ERROR].attrs, NB_A_UNDERLINE);
    assert_memory_equal(&t.role[NB_R_CELL], &d.role[NB_R_CELL], sizeof d.role[0]); /* the rest as the default */
}

static void test_errors(void **st)
{
    (void)st;
    nb_theme t;
    nb_err err;
    assert_int_equal(nb_theme_parse(&t, "text = default\ncell = purple\n", "x.theme", NB_LANG_EN, &err), -1);
    assert_string_equal(err.msg, "x.theme:2: unknown colour or attribute \"purple\"");
    assert_int_equal(err.code, NB_E_FORMAT);
    assert_int_equal(nb_theme_parse(&t, "nope = red\n", "x.theme", NB_LANG_EN, &err), -1);
    assert_string_equal(err.msg, "x.theme:1: unknown role \"nope\"");
    assert_int_equal(nb_theme_parse(&t, "\n\ngarbage here\n", "x.theme", NB_LANG_EN, &err), -1);
    assert_string_equal(err.msg, "x.theme:3: expected \"role = colour\", got \"garbage here\"");
    assert_int_equal(nb_theme_load(&t, "no-such-theme", "/nowhere", NB_LANG_EN, &err), -1);
    assert_int_equal(err.code, NB_E_NOTFOUND);
    assert_non_null(strstr(err.msg, "theme no-such-theme: not found"));
    assert_string_equal(t.name, "default"); /* left with the default */
    assert_int_equal(nb_theme_load(&t, "tests/data/bad.theme", NULL, NB_LANG_EN, &err), -1);
    assert_non_null(strstr(err.msg, "tests/data/bad.theme:"));
    /* under zh, in Chinese */
    assert_int_equal(nb_theme_parse(&t, "text = default\ncell = purple\n", "x.theme", NB_LANG_ZH, &err), -1);
    assert_string_equal(err.msg, "x.theme:2: 未知的颜色或属性“purple”");
    assert_int_equal(nb_theme_parse(&t, "nope = red\n", "x.theme", NB_LANG_ZH, &err), -1);
    assert_string_equal(err.msg, "x.theme:1: 未知的角色“nope”");
    assert_int_equal(nb_theme_load(&t, "no-such-theme", "/nowhere", NB_LANG_ZH, &err), -1);
    assert_non_null(strstr(err.msg, "主题 no-such-theme：未找到"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_is_the_file),
        cmocka_unit_test(test_parse_over_default),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests_name("theme", tests, NULL, NULL);
}
