/* term.c — the only file that talks to curses: colours for the theme's
 * roles, the screen buffer copied to the terminal, keys read and mapped,
 * resize handled in one place, the report file watched for changes at
 * most once a second, and the terminal restored on every exit (quit, a
 * signal, a fatal error). Ctrl-Z suspends through ncurses; Ctrl-C is the
 * key C-c (it cancels an editor, and quits as q does); SIGHUP and SIGTERM
 * end the console with status 128 + the signal, the journal kept. */
#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "term.h"
#include "actions.h"
#include "keymap.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

static volatile sig_atomic_t g_stop;      /* SIGHUP, SIGTERM: set by the signal handler */
static volatile sig_atomic_t g_interrupt; /* SIGINT: Ctrl-C, handled as the key C-c */
static int g_active;

static void on_signal(int sig)
{
    if (sig == SIGINT)
        g_interrupt = 1;
    else
        g_stop = sig;
}

static void restore(void)
{
    if (g_active) {
        endwin();
        g_active = 0;
    }
}

static attr_t attrs_of(const nb_style *st)
{
    attr_t a = A_NORMAL;
    if (st->attrs & NB_A_BOLD)
        a |= A_BOLD;
    if (st->attrs & NB_A_UNDERLINE)
        a |= A_UNDERLINE;
    if (st->attrs & NB_A_REVERSE)
        a |= A_REVERSE;
    if (st->attrs & NB_A_DIM)
        a |= A_DIM;
    return a;
}

/* Colour pairs for the roles; returns whether colours are used. */
static int setup_colors(const nb_theme *t)
{
    if (t->mono || !has_colors())
        return 0;
    start_color();
    use_default_colors();
    for (int r = 0; r < NB_NROLES; r++) {
        short fg = t->role[r].fg, bg = t->role[r].bg;
        if (fg >= COLORS)
            fg = (short)(COLORS >= 8 ? fg % 8 : -1);
        if (bg >= COLORS)
            bg = (short)(COLORS >= 8 ? bg % 8 : -1);
        init_pair((short)(r + 1), fg, bg);
    }
    return 1;
}

static void blit(const nb_app *a, int colors)
{
    const nb_screen *s = &a->scr;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            const nb_scell *c = &s->c[y * s->w + x];
            if (c->cp == 0)
                continue;
            const nb_style *st = &a->theme.role[c->role];
            attr_t at = attrs_of(st);
            /* without colours, what matters stays visible by attributes */
            if ((!colors || a->theme.mono) && c->marked)
                at |= A_BOLD | (c->role == NB_R_CELL_SELECTED || c->role == NB_R_SUSPECT || c->role == NB_R_HIGHLIGHT ||
                                        c->role == NB_R_STATUS
                                    ? A_REVERSE
                                    : A_UNDERLINE);
            wchar_t wc[2] = {(wchar_t)c->cp, 0};
            cchar_t cc;
            setcchar(&cc, wc, at, colors ? (short)(c->role + 1) : 0, NULL);
            mvadd_wch(y, x, &cc);
        }
}

/* `y` by OSC 52, when the terminal's description has it (Ms). */
static int osc52(const char *b64)
{
    const char *ms = tigetstr("Ms");
    if (!ms || ms == (const char *)-1)
        return -1;
    fputs(tiparm(ms, "c", b64), stdout);
    fflush(stdout);
    return 0;
}

static int map_key(int rc, wint_t ch)
{
    if (rc == KEY_CODE_YES) {
        switch (ch) {
        case KEY_UP: return NB_KEY_UP;
        case KEY_DOWN: return NB_KEY_DOWN;
        case KEY_LEFT: return NB_KEY_LEFT;
        case KEY_RIGHT: return NB_KEY_RIGHT;
        case KEY_PPAGE: return NB_KEY_PGUP;
        case KEY_NPAGE: return NB_KEY_PGDN;
        case KEY_HOME: return NB_KEY_HOME;
        case KEY_END: return NB_KEY_END;
        case KEY_ENTER: return NB_KEY_ENTER;
        case KEY_BACKSPACE: return NB_KEY_BACKSPACE;
        case KEY_DC: return NB_KEY_DELETE;
        case KEY_RESIZE: return NB_KEY_RESIZE;
        }
        return -1;
    }
    switch (ch) {
    case '\n':
    case '\r': return NB_KEY_ENTER;
    case '\t': return NB_KEY_TAB;
    case 27: return NB_KEY_ESC;
    case 127:
    case 8: return NB_KEY_BACKSPACE;
    }
    return (int)ch;
}

/* The signals the console handles itself; no SA_RESTART, so that a key
 * being waited for is interrupted. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* The screen as the console draws it now. */
static void show(nb_app *a, int colors)
{
    nb_app_draw(a);
    erase();
    blit(a, colors);
    refresh();
}

/* One key read (waiting at most a second) and handed to the console: 1
 * when something may have changed on the screen. */
static int take_key(nb_app *a)
{
    wint_t ch;
    int rc = get_wch(&ch);
    if (g_interrupt) {
        g_interrupt = 0;
        nb_app_key(a, 3); /* C-c */
        return 1;
    }
    if (rc == ERR)
        return 0; /* a second went by, or a signal */
    int key = map_key(rc, ch);
    if (key == NB_KEY_RESIZE) {
        int h, w;
        getmaxyx(stdscr, h, w);
        nb_app_resize(a, w, h);
        return 1;
    }
    if (key == 12) /* C-l */
        clearok(stdscr, TRUE);
    if (key >= 0)
        nb_app_key(a, key);
    return 1;
}

/* ncursesw draws wide characters only under a multibyte LC_CTYPE. Under an
 * ASCII one — no locale set, C, or over ssh a locale the client names that
 * this machine does not have (setlocale fails and leaves C) — a report's
 * Chinese would not be drawn at all: the terminal is taken to be UTF-8 (as
 * every terminal today is). A multibyte locale (UTF-8, GB18030, GBK) is the
 * terminal's own and kept. The messages' language is chosen apart (main.c). */
static void wide_ctype(void)
{
    static const char *const utf8[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "zh_CN.UTF-8"};
    if (MB_CUR_MAX > 1)
        return;
    for (size_t k = 0; k < sizeof utf8 / sizeof utf8[0]; k++)
        if (setlocale(LC_CTYPE, utf8[k]))
            return;
}

int nb_term_run(nb_app *a)
{
    catch_signals();
    atexit(restore);
    wide_ctype();
    if (!initscr())
        return 2;
    g_active = 1;
    cbreak(); /* keeps Ctrl-Z and Ctrl-C signals: ncurses suspends and resumes */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    timeout(1000);
    curs_set(0);
    const char *ms = tigetstr("Ms");
    if (ms && ms != (const char *)-1)
        a->osc52 = osc52;
    int colors = setup_colors(&a->theme);
    nb_theme last = a->theme;
    int h, w;
    getmaxyx(stdscr, h, w);
    nb_app_resize(a, w, h);
    time_t watched = 0;
    int redraw = 1;
    while (!a->quit && !g_stop) {
        time_t now = time(NULL);
        if (now != watched) { /* the report file changed on disk? at most once a second */
            watched = now;
            int said = a->changed_said;
            nb_act_watch(a);
            redraw |= said != a->changed_said;
        }
        if (memcmp(&last, &a->theme, sizeof last) != 0) { /* :theme */
            last = a->theme;
            colors = setup_colors(&a->theme);
        }
        if (redraw)
            show(a, colors);
        redraw = take_key(a);
    }
    restore();
    return g_stop ? 128 + (int)g_stop : 0;
}
