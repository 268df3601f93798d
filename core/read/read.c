/* read.c — the one way in: read a file once, detect its kind and hand it
 * to its reader (text through model/doc's decoding), find its structure,
 * extract its tables. The only caller of sections and extract. */
#include "read/read.h"
#include "base/fsio.h"
#include "base/sha256.h"
#include "extract/extract.h"
#include "read/detect.h"
#include "read/doc.h"
#include "read/docx.h"
#include "read/html.h"
#include "read/pdf.h"
#include "read/sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes as a document, by the reader of their kind. A ZIP that is not a
 * Word package goes to the docx reader too, which says what is wrong. */
static int load_bytes(nb_doc *d, const char *path, const unsigned char *b, size_t n, nb_lang lang, nb_err *err)
{
    int zip = 0, rc;
    memset(d, 0, sizeof *d);
    nb_kind kind = nb_detect(b, n, &zip);
    switch (zip ? NB_KIND_DOCX : kind) {
    case NB_KIND_DOCX: rc = nb_read_docx(d, path, b, n, lang, err); break;
    case NB_KIND_HTML: rc = nb_read_html(d, path, b, n, lang, err); break;
    case NB_KIND_PDF: rc = nb_read_pdf(d, path, b, n, lang, err); break;
    case NB_KIND_DOC: rc = nb_read_doc(d, path, b, n, lang, err); break;
    default: rc = nb_doc_from_bytes(d, path, b, n, lang, err); break;
    }
    if (rc != 0)
        return rc;
    /* the bytes the report was read from: hashed when asked for where the
       text is those bytes (UTF-8), here for every other kind */
    if (d->kind == NB_KIND_TEXT && (d->enc == NB_ENC_UTF8 || d->enc == NB_ENC_UTF8_BOM))
        d->sha_of_text = 1;
    else
        nb_sha256_hex(b, n, d->sha256);
    return 0;
}

/* The file as a document (at most NB_MAX_FILE bytes). */
static int load(nb_doc *d, const char *path, nb_lang lang, nb_err *err)
{
    unsigned char *b = NULL;
    size_t n = 0;
    memset(d, 0, sizeof *d);
    if (nb_read_file(path, NB_MAX_FILE, 1, &b, &n, lang, err) != 0)
        return -1;
    int rc = load_bytes(d, path, b, n, lang, err);
    free(b);
    return rc;
}

int nb_report_from_doc(nb_report *r, nb_doc *doc, const nb_ctx *ctx, nb_err *err)
{
    memset(r, 0, sizeof *r);
    r->doc = *doc;
    memset(doc, 0, sizeof *doc);
    nb_find_structure(r, ctx);
    r->ncells = nb_schema_ncells(r->schema);
    r->cells = calloc((size_t)r->ncells, sizeof *r->cells);
    if (!r->cells) {
        nb_report_free(r);
        return nb_err_set(err, NB_E_NOMEM, "out of memory");
    }
    if (nb_extract_tables(r, ctx, err) != 0) {
        nb_report_free(r);
        return -1;
    }
    return 0;
}

int nb_report_from_bytes(nb_report *r, const char *path, const unsigned char *b, size_t n, const nb_ctx *ctx,
                         nb_err *err)
{
    nb_doc d;
    memset(r, 0, sizeof *r);
    if (n > NB_MAX_FILE)
        return nb_err_set(err, NB_E_TOOBIG, "%s: over the %zu MiB limit for a report", path, NB_MAX_FILE >> 20);
    if (load_bytes(&d, path, b, n, ctx->lang, err) != 0)
        return -1;
    return nb_report_from_doc(r, &d, ctx, err);
}

int nb_report_open(nb_report *r, const char *path, const nb_ctx *ctx, nb_err *err)
{
    nb_doc d;
    memset(r, 0, sizeof *r);
    if (load(&d, path, ctx->lang, err) != 0)
        return -1;
    return nb_report_from_doc(r, &d, ctx, err);
}

int nb_report_identify(const char *path, const nb_ctx *ctx, char *agency, size_t cap, int *year, nb_err *err)
{
    nb_report r;
    memset(&r, 0, sizeof r);
    if (load(&r.doc, path, ctx->lang, err) != 0)
        return -1;
    nb_find_structure(&r, ctx);
    snprintf(agency, cap, "%s", r.agency);
    *year = r.year;
    nb_report_free(&r); /* the structure's labels too */
    return 0;
}
