/* review.c — reading, writing and applying REPORT.review. */
#include "review/review.h"
#include "base/fsio.h"
#include "base/sha256.h"
#include "base/vec.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const kind_names[] = {"correct", "note", "decide"};
static const char *const state_names[] = {"open", "confirmed", "dismissed"};

void nb_review_path(const char *report, char *out, size_t cap)
{
    snprintf(out, cap, "%s.review", report);
}

void nb_reviewer(char *out, size_t cap)
{
    const char *r = getenv("NIANBAO_REVIEWER");
    if (!r || !*r) {
        const struct passwd *pw = getpwuid(getuid());
        r = pw ? pw->pw_name : getenv("USER");
    }
    snprintf(out, cap, "%s", r && *r ? r : "reviewer");
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
    rv->n++;
    return 0;
}

void nb_review_free(nb_review *rv)
{
    for (size_t i = 0; i < rv->n; i++) {
        free(rv->v[i].value);
        free(rv->v[i].was);
        free(rv->v[i].text);
    }
    free(rv->v);
    memset(rv, 0, sizeof *rv);
}

/* ---- the file: "kind key=value …", values bare or "quoted\nwith escapes" ---- */

static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        switch (*s) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if ((unsigned char)*s < 0x20)
                fprintf(f, "\\x%02x", (unsigned char)*s);
            else
                fputc(*s, f);
        }
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
            fputs(" was=", f);
            put_quoted(f, e->was);
        } else {
            if (e->cell[0])
                fprintf(f, " cell=%s", e->cell);
            if (e->finding[0])
                fprintf(f, " finding=%s", e->finding);
            if (e->rule[0])
                fprintf(f, " rule=%s", e->rule);
            if (e->kind == NB_RV_DECIDE)
                fprintf(f, " state=%s", state_names[e->state]);
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

int nb_review_save(const nb_review *rv, const char *path, nb_err *err)
{
    nb_atomic at;
    if (nb_atomic_open(&at, path, 0644, NB_LANG_EN, err) != 0)
        return -1;
    if (write_to(rv, at.f) != 0) {
        nb_atomic_abort(&at);
        return nb_err_set(err, NB_E_IO, "%s: cannot write: %s", path, strerror(errno));
    }
    return nb_atomic_commit(&at, err);
}

/* Read one value at *p (bare word or quoted); returns a malloc'd string. */
static char *read_value(const char **p)
{
    const char *s = *p;
    size_t cap = strlen(s) + 1, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    if (*s == '"') {
        s++;
        while (*s && *s != '"') {
            char c = *s++;
            if (c == '\\' && *s) {
                char e = *s++;
                c = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
                if (e == 'x' && s[0] && s[1]) {
                    char hx[3] = {s[0], s[1], 0};
                    c = (char)strtol(hx, NULL, 16);
                    s += 2;
                }
            }
            out[n++] = c;
        }
        if (*s != '"') {
            free(out);
            return NULL; /* unterminated */
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

/* Where a review is being read from, for the messages. */
typedef struct source {
    const char *path;
    nb_lang lang;
    int ln;
    nb_err *err;
} source;

/* The fields of an entry held in arrays of their own. */
static const struct {
    const char *key;
    size_t off, cap;
} fixed_fields[] = {
#define FIELD(name) {#name, offsetof(nb_rv_entry, name), sizeof(((nb_rv_entry *)0)->name)}
    FIELD(cell), FIELD(finding), FIELD(rule), FIELD(by), FIELD(at),
#undef FIELD
};

/* The place of a text field (value, was, text or reason), or NULL. */
static char **text_field(nb_rv_entry *e, const char *key)
{
    if (!strcmp(key, "value"))
        return &e->value;
    if (!strcmp(key, "was"))
        return &e->was;
    if (!strcmp(key, "text") || !strcmp(key, "reason"))
        return &e->text;
    return NULL;
}

/* One key=value of an entry into e (v is taken); -1 for a key that is
 * unknown or repeated, or a state that is not one. */
static int set_field(nb_rv_entry *e, const char *key, char *v)
{
    char **text = text_field(e, key);
    if (text && !*text) {
        *text = v;
        return 0;
    }
    int rc = -1;
    for (size_t i = 0; i < sizeof fixed_fields / sizeof fixed_fields[0]; i++)
        if (!strcmp(key, fixed_fields[i].key)) {
            snprintf((char *)e + fixed_fields[i].off, fixed_fields[i].cap, "%s", v);
            rc = 0;
        }
    if (!strcmp(key, "state")) {
        int st;
        for (st = 0; st < 3 && strcmp(v, state_names[st]); st++)
            ;
        e->state = (nb_decision)st;
        rc = st == 3 ? -1 : 0;
    }
    free(v);
    return rc;
}

/* The key=value pairs after an entry's kind; -1 when malformed or
 * incomplete. */
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
        snprintf(key, sizeof key, "%.*s", (int)(eq - s < 31 ? eq - s : 31), s);
        s = eq + 1;
        char *v = read_value(&s);
        if (!v || set_field(e, key, v) != 0)
            return -1;
    }
    if (e->kind == NB_RV_CORRECT && (!e->cell[0] || !e->value))
        return -1;
    if (e->kind == NB_RV_DECIDE && !e->finding[0])
        return -1;
    if (e->kind == NB_RV_NOTE && !e->cell[0] && !e->finding[0])
        return -1;
    return 0;
}

static void entry_strings_free(nb_rv_entry *e)
{
    free(e->value);
    free(e->was);
    free(e->text);
}

/* An entry line (its kind, then the rest) into rv. */
static int read_entry(nb_review *rv, const char *kind, const char *s, const source *src)
{
    nb_rv_entry e;
    memset(&e, 0, sizeof e);
    int k;
    for (k = 0; k < 3 && strcmp(kind, kind_names[k]); k++)
        ;
    if (k == 3)
        return nb_err_set(src->err, NB_E_FORMAT,
                          nb_tr(src->lang, "%s:%d: unknown entry \"%s\" (correct, note or decide)",
                                "%s:%d：未知条目“%s”（应为 correct、note 或 decide）"),
                          src->path, src->ln, kind);
    e.kind = (nb_rv_kind)k;
    if (read_fields(&e, s) != 0) {
        entry_strings_free(&e);
        return nb_err_set(src->err, NB_E_FORMAT, nb_tr(src->lang, "%s:%d: malformed %s entry", "%s:%d：%s 条目格式有误"),
                          src->path, src->ln, kind);
    }
    int ok = nb_review_add(rv, &e) == 0;
    entry_strings_free(&e);
    return ok ? 0 : nb_err_set(src->err, NB_E_NOMEM, "%s: out of memory", src->path);
}

/* The first line: "nianbao-review 1". */
static int read_header(const char *kind, const char *s, const source *src)
{
    if (strcmp(kind, "nianbao-review") != 0)
        return nb_err_set(src->err, NB_E_FORMAT,
                          nb_tr(src->lang, "%s:%d: not a nianbao review file (it should begin \"nianbao-review 1\")",
                                "%s:%d：不是 nianbao 审阅文件（应以“nianbao-review 1”开头）"),
                          src->path, src->ln);
    while (*s == ' ')
        s++;
    if (strcmp(s, "1") != 0)
        return nb_err_set(src->err, NB_E_FORMAT,
                          nb_tr(src->lang, "%s:%d: review file version %s; this nianbao reads version 1",
                                "%s:%d：审阅文件版本为 %s，本程序读取版本 1"),
                          src->path, src->ln, s);
    return 0;
}

/* A line that is not blank or a comment; *header: the first line was read. */
static int read_line(nb_review *rv, const char *s, int *header, const source *src)
{
    char kind[32];
    size_t kl = strcspn(s, " \t");
    snprintf(kind, sizeof kind, "%.*s", (int)(kl < 31 ? kl : 31), s);
    s += kl;
    if (!*header) {
        *header = read_header(kind, s, src) == 0;
        return *header ? 0 : -1;
    }
    while (*s == ' ')
        s++;
    if (!strcmp(kind, "report")) {
        char *v = read_value(&s);
        if (!v)
            return nb_err_set(src->err, NB_E_FORMAT, "%s:%d: %s", src->path, src->ln,
                              nb_tr(src->lang, "bad report name", "报告名有误"));
        snprintf(rv->report, sizeof rv->report, "%s", v);
        free(v);
        return 0;
    }
    if (!strcmp(kind, "sha256")) {
        snprintf(rv->sha256, sizeof rv->sha256, "%.64s", s);
        if (!strcmp(rv->sha256, "-"))
            rv->sha256[0] = '\0';
        return 0;
    }
    return read_entry(rv, kind, s, src);
}

int nb_review_load(nb_review *rv, const char *path, nb_lang lang, nb_err *err)
{
    memset(rv, 0, sizeof *rv);
    FILE *f = fopen(path, "r");
    if (!f)
        return nb_err_set(err, errno == ENOENT ? NB_E_NOTFOUND : NB_E_IO, "%s: %s", path, strerror(errno));
    char line[16384];
    source src = {path, lang, 0, err};
    int header = 0, rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        src.ln++;
        size_t l = strlen(line);
        if (l && line[l - 1] != '\n' && !feof(f)) {
            rc = nb_err_set(err, NB_E_FORMAT, nb_tr(lang, "%s:%d: line too long", "%s:%d：行过长"), path, src.ln);
            break;
        }
        line[strcspn(line, "\r\n")] = '\0';
        const char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s && *s != '#')
            rc = read_line(rv, s, &header, &src);
    }
    if (!rc && !header)
        rc = nb_err_set(err, NB_E_FORMAT,
                        nb_tr(lang, "%s:%d: not a nianbao review file (empty)", "%s:%d：不是 nianbao 审阅文件（为空）"),
                        path, src.ln);
    fclose(f);
    if (rc)
        nb_review_free(rv);
    return rc;
}

/* ---- applying ---- */

int nb_review_apply(const nb_review *rv, nb_report *r, char *unknown, size_t cap)
{
    int applied = 0;
    if (unknown && cap)
        unknown[0] = '\0';
    for (size_t i = 0; i < rv->n; i++) {
        const nb_rv_entry *e = &rv->v[i];
        if (e->kind != NB_RV_CORRECT)
            continue;
        int ci = nb_schema_find_cell(r->schema, e->cell);
        nb_num v;
        if (ci < 0 || nb_parse_value(e->value, strlen(e->value), &v) != NB_ST_NUMBER) {
            if (unknown && cap) {
                size_t l = strlen(unknown);
                snprintf(unknown + l, cap - l, "%s%s", l ? " " : "", e->cell);
            }
            continue;
        }
        nb_cell *c = &r->cells[ci];
        if (!c->corrected) {
            c->orig_status = c->status;
            c->orig_num = c->num;
        }
        c->corrected = 1;
        c->status = NB_ST_NUMBER;
        c->num = v;
        applied++;
    }
    return applied;
}

void nb_finding_fingerprint(const nb_report *r, const nb_finding *f, char out[24])
{
    int n;
    const nb_rule *rules = nb_rules(&n);
    char ids[NB_FCELLS][96];
    int k = f->ncells;
    for (int i = 0; i < k; i++)
        nb_schema_cell_id(r->schema, f->cells[i], ids[i], sizeof ids[i]);
    for (int i = 1; i < k; i++) /* sorted: the same cells give the same print */
        for (int j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            char t[96];
            memcpy(t, ids[j], sizeof t);
            memcpy(ids[j], ids[j - 1], sizeof t);
            memcpy(ids[j - 1], t, sizeof t);
        }
    nb_sha256 s;
    nb_sha256_init(&s);
    nb_sha256_update(&s, rules[f->rule].id, strlen(rules[f->rule].id));
    for (int i = 0; i < k; i++) {
        nb_sha256_update(&s, "|", 1);
        nb_sha256_update(&s, ids[i], strlen(ids[i]));
    }
    if (!k) /* a finding without cells: a section or table, told by its detail */
        nb_sha256_update(&s, f->detail, strlen(f->detail));
    unsigned char d[32];
    nb_sha256_final(&s, d);
    for (int i = 0; i < 8; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

const nb_rv_entry *nb_review_decision(const nb_review *rv, const char *fp)
{
    const nb_rv_entry *last = NULL;
    for (size_t i = 0; i < rv->n; i++)
        if (rv->v[i].kind == NB_RV_DECIDE && !strcmp(rv->v[i].finding, fp))
            last = &rv->v[i];
    return last;
}
