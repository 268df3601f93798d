/* docx.c — word/document.xml read with libxml2 and walked in document
 * order: paragraphs become lines, tables become grids (gridBefore, gridSpan
 * and vMerge resolved), and every w:t and w:tc is counted so a cell knows
 * which runs in the file hold its text. */
#include "read/docx.h"
#include "read/build.h"
#include "read/tgrid.h"
#include "read/sbuf.h"
#include "read/zippart.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

typedef struct dwalk {
    nb_docb *b;
    nb_tgrid tg;
    nb_sbuf t;             /* the paragraph or cell text being gathered */
    int t_ord;             /* w:t elements passed so far (the next one's ordinal) */
    int tc_ord;            /* w:tc elements passed so far */
    int blank;             /* the last line was blank (blank paragraphs collapse) */
} dwalk;

/* The local name of a WordprocessingML element, or NULL. */
static const char *wname(const xmlNode *e)
{
    if (e->type != XML_ELEMENT_NODE || !e->ns || !e->ns->href)
        return NULL;
    const char *h = (const char *)e->ns->href;
    return strcmp(h, NB_W_NS) == 0 || strcmp(h, NB_W_NS_STRICT) == 0 ? (const char *)e->name : NULL;
}

static int is_w(const xmlNode *e, const char *name)
{
    const char *n = wname(e);
    return n && strcmp(n, name) == 0;
}

static int is_mc_fallback(const xmlNode *e)
{
    return e->type == XML_ELEMENT_NODE && e->ns && e->ns->href && strcmp((const char *)e->ns->href, MC_NS) == 0 &&
           strcmp((const char *)e->name, "Fallback") == 0;
}

/* The w:val of child `name` of e (e.g. w:tcPr/w:gridSpan), or NULL; *has
 * says whether the child is there at all. */
static const char *child_val(const xmlNode *e, const char *name, int *has)
{
    *has = 0;
    for (const xmlNode *c = e ? e->children : NULL; c; c = c->next) {
        if (!is_w(c, name))
            continue;
        *has = 1;
        for (const xmlAttr *a = c->properties; a; a = a->next)
            if (strcmp((const char *)a->name, "val") == 0 && a->children && a->children->content)
                return (const char *)a->children->content;
        return NULL;
    }
    return NULL;
}

static const xmlNode *w_child(const xmlNode *e, const char *name)
{
    for (const xmlNode *c = e->children; c; c = c->next)
        if (is_w(c, name))
            return c;
    return NULL;
}

static int int_val(const xmlNode *props, const char *name, int dflt, int max)
{
    int has;
    const char *v = child_val(props, name, &has);
    long x = v ? strtol(v, NULL, 10) : dflt;
    return x < 0 ? 0 : x > max ? max : (int)x;
}

/* w:t and w:tc in a subtree passed over, so the ordinals stay those of the file. */
static void count_over(dwalk *w, const xmlNode *e)
{
    if (is_w(e, "t"))
        w->t_ord++;
    else if (is_w(e, "tc"))
        w->tc_ord++;
    for (const xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            count_over(w, c);
}

static int put(dwalk *w, const char *s, size_t n)
{
    return nb_sbuf_put(&w->t, s, n);
}

/* A line break in the text, unless it is at its start or after another. */
static int put_break(dwalk *w)
{
    return w->t.n && w->t.s[w->t.n - 1] != '\n' ? put(w, "\n", 1) : 0;
}

static int put_t(dwalk *w, const xmlNode *t)
{
    w->t_ord++;
    for (const xmlNode *c = t->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
            put(w, (const char *)c->content, strlen((const char *)c->content)) != 0)
            return -1;
    return 0;
}

/* The text of e's children: runs, fields' results, hyperlinks, insertions,
 * text boxes; paragraphs and table cells inside as line breaks. */
static int gather(dwalk *w, const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *n = wname(c);
        int rc = 0;
        if (!n) {
            if (is_mc_fallback(c))
                count_over(w, c); /* the same content as mc:Choice */
            else
                rc = gather(w, c);
        } else if (strcmp(n, "t") == 0) {
            rc = put_t(w, c);
        } else if (strcmp(n, "tab") == 0 || strcmp(n, "ptab") == 0) {
            rc = put(w, "  ", 2);
        } else if (strcmp(n, "br") == 0 || strcmp(n, "cr") == 0) {
            rc = put(w, "\n", 1);
        } else if (strcmp(n, "noBreakHyphen") == 0) {
            rc = put(w, "-", 1);
        } else if (strcmp(n, "delText") == 0 || strcmp(n, "instrText") == 0 || strcmp(n, "del") == 0 ||
                   strcmp(n, "moveFrom") == 0 || strcmp(n, "rPr") == 0 || strcmp(n, "pPr") == 0) {
            count_over(w, c); /* deleted text, field codes, properties */
        } else if (strcmp(n, "p") == 0 || strcmp(n, "tr") == 0) {
            rc = put_break(w) || gather(w, c) || put_break(w);
        } else if (strcmp(n, "tc") == 0) {
            w->tc_ord++;
            rc = put_break(w) || gather(w, c) || put_break(w);
        } else {
            rc = gather(w, c);
        }
        if (rc)
            return -1;
    }
    return 0;
}

static int paragraph(dwalk *w, const xmlNode *p)
{
    w->t.n = 0;
    if (gather(w, p) != 0)
        return -1;
    size_t a = 0, e = w->t.n;
    nb_trim_spaces(nb_sbuf_str(&w->t), &a, &e);
    if (a == e) { /* blank paragraphs: one blank line for a run of them */
        if (w->blank || w->b->len == 0)
            return 0;
        w->blank = 1;
        return nb_docb_para(w->b, "", 0, 0);
    }
    w->blank = 0;
    return nb_docb_para(w->b, w->t.s + a, e - a, 0);
}

/* One w:tc of row `row`, its grid column at *col. */
static int cell(dwalk *w, const xmlNode *tc, int row, int *col)
{
    int tc_no = ++w->tc_ord;
    const xmlNode *pr = w_child(tc, "tcPr");
    int span = pr ? int_val(pr, "gridSpan", 1, NB_TGRID_MAX_SPAN) : 1, has_vm = 0;
    const char *vm = pr ? child_val(pr, "vMerge", &has_vm) : NULL;
    int first = w->t_ord;
    w->t.n = 0;
    if (gather(w, tc) != 0)
        return -1;
    span = span < 1 ? 1 : span;
    if (has_vm && (!vm || strcmp(vm, "continue") == 0)) { /* the cell above goes on */
        int k = nb_tgrid_at(&w->tg, row - 1, *col);
        if (k >= 0 && w->tg.cells[k].col == *col && nb_tgrid_extend_down(&w->tg, k) == 0) {
            *col += w->tg.cells[k].colspan;
            return nb_tgrid_append(&w->tg, k, nb_sbuf_str(&w->t), w->t.n);
        }
    }
    int at = nb_tgrid_free_col(&w->tg, row, *col);
    int k = at < 0 ? -1 : nb_tgrid_add(&w->tg, row, at, 1, span, nb_sbuf_str(&w->t), w->t.n);
    if (k < 0)
        return -1;
    w->tg.cells[k].src_first = first;
    w->tg.cells[k].src_count = w->t_ord - first;
    w->tg.cells[k].src_tc = tc_no;
    *col = at + span;
    return 0;
}

/* The cells of a row, some perhaps inside content controls. */
static int row_cells(dwalk *w, const xmlNode *e, int row, int *col)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *n = wname(c);
        int rc;
        if (n && strcmp(n, "tc") == 0)
            rc = cell(w, c, row, col);
        else if (n && (strcmp(n, "sdt") == 0 || strcmp(n, "sdtContent") == 0 || strcmp(n, "customXml") == 0))
            rc = row_cells(w, c, row, col);
        else
            rc = (count_over(w, c), 0);
        if (rc)
            return -1;
    }
    return 0;
}

/* The rows of a table, some perhaps inside content controls. */
static int rows(dwalk *w, const xmlNode *e, int *row)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *n = wname(c);
        if (n && strcmp(n, "tr") == 0) {
            const xmlNode *pr = w_child(c, "trPr");
            int col = pr ? int_val(pr, "gridBefore", 0, NB_TGRID_MAX_SPAN) : 0;
            if (row_cells(w, c, *row, &col) != 0)
                return -1;
            (*row)++;
        } else if (n && (strcmp(n, "sdt") == 0 || strcmp(n, "sdtContent") == 0 || strcmp(n, "customXml") == 0)) {
            if (rows(w, c, row) != 0)
                return -1;
        } else {
            count_over(w, c);
        }
    }
    return 0;
}

/* A table as a grid; one too big for a grid becomes lines of text. */
static int table(dwalk *w, const xmlNode *tbl)
{
    int t0 = w->t_ord, tc0 = w->tc_ord, row = 0;
    w->blank = 0;
    if (rows(w, tbl, &row) == 0)
        return nb_tgrid_emit(&w->tg, w->b);
    nb_tgrid_reset(&w->tg);
    w->t_ord = t0;
    w->tc_ord = tc0;
    w->t.n = 0;
    return gather(w, tbl) || nb_docb_para(w->b, nb_sbuf_str(&w->t), w->t.n, 0);
}

/* The body's blocks: paragraphs, tables, and the containers around them. */
static int blocks(dwalk *w, const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *n = wname(c);
        int rc = 0;
        if (n && strcmp(n, "p") == 0)
            rc = paragraph(w, c);
        else if (n && strcmp(n, "tbl") == 0)
            rc = table(w, c);
        else if (n && (strcmp(n, "sdt") == 0 || strcmp(n, "sdtContent") == 0 || strcmp(n, "customXml") == 0 ||
                       strcmp(n, "ins") == 0 || strcmp(n, "moveTo") == 0 || strcmp(n, "body") == 0))
            rc = blocks(w, c);
        else
            count_over(w, c);
        if (rc)
            return -1;
    }
    return 0;
}

/* Parse document.xml; NULL with err set (the line and libxml2's words). */
static xmlDocPtr parse(const char *path, const unsigned char *x, size_t n, nb_lang lang, nb_err *err)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        nb_err_set(err, NB_E_NOMEM, "%s: out of memory", path);
        return NULL;
    }
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, (const char *)x, (int)n, NB_DOCX_PART, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    if (!doc || !ctxt->wellFormed) {
        const char *m = ctxt->lastError.message ? ctxt->lastError.message : "?";
        size_t ml = strlen(m);
        while (ml && (m[ml - 1] == '\n' || m[ml - 1] == ' '))
            ml--;
        nb_err_set(err, NB_E_FORMAT,
                   nb_tr(lang, "%s: %s is not well-formed XML (line %d: %.*s)", "%s：%s 不是格式正确的 XML（第 %d 行：%.*s）"),
                   path, NB_DOCX_PART, ctxt->lastError.line, (int)ml, m);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

int nb_read_docx(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err)
{
    memset(d, 0, sizeof *d);
    unsigned char *x = NULL;
    size_t xn = 0;
    if (nb_zip_part(path, bytes, n, NB_DOCX_PART, NB_ZIP_PART_MAX, &x, &xn, lang, err) != 0)
        return -1;
    xmlDocPtr doc = parse(path, x, xn, lang, err);
    free(x);
    if (!doc)
        return -1;
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || !is_w(root, "document")) {
        xmlFreeDoc(doc);
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: %s holds no Word document (w:document)", "%s：%s 中没有 Word 文档（w:document）"),
                          path, NB_DOCX_PART);
    }
    nb_docb b;
    nb_docb_init(&b);
    dwalk w = {.b = &b};
    nb_tgrid_init(&w.tg);
    int rc = blocks(&w, root);
    xmlFreeDoc(doc);
    nb_tgrid_free(&w.tg);
    free(w.t.s);
    if (rc != 0) {
        nb_docb_free(&b);
        return nb_err_set(err, NB_E_NOMEM, "%s: out of memory", path);
    }
    if (nb_docb_finish(&b, d, path, NB_KIND_DOCX, err) != 0)
        return -1;
    d->file_size = n;
    return 0;
}
