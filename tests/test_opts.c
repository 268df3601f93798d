/* test_opts.c — the command line's option table and its one parser: every
 * option of every subcommand parsed (by name, by its short name, with
 * --name=value), an unknown option refused with its name in the message, a
 * missing value and a value to a flag refused, a value not among the choices
 * refused, --format checked against the form the options select, operands
 * after "--", and the help of every option present in English and Chinese. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/rules.h"
#include "opts.h"
#include "out/log.h"
#include "testutil.h"

/* The words of a command line, NULL-terminated. */
#define ARGS(...) ((char *[]){__VA_ARGS__, NULL})

/* Parse the words as the arguments of cmd. */
static int parse(nb_opts *o, nb_cmd cmd, nb_lang L, nb_err *err, char **words)
{
    int argc = 0;
    while (words[argc])
        argc++;
    return nb_opts_parse(o, cmd, argc, words, L, err);
}

/* A value an option takes: its first choice, else "v". */
static void some_value(const nb_option *op, char *out, size_t cap)
{
    size_t n = op->choices ? strcspn(op->choices, "|") : 1;
    snprintf(out, cap, "%.*s", (int)n, op->choices ? op->choices : "v");
}

static void parsed_as(nb_cmd cmd, int id, const char *word, const char *value, int joined)
{
    nb_opts o;
    nb_err err;
    char eq[64]; /* joined: 1 --name=value, 2 -jVALUE */
    snprintf(eq, sizeof eq, "%s%s%s", word, joined == 1 ? "=" : "", value ? value : "");
    char *w = (char *)word, *v = (char *)value;
    int rc = joined ? parse(&o, cmd, NB_LANG_EN, &err, ARGS(eq, "r.txt"))
             : value ? parse(&o, cmd, NB_LANG_EN, &err, ARGS(w, v, "r.txt"))
                     : parse(&o, cmd, NB_LANG_EN, &err, ARGS(w, "r.txt"));
    if (rc != 0)
        fail_msg("%s %s: %s", nb_cmd_name(cmd), word, err.msg);
    assert_true(nb_opts_has(&o, (nb_opt_id)id));
    assert_int_equal(o.given, NB_OPT_BIT(id));
    if (value)
        assert_string_equal(o.val[id], value);
    else
        assert_null(o.val[id]);
    assert_int_equal(o.nfiles, 1);
    assert_string_equal(o.files[0], "r.txt");
    nb_opts_free(&o);
}

static void test_every_option_of_every_subcommand(void **s)
{
    (void)s;
    const nb_option *opt = nb_options();
    int seen = 0;
    for (int id = 0; id < NB_OPT_COUNT; id++) {
        const nb_option *op = &opt[id];
        assert_non_null(op->name);
        for (int c = NB_CMD_CONSOLE; c < NB_CMD_COUNT; c++) {
            if (!(op->cmds & NB_CMD_BIT(c)))
                continue;
            char v[32];
            some_value(op, v, sizeof v);
            parsed_as((nb_cmd)c, id, op->name, op->arg_en ? v : NULL, 0);
            if (op->alias)
                parsed_as((nb_cmd)c, id, op->alias, op->arg_en ? v : NULL, 0);
            if (op->alias && op->arg_en)
                parsed_as((nb_cmd)c, id, op->alias, v, 2);
            if (op->arg_en)
                parsed_as((nb_cmd)c, id, op->name, v, 1);
            seen++;
        }
    }
    assert_int_equal(seen, 30); /* console 4, check 13, export 13 */
}

static void test_program_options(void **s)
{
    (void)s;
    assert_int_equal(nb_option_lookup("--help", NB_CMD_TOP), NB_OPT_HELP);
    assert_int_equal(nb_option_lookup("-h", NB_CMD_TOP), NB_OPT_HELP);
    assert_int_equal(nb_option_lookup("--version", NB_CMD_TOP), NB_OPT_VERSION);
    assert_int_equal(nb_option_lookup("--help", NB_CMD_CHECK), -1);
    assert_int_equal(nb_option_lookup("--helpme", NB_CMD_TOP), -1);
    assert_int_equal(nb_cmd_lookup("check"), NB_CMD_CHECK);
    assert_int_equal(nb_cmd_lookup("export"), NB_CMD_EXPORT);
    assert_int_equal(nb_cmd_lookup("rules"), NB_CMD_RULES);
    assert_int_equal(nb_cmd_lookup("report.txt"), NB_CMD_CONSOLE);
}

/* The words are refused with msg, the usage after it or not. */
static void refused(nb_cmd cmd, nb_lang L, const char *msg, int usage, char **words)
{
    nb_opts o;
    nb_err err;
    assert_int_equal(parse(&o, cmd, L, &err, words), -1);
    assert_string_equal(err.msg, msg);
    assert_int_equal(o.usage, usage);
    nb_opts_free(&o);
}

static void test_unknown_option(void **s)
{
    (void)s;
    refused(NB_CMD_CHECK, NB_LANG_EN, "nianbao check: unknown option --bogus", 1, ARGS("r.txt", "--bogus"));
    refused(NB_CMD_EXPORT, NB_LANG_EN, "nianbao export: unknown option --bogus=1", 1, ARGS("--bogus=1"));
    refused(NB_CMD_CONSOLE, NB_LANG_EN, "nianbao: unknown option -x", 1, ARGS("-x", "r.txt"));
    refused(NB_CMD_RULES, NB_LANG_EN, "nianbao rules: unknown option --format", 1, ARGS("--format", "json"));
    refused(NB_CMD_CHECK, NB_LANG_ZH, "nianbao check：未知选项 --bogus", 1, ARGS("--bogus"));
    /* an option of another subcommand is unknown here */
    refused(NB_CMD_CHECK, NB_LANG_EN, "nianbao check: unknown option --log", 1, ARGS("--log", "r.txt"));
    refused(NB_CMD_CONSOLE, NB_LANG_EN, "nianbao: unknown option --disable", 1, ARGS("--disable", "X", "r.txt"));
    refused(NB_CMD_CONSOLE, NB_LANG_EN, "nianbao: unknown option --no-review", 1, ARGS("--no-review", "r.txt"));
    refused(NB_CMD_CONSOLE, NB_LANG_EN, "nianbao: unknown option --help", 1, ARGS("r.txt", "--help"));
    /* a value joins a short option that takes one (-j4), never one that takes none, nor a long one */
    refused(NB_CMD_TOP, NB_LANG_EN, "nianbao: unknown option -hx", 1, ARGS("-hx"));
    refused(NB_CMD_CHECK, NB_LANG_EN, "nianbao check: unknown option -x4", 1, ARGS("-x4", "r.txt"));
    refused(NB_CMD_CHECK, NB_LANG_EN, "nianbao check: unknown option --jobs4", 1, ARGS("--jobs4", "r.txt"));
}

static void test_missing_value(void **s)
{
    (void)s;
    refused(NB_CMD_CHECK, NB_LANG_EN, "nianbao check: --format needs a value", 1, ARGS("r.txt", "--format"));
    refused(NB_CMD_EXPORT, NB_LANG_EN, "nianbao export: -o needs a value", 1, ARGS("r.txt", "-o"));
    refused(NB_CMD_CONSOLE, NB_LANG_ZH, "nianbao：--theme 需要一个值", 1, ARGS("r.txt", "--theme"));
    /* every option that takes a value, last on the line */
    const nb_option *opt = nb_options();
    for (int id = 0; id < NB_OPT_COUNT; id++)
        for (int c = NB_CMD_CONSOLE; c < NB_CMD_COUNT && opt[id].arg_en; c++) {
            if (!(opt[id].cmds & NB_CMD_BIT(c)))
                continue;
            nb_opts o;
            nb_err err;
            assert_int_equal(parse(&o, (nb_cmd)c, NB_LANG_EN, &err, ARGS("r.txt", (char *)opt[id].name)), -1);
            assert_non_null(strstr(err.msg, opt[id].name));
            assert_non_null(strstr(err.msg, "needs a value"));
            nb_opts_free(&o);
        }
    /* the next word is the value, whatever it looks like */
    nb_opts o;
    nb_err err;
    assert_int_equal(parse(&o, NB_CMD_EXPORT, NB_LANG_EN, &err, ARGS("-o", "--bom", "r.txt")), 0);
    assert_string_equal(o.val[NB_OPT_OUTPUT], "--bom");
    assert_false(nb_opts_has(&o, NB_OPT_BOM));
    nb_opts_free(&o);
}

static void test_bad_values(void **s)
{
    (void)s;
    refused(NB_CMD_EXPORT, NB_LANG_EN, "nianbao export: --bom takes no value", 1, ARGS("--bom=1", "r.txt"));
    refused(NB_CMD_CHECK, NB_LANG_EN, "nianbao check: --severity takes info, warning or error, not loud", 0,
            ARGS("--severity", "loud", "r.txt"));
    refused(NB_CMD_CHECK, NB_LANG_ZH, "nianbao check：--severity 取 info、warning 或 error，而不是 ", 0,
            ARGS("--severity="));
    /* every choice shown is one the rules take */
    const char *c = nb_options()[NB_OPT_SEVERITY].choices;
    for (int k = 0; k < 3; k++) {
        char v[16];
        size_t n = strcspn(c, "|");
        snprintf(v, sizeof v, "%.*s", (int)n, c);
        assert_int_equal(nb_severity_parse(v), k);
        c += n + (c[n] == '|');
    }
}

/* --format of the form the words select: its index, or the message. */
static void format_is(nb_cmd cmd, int index, const char *name, const char *msg, char **words)
{
    nb_opts o;
    nb_err err;
    const char *got;
    assert_int_equal(parse(&o, cmd, NB_LANG_EN, &err, words), 0);
    assert_int_equal(nb_opts_format(&o, 1, &got, NB_LANG_EN, &err), index);
    assert_string_equal(got, name);
    if (msg)
        assert_string_equal(err.msg, msg);
    nb_opts_free(&o);
}

static void test_formats(void **s)
{
    (void)s;
    format_is(NB_CMD_CHECK, 0, "text", NULL, ARGS("r.txt"));
    format_is(NB_CMD_CHECK, 1, "json", NULL, ARGS("--format", "json", "r.txt"));
    format_is(NB_CMD_CHECK, -1, "xml", "nianbao check: unknown format xml (text or json)", ARGS("--format=xml"));
    format_is(NB_CMD_EXPORT, 0, "json", NULL, ARGS("r.txt"));
    format_is(NB_CMD_EXPORT, 1, "csv", NULL, ARGS("--format", "csv"));
    format_is(NB_CMD_EXPORT, -1, "md", "nianbao export: unknown format md (json or csv)", ARGS("--format", "md"));
    format_is(NB_CMD_EXPORT, NB_LOG_JSON, "json", NULL, ARGS("--log"));
    format_is(NB_CMD_EXPORT, NB_LOG_MD, "markdown", NULL, ARGS("--format", "markdown", "--log"));
    format_is(NB_CMD_EXPORT, -1, "xml", "nianbao export --log: unknown format xml (md, csv or json)",
              ARGS("--log", "--format", "xml"));
    /* check --summary: a table on a terminal, CSV into a pipe, unless --format says */
    nb_opts o;
    nb_err err;
    const char *got;
    assert_int_equal(parse(&o, NB_CMD_CHECK, NB_LANG_EN, &err, ARGS("--summary", "r.txt")), 0);
    assert_int_equal(nb_opts_format(&o, 1, &got, NB_LANG_EN, &err), 0);
    assert_string_equal(got, "text");
    assert_int_equal(nb_opts_format(&o, 0, &got, NB_LANG_EN, &err), 1);
    assert_string_equal(got, "csv");
    nb_opts_free(&o);
    format_is(NB_CMD_CHECK, 2, "json", NULL, ARGS("--summary", "--format", "json"));
    format_is(NB_CMD_CHECK, 0, "text", NULL, ARGS("--format", "text", "--summary"));
    format_is(NB_CMD_CHECK, -1, "csv", "nianbao check: unknown format csv (text or json)", ARGS("--format", "csv"));
    format_is(NB_CMD_CHECK, -1, "md", "nianbao check --summary: unknown format md (text, csv or json)",
              ARGS("--summary", "--format=md"));
    assert_int_equal(parse(&o, NB_CMD_EXPORT, NB_LANG_EN, &err, ARGS("--log", "--corrected", "out.txt", "r.txt")), 0);
    assert_int_equal(nb_opts_form(&o)->required, NB_OPT_BIT(NB_OPT_CORRECTED));
    nb_opts_free(&o);
}

/* Options given more than once are all kept, in order, with the others. */
static void test_repeated_options(void **s)
{
    (void)s;
    nb_opts o;
    nb_err err;
    assert_int_equal(parse(&o, NB_CMD_CHECK, NB_LANG_EN, &err,
                           ARGS("--disable", "TEXT.*", "r.txt", "--no-years", "--enable=TEXT.RATE", "--disable",
                                "DATE.LATE", "--severity-of", "T3.BALANCE=warning")),
                     0);
    assert_int_equal(o.nargs, 5);
    static const nb_opt_id ids[] = {NB_OPT_DISABLE, NB_OPT_NO_YEARS, NB_OPT_ENABLE, NB_OPT_DISABLE,
                                    NB_OPT_SEVERITY_OF};
    static const char *const vals[] = {"TEXT.*", NULL, "TEXT.RATE", "DATE.LATE", "T3.BALANCE=warning"};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(o.args[i].id, ids[i]);
        if (vals[i])
            assert_string_equal(o.args[i].val, vals[i]);
        else
            assert_null(o.args[i].val);
    }
    assert_string_equal(o.val[NB_OPT_DISABLE], "DATE.LATE"); /* the last one */
    assert_int_equal(o.nfiles, 1);
    nb_opts_free(&o);
}

static void test_operands(void **s)
{
    (void)s;
    nb_opts o;
    nb_err err;
    assert_int_equal(parse(&o, NB_CMD_CHECK, NB_LANG_EN, &err, ARGS("a.txt", "-", "--no-years", "--", "--bogus", "b")),
                     0);
    assert_int_equal(o.nfiles, 4);
    assert_string_equal(o.files[0], "a.txt");
    assert_string_equal(o.files[1], "-");
    assert_string_equal(o.files[2], "--bogus");
    assert_string_equal(o.files[3], "b");
    assert_true(nb_opts_has(&o, NB_OPT_NO_YEARS));
    nb_opts_free(&o);
    /* the environment gives what the command line does not */
    setenv("NIANBAO_THEME", "mono", 1);
    assert_int_equal(parse(&o, NB_CMD_CONSOLE, NB_LANG_EN, &err, ARGS("r.txt")), 0);
    assert_string_equal(nb_opts_value(&o, NB_OPT_THEME), "mono");
    nb_opts_free(&o);
    assert_int_equal(parse(&o, NB_CMD_CONSOLE, NB_LANG_EN, &err, ARGS("--theme=light", "r.txt")), 0);
    assert_string_equal(nb_opts_value(&o, NB_OPT_THEME), "light");
    nb_opts_free(&o);
    unsetenv("NIANBAO_THEME");
}

/* s without white space, so that text wrapped over lines still matches. */
static void squeeze(char *s)
{
    char *d = s;
    for (; *s; s++)
        if (*s != ' ' && *s != '\n')
            *d++ = *s;
    *d = '\0';
}

static void help_has_every_option(nb_lang L)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    nb_help(f, L);
    fclose(f);
    assert_non_null(strstr(buf, L == NB_LANG_ZH ? "用法：" : "usage:"));
    squeeze(buf);
    for (int id = 0; id < NB_OPT_COUNT; id++) {
        const nb_option *op = &nb_options()[id];
        const char *text = L == NB_LANG_ZH ? op->zh : op->en;
        assert_non_null(text);
        assert_true(text[0] != '\0');
        if (op->arg_en)
            assert_true(op->arg_zh && op->arg_zh[0]);
        char want[1024];
        nb_option_help((nb_opt_id)id, NB_CMD_TOP, L, want, sizeof want);
        squeeze(want);
        if (!strstr(buf, want))
            fail_msg("the help (%s) lacks %s: %s", L == NB_LANG_ZH ? "zh" : "en", op->name, want);
        assert_non_null(strstr(buf, op->name));
    }
    int nf;
    const nb_form *fm = nb_forms(&nf);
    for (int k = 0; k < nf; k++) {
        const char *what = L == NB_LANG_ZH ? fm[k].zh : fm[k].en;
        if (what) {
            char w[256];
            snprintf(w, sizeof w, "%s", what);
            squeeze(w);
            assert_non_null(strstr(buf, w));
        }
    }
    free(buf);
}

static void test_help_in_both_languages(void **s)
{
    (void)s;
    help_has_every_option(NB_LANG_EN);
    help_has_every_option(NB_LANG_ZH);
    for (int id = 0; id < NB_OPT_COUNT; id++) {
        const nb_option *op = &nb_options()[id];
        assert_string_not_equal(op->en, op->zh);
        int cjk = 0;
        for (const char *c = op->zh; *c; c++)
            cjk |= (unsigned char)*c >= 0x80;
        assert_true(cjk);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_option_of_every_subcommand),
        cmocka_unit_test(test_program_options),
        cmocka_unit_test(test_unknown_option),
        cmocka_unit_test(test_missing_value),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_repeated_options),
        cmocka_unit_test(test_operands),
        cmocka_unit_test(test_help_in_both_languages),
    };
    return TU_RUN("opts", tests, NULL, NULL, NULL);
}
