/* main.c — the nianbao command: picks the message language from the locale,
 * answers --help and --version, parses the arguments of the subcommand named
 * (opts.h) and runs it (cmd.h): the review console (nianbao FILE), check,
 * export, rules. Exit status: 0 fine, 1 findings of error weight (check), 2
 * usage or I/O failure. */
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "opts.h"

#define NB_VERSION "0.1.0"

static nb_lang pick_lang(void)
{
    const char *l = setlocale(LC_MESSAGES, NULL);
    const char *env = getenv("LC_ALL");
    if (!env || !*env)
        env = getenv("LC_MESSAGES");
    if (!env || !*env)
        env = getenv("LANG");
    if (l && strncmp(l, "zh", 2) == 0)
        return NB_LANG_ZH;
    return nb_lang_from_locale(env);
}

static int (*const run[NB_CMD_COUNT])(const nb_opts *, nb_lang) = {
    [NB_CMD_CONSOLE] = nb_cmd_console,
    [NB_CMD_CHECK] = nb_cmd_check,
    [NB_CMD_EXPORT] = nb_cmd_export,
    [NB_CMD_RULES] = nb_cmd_rules,
};

/* Does a subcommand's argument ask for the help (--help or -h before any
 * --), as it may anywhere on the line? */
static int asks_help(int argc, char **argv)
{
    for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (nb_option_lookup(argv[i], NB_CMD_TOP) == NB_OPT_HELP)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    /* Batches read thousands of reports: keep freed memory for the next one
     * rather than giving it back and faulting it in again. A block of over
     * 1 MiB is a large report's (its text, its line index, its tokens): it
     * is mapped and given back when freed, so that a large report's stages
     * do not pile up in the heap one after the other. */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    setlocale(LC_ALL, "");
    nb_lang L = pick_lang();
    if (argc < 2) {
        nb_usage(stderr, L);
        return 2;
    }
    switch (nb_option_lookup(argv[1], NB_CMD_TOP)) {
    case NB_OPT_HELP:
        nb_help(stdout, L);
        return 0;
    case NB_OPT_VERSION:
        printf("nianbao %s\n", NB_VERSION);
        return 0;
    default:
        break;
    }
    nb_cmd cmd = nb_cmd_lookup(argv[1]);
    int first = cmd == NB_CMD_CONSOLE ? 1 : 2; /* the subcommand's own arguments */
    if (asks_help(argc - first, argv + first)) {
        nb_help(stdout, L);
        return 0;
    }
    nb_opts o;
    nb_err err;
    int status;
    if (nb_opts_parse(&o, cmd, argc - first, argv + first, L, &err) != 0) {
        nb_cli_say("%s\n", err.msg);
        if (o.usage)
            nb_usage(stderr, L);
        status = 2;
    } else {
        status = run[cmd](&o, L);
    }
    nb_opts_free(&o);
    return status;
}
