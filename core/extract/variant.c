/* variant.c — which variant of its format's tables a report follows. A 2021
 * report whose T3 has （六）其他处理 but none of the words of its three rows
 * (逾期不补正, 逾期未按收费通知 … 缴纳费用) keeps （六）其他处理 in one row, as an
 * earlier template (the 2019 trial format's) did: its cells are then read
 * as t3.other.* (model/schema's NB_VARIANT_ONE_OTHER), and T3.RESULTS_SUM
 * counts that row as it counts the three. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "model/report.h"
#include "model/schema.h"

#include <stdlib.h>
#include <string.h>

/* w occurs in t[a, b), white space (a wrapped line) allowed between its
 * bytes. Commonly it stands there whole, found at once (nb_find); else each
 * place its first byte stands is tried. */
static int has_words(const char *t, size_t a, size_t b, const char *w)
{
    size_t wl = strlen(w);
    if (b > a && nb_find(t + a, b - a, w, wl))
        return 1;
    for (size_t i = a; i < b; i++) {
        const char *p = memchr(t + i, w[0], b - i); /* where the word may start */
        if (!p)
            return 0;
        i = (size_t)(p - t);
        size_t j = i, k = 0;
        while (j < b && k < wl) {
            if (t[j] == w[k]) {
                j++;
                k++;
            } else if (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r') {
                j++;
            } else {
                break;
            }
        }
        if (k == wl)
            return 1;
    }
    return 0;
}

/* Does T3 (t[a, b)) have （六）其他处理 as one row? */
static int other_in_one_row(const char *t, size_t a, size_t b)
{
    static const char *const rows3[] = {"不补正", "收费通知", "缴纳费用", "逾期未按"};
    if (!has_words(t, a, b, "其他处理"))
        return 0;
    for (size_t k = 0; k < sizeof rows3 / sizeof rows3[0]; k++)
        if (has_words(t, a, b, rows3[k]))
            return 0;
    return 1;
}

int ex_choose_variant(nb_report *r, const area *ar)
{
    if (r->format != 2021 || r->schema->variant != NB_VARIANT_STANDARD || ar->t3e <= ar->t3s ||
        !other_in_one_row(r->doc.text, ar->t3s, ar->t3e))
        return 0;
    const nb_schema *s = nb_schema_variant(2021, NB_VARIANT_ONE_OTHER);
    int n = nb_schema_ncells(s);
    nb_cell *cells = calloc((size_t)n, sizeof *cells);
    if (!cells)
        return -1;
    free(r->cells);
    r->cells = cells;
    r->ncells = n;
    r->schema = s;
    return 0;
}
