/* numerals.h — every way a number is written: a cell's text (a number,
 * a blank, a placeholder / - -- — 无 不涉及 不适用 N/A, or text), a percentage, Chinese numerals,
 * digit runs. */
#ifndef NB_NUMERALS_H
#define NB_NUMERALS_H

#include <stddef.h>
#include <stdint.h>
#include "base/err.h"
#include "text/num.h"

typedef enum {
    NB_ST_MISSING = 0,  /* the row or cell is not in the report */
    NB_ST_NUMBER,
    NB_ST_BLANK,
    NB_ST_PLACEHOLDER,
    NB_ST_TEXT,
    NB_ST_INFERRED      /* a number split from run-together digits by the table's sums */
} nb_status;

/* A status's name ("blank": exports, the review file, English screens)
 * and its word in the language asked ("blank" / "空白"). */
const char *nb_status_name(nb_status s);
const char *nb_status_label(nb_status s, nb_lang lang);

/* Read a cell's text: full-width digits, thousands separators, a sign, a
 * decimal part and a unit (件 个 条 项 万元 元 次 %) are understood. A
 * number with more than NB_NUM_MAX_INT digits before the point or
 * NB_NUM_MAX_SCALE after it is text (nb_value_fits says which). */
nb_status nb_parse_value(const char *s, size_t n, nb_num *out);

/* Why text written as a number is not read as one. */
typedef enum { NB_VALUE_FITS, NB_VALUE_TOO_LONG, NB_VALUE_TOO_PRECISE } nb_value_fit;
nb_value_fit nb_value_fits(const char *s, size_t n);

/* A percentage as written: "98.5%", "100 ％" (the number as a cell's, the
 * unit %). 0 and the value in *pct (98.5), or -1 when it is not one. */
int nb_parse_percent(const char *s, size_t n, double *pct);

/* Text is only digits (ASCII or full width): a candidate for run-together splitting. */
int nb_all_digits(const char *s, size_t n);
/* Could text starting with cp be a number or a placeholder (a digit, a
 * sign, a dash, 无 空 暂 不, N/A, *)? nb_parse_value says text at once where not. */
int nb_may_start_value(uint32_t cp);
/* Could text ending with cp (its last character) be a number or a
 * placeholder: a digit, a unit (件 … 万元 %), a dash, the last of 无 空
 * 不涉及 不适用 N/A, or the * or white space the reading trims? Where not,
 * nb_parse_value says text (or blank). */
int nb_may_end_value(uint32_t cp);

/* 一…九 → 1…9, 十 → 10, 〇/零 → 0, else -1. */
int nb_cn_digit(uint32_t cp);
/* The same in a date (二〇二五年), where ○ (U+25CB) is often written for 〇
 * and is 0 too. */
int nb_cn_date_digit(uint32_t cp);
/* Might cp be one of 一 … 十 and 两 (nb_cn_digit above 0)? They all lie in
 * U+4E00–U+56DB, and bit cp & 63 of NB_CN_DIGIT_BITS is set for each: a
 * character outside the range, or without its bit, is none of them, told
 * without a call. */
#define NB_CN_BIT(c) (1ull << ((c) & 63))
#define NB_CN_DIGIT_BITS                                                                                               \
    (NB_CN_BIT(0x4E00) | NB_CN_BIT(0x4E8C) | NB_CN_BIT(0x4E24) | NB_CN_BIT(0x4E09) | NB_CN_BIT(0x56DB) |              \
     NB_CN_BIT(0x4E94) | NB_CN_BIT(0x516D) | NB_CN_BIT(0x4E03) | NB_CN_BIT(0x516B) | NB_CN_BIT(0x4E5D) |              \
     NB_CN_BIT(0x5341))
static inline int nb_cn_digit_may(uint32_t cp)
{
    return cp - 0x4E00 <= 0x56DB - 0x4E00 && (NB_CN_DIGIT_BITS >> (cp & 63)) & 1;
}
/* A number as written: 12, １２, 十二, 一百零五, 两, 二〇二四. -1 if none. */
long long nb_parse_cn_number(const char *s, size_t n);
/* A count written at s[i] in s[lo, end): ASCII digits (not the tail of a
 * longer run), spaces, then one of units (NULL-terminated: "件", "条"). Its
 * value, *digits_end where the digits end and *unit_end past the unit; -1
 * when there is none at i. */
long long nb_count_at(const char *s, size_t lo, size_t i, size_t end, const char *const *units, size_t *digits_end,
                      size_t *unit_end);

#endif
