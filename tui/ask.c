/* ask.c — the questions of the status line: quitting with unsaved work
 * (y saves, n discards, any other key cancels) and the unsaved work of a
 * session that ended, named by its journal and what it holds (only y
 * recovers and only n discards; any other key asks again). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "actions.h"
#include "bars.h"
#include "view.h"

/* The recovery question's text: the journal, what it holds that the
 * review on disk does not (the review's entries it undid too) and when it
 * was written. */
static void recover_text(const nb_app *a, char *out, size_t cap)
{
    int c, n, d, undone;
    nb_session_pending_count(&a->s, &c, &n, &d, &undone);
    char und[96] = "";
    if (undone && a->lang == NB_LANG_ZH)
        snprintf(und, sizeof und, "、撤销已保存的 %d 条", undone);
    else if (undone)
        snprintf(und, sizeof und, ", %d saved entr%s undone", undone, undone == 1 ? "y" : "ies");
    char when[32] = "?";
    struct tm tm;
    if (localtime_r(&a->s.pending_time, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    const char *changed = a->s.pending_changed
                              ? nb_app_tr(a, "; the report changed since: entries that no longer fit are reported",
                                          "；报告此后有改动：不再相符的条目将列出")
                              : "";
    if (a->lang == NB_LANG_ZH)
        snprintf(out, cap, "%s 中有未保存的工作：%d 处更正、%d 条批注、%d 项决定%s，写于 %s%s", a->s.journal_path, c,
                 n, d, und, when, changed);
    else
        snprintf(out, cap, "unsaved work in %s: %d correction%s, %d note%s, %d decision%s%s from %s%s",
                 a->s.journal_path, c, c == 1 ? "" : "s", n, n == 1 ? "" : "s", d, d == 1 ? "" : "s", und, when,
                 changed);
}

/* The question on one line when it fits (the recovery question's answers
 * first: a journal's path may be long), else its answers on the status
 * line and what it asks above them (nb_bars_question). */
static void draw(const nb_app *a, nb_screen *s)
{
    char text[4600], line[5000];
    const char *answers;
    if (nb_app_mode(a) == NB_MODE_ASK_RECOVER) {
        recover_text(a, text, sizeof text);
        answers = nb_app_tr(a, "y recovers, n discards", "y 恢复，n 丢弃");
        snprintf(line, sizeof line, nb_app_tr(a, " %s: %s", " %s：%s"), answers, text);
    } else {
        snprintf(text, sizeof text, "%s",
                 nb_app_tr(a, "unsaved corrections and decisions: save them?", "有未保存的更正和决定：是否保存？"));
        answers = nb_app_tr(a, "y save, n discard, any other key cancels", "y 保存，n 放弃，其他键取消");
        snprintf(line, sizeof line, nb_app_tr(a, " %s %s", " %s%s"), text, answers);
    }
    nb_bars_question(a, s, line, text, answers);
}

static void key(nb_app *a, nb_request rq, int k)
{
    (void)k;
    if (rq == NB_REQ_RECOVER_AGAIN)
        return; /* only y or n answers */
    nb_app_pop(a);
    switch (rq) {
    case NB_REQ_ASK_SAVE: a->quit = nb_act_save(a) == 0; break;
    case NB_REQ_ASK_DISCARD: nb_act_quit_discarding(a); break;
    case NB_REQ_RECOVER_YES: nb_act_recover(a, 1); break;
    case NB_REQ_RECOVER_NO: nb_act_recover(a, 0); break;
    default: break; /* ASK_CANCEL */
    }
}

/* The two questions share drawing and keys; the key table tells their answers apart. */
const nb_view nb_view_ask_quit = {NB_KM_ASK_QUIT, 0, draw, key, NULL};
const nb_view nb_view_ask_recover = {NB_KM_ASK_RECOVER, 0, draw, key, NULL};
