/* test_doc.c — reading a report's bytes: encoding detection (UTF-8 with and
 * without BOM, GB18030, UTF-16LE/BE with BOM and without), line endings (LF, CRLF, lone
 * CR), the location map back to line, display column and file offset (a
 * locator's gaps of every length too), and the errors (empty, binary, bad
 * encoding, missing, directory, too big), each naming the file, in English
 * and Chinese. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/doc.h"
#include "base/utf8.h"
#include "base/err.h"
#include "testutil.h"

/* ---- helpers ---- */

/* iconv the whole of in (n bytes) from UTF-8 to `to`; malloc'd, fails the test on error. */
static unsigned char *conv(const char *to, const char *in, size_t n, size_t *outn)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1)
        fail_msg("iconv_open(%s, UTF-8): %s", to, strerror(errno));
    size_t cap = n * 4 + 16, left = cap, il = n;
    char *out = malloc(cap);
    assert_non_null(out);
    char *op = out, *ip = (char *)in;
    if (iconv(cd, &ip, &il, &op, &left) == (size_t)-1) {
        int e = errno;
        free(out);
        iconv_close(cd);
        fail_msg("iconv to %s: %s", to, strerror(e));
    }
    iconv_close(cd);
    *outn = cap - left;
    return (unsigned char *)out;
}

/* Bytes that the first `prefix` bytes of the UTF-8 string s take in encoding `to`. */
static size_t conv_len(const char *to, const char *s, size_t prefix)
{
    size_t n = 0;
    unsigned char *b = conv(to, s, prefix, &n);
    free(b);
    return n;
}

/* Prepend a BOM to bytes. */
static unsigned char *with_bom(const unsigned char *bom, size_t bn, const unsigned char *b, size_t n, size_t *outn)
{
    unsigned char *r = malloc(bn + n);
    assert_non_null(r);
    memcpy(r, bom, bn);
    memcpy(r + bn, b, n);
    *outn = bn + n;
    return r;
}

static void load_ok(nb_doc *d, const char *name, const void *b, size_t n)
{
    nb_err e;
    nb_err_clear(&e);
    if (nb_doc_from_bytes(d, name, b, n, NB_LANG_EN, &e) != 0)
        fail_msg("%s: unexpected error %d: %s", name, e.code, e.msg);
}

/* Offset in text of the first occurrence of needle; fails the test if absent. */
static size_t off_of(const nb_doc *d, const char *needle)
{
    const char *p = strstr(d->text, needle);
    if (!p)
        fail_msg("\"%s\" not in the text", needle);
    return (size_t)(p - d->text);
}

static void expect_err(int rc, const nb_err *e, int code, const char *in_msg)
{
    assert_int_equal(rc, -1);
    if (e->code != code)
        fail_msg("expected error %d, got %d: %s", code, e->code, e->msg);
    if (!strstr(e->msg, in_msg))
        fail_msg("message \"%s\" does not contain \"%s\"", e->msg, in_msg);
}

/* A fresh temporary directory for tests that need files. */
static char g_dir[64];

static int setup_dir(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/nb_test_doc.XXXXXX");
    return mkdtemp(g_dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
    (void)state;
    return rmdir(g_dir);
}

static void write_file(const char *path, const void *b, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        fail_msg("%s: %s", path, strerror(errno));
    assert_int_equal(write(fd, b, n), (ssize_t)n);
    assert_int_equal(close(fd), 0);
}

/* ---- encodings ---- */

static void test_utf8_plain(void **state)
{
    (void)state;
    const char *s = "abc\n规章\t0\n";
    nb_doc d;
    load_ok(&d, "plain.txt", s, strlen(s));
    assert_int_equal(d.enc, NB_ENC_UTF8);
    assert_string_equal(nb_enc_name(d.enc), "UTF-8");
    assert_string_equal(d.path, "plain.txt");
    assert_int_equal(d.len, strlen(s));
    assert_memory_equal(d.text, s, strlen(s));
    assert_int_equal(d.text[d.len], '\0');
    assert_int_equal(d.file_size, strlen(s));
    assert_int_equal(d.bom_len, 0);
    assert_int_equal(d.nlines, 2); /* the final newline does not open a third line */
    size_t o = off_of(&d, "0");
    nb_loc l = nb_doc_locate(&d, o);
    assert_int_equal(l.line, 2);
    assert_int_equal(l.col, 9);
    assert_int_equal(l.orig, o);
    l = nb_doc_locate(&d, 0);
    assert_int_equal(l.line, 1);
    assert_int_equal(l.col, 1);
    assert_int_equal(l.orig, 0);
    /* an offset past the end is clamped to the end */
    l = nb_doc_locate(&d, d.len + 100);
    assert_int_equal(l.orig, d.len);
    assert_int_equal(nb_doc_orig_len(&d, off_of(&d, "规章"), strlen("规章")), 6);
    nb_doc_free(&d);
    assert_null(d.text);
    assert_null(d.path);
}

static void test_utf8_bom(void **state)
{
    (void)state;
    const char *s = "\xEF\xBB\xBF第一行\n第二行 12\n";
    nb_doc d;
    load_ok(&d, "bom.txt", s, strlen(s));
    assert_int_equal(d.enc, NB_ENC_UTF8_BOM);
    assert_int_equal(d.bom_len, 3);
    assert_int_equal(d.file_size, strlen(s));
    assert_int_equal(d.len, strlen(s) - 3);
    assert_string_equal(d.text, s + 3); /* no BOM in the text */
    assert_int_equal(d.nlines, 2);
    size_t o = off_of(&d, "12");
    nb_loc l = nb_doc_locate(&d, o);
    assert_int_equal(l.line, 2);
    assert_int_equal(l.col, 8); /* 第二行 six columns, a space, then 12 */
    assert_int_equal(l.orig, o + 3);
    assert_int_equal((unsigned char)s[l.orig], '1');
    assert_int_equal(nb_doc_locate(&d, 0).orig, 3);
    nb_doc_free(&d);
}

static void test_crlf(void **state)
{
    (void)state;
    const char *s = "a\r\nbb\r\nccc";
    nb_doc d;
    load_ok(&d, "crlf.txt", s, strlen(s));
    assert_int_equal(d.nlines, 3);
    size_t a, b;
    nb_doc_line(&d, 0, &a, &b);
    assert_int_equal(a, 0);
    assert_int_equal(b, 1);
    nb_doc_line(&d, 1, &a, &b);
    assert_int_equal(a, 3);
    assert_int_equal(b, 5);
    assert_memory_equal(d.text + a, "bb", 2);
    nb_doc_line(&d, 2, &a, &b);
    assert_int_equal(a, 7);
    assert_int_equal(b, 10);
    assert_int_equal(nb_doc_line_of(&d, 2), 0); /* the \n of the first CRLF */
    assert_int_equal(nb_doc_line_of(&d, 3), 1);
    assert_int_equal(nb_doc_line_of(&d, 9), 2);
    nb_loc l = nb_doc_locate(&d, 8);
    assert_int_equal(l.line, 3);
    assert_int_equal(l.col, 2);
    assert_int_equal(l.orig, 8);
    nb_doc_free(&d);
}

static void test_lone_cr(void **state)
{
    (void)state;
    const char *s = "a\rbb\r\rccc\r";
    nb_doc d;
    load_ok(&d, "cr.txt", s, strlen(s));
    assert_int_equal(d.nlines, 4); /* a, bb, (empty), ccc; the last CR opens no line */
    size_t a, b;
    nb_doc_line(&d, 1, &a, &b);
    assert_int_equal(a, 2);
    assert_int_equal(b, 4);
    nb_doc_line(&d, 2, &a, &b);
    assert_int_equal(a, 5);
    assert_int_equal(b, 5);
    nb_doc_line(&d, 3, &a, &b);
    assert_int_equal(a, 6);
    assert_int_equal(b, 9); /* excludes the final CR */
    nb_loc l = nb_doc_locate(&d, off_of(&d, "ccc") + 2);
    assert_int_equal(l.line, 4);
    assert_int_equal(l.col, 3);
    nb_doc_free(&d);
}

static void test_mixed_endings(void **state)
{
    (void)state;
    const char *s = "x\r\n\ry\nz";
    nb_doc d;
    load_ok(&d, "mixed.txt", s, strlen(s));
    assert_int_equal(d.nlines, 4);
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "y")).line, 3);
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "z")).line, 4);
    size_t a, b;
    nb_doc_line(&d, 1, &a, &b);
    assert_int_equal(a, b); /* the empty line between CRLF and CR */
    nb_doc_free(&d);
}

static void test_gb18030(void **state)
{
    (void)state;
    const char *u = "规章\t0\t1\n行政许可\t5\n";
    size_t gn;
    unsigned char *gb = conv("GB18030", u, strlen(u), &gn);
    assert_true(gn < strlen(u)); /* two bytes a character instead of three */
    nb_doc d;
    load_ok(&d, "gb.txt", gb, gn);
    assert_int_equal(d.enc, NB_ENC_GB18030);
    assert_string_equal(nb_enc_name(d.enc), "GB18030");
    assert_string_equal(d.text, u);
    assert_int_equal(d.len, strlen(u));
    assert_int_equal(d.file_size, gn);
    assert_int_equal(d.nlines, 2);
    /* every character of line 2: its file offset is where it starts in the GB18030 bytes */
    const char *marks[] = {"行", "政", "许", "可", "\t5", "5"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t o = off_of(&d, marks[k]);
        nb_loc l = nb_doc_locate(&d, o);
        assert_int_equal(l.line, 2);
        assert_int_equal(l.orig, conv_len("GB18030", u, o));
    }
    size_t o5 = off_of(&d, "5");
    nb_loc l = nb_doc_locate(&d, o5);
    assert_int_equal(gb[l.orig], '5');
    assert_int_equal(l.col, 17); /* 行政许可 eight columns, the tab to 16 */
    /* a character on line 1, and the byte lengths in the file */
    l = nb_doc_locate(&d, off_of(&d, "1"));
    assert_int_equal(l.line, 1);
    assert_int_equal(l.orig, conv_len("GB18030", u, off_of(&d, "1")));
    assert_int_equal(gb[l.orig], '1');
    assert_int_equal(nb_doc_orig_len(&d, off_of(&d, "许可"), strlen("许可")), 4);
    assert_int_equal(nb_doc_orig_len(&d, o5, 1), 1);
    nb_doc_free(&d);
    free(gb);
}

/* Characters that take four bytes in GB18030 (¥ U+00A5, an emoji) before the target. */
static void test_gb18030_four_byte(void **state)
{
    (void)state;
    const char *u = "收费\n金额¥😀 42元\n";
    size_t gn;
    unsigned char *gb = conv("GB18030", u, strlen(u), &gn);
    nb_doc d;
    load_ok(&d, "gb4.txt", gb, gn);
    assert_int_equal(d.enc, NB_ENC_GB18030);
    assert_string_equal(d.text, u);
    assert_int_equal(nb_doc_orig_len(&d, off_of(&d, "¥"), strlen("¥")), 4);
    assert_int_equal(nb_doc_orig_len(&d, off_of(&d, "😀"), strlen("😀")), 4);
    size_t o = off_of(&d, "42");
    nb_loc l = nb_doc_locate(&d, o);
    assert_int_equal(l.line, 2);
    assert_int_equal(l.orig, conv_len("GB18030", u, o));
    assert_memory_equal(gb + l.orig, "42", 2);
    nb_doc_free(&d);
    free(gb);
}

/* u in UTF-16 (to) after bn bytes of a byte-order mark (bn 0: none). */
static void check_utf16_bom(const char *to, const unsigned char *bom, size_t bn, nb_enc enc, const char *u)
{
    size_t n, fn;
    unsigned char *raw = conv(to, u, strlen(u), &n);
    unsigned char *f = with_bom(bom, bn, raw, n, &fn);
    nb_doc d;
    load_ok(&d, "u16.txt", f, fn);
    assert_int_equal(d.enc, enc);
    assert_int_equal(d.bom_len, bn);
    assert_int_equal(d.file_size, fn);
    assert_string_equal(d.text, u);
    assert_int_equal(d.len, strlen(u));
    assert_int_equal(d.nlines, 3);
    const char *marks[] = {"行", "许", "😀", "5", "末"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t o = off_of(&d, marks[k]);
        nb_loc l = nb_doc_locate(&d, o);
        assert_int_equal(l.line, k == 4 ? 3 : 2);
        assert_int_equal(l.orig, bn + conv_len(to, u, o));
    }
    size_t o5 = off_of(&d, "5");
    nb_loc l = nb_doc_locate(&d, o5);
    /* the code unit at orig is '5' in the byte order */
    if (enc == NB_ENC_UTF16LE)
        assert_true(f[l.orig] == '5' && f[l.orig + 1] == 0);
    else
        assert_true(f[l.orig] == 0 && f[l.orig + 1] == '5');
    assert_int_equal(l.col, 11); /* 行政许可 8 columns, the emoji 2, then 5 */
    assert_int_equal(nb_doc_orig_len(&d, off_of(&d, "😀"), strlen("😀")), 4); /* a surrogate pair */
    assert_int_equal(nb_doc_orig_len(&d, off_of(&d, "许可"), strlen("许可")), 4);
    size_t a, b;
    nb_doc_line(&d, 1, &a, &b);
    assert_memory_equal(d.text + a, "行政许可😀5", b - a);
    assert_int_equal(b - a, strlen("行政许可😀5"));
    nb_doc_free(&d);
    free(f);
    free(raw);
}

static void check_utf16(const char *to, const unsigned char *bom, nb_enc enc, const char *u)
{
    check_utf16_bom(to, bom, 2, enc, u);
}

static void test_utf16le(void **state)
{
    (void)state;
    static const unsigned char bom[2] = {0xFF, 0xFE};
    check_utf16("UTF-16LE", bom, NB_ENC_UTF16LE, "规章\t0\t1\n行政许可😀5\n末\n");
    check_utf16("UTF-16LE", bom, NB_ENC_UTF16LE, "规章\t0\t1\r\n行政许可😀5\r\n末");
}

static void test_utf16be(void **state)
{
    (void)state;
    static const unsigned char bom[2] = {0xFE, 0xFF};
    check_utf16("UTF-16BE", bom, NB_ENC_UTF16BE, "规章\t0\t1\n行政许可😀5\n末\n");
    check_utf16("UTF-16BE", bom, NB_ENC_UTF16BE, "规章\t0\t1\r行政许可😀5\r末\r");
}

/* UTF-16 without a byte-order mark, told by its units: read as with one;
 * the same bytes cut to an odd length, bytes at random with NULs among
 * them, UTF-32 are binary still. */
static void test_utf16_without_bom(void **state)
{
    (void)state;
    static const char *const texts[] = {"规章规范性文件本年新制发件数废止件数\t0\t1\n行政许可😀5\n末\n",
                                        "规章规范性文件本年新制发件数废止件数\t0\t1\r\n行政许可😀5\r\n末"};
    static const unsigned char none[1] = {0};
    for (size_t k = 0; k < 2; k++) {
        check_utf16_bom("UTF-16LE", none, 0, NB_ENC_UTF16LE, texts[k]);
        check_utf16_bom("UTF-16BE", none, 0, NB_ENC_UTF16BE, texts[k]);
    }
    size_t n;
    unsigned char *raw = conv("UTF-16LE", texts[0], strlen(texts[0]), &n);
    nb_doc d;
    nb_err e;
    expect_err(nb_doc_from_bytes(&d, "odd.txt", raw, n - 1, NB_LANG_EN, &e), &e, NB_E_BINARY, "odd.txt");
    free(raw);
    raw = conv("UTF-32LE", texts[0], strlen(texts[0]), &n);
    expect_err(nb_doc_from_bytes(&d, "u32.txt", raw, n, NB_LANG_EN, &e), &e, NB_E_BINARY, "u32.txt");
    free(raw);
    static unsigned char bin[4096];
    unsigned seed = 7;
    for (size_t i = 0; i < sizeof bin; i++) {
        seed = seed * 1103515245u + 12345u;
        bin[i] = (seed >> 16) % 4 ? (unsigned char)(seed >> 8) : 0;
    }
    expect_err(nb_doc_from_bytes(&d, "r.bin", bin, sizeof bin, NB_LANG_EN, &e), &e, NB_E_BINARY, "r.bin");
}

/* ---- display columns of nb_doc_locate ---- */

static void test_columns(void **state)
{
    (void)state;
    const char *s = "规章\tX\n行政许可Y\nab\tZ\nabcdefgh\tW\n一二三四五\tV\n";
    nb_doc d;
    load_ok(&d, "cols.txt", s, strlen(s));
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "X")).col, 9);   /* 4 columns, tab to 8 */
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "Y")).col, 9);   /* four CJK, two each */
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "Z")).col, 9);
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "W")).col, 17);  /* at 8, tab to 16 */
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "V")).col, 17);  /* at 10, tab to 16 */
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "章")).col, 3);
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "\tX")).col, 5);
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "Y")).line, 2);
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "V")).line, 5);
    nb_doc_free(&d);
}

/* The box-drawing characters of a text table take one column each, as
 * nb_cp_width has them; a locator walking a row from cell to cell gives
 * what locating each cell afresh gives. */
static void test_columns_table(void **state)
{
    (void)state;
    for (uint32_t cp = 0x2500; cp < 0x2580; cp++)
        assert_int_equal(nb_cp_width(cp), 1);
    const char *s = "┌──┬──┐\n│申请│ 12 │ 3\t│X\n└──┴──┘\n";
    nb_doc d;
    load_ok(&d, "box.txt", s, strlen(s));
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "12")).col, 8);
    assert_int_equal(nb_doc_locate(&d, off_of(&d, "X")).col, 18);
    nb_locator lc;
    nb_locator_init(&lc, &d);
    const char *at[] = {"申请", "12", "3\t", "X", "└"};
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        nb_loc a = nb_locate_next(&lc, off_of(&d, at[k])), b = nb_doc_locate(&d, off_of(&d, at[k]));
        assert_int_equal(a.line, b.line);
        assert_int_equal(a.col, b.col);
        assert_int_equal(a.orig, b.orig);
    }
    nb_doc_free(&d);
}

/* A locator stepping over gaps of every length from none to past its
 * short ones (16 bytes) on lines of ASCII, tabs, controls and CJK, with
 * and without a BOM, gives what locating each offset afresh gives. */
static void test_locator_gaps(void **state)
{
    (void)state;
    static const char *const pieces[] = {"0", "12", " ", "\t", "\t\t", "ab", "\x01", "\x7f", "规", "，", "│", "é", "😀", "\n"};
    unsigned x = 1;
    char text[4096];
    for (int round = 0; round < 40; round++) {
        size_t n = 3;
        memcpy(text, "\xEF\xBB\xBF", 3);
        while (n < sizeof text - 8) {
            x = x * 1103515245u + 12345u;
            const char *p = pieces[(x >> 8) % (sizeof pieces / sizeof pieces[0])];
            memcpy(text + n, p, strlen(p));
            n += strlen(p);
        }
        size_t skip = round % 2 ? 0 : 3; /* with a BOM, and without */
        nb_doc d;
        load_ok(&d, "gaps.txt", text + skip, n - skip);
        for (size_t stride = 1; stride <= 24; stride++) {
            nb_locator lc;
            nb_locator_init(&lc, &d);
            for (size_t i = 0; i < d.len;) {
                nb_loc a = nb_locate_next(&lc, i), b = nb_doc_locate(&d, i);
                if (a.line != b.line || a.col != b.col || a.orig != b.orig)
                    fail_msg("round %d stride %zu at %zu: %zu/%zu/%zu, want %zu/%zu/%zu", round, stride, i, a.line,
                             a.col, a.orig, b.line, b.col, b.orig);
                x = x * 1103515245u + 12345u;
                i += 1 + (x >> 8) % stride; /* then on to the character's start */
                while (i < d.len && ((unsigned char)d.text[i] & 0xC0) == 0x80)
                    i++;
            }
        }
        nb_doc_free(&d);
    }
}

/* ---- errors ---- */

static void test_err_empty(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    static const unsigned char one[1] = {'x'};
    int rc = nb_doc_from_bytes(&d, "empty.txt", one, 0, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_EMPTY, "empty.txt");
    assert_non_null(strstr(e.msg, "empty"));
    rc = nb_doc_from_bytes(&d, "bomonly.txt", (const unsigned char *)"\xEF\xBB\xBF", 3, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_EMPTY, "bomonly.txt");
    rc = nb_doc_from_bytes(&d, "u16bom.txt", (const unsigned char *)"\xFF\xFE", 2, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_EMPTY, "u16bom.txt");
    /* the same through files */
    char p[128];
    snprintf(p, sizeof p, "%s/empty.txt", g_dir);
    write_file(p, "", 0);
    rc = nb_doc_load(&d, p, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_EMPTY, p);
    assert_int_equal(unlink(p), 0);
    snprintf(p, sizeof p, "%s/bomonly.txt", g_dir);
    write_file(p, "\xEF\xBB\xBF", 3);
    rc = nb_doc_load(&d, p, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_EMPTY, p);
    assert_int_equal(unlink(p), 0);
}

static void test_err_binary(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    static const unsigned char nul[] = {'a', 'b', '\n', 'c', 0, 'd', '\n'};
    int rc = nb_doc_from_bytes(&d, "nul.bin", nul, sizeof nul, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_BINARY, "nul.bin");
    /* NUL after a UTF-8 BOM too */
    static const unsigned char bnul[] = {0xEF, 0xBB, 0xBF, 'a', 0, 'b'};
    rc = nb_doc_from_bytes(&d, "bnul.bin", bnul, sizeof bnul, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_BINARY, "bnul.bin");
    /* many control bytes but no NUL */
    unsigned char ctl[100];
    for (size_t i = 0; i < sizeof ctl; i++)
        ctl[i] = (unsigned char)(i % 2 ? 0x01 : 'a');
    rc = nb_doc_from_bytes(&d, "ctl.bin", ctl, sizeof ctl, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_BINARY, "ctl.bin");
    /* the line: over 5% of odd control bytes; tabs, line breaks, form feeds
       and ESC are layout and never count, wherever they fall */
    unsigned char mix[203];
    for (int odd = 10; odd <= 11; odd++) {
        for (size_t i = 0; i < sizeof mix; i++)
            mix[i] = (unsigned char)("\t\n\v\f\r\x1b" "ab"[i % 8]);
        for (int k = 0; k < odd; k++)
            mix[3 + (size_t)k * 19] = (unsigned char)(k % 2 ? 0x1F : 0x08); /* in sixteen-byte blocks and the tail */
        rc = nb_doc_from_bytes(&d, "mix.txt", mix, sizeof mix, NB_LANG_EN, &e);
        if (odd * 20 > (int)sizeof mix) {
            expect_err(rc, &e, NB_E_BINARY, "mix.txt");
        } else {
            assert_int_equal(rc, 0);
            nb_doc_free(&d);
        }
    }
}

static void test_err_encoding(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    /* 0xFF is neither UTF-8 nor a GB18030 lead byte; on line 3 */
    const char *s = "line one\nline two\nbad \x80\x80\xff\xfe here\n";
    int rc = nb_doc_from_bytes(&d, "bad.txt", (const unsigned char *)s, strlen(s), NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_ENCODING, "bad.txt:3:");
    s = "ok\xff\n";
    rc = nb_doc_from_bytes(&d, "bad1.txt", (const unsigned char *)s, strlen(s), NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_ENCODING, "bad1.txt:1:");
    /* CRLF counts as one line ending in the line number */
    s = "a\r\nb\r\nc\xff\r\n";
    rc = nb_doc_from_bytes(&d, "badcrlf.txt", (const unsigned char *)s, strlen(s), NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_ENCODING, "badcrlf.txt:3:");
    /* invalid UTF-8 after a UTF-8 BOM is not retried as GB18030 */
    s = "\xEF\xBB\xBFok\n\xB9\xE6\xD5\xC2\n";
    rc = nb_doc_from_bytes(&d, "bombad.txt", (const unsigned char *)s, strlen(s), NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_ENCODING, "bombad.txt:2:");
    /* GB18030 text with a byte invalid in GB18030 */
    const char *u = "规章\n行政\n";
    size_t gn;
    unsigned char *gb = conv("GB18030", u, strlen(u), &gn);
    unsigned char *g2 = malloc(gn + 2);
    assert_non_null(g2);
    memcpy(g2, gb, gn);
    g2[gn] = 0xFF;
    g2[gn + 1] = '\n';
    rc = nb_doc_from_bytes(&d, "gbbad.txt", g2, gn + 2, NB_LANG_EN, &e);
    /* the line and offset are where GB18030 fails, not where UTF-8 did */
    expect_err(rc, &e, NB_E_ENCODING, "gbbad.txt:3:");
    expect_err(rc, &e, NB_E_ENCODING, "offset 10)");
    free(g2);
    free(gb);
    /* UTF-16 with an odd number of bytes */
    static const unsigned char odd[] = {0xFF, 0xFE, 'a', 0, 'b'};
    rc = nb_doc_from_bytes(&d, "odd16.txt", odd, sizeof odd, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_ENCODING, "odd16.txt");
    /* through a file: the message names the path */
    char p[128];
    snprintf(p, sizeof p, "%s/bad.txt", g_dir);
    write_file(p, "x\n\xff\n", 4);
    rc = nb_doc_load(&d, p, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_ENCODING, p);
    char want[160];
    snprintf(want, sizeof want, "%s:2:", p);
    expect_err(rc, &e, NB_E_ENCODING, want);
    assert_int_equal(unlink(p), 0);
}

static void test_err_notfound(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    char p[128];
    snprintf(p, sizeof p, "%s/no-such-report.txt", g_dir);
    int rc = nb_doc_load(&d, p, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_NOTFOUND, p);
    assert_non_null(strstr(e.msg, "no such file"));
    rc = nb_doc_load(&d, p, NB_LANG_ZH, &e);
    expect_err(rc, &e, NB_E_NOTFOUND, p);
    assert_non_null(strstr(e.msg, "文件不存在"));
}

static void test_err_directory(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    nb_err_clear(&e);
    int rc = nb_doc_load(&d, g_dir, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_IO, g_dir);
    assert_non_null(strstr(e.msg, "directory"));
}

static void test_err_toobig(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    char p[128];
    snprintf(p, sizeof p, "%s/big.txt", g_dir);
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)NB_MAX_FILE + 1), 0);
    assert_int_equal(close(fd), 0);
    int rc = nb_doc_load(&d, p, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_TOOBIG, p);
    assert_non_null(strstr(e.msg, "64 MiB"));
    /* exactly 64 MiB is within the limit: it is read, and then refused as binary (zeros) */
    fd = open(p, O_WRONLY | O_TRUNC);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)NB_MAX_FILE), 0);
    assert_int_equal(close(fd), 0);
    rc = nb_doc_load(&d, p, NB_LANG_EN, &e);
    expect_err(rc, &e, NB_E_BINARY, p);
    assert_int_equal(unlink(p), 0);
}

static void test_load_file(void **state)
{
    (void)state;
    const char *u = "规章\t0\t1\n行政许可\t5\n";
    size_t gn;
    unsigned char *gb = conv("GB18030", u, strlen(u), &gn);
    char p[128];
    snprintf(p, sizeof p, "%s/gb.txt", g_dir);
    write_file(p, gb, gn);
    nb_doc d;
    nb_err e;
    if (nb_doc_load(&d, p, NB_LANG_EN, &e) != 0)
        fail_msg("%s", e.msg);
    assert_int_equal(d.enc, NB_ENC_GB18030);
    assert_string_equal(d.path, p);
    assert_string_equal(d.text, u);
    assert_int_equal(d.file_size, gn);
    size_t o = off_of(&d, "5");
    assert_int_equal(nb_doc_locate(&d, o).orig, conv_len("GB18030", u, o));
    nb_doc_free(&d);
    assert_int_equal(unlink(p), 0);
    free(gb);
}

/* ---- messages in Chinese ---- */

/* Strict UTF-8: overlong forms and surrogates are not UTF-8 (then GB18030 is tried). */
static void test_strict_utf8(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    static const unsigned char overlong[] = {'a', 0xC0, 0xAF, '\n'};
    if (nb_doc_from_bytes(&d, "o.txt", overlong, sizeof overlong, NB_LANG_EN, &e) == 0) {
        assert_int_not_equal(d.enc, NB_ENC_UTF8);
        nb_doc_free(&d);
    }
    static const unsigned char surrogate[] = {'a', 0xED, 0xA0, 0x80, '\n'};
    if (nb_doc_from_bytes(&d, "s.txt", surrogate, sizeof surrogate, NB_LANG_EN, &e) == 0) {
        assert_int_not_equal(d.enc, NB_ENC_UTF8);
        nb_doc_free(&d);
    }
    static const unsigned char good[] = {'a', 0xE8, 0xA7, 0x84, 0xF0, 0x9F, 0x98, 0x80, 0xC2, 0xA9, '\n'};
    assert_int_equal(nb_doc_from_bytes(&d, "g.txt", good, sizeof good, NB_LANG_EN, &e), 0);
    assert_int_equal(d.enc, NB_ENC_UTF8);
    nb_doc_free(&d);
}

static void test_zh_messages(void **state)
{
    (void)state;
    nb_doc d;
    nb_err e;
    static const unsigned char one[1] = {'x'};
    int rc = nb_doc_from_bytes(&d, "空.txt", one, 0, NB_LANG_ZH, &e);
    expect_err(rc, &e, NB_E_EMPTY, "空.txt");
    assert_non_null(strstr(e.msg, "文件为空"));
    assert_null(strstr(e.msg, "empty"));
    static const unsigned char nul[] = {'a', 0};
    rc = nb_doc_from_bytes(&d, "nul.bin", nul, sizeof nul, NB_LANG_ZH, &e);
    expect_err(rc, &e, NB_E_BINARY, "nul.bin");
    assert_non_null(strstr(e.msg, "二进制"));
    assert_int_equal(nb_lang_from_locale("zh_CN.UTF-8"), NB_LANG_ZH);
    assert_int_equal(nb_lang_from_locale("en_US.UTF-8"), NB_LANG_EN);
    assert_int_equal(nb_lang_from_locale("C"), NB_LANG_EN);
    assert_int_equal(nb_lang_from_locale(NULL), NB_LANG_EN);
}

/* A long line's marks are made only when a location far into it (or the
 * console) asks for them, and every place is where it is with the marks
 * made first: a line of ideographs, tabs and ASCII, five steps long. */
static void test_marks_on_demand(void **state)
{
    (void)state;
    static char text[5 * 4096 + 64];
    size_t n = 0;
    memcpy(text, "head\n", 5);
    n = 5;
    for (unsigned k = 0; n + 8 < sizeof text - 8; k++) {
        const char *piece = k % 5 == 0 ? "\t" : k % 3 ? "政府" : "a1";
        size_t l = strlen(piece);
        memcpy(text + n, piece, l);
        n += l;
    }
    memcpy(text + n, "\ntail\n", 6);
    n += 6;
    nb_doc lazy, eager;
    nb_err e;
    assert_int_equal(nb_doc_from_bytes(&lazy, "l.txt", (const unsigned char *)text, n, NB_LANG_EN, &e), 0);
    assert_int_equal(nb_doc_from_bytes(&eager, "e.txt", (const unsigned char *)text, n, NB_LANG_EN, &e), 0);
    assert_non_null(lazy.marks);
    assert_int_equal(lazy.marks->made, 0);
    const nb_docmark *v;
    assert_true(nb_doc_marks(&eager, &v) >= 3); /* a mark a step in, the line is over four steps long */
    assert_true(v[0].off >= 5 + 4096 && v[0].off < 5 + 4096 + 4);
    nb_loc near = nb_doc_locate(&lazy, 5 + 2 * 4096);
    assert_int_equal(lazy.marks->made, 0); /* two steps in: walked from the line's start */
    assert_int_equal(near.line, 2);
    assert_int_equal(near.orig, 5 + 2 * 4096);
    nb_loc ne = nb_doc_locate(&eager, 5 + 2 * 4096);
    assert_int_equal(near.col, ne.col);
    for (size_t o = 0; o <= n; o++) {
        if (o < n && ((unsigned char)text[o] & 0xC0) == 0x80)
            continue;
        nb_loc a = nb_doc_locate(&lazy, o), b = nb_doc_locate(&eager, o);
        if (a.line != b.line || a.col != b.col || a.orig != b.orig)
            fail_msg("at %zu: %zu/%zu/%zu, with marks %zu/%zu/%zu", o, a.line, a.col, a.orig, b.line, b.col, b.orig);
    }
    assert_int_equal(lazy.marks->made, 1); /* past two steps in: made */
    assert_int_equal(lazy.marks->n, eager.marks->n);
    assert_non_null(nb_doc_mark_before(&lazy, n - 8));
    nb_doc_free(&lazy);
    nb_doc_free(&eager);
}

/* The plain reference for the one pass over a decoded text: binary when
 * it holds a NUL or over 5% of C0 controls other than \t \n \v \f \r and
 * ESC; its lines start after each \n, \r\n and lone \r short of the end. */
static int ref_scan(const unsigned char *t, size_t n, size_t *starts, size_t *ns)
{
    size_t ctl = 0;
    int nul = 0;
    *ns = 0;
    starts[(*ns)++] = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = t[i];
        nul |= c == 0;
        ctl += c < 32 && !(c >= 9 && c <= 13) && c != 27;
        size_t e = c == '\n' ? i + 1 : c == '\r' ? (i + 1 < n && t[i + 1] == '\n' ? i + 2 : i + 1) : 0;
        if (c == '\r' && e == i + 2)
            i++;
        if (e && e < n)
            starts[(*ns)++] = e;
    }
    return nul || ctl * 20 > n;
}

/* Generated texts of layout bytes, controls, ASCII and ideographs, of every
 * length around the sixteen-byte blocks: read as UTF-8 (no NUL: the file's
 * NUL is told apart earlier) and as UTF-16LE (NUL too), each is refused as
 * binary, or its lines are indexed, as the reference has it. */
static void test_scan_against_reference(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "\n", "\r", "\r\n", "\t", "\x01", "\x1b", "\x1f", "政", "bc", "\0"};
    static unsigned char t[400], u16[2 + 800];
    static size_t starts[400];
    unsigned seed = 12345;
    int counts[4] = {0}; /* texts read: binary or not, with \r or not */
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, want = 1 + (size_t)(round % 97) + (round % 5 == 0 ? 200 : 0);
        int kind = round % 3; /* 0: any piece; 1: mostly text, no \r; 2: mostly text */
        while (n < want) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % (kind ? 200 : 11);
            const char *pc = r < 11 ? pieces[r] : r < 150 ? "a" : r < 170 ? "政" : "\n";
            if (kind == 1 && (r == 2 || r == 3))
                pc = "a";
            size_t l = r == 10 ? 1 : strlen(pc);
            memcpy(t + n, pc, l);
            n += l;
        }
        size_t ns = 0, m = 2;
        int bin = ref_scan(t, n, starts, &ns);
        u16[0] = 0xFF;
        u16[1] = 0xFE;
        for (size_t i = 0; i < n;) { /* the ideograph's three bytes, else ASCII */
            unsigned cp = t[i] == 0xE6 ? 0x653F : t[i];
            i += t[i] == 0xE6 ? 3 : 1;
            u16[m++] = (unsigned char)(cp & 0xFF);
            u16[m++] = (unsigned char)(cp >> 8);
        }
        for (int utf16 = 0; utf16 < 2; utf16++) {
            if (!utf16 && memchr(t, 0, n))
                continue;
            nb_doc d;
            nb_err e;
            int rc = utf16 ? nb_doc_from_bytes(&d, "g.txt", u16, m, NB_LANG_EN, &e)
                           : nb_doc_from_bytes(&d, "g.txt", t, n, NB_LANG_EN, &e);
            counts[bin * 2 + (memchr(t, '\r', n) != NULL)]++;
            if (bin) {
                if (rc == 0 || e.code != NB_E_BINARY)
                    fail_msg("round %d (%s, %zu bytes): not refused as binary", round, utf16 ? "UTF-16" : "UTF-8", n);
                continue;
            }
            if (rc != 0)
                fail_msg("round %d (%s, %zu bytes): %s", round, utf16 ? "UTF-16" : "UTF-8", n, e.msg);
            assert_int_equal(d.len, n);
            assert_memory_equal(d.text, t, n);
            assert_int_equal(d.nlines, ns);
            for (size_t k = 0; k < ns; k++)
                if (d.lines[k] != starts[k])
                    fail_msg("round %d: line %zu starts at %u, not %zu", round, k, (unsigned)d.lines[k], starts[k]);
            nb_doc_free(&d);
        }
    }
    for (int k = 0; k < 4; k++)
        assert_true(counts[k] > 300);
}

/* ---- locations against a reference, on every report in every encoding ---- */

/* The reference: walk the text once from the start, each code point's file
 * bytes from iconv, its columns from nb_display_cols; compare nb_doc_locate
 * and an in-order locator at every code point. */
static void check_locations(const nb_doc *d, const char *enc, size_t bom, const char *name)
{
    iconv_t cd = enc ? iconv_open(enc, "UTF-8") : (iconv_t)-1;
    size_t orig = bom, col = 0, line = 1, i = 0, ncp = 0;
    nb_locator lc;
    nb_locator_init(&lc, d);
    while (i < d->len) { /* (the end of a text ending in a line break is on its last line) */
        nb_loc k = nb_locate_next(&lc, i), l = ncp++ % 7 ? k : nb_doc_locate(d, i);
        if (l.line != line || l.col != col + 1 || l.orig != orig || k.line != l.line || k.col != l.col ||
            k.orig != l.orig)
            fail_msg("%s (%s) at %zu: line %zu col %zu orig %zu; locator %zu/%zu/%zu; want %zu/%zu/%zu", name,
                     enc ? enc : "UTF-8", i, l.line, l.col, l.orig, k.line, k.col, k.orig, line, col + 1, orig);
        size_t s = i;
        unsigned char c = (unsigned char)d->text[i];
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (cd != (iconv_t)-1) {
            char out[16], *in = d->text + s, *op = out;
            size_t il = i - s, ol = sizeof out;
            assert_true(iconv(cd, &in, &il, &op, &ol) != (size_t)-1);
            orig += (size_t)(op - out);
        } else {
            orig += i - s;
        }
        if (c == '\n' || (c == '\r' && d->text[i] != '\n')) {
            line++;
            col = 0;
        } else if (c != '\r') {
            col += nb_display_cols(d->text + s, i - s, col);
        }
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
}

static void check_file_locations(const char *path, void *unused)
{
    (void)unused;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) { /* the file's own BOM: the variants add theirs */
        memmove(buf, buf + 3, n - 2);
        n -= 3;
    }
    static const struct {
        const char *enc;
        unsigned char bom[3];
        size_t bl;
    } encs[] = {{NULL, {0}, 0}, {NULL, {0xEF, 0xBB, 0xBF}, 3}, {"GB18030", {0}, 0},
                {"UTF-16LE", {0xFF, 0xFE}, 2}, {"UTF-16BE", {0xFE, 0xFF}, 2}};
    for (int one_line = 0; one_line < 2; one_line++) {
        char *t = malloc(n + 1);
        assert_non_null(t);
        memcpy(t, buf, n + 1);
        for (size_t k = 0; one_line && k < n; k++)
            if (t[k] == '\n' || t[k] == '\r')
                t[k] = ' '; /* the whole report on one long line */
        for (size_t e = 0; e < sizeof encs / sizeof encs[0]; e++) {
            size_t bn = n, wn = 0;
            unsigned char *body = encs[e].enc ? conv(encs[e].enc, t, n, &bn) : (unsigned char *)t;
            unsigned char *whole = with_bom(encs[e].bom, encs[e].bl, body, bn, &wn);
            nb_doc d;
            nb_err err;
            if (nb_doc_from_bytes(&d, path, whole, wn, NB_LANG_EN, &err) != 0)
                fail_msg("%s: %s", path, err.msg);
            check_locations(&d, encs[e].enc, encs[e].bl, path);
            nb_doc_free(&d);
            free(whole);
            if (body != (unsigned char *)t)
                free(body);
        }
        free(t);
    }
}

static void test_locations_everywhere(void **state)
{
    (void)state;
    static const char *const dirs[] = {"../shared/corpus/real", "../shared/corpus/seeds", "tests/data"};
    int files = 0;
    for (size_t k = 0; k < sizeof dirs / sizeof dirs[0]; k++)
        files += tu_each_txt(dirs[k], check_file_locations, NULL);
    assert_true(files >= 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_plain),
        cmocka_unit_test(test_utf8_bom),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_lone_cr),
        cmocka_unit_test(test_mixed_endings),
        cmocka_unit_test(test_gb18030),
        cmocka_unit_test(test_gb18030_four_byte),
        cmocka_unit_test(test_utf16le),
        cmocka_unit_test(test_utf16be),
        cmocka_unit_test(test_utf16_without_bom),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_columns_table),
        cmocka_unit_test(test_marks_on_demand),
        cmocka_unit_test(test_err_empty),
        cmocka_unit_test(test_err_binary),
        cmocka_unit_test(test_scan_against_reference),
        cmocka_unit_test(test_err_encoding),
        cmocka_unit_test(test_err_notfound),
        cmocka_unit_test(test_err_directory),
        cmocka_unit_test(test_err_toobig),
        cmocka_unit_test(test_load_file),
        cmocka_unit_test(test_zh_messages),
        cmocka_unit_test(test_strict_utf8),
        cmocka_unit_test(test_locations_everywhere),
        cmocka_unit_test(test_locator_gaps),
    };
    return TU_RUN("doc", tests, NULL, setup_dir, teardown_dir);
}
