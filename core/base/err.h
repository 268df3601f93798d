/* err.h — error values and the message language.
 * Every core function that can fail returns -1 and fills an nb_err with a
 * message naming the file (and line, where there is one); nothing in core
 * prints or exits. */
#ifndef NB_ERR_H
#define NB_ERR_H

#include <stddef.h>

typedef enum { NB_LANG_EN = 0, NB_LANG_ZH = 1 } nb_lang;

enum nb_errcode {
    NB_OK = 0,
    NB_E_IO,        /* read/write failure */
    NB_E_NOTFOUND,  /* no such file */
    NB_E_EMPTY,     /* empty file */
    NB_E_TOOBIG,    /* over the size limit */
    NB_E_BINARY,    /* not text */
    NB_E_ENCODING,  /* text in no encoding we read */
    NB_E_NOMEM,
    NB_E_USAGE,
    NB_E_PATTERN,   /* PCRE2 compile error */
    NB_E_FORMAT     /* malformed input of ours (sidecar, theme) */
};

typedef struct nb_err {
    int code;
    char msg[1024];
} nb_err;

/* Fill e (if not NULL) with code and a printf-style message; returns -1. */
int nb_err_set(nb_err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void nb_err_clear(nb_err *e);

/* The message language from the locale: zh_* gives Chinese, all else English. */
nb_lang nb_lang_from_locale(const char *locale_name);

/* The system's text for errno e in the language: Chinese for the common
 * ones under NB_LANG_ZH, strerror(e) otherwise. */
const char *nb_strerror(int e, nb_lang lang);

/* Pick the string for the language. */
static inline const char *nb_tr(nb_lang l, const char *en, const char *zh)
{
    return l == NB_LANG_ZH ? zh : en;
}

#endif
