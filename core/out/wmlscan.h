/* wmlscan.h — the raw bytes of word/document.xml looked through without
 * parsing them into a tree: the byte ranges of its tags, and of every w:t
 * and w:tc element in document order, so an edit can change the text of a
 * few runs and leave every other byte as it was. */
#ifndef NB_WMLSCAN_H
#define NB_WMLSCAN_H

#include <stddef.h>

/* One tag: x[start, end) from '<' to '>' inclusive; its name x[name, name + name_len). */
typedef struct nb_xtag {
    size_t start, end;
    size_t name, name_len;
    int closing;   /* </name> */
    int empty;     /* <name ... /> */
} nb_xtag;

/* The next tag at or after *pos (comments, CDATA, processing instructions
 * and declarations are stepped over); *pos moves past it. 0, 1 at the end
 * of the input, -1 when a tag is not closed. */
int nb_xml_next_tag(const char *x, size_t n, size_t *pos, nb_xtag *t);

/* Is the tag's name prefix:local (or local when prefix is "")? */
int nb_xtag_is(const char *x, const nb_xtag *t, const char *prefix, const char *local);

/* An element: x[start, open_end) its start tag, x[open_end, close_start)
 * its content, x[close_start, end) its end tag (all equal to end when it is
 * an empty element <w:t/>). */
typedef struct nb_wml_el {
    size_t start, open_end, close_start, end;
} nb_wml_el;

typedef struct nb_wml {
    char prefix[32];   /* the WordprocessingML namespace's prefix on the root ("w") */
    nb_wml_el *t;      /* every w:t, in document order */
    int nt;
    nb_wml_el *tc;     /* every w:tc, in document order (of their start tags) */
    int ntc;
} nb_wml;

/* Look through document.xml; -1 when it is not what a docx holds (no
 * WordprocessingML root, unclosed tags or elements) or out of memory. */
int nb_wml_scan(const char *x, size_t n, nb_wml *w);
void nb_wml_free(nb_wml *w);

#endif
