/* dl.c — a library's table of functions filled by name (dl.h). */
#include "base/dl.h"

#include <dlfcn.h>
#include <string.h>

const char *nb_dl_fill(const char *const *names, size_t n, const nb_dl_sym *syms, size_t nsyms, void *out)
{
    void *h = NULL;
    for (size_t k = 0; k < n && !h; k++)
        h = dlopen(names[k], RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!h)
        return "";
    const char *missing = NULL;
    for (size_t k = 0; k < nsyms && !missing; k++) {
        void *f = dlsym(h, syms[k].name);
        if (f)
            memcpy((char *)out + syms[k].at, &f, sizeof f); /* a function pointer from dlsym, as POSIX allows */
        else
            missing = syms[k].name;
    }
    dlclose(h); /* RTLD_NODELETE: the library stays, only the count goes */
    return missing;
}
