/* num.c — exact decimal arithmetic on cell values (value = v / 10^scale),
 * checked: operands are aligned and added in 128 bits, and a result that
 * does not fit in 64 is refused (checked) or saturated, never wrapped. */
#include "text/num.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

typedef __int128 wide;

/* Scales beyond this are taken as this (18 digits fit in 64 bits). */
#define SCALE_CAP 18

static int clamp_scale(int s)
{
    return s < 0 ? 0 : s > SCALE_CAP ? SCALE_CAP : s;
}

static wide pow10w(int k)
{
    wide p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

/* a and b at the larger of their scales, as wide integers. */
static int align(nb_num a, nb_num b, wide *x, wide *y)
{
    int sa = clamp_scale(a.scale), sb = clamp_scale(b.scale), s = sa > sb ? sa : sb;
    *x = (wide)a.v * pow10w(s - sa);
    *y = (wide)b.v * pow10w(s - sb);
    return s;
}

nb_num nb_num_int(long long v)
{
    nb_num n = {v, 0};
    return n;
}

int nb_num_add_checked(nb_num a, nb_num b, nb_num *out)
{
    wide x, y;
    int s = align(a, b, &x, &y);
    wide r = x + y;
    if (r > LLONG_MAX || r < LLONG_MIN)
        return -1;
    out->v = (long long)r;
    out->scale = s;
    return 0;
}

nb_num nb_num_add(nb_num a, nb_num b)
{
    nb_num r;
    if (nb_num_add_checked(a, b, &r) == 0)
        return r;
    wide x, y;
    r.scale = align(a, b, &x, &y);
    r.v = x + y > 0 ? LLONG_MAX : LLONG_MIN;
    return r;
}

nb_num nb_num_neg(nb_num a)
{
    a.v = a.v == LLONG_MIN ? LLONG_MAX : -a.v;
    return a;
}

int nb_num_cmp(nb_num a, nb_num b)
{
    wide x, y;
    align(a, b, &x, &y);
    return (x > y) - (x < y);
}

int nb_num_is_int(nb_num a)
{
    int s = clamp_scale(a.scale);
    return s == 0 || (wide)a.v % pow10w(s) == 0;
}

nb_num nb_num_trim(nb_num a)
{
    while (a.scale > 0 && a.v % 10 == 0) {
        a.v /= 10;
        a.scale--;
    }
    return a;
}

size_t nb_num_format(nb_num a, char *out, size_t cap)
{
    if (a.scale <= 0 && a.v >= 0 && a.v < 10 && cap >= 2) {
        out[0] = (char)('0' + a.v);
        out[1] = '\0';
        return 1;
    }
    if (a.scale <= 0)
        return (size_t)snprintf(out, cap, "%lld", a.v);
    int s = clamp_scale(a.scale);
    unsigned long long mag = a.v < 0 ? 0ULL - (unsigned long long)a.v : (unsigned long long)a.v;
    unsigned long long p = (unsigned long long)pow10w(s);
    return (size_t)snprintf(out, cap, "%s%llu.%0*llu", a.v < 0 ? "-" : "", mag / p, s, mag % p);
}
