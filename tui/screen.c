/* screen.c — the grid of display cells the console draws into. */
#include "screen.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

static const char *const role_names[] = {
#define X(id, name) name,
    NB_ROLES(X)
#undef X
};

const char *nb_role_name(nb_role r)
{
    return r < NB_NROLES ? role_names[r] : "?";
}

int nb_role_from_name(const char *name)
{
    for (int r = 0; r < NB_NROLES; r++)
        if (!strcmp(role_names[r], name))
            return r;
    return -1;
}

int nb_screen_resize(nb_screen *s, int w, int h)
{
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    nb_scell *c = calloc((size_t)w * (size_t)h, sizeof *c);
    if (!c)
        return -1;
    free(s->c);
    s->c = c;
    s->w = w;
    s->h = h;
    return 0;
}

void nb_screen_free(nb_screen *s)
{
    free(s->c);
    memset(s, 0, sizeof *s);
}

void nb_screen_clear(nb_screen *s, nb_role role)
{
    for (int i = 0; i < s->w * s->h; i++) {
        s->c[i].cp = ' ';
        s->c[i].role = (uint8_t)role;
        s->c[i].marked = 0;
    }
}

static void set(nb_screen *s, int y, int x, uint32_t cp, nb_role role, int marked)
{
    if (y < 0 || y >= s->h || x < 0 || x >= s->w)
        return;
    nb_scell *c = &s->c[y * s->w + x];
    c->cp = cp;
    c->role = (uint8_t)role;
    c->marked = (uint8_t)marked;
}

int nb_screen_put(nb_screen *s, int y, int x, const char *t, size_t n, int maxcols, nb_role role, int marked)
{
    int used = 0;
    size_t i = 0;
    while (i < n && used < maxcols) {
        uint32_t cp = nb_utf8_get(t, n, &i);
        if (cp == '\t')
            cp = ' ';
        if (cp < 0x20 || cp == 0x7F) { /* ^X, never the byte itself */
            if (used + 2 > maxcols)
                break;
            set(s, y, x + used, '^', NB_R_CONTROL, 1);
            set(s, y, x + used + 1, cp == 0x7F ? '?' : cp + '@', NB_R_CONTROL, 1);
            used += 2;
            continue;
        }
        if (cp >= 0x80 && cp < 0xA0) { /* C1 controls: <85> */
            static const char hx[] = "0123456789ABCDEF";
            if (used + 4 > maxcols)
                break;
            set(s, y, x + used, '<', NB_R_CONTROL, 1);
            set(s, y, x + used + 1, (uint32_t)hx[cp >> 4], NB_R_CONTROL, 1);
            set(s, y, x + used + 2, (uint32_t)hx[cp & 15], NB_R_CONTROL, 1);
            set(s, y, x + used + 3, '>', NB_R_CONTROL, 1);
            used += 4;
            continue;
        }
        int w = nb_cp_width(cp);
        if (w == 0)
            continue; /* combining marks are not drawn alone */
        if (used + w > maxcols)
            break;
        set(s, y, x + used, cp, role, marked);
        if (w == 2)
            set(s, y, x + used + 1, 0, role, marked);
        used += w;
    }
    return used;
}

size_t nb_text_fit(const char *t, size_t n, int w)
{
    size_t i = 0;
    int used = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = nb_utf8_get(t, n, &i);
        int cw = cp == '\t' ? 1 : nb_cp_width(cp);
        if (used + cw > w)
            return at;
        used += cw;
    }
    return n;
}

/* ASCII letters and digits: a word that is not broken where it can be helped. */
static int word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

size_t nb_text_break(const char *t, size_t n, int w, size_t *next)
{
    size_t k = nb_text_fit(t, n, w);
    if (k < n && k > 0 && word_char(t[k]) && word_char(t[k - 1])) { /* inside a word: back to a space */
        size_t b = k;
        while (b > 0 && t[b - 1] != ' ')
            b--;
        if (b > k / 2)
            k = b;
    }
    size_t j = k;
    while (j < n && t[j] == ' ')
        j++;
    *next = j;
    return k;
}

int nb_text_rows(const char *t, size_t n, int w)
{
    int rows = 1;
    size_t off = 0, next;
    while (w > 0 && off < n && nb_text_break(t + off, n - off, w, &next) > 0 && off + next < n) {
        off += next;
        rows++;
    }
    return rows;
}

int nb_screen_wrap(nb_screen *s, int y, int x, int w, int maxrows, const char *t, size_t n, nb_role role)
{
    int rows = 0;
    size_t off = 0, next;
    while (rows < maxrows && w > 0) {
        size_t k = nb_text_break(t + off, n - off, w, &next);
        nb_screen_put(s, y + rows, x, t + off, k, w, role, 0);
        rows++;
        if (k == 0 || off + next >= n)
            break;
        off += next;
    }
    return rows;
}

void nb_screen_fill(nb_screen *s, int y, int x, int cols, uint32_t cp, nb_role role)
{
    for (int i = 0; i < cols; i++)
        set(s, y, x + i, cp, role, 0);
}

char *nb_screen_text(const nb_screen *s)
{
    size_t cap = (size_t)s->w * (size_t)s->h * 4 + (size_t)s->h + 1;
    char *out = malloc(cap), *o = out;
    if (!out)
        return NULL;
    for (int y = 0; y < s->h; y++) {
        char *line = o;
        char *last = o;
        for (int x = 0; x < s->w; x++) {
            const nb_scell *c = &s->c[y * s->w + x];
            if (c->cp == 0)
                continue;
            o += nb_utf8_put(o, c->cp);
            if (c->cp != ' ')
                last = o;
        }
        (void)line;
        o = last;
        *o++ = '\n';
    }
    *o = '\0';
    return out;
}

char *nb_screen_roles(const nb_screen *s)
{
    static const char codes[] = ".gcSEWI~Hhs^R|XCmT";
    char *out = malloc((size_t)s->w * (size_t)s->h + (size_t)s->h + 1), *o = out;
    if (!out)
        return NULL;
    for (int y = 0; y < s->h; y++) {
        for (int x = 0; x < s->w; x++) {
            int r = s->c[y * s->w + x].role;
            *o++ = r < (int)sizeof codes - 1 ? codes[r] : '?';
        }
        *o++ = '\n';
    }
    *o = '\0';
    return out;
}
