/* claims.h — numbers stated in the narrative, read by patterns and held
 * against the tables (TEXT.TABLE_MISMATCH, TEXT.PARTS_EXCEED, TEXT.RATE). */
#ifndef NB_CLAIMS_H
#define NB_CLAIMS_H

#include "check/findings.h"
#include "model/ctx.h"
#include "model/report.h"

/* Compile the claim patterns into the context. */
int nb_claims_init(nb_ctx *c, nb_err *err);
void nb_claims_free(nb_ctx *c);
/* Add TEXT.* findings for the narrative's claims; 0, or -1 with err set. */
int nb_check_claims(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err);

#endif
