/* fmt_lib.h — the functions of libzip and libxml2 that the Word and HTML
 * readers (and the corrected .docx writer) call, found when the first ZIP,
 * Word document or HTML page needs them (dlopen) rather than when the
 * program starts: the two bring some seventeen shared libraries with them
 * (ICU, libcrypto, libstdc++ among them), about two milliseconds at every
 * start, which a run that reads only text should not pay. Each library is
 * loaded once per process (libxml2's parser set up with it) and never
 * unloaded. */
#ifndef NB_FMT_LIB_H
#define NB_FMT_LIB_H

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <zip.h>
#include "base/err.h"

typedef struct nb_zip_lib {
    void (*error_init)(zip_error_t *ze);
    void (*error_fini)(zip_error_t *ze);
    const char *(*error_strerror)(zip_error_t *ze);
    zip_source_t *(*source_buffer_create)(const void *data, zip_uint64_t len, int freep, zip_error_t *ze);
    zip_source_t *(*source_buffer)(zip_t *za, const void *data, zip_uint64_t len, int freep);
    void (*source_keep)(zip_source_t *src);
    void (*source_free)(zip_source_t *src);
    int (*source_open)(zip_source_t *src);
    int (*source_stat)(zip_source_t *src, zip_stat_t *st);
    zip_int64_t (*source_read)(zip_source_t *src, void *data, zip_uint64_t len);
    int (*source_close)(zip_source_t *src);
    zip_t *(*open_from_source)(zip_source_t *src, int flags, zip_error_t *ze);
    zip_int64_t (*name_locate)(zip_t *za, const char *name, zip_flags_t flags);
    void (*stat_init)(zip_stat_t *st);
    int (*stat_index)(zip_t *za, zip_uint64_t index, zip_flags_t flags, zip_stat_t *st);
    zip_file_t *(*fopen_index)(zip_t *za, zip_uint64_t index, zip_flags_t flags);
    zip_int64_t (*fread)(zip_file_t *zf, void *buf, zip_uint64_t n);
    int (*fclose)(zip_file_t *zf);
    const char *(*strerror)(zip_t *za);
    const char *(*file_strerror)(zip_file_t *zf);
    int (*file_replace)(zip_t *za, zip_uint64_t index, zip_source_t *src, zip_flags_t flags);
    int (*close)(zip_t *za);
    void (*discard)(zip_t *za);
} nb_zip_lib;

typedef struct nb_xml_lib {
    void (*init_parser)(void);
    xmlParserCtxtPtr (*new_parser_ctxt)(void);
    xmlDocPtr (*ctxt_read_memory)(xmlParserCtxtPtr ctxt, const char *buf, int size, const char *url,
                                  const char *encoding, int options);
    void (*free_parser_ctxt)(xmlParserCtxtPtr ctxt);
    void (*stop_parser)(xmlParserCtxtPtr ctxt);
    void (*free_doc)(xmlDocPtr doc);
    htmlParserCtxtPtr (*html_new_parser_ctxt)(void);
    htmlDocPtr (*html_ctxt_read_memory)(htmlParserCtxtPtr ctxt, const char *buf, int size, const char *url,
                                        const char *encoding, int options);
    void (*html_free_parser_ctxt)(htmlParserCtxtPtr ctxt);
} nb_xml_lib;

/* The value of the attribute `local` among the attributes SAX2 hands a
 * start tag (five pointers each: local name, prefix, URI, value, value
 * end), its length in *len; with no_ns only one in no namespace. NULL
 * when absent. */
static inline const char *nb_sax_attr(const xmlChar **attrs, int n, const char *local, int no_ns, size_t *len)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if ((!no_ns || !a[2]) && strcmp((const char *)a[0], local) == 0) {
            *len = (size_t)(a[4] - a[3]);
            return (const char *)a[3];
        }
    }
    return NULL;
}

/* libzip's functions, the library loaded the first time any thread asks;
 * NULL when it cannot be, with err set naming path (the file being read)
 * and the package to install. */
const nb_zip_lib *nb_zip_lib_get(const char *path, nb_lang lang, nb_err *err);
/* The same without a message (NULL: libzip cannot be loaded). */
const nb_zip_lib *nb_zip_lib_loaded(void);
/* libxml2's functions, as nb_zip_lib_get; xmlInitParser has been called
 * once before the first is returned. */
const nb_xml_lib *nb_xml_lib_get(const char *path, nb_lang lang, nb_err *err);

/* Which library of the two. */
typedef enum { NB_FMT_LIBZIP, NB_FMT_LIBXML2 } nb_fmt_which;

/* For the tests: fill L (an nb_zip_lib or nb_xml_lib as which says) from
 * the first of names[0, n) that loads, as the getters do but without their
 * once; 0, or -1 with err set as they set it. */
int nb_fmt_lib_load(nb_fmt_which which, const char *const *names, size_t n, void *L, const char *path, nb_lang lang,
                    nb_err *err);

#endif
