/* numbering.h — numbering markers (一、 （三） (3) 1. 1、 1．): one parser
 * that reads a marker and describes it, and the rules by which each reader
 * accepts a marker (label normal form, the extractor, section headings). */
#ifndef NB_NUMBERING_H
#define NB_NUMBERING_H

#include <stddef.h>
#include <stdint.h>

typedef enum nb_mark_kind {
    NB_MARK_NONE = 0, /* no numerals here */
    NB_MARK_PAREN,    /* numerals in brackets: （三） (3) 【12】 */
    NB_MARK_CN,       /* Chinese numerals 一…十: 三、 十二. */
    NB_MARK_ARABIC,   /* digits (full width folded): 1. 12、 3) */
    NB_MARK_MIXED     /* both: 1二、 */
} nb_mark_kind;

/* What a marker is. The numerals are 一…十 and 0…9 (〇 and 零 are not). */
typedef struct nb_marker {
    nb_mark_kind kind;
    int numerals;   /* how many (in brackets: inside them) */
    long value;     /* 三 3, 十二 12, 二十 20, 12 12; -1 beyond nine numerals */
    uint32_t term;  /* the code point after the numerals, folded (、 . , : ) 。 …):
                     * for PAREN ')' when closed; 0 at the end */
    uint32_t next;  /* the code point after term as written, 0 at the end */
    size_t len;     /* from the start through term: bytes, or code points */
} nb_marker;

/* Read the marker at s[i] (UTF-8 ending at end), folding as it reads. */
nb_mark_kind nb_marker_read(const char *s, size_t end, size_t i, nb_marker *m);
/* The same over folded code points c[0, n). */
nb_mark_kind nb_marker_read_cp(const uint32_t *c, int n, nb_marker *m);

/* The rules each reader accepts a marker by. */
/* A label's numbering (nb_norm): a closed bracket; up to three Chinese
 * numerals and 、 . ,; up to two digits and . 、 , ) 。 but not a decimal
 * (18.5). */
int nb_marker_is_label(const nb_marker *m);
/* An item's numbering in a table's text (the extractor): a closed bracket;
 * up to three numerals and 、; up to three digits and . but not a decimal. */
int nb_marker_is_item(const nb_marker *m);
/* A section heading's number: up to three Chinese numerals and 、 . , (三、). */
int nb_marker_is_heading(const nb_marker *m);
/* A table caption's number: Chinese numerals and ':' (表三：). */
int nb_marker_is_caption(const nb_marker *m);

/* The longest marker that accept takes and that ends (term included) at
 * s[p], starting at most reach code points before its term and at or
 * after lo; its start in *start. 0 if none. s is UTF-8. */
int nb_marker_ending_at(const char *s, size_t lo, size_t p, int reach, int (*accept)(const nb_marker *),
                        nb_marker *m, size_t *start);

/* Strip label numbering from folded code points c[0, n); returns how many
 * code points it takes, *had = 1 when there was some. */
int nb_numbering_strip(uint32_t *c, int n, int *had);
/* Length in bytes of an item marker at s[i] (s ends at end), 0 if none. */
size_t nb_numbering_len(const char *s, size_t end, size_t i);

#endif
