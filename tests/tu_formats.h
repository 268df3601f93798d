/* tu_formats.h — helpers of the tests of the structured readers: a file
 * read by the reader of its kind, a grid cell's text, grids compared slot
 * by slot. */
#ifndef NB_TU_FORMATS_H
#define NB_TU_FORMATS_H

#include "testutil.h"
#include "model/grid.h"
#include "read/detect.h"
#include "read/doc.h"
#include "read/docx.h"
#include "read/html.h"
#include "base/utf8.h"

/* dir/name into a static buffer (one of four, so a few can be live). */
static inline const char *tu_path(const char *dir, const char *name)
{
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

/* Read a file with the reader its bytes call for; 0 or -1 with e. */
static inline int tu_read_doc(nb_doc *d, const char *path, nb_err *e)
{
    size_t n = 0;
    unsigned char *b = (unsigned char *)tu_read(path, &n);
    if (!b)
        fail_msg("%s: cannot read", path);
    int rc;
    switch (nb_detect(b, n)) {
    case NB_KIND_HTML: rc = nb_read_html(d, path, b, n, NB_LANG_EN, e); break;
    case NB_KIND_DOC: rc = nb_read_doc(d, path, b, n, NB_LANG_EN, e); break;
    default: rc = nb_read_docx(d, path, b, n, NB_LANG_EN, e); break;
    }
    free(b);
    return rc;
}

static inline void tu_doc(nb_doc *d, const char *path)
{
    nb_err e;
    if (tu_read_doc(d, path, &e) != 0)
        fail_msg("%s", e.msg);
}

/* The cell covering (row, col) of grid gi, or a failed test. */
static inline const nb_gcell *tu_gcell(const nb_doc *d, int gi, int row, int col)
{
    assert_true(gi < d->ngrids);
    const nb_gcell *c = nb_grid_at(&d->grids[gi], row, col);
    if (!c)
        fail_msg("%s: grid %d has no cell at (%d, %d)", d->path, gi + 1, row, col);
    return c;
}

/* The text of the cell covering (row, col) of grid gi. */
static inline const char *tu_gtext(const nb_doc *d, int gi, int row, int col)
{
    static char buf[2][512];
    static int k;
    k ^= 1;
    const nb_gcell *c = tu_gcell(d, gi, row, col);
    snprintf(buf[k], sizeof buf[k], "%.*s", (int)c->len, d->text + c->off);
    return buf[k];
}

/* Grid ga of a and gb of b: the same shape, the same cells with the same
 * spans and texts in every slot. */
static inline void tu_grids_agree(const nb_doc *a, int ga, const nb_doc *b, int gb)
{
    const nb_grid *x = &a->grids[ga], *y = &b->grids[gb];
    if (x->nrows != y->nrows || x->ncols != y->ncols || x->ncells != y->ncells)
        fail_msg("%s grid %d is %dx%d (%d cells), %s grid %d is %dx%d (%d cells)", a->path, ga + 1, x->nrows,
                 x->ncols, x->ncells, b->path, gb + 1, y->nrows, y->ncols, y->ncells);
    for (int r = 0; r < x->nrows; r++)
        for (int c = 0; c < x->ncols; c++) {
            const nb_gcell *p = nb_grid_at(x, r, c), *q = nb_grid_at(y, r, c);
            if (!p || !q) {
                if (p != q && (p ? p->len : q->len))
                    fail_msg("%s / %s grid %d: a cell at (%d, %d) in one only", a->path, b->path, ga + 1, r, c);
                continue;
            }
            if (p->row != q->row || p->col != q->col || p->rowspan != q->rowspan || p->colspan != q->colspan ||
                p->len != q->len || memcmp(a->text + p->off, b->text + q->off, p->len) != 0)
                fail_msg("%s / %s grid %d (%d, %d): [%d,%d %dx%d] \"%.*s\" vs [%d,%d %dx%d] \"%.*s\"", a->path,
                         b->path, ga + 1, r, c, p->row, p->col, p->rowspan, p->colspan, (int)p->len, a->text + p->off,
                         q->row, q->col, q->rowspan, q->colspan, (int)q->len, b->text + q->off);
        }
}

#endif
