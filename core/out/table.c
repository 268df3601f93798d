/* table.c — a text table: cells made printable as they are added, column
 * widths measured in display columns and fitted to a width, each cell cut
 * at a character boundary and padded. */
#include "out/table.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* s made printable: control characters as ^X (C1 ones as <XX>, bidi
 * overrides as \u202e), bytes that are not UTF-8 as U+FFFD. malloc'd; NULL
 * when out of memory. */
static char *printable(const char *s)
{
    size_t n = strlen(s), o = 0;
    char *out = malloc(n * 6 + 1); /* a byte gives at most four, a bidi override's three six */
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        uint32_t cp = nb_utf8_get(s, n, &i);
        if (cp < 0x20 || cp == 0x7F) {
            out[o++] = '^';
            out[o++] = (char)(cp ^ 0x40);
        } else if (cp >= 0x80 && cp < 0xA0) {
            o += (size_t)snprintf(out + o, 5, "<%02X>", (unsigned)cp);
        } else if (nb_cp_unsafe(cp)) {
            o += (size_t)snprintf(out + o, 7, "\\u%04x", (unsigned)cp);
        } else {
            o += nb_utf8_put(out + o, cp);
        }
    }
    out[o] = '\0';
    return out;
}

static int out_of_memory(const nb_table *t, nb_err *err)
{
    return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(t->lang, "out of memory", "内存不足"));
}

int nb_table_init(nb_table *t, int ncols, const char *const *head, nb_lang lang, nb_err *err)
{
    memset(t, 0, sizeof *t);
    t->lang = lang;
    if (ncols < 1 || ncols > NB_TABLE_MAXCOLS)
        return nb_err_set(err, NB_E_USAGE, nb_tr(lang, "a table of %d columns", "表格不能有 %d 列"), ncols);
    t->ncols = ncols;
    if (nb_table_add(t, head, err) != 0)
        return -1;
    t->nrows = 0; /* the header is row 0 of cells, not a row */
    return 0;
}

int nb_table_add(nb_table *t, const char *const *cells, nb_err *err)
{
    size_t used = t->cells ? t->nrows + 1 : 0; /* rows stored, the header too */
    if (used == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **grown = realloc(t->cells, cap * (size_t)t->ncols * sizeof *grown);
        if (!grown)
            return out_of_memory(t, err);
        t->cells = grown;
        t->cap = cap;
    }
    char **row = t->cells + used * (size_t)t->ncols;
    for (int c = 0; c < t->ncols; c++) {
        row[c] = printable(cells[c] ? cells[c] : "");
        if (!row[c]) {
            while (c--)
                free(row[c]);
            return out_of_memory(t, err);
        }
    }
    if (used)
        t->nrows++;
    return 0;
}

void nb_table_free(nb_table *t)
{
    size_t n = t->cells ? (t->nrows + 1) * (size_t)t->ncols : 0;
    for (size_t i = 0; i < n; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

void nb_table_widths(const nb_table *t, size_t max_width, size_t *widths)
{
    size_t total = NB_TABLE_GAP * (size_t)(t->ncols - 1);
    for (int c = 0; c < t->ncols; c++) {
        widths[c] = 0;
        for (size_t r = 0; r <= t->nrows; r++) {
            const char *s = t->cells[r * (size_t)t->ncols + (size_t)c];
            size_t w = nb_display_cols(s, strlen(s), 0);
            if (w > widths[c])
                widths[c] = w;
        }
        total += widths[c];
    }
    while (max_width && total > max_width) {
        int widest = -1;
        for (int c = 0; c < t->ncols; c++)
            if ((t->shrink >> c & 1) && widths[c] > NB_TABLE_MIN && (widest < 0 || widths[c] > widths[widest]))
                widest = c;
        if (widest < 0)
            break;
        widths[widest]--;
        total--;
    }
}

/* Where the part of s[0, n) that fits w columns begins (keep_end) or ends. */
static size_t cut_point(const char *s, size_t n, size_t w, int keep_end)
{
    size_t total = nb_display_cols(s, n, 0), col = 0, i = 0;
    while (i < n) {
        size_t at = i;
        size_t cw = (size_t)nb_cp_width(nb_utf8_get(s, n, &i));
        if (keep_end && total - col <= w)
            return at;
        if (!keep_end && col + cw > w)
            return at;
        col += cw;
    }
    return n;
}

/* How s goes into a column of width w: spaces before, the part s[from, to)
 * with "…" before or after it (ellipsis -1 or 1), spaces after. */
typedef struct fitted {
    size_t left, from, to, right;
    int ellipsis;
} fitted;

static fitted fit(const char *s, size_t w, int align_right, int keep_end)
{
    size_t n = strlen(s), cols = nb_display_cols(s, n, 0);
    fitted f = {0, 0, n, 0, 0};
    if (cols > w && w == 0) {
        f.to = 0;
        cols = 0;
    } else if (cols > w && keep_end) {
        f.from = cut_point(s, n, w - 1, 1);
        f.ellipsis = -1;
        cols = 1 + nb_display_cols(s + f.from, n - f.from, 0);
    } else if (cols > w) {
        f.to = cut_point(s, n, w - 1, 0);
        f.ellipsis = 1;
        cols = 1 + nb_display_cols(s, f.to, 0);
    }
    size_t pad = w > cols ? w - cols : 0;
    *(align_right ? &f.left : &f.right) = pad;
    return f;
}

void nb_table_fit(const char *s, size_t w, int align_right, int keep_end, char *out, size_t cap)
{
    fitted f = fit(s, w, align_right, keep_end);
    snprintf(out, cap, "%*s%s%.*s%s%*s", (int)f.left, "", f.ellipsis < 0 ? "…" : "", (int)(f.to - f.from),
             s + f.from, f.ellipsis > 0 ? "…" : "", (int)f.right, "");
}

int nb_table_write(const nb_table *t, FILE *out, size_t max_width)
{
    size_t widths[NB_TABLE_MAXCOLS];
    nb_table_widths(t, max_width, widths);
    for (size_t r = 0; r <= t->nrows; r++) {
        size_t pending = 0; /* spaces written only when something follows them */
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * (size_t)t->ncols + (size_t)c];
            fitted f = fit(s, widths[c], t->right >> c & 1, t->keep_end >> c & 1);
            pending += (c ? NB_TABLE_GAP : 0) + f.left;
            if (f.to > f.from || f.ellipsis) {
                fprintf(out, "%*s%s%.*s%s", (int)pending, "", f.ellipsis < 0 ? "…" : "", (int)(f.to - f.from),
                        s + f.from, f.ellipsis > 0 ? "…" : "");
                pending = 0;
            }
            pending += f.right;
        }
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
