/* doc.h — a report's bytes decoded to UTF-8 text, with the map from every
 * character back to its line, display column and byte offset in the file.
 * The file itself is only ever read. */
#ifndef NB_DOC_H
#define NB_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "base/err.h"

#define NB_MAX_FILE ((size_t)64 << 20) /* 64 MiB */
/* A document's text is at most this long, so that an offset in it (and in
 * its file) takes 32 bits in the line index: a file of NB_MAX_FILE bytes
 * decodes to at most 96 MiB; a document built from a structured file is
 * refused past it. */
#define NB_MAX_TEXT ((size_t)UINT32_MAX)

typedef enum {
    NB_ENC_UTF8 = 0,
    NB_ENC_UTF8_BOM,
    NB_ENC_GB18030,
    NB_ENC_UTF16LE,
    NB_ENC_UTF16BE
} nb_enc;

/* Room for an encoding's name as an export gives it (nb_doc_enc_name). */
#define NB_ENC_NAME 32

/* What the file is, by its content (read/detect). */
typedef enum { NB_KIND_TEXT = 0, NB_KIND_DOCX, NB_KIND_HTML, NB_KIND_PDF, NB_KIND_DOC } nb_kind;

struct nb_grid;

typedef struct nb_doc {
    char *path;          /* as given */
    nb_kind kind;        /* text, or the structured source the text was made from */
    char *text;          /* UTF-8, NUL-terminated, without BOM */
    size_t len;          /* bytes in text */
    nb_enc enc;          /* of the bytes the offsets count: the file's for a text file, else UTF-8 */
    char enc_name[NB_ENC_NAME]; /* a page: the encoding it was read in ("": enc's) */
    int nimages;         /* a page or a Word document: the images it shows (a page's outside
                            the site's chrome); a PDF: the pictures as wide as a table on its
                            pages (looked for only when it is short of tables) */
    size_t file_size;    /* bytes in the file */
    char sha256[65];     /* of the file's bytes as read (what a review is made against); "" when
                            unknown or not made (a batch's context: model/ctx.h no_sha256) */
    uint32_t *lines;     /* offset in text of each line's start (NB_MAX_TEXT) */
    size_t nlines;
    uint32_t *orig_lines; /* file offset of each line's start; NULL when the
                            text is the file's bytes after a BOM of bom_len */
    size_t bom_len;
    /* Structured sources (docx, html, pdf, doc): the text is what the
     * console shows (paragraphs, tables as rows of cells), offsets and
     * lines are in that text, and its tables come as grids. */
    struct nb_grid *grids;
    int ngrids;
    int *line_page;      /* PDF: the page of each line (nlines of them); else NULL */
    /* Locating in linear time: marks every few KiB of long lines (a
     * one-line web page), made the first time a location far into a long
     * line or the console asks for them (nb_doc_marks), and for GB18030
     * the text offsets of the characters the file holds in four bytes (all
     * others: ASCII one, the rest two), built while decoding. */
    struct nb_docmarks *marks;
    size_t *wide4;
    size_t nwide4;
} nb_doc;

/* Where a text offset on a long line stands: display column (0-based) and
 * file offset. */
typedef struct nb_docmark {
    size_t off, col, orig;
} nb_docmark;

/* A document's marks, made once on demand: the document is read only
 * (const) by those who locate, and one thread holds it at a time. */
typedef struct nb_docmarks {
    nb_docmark *v;
    size_t n;
    int made;    /* v and n are the marks (none when they could not be made) */
} nb_docmarks;

typedef struct nb_loc {
    size_t line;  /* 1-based */
    size_t col;   /* 1-based display column (CJK two wide, tab to next 8) */
    size_t orig;  /* byte offset in the file */
} nb_loc;

/* Bytes to spare after a file's bytes for nb_doc_take: zeroed slack after
 * the text (PCRE2's JIT reads ahead in 16-byte blocks) and its NUL. */
#define NB_DOC_PAD 64

/* Read and decode a file. Errors: missing, unreadable, empty, over 64 MiB,
 * binary, or in no encoding we read; each message names the file. */
int nb_doc_load(nb_doc *d, const char *path, nb_lang lang, nb_err *err);
/* The same from a file's bytes buf[0, n), malloc'd with NB_DOC_PAD + 1
 * bytes to spare, which the document takes: UTF-8 text is kept in them
 * (moved over a BOM), not copied; on every other way out they are freed. */
int nb_doc_take(nb_doc *d, const char *path, unsigned char *buf, size_t n, nb_lang lang, nb_err *err);
/* The same from bytes in memory (path is used in messages only). */
int nb_doc_from_bytes(nb_doc *d, const char *path, const unsigned char *buf,
                      size_t n, nb_lang lang, nb_err *err);
void nb_doc_free(nb_doc *d);
/* Index the lines of d->text (d->len bytes, at most NB_MAX_TEXT); for
 * documents built in memory. -1 when out of memory or too long. */
int nb_doc_index_lines(nb_doc *d);

const char *nb_enc_name(nb_enc e);

/* The encoding the document's file was read in, by name: a page's own
 * (enc_name), else enc's. */
const char *nb_doc_enc_name(const nb_doc *d);

/* Locations (model/locate.c). 0-based index of the line holding text
 * offset off. */
size_t nb_doc_line_of(const nb_doc *d, size_t off);
/* Bounds of line i (0-based); *end excludes the line ending. */
void nb_doc_line(const nb_doc *d, size_t i, size_t *start, size_t *end);
/* Line, display column and file offset of text offset off. */
nb_loc nb_doc_locate(const nb_doc *d, size_t off);
/* Locating many offsets in increasing order (an export's cells): keeps
 * where it last was, so only the gap to the next offset is measured. */
typedef struct nb_locator {
    const nb_doc *doc;
    size_t off;      /* last offset located */
    nb_loc loc;      /* and where it is */
    int valid;
} nb_locator;
void nb_locator_init(nb_locator *lc, const nb_doc *d);
nb_loc nb_locate_next(nb_locator *lc, size_t off);

/* The marks of d's long lines in order of offset (*v, the count
 * returned), made on the first call; none when out of memory then. */
size_t nb_doc_marks(const nb_doc *d, const nb_docmark **v);
/* The last mark at or before text offset off (on any line), or NULL: a
 * place on a long line whose column is known without walking the line. */
const nb_docmark *nb_doc_mark_before(const nb_doc *d, size_t off);

/* Bytes in the file taken by text[off, off+len). */
size_t nb_doc_orig_len(const nb_doc *d, size_t off, size_t len);

#endif
