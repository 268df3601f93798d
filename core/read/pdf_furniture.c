/* pdf_furniture.c — page numbers and running lines: the text in a page's
 * margins that belongs to the pages, not to the report, so that it neither
 * reads as a paragraph nor parts a table continued over a page break. */
#include "read/pdf_furniture.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

#define RUNNING_MAX_BYTES 160 /* a running line is short */
enum { RUNNING = 2 };         /* nb_pblock.margin of a running line found */

int nb_pdf_in_margin(const nb_pblock *b, double page_h)
{
    return !b->table && (b->top >= 0.9 * page_h || b->bottom <= 0.08 * page_h);
}

int nb_pdf_is_page_number(const nb_pblock *b, double page_h)
{
    if (!nb_pdf_in_margin(b, page_h) || b->len > 40)
        return 0;
    static const uint32_t ok[] = {' ', '-', '/', '.', 0xB7, 0x2013, 0x2014, 0x2015, 0x2212, 0xFF0D, 0xFF0F, 0x7B2C, 0x9875, 0x5171};
    int digits = 0;
    for (size_t i = 0; i < b->len;) {
        uint32_t c = nb_utf8_get(b->text, b->len, &i);
        int fits = (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
        digits += fits;
        for (size_t k = 0; k < sizeof ok / sizeof *ok && !fits; k++)
            fits = c == ok[k];
        if (!fits)
            return 0;
    }
    return digits > 0;
}

static int is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Whether a's and b's texts are the same but for their figures (a page's
 * number, a count of pages) and white space. */
static int same_but_figures(const nb_pblock *a, const nb_pblock *b)
{
    size_t i = 0, j = 0;
    for (;;) {
        uint32_t c = 0, d = 0;
        while (i < a->len && ((c = nb_utf8_get(a->text, a->len, &i)) == ' ' || c == 0x3000 || is_digit(c)))
            c = 0;
        while (j < b->len && ((d = nb_utf8_get(b->text, b->len, &j)) == ' ' || d == 0x3000 || is_digit(d)))
            d = 0;
        if (c != d)
            return 0;
        if (!c)
            return 1;
    }
}

static int is_candidate(const nb_pblock *b)
{
    return b->margin && b->text && b->len && b->len <= RUNNING_MAX_BYTES;
}

void nb_pdf_drop_running_lines(nb_pblocks *bs)
{
    for (size_t i = 0; i < bs->n; i++) /* marked first, left out after: each is compared with all */
        for (size_t k = 0; k < bs->n && bs->b[i].margin == 1 && is_candidate(&bs->b[i]); k++)
            if (k != i && bs->b[k].page != bs->b[i].page && is_candidate(&bs->b[k]) &&
                same_but_figures(&bs->b[i], &bs->b[k]))
                bs->b[i].margin = RUNNING;
    size_t m = 0;
    for (size_t i = 0; i < bs->n; i++) {
        if (bs->b[i].margin == RUNNING)
            nb_pblock_free(&bs->b[i]);
        else
            bs->b[m++] = bs->b[i];
    }
    bs->n = m;
}
