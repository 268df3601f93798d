/* dates.c — the report's dates: YEAR.MISMATCH (the report's year against
 * its statistic period), PERIOD.INCOMPLETE (no period, or not a whole
 * calendar year), DATE.IMPOSSIBLE (signed or published before the year was
 * over, signed in a year after the next) and DATE.LATE (published, else
 * signed, after the statutory date: 31 January for departments, 31 March
 * for county and higher governments, none for 乡镇 and 街道). */
#include "check/internal.h"
#include "model/body.h"
#include "base/utf8.h"
#include "text/numerals.h"

#include <string.h>

static long date_key(nb_date d)
{
    return (long)d.y * 10000 + d.m * 100 + d.d;
}

/* Past the spaces, then the digits (ASCII or full width, or Chinese
 * numerals: 二〇二五, ○ for 〇) at t[i]. */
static size_t past_digits(const char *t, size_t i, size_t end)
{
    while (i < end && t[i] == ' ')
        i++;
    while (i < end) {
        size_t j = i;
        uint32_t c = (unsigned char)t[i] >= 0xE2 ? nb_utf8_get(t, end, &j) : 0;
        if (t[i] >= '0' && t[i] <= '9')
            i++;
        else if (end - i >= 3 && (unsigned char)t[i] == 0xEF && (unsigned char)t[i + 1] == 0xBC &&
                 (unsigned char)t[i + 2] >= 0x90 && (unsigned char)t[i + 2] <= 0x99)
            i += 3;
        else if (c && nb_cn_date_digit(c) >= 0)
            i = j;
        else
            break;
    }
    return i;
}

/* The bytes a date written at off takes: "2025年1月15日", "2025-01-15":
 * three runs of digits with 年 月 (日) or - / . between. */
static size_t date_len(const nb_report *r, size_t off)
{
    static const char *const seps[] = {"年", "月", "日", "-", "/", "."};
    const char *t = r->doc.text;
    size_t end = off + 40 < r->doc.len ? off + 40 : r->doc.len, i = off;
    for (int group = 0; group < 3; group++) {
        i = past_digits(t, i, end);
        size_t j = i;
        while (j < end && t[j] == ' ')
            j++;
        for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
            size_t l = strlen(seps[k]);
            if (end - j >= l && !memcmp(t + j, seps[k], l) && (group < 2 || k == 2)) {
                i = j + l;
                break;
            }
        }
    }
    return i - off;
}

/* A finding that quotes a date of the report. */
static nb_finding *date_finding(const nb_report *r, nb_rule_id rule, nb_date d, size_t off, nb_findings *out,
                                nb_err *err)
{
    nb_finding *f = nb_finding_add_at(out, rule, off, err);
    if (f) {
        f->date[0] = d;
        f->year = r->year;
        f->claim_off = off;
        f->claim_len = date_len(r, off);
    }
    return f;
}

static int year_mismatch(const nb_report *r, nb_findings *out, nb_err *err)
{
    if (!r->year || !r->period_from.y || (r->period_from.y == r->year && r->period_to.y == r->year))
        return 0;
    nb_finding *f = nb_finding_add_at(out, NB_RULE_YEAR_MISMATCH, r->period_off, err);
    if (!f)
        return -1;
    f->year = r->year;
    f->date[0] = r->period_from;
    f->date[1] = r->period_to;
    return 0;
}

/* No period (info), or one that is not 1 January to 31 December of one
 * year; the year itself is YEAR.MISMATCH's. */
static int period_incomplete(const nb_report *r, nb_findings *out, nb_err *err)
{
    nb_date a = r->period_from, b = r->period_to;
    if (!a.y) {
        nb_finding *f = nb_finding_add(out, NB_RULE_PERIOD_INCOMPLETE, err);
        if (f) {
            f->form = NB_FORM_NO_PERIOD;
            f->severity = NB_SEV_INFO;
        }
        return f ? 0 : -1;
    }
    if (a.m == 1 && a.d == 1 && b.m == 12 && b.d == 31 && a.y == b.y)
        return 0;
    nb_finding *f = nb_finding_add_at(out, NB_RULE_PERIOD_INCOMPLETE, r->period_off, err);
    if (!f)
        return -1;
    f->form = NB_FORM_PART_YEAR;
    f->date[0] = a;
    f->date[1] = b;
    f->claim_off = r->period_off;
    f->claim_len = r->period_len;
    return 0;
}

/* Signed or published on or before 31 December of the report's year, or
 * signed in a year after the next: 1 when found (and added). Only for a
 * year the title states. */
static int date_impossible(const nb_report *r, nb_findings *out, nb_err *err)
{
    if (!r->year || !r->year_titled)
        return 0;
    long end = date_key((nb_date){r->year, 12, 31});
    nb_finding_form form = NB_FORM_NONE;
    nb_date d = r->signed_on;
    size_t off = r->signed_off;
    if (r->signed_on.y && date_key(r->signed_on) <= end)
        form = NB_FORM_SIGNED_EARLY;
    else if (r->signed_on.y > r->year + 1)
        form = NB_FORM_SIGNED_LATER;
    else if (r->published_on.y && date_key(r->published_on) <= end) {
        form = NB_FORM_PUBLISHED_EARLY;
        d = r->published_on;
        off = r->published_off;
    }
    if (form == NB_FORM_NONE)
        return 0;
    nb_finding *f = date_finding(r, NB_RULE_DATE_IMPOSSIBLE, d, off, out, err);
    if (!f)
        return -1;
    f->form = form;
    return 1;
}

/* The statutory date: 31 March for a county or higher government (and a
 * zone's committee), none for a township, else 31 January. */
static int date_late(const nb_report *r, nb_body body, nb_findings *out, nb_err *err)
{
    int published = r->published_on.y != 0;
    nb_date d = published ? r->published_on : r->signed_on;
    if (!r->year || !d.y || body == NB_BODY_TOWNSHIP)
        return 0;
    int gov = nb_body_is_government(body) || body == NB_BODY_ZONE;
    nb_date deadline = {r->year + 1, gov ? 3 : 1, 31};
    if (date_key(d) <= date_key(deadline))
        return 0;
    nb_finding *f = date_finding(r, NB_RULE_DATE_LATE, d, published ? r->published_off : r->signed_off, out, err);
    if (!f)
        return -1;
    f->date[1] = deadline;
    f->government = gov;
    f->body = (int)body;
    if (published) {
        f->form = NB_FORM_PUBLISHED;
        f->severity = NB_SEV_WARNING;
    }
    return 0;
}

int nb_check_dates(const nb_report *r, nb_body body, nb_findings *out, nb_err *err)
{
    if (year_mismatch(r, out, err) != 0 || period_incomplete(r, out, err) != 0)
        return -1;
    int impossible = date_impossible(r, out, err);
    if (impossible < 0)
        return -1;
    return impossible ? 0 : date_late(r, body, out, err);
}
