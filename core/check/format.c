/* format.c — the layout the tables follow: FORMAT.OUTDATED (a report of
 * 2021 on in the 2019 trial layout, wholly or with its rows mixed in; a
 * report of 2019 or 2020 already in the 2021 layout) and STRUCT.EXTRA
 * (rows the template does not have, as the extractor saw them). */
#include "check/internal.h"
#include "base/utf8.h"

#include <string.h>

/* The 2019 layout's own words: its T2 columns, then the rows it alone has. */
static const char *const old_words[] = {"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
                                        "其他对外管理服务事项", "第二十条第（九）项", "第二十条第(九)项",
                                        "采购项目数量", "采购总金额"};
/* What the extractor's old rows are called (nb_extra.old_row 1 … 3). */
static const char *const old_row_words[] = {"", "政府集中采购", "其他对外管理服务事项", "（六）其他处理"};
/* The 2021 layout's T2 columns. */
static const char *const new_words[] = {"本年制发件数", "本年废止件数", "本年处理决定数量", "本年收费金额"};

/* Where the tables' words are looked for: section 二 and the tables' zone. */
static void table_area(const nb_report *r, size_t *a, size_t *b)
{
    const nb_section *s = &r->sec[NB_SEC_ACTIVE];
    *a = s->present ? s->head_off : r->tables_off;
    *b = r->tables_end > *a ? r->tables_end : (s->present ? s->body_end : *a);
    if (s->present && s->body_end > *b)
        *b = s->body_end;
}

/* The first of the words in t[a, b): its index, *at where; -1 if none. */
static int first_word(const char *t, size_t a, size_t b, const char *const *words, int n, size_t *at)
{
    int best = -1;
    for (int k = 0; k < n; k++) {
        const char *p = b > a ? nb_find(t + a, b - a, words[k], strlen(words[k])) : NULL;
        if (p && (best < 0 || (size_t)(p - t) < *at)) {
            best = k;
            *at = (size_t)(p - t);
        }
    }
    return best;
}

/* The first row of the 2019 layout the extractor saw in a 2021 one: its
 * index in r->extras, or -1. */
static int first_old_row(const nb_report *r)
{
    for (int i = 0; i < r->nextras; i++)
        if (r->extras[i].old_row > 0 && r->extras[i].old_row < 4)
            return i;
    return -1;
}

/* FORMAT.OUTDATED; *quoted is the extra row it quotes (-1 for none). */
static int outdated(const nb_report *r, nb_findings *out, nb_err *err, int *quoted)
{
    *quoted = -1;
    if (!r->year || !r->year_titled)
        return 0;
    size_t a, b, at = 0, len = 0;
    table_area(r, &a, &b);
    const char *t = r->doc.text, *w;
    int k;
    nb_finding_form form;
    if (r->year >= 2021) {
        /* the four T2 columns end in marks the format was told by, looked for
         * in the whole text (read/sections.c detect_format): a text read in
         * the 2021 layout holds none of them */
        int skip = r->format == 2021 ? 4 : 0;
        k = first_word(t, a, b, old_words + skip, (int)(sizeof old_words / sizeof old_words[0]) - skip, &at);
        if (k >= 0)
            k += skip;
        if (k < 0 && r->format == 2019) /* the format told by words outside the area */
            k = first_word(t, 0, r->doc.len, old_words, 4, &at);
        if (k < 0 && (*quoted = first_old_row(r)) >= 0) {
            const nb_extra *x = &r->extras[*quoted];
            w = old_row_words[x->old_row];
            at = x->off;
            len = x->len;
        } else if (k < 0) {
            return 0;
        } else {
            w = old_words[k];
        }
        form = NB_FORM_OLD_LAYOUT;
    } else {
        k = first_word(t, a, b, new_words, (int)(sizeof new_words / sizeof new_words[0]), &at);
        if (k < 0 || r->format != 2021)
            return 0;
        form = NB_FORM_NEW_EARLY;
        w = new_words[k];
    }
    nb_finding *f = nb_finding_add_at(out, NB_RULE_FORMAT_OUTDATED, at, err);
    if (!f)
        return -1;
    f->form = form;
    f->year = r->year;
    f->word = w;
    f->claim_off = at;
    f->claim_len = len ? len : strlen(w);
    f->numeral = r->format; /* the layout the tables were read in */
    if (form == NB_FORM_NEW_EARLY)
        f->severity = NB_SEV_INFO;
    return 0;
}

/* The extractor's rows and columns beyond the template (but the one
 * FORMAT.OUTDATED quotes already). */
static int extra(const nb_report *r, int quoted, nb_findings *out, nb_err *err)
{
    for (int i = 0; i < r->nextras; i++) {
        const nb_extra *x = &r->extras[i];
        if (i == quoted)
            continue;
        nb_finding *f = nb_finding_add_at(out, NB_RULE_STRUCT_EXTRA, x->off, err);
        if (!f)
            return -1;
        f->form = x->column ? NB_FORM_EXTRA_COL : x->old_row ? NB_FORM_OLD_ROW : NB_FORM_EXTRA_ROW;
        f->claim_off = x->off;
        f->claim_len = x->len;
        f->table = x->table;
    }
    return 0;
}

int nb_check_format(const nb_report *r, nb_findings *out, nb_err *err)
{
    int quoted;
    if (outdated(r, out, err, &quoted) != 0)
        return -1;
    return extra(r, quoted, out, err);
}
