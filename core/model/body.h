/* body.h — what a report's issuing body is, told by its name: the kind of
 * body (a township, a county, city, prefecture or provincial government, a
 * zone's committee, a department of a local government, a department of
 * the State Council), and the key its reports of several years are paired
 * by (the parent places and the 人民政府-like suffix dropped). */
#ifndef NB_BODY_H
#define NB_BODY_H

#include <stddef.h>

typedef enum {
    NB_BODY_UNKNOWN = 0,
    NB_BODY_TOWNSHIP,    /* 乡、镇人民政府, 街道办事处 */
    NB_BODY_COUNTY,      /* 县、旗、区 (district) 人民政府 */
    NB_BODY_CITY,        /* 市人民政府 (a 设区的市 or a 县级市: the name does not say) */
    NB_BODY_PREFECTURE,  /* 自治州、州、地区、盟 */
    NB_BODY_PROVINCE,    /* 省、自治区、直辖市人民政府 */
    NB_BODY_ZONE,        /* a 开发区 / 实验区 / 新区 and its 管委会 */
    NB_BODY_LOCAL_DEPT,  /* a department of a local government */
    NB_BODY_STATE_DEPT   /* a department of the State Council */
} nb_body;

nb_body nb_body_kind(const char *agency);

/* The length of a place's end (街道, 自治区, 市 …) at s[i] of the name s,
 * or 0: 市 before 场 or 政, 州 before 市 or 区 are none. */
size_t nb_body_place_end(const char *s, size_t i);

/* A people's government (of a township up to a province). */
int nb_body_is_government(nb_body b);

/* The key a body's name is compared by: white space, the parent places
 * (淮安市 of 淮安市洪泽区) and the suffixes that vary (人民政府, 管委会,
 * 管理委员会) dropped; "" when there is no name. *parent (cap bytes, may be
 * NULL) receives the parent places dropped ("淮安市"), "" when none. */
void nb_body_key(const char *agency, char *key, size_t cap, char *parent, size_t pcap);
/* A body's key and parents (nb_body_key's), told once and kept. */
typedef struct nb_body_id {
    char key[256], parent[256];
} nb_body_id;
void nb_body_id_of(nb_body_id *b, const char *agency);
/* Do two names' parent places agree: one missing, equal, or one ending the
 * other (江苏省淮安市 and 淮安市)? */
int nb_body_parents_agree(const char *a, const char *b);
/* Two names of one body: the same key, and parents that agree (one
 * missing, equal, or one ending the other: 江苏省淮安市 and 淮安市). */
int nb_body_same(const char *a, const char *b);

#endif
