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
#include "read/ours.h"
#include "read/pdf.h"
#include "read/sections.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A PDF is read by one thread at a time (poppler's messages are kept off
 * the terminal by redirecting the process's standard error: read/pdf_quiet.h). */
static int read_pdf_alone(nb_doc *d, const char *path, const unsigned char *b, size_t n, const nb_ctx *ctx,
                          nb_err *err)
{
    if (ctx->serial)
        pthread_mutex_lock(ctx->serial);
    int rc = nb_read_pdf(d, path, b, n, ctx->lang, err);
    if (ctx->serial)
        pthread_mutex_unlock(ctx->serial);
    return rc;
}

/* Bytes as a document, by the reader of their kind. A ZIP that is not a
 * Word package goes to the docx reader too, which says what is wrong. own,
 * when not NULL, is b itself, malloc'd with NB_DOC_PAD + 1 bytes to spare:
 * it is the document's (text in UTF-8 kept in it, not copied) or freed. */
static int load_bytes(nb_doc *d, const char *path, const unsigned char *b, size_t n, unsigned char *own,
                      const nb_ctx *ctx, nb_err *err)
{
    int rc;
    nb_lang lang = ctx->lang;
    char sha[sizeof d->sha256];
    memset(d, 0, sizeof *d);
    sha[0] = '\0';
    if (!ctx->no_sha256)
        nb_sha256_hex(b, n, sha); /* the bytes the report was read from, before text takes them */
    nb_kind kind = nb_is_zip(b, n) ? NB_KIND_DOCX : nb_detect(b, n); /* its package read once, by the reader */
    switch (kind) {
    case NB_KIND_DOCX: rc = nb_read_docx(d, path, b, n, lang, err); break;
    case NB_KIND_HTML: rc = nb_read_html(d, path, b, n, lang, err); break;
    case NB_KIND_PDF: rc = read_pdf_alone(d, path, b, n, ctx, err); break;
    case NB_KIND_DOC: rc = nb_read_doc(d, path, b, n, lang, err); break;
    default:
        rc = own ? nb_doc_take(d, path, own, n, lang, err) : nb_doc_from_bytes(d, path, b, n, lang, err);
        own = NULL;
        break;
    }
    free(own);
    if (rc == 0)
        memcpy(d->sha256, sha, sizeof sha);
    return rc;
}

/* The file as a document (at most NB_MAX_FILE bytes). */
static int load(nb_doc *d, const char *path, const nb_ctx *ctx, nb_err *err)
{
    unsigned char *b = NULL;
    size_t n = 0;
    memset(d, 0, sizeof *d);
    if (nb_read_file(path, NB_MAX_FILE, NB_DOC_PAD + 1, &b, &n, ctx->lang, err) != 0)
        return -1;
    return load_bytes(d, path, b, n, b, ctx, err);
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
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(ctx->lang, "out of memory", "内存不足"));
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
    if (load_bytes(&d, path, b, n, NULL, ctx, err) != 0)
        return -1;
    return nb_report_from_doc(r, &d, ctx, err);
}

int nb_report_open(nb_report *r, const char *path, const nb_ctx *ctx, nb_err *err)
{
    nb_doc d;
    memset(r, 0, sizeof *r);
    if (load(&d, path, ctx, err) != 0)
        return -1;
    return nb_report_from_doc(r, &d, ctx, err);
}

int nb_report_open_walked(nb_report *r, const char *path, const nb_ctx *ctx, int *ours, nb_err *err)
{
    char mark[32];
    unsigned char *b = NULL;
    size_t n = 0;
    memset(r, 0, sizeof *r);
    if (nb_read_file_marked(path, NB_MAX_FILE, NB_DOC_PAD + 1, &b, &n, mark, sizeof mark, ctx->lang, err) != 0) {
        *ours = nb_ours_at(path); /* too large or unreadable: still passed over when it is ours */
        return *ours >= 0 ? 1 : -1;
    }
    if ((*ours = nb_ours_kind(mark, b, n)) >= 0) {
        free(b);
        return 1;
    }
    nb_doc d;
    if (load_bytes(&d, path, b, n, b, ctx, err) != 0)
        return -1;
    return nb_report_from_doc(r, &d, ctx, err);
}

int nb_report_identify(const char *path, const nb_ctx *ctx, char *agency, size_t cap, int *year, nb_err *err)
{
    nb_report r;
    memset(&r, 0, sizeof r);
    if (load(&r.doc, path, ctx, err) != 0)
        return -1;
    nb_find_structure(&r, ctx);
    snprintf(agency, cap, "%s", r.agency);
    *year = r.year;
    nb_report_free(&r); /* the structure's labels too */
    return 0;
}
