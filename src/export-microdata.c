/*
 * export-microdata.c: microdata for analysts and for `lcsurvey import`
 * (the layouts are described in export-microdata.h). Every output is
 * derived from one list of variables built from the questionnaire, so the
 * CSV, the codebook and the three scripts always name the same columns.
 */
#include "export-microdata.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "xmalloc.h"

enum var_kind { V_META, V_VALUE, V_DUMMY, V_MISS };

struct var {
	char *name;
	enum var_kind kind;
	int q;		/* question index; meta: which column */
	int choice;	/* V_DUMMY: index in the choice list */
};

static const char *const meta_names[] = {
	"interview", "member", "status", "started_at", "ended_at",
	"enumerator", "design_stratum", "design_cluster", "design_household",
	"design_weight",
};
#define NMETA ((int)(sizeof meta_names / sizeof meta_names[0]))

struct vars {
	struct var *v;
	int n;
	size_t cap;
	int *first;	/* question -> its first variable, -1: none */
	int *miss;	/* question -> its _miss variable, -1: none */
};

static void
add_var(struct vars *vs, char *name, enum var_kind kind, int q, int choice)
{
	xgrow((void **)&vs->v, &vs->cap, (size_t)vs->n + 1, sizeof *vs->v);
	vs->v[vs->n].name = name;
	vs->v[vs->n].kind = kind;
	vs->v[vs->n].q = q;
	vs->v[vs->n].choice = choice;
	vs->n++;
}

static int
has_miss(const struct qn_question *q)
{
	return q->type != QN_CALCULATE &&
	    (q->allow_dont_know || q->allow_refused);
}

static void
vars_build(struct vars *vs, const struct questionnaire *qn)
{
	struct buf b = BUF_INIT;
	int i, k;

	memset(vs, 0, sizeof *vs);
	vs->first = xcalloc((size_t)qn->nquestions + 1, sizeof *vs->first);
	vs->miss = xcalloc((size_t)qn->nquestions + 1, sizeof *vs->miss);
	for (i = 0; i < NMETA; i++)
		add_var(vs, xstrdup(meta_names[i]), V_META, i, 0);
	for (i = 0; i < qn->nquestions; i++) {
		const struct qn_question *q = &qn->questions[i];

		vs->first[i] = vs->miss[i] = -1;
		if (q->type == QN_NOTE)
			continue;
		vs->first[i] = vs->n;
		if (q->type == QN_MULTIPLE) {
			for (k = 0; k < q->choices->nchoices; k++) {
				buf_reset(&b);
				buf_addf(&b, "%s_%ld", q->id,
				    q->choices->choices[k].code);
				add_var(vs, buf_detach(&b), V_DUMMY, i, k);
			}
		} else
			add_var(vs, xstrdup(q->id), V_VALUE, i, 0);
		if (has_miss(q)) {
			vs->miss[i] = vs->n;
			buf_reset(&b);
			buf_addf(&b, "%s_miss", q->id);
			add_var(vs, buf_detach(&b), V_MISS, i, 0);
		}
	}
	buf_release(&b);
}

static void
vars_release(struct vars *vs)
{
	int i;

	for (i = 0; i < vs->n; i++)
		free(vs->v[i].name);
	free(vs->v);
	free(vs->first);
	free(vs->miss);
}

int
export_microdata_check(const struct questionnaire *qn, struct buf *err)
{
	struct vars vs;
	int i, j, ret = 0;

	vars_build(&vs, qn);
	/* Quadratic, but questionnaires have hundreds of columns at most. */
	for (i = 0; i < vs.n && ret == 0; i++)
		for (j = i + 1; j < vs.n && ret == 0; j++)
			if (strcmp(vs.v[i].name, vs.v[j].name) == 0) {
				buf_addf(err, "two export columns would be "
				    "named '%s' (question '%s'); rename the "
				    "question in '%s'", vs.v[j].name,
				    vs.v[j].kind == V_META ? "?" :
				    qn->questions[vs.v[j].q].id, qn->id);
				ret = -1;
			}
	vars_release(&vs);
	return ret;
}

/* ---- values ------------------------------------------------------------- */

/* The shortest decimal form that reads back as the same double. */
static void
add_real(struct buf *b, double r)
{
	char tmp[40];

	snprintf(tmp, sizeof tmp, "%.15g", r);
	if (strtod(tmp, NULL) != r)
		snprintf(tmp, sizeof tmp, "%.17g", r);
	buf_adds(b, tmp);
}

static void
add_value(struct buf *b, const struct store_value *v)
{
	switch (v->type) {
	case STORE_INT:
		buf_addf(b, "%lld", (long long)v->i);
		break;
	case STORE_REAL:
		add_real(b, v->r);
		break;
	case STORE_TEXT:
		buf_add(b, v->text, v->len);
		break;
	case STORE_NULL:
		break;
	}
}

static int
put_row(FILE *fp, struct buf *cells, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0 && fputc(',', fp) == EOF)
			return -1;
		if (csvio_write_field(fp, buf_str(&cells[i]), cells[i].len) < 0)
			return -1;
	}
	return fputs("\r\n", fp) == EOF ? -1 : 0;
}

static int
put_header(FILE *fp, const struct vars *vs)
{
	int i;

	for (i = 0; i < vs->n; i++) {
		if (i > 0 && fputc(',', fp) == EOF)
			return -1;
		if (csvio_write_field(fp, vs->v[i].name,
		    strlen(vs->v[i].name)) < 0)
			return -1;
	}
	return fputs("\r\n", fp) == EOF ? -1 : 0;
}

/* ---- long layout -------------------------------------------------------- */

struct long_ctx {
	FILE *fp;
	const struct questionnaire *qn;
	struct vars vs;
	struct buf *cells;
	char uuid[37];
	int member;		/* of the row being filled; -1: none */
	long rows;
	int werr;
};

static void
fill_meta(struct long_ctx *x, const struct store_interview *iv, int member)
{
	const char *t[NMETA];
	int i;

	for (i = 0; i < x->vs.n; i++)
		buf_reset(&x->cells[i]);
	t[0] = iv->uuid;
	t[1] = NULL;
	t[2] = iv->status;
	t[3] = iv->started_at;
	t[4] = iv->ended_at;
	t[5] = iv->enumerator;
	t[6] = iv->stratum;
	t[7] = iv->cluster;
	t[8] = iv->household;
	t[9] = NULL;
	for (i = 0; i < NMETA; i++)
		if (t[i] != NULL)
			buf_adds(&x->cells[i], t[i]);
	buf_addf(&x->cells[1], "%d", member);
	if (iv->has_weight)
		add_real(&x->cells[9], iv->weight);
}

static void
flush_row(struct long_ctx *x)
{
	if (x->member < 0)
		return;
	if (put_row(x->fp, x->cells, x->vs.n) < 0)
		x->werr = 1;
	x->rows++;
	x->member = -1;
}

static void
set_answer(struct long_ctx *x, int q, const struct store_answer *a)
{
	const struct qn_question *qq = &x->qn->questions[q];
	const struct store_value *v = &a->value;
	int first = x->vs.first[q], k;

	if (first < 0)
		return;
	if (v->missing != NULL) {
		if (x->vs.miss[q] >= 0) {
			buf_reset(&x->cells[x->vs.miss[q]]);
			buf_adds(&x->cells[x->vs.miss[q]],
			    strcmp(v->missing, "refused") == 0 ? "2" : "1");
		}
		return;
	}
	if (qq->type != QN_MULTIPLE) {
		buf_reset(&x->cells[first]);
		add_value(&x->cells[first], v);
		return;
	}
	/* "1 3": every choice's column gets 0 or 1. */
	for (k = 0; k < qq->choices->nchoices; k++) {
		buf_reset(&x->cells[first + k]);
		buf_addc(&x->cells[first + k], '0');
	}
	if (v->type == STORE_TEXT) {
		char *s = xstrndup(v->text, v->len), *p = s, *end;

		for (;;) {
			long code = strtol(p, &end, 10);

			if (end == p)
				break;
			for (k = 0; k < qq->choices->nchoices; k++)
				if (qq->choices->choices[k].code == code)
					x->cells[first + k].s[0] = '1';
			p = end;
		}
		free(s);
	}
}

static int
on_long(void *ctx, const struct store_interview *iv,
    const struct store_answer *a)
{
	struct long_ctx *x = ctx;
	int q;

	if (a == NULL) {
		/* A new interview: its household row, even if empty. */
		flush_row(x);
		memcpy(x->uuid, iv->uuid, sizeof x->uuid);
		fill_meta(x, iv, 0);
		x->member = 0;
		return x->werr;
	}
	if (a->member != x->member) {
		flush_row(x);
		fill_meta(x, iv, a->member);
		x->member = a->member;
	}
	if ((q = questionnaire_find(x->qn, a->question)) >= 0)
		set_answer(x, q, a);
	return x->werr;
}

int
export_microdata_long(FILE *fp, struct store *st,
    const struct questionnaire *qn, int64_t qrow, int all, long *rows,
    struct buf *err)
{
	struct long_ctx x;
	int i, rc;

	memset(&x, 0, sizeof x);
	x.fp = fp;
	x.qn = qn;
	x.member = -1;
	vars_build(&x.vs, qn);
	x.cells = xcalloc((size_t)x.vs.n, sizeof *x.cells);
	rc = put_header(fp, &x.vs) < 0 ? 1 : 0;
	if (rc == 0 && qrow > 0)
		rc = store_export_scan(st, qrow, all, on_long, &x);
	if (rc == 0)
		flush_row(&x);
	if (rc == -1)
		buf_adds(err, store_errmsg(st));
	else if (rc != 0 || x.werr || fflush(fp) == EOF || ferror(fp)) {
		buf_adds(err, "cannot write the CSV file");
		rc = -1;
	}
	*rows = x.rows;
	for (i = 0; i < x.vs.n; i++)
		buf_release(&x.cells[i]);
	free(x.cells);
	vars_release(&x.vs);
	return rc == 0 ? 0 : -1;
}

/* ---- wide layout -------------------------------------------------------- */

struct wide_ctx {
	FILE *fp;
	const struct questionnaire *qn;
	int *maxm;		/* roster -> most members seen */
	int *col;		/* question -> first column, -1: none */
	int ncols;
	struct buf *cells;
	int started;
	long rows;
	int werr;
};

static int
on_count(void *ctx, const struct store_interview *iv,
    const struct store_answer *a)
{
	struct wide_ctx *x = ctx;
	int q, r;

	(void)iv;
	if (a == NULL || a->member == 0 ||
	    (q = questionnaire_find(x->qn, a->question)) < 0)
		return 0;
	r = x->qn->questions[q].roster;
	if (r > 0 && a->member > x->maxm[r - 1] &&
	    a->member <= x->qn->rosters[r - 1].max)
		x->maxm[r - 1] = a->member;
	return 0;
}

static void
wide_flush(struct wide_ctx *x)
{
	int i;

	if (!x->started)
		return;
	if (put_row(x->fp, x->cells, x->ncols) < 0)
		x->werr = 1;
	x->rows++;
	for (i = 0; i < x->ncols; i++)
		buf_reset(&x->cells[i]);
}

static int
on_wide(void *ctx, const struct store_interview *iv,
    const struct store_answer *a)
{
	struct wide_ctx *x = ctx;
	const struct qn_question *qq;
	struct buf *c;
	int q, r;

	(void)iv;
	if (a == NULL) {
		wide_flush(x);
		x->started = 1;
		return x->werr;
	}
	if ((q = questionnaire_find(x->qn, a->question)) < 0 || x->col[q] < 0)
		return 0;
	qq = &x->qn->questions[q];
	r = qq->roster;
	if ((r > 0) != (a->member > 0) ||
	    (r > 0 && a->member > x->maxm[r - 1]))
		return 0;
	c = &x->cells[x->col[q] + (r > 0 ? a->member - 1 : 0)];
	buf_reset(c);
	if (a->value.missing != NULL)
		buf_adds(c, strcmp(a->value.missing, "refused") == 0 ?
		    "refused" : "dk");
	else
		add_value(c, &a->value);
	return x->werr;
}

int
export_microdata_wide(FILE *fp, struct store *st,
    const struct questionnaire *qn, int64_t qrow, int all, long *rows,
    struct buf *err)
{
	struct wide_ctx x;
	struct buf name = BUF_INIT;
	int q, m, i, rc = 0, werr = 0;

	memset(&x, 0, sizeof x);
	x.fp = fp;
	x.qn = qn;
	x.maxm = xcalloc((size_t)qn->nrosters + 1, sizeof *x.maxm);
	x.col = xcalloc((size_t)qn->nquestions + 1, sizeof *x.col);
	if (qrow > 0)
		rc = store_export_scan(st, qrow, all, on_count, &x);
	/* The header: only as many members as some interview has. */
	for (q = 0; rc == 0 && q < qn->nquestions; q++) {
		const struct qn_question *qq = &qn->questions[q];
		int n = qq->roster ? x.maxm[qq->roster - 1] : 1;

		x.col[q] = -1;
		if (qq->type == QN_NOTE || qq->type == QN_CALCULATE || n == 0)
			continue;
		x.col[q] = x.ncols;
		for (m = 1; m <= n; m++) {
			buf_reset(&name);
			if (qq->roster)
				buf_addf(&name, "%s.%d", qq->id, m);
			else
				buf_adds(&name, qq->id);
			if ((x.ncols > 0 && fputc(',', fp) == EOF) ||
			    csvio_write_field(fp, name.s, name.len) < 0)
				werr = 1;
			x.ncols++;
		}
	}
	if (rc == 0 && fputs("\r\n", fp) == EOF)
		werr = 1;
	x.cells = xcalloc((size_t)x.ncols + 1, sizeof *x.cells);
	if (rc == 0 && !werr && qrow > 0)
		rc = store_export_scan(st, qrow, all, on_wide, &x);
	if (rc == 0)
		wide_flush(&x);
	if (rc == -1)
		buf_adds(err, store_errmsg(st));
	else if (rc != 0 || werr || x.werr || fflush(fp) == EOF ||
	    ferror(fp)) {
		buf_adds(err, "cannot write the CSV file");
		rc = -1;
	}
	*rows = x.rows;
	for (i = 0; i < x.ncols; i++)
		buf_release(&x.cells[i]);
	free(x.cells);
	free(x.maxm);
	free(x.col);
	buf_release(&name);
	return rc == 0 ? 0 : -1;
}

/* ---- codebook and scripts ----------------------------------------------- */

static const char *
level(const struct questionnaire *qn, int q)
{
	int r = qn->questions[q].roster;

	return r ? qn->rosters[r - 1].id : "household";
}

static const char *const meta_labels[] = {
	"Interview (UUID)", "Member (0: the household row)",
	"Interview status", "Started (UTC)", "Ended (UTC)", "Enumerator",
	"Design: stratum", "Design: cluster", "Design: household",
	"Design: sampling weight",
};

/* The variable's label, in the questionnaire's first language. */
static void
var_label(const struct questionnaire *qn, const struct var *v, struct buf *b)
{
	const struct qn_question *q;

	buf_reset(b);
	if (v->kind == V_META) {
		buf_adds(b, meta_labels[v->q]);
		return;
	}
	q = &qn->questions[v->q];
	buf_adds(b, q->label[0]);
	if (v->kind == V_DUMMY)
		buf_addf(b, ": %s", q->choices->choices[v->choice].label[0]);
	else if (v->kind == V_MISS)
		buf_adds(b, " (missing code)");
}

/* Whether the variable is numeric in the CSV. */
static int
numeric(const struct questionnaire *qn, const struct var *v)
{
	if (v->kind == V_META)
		return v->q == 1 || v->q == 9;
	if (v->kind != V_VALUE)
		return 1;
	switch (qn->questions[v->q].type) {
	case QN_TEXT:
	case QN_DATE:
	case QN_CALCULATE:	/* may be text */
		return 0;
	default:
		return 1;
	}
}

/* A coded variable's choices, or NULL. */
static const struct qn_choice_list *
codes_of(const struct questionnaire *qn, const struct var *v)
{
	if (v->kind != V_VALUE)
		return NULL;
	switch (qn->questions[v->q].type) {
	case QN_SINGLE:
	case QN_YESNO:
	case QN_RATING:
		return qn->questions[v->q].choices;
	default:
		return NULL;
	}
}

static int
csv_fields(FILE *fp, int n, const char *const *f)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0 && fputc(',', fp) == EOF)
			return -1;
		if (csvio_write_field(fp, f[i] ? f[i] : "",
		    f[i] ? strlen(f[i]) : 0) < 0)
			return -1;
	}
	return fputs("\r\n", fp) == EOF ? -1 : 0;
}

static int
finish(FILE *fp, struct buf *err, const char *what)
{
	if (fflush(fp) == EOF || ferror(fp)) {
		buf_addf(err, "cannot write the %s", what);
		return -1;
	}
	return 0;
}

int
export_microdata_codebook(FILE *fp, const struct questionnaire *qn,
    struct buf *err)
{
	static const char *const head[] = { "variable", "question", "level",
		"type", "label", "code", "code_label" };
	struct vars vs;
	struct buf lab = BUF_INIT, code = BUF_INIT;
	const struct qn_choice_list *cl;
	int i, k, bad;

	vars_build(&vs, qn);
	bad = csv_fields(fp, 7, head);
	for (i = 0; i < vs.n && bad == 0; i++) {
		const struct var *v = &vs.v[i];
		const char *f[7];

		var_label(qn, v, &lab);
		f[0] = v->name;
		f[1] = v->kind == V_META ? "" : qn->questions[v->q].id;
		f[2] = v->kind == V_META ? "" : level(qn, v->q);
		f[3] = v->kind == V_META ? (numeric(qn, v) ? "number" : "text") :
		    v->kind == V_DUMMY ? "choice 0/1" : v->kind == V_MISS ?
		    "missing code" :
		    questionnaire_type_name(qn->questions[v->q].type);
		f[4] = buf_str(&lab);
		f[5] = f[6] = "";
		bad = csv_fields(fp, 7, f);
		if (v->kind == V_MISS) {
			static const char *const dk[] = { "", "", "", "", "",
				"1", "don't know" };
			static const char *const rf[] = { "", "", "", "", "",
				"2", "refused" };
			const char *row[7];

			memcpy(row, dk, sizeof row);
			row[0] = v->name;
			if (bad == 0)
				bad = csv_fields(fp, 7, row);
			memcpy(row, rf, sizeof row);
			row[0] = v->name;
			if (bad == 0)
				bad = csv_fields(fp, 7, row);
		}
		if ((cl = codes_of(qn, v)) == NULL)
			continue;
		for (k = 0; k < cl->nchoices && bad == 0; k++) {
			const char *row[7] = { v->name, "", "", "", "", NULL,
				cl->choices[k].label[0] };

			buf_reset(&code);
			buf_addf(&code, "%ld", cl->choices[k].code);
			row[5] = code.s;
			bad = csv_fields(fp, 7, row);
		}
	}
	buf_release(&lab);
	buf_release(&code);
	vars_release(&vs);
	if (bad) {
		buf_adds(err, "cannot write the codebook");
		return -1;
	}
	return finish(fp, err, "codebook");
}

/* A string literal: Stata's compound quotes need no escaping. */
static void
stata_str(FILE *fp, const char *s)
{
	fprintf(fp, "`\"%s\"'", s);
}

int
export_microdata_stata(FILE *fp, const struct questionnaire *qn,
    const char *csvname, struct buf *err)
{
	struct vars vs;
	struct buf lab = BUF_INIT;
	const struct qn_choice_list *cl;
	int i, k;

	vars_build(&vs, qn);
	fprintf(fp, "* %s version %s: microdata exported by lcsurvey.\n"
	    "* Don't know and refused are the extended missing values .a and "
	    ".b\n* of numeric questions, and 1/2 in the ID_miss columns.\n",
	    qn->id, qn->version);
	fputs("import delimited using ", fp);
	stata_str(fp, csvname);
	fputs(", varnames(1) case(preserve) encoding(utf-8) "
	    "bindquote(strict) stringcols(1 3/9) clear\n", fp);
	fputs("label define lcs_miss 1 `\"don't know\"' 2 `\"refused\"'\n", fp);
	for (i = 0; i < vs.n; i++) {
		const struct var *v = &vs.v[i];

		var_label(qn, v, &lab);
		fprintf(fp, "label variable %s ", v->name);
		stata_str(fp, lab.s);
		fputc('\n', fp);
		if (v->kind == V_MISS) {
			fprintf(fp, "label values %s lcs_miss\n", v->name);
			if (numeric(qn, &vs.v[vs.first[v->q]]) &&
			    qn->questions[v->q].type != QN_MULTIPLE) {
				const char *n = qn->questions[v->q].id;

				fprintf(fp, "replace %s = .a if %s == 1\n"
				    "replace %s = .b if %s == 2\n", n, v->name,
				    n, v->name);
			}
		}
		if ((cl = codes_of(qn, v)) == NULL)
			continue;
		fprintf(fp, "label define %s", v->name);
		for (k = 0; k < cl->nchoices; k++) {
			fprintf(fp, " %ld ", cl->choices[k].code);
			stata_str(fp, cl->choices[k].label[0]);
		}
		fprintf(fp, " .a `\"don't know\"' .b `\"refused\"'\n"
		    "label values %s %s\n", v->name, v->name);
	}
	buf_release(&lab);
	vars_release(&vs);
	return finish(fp, err, "Stata script");
}

/* An SPSS string literal: single quotes, doubled inside. */
static void
spss_str(FILE *fp, const char *s)
{
	fputc('\'', fp);
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			fputc('\'', fp);
		fputc(*s, fp);
	}
	fputc('\'', fp);
}

/* The SPSS input format of a variable. */
static const char *
spss_format(const struct questionnaire *qn, const struct var *v)
{
	if (v->kind == V_META)
		return v->q == 0 ? "A36" : v->q == 1 ? "F4.0" :
		    v->q == 9 ? "F20.8" : v->q == 2 ? "A9" : v->q <= 4 ?
		    "A24" : "A100";
	if (v->kind != V_VALUE)
		return "F1.0";
	switch (qn->questions[v->q].type) {
	case QN_TEXT:
	case QN_CALCULATE:
		return "A1000";
	case QN_DATE:
		return "A10";
	case QN_DECIMAL:
		return "F20.8";
	default:
		return "F12.0";
	}
}

int
export_microdata_spss(FILE *fp, const struct questionnaire *qn,
    const char *csvname, struct buf *err)
{
	struct vars vs;
	struct buf lab = BUF_INIT;
	const struct qn_choice_list *cl;
	int i, k;

	vars_build(&vs, qn);
	fprintf(fp, "* %s version %s: microdata exported by lcsurvey.\n"
	    "* Don't know and refused are empty (system-missing) values, "
	    "and 1/2 in the ID_miss columns.\n", qn->id, qn->version);
	fputs("GET DATA /TYPE=TXT /FILE=", fp);
	spss_str(fp, csvname);
	fputs(" /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED /DELCASE=LINE "
	    "/FIRSTCASE=2 /DELIMITERS=',' /QUALIFIER='\"'\n  /VARIABLES=\n",
	    fp);
	for (i = 0; i < vs.n; i++)
		fprintf(fp, "  %s %s\n", vs.v[i].name, spss_format(qn,
		    &vs.v[i]));
	fputs(".\nVARIABLE LABELS\n", fp);
	for (i = 0; i < vs.n; i++) {
		var_label(qn, &vs.v[i], &lab);
		fprintf(fp, "  %s ", vs.v[i].name);
		spss_str(fp, lab.s);
		fputs(i + 1 < vs.n ? "\n" : ".\n", fp);
	}
	fputs("VALUE LABELS\n", fp);
	for (i = 0, k = 0; i < vs.n; i++) {
		const struct var *v = &vs.v[i];
		int j;

		if (v->kind == V_MISS) {
			fprintf(fp, "%s  %s 1 'don''t know' 2 'refused'\n",
			    k++ ? "  /" : "", v->name);
			continue;
		}
		if ((cl = codes_of(qn, v)) == NULL)
			continue;
		fprintf(fp, "%s  %s", k++ ? "  /" : "", v->name);
		for (j = 0; j < cl->nchoices; j++) {
			fprintf(fp, " %ld ", cl->choices[j].code);
			spss_str(fp, cl->choices[j].label[0]);
		}
		fputc('\n', fp);
	}
	fputs(".\nEXECUTE.\n", fp);
	buf_release(&lab);
	vars_release(&vs);
	return finish(fp, err, "SPSS syntax");
}

/* An R string literal. */
static void
r_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

int
export_microdata_r(FILE *fp, const struct questionnaire *qn,
    const char *csvname, struct buf *err)
{
	struct vars vs;
	struct buf lab = BUF_INIT;
	const struct qn_choice_list *cl;
	int i, k;

	vars_build(&vs, qn);
	fprintf(fp, "# %s version %s: microdata exported by lcsurvey.\n"
	    "# Don't know and refused are NA, and 1/2 in the ID_miss "
	    "columns (factors).\n", qn->id, qn->version);
	fputs("d <- read.csv(", fp);
	r_str(fp, csvname);
	fputs(", na.strings = \"\", stringsAsFactors = FALSE,\n"
	    "    fileEncoding = \"UTF-8\", check.names = FALSE)\n", fp);
	for (i = 0; i < vs.n; i++) {
		const struct var *v = &vs.v[i];

		if (v->kind == V_MISS)
			fprintf(fp, "d[[\"%s\"]] <- factor(d[[\"%s\"]], levels = "
			    "c(1, 2), labels = c(\"don't know\", "
			    "\"refused\"))\n", v->name, v->name);
		else if ((cl = codes_of(qn, v)) != NULL) {
			fprintf(fp, "d[[\"%s\"]] <- factor(d[[\"%s\"]], "
			    "levels = c(", v->name, v->name);
			for (k = 0; k < cl->nchoices; k++)
				fprintf(fp, "%s%ld", k ? ", " : "",
				    cl->choices[k].code);
			fputs("),\n    labels = c(", fp);
			for (k = 0; k < cl->nchoices; k++) {
				if (k)
					fputs(", ", fp);
				r_str(fp, cl->choices[k].label[0]);
			}
			fputs("))\n", fp);
		}
		var_label(qn, v, &lab);
		fprintf(fp, "attr(d[[\"%s\"]], \"label\") <- ", v->name);
		r_str(fp, lab.s);
		fputc('\n', fp);
	}
	buf_release(&lab);
	vars_release(&vs);
	return finish(fp, err, "R script");
}
