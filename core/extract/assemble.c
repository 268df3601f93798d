/* assemble.c — rows from the token stream: a label (joined from the
 * fragments a wrapped label leaves) and the values after it, a row broken
 * over two lines joined again (the empty field a tab line broken after a
 * tab ends with no cell of it), a standard label with no numbers before the
 * next row's label kept as a row (of blank cells), headers and rules ending
 * rows. */
#include "extract/internal.h"
#include "base/vec.h"
#include "text/label.h"

#include <string.h>

void ex_tok_norm(const assembly *A, size_t ti, int flags, nb_ustr *out)
{
    ex_norm_view(A->norm, A->npool, A->t, &A->toks[ti], ti, flags, out);
}

void ex_group_label(const assembly *A, const group *g, nb_ustr *out)
{
    out->n = (int)g->nlab;
    out->had_num = g->lab_num;
    if (g->nlab)
        memcpy(out->c, A->lab + g->lab, g->nlab * sizeof *out->c);
}

int ex_group_label_is(const assembly *A, const group *g, const nb_ustr *u)
{
    return (int)g->nlab == u->n && (!u->n || memcmp(A->lab + g->lab, u->c, g->nlab * sizeof *u->c) == 0);
}

/* A group's label as compared: without trailing punctuation. */
static void label_view(const assembly *A, const group *g, nb_ustr *out)
{
    ex_group_label(A, g, out);
    nb_ustr_trim_trail(out);
}

static double label_best(const assembly *A, const nb_ustr *u)
{
    int r;
    nb_ustr v = *u;
    nb_ustr_trim_trail(&v);
    return ex_best_row_memo(A->memo, A->L, &v, 1u << NB_T2 | 1u << NB_T3, &r);
}

double ex_group_best(const assembly *A, group *g, int *row)
{
    if (!g->best_valid) {
        nb_ustr v;
        label_view(A, g, &v);
        if (g->exact_row >= 0) {
            g->best = g->exact_row;
            g->best_sim = 1.0;
        } else {
            g->best_sim = ex_best_row_memo(A->memo, A->L, &v, 1u << NB_T2 | 1u << NB_T3, &g->best);
        }
        g->best_valid = 1;
    }
    *row = g->best;
    return g->best_sim;
}

/* Does appending u to g's label bring it clearly nearer the standard label
 * it is nearest to (or, for a label matching nothing yet, any label)? */
static int improves(assembly *A, group *g, const nb_ustr *u)
{
    int r;
    double so = ex_group_best(A, g, &r);
    if (r < 0)
        return 0;
    if (so >= 1.0)
        return 0; /* complete already */
    nb_ustr j;
    ex_group_label(A, g, &j);
    nb_ustr_append(&j, u);
    nb_ustr_trim_trail(&j);
    nb_sig sj; /* the row's signature is the lexicon's, made once */
    nb_sig_make(&j, &sj);
    return nb_sig_sim(&sj, &A->L->sigs[r]) > so + 0.02;
}

/* g's label made u (append 0) or u put after it (1), as nb_ustr_append
 * does (at most NB_USTR_MAX characters). The newest group's label ends the
 * pool and is written in place; another's is moved to the end first. */
static void label_put(assembly *A, group *g, const nb_ustr *u, int append)
{
    size_t keep = append ? g->nlab : 0, k = (size_t)u->n;
    if (keep + k > NB_USTR_MAX)
        k = NB_USTR_MAX - keep;
    int at_end = (size_t)g->lab + g->nlab == A->nlab;
    size_t to = at_end ? g->lab : A->nlab;
    if (nb_grow(&A->lab, &A->labcap, to + keep + k, sizeof *A->lab, 1024) != 0) {
        A->oom = 1;
        return;
    }
    if (!at_end)
        memcpy(A->lab + to, A->lab + g->lab, keep * sizeof *A->lab);
    memcpy(A->lab + to + keep, u->c, k * sizeof *A->lab);
    g->lab = (uint32_t)to;
    g->nlab = (uint32_t)(keep + k);
    A->nlab = to + keep + k;
}

static void group_set_label(assembly *A, group *g, const tok *k, const nb_ustr *u)
{
    g->best_valid = 0;
    label_put(A, g, u, 0);
    g->lab_num = u->had_num;
    g->has_label = 1;
    g->numbered = k->numbered;
    g->exact_row = k->exact_row;
    g->frag_off[0] = k->off;
    g->frag_len[0] = k->len;
    g->nfrag = 1;
    g->label_lk = k->lkind;
}

static void group_add_frag(assembly *A, group *g, const tok *k, const nb_ustr *u)
{
    g->best_valid = 0;
    label_put(A, g, u, 1);
    g->exact_row = -1;
    if (g->nfrag < MAXFRAG) {
        g->frag_off[g->nfrag] = k->off;
        g->frag_len[g->nfrag] = k->len;
        g->nfrag++;
    }
}

/* The newest group is nobody's row: dropped, its label's room given back. */
static void drop_group(assembly *A)
{
    group *g = &A->g[--A->ng];
    if ((size_t)g->lab + g->nlab == A->nlab)
        A->nlab = g->lab;
}

static group *new_group(assembly *A, size_t pos)
{
    if (A->ng >= EX_MAX_GROUPS) {
        A->full = 1; /* not out of memory: the rows past this are not read */
        return NULL;
    }
    if (nb_grow(&A->g, &A->gcap, (size_t)A->ng + 1, sizeof *A->g, 64) != 0) {
        A->oom = 1;
        return NULL;
    }
    group *g = &A->g[A->ng++];
    memset(g, 0, sizeof *g);
    g->lab = (uint32_t)A->nlab;
    g->exact_row = -1;
    g->row = -1;
    g->v0 = A->nv;
    g->pos = pos;
    return g;
}

static void add_val(assembly *A, group *g, int ti)
{
    if (nb_grow(&A->vals, &A->vcap, (size_t)A->nv + 1, sizeof *A->vals, 256) != 0) {
        A->oom = 1;
        return;
    }
    A->vals[A->nv++] = ti;
    g->nv++;
    const tok *k = &A->toks[ti];
    g->blob |= k->blob != 0;
    if (g->nv == 1)
        g->tab_fields = k->nfields;
    if (k->lkind != LK_TAB || k->field == NO_FIELD || k->nfields != g->tab_fields)
        g->tab_fields = NO_FIELD;
}

/* Expected cell count of a group from its label, 0 if unknown. */
static int expected_cols(const assembly *A, group *g)
{
    if (!g->has_label)
        return 0;
    if (g->exact_row >= 0)
        return A->L->s->rows[g->exact_row].ncols;
    int r;
    double s = ex_group_best(A, g, &r);
    return (s >= 0.6 && r >= 0) ? A->L->s->rows[r].ncols : 0;
}

/* The state of assembly between tokens. */
typedef struct cursor {
    group *cur;          /* being built: label and/or values */
    int last;            /* index of the last finished group */
    int header_since;    /* a column header came after the last group */
    int line_has_values;
    int cells_mode;
} cursor;

/* Short tails of a wrapped label look like header words: "息", "府信息",
 * "开申请". Joins k to the label it completes; 1 if it did. */
static int join_label_tail(assembly *A, const cursor *c, const tok *k)
{
    group *cur = c->cur;
    group *to = NULL;
    if (cur && !cur->nv && cur->has_label)
        to = cur;
    else if (!cur && !c->cells_mode && c->last >= 0 && !c->header_since && !c->line_has_values &&
             A->g[c->last].has_label)
        to = &A->g[c->last];
    if (!to)
        return 0; /* no label for k to complete: its normal form is not viewed */
    nb_ustr u;
    ex_tok_norm(A, (size_t)(k - A->toks), 0, &u);
    if (improves(A, to, &u)) {
        group_add_frag(A, to, k, &u);
        return 1;
    }
    return 0;
}

/* A standard row's label, near enough to stand as a row without numbers. */
static int complete_label(const assembly *A, group *g)
{
    int r;
    return ex_group_best(A, g, &r) >= 0.8 && r >= 0;
}

/* A column header ends the row being built (a standard label alone is a
 * row of blank cells). */
static void on_header(assembly *A, cursor *c)
{
    if (c->cur && (c->cur->nv || complete_label(A, c->cur))) {
        c->last = (int)(c->cur - A->g);
        c->cur = NULL;
    } else if (c->cur) {
        drop_group(A); /* a label cut off by a header is nobody's */
        c->cur = NULL;
    }
    c->header_since = 1;
}

/* The row being built has its label and no numbers, and k starts the next
 * row: the row is one of blank cells; k starts a new one. -1: no memory. */
static int after_blank_row(assembly *A, cursor *c, const tok *k, const nb_ustr *u)
{
    c->last = (int)(c->cur - A->g);
    c->cur = new_group(A, k->off);
    if (!c->cur)
        return -1;
    group_set_label(A, c->cur, k, u);
    c->header_since = 0;
    return 0;
}

/* A row label or a fragment of one; -1 when out of memory. */
static int on_label(assembly *A, cursor *c, const tok *k)
{
    nb_ustr u;
    ex_tok_norm(A, (size_t)(k - A->toks), k->numbered ? NB_NORM_NUM : 0, &u);
    if (c->cur && c->cur->nv) {
        c->last = (int)(c->cur - A->g);
        c->cur = NULL;
        c->header_since = 0;
    }
    if (!c->cur) {
        /* a wrapped label's tail on a line after its numbers */
        if (!c->cells_mode && !k->numbered && c->last >= 0 && !c->header_since && !c->line_has_values &&
            A->g[c->last].has_label && improves(A, &A->g[c->last], &u)) {
            group_add_frag(A, &A->g[c->last], k, &u);
            return 0;
        }
        c->cur = new_group(A, k->off);
        if (!c->cur)
            return -1;
        group_set_label(A, c->cur, k, &u);
        return 0;
    }
    group *cur = c->cur;
    /* cur has a label and no values yet */
    int blank_row = complete_label(A, cur);
    if (k->numbered) {
        if (blank_row)
            return after_blank_row(A, c, k, &u);
        group_set_label(A, cur, k, &u);
        return 0;
    }
    nb_ustr j;
    ex_group_label(A, cur, &j);
    nb_ustr_append(&j, &u);
    int r0;
    double sj = label_best(A, &j), so = ex_group_best(A, cur, &r0), sn = label_best(A, &u);
    if (sj >= so && sj >= sn)
        group_add_frag(A, cur, k, &u);
    else if (blank_row && sn >= 0.85)
        return after_blank_row(A, c, k, &u);
    else if (sn > so)
        group_set_label(A, cur, k, &u);
    return 0;
}

static int on_text(assembly *A, cursor *c, const tok *k)
{
    if (k->cls != C_LABEL && !k->numbered && join_label_tail(A, c, k))
        return 0;
    if (k->cls == C_GROUP)
        return 0;
    if (k->cls == C_HEADER) {
        on_header(A, c);
        return 0;
    }
    return on_label(A, c, k);
}

/* A value or an empty cell (token ti); -1 when out of memory. */
/* An empty cell that starts a line after a label alone on the line before
 * is a merged cell of the next row, not a cell of that label's row. */
static int leads_next_row(const assembly *A, const cursor *c, const tok *k)
{
    const group *g = c->cur;
    if (c->cells_mode || k->kind != K_EMPTY || c->line_has_values || !g->has_label || g->nv || !g->nfrag)
        return 0;
    size_t end = g->frag_off[g->nfrag - 1] + g->frag_len[g->nfrag - 1];
    return k->off > end && memchr(A->t + end, '\n', k->off - end) != NULL;
}

static int on_value(assembly *A, cursor *c, const tok *k, int ti)
{
    if (!c->cur || leads_next_row(A, c, k)) {
        if (k->kind == K_EMPTY)
            return 0; /* a merged cell before anything on the line */
        c->cur = new_group(A, k->off);
        if (!c->cur)
            return -1;
    } else if (c->cur->has_label && !c->cur->nv && c->cur->label_lk != k->lkind &&
               (k->lkind == LK_PIPE || c->cur->label_lk == LK_PIPE)) {
        /* loose text above a pipe-table row is not its label */
        c->cur->has_label = 0;
        c->cur->nfrag = 0;
        c->cur->exact_row = -1;
        c->cur->pos = k->off;
    }
    group *cur = c->cur;
    if (cur->open && !c->line_has_values && cur->nv &&
        A->toks[A->vals[cur->v0 + cur->nv - 1]].lkind != k->lkind) {
        /* a row is continued only by a line of its own layout */
        cur->open = 0;
        c->last = (int)(cur - A->g);
        cur = c->cur = new_group(A, k->off);
        if (!cur)
            return -1;
        if (k->kind == K_EMPTY)
            return 0;
    }
    if (cur->open && k->kind == K_EMPTY && !c->line_has_values)
        return 0; /* leading merged cells of a continued row */
    add_val(A, cur, ti);
    c->line_has_values = 1;
    return 0;
}

/* The end of a line: a row ends, unless it is short and may go on. */
static void on_eol(assembly *A, cursor *c)
{
    c->line_has_values = 0;
    group *cur = c->cur;
    if (cur && cur->nv) {
        int want = expected_cols(A, cur);
        if (want > cur->nv && !cur->blob && !cur->open) {
            cur->open = 1; /* a row broken over two lines */
        } else {
            cur->open = 0;
            c->last = (int)(cur - A->g);
            c->cur = NULL;
            c->header_since = 0;
        }
    }
}

/* A blank line or a table rule. */
static void on_break(assembly *A, cursor *c, const tok *k)
{
    c->line_has_values = 0;
    group *cur = c->cur;
    if (cur && cur->nv && !(cur->open && k->kind == K_BREAK)) {
        c->last = (int)(cur - A->g);
        c->cur = NULL;
        c->header_since = 0;
    } else if (cur && !cur->nv && k->kind == K_RULE) {
        drop_group(A); /* a pipe table's header row */
        c->cur = NULL;
    }
}

static void assemble_tokens(assembly *A, tok *toks, size_t ntok, int cells_mode)
{
    cursor c = {NULL, -1, 0, 0, cells_mode};
    A->toks = toks;
    A->ntok = ntok;
    for (size_t i = 0; i < ntok && !A->oom; i++) {
        const tok *k = &toks[i];
        int rc = 0;
        switch (k->kind) {
        case K_TEXT:
            rc = on_text(A, &c, k);
            break;
        case K_VALUE:
        case K_EMPTY:
            rc = on_value(A, &c, k, (int)i);
            break;
        case K_EOL:
            on_eol(A, &c);
            break;
        case K_BREAK:
        case K_RULE:
            on_break(A, &c, k);
            break;
        }
        if (rc)
            return;
    }
    if (c.cur && !c.cur->nv && !complete_label(A, c.cur))
        drop_group(A);
}

/* g's values without the empty cells that end them. */
static int filled_len(const assembly *A, const group *g)
{
    int n = g->nv;
    while (n > 0 && A->toks[A->vals[g->v0 + n - 1]].kind == K_EMPTY)
        n--;
    return n;
}

/* Is g's value i the empty field a tab row's line ends with (…0<tab>,
 * the line broken after a tab by an editor or a mail client re-wrapping
 * it)? One such field a line: a tab before it ends its last value;
 * two tabs (…0<tab><tab>) are that value's and a blank cell's. */
static int wrap_empty(const assembly *A, const group *g, int i)
{
    int ti = A->vals[g->v0 + i];
    const tok *k = &A->toks[ti];
    if (k->kind != K_EMPTY || k->lkind != LK_TAB || (size_t)ti + 1 >= A->ntok)
        return 0;
    int next = A->toks[ti + 1].kind;
    return next == K_EOL || next == K_BREAK;
}

/* How many of g's values [0, n) are such empty fields: no cells when the
 * row goes on after them. */
static int wrap_empties(const assembly *A, const group *g, int n)
{
    int w = 0;
    for (int i = 0; i < n; i++)
        w += wrap_empty(A, g, i);
    return w;
}

/* g's cells when the lines it is broken over end in no cell: its values
 * up to its last filled one, without the empty fields before line ends. */
static int unwrapped_len(const assembly *A, const group *g)
{
    int n = filled_len(A, g);
    return n - wrap_empties(A, g, n);
}

/* g's values without the empty fields before its line ends that come
 * before its last filled value (its values stay in place, fewer). */
static void drop_wrap_empties(assembly *A, group *g)
{
    int n = filled_len(A, g), out = 0;
    for (int i = 0; i < g->nv; i++)
        if (i >= n || !wrap_empty(A, g, i))
            A->vals[g->v0 + out++] = A->vals[g->v0 + i];
    g->nv = out;
}

/* g, broken over tab lines that end with an empty field (…0<tab>), made a
 * row of its want cells without those fields when that is how many it has
 * without them. */
static void unwrap_row(assembly *A, group *g, int want)
{
    int n = filled_len(A, g);
    if (n <= want || n - wrap_empties(A, g, n) != want)
        return; /* no more values than cells, or not as many without those fields */
    drop_wrap_empties(A, g);
    g->tab_fields = NO_FIELD; /* the values of several lines */
}

/* Does unlabelled h go on with g's values on a later line: its values
 * right after g's, nothing but line ends and blank lines between (a page
 * footer's line is not read)? */
static int continues_below(const assembly *A, const group *g, const group *h)
{
    if (h->has_label || !h->nv || !g->nv || g->v0 + g->nv != h->v0)
        return 0;
    int eol = 0;
    for (int ti = A->vals[g->v0 + g->nv - 1] + 1; ti < A->vals[h->v0]; ti++) {
        int kind = A->toks[ti].kind;
        if (kind != K_EOL && kind != K_BREAK)
            return 0;
        eol |= kind == K_EOL;
    }
    return eol;
}

int ex_continued_rows(const assembly *A, int gi, int want)
{
    int before = 0; /* the cells of the rows before the one looked at */
    if (A->g[gi].nv >= want && A->g[gi].nv - wrap_empties(A, &A->g[gi], A->g[gi].nv) >= want)
        return 0;
    for (int k = 1; gi + k < A->ng; k++) {
        const group *p = &A->g[gi + k - 1];
        if (!continues_below(A, p, &A->g[gi + k]))
            return 0;
        before += p->nv - wrap_empties(A, p, p->nv);
        int n = before + unwrapped_len(A, &A->g[gi + k]);
        if (n >= want)
            return n == want ? k + 1 : 0;
    }
    return 0;
}

void ex_join_rows(assembly *A, int gi, int n)
{
    group *g = &A->g[gi];
    for (int k = 1; k < n; k++) {
        g->nv += A->g[gi + k].nv;
        g->blob |= A->g[gi + k].blob;
    }
    g->tab_fields = NO_FIELD; /* the values of several lines */
    g->open = 0;
    memmove(g + 1, g + n, (size_t)(A->ng - gi - n) * sizeof *g);
    A->ng -= n - 1;
    drop_wrap_empties(A, g);
}

/* A labelled row short of its cells whose numbers go on on the lines
 * after it (a page break, a wrapped line), the rest of them there and no
 * more: one row. */
static void join_continued_rows(assembly *A)
{
    for (int gi = 0; gi < A->ng; gi++) {
        group *g = &A->g[gi];
        if (!g->has_label || !g->nv)
            continue;
        int want = expected_cols(A, g), n;
        if (want > 0 && (n = ex_continued_rows(A, gi, want)) > 1)
            ex_join_rows(A, gi, n);
        else if (want > 0)
            unwrap_row(A, g, want);
    }
}

void ex_assemble(assembly *A, tok *toks, size_t ntok, int cells_mode)
{
    assemble_tokens(A, toks, ntok, cells_mode);
    if (!cells_mode && !A->oom)
        join_continued_rows(A);
    for (int gi = 0; gi < A->ng && !A->oom; gi++) {
        group *g = &A->g[gi];
        nb_ustr v;
        label_view(A, g, &v); /* trimming only shortens it: in place */
        g->nlab = g->has_label ? (uint32_t)v.n : 0;
    }
    ex_learn_tab_grid(A);
}
