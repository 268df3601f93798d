/* tokenize_cell.c — one cell's text, in every layout that has cell
 * boundaries (tab rows, pipe and box tables, one cell per line): a value
 * ("4 529" one), an empty cell, text, or text with numbers after it
 * ("行政许可 97"); a figure written amiss ("18651。06") the cell's value,
 * read as text. */
#include "extract/internal.h"
#include "text/numbering.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A text cell of one cell a line: a line of web text when an ASCII digit
 * stands in it past the numbering at its start ("规章000"), else one text
 * token. The numbering is read only when the cell holds a digit at all. */
static void line_cell_text(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t d = a;
    while (d < b && !is_digit(t[d]))
        d++;
    if (d < b) {
        size_t j = a + nb_numbering_len(t, b, a);
        if (j < d)
            j = d; /* the first digit is the numbering's, or after it */
        while (j < b && !is_digit(t[j]))
            j++;
        if (j < b) {
            ex_tokenize_plain(tv, t, a, b, LK_CELL); /* a line of web text: "规章000" */
            return;
        }
    }
    ex_emit(tv, K_TEXT, a, b - a, LK_CELL);
}

/* A text cell t[a, b) with no numbers at its end to split off. A figure
 * written amiss in a cell of a tab or pipe row ("18651。06") is the value
 * of its cell, not a label's text: its cell is said to hold no number. */
static void whole_text_cell(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    /* text; may still have digits glued on ("规章000"), read so in one cell a line */
    if (lk == LK_CELL)
        line_cell_text(tv, t, a, b);
    else if (ex_is_figure_text(t, a, b))
        ex_emit_value(tv, t, a, b, lk);
    else
        ex_emit(tv, K_TEXT, a, b - a, lk);
}

/* A non-empty trimmed cell t[a, b) that is no value: "0 0 0" or "行政许可
 * 97", numbers at the end split off; one word without white space is the
 * cell, text. Out of line, so that a value cell sets up none of its words. */
__attribute__((noinline)) static void text_cell(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
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
        whole_text_cell(tv, t, a, b, lk);
        return;
    }
    if (k > 0)
        ex_emit(tv, K_TEXT, a, we[k - 1] - a, lk);
    for (int w = k; w < nw; w++)
        ex_emit_value(tv, t, ws[w], we[w], lk);
}

/* A cell of one number with its thousands set apart by spaces ("4 529"):
 * one value, not a number for each group. */
static int emit_if_spaced(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    nb_num num;
    if (!ex_spaced_number(t, a, b, &num))
        return 0;
    ex_emit_value(tv, t, a, b, lk);
    return 1;
}

/* One cell of a tab, pipe or one-cell-per-line layout. A cell whose last
 * character no value ends with (most labels: "予以公开", "（七）总计") is
 * text as it stands: neither it nor its last word is read as a value, and
 * its words are not looked for. */
void ex_tokenize_cell(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    ex_trim(t, &a, &b);
    if (a == b)
        ex_emit(tv, K_EMPTY, a, 0, lk);
    else if (!ex_may_end_value(t, a, b))
        whole_text_cell(tv, t, a, b, lk);
    else if (!ex_emit_if_value(tv, t, a, b, lk) && !emit_if_spaced(tv, t, a, b, lk))
        text_cell(tv, t, a, b, lk);
}
