/* pdf_quiet.c — poppler's messages collected for the length of a PDF's
 * read: GLib's log of the "Poppler" domain through a handler of ours, and
 * stderr (where poppler's font engine prints by itself) pointed at a pipe
 * that never blocks (a message that does not fit is lost, not waited on).
 * Under a sanitizer its reports are sent to the stderr that was, so that a
 * fault inside poppler is still seen. */
#include "read/pdf_quiet.h"

#include <fcntl.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define NB_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define NB_SANITIZED 1
#endif
#endif
#ifdef NB_SANITIZED
#include <sanitizer/common_interface_defs.h>
#endif

/* Count a message, keep the first (its first line). */
static void note(nb_pdf_quiet *q, const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (!n)
        return;
    if (!q->nmsgs++) {
        const char *nl = memchr(s, '\n', n);
        size_t k = nl ? (size_t)(nl - s) : n;
        if (k >= sizeof q->first)
            k = sizeof q->first - 1;
        memcpy(q->first, s, k);
        q->first[k] = '\0';
    }
}

static void on_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
    (void)domain;
    (void)level;
    if (message)
        note(data, message, strlen(message));
}

/* stderr to a pipe; -1 when it cannot be (stderr is then left alone). */
static int redirect(nb_pdf_quiet *q)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    fcntl(fd[0], F_SETFL, O_NONBLOCK);
    fcntl(fd[1], F_SETFL, O_NONBLOCK);
    fcntl(fd[0], F_SETFD, FD_CLOEXEC);
    fflush(stderr);
    q->saved = fcntl(2, F_DUPFD_CLOEXEC, 3);
    if (q->saved < 0 || dup2(fd[1], 2) < 0) {
        if (q->saved >= 0)
            close(q->saved);
        q->saved = -1;
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    close(fd[1]);
    q->pipe_rd = fd[0];
#ifdef NB_SANITIZED
    __sanitizer_set_report_fd((void *)(intptr_t)q->saved);
#endif
    return 0;
}

void nb_pdf_quiet_begin(nb_pdf_quiet *q, const nb_pdf_lib *lib)
{
    memset(q, 0, sizeof *q);
    q->lib = lib;
    q->saved = q->pipe_rd = -1;
    q->handler = lib->g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, on_log, q);
    redirect(q);
}

void nb_pdf_quiet_end(nb_pdf_quiet *q)
{
    if (q->saved >= 0) {
        fflush(stderr);
        dup2(q->saved, 2);
        close(q->saved);
        q->saved = -1;
#ifdef NB_SANITIZED
        __sanitizer_set_report_fd((void *)(intptr_t)2);
#endif
    }
    if (q->pipe_rd >= 0) {
        char buf[4096];
        ssize_t k;
        while ((k = read(q->pipe_rd, buf, sizeof buf)) > 0)
            for (size_t i = 0, e; i < (size_t)k; i = e + 1) {
                const char *nl = memchr(buf + i, '\n', (size_t)k - i);
                e = nl ? (size_t)(nl - buf) : (size_t)k;
                note(q, buf + i, e - i);
            }
        close(q->pipe_rd);
        q->pipe_rd = -1;
    }
    if (q->handler)
        q->lib->g_log_remove_handler("Poppler", q->handler);
    q->handler = 0;
}
