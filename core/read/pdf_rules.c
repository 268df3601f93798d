/* pdf_rules.c — ruling lines from the pixels of a rendered page: dark runs
 * across (horizontal) and down (vertical), grouped over neighbouring pixel
 * rows into lines, merged where one continues another, verticals kept
 * between the horizontal rules they meet; on a page whose dark lines draw
 * no table, a second pass for pale (silver) lines, each set off from the
 * paper or fill on both its sides. */
#include "read/pdf_rules.h"
#include "base/vec.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DARK 170          /* luminance below this is ink */
#define PALE 235          /* below this, pale ink: a silver rule (the pale pass) */
#define LINE_CONTRAST 16  /* a pale line is this much darker than both its sides */
#define PALE_RUN_PT 40.0  /* a pale run this long across: pale lines looked for */
#define MIN_H_PT 10.0     /* shortest horizontal rule */
#define MIN_V_PT 5.0      /* shortest vertical piece (one low row) */
#define MAX_THICK_PT 3.0  /* thicker is a filled area, not a rule */
#define MAX_RUNS 60000    /* more runs than this: a picture, not rules */

/* A run of dark pixels: across at t (row y, or column x), from a0 to a1. */
typedef struct run {
    int t, a0, a1;
} run;

typedef struct runs {
    run *r;
    size_t n, cap;
} runs;

/* A rule in pixels: runs on t0..t1 grouped, spanning a0..a1. */
typedef struct seg {
    int t0, t1, a0, a1;
} seg;

static int add_run(runs *rs, int t, int a0, int a1)
{
    if (rs->n >= MAX_RUNS)
        return -1;
    if (nb_grow(&rs->r, &rs->cap, rs->n + 1, sizeof *rs->r, 256) != 0)
        return -1;
    rs->r[rs->n++] = (run){t, a0, a1};
    return 0;
}

/* A glyph's box in pixels, within the image. */
static void box_px(const nb_pimage *im, const nb_pglyph *g, int *x0, int *y0, int *x1, int *y1)
{
    *x0 = (int)floor(g->b.x0 * im->scale), *x1 = (int)ceil(g->b.x1 * im->scale);
    *y0 = (int)floor(g->b.y0 * im->scale), *y1 = (int)ceil(g->b.y1 * im->scale);
    *x0 = *x0 < 0 ? 0 : *x0;
    *y0 = *y0 < 0 ? 0 : *y0;
    *x1 = *x1 > im->w ? im->w : *x1;
    *y1 = *y1 > im->h ? im->h : *y1;
}

/* The pixels of the boxes of g[0, n) that are ink free of text (2) become
 * ink in text (1). */
static void mark_boxes(unsigned char *m, const nb_pimage *im, const nb_pglyph *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x0, y0, x1, y1;
        box_px(im, &g[i], &x0, &y0, &x1, &y1);
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) {
                unsigned char *p = &m[(size_t)y * (size_t)im->w + (size_t)x];
                *p = *p ? 1 : 0;
            }
    }
}

/* A pixel's luminance in thousandths: 0 (black) to 255 000 (white). */
static uint32_t lum1000(uint32_t p)
{
    return ((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114;
}

enum { PALE_PX = 4 }; /* a pale pixel, while the dark map is made */

static const uint32_t *pixel_row(const nb_pimage *im, int y)
{
    return (const uint32_t *)(const void *)(im->px + (size_t)y * (size_t)im->stride);
}

/* Each pixel's luminance, 0 (black) to 255 (white). */
static unsigned char *lum_map(const nb_pimage *im)
{
    unsigned char *m = malloc((size_t)im->w * (size_t)im->h + 1);
    if (!m)
        return NULL;
    for (int y = 0; y < im->h; y++) {
        const uint32_t *row = pixel_row(im, y);
        for (int x = 0; x < im->w; x++)
            m[(size_t)y * (size_t)im->w + (size_t)x] = (unsigned char)(lum1000(row[x]) / 1000);
    }
    return m;
}

/* The longest run of PALE_PX in row[0, w), each of which becomes 0. */
static int take_pale_runs(unsigned char *row, int w)
{
    int longest = 0;
    unsigned char *p = row, *end = row + w;
    while ((p = memchr(p, PALE_PX, (size_t)(end - p))) != NULL) {
        unsigned char *q = p;
        while (q < end && *q == PALE_PX)
            *q++ = 0;
        longest = q - p > longest ? (int)(q - p) : longest;
        p = q;
    }
    return longest;
}

/* The dark pass's ink: 2 where a pixel is dark, 1 where it is dark in a
 * glyph's box, 0 else. A pale fill (a shaded header) is paper here, so it
 * never swallows the dark rules around it. *pale_run is the longest run
 * across of pale pixels (neither dark nor paper). */
static unsigned char *dark_map(const nb_pimage *im, const nb_ptext *t, int *pale_run)
{
    unsigned char *m = malloc((size_t)im->w * (size_t)im->h + 1);
    if (!m)
        return NULL;
    *pale_run = 0;
    for (int y = 0; y < im->h; y++) {
        const uint32_t *row = pixel_row(im, y);
        unsigned char *out = m + (size_t)y * (size_t)im->w;
        int pale = 0;
        for (int x = 0; x < im->w; x++) {
            if ((row[x] & 0xFFFFFF) == 0xFFFFFF) { /* paper: nearly every pixel */
                out[x] = 0;
                continue;
            }
            uint32_t v = lum1000(row[x]);
            out[x] = v < DARK * 1000 ? 2 : v < PALE * 1000 ? PALE_PX : 0;
            pale |= out[x] == PALE_PX;
        }
        int longest = pale ? take_pale_runs(out, im->w) : 0;
        *pale_run = longest > *pale_run ? longest : *pale_run;
    }
    mark_boxes(m, im, t->g, t->ng);
    return m;
}

/* The lightest pixel on one side of (x, y), 2 to k pixels away along
 * (sx, sy): the paper or fill there, past a rule's own thickness and
 * between the strokes of any text beside it (off the page: white). */
static int side_lum(const nb_pimage *im, const unsigned char *lum, int x, int y, int sx, int sy, int k)
{
    int best = 0;
    for (int d = 2; d <= k && best < 255; d++) {
        int xs = x + d * sx, ys = y + d * sy;
        int v = xs >= 0 && ys >= 0 && xs < im->w && ys < im->h ? lum[(size_t)ys * (size_t)im->w + (size_t)xs] : 255;
        best = v > best ? v : best;
    }
    return best;
}

/* The pale pass's ink for lines across (across = 1) or down: a pixel of a
 * line, pale or dark, set off from the paper or the fill on both sides of
 * it, so a shaded band is no line, and a silver rule along its edge still
 * is. 1 in a glyph's box, as above. */
static unsigned char *line_map(const nb_pimage *im, const unsigned char *lum, const nb_ptext *t, int across)
{
    size_t npx = (size_t)im->w * (size_t)im->h;
    unsigned char *m = calloc(npx ? npx : 1, 1);
    if (!m)
        return NULL;
    int k = (int)ceil(MAX_THICK_PT * im->scale) + 1, sx = !across, sy = across;
    for (int y = 0; y < im->h; y++)
        for (int x = 0; x < im->w; x++) {
            size_t i = (size_t)y * (size_t)im->w + (size_t)x;
            if (lum[i] >= PALE)
                continue;
            int a = side_lum(im, lum, x, y, -sx, -sy, k), b = side_lum(im, lum, x, y, sx, sy, k);
            m[i] = lum[i] + LINE_CONTRAST <= (a < b ? a : b) ? 2 : 0;
        }
    mark_boxes(m, im, t->g, t->ng);
    return m;
}

/* Horizontal runs row by row (a gap of one pixel bridged). */
static int runs_across(const unsigned char *m, int w, int h, int minlen, runs *out)
{
    for (int y = 0; y < h; y++) {
        const unsigned char *row = m + (size_t)y * (size_t)w;
        int x = 0;
        while (x < w) {
            if (!row[x]) {
                x++;
                continue;
            }
            int start = x, last = x, free_px = 0;
            while (x < w && (row[x] || x - last <= 1)) {
                if (row[x]) {
                    last = x;
                    free_px += row[x] == 2;
                }
                x++;
            }
            if (last - start + 1 >= minlen && free_px * 2 >= minlen && add_run(out, y, start, last) != 0)
                return -1;
        }
    }
    return 0;
}

/* Vertical runs, found a row at a time (cache-friendly), column by column. */
static int runs_down(const unsigned char *m, int w, int h, int minlen, runs *out)
{
    int *start = malloc((size_t)w * sizeof *start), *last = malloc((size_t)w * sizeof *last);
    int *free_px = calloc((size_t)w, sizeof *free_px);
    int rc = start && last && free_px ? 0 : -1;
    for (int x = 0; x < w && rc == 0; x++)
        start[x] = -1;
    for (int y = 0; y <= h && rc == 0; y++) {
        const unsigned char *row = y < h ? m + (size_t)y * (size_t)w : NULL;
        for (int x = 0; x < w && rc == 0; x++) {
            unsigned char v = row ? row[x] : 0;
            if (v) {
                if (start[x] < 0) {
                    start[x] = y;
                    free_px[x] = 0;
                }
                last[x] = y;
                free_px[x] += v == 2;
            } else if (start[x] >= 0 && (y - last[x] > 1 || !row)) {
                if (last[x] - start[x] + 1 >= minlen && free_px[x] * 2 >= minlen)
                    rc = add_run(out, x, start[x], last[x]);
                start[x] = -1;
            }
        }
    }
    free(start);
    free(last);
    free(free_px);
    return rc;
}

static int cmp_run(const void *a, const void *b)
{
    const run *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    return (x->a0 > y->a0) - (x->a0 < y->a0);
}

static int overlaps_most(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    int la = a1 - a0 + 1, lb = b1 - b0 + 1;
    return hi >= lo && 2 * (hi - lo + 1) >= (la < lb ? la : lb);
}

/* Group runs on neighbouring t into segments (sorted runs in, segs out). */
static int group_runs(const runs *rs, seg **out, size_t *nout)
{
    seg *s = NULL;
    size_t n = 0, cap = 0, open_from = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const run *r = &rs->r[i];
        while (open_from < n && s[open_from].t1 < r->t - 1)
            open_from++; /* closed for good: runs come in order of t */
        size_t j = n;
        for (size_t k = open_from; k < n; k++)
            if (s[k].t1 == r->t - 1 && overlaps_most(s[k].a0, s[k].a1, r->a0, r->a1)) {
                j = k;
                break;
            }
        if (j < n) {
            s[j].t1 = r->t;
            s[j].a0 = r->a0 < s[j].a0 ? r->a0 : s[j].a0;
            s[j].a1 = r->a1 > s[j].a1 ? r->a1 : s[j].a1;
            continue;
        }
        if (nb_grow(&s, &cap, n + 1, sizeof *s, 64) != 0) {
            free(s);
            return -1;
        }
        s[n++] = (seg){r->t, r->t, r->a0, r->a1};
    }
    *out = s;
    *nout = n;
    return 0;
}

static int cmp_rule(const void *a, const void *b)
{
    const nb_prule *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return (x->from > y->from) - (x->from < y->from);
}

static int cmp_from(const void *a, const void *b)
{
    const nb_prule *x = a, *y = b;
    return (x->from > y->from) - (x->from < y->from);
}

/* Rules at one place (within a point, chained) that touch or overlap
 * become one; sorted by place, then start. */
static void merge_rules(nb_prule *r, size_t *n)
{
    if (*n < 2)
        return;
    qsort(r, *n, sizeof *r, cmp_rule);
    size_t m = 0;
    for (size_t i = 0; i < *n;) {
        size_t j = i + 1;
        while (j < *n && r[j].at - r[j - 1].at <= 1.0)
            j++;
        qsort(r + i, j - i, sizeof *r, cmp_from); /* one band, along */
        for (size_t k = i; k < j; k++) {
            nb_prule *last = m > 0 && k > i ? &r[m - 1] : NULL;
            if (last && r[k].from <= last->to + 1.5) {
                double wl = last->to - last->from, wk = r[k].to - r[k].from;
                last->at = (last->at * wl + r[k].at * wk) / (wl + wk > 0 ? wl + wk : 1);
                last->to = r[k].to > last->to ? r[k].to : last->to;
                continue;
            }
            r[m++] = r[k];
        }
        i = j;
    }
    *n = m;
}

/* Segments thin enough to be rules, in points, joined where one continues another. */
static int to_rules(const seg *s, size_t n, double scale, nb_prule **out, size_t *nout, size_t *cap)
{
    *nout = 0;
    for (size_t i = 0; i < n; i++) {
        if ((s[i].t1 - s[i].t0 + 1) > MAX_THICK_PT * scale)
            continue;
        if (*nout >= NB_PDF_MAX_RULES)
            return 1;
        if (nb_grow(out, cap, *nout + 1, sizeof **out, 64) != 0)
            return -1;
        (*out)[(*nout)++] = (nb_prule){((s[i].t0 + s[i].t1) / 2.0 + 0.5) / scale, s[i].a0 / scale,
                                       (s[i].a1 + 1) / scale};
    }
    merge_rules(*out, nout);
    return 0;
}

/* Whether vertical rule v meets two horizontal rules or more (and is not
 * only where they meet); *kept is its part between the first and the last. */
static int meets_two(const nb_prules *r, nb_prule v, nb_prule *kept)
{
    double lo = 0, hi = 0;
    int met = 0;
    for (size_t k = 0; k < r->nh; k++) {
        const nb_prule *h = &r->h[k];
        if (v.at < h->from - NB_PDF_TOL || v.at > h->to + NB_PDF_TOL || h->at < v.from - NB_PDF_TOL ||
            h->at > v.to + NB_PDF_TOL)
            continue;
        lo = !met || h->at < lo ? h->at : lo;
        hi = !met || h->at > hi ? h->at : hi;
        met++;
    }
    *kept = (nb_prule){v.at, lo, hi};
    return met >= 2 && hi - lo > NB_PDF_TOL;
}

/* Keep the part of a vertical rule between the first and last horizontal
 * rules it meets; a vertical meeting fewer than two is not a border. */
static void keep_meeting(nb_prules *r)
{
    size_t m = 0;
    for (size_t i = 0; i < r->nv; i++)
        if (meets_two(r, r->v[i], &r->v[m]))
            m++;
    r->nv = m;
}

/* Whether the rules draw a table: two verticals or more, each meeting two
 * horizontal rules. */
static int draws_table(const nb_prules *r)
{
    size_t n = 0;
    nb_prule kept;
    for (size_t i = 0; i < r->nv && n < 2; i++)
        n += meets_two(r, r->v[i], &kept);
    return n >= 2;
}

static int rules_of(runs *rs, double scale, nb_prule **out, size_t *n, size_t *cap)
{
    seg *s = NULL;
    size_t ns = 0;
    if (rs->n)
        qsort(rs->r, rs->n, sizeof *rs->r, cmp_run);
    if (group_runs(rs, &s, &ns) != 0)
        return -1;
    int rc = to_rules(s, ns, scale, out, n, cap);
    free(s);
    return rc;
}

/* The rules one pass finds in its ink maps, for lines across and down; 1
 * with none where there are too many (not a page of tables). */
static int pass_rules(const unsigned char *m_across, const unsigned char *m_down, const nb_pimage *im, nb_prules *out)
{
    memset(out, 0, sizeof *out);
    runs across = {0}, down = {0};
    int rc = runs_across(m_across, im->w, im->h, (int)(MIN_H_PT * im->scale), &across);
    if (rc == 0)
        rc = runs_down(m_down, im->w, im->h, (int)(MIN_V_PT * im->scale), &down);
    if (rc == 0)
        rc = rules_of(&across, im->scale, &out->h, &out->nh, &out->hcap);
    if (rc == 0)
        rc = rules_of(&down, im->scale, &out->v, &out->nv, &out->vcap);
    free(across.r);
    free(down.r);
    if (rc > 0 || (rc < 0 && across.n >= MAX_RUNS) || (rc < 0 && down.n >= MAX_RUNS)) {
        out->nh = out->nv = 0; /* too many: not a page of tables */
        return 1;
    }
    if (rc < 0)
        nb_prules_free(out);
    return rc;
}

/* The pale pass: rules pale or dark, each set off from both its sides. */
static int pale_rules(const nb_pimage *im, const nb_ptext *t, nb_prules *out)
{
    memset(out, 0, sizeof *out);
    unsigned char *lum = lum_map(im), *across = NULL, *down = NULL;
    if (lum) {
        across = line_map(im, lum, t, 1);
        down = line_map(im, lum, t, 0);
    }
    int rc = across && down ? pass_rules(across, down, im, out) : -1;
    free(lum);
    free(across);
    free(down);
    return rc;
}

/* b's rules added to a's (unless there would be too many), merged where
 * they are the same line. */
static int add_rules(nb_prule **a, size_t *na, size_t *cap, const nb_prule *b, size_t nb)
{
    if (!nb || *na + nb > NB_PDF_MAX_RULES)
        return 0;
    if (nb_grow(a, cap, *na + nb, sizeof **a, 64) != 0)
        return -1;
    memcpy(*a + *na, b, nb * sizeof *b);
    *na += nb;
    merge_rules(*a, na);
    return 0;
}

int nb_pdf_find_rules(const nb_pimage *im, const nb_ptext *t, nb_prules *out)
{
    memset(out, 0, sizeof *out);
    if (im->w <= 0 || im->h <= 0)
        return 0;
    int pale_run;
    unsigned char *dark = dark_map(im, t, &pale_run);
    int rc = dark ? pass_rules(dark, dark, im, out) : -1;
    free(dark);
    nb_prules pale;
    if (rc == 0 && pale_run >= PALE_RUN_PT * im->scale && !t->faint && !draws_table(out) &&
        (rc = pale_rules(im, t, &pale)) >= 0) {
        if (rc == 0)
            rc = add_rules(&out->h, &out->nh, &out->hcap, pale.h, pale.nh);
        if (rc == 0)
            rc = add_rules(&out->v, &out->nv, &out->vcap, pale.v, pale.nv);
        nb_prules_free(&pale);
    }
    if (rc < 0) {
        nb_prules_free(out);
        return -1;
    }
    keep_meeting(out);
    return 0;
}

void nb_prules_free(nb_prules *r)
{
    free(r->h);
    free(r->v);
    memset(r, 0, sizeof *r);
}
