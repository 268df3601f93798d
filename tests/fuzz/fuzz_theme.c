/* fuzz_theme.c — theme file bytes parsed over the default theme: refused
 * with a message or taken, never a fault. */
#include "fuzz.h"
#include "theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    nb_theme t;
    nb_err err;
    if (nb_theme_default(&t, &err) != 0)
        abort();
    if (nb_theme_parse(&t, text, "fuzz.theme", (nb_lang)(size % 2), &err) != 0 &&
        nb_utf8_invalid((const unsigned char *)err.msg, strlen(err.msg)))
        abort(); /* the message quotes the line: cut at a character */
    free(text);
    return 0;
}
