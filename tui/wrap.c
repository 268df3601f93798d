/* wrap.c — the text cut into screen rows (wrap.h): the walk over a line's
 * characters, rows found from the mark or line start before them, rows
 * stepped over and counted. */
#include "wrap.h"

#include "base/utf8.h"

/* The next mark on the line after index mk, or the line's end. */
static size_t next_break(const nb_wrap *w)
{
    return w->mk < w->nmarks && w->marks[w->mk].off < w->e ? w->marks[w->mk].off : w->e;
}

void nb_wrap_from(nb_wrap *w, const nb_doc *d, size_t off, int width)
{
    if (off > d->len)
        off = d->len;
    size_t ls, le;
    nb_doc_line(d, nb_doc_line_of(d, off), &ls, &le);
    const nb_docmark *m = nb_doc_mark_before(d, off);
    w->d = d;
    w->nmarks = nb_doc_marks(d, &w->marks);
    w->e = le;
    w->col = 0;
    w->width = width;
    w->mk = m ? (size_t)(m - w->marks) + 1 : 0;
    if (m && m->off > ls) { /* a mark on this line: its column is known */
        w->i = m->off;
        w->lcol = m->col;
    } else {
        w->i = ls;
        w->lcol = 0;
    }
    w->brk = next_break(w);
}

int nb_wrap_next(nb_wrap *w, size_t *start, uint32_t *cp, int *cw, int *col)
{
    if (w->i >= w->e)
        return 0;
    int newrow = 0;
    if (w->i == w->brk) { /* a mark: a row starts here */
        if (w->col > 0) {
            w->col = 0;
            newrow = 1;
        }
        w->mk++;
        w->brk = next_break(w);
    }
    *start = w->i;
    *cp = nb_utf8_get(w->d->text, w->e, &w->i);
    *cw = *cp == '\t' ? 8 - (int)(w->lcol % 8) : nb_cp_width(*cp);
    w->lcol += (size_t)*cw;
    if (w->col + *cw > w->width && w->col > 0) {
        w->col = 0;
        newrow = 1;
    }
    *col = w->col;
    w->col += *cw;
    return newrow ? 2 : 1;
}

size_t nb_row_of(const nb_doc *d, size_t off, int width, int *col)
{
    nb_wrap w;
    nb_wrap_from(&w, d, off, width);
    size_t row = w.i, st;
    uint32_t cp;
    int cw, c, at = 0, rc;
    for (;;) {
        rc = nb_wrap_next(&w, &st, &cp, &cw, &c);
        if (!rc) { /* off is the line's end: after its text */
            at = w.col;
            break;
        }
        if (st > off) /* off inside the character before */
            break;
        if (rc == 2)
            row = st;
        at = c;
        if (st == off)
            break;
    }
    if (col)
        *col = at;
    return row;
}

/* The row after the one that starts at row; row itself on the last row. */
static size_t row_next(const nb_doc *d, size_t row, int width)
{
    nb_wrap w;
    nb_wrap_from(&w, d, row, width);
    size_t st;
    uint32_t cp;
    int cw, c, rc;
    while ((rc = nb_wrap_next(&w, &st, &cp, &cw, &c)))
        if (rc == 2 && st > row)
            return st;
    size_t li = nb_doc_line_of(d, row);
    return li + 1 < d->nlines ? d->lines[li + 1] : row;
}

/* The row before the one that starts at row; row itself on the first. */
static size_t row_prev(const nb_doc *d, size_t row, int width)
{
    size_t li = nb_doc_line_of(d, row), ls = d->lines[li];
    if (row > ls) { /* the row of the character before */
        size_t p = row - 1;
        while (p > ls && ((unsigned char)d->text[p] & 0xC0) == 0x80)
            p--;
        return nb_row_of(d, p, width, NULL);
    }
    if (li == 0)
        return row;
    size_t ps, pe;
    nb_doc_line(d, li - 1, &ps, &pe);
    return nb_row_of(d, pe, width, NULL);
}

size_t nb_row_step(const nb_doc *d, size_t row, long n, int width)
{
    for (long k = 0; k < (n < 0 ? -n : n); k++) {
        size_t to = n < 0 ? row_prev(d, row, width) : row_next(d, row, width);
        if (to == row)
            break;
        row = to;
    }
    return row;
}

size_t nb_row_at_col(const nb_doc *d, size_t row, int col, int width)
{
    nb_wrap w;
    nb_wrap_from(&w, d, row, width);
    size_t st, last = row;
    uint32_t cp;
    int cw, c, rc;
    while ((rc = nb_wrap_next(&w, &st, &cp, &cw, &c))) {
        if (st < row)
            continue;
        if (rc == 2 && st > row) /* the row ended before col */
            return last;
        if (c + cw > col)
            return st;
        last = st;
    }
    return w.e;
}

int nb_rows_between(const nb_doc *d, size_t from, size_t to, int width, int max)
{
    if (to <= from)
        return 0;
    nb_wrap w;
    nb_wrap_from(&w, d, from, width);
    size_t li = nb_doc_line_of(d, from), st;
    uint32_t cp;
    int cw, c, rc, n = 0;
    for (;;) {
        rc = nb_wrap_next(&w, &st, &cp, &cw, &c);
        if (!rc) { /* on to the next line, a row of its own */
            if (li + 1 >= d->nlines || d->lines[li + 1] > to)
                return n;
            st = d->lines[++li];
            nb_wrap_from(&w, d, st, width);
        } else if (st <= from || rc != 2) {
            continue;
        } else if (st > to) {
            return n;
        }
        if (++n > max || st == to)
            return n;
    }
}

size_t nb_row_last_of_line(const nb_doc *d, size_t off, int width)
{
    size_t ls, le;
    nb_doc_line(d, nb_doc_line_of(d, off), &ls, &le);
    return nb_row_of(d, le, width, NULL);
}
