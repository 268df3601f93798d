/* ctx.h — setting up and tearing down the shared context (model/ctx.h):
 * every stage's patterns and lexicons in one call. */
#ifndef NB_BATCH_CTX_H
#define NB_BATCH_CTX_H

#include "model/ctx.h"

int nb_ctx_init(nb_ctx *c, nb_lang lang, nb_err *err);
void nb_ctx_free(nb_ctx *c);

#endif
