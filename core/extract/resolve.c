/* resolve.c — T3 rows whose run-together digits have several readings,
 * chosen together with the sums across rows: 总计 = Σ results, and
 * 一 + 二 = 总计 + 四 in each column; when no choice makes every sum hold
 * (the report's own error), the choices that break the fewest. */
#include "extract/internal.h"
#include "model/report.h"
#include "model/schema.h"
#include "text/num.h"

#include <string.h>

/* Choose among T3 rows' readings with the columns' sums (总计 = Σ results;
 * 一 + 二 = 总计 + 四). Only cells every best choice agrees on are read. */
typedef struct t3choice {
    int row;            /* schema row */
    const kept_readings *rd; /* its readings (two or more) */
    int pick;
} t3choice;

static int t3_role(const nb_schema *s, int row)
{
    const char *id = s->rows[row].id;
    if (!strcmp(id, "t3.new")) return 1;
    if (!strcmp(id, "t3.carried_in")) return 2;
    if (!strcmp(id, "t3.total")) return 3;
    if (!strcmp(id, "t3.carried_out")) return 4;
    return s->rows[row].table == NB_T3 ? 5 : 0;
}

/* What each T3 row is to the sums (t3_role), where its cells start, and
 * which choice (ch) reads it (-1: its cells as filled): worked out once,
 * not for every combination tried. */
typedef struct t3rows {
    int n;
    int role[MAXROWS], first[MAXROWS], chosen[MAXROWS];
} t3rows;

static void t3_rows(const nb_schema *s, const t3choice *ch, int nch, t3rows *R)
{
    R->n = 0;
    for (int row = 0; row < s->nrows && R->n < MAXROWS; row++) {
        int role = t3_role(s, row);
        if (!role)
            continue;
        int chosen = -1;
        for (int k = 0; k < nch; k++)
            if (ch[k].row == row)
                chosen = k;
        R->role[R->n] = role;
        R->first[R->n] = chosen >= 0 ? 0 : nb_schema_first_cell(s, row);
        R->chosen[R->n] = chosen;
        R->n++;
    }
}

/* How many of the column equations (总计 = Σ results; 一 + 二 = 总计 + 四)
 * fail when the rows being chosen take their picked readings. */
static int t3_failures(nb_report *r, const t3rows *R, t3choice *ch)
{
    int fails = 0;
    for (int c = 0; c < 7; c++) {
        nb_num sum_res = nb_num_int(0), v[5] = {{0, 0}};
        int known[5] = {0}, res_unknown = 0;
        for (int q = 0; q < R->n; q++) {
            int role = R->role[q];
            nb_num x = {0, 0};
            int ok = 0;
            int chosen = R->chosen[q];
            if (chosen >= 0) {
                x = ch[chosen].rd->found[ch[chosen].pick][c].num;
                ok = 1;
            } else {
                const nb_cell *cell = &r->cells[R->first[q] + c];
                if (cell->status == NB_ST_NUMBER || cell->status == NB_ST_INFERRED) {
                    x = cell->num;
                    ok = 1;
                } else if (cell->status == NB_ST_BLANK || cell->status == NB_ST_PLACEHOLDER) {
                    ok = 1;
                }
            }
            if (role == 5) {
                if (!ok)
                    res_unknown = 1;
                sum_res = nb_num_add(sum_res, x);
            } else {
                v[role] = x;
                known[role] = ok;
            }
        }
        if (known[3] && !res_unknown && nb_num_cmp(v[3], sum_res) != 0)
            fails++;
        if (known[1] && known[2] && known[3] && known[4] &&
            nb_num_cmp(nb_num_add(v[1], v[2]), nb_num_add(v[3], v[4])) != 0)
            fails++;
    }
    return fails;
}

void ex_t3_resolve(nb_report *r, const assembly *A, rowfill *fills, int nfill)
{
    t3choice ch[32];
    int nch = 0;
    long combos = 1;
    for (int f = 0; f < nfill; f++) {
        rowfill *F = &fills[f];
        if (!F->rd) /* kept for T3 rows alone (fill.c) */
            continue;
        if (nch < 32 && combos * F->rd->n <= 200000) {
            ch[nch].row = F->row;
            ch[nch].rd = F->rd;
            ch[nch].pick = 0;
            combos *= F->rd->n;
            nch++;
        }
    }
    if (!nch)
        return;
    /* enumerate; remember for each choice the readings of the combinations
     * with the fewest failing sums: none when the table adds up; when the
     * report's own sums break, the readings that break the fewest (its
     * error then shows on cells read, not behind unread ones) */
    unsigned char ok[32][MAXREAD];
    memset(ok, 0, sizeof ok);
    int least = -1;
    t3rows R;
    t3_rows(r->schema, ch, nch, &R);
    for (;;) {
        int fails = t3_failures(r, &R, ch);
        if (least < 0 || fails < least) {
            least = fails;
            memset(ok, 0, sizeof ok);
        }
        if (fails == least) {
            for (int k = 0; k < nch; k++)
                ok[k][ch[k].pick] = 1;
        }
        int k = 0;
        while (k < nch && ++ch[k].pick == ch[k].rd->n) {
            ch[k].pick = 0;
            k++;
        }
        if (k == nch)
            break;
    }
    for (int k = 0; k < nch; k++) {
        part rd[MAXREAD][MAXPARTS];
        int nrd = 0;
        for (int p = 0; p < ch[k].rd->n; p++)
            if (ok[k][p])
                memcpy(rd[nrd++], ch[k].rd->found[p], sizeof rd[0]);
        for (int f = 0; f < nfill; f++)
            if (fills[f].row == ch[k].row)
                ex_fill_from_readings(r, A, ch[k].row, fills[f].idx, fills[f].n, 7, rd, nrd, nrd, 0);
    }
}
