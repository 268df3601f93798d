/* opts.h — the command line as data: one table of options (each once, with
 * its names, its value, the subcommands that take it and its help in English
 * and Chinese), the forms of the command (the synopsis), one parser shared by
 * every subcommand, and the usage and --help printed from the tables. The man
 * page's synopsis and option lists are generated from the same tables. */
#ifndef NB_OPTS_H
#define NB_OPTS_H

#include <stdio.h>

#include "base/err.h"

/* NB_CMD_TOP: the program's own options, only as its first argument
 * (--help, --version); NB_CMD_CONSOLE: a report and no subcommand. */
typedef enum { NB_CMD_TOP, NB_CMD_CONSOLE, NB_CMD_CHECK, NB_CMD_EXPORT, NB_CMD_RULES, NB_CMD_COUNT } nb_cmd;

typedef enum {
    NB_OPT_HELP,
    NB_OPT_VERSION,
    NB_OPT_THEME,
    NB_OPT_SCRIPT,
    NB_OPT_SIZE,
    NB_OPT_FORMAT,
    NB_OPT_SUMMARY,
    NB_OPT_SEVERITY,
    NB_OPT_DISABLE,
    NB_OPT_ENABLE,
    NB_OPT_SEVERITY_OF,
    NB_OPT_NO_CONFIG,
    NB_OPT_NO_YEARS,
    NB_OPT_BOM,
    NB_OPT_OUTPUT,
    NB_OPT_LOG,
    NB_OPT_CORRECTED,
    NB_OPT_NO_REVIEW,
    NB_OPT_REVIEW,
    NB_OPT_ALL,
    NB_OPT_JOBS,
    NB_OPT_COUNT
} nb_opt_id;

#define NB_OPT_BIT(id) (1u << (id))
#define NB_CMD_BIT(cmd) (1u << (cmd))

typedef struct nb_option {
    const char *name;             /* "--format" */
    const char *alias;            /* "-o", or NULL */
    const char *arg_en, *arg_zh;  /* the value's name ("FILE", "文件"); NULL: a flag */
    const char *man_arg;          /* the value in mdoc ("Ar file") */
    const char *choices;          /* "info|warning|error": the values taken; NULL: any */
    int (*parse)(const char *);   /* value → its index, -1 refused; NULL: one of choices */
    unsigned cmds;                /* NB_CMD_BIT of each subcommand that takes it */
    const char *env;              /* the environment variable that sets it too, or NULL */
    const char *en, *zh;          /* what it does */
} nb_option;

/* One way of calling the command: a line of the usage and of the synopsis. */
typedef struct nb_form {
    nb_cmd cmd;
    unsigned required;            /* options this form names (--log), alternatives for NB_CMD_TOP */
    unsigned optional;            /* options shown in brackets */
    const char *formats;          /* the --format values of this form, or NULL */
    int (*parse_format)(const char *); /* --format → its index, -1 refused; NULL: one of formats */
    const char *format_default;   /* --format when not given */
    const char *format_pipe;      /* --format when not given and the output is no terminal, or NULL */
    const char *operands_en, *operands_zh; /* "FILE|DIR..." */
    const char *man_operands;     /* "Ar" */
    const char *en, *zh;          /* what this form does */
} nb_form;

/* The tables: NB_OPT_COUNT options, *n forms. */
const nb_option *nb_options(void);
const nb_form *nb_forms(int *n);
/* The subcommand's word ("check"), "" for the console and the top level. */
const char *nb_cmd_name(nb_cmd cmd);
/* The subcommand argv[1] names, or NB_CMD_CONSOLE. */
nb_cmd nb_cmd_lookup(const char *word);
/* The option named exactly word ("--help", "-o") that cmd takes, or -1. */
int nb_option_lookup(const char *word, nb_cmd cmd);
/* The index of value in "a|b|c", or -1. */
int nb_choice_index(const char *choices, const char *value);

/* An option as it was given. */
typedef struct nb_opt_arg {
    nb_opt_id id;
    const char *val;                /* its value, or NULL */
} nb_opt_arg;

typedef struct nb_opts {
    nb_cmd cmd;
    unsigned given;                 /* NB_OPT_BIT of each option named */
    const char *val[NB_OPT_COUNT];  /* the value of each option named (the last one given) */
    nb_opt_arg *args;               /* every option in the order given (those given more than once too) */
    int nargs;
    char **files;                   /* the operands in order (pointing into argv) */
    int nfiles;
    int usage;                      /* the error is one of usage: print the usage after it */
} nb_opts;

/* Parse argv[0, argc) of cmd: options (--name VALUE, --name=VALUE, -o VALUE),
 * "--" ending them, and operands ("-" is one). An unknown option, a missing
 * value, a value to a flag or a value not among the option's choices is
 * refused: -1 with err ("nianbao check: unknown option --bogus", in L). */
int nb_opts_parse(nb_opts *o, nb_cmd cmd, int argc, char **argv, nb_lang L, nb_err *err);
void nb_opts_free(nb_opts *o);
int nb_opts_has(const nb_opts *o, nb_opt_id id);
/* The option's value, else its environment variable's, else NULL. */
const char *nb_opts_value(const nb_opts *o, nb_opt_id id);
/* The form the options select: the last form of o->cmd whose required
 * options are all given (--corrected over --log), else its plain form. */
const nb_form *nb_opts_form(const nb_opts *o);
/* --format (or the form's default: its format_pipe when the output is no
 * terminal, tty 0) checked against the form's formats: its index, or -1
 * with err ("nianbao export --log: unknown format xml (md, csv or json)").
 * *name gets the format's name. */
int nb_opts_format(const nb_opts *o, int tty, const char **name, nb_lang L, nb_err *err);

/* "a|b|c" as "a, b or c" (Chinese: "a、b 或 c"). */
void nb_choices_text(const char *choices, nb_lang L, char *out, size_t cap);
/* The words of a form: "nianbao export --log" (the required options with values). */
void nb_form_prefix(const nb_form *f, char *out, size_t cap);

/* What option id does, for cmd (for every subcommand with NB_CMD_TOP): its
 * help, and for --format the formats of each form ("text or json (text by
 * default)"); without its environment variable. */
void nb_option_help(nb_opt_id id, nb_cmd cmd, nb_lang L, char *out, size_t cap);

/* The usage: every form with what it does. */
void nb_usage(FILE *out, nb_lang L);
/* --help: the usage, then every option with the subcommands that take it. */
void nb_help(FILE *out, nb_lang L);

#endif
