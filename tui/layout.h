/* layout.h — where the panes go: a pure function of the screen's size and
 * the layout chosen (side by side from 120 columns, else stacked; side by
 * side, the tables take 58 columns, and half of what a screen has beyond
 * 160). */
#ifndef NB_LAYOUT_H
#define NB_LAYOUT_H

enum { NB_LAYOUT_AUTO, NB_LAYOUT_SIDE, NB_LAYOUT_STACKED };

/* The smallest screen the console draws on. */
enum { NB_MIN_W = 60, NB_MIN_H = 12 };

typedef struct nb_panes {
    int small;           /* below NB_MIN_W × NB_MIN_H: nothing but a message */
    int stacked;         /* the tables below the text */
    int tx, ty, tw, th;  /* the text pane */
    int gx, gy, gw, gh;  /* the tables pane */
} nb_panes;

/* The panes of a w × h screen: a title line above, a status line below. */
nb_panes nb_layout(int w, int h, int choice);

#endif
