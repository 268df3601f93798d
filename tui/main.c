/* main.c — the nianbao command: the review console (nianbao FILE) and the
 * batch commands (export). Parses options, picks the message language from
 * the locale, and maps outcomes to exit status: 0 fine, 1 findings of error
 * weight (check), 2 usage or I/O failure. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "report.h"

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

static void usage(FILE *out, nb_lang L)
{
    if (L == NB_LANG_ZH)
        fputs("用法：\n"
              "  nianbao 文件                         打开审阅控制台\n"
              "  nianbao export [--format json|csv] [--bom] [-o 输出] 文件…\n"
              "                                       导出表格单元格（每份报告一行 JSON，或 CSV）\n"
              "  nianbao --help | --version\n",
              out);
    else
        fputs("usage:\n"
              "  nianbao FILE                         open the review console\n"
              "  nianbao export [--format json|csv] [--bom] [-o OUT] FILE...\n"
              "                                       export table cells (one JSON object per report, or CSV)\n"
              "  nianbao --help | --version\n",
              out);
}

static int cmd_export(int argc, char **argv, nb_lang L)
{
    const char *format = "json", *outpath = NULL;
    int bom = 0, nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--format") && i + 1 < argc) {
            format = argv[++i];
        } else if (!strncmp(a, "--format=", 9)) {
            format = a + 9;
        } else if (!strcmp(a, "--bom")) {
            bom = 1;
        } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) {
            outpath = argv[++i];
        } else if (!strcmp(a, "--")) {
            while (++i < argc)
                files[nfiles++] = argv[i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, nb_tr(L, "nianbao export: unknown option %s\n", "nianbao export：未知选项 %s\n"), a);
            usage(stderr, L);
            free(files);
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (strcmp(format, "json") && strcmp(format, "csv")) {
        fprintf(stderr, nb_tr(L, "nianbao export: unknown format %s (json or csv)\n",
                              "nianbao export：未知格式 %s（可用 json 或 csv）\n"), format);
        free(files);
        return 2;
    }
    if (!nfiles) {
        usage(stderr, L);
        free(files);
        return 2;
    }
    FILE *out = stdout;
    if (outpath && !(out = fopen(outpath, "w"))) {
        fprintf(stderr, nb_tr(L, "nianbao: %s: cannot write\n", "nianbao：%s：无法写入\n"), outpath);
        free(files);
        return 2;
    }
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, L, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        free(files);
        return 2;
    }
    if (getenv("NIANBAO_TRACE"))
        ctx.trace = stderr;
    int csv = !strcmp(format, "csv"), status = 0;
    if (bom)
        fputs("\xEF\xBB\xBF", out);
    if (csv)
        nb_export_csv_header(out);
    for (int i = 0; i < nfiles; i++) {
        nb_report r;
        if (nb_report_open(&r, files[i], &ctx, &err) != 0) {
            fprintf(stderr, "nianbao: %s\n", err.msg);
            status = 2;
            continue;
        }
        if (csv)
            nb_export_csv(out, &r, L);
        else
            nb_export_json(out, &r, L);
        nb_report_free(&r);
    }
    nb_ctx_free(&ctx);
    if (fflush(out) != 0 || ferror(out))
        status = 2;
    if (out != stdout)
        fclose(out);
    free(files);
    return status;
}

/* Until the console lands: the extracted tables as text. */
static int cmd_show(const char *path, nb_lang L)
{
    nb_ctx ctx;
    nb_err err;
    if (nb_ctx_init(&ctx, L, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        return 2;
    }
    nb_report r;
    if (nb_report_open(&r, path, &ctx, &err) != 0) {
        fprintf(stderr, "nianbao: %s\n", err.msg);
        nb_ctx_free(&ctx);
        return 2;
    }
    printf("%s\n  %s %s, %s %d, %s %d\n", path, nb_tr(L, "body", "机关"), r.agency[0] ? r.agency : "?",
           nb_tr(L, "year", "年度"), r.year, nb_tr(L, "format", "格式"), r.format);
    char id[96], v[64];
    for (int ci = 0; ci < r.ncells; ci++) {
        const nb_cell *c = &r.cells[ci];
        nb_schema_cell_id(r.schema, ci, id, sizeof id);
        if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
            nb_num_format(c->num, v, sizeof v);
        else
            snprintf(v, sizeof v, "-");
        printf("  %-34s %10s  %-11s", id, v, nb_status_name(c->status));
        if (c->status != NB_ST_MISSING)
            printf(" %s:%zu", path, nb_doc_locate(&r.doc, c->off).line);
        putchar('\n');
    }
    for (int i = 0; i < r.nlabels; i++)
        printf("  %s %s: \"%s\" (%s \"%s\")\n", nb_tr(L, "label", "标签"), r.labels[i].id, r.labels[i].found,
               nb_tr(L, "standard", "标准"), r.labels[i].standard);
    nb_report_free(&r);
    nb_ctx_free(&ctx);
    return 0;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    nb_lang L = pick_lang();
    if (argc < 2) {
        usage(stderr, L);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout, L);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("nianbao %s\n", NB_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "export"))
        return cmd_export(argc - 2, argv + 2, L);
    if (argv[1][0] == '-') {
        usage(stderr, L);
        return 2;
    }
    return cmd_show(argv[1], L);
}
