/* pdf_lib.c — poppler-glib (and the cairo and GLib under it) loaded with
 * dlopen when a PDF is read, its functions looked up by name. */
#include "read/pdf_lib.h"
#include "base/dl.h"

#include <string.h>

#ifndef NB_POPPLER_GLIB_SO
#define NB_POPPLER_GLIB_SO "libpoppler-glib.so.8" /* the build names it (Makefile) */
#endif

#define S(field, name) {name, offsetof(nb_pdf_lib, field)}
static const nb_dl_sym syms[] = {
    S(document_new_from_bytes, "poppler_document_new_from_bytes"),
    S(document_get_n_pages, "poppler_document_get_n_pages"),
    S(document_get_page, "poppler_document_get_page"),
    S(page_get_size, "poppler_page_get_size"),
    S(page_get_text, "poppler_page_get_text"),
    S(page_get_text_layout, "poppler_page_get_text_layout"),
    S(page_get_text_attributes, "poppler_page_get_text_attributes"),
    S(page_free_text_attributes, "poppler_page_free_text_attributes"),
    S(page_render, "poppler_page_render"),
    S(page_get_image_mapping, "poppler_page_get_image_mapping"),
    S(page_free_image_mapping, "poppler_page_free_image_mapping"),
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
    S(transform, "cairo_transform"),
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

/* The library: its soname, else the development link's name. */
static const char *const names[] = {NB_POPPLER_GLIB_SO, "libpoppler-glib.so"};

int nb_pdf_lib_load(nb_pdf_lib *L, const char *path, nb_lang lang, nb_err *err)
{
    memset(L, 0, sizeof *L);
    const char *missing = nb_dl_fill(names, sizeof names / sizeof names[0], syms, sizeof syms / sizeof syms[0], L);
    if (!missing)
        return 0;
    if (!*missing)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: PDFs are read with poppler, which is not installed (Debian: apt-get install libpoppler-glib8)",
                                "%s：读取 PDF 需要 poppler，本机未安装（Debian：apt-get install libpoppler-glib8）"),
                          path);
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: the poppler installed lacks %s; PDFs cannot be read",
                            "%s：已安装的 poppler 缺少 %s，无法读取 PDF"),
                      path, missing);
}
