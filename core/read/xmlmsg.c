/* xmlmsg.c — why libxml2 refused a package's XML part: its limit on
 * nesting told as such (not libxml2's "Excessive depth … use
 * XML_PARSE_HUGE option", meaningless to a user), an external entity as
 * one (libxml2 says "not defined" of an entity it does not load), else
 * libxml2's own message and line. */
#include "read/xmlmsg.h"

#include <string.h>

/* Is name one of the NUL-terminated names in list[0, n)? */
static int listed(const char *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i += strlen(list + i) + 1)
        if (strcmp(list + i, name) == 0)
            return 1;
    return 0;
}

/* Did libxml2 stop at its limit on nesting (its element past the limit
 * never opened, the ones around it all open)? Its error, an internal one
 * in 2.9, is told by its words in case a later libxml2 numbers it apart. */
static int too_deep(const xmlError *e, size_t depth)
{
    return depth > NB_XML_MAX_DEPTH &&
           (e->code == XML_ERR_INTERNAL_ERROR || (e->message && strncmp(e->message, "Excessive depth", 15) == 0));
}

int nb_xml_refused(const xmlParserCtxt *ctxt, size_t depth, const char *external, size_t next, const char *path,
                   const char *part, nb_lang lang, nb_err *err)
{
    const xmlError *e = &ctxt->lastError;
    if (too_deep(e, depth))
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: %s is nested too deeply (elements over %d levels inside one another); not read",
                                "%s：%s 嵌套过深（元素层层套叠超过 %d 层），不予读取"),
                          path, part, NB_XML_MAX_DEPTH);
    if ((e->code == XML_ERR_UNDECLARED_ENTITY || e->code == XML_WAR_UNDECLARED_ENTITY) && e->str1 &&
        listed(external, next, e->str1))
        return nb_err_set(err, NB_E_FORMAT,
                          nb_tr(lang, "%s: %s uses an external entity (&%s;), which is not read",
                                "%s：%s 使用了外部实体（&%s;），不予读取"),
                          path, part, e->str1);
    const char *m = e->message ? e->message : "?";
    size_t ml = strlen(m);
    while (ml && (m[ml - 1] == '\n' || m[ml - 1] == ' '))
        ml--;
    return nb_err_set(err, NB_E_FORMAT,
                      nb_tr(lang, "%s: %s is not well-formed XML (line %d: %.*s)",
                            "%s：%s 不是格式正确的 XML（第 %d 行：%.*s）"),
                      path, part, e->line, (int)ml, m);
}
