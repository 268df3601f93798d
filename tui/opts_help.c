/* opts_help.c — the usage and --help, written from the option table and the
 * forms in the locale's language, and the phrases messages about options
 * share (a list of choices, the words of a form). */
#include "opts.h"

#include <string.h>

#include "base/utf8.h"

#define USAGE_COL 39  /* where the line saying what a form does starts */
#define HELP_COL 24   /* where an option's help starts */
#define WRAP_COL 100  /* where lines of help end */

void nb_choices_text(const char *choices, nb_lang L, char *out, size_t cap)
{
    size_t total = 1, n = 0;
    for (const char *c = choices; *c; c++)
        total += *c == '|';
    out[0] = '\0';
    for (const char *c = choices; n < total; n++) {
        const char *bar = strchr(c, '|');
        int len = bar ? (int)(bar - c) : (int)strlen(c);
        const char *sep = n == 0 ? "" : n + 1 < total ? nb_tr(L, ", ", "、") : nb_tr(L, " or ", " 或 ");
        size_t used = strlen(out);
        if (used < cap)
            snprintf(out + used, cap - used, "%s%.*s", sep, len, c);
        c += len + (bar != NULL);
    }
}

static const char *arg_name(const nb_option *op, nb_lang L)
{
    return L == NB_LANG_ZH ? op->arg_zh : op->arg_en;
}

static void append(char *out, size_t cap, const char *a, const char *b)
{
    size_t n = strlen(out);
    if (n < cap)
        snprintf(out + n, cap - n, "%s%s", a, b ? b : "");
}

/* The words naming form f after "nianbao": "export --log" (without the
 * subcommand's word unless with_cmd: "--log"). */
static void form_words(const nb_form *f, int with_cmd, char *out, size_t cap)
{
    const nb_option *opt = nb_options();
    out[0] = '\0';
    if (with_cmd)
        append(out, cap, nb_cmd_name(f->cmd), NULL);
    for (int id = 0; id < NB_OPT_COUNT; id++)
        if (f->required & NB_OPT_BIT(id))
            append(out, cap, out[0] ? " " : "", opt[id].name);
}

void nb_form_prefix(const nb_form *f, char *out, size_t cap)
{
    char words[96];
    form_words(f, 1, words, sizeof words);
    snprintf(out, cap, "nianbao%s%s", words[0] ? " " : "", words);
}

/* An option as a form shows it: "--corrected OUT", and in brackets by its
 * short name when it has one: "-o OUT", "--format text|json". */
static void option_in_form(const nb_form *f, int id, int bracketed, nb_lang L, char *out, size_t cap)
{
    const nb_option *op = &nb_options()[id];
    snprintf(out, cap, "%s", bracketed && op->alias ? op->alias : op->name);
    if (id == NB_OPT_FORMAT && f->formats)
        append(out, cap, " ", f->formats);
    else if (op->arg_en)
        append(out, cap, " ", arg_name(op, L));
}

/* The form's line of the usage: "nianbao check [--format text|json] ... FILE|DIR...". */
static void form_line(const nb_form *f, nb_lang L, char *out, size_t cap)
{
    char w[128];
    snprintf(out, cap, "nianbao");
    if (nb_cmd_name(f->cmd)[0])
        append(out, cap, " ", nb_cmd_name(f->cmd));
    const char *sep = " ";
    for (int id = 0; id < NB_OPT_COUNT; id++) {
        if (!(f->required & NB_OPT_BIT(id)))
            continue;
        option_in_form(f, id, 0, L, w, sizeof w);
        append(out, cap, sep, w);
        if (f->cmd == NB_CMD_TOP)
            sep = " | ";
    }
    for (int id = 0; id < NB_OPT_COUNT; id++) {
        if (!(f->optional & NB_OPT_BIT(id)))
            continue;
        option_in_form(f, id, 1, L, w, sizeof w);
        append(out, cap, " [", w);
        append(out, cap, "]", NULL);
    }
    const char *operands = L == NB_LANG_ZH ? f->operands_zh : f->operands_en;
    if (operands)
        append(out, cap, " ", operands);
}

/* Punctuation a line does not begin with: CJK commas, stops, closing brackets. */
static int no_line_start(uint32_t cp)
{
    return (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011 && cp % 2 == 1) || cp == 0xFF09 ||
           cp == 0xFF0C || cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF1F || cp == 0xFF01;
}

/* Where the line of text from start, drawn from column col, is cut to end
 * before WRAP_COL: before a space, or after a CJK character, never after
 * whole; n when it fits. */
static size_t line_end(const char *text, size_t n, size_t start, int col, size_t whole)
{
    size_t i = start, brk = start;
    int w = col, after_cjk = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = nb_utf8_get(text, n, &i);
        if (at > start && at <= whole && (cp == ' ' || (after_cjk && !no_line_start(cp))))
            brk = at;
        w += nb_cp_width(cp);
        if (w > WRAP_COL && brk > start)
            return brk;
        after_cjk = nb_is_cjk(cp);
    }
    return n;
}

/* left, then text from column col (on the next line when left reaches it),
 * wrapped with its lines starting at col; text from whole on is not broken. */
static void at_column(FILE *out, const char *left, int col, const char *text, size_t whole)
{
    int w = (int)nb_display_cols(left, strlen(left), 0);
    if (w + 2 > col)
        fprintf(out, "%s\n%*s", left, col, "");
    else
        fprintf(out, "%s%*s", left, col - w, "");
    size_t n = strlen(text), start = 0;
    while (start < n) {
        size_t end = line_end(text, n, start, col, whole);
        fwrite(text + start, 1, end - start, out);
        start = end;
        while (start < n && text[start] == ' ')
            start++;
        if (start < n)
            fprintf(out, "\n%*s", col, "");
    }
    fputc('\n', out);
}

/* A form's line longer than WRAP_COL is broken before its options in
 * brackets, the lines after the first starting under its first option: the
 * first lines are written, the last (with its indent) goes into last. */
static void wrap_form_line(FILE *out, const char *line, char *last, size_t cap)
{
    const char *s = line, *first = strstr(line, " [");
    int indent = first ? (int)(first - line) + 1 : 4, lead = 0;
    while (lead + nb_display_cols(s, strlen(s), 0) > WRAP_COL) {
        const char *cut = NULL;
        for (const char *b = strstr(s + 1, " ["); b && lead + nb_display_cols(s, (size_t)(b - s), 0) <= WRAP_COL;
             b = strstr(b + 1, " ["))
            cut = b;
        if (!cut)
            break;
        fprintf(out, "%*s%.*s\n", lead, "", (int)(cut - s), s);
        s = cut + 1;
        lead = indent;
    }
    snprintf(last, cap, "%*s%s", lead, "", s);
}

void nb_usage(FILE *out, nb_lang L)
{
    int n;
    const nb_form *f = nb_forms(&n);
    fputs(nb_tr(L, "usage:\n", "用法：\n"), out);
    for (int k = 0; k < n; k++) {
        char line[512] = "  ";
        form_line(&f[k], L, line + 2, sizeof line - 2);
        const char *what = L == NB_LANG_ZH ? f[k].zh : f[k].en;
        char last[512];
        wrap_form_line(out, line, last, sizeof last);
        if (what)
            at_column(out, last, USAGE_COL, what, strlen(what));
        else
            fprintf(out, "%s\n", last);
    }
}

/* The formats of the forms of cmd, every subcommand's for NB_CMD_TOP:
 * "json or csv (json by default); md, csv or json for --log (json by default)";
 * a form whose default differs off a terminal says both. */
static void formats_text(nb_cmd cmd, nb_lang L, char *out, size_t cap)
{
    int n;
    const nb_form *f = nb_forms(&n);
    for (int k = 0; k < n; k++) {
        if (!f[k].formats || (cmd != NB_CMD_TOP && f[k].cmd != cmd))
            continue;
        char w[96], list[128];
        form_words(&f[k], cmd == NB_CMD_TOP, w, sizeof w);
        nb_choices_text(f[k].formats, L, list, sizeof list);
        size_t used = strlen(out);
        char dflt[96];
        if (f[k].format_pipe)
            snprintf(dflt, sizeof dflt, nb_tr(L, "%s on a terminal, else %s", "终端上默认 %s，否则 %s"),
                     f[k].format_default, f[k].format_pipe);
        else
            snprintf(dflt, sizeof dflt, nb_tr(L, "%s by default", "默认 %s"), f[k].format_default);
        if (L == NB_LANG_ZH)
            snprintf(out + used, cap - used, "%s%s%s%s（%s）", used ? "；" : "", w, *w ? " 为 " : "", list, dflt);
        else
            snprintf(out + used, cap - used, "%s%s%s%s (%s)", used ? "; " : "", list, *w ? " for " : "", w, dflt);
    }
}

void nb_option_help(nb_opt_id id, nb_cmd cmd, nb_lang L, char *out, size_t cap)
{
    const nb_option *op = &nb_options()[id];
    snprintf(out, cap, "%s", L == NB_LANG_ZH ? op->zh : op->en);
    if (id != NB_OPT_FORMAT)
        return;
    char formats[512] = "";
    formats_text(cmd, L, formats, sizeof formats);
    append(out, cap, nb_tr(L, ": ", "："), formats);
}

/* "[console, check]": the subcommands that take an option, or "" for the
 * program's own. */
static void option_cmds(const nb_option *op, nb_lang L, char *out, size_t cap)
{
    out[0] = '\0';
    for (int c = NB_CMD_CONSOLE; c < NB_CMD_COUNT; c++) {
        if (!(op->cmds & NB_CMD_BIT(c)))
            continue;
        const char *name = c == NB_CMD_CONSOLE ? nb_tr(L, "console", "控制台") : nb_cmd_name((nb_cmd)c);
        append(out, cap, out[0] ? nb_tr(L, ", ", "、") : " [", name);
    }
    if (out[0])
        append(out, cap, "]", NULL);
}

void nb_help(FILE *out, nb_lang L)
{
    const nb_option *opt = nb_options();
    nb_usage(out, L);
    fputs(nb_tr(L, "\noptions:\n", "\n选项：\n"), out);
    for (int id = 0; id < NB_OPT_COUNT; id++) {
        const nb_option *op = &opt[id];
        char left[96], text[1024], cmds[96];
        snprintf(left, sizeof left, "  %s%s%s", op->alias ? op->alias : "", op->alias ? ", " : "", op->name);
        if (op->arg_en)
            append(left, sizeof left, " ", arg_name(op, L));
        nb_option_help((nb_opt_id)id, NB_CMD_TOP, L, text, sizeof text);
        if (op->env)
            append(text, sizeof text, nb_tr(L, " (also ", "（也可用 "), op->env);
        if (op->env)
            append(text, sizeof text, nb_tr(L, ")", "）"), NULL);
        option_cmds(op, L, cmds, sizeof cmds);
        size_t whole = strlen(text);
        append(text, sizeof text, cmds, NULL);
        at_column(out, left, HELP_COL, text, whole);
    }
}
