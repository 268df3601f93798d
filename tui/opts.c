/* opts.c — the option table, the forms of the command and the one parser
 * every subcommand's arguments go through. */
#include "opts.h"

#include <stdlib.h>
#include <string.h>

#include "check/rules.h"
#include "out/log.h"

#define ALL_CHECK NB_CMD_BIT(NB_CMD_CHECK)
#define ALL_EXPORT NB_CMD_BIT(NB_CMD_EXPORT)
#define ALL_CONSOLE NB_CMD_BIT(NB_CMD_CONSOLE)

static const nb_option options[NB_OPT_COUNT] = {
    [NB_OPT_HELP] = {.name = "--help", .alias = "-h", .cmds = NB_CMD_BIT(NB_CMD_TOP),
                     .en = "print this help and exit", .zh = "显示本帮助并退出"},
    [NB_OPT_VERSION] = {.name = "--version", .cmds = NB_CMD_BIT(NB_CMD_TOP),
                        .en = "print the version and exit", .zh = "显示版本并退出"},
    [NB_OPT_THEME] = {.name = "--theme", .arg_en = "NAME", .arg_zh = "主题", .man_arg = "Ar name",
                      .cmds = ALL_CONSOLE, .env = "NIANBAO_THEME",
                      .en = "a theme by name or path", .zh = "按名称或路径指定主题"},
    [NB_OPT_SCRIPT] = {.name = "--script", .arg_en = "FILE", .arg_zh = "脚本", .man_arg = "Ar file",
                       .cmds = ALL_CONSOLE, .env = "NIANBAO_SCRIPT",
                       .en = "run without a terminal, the keys read from FILE: a key name (j, Down, C-d, Enter) "
                             "or :command a line; a line /pattern searches, a line \"text types text",
                       .zh = "不用终端运行，按键从脚本读取：每行一个键名（j、Down、C-d、Enter）或 :命令；"
                             "以 / 开头的行为搜索，以 \" 开头的行为输入文字"},
    [NB_OPT_SIZE] = {.name = "--size", .arg_en = "WxH", .arg_zh = "宽x高", .man_arg = "Ar W Ns x Ns Ar H",
                     .cmds = ALL_CONSOLE, .env = "NIANBAO_SIZE",
                     .en = "the screen size of a scripted run, 160x48 by default",
                     .zh = "脚本运行时的屏幕大小，默认 160x48"},
    [NB_OPT_FORMAT] = {.name = "--format", .arg_en = "FORMAT", .arg_zh = "格式", .man_arg = "Ar format",
                       .cmds = ALL_CHECK | ALL_EXPORT,
                       .en = "the output format", .zh = "输出格式"},
    [NB_OPT_SEVERITY] = {.name = "--severity", .arg_en = "LEVEL", .arg_zh = "级别", .man_arg = "Ar level",
                         .choices = "info|warning|error", .parse = nb_severity_parse, .cmds = ALL_CHECK,
                         .en = "show only findings of LEVEL (info, warning, error) or above; the exit status "
                               "still counts every error",
                         .zh = "只显示该级别（info、warning、error）及以上的问题；退出码仍计入每一个错误"},
    [NB_OPT_SUMMARY] = {.name = "--summary", .cmds = ALL_CHECK,
                        .en = "instead of the findings, one row a report: its requests (new, handled, carried over), "
                              "its rates of disclosure, denial and correction, its findings by severity and the "
                              "state of its review",
                        .zh = "不列出问题，而是每份报告一行：申请数（新收、办结、结转）、公开率、不予公开率、"
                              "纠错率、各级别问题数和审阅状态"},
    [NB_OPT_DISABLE] = {.name = "--disable", .arg_en = "RULES", .arg_zh = "规则", .man_arg = "Ar rules",
                        .cmds = ALL_CHECK | ALL_EXPORT,
                        .en = "report no findings of RULES: rule IDs separated by commas, * matching any run of "
                              "characters (TEXT.*); may be repeated",
                        .zh = "不报告这些规则的问题：以逗号分隔的规则编号，* 匹配任意字符（TEXT.*）；可重复"},
    [NB_OPT_ENABLE] = {.name = "--enable", .arg_en = "RULES", .arg_zh = "规则", .man_arg = "Ar rules",
                       .cmds = ALL_CHECK | ALL_EXPORT,
                       .en = "report RULES again where a configuration file or an earlier --disable turned them "
                             "off; may be repeated",
                       .zh = "重新报告被配置文件或前面的 --disable 关闭的规则；可重复"},
    [NB_OPT_SEVERITY_OF] = {.name = "--severity-of", .arg_en = "RULE=LEVEL", .arg_zh = "规则=级别",
                            .man_arg = "Ar rule Ns = Ns Ar level", .cmds = ALL_CHECK | ALL_EXPORT,
                            .en = "give every finding of RULE (an ID or a pattern) the level LEVEL (info, warning, "
                                  "error), as shown and as counted for the exit status; may be repeated",
                            .zh = "把该规则（编号或模式）的每个问题定为该级别（info、warning、error），"
                                  "显示和退出码都按此计；可重复"},
    [NB_OPT_NO_CONFIG] = {.name = "--no-config", .cmds = ALL_CHECK | ALL_EXPORT,
                          .en = "read no configuration file: only the rule settings of the command line apply",
                          .zh = "不读取任何配置文件，只按命令行的规则设置"},
    [NB_OPT_NO_YEARS] = {.name = "--no-years", .cmds = ALL_CHECK,
                         .en = "do not check reports of one body for consecutive years against each other",
                         .zh = "不对同一机关相邻年度的报告做跨年核对"},
    [NB_OPT_BOM] = {.name = "--bom", .cmds = ALL_CHECK | ALL_EXPORT,
                    .en = "begin the output with a UTF-8 byte-order mark, so that Excel and WPS open a CSV file "
                          "as UTF-8 (check: with --summary)",
                    .zh = "输出以 UTF-8 字节顺序标记开头，使 Excel 和 WPS 按 UTF-8 打开 CSV 文件"
                          "（check 须与 --summary 同用）"},
    [NB_OPT_OUTPUT] = {.name = "--output", .alias = "-o", .arg_en = "OUT", .arg_zh = "输出", .man_arg = "Ar out",
                       .cmds = ALL_EXPORT,
                       .en = "write to OUT instead of standard output", .zh = "写入该文件而不是标准输出"},
    [NB_OPT_LOG] = {.name = "--log", .cmds = ALL_EXPORT,
                    .en = "write the review log of each report instead of its cells: the findings with their "
                          "decisions and reasons, the findings the corrections resolved, every correction old -> "
                          "new, every note",
                    .zh = "导出每份报告的审阅记录而不是单元格：问题及其决定与理由、因更正而消除的问题、"
                          "每一处更正（原值 → 新值）、每一条批注"},
    [NB_OPT_CORRECTED] = {.name = "--corrected", .arg_en = "OUT", .arg_zh = "输出", .man_arg = "Ar out",
                          .cmds = ALL_EXPORT,
                          .en = "write the report's text to OUT with every corrected number at its place and "
                                "everything else byte for byte (one report; never the report itself)",
                          .zh = "把报告文本写入该文件，更正的数字写在原处，其余逐字节不变"
                                "（仅一份报告；从不写报告本身）"},
    [NB_OPT_NO_REVIEW] = {.name = "--no-review", .cmds = ALL_CHECK | ALL_EXPORT,
                          .en = "ignore REPORT.review", .zh = "忽略 报告.review"},
    [NB_OPT_REVIEW] = {.name = "--review", .arg_en = "FILE", .arg_zh = "文件", .man_arg = "Ar file",
                       .cmds = ALL_CONSOLE | ALL_CHECK | ALL_EXPORT,
                       .en = "the review file of a single report, when it is not REPORT.review beside it",
                       .zh = "单份报告的审阅文件（不是报告旁的 报告.review 时）"},
    [NB_OPT_ALL] = {.name = "--all", .cmds = ALL_CHECK | ALL_EXPORT,
                    .en = "in the folders named, read every report-named file: also those nianbao wrote "
                          "(review logs, exports, corrected copies) and those with no sign of a report; and "
                          "read a REPORT.review, its journal or its lock named (REPORT*) as a report",
                    .zh = "在所给目录中读取每个报告名的文件，包括 nianbao 写出的文件（审阅记录、导出文件、"
                          "更正副本）和看不出是报告的文件；所给的 报告.review 及其日志、锁文件（报告*）也作为报告读取"},
    [NB_OPT_JOBS] = {.name = "--jobs", .alias = "-j", .arg_en = "N", .arg_zh = "N", .man_arg = "Ar n",
                     .cmds = ALL_CHECK | ALL_EXPORT,
                     .en = "read and check N reports at a time (every core by default; 1 for one); the output "
                           "is the same, in the same order, whatever N",
                     .zh = "同时读取和检查 N 份报告（默认使用全部处理器核心；1 为逐份）；无论 N 为多少，"
                           "输出相同、顺序相同"},
};

#define B(id) NB_OPT_BIT(NB_OPT_##id)
/* the rule settings (check/config.h) */
#define RULES (B(DISABLE) | B(ENABLE) | B(SEVERITY_OF) | B(NO_CONFIG))

/* The forms in the order the usage shows them; when the options name the
 * required options of several forms, the last of them is the one used. */
static const nb_form forms[] = {
    {.cmd = NB_CMD_CONSOLE, .optional = B(THEME) | B(SCRIPT) | B(SIZE) | B(REVIEW),
     .operands_en = "FILE|DIR...|-", .operands_zh = "文件|目录…|-", .man_operands = "Ar file | dir ... | Fl",
     .en = "open the review console; several reports, a folder or - (their paths on standard input): the queue of "
           "reports first",
     .zh = "打开审阅控制台；多份报告、目录或 -（从标准输入读取路径）：先显示报告队列"},
    {.cmd = NB_CMD_CHECK,
     .optional = B(FORMAT) | B(SEVERITY) | RULES | B(NO_YEARS) | B(NO_REVIEW) | B(REVIEW) | B(ALL) | B(JOBS),
     .formats = "text|json", .format_default = "text",
     .operands_en = "FILE|DIR...", .operands_zh = "文件|目录…", .man_operands = "Ar",
     .en = "run every sum and cross-check (exit 0 no error, 1 errors, 2 usage/IO)",
     .zh = "检查每一条勾稽关系与规则（退出码：0 无错误，1 有错误，2 用法或读写失败）"},
    {.cmd = NB_CMD_CHECK, .required = B(SUMMARY),
     .optional = B(FORMAT) | B(BOM) | RULES | B(NO_YEARS) | B(NO_REVIEW) | B(REVIEW) | B(ALL) | B(JOBS),
     .formats = "text|csv|json", .format_default = "text", .format_pipe = "csv",
     .operands_en = "FILE|DIR...", .operands_zh = "文件|目录…", .man_operands = "Ar",
     .en = "the metrics of each report: a table on a terminal, else CSV",
     .zh = "每份报告的指标：终端上为表格，否则为 CSV"},
    {.cmd = NB_CMD_EXPORT, .optional = B(FORMAT) | B(BOM) | B(OUTPUT) | RULES | B(NO_REVIEW) | B(REVIEW) | B(ALL) | B(JOBS),
     .formats = "json|csv", .format_default = "json",
     .operands_en = "FILE|DIR...", .operands_zh = "文件|目录…", .man_operands = "Ar",
     .en = "export table cells (one JSON object per report, or CSV)",
     .zh = "导出表格单元格（每份报告一行 JSON，或 CSV）"},
    {.cmd = NB_CMD_EXPORT, .required = B(LOG),
     .optional = B(FORMAT) | B(BOM) | B(OUTPUT) | RULES | B(NO_REVIEW) | B(REVIEW) | B(ALL) | B(JOBS),
     .formats = "md|csv|json", .parse_format = nb_log_format_parse, .format_default = "json",
     .operands_en = "FILE|DIR...", .operands_zh = "文件|目录…", .man_operands = "Ar",
     .en = "the review log: findings with decisions and reasons, corrections old -> new, notes",
     .zh = "导出审阅记录：问题及决定与理由、更正（原值 → 新值）、批注"},
    {.cmd = NB_CMD_EXPORT, .required = B(CORRECTED), .optional = B(REVIEW),
     .operands_en = "FILE", .operands_zh = "文件", .man_operands = "Ar file",
     .en = "a corrected copy: the report's text, or a .docx for a .docx (the report is never written)",
     .zh = "写出更正后的副本：报告文本，.docx 则为 .docx（原报告从不改写）"},
    {.cmd = NB_CMD_RULES, .en = "list every rule checked", .zh = "列出全部检查规则"},
    {.cmd = NB_CMD_TOP, .required = B(HELP) | B(VERSION)},
};

static const char *const cmd_names[NB_CMD_COUNT] = {
    [NB_CMD_TOP] = "", [NB_CMD_CONSOLE] = "", [NB_CMD_CHECK] = "check", [NB_CMD_EXPORT] = "export",
    [NB_CMD_RULES] = "rules",
};

const nb_option *nb_options(void)
{
    return options;
}

const nb_form *nb_forms(int *n)
{
    *n = (int)(sizeof forms / sizeof forms[0]);
    return forms;
}

const char *nb_cmd_name(nb_cmd cmd)
{
    return cmd < NB_CMD_COUNT ? cmd_names[cmd] : "";
}

nb_cmd nb_cmd_lookup(const char *word)
{
    for (int c = NB_CMD_CHECK; c < NB_CMD_COUNT; c++)
        if (!strcmp(word, cmd_names[c]))
            return (nb_cmd)c;
    return NB_CMD_CONSOLE;
}

/* The option whose name or alias is word[0, len) and that cmd takes, or -1. */
static int lookup(const char *word, size_t len, nb_cmd cmd)
{
    for (int i = 0; i < NB_OPT_COUNT; i++) {
        const nb_option *o = &options[i];
        if (!(o->cmds & NB_CMD_BIT(cmd)))
            continue;
        if ((strlen(o->name) == len && !strncmp(o->name, word, len)) ||
            (o->alias && strlen(o->alias) == len && !strncmp(o->alias, word, len)))
            return i;
    }
    return -1;
}

int nb_option_lookup(const char *word, nb_cmd cmd)
{
    return lookup(word, strlen(word), cmd);
}

int nb_choice_index(const char *choices, const char *value)
{
    size_t n = strlen(value);
    for (int k = 0; *choices; k++) {
        const char *bar = strchr(choices, '|');
        size_t len = bar ? (size_t)(bar - choices) : strlen(choices);
        if (len == n && !strncmp(choices, value, n))
            return k;
        if (!bar)
            break;
        choices = bar + 1;
    }
    return -1;
}

/* "nianbao check" — what every message of cmd begins with. */
static void cmd_prefix(nb_cmd cmd, char *out, size_t cap)
{
    snprintf(out, cap, "nianbao%s%s", cmd_names[cmd][0] ? " " : "", cmd_names[cmd]);
}

/* A usage error about the argument a, said after the subcommand's words. */
static int refuse(nb_opts *o, nb_err *err, nb_lang L, const char *en, const char *zh, const char *a)
{
    char pre[64];
    cmd_prefix(o->cmd, pre, sizeof pre);
    o->usage = 1;
    return nb_err_set(err, NB_E_USAGE, nb_tr(L, en, zh), pre, a);
}

/* A value not among the option's choices (no usage after it). */
static int refuse_value(nb_opts *o, const nb_option *op, const char *v, nb_lang L, nb_err *err)
{
    char pre[64], list[128];
    cmd_prefix(o->cmd, pre, sizeof pre);
    nb_choices_text(op->choices, L, list, sizeof list);
    return nb_err_set(err, NB_E_USAGE, nb_tr(L, "%s: %s takes %s, not %s", "%s：%s 取 %s，而不是 %s"), pre, op->name,
                      list, v);
}

static int value_ok(const nb_option *op, const char *v)
{
    if (!op->choices)
        return 1;
    return (op->parse ? op->parse(v) : nb_choice_index(op->choices, v)) >= 0;
}

/* One option at argv[*i]; takes its value from the next argument when it has
 * none after '=' (a long name) or joined to it (a short one: -j4, -oOUT). */
static int parse_option(nb_opts *o, int argc, char **argv, int *i, nb_lang L, nb_err *err)
{
    const char *a = argv[*i];
    const char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
    int id = lookup(a, eq ? (size_t)(eq - a) : strlen(a), o->cmd);
    if (id < 0 && a[1] != '-' && a[2] && (id = lookup(a, 2, o->cmd)) >= 0) {
        if (!options[id].arg_en)
            return refuse(o, err, L, "%s: unknown option %s", "%s：未知选项 %s", a);
        eq = a + 1; /* the value follows the letter */
    }
    if (id < 0)
        return refuse(o, err, L, "%s: unknown option %s", "%s：未知选项 %s", a);
    const nb_option *op = &options[id];
    const char *v = NULL;
    if (!op->arg_en && eq)
        return refuse(o, err, L, "%s: %s takes no value", "%s：%s 不带值", op->name);
    if (op->arg_en) {
        if (!eq && *i + 1 >= argc)
            return refuse(o, err, L, "%s: %s needs a value", "%s：%s 需要一个值", a);
        v = eq ? eq + 1 : argv[++*i];
        if (!value_ok(op, v))
            return refuse_value(o, op, v, L, err);
    }
    o->given |= NB_OPT_BIT(id);
    o->val[id] = v;
    o->args[o->nargs++] = (nb_opt_arg){(nb_opt_id)id, v};
    return 0;
}

int nb_opts_parse(nb_opts *o, nb_cmd cmd, int argc, char **argv, nb_lang L, nb_err *err)
{
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    if (!o->files || !o->args)
        return nb_err_set(err, NB_E_NOMEM, "%s", nb_tr(L, "nianbao: out of memory", "nianbao：内存不足"));
    int operands_only = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!operands_only && !strcmp(a, "--"))
            operands_only = 1;
        else if (operands_only || a[0] != '-' || !a[1])
            o->files[o->nfiles++] = argv[i];
        else if (parse_option(o, argc, argv, &i, L, err) != 0)
            return -1;
    }
    return 0;
}

void nb_opts_free(nb_opts *o)
{
    free(o->files);
    free(o->args);
    o->files = NULL;
    o->args = NULL;
    o->nfiles = o->nargs = 0;
}

int nb_opts_has(const nb_opts *o, nb_opt_id id)
{
    return (o->given & NB_OPT_BIT(id)) != 0;
}

const char *nb_opts_value(const nb_opts *o, nb_opt_id id)
{
    if (nb_opts_has(o, id))
        return o->val[id];
    return options[id].env ? getenv(options[id].env) : NULL;
}

const nb_form *nb_opts_form(const nb_opts *o)
{
    const nb_form *plain = NULL, *named = NULL;
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        const nb_form *f = &forms[k];
        if (f->cmd != o->cmd)
            continue;
        if (f->required && (o->given & f->required) == f->required)
            named = f;
        else if (!f->required && !plain)
            plain = f;
    }
    return named ? named : plain;
}

int nb_opts_format(const nb_opts *o, int tty, const char **name, nb_lang L, nb_err *err)
{
    const nb_form *f = nb_opts_form(o);
    const char *v = nb_opts_has(o, NB_OPT_FORMAT) ? o->val[NB_OPT_FORMAT]
                    : !f                          ? NULL
                    : !tty && f->format_pipe      ? f->format_pipe
                                                  : f->format_default;
    *name = v;
    if (!f || !f->formats || !v)
        return nb_err_set(err, NB_E_USAGE, "%s",
                          nb_tr(L, "nianbao: --format does not apply here", "nianbao：--format 不适用于此处"));
    int k = f->parse_format ? f->parse_format(v) : nb_choice_index(f->formats, v);
    if (k >= 0)
        return k;
    char pre[96], list[128];
    nb_form_prefix(f, pre, sizeof pre);
    nb_choices_text(f->formats, L, list, sizeof list);
    return nb_err_set(err, NB_E_USAGE, nb_tr(L, "%s: unknown format %s (%s)", "%s：未知格式 %s（可用 %s）"), pre, v,
                      list);
}
