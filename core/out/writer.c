/* writer.c — bytes to a FILE or a growing buffer, and the escapes of JSON
 * strings, CSV fields and Markdown table cells. */
#include "out/writer.h"
#include "base/vec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

nb_writer nb_writer_to(FILE *f)
{
    nb_writer w = {f, NULL, 0, 0, 0};
    return w;
}

int nb_writer_end(nb_writer *w, FILE *f)
{
    int rc = w->failed ? -1 : 0;
    if (!w->f) {
        if (!w->failed && w->n)
            fwrite(w->b, 1, w->n, f);
        free(w->b);
        w->b = NULL;
        w->n = w->cap = 0;
    }
    return rc || ferror(f) ? -1 : 0;
}

void nb_put(nb_writer *w, const char *s, size_t n)
{
    if (w->f) {
        fwrite(s, 1, n, w->f);
        return;
    }
    if (w->failed)
        return;
    if (nb_grow(&w->b, &w->cap, w->n + n, 1, 16384) != 0) {
        w->failed = 1;
        return;
    }
    memcpy(w->b + w->n, s, n);
    w->n += n;
}

void nb_puts(nb_writer *w, const char *s)
{
    nb_put(w, s, strlen(s));
}

void nb_put_uint(nb_writer *w, size_t v)
{
    char b[24];
    int i = (int)sizeof b;
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    nb_put(w, b + i, sizeof b - (size_t)i);
}

void nb_putf(nb_writer *w, const char *fmt, ...)
{
    char b[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b, sizeof b, fmt, ap);
    va_end(ap);
    if (n > 0)
        nb_put(w, b, (size_t)n < sizeof b ? (size_t)n : sizeof b - 1);
}

void nb_put_json(nb_writer *w, const char *s, size_t n)
{
    nb_put(w, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\' && s[run] != 0x7F)
            run++;
        if (run > i) {
            nb_put(w, s + i, run - i);
            i = run;
            if (i == n)
                break;
        }
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': nb_put(w, "\\\"", 2); break;
        case '\\': nb_put(w, "\\\\", 2); break;
        case '\n': nb_put(w, "\\n", 2); break;
        case '\r': nb_put(w, "\\r", 2); break;
        case '\t': nb_put(w, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            nb_put(w, esc, 6);
        }
    }
    nb_put(w, "\"", 1);
}

void nb_put_json_cstr(nb_writer *w, const char *s)
{
    nb_put_json(w, s, strlen(s));
}

void nb_put_csv(nb_writer *w, const char *s, size_t n)
{
    if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) && !memchr(s, '\r', n)) {
        nb_put(w, s, n);
        return;
    }
    nb_put(w, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            nb_put(w, "\"", 1);
        nb_put(w, s + i, 1);
    }
    nb_put(w, "\"", 1);
}

void nb_put_md_cell(nb_writer *w, const char *s)
{
    nb_put(w, " ", 1);
    for (; *s; s++) {
        if (*s == '|')
            nb_put(w, "\\|", 2);
        else if (*s == '\n')
            nb_put(w, "<br>", 4);
        else if (*s != '\r')
            nb_put(w, s, 1);
    }
    nb_put(w, " |", 2);
}
