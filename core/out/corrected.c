/* corrected.c — the report's text with every corrected number written at
 * its source span (in the report's own encoding), everything else byte for
 * byte as it was. */
#include "out/corrected.h"
#include "base/fsio.h"
#include "out/source.h"
#include "out/docx_corrected.h"
#include "read/detect.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Count a correction that has no place, naming its cell. */
static void not_placed(nb_unplaced *u, int ci)
{
    if (u->cells)
        u->cells[u->n] = ci;
    u->n++;
}

/* The corrected cells with a place in the text, by where they stand (idx
 * has room for every cell); those without one go to u. How many. */
static int placed_cells(const nb_report *r, int *idx, nb_unplaced *u)
{
    int m = 0;
    for (int ci = 0; ci < r->ncells; ci++) {
        if (!r->cells[ci].corrected)
            continue;
        if (!r->cells[ci].has_span) {
            not_placed(u, ci);
            continue;
        }
        int k = m++;
        while (k > 0 && r->cells[idx[k - 1]].off > r->cells[ci].off) {
            idx[k] = idx[k - 1];
            k--;
        }
        idx[k] = ci;
    }
    return m;
}

/* The number of cell c written in the report's encoding. */
static void put_value(FILE *out, const nb_report *r, const nb_cell *c)
{
    int utf16 = r->doc.enc == NB_ENC_UTF16LE || r->doc.enc == NB_ENC_UTF16BE;
    char v[64];
    nb_num_format(c->num, v, sizeof v);
    for (const char *p = v; *p; p++) { /* digits, sign and point: ASCII in every encoding */
        if (utf16 && r->doc.enc == NB_ENC_UTF16BE)
            fputc(0, out);
        fputc(*p, out);
        if (utf16 && r->doc.enc == NB_ENC_UTF16LE)
            fputc(0, out);
    }
}

int nb_export_corrected(const nb_report *r, const char *out_path, nb_unplaced *unplaced, nb_lang lang, nb_err *err)
{
    unplaced->n = 0;
    if (r->doc.kind == NB_KIND_DOCX)
        return nb_docx_corrected(r, out_path, unplaced, lang, err);
    if (r->doc.kind != NB_KIND_TEXT) /* refused before anything is opened for writing */
        return nb_err_set(err, NB_E_USAGE,
                          nb_tr(lang, "%s: a %s cannot be written back; correct the source document",
                                "%s：%s 无法写回，请在源文档中更正"),
                          r->doc.path, nb_kind_name(r->doc.kind));
    if (nb_same_file(out_path, r->doc.path))
        return nb_not_the_report(out_path, lang, err);
    unsigned char *orig = NULL;
    size_t n = 0;
    int *idx = malloc(((size_t)r->ncells + 1) * sizeof *idx);
    if (!idx)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), out_path);
    nb_atomic aw;
    if (nb_read_source(r, &orig, &n, lang, err) != 0 || nb_atomic_open(&aw, out_path, 0644, lang, err) != 0) {
        free(idx);
        free(orig);
        return -1;
    }
    nb_atomic_mark(&aw, "corrected copy"); /* a folder walk passes it over */
    int m = placed_cells(r, idx, unplaced);
    size_t at = 0;
    for (int k = 0; k < m; k++) {
        const nb_cell *c = &r->cells[idx[k]];
        nb_loc l = nb_doc_locate(&r->doc, c->off);
        if (l.orig < at)
            continue; /* two cells split from one run of digits: the first wins */
        fwrite(orig + at, 1, l.orig - at, aw.f);
        put_value(aw.f, r, c);
        at = l.orig + nb_doc_orig_len(&r->doc, c->off, c->len);
    }
    fwrite(orig + at, 1, n - at, aw.f);
    free(idx);
    free(orig);
    return nb_atomic_commit(&aw, err);
}
