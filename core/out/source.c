/* source.c — the report's file read again, refused when it changed, and never
 * written over (source.h). */
#include "out/source.h"
#include "base/fsio.h"
#include "base/sha256.h"

#include <stdlib.h>
#include <string.h>

int nb_read_source(const nb_report *r, unsigned char **out, size_t *n, nb_lang lang, nb_err *err)
{
    if (nb_read_file(r->doc.path, NB_MAX_FILE, 1, out, n, lang, err) != 0)
        return -1;
    char sha[65];
    const char *was = r->doc.sha256;
    nb_sha256_hex(*out, *n, sha);
    if (*n == r->doc.file_size && (!was[0] || !strcmp(sha, was)))
        return 0;
    free(*out);
    *out = NULL;
    return nb_err_set(err, NB_E_IO,
                      nb_tr(lang, "%s: changed since it was read; read it again", "%s：读取之后已被改动，请重新读取"),
                      r->doc.path);
}

int nb_not_the_report(const char *out_path, nb_lang lang, nb_err *err)
{
    return nb_err_set(err, NB_E_USAGE,
                      nb_tr(lang, "%s: the report itself is never written; name another file",
                            "%s：报告文件本身从不改写，请另取文件名"),
                      out_path);
}
