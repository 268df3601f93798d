/* pdf_lib.h — the functions of poppler-glib, cairo and GLib that the PDF
 * reader calls, found when the first PDF is read (dlopen) rather than when
 * the program starts: poppler brings some sixty shared libraries with it,
 * about ten milliseconds at every start, which a run that reads no PDF
 * should not pay. Loaded once, never unloaded (GLib's types cannot be). */
#ifndef NB_PDF_LIB_H
#define NB_PDF_LIB_H

#include <cairo.h>
#include <poppler.h>
#include "base/err.h"

typedef struct nb_pdf_lib {
    PopplerDocument *(*document_new_from_bytes)(GBytes *bytes, const char *password, GError **error);
    int (*document_get_n_pages)(PopplerDocument *doc);
    PopplerPage *(*document_get_page)(PopplerDocument *doc, int index);
    void (*page_get_size)(PopplerPage *page, double *width, double *height);
    char *(*page_get_text)(PopplerPage *page);
    gboolean (*page_get_text_layout)(PopplerPage *page, PopplerRectangle **rects, guint *n);
    GList *(*page_get_text_attributes)(PopplerPage *page);
    void (*page_free_text_attributes)(GList *list);
    void (*page_render)(PopplerPage *page, cairo_t *cr);
    GList *(*page_get_image_mapping)(PopplerPage *page);
    void (*page_free_image_mapping)(GList *list);
    GQuark (*error_quark)(void);
    cairo_surface_t *(*image_surface_create)(cairo_format_t format, int width, int height);
    cairo_status_t (*surface_status)(cairo_surface_t *surface);
    void (*surface_flush)(cairo_surface_t *surface);
    void (*surface_destroy)(cairo_surface_t *surface);
    unsigned char *(*image_surface_get_data)(cairo_surface_t *surface);
    int (*image_surface_get_stride)(cairo_surface_t *surface);
    cairo_t *(*create)(cairo_surface_t *target);
    void (*set_source_rgb)(cairo_t *cr, double red, double green, double blue);
    void (*paint)(cairo_t *cr);
    void (*scale)(cairo_t *cr, double sx, double sy);
    void (*transform)(cairo_t *cr, const cairo_matrix_t *matrix);
    void (*destroy)(cairo_t *cr);
    void (*g_free)(gpointer mem);
    void (*g_object_unref)(gpointer object);
    void (*g_clear_error)(GError **error);
    GBytes *(*g_bytes_new_static)(gconstpointer data, gsize size);
    void (*g_bytes_unref)(GBytes *bytes);
    guint (*g_log_set_handler)(const gchar *domain, GLogLevelFlags levels, GLogFunc func, gpointer data);
    void (*g_log_remove_handler)(const gchar *domain, guint handler_id);
} nb_pdf_lib;

/* Fill L with poppler-glib's functions (loading it if it is not yet);
 * when it cannot be found, the message says what to install. */
int nb_pdf_lib_load(nb_pdf_lib *L, const char *path, nb_lang lang, nb_err *err);

#endif
