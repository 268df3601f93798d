/* wmlns.h — what a Word document part's namespaces tell its reader beyond
 * WordprocessingML: which mc:Choice of alternate content Word takes, and
 * which elements are pictures the page shows. */
#ifndef NB_WMLNS_H
#define NB_WMLNS_H

#include <libxml/parser.h>

/* Markup compatibility (mc:AlternateContent, mc:Choice, mc:Fallback). */
#define NB_MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* Does the mc:Choice starting with attrs (SAX2's, nattrs of them) require
 * only what Word knows: every prefix of its Requires (one at least)
 * declared where the parser ctxt stands, for a namespace of Office's (the
 * standard's, or Microsoft's extensions to it: wps, wpg, w14, w15, a14…)? */
int nb_wml_choice_known(const xmlParserCtxt *ctxt, const xmlChar **attrs, int nattrs);

/* Is the element local in namespace uri a picture: DrawingML's pic:pic (a
 * w:drawing's; transitional or strict) or VML's v:imagedata (a w:pict's)? */
int nb_wml_is_picture(const char *local, const char *uri);

#endif
