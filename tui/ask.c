/* ask.c — the questions of the status line: quitting with unsaved work
 * (save, discard or cancel) and the unsaved work of a session that ended
 * (recover or discard). Any key answers; the question closes. */
#include <string.h>

#include "actions.h"
#include "view.h"

static void draw(const nb_app *a, nb_screen *s)
{
    int y = s->h - 1;
    const char *q = nb_app_mode(a) == NB_MODE_ASK_RECOVER
                        ? nb_app_tr(a,
                                    " unsaved work from a session that ended (REPORT.review.journal): recover it? "
                                    "y recover, any other key discards",
                                    " 发现上次未保存就结束的工作（报告名.review.journal）：是否恢复？y 恢复，其他键丢弃")
                        : nb_app_tr(a, " unsaved corrections and decisions: save them? y save, n discard, any other key cancels",
                                    " 有未保存的更正和决定：是否保存？y 保存，n 放弃，其他键取消");
    nb_screen_fill(s, y, 0, s->w, ' ', NB_R_STATUS);
    nb_screen_put(s, y, 0, q, strlen(q), s->w, NB_R_WARNING, 1);
}

static void key(nb_app *a, nb_request rq, int k)
{
    (void)k;
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
