/* requests.h — every request the console understands, once: the enum, the
 * default keys and the help screen are all generated from this list. */
#ifndef NB_REQUESTS_H
#define NB_REQUESTS_H

/* REQ(id, keys (space-separated names), help en, help zh) */
#define NB_REQUESTS(REQ)                                                                                          \
    REQ(MOVE_UP, "k Up", "move up", "上移")                                                                    \
    REQ(MOVE_DOWN, "j Down", "move down", "下移")                                                              \
    REQ(MOVE_LEFT, "h Left", "move left", "左移")                                                              \
    REQ(MOVE_RIGHT, "l Right", "move right", "右移")                                                           \
    REQ(SWITCH_PANE, "Tab", "switch between the text and the tables", "在正文与表格之间切换")                 \
    REQ(PAGE_UP, "PgUp", "page up", "上一页")                                                                  \
    REQ(PAGE_DOWN, "PgDn", "page down", "下一页")                                                              \
    REQ(HALF_DOWN, "C-d", "half a page down", "下移半页")                                                      \
    REQ(HALF_UP, "C-u", "half a page up", "上移半页")                                                          \
    REQ(TOP, "g Home", "go to the top", "到开头")                                                              \
    REQ(BOTTOM, "G End", "go to the bottom", "到末尾")                                                         \
    REQ(NEXT_FINDING, "]", "next finding (wraps)", "下一个问题（循环）")                                      \
    REQ(PREV_FINDING, "[", "previous finding (wraps)", "上一个问题（循环）")                                  \
    REQ(FINDINGS, "F", "list of findings (1 2 3 filter by severity, Enter jumps)",                             \
        "问题列表（1 2 3 按严重程度筛选，回车跳转）")                                                            \
    REQ(SEARCH, "/", "search the text (PCRE2, smart case)", "在正文中搜索（PCRE2，智能大小写）")              \
    REQ(SEARCH_NEXT, "n", "next search hit", "下一个搜索结果")                                                 \
    REQ(SEARCH_PREV, "N", "previous search hit", "上一个搜索结果")                                             \
    REQ(PROMPT, ":", "command line: :goto ID, :theme NAME, :w, :q, :q!, :help",                                \
        "命令行：:goto 单元格, :theme 主题, :w, :q, :q!, :help")                                                \
    REQ(EDIT, "e Enter", "correct the selected cell (Enter commits, Esc cancels)", "更正所选单元格（回车确认，Esc 取消）") \
    REQ(CONFIRM, "c", "confirm the current finding", "确认当前问题")                                           \
    REQ(DISMISS, "d", "dismiss the current finding (asks for a reason)", "驳回当前问题（需填写理由）")       \
    REQ(REOPEN, "r", "reopen the current finding", "重新打开当前问题")                                        \
    REQ(NOTE, "a", "note on the selected cell (tables pane) or the current finding (C-o new line)",          \
        "为所选单元格（表格窗格）或当前问题添加批注（C-o 换行）")                                               \
    REQ(NOTES, "A", "list of notes (Enter jumps)", "批注列表（回车跳转）")                                    \
    REQ(UNDO, "u", "undo the last correction, note or decision", "撤销上一次更正、批注或决定")                            \
    REQ(REDO, "C-r", "redo", "重做")                                                                           \
    REQ(SAVE, "w", "save the review beside the report (REPORT.review)", "保存审阅文件（报告名.review）")       \
    REQ(LAYOUT, "L", "toggle side by side / stacked", "切换左右并排 / 上下排列")                              \
    REQ(REDRAW, "C-l", "redraw the screen", "重绘屏幕")                                                        \
    REQ(HELP, "?", "this help", "本帮助")                                                                      \
    REQ(QUIT, "q", "quit", "退出")

typedef enum {
    NB_REQ_NONE = 0,
#define REQ(id, keys, en, zh) NB_REQ_##id,
    NB_REQUESTS(REQ)
#undef REQ
    NB_NREQ
} nb_request;

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

/* The request a key is bound to. */
nb_request nb_request_for_key(int key);
/* A key's name ("j", "Up", "C-d") → the key, or -1. */
int nb_key_from_name(const char *name);
/* The help lines: "  keys    what they do" (lang 1: Chinese). */
int nb_help_lines(int lang, char lines[][160], int max);

#endif
