/* err.c — error values (a message cut by its buffer ends at a character
 * boundary) and locale-to-language mapping. */
#include "base/err.h"
#include "base/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int nb_err_set(nb_err *e, int code, const char *fmt, ...)
{
    if (!e)
        return -1;
    e->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    nb_utf8_trim_partial(e->msg); /* a message cut by the buffer ends at a character */
    return -1;
}

void nb_err_clear(nb_err *e)
{
    if (e) {
        e->code = NB_OK;
        e->msg[0] = '\0';
    }
}

nb_lang nb_lang_from_locale(const char *name)
{
    if (name && strncmp(name, "zh", 2) == 0)
        return NB_LANG_ZH;
    return NB_LANG_EN;
}
