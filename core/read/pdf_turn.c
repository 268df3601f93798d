/* pdf_turn.c — a page's reading direction told by its glyphs, and the map
 * that turns the page so its text reads left to right (see pdf_turn.h). */
#include "read/pdf_turn.h"

#include <math.h>

#define MIN_VOTES 8 /* steps in a direction before the page is turned */

/* The direction of the step from glyph a to glyph b, when b is a's near
 * neighbour along one axis; -1 for any other step (a new line, a jump). */
static int step_direction(const nb_pbox *a, const nb_pbox *b)
{
    double dx = (b->x0 + b->x1 - a->x0 - a->x1) / 2, dy = (b->y0 + b->y1 - a->y0 - a->y1) / 2;
    double size = fmax(fmax(a->x1 - a->x0, a->y1 - a->y0), fmax(b->x1 - b->x0, b->y1 - b->y0));
    if (!(size > 0) || fabs(dx) + fabs(dy) > 3 * size)
        return -1;
    if (fabs(dx) > 2 * fabs(dy))
        return dx > 0 ? NB_TURN_NONE : NB_TURN_LEFT;
    if (fabs(dy) > 2 * fabs(dx))
        return dy > 0 ? NB_TURN_DOWN : NB_TURN_UP;
    return -1;
}

nb_pturn nb_pdf_turn_of(const nb_pglyph *g, size_t n)
{
    size_t votes[4] = {0};
    for (size_t i = 1; i < n; i++) {
        int d = step_direction(&g[i - 1].b, &g[i].b);
        if (d >= 0)
            votes[d]++;
    }
    nb_pturn best = NB_TURN_NONE;
    for (int d = NB_TURN_DOWN; d <= NB_TURN_UP; d++)
        if (votes[d] > votes[best])
            best = (nb_pturn)d;
    if (best == NB_TURN_NONE || votes[best] < MIN_VOTES || votes[best] < 2 * votes[NB_TURN_NONE])
        return NB_TURN_NONE;
    return best;
}

nb_pturn_map nb_pdf_turn_map(nb_pturn t, double w, double h)
{
    switch (t) {
    case NB_TURN_DOWN: /* x' = y, y' = w - x */
        return (nb_pturn_map){0, -1, 1, 0, 0, w};
    case NB_TURN_LEFT: /* x' = w - x, y' = h - y */
        return (nb_pturn_map){-1, 0, 0, -1, w, h};
    case NB_TURN_UP: /* x' = h - y, y' = x */
        return (nb_pturn_map){0, 1, -1, 0, h, 0};
    default:
        return (nb_pturn_map){1, 0, 0, 1, 0, 0};
    }
}

static void map_point(const nb_pturn_map *m, double x, double y, double *ox, double *oy)
{
    *ox = m->xx * x + m->xy * y + m->x0;
    *oy = m->yx * x + m->yy * y + m->y0;
}

void nb_pdf_turn_glyphs(nb_pglyph *g, size_t n, nb_pturn t, double *w, double *h)
{
    if (t == NB_TURN_NONE)
        return;
    nb_pturn_map m = nb_pdf_turn_map(t, *w, *h);
    for (size_t i = 0; i < n; i++) {
        double ax, ay, bx, by;
        map_point(&m, g[i].b.x0, g[i].b.y0, &ax, &ay);
        map_point(&m, g[i].b.x1, g[i].b.y1, &bx, &by);
        g[i].b = (nb_pbox){fmin(ax, bx), fmin(ay, by), fmax(ax, bx), fmax(ay, by)};
    }
    if (t != NB_TURN_LEFT) {
        double s = *w;
        *w = *h;
        *h = s;
    }
}
