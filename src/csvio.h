/*
 * csvio.h: RFC 4180 CSV through libcsv (the only module that includes
 * <csv.h>): a reader that knows which line each record and field is on,
 * for messages such as data.csv:12:4, and a writer that quotes a field
 * only when it must.
 */
#ifndef LCSURVEY_CSVIO_H
#define LCSURVEY_CSVIO_H

#include <stddef.h>
#include <stdio.h>

struct csvio_handler {
	/*
	 * One field: col is its 1-based position in the record, line the
	 * 1-based line it ends on (a quoted field may span lines). text is
	 * NUL-terminated (len excludes the NUL, and text may contain NUL
	 * bytes of its own) and valid during the call only.
	 */
	int (*field)(void *ctx, long line, int col, const char *text,
	    size_t len);
	/* End of a record that began on line, after nfields fields. */
	int (*record)(void *ctx, long line, int nfields);
	/* Bytes read so far and the file's size (0 if unknown); may be
	 * NULL. Called after every block read. */
	void (*progress)(void *ctx, long long done, long long total);
	void *ctx;
};

/*
 * Reads fp to the end, calling h's functions for every field and record;
 * blank lines are skipped and a UTF-8 byte order mark at the start is
 * ignored. Returns 0; the first non-zero value a callback returned (which
 * stops the reading); or -1 on malformed CSV or a read error, with a
 * message in err and its position in *line and *col.
 */
int csvio_read(FILE *fp, const struct csvio_handler *h, char *err,
    size_t errsz, long *line, int *col);

/* Writes one field, quoted (RFC 4180) only when it contains a comma, a
 * quote, a line break or leading or trailing space. -1 on write error. */
int csvio_write_field(FILE *fp, const char *s, size_t len);

#endif
