/* classify.c — what a text token is: a row label (exactly a standard one,
 * or near one), a column header (its wording, or mostly header words), or a
 * merged group heading; and header words run into the first row label in
 * web text, split off. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "base/vec.h"
#include "text/label.h"
#include "text/numbering.h"

#include <string.h>

/* Numbered text near a row label is that label, however many header words
 * it holds: "2.其他法律行政止公开" is a typo of a row, not a header. */
static int numbered_row_label(const lexicon *L, const nb_ustr *u)
{
    return u->had_num && ex_near_row(L, u, 1u << NB_T2 | 1u << NB_T3, 0.7);
}

/* An entry in tv's normal forms for every token (tv->nnorm of them), read
 * only for text tokens, and room to list every token as text (tv->texts;
 * none is listed when there is no room for it); -1 when out of memory.
 * Called again after a token is split. */
static int norm_entries(tokv *tv)
{
    if (nb_grow(&tv->norm, &tv->normcap, tv->n, sizeof *tv->norm, 256) != 0) {
        tv->oom = 1;
        return -1;
    }
    tv->nnorm = tv->n;
    if (!tv->texts_lost && nb_grow(&tv->texts, &tv->textcap, tv->n, sizeof *tv->texts, 256) != 0)
        tv->texts_lost = 1;
    return 0;
}

/* Room in tv's pool for a token's normal form; -1 when out of memory. */
__attribute__((noinline)) static int grow_pool(tokv *tv)
{
    if (nb_grow(&tv->pool, &tv->poolcap, tv->npool + NB_USTR_MAX, sizeof *tv->pool, 4096) != 0) {
        tv->oom = 1;
        return -1;
    }
    return 0;
}

static inline int pool_room(tokv *tv)
{
    return tv->npool + NB_USTR_MAX <= tv->poolcap ? 0 : grow_pool(tv);
}

/* Token q's normal form, made and kept for the stages after (tv->norm[q]);
 * -1 when out of memory. */
static int make_norm(const char *t, tokv *tv, size_t q)
{
    if (pool_room(tv) != 0) {
        tv->norm[q] = (tnorm){0}; /* not made: read so by label_suffix_cut */
        return -1;
    }
    const tok *k = &tv->v[q];
    tnorm *z = &tv->norm[q];
    uint32_t *c = tv->pool + tv->npool;
    int marks, m = nb_norm_chars_marks(t + k->off, k->len, c, &marks), had = 0;
    int start = nb_numbering_strip(c, m, &had);
    z->at = (uint32_t)tv->npool;
    z->m = (unsigned char)m;
    z->start = (unsigned char)start;
    z->had = (unsigned char)had;
    z->made = 1;
    z->marks = marks > 0;
    z->header = 0;
    tv->npool += (size_t)m;
    return 0;
}

/* A text token (tv->v[q]): a row label, a column header or a group heading.
 * The exact wording is looked up on the kept normal form as a label
 * (NB_NORM_LABEL), copied out only for the tests after. */
static void classify(const lexicon *L, const char *t, tokv *tv, size_t q)
{
    if (make_norm(t, tv, q) != 0)
        return;
    tok *k = &tv->v[q];
    tnorm *z = &tv->norm[q];
    const uint32_t *c = tv->pool + z->at + z->start;
    int n = nb_chars_trim_trail(c, z->m - z->start);
    k->numbered = z->had;
    if (n == 0) {
        k->cls = C_GROUP; /* a bare numbering such as （三） */
        return;
    }
    int row, header;
    ex_lex_exact_chars(L, c, n, &row, &header);
    z->header = header && n <= EX_HEADER_MAX;
    /* "其他" and "总计" are both: a row label only when numbered */
    if (row >= 0 && !(header && !z->had)) {
        k->cls = C_LABEL;
        k->exact_row = (signed char)row;
        return;
    }
    if (header) {
        k->cls = C_HEADER;
        return;
    }
    nb_ustr u;
    ex_norm_view(tv->norm, tv->pool, t, k, q, NB_NORM_LABEL, &u);
    for (int g = 0; g < L->ngroups; g++)
        if (nb_ustr_contains(&L->groups[g], &u)) {
            k->cls = C_GROUP;
            return;
        }
    if (ex_header_coverage(L, &u) >= 0.75 && (!u.had_num || u.n > 8) && !numbered_row_label(L, &u)) {
        k->cls = C_HEADER;
        return;
    }
    /* several group headings run together: "三、本年度办理结果（四）无法提供" */
    k->cls = C_LABEL;
}

/* Could t[a, e)'s last character end a T2/T3 row label? A quick no for
 * most tokens; yes when not sure (a space or a stray byte at the end). */
static int may_end_in_label(const lexicon *L, const char *t, size_t a, size_t e)
{
    uint32_t c;
    if (!nb_utf8_last13((const unsigned char *)t, a, e, &c))
        return 1;
    if (nb_is_space(c))
        return 1;
    c = nb_fold(c);
    if (!(L->row_last_any >> (c & 63) & 1))
        return 0;
    for (int k = 0; k < L->nrow_last; k++)
        if (L->row_last[k] == c)
            return 1;
    return 0;
}

/* t[a, e)'s folded code points without white space into cp, and where
 * each starts into at (when not NULL): how many, or -1 when more than
 * NB_USTR_MAX of them. */
static int fold_chars(const char *t, size_t a, size_t e, uint32_t *cp, size_t *at)
{
    int n = 0;
    size_t i = a;
    while (i < e && n < NB_USTR_MAX) {
        size_t here = i;
        uint32_t c = nb_fold(nb_utf8_get(t, e, &i));
        if (nb_is_space(c))
            continue;
        if (at)
            at[n] = here;
        cp[n++] = c;
    }
    return i < e ? -1 : n;
}

/* Web text runs header words into the first row label:
 * "信息内容本年制发件数…现行有效件数规章" → the header, then "规章".
 * Where the header words end in token q (its bytes from the start), or 0
 * when they do not. The token's code points are its normal form's
 * (classify made it) when that dropped only white space and is not cut
 * short; where each starts is read only for a token that is split. */
static size_t label_suffix_cut(const lexicon *L, const char *t, const tokv *tv, size_t q)
{
    tok k = tv->v[q];
    if (!may_end_in_label(L, t, k.off, k.off + k.len))
        return 0;
    uint32_t own[NB_USTR_MAX];
    const uint32_t *cp = own;
    size_t e = k.off + k.len;
    const tnorm *z = &tv->norm[q];
    int n;
    if (z->made && !z->marks && z->m < NB_USTR_MAX) {
        cp = tv->pool + z->at;
        n = z->m;
    } else {
        n = fold_chars(t, k.off, e, own, NULL);
    }
    if (n < 4)
        return 0;
    int last = 0;
    while (last < L->nrow_last && L->row_last[last] != cp[n - 1])
        last++;
    if (last == L->nrow_last)
        return 0; /* no T2/T3 label of two or more ends so */
    for (uint64_t rows = L->row_last_rows[last]; rows; rows &= rows - 1) {
        int r = __builtin_ctzll(rows);
        const nb_ustr *lab = &L->rows[r];
        if (lab->n >= n - 1)
            continue;
        if (memcmp(cp + n - lab->n, lab->c, (size_t)lab->n * sizeof *cp) != 0)
            continue;
        uint32_t c2[NB_USTR_MAX];
        size_t at[NB_USTR_MAX];
        fold_chars(t, k.off, e, c2, at);
        size_t cut = at[n - lab->n];
        nb_ustr pre;
        nb_norm(t + k.off, cut - k.off, &pre, NB_NORM_LABEL);
        if (pre.n == 0 || ex_header_coverage(L, &pre) < 0.75)
            continue;
        return cut - k.off;
    }
    return 0;
}

/* Token q split after its first cut bytes (label_suffix_cut): 1, or 0 when
 * no token could be added. */
static int split_label_suffix(tokv *tv, size_t q, size_t cut)
{
    tok k = tv->v[q];
    if (!ex_emit(tv, K_TEXT, 0, 0, k.lkind))
        return 0;
    memmove(&tv->v[q + 2], &tv->v[q + 1], (tv->n - q - 2) * sizeof(tok));
    tv->v[q].len = (uint32_t)cut;
    tv->v[q + 1] = k;
    tv->v[q + 1].off = k.off + (uint32_t)cut;
    tv->v[q + 1].len = k.len - (uint32_t)cut;
    return 1;
}

/* What classify and label_suffix_cut make of a token, remembered under its
 * bytes (MEMO_CLASS), its normal form's m code points after it. */
typedef struct class_memo {
    uint32_t cut;
    unsigned char m, start, had, marks, header, cls;
    signed char exact_row; /* -1: the token's left as it is */
} class_memo;

/* Tokens longer than this are classified anew each time. */
#define CLASS_MEMO_KEY_MAX 1024

static void remember_class(nb_memo *M, const lexicon *L, const char *t, const tokv *tv, size_t q, size_t cut)
{
    const tok *k = &tv->v[q];
    const tnorm *z = &tv->norm[q];
    class_memo *a = nb_memo_put(M, L, MEMO_CLASS, t + k->off, k->len, sizeof *a + (size_t)z->m * sizeof(uint32_t));
    if (!a)
        return;
    *a = (class_memo){.cut = (uint32_t)cut, .m = z->m, .start = z->start, .had = z->had, .marks = z->marks,
                      .header = z->header, .cls = k->cls, .exact_row = k->exact_row};
    memcpy(a + 1, tv->pool + z->at, (size_t)z->m * sizeof(uint32_t));
}

/* Token q as the memo's answer a says, as classify would leave it; the
 * cut (label_suffix_cut), or 0 when out of memory. */
static size_t recall_class(const class_memo *a, tokv *tv, size_t q)
{
    if (pool_room(tv) != 0)
        return 0;
    tnorm *z = &tv->norm[q];
    memcpy(tv->pool + tv->npool, a + 1, (size_t)a->m * sizeof(uint32_t));
    *z = (tnorm){.at = (uint32_t)tv->npool, .m = a->m, .start = a->start, .had = a->had, .made = 1,
                 .marks = a->marks, .header = a->header};
    tv->npool += a->m;
    tok *k = &tv->v[q];
    k->numbered = a->had;
    k->cls = a->cls;
    if (a->exact_row >= 0)
        k->exact_row = a->exact_row;
    return a->cut;
}

/* Token q classified and remembered in M (when memo): the memo did not
 * have it. Kept out of line, so that a token the memo has pays for no more
 * than the lookup and the copy. */
__attribute__((noinline)) static size_t classify_anew(nb_memo *M, const lexicon *L, const char *t, tokv *tv,
                                                      size_t q, int memo)
{
    classify(L, t, tv, q);
    size_t cut = 0;
    if (tv->v[q].cls != C_LABEL || tv->v[q].exact_row < 0)
        cut = label_suffix_cut(L, t, tv, q);
    if (memo && !tv->oom)
        remember_class(M, L, t, tv, q, cut);
    return cut;
}

/* Token q classified, and where header words run into a row label end in
 * it (0: nowhere, or it is exactly a row label): from the memo M when it
 * has the token's bytes, else found and remembered there (M may be NULL). */
static size_t classify_token(nb_memo *M, const lexicon *L, const char *t, tokv *tv, size_t q)
{
    const tok *k = &tv->v[q];
    int memo = M && k->len <= CLASS_MEMO_KEY_MAX;
    size_t vlen;
    const class_memo *a = memo ? nb_memo_get(M, L, MEMO_CLASS, t + k->off, k->len, &vlen) : NULL;
    if (a)
        return recall_class(a, tv, q);
    return classify_anew(M, L, t, tv, q, memo);
}

/* The first text token from i on, or tv->n. The entries of the tokens
 * that are not text are left as they are: no stage reads them. */
static size_t next_text(const tokv *tv, size_t i)
{
    const tok *v = tv->v;
    size_t n = tv->n;
    while (i < n && v[i].kind != K_TEXT)
        i++;
    return i;
}

/* Text token i listed for the passes after (tv->texts: norm_entries made
 * room for it). */
static void list_text(tokv *tv, size_t i)
{
    if (!tv->texts_lost)
        tv->texts[tv->ntexts++] = (uint32_t)i;
}

void ex_classify_tokens(nb_memo *M, const lexicon *L, const char *t, tokv *tv)
{
    if (!tv->n || norm_entries(tv) != 0)
        return;
    for (size_t i = next_text(tv, 0); i < tv->n; i = next_text(tv, i + 1)) {
        size_t cut = classify_token(M, L, t, tv, i);
        if (cut && split_label_suffix(tv, i, cut) && norm_entries(tv) == 0)
            classify_token(M, L, t, tv, i);
        if (tv->oom)
            return; /* the entries past i may have no room */
        list_text(tv, i);
    }
}
