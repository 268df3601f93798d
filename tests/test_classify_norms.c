/* test_classify_norms.c — the memo's keys compared word by word find an
 * answer under exactly its own bytes (generated keys of every length to
 * 70, each against the same bytes one byte changed and one shorter, as a
 * plain byte comparison says); and a stream of tokens classified at once
 * (text among values, breaks and empty cells, some text split in two)
 * leaves every text token its normal-form entry as each text classified
 * on its own, with the memo and without it, lists exactly the text tokens
 * in order (tv->texts, for the passes after), and marks a text a header
 * with nothing to record exactly when a plain look-up of its trimmed form
 * finds a header's wording of EX_HEADER_MAX characters at most. A group's
 * label compared where it stands (ex_group_label_is) agrees with the label
 * copied out and compared. */
#include "testutil.h"
#include "extract/internal.h"
#include "model/schema.h"

static nb_ctx g_ctx;

/* ---- the memo's keys ---- */

static unsigned long long rng_next(unsigned long long *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

/* Keys of each length from 0 to 70 (random bytes), each kept with its
 * length and first byte as answer; then the same bytes with one byte
 * changed (at every place) and one byte shorter are asked for: found only
 * where a plain comparison finds the asked bytes equal to a kept key. */
static void test_keys_by_their_bytes(void **state)
{
    (void)state;
    enum { MAXLEN = 70 };
    nb_memo *M = nb_memo_new(512, 64 * 1024);
    assert_non_null(M);
    int lex = 0;
    unsigned char keys[MAXLEN + 1][MAXLEN];
    unsigned long long s = 14;
    for (int n = 0; n <= MAXLEN; n++) {
        for (int i = 0; i < n; i++)
            keys[n][i] = (unsigned char)(rng_next(&s) % 3 ? 0xE4 + rng_next(&s) % 4 : rng_next(&s));
        int *a = nb_memo_put(M, &lex, MEMO_CLASS, keys[n], (size_t)n, sizeof *a);
        assert_non_null(a);
        *a = n;
    }
    int found = 0, missed = 0;
    for (int n = 0; n <= MAXLEN; n++) {
        size_t vlen = 0;
        const int *a = nb_memo_get(M, &lex, MEMO_CLASS, keys[n], (size_t)n, &vlen);
        assert_non_null(a);
        assert_int_equal(*a, n);
        unsigned char ask[MAXLEN];
        for (int at = 0; at < n; at++) {
            memcpy(ask, keys[n], (size_t)n);
            ask[at] ^= (unsigned char)(1 + rng_next(&s) % 255);
            a = nb_memo_get(M, &lex, MEMO_CLASS, ask, (size_t)n, &vlen);
            int plain = memcmp(ask, keys[n], (size_t)n) == 0;
            assert_int_equal(a != NULL, plain);
            missed += !a;
        }
        if (n) {
            a = nb_memo_get(M, &lex, MEMO_CLASS, keys[n], (size_t)n - 1, &vlen);
            int plain = memcmp(keys[n], keys[n - 1], (size_t)n - 1) == 0;
            assert_int_equal(a != NULL, plain);
            if (a)
                assert_int_equal(*a, n - 1);
        }
        found++;
    }
    assert_int_equal(found, MAXLEN + 1);
    assert_int_equal(missed, MAXLEN * (MAXLEN + 1) / 2);
    assert_int_equal(nb_memo_emptied(M), 0);
    nb_memo_free(M);
}

/* ---- a stream of tokens ---- */

/* A token's entry as the stages after read it. */
typedef struct entry {
    int kind, cls, exact_row, numbered, made, m, start, had, marks, header;
    size_t off, len;
    uint32_t c[NB_USTR_MAX];
} entry;

static void entry_of(const tokv *tv, size_t i, entry *e)
{
    const tok *k = &tv->v[i];
    const tnorm *z = &tv->norm[i];
    int text = k->kind == K_TEXT;
    memset(e, 0, sizeof *e);
    *e = (entry){.kind = k->kind, .cls = text ? k->cls : 0, .exact_row = text ? k->exact_row : 0,
                 .numbered = text ? k->numbered : 0, .made = z->made, .m = z->m, .start = z->start,
                 .had = z->had, .marks = z->marks, .header = z->header, .off = k->off, .len = k->len};
    if (z->made)
        memcpy(e->c, tv->pool + z->at, (size_t)z->m * sizeof *e->c);
}

static void same_entry(const entry *a, const entry *b, size_t i, const char *how)
{
    if (a->kind != b->kind || a->cls != b->cls || a->exact_row != b->exact_row || a->numbered != b->numbered ||
        a->made != b->made || a->m != b->m || a->start != b->start || a->had != b->had || a->marks != b->marks ||
        a->header != b->header || a->off != b->off || a->len != b->len ||
        memcmp(a->c, b->c, (size_t)a->m * sizeof *a->c) != 0)
        fail_msg("token %zu %s: kind %d class %d made %d m %d, alone kind %d class %d made %d m %d", i, how, a->kind,
                 a->cls, a->made, a->m, b->kind, b->cls, b->made, b->m);
}

/* The texts a stream's text tokens take: row labels numbered and not,
 * headers, header words run into a row label (split in two), a bare
 * numbering, a long run of ideographs. */
static const char *pick_text(const lexicon *L, unsigned long long *s, char *buf, size_t cap)
{
    const nb_schema *sc = L->s;
    switch (rng_next(s) % 6) {
    case 0:
        return sc->rows[rng_next(s) % (unsigned)sc->nrows].label;
    case 1:
        snprintf(buf, cap, "（二）%s", sc->rows[rng_next(s) % (unsigned)sc->nrows].label);
        return buf;
    case 2:
        return sc->headers[rng_next(s) % (unsigned)sc->nheaders];
    case 3:
        snprintf(buf, cap, "信息内容本年制发件数%s", sc->rows[rng_next(s) % (unsigned)sc->nrows].label);
        return buf;
    case 4:
        return "（三）";
    default:
        return "本机关本年度办理政府信息公开申请的总体情况说明";
    }
}

/* A stream of tokens over text built as it goes: text tokens among values,
 * empty cells and line ends; into tv and t. */
static void make_stream(const lexicon *L, unsigned long long *s, char *t, size_t cap, tokv *tv)
{
    size_t n = 0;
    int ntok = 1 + (int)(rng_next(s) % 60);
    for (int i = 0; i < ntok; i++) {
        char buf[256];
        int kind = rng_next(s) % 3 ? K_TEXT : (int)(1 + rng_next(s) % 5);
        const char *x = kind == K_TEXT ? pick_text(L, s, buf, sizeof buf) : "12";
        size_t len = strlen(x);
        if (n + len + 2 >= cap)
            break;
        memcpy(t + n, x, len);
        assert_non_null(ex_emit(tv, kind, n, len, LK_PLAIN));
        n += len;
        t[n++] = ' ';
    }
    t[n] = '\0';
}

/* The stream's text tokens, and only they, listed in order. */
static void texts_listed(const tokv *tv)
{
    assert_false(tv->texts_lost);
    size_t j = 0;
    for (size_t i = 0; i < tv->n; i++) {
        if (tv->v[i].kind != K_TEXT)
            continue;
        assert_true(j < tv->ntexts);
        assert_int_equal(tv->texts[j], i);
        j++;
    }
    assert_int_equal(j, tv->ntexts);
}

/* Is text token i's entry marked a header with nothing to record exactly
 * when its trimmed normal form is a header's wording, short enough? */
static int header_as_plain(const lexicon *L, const tokv *tv, size_t i)
{
    const tnorm *z = &tv->norm[i];
    if (!z->made)
        return z->header == 0;
    const uint32_t *c = tv->pool + z->at + z->start;
    int n = nb_chars_trim_trail(c, z->m - z->start), row, header = 0;
    if (n > 0)
        ex_lex_exact_chars(L, c, n, &row, &header);
    return z->header == (header && n <= EX_HEADER_MAX);
}

/* Each token of the stream as the same token classified alone (a stream of
 * one): the same entry, the split tokens' halves as the halves alone. */
static int stream_as_alone(nb_memo *M, const lexicon *L, unsigned long long *s, const char *how)
{
    int splits = 0;
    static char t[1 << 14];
    tokv tv = {0};
    make_stream(L, s, t, sizeof t, &tv);
    ex_classify_tokens(M, L, t, &tv);
    assert_false(tv.oom);
    assert_int_equal(tv.nnorm, tv.n);
    texts_listed(&tv);
    for (size_t i = 0; i < tv.n; i++) {
        if (tv.v[i].kind != K_TEXT)
            continue; /* its entry is read by no stage */
        entry got, want;
        entry_of(&tv, i, &got);
        if (!header_as_plain(L, &tv, i))
            fail_msg("token %zu %s: header %d", i, how, got.header);
        tokv one = {0};
        assert_non_null(ex_emit(&one, K_TEXT, tv.v[i].off, tv.v[i].len, LK_PLAIN));
        ex_classify_tokens(NULL, L, t, &one);
        assert_false(one.oom);
        int whole = i + 1 < tv.n && tv.v[i + 1].kind == K_TEXT && tv.v[i + 1].off == tv.v[i].off + tv.v[i].len;
        splits += whole;
        if (one.n == 1 || !whole) {
            entry_of(&one, 0, &want);
            same_entry(&got, &want, i, how);
        }
        ex_tokv_free(&one);
    }
    ex_tokv_free(&tv);
    return splits;
}

/* Streams under each format's lexicon: with no memo, a shared one (fresh,
 * then warm) and one so small it is emptied all the time. Some stream
 * must have split a token. */
static void test_streams_as_tokens_alone(void **state)
{
    (void)state;
    nb_memo *shared = nb_memo_new(2048, 256 * 1024), *tiny = nb_memo_new(4, 1024);
    assert_non_null(shared);
    assert_non_null(tiny);
    unsigned long long s = 7;
    int splits = 0;
    for (int round = 0; round < 300; round++) {
        const lexicon *L = g_ctx.lex[round % 3];
        unsigned long long keep = s;
        splits += stream_as_alone(NULL, L, &s, "without a memo");
        s = keep;
        stream_as_alone(shared, L, &s, "with a shared memo");
        s = keep;
        stream_as_alone(tiny, L, &s, "with a memo emptied all the time");
    }
    assert_true(nb_memo_emptied(tiny) > 0);
    assert_true(splits > 0);
    nb_memo_free(shared);
    nb_memo_free(tiny);
}

/* A stream of no tokens has no entries made and none listed; one of tokens
 * none of them text lists none. */
static void test_streams_without_text(void **state)
{
    (void)state;
    tokv tv = {0};
    ex_classify_tokens(NULL, g_ctx.lex[0], "", &tv);
    assert_int_equal(tv.nnorm, 0);
    assert_null(tv.norm);
    assert_int_equal(tv.ntexts, 0);
    const char *t = "12 34";
    assert_non_null(ex_emit(&tv, K_VALUE, 0, 2, LK_PLAIN));
    assert_non_null(ex_emit(&tv, K_EOL, 2, 1, LK_PLAIN));
    assert_non_null(ex_emit(&tv, K_VALUE, 3, 2, LK_PLAIN));
    ex_classify_tokens(g_ctx.label_memo, g_ctx.lex[0], t, &tv);
    assert_int_equal(tv.nnorm, 3);
    texts_listed(&tv);
    assert_int_equal(tv.ntexts, 0);
    ex_tokv_free(&tv);
}

/* Headers of each lexicon as texts of their own, and the longest of them
 * past EX_HEADER_MAX: marked as a plain look-up says. Some header must be
 * longer than that, some not. */
static void test_header_marks(void **state)
{
    (void)state;
    int shorter = 0, longer = 0;
    for (int l = 0; l < 3; l++) {
        const lexicon *L = g_ctx.lex[l];
        for (int h = 0; h < L->s->nheaders; h++) {
            const char *x = L->s->headers[h];
            tokv tv = {0};
            assert_non_null(ex_emit(&tv, K_TEXT, 0, strlen(x), LK_PLAIN));
            ex_classify_tokens(NULL, L, x, &tv);
            assert_false(tv.oom);
            assert_true(header_as_plain(L, &tv, 0));
            shorter += tv.norm[0].header;
            longer += tv.v[0].cls == C_HEADER && !tv.norm[0].header;
            ex_tokv_free(&tv);
        }
    }
    print_message("%d short headers marked, %d not\n", shorter, longer);
    assert_true(shorter > 0 && longer > 0);
}

/* Groups of labels built from random code points, compared with labels of
 * their own and of each other's: in place as copied out. */
static void test_group_label_is(void **state)
{
    (void)state;
    unsigned long long s = 21;
    uint32_t pool[64 * 8];
    group g[64];
    assembly A = {0};
    A.lab = pool;
    for (int i = 0; i < 64; i++) {
        memset(&g[i], 0, sizeof g[i]);
        g[i].lab = (uint32_t)(i * 8);
        g[i].nlab = (uint32_t)(rng_next(&s) % 9);
        for (int k = 0; k < 8; k++)
            pool[i * 8 + k] = 0x4E00 + (uint32_t)(rng_next(&s) % 3);
    }
    int same = 0;
    for (int i = 0; i < 64; i++)
        for (int j = 0; j < 64; j++) {
            nb_ustr u, v;
            ex_group_label(&A, &g[j], &u);
            ex_group_label(&A, &g[i], &v);
            int plain = nb_ustr_eq(&v, &u);
            assert_int_equal(ex_group_label_is(&A, &g[i], &u), plain);
            same += plain;
        }
    assert_true(same > 64);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_by_their_bytes),
        cmocka_unit_test(test_streams_as_tokens_alone),
        cmocka_unit_test(test_streams_without_text),
        cmocka_unit_test(test_header_marks),
        cmocka_unit_test(test_group_label_is),
    };
    return TU_RUN("classify_norms", tests, &g_ctx, NULL, NULL);
}
