/* session.c — a review under way (session.h): setting up and taking down,
 * the entries with undo and redo (each change checked, recomputed and
 * journaled: session_io.c), a cell's new value checked against what the
 * cell may hold, and the questions the console asks of the session. */
#include "review/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsio.h"
#include "check/check.h"
#include "model/cellvalue.h"
#include "model/schema.h"
#include "text/num.h"
#include "text/numerals.h"

static const char *T(const nb_session *s, const char *en, const char *zh)
{
    return nb_tr(s->lang, en, zh);
}

static int out_of_memory(const nb_session *s, nb_err *err)
{
    return nb_err_set(err, NB_E_NOMEM, "%s", T(s, "out of memory", "内存不足"));
}

/* The findings before any correction: a copy, not a second run. */
static int keep_first_findings(nb_session *s, nb_err *err)
{
    nb_findings_free(&s->fs0);
    if (!s->fs.n)
        return 0;
    s->fs0.v = malloc(s->fs.n * sizeof *s->fs0.v);
    if (!s->fs0.v)
        return out_of_memory(s, err);
    memcpy(s->fs0.v, s->fs.v, s->fs.n * sizeof *s->fs0.v);
    s->fs0.n = s->fs0.cap = s->fs.n;
    return 0;
}

int nb_session_init(nb_session *s, const nb_ctx *ctx, nb_report *r, nb_err *err)
{
    memset(s, 0, sizeof *s);
    s->ctx = ctx;
    s->r = r;
    s->lang = ctx->lang;
    if (stat(r->doc.path, &s->report_st) != 0)
        memset(&s->report_st, 0, sizeof s->report_st);
    s->cell_worst = malloc((size_t)r->ncells * sizeof *s->cell_worst);
    s->orig_cells = malloc((size_t)r->ncells * sizeof *s->orig_cells);
    if (!s->cell_worst || !s->orig_cells)
        return out_of_memory(s, err);
    memcpy(s->orig_cells, r->cells, (size_t)r->ncells * sizeof *r->cells);
    if (nb_session_recompute(s, err) != 0)
        return -1;
    return keep_first_findings(s, err);
}

int nb_session_configure(nb_session *s, const nb_summary *prev, const nb_rule_config *cfg, nb_err *err)
{
    s->prev = prev;
    s->configured = cfg != NULL;
    if (cfg)
        s->cfg = *cfg;
    if (nb_session_recompute(s, err) != 0)
        return -1;
    return keep_first_findings(s, err);
}

void nb_session_free(nb_session *s)
{
    if (s->locked)
        nb_lock_release(s->lock_path);
    nb_findings_free(&s->fs);
    nb_findings_free(&s->fs0);
    free(s->cell_worst);
    free(s->orig_cells);
    nb_review_free(&s->rv);
    nb_review_free(&s->redo);
    nb_review_free(&s->pending);
    nb_rv_problems_free(&s->problems);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------ changes */

/* After a change: the checks again, then the journal (none when the
 * entries are the review on disk again, undone or redone to it). */
static int changed(nb_session *s, nb_err *err)
{
    s->dirty = s->saved < 0 || s->rv.n != (size_t)s->saved;
    if (nb_session_recompute(s, err) != 0)
        return -1;
    return nb_session_journal(s, err);
}

static void fill_entry(nb_rv_entry *e, nb_rv_kind kind)
{
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->by = (char *)nb_reviewer();
    nb_iso_now(e->at, sizeof e->at);
}

/* What was undone is forgotten as new entries are made after the first
 * kept ones: the entries saved, if they were more, are no longer to be had. */
static void forget_redo(nb_session *s, size_t kept)
{
    if (s->saved >= 0 && kept < (size_t)s->saved)
        s->saved = -1;
    nb_review_free(&s->redo);
}

/* A new entry: kept, what was undone forgotten, and the checks run again. */
static int add_entry(nb_session *s, const nb_rv_entry *e, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    if (nb_review_add(&s->rv, e) != 0)
        return out_of_memory(s, err);
    forget_redo(s, s->rv.n - 1);
    return changed(s, err);
}

int nb_session_valid_value(const nb_session *s, int ci, const char *text, nb_err *err)
{
    nb_num v;
    int money;
    nb_cell_value w = nb_cell_value_check(s->r->schema, ci, text, &v, &money);
    if (w == NB_CV_FITS)
        return 0;
    if (w == NB_CV_NOT_NUMBER)
        return nb_err_set(err, NB_E_USAGE, T(s, "\"%s\": %s", "“%s”：%s"), text,
                          T(s, "not a number; nothing changed", "不是数字，未作更改"));
    return nb_err_set(err, NB_E_USAGE, T(s, "\"%s\": %s; %s", "“%s”：%s；%s"), text,
                      nb_cell_value_reason(w, money, s->lang), T(s, "nothing changed", "未作更改"));
}

/* A correction of cell ci to value (NB_RV_CLEARED: back to the report's
 * own), made against the cell's text as the report has it. */
static int add_correction(nb_session *s, int ci, const char *value, nb_err *err)
{
    nb_rv_entry e;
    fill_entry(&e, NB_RV_CORRECT);
    nb_schema_cell_id(s->r->schema, ci, e.cell, sizeof e.cell);
    const nb_cell *orig = &s->orig_cells[ci];
    int missing = orig->status == NB_ST_MISSING; /* no text to record: the cell's absence is */
    size_t n = missing ? 0 : orig->len;
    char *was = malloc(n + 1);
    if (!was)
        return out_of_memory(s, err);
    memcpy(was, s->r->doc.text + orig->off, n);
    was[n] = '\0';
    e.value = (char *)value;
    e.was = missing ? NULL : was;
    e.was_missing = missing;
    int rc = add_entry(s, &e, err);
    free(was);
    return rc;
}

int nb_session_correct(nb_session *s, int ci, const char *text, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    while (*text == ' ')
        text++;
    if (!*text)
        return nb_session_clear(s, ci, err);
    if (nb_session_valid_value(s, ci, text, err) != 0)
        return -1;
    nb_num v;
    nb_parse_value(text, strlen(text), &v);
    char val[64];
    nb_num_format(v, val, sizeof val);
    return add_correction(s, ci, val, err);
}

int nb_session_clear(nb_session *s, int ci, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    if (!s->r->cells[ci].corrected)
        return nb_err_set(err, NB_E_USAGE, "%s", T(s, "the cell is not corrected; nothing to clear", "该单元格未更正，无需清除"));
    return add_correction(s, ci, NB_RV_CLEARED, err);
}

int nb_session_note(nb_session *s, int ci, int k, const char *text, nb_err *err)
{
    nb_rv_entry e;
    fill_entry(&e, NB_RV_NOTE);
    if (ci >= 0) {
        nb_schema_cell_id(s->r->schema, ci, e.cell, sizeof e.cell);
    } else if (k >= 0 && (size_t)k < s->fs.n) {
        nb_finding_fingerprint(s->r, &s->fs.v[k], e.finding);
        snprintf(e.rule, sizeof e.rule, "%s", nb_rule_get(s->fs.v[k].rule)->id);
    } else {
        return nb_err_set(err, NB_E_USAGE, "%s", T(s, "no cell or finding selected", "未选中单元格或问题"));
    }
    e.text = (char *)text;
    return add_entry(s, &e, err);
}

/* The IDs of a finding's cells, space-separated, into out (cap bytes),
 * and the report's own values of the same cells into seen (cap bytes). */
static void finding_cells(const nb_session *s, const nb_finding *f, char *out, char *seen, size_t cap)
{
    size_t n = 0, m = 0;
    out[0] = seen[0] = '\0';
    for (int k = 0; k < f->ncells; k++) {
        char id[96], v[64];
        nb_schema_cell_id(s->r->schema, f->cells[k], id, sizeof id);
        nb_cell_own_value(&s->r->cells[f->cells[k]], v, sizeof v);
        size_t l = strlen(id), vl = strlen(v);
        if (n + l + 2 > cap || m + vl + 2 > cap)
            break;
        if (n) {
            out[n++] = ' ';
            seen[m++] = ' ';
        }
        memcpy(out + n, id, l + 1);
        memcpy(seen + m, v, vl + 1);
        n += l;
        m += vl;
    }
}

/* Move the last entry of one list to the other (undo and redo; to NULL:
 * drop it). */
static int move_last(nb_review *from, nb_review *to)
{
    if (!from->n)
        return 0;
    if (to && nb_review_add(to, &from->v[from->n - 1]) != 0)
        return -1;
    nb_rv_entry_free(&from->v[--from->n]);
    return 1;
}

/* What a decision on findings ks[0, n) needs: findings, a writable
 * review, a reason for a dismissal. */
static int may_decide(const nb_session *s, const int *ks, int n, nb_decision state, const char *reason, nb_err *err)
{
    int bad = n <= 0;
    for (int i = 0; i < n; i++)
        bad |= ks[i] < 0 || (size_t)ks[i] >= s->fs.n;
    if (bad)
        return nb_err_set(err, NB_E_USAGE, "%s", T(s, "no finding selected: ] to step to one", "未选中问题：按 ] 选择"));
    if (nb_session_writable(s, err) != 0)
        return -1;
    if (state == NB_DEC_DISMISSED && (!reason || !*reason))
        return nb_err_set(err, NB_E_USAGE, "%s", T(s, "a dismissal needs a reason", "驳回需要填写理由"));
    return 0;
}

int nb_session_decide(nb_session *s, int k, nb_decision state, const char *reason, nb_err *err)
{
    return nb_session_decide_many(s, &k, 1, state, reason, err);
}

int nb_session_decide_many(nb_session *s, const int *ks, int n, nb_decision state, const char *reason, nb_err *err)
{
    if (may_decide(s, ks, n, state, reason, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const nb_finding *f = &s->fs.v[ks[i]];
        char cells[NB_FCELLS * 64], seen[NB_FCELLS * 64];
        nb_rv_entry e;
        fill_entry(&e, NB_RV_DECIDE);
        nb_finding_fingerprint(s->r, f, e.finding);
        snprintf(e.rule, sizeof e.rule, "%s", nb_rule_get(f->rule)->id);
        finding_cells(s, f, cells, seen, sizeof cells);
        e.cells = cells[0] ? cells : NULL; /* a decision on cells the report loses is said to be stale */
        e.seen = cells[0] ? seen : NULL;   /* and one on figures the report no longer gives */
        e.state = state;
        e.text = (char *)reason;
        e.joined = i > 0; /* one undo takes back the whole decision */
        if (nb_review_add(&s->rv, &e) != 0) {
            for (; i > 0; i--) /* none of it, rather than part */
                move_last(&s->rv, NULL);
            return out_of_memory(s, err);
        }
    }
    forget_redo(s, s->rv.n - (size_t)n);
    return changed(s, err);
}

/* Undo (rv → redo) or redo (redo → rv) one step — an entry and those
 * joined to it — and run the checks again. Undoing, the entry moved last
 * says whether one before belongs with it; redoing, the one to move next. */
static int undo_redo(nb_session *s, nb_review *from, nb_review *to, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    int undo = from == &s->rv, moved = 0, more = 1;
    while (more && from->n) {
        int joined = from->v[from->n - 1].joined;
        if (move_last(from, to) < 0)
            return out_of_memory(s, err);
        moved = 1;
        more = undo ? joined : from->n && from->v[from->n - 1].joined;
    }
    if (!moved)
        return 0;
    return changed(s, err) == 0 ? 1 : -1;
}

int nb_session_undo(nb_session *s, nb_err *err)
{
    return undo_redo(s, &s->rv, &s->redo, err);
}

int nb_session_redo(nb_session *s, nb_err *err)
{
    return undo_redo(s, &s->redo, &s->rv, err);
}

/* ------------------------------------------------------------ questions */

int nb_session_find(const nb_session *s, const char *fingerprint)
{
    char fp[24];
    for (size_t k = 0; k < s->fs.n; k++) {
        nb_finding_fingerprint(s->r, &s->fs.v[k], fp);
        if (!strcmp(fp, fingerprint))
            return (int)k;
    }
    return -1;
}

int nb_session_resolved(const nb_session *s, size_t k)
{
    char fp[24];
    nb_finding_fingerprint(s->r, &s->fs0.v[k], fp);
    return nb_session_find(s, fp) < 0;
}

int nb_session_resolved_count(const nb_session *s)
{
    int n = 0;
    for (size_t k = 0; k < s->fs0.n; k++)
        n += nb_session_resolved(s, k);
    return n;
}

int nb_session_findings_gone(const nb_session *s, const nb_findings *from, const nb_findings *to, int *idx, int cap)
{
    char(*fps)[24] = to->n ? malloc(to->n * sizeof *fps) : NULL;
    if (to->n && !fps)
        return -1;
    for (size_t k = 0; k < to->n; k++)
        nb_finding_fingerprint(s->r, &to->v[k], fps[k]);
    int n = 0;
    for (size_t k = 0; k < from->n; k++) {
        char fp[24];
        nb_finding_fingerprint(s->r, &from->v[k], fp);
        size_t j = 0;
        while (j < to->n && strcmp(fps[j], fp))
            j++;
        if (j < to->n)
            continue;
        if (n < cap)
            idx[n] = (int)k;
        n++;
    }
    free(fps);
    return n;
}

const nb_rv_entry *nb_session_decision(const nb_session *s, size_t k)
{
    if (!s->rv.n || k >= s->fs.n)
        return NULL;
    char fp[24];
    nb_finding_fingerprint(s->r, &s->fs.v[k], fp);
    return nb_review_decision(&s->rv, fp);
}

int nb_session_note_count(const nb_session *s)
{
    int n = 0;
    for (size_t k = 0; k < s->rv.n; k++)
        n += s->rv.v[k].kind == NB_RV_NOTE;
    return n;
}

const nb_rv_entry *nb_session_note_at(const nb_session *s, int idx)
{
    for (size_t k = 0; k < s->rv.n; k++)
        if (s->rv.v[k].kind == NB_RV_NOTE && idx-- == 0)
            return &s->rv.v[k];
    return NULL;
}
