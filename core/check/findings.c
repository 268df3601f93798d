/* findings.c — adding findings, sorting them, and their fingerprints. */
#include "check/findings.h"
#include "base/sha256.h"
#include "model/schema.h"
#include "base/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nb_findings_free(nb_findings *f)
{
    free(f->v);
    memset(f, 0, sizeof *f);
}

nb_finding *nb_finding_add(nb_findings *out, nb_rule_id rule, nb_err *err)
{
    if (nb_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v, 16) != 0) {
        nb_err_set(err, NB_E_NOMEM, nb_tr(out->lang, "out of memory adding a finding of %s", "记录 %s 的问题时内存不足"),
                   nb_rule_get(rule)->id);
        return NULL;
    }
    nb_finding *f = &out->v[out->n++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->severity = nb_rule_get(rule)->severity;
    f->suspect = -1;
    f->section = f->section2 = f->row = f->label = -1;
    return f;
}

nb_finding *nb_finding_add_at(nb_findings *out, nb_rule_id rule, size_t off, nb_err *err)
{
    nb_finding *f = nb_finding_add(out, rule, err);
    if (f) {
        f->off = off;
        f->has_off = 1;
    }
    return f;
}

void nb_finding_add_cell(nb_finding *f, int ci)
{
    for (int i = 0; i < f->ncells; i++)
        if (f->cells[i] == ci)
            return;
    if (f->ncells < NB_FCELLS)
        f->cells[f->ncells++] = ci;
}

void nb_finding_point_at_cell(const nb_report *r, nb_finding *f, int ci)
{
    nb_finding_add_cell(f, ci);
    f->suspect = ci;
    if (r->cells[ci].has_span) {
        f->off = r->cells[ci].off;
        f->has_off = 1;
    }
}

static int cmp_finding(const void *a, const void *b)
{
    const nb_finding *x = a, *y = b;
    size_t ox = x->has_off ? x->off : 0, oy = y->has_off ? y->off : 0;
    if (ox != oy)
        return ox < oy ? -1 : 1;
    if (x->rule != y->rule)
        return (int)x->rule - (int)y->rule;
    return (x->suspect > y->suspect) - (x->suspect < y->suspect);
}

/* Does every finding of f come after the one before it (or tie with it)? */
static int in_order(const nb_findings *f)
{
    for (size_t i = 1; i < f->n; i++)
        if (cmp_finding(&f->v[i - 1], &f->v[i]) > 0)
            return 0;
    return 1;
}

/* A list already in order is left as it is: qsort would leave it so (glibc's
 * merge sort keeps ties in order; test_checks_fast says so if it stops).
 * check sorts a report's findings, then its caller the list again with the
 * year before's and the review's added: mostly none, the list in order. */
void nb_findings_sort(nb_findings *f)
{
    if (f->n > 1 && !in_order(f))
        qsort(f->v, f->n, sizeof *f->v, cmp_finding);
}

void nb_date_iso(nb_date d, char out[16])
{
    if (d.y < 0 || d.y > 9999 || d.m < 0 || d.m > 99 || d.d < 0 || d.d > 99) { /* no date a report has */
        snprintf(out, 16, "%04d-%02d-%02d", d.y, d.m, d.d);
        return;
    }
    const int v[3] = {d.y, d.m, d.d}, width[3] = {4, 2, 2};
    char *p = out;
    for (int k = 0; k < 3; k++) { /* as %04d-%02d-%02d writes it */
        if (k)
            *p++ = '-';
        for (int i = width[k] - 1, x = v[k]; i >= 0; i--, x /= 10)
            p[i] = (char)('0' + x % 10);
        p += width[k];
    }
    *p = '\0';
}

/* ---------------------------------------------------------------- fingerprints */

static const char *const claim_keys[NB_NCLAIMS] = {
    "received", "received+carried", "carried", "handled", "review", "suit", "issued", "in_force", "accepted",
    "carried_out", "granted", "partial", "denied", "unable", "refused", "other", "review_upheld",
    "review_corrected", "suit_upheld", "suit_corrected", "repealed", "licensing", "penalty", "coercion",
    "natural"};

static void label_key(const nb_report *r, const nb_finding *f, char *out, size_t cap)
{
    const nb_label *lb = &r->labels[f->label];
    snprintf(out, cap, "%s\x1f%s", lb->found, lb->standard);
}

static void structure_key(const nb_finding *f, char *out, size_t cap)
{
    if (f->part == NB_PART_SECTION)
        snprintf(out, cap, "section\x1f%s", nb_section_title(f->section, NB_LANG_ZH));
    else if (f->part == NB_PART_TABLE)
        snprintf(out, cap, "table\x1f%s", nb_table_name(f->table, NB_LANG_EN));
}

/* The rules of the reviewer's rulebook: their form, words, the text they
 * quote (never where it is: a print survives an edit elsewhere), what is
 * missing, the dates and numbers they compare. */
static void rulebook_key(const nb_report *r, const nb_finding *f, char *out, size_t cap)
{
    char a[16], b[16];
    nb_date_iso(f->date[0], a);
    nb_date_iso(f->date[1], b);
    snprintf(out, cap, "%d\x1f%s\x1f%s\x1f%.*s\x1f%.*s\x1f%u\x1f%d\x1f%s\x1f%s", (int)f->form,
             f->word ? f->word : "", f->word2 ? f->word2 : "", (int)(f->text.len < 160 ? f->text.len : 160),
             r->doc.text + f->text.off, (int)(f->claim_len < 160 ? f->claim_len : 160), r->doc.text + f->claim_off,
             f->mask, f->section, a, b);
}

/* What tells apart two findings of one rule that name no cell: the section,
 * table, label, dates or claim they are about, as the text these prints
 * were first made from ("section\x1f一、总体情况", "table\x1fT3"); review
 * files keep the prints, so these bytes never change. */
static void subject_key(const nb_report *r, const nb_finding *f, char out[512])
{
    char a[16], b[16];
    out[0] = '\0';
    switch (f->rule) {
    case NB_RULE_LABEL_DEVIATES:
        label_key(r, f, out, 256);
        break;
    case NB_RULE_STRUCT_MISSING:
        structure_key(f, out, 256);
        break;
    case NB_RULE_STRUCT_ORDER:
        snprintf(out, 256, "%s\x1f%s", nb_section_title(f->section, NB_LANG_ZH),
                 nb_section_title(f->section2, NB_LANG_ZH));
        break;
    case NB_RULE_YEAR_MISMATCH:
        nb_date_iso(f->date[0], a);
        nb_date_iso(f->date[1], b);
        snprintf(out, 256, "%d\x1f%s\x1f%s", f->year, a, b);
        break;
    case NB_RULE_DATE_LATE:
        nb_date_iso(f->date[0], a);
        nb_date_iso(f->date[1], b);
        snprintf(out, 256, "%s\x1f%s\x1f%d", a, b, f->government);
        break;
    case NB_RULE_TEXT_TABLE_MISMATCH:
        snprintf(out, 256, "%s", claim_keys[f->claim]);
        break;
    case NB_RULE_TEXT_PARTS_EXCEED:
    case NB_RULE_TEXT_RATE: /* the claim quoted: each its own */
        snprintf(out, 512, "%.*s", (int)(f->claim_len < 400 ? f->claim_len : 400), r->doc.text + f->claim_off);
        break;
    case NB_RULE_T3_BALANCE:
    case NB_RULE_T3_RESULTS_SUM:
    case NB_RULE_T3_ROW_TOTAL:
    case NB_RULE_T4_GROUP_TOTAL:
    case NB_RULE_CELL_BLANK:
    case NB_RULE_CELL_NOT_NUMBER:
    case NB_RULE_YEAR_CARRY:
    case NB_RULE_YEAR_IN_FORCE:
        break;
    case NB_RULE_REVIEW_STALE:
        snprintf(out, 256, "%d\x1f%s\x1f%d", f->stale.kind, f->stale.cell ? f->stale.cell : "", f->stale.line);
        break;
    default:
        rulebook_key(r, f, out, 512);
        break;
    }
}

/* The bytes a print hashes, gathered to be hashed at once: what does not
 * fit in b is hashed first (whole: nothing was). */
typedef struct fp_bytes {
    nb_sha256 s;
    char b[1024];
    size_t n;
    int whole;
} fp_bytes;

/* p[0, len) after the bytes gathered. */
static void gather(fp_bytes *g, const char *p, size_t len)
{
    if (g->n + len > sizeof g->b) {
        nb_sha256_update(&g->s, g->b, g->n);
        g->n = 0;
        g->whole = 0;
    }
    if (len > sizeof g->b) {
        nb_sha256_update(&g->s, p, len);
        g->whole = 0;
        return;
    }
    memcpy(g->b + g->n, p, len);
    g->n += len;
}

/* The bytes f's print hashes: the rule, then |ID for each cell (sorted:
 * the same cells give the same print), or (no cell) the subject. */
static void print_bytes(const nb_report *r, const nb_finding *f, fp_bytes *g)
{
    const char *rule = nb_rule_get(f->rule)->id;
    const char *ids[NB_FCELLS];
    int k = f->ncells;
    for (int i = 0; i < k; i++) {
        const char *id = nb_schema_cell_name(r->schema, f->cells[i]);
        int j = i;
        for (; j > 0 && strcmp(ids[j - 1], id) > 0; j--)
            ids[j] = ids[j - 1];
        ids[j] = id;
    }
    nb_sha256_init(&g->s);
    g->n = 0;
    g->whole = 1;
    gather(g, rule, strlen(rule));
    for (int i = 0; i < k; i++) {
        gather(g, "|", 1);
        gather(g, ids[i], strlen(ids[i]));
    }
    if (!k) {
        if (g->n > sizeof g->b - 512) {
            nb_sha256_update(&g->s, g->b, g->n);
            g->n = 0;
            g->whole = 0;
        }
        subject_key(r, f, g->b + g->n);
        g->n += strlen(g->b + g->n);
    }
}

/* ---------------------------------------------------------------- the memo of prints */

/* The prints' memo (base/memo.h): room for this many entries and bytes;
 * a print's bytes under FP_BYTES (no owner), a finding's cells under
 * FP_CELLS (its schema the owner: one of the formats', never freed). */
#define FP_SLOTS 2048
#define FP_ARENA ((size_t)128 << 10)
#define FP_LEN 17 /* a print and its NUL */
enum { FP_BYTES = 1, FP_CELLS };

nb_memo *nb_fp_memo_new(void)
{
    return nb_memo_new(FP_SLOTS, FP_ARENA);
}

void nb_fp_memo_free(nb_memo *m)
{
    nb_memo_free(m);
}

/* The print kept in m under owner, kind and k[0, n) into out: 1, or 0
 * when m has none. */
static int memo_print(const nb_memo *m, const void *owner, int kind, const void *k, size_t n, char out[24])
{
    size_t vlen;
    const char *fp = nb_memo_get(m, owner, kind, k, n, &vlen);
    if (!fp)
        return 0;
    memcpy(out, fp, FP_LEN);
    return 1;
}

/* Keep the print fp in m under owner, kind and k[0, n) (when it fits). */
static void memo_keep(nb_memo *m, const void *owner, int kind, const void *k, size_t n, const char *fp)
{
    char *v = nb_memo_put(m, owner, kind, k, n, FP_LEN);
    if (v)
        memcpy(v, fp, FP_LEN);
}

/* The print of f made from the bytes it hashes, taken from m (may be
 * NULL) when it has them. */
static void print_of_bytes(nb_memo *m, const nb_report *r, const nb_finding *f, char out[24])
{
    fp_bytes g;
    print_bytes(r, f, &g);
    int keep = m && g.whole; /* the bytes are all in b: the print of a key */
    if (keep && memo_print(m, NULL, FP_BYTES, g.b, g.n, out))
        return;
    nb_sha256_update(&g.s, g.b, g.n);
    unsigned char d[32];
    nb_sha256_final(&g.s, d);
    nb_hex(d, 8, out);
    if (keep)
        memo_keep(m, NULL, FP_BYTES, g.b, g.n, out);
}

void nb_finding_fingerprint_memo(nb_memo *m, const nb_report *r, const nb_finding *f, char out[24])
{
    if (!m || f->ncells <= 0 || f->ncells > NB_FCELLS) {
        print_of_bytes(m, r, f, out);
        return;
    }
    /* a print of cells told by the rule and the cells' indices, without their IDs gathered */
    int k[2 + NB_FCELLS];
    k[0] = (int)f->rule;
    k[1] = f->ncells;
    memcpy(k + 2, f->cells, (size_t)f->ncells * sizeof f->cells[0]);
    size_t n = (size_t)(2 + f->ncells) * sizeof k[0];
    if (memo_print(m, r->schema, FP_CELLS, k, n, out))
        return;
    print_of_bytes(m, r, f, out);
    memo_keep(m, r->schema, FP_CELLS, k, n, out);
}

void nb_finding_fingerprint(const nb_report *r, const nb_finding *f, char out[24])
{
    nb_finding_fingerprint_memo(NULL, r, f, out);
}
