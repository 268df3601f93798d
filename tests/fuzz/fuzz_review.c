/* fuzz_review.c — review file bytes loaded, applied to a report (its
 * entries that do not fit become REVIEW.STALE findings and messages), the
 * report exported with the review, the review saved, loaded back and saved
 * again: the oracle is that the second save is byte-identical to the first
 * (what nianbao writes it reads back the same), and fuzz.h's. */
#include "fuzz.h"
#include "review/stale.h"

/* The report the reviews are applied to (seed 002: blank cells, findings),
 * its cells as read kept apart to start each input afresh. */
static nb_report *report(nb_cell **cells)
{
    static nb_report r;
    static nb_cell *orig;
    static int ready;
    if (!ready) {
        nb_err err;
        if (nb_report_open(&r, "tests/data/seed002.txt", fz_ctx(), &err) != 0)
            abort();
        orig = malloc((size_t)r.ncells * sizeof *orig);
        memcpy(orig, r.cells, (size_t)r.ncells * sizeof *orig);
        ready = 1;
    }
    memcpy(r.cells, orig, (size_t)r.ncells * sizeof *orig);
    *cells = orig;
    return &r;
}

/* The bytes of the file at path, or abort. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        abort();
    char *b = NULL;
    size_t cap = 0;
    FILE *m = open_memstream(&b, &cap);
    int c;
    while ((c = fgetc(f)) != EOF)
        fputc(c, m);
    fclose(f);
    fclose(m);
    *n = cap;
    return b;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char in[300], a[300], b[300];
    fz_path(in, sizeof in, "in.review");
    fz_path(a, sizeof a, "a.review");
    fz_path(b, sizeof b, "b.review");
    if (fz_write(in, data, size) != 0)
        abort();
    nb_review rv, back;
    nb_err err;
    if (nb_review_load(&rv, in, NB_LANG_EN, &err) != 0)
        return 0;
    nb_cell *orig;
    nb_report *r = report(&orig);
    nb_rv_problems pr = {0};
    if (nb_review_apply(&rv, r, &pr) < 0)
        abort();
    nb_findings fs = {0};
    if (nb_review_stale_findings(&rv, r, &pr, &fs, &err) != 0)
        abort();
    fz_messages(r, &fs);
    nb_findings_free(&fs);
    nb_rv_problems_free(&pr);
    fz_exercise(r, &rv);
    if (nb_review_save(&rv, a, NB_LANG_EN, &err) != 0 || nb_review_load(&back, a, NB_LANG_EN, &err) != 0 ||
        nb_review_save(&back, b, NB_LANG_EN, &err) != 0)
        abort(); /* what was written must read back */
    size_t na, nb;
    char *ba = slurp(a, &na), *bb = slurp(b, &nb);
    if (na != nb || memcmp(ba, bb, na) != 0 || nb_utf8_invalid((const unsigned char *)ba, na))
        abort();
    free(ba);
    free(bb);
    nb_review_free(&back);
    nb_review_free(&rv);
    return 0;
}
