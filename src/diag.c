/*
 * diag.c: storage and printing for diagnostics. Items are sorted by position
 * before printing so that an author reads them top to bottom, whatever order
 * the checker's passes found them in.
 */
#include "diag.h"

#include <stdlib.h>

#include "buf.h"
#include "xmalloc.h"

void
diag_init(struct diag *d, const char *file)
{
	d->file = file;
	d->items = NULL;
	d->n = d->cap = 0;
	d->nerrors = d->nwarnings = 0;
	d->max = 100;
	d->dropped = 0;
}

void
diag_release(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->items[i].msg);
	free(d->items);
	diag_init(d, d->file);
}

void
diag_vadd(struct diag *d, enum diag_severity sev, int line, int col,
    const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;
	struct diag_item *it;

	if (sev == DIAG_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
	if (d->max > 0 && d->n >= (size_t)d->max) {
		d->dropped++;
		return;
	}
	buf_vaddf(&b, fmt, ap);
	xgrow((void **)&d->items, &d->cap, d->n + 1, sizeof *d->items);
	it = &d->items[d->n++];
	it->severity = sev;
	it->line = line;
	it->col = col;
	it->msg = buf_detach(&b);
}

void
diag_error(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, DIAG_ERROR, line, col, fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, DIAG_WARNING, line, col, fmt, ap);
	va_end(ap);
}

static int
cmp_item(const void *a, const void *b)
{
	const struct diag_item *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/*
 * Insertion sort: stable, so two problems found at one position keep the
 * order the checker found them in (qsort would shuffle them), and n is capped.
 */
static void
sort_items(struct diag *d)
{
	size_t i, j;

	for (i = 1; i < d->n; i++) {
		struct diag_item t = d->items[i];

		for (j = i; j > 0 && cmp_item(&d->items[j - 1], &t) > 0; j--)
			d->items[j] = d->items[j - 1];
		d->items[j] = t;
	}
}

void
diag_print(struct diag *d, FILE *fp)
{
	size_t i;

	sort_items(d);
	for (i = 0; i < d->n; i++) {
		const struct diag_item *it = &d->items[i];
		const char *sev = it->severity == DIAG_ERROR ? "error" : "warning";

		if (it->line > 0)
			fprintf(fp, "%s:%d:%d: %s: %s\n", d->file ? d->file : "-",
			    it->line, it->col > 0 ? it->col : 1, sev, it->msg);
		else
			fprintf(fp, "%s: %s: %s\n", d->file ? d->file : "-", sev,
			    it->msg);
	}
	if (d->dropped > 0)
		fprintf(fp, "%s: note: %d more problems not shown\n",
		    d->file ? d->file : "-", d->dropped);
}

const char *
diag_first(const struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].severity == DIAG_ERROR)
			return d->items[i].msg;
	return NULL;
}
