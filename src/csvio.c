/*
 * csvio.c: libcsv with line numbers (see csvio.h). libcsv reports fields
 * and records but not where they are, so the input is fed to it one line
 * at a time and the reader keeps count.
 */
#include "csvio.h"

#include <csv.h>
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct reader {
	const struct csvio_handler *h;
	long line;		/* being fed */
	long rec_line;		/* where the current record began */
	int between;		/* no field of the next record seen yet */
	int col;		/* fields of the current record so far */
	int stop;		/* a callback's non-zero return */
};

static void
on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->stop)
		return;
	if (r->between) {
		r->between = 0;
		r->col = 0;
	}
	r->col++;
	if (r->h->field != NULL)
		r->stop = r->h->field(r->h->ctx, r->line, r->col,
		    s != NULL ? s : "", s != NULL ? len : 0);
}

static void
on_record(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	if (r->stop || r->between)
		return;
	r->between = 1;
	if (r->h->record != NULL)
		r->stop = r->h->record(r->h->ctx, r->rec_line, r->col);
}

int
csvio_read(FILE *fp, const struct csvio_handler *h, char *err, size_t errsz,
    long *line, int *col)
{
	struct csv_parser p;
	struct reader r;
	struct stat sb;
	char *buf;
	size_t bufsz = 1 << 20, have = 0, n, off;
	long long done = 0, total = 0;
	int first = 1, rc = 0;

	*line = 0;
	*col = 0;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		snprintf(err, errsz, "cannot start the CSV parser");
		return -1;
	}
	memset(&r, 0, sizeof r);
	r.h = h;
	r.line = 1;
	r.rec_line = 1;
	r.between = 1;
	if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode))
		total = (long long)sb.st_size;
	buf = xmalloc(bufsz);
	for (;;) {
		n = fread(buf + have, 1, bufsz - have, fp);
		if (n == 0 && ferror(fp)) {
			snprintf(err, errsz, "read error: %s", strerror(errno));
			rc = -1;
			goto out;
		}
		done += (long long)n;
		have += n;
		off = 0;
		if (first && have >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
			off = 3;
		if (have >= 3 || n == 0)
			first = 0;
		/* Whole lines only, except at the end of the file. */
		while (off < have) {
			char *nl = memchr(buf + off, '\n', have - off);
			size_t len;

			if (nl == NULL && n != 0 && off > 0)
				break;	/* finish the line after the next read */
			if (nl == NULL && n != 0 && have < bufsz)
				break;
			len = nl != NULL ? (size_t)(nl - (buf + off)) + 1 :
			    have - off;
			if (r.between)
				r.rec_line = r.line;
			if (csv_parse(&p, buf + off, len, on_field, on_record,
			    &r) != len) {
				snprintf(err, errsz, "malformed CSV: %s (a quote "
				    "inside an unquoted field, or text after a "
				    "closing quote?)", csv_strerror(csv_error(&p)));
				*line = r.line;
				*col = r.between ? 1 : r.col + 1;
				rc = -1;
				goto out;
			}
			if (r.stop) {
				rc = r.stop;
				goto out;
			}
			off += len;
			if (nl != NULL)
				r.line++;
		}
		memmove(buf, buf + off, have - off);
		have -= off;
		if (h->progress != NULL)
			h->progress(h->ctx, done, total);
		if (n == 0)
			break;
	}
	if (csv_fini(&p, on_field, on_record, &r) != 0) {
		snprintf(err, errsz, "malformed CSV: a quoted field is not "
		    "closed");
		*line = r.rec_line;
		*col = r.col + 1;
		rc = -1;
		goto out;
	}
	rc = r.stop;
out:
	csv_free(&p);
	free(buf);
	return rc;
}

int
csvio_write_field(FILE *fp, const char *s, size_t len)
{
	if (len > 0 && (s[0] == ' ' || s[len - 1] == ' ' ||
	    memchr(s, ',', len) != NULL || memchr(s, '"', len) != NULL ||
	    memchr(s, '\n', len) != NULL || memchr(s, '\r', len) != NULL))
		return csv_fwrite(fp, s, len) == 0 ? 0 : -1;
	return len == 0 || fwrite(s, 1, len, fp) == len ? 0 : -1;
}
