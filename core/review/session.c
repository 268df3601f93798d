/* session.c — a review under way (session.h): the entries with undo and
 * redo, recomputing the findings after each change, the lock, the journal
 * and its recovery, saving. */
#include "review/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fsio.h"
#include "check/check.h"
#include "text/num.h"
#include "text/numerals.h"

static const char *T(const nb_session *s, const char *en, const char *zh)
{
    return nb_tr(s->lang, en, zh);
}

/* Per cell, the worst severity of a finding that names it. */
static void mark_worst(nb_session *s)
{
    for (int ci = 0; ci < s->r->ncells; ci++)
        s->cell_worst[ci] = -1;
    for (size_t k = 0; k < s->fs.n; k++)
        for (int c = 0; c < s->fs.v[k].ncells; c++) {
            int ci = s->fs.v[k].cells[c];
            if ((int)s->fs.v[k].severity > s->cell_worst[ci])
                s->cell_worst[ci] = (int)s->fs.v[k].severity;
        }
}

/* The findings before any correction: a copy, not a second run. */
static int keep_first_findings(nb_session *s, nb_err *err)
{
    nb_findings_free(&s->fs0);
    if (!s->fs.n)
        return 0;
    s->fs0.v = malloc(s->fs.n * sizeof *s->fs0.v);
    if (!s->fs0.v)
        return nb_err_set(err, NB_E_NOMEM, "%s", T(s, "out of memory", "内存不足"));
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
    if (nb_check(r, ctx, &s->fs, err) != 0 || keep_first_findings(s, err) != 0)
        return -1;
    s->cell_worst = malloc((size_t)r->ncells * sizeof *s->cell_worst);
    s->orig_cells = malloc((size_t)r->ncells * sizeof *s->orig_cells);
    if (!s->cell_worst || !s->orig_cells)
        return nb_err_set(err, NB_E_NOMEM, "%s", T(s, "out of memory", "内存不足"));
    mark_worst(s);
    memcpy(s->orig_cells, r->cells, (size_t)r->ncells * sizeof *r->cells);
    return 0;
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
    memset(s, 0, sizeof *s);
}

/* The cells as extracted, then the review's corrections, then the checks again. */
static int recompute(nb_session *s, nb_err *err)
{
    nb_report *r = s->r;
    memcpy(r->cells, s->orig_cells, (size_t)r->ncells * sizeof *r->cells);
    nb_review_apply(&s->rv, r, NULL, 0);
    nb_findings_free(&s->fs);
    int rc = nb_check_report(r, s->ctx, s->prev, s->configured ? &s->cfg : NULL, &s->fs, err);
    mark_worst(s);
    return rc;
}

int nb_session_configure(nb_session *s, const nb_summary *prev, const nb_rule_config *cfg, nb_err *err)
{
    s->prev = prev;
    s->configured = cfg != NULL;
    if (cfg)
        s->cfg = *cfg;
    if (recompute(s, err) != 0)
        return -1;
    return keep_first_findings(s, err);
}

/* ------------------------------------------------------------ opening */

/* One session at a time may change a report's review: a lock held by a
 * live process makes this one read-only. */
static int take_lock(nb_session *s, nb_err *err)
{
    nb_lock_owner holder;
    int rc = nb_lock_take(s->lock_path, &holder, s->lang, err);
    if (rc == NB_LOCK_TAKEN) {
        s->locked = 1;
        return 0;
    }
    if (rc != NB_LOCK_HELD)
        return -1;
    s->readonly = 1;
    return nb_err_set(err, NB_E_IO, "%s (pid %ld): %s",
                      T(s, "another nianbao has this report open", "另一个 nianbao 正打开此报告"), holder.pid,
                      T(s, "opened read-only", "以只读方式打开"));
}

int nb_session_open(nb_session *s, const char *path, nb_err *err)
{
    if (path)
        snprintf(s->review_path, sizeof s->review_path, "%s", path);
    else
        nb_review_path(s->r->doc.path, s->review_path, sizeof s->review_path);
    snprintf(s->journal_path, sizeof s->journal_path, "%.4200s.journal", s->review_path);
    snprintf(s->lock_path, sizeof s->lock_path, "%.4200s.lock", s->review_path);
    int rc = take_lock(s, err);
    if (!s->readonly && access(s->journal_path, F_OK) == 0)
        s->journal_found = 1; /* a session ended without saving */
    nb_review_free(&s->rv);
    nb_err e;
    if (nb_review_load(&s->rv, s->review_path, s->lang, &e) != 0) {
        if (e.code == NB_E_NOTFOUND)
            return rc;
        s->review_bad = 1;
        return nb_err_set(err, e.code, "%s (%s)", e.msg,
                          T(s, "opened without it; it will not be overwritten", "已不带审阅打开；该文件不会被覆盖"));
    }
    char sha[65];
    if (s->rv.sha256[0] && nb_file_sha256(s->r->doc.path, sha) == 0 && strcmp(sha, s->rv.sha256) != 0)
        rc = nb_err_set(err, NB_E_FORMAT, "%s",
                        T(s, "the report changed since this review: entries kept by cell ID",
                          "报告在本次审阅后有改动：审阅条目按单元格编号保留"));
    if (recompute(s, &e) != 0)
        rc = nb_err_set(err, e.code, "%s", e.msg);
    return rc;
}

int nb_session_recover(nb_session *s, nb_err *err)
{
    nb_review j;
    if (nb_review_load(&j, s->journal_path, s->lang, err) != 0)
        return -1;
    nb_review_free(&s->rv);
    s->rv = j;
    s->dirty = 1;
    s->journal_found = 0;
    return recompute(s, err);
}

void nb_session_discard(nb_session *s)
{
    if (!s->readonly)
        unlink(s->journal_path);
    s->journal_found = 0;
}

/* ------------------------------------------------------------ changes */

int nb_session_writable(const nb_session *s, nb_err *err)
{
    if (!s->readonly)
        return 0;
    return nb_err_set(err, NB_E_IO, "%s",
                      T(s, "read-only: another nianbao has this report open", "只读：另一个 nianbao 正打开此报告"));
}

/* The review names the report it belongs to and the report's SHA-256, so a
 * changed report can be told apart when the review is read back. */
static void stamp(nb_session *s)
{
    const char *path = s->r->doc.path, *slash = strrchr(path, '/');
    snprintf(s->rv.report, sizeof s->rv.report, "%s", slash ? slash + 1 : path);
    if (nb_file_sha256(path, s->rv.sha256) != 0)
        s->rv.sha256[0] = '\0';
}

/* Every change is written at once to REPORT.review.journal (atomically), so
 * that a killed process or a dropped connection loses nothing; saving the
 * review removes it. */
static int journal(nb_session *s, nb_err *err)
{
    if (s->readonly || s->review_bad)
        return 0;
    if (!s->rv.sha256[0])
        stamp(s);
    return nb_review_save(&s->rv, s->journal_path, err);
}

/* After a change: the checks again, then the journal. */
static int changed(nb_session *s, nb_err *err)
{
    s->dirty = 1;
    if (recompute(s, err) != 0)
        return -1;
    return journal(s, err);
}

static void fill_entry(nb_rv_entry *e, nb_rv_kind kind)
{
    memset(e, 0, sizeof *e);
    e->kind = kind;
    nb_reviewer(e->by, sizeof e->by);
    nb_iso_now(e->at, sizeof e->at);
}

/* A new entry: kept, what was undone forgotten, and the checks run again. */
static int add_entry(nb_session *s, const nb_rv_entry *e, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    if (nb_review_add(&s->rv, e) != 0)
        return nb_err_set(err, NB_E_NOMEM, "%s", T(s, "out of memory", "内存不足"));
    nb_review_free(&s->redo);
    return changed(s, err);
}

int nb_session_correct(nb_session *s, int ci, const char *text, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    nb_num v;
    if (nb_parse_value(text, strlen(text), &v) != NB_ST_NUMBER)
        return nb_err_set(err, NB_E_USAGE, "%s: \"%s\"", T(s, "not a number; nothing changed", "不是数字，未作更改"),
                          text);
    const nb_cell *orig = &s->orig_cells[ci];
    nb_rv_entry e;
    fill_entry(&e, NB_RV_CORRECT);
    nb_schema_cell_id(s->r->schema, ci, e.cell, sizeof e.cell);
    char val[64], was[128];
    nb_num_format(v, val, sizeof val);
    snprintf(was, sizeof was, "%.*s", (int)(orig->len < 120 ? orig->len : 120), s->r->doc.text + orig->off);
    e.value = val;
    e.was = orig->status == NB_ST_MISSING ? (char *)"" : was;
    return add_entry(s, &e, err);
}

int nb_session_note(nb_session *s, int ci, int k, const char *text, nb_err *err)
{
    nb_rv_entry e;
    fill_entry(&e, NB_RV_NOTE);
    if (ci >= 0) {
        nb_schema_cell_id(s->r->schema, ci, e.cell, sizeof e.cell);
    } else if (k >= 0 && (size_t)k < s->fs.n) {
        int n;
        const nb_rule *rules = nb_rules(&n);
        nb_finding_fingerprint(s->r, &s->fs.v[k], e.finding);
        snprintf(e.rule, sizeof e.rule, "%s", rules[s->fs.v[k].rule].id);
    } else {
        return nb_err_set(err, NB_E_USAGE, "%s", T(s, "no cell or finding selected", "未选中单元格或问题"));
    }
    e.text = (char *)text;
    return add_entry(s, &e, err);
}

/* Move the last entry of one list to the other (undo and redo; to NULL:
 * drop it). */
static int move_last(nb_review *from, nb_review *to)
{
    if (!from->n)
        return 0;
    if (to && nb_review_add(to, &from->v[from->n - 1]) != 0)
        return -1;
    nb_rv_entry *e = &from->v[--from->n];
    free(e->value);
    free(e->was);
    free(e->text);
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
    int nr;
    const nb_rule *rules = nb_rules(&nr);
    for (int i = 0; i < n; i++) {
        const nb_finding *f = &s->fs.v[ks[i]];
        nb_rv_entry e;
        fill_entry(&e, NB_RV_DECIDE);
        nb_finding_fingerprint(s->r, f, e.finding);
        snprintf(e.rule, sizeof e.rule, "%s", rules[f->rule].id);
        e.state = state;
        e.text = (char *)reason;
        e.joined = i > 0; /* one undo takes back the whole decision */
        if (nb_review_add(&s->rv, &e) != 0) {
            for (; i > 0; i--) /* none of it, rather than part */
                move_last(&s->rv, NULL);
            return nb_err_set(err, NB_E_NOMEM, "%s", T(s, "out of memory", "内存不足"));
        }
    }
    nb_review_free(&s->redo);
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
            return nb_err_set(err, NB_E_NOMEM, "%s", T(s, "out of memory", "内存不足"));
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

int nb_session_save(nb_session *s, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    if (s->review_bad)
        return nb_err_set(err, NB_E_FORMAT, "%s: %s", s->review_path,
                          T(s, "malformed; not overwritten", "格式有误，不会覆盖"));
    stamp(s);
    if (nb_review_save(&s->rv, s->review_path, err) != 0)
        return -1;
    s->dirty = 0;
    unlink(s->journal_path);
    return 0;
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
