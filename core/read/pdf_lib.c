/* pdf_lib.c — poppler-glib (and the cairo and GLib under it) loaded with
 * dlopen when a PDF is read, its functions looked up by name. */
#include "read/pdf_lib.h"

#include <dlfcn.h>
#include <string.h>

#ifndef NB_POPPLER_GLIB_SO
#define NB_POPPLER_GLIB_SO "libpoppler-glib.so.8" /* the build names it (Makefile) */
#endif

/* One entry of the table: the name to look up and where it goes. */
typedef struct sym {
    const char *name;
    size_t at; /* offset of the field in nb_pdf_lib */
} sym;

#define S(field, name) {name, offsetof(nb_pdf_lib, field)}
static const sym syms[] = {
    S(document_new_from_bytes, "poppler_document_new_from_bytes"),
    S(document_get_n_pages, "poppler_document_get_n_pages"),
    S(document_get_page, "poppler_document_get_page"),
    S(page_get_size, "poppler_page_get_size"),
    S(page_get_text, "poppler_page_get_text"),
    S(page_get_text_layout, "poppler_page_get_text_layout"),
    S(page_render, "poppler_page_render"),
    S(error_quark, "poppler_error_quark"),
    S(image_surface_create, "cairo_image_surface_create"),
    S(surface_status, "cairo_surface_status"),
    S(surface_flush, "cairo_surface_flush"),
    S(surface_destroy, "cairo_surface_destroy"),
    S(image_surface_get_data, "cairo_image_surface_get_data"),
    S(image_surface_get_stride, "cairo_image_surface_get_stride"),
    S(create, "cairo_create"),
    S(set_source_rgb, "cairo_set_source_rgb"),
    S(paint, "cairo_paint"),
    S(scale, "cairo_scale"),
    S(destroy, "cairo_destroy"),
    S(g_free, "g_free"),
    S(g_object_unref, "g_object_unref"),
    S(g_clear_error, "g_clear_error"),
    S(g_bytes_new_static, "g_bytes_new_static"),
    S(g_bytes_unref, "g_bytes_unref"),
    S(g_log_set_handler, "g_log_set_handler"),
    S(g_log_remove_handler, "g_log_remove_handler"),
};
#undef S

/* The library: its soname, else the development link's name. Loaded for
 * good (RTLD_NODELETE): a second dlopen only counts it again. */
static void *open_poppler(void)
{
    static const char *const names[] = {NB_POPPLER_GLIB_SO, "libpoppler-glib.so"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        void *h = dlopen(names[k], RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
        if (h)
            return h;
    }
    return NULL;
}

int nb_pdf_lib_load(nb_pdf_lib *L, const char *path, nb_lang lang, nb_err *err)
{
    memset(L, 0, sizeof *L);
    void *h = open_poppler();
    if (!h)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: PDFs are read with poppler, which is not installed (Debian: apt-get install libpoppler-glib8)",
                                "%s：读取 PDF 需要 poppler，本机未安装（Debian：apt-get install libpoppler-glib8）"),
                          path);
    for (size_t k = 0; k < sizeof syms / sizeof syms[0]; k++) {
        void *f = dlsym(h, syms[k].name);
        if (!f) {
            dlclose(h);
            return nb_err_set(err, NB_E_FORMAT,
                              nb_tr(lang, "%s: the poppler installed lacks %s; PDFs cannot be read",
                                    "%s：已安装的 poppler 缺少 %s，无法读取 PDF"),
                              path, syms[k].name);
        }
        memcpy((char *)L + syms[k].at, &f, sizeof f); /* a function pointer from dlsym, as POSIX allows */
    }
    dlclose(h); /* RTLD_NODELETE: the library stays, only the count goes */
    return 0;
}
