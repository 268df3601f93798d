/* pdf_rules.h — the ruling lines of a page, found in a rendering of it
 * (poppler does not expose the strokes): runs of dark pixels long enough,
 * not inside glyphs; a vertical line counts only where it meets
 * horizontal rules, so strokes of large characters are not borders. */
#ifndef NB_PDF_RULES_H
#define NB_PDF_RULES_H

#include <stddef.h>
#include "read/pdf_page.h"

/* A rendered page: 32-bit pixels 0x00RRGGBB (cairo RGB24 / ARGB32), rows
 * `stride` bytes apart, `scale` pixels to the point. */
typedef struct nb_pimage {
    const unsigned char *px;
    int w, h, stride;
    double scale;
} nb_pimage;

/* Most rules a page may have; a page with more (hatching, a picture of
 * lines) is taken to have none. */
#define NB_PDF_MAX_RULES 4000

/* The horizontal and vertical rules of the page, in points, merged where
 * they continue one another; glyphs g[0, ng) mark where text is. */
int nb_pdf_find_rules(const nb_pimage *im, const nb_pglyph *g, size_t ng, nb_prules *out);
void nb_prules_free(nb_prules *r);

#endif
