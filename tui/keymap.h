/* keymap.h — every key and command the console understands, once: one
 * X-macro table of request × mode × default keys × help in English and
 * Chinese (and, where the man page says more, its words). The key dispatch
 * of every mode, the `:` commands, the help screen and the man page's key
 * list (build/genman) are all generated from it. */
#ifndef NB_KEYMAP_H
#define NB_KEYMAP_H

#include <stddef.h>

/* The modes keys are bound in. */
typedef enum {
    NB_KM_NORMAL,      /* the text and the tables */
    NB_KM_HELP,        /* the help screen */
    NB_KM_FINDINGS,    /* the list of findings */
    NB_KM_NOTES,       /* the list of notes */
    NB_KM_EDITOR,      /* the line editor: `:`, `/`, a cell's value, a reason, a note */
    NB_KM_ASK_QUIT,    /* quitting with unsaved work */
    NB_KM_ASK_RECOVER, /* unsaved work of a session that ended */
    NB_KM_TERMINAL,    /* keys the terminal handles, not the console */
    NB_KM_COMMAND,     /* `:` commands: the "keys" are the command's names */
    NB_KM_QUEUE,       /* the queue of reports (several reports or a folder) */
    NB_KM_DETAIL,      /* the detail view of a finding */
    NB_NKM
} nb_keymode;

/* K(mode, id, keys, en, zh, man): a request of a mode and its keys (names
 * separated by spaces; "" is any other key of the mode).
 * C(id, names, arg, en, zh, man): a `:` command, its names, its argument
 * (mdoc) for the man page.
 * man: what the man page says instead of en (mdoc lines), or "". */
#define NB_KEYMAP(K, C)                                                                                           \
    K(NORMAL, MOVE_UP, "k Up", "move up", "上移", "move up (text cursor, or table row)")                         \
    K(NORMAL, MOVE_DOWN, "j Down", "move down", "下移", "")                                                      \
    K(NORMAL, MOVE_LEFT, "h Left", "move left", "左移", "")                                                      \
    K(NORMAL, MOVE_RIGHT, "l Right", "move right", "右移", "")                                                   \
    K(NORMAL, SWITCH_PANE, "Tab", "switch between the text and the tables", "在正文与表格之间切换", "")         \
    K(NORMAL, PAGE_UP, "PgUp", "page up", "上一页", "")                                                          \
    K(NORMAL, PAGE_DOWN, "PgDn", "page down", "下一页", "")                                                      \
    K(NORMAL, HALF_DOWN, "C-d", "half a page down", "下移半页", "")                                              \
    K(NORMAL, HALF_UP, "C-u", "half a page up", "上移半页", "")                                                  \
    K(NORMAL, TOP, "g Home", "go to the top", "到开头", "")                                                      \
    K(NORMAL, BOTTOM, "G End", "go to the bottom", "到末尾", "")                                                 \
    K(NORMAL, NEXT_FINDING, "]", "next finding (wraps)", "下一个问题（循环）", "")                              \
    K(NORMAL, PREV_FINDING, "[", "previous finding (wraps)", "上一个问题（循环）", "")                          \
    K(NORMAL, FINDINGS, "F", "list of findings (filter, mark, decide several at once; Enter jumps)",             \
      "问题列表（筛选、标记、批量决定；回车跳转）", "the list of findings (its keys below)")                     \
    K(NORMAL, SEARCH, "/", "search the text, or the tables' labels and values from the tables pane (PCRE2)",     \
      "在正文中搜索；在表格窗格中则搜索表格的标签和数值（PCRE2）",                                             \
      "search the text, or from the tables pane the tables' row labels, group\n"                                 \
      "headings and values (PCRE2, UTF; smart case: case-insensitive unless the pattern\n"                       \
      "has a capital); a bad pattern is reported with its offset")                                               \
    K(NORMAL, SEARCH_NEXT, "n", "next search hit", "下一个搜索结果",                                             \
      "next search hit; the status line says which of how many (hit 3 of 17) and when\n"                         \
      "the search goes round the end (wrapped to the top, to the bottom) or finds nothing.\n"                    \
      "From the text pane the hits are every match in the report's whole text; from the\n"                      \
      "tables pane, the row labels, group headings and values that match (each once);\n"                        \
      "in the help, its entries that match")                                                                    \
    K(NORMAL, SEARCH_PREV, "N", "previous search hit", "上一个搜索结果", "")                                     \
    K(NORMAL, PROMPT, ":", "command line: :goto ID, :theme NAME, :w, :q, :q!, :help",                            \
      "命令行：:goto 单元格, :theme 主题, :w, :q, :q!, :help", "command line (commands below)")                 \
    K(NORMAL, EDIT, "e Enter", "correct the selected cell (Enter commits, Esc cancels)",                         \
      "更正所选单元格（回车确认，Esc 取消）",                                                                   \
      "correct the selected cell: the line editor (below) on the status line,\n"                                 \
      "prefilled with its value; what is not a number is refused.\n"                                             \
      "The checks run again at once; the text keeps the report's own number and the\n"                           \
      "table marks the cell\n.Ql # .\n"                                                                           \
      "The status line names the findings the correction resolved and those it\n"                               \
      "brought; when the current finding was resolved, it names the one now\n"                                   \
      "current, with its message\n"                                                                               \
      "(the one\n.Cm c\nand\n.Cm d\nact on next)")                                                                \
    K(NORMAL, CLEAR, "x", "take the selected cell back to the report's own value", "撤回所选单元格的更正",        \
      "take the selected cell back to the report's own value (a corrected cell;\n"                              \
      "an empty value in the editor does the same)")                                                             \
    K(NORMAL, CONFIRM, "c", "confirm the current finding", "确认当前问题", "")                                   \
    K(NORMAL, DISMISS, "d", "dismiss the current finding (asks for a reason)", "驳回当前问题（需填写理由）", "") \
    K(NORMAL, REOPEN, "r", "reopen the current finding", "重新打开当前问题", "")                                 \
    K(NORMAL, NOTE, "a", "note on the selected cell (tables pane) or the current finding (C-o new line)",        \
      "为所选单元格（表格窗格）或当前问题添加批注（C-o 换行）",                                                 \
      "write a note: on the selected cell when the tables pane has the focus, else on\n"                         \
      "the current finding (on the cell when there is none); several lines, a line\n"                            \
      "break with\n.Cm C-o ;\nEnter keeps it, Esc cancels")                                                      \
    K(NORMAL, NOTES, "A", "list of notes (Enter jumps)", "批注列表（回车跳转）",                                 \
      "the list of notes; Enter goes to the cell or the finding a note is on (a\n"                               \
      "finding the corrections made go away is said to be resolved)")                                            \
    K(NORMAL, UNDO, "u", "undo the last correction, note or decision", "撤销上一次更正、批注或决定", "")         \
    K(NORMAL, REDO, "C-r", "redo", "重做", "redo what was undone")                                               \
    K(NORMAL, SAVE, "w", "save the review beside the report (REPORT.review)", "保存审阅文件（报告名.review）",   \
      "save the review to\n.Pa REPORT.review\n.Pq Xr nianbao-review 5 ,\n"                                       \
      "atomically; a malformed review file found on opening is never overwritten")                               \
    K(NORMAL, LAYOUT, "L", "toggle side by side / stacked", "切换左右并排 / 上下排列", "")                       \
    K(NORMAL, REDRAW, "C-l", "redraw the screen", "重绘屏幕", "")                                                \
    K(NORMAL, HELP, "?", "this help", "本帮助", "help, generated from the same table that binds the keys")       \
    K(NORMAL, QUIT, "q C-c", "quit", "退出", "quit; with unsaved corrections or decisions, asks: save, discard or cancel") \
    K(TERMINAL, SUSPEND, "C-z", "suspend", "挂起", "suspend (resumed with\n.Ic fg )")                            \
    K(HELP, HELP_CLOSE, "", "close the help", "关闭帮助", "")                                                    \
    K(FINDINGS, LIST_DOWN, "j Down", "next finding in the list", "列表中的下一个问题", "")                       \
    K(FINDINGS, LIST_UP, "k Up", "previous finding in the list", "列表中的上一个问题", "")                       \
    K(FINDINGS, LIST_FILTER, "1 2 3", "show info and up, warnings and errors, errors only",                      \
      "显示提示及以上、警告和错误、仅错误", "")                                                                 \
    K(FINDINGS, LIST_JUMP, "o", "go to the finding in the report", "在报告中跳转到该问题", "")                             \
    K(FINDINGS, LIST_CLOSE, "Esc q F C-c", "close the list", "关闭列表", "")                                     \
    K(NOTES, NOTES_DOWN, "j Down", "next note", "下一条批注", "")                                                \
    K(NOTES, NOTES_UP, "k Up", "previous note", "上一条批注", "")                                                \
    K(NOTES, NOTES_JUMP, "Enter C-j C-m", "go to the cell or the finding the note is on", "跳转到批注所在处", "") \
    K(NOTES, NOTES_CLOSE, "Esc q A C-c", "close the list", "关闭列表", "")                                       \
    K(EDITOR, ED_ENTER, "Enter C-j C-m", "commit", "确认", "")                                                   \
    K(EDITOR, ED_CANCEL, "Esc C-c", "cancel", "取消", "")                                                        \
    K(EDITOR, ED_LEFT, "Left C-b", "one character left", "左移一个字符", "")                                     \
    K(EDITOR, ED_RIGHT, "Right C-f", "one character right", "右移一个字符", "")                                  \
    K(EDITOR, ED_HOME, "C-a Home", "to the start of the line", "到行首", "")                                     \
    K(EDITOR, ED_END, "C-e End", "to the end of the line", "到行尾", "")                                         \
    K(EDITOR, ED_BACKSPACE, "Backspace C-h C-?", "delete the character before the cursor (an empty : or / line closes)", \
      "删除光标前的字符（: 或 / 行为空时关闭）", "")                                                            \
    K(EDITOR, ED_CLEAR, "C-u", "clear the line", "清空本行", "")                                                 \
    K(EDITOR, ED_NEWLINE, "C-o", "a line break (in a note)", "换行（批注中）", "")                              \
    K(EDITOR, ED_INSERT, "", "other characters are typed", "其他字符照常输入", "")                               \
    K(ASK_QUIT, ASK_SAVE, "y s", "save and quit", "保存并退出", "")                                              \
    K(ASK_QUIT, ASK_DISCARD, "n d", "discard the unsaved work and quit", "放弃未保存的工作并退出", "")           \
    K(ASK_QUIT, ASK_CANCEL, "", "cancel", "取消", "")                                                            \
    K(ASK_RECOVER, RECOVER_YES, "y", "recover the unsaved work", "恢复未保存的工作", "")                         \
    K(ASK_RECOVER, RECOVER_NO, "n", "discard it", "丢弃", "")                                                    \
    K(ASK_RECOVER, RECOVER_AGAIN, "", "asks again: only y or n answers", "重新询问：只有 y 或 n 作答", "")          \
    /* the queue of reports, stepping across them, the detail of a finding */                                   \
    K(NORMAL, DETAIL, "K", "the whole story of the current finding", "当前问题的详情",                          \
      "the detail view of the current finding: its message, its equation with every\n"                         \
      "term named by its row and column, the suspect cell, the claim quoted, the\n"                            \
      "decisions made on it and the source line of each cell (its keys below)")                                 \
    K(NORMAL, BACK, "Esc", "back to the queue of reports (asks first when there is unsaved work)",              \
      "返回报告队列（有未保存的工作时先询问）", "")                                                             \
    K(FINDINGS, LIST_DETAIL, "Enter C-j C-m K", "the whole story of the finding (its detail; Enter there goes to a cell)", "该问题的详情（在详情中按回车跳转到单元格）", "")                         \
    K(QUEUE, Q_DOWN, "j Down", "next report", "下一份报告", "")                                                  \
    K(QUEUE, Q_UP, "k Up", "previous report", "上一份报告", "")                                                  \
    K(QUEUE, Q_PAGE_DOWN, "PgDn C-d", "page down", "下一页", "")                                                 \
    K(QUEUE, Q_PAGE_UP, "PgUp C-u", "page up", "上一页", "")                                                     \
    K(QUEUE, Q_TOP, "g Home", "the first report", "第一份报告", "")                                              \
    K(QUEUE, Q_BOTTOM, "G End", "the last report", "最后一份报告", "")                                           \
    K(QUEUE, Q_OPEN, "Enter C-j C-m", "open the report in the console", "在审阅台中打开该报告",                 \
      "open the report in the console, at its first open finding;\n.Cm q\nor\n.Cm Esc\nthere come back here") \
    K(QUEUE, Q_SORT, "s", "sort: most open errors first, by name, by body and year",                             \
      "排序：未决错误多者在前、按文件名、按机关和年度", "")                                                     \
    K(QUEUE, Q_FILTER, "/", "filter by name or body (as typed; Esc clears it)", "按文件名或机关筛选（Esc 清除）", \
      "filter the reports by a part of their name or body, as it is typed; Enter\n"                            \
      "keeps the filter, Esc clears it")                                                                         \
    K(QUEUE, Q_OPEN_ERRORS, "f", "only reports with open errors (again: all)", "只看有未决错误的报告（再按：全部）", "") \
    K(QUEUE, Q_PROMPT, ":", "command line: :e FILE, :q, :help", "命令行：:e 文件, :q, :help", "")              \
    K(QUEUE, Q_HELP, "?", "help", "帮助", "")                                                                    \
    K(QUEUE, Q_QUIT, "q C-c", "quit", "退出", "")                                                                \
    K(DETAIL, D_DOWN, "j Down", "next cell", "下一个单元格", "")                                                 \
    K(DETAIL, D_UP, "k Up", "previous cell", "上一个单元格", "")                                                 \
    K(DETAIL, D_PAGE_DOWN, "PgDn C-d Space", "scroll down", "向下滚动", "")                                      \
    K(DETAIL, D_PAGE_UP, "PgUp C-u", "scroll up", "向上滚动", "")                                                \
    K(DETAIL, D_JUMP, "Enter C-j C-m", "go to the selected cell", "跳转到所选单元格", "")                        \
    K(DETAIL, D_CONFIRM, "c", "confirm the finding", "确认该问题", "")                                           \
    K(DETAIL, D_DISMISS, "d", "dismiss the finding (asks for a reason)", "驳回该问题（需填写理由）", "")          \
    K(DETAIL, D_REOPEN, "r", "reopen the finding", "重新打开该问题", "")                                         \
    K(DETAIL, D_CLOSE, "Esc q K C-c", "close the detail", "关闭详情", "")                                        \
    C(CMD_GOTO, "goto g", "Ar id", "select a cell, a row or a line (:120 alone: line 120)",                      \
      "选择单元格、行或行号（单独 :120：第 120 行）",                                                          \
      "select a cell\n.Pq Ql :goto t3.new.total ,\na row\n.Pq Ql :goto t3.new\nor a line number;\n"              \
      ".Ql :120\nalone goes to line 120")                                                                        \
    C(CMD_THEME, "theme", "Ar name", "switch theme", "切换主题", "")                                             \
    C(CMD_LAYOUT, "layout", "Cm side | stacked | auto", "side by side, stacked, or by the width",                \
      "左右并排、上下排列或按宽度", "")                                                                         \
    C(CMD_WRITE, "w", "Op Ar file", "save the review (or to FILE)", "保存审阅（或另存为文件）",                  \
      "save the review beside the report, or to\n.Ar file\n(never the report itself); with a malformed review\n"  \
      "beside the report, or a journal that cannot be written, the way to keep the work")                      \
    C(CMD_WRITE_QUIT, "wq", "", "save the review and quit", "保存审阅并退出", "")                               \
    C(CMD_QUIT, "q quit", "", "quit; asks first when there is unsaved work", "退出；有未保存的工作时先询问", "") \
    C(CMD_QUIT_FORCE, "q!", "", "quit, discarding unsaved work (and its journal) on purpose",                    \
      "退出并有意丢弃未保存的工作（及其日志）", "")                                                             \
    C(CMD_HELP, "help", "", "the help", "帮助", "")                                                              \
    C(CMD_DUMP, "dump", "Ar file", "write the screen as text (for scripts)", "把屏幕写成文本（供脚本使用）", "") \
    C(CMD_DUMPROLES, "dumproles", "Ar file",                                                                     \
      "write the screen's colour roles, a letter a cell (for tests of highlighting)",                            \
      "把屏幕的颜色角色写成字母，一格一个（供高亮测试使用）", "")                                               \
    C(CMD_RESIZE, "resize", "Ar W Ns x Ns Ar H", "resize the screen (for scripts)", "调整屏幕大小（供脚本使用）", "") \
    C(CMD_NEXT, "next", "", "the next report of the queue, at its first open finding",                          \
      "队列中的下一份报告，定位到第一个未决问题", "")                                                           \
    C(CMD_PREV, "prev", "", "the previous report of the queue", "队列中的上一份报告", "")                       \
    C(CMD_EDIT, "e edit", "Op Ar file",                                                                        \
      "open another report (added to the queue when it is not in it); alone, read the report open again",       \
      "打开另一份报告（不在队列中时加入队列）；不带文件名时重新读取当前报告", "")                               \
    NB_KEYMAP_REPORT(K, C)

/* The one report's views (issue 13): copying, the help scrolled and
 * searched, the list of findings paged, filtered and decided in bulk, the
 * reasons given before. */
#define NB_KEYMAP_REPORT(K, C)                                                                                    \
    K(NORMAL, COPY, "y", "copy the selected cell's value (tables pane) or the current finding's message",       \
      "复制所选单元格的值（表格窗格）或当前问题的说明",                                                         \
      "copy the selected cell's value when the tables pane has the focus, else the\n"                            \
      "current finding's message: into the tmux buffer inside tmux\n.Pq Ql tmux load-buffer - ,\n"               \
      "else by OSC 52 when the terminal says it takes it (terminfo\n.Ql \\&Ms ) ,\nelse nowhere, and says so")      \
    K(HELP, HELP_DOWN, "j Down", "scroll down", "向下滚动", "")                                                  \
    K(HELP, HELP_UP, "k Up", "scroll up", "向上滚动", "")                                                        \
    K(HELP, HELP_PAGE_DOWN, "PgDn Space", "page down", "下一页", "")                                             \
    K(HELP, HELP_PAGE_UP, "PgUp", "page up", "上一页", "")                                                       \
    K(HELP, HELP_HALF_DOWN, "C-d", "half a page down", "下移半页", "")                                           \
    K(HELP, HELP_HALF_UP, "C-u", "half a page up", "上移半页", "")                                               \
    K(HELP, HELP_TOP, "g Home", "to the top", "到开头", "")                                                      \
    K(HELP, HELP_BOTTOM, "G End", "to the end", "到末尾", "")                                                    \
    K(HELP, HELP_SEARCH, "/", "search the help", "在帮助中搜索", "")                                             \
    K(HELP, HELP_SEARCH_NEXT, "n", "next hit", "下一个搜索结果", "")                                             \
    K(HELP, HELP_SEARCH_PREV, "N", "previous hit", "上一个搜索结果", "")                                         \
    K(FINDINGS, LIST_PAGE_DOWN, "PgDn", "page down", "下一页", "")                                               \
    K(FINDINGS, LIST_PAGE_UP, "PgUp", "page up", "上一页", "")                                                   \
    K(FINDINGS, LIST_HALF_DOWN, "C-d", "half a page down", "下移半页", "")                                       \
    K(FINDINGS, LIST_HALF_UP, "C-u", "half a page up", "上移半页", "")                                           \
    K(FINDINGS, LIST_TOP, "g Home", "the first finding", "第一个问题", "")                                       \
    K(FINDINGS, LIST_BOTTOM, "G End", "the last finding", "最后一个问题", "")                                    \
    K(FINDINGS, LIST_MARK, "Space", "mark or unmark the finding", "标记或取消标记该问题", "")                    \
    K(FINDINGS, LIST_MARK_RULE, "*", "mark every finding of its rule (again: unmark them)",                      \
      "标记同一规则的全部问题（再按一次取消）", "")                                                             \
    K(FINDINGS, LIST_CONFIRM, "c", "confirm the marked findings (none marked: this one)",                        \
      "确认已标记的问题（未标记时：当前这一个）", "")                                                           \
    K(FINDINGS, LIST_DISMISS, "d", "dismiss the marked findings, one reason for all (none marked: this one)",    \
      "驳回已标记的问题，共用一个理由（未标记时：当前这一个）",                                                 \
      "dismiss the marked findings with one reason (none marked: this one); one\n.Cm u\nundoes the whole decision") \
    K(FINDINGS, LIST_REOPEN, "r", "reopen the marked findings (none marked: this one)",                          \
      "重新打开已标记的问题（未标记时：当前这一个）", "")                                                       \
    K(FINDINGS, LIST_UNDO, "u", "undo the last decision (all the findings decided together)",                  \
      "撤销上一次决定（一起决定的问题全部撤销）", "")                                                         \
    K(FINDINGS, LIST_BY_RULE, "R", "only this finding's rule (again: every rule)",                               \
      "只显示该问题的规则（再按一次：全部规则）", "")                                                           \
    K(FINDINGS, LIST_BY_STATE, "s", "decisions shown: all, open, confirmed, dismissed (in turn)",                \
      "按决定筛选：全部、未决定、已确认、已驳回（依次切换）", "")                                               \
    K(EDITOR, ED_HISTORY_PREV, "Up C-p", "a reason given before (dismissing)", "之前填写过的理由（驳回时）", "") \
    K(EDITOR, ED_HISTORY_NEXT, "Down C-n", "a later reason given before", "之后填写过的理由", "")

typedef enum {
    NB_REQ_NONE = 0,
#define K(mode, id, keys, en, zh, man) NB_REQ_##id,
#define C(id, names, arg, en, zh, man) NB_REQ_##id,
    NB_KEYMAP(K, C)
#undef K
#undef C
    NB_NREQ
} nb_request;

/* One row of the table. */
typedef struct nb_binding {
    nb_keymode mode;
    nb_request req;
    const char *keys;  /* names separated by spaces; "" any other key */
    const char *arg;   /* a command's argument (mdoc), "" */
    const char *en, *zh;
    const char *man;   /* the man page's words instead of en, or "" */
} nb_binding;

/* The whole table, in order. */
const nb_binding *nb_keymap(int *n);

/* Keys the console sees, beside Unicode characters and C-x controls. */
enum {
    NB_KEY_UP = 0x110001,
    NB_KEY_DOWN,
    NB_KEY_LEFT,
    NB_KEY_RIGHT,
    NB_KEY_PGUP,
    NB_KEY_PGDN,
    NB_KEY_HOME,
    NB_KEY_END,
    NB_KEY_ENTER,
    NB_KEY_ESC,
    NB_KEY_BACKSPACE,
    NB_KEY_TAB,
    NB_KEY_RESIZE,
    NB_KEY_DELETE
};

/* The request a key is bound to in a mode: its own binding, else the
 * mode's "any other key" request, else NB_REQ_NONE. */
nb_request nb_keymap_request(nb_keymode mode, int key);
/* The `:` command with this name, or NB_REQ_NONE. */
nb_request nb_command_request(const char *name);
/* A key's name ("j", "Up", "C-d") → the key, or -1. */
int nb_key_from_name(const char *name);
/* A key → its name (the inverse of nb_key_from_name); the length. */
size_t nb_key_name(int key, char *out, size_t cap);

#endif
