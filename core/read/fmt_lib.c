/* fmt_lib.c — libzip and libxml2 loaded with dlopen when the first ZIP,
 * Word document or HTML page is read, their functions looked up by name.
 * Which library loaded and its table of functions are the one piece of
 * process state here: each library's is written once, under its
 * pthread_once, the first time a reader on any thread asks for it, and
 * only read after (a batch reads reports on several threads; libxml2's
 * xmlInitParser runs inside the same once, before any parse). */
#include "read/fmt_lib.h"
#include "base/dl.h"

#include <pthread.h>

#ifndef NB_LIBZIP_SO
#define NB_LIBZIP_SO "libzip.so.4" /* the build names them (Makefile) */
#endif
#ifndef NB_LIBXML2_SO
#define NB_LIBXML2_SO "libxml2.so.2"
#endif

#define Z(field) {"zip_" #field, offsetof(nb_zip_lib, field)}
static const nb_dl_sym zip_syms[] = {
    Z(error_init), Z(error_fini), Z(error_strerror), Z(source_buffer_create), Z(source_buffer), Z(source_keep),
    Z(source_free), Z(source_open), Z(source_stat), Z(source_read), Z(source_close), Z(open_from_source),
    Z(name_locate), Z(stat_init), Z(stat_index), Z(fopen_index), Z(fread), Z(fclose), Z(strerror),
    Z(file_strerror), Z(file_replace), Z(close), Z(discard),
};
#undef Z

#define X(field, name) {name, offsetof(nb_xml_lib, field)}
static const nb_dl_sym xml_syms[] = {
    X(init_parser, "xmlInitParser"),
    X(new_parser_ctxt, "xmlNewParserCtxt"),
    X(ctxt_read_memory, "xmlCtxtReadMemory"),
    X(free_parser_ctxt, "xmlFreeParserCtxt"),
    X(stop_parser, "xmlStopParser"),
    X(free_doc, "xmlFreeDoc"),
    X(html_new_parser_ctxt, "htmlNewParserCtxt"),
    X(html_ctxt_read_memory, "htmlCtxtReadMemory"),
    X(html_free_parser_ctxt, "htmlFreeParserCtxt"),
};
#undef X

static const char *const zip_names[] = {NB_LIBZIP_SO, "libzip.so"};
static const char *const xml_names[] = {NB_LIBXML2_SO, "libxml2.so"};

/* A library: its table, and what a message says when it is missing. */
typedef struct lib_desc {
    const nb_dl_sym *syms;
    size_t nsyms;
    const char *lib, *package; /* "libzip", the Debian package "libzip4" */
    const char *what_en, *what_zh; /* what cannot be read without it */
} lib_desc;

static const lib_desc descs[] = {
    [NB_FMT_LIBZIP] = {zip_syms, sizeof zip_syms / sizeof zip_syms[0], "libzip", "libzip4",
                       "Word documents (.docx)", "Word 文档（.docx）"},
    [NB_FMT_LIBXML2] = {xml_syms, sizeof xml_syms / sizeof xml_syms[0], "libxml2", "libxml2",
                        "Word documents and HTML pages", "Word 文档和 HTML 网页"},
};

/* nb_dl_fill with d's functions. */
static const char *fill(const char *const *names, size_t n, const lib_desc *d, void *out)
{
    return nb_dl_fill(names, n, d->syms, d->nsyms, out);
}

/* The message for a library that did not load (missing "") or lacks a function. */
static int lib_error(const lib_desc *d, const char *soname, const char *missing, const char *path, nb_lang lang,
                     nb_err *err)
{
    if (!*missing)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: %s are read with %s, which is not installed (%s not found; Debian: apt-get install %s)",
                                "%s：读取%s需要 %s，本机未安装（找不到 %s；Debian：apt-get install %s）"),
                          path, nb_tr(lang, d->what_en, d->what_zh), d->lib, soname, d->package);
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: the %s installed lacks %s; %s cannot be read (Debian: apt-get install %s)",
                            "%s：已安装的 %s 缺少 %s，无法读取%s（Debian：apt-get install %s）"),
                      path, d->lib, missing, nb_tr(lang, d->what_en, d->what_zh), d->package);
}

int nb_fmt_lib_load(nb_fmt_which which, const char *const *names, size_t n, void *L, const char *path, nb_lang lang,
                    nb_err *err)
{
    const lib_desc *d = &descs[which];
    const char *missing = fill(names, n, d, L);
    return missing ? lib_error(d, n ? names[0] : "?", missing, path, lang, err) : 0;
}

/* ------------------------------------------------------------ once each */

static pthread_once_t zip_once = PTHREAD_ONCE_INIT;
static nb_zip_lib zip_lib;
static const char *zip_missing; /* as fill returns it */

static void load_zip(void)
{
    zip_missing = fill(zip_names, sizeof zip_names / sizeof zip_names[0], &descs[NB_FMT_LIBZIP], &zip_lib);
}

const nb_zip_lib *nb_zip_lib_loaded(void)
{
    pthread_once(&zip_once, load_zip);
    return zip_missing ? NULL : &zip_lib;
}

const nb_zip_lib *nb_zip_lib_get(const char *path, nb_lang lang, nb_err *err)
{
    const nb_zip_lib *Z = nb_zip_lib_loaded();
    if (!Z)
        lib_error(&descs[NB_FMT_LIBZIP], zip_names[0], zip_missing, path, lang, err);
    return Z;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static nb_xml_lib xml_lib;
static const char *xml_missing;

static void load_xml(void)
{
    xml_missing = fill(xml_names, sizeof xml_names / sizeof xml_names[0], &descs[NB_FMT_LIBXML2], &xml_lib);
    if (!xml_missing)
        xml_lib.init_parser(); /* its locks and dictionaries, before any thread parses */
}

const nb_xml_lib *nb_xml_lib_get(const char *path, nb_lang lang, nb_err *err)
{
    pthread_once(&xml_once, load_xml);
    if (xml_missing) {
        lib_error(&descs[NB_FMT_LIBXML2], xml_names[0], xml_missing, path, lang, err);
        return NULL;
    }
    return &xml_lib;
}
