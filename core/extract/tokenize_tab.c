/* tokenize_tab.c — tab-separated rows (Word tables saved as text, HTML
 * tables flattened by some tools): a cell between each pair of tabs. */
#include "extract/internal.h"

void ex_tokenize_tab_row(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t s = a;
    for (size_t j = a; j <= b; j++)
        if (j == b || t[j] == '\t') {
            ex_tokenize_cell(tv, t, s, j, LK_TAB);
            s = j + 1;
        }
}
