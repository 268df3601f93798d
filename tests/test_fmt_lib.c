/* test_fmt_lib.c — libzip and libxml2 loaded when first asked for
 * (read/fmt_lib.h): the same tables to every thread that asks at once, a
 * library's functions all found, and when a library cannot be loaded or
 * lacks a function, a message naming the file being read, the library and
 * the Debian package to install, in English and Chinese. */
#include "testutil.h"
#include "read/fmt_lib.h"

#include <pthread.h>

#ifndef NB_LIBZIP_SO
#define NB_LIBZIP_SO "libzip.so.4"
#endif
#ifndef NB_LIBXML2_SO
#define NB_LIBXML2_SO "libxml2.so.2"
#endif

#define NTHREADS 8

static void *ask_xml(void *arg)
{
    nb_err e;
    *(const nb_xml_lib **)arg = nb_xml_lib_get("page.html", NB_LANG_EN, &e);
    return NULL;
}

/* Run first, before anything in this process loaded libxml2: every thread
 * that asks at once gets the one table, filled. */
static void test_first_asked_on_threads(void **state)
{
    (void)state;
    pthread_t th[NTHREADS];
    const nb_xml_lib *got[NTHREADS] = {0};
    for (int k = 0; k < NTHREADS; k++)
        assert_int_equal(pthread_create(&th[k], NULL, ask_xml, &got[k]), 0);
    for (int k = 0; k < NTHREADS; k++)
        pthread_join(th[k], NULL);
    assert_non_null(got[0]);
    for (int k = 1; k < NTHREADS; k++)
        assert_ptr_equal(got[k], got[0]);
    assert_non_null(got[0]->html_ctxt_read_memory);
    assert_non_null(got[0]->stop_parser);
}

/* Every field of a table of function pointers is set. */
static void assert_all_set(const void *L, size_t size)
{
    void (*f)(void);
    for (size_t at = 0; at + sizeof f <= size; at += sizeof f) {
        memcpy(&f, (const char *)L + at, sizeof f);
        if (!f)
            fail_msg("the function at offset %zu is not set", at);
    }
}

static void test_loaded(void **state)
{
    (void)state;
    nb_err e;
    const nb_zip_lib *Z = nb_zip_lib_get("a.docx", NB_LANG_EN, &e);
    assert_non_null(Z);
    assert_ptr_equal(nb_zip_lib_loaded(), Z);
    assert_all_set(Z, sizeof *Z);
    const nb_xml_lib *X = nb_xml_lib_get("a.docx", NB_LANG_EN, &e);
    assert_non_null(X);
    assert_all_set(X, sizeof *X);
    /* the functions are the library's: an empty archive opens and holds no document.xml */
    zip_error_t ze;
    Z->error_init(&ze);
    static const unsigned char empty[22] = {'P', 'K', 5, 6};
    zip_source_t *src = Z->source_buffer_create(empty, sizeof empty, 0, &ze);
    assert_non_null(src);
    zip_t *za = Z->open_from_source(src, ZIP_RDONLY, &ze);
    assert_non_null(za);
    assert_true(Z->name_locate(za, "word/document.xml", 0) < 0);
    Z->discard(za);
    Z->error_fini(&ze);
}

/* A name that is not the first to try still loads. */
static void test_later_name(void **state)
{
    (void)state;
    nb_err e;
    nb_zip_lib Z;
    nb_xml_lib X;
    memset(&Z, 0, sizeof Z);
    memset(&X, 0, sizeof X);
    const char *const zn[] = {"libnianbao-nothing.so.1", NB_LIBZIP_SO};
    const char *const xn[] = {"libnianbao-nothing.so.1", NB_LIBXML2_SO};
    assert_int_equal(nb_fmt_lib_load(NB_FMT_LIBZIP, zn, 2, &Z, "a.docx", NB_LANG_EN, &e), 0);
    assert_int_equal(nb_fmt_lib_load(NB_FMT_LIBXML2, xn, 2, &X, "a.docx", NB_LANG_EN, &e), 0);
    assert_all_set(&Z, sizeof Z);
    assert_all_set(&X, sizeof X);
}

static void assert_has(const char *msg, const char *part)
{
    if (!strstr(msg, part))
        fail_msg("\"%s\" does not say \"%s\"", msg, part);
}

/* The message when the library cannot be loaded, for which in lang. */
static void missing_library(nb_fmt_which which, nb_lang lang, const char *package)
{
    const char *const names[] = {"libnianbao-nothing.so.7", "libnianbao-nothing.so"};
    union {
        nb_zip_lib z;
        nb_xml_lib x;
    } L;
    nb_err e;
    memset(&e, 0, sizeof e);
    assert_int_equal(nb_fmt_lib_load(which, names, 2, &L, "dir/年报.docx", lang, &e), -1);
    assert_int_equal(e.code, NB_E_FORMAT);
    assert_has(e.msg, "dir/年报.docx");
    assert_has(e.msg, "libnianbao-nothing.so.7");
    assert_has(e.msg, "apt-get install ");
    assert_has(e.msg, package);
    assert_has(e.msg, lang == NB_LANG_ZH ? "本机未安装" : "not installed");
}

static void test_missing_library(void **state)
{
    (void)state;
    missing_library(NB_FMT_LIBZIP, NB_LANG_EN, "install libzip4");
    missing_library(NB_FMT_LIBZIP, NB_LANG_ZH, "install libzip4");
    missing_library(NB_FMT_LIBXML2, NB_LANG_EN, "install libxml2");
    missing_library(NB_FMT_LIBXML2, NB_LANG_ZH, "install libxml2");
}

/* A library that loads but is not the one asked for lacks its first function. */
static void test_missing_function(void **state)
{
    (void)state;
    const char *const names[] = {"libm.so.6"};
    nb_zip_lib Z;
    nb_xml_lib X;
    nb_err e;
    assert_int_equal(nb_fmt_lib_load(NB_FMT_LIBZIP, names, 1, &Z, "a.docx", NB_LANG_EN, &e), -1);
    assert_has(e.msg, "a.docx");
    assert_has(e.msg, "libzip installed lacks zip_error_init");
    assert_has(e.msg, "install libzip4");
    assert_int_equal(nb_fmt_lib_load(NB_FMT_LIBXML2, names, 1, &X, "b.html", NB_LANG_ZH, &e), -1);
    assert_has(e.msg, "b.html");
    assert_has(e.msg, "缺少 xmlInitParser");
    assert_has(e.msg, "install libxml2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_asked_on_threads), /* first: nothing has loaded libxml2 yet */
        cmocka_unit_test(test_loaded),
        cmocka_unit_test(test_later_name),
        cmocka_unit_test(test_missing_library),
        cmocka_unit_test(test_missing_function),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
