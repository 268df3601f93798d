/* genman.c — the man page's parts that the option table (opts.h) and the
 * key table (keymap.h) write: reads the page and writes it to standard
 * output with each part between
 *     .\" BEGIN NAME [ARG]   and   .\" END NAME [ARG]
 * written again: SYNOPSIS (every form of the command), OPTIONS ARG (the
 * options of the subcommand ARG: console, check, export) and KEYS (every
 * mode's keys and the ':' commands). Every other line, and the parts of
 * markers it does not know, are copied as they are.
 * Usage: genman PAGE > NEWPAGE; exit 1, said on standard error, when a part
 * is not closed or names no subcommand. Run by `make man`; `make check`
 * fails when the page differs from what this writes. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "legend.h"
#include "opts.h"

/* An option's name for the Fl macro, which writes the first '-' itself:
 * "--no-review" → "\-no\-review". */
static void put_flag(FILE *out, const char *name)
{
    for (const char *c = name + 1; *c; c++)
        if (*c == '-')
            fputs("\\-", out);
        else
            fputc(*c, out);
}

/* "a|b|c" as mdoc words: "a | b | c". */
static void put_choices(FILE *out, const char *choices)
{
    for (const char *c = choices; *c; c++)
        if (*c == '|')
            fputs(" | ", out);
        else
            fputc(*c, out);
}

#define MAN_COLS 78 /* text lines of the page end before this */

/* A word of text as roff: backslashes escaped, the hyphens that begin an
 * option ("--log") as minus signs, "\&" before a word that begins a line
 * with a control character. */
static void put_word(FILE *out, const char *w, size_t n, int line_start)
{
    if (line_start && (*w == '.' || *w == '\''))
        fputs("\\&", out);
    size_t h = strspn(w, "-");
    if (h >= n || !isalnum((unsigned char)w[h]))
        h = 0; /* "->" is no option */
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '\\')
            fputs("\\e", out);
        else if (i < h)
            fputs("\\-", out);
        else
            fputc(w[i], out);
    }
}

/* Whether word w[0, n) is the value's name arg ("OUT"), maybe followed by
 * punctuation; *name_len gets the name's length. */
static int is_arg(const char *w, size_t n, const char *arg, size_t *name_len)
{
    size_t a = arg ? strlen(arg) : 0;
    if (!a || n < a || strncmp(w, arg, a))
        return 0;
    for (size_t i = a; i < n; i++)
        if (!strchr(",:;.)", w[i]))
            return 0;
    *name_len = a;
    return 1;
}

/* Help text as text lines of at most MAN_COLS, the option's value name
 * (arg, "OUT") written as the macro ".Ar out" with what punctuates it. */
static void put_text(FILE *out, const char *s, const char *arg)
{
    size_t col = 0;
    while (*s) {
        size_t n = strcspn(s, " "), a;
        if (is_arg(s, n, arg, &a)) {
            fputs(col ? "\n.Ar " : ".Ar ", out);
            for (size_t i = 0; i < a; i++)
                fputc(tolower((unsigned char)s[i]), out);
            for (size_t i = a; i < n; i++)
                fprintf(out, " %c", s[i]);
            fputc('\n', out);
            col = 0;
        } else {
            if (col && col + 1 + n > MAN_COLS) {
                fputc('\n', out);
                col = 0;
            }
            if (col)
                fputc(' ', out);
            put_word(out, s, n, col == 0);
            col += n + (col != 0);
        }
        s += n;
        s += strspn(s, " ");
    }
    if (col)
        fputc('\n', out);
}

/* "Fl \-format Cm text | json", "Fl o Ar out": an option and its value. */
static void put_option(FILE *out, const nb_form *f, int id, int by_alias)
{
    const nb_option *op = &nb_options()[id];
    fputs("Fl ", out);
    put_flag(out, by_alias && op->alias ? op->alias : op->name);
    if (f && id == NB_OPT_FORMAT && f->formats) {
        fputs(" Cm ", out);
        put_choices(out, f->formats);
    } else if (op->man_arg) {
        fprintf(out, " %s", op->man_arg);
    }
}

static void write_form(FILE *out, const nb_form *f)
{
    fputs(".Nm\n", out);
    if (nb_cmd_name(f->cmd)[0])
        fprintf(out, ".Cm %s\n", nb_cmd_name(f->cmd));
    if (f->cmd == NB_CMD_TOP) { /* the program's own options: one of them */
        const char *sep = ".Fl ";
        for (int id = 0; id < NB_OPT_COUNT; id++)
            if (f->required & NB_OPT_BIT(id)) {
                fputs(sep, out);
                put_flag(out, nb_options()[id].name);
                sep = " | ";
            }
        fputc('\n', out);
        return;
    }
    for (int id = 0; id < NB_OPT_COUNT; id++)
        if (f->required & NB_OPT_BIT(id)) {
            fputc('.', out);
            put_option(out, f, id, 0);
            fputc('\n', out);
        }
    for (int id = 0; id < NB_OPT_COUNT; id++)
        if (f->optional & NB_OPT_BIT(id)) {
            fputs(".Op ", out);
            put_option(out, f, id, 1);
            fputc('\n', out);
        }
    if (f->man_operands)
        fprintf(out, ".%s\n", f->man_operands);
}

static int write_synopsis(FILE *out, const char *arg)
{
    int n;
    const nb_form *f = nb_forms(&n);
    for (int k = 0; k < n; k++)
        write_form(out, &f[k]);
    return arg && *arg ? -1 : 0;
}

/* The subcommand a part names: "console", "check", "export"; -1 if none. */
static int cmd_named(const char *arg)
{
    if (!strcmp(arg, "console"))
        return NB_CMD_CONSOLE;
    for (int c = NB_CMD_CHECK; c < NB_CMD_COUNT; c++)
        if (!strcmp(arg, nb_cmd_name((nb_cmd)c)))
            return c;
    return -1;
}

/* The widest tag of cmd's list, "--severity level", for -width. */
static void list_width(nb_cmd cmd, char *out, size_t cap)
{
    const nb_option *opt = nb_options();
    out[0] = '\0';
    for (int id = 0; id < NB_OPT_COUNT; id++) {
        if (!(opt[id].cmds & NB_CMD_BIT(cmd)))
            continue;
        char tag[64];
        const char *arg = opt[id].arg_en;
        snprintf(tag, sizeof tag, "%s%s%s", opt[id].name, arg ? " " : "", arg ? arg : "");
        for (char *c = tag; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        if (strlen(tag) > strlen(out))
            snprintf(out, cap, "%s", tag);
    }
}

static void write_item(FILE *out, nb_cmd cmd, int id)
{
    const nb_option *op = &nb_options()[id];
    fputs(".It ", out);
    if (op->alias) {
        put_option(out, NULL, id, 1);
        fputs(" , ", out);
    }
    put_option(out, NULL, id, 0);
    char text[1024];
    nb_option_help((nb_opt_id)id, cmd, NB_LANG_EN, text, sizeof text);
    fputc('\n', out);
    if (op->env)
        snprintf(text + strlen(text), sizeof text - strlen(text), " (also");
    else
        snprintf(text + strlen(text), sizeof text - strlen(text), ".");
    put_text(out, text, op->arg_en);
    if (op->env)
        fprintf(out, ".Ev %s ) .\n", op->env);
}

static int write_options(FILE *out, const char *arg)
{
    int cmd = arg ? cmd_named(arg) : -1;
    if (cmd < 0)
        return -1;
    char width[64];
    list_width((nb_cmd)cmd, width, sizeof width);
    fprintf(out, ".Bl -tag -width \"%s\"\n", width);
    for (int id = 0; id < NB_OPT_COUNT; id++)
        if (nb_options()[id].cmds & NB_CMD_BIT(cmd))
            write_item(out, (nb_cmd)cmd, id);
    fputs(".El\n", out);
    return 0;
}

/* The parts of the key list: a heading (or NULL: the list goes on), the
 * words before the list, the modes listed. */
static const struct {
    const char *head, *intro, *width;
    nb_keymode modes[2];
    int nmodes;
} key_parts[] = {
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
static void put_key(FILE *b, const char *name)
{
    if (!strcmp(name, "["))
        fputs("\\(lB", b);
    else if (!strcmp(name, "]"))
        fputs("\\(rB", b);
    else {
        if (!name[1] && strchr("().,:;?!|", name[0]))
            fputs("\\&", b);
        fputs(name, b);
    }
}

/* ".It Cm k , Up" (keys), ".It Ic :goto , :g Ar id" (a command), or
 * ".It any other key". */
static void put_item(FILE *b, const nb_binding *k)
{
    fputs(!k->keys[0] ? ".It any other key" : k->mode == NB_KM_COMMAND ? ".It Ic" : ".It Cm", b);
    const char *p = k->keys;
    for (int i = 0; *p; i++) {
        char name[32];
        size_t n = strcspn(p, " ");
        snprintf(name, sizeof name, "%s%.*s", k->mode == NB_KM_COMMAND ? ":" : "", (int)n, p);
        fputs(i ? " , " : " ", b);
        put_key(b, name);
        p += n;
        p += strspn(p, " ");
    }
    if (k->arg[0]) {
        fputs(" ", b);
        fputs(k->arg, b);
    }
    fputs("\n", b);
    fputs(k->man[0] ? k->man : k->en, b);
    fputs("\n", b);
}

static int in_part(int part, nb_keymode mode)
{
    for (int i = 0; i < key_parts[part].nmodes; i++)
        if (key_parts[part].modes[i] == mode)
            return 1;
    return 0;
}

/* The marks beside a cell's value (legend.h), as the help lists them. */
static void write_legend(FILE *b)
{
    fputs(".Ss Marks\nBeside a cell's value in the tables pane:\n.Bl -tag -width \"M\" -compact\n", b);
    for (int m = 0; m < NB_NLEGEND; m++) {
        fputs(".It ", b);
        put_key(b, nb_legend_mark((nb_legend_id)m));
        fputs("\n", b);
        fputs(nb_legend_text((nb_legend_id)m, 0), b);
        fputs("\n", b);
    }
    fputs(".El\n", b);
}

/* KEYS: the key lists of every mode and the ':' commands (keymap.h), the
 * marks' legend (legend.h). */
static int write_keys(FILE *b, const char *arg)
{
    int n;
    const nb_binding *km = nb_keymap(&n);
    for (size_t p = 0; p < sizeof key_parts / sizeof key_parts[0]; p++) {
        if (key_parts[p].head) {
            fputs(".Ss ", b);
            fputs(key_parts[p].head, b);
            fputs("\n", b);
        } else {
            fputs(".Pp\n", b);
        }
        if (key_parts[p].intro) {
            fputs(key_parts[p].intro, b);
            fputs("\n", b);
        }
        fputs(".Bl -tag -width \"", b);
        fputs(key_parts[p].width, b);
        fputs("\" -compact\n", b);
        for (int i = 0; i < n; i++)
            if (in_part((int)p, km[i].mode))
                put_item(b, &km[i]);
        fputs(".El\n", b);
    }
    write_legend(b);
    return arg && *arg ? -1 : 0;
}

typedef struct part {
    const char *name;
    int (*write)(FILE *out, const char *arg); /* -1: arg names nothing it writes */
} part;

static const part parts[] = {
    {"SYNOPSIS", write_synopsis},
    {"OPTIONS", write_options},
    {"KEYS", write_keys},
};

/* The part a marker line opens: ".\" BEGIN NAME [ARG]" → its entry, *arg
 * set to ARG (at most 63 bytes, "" when none); NULL when the line opens
 * none we write. */
static const part *opened(const char *line, char *arg)
{
    char name[32] = "";
    arg[0] = '\0';
    if (strncmp(line, ".\\\" BEGIN ", 10) || sscanf(line + 10, "%31s %63s", name, arg) < 1)
        return NULL;
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (!strcmp(parts[k].name, name))
            return &parts[k];
    return NULL;
}

/* Copy the page, writing each part again; the old text of a part is skipped
 * up to its END line, which is kept. */
static int regenerate(FILE *in, const char *path, FILE *out)
{
    char *line = NULL, arg[64];
    size_t cap = 0, lineno = 0;
    const part *p = NULL;
    char end[128] = "";
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, in) > 0) {
        lineno++;
        if (p && strcmp(line, end) != 0)
            continue; /* the old text of the part */
        fputs(line, out);
        if (p) {
            p = NULL;
        } else if ((p = opened(line, arg))) {
            snprintf(end, sizeof end, ".\\\" END %s%s%s\n", p->name, arg[0] ? " " : "", arg);
            if (p->write(out, arg) != 0) {
                fprintf(stderr, "genman: %s:%zu: %s %s names nothing to write\n", path, lineno, p->name, arg);
                rc = -1;
            }
        }
    }
    if (rc == 0 && p) {
        fprintf(stderr, "genman: %s: no line %s", path, end);
        rc = -1;
    }
    free(line);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: genman PAGE > NEWPAGE\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    int rc = regenerate(in, argv[1], stdout);
    fclose(in);
    if (fflush(stdout) != 0)
        rc = -1;
    return rc == 0 ? 0 : 1;
}
