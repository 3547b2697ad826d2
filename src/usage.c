/*
 * usage.c: die(), warning() and usage(), so that every message a user sees
 * from the command line has the same shape: "lcsurvey: error: what (fix)".
 */
#include "usage.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

const char *progname = "lcsurvey";

void
die(int code, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: error: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

void
warning(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: warning: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
usage(const char *text)
{
	fprintf(stderr, "usage: %s\n", text);
	exit(EX_USAGE);
}

void
bug_at(const char *file, int line, const char *msg)
{
	fprintf(stderr, "%s: BUG: %s:%d: %s\n", progname, file, line, msg);
	abort();
}
