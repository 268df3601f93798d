/* test_tokens.c — the table area's tokenizers against plain readings of
 * the same text: on generated cells and words (ASCII and full-width
 * digits, decimals, signs, units, placeholders, white space of every kind,
 * numbering, bytes that are no UTF-8, a character cut at the end) each
 * fast path of trimming (runs of blanks of every length too), value
 * reading, blob telling and run-together words gives what a reading one
 * code point at a time gives, a tab row what its fields read one at a
 * time give, and a pipe or box row (its rule
 * lines' runs too, long, cut short or broken off) what its characters read
 * one at a time give; and an area of
 * tab-indented lines is read one cell a line exactly when its lines'
 * first reading would say so. */
#include "testutil.h"
#include "base/utf8.h"
#include "extract/internal.h"
#include "text/numbering.h"
#include "text/numerals.h"

/* The pieces generated text is made of. */
static const char *const pieces[] = {
    "0", "1", "7", "9", "12", "305", "１", "０", "９", ".", "．", ",", "-", "－", "+", "%", "件", "个", "条", "项",
    "元", "次", "家", "份", "万", "万元", "人", "—", "/", "~", "…", "无", "暂无", "空", "不涉及", "不适用", "N/A",
    "na", " ", "\t", "\xe3\x80\x80", "\xc2\xa0", "\xe2\x80\x82", "\xe2\x80\x8b", "\xef\xbb\xbf", "规", "章", "行政",
    "第", "至", "一", "二", "三", "十", "两", "零", "〇", "四", "\xe5\x9b\x9c", "\xe4\xb7\xbf", "(", "[", "{", ")",
    "（", "）", "【", "、", "：", "，", "。", "（一）", "1.", "二、", "a", "Z", "*", "|", "\xe4", "\x80", "\xe4\xb8",
    "\xef\xbc", "\xf0\x9f\x98\x80",
};

/* A small deterministic generator (no global state). */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* Random text of up to max pieces into out (cap bytes); its length. */
static size_t gen_text(uint32_t *seed, char *out, size_t cap, int max)
{
    size_t n = 0;
    int k = (int)(next_rand(seed) % (uint32_t)max) + 1;
    for (int i = 0; i < k; i++) {
        const char *p = pieces[next_rand(seed) % (sizeof pieces / sizeof pieces[0])];
        size_t l = strlen(p);
        if (n + l > cap)
            break;
        memcpy(out + n, p, l);
        n += l;
    }
    return n;
}

/* The text in a buffer of exactly its length (a read past it is ASan's). */
static char *exact_copy(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    assert_non_null(p);
    memcpy(p, s, n);
    return p;
}

/* ---- plain readings, one code point at a time ---- */

/* ASCII blanks off both ends first, then white space a code point at a time. */
static void plain_trim(const char *t, size_t *a, size_t *b)
{
    while (*a < *b && strchr(" \t", t[*a]) && t[*a])
        ++*a;
    while (*a < *b && strchr(" \t", t[*b - 1]) && t[*b - 1])
        --*b;
    for (size_t i = *a; *a < *b && nb_is_space(nb_utf8_get(t, *b, &i)); i = *a)
        *a = i;
    while (*b > *a) {
        size_t s = *b - 1, i;
        while (s > *a && ((unsigned char)t[s] & 0xC0) == 0x80)
            s--;
        i = s;
        if (!nb_is_space(nb_utf8_get(t, *b, &i)))
            break;
        *b = s;
    }
}

static int plain_is_value(const char *t, size_t a, size_t b)
{
    size_t n = b - a, i;
    for (i = 0; i < n && t[a + i] >= '0' && t[a + i] <= '9'; i++)
        ;
    if (n && i == n && n <= NB_NUM_MAX_INT)
        return 1;
    char buf[256];
    nb_num v;
    buf[0] = ' '; /* a leading blank: nb_parse_value's quick cases pass it by */
    memcpy(buf + 1, t + a, n);
    nb_status st = nb_parse_value(buf, n + 1, &v);
    return st == NB_ST_NUMBER || st == NB_ST_PLACEHOLDER;
}

static unsigned char plain_blob(const char *t, size_t a, size_t b)
{
    size_t nd = 0, dots = 0, before = 0, unit = 0;
    for (size_t i = a; i < b;) {
        uint32_t c = nb_fold(nb_utf8_get(t, b, &i));
        int digit = c >= '0' && c <= '9';
        if (!unit && (digit || c == '.')) {
            nd += digit;
            before += digit && !dots;
            dots += !digit;
        } else if (ex_is_unit_cp(c) || c == 0x4E07) {
            unit++;
        } else {
            return 0;
        }
    }
    return (unsigned char)(unit && !dots ? 0 : !dots ? nd > 1 : dots == 1 && before > 1 ? 2 : 0);
}

/* A text run split at numbering, as tokenize_glued reads one. */
static void plain_text_run(tokv *tv, const char *t, size_t s, size_t e, int lk)
{
    uint32_t prev = 0;
    for (size_t i = s, at = s; i < e; at = i) {
        uint32_t c = nb_utf8_get(t, e, &i);
        int ordinal = prev == 0x7B2C || prev == 0x81F3;
        prev = c;
        if (at == s || ordinal || !ex_numbering_may_start(nb_fold(c)) || !nb_numbering_len(t, e, at))
            continue;
        size_t x = s, y = at;
        ex_trim(t, &x, &y);
        if (y > x)
            ex_emit(tv, K_TEXT, x, y - x, lk);
        s = at;
    }
    ex_trim(t, &s, &e);
    if (e > s)
        ex_emit(tv, K_TEXT, s, e - s, lk);
}

static int digit_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* The code point at i of t[., b) and where it ends. */
static uint32_t cp_at(const char *t, size_t b, size_t i, size_t *end)
{
    *end = i;
    return i < b ? nb_utf8_get(t, b, end) : 0;
}

/* Past the zero-width code points from t[i] on (t[., b)). */
static size_t plain_past_zw(const char *t, size_t b, size_t i)
{
    size_t k;
    while (i < b && nb_is_zero_width(cp_at(t, b, i, &k)))
        i = k;
    return i;
}

/* Where the word from i on ends: at white space, but zero-width code
 * points with an ASCII digit before and after them. */
static size_t plain_word_end(const char *t, size_t b, size_t i)
{
    size_t j, z;
    while (i < b) {
        if (!nb_is_space(cp_at(t, b, i, &j))) {
            i = j;
            continue;
        }
        z = plain_past_zw(t, b, i);
        if (z == i || i == 0 || t[i - 1] < '0' || t[i - 1] > '9' || z >= b || t[z] < '0' || t[z] > '9')
            return i;
        i = z;
    }
    return i;
}

/* Where a number whose first digit ends at i ends. */
static size_t plain_number_end(const char *t, size_t b, size_t i)
{
    for (;;) {
        size_t j, k, m;
        uint32_t c = cp_at(t, b, i, &j);
        if (i < b && digit_cp(c)) {
            i = j;
        } else if (i < b && (c == '.' || c == 0xFF0E) && j < b && digit_cp(cp_at(t, b, j, &k))) {
            i = k;
        } else if (i < b && c == ',') {
            int nd = 0;
            for (k = j; k < b && nd < 4 && digit_cp(cp_at(t, b, k, &m)); k = m)
                nd++;
            if (nd != 3)
                return i;
            i = k;
        } else {
            return i;
        }
    }
}

/* A figure written amiss, read plainly: a digit first, then digits, the
 * marks and units listed, a digit or an ideograph last; one of them no digit. */
static int plain_figure(const char *t, size_t a, size_t b)
{
    static const uint32_t marks[] = {'.', ',', '\'', 0x3002, 0x3001, 0x2019, 0xB7, 0x4E07, 0x4EBF, 0x5343, 0x767E};
    int digits = 0, others = 0;
    uint32_t c = 0;
    for (size_t i = a; i < b;) {
        c = nb_fold(nb_utf8_get(t, b, &i));
        int d = c >= '0' && c <= '9', m = ex_is_unit_cp(c);
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
            m |= c == marks[k];
        if (!d && (!m || !digits))
            return 0;
        digits += d;
        others += !d;
    }
    return digits && others && ((c >= '0' && c <= '9') || c >= 0x4E00);
}

/* A word where text and digits may run together, read plainly. */
static void plain_glued(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    if (ex_emit_if_value(tv, t, a, b, lk))
        return;
    if (plain_figure(t, a, b)) {
        ex_emit_value(tv, t, a, b, lk);
        return;
    }
    size_t rs[256], re[256];
    char ty[256];
    int nr = 0;
    for (size_t i = a, j; i < b && nr < 256; i = j) {
        size_t k;
        uint32_t c = cp_at(t, b, i, &j);
        if (digit_cp(c) || ((c == '-' || c == 0xFF0D) && i == a && j < b && cp_at(t, b, j, &k) <= '9' &&
                            cp_at(t, b, j, &k) >= '0')) {
            j = plain_number_end(t, b, j);
            rs[nr] = i, re[nr] = j, ty[nr++] = 'D';
        } else if (nr && ty[nr - 1] == 'T') {
            re[nr - 1] = j;
        } else {
            rs[nr] = i, re[nr] = j, ty[nr++] = 'T';
        }
    }
    for (int k = 0; k + 1 < nr; k++) { /* a numbering digit goes to the text after it */
        size_t j;
        uint32_t p = nb_fold(cp_at(t, re[k + 1], rs[k + 1], &j));
        if (ty[k] == 'D' && ty[k + 1] == 'T' && (p == '.' || p == 0x3001) && j < re[k + 1] &&
            !memchr(t + rs[k], '.', re[k] - rs[k])) {
            size_t last = re[k] - 1;
            while (last > rs[k] && ((unsigned char)t[last] & 0xC0) == 0x80)
                last--;
            re[k] = rs[k + 1] = last;
        }
    }
    for (int k = 0; k + 1 < nr; k++) { /* and a unit to the number before it */
        size_t j, j2;
        if (ty[k] != 'D' || ty[k + 1] != 'T' || re[k] != rs[k + 1])
            continue;
        uint32_t c = cp_at(t, re[k + 1], rs[k + 1], &j);
        if (c == 0x4E07 && cp_at(t, re[k + 1], j, &j2) == 0x5143 && j < re[k + 1])
            re[k] = rs[k + 1] = j2;
        else if (c != 0x4E07 && ex_is_unit_cp(c))
            re[k] = rs[k + 1] = j;
    }
    for (int k = 0; k < nr; k++)
        if (re[k] > rs[k] && ty[k] == 'D')
            ex_emit_value(tv, t, rs[k], re[k], lk);
        else if (re[k] > rs[k])
            plain_text_run(tv, t, rs[k], re[k], lk);
}

/* One cell, read plainly: words split at each code point that is white
 * space, but a zero-width one between digits. */
static void plain_cell(tokv *tv, const char *t, size_t a, size_t b, int lk)
{
    plain_trim(t, &a, &b);
    if (a == b) {
        ex_emit(tv, K_EMPTY, a, 0, lk);
        return;
    }
    if (plain_is_value(t, a, b)) {
        ex_emit_value(tv, t, a, b, lk);
        return;
    }
    size_t ws[64], we[64], i = a, j;
    int nw = 0;
    while (i < b && nw < 64) {
        while (i < b && nb_is_space(cp_at(t, b, i, &j)))
            i = j;
        if (i >= b)
            break;
        ws[nw] = i;
        i = plain_word_end(t, b, i);
        we[nw++] = i;
    }
    int k = nw;
    while (k > 0 && nw > 1 && plain_is_value(t, ws[k - 1], we[k - 1]))
        k--;
    if (k < nw && nw < 64) {
        if (k > 0)
            ex_emit(tv, K_TEXT, a, we[k - 1] - a, lk);
        for (int w = k; w < nw; w++)
            ex_emit_value(tv, t, ws[w], we[w], lk);
        return;
    }
    int digit_past_numbering = 0;
    for (size_t d = a + nb_numbering_len(t, b, a); d < b; d++)
        digit_past_numbering |= t[d] >= '0' && t[d] <= '9';
    if (lk == LK_CELL && digit_past_numbering)
        ex_tokenize_plain(tv, t, a, b, lk);
    else if (lk != LK_CELL && plain_figure(t, a, b))
        ex_emit_value(tv, t, a, b, lk);
    else
        ex_emit(tv, K_TEXT, a, b - a, lk);
}

static void same_tokens(const tokv *x, const tokv *y, const char *s, size_t n)
{
    int same = x->n == y->n;
    for (size_t i = 0; same && i < x->n; i++)
        same = !memcmp(&x->v[i], &y->v[i], sizeof x->v[i]);
    if (!same)
        fail_msg("tokens differ (%zu, %zu) for \"%.*s\"", x->n, y->n, (int)n, s);
}

/* ---- the tests ---- */

static void test_trim_value_blob(void **state)
{
    (void)state;
    uint32_t seed = 1;
    char buf[200];
    for (int round = 0; round < 40000; round++) {
        size_t n = gen_text(&seed, buf, sizeof buf, 6), cut = n ? next_rand(&seed) % (n + 1) : 0;
        char *t = exact_copy(buf, cut);
        size_t a = 0, b = cut, pa = 0, pb = cut;
        ex_trim(t, &a, &b);
        plain_trim(t, &pa, &pb);
        if (a != pa || b != pb)
            fail_msg("trim of \"%.*s\": [%zu, %zu), plainly [%zu, %zu)", (int)cut, t, a, b, pa, pb);
        tokv tv = {0};
        int v = ex_emit_if_value(&tv, t, a, b, LK_TAB);
        if (v != (a < b && plain_is_value(t, a, b)) || tv.n != (size_t)v)
            fail_msg("value of \"%.*s\": %d", (int)(b - a), t + a, v);
        ex_emit_value(&tv, t, 0, cut, LK_TAB);
        if (tv.v[tv.n - 1].blob != plain_blob(t, 0, cut))
            fail_msg("blob of \"%.*s\": %d, plainly %d", (int)cut, t, tv.v[tv.n - 1].blob, plain_blob(t, 0, cut));
        free(tv.v);
        free(t);
    }
}

/* Runs of blanks (spaces, now and then a tab) of every length to 40 on
 * either side of generated text: trimmed as plainly, eight at a time too. */
static void test_trim_runs(void **state)
{
    (void)state;
    uint32_t seed = 15;
    char buf[200];
    for (int round = 0; round < 60000; round++) {
        size_t n = 0, lead = (size_t)round % 41, trail = (size_t)(round / 41) % 41;
        for (size_t i = 0; i < lead; i++)
            buf[n++] = next_rand(&seed) % 13 ? ' ' : '\t';
        n += gen_text(&seed, buf + n, sizeof buf - 40 - n, 4);
        for (size_t i = 0; i < trail; i++)
            buf[n++] = next_rand(&seed) % 13 ? ' ' : '\t';
        char *t = exact_copy(buf, n);
        size_t a = n && round % 3 == 0 ? next_rand(&seed) % n : 0, b = n, pa = a, pb = b;
        ex_trim(t, &a, &b);
        plain_trim(t, &pa, &pb);
        if (a != pa || b != pb)
            fail_msg("trim of \"%.*s\": [%zu, %zu), plainly [%zu, %zu)", (int)n, t, a, b, pa, pb);
        free(t);
    }
}

static void test_parse_value_quick(void **state)
{
    (void)state;
    uint32_t seed = 2;
    char buf[190], spaced[192];
    for (int round = 0; round < 40000; round++) {
        size_t n = gen_text(&seed, buf, sizeof buf, 4);
        char *t = exact_copy(buf, n);
        spaced[0] = ' ';
        memcpy(spaced + 1, t, n);
        nb_num x, y;
        nb_status sx = nb_parse_value(t, n, &x), sy = nb_parse_value(spaced, n + 1, &y);
        if (sx != sy || x.v != y.v || x.scale != y.scale || nb_value_fits(t, n) != nb_value_fits(spaced, n + 1))
            fail_msg("\"%.*s\" reads %s %lld, after a blank %s %lld", (int)n, t, nb_status_name(sx), x.v,
                     nb_status_name(sy), y.v);
        free(t);
    }
    nb_num v;
    assert_int_equal(nb_parse_value("规章", 6, &v), NB_ST_TEXT);
    assert_int_equal(nb_parse_value("无", 3, &v), NB_ST_PLACEHOLDER);
    assert_int_equal(nb_parse_value("不涉及", 9, &v), NB_ST_PLACEHOLDER);
}

/* Pieces of words of many numbering places, after 第 and 至; the last five a number's. */
static const char *const numbered[] = {"一、", "（二）", "(三)", "[四]", "十", "第二", "至三", "规章", "行政",
                                       "（",   "第",     "十一、", "2.", "3、", "5件", "8万元", "0"};

/* Each word of generated text read as plain_glued reads it (trimming each piece it cuts). */
static void test_glued_words(void **state)
{
    (void)state;
    uint32_t seed = 3;
    char buf[1200];
    for (int round = 0; round < 40000; round++) {
        size_t n = round % 500 ? gen_text(&seed, buf, sizeof buf, 24) : 0, j;
        const char *unit = round % 1000 ? "1ab" : "2规章";
        for (; !(round % 500) && n + strlen(unit) <= sizeof buf; n += strlen(unit))
            memcpy(buf + n, unit, strlen(unit)); /* a word of more runs than are kept */
        for (int k = round % 4 ? 0 : (int)(next_rand(&seed) % 200); k > 0 && n + 10 <= sizeof buf; k--) {
            size_t at = next_rand(&seed) % 12; /* more than tokenize_glued lists */
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", numbered[next_rand(&seed) % 8 ? at : 12 + at % 5]);
        }
        size_t cut = round % 8 ? next_rand(&seed) % (n + 1) : n;
        char *t = exact_copy(buf, cut);
        for (size_t a = 0, b = 0; b < cut; a = b) {
            while (a < cut && nb_is_space(cp_at(t, cut, a, &j)))
                a = j;
            for (b = a; b < cut && !nb_is_space(cp_at(t, cut, b, &j));)
                b = j;
            tokv x = {0}, y = {0};
            ex_tokenize_glued(&x, t, a, b, LK_PLAIN);
            plain_glued(&y, t, a, b, LK_PLAIN);
            same_tokens(&x, &y, t + a, b - a);
            free(x.v);
            free(y.v);
        }
        free(t);
    }
}

static void test_cells(void **state)
{
    (void)state;
    uint32_t seed = 4;
    char buf[300];
    for (int round = 0; round < 40000; round++) {
        size_t n = gen_text(&seed, buf, sizeof buf, round % 3 ? 5 : 12), cut = next_rand(&seed) % (n + 1);
        char *t = exact_copy(buf, cut);
        for (int lk = LK_TAB; lk <= LK_CELL; lk++) {
            tokv x = {0}, y = {0};
            ex_tokenize_cell(&x, t, 0, cut, lk);
            plain_cell(&y, t, 0, cut, lk);
            same_tokens(&x, &y, t, cut);
            free(x.v);
            free(y.v);
        }
        free(t);
    }
}

/* Tab-indented lines, each of a kind whose first reading is known: one
 * cell (1), several numbers (2), or neither (0). */
static const struct {
    const char *line;
    int shape;
} tab_lines[] = {
    {"\t规章", 1},         {"\t0", 1},           {"规章\t\t", 1},        {"\t\t5", 1},
    {"\t行政 许可", 1},    {"\t规章\t5\t7", 2},  {"\t行政 许可 5 7", 2}, {"规章\t1\t2\t3", 2},
    {"\t规章\t说明", 0},   {"\t\xe3\x80\x80规章", 1}, {"\t(一)\t3\t4", 2},  {"", 0},
    {"规章", 1},           {"一、规章", 1},      {"规章 5 7", 2},       {"规章 ５ ７", 2},
    {"规章（一）项", 0},   {"a(一)b", 0},        {"规章９", 0},         {"规章9", 0},
};

static void test_tab_indented_areas(void **state)
{
    (void)state;
    uint32_t seed = 5;
    for (int round = 0; round < 3000; round++) {
        char text[4096];
        size_t n = 0;
        int single = 0, multi = 0, lines = (int)(next_rand(&seed) % 30) + 1;
        for (int i = 0; i < lines; i++) {
            int k = (int)(next_rand(&seed) % (sizeof tab_lines / sizeof tab_lines[0]));
            if (k >= 5 && next_rand(&seed) % 4) /* mostly single cells: near the line between the readings */
                k = (int)(next_rand(&seed) % 5);
            n += (size_t)snprintf(text + n, sizeof text - n, "%s\n", tab_lines[k].line);
            single += tab_lines[k].shape == 1;
            multi += tab_lines[k].shape == 2;
        }
        nb_report r = {0};
        nb_err e;
        if (nb_doc_from_bytes(&r.doc, "t.txt", (const unsigned char *)text, n, NB_LANG_EN, &e) != 0)
            fail_msg("%s", e.msg);
        area ar = {.start = 0, .end = r.doc.len};
        tokv tv = {0};
        int cells_mode = -1;
        ex_tokenize_area(&r, &ar, &tv, &cells_mode);
        if (cells_mode != (single > 4 * multi))
            fail_msg("one cell a line: %d, the lines say %d (%d single, %d multi):\n%s", cells_mode,
                     single > 4 * multi, single, multi, text);
        free(tv.v);
        nb_doc_free(&r.doc);
    }
}

/* A tab row read plainly: the line cut at each tab, each field a cell read
 * plainly, told its field and the row's fields. */
static void plain_tab_row(tokv *tv, const char *t, size_t a, size_t b)
{
    size_t from = tv->n;
    int field = 0;
    for (size_t s = a, e;; s = e + 1, field++) {
        for (e = s; e < b && t[e] != '\t'; e++)
            ;
        size_t first = tv->n;
        plain_cell(tv, t, s, e, LK_TAB);
        if (tv->n == first + 1 && field < MAXFIELDS)
            tv->v[first].field = (unsigned char)field;
        if (e == b)
            break;
    }
    for (size_t q = from; q < tv->n; q++)
        tv->v[q].nfields = (unsigned char)(field + 1 < MAXFIELDS ? field + 1 : NO_FIELD);
}

static void test_tab_rows(void **state)
{
    (void)state;
    static const char *const digits[] = {"0", "1", "12", "305", "\t", "\t", "4"};
    uint32_t seed = 7;
    char buf[600];
    for (int round = 0; round < 40000; round++) {
        size_t n = 0;
        if (round % 2) { /* fields of digits alone, around NB_NUM_MAX_INT of them; sometimes past MAXFIELDS */
            for (int k = (int)(next_rand(&seed) % (round % 10 == 1 ? 190 : 40)); k > 0; k--) {
                const char *p = digits[next_rand(&seed) % 7];
                memcpy(buf + n, p, strlen(p));
                n += strlen(p);
            }
        } else {
            n = gen_text(&seed, buf, sizeof buf, 60);
        }
        size_t cut = round % 5 ? n : next_rand(&seed) % (n + 1);
        char *t = exact_copy(buf, cut);
        tokv x = {0}, y = {0};
        ex_tokenize_tab_row(&x, t, 0, cut);
        plain_tab_row(&y, t, 0, cut);
        same_tokens(&x, &y, t, cut);
        free(x.v);
        free(y.v);
        free(t);
    }
}

/* Box drawing and rule characters, for pipe and box rows (UTF-8 alone, as
 * a document's text is). */
static const char *const box_pieces[] = {
    "│", "├", "┼", "┤", "┬", "╋", "║", "─", "━", "═", "╌", "┄", "┈", "╍", " ", "\t", "-", "=", "+", ":", "|",
    "｜", "规章", "0", "12", "　", "a", "“", "…", "，", "｛", "　　　　　",
};

/* Is U+2500–U+257F code point c a line of a rule, no column's separator? */
static int rule_line_cp(uint32_t c)
{
    return c == 0x2500 || c == 0x2501 || c == 0x2504 || c == 0x2505 || c == 0x2508 || c == 0x2509 || c == 0x254C ||
           c == 0x254D || c == 0x2550;
}

/* Piece t[a, b) of a pipe row read a code point at a time: 1 when it is
 * part of a rule (blanks, - : = + and lines of a rule, at least one not
 * blank). */
static int plain_rule_piece(const char *t, size_t a, size_t b)
{
    int any = 0;
    for (size_t i = a; i < b;) {
        uint32_t c = nb_utf8_get(t, b, &i);
        int blank = c == ' ' || c == '\t' || c == '\f' || c == 0x3000;
        if (!blank && !strchr("-:=+", (int)c) && !(c >= 0x2500 && c <= 0x257F && rule_line_cp(c)))
            return 0;
        any |= !blank;
    }
    return any;
}

/* A pipe or box row read a code point at a time: its separators counted
 * (the return), its pieces cut in pc, its tokens into tv when it is a row. */
static int plain_pipe_row(tokv *tv, const char *t, size_t b, pipe_cuts *pc)
{
    int n = 0;
    pc->np = 0;
    size_t s = 0;
    for (size_t i = 0, j; i < b; i = j) {
        j = i;
        uint32_t c = nb_utf8_get(t, b, &j);
        if (c != '|' && c != 0xFF5C && !(c >= 0x2500 && c <= 0x257F && !rule_line_cp(c)))
            continue;
        n++;
        if (pc->np < 127) {
            pc->ps[pc->np] = s, pc->pe[pc->np++] = i;
            s = j;
        }
    }
    pc->ps[pc->np] = s, pc->pe[pc->np++] = b;
    if (n < 2)
        return n;
    int from = 0, to = pc->np - 1, cells = 0;
    size_t x, y;
    x = pc->ps[0], y = pc->pe[0], plain_trim(t, &x, &y);
    from += x == y;
    x = pc->ps[to], y = pc->pe[to], plain_trim(t, &x, &y);
    to -= x == y && to > from && from; /* a border closes the row only when one opens it */
    for (int k = from; k <= to; k++) {
        x = pc->ps[k], y = pc->pe[k], plain_trim(t, &x, &y);
        cells += !plain_rule_piece(t, pc->ps[k], pc->pe[k]) && x < y;
    }
    if (!cells)
        ex_emit(tv, K_RULE, 0, 0, LK_PIPE);
    for (int k = from; cells && k <= to; k++)
        if (!plain_rule_piece(t, pc->ps[k], pc->pe[k]))
            ex_tokenize_cell(tv, t, pc->ps[k], pc->pe[k], LK_PIPE);
    return n;
}

static void test_pipe_rows(void **state)
{
    (void)state;
    uint32_t seed = 8;
    char buf[800];
    for (int round = 0; round < 40000; round++) {
        size_t n = 0;
        const char *run = round % 2 ? box_pieces[next_rand(&seed) % 14] : NULL; /* a character repeated */
        for (int k = (int)(next_rand(&seed) % 60); k > 0; k--) {
            const char *p = box_pieces[next_rand(&seed) % (sizeof box_pieces / sizeof box_pieces[0])];
            for (int r = run && next_rand(&seed) % 3 == 0 ? (int)(next_rand(&seed) % 8) + 1 : 0; r >= 0; r--) {
                const char *q = r ? run : p;
                memcpy(buf + n, q, strlen(q));
                n += strlen(q);
            }
        }
        char *t = exact_copy(buf, n + 1); /* the line's end after it, as in a document's text */
        t[n] = '\n';
        pipe_cuts pc, plain;
        tokv x = {0}, y = {0};
        int seps = ex_pipe_scan(t, 0, n, &pc), plain_seps = plain_pipe_row(&y, t, n, &plain);
        int same = seps == plain_seps && pc.np == plain.np;
        for (int k = 0; same && k < pc.np; k++)
            same = pc.ps[k] == plain.ps[k] && pc.pe[k] == plain.pe[k];
        if (!same)
            fail_msg("pipe row \"%.*s\": %d separators, %d pieces; plainly %d, %d", (int)n, t, seps, pc.np,
                     plain_seps, plain.np);
        if (seps >= 2)
            ex_tokenize_pipe(&x, t, 0, n, &pc);
        same_tokens(&x, &y, t, n);
        free(x.v);
        free(y.v);
        free(t);
    }
}

/* Rule lines whose line character runs long (passed many at a time), cut
 * short, broken off or followed by another, against their plain reading. */
static void test_rule_runs(void **state)
{
    (void)state;
    static const char *const ch[] = {"─", "═", "━", "╌"}, *const tail[] = {"", "\xe2\x94", "\xe2", "━", "│", "-", "规"};
    char buf[400];
    for (int len = 0; len <= 60; len++)
        for (int c = 0; c < 4; c++)
            for (int e = 0; e < 7; e++)
                for (int cut = 0; cut < 3; cut++) {
                    size_t n = 0;
                    memcpy(buf, "|", 1), n = 1;
                    for (int r = 0; r < len; r++, n += 3)
                        memcpy(buf + n, ch[c], 3);
                    memcpy(buf + n, tail[e], strlen(tail[e])), n += strlen(tail[e]);
                    n -= (size_t)cut <= n - 1 ? (size_t)cut : 0;
                    memcpy(buf + n, "|1|", 3), n += 3;
                    char *t = exact_copy(buf, n);
                    pipe_cuts pc, plain;
                    tokv x = {0}, y = {0};
                    int seps = ex_pipe_scan(t, 0, n, &pc), plain_seps = plain_pipe_row(&y, t, n, &plain);
                    assert_int_equal(seps, plain_seps);
                    assert_int_equal(pc.np, plain.np);
                    for (int k = 0; k < pc.np; k++)
                        assert_true(pc.ps[k] == plain.ps[k] && pc.pe[k] == plain.pe[k]);
                    ex_tokenize_pipe(&x, t, 0, n, &pc);
                    same_tokens(&x, &y, t, n);
                    free(x.v), free(y.v), free(t);
                }
}

/* Words of generated text, split plainly: at each code point that is white space. */
static void test_next_word(void **state)
{
    (void)state;
    uint32_t seed = 6;
    static const char *const overlong[] = {"\xc0\xa0", "\xc1\x89", "\xe0\x80\xa0", "\xe0\x82\xa0", "\xf0\x80\x80\xa0"};
    char buf[300];
    for (int round = 0; round < 40000; round++) {
        size_t n = gen_text(&seed, buf, sizeof buf - 4, 16);
        if (round % 3 == 0) { /* white space in an overlong form, no UTF-8: read as a space still */
            const char *o = overlong[next_rand(&seed) % 5];
            size_t at = next_rand(&seed) % (n + 1), l = strlen(o);
            memmove(buf + at + l, buf + at, n - at);
            memcpy(buf + at, o, l);
            n += l;
        }
        size_t cut = next_rand(&seed) % (n + 1);
        char *t = exact_copy(buf, cut);
        size_t i = 0, s, e, p = 0, j;
        for (;;) {
            while (p < cut && nb_is_space(cp_at(t, cut, p, &j)))
                p = j;
            int got = ex_next_word(t, cut, &i, &s, &e);
            if (got != (p < cut))
                fail_msg("a word in \"%.*s\" at %zu: %d", (int)cut, t, p, got);
            if (!got)
                break;
            size_t q = plain_word_end(t, cut, p);
            if (s != p || e != q || i != q)
                fail_msg("word of \"%.*s\": [%zu, %zu), plainly [%zu, %zu)", (int)cut, t, s, e, p, q);
            p = q;
        }
        free(t);
    }
}

/* The end of generated text (cut anywhere, in a character too) against
 * its plain reading: ex_may_end_value asks nb_may_end_value about the last
 * character when it is ASCII or of three bytes, else says maybe; and where
 * it says no, neither the text nor its last word (split at each code point
 * that is white space) reads as a value. */
static void test_value_text_ends(void **state)
{
    (void)state;
    static const char *const folded[] = {"％", "～", "＊", "Ａ", "‐", "−", "―", "\xe2\x94\x80", "·", "0"};
    uint32_t seed = 7;
    char buf[200];
    for (int round = 0; round < 60000; round++) {
        size_t n = gen_text(&seed, buf, sizeof buf - 4, 6);
        if (round % 3 == 0) { /* a character that folds to one a value ends with, or does not */
            const char *f = folded[next_rand(&seed) % (sizeof folded / sizeof folded[0])];
            memcpy(buf + n, f, strlen(f));
            n += strlen(f);
        }
        size_t cut = round % 4 ? n : next_rand(&seed) % (n + 1), last = 0, j;
        if (!cut)
            continue;
        char *t = exact_copy(buf, cut);
        uint32_t c = 0;
        for (size_t i = 0; i < cut; i = j) { /* the last character, read from the start */
            c = cp_at(t, cut, i, &j);
            last = i;
        }
        int whole = (cut - last == 1 && c < 0x80) || cut - last == 3;
        int m = ex_may_end_value(t, 0, cut);
        if (m != (whole ? nb_may_end_value(c) : 1))
            fail_msg("end of \"%.*s\" (U+%04X): %d", (int)cut, t, (unsigned)c, m);
        size_t p = 0, q = 0;
        for (size_t i = 0; i < cut;) { /* the last word, plainly */
            while (i < cut && nb_is_space(cp_at(t, cut, i, &j)))
                i = j;
            if (i >= cut)
                break;
            p = i;
            while (i < cut && !nb_is_space(cp_at(t, cut, i, &j)))
                i = j;
            q = i;
        }
        if (!m && (plain_is_value(t, 0, cut) || (q > p && plain_is_value(t, p, q))))
            fail_msg("\"%.*s\" said to end no value", (int)cut, t);
        free(t);
    }
}

static void test_tokens_grow(void **state)
{
    (void)state;
    tokv tv = {0};
    for (size_t i = 0; i < 3000; i++)
        assert_non_null(ex_emit(&tv, (int)(i % 3), i * 7, i % 11, (int)(i % 4)));
    for (size_t i = 0; i < 3000; i++) {
        const tok *k = &tv.v[i];
        assert_true(k->off == i * 7 && k->len == i % 11 && k->kind == i % 3 && k->lkind == i % 4);
        assert_true(k->field == NO_FIELD && k->nfields == NO_FIELD && k->exact_row == -1 && !k->blob);
    }
    assert_false(tv.oom || tv.full);
    free(tv.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trim_value_blob), cmocka_unit_test(test_trim_runs),
        cmocka_unit_test(test_parse_value_quick),
        cmocka_unit_test(test_glued_words),     cmocka_unit_test(test_cells),
        cmocka_unit_test(test_tab_indented_areas), cmocka_unit_test(test_next_word), cmocka_unit_test(test_tab_rows),
        cmocka_unit_test(test_pipe_rows),       cmocka_unit_test(test_rule_runs),
        cmocka_unit_test(test_value_text_ends), cmocka_unit_test(test_tokens_grow),
    };
    return TU_RUN("tokens", tests, NULL, NULL, NULL);
}
