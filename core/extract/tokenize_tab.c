/* tokenize_tab.c — tab-separated rows (Word and WPS tables saved as text,
 * HTML tables flattened by a browser): a cell between each pair of tabs, an
 * empty field an empty cell. Each token that is a whole field is told which
 * field of how many it is, so that rows of one shape keep their columns. */
#include "extract/internal.h"

void ex_tokenize_tab_row(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t s = a, from = tv->n;
    int field = 0;
    for (size_t j = a; j <= b; j++)
        if (j == b || t[j] == '\t') {
            size_t first = tv->n;
            ex_tokenize_cell(tv, t, s, j, LK_TAB);
            if (tv->n == first + 1 && field < MAXFIELDS)
                tv->v[first].field = (unsigned char)field;
            field++;
            s = j + 1;
        }
    for (size_t q = from; q < tv->n; q++)
        tv->v[q].nfields = (unsigned char)(field < MAXFIELDS ? field : NO_FIELD);
}
