/* num.c — exact decimal arithmetic on cell values (value = v / 10^scale). */
#include "text/num.h"

#include <stdio.h>
#include <string.h>

nb_num nb_num_int(long long v)
{
    nb_num n = {v, 0};
    return n;
}

static long long pow10ll(int k)
{
    long long p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

nb_num nb_num_add(nb_num a, nb_num b)
{
    nb_num r;
    if (a.scale < b.scale) {
        a.v *= pow10ll(b.scale - a.scale);
        a.scale = b.scale;
    } else if (b.scale < a.scale) {
        b.v *= pow10ll(a.scale - b.scale);
        b.scale = a.scale;
    }
    r.v = a.v + b.v;
    r.scale = a.scale;
    return r;
}

int nb_num_cmp(nb_num a, nb_num b)
{
    if (a.scale < b.scale) {
        a.v *= pow10ll(b.scale - a.scale);
    } else if (b.scale < a.scale) {
        b.v *= pow10ll(a.scale - b.scale);
    }
    return (a.v > b.v) - (a.v < b.v);
}

int nb_num_is_int(nb_num a)
{
    return a.scale == 0 || a.v % pow10ll(a.scale) == 0;
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
    if (a.scale == 0 && a.v >= 0 && a.v < 10 && cap >= 2) {
        out[0] = (char)('0' + a.v);
        out[1] = '\0';
        return 1;
    }
    if (a.scale == 0)
        return (size_t)snprintf(out, cap, "%lld", a.v);
    long long p = pow10ll(a.scale);
    long long ip = a.v / p, fp = a.v % p;
    const char *sign = "";
    if (a.v < 0) {
        sign = "-";
        ip = -ip;
        fp = -fp;
    }
    return (size_t)snprintf(out, cap, "%s%lld.%0*lld", sign, ip, a.scale, fp);
}
