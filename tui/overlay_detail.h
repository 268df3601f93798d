/* overlay_detail.h — a finding's whole story (overlay_detail.c draws it,
 * detail_lines.c writes its lines): the message, the equation with every
 * term named by its row and column, the suspect cell, the claim quoted,
 * last year's figures beside this year's, the decisions, and the source
 * line of each cell, from which keys go to the cell. */
#ifndef NB_OVERLAY_DETAIL_H
#define NB_OVERLAY_DETAIL_H

#include "app.h"
#include "screen.h"

/* Open the detail of finding k of the session (says why not when k < 0). */
void nb_detail_open(nb_app *a, int k);

/* A line of the detail view: its text, its role, an ID drawn at the right
 * when there is room, and the cell it is about (-1 none). */
typedef struct nb_dline {
    char text[480];
    char side[64];
    nb_role role;
    int cell;
} nb_dline;

typedef struct nb_dlines {
    nb_dline *v;
    int n, max;
    int width;      /* the columns a line may take: longer text is wrapped */
} nb_dlines;

/* The lines of the detail of finding k, wrapped to d->width. */
void nb_detail_lines(const nb_app *a, int k, nb_dlines *d);

#endif
