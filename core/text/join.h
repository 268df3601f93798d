/* join.h — prose with its lines joined: the line breaks a PDF or a narrow
 * page put inside sentences (受理政府\n信息公开申请 17 件) taken out, so that
 * patterns read the sentence whole, with the map back to the original text
 * for every byte. */
#ifndef NB_JOIN_H
#define NB_JOIN_H

#include <stddef.h>
#include <stdint.h>

typedef struct nb_joined {
    const char *t;    /* the joined text, NUL-terminated: the original itself
                         when no line was joined, else buf */
    size_t n;
    char *buf;        /* the joined copy, or NULL */
    uint32_t *seg;    /* where each segment starts in t … */
    uint32_t *orig;   /* … and where it starts in the original */
    size_t nseg, cap;
} nb_joined;

/* Join the lines of text[0, n) that continue a sentence: a line ending
 * without 。！？；：…, with a Chinese character in it, not a numbered heading,
 * followed by a line that is not blank, not numbered, not a Markdown table
 * or heading, and not only digits. Lines touching [skip_from, skip_to) (the
 * tables) are left as they are. The text is copied only when a line is
 * joined: it must have the 64 zero bytes after it that a copy gets (the
 * document's text has them). 0, or -1 when out of memory or n is over
 * UINT32_MAX. */
int nb_join_lines(const char *text, size_t n, size_t skip_from, size_t skip_to, nb_joined *out);
void nb_joined_free(nb_joined *j);
/* The original offset of joined offset off. */
size_t nb_joined_orig(const nb_joined *j, size_t off);
/* The first joined offset whose original offset is at least orig; j->n
 * when none. */
size_t nb_joined_at(const nb_joined *j, size_t orig);

#endif
