/* msg.c — the helpers both files of finding text use: a cell's ID, a
 * stretch of the report's text on one line, and the report a cross-year
 * finding was paired with. */
#include "check/msg.h"
#include "base/utf8.h"

#include <stdio.h>
#include <string.h>

void nb_msg_cat(const msg *m, const char *const *parts, int n)
{
    if (!m->cap)
        return;
    size_t o = 0, room = m->cap - 1;
    for (int k = 0; k < n; k++) {
        size_t l = strlen(parts[k]);
        if (l > room - o)
            l = room - o;
        memcpy(m->out + o, parts[k], l);
        o += l;
    }
    m->out[o] = '\0';
}

void nb_msg_cell_name(const nb_report *r, int ci, char *out, size_t cap)
{
    if (ci >= 0)
        nb_schema_cell_id(r->schema, ci, out, cap);
    else if (cap >= 2) /* "?", or as much of it as fits */
        out[0] = '?', out[1] = '\0';
    else if (cap)
        out[0] = '\0';
}

void nb_msg_span(const nb_report *r, size_t off, size_t len, char *out, size_t cap)
{
    const char *t = r->doc.text;
    size_t o = 0, i = off, end = off + len;
    int gap = 0, prev_cjk = 0;
    while (i < end && cap > 0) {
        size_t j = i;
        uint32_t c = nb_utf8_get(t, end, &j);
        if (nb_is_space(c) || c == '\n' || c == '\r') {
            gap = o > 0;
            i = j;
            continue;
        }
        int space = gap && !(prev_cjk && nb_is_cjk(c)); /* a line broken inside Chinese text joins */
        if (o + (size_t)space + (j - i) + 1 > cap)
            break;
        if (space)
            out[o++] = ' ';
        gap = 0;
        prev_cjk = nb_is_cjk(c);
        memcpy(out + o, t + i, j - i);
        o += j - i;
        i = j;
    }
    if (cap)
        out[o] = '\0';
}

void nb_msg_paired(const msg *m, char *out, size_t cap)
{
    const nb_finding *f = m->f;
    const char *other = f->other_file ? f->other_file : "?";
    if (f->other_agency && f->other_agency[0] && strcmp(f->other_agency, m->r->agency))
        snprintf(out, cap, m->zh ? "%s，%s" : "%s, %s", other, f->other_agency);
    else
        snprintf(out, cap, "%s", other);
}
