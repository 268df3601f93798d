/* pdf_text.h — text from positioned glyphs: glyphs grouped into lines (top
 * to bottom, left to right), a line's text with spaces where the gap is
 * wide, lines joined into a cell's text or into paragraphs. */
#ifndef NB_PDF_TEXT_H
#define NB_PDF_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "read/pdf_page.h"

/* A growing UTF-8 string. */
typedef struct nb_pstr {
    char *s;
    size_t len, cap;
} nb_pstr;

int nb_pstr_put(nb_pstr *s, const char *p, size_t n);
int nb_pstr_cp(nb_pstr *s, uint32_t cp);
/* Append p as the next line of the same text: CJK joins without a space,
 * Latin words get one. */
int nb_pstr_join(nb_pstr *s, const char *p, size_t n);

/* One line: glyph indices idx[first, first + n) in ls->idx, left to right. */
typedef struct nb_pline {
    nb_pbox b;
    double h;            /* the line's glyph height (median) */
    size_t first, n;
} nb_pline;

typedef struct nb_plines {
    size_t *idx;
    nb_pline *l;
    size_t nl;
} nb_plines;

/* Group glyphs idx[0, n) of g into lines. */
int nb_pdf_lines(const nb_pglyph *g, const size_t *idx, size_t n, nb_plines *out);
void nb_plines_free(nb_plines *ls);

/* Is the gap between glyphs a and b (a left of b, one line of height h) a space? */
int nb_pdf_gap_is_space(const nb_pglyph *a, const nb_pglyph *b, double h);
/* Append glyphs [from, to) of line k (positions in the line) with spaces at wide gaps. */
int nb_pdf_line_text(const nb_pglyph *g, const nb_plines *ls, size_t k, size_t from, size_t to, nb_pstr *out);
/* All lines of ls joined as one text (a cell's). */
int nb_pdf_text_of(const nb_pglyph *g, const nb_plines *ls, nb_pstr *out);

/* Lines [from, to) of ls as paragraphs (blocks) of page `page`: a new
 * paragraph after a wider gap, at a change of size, at an indented line,
 * or after a line that stops short of the right margin. */
int nb_pdf_paragraphs(const nb_pglyph *g, const nb_plines *ls, size_t from, size_t to, int page, nb_pblocks *out);

#endif
