/* select.h — what is selected and how the panes follow each other: the
 * rows of the tables pane (the grid), the cells found by where their text
 * is, the text cursor and the selected cell kept together, the current
 * finding, and the search's hits stepped to. */
#ifndef NB_SELECT_H
#define NB_SELECT_H

#include <stddef.h>

#include "app.h"
#include "keymap.h"

/* The tables pane's rows and the index of cells by their place in the
 * text; -1 when out of memory. */
int nb_select_init(nb_app *a);
void nb_select_free(nb_app *a);

/* The cell of grid row g, column col (the row's last when beyond), or -1. */
int nb_grid_cell(const nb_app *a, int g, int col);
int nb_selected_cell(const nb_app *a);
void nb_select_cell(nb_app *a, int ci);
/* Is off inside cell ci's text? A blank (no length) counts its position. */
int nb_in_cell(const nb_report *r, int ci, size_t off);
/* The cell whose text holds off, or -1. */
int nb_cell_at(const nb_app *a, size_t off);
/* The text cursor to the selected cell, or the cell under the cursor selected. */
void nb_cursor_to_cell(nb_app *a);
void nb_cell_from_cursor(nb_app *a);
/* The grid selection d data rows on (skipping titles and headers). */
void nb_grid_move(nb_app *a, int d);
/* How far a page request moves a pane of rows rows: ±(rows - 2) for a
 * page, about half of that for a half page (PAGE_*, HALF_*), else 0. */
int nb_page_step(int rows, nb_request rq);
/* Make finding idx current (wrapping round), its cell and text selected. */
void nb_go_finding(nb_app *a, int idx);
/* Search for pat from the cursor; the next (dir > 0) or previous hit. */
void nb_search_for(nb_app *a, const char *pat);
void nb_search_next(nb_app *a, int dir);
/* Which hit of how many a step (dir) reached, and whether it went round
 * the end, said on the status line ("hit 3 of 17"). */
void nb_search_said(nb_app *a, size_t k, size_t count, int wrapped, int dir);

#endif
