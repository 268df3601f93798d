/* corrected.c — the report's text with every corrected number written at
 * its source span (in the report's own encoding), everything else byte for
 * byte as it was. */
#include "out/corrected.h"
#include "base/fsio.h"
#include "out/docx_corrected.h"
#include "read/detect.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int nb_export_corrected(const nb_report *r, const char *out_path, int *unplaced, nb_err *err)
{
    *unplaced = 0;
    if (r->doc.kind == NB_KIND_DOCX)
        return nb_docx_corrected(r, out_path, unplaced, err);
    if (r->doc.kind != NB_KIND_TEXT) /* refused before anything is opened for writing */
        return nb_err_set(err, NB_E_USAGE, "%s: a %s cannot be written back; correct the source document",
                          r->doc.path, nb_kind_name(r->doc.kind));
    FILE *in = fopen(r->doc.path, "rb");
    if (!in)
        return nb_err_set(err, NB_E_IO, "%s: cannot read: %s", r->doc.path, strerror(errno));
    char *orig = malloc(r->doc.file_size + 1);
    size_t n = orig ? fread(orig, 1, r->doc.file_size + 1, in) : 0;
    fclose(in);
    if (!orig || n != r->doc.file_size) {
        free(orig);
        return nb_err_set(err, NB_E_IO, "%s: changed while being read", r->doc.path);
    }
    /* corrected cells with a place in the text, by where they stand */
    int *idx = malloc((size_t)r->ncells * sizeof *idx), m = 0;
    for (int ci = 0; idx && ci < r->ncells; ci++) {
        if (!r->cells[ci].corrected)
            continue;
        if (!r->cells[ci].has_span) {
            (*unplaced)++;
            continue;
        }
        int k = m++;
        while (k > 0 && r->cells[idx[k - 1]].off > r->cells[ci].off) {
            idx[k] = idx[k - 1];
            k--;
        }
        idx[k] = ci;
    }
    nb_atomic aw;
    if (!idx || nb_atomic_open(&aw, out_path, 0644, NB_LANG_EN, err) != 0) {
        free(idx);
        free(orig);
        return idx ? -1 : nb_err_set(err, NB_E_NOMEM, "%s: out of memory", out_path);
    }
    FILE *out = aw.f;
    int utf16 = r->doc.enc == NB_ENC_UTF16LE || r->doc.enc == NB_ENC_UTF16BE;
    size_t at = 0;
    for (int k = 0; k < m; k++) {
        const nb_cell *c = &r->cells[idx[k]];
        nb_loc l = nb_doc_locate(&r->doc, c->off);
        size_t olen = nb_doc_orig_len(&r->doc, c->off, c->len);
        if (l.orig < at)
            continue; /* two cells split from one run of digits: the first wins */
        fwrite(orig + at, 1, l.orig - at, out);
        char v[64];
        nb_num_format(c->num, v, sizeof v);
        for (const char *p = v; *p; p++) { /* digits, sign and point: ASCII in every encoding */
            if (utf16 && r->doc.enc == NB_ENC_UTF16BE)
                fputc(0, out);
            fputc(*p, out);
            if (utf16 && r->doc.enc == NB_ENC_UTF16LE)
                fputc(0, out);
        }
        at = l.orig + olen;
    }
    fwrite(orig + at, 1, n - at, out);
    free(idx);
    free(orig);
    return nb_atomic_commit(&aw, err);
}
