/* ours.c — the files nianbao writes told from reports (ours.h): the marks
 * it puts on them, how each kind begins, and the words for each. */
#include "read/ours.h"
#include "model/review_files.h"
#include "base/fsio.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* The kinds of file nianbao writes: the mark it puts on them, and how they
 * are called. */
static const struct {
    const char *mark, *en, *zh;
} kinds[] = {
    {"review", "a review", "审阅文件"},
    {"review log", "a review log", "审阅记录"},
    {"export", "an export", "导出文件"},
    {"corrected copy", "a corrected copy", "更正副本"},
    {"review journal", "a review's journal of unsaved work", "审阅的未保存工作日志"},
    {"review lock", "a review's lock", "审阅锁文件"},
};

/* The files beside a report that a review session keeps, by the ending
 * of their names (REPORT.review and its journal and lock): the kind. */
static const struct {
    const char *ending;
    int kind;
} beside[] = {
    {NB_REVIEW_EXT, 0},
    {NB_REVIEW_EXT NB_JOURNAL_EXT, 4},
    {NB_REVIEW_EXT NB_LOCK_EXT, 5},
};

/* How they begin, when the mark is not there: the kind (index in kinds). */
static const struct {
    const char *head;
    int kind;
} heads[] = {
    {"# nianbao review", 0},
    {"nianbao-review 1", 0},
    {"# Review log: ", 1},
    {"# \xe5\xae\xa1\xe9\x98\x85\xe8\xae\xb0\xe5\xbd\x95\xef\xbc\x9a", 1}, /* # 审阅记录： */
    {"file,kind,id,rule,severity,state,old,new,text,by,at,fingerprint", 1},
    {"{\"file\":", 2},
    {"file,id,value,raw,status,line", 2},
    {"file,agency,year,", 2},
};

#define HEAD_MAX 127 /* the bytes read to tell a file by how it begins: more than the longest head */

static int kind_by_head(const unsigned char *b, size_t n)
{
    if (n >= 3 && !memcmp(b, "\xef\xbb\xbf", 3)) {
        b += 3;
        n -= 3;
    }
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        size_t l = strlen(heads[i].head);
        if (n >= l && !memcmp(b, heads[i].head, l))
            return heads[i].kind;
    }
    return -1;
}

static int kind_by_mark(const char *mark)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(mark, kinds[i].mark))
            return (int)i;
    return -1;
}

int nb_ours_kind(const char *mark, const unsigned char *head, size_t n)
{
    int k = mark && mark[0] ? kind_by_mark(mark) : -1;
    return k >= 0 || !head ? k : kind_by_head(head, n < HEAD_MAX ? n : HEAD_MAX);
}

int nb_ours_at(const char *path)
{
    char mark[32];
    unsigned char b[HEAD_MAX];
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) /* unreadable: its mark may still say */
        return nb_file_mark(path, mark, sizeof mark) == 0 ? kind_by_mark(mark) : -1;
    int has_mark = nb_fd_mark(fd, mark, sizeof mark) == 0;
    ssize_t n = read(fd, b, sizeof b);
    close(fd);
    return nb_ours_kind(has_mark ? mark : NULL, b, n > 0 ? (size_t)n : 0);
}

int nb_ours_by_name(const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
        size_t l = strlen(beside[i].ending);
        if (n > l && !strcmp(path + n - l, beside[i].ending) && path[n - l - 1] != '/')
            return beside[i].kind;
    }
    return -1;
}

const char *nb_ours_name(int kind, nb_lang lang)
{
    return kind < 0 || (size_t)kind >= sizeof kinds / sizeof kinds[0] ? NULL
                                                                      : nb_tr(lang, kinds[kind].en, kinds[kind].zh);
}
