/* engine.c — the batch on several threads (engine.h): the jobs claimed in
 * order, their outputs kept in memory until those before them are written
 * (when the batch pairs years: in the hold store, then in a spool file),
 * the year before guessed from the reports read (guess.h), the reruns of
 * the reports whose year before was not the one guessed and disagrees with
 * either, and the outputs written in order (the reruns' as they come). */
#include "batch/engine.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/vec.h"
#include "batch/ctx.h"
#include "batch/guess.h"
#include "batch/hold.h"
#include "batch/pair.h"
#include "batch/spool.h"
#include "out/writer.h"
#include "read/read.h"

/* What one report left: its bytes (in memory, or at off in the spool),
 * how they divide, its status and, when paired, its summary. */
typedef struct rec {
    char *buf;               /* out, prepare's messages, run's messages, aux; NULL when spooled or not yet done */
    int held;                /* buf is in the hold store (not to be freed alone) */
    long off;                /* in the spool */
    size_t nout, nprep, nerr, naux;
    int status, ready;
    int has_own;             /* its summary is kept: in memory (own, in the hold store), else in the spool at sum_off */
    long tried;              /* the first round ran it with this report as its year before (nb_job_year_before), or -1 */
    const char *body;        /* its body's key and parents as the guess keeps them (NULL: not kept) */
    nb_summary *own;
    long sum_off;
    const struct nb_schema *schema;
} rec;

typedef struct eng {
    const nb_engine *e;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_mutex_t serial;  /* one PDF at a time (model/ctx.h) */
    rec *recs;
    nb_spool spool;          /* pairing: the outputs past hold_max until every report is read */
    size_t held, hold_max;   /* pairing: bytes of outputs and summaries kept in memory, and the most */
    size_t next;             /* the next report to claim */
    size_t *again;           /* the second round: the reports run again, */
    const nb_summary **prev; /* with the year before (by report) */
    size_t nagain, next_again;
    int round;               /* 1, then 2 */
    size_t emitted, window;  /* no pairing: written so far; claims stay within window of it */
    size_t ran;              /* reports of the first round done */
    int failed;
    nb_err err;
    nb_ctx *ctx;             /* a context for each thread, made by its first round, kept for the second */
    nb_hold hold;            /* pairing: the store of the outputs and summaries kept in memory (under mu) */
    nb_guess guess;          /* pairing, the first round: the reports whose summaries are in memory (under mu) */
    unsigned char *ctx_made;
    int nctx;
} eng;

/* What a thread is given: the engine and its number (its context's). */
typedef struct slot {
    eng *g;
    int k;
} slot;

int nb_engine_jobs(const char *value, nb_lang lang, nb_err *err)
{
    if (!value) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        return n < 1 ? 1 : n > 256 ? 256 : (int)n;
    }
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (errno || end == value || *end || n < 1 || n > 256)
        return nb_err_set(err, NB_E_USAGE,
                          nb_tr(lang, "-j %s: the number of threads is a whole number from 1 to 256",
                                "-j %s：线程数应为 1 到 256 之间的整数"),
                          value);
    return (int)n;
}

/* The engine's own messages, in the batch's language. */
enum { M_NOMEM, M_THREAD };
static const char *words(const eng *g, int which)
{
    static const char *const en[] = {"out of memory", "no thread could be started"};
    static const char *const zh[] = {"内存不足", "无法启动线程"};
    return nb_tr(g->e->lang, en[which], zh[which]);
}

/* A failure of the engine itself (not of a report), kept to be returned. */
static void fail(eng *g, int code, const char *msg)
{
    if (!g->failed)
        nb_err_set(&g->err, code, "%s", msg);
    g->failed = 1;
    pthread_cond_broadcast(&g->cv);
}

/* The next report for this thread, or 0 when there is none; in the first
 * round prepared here, under the lock, in the batch's order. */
static int claim(eng *g, nb_job *job)
{
    if (g->round == 1) {
        while (!g->e->pairing && !g->failed && g->next < g->e->n && g->next >= g->emitted + g->window)
            pthread_cond_wait(&g->cv, &g->mu);
        if (g->failed || g->next >= g->e->n)
            return 0;
        job->i = g->next++;
        return 1;
    }
    if (g->failed || g->next_again >= g->nagain)
        return 0;
    job->i = g->again[g->next_again++];
    job->prev = g->prev[job->i];
    return 1;
}

/* A stream in memory for one of the job's outputs: a buffer of the
 * thread's, emptied for each job and grown by doubling, so that its pages
 * are reused from one report to the next. */
typedef struct mem {
    char *b;
    size_t n, cap;
} mem;

#define MEM_KEEP (4u << 20) /* the most a stream's buffer keeps from one report to the next */

static ssize_t mem_write(void *cookie, const char *s, size_t n)
{
    mem *m = cookie;
    if (nb_grow(&m->b, &m->cap, m->n + n, 1, 4096) != 0)
        return -1; /* the stream's error flag is set: the job fails as out of memory */
    memcpy(m->b + m->n, s, n);
    m->n += n;
    return (ssize_t)n;
}

static int open_mems(nb_job *job, mem m[4], FILE *f[4])
{
    static const cookie_io_functions_t io = {.write = mem_write};
    for (int k = 0; k < 4; k++) {
        m[k].n = 0;
        f[k] = fopencookie(&m[k], "w", io);
        if (!f[k]) {
            for (int j = 0; j < k; j++)
                fclose(f[j]);
            return -1;
        }
    }
    job->out = f[0];
    job->aux = f[3];
    return 0;
}

/* Whether n more bytes may be kept in memory (then counted as kept). */
static int may_hold(eng *g, size_t n)
{
    if (g->held + n > g->hold_max)
        return 0;
    g->held += n;
    return 1;
}

/* Room for the job's bytes: in the hold store when the first round of a
 * paired batch may keep them in memory (r->held), else from malloc
 * (written at once, or spooled by keep). */
static char *room_for(eng *g, size_t len, rec *r)
{
    if (!g->e->pairing || g->round != 1)
        return malloc(len + 1);
    char *b = NULL;
    pthread_mutex_lock(&g->mu);
    if ((r->held = may_hold(g, len)) && !(b = nb_hold_take(&g->hold, len + 1))) {
        g->held -= len; /* no room mapped: malloc, then the spool */
        r->held = 0;
    }
    pthread_mutex_unlock(&g->mu);
    return r->held ? b : malloc(len + 1);
}

/* The job's bytes in one buffer: out (what it wrote to the stream, then
 * what it put in its writer ow), prepare's messages (prep), the run's
 * messages, aux. */
static char *join_mems(eng *g, mem m[4], const nb_writer *ow, const char *prep, size_t nprep, rec *r)
{
    r->nout = m[0].n + ow->n;
    r->nprep = nprep;
    r->nerr = m[2].n;
    r->naux = m[3].n;
    char *b = room_for(g, r->nout + nprep + r->nerr + r->naux, r);
    if (!b)
        return NULL;
    const char *part[5] = {m[0].b, ow->b, prep, m[2].b, m[3].b};
    size_t len[5] = {m[0].n, ow->n, nprep, m[2].n, m[3].n};
    char *p = b;
    for (int j = 0; j < 5; j++)
        if (len[j]) { /* an empty part may have no buffer at all */
            memcpy(p, part[j], len[j]);
            p += len[j];
        }
    return b;
}

/* A copy of len bytes of r's from from: kept in memory, or read back from
 * the spool (under the lock); NULL, the batch failed and said why, when it
 * cannot be had. */
static char *rec_bytes(eng *g, const rec *r, size_t from, size_t len)
{
    nb_err err;
    char *b = malloc(len + 1);
    if (!b)
        fail(g, NB_E_NOMEM, words(g, M_NOMEM));
    else if (r->buf)
        memcpy(b, r->buf + from, len);
    else if (nb_spool_read(&g->spool, r->off + (long)from, b, len, g->e->lang, &err) != 0) {
        fail(g, err.code, err.msg);
        free(b);
        return NULL;
    }
    return b;
}

/* Append n bytes to the spool (under the lock); where they start, or -1. */
static long spool_append(eng *g, const void *b, size_t n)
{
    nb_err err;
    long at = nb_spool_append(&g->spool, b, n, g->e->lang, &err);
    if (at < 0)
        fail(g, err.code, err.msg);
    return at;
}

/* The report's summary kept (the first round): in memory (the hold
 * store) while the budget lasts, else in the spool. */
static void keep_summary(eng *g, const nb_job *job, rec *nr)
{
    if (may_hold(g, sizeof job->own) && (nr->own = nb_hold_take(&g->hold, sizeof *nr->own))) {
        *nr->own = job->own;
        nr->has_own = 1;
        nr->body = nb_guess_add(&g->guess, job->i, &job->body, job->own.year); /* NULL: no body told */
    } else {
        nr->has_own = (nr->sum_off = spool_append(g, &job->own, sizeof job->own)) >= 0;
    }
    nr->schema = job->schema;
}

/* The job's record kept (under the lock): in memory, or — pairing, past
 * the budget — appended to the spool; the first round keeps the report's
 * summary too (the second leaves it as it is, and replaces the output). */
static void keep(eng *g, const nb_job *job, char *b, rec *nr)
{
    rec *r = &g->recs[job->i];
    nr->has_own = r->has_own;
    nr->own = r->own;
    nr->body = r->body;
    nr->sum_off = r->sum_off;
    nr->schema = r->schema;
    if (g->round == 1 && job->has_own)
        keep_summary(g, job, nr);
    if (g->round == 1)
        g->ran++;
    nr->status = job->status;
    if (r->buf && !r->held) { /* the first round's output, in memory (a store's room stays taken, and counted) */
        g->held -= r->nout + r->nprep + r->nerr + r->naux;
        free(r->buf);
    }
    *r = *nr;
    size_t len = r->nout + r->nprep + r->nerr + r->naux;
    if (!r->held && g->e->pairing && !may_hold(g, len)) {
        r->off = spool_append(g, b, len);
        free(b);
    } else {
        r->buf = b;
    }
    r->ready = 1;
    pthread_cond_broadcast(&g->cv);
}

/* One report: claimed, prepared, run, kept. 0 when there was none left. */
static int one_job(eng *g, const nb_ctx *ctx, mem m[4], nb_writer *ow)
{
    const nb_engine *e = g->e;
    nb_job job = {.ctx = ctx, .pairing = e->pairing, .outw = ow, .tried = -1, .eng = g};
    ow->n = 0;
    ow->failed = ow->term = 0;
    FILE *f[4];
    pthread_mutex_lock(&g->mu);
    if (!claim(g, &job)) {
        pthread_mutex_unlock(&g->mu);
        return 0;
    }
    if (open_mems(&job, m, f) != 0) {
        fail(g, NB_E_NOMEM, words(g, M_NOMEM));
        pthread_mutex_unlock(&g->mu);
        return 0;
    }
    char *prep = NULL; /* the second round: the messages of the first round's prepare */
    rec *r = &g->recs[job.i];
    if (g->round == 2 && r->nprep)
        prep = rec_bytes(g, r, r->nout, r->nprep); /* NULL: failed, said */
    job.err = f[1]; /* the second round drops what prepare says: it was said the first time */
    int ok = e->ops.prepare(e->arg, &job) == 0;
    pthread_mutex_unlock(&g->mu);
    job.err = f[2];
    if (ok)
        e->ops.run(e->arg, &job);
    else
        job.status = 2;
    int lost = 0;
    for (int j = 0; j < 4; j++)
        lost |= fclose(f[j]) != 0;
    rec nr = {.tried = job.tried};
    const char *pb = g->round == 1 ? m[1].b : prep;
    size_t pn = g->round == 1 ? m[1].n : r->nprep;
    char *b = lost || ow->failed ? NULL : join_mems(g, m, ow, pb, pn, &nr);
    free(prep);
    for (int j = 0; j < 4; j++)
        if (m[j].cap > MEM_KEEP) { /* a large report's room is not kept for the small ones after it */
            free(m[j].b);
            m[j] = (mem){0};
        }
    if (ow->cap > MEM_KEEP) {
        free(ow->b);
        *ow = nb_writer_to(NULL);
    }
    pthread_mutex_lock(&g->mu);
    if (!b)
        fail(g, NB_E_NOMEM, words(g, M_NOMEM));
    else
        keep(g, &job, b, &nr);
    pthread_mutex_unlock(&g->mu);
    return b != NULL;
}

/* A thread of the engine: its own context (made the first time), then
 * jobs until none is left. */
static void *worker(void *p)
{
    eng *g = ((slot *)p)->g;
    int k = ((slot *)p)->k;
    nb_ctx *ctx = &g->ctx[k];
    nb_err err;
    if (!g->ctx_made[k]) {
        if (nb_ctx_init(ctx, g->e->lang, &err) != 0) {
            pthread_mutex_lock(&g->mu);
            fail(g, err.code, err.msg);
            pthread_mutex_unlock(&g->mu);
            return NULL;
        }
        g->ctx_made[k] = 1;
        ctx->trace = g->e->trace;
        ctx->serial = &g->serial;
        ctx->no_sha256 = 1; /* check and export never show it; a review session's context computes it */
    }
    mem m[4] = {{0}};
    nb_writer ow = nb_writer_to(NULL);
    while (one_job(g, ctx, m, &ow))
        ;
    for (int j = 0; j < 4; j++)
        free(m[j].b);
    free(ow.b);
    return NULL;
}

/* A round: the threads started, run until the jobs are done; with from,
 * the calling thread meanwhile writes the outputs in order. */
static int run_round(eng *g, int (*meanwhile)(eng *))
{
    size_t work = g->round == 1 ? g->e->n : g->nagain; /* no more threads than reports: each sets up a context */
    int n = g->nctx;
    if ((size_t)n > work)
        n = work ? (int)work : 1;
    pthread_t *t = calloc((size_t)n, sizeof *t);
    slot *sl = calloc((size_t)n, sizeof *sl);
    if (!t || !sl) {
        free(t);
        free(sl);
        return nb_err_set(&g->err, NB_E_NOMEM, "%s", words(g, M_NOMEM));
    }
    int started = 0;
    for (; started < n; started++) {
        sl[started] = (slot){g, started};
        if (pthread_create(&t[started], NULL, worker, &sl[started]) != 0)
            break;
    }
    if (!started) {
        free(t);
        free(sl);
        return nb_err_set(&g->err, NB_E_IO, "%s", words(g, M_THREAD));
    }
    int rc = meanwhile ? meanwhile(g) : 0;
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    free(t);
    free(sl);
    return g->failed ? -1 : rc;
}

/* Messages written to a terminal as nb_cli_say writes them: each line's
 * text escaped, its newline as it is. */
static void put_messages(const nb_engine *e, const char *b, size_t n)
{
    if (!e->err_term) {
        fwrite(b, 1, n, e->err);
        return;
    }
    nb_writer w = nb_writer_as(e->err, 1);
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(b + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - b) : n;
        nb_put_text(&w, b + i, end - i);
        if (nl)
            nb_put(&w, "\n", 1);
        i = end + (nl != NULL);
    }
    nb_writer_end(&w, e->err);
}

/* Report i's bytes written where they go, and its figures handed on —
 * holding the PDF lock: while a thread reads a PDF, the process's standard
 * error is a pipe that swallows what is written to it. */
static void emit(eng *g, size_t i, const char *b)
{
    const nb_engine *e = g->e;
    const rec *r = &g->recs[i];
    pthread_mutex_lock(&g->serial);
    put_messages(e, b + r->nout, r->nprep + r->nerr);
    fflush(e->err);
    fwrite(b, 1, r->nout, e->out);
    e->ops.done(e->arg, i, r->status, b + r->nout + r->nprep + r->nerr, r->naux);
    pthread_mutex_unlock(&g->serial);
}

/* No pairing: each output written once those before it are (the calling
 * thread, while the jobs run). */
static int emit_streaming(eng *g)
{
    pthread_mutex_lock(&g->mu);
    while (g->emitted < g->e->n) {
        while (!g->failed && !g->recs[g->emitted].ready)
            pthread_cond_wait(&g->cv, &g->mu);
        if (g->failed)
            break;
        rec *r = &g->recs[g->emitted];
        pthread_mutex_unlock(&g->mu);
        emit(g, g->emitted, r->buf);
        free(r->buf); /* never held: no pairing */
        r->buf = NULL;
        if (g->e->ops.progress)
            g->e->ops.progress(g->e->arg, g->emitted + 1, g->e->n);
        pthread_mutex_lock(&g->mu);
        g->emitted++;
        pthread_cond_broadcast(&g->cv);
    }
    pthread_mutex_unlock(&g->mu);
    return 0;
}

/* Pairing: the first round's progress told while its jobs run (the
 * outputs wait until every report is read). */
static int tell_progress(eng *g)
{
    size_t told = 0;
    pthread_mutex_lock(&g->mu);
    while (!g->failed && told < g->e->n) {
        while (!g->failed && g->ran == told)
            pthread_cond_wait(&g->cv, &g->mu);
        told = g->ran;
        pthread_mutex_unlock(&g->mu);
        g->e->ops.progress(g->e->arg, told, g->e->n);
        pthread_mutex_lock(&g->mu);
    }
    pthread_mutex_unlock(&g->mu);
    return 0;
}

/* Report i's summary: where it is kept in memory, else read back from the
 * spool into room; NULL when it cannot be read (err set). */
static const nb_summary *summary_of(eng *g, size_t i, nb_summary *room)
{
    const rec *r = &g->recs[i];
    if (r->own)
        return r->own;
    return nb_spool_read(&g->spool, r->sum_off, room, sizeof *room, g->e->lang, &g->err) == 0 ? room : NULL;
}

/* The reports paired by body and year, each summary read back in turn (in
 * memory: a slot a report, not its summary). */
static int pair_all(eng *g, nb_pairing *p, nb_summary *room)
{
    if (nb_pairing_start(p, g->e->n, g->e->lang, &g->err) != 0)
        return -1;
    for (size_t i = 0; i < g->e->n; i++)
        if (g->recs[i].has_own) {
            const nb_summary *s = summary_of(g, i, room);
            if (!s)
                return -1;
            if (g->recs[i].body) /* told once, when it was read */
                nb_pairing_identified_body(p, i, g->recs[i].body, nb_guess_parent(g->recs[i].body), s->year);
            else
                nb_pairing_identified(p, i, s->agency, s->year);
        }
    nb_pairing_sort(p);
    return 0;
}

const nb_summary *nb_job_year_before(nb_job *job)
{
    eng *g = job->eng;
    if (!g || !job->pairing || g->round != 1 || job->prev)
        return job->prev;
    nb_body_id_of(&job->body, job->own.agency); /* before the lock, and once: kept for the guess */
    pthread_mutex_lock(&g->mu);
    long j = nb_guess_year_before(&g->guess, &job->body, job->own.year);
    const nb_summary *s = j >= 0 ? g->recs[j].own : NULL;
    pthread_mutex_unlock(&g->mu);
    job->tried = s ? j : -1;
    return s;
}

/* Whether the years of report i checked against report j's find
 * anything (*any); -1 with err when a summary cannot be read. */
static int years_differ(eng *g, size_t j, size_t i, nb_summary room[2], int *any)
{
    nb_findings fs = {.lang = g->e->lang};
    const nb_summary *before = summary_of(g, j, &room[0]), *now = before ? summary_of(g, i, &room[1]) : NULL;
    int rc = now ? nb_check_years(before, now, g->recs[i].schema, &fs, &g->err) : -1;
    *any = fs.n > 0;
    nb_findings_free(&fs);
    return rc;
}

/* Report i to be run again with its year before j (-1: none; a copy of
 * its summary), its output not ready until the second round keeps it. */
static int run_again(eng *g, size_t i, long j, nb_summary *room)
{
    nb_summary *prev = NULL;
    if (j >= 0) {
        const nb_summary *s = summary_of(g, (size_t)j, room);
        if (!s || !(prev = malloc(sizeof *prev)))
            return s ? nb_err_set(&g->err, NB_E_NOMEM, "%s", words(g, M_NOMEM)) : -1;
        *prev = *s;
    }
    g->prev[i] = prev;
    g->again[g->nagain++] = i;
    g->recs[i].ready = 0;
    return 0;
}

/* Report i paired with j while the batch holds other reports of j's body and year (a revised
 * copy may carry other figures): said, the first named, the rest counted. -1 when unread. */
static int say_not_compared(eng *g, const nb_pairing *p, size_t i, long j, nb_summary *room)
{
    size_t others;
    long o = nb_pairing_also(p, i, &others), more = (long)others - 1;
    if (o < 0)
        return 0;
    char now[sizeof room->file], before[sizeof room->file], line[3 * sizeof room->file + 300], rest[120] = "";
    const nb_summary *s = summary_of(g, i, room);
    if (!s)
        return -1;
    snprintf(now, sizeof now, "%s", s->file);
    if (!(s = summary_of(g, (size_t)j, room)))
        return -1;
    snprintf(before, sizeof before, "%s", s->file);
    if (!(s = summary_of(g, (size_t)o, room)))
        return -1;
    if (more)
        snprintf(rest, sizeof rest, nb_tr(g->e->lang, " and %ld more", " 等 %ld 份"),
                 g->e->lang == NB_LANG_ZH ? more + 1 : more); /* 等 counts the one named */
    int n = snprintf(line, sizeof line,
                     nb_tr(g->e->lang,
                           "nianbao: %s: checked against %s of %d; %s%s, of its body for %d too, not compared\n",
                           "nianbao：%s：已与上一年报告 %s（%d 年）比对；%s%s 也是同一机关 %d 年的报告，未比对\n"),
                     now, before, s->year, s->file, rest, s->year);
    pthread_mutex_lock(&g->serial);
    put_messages(g->e, line, n < 0 ? 0 : (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    pthread_mutex_unlock(&g->serial);
    return 0;
}

/* Every report read: those whose year before in the batch is not the one
 * they were run with (tried) and either finds something, to be run again
 * with it. */
static int plan_again(eng *g)
{
    size_t n = g->e->n;
    nb_pairing p = {0};
    nb_summary *room = malloc(2 * sizeof *room); /* summaries read back from the spool */
    g->again = calloc(n ? n : 1, sizeof *g->again);
    g->prev = calloc(n ? n : 1, sizeof *g->prev);
    if (!room || !g->again || !g->prev) {
        free(room);
        return nb_err_set(&g->err, NB_E_NOMEM, "%s", words(g, M_NOMEM));
    }
    int rc = pair_all(g, &p, room);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        long j = g->recs[i].has_own ? nb_pairing_prev(&p, i) : -1, tried = g->recs[i].tried;
        if (j >= 0 && (rc = say_not_compared(g, &p, i, j, room)) != 0)
            break;
        if (j == tried)
            continue;
        if (!g->recs[i].has_own) { /* run with a year before, yet kept no summary: run again without */
            rc = run_again(g, i, -1, room);
            continue;
        }
        int found = 0, before = 0;
        if ((j >= 0 && (rc = years_differ(g, (size_t)j, i, room, &found)) != 0) ||
            (tried >= 0 && (rc = years_differ(g, (size_t)tried, i, room, &before)) != 0))
            break;
        if (found || before)
            rc = run_again(g, i, j, room);
    }
    nb_pairing_free(&p);
    free(room);
    return rc;
}

/* Pairing: every output written in order, as held or from the spool —
 * while the second round runs, each report run again once it is kept. */
static int emit_paired(eng *g)
{
    for (size_t i = 0; i < g->e->n; i++) {
        pthread_mutex_lock(&g->mu);
        while (!g->failed && !g->recs[i].ready)
            pthread_cond_wait(&g->cv, &g->mu);
        rec *r = &g->recs[i];
        char *read = g->failed || r->buf ? NULL : rec_bytes(g, r, 0, r->nout + r->nprep + r->nerr + r->naux);
        const char *b = g->failed ? NULL : r->buf ? r->buf : read;
        pthread_mutex_unlock(&g->mu);
        if (!b)
            return -1;
        emit(g, i, b);
        free(read);
    }
    return 0;
}

static void eng_free(eng *g)
{
    for (size_t i = 0; g->recs && i < g->e->n; i++) {
        if (!g->recs[i].held)
            free(g->recs[i].buf);
        if (g->prev)
            free((void *)g->prev[i]);
    }
    nb_hold_free(&g->hold);
    nb_guess_free(&g->guess);
    free(g->recs);
    free(g->again);
    free(g->prev);
    for (int k = 0; k < g->nctx; k++)
        if (g->ctx_made && g->ctx_made[k])
            nb_ctx_free(&g->ctx[k]);
    free(g->ctx);
    free(g->ctx_made);
    nb_spool_close(&g->spool);
    pthread_cond_destroy(&g->cv);
    pthread_mutex_destroy(&g->mu);
    pthread_mutex_destroy(&g->serial);
}

int nb_engine_run(const nb_engine *e, nb_err *err)
{
    eng g = {.e = e, .round = 1, .window = 4 * (size_t)(e->jobs < 1 ? 1 : e->jobs) + 4,
             .hold_max = e->hold ? e->hold : NB_ENGINE_HOLD};
    pthread_mutex_init(&g.mu, NULL);
    pthread_mutex_init(&g.serial, NULL);
    pthread_cond_init(&g.cv, NULL);
    int rc = 0;
    g.nctx = e->jobs < 1 ? 1 : e->jobs;
    g.recs = calloc(e->n ? e->n : 1, sizeof *g.recs);
    g.ctx = calloc((size_t)g.nctx, sizeof *g.ctx);
    g.ctx_made = calloc((size_t)g.nctx, 1);
    if (!g.recs || !g.ctx || !g.ctx_made)
        rc = nb_err_set(&g.err, NB_E_NOMEM, "%s", words(&g, M_NOMEM));
    if (rc == 0 && e->n)
        rc = run_round(&g, !e->pairing ? emit_streaming : e->ops.progress ? tell_progress : NULL);
    if (rc == 0 && e->pairing && e->n) {
        rc = plan_again(&g);
        g.round = 2;
        if (rc == 0)
            rc = g.nagain ? run_round(&g, emit_paired) : emit_paired(&g);
    }
    if (rc != 0 && err)
        *err = g.err;
    eng_free(&g);
    return rc == 0 ? 0 : -1;
}
