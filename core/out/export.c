/* export.c — JSON and CSV writers for extracted cells. */
#include "out/export.h"
#include "base/fsio.h"
#include "review/review.h"
#include "check/findings.h"
#include "check/messages.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

/* A growing buffer: a report's JSON is built in memory and written once. */
typedef struct sbuf {
    char *b;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_put(sbuf *sb, const char *s, size_t n)
{
    if (sb->oom)
        return;
    if (nb_grow(&sb->b, &sb->cap, sb->n + n, 1, 16384) != 0) {
        sb->oom = 1;
        return;
    }
    memcpy(sb->b + sb->n, s, n);
    sb->n += n;
}

static void sb_puts(sbuf *sb, const char *s)
{
    sb_put(sb, s, strlen(s));
}

static void sb_uint(sbuf *sb, size_t v)
{
    char b[24];
    int i = (int)sizeof b;
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sb_put(sb, b + i, sizeof b - (size_t)i);
}

static void sb_json_str(sbuf *sb, const char *s, size_t n)
{
    sb_put(sb, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\' && s[run] != 0x7F)
            run++;
        if (run > i) {
            sb_put(sb, s + i, run - i);
            i = run;
            if (i == n)
                break;
        }
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': sb_put(sb, "\\\"", 2); break;
        case '\\': sb_put(sb, "\\\\", 2); break;
        case '\n': sb_put(sb, "\\n", 2); break;
        case '\r': sb_put(sb, "\\r", 2); break;
        case '\t': sb_put(sb, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            sb_put(sb, esc, 6);
        }
    }
    sb_put(sb, "\"", 1);
}

static void sb_json_cstr(sbuf *sb, const char *s)
{
    sb_json_str(sb, s, strlen(s));
}

void nb_json_str(FILE *out, const char *s, size_t n)
{
    sbuf sb = {0};
    sb_json_str(&sb, s, n);
    fwrite(sb.b, 1, sb.n, out);
    free(sb.b);
}

void nb_cell_note(const nb_report *r, const nb_cell *c, nb_lang lang, char *out, size_t cap)
{
    out[0] = '\0';
    if (!c->blob_len)
        return;
    char blob[128];
    size_t n = c->blob_len < sizeof blob - 1 ? c->blob_len : sizeof blob - 1;
    memcpy(blob, r->doc.text + c->blob_off, n);
    blob[n] = '\0';
    if (c->status == NB_ST_INFERRED) {
        if (lang == NB_LANG_ZH)
            snprintf(out, cap, "由连写数字“%s”按表内合计关系拆分得出", blob);
        else
            snprintf(out, cap, "split from run-together digits \"%s\" by the table's sums", blob);
    } else if (c->readings > 1) {
        if (lang == NB_LANG_ZH)
            snprintf(out, cap, "未读取：连写数字“%s”有 %d 种拆分方式，表内无法确定是哪一种", blob, c->readings);
        else
            snprintf(out, cap, "not read: run-together digits \"%s\" split %d ways and the table cannot tell which",
                     blob, c->readings);
    } else {
        if (lang == NB_LANG_ZH)
            snprintf(out, cap, "未读取：连写数字“%s”无法拆分出符合表格的读数", blob);
        else
            snprintf(out, cap, "not read: run-together digits \"%s\" split no way that fits the table", blob);
    }
}

static void sb_date(sbuf *sb, nb_date d)
{
    char b[32];
    snprintf(b, sizeof b, "\"%04d-%02d-%02d\"", d.y, d.m, d.d);
    sb_puts(sb, b);
}

static void sb_findings(sbuf *sb, const nb_report *r, const nb_findings *fs, int min_sev, const nb_review *rv,
                        nb_lang lang)
{
    int n, first = 1;
    const nb_rule *rules = nb_rules(&n);
    char id[96], msg[2048], b[96];
    for (size_t i = 0; fs && i < fs->n; i++) {
        const nb_finding *f = &fs->v[i];
        if ((int)f->severity < min_sev)
            continue;
        if (!first)
            sb_put(sb, ",", 1);
        first = 0;
        sb_puts(sb, "{\"rule\":");
        sb_json_cstr(sb, rules[f->rule].id);
        sb_puts(sb, ",\"severity\":\"");
        sb_puts(sb, nb_severity_name(f->severity));
        sb_puts(sb, "\",\"cells\":[");
        for (int k = 0; k < f->ncells; k++) {
            nb_schema_cell_id(r->schema, f->cells[k], id, sizeof id);
            if (k)
                sb_put(sb, ",", 1);
            sb_json_cstr(sb, id);
        }
        sb_puts(sb, "],\"suspect\":");
        if (f->suspect >= 0) {
            nb_schema_cell_id(r->schema, f->suspect, id, sizeof id);
            sb_json_cstr(sb, id);
        } else {
            sb_puts(sb, "null");
        }
        if (f->has_off) {
            nb_loc l = nb_doc_locate(&r->doc, f->off);
            sb_puts(sb, ",\"line\":");
            sb_uint(sb, l.line);
            sb_puts(sb, ",\"col\":");
            sb_uint(sb, l.col);
        } else {
            sb_puts(sb, ",\"line\":null,\"col\":null");
        }
        if (f->has_sides) {
            sb_puts(sb, ",\"lhs\":");
            sb_put(sb, b, nb_num_format(f->lhs, b, sizeof b));
            sb_puts(sb, ",\"rhs\":");
            sb_put(sb, b, nb_num_format(f->rhs, b, sizeof b));
        }
        if (f->claim_len) {
            nb_loc l = nb_doc_locate(&r->doc, f->claim_off);
            sb_puts(sb, ",\"claim\":{\"line\":");
            sb_uint(sb, l.line);
            sb_puts(sb, ",\"col\":");
            sb_uint(sb, l.col);
            sb_puts(sb, ",\"text\":");
            sb_json_str(sb, r->doc.text + f->claim_off, f->claim_len);
            sb_puts(sb, "}");
        }
        if (f->inferred)
            sb_puts(sb, ",\"inferred\":true");
        if (f->other_file) {
            sb_puts(sb, ",\"other_file\":");
            sb_json_cstr(sb, f->other_file);
        }
        {
            char fp[24];
            nb_finding_fingerprint(r, f, fp);
            sb_puts(sb, ",\"fingerprint\":\"");
            sb_puts(sb, fp);
            sb_puts(sb, "\"");
            const nb_rv_entry *d = rv ? nb_review_decision(rv, fp) : NULL;
            if (d && d->state != NB_DEC_OPEN) {
                sb_puts(sb, ",\"decision\":{\"state\":\"");
                sb_puts(sb, d->state == NB_DEC_CONFIRMED ? "confirmed" : "dismissed");
                sb_puts(sb, "\",\"reason\":");
                sb_json_cstr(sb, d->text ? d->text : "");
                sb_puts(sb, ",\"by\":");
                sb_json_cstr(sb, d->by);
                sb_puts(sb, ",\"at\":");
                sb_json_cstr(sb, d->at);
                sb_puts(sb, "}");
            }
        }
        nb_finding_message(r, f, lang, msg, sizeof msg);
        sb_puts(sb, ",\"message\":");
        sb_json_cstr(sb, msg);
        sb_put(sb, "}", 1);
    }
}

int nb_export_json(FILE *out, const nb_report *r, const nb_findings *fs, int min_sev, const nb_review *rv,
                   nb_lang lang)
{
    const nb_schema *s = r->schema;
    sbuf sb = {0};
    char b[96];
    sb_puts(&sb, "{\"file\":");
    sb_json_cstr(&sb, r->doc.path);
    snprintf(b, sizeof b, ",\"format\":%d,\"encoding\":", r->format);
    sb_puts(&sb, b);
    sb_json_cstr(&sb, nb_enc_name(r->doc.enc));
    sb_puts(&sb, ",\"agency\":");
    if (r->agency[0])
        sb_json_cstr(&sb, r->agency);
    else
        sb_puts(&sb, "null");
    sb_puts(&sb, ",\"year\":");
    if (r->year)
        sb_uint(&sb, (size_t)r->year);
    else
        sb_puts(&sb, "null");
    sb_puts(&sb, ",\"signed\":");
    if (r->signed_on.y)
        sb_date(&sb, r->signed_on);
    else
        sb_puts(&sb, "null");
    sb_puts(&sb, ",\"period\":");
    if (r->period_from.y) {
        sb_puts(&sb, "{\"from\":");
        sb_date(&sb, r->period_from);
        sb_puts(&sb, ",\"to\":");
        sb_date(&sb, r->period_to);
        sb_puts(&sb, "}");
    } else {
        sb_puts(&sb, "null");
    }
    sb_puts(&sb, ",\"cells\":{");
    int first = 1;
    char id[96], note[512];
    nb_locator lc;
    nb_locator_init(&lc, &r->doc);
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        if (c->status == NB_ST_MISSING)
            continue;
        nb_schema_cell_id(s, ci, id, sizeof id);
        if (!first)
            sb_put(&sb, ",", 1);
        first = 0;
        sb_json_cstr(&sb, id);
        sb_puts(&sb, ":{\"value\":");
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) {
            size_t k = nb_num_format(c->num, b, sizeof b);
            sb_put(&sb, b, k);
        } else {
            sb_puts(&sb, "null");
        }
        sb_puts(&sb, ",\"raw\":");
        sb_json_str(&sb, r->doc.text + c->off, c->len);
        sb_puts(&sb, ",\"status\":\"");
        sb_puts(&sb, nb_status_name(c->status));
        nb_loc l = nb_locate_next(&lc, c->off);
        sb_puts(&sb, "\",\"line\":");
        sb_uint(&sb, l.line);
        sb_puts(&sb, ",\"col\":");
        sb_uint(&sb, l.col);
        sb_puts(&sb, ",\"offset\":");
        sb_uint(&sb, l.orig);
        sb_puts(&sb, ",\"length\":");
        sb_uint(&sb, nb_doc_orig_len(&r->doc, c->off, c->len));
        if (c->corrected) {
            sb_puts(&sb, ",\"corrected\":true,\"was\":");
            if (c->orig_status == NB_ST_NUMBER || c->orig_status == NB_ST_INFERRED) {
                size_t k = nb_num_format(c->orig_num, b, sizeof b);
                sb_put(&sb, b, k);
            } else {
                sb_puts(&sb, "null");
            }
        }
        nb_cell_note(r, c, lang, note, sizeof note);
        if (note[0]) {
            sb_puts(&sb, ",\"note\":");
            sb_json_cstr(&sb, note);
        }
        sb_put(&sb, "}", 1);
    }
    sb_puts(&sb, "},\"missing\":[");
    first = 1;
    for (int ci = 0; ci < r->ncells; ci++) {
        if (r->cells[ci].status != NB_ST_MISSING)
            continue;
        nb_schema_cell_id(s, ci, id, sizeof id);
        if (!first)
            sb_put(&sb, ",", 1);
        first = 0;
        sb_json_cstr(&sb, id);
    }
    sb_puts(&sb, "],\"labels\":[");
    for (int i = 0; i < r->nlabels; i++) {
        const nb_label *lb = &r->labels[i];
        if (i)
            sb_put(&sb, ",", 1);
        sb_puts(&sb, "{\"id\":");
        sb_json_cstr(&sb, lb->id);
        sb_puts(&sb, ",\"found\":");
        sb_json_cstr(&sb, lb->found);
        sb_puts(&sb, ",\"standard\":");
        sb_json_cstr(&sb, lb->standard);
        sb_puts(&sb, ",\"line\":");
        sb_uint(&sb, nb_doc_locate(&r->doc, lb->off).line);
        sb_put(&sb, "}", 1);
    }
    sb_puts(&sb, "],\"findings\":[");
    sb_findings(&sb, r, fs, min_sev, rv, lang);
    sb_puts(&sb, "]}\n");
    int rc = sb.oom ? -1 : 0;
    if (!sb.oom)
        fwrite(sb.b, 1, sb.n, out);
    free(sb.b);
    return rc || ferror(out) ? -1 : 0;
}

void nb_csv_field(FILE *out, const char *s, size_t n)
{
    int quote = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            quote = 1;
    if (!quote) {
        fwrite(s, 1, n, out);
        return;
    }
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', out);
        fputc(s[i], out);
    }
    fputc('"', out);
}

int nb_export_csv_header(FILE *out)
{
    fputs("file,id,value,raw,status,line\r\n", out);
    return ferror(out) ? -1 : 0;
}

int nb_export_csv(FILE *out, const nb_report *r, nb_lang lang)
{
    (void)lang;
    char id[96], v[64];
    nb_locator lc;
    nb_locator_init(&lc, &r->doc);
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        nb_schema_cell_id(r->schema, ci, id, sizeof id);
        nb_csv_field(out, r->doc.path, strlen(r->doc.path));
        fputc(',', out);
        fputs(id, out);
        fputc(',', out);
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) {
            nb_num_format(c->num, v, sizeof v);
            fputs(v, out);
        }
        fputc(',', out);
        if (c->status != NB_ST_MISSING)
            nb_csv_field(out, r->doc.text + c->off, c->len);
        fprintf(out, ",%s,", nb_status_name(c->status));
        if (c->status != NB_ST_MISSING)
            fprintf(out, "%zu", nb_locate_next(&lc, c->off).line);
        fputs("\r\n", out);
    }
    return ferror(out) ? -1 : 0;
}

/* ---- the corrected text ---- */

#include <errno.h>

int nb_export_corrected(const nb_report *r, const char *out_path, int *unplaced, nb_err *err)
{
    *unplaced = 0;
    FILE *in = fopen(r->doc.path, "rb");
    if (!in)
        return nb_err_set(err, NB_E_IO, "%s: cannot read: %s", r->doc.path, strerror(errno));
    char *orig = malloc(r->doc.file_size + 1);
    size_t n = orig ? fread(orig, 1, r->doc.file_size + 1, in) : 0;
    fclose(in);
    if (!orig || n != r->doc.file_size) {
        free(orig);
        return nb_err_set(err, NB_E_IO, "%s: changed while being read", r->doc.path);
    }
    /* corrected cells with a place in the text, by where they stand */
    int *idx = malloc((size_t)r->ncells * sizeof *idx), m = 0;
    for (int ci = 0; idx && ci < r->ncells; ci++) {
        if (!r->cells[ci].corrected)
            continue;
        if (!r->cells[ci].has_span) {
            (*unplaced)++;
            continue;
        }
        int k = m++;
        while (k > 0 && r->cells[idx[k - 1]].off > r->cells[ci].off) {
            idx[k] = idx[k - 1];
            k--;
        }
        idx[k] = ci;
    }
    nb_atomic aw;
    if (!idx || nb_atomic_open(&aw, out_path, 0644, NB_LANG_EN, err) != 0) {
        free(idx);
        free(orig);
        return idx ? -1 : nb_err_set(err, NB_E_NOMEM, "%s: out of memory", out_path);
    }
    FILE *out = aw.f;
    int utf16 = r->doc.enc == NB_ENC_UTF16LE || r->doc.enc == NB_ENC_UTF16BE;
    size_t at = 0;
    for (int k = 0; k < m; k++) {
        const nb_cell *c = &r->cells[idx[k]];
        nb_loc l = nb_doc_locate(&r->doc, c->off);
        size_t olen = nb_doc_orig_len(&r->doc, c->off, c->len);
        if (l.orig < at)
            continue; /* two cells split from one run of digits: the first wins */
        fwrite(orig + at, 1, l.orig - at, out);
        char v[64];
        nb_num_format(c->num, v, sizeof v);
        for (const char *p = v; *p; p++) { /* digits, sign and point: ASCII in every encoding */
            if (utf16 && r->doc.enc == NB_ENC_UTF16BE)
                fputc(0, out);
            fputc(*p, out);
            if (utf16 && r->doc.enc == NB_ENC_UTF16LE)
                fputc(0, out);
        }
        at = l.orig + olen;
    }
    fwrite(orig + at, 1, n - at, out);
    free(idx);
    free(orig);
    return nb_atomic_commit(&aw, err);
}
