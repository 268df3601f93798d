/* read.c — the one way in: read and decode a file, find its structure,
 * extract its tables. The only caller of sections and extract. */
#include "read/read.h"
#include "extract/extract.h"
#include "read/sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int nb_report_open(nb_report *r, const char *path, const nb_ctx *ctx, nb_err *err)
{
    nb_doc d;
    memset(r, 0, sizeof *r);
    if (nb_doc_load(&d, path, ctx->lang, err) != 0)
        return -1;
    return nb_report_from_doc(r, &d, ctx, err);
}

int nb_report_identify(const char *path, const nb_ctx *ctx, char *agency, size_t cap, int *year, nb_err *err)
{
    nb_report r;
    memset(&r, 0, sizeof r);
    if (nb_doc_load(&r.doc, path, ctx->lang, err) != 0)
        return -1;
    nb_find_structure(&r, ctx);
    snprintf(agency, cap, "%s", r.agency);
    *year = r.year;
    nb_doc_free(&r.doc);
    return 0;
}
