/* help.c — the help screen's items from the key table and the legend
 * (help.h). */
#include "help.h"

#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "legend.h"

/* The headings, in the order the help shows the modes. */
static const struct {
    nb_keymode mode;
    const char *en, *zh;
} parts[] = {
    {NB_KM_NORMAL, "The text and the tables", "正文与表格"},
    {NB_KM_TERMINAL, NULL, NULL}, /* under the same heading */
    {NB_KM_HELP, "This help", "本帮助"},
    {NB_KM_FINDINGS, "The list of findings (F)", "问题列表（F）"},
    {NB_KM_NOTES, "The list of notes (A)", "批注列表（A）"},
    {NB_KM_EDITOR, "The line editor (: / a value, a reason, a note)", "行编辑器（: / 数值、理由、批注）"},
    {NB_KM_ASK_QUIT, "Quitting with unsaved work", "退出时有未保存的工作"},
    {NB_KM_ASK_RECOVER, "Unsaved work of a session that ended", "上次会话未保存的工作"},
    {NB_KM_QUEUE, "The queue of reports (several reports or a folder)", "报告队列（多份报告或一个文件夹）"},
    {NB_KM_DETAIL, "The detail of a finding (K)", "问题详情（K）"},
    {NB_KM_COMMAND, "Commands (after :)", "命令（按 : 后输入）"},
};

/* A command's argument as typed: the mdoc words of the table made plain
 * ("Ar W Ns x Ns Ar H" → "WxH"), its placeholders in the language. */
static void plain_arg(const char *mdoc, int zh, char *out, size_t cap)
{
    static const char *const words[][2] = {{"id", "编号"}, {"name", "名称"}, {"file", "文件"}, {"W", "宽"}, {"H", "高"}};
    size_t k = 0;
    int glue = 1, optional = 0;
    out[0] = '\0';
    for (const char *p = mdoc; *p && k + 1 < cap;) {
        size_t n = strcspn(p, " ");
        char w[32];
        snprintf(w, sizeof w, "%.*s", (int)(n < sizeof w ? n : sizeof w - 1), p);
        p += n + (p[n] == ' ');
        if (!strcmp(w, "Ns")) {
            glue = 1;
            continue;
        }
        if (!strcmp(w, "Op")) { /* what follows is optional: [file] */
            k += (size_t)snprintf(out + k, cap - k, "%s[", glue ? "" : " ");
            optional = glue = 1;
            continue;
        }
        if (!strcmp(w, "Ar") || !strcmp(w, "Cm"))
            continue;
        for (size_t i = 0; zh && i < sizeof words / sizeof words[0]; i++)
            if (!strcmp(w, words[i][0]))
                snprintf(w, sizeof w, "%s", words[i][1]);
        k += (size_t)snprintf(out + k, cap - k, "%s%s", glue ? "" : " ", w);
        glue = 0;
    }
    if (optional && k + 1 < cap)
        snprintf(out + k, cap - k, "]");
}

/* A row's keys as the help shows them: "k Up"; a command ":goto :g 编号";
 * "any other key". */
static void keys_of(const nb_binding *b, int zh, char *out, size_t cap)
{
    if (!b->keys[0]) {
        snprintf(out, cap, "%s", zh ? "其他键" : "other keys");
        return;
    }
    if (b->mode != NB_KM_COMMAND) {
        snprintf(out, cap, "%s", b->keys);
        return;
    }
    size_t k = 0;
    for (const char *p = b->keys; *p && k + 1 < cap;) {
        size_t n = strcspn(p, " ");
        k += (size_t)snprintf(out + k, cap - k, "%s:%.*s", k ? " " : "", (int)n, p);
        p += n + (p[n] == ' ');
    }
    if (b->arg[0] && k + 1 < cap) {
        char arg[48];
        plain_arg(b->arg, zh, arg, sizeof arg);
        snprintf(out + k, cap - k, " %s", arg);
    }
}

static int add(nb_help_item *out, int n, int max, int heading, const char *keys, const char *text)
{
    if (n >= max)
        return n;
    out[n].heading = heading;
    snprintf(out[n].keys, sizeof out[n].keys, "%s", keys);
    out[n].text = text;
    return n + 1;
}

int nb_help_items(int zh, nb_help_item *out, int max)
{
    int nk, n = 0;
    const nb_binding *km = nb_keymap(&nk);
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
        if (parts[p].en)
            n = add(out, n, max, 1, "", zh ? parts[p].zh : parts[p].en);
        for (int i = 0; i < nk; i++)
            if (km[i].mode == parts[p].mode) {
                char keys[64];
                keys_of(&km[i], zh, keys, sizeof keys);
                n = add(out, n, max, 0, keys, zh ? km[i].zh : km[i].en);
            }
    }
    n = add(out, n, max, 1, "", zh ? "单元格值旁的标记（无颜色时也能看出问题）" : "Marks beside a cell's value (seen without colour too)");
    for (int m = 0; m < NB_NLEGEND; m++)
        n = add(out, n, max, 0, nb_legend_mark((nb_legend_id)m), nb_legend_text((nb_legend_id)m, zh));
    return n;
}
