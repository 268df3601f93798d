/* clip.c — copying out of the console (clip.h). */
#include "clip.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/utf8.h"
#include "check/messages.h"
#include "names.h"
#include "select.h"
#include "text/num.h"
#include "view.h"

size_t nb_base64(const char *t, size_t n, char *out, size_t cap)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t k = 0;
    if ((n + 2) / 3 * 4 + 1 > cap)
        return 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)t[i] << 16;
        if (i + 1 < n)
            v |= (unsigned char)t[i + 1] << 8;
        if (i + 2 < n)
            v |= (unsigned char)t[i + 2];
        out[k++] = abc[v >> 18 & 63];
        out[k++] = abc[v >> 12 & 63];
        out[k++] = i + 1 < n ? abc[v >> 6 & 63] : '=';
        out[k++] = i + 2 < n ? abc[v & 63] : '=';
    }
    out[k] = '\0';
    return k;
}

/* Write all of t to fd; SIGPIPE (the reader gone) is an error, not death. */
static int write_all(int fd, const char *t, size_t n)
{
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    int rc = 0;
    while (n && rc == 0) {
        ssize_t w = write(fd, t, n);
        if (w > 0) {
            t += w;
            n -= (size_t)w;
        } else {
            rc = -1;
        }
    }
    sigaction(SIGPIPE, &old, NULL);
    return rc;
}

/* `tmux load-buffer -` with t on its standard input, its output kept off
 * the screen: 0 when tmux took it. */
static int tmux_load(const char *t, size_t n)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(p[0], 0);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        close(p[0]);
        close(p[1]);
        execlp("tmux", "tmux", "load-buffer", "-", (char *)NULL);
        _exit(127);
    }
    close(p[0]);
    int rc = pid < 0 ? -1 : write_all(p[1], t, n);
    close(p[1]);
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) != pid)
        rc = -1;
    return rc == 0 && pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* What y copies, into out. */
static void what_to_copy(const nb_app *a, char *out, size_t cap)
{
    out[0] = '\0';
    if (a->focus == 0 && a->finding >= 0) {
        nb_finding_message(a->r, &a->s.fs.v[a->finding], a->lang, out, cap);
        return;
    }
    int ci = nb_selected_cell(a);
    if (ci < 0)
        return;
    const nb_cell *c = &a->r->cells[ci];
    if (c->status == NB_ST_NUMBER || c->status == NB_ST_INFERRED)
        nb_num_format(c->num, out, cap);
    else if (c->has_span)
        snprintf(out, cap, "%.*s", (int)(c->len < cap - 1 ? c->len : nb_utf8_whole(a->r->doc.text + c->off, cap - 1)),
                 a->r->doc.text + c->off);
}

void nb_clip_yank(nb_app *a)
{
    char t[1024], b64[1400], q[96];
    what_to_copy(a, t, sizeof t);
    if (!t[0]) {
        nb_app_say(a, 1, "%s", nb_app_tr(a, "nothing to copy here", "这里没有可复制的内容"));
        return;
    }
    nb_quote_text(a->lang, t, strlen(t), 40, q, sizeof q);
    const char *tmux = getenv("TMUX");
    if (tmux && *tmux) {
        if (tmux_load(t, strlen(t)) == 0)
            nb_app_say(a, 0, nb_app_tr(a, "copied to the tmux buffer: %s", "已复制到 tmux 缓冲区：%s"), q);
        else
            nb_app_say(a, 1, "%s", nb_app_tr(a, "tmux load-buffer failed: nothing copied", "tmux load-buffer 失败：未复制"));
    } else if (a->osc52 && nb_base64(t, strlen(t), b64, sizeof b64) && a->osc52(b64) == 0) {
        nb_app_say(a, 0, nb_app_tr(a, "copied (OSC 52): %s", "已复制（OSC 52）：%s"), q);
    } else {
        nb_app_say(a, 1, "%s",
                   nb_app_tr(a, "nowhere to copy to: not inside tmux, and the terminal does not declare OSC 52 (terminfo Ms)",
                             "无处可复制：不在 tmux 中，终端也未声明支持 OSC 52（terminfo Ms）"));
    }
}
