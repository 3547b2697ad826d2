/*
 * diag.h: collected diagnostics, "file:line:col: severity: message".
 *
 * Library modules never print or exit; they add to a caller-owned struct
 * diag and return -1. Collecting (rather than stopping at the first problem)
 * lets `lcsurvey check` show a questionnaire author every mistake at once.
 * Lines and columns are 1-based here; 0 means "not known".
 */
#ifndef LCSURVEY_DIAG_H
#define LCSURVEY_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag_item {
	enum diag_severity severity;
	int line, col;
	char *msg;
};

struct diag {
	const char *file; /* borrowed; shown before each line */
	struct diag_item *items;
	size_t n, cap;
	int nerrors, nwarnings;
	int max; /* stop recording after this many (0: default 100) */
	int dropped;
};

void diag_init(struct diag *d, const char *file);
void diag_release(struct diag *d);
void diag_error(struct diag *d, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_vadd(struct diag *d, enum diag_severity sev, int line, int col,
    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
/* Sorts by position and prints every item, one per line. */
void diag_print(struct diag *d, FILE *fp);
/* The first error's message, or NULL: handy for one-line callers. */
const char *diag_first(const struct diag *d);

#endif
