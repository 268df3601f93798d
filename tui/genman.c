/* genman.c — a program of the build (build/genman): writes the key list of
 * man/nianbao.1 from the key table (keymap.h), between the lines
 * `.\" BEGIN KEYS` and `.\" END KEYS`; the rest of the page is left as it
 * is. `genman FILE` rewrites FILE; `genman --check FILE` only says whether
 * FILE holds what it would write (exit 1 when not). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsio.h"
#include "keymap.h"

#define BEGIN_KEYS ".\\\" BEGIN KEYS"
#define END_KEYS ".\\\" END KEYS"

/* A growing string. */
typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *t)
{
    size_t k = strlen(t);
    if (b->n + k + 1 > b->cap) {
        size_t cap = (b->n + k + 1) * 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            fprintf(stderr, "genman: out of memory\n");
            exit(2);
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->n, t, k + 1);
    b->n += k;
}

/* The parts of the key list: a heading (or NULL: the list goes on), the
 * words before the list, the modes listed. */
static const struct {
    const char *head, *intro, *width;
    nb_keymode modes[2];
    int nmodes;
} parts[] = {
    {"Keys", NULL, "k, Up", {NB_KM_NORMAL, NB_KM_TERMINAL}, 2},
    {"Keys of the help and the lists", "In the help:", "any other key", {NB_KM_HELP}, 1},
    {NULL, "In the list of findings\n.Pq Cm F :", "Enter, C-j, C-m", {NB_KM_FINDINGS}, 1},
    {NULL, "In the list of notes\n.Pq Cm A :", "Enter, C-j, C-m", {NB_KM_NOTES}, 1},
    {"The line editor",
     "The status line's editor, for the\n.Cm \\&:\nand\n.Cm /\nprompts, a cell's value, a reason and a note:",
     "Enter, C-j, C-m", {NB_KM_EDITOR}, 1},
    {"Questions", "Quitting with unsaved work:", "any other key", {NB_KM_ASK_QUIT}, 1},
    {NULL, "Opening a report whose last session ended unsaved:", "any other key", {NB_KM_ASK_RECOVER}, 1},
    {"Commands", NULL, ":theme name", {NB_KM_COMMAND}, 1},
};

/* A key's name as an mdoc argument: delimiters escaped. */
static void put_key(buf *b, const char *name)
{
    if (!strcmp(name, "["))
        put(b, "\\(lB");
    else if (!strcmp(name, "]"))
        put(b, "\\(rB");
    else {
        if (!name[1] && strchr("().,:;?!|", name[0]))
            put(b, "\\&");
        put(b, name);
    }
}

/* ".It Cm k , Up" (keys), ".It Ic :goto , :g Ar id" (a command), or
 * ".It any other key". */
static void put_item(buf *b, const nb_binding *k)
{
    put(b, !k->keys[0] ? ".It any other key" : k->mode == NB_KM_COMMAND ? ".It Ic" : ".It Cm");
    const char *p = k->keys;
    for (int i = 0; *p; i++) {
        char name[32];
        size_t n = strcspn(p, " ");
        snprintf(name, sizeof name, "%s%.*s", k->mode == NB_KM_COMMAND ? ":" : "", (int)n, p);
        put(b, i ? " , " : " ");
        put_key(b, name);
        p += n;
        p += strspn(p, " ");
    }
    if (k->arg[0]) {
        put(b, " ");
        put(b, k->arg);
    }
    put(b, "\n");
    put(b, k->man[0] ? k->man : k->en);
    put(b, "\n");
}

static int in_part(int part, nb_keymode mode)
{
    for (int i = 0; i < parts[part].nmodes; i++)
        if (parts[part].modes[i] == mode)
            return 1;
    return 0;
}

/* The key list, from BEGIN_KEYS to END_KEYS. */
static void write_keys(buf *b)
{
    int n;
    const nb_binding *km = nb_keymap(&n);
    put(b, BEGIN_KEYS " (written by build/genman from tui/keymap.h: make man)\n");
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
        if (parts[p].head) {
            put(b, ".Ss ");
            put(b, parts[p].head);
            put(b, "\n");
        } else {
            put(b, ".Pp\n");
        }
        if (parts[p].intro) {
            put(b, parts[p].intro);
            put(b, "\n");
        }
        put(b, ".Bl -tag -width \"");
        put(b, parts[p].width);
        put(b, "\" -compact\n");
        for (int i = 0; i < n; i++)
            if (in_part((int)p, km[i].mode))
                put_item(b, &km[i]);
        put(b, ".El\n");
    }
    put(b, END_KEYS "\n");
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk - 1, f)) > 0) {
        chunk[k] = '\0';
        put(&b, chunk);
    }
    fclose(f);
    if (!b.s)
        put(&b, "");
    return b.s;
}

/* The page with the text between the markers (their lines included)
 * replaced by part; NULL when the markers are missing. */
static char *splice(const char *page, const char *begin, const char *end, const char *part)
{
    const char *a = strstr(page, begin), *z = a ? strstr(a, end) : NULL;
    if (!a || !z || (a != page && a[-1] != '\n'))
        return NULL;
    const char *nl = strchr(z, '\n');
    z = nl ? nl + 1 : z + strlen(z);
    buf out = {0};
    char *head = strndup(page, (size_t)(a - page));
    if (!head)
        return NULL;
    put(&out, head);
    put(&out, part);
    put(&out, z);
    free(head);
    return out.s;
}

int main(int argc, char **argv)
{
    int check = argc == 3 && !strcmp(argv[1], "--check");
    if (argc != 2 + check) {
        fprintf(stderr, "usage: genman [--check] man/nianbao.1\n");
        return 2;
    }
    const char *path = argv[argc - 1];
    char *page = slurp(path);
    buf keys = {0};
    write_keys(&keys);
    char *want = page ? splice(page, BEGIN_KEYS, END_KEYS, keys.s) : NULL;
    if (!want) {
        fprintf(stderr, "genman: %s: cannot read it, or it has no lines %s and %s\n", path, BEGIN_KEYS, END_KEYS);
        return 2;
    }
    int rc = 0;
    if (check && strcmp(page, want) != 0) {
        fprintf(stderr, "%s: the key list is not what the key table (tui/keymap.h) gives: run make man\n", path);
        rc = 1;
    } else if (!check && strcmp(page, want) != 0) {
        nb_err err;
        if (nb_atomic_write(path, want, strlen(want), 0644, NB_LANG_EN, &err) != 0) {
            fprintf(stderr, "genman: %s\n", err.msg);
            rc = 2;
        }
    }
    free(page);
    free(want);
    free(keys.s);
    return rc;
}
