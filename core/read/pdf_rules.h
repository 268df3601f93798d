/* pdf_rules.h — the ruling lines of a page, found in a rendering of it
 * (poppler does not expose the strokes): runs of dark (or, where no dark
 * table is, pale) pixels long enough, not inside glyphs; a vertical line
 * counts only where it meets horizontal rules, so strokes of large
 * characters are not borders. */
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

/* The page's text: its glyphs g[0, ng), and whether faint text (a
 * watermark) was left out of them. */
typedef struct nb_ptext {
    const nb_pglyph *g;
    size_t ng;
    int faint;
} nb_ptext;

/* The horizontal and vertical rules of the page, in points, merged where
 * they continue one another: dark lines, or, on a page whose dark lines
 * draw no table and that has no faint text, pale ones too (a silver
 * border); no line is taken from inside a glyph's box. */
int nb_pdf_find_rules(const nb_pimage *im, const nb_ptext *t, nb_prules *out);
void nb_prules_free(nb_prules *r);

#endif
