/*
 * field-report.c: the supervisor's evening table (see field-report.h).
 * The store hands over interviews and answers already grouped by day and
 * enumerator; the medians are computed here, group by group.
 */
#include "field-report.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
field_report_median(double *v, int n)
{
	if (n <= 0)
		return -1;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* A growable array of doubles. */
struct vals {
	double *v;
	int n;
	size_t cap;
};

static void
vals_add(struct vals *a, double x)
{
	xgrow((void **)&a->v, &a->cap, (size_t)a->n + 1, sizeof *a->v);
	a->v[a->n++] = x;
}

struct ctx {
	struct field_report *r;
	struct vals durations;
	/* The answers' pass. */
	int row;		/* current row, -1 before the first */
	char *question;		/* being collected */
	struct vals seconds;
};

static struct field_report_row *
last(struct field_report *r)
{
	return r->n > 0 ? &r->rows[r->n - 1] : NULL;
}

static void
close_row(struct ctx *x)
{
	struct field_report_row *row = last(x->r);

	if (row != NULL)
		row->median_minutes = x->durations.n > 0 ?
		    field_report_median(x->durations.v, x->durations.n) / 60 :
		    -1;
	x->durations.n = 0;
}

static int
on_interview(void *ctx, const struct store_report_interview *iv)
{
	struct ctx *x = ctx;
	struct field_report *r = x->r;
	struct field_report_row *row = last(r);

	if (row == NULL || strcmp(row->day, iv->day) != 0 ||
	    strcmp(row->enumerator, iv->enumerator) != 0) {
		close_row(x);
		xgrow((void **)&r->rows, &r->cap, (size_t)r->n + 1,
		    sizeof *r->rows);
		row = &r->rows[r->n++];
		memset(row, 0, sizeof *row);
		row->day = xstrdup(iv->day);
		row->enumerator = xstrdup(iv->enumerator);
	}
	if (strcmp(iv->status, "complete") == 0) {
		row->complete++;
		if (iv->duration >= 0)
			vals_add(&x->durations, iv->duration);
	} else if (strcmp(iv->status, "abandoned") == 0)
		row->abandoned++;
	else
		row->partial++;
	return 0;
}

/* The question collected so far competes for the row's slowest. */
static void
close_question(struct ctx *x)
{
	struct field_report_row *row;
	double med;
	int i, j;

	if (x->question == NULL || x->row < 0)
		goto out;
	row = &x->r->rows[x->row];
	if ((med = field_report_median(x->seconds.v, x->seconds.n)) < 0)
		goto out;
	for (i = 0; i < row->nslow && row->slow[i].median_seconds >= med; i++)
		;
	if (i >= FIELD_REPORT_SLOW)
		goto out;
	if (row->nslow == FIELD_REPORT_SLOW)
		free(row->slow[--row->nslow].question);
	for (j = row->nslow; j > i; j--)
		row->slow[j] = row->slow[j - 1];
	row->slow[i].question = x->question;
	row->slow[i].median_seconds = med;
	row->nslow++;
	x->question = NULL;
out:
	free(x->question);
	x->question = NULL;
	x->seconds.n = 0;
}

static int
on_answer(void *ctx, const struct store_report_answer *a)
{
	struct ctx *x = ctx;
	struct field_report_row *row;

	/* Both passes come in (day, enumerator) order: move forward. */
	while (x->row < 0 || strcmp(x->r->rows[x->row].day, a->day) != 0 ||
	    strcmp(x->r->rows[x->row].enumerator, a->enumerator) != 0) {
		close_question(x);
		if (x->row + 1 >= x->r->n)
			return 0;	/* written meanwhile: next time */
		x->row++;
	}
	row = &x->r->rows[x->row];
	if (x->question == NULL || strcmp(x->question, a->question) != 0) {
		close_question(x);
		x->question = xstrdup(a->question);
	}
	row->answers++;
	if (a->missing != NULL && strcmp(a->missing, "dont_know") == 0)
		row->dont_know++;
	if (a->seconds >= 0)
		vals_add(&x->seconds, a->seconds);
	return 0;
}

int
field_report_build(struct store *st, struct field_report *r,
    struct buf *err)
{
	struct ctx x;
	int rc;

	memset(r, 0, sizeof *r);
	memset(&x, 0, sizeof x);
	x.r = r;
	x.row = -1;
	rc = store_report_interviews(st, on_interview, &x);
	close_row(&x);
	if (rc == 0)
		rc = store_report_answers(st, on_answer, &x);
	close_question(&x);
	free(x.durations.v);
	free(x.seconds.v);
	if (rc != 0) {
		buf_adds(err, store_errmsg(st));
		field_report_release(r);
		return -1;
	}
	return 0;
}

void
field_report_release(struct field_report *r)
{
	int i, j;

	for (i = 0; i < r->n; i++) {
		free(r->rows[i].day);
		free(r->rows[i].enumerator);
		for (j = 0; j < r->rows[i].nslow; j++)
			free(r->rows[i].slow[j].question);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}
