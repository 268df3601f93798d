/* claims.h — numbers stated in the narrative, read by patterns and held
 * against the tables. */
#ifndef NB_CLAIMS_H
#define NB_CLAIMS_H

#include "check/rules.h"

/* Compile the claim patterns into the context. */
int nb_claims_init(nb_ctx *c, nb_err *err);
void nb_claims_free(nb_ctx *c);
/* Add TEXT.* findings for the narrative's claims. */
int nb_check_claims(const nb_report *r, const nb_ctx *ctx, nb_findings *out);

#endif
