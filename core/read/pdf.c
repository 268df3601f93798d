/* pdf.c — the PDF reader (poppler-glib, cairo): opens the PDF from memory,
 * per page takes the glyphs and their boxes, renders the page to find its
 * ruling lines, makes tables and paragraphs, joins tables continued over a
 * page break, and builds the document; refuses what it cannot read with a
 * message naming the file. */
#include "read/pdf.h"
#include "read/build.h"
#include "read/pdf_cols.h"
#include "read/pdf_furniture.h"
#include "read/pdf_join.h"
#include "read/pdf_lib.h"
#include "read/pdf_lattice.h"
#include "read/pdf_quiet.h"
#include "read/pdf_rules.h"
#include "read/pdf_text.h"
#include "read/pdf_turn.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RENDER_SCALE 1.5                /* pixels to the point */
#define RENDER_MAX_PX ((double)(6 << 20)) /* pixels in one page's rendering, at most */
#define MAX_PAGE_SECONDS 5

typedef struct glyphs {
    nb_pglyph *g;
    size_t n, cap;
} glyphs;

enum { PAGE_OK = 0, PAGE_DENSE = 1 };

/* The glyphs read over the document, how many are Chinese, and the
 * pictures as wide as a table that its pages show. */
typedef struct glyph_count {
    size_t all, chinese;
    int images;
} glyph_count;

/* A text layer whose glyphs are not one in twenty Chinese (of 100 or more)
 * is no Chinese report's: its fonts draw characters they do not name. */
#define MIN_GLYPHS_TO_JUDGE 100
#define CHINESE_AT_LEAST_ONE_IN 20

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int add_glyph(glyphs *gs, const PopplerRectangle *r, uint32_t cp, double w, double h)
{
    nb_pbox b = {fmin(r->x1, r->x2), fmin(r->y1, r->y2), fmax(r->x1, r->x2), fmax(r->y1, r->y2)};
    double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
    if (!(cx >= 0 && cx <= w && cy >= 0 && cy <= h))
        return 0; /* off the page (or not a number): not shown */
    if (b.x1 - b.x0 < 0.01)
        b.x1 = b.x0 + 0.01;
    if (b.y1 - b.y0 < 0.01)
        b.y1 = b.y0 + 0.01;
    if (nb_grow(&gs->g, &gs->cap, gs->n + 1, sizeof *gs->g, 512) != 0)
        return -1;
    gs->g[gs->n++] = (nb_pglyph){b, cp, -1};
    return 0;
}

/* Text in a light colour (a grey lighter than middle grey, not white):
 * a watermark set over the page (a site's name, a date, an address), seen
 * through by a reader and no part of the report. White is not faint: on
 * white paper it is not seen at all, and on a dark fill it is the text. */
static int faint(const PopplerColor *c)
{
    double lum = (0.299 * c->red + 0.587 * c->green + 0.114 * c->blue) / 65535.0;
    return lum >= 0.55 && lum < 0.97;
}

/* The attributes holding character k of the page's text, or NULL; *at
 * walks the list (in the text's order) from where the last call left it. */
static const PopplerTextAttributes *attributes_at(const GList **at, guint k)
{
    while (*at && ((const PopplerTextAttributes *)(*at)->data)->end_index < (gint)k)
        *at = (*at)->next;
    const PopplerTextAttributes *a = *at ? (*at)->data : NULL;
    return a && a->start_index <= (gint)k ? a : NULL;
}

/* The page's glyphs (no white space, no faint text) with their boxes;
 * *faint_text says whether it has faint text. */
static int page_glyphs(const nb_pdf_lib *L, PopplerPage *pg, double w, double h, glyphs *out, int *faint_text)
{
    char *text = L->page_get_text(pg);
    PopplerRectangle *r = NULL;
    guint nr = 0;
    int rc = PAGE_OK;
    if (text && L->page_get_text_layout(pg, &r, &nr)) {
        GList *attrs = L->page_get_text_attributes(pg);
        const GList *at = attrs;
        size_t len = strlen(text), i = 0;
        for (guint k = 0; k < nr && i < len && rc == PAGE_OK; k++) {
            uint32_t cp = nb_utf8_get(text, len, &i);
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || nb_is_space(cp))
                continue;
            const PopplerTextAttributes *a = attributes_at(&at, k);
            if (a && faint(&a->color)) {
                *faint_text = 1;
                continue;
            }
            rc = add_glyph(out, &r[k], cp, w, h);
            if (rc == 0 && out->n > NB_PDF_MAX_GLYPHS)
                rc = PAGE_DENSE;
        }
        L->page_free_text_attributes(attrs);
    }
    L->g_free(r);
    L->g_free(text);
    return rc;
}

/* The ruling lines of the page, from a rendering of it turned by m (the
 * page's size w × h is as turned). */
static int page_rules(const nb_pdf_lib *L, PopplerPage *pg, const nb_pturn_map *m, double w, double h, const nb_ptext *t,
                      nb_prules *rules)
{
    double scale = RENDER_SCALE;
    memset(rules, 0, sizeof *rules);
    if (w * h * scale * scale > RENDER_MAX_PX)
        scale = sqrt(RENDER_MAX_PX / (w * h));
    int pw = (int)ceil(w * scale), ph = (int)ceil(h * scale);
    if (scale < 0.3 || pw < 8 || ph < 8)
        return 0; /* a page too large or too small to look for lines on */
    cairo_surface_t *s = L->image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    if (L->surface_status(s) != CAIRO_STATUS_SUCCESS) {
        L->surface_destroy(s);
        return -1;
    }
    cairo_t *cr = L->create(s);
    L->set_source_rgb(cr, 1, 1, 1);
    L->paint(cr);
    L->scale(cr, scale, scale);
    cairo_matrix_t turn = {m->xx, m->yx, m->xy, m->yy, m->x0, m->y0};
    L->transform(cr, &turn);
    L->page_render(pg, cr);
    L->destroy(cr);
    L->surface_flush(s);
    nb_pimage im = {L->image_surface_get_data(s), pw, ph, L->image_surface_get_stride(s), scale};
    int rc = nb_pdf_find_rules(&im, t, rules);
    L->surface_destroy(s);
    return rc;
}

/* Text outside the ruled tables: lines; tables by the words' positions on
 * a page without ruled ones; the other lines as paragraphs. */
static int free_text(const glyphs *gs, int page, nb_pblocks *pb)
{
    size_t *idx = malloc((gs->n + 1) * sizeof *idx), n = 0;
    if (!idx)
        return -1;
    for (size_t i = 0; i < gs->n; i++)
        if (gs->g[i].table < 0)
            idx[n++] = i;
    nb_plines ls;
    int rc = nb_pdf_lines(gs->g, idx, n, &ls);
    free(idx);
    if (rc != 0)
        return -1;
    unsigned char *used = calloc(ls.nl + 1, 1);
    rc = used ? 0 : -1;
    if (rc == 0 && pb->n == 0)
        rc = nb_pdf_unruled(gs->g, &ls, page, used, pb);
    for (size_t k = 0; k < ls.nl && rc == 0;) {
        size_t end = k;
        while (end < ls.nl && !used[end])
            end++;
        rc = nb_pdf_paragraphs(gs->g, &ls, k, end, page, pb);
        k = end + 1;
    }
    free(used);
    nb_plines_free(&ls);
    return rc;
}

/* The page's blocks top to bottom (insertion sort: few, and stable), page
 * numbers left out, those in its margins marked, moved to out. */
static int page_in_order(nb_pblocks *pb, double page_h, nb_pblocks *out)
{
    for (size_t i = 1; i < pb->n; i++)
        for (size_t j = i; j > 0 && pb->b[j].top < pb->b[j - 1].top; j--) {
            nb_pblock t = pb->b[j];
            pb->b[j] = pb->b[j - 1];
            pb->b[j - 1] = t;
        }
    int rc = 0;
    for (size_t i = 0; i < pb->n; i++) {
        nb_pblock b = pb->b[i];
        memset(&pb->b[i], 0, sizeof pb->b[i]);
        b.margin = nb_pdf_in_margin(&b, page_h);
        if (rc == 0 && !nb_pdf_is_page_number(&b, page_h))
            rc = nb_pblocks_add(out, b);
        else
            nb_pblock_free(&b);
    }
    return rc;
}

static int read_page(const nb_pdf_lib *L, PopplerDocument *doc, int i, nb_pblocks *out, glyph_count *count)
{
    PopplerPage *pg = L->document_get_page(doc, i);
    if (!pg)
        return 0;
    double w = 0, h = 0;
    L->page_get_size(pg, &w, &h);
    glyphs gs = {0};
    int faint_text = 0;
    int rc = page_glyphs(L, pg, w, h, &gs, &faint_text);
    if (rc == PAGE_OK && gs.n) {
        nb_pturn turn = nb_pdf_turn_of(gs.g, gs.n);
        nb_pturn_map m = nb_pdf_turn_map(turn, w, h);
        nb_pdf_turn_glyphs(gs.g, gs.n, turn, &w, &h);
        nb_prules rules;
        nb_pblocks pb = {0};
        nb_ptext text = {gs.g, gs.n, faint_text};
        rc = page_rules(L, pg, &m, w, h, &text, &rules);
        if (rc == 0)
            rc = nb_pdf_lattice(&rules, gs.g, gs.n, i + 1, &pb);
        nb_prules_free(&rules);
        if (rc == 0)
            rc = free_text(&gs, i + 1, &pb);
        if (rc == 0)
            rc = page_in_order(&pb, h, out);
        nb_pblocks_free(&pb);
    }
    count->all += gs.n;
    for (size_t k = 0; k < gs.n; k++)
        count->chinese += nb_is_cjk(gs.g[k].cp) != 0;
    free(gs.g);
    L->g_object_unref(pg);
    return rc;
}

/* One table through the builder; a cell over slots already taken (never
 * expected) is left out rather than failing the document. */
static int emit_table(nb_docb *b, const nb_ptable *t)
{
    unsigned char *taken = calloc((size_t)t->nrows * (size_t)t->ncols + 1, 1);
    if (!taken || nb_docb_table_begin(b, t->nrows, t->ncols) != 0) {
        free(taken);
        return -1;
    }
    int rc = 0;
    for (size_t k = 0; k < t->ncells && rc == 0; k++) {
        const nb_pcell *c = &t->cells[k];
        int free_slots = c->row >= 0 && c->col >= 0 && c->row + c->rowspan <= t->nrows && c->col + c->colspan <= t->ncols;
        for (int r = c->row; free_slots && r < c->row + c->rowspan; r++)
            for (int q = c->col; q < c->col + c->colspan; q++)
                free_slots &= !taken[r * t->ncols + q];
        if (!free_slots)
            continue;
        for (int r = c->row; r < c->row + c->rowspan; r++)
            memset(taken + r * t->ncols + c->col, 1, (size_t)c->colspan);
        rc = nb_docb_cell(b, c->row, c->col, c->rowspan, c->colspan, c->text, c->len, c->page);
    }
    free(taken);
    return rc == 0 ? nb_docb_table_end(b) : -1;
}

static int build(nb_pblocks *bs, nb_doc *d, const char *path, nb_lang lang, nb_err *err)
{
    nb_docb b;
    nb_docb_init(&b);
    int rc = 0;
    for (size_t i = 0; i < bs->n && rc == 0; i++) {
        const nb_pblock *blk = &bs->b[i];
        rc = blk->table ? emit_table(&b, blk->table) : nb_docb_para(&b, blk->text, blk->len, blk->page);
    }
    if (rc != 0) {
        nb_docb_free(&b);
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    }
    return nb_docb_finish(&b, d, path, NB_KIND_PDF, lang, err);
}

static int open_error(const nb_pdf_lib *L, const GError *ge, const char *path, nb_lang lang, nb_err *err)
{
    if (ge && ge->domain == L->error_quark() && ge->code == POPPLER_ERROR_ENCRYPTED)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: the PDF is password-protected; nianbao cannot open it (save a copy without a password)",
                                "%s：PDF 文件设有密码，nianbao 无法打开（请另存一份无密码的副本）"),
                          path);
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: a damaged PDF, or not a PDF (%s)", "%s：PDF 文件已损坏，或不是 PDF（%s）"), path,
                      ge && ge->message ? ge->message : "?");
}

/* Every page in turn, within the time allowed; returns -1 with err set. */
static int read_pages(const nb_pdf_lib *L, PopplerDocument *doc, int np, const char *path, nb_lang lang, nb_pblocks *bs,
                      glyph_count *count, nb_err *err)
{
    double start = seconds();
    for (int i = 0; i < np; i++) {
        double t = seconds();
        int rc = read_page(L, doc, i, bs, count);
        if (rc < 0)
            return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
        if (rc == PAGE_DENSE)
            return nb_err_set(err, NB_E_TOOBIG,
                              nb_tr(lang, "%s: page %d holds over %d characters; not the page of a report",
                                    "%s：第 %d 页超过 %d 个字符，不像报告的页面"),
                              path, i + 1, NB_PDF_MAX_GLYPHS);
        double now = seconds();
        if (now - t > MAX_PAGE_SECONDS || now - start > NB_PDF_MAX_SECONDS)
            return nb_err_set(err, NB_E_TOOBIG,
                              nb_tr(lang, "%s: reading stopped at page %d of %d after %.0f seconds; the PDF is too slow to read",
                                    "%s：读到第 %d 页（共 %d 页）用了 %.0f 秒，已停止；此 PDF 读取过慢"),
                              path, i + 1, np, now - start);
    }
    return 0;
}

/* The pictures on the document's pages that could hold a table: at least
 * 40 % of the page's width and 5 % of its height (a seal, a logo or a QR
 * code is not). Looked for only when fewer tables than the report's three
 * were found: it reads every page's content again. */
static int table_sized_images(const nb_pdf_lib *L, PopplerDocument *doc, int np, const nb_pblocks *bs)
{
    size_t tables = 0;
    for (size_t i = 0; i < bs->n; i++)
        tables += bs->b[i].table != NULL;
    int n = 0;
    for (int i = 0; i < np && tables < 3; i++) {
        PopplerPage *pg = L->document_get_page(doc, i);
        if (!pg)
            continue;
        double w = 0, h = 0;
        L->page_get_size(pg, &w, &h);
        GList *maps = L->page_get_image_mapping(pg);
        for (const GList *l = maps; l; l = l->next) {
            const PopplerRectangle *a = &((const PopplerImageMapping *)l->data)->area;
            n += fabs(a->x2 - a->x1) >= 0.4 * w && fabs(a->y2 - a->y1) >= 0.05 * h;
        }
        L->page_free_image_mapping(maps);
        L->g_object_unref(pg);
    }
    return n;
}

static int read_pdf(const nb_pdf_lib *L, nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang,
                    nb_err *err)
{
    memset(d, 0, sizeof *d);
    GBytes *gb = L->g_bytes_new_static(bytes, n);
    GError *ge = NULL;
    PopplerDocument *doc = L->document_new_from_bytes(gb, NULL, &ge);
    L->g_bytes_unref(gb);
    if (!doc) {
        int rc = open_error(L, ge, path, lang, err);
        L->g_clear_error(&ge);
        return rc;
    }
    int np = L->document_get_n_pages(doc), rc = 0;
    nb_pblocks bs = {0};
    glyph_count count = {0, 0, 0};
    if (np <= 0)
        rc = nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s: the PDF has no pages", "%s：PDF 文件没有页面"), path);
    else if (np > NB_PDF_MAX_PAGES)
        rc = nb_err_set(err, NB_E_TOOBIG,
                        nb_tr(lang, "%s: %d pages; nianbao reads PDFs of at most %d pages (an annual report has far fewer)",
                              "%s：共 %d 页；nianbao 只读不超过 %d 页的 PDF（年度报告远没有这么长）"),
                        path, np, NB_PDF_MAX_PAGES);
    else
        rc = read_pages(L, doc, np, path, lang, &bs, &count, err);
    if (rc == 0)
        count.images = table_sized_images(L, doc, np, &bs);
    L->g_object_unref(doc);
    if (rc == 0 && !count.all)
        rc = nb_err_set(err, NB_E_FORMAT,
                        nb_tr(lang, "%s: no text layer (a scanned PDF?) — nianbao reads PDFs with text; run OCR first",
                              "%s：没有文字层（扫描件？）——nianbao 只读含文字的 PDF，请先做文字识别（OCR）"),
                        path);
    else if (rc == 0 && count.all >= MIN_GLYPHS_TO_JUDGE && count.chinese * CHINESE_AT_LEAST_ONE_IN < count.all)
        rc = nb_err_set(err, NB_E_FORMAT,
                        nb_tr(lang,
                              "%s: of the %zu characters of its text layer, %zu are Chinese: its fonts do not say which "
                              "characters they draw (text copied from it is gibberish) — read the report's .docx, or run OCR",
                              "%s：文字层 %zu 个字符中只有 %zu 个汉字：其字体未标明所画的字符（复制出的文字是乱码）"
                              "——请读取报告的 .docx，或先做文字识别（OCR）"),
                        path, count.all, count.chinese);
    if (rc == 0)
        nb_pdf_drop_running_lines(&bs);
    if (rc == 0 && nb_pdf_join(&bs) != 0)
        rc = nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    if (rc == 0)
        rc = build(&bs, d, path, lang, err);
    nb_pblocks_free(&bs);
    if (rc == 0) {
        d->file_size = n;
        d->nimages = count.images;
    }
    return rc;
}

/* Poppler's own messages are kept off the terminal while it reads; when
 * the PDF is refused, the first of them is said with the reason. */
int nb_read_pdf(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err)
{
    nb_pdf_lib L;
    memset(d, 0, sizeof *d);
    if (nb_pdf_lib_load(&L, path, lang, err) != 0)
        return -1;
    nb_pdf_quiet q;
    nb_pdf_quiet_begin(&q, &L);
    int rc = read_pdf(&L, d, path, bytes, n, lang, err);
    nb_pdf_quiet_end(&q);
    if (rc != 0 && err && q.nmsgs) {
        size_t l = strlen(err->msg);
        char extra[320];
        int k = snprintf(extra, sizeof extra, nb_tr(lang, " (poppler: %s)", "（poppler：%s）"), q.first);
        if (k > 0 && l + (size_t)k < sizeof err->msg)
            memcpy(err->msg + l, extra, (size_t)k + 1);
    }
    return rc;
}
