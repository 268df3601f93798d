/* dates.c — YEAR.MISMATCH (the report's year against its statistic period)
 * and DATE.LATE (signed after the deadline: 31 March of the next year for
 * governments, 31 January for their departments). */
#include "check/internal.h"

#include <string.h>

/* Governments have until 31 March, their departments until 31 January. */
static int is_government(const char *agency)
{
    static const char *const marks[] = {"人民政府", "管委会", "管理委员会", "街道办事处", "行政公署"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strstr(agency, marks[i]))
            return 1;
    size_t n = strlen(agency);
    static const char *const places[] = {"镇", "乡", "县", "区", "市", "省", "街道", "自治州", "盟", "旗"};
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        size_t pl = strlen(places[i]);
        if (n >= pl && !strcmp(agency + n - pl, places[i]))
            return 1;
    }
    return 0;
}

static long date_key(nb_date d)
{
    return (long)d.y * 10000 + d.m * 100 + d.d;
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

static int date_late(const nb_report *r, nb_findings *out, nb_err *err)
{
    if (!r->year || !r->signed_on.y)
        return 0;
    int gov = is_government(r->agency);
    nb_date deadline = {r->year + 1, gov ? 3 : 1, 31};
    if (date_key(r->signed_on) <= date_key(deadline))
        return 0;
    nb_finding *f = nb_finding_add_at(out, NB_RULE_DATE_LATE, r->signed_off, err);
    if (!f)
        return -1;
    f->date[0] = r->signed_on;
    f->date[1] = deadline;
    f->government = gov;
    return 0;
}

int nb_check_dates(const nb_report *r, nb_findings *out, nb_err *err)
{
    if (year_mismatch(r, out, err) != 0)
        return -1;
    return date_late(r, out, err);
}
