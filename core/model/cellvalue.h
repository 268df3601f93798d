/* cellvalue.h — whether a value fits a cell of the format: a number, not
 * negative unless its column may be, a whole count or money with at most
 * four decimals, twelve digits before the point at most; and why not, in
 * the reader's language. The console's editor and a review's corrections
 * (a file edited by hand) hold values to the same rules. */
#ifndef NB_CELLVALUE_H
#define NB_CELLVALUE_H

#include "base/err.h"
#include "model/schema.h"
#include "text/num.h"

typedef enum {
    NB_CV_FITS,
    NB_CV_NOT_NUMBER,
    NB_CV_RANGE,    /* more than twelve digits before the point */
    NB_CV_PRECISE,  /* a count with a fraction, money with more than four decimals */
    NB_CV_NEGATIVE  /* below zero in a column that may not be */
} nb_cell_value;

/* Whether text fits cell ci of sc; its value in *v when it does; *money:
 * the cell is an amount of money. */
nb_cell_value nb_cell_value_check(const nb_schema *sc, int ci, const char *text, nb_num *v, int *money);
/* Why a value does not fit, as people read it ("a count is never negative"). */
const char *nb_cell_value_reason(nb_cell_value w, int money, nb_lang lang);

#endif
