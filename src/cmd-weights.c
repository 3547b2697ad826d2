/*
 * cmd-weights.c: `lcsurvey weights` — weights that make the estimates the
 * city's: base weights from a sampling frame, the non-response adjustment
 * within weighting classes, the within-household selection factor, then
 * post-stratification or raking to census totals and optional trimming.
 * The result is stored as a run (store-weights.c) that `aggregate` uses;
 * the method is documented in lcsurvey-weights(1).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "calib.h"
#include "cmd.h"
#include "csvio.h"
#include "diag.h"
#include "questionnaire.h"
#include "sec.h"
#include "store.h"
#include "strutil.h"
#include "usage.h"
#include "xmalloc.h"

#define MAX_MARGINS 16

/* ---- CSV files as tables of strings ------------------------------------- */

static void file_error(const char *, long, int, const char *, ...)
    __attribute__((format(printf, 4, 5), noreturn));

struct csvrow {
	long line;
	char **f;
	int n;
};

struct table {
	const char *path;
	char sha[65];
	struct csvrow *rows;	/* rows[0] is the header */
	size_t nrows, cap;
};

static int
tab_field(void *ctx, long line, int col, const char *text, size_t len)
{
	struct table *t = ctx;
	struct csvrow *r;

	if (col == 1) {
		xgrow((void **)&t->rows, &t->cap, t->nrows + 1,
		    sizeof *t->rows);
		r = &t->rows[t->nrows++];
		memset(r, 0, sizeof *r);
		r->line = line;
	}
	r = &t->rows[t->nrows - 1];
	r->f = xrealloc(r->f, (size_t)col * sizeof *r->f);
	r->f[col - 1] = xstrndup(text, len);
	r->n = col;
	return 0;
}

/* Reads a whole CSV file; dies with FILE:LINE:COL on malformed CSV. */
static void
tab_read(struct table *t, const char *path)
{
	struct csvio_handler h = { tab_field, NULL, NULL, t };
	char err[256], *data;
	size_t len = 0, cap = 0, n;
	long line = 0;
	int col = 0;
	FILE *fp;

	memset(t, 0, sizeof *t);
	t->path = path;
	if ((fp = fopen(path, "rb")) == NULL)
		die(EX_NOINPUT, "cannot open '%s': %s", path, strerror(errno));
	/* Hashed as read, for the run's record of its inputs. */
	data = NULL;
	for (;;) {
		xgrow((void **)&data, &cap, len + 65536, 1);
		if ((n = fread(data + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp))
		die(EX_IOERR, "cannot read '%s'", path);
	sec_sha256_hex(data, len, t->sha);
	rewind(fp);
	if (csvio_read(fp, &h, err, sizeof err, &line, &col) != 0)
		file_error(path, line, col, "%s", err);
	fclose(fp);
	free(data);
	if (t->nrows < 2)
		file_error(path, 1, 1, "no rows under the header (one row per "
		    "cell is needed)");
}

static void
tab_free(struct table *t)
{
	size_t i;
	int j;

	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < t->rows[i].n; j++)
			free(t->rows[i].f[j]);
		free(t->rows[i].f);
	}
	free(t->rows);
}

/* Dies with a located message about a file (exit 65, nothing written). */
static void
file_error(const char *path, long line, int col, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	/* As the compiler and `lcsurvey import` put it, for editors. */
	fprintf(stderr, "%s:%ld:%d: error: %s\n", path, line, col,
	    buf_str(&b));
	buf_release(&b);
	exit(EX_DATAERR);
}

static int
tab_col(const struct table *t, const char *name)
{
	int j;

	for (j = 0; j < t->rows[0].n; j++)
		if (strcmp(t->rows[0].f[j], name) == 0)
			return j;
	return -1;
}

static double
tab_number(const struct table *t, size_t r, int j, const char *what)
{
	const struct csvrow *row = &t->rows[r];
	double v;

	if (j >= row->n)
		file_error(t->path, row->line, row->n + 1, "missing %s (the row "
		    "has %d fields, the header %d)", what, row->n,
		    t->rows[0].n);
	if (strutil_parse_decimal(row->f[j], strlen(row->f[j]), &v) < 0)
		file_error(t->path, row->line, j + 1, "%s '%s' is not a "
		    "number", what, row->f[j]);
	return v;
}

/* ---- the interviews --------------------------------------------------------- */

/* Questions whose answers the weighting reads, by question index. */
struct needs {
	int *q;			/* question index */
	int n;
};

static int
need(struct needs *nd, int q)
{
	int i;

	for (i = 0; i < nd->n; i++)
		if (nd->q[i] == q)
			return i;
	nd->q = xrealloc(nd->q, (size_t)(nd->n + 1) * sizeof *nd->q);
	nd->q[nd->n] = q;
	return nd->n++;
}

struct iv {
	char uuid[37];
	int complete;
	char *stratum, *cluster;
	int has_weight;
	double weight;
	double *val;		/* per needed question; NAN: no answer */
};

struct scan {
	const struct questionnaire *qn;
	const struct needs *nd;
	struct iv *ivs;
	size_t n, cap;
};

static int
scan_fn(void *ctx, const struct store_interview *si,
    const struct store_answer *a)
{
	struct scan *sc = ctx;
	struct iv *v;
	int i;

	if (a == NULL) {
		xgrow((void **)&sc->ivs, &sc->cap, sc->n + 1, sizeof *sc->ivs);
		v = &sc->ivs[sc->n++];
		memset(v, 0, sizeof *v);
		memcpy(v->uuid, si->uuid, sizeof v->uuid);
		v->complete = strcmp(si->status, "complete") == 0;
		v->stratum = si->stratum ? xstrdup(si->stratum) : NULL;
		v->cluster = si->cluster ? xstrdup(si->cluster) : NULL;
		v->has_weight = si->has_weight;
		v->weight = si->weight;
		v->val = xcalloc((size_t)sc->nd->n + 1, sizeof *v->val);
		for (i = 0; i < sc->nd->n; i++)
			v->val[i] = NAN;
		return 0;
	}
	if (sc->n == 0 || a->member != 0)
		return 0;
	v = &sc->ivs[sc->n - 1];
	for (i = 0; i < sc->nd->n; i++) {
		if (strcmp(sc->qn->questions[sc->nd->q[i]].id, a->question) != 0)
			continue;
		if (a->value.type == STORE_INT)
			v->val[i] = (double)a->value.i;
		else if (a->value.type == STORE_REAL)
			v->val[i] = a->value.r;
	}
	return 0;
}

/* ---- calibration margins from the totals files ------------------------ */

struct margin {
	struct table t;
	int *var;		/* needed-question slot of each variable column */
	int *col;		/* its column in the file */
	int nvar;
	int tcol;		/* the total column */
	size_t nlevels;		/* the file's data rows */
	double *key;		/* nlevels x nvar values */
	double *total;
	long *count;		/* respondents per level */
	size_t *sorted;		/* levels by key, for the lookup */
};

static const struct margin *cmp_margin;

static int
key_cmp(const double *a, const double *b, int n)
{
	int j;

	for (j = 0; j < n; j++)
		if (a[j] != b[j])
			return a[j] < b[j] ? -1 : 1;
	return 0;
}

static int
level_cmp(const void *va, const void *vb)
{
	const struct margin *m = cmp_margin;
	size_t a = *(const size_t *)va, b = *(const size_t *)vb;

	return key_cmp(&m->key[a * (size_t)m->nvar],
	    &m->key[b * (size_t)m->nvar], m->nvar);
}

/* The level whose key is the interview's values, or -1. */
static long
margin_find(const struct margin *m, const double *val)
{
	double k[MAX_MARGINS];
	size_t lo = 0, hi = m->nlevels, mid;
	int j, c;

	for (j = 0; j < m->nvar; j++)
		k[j] = val[m->var[j]];
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = key_cmp(&m->key[m->sorted[mid] * (size_t)m->nvar], k,
		    m->nvar);
		if (c == 0)
			return (long)m->sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Reads a totals file: the variables (question ids) and `total`. */
static void
margin_read(struct margin *m, const char *path,
    const struct questionnaire *qn, struct needs *nd)
{
	struct table *t = &m->t;
	size_t r;
	int j, q;

	memset(m, 0, sizeof *m);
	tab_read(t, path);
	m->tcol = tab_col(t, "total");
	if (m->tcol < 0)
		file_error(path, t->rows[0].line, 1, "no 'total' column (the "
		    "header names the cell's questions, then 'total')");
	m->var = xcalloc((size_t)t->rows[0].n, sizeof *m->var);
	m->col = xcalloc((size_t)t->rows[0].n, sizeof *m->col);
	for (j = 0; j < t->rows[0].n; j++) {
		const char *id = t->rows[0].f[j];

		if (j == m->tcol)
			continue;
		q = questionnaire_find(qn, id);
		if (q < 0)
			file_error(path, t->rows[0].line, j + 1, "unknown "
			    "question '%s' in the header (columns are question "
			    "ids of '%s', and 'total')", id, qn->id);
		if (qn->questions[q].roster != 0)
			file_error(path, t->rows[0].line, j + 1, "question "
			    "'%s' is in a roster; cells need a question asked "
			    "once per interview", id);
		if (m->nvar == MAX_MARGINS)
			file_error(path, t->rows[0].line, j + 1, "more than "
			    "%d cell questions", MAX_MARGINS);
		m->var[m->nvar] = need(nd, q);
		m->col[m->nvar++] = j;
	}
	if (m->nvar == 0)
		file_error(path, t->rows[0].line, 1, "no cell question in the "
		    "header (e.g. 'sex,agegroup,total')");
	m->nlevels = t->nrows - 1;
	m->key = xcalloc(m->nlevels * (size_t)m->nvar + 1, sizeof *m->key);
	m->total = xcalloc(m->nlevels + 1, sizeof *m->total);
	m->count = xcalloc(m->nlevels + 1, sizeof *m->count);
	m->sorted = xcalloc(m->nlevels + 1, sizeof *m->sorted);
	for (r = 1; r < t->nrows; r++) {
		for (j = 0; j < m->nvar; j++)
			m->key[(r - 1) * (size_t)m->nvar + (size_t)j] =
			    tab_number(t, r, m->col[j], "value");
		m->total[r - 1] = tab_number(t, r, m->tcol, "total");
		if (m->total[r - 1] < 0)
			file_error(path, t->rows[r].line, m->tcol + 1, "negative "
			    "population total %s", t->rows[r].f[m->tcol]);
		m->sorted[r - 1] = r - 1;
	}
	cmp_margin = m;
	qsort(m->sorted, m->nlevels, sizeof *m->sorted, level_cmp);
	for (r = 1; r < m->nlevels; r++)
		if (level_cmp(&m->sorted[r - 1], &m->sorted[r]) == 0) {
			size_t a = m->sorted[r - 1], b = m->sorted[r];

			if (a > b) {
				size_t x = a;

				a = b;
				b = x;
			}
			file_error(path, t->rows[b + 1].line, 1, "the same cell "
			    "as line %ld (each cell once)", t->rows[a + 1].line);
		}
}

static void
margin_free(struct margin *m)
{
	tab_free(&m->t);
	free(m->var);
	free(m->col);
	free(m->key);
	free(m->total);
	free(m->count);
	free(m->sorted);
}

/* "sex=2, agegroup=4" for level l. */
static const char *
level_name(const struct margin *m, size_t l, struct buf *b)
{
	int j;

	buf_reset(b);
	for (j = 0; j < m->nvar; j++)
		buf_addf(b, "%s%s=%s", j ? ", " : "",
		    m->t.rows[0].f[m->col[j]], m->t.rows[l + 1].f[m->col[j]]);
	return buf_str(b);
}

/*
 * Levels with population but no respondents: an error, or with collapse
 * their total goes to the next level in the file that has respondents
 * (the previous one for the last), so order files by similarity.
 */
static void
margin_empty(struct margin *m, int collapse)
{
	struct buf b = BUF_INIT, c = BUF_INIT;
	size_t l, to;

	for (l = 0; l < m->nlevels; l++) {
		if (m->count[l] > 0 || m->total[l] == 0)
			continue;
		if (!collapse)
			file_error(m->t.path, m->t.rows[l + 1].line, m->tcol + 1,
			    "cell %s has a population of %s but no respondents "
			    "(use --empty collapse to merge it with the next "
			    "cell, or merge cells in the file)",
			    level_name(m, l, &b), m->t.rows[l + 1].f[m->tcol]);
		for (to = l + 1; to < m->nlevels && m->count[to] == 0; to++)
			;
		if (to == m->nlevels)
			for (to = l; to-- > 0 && m->count[to] == 0;)
				;
		if (to == (size_t)-1)
			die(EX_DATAERR, "%s: no cell has respondents",
			    m->t.path);
		level_name(m, to, &c);
		fprintf(stderr, "%s:%ld: collapsed cell %s (population %s, no "
		    "respondents) into %s\n", m->t.path, m->t.rows[l + 1].line,
		    level_name(m, l, &b), m->t.rows[l + 1].f[m->tcol],
		    buf_str(&c));
		m->total[to] += m->total[l];
		m->total[l] = 0;
	}
	buf_release(&b);
	buf_release(&c);
}

/* ---- the command ---------------------------------------------------------- */

struct opts {
	const char *db, *survey, *frame, *poststratify;
	const char *rake[MAX_MARGINS];
	int nrake;
	int collapse;
	int trim, strict_trim;
	double trim_lo, trim_hi;
	struct calib_ctl ctl;
};

static void
parse_args(int argc, char **argv, struct opts *o)
{
	const char *v;
	char *end;
	int i;

	memset(o, 0, sizeof *o);
	calib_ctl_init(&o->ctl);
	o->ctl.tol = 1e-10;
	for (i = 1; i < argc; i++) {
		if ((v = cmd_optval("--db", argc, argv, &i)) != NULL)
			o->db = v;
		else if ((v = cmd_optval("--frame", argc, argv, &i)) != NULL)
			o->frame = v;
		else if ((v = cmd_optval("--poststratify", argc, argv, &i)) !=
		    NULL)
			o->poststratify = v;
		else if ((v = cmd_optval("--rake", argc, argv, &i)) != NULL) {
			if (o->nrake == MAX_MARGINS)
				die(EX_USAGE, "at most %d margins", MAX_MARGINS);
			o->rake[o->nrake++] = v;
		} else if ((v = cmd_optval("--empty", argc, argv, &i)) !=
		    NULL) {
			if (strcmp(v, "stop") == 0)
				o->collapse = 0;
			else if (strcmp(v, "collapse") == 0)
				o->collapse = 1;
			else
				die(EX_USAGE, "--empty takes 'stop' or "
				    "'collapse' (not '%s')", v);
		} else if ((v = cmd_optval("--trim", argc, argv, &i)) != NULL) {
			o->trim = 1;
			o->trim_lo = strtod(v, &end);
			if (end == v || *end != ',' ||
			    (o->trim_hi = strtod(end + 1, &end), *end != '\0') ||
			    !(o->trim_lo <= o->trim_hi) || o->trim_lo < 0)
				die(EX_USAGE, "--trim takes LOW,HIGH bounds on "
				    "the weights, LOW <= HIGH (not '%s')", v);
		} else if (strcmp(argv[i], "--strict-trim") == 0)
			o->strict_trim = 1;
		else if ((v = cmd_optval("--tol", argc, argv, &i)) != NULL) {
			o->ctl.tol = strtod(v, &end);
			if (end == v || *end != '\0' || !(o->ctl.tol > 0))
				die(EX_USAGE, "--tol takes a positive number "
				    "(not '%s')", v);
		} else if ((v = cmd_optval("--maxit", argc, argv, &i)) !=
		    NULL) {
			long n = strtol(v, &end, 10);

			if (end == v || *end != '\0' || n < 1 || n > 1000000)
				die(EX_USAGE, "--maxit takes a whole number "
				    "from 1 (not '%s')", v);
			o->ctl.maxit = (int)n;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			die(EX_USAGE, "unknown option '%s' (see 'lcsurvey "
			    "weights --help')", argv[i]);
		else if (o->survey == NULL)
			o->survey = argv[i];
		else
			cmd_usage("weights");
	}
	if (o->db == NULL || o->survey == NULL)
		cmd_usage("weights");
	if (o->poststratify != NULL && o->nrake > 0)
		die(EX_USAGE, "--poststratify and --rake exclude each other");
	if (o->strict_trim && !o->trim)
		die(EX_USAGE, "--strict-trim needs --trim");
}

/* Frame: stratum,cluster,prob (or weight); base weights of every
 * interview, respondent or not. */
static void
frame_weights(const char *path, struct iv *ivs, size_t n, double *w0,
    struct buf *inputs)
{
	struct table t;
	int cs, cc, cp, cw;
	size_t i, r;

	tab_read(&t, path);
	buf_addf(inputs, "frame %s %s\n", path, t.sha);
	cs = tab_col(&t, "stratum");
	cc = tab_col(&t, "cluster");
	cp = tab_col(&t, "prob");
	cw = tab_col(&t, "weight");
	if (cs < 0 || cc < 0 || (cp < 0) == (cw < 0))
		file_error(path, t.rows[0].line, 1, "the header must name "
		    "'stratum', 'cluster' and one of 'prob' and 'weight'");
	for (r = 1; r < t.nrows; r++) {
		double v = tab_number(&t, r, cp >= 0 ? cp : cw,
		    cp >= 0 ? "prob" : "weight");

		if (cp >= 0 ? !(v > 0 && v <= 1) : !(v >= 1))
			file_error(path, t.rows[r].line, (cp >= 0 ? cp : cw) + 1,
			    "%s %s is out of range (%s)", cp >= 0 ? "prob" :
			    "weight", t.rows[r].f[cp >= 0 ? cp : cw], cp >= 0 ?
			    "a probability in (0, 1]" : "at least 1");
		if (cs >= t.rows[r].n || cc >= t.rows[r].n)
			file_error(path, t.rows[r].line, t.rows[r].n, "missing "
			    "stratum or cluster");
	}
	for (i = 0; i < n; i++) {
		for (r = 1; r < t.nrows; r++)
			if (ivs[i].stratum != NULL && ivs[i].cluster != NULL &&
			    strcmp(t.rows[r].f[cs], ivs[i].stratum) == 0 &&
			    strcmp(t.rows[r].f[cc], ivs[i].cluster) == 0)
				break;
		if (r == t.nrows)
			die(EX_DATAERR, "%s: interview %s (stratum '%s', "
			    "cluster '%s') has no row in the frame (add one)",
			    path, ivs[i].uuid, ivs[i].stratum ? ivs[i].stratum :
			    "", ivs[i].cluster ? ivs[i].cluster : "");
		w0[i] = cp >= 0 ? 1 / tab_number(&t, r, cp, "prob") :
		    tab_number(&t, r, cw, "weight");
	}
	tab_free(&t);
}

/* Non-response adjustment within the weighting classes. */
static void
nonresponse(const struct questionnaire *qn, const int *slot,
    struct iv *ivs, size_t n, double *w)
{
	const struct qn_design *dz = &qn->design;
	double *all = xcalloc(n + 1, sizeof *all);
	double *resp = xcalloc(n + 1, sizeof *resp);
	size_t *cls = xcalloc(n + 1, sizeof *cls), i, j, nc = 0;
	int k;

	/* Classes are few: a linear search over the ones seen is enough. */
	for (i = 0; i < n; i++) {
		for (k = 0; k < dz->nweighting_class; k++)
			if (isnan(ivs[i].val[slot[k]]))
				die(EX_DATAERR, "interview %s has no answer to "
				    "'%s', a weighting class question",
				    ivs[i].uuid,
				    qn->questions[dz->weighting_class[k]].id);
		for (j = 0; j < i; j++) {
			for (k = 0; k < dz->nweighting_class; k++)
				if (ivs[j].val[slot[k]] != ivs[i].val[slot[k]])
					break;
			if (k == dz->nweighting_class)
				break;
		}
		cls[i] = j < i ? cls[j] : nc++;
		all[cls[i]] += w[i];
		if (ivs[i].complete)
			resp[cls[i]] += w[i];
	}
	for (i = 0; i < n; i++) {
		if (resp[cls[i]] <= 0) {
			struct buf b = BUF_INIT;

			for (k = 0; k < dz->nweighting_class; k++)
				buf_addf(&b, "%s%s=%.15g", k ? ", " : "",
				    qn->questions[dz->weighting_class[k]].id,
				    ivs[i].val[slot[k]]);
			die(EX_DATAERR, "weighting class %s has non-respondents "
			    "but no respondent (merge it with another class)",
			    buf_str(&b));
		}
		w[i] *= all[cls[i]] / resp[cls[i]];
	}
	free(all);
	free(resp);
	free(cls);
}

/*
 * The command dies (exit 65) from deep inside on bad input. The arrays of
 * a run are held here, reachable, so that LeakSanitizer does not count
 * what exit() releases as lost; a successful run frees them itself.
 */
static void *held[16];

static void *
hold(void *p)
{
	size_t i;

	for (i = 0; i < sizeof held / sizeof held[0]; i++)
		if (held[i] == NULL) {
			held[i] = p;
			break;
		}
	return p;
}

static const char *
fmt_g(double v, char *b, size_t n)
{
	snprintf(b, n, "%.10g", v);
	return b;
}

int
cmd_weights(int argc, char **argv)
{
	struct opts o;
	struct questionnaire *qn;
	struct store *st;
	struct diag d;
	struct needs nd = { NULL, 0 };
	struct scan sc;
	struct margin mg[MAX_MARGINS];
	struct calib_report rep;
	struct store_weight_run run;
	struct buf inputs = BUF_INIT, nm = BUF_INIT;
	const char *files[MAX_MARGINS];
	const char **uuids;
	int64_t qrow = 0, run_id;
	int code, nmg = 0, wslot[QN_MAX_WCLASS], sslot = -1, m, k;
	size_t i, nr = 0, K = 0, *cell, *joint, *lvl = NULL, *nlevels, ntrim = 0;
	double *w, *wr, *tot = NULL, sum = 0, sum2 = 0, lo = INFINITY, hi = 0;
	const char *method = "base";
	char *emsg, g1[32], g2[32], g3[32];

	cmd_maybe_help("weights", argc, argv);
	parse_args(argc, argv, &o);

	diag_init(&d, o.survey);
	qn = questionnaire_load(o.survey, &d, &code);
	diag_print(&d, stderr);
	diag_release(&d);
	if (qn == NULL)
		exit(code);
	buf_addf(&inputs, "questionnaire %s %s\n", o.survey, qn->hash);
	for (k = 0; k < qn->design.nweighting_class; k++)
		wslot[k] = need(&nd, qn->design.weighting_class[k]);
	if (qn->design.selection >= 0)
		sslot = need(&nd, qn->design.selection);

	/* Every input file is read and checked before the database. */
	if (o.poststratify != NULL)
		files[nmg++] = o.poststratify;
	for (k = 0; k < o.nrake; k++)
		files[nmg++] = o.rake[k];
	for (m = 0; m < nmg; m++) {
		margin_read(&mg[m], files[m], qn, &nd);
		buf_addf(&inputs, "%s %s %s\n", o.poststratify ? "totals" :
		    "margin", files[m], mg[m].t.sha);
	}
	if (o.nrake > 0) {
		double t0 = 0, t;

		for (i = 0; i < mg[0].nlevels; i++)
			t0 += mg[0].total[i];
		for (m = 1; m < nmg; m++) {
			for (t = 0, i = 0; i < mg[m].nlevels; i++)
				t += mg[m].total[i];
			if (fabs(t - t0) > 1e-9 * fabs(t0))
				die(EX_DATAERR, "%s: totals sum to %s, but those "
				    "of %s to %s (raking needs margins of the same "
				    "population)", files[m], fmt_g(t, g1, sizeof g1),
				    files[0], fmt_g(t0, g2, sizeof g2));
		}
	}

	if (access(o.db, F_OK) != 0)
		die(EX_NOINPUT, "cannot open database '%s': no such file", o.db);
	if (store_open(&st, o.db, &emsg) < 0)
		die(EX_DATAERR, "%s", emsg);
	if (store_questionnaire_lookup(st, qn->hash, &qrow) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));
	if (qrow == 0)
		die(EX_DATAERR, "'%s' holds no interviews of '%s' version %s as "
		    "it stands in '%s'", o.db, qn->id, qn->version, o.survey);
	memset(&sc, 0, sizeof sc);
	sc.qn = qn;
	sc.nd = &nd;
	if (store_export_scan(st, qrow, 1, scan_fn, &sc) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));

	/* Base weights: the frame's, else the field's, else 1. */
	w = hold(xcalloc(sc.n + 1, sizeof *w));
	if (o.frame != NULL)
		frame_weights(o.frame, sc.ivs, sc.n, w, &inputs);
	else
		for (i = 0; i < sc.n; i++)
			w[i] = sc.ivs[i].has_weight ? sc.ivs[i].weight : 1;
	if (qn->design.nweighting_class > 0)
		nonresponse(qn, wslot, sc.ivs, sc.n, w);

	/* From here on, respondents only. */
	for (i = 0; i < sc.n; i++)
		if (sc.ivs[i].complete) {
			sc.ivs[nr] = sc.ivs[i];
			w[nr++] = w[i];
		} else {
			free(sc.ivs[i].stratum);
			free(sc.ivs[i].cluster);
			free(sc.ivs[i].val);
		}
	if (nr == 0)
		die(EX_DATAERR, "'%s' has no complete interview of '%s'", o.db,
		    qn->id);
	if (sslot >= 0)
		for (i = 0; i < nr; i++) {
			double a = sc.ivs[i].val[sslot];

			if (isnan(a) || a < 1)
				die(EX_DATAERR, "interview %s: '%s' (eligible "
				    "adults) is %s; it must be at least 1",
				    sc.ivs[i].uuid,
				    qn->questions[qn->design.selection].id,
				    isnan(a) ? "unanswered" : fmt_g(a, g1,
				    sizeof g1));
			w[i] *= a;
		}

	/* Each respondent's level in each margin, then its joint cell. */
	cell = hold(xcalloc(nr + 1, sizeof *cell));
	joint = hold(xcalloc((nr + 1) * (size_t)(nmg + 1), sizeof *joint));
	nlevels = hold(xcalloc((size_t)nmg + 1, sizeof *nlevels));
	for (m = 0; m < nmg; m++) {
		nlevels[m] = mg[m].nlevels;
		for (i = 0; i < nr; i++) {
			long l = margin_find(&mg[m], sc.ivs[i].val);

			if (l < 0) {
				for (k = 0; k < mg[m].nvar; k++)
					if (isnan(sc.ivs[i].val[mg[m].var[k]]))
						die(EX_DATAERR, "interview %s has "
						    "no answer to '%s', which %s "
						    "needs", sc.ivs[i].uuid,
						    mg[m].t.rows[0].f[mg[m].col[k]],
						    files[m]);
				buf_reset(&nm);
				for (k = 0; k < mg[m].nvar; k++)
					buf_addf(&nm, "%s%s=%.15g", k ? ", " :
					    "", mg[m].t.rows[0].f[mg[m].col[k]],
					    sc.ivs[i].val[mg[m].var[k]]);
				die(EX_DATAERR, "%s: interview %s is in cell %s, "
				    "which has no row: respondents but no "
				    "population (add the cell's total)", files[m],
				    sc.ivs[i].uuid, buf_str(&nm));
			}
			joint[i * (size_t)nmg + (size_t)m] = (size_t)l;
			mg[m].count[l]++;
		}
		for (i = 0; i < mg[m].nlevels; i++)
			if (mg[m].count[i] > 0 && mg[m].total[i] <= 0)
				file_error(files[m], mg[m].t.rows[i + 1].line,
				    mg[m].tcol + 1, "population total 0 for cell "
				    "%s, which has %ld respondent%s (correct the "
				    "total, or merge the cell with another)",
				    level_name(&mg[m], i, &nm), mg[m].count[i],
				    mg[m].count[i] == 1 ? "" : "s");
		margin_empty(&mg[m], o.collapse);
	}

	/*
	 * Joint cells: the distinct combinations of levels that occur, in
	 * order of first appearance (a hash of the level tuple).
	 */
	if (nmg > 0) {
		size_t tsize = 64, *table, j, h;

		while (tsize < 2 * nr)
			tsize *= 2;
		table = xcalloc(tsize, sizeof *table);
		for (i = 0; i < nr; i++) {
			const size_t *key = &joint[i * (size_t)nmg];

			for (h = 0, m = 0; m < nmg; m++)
				h = (h ^ key[m]) * 0x100000001b3ULL;
			h = (h ^ (h >> 29)) & (tsize - 1);
			for (;; h = (h + 1) & (tsize - 1)) {
				if (table[h] == 0) {
					table[h] = i + 1;
					cell[i] = K++;
					lvl = xrealloc(lvl, K * (size_t)nmg *
					    sizeof *lvl);
					memcpy(&lvl[(K - 1) * (size_t)nmg], key,
					    (size_t)nmg * sizeof *key);
					break;
				}
				j = table[h] - 1;
				if (memcmp(&joint[j * (size_t)nmg], key,
				    (size_t)nmg * sizeof *key) == 0) {
					cell[i] = cell[j];
					break;
				}
			}
		}
		free(table);
	}

	if (o.poststratify != NULL) {
		method = "poststratify";
		/* The post-strata are the file's rows, cells without
		 * respondents included (their total is then 0). */
		for (i = 0; i < nr; i++)
			cell[i] = joint[i];
		free(lvl);
		K = mg[0].nlevels;
		lvl = xcalloc(K + 1, sizeof *lvl);
		for (i = 0; i < K; i++)
			lvl[i] = i;
		if (calib_poststratify(w, cell, nr, mg[0].total, K, &rep) < 0)
			die(EX_DATAERR, "%s: cannot post-stratify (cell %zu)",
			    files[0], rep.bad_level + 1);
	} else if (o.nrake > 0) {
		struct calib_margins cm = { K, (size_t)nmg, nlevels, lvl };
		size_t off = 0;

		method = "rake";
		tot = xcalloc(nr + 1, sizeof *tot);
		for (m = 0; m < nmg; m++)
			off += nlevels[m];
		tot = xrealloc(tot, (off + 1) * sizeof *tot);
		for (off = 0, m = 0; m < nmg; off += nlevels[m++])
			memcpy(tot + off, mg[m].total, nlevels[m] * sizeof *tot);
		if (calib_rake(w, cell, nr, &cm, tot, &o.ctl, &rep) < 0)
			die(EX_DATAERR, "%s: cannot rake (level %zu)",
			    files[rep.bad_margin], rep.bad_level + 1);
		if (!rep.converged)
			warning("raking did not converge in %d sweeps (largest "
			    "change in the last: %.3g, tolerance %.3g): the "
			    "margins are not met; raise --maxit or collapse "
			    "cells", rep.iterations, rep.max_change, o.ctl.tol);
	} else
		memset(&rep, 0, sizeof rep);

	if (o.trim && calib_trim(w, nr, o.trim_lo, o.trim_hi, o.strict_trim,
	    &ntrim) < 0)
		die(EX_DATAERR, "cannot trim to [%s, %s]: every weight is "
		    "outside", fmt_g(o.trim_lo, g1, sizeof g1),
		    fmt_g(o.trim_hi, g2, sizeof g2));

	wr = w;
	for (i = 0; i < nr; i++) {
		sum += wr[i];
		sum2 += wr[i] * wr[i];
		lo = fmin(lo, wr[i]);
		hi = fmax(hi, wr[i]);
	}
	memset(&run, 0, sizeof run);
	run.questionnaire = qrow;
	run.method = method;
	run.inputs = buf_str(&inputs);
	run.iterations = rep.iterations;
	run.max_change = rep.max_change;
	run.converged = strcmp(method, "base") == 0 || rep.converged;
	run.trimmed = (long)ntrim;
	run.ncells = strcmp(method, "base") == 0 ? 0 : K;
	run.nmargins = strcmp(method, "rake") == 0 ? (size_t)nmg :
	    strcmp(method, "poststratify") == 0 ? 1 : 0;
	run.level = lvl;
	uuids = xcalloc(nr + 1, sizeof *uuids);
	for (i = 0; i < nr; i++) {
		uuids[i] = sc.ivs[i].uuid;
		if (run.ncells == 0)
			cell[i] = 0;
	}
	if (store_weights_save(st, &run, nr, uuids, w, cell, &run_id) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));

	printf("weights: %zu respondents, method %s", nr, method);
	if (strcmp(method, "rake") == 0)
		printf(" (%d margins, %zu cells): %d sweeps, largest change in "
		    "the last %.3g, %s\n", nmg, K, rep.iterations,
		    rep.max_change, rep.converged ? "converged" :
		    "NOT converged");
	else if (strcmp(method, "poststratify") == 0)
		printf(" (%zu cells)\n", K);
	else
		printf("\n");
	if (o.trim)
		printf("weights: %zu trimmed to [%s, %s]\n", ntrim,
		    fmt_g(o.trim_lo, g1, sizeof g1),
		    fmt_g(o.trim_hi, g2, sizeof g2));
	/* Kish's design effect of unequal weights, 1 + cv^2. */
	printf("weights: sum %s, min %s, max %s, design effect of weighting "
	    "%.4f\n", fmt_g(sum, g1, sizeof g1), fmt_g(lo, g2, sizeof g2),
	    fmt_g(hi, g3, sizeof g3), (double)nr * sum2 / (sum * sum));
	printf("weights: run %lld stored in %s\n", (long long)run_id, o.db);

	for (i = 0; i < nr; i++) {
		free(sc.ivs[i].stratum);
		free(sc.ivs[i].cluster);
		free(sc.ivs[i].val);
	}
	free(sc.ivs);
	for (m = 0; m < nmg; m++)
		margin_free(&mg[m]);
	free(uuids);
	free(w);
	free(tot);
	free(cell);
	free(joint);
	free(lvl);
	free(nlevels);
	free(nd.q);
	buf_release(&inputs);
	buf_release(&nm);
	store_close(st);
	questionnaire_free(qn);
	return 0;
}
