/* fuzz_docx.c — bytes given to the docx reader directly (whatever they look
 * like), then extracted, checked and exported every way; the oracle is
 * fuzz.h's. */
#include "fuzz.h"
#include "read/docx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_through(nb_read_docx, "fuzz.docx", data, size);
    return 0;
}
