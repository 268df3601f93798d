/* pdf_page.c — the PDF reader's tables and blocks: adding, finding, freeing. */
#include "read/pdf_page.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

nb_pcell *nb_ptable_at(nb_ptable *t, int row, int col)
{
    for (size_t k = 0; k < t->ncells; k++) {
        nb_pcell *c = &t->cells[k];
        if (row >= c->row && row < c->row + c->rowspan && col >= c->col && col < c->col + c->colspan)
            return c;
    }
    return NULL;
}

int nb_ptable_add(nb_ptable *t, int row, int col, int rowspan, int colspan, int page, const char *s, size_t n)
{
    if (nb_grow(&t->cells, &t->cap, t->ncells + 1, sizeof *t->cells, 16) != 0)
        return -1;
    char *text = malloc(n + 1);
    if (!text)
        return -1;
    if (n)
        memcpy(text, s, n);
    text[n] = '\0';
    t->cells[t->ncells++] = (nb_pcell){row, col, rowspan, colspan, page, text, n};
    return 0;
}

void nb_ptable_free(nb_ptable *t)
{
    if (!t)
        return;
    for (size_t k = 0; k < t->ncells; k++)
        free(t->cells[k].text);
    free(t->cells);
    free(t->xs);
    free(t);
}

void nb_pblock_free(nb_pblock *b)
{
    free(b->text);
    nb_ptable_free(b->table);
    b->text = NULL;
    b->table = NULL;
}

int nb_pblocks_add(nb_pblocks *bs, nb_pblock blk)
{
    if (nb_grow(&bs->b, &bs->cap, bs->n + 1, sizeof *bs->b, 32) != 0) {
        nb_pblock_free(&blk);
        return -1;
    }
    bs->b[bs->n++] = blk;
    return 0;
}

void nb_pblocks_free(nb_pblocks *bs)
{
    for (size_t i = 0; i < bs->n; i++)
        nb_pblock_free(&bs->b[i]);
    free(bs->b);
    memset(bs, 0, sizeof *bs);
}
