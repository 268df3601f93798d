/* fuzz_pdf.c — bytes given to the pdf reader directly (whatever they look
 * like), then extracted, checked and exported every way; the oracle is
 * fuzz.h's. */
#include "fuzz.h"
#include "read/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_through(nb_read_pdf, "fuzz.pdf", data, size);
    return 0;
}
