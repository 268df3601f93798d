/* extras.c — what the tables hold beyond the template, recorded for the
 * rules (STRUCT.EXTRA, FORMAT.OUTDATED, T2.FEE_UNIT): rows the schema has no
 * place for (小计, 合计), rows of the 2019 layout in a 2021 one (政府集中采购,
 * 其他对外管理服务事项, one （六）其他处理 row with its own figures), columns of
 * subtotals (法人或其他组织小计), and a fee column labelled 单位：元. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/label.h"

#include <string.h>

/* The 2019 layout's rows a 2021 one may keep, by the word that names them. */
static const char *const old_rows[] = {"政府集中采购", "其他对外管理服务事项"};

static int add(nb_report *r, size_t off, size_t len, int table, int column, int old_row)
{
    nb_extra x = {off, len, table, column, old_row};
    return nb_report_add_extra(r, &x);
}

/* The fragment of g's label that holds word (else the first), as a span. */
static void fragment_with(const assembly *A, const group *g, const char *word, size_t *off, size_t *len)
{
    *off = g->frag_off[0];
    *len = g->frag_len[0];
    for (int k = 0; k < g->nfrag && k < MAXFRAG; k++)
        if (nb_find(A->t + g->frag_off[k], g->frag_len[k], word, strlen(word))) {
            *off = g->frag_off[k];
            *len = g->frag_len[k];
        }
}

/* Rows with figures that match no row of the schema: subtotals, and the
 * 2019 layout's own rows in a 2021 report. */
static int extra_rows(nb_report *r, const assembly *A, const area *ar)
{
    static const char *const totals[] = {"小计", "合计"};
    for (int gi = 0; gi < A->ng; gi++) {
        const group *g = &A->g[gi];
        if (g->row >= 0 || !g->has_label || !g->nv || !g->nfrag || g->pos < ar->t2s || g->pos >= ar->t3e)
            continue;
        char label[512];
        nb_ustr u;
        ex_group_label(A, g, &u);
        nb_ustr_utf8(&u, label, sizeof label);
        int table = g->pos < ar->t3s ? NB_T2 : NB_T3, old = 0;
        const char *word = NULL;
        for (int k = 0; k < 2 && !word; k++)
            if (strstr(label, totals[k]))
                word = totals[k];
        for (int k = 0; k < 2 && !word && r->format == 2021; k++)
            if (strstr(label, old_rows[k])) {
                word = old_rows[k];
                old = k + 1;
            }
        size_t off, len;
        if (!word)
            continue;
        fragment_with(A, g, word, &off, &len);
        if (add(r, off, len, table, 0, old) != 0)
            return -1;
    }
    return 0;
}

/* The next token on the same line after i that is not an empty cell. */
static const tok *next_on_line(const tok *toks, size_t ntok, size_t i)
{
    for (size_t k = i + 1; k < ntok; k++) {
        if (toks[k].kind == K_EOL || toks[k].kind == K_BREAK)
            return NULL;
        if (toks[k].kind != K_EMPTY)
            return &toks[k];
    }
    return NULL;
}

/* Has the line figures after token i, and nothing else? Not so a 2021
 * group heading with its first row's label after it on its line (in a
 * space-aligned table: "(六) 其他处理  1. 申请人…  0  0 …", whose numbering
 * 1 is read as a value). */
static int only_figures_after(const tok *toks, size_t ntok, size_t i)
{
    int figures = 0;
    for (const tok *k = next_on_line(toks, ntok, i); k; k = next_on_line(toks, ntok, (size_t)(k - toks))) {
        if (k->kind != K_VALUE)
            return 0;
        figures++;
    }
    return figures > 0;
}

/* Does t[0, n) hold 小计 or 合计? Both end in 计: each place of it is
 * looked at once, the character before it told from its bytes. */
static int names_total(const char *t, size_t n)
{
    static const char ji[] = "计", xiao[] = "小", he[] = "合";
    size_t from = 3; /* 计 after a character of three bytes */
    const char *p;
    while (from + 3 <= n && (p = nb_find(t + from, n - from, ji, 3))) {
        size_t at = (size_t)(p - t);
        if (!memcmp(t + at - 3, xiao, 3) || !memcmp(t + at - 3, he, 3))
            return 1;
        from = at + 1;
    }
    return 0;
}

/* Is token i (a group heading: classify kept its normal form) 其他处理? */
static int is_other_heading(const assembly *A, const tok *toks, size_t i)
{
    static const uint32_t other[] = {0x5176, 0x4ED6, 0x5904, 0x7406}; /* 其他处理 */
    nb_ustr u;
    ex_norm_view(A->norm, A->npool, A->t, &toks[i], i, NB_NORM_LABEL, &u);
    return u.n == 4 && !memcmp(u.c, other, sizeof other);
}

/* Column headers of subtotals in T3, and in a 2021 layout the 2019 layout's
 * single （六）其他处理 row: the group heading with figures after it. */
static int extra_tokens(nb_report *r, const assembly *A, const tok *toks, size_t ntok, const area *ar)
{
    for (size_t j = 0, nt = ex_text_span(A, ntok); j < nt; j++) {
        size_t i = ex_text_at(A, j);
        const tok *k = &toks[i];
        if (k->kind != K_TEXT || k->off < ar->t3s || k->off >= ar->t3e)
            continue;
        if (k->cls == C_HEADER && names_total(r->doc.text + k->off, k->len)) {
            if (add(r, k->off, k->len, NB_T3, 1, 0) != 0)
                return -1;
            continue;
        }
        if (r->format != 2021 || k->cls != C_GROUP)
            continue; /* only a 2021 group heading can be the single 其他处理 row */
        if (is_other_heading(A, toks, i) && only_figures_after(toks, ntok, i) &&
            add(r, k->off, k->len, NB_T3, 0, 3) != 0)
            return -1;
    }
    return 0;
}

/* 单位：元 (or 单位:元, 单位（元）) in T2's part: the fee column's unit. */
void ex_fee_unit_label(nb_report *r, const area *ar)
{
    const char *t = r->doc.text, *p;
    size_t from = ar->t2s, end = ar->t2e;
    while (from < end && (p = nb_find(t + from, end - from, "单位", 6))) {
        size_t at = (size_t)(p - t), i = at + 6, lim = at + 6 + 9 < end ? at + 6 + 9 : end;
        from = at + 6;
        while (i < lim && (t[i] == ':' || t[i] == ' ' || !memcmp(t + i, "：", 3) || !memcmp(t + i, "（", 3)))
            i += t[i] == ':' || t[i] == ' ' ? 1 : 3;
        if (end - i >= 3 && !memcmp(t + i, "元", 3)) {
            r->fee_label_yuan = 1;
            r->fee_label_off = at;
            r->fee_label_len = i + 3 - at;
            return;
        }
    }
}

/* The one （六）其他处理 row of a report read in that variant (variant.c). */
static int variant_row(nb_report *r, const assembly *A)
{
    if (r->schema->variant != NB_VARIANT_ONE_OTHER)
        return 0;
    int row = nb_schema_find_row(r->schema, "t3.other");
    for (int gi = 0; gi < A->ng; gi++)
        if (A->g[gi].row == row && A->g[gi].nfrag)
            return add(r, A->g[gi].frag_off[0], A->g[gi].frag_len[0], NB_T3, 0, 3);
    return 0;
}

int ex_record_extras(nb_report *r, const assembly *A, const tok *toks, size_t ntok, const area *ar)
{
    if (ar->t3e <= ar->t2s)
        return 0;
    ex_fee_unit_label(r, ar);
    if (extra_rows(r, A, ar) != 0 || variant_row(r, A) != 0)
        return -1;
    return extra_tokens(r, A, toks, ntok, ar);
}
