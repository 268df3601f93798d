/* diag.c — the lines of check's text output: a finding's start
 * (path:line:col: severity: RULE: ) and a report's summary line, from
 * what a report's lines share, made once. */
#include "out/diag.h"

#include <stdlib.h>
#include <string.h>

/* s at b + *n, *n moved past it (the room is the caller's). */
static void append(char *b, unsigned char *n, const char *s)
{
    size_t l = strlen(s);
    memcpy(b + *n, s, l);
    *n = (unsigned char)(*n + l);
}

void nb_diag_head_init(nb_diag_head *h, const char *path, int term, int color, nb_lang L)
{
    static const char *const col[] = {"\033[36m", "\033[35m", "\033[31m"};
    h->path = path;
    h->text = nb_writer_as(NULL, term);
    nb_put_text_cstr(&h->text, path);
    for (int k = 0; k < 3; k++) { /* at most 2 + 5 + 7 + 4 + 2 bytes */
        h->sevn[k] = 0;
        append(h->sev[k], &h->sevn[k], ": ");
        append(h->sev[k], &h->sevn[k], color ? col[k] : "");
        append(h->sev[k], &h->sevn[k], nb_severity_label((nb_severity)k, L));
        append(h->sev[k], &h->sevn[k], color ? "\033[0m" : "");
        append(h->sev[k], &h->sevn[k], ": ");
    }
}

void nb_diag_head_free(nb_diag_head *h)
{
    free(h->text.b);
    h->text.b = NULL;
}

/* The path as text: made once (an empty one holds no buffer), or (out of
 * memory then) made again. */
static void put_path(nb_writer *w, const nb_diag_head *h)
{
    if (h->text.failed)
        nb_put_text_cstr(w, h->path);
    else if (h->text.n)
        nb_put(w, h->text.b, h->text.n);
}

void nb_diag_start(nb_writer *w, const nb_diag_head *h, int has_loc, size_t line, size_t col, nb_severity sev,
                   const char *rule)
{
    put_path(w, h);
    if (has_loc) {
        char b[48], *p = b;
        *p++ = ':';
        p = nb_uint_at(p, line);
        *p++ = ':';
        p = nb_uint_at(p, col);
        nb_put(w, b, (size_t)(p - b));
    }
    int k = sev == NB_SEV_ERROR ? 2 : sev == NB_SEV_WARNING ? 1 : 0; /* as nb_severity_label reads it */
    nb_put(w, h->sev[k], h->sevn[k]);
    nb_puts(w, rule);
    nb_put(w, ": ", 2);
}

void nb_diag_summary(nb_writer *w, const nb_diag_head *h, const long cnt[3], nb_lang L)
{
    put_path(w, h);
    if (L == NB_LANG_ZH) {
        nb_puts(w, "：");
        nb_put_int(w, cnt[2]);
        nb_puts(w, " 个错误，");
        nb_put_int(w, cnt[1]);
        nb_puts(w, " 个警告，");
        nb_put_int(w, cnt[0]);
        nb_puts(w, " 个提示\n");
        return;
    }
    nb_put(w, ": ", 2);
    nb_put_int(w, cnt[2]);
    nb_puts(w, cnt[2] == 1 ? " error, " : " errors, ");
    nb_put_int(w, cnt[1]);
    nb_puts(w, cnt[1] == 1 ? " warning, " : " warnings, ");
    nb_put_int(w, cnt[0]);
    nb_puts(w, " info\n");
}
