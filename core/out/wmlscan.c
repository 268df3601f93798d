/* wmlscan.c — tags and the w:t / w:tc elements of document.xml found in
 * its raw bytes. */
#include "out/wmlscan.h"
#include "read/docx.h"
#include "base/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Step over x[i..] up to and past `end`; n when it never comes. */
static size_t past(const char *x, size_t n, size_t i, const char *end)
{
    const char *p = memmem(x + i, n - i, end, strlen(end));
    return p ? (size_t)(p - x) + strlen(end) : n + 1;
}

/* A declaration (<!DOCTYPE ...>), its internal subset in brackets. */
static size_t past_decl(const char *x, size_t n, size_t i)
{
    int depth = 0;
    for (; i < n; i++) {
        if (x[i] == '[')
            depth++;
        else if (x[i] == ']')
            depth--;
        else if (x[i] == '>' && depth <= 0)
            return i + 1;
    }
    return n + 1;
}

int nb_xml_next_tag(const char *x, size_t n, size_t *pos, nb_xtag *t)
{
    size_t i = *pos;
    for (;;) {
        const char *lt = i < n ? memchr(x + i, '<', n - i) : NULL;
        if (!lt)
            return 1;
        i = (size_t)(lt - x);
        size_t skip = 0;
        if (n - i >= 4 && memcmp(x + i, "<!--", 4) == 0)
            skip = past(x, n, i + 4, "-->");
        else if (n - i >= 9 && memcmp(x + i, "<![CDATA[", 9) == 0)
            skip = past(x, n, i + 9, "]]>");
        else if (n - i >= 2 && x[i + 1] == '?')
            skip = past(x, n, i + 2, "?>");
        else if (n - i >= 2 && x[i + 1] == '!')
            skip = past_decl(x, n, i + 2);
        if (skip > n)
            return -1;
        if (skip) {
            i = skip;
            continue;
        }
        break;
    }
    memset(t, 0, sizeof *t);
    t->start = i;
    size_t j = i + 1;
    t->closing = j < n && x[j] == '/';
    j += (size_t)t->closing;
    t->name = j;
    while (j < n && x[j] != '>' && x[j] != '/' && x[j] != ' ' && x[j] != '\t' && x[j] != '\r' && x[j] != '\n')
        j++;
    t->name_len = j - t->name;
    char q = 0;
    for (; j < n; j++) {
        if (q) {
            q = x[j] == q ? 0 : q;
        } else if (x[j] == '"' || x[j] == '\'') {
            q = x[j];
        } else if (x[j] == '>') {
            t->end = j + 1;
            t->empty = x[j - 1] == '/';
            *pos = t->end;
            return t->name_len ? 0 : -1;
        }
    }
    return -1;
}

int nb_xtag_is(const char *x, const nb_xtag *t, const char *prefix, const char *local)
{
    size_t pl = strlen(prefix), ll = strlen(local);
    size_t want = pl ? pl + 1 + ll : ll;
    if (t->name_len != want)
        return 0;
    const char *s = x + t->name;
    return pl ? memcmp(s, prefix, pl) == 0 && s[pl] == ':' && memcmp(s + pl + 1, local, ll) == 0
              : memcmp(s, local, ll) == 0;
}

/* The prefix the root tag binds to WordprocessingML; -1 when it binds none. */
static int root_prefix(const char *x, const nb_xtag *root, char *out, size_t cap)
{
    static const char *const ns[] = {NB_W_NS, NB_W_NS_STRICT};
    for (size_t k = 0; k < 2; k++) {
        size_t hl = strlen(ns[k]);
        for (size_t i = root->start; i + hl + 2 <= root->end; i++) {
            if ((x[i] != '"' && x[i] != '\'') || memcmp(x + i + 1, ns[k], hl) != 0 || x[i + 1 + hl] != x[i])
                continue;
            size_t e = i; /* back over =, then the attribute's name */
            while (e > root->start && (x[e - 1] == '=' || x[e - 1] == ' '))
                e--;
            size_t b = e;
            while (b > root->start && x[b - 1] != ' ' && x[b - 1] != '\t' && x[b - 1] != '\n' && x[b - 1] != '\r')
                b--;
            if (e - b == 5 && memcmp(x + b, "xmlns", 5) == 0)
                return snprintf(out, cap, "%s", ""), 0;
            if (e - b > 6 && e - b - 6 < cap && memcmp(x + b, "xmlns:", 6) == 0)
                return snprintf(out, cap, "%.*s", (int)(e - b - 6), x + b + 6), 0;
        }
    }
    return -1;
}

static int push(nb_wml_el **v, int *n, size_t *cap, const nb_xtag *t)
{
    if (nb_grow(v, cap, (size_t)*n + 1, sizeof **v, 256) != 0)
        return -1;
    (*v)[(*n)++] = (nb_wml_el){t->start, t->end, t->end, t->end};
    return 0;
}

/* The elements after the root: w:t (content up to its end tag) and w:tc
 * (nested tables' cells inside their outer cell). */
static int scan_elements(const char *x, size_t n, size_t pos, nb_wml *w)
{
    size_t tcap = 0, tccap = 0;
    int *open = NULL, nopen = 0, in_t = -1, rc = 0;
    size_t open_cap = 0;
    nb_xtag t;
    while (rc == 0 && (rc = nb_xml_next_tag(x, n, &pos, &t)) == 0) {
        if (nb_xtag_is(x, &t, w->prefix, "t")) {
            if (t.closing && in_t >= 0) {
                w->t[in_t].close_start = t.start;
                w->t[in_t].end = t.end;
                in_t = -1;
            } else if (!t.closing) {
                rc = push(&w->t, &w->nt, &tcap, &t);
                in_t = t.empty || rc ? -1 : w->nt - 1;
            }
        } else if (nb_xtag_is(x, &t, w->prefix, "tc") && !t.empty) {
            if (!t.closing) {
                rc = push(&w->tc, &w->ntc, &tccap, &t) ||
                     nb_grow(&open, &open_cap, (size_t)nopen + 1, sizeof *open, 16);
                if (rc == 0)
                    open[nopen++] = w->ntc - 1;
            } else if (nopen > 0) {
                nb_wml_el *e = &w->tc[open[--nopen]];
                e->close_start = t.start;
                e->end = t.end;
            }
        } else if (nb_xtag_is(x, &t, w->prefix, "tc")) {
            rc = push(&w->tc, &w->ntc, &tccap, &t);
        }
    }
    free(open);
    return rc < 0 || nopen || in_t >= 0 ? -1 : 0;
}

int nb_wml_scan(const char *x, size_t n, nb_wml *w)
{
    memset(w, 0, sizeof *w);
    size_t pos = 0;
    nb_xtag root;
    if (nb_xml_next_tag(x, n, &pos, &root) != 0 || root.closing ||
        root_prefix(x, &root, w->prefix, sizeof w->prefix) != 0)
        return -1;
    if (scan_elements(x, n, pos, w) != 0) {
        nb_wml_free(w);
        return -1;
    }
    return 0;
}

void nb_wml_free(nb_wml *w)
{
    free(w->t);
    free(w->tc);
    memset(w, 0, sizeof *w);
}
