/* pdf_rules.c — ruling lines from the pixels of a rendered page: dark runs
 * across (horizontal) and down (vertical), grouped over neighbouring pixel
 * rows into lines, merged where one continues another, verticals kept
 * between the horizontal rules they meet. */
#include "read/pdf_rules.h"
#include "base/vec.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DARK 170          /* luminance below this is ink */
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

/* ink: 1 where the pixel is dark, 2 where it is dark and not in a glyph's box */
static unsigned char *ink_map(const nb_pimage *im, const nb_pglyph *g, size_t ng)
{
    size_t npx = (size_t)im->w * (size_t)im->h;
    unsigned char *m = malloc(npx ? npx : 1);
    if (!m)
        return NULL;
    for (int y = 0; y < im->h; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(im->px + (size_t)y * (size_t)im->stride);
        unsigned char *out = m + (size_t)y * (size_t)im->w;
        for (int x = 0; x < im->w; x++) {
            uint32_t p = row[x] & 0xFFFFFF;
            out[x] = p != 0xFFFFFF && ((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114 < DARK * 1000
                         ? 2
                         : 0;
        }
    }
    for (size_t i = 0; i < ng; i++) {
        int x0 = (int)floor(g[i].b.x0 * im->scale), x1 = (int)ceil(g[i].b.x1 * im->scale);
        int y0 = (int)floor(g[i].b.y0 * im->scale), y1 = (int)ceil(g[i].b.y1 * im->scale);
        x0 = x0 < 0 ? 0 : x0;
        y0 = y0 < 0 ? 0 : y0;
        x1 = x1 > im->w ? im->w : x1;
        y1 = y1 > im->h ? im->h : y1;
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) {
                unsigned char *p = &m[(size_t)y * (size_t)im->w + (size_t)x];
                *p = *p ? 1 : 0;
            }
    }
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

/* Keep the part of a vertical rule between the first and last horizontal
 * rules it meets; a vertical meeting fewer than two is not a border. */
static void keep_meeting(nb_prules *r)
{
    size_t m = 0;
    for (size_t i = 0; i < r->nv; i++) {
        nb_prule v = r->v[i];
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
        if (met >= 2 && hi - lo > NB_PDF_TOL)
            r->v[m++] = (nb_prule){v.at, lo, hi};
    }
    r->nv = m;
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

int nb_pdf_find_rules(const nb_pimage *im, const nb_pglyph *g, size_t ng, nb_prules *out)
{
    memset(out, 0, sizeof *out);
    if (im->w <= 0 || im->h <= 0)
        return 0;
    unsigned char *m = ink_map(im, g, ng);
    if (!m)
        return -1;
    runs across = {0}, down = {0};
    int rc = runs_across(m, im->w, im->h, (int)(MIN_H_PT * im->scale), &across);
    if (rc == 0)
        rc = runs_down(m, im->w, im->h, (int)(MIN_V_PT * im->scale), &down);
    free(m);
    if (rc == 0)
        rc = rules_of(&across, im->scale, &out->h, &out->nh, &out->hcap);
    if (rc == 0)
        rc = rules_of(&down, im->scale, &out->v, &out->nv, &out->vcap);
    free(across.r);
    free(down.r);
    if (rc > 0 || (rc < 0 && across.n >= MAX_RUNS) || (rc < 0 && down.n >= MAX_RUNS)) {
        out->nh = out->nv = 0; /* too many: not a page of tables */
        return 0;
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
