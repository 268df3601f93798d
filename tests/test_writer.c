/* test_writer.c — text from outside written safely: cuts at character
 * boundaries (nb_utf8_cut, a message cut by its buffer), strict UTF-8,
 * JSON always valid UTF-8 without raw control bytes (a byte that is not
 * UTF-8 as \\xNN, C1 controls and bidi overrides as \uNNNN), CSV fields
 * that a spreadsheet would run as formulas defused, and on a terminal the
 * control characters of text escaped, text's fast paths written as a
 * character at a time would be; nb_putf writes what snprintf writes,
 * whether it formats the plain conversions itself or hands the rest on. */
#include "testutil.h"
#include "base/utf8.h"
#include "check/check.h"
#include "check/messages.h"
#include "out/writer.h"

static nb_ctx g_ctx;

/* What a writer into memory holds after f ran, as a string. */
static char *written(void (*f)(nb_writer *w, const char *s), const char *s, int term)
{
    nb_writer w = nb_writer_to(NULL);
    w.term = term;
    f(&w, s);
    nb_put(&w, "", 1);
    assert_false(w.failed);
    return w.b;
}

static void put_json(nb_writer *w, const char *s)
{
    nb_put_json_cstr(w, s);
}

static void put_csv(nb_writer *w, const char *s)
{
    nb_put_csv(w, s, strlen(s));
}

static void put_text(nb_writer *w, const char *s)
{
    nb_put_text_cstr(w, s);
}

static void put_md(nb_writer *w, const char *s)
{
    nb_put_md_cell(w, s);
}

static void expect(void (*f)(nb_writer *w, const char *s), const char *s, int term, const char *want)
{
    char *got = written(f, s, term);
    if (strcmp(got, want) != 0)
        fail_msg("\"%s\" was written as \"%s\", not \"%s\"", s, got, want);
    free(got);
}

static void test_cut(void **st)
{
    (void)st;
    const char *s = "ab\xe4\xb8\xad\xe6\x96\x87"; /* ab中文 */
    assert_int_equal(nb_utf8_cut(s, 8, 8), 8);
    assert_int_equal(nb_utf8_cut(s, 8, 100), 8);
    assert_int_equal(nb_utf8_cut(s, 8, 2), 2);
    assert_int_equal(nb_utf8_cut(s, 8, 3), 2); /* never inside 中 */
    assert_int_equal(nb_utf8_cut(s, 8, 4), 2);
    assert_int_equal(nb_utf8_cut(s, 8, 5), 5);
    assert_int_equal(nb_utf8_cut(s, 8, 7), 5);
    assert_int_equal(nb_utf8_cut("ab", 2, 1), 1);
    char b[16];
    memcpy(b, s, 6); /* what a buffer of 7 leaves: 文 cut after its first byte */
    b[6] = '\0';
    assert_int_equal(nb_utf8_trim_partial(b), 5);
    assert_string_equal(b, "ab\xe4\xb8\xad");
    snprintf(b, sizeof b, "%s", s);
    assert_int_equal(nb_utf8_trim_partial(b), 8);
}

static void test_err_cut(void **st)
{
    (void)st;
    char name[2000] = "";
    for (int i = 0; i < 600; i++)
        strcat(name, "\xe8\xa1\xa8"); /* 表, three bytes: 1023 is not a multiple */
    nb_err e;
    nb_err_set(&e, NB_E_IO, "x%s", name);
    assert_null(nb_utf8_invalid((const unsigned char *)e.msg, strlen(e.msg)));
    assert_int_equal(strlen(e.msg), 1021);
    nb_err_set(&e, NB_E_IO, "%s: no such file", "r\xff\xfe.txt"); /* a file name that is not UTF-8 */
    assert_string_equal(e.msg, "r\\xff\\xfe.txt: no such file");
}

static void test_strict(void **st)
{
    (void)st;
    assert_int_equal(nb_utf8_seq((const unsigned char *)"\xc0\xaf", 2), 0);         /* overlong */
    assert_int_equal(nb_utf8_seq((const unsigned char *)"\xed\xa0\x80", 3), 0);     /* surrogate */
    assert_int_equal(nb_utf8_seq((const unsigned char *)"\xf4\x90\x80\x80", 4), 0); /* past U+10FFFF */
    assert_int_equal(nb_utf8_seq((const unsigned char *)"\xe4\xb8", 2), 0);         /* cut short */
    assert_int_equal(nb_utf8_seq((const unsigned char *)"\xe4\xb8\xad", 3), 3);
    assert_int_equal(nb_utf8_seq((const unsigned char *)"\xf0\x9f\x98\x80", 4), 4);
    assert_true(nb_cp_unsafe(0x1b) && nb_cp_unsafe(0x7f) && nb_cp_unsafe(0x85) && nb_cp_unsafe(0x202e) &&
                nb_cp_unsafe(0x2066));
    assert_false(nb_cp_unsafe('a') || nb_cp_unsafe(0xa0) || nb_cp_unsafe(0x4e2d) || nb_cp_unsafe(0x202f));
}

static void test_json(void **st)
{
    (void)st;
    expect(put_json, "a\"b\\c\nd", 0, "\"a\\\"b\\\\c\\nd\"");
    expect(put_json, "\x1b[31m\x7f", 0, "\"\\u001b[31m\\u007f\"");
    expect(put_json, "\xc2\x85\xe2\x80\xae\xe2\x81\xa6\xe2\x80\xa8", 0, "\"\\u0085\\u202e\\u2066\\u2028\"");
    expect(put_json, "r\xff\xfe.txt", 0, "\"r\\\\xff\\\\xfe.txt\""); /* a file name that is not UTF-8 */
    expect(put_json, "\xe4\xb8\xad\xe6", 0, "\"\xe4\xb8\xad\\\\xe6\"");    /* cut short at the end */
    expect(put_json, "\xe4\xb8\xad\xe6\x96\x87", 0, "\"\xe4\xb8\xad\xe6\x96\x87\"");
}

/* A byte that must be escaped found wherever it stands in a long run of
 * plain ASCII (the run is looked at eight bytes at a time): the same as
 * the escape of that byte alone, with the run around it as it is. */
static void test_escape_in_runs(void **st)
{
    (void)st;
    static const char *const bad[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc2\x85", "\xff", "\xe4\xb8\xad"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        for (int at = 0; at < 20; at++)
            for (int term = 0; term < 2; term++) {
                char s[64], want[128];
                snprintf(s, sizeof s, "%.*s%s%.*s", at, "abcdefghijklmnopqrstuvwxyz", bad[k], 19 - at,
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
                char *one = written(put_json, bad[k], 0);
                snprintf(want, sizeof want, "\"%.*s%.*s%.*s\"", at, "abcdefghijklmnopqrstuvwxyz",
                         (int)strlen(one) - 2, one + 1, 19 - at, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
                char *got = written(put_json, s, 0);
                assert_string_equal(got, want);
                free(one);
                free(got);
                one = written(put_text, bad[k], term);
                snprintf(want, sizeof want, "%.*s%s%.*s", at, "abcdefghijklmnopqrstuvwxyz", one, 19 - at,
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
                got = written(put_text, s, term);
                assert_string_equal(got, want);
                free(one);
                free(got);
            }
}

static void test_csv(void **st)
{
    (void)st;
    expect(put_csv, "=HYPERLINK(\"x\")", 0, "\"'=HYPERLINK(\"\"x\"\")\"");
    expect(put_csv, "+1+2", 0, "'+1+2");
    expect(put_csv, "@SUM(A1)", 0, "'@SUM(A1)");
    expect(put_csv, "\tcmd", 0, "'\tcmd");
    expect(put_csv, "-", 0, "'-");
    expect(put_csv, "-3", 0, "-3");     /* numbers stay numbers */
    expect(put_csv, "-12.5", 0, "-12.5");
    expect(put_csv, "+7", 0, "+7");
    expect(put_csv, "a,b", 0, "\"a,b\"");
    expect(put_csv, "\xe4\xb8\xad\xff", 0, "\xe4\xb8\xad\\xff");
    expect(put_csv, "x\x1b[2J", 0, "x\x1b[2J");  /* into a file: the text as it is */
    expect(put_csv, "x\x1b[2J", 1, "x\\x1b[2J"); /* on a terminal: escaped */
}

static void test_terminal_text(void **st)
{
    (void)st;
    expect(put_text, "a\x1b]0;title\x07z", 1, "a\\x1b]0;title\\x07z");
    expect(put_text, "\xc2\x9b" "31m\xe2\x80\xae" "abc", 1, "\\u009b31m\\u202eabc");
    expect(put_text, "tab\tline\n", 1, "tab\\x09line\\x0a");
    expect(put_text, "tab\tline\n", 0, "tab\tline\n");
    expect(put_text, "\xe4\xb8\xad\xe6\x96\x87 ok", 1, "\xe4\xb8\xad\xe6\x96\x87 ok");
    expect(put_md, "a|b\nc\x1b", 1, " a\\|b<br>c\\x1b |");
}

static void test_long_printf(void **st)
{
    (void)st;
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    nb_writer w = nb_writer_to(NULL);
    nb_putf(&w, "<%s>", big);
    assert_int_equal(w.n, sizeof big + 1); /* nothing cut at 1023 bytes */
    free(w.b);
}

/* nb_putf into memory against snprintf, for the conversions it writes
 * itself (%s %d %ld %zu %%) and for others it hands to vsnprintf. */
static void test_putf(void **st)
{
    (void)st;
    char want[256];
    nb_writer w = nb_writer_to(NULL);
    nb_putf(&w, "%s:%zu:%zu: %s%s%s: %s: ", "报告.txt", (size_t)12, (size_t)0, "", "警告", "", "T3.BALANCE");
    snprintf(want, sizeof want, "%s:%zu:%zu: %s%s%s: %s: ", "报告.txt", (size_t)12, (size_t)0, "", "警告", "", "T3.BALANCE");
    nb_put(&w, "", 1);
    assert_string_equal(w.b, want);
    w.n = 0;
    nb_putf(&w, "%d|%d|%ld|%ld|100%%|%s", -7, 2147483647, -9223372036854775807L - 1, 42L, "");
    snprintf(want, sizeof want, "%d|%d|%ld|%ld|100%%|%s", -7, 2147483647, -9223372036854775807L - 1, 42L, "");
    nb_put(&w, "", 1);
    assert_string_equal(w.b, want);
    w.n = 0;
    nb_putf(&w, "%03d %5s %.1f %x %lu", 7, "ab", 2.25, 255, 3UL);
    snprintf(want, sizeof want, "%03d %5s %.1f %x %lu", 7, "ab", 2.25, 255, 3UL);
    nb_put(&w, "", 1);
    assert_string_equal(w.b, want);
    free(w.b);
}

/* T3.ROW_TOTAL on a row of 其他处理 under zh: the row's whole label (once
 * cut at its 63rd byte, inside a character). */
static void test_zh_row_label_whole(void **st)
{
    (void)st;
    char *b = tu_read("tests/data/seed001.txt", NULL);
    const char *row = "\t0\t0\t0\t0\t0\t0\t0\t";
    char *line = strstr(b, "2. 申请人逾期未按收费通知要求缴纳费用");
    assert_non_null(line);
    char *at = strstr(line, row);
    assert_non_null(at);
    at[1] = '1'; /* the natural column 1, the total still 0 */
    nb_report r;
    tu_report_str(&r, &g_ctx, b);
    nb_findings fs = {0};
    nb_err err;
    assert_int_equal(nb_check(&r, &g_ctx, &fs, &err), 0);
    int seen = 0;
    for (size_t k = 0; k < fs.n; k++) {
        if (fs.v[k].rule != NB_RULE_T3_ROW_TOTAL)
            continue;
        char msg[2048];
        nb_finding_message(&r, &fs.v[k], NB_LANG_ZH, msg, sizeof msg);
        assert_null(nb_utf8_invalid((const unsigned char *)msg, strlen(msg)));
        assert_non_null(strstr(msg, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请：总计 = 0"));
        seen++;
    }
    assert_int_equal(seen, 1);
    nb_findings_free(&fs);
    nb_report_free(&r);
    free(b);
}

/* nb_put_text the plain way: a character at a time, a byte that starts
 * no UTF-8 as \xNN, on a terminal an unsafe one escaped. */
static void put_text_plain(nb_writer *w, const char *s, size_t n, int term)
{
    char e[12];
    for (size_t i = 0; i < n;) {
        size_t len = nb_utf8_seq((const unsigned char *)s + i, n - i), j = i;
        uint32_t cp = len ? nb_utf8_get(s, i + len, &j) : 0;
        if (len && !(term && nb_cp_unsafe(cp)))
            nb_put(w, s + i, len);
        else if (!len || cp < 0x80)
            nb_put(w, e, (size_t)snprintf(e, sizeof e, "\\x%02x", (unsigned char)s[i]));
        else
            nb_put(w, e, (size_t)snprintf(e, sizeof e, "\\u%04x", (unsigned)cp));
        i += len ? len : 1;
    }
}

/* The next number of a test's own sequence. */
static unsigned long long next_seed(unsigned long long *seed)
{
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
    return *seed;
}

/* count pieces of the list at buf (room for 40 of them); a piece cut short
 * now and then: every length of a run. Their length. */
static size_t draw_pieces(char *buf, unsigned long long *seed, const char *const *pieces, size_t npieces, int count)
{
    size_t n = 0;
    for (int k = 0; k < count; k++) {
        unsigned long long v = next_seed(seed);
        const char *p = pieces[(v >> 33) % npieces];
        size_t l = strlen(p), cut = (v >> 20) % 4 == 0 ? (v >> 40) % (l + 1) : l;
        memcpy(buf + n, p, cut);
        n += cut;
    }
    return n;
}

/* nb_put_text of buf[0, n) (copied to a block of its own length, so a
 * read past its end is caught) against the plain way, on a terminal and off. */
static void text_as_plain(const char *buf, size_t n, int t)
{
    char *s = malloc(n ? n : 1);
    assert_non_null(s);
    memcpy(s, buf, n);
    for (int term = 0; term < 2; term++) {
        nb_writer got = nb_writer_as(NULL, term), want = nb_writer_as(NULL, term);
        nb_put_text(&got, s, n);
        put_text_plain(&want, s, n, term);
        assert_false(got.failed || want.failed);
        if (got.n != want.n || (got.n && memcmp(got.b, want.b, got.n)))
            fail_msg("string %d (%zu bytes, term %d) written as %zu bytes, not %zu", t, n, term, got.n, want.n);
        free(got.b);
        free(want.b);
    }
    free(s);
}

static const char *const text_pieces[] = {
    "a", "Z", " ", "~", "0123456789", "abcdefghijklmnopq", "\x7f", "\x1b", "\t", "\n", "\r", "\x01",
    "\xc2\x85", "\xc2\xa0", "\xe2\x80\xae", "\xe2\x81\xa6", "\xe4\xb8\xad", "\xe6\x96\x87", "\xef\xbc\x8c",
    "\xe3\x80\x82", "\xe2\x94\x80", "\xf0\x9f\x98\x80", "\xff", "\x80", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80",
    "\xc0\xaf"};
#define N_TEXT_PIECES (sizeof text_pieces / sizeof text_pieces[0])
#define N_VALID_PIECES 22 /* the first ones: whole UTF-8 (a cut piece may not be) */

/* nb_put_text (ASCII told sixteen and eight bytes at a time, ideographs
 * three) against the plain way, on 20 000 strings drawn from pieces:
 * runs of plain ASCII of every length to 17, controls, DEL, NUL, C1
 * controls, bidi overrides, ideographs, punctuation, box drawing, four-
 * byte characters, bytes that are not UTF-8 and characters cut short. */
static void test_text_fast_paths(void **st)
{
    (void)st;
    unsigned long long seed = 14;
    for (int t = 0; t < 20000; t++) {
        char buf[1024];
        int count = (int)(next_seed(&seed) >> 33) % 40;
        size_t n = draw_pieces(buf, &seed, text_pieces, N_TEXT_PIECES, count);
        if (t % 7 == 0 && n)
            buf[(seed >> 24) % n] = '\0'; /* a NUL inside */
        text_as_plain(buf, n, t);
    }
}

/* Off a terminal, what is found UTF-8 32 bytes at a time is written as it
 * stands: long strings (64 bytes and more) of whole characters, the
 * controls and bidi overrides among them (escaped on a terminal only), and
 * in some one piece that is not UTF-8, before or after where such blocks end. */
static void test_text_valid_prefix(void **st)
{
    (void)st;
    unsigned long long seed = 33;
    for (int t = 0; t < 5000; t++) {
        char buf[1024];
        int count = 20 + (int)(next_seed(&seed) >> 33) % 20;
        size_t n = draw_pieces(buf, &seed, text_pieces, N_VALID_PIECES, count);
        if (t % 3 && n) { /* one bad piece, cut or whole, somewhere */
            char tail[1024];
            size_t at = (next_seed(&seed) >> 33) % n, m;
            while (at && ((unsigned char)buf[at] & 0xC0) == 0x80)
                at--;
            memcpy(tail, buf + at, n - at);
            m = draw_pieces(buf + at, &seed, text_pieces + N_VALID_PIECES, N_TEXT_PIECES - N_VALID_PIECES, 1);
            memcpy(buf + at + m, tail, n - at);
            n += m;
        }
        text_as_plain(buf, n, t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cut),   cmocka_unit_test(test_err_cut),         cmocka_unit_test(test_strict), cmocka_unit_test(test_escape_in_runs),
        cmocka_unit_test(test_json),  cmocka_unit_test(test_csv),             cmocka_unit_test(test_terminal_text),
        cmocka_unit_test(test_long_printf), cmocka_unit_test(test_zh_row_label_whole), cmocka_unit_test(test_putf),
        cmocka_unit_test(test_text_fast_paths), cmocka_unit_test(test_text_valid_prefix),
    };
    return TU_RUN("writer", tests, &g_ctx, NULL, NULL);
}
