/* booktest.h — what the tests of the reviewer's rulebook share: reports
 * made from tests/data/clean.txt (a complete report with no finding) with
 * words replaced, the findings of one rule, and their exact messages and
 * quoted spans. */
#ifndef NB_BOOKTEST_H
#define NB_BOOKTEST_H

#include "testutil.h"
#include "check/check.h"
#include "check/messages.h"
#include "check/rules.h"

/* The first occurrence of old in s replaced by new; malloc'd. */
static inline char *bt_replace(const char *s, const char *old, const char *new)
{
    const char *at = strstr(s, old);
    if (!at)
        fail_msg("no \"%s\" to replace", old);
    size_t pre = (size_t)(at - s), ol = strlen(old), nl = strlen(new), n = strlen(s);
    char *o = malloc(n - ol + nl + 1);
    memcpy(o, s, pre);
    memcpy(o + pre, new, nl);
    memcpy(o + pre + nl, at + ol, n - pre - ol + 1);
    return o;
}

/* clean.txt with each pair {old, new} of subs (NULL-ended) replaced and
 * append added at its end, read as a report. */
static inline void bt_variant(nb_report *r, const nb_ctx *ctx, const char *const *subs, const char *append)
{
    char *t = tu_read("tests/data/clean.txt", NULL);
    assert_non_null(t);
    for (int k = 0; subs && subs[k]; k += 2) {
        char *u = bt_replace(t, subs[k], subs[k + 1]);
        free(t);
        t = u;
    }
    if (append) {
        size_t n = strlen(t), al = strlen(append);
        t = realloc(t, n + al + 1);
        memcpy(t + n, append, al + 1);
    }
    tu_report_bytes(r, ctx, "variant.txt", t, strlen(t));
    free(t);
}

/* clean.txt with a sentence put into 总体情况. */
static inline void bt_narrative(nb_report *r, const nb_ctx *ctx, const char *sentence)
{
    char with[1024];
    snprintf(with, sizeof with, "%s\n### (一) 主动公开", sentence);
    const char *subs[] = {"### (一) 主动公开", with, NULL};
    bt_variant(r, ctx, subs, NULL);
}

/* Set a cell to a number. */
static inline void bt_set(nb_report *r, const char *id, long long v)
{
    int ci = nb_schema_find_cell(r->schema, id);
    if (ci < 0)
        fail_msg("no cell %s", id);
    r->cells[ci].status = NB_ST_NUMBER;
    r->cells[ci].num = nb_num_int(v);
}

static inline void bt_run(const nb_report *r, const nb_ctx *ctx, nb_findings *f)
{
    nb_err e;
    memset(f, 0, sizeof *f);
    if (nb_check(r, ctx, f, &e) != 0)
        fail_msg("%s", e.msg);
}

static inline int bt_count(const nb_findings *f, const char *rule)
{
    int n = 0, ri = nb_rule_index(rule);
    for (size_t i = 0; i < f->n; i++)
        n += f->v[i].rule == ri;
    return n;
}

/* The one finding of the rule (fails unless there is exactly one, listing
 * the findings of the report). */
static inline const nb_finding *bt_only(const nb_findings *f, const char *rule)
{
    if (bt_count(f, rule) != 1)
        for (size_t i = 0; i < f->n; i++)
            print_error("finding %s at %zu\n", nb_rule_get(f->v[i].rule)->id, f->v[i].claim_off);
    if (bt_count(f, rule) != 1)
        fail_msg("%d findings of %s, not one", bt_count(f, rule), rule);
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].rule == nb_rule_index(rule))
            return &f->v[i];
    return NULL;
}

/* The k-th finding of the rule (from 0), or fail. */
static inline const nb_finding *bt_nth(const nb_findings *f, const char *rule, int k)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].rule == nb_rule_index(rule) && k-- == 0)
            return &f->v[i];
    fail_msg("no finding %d of %s", k, rule);
    return NULL;
}

static inline void bt_message(const nb_report *r, const nb_finding *f, nb_lang L, const char *want)
{
    char m[2048];
    nb_finding_message(r, f, L, m, sizeof m);
    if (strcmp(m, want))
        fail_msg("message\n  got  %s\n  want %s", m, want);
}

/* The text the finding quotes (its span) is want. */
static inline void bt_quote(const nb_report *r, const nb_finding *f, const char *want)
{
    if (f->claim_len != strlen(want) || memcmp(r->doc.text + f->claim_off, want, f->claim_len))
        fail_msg("span \"%.*s\", not \"%s\"", (int)f->claim_len, r->doc.text + f->claim_off, want);
}

static inline int bt_names(const nb_report *r, const nb_finding *f, const char *id)
{
    int ci = nb_schema_find_cell(r->schema, id);
    for (int k = 0; k < f->ncells; k++)
        if (f->cells[k] == ci)
            return 1;
    return 0;
}

/* Every finding's rule is one of the rules given (NULL-ended). */
static inline void bt_nothing_but(const nb_findings *f, const char *const *rules)
{
    for (size_t i = 0; i < f->n; i++) {
        int ok = 0;
        for (int k = 0; rules[k]; k++)
            ok |= f->v[i].rule == nb_rule_index(rules[k]);
        if (!ok)
            fail_msg("unexpected %s", nb_rule_get(f->v[i].rule)->id);
    }
}

#endif
