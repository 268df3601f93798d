/* html.c — an HTML page as a document: decoded (htmlenc), parsed into a
 * light tree without its chrome (htree), then walked for its paragraphs and
 * data tables in document order; layout tables are read as their content,
 * text is collapsed as a browser does, and a page without a report is
 * refused. */
#include "read/html.h"
#include "read/build.h"
#include "read/htmlenc.h"
#include "read/htree.h"
#include "read/sbuf.h"
#include "read/tgrid.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* A layout table: a cell holding more paragraphs or text than a data cell,
 * unless among the many plain cells or numbers of a grid. */
#define LAYOUT_BLOCKS 3
#define LAYOUT_BYTES 600
#define GRID_CELLS 8

/* Text being gathered, white space collapsed (a break between two wide
 * characters that only a line end made is dropped, as CSS does). */
typedef struct tbuf {
    nb_sbuf b;
    int space, space_nl;   /* white space seen since the last character */
    uint32_t last;         /* the last character put */
} tbuf;

typedef struct hwalk {
    nb_docb *b;
    nb_tgrid tg;
    tbuf para;             /* the paragraph being gathered */
    tbuf cell;             /* a table cell's text */
    int wv;                /* wvHtml's tables: a cell for every slot, rowspan="0" one covered from above */
    int pre;               /* inside <pre> */
} hwalk;

static int tb_put(tbuf *t, const char *s, size_t n)
{
    return nb_sbuf_put(&t->b, s, n);
}

static void tb_reset(tbuf *t)
{
    t->b.n = 0;
    t->space = t->space_nl = 0;
    t->last = 0;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* A line break: <br>, or the edge of a block inside a cell. */
static int tb_break(tbuf *t)
{
    t->space = t->space_nl = 0;
    t->last = '\n';
    return t->b.n && t->b.s[t->b.n - 1] != '\n' ? tb_put(t, "\n", 1) : 0;
}

/* Text as the page has it; in <pre> white space is kept. */
static int tb_text(tbuf *t, const char *s, size_t n, int pre)
{
    size_t i = 0;
    while (i < n) {
        if (!pre && is_ws(s[i])) {
            t->space = 1;
            t->space_nl |= s[i] == '\n';
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (pre ? s[j] != '\r' : !is_ws(s[j])))
            j++;
        if (j == i) { /* a \r in <pre> */
            i++;
            continue;
        }
        if (t->space) {
            size_t k = i;
            uint32_t first = nb_utf8_get(s, n, &k);
            int wide = nb_cp_width(t->last) == 2 && nb_cp_width(first) == 2;
            if (t->b.n && t->b.s[t->b.n - 1] != '\n' && !(t->space_nl && wide) && tb_put(t, " ", 1) != 0)
                return -1;
            t->space = t->space_nl = 0;
        }
        if (tb_put(t, s + i, j - i) != 0)
            return -1;
        size_t st = j - 1;
        while (st > i && ((unsigned char)s[st] & 0xC0) == 0x80)
            st--;
        t->last = nb_utf8_get(s, j, &st);
        i = j;
    }
    return 0;
}

static int is_text(const nb_hnode *n)
{
    return n->text != NULL;
}

static int is_cell(const nb_hnode *n)
{
    return !n->text && n->tag == NB_HT_TD;
}

static int is_row(const nb_hnode *n)
{
    return !n->text && n->tag == NB_HT_TR;
}

static int is_row_group(const nb_hnode *n)
{
    return !n->text && (n->tag == NB_HT_THEAD || n->tag == NB_HT_TBODY || n->tag == NB_HT_TFOOT);
}

/* ------------------------------------------------------------ text of a subtree */

/* The text of e's children into t: blocks and <br> as line breaks. */
static int gather(hwalk *w, const nb_hnode *e, tbuf *t)
{
    for (const nb_hnode *c = e->children; c; c = c->next) {
        if (is_text(c)) {
            if (tb_text(t, c->text, c->len, w->pre) != 0)
                return -1;
            continue;
        }
        if (c->kind == NB_HK_BR) {
            if (tb_break(t) != 0)
                return -1;
            continue;
        }
        int blk = c->kind != NB_HK_INLINE;
        w->pre += c->kind == NB_HK_PRE;
        int rc = (blk ? tb_break(t) : 0) || gather(w, c, t) || (blk ? tb_break(t) : 0);
        w->pre -= c->kind == NB_HK_PRE;
        if (rc)
            return -1;
    }
    return 0;
}

/* The paragraph gathered so far becomes a line of the document. */
static int flush(hwalk *w)
{
    tbuf *t = &w->para;
    size_t a = 0, e = t->b.n;
    nb_trim_spaces(nb_sbuf_str(&t->b), &a, &e);
    int rc = e > a ? nb_docb_para(w->b, t->b.s + a, e - a, 0) : 0;
    tb_reset(t);
    return rc;
}

/* ------------------------------------------------------------ tables */

/* Does a cell hold what a data cell does not: a table, or paragraphs? A
 * block counts when text stands right in it (wrappers do not). */
static void measure(const nb_hnode *e, int *blocks, size_t *bytes, int *nested)
{
    int own = 0;
    for (const nb_hnode *c = e->children; c && !*nested; c = c->next) {
        if (is_text(c)) {
            size_t k = 0;
            for (size_t i = 0; i < c->len; i++)
                k += !is_ws(c->text[i]);
            *bytes += k;
            own |= k > 0;
        } else if (c->kind == NB_HK_TABLE) {
            *nested = 1;
        } else {
            measure(c, blocks, bytes, nested);
        }
    }
    *blocks += own && e->kind == NB_HK_BLOCK;
}

/* What a table's cells hold: whether one holds a table; the cells that hold
 * many paragraphs or a long text (heavy), the plain ones and those that are
 * a number; its text and the heavy cells' part of it. */
typedef struct tshape {
    int nested, heavy, plain, numbers;
    size_t bytes, heavy_bytes;
} tshape;

/* Does e's text hold digits and nothing else but white space and the marks
 * of a number? *digits: digits seen so far. */
static int only_digits(const nb_hnode *e, int *digits)
{
    for (const nb_hnode *c = e->children; c; c = c->next) {
        if (!is_text(c)) {
            if (!only_digits(c, digits))
                return 0;
            continue;
        }
        for (size_t i = 0; i < c->len;) {
            uint32_t cp = nb_utf8_get(c->text, c->len, &i);
            int digit = (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
            if (!digit && cp != ',' && cp != '.' && cp != 0xA0 && cp != 0x3000 && !(cp < 0x80 && is_ws((char)cp)))
                return 0;
            *digits += digit;
        }
    }
    return 1;
}

static int is_number_cell(const nb_hnode *c)
{
    int digits = 0;
    return only_digits(c, &digits) && digits > 0;
}

static void shape_row(const nb_hnode *tr, tshape *sh)
{
    for (const nb_hnode *c = tr->children; c && !sh->nested; c = c->next) {
        if (!is_cell(c))
            continue;
        int blocks = 0;
        size_t bytes = 0;
        measure(c, &blocks, &bytes, &sh->nested);
        int heavy = blocks > LAYOUT_BLOCKS || bytes > LAYOUT_BYTES;
        sh->heavy += heavy;
        sh->plain += blocks <= 1 && !heavy;
        sh->numbers += !heavy && is_number_cell(c);
        sh->bytes += bytes;
        sh->heavy_bytes += heavy ? bytes : 0;
    }
}

/* A grid of data: many cells that are numbers, or many plain cells that
 * hold most of its text (a cell of many paragraphs or a long text is
 * then a note or a label among them: converted pages put each printed line
 * in a paragraph of its own). */
static int is_grid(const tshape *sh)
{
    return sh->numbers >= GRID_CELLS || (sh->plain >= GRID_CELLS && sh->heavy_bytes * 2 < sh->bytes);
}

/* A table that only wraps the page (or part of it), not a data table: one
 * whose cell holds a table, or one with cells of many paragraphs or a long
 * text that is no grid of data. */
static int is_layout(const nb_hnode *t)
{
    tshape sh = {0};
    for (const nb_hnode *g = t->children; g && !sh.nested; g = g->next) {
        if (is_row(g))
            shape_row(g, &sh);
        if (is_row_group(g))
            for (const nb_hnode *r = g->children; r && !sh.nested; r = r->next)
                if (is_row(r))
                    shape_row(r, &sh);
    }
    if (sh.nested)
        return 1;
    return sh.heavy && !is_grid(&sh);
}

/* One cell of row `row`, at or after *col. nleft: rows left in its section. */
static int place_cell(hwalk *w, const nb_hnode *c, int row, int *col, int nleft)
{
    tb_reset(&w->cell);
    if (gather(w, c, &w->cell) != 0)
        return -1;
    int rs = c->rowspan, cs = c->colspan;
    const char *s = nb_sbuf_str(&w->cell.b);
    size_t a = 0, e = w->cell.b.n;
    nb_trim_spaces(s, &a, &e);
    if (w->wv && rs == 0 && a == e) { /* a slot covered from the cell above */
        int k = nb_tgrid_at(&w->tg, row - 1, *col);
        if (k >= 0 && w->tg.cells[k].col == *col && nb_tgrid_extend_down(&w->tg, k) == 0) {
            *col += w->tg.cells[k].colspan;
            return 0;
        }
    }
    if (w->wv)
        rs = 1;
    else if (rs == 0 || rs > nleft)
        rs = nleft; /* rowspan="0": to the end of the section */
    if ((*col = nb_tgrid_free_col(&w->tg, row, *col)) < 0)
        return -1;
    int k = nb_tgrid_add(&w->tg, row, *col, rs, cs, s, w->cell.b.n);
    if (k < 0)
        return -1;
    *col += w->tg.cells[k].colspan;
    return 0;
}

/* Does e hold no text but white space? */
static int is_blank(const nb_hnode *e)
{
    for (const nb_hnode *c = e->children; c; c = c->next)
        if (is_text(c) ? nb_skip_spaces(c->text, 0, c->len) < c->len : !is_blank(c))
            return 0;
    return 1;
}

/* A row that draws nothing and would only push the rows below it down the
 * rowspans that cross it: one with no cells (<tr></tr>) that leaves slots
 * of the table's width (placed so far) open, or one of blank cells that
 * start no rowspan and are more than the slots the rowspans leave it. A
 * row every slot of which a rowspan covers (spreadsheets write rows of
 * merged cells so) or whose blank cells fill what is left is the table's. */
static int is_stray_row(const hwalk *w, const nb_hnode *tr, int row)
{
    int width = w->tg.ncols, covered = 0, cells = 0;
    for (int c = 0; c < width; c++)
        covered += nb_tgrid_at(&w->tg, row, c) >= 0;
    for (const nb_hnode *c = tr->children; c; c = c->next) {
        if (!is_cell(c))
            continue;
        if ((c->rowspan != 1 && !w->wv) || !is_blank(c))
            return 0;
        cells += c->colspan > 1 ? c->colspan : 1;
    }
    return cells ? covered > 0 && covered + cells > width : covered < width;
}

/* The rows of a section (thead, tbody, tfoot, or the table's own rows). */
static int place_section(hwalk *w, const nb_hnode *sec, int *row)
{
    int nrows = 0;
    for (const nb_hnode *r = sec->children; r; r = r->next)
        nrows += is_row(r);
    int i = 0;
    for (const nb_hnode *r = sec->children; r; r = r->next) {
        if (!is_row(r))
            continue;
        if (is_stray_row(w, r, *row)) {
            nrows--;
            continue;
        }
        int col = 0;
        for (const nb_hnode *c = r->children; c; c = c->next)
            if (is_cell(c) && place_cell(w, c, *row, &col, nrows - i) != 0)
                return -1;
        (*row)++;
        i++;
    }
    return 0;
}

static int walk(hwalk *w, const nb_hnode *e);

/* A data table becomes a grid; one too big for a grid is read as text. */
static int data_table(hwalk *w, const nb_hnode *t)
{
    int row = 0, own_rows = 0, rc = 0;
    for (const nb_hnode *g = t->children; g && rc == 0; g = g->next) {
        if (!g->text && g->tag == NB_HT_CAPTION) {
            rc = walk(w, g) || flush(w);
        } else if (is_row_group(g)) {
            rc = place_section(w, g, &row);
        } else if (is_row(g) && !own_rows) {
            own_rows = 1;
            rc = place_section(w, t, &row);
        }
    }
    if (rc == 0)
        return nb_tgrid_emit(&w->tg, w->b);
    nb_tgrid_reset(&w->tg);
    return walk(w, t) || flush(w);
}

static int visit(hwalk *w, const nb_hnode *e)
{
    switch (e->kind) {
    case NB_HK_BR:
        return tb_break(&w->para);
    case NB_HK_TABLE:
        if (flush(w) != 0)
            return -1;
        return is_layout(e) ? walk(w, e) || flush(w) : data_table(w, e);
    case NB_HK_INLINE:
        return walk(w, e);
    default: {
        w->pre += e->kind == NB_HK_PRE;
        int rc = flush(w) || walk(w, e) || flush(w);
        w->pre -= e->kind == NB_HK_PRE;
        return rc;
    }
    }
}

static int walk(hwalk *w, const nb_hnode *e)
{
    for (const nb_hnode *c = e->children; c; c = c->next) {
        if (is_text(c) ? tb_text(&w->para, c->text, c->len, w->pre) != 0 : visit(w, c) != 0)
            return -1;
    }
    return 0;
}

/* Words of the report's own sections (二、三、四) that a page which only
 * introduces or links its report does not have. */
static int has_report_body(const nb_docb *b)
{
    static const char *const words[] = {"主动公开政府信息", "收到和处理", "行政复议"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (nb_find(b->text, b->len, words[i], strlen(words[i])))
            return 1;
    return 0;
}

/* A page without tables or the report's sections that links or embeds a
 * document, or shows images: the report is there, not in the page. */
static int report_elsewhere(const char *path, const nb_htree *t, nb_lang lang, nb_err *err)
{
    if (t->nattach == 1)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: the page holds no report, only its attachment %s; check that file",
                                "%s：网页本身没有年度报告，只有附件 %s；请检查该附件"),
                          path, t->attach);
    if (t->nattach)
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang,
                                "%s: the page holds no report, only %d attachments, the first %s; check those files",
                                "%s：网页本身没有年度报告，只有 %d 个附件（第一个为 %s）；请检查这些附件"),
                          path, t->nattach, t->attach);
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: the page holds no report text, only images (%d); a report published as "
                                  "images cannot be read",
                            "%s：网页中没有年度报告的文字，只有图片（%d 张）；以图片发布的报告无法读取"),
                      path, t->nimages);
}

static int no_report(const char *path, const nb_docb *b, nb_lang lang, nb_err *err)
{
    if (!b->len)
        return nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s: an HTML page with no text in it", "%s：网页中没有正文"),
                          path);
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: an HTML page with no report in it (no table, no words of a report)",
                            "%s：网页中没有年度报告（既无表格，也无报告正文）"),
                      path);
}

int nb_html_read_as(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_kind kind, nb_lang lang,
                    nb_err *err)
{
    memset(d, 0, sizeof *d);
    char *u = NULL, used[NB_ENC_NAME];
    size_t un = 0;
    const nb_xml_lib *X = nb_xml_lib_get(path, lang, err);
    if (!X || nb_html_to_utf8(path, bytes, n, &u, &un, used, lang, err) != 0)
        return -1;
    nb_htree tree;
    int rc = nb_htree_parse(&tree, X, u, un);
    free(u);
    if (rc != 0)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    nb_docb b;
    nb_docb_init(&b);
    hwalk w = {.b = &b, .wv = tree.wv};
    nb_tgrid_init(&w.tg);
    rc = visit(&w, tree.root) || flush(&w);
    nb_tgrid_free(&w.tg);
    free(w.para.b.s);
    free(w.cell.b.s);
    if (rc != 0) {
        nb_htree_free(&tree);
        nb_docb_free(&b);
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    }
    if (!b.ngrids && (tree.nattach || tree.nimages) && !has_report_body(&b)) {
        report_elsewhere(path, &tree, lang, err);
        nb_htree_free(&tree);
        nb_docb_free(&b);
        return -1;
    }
    int nimages = tree.nimages;
    nb_htree_free(&tree);
    if (!b.ngrids && (!b.len || !nb_find(b.text, b.len, "信息公开", strlen("信息公开")))) {
        no_report(path, &b, lang, err);
        nb_docb_free(&b);
        return -1;
    }
    if (nb_docb_finish(&b, d, path, kind, lang, err) != 0)
        return -1;
    d->file_size = n;
    if (kind == NB_KIND_HTML) { /* a Word 97 document's HTML is the converter's */
        memcpy(d->enc_name, used, sizeof used);
        d->nimages = nimages;
    }
    return 0;
}

int nb_read_html(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err)
{
    return nb_html_read_as(d, path, bytes, n, NB_KIND_HTML, lang, err);
}
