/* html.c — an HTML page as a document: libxml2's HTML parser, then a walk
 * of the tree that keeps paragraphs and data tables in document order and
 * leaves out script, style and navigation chrome; layout tables are read
 * as their content. Text is collapsed as a browser does. */
#include "read/html.h"
#include "read/build.h"
#include "read/htmlenc.h"
#include "read/sbuf.h"
#include "read/tgrid.h"
#include "base/utf8.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A layout table: a cell holding more paragraphs or text than a data cell. */
#define LAYOUT_BLOCKS 3
#define LAYOUT_BYTES 600

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
    int article;           /* inside <article> or <main> */
} hwalk;

enum { EL_INLINE, EL_SKIP, EL_BLOCK, EL_BR, EL_TABLE, EL_PRE };

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

/* ------------------------------------------------------------ elements */

static int named(const xmlNode *e, const char *name)
{
    return e->type == XML_ELEMENT_NODE && e->name && strcmp((const char *)e->name, name) == 0;
}

/* An attribute's value as the parser holds it (no copy), or NULL. */
static const char *attr(const xmlNode *e, const char *name)
{
    for (const xmlAttr *a = e->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

/* A class or id naming a part of the site around the report. */
static int chrome_word(const char *v)
{
    static const char *const words[] = {"nav", "navbar", "menu", "breadcrumb", "crumb",
                                        "header", "footer", "topbar", "sidebar"};
    while (v && *v) {
        while (*v && is_ws(*v))
            v++;
        size_t k = 0;
        while (v[k] && !is_ws(v[k]))
            k++;
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            if (k && strlen(words[i]) == k && strncasecmp(v, words[i], k) == 0)
                return 1;
        v += k;
    }
    return 0;
}

static int is_chrome(const hwalk *w, const xmlNode *e)
{
    const char *role = attr(e, "role");
    if (role && strcasecmp(role, "navigation") == 0)
        return 1;
    if (!w->article && (named(e, "header") || named(e, "footer")))
        return 1;
    return chrome_word(attr(e, "class")) || chrome_word(attr(e, "id"));
}

static int el_kind(const hwalk *w, const xmlNode *e)
{
    static const char *const skip[] = {"script", "style", "noscript", "template", "head", "title", "nav",
                                       "aside", "iframe", "object", "embed", "svg", "math", "select",
                                       "button", "textarea", "input", "meta", "link"};
    static const char *const block[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                                        "dl", "dt", "dd", "blockquote", "address", "center", "section",
                                        "article", "main", "body", "html", "tr", "td", "th", "thead",
                                        "tbody", "tfoot", "caption", "hr", "figure", "figcaption",
                                        "fieldset", "form", "header", "footer", "details", "summary"};
    const char *n = (const char *)e->name;
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strcmp(n, skip[i]) == 0)
            return EL_SKIP;
    if (is_chrome(w, e))
        return EL_SKIP;
    if (strcmp(n, "br") == 0)
        return EL_BR;
    if (strcmp(n, "table") == 0)
        return EL_TABLE;
    if (strcmp(n, "pre") == 0 || strcmp(n, "listing") == 0 || strcmp(n, "xmp") == 0)
        return EL_PRE;
    for (size_t i = 0; i < sizeof block / sizeof block[0]; i++)
        if (strcmp(n, block[i]) == 0)
            return EL_BLOCK;
    return EL_INLINE;
}

static int is_text(const xmlNode *n)
{
    return (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content;
}

/* ------------------------------------------------------------ text of a subtree */

/* The text of e's children into t: blocks and <br> as line breaks. */
static int gather(hwalk *w, const xmlNode *e, tbuf *t)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (is_text(c)) {
            if (tb_text(t, (const char *)c->content, strlen((const char *)c->content), w->pre) != 0)
                return -1;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        int k = el_kind(w, c);
        if (k == EL_SKIP)
            continue;
        if (k == EL_BR) {
            if (tb_break(t) != 0)
                return -1;
            continue;
        }
        int blk = k != EL_INLINE;
        w->pre += k == EL_PRE;
        int rc = (blk ? tb_break(t) : 0) || gather(w, c, t) || (blk ? tb_break(t) : 0);
        w->pre -= k == EL_PRE;
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
static void measure(const hwalk *w, const xmlNode *e, int *blocks, size_t *bytes, int *nested)
{
    int own = 0;
    for (const xmlNode *c = e->children; c && !*nested; c = c->next) {
        if (is_text(c)) {
            size_t k = 0;
            for (const char *p = (const char *)c->content; *p; p++)
                k += !is_ws(*p);
            *bytes += k;
            own |= k > 0;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        int k = el_kind(w, c);
        if (k == EL_TABLE)
            *nested = 1;
        else if (k != EL_SKIP)
            measure(w, c, blocks, bytes, nested);
    }
    *blocks += own && el_kind(w, e) == EL_BLOCK;
}

static int is_row_group(const xmlNode *e)
{
    return named(e, "thead") || named(e, "tbody") || named(e, "tfoot");
}

/* A row with a cell holding a table, many paragraphs or a long text. */
static int row_wraps(const hwalk *w, const xmlNode *tr)
{
    for (const xmlNode *c = tr->children; c; c = c->next) {
        if (!named(c, "td") && !named(c, "th"))
            continue;
        int blocks = 0, nested = 0;
        size_t bytes = 0;
        measure(w, c, &blocks, &bytes, &nested);
        if (nested || blocks > LAYOUT_BLOCKS || bytes > LAYOUT_BYTES)
            return 1;
    }
    return 0;
}

/* A table that only wraps the page (or part of it), not a data table. */
static int is_layout(const hwalk *w, const xmlNode *t)
{
    for (const xmlNode *g = t->children; g; g = g->next) {
        if (named(g, "tr") && row_wraps(w, g))
            return 1;
        if (is_row_group(g))
            for (const xmlNode *r = g->children; r; r = r->next)
                if (named(r, "tr") && row_wraps(w, r))
                    return 1;
    }
    return 0;
}

/* A rowspan or colspan: missing or unreadable is 1; 0 stays 0. */
static int span_attr(const xmlNode *e, const char *name)
{
    const char *v = attr(e, name);
    if (!v)
        return 1;
    while (is_ws(*v))
        v++;
    if (*v < '0' || *v > '9')
        return 1;
    long x = strtol(v, NULL, 10);
    return x > 65534 ? 65534 : (int)x;
}

/* One cell of row `row`, at or after *col. nleft: rows left in its section. */
static int place_cell(hwalk *w, const xmlNode *c, int row, int *col, int nleft)
{
    tb_reset(&w->cell);
    if (gather(w, c, &w->cell) != 0)
        return -1;
    int rs = span_attr(c, "rowspan"), cs = span_attr(c, "colspan");
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

/* The rows of a section (thead, tbody, tfoot, or the table's own rows). */
static int place_section(hwalk *w, const xmlNode *sec, int *row)
{
    int nrows = 0;
    for (const xmlNode *r = sec->children; r; r = r->next)
        nrows += named(r, "tr");
    int i = 0;
    for (const xmlNode *r = sec->children; r; r = r->next) {
        if (!named(r, "tr"))
            continue;
        int col = 0;
        for (const xmlNode *c = r->children; c; c = c->next)
            if ((named(c, "td") || named(c, "th")) && place_cell(w, c, *row, &col, nrows - i) != 0)
                return -1;
        (*row)++;
        i++;
    }
    return 0;
}

static int walk(hwalk *w, const xmlNode *e);

/* A data table becomes a grid; one too big for a grid is read as text. */
static int data_table(hwalk *w, const xmlNode *t)
{
    int row = 0, own_rows = 0, rc = 0;
    for (const xmlNode *g = t->children; g && rc == 0; g = g->next) {
        if (named(g, "caption")) {
            rc = walk(w, g) || flush(w);
        } else if (is_row_group(g)) {
            rc = place_section(w, g, &row);
        } else if (named(g, "tr") && !own_rows) {
            own_rows = 1;
            rc = place_section(w, t, &row);
        }
    }
    if (rc == 0)
        return nb_tgrid_emit(&w->tg, w->b);
    nb_tgrid_reset(&w->tg);
    return walk(w, t) || flush(w);
}

static int visit(hwalk *w, const xmlNode *e)
{
    int k = el_kind(w, e), rc = 0;
    switch (k) {
    case EL_SKIP:
        return 0;
    case EL_BR:
        return tb_break(&w->para);
    case EL_TABLE:
        if (flush(w) != 0)
            return -1;
        return is_layout(w, e) ? walk(w, e) || flush(w) : data_table(w, e);
    case EL_INLINE:
        return walk(w, e);
    default: {
        int art = named(e, "article") || named(e, "main");
        w->article += art;
        w->pre += k == EL_PRE;
        rc = flush(w) || walk(w, e) || flush(w);
        w->pre -= k == EL_PRE;
        w->article -= art;
        return rc;
    }
    }
}

static int walk(hwalk *w, const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (is_text(c)) {
            if (tb_text(&w->para, (const char *)c->content, strlen((const char *)c->content), w->pre) != 0)
                return -1;
        } else if (c->type == XML_ELEMENT_NODE && visit(w, c) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Made by wvHtml (its tables mark covered slots with rowspan="0")? */
static int made_by_wv(const xmlNode *root)
{
    for (const xmlNode *h = root ? root->children : NULL; h; h = h->next) {
        if (!named(h, "head"))
            continue;
        for (const xmlNode *m = h->children; m; m = m->next) {
            const char *name = named(m, "meta") ? attr(m, "name") : NULL;
            const char *content = name && strcasecmp(name, "generator") == 0 ? attr(m, "content") : NULL;
            if (content && strncasecmp(content, "wvWare", 6) == 0)
                return 1;
        }
    }
    return 0;
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
    char *u = NULL;
    size_t un = 0;
    if (nb_html_to_utf8(path, bytes, n, &u, &un, lang, err) != 0)
        return -1;
    htmlDocPtr doc = htmlReadMemory(u, (int)un, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    free(u);
    if (!doc)
        return nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s: not an HTML page libxml2 can read",
                                                  "%s：libxml2 无法解析此网页"), path);
    nb_docb b;
    nb_docb_init(&b);
    hwalk w = {.b = &b};
    nb_tgrid_init(&w.tg);
    const xmlNode *root = xmlDocGetRootElement(doc);
    w.wv = made_by_wv(root);
    int rc = root ? visit(&w, root) || flush(&w) : 0;
    xmlFreeDoc(doc);
    nb_tgrid_free(&w.tg);
    free(w.para.b.s);
    free(w.cell.b.s);
    if (rc != 0) {
        nb_docb_free(&b);
        return nb_err_set(err, NB_E_NOMEM, "%s: out of memory", path);
    }
    if (!b.ngrids && (!b.len || !nb_find(b.text, b.len, "信息公开", strlen("信息公开")))) {
        no_report(path, &b, lang, err);
        nb_docb_free(&b);
        return -1;
    }
    if (nb_docb_finish(&b, d, path, kind, err) != 0)
        return -1;
    d->file_size = n;
    return 0;
}

int nb_read_html(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err)
{
    return nb_html_read_as(d, path, bytes, n, NB_KIND_HTML, lang, err);
}
