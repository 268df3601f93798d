/* glob.h — the one wildcard of names the user writes (rule IDs in the
 * configuration, cell IDs in the metrics): '*' matches any run of
 * characters, every other character only itself. */
#ifndef NB_GLOB_H
#define NB_GLOB_H

/* Whether pattern has a '*'. */
int nb_glob_is_pattern(const char *pattern);
/* Whether s matches pattern as a whole ("TEXT.*" matches "TEXT.RATE"). */
int nb_glob_match(const char *pattern, const char *s);

#endif
