/* overlay_notes.c — the list of notes in the order written: what each is
 * on, by whom, its text (line breaks shown as ↵); Enter goes to what the
 * note is on. */
#include <stdio.h>
#include <string.h>

#include "list.h"
#include "review/session.h"
#include "select.h"
#include "view.h"

/* A note's line: what it is on, by whom, its text on one line. */
static void note_line(const nb_rv_entry *e, char *line, size_t cap)
{
    int k = snprintf(line, cap, " %-28s %-10s ", e->cell[0] ? e->cell : e->rule, e->by);
    for (const char *t = e->text ? e->text : ""; *t && k + 4 < (int)cap; t++) {
        if (*t == '\n') {
            memcpy(line + k, "\xE2\x86\xB5", 3); /* ↵ */
            k += 3;
        } else {
            line[k++] = *t;
        }
    }
    line[k] = '\0';
}

static void draw(const nb_app *a, nb_screen *s)
{
    char h[256];
    snprintf(h, sizeof h, "%s — Enter %s, Esc %s", nb_app_tr(a, " notes", " 批注列表"), nb_app_tr(a, "jumps", "跳转"),
             nb_app_tr(a, "closes", "关闭"));
    nb_list_title(s, h);
    int rows = nb_list_rows(s), n = nb_session_note_count(&a->s);
    for (int idx = a->list_top; idx < n && idx < a->list_top + rows; idx++) {
        char line[1400];
        note_line(nb_session_note_at(&a->s, idx), line, sizeof line);
        nb_list_item(a, s, idx, line, NB_R_TEXT);
    }
    if (!n) {
        const char *none = nb_app_tr(a, " no notes yet: a writes one", " 还没有批注：按 a 添加");
        nb_screen_put(s, 3, 0, none, strlen(none), s->w, NB_R_TEXT, 0);
    }
}

/* Enter: to the cell the note is on, or its finding (if still found). */
static void jump(nb_app *a, const nb_rv_entry *e)
{
    if (e->cell[0]) {
        int ci = nb_schema_find_cell(a->r->schema, e->cell);
        if (ci >= 0) {
            nb_select_cell(a, ci);
            nb_cursor_to_cell(a);
            a->focus = 1;
        }
        return;
    }
    int k = nb_session_find(&a->s, e->finding);
    if (k >= 0)
        nb_go_finding(a, k);
    else
        nb_app_say(a, 0, "%s %s", e->rule,
                   nb_app_tr(a, "no longer found: resolved by the corrections", "已不再出现：更正后已消除"));
}

static void key(nb_app *a, nb_request rq, int k)
{
    (void)k;
    int n = nb_session_note_count(&a->s);
    switch (rq) {
    case NB_REQ_NOTES_CLOSE: nb_app_pop(a); break;
    case NB_REQ_NOTES_DOWN: nb_list_step(a, 1, n); break;
    case NB_REQ_NOTES_UP: nb_list_step(a, -1, n); break;
    case NB_REQ_NOTES_JUMP:
        if (n) {
            nb_app_pop(a);
            jump(a, nb_session_note_at(&a->s, a->list_sel));
        }
        break;
    default: break;
    }
}

const nb_view nb_view_notes = {NB_KM_NOTES, 1, draw, key, nb_list_settle};
