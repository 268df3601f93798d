/* claims_common.c — what the judges of the narrative's claims share: a
 * match's groups, its sentence, a word in it, a cell's whole number, and a
 * finding quoting the claim where it stands in the original text. */
#include "check/claims_internal.h"
#include "base/utf8.h"

#include <string.h>

const char *nb_claim_group(const scan *sc, const claim_match *m, int g, size_t *len)
{
    if (g <= 0 || g >= m->ngroups || m->ov[2 * g] == PCRE2_UNSET) {
        *len = 0;
        return NULL;
    }
    *len = m->ov[2 * g + 1] - m->ov[2 * g];
    return sc->j.t + m->ov[2 * g];
}

/* May the character whose first byte is c end a sentence (。 ； ; or a line
 * end, however it is encoded, overlong forms too)? Every other first byte
 * starts characters far from them. */
static int may_end_sentence(unsigned char c)
{
    return c == ';' || c == '\n' || c == 0xC0 || c == 0xE0 || c == 0xE3 || c == 0xEF || c == 0xF0;
}

void nb_claim_sentence(const scan *sc, size_t at, size_t *a, size_t *b)
{
    const char *t = sc->j.t;
    size_t n = sc->j.n, s = at, e = at;
    while (s > 0) {
        size_t p = s - 1;
        while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
            p--;
        if (!may_end_sentence((unsigned char)t[p])) {
            s = p;
            continue;
        }
        size_t q = p;
        uint32_t c = nb_utf8_get(t, s, &q);
        if (c == 0x3002 || c == 0xFF1B || c == ';' || c == '\n')
            break;
        s = p;
    }
    while (e < n) {
        size_t q = e;
        uint32_t c = nb_utf8_get(t, n, &q);
        if (c == 0x3002 || c == 0xFF1B || c == ';' || c == '\n')
            break;
        e = q;
    }
    *a = s;
    *b = e;
}

int nb_claim_has(const scan *sc, size_t a, size_t b, const char *word)
{
    return b > a && nb_find(sc->j.t + a, b - a, word, strlen(word)) != NULL;
}

int nb_claim_cell_at(const nb_report *r, int ci, long long *v)
{
    if (ci < 0 || ci >= nb_schema_ncells(r->schema))
        return -1;
    const nb_cell *c = &r->cells[ci];
    if (c->status == NB_ST_BLANK || c->status == NB_ST_PLACEHOLDER) {
        *v = 0;
        return 0;
    }
    if ((c->status != NB_ST_NUMBER && c->status != NB_ST_INFERRED) || !nb_num_is_int(c->num))
        return -1;
    *v = c->num.v;
    return 0;
}

nb_finding *nb_claim_finding(scan *sc, nb_rule_id rule, const claim_match *m, size_t at, long long said,
                             long long other)
{
    nb_finding *f = nb_finding_add_at(sc->out, rule, nb_joined_orig(&sc->j, at), sc->err);
    if (!f)
        return NULL;
    f->claim_off = nb_joined_orig(&sc->j, m->ms);
    f->claim_len = m->me > m->ms ? nb_joined_orig(&sc->j, m->me - 1) + 1 - f->claim_off : 0;
    f->has_sides = 1;
    f->lhs = nb_num_int(said);
    f->rhs = nb_num_int(other);
    return f;
}
