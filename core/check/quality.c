/* quality.c — TEXT.QUALITY, the care of the prose (info only): a run of
 * two to eight Chinese characters written twice (资金资金), ASCII , ; : ! ?
 * between Chinese characters (one finding for all, with the count), and a
 * short list of common misspellings. The prose is the sections' text from
 * 一、总体情况 on, without the tables' zone and T4 (section 四). */
#include "check/internal.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#define MAX_EACH 5 /* findings of one form at most */

/* Misspellings, what they should be, and where in each the rare part the
 * text is searched for begins (bytes): most start with a character the
 * reports write everywhere (公, 一, 不, 重, 布), whose every place a search
 * for the whole word would try; the part before is compared where the rare
 * one stands. */
static const struct typo {
    const char *wrong, *right;
    int key;
} typos[] = {
    {"布署", "部署", 3},         {"贯切", "贯彻", 0},         {"再接再励", "再接再厉", 9}, {"截止目前", "截至目前", 0},
    {"截止到目前", "截至目前", 0}, {"一如继往", "一如既往", 9}, {"迫不急待", "迫不及待", 0}, {"坚苦", "艰苦", 3},
    {"松驰", "松弛", 3},         {"重迭", "重叠", 3},         {"公布于众", "公之于众", 6}, {"一愁莫展", "一筹莫展", 3},
    {"不径而走", "不胫而走", 3}, {"以身做则", "以身作则", 3}, {"按步就班", "按部就班", 9},
};

/* The prose: up to three stretches of the text. */
typedef struct prose {
    size_t a[3], b[3];
    int n;
} prose;

/* [a, b) without [x, y). */
static void cut(prose *p, size_t x, size_t y)
{
    prose q = {{0}, {0}, 0};
    for (int i = 0; i < p->n; i++) {
        if (y <= p->a[i] || x >= p->b[i] || x >= y) {
            q.a[q.n] = p->a[i];
            q.b[q.n++] = p->b[i];
            continue;
        }
        if (x > p->a[i] && q.n < 3) {
            q.a[q.n] = p->a[i];
            q.b[q.n++] = x;
        }
        if (y < p->b[i] && q.n < 3) {
            q.a[q.n] = y;
            q.b[q.n++] = p->b[i];
        }
    }
    *p = q;
}

static void find_prose(const nb_report *r, prose *p)
{
    p->n = 0;
    if (!r->sec[NB_SEC_GENERAL].present)
        return;
    p->a[0] = r->sec[NB_SEC_GENERAL].head_off;
    p->b[0] = r->doc.len;
    p->n = 1;
    if (r->tables_end > r->tables_off)
        cut(p, r->tables_off, r->tables_end);
    if (r->sec[NB_SEC_REVIEW].present)
        cut(p, r->sec[NB_SEC_REVIEW].body_off, r->sec[NB_SEC_REVIEW].body_end);
}

static int ideograph(uint32_t c)
{
    static const char numerals[] = "零〇一二三四五六七八九十百千万";
    char u[4];
    size_t l = nb_utf8_put(u, c);
    return c >= 0x4E00 && c <= 0x9FFF && !nb_find(numerals, sizeof numerals - 1, u, l);
}

/* Are the n characters at t[i] all ideographs (three bytes each)? */
static int ideographs(const char *t, size_t end, size_t i, int n)
{
    for (int k = 0; k < n; k++) {
        size_t j = i;
        if (i >= end || !ideograph(nb_utf8_get(t, end, &j)) || j != i + 3)
            return 0;
        i = j;
    }
    return 1;
}

static nb_finding *quality(nb_finding_form form, size_t off, size_t len, nb_findings *out, nb_err *err)
{
    nb_finding *f = nb_finding_add_at(out, NB_RULE_TEXT_QUALITY, off, err);
    if (f) {
        f->form = form;
        f->claim_off = off;
        f->claim_len = len;
        f->text = (nb_span){off, len};
    }
    return f;
}

/* The three bytes at u as one number (a character of CJK text). */
static uint32_t three(const unsigned char *u)
{
    return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16;
}

/* The lengths l (2–8, 6l <= b - i) whose run of l characters from the
 * six bytes at t[i] could stand again right after it: a bit each, set
 * when those six bytes (the run's first two characters) stand again 3l
 * bytes on. */
static unsigned rerun_lengths(const unsigned char *u, size_t i, size_t b)
{
    size_t lim = (b - i) / 6; /* the lengths l whose two runs end by b: 6l <= b - i */
    unsigned m = 0;
    if (lim >= 2) {
        uint32_t first = three(u + i), second = three(u + i + 3);
        for (size_t l = 2; l <= (lim < 8 ? lim : 8); l++)
            m |= (unsigned)(three(u + i + 3 * l) == first && three(u + i + 3 * l + 3) == second) << l;
    }
    return m;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* The bytes of x (the 32 at u) equal to those 3l bytes on, 0xFF each. */
__attribute__((target("avx2"))) static inline __m256i same_at(const unsigned char *u, __m256i x, int l)
{
    return _mm256_cmpeq_epi8(x, _mm256_loadu_si256((const __m256i *)(u + 3 * l)));
}

/* The places of the 27 from u whose six bytes stand again 3l bytes on for
 * some l (2–8), a bit each (u holds 56 bytes). */
__attribute__((target("avx2"))) static uint32_t reruns_exact(const unsigned char *u, __m256i x)
{
    uint32_t any = 0;
    for (int l = 2; l <= 8; l++) {
        uint32_t e = (uint32_t)_mm256_movemask_epi8(same_at(u, x, l));
        e &= e >> 1 & e >> 2;
        any |= e & e >> 3;
    }
    return any;
}

/* The places of the 27 from u (56 bytes) that may start a repeated run,
 * a bit each: an ideograph's lead byte whose six bytes stand again 3l
 * bytes on for some l. First told loosely for all the places at once (each
 * of the six bytes equal to the byte 3l on for some l of its own), and
 * only where a place passes that, l by l. */
__attribute__((target("avx2"), always_inline)) static inline uint32_t rerun_places(const unsigned char *u)
{
    const __m256i e4 = _mm256_set1_epi8((char)0xE4), five = _mm256_set1_epi8(5);
    __m256i x = _mm256_loadu_si256((const __m256i *)u), d = _mm256_sub_epi8(x, e4), eq;
    uint32_t lead = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(d, five), d));
    if (!(lead & 0x7FFFFFF))
        return 0;
    eq = _mm256_or_si256(_mm256_or_si256(_mm256_or_si256(same_at(u, x, 2), same_at(u, x, 3)),
                                         _mm256_or_si256(same_at(u, x, 4), same_at(u, x, 5))),
                         _mm256_or_si256(_mm256_or_si256(same_at(u, x, 6), same_at(u, x, 7)), same_at(u, x, 8)));
    uint32_t e = (uint32_t)_mm256_movemask_epi8(eq), two = e & e >> 1, four = two & two >> 2;
    uint32_t m = four & two >> 4 & lead & 0x7FFFFFF;
    return m ? m & reruns_exact(u, x) : 0;
}

/* next_rerun twenty-seven places at a time (AVX2), while their bytes and
 * 24 on are in [i, b): the place (*m its lengths), or b with *from the
 * first place not tried. */
__attribute__((target("avx2"))) static size_t next_rerun_wide(const unsigned char *u, size_t *from, size_t b,
                                                                unsigned *lengths)
{
    for (size_t i = *from; i + 56 <= b; i += 27, *from = i) /* places i … i+26: their bytes to i+31, and 24 on */
        for (uint32_t m = rerun_places(u + i); m; m &= m - 1) {
            size_t p = i + (size_t)__builtin_ctz(m);
            if ((*lengths = rerun_lengths(u, p, b)))
                return p;
        }
    return b;
}

/* next_rerun over the last bytes, fewer than 56 from i to b, as
 * next_rerun_wide tells them but on a copy with zero bytes after b: a
 * place whose run stands again by b has the same bytes in the copy (no
 * byte past b is compared for it), and rerun_lengths, on the text itself,
 * tells the others. */
__attribute__((target("avx2"))) static size_t next_rerun_last(const unsigned char *u, size_t i, size_t b,
                                                                unsigned *lengths)
{
    unsigned char pad[27 + 56] = {0}; /* two blocks: places i … i+53 */
    if (i + 12 > b) /* a run of two and its repetition: twelve bytes at least */
        return b;
    memcpy(pad, u + i, b - i);
    for (size_t k = 0; k + 12 <= b - i; k += 27)
        for (uint32_t m = rerun_places(pad + k); m; m &= m - 1) {
            size_t p = i + k + (size_t)__builtin_ctz(m);
            if (p + 12 > b)
                return b;
            if ((*lengths = rerun_lengths(u, p, b)))
                return p;
        }
    return b;
}
#endif

/* The first place in [i, b) where a repeated run may start: a lead byte of
 * an ideograph (U+4E00–U+9FFF: E4–E9) whose six bytes stand again 3l
 * bytes on for some length l (*lengths: rerun_lengths, not 0); b when none.
 * Where the AVX2 instructions are, twenty-seven places at a time to the
 * end (its last bytes on a padded copy); else sixteen places at a time
 * where the SSE2 ones are: a mask of the bytes equal at each distance,
 * three in a row, one test a block (the other three by rerun_lengths),
 * and the last places one by one. */
static size_t next_rerun(const unsigned char *u, size_t i, size_t b, unsigned *lengths)
{
#if defined(__x86_64__) && defined(__GNUC__)
    if (__builtin_cpu_supports("avx2")) {
        size_t p = i + 56 <= b ? next_rerun_wide(u, &i, b, lengths) : b;
        return p < b ? p : next_rerun_last(u, i, b, lengths);
    }
#endif
#if defined(__SSE2__)
    const __m128i e4 = _mm_set1_epi8((char)0xE4), five = _mm_set1_epi8(5);
    for (; i + 40 <= b; i += 14) { /* places i … i+13: their bytes to i+15, and 24 on */
        __m128i x = _mm_loadu_si128((const __m128i *)(u + i)), d = _mm_sub_epi8(x, e4);
        unsigned lead = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, five), d)), any = 0;
        if (!(lead & 0x3FFF))
            continue;
        for (int l = 2; l <= 8; l++) {
            __m128i y = _mm_loadu_si128((const __m128i *)(u + i + 3 * l));
            unsigned e = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, y));
            any |= e & e >> 1 & e >> 2;
        }
        for (unsigned m = any & lead & 0x3FFF; m; m &= m - 1) {
            size_t p = i + (size_t)__builtin_ctz(m);
            if ((*lengths = rerun_lengths(u, p, b)))
                return p;
        }
    }
#endif
    for (; i + 12 <= b; i++) /* a run of two and its repetition: twelve bytes at least */
        if (u[i] >= 0xE4 && u[i] <= 0xE9 && (*lengths = rerun_lengths(u, i, b)))
            return i;
    return b;
}

/* A run of 2–8 ideographs written twice in a row. Only a character whose
 * lead byte is an ideograph's can start one, and its first six bytes must
 * stand again w bytes on (next_rerun finds the places; every other place is
 * stepped over as the characters are, none of them starting a run), then
 * the rest tried for the lengths whose bit is set. */
static int repeats(const nb_report *r, size_t a, size_t b, int *found, nb_findings *out, nb_err *err)
{
    const char *t = r->doc.text;
    const unsigned char *u = (const unsigned char *)t;
    unsigned m = 0; /* the lengths next_rerun found at i */
    for (size_t i = next_rerun(u, a, b, &m); i < b && *found < MAX_EACH; i = next_rerun(u, i, b, &m)) {
        int hit = 0;
        for (int l = 2; l <= 8 && m && !hit; l++) {
            size_t w = (size_t)l * 3;
            if (!(m >> l & 1) || memcmp(t + i, t + i + w, w) || !ideographs(t, b, i, 2 * l))
                continue;
            if (!quality(NB_FORM_REPEAT, i, 2 * w, out, err))
                return -1;
            (*found)++;
            i += 2 * w;
            hit = 1;
        }
        if (!hit)
            i++;
    }
    return 0;
}

/* The ideograph ending at off, skipping spaces back; 0 if none. */
static int cjk_before(const char *t, size_t lo, size_t off)
{
    while (off > lo && t[off - 1] == ' ')
        off--;
    if (off < lo + 3)
        return 0;
    size_t i = off - 3;
    return nb_is_cjk(nb_utf8_get(t, off, &i)) && i == off;
}

static int cjk_after(const char *t, size_t hi, size_t off)
{
    while (off < hi && t[off] == ' ')
        off++;
    size_t i = off;
    return off < hi && nb_is_cjk(nb_utf8_get(t, hi, &i));
}

/* Count the mark at t[i] (of [a, b)) when it stands between Chinese characters. */
static void ascii_mark(const char *t, size_t a, size_t b, size_t i, size_t *first, long long *count)
{
    if (cjk_before(t, a, i) && cjk_after(t, b, i + 1)) {
        if (!*count)
            *first = i;
        (*count)++;
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
/* ascii_marks thirty-two bytes at a time (AVX2), while they are in [i, b):
 * the first byte not tried. */
__attribute__((target("avx2"))) static size_t ascii_marks_wide(const char *t, size_t a, size_t i, size_t b,
                                                                 size_t *first, long long *count)
{
    const __m256i comma = _mm256_set1_epi8(','), semi = _mm256_set1_epi8(';'), colon = _mm256_set1_epi8(':'),
                  bang = _mm256_set1_epi8('!'), ask = _mm256_set1_epi8('?');
    for (; i + 32 <= b; i += 32) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(t + i));
        __m256i hit = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(x, comma), _mm256_cmpeq_epi8(x, semi)),
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(x, colon), _mm256_cmpeq_epi8(x, bang)),
                            _mm256_cmpeq_epi8(x, ask)));
        for (uint32_t m = (uint32_t)_mm256_movemask_epi8(hit); m; m &= m - 1)
            ascii_mark(t, a, b, i + (size_t)__builtin_ctz(m), first, count);
    }
    return i;
}
#endif

/* ASCII , ; : ! ? between Chinese characters: the first, and how many.
 * Thirty-two bytes at a time where the AVX2 instructions are, then sixteen
 * (SSE2), then one by one: most blocks hold none of the five. */
static void ascii_marks(const nb_report *r, size_t a, size_t b, size_t *first, long long *count)
{
    const char *t = r->doc.text;
    size_t i = a;
#if defined(__x86_64__) && defined(__GNUC__)
    if (i + 32 <= b && __builtin_cpu_supports("avx2"))
        i = ascii_marks_wide(t, a, i, b, first, count);
#endif
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), semi = _mm_set1_epi8(';'), colon = _mm_set1_epi8(':'),
                  bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?');
    for (; i + 16 <= b; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(t + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, comma), _mm_cmpeq_epi8(x, semi)),
                                   _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, colon), _mm_cmpeq_epi8(x, bang)),
                                                _mm_cmpeq_epi8(x, ask)));
        for (unsigned m = (unsigned)_mm_movemask_epi8(hit); m; m &= m - 1)
            ascii_mark(t, a, b, i + (size_t)__builtin_ctz(m), first, count);
    }
#endif
    for (; i < b; i++) {
        char c = t[i];
        if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?')
            ascii_mark(t, a, b, i, first, count);
    }
}

#define NTYPOS (sizeof typos / sizeof typos[0])

int nb_quality_words(nb_needles *s)
{
    const char *words[NTYPOS];
    for (size_t k = 0; k < NTYPOS; k++)
        words[k] = typos[k].wrong + typos[k].key;
    return nb_needles_init(s, words, (int)NTYPOS);
}

/* The places of pl[0, n) (of the rare parts, from t) where the part of the
 * word before stands in front, from t on, moved to the front of pl as the
 * places where their words start; how many. */
static size_t whole_words(const char *t, nb_place *pl, size_t n)
{
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const struct typo *w = &typos[pl[i].needle];
        size_t key = (size_t)w->key;
        if (pl[i].off >= key && !memcmp(t + pl[i].off - key, w->wrong, key))
            pl[kept++] = (nb_place){pl[i].off - key, pl[i].needle};
    }
    return kept;
}

/* The misspellings in [a, b), their rare parts found in one pass (set:
 * nb_quality_words) and kept where the whole word stands from a on; told
 * in the order of the list, each's in the order of the text. */
static int misspellings(const nb_report *r, const nb_needles *set, size_t a, size_t b, int *found, nb_findings *out,
                        nb_err *err)
{
    const char *t = r->doc.text;
    nb_place *pl = NULL;
    size_t cap = 0, npl = 0;
    if (b > a && nb_find_all(set, t + a, b - a, &pl, &cap, &npl) != 0) {
        free(pl);
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(out->lang, "out of memory", "内存不足"));
    }
    npl = whole_words(t + a, pl, npl);
    for (int k = 0; k < (int)NTYPOS && npl; k++) {
        size_t l = strlen(typos[k].wrong), from = 0;
        for (size_t i = 0; i < npl && *found < MAX_EACH; i++) {
            if (pl[i].needle != k || pl[i].off < from)
                continue;
            nb_finding *f = quality(NB_FORM_TYPO, a + pl[i].off, l, out, err);
            if (!f) {
                free(pl);
                return -1;
            }
            f->word = typos[k].wrong;
            f->word2 = typos[k].right;
            (*found)++;
            from = pl[i].off + l;
        }
    }
    free(pl);
    return 0;
}

int nb_check_quality(const nb_report *r, const nb_ctx *ctx, nb_findings *out, nb_err *err)
{
    prose p;
    find_prose(r, &p);
    const check_ctx *cc = ctx ? ctx->checks : NULL; /* nb_check allows no context */
    nb_needles own; /* without the context's (never, when it is whole) */
    if (!cc && nb_quality_words(&own) != 0)
        return nb_err_set(err, NB_E_PATTERN, "internal misspellings: too many");
    const nb_needles *set = cc ? &cc->typos : &own;
    int reps = 0, typo = 0;
    size_t first = 0;
    long long marks = 0;
    for (int i = 0; i < p.n; i++) {
        if (repeats(r, p.a[i], p.b[i], &reps, out, err) != 0 || misspellings(r, set, p.a[i], p.b[i], &typo, out, err) != 0)
            return -1;
        ascii_marks(r, p.a[i], p.b[i], &first, &marks);
    }
    if (!marks)
        return 0;
    size_t s = first, e = first + 1;
    const char *t = r->doc.text;
    while (s > 0 && t[s - 1] == ' ')
        s--;
    if (s >= 3)
        s -= 3;
    while (e < r->doc.len && t[e] == ' ')
        e++;
    nb_utf8_get(t, r->doc.len, &e);
    nb_finding *f = quality(NB_FORM_ASCII, s, e - s, out, err);
    if (!f)
        return -1;
    f->has_sides = 1;
    f->lhs = nb_num_int(marks);
    return 0;
}
