/* test_extract_steps.c — the extraction steps after tokenizing, each against
 * a plain reading of the same rules: T3's ordered alignment (match.c, which
 * looks only at the rows a group may stand at) against the whole table of
 * every group and row, on generated groups with exact, near, far and no
 * labels; the choice of the one-row （六）其他处理 variant (variant.c) against
 * a search of the region with its white space taken out, on texts with the
 * words whole, wrapped between any two bytes, cut short or missing; and T3's
 * subtotal columns and single 其他处理 row (extras.c), over the text tokens
 * classify listed or over every token, against searches of each word and
 * the token normalised anew. */
#include "testutil.h"
#include "extract/internal.h"
#include "model/schema.h"

static nb_ctx g_ctx;

/* A small deterministic generator (no global state). */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* ---- T3's alignment ---- */

/* ex_match_t3 as it read before: every cell of the table of groups and
 * rows, each label's similarity to every row made in full. */
static void ref_match_t3(nb_report *r, assembly *A, const area *ar)
{
    const nb_schema *s = r->schema;
    int rows[40], nr = 0, gs[512], ngs = 0;
    for (int k = 0; k < s->nrows; k++)
        if (nr < 40 && s->rows[k].table == NB_T3)
            rows[nr++] = k;
    for (int gi = 0; gi < A->ng; gi++) {
        const group *g = &A->g[gi];
        if (ngs < 512 && g->row < 0 && g->pos >= ar->t3s && g->pos < ar->t3e)
            gs[ngs++] = gi;
    }
    if (ngs == 0)
        return;
    size_t W = (size_t)nr + 1;
    double *D = calloc(((size_t)ngs + 1) * W, sizeof *D);
    unsigned char *how = calloc(((size_t)ngs + 1) * W, 1);
    assert_non_null(D);
    assert_non_null(how);
    for (int i = 1; i <= ngs; i++) {
        const group *g = &A->g[gs[i - 1]];
        double sims[40] = {0};
        if (g->has_label && g->exact_row < 0) {
            nb_ustr label;
            ex_group_label(A, g, &label);
            nb_sig sig;
            nb_sig_make(&label, &sig);
            for (int j = 0; j < nr; j++)
                sims[j] = nb_sig_sim(&sig, &A->L->sigs[rows[j]]);
        }
        for (int j = 1; j <= nr; j++) {
            double up = D[(size_t)(i - 1) * W + (size_t)j], left = D[(size_t)i * W + (size_t)j - 1];
            double best = up;
            unsigned char h = 1;
            if (left > best) {
                best = left;
                h = 2;
            }
            double sim = !g->has_label ? 0 : g->exact_row >= 0 ? (g->exact_row == rows[j - 1] ? 1.0 : 0.0)
                                                               : sims[j - 1];
            double pen;
            if ((!g->has_label || sim >= 0.5) && ex_fits(A, g, s->rows[rows[j - 1]].ncols, g->has_label, &pen)) {
                double gain = pen >= 1.5 ? 0.8 : 1.0 + 2.0 * sim - pen;
                double sc = D[(size_t)(i - 1) * W + (size_t)j - 1] + gain;
                if (sc > best) {
                    best = sc;
                    h = 3;
                }
            }
            D[(size_t)i * W + (size_t)j] = best;
            how[(size_t)i * W + (size_t)j] = h;
        }
    }
    for (int i = ngs, j = nr; i && j;)
        switch (how[(size_t)i * W + (size_t)j]) {
        case 3:
            r->rows_found[rows[j - 1]] = 1;
            A->g[gs[--i]].row = rows[--j];
            break;
        case 1:
            i--;
            break;
        default:
            j--;
        }
    free(D);
    free(how);
}

/* A label near row k's of L: its own, cut short, with a character changed
 * or dropped, or run into another row's. */
static void near_label(uint32_t *seed, const lexicon *L, int k, int other, nb_ustr *u)
{
    *u = L->rows[k];
    u->had_num = 0;
    switch (next_rand(seed) % 5) {
    case 0:
        break;
    case 1:
        u->n = u->n > 1 ? 1 + (int)(next_rand(seed) % (uint32_t)(u->n - 1)) : u->n;
        break;
    case 2:
        if (u->n)
            u->c[next_rand(seed) % (uint32_t)u->n] = 0x6C34; /* 水 */
        break;
    case 3:
        if (u->n > 1) {
            int at = (int)(next_rand(seed) % (uint32_t)u->n);
            memmove(u->c + at, u->c + at + 1, (size_t)(u->n - at - 1) * sizeof *u->c);
            u->n--;
        }
        break;
    default:
        nb_ustr_append(u, &L->rows[other]);
        break;
    }
}

/* One generated group: values (plain, empty, run-together digits) after
 * those of the groups before, a label exact, near or none, a place in T3
 * or just outside it, now and then a row taken already. */
static void gen_group(uint32_t *seed, assembly *A, const int *t3rows, int nt3, int nrows, size_t t3s, size_t t3e)
{
    group *g = &A->g[A->ng++];
    memset(g, 0, sizeof *g);
    g->row = -1;
    g->exact_row = -1;
    g->tab_fields = NO_FIELD;
    g->v0 = A->nv;
    g->nv = (int)(next_rand(seed) % 12);
    for (int v = 0; v < g->nv; v++) {
        tok *k = &A->toks[A->ntok];
        memset(k, 0, sizeof *k);
        k->exact_row = -1;
        k->nfields = NO_FIELD;
        k->field = NO_FIELD;
        uint32_t what = next_rand(seed) % 10;
        k->kind = what < 2 ? K_EMPTY : K_VALUE;
        k->len = what < 2 ? 0 : what < 9 ? 1 + next_rand(seed) % 3 : 4 + next_rand(seed) % 12;
        k->off = next_rand(seed) % 64;
        k->blob = what == 9;
        g->blob |= k->blob;
        A->vals[A->nv++] = (int)A->ntok++;
    }
    uint32_t lab = next_rand(seed) % 10;
    int k = t3rows[next_rand(seed) % (uint32_t)nt3];
    if (lab < 7) {
        g->has_label = 1;
        nb_ustr u;
        if (lab < 3) {
            g->exact_row = lab < 2 ? k : (int)(next_rand(seed) % (uint32_t)nrows);
            u = A->L->rows[g->exact_row];
        } else {
            near_label(seed, A->L, k, t3rows[next_rand(seed) % (uint32_t)nt3], &u);
        }
        g->lab = (uint32_t)A->nlab;
        g->nlab = (uint32_t)u.n;
        memcpy(A->lab + A->nlab, u.c, (size_t)u.n * sizeof *u.c);
        A->nlab += (size_t)u.n;
    }
    g->pos = t3s - 5 + next_rand(seed) % (uint32_t)(t3e - t3s + 10);
    if (next_rand(seed) % 12 == 0)
        g->row = (int)(next_rand(seed) % (uint32_t)nrows);
}

static void test_t3_alignment(void **state)
{
    (void)state;
    uint32_t seed = 12;
    static char digits[128];
    for (int i = 0; i < 127; i++)
        digits[i] = (char)('0' + (i * 7 + i / 10) % 10);
    enum { GROUPS = 60, VALS = GROUPS * 12 };
    long placed = 0, groups = 0;
    for (int round = 0; round < 1500; round++) {
        int li = round % 3;
        const lexicon *L = g_ctx.lex[li];
        const nb_schema *s = L->s;
        int t3rows[40], nt3 = 0;
        for (int k = 0; k < s->nrows && nt3 < 40; k++)
            if (s->rows[k].table == NB_T3)
                t3rows[nt3++] = k;
        assert_true(nt3 > 0);
        static tok toks[VALS];
        static int vals[VALS];
        static uint32_t lab[GROUPS * 2 * NB_USTR_MAX];
        static group ga[GROUPS], gb[GROUPS];
        assembly A = {0};
        A.L = L;
        A.memo = round % 2 ? g_ctx.label_memo : NULL;
        A.t = digits;
        A.toks = toks;
        A.vals = vals;
        A.lab = lab;
        A.g = ga;
        area ar = {0};
        ar.t3s = 1000;
        ar.t3e = 2000;
        int ng = 1 + (int)(next_rand(&seed) % GROUPS);
        for (int i = 0; i < ng; i++)
            gen_group(&seed, &A, t3rows, nt3, s->nrows < MAXROWS ? s->nrows : MAXROWS, ar.t3s, ar.t3e);
        memcpy(gb, ga, (size_t)ng * sizeof *ga);
        nb_report ra, rb;
        memset(&ra, 0, sizeof ra);
        ra.schema = s;
        rb = ra;
        ex_match_t3(&ra, &A, &ar);
        assembly B = A;
        B.g = gb;
        ref_match_t3(&rb, &B, &ar);
        for (int i = 0; i < ng; i++) {
            if (ga[i].row != gb[i].row)
                fail_msg("round %d group %d: row %d, the plain alignment %d", round, i, ga[i].row, gb[i].row);
            placed += ga[i].row >= 0;
        }
        assert_memory_equal(ra.rows_found, rb.rows_found, sizeof ra.rows_found);
        groups += ng;
    }
    print_message("%ld groups aligned, %ld of them at a row\n", groups, placed);
    assert_true(placed > groups / 4);
}

/* ---- the one-row 其他处理 variant ---- */

/* w in t[a, b) with white space allowed between its bytes: w in the bytes
 * of t[a, b) that are not white space. */
static int ref_has_words(const char *t, size_t a, size_t b, const char *w)
{
    char *x = malloc(b - a + 1);
    assert_non_null(x);
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
            x[n++] = t[i];
    x[n] = '\0';
    int found = strstr(x, w) != NULL;
    free(x);
    return found;
}

static int ref_one_row(const char *t, size_t a, size_t b)
{
    static const char *const rows3[] = {"不补正", "收费通知", "缴纳费用", "逾期未按"};
    if (!ref_has_words(t, a, b, "其他处理"))
        return 0;
    for (int k = 0; k < 4; k++)
        if (ref_has_words(t, a, b, rows3[k]))
            return 0;
    return 1;
}

/* A piece of T3's text: a word of the choice whole, with white space
 * between any of its bytes, or cut short; or other text. */
static size_t gen_piece(uint32_t *seed, char *out, size_t o)
{
    static const char *const words[] = {"其他处理", "不补正", "收费通知", "缴纳费用", "逾期未按", "申请人", "0", "（六）"};
    const char *w = words[next_rand(seed) % 8];
    size_t wl = strlen(w), keep = next_rand(seed) % 4 == 0 ? 1 + next_rand(seed) % wl : wl;
    int spaced = next_rand(seed) % 3 == 0;
    for (size_t i = 0; i < keep; i++) {
        out[o++] = w[i];
        if (spaced && next_rand(seed) % 3 == 0)
            out[o++] = " \t\n\r"[next_rand(seed) % 4];
    }
    if (next_rand(seed) % 3 == 0)
        out[o++] = next_rand(seed) % 2 ? '\n' : ' ';
    return o;
}

static void test_one_row_variant(void **state)
{
    (void)state;
    uint32_t seed = 6;
    const nb_schema *std = nb_schema_for(2021);
    int counts[2] = {0, 0};
    for (int round = 0; round < 20000; round++) {
        char text[512];
        size_t n = 0;
        int pieces = (int)(next_rand(&seed) % 14);
        for (int p = 0; p < pieces; p++)
            n = gen_piece(&seed, text, n);
        text[n] = '\0';
        nb_report r;
        memset(&r, 0, sizeof r);
        r.format = 2021;
        r.schema = std;
        r.doc.text = text;
        r.doc.len = n;
        r.ncells = nb_schema_ncells(std);
        r.cells = calloc((size_t)r.ncells, sizeof *r.cells);
        assert_non_null(r.cells);
        area ar = {0};
        ar.t3s = n ? next_rand(&seed) % 4 % n : 0;
        ar.t3e = n;
        assert_int_equal(ex_choose_variant(&r, &ar), 0);
        int want = ar.t3e > ar.t3s && ref_one_row(text, ar.t3s, ar.t3e);
        if ((r.schema->variant == NB_VARIANT_ONE_OTHER) != want)
            fail_msg("round %d: \"%s\" from %zu read as %s", round, text, ar.t3s,
                     want ? "the standard layout" : "the one-row variant");
        assert_int_equal(r.ncells, nb_schema_ncells(r.schema));
        counts[want]++;
        free(r.cells);
    }
    print_message("%d texts of the standard layout, %d of the one-row variant\n", counts[0], counts[1]);
    assert_true(counts[0] > 1000 && counts[1] > 500);
}

/* ---- T3's extras from tokens ---- */

static const tok *ref_next_on_line(const tok *toks, size_t ntok, size_t i)
{
    for (size_t k = i + 1; k < ntok && toks[k].kind != K_EOL && toks[k].kind != K_BREAK; k++)
        if (toks[k].kind != K_EMPTY)
            return &toks[k];
    return NULL;
}

/* The extras the tokens make as read before: each total word searched for
 * on its own, the heading normalised anew and compared as UTF-8. */
static int ref_extras(const nb_report *r, const tok *toks, size_t ntok, nb_extra *out)
{
    int n = 0;
    for (size_t i = 0; i < ntok; i++) {
        const tok *k = &toks[i];
        if (k->kind != K_TEXT)
            continue;
        const char *t = r->doc.text + k->off;
        if (k->cls == C_HEADER && (nb_find(t, k->len, "小计", 6) || nb_find(t, k->len, "合计", 6))) {
            out[n++] = (nb_extra){k->off, k->len, NB_T3, 1, 0};
            continue;
        }
        if (r->format != 2021 || k->cls != C_GROUP)
            continue;
        nb_ustr u;
        nb_norm(t, k->len, &u, NB_NORM_LABEL);
        char w[64];
        nb_ustr_utf8(&u, w, sizeof w);
        int figures = 0, other = 0;
        for (const tok *f = ref_next_on_line(toks, ntok, i); f; f = ref_next_on_line(toks, ntok, (size_t)(f - toks)))
            figures += f->kind == K_VALUE, other += f->kind != K_VALUE;
        if (!strcmp(w, "其他处理") && figures && !other)
            out[n++] = (nb_extra){k->off, k->len, NB_T3, 0, 3};
    }
    return n;
}

/* A line of the generated text: a heading or header word, maybe figures. */
static void gen_extras_line(uint32_t *seed, char *text, size_t *n, tokv *tv)
{
    static const char *const words[] = {"小计", "合计", "小", "计", "合", "总计", "其他处理", "（六）其他处理", "其他 处理",
                                        "六、其他处理", "其他处理：", "其他", "处理", "小 计", "法人或其他组织小计",
                                        "计小", "合合计", "x计", "其他处理其他处理", "*其他处理"};
    const char *w = words[next_rand(seed) % (sizeof words / sizeof words[0])];
    tok *k = ex_emit(tv, K_TEXT, *n, strlen(w), LK_PLAIN);
    assert_non_null(k);
    *n += (size_t)sprintf(text + *n, "%s", w);
    int after = (int)(next_rand(seed) % 4);
    for (int a = 0; a < after; a++) {
        text[(*n)++] = ' ';
        if (next_rand(seed) % 5 == 0) {
            assert_non_null(ex_emit(tv, K_EMPTY, *n, 0, LK_PLAIN));
        } else if (next_rand(seed) % 7 == 0) {
            assert_non_null(ex_emit(tv, K_TEXT, *n, 3, LK_PLAIN));
            *n += (size_t)sprintf(text + *n, "件");
        } else {
            assert_non_null(ex_emit(tv, K_VALUE, *n, 1, LK_PLAIN));
            text[(*n)++] = (char)('0' + next_rand(seed) % 10);
        }
    }
    assert_non_null(ex_emit(tv, K_EOL, *n, 0, LK_PLAIN));
    text[(*n)++] = '\n';
}

static void test_t3_extras(void **state)
{
    (void)state;
    uint32_t seed = 3;
    long found = 0;
    for (int round = 0; round < 3000; round++) {
        static char text[4096];
        size_t n = 0;
        tokv tv = {0};
        int lines = 1 + (int)(next_rand(&seed) % 20);
        for (int l = 0; l < lines; l++)
            gen_extras_line(&seed, text, &n, &tv);
        text[n] = '\0';
        int kept = round % 3 != 0; /* the normal forms kept, or none */
        if (kept)
            ex_classify_tokens(NULL, g_ctx.lex[0], text, &tv);
        assert_false(tv.oom);
        for (size_t i = 0; i < tv.n; i++)
            if (tv.v[i].kind == K_TEXT)
                tv.v[i].cls = (unsigned char)(next_rand(&seed) % 2 ? C_HEADER : C_GROUP);
        nb_report r;
        memset(&r, 0, sizeof r);
        r.format = round % 4 ? 2021 : 2019;
        r.schema = nb_schema_for(r.format);
        r.doc.text = text;
        r.doc.len = n;
        assembly A = {0};
        A.L = g_ctx.lex[0];
        A.t = text;
        A.norm = kept ? tv.norm : NULL;
        A.npool = tv.pool;
        A.texts = tv.texts; /* classify's list of the text tokens gone through, or every token */
        A.ntexts = tv.ntexts;
        A.texts_listed = kept && !tv.texts_lost;
        area ar = {0};
        ar.t3e = n;
        assert_int_equal(ex_record_extras(&r, &A, tv.v, tv.n, &ar), 0);
        nb_extra ref[64];
        int nref = ref_extras(&r, tv.v, tv.n, ref);
        assert_int_equal(r.nextras, nref);
        for (int i = 0; i < nref; i++)
            if (r.extras[i].off != ref[i].off || r.extras[i].len != ref[i].len || r.extras[i].table != ref[i].table ||
                r.extras[i].column != ref[i].column || r.extras[i].old_row != ref[i].old_row)
                fail_msg("round %d: extra %d differs", round, i);
        found += nref;
        free(r.extras);
        ex_tokv_free(&tv);
    }
    print_message("%ld extras found as before\n", found);
    assert_true(found > 3000);
}

/* ---- numbers placed under their columns' headers ---- */

/* A token's display columns, measured from its line's start; to 0 on a
 * long line. */
static void ref_extent(const nb_report *r, const tok *k, size_t *from, size_t *to)
{
    size_t ls, le;
    nb_doc_line(&r->doc, nb_doc_line_of(&r->doc, k->off), &ls, &le);
    *from = *to = 0;
    if (le - ls > 2048)
        return;
    *from = nb_display_cols(r->doc.text + ls, k->off - ls, 0);
    *to = *from + nb_display_cols(r->doc.text + k->off, k->len, *from);
}

/* ex_place_by_columns as it read before: every token above the row read
 * for the headers of its table, each looked up in the row's column labels. */
static int ref_place(const nb_report *r, assembly *A, const group *g, const int *idx, int n, int *at)
{
    const nb_row *rw = &r->schema->rows[g->row];
    if (n < 1 || n >= rw->ncols || rw->table == NB_T4)
        return 0;
    size_t line = nb_doc_line_of(&r->doc, A->toks[idx[0]].off), from = 0;
    for (int i = 0; i < n; i++)
        if (A->toks[idx[i]].lkind != LK_PLAIN || A->toks[idx[i]].kind != K_VALUE ||
            nb_doc_line_of(&r->doc, A->toks[idx[i]].off) != line)
            return 0;
    for (int h = 0; h < A->ng && &A->g[h] < g; h++)
        if (A->g[h].row >= 0 && r->schema->rows[A->g[h].row].table != rw->table && A->g[h].pos > from)
            from = A->g[h].pos;
    size_t cf[MAXWANT] = {0}, ct[MAXWANT] = {0};
    for (size_t i = 0; i < A->ntok && A->toks[i].off < g->pos; i++) {
        const tok *k = &A->toks[i];
        if (k->kind != K_TEXT || k->cls != C_HEADER || k->lkind != LK_PLAIN || k->off < from)
            continue;
        nb_ustr u;
        ex_tok_norm(A, i, NB_NORM_LABEL, &u);
        int c = -1, found = -1;
        for (int q = 0; q < rw->ncols && c < 0; q++)
            if (nb_ustr_eq(&A->L->colnorm[g->row][q], &u))
                c = q;
            else if (u.n >= 2 && nb_ustr_contains(&A->L->colnorm[g->row][q], &u))
                found = found == -1 ? q : -2;
        c = c >= 0 ? c : found >= 0 ? found : -1;
        size_t ef, et;
        ref_extent(r, k, &ef, &et);
        if (c < 0 || !et)
            continue;
        if (!ct[c] || ef < cf[c])
            cf[c] = ef;
        if (et > ct[c])
            ct[c] = et;
    }
    int known = 0, last = -1;
    for (int c = 0; c < rw->ncols; c++)
        known += ct[c] > 0;
    if (known < rw->ncols - 1)
        return 0;
    for (int c = 0; c < rw->ncols; c++)
        at[c] = -1;
    for (int i = 0; i < n; i++) {
        size_t vf, vt;
        ref_extent(r, &A->toks[idx[i]], &vf, &vt);
        int best = -1, tie = 0;
        long bs = -3;
        for (int c = 0; c < rw->ncols && vt; c++) {
            if (!ct[c])
                continue;
            long lo = (long)(vf > cf[c] ? vf : cf[c]), hi = (long)(vt < ct[c] ? vt : ct[c]);
            if (hi - lo > bs) {
                bs = hi - lo;
                best = c;
                tie = 0;
            } else if (hi - lo == bs) {
                tie = 1;
            }
        }
        int c = !vt || tie ? -1 : best;
        if (c <= last)
            return 0;
        at[c] = idx[i];
        last = c;
    }
    return 1;
}

/* A token of t[at, at + len) (text appended at *n) of kind, class and layout. */
static void put_tok(char *t, size_t *n, const char *s, tok *toks, size_t *nt, int kind, int cls, int lk)
{
    size_t len = strlen(s);
    memcpy(t + *n, s, len);
    toks[*nt] = (tok){0};
    toks[*nt].off = (uint32_t)*n;
    toks[*nt].len = (uint32_t)len;
    toks[*nt].kind = (unsigned char)kind;
    toks[*nt].cls = (unsigned char)cls;
    toks[*nt].lkind = (unsigned char)lk;
    toks[*nt].exact_row = -1;
    (*nt)++;
    *n += len;
}

static void put_spaces(char *t, size_t *n, int k)
{
    while (k-- > 0)
        t[(*n)++] = ' ';
}

/* A header line for table row hr's columns (some left out, some cut to a
 * fragment, a stray word, now and then a tab table's), then rows of hr's
 * columns, or of other columns of its table or another, with numbers under
 * some of the columns. */
static void gen_column_block(uint32_t *seed, const nb_schema *s, const int *rows, int nrows, char *t, size_t *n,
                             tok *toks, size_t *nt, group *g, int *ng, int *vals, int *nv)
{
    const nb_row *hr = &s->rows[rows[next_rand(seed) % (uint32_t)nrows]];
    size_t start[MAXWANT] = {0};
    put_spaces(t, n, 4 + (int)(next_rand(seed) % 6));
    for (int c = 0; c < hr->ncols; c++) {
        size_t ls = *n;
        while (ls > 0 && t[ls - 1] != '\n')
            ls--;
        start[c] = nb_display_cols(t + ls, *n - ls, 0);
        uint32_t how = next_rand(seed) % 10;
        char w[128];
        snprintf(w, sizeof w, "%s", how == 0 ? "备注" : hr->cols[c].label);
        if (how == 1 && strlen(w) > 6)
            w[6] = '\0'; /* a fragment: the first two characters */
        if (how != 2)
            put_tok(t, n, w, toks, nt, K_TEXT, C_HEADER, how == 3 ? LK_TAB : LK_PLAIN);
        else
            put_spaces(t, n, 6);
        put_spaces(t, n, 1 + (int)(next_rand(seed) % 5));
    }
    t[(*n)++] = '\n';
    int lines = 1 + (int)(next_rand(seed) % 6);
    for (int l = 0; l < lines && *ng < 60; l++) {
        group *gr = &g[(*ng)++];
        *gr = (group){0};
        gr->row = (int)(hr - s->rows);
        for (uint32_t k = next_rand(seed) % 4, tries = 0; k == 0 && tries < 8; tries++) {
            int o = rows[next_rand(seed) % (uint32_t)nrows]; /* another row, of the same table at best */
            gr->row = o;
            if (s->rows[o].table == hr->table)
                break;
        }
        if (next_rand(seed) % 10 == 0)
            gr->row = -1;
        gr->pos = *n;
        gr->v0 = *nv;
        put_tok(t, n, "行", toks, nt, K_TEXT, C_LABEL, LK_PLAIN);
        size_t col = 2;
        for (int c = 0; c < hr->ncols; c++) {
            if (next_rand(seed) % 3 == 0)
                continue;
            size_t want = start[c] + next_rand(seed) % 4;
            while (col < want) {
                t[(*n)++] = ' ';
                col++;
            }
            if (col > 2 && t[*n - 1] != ' ') {
                t[(*n)++] = ' ';
                col++;
            }
            vals[(*nv)++] = (int)*nt;
            gr->nv++;
            char num[16];
            int len = snprintf(num, sizeof num, "%u", next_rand(seed) % 1000);
            put_tok(t, n, num, toks, nt, K_VALUE, 0, next_rand(seed) % 20 ? LK_PLAIN : LK_TAB);
            col += (size_t)len;
        }
        t[(*n)++] = '\n';
    }
}

/* Each row's numbers placed on generated space-aligned tables (tables one
 * after another, headers repeated over some rows, rows of other columns of
 * the same table or another, the three lexicons' schemas, tokens now and
 * then out of text order), row by row as cells are filled: as the plain
 * reading of every token above the row places them. */
static void test_columns_placed(void **state)
{
    (void)state;
    uint32_t seed = 5;
    long placed = 0, tried = 0;
    for (int round = 0; round < 600; round++) {
        const lexicon *L = g_ctx.lex[round % 3];
        const nb_schema *s = L->s;
        int rows[64], nrows = 0;
        for (int k = 0; k < s->nrows && k < MAXROWS && nrows < 64; k++)
            if (s->rows[k].table != NB_T4 && s->rows[k].ncols > 1)
                rows[nrows++] = k;
        static char t[65536];
        static tok toks[4096];
        static group g[64];
        static int vals[4096];
        size_t n = 0, nt = 0;
        int ng = 0, nv = 0;
        int blocks = 1 + (int)(next_rand(&seed) % 5);
        for (int b = 0; b < blocks && ng < 60; b++)
            gen_column_block(&seed, s, rows, nrows, t, &n, toks, &nt, g, &ng, vals, &nv);
        if (round % 7 == 3 && nt > 2) { /* two tokens out of text order */
            tok k = toks[1];
            toks[1] = toks[nt - 1];
            toks[nt - 1] = k;
        }
        nb_report r;
        memset(&r, 0, sizeof r);
        r.schema = s;
        r.doc.text = malloc(n + 1);
        memcpy(r.doc.text, t, n);
        r.doc.text[n] = '\0';
        r.doc.len = n;
        assert_int_equal(nb_doc_index_lines(&r.doc), 0);
        assembly A = {0};
        A.L = L;
        A.t = r.doc.text;
        A.toks = toks;
        A.ntok = nt;
        A.g = g;
        A.ng = ng;
        A.vals = vals;
        for (int gi = 0; gi < ng; gi++) {
            if (g[gi].row < 0 || !g[gi].nv)
                continue;
            int at[MAXWANT], ref[MAXWANT];
            int got = ex_place_by_columns(&r, &A, &g[gi], vals + g[gi].v0, g[gi].nv, at);
            int want = ref_place(&r, &A, &g[gi], vals + g[gi].v0, g[gi].nv, ref);
            if (got != want)
                fail_msg("round %d group %d: placed %d, the plain reading %d", round, gi, got, want);
            if (got)
                assert_memory_equal(at, ref, sizeof(int) * (size_t)s->rows[g[gi].row].ncols);
            placed += got;
            tried++;
        }
        assert_false(A.oom);
        free(A.cols);
        free(A.heads);
        nb_doc_free(&r.doc);
    }
    print_message("%ld of %ld rows placed by their columns as before\n", placed, tried);
    assert_true(placed > tried / 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_t3_alignment),
        cmocka_unit_test(test_one_row_variant),
        cmocka_unit_test(test_t3_extras),
        cmocka_unit_test(test_columns_placed),
    };
    return TU_RUN("extract_steps", tests, &g_ctx, NULL, NULL);
}
