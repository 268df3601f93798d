/* export.c — JSON and CSV writers for extracted cells. */
#include "export.h"

#include <string.h>

void nb_json_str(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20 || c == 0x7F)
                fprintf(out, "\\u%04x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

static void json_cstr(FILE *out, const char *s)
{
    nb_json_str(out, s, strlen(s));
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

static void json_value(FILE *out, const nb_cell *c)
{
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) {
        char b[64];
        nb_num_format(c->num, b, sizeof b);
        fputs(b, out);
    } else {
        fputs("null", out);
    }
}

int nb_export_json(FILE *out, const nb_report *r, nb_lang lang)
{
    const nb_schema *s = r->schema;
    fputs("{\"file\":", out);
    json_cstr(out, r->doc.path);
    fprintf(out, ",\"format\":%d,\"encoding\":", r->format);
    json_cstr(out, nb_enc_name(r->doc.enc));
    fputs(",\"agency\":", out);
    if (r->agency[0])
        json_cstr(out, r->agency);
    else
        fputs("null", out);
    if (r->year)
        fprintf(out, ",\"year\":%d", r->year);
    else
        fputs(",\"year\":null", out);
    if (r->signed_on.y)
        fprintf(out, ",\"signed\":\"%04d-%02d-%02d\"", r->signed_on.y, r->signed_on.m, r->signed_on.d);
    else
        fputs(",\"signed\":null", out);
    if (r->period_from.y)
        fprintf(out, ",\"period\":{\"from\":\"%04d-%02d-%02d\",\"to\":\"%04d-%02d-%02d\"}", r->period_from.y,
                r->period_from.m, r->period_from.d, r->period_to.y, r->period_to.m, r->period_to.d);
    else
        fputs(",\"period\":null", out);
    fputs(",\"cells\":{", out);
    int first = 1;
    char id[96], note[512];
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        if (c->status == NB_ST_MISSING)
            continue;
        nb_schema_cell_id(s, ci, id, sizeof id);
        if (!first)
            fputc(',', out);
        first = 0;
        json_cstr(out, id);
        fputs(":{\"value\":", out);
        json_value(out, c);
        fputs(",\"raw\":", out);
        nb_json_str(out, r->doc.text + c->off, c->len);
        fprintf(out, ",\"status\":\"%s\"", nb_status_name(c->status));
        nb_loc l = nb_doc_locate(&r->doc, c->off);
        fprintf(out, ",\"line\":%zu,\"col\":%zu,\"offset\":%zu,\"length\":%zu", l.line, l.col, l.orig,
                nb_doc_orig_len(&r->doc, c->off, c->len));
        nb_cell_note(r, c, lang, note, sizeof note);
        if (note[0]) {
            fputs(",\"note\":", out);
            json_cstr(out, note);
        }
        fputc('}', out);
    }
    fputs("},\"missing\":[", out);
    first = 1;
    for (int ci = 0; ci < r->ncells; ci++) {
        if (r->cells[ci].status != NB_ST_MISSING)
            continue;
        nb_schema_cell_id(s, ci, id, sizeof id);
        if (!first)
            fputc(',', out);
        first = 0;
        json_cstr(out, id);
    }
    fputs("],\"labels\":[", out);
    for (int i = 0; i < r->nlabels; i++) {
        const nb_label *lb = &r->labels[i];
        if (i)
            fputc(',', out);
        fputs("{\"id\":", out);
        json_cstr(out, lb->id);
        fputs(",\"found\":", out);
        json_cstr(out, lb->found);
        fputs(",\"standard\":", out);
        json_cstr(out, lb->standard);
        fprintf(out, ",\"line\":%zu}", nb_doc_locate(&r->doc, lb->off).line);
    }
    fputs("],\"findings\":[]}\n", out);
    return ferror(out) ? -1 : 0;
}

static void csv_field(FILE *out, const char *s, size_t n)
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
    for (int ci = 0; ci < r->ncells; ci++) {
        const nb_cell *c = &r->cells[ci];
        nb_schema_cell_id(r->schema, ci, id, sizeof id);
        csv_field(out, r->doc.path, strlen(r->doc.path));
        fputc(',', out);
        fputs(id, out);
        fputc(',', out);
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED) {
            nb_num_format(c->num, v, sizeof v);
            fputs(v, out);
        }
        fputc(',', out);
        if (c->status != NB_ST_MISSING)
            csv_field(out, r->doc.text + c->off, c->len);
        fprintf(out, ",%s,", nb_status_name(c->status));
        if (c->status != NB_ST_MISSING)
            fprintf(out, "%zu", nb_doc_locate(&r->doc, c->off).line);
        fputs("\r\n", out);
    }
    return ferror(out) ? -1 : 0;
}
