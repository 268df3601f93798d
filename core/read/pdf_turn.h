/* pdf_turn.h — a page's reading direction: a page shown sideways or upside
 * down (its /Rotate, or its text set turned on the paper) is turned so that
 * its lines run left to right, top to bottom, before tables and lines are
 * found; the ruling lines are rendered through the same turn. */
#ifndef NB_PDF_TURN_H
#define NB_PDF_TURN_H

#include <stddef.h>
#include "read/pdf_page.h"

/* How a page is turned to be read: the way its text runs as shown. */
typedef enum {
    NB_TURN_NONE = 0, /* left to right */
    NB_TURN_DOWN,     /* top to bottom: shown turned a quarter clockwise */
    NB_TURN_LEFT,     /* right to left: shown upside down */
    NB_TURN_UP        /* bottom to top: shown turned a quarter anticlockwise */
} nb_pturn;

/* The direction most of the page's text runs in, from the steps between
 * neighbouring glyphs g[0, n) in the order the PDF draws them; NONE unless
 * another direction clearly outweighs left to right. */
nb_pturn nb_pdf_turn_of(const nb_pglyph *g, size_t n);

/* The affine map (x', y') = (xx x + xy y + x0, yx x + yy y + y0) from the
 * page as shown (w × h points) to the page turned; cairo's matrix order. */
typedef struct nb_pturn_map {
    double xx, yx, xy, yy, x0, y0;
} nb_pturn_map;

nb_pturn_map nb_pdf_turn_map(nb_pturn t, double w, double h);

/* Glyph boxes g[0, n) mapped onto the turned page, whose size replaces
 * *w × *h (width and height swapped by a quarter turn). */
void nb_pdf_turn_glyphs(nb_pglyph *g, size_t n, nb_pturn t, double *w, double *h);

#endif
