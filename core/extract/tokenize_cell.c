/* tokenize_cell.c — one cell's text, in every layout that has cell
 * boundaries (tab rows, pipe and box tables, one cell per line): a value,
 * an empty cell, text, or text with numbers after it ("行政许可 97"). */
#include "extract/internal.h"
#include "text/numbering.h"

/* One cell of a tab, pipe or one-cell-per-line layout. */
void ex_tokenize_cell(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    ex_trim(t, &a, &b);
    if (a == b) {
        ex_emit(tv, K_EMPTY, a, 0, lk);
        return;
    }
    if (ex_emit_if_value(tv, t, a, b, lk))
        return;
    /* "0 0 0" or "行政许可 97": numbers at the end, split off (one word
     * without white space is the cell, no value: text) */
    size_t ws[64], we[64];
    int nw = 0, k = 0;
    if (ex_may_hold_space(t, a, b)) {
        size_t i = a;
        while (nw < 64 && ex_next_word(t, b, &i, &ws[nw], &we[nw]))
            nw++;
        k = nw;
        while (k > 0 && ex_is_value_text(t, ws[k - 1], we[k - 1]))
            k--;
    }
    if (k == nw || nw >= 64) {
        /* text; may still have digits glued on ("规章000"), read so in one cell a line */
        if (lk != LK_CELL) {
            ex_emit(tv, K_TEXT, a, b - a, lk);
            return;
        }
        int digits = 0;
        for (size_t j = a; j < b; j++)
            if (t[j] >= '0' && t[j] <= '9')
                digits = 1;
        size_t nl = nb_numbering_len(t, b, a);
        int only_numbering_digits = 1;
        for (size_t j = a + nl; j < b; j++)
            if (t[j] >= '0' && t[j] <= '9')
                only_numbering_digits = 0;
        if (digits && !only_numbering_digits && lk == LK_CELL)
            ex_tokenize_plain(tv, t, a, b, lk); /* a line of web text: "规章000" */
        else
            ex_emit(tv, K_TEXT, a, b - a, lk);
        return;
    }
    if (k > 0)
        ex_emit(tv, K_TEXT, a, we[k - 1] - a, lk);
    for (int w = k; w < nw; w++)
        ex_emit_value(tv, t, ws[w], we[w], lk);
}
