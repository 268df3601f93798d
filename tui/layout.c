/* layout.c — the panes' rectangles from the screen's size (layout.h). */
#include "layout.h"

#include <string.h>

nb_panes nb_layout(int w, int h, int choice)
{
    nb_panes p;
    memset(&p, 0, sizeof p);
    if (w < NB_MIN_W || h < NB_MIN_H) {
        p.small = 1;
        return p;
    }
    p.stacked = choice == NB_LAYOUT_STACKED || (choice == NB_LAYOUT_AUTO && w < 120);
    int body = h - 2; /* title and status lines */
    if (p.stacked) {
        p.tx = 0, p.ty = 1, p.tw = w, p.th = (body - 1) / 2;
        p.gx = 0, p.gy = p.ty + p.th + 1, p.gw = w, p.gh = body - p.th - 1;
    } else {
        int gw = 58 + (w > 160 ? (w - 160) / 2 : 0); /* wide screens: room for T3's labels */
        if (gw > 104)
            gw = 104;
        p.tx = 0, p.ty = 1, p.tw = w - gw - 1, p.th = body;
        p.gx = w - gw, p.gy = 1, p.gw = gw, p.gh = body;
    }
    return p;
}
