/* body.c — the kind of an issuing body and the key its reports are paired
 * by, both read from its name: places end in 省 自治区 市 州 地区 盟 县 旗 区
 * 镇 乡 街道 (市场, 市政 and the 州 of 杭州市 are no ends), governments in
 * 人民政府, zones in 开发区 / 实验区 / 新区 … or their 管委会. */
#include "model/body.h"
#include "text/label.h"

#include <stdio.h>
#include <string.h>

/* The name without white space, folded. */
static void plain(const char *a, char *out, size_t cap)
{
    nb_ustr u;
    nb_norm(a, strlen(a), &u, 0);
    nb_ustr_utf8(&u, out, cap);
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), l = strlen(tail);
    return n >= l && !strcmp(s + n - l, tail);
}

static int starts_with(const char *s, const char *head)
{
    return !strncmp(s, head, strlen(head));
}

/* Drop a suffix that varies between a body's names (人民政府, 管委会,
 * 管理委员会, the 办事处 of 街道办事处); 1 when one was dropped. */
static int drop_suffix(char *s)
{
    static const char *const tails[] = {"人民政府", "管委会", "管理委员会", "街道办事处"};
    for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
        size_t n = strlen(s), tl = strlen(tails[k]);
        if (n > tl && !strcmp(s + n - tl, tails[k])) {
            s[n - tl + (k == 3 ? 6 : 0)] = '\0'; /* 街道办事处 keeps 街道 */
            return 1;
        }
    }
    return 0;
}

/* A place's end at s[i]: each end told by its first byte before it is
 * compared whole. */
size_t nb_body_place_end(const char *s, size_t i)
{
    static const char *const ends[] = {"街道", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市",
                                       "州",   "盟",     "县",     "旗",     "区",     "镇",   "乡"};
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        if (s[i] != ends[k][0])
            continue;
        size_t l = strlen(ends[k]);
        if (strncmp(s + i, ends[k], l))
            continue;
        const char *next = s + i + l;
        if (!strcmp(ends[k], "市") && (starts_with(next, "场") || starts_with(next, "政")))
            return 0;
        if (!strcmp(ends[k], "州") && (starts_with(next, "市") || starts_with(next, "区")))
            return 0;
        return l;
    }
    return 0;
}

/* Where the last place of the name begins (after its parents), or 0. */
static size_t last_place(const char *s)
{
    size_t seg = 0, last = 0, i = 0, n = strlen(s);
    while (i < n) {
        size_t l = nb_body_place_end(s, i);
        if (l && i > seg) { /* a place of at least one character and its end */
            last = seg;
            seg = i + l;
            i = seg;
            continue;
        }
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return last;
}

void nb_body_key(const char *agency, char *key, size_t cap, char *parent, size_t pcap)
{
    char s[512];
    plain(agency, s, sizeof s);
    drop_suffix(s);
    size_t p = last_place(s);
    snprintf(key, cap, "%s", s + p);
    if (parent)
        snprintf(parent, pcap, "%.*s", (int)p, s);
}

void nb_body_id_of(nb_body_id *b, const char *agency)
{
    nb_body_key(agency, b->key, sizeof b->key, b->parent, sizeof b->parent);
}

int nb_body_parents_agree(const char *a, const char *b)
{
    return !a[0] || !b[0] || ends_with(a, b) || ends_with(b, a);
}

int nb_body_same(const char *a, const char *b)
{
    char ka[512], kb[512], pa[512], pb[512];
    nb_body_key(a, ka, sizeof ka, pa, sizeof pa);
    nb_body_key(b, kb, sizeof kb, pb, sizeof pb);
    if (!ka[0] || strcmp(ka, kb))
        return 0;
    return nb_body_parents_agree(pa, pb);
}

static int has_any(const char *s, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strstr(s, words[k]))
            return 1;
    return 0;
}

/* A government by the place its name ends with (the suffix dropped). */
static nb_body government_of(const char *s)
{
    static const char *const provinces[] = {"北京市", "天津市", "上海市", "重庆市"};
    for (size_t k = 0; k < 4; k++)
        if (!strcmp(s, provinces[k]))
            return NB_BODY_PROVINCE;
    if (ends_with(s, "省") || ends_with(s, "自治区"))
        return NB_BODY_PROVINCE;
    if (ends_with(s, "镇") || ends_with(s, "乡") || ends_with(s, "街道") || ends_with(s, "街道办事处"))
        return NB_BODY_TOWNSHIP;
    if (ends_with(s, "州") || ends_with(s, "地区") || ends_with(s, "盟"))
        return NB_BODY_PREFECTURE;
    if (ends_with(s, "市"))
        return NB_BODY_CITY;
    if (ends_with(s, "县") || ends_with(s, "旗") || ends_with(s, "区"))
        return NB_BODY_COUNTY;
    return NB_BODY_UNKNOWN;
}

nb_body nb_body_kind(const char *agency)
{
    static const char *const zones[] = {"开发区", "实验区", "试验区", "示范区", "新区", "高新区",
                                        "保税区", "合作区", "自贸区", "园区"};
    char s[512];
    plain(agency, s, sizeof s);
    if (!s[0])
        return NB_BODY_UNKNOWN;
    if (ends_with(s, "街道办事处"))
        return NB_BODY_TOWNSHIP;
    int gov = ends_with(s, "人民政府"), committee = !gov && drop_suffix(s);
    if (gov) {
        drop_suffix(s);
        return government_of(s);
    }
    if (has_any(s, zones, sizeof zones / sizeof zones[0]) && (committee || nb_body_place_end(s, strlen(s) - 3)))
        return NB_BODY_ZONE;
    size_t n = strlen(s);
    if (n >= 3 && nb_body_place_end(s, n - 3) == 3) /* the name is a place: its government's report */
        return government_of(s);
    if (n >= 6 && nb_body_place_end(s, n - 6) == 6)
        return government_of(s);
    int placed = 0;
    for (size_t i = 1; i < n; i++)
        placed |= nb_body_place_end(s, i) != 0;
    if (starts_with(s, "国务院") || starts_with(s, "中华人民共和国") ||
        ((starts_with(s, "国家") || starts_with(s, "中国")) && !placed))
        return NB_BODY_STATE_DEPT;
    if (placed)
        return NB_BODY_LOCAL_DEPT;
    if (ends_with(s, "部") || ends_with(s, "总署"))
        return NB_BODY_STATE_DEPT;
    return NB_BODY_UNKNOWN;
}

int nb_body_is_government(nb_body b)
{
    return b >= NB_BODY_TOWNSHIP && b <= NB_BODY_PROVINCE;
}
