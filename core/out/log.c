/* log.c — the review log of a report: its findings with the decisions and
 * reasons in force, findings decided earlier that are gone now (resolved),
 * every correction old → new, every note, each with reviewer and time. One
 * content, three forms: Markdown for people, CSV for spreadsheets (one row
 * an item), JSON for scripts (one object a report a line). */
#include "out/log.h"
#include "out/writer.h"
#include "check/messages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    const char *rule = nb_rule_get(f->rule)->id;
    char fp[24], cells[1024], msg[2048];
    nb_finding_fingerprint(r, f, fp);
    const nb_rv_entry *d = rv ? nb_review_decision(rv, fp) : NULL;
    finding_cells(r, f, cells, sizeof cells);
    nb_finding_message(r, f, lang, msg, sizeof msg);
    item it = {kind, cells, rule, nb_severity_name(f->severity),
               nb_decision_name(d ? d->state : NB_DEC_OPEN), "", "", msg, d ? d->by : "", d ? d->at : "", fp};
    emit(ctx, &it);
    if (!strcmp(kind, "finding") && d && d->text && d->text[0]) {
        item why = {"reason", cells, rule, "", nb_decision_name(d->state), "", "", d->text, d->by, d->at, fp};
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
        item it = {"resolved", "", e->rule, "", nb_decision_name(e->state), "", "", "", e->by, e->at, e->finding};
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
    nb_writer *w;
    const char *file;
} csv_ctx;

static void csv_emit(void *p, const item *it)
{
    csv_ctx *c = p;
    const char *f[] = {c->file, it->kind, it->id, it->rule, it->severity, it->state,
                       it->old, it->new_, it->text, it->by, it->at, it->fp};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        if (i)
            nb_put(c->w, ",", 1);
        nb_put_csv(c->w, f[i], strlen(f[i]));
    }
    nb_puts(c->w, "\r\n");
}

/* ---- Markdown: a heading per report, a table per kind ---- */

typedef struct md_ctx {
    nb_writer *w;
    const char *kind; /* the table open now */
    nb_lang lang;
} md_ctx;

/* One row of a table: its cells. */
static void md_row(nb_writer *w, const char *const *cells, size_t n)
{
    nb_puts(w, "|");
    for (size_t i = 0; i < n; i++)
        nb_put_md_cell(w, cells[i]);
    nb_puts(w, "\n");
}

/* The heading and the head of the table of a kind. */
static void md_table(nb_writer *w, const char *table, int zh)
{
    if (!strcmp(table, "finding"))
        nb_puts(w, zh ? "\n## 发现的问题\n\n| 规则 | 级别 | 单元格 | 决定 | 说明 | 审阅人 | 时间 |\n|---|---|---|---|---|---|---|\n"
                      : "\n## Findings\n\n| Rule | Severity | Cells | Decision | Message | By | At |\n|---|---|---|---|---|---|---|\n");
    else if (!strcmp(table, "resolved"))
        nb_puts(w, zh ? "\n## 已消除的问题（更正后不再出现）\n\n| 规则 | 单元格 | 决定 | 说明 | 审阅人 | 时间 |\n|---|---|---|---|---|---|\n"
                      : "\n## Resolved (gone after the corrections)\n\n| Rule | Cells | Decision | Message | By | At |\n|---|---|---|---|---|---|\n");
    else if (!strcmp(table, "correction"))
        nb_puts(w, zh ? "\n## 更正\n\n| 单元格 | 原值 | 新值 | 审阅人 | 时间 |\n|---|---|---|---|---|\n"
                      : "\n## Corrections\n\n| Cell | Old | New | By | At |\n|---|---|---|---|---|\n");
    else
        nb_puts(w, zh ? "\n## 批注\n\n| 对象 | 批注 | 审阅人 | 时间 |\n|---|---|---|---|\n"
                      : "\n## Notes\n\n| On | Note | By | At |\n|---|---|---|---|\n");
}

static void md_emit(void *p, const item *it)
{
    md_ctx *c = p;
    int zh = c->lang == NB_LANG_ZH;
    int finding = !strcmp(it->kind, "finding") || !strcmp(it->kind, "reason");
    const char *table = finding ? "finding" : it->kind;
    if (!c->kind || strcmp(c->kind, table)) {
        c->kind = table;
        md_table(c->w, table, zh);
    }
    if (!strcmp(it->kind, "finding")) {
        const char *f[] = {it->rule, it->severity, it->id, it->state, it->text, it->by, it->at};
        md_row(c->w, f, 7);
    } else if (!strcmp(it->kind, "reason")) { /* the reason whole, however long */
        const char *label = zh ? "理由：" : "reason: ";
        size_t ll = strlen(label), tl = strlen(it->text);
        char *why = malloc(ll + tl + 1);
        if (!why) {
            c->w->failed = 1;
            return;
        }
        memcpy(why, label, ll);
        memcpy(why + ll, it->text, tl + 1);
        const char *f[] = {"", "", "", "", why, "", ""};
        md_row(c->w, f, 7);
        free(why);
    } else if (!strcmp(it->kind, "resolved")) {
        const char *f[] = {it->rule, it->id, it->state, it->text, it->by, it->at};
        md_row(c->w, f, 6);
    } else if (!strcmp(it->kind, "correction")) {
        const char *f[] = {it->id, it->old[0] ? it->old : "—", it->new_, it->by, it->at};
        md_row(c->w, f, 5);
    } else {
        const char *on = it->id[0] ? it->id : it->rule[0] ? it->rule : it->fp;
        const char *f[] = {on, it->text, it->by, it->at};
        md_row(c->w, f, 4);
    }
}

/* ---- JSON: {"file","sha256","findings":[…],"resolved":[…],"corrections":[…],"notes":[…]} ---- */

static const char *const json_arrays[] = {"findings", "resolved", "corrections", "notes"};

typedef struct json_ctx {
    nb_writer *w;
    int arr;        /* the array open now, index in json_arrays; -1 none yet */
    int first;
    int in_finding; /* a finding object left open for its reason */
} json_ctx;

static void jkey(nb_writer *w, const char *k, const char *v)
{
    nb_putf(w, ",\"%s\":", k);
    nb_put_json_cstr(w, v);
}

/* Open array `to`, closing the one open and writing the ones between empty:
 * every object has all four arrays, in order. */
static void json_open(json_ctx *c, int to)
{
    if (c->in_finding) {
        nb_puts(c->w, "}");
        c->in_finding = 0;
    }
    if (c->arr == to)
        return;
    if (c->arr >= 0)
        nb_puts(c->w, "]");
    for (int i = c->arr + 1; i < to; i++)
        nb_putf(c->w, ",\"%s\":[]", json_arrays[i]);
    if (to < 4)
        nb_putf(c->w, ",\"%s\":[", json_arrays[to]);
    c->arr = to;
    c->first = 1;
}

/* "cells": the IDs of a space-separated list. */
static void json_cells(nb_writer *w, const char *s)
{
    nb_puts(w, ",\"cells\":[");
    for (int k = 0; *s; k++) {
        const char *e = strchr(s, ' ');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (k)
            nb_puts(w, ",");
        nb_put_json(w, s, n);
        s += n + (e ? 1 : 0);
    }
    nb_puts(w, "]");
}

static void json_emit(void *p, const item *it)
{
    json_ctx *c = p;
    nb_writer *w = c->w;
    if (!strcmp(it->kind, "reason")) { /* belongs to the finding just written */
        jkey(w, "reason", it->text);
        return;
    }
    int to = !strcmp(it->kind, "finding") ? 0 : !strcmp(it->kind, "resolved") ? 1 : !strcmp(it->kind, "correction") ? 2 : 3;
    json_open(c, to);
    if (!c->first)
        nb_puts(w, ",");
    c->first = 0;
    nb_puts(w, "{\"fingerprint\":");
    nb_put_json_cstr(w, it->fp);
    if (to <= 1) {
        jkey(w, "rule", it->rule);
        jkey(w, "severity", it->severity);
        json_cells(w, it->id);
        jkey(w, "message", it->text);
        jkey(w, "decision", it->state);
    } else if (to == 2) {
        jkey(w, "cell", it->id);
        jkey(w, "old", it->old);
        jkey(w, "new", it->new_);
    } else {
        jkey(w, "cell", it->id);
        jkey(w, "rule", it->rule);
        jkey(w, "text", it->text);
    }
    jkey(w, "by", it->by);
    jkey(w, "at", it->at);
    if (to == 0)
        c->in_finding = 1; /* a reason may follow */
    else
        nb_puts(w, "}");
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

static void log_md(nb_writer *w, const nb_report *r, const nb_findings *fs, const nb_findings *before,
                   const nb_review *rv, nb_lang lang)
{
    md_ctx c = {w, NULL, lang};
    int zh = lang == NB_LANG_ZH;
    nb_puts(w, zh ? "# 审阅记录：" : "# Review log: ");
    nb_put_text_cstr(w, r->doc.path);
    nb_puts(w, "\n");
    if (rv && rv->sha256[0])
        nb_putf(w, "\n%s `%s`\n", zh ? "审阅时报告的 SHA-256：" : "SHA-256 of the report as reviewed:", rv->sha256);
    walk(r, fs, before, rv, lang, md_emit, &c);
    if (!c.kind)
        nb_puts(w, zh ? "\n没有发现问题，也没有审阅记录。\n" : "\nNo findings and no review entries.\n");
}

static void log_json(nb_writer *w, const nb_report *r, const nb_findings *fs, const nb_findings *before,
                     const nb_review *rv, nb_lang lang)
{
    json_ctx c = {w, -1, 1, 0};
    nb_puts(w, "{\"file\":");
    nb_put_json_cstr(w, r->doc.path);
    jkey(w, "sha256", rv ? rv->sha256 : "");
    walk(r, fs, before, rv, lang, json_emit, &c);
    json_open(&c, 4);
    nb_puts(w, "}\n");
}

int nb_export_log(FILE *out, int term, int format, const nb_report *r, const nb_findings *fs,
                  const nb_findings *before, const nb_review *rv, nb_lang lang)
{
    nb_writer w = nb_writer_as(out, term);
    if (format == NB_LOG_CSV) {
        csv_ctx c = {&w, r->doc.path};
        walk(r, fs, before, rv, lang, csv_emit, &c);
    } else if (format == NB_LOG_MD) {
        log_md(&w, r, fs, before, rv, lang);
    } else {
        log_json(&w, r, fs, before, rv, lang);
    }
    return nb_writer_end(&w, out);
}
