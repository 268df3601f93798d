/* docx_rels.c — which part of a Word package is its document: _rels/.rels
 * read with libxml2's SAX2 parser for the officeDocument relationship, its
 * Target resolved against the package root, then that part read. */
#include "read/docx_rels.h"
#include "read/docx.h"
#include "read/fmt_lib.h"
#include "read/zippart.h"

#include <stdlib.h>
#include <string.h>

/* The relationship type's last segment, the same in transitional and
 * strict packages. */
#define OFFICE_DOCUMENT "/officeDocument"

typedef struct rels {
    char *target; /* the first officeDocument relationship's Target */
    int failed;   /* out of memory */
} rels;

static int ends_with(const char *s, size_t n, const char *tail)
{
    size_t tn = strlen(tail);
    return n >= tn && memcmp(s + n - tn, tail, tn) == 0;
}

static void on_relationship(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                            const xmlChar **ns, int nattrs, int ndefaulted, const xmlChar **attrs)
{
    (void)prefix, (void)uri, (void)nns, (void)ns, (void)ndefaulted;
    rels *r = ((xmlParserCtxtPtr)ctx)->_private;
    if (r->target || r->failed || strcmp((const char *)local, "Relationship") != 0)
        return;
    size_t tn = 0, gn = 0, mn = 0;
    const char *type = nb_sax_attr(attrs, nattrs, "Type", 1, &tn);
    const char *target = nb_sax_attr(attrs, nattrs, "Target", 1, &gn);
    const char *mode = nb_sax_attr(attrs, nattrs, "TargetMode", 1, &mn);
    if (!type || !target || !ends_with(type, tn, OFFICE_DOCUMENT) || (mode && mn == 8 && !memcmp(mode, "External", 8)))
        return;
    if (!(r->target = strndup(target, gn)))
        r->failed = 1;
}

/* The Target of the officeDocument relationship of rels x[0, n) in *target
 * (NULL: none, or x is not well-formed); -1 with err set. */
static int office_target(const char *path, const unsigned char *x, size_t n, char **target, nb_lang lang, nb_err *err)
{
    *target = NULL;
    const nb_xml_lib *X = nb_xml_lib_get(path, lang, err);
    if (!X)
        return -1;
    xmlParserCtxtPtr ctxt = X->new_parser_ctxt();
    if (!ctxt)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    rels r = {0};
    ctxt->_private = &r;
    xmlSAXHandler *sax = ctxt->sax;
    memset(sax, 0, sizeof *sax);
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = on_relationship;
    X->free_doc(X->ctxt_read_memory(ctxt, (const char *)x, (int)n, NB_DOCX_RELS, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    int well_formed = ctxt->wellFormed;
    X->free_parser_ctxt(ctxt);
    if (r.failed)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    if (well_formed)
        *target = r.target;
    else
        free(r.target);
    return 0;
}

/* The part name of target, resolved against the package root: its
 * segments without "." and empty ones, ".." taking the one before away
 * (none above the root); an empty string when nothing is left. In place. */
static void resolve_at_root(char *target)
{
    size_t o = 0;
    for (const char *s = target; *s;) {
        const char *e = strchr(s, '/');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            while (o > 0 && target[o - 1] != '/')
                o--;
            o -= o > 0; /* the '/' before it */
        } else if (len && !(len == 1 && s[0] == '.')) {
            if (o)
                target[o++] = '/';
            memmove(target + o, s, len);
            o += len;
        }
        s += len + (e != NULL);
    }
    target[o] = '\0';
}

/* The main part's name from the package's rels: NB_DOCX_PART when it has
 * none or they name none. */
static int main_part_name(const char *path, const unsigned char *b, size_t n, char **name, nb_lang lang, nb_err *err)
{
    unsigned char *x = NULL;
    size_t xn = 0;
    char *target = NULL;
    nb_err re;
    if (nb_zip_part(path, b, n, NB_DOCX_RELS, NB_ZIP_PART_MAX, &x, &xn, lang, &re) != 0) {
        if (re.code != NB_E_NOTFOUND) {
            *err = re;
            return -1;
        }
    } else {
        int rc = office_target(path, x, xn, &target, lang, err);
        free(x);
        if (rc != 0)
            return -1;
    }
    if (target)
        resolve_at_root(target);
    if (target && !*target) {
        free(target);
        target = NULL;
    }
    *name = target ? target : strdup(NB_DOCX_PART);
    if (!*name)
        return nb_err_set(err, NB_E_NOMEM, nb_tr(lang, "%s: out of memory", "%s：内存不足"), path);
    return 0;
}

int nb_docx_main_part(const char *path, const unsigned char *b, size_t n, char **name, unsigned char **x, size_t *xn,
                      nb_lang lang, nb_err *err)
{
    *x = NULL;
    *xn = 0;
    if (main_part_name(path, b, n, name, lang, err) != 0)
        return -1;
    if (nb_zip_part(path, b, n, *name, NB_ZIP_PART_MAX, x, xn, lang, err) != 0) {
        free(*name);
        *name = NULL;
        return -1;
    }
    return 0;
}
