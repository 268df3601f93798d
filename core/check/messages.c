/* messages.c — the text of every finding in English and Chinese, composed
 * from the finding's typed values (numbers, cells, a row, a column key, a
 * section, dates, a year, a span of the report's text, another file) and
 * the format's words (model/schema.h): the arithmetic, cell, structure,
 * narrative and cross-year rules here, the reviewer's rulebook in
 * messages_book.c. */
#include "check/messages.h"
#include "base/utf8.h"
#include "check/internal.h"
#include "check/msg.h"
#include "model/cellvalue.h"
#include "model/schema.h"

#include <stdio.h>
#include <string.h>

/* At most len bytes of s into out (cap bytes), cut at a character boundary. */
static void quote_text(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = nb_utf8_cut(s, len, cap - 1);
    memcpy(out, s, n);
    out[n] = '\0';
}

/* A stretch of the report's text as a string, cut to fit at a character boundary. */
static void span_text(const nb_report *r, nb_span s, char *out, size_t cap)
{
    quote_text(r->doc.text + s.off, s.len, out, cap);
}

/* The room for where(): every row label of the format fits, whole. */
#define WHERE_MAX 256

/* Where an equation or a cross-year rule holds: "column natural" / "自然人列"
 * for a column, "row t3.new" / the row's label for a row. */
static void where(const msg *m, char out[WHERE_MAX])
{
    const nb_finding *f = m->f;
    const nb_row *rw = f->row >= 0 ? &m->r->schema->rows[f->row] : NULL;
    if (f->col && m->zh)
        snprintf(out, WHERE_MAX, "%s列", nb_col_name(f->col, NB_LANG_ZH));
    else if (f->col)
        snprintf(out, WHERE_MAX, "column %s", f->col);
    else if (rw && m->zh)
        snprintf(out, WHERE_MAX, "%s", rw->label);
    else if (rw)
        snprintf(out, WHERE_MAX, "row %s", rw->id);
    else
        out[0] = '\0';
}

/* One side of an equation: its terms' names joined ("new + carried in",
 * "一+二"); row terms for column sums, column keys for row sums. */
static void side(const msg *m, const nb_equation *e, const char *const *terms, char out[96])
{
    nb_lang L = m->zh ? NB_LANG_ZH : NB_LANG_EN;
    const char *parts[16];
    int n = 0;
    for (int t = 0; t < 8 && terms[t]; t++) {
        if (t)
            parts[n++] = m->zh ? "+" : " + ";
        parts[n++] = e->over == NB_OVER_T3_COLS ? nb_row_short_name(terms[t], L) : nb_col_name(terms[t], L);
    }
    msg joined = {.out = out, .cap = 96}; /* cut to fit as one snprintf a term would cut it */
    nb_msg_cat(&joined, parts, n);
}

static void sum_message(const msg *m)
{
    const nb_equation *e = nb_equation_of(m->f->rule);
    char w[WHERE_MAX], l[96], r[96];
    where(m, w);
    side(m, e, e->lhs, l);
    side(m, e, e->rhs, r);
    snprintf(m->out, m->cap,
             m->zh ? "%s：%s = %s，%s = %s，相差 %s；最可能有误的是 %s"
                   : "%s: %s = %s, %s = %s, differs by %s; most likely wrong: %s",
             w, l, m->a, r, m->b, m->diff, m->sus);
}

/* (the commonest finding: its words put together, not printed) */
static void blank_message(const msg *m)
{
    if (m->f->text.len) {
        char raw[96];
        span_text(m->r, m->f->text, raw, sizeof raw);
        const char *parts[] = {m->sus, m->zh ? " 填的是“" : " holds \"", raw,
                               m->zh ? "”，格式要求填写数字（无则填 0）" : "\" where the format asks for a number (0 for none)"};
        nb_msg_cat(m, parts, 4);
    } else {
        const char *parts[] = {m->sus, m->zh ? " 为空，格式要求填写数字（无则填 0）"
                                             : " is blank; the format asks for a number (0 for none)"};
        nb_msg_cat(m, parts, 2);
    }
}

/* What the cell holds now tells which of the messages it is. */
static void not_number_message(const msg *m)
{
    const nb_finding *f = m->f;
    const nb_cell *c = f->suspect >= 0 ? &m->r->cells[f->suspect] : NULL;
    int zh = m->zh;
    char raw[96];
    span_text(m->r, f->text, raw, sizeof raw);
    if (c && c->status == NB_ST_TEXT && c->readings > 1)
        snprintf(m->out, m->cap,
                 zh ? "%s：连写数字“%s”有 %d 种拆分方式，表内无法确定，未读取"
                    : "%s: run-together digits \"%s\" split %d ways and the table cannot tell which; not read",
                 m->sus, raw, c->readings);
    else if (c && c->status == NB_ST_TEXT && c->blob_len)
        snprintf(m->out, m->cap,
                 zh ? "%s：连写数字“%s”无法拆分出符合表格的读数，未读取"
                    : "%s: run-together digits \"%s\" split no way that fits the table; not read",
                 m->sus, raw);
    else if (c && c->status != NB_ST_TEXT && c->num.v < 0)
        snprintf(m->out, m->cap, zh ? "%s 为负数“%s”，应为非负数" : "%s is negative (\"%s\"); counts are never negative",
                 m->sus, raw);
    else if (c && c->status != NB_ST_TEXT)
        snprintf(m->out, m->cap, zh ? "%s 为“%s”，件数应为整数" : "%s is \"%s\"; a count is a whole number", m->sus, raw);
    else if (c && nb_value_fits(m->r->doc.text + c->off, c->len) == NB_VALUE_TOO_LONG)
        snprintf(m->out, m->cap, zh ? "%s 填的是“%s”：整数部分超过 %d 位，不作为数字读取"
                                    : "%s holds \"%s\": more than %d digits before the point, not read as a number",
                 m->sus, raw, NB_NUM_MAX_INT);
    else if (c && nb_value_fits(m->r->doc.text + c->off, c->len) == NB_VALUE_TOO_PRECISE)
        snprintf(m->out, m->cap, zh ? "%s 填的是“%s”：小数超过 %d 位，不作为数字读取"
                                    : "%s holds \"%s\": more than %d decimals, not read as a number",
                 m->sus, raw, NB_NUM_MAX_SCALE);
    else
        snprintf(m->out, m->cap, zh ? "%s 填的是“%s”，不是数字" : "%s holds \"%s\", not a number", m->sus, raw);
}

/* The label found and the standard wording, as much of them as the 255
 * bytes they always shared, each cut at a character boundary. */
static void label_message(const msg *m)
{
    const nb_label *lb = &m->r->labels[m->f->label];
    size_t fl = nb_utf8_cut(lb->found, strlen(lb->found), 255);
    size_t room = fl < 254 ? 254 - fl : 0;
    size_t sl = nb_utf8_cut(lb->standard, strlen(lb->standard), room);
    snprintf(m->out, m->cap, m->zh ? "标签为“%.*s”，标准表述为“%.*s”" : "label \"%.*s\": the standard wording is \"%.*s\"",
             (int)fl, lb->found, (int)sl, lb->standard);
}

static void missing_message(const msg *m)
{
    const nb_finding *f = m->f;
    int zh = m->zh;
    if (f->part == NB_PART_SECTION) {
        snprintf(m->out, m->cap, zh ? "缺少“%s”部分" : "the section %s is missing",
                 nb_section_title(f->section, NB_LANG_ZH));
    } else if (f->part == NB_PART_TABLE && m->r->doc.nimages > 0) {
        int page = m->r->doc.kind == NB_KIND_HTML;
        snprintf(m->out, m->cap,
                 zh ? "缺少表格 %s；%s中有 %d 张图片，表格可能以图片形式发布，无法读取"
                    : "table %s is missing; the %s shows %d image(s), which may hold it (a table published as an "
                      "image cannot be read)",
                 nb_table_name(f->table, NB_LANG_EN), zh ? (page ? "网页" : "文档") : (page ? "page" : "document"),
                 m->r->doc.nimages);
    } else if (f->part == NB_PART_TABLE) {
        snprintf(m->out, m->cap, zh ? "缺少表格 %s" : "table %s is missing", nb_table_name(f->table, NB_LANG_EN));
    } else {
        const nb_row *rw = &m->r->schema->rows[f->row];
        const char *first = zh ? rw->label : rw->id, *second = zh ? rw->id : rw->label;
        if (f->part == NB_PART_ROW)
            snprintf(m->out, m->cap, zh ? "缺少“%s”行（%s）" : "row %s (%s) is missing", first, second);
        else
            snprintf(m->out, m->cap, zh ? "“%s”行（%s）缺少 %d 个单元格" : "row %s (%s) lacks %d of its cells", first,
                     second, f->ncells);
    }
}

static void order_message(const msg *m)
{
    snprintf(m->out, m->cap, m->zh ? "“%s”排在“%s”之前" : "section %s comes before %s",
             nb_section_title(m->f->section, NB_LANG_ZH), nb_section_title(m->f->section2, NB_LANG_ZH));
}

static void dates_message(const msg *m)
{
    const nb_finding *f = m->f;
    char d0[16], d1[16];
    nb_date_iso(f->date[0], d0);
    nb_date_iso(f->date[1], d1);
    snprintf(m->out, m->cap,
             m->zh ? "报告年度为 %d 年，统计期限为 %s 至 %s" : "the report is for %d but its statistic period is %s to %s",
             f->year, d0, d1);
}

static void years_message(const msg *m)
{
    const nb_finding *f = m->f;
    char other[800];
    nb_msg_paired(m, other, sizeof other);
    char w[WHERE_MAX];
    where(m, w);
    if (f->rule == NB_RULE_YEAR_CARRY)
        snprintf(m->out, m->cap,
                 m->zh ? "%s：本年上年结转 %s 件，而 %d 年报告（%s）结转下年度 %s 件"
                       : "%s: %s carried in, but the %d report (%s) carried out %s",
                 w, m->a, f->year, other, m->b);
    else
        snprintf(m->out, m->cap,
                 m->zh ? "%s：现行有效 %s 件，而 %d 年现行有效加本年制发减本年废止为 %s 件（%s）"
                       : "%s: %s in force, but %d's in force + issued − repealed = %s (%s)",
                 w, m->a, f->year, m->b, other);
}

/* The claim quoted on one line, and the cells it is held against: the
 * cells named (the first two), or the candidates it may mean (word, word2). */
static void mismatch_message(const msg *m)
{
    const nb_finding *f = m->f;
    char claim[200];
    nb_msg_span(m->r, f->claim_off, f->claim_len, claim, sizeof claim);
    char cells[200] = "";
    for (int k = 0; k < f->ncells && k < 2 && !f->word; k++) {
        char cid[96];
        nb_msg_cell_name(m->r, f->cells[k], cid, sizeof cid);
        size_t l = strlen(cells);
        snprintf(cells + l, sizeof cells - l, "%s%s", k ? "+" : "", cid);
    }
    if (f->word)
        snprintf(cells, sizeof cells, "%s", f->word);
    if (f->claim == NB_CLAIM_RECEIVED_CARRIED) {
        snprintf(m->out, m->cap,
                 m->zh ? "正文“%s”称 %s 件，等于本年新收加上年结转（%s），而本年新收 t3.new.total 为 %s"
                       : "the narrative \"%s\" says %s, which is new plus carried in (%s); t3.new.total is %s",
                 claim, m->a, cells, m->b);
        return;
    }
    int l = snprintf(m->out, m->cap, m->zh ? "正文“%s”称 %s 件，表中 %s = %s" : "the narrative \"%s\" says %s, the table's %s = %s",
                     claim, m->a, cells, m->b);
    if (f->word2 && l > 0 && (size_t)l < m->cap) {
        char b2[96];
        nb_num_format(f->rhs2, b2, sizeof b2);
        snprintf(m->out + l, m->cap - (size_t)l, m->zh ? "，%s = %s" : ", %s = %s", f->word2, b2);
    }
}

/* The parts added, so a reader sees the arithmetic: 6 + 5 = 11. */
static void parts_message(const msg *m)
{
    const nb_finding *f = m->f;
    char unit[16], sum[200] = "";
    nb_msg_span(m->r, f->text.off, f->text.len, unit, sizeof unit);
    for (int k = 0; k < f->nparts && k < 8; k++) {
        size_t l = strlen(sum);
        snprintf(sum + l, sizeof sum - l, "%s%lld", k ? " + " : "", f->parts[k]);
    }
    if (f->nparts > 8) {
        size_t l = strlen(sum);
        snprintf(sum + l, sizeof sum - l, " + …");
    }
    snprintf(m->out, m->cap,
             m->zh ? "正文列举的分项 %s = %s %s，超过总数 %s %s" : "the parts listed add up to %s = %s %s, more than the total of %s %s",
             sum, m->a, unit, m->b, unit);
}

static void rate_message(const msg *m)
{
    snprintf(m->out, m->cap, m->zh ? "正文所述比率 %.2f%% 与其数字之比 %.2f%% 不符" : "the rate stated, %.2f%%, is not its counts' %.2f%%",
             (double)m->f->lhs.v / 100.0, (double)m->f->rhs.v / 100.0);
}

/* Where the review entry is: "h.txt.review:7", or this session's work. */
static void entry_place(const msg *m, char *out, size_t cap)
{
    const nb_stale *st = &m->f->stale;
    if (st->file && st->line)
        snprintf(out, cap, "%s:%d", st->file, st->line);
    else if (st->file)
        snprintf(out, cap, "%s", st->file);
    else
        snprintf(out, cap, "%s", m->zh ? "本次审阅" : "this session");
}

static void stale_message(const msg *m)
{
    static const char *const kind_en[] = {"correction", "note", "decision"}, *const kind_zh[] = {"更正", "批注", "决定"};
    const nb_stale *st = &m->f->stale;
    int kind = st->kind >= 0 && st->kind <= 2 ? st->kind : 0, zh = m->zh;
    char place[600], was[96], now[96], value[96];
    entry_place(m, place, sizeof place);
    quote_text(st->was ? st->was : "", st->was ? strlen(st->was) : 0, was, sizeof was);
    quote_text(st->value ? st->value : "", st->value ? strlen(st->value) : 0, value, sizeof value);
    span_text(m->r, m->f->text, now, sizeof now);
    const char *cell = st->cell ? st->cell : "";
    if (st->why == 4) { /* a decision on figures the report no longer gives: the report's own value now */
        char seen[96];
        size_t n = st->was ? strcspn(st->was, " ") : 0;
        quote_text(st->was ? st->was : "", n, seen, sizeof seen);
        const nb_cell *c = m->f->suspect >= 0 ? &m->r->cells[m->f->suspect] : NULL;
        if (c && (c->corrected ? c->orig_status : c->status) == NB_ST_NUMBER)
            nb_num_format(c->corrected ? c->orig_num : c->num, now, sizeof now);
        else
            snprintf(now, sizeof now, "-");
        snprintf(m->out, m->cap,
                 zh ? "对 %s 的决定（%s）作出时 %s 为“%s”，报告现为“%s”：不再生效，该问题重新待决定"
                    : "the decision on %s (%s) was made where %s read \"%s\"; it reads \"%s\" now: not in force, the finding is open again",
                 st->value ? st->value : "", place, m->sus, seen, now);
    } else if (st->why == 3)
        snprintf(m->out, m->cap,
                 zh ? "%s 的更正（%s，改为 %s）是针对空白单元格作出的，修改后的报告已没有该单元格（所在行缺失）：未应用"
                    : "the correction of %s to %s (%s) was made where the cell was blank; the revised report no longer has the cell (its row is missing): not applied",
                 cell, zh ? place : value, zh ? value : place);
    else if (st->why == 2 && st->was && !st->was[0]) /* made where the cell was blank */
        snprintf(m->out, m->cap,
                 zh ? "%s 的更正（%s，改为 %s）是针对空白单元格作出的，报告现为“%s”：未应用"
                    : "the correction of %s to %s (%s) was made where the cell was blank; it says \"%s\" now: not applied",
                 cell, zh ? place : value, zh ? value : place, now);
    else if (st->why == 2 && !st->was) /* made where the report had no such cell (missing=yes) */
        snprintf(m->out, m->cap,
                 zh ? "%s 的更正（%s，改为 %s）作出时报告没有该单元格，报告现为“%s”：未应用"
                    : "the correction of %s to %s (%s) was made where the report had no such cell; it says \"%s\" now: not applied",
                 cell, zh ? place : value, zh ? value : place, now);
    else if (st->why == 2)
        snprintf(m->out, m->cap,
                 zh ? "%s 的更正（%s，改为 %s）是针对“%s”作出的，报告现为“%s”：未应用"
                    : "the correction of %s to %s (%s) was made where the report said \"%s\"; it says \"%s\" now: not applied",
                 cell, zh ? place : value, zh ? value : place, was, now);
    else if (st->why == 1) { /* not a number, or a value the cell cannot hold */
        nb_num v;
        int money = 0;
        nb_cell_value w = m->f->suspect >= 0 ? nb_cell_value_check(m->r->schema, m->f->suspect, st->value ? st->value : "", &v, &money)
                                              : NB_CV_NOT_NUMBER;
        const char *why = nb_cell_value_reason(w == NB_CV_FITS ? NB_CV_NOT_NUMBER : w, money, zh ? NB_LANG_ZH : NB_LANG_EN);
        snprintf(m->out, m->cap, zh ? "%s 的更正（%s）“%s”%s：未应用" : "the correction of %s (%s) gives \"%s\", %s: not applied",
                 cell, place, value, why);
    }
    else
        snprintf(m->out, m->cap, zh ? "%s（%s）所涉单元格 %s 在本报告中不存在：未应用" : "the %s of %s is on %s, a cell this report does not have: not applied",
                 zh ? kind_zh[kind] : kind_en[kind], place, cell);
}

static const nb_compose_fn composers[NB_NRULES] = {
    [NB_RULE_T3_BALANCE] = sum_message,
    [NB_RULE_T3_RESULTS_SUM] = sum_message,
    [NB_RULE_T3_ROW_TOTAL] = sum_message,
    [NB_RULE_T4_GROUP_TOTAL] = sum_message,
    [NB_RULE_CELL_BLANK] = blank_message,
    [NB_RULE_CELL_NOT_NUMBER] = not_number_message,
    [NB_RULE_LABEL_DEVIATES] = label_message,
    [NB_RULE_STRUCT_MISSING] = missing_message,
    [NB_RULE_STRUCT_ORDER] = order_message,
    [NB_RULE_TEXT_TABLE_MISMATCH] = mismatch_message,
    [NB_RULE_TEXT_PARTS_EXCEED] = parts_message,
    [NB_RULE_TEXT_RATE] = rate_message,
    [NB_RULE_YEAR_MISMATCH] = dates_message,
    [NB_RULE_YEAR_CARRY] = years_message,
    [NB_RULE_YEAR_IN_FORCE] = years_message,
    [NB_RULE_REVIEW_STALE] = stale_message,
};

/* What the composers here read of a finding's two sides: their figures
 * (a, b), and |lhs − rhs| too (diff); the rules not named read neither.
 * The rulebook's composers may read a and b. */
enum { SIDES = 1, DIFF = 2 };
static const unsigned char sides_read[NB_NRULES] = {
    [NB_RULE_T3_BALANCE] = SIDES | DIFF,
    [NB_RULE_T3_RESULTS_SUM] = SIDES | DIFF,
    [NB_RULE_T3_ROW_TOTAL] = SIDES | DIFF,
    [NB_RULE_T4_GROUP_TOTAL] = SIDES | DIFF,
    [NB_RULE_TEXT_TABLE_MISMATCH] = SIDES,
    [NB_RULE_TEXT_PARTS_EXCEED] = SIDES,
    [NB_RULE_YEAR_CARRY] = SIDES,
    [NB_RULE_YEAR_IN_FORCE] = SIDES,
};

/* The sides' figures formatted: those read names (SIDES, DIFF). */
static void format_sides(msg *m, unsigned read)
{
    const nb_finding *f = m->f;
    if (read & SIDES) {
        nb_num_format(f->lhs, m->a, sizeof m->a);
        nb_num_format(f->rhs, m->b, sizeof m->b);
    }
    if (read & DIFF) {
        nb_num d = nb_num_add(f->lhs, nb_num_neg(f->rhs));
        if (d.v < 0)
            d = nb_num_neg(d);
        nb_num_format(d, m->diff, sizeof m->diff);
    }
}

/* The message of f, the sides formatted that read names; its length. The
 * suspect's ID is pointed at, not copied: every ID of a schema is short. */
static size_t finding_message(const nb_report *r, const nb_finding *f, nb_lang lang, char *out, size_t cap, unsigned read)
{
    msg m; /* its figures empty until formatted: the buffers are not cleared whole */
    m.r = r;
    m.f = f;
    m.zh = lang == NB_LANG_ZH;
    m.out = out;
    m.cap = cap;
    m.a[0] = m.b[0] = m.diff[0] = '\0';
    format_sides(&m, read);
    m.sus = f->suspect >= 0 ? nb_schema_cell_name(r->schema, f->suspect) : "?";
    out[0] = '\0';
    nb_compose_fn compose = composers[f->rule] ? composers[f->rule] : nb_book_composer(f->rule);
    if (compose)
        compose(&m);
    if (f->inferred) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s", m.zh ? "（含由连写数字推断的单元格）" : " (uses cells inferred from run-together digits)");
    }
    return nb_utf8_trim_partial(out); /* a message longer than out ends at a character */
}

size_t nb_finding_message(const nb_report *r, const nb_finding *f, nb_lang lang, char *out, size_t cap)
{
    return finding_message(r, f, lang, out, cap, composers[f->rule] ? sides_read[f->rule] : SIDES);
}

void nb_msg_every_side(const nb_report *r, const nb_finding *f, nb_lang lang, char *out, size_t cap)
{
    finding_message(r, f, lang, out, cap, SIDES | DIFF);
}
