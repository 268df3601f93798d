/* export.c — a report's cells, findings and metrics as JSON (one object a
 * line) and its cells as CSV (one row a cell), with the notes of inferred
 * and unread cells. */
#include "out/export.h"
#include "out/metrics.h"
#include "out/writer.h"
#include "base/utf8.h"
#include "check/findings.h"
#include "check/messages.h"
#include "model/ctx.h"
#include "review/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The words of a cell's note around its run-together digits: before them,
 * after them, and (a note that counts the readings) after the count; by
 * kind (inferred, many readings, none) and language (English, Chinese).
 * They are written as a JSON string holds them (a quote as \"; nothing
 * else in them is escaped). */
typedef struct note_word {
    const char *s; /* NULL: none */
    size_t n;
} note_word;
#define NW(lit) {lit, sizeof(lit) - 1}
static const note_word note_words[3][2][3] = {
    {{NW("split from run-together digits \\\""), NW("\\\" by the table's sums"), {NULL, 0}},
     {NW("由连写数字“"), NW("”按表内合计关系拆分得出"), {NULL, 0}}},
    {{NW("not read: run-together digits \\\""), NW("\\\" split "), NW(" ways and the table cannot tell which")},
     {NW("未读取：连写数字“"), NW("”有 "), NW(" 种拆分方式，表内无法确定是哪一种")}},
    {{NW("not read: run-together digits \\\""), NW("\\\" split no way that fits the table"), {NULL, 0}},
     {NW("未读取：连写数字“"), NW("”无法拆分出符合表格的读数"), {NULL, 0}}},
};

/* The words of c's note, and the length of its digits as quoted (whole
 * characters, under 128 bytes). */
static const note_word *note_of(const nb_report *r, const nb_cell *c, nb_lang lang, size_t *blob)
{
    *blob = nb_utf8_cut(r->doc.text + c->blob_off, c->blob_len, 127);
    return note_words[c->status == NB_ST_INFERRED ? 0 : c->readings > 1 ? 1 : 2][lang == NB_LANG_ZH];
}

/* s (n bytes) at p; the end. */
static char *at_put(char *p, const char *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}
#define AT_LIT(p, lit) at_put((p), (lit), sizeof(lit) - 1)

/* The bytes of r's text that may be read from off (its NUL among them). */
static size_t text_after(const nb_report *r, size_t off)
{
    return off <= r->doc.len ? r->doc.len + 1 - off : 0;
}

/* A cell's raw text s[0, n) as a JSON string at p when it is short
 * printable ASCII with nothing to escape, as most are; the end, or NULL
 * (nothing written) when it is not. avail: as nb_json_plain's. */
static char *plain_raw_at(char *p, const char *s, size_t n, size_t avail)
{
#if defined(__SSE2__)
    if (n <= 16 && avail >= 16) { /* sixteen bytes told and copied at once */
        unsigned want = (1u << n) - 1;
        if ((nb_json_plain16(s) & want) != want)
            return NULL;
        *p = '"';
        _mm_storeu_si128((__m128i *)(void *)(p + 1), _mm_loadu_si128((const __m128i *)(const void *)s));
        p[n + 1] = '"';
        return p + n + 2;
    }
#endif
    if (n > 32 || !nb_json_plain(s, n, avail))
        return NULL;
    *p++ = '"';
    p = at_put(p, s, n);
    *p++ = '"';
    return p;
}

/* ,"note":… of a cell with run-together digits, made in a buffer: the
 * digits escaped on their own when they must be
 * (each piece ends on a whole character). */
static void put_note(nb_writer *w, const nb_report *r, const nb_cell *c, nb_lang lang)
{
    size_t n;
    const note_word *words = note_of(r, c, lang, &n);
    const char *blob = r->doc.text + c->blob_off;
    char b[512], *p = AT_LIT(b, ",\"note\":\"");
    p = at_put(p, words[0].s, words[0].n);
    if (nb_json_plain(blob, n, text_after(r, c->blob_off))) { /* digits, as a blob is */
        p = at_put(p, blob, n);
    } else {
        nb_put(w, b, (size_t)(p - b));
        nb_put_json_part(w, blob, n);
        p = b;
    }
    p = at_put(p, words[1].s, words[1].n);
    if (words[2].s) {
        p = nb_uint_at(p, (size_t)c->readings);
        p = at_put(p, words[2].s, words[2].n);
    }
    *p++ = '"';
    nb_put(w, b, (size_t)(p - b));
}

static void put_date(nb_writer *w, nb_date d)
{
    char b[16];
    nb_date_iso(d, b);
    nb_put_json_cstr(w, b);
}

static char *num_at(char *p, nb_num v);
static void put_num(nb_writer *w, nb_num v)
{
    char b[96];
    nb_put(w, b, (size_t)(num_at(b, v) - b));
}

/* A cell or rule ID as a JSON string: the schema's or the rule table's
 * own, of letters, digits, '.' and '_' (nothing to escape). */
static void put_id(nb_writer *w, const char *id)
{
    nb_put(w, "\"", 1);
    nb_puts(w, id);
    nb_put(w, "\"", 1);
}

#define MAX_IDS 256 /* more cells than any schema has */

/* Where the cells written stand, by index (known: located), for the
 * findings that point where one of their cells is. */
typedef struct cell_places {
    nb_loc at[MAX_IDS];
    unsigned char known[MAX_IDS];
} cell_places;

/* The IDs of the report's cells in their order, row by row (the schema's
 * strings); NULL when it has more than MAX_IDS. */
static const char **cell_ids(const nb_report *r, const char **ids)
{
    if (r->ncells > MAX_IDS)
        return NULL;
    int ci = 0;
    for (int row = 0; row < r->schema->nrows; row++)
        for (int c = 0; c < r->schema->rows[row].ncols && ci < r->ncells; c++)
            ids[ci++] = r->schema->rows[row].ids[c];
    while (ci < r->ncells)
        ids[ci++] = "?";
    return ids;
}

/* ---------------------------------------------------------------- plans of schemas */

#define HEAD_COPY 80 /* bytes a cell's head is copied in: ,"ID":{"value": of an ID up to 64 bytes */
#define NB_PLANS 4   /* schemas a thread keeps plans of (there are three) */

/* What the export reads of a schema: its cells' IDs (as cell_ids finds
 * them), each cell's head ,"ID":{"value": (headn bytes, copied whole), the
 * cells of each metric. */
typedef struct schema_plan {
    const nb_schema *schema; /* NULL: none yet */
    const char *ids[MAX_IDS];
    char head[MAX_IDS][HEAD_COPY + 16];
    unsigned char headn[MAX_IDS];
    nb_metrics_plan metrics;
} schema_plan;

struct nb_export_plans {
    schema_plan p[NB_PLANS];
};

nb_export_plans *nb_export_plans_new(void)
{
    return calloc(1, sizeof(nb_export_plans));
}

void nb_export_plans_free(nb_export_plans *p)
{
    free(p);
}

/* The plan of schema s made in pl; -1 when s has more cells than MAX_IDS or
 * an ID too long for a head. */
static int plan_make(schema_plan *pl, const nb_schema *s)
{
    int n = nb_schema_ncells(s);
    if (n > MAX_IDS)
        return -1;
    for (int row = 0, ci = 0; row < s->nrows; row++) {
        for (int c = 0; c < s->rows[row].ncols; c++, ci++) {
            const char *id = s->rows[row].ids[c];
            size_t idn = strlen(id);
            if (idn > 64)
                return -1;
            char *p = AT_LIT(pl->head[ci], ",\"");
            p = at_put(p, id, idn);
            p = AT_LIT(p, "\":{\"value\":");
            pl->headn[ci] = (unsigned char)(p - pl->head[ci]);
            pl->ids[ci] = id;
        }
    }
    nb_metrics_plan_make(&pl->metrics, s);
    pl->schema = s;
    return 0;
}

/* The plan of r's schema in the context's (made the first time; a schema
 * is one of the formats', never freed: its address tells it), or NULL: no
 * context or no plans, no room, a schema without one, a report whose cells
 * are not its schema's. */
static const schema_plan *plan_of(const nb_ctx *ctx, const nb_report *r)
{
    nb_export_plans *x = ctx ? ctx->export_plans : NULL;
    if (!x || r->ncells != nb_schema_ncells(r->schema))
        return NULL;
    for (int k = 0; k < NB_PLANS; k++) {
        schema_plan *pl = &x->p[k];
        if (pl->schema == r->schema)
            return pl;
        if (!pl->schema)
            return plan_make(pl, r->schema) == 0 ? pl : NULL;
    }
    return NULL;
}

/* The ID of cell ci: from ids (cell_ids; may be NULL) when it is one of the
 * report's cells. */
static void put_cell_id(nb_writer *w, const nb_report *r, const char *const *ids, int ci)
{
    put_id(w, ids && ci >= 0 && ci < r->ncells ? ids[ci] : nb_schema_cell_name(r->schema, ci));
}

/* ,"line":L,"col":C of a place in the text. */
static void put_line_col(nb_writer *w, nb_loc l)
{
    nb_puts(w, ",\"line\":");
    nb_put_uint(w, l.line);
    nb_puts(w, ",\"col\":");
    nb_put_uint(w, l.col);
}

/* Whether d's cells have a page (a PDF's, known by line) or a place in
 * the document's tables (docx, html, doc). */
static int has_pages(const nb_doc *d)
{
    return d->kind == NB_KIND_PDF && d->line_page;
}

static int has_grids(const nb_doc *d)
{
    return d->kind == NB_KIND_DOCX || d->kind == NB_KIND_HTML || d->kind == NB_KIND_DOC;
}

/* A PDF's ,"page":P of text offset off (page: the cell's own, or 0). */
static void put_page(nb_writer *w, const nb_report *r, size_t off, int page)
{
    if (!has_pages(&r->doc))
        return;
    if (!page)
        page = r->doc.line_page[nb_doc_line_of(&r->doc, off)];
    nb_putf(w, ",\"page\":%d", page);
}

/* A docx, html or doc cell's ,"grid":{"table":T,"row":R,"col":C}: where it
 * stands in the document's tables (1-based). */
static void put_grid(nb_writer *w, const nb_report *r, const nb_cell *c)
{
    if (c->table && has_grids(&r->doc))
        nb_putf(w, ",\"grid\":{\"table\":%d,\"row\":%d,\"col\":%d}", c->table, c->grid_row, c->grid_col);
}

/* ,"fingerprint":…, and the decision in force on it if any. */
static void put_decision(nb_writer *w, const nb_report *r, const nb_finding *f, const nb_review *rv,
                         nb_memo *memo)
{
    char fp[24];
    nb_finding_fingerprint_memo(memo, r, f, fp);
    nb_puts(w, ",\"fingerprint\":\"");
    nb_puts(w, fp);
    nb_puts(w, "\"");
    const nb_rv_entry *d = rv ? nb_review_decision(rv, fp) : NULL;
    if (!d || d->state == NB_DEC_OPEN)
        return;
    nb_puts(w, ",\"decision\":{\"state\":\"");
    nb_puts(w, nb_decision_name(d->state));
    nb_puts(w, "\",\"reason\":");
    nb_put_json_cstr(w, d->text ? d->text : "");
    nb_puts(w, ",\"by\":");
    nb_put_json_cstr(w, d->by);
    nb_puts(w, ",\"at\":");
    nb_put_json_cstr(w, d->at);
    nb_puts(w, "}");
}

/* Where f points: where one of its cells stands when it points there and
 * the cell was located (cp; may be NULL), else located from the finding
 * before. */
static nb_loc finding_place(const nb_report *r, const cell_places *cp, nb_locator *lc, const nb_finding *f)
{
    for (int k = 0; cp && k < f->ncells; k++) {
        int ci = f->cells[k];
        if (ci >= 0 && ci < r->ncells && cp->known[ci] && r->cells[ci].off == f->off)
            return cp->at[ci];
    }
    return nb_locate_next(lc, f->off);
}

static void put_finding(nb_writer *w, const nb_report *r, const char *const *ids, const nb_finding *f,
                        const nb_review *rv, nb_lang lang, nb_locator *lc, const cell_places *cp, nb_memo *memo)
{
    nb_puts(w, "{\"rule\":");
    put_id(w, nb_rule_get(f->rule)->id);
    nb_puts(w, ",\"severity\":\"");
    nb_puts(w, nb_severity_name(f->severity));
    nb_puts(w, "\",\"cells\":[");
    for (int k = 0; k < f->ncells; k++) {
        if (k)
            nb_put(w, ",", 1);
        put_cell_id(w, r, ids, f->cells[k]);
    }
    nb_puts(w, "],\"suspect\":");
    if (f->suspect >= 0)
        put_cell_id(w, r, ids, f->suspect);
    else
        nb_puts(w, "null");
    if (f->has_off) {
        put_line_col(w, finding_place(r, cp, lc, f));
        put_page(w, r, f->off, 0);
    } else
        nb_puts(w, ",\"line\":null,\"col\":null");
    if (f->has_sides) {
        nb_puts(w, ",\"lhs\":");
        put_num(w, f->lhs);
        nb_puts(w, ",\"rhs\":");
        put_num(w, f->rhs);
    }
    if (f->claim_len) {
        nb_loc l = nb_doc_locate(&r->doc, f->claim_off);
        nb_puts(w, ",\"claim\":{\"line\":");
        nb_put_uint(w, l.line);
        nb_puts(w, ",\"col\":");
        nb_put_uint(w, l.col);
        nb_puts(w, ",\"text\":");
        nb_put_json(w, r->doc.text + f->claim_off, f->claim_len);
        nb_puts(w, "}");
    }
    if (f->inferred)
        nb_puts(w, ",\"inferred\":true");
    if (f->other_file) {
        nb_puts(w, ",\"other_file\":");
        nb_put_json_cstr(w, f->other_file);
    }
    put_decision(w, r, f, rv, memo);
    char msg[2048];
    size_t len = nb_finding_message(r, f, lang, msg, sizeof msg);
    nb_puts(w, ",\"message\":");
    nb_put_json(w, msg, len);
    nb_put(w, "}", 1);
}

static void put_findings(nb_writer *w, const nb_report *r, const char *const *ids, const nb_findings *fs, int min_sev,
                         const nb_review *rv, nb_lang lang, const cell_places *cp, nb_memo *memo)
{
    int first = 1;
    nb_locator lc; /* the findings stand in the order of the text: each located from the one before */
    nb_locator_init(&lc, &r->doc);
    for (size_t i = 0; fs && i < fs->n; i++) {
        if ((int)fs->v[i].severity < min_sev)
            continue;
        if (!first)
            nb_put(w, ",", 1);
        first = 0;
        put_finding(w, r, ids, &fs->v[i], rv, lang, &lc, cp, memo);
    }
}

/* "file", "format", "variant", "encoding", "agency", "year", "signed", "period". */
static void put_metadata(nb_writer *w, const nb_report *r)
{
    nb_puts(w, "{\"file\":");
    nb_put_json_cstr(w, r->doc.path);
    nb_putf(w, ",\"format\":%d,\"variant\":", r->format);
    if (nb_variant_name(r->schema->variant))
        nb_put_json_cstr(w, nb_variant_name(r->schema->variant));
    else
        nb_puts(w, "null");
    nb_puts(w, ",\"encoding\":");
    nb_put_json_cstr(w, nb_doc_enc_name(&r->doc));
    nb_puts(w, ",\"agency\":");
    if (r->agency[0])
        nb_put_json_cstr(w, r->agency);
    else
        nb_puts(w, "null");
    nb_puts(w, ",\"year\":");
    if (r->year)
        nb_put_uint(w, (size_t)r->year);
    else
        nb_puts(w, "null");
    nb_puts(w, ",\"signed\":");
    if (r->signed_on.y)
        put_date(w, r->signed_on);
    else
        nb_puts(w, "null");
    nb_puts(w, ",\"period\":");
    if (r->period_from.y) {
        nb_puts(w, "{\"from\":");
        put_date(w, r->period_from);
        nb_puts(w, ",\"to\":");
        put_date(w, r->period_to);
        nb_puts(w, "}");
    } else {
        nb_puts(w, "null");
    }
}

/* A number at p as put_num writes it (room for 96 bytes); the end. A
 * whole number is written here, a decimal by nb_num_format. */
static char *num_at(char *p, nb_num v)
{
    if (v.scale > 0)
        return p + nb_num_format(v, p, 96);
    if (v.v < 0) {
        *p++ = '-';
        return nb_uint_at(p, (size_t)(0ull - (unsigned long long)v.v));
    }
    return nb_uint_at(p, (size_t)v.v);
}

#define NB_NSTATUS (NB_ST_INFERRED + 1)

/* ,"status":"NAME","line": of each status (nb_status_name's), made once a
 * report and copied whole (PIECE bytes, the piece and what follows); whether
 * the file's bytes are the text's (UTF-8: a cell's length in the file is its
 * own), whether a cell may have a page or a grid (PDF pages; docx, html, doc). */
#define PIECE 40
typedef struct status_pieces {
    char s[NB_NSTATUS][PIECE];
    size_t n[NB_NSTATUS];
    int same_bytes, placed; /* placed: put_page or put_grid may write */
} status_pieces;

static void status_pieces_make(status_pieces *sp, const nb_doc *d)
{
    sp->same_bytes = d->enc == NB_ENC_UTF8 || d->enc == NB_ENC_UTF8_BOM;
    sp->placed = has_pages(d) || has_grids(d);
    for (int st = 0; st < NB_NSTATUS; st++) {
        const char *name = nb_status_name((nb_status)st);
        char *p = AT_LIT(sp->s[st], ",\"status\":\"");
        p = at_put(p, name, strlen(name));
        p = AT_LIT(p, "\",\"line\":");
        sp->n[st] = (size_t)(p - sp->s[st]);
    }
}

/* The piece of status st at p; the end. */
static char *status_at(char *p, const status_pieces *sp, nb_status st)
{
    if ((unsigned)st >= NB_NSTATUS) { /* none a cell has */
        const char *name = nb_status_name(st);
        p = AT_LIT(p, ",\"status\":\"");
        p = at_put(p, name, strlen(name));
        return AT_LIT(p, "\",\"line\":");
    }
    memcpy(p, sp->s[st], PIECE);
    return p + sp->n[st];
}

#define CELL_ROOM 512 /* bytes a cell is made in: its head, number, short raw text and place */
/* The bytes b[0, p) of a cell made in the writer's room (in_place: taken
 * as written) or in a buffer of its own (written). */
static void cell_out(nb_writer *w, const char *b, const char *p, int in_place)
{
    in_place ? nb_put_end(w, p) : nb_put(w, b, (size_t)(p - b));
}

/* What follows a present cell's head [,]"ID":{"value":, made in b (CELL_ROOM
 * bytes, the head to p in it; in_place: b is nb_put_room's): the value,"raw":
 * …,"status":…,"line":…,"col":…,"offset":…,"length":…, then what only some
 * cells have}, written whole (a raw text to escape between); where it stands. */
static nb_loc put_cell_rest(nb_writer *w, const nb_report *r, const nb_cell *c, char *b, char *p, int in_place,
                            nb_locator *lc, const status_pieces *sp, nb_lang lang)
{
    char own[CELL_ROOM];
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
        p = num_at(p, c->num);
    else
        p = AT_LIT(p, "null");
    p = AT_LIT(p, ",\"raw\":");
    const char *raw = r->doc.text + c->off;
    char *q = plain_raw_at(p, raw, c->len, text_after(r, c->off));
    if (q) {
        p = q;
    } else {
        cell_out(w, b, p, in_place);
        nb_put_json(w, raw, c->len);
        p = b = own; /* the rest in a buffer of its own */
        in_place = 0;
    }
    nb_loc l = nb_locate_next(lc, c->off);
    p = status_at(p, sp, c->status);
    p = nb_uint_at(p, l.line);
    p = AT_LIT(p, ",\"col\":");
    p = nb_uint_at(p, l.col);
    p = AT_LIT(p, ",\"offset\":");
    p = nb_uint_at(p, l.orig);
    p = AT_LIT(p, ",\"length\":");
    int whole = c->off <= r->doc.len && c->len <= r->doc.len - c->off; /* nothing for orig_len to cut */
    p = nb_uint_at(p, sp->same_bytes && whole ? c->len : nb_doc_orig_len(&r->doc, c->off, c->len));
    if (!sp->placed && !c->corrected && !c->blob_len) { /* nothing more: the cell ends here */
        *p++ = '}';
        cell_out(w, b, p, in_place);
        return l;
    }
    cell_out(w, b, p, in_place);
    put_page(w, r, c->off, c->page);
    put_grid(w, r, c);
    if (c->corrected) {
        nb_puts(w, ",\"corrected\":true,\"was\":");
        if (c->orig_status == NB_ST_NUMBER || c->orig_status == NB_ST_INFERRED)
            put_num(w, c->orig_num);
        else
            nb_puts(w, "null");
    }
    if (c->blob_len) /* a cell with no run-together digits has no note */
        put_note(w, r, c, lang);
    nb_put(w, "}", 1);
    return l;
}

/* A present cell: [,]"ID":{"value":… (put_cell_rest), its head made. */
static nb_loc put_cell(nb_writer *w, const nb_report *r, const nb_cell *c, const char *id, int first, nb_locator *lc,
                       const status_pieces *sp, nb_lang lang)
{
    char b[CELL_ROOM], *p = b;
    size_t idn = strlen(id);
    if (!first)
        *p++ = ',';
    if (idn <= 64) {
        *p++ = '"';
        p = at_put(p, id, idn);
        *p++ = '"';
    } else { /* no schema ID is this long */
        nb_put(w, b, (size_t)(p - b));
        put_id(w, id);
        p = b;
    }
    p = AT_LIT(p, ":{\"value\":");
    return put_cell_rest(w, r, c, b, p, 0, lc, sp, lang);
}

/* The same with the head of the plan's cell ci. */
static nb_loc put_planned_cell(nb_writer *w, const nb_report *r, const schema_plan *pl, int ci, int first,
                               nb_locator *lc, const status_pieces *sp, nb_lang lang)
{
    char own[CELL_ROOM], *room = nb_put_room(w, CELL_ROOM), *b = room ? room : own; /* made where it goes */
    memcpy(b, pl->head[ci] + first, HEAD_COPY); /* without its comma when first */
    return put_cell_rest(w, r, &r->cells[ci], b, b + pl->headn[ci] - first, room != NULL, lc, sp, lang);
}

/* "cells" (those present, where they stand kept in cp when there is one;
 * their heads the plan's when there is one) and "missing" (the IDs of the
 * others). */
static void put_cells(nb_writer *w, const nb_report *r, const char *const *ids, const schema_plan *pl, nb_lang lang,
                      cell_places *cp)
{
    nb_locator lc;
    nb_locator_init(&lc, &r->doc);
    status_pieces sp;
    status_pieces_make(&sp, &r->doc);
    nb_puts(w, ",\"cells\":{");
    int first = 1;
    for (int ci = 0; ci < r->ncells; ci++) {
        if (r->cells[ci].status == NB_ST_MISSING)
            continue;
        nb_loc l = pl ? put_planned_cell(w, r, pl, ci, first, &lc, &sp, lang)
                      : put_cell(w, r, &r->cells[ci], ids ? ids[ci] : nb_schema_cell_name(r->schema, ci), first, &lc,
                                 &sp, lang);
        if (cp) {
            cp->at[ci] = l;
            cp->known[ci] = 1;
        }
        first = 0;
    }
    nb_puts(w, "},\"missing\":[");
    first = 1;
    for (int ci = 0; ci < r->ncells; ci++) {
        if (r->cells[ci].status != NB_ST_MISSING)
            continue;
        if (!first)
            nb_put(w, ",", 1);
        first = 0;
        put_id(w, ids ? ids[ci] : nb_schema_cell_name(r->schema, ci));
    }
    nb_puts(w, "]");
}

static void put_labels(nb_writer *w, const nb_report *r)
{
    nb_puts(w, ",\"labels\":[");
    for (int i = 0; i < r->nlabels; i++) {
        const nb_label *lb = &r->labels[i];
        if (i)
            nb_put(w, ",", 1);
        nb_puts(w, "{\"id\":");
        nb_put_json_cstr(w, lb->id);
        nb_puts(w, ",\"found\":");
        nb_put_json_cstr(w, lb->found);
        nb_puts(w, ",\"standard\":");
        nb_put_json_cstr(w, lb->standard);
        nb_puts(w, ",\"line\":"); /* the line alone: no column walked to */
        nb_put_uint(w, nb_doc_line_of(&r->doc, lb->off < r->doc.len ? lb->off : r->doc.len) + 1);
        nb_put(w, "}", 1);
    }
    nb_puts(w, "]");
}

void nb_export_json_to(nb_writer *w, const nb_report *r, const nb_findings *fs, int min_sev, const nb_review *rv,
                       nb_lang lang, const nb_ctx *ctx)
{
    const schema_plan *pl = plan_of(ctx, r);
    const char *buf[MAX_IDS];
    const char *const *ids = pl ? pl->ids : cell_ids(r, buf);
    cell_places places, *cp = ids ? &places : NULL; /* as many as ids */
    if (cp)
        memset(cp->known, 0, sizeof cp->known);
    put_metadata(w, r);
    put_cells(w, r, ids, pl, lang, cp);
    put_labels(w, r);
    nb_puts(w, ",\"findings\":[");
    put_findings(w, r, ids, fs, min_sev, rv, lang, cp, ctx ? ctx->fp_memo : NULL);
    nb_metrics m;
    if (pl)
        nb_metrics_of_plan(r, fs, rv, &pl->metrics, &m);
    else
        nb_metrics_of(r, fs, rv, &m);
    nb_puts(w, "],\"metrics\":{");
    nb_put_metrics_json(w, &m);
    nb_puts(w, "}}\n");
}

int nb_export_json(FILE *out, const nb_report *r, const nb_findings *fs, int min_sev, const nb_review *rv,
                   nb_lang lang)
{
    nb_writer w = nb_writer_to(NULL);
    nb_export_json_to(&w, r, fs, min_sev, rv, lang, NULL);
    return nb_writer_end(&w, out);
}

int nb_export_csv_header(FILE *out)
{
    fputs("file,id,value,raw,status,line\r\n", out);
    return ferror(out) ? -1 : 0;
}

int nb_export_csv(FILE *out, const nb_report *r, nb_lang lang)
{
    (void)lang;
    nb_writer w = nb_writer_to(out);
    char id[96];
    nb_locator lc;
    nb_locator_init(&lc, &r->doc);
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        nb_schema_cell_id(r->schema, ci, id, sizeof id);
        nb_put_csv(&w, r->doc.path, strlen(r->doc.path));
        nb_put(&w, ",", 1);
        nb_puts(&w, id);
        nb_put(&w, ",", 1);
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
            put_num(&w, c->num);
        nb_put(&w, ",", 1);
        if (c->status != NB_ST_MISSING)
            nb_put_csv(&w, r->doc.text + c->off, c->len);
        nb_putf(&w, ",%s,", nb_status_name(c->status));
        if (c->status != NB_ST_MISSING)
            nb_put_uint(&w, nb_locate_next(&lc, c->off).line);
        nb_puts(&w, "\r\n");
    }
    return nb_writer_end(&w, out);
}
