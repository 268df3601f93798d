/* fuzz_console.c — the console driven by key bytes over a report, as a
 * scripted run drives it: every byte a key (letters, controls, the keys of
 * a keyboard, typed Chinese), ':' followed by a byte one of the commands
 * that write nothing outside the session's own folder; the screen drawn
 * after every key. The session's files (review, journal, lock) live in a
 * folder of the fuzzer's own and are removed after each input, so that
 * each input starts afresh. */
#include "fuzz.h"
#include "app.h"
#include "base/fsio.h"
#include "commands.h"
#include "keymap.h"
#include "model/schema.h"
#include "view.h"

static const int specials[] = {NB_KEY_UP,  NB_KEY_DOWN,  NB_KEY_LEFT,      NB_KEY_RIGHT, NB_KEY_PGUP,
                               NB_KEY_PGDN, NB_KEY_HOME, NB_KEY_END,       NB_KEY_ENTER, NB_KEY_ESC,
                               NB_KEY_BACKSPACE, NB_KEY_TAB, NB_KEY_DELETE, NB_KEY_RESIZE};

/* The report's bytes, read once; the report is read afresh for each input. */
static const char *report_path(void)
{
    static char path[300];
    if (!path[0]) {
        fz_path(path, sizeof path, "r.txt");
        size_t n = 0;
        FILE *f = fopen("tests/data/seed000.txt", "rb");
        char buf[1 << 16];
        if (!f)
            abort();
        n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        if (fz_write(path, buf, n) != 0)
            abort();
    }
    return path;
}

/* The session's files, removed. */
static void clean(void)
{
    static const char *const names[] = {"r.txt.review", "r.txt.review.journal", "r.txt.review.lock"};
    char p[300];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        fz_path(p, sizeof p, names[i]);
        unlink(p);
    }
    fz_path(p, sizeof p, "r.txt.review");
    nb_atomic_clean(p);
}

/* ':' and the byte after it: a command that writes nothing elsewhere. */
static size_t command(nb_app *a, const uint8_t *d, size_t i, size_t n)
{
    static const char *const cmds[] = {"layout side", "layout stacked", "layout auto", "help", "theme mono",
                                       "theme light", "w", "q", "wq", "q!", "goto 40", "goto x"};
    char line[96];
    if (i >= n)
        return i;
    unsigned k = d[i++];
    if (k % 16 < sizeof cmds / sizeof cmds[0]) {
        nb_app_command(a, cmds[k % 16]);
    } else if (k % 16 == 12 && i + 1 < n) { /* a size of the screen */
        snprintf(line, sizeof line, "resize %ux%u", 1u + d[i] % 200, 1u + d[i + 1] % 80);
        nb_app_command(a, line);
        i += 2;
    } else { /* a cell of the tables */
        char id[96];
        nb_schema_cell_id(a->r->schema, (int)(k % (unsigned)a->r->ncells), id, sizeof id);
        snprintf(line, sizeof line, "goto %s", id);
        nb_app_command(a, line);
    }
    return i;
}

/* The key a byte stands for. */
static int key_of(uint8_t c)
{
    if (c >= 0x80 && c < 0x80 + sizeof specials / sizeof specials[0])
        return specials[c - 0x80];
    if (c >= 0xA0)
        return 0x4E00 + (c - 0xA0) * 37; /* a CJK character typed */
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nb_report r;
    nb_err err;
    if (nb_report_open(&r, report_path(), fz_ctx(), &err) != 0)
        abort();
    nb_app a;
    if (nb_app_init(&a, fz_ctx(), &r, NULL, "themes", 100, 30) != 0)
        abort();
    nb_app_open_review(&a, NULL);
    for (size_t i = 0; i < size && !a.quit;) {
        uint8_t c = data[i++];
        if (c == ':' && nb_app_mode(&a) == NB_MODE_NORMAL)
            i = command(&a, data, i, size);
        else
            nb_app_key(&a, key_of(c));
        nb_app_draw(&a);
    }
    nb_app_free(&a);
    nb_report_free(&r);
    clean();
    return 0;
}
