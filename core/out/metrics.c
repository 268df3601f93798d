/* metrics.c — a report's metrics: counts read from its cells by the IDs
 * of the format, rates between them, its findings counted and its review's
 * state; and the metrics as JSON members, a CSV row and a table row. */
#include "out/metrics.h"
#include "out/table.h"
#include "base/glob.h"
#include "review/review.h"

#include <limits.h>
#include <string.h>

/* The cells each count adds up (IDs or patterns), and its key. */
static const struct {
    const char *key;
    const char *cells[2];
} counts[NB_M_NCOUNTS] = {
    [NB_M_NEW] = {"new", {"t3.new.total"}},
    [NB_M_HANDLED] = {"handled", {"t3.total.total"}},
    [NB_M_CARRIED_OUT] = {"carried_out", {"t3.carried_out.total"}},
    [NB_M_GRANTED] = {"granted", {"t3.granted.total"}},
    [NB_M_PARTIAL] = {"partial", {"t3.partial.total"}},
    [NB_M_DENIED] = {"denied", {"t3.deny.*.total"}},
    [NB_M_REVIEW_CORRECTED] = {"review_corrected", {"t4.review.corrected"}},
    [NB_M_REVIEW_TOTAL] = {"review_total", {"t4.review.total"}},
    [NB_M_SUIT_CORRECTED] = {"suit_corrected", {"t4.suit_direct.corrected", "t4.suit_after.corrected"}},
    [NB_M_SUIT_TOTAL] = {"suit_total", {"t4.suit_direct.total", "t4.suit_after.total"}},
};

/* Each rate: the counts over one count. */
static const struct {
    const char *key;
    int num[2], nnum, den;
} rates[NB_NRATES] = {
    [NB_RATE_DISCLOSURE] = {"disclosure_rate", {NB_M_GRANTED, NB_M_PARTIAL}, 2, NB_M_HANDLED},
    [NB_RATE_DENIAL] = {"denial_rate", {NB_M_DENIED}, 1, NB_M_HANDLED},
    [NB_RATE_REVIEW] = {"review_correction_rate", {NB_M_REVIEW_CORRECTED}, 1, NB_M_REVIEW_TOTAL},
    [NB_RATE_SUIT] = {"suit_correction_rate", {NB_M_SUIT_CORRECTED}, 1, NB_M_SUIT_TOTAL},
};

static const char *const state_words[][3] = {
    {"not_started", "not started", "未开始"},
    {"in_progress", "in progress", "进行中"},
    {"done", "done", "已完成"},
};

const char *nb_review_state_name(nb_review_state s)
{
    return state_words[s][0];
}

const char *nb_review_state_label(nb_review_state s, nb_lang lang)
{
    return state_words[s][lang == NB_LANG_ZH ? 2 : 1];
}

/* A cell as a count: a whole number not below 0; a placeholder (/, -, 无)
 * says none: 0. A blank cell says nothing: no count. */
static int cell_count(const nb_cell *c, long long *v)
{
    if (c->status == NB_ST_PLACEHOLDER) {
        *v = 0;
        return 0;
    }
    if ((c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED) || !nb_num_is_int(c->num) || c->num.v < 0)
        return -1;
    long long x = c->num.v;
    for (int k = 0; k < c->num.scale; k++)
        x /= 10;
    *v = x;
    return 0;
}

static void add_known(nb_known *sum, long long v)
{
    if (sum->known && __builtin_add_overflow(sum->v, v, &sum->v))
        sum->known = 0;
}

/* Cell c into the sum: unknown when it is not a count. */
static void add_cell(const nb_cell *c, nb_known *sum, int *found)
{
    long long v;
    (*found)++;
    if (cell_count(c, &v) != 0)
        sum->known = 0;
    else
        add_known(sum, v);
}

/* The cells pattern names in s after the n of out (cap), in order
 * ("t3.deny.*.total": rows by pattern, then the column by its key; a cell
 * ID, the schema's index of it); their number then. */
static int cells_named(const nb_schema *s, const char *pattern, short *out, int n, int cap)
{
    if (!nb_glob_is_pattern(pattern)) {
        int ci = nb_schema_find_cell(s, pattern);
        if (ci >= 0 && n < cap)
            out[n++] = (short)ci;
        return n;
    }
    const char *dot = strrchr(pattern, '.');
    char rowpat[64];
    if (!dot || (size_t)(dot - pattern) >= sizeof rowpat)
        return n;
    memcpy(rowpat, pattern, (size_t)(dot - pattern));
    rowpat[dot - pattern] = '\0';
    size_t lit = 0; /* the pattern's first bytes before a star, up to 4: most rows told apart by them */
    while (lit < 4 && rowpat[lit] && rowpat[lit] != '*')
        lit++;
    for (int row = 0, first = 0; row < s->nrows; first += s->rows[row++].ncols) { /* first: the row's first cell */
        const char *id = s->rows[row].id;
        size_t k = 0;
        while (k < lit && id[k] == rowpat[k])
            k++;
        if (k < lit || !nb_glob_match(rowpat, id))
            continue;
        for (int c = 0; c < s->rows[row].ncols; c++) {
            if (strcmp(s->rows[row].cols[c].key, dot + 1) == 0 && n < cap)
                out[n++] = (short)(first + c);
        }
    }
    return n;
}

void nb_metrics_plan_make(nb_metrics_plan *p, const nb_schema *s)
{
    for (int k = 0; k < NB_M_NCOUNTS; k++) {
        p->n[k] = 0;
        for (int i = 0; i < 2 && counts[k].cells[i]; i++)
            p->n[k] = cells_named(s, counts[k].cells[i], p->cells[k], p->n[k], NB_M_PLAN_CELLS);
    }
}

/* The sum of count k's cells (p); unknown when one is not a count or none
 * is in the report. */
static nb_known count_of(const nb_report *r, const nb_metrics_plan *p, int k)
{
    nb_known sum = {1, 0};
    int found = 0;
    for (int i = 0; i < p->n[k]; i++)
        if (p->cells[k][i] < r->ncells)
            add_cell(&r->cells[p->cells[k][i]], &sum, &found);
    if (!found)
        sum.known = 0;
    return sum;
}

/* num / den (den > 0) in tenths of a percent, rounded half up, into *out;
 * -1 when that is past what a long long holds (a count near its limit over
 * a small one). */
static int tenths_of_percent(long long num, long long den, long long *out)
{
    if (num >= 0 && den <= LLONG_MAX / 2 && num <= (LLONG_MAX - den) / 2000) { /* num * 2000 + den fits */
        *out = (num * 2000 + den) / (2 * den);
        return 0;
    }
    long double q = (long double)num * 1000 / den + 0.5L;
    if (!(q < 0x1p63L && q >= -0x1p63L))
        return -1;
    *out = (long long)q;
    return 0;
}

static nb_known rate_of(const nb_metrics *m, int k)
{
    nb_known num = {1, 0}, rate = {0, 0};
    for (int i = 0; i < rates[k].nnum; i++) {
        const nb_known *c = &m->count[rates[k].num[i]];
        num.known &= c->known;
        add_known(&num, c->v);
    }
    const nb_known *den = &m->count[rates[k].den];
    if (num.known && den->known && den->v > 0)
        rate.known = tenths_of_percent(num.v, den->v, &rate.v) == 0;
    return rate;
}

/* The decision on f in rv, or NULL. */
static const nb_rv_entry *decision_of(const nb_report *r, const nb_finding *f, const nb_review *rv)
{
    char fp[24];
    nb_finding_fingerprint(r, f, fp);
    return nb_review_decision(rv, fp);
}

void nb_metrics_count(const nb_report *r, const nb_findings *fs, const nb_review *rv, long cnt[3])
{
    cnt[0] = cnt[1] = cnt[2] = 0;
    for (size_t k = 0; fs && k < fs->n; k++) {
        const nb_rv_entry *d = rv ? decision_of(r, &fs->v[k], rv) : NULL;
        if (!d || d->state != NB_DEC_DISMISSED)
            cnt[fs->v[k].severity]++;
    }
}

/* The state of the review: how many findings of error weight it decided. */
static void review_state(const nb_report *r, const nb_findings *fs, const nb_review *rv, nb_metrics *m)
{
    m->decided = m->to_decide = 0;
    for (size_t k = 0; fs && k < fs->n; k++) {
        if (fs->v[k].severity != NB_SEV_ERROR)
            continue;
        m->to_decide++;
        const nb_rv_entry *d = rv ? decision_of(r, &fs->v[k], rv) : NULL;
        m->decided += d && d->state != NB_DEC_OPEN;
    }
    if (!rv || !rv->n)
        m->review = NB_REVIEW_NOT_STARTED;
    else
        m->review = m->decided == m->to_decide ? NB_REVIEW_DONE : NB_REVIEW_IN_PROGRESS;
}

/* s into out (cap bytes), cut to fit as snprintf cuts it. */
static void copy_cut(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

void nb_metrics_of(const nb_report *r, const nb_findings *fs, const nb_review *rv, nb_metrics *m)
{
    nb_metrics_plan p;
    nb_metrics_plan_make(&p, r->schema);
    nb_metrics_of_plan(r, fs, rv, &p, m);
}

void nb_metrics_of_plan(const nb_report *r, const nb_findings *fs, const nb_review *rv, const nb_metrics_plan *p,
                        nb_metrics *m)
{
    memset(m, 0, sizeof *m);
    copy_cut(m->file, sizeof m->file, r->doc.path);
    copy_cut(m->agency, sizeof m->agency, r->agency);
    m->year = r->year;
    for (int k = 0; k < NB_M_NCOUNTS; k++)
        m->count[k] = count_of(r, p, k);
    for (int k = 0; k < NB_NRATES; k++)
        m->rate[k] = rate_of(m, k);
    nb_metrics_count(r, fs, rv, m->findings);
    review_state(r, fs, rv, m);
}

/* ------------------------------------------------------------ writing */

/* v in decimal at out (room for 21 bytes), as %lld writes it; the end. */
static char *put_ll(char *out, long long v)
{
    if (v < 0)
        *out++ = '-';
    return nb_uint_at(out, (size_t)(v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v));
}

/* A count as text ("12"), a rate ("85.7"); unknown: none (""). */
static void known_text(nb_known k, int is_rate, char *out, size_t cap)
{
    char b[48], *e = b;
    if (k.known && is_rate) {
        e = put_ll(e, k.v / 10);
        *e++ = '.';
        e = put_ll(e, k.v % 10);
    } else if (k.known) {
        e = put_ll(e, k.v);
    }
    *e = '\0';
    snprintf(out, cap, "%s", b);
}

/* The metrics after the file, agency and year, in the order of the CSV
 * header: each as "key" and its text ("" unknown; quoted: a string). */
static int metric_field(const nb_metrics *m, int i, const char **key, char *text, size_t cap, int *quoted)
{
    static const char *const tail[] = {"errors", "warnings", "info", "review", "decided", "to_decide"};
    const long tail_v[] = {m->findings[NB_SEV_ERROR], m->findings[NB_SEV_WARNING], m->findings[NB_SEV_INFO], 0,
                           m->decided, m->to_decide};
    *quoted = 0;
    if (i < NB_M_NCOUNTS) {
        *key = counts[i].key;
        known_text(m->count[i], 0, text, cap);
    } else if ((i -= NB_M_NCOUNTS) < NB_NRATES) {
        *key = rates[i].key;
        known_text(m->rate[i], 1, text, cap);
    } else if ((i -= NB_NRATES) < 6) {
        *key = tail[i];
        *quoted = i == 3;
        if (*quoted)
            snprintf(text, cap, "%s", nb_review_state_name(m->review));
        else
            *put_ll(text, tail_v[i]) = '\0';
    } else {
        return 0;
    }
    return 1;
}

void nb_put_metrics_json(nb_writer *w, const nb_metrics *m)
{
    const char *key;
    char text[64];
    int quoted;
    for (int i = 0; metric_field(m, i, &key, text, sizeof text, &quoted); i++) {
        nb_puts(w, i ? ",\"" : "\"");
        nb_puts(w, key);
        nb_put(w, "\":", 2);
        if (quoted)
            nb_put_json_cstr(w, text);
        else
            nb_puts(w, text[0] ? text : "null");
    }
}

int nb_metrics_json(FILE *out, const nb_metrics *m)
{
    nb_writer w = nb_writer_to(NULL);
    nb_puts(&w, "{\"file\":");
    nb_put_json_cstr(&w, m->file);
    nb_puts(&w, ",\"agency\":");
    if (m->agency[0])
        nb_put_json_cstr(&w, m->agency);
    else
        nb_puts(&w, "null");
    if (m->year)
        nb_putf(&w, ",\"year\":%d,", m->year);
    else
        nb_puts(&w, ",\"year\":null,");
    nb_put_metrics_json(&w, m);
    nb_puts(&w, "}\n");
    return nb_writer_end(&w, out);
}

int nb_metrics_csv_header(FILE *out)
{
    nb_writer w = nb_writer_to(out);
    nb_metrics none;
    memset(&none, 0, sizeof none);
    const char *key;
    char text[64];
    int quoted;
    nb_puts(&w, "file,agency,year");
    for (int i = 0; metric_field(&none, i, &key, text, sizeof text, &quoted); i++)
        nb_putf(&w, ",%s", key);
    nb_puts(&w, "\r\n");
    return nb_writer_end(&w, out);
}

int nb_metrics_csv(FILE *out, const nb_metrics *m)
{
    nb_writer w = nb_writer_to(out);
    const char *key;
    char text[64];
    int quoted;
    nb_put_csv(&w, m->file, strlen(m->file));
    nb_puts(&w, ",");
    nb_put_csv(&w, m->agency, strlen(m->agency));
    nb_puts(&w, ",");
    if (m->year)
        nb_putf(&w, "%d", m->year);
    for (int i = 0; metric_field(m, i, &key, text, sizeof text, &quoted); i++)
        nb_putf(&w, ",%s", text);
    nb_puts(&w, "\r\n");
    return nb_writer_end(&w, out);
}

/* ------------------------------------------------------------ the table */

enum { COL_FILE, COL_AGENCY, COL_YEAR, COL_RATES = 6, COL_FINDINGS = 10, COL_REVIEW = 13, NCOLS };

int nb_metrics_table_init(nb_table *t, nb_lang lang, nb_err *err)
{
    static const char *const head[2][NCOLS] = {
        {"report", "body", "year", "new", "handled", "carried out", "disclosure", "denial", "review corr.",
         "suit corr.", "errors", "warnings", "info", "review"},
        {"报告", "机关", "年度", "新收", "办结", "结转", "公开率", "不予公开率", "复议纠错率", "诉讼纠错率", "错误",
         "警告", "提示", "审阅"},
    };
    if (nb_table_init(t, NCOLS, head[lang == NB_LANG_ZH], lang, err) != 0)
        return -1;
    t->right = ((1u << NCOLS) - 1) & ~(1u << COL_FILE | 1u << COL_AGENCY | 1u << COL_REVIEW);
    t->shrink = 1u << COL_FILE | 1u << COL_AGENCY;
    t->keep_end = 1u << COL_FILE;
    return 0;
}

/* A count or a rate for the table: "12", "85.7%", "—" when unknown. */
static void table_number(nb_known k, int is_rate, char *out, size_t cap)
{
    known_text(k, is_rate, out, cap);
    if (!out[0])
        snprintf(out, cap, "—");
    else if (is_rate)
        strncat(out, "%", cap - strlen(out) - 1);
}

int nb_metrics_table_add(nb_table *t, const nb_metrics *m, nb_lang lang, nb_err *err)
{
    char text[NCOLS][64];
    const char *row[NCOLS] = {m->file, m->agency[0] ? m->agency : "—"};
    static const int shown[] = {NB_M_NEW, NB_M_HANDLED, NB_M_CARRIED_OUT};
    if (m->year)
        snprintf(text[COL_YEAR], sizeof text[0], "%d", m->year);
    else
        snprintf(text[COL_YEAR], sizeof text[0], "—");
    for (int k = 0; k < 3; k++)
        table_number(m->count[shown[k]], 0, text[COL_YEAR + 1 + k], sizeof text[0]);
    for (int k = 0; k < NB_NRATES; k++)
        table_number(m->rate[k], 1, text[COL_RATES + k], sizeof text[0]);
    for (int k = 0; k < 3; k++)
        snprintf(text[COL_FINDINGS + k], sizeof text[0], "%ld", m->findings[NB_SEV_ERROR - k]);
    if (m->review == NB_REVIEW_IN_PROGRESS)
        snprintf(text[COL_REVIEW], sizeof text[0], "%s %d/%d", nb_review_state_label(m->review, lang), m->decided,
                 m->to_decide);
    else
        snprintf(text[COL_REVIEW], sizeof text[0], "%s", nb_review_state_label(m->review, lang));
    for (int c = COL_YEAR; c < NCOLS; c++)
        row[c] = text[c];
    return nb_table_add(t, row, err);
}
