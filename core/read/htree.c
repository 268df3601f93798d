/* htree.c — libxml2's HTML SAX parser feeding a light tree in an arena;
 * the elements a reader leaves out (script, style, head, nav, and chrome
 * named by class, id or role) are dropped with everything inside them;
 * the documents the rest links or embeds, and its images, are noted. */
#include "read/htree.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ARENA_BLOCK ((size_t)64 << 10)
/* Elements nested deeper than this are not kept apart: their text goes to
 * the deepest one kept (the reader walks the tree recursively). */
#define MAX_DEPTH 200

struct nb_harena {
    struct nb_harena *prev;
    size_t used, cap;
    char data[];
};

typedef struct frame {
    nb_hnode *n;
    int article;           /* an <article> or <main> */
} frame;

typedef struct build {
    nb_htree *t;
    frame *open;           /* the open elements, root first */
    size_t depth, cap;
    int articles;          /* open <article>/<main> elements */
    int skip;              /* depth inside a left-out element */
    int deep;              /* depth past MAX_DEPTH */
    int oom;
    xmlParserCtxtPtr ctxt;
    const nb_xml_lib *X;   /* libxml2's functions */
} build;

static void *arena_alloc(nb_htree *t, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    nb_harena *a = t->arena;
    if (!a || a->cap - a->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        nb_harena *na = malloc(sizeof *na + cap);
        if (!na)
            return NULL;
        na->prev = a;
        na->used = 0;
        na->cap = cap;
        t->arena = a = na;
    }
    void *p = a->data + a->used;
    a->used += n;
    return p;
}

/* ------------------------------------------------------------ elements */

typedef struct eltype {
    const char *name;
    unsigned char kind, tag; /* kind 255: left out */
} eltype;

#define SKIP 255

/* Sorted by name, for bsearch. */
static const eltype types[] = {
    {"address", NB_HK_BLOCK, 0}, {"article", NB_HK_BLOCK, 0},  {"aside", SKIP, 0},
    {"blockquote", NB_HK_BLOCK, 0}, {"body", NB_HK_BLOCK, 0}, {"br", NB_HK_BR, 0},
    {"button", SKIP, 0},          {"caption", NB_HK_BLOCK, NB_HT_CAPTION}, {"center", NB_HK_BLOCK, 0},
    {"dd", NB_HK_BLOCK, 0},       {"details", NB_HK_BLOCK, 0}, {"div", NB_HK_BLOCK, 0},
    {"dl", NB_HK_BLOCK, 0},       {"dt", NB_HK_BLOCK, 0},      {"embed", SKIP, 0},
    {"fieldset", NB_HK_BLOCK, 0}, {"figcaption", NB_HK_BLOCK, 0}, {"figure", NB_HK_BLOCK, 0},
    {"footer", NB_HK_BLOCK, 0},   {"form", NB_HK_BLOCK, 0},    {"h1", NB_HK_BLOCK, 0},
    {"h2", NB_HK_BLOCK, 0},       {"h3", NB_HK_BLOCK, 0},      {"h4", NB_HK_BLOCK, 0},
    {"h5", NB_HK_BLOCK, 0},       {"h6", NB_HK_BLOCK, 0},      {"head", SKIP, 0},
    {"header", NB_HK_BLOCK, 0},   {"hr", NB_HK_BLOCK, 0},      {"html", NB_HK_BLOCK, 0},
    {"iframe", SKIP, 0},          {"input", SKIP, 0},          {"li", NB_HK_BLOCK, 0},
    {"link", SKIP, 0},            {"listing", NB_HK_PRE, 0},   {"main", NB_HK_BLOCK, 0},
    {"math", SKIP, 0},            {"meta", SKIP, 0},           {"nav", SKIP, 0},
    {"noscript", SKIP, 0},        {"object", SKIP, 0},         {"ol", NB_HK_BLOCK, 0},
    {"p", NB_HK_BLOCK, 0},        {"pre", NB_HK_PRE, 0},       {"script", SKIP, 0},
    {"section", NB_HK_BLOCK, 0},  {"select", SKIP, 0},         {"style", SKIP, 0},
    {"summary", NB_HK_BLOCK, 0},  {"svg", SKIP, 0},            {"table", NB_HK_TABLE, 0},
    {"tbody", NB_HK_BLOCK, NB_HT_TBODY}, {"td", NB_HK_BLOCK, NB_HT_TD}, {"template", SKIP, 0},
    {"textarea", SKIP, 0},        {"tfoot", NB_HK_BLOCK, NB_HT_TFOOT}, {"th", NB_HK_BLOCK, NB_HT_TD},
    {"thead", NB_HK_BLOCK, NB_HT_THEAD}, {"title", SKIP, 0},   {"tr", NB_HK_BLOCK, NB_HT_TR},
    {"ul", NB_HK_BLOCK, 0},       {"xmp", NB_HK_PRE, 0},
};

static int by_name(const void *key, const void *el)
{
    return strcmp(key, ((const eltype *)el)->name);
}

static eltype type_of(const char *name)
{
    const eltype *e = bsearch(name, types, sizeof types / sizeof types[0], sizeof types[0], by_name);
    return e ? *e : (eltype){name, NB_HK_INLINE, 0};
}

/* attrs: name, value, name, value, …, NULL. */
static const char *attr(const xmlChar **attrs, const char *name)
{
    for (size_t i = 0; attrs && attrs[i]; i += 2)
        if (strcasecmp((const char *)attrs[i], name) == 0)
            return attrs[i + 1] ? (const char *)attrs[i + 1] : "";
    return NULL;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
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

static int is_chrome(const build *b, const char *name, const xmlChar **attrs)
{
    const char *role = attr(attrs, "role");
    if (role && strcasecmp(role, "navigation") == 0)
        return 1;
    if (!b->articles && (strcmp(name, "header") == 0 || strcmp(name, "footer") == 0))
        return 1;
    return chrome_word(attr(attrs, "class")) || chrome_word(attr(attrs, "id"));
}

/* A rowspan or colspan: missing or unreadable is 1; 0 stays 0. */
static int span_attr(const xmlChar **attrs, const char *name)
{
    const char *v = attr(attrs, name);
    if (!v)
        return 1;
    while (is_ws(*v))
        v++;
    if (*v < '0' || *v > '9')
        return 1;
    long x = strtol(v, NULL, 10);
    return x > 65534 ? 65534 : (int)x;
}

/* ------------------------------------------------------------ SAX */

static build *of(void *ctx)
{
    return ((xmlParserCtxtPtr)ctx)->_private;
}

static void stop(build *b)
{
    b->oom = 1;
    b->X->stop_parser(b->ctxt);
}

static void append(build *b, nb_hnode *n)
{
    nb_hnode *parent = b->open[b->depth - 1].n;
    if (parent->last)
        parent->last->next = n;
    else
        parent->children = n;
    parent->last = n;
}

static void on_meta(build *b, const xmlChar **attrs)
{
    const char *name = attr(attrs, "name"), *content = attr(attrs, "content");
    if (name && content && strcasecmp(name, "generator") == 0 && strncasecmp(content, "wvWare", 6) == 0)
        b->t->wv = 1;
}

/* The address of a document (by the extension of its path, before any ?
 * or #) in url[0, n)? */
static int names_document(const char *url, size_t n)
{
    static const char *const exts[] = {".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx"};
    size_t end = strcspn(url, "?#");
    if (end > n)
        end = n;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t k = strlen(exts[i]);
        if (end > k && strncasecmp(url + end - k, exts[i], k) == 0)
            return 1;
    }
    return 0;
}

/* The document an address shows: a viewer's file= parameter, else the
 * address itself; NULL when it is no document. */
static const char *shown_document(const char *url)
{
    const char *q = strchr(url, '?');
    for (const char *p = q; p && *p; p = strpbrk(p + 1, "?&"))
        if (strncasecmp(p + 1, "file=", 5) == 0 && names_document(p + 6, strcspn(p + 6, "&#")))
            return p + 6;
    return names_document(url, strlen(url)) ? url : NULL;
}

/* Keep the first attachment's address, cut at a character boundary and
 * at the end of a viewer's parameter. */
static void keep_attachment(nb_htree *t, const char *url)
{
    if (t->nattach++)
        return;
    size_t n = strcspn(url, "&#");
    if (n >= sizeof t->attach)
        n = sizeof t->attach - 1;
    while (n > 0 && ((unsigned char)url[n] & 0xC0) == 0x80)
        n--; /* not inside a character */
    memcpy(t->attach, url, n);
    t->attach[n] = '\0';
}

/* An attachment, an embedded document or an image, noted. */
static void note_media(build *b, const char *name, const xmlChar **attrs)
{
    const char *url = NULL;
    if (strcmp(name, "img") == 0) {
        b->t->nimages++;
        return;
    }
    if (strcmp(name, "a") == 0)
        url = attr(attrs, "href");
    else if (strcmp(name, "iframe") == 0 || strcmp(name, "embed") == 0)
        url = attr(attrs, "src");
    else if (strcmp(name, "object") == 0)
        url = attr(attrs, "data");
    if (url && (url = shown_document(url)) != NULL)
        keep_attachment(b->t, url);
}

static void start_element(void *ctx, const xmlChar *xname, const xmlChar **attrs)
{
    build *b = of(ctx);
    const char *name = (const char *)xname;
    if (strcmp(name, "meta") == 0)
        on_meta(b, attrs);
    if (b->skip) {
        b->skip++;
        return;
    }
    eltype ty = type_of(name);
    int chrome = is_chrome(b, name, attrs);
    if (!chrome)
        note_media(b, name, attrs);
    if (ty.kind == SKIP || chrome) {
        b->skip = 1;
        return;
    }
    if (b->depth >= MAX_DEPTH) {
        b->deep++;
        return;
    }
    nb_hnode *n = arena_alloc(b->t, sizeof *n);
    if (!n || nb_grow(&b->open, &b->cap, b->depth + 1, sizeof *b->open, 64) != 0) {
        stop(b);
        return;
    }
    memset(n, 0, sizeof *n);
    n->kind = ty.kind;
    n->tag = ty.tag;
    if (ty.tag == NB_HT_TD) {
        n->rowspan = span_attr(attrs, "rowspan");
        n->colspan = span_attr(attrs, "colspan");
    }
    append(b, n);
    int art = strcmp(name, "article") == 0 || strcmp(name, "main") == 0;
    b->articles += art;
    b->open[b->depth++] = (frame){n, art};
}

static void end_element(void *ctx, const xmlChar *name)
{
    (void)name;
    build *b = of(ctx);
    if (b->skip) {
        b->skip--;
        return;
    }
    if (b->deep) {
        b->deep--;
        return;
    }
    if (b->depth > 1) {
        b->depth--;
        b->articles -= b->open[b->depth].article;
    }
}

static void characters(void *ctx, const xmlChar *s, int len)
{
    build *b = of(ctx);
    if (b->skip || len <= 0)
        return;
    nb_hnode *n = arena_alloc(b->t, sizeof *n + (size_t)len);
    if (!n) {
        stop(b);
        return;
    }
    memset(n, 0, sizeof *n);
    char *text = (char *)(n + 1);
    memcpy(text, s, (size_t)len);
    n->text = text;
    n->len = (size_t)len;
    append(b, n);
}

static void ignore_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int nb_htree_parse(nb_htree *t, const nb_xml_lib *X, const char *utf8, size_t n)
{
    memset(t, 0, sizeof *t);
    build b = {.t = t, .X = X};
    htmlParserCtxtPtr ctxt = X->html_new_parser_ctxt();
    t->root = arena_alloc(t, sizeof *t->root);
    if (!ctxt || !t->root || nb_grow(&b.open, &b.cap, 1, sizeof *b.open, 64) != 0) {
        if (ctxt)
            X->html_free_parser_ctxt(ctxt);
        free(b.open);
        nb_htree_free(t);
        return -1;
    }
    memset(t->root, 0, sizeof *t->root);
    t->root->kind = NB_HK_BLOCK;
    b.open[b.depth++] = (frame){t->root, 0};
    b.ctxt = ctxt;
    ctxt->_private = &b;
    htmlSAXHandlerPtr sax = ctxt->sax;
    memset(sax, 0, sizeof *sax);
    sax->startElement = start_element;
    sax->endElement = end_element;
    sax->characters = characters;
    sax->ignorableWhitespace = characters;
    sax->cdataBlock = characters;
    sax->warning = ignore_error;
    sax->error = ignore_error;
    sax->initialized = 1;
    htmlDocPtr doc = X->html_ctxt_read_memory(ctxt, utf8, (int)n, NULL, "UTF-8",
                                              HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                                  HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
    if (doc)
        X->free_doc(doc);
    X->html_free_parser_ctxt(ctxt);
    free(b.open);
    if (b.oom) {
        nb_htree_free(t);
        return -1;
    }
    return 0;
}

void nb_htree_free(nb_htree *t)
{
    nb_harena *a = t->arena;
    while (a) {
        nb_harena *p = a->prev;
        free(a);
        a = p;
    }
    memset(t, 0, sizeof *t);
}
