/* walk.c — the list of report paths of a batch: files as named, folders
 * walked for report files, each folder's reports in path order. */
#include "batch/walk.h"
#include "base/vec.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define NB_WALK_DEPTH 32 /* folders nested deeper are not walked */

static int out_of_memory(nb_err *err)
{
    return nb_err_set(err, NB_E_NOMEM, "out of memory");
}

int nb_paths_push(nb_paths *p, const char *s, nb_err *err)
{
    if (nb_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v, 64) != 0)
        return out_of_memory(err);
    if (!(p->v[p->n] = strdup(s)))
        return out_of_memory(err);
    p->n++;
    return 0;
}

void nb_paths_free(nb_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

int nb_is_report_name(const char *n)
{
    const char *dot = strrchr(n, '.');
    return n[0] != '.' && dot && (!strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md") || !strcasecmp(dot, ".text") ||
                                  !strcasecmp(dot, ".docx") || !strcasecmp(dot, ".doc") || !strcasecmp(dot, ".wps") ||
                                  !strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm") || !strcasecmp(dot, ".pdf"));
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The reports under dir, appended to p and sorted among themselves. 1 when
 * dir cannot be opened, -1 when out of memory. Entries that cannot be
 * stat'ed (a dangling link) and folders nested too deep are passed over. */
static int walk(nb_paths *p, const char *dir, int depth, nb_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return 1;
    size_t start = p->n;
    struct dirent *e;
    int rc = 0;
    while (rc >= 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < NB_WALK_DEPTH)
            rc = walk(p, full, depth + 1, err) < 0 ? -1 : 0;
        else if (S_ISREG(st.st_mode) && nb_is_report_name(e->d_name))
            rc = nb_paths_push(p, full, err);
    }
    closedir(d);
    if (p->n > start)
        qsort(p->v + start, p->n - start, sizeof *p->v, cmp_path);
    return rc;
}

static int add_problem(nb_walk_problems *pr, nb_err *err)
{
    if (nb_grow(&pr->v, &pr->cap, pr->n + 1, sizeof *pr->v, 4) != 0)
        return out_of_memory(err);
    pr->n++;
    return 0;
}

/* A folder named: its reports, or a problem when there are none. */
static int collect_folder(nb_paths *out, const char *dir, nb_lang L, nb_walk_problems *problems, nb_err *err)
{
    size_t before = out->n;
    int rc = walk(out, dir, 0, err);
    if (rc < 0)
        return -1;
    if (rc == 0 && out->n > before)
        return 0;
    if (add_problem(problems, err) != 0)
        return -1;
    nb_err *m = &problems->v[problems->n - 1];
    if (rc > 0)
        nb_err_set(m, NB_E_IO, nb_tr(L, "%s: cannot read the folder", "%s：无法读取该目录"), dir);
    else
        nb_err_set(m, NB_E_NOTFOUND,
                   nb_tr(L, "%s: a folder with no reports in it (*.txt, *.md)",
                         "%s：目录中没有报告文件（*.txt、*.md）"), dir);
    return 0;
}

int nb_walk_collect(nb_paths *out, char *const *args, size_t n, nb_lang lang, nb_walk_problems *problems,
                    nb_err *err)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int rc = stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)
                     ? collect_folder(out, args[i], lang, problems, err)
                     : nb_paths_push(out, args[i], err);
        if (rc != 0)
            return -1;
    }
    return 0;
}

void nb_walk_problems_free(nb_walk_problems *p)
{
    free(p->v);
    memset(p, 0, sizeof *p);
}
