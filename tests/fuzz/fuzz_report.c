/* fuzz_report.c — report bytes, as a file of any kind holds them, read
 * (text in any encoding, a page, a package, a PDF: by their bytes),
 * extracted, checked and exported every way; the oracle is fuzz.h's. */
#include "fuzz.h"
#include "read/detect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (nb_detect(data, size) == NB_KIND_DOC)
        return 0; /* a .doc is converted by another program */
    fz_report("fuzz.txt", data, size);
    return 0;
}
