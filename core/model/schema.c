/* schema.c — the standard tables of 国办公开办函〔2021〕30号 (and its variant
 * with （六）其他处理 in one row) and the 2019 trial format of
 * 国办公开办函〔2019〕60号, as constant data, and the format's words in
 * English and Chinese. */
#include "model/schema.h"

#include <stdio.h>
#include <string.h>

/* ---- columns ---- */
static const nb_col t2_doc21[] = {
    {"issued", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"}};
static const nb_col t2_dec21[] = {{"decisions", "本年处理决定数量"}};
static const nb_col t2_fee21[] = {{"amount", "本年收费金额（单位：万元）"}};

static const nb_col t2_doc19[] = {
    {"made", "本年新制作数量"}, {"published", "本年新公开数量"}, {"public_total", "对外公开总数量"}};
static const nb_col t2_item19[] = {
    {"prev_items", "上一年项目数量"}, {"change", "本年增/减"}, {"decisions", "处理决定数量"}};
static const nb_col t2_fee19[] = {{"prev_items", "上一年项目数量"}, {"change", "本年增/减"}};
static const nb_col t2_proc19[] = {{"items", "采购项目数量"}, {"amount", "采购总金额"}};

static const nb_col t3_cols[] = {
    {"natural", "自然人"},       {"commercial", "商业企业"}, {"research", "科研机构"},
    {"social", "社会公益组织"},  {"legal", "法律服务机构"},  {"other", "其他"},
    {"total", "总计"}};

static const nb_col t4_cols[] = {
    {"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"},
    {"pending", "尚未审结"}, {"total", "总计"}};

/* Each row's cell IDs written whole, once (a row ID is a string literal:
 * "t3.new" ".total" is "t3.new.total"); in the order of its columns. */
#define IDS(...) ((const char *const[]){__VA_ARGS__})
#define T3_IDS(id) IDS(id ".natural", id ".commercial", id ".research", id ".social", id ".legal", id ".other", id ".total")
#define T4_IDS(id) IDS(id ".upheld", id ".corrected", id ".other", id ".pending", id ".total")
#define DOC21_IDS(id) IDS(id ".issued", id ".repealed", id ".in_force")
#define DOC19_IDS(id) IDS(id ".made", id ".published", id ".public_total")
#define ITEM19_IDS(id) IDS(id ".prev_items", id ".change", id ".decisions")

/* A row of T3 or T4, the i-th of its table, whose cells start at b (the
 * cells of the rows before its table's first). */
#define T3ROW(b, i, id, label) {id, NB_T3, label, 7, t3_cols, NB_ROW_SUM, -1, -1, T3_IDS(id), (b) + 7 * (i)}
#define T4ROW(b, i, id, label) {id, NB_T4, label, 5, t4_cols, NB_ROW_T4, -1, -1, T4_IDS(id), (b) + 5 * (i)}

#define T3_HEAD(b)                                                                    \
    T3ROW(b, 0, "t3.new", "一、本年新收政府信息公开申请数量"),                            \
    T3ROW(b, 1, "t3.carried_in", "二、上年结转政府信息公开申请数量"),                     \
    T3ROW(b, 2, "t3.granted", "（一）予以公开"),                                          \
    T3ROW(b, 3, "t3.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), \
    T3ROW(b, 4, "t3.deny.secret", "1.属于国家秘密"),                                      \
    T3ROW(b, 5, "t3.deny.law", "2.其他法律行政法规禁止公开"),                             \
    T3ROW(b, 6, "t3.deny.safety", "3.危及“三安全一稳定”"),                                \
    T3ROW(b, 7, "t3.deny.third_party", "4.保护第三方合法权益"),                           \
    T3ROW(b, 8, "t3.deny.internal", "5.属于三类内部事务信息"),                            \
    T3ROW(b, 9, "t3.deny.process", "6.属于四类过程性信息"),                               \
    T3ROW(b, 10, "t3.deny.enforcement", "7.属于行政执法案卷"),                             \
    T3ROW(b, 11, "t3.deny.query", "8.属于行政查询事项"),                                   \
    T3ROW(b, 12, "t3.unable.none", "1.本机关不掌握相关政府信息"),                          \
    T3ROW(b, 13, "t3.unable.create", "2.没有现成信息需要另行制作"),                        \
    T3ROW(b, 14, "t3.unable.unclear", "3.补正后申请内容仍不明确"),                         \
    T3ROW(b, 15, "t3.refuse.petition", "1.信访举报投诉类申请"),                            \
    T3ROW(b, 16, "t3.refuse.duplicate", "2.重复申请"),                                     \
    T3ROW(b, 17, "t3.refuse.publication", "3.要求提供公开出版物"),                         \
    T3ROW(b, 18, "t3.refuse.massive", "4.无正当理由大量反复申请"),                         \
    T3ROW(b, 19, "t3.refuse.confirm", "5.要求行政机关确认或重新出具已获取信息")

#define T3_TAIL(b, i)                                                                    \
    T3ROW(b, i, "t3.total", "（七）总计"),                                                \
    T3ROW(b, (i) + 1, "t3.carried_out", "四、结转下年度继续办理")

#define T4_ROWS(b)                                                                    \
    T4ROW(b, 0, "t4.review", "行政复议"),                                                 \
    T4ROW(b, 1, "t4.suit_direct", "未经复议直接起诉"),                                    \
    T4ROW(b, 2, "t4.suit_after", "复议后起诉")

#define T2_2021                                                                     \
    {"t2.regulation", NB_T2, "规章", 3, t2_doc21, 0, -1, -1, DOC21_IDS("t2.regulation"), 0}, \
    {"t2.normative", NB_T2, "行政规范性文件", 3, t2_doc21, 0, -1, -1, DOC21_IDS("t2.normative"), 3}, \
    {"t2.licensing", NB_T2, "行政许可", 1, t2_dec21, 0, -1, -1, IDS("t2.licensing.decisions"), 6}, \
    {"t2.penalty", NB_T2, "行政处罚", 1, t2_dec21, 0, -1, -1, IDS("t2.penalty.decisions"), 7}, \
    {"t2.coercion", NB_T2, "行政强制", 1, t2_dec21, 0, -1, -1, IDS("t2.coercion.decisions"), 8}, \
    {"t2.fees", NB_T2, "行政事业性收费", 1, t2_fee21, NB_ROW_MONEY, 0, -1, IDS("t2.fees.amount"), 9}

/* （六）其他处理 as one row, as the 2019 trial format has it */
#define T3_OTHER_ONE_ROW(b) T3ROW(b, 20, "t3.other", "（六）其他处理")

static const nb_row rows2021[] = {
    T2_2021,
    T3_HEAD(10),
    T3ROW(10, 20, "t3.other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    T3ROW(10, 21, "t3.other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    T3ROW(10, 22, "t3.other.other", "3.其他"),
    T3_TAIL(10, 23),
    T4_ROWS(10 + 7 * 25),
};

/* The 2021 format with （六）其他处理 in one row (an earlier template some
 * bodies still use): its cells are t3.other.*, as in the 2019 format. */
static const nb_row rows2021_one_other[] = {
    T2_2021,
    T3_HEAD(10),
    T3_OTHER_ONE_ROW(10),
    T3_TAIL(10, 21),
    T4_ROWS(10 + 7 * 23),
};

static const nb_row rows2019[] = {
    {"t2.regulation", NB_T2, "规章", 3, t2_doc19, 0, -1, -1, DOC19_IDS("t2.regulation"), 0},
    {"t2.normative", NB_T2, "规范性文件", 3, t2_doc19, 0, -1, -1, DOC19_IDS("t2.normative"), 3},
    {"t2.licensing", NB_T2, "行政许可", 3, t2_item19, NB_ROW_SIGNED, -1, 1, ITEM19_IDS("t2.licensing"), 6},
    {"t2.other_services", NB_T2, "其他对外管理服务事项", 3, t2_item19, NB_ROW_SIGNED, -1, 1,
     ITEM19_IDS("t2.other_services"), 9},
    {"t2.penalty", NB_T2, "行政处罚", 3, t2_item19, NB_ROW_SIGNED, -1, 1, ITEM19_IDS("t2.penalty"), 12},
    {"t2.coercion", NB_T2, "行政强制", 3, t2_item19, NB_ROW_SIGNED, -1, 1, ITEM19_IDS("t2.coercion"), 15},
    {"t2.fees", NB_T2, "行政事业性收费", 2, t2_fee19, NB_ROW_SIGNED, -1, 1,
     IDS("t2.fees.prev_items", "t2.fees.change"), 18},
    {"t2.procurement", NB_T2, "政府集中采购", 2, t2_proc19, NB_ROW_MONEY, 1, -1,
     IDS("t2.procurement.items", "t2.procurement.amount"), 20},
    T3_HEAD(22),
    T3_OTHER_ONE_ROW(22),
    T3_TAIL(22, 21),
    T4_ROWS(22 + 7 * 23),
};

static const char *const groups2021[] = {
    "三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"};
static const char *const groups2019[] = {
    "三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"};

/* Everything a table holds besides row labels and numbers. */
#define COMMON_HEADERS                                                              \
    "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", \
    "第二十条第（九）项", "第二十条第（十）项", "信息内容", "本年处理决定数量", "处理决定数量", \
    "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",       \
    "法律服务机构", "其他", "总计",                                                   \
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",             \
    "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正",     \
    "其他结果", "尚未审结", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",     \
    "政府信息公开行政复议、行政诉讼情况", "表一", "表二", "表三", "表四", "项目", "指标", \
    "数据", "单位", "件", "万元", "元"

static const char *const headers2021[] = {
    COMMON_HEADERS, "本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额（单位：万元）"};
static const char *const headers2019[] = {
    COMMON_HEADERS, "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
    "本年增/减", "采购项目数量", "采购总金额"};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const nb_schema schema2021 = {2021, rows2021, COUNT(rows2021), groups2021, COUNT(groups2021),
                                     headers2021, COUNT(headers2021), NB_VARIANT_STANDARD};
static const nb_schema schema2019 = {2019, rows2019, COUNT(rows2019), groups2019, COUNT(groups2019),
                                     headers2019, COUNT(headers2019), NB_VARIANT_STANDARD};
/* its group headings are the 2019 format's: （六）其他处理 is a row */
static const nb_schema schema2021_one_other = {2021, rows2021_one_other, COUNT(rows2021_one_other), groups2019,
                                               COUNT(groups2019), headers2021, COUNT(headers2021),
                                               NB_VARIANT_ONE_OTHER};

const nb_schema *nb_schema_for(int format)
{
    return format == 2019 ? &schema2019 : &schema2021;
}

const nb_schema *nb_schema_variant(int format, int variant)
{
    return format == 2021 && variant == NB_VARIANT_ONE_OTHER ? &schema2021_one_other : nb_schema_for(format);
}

const char *nb_variant_name(int variant)
{
    return variant == NB_VARIANT_ONE_OTHER ? "one-other-row" : NULL;
}

int nb_schema_ncells(const nb_schema *s)
{
    return s->nrows ? s->rows[s->nrows - 1].first + s->rows[s->nrows - 1].ncols : 0;
}

int nb_schema_first_cell(const nb_schema *s, int row)
{
    if (row <= 0)
        return 0;
    return row < s->nrows ? s->rows[row].first : nb_schema_ncells(s);
}

void nb_schema_cell_pos(const nb_schema *s, int ci, int *row, int *col)
{
    *row = -1;
    *col = -1;
    if (ci < 0 || ci >= nb_schema_ncells(s))
        return;
    int lo = 0, hi = s->nrows; /* the last row whose cells start at ci or before */
    while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        if (s->rows[mid].first <= ci)
            lo = mid;
        else
            hi = mid;
    }
    *row = lo;
    *col = ci - s->rows[lo].first;
}

const char *nb_schema_cell_name(const nb_schema *s, int ci)
{
    int r, c;
    nb_schema_cell_pos(s, ci, &r, &c);
    return r < 0 ? "?" : s->rows[r].ids[c];
}

void nb_schema_cell_id(const nb_schema *s, int ci, char *out, size_t cap)
{
    const char *id = nb_schema_cell_name(s, ci);
    size_t n = strlen(id);
    if (!cap)
        return;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, id, n);
    out[n] = '\0';
}

/* The row whose ID is id[0, n), or -1. Every row's ID is "tN." and a name:
 * most rows are told apart by the name's first byte, tried first. */
static int row_of_id(const nb_schema *s, const char *id, size_t n)
{
    for (int r = 0; r < s->nrows; r++) {
        const char *rid = s->rows[r].id;
        if (n > 3 && rid[3] != id[3])
            continue;
        size_t k = 0;
        while (k < n && rid[k] == id[k])
            k++;
        if (k == n && !rid[k])
            return r;
    }
    return -1;
}

int nb_schema_find_row(const nb_schema *s, const char *id)
{
    return row_of_id(s, id, strlen(id));
}

/* One pass over id: a row whose ID it starts with, then a dot, then one of
 * the row's column keys (no key holds a dot, so only the row named by all
 * before id's last dot can match); rows told apart first by the table's
 * digit and the name's first byte (every row's ID is "tN." and a name, so
 * an ID of fewer than four bytes names no cell), columns by the key's first
 * byte. */
int nb_schema_find_cell(const nb_schema *s, const char *id)
{
    if (!id[0] || !id[1] || !id[2] || !id[3])
        return -1;
    for (int r = 0; r < s->nrows; r++) {
        const nb_row *row = &s->rows[r];
        const char *rid = row->id;
        if (rid[3] != id[3] || rid[1] != id[1])
            continue;
        size_t k = 0;
        while (rid[k] && rid[k] == id[k])
            k++;
        if (rid[k] || id[k] != '.')
            continue;
        const char *key = id + k + 1;
        for (int c = 0; c < row->ncols; c++)
            if (row->cols[c].key[0] == key[0] && strcmp(row->cols[c].key, key) == 0)
                return row->first + c;
    }
    return -1;
}

/* ---- the format's words ---- */

/* Columns by key: the name messages use and the console's narrow heading. */
static const struct {
    const char *key, *en, *zh, *abbr_en, *abbr_zh;
} col_names[] = {
    {"natural", "natural", "自然人", "natur", "自然人"},
    {"commercial", "commercial", "商业企业", "comm", "商业"},
    {"research", "research", "科研机构", "resrch", "科研"},
    {"social", "social", "社会公益组织", "social", "公益"},
    {"legal", "legal", "法律服务机构", "legal", "法律"},
    {"other", "other", "其他", "other", "其他"},
    {"total", "total", "总计", "total", "总计"},
    {"upheld", "upheld", "结果维持", "upheld", "维持"},
    {"corrected", "corrected", "结果纠正", "correc", "纠正"},
    {"pending", "pending", "尚未审结", "pendng", "未结"},
};

static int col_index(const char *key)
{
    for (int i = 0; i < COUNT(col_names); i++)
        if (!strcmp(col_names[i].key, key))
            return i;
    return -1;
}

const char *nb_col_name(const char *key, nb_lang lang)
{
    int i = col_index(key);
    return i < 0 ? key : lang == NB_LANG_ZH ? col_names[i].zh : col_names[i].en;
}

const char *nb_col_abbr(const char *key, nb_lang lang)
{
    int i = col_index(key);
    return i < 0 ? key : lang == NB_LANG_ZH ? col_names[i].abbr_zh : col_names[i].abbr_en;
}

/* T3's rows and groups of rows, as the table numbers them. */
static const struct {
    const char *pat, *en, *zh;
} row_names[] = {
    {"t3.new", "new", "一"},
    {"t3.carried_in", "carried in", "二"},
    {"t3.total", "total", "三(七)"},
    {"t3.carried_out", "carried out", "四"},
    {"t3.granted", "granted", "(一)"},
    {"t3.partial", "partial", "(二)"},
    {"t3.deny.*", "denied", "(三)"},
    {"t3.unable.*", "unable", "(四)"},
    {"t3.refuse.*", "not processed", "(五)"},
    {"t3.other*", "other handling", "(六)"},
};

const char *nb_row_short_name(const char *pattern, nb_lang lang)
{
    for (int i = 0; i < COUNT(row_names); i++)
        if (!strcmp(row_names[i].pat, pattern))
            return lang == NB_LANG_ZH ? row_names[i].zh : row_names[i].en;
    return pattern;
}

static const char *const section_titles[][2] = {
    {"I. Overview", "一、总体情况"},
    {"II. Proactive disclosure of government information", "二、主动公开政府信息情况"},
    {"III. Requests for government information received and handled", "三、收到和处理政府信息公开申请情况"},
    {"IV. Administrative reconsideration and litigation over disclosure", "四、政府信息公开行政复议、行政诉讼情况"},
    {"V. Main problems and improvements", "五、存在的主要问题及改进情况"},
    {"VI. Other matters to report", "六、其他需要报告的事项"},
};

const char *nb_section_title(int k, nb_lang lang)
{
    if (k < 0 || k >= COUNT(section_titles))
        return "";
    return section_titles[k][lang == NB_LANG_ZH];
}

/* Tables T2 … T4: name and subject. */
static const char *const table_words[][4] = {
    {"T2", "表二", "proactive disclosure", "主动公开政府信息情况"},
    {"T3", "表三", "requests received and handled", "收到和处理政府信息公开申请情况"},
    {"T4", "表四", "reviews and suits", "政府信息公开行政复议、行政诉讼情况"},
};

const char *nb_table_name(int t, nb_lang lang)
{
    if (t < NB_T2 || t > NB_T4)
        return "";
    return table_words[t - NB_T2][lang == NB_LANG_ZH];
}

const char *nb_table_title(int t, nb_lang lang)
{
    if (t < NB_T2 || t > NB_T4)
        return "";
    return table_words[t - NB_T2][2 + (lang == NB_LANG_ZH)];
}
