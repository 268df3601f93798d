/* test_batch.c — the batch: the walk (a folder with reports, files that are
 * not reports, hidden files and a subfolder, in path order; files named kept
 * as named; a folder with no report said in English and Chinese; a subfolder,
 * a link or a FIFO it cannot take said) and the
 * pairing across years (two reports of one body for consecutive years are
 * paired and checked against each other, in either order; other bodies and
 * years further apart are not; the guess made while a batch is read picks
 * as the pairing would among the reports read so far); the store that keeps a paired batch's
 * outputs (every room aligned, apart, and as written until freed). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch/ctx.h"
#include "batch/guess.h"
#include "batch/hold.h"
#include "batch/pair.h"
#include "batch/walk.h"
#include "model/body.h"
#include "read/ours.h"
#include "read/read.h"
#include "check/messages.h"
#include "check/rules.h"
#include "testutil.h"
#include "base/fsio.h"

#include <sys/wait.h>
#include <unistd.h>

static nb_ctx g_ctx;
static char g_dir[64];

static int setup(void **s)
{
    (void)s;
    return tu_tempdir(g_dir, sizeof g_dir, "batch");
}

static int teardown(void **s)
{
    (void)s;
    return tu_rmtree(g_dir);
}

/* g_dir/rel, its folders made. */
static void put(const char *rel, const char *text, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", g_dir, rel);
    for (char *sl = strchr(path + strlen(g_dir) + 1, '/'); sl; sl = strchr(sl + 1, '/')) {
        *sl = '\0';
        mkdir(path, 0755);
        *sl = '/';
    }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, n, f), n);
    fclose(f);
}

static void test_report_names(void **s)
{
    (void)s;
    assert_true(nb_is_report_name("a.txt"));
    assert_true(nb_is_report_name("B.MD"));
    assert_true(nb_is_report_name("c.Text"));
    assert_true(nb_is_report_name("d.docx"));
    assert_true(nb_is_report_name("e.DOC"));
    assert_true(nb_is_report_name("f.wps"));
    assert_true(nb_is_report_name("g.html"));
    assert_true(nb_is_report_name("h.htm"));
    assert_true(nb_is_report_name("i.pdf"));
    assert_false(nb_is_report_name("report.docx.bak"));
    assert_false(nb_is_report_name("page.xhtml"));
    assert_false(nb_is_report_name("notes.json"));
    assert_false(nb_is_report_name(".hidden.txt"));
    assert_false(nb_is_report_name("txt"));
}

static void test_walk(void **s)
{
    (void)s;
    static const char *files[] = {"w/b.txt",          "w/A.md",       "w/notes.json",      "w/.hidden.txt",
                                  "w/sub/d.txt",      "w/sub/deeper/f.text", "w/sub/e.md", "w/sub/.git/x.txt",
                                  "w/empty/.keep.txt", "w/b.txt.review", "w/sub/e.md.review", "w/d.txt.review"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        put(files[i], "x", 1);
    char dir[128], empty[128], missing[128];
    snprintf(dir, sizeof dir, "%s/w", g_dir);
    snprintf(empty, sizeof empty, "%s/w/empty", g_dir);
    snprintf(missing, sizeof missing, "%s/gone.txt", g_dir);
    char *args[] = {missing, dir, empty, "named.json"};
    nb_paths P = {0};
    nb_walk_problems pr = {0};
    nb_err err;
    assert_int_equal(nb_walk_collect(&P, args, 4, 0, NB_LANG_EN, &pr, &err), 0);
    static const char *want[] = {"gone.txt", "w/A.md", "w/b.txt", "w/sub/d.txt", "w/sub/deeper/f.text", "w/sub/e.md"};
    assert_int_equal(P.n, 7);
    for (size_t i = 0; i < 6; i++) {
        char full[256];
        snprintf(full, sizeof full, "%s/%s", g_dir, want[i]);
        assert_string_equal(P.v[i], full);
    }
    assert_string_equal(P.v[6], "named.json"); /* named: kept, whatever its name */
    assert_false(P.walked[0]);
    assert_true(P.walked[1] && P.walked[5]);
    assert_false(P.walked[6]);
    assert_int_equal(pr.n, 2);
    /* w/d.txt.review's report is not beside it (sub/d.txt is another's): said, a note */
    assert_int_equal(pr.v[0].code, NB_OK);
    assert_non_null(strstr(pr.v[0].msg, "w/d.txt.review: a review whose report d.txt is not in this folder"));
    /* the walk tells which reports have no REPORT.review beside them: b.txt
       and sub/e.md have one (so a batch looks for it), the others none; each
       flag stays with its path through the sorting */
    static const int none_beside[] = {0, 1, 0, 1, 1, 0, 0};
    for (size_t i = 0; i < 7; i++)
        if (!!(P.walked[i] & NB_PATH_NO_REVIEW) != none_beside[i])
            fail_msg("%s: no review beside it %d, not %d", P.v[i], !none_beside[i], none_beside[i]);
    assert_int_equal(pr.v[1].code, NB_E_NOTFOUND);
    assert_non_null(strstr(pr.v[1].msg, empty));
    assert_non_null(strstr(pr.v[1].msg, "a folder with no reports in it"));
    assert_non_null(strstr(pr.v[1].msg, "*.docx, *.doc, *.wps, *.html, *.pdf")); /* what the walk takes */
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
    assert_int_equal(nb_walk_collect(&P, args + 2, 1, 0, NB_LANG_ZH, &pr, &err), 0);
    assert_int_equal(P.n, 0);
    assert_int_equal(pr.n, 1);
    assert_non_null(strstr(pr.v[0].msg, "目录中没有报告文件"));
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
    char slash[140]; /* a folder named with its trailing slash: one slash before each name */
    snprintf(slash, sizeof slash, "%s/w/sub/", g_dir);
    char *one[] = {slash};
    assert_int_equal(nb_walk_collect(&P, one, 1, 0, NB_LANG_EN, &pr, &err), 0);
    char want_d[256];
    snprintf(want_d, sizeof want_d, "%s/w/sub/d.txt", g_dir);
    assert_true(P.n >= 1);
    assert_string_equal(P.v[0], want_d);
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
}

/* What a walk cannot take is said: in a child that cannot read the folder
 * locked (nobody when run as root, else the folder's mode 0), the walk of
 * u takes a.txt and says locked (a problem: cannot read the folder), the
 * link to nothing gone.txt (a problem, as when named) and the FIFO fifo.txt
 * (a note: not a regular file). 0 when all is as said, else which is not. */
static int walk_says_unreadable(const char *dir, const char *locked)
{
    if (geteuid() == 0 ? setgid(65534) != 0 || setuid(65534) != 0 : chmod(locked, 0) != 0)
        return 77;
    char *args[] = {(char *)dir};
    nb_paths P = {0};
    nb_walk_problems pr = {0};
    nb_err err;
    if (nb_walk_collect(&P, args, 1, 0, NB_LANG_EN, &pr, &err) != 0)
        return 1;
    if (P.n != 1 || !strstr(P.v[0], "/u/a.txt"))
        return 2;
    int said = 0;
    for (size_t i = 0; i < pr.n; i++) {
        const nb_err *m = &pr.v[i];
        said |= (m->code == NB_E_IO && strstr(m->msg, "/u/locked: cannot read the folder: ")) ? 1 : 0;
        said |= (m->code == NB_E_NOTFOUND && strstr(m->msg, "/u/gone.txt: a link to a file that does not exist")) ? 2 : 0;
        said |= (m->code == NB_OK && strstr(m->msg, "/u/fifo.txt: skipped: not a regular file")) ? 4 : 0;
    }
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
    return said == 7 ? 0 : 10 + said;
}

static void test_walk_says_unreadable(void **s)
{
    (void)s;
    put("u/a.txt", "x", 1);
    put("u/locked/b.txt", "x", 1);
    char dir[128], locked[160], gone[160], fifo[160];
    snprintf(dir, sizeof dir, "%s/u", g_dir);
    snprintf(locked, sizeof locked, "%s/u/locked", g_dir);
    snprintf(gone, sizeof gone, "%s/u/gone.txt", g_dir);
    snprintf(fifo, sizeof fifo, "%s/u/fifo.txt", g_dir);
    assert_int_equal(symlink("nowhere.txt", gone), 0);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    assert_int_equal(chmod(g_dir, 0755), 0); /* nobody may come in; locked is not its */
    assert_int_equal(chmod(locked, 0700), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(walk_says_unreadable(dir, locked));
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    if (WEXITSTATUS(st) == 77)
        skip();
    assert_int_equal(WEXITSTATUS(st), 0);
    chmod(locked, 0755);
}

/* A walk that leaves nianbao's own files to the reader takes them all,
 * unopened and without a note; reading each tells the same kinds as the
 * walk that opens them (by the mark, by how it begins), reads the others,
 * and says a file that cannot be read. */
static void assert_ours_told_when_read(char **args)
{
    nb_paths P = {0};
    nb_walk_problems pr = {0};
    nb_err err;
    nb_ctx ctx;
    assert_int_equal(nb_ctx_init(&ctx, NB_LANG_EN, &err), 0);
    assert_int_equal(nb_walk_collect(&P, args, 1, NB_WALK_LATER, NB_LANG_EN, &pr, &err), 0);
    assert_int_equal(P.n, 5);
    assert_int_equal(pr.n, 0);
    int told = 0;
    for (size_t i = 0; i < P.n; i++) {
        nb_report r;
        int ours = -2;
        int rc = nb_report_open_walked(&r, P.v[i], &ctx, &ours, &err);
        const char *kind = nb_written_by_us(P.v[i], NB_LANG_EN); /* the walk's own reading */
        if (kind) {
            assert_int_equal(rc, 1);
            assert_string_equal(nb_ours_name(ours, NB_LANG_EN), kind);
            assert_int_equal(r.ncells, 0); /* left empty */
            told++;
        } else {
            assert_int_equal(rc, 0);
            assert_int_equal(ours, -1);
            nb_report_free(&r);
        }
    }
    assert_int_equal(told, 3);
    char gone[300];
    snprintf(gone, sizeof gone, "%s/l/gone.txt", g_dir);
    nb_report r;
    int ours = -2;
    assert_int_equal(nb_report_open_walked(&r, gone, &ctx, &ours, &err), -1);
    assert_int_equal(ours, -1);
    assert_non_null(strstr(err.msg, "gone.txt: no such file"));
    nb_ctx_free(&ctx);
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
}

/* Folders that link back to themselves end; nianbao's own files are passed
 * over with a note (by their mark, or by how they begin), unless all. */
static void test_walk_loops_and_ours(void **s)
{
    (void)s;
    put("l/r.txt", "x", 1);
    put("l/sub/s.txt", "x", 1);
    put("l/log.md", "# Review log: l/r.txt\n", 22);
    put("l/cells.txt", "\xef\xbb\xbf" "file,id,value,raw,status,line\r\n", 35);
    put("l/fixed.txt", "x", 1);
    char dir[256], link1[300], link2[300], fixed[300];
    snprintf(dir, sizeof dir, "%s/l", g_dir);
    snprintf(link1, sizeof link1, "%s/l/self", g_dir);    /* l/self -> l */
    snprintf(link2, sizeof link2, "%s/l/sub/up", g_dir);  /* l/sub/up -> l */
    snprintf(fixed, sizeof fixed, "%s/l/fixed.txt", g_dir);
    assert_int_equal(symlink(dir, link1), 0);
    assert_int_equal(symlink(dir, link2), 0);
    nb_atomic a; /* a corrected copy, marked as nianbao writes one */
    nb_err err;
    assert_int_equal(nb_atomic_open(&a, fixed, 0644, NB_LANG_EN, &err), 0);
    nb_atomic_mark(&a, "corrected copy");
    fputs("x", a.f);
    assert_int_equal(nb_atomic_commit(&a, &err), 0);
    char *args[] = {dir};
    nb_paths P = {0};
    nb_walk_problems pr = {0};
    assert_int_equal(nb_walk_collect(&P, args, 1, 0, NB_LANG_EN, &pr, &err), 0); /* an exponential walk, once */
    assert_int_equal(P.n, 2);
    assert_non_null(strstr(P.v[0], "/l/r.txt"));
    assert_non_null(strstr(P.v[1], "/l/sub/s.txt"));
    assert_int_equal(pr.n, 3);
    int said = 0;
    for (size_t i = 0; i < pr.n; i++) {
        assert_int_equal(pr.v[i].code, NB_OK); /* notes, not problems */
        said += strstr(pr.v[i].msg, "log.md: skipped: a review log written by nianbao") != NULL;
        said += strstr(pr.v[i].msg, "cells.txt: skipped: an export written by nianbao") != NULL;
        said += strstr(pr.v[i].msg, "fixed.txt: skipped: a corrected copy written by nianbao") != NULL;
    }
    assert_int_equal(said, 3);
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
    assert_int_equal(nb_walk_collect(&P, args, 1, NB_WALK_ALL, NB_LANG_EN, &pr, &err), 0);
    assert_int_equal(P.n, 5);
    assert_int_equal(pr.n, 0);
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
    assert_ours_told_when_read(args);
}

/* A report named with its review, journal and lock (a pattern, REPORT*):
 * the report taken, the three passed over with a note each (in the
 * language asked), all four with --all. */
static void test_named_with_its_review(void **s)
{
    (void)s;
    put("n/r.txt", "x", 1);
    put("n/r.txt.review", "nianbao-review 1\n", 17);
    put("n/r.txt.review.journal", "nianbao-review 1\n", 17);
    put("n/r.txt.review.lock", "1 2 nianbao\n", 12);
    char a0[300], a1[300], a2[300], a3[300];
    snprintf(a0, sizeof a0, "%s/n/r.txt", g_dir);
    snprintf(a1, sizeof a1, "%s/n/r.txt.review", g_dir);
    snprintf(a2, sizeof a2, "%s/n/r.txt.review.journal", g_dir);
    snprintf(a3, sizeof a3, "%s/n/r.txt.review.lock", g_dir);
    char *args[] = {a0, a1, a2, a3};
    nb_paths P = {0};
    nb_walk_problems pr = {0};
    nb_err err;
    assert_int_equal(nb_walk_collect(&P, args, 4, 0, NB_LANG_EN, &pr, &err), 0);
    assert_int_equal(P.n, 1);
    assert_string_equal(P.v[0], a0);
    assert_int_equal(pr.n, 3);
    assert_int_equal(pr.v[0].code, NB_OK);
    assert_non_null(strstr(pr.v[0].msg, "r.txt.review: skipped: a review written by nianbao"));
    assert_non_null(strstr(pr.v[1].msg, "r.txt.review.journal: skipped: a review's journal of unsaved work"));
    assert_non_null(strstr(pr.v[2].msg, "r.txt.review.lock: skipped: a review's lock"));
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
    assert_int_equal(nb_walk_collect(&P, args, 4, 0, NB_LANG_ZH, &pr, &err), 0);
    assert_non_null(strstr(pr.v[2].msg, "已跳过：nianbao 写出的审阅锁文件"));
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
    assert_int_equal(nb_walk_collect(&P, args, 4, NB_WALK_ALL, NB_LANG_EN, &pr, &err), 0);
    assert_int_equal(P.n, 4);
    assert_int_equal(pr.n, 0);
    nb_paths_free(&P);
    nb_walk_problems_free(&pr);
}

/* seed001 (卧龙区安皋镇人民政府, 2024, nothing carried out) as the report of
 * body for year, with carried in in its natural column. */
static void put_report(const char *rel, const char *body, int year, int carried_in)
{
    size_t n = 0;
    char *text = tu_read("tests/data/seed001.txt", &n);
    assert_non_null(text);
    const char *title = "卧龙区安皋镇人民政府 2024 年", *carry = "二、上年结转政府信息公开申请数量\t\t0\t";
    char *t = strstr(text, title), *c = strstr(text, carry);
    assert_non_null(t);
    assert_non_null(c);
    size_t cap = n + 256, len = 0;
    char *out = malloc(cap);
    len += (size_t)snprintf(out + len, cap - len, "%.*s%s %d 年", (int)(t - text), text, body, year);
    len += (size_t)snprintf(out + len, cap - len, "%.*s", (int)(c - t - strlen(title)), t + strlen(title));
    len += (size_t)snprintf(out + len, cap - len, "二、上年结转政府信息公开申请数量\t\t%d\t%s", carried_in,
                            c + strlen(carry));
    put(rel, out, len);
    free(out);
    free(text);
}

static int count_rule(const nb_findings *fs, const char *id)
{
    int n = 0, k = nb_rule_index(id);
    for (size_t i = 0; i < fs->n; i++)
        n += fs->v[i].rule == k;
    return n;
}

/* The cross-year findings of the i-th report of the pairing. */
static int carry_findings(nb_pairing *p, size_t i)
{
    nb_report r;
    nb_err err;
    nb_findings fs = {0};
    assert_int_equal(nb_report_open(&r, p->paths[i], &g_ctx, &err), 0);
    assert_int_equal(nb_pairing_check(p, i, &r, &g_ctx, &fs, &err), 0);
    int n = count_rule(&fs, "YEAR.CARRY");
    nb_findings_free(&fs);
    nb_report_free(&r);
    return n;
}

static void test_pairing(void **s)
{
    (void)s;
    const char *town = "卧龙区安皋镇人民政府", *other = "卧龙区蒲山镇人民政府";
    put_report("y/a2025.txt", town, 2025, 2); /* 2024 carried out nothing */
    put_report("y/b2024.txt", town, 2024, 0);
    put_report("y/c2027.txt", town, 2027, 2); /* no 2026 in the batch */
    put_report("y/d2025.txt", other, 2025, 2);
    char p[4][128];
    char *paths[4];
    const char *names[] = {"a2025", "b2024", "c2027", "d2025"};
    for (int i = 0; i < 4; i++) {
        snprintf(p[i], sizeof p[i], "%s/y/%s.txt", g_dir, names[i]);
        paths[i] = p[i];
    }
    nb_pairing pr;
    nb_err err;
    assert_int_equal(nb_pairing_init(&pr, paths, 4, &g_ctx, &err), 0);
    assert_int_equal(nb_pairing_prev(&pr, 0), 1);
    assert_int_equal(nb_pairing_prev(&pr, 1), -1);
    assert_int_equal(nb_pairing_prev(&pr, 2), -1);
    assert_int_equal(nb_pairing_prev(&pr, 3), -1);
    /* 2025 comes first: 2024 is read at once */
    assert_int_equal(carry_findings(&pr, 0), 1);
    for (size_t i = 1; i < 4; i++)
        assert_int_equal(carry_findings(&pr, i), 0);
    nb_pairing_free(&pr);
    /* 2024 first: its summary is kept for 2025 */
    char *rev[] = {paths[1], paths[0]};
    assert_int_equal(nb_pairing_init(&pr, rev, 2, &g_ctx, &err), 0);
    assert_int_equal(nb_pairing_prev(&pr, 1), 0);
    assert_int_equal(carry_findings(&pr, 0), 0);
    assert_non_null(pr.slots[0].summary);
    assert_int_equal(carry_findings(&pr, 1), 1);
    nb_pairing_free(&pr);
    /* a pairing set to zero pairs nothing */
    nb_pairing none = {0};
    assert_int_equal(nb_pairing_prev(&none, 0), -1);
    nb_findings fs = {0};
    assert_int_equal(nb_pairing_check(&none, 0, NULL, &g_ctx, &fs, &err), 0);
    assert_int_equal(fs.n, 0);
}

/* The YEAR.CARRY message of the i-th report of the pairing, or "". */
static void carry_message(nb_pairing *p, size_t i, char *out, size_t cap)
{
    nb_report r;
    nb_err err;
    nb_findings fs = {0};
    assert_int_equal(nb_report_open(&r, p->paths[i], &g_ctx, &err), 0);
    assert_int_equal(nb_pairing_check(p, i, &r, &g_ctx, &fs, &err), 0);
    out[0] = '\0';
    for (size_t k = 0; k < fs.n; k++)
        if (fs.v[k].rule == nb_rule_index("YEAR.CARRY"))
            nb_finding_message(&r, &fs.v[k], NB_LANG_EN, out, cap);
    nb_findings_free(&fs);
    nb_report_free(&r);
}

/* One body under two names (a parent place, a 管委会), paired; two bodies
 * of one district name under different cities, not. */
static void test_pairing_names(void **s)
{
    (void)s;
    put_report("n/a2024.txt", "淮安市洪泽区人民政府", 2024, 0);
    put_report("n/b2025.txt", "洪泽区人民政府", 2025, 2);
    put_report("n/c2024.txt", "平潭综合实验区", 2024, 0);
    put_report("n/d2025.txt", "平潭综合实验区管委会", 2025, 0);
    put_report("n/e2024.txt", "南京市鼓楼区人民政府", 2024, 0);
    put_report("n/f2025.txt", "福州市鼓楼区人民政府", 2025, 2);
    put_report("n/g2024.txt", "福州市鼓楼区人民政府", 2024, 0);
    put_report("n/h2025.txt", "鼓楼区人民政府", 2025, 2);
    char p[8][128];
    char *paths[8];
    for (int i = 0; i < 8; i++) {
        snprintf(p[i], sizeof p[i], "%s/n/%c%d.txt", g_dir, 'a' + i, i % 2 ? 2025 : 2024);
        paths[i] = p[i];
    }
    nb_pairing pr;
    nb_err err;
    assert_int_equal(nb_pairing_init(&pr, paths, 8, &g_ctx, &err), 0);
    assert_int_equal(nb_pairing_prev(&pr, 1), 0);
    assert_int_equal(nb_pairing_prev(&pr, 3), 2);
    assert_int_equal(nb_pairing_prev(&pr, 5), 6); /* 福州 with 福州, not 南京 */
    assert_int_equal(nb_pairing_prev(&pr, 7), -1); /* 鼓楼区 alone: 南京 or 福州 */
    char m[2048], want[2048];
    carry_message(&pr, 1, m, sizeof m);
    snprintf(want, sizeof want,
             "column natural: 2 carried in, but the 2024 report (%s, 淮安市洪泽区人民政府) carried out 0", paths[0]);
    assert_string_equal(m, want);
    nb_pairing_free(&pr);
}

/* What a body is, told by its name, and the key its years are paired by. */
static void test_body_names(void **s)
{
    (void)s;
    static const struct {
        const char *name, *key, *parent;
        nb_body kind;
    } cases[] = {
        {"淮安市洪泽区人民政府", "洪泽区", "淮安市", NB_BODY_COUNTY},
        {"卧龙区安皋镇人民政府", "安皋镇", "卧龙区", NB_BODY_TOWNSHIP},
        {"某某街道办事处", "某某街道", "", NB_BODY_TOWNSHIP},
        {"平潭综合实验区管委会", "平潭综合实验区", "", NB_BODY_ZONE},
        {"上海市人民政府", "上海市", "", NB_BODY_PROVINCE},
        {"黔东南苗族侗族自治州人民政府", "黔东南苗族侗族自治州", "", NB_BODY_PREFECTURE},
        {"杭州市人民政府", "杭州市", "", NB_BODY_CITY},
        {"杭州市市场监督管理局", "杭州市市场监督管理局", "", NB_BODY_LOCAL_DEPT},
        {"江苏省沭阳县发展和改革局", "沭阳县发展和改革局", "江苏省", NB_BODY_LOCAL_DEPT},
        {"国家市场监督管理总局", "国家市场监督管理总局", "", NB_BODY_STATE_DEPT},
        {"国家税务总局上海市税务局", "国家税务总局上海市税务局", "", NB_BODY_LOCAL_DEPT},
        {"教育部", "教育部", "", NB_BODY_STATE_DEPT},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char key[256], parent[256];
        nb_body_key(cases[k].name, key, sizeof key, parent, sizeof parent);
        assert_string_equal(key, cases[k].key);
        assert_string_equal(parent, cases[k].parent);
        assert_int_equal(nb_body_kind(cases[k].name), cases[k].kind);
    }
    assert_true(nb_body_same("淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府"));
    assert_true(nb_body_same("洪泽区人民政府", "淮安市洪泽区人民政府"));
    assert_false(nb_body_same("南京市鼓楼区人民政府", "福州市鼓楼区人民政府"));
}

/* The year before guessed among the reports read so far is the one the
 * pairing picks among them: bodies whose keys meet with parents that agree
 * or disagree, several reports of one body and year, read in a random
 * order; checked after every report read, for every report. A pairing
 * given the bodies the guess kept (as the engine's is) pairs as one
 * given the names. */
static void test_guess(void **s)
{
    (void)s;
    static const char *const names[] = {"淮安市洪泽区人民政府", "洪泽区人民政府", "江苏省淮安市洪泽区人民政府",
                                        "南京市鼓楼区人民政府", "福州市鼓楼区人民政府", "鼓楼区人民政府",
                                        "平潭综合实验区管委会", ""};
    enum { N = 24 };
    unsigned seed = 7;
    for (int round = 0; round < 20; round++) {
        const char *agency[N];
        int year[N];
        size_t order[N];
        for (size_t i = 0; i < N; i++) {
            seed = seed * 1103515245u + 12345u;
            agency[i] = names[(seed >> 16) % (sizeof names / sizeof names[0])];
            year[i] = 2022 + (int)((seed >> 8) % 4);
            order[i] = i;
        }
        for (size_t i = N - 1; i > 0; i--) { /* the order they are read in */
            seed = seed * 1103515245u + 12345u;
            size_t j = (seed >> 16) % (i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        nb_guess g = {0};
        const char *kept[N] = {0}; /* the bodies the guess kept: key, NUL, parents */
        for (size_t k = 0; k <= N; k++) { /* order[0, k) read */
            for (size_t i = 0; i < N; i++) {
                nb_pairing p, q;
                nb_err err;
                assert_int_equal(nb_pairing_start(&p, N, NB_LANG_EN, &err), 0);
                assert_int_equal(nb_pairing_start(&q, N, NB_LANG_EN, &err), 0);
                int self = 0;
                for (size_t r = 0; r < k; r++) {
                    size_t o = order[r];
                    nb_pairing_identified(&p, o, agency[o], year[o]);
                    if (kept[o])
                        nb_pairing_identified_body(&q, o, kept[o], kept[o] + strlen(kept[o]) + 1, year[o]);
                    else
                        nb_pairing_identified(&q, o, agency[o], year[o]);
                    self |= o == i;
                }
                if (!self) {
                    nb_pairing_identified(&p, i, agency[i], year[i]);
                    nb_pairing_identified(&q, i, agency[i], year[i]);
                }
                nb_pairing_sort(&p);
                nb_pairing_sort(&q);
                nb_body_id b;
                nb_body_id_of(&b, agency[i]);
                assert_int_equal(nb_guess_year_before(&g, &b, year[i]), nb_pairing_prev(&p, i));
                assert_int_equal(nb_pairing_prev(&q, i), nb_pairing_prev(&p, i));
                nb_pairing_free(&p);
                nb_pairing_free(&q);
            }
            if (k < N) {
                nb_body_id b;
                nb_body_id_of(&b, agency[order[k]]);
                kept[order[k]] = nb_guess_add(&g, order[k], &b, year[order[k]]);
                assert_true(!kept[order[k]] == (!b.key[0] || !year[order[k]])); /* kept unless no body */
            }
        }
        nb_guess_free(&g);
    }
}

/* The hold store: rooms of many sizes, small and past a block's size,
 * each 16-aligned and apart from the others, keep what was written in them
 * until the store is freed; freed, it is empty and takes rooms again. */
static void test_hold_store(void **s)
{
    (void)s;
    nb_hold h = {0};
    enum { N = 600 };
    unsigned char *room[N];
    size_t len[N];
    for (int i = 0; i < N; i++) {
        len[i] = i == 300 ? ((size_t)9 << 20) : (size_t)(i * 7919 % 60000); /* one room larger than a block */
        room[i] = nb_hold_take(&h, len[i]);
        assert_non_null(room[i]);
        assert_int_equal((uintptr_t)room[i] % 16, 0);
        memset(room[i], i & 0xff, len[i]);
    }
    for (int i = 0; i < N; i++)
        for (size_t k = 0; k < len[i]; k += len[i] / 7 + 1)
            assert_int_equal(room[i][k], i & 0xff);
    assert_int_equal(room[N - 1][len[N - 1] - 1], (N - 1) & 0xff);
    nb_hold_free(&h);
    assert_null(h.last);
    unsigned char *again = nb_hold_take(&h, 0); /* an empty room is still a room */
    assert_non_null(again);
    nb_hold_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_names),
        cmocka_unit_test(test_walk),
        cmocka_unit_test(test_walk_loops_and_ours),
        cmocka_unit_test(test_walk_says_unreadable),
        cmocka_unit_test(test_named_with_its_review),
        cmocka_unit_test(test_pairing),
        cmocka_unit_test(test_hold_store),
        cmocka_unit_test(test_pairing_names),
        cmocka_unit_test(test_body_names),
        cmocka_unit_test(test_guess),
    };
    return TU_RUN("batch", tests, &g_ctx, setup, teardown);
}
