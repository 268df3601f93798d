/* dl.h — a shared library's functions found by name (dlopen, dlsym), for
 * the readers that load their library when it is first needed rather than
 * at start (read/pdf_lib, read/fmt_lib). */
#ifndef NB_DL_H
#define NB_DL_H

#include <stddef.h>

/* One function of a table: its name, and where its pointer goes (the
 * offset of its field in the table's struct). */
typedef struct nb_dl_sym {
    const char *name;
    size_t at;
} nb_dl_sym;

/* Open the first of names[0, n) that loads, for good (a second dlopen
 * only counts it again), and put the address of each of syms[0, nsyms) in
 * out at its offset. NULL when all are found; "" when no name loads; else
 * the name of the first function the library lacks. */
const char *nb_dl_fill(const char *const *names, size_t n, const nb_dl_sym *syms, size_t nsyms, void *out);

#endif
