/* detail_lines.c — the lines of a finding's detail (overlay_detail.h):
 * what the finding is, its message, its equation term by term with every
 * cell named by its row and column in the report's words, the cell most
 * likely wrong, the claim quoted, last year's figures beside this year's,
 * the decisions and notes on it, and the line each cell was read from. In
 * the console's language; cell IDs only as the side field. */
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "check/check.h"
#include "check/messages.h"
#include "check/rules.h"
#include "model/doc.h"
#include "overlay_detail.h"
#include "names.h"
#include "review/session.h"
#include "text/num.h"
#include "view.h"

static int id_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* text with every cell ID (t3.new.total) and row ID (t3.new) of the schema
 * in it replaced by the cell's or the row's name in the report's words. */
static void name_cells(const nb_schema *sc, const char *text, char *out, size_t cap)
{
    size_t o = 0;
    const char *p = text;
    while (*p && o + 1 < cap) {
        size_t n = 0;
        if (p[0] == 't' && p[1] >= '2' && p[1] <= '4' && p[2] == '.' && (p == text || !id_byte(p[-1])))
            while (id_byte(p[n]))
                n++;
        while (n && p[n - 1] == '.') /* a full stop after the ID */
            n--;
        char id[96], name[600] = "";
        snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : 0), p);
        int ci = n ? nb_schema_find_cell(sc, id) : -1, row = n && ci < 0 ? nb_schema_find_row(sc, id) : -1;
        if (ci >= 0)
            nb_cell_fullname(sc, ci, name, sizeof name);
        else if (row >= 0)
            snprintf(name, sizeof name, "%s", sc->rows[row].label);
        if (name[0]) {
            o += (size_t)snprintf(out + o, cap - o, "%s", name);
            p += n;
        } else {
            out[o++] = *p++;
        }
    }
    out[o < cap ? o : cap - 1] = '\0';
}

static const char *T(const nb_app *a, const char *en, const char *zh)
{
    return nb_app_tr(a, en, zh);
}

/* ------------------------------------------------------------ lines */

/* The bytes of s[0, n) that fit cap - 1, cut at a character boundary. */
static size_t fit_bytes(const char *s, size_t n, size_t cap)
{
    if (n < cap)
        return n;
    size_t i = 0, last = 0;
    while (i < n) {
        size_t j = i;
        nb_utf8_get(s, n, &j);
        if (j >= cap)
            break;
        last = i = j;
    }
    return last;
}

static void add_n(nb_dlines *d, nb_role role, int cell, const char *side, const char *text, size_t n)
{
    if (d->n >= d->max)
        return;
    nb_dline *l = &d->v[d->n++];
    size_t k = fit_bytes(text, n, sizeof l->text);
    memcpy(l->text, text, k);
    l->text[k] = '\0';
    size_t ks = side ? fit_bytes(side, strlen(side), sizeof l->side) : 0;
    memcpy(l->side, side ? side : "", ks);
    l->side[ks] = '\0';
    l->role = role;
    l->cell = cell;
}

static void add(nb_dlines *d, nb_role role, int cell, const char *side, const char *text)
{
    add_n(d, role, cell, side, text, strlen(text));
}

static void blank(nb_dlines *d)
{
    add(d, NB_R_TEXT, -1, NULL, "");
}

static int word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* How many bytes of s[0, n) go on a line of width columns: as many
 * characters as fit (one at least), but not into the middle of a Latin word
 * when a space past the line's middle can end the line instead. */
static size_t line_break(const char *s, size_t n, int width)
{
    size_t i = 0, space = 0;
    int cols = 0;
    while (i < n) {
        size_t j = i;
        uint32_t cp = nb_utf8_get(s, n, &j);
        int cw = nb_cp_width(cp);
        if (cols + cw > width)
            break;
        cols += cw;
        i = j;
        if (cp == ' ')
            space = i;
    }
    if (i < n && i > 0 && word_byte(s[i - 1]) && word_byte(s[i]) && space > i / 2)
        return space;
    if (!i && n) /* wider than the line: one character */
        nb_utf8_get(s, n, &i);
    return i;
}

/* text (one paragraph per '\n') wrapped to the width, each line indented
 * by indent columns, the side field on the first. */
static void wrap(nb_dlines *d, nb_role role, int cell, const char *side, int indent, const char *text)
{
    int width = d->width - indent > 10 ? d->width - indent : 10;
    char line[1200];
    const char *p = text;
    int first = 1;
    do {
        size_t n = strcspn(p, "\n");
        const char *q = p;
        size_t left = n;
        do {
            size_t take = line_break(q, left, width);
            snprintf(line, sizeof line, "%*s%.*s", indent, "", (int)take, q);
            for (char *t = line; *t; t++)
                if (*t == '\t' || *t == '\r')
                    *t = ' ';
            add(d, role, cell, first ? side : NULL, line);
            first = 0;
            q += take;
            left -= take;
            while (left && *q == ' ') {
                q++;
                left--;
            }
        } while (left);
        p += n;
    } while (*p++ == '\n');
}

static void heading(nb_dlines *d, const char *text)
{
    blank(d);
    add(d, NB_R_TITLE, -1, NULL, text);
}

/* ------------------------------------------------------------ words */

/* A cell's value as the report has it, or what stands for none. */
static void value_text(const nb_app *a, int ci, char *out, size_t cap)
{
    const nb_cell *c = &a->r->cells[ci];
    char v[64];
    size_t rl = fit_bytes(a->r->doc.text + c->off, c->len, 40);
    switch (c->status) {
    case NB_ST_NUMBER: nb_num_format(c->num, out, cap); break;
    case NB_ST_INFERRED:
        nb_num_format(c->num, v, sizeof v);
        snprintf(out, cap, T(a, "%s (inferred from run-together digits)", "%s（由连写数字推断）"), v);
        break;
    case NB_ST_BLANK: snprintf(out, cap, "%s", T(a, "blank", "空白")); break;
    case NB_ST_PLACEHOLDER:
        snprintf(out, cap, T(a, "\"%.*s\" (none)", "“%.*s”（无）"), (int)rl, a->r->doc.text + c->off);
        break;
    case NB_ST_TEXT:
        snprintf(out, cap, T(a, "\"%.*s\" (not a number)", "“%.*s”（不是数字）"), (int)rl, a->r->doc.text + c->off);
        break;
    case NB_ST_MISSING: snprintf(out, cap, "%s", T(a, "missing", "缺失")); break;
    }
    if (c->corrected) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s", T(a, " (corrected by the review)", "（审阅已更正）"));
    }
}

static void cell_id(const nb_app *a, int ci, char *out, size_t cap)
{
    nb_schema_cell_id(a->r->schema, ci, out, cap);
}

/* "LABEL = value", the cell's ID as its side field. */
static void cell_line(const nb_app *a, nb_dlines *d, const char *op, int ci)
{
    char label[400], v[200], id[96], line[700];
    nb_cell_fullname(a->r->schema, ci, label, sizeof label);
    value_text(a, ci, v, sizeof v);
    cell_id(a, ci, id, sizeof id);
    snprintf(line, sizeof line, "%s%s = %s", op, label, v);
    wrap(d, NB_R_TEXT, ci, id, 2, line);
}

/* ------------------------------------------------------------ sections */

static void head(const nb_app *a, int k, nb_dlines *d)
{
    const nb_finding *f = &a->s.fs.v[k];
    const nb_rule *rule = nb_rule_get(f->rule);
    char b[600], where[64] = "", state[64] = "";
    if (f->has_off)
        snprintf(where, sizeof where, T(a, " · line %zu", " · 第 %zu 行"), nb_doc_locate(&a->r->doc, f->off).line);
    const nb_rv_entry *dec = nb_session_decision(&a->s, (size_t)k);
    if (dec && dec->state != NB_DEC_OPEN)
        snprintf(state, sizeof state, " · %s", nb_decision_label(dec->state, a->lang));
    snprintf(b, sizeof b, " %s · %s · %s %d/%zu%s%s", rule->id, nb_severity_label(f->severity, a->lang),
             T(a, "finding", "问题"), k + 1, a->s.fs.n, where, state);
    add(d, NB_R_TITLE, -1, NULL, b);
    wrap(d, NB_R_INFO, -1, NULL, 1, a->lang == NB_LANG_ZH ? rule->zh : rule->en);
    heading(d, T(a, "What is wrong", "问题说明"));
    char m[2048], named[4096];
    const char *shown = m;
    nb_finding_message(a->r, f, a->lang, m, sizeof m);
    if (a->lang == NB_LANG_ZH) { /* in Chinese the cells go by their names, the IDs in the side fields */
        name_cells(a->r->schema, m, named, sizeof named);
        shown = named;
    }
    wrap(d, f->severity == NB_SEV_ERROR ? NB_R_ERROR : f->severity == NB_SEV_WARNING ? NB_R_WARNING : NB_R_INFO, -1,
         NULL, 2, shown);
}

static void num_line(nb_dlines *d, const char *op, const char *label, nb_num v, const char *side)
{
    char val[64], line[700];
    nb_num_format(v, val, sizeof val);
    snprintf(line, sizeof line, "%s%s = %s", op, label, val);
    wrap(d, NB_R_TEXT, -1, side, 2, line);
}

/* "LABEL, 2024" / "2024 年LABEL". */
static void of_year(const nb_app *a, const char *label, int year, char *out, size_t cap)
{
    if (a->lang == NB_LANG_ZH)
        snprintf(out, cap, "%d 年%s", year, label);
    else
        snprintf(out, cap, "%s, %d", label, year);
}

static const char *base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path;
}

/* Which of T2's document rows (规章 0, 行政规范性文件 1) a YEAR.IN_FORCE finding is on. */
static int t2_kind(const nb_schema *sc, const nb_finding *f)
{
    return f->row >= 0 && !strcmp(sc->rows[f->row].id, "t2.normative");
}

/* The column of T3 a YEAR.CARRY finding is about. */
static int carry_column(const nb_schema *sc, const nb_finding *f)
{
    int ri = nb_schema_find_row(sc, "t3.carried_in");
    return f->suspect >= 0 ? f->suspect - nb_schema_first_cell(sc, ri) : 0;
}

/* The other report's side of a cross-year rule: last year's cell. */
static void last_year_term(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    const nb_schema *sc = a->r->schema;
    char label[400], full[500];
    nb_num v = f->rhs;
    if (f->rule == NB_RULE_YEAR_CARRY) {
        int ro = nb_schema_find_row(sc, "t3.carried_out");
        nb_cell_fullname(sc, nb_schema_first_cell(sc, ro) + carry_column(sc, f), label, sizeof label);
    } else {
        int k = t2_kind(sc, f);
        if (!a->s.prev || !a->s.prev->has_t2[k][2])
            return;
        nb_cell_fullname(sc, nb_schema_first_cell(sc, f->row) + 2, label, sizeof label);
        v = a->s.prev->t2[k][2];
    }
    of_year(a, label, f->year, full, sizeof full);
    num_line(d, "    ", full, v, base_name(f->other_file));
}

/* Both sides, term by term, each side's sum, and the difference. */
static void equation(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    int sides[NB_FCELLS], signs[NB_FCELLS], any = 0;
    for (int c = 0; c < f->ncells; c++) {
        sides[c] = nb_finding_side(a->r, f, f->cells[c], &signs[c]);
        any |= sides[c] >= 0;
    }
    if (!f->has_sides || !any)
        return;
    heading(d, T(a, "The equation: left side = right side", "等式：左边 = 右边"));
    for (int side = 0; side < 2; side++) {
        add(d, NB_R_HEADER, -1, NULL, side ? T(a, "  right side", "  右边") : T(a, "  left side", "  左边"));
        int first = 1;
        if (side == 0 && f->rule == NB_RULE_TEXT_TABLE_MISMATCH) {
            num_line(d, "    ", T(a, "the narrative says", "正文所述"), f->lhs, NULL);
            first = 0;
        }
        if (side == 1 && (f->rule == NB_RULE_YEAR_CARRY || f->rule == NB_RULE_YEAR_IN_FORCE)) {
            last_year_term(a, f, d);
            first = 0;
        }
        for (int c = 0; c < f->ncells; c++) {
            if (sides[c] != side)
                continue;
            cell_line(a, d, first ? "    " : signs[c] < 0 ? "  − " : "  + ", f->cells[c]);
            first = 0;
        }
        char sum[64], line[100];
        nb_num_format(side ? f->rhs : f->lhs, sum, sizeof sum);
        snprintf(line, sizeof line, "    = %s", sum);
        add(d, NB_R_TEXT, -1, NULL, line);
    }
    nb_num diff = f->rhs;
    diff.v = -diff.v;
    diff = nb_num_add(f->lhs, diff);
    if (diff.v < 0)
        diff.v = -diff.v;
    char dv[64], line[160];
    nb_num_format(diff, dv, sizeof dv);
    snprintf(line, sizeof line, "  %s %s", T(a, "they differ by", "两边相差"), dv);
    add(d, NB_R_ERROR, -1, NULL, line);
}

static void suspect(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    if (f->suspect < 0)
        return;
    heading(d, T(a, "The cell most likely wrong", "最可能有误的单元格"));
    cell_line(a, d, "  ", f->suspect);
}

/* The narrative's words the finding holds against the table, quoted. */
static void claim(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    if (!f->claim_len)
        return;
    char h[160], q[1600];
    snprintf(h, sizeof h, T(a, "What the narrative says (line %zu)", "正文原话（第 %zu 行）"),
             nb_doc_locate(&a->r->doc, f->claim_off).line);
    heading(d, h);
    size_t n = fit_bytes(a->r->doc.text + f->claim_off, f->claim_len, 1200);
    snprintf(q, sizeof q, "“%.*s”", (int)n, a->r->doc.text + f->claim_off);
    for (char *p = q; *p; p++)
        if (*p == '\n')
            *p = ' ';
    wrap(d, NB_R_CLAIM, -1, NULL, 2, q);
}

/* A row of figures of the side-by-side table: its name, then each value
 * right-aligned in its column ("—" unknown). */
static void figures_row(nb_dlines *d, const char *name, int namew, const nb_num *v, const int *known, int n, int colw,
                        nb_role role)
{
    char line[900];
    size_t l = (size_t)snprintf(line, sizeof line, "  %s", name);
    int pad = namew - (int)nb_display_cols(name, strlen(name), 0);
    l += (size_t)snprintf(line + l, sizeof line - l, "%*s", pad > 0 ? pad : 0, "");
    for (int c = 0; c < n && l < sizeof line - 80; c++) {
        char val[64];
        if (known[c])
            nb_num_format(v[c], val, sizeof val);
        else
            snprintf(val, sizeof val, "—");
        int vw = (int)nb_display_cols(val, strlen(val), 0);
        l += (size_t)snprintf(line + l, sizeof line - l, "%*s%s", colw - vw > 0 ? colw - vw : 1, "", val);
    }
    add(d, role, -1, NULL, line);
}

/* The columns' headings of the side-by-side table. */
static void heads_row(nb_dlines *d, int namew, const char *const *heads, int n, int colw)
{
    char line[900];
    size_t l = (size_t)snprintf(line, sizeof line, "  %*s", namew, "");
    for (int c = 0; c < n && l < sizeof line - 80; c++) {
        int hw = (int)nb_display_cols(heads[c], strlen(heads[c]), 0);
        l += (size_t)snprintf(line + l, sizeof line - l, "%*s%s", colw - hw > 0 ? colw - hw : 1, "", heads[c]);
    }
    add(d, NB_R_HEADER, -1, NULL, line);
}

/* This year's cells of a row as figures. */
static void row_figures(const nb_app *a, int row, int n, nb_num *v, int *known)
{
    int ci0 = nb_schema_first_cell(a->r->schema, row);
    for (int c = 0; c < n; c++) {
        const nb_cell *cell = &a->r->cells[ci0 + c];
        known[c] = cell->status == NB_ST_NUMBER || cell->status == NB_ST_INFERRED;
        v[c] = known[c] ? cell->num : nb_num_int(0);
    }
}

/* YEAR.CARRY: this year's 上年结转 over last year's 结转下年度, column by column. */
static void carry_table(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    const nb_schema *sc = a->r->schema;
    const nb_summary *p = a->s.prev;
    int ri = nb_schema_find_row(sc, "t3.carried_in");
    const char *heads[7];
    nb_num v[7];
    int known[7];
    for (int c = 0; c < 7; c++)
        heads[c] = nb_col_abbr(sc->rows[ri].cols[c].key, a->lang);
    char now[160], then[160];
    of_year(a, T(a, "carried in", "上年结转"), a->r->year, now, sizeof now);
    of_year(a, T(a, "carried out", "结转下年度"), f->year, then, sizeof then);
    int namew = (int)nb_display_cols(then, strlen(then), 0) + 2;
    heads_row(d, namew, heads, 7, 8);
    row_figures(a, ri, 7, v, known);
    figures_row(d, now, namew, v, known, 7, 8, NB_R_TEXT);
    figures_row(d, then, namew, p->carried_out, p->has_carried_out, 7, 8, NB_R_TEXT);
}

/* YEAR.IN_FORCE: this year's 制发, 废止, 现行有效 over last year's. */
static void in_force_table(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    const nb_summary *p = a->s.prev;
    int k = t2_kind(a->r->schema, f);
    const char *heads[3] = {T(a, "issued", "本年制发"), T(a, "repealed", "本年废止"), T(a, "in force", "现行有效")};
    nb_num v[3];
    int known[3];
    char now[160], then[160];
    of_year(a, a->r->schema->rows[f->row].label, a->r->year, now, sizeof now);
    of_year(a, a->r->schema->rows[f->row].label, f->year, then, sizeof then);
    int namew = (int)nb_display_cols(then, strlen(then), 0) + 2;
    heads_row(d, namew, heads, 3, 10);
    row_figures(a, f->row, 3, v, known);
    figures_row(d, now, namew, v, known, 3, 10, NB_R_TEXT);
    figures_row(d, then, namew, p->t2[k], p->has_t2[k], 3, 10, NB_R_TEXT);
}

/* Last year's figures beside this year's, as the tables have them. */
static void cross_year(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    if (!a->s.prev || (f->rule != NB_RULE_YEAR_CARRY && f->rule != NB_RULE_YEAR_IN_FORCE) ||
        (f->rule == NB_RULE_YEAR_IN_FORCE && f->row < 0))
        return;
    char h[700];
    snprintf(h, sizeof h, T(a, "Last year beside this year (the %d report: %s)", "上年与本年对照（%d 年报告：%s）"),
             f->year, base_name(f->other_file));
    heading(d, h);
    if (f->rule == NB_RULE_YEAR_CARRY)
        carry_table(a, f, d);
    else
        in_force_table(a, f, d);
}

/* Every decision and note on the finding, in the order made. */
static void history(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    char fp[24], line[1400];
    int n = 0;
    nb_finding_fingerprint(a->r, f, fp);
    heading(d, T(a, "Decisions and notes", "决定与批注"));
    for (size_t e = 0; e < a->s.rv.n; e++) {
        const nb_rv_entry *x = &a->s.rv.v[e];
        if (strcmp(x->finding, fp) || (x->kind != NB_RV_DECIDE && x->kind != NB_RV_NOTE))
            continue;
        const char *what = x->kind == NB_RV_NOTE ? T(a, "note", "批注") : nb_decision_label(x->state, a->lang);
        snprintf(line, sizeof line, "%s %s %s%s%.900s", x->at, x->by, what, x->text && *x->text ? ": " : "",
                 x->text ? x->text : "");
        wrap(d, NB_R_TEXT, -1, NULL, 2, line);
        n++;
    }
    if (!n)
        add(d, NB_R_TEXT, -1, NULL, T(a, "  none yet: c confirms, d dismisses", "  尚无：c 确认，d 驳回"));
}

/* Each cell: its name and value, the line it was read from and that line. */
static void sources(const nb_app *a, const nb_finding *f, nb_dlines *d)
{
    if (!f->ncells)
        return;
    heading(d, T(a, "Where each cell was read (j k choose, Enter goes to it)", "各单元格的出处（j k 选择，回车跳转）"));
    for (int k = 0; k < f->ncells; k++) {
        int ci = f->cells[k];
        const nb_cell *c = &a->r->cells[ci];
        char label[400], v[200], id[96], line[900];
        nb_cell_fullname(a->r->schema, ci, label, sizeof label);
        value_text(a, ci, v, sizeof v);
        cell_id(a, ci, id, sizeof id);
        if (!c->has_span) {
            snprintf(line, sizeof line, "%s = %s · %s", label, v, T(a, "not in the report", "报告中没有"));
            wrap(d, NB_R_MISSING, ci, id, 2, line);
            continue;
        }
        size_t ln = nb_doc_line_of(&a->r->doc, c->off), ls, le;
        snprintf(line, sizeof line, T(a, "%s = %s · line %zu", "%s = %s · 第 %zu 行"), label, v, ln + 1);
        wrap(d, NB_R_TEXT, ci, id, 2, line);
        nb_doc_line(&a->r->doc, ln, &ls, &le);
        char src[900];
        size_t n = fit_bytes(a->r->doc.text + ls, le - ls, 800);
        snprintf(src, sizeof src, "    │ %.*s", (int)n, a->r->doc.text + ls);
        for (char *t = src; *t; t++)
            if (*t == '\t' || *t == '\r')
                *t = ' ';
        add(d, NB_R_GUTTER, ci, NULL, src);
    }
}

void nb_detail_lines(const nb_app *a, int k, nb_dlines *d)
{
    d->n = 0;
    if (k < 0 || (size_t)k >= a->s.fs.n)
        return;
    const nb_finding *f = &a->s.fs.v[k];
    head(a, k, d);
    equation(a, f, d);
    suspect(a, f, d);
    claim(a, f, d);
    cross_year(a, f, d);
    history(a, f, d);
    sources(a, f, d);
}
