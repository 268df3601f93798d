/* claims_internal.h — what the files of the narrative claims share and
 * nobody else calls: the kinds of claim, a scan of one report's narrative
 * (its lines joined, text/join.h), a claim found, and the judges of each
 * group (claims_tables.c: numbers against cells and contradictions;
 * claims_sums.c: enumerations, rates and shares). */
#ifndef NB_CLAIMS_INTERNAL_H
#define NB_CLAIMS_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/utf8.h"
#include "check/findings.h"
#include "model/report.h"
#include "text/join.h"

/* The kinds of claim, in the order of the pattern table (claims.c). */
enum {
    K_RECEIVED, K_RECEIVED_NONE, K_CARRIED, K_CARRIED_OUT, K_CARRIED_OUT2, K_HANDLED, K_ANSWERED, K_CONCLUDED,
    K_REVIEW, K_REVIEW_NONE, K_SUIT, K_SUIT_NONE, K_ISSUED, K_IN_FORCE, K_REPEALED, K_RESULT_OPEN,
    K_RESULT_UNABLE, K_RESULT_PROC, K_UPHELD, K_CORRECTED, K_DECISIONS, K_NATURAL, K_PARTS, K_RATE, K_ANYRATE, K_SHARE,
    K_ALL_DONE, K_ALL_DONE2, K_NO_CARRY, K_PENDING, NKINDS
};

/* What the claims keep in the context (its re_claims): the patterns of
 * the kinds, and the words a scan finds in one pass (claims.c) — each
 * kind's anchor, and the characters of its tail and head (which a match
 * holds after and before the anchor), as groups of words. */
typedef struct claims_ctx {
    pcre2_code *re[NKINDS];                          /* each JIT-compiled once it has run jit_after times
                                                        in this context (claims.c kind_re) */
    unsigned uses[NKINDS];                           /* the times each has run so far … */
    unsigned jit_after;                              /* … and how many runs go to the interpreter first */
    nb_needles words;
    nb_needles others;                               /* the words that start another statement (claims_sums.c) */
    uint64_t groups[NB_NEEDLES_MAX];                 /* the groups each word is in, a bit each */
    uint64_t numbered;                               /* the groups of tails that follow a number (their places
                                                        kept only with a number right before them) */
    signed char anchor[NKINDS], tail[NKINDS], head[NKINDS]; /* each kind's groups; -1 none */
    uint32_t same_anchor[NKINDS];                    /* a kind's and the later kinds' of its anchor, a bit each, for
                                                        the first kind of each anchor (0 for the rest) */
    unsigned char anchor_len[NKINDS];                /* each kind's anchor's length (bytes) */
    int ngroups;
    char chars[8 * NKINDS][4];                       /* the characters' words */
    size_t reach_before, reach_after;                /* how far a window reaches from an anchor (bytes) */
    size_t longest;                                  /* the longest word's length (bytes) */
} claims_ctx;

/* One scan of a report's narrative. */
typedef struct scan {
    const nb_report *r;
    nb_findings *out;
    nb_err *err;
    claims_ctx *cc;               /* the context's: its patterns' uses counted, their JIT code added */
    pcre2_match_data *md;
    nb_joined j;                  /* the text the patterns read */
    size_t z0, z1;                /* the tables' zone in it */
    size_t cells_lo, cells_hi;    /* where the cells with a place in the original text lie … */
    int cells_told;               /* … once told (at the first claim found) */
    uint32_t *goff;               /* where the words of each group start, in the order of the text … */
    size_t gfrom[65];             /* … group g's from gfrom[g] to gend[g] (gfrom[g + 1] at most) */
    size_t gend[64];
    size_t gcur[64];              /* each group's first place at or after its last look-up's start */
    int said[NKINDS];             /* claims of a kind judged so far (some count only the first) */
    size_t last_ms[NKINDS];       /* where the last match of each kind began */
    int contradicted;             /* one TEXT.CONTRADICTION is enough */
    nb_place *places;             /* room for the places of claims_sums.c's words (places_cap of them) */
    size_t places_cap;
    int every_anchor;             /* every anchor's window looked at, not only those its kinds' tails and
                                     heads let in (the tests' reference) */
} scan;

/* A claim found: its kind, span and number in the joined text. */
typedef struct claim_match {
    int k;
    size_t ms, me, noff, nlen;    /* the match; the number */
    long long num;                /* the number, -1 if none */
    PCRE2_SIZE ov[16];            /* the groups (copied: the match data is reused) */
    int ngroups;
} claim_match;

/* nb_check_claims, with every anchor's window looked at (every_anchor: a
 * plain reference for the tests) or only those where its kinds' tails and
 * heads stand near enough. */
int nb_claims_scan(const nb_report *r, const nb_ctx *ctx, int every_anchor, nb_findings *out, nb_err *err);
/* The characters (of three bytes each) every match of kind k holds besides
 * its anchor, tail and head, that its pattern runs only where a window holds
 * (claims.c); NULL for none. */
const char *nb_claim_needs(int k);
/* Group g of the match as text; NULL and 0 when unset. */
const char *nb_claim_group(const scan *sc, const claim_match *m, int g, size_t *len);
/* The sentence holding joined offset at: after the last 。；; or line end
 * before it, to the next (excluded). */
void nb_claim_sentence(const scan *sc, size_t at, size_t *a, size_t *b);
/* Does the joined text [a, b) hold the word? */
int nb_claim_has(const scan *sc, size_t a, size_t b, const char *word);
/* The value of the cell of index ci as a whole number; 0, or -1 when it
 * holds none (a blank counts 0) or the schema has no such cell. Cells are
 * held by index, not by ID: a cell's ID names that cell only. */
int nb_claim_cell_at(const nb_report *r, int ci, long long *v);
/* A TEXT.* finding quoting the claim (mapped to the original text), pointing
 * at joined offset at, with what is said and what the other side holds. */
nb_finding *nb_claim_finding(scan *sc, nb_rule_id rule, const claim_match *m, size_t at, long long said,
                             long long other);

/* claims_tables.c: TEXT.TABLE_MISMATCH and TEXT.CONTRADICTION. */
int nb_judge_table(scan *sc, claim_match *m);
/* claims_sums.c: TEXT.PARTS_EXCEED, TEXT.RATE, TEXT.SHARE (and the
 * contradiction of 办结率 100% while T3 carries some over). */
int nb_judge_sums(scan *sc, claim_match *m);
/* Compile claims_sums.c's words into the context: 0, or -1. */
int nb_claims_sums_init(claims_ctx *cc);
/* TEXT.CONTRADICTION for a claim that every application was concluded. */
int nb_judge_all_done(scan *sc, const claim_match *m);

#endif
