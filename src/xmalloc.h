/*
 * xmalloc.h: allocation that never returns NULL.
 *
 * Running out of memory is not an error a user can fix from inside an
 * interview, so every allocation either succeeds or ends the program with
 * "out of memory"; callers never test for NULL.
 */
#ifndef LCSURVEY_XMALLOC_H
#define LCSURVEY_XMALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees with free(); none returns NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *p (holding *cap elements of size sz) to hold at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t sz);

#endif
