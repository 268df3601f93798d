/* source.c — the report's file read again, refused when it changed (source.h). */
#include "out/source.h"
#include "base/fsio.h"
#include "base/sha256.h"

#include <stdlib.h>
#include <string.h>

int nb_read_source(const nb_report *r, unsigned char **out, size_t *n, nb_err *err)
{
    if (nb_read_file(r->doc.path, NB_MAX_FILE, 1, out, n, NB_LANG_EN, err) != 0)
        return -1;
    char sha[65];
    const char *was = r->doc.sha256;
    nb_sha256_hex(*out, *n, sha);
    if (*n == r->doc.file_size && (!was[0] || !strcmp(sha, was)))
        return 0;
    free(*out);
    *out = NULL;
    return nb_err_set(err, NB_E_IO, "%s: changed since it was read; read it again", r->doc.path);
}
