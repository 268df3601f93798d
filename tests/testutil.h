/* testutil.h — helpers shared by the tests: the one main of a test file
 * (tu_run), reading files, a context, and a minimal reader for the corpus'
 * *.expected.json ({"cells": {ID: n|null}}). */
#ifndef NB_TESTUTIL_H
#define NB_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/ctx.h"
#include "model/report.h"
#include "read/read.h"

/* Run the group tests[0, n) named name: ctx (when not NULL) set up in
 * English before and torn down after, setup and teardown (or NULL) around
 * the group. What every test file's main returns. */
static inline int tu_run(const char *name, const struct CMUnitTest *tests, size_t n, nb_ctx *ctx,
                         CMFixtureFunction setup, CMFixtureFunction teardown)
{
    nb_err err;
    if (ctx && nb_ctx_init(ctx, NB_LANG_EN, &err) != 0) {
        fprintf(stderr, "%s: %s\n", name, err.msg);
        return 1;
    }
    int rc = _cmocka_run_group_tests(name, tests, n, setup, teardown);
    if (ctx)
        nb_ctx_free(ctx);
    return rc;
}

/* tu_run over a whole array of tests. */
#define TU_RUN(name, tests, ctx, setup, teardown) \
    tu_run(name, tests, sizeof(tests) / sizeof((tests)[0]), ctx, setup, teardown)

static inline char *tu_read(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    if (b && fread(b, 1, (size_t)sz, f) != (size_t)sz) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[sz] = '\0';
        if (n)
            *n = (size_t)sz;
    }
    return b;
}

/* Copy the file from to the path to; fails the test when it cannot. */
static inline void tu_copy_file(const char *from, const char *to)
{
    size_t n = 0;
    char *b = tu_read(from, &n);
    assert_non_null(b);
    FILE *f = fopen(to, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    fclose(f);
    free(b);
}

/* The corpus of real reports: $NIANBAO_CORPUS or ../shared/corpus/real. */
static inline const char *tu_corpus_dir(void)
{
    const char *d = getenv("NIANBAO_CORPUS");
    return d && *d ? d : "../shared/corpus/real";
}

/* fn(path, arg) for every .txt file in dir itself (in the order readdir
 * gives them); how many, 0 when dir cannot be opened. */
static inline int tu_each_txt(const char *dir, void (*fn)(const char *path, void *arg), void *arg)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int files = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        fn(path, arg);
        files++;
    }
    closedir(d);
    return files;
}

/* A new folder under $TMPDIR (or /tmp) named PREFIX.XXXXXX; 0 or -1. */
static inline int tu_tmpdir(char *out, size_t cap, const char *prefix)
{
    const char *tmp = getenv("TMPDIR");
    int n = snprintf(out, cap, "%s/%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", prefix);
    if (n < 0 || (size_t)n >= cap)
        return -1;
    return mkdtemp(out) ? 0 : -1;
}

/* Remove a folder made by tu_tmpdir and all in it; 0 or -1. */
static inline int tu_rmtree(const char *dir)
{
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "rm -rf '%.1000s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A new folder nb_test_NAME.XXXXXX under $TMPDIR (or /tmp), its path in dir: 0, or -1. */
static inline int tu_tempdir(char *dir, size_t cap, const char *name)
{
    char prefix[128];
    int n = snprintf(prefix, sizeof prefix, "nb_test_%s", name);
    if (n < 0 || (size_t)n >= sizeof prefix)
        return -1;
    return tu_tmpdir(dir, cap, prefix);
}

/* The reports as people hold them (docx, html, pdf, doc):
 * $NIANBAO_FORMATS or ../shared/corpus/formats. */
static inline const char *tu_formats_dir(void)
{
    const char *d = getenv("NIANBAO_FORMATS");
    return d && *d ? d : "../shared/corpus/formats";
}

/* Extract a report from bytes in memory; fails the test on error. */
static inline void tu_report_bytes(nb_report *r, const nb_ctx *ctx, const char *name, const void *b, size_t n)
{
    nb_doc d;
    nb_err e;
    int rc = nb_doc_from_bytes(&d, name, b, n, ctx->lang, &e);
    if (rc != 0)
        fail_msg("%s: %s", name, e.msg);
    rc = nb_report_from_doc(r, &d, ctx, &e);
    if (rc != 0)
        fail_msg("%s: %s", name, e.msg);
}

static inline void tu_report_str(nb_report *r, const nb_ctx *ctx, const char *text)
{
    tu_report_bytes(r, ctx, "test.txt", text, strlen(text));
}

/* Convert between encodings with iconv; returns malloc'd bytes. */
static inline char *tu_iconv(const char *to, const char *from, const char *in, size_t n, size_t *outn)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 4 + 16, left = cap;
    *outn = 0;
    char *out = malloc(cap), *op = out, *ip = (char *)in;
    size_t il = n;
    if (iconv(cd, &ip, &il, &op, &left) == (size_t)-1) {
        free(out);
        out = NULL;
    }
    iconv_close(cd);
    if (out)
        *outn = cap - left;
    return out;
}

/* ---- a minimal JSON reader for {"cells": {"id": number|null, ...}} ---- */
typedef struct tu_expect {
    char id[64];
    int is_null;
    double value;
} tu_expect;

static inline const char *tu_ws(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        p++;
    return p;
}

/* Returns the number of cells read into out (at most cap), -1 on a syntax error. */
static inline int tu_read_expected(const char *json, tu_expect *out, int cap)
{
    const char *p = strstr(json, "\"cells\"");
    if (!p)
        return -1;
    p = strchr(p + 7, '{');
    if (!p)
        return -1;
    p++;
    int n = 0;
    for (;;) {
        p = tu_ws(p);
        if (*p == '}')
            return n;
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p != '"')
            return -1;
        const char *e = strchr(p + 1, '"');
        if (!e || n >= cap || e - p - 1 >= 63)
            return -1;
        tu_expect *x = &out[n];
        memcpy(x->id, p + 1, (size_t)(e - p - 1));
        x->id[e - p - 1] = '\0';
        p = tu_ws(e + 1);
        if (*p != ':')
            return -1;
        p = tu_ws(p + 1);
        if (!strncmp(p, "null", 4)) {
            x->is_null = 1;
            p += 4;
        } else {
            char *end;
            x->value = strtod(p, &end);
            if (end == p)
                return -1;
            x->is_null = 0;
            p = end;
        }
        n++;
    }
}

static inline double tu_cell_value(const nb_cell *c)
{
    double v = (double)c->num.v;
    for (int k = 0; k < c->num.scale; k++)
        v /= 10;
    return v;
}

#endif
