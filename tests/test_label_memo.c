/* test_label_memo.c — the memo of what the lexicons make of label texts
 * (extract/memo.c) never changes a reading: an answer is found again only
 * under its own lexicon, kind and key; a full memo forgets everything and
 * answers anew; a token classified with the memo (fresh, warm from other
 * reports, or so small it is emptied all the time) is classified as
 * without it under each format's lexicon; and every report of the corpus
 * and the test data gives the same cells, labels and extras with and
 * without it. */
#include "testutil.h"
#include "extract/internal.h"
#include "model/schema.h"

static nb_ctx g_ctx;

/* ---- the memo itself ---- */

static void put_int(nb_memo *M, const void *lex, int kind, const char *key, int v)
{
    int *a = nb_memo_put(M, lex, kind, key, strlen(key), sizeof *a);
    assert_non_null(a);
    *a = v;
}

/* The int kept under lex, kind and key, or -1 when none is. */
static int get_int(const nb_memo *M, const void *lex, int kind, const char *key)
{
    size_t vlen = 0;
    const int *a = nb_memo_get(M, lex, kind, key, strlen(key), &vlen);
    if (!a)
        return -1;
    assert_int_equal(vlen, sizeof *a);
    return *a;
}

/* One key under two lexicons and two kinds, and keys alike but for their
 * length or one byte in the middle (of short and of long keys): each has
 * its own answer. */
static void test_keys_kept_apart(void **state)
{
    (void)state;
    nb_memo *M = nb_memo_new(256, 16384);
    assert_non_null(M);
    int lexa = 0, lexb = 0;
    static const char *const keys[] = {"", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi",
                                       "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefgXijklmnop", "abcdefghijklmnopq",
                                       "总计", "总计：", "信息内容本年制发件数"};
    int nk = (int)(sizeof keys / sizeof keys[0]);
    for (int i = 0; i < nk; i++) {
        put_int(M, &lexa, MEMO_BEST_ROW, keys[i], 4 * i);
        put_int(M, &lexb, MEMO_BEST_ROW, keys[i], 4 * i + 1);
        put_int(M, &lexa, MEMO_NEAR_HEADER, keys[i], 4 * i + 2);
        put_int(M, &lexa, MEMO_NEAR_HEADER | 3 << 8, keys[i], 4 * i + 3);
    }
    for (int i = 0; i < nk; i++) {
        assert_int_equal(get_int(M, &lexa, MEMO_BEST_ROW, keys[i]), 4 * i);
        assert_int_equal(get_int(M, &lexb, MEMO_BEST_ROW, keys[i]), 4 * i + 1);
        assert_int_equal(get_int(M, &lexa, MEMO_NEAR_HEADER, keys[i]), 4 * i + 2);
        assert_int_equal(get_int(M, &lexa, MEMO_NEAR_HEADER | 3 << 8, keys[i]), 4 * i + 3);
    }
    assert_int_equal(get_int(M, &lexb, MEMO_NEAR_HEADER, "abc"), -1);
    assert_int_equal(get_int(M, &lexa, MEMO_BEST_ROW, "abcdefghijklmnoX"), -1);
    assert_int_equal(nb_memo_emptied(M), 0);
    nb_memo_free(M);
}

/* A memo of eight slots holds four entries: the fifth empties it, and the
 * four before are asked for anew (not answered from the arena the fifth
 * now uses); an entry larger than the whole arena is not kept at all. */
static void test_full_memo_forgets(void **state)
{
    (void)state;
    nb_memo *M = nb_memo_new(8, 256);
    assert_non_null(M);
    int lex = 0;
    static const char *const keys[] = {"k0", "k1", "k2", "k3", "k4"};
    for (int i = 0; i < 4; i++)
        put_int(M, &lex, MEMO_CLASS, keys[i], i);
    for (int i = 0; i < 4; i++)
        assert_int_equal(get_int(M, &lex, MEMO_CLASS, keys[i]), i);
    put_int(M, &lex, MEMO_CLASS, "k4", 40);
    assert_int_equal(nb_memo_emptied(M), 1);
    for (int i = 0; i < 4; i++)
        assert_int_equal(get_int(M, &lex, MEMO_CLASS, keys[i]), -1);
    assert_int_equal(get_int(M, &lex, MEMO_CLASS, "k4"), 40);
    put_int(M, &lex, MEMO_CLASS, "k0", 7); /* a key asked for anew gets its new answer */
    assert_int_equal(get_int(M, &lex, MEMO_CLASS, "k0"), 7);
    char big[300];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_null(nb_memo_put(M, &lex, MEMO_CLASS, big, strlen(big), 8));
    assert_int_equal(get_int(M, &lex, MEMO_CLASS, "k4"), 40);
    /* the arena full before the slots: emptied too */
    for (int i = 0; i < 3; i++) {
        char key[120];
        memset(key, 'a' + i, sizeof key - 1);
        key[sizeof key - 1] = '\0';
        put_int(M, &lex, MEMO_CLASS, key, 100 + i);
    }
    assert_true(nb_memo_emptied(M) >= 2);
    assert_int_equal(get_int(M, &lex, MEMO_CLASS, "k4"), -1);
    nb_memo_free(M);
    assert_null(nb_memo_new(6, 256)); /* slots must be a power of two */
}

/* ---- a token classified ---- */

/* What classification made of text as a single token: its class, exact
 * row, numbering, normal form, and where a split cut it. */
typedef struct tok_reading {
    int cls, exact_row, numbered, ntok, cut, m, start, had, marks, header;
    uint32_t c[NB_USTR_MAX];
} tok_reading;

static void classify_text(nb_memo *M, const lexicon *L, const char *text, tok_reading *out)
{
    tokv tv = {0};
    assert_non_null(ex_emit(&tv, K_TEXT, 0, strlen(text), LK_PLAIN));
    ex_classify_tokens(M, L, text, &tv);
    assert_false(tv.oom);
    memset(out, 0, sizeof *out);
    const tok *k = &tv.v[0];
    const tnorm *z = &tv.norm[0];
    *out = (tok_reading){.cls = k->cls, .exact_row = k->exact_row, .numbered = k->numbered, .ntok = (int)tv.n,
                         .cut = (int)k->len, .m = z->m, .start = z->start, .had = z->had, .marks = z->marks,
                         .header = z->header};
    assert_true(z->made);
    memcpy(out->c, tv.pool + z->at, (size_t)z->m * sizeof *out->c);
    ex_tokv_free(&tv);
}

static void same_token_reading(const tok_reading *a, const tok_reading *b, const char *text, const char *how)
{
    if (a->cls != b->cls || a->exact_row != b->exact_row || a->numbered != b->numbered || a->ntok != b->ntok ||
        a->cut != b->cut || a->m != b->m || a->start != b->start || a->had != b->had || a->marks != b->marks ||
        a->header != b->header || memcmp(a->c, b->c, (size_t)a->m * sizeof *a->c) != 0)
        fail_msg("\"%s\" %s: class %d row %d split %d/%d, without the memo class %d row %d split %d/%d", text, how,
                 a->cls, a->exact_row, a->ntok, a->cut, b->cls, b->exact_row, b->ntok, b->cut);
}

/* The texts tried: every format's row labels, headers and group headings
 * as the schema words them, numbered, with a trailing colon, and header
 * words run into a row label (split off). */
static int label_texts(char (*out)[256], int cap)
{
    int n = 0;
    for (int k = 0; k < 3; k++) {
        const lexicon *L = g_ctx.lex[k];
        const nb_schema *s = L->s;
        for (int r = 0; r < s->nrows && n + 3 <= cap; r++) {
            snprintf(out[n++], 256, "%s", s->rows[r].label);
            snprintf(out[n++], 256, "（三）%s：", s->rows[r].label);
            snprintf(out[n++], 256, "信息内容本年制发件数%s", s->rows[r].label);
        }
        for (int h = 0; h < s->nheaders && n < cap; h++)
            snprintf(out[n++], 256, "%s", s->headers[h]);
        for (int g = 0; g < s->ngroups && n < cap; g++)
            snprintf(out[n++], 256, "%s", s->groups[g]);
    }
    if (n + 2 <= cap) {
        snprintf(out[n++], 256, "%s", "其他");
        snprintf(out[n++], 256, "%s", "2.其他法律行政止公开");
    }
    return n;
}

/* Each text under each lexicon, with one memo shared by all (fresh, then
 * warm), and with one so small it is emptied all the time: as without a
 * memo. Some text must read differently under two lexicons, or the memo
 * is not shown to keep them apart. */
static void test_tokens_under_each_lexicon(void **state)
{
    (void)state;
    static char texts[1024][256];
    int nt = label_texts(texts, 1024);
    nb_memo *shared = nb_memo_new(2048, 256 * 1024), *tiny = nb_memo_new(4, 1024);
    assert_non_null(shared);
    assert_non_null(tiny);
    static tok_reading plain[1024][3];
    for (int i = 0; i < nt; i++)
        for (int k = 0; k < 3; k++)
            classify_text(NULL, g_ctx.lex[k], texts[i], &plain[i][k]);
    int differ = 0, splits = 0;
    for (int i = 0; i < nt; i++) {
        differ += plain[i][0].cls != plain[i][1].cls || plain[i][0].exact_row != plain[i][1].exact_row;
        splits += plain[i][0].ntok > 1;
    }
    assert_true(differ > 0);
    assert_true(splits > 0);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < nt; i++)
            for (int k = 0; k < 3; k++) {
                tok_reading t;
                classify_text(shared, g_ctx.lex[k], texts[i], &t);
                same_token_reading(&t, &plain[i][k], texts[i], pass ? "from a warm memo" : "with a fresh memo");
                classify_text(tiny, g_ctx.lex[k], texts[i], &t);
                same_token_reading(&t, &plain[i][k], texts[i], "with a memo emptied all the time");
            }
    assert_int_equal(nb_memo_emptied(shared), 0);
    assert_true(nb_memo_emptied(tiny) > 0);
    nb_memo_free(shared);
    nb_memo_free(tiny);
}

/* ---- whole reports ---- */

static void same_reading(const nb_report *a, const nb_report *b, const char *path, const char *how)
{
    if (a->ncells != b->ncells || a->nlabels != b->nlabels || a->nextras != b->nextras ||
        a->tables_cut != b->tables_cut)
        fail_msg("%s %s: %d cells, %d labels, %d extras; without the memo %d, %d, %d", path, how, a->ncells,
                 a->nlabels, a->nextras, b->ncells, b->nlabels, b->nextras);
    for (int i = 0; i < a->ncells; i++) {
        const nb_cell *x = &a->cells[i], *y = &b->cells[i];
        if (x->status != y->status || nb_num_cmp(x->num, y->num) != 0 || x->off != y->off || x->len != y->len)
            fail_msg("%s %s: cell %d differs", path, how, i);
    }
    for (int i = 0; i < a->nlabels; i++) {
        const nb_label *x = &a->labels[i], *y = &b->labels[i];
        if (strcmp(x->id, y->id) || strcmp(x->found, y->found) || x->off != y->off || strcmp(x->standard, y->standard))
            fail_msg("%s %s: label %d (%s) differs", path, how, i, x->id);
    }
    for (int i = 0; i < a->nextras; i++) {
        const nb_extra *x = &a->extras[i], *y = &b->extras[i];
        if (x->off != y->off || x->len != y->len || x->table != y->table || x->column != y->column ||
            x->old_row != y->old_row)
            fail_msg("%s %s: extra %d differs", path, how, i);
    }
}

static int open_with(nb_report *r, const char *path, void *memo)
{
    void *keep = g_ctx.label_memo;
    g_ctx.label_memo = memo;
    nb_err e;
    int rc = nb_report_open(r, path, &g_ctx, &e);
    g_ctx.label_memo = keep;
    return rc;
}

/* The files of dir whose names end in one of the suffixes (NULL-ended),
 * into paths; how many. */
static int files_in(const char *dir, const char *const *suffixes, char (*paths)[512], int n, int cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return n;
    struct dirent *e;
    while ((e = readdir(d)) && n < cap) {
        size_t l = strlen(e->d_name);
        for (const char *const *s = suffixes; *s; s++) {
            size_t sl = strlen(*s);
            if (l > sl && !strcmp(e->d_name + l - sl, *s) && strstr(e->d_name, ".expected") == NULL) {
                snprintf(paths[n++], 512, "%s/%s", dir, e->d_name);
                break;
            }
        }
    }
    closedir(d);
    return n;
}

/* Every report read without the memo, with the context's (warm from the
 * reports before), and with a small one emptied now and then: the same
 * cells, labels and extras. */
static void test_reports_same_with_and_without(void **state)
{
    (void)state;
    static char paths[256][512];
    static const char *const text[] = {".txt", NULL}, *const typeset[] = {".docx", ".html", NULL};
    int n = files_in(tu_corpus_dir(), text, paths, 0, 256);
    n = files_in("tests/data", text, paths, n, 256);
    n = files_in("tests/data/layouts", text, paths, n, 256);
    n = files_in(tu_formats_dir(), typeset, paths, n, 256);
    assert_true(n >= 10);
    nb_memo *small = nb_memo_new(64, 8192);
    assert_non_null(small);
    int read = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++) {
            nb_report plain, warm, tiny;
            if (open_with(&plain, paths[i], NULL) != 0)
                continue; /* not a report this test reads */
            assert_int_equal(open_with(&warm, paths[i], g_ctx.label_memo), 0);
            assert_int_equal(open_with(&tiny, paths[i], small), 0);
            same_reading(&warm, &plain, paths[i], "with the context's memo");
            same_reading(&tiny, &plain, paths[i], "with a small memo");
            nb_report_free(&plain);
            nb_report_free(&warm);
            nb_report_free(&tiny);
            read++;
        }
    print_message("%d readings of %d files the same with and without the memo\n", read, n);
    assert_true(nb_memo_emptied(small) > 0);
    nb_memo_free(small);
}

/* ---- run-together headers ---- */

/* clean.txt with its first table's header line written run together:
 * the standard words, or wordings near them (traditional characters, an
 * added 度 or 的), with junk between them (each from seed), and, for
 * long, the words again until the line is about long bytes. */
static char *run_together(const char *base, const char *line, unsigned seed, size_t long_, size_t *n)
{
    static const char *const words[] = {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"};
    static const char *const near[] = {"信息內容", "本年製发件數", "本年度的废止件數", "现行有效的件數"};
    static const char *const junk[] = {"", "", "（件）", "文件", "数", "本年", "制发件", "x", "12", "有效"};
    char row[2048];
    size_t o = 0;
    for (int w = 0; w < 4 || (long_ && o + 40 < long_); w++) {
        seed = seed * 1103515245u + 12345u;
        o += (size_t)snprintf(row + o, sizeof row - o, "%s%s", junk[seed >> 16 & 7 ? 0 : (seed >> 8) % 10],
                              (seed >> 4 & 3) == 1 ? near[w % 4] : words[w % 4]);
    }
    while (long_ && o < long_ && o + 1 < sizeof row)
        row[o++] = 'x';
    row[o] = '\0';
    const char *at = strstr(base, line);
    assert_non_null(at);
    char *out = malloc(strlen(base) + o + 1);
    assert_non_null(out);
    size_t pre = (size_t)(at - base);
    memcpy(out, base, pre);
    memcpy(out + pre, row, o);
    strcpy(out + pre + o, at + strlen(line));
    *n = strlen(out);
    return out;
}

static void read_with(nb_report *r, const char *text, size_t n, void *memo)
{
    nb_ctx c = g_ctx;
    c.label_memo = memo;
    tu_report_bytes(r, &c, "run.txt", text, n);
}

/* Run-together header lines of every mix of standard words and junk, and
 * of lengths about the most read (1024 bytes) on either side, read without
 * the memo, with a warm one (each line twice) and with a small one: the
 * same cells and labels; and the words' wrong wordings are recorded. */
static void test_run_together_headers(void **state)
{
    (void)state;
    size_t bn;
    char *base = tu_read("tests/data/clean.txt", &bn);
    assert_non_null(base);
    nb_memo *small = nb_memo_new(64, 8192);
    assert_non_null(small);
    int near = 0;
    for (unsigned seed = 0; seed < 120; seed++) {
        size_t long_ = seed < 100 ? 0 : 1014 + (seed - 100), n;
        char *text = run_together(base, "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", seed, long_, &n);
        for (int again = 0; again < 2; again++) {
            nb_report plain, warm, tiny;
            read_with(&plain, text, n, NULL);
            read_with(&warm, text, n, g_ctx.label_memo);
            read_with(&tiny, text, n, small);
            same_reading(&warm, &plain, "run-together", "with the context's memo");
            same_reading(&tiny, &plain, "run-together", "with a small memo");
            for (int l = 0; l < plain.nlabels; l++)
                near += strstr(plain.labels[l].id, ".*.") != NULL;
            nb_report_free(&plain);
            nb_report_free(&warm);
            nb_report_free(&tiny);
        }
        free(text);
    }
    print_message("%d near header wordings recorded\n", near);
    assert_true(near > 0);
    nb_memo_free(small);
    free(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_kept_apart),
        cmocka_unit_test(test_full_memo_forgets),
        cmocka_unit_test(test_tokens_under_each_lexicon),
        cmocka_unit_test(test_reports_same_with_and_without),
        cmocka_unit_test(test_run_together_headers),
    };
    return TU_RUN("label_memo", tests, &g_ctx, NULL, NULL);
}
