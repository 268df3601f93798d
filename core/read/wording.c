/* wording.c — where a report words its structure otherwise than the
 * standard: a section heading found in another wording (五、存在的主要问题及
 * 整改措施, 四、政府信息公开行政复议和行政诉讼情况, or a subheading standing
 * where a converter lost the heading) and the statistic period named 统计时限
 * or 统计周期 for 统计期限. Each is recorded as a label with the standard
 * wording beside it (LABEL.DEVIATES), never as something missing. The
 * standard headings are normalised once, into the context. */
#include "read/internal.h"
#include "base/utf8.h"
#include "model/schema.h"
#include "text/label.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Past '#', '*', white space and a caption's 表N： at the heading's start. */
static size_t heading_words(const char *t, size_t i, size_t end)
{
    i = nb_skip_lead(t, i, end);
    if (end - i >= 9 && !memcmp(t + i, "表", 3)) {
        const char *colon = nb_find(t + i, end - i < 18 ? end - i : 18, "：", 3);
        if (colon)
            i = (size_t)(colon - t) + 3;
    }
    return i;
}

/* The heading's words without trailing punctuation or a parenthesis after
 * them ("（单位：件）"): its end. */
static size_t heading_end(const char *t, size_t a, size_t b)
{
    const char *open = nb_find(t + a, b - a, "（", 3);
    if (open && (size_t)(open - t) > a)
        b = (size_t)(open - t);
    return b;
}

int nb_wording_init(nb_ctx *c, nb_err *err)
{
    nb_ustr *want = malloc(NB_NSEC * sizeof *want);
    if (!want)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(c->lang, "out of memory", "内存不足"));
    for (int k = 0; k < NB_NSEC; k++) {
        const char *std = nb_section_title(k, NB_LANG_ZH);
        nb_norm(std, strlen(std), &want[k], NB_NORM_LABEL);
    }
    c->section_titles = want;
    return 0;
}

void nb_wording_free(nb_ctx *c)
{
    free(c->section_titles);
    c->section_titles = NULL;
}

static void section_wording(nb_report *r, const nb_ctx *ctx, int k)
{
    const nb_section *s = &r->sec[k];
    const char *t = r->doc.text;
    size_t end = s->head_off + s->head_len, a = heading_words(t, s->head_off, end);
    const char *std = nb_section_title(k, NB_LANG_ZH);
    size_t sl = strlen(std);
    /* the standard's very bytes (its normal form too), told before heading_end
       looks for a （: the standard's words hold none, so it would keep them whole */
    if (end - a == sl && !memcmp(t + a, std, sl))
        return;
    size_t b = heading_end(t, a, end);
    if (b - a == sl && !memcmp(t + a, std, sl))
        return;
    const nb_ustr *want = (const nb_ustr *)ctx->section_titles + k;
    nb_ustr found;
    nb_norm(t + a, b - a, &found, NB_NORM_LABEL);
    if (b <= a || nb_ustr_eq(&found, want))
        return;
    char id[16];
    snprintf(id, sizeof id, "section.%d", k + 1);
    nb_report_add_label(r, id, t + a, b - a, std, a);
}

/* 统计 and the word after it, when it is another than 期限. */
static void period_wording(nb_report *r)
{
    static const char *const words[] = {"周期", "时限", "时间", "区间", "时段", "范围"};
    const char *t = r->doc.text;
    size_t i = r->period_off + 6, n = r->period_off + r->period_len; /* past 统计 */
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (n - i >= 6 && !memcmp(t + i, words[k], 6)) {
            char found[16];
            snprintf(found, sizeof found, "统计%s", words[k]);
            nb_report_add_label(r, "period", found, strlen(found), "统计期限", r->period_off);
            return;
        }
}

void nb_record_wording(nb_report *r, const nb_ctx *ctx)
{
    for (int k = 0; k < NB_NSEC; k++)
        if (r->sec[k].present)
            section_wording(r, ctx, k);
    if (r->period_from.y)
        period_wording(r);
}
