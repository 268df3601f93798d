/* ctx.c — the shared context set up in one call: the structure patterns
 * (read/sections), the label lexicons and the memo of their answers
 * (extract), the claim patterns (check/claims), the rules' plans and word
 * sets (check/check), the memo of the findings' prints (check/findings)
 * and the export's plans of schemas (out/export). */
#include "batch/ctx.h"
#include "check/check.h"
#include "check/claims.h"
#include "check/findings.h"
#include "extract/extract.h"
#include "out/export.h"
#include "model/schema.h"
#include "read/sections.h"

#include <string.h>

int nb_ctx_init(nb_ctx *c, nb_lang lang, nb_err *err)
{
    memset(c, 0, sizeof *c);
    c->lang = lang;
    if (nb_sections_init(c, err) != 0) {
        nb_ctx_free(c);
        return -1;
    }
    c->lex[0] = nb_lexicon_new(nb_schema_for(2021));
    c->lex[1] = nb_lexicon_new(nb_schema_for(2019));
    c->lex[2] = nb_lexicon_new(nb_schema_variant(2021, NB_VARIANT_ONE_OTHER));
    c->label_memo = nb_label_memo_new();
    c->fp_memo = nb_fp_memo_new(); /* none when out of memory: the prints made each time */
    c->export_plans = nb_export_plans_new(); /* the same */
    if (!c->lex[0] || !c->lex[1] || !c->lex[2] || !c->label_memo) {
        nb_ctx_free(c);
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(lang, "out of memory", "内存不足"));
    }
    if (nb_claims_init(c, err) != 0 || nb_checks_init(c, err) != 0) {
        nb_ctx_free(c);
        return -1;
    }
    return 0;
}

void nb_ctx_free(nb_ctx *c)
{
    nb_sections_free(c);
    for (int k = 0; k < 3; k++)
        nb_lexicon_free(c->lex[k]);
    nb_label_memo_free(c->label_memo);
    nb_fp_memo_free(c->fp_memo);
    nb_export_plans_free(c->export_plans);
    nb_claims_free(c);
    nb_checks_free(c);
    memset(c, 0, sizeof *c);
}
