/* lineedit.c — the status line's editor (lineedit.h). */
#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/vec.h"

/* Room for n more bytes and a NUL. */
static int room(nb_lineedit *e, size_t n)
{
    return nb_grow(&e->buf, &e->cap, e->len + n + 1, 1, 128);
}

int nb_lineedit_set(nb_lineedit *e, const char *text, size_t n)
{
    e->len = e->cur = 0;
    if (room(e, n) != 0)
        return -1;
    memcpy(e->buf, text, n);
    e->len = e->cur = n;
    return 0;
}

const char *nb_lineedit_text(nb_lineedit *e)
{
    if (room(e, 0) != 0)
        return "";
    e->buf[e->len] = '\0';
    return e->buf;
}

int nb_lineedit_insert(nb_lineedit *e, uint32_t cp)
{
    if (cp >= 0x110000 || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (room(e, 4) != 0)
        return -1;
    char u[4];
    size_t k = nb_utf8_put(u, cp);
    memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur);
    memcpy(e->buf + e->cur, u, k);
    e->len += k;
    e->cur += k;
    return 0;
}

/* The cursor one character back. */
static void back(nb_lineedit *e)
{
    while (e->cur > 0 && (((unsigned char)e->buf[--e->cur]) & 0xC0) == 0x80)
        ;
}

void nb_lineedit_key(nb_lineedit *e, nb_request rq, int key)
{
    switch (rq) {
    case NB_REQ_ED_LEFT: back(e); break;
    case NB_REQ_ED_RIGHT:
        if (e->cur < e->len)
            nb_utf8_get(e->buf, e->len, &e->cur);
        break;
    case NB_REQ_ED_HOME: e->cur = 0; break;
    case NB_REQ_ED_END: e->cur = e->len; break;
    case NB_REQ_ED_CLEAR: e->len = e->cur = 0; break;
    case NB_REQ_ED_BACKSPACE: {
        size_t end = e->cur;
        back(e);
        memmove(e->buf + e->cur, e->buf + end, e->len - end);
        e->len -= end - e->cur;
        break;
    }
    case NB_REQ_ED_INSERT:
        if (key >= 0x20 && key != 0x7F)
            nb_lineedit_insert(e, (uint32_t)key);
        break;
    default: break;
    }
}

/* Where to start drawing so that the text up to the cursor fits in cols
 * (walked back from the cursor: a long note costs what is shown). */
static size_t first_shown(const nb_lineedit *e, int cols)
{
    size_t start = e->cur, used = 0, room_cols = cols > 1 ? (size_t)cols - 1 : 0;
    while (start > 0) {
        size_t p = start - 1;
        while (p > 0 && (((unsigned char)e->buf[p]) & 0xC0) == 0x80)
            p--;
        size_t i = p;
        uint32_t cp = nb_utf8_get(e->buf, start, &i);
        size_t w = cp == '\t' ? 1 : (size_t)nb_cp_width(cp); /* as the screen draws it */
        if (used + w > room_cols)
            break;
        used += w;
        start = p;
    }
    return start;
}

void nb_lineedit_draw(const nb_lineedit *e, nb_screen *s, int y, const char *label)
{
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    int used = nb_screen_put(s, y, 0, label, strlen(label), s->w - 1, NB_R_STATUS, 1);
    const char *b = e->buf ? e->buf : "";
    size_t from = e->buf ? first_shown(e, s->w - 1 - used) : 0;
    used += nb_screen_put(s, y, used, b + from, e->cur - from, s->w - 1 - used, NB_R_STATUS, 0);
    size_t cend = e->cur;
    if (cend < e->len)
        nb_utf8_get(b, e->len, &cend);
    int cw = cend > e->cur ? nb_screen_put(s, y, used, b + e->cur, cend - e->cur, s->w - used, NB_R_HIGHLIGHT, 1)
                           : nb_screen_put(s, y, used, " ", 1, 1, NB_R_HIGHLIGHT, 1);
    nb_screen_put(s, y, used + cw, b + cend, e->len - cend, s->w - used - cw, NB_R_STATUS, 0);
}

void nb_lineedit_free(nb_lineedit *e)
{
    free(e->buf);
    memset(e, 0, sizeof *e);
}
