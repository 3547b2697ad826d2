/*
 * usage.h: the top tier of error handling (after git's usage.c).
 *
 * Only main.c and the cmd-*.c files call these: library modules report
 * through struct diag and return -1, and the command decides the exit code
 * (from sysexits.h) and the wording.
 */
#ifndef LCSURVEY_USAGE_H
#define LCSURVEY_USAGE_H

#include <sysexits.h>

/* The program name for messages, set once by main(). */
extern const char *progname;

/* Prints "lcsurvey: error: MSG" and exits with code. */
void die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
/* Prints "lcsurvey: warning: MSG". */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "usage: TEXT" to stderr and exits EX_USAGE. */
void usage(const char *text) __attribute__((noreturn));

/* Invariant violations: not a user's error. Kept in release builds. */
#define BUG(msg) bug_at(__FILE__, __LINE__, (msg))
void bug_at(const char *file, int line, const char *msg)
    __attribute__((noreturn));

#endif
