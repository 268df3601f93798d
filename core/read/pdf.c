/* pdf.c — a stand-in until the PDF reader is built: every PDF is refused
 * with a message saying so. */
#include "read/pdf.h"

#include <string.h>

int nb_read_pdf(nb_doc *d, const char *path, const unsigned char *bytes, size_t n, nb_lang lang, nb_err *err)
{
    (void)bytes;
    (void)n;
    memset(d, 0, sizeof *d);
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: PDF support is not built", "%s：未编译 PDF 支持"), path);
}
