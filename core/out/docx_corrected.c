/* docx_corrected.c — the corrected .docx: each corrected cell found in its
 * table grid, the grid cell's runs (w:t ordinals, its w:tc) found in the raw
 * bytes of the document part the reader read (word/document.xml, or the
 * part _rels/.rels names), their text replaced there and nothing else
 * (but the w:showingPlcHdr of a content control whose prompt the value
 * replaces), then the package rewritten with libzip (the other entries copied as they
 * are) and written atomically. */
#include "out/docx_corrected.h"
#include "out/source.h"
#include "out/wmlscan.h"
#include "base/fsio.h"
#include "model/grid.h"
#include "read/build.h"
#include "read/docx_rels.h"
#include "read/fmt_lib.h"
#include "read/sbuf.h"
#include "read/zippart.h"

#include <stdlib.h>
#include <string.h>

/* Replace x[at, end) with text. */
typedef struct edit {
    size_t at, end;
    char *text;
    size_t len;
} edit;

typedef struct plan {
    const char *part;      /* the document part's name */
    const char *x;         /* its bytes */
    size_t n;
    nb_wml wml;
    edit *v;
    size_t nv, cap;
} plan;

/* ------------------------------------------------------------ the cell in the grid */

/* The grid cell whose slot (its text up to the next column mark) holds
 * text offset off, or NULL. */
static const nb_gcell *grid_cell_at(const nb_doc *d, size_t off)
{
    for (int g = 0; g < d->ngrids; g++) {
        const nb_grid *G = &d->grids[g];
        if (off < G->off || off >= G->end)
            continue;
        for (int k = 0; k < G->ncells; k++) {
            const nb_gcell *c = &G->cells[k];
            size_t e = c->off + c->len;
            const char *m = memmem(d->text + e, G->end - e, NB_COLMARK, sizeof NB_COLMARK - 1);
            if (off >= c->off && off <= (m ? (size_t)(m - d->text) : G->end))
                return c;
        }
    }
    return NULL;
}

/* The cell's new text, XML-escaped: the grid cell's text with the
 * number's span in it replaced by the corrected value (the whole text when
 * the span is not inside it, or is empty). */
static int new_text(const nb_doc *d, const nb_gcell *g, const nb_cell *c, nb_sbuf *out)
{
    char v[64];
    size_t vl = nb_num_format(c->num, v, sizeof v);
    size_t gs = g->off, ge = g->off + g->len, a = c->off, e = c->off + c->len;
    if (c->len == 0 || a < gs || e > ge)
        a = gs, e = ge;
    const char *parts[3] = {d->text + gs, v, d->text + e};
    size_t lens[3] = {a - gs, vl, ge - e};
    for (int p = 0; p < 3; p++)
        for (size_t i = 0; i < lens[p]; i++) {
            char ch = parts[p][i];
            const char *s = ch == '&' ? "&amp;" : ch == '<' ? "&lt;" : ch == '>' ? "&gt;" : NULL;
            if (s ? nb_sbuf_put(out, s, strlen(s)) : nb_sbuf_put(out, &ch, 1))
                return -1;
        }
    return 0;
}

/* ------------------------------------------------------------ edits */

static int add_edit(plan *p, size_t at, size_t end, const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (!t || nb_grow(&p->v, &p->cap, p->nv + 1, sizeof *p->v, 16) != 0) {
        free(t);
        return -1;
    }
    memcpy(t, s, n);
    t[n] = '\0';
    p->v[p->nv++] = (edit){at, end, t, n};
    return 0;
}

/* "<w:NAME>" or "</w:NAME>" with the document's prefix. */
static int put_tag(nb_sbuf *b, const char *prefix, const char *name, int closing)
{
    return nb_sbuf_put(b, closing ? "</" : "<", closing ? 2 : 1) || nb_sbuf_put(b, prefix, strlen(prefix)) ||
           nb_sbuf_put(b, *prefix ? ":" : "", *prefix ? 1 : 0) || nb_sbuf_put(b, name, strlen(name)) ||
           nb_sbuf_put(b, ">", 1);
}

/* The content controls in cell tc around x[at] that show their
 * placeholder (the reader took their prompt for the cell's runs) show it
 * no longer: their w:showingPlcHdr is taken out, as Word does when one is
 * filled in. */
static int fill_placeholders(plan *p, const nb_wml_el *tc, size_t at)
{
    enum { MAX_SDT = 16 };
    size_t plc[MAX_SDT][2], pos = tc->open_end;
    int open = 0;
    nb_xtag t;
    while (pos < at && nb_xml_next_tag(p->x, at, &pos, &t) == 0) {
        if (nb_xtag_is(p->x, &t, p->wml.prefix, "sdt") && !t.empty) {
            open += t.closing ? -(open > 0) : 1;
            if (!t.closing && open <= MAX_SDT)
                plc[open - 1][0] = plc[open - 1][1] = 0;
        } else if (nb_xtag_is(p->x, &t, p->wml.prefix, "showingPlcHdr") && !t.closing && open && open <= MAX_SDT) {
            plc[open - 1][0] = t.start;
            plc[open - 1][1] = t.end;
        }
    }
    for (int k = 0; k < open && k < MAX_SDT; k++)
        if (plc[k][1] && add_edit(p, plc[k][0], plc[k][1], "", 0) != 0)
            return -1;
    return 0;
}

/* The value in the cell's first run, its other runs emptied. */
static int edit_runs(plan *p, const nb_gcell *g, const char *v, size_t vl)
{
    if (fill_placeholders(p, &p->wml.tc[g->src_tc - 1], p->wml.t[g->src_first].start) != 0)
        return -1;
    const nb_wml_el *first = &p->wml.t[g->src_first];
    if (first->open_end == first->end) { /* <w:t/>: give it content */
        nb_sbuf b = {0};
        int rc = put_tag(&b, p->wml.prefix, "t", 0) || nb_sbuf_put(&b, v, vl) || put_tag(&b, p->wml.prefix, "t", 1) ||
                 add_edit(p, first->start, first->end, b.s, b.n);
        free(b.s);
        if (rc)
            return -1;
    } else if (add_edit(p, first->open_end, first->close_start, v, vl) != 0) {
        return -1;
    }
    for (int k = g->src_first + 1; k < g->src_first + g->src_count; k++) {
        const nb_wml_el *t = &p->wml.t[k];
        if (t->close_start > t->open_end && add_edit(p, t->open_end, t->close_start, "", 0) != 0)
            return -1;
    }
    return 0;
}

/* The paragraph mark's run properties (<w:rPr> inside <w:pPr>) of the
 * paragraph whose start tag ends at *at; *at moves past the pPr. */
static void mark_props(const plan *p, size_t *at, size_t limit, size_t *rpr, size_t *rpr_end)
{
    size_t pos = *at;
    nb_xtag t;
    *rpr = *rpr_end = 0;
    if (nb_xml_next_tag(p->x, limit, &pos, &t) != 0 || t.closing || !nb_xtag_is(p->x, &t, p->wml.prefix, "pPr"))
        return;
    if (t.empty) {
        *at = t.end;
        return;
    }
    while (nb_xml_next_tag(p->x, limit, &pos, &t) == 0) {
        if (nb_xtag_is(p->x, &t, p->wml.prefix, "rPr") && !t.closing && !*rpr_end) {
            *rpr = t.start;
            *rpr_end = t.end;
        } else if (nb_xtag_is(p->x, &t, p->wml.prefix, "rPr") && t.closing && *rpr && *rpr_end <= t.start) {
            *rpr_end = t.end;
        } else if (nb_xtag_is(p->x, &t, p->wml.prefix, "pPr") && t.closing) {
            *at = t.end;
            return;
        }
    }
}

/* An empty cell gets a run in its first paragraph. 1 when it has none. */
static int edit_empty_cell(plan *p, const nb_wml_el *tc, const char *v, size_t vl)
{
    size_t pos = tc->open_end, at, rpr, rpr_end;
    nb_xtag t;
    for (;;) {
        if (nb_xml_next_tag(p->x, tc->close_start, &pos, &t) != 0)
            return 1;
        if (!t.closing && nb_xtag_is(p->x, &t, p->wml.prefix, "p"))
            break;
    }
    nb_sbuf b = {0};
    const char *pre = p->wml.prefix;
    int rc = 0;
    if (t.empty) { /* <w:p/> becomes <w:p>run</w:p> */
        size_t len = t.end - t.start >= 2 ? t.end - t.start - 2 : 0; /* without "/>" */
        rc = nb_sbuf_put(&b, p->x + t.start, len) || nb_sbuf_put(&b, ">", 1);
        at = t.start;
        rpr = rpr_end = 0;
    } else {
        at = t.end;
        mark_props(p, &at, tc->close_start, &rpr, &rpr_end);
    }
    rc = rc || put_tag(&b, pre, "r", 0) || nb_sbuf_put(&b, p->x + rpr, rpr_end - rpr) || put_tag(&b, pre, "t", 0) ||
         nb_sbuf_put(&b, v, vl) || put_tag(&b, pre, "t", 1) || put_tag(&b, pre, "r", 1);
    if (t.empty)
        rc = rc || put_tag(&b, pre, "p", 1);
    rc = rc || add_edit(p, at, t.empty ? t.end : at, b.s, b.n);
    free(b.s);
    return rc ? -1 : 0;
}

/* Do the cell's w:t ordinals lie inside its w:tc, as the reader saw them? */
static int sources_fit(const plan *p, const nb_gcell *g)
{
    if (g->src_tc < 1 || g->src_tc > p->wml.ntc || g->src_first < 0 || g->src_count < 0 ||
        g->src_first + g->src_count > p->wml.nt)
        return 0;
    const nb_wml_el *tc = &p->wml.tc[g->src_tc - 1];
    return !g->src_count ||
           (p->wml.t[g->src_first].start >= tc->open_end &&
            p->wml.t[g->src_first + g->src_count - 1].end <= tc->close_start);
}

/* The edits of one corrected cell: 0, 1 when it has no place, -1. */
static int plan_cell(plan *p, const nb_doc *d, const nb_cell *c)
{
    const nb_gcell *g = c->has_span ? grid_cell_at(d, c->off) : NULL;
    if (!g || !g->src_tc)
        return 1;
    if (!sources_fit(p, g))
        return -2;
    nb_sbuf v = {0};
    int rc = new_text(d, g, c, &v);
    if (rc == 0)
        rc = g->src_count ? edit_runs(p, g, nb_sbuf_str(&v), v.n)
                          : edit_empty_cell(p, &p->wml.tc[g->src_tc - 1], nb_sbuf_str(&v), v.n);
    free(v.s);
    return rc;
}

static int by_place(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at ? 1 : 0;
}

/* document.xml with the edits made (two edits of one place: the first). */
static char *apply(plan *p, size_t *outn)
{
    if (p->nv)
        qsort(p->v, p->nv, sizeof *p->v, by_place);
    nb_sbuf b = {0};
    size_t at = 0;
    int rc = 0;
    for (size_t k = 0; k < p->nv && rc == 0; k++) {
        const edit *e = &p->v[k];
        if (e->at < at || e->at > p->n || e->end > p->n)
            continue;
        size_t keep = e->at - at;
        rc = nb_sbuf_put(&b, p->x + at, keep) || nb_sbuf_put(&b, e->text, e->len);
        at = e->end;
    }
    size_t tail = at < p->n ? p->n - at : 0;
    rc = rc || nb_sbuf_put(&b, p->x + (at < p->n ? at : p->n), tail);
    if (rc) {
        free(b.s);
        return NULL;
    }
    *outn = b.n;
    return b.s;
}

/* ------------------------------------------------------------ the package */

/* The package orig with its part named part replaced by xml, as bytes
 * (libzip writes the archive back into the memory source; other entries
 * are copied as they are). */
static unsigned char *rezip(const nb_zip_lib *Z, const unsigned char *orig, size_t n, const char *part, const char *xml,
                            size_t xn, size_t *outn)
{
    zip_error_t ze;
    Z->error_init(&ze);
    zip_source_t *src = Z->source_buffer_create(orig, n, 0, &ze);
    zip_t *za = src ? Z->open_from_source(src, 0, &ze) : NULL;
    unsigned char *out = NULL;
    if (!za) {
        if (src)
            Z->source_free(src);
        Z->error_fini(&ze);
        return NULL;
    }
    Z->source_keep(src);
    zip_int64_t idx = Z->name_locate(za, part, 0);
    zip_source_t *xs = idx >= 0 ? Z->source_buffer(za, xml, xn, 0) : NULL;
    int ok = xs && Z->file_replace(za, (zip_uint64_t)idx, xs, 0) == 0;
    if (!ok && xs)
        Z->source_free(xs);
    if (!ok || Z->close(za) != 0) {
        Z->discard(za);
        ok = 0;
    }
    zip_stat_t st;
    if (ok && Z->source_open(src) == 0) {
        Z->stat_init(&st);
        if (Z->source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && (out = malloc(st.size + 1)) &&
            Z->source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        *outn = out ? (size_t)st.size : 0;
        Z->source_close(src);
    }
    Z->source_free(src);
    Z->error_fini(&ze);
    return out;
}

/* Plan every corrected cell's edits. */
static int plan_all(plan *p, const nb_report *r, nb_unplaced *unplaced, nb_lang lang, nb_err *err)
{
    for (int ci = 0; ci < r->ncells; ci++) {
        if (!r->cells[ci].corrected)
            continue;
        int rc = plan_cell(p, &r->doc, &r->cells[ci]);
        if (rc == 1 && unplaced->cells)
            unplaced->cells[unplaced->n++] = ci;
        else if (rc == 1)
            unplaced->n++;
        else if (rc == -2)
            return nb_err_set(err, NB_E_FORMAT,
                              nb_tr(lang, "%s: %s is not as it was read (changed since?)", "%s：%s 与读取时不同（其后被改动？）"),
                              r->doc.path, p->part);
        else if (rc < 0)
            return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), r->doc.path);
    }
    return 0;
}

static int write_package(const unsigned char *orig, size_t n, const char *part, const char *xml, size_t xn,
                         const char *out_path, nb_lang lang, nb_err *err)
{
    size_t zn = 0;
    const nb_zip_lib *Z = nb_zip_lib_get(out_path, lang, err); /* loaded already: the part was read with it */
    if (!Z)
        return -1;
    unsigned char *z = rezip(Z, orig, n, part, xml, xn, &zn);
    if (!z)
        return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot rewrite the package with libzip", "%s：无法用 libzip 重写文档包"),
                          out_path);
    nb_atomic a;
    int rc = nb_atomic_open(&a, out_path, 0644, lang, err);
    if (rc == 0) {
        nb_atomic_mark(&a, "corrected copy"); /* a folder walk passes it over */
        if (fwrite(z, 1, zn, a.f) != zn) {
            nb_atomic_abort(&a);
            rc = nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot write", "%s：无法写入"), out_path);
        } else {
            rc = nb_atomic_commit(&a, err);
        }
    }
    free(z);
    return rc;
}

int nb_docx_corrected(const nb_report *r, const char *out_path, nb_unplaced *unplaced, nb_lang lang, nb_err *err)
{
    unplaced->n = 0;
    if (nb_same_file(out_path, r->doc.path))
        return nb_not_the_report(out_path, lang, err);
    unsigned char *orig = NULL, *x = NULL;
    char *part = NULL;
    size_t n = 0, xn = 0, nn = 0;
    if (nb_read_source(r, &orig, &n, lang, err) != 0)
        return -1;
    if (nb_docx_main_part(r->doc.path, orig, n, &part, &x, &xn, lang, err) != 0) {
        free(orig);
        return -1;
    }
    plan p = {.part = part, .x = (const char *)x, .n = xn};
    int rc = nb_wml_scan(p.x, xn, &p.wml) == 0
                 ? plan_all(&p, r, unplaced, lang, err)
                 : nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s: %s cannot be looked through", "%s：无法解析 %s"),
                              r->doc.path, part);
    char *nx = rc == 0 ? apply(&p, &nn) : NULL;
    if (rc == 0 && !nx)
        rc = nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), r->doc.path);
    if (rc == 0)
        rc = write_package(orig, n, part, nx, nn, out_path, lang, err);
    for (size_t k = 0; k < p.nv; k++)
        free(p.v[k].text);
    free(p.v);
    nb_wml_free(&p.wml);
    free(nx);
    free(x);
    free(part);
    free(orig);
    return rc;
}
