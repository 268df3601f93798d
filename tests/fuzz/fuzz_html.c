/* fuzz_html.c — bytes given to the html reader directly (whatever they look
 * like), then extracted, checked and exported every way; the oracle is
 * fuzz.h's. */
#include "fuzz.h"
#include "read/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_through(nb_read_html, "fuzz.html", data, size);
    return 0;
}
