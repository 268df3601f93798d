/* cellvalue.c — whether a value fits a cell of the format, and why not
 * (cellvalue.h). */
#include "model/cellvalue.h"
#include "text/numerals.h"

#include <string.h>

/* The largest amount a cell may hold (a count or money, in the report's
 * units): NB_NUM_MAX_INT (twelve) digits before the point. */
#define VALUE_MAX 999999999999LL

nb_cell_value nb_cell_value_check(const nb_schema *sc, int ci, const char *text, nb_num *v, int *money)
{
    int row, col;
    nb_schema_cell_pos(sc, ci, &row, &col);
    const nb_row *rw = &sc->rows[row];
    int sign = rw->signed_col == col;
    *money = rw->money_col == col;
    nb_num max = nb_num_int(VALUE_MAX), min = nb_num_int(sign ? -VALUE_MAX : 0);
    nb_value_fit fit = nb_value_fits(text, strlen(text));
    if (fit == NB_VALUE_TOO_LONG)
        return NB_CV_RANGE;
    if (fit == NB_VALUE_TOO_PRECISE) /* past what is read at all */
        return NB_CV_PRECISE;
    if (nb_parse_value(text, strlen(text), v) != NB_ST_NUMBER)
        return NB_CV_NOT_NUMBER;
    if (v->v < 0 && !sign)
        return NB_CV_NEGATIVE;
    if ((!*money && !nb_num_is_int(*v)) || (*money && v->scale > 4))
        return NB_CV_PRECISE;
    if (nb_num_cmp(*v, max) > 0 || nb_num_cmp(*v, min) < 0)
        return NB_CV_RANGE;
    return NB_CV_FITS;
}

const char *nb_cell_value_reason(nb_cell_value w, int money, nb_lang lang)
{
    switch (w) {
    case NB_CV_NOT_NUMBER: return nb_tr(lang, "not a number", "不是数字");
    case NB_CV_RANGE: return nb_tr(lang, "out of range (at most twelve digits before the point)", "超出范围（整数部分最多十二位）");
    case NB_CV_PRECISE:
        return money ? nb_tr(lang, "money has at most four decimals", "金额最多四位小数")
                     : nb_tr(lang, "a count is a whole number", "件数应为整数");
    case NB_CV_NEGATIVE:
        return money ? nb_tr(lang, "an amount of money is never negative", "金额不能为负数")
                     : nb_tr(lang, "a count is never negative", "件数不能为负数");
    default: return "";
    }
}
