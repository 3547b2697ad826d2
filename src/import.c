/*
 * import.c: wide CSV microdata into the store (see import.h for the
 * format). Every row is checked as the interview engine would check typed
 * answers; the first problem stops the writing (the transaction is rolled
 * back at the end) but not the checking, so one run lists every bad cell.
 */
#include "import.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "csvio.h"
#include "record.h"
#include "strutil.h"
#include "xmalloc.h"

struct column {
	int q;		/* question index */
	int member;	/* 0 outside rosters */
};

struct imp {
	const struct questionnaire *qn;
	struct store *st;
	struct diag *d;
	const void *src;
	size_t srclen;
	struct store_import *im;
	struct record *rec;
	struct column *cols;
	int ncols;
	size_t capcols;
	int width;		/* members per question in colof: max + 1 */
	int *colof;		/* (q, member) -> 1-based column, 0: none */
	struct column *order;	/* what to write, in the table's key order */
	int norder;
	int header_done, header_bad;
	int row_bad, failed;
	long line;		/* of the record being read */
	struct buf scratch, design[3];
	struct import_stats *stats;
	const struct import_opts *o;
};

static int
slot(const struct imp *x, int q, int member)
{
	return q * x->width + member;
}

static void
bad(struct imp *x, long line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
bad(struct imp *x, long line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(x->d, DIAG_ERROR, (int)line, col, fmt, ap);
	va_end(ap);
	x->row_bad = 1;
	x->failed = 1;
}

/* ---- the header ----------------------------------------------------------- */

static void
header_field(struct imp *x, long line, int col, const char *name, size_t len)
{
	const struct questionnaire *qn = x->qn;
	const char *dot = memchr(name, '.', len);
	struct column c = { -1, 0 };
	char *id;
	int q;

	xgrow((void **)&x->cols, &x->capcols, (size_t)col,
	    sizeof *x->cols);
	x->ncols = col;
	x->cols[col - 1] = c;
	if (len == 0 || memchr(name, '\0', len) != NULL ||
	    !strutil_utf8_valid(name, len)) {
		bad(x, line, col, "column %d: empty or invalid name", col);
		x->header_bad = 1;
		return;
	}
	id = xstrndup(name, dot ? (size_t)(dot - name) : len);
	q = questionnaire_find(qn, id);
	if (q >= 0 && dot != NULL && qn->questions[q].roster) {
		char *end;
		long m;

		errno = 0;
		m = strtol(dot + 1, &end, 10);
		if (end == dot + 1 || *end != '\0' || dot[1] == '+' ||
		    dot[1] == '-' || m < 1 ||
		    m > qn->rosters[qn->questions[q].roster - 1].max) {
			bad(x, line, col, "column '%s': member number must be "
			    "1 to %d", name, qn->rosters[
			    qn->questions[q].roster - 1].max);
			q = -2;
		} else
			c.member = (int)m;
	} else if (q >= 0 && qn->questions[q].roster) {
		bad(x, line, col, "column '%s': '%s' is asked per member of a "
		    "roster; name the columns '%s.1', '%s.2', ...", name, id, id,
		    id);
		q = -2;
	} else if (q >= 0 && dot != NULL)
		q = -1;
	if (q == -1)
		bad(x, line, col, "unknown column '%s' (not a question of '%s')",
		    name, qn->id);
	else if (q >= 0 && (qn->questions[q].type == QN_CALCULATE ||
	    qn->questions[q].type == QN_NOTE)) {
		bad(x, line, col, "column '%s': '%s' is %s, not an answer; "
		    "leave the column out", name, id, qn->questions[q].type ==
		    QN_CALCULATE ? "calculated" : "a note");
		q = -2;
	}
	if (q >= 0) {
		c.q = q;
		if (x->colof[slot(x, q, c.member)] != 0) {
			bad(x, line, col, "column '%s' appears twice (first "
			    "as column %d)", name,
			    x->colof[slot(x, q, c.member)]);
		} else {
			x->colof[slot(x, q, c.member)] = col;
			x->cols[col - 1] = c;
		}
	}
	if (q < 0)
		x->header_bad = 1;
	free(id);
}

static const struct questionnaire *order_qn;

static int
order_cmp(const void *va, const void *vb)
{
	const struct column *a = va, *b = vb;

	if (a->member != b->member)
		return a->member < b->member ? -1 : 1;
	return strcmp(order_qn->questions[a->q].id,
	    order_qn->questions[b->q].id);
}

/* The answers to write for every row: the columns and every calculation,
 * sorted like the answers table's key so that rows are appended. */
static void
make_order(struct imp *x)
{
	const struct questionnaire *qn = x->qn;
	size_t cap = 0;
	int i, q, m;

	for (i = 0; i < x->ncols; i++) {
		if (x->cols[i].q < 0)
			continue;
		xgrow((void **)&x->order, &cap, (size_t)x->norder + 1,
		    sizeof *x->order);
		x->order[x->norder++] = x->cols[i];
	}
	for (q = 0; q < qn->nquestions; q++) {
		int r = qn->questions[q].roster;
		int lo = r ? 1 : 0, hi = r ? qn->rosters[r - 1].max : 0;

		if (qn->questions[q].type != QN_CALCULATE)
			continue;
		for (m = lo; m <= hi; m++) {
			xgrow((void **)&x->order, &cap, (size_t)x->norder + 1,
			    sizeof *x->order);
			x->order[x->norder].q = q;
			x->order[x->norder++].member = m;
		}
	}
	/* qsort has no context argument; the import is single-threaded. */
	order_qn = qn;
	if (x->norder > 0)
		qsort(x->order, (size_t)x->norder, sizeof *x->order, order_cmp);
}

/* ---- one value --------------------------------------------------------------- */

static void
check_value(struct imp *x, long line, int col, const struct qn_question *q,
    const char *text, size_t len)
{
	struct column c = x->cols[col - 1];
	struct expr_value v;
	char err[256];
	const char *name = q->id;

	if (memchr(text, '\0', len) != NULL || !strutil_utf8_valid(text, len)) {
		bad(x, line, col, "column '%s': invalid UTF-8", name);
		return;
	}
	if (answer_parse(q, text, &v, err, sizeof err) < 0) {
		bad(x, line, col, "column '%s': %s", name, err);
		return;
	}
	if (v.kind == EXPR_V_NULL) {
		if ((v.missing == EXPR_DONT_KNOW && !q->allow_dont_know) ||
		    (v.missing == EXPR_REFUSED && !q->allow_refused)) {
			bad(x, line, col, "column '%s': '%s' is not allowed "
			    "for this question", name, text);
			return;
		}
		if (v.missing == EXPR_UNANSWERED)
			return;
	}
	if (v.kind == EXPR_V_NUMBER && (q->type == QN_INTEGER ||
	    q->type == QN_DECIMAL)) {
		if (q->has_min && v.num < q->min) {
			bad(x, line, col, "column '%s': %s is below the minimum "
			    "%.15g", name, text, q->min);
			return;
		}
		if (q->has_max && v.num > q->max) {
			bad(x, line, col, "column '%s': %s is above the maximum "
			    "%.15g", name, text, q->max);
			return;
		}
	}
	if (v.kind == EXPR_V_DATE && ((q->has_min && v.date < q->min) ||
	    (q->has_max && v.date > q->max))) {
		bad(x, line, col, "column '%s': %s is outside the allowed "
		    "dates", name, text);
		return;
	}
	if (v.kind == EXPR_V_TEXT && q->max_length > 0 &&
	    strutil_utf8_len(text, len) > (size_t)q->max_length) {
		bad(x, line, col, "column '%s': longer than %d characters",
		    name, q->max_length);
		return;
	}
	record_set(x->rec, c.q, c.member, &v);
}

static int
is_set(const struct expr_value *v)
{
	return v->kind != EXPR_V_NULL || v->missing != EXPR_UNANSWERED;
}

/*
 * Walks the questions in order as the engine does: an answer where the
 * engine would not have asked is refused, calculations are computed where
 * it would compute them.
 */
static void
check_row(struct imp *x, long line)
{
	const struct questionnaire *qn = x->qn;
	struct expr_value v;
	int q, m;

	for (q = 0; q < qn->nquestions; q++) {
		const struct qn_question *qq = &qn->questions[q];
		int r = qq->roster, n = 0, hi = 0;

		if (qq->type == QN_NOTE)
			continue;
		if (r) {
			n = record_members(x->rec, r);
			hi = qn->rosters[r - 1].max;
		}
		for (m = r ? 1 : 0; m <= hi; m++) {
			int col = x->colof[slot(x, q, m)];

			if (qq->type == QN_CALCULATE) {
				if ((r && m > n) || !record_relevant(x->rec, q, m))
					continue;
				record_eval(x->rec, qq->calculate, m, &v);
				if (v.kind != EXPR_V_NULL)
					record_set(x->rec, q, m, &v);
				continue;
			}
			if (col == 0)
				continue;
			record_get(x->rec, q, m, &v);
			if (!is_set(&v))
				continue;
			if (r && m > n)
				bad(x, line, col, "column '%s.%d': the roster "
				    "has %d member%s in this row", qq->id, m, n,
				    n == 1 ? "" : "s");
			else if (!record_relevant(x->rec, q, m))
				bad(x, line, col, "column '%s': answered, but "
				    "the question does not apply to this "
				    "respondent (see its 'relevant')",
				    qq->id);
		}
	}
}

/* The design field of question q as the session records it; NULL when
 * unset. */
static const char *
design_text(struct imp *x, int q, struct buf *b)
{
	struct expr_value v;

	buf_reset(b);
	if (q < 0)
		return NULL;
	record_get(x->rec, q, 0, &v);
	if (v.kind == EXPR_V_NULL)
		return NULL;
	answer_format(&x->qn->questions[q], &v, -1, b);
	return buf_str(b);
}

static int
begin(struct imp *x)
{
	if (x->im != NULL)
		return 0;
	if (store_import_begin(x->st, x->qn->id, x->qn->version, x->qn->hash,
	    x->src, x->srclen, NULL, &x->im) < 0) {
		bad(x, 0, 0, "%s", store_errmsg(x->st));
		return -1;
	}
	return 0;
}

/*
 * A storage failure is not the row's fault, and rows are written in
 * batches, so its message carries no line: it is an I/O error (exit 74),
 * not bad data.
 */
static void
write_row(struct imp *x)
{
	const struct qn_design *dz = &x->qn->design;
	const char *st, *cl, *hh;
	struct expr_value v;
	double w = 0;
	int i, has_w = 0;

	if (begin(x) < 0)
		return;
	st = design_text(x, dz->stratum, &x->design[0]);
	cl = design_text(x, dz->cluster, &x->design[1]);
	hh = design_text(x, dz->household, &x->design[2]);
	if (dz->weight >= 0) {
		record_get(x->rec, dz->weight, 0, &v);
		if (v.kind == EXPR_V_NUMBER && v.num > 0) {
			w = v.num;
			has_w = 1;
		}
	}
	if (store_import_interview(x->im, st, cl, hh, has_w ? &w : NULL,
	    NULL) < 0) {
		bad(x, 0, 0, "%s", store_errmsg(x->st));
		return;
	}
	for (i = 0; i < x->norder; i++) {
		const struct column *c = &x->order[i];
		const struct qn_question *q = &x->qn->questions[c->q];
		struct store_value sv;

		record_get(x->rec, c->q, c->member, &v);
		if (!is_set(&v))
			continue;
		buf_reset(&x->scratch);
		record_to_store(q, &v, &sv, &x->scratch);
		if (store_import_answer(x->im, c->member, q->id, &sv) < 0) {
			bad(x, 0, 0, "%s", store_errmsg(x->st));
			return;
		}
		x->stats->answers++;
	}
	x->stats->rows++;
}

/* ---- csvio callbacks ------------------------------------------------------- */

static int
too_many(const struct imp *x)
{
	/* Past the diagnostics cap, reading on only costs time. */
	return x->d->dropped > 0;
}

static int
on_field(void *ctx, long line, int col, const char *text, size_t len)
{
	struct imp *x = ctx;

	if (!x->header_done) {
		header_field(x, line, col, text, len);
		return 0;
	}
	if (col == 1) {
		record_reset(x->rec);
		x->row_bad = 0;
	}
	if (col > x->ncols) {
		if (col == x->ncols + 1)
			bad(x, line, col, "too many fields: the header has "
			    "%d", x->ncols);
		return too_many(x);
	}
	if (len == 0 || x->cols[col - 1].q < 0)
		return 0;
	check_value(x, line, col, &x->qn->questions[x->cols[col - 1].q], text,
	    len);
	return too_many(x);
}

static int
on_record(void *ctx, long line, int nfields)
{
	struct imp *x = ctx;

	if (!x->header_done) {
		x->header_done = 1;
		if (x->header_bad)
			return 1;	/* every row would fail the same way */
		make_order(x);
		return 0;
	}
	if (nfields < x->ncols)
		bad(x, line, nfields + 1, "too few fields: %d of the header's "
		    "%d", nfields, x->ncols);
	if (!x->row_bad)
		check_row(x, line);
	if (!x->row_bad && !x->failed)
		write_row(x);
	x->row_bad = 0;
	return too_many(x);
}

static void
on_progress(void *ctx, long long done, long long total)
{
	struct imp *x = ctx;

	x->o->progress(x->o->progress_ctx, done, total);
}

int
import_csv(struct store *st, const struct questionnaire *qn, const void *src,
    size_t len, FILE *fp, const struct import_opts *o,
    struct import_stats *stats, struct diag *d)
{
	struct csvio_handler h;
	struct imp x;
	char err[256];
	long eline;
	int i, r, ecol, rc, maxm = 0;

	memset(stats, 0, sizeof *stats);
	memset(&x, 0, sizeof x);
	x.qn = qn;
	x.st = st;
	x.d = d;
	x.src = src;
	x.srclen = len;
	x.stats = stats;
	x.o = o;
	x.rec = record_new(qn);
	for (r = 0; r < qn->nrosters; r++)
		if (qn->rosters[r].max > maxm)
			maxm = qn->rosters[r].max;
	x.width = maxm + 1;
	x.colof = xcalloc((size_t)qn->nquestions * (size_t)x.width + 1,
	    sizeof *x.colof);
	buf_init(&x.scratch);
	for (i = 0; i < 3; i++)
		buf_init(&x.design[i]);

	memset(&h, 0, sizeof h);
	h.field = on_field;
	h.record = on_record;
	h.progress = o != NULL && o->progress != NULL ? on_progress : NULL;
	h.ctx = &x;
	rc = csvio_read(fp, &h, err, sizeof err, &eline, &ecol);
	if (rc == -1)
		bad(&x, eline, ecol, "%s", err);
	else if (!x.header_done && !x.failed)
		bad(&x, 1, 1, "no header row: the first row names the columns");
	if (!x.failed && begin(&x) == 0) {
		if (store_import_commit(x.im) < 0)
			bad(&x, 0, 0, "%s", store_errmsg(st));
		x.im = NULL;	/* freed by the commit either way */
	}
	store_import_abort(x.im);	/* after a failure: nothing written */
	if (x.failed)
		memset(stats, 0, sizeof *stats);

	record_free(x.rec);
	free(x.cols);
	free(x.colof);
	free(x.order);
	buf_release(&x.scratch);
	for (i = 0; i < 3; i++)
		buf_release(&x.design[i]);
	return x.failed ? -1 : 0;
}
