/* test_claims_fast.c — the short cuts of the narrative's claims held
 * against plain references on generated inputs: the joined offset of an
 * original one (a search over the segments) against the first offset the
 * map back reaches it at; a sentence's bounds (most characters' first byte
 * passed over) against a walk that decodes every character, on bytes of
 * any kind, overlong forms too; the characters a kind's pattern needs
 * against the matches it makes; a cell by index against its ID; the
 * words of the kinds' tails and heads, each one character; and the tails
 * whose places are kept only with a number before them against the
 * matches of their kinds; the anchors passed by for their tails and heads
 * against a scan that looks at every anchor's window; the patterns run by
 * the interpreter until JIT-compiled on their use against both. */
#include "booktest.h"
#include "base/utf8.h"
#include "check/claims_internal.h"
#include "model/schema.h"
#include "text/join.h"

static nb_ctx g_ctx;

/* A small generator of numbers, the same every run. */
static uint32_t next(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* A text of 0 to most pieces (each one of the np) drawn at random, with
 * 64 zero bytes after it (as a document's text has): its length. */
static size_t pieces_text(char *text, const char *const *pieces, size_t np, int most, uint32_t *seed)
{
    size_t n = 0;
    for (int k = (int)(next(seed) % (uint32_t)(most + 1)); k > 0; k--) {
        const char *p = pieces[next(seed) % np];
        memcpy(text + n, p, strlen(p));
        n += strlen(p);
    }
    memset(text + n, 0, 64);
    return n;
}

/* The first joined offset whose original offset is at least orig, by
 * trying each in turn. */
static size_t joined_at_ref(const nb_joined *j, size_t orig)
{
    size_t i = 0;
    while (i < j->n && nb_joined_orig(j, i) < orig)
        i++;
    return i;
}

/* Lines of prose (some continuing, some ending, some blank, some spaces
 * only, some a table's figures) joined; every original offset and a few
 * past the end mapped both ways. */
static void test_joined_at(void **s)
{
    (void)s;
    static const char *const lines[] = {"受理政府\n", "信息公开申请17件。\n", "\n", "  \n", "　　本机关\n", "12 34 5.6\n",
                                        "（一）概述\n", "全年共办结\n", "　\n", "其中予以公开3件，\n", "abc\n", "受理"};
    uint32_t seed = 7;
    int joined = 0;
    for (int round = 0; round < 400; round++) {
        char text[1024 + 64];
        size_t n = pieces_text(text, lines, sizeof lines / sizeof lines[0], 11, &seed);
        size_t skip_from = next(&seed) % (n + 1), skip_to = round % 3 ? skip_from : next(&seed) % (n + 1);
        nb_joined j;
        assert_int_equal(nb_join_lines(text, n, skip_from, skip_to, &j), 0);
        for (size_t orig = 0; orig <= n + 3; orig++)
            assert_int_equal(nb_joined_at(&j, orig), joined_at_ref(&j, orig));
        joined += j.nseg > 2;
        nb_joined_free(&j);
    }
    assert_true(joined > 40);
}

/* Does the code point end a sentence? */
static int ends(uint32_t c)
{
    return c == 0x3002 || c == 0xFF1B || c == ';' || c == '\n';
}

/* The character ending at s (from the last byte before it that is not a
 * continuation byte, *p) decoded. */
static uint32_t char_before(const char *t, size_t s, size_t *p)
{
    size_t q = s - 1;
    while (q > 0 && ((unsigned char)t[q] & 0xC0) == 0x80)
        q--;
    *p = q;
    return nb_utf8_get(t, s, &q);
}

/* nb_claim_sentence's bounds by decoding every character, as it did. */
static void sentence_ref(const char *t, size_t n, size_t at, size_t *a, size_t *b)
{
    size_t s = at, p, e = at;
    while (s > 0 && !ends(char_before(t, s, &p)))
        s = p;
    for (size_t q = at; q < n && !ends(nb_utf8_get(t, n, &q));)
        e = q;
    *a = s;
    *b = e;
}

/* Texts of pieces: ends of sentences as they are written and in overlong
 * forms, other punctuation, ideographs, stray and cut bytes. */
static void test_sentence(void **s)
{
    (void)s;
    static const char *const pieces[] = {"。", "；", ";", "\n", "，", "、", "申请", "a", "\xC0\xBB", "\xC0\x8A",
                                         "\xE0\x80\xBB", "\xF0\x83\x80\x82", "\xF0\x8F\xBC\x9B", "\x80", "\xE3\x80",
                                         "\xEF\xBC", "\xE3", "\xBF\xBF", "“", "\xC1\xBB", "\xF8\x80"};
    uint32_t seed = 11;
    for (int round = 0; round < 2000; round++) {
        char text[256];
        size_t n = pieces_text(text, pieces, sizeof pieces / sizeof pieces[0], 23, &seed);
        scan sc;
        memset(&sc, 0, sizeof sc);
        sc.j.t = text;
        sc.j.n = n;
        for (size_t at = 0; at <= n; at++) {
            size_t a, b, ra, rb;
            nb_claim_sentence(&sc, at, &a, &b);
            sentence_ref(text, n, at, &ra, &rb);
            assert_int_equal(a, ra);
            assert_int_equal(b, rb);
        }
    }
}

/* Every match a kind's pattern makes in texts of its words holds each
 * character the kind needs (so a window without one holds none); each
 * kind with needs matches some of them. */
static void test_needs(void **s)
{
    (void)s;
    static const char *const words[] = {"收到", "受理", "办理", "申请", "件", "3", "十二", "行政", "复议", "诉讼",
                                        "无", "未", "没有", "办结", "共", "结转", "转入", "下一年", "下", "年",
                                        "上年", "，", "。", " ", "规范性文件", "全部", "均已", "其中", "率", "的",
                                        "3件", "结转至下年", "办结申请"};
    const claims_ctx *cc = g_ctx.re_claims;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    int matched[NKINDS] = {0};
    uint32_t seed = 3;
    for (int round = 0; round < 100000; round++) {
        char text[256];
        size_t n = pieces_text(text, words, sizeof words / sizeof words[0], 9, &seed);
        for (int k = 0; k < NKINDS; k++) {
            const char *need = nb_claim_needs(k);
            for (size_t from = 0; need && from < n;) {
                if (pcre2_match(cc->re[k], (PCRE2_SPTR)text, n, from, PCRE2_NO_UTF_CHECK, md, NULL) <= 0)
                    break;
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                for (const char *c = need; *c; c += 3)
                    assert_non_null(nb_find(text + ov[0], ov[1] - ov[0], c, 3));
                matched[k]++;
                from = ov[0] + 1;
                while (from < n && ((unsigned char)text[from] & 0xC0) == 0x80)
                    from++;
            }
        }
    }
    for (int k = 0; k < NKINDS; k++)
        if (nb_claim_needs(k) && !matched[k])
            fail_msg("kind %d: no match", k);
    pcre2_match_data_free(md);
}

/* A cell read by index is the cell its ID names, in every format's tables
 * (the IDs fit the room they were copied into before); no cell past them. */
static void test_cell_by_index(void **s)
{
    (void)s;
    const nb_schema *schemas[] = {nb_schema_for(2021), nb_schema_variant(2021, NB_VARIANT_ONE_OTHER),
                                  nb_schema_for(2019)};
    for (size_t k = 0; k < sizeof schemas / sizeof schemas[0]; k++) {
        const nb_schema *sch = schemas[k];
        int nc = nb_schema_ncells(sch);
        assert_true(nc > 0);
        for (int ci = 0; ci < nc; ci++) {
            const char *id = nb_schema_cell_name(sch, ci);
            assert_true(strlen(id) < 96);
            assert_int_equal(nb_schema_find_cell(sch, id), ci);
        }
        nb_report r;
        memset(&r, 0, sizeof r);
        r.schema = sch;
        long long v;
        assert_int_equal(nb_claim_cell_at(&r, -1, &v), -1);
        assert_int_equal(nb_claim_cell_at(&r, nc, &v), -1);
    }
}

/* Each word of a kind's tail or head is one character, its length that
 * of the sequence its first byte starts (the scan tells where a place of
 * such a word ends from the byte it starts with): both lengths met in one
 * group (% and ％). */
static void test_tail_words(void **s)
{
    (void)s;
    const claims_ctx *cc = g_ctx.re_claims;
    uint64_t sides = 0; /* the tail and head groups */
    for (int k = 0; k < NKINDS; k++) {
        sides |= cc->tail[k] >= 0 ? (uint64_t)1 << cc->tail[k] : 0;
        sides |= cc->head[k] >= 0 ? (uint64_t)1 << cc->head[k] : 0;
    }
    int lens = 0, words = 0;
    for (int w = 0; w < cc->words.n; w++) {
        if (!(cc->groups[w] & sides))
            continue;
        unsigned char c = (unsigned char)cc->words.w[w][0];
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        assert_int_equal(cc->words.len[w], len);
        assert_int_equal(nb_utf8_whole(cc->words.w[w], len), len);
        lens |= 1 << len;
        words++;
    }
    assert_true(words > 30);
    assert_int_equal(lens, 1 << 1 | 1 << 3);
}

/* Does a number (an ASCII or full width digit, or a Chinese numeral) end
 * at p, white space stepped back over? By the strings it may end with. */
static int number_before_ref(const char *t, size_t p)
{
    static const char *const ends[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "零", "〇", "一", "二",
                                       "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "０",
                                       "１", "２", "３", "４", "５", "６", "７", "８", "９"};
    while (p > 0 && strchr(" \t\n\v\f\r", t[p - 1]) && t[p - 1])
        p--;
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t l = strlen(ends[k]);
        if (p >= l && !memcmp(t + p - l, ends[k], l))
            return 1;
    }
    return 0;
}

/* The groups of the tails kept only with a number right before them: no
 * head's nor anchor's, and every match of a kind with such a tail, in texts
 * of its words, holds a character of it with a number right before it (so
 * the scan, having dropped the others, misses no match). */
static void test_numbered_tails(void **s)
{
    (void)s;
    static const char *const words[] = {"收到", "受理", "申请", "件", "3", "十二", "１", " ", "，", "行政复议",
                                        "行政诉讼", "行政许可", "规范性文件", "予以公开", "无法提供", "不予处理",
                                        "维持", "纠正", "办结率", "100", "%", "％", "占", "上年结转", "结转",
                                        "共", "答复", "办结", "起", "个", "现行有效", "废止", "制发", "的",
                                        "三件", "3 件", "5%"};
    const claims_ctx *cc = g_ctx.re_claims;
    uint64_t others = 0;
    for (int k = 0; k < NKINDS; k++) {
        others |= cc->head[k] >= 0 ? (uint64_t)1 << cc->head[k] : 0;
        others |= (uint64_t)1 << cc->anchor[k];
    }
    assert_int_equal(cc->numbered & others, 0);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    int matched = 0, kinds = 0;
    for (int k = 0; k < NKINDS; k++) {
        if (cc->tail[k] < 0 || !(cc->numbered >> cc->tail[k] & 1))
            continue;
        kinds++;
        uint32_t seed = 5 + (uint32_t)k;
        for (int round = 0; round < 20000; round++) {
            char text[256];
            size_t n = pieces_text(text, words, sizeof words / sizeof words[0], 8, &seed);
            if (pcre2_match(cc->re[k], (PCRE2_SPTR)text, n, 0, PCRE2_NO_UTF_CHECK, md, NULL) <= 0)
                continue;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            int held = 0;
            for (int w = 0; w < cc->words.n && !held; w++) {
                if (!(cc->groups[w] >> cc->tail[k] & 1))
                    continue;
                for (size_t p = ov[0]; p + cc->words.len[w] <= ov[1] && !held; p++)
                    held = !memcmp(text + p, cc->words.w[w], cc->words.len[w]) && number_before_ref(text, p);
            }
            if (!held)
                fail_msg("kind %d: a match with no number before its tail: %.*s", k, (int)(ov[1] - ov[0]), text + ov[0]);
            matched++;
        }
    }
    assert_true(kinds >= 15);
    assert_true(matched > 1000);
    pcre2_match_data_free(md);
}

/* Do the two lists of findings say the same, in the same order? */
static int same_findings(const nb_findings *a, const nb_findings *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        const nb_finding *x = &a->v[i], *y = &b->v[i];
        if (x->rule != y->rule || x->severity != y->severity || x->claim != y->claim || x->off != y->off ||
            x->claim_off != y->claim_off || x->claim_len != y->claim_len || x->ncells != y->ncells ||
            x->nparts != y->nparts || memcmp(x->cells, y->cells, sizeof x->cells))
            return 0;
    }
    return 1;
}

/* A claim's sentence, white space let in between its characters at random
 * (runs of up to 99 spaces or a line end now and then: its words reach a
 * window's edge at every byte), onto text at n: the new length, or n
 * where it would pass max. */
static size_t spaced_claim(char *text, size_t n, size_t max, const char *claim, uint32_t *seed)
{
    for (size_t i = 0, j; claim[i]; i = j) {
        size_t run = next(seed) % 4 ? 0 : next(seed) % 100;
        j = i + 1;
        while (((unsigned char)claim[j] & 0xC0) == 0x80)
            j++;
        if (n + run + (j - i) > max)
            return n;
        memset(text + n, next(seed) % 16 ? ' ' : '\n', run);
        memcpy(text + n + run, claim + i, j - i);
        n += run + (j - i);
    }
    return n;
}

/* A narrative of the claims' words, their pieces, filler and claims
 * spaced out (windows' edges met at every byte, lines joined), into text
 * (900 + 64 bytes), ended by a zero byte. */
static void claims_narrative(char *text, uint32_t *seed)
{
    static const char *const words[] = {
        "收到", "申请", "政府信息公开", "3件", "十二件", "件", "个", "2 起", "，", "。", "其中", "予以公开", "部分公开",
        "不予公开", "公开", "无法提供", "不予处理", "其他处理", "行政复议", "行政诉讼", "行政许可", "维持", "纠正",
        "未发生", "没有", "无", "上年结转", "结转", "转入下一年度", "办结", "答复", "共", "全部", "均已", "办结率",
        "100%", "5％", "150%", "占", "比", "共3件，其中", "条", "规范性文件", "制发", "现行有效", "废止", "尚未办结",
        "正在办理", "完毕", "\n", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a", " ", "         ", "的工作", "年"};
    static const char *const claims[] = { /* numbers no cell holds */
        "全年收到政府信息公开申请901件", "办理申请907件", "未收到申请", "上年结转申请903件", "结转下年度902件",
        "903件结转至下年", "办结申请912件", "申请共答复912件", "申请依法办结905件", "行政复议902件", "未发生行政复议",
        "行政诉讼901起", "无行政诉讼", "制发规章和规范性文件903件", "现行有效规范性文件920件", "废止规范性文件902件",
        "予以公开905件", "无法提供901件", "不予处理902件", "维持901件", "纠正902件", "行政许可930件", "共9件，其中",
        "办结率100%", "公开率150%", "2件，占比60%", "全部办结", "均已答复完毕", "无转入下年", "无结转", "尚未办结",
        "正在办理", "均办结"};
    size_t n = pieces_text(text, words, sizeof words / sizeof words[0], 12, seed);
    for (int k = (int)(next(seed) % 4); k > 0; k--) {
        n = spaced_claim(text, n, 700, claims[next(seed) % (sizeof claims / sizeof claims[0])], seed);
        n += pieces_text(text + n, words, sizeof words / sizeof words[0], 3, seed); /* 93 bytes at most */
    }
    text[n] = '\0';
}

/* The scan passes by the anchors around which no kind's tail stands near
 * enough after them, or no head before them: in narratives of the claims'
 * words, their pieces, filler and claims spaced out (windows' edges met at
 * every byte, lines joined), it finds what a scan looking at every anchor's
 * window finds. */
static void test_anchors_passed_by(void **s)
{
    (void)s;
    uint32_t seed = 11;
    size_t found = 0;
    uint64_t kinds = 0, rules = 0; /* the kinds of finding met, a bit each */
    for (int round = 0; round < 6000; round++) {
        char text[900 + 64];
        claims_narrative(text, &seed);
        nb_report r;
        nb_findings fast, plain;
        nb_err e;
        bt_narrative(&r, &g_ctx, text);
        memset(&fast, 0, sizeof fast);
        memset(&plain, 0, sizeof plain);
        assert_int_equal(nb_claims_scan(&r, &g_ctx, 0, &fast, &e), 0);
        assert_int_equal(nb_claims_scan(&r, &g_ctx, 1, &plain, &e), 0);
        if (!same_findings(&fast, &plain))
            fail_msg("round %d: %zu findings, %zu by every window: %s", round, fast.n, plain.n, text);
        found += plain.n;
        for (size_t i = 0; i < plain.n; i++) {
            kinds |= (uint64_t)1 << (plain.v[i].claim & 63);
            rules |= (uint64_t)1 << (plain.v[i].rule & 63);
        }
        nb_findings_free(&fast);
        nb_findings_free(&plain);
        nb_report_free(&r);
    }
    assert_true(found > 2500);
    assert_true(__builtin_popcountll(kinds) >= 20 && __builtin_popcountll(rules) >= 4);
}

/* A kind's pattern runs through the interpreter until it has run
 * jit_after times in a context, then through its JIT code: on generated
 * narratives a context doing so finds what one that never JIT-compiles
 * and one that JIT-compiled every kind at set-up find, and its kinds hold
 * JIT code exactly when they have run more than jit_after times. */
static void test_lazy_jit(void **s)
{
    (void)s;
    nb_ctx ctx[3]; /* lazy, never JIT-compiled, all JIT-compiled at set-up */
    nb_err e;
    for (int c = 0; c < 3; c++)
        assert_int_equal(nb_ctx_init(&ctx[c], NB_LANG_EN, &e), 0);
    claims_ctx *lazy = ctx[0].re_claims, *never = ctx[1].re_claims, *all = ctx[2].re_claims;
    never->jit_after = UINT_MAX;
    for (int k = 0; k < NKINDS; k++) {
        assert_int_equal(lazy->uses[k], 0);
        pcre2_jit_compile(all->re[k], PCRE2_JIT_COMPLETE);
    }
    uint32_t seed = 5, has_jit = 0;
    size_t found = 0;
    assert_int_equal(pcre2_config(PCRE2_CONFIG_JIT, &has_jit), 0);
    for (int round = 0; round < 2000; round++) {
        char text[900 + 64];
        claims_narrative(text, &seed);
        nb_findings f[3];
        for (int c = 0; c < 3; c++) {
            nb_report r;
            bt_narrative(&r, &ctx[c], text);
            memset(&f[c], 0, sizeof f[c]);
            assert_int_equal(nb_claims_scan(&r, &ctx[c], 0, &f[c], &e), 0);
            nb_report_free(&r);
        }
        if (!same_findings(&f[0], &f[1]) || !same_findings(&f[0], &f[2]))
            fail_msg("round %d: %zu, %zu never JIT-compiled, %zu all: %s", round, f[0].n, f[1].n, f[2].n, text);
        found += f[0].n;
        for (int c = 0; c < 3; c++)
            nb_findings_free(&f[c]);
    }
    int ran = 0;
    for (int k = 0; k < NKINDS; k++) {
        size_t lazy_size = 1, never_size = 1, all_size = 0;
        pcre2_pattern_info(lazy->re[k], PCRE2_INFO_JITSIZE, &lazy_size);
        pcre2_pattern_info(never->re[k], PCRE2_INFO_JITSIZE, &never_size);
        pcre2_pattern_info(all->re[k], PCRE2_INFO_JITSIZE, &all_size);
        assert_int_equal(lazy->uses[k], never->uses[k]);
        assert_int_equal(lazy_size > 0, has_jit && lazy->uses[k] > lazy->jit_after);
        assert_int_equal(never_size, 0);
        assert_int_equal(all_size > 0, has_jit);
        ran += lazy->uses[k] > 0;
    }
    assert_true(ran >= 20 && found > 800);
    for (int c = 0; c < 3; c++)
        nb_ctx_free(&ctx[c]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_joined_at),
        cmocka_unit_test(test_sentence),
        cmocka_unit_test(test_needs),
        cmocka_unit_test(test_cell_by_index),
        cmocka_unit_test(test_tail_words),
        cmocka_unit_test(test_numbered_tails),
        cmocka_unit_test(test_anchors_passed_by),
        cmocka_unit_test(test_lazy_jit),
    };
    return TU_RUN("claims_fast", tests, &g_ctx, NULL, NULL);
}
