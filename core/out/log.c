/* log.c — the review log of a report: its findings with the decisions and
 * reasons in force, findings decided earlier that are gone now (resolved),
 * every correction old → new, every note, each with reviewer and time. One
 * content, three forms: Markdown for people, CSV for spreadsheets (one row
 * an item), JSON for scripts (one object a report a line). */
#include <string.h>
#include "out/log.h"
#include "out/export.h"
#include "check/findings.h"
#include "check/messages.h"

static const char *state_name(nb_decision d)
{
    return d == NB_DEC_CONFIRMED ? "confirmed" : d == NB_DEC_DISMISSED ? "dismissed" : "open";
}

/* The current finding whose fingerprint is fp, or NULL. */
static const nb_finding *finding_by_fp(const nb_report *r, const nb_findings *fs, const char *fp)
{
    char f2[24];
    for (size_t i = 0; i < fs->n; i++) {
        nb_finding_fingerprint(r, &fs->v[i], f2);
        if (!strcmp(f2, fp))
            return &fs->v[i];
    }
    return NULL;
}

/* Whether entry k is the last decision for its fingerprint (the one in force). */
static int decision_in_force(const nb_review *rv, size_t k)
{
    for (size_t j = k + 1; j < rv->n; j++)
        if (rv->v[j].kind == NB_RV_DECIDE && !strcmp(rv->v[j].finding, rv->v[k].finding))
            return 0;
    return 1;
}

static void finding_cells(const nb_report *r, const nb_finding *f, char *out, size_t cap)
{
    char id[96];
    size_t n = 0;
    out[0] = '\0';
    for (int k = 0; k < f->ncells && n + 1 < cap; k++) {
        nb_schema_cell_id(r->schema, f->cells[k], id, sizeof id);
        int w = snprintf(out + n, cap - n, "%s%s", k ? " " : "", id);
        if (w < 0 || (size_t)w >= cap - n)
            break;
        n += (size_t)w;
    }
}

/* One item of the log, whatever its kind; absent fields are "". */
typedef struct item {
    const char *kind, *id, *rule, *severity, *state, *old, *new_, *text, *by, *at, *fp;
} item;

/* Call emit for every item in log order: findings, resolved, corrections, notes. */
typedef void (*emit_fn)(void *ctx, const item *it);

/* A finding (kind "finding" or "resolved") with the decision in force on it;
 * for a current finding with a reason, the reason follows as its own item. */
static void emit_finding(const nb_report *r, const nb_finding *f, const char *kind, const nb_review *rv,
                         nb_lang lang, emit_fn emit, void *ctx)
{
    int nrules;
    const nb_rule *rules = nb_rules(&nrules);
    char fp[24], cells[1024], msg[2048];
    nb_finding_fingerprint(r, f, fp);
    const nb_rv_entry *d = rv ? nb_review_decision(rv, fp) : NULL;
    finding_cells(r, f, cells, sizeof cells);
    nb_finding_message(r, f, lang, msg, sizeof msg);
    item it = {kind, cells, rules[f->rule].id, nb_severity_name(f->severity),
               state_name(d ? d->state : NB_DEC_OPEN), "", "", msg, d ? d->by : "", d ? d->at : "", fp};
    emit(ctx, &it);
    if (!strcmp(kind, "finding") && d && d->text && d->text[0]) {
        item why = {"reason", cells, rules[f->rule].id, "", state_name(d->state), "", "", d->text, d->by, d->at, fp};
        emit(ctx, &why);
    }
}

static void walk(const nb_report *r, const nb_findings *fs, const nb_findings *before, const nb_review *rv,
                 nb_lang lang, emit_fn emit, void *ctx)
{
    char fp[24];
    for (size_t i = 0; i < fs->n; i++)
        emit_finding(r, &fs->v[i], "finding", rv, lang, emit, ctx);
    /* resolved: found in the report as it stands, gone once corrected */
    for (size_t i = 0; before && i < before->n; i++) {
        nb_finding_fingerprint(r, &before->v[i], fp);
        if (!finding_by_fp(r, fs, fp))
            emit_finding(r, &before->v[i], "resolved", rv, lang, emit, ctx);
    }
    /* decisions on findings found in neither (a rule since changed, another year's report) */
    for (size_t k = 0; rv && k < rv->n; k++) {
        const nb_rv_entry *e = &rv->v[k];
        if (e->kind != NB_RV_DECIDE || !decision_in_force(rv, k) || finding_by_fp(r, fs, e->finding) ||
            (before && finding_by_fp(r, before, e->finding)))
            continue;
        item it = {"resolved", "", e->rule, "", state_name(e->state), "", "", "", e->by, e->at, e->finding};
        emit(ctx, &it);
    }
    for (size_t k = 0; rv && k < rv->n; k++) {
        const nb_rv_entry *e = &rv->v[k];
        if (e->kind != NB_RV_CORRECT)
            continue;
        item it = {"correction", e->cell, "", "", "", e->was ? e->was : "", e->value ? e->value : "", "", e->by,
                   e->at, ""};
        emit(ctx, &it);
    }
    for (size_t k = 0; rv && k < rv->n; k++) {
        const nb_rv_entry *e = &rv->v[k];
        if (e->kind != NB_RV_NOTE)
            continue;
        item it = {"note", e->cell, e->rule, "", "", "", "", e->text ? e->text : "", e->by, e->at, e->finding};
        emit(ctx, &it);
    }
}

/* ---- CSV: file,kind,id,rule,severity,state,old,new,text,by,at,fingerprint ---- */

typedef struct csv_ctx {
    FILE *out;
    const char *file;
} csv_ctx;

static void csv_emit(void *p, const item *it)
{
    csv_ctx *c = p;
    const char *f[] = {c->file, it->kind, it->id, it->rule, it->severity, it->state,
                       it->old, it->new_, it->text, it->by, it->at, it->fp};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        if (i)
            fputc(',', c->out);
        nb_csv_field(c->out, f[i], strlen(f[i]));
    }
    fputs("\r\n", c->out);
}

/* ---- Markdown: a heading per report, a table per kind ---- */

typedef struct md_ctx {
    FILE *out;
    const char *kind; /* the table open now */
    nb_lang lang;
} md_ctx;

/* A table cell: | escaped, line ends as <br>. */
static void md_cell(FILE *out, const char *s)
{
    fputs(" ", out);
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else if (*s == '\n')
            fputs("<br>", out);
        else if (*s != '\r')
            fputc(*s, out);
    }
    fputs(" |", out);
}

static void md_emit(void *p, const item *it)
{
    md_ctx *c = p;
    int zh = c->lang == NB_LANG_ZH;
    int finding = !strcmp(it->kind, "finding") || !strcmp(it->kind, "reason");
    const char *table = finding ? "finding" : it->kind;
    if (!c->kind || strcmp(c->kind, table)) {
        c->kind = table;
        if (!strcmp(table, "finding"))
            fputs(zh ? "\n## 发现的问题\n\n| 规则 | 级别 | 单元格 | 决定 | 说明 | 审阅人 | 时间 |\n|---|---|---|---|---|---|---|\n"
                     : "\n## Findings\n\n| Rule | Severity | Cells | Decision | Message | By | At |\n|---|---|---|---|---|---|---|\n",
                  c->out);
        else if (!strcmp(table, "resolved"))
            fputs(zh ? "\n## 已消除的问题（更正后不再出现）\n\n| 规则 | 单元格 | 决定 | 说明 | 审阅人 | 时间 |\n|---|---|---|---|---|---|\n"
                     : "\n## Resolved (gone after the corrections)\n\n| Rule | Cells | Decision | Message | By | At |\n|---|---|---|---|---|---|\n",
                  c->out);
        else if (!strcmp(table, "correction"))
            fputs(zh ? "\n## 更正\n\n| 单元格 | 原值 | 新值 | 审阅人 | 时间 |\n|---|---|---|---|---|\n"
                     : "\n## Corrections\n\n| Cell | Old | New | By | At |\n|---|---|---|---|---|\n",
                  c->out);
        else
            fputs(zh ? "\n## 批注\n\n| 对象 | 批注 | 审阅人 | 时间 |\n|---|---|---|---|\n"
                     : "\n## Notes\n\n| On | Note | By | At |\n|---|---|---|---|\n",
                  c->out);
    }
    fputs("|", c->out);
    if (!strcmp(it->kind, "finding")) {
        const char *f[] = {it->rule, it->severity, it->id, it->state, it->text, it->by, it->at};
        for (size_t i = 0; i < 7; i++)
            md_cell(c->out, f[i]);
    } else if (!strcmp(it->kind, "reason")) {
        const char *f[] = {"", "", "", "", it->text, "", ""};
        char why[2048];
        snprintf(why, sizeof why, "%s%s", zh ? "理由：" : "reason: ", it->text);
        f[4] = why;
        for (size_t i = 0; i < 7; i++)
            md_cell(c->out, f[i]);
    } else if (!strcmp(it->kind, "resolved")) {
        const char *f[] = {it->rule, it->id, it->state, it->text, it->by, it->at};
        for (size_t i = 0; i < 6; i++)
            md_cell(c->out, f[i]);
    } else if (!strcmp(it->kind, "correction")) {
        const char *f[] = {it->id, it->old[0] ? it->old : "—", it->new_, it->by, it->at};
        for (size_t i = 0; i < 5; i++)
            md_cell(c->out, f[i]);
    } else {
        char on[128];
        snprintf(on, sizeof on, "%s", it->id[0] ? it->id : it->rule[0] ? it->rule : it->fp);
        const char *f[] = {on, it->text, it->by, it->at};
        for (size_t i = 0; i < 4; i++)
            md_cell(c->out, f[i]);
    }
    fputc('\n', c->out);
}

/* ---- JSON: {"file","sha256","findings":[…],"resolved":[…],"corrections":[…],"notes":[…]} ---- */

static const char *const json_arrays[] = {"findings", "resolved", "corrections", "notes"};

typedef struct json_ctx {
    FILE *out;
    int arr;        /* the array open now, index in json_arrays; -1 none yet */
    int first;
    int in_finding; /* a finding object left open for its reason */
} json_ctx;

static void jkey(FILE *out, const char *k, const char *v)
{
    fprintf(out, ",\"%s\":", k);
    nb_json_str(out, v, strlen(v));
}

/* Open array `to`, closing the one open and writing the ones between empty:
 * every object has all four arrays, in order. */
static void json_open(json_ctx *c, int to)
{
    if (c->in_finding) {
        fputc('}', c->out);
        c->in_finding = 0;
    }
    if (c->arr == to)
        return;
    if (c->arr >= 0)
        fputc(']', c->out);
    for (int i = c->arr + 1; i < to; i++)
        fprintf(c->out, ",\"%s\":[]", json_arrays[i]);
    if (to < 4)
        fprintf(c->out, ",\"%s\":[", json_arrays[to]);
    c->arr = to;
    c->first = 1;
}

static void json_emit(void *p, const item *it)
{
    json_ctx *c = p;
    if (!strcmp(it->kind, "reason")) { /* belongs to the finding just written */
        jkey(c->out, "reason", it->text);
        return;
    }
    int to = !strcmp(it->kind, "finding") ? 0 : !strcmp(it->kind, "resolved") ? 1 : !strcmp(it->kind, "correction") ? 2 : 3;
    json_open(c, to);
    if (!c->first)
        fputc(',', c->out);
    c->first = 0;
    fputs("{\"fingerprint\":", c->out);
    nb_json_str(c->out, it->fp, strlen(it->fp));
    if (to <= 1) {
        jkey(c->out, "rule", it->rule);
        jkey(c->out, "severity", it->severity);
        fputs(",\"cells\":[", c->out);
        const char *s = it->id;
        for (int k = 0; *s; k++) {
            const char *e = strchr(s, ' ');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            if (k)
                fputc(',', c->out);
            nb_json_str(c->out, s, n);
            s += n + (e ? 1 : 0);
        }
        fputc(']', c->out);
        jkey(c->out, "message", it->text);
        jkey(c->out, "decision", it->state);
    } else if (to == 2) {
        jkey(c->out, "cell", it->id);
        jkey(c->out, "old", it->old);
        jkey(c->out, "new", it->new_);
    } else {
        jkey(c->out, "cell", it->id);
        jkey(c->out, "rule", it->rule);
        jkey(c->out, "text", it->text);
    }
    jkey(c->out, "by", it->by);
    jkey(c->out, "at", it->at);
    if (to == 0)
        c->in_finding = 1; /* a reason may follow */
    else
        fputc('}', c->out);
}

int nb_log_format_parse(const char *s)
{
    if (!strcmp(s, "md") || !strcmp(s, "markdown"))
        return NB_LOG_MD;
    if (!strcmp(s, "csv"))
        return NB_LOG_CSV;
    if (!strcmp(s, "json"))
        return NB_LOG_JSON;
    return -1;
}

void nb_log_csv_header(FILE *out)
{
    fputs("file,kind,id,rule,severity,state,old,new,text,by,at,fingerprint\r\n", out);
}

int nb_export_log(FILE *out, int format, const nb_report *r, const nb_findings *fs, const nb_findings *before,
                  const nb_review *rv, nb_lang lang)
{
    const char *file = r->doc.path;
    if (format == NB_LOG_CSV) {
        csv_ctx c = {out, file};
        walk(r, fs, before, rv, lang, csv_emit, &c);
    } else if (format == NB_LOG_MD) {
        md_ctx c = {out, NULL, lang};
        fprintf(out, lang == NB_LANG_ZH ? "# 审阅记录：%s\n" : "# Review log: %s\n", file);
        if (rv && rv->sha256[0])
            fprintf(out, "\n%s `%s`\n", lang == NB_LANG_ZH ? "审阅时报告的 SHA-256：" : "SHA-256 of the report as reviewed:",
                    rv->sha256);
        walk(r, fs, before, rv, lang, md_emit, &c);
        if (!c.kind)
            fputs(lang == NB_LANG_ZH ? "\n没有发现问题，也没有审阅记录。\n" : "\nNo findings and no review entries.\n", out);
    } else {
        json_ctx c = {out, -1, 1, 0};
        fputs("{\"file\":", out);
        nb_json_str(out, file, strlen(file));
        jkey(out, "sha256", rv ? rv->sha256 : "");
        walk(r, fs, before, rv, lang, json_emit, &c);
        json_open(&c, 4);
        fputs("}\n", out);
    }
    return ferror(out) ? -1 : 0;
}
