/* test_extract.c — extraction on small made-up reports and on re-encoded
 * corpus files: the same cells whatever the encoding and line endings;
 * run-together digits inferred or left unread; damaged labels mapped and
 * recorded; pipe tables with generic headers; truncated tables; T2
 * figures with spaces inside (one number, or text when they make none);
 * zero-width characters inside a number (one number); a figure written
 * amiss (18651。06, 1.865106亿元: a cell holding text, not a blank). Each row's
 * cell IDs, written out whole in the schema, are its ID and its columns'
 * keys. */
#include "testutil.h"

static nb_ctx g_ctx;

static const nb_cell *cell(const nb_report *r, const char *id)
{
    const nb_cell *c = nb_report_cell(r, id);
    if (!c)
        fail_msg("no cell %s", id);
    return c;
}

static void assert_num(const nb_report *r, const char *id, long long v, nb_status st)
{
    const nb_cell *c = cell(r, id);
    if (c->status != st || c->num.v != v || c->num.scale != 0)
        fail_msg("%s: expected %lld (%s), got %lld (%s)", id, v, nb_status_name(st), c->num.v,
                 nb_status_name(c->status));
}

static const nb_label *find_label(const nb_report *r, const char *id)
{
    for (int i = 0; i < r->nlabels; i++)
        if (!strcmp(r->labels[i].id, id))
            return &r->labels[i];
    return NULL;
}

/* ---- the same report in other encodings gives the same cells ---- */

static void same_cells(const nb_report *a, const nb_report *b, const char *what)
{
    assert_int_equal(a->ncells, b->ncells);
    assert_int_equal(a->year, b->year);
    assert_string_equal(a->agency, b->agency);
    char id[96];
    for (int ci = 0; ci < a->ncells; ci++) {
        const nb_cell *x = &a->cells[ci], *y = &b->cells[ci];
        nb_schema_cell_id(a->schema, ci, id, sizeof id);
        if (x->status != y->status || nb_num_cmp(x->num, y->num) != 0)
            fail_msg("%s: %s differs (%s vs %s)", what, id, nb_status_name(x->status), nb_status_name(y->status));
        if (x->status == NB_ST_MISSING)
            continue;
        if (x->len != y->len || memcmp(a->doc.text + x->off, b->doc.text + y->off, x->len) != 0)
            fail_msg("%s: %s raw text differs", what, id);
        if (nb_doc_locate(&a->doc, x->off).line != nb_doc_locate(&b->doc, y->off).line)
            fail_msg("%s: %s line differs", what, id);
    }
    assert_int_equal(a->nlabels, b->nlabels);
}

static char *to_crlf(const char *s, size_t n, size_t *out)
{
    char *o = malloc(n * 2 + 4), *p = o;
    memcpy(p, "\xEF\xBB\xBF", 3);
    p += 3;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
            *p++ = '\r';
        *p++ = s[i];
    }
    *out = (size_t)(p - o);
    return o;
}

static void encodings_agree(const char *path)
{
    size_t n = 0;
    char *u8 = tu_read(path, &n);
    if (!u8)
        fail_msg("cannot read %s", path);
    const char *body = u8;
    if (n >= 3 && !memcmp(u8, "\xEF\xBB\xBF", 3)) {
        body += 3;
        n -= 3;
    }
    nb_report ref, other;
    tu_report_bytes(&ref, &g_ctx, path, body, n);

    size_t gn = 0;
    char *gb = tu_iconv("GB18030", "UTF-8", body, n, &gn);
    assert_non_null(gb);
    tu_report_bytes(&other, &g_ctx, path, gb, gn);
    assert_int_equal(other.doc.enc, NB_ENC_GB18030);
    same_cells(&ref, &other, "GB18030");
    /* a cell's file offset points at its bytes in the GB18030 file */
    for (int ci = 0; ci < other.ncells; ci++) {
        const nb_cell *c = &other.cells[ci];
        if (c->status != NB_ST_NUMBER || !c->len)
            continue;
        nb_loc l = nb_doc_locate(&other.doc, c->off);
        size_t ol = nb_doc_orig_len(&other.doc, c->off, c->len);
        size_t cn = 0;
        char *back = tu_iconv("UTF-8", "GB18030", gb + l.orig, ol, &cn);
        assert_non_null(back);
        assert_int_equal(cn, c->len);
        assert_memory_equal(back, other.doc.text + c->off, cn);
        free(back);
        break;
    }
    nb_report_free(&other);
    free(gb);

    size_t cn = 0;
    char *crlf = to_crlf(body, n, &cn);
    tu_report_bytes(&other, &g_ctx, path, crlf, cn);
    assert_int_equal(other.doc.enc, NB_ENC_UTF8_BOM);
    same_cells(&ref, &other, "BOM+CRLF");
    nb_report_free(&other);

    size_t un = 0;
    char *u16 = tu_iconv("UTF-16LE", "UTF-8", crlf + 3, cn - 3, &un);
    char *u16b = malloc(un + 2);
    memcpy(u16b, "\xFF\xFE", 2);
    memcpy(u16b + 2, u16, un);
    tu_report_bytes(&other, &g_ctx, path, u16b, un + 2);
    assert_int_equal(other.doc.enc, NB_ENC_UTF16LE);
    same_cells(&ref, &other, "UTF-16LE+CRLF");
    nb_report_free(&other);
    free(u16);
    free(u16b);
    free(crlf);
    nb_report_free(&ref);
    free(u8);
}

static void test_encodings_seed000(void **s)
{
    (void)s;
    encodings_agree("tests/data/seed000.txt");
}

static void test_encodings_seed004(void **s)
{
    (void)s;
    encodings_agree("tests/data/seed004.txt");
}

static void test_encodings_real(void **s)
{
    (void)s;
    static const char *files[] = {"020_pingtan_2024_pdftotext_layout.txt", "008_pingtan_2024.txt",
                                  "003_shanghai_kewei_2024.txt", "022_pingtan_2024_docx_text.txt"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", tu_corpus_dir(), files[i]);
        FILE *f = fopen(p, "r");
        if (!f) {
            if (getenv("NIANBAO_NO_CORPUS"))
                skip();
            fail_msg("corpus file %s missing", p);
        }
        fclose(f);
        encodings_agree(p);
    }
}

/* ---- run-together digits ---- */

static const char *RUN_TOGETHER =
    "某区2024年政府信息公开工作年度报告\n"
    "一、总体情况 全年收到申请218件。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
    "现行有效件数规章000行政规范性文件8855698第二十条第（五）项信息内容本年处理决定数量行政许可4529"
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    "一、本年新收政府信息公开申请数量21710000218二、上年结转政府信息公开申请数量0000000"
    "三、本年度办理结果（一）予以公开21710000218（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000"
    "（七）总计21710000218四、结转下年度继续办理0000000"
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "21317000001324019五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。\n";

static void test_run_together(void **s)
{
    (void)s;
    nb_report r;
    tu_report_str(&r, &g_ctx, RUN_TOGETHER);
    /* one reading only: inferred, tied to its digits */
    assert_num(&r, "t3.new.natural", 217, NB_ST_INFERRED);
    assert_num(&r, "t3.new.commercial", 1, NB_ST_INFERRED);
    assert_num(&r, "t3.new.total", 218, NB_ST_INFERRED);
    const nb_cell *c = cell(&r, "t3.new.total");
    assert_int_equal(c->len, 3);
    assert_memory_equal(r.doc.text + c->off, "218", 3);
    assert_int_equal(c->blob_len, strlen("21710000218"));
    assert_num(&r, "t3.carried_in.total", 0, NB_ST_INFERRED);
    assert_num(&r, "t2.regulation.issued", 0, NB_ST_INFERRED);
    assert_num(&r, "t2.licensing.decisions", 4529, NB_ST_NUMBER);
    /* T4: each group's four results add up to its total */
    assert_num(&r, "t4.review.upheld", 2, NB_ST_INFERRED);
    assert_num(&r, "t4.review.total", 7, NB_ST_INFERRED);
    assert_num(&r, "t4.suit_after.upheld", 13, NB_ST_INFERRED);
    assert_num(&r, "t4.suit_after.total", 19, NB_ST_INFERRED);
    /* many readings fit 8855698 and nothing sums: not read, and it says so */
    c = cell(&r, "t2.normative.issued");
    assert_int_equal(c->status, NB_ST_TEXT);
    assert_true(c->readings > 1);
    assert_int_equal(c->blob_len, 7);
    assert_memory_equal(r.doc.text + c->blob_off, "8855698", 7);
    nb_report_free(&r);
}

/* A run-together row with empty tab fields, whose digits number its cells:
 * the empty fields are blank cells of their own, every cell of the row
 * written (no part of the split left unset), the sums deciding. */
static void test_run_together_empty_fields(void **s)
{
    (void)s;
    size_t n = 0;
    char *b = tu_read("tests/data/seed001.txt", &n);
    const char *row = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t";
    char *at = strstr(b, row);
    assert_non_null(at);
    char *text = malloc(n + 64);
    size_t k = (size_t)(at - b);
    memcpy(text, b, k);
    k += (size_t)sprintf(text + k, "一、本年新收政府信息公开申请数量\t\t1000\t\t1\t");
    strcpy(text + k, at + strlen(row));
    nb_report r;
    tu_report_str(&r, &g_ctx, text);
    const nb_cell *c = cell(&r, "t3.new.natural");
    assert_int_equal(c->status, NB_ST_BLANK);
    assert_int_equal(c->len, 0);
    assert_num(&r, "t3.new.commercial", 1, NB_ST_INFERRED);
    assert_num(&r, "t3.new.research", 0, NB_ST_INFERRED);
    assert_num(&r, "t3.new.social", 0, NB_ST_INFERRED);
    assert_num(&r, "t3.new.legal", 0, NB_ST_INFERRED);
    c = cell(&r, "t3.new.other");
    assert_int_equal(c->status, NB_ST_BLANK);
    assert_true(c->off > cell(&r, "t3.new.legal")->off && c->off < cell(&r, "t3.new.total")->off);
    assert_num(&r, "t3.new.total", 1, NB_ST_NUMBER);
    assert_memory_equal(r.doc.text + cell(&r, "t3.new.total")->off, "1\t", 2);
    nb_report_free(&r);
    free(text);
    free(b);
}

/* A million tiny rows in the tables' zone (text built to exhaust memory):
 * read in bounded memory and time, the rows before them read, and the cut
 * said (tables_cut). */
static void test_million_rows(void **s)
{
    (void)s;
    size_t n = 0;
    char *b = tu_read("tests/data/seed001.txt", &n);
    const char *t3 = strstr(b, "三、收到和处理政府信息公开申请情况");
    assert_non_null(t3);
    size_t head = (size_t)(t3 - b), rows = 1000000;
    char *text = malloc(n + rows * 4 + 1);
    memcpy(text, b, head);
    for (size_t i = 0; i < rows; i++)
        memcpy(text + head + i * 4, "0\t0\n", 4);
    strcpy(text + head + rows * 4, t3);
    nb_report r;
    tu_report_str(&r, &g_ctx, text);
    assert_true(r.tables_cut);
    assert_num(&r, "t2.regulation.issued", 0, NB_ST_NUMBER); /* T2, before the rows, is read */
    nb_report_free(&r);
    tu_report_str(&r, &g_ctx, b);
    assert_false(r.tables_cut); /* a report's own tables are never cut */
    nb_report_free(&r);
    free(text);
    free(b);
}

/* ---- damaged labels map, and are recorded with the standard wording ---- */

static const char *DAMAGED =
    "某局2023年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\t\t\t\n"
    "信息内容\t本年制发件数\t本年度止件数\t现行有效件数\n"
    "规章\t1\t0\t3\n"
    "规范性文件\t8\t0\t18\n"
    "三、收到和处理政府信息公开申请情况\n"
    "\t\t自然人\t法人或其他组织\n"
    "\t\t\t商业企/业\t科研机构\t社会组织\t法律服务机构\t其他\t总计\n"
    "一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t6\n"
    "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n"
    "三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6\n"
    "\t(七) 总计\t5\t1\t0\t0\t0\t0\t6\n"
    "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\n"
    "五、存在的主要问题及改进情况\n无。\n";

static void test_damaged_labels(void **s)
{
    (void)s;
    nb_report r;
    tu_report_str(&r, &g_ctx, DAMAGED);
    assert_num(&r, "t2.regulation.repealed", 0, NB_ST_NUMBER);
    assert_num(&r, "t2.regulation.in_force", 3, NB_ST_NUMBER);
    assert_num(&r, "t2.normative.issued", 8, NB_ST_NUMBER);
    assert_num(&r, "t3.new.commercial", 1, NB_ST_NUMBER);
    assert_num(&r, "t3.total.total", 6, NB_ST_NUMBER);
    const nb_label *l = find_label(&r, "t2.*.repealed");
    assert_non_null(l);
    assert_string_equal(l->found, "本年度止件数");
    assert_string_equal(l->standard, "本年废止件数");
    l = find_label(&r, "t2.normative");
    assert_non_null(l);
    assert_string_equal(l->found, "规范性文件");
    assert_string_equal(l->standard, "行政规范性文件");
    l = find_label(&r, "t3.*.social");
    assert_non_null(l);
    assert_string_equal(l->found, "社会组织");
    assert_int_equal(nb_doc_locate(&r.doc, l->off).line, 9);
    /* the rows in between are absent, not zero */
    assert_int_equal(cell(&r, "t3.partial.total")->status, NB_ST_MISSING);
    assert_int_equal(cell(&r, "t4.review.total")->status, NB_ST_MISSING);
    nb_report_free(&r);
}

/* ---- Markdown pipe tables split small, with generic headers ---- */

static const char *PIPES =
    "# 某镇2024年政府信息公开工作年度报告\n"
    "## 三、收到和处理政府信息公开申请情况\n"
    "| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
    "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    "\n"
    "| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
    "| （七）总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
    "| 四、结转下年度继续办理 | 0 | / | 0 | 0 | 0 | 0 |  |\n"
    "## 四、政府信息公开行政复议、行政诉讼情况\n"
    "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 | 数据9 | 数据10 | 数据11 | 数据12 | 数据13 | 数据14 | 数据15 |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 | 2 |\n"
    "## 五、存在的主要问题及改进情况\n";

static void test_pipe_tables(void **s)
{
    (void)s;
    nb_report r;
    tu_report_str(&r, &g_ctx, PIPES);
    assert_num(&r, "t3.new.natural", 3, NB_ST_NUMBER);
    assert_num(&r, "t3.carried_in.total", 1, NB_ST_NUMBER);
    assert_num(&r, "t3.granted.total", 2, NB_ST_NUMBER);
    assert_num(&r, "t3.total.natural", 4, NB_ST_NUMBER);
    assert_int_equal(cell(&r, "t3.carried_out.commercial")->status, NB_ST_PLACEHOLDER);
    assert_int_equal(cell(&r, "t3.carried_out.total")->status, NB_ST_BLANK);
    assert_num(&r, "t4.review.upheld", 1, NB_ST_NUMBER);
    assert_num(&r, "t4.suit_after.pending", 2, NB_ST_NUMBER);
    assert_int_equal(r.year, 2024);
    assert_int_equal(r.nlabels, 0);
    nb_report_free(&r);
}

/* ---- a table cut off mid-way: what is there is read, the rest is missing ---- */

static void test_truncated(void **s)
{
    (void)s;
    size_t n;
    char *b = tu_read("tests/data/seed001.txt", &n);
    assert_non_null(b);
    char *cut = strstr(b, "→") ? NULL : strstr(b, "(二) 部分公开");
    assert_non_null(cut);
    nb_report r;
    tu_report_bytes(&r, &g_ctx, "cut.txt", b, (size_t)(cut - b));
    assert_num(&r, "t3.granted.natural", 0, NB_ST_NUMBER);
    assert_int_equal(cell(&r, "t3.partial.natural")->status, NB_ST_MISSING);
    assert_int_equal(cell(&r, "t4.review.total")->status, NB_ST_MISSING);
    nb_report_free(&r);
    free(b);
}

/* ---- escape sequences in a report are kept as text, never break a table ---- */

static void test_control_characters(void **s)
{
    (void)s;
    nb_report r;
    tu_report_str(&r, &g_ctx,
                  "某镇\x1b[31m2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                  "规章\t1\t\x1b[2J0\t2\n行政许可\t7\n五、存在的主要问题及改进情况\n");
    assert_num(&r, "t2.regulation.issued", 1, NB_ST_NUMBER);
    assert_int_equal(cell(&r, "t2.regulation.repealed")->status, NB_ST_TEXT);
    assert_num(&r, "t2.licensing.decisions", 7, NB_ST_NUMBER);
    nb_report_free(&r);
}

/* ---- a T2 figure with spaces inside: one number, or said to be no number ---- */

/* The cell's text as the report holds it. */
static void assert_raw(const nb_report *r, const char *id, const char *raw)
{
    const nb_cell *c = cell(r, id);
    if (c->len != strlen(raw) || memcmp(r->doc.text + c->off, raw, c->len) != 0)
        fail_msg("%s: expected raw \"%s\", got \"%.*s\"", id, raw, (int)c->len, r->doc.text + c->off);
}

static void test_t2_spaced_figures(void **s)
{
    (void)s;
    static const char *const seps[] = {"\t", "   "}; /* a tab row; a plain line of spaces */
    for (int k = 0; k < 2; k++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "某镇2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                 "规章%s1%s0%s2\n行政许可%s4 529\n行政处罚%s1 1 0 0\n行政强制%s12 345 678\n"
                 "行政事业性收费%s18\xc2\xa0" "651.06\n五、存在的主要问题及改进情况\n",
                 seps[k], seps[k], seps[k], seps[k], seps[k], seps[k], seps[k]);
        nb_report r;
        tu_report_str(&r, &g_ctx, text);
        assert_num(&r, "t2.regulation.in_force", 2, NB_ST_NUMBER);
        assert_num(&r, "t2.licensing.decisions", 4529, NB_ST_NUMBER);
        assert_raw(&r, "t2.licensing.decisions", "4 529");
        assert_num(&r, "t2.coercion.decisions", 12345678, NB_ST_NUMBER);
        const nb_cell *fee = cell(&r, "t2.fees.amount");
        assert_int_equal(fee->status, NB_ST_NUMBER);
        assert_true(fee->num.v == 1865106 && fee->num.scale == 2);
        /* 1 1 0 0 is no figure: the row has more values than cells, none dropped unsaid */
        assert_int_equal(cell(&r, "t2.penalty.decisions")->status, NB_ST_TEXT);
        assert_raw(&r, "t2.penalty.decisions", "1 1 0 0");
        nb_report_free(&r);
    }
}

/* ---- a T3 or T4 row with more numbers than cells drops none unsaid ---- */

/* Every cell of a row (five or seven) holds raw as text. */
static void assert_row_text(const nb_report *r, const char *row, const char *const *cols, const char *raw)
{
    for (int c = 0; cols[c]; c++) {
        char id[64];
        snprintf(id, sizeof id, "%s.%s", row, cols[c]);
        assert_int_equal(cell(r, id)->status, NB_ST_TEXT);
        assert_raw(r, id, raw);
    }
}

static void test_t3_t4_surplus(void **s)
{
    (void)s;
    static const char *const t3[] = {"natural", "commercial", "research", "social", "legal", "other", "total", NULL};
    static const char *const t4[] = {"upheld", "corrected", "other", "pending", "total", NULL};
    static const char *const seps[] = {"\t", "   "}; /* a tab row; a plain line of spaces */
    for (int k = 0; k < 2; k++) {
        const char *t = seps[k];
        char text[2048], raw3[64], raw4[128];
        snprintf(text, sizeof text,
                 "某镇2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                 "一、本年新收政府信息公开申请数量%s12%s0%s0%s0%s0%s0%s12%s\xe2\x91\xa0\n" /* a footnote mark: no cell */
                 "（一）予以公开%s12%s0%s0%s0%s0%s0%s12%s5\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n"
                 "1%s0%s0%s0%s1%s0%s0%s0%s0%s0%s0%s0%s0%s0%s0%s9\n五、存在的主要问题及改进情况\n",
                 t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t, t);
        snprintf(raw3, sizeof raw3, "12%s0%s0%s0%s0%s0%s12%s5", t, t, t, t, t, t, t);
        snprintf(raw4, sizeof raw4, "1%s0%s0%s0%s1%s0%s0%s0%s0%s0%s0%s0%s0%s0%s0%s9", t, t, t, t, t, t, t, t, t,
                 t, t, t, t, t, t);
        nb_report r;
        tu_report_str(&r, &g_ctx, text);
        assert_num(&r, "t3.new.natural", 12, NB_ST_NUMBER);
        assert_num(&r, "t3.new.total", 12, NB_ST_NUMBER);
        assert_row_text(&r, "t3.granted", t3, raw3); /* 5 was dropped, 12 read */
        assert_row_text(&r, "t4.review", t4, raw4); /* T4 was missing */
        assert_row_text(&r, "t4.suit_after", t4, raw4);
        nb_report_free(&r);
    }
    nb_report r; /* T4 in three rows of five, one of six: was read as a row of fifteen, short */
    tu_report_str(&r, &g_ctx,
                  "某镇2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
                  "1\t0\t0\t0\t1\n0\t0\t0\t0\t0\t9\n0\t1\t0\t0\t1\n五、存在的主要问题及改进情况\n");
    assert_num(&r, "t4.review.upheld", 1, NB_ST_NUMBER);
    assert_num(&r, "t4.review.total", 1, NB_ST_NUMBER);
    assert_row_text(&r, "t4.suit_direct", t4, "0\t0\t0\t0\t0\t9");
    assert_num(&r, "t4.suit_after.corrected", 1, NB_ST_NUMBER);
    nb_report_free(&r);
}

/* ---- T3's columns in the order its header states ---- */

/* T3's header head and its first two rows, 9 5 1 0 2 0 1 and 3 3 0 0 0 0 0,
 * each a tab row or a cell a line (cells), read: is t3.new read total
 * first (else in the schema's order)? */
static int t3_read_total_first(const char *head, int cells)
{
    const char *sep = cells ? "\n" : "\t";
    char text[1024], rows[256];
    snprintf(rows, sizeof rows, "一、本年新收政府信息公开申请数量%s9%s5%s1%s0%s2%s0%s1\n"
             "二、上年结转政府信息公开申请数量%s3%s3%s0%s0%s0%s0%s0\n",
             sep, sep, sep, sep, sep, sep, sep, sep, sep, sep, sep, sep, sep, sep);
    snprintf(text, sizeof text, "某镇2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n%s%s"
             "四、政府信息公开行政复议、行政诉讼情况\n", head, rows);
    nb_report r;
    tu_report_str(&r, &g_ctx, text);
    static const char *const ids[] = {"natural", "commercial", "research", "social", "legal", "other", "total"};
    static const int total_first[] = {5, 1, 0, 2, 0, 1, 9}, as_schema[] = {9, 5, 1, 0, 2, 0, 1};
    int first = cell(&r, "t3.new.total")->num.v == 9;
    for (int c = 0; c < 7; c++) {
        char id[48];
        snprintf(id, sizeof id, "t3.new.%s", ids[c]);
        assert_num(&r, id, first ? total_first[c] : as_schema[c], NB_ST_NUMBER);
    }
    assert_num(&r, first ? "t3.carried_in.natural" : "t3.carried_in.total", first ? 3 : 0, NB_ST_NUMBER);
    nb_report_free(&r);
    return first;
}

static void test_t3_header_order(void **s)
{
    (void)s;
    /* the header states total first: a tab header by its fields, a header of a cell a line in text order
     * (法人或其他组织 standing for the five columns under it) */
    assert_true(t3_read_total_first("\t总计\t自然人\t法人或其他组织\n"
                                    "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n", 0));
    assert_true(t3_read_total_first("申请人情况\n总计\n自然人\n法人或其他组织\n"
                                    "商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n", 1));
    /* not stated beyond doubt: the schema's order, as before */
    assert_false(t3_read_total_first("\t总计\t自然人\t法人或其他组织\t总计\n" /* a column named twice */
                                     "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n", 0));
    assert_false(t3_read_total_first("总计\t自然人\t法人或其他组织\n" /* fields that do not line up */
                                     "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n", 0));
    assert_false(t3_read_total_first("\t总计\t自然人\n" /* the group head not over its columns */
                                     "\t\t\t商业企业\t科研机构\t法人或其他组织\t社会公益组织\t法律服务机构\t其他\n", 0));
    assert_false(t3_read_total_first("总计\n自然人\n商业企业\n科研机构\n社会公益组织\n" /* no group head */
                                     "法律服务机构\n其他\n", 1));
    assert_false(t3_read_total_first("\t总计\t自然人\t法人或其他组织\n" /* a column not named */
                                     "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\n", 0));
    nb_report r; /* the header says total first, but the rows add up in the schema's order: kept */
    tu_report_str(&r, &g_ctx,
                  "某镇2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                  "\t总计\t自然人\t法人或其他组织\n\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
                  "一、本年新收政府信息公开申请数量\t5\t1\t0\t2\t0\t1\t9\n"
                  "二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n四、政府信息公开行政复议、行政诉讼情况\n");
    assert_num(&r, "t3.new.natural", 5, NB_ST_NUMBER);
    assert_num(&r, "t3.new.total", 9, NB_ST_NUMBER);
    assert_num(&r, "t3.carried_in.total", 3, NB_ST_NUMBER);
    nb_report_free(&r);
}

/* ---- a zero-width character between two digits splits no number ---- */

static void test_zero_width_in_numbers(void **s)
{
    (void)s;
    static const char *const seps[] = {"\t", "   "};
    static const char *const zw[] = {"\xe2\x80\x8b", "\xe2\x80\x8c", "\xe2\x80\x8d", "\xe2\x81\xa0", "\xef\xbb\xbf"};
    for (int k = 0; k < 2; k++)
        for (size_t z = 0; z < sizeof zw / sizeof zw[0]; z++) {
            const char *t = seps[k], *w = zw[z], *lead = z == 0 || z == 4 ? w : ""; /* white space today */
            char text[1024], raw[16];
            snprintf(text, sizeof text,
                     "某镇2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                     "一、本年新收政府信息公开申请数量%s2%s17%s%s1%s0%s0%s0%s0%s21%s%s8\n"
                     "四、政府信息公开行政复议、行政诉讼情况\n",
                     t, w, t, lead, t, t, t, t, t, w, w); /* before 1, between cells: it separates as before */
            nb_report r;
            tu_report_str(&r, &g_ctx, text);
            assert_num(&r, "t3.new.natural", 217, NB_ST_NUMBER);
            snprintf(raw, sizeof raw, "2%s17", w);
            assert_raw(&r, "t3.new.natural", raw);
            assert_num(&r, "t3.new.commercial", 1, NB_ST_NUMBER);
            assert_num(&r, "t3.new.research", 0, NB_ST_NUMBER);
            assert_num(&r, "t3.new.total", 218, NB_ST_NUMBER);
            nb_report_free(&r);
        }
}

/* ---- a figure written amiss is a cell that holds no number, not a blank ---- */

static void test_figure_written_amiss(void **s)
{
    (void)s;
    static const char *const rows[] = {"行政事业性收费\t%s\n", "| 行政事业性收费 | %s |\n", "行政事业性收费   %s\n"};
    static const char *const figs[] = {"18651。06", "1.865106亿元", "１８６５１。０６"};
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++)
        for (size_t f = 0; f < sizeof figs / sizeof figs[0]; f++) {
            char row[128], text[1024];
            snprintf(row, sizeof row, rows[k], figs[f]);
            snprintf(text, sizeof text,
                     "某镇2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                     "行政许可\t7\n%s五、存在的主要问题及改进情况\n", row);
            nb_report r;
            tu_report_str(&r, &g_ctx, text);
            assert_num(&r, "t2.licensing.decisions", 7, NB_ST_NUMBER);
            assert_int_equal(cell(&r, "t2.fees.amount")->status, NB_ST_TEXT);
            assert_raw(&r, "t2.fees.amount", figs[f]);
            nb_report_free(&r);
        }
}

/* ---- the 2019 trial format is told apart by its T2 columns ---- */

static void test_format_2019(void **s)
{
    (void)s;
    nb_report r;
    tu_report_str(&r, &g_ctx,
                  "某区2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                  "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t5\t5\t40\n"
                  "行政许可\t12\t-3\t300\n"
                  "三、收到和处理政府信息公开申请情况\n"
                  "（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1\n"
                  "五、存在的主要问题及改进情况\n");
    assert_int_equal(r.format, 2019);
    assert_num(&r, "t2.normative.public_total", 40, NB_ST_NUMBER);
    assert_num(&r, "t2.licensing.change", -3, NB_ST_NUMBER);
    assert_num(&r, "t3.other.total", 1, NB_ST_NUMBER);
    assert_null(nb_report_cell(&r, "t3.other.other.total"));
    nb_report_free(&r);
}

static void test_schema_cell_ids(void **state)
{
    (void)state;
    const nb_schema *all[] = {nb_schema_for(2021), nb_schema_for(2019), nb_schema_variant(2021, NB_VARIANT_ONE_OTHER)};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        int ci = 0;
        for (int r = 0; r < all[k]->nrows; r++)
            for (int c = 0; c < all[k]->rows[r].ncols; c++, ci++) {
                char want[96], got[96];
                int row, col;
                nb_schema_cell_pos(all[k], ci, &row, &col);
                assert_int_equal(row, r);
                assert_int_equal(col, c);
                assert_int_equal(nb_schema_first_cell(all[k], r), ci - c);
                snprintf(want, sizeof want, "%s.%s", all[k]->rows[r].id, all[k]->rows[r].cols[c].key);
                nb_schema_cell_id(all[k], ci, got, sizeof got);
                assert_string_equal(got, want);
                assert_string_equal(nb_schema_cell_name(all[k], ci), want);
                assert_int_equal(nb_schema_find_cell(all[k], want), ci);
            }
        assert_string_equal(nb_schema_cell_name(all[k], ci), "?");
        assert_int_equal(nb_schema_ncells(all[k]), ci);
        assert_int_equal(nb_schema_first_cell(all[k], all[k]->nrows), ci);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encodings_seed000),
        cmocka_unit_test(test_encodings_seed004),
        cmocka_unit_test(test_encodings_real),
        cmocka_unit_test(test_run_together),
        cmocka_unit_test(test_run_together_empty_fields),
        cmocka_unit_test(test_million_rows),
        cmocka_unit_test(test_damaged_labels),
        cmocka_unit_test(test_pipe_tables),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_control_characters),
        cmocka_unit_test(test_t2_spaced_figures),
        cmocka_unit_test(test_t3_t4_surplus),
        cmocka_unit_test(test_t3_header_order),
        cmocka_unit_test(test_zero_width_in_numbers),
        cmocka_unit_test(test_figure_written_amiss),
        cmocka_unit_test(test_format_2019),
        cmocka_unit_test(test_schema_cell_ids),
    };
    return TU_RUN("extract", tests, &g_ctx, NULL, NULL);
}
