/* test_memory.c — large reports in memory bounded by their text: a report
 * whose every count is filled has every cell read from the number written;
 * its tables block repeated past the bounds of the tables' zone (20 000
 * rows, a million tokens) is cut, said so, with the first block's cells
 * read all the same; a text report in UTF-8 keeps the file's bytes as its
 * text (no copy), other encodings are decoded into one; prose with no line
 * to join is not copied for the claims; the line index of a million short
 * lines places every one. */
#include "testutil.h"
#include "text/join.h"

static nb_ctx g_ctx;

/* A number written into the report: where and which. */
typedef struct written {
    size_t off;
    long long v;
} written;

typedef struct grown {
    char *t;
    size_t n, cap;
    written *w;   /* the numbers of the first block */
    size_t nw;
} grown;

static void put(grown *g, const char *s, size_t n)
{
    if (g->n + n + 1 > g->cap) {
        g->cap = (g->n + n + 1) * 2;
        g->t = realloc(g->t, g->cap);
        assert_non_null(g->t);
    }
    memcpy(g->t + g->n, s, n);
    g->n += n;
    g->t[g->n] = '\0';
}

/* The line of src holding needle: its start; fails when none. */
static const char *line_with(const char *src, const char *needle)
{
    const char *p = strstr(src, needle);
    assert_non_null(p);
    while (p > src && p[-1] != '\n')
        p--;
    return p;
}

/* tests/data/clean.txt with its tables block (二、主动公开 to 五、) written
 * blocks times, every count of it ("0" between tabs) a number of its own:
 * (k * 7 + i * 13 + j * 3) % 1000 for block k, line i, field j. */
static grown fill_report(int blocks)
{
    char *src = tu_read("tests/data/clean.txt", NULL);
    assert_non_null(src);
    const char *from = line_with(src, "二、主动公开政府信息情况"), *to = line_with(src, "五、存在的主要问题");
    grown g = {0};
    g.w = malloc(4096 * sizeof *g.w);
    assert_non_null(g.w);
    put(&g, src, (size_t)(from - src));
    for (int k = 0; k < blocks; k++) {
        int i = 0;
        for (const char *l = from; l < to; i++) {
            const char *e = strchr(l, '\n');
            int j = 1;
            for (const char *f = l; f <= e; j++) {
                const char *fe = memchr(f, '\t', (size_t)(e - f));
                fe = fe ? fe : e;
                if (fe - f == 1 && *f == '0') {
                    char num[16];
                    long long v = (k * 7 + i * 13 + j * 3) % 1000;
                    int nn = snprintf(num, sizeof num, "%lld", v);
                    if (k == 0 && g.nw < 4096)
                        g.w[g.nw++] = (written){g.n, v};
                    put(&g, num, (size_t)nn);
                } else {
                    put(&g, f, (size_t)(fe - f));
                }
                put(&g, fe, 1); /* the tab or the line's end */
                f = fe + 1;
            }
            l = e + 1;
        }
    }
    put(&g, to, strlen(to));
    free(src);
    return g;
}

/* The report of text as a file read from disk (the way of check and
 * export: the file's buffer taken as the text). */
static void open_text(nb_report *r, const char *text, size_t n, const char *prefix, size_t plen)
{
    char dir[256], path[300];
    assert_int_equal(tu_tempdir(dir, sizeof dir, "memory"), 0);
    snprintf(path, sizeof path, "%s/report.txt", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(prefix, 1, plen, f), plen);
    assert_int_equal(fwrite(text, 1, n, f), n);
    fclose(f);
    nb_err e;
    if (nb_report_open(r, path, &g_ctx, &e) != 0)
        fail_msg("%s", e.msg);
    tu_rmtree(dir);
}

/* Every number written into the first block is a cell holding it, and
 * every cell read is one of them (skew: bytes before the text in the file
 * that the text does not have, a BOM). */
static void cells_are_written(const nb_report *r, const grown *g)
{
    int numbers = 0;
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        char id[96];
        nb_schema_cell_id(r->schema, ci, id, sizeof id);
        if (c->status != NB_ST_NUMBER)
            fail_msg("%s: not read (%s)", id, nb_status_name(c->status));
        numbers++;
        size_t w = 0;
        while (w < g->nw && g->w[w].off != c->off)
            w++;
        if (w == g->nw)
            fail_msg("%s: read at %zu, where no number was written", id, c->off);
        if (c->num.v != g->w[w].v || c->num.scale != 0)
            fail_msg("%s: %lld read, %lld written", id, c->num.v, g->w[w].v);
    }
    assert_int_equal((size_t)numbers, g->nw);
}

/* The report of fill_report(blocks) read (after prefix, a BOM or ""): cut
 * or not as said, the first block's numbers its cells. */
static void read_filled(int blocks, const char *prefix, int cut)
{
    grown g = fill_report(blocks);
    nb_report r;
    open_text(&r, g.t, g.n, prefix, strlen(prefix));
    assert_int_equal(r.tables_cut, cut);
    assert_int_equal(r.doc.enc, *prefix ? NB_ENC_UTF8_BOM : NB_ENC_UTF8);
    cells_are_written(&r, &g);
    nb_report_free(&r);
    free(g.t);
    free(g.w);
}

static void test_filled_report(void **s)
{
    (void)s;
    read_filled(1, "", 0);
    read_filled(1, "\xEF\xBB\xBF", 0); /* the text moved over the BOM in the same buffer */
}

/* The tables block 1000 times (55 000 lines): past the 20 000 rows read,
 * the cut said; the first block, before the cut, read number for number. */
static void test_repeated_past_the_rows(void **s)
{
    (void)s;
    read_filled(1000, "", 1);
}

/* A million and more tokens on few lines (rows of 400 numbers after T3):
 * the tokens are cut, said so; the cells before them read. */
static void test_past_the_tokens(void **s)
{
    (void)s;
    grown g = fill_report(1);
    const char *t4 = strstr(g.t, "四、政府信息公开行政复议");
    assert_non_null(t4);
    while (t4 > g.t && t4[-1] != '\n')
        t4--;
    size_t at = (size_t)(t4 - g.t);
    grown big = {0};
    put(&big, g.t, at);
    char row[2048];
    size_t n = 0;
    for (int i = 0; i < 400; i++)
        n += (size_t)snprintf(row + n, sizeof row - n, "%d\t", i % 10);
    row[n - 1] = '\n';
    for (int i = 0; i < 3000; i++) /* 1.2 million numbers */
        put(&big, row, n);
    put(&big, g.t + at, g.n - at);
    nb_report r;
    open_text(&r, big.t, big.n, "", 0);
    assert_true(r.tables_cut);
    char id[96];
    for (int ci = 0; ci < r.ncells; ci++) { /* T2 and T3, before the numbers, read as written */
        nb_schema_cell_id(r.schema, ci, id, sizeof id);
        if (id[1] == '4')
            continue;
        const nb_cell *c = &r.cells[ci];
        assert_int_equal(c->status, NB_ST_NUMBER);
        size_t w = 0;
        while (w < g.nw && g.w[w].off != c->off)
            w++;
        if (w == g.nw || g.w[w].v != c->num.v)
            fail_msg("%s: not the number written", id);
    }
    nb_report_free(&r);
    free(big.t);
    free(g.t);
    free(g.w);
}

/* UTF-8 text is the buffer given, not a copy; GB18030 a decoded one (and
 * the buffer freed: the sanitizer's leak check says so). */
static void test_text_taken(void **s)
{
    (void)s;
    const char *u8 = "二、主动公开政府信息情况\n规章\t1\n";
    size_t n = strlen(u8);
    unsigned char *buf = malloc(n + NB_DOC_PAD + 1);
    assert_non_null(buf);
    memcpy(buf, u8, n);
    nb_doc d;
    nb_err e;
    assert_int_equal(nb_doc_take(&d, "u8.txt", buf, n, NB_LANG_EN, &e), 0);
    assert_ptr_equal(d.text, (char *)buf);
    assert_int_equal(d.len, n);
    assert_int_equal(d.nlines, 2);
    nb_doc_free(&d);
    size_t gn = 0;
    char *gb = tu_iconv("GB18030", "UTF-8", u8, n, &gn);
    assert_non_null(gb);
    buf = malloc(gn + NB_DOC_PAD + 1);
    assert_non_null(buf);
    memcpy(buf, gb, gn);
    assert_int_equal(nb_doc_take(&d, "gb.txt", buf, gn, NB_LANG_EN, &e), 0);
    assert_int_equal(d.enc, NB_ENC_GB18030);
    assert_int_equal(d.len, n);
    assert_memory_equal(d.text, u8, n);
    nb_doc_free(&d);
    free(gb);
    buf = malloc(4 + NB_DOC_PAD + 1); /* refused: freed all the same */
    assert_non_null(buf);
    memcpy(buf, "a\0b\n", 4);
    assert_int_equal(nb_doc_take(&d, "nul.txt", buf, 4, NB_LANG_EN, &e), -1);
    assert_int_equal(e.code, NB_E_BINARY);
}

/* Prose with no line to join is the text itself for the claims; one join
 * makes the copy, mapped back to the original. */
static void test_join_copies_only_joins(void **s)
{
    (void)s;
    const char *plain = "一、总体情况。\n\n2024年，本机关收到申请 5 件。\n";
    nb_joined j;
    assert_int_equal(nb_join_lines(plain, strlen(plain), 0, 0, &j), 0);
    assert_ptr_equal(j.t, plain);
    assert_null(j.buf);
    assert_int_equal(j.n, strlen(plain));
    assert_int_equal(nb_joined_orig(&j, 20), 20);
    nb_joined_free(&j);
    const char *wrapped = "2024年，本机关收到政府\n信息公开申请 5 件。\n";
    assert_int_equal(nb_join_lines(wrapped, strlen(wrapped), 0, 0, &j), 0);
    assert_ptr_not_equal(j.t, wrapped);
    assert_non_null(strstr(j.t, "政府信息公开申请"));
    size_t at = (size_t)(strstr(j.t, "信息") - j.t);
    assert_int_equal(nb_joined_orig(&j, at), (size_t)(strstr(wrapped, "信息") - wrapped));
    nb_joined_free(&j);
}

/* A million lines of two bytes: every line found from its offsets, the
 * last one too, and located. */
static void test_million_short_lines(void **s)
{
    (void)s;
    size_t lines = 1000000, n = lines * 2;
    unsigned char *buf = malloc(n + NB_DOC_PAD + 1);
    assert_non_null(buf);
    for (size_t i = 0; i < lines; i++)
        memcpy(buf + 2 * i, i % 2 ? "7\n" : "4\n", 2);
    nb_doc d;
    nb_err e;
    assert_int_equal(nb_doc_take(&d, "short.txt", buf, n, NB_LANG_EN, &e), 0);
    assert_int_equal(d.nlines, lines);
    for (size_t li = 0; li < lines; li += 99991) {
        size_t a, b;
        nb_doc_line(&d, li, &a, &b);
        assert_int_equal(a, 2 * li);
        assert_int_equal(b, 2 * li + 1);
        assert_int_equal(nb_doc_line_of(&d, 2 * li + 1), li);
    }
    nb_loc l = nb_doc_locate(&d, n - 2);
    assert_int_equal(l.line, lines);
    assert_int_equal(l.col, 1);
    assert_int_equal(l.orig, n - 2);
    nb_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_filled_report),
        cmocka_unit_test(test_repeated_past_the_rows),
        cmocka_unit_test(test_past_the_tokens),
        cmocka_unit_test(test_text_taken),
        cmocka_unit_test(test_join_copies_only_joins),
        cmocka_unit_test(test_million_short_lines),
    };
    return TU_RUN("memory", tests, &g_ctx, NULL, NULL);
}
