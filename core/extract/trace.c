/* trace.c — what the extractor saw (tokens with their kind and class, the
 * rows assembled), written for whoever debugs a layout (NIANBAO_TRACE=1). */
#include "extract/internal.h"
#include "model/doc.h"
#include "model/report.h"
#include "text/label.h"

#include <stdio.h>

void ex_trace(FILE *f, const nb_report *r, const tokv *tv, const assembly *A, int cells_mode)
{
    static const char kinds[] = "TVE|-=";
    static const char classes[] = " LHG";
    const char *variant = nb_variant_name(r->schema->variant);
    fprintf(f, "%s: %s layout, %zu tokens, %d rows, tables of %d%s%s\n", r->doc.path,
            cells_mode ? "cell-per-line" : "row-per-line", tv->n, A->ng, r->format, variant ? " " : "",
            variant ? variant : "");
    for (size_t i = 0; i < tv->n; i++) {
        const tok *k = &tv->v[i];
        if (k->kind == K_EOL || k->kind == K_BREAK)
            continue;
        fprintf(f, "  tok %c%c line %zu '%.*s'\n", kinds[k->kind], classes[k->cls],
                nb_doc_line_of(&r->doc, k->off) + 1, (int)k->len, r->doc.text + k->off);
    }
    for (int gi = 0; gi < A->ng; gi++) {
        char b[512];
        nb_ustr u;
        ex_group_label(A, &A->g[gi], &u);
        nb_ustr_utf8(&u, b, sizeof b);
        fprintf(f, "  row %d: %d values, label '%s'\n", gi, A->g[gi].nv, b);
    }
}
