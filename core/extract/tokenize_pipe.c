/* tokenize_pipe.c — pipe and box-drawing table rows (| a | b |, │a│b│,
 * Markdown tables): which lines they are, rule lines (|---|, ├──┼──┤) as
 * row breaks, and the cells between the separators. */
#include "extract/internal.h"

static int is_box_sep(uint32_t c)
{
    return c == '|' || c == 0xFF5C || (c >= 0x2502 && c <= 0x257F && c != 0x2504 && c != 0x2505 && c != 0x2508 &&
                                       c != 0x2509 && c != 0x254C && c != 0x254D && c != 0x2550);
}

/* Box-drawing characters are U+2500–U+257F: E2 94 xx and E2 95 xx. */
static int is_rule_piece(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    int any = 0;
    for (size_t i = a; i < b;) {
        unsigned char c = u[i];
        if (c == ' ' || c == '\t' || c == '\f') {
            i++;
        } else if (c == '-' || c == ':' || c == '=' || c == '+') {
            any = 1;
            i++;
        } else if (c == 0xE2 && i + 2 < b + 1 && (u[i + 1] == 0x94 || u[i + 1] == 0x95)) {
            uint32_t cp = 0x2500 + (uint32_t)((u[i + 1] - 0x94) * 64 + (u[i + 2] & 0x3F));
            if (is_box_sep(cp))
                return 0;
            any = 1;
            i += 3;
        } else if (c == 0xE3 && i + 2 < b && u[i + 1] == 0x80 && u[i + 2] == 0x80) {
            i += 3; /* U+3000 */
        } else {
            return 0;
        }
    }
    return any;
}

int ex_pipe_seps(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    int n = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = u[i];
        if (c < 0xE2 && c != '|')
            continue; /* most bytes: ASCII, a continuation byte */
        if (c == '|') {
            n++;
        } else if (c == 0xE2 && i + 2 < b && (u[i + 1] == 0x94 || u[i + 1] == 0x95)) {
            uint32_t cp = 0x2500 + (uint32_t)((u[i + 1] - 0x94) * 64 + (u[i + 2] & 0x3F));
            if (is_box_sep(cp))
                n++;
            i += 2;
        } else if (c == 0xEF && i + 2 < b && u[i + 1] == 0xBD && u[i + 2] == 0x9C) {
            n++; /* U+FF5C */
            i += 2;
        }
    }
    return n;
}

void ex_tokenize_pipe(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t ps[128], pe[128];
    int np = 0;
    const unsigned char *u = (const unsigned char *)t;
    size_t i = a, s = a;
    while (i < b && np < 127) {
        /* a separator's first byte starts a character: read byte by byte */
        unsigned char c = u[i];
        size_t w = 0;
        if (c == '|')
            w = 1;
        else if (c == 0xE2 && i + 2 < b && (u[i + 1] == 0x94 || u[i + 1] == 0x95) && (u[i + 2] & 0xC0) == 0x80 &&
                 is_box_sep(0x2500 + (uint32_t)((u[i + 1] - 0x94) * 64 + (u[i + 2] & 0x3F))))
            w = 3;
        else if (c == 0xEF && i + 2 < b && u[i + 1] == 0xBD && u[i + 2] == 0x9C)
            w = 3; /* U+FF5C */
        if (!w) {
            i++;
            continue;
        }
        ps[np] = s;
        pe[np] = i;
        np++;
        i += w;
        s = i;
    }
    ps[np] = s;
    pe[np] = b;
    np++;
    int first = 0, last = np - 1;
    {
        size_t x = ps[0], y = pe[0];
        ex_trim(t, &x, &y);
        if (x == y)
            first = 1;
        x = ps[last];
        y = pe[last];
        ex_trim(t, &x, &y);
        if (x == y && last > first)
            last--;
    }
    unsigned char rule[128];
    int nonempty = 0;
    for (int k = first; k <= last; k++) {
        rule[k] = (unsigned char)is_rule_piece(t, ps[k], pe[k]);
        size_t x = ps[k], y = pe[k];
        if (!rule[k] && !nonempty) {
            ex_trim(t, &x, &y);
            nonempty = x < y;
        }
    }
    if (!nonempty) {
        ex_emit(tv, K_RULE, a, 0, LK_PIPE);
        return;
    }
    for (int k = first; k <= last; k++)
        if (!rule[k])
            ex_tokenize_cell(tv, t, ps[k], pe[k], LK_PIPE);
}
