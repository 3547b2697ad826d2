/*
 * buf.h: the one growable string buffer (after git's strbuf).
 *
 * A struct buf is embedded by value and used through a pointer; s is always
 * NUL-terminated, even when empty, so it can be handed to any C string API.
 */
#ifndef LCSURVEY_BUF_H
#define LCSURVEY_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
/* Frees the contents; the buf may be reused after buf_init(). */
void buf_release(struct buf *b);
/* Empties without freeing. */
void buf_reset(struct buf *b);
/* Returns the string, which the caller now owns, and leaves b empty. */
char *buf_detach(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The string, "" when nothing was added yet (never NULL). */
const char *buf_str(const struct buf *b);

#endif
