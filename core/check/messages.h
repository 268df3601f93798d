/* messages.h — a finding's message, composed from its typed values at
 * display time in the language asked: the one home of finding text. */
#ifndef NB_MESSAGES_H
#define NB_MESSAGES_H

#include <stddef.h>
#include "check/findings.h"
#include "model/report.h"

/* The finding's message in the language, without file or rule ID; its
 * length (strlen(out)), so that it need not be measured again. */
size_t nb_finding_message(const nb_report *r, const nb_finding *f, nb_lang lang, char *out, size_t cap);

#endif
