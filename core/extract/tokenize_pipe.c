/* tokenize_pipe.c — pipe and box-drawing table rows (| a | b |, │a│b│,
 * Markdown tables): which lines they are, rule lines (|---|, ├──┼──┤) as
 * row breaks, and the cells between the separators. A row's borders come
 * in pairs: a separator ending a row that none starts closes an empty
 * last cell (a | b | ). */
#include "extract/internal.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Is the box-drawing character E2 u[1] u[2] (u[1] 94 or 95: U+2500–U+257F)
 * a column separator: every one from U+2502 but the horizontal lines
 * (─ ━ ┄ ┅ ┈ ┉ ╌ ╍ ═)? One bit a character, no comparisons. */
static inline int is_box_sep(const unsigned char *u)
{
    static const uint64_t seps[2] = {
        ~(uint64_t)0 ^ (1u << 0 | 1u << 1 | 1u << 4 | 1u << 5 | 1u << 8 | 1u << 9), /* U+2500–U+253F */
        ~(uint64_t)0 ^ (1u << 12 | 1u << 13 | 1u << 16),                           /* U+2540–U+257F */
    };
    return (int)(seps[u[1] - 0x94] >> (u[2] & 0x3F) & 1);
}

/* Past the three-byte character at u[i] and the same character repeated
 * right after it, each ending before end (a rule's ─ run, told once).
 * Where sixteen bytes from i are the sixteen from three before it, the run
 * goes on for five more characters and a byte of a sixth: it is passed
 * five characters at a time, the rest a character at a time. */
static size_t past_repeats(const unsigned char *u, size_t i, size_t end)
{
    unsigned char b1 = u[i + 1], b2 = u[i + 2];
    i += 3;
    while (i + 16 <= end && !memcmp(u + i, u + i - 3, 16))
        i += 15;
    while (i + 2 < end && u[i] == 0xE2 && u[i + 1] == b1 && u[i + 2] == b2)
        i += 3;
    return i;
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
            if (is_box_sep(u + i))
                return 0;
            any = 1;
            i = past_repeats(u, i, b + 1);
        } else if (c == 0xE3 && i + 2 < b && u[i + 1] == 0x80 && u[i + 2] == 0x80) {
            i += 3; /* U+3000 */
        } else {
            return 0;
        }
    }
    return any;
}

/* Count of separators of t[a, b) as a pipe row is told: an E2 94 or E2 95
 * whose next byte does not continue it counts by that byte still (the
 * cuts do not), so a line holding one is counted here again. */
static int pipe_seps(const char *t, size_t a, size_t b)
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
            if (is_box_sep(u + i))
                n++;
            i += 2;
        } else if (c == 0xEF && i + 2 < b && u[i + 1] == 0xBD && u[i + 2] == 0x9C) {
            n++; /* U+FF5C */
            i += 2;
        }
    }
    return n;
}

/* Can u[i] start a separator? | and the lead bytes of the box-drawing
 * characters (E2) and of ｜ (EF): every other byte (ASCII, an ideograph's
 * lead, a continuation byte) is passed over at once. */
static inline int pipe_row_byte(unsigned char c)
{
    return c == '|' || c == 0xE2 || c == 0xEF;
}

/* Where a scan of a row's bytes stands: from, the row's start; the block
 * [base, end) of sixteen bytes read last, and its bytes that pipe_row_byte
 * takes (bits: a bit each, the first lowest). */
typedef struct {
    size_t from, base, end;
    unsigned bits;
} lead_scan;

#if defined(__SSE2__)
/* The bytes of u[0, 16) that pipe_row_byte takes: a bit each, the first lowest. */
static inline unsigned pipe_row_bits(const unsigned char *u)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i leads = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE2)), _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xEF)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('|')), leads));
}

/* The block of sixteen bytes from base read into ls; the bits from i on. */
static inline unsigned read_block(lead_scan *ls, const unsigned char *u, size_t base, size_t i)
{
    ls->base = base;
    ls->end = base + 16;
    ls->bits = pipe_row_bits(u + base);
    return ls->bits >> (i - base);
}
#endif

/* The first byte of u[i, b) that pipe_row_byte takes, or b (i at or past
 * the last one returned): where the CPU has SSE2, sixteen bytes at a time,
 * each block read once, the last one ending at b (when the row is that
 * long); else one at a time. */
static size_t next_pipe_row_byte(lead_scan *ls, const unsigned char *u, size_t i, size_t b)
{
#if defined(__SSE2__)
    unsigned m = 0;
    if (i < ls->end) {
        m = ls->bits >> (i - ls->base);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i = ls->end;
    }
    for (; i + 16 <= b; i += 16)
        if ((m = read_block(ls, u, i, i)) != 0)
            return i + (size_t)__builtin_ctz(m);
    if (i < b && b - ls->from >= 16) {
        m = read_block(ls, u, b - 16, i);
        return m ? i + (size_t)__builtin_ctz(m) : b;
    }
#else
    (void)ls;
#endif
    while (i < b && !pipe_row_byte(u[i]))
        i++;
    return i;
}

int ex_pipe_scan(const char *t, size_t a, size_t b, pipe_cuts *pc)
{
    size_t *ps = pc->ps, *pe = pc->pe;
    int np = 0, n = 0, odd = 0;
    const unsigned char *u = (const unsigned char *)t;
    size_t i = a, s = a, run_end = (size_t)-1; /* where a run of a rule's line from s ends */
    lead_scan ls = {.from = a};
    while ((i = next_pipe_row_byte(&ls, u, i, b)) < b) {
        unsigned char c = u[i];
        size_t w = 0;
        if (c == '|') {
            w = 1;
        } else if (c == 0xE2 && i + 2 < b && (u[i + 1] == 0x94 || u[i + 1] == 0x95)) {
            if ((u[i + 2] & 0xC0) != 0x80) {
                odd = 1; /* not a character: no cut, and counted as pipe_seps counts */
                i++;
                continue;
            }
            if (!is_box_sep(u + i)) {
                size_t from = i;
                i = past_repeats(u, i, b); /* a line of a rule (─): its continuation bytes start nothing */
                if (from == s)
                    run_end = i;
                continue;
            }
            w = 3;
        } else if (c == 0xEF && i + 2 < b && u[i + 1] == 0xBD && u[i + 2] == 0x9C) {
            w = 3; /* U+FF5C */
        }
        if (!w) {
            i++;
            continue;
        }
        n++;
        if (np < 127) { /* past that many, the rest of the line is the last piece */
            ps[np] = s;
            pe[np] = i;
            pc->line[np] = run_end == i;
            np++;
            s = i + w;
        }
        i += w;
    }
    ps[np] = s;
    pe[np] = b;
    pc->line[np] = run_end == b;
    pc->np = np + 1;
    return odd ? pipe_seps(t, a, b) : n;
}

void ex_tokenize_pipe(tokv *tv, const char *t, size_t a, size_t b, const pipe_cuts *pc)
{
    const size_t *ps = pc->ps, *pe = pc->pe;
    int np = pc->np;
    int first = 0, last = np - 1;
    (void)b; /* the row's end is where pc's last piece ends */
    {
        size_t x = ps[0], y = pe[0];
        ex_trim(t, &x, &y);
        if (x == y)
            first = 1;
        x = ps[last];
        y = pe[last];
        ex_trim(t, &x, &y);
        if (x == y && last > first && first) /* a border at the end only with one at the start: */
            last--;                             /* else 规章 | 0 | 0 | ends in an empty cell */
    }
    unsigned char rule[128];
    int cell = -1; /* the first piece that is neither rule nor blank */
    size_t cx = 0, cy = 0;
    for (int k = first; k <= last; k++) {
        rule[k] = pc->line[k] || is_rule_piece(t, ps[k], pe[k]);
        if (!rule[k] && cell < 0) {
            cx = ps[k], cy = pe[k];
            ex_trim(t, &cx, &cy);
            cell = cx < cy ? k : -1;
        }
    }
    if (cell < 0) {
        ex_emit(tv, K_RULE, a, 0, LK_PIPE);
        return;
    }
    for (int k = first; k <= last; k++)
        if (!rule[k]) /* the first cell as trimmed above (trimming it again keeps it) */
            ex_tokenize_cell(tv, t, k == cell ? cx : ps[k], k == cell ? cy : pe[k], LK_PIPE);
}
