/* report.c — a report's lifecycle: read, find the structure, extract the
 * tables; look cells up by ID; free. */
#include "report.h"
#include "vec.h"

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

void nb_report_free(nb_report *r)
{
    if (!r)
        return;
    nb_doc_free(&r->doc);
    free(r->cells);
    for (int i = 0; i < r->nlabels; i++)
        free(r->labels[i].found);
    free(r->labels);
    memset(r, 0, sizeof *r);
}

const nb_cell *nb_report_cell(const nb_report *r, const char *id)
{
    int ci = nb_schema_find_cell(r->schema, id);
    return ci < 0 ? NULL : &r->cells[ci];
}

int nb_report_add_label(nb_report *r, const char *id, const char *found, size_t flen, const char *standard,
                        size_t off)
{
    if (nb_grow(&r->labels, &r->labels_cap, (size_t)r->nlabels + 1, sizeof *r->labels, 8) != 0)
        return -1;
    nb_label *l = &r->labels[r->nlabels];
    memset(l, 0, sizeof *l);
    strncpy(l->id, id, sizeof l->id - 1);
    l->found = malloc(flen + 1);
    if (!l->found)
        return -1;
    memcpy(l->found, found, flen);
    l->found[flen] = '\0';
    l->standard = standard;
    l->off = off;
    r->nlabels++;
    return 0;
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
