/* test_keymap.c — the key table (tui/keymap.h): no key bound twice in one
 * mode, every request with help in English and Chinese, key names that
 * round-trip through nb_key_from_name, lookups that find what the table
 * binds, and the help screen's items taken from the table and the legend. */
#include "testutil.h"
#include "help.h"
#include "keymap.h"
#include "legend.h"

/* Call fn for each name of a row's keys. */
static void each_name(const nb_binding *k, void (*fn)(const nb_binding *, const char *, void *), void *arg)
{
    const char *p = k->keys;
    while (*p) {
        size_t n = strcspn(p, " ");
        char name[32];
        assert_true(n < sizeof name);
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        fn(k, name, arg);
        p += n;
        p += strspn(p, " ");
    }
}

typedef struct seen {
    nb_keymode mode;
    int codes[64];
    char names[64][32];
    int n, others;
} seen;

static void note_key(const nb_binding *k, const char *name, void *arg)
{
    seen *s = arg;
    int code = k->mode == NB_KM_COMMAND ? 0 : nb_key_from_name(name);
    for (int i = 0; i < s->n; i++)
        if (k->mode == NB_KM_COMMAND ? !strcmp(s->names[i], name) : s->codes[i] == code)
            fail_msg("mode %d: %s bound twice (%s and request %d)", s->mode, name, s->names[i], k->req);
    assert_true(s->n < 64);
    s->codes[s->n] = code;
    snprintf(s->names[s->n++], sizeof s->names[0], "%s", name);
}

static void test_no_key_bound_twice(void **st)
{
    (void)st;
    int n;
    const nb_binding *km = nb_keymap(&n);
    for (int m = 0; m < NB_NKM; m++) {
        seen s = {.mode = (nb_keymode)m};
        for (int i = 0; i < n; i++) {
            if (km[i].mode != (nb_keymode)m)
                continue;
            if (!km[i].keys[0])
                s.others++;
            each_name(&km[i], note_key, &s);
        }
        assert_true(s.n + s.others > 0); /* every mode binds something */
        assert_true(s.others <= 1);      /* one "any other key" at most */
    }
}

static void test_every_request_once_with_help(void **st)
{
    (void)st;
    int n, rows[NB_NREQ] = {0};
    const nb_binding *km = nb_keymap(&n);
    for (int i = 0; i < n; i++) {
        assert_true(km[i].req > NB_REQ_NONE && km[i].req < NB_NREQ);
        rows[km[i].req]++;
        if (!km[i].en[0] || !km[i].zh[0])
            fail_msg("request %d (%s) lacks help in English or Chinese", km[i].req, km[i].keys);
        assert_non_null(km[i].man);
        assert_non_null(km[i].arg);
        assert_true(km[i].mode == NB_KM_COMMAND || !km[i].arg[0]);
    }
    for (int r = NB_REQ_NONE + 1; r < NB_NREQ; r++)
        assert_int_equal(rows[r], 1);
}

static void round_trip(const nb_binding *k, const char *name, void *arg)
{
    (void)arg;
    if (k->mode == NB_KM_COMMAND) {
        assert_int_equal(nb_command_request(name), k->req);
        return;
    }
    int key = nb_key_from_name(name);
    if (key < 0)
        fail_msg("key name %s is not known", name);
    char back[32];
    nb_key_name(key, back, sizeof back);
    assert_string_equal(back, name);
    assert_int_equal(nb_keymap_request(k->mode, key), k->req);
}

static void test_names_round_trip(void **st)
{
    (void)st;
    int n;
    const nb_binding *km = nb_keymap(&n);
    for (int i = 0; i < n; i++)
        each_name(&km[i], round_trip, NULL);
    assert_int_equal(nb_key_from_name("C-x"), 24);
    assert_int_equal(nb_key_from_name("Space"), ' ');
    assert_int_equal(nb_key_from_name("好"), 0x597D);
    assert_int_equal(nb_key_from_name("nope"), -1);
    assert_int_equal(nb_key_from_name(""), -1);
    assert_int_equal(nb_command_request("nope"), NB_REQ_NONE);
    assert_int_equal(nb_command_request(""), NB_REQ_NONE);
}

static void test_lookups(void **st)
{
    (void)st;
    assert_int_equal(nb_keymap_request(NB_KM_NORMAL, 'j'), NB_REQ_MOVE_DOWN);
    assert_int_equal(nb_keymap_request(NB_KM_NORMAL, NB_KEY_ENTER), NB_REQ_EDIT);
    assert_int_equal(nb_keymap_request(NB_KM_NORMAL, 'x'), NB_REQ_CLEAR);
    assert_int_equal(nb_keymap_request(NB_KM_NORMAL, 'z'), NB_REQ_NONE);
    assert_int_equal(nb_keymap_request(NB_KM_NORMAL, 3), NB_REQ_QUIT);       /* C-c quits as q does */
    assert_int_equal(nb_keymap_request(NB_KM_EDITOR, 3), NB_REQ_ED_CANCEL);  /* and cancels an editor */
    assert_int_equal(nb_keymap_request(NB_KM_EDITOR, 'x'), NB_REQ_ED_INSERT); /* any other key */
    assert_int_equal(nb_keymap_request(NB_KM_EDITOR, 21), NB_REQ_ED_CLEAR);    /* C-u clears there */
    assert_int_equal(nb_keymap_request(NB_KM_HELP, 'q'), NB_REQ_HELP_CLOSE);
    assert_int_equal(nb_keymap_request(NB_KM_ASK_QUIT, 'x'), NB_REQ_ASK_CANCEL);
    assert_int_equal(nb_keymap_request(NB_KM_ASK_RECOVER, 'y'), NB_REQ_RECOVER_YES);
    assert_int_equal(nb_keymap_request(NB_KM_ASK_RECOVER, 'n'), NB_REQ_RECOVER_NO);
    assert_int_equal(nb_keymap_request(NB_KM_ASK_RECOVER, 'q'), NB_REQ_RECOVER_AGAIN); /* only y or n answers */
    assert_int_equal(nb_keymap_request(NB_KM_ASK_RECOVER, 3), NB_REQ_RECOVER_AGAIN);
    assert_int_equal(nb_keymap_request(NB_KM_FINDINGS, '2'), NB_REQ_LIST_FILTER);
    assert_int_equal(nb_command_request("g"), NB_REQ_CMD_GOTO);
    assert_int_equal(nb_command_request("q!"), NB_REQ_CMD_QUIT_FORCE);
}

/* The help is the table: every row of every mode and every command, in
 * the table's order, with its words in the language; the commands with
 * their colon; then the legend of the marks. */
static void test_help_from_table(void **st)
{
    (void)st;
    int n;
    const nb_binding *km = nb_keymap(&n);
    nb_help_item items[256];
    for (int zh = 0; zh < 2; zh++) {
        int h = nb_help_items(zh, items, 256), k = 0, headings = 0;
        assert_true(h < 256);
        for (int i = 0; i < n; i++) { /* each row once, in order within its mode */
            const char *want = zh ? km[i].zh : km[i].en;
            int found = 0;
            for (int j = 0; j < h && !found; j++)
                found = !items[j].heading && items[j].text == want;
            if (!found)
                fail_msg("help lacks %s (%s)", km[i].keys, want);
        }
        for (int j = 0; j < h; j++) {
            headings += items[j].heading;
            if (!items[j].heading && items[j].text == (zh ? km[3].zh : km[3].en))
                k = j;
        }
        assert_int_equal(headings, 11); /* ten modes (the terminal's keys under the first) and the marks */
        assert_string_equal(items[k].keys, "l Right");
        assert_string_equal(items[h - NB_NLEGEND].keys, "!");
        assert_string_equal(items[h - 1].keys, "?");
        int goto_row = -1;
        for (int j = 0; j < h; j++)
            if (!strncmp(items[j].keys, ":goto", 5))
                goto_row = j;
        assert_true(goto_row >= 0);
        assert_string_equal(items[goto_row].keys, zh ? ":goto :g 编号" : ":goto :g id");
    }
    assert_string_equal(nb_legend_mark(NB_LEGEND_BLANK), "·");
    assert_string_equal(nb_legend_text(NB_LEGEND_CORRECTED, 0), "corrected: the reviewer's value, not the report's");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_key_bound_twice), cmocka_unit_test(test_every_request_once_with_help),
        cmocka_unit_test(test_names_round_trip),   cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_help_from_table),
    };
    return cmocka_run_group_tests_name("keymap", tests, NULL, NULL);
}
