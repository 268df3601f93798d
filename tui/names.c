/* names.c — rows, columns and cells as the console names them (names.h). */
#include "names.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "text/numbering.h"

/* The label from after its numbering up to the first bracket after that. */
static void cut_label(const char *l, char *out, size_t cap)
{
    size_t n = strlen(l), skip = 0;
    nb_marker m;
    if (nb_marker_read(l, n, 0, &m) != NB_MARK_NONE && nb_marker_is_label(&m) && m.len < n)
        skip = m.len;
    const char *p = l + skip, *fw = strstr(p, "（"), *hw = strchr(p, '(');
    const char *end = fw && (!hw || fw < hw) ? fw : hw;
    if (end == p) /* a label that is all bracket: kept whole */
        end = NULL;
    snprintf(out, cap, "%.*s", (int)(end ? (size_t)(end - p) : strlen(p)), p);
}

void nb_row_label(const nb_schema *s, int row, char *out, size_t cap)
{
    cut_label(s->rows[row].label, out, cap);
}

void nb_col_label(const nb_schema *s, int row, int col, nb_lang lang, char *out, size_t cap)
{
    const nb_row *r = &s->rows[row];
    if (r->table == NB_T2)
        cut_label(r->cols[col].label, out, cap);
    else
        snprintf(out, cap, "%s", nb_col_name(r->cols[col].key, lang));
}

void nb_cell_label(const nb_schema *s, int ci, nb_lang lang, char *out, size_t cap)
{
    int row, col;
    nb_schema_cell_pos(s, ci, &row, &col);
    if (lang != NB_LANG_ZH || row < 0) {
        nb_schema_cell_id(s, ci, out, cap);
        return;
    }
    char rl[192], cl[96];
    nb_row_label(s, row, rl, sizeof rl);
    nb_col_label(s, row, col, lang, cl, sizeof cl);
    snprintf(out, cap, "%s（%s）", rl, cl);
}

void nb_quote_text(nb_lang lang, const char *t, size_t n, size_t max, char *out, size_t cap)
{
    size_t k = n < max ? n : nb_utf8_whole(t, max); /* never half a character */
    snprintf(out, cap, lang == NB_LANG_ZH ? "“%.*s%s”" : "\"%.*s%s\"", (int)k, t, k < n ? "..." : "");
}
