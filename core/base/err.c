/* err.c — error values (a message is valid UTF-8: cut by its buffer at a
 * character boundary, a byte that is not UTF-8 written \xNN) and
 * locale-to-language mapping. */
#include "base/err.h"
#include "base/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* s into out (cap bytes) as valid UTF-8: a byte that is not UTF-8 (of a
 * file name, of a line quoted) as \xNN; cut at a character boundary. */
static void valid_utf8(char *out, size_t cap, const char *s)
{
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len = nb_utf8_seq((const unsigned char *)s + i, n - i);
        size_t need = len ? len : 4;
        if (o + need + 1 > cap)
            break;
        if (len)
            memcpy(out + o, s + i, len);
        else
            snprintf(out + o, 5, "\\x%02x", (unsigned char)s[i]);
        o += need;
        i += len ? len : 1;
    }
    out[o] = '\0';
}

int nb_err_set(nb_err *e, int code, const char *fmt, ...)
{
    if (!e)
        return -1;
    e->code = code;
    va_list ap;
    va_start(ap, fmt);
    char raw[sizeof e->msg];
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    nb_utf8_trim_partial(raw); /* a message cut by the buffer ends at a character */
    valid_utf8(e->msg, sizeof e->msg, raw);
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
