/* docx.c — the package's document part (word/document.xml, or the part
 * _rels/.rels names) read in one pass with libxml2's SAX2 parser:
 * paragraphs become lines, the body's tables become grids (gridBefore,
 * gridSpan and vMerge resolved), tables inside cells and text boxes become
 * text, and every w:t and w:tc is counted so a cell knows which runs in the
 * file hold its text. Only what Word shows is read: deleted, hidden and
 * moved-away text, field codes (nested fields' results in them too), the
 * prompts of content controls showing their placeholder and the parts of
 * alternate content Word does not take (it takes the first mc:Choice whose
 * Requires it knows, else mc:Fallback) are left out;
 * a paragraph whose mark is deleted goes on into the next. A frame (a
 * layout table of one cell a row around the report's tables) is read
 * through: when the first pass made one a grid, a second reads its
 * paragraphs and tables as the body's. The pictures shown are counted (a
 * table pasted as a picture is told of when the table is missing). */
#include "read/docx.h"
#include "read/build.h"
#include "read/docx_rels.h"
#include "read/fmt_lib.h"
#include "read/tgrid.h"
#include "read/wmlns.h"
#include "read/sbuf.h"
#include "read/xmlmsg.h"

#include <stdlib.h>
#include <string.h>

/* What an open element is, for when it ends. */
enum { E_OTHER, E_SKIP, E_T, E_P, E_TBL, E_TR, E_TC, E_GRIDTBL, E_GRIDTR, E_GRIDTC, E_TRPR, E_TCPR, E_R, E_RPR,
       E_FRAME, E_SDT, E_SDTPR, E_PLCHDR, E_PROMPT, E_ABSENT, E_PPR, E_MARKPR, E_PJOIN, E_ALT, E_ALT_CHOSEN };

/* The fields (w:fldChar begin … separate … end) inside one another whose
 * part, code or result, is kept; deeper ones are only counted. */
#define FIELD_DEPTH 32

/* At most this many frames inside one another are read through. */
#define FRAME_DEPTH 8

/* An open table's shape, to tell a frame: a table of one cell a row, a
 * cell of which holds a table. */
typedef struct tshape {
    int ord;               /* its w:tbl ordinal */
    int p_depth;           /* paragraphs open around it */
    int rows, cells;       /* rows so far; cells in the open row */
    int one_cell;          /* every row so far has one cell */
    int holds_tbl;         /* a table directly in one of its cells */
} tshape;

typedef struct dsax {
    nb_docb *b;
    nb_tgrid tg;
    nb_sbuf t;             /* the paragraph or grid cell text being gathered */
    unsigned char *open;   /* E_* of the open elements */
    size_t depth, cap;
    const xmlChar *w_uri;  /* the WordprocessingML namespace as the parser holds it */
    int t_ord, tc_ord;     /* w:t and w:tc elements passed so far */
    int skip;              /* open elements whose text is left out (deleted, field codes, alternates not taken, hidden runs) */
    int in_t;              /* open w:t whose text counts */
    int prompt;            /* open contents of controls showing their placeholder (of skip) */
    int absent;            /* open elements not in the document (deleted, moved away, alternates not taken; of skip) */
    int fields;            /* open fields (w:fldChar begin, not yet end) */
    unsigned char field_code[FIELD_DEPTH]; /* of each: 1 while in its code (before its separate) */
    int p_depth;           /* open paragraphs (text boxes nest them) */
    int tbl;               /* open tables */
    int grid;              /* a body table is open: it becomes a grid */
    int row, col;          /* its row, and the grid column of the next cell */
    int in_cell;           /* one of its cells is open */
    int cell_tc, cell_first, cell_span, cell_vm; /* that cell: w:tc ordinal, first w:t shown, gridSpan, vMerge (1 restart, 2 continue) */
    int cell_shown;        /* a w:t of the cell is shown, or a prompt (cell_first is its ordinal) */
    int flat;              /* the table is too big for a grid: its cells become lines */
    int blank;             /* the last line was blank (blank paragraphs collapse) */
    int join;              /* the last paragraph's mark is deleted: the next one goes on its text */
    tshape *shape;         /* the open tables' shapes, innermost last */
    size_t nshape, shape_cap;
    unsigned char *frame;  /* by w:tbl ordinal, from the first pass: 1 a frame */
    size_t nframe, frame_cap;
    int tbl_ord;           /* w:tbl elements passed so far */
    int through;           /* second pass: frames are read through */
    int frames;            /* frames open and read through */
    int again;             /* the first pass made a frame a grid: read again */
    nb_sbuf external;      /* the external entities declared (never read): names, each NUL-terminated */
    int pictures;          /* pictures shown (pic:pic, v:imagedata; not in text left out) */
    int root_ok;           /* the root is w:document */
    int failed;            /* out of memory */
    xmlParserCtxtPtr ctxt;
    const nb_xml_lib *X;   /* libxml2's functions */
} dsax;

static dsax *of(void *ctx)
{
    return ((xmlParserCtxtPtr)ctx)->_private;
}

static void fail(dsax *w)
{
    w->failed = 1;
    w->X->stop_parser(w->ctxt);
}

static void put(dsax *w, const char *s, size_t n)
{
    if (!w->skip && nb_sbuf_put(&w->t, s, n) != 0)
        fail(w);
}

/* A line break in the text, unless at its start or after another. */
static void put_break(dsax *w)
{
    if (w->t.n && w->t.s[w->t.n - 1] != '\n')
        put(w, "\n", 1);
}

static int is_w_uri(dsax *w, const xmlChar *uri)
{
    if (!uri)
        return 0;
    if (uri == w->w_uri)
        return 1;
    if (strcmp((const char *)uri, NB_W_NS) != 0 && strcmp((const char *)uri, NB_W_NS_STRICT) != 0)
        return 0;
    w->w_uri = uri;
    return 1;
}

/* The w:val attribute in buf (cut to cap - 1 bytes), or NULL. */
static const char *val(const xmlChar **attrs, int n, char *buf, size_t cap)
{
    size_t len;
    const char *v = nb_sax_attr(attrs, n, "val", 0, &len);
    if (!v)
        return NULL;
    if (len >= cap)
        len = cap - 1;
    memcpy(buf, v, len);
    buf[len] = '\0';
    return buf;
}

static int int_val(const xmlChar **attrs, int n, int dflt)
{
    char buf[32];
    const char *v = val(attrs, n, buf, sizeof buf);
    long x = v ? strtol(v, NULL, 10) : dflt;
    return x < 0 ? 0 : x > NB_TGRID_MAX_SPAN ? NB_TGRID_MAX_SPAN : (int)x;
}

/* ------------------------------------------------------------ lines and cells */

/* A body paragraph's text becomes a line (a run of blank ones, one). */
static void paragraph(dsax *w)
{
    size_t a = 0, e = w->t.n;
    nb_trim_spaces(nb_sbuf_str(&w->t), &a, &e);
    int rc = 0;
    if (a == e) {
        if (!w->blank && w->b->len) {
            w->blank = 1;
            rc = nb_docb_para(w->b, "", 0, 0);
        }
    } else {
        w->blank = 0;
        rc = nb_docb_para(w->b, w->t.s + a, e - a, 0);
    }
    if (rc)
        fail(w);
}

/* A body paragraph whose mark is deleted, with no paragraph after it to go
 * on (a table, the end of the body): a line of its own. */
static void end_joined(dsax *w)
{
    if (w->join && !w->tbl && !w->p_depth)
        paragraph(w);
    w->join = 0;
}

/* A table too big for a grid: the cells so far, then the rest, as lines. */
static void go_flat(dsax *w)
{
    for (size_t k = 0; k < w->tg.ncells; k++)
        if (w->tg.cells[k].len && nb_docb_para(w->b, w->tg.cells[k].text, w->tg.cells[k].len, 0) != 0)
            fail(w);
    nb_tgrid_reset(&w->tg);
    w->flat = 1;
}

/* A grid cell has ended: on to the grid, merged with the one above when
 * its vMerge goes on and that cell is as wide (Word merges no cells of
 * different widths: a continue under a wider or narrower cell, such as a
 * table's header rows pasted above the rest of it, starts a cell). */
static void end_cell(dsax *w)
{
    const char *s = nb_sbuf_str(&w->t);
    w->in_cell = 0;
    if (!w->cell_shown) /* no w:t shown nor prompt: a correction gets a run of its own */
        w->cell_first = w->t_ord;
    if (!w->flat && w->cell_vm == 2) {
        int k = nb_tgrid_at(&w->tg, w->row - 1, w->col);
        if (k >= 0 && w->tg.cells[k].col == w->col && w->tg.cells[k].colspan == w->cell_span &&
            nb_tgrid_extend_down(&w->tg, k) == 0) {
            w->col += w->tg.cells[k].colspan;
            if (nb_tgrid_append(&w->tg, k, s, w->t.n) != 0)
                fail(w);
            return;
        }
    }
    int at = w->flat ? -1 : nb_tgrid_free_col(&w->tg, w->row, w->col);
    int k = at < 0 ? -1 : nb_tgrid_add(&w->tg, w->row, at, 1, w->cell_span, s, w->t.n);
    if (k < 0) {
        if (!w->flat)
            go_flat(w);
        if (w->t.n && nb_docb_para(w->b, s, w->t.n, 0) != 0)
            fail(w);
        return;
    }
    w->tg.cells[k].src_first = w->cell_first;
    w->tg.cells[k].src_count = w->t_ord - w->cell_first;
    w->tg.cells[k].src_tc = w->cell_tc;
    w->col = at + w->cell_span;
}

static void end_table(dsax *w)
{
    w->grid = 0;
    w->blank = 0;
    if (w->flat)
        nb_tgrid_reset(&w->tg);
    else if (nb_tgrid_emit(&w->tg, w->b) != 0)
        fail(w);
    w->flat = 0;
}

/* ------------------------------------------------------------ frames */

static tshape *shape_top(dsax *w)
{
    return w->nshape ? &w->shape[w->nshape - 1] : NULL;
}

/* A w:tbl starts: the table around it (when directly in its cell, not in
 * a text box) holds a table; its shape is opened. Its ordinal, or -1. */
static int shape_open(dsax *w)
{
    tshape *up = shape_top(w);
    if (up && up->p_depth == w->p_depth)
        up->holds_tbl = 1;
    if (nb_grow(&w->shape, &w->shape_cap, w->nshape + 1, sizeof *w->shape, 8) != 0) {
        fail(w);
        return -1;
    }
    w->shape[w->nshape++] = (tshape){.ord = w->tbl_ord, .p_depth = w->p_depth, .one_cell = 1};
    return w->tbl_ord++;
}

static void shape_row(dsax *w, int end)
{
    tshape *t = shape_top(w);
    if (t && !end)
        t->rows++, t->cells = 0;
    else if (t && t->cells != 1)
        t->one_cell = 0;
}

/* A table ends: the first pass keeps whether it is a frame, and reads
 * again when it made one a grid. */
static void shape_close(dsax *w, int was_grid)
{
    if (!w->nshape)
        return;
    tshape t = w->shape[--w->nshape];
    int frame = t.rows && t.one_cell && t.holds_tbl;
    if (w->through)
        return;
    if (nb_grow(&w->frame, &w->frame_cap, (size_t)t.ord + 1, 1, 64) != 0) {
        fail(w);
        return;
    }
    while (w->nframe <= (size_t)t.ord)
        w->frame[w->nframe++] = 0;
    w->frame[t.ord] = (unsigned char)frame;
    w->again |= frame && was_grid;
}

/* Is the table of ordinal ord, starting in the body, read through? */
static int read_through(const dsax *w, int ord)
{
    return w->through && ord >= 0 && (size_t)ord < w->nframe && w->frame[ord] && w->frames < FRAME_DEPTH;
}

/* ------------------------------------------------------------ SAX */

static unsigned char top(const dsax *w)
{
    return w->depth ? w->open[w->depth - 1] : E_OTHER;
}

/* Is a toggle property on (<w:vanish/>, w:val true or 1 or on)? */
static int is_on(const xmlChar **attrs, int nattrs)
{
    char buf[8];
    const char *v = val(attrs, nattrs, buf, sizeof buf);
    return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

/* The open run (under its w:rPr, the top) is hidden text, which Word
 * neither shows nor prints: its text is left out, as a deleted run's. */
static void hide_run(dsax *w)
{
    w->open[w->depth - 2] = E_SKIP;
    w->skip++;
}

/* A content control (w:sdt) showing its placeholder (w:showingPlcHdr in
 * its w:sdtPr, the top): nothing filled in; its content, the prompt, is
 * left out as a deleted run's, though its runs are a cell's (a correction
 * goes into them, the control no longer showing its placeholder). */
static void placeholder(dsax *w)
{
    if (w->depth >= 2 && w->open[w->depth - 2] == E_SDT)
        w->open[w->depth - 2] = E_PLCHDR;
}

/* A w:fldChar: a field begins (its code, not shown, comes first, nested
 * fields' results in it too), its result begins (shown unless the field is
 * in another's code), or it ends. Those in deleted text are left alone. */
static void field_char(dsax *w, const xmlChar **attrs, int nattrs)
{
    size_t len;
    const char *v = nb_sax_attr(attrs, nattrs, "fldCharType", 0, &len);
    if (!v || w->absent)
        return;
    int top = w->fields - 1, kept = top >= 0 && top < FIELD_DEPTH;
    if (len == 5 && memcmp(v, "begin", 5) == 0) {
        if (w->fields < FIELD_DEPTH)
            w->field_code[w->fields] = 1, w->skip++;
        w->fields++;
    } else if (len == 8 && memcmp(v, "separate", 8) == 0 && kept && w->field_code[top]) {
        w->field_code[top] = 0;
        w->skip--;
    } else if (len == 3 && memcmp(v, "end", 3) == 0 && top >= 0) {
        if (kept && w->field_code[top])
            w->skip--;
        w->fields--;
    }
}

/* The markup-compatibility element `name` starts; its E_* code. Of an
 * mc:AlternateContent, the first mc:Choice Word would take (wmlns.h)
 * is read, else its mc:Fallback; the others are left out as deleted text
 * (they are the same content, for other readers). */
static unsigned char start_mc(dsax *w, const char *name, const xmlChar **attrs, int nattrs)
{
    if (strcmp(name, "AlternateContent") == 0)
        return E_ALT;
    int choice = strcmp(name, "Choice") == 0;
    if (!choice && strcmp(name, "Fallback") != 0)
        return E_OTHER;
    if (top(w) == E_ALT && (!choice || nb_wml_choice_known(w->ctxt, attrs, nattrs))) {
        w->open[w->depth - 1] = E_ALT_CHOSEN;
        return E_OTHER;
    }
    w->skip++, w->absent++;
    return E_ABSENT;
}

/* The WordprocessingML element `name` starts; its E_* code. */
static unsigned char start_w(dsax *w, const char *name, const xmlChar **attrs, int nattrs)
{
    if (strcmp(name, "t") == 0) {
        if (w->in_cell && w->skip == w->prompt && !w->cell_shown) {
            w->cell_first = w->t_ord;
            w->cell_shown = 1;
        }
        w->t_ord++;
        w->in_t += !w->skip;
        return w->skip ? E_OTHER : E_T;
    }
    if (strcmp(name, "p") == 0) {
        if (w->join)
            w->join = 0;
        else if (w->p_depth || w->tbl)
            put_break(w);
        else
            w->t.n = 0;
        w->p_depth++;
        return E_P;
    }
    if (strcmp(name, "tc") == 0) {
        w->tc_ord++;
        w->join = 0;
        if (w->nshape)
            w->shape[w->nshape - 1].cells++;
        if (!(w->grid && w->tbl == 1)) {
            put_break(w);
            return E_TC;
        }
        w->in_cell = 1;
        w->cell_tc = w->tc_ord;
        w->cell_first = w->t_ord;
        w->cell_span = 1;
        w->cell_vm = 0;
        w->cell_shown = 0;
        w->t.n = 0;
        return E_GRIDTC;
    }
    if (strcmp(name, "tr") == 0) {
        shape_row(w, 0);
        if (!(w->grid && w->tbl == 1)) {
            put_break(w);
            return E_TR;
        }
        w->row++;
        w->col = 0;
        return E_GRIDTR;
    }
    if (strcmp(name, "tbl") == 0) {
        int grid = !w->tbl && !w->p_depth, ord = shape_open(w);
        end_joined(w);
        if (grid && read_through(w, ord))
            return w->frames++, E_FRAME;
        w->tbl++;
        if (!grid) {
            put_break(w);
            return E_TBL;
        }
        w->grid = 1;
        w->row = -1;
        return E_GRIDTBL;
    }
    if (strcmp(name, "tab") == 0 || strcmp(name, "ptab") == 0)
        put(w, "  ", 2);
    else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0)
        put(w, "\n", 1);
    else if (strcmp(name, "noBreakHyphen") == 0)
        put(w, "-", 1);
    else if (strcmp(name, "delText") == 0 || strcmp(name, "instrText") == 0)
        return w->skip++, E_SKIP;
    else if ((strcmp(name, "del") == 0 || strcmp(name, "moveFrom") == 0) && top(w) == E_MARKPR)
        w->open[w->depth - 3] = E_PJOIN; /* the paragraph's mark is deleted */
    else if (strcmp(name, "del") == 0 || strcmp(name, "moveFrom") == 0)
        return w->skip++, w->absent++, E_ABSENT;
    else if (strcmp(name, "fldChar") == 0)
        field_char(w, attrs, nattrs);
    else if (strcmp(name, "r") == 0)
        return E_R;
    else if (strcmp(name, "sdt") == 0)
        return E_SDT;
    else if (strcmp(name, "sdtPr") == 0 && (top(w) == E_SDT || top(w) == E_PLCHDR))
        return E_SDTPR;
    else if (strcmp(name, "showingPlcHdr") == 0 && top(w) == E_SDTPR && is_on(attrs, nattrs))
        placeholder(w);
    else if (strcmp(name, "sdtContent") == 0 && top(w) == E_PLCHDR)
        return w->skip++, w->prompt++, E_PROMPT;
    else if (strcmp(name, "rPr") == 0 && top(w) == E_R)
        return E_RPR;
    else if (strcmp(name, "pPr") == 0 && (top(w) == E_P || top(w) == E_PJOIN))
        return E_PPR;
    else if (strcmp(name, "rPr") == 0 && top(w) == E_PPR)
        return E_MARKPR;
    else if (strcmp(name, "vanish") == 0 && top(w) == E_RPR && is_on(attrs, nattrs))
        hide_run(w);
    else if (strcmp(name, "trPr") == 0 && top(w) == E_GRIDTR)
        return E_TRPR;
    else if (strcmp(name, "tcPr") == 0 && top(w) == E_GRIDTC)
        return E_TCPR;
    else if (strcmp(name, "gridBefore") == 0 && top(w) == E_TRPR)
        w->col += int_val(attrs, nattrs, 0);
    else if (strcmp(name, "gridSpan") == 0 && top(w) == E_TCPR)
        w->cell_span = int_val(attrs, nattrs, 1) < 1 ? 1 : int_val(attrs, nattrs, 1);
    else if (strcmp(name, "vMerge") == 0 && top(w) == E_TCPR) {
        char buf[16];
        const char *v = val(attrs, nattrs, buf, sizeof buf);
        w->cell_vm = v && strcmp(v, "restart") == 0 ? 1 : 2;
    }
    return E_OTHER;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                     const xmlChar **ns, int nattrs, int ndefaulted, const xmlChar **attrs)
{
    (void)prefix;
    (void)nns;
    (void)ns;
    (void)ndefaulted;
    dsax *w = of(ctx);
    const char *name = (const char *)local;
    int is_w = is_w_uri(w, uri);
    if (!w->depth && !w->root_ok)
        w->root_ok = is_w && strcmp(name, "document") == 0;
    unsigned char code = E_OTHER;
    if (is_w)
        code = start_w(w, name, attrs, nattrs);
    else if (uri && strcmp((const char *)uri, NB_MC_NS) == 0)
        code = start_mc(w, name, attrs, nattrs);
    else if (uri && !w->skip && nb_wml_is_picture(name, (const char *)uri))
        w->pictures++;
    if (nb_grow(&w->open, &w->cap, w->depth + 1, 1, 64) != 0) {
        fail(w);
        return;
    }
    w->open[w->depth++] = code;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)local;
    (void)prefix;
    (void)uri;
    dsax *w = of(ctx);
    if (!w->depth)
        return;
    switch (w->open[--w->depth]) {
    case E_SKIP: w->skip--; break;
    case E_PROMPT: w->skip--, w->prompt--; break;
    case E_ABSENT: w->skip--, w->absent--; break;
    case E_T: w->in_t--; break;
    case E_P:
        if (--w->p_depth == 0 && !w->tbl)
            paragraph(w);
        else
            put_break(w);
        break;
    case E_PJOIN: w->p_depth--, w->join = 1; break;
    case E_TBL: w->tbl--; shape_close(w, 0); put_break(w); break;
    case E_TR: shape_row(w, 1); put_break(w); break;
    case E_TC: put_break(w); break;
    case E_GRIDTR: shape_row(w, 1); break;
    case E_GRIDTC: end_cell(w); break;
    case E_GRIDTBL: w->tbl--; shape_close(w, 1); end_table(w); break;
    case E_FRAME: w->frames--; shape_close(w, 0); break;
    default: break;
    }
}

/* An entity is declared (a DTD, which Word never writes): an external
 * one's name is kept, for the message when a reference to it fails. */
static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    (void)public_id;
    (void)system_id;
    (void)content;
    dsax *w = of(ctx);
    if ((type == XML_EXTERNAL_GENERAL_PARSED_ENTITY || type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
         type == XML_EXTERNAL_PARAMETER_ENTITY) &&
        nb_sbuf_put(&w->external, (const char *)name, strlen((const char *)name) + 1) != 0)
        fail(w);
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    dsax *w = of(ctx);
    if (w->in_t > 0 && len > 0)
        put(w, (const char *)s, (size_t)len);
}

/* Parse the document part (named part in messages) into the builder; -1
 * with err set. */
static int parse(dsax *w, const char *path, const char *part, const unsigned char *x, size_t n, nb_lang lang,
                 nb_err *err)
{
    const nb_xml_lib *X = w->X = nb_xml_lib_get(path, lang, err);
    if (!X)
        return -1;
    xmlParserCtxtPtr ctxt = X->new_parser_ctxt();
    if (!ctxt)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    w->ctxt = ctxt;
    ctxt->_private = w;
    xmlSAXHandler *sax = ctxt->sax;
    memset(sax, 0, sizeof *sax);
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    sax->characters = on_text;
    sax->cdataBlock = on_text;
    sax->entityDecl = on_entity_decl;
    xmlDocPtr doc = X->ctxt_read_memory(ctxt, (const char *)x, (int)n, part, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    X->free_doc(doc);
    end_joined(w);
    int rc = 0;
    if (w->failed) {
        rc = nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    } else if (!ctxt->wellFormed) {
        rc = nb_xml_refused(ctxt, w->depth, nb_sbuf_str(&w->external), w->external.n, path, part, lang, err);
    } else if (!w->root_ok) {
        rc = nb_err_set(err, NB_E_FORMAT,
                        nb_tr(lang, "%s: %s holds no Word document (w:document)", "%s：%s 中没有 Word 文档（w:document）"),
                        path, part);
    }
    X->free_parser_ctxt(ctxt);
    return rc;
}

/* One pass over the document part into b, the pictures it shows in
 * *pictures; a second pass (through) reads the frames the first (frames)
 * found through. -1 with err set; *again when the first made a frame a
 * grid. */
static int read_pass(nb_docb *b, dsax *first, const char *path, const char *part, const unsigned char *x, size_t n,
                     int *pictures, nb_lang lang, nb_err *err)
{
    dsax w = {.b = b};
    if (first) {
        w.frame = first->frame, w.nframe = first->nframe, w.through = 1;
        first->frame = NULL;
    }
    nb_tgrid_init(&w.tg);
    int rc = parse(&w, path, part, x, n, lang, err);
    *pictures = w.pictures;
    nb_tgrid_free(&w.tg);
    free(w.t.s);
    free(w.open);
    free(w.shape);
    free(w.external.s);
    if (!first && rc == 0 && w.again) {
        nb_docb_free(b);
        nb_docb_init(b);
        rc = read_pass(b, &w, path, part, x, n, pictures, lang, err);
    }
    free(w.frame);
    return rc;
}

int nb_read_docx(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err)
{
    memset(d, 0, sizeof *d);
    unsigned char *x = NULL;
    size_t xn = 0;
    char *part = NULL;
    if (nb_docx_main_part(path, bytes, n, &part, &x, &xn, lang, err) != 0)
        return -1;
    nb_docb b;
    nb_docb_init(&b);
    int pictures = 0, rc = read_pass(&b, NULL, path, part, x, xn, &pictures, lang, err);
    free(x);
    free(part);
    if (rc != 0) {
        nb_docb_free(&b);
        return -1;
    }
    if (nb_docb_finish(&b, d, path, NB_KIND_DOCX, lang, err) != 0)
        return -1;
    d->file_size = n;
    d->nimages = pictures;
    return 0;
}
