/* value.h — what a table cell holds: a number (count or money), a blank, a
 * placeholder (/ - — 无), or text; and exact decimal arithmetic on numbers. */
#ifndef NB_VALUE_H
#define NB_VALUE_H

#include <stddef.h>

typedef enum {
    NB_ST_MISSING = 0,  /* the row or cell is not in the report */
    NB_ST_NUMBER,
    NB_ST_BLANK,
    NB_ST_PLACEHOLDER,
    NB_ST_TEXT,
    NB_ST_INFERRED      /* a number split from run-together digits by the table's sums */
} nb_status;

/* value = v / 10^scale, exactly. */
typedef struct nb_num {
    long long v;
    int scale;
} nb_num;

const char *nb_status_name(nb_status s);

/* Read a cell's text: full-width digits, thousands separators, a sign, a
 * decimal part and a unit (件 个 条 项 万元 元 次 %) are understood. */
nb_status nb_parse_value(const char *s, size_t n, nb_num *out);

/* Text is only digits (ASCII or full width): a candidate for run-together splitting. */
int nb_all_digits(const char *s, size_t n);

nb_num nb_num_int(long long v);
nb_num nb_num_add(nb_num a, nb_num b);
int nb_num_cmp(nb_num a, nb_num b);
int nb_num_is_int(nb_num a);
/* Format as plain decimal ("18651.06", "0", "-3"); returns bytes written. */
size_t nb_num_format(nb_num a, char *out, size_t cap);

#endif
