/* review.c — the review file: its entries, reading it (a line of any
 * length; every field checked) and writing it atomically, always as UTF-8
 * that reads back the same. Applying it to a report is review/apply.c. */
#include "review/review.h"
#include "model/review_files.h"
#include "base/fsio.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "base/vec.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const kind_names[] = {"correct", "note", "decide"};
static const char *const state_names[] = {"open", "confirmed", "dismissed"};
static const char *const state_zh[] = {"未决定", "已确认", "已驳回"};

const char *nb_decision_name(nb_decision d)
{
    return d >= NB_DEC_OPEN && d <= NB_DEC_DISMISSED ? state_names[d] : "?";
}

const char *nb_decision_label(nb_decision d, nb_lang lang)
{
    if (lang == NB_LANG_ZH && d >= NB_DEC_OPEN && d <= NB_DEC_DISMISSED)
        return state_zh[d];
    return nb_decision_name(d);
}

int nb_decision_parse(const char *s)
{
    for (int k = NB_DEC_OPEN; k <= NB_DEC_DISMISSED; k++)
        if (!strcmp(state_names[k], s))
            return k;
    return -1;
}

void nb_review_path(const char *report, char *out, size_t cap)
{
    snprintf(out, cap, "%s" NB_REVIEW_EXT, report);
}

void nb_review_journal_path(const char *review, char *out, size_t cap)
{
    snprintf(out, cap, "%.4200s" NB_JOURNAL_EXT, review);
}

const char *nb_reviewer(void)
{
    const char *r = getenv("NIANBAO_REVIEWER");
    if (!r || !*r) {
        const struct passwd *pw = getpwuid(getuid());
        r = pw ? pw->pw_name : getenv("USER");
    }
    return r && *r ? r : "reviewer";
}

void nb_iso_now(char *out, size_t cap)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char z[8];
    strftime(z, sizeof z, "%z", &tm); /* +0800 → +08:00 */
    char b[40];
    strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out, cap, "%s%.3s:%.2s", b, z, z + 3);
}

int nb_file_sha256(const char *path, char out[65])
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    nb_sha256 s;
    nb_sha256_init(&s);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        nb_sha256_update(&s, buf, n);
    int bad = ferror(f);
    fclose(f);
    if (bad)
        return -1;
    unsigned char d[32];
    nb_sha256_final(&s, d);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
    return 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

int nb_review_add(nb_review *rv, const nb_rv_entry *e)
{
    if (nb_grow(&rv->v, &rv->cap, rv->n + 1, sizeof *rv->v, 16) != 0)
        return -1;
    nb_rv_entry *d = &rv->v[rv->n];
    *d = *e;
    d->value = dup_or_null(e->value);
    d->was = dup_or_null(e->was);
    d->text = dup_or_null(e->text);
    d->cells = dup_or_null(e->cells);
    d->seen = dup_or_null(e->seen);
    d->by = dup_or_null(e->by ? e->by : "");
    if ((e->value && !d->value) || (e->was && !d->was) || (e->text && !d->text) || (e->cells && !d->cells) ||
        (e->seen && !d->seen) || !d->by) {
        nb_rv_entry_free(d);
        return -1;
    }
    rv->n++;
    return 0;
}

void nb_rv_entry_free(nb_rv_entry *e)
{
    free(e->value);
    free(e->was);
    free(e->text);
    free(e->cells);
    free(e->seen);
    free(e->by);
    e->value = e->was = e->text = e->cells = e->seen = e->by = NULL;
}

void nb_review_free(nb_review *rv)
{
    for (size_t i = 0; i < rv->n; i++)
        nb_rv_entry_free(&rv->v[i]);
    free(rv->v);
    free(rv->path);
    memset(rv, 0, sizeof *rv);
}

void nb_review_count(const nb_review *rv, int *corrections, int *notes, int *decisions)
{
    *corrections = *notes = *decisions = 0;
    for (size_t i = 0; i < rv->n; i++) {
        nb_rv_kind k = rv->v[i].kind;
        *(k == NB_RV_CORRECT ? corrections : k == NB_RV_NOTE ? notes : decisions) += 1;
    }
}

/* Two strings of entries alike (NULL as "": neither written). */
static int same_text(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

static int same_entry(const nb_rv_entry *a, const nb_rv_entry *b)
{
    return a->kind == b->kind && a->state == b->state && !strcmp(a->cell, b->cell) &&
           !strcmp(a->finding, b->finding) && !strcmp(a->rule, b->rule) && !strcmp(a->at, b->at) &&
           a->was_missing == b->was_missing && same_text(a->value, b->value) && same_text(a->was, b->was) &&
           same_text(a->text, b->text) && same_text(a->cells, b->cells) && same_text(a->seen, b->seen) &&
           same_text(a->by, b->by);
}

size_t nb_review_common(const nb_review *a, const nb_review *b)
{
    size_t i = 0;
    while (i < a->n && i < b->n && same_entry(&a->v[i], &b->v[i]))
        i++;
    return i;
}

/* ---- the file: "kind key=value …", values bare or "quoted\nwith escapes" ---- */

/* s as a quoted value: quotes, backslashes and control characters
 * escaped, and any byte that is not UTF-8 as \xHH, so that the file is
 * UTF-8 and reads back byte for byte. */
static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = nb_utf8_seq((const unsigned char *)s + i, n - i);
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\r')
            fputs("\\r", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (!len || c < 0x20 || c == 0x7F)
            fprintf(f, "\\x%02x", c);
        else
            fwrite(s + i, 1, len, f);
        i += len ? len : 1;
    }
    fputc('"', f);
}

static int write_to(const nb_review *rv, FILE *f)
{
    fputs("# nianbao review: corrections, notes and decisions on a report. The report itself is never changed.\n"
          "# One entry a line; see nianbao-review(5).\n",
          f);
    fputs("nianbao-review 1\nreport ", f);
    put_quoted(f, rv->report);
    fprintf(f, "\nsha256 %s\n", rv->sha256[0] ? rv->sha256 : "-");
    for (size_t i = 0; i < rv->n; i++) {
        const nb_rv_entry *e = &rv->v[i];
        fputs(kind_names[e->kind], f);
        if (e->kind == NB_RV_CORRECT) {
            fprintf(f, " cell=%s value=", e->cell);
            put_quoted(f, e->value);
            if (e->was_missing)
                fputs(" missing=yes", f);
            else if (e->was) { /* none: made against a text not recorded */
                fputs(" was=", f);
                put_quoted(f, e->was);
            }
        } else {
            if (e->cell[0])
                fprintf(f, " cell=%s", e->cell);
            if (e->finding[0])
                fprintf(f, " finding=%s", e->finding);
            if (e->rule[0])
                fprintf(f, " rule=%s", e->rule);
            if (e->kind == NB_RV_DECIDE)
                fprintf(f, " state=%s", nb_decision_name(e->state));
            if (e->cells && e->cells[0]) {
                fputs(" cells=", f);
                put_quoted(f, e->cells);
            }
            if (e->seen) {
                fputs(" seen=", f);
                put_quoted(f, e->seen);
            }
        }
        fputs(" by=", f);
        put_quoted(f, e->by);
        fprintf(f, " at=%s", e->at);
        if (e->kind != NB_RV_CORRECT && e->text) {
            fputs(e->kind == NB_RV_NOTE ? " text=" : " reason=", f);
            put_quoted(f, e->text);
        }
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}

int nb_review_save(const nb_review *rv, const char *path, nb_lang lang, nb_err *err)
{
    nb_atomic at;
    if (nb_atomic_open(&at, path, 0644, lang, err) != 0)
        return -1;
    nb_atomic_mark(&at, "review");
    if (write_to(rv, at.f) != 0) {
        int e = errno;
        nb_atomic_abort(&at);
        return nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot write: %s", "%s：无法写入：%s"), path, nb_strerror(e, lang));
    }
    return nb_atomic_commit(&at, err);
}

/* Two hex digits at s: the byte, or -1. */
static int hex_byte(const char *s)
{
    int v = 0;
    for (int k = 0; k < 2; k++) {
        char c = s[k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* One escape after a backslash at *s (advanced): the byte, or -1 for \x
 * without two hex digits or \x00. */
static int unescape(const char **s)
{
    char e = *(*s)++;
    if (e == 'n')
        return '\n';
    if (e == 'r')
        return '\r';
    if (e == 't')
        return '\t';
    if (e != 'x')
        return (unsigned char)e;
    int b = hex_byte(*s);
    if (b <= 0)
        return -1;
    *s += 2;
    return b;
}

/* Read one value at *p (bare word or quoted); returns a malloc'd string,
 * or NULL when it is malformed (unterminated, a bad escape). */
static char *read_value(const char **p)
{
    const char *s = *p;
    size_t n = 0;
    char *out = malloc(strlen(s) + 1);
    if (!out)
        return NULL;
    if (*s == '"') {
        s++;
        while (*s && *s != '"') {
            int c = (unsigned char)*s++;
            if (c == '\\' && *s && (c = unescape(&s)) < 0)
                break;
            out[n++] = (char)c;
        }
        if (*s != '"') {
            free(out);
            return NULL; /* unterminated, or a bad escape */
        }
        s++;
    } else {
        while (*s && *s != ' ' && *s != '\t')
            out[n++] = *s++;
    }
    out[n] = '\0';
    *p = s;
    return out;
}

/* Where a review file is being read, for its error messages. */
typedef struct reading {
    const char *path;
    int ln;
    nb_lang lang;
    nb_err *err;
} reading;

/* The first line: "nianbao-review 1". 0, or -1 with the error set. */
static int read_header(const reading *rd, const char *kind, const char *s)
{
    if (strcmp(kind, "nianbao-review") != 0)
        return nb_err_set(rd->err, NB_E_FORMAT,
                          nb_tr(rd->lang, "%s:%d: not a nianbao review file (it should begin \"nianbao-review 1\")",
                                "%s:%d：不是 nianbao 审阅文件（应以“nianbao-review 1”开头）"),
                          rd->path, rd->ln);
    while (*s == ' ')
        s++;
    if (strcmp(s, "1") != 0)
        return nb_err_set(rd->err, NB_E_FORMAT,
                          nb_tr(rd->lang, "%s:%d: review file version %s; this nianbao reads version 1",
                                "%s:%d：审阅文件版本为 %s，本程序读取版本 1"),
                          rd->path, rd->ln, s);
    return 0;
}

/* A bare word the file writes unquoted (a cell ID, a fingerprint, a rule,
 * a time): printable ASCII without spaces, not starting with a quote. */
static int bare_word(const char *v)
{
    if (!*v || *v == '"')
        return 0;
    for (; *v; v++)
        if (*v <= ' ' || *v > '~')
            return 0;
    return 1;
}

/* v into a field of cap bytes: -1 when it is not a bare word or does not
 * fit (a field longer than any the format writes is malformed, never cut). */
static int set_fixed(char *field, size_t cap, const char *v)
{
    size_t n = strlen(v);
    if (n >= cap || (n && !bare_word(v))) /* empty is written bare too ("at=") */
        return -1;
    memcpy(field, v, n + 1);
    return 0;
}

/* The keys each kind of entry may have. */
static const char *const kind_keys[] = {" cell value was missing by at ", " cell finding rule by at text ",
                                        " finding rule state by at reason cells seen "};

/* The string field of key, or NULL. */
static char **string_field(nb_rv_entry *e, const char *key)
{
    if (!strcmp(key, "value"))
        return &e->value;
    if (!strcmp(key, "was"))
        return &e->was;
    if (!strcmp(key, "text") || !strcmp(key, "reason"))
        return &e->text;
    if (!strcmp(key, "cells"))
        return &e->cells;
    if (!strcmp(key, "seen"))
        return &e->seen;
    if (!strcmp(key, "by"))
        return &e->by;
    return NULL;
}

/* One key=value of an entry into e; the value v is taken or freed. -1 for
 * a key the entry cannot have, a key given twice, or a value that does not
 * fit. */
static int set_field(nb_rv_entry *e, const char *key, char *v)
{
    char spaced[40];
    snprintf(spaced, sizeof spaced, " %s ", key);
    char **str = string_field(e, key);
    int bad = !strstr(kind_keys[e->kind], spaced);
    if (!bad && str && !*str) {
        *str = v;
        return 0;
    }
    if (bad || str)
        bad = 1;
    else if (!strcmp(key, "cell"))
        bad = set_fixed(e->cell, sizeof e->cell, v);
    else if (!strcmp(key, "finding"))
        bad = set_fixed(e->finding, sizeof e->finding, v);
    else if (!strcmp(key, "rule"))
        bad = set_fixed(e->rule, sizeof e->rule, v);
    else if (!strcmp(key, "at"))
        bad = set_fixed(e->at, sizeof e->at, v);
    else if (!strcmp(key, "missing")) { /* given twice, or other than yes: malformed */
        bad = e->was_missing || strcmp(v, "yes") != 0;
        e->was_missing = 1;
    }
    else {
        int st = nb_decision_parse(v);
        bad = st < 0;
        e->state = st < 0 ? NB_DEC_OPEN : (nb_decision)st;
    }
    free(v);
    return bad ? -1 : 0;
}

/* The key=value pairs of an entry, and what its kind requires. -1 if malformed. */
static int read_fields(nb_rv_entry *e, const char *s)
{
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        const char *eq = strchr(s, '=');
        if (!eq)
            return -1;
        char key[32];
        if (eq - s > 31)
            return -1;
        snprintf(key, sizeof key, "%.*s", (int)(eq - s), s);
        s = eq + 1;
        char *v = read_value(&s);
        if (!v || set_field(e, key, v) != 0)
            return -1;
    }
    if (e->kind == NB_RV_CORRECT && (!e->cell[0] || !e->value || (e->was_missing && e->was)))
        return -1;
    if (e->kind == NB_RV_DECIDE && !e->finding[0])
        return -1;
    if (e->kind == NB_RV_NOTE && !e->cell[0] && !e->finding[0])
        return -1;
    return 0;
}

/* An entry line: kind and fields, added to rv. 0, or -1 with the error set. */
static int read_entry(const reading *rd, nb_review *rv, const char *kind, const char *s)
{
    nb_rv_entry e;
    memset(&e, 0, sizeof e);
    int k;
    for (k = 0; k < 3 && strcmp(kind, kind_names[k]); k++)
        ;
    if (k == 3)
        return nb_err_set(rd->err, NB_E_FORMAT,
                          nb_tr(rd->lang, "%s:%d: unknown entry \"%s\" (correct, note or decide)",
                                "%s:%d：未知条目“%s”（应为 correct、note 或 decide）"),
                          rd->path, rd->ln, kind);
    e.kind = (nb_rv_kind)k;
    e.line = rd->ln;
    if (read_fields(&e, s) != 0) {
        nb_rv_entry_free(&e);
        return nb_err_set(rd->err, NB_E_FORMAT, nb_tr(rd->lang, "%s:%d: malformed %s entry", "%s:%d：%s 条目格式有误"),
                          rd->path, rd->ln, kind);
    }
    int ok = nb_review_add(rv, &e) == 0;
    nb_rv_entry_free(&e);
    return ok ? 0 : nb_err_set(rd->err, NB_E_NOMEM, nb_tr(rd->lang, "%s: out of memory", "%s：内存不足"), rd->path);
}

/* 64 hex digits, or "-" for none. */
static int read_digest(nb_review *rv, const char *s)
{
    if (!strcmp(s, "-")) {
        rv->sha256[0] = '\0';
        return 0;
    }
    if (strlen(s) != 64 || strspn(s, "0123456789abcdef") != 64)
        return -1;
    memcpy(rv->sha256, s, 65);
    return 0;
}

/* A line after the header: the report's name, its digest, or an entry. */
static int read_line(const reading *rd, nb_review *rv, const char *kind, const char *s)
{
    while (*s == ' ')
        s++;
    if (!strcmp(kind, "report")) {
        char *v = read_value(&s);
        int bad = !v || strlen(v) >= sizeof rv->report;
        if (!bad)
            memcpy(rv->report, v, strlen(v) + 1);
        free(v);
        if (bad)
            return nb_err_set(rd->err, NB_E_FORMAT, "%s:%d: %s", rd->path, rd->ln,
                              nb_tr(rd->lang, "bad report name", "报告名有误"));
        return 0;
    }
    if (!strcmp(kind, "sha256")) {
        if (read_digest(rv, s) != 0)
            return nb_err_set(rd->err, NB_E_FORMAT, "%s:%d: %s", rd->path, rd->ln,
                              nb_tr(rd->lang, "a SHA-256 is 64 hex digits (or -)", "SHA-256 应为 64 位十六进制数（或 -）"));
        return 0;
    }
    return read_entry(rd, rv, kind, s);
}

/* One line of the file (the header first); comments and blank lines pass. */
static int read_one(reading *rd, nb_review *rv, char *line, size_t len, int *header)
{
    if (memchr(line, '\0', len))
        return nb_err_set(rd->err, NB_E_FORMAT, nb_tr(rd->lang, "%s:%d: a NUL byte", "%s:%d：含有 NUL 字节"), rd->path,
                          rd->ln);
    line[strcspn(line, "\r\n")] = '\0';
    const char *s = line;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s || *s == '#')
        return 0;
    char kind[32];
    size_t kl = strcspn(s, " \t");
    snprintf(kind, sizeof kind, "%.*s", (int)(kl < 31 ? kl : 31), s);
    s += kl;
    int rc = *header ? read_line(rd, rv, kind, s) : read_header(rd, kind, s);
    *header = 1;
    return rc;
}

/* A line that is not UTF-8 but GB18030 throughout (the review edited and
 * saved in an editor that writes GBK, such as Notepad on a Chinese
 * Windows) taken in UTF-8, so that its notes and reasons read as written;
 * else left as it is (its stray bytes kept, written back as \xHH). A line
 * nianbao wrote is always UTF-8. */
static void line_from_gb18030(char **line, size_t *cap, ssize_t *len)
{
    size_t n = (size_t)*len;
    if (!nb_utf8_invalid((const unsigned char *)*line, n))
        return;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return;
    size_t ocap = n + n / 2 + 4; /* two bytes give at most three, four give four */
    char *out = malloc(ocap), *in = *line, *op = out;
    size_t inleft = n, outleft = ocap - 1;
    if (out && iconv(cd, &in, &inleft, &op, &outleft) != (size_t)-1 && inleft == 0) {
        *op = '\0';
        free(*line);
        *line = out;
        *cap = ocap;
        *len = (ssize_t)(op - out);
        out = NULL;
    }
    free(out);
    iconv_close(cd);
}

int nb_review_other_bytes(const nb_review *rv, const char *sha)
{
    return rv->n && rv->sha256[0] && sha[0] && strcmp(rv->sha256, sha) != 0;
}

int nb_review_load(nb_review *rv, const char *path, nb_lang lang, nb_err *err)
{
    memset(rv, 0, sizeof *rv);
    FILE *f = fopen(path, "r");
    if (!f)
        return nb_err_open(err, path, errno, lang);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    reading rd = {path, 0, lang, err};
    int header = 0, rc = 0;
    while (!rc && (len = getline(&line, &cap, f)) >= 0) {
        rd.ln++;
        if (rd.ln == 1 && len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3)) { /* a BOM, as Notepad writes UTF-8 */
            memmove(line, line + 3, (size_t)len - 2);
            len -= 3;
        }
        line_from_gb18030(&line, &cap, &len);
        int entry = header, unended = !len || line[len - 1] != '\n'; /* the last line, cut short or from an editor that ends none */
        rc = read_one(&rd, rv, line, (size_t)len, &header);
        if (rc && err->code == NB_E_FORMAT && unended && entry)
            rc = nb_err_set(err, NB_E_FORMAT,
                            nb_tr(lang, "%s:%d: the file ends inside this entry (cut short?)", "%s:%d：文件在此条目中途结束（被截断？）"),
                            path, rd.ln);
    }
    if (!rc && ferror(f))
        rc = nb_err_set(err, NB_E_IO, nb_tr(lang, "%s: cannot read: %s", "%s：无法读取：%s"), path, nb_strerror(errno, lang));
    if (!rc && !header && !rd.ln) /* no line to name */
        rc = nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s: not a nianbao review file (empty)", "%s：不是 nianbao 审阅文件（为空）"),
                        path);
    else if (!rc && !header)
        rc = nb_err_set(err, NB_E_FORMAT,
                        nb_tr(lang, "%s:%d: not a nianbao review file (comments only)", "%s:%d：不是 nianbao 审阅文件（只有注释）"),
                        path, rd.ln);
    free(line);
    fclose(f);
    if (!rc && !(rv->path = strdup(path)))
        rc = nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    if (rc)
        nb_review_free(rv);
    return rc;
}

