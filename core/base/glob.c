/* glob.c — '*' wildcards: matched by the usual greedy walk that backs up to
 * the last star, in time linear in the length of the pattern times s. */
#include "base/glob.h"

#include <string.h>

int nb_glob_is_pattern(const char *pattern)
{
    return strchr(pattern, '*') != NULL;
}

int nb_glob_match(const char *p, const char *s)
{
    const char *star = NULL, *resume = NULL;
    while (*s) {
        if (*p == '*') {
            star = ++p;
            resume = s;
        } else if (*p == *s) {
            p++;
            s++;
        } else if (star) {
            p = star;
            s = ++resume;
        } else {
            return 0;
        }
    }
    while (*p == '*')
        p++;
    return *p == '\0';
}
