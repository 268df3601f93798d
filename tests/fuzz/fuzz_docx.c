/* fuzz_docx.c — bytes given to the docx reader directly (whatever they look
 * like), then extracted, checked and exported every way; the oracle is
 * fuzz.h's. */
#include "fuzz.h"
#include "read/docx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nb_doc d;
    nb_err err;
    nb_report r;
    if (nb_read_docx(&d, "fuzz.docx", data, size, NB_LANG_EN, &err) != 0)
        return 0;
    if (nb_report_from_doc(&r, &d, fz_ctx(), &err) != 0)
        return 0;
    fz_exercise(&r, NULL);
    nb_report_free(&r);
    return 0;
}
