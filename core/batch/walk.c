/* walk.c — the list of report paths of a batch: files as named, folders
 * walked for report files, each folder's reports in path order, each
 * folder walked once (by device and inode), nianbao's own files passed
 * over, a review whose report is not beside it said; and whether a
 * report read from a walked file looks like one. */
#include "batch/walk.h"
#include "model/review_files.h"
#include "base/utf8.h"
#include "base/vec.h"
#include "read/ours.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define NB_WALK_DEPTH 32 /* folders nested deeper are not walked */

static int out_of_memory(nb_lang lang, nb_err *err)
{
    return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(lang, "out of memory", "内存不足"));
}

/* Append s, found by a walk or named. */
static int push(nb_paths *p, const char *s, int walked, nb_lang lang, nb_err *err)
{
    if (nb_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v, 64) != 0 ||
        nb_grow(&p->walked, &p->wcap, p->n + 1, sizeof *p->walked, 64) != 0)
        return out_of_memory(lang, err);
    if (!(p->v[p->n] = strdup(s)))
        return out_of_memory(lang, err);
    p->walked[p->n++] = (unsigned char)walked;
    return 0;
}

int nb_paths_push(nb_paths *p, const char *s, nb_lang lang, nb_err *err)
{
    return push(p, s, 0, lang, err);
}

void nb_paths_free(nb_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    free(p->walked);
    memset(p, 0, sizeof *p);
}

int nb_is_report_name(const char *n)
{
    const char *dot = strrchr(n, '.');
    return n[0] != '.' && dot && (!strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md") || !strcasecmp(dot, ".text") ||
                                  !strcasecmp(dot, ".docx") || !strcasecmp(dot, ".doc") || !strcasecmp(dot, ".wps") ||
                                  !strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm") || !strcasecmp(dot, ".pdf"));
}

void nb_walk_ours_note(nb_err *note, const char *path, const char *kind, nb_lang lang)
{
    nb_err_set(note, NB_OK,
               nb_tr(lang, "%s: skipped: %s written by nianbao (--all checks it)",
                     "%s：已跳过：nianbao 写出的%s（--all 也检查它）"),
               path, kind);
}

const char *nb_written_by_us(const char *path, nb_lang lang)
{
    return nb_ours_name(nb_ours_at(path), lang);
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A walk under way: where it puts what it finds, the folders it has been
 * in (device and inode), what it passes over. */
typedef struct walker {
    nb_paths *p;
    dev_t *dev;
    ino_t *ino;
    size_t nseen, cap_dev, cap_ino;
    int flags;
    nb_lang lang;
    nb_walk_problems *notes;
    nb_err *err;
} walker;

static int add_problem(nb_walk_problems *pr, nb_lang lang, nb_err *err)
{
    if (nb_grow(&pr->v, &pr->cap, pr->n + 1, sizeof *pr->v, 4) != 0)
        return out_of_memory(lang, err);
    pr->n++;
    return 0;
}

/* The folder st stands for, seen before? Remembered if not. 1 seen, 0 new, -1. */
static int seen_before(walker *w, const struct stat *st)
{
    for (size_t i = 0; i < w->nseen; i++)
        if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino)
            return 1;
    if (nb_grow(&w->dev, &w->cap_dev, w->nseen + 1, sizeof *w->dev, 16) != 0 ||
        nb_grow(&w->ino, &w->cap_ino, w->nseen + 1, sizeof *w->ino, 16) != 0)
        return out_of_memory(w->lang, w->err);
    w->dev[w->nseen] = st->st_dev;
    w->ino[w->nseen++] = st->st_ino;
    return 0;
}

/* A file of ours (kind: what it is called) passed over, with a note. */
static int pass_over(walker *w, const char *path, const char *kind)
{
    if (add_problem(w->notes, w->lang, w->err) != 0)
        return -1;
    nb_walk_ours_note(&w->notes->v[w->notes->n - 1], path, kind, w->lang);
    return 0;
}

/* A report-named file found in a folder: taken, or passed over with a note. */
static int take_file(walker *w, const char *full)
{
    const char *ours = w->flags & (NB_WALK_ALL | NB_WALK_LATER) ? NULL : nb_written_by_us(full, w->lang);
    return ours ? pass_over(w, full, ours) : push(w->p, full, 1, w->lang, w->err);
}

/* The reviews named by the files ending in .review or .review.journal met
 * in one folder, sorted once it is read. */
typedef struct names {
    char **v;
    size_t n, cap;
} names;

/* REPORT.review, or its journal of unsaved work (a review to be, which
 * check and export say is there): the length of the review's name, or 0. */
static size_t review_name_len(const char *n)
{
    int kind = nb_ours_by_name(n);
    size_t l = strlen(n);
    return kind == 0 ? l : kind == 4 ? l - strlen(NB_JOURNAL_EXT) : 0;
}

static int remember(names *rv, const char *n, size_t len, nb_lang lang, nb_err *err)
{
    if (nb_grow(&rv->v, &rv->cap, rv->n + 1, sizeof *rv->v, 16) != 0 || !(rv->v[rv->n] = strndup(n, len)))
        return out_of_memory(lang, err);
    rv->n++;
    return 0;
}

/* A review (or its journal, rv's name) in dir whose report is not there:
 * said, its work would go unseen (the report renamed, "Save As" a new
 * draft, or moved); --review gives it to the report under its new name.
 * -1 when out of memory. */
static int note_orphan(walker *w, const char *dir, const char *sep, const char *review)
{
    size_t rl = strlen(review) - strlen(NB_REVIEW_EXT);
    char report[4200];
    struct stat st;
    if (snprintf(report, sizeof report, "%s%s%.*s", dir, sep, (int)rl, review) >= (int)sizeof report ||
        stat(report, &st) == 0)
        return 0;
    char found[4200]; /* the review, or its journal when it alone is there */
    snprintf(found, sizeof found, "%s%s%s", dir, sep, review);
    if (stat(found, &st) != 0)
        snprintf(found, sizeof found, "%s%s%s" NB_JOURNAL_EXT, dir, sep, review);
    if (add_problem(w->notes, w->lang, w->err) != 0)
        return -1;
    nb_err_set(&w->notes->v[w->notes->n - 1], NB_OK,
               nb_tr(w->lang, "%s: a review whose report %.*s is not in this folder (renamed or moved? --review %s%s%s REPORT reads it with the report)",
                     "%s：该审阅文件的报告 %.*s 不在此目录中（已改名或移走？--review %s%s%s 报告 可与报告一起读取）"),
               found, (int)rl, review, dir, sep, review);
    return 0;
}

/* The reports found right in dir (not in its subfolders) from start on:
 * marked NB_PATH_NO_REVIEW when no REPORT.review (nor its journal) is among rv, so that a
 * batch need not look for one (the walk has read the folder); a review
 * whose report is not there is said. -1 when out of memory. */
static int mark_without_review(walker *w, size_t start, const char *dir, const char *sep, names *rv)
{
    nb_paths *p = w->p;
    size_t pl = strlen(dir) + strlen(sep);
    int rc = 0;
    if (rv->n) /* none: no array to sort or search */
        qsort(rv->v, rv->n, sizeof *rv->v, cmp_path);
    for (size_t i = start; i < p->n; i++) {
        const char *base = p->v[i] + pl;
        char key[4200];
        if (strchr(base, '/') || snprintf(key, sizeof key, "%s.review", base) >= (int)sizeof key)
            continue; /* a subfolder's (marked by its own walk), or a name too long to tell */
        const char *k = key;
        if (!rv->n || !bsearch(&k, rv->v, rv->n, sizeof *rv->v, cmp_path))
            p->walked[i] |= NB_PATH_NO_REVIEW;
    }
    for (size_t i = 0; i < rv->n && rc == 0; i++)
        if (i == 0 || strcmp(rv->v[i], rv->v[i - 1]) != 0) /* a review and its journal: said once */
            rc = note_orphan(w, dir, sep, rv->v[i]);
    for (size_t i = 0; i < rv->n; i++)
        free(rv->v[i]);
    free(rv->v);
    return rc;
}

/* Paths [start, n) of p sorted, each with its flags. */
static int sort_paths(nb_paths *p, size_t start, nb_lang lang, nb_err *err)
{
    size_t n = p->n - start;
    if (n < 2)
        return 0;
    struct flagged {
        char *v;
        unsigned char walked;
    } *f = malloc(n * sizeof *f);
    if (!f)
        return out_of_memory(lang, err);
    for (size_t i = 0; i < n; i++)
        f[i] = (struct flagged){p->v[start + i], p->walked[start + i]};
    qsort(f, n, sizeof *f, cmp_path); /* a struct that begins with the path */
    for (size_t i = 0; i < n; i++) {
        p->v[start + i] = f[i].v;
        p->walked[start + i] = f[i].walked;
    }
    free(f);
    return 0;
}

/* A folder that cannot be opened (e: why), said as a problem. */
static int unreadable_folder(walker *w, const char *dir, int e)
{
    if (add_problem(w->notes, w->lang, w->err) != 0)
        return -1;
    nb_err_set(&w->notes->v[w->notes->n - 1], NB_E_IO,
               nb_tr(w->lang, "%s: cannot read the folder: %s", "%s：无法读取该目录：%s"), dir, nb_strerror(e, w->lang));
    return 0;
}

/* A report-named entry of a folder that is not taken: one that cannot be
 * stat'ed (e: why; a link to nothing) is a problem, as when named; one that
 * is no regular file (a FIFO, a device, a link to one) a note. */
static int not_taken(walker *w, const char *full, int e)
{
    struct stat ls;
    int dangling = e == ENOENT && lstat(full, &ls) == 0 && S_ISLNK(ls.st_mode);
    if (add_problem(w->notes, w->lang, w->err) != 0)
        return -1;
    nb_err *m = &w->notes->v[w->notes->n - 1];
    if (!e)
        nb_err_set(m, NB_OK, nb_tr(w->lang, "%s: skipped: not a regular file", "%s：已跳过：不是普通文件"), full);
    else if (dangling)
        nb_err_set(m, NB_E_NOTFOUND, nb_tr(w->lang, "%s: a link to a file that does not exist", "%s：链接指向的文件不存在"),
                   full);
    else
        nb_err_set(m, NB_E_IO, nb_tr(w->lang, "%s: cannot read: %s", "%s：无法读取：%s"), full, nb_strerror(e, w->lang));
    return 0;
}

/* The reports under dir, appended and sorted among themselves. 1 when dir
 * cannot be opened (errno says why), -1 when out of memory. A subfolder or
 * a report-named entry that cannot be read is said (unreadable_folder,
 * not_taken); folders walked already (a loop of links) and folders nested
 * too deep are passed over. */
static int walk(walker *w, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return 1;
    size_t start = w->p->n, dl = strlen(dir);
    const char *sep = dl && dir[dl - 1] == '/' ? "" : "/"; /* reports/ gives reports/a.txt, not reports//a.txt */
    struct dirent *e;
    int rc = 0;
    names rv = {0};
    while (rc >= 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t rl = review_name_len(e->d_name);
        if (rl && remember(&rv, e->d_name, rl, w->lang, w->err) != 0) {
            rc = -1;
            break;
        }
        int plain = e->d_type == DT_REG; /* a regular file, no link: no stat needed */
        if (plain && !nb_is_report_name(e->d_name))
            continue;
        char full[4096];
        if (snprintf(full, sizeof full, "%s%s%s", dir, sep, e->d_name) >= (int)sizeof full)
            continue; /* a path longer than any the system opens */
        struct stat st;
        if (plain)
            st.st_mode = S_IFREG;
        else if (stat(full, &st) != 0) {
            rc = nb_is_report_name(e->d_name) ? not_taken(w, full, errno) : 0;
            continue;
        }
        if (S_ISDIR(st.st_mode) && depth < NB_WALK_DEPTH) {
            int seen = seen_before(w, &st), sub = seen ? 0 : walk(w, full, depth + 1);
            rc = seen < 0 || sub < 0 ? -1 : sub > 0 ? unreadable_folder(w, full, errno) : 0;
        } else if (nb_is_report_name(e->d_name)) {
            rc = S_ISREG(st.st_mode) ? take_file(w, full) : S_ISDIR(st.st_mode) ? 0 : not_taken(w, full, 0);
        }
    }
    closedir(d);
    if (mark_without_review(w, start, dir, sep, &rv) != 0)
        rc = -1;
    return rc < 0 ? rc : sort_paths(w->p, start, w->lang, w->err);
}

/* A file named: taken, unless it is a review's or its journal or lock,
 * named with the report by a pattern (REPORT*), passed over with a note
 * (--all takes it). */
static int take_named(walker *w, const char *path)
{
    int kind = w->flags & NB_WALK_ALL ? -1 : nb_ours_by_name(path);
    return kind < 0 ? nb_paths_push(w->p, path, w->lang, w->err) : pass_over(w, path, nb_ours_name(kind, w->lang));
}

/* A folder named: its reports, or a problem when there are none. Each
 * folder named is walked afresh (the folders seen are those of this walk). */
static int collect_folder(walker *w, const char *dir, const struct stat *st)
{
    size_t before = w->p->n;
    w->nseen = 0;
    if (seen_before(w, st) < 0)
        return -1;
    int rc = walk(w, dir, 0);
    if (rc < 0)
        return -1;
    if (rc > 0)
        return unreadable_folder(w, dir, errno);
    if (w->p->n > before)
        return 0;
    if (add_problem(w->notes, w->lang, w->err) != 0)
        return -1;
    nb_err_set(&w->notes->v[w->notes->n - 1], NB_E_NOTFOUND,
               nb_tr(w->lang, "%s: a folder with no reports in it (*.txt, *.md, *.docx, *.doc, *.wps, *.html, *.pdf)",
                     "%s：目录中没有报告文件（*.txt、*.md、*.docx、*.doc、*.wps、*.html、*.pdf）"),
               dir);
    return 0;
}

int nb_walk_collect(nb_paths *out, char *const *args, size_t n, int flags, nb_lang lang,
                    nb_walk_problems *problems, nb_err *err)
{
    walker w = {out, NULL, NULL, 0, 0, 0, flags, lang, problems, err};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct stat st;
        rc = stat(args[i], &st) == 0 && S_ISDIR(st.st_mode) ? collect_folder(&w, args[i], &st)
                                                             : take_named(&w, args[i]);
    }
    free(w.dev);
    free(w.ino);
    return rc ? -1 : 0;
}

void nb_walk_problems_free(nb_walk_problems *p)
{
    free(p->v);
    memset(p, 0, sizeof *p);
}

int nb_looks_like_report(const nb_report *r)
{
    for (int s = 0; s < NB_NSEC; s++)
        if (r->sec[s].present)
            return 1;
    for (int ci = 0; ci < r->ncells; ci++)
        if (r->cells[ci].status != NB_ST_MISSING)
            return 1;
    return nb_find(r->doc.text, r->doc.len, "\xe6\x94\xbf\xe5\xba\x9c\xe4\xbf\xa1\xe6\x81\xaf\xe5\x85\xac\xe5\xbc\x80", 18) !=
           NULL; /* 政府信息公开 */
}
