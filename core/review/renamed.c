/* renamed.c — the review a report left under its old name: a report
 * renamed (saved as a new draft, given a date) without being changed has no
 * REPORT.review of its own, while the review made on it stands beside it
 * under the old name, its report gone and its SHA-256 the report's. */
#include "review/review.h"
#include "model/review_files.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* name, in dir (a path ending in '/', or ""), is a review whose report is
 * not there. */
static int orphan_review(const char *dir, const char *name)
{
    size_t n = strlen(name), el = strlen(NB_REVIEW_EXT);
    char report[4200];
    struct stat st;
    if (n <= el || strcmp(name + n - el, NB_REVIEW_EXT) != 0 || name[0] == '.')
        return 0;
    return snprintf(report, sizeof report, "%s%.*s", dir, (int)(n - el), name) < (int)sizeof report &&
           stat(report, &st) != 0;
}

/* The review at path was made on the report whose SHA-256 is sha. */
static int made_on(const char *path, const char *sha, nb_lang lang)
{
    nb_review rv;
    nb_err err;
    if (nb_review_load(&rv, path, lang, &err) != 0)
        return 0;
    int same = rv.n && rv.sha256[0] && !strcmp(rv.sha256, sha);
    nb_review_free(&rv);
    return same;
}

int nb_review_find_renamed(const char *report, const char *sha, nb_lang lang, char *out, size_t cap)
{
    const char *slash = strrchr(report, '/');
    char dir[4096], now[65];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - report) + 1 : 0, report);
    DIR *d = opendir(dir[0] ? dir : ".");
    if (!d)
        return 0;
    int found = 0, have_sha = sha && sha[0];
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        if (!orphan_review(dir, e->d_name))
            continue;
        if (!have_sha) { /* taken only when a candidate asks for it */
            if (nb_file_sha256(report, now) != 0)
                break;
            sha = now;
            have_sha = 1;
        }
        snprintf(out, cap, "%s%s", dir, e->d_name);
        found = made_on(out, sha, lang);
    }
    closedir(d);
    return found;
}
