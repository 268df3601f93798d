/* show.c — the plain listing of a report: metadata, sections, cells,
 * labels, findings, one a line. */
#include "out/show.h"
#include "out/writer.h"
#include "check/messages.h"

#include <stdio.h>

static void put_metadata(nb_writer *w, const nb_report *r)
{
    nb_putf(w, "format %d\nyear %d\nagency ", r->format, r->year);
    nb_put_text_cstr(w, r->agency);
    nb_puts(w, "\n");
    if (r->signed_on.y) {
        char d[16];
        nb_date_iso(r->signed_on, d);
        nb_putf(w, "signed %s\n", d);
    } else {
        nb_puts(w, "signed none\n");
    }
    for (int s = 0; s < NB_NSEC; s++)
        nb_putf(w, "section %d %s\n", s + 1, r->sec[s].present ? "present" : "missing");
}

static void put_cells(nb_writer *w, const nb_report *r)
{
    char id[96], v[64];
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        nb_schema_cell_id(r->schema, ci, id, sizeof id);
        if (c->status == NB_ST_MISSING) {
            nb_putf(w, "missing %s\n", id);
            continue;
        }
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
            nb_num_format(c->num, v, sizeof v);
        else
            snprintf(v, sizeof v, "null");
        nb_putf(w, "cell %s %s %s line %zu\n", id, v, nb_status_name(c->status), nb_doc_locate(&r->doc, c->off).line);
    }
}

static void put_labels(nb_writer *w, const nb_report *r)
{
    for (int i = 0; i < r->nlabels; i++) {
        const nb_label *lb = &r->labels[i];
        nb_putf(w, "label %s found \"", lb->id);
        nb_put_text_cstr(w, lb->found);
        nb_puts(w, "\" standard \"");
        nb_puts(w, lb->standard);
        nb_putf(w, "\" line %zu\n", nb_doc_locate(&r->doc, lb->off).line);
    }
}

static void put_finding(nb_writer *w, const nb_report *r, const nb_finding *f, nb_lang lang)
{
    char id[96], msg[2048];
    nb_putf(w, "finding %s %s", nb_rule_get(f->rule)->id, nb_severity_name(f->severity));
    if (f->has_off)
        nb_putf(w, " line %zu", nb_doc_locate(&r->doc, f->off).line);
    if (f->suspect >= 0) {
        nb_schema_cell_id(r->schema, f->suspect, id, sizeof id);
        nb_putf(w, " suspect %s", id);
    }
    nb_puts(w, " cells");
    for (int k = 0; k < f->ncells; k++) {
        nb_schema_cell_id(r->schema, f->cells[k], id, sizeof id);
        nb_putf(w, " %s", id);
    }
    nb_finding_message(r, f, lang, msg, sizeof msg);
    nb_puts(w, "\n  ");
    nb_put_text_cstr(w, msg);
    nb_puts(w, "\n");
}

int nb_write_plain(FILE *out, const nb_report *r, const nb_findings *fs, nb_lang lang)
{
    nb_writer w = nb_writer_to(out);
    put_metadata(&w, r);
    put_cells(&w, r);
    put_labels(&w, r);
    for (size_t i = 0; fs && i < fs->n; i++)
        put_finding(&w, r, &fs->v[i], lang);
    return nb_writer_end(&w, out);
}
