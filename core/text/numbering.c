/* numbering.c — the numbering markers of sections, groups and items
 * (一、 （三） (3) 1. 1、 1．): measured in text and stripped from labels. */
#include "text/numbering.h"
#include "base/utf8.h"
#include "text/numerals.h"

static int is_num_punct(uint32_t c)
{
    return c == '.' || c == 0x3001 || c == ',' || c == ':' || c == ')' || c == 0x3002;
}

/* Strip numbering prefixes from folded code points; returns how many removed. */
int nb_numbering_strip(uint32_t *c, int n, int *had)
{
    int i = 0, any = 0;
    for (;;) {
        int j = i;
        if (j < n && c[j] == '(') {
            int k = j + 1;
            while (k < n && (nb_cn_digit(c[k]) > 0 || (c[k] >= '0' && c[k] <= '9')))
                k++;
            if (k > j + 1 && k < n && c[k] == ')') {
                i = k + 1;
                any = 1;
                continue;
            }
        }
        int k = j;
        while (k < n && nb_cn_digit(c[k]) > 0)
            k++;
        if (k > j && k - j <= 3 && k < n && (c[k] == 0x3001 || c[k] == '.' || c[k] == ',')) {
            i = k + 1;
            any = 1;
            continue;
        }
        k = j;
        while (k < n && c[k] >= '0' && c[k] <= '9')
            k++;
        if (k > j && k - j <= 2 && k < n && is_num_punct(c[k]) && c[k] != ':' &&
            !(c[k] == '.' && k + 1 < n && c[k + 1] >= '0' && c[k + 1] <= '9')) { /* 18.5 is a number */
            i = k + 1;
            any = 1;
            continue;
        }
        break;
    }
    *had = any;
    return i;
}


size_t nb_numbering_len(const char *s, size_t end, size_t i)
{
    size_t k = i;
    uint32_t c = nb_fold(nb_utf8_get(s, end, &k));
    if (c == '(') {
        size_t j = k;
        int digits = 0;
        while (j < end) {
            size_t jj = j;
            uint32_t d = nb_fold(nb_utf8_get(s, end, &jj));
            if (nb_cn_digit(d) > 0 || (d >= '0' && d <= '9')) {
                digits++;
                j = jj;
            } else {
                break;
            }
        }
        if (digits && j < end) {
            size_t jj = j;
            if (nb_fold(nb_utf8_get(s, end, &jj)) == ')')
                return jj - i;
        }
        return 0;
    }
    size_t j = i;
    int digits = 0, cn = 0;
    while (j < end && digits < 3) {
        size_t jj = j;
        uint32_t d = nb_fold(nb_utf8_get(s, end, &jj));
        if (nb_cn_digit(d) > 0) {
            cn = 1;
        } else if (!(d >= '0' && d <= '9')) {
            break;
        }
        digits++;
        j = jj;
    }
    if (!digits || j >= end)
        return 0;
    size_t jj = j;
    uint32_t p = nb_fold(nb_utf8_get(s, end, &jj));
    if (p == 0x3001 || (!cn && p == '.')) {
        /* "1." followed by a digit is a decimal number, not numbering */
        if (p == '.' && jj < end && s[jj] >= '0' && s[jj] <= '9')
            return 0;
        return jj - i;
    }
    return 0;
}

