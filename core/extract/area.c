/* area.c — where the tables are: between the 主动公开 heading and the
 * 存在的主要问题 heading, with each table's part of it. */
#include "extract/internal.h"
#include "base/utf8.h"
#include "model/report.h"

#include <string.h>

static size_t find_str(const char *t, size_t from, size_t to, const char *s)
{
    size_t n = strlen(s);
    if (to <= from)
        return (size_t)-1;
    const char *p = nb_find(t + from, to - from, s, n);
    return p ? (size_t)(p - t) : (size_t)-1;
}

/* The table area: from the first table heading (or, without one, the first
 * sure sign of a table) to the next section heading; where T2, T3 and T4
 * may start and where T2 and T3 must end. */
void ex_find_area(const nb_report *r, area *a)
{
    const nb_section *S = r->sec;
    size_t n = r->doc.len, none = (size_t)-1;
    size_t h2 = S[NB_SEC_ACTIVE].present ? S[NB_SEC_ACTIVE].head_off : none;
    size_t h3 = S[NB_SEC_REQUESTS].present ? S[NB_SEC_REQUESTS].head_off : none;
    size_t h4 = S[NB_SEC_REVIEW].present ? S[NB_SEC_REVIEW].head_off : none;
    size_t first = h2;
    if (h3 < first)
        first = h3;
    if (h4 < first)
        first = h4;
    if (first == none) {
        /* no table heading: the tables start at their first sure sign, if any */
        static const char *const marks[] = {"第二十条", "勾稽关系", "本年新收政府信息公开申请", "信息内容"};
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
            size_t m = find_str(r->doc.text, 0, n, marks[k]);
            if (m < first)
                first = m;
        }
        if (first == none) {
            a->start = a->end = a->t2s = a->t3s = a->t4s = a->t2e = a->t3e = 0;
            return; /* not a report's tables */
        }
        if (h2 == none)
            h2 = first;
    }
    size_t end = n;
    for (int s = NB_SEC_PROBLEMS; s <= NB_SEC_OTHER; s++)
        if (S[s].present && S[s].head_off > first && S[s].head_off < end)
            end = S[s].head_off;
    a->start = first;
    a->end = end;
    a->t2s = h2 != none ? h2 : first;
    a->t3s = h3 != none ? h3 : a->t2s;
    a->t4s = h4 != none ? h4 : a->t3s;
    a->t2e = h3 != none ? h3 : (h4 != none ? h4 : end);
    a->t3e = h4 != none ? h4 : end;
}
