/* writer.h — the one writer of every export: bytes to a FILE or into a
 * growing buffer (a report's JSON is built in memory and written once), and
 * the one way a JSON string, a CSV field and a Markdown table cell are
 * escaped. A failure (out of memory, a write error) is remembered and told
 * by nb_writer_end. */
#ifndef NB_WRITER_H
#define NB_WRITER_H

#include <stddef.h>
#include <stdio.h>

typedef struct nb_writer {
    FILE *f;        /* write here; NULL: into b */
    char *b;
    size_t n, cap;
    int failed;     /* out of memory */
} nb_writer;

/* A writer to a FILE, or (f NULL) into memory. */
nb_writer nb_writer_to(FILE *f);
/* For a writer into memory, write what it holds to f and free it. 0, or -1
 * when something failed (also for a writer to a FILE: its error flag). */
int nb_writer_end(nb_writer *w, FILE *f);

void nb_put(nb_writer *w, const char *s, size_t n);
void nb_puts(nb_writer *w, const char *s);
void nb_put_uint(nb_writer *w, size_t v);
/* printf into the writer (at most 1023 bytes). */
void nb_putf(nb_writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* s (n bytes) as a JSON string literal, with its quotes. */
void nb_put_json(nb_writer *w, const char *s, size_t n);
void nb_put_json_cstr(nb_writer *w, const char *s);
/* s as a CSV field: quoted when it holds , " or a line end. */
void nb_put_csv(nb_writer *w, const char *s, size_t n);
/* s as a Markdown table cell: " s |", with | escaped and line ends as <br>. */
void nb_put_md_cell(nb_writer *w, const char *s);

#endif
