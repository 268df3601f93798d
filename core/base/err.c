/* err.c — error values (a message is valid UTF-8: cut by its buffer at a
 * character boundary, a byte that is not UTF-8 written \xNN) and
 * locale-to-language mapping, and the system's error texts in Chinese. */
#include "base/err.h"
#include "base/utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* s into out (cap bytes) as valid UTF-8: a byte that is not UTF-8 (of a
 * file name, of a line quoted) as \xNN; cut at a character boundary. */
static void valid_utf8(char *out, size_t cap, const char *s)
{
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len = nb_utf8_seq((const unsigned char *)s + i, n - i);
        size_t need = len ? len : 4;
        if (o + need + 1 > cap)
            break;
        if (len)
            memcpy(out + o, s + i, len);
        else
            snprintf(out + o, 5, "\\x%02x", (unsigned char)s[i]);
        o += need;
        i += len ? len : 1;
    }
    out[o] = '\0';
}

int nb_err_set(nb_err *e, int code, const char *fmt, ...)
{
    if (!e)
        return -1;
    e->code = code;
    va_list ap;
    va_start(ap, fmt);
    char raw[sizeof e->msg];
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    nb_utf8_trim_partial(raw); /* a message cut by the buffer ends at a character */
    valid_utf8(e->msg, sizeof e->msg, raw);
    return -1;
}

void nb_err_clear(nb_err *e)
{
    if (e) {
        e->code = NB_OK;
        e->msg[0] = '\0';
    }
}

nb_lang nb_lang_from_locale(const char *name)
{
    if (name && strncmp(name, "zh", 2) == 0)
        return NB_LANG_ZH;
    return NB_LANG_EN;
}

/* The common errno values' texts in Chinese (glibc's zh_CN wording). */
static const struct {
    int e;
    const char *zh;
} zh_errors[] = {
    {EPERM, "不允许的操作"},
    {ENOENT, "没有那个文件或目录"},
    {EINTR, "被中断的系统调用"},
    {EIO, "输入/输出错误"},
    {ENXIO, "没有那个设备或地址"},
    {E2BIG, "参数列表过长"},
    {EBADF, "错误的文件描述符"},
    {EAGAIN, "资源暂时不可用"},
    {ENOMEM, "无法分配内存"},
    {EACCES, "权限不够"},
    {EFAULT, "错误的地址"},
    {EBUSY, "设备或资源忙"},
    {EEXIST, "文件已存在"},
    {EXDEV, "无效的跨设备链接"},
    {ENODEV, "没有那个设备"},
    {ENOTDIR, "不是目录"},
    {EISDIR, "是一个目录"},
    {EINVAL, "无效的参数"},
    {ENFILE, "系统中打开的文件过多"},
    {EMFILE, "打开的文件过多"},
    {ETXTBSY, "文本文件忙"},
    {EFBIG, "文件过大"},
    {ENOSPC, "设备上没有空间"},
    {ESPIPE, "非法的定位操作"},
    {EROFS, "只读文件系统"},
    {EMLINK, "链接过多"},
    {EPIPE, "断开的管道"},
    {ENAMETOOLONG, "文件名过长"},
    {ENOTEMPTY, "目录非空"},
    {ELOOP, "符号链接的层数过多"},
    {EOVERFLOW, "数值超出数据类型的范围"},
    {ETIMEDOUT, "连接超时"},
    {ESTALE, "过时的文件句柄"},
#ifdef EDQUOT
    {EDQUOT, "超出磁盘配额"},
#endif
#ifdef ENOTSUP
    {ENOTSUP, "不支持的操作"},
#endif
};

const char *nb_strerror(int e, nb_lang lang)
{
    if (lang == NB_LANG_ZH)
        for (size_t i = 0; i < sizeof zh_errors / sizeof zh_errors[0]; i++)
            if (zh_errors[i].e == e)
                return zh_errors[i].zh;
    return strerror(e);
}
