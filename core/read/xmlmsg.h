/* xmlmsg.h — why libxml2 refused a package's XML part, said for a reader
 * of reports: nested too deeply, an external entity it uses (never read),
 * or not well-formed (libxml2's words and line). */
#ifndef NB_XMLMSG_H
#define NB_XMLMSG_H

#include <stddef.h>
#include <libxml/parser.h>
#include "base/err.h"

/* How many elements libxml2 lets stand inside one another (without
 * XML_PARSE_HUGE, which the readers never ask for). */
#define NB_XML_MAX_DEPTH 256

/* Set err (NB_E_FORMAT) for path's part, which ctxt found not well-formed:
 * depth the elements open when it stopped; external the names of the
 * external entities the part declared, each NUL-terminated, next bytes
 * long. -1. */
int nb_xml_refused(const xmlParserCtxt *ctxt, size_t depth, const char *external, size_t next, const char *path,
                   const char *part, nb_lang lang, nb_err *err);

#endif
