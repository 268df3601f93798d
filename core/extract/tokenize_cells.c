/* tokenize_cells.c — one cell per line (Word's plain text, HTML flattened),
 * where a row spans lines: a blank line breaks rows; with tab-indented cells
 * (most lines start with a tab) a line without a tab continues the wrapped
 * text cell before it ("商业\n企业"). */
#include "extract/internal.h"

void ex_tokenize_cells_line(tokv *tv, const char *t, size_t a, size_t b, size_t x, size_t y, int tab_cells)
{
    int blank = x >= y;
    if (tab_cells) {
        if (blank && (a >= b || t[a] != '\t')) {
            ex_emit(tv, K_BREAK, a, 0, LK_CELL);
        } else if (a < b && t[a] == '\t') {
            ex_tokenize_cell(tv, t, a + 1, b, LK_CELL);
        } else if (tv->n && tv->v[tv->n - 1].kind == K_TEXT) {
            tok *p = &tv->v[tv->n - 1]; /* a wrapped cell: 商业\n企业 */
            p->len = y - p->off;
        } else {
            ex_tokenize_cell(tv, t, a, b, LK_CELL);
        }
    } else {
        ex_tokenize_cell(tv, t, a, b, LK_CELL);
    }
}
