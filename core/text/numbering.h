/* numbering.h — numbering markers (一、 （三） (3) 1. 1、 1．). */
#ifndef NB_NUMBERING_H
#define NB_NUMBERING_H

#include <stddef.h>
#include <stdint.h>

/* Strip numbering prefixes from folded code points c[0, n); returns how
 * many code points they take, *had = 1 when there was one. */
int nb_numbering_strip(uint32_t *c, int n, int *had);
/* Length in bytes of a numbering marker at s[i] (s ends at end), 0 if none. */
size_t nb_numbering_len(const char *s, size_t end, size_t i);

#endif
