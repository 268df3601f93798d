/* test_config.c — the rule configuration: settings parsed (lists, patterns,
 * levels, comments, a byte-order mark, CRLF), each malformed line refused
 * with its file and line, sources merged so that the setting read last wins
 * rule by rule, the files that govern a report found from its folder up to
 * a root = true, and a configuration applied to findings. */
#include "testutil.h"
#include "check/config.h"

#include <sys/stat.h>
#include <unistd.h>

/* The rule of an ID; fails when the table has none. */
static nb_rule_id rule(const char *id)
{
    int i = nb_rule_index(id);
    if (i < 0)
        fail_msg("no rule %s", id);
    return (nb_rule_id)i;
}

/* Parse text as the file "f" (a folder's file: root allowed); the return code. */
static int parse(nb_rule_config *c, const char *text, nb_err *err)
{
    int root = 0;
    nb_config_init(c);
    return nb_config_parse(c, "f", text, strlen(text), &root, NB_LANG_EN, err);
}

/* text is refused with exactly msg. */
static void refused(const char *text, const char *msg)
{
    nb_rule_config c;
    nb_err err;
    if (parse(&c, text, &err) == 0)
        fail_msg("accepted: %s", text);
    assert_string_equal(err.msg, msg);
}

static void test_settings(void **s)
{
    (void)s;
    nb_rule_config c;
    nb_err err;
    const char *text = "\xEF\xBB\xBF# the folder's rules\r\n"
                       "\n"
                       "disable = DATE.LATE,  LABEL.DEVIATES # noise here\r\n"
                       "  severity-of=T3.BALANCE = warning , STRUCT.MISSING=info\n"
                       "enable = LABEL.DEVIATES\n"
                       "disable = TEXT.*";
    assert_int_equal(parse(&c, text, &err), 0);
    assert_int_equal(c.on[rule("DATE.LATE")], 0);
    assert_int_equal(c.on[rule("LABEL.DEVIATES")], 1); /* the later line wins */
    assert_int_equal(c.severity[rule("T3.BALANCE")], NB_SEV_WARNING);
    assert_int_equal(c.severity[rule("STRUCT.MISSING")], NB_SEV_INFO);
    assert_int_equal(c.on[rule("T3.BALANCE")], -1); /* not set: the table's */
    assert_int_equal(c.severity[rule("DATE.LATE")], -1);
    assert_true(nb_config_rule_on(&c, rule("T3.BALANCE")));
    assert_false(nb_config_rule_on(&c, rule("DATE.LATE")));
    assert_int_equal(nb_config_rule_severity(&c, rule("T3.BALANCE")), NB_SEV_WARNING);
    assert_int_equal(nb_config_rule_severity(&c, rule("DATE.LATE")), -1);
    /* TEXT.* is every TEXT rule and no other */
    int n, texts = 0;
    const nb_rule *rules = nb_rules(&n);
    for (int i = 0; i < n; i++) {
        int is_text = !strncmp(rules[i].id, "TEXT.", 5);
        texts += is_text;
        if (is_text)
            assert_int_equal(c.on[i], 0);
        else if (strcmp(rules[i].id, "DATE.LATE") && strcmp(rules[i].id, "LABEL.DEVIATES"))
            assert_int_equal(c.on[i], -1);
    }
    assert_true(texts >= 3);
    /* "*" is every rule; a pattern inside an ID too */
    assert_int_equal(parse(&c, "disable = *\nenable = T3.BAL*E", &err), 0);
    for (int i = 0; i < n; i++)
        assert_int_equal(c.on[i], i == rule("T3.BALANCE") ? 1 : 0);
    assert_int_equal(parse(&c, "", &err), 0);
    for (int i = 0; i < n; i++)
        assert_true(c.on[i] == -1 && c.severity[i] == -1);
}

static void test_malformed_lines(void **s)
{
    (void)s;
    refused("disable = DATE.LATE\nbogus\n", "f:2: expected NAME = VALUE, not \"bogus\"");
    refused("# one\n\ndisabled = DATE.LATE\n", "f:3: unknown setting \"disabled\" (disable, enable, severity-of or root)");
    refused("disable =   # nothing\n", "f:1: disable = has no value");
    refused("disable = T3.BALANC\n", "f:1: unknown rule T3.BALANC (nianbao rules lists them)");
    refused("enable = date.late\n", "f:1: unknown rule date.late (did you mean DATE.LATE?)");
    refused("disable = NOPE.*\n", "f:1: NOPE.* matches no rule");
    refused("disable = DATE.LATE,,T3.BALANCE\n", "f:1: a rule is missing in the list");
    refused("disable = DATE.LATE,\n", "f:1: a rule is missing in the list");
    refused("disable = DATE.LATE=info\n", "f:1: DATE.LATE=info is not a rule");
    refused("severity-of = T3.BALANCE\n", "f:1: expected RULE=LEVEL, not T3.BALANCE");
    refused("severity-of = T3.BALANCE=fatal\n", "f:1: unknown level \"fatal\" for T3.BALANCE (info, warning or error)");
    refused("severity-of = =info\n", "f:1: a rule is missing before =info");
    refused("root = yes\n", "f:1: root takes true or false, not yes");
    refused("disable = DATE.LATE\n# \xff\xfe\nenable = DATE.LATE\n", "f:2: not UTF-8");
    /* the user's file and the command line take no root */
    nb_rule_config c;
    nb_err err;
    nb_config_init(&c);
    assert_int_equal(nb_config_parse(&c, "u", "root = true", 11, NULL, NB_LANG_EN, &err), -1);
    assert_string_equal(err.msg, "u:1: root belongs in a folder's .nianbao file");
    assert_int_equal(nb_config_set(&c, "severity-of", "X=info", NULL, NB_LANG_ZH, &err), -1);
    assert_string_equal(err.msg, "未知规则 X（nianbao rules 列出全部规则）");
    int root = 0;
    assert_int_equal(parse(&c, "root = true # stop here", &err), 0);
    assert_int_equal(nb_config_parse(&c, "f", "root=true", 9, &root, NB_LANG_EN, &err), 0);
    assert_int_equal(root, 1);
}

static void test_overlay(void **s)
{
    (void)s;
    nb_rule_config base, top;
    nb_err err;
    assert_int_equal(parse(&base, "disable = DATE.LATE, LABEL.DEVIATES\nseverity-of = T3.BALANCE=warning", &err), 0);
    assert_int_equal(parse(&top, "enable = DATE.LATE\nseverity-of = T3.BALANCE=info, YEAR.CARRY=warning", &err), 0);
    nb_config_overlay(&base, &top);
    assert_int_equal(base.on[rule("DATE.LATE")], 1);      /* top sets it */
    assert_int_equal(base.on[rule("LABEL.DEVIATES")], 0); /* top leaves it */
    assert_int_equal(base.severity[rule("T3.BALANCE")], NB_SEV_INFO);
    assert_int_equal(base.severity[rule("YEAR.CARRY")], NB_SEV_WARNING);
    assert_int_equal(base.on[rule("YEAR.CARRY")], -1);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A tree: T/.nianbao (above the root), T/top/.nianbao (root = true),
 * T/top/mid/.nianbao, T/top/mid/low/r.txt, and the user's file T/user. */
static void make_tree(char *dir, size_t cap, char *low, size_t lowcap)
{
    assert_int_equal(tu_tempdir(dir, cap, "config"), 0);
    snprintf(low, lowcap, "%s/top/mid/low", dir);
    char p[512];
    snprintf(p, sizeof p, "%s/top", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/top/mid", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    assert_int_equal(mkdir(low, 0700), 0);
    write_file(dir, ".nianbao", "disable = T3.BALANCE, T3.ROW_TOTAL\n");
    write_file(dir, "user", "disable = DATE.LATE, YEAR.CARRY\nseverity-of = CELL.BLANK=info\n");
    snprintf(p, sizeof p, "%s/top", dir);
    write_file(p, ".nianbao", "root = true\nenable = YEAR.CARRY\nseverity-of = STRUCT.ORDER=error, CELL.BLANK=error\n");
    snprintf(p, sizeof p, "%s/top/mid", dir);
    write_file(p, ".nianbao", "disable = STRUCT.ORDER\nseverity-of = CELL.BLANK=warning\n");
    write_file(low, "r.txt", "not read\n");
}

static void test_files_of_a_report(void **s)
{
    (void)s;
    char dir[256], low[512], report[600], user[512];
    make_tree(dir, sizeof dir, low, sizeof low);
    snprintf(report, sizeof report, "%s/r.txt", low);
    snprintf(user, sizeof user, "%s/user", dir);
    nb_rule_config c;
    nb_err err;
    assert_int_equal(nb_config_for_report(&c, user, report, NB_LANG_EN, &err), 0);
    assert_int_equal(c.on[rule("DATE.LATE")], 0);   /* the user's */
    assert_int_equal(c.on[rule("YEAR.CARRY")], 1);  /* top's enable over the user's disable */
    assert_int_equal(c.on[rule("STRUCT.ORDER")], 0);/* mid: nearer than top, its disable kept */
    assert_int_equal(c.severity[rule("STRUCT.ORDER")], NB_SEV_ERROR); /* top's level stays: mid sets no level */
    assert_int_equal(c.severity[rule("CELL.BLANK")], NB_SEV_WARNING); /* the nearest of three */
    assert_int_equal(c.on[rule("T3.BALANCE")], -1); /* above the root: not read */
    /* without the user's file, and the report named from its own folder */
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(low), 0);
    int rc = nb_config_for_report(&c, NULL, "r.txt", NB_LANG_EN, &err);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(rc, 0);
    assert_int_equal(c.on[rule("DATE.LATE")], -1);
    assert_int_equal(c.on[rule("YEAR.CARRY")], 1);
    assert_int_equal(c.on[rule("STRUCT.ORDER")], 0);
    /* a malformed file: its path and line */
    char mid[600];
    snprintf(mid, sizeof mid, "%s/top/mid", dir);
    write_file(mid, ".nianbao", "disable = STRUCT.ORDER\n\nseverity-of = CELL.BLANK=loud\n");
    assert_int_equal(nb_config_for_report(&c, user, report, NB_LANG_EN, &err), -1);
    char want[900];
    snprintf(want, sizeof want, "%s/.nianbao:3: unknown level \"loud\" for CELL.BLANK (info, warning or error)", mid);
    assert_string_equal(err.msg, want);
    /* a folder named .nianbao is no file */
    snprintf(mid, sizeof mid, "%s/.nianbao", low);
    assert_int_equal(mkdir(mid, 0700), 0);
    assert_int_equal(nb_config_for_report(&c, NULL, report, NB_LANG_EN, &err), -1);
    snprintf(want, sizeof want, "%s: not a regular file", mid);
    assert_string_equal(err.msg, want);
    /* a user's file that is malformed; one that is missing is none */
    write_file(dir, "user", "disable = DATE.LATE\nroot = true\n");
    assert_int_equal(nb_config_for_report(&c, user, report, NB_LANG_EN, &err), -1);
    snprintf(want, sizeof want, "%s:2: root belongs in a folder's .nianbao file", user);
    assert_string_equal(err.msg, want);
    rmdir(mid);
    snprintf(user, sizeof user, "%s/none", dir);
    write_file(low, ".nianbao", "root = true\n");
    assert_int_equal(nb_config_for_report(&c, user, report, NB_LANG_EN, &err), 0);
    for (int i = 0; i < NB_NRULES; i++)
        assert_true(c.on[i] == -1 && c.severity[i] == -1);
    assert_int_equal(tu_rmtree(dir), 0);
}

static void test_user_path(void **s)
{
    (void)s;
    char p[512];
    setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
    setenv("HOME", "/home/u", 1);
    nb_config_user_path(p, sizeof p);
    assert_string_equal(p, "/x/cfg/nianbao/config");
    setenv("XDG_CONFIG_HOME", "relative", 1); /* not absolute: ignored, as the spec says */
    nb_config_user_path(p, sizeof p);
    assert_string_equal(p, "/home/u/.config/nianbao/config");
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("HOME");
    nb_config_user_path(p, sizeof p);
    assert_string_equal(p, "");
}

static void test_apply(void **s)
{
    (void)s;
    nb_findings fs = {0};
    nb_err err;
    nb_rule_id ids[] = {rule("T3.BALANCE"), rule("DATE.LATE"), rule("LABEL.DEVIATES"), rule("T3.BALANCE"),
                        rule("CELL.BLANK")};
    for (int k = 0; k < 5; k++) {
        nb_finding *f = nb_finding_add(&fs, ids[k], &err);
        assert_non_null(f);
        f->off = (size_t)k; /* to see the order kept */
    }
    fs.v[4].severity = NB_SEV_ERROR; /* a finding of its own level, not the table's */
    nb_rule_config c;
    assert_int_equal(parse(&c, "disable = DATE.LATE\nseverity-of = T3.BALANCE=warning, CELL.BLANK=info", &err), 0);
    nb_config_apply(&c, &fs);
    assert_int_equal(fs.n, 4);
    static const size_t offs[] = {0, 2, 3, 4};
    static const nb_severity sev[] = {NB_SEV_WARNING, NB_SEV_WARNING, NB_SEV_WARNING, NB_SEV_INFO};
    for (int k = 0; k < 4; k++) {
        assert_int_equal(fs.v[k].off, offs[k]);
        assert_int_equal(fs.v[k].severity, sev[k]);
    }
    assert_int_equal(fs.v[1].rule, rule("LABEL.DEVIATES"));
    nb_config_init(&c); /* nothing set: nothing changes */
    nb_config_apply(&c, &fs);
    assert_int_equal(fs.n, 4);
    assert_int_equal(fs.v[3].severity, NB_SEV_INFO);
    nb_findings_free(&fs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings),          cmocka_unit_test(test_malformed_lines),
        cmocka_unit_test(test_overlay),           cmocka_unit_test(test_files_of_a_report),
        cmocka_unit_test(test_user_path),         cmocka_unit_test(test_apply),
    };
    return TU_RUN("config", tests, NULL, NULL, NULL);
}
