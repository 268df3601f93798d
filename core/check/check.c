/* check.c — the driver: every group of single-report rules in turn, then
 * the new findings sorted by their place in the text; and a report checked
 * as a batch checks it (against the year before, as configured). */
#include "check/check.h"
#include "check/claims.h"
#include "check/config.h"
#include "check/internal.h"
#include "check/years.h"

#include <stdlib.h>

int nb_checks_init(nb_ctx *c, nb_err *err)
{
    check_ctx *k = calloc(1, sizeof *k);
    if (!k)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(c->lang, "out of memory", "内存不足"));
    c->checks = k;
    if (nb_quality_words(&k->typos) != 0)
        return nb_err_set(err, NB_E_PATTERN, "internal misspellings: too many");
    if (!(k->sums = nb_sum_plans_new()))
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(c->lang, "out of memory", "内存不足"));
    return 0;
}

void nb_checks_free(nb_ctx *c)
{
    check_ctx *k = c->checks;
    if (!k)
        return;
    nb_sum_plans_free(k->sums);
    free(k);
    c->checks = NULL;
}

int nb_check(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err)
{
    size_t before = out->n;
    const check_ctx *cc = ctx ? ctx->checks : NULL;
    if (ctx)
        out->lang = ctx->lang;
    nb_body body = nb_body_kind(r->agency); /* told once: the dates', sections' and T2's rules ask */
    nb_err e;
    if (nb_check_structure(r, out, &e) != 0 || nb_check_cells(r, out, &e) != 0 || nb_check_labels(r, out, &e) != 0 ||
        nb_check_sums(r, cc ? cc->sums : NULL, out, &e) != 0 || nb_check_dates(r, body, out, &e) != 0 || nb_check_sections(r, body, out, &e) != 0 ||
        nb_check_t2(r, body, out, &e) != 0 || nb_check_format(r, out, &e) != 0 || nb_check_quality(r, ctx, out, &e) != 0 ||
        nb_check_claims(r, ctx, out, &e) != 0)
        return nb_err_set(err, e.code, nb_tr(out->lang, "%s: %s", "%s：%s"), r->doc.path, e.msg);
    if (out->n - before > 1) {
        nb_findings tail = {out->v + before, out->n - before, out->n - before, out->lang};
        nb_findings_sort(&tail);
    }
    return 0;
}

int nb_check_report(const nb_report *r, const nb_ctx *ctx, const nb_summary *prev, const nb_summary *cur,
                    const nb_rule_config *cfg, nb_findings *out, nb_err *err)
{
    if (nb_check(r, ctx, out, err) != 0)
        return -1;
    if (prev) {
        nb_summary made;
        if (!cur)
            nb_summarize(r, &made);
        if (nb_check_years(prev, cur ? cur : &made, r->schema, out, err) != 0)
            return -1;
    }
    if (cfg)
        nb_config_apply(cfg, out);
    nb_findings_sort(out);
    return 0;
}
