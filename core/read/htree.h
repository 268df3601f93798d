/* htree.h — an HTML page as a light tree, built from libxml2's SAX parser
 * into one arena: only what the HTML reader looks at (elements by kind and
 * table role, cell spans, text), with script, style, head, navigation and
 * other chrome left out as the page is parsed. Elements nested past 200
 * deep are not kept apart (their text goes to the deepest one kept). */
#ifndef NB_HTREE_H
#define NB_HTREE_H

#include <stddef.h>
#include "read/fmt_lib.h"

/* How an element lays out its content. */
enum { NB_HK_INLINE, NB_HK_BLOCK, NB_HK_BR, NB_HK_TABLE, NB_HK_PRE };
/* Its part in a table, or in the page. */
enum { NB_HT_OTHER, NB_HT_TR, NB_HT_TD, NB_HT_THEAD, NB_HT_TBODY, NB_HT_TFOOT, NB_HT_CAPTION };

typedef struct nb_hnode {
    struct nb_hnode *next, *children, *last;
    const char *text;      /* a text node's bytes (UTF-8), else NULL */
    size_t len;
    unsigned char kind;    /* NB_HK_* (elements) */
    unsigned char tag;     /* NB_HT_* (td and th are both NB_HT_TD) */
    int rowspan, colspan;  /* cells: as written; missing or unreadable 1, "0" stays 0 */
} nb_hnode;

typedef struct nb_harena nb_harena;

/* Room for the address of a page's first attachment. */
#define NB_HTREE_ATTACH 192

typedef struct nb_htree {
    nb_hnode *root;        /* holds the page's top elements */
    int wv;                /* made by wvHtml: its tables mark covered slots with rowspan="0" */
    /* Outside the chrome: the documents the page links or embeds (a .pdf,
     * .doc, .docx, .wps, .ofd, .xls or .xlsx by <a href>, or shown by an
     * <iframe>, <embed> or <object>, a PDF viewer's ?file= included), the
     * first one's address (cut at a character), and the images. */
    int nattach, nimages;
    char attach[NB_HTREE_ATTACH];
    nb_harena *arena;
} nb_htree;

/* Parse the page (valid UTF-8, n bytes) with libxml2's functions X (the
 * caller has them from nb_xml_lib_get, which says when the library is
 * missing). 0, or -1 out of memory. */
int nb_htree_parse(nb_htree *t, const nb_xml_lib *X, const char *utf8, size_t n);
void nb_htree_free(nb_htree *t);

#endif
