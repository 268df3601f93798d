/* htmlenc.h — an HTML page's bytes as UTF-8: the encoding from the BOM,
 * then the page's own label (<meta charset>, http-equiv Content-Type, an
 * XML declaration), a gb2312 or GBK label read as GB18030; a page with no
 * usable label goes through the text files' detection (model/doc). */
#ifndef NB_HTMLENC_H
#define NB_HTMLENC_H

#include <stddef.h>
#include "base/err.h"
#include "model/doc.h"

/* The page's declared charset label (lower case) from its first 8 KiB, or
 * "" when it declares none. */
void nb_html_charset_label(const unsigned char *b, size_t n, char *label, size_t cap);

/* The encoding nianbao decodes a label with (an iconv name), or NULL for a
 * label it does not know. "UTF-8" for utf-8 and its aliases. */
const char *nb_html_label_encoding(const char *label);

/* Decode the page to valid UTF-8 (malloc'd, NUL-terminated): bytes that are
 * invalid in the page's encoding become U+FFFD, never an error; NUL and
 * other control bytes become spaces. used[NB_ENC_NAME] gets the
 * encoding read, named as an export names a text file's ("GB18030",
 * "UTF-8 (BOM)"). A label is believed unless the bytes are UTF-8 beyond
 * doubt (valid throughout, with text beyond ASCII), which a page saved
 * under a stale label is. Errors (an empty page, out of memory, an
 * unlabelled page in no encoding nianbao reads) name the file. */
int nb_html_to_utf8(const char *path, const unsigned char *b, size_t n, char **out, size_t *outn, char *used,
                    nb_lang lang, nb_err *err);

#endif
