/* zippart.c — reading one part of a ZIP package in memory with libzip
 * (read/fmt_lib.h), never inflating more than the limit. */
#include "read/zippart.h"
#include "read/fmt_lib.h"

#include <stdlib.h>
#include <string.h>

/* Open the package in memory; NULL with err set when libzip cannot. */
static zip_t *open_package(const nb_zip_lib *Z, const char *path, const unsigned char *b, size_t n, nb_lang lang, nb_err *err)
{
    zip_error_t ze;
    Z->error_init(&ze);
    zip_source_t *src = Z->source_buffer_create(b, n, 0, &ze);
    zip_t *za = src ? Z->open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        nb_err_set(err, NB_E_FORMAT,
                   nb_tr(lang, "%s: a damaged ZIP package, not a .docx that can be read (%s)",
                         "%s：ZIP 包已损坏，无法作为 .docx 读取（%s）"),
                   path, Z->error_strerror(&ze));
        if (src)
            Z->source_free(src);
    }
    Z->error_fini(&ze);
    return za;
}

static int too_big(const char *path, const char *name, size_t limit, nb_lang lang, nb_err *err)
{
    return nb_err_set(err, NB_E_TOOBIG,
                      nb_tr(lang, "%s: %s inflates to over %zu MiB, more than any report's text; refused",
                            "%s：%s 解压后超过 %zu MiB，多于任何报告的正文，拒绝读取"),
                      path, name, limit >> 20);
}

/* Inflate the part, stopping as soon as it passes the limit (its recorded
 * size may lie). */
static int inflate_part(const nb_zip_lib *Z, zip_t *za, zip_int64_t idx, const char *path, const char *name, size_t limit,
                        unsigned char **out, size_t *outn, nb_lang lang, nb_err *err)
{
    zip_stat_t st;
    Z->stat_init(&st);
    if (Z->stat_index(za, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size > limit)
        return too_big(path, name, limit, lang, err);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s: %s is encrypted", "%s：%s 已加密"), path, name);
    zip_file_t *zf = Z->fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf)
        return nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s: %s cannot be read: %s", "%s：无法读取 %s：%s"), path,
                          name, Z->strerror(za));
    size_t cap = (st.valid & ZIP_STAT_SIZE) && st.size < limit ? (size_t)st.size + 1 : 65536, len = 0;
    unsigned char *buf = malloc(cap + 1);
    int rc = buf ? 0 : nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    while (rc == 0) {
        if (len == cap) {
            unsigned char *nb = cap > limit ? NULL : realloc(buf, cap * 2 + 1);
            if (!nb) {
                rc = cap > limit ? too_big(path, name, limit, lang, err)
                                 : nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
                break;
            }
            buf = nb;
            cap *= 2;
        }
        zip_int64_t r = Z->fread(zf, buf + len, cap - len);
        if (r < 0)
            rc = nb_err_set(err, NB_E_FORMAT,
                            nb_tr(lang, "%s: %s is damaged in the package: %s", "%s：包内的 %s 已损坏：%s"), path,
                            name, Z->file_strerror(zf));
        else if (r == 0)
            break;
        else if ((len += (size_t)r) > limit)
            rc = too_big(path, name, limit, lang, err);
    }
    Z->fclose(zf);
    if (rc != 0) {
        free(buf);
        return -1;
    }
    buf[len] = '\0';
    *out = buf;
    *outn = len;
    return 0;
}

int nb_zip_part(const char *path, const unsigned char *b, size_t n, const char *name, size_t limit,
                unsigned char **out, size_t *outn, nb_lang lang, nb_err *err)
{
    *out = NULL;
    *outn = 0;
    const nb_zip_lib *Z = nb_zip_lib_get(path, lang, err);
    if (!Z)
        return -1;
    zip_t *za = open_package(Z, path, b, n, lang, err);
    if (!za)
        return -1;
    zip_int64_t idx = Z->name_locate(za, name, 0);
    int rc;
    if (idx < 0)
        rc = nb_err_set(err, NB_E_NOTFOUND,
                        nb_tr(lang, "%s: a ZIP package without %s, not a Word document (.docx)",
                              "%s：ZIP 包中没有 %s，不是 Word 文档（.docx）"),
                        path, name);
    else
        rc = inflate_part(Z, za, idx, path, name, limit, out, outn, lang, err);
    Z->discard(za);
    return rc;
}
