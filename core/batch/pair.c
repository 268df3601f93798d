/* pair.c — the cross-year pairing of a batch: reports sorted by body and
 * year, each paired with its body's report for the year before. */
#include "batch/pair.h"
#include "read/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int out_of_memory(const nb_pairing *p, nb_err *err)
{
    return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(p->lang, "out of memory", "内存不足"));
}

static int cmp_body_year(const void *a, const void *b)
{
    const nb_pair_slot *x = *(nb_pair_slot *const *)a, *y = *(nb_pair_slot *const *)b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->year != y->year)
        return x->year - y->year;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

void nb_pick_offer(nb_pick *k, size_t idx, const char *parent)
{
    if (k->two || !nb_body_parents_agree(parent, k->parent))
        return;
    if (k->found && !nb_body_parents_agree(k->found_parent, parent))
        k->two = 1; /* two bodies it could be */
    else if (!k->found) {
        k->found = 1;
        k->idx = idx;
        k->found_parent = parent;
    }
}

long nb_pick_result(const nb_pick *k)
{
    return k->found && !k->two ? (long)k->idx : -1;
}

/* The first place in the sorted slots of b's key and the year before b's
 * (a binary search; nsorted when there is none). */
static size_t first_of_year_before(const nb_pairing *p, const nb_pair_slot *b)
{
    size_t lo = 0, hi = p->nsorted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(p->sorted[mid]->key, b->key);
        if (c < 0 || (c == 0 && p->sorted[mid]->year < b->year - 1))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether sorted slot at is of b's body for the year before b's. */
static int of_year_before(const nb_pairing *p, size_t at, const nb_pair_slot *b)
{
    return at < p->nsorted && !strcmp(p->sorted[at]->key, b->key) && p->sorted[at]->year == b->year - 1;
}

/* The slot of the same body for the year before, or NULL: the reports of
 * that year offered in turn from the first. */
static nb_pair_slot *year_before(const nb_pairing *p, const nb_pair_slot *b)
{
    if (!p->nsorted || !b->key[0])
        return NULL;
    nb_pick k = {.parent = b->parent};
    for (size_t lo = first_of_year_before(p, b); of_year_before(p, lo, b); lo++)
        nb_pick_offer(&k, p->sorted[lo]->idx, p->sorted[lo]->parent);
    long at = nb_pick_result(&k);
    return at < 0 ? NULL : &p->slots[at];
}

long nb_pairing_also(const nb_pairing *p, size_t i, size_t *count)
{
    const nb_pair_slot *prev = i < p->n ? year_before(p, &p->slots[i]) : NULL;
    long first = -1;
    *count = 0;
    if (!prev)
        return -1;
    const nb_pair_slot *b = &p->slots[i];
    for (size_t at = first_of_year_before(p, b); of_year_before(p, at, b); at++) {
        const nb_pair_slot *s = p->sorted[at];
        if (s != prev && nb_body_parents_agree(s->parent, b->parent) && (*count)++ == 0)
            first = (long)s->idx;
    }
    return first;
}

/* The slots of n reports, none identified yet. */
static int slots_new(nb_pairing *p, char *const *paths, size_t n, nb_lang lang, nb_err *err)
{
    memset(p, 0, sizeof *p);
    p->paths = paths;
    p->n = n;
    p->lang = lang;
    p->slots = calloc(n ? n : 1, sizeof *p->slots);
    p->sorted = calloc(n ? n : 1, sizeof *p->sorted);
    if (p->slots && p->sorted)
        return 0;
    nb_pairing_free(p);
    return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(lang, "out of memory", "内存不足"));
}

/* Slot s's body and year told: in the sorted slots when both are known. */
static void slot_known(nb_pairing *p, nb_pair_slot *s, int year)
{
    s->year = year;
    if (s->key[0] && s->year)
        p->sorted[p->nsorted++] = s;
}

/* Report i is of agency for year. */
static void identified(nb_pairing *p, size_t i, const char *agency, int year)
{
    nb_pair_slot *s = &p->slots[i];
    nb_body_key(agency, s->key, sizeof s->key, s->parent, sizeof s->parent);
    slot_known(p, s, year);
}

/* The identified reports sorted, and each year before marked needed. */
static void pair_sorted(nb_pairing *p)
{
    qsort(p->sorted, p->nsorted, sizeof *p->sorted, cmp_body_year);
    for (size_t k = 0; k < p->nsorted; k++) {
        nb_pair_slot *prev = year_before(p, p->sorted[k]);
        if (prev)
            prev->needed = 1;
    }
}

/* The cheap pass: body and year of each report from its title. */
static void identify_all(nb_pairing *p, const nb_ctx *ctx)
{
    for (size_t i = 0; i < p->n; i++) {
        char agency[256];
        int year;
        nb_err ignored; /* a report that cannot be read is reported when it is read in full */
        p->slots[i].idx = i;
        if (nb_report_identify(p->paths[i], ctx, agency, sizeof agency, &year, &ignored) == 0)
            identified(p, i, agency, year);
    }
}

int nb_pairing_init(nb_pairing *p, char *const *paths, size_t n, const nb_ctx *ctx, nb_err *err)
{
    if (slots_new(p, paths, n, ctx->lang, err) != 0)
        return -1;
    identify_all(p, ctx);
    pair_sorted(p);
    return 0;
}

int nb_pairing_start(nb_pairing *p, size_t n, nb_lang lang, nb_err *err)
{
    if (slots_new(p, NULL, n, lang, err) != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        p->slots[i].idx = i;
    return 0;
}

void nb_pairing_identified(nb_pairing *p, size_t i, const char *agency, int year)
{
    if (i < p->n)
        identified(p, i, agency, year);
}

void nb_pairing_identified_body(nb_pairing *p, size_t i, const char *key, const char *parent, int year)
{
    if (i >= p->n)
        return;
    nb_pair_slot *s = &p->slots[i];
    snprintf(s->key, sizeof s->key, "%s", key);
    snprintf(s->parent, sizeof s->parent, "%s", parent);
    slot_known(p, s, year);
}

void nb_pairing_sort(nb_pairing *p)
{
    pair_sorted(p);
}

void nb_pairing_free(nb_pairing *p)
{
    for (size_t i = 0; p->slots && i < p->n; i++)
        free(p->slots[i].summary);
    free(p->slots);
    free(p->sorted);
    memset(p, 0, sizeof *p);
}

long nb_pairing_prev(const nb_pairing *p, size_t i)
{
    const nb_pair_slot *prev = i < p->n ? year_before(p, &p->slots[i]) : NULL;
    return prev ? (long)prev->idx : -1;
}

/* Read the report of s now and keep its summary; a report that cannot be
 * read keeps none. */
static int read_summary(nb_pairing *p, nb_pair_slot *s, const nb_ctx *ctx, nb_err *err)
{
    nb_report r;
    nb_err ignored; /* said when the report's own turn comes */
    if (nb_report_open(&r, p->paths[s->idx], ctx, &ignored) != 0)
        return 0;
    s->summary = malloc(sizeof *s->summary);
    if (s->summary)
        nb_summarize(&r, s->summary);
    nb_report_free(&r);
    return s->summary ? 0 : out_of_memory(p, err);
}

int nb_pairing_prev_summary(nb_pairing *p, size_t i, const nb_ctx *ctx, const nb_summary **out, nb_err *err)
{
    *out = NULL;
    nb_pair_slot *prev = i < p->n ? year_before(p, &p->slots[i]) : NULL;
    if (!prev)
        return 0;
    if (!prev->summary && read_summary(p, prev, ctx, err) != 0)
        return -1;
    *out = prev->summary;
    return 0;
}

int nb_pairing_keep(nb_pairing *p, size_t i, const nb_summary *s, nb_err *err)
{
    if (i >= p->n || !p->slots[i].needed)
        return 0;
    nb_pair_slot *slot = &p->slots[i];
    if (!slot->summary && !(slot->summary = malloc(sizeof *slot->summary)))
        return out_of_memory(p, err);
    *slot->summary = *s;
    return 0;
}

int nb_pairing_check(nb_pairing *p, size_t i, const nb_report *r, const nb_ctx *ctx, nb_findings *out,
                     nb_err *err)
{
    if (i >= p->n)
        return 0;
    nb_pair_slot *s = &p->slots[i];
    const nb_summary *prev;
    if (!s->needed && !year_before(p, s))
        return 0;
    nb_summary cur;
    nb_summarize(r, &cur);
    out->lang = p->lang;
    if ((!s->summary && nb_pairing_keep(p, i, &cur, err) != 0) || nb_pairing_prev_summary(p, i, ctx, &prev, err) != 0)
        return -1;
    return prev ? nb_check_years(prev, &cur, r->schema, out, err) : 0;
}
