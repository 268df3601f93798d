/* session_io.c — a review session's files (session.h): the lock taken on
 * opening (and our stale temporary files removed), the review loaded, the
 * journal of a session that ended unsaved found and recovered or
 * discarded, the journal written after every change (a failure remembered
 * until a write succeeds), the review saved beside the report or
 * elsewhere, stamped with the report as it was read; the findings
 * recomputed with the entries that no longer fit. */
#include "review/session.h"
#include "model/review_files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fsio.h"
#include "check/check.h"
#include "review/stale.h"

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

/* The cells as extracted, then the review's corrections, then the checks
 * again, with a REVIEW.STALE finding for each entry that does not fit. */
int nb_session_recompute(nb_session *s, nb_err *err)
{
    nb_report *r = s->r;
    memcpy(r->cells, s->orig_cells, (size_t)r->ncells * sizeof *r->cells);
    nb_rv_problems_free(&s->problems);
    nb_findings_free(&s->fs);
    int rc = nb_review_apply(&s->rv, r, &s->problems) < 0
                 ? nb_err_set(err, NB_E_NOMEM, "%s", T(s, "out of memory", "内存不足"))
                 : nb_check_report(r, s->ctx, s->prev, NULL, s->configured ? &s->cfg : NULL, &s->fs, err);
    if (rc == 0)
        rc = nb_review_stale_findings(&s->rv, r, &s->problems, &s->fs, err);
    if (s->problems.n)
        nb_findings_sort(&s->fs);
    mark_worst(s);
    return rc;
}

/* ------------------------------------------------------------ opening */

/* One session at a time may change a report's review: a lock held by a
 * live nianbao makes this one read-only, and says whose it is. Holding it,
 * the temporary files a killed process of ours left are removed. */
static int take_lock(nb_session *s, nb_err *err)
{
    nb_lock_owner holder;
    int rc = nb_lock_take(s->lock_path, &holder, s->lang, err);
    if (rc == NB_LOCK_TAKEN) {
        s->locked = 1;
        nb_atomic_clean(s->review_path);
        nb_atomic_clean(s->journal_path);
        nb_atomic_clean(s->lock_path);
        return 0;
    }
    if (rc != NB_LOCK_HELD)
        return -1;
    s->readonly = 1;
    char who[160];
    nb_lock_describe(&holder, s->lang, who, sizeof who);
    return nb_err_set(err, NB_E_IO, T(s, "%s (%s, %s): %s", "%s（%s；%s）：%s"),
                      T(s, "another nianbao has this report open", "另一个 nianbao 正打开此报告"), who, s->lock_path,
                      T(s, "opened read-only", "以只读方式打开"));
}

/* A journal left behind by a session that ended unsaved: its entries are
 * kept in pending for the reviewer to recover or discard. */
static int find_journal(nb_session *s, nb_err *err)
{
    struct stat st;
    if (s->readonly || lstat(s->journal_path, &st) != 0)
        return 0;
    nb_err e;
    if (nb_review_load(&s->pending, s->journal_path, s->lang, &e) != 0)
        return nb_err_set(err, e.code, "%s (%s)", e.msg,
                          T(s, "the journal is left as it is", "该日志保持原样"));
    s->journal_found = 1;
    s->pending_time = st.st_mtime;
    const char *sha = s->r->doc.sha256;
    s->pending_changed = s->pending.sha256[0] && sha[0] && strcmp(s->pending.sha256, sha);
    return 0;
}

void nb_session_pending_count(const nb_session *s, int *corrections, int *notes, int *decisions, int *undone)
{
    size_t common = nb_review_common(&s->pending, &s->rv);
    nb_review past = s->pending; /* a view of its entries past the common ones */
    if (common) {
        past.v += common;
        past.n -= common;
    }
    nb_review_count(&past, corrections, notes, decisions);
    *undone = (int)(s->rv.n - common);
}

/* A journal that holds nothing the review on disk lacks (the session undid
 * its work back to the save): nothing to recover, and it goes. */
static void drop_empty_journal(nb_session *s)
{
    if (!s->journal_found || s->review_bad)
        return;
    int c, n, d, undone;
    nb_session_pending_count(s, &c, &n, &d, &undone);
    if (c + n + d + undone == 0)
        nb_session_discard(s);
}

int nb_session_open(nb_session *s, const char *path, nb_err *err)
{
    if (path)
        snprintf(s->review_path, sizeof s->review_path, "%s", path);
    else
        nb_review_path(s->r->doc.path, s->review_path, sizeof s->review_path);
    nb_review_journal_path(s->review_path, s->journal_path, sizeof s->journal_path);
    snprintf(s->lock_path, sizeof s->lock_path, "%.4200s" NB_LOCK_EXT, s->review_path);
    int rc = take_lock(s, err);
    if (find_journal(s, err) != 0)
        rc = -1;
    nb_review_free(&s->rv);
    nb_err e;
    if (nb_review_load(&s->rv, s->review_path, s->lang, &e) != 0) {
        if (e.code == NB_E_NOTFOUND) {
            drop_empty_journal(s);
            return rc;
        }
        s->review_bad = 1;
        return nb_err_set(err, e.code, "%s (%s)", e.msg,
                          T(s, "opened without it; it will not be overwritten: :w FILE saves the work elsewhere",
                            "已不带审阅打开；该文件不会被覆盖：用 :w 文件名 另存"));
    }
    s->saved = (long)s->rv.n;
    drop_empty_journal(s);
    if (nb_session_recompute(s, &e) != 0)
        rc = nb_err_set(err, e.code, "%s", e.msg);
    return rc;
}

int nb_session_recover(nb_session *s, nb_err *err)
{
    if (!s->journal_found)
        return nb_err_set(err, NB_E_USAGE, "%s", T(s, "no unsaved work to recover", "没有可恢复的未保存工作"));
    if (nb_review_common(&s->pending, &s->rv) < s->rv.n)
        s->saved = -1; /* it undid some of the review: undo cannot bring it back */
    nb_review_free(&s->rv);
    s->rv = s->pending;
    memset(&s->pending, 0, sizeof s->pending);
    s->dirty = s->saved < 0 || s->rv.n != (size_t)s->saved;
    s->journal_found = 0;
    return nb_session_recompute(s, err);
}

void nb_session_discard(nb_session *s)
{
    if (!s->readonly)
        unlink(s->journal_path);
    nb_review_free(&s->pending);
    s->journal_found = 0;
}

/* ------------------------------------------------------------ writing */

int nb_session_writable(const nb_session *s, nb_err *err)
{
    if (!s->readonly)
        return 0;
    return nb_err_set(err, NB_E_IO, "%s",
                      T(s, "read-only: another nianbao has this report open", "只读：另一个 nianbao 正打开此报告"));
}


/* The review names the report it belongs to and the SHA-256 of the report
 * as it was read (the text the entries were made against). */
static void stamp(nb_session *s)
{
    const char *path = s->r->doc.path, *slash = strrchr(path, '/');
    snprintf(s->rv.report, sizeof s->rv.report, "%s", slash ? slash + 1 : path);
    memcpy(s->rv.sha256, s->r->doc.sha256, sizeof s->rv.sha256);
}

/* Every change is written at once to REPORT.review.journal (atomically), so
 * that a killed process or a dropped connection loses nothing; saving the
 * review removes it. A failed write is remembered until one succeeds. */
int nb_session_journal(nb_session *s, nb_err *err)
{
    if (s->readonly)
        return 0;
    if (!s->dirty) { /* the review on disk is the work: nothing unsaved */
        s->journal_failed = 0;
        if (unlink(s->journal_path) != 0 && errno != ENOENT)
            return nb_err_set(err, NB_E_IO, nb_tr(s->lang, "%s: %s", "%s：%s"), s->journal_path, nb_strerror(errno, s->lang));
        return 0;
    }
    stamp(s);
    nb_err e;
    if (nb_review_save(&s->rv, s->journal_path, s->lang, &e) == 0) {
        s->journal_failed = 0;
        return 0;
    }
    s->journal_failed = 1;
    nb_err_set(&s->journal_err, e.code, "%s — %s", e.msg,
               T(s, "the work is kept in memory; :w FILE saves it elsewhere", "工作保留在内存中；用 :w 文件名 另存"));
    return nb_err_set(err, e.code, "%s", s->journal_err.msg);
}

/* Write the review to path; the work counts as saved. */
static int save_to(nb_session *s, const char *path, nb_err *err)
{
    if (nb_same_file(path, s->r->doc.path))
        return nb_err_set(err, NB_E_USAGE, T(s, "%s: %s", "%s：%s"), path,
                          T(s, "is the report itself; it is never written", "就是报告本身，报告从不被改写"));
    stamp(s);
    if (nb_review_save(&s->rv, path, s->lang, err) != 0)
        return -1;
    s->dirty = 0;
    s->saved = (long)s->rv.n;
    if (!s->readonly) { /* the journal of a read-only session is another's */
        s->journal_failed = 0;
        unlink(s->journal_path);
    }
    return 0;
}

int nb_session_save(nb_session *s, nb_err *err)
{
    if (nb_session_writable(s, err) != 0)
        return -1;
    if (s->review_bad)
        return nb_err_set(err, NB_E_FORMAT, T(s, "%s: %s", "%s：%s"), s->review_path,
                          T(s, "malformed; not overwritten: :w FILE saves the work elsewhere",
                            "格式有误，不会覆盖：用 :w 文件名 另存"));
    return save_to(s, s->review_path, err);
}

int nb_session_save_as(nb_session *s, const char *path, nb_err *err)
{
    if (!path || !*path)
        return nb_session_save(s, err);
    return save_to(s, path, err);
}

int nb_session_report_changed(const nb_session *s)
{
    struct stat st;
    if (stat(s->r->doc.path, &st) != 0)
        return 1;
    const struct stat *o = &s->report_st;
    return st.st_ino != o->st_ino || st.st_dev != o->st_dev || st.st_size != o->st_size ||
           st.st_mtim.tv_sec != o->st_mtim.tv_sec || st.st_mtim.tv_nsec != o->st_mtim.tv_nsec;
}
