/* wmlns.c — alternate content's choices and pictures, told by their
 * namespaces: an mc:Choice is taken when Word would take it (it knows
 * every namespace its Requires names), and pic:pic and v:imagedata are the
 * pictures of DrawingML and VML. */
#include "read/wmlns.h"
#include "read/fmt_lib.h"

#include <string.h>

/* The namespace the prefix p[0, n) stands for where the parser is (the
 * innermost declaration), or NULL. */
static const char *ns_of(const xmlParserCtxt *ctxt, const char *p, size_t n)
{
    const xmlChar **tab = ctxt->nsTab;
    for (int k = ctxt->nsNr - 2; tab && k >= 0; k -= 2)
        if (tab[k] && strlen((const char *)tab[k]) == n && memcmp(tab[k], p, n) == 0)
            return (const char *)tab[k + 1];
    return NULL;
}

/* Is uri a namespace of Office's, the standard's or Microsoft's extensions
 * to it, which Word reads? */
static int office_ns(const char *uri)
{
    static const char *const roots[] = {"http://schemas.microsoft.com/office/", "http://schemas.openxmlformats.org/",
                                        "http://purl.oclc.org/ooxml/"};
    for (size_t k = 0; uri && k < sizeof roots / sizeof roots[0]; k++)
        if (strncmp(uri, roots[k], strlen(roots[k])) == 0)
            return 1;
    return 0;
}

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int nb_wml_choice_known(const xmlParserCtxt *ctxt, const xmlChar **attrs, int nattrs)
{
    size_t len, i = 0;
    const char *v = nb_sax_attr(attrs, nattrs, "Requires", 1, &len);
    int prefixes = 0;
    while (v && i < len) {
        while (i < len && is_xml_space(v[i]))
            i++;
        size_t a = i;
        while (i < len && !is_xml_space(v[i]))
            i++;
        if (i > a && !office_ns(ns_of(ctxt, v + a, i - a)))
            return 0;
        prefixes += i > a;
    }
    return prefixes > 0;
}

int nb_wml_is_picture(const char *local, const char *uri)
{
    if (strcmp(local, "pic") == 0)
        return strcmp(uri, "http://schemas.openxmlformats.org/drawingml/2006/picture") == 0 ||
               strcmp(uri, "http://purl.oclc.org/ooxml/drawingml/picture") == 0;
    return strcmp(local, "imagedata") == 0 && strcmp(uri, "urn:schemas-microsoft-com:vml") == 0;
}
