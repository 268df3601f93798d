/* lineedit.c — the status line's editor (lineedit.h). */
#include "lineedit.h"

#include <string.h>

#include "base/utf8.h"

void nb_lineedit_set(nb_lineedit *e, const char *text, size_t n)
{
    if (n >= sizeof e->buf)
        n = sizeof e->buf - 1;
    memcpy(e->buf, text, n);
    e->len = e->cur = n;
}

const char *nb_lineedit_text(nb_lineedit *e)
{
    e->buf[e->len] = '\0';
    return e->buf;
}

void nb_lineedit_insert(nb_lineedit *e, uint32_t cp)
{
    if (cp >= 0x110000 || e->len + 4 >= sizeof e->buf)
        return;
    char u[4];
    size_t k = nb_utf8_put(u, cp);
    memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur);
    memcpy(e->buf + e->cur, u, k);
    e->len += k;
    e->cur += k;
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
        if (key >= 0x20)
            nb_lineedit_insert(e, (uint32_t)key);
        break;
    default: break;
    }
}

void nb_lineedit_draw(const nb_lineedit *e, nb_screen *s, int y, const char *label)
{
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    int used = nb_screen_put(s, y, 0, label, strlen(label), s->w - 1, NB_R_STATUS, 1);
    used += nb_screen_put(s, y, used, e->buf, e->cur, s->w - 1 - used, NB_R_STATUS, 0);
    size_t cend = e->cur;
    if (cend < e->len)
        nb_utf8_get(e->buf, e->len, &cend);
    int cw = cend > e->cur ? nb_screen_put(s, y, used, e->buf + e->cur, cend - e->cur, s->w - used, NB_R_HIGHLIGHT, 1)
                           : nb_screen_put(s, y, used, " ", 1, 1, NB_R_HIGHLIGHT, 1);
    nb_screen_put(s, y, used + cw, e->buf + cend, e->len - cend, s->w - used - cw, NB_R_STATUS, 0);
}
