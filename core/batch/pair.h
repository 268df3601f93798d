/* pair.h — reports of one body for consecutive years in one batch, checked
 * against each other (YEAR.CARRY, YEAR.IN_FORCE). The pairs are found from
 * the reports as read (the engine, a survey's batch: nb_pairing_start), or
 * by a cheap pass over the titles (body and year) when a report is checked
 * alone first (nb_pairing_init); the summary of a report a later year needs
 * is kept, and the year before is read at once when it has not been. */
#ifndef NB_BATCH_PAIR_H
#define NB_BATCH_PAIR_H

#include <stddef.h>
#include "check/findings.h"
#include "check/years.h"
#include "model/report.h"

typedef struct nb_pair_slot {
    char key[256];        /* nb_body_key of the body's name; "" when unknown */
    char parent[256];     /* the parent places its name has ("淮安市"), "" when none */
    int year;
    size_t idx;           /* in the path list */
    nb_summary *summary;  /* kept when the next year's report needs it */
    int needed;           /* the report of the next year is in the batch */
} nb_pair_slot;

typedef struct nb_pairing {
    char *const *paths;   /* the batch (borrowed) */
    nb_pair_slot *slots;  /* one a path */
    nb_pair_slot **sorted;/* the identified reports by body, year, index */
    size_t n, nsorted;
    nb_lang lang;         /* the language of its errors */
} nb_pairing;

/* Pair the reports paths[0, n): the titles are read now. A report whose
 * title cannot be read is paired with none (reading it in full reports why).
 * A pairing set to zero pairs nothing. -1 with err when out of memory. */
int nb_pairing_init(nb_pairing *p, char *const *paths, size_t n, const nb_ctx *ctx, nb_err *err);
/* Pairing n reports already read (the paths are not used): started, each
 * report whose body and year are known said so (the others are paired with
 * none), then sorted; nb_pairing_prev then answers. -1 with err when out of
 * memory. */
int nb_pairing_start(nb_pairing *p, size_t n, nb_lang lang, nb_err *err);
void nb_pairing_identified(nb_pairing *p, size_t i, const char *agency, int year);
/* The same with the body's key and parents told already (model/body.h). */
void nb_pairing_identified_body(nb_pairing *p, size_t i, const char *key, const char *parent, int year);
void nb_pairing_sort(nb_pairing *p);
void nb_pairing_free(nb_pairing *p);

/* Which of the reports of a body's year before (the same key, model/body.h)
 * a report of that body (its parents: parent) is paired with, told as they
 * are offered in the order of their index: the first whose parents agree
 * with the report's; none when another that agrees with the report
 * disagrees with that one (two bodies it could be). */
typedef struct nb_pick {
    const char *parent;       /* the report's */
    const char *found_parent; /* (borrowed from the offers) */
    size_t idx;
    int found, two;
} nb_pick;
void nb_pick_offer(nb_pick *k, size_t idx, const char *parent);
/* The index picked, or -1. */
long nb_pick_result(const nb_pick *k);

/* The index of the report of the same body for the year before report i, or
 * -1: the same key (model/body.h) with parents that agree; none when two
 * reports of that year with parents that disagree both could be it. */
long nb_pairing_prev(const nb_pairing *p, size_t i);
/* When report i is paired and the batch holds other reports of its body
 * for that year before (a revised copy, the same report in another format),
 * not compared with i: the index of the first, *count of them; else -1. */
long nb_pairing_also(const nb_pairing *p, size_t i, size_t *count);

/* The summary of the year before report i, read now when it has not been:
 * *out NULL when the batch has none or it cannot be read (its own turn says
 * why). -1 with err only when out of memory. */
int nb_pairing_prev_summary(nb_pairing *p, size_t i, const nb_ctx *ctx, const nb_summary **out, nb_err *err);
/* Keep s as the summary of report i when a later report needs it; one kept
 * already is overwritten in place (pointers to it stay valid). -1 with err
 * when out of memory. */
int nb_pairing_keep(nb_pairing *p, size_t i, const nb_summary *s, nb_err *err);

/* The cross-year findings of report i, read as r: add to out what differs
 * from the year before. Keeps r's summary when a later report needs it and
 * reads the year before when it has not been read yet (when it cannot be, it
 * is passed over: its own turn says why). -1 with err when out of memory. */
int nb_pairing_check(nb_pairing *p, size_t i, const nb_report *r, const nb_ctx *ctx, nb_findings *out,
                     nb_err *err);

#endif
