/*
 * test_stats.c: stats.c against R's survey package (tests/stats/, see
 * reference.R for the options matched) and against numbers worked by hand.
 */
#include "testutil.h"

#include <math.h>

#include "stats.h"
#include "xmalloc.h"

#include "../stats/expected.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* tests/stats/data.csv, NAN for an empty field. */
enum { C_ID, C_STRATUM, C_CLUSTER, C_WEIGHT, C_SEX, C_SMOKER, C_INCOME,
	C_SPEND, C_RATING, NCOL };

struct data {
	double (*row)[NCOL];
	size_t n;
};

static void
data_load(struct data *d)
{
	char path[4096], line[1024], *p, *end;
	size_t cap = 0, col;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/stats/data.csv", test_top());
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open '%s'", path);
	d->row = NULL;
	d->n = 0;
	assert_non_null(fgets(line, sizeof line, f));	/* header */
	while (fgets(line, sizeof line, f) != NULL) {
		xgrow((void **)&d->row, &cap, d->n + 1, sizeof *d->row);
		p = line;
		for (col = 0; col < NCOL; col++) {
			if (*p == ',' || *p == '\n' || *p == '\0')
				d->row[d->n][col] = NAN;
			else {
				d->row[d->n][col] = strtod(p, &end);
				assert_true(end != p);
				p = end;
			}
			if (col + 1 < NCOL)
				assert_int_equal(*p++, ',');
		}
		d->n++;
	}
	fclose(f);
	assert_true(d->n > 60);
}

/* An indicator as the caller would map it: y (and x) from a row. */
struct indicator {
	const char *name;
	enum stats_kind kind;
	int ycol, xcol;		/* xcol -1: x = 1 */
	int category;		/* for rating categories: y = (rating == k) */
};

static const struct indicator indicators[] = {
	{ "smoker", STATS_PROPORTION, C_SMOKER, -1, 0 },
	{ "income", STATS_MEAN, C_INCOME, -1, 0 },
	{ "spend_income", STATS_RATIO, C_SPEND, C_INCOME, 0 },
	{ "rating1", STATS_PROPORTION, C_RATING, -1, 1 },
	{ "rating2", STATS_PROPORTION, C_RATING, -1, 2 },
	{ "rating3", STATS_PROPORTION, C_RATING, -1, 3 },
	{ "rating4", STATS_PROPORTION, C_RATING, -1, 4 },
	{ "rating5", STATS_PROPORTION, C_RATING, -1, 5 },
	{ "rating", STATS_MEAN, C_RATING, -1, 0 },
};

static const char *const groups[] = { "total", "sex1", "sex2" };

static double
ind_y(const struct indicator *ind, const double *row)
{
	double v = row[ind->ycol];

	if (ind->category != 0 && !isnan(v))
		return v == ind->category;
	return v;
}

/* Stage 1 over the rows in the order given by perm (NULL: file order). */
static struct stats_acc *
accumulate(const struct data *d, const size_t *perm, enum stats_design design,
    int strata, const struct indicator *ind)
{
	struct stats_acc *acc = stats_acc_new(design, NELEM(groups));
	double y[NELEM(groups)], x[NELEM(groups)], yv, xv;
	const double *row;
	size_t i, g;

	for (i = 0; i < d->n; i++) {
		row = d->row[perm != NULL ? perm[i] : i];
		yv = ind_y(ind, row);
		xv = ind->xcol >= 0 ? row[ind->xcol] : 1;
		for (g = 0; g < NELEM(groups); g++) {
			/* Outside the domain: NAN, never a dropped row. */
			int in = g == 0 || row[C_SEX] == (double)g;

			y[g] = in ? yv : NAN;
			x[g] = in ? xv : NAN;
		}
		assert_int_equal(stats_acc_add(acc, strata ?
		    (int64_t)row[C_STRATUM] : 0, (int64_t)row[C_CLUSTER],
		    row[C_WEIGHT], y, x), 0);
	}
	return acc;
}

static const struct expected *
find_expected(const char *design, const char *ind, const char *group)
{
	size_t i;

	for (i = 0; i < NELEM(expected); i++)
		if (strcmp(expected[i].design, design) == 0 &&
		    strcmp(expected[i].indicator, ind) == 0 &&
		    strcmp(expected[i].group, group) == 0)
			return &expected[i];
	fail_msg("no expected row for %s/%s/%s", design, ind, group);
	return NULL;
}

static double
reldev(double got, double want)
{
	return fabs(got - want) / fmax(fabs(want), 1e-300);
}

static void
check_abs(const char *what, const struct expected *e, double got,
    double want, double tol, double *max)
{
	double dev = fabs(got - want);

	if (!(dev <= tol))
		fail_msg("%s/%s/%s %s: got %.15g, R %.15g", e->design,
		    e->indicator, e->group, what, got, want);
	*max = fmax(*max, dev);
}

static void
check_rel(const char *what, const struct expected *e, double got,
    double want, double tol, double *max)
{
	double dev = reldev(got, want);

	if (!(dev <= tol))
		fail_msg("%s/%s/%s %s: got %.15g, R %.15g", e->design,
		    e->indicator, e->group, what, got, want);
	*max = fmax(*max, dev);
}

static void
test_against_r(void **state)
{
	static const enum stats_design designs[] = { STATS_SRS, STATS_SRS,
	    STATS_CLUSTER };
	static const char *const dnames[] = { "srs", "srs_strat", "cluster" };
	struct data d;
	struct stats_acc *acc;
	struct stats_cell *cells;
	struct stats_result res;
	const struct expected *e;
	double mest = 0, mse = 0, mci = 0, mdeff = 0;
	size_t di, ii, g, ncells, checked = 0;

	(void)state;
	data_load(&d);
	for (di = 0; di < NELEM(designs); di++) {
		for (ii = 0; ii < NELEM(indicators); ii++) {
			/* dnames "srs" is unstratified, as in R. */
			acc = accumulate(&d, NULL, designs[di], di > 0,
			    &indicators[ii]);
			for (g = 0; g < NELEM(groups); g++) {
				cells = stats_acc_cells(acc, g, &ncells);
				assert_int_equal(stats_estimate(cells, ncells,
				    designs[di], indicators[ii].kind, NULL,
				    &res), 0);
				e = find_expected(dnames[di],
				    indicators[ii].name, groups[g]);
				assert_int_equal(res.n, e->n);
				assert_int_equal(res.small_n, e->n < 30);
				check_abs("est", e, res.est, e->est, 1e-6, &mest);
				check_rel("se", e, res.se, e->se, 1e-4, &mse);
				check_abs("ci_low", e, res.ci_low, e->ci_low,
				    1e-6, &mci);
				check_abs("ci_high", e, res.ci_high,
				    e->ci_high, 1e-6, &mci);
				check_rel("deff", e, res.deff, e->deff, 1e-4,
				    &mdeff);
				if (isinf(e->df))
					assert_true(isinf(res.df));
				else
					assert_true(res.df == e->df);
				free(cells);
				checked++;
			}
			stats_acc_free(acc);
		}
	}
	assert_int_equal(checked, NELEM(expected));
	print_message("max deviation from R: est %.3g abs, se %.3g rel, "
	    "ci %.3g abs, deff %.3g rel\n", mest, mse, mci, mdeff);
	free(d.row);
}

/* The same rows in another order give the same cells, hence estimates. */
static void
test_order_independent(void **state)
{
	struct data d;
	struct stats_acc *a, *b;
	struct stats_cell *ca, *cb;
	struct stats_result ra, rb;
	size_t *perm, i, na, nb, g;

	(void)state;
	data_load(&d);
	/* Reversed, then interleaved: PSUs arrive scattered. */
	perm = xmalloc(d.n * sizeof *perm);
	for (i = 0; i < d.n; i++)
		perm[i] = (i * 37 + 11) % d.n;
	for (i = 0; i < d.n; i++)	/* 37 is prime to 83: a permutation */
		assert_true(perm[i] < d.n);
	a = accumulate(&d, NULL, STATS_CLUSTER, 1, &indicators[2]);
	b = accumulate(&d, perm, STATS_CLUSTER, 1, &indicators[2]);
	for (g = 0; g < NELEM(groups); g++) {
		ca = stats_acc_cells(a, g, &na);
		cb = stats_acc_cells(b, g, &nb);
		assert_int_equal(na, 11);
		assert_int_equal(nb, na);
		for (i = 0; i < na; i++) {
			assert_true(ca[i].stratum == cb[i].stratum);
			assert_true(ca[i].cluster == cb[i].cluster);
			assert_true(ca[i].n == cb[i].n);
			assert_true(ca[i].npsu == cb[i].npsu);
			assert_true(reldev(cb[i].swy, ca[i].swy) < 1e-12 ||
			    ca[i].swy == cb[i].swy);
			assert_true(reldev(cb[i].swxx, ca[i].swxx) < 1e-12 ||
			    ca[i].swxx == cb[i].swxx);
		}
		assert_int_equal(stats_estimate(ca, na, STATS_CLUSTER,
		    STATS_RATIO, NULL, &ra), 0);
		assert_int_equal(stats_estimate(cb, nb, STATS_CLUSTER,
		    STATS_RATIO, NULL, &rb), 0);
		assert_true(reldev(rb.est, ra.est) < 1e-12);
		assert_true(reldev(rb.se, ra.se) < 1e-10);
		free(ca);
		free(cb);
	}
	stats_acc_free(a);
	stats_acc_free(b);
	free(perm);
	free(d.row);
}

static void
test_qnorm(void **state)
{
	size_t i;

	(void)state;
	assert_true(fabs(stats_qnorm(0.975) - 1.959963984540054) < 1e-15);
	for (i = 0; i < NELEM(expected_qnorm); i++)
		assert_true(fabs(stats_qnorm(expected_qnorm[i][0]) -
		    expected_qnorm[i][1]) <= 1e-13 *
		    fmax(1, fabs(expected_qnorm[i][1])));
	assert_true(isnan(stats_qnorm(0)));
	assert_true(isnan(stats_qnorm(1)));
	assert_true(isnan(stats_qnorm(NAN)));
}

static void
test_qt(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(expected_qt); i++) {
		assert_true(reldev(stats_qt(0.975, expected_qt[i][0]),
		    expected_qt[i][1]) < 1e-12);
		assert_true(reldev(stats_qt(0.025, expected_qt[i][0]),
		    -expected_qt[i][1]) < 1e-12);
	}
	/* Cauchy: tan(pi (p - 1/2)). */
	assert_true(reldev(stats_qt(0.9, 1), tan(M_PI * 0.4)) < 1e-12);
	assert_true(stats_qt(0.975, INFINITY) == stats_qnorm(0.975));
	assert_true(reldev(stats_qt(0.975, 2e5), 1.95997584596677) < 1e-13);
	assert_true(isnan(stats_qt(0.975, 0)));
	assert_true(isnan(stats_qt(1, 5)));
}

static void
test_wilson(void **state)
{
	double lo, hi;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(expected_wilson); i++) {
		assert_int_equal(stats_wilson(expected_wilson[i][0] /
		    expected_wilson[i][1], expected_wilson[i][1],
		    stats_qnorm(0.975), &lo, &hi), 0);
		assert_true(fabs(lo - expected_wilson[i][2]) < 1e-12);
		assert_true(fabs(hi - expected_wilson[i][3]) < 1e-12);
	}
	/* p = 1: [n / (n + z^2), 1]. */
	assert_int_equal(stats_wilson(1, 10, 2, &lo, &hi), 0);
	assert_true(fabs(lo - 10.0 / 14) < 1e-15 && hi == 1);
	assert_int_equal(stats_wilson(0.5, 0, 2, &lo, &hi), -1);
	assert_true(isnan(lo) && isnan(hi));
	assert_int_equal(stats_wilson(1.5, 10, 2, &lo, &hi), -1);
}

/* Rows of a small literal sample: stratum, cluster, w, y. */
struct lrow {
	int64_t s, c;
	double w, y;
};

static struct stats_cell *
literal_cells(const struct lrow *r, size_t n, enum stats_design design,
    size_t *ncells)
{
	struct stats_acc *acc = stats_acc_new(design, 1);
	struct stats_cell *cells;
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(stats_acc_add(acc, r[i].s, r[i].c, r[i].w,
		    &r[i].y, NULL), 0);
	cells = stats_acc_cells(acc, 0, ncells);
	stats_acc_free(acc);
	return cells;
}

/*
 * Lonely PSU, by hand.  Mean 3; z = -2/3, 0 in stratum 1 (mean -1/3), 2/3
 * alone in stratum 2.  V = 2 (1/9 + 1/9) + (2/3)^2 = 8/9 under "adjust";
 * "certainty" would give 4/9.
 */
static void
test_lonely_psu(void **state)
{
	static const struct lrow r[] = {
		{ 1, 1, 1, 1 }, { 1, 2, 1, 3 }, { 2, 1, 1, 5 },
	};
	struct stats_cell *cells;
	struct stats_result res;
	size_t n;

	(void)state;
	cells = literal_cells(r, NELEM(r), STATS_CLUSTER, &n);
	assert_int_equal(n, 3);
	assert_int_equal(stats_estimate(cells, n, STATS_CLUSTER, STATS_MEAN,
	    NULL, &res), 0);
	assert_true(fabs(res.est - 3) < 1e-15);
	assert_true(fabs(res.se - sqrt(8.0) / 3) < 1e-15);
	assert_true(res.df == 1);	/* 3 PSUs - 2 strata */
	assert_true(fabs(res.ci_high - (3 + 12.7062047361747 * sqrt(8.0) / 3))
	    < 1e-9);
	assert_int_equal(res.small_n, 1);
	free(cells);
}

/* One PSU in all: no variance, no degrees of freedom, no mean CI. */
static void
test_single_psu(void **state)
{
	static const struct lrow r[] = {
		{ 1, 1, 2, 1 }, { 1, 1, 3, 4 }, { 1, 1, 1, 7 },
	};
	struct stats_cell *cells;
	struct stats_result res;
	size_t n;

	(void)state;
	cells = literal_cells(r, NELEM(r), STATS_CLUSTER, &n);
	assert_int_equal(n, 1);
	assert_int_equal(stats_estimate(cells, n, STATS_CLUSTER, STATS_MEAN,
	    NULL, &res), 0);
	assert_true(fabs(res.est - 21.0 / 6) < 1e-15);
	assert_true(res.se == 0);
	assert_true(res.df == 0);
	assert_true(isnan(res.ci_low) && isnan(res.ci_high));
	free(cells);
}

static void
test_empty(void **state)
{
	static const struct lrow zero_w[] = {
		{ 1, 1, 0, 1 }, { 1, 2, 0, 0 },
	};
	static const struct lrow missing[] = {
		{ 1, 1, 1, NAN }, { 1, 2, 2, NAN },
	};
	struct stats_cell *cells;
	struct stats_result res;
	size_t n;

	(void)state;
	/* No cells at all. */
	assert_int_equal(stats_estimate(NULL, 0, STATS_CLUSTER,
	    STATS_PROPORTION, NULL, &res), 0);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.small_n, 1);
	assert_true(isnan(res.est) && isnan(res.se) && isnan(res.ci_low));

	/* All weights zero: rows, but nobody who counts. */
	cells = literal_cells(zero_w, NELEM(zero_w), STATS_CLUSTER, &n);
	assert_int_equal(n, 2);
	assert_int_equal(stats_estimate(cells, n, STATS_CLUSTER,
	    STATS_PROPORTION, NULL, &res), 0);
	assert_int_equal(res.n, 0);
	assert_true(isnan(res.est) && isnan(res.deff));
	free(cells);

	/* An empty domain: PSUs registered, no member. */
	cells = literal_cells(missing, NELEM(missing), STATS_SRS, &n);
	assert_int_equal(n, 1);
	assert_true(cells[0].npsu == 2 && cells[0].n == 0);
	assert_int_equal(stats_estimate(cells, n, STATS_SRS, STATS_MEAN, NULL,
	    &res), 0);
	assert_int_equal(res.n, 0);
	assert_true(isnan(res.est) && isnan(res.ci_high));
	free(cells);
}

/* p = 0 or 1: SE 0, no deff, Wilson at the unweighted n for the CI. */
static void
test_proportion_bounds(void **state)
{
	static const struct lrow zeros[] = {
		{ 1, 1, 2, 0 }, { 1, 1, 1, 0 }, { 1, 2, 3, 0 }, { 2, 1, 1, 0 },
		{ 2, 2, 5, 0 },
	};
	struct lrow ones[NELEM(zeros)];
	static const enum stats_design designs[] = { STATS_SRS, STATS_CLUSTER };
	struct stats_cell *cells;
	struct stats_result res;
	double z2 = 1.959963984540054 * 1.959963984540054;
	size_t n, i, k;

	(void)state;
	memcpy(ones, zeros, sizeof ones);
	for (i = 0; i < NELEM(ones); i++)
		ones[i].y = 1;
	for (k = 0; k < NELEM(designs); k++) {
		cells = literal_cells(zeros, NELEM(zeros), designs[k], &n);
		assert_int_equal(stats_estimate(cells, n, designs[k],
		    STATS_PROPORTION, NULL, &res), 0);
		assert_true(res.est == 0 && res.se == 0 && isnan(res.deff));
		assert_true(res.ci_low == 0);
		assert_true(fabs(res.ci_high - z2 / (5 + z2)) < 1e-12);
		free(cells);

		cells = literal_cells(ones, NELEM(ones), designs[k], &n);
		assert_int_equal(stats_estimate(cells, n, designs[k],
		    STATS_PROPORTION, NULL, &res), 0);
		assert_true(res.est == 1 && res.se == 0);
		assert_true(fabs(res.ci_low - 5 / (5 + z2)) < 1e-12);
		assert_true(res.ci_high == 1);
		free(cells);
	}
}

/*
 * Equal weights, no domain: deff 1, so the SRS interval is the textbook
 * Wilson interval (R's prop.test without continuity correction).
 */
static void
test_srs_equal_weights(void **state)
{
	struct stats_acc *acc = stats_acc_new(STATS_SRS, 1);
	struct stats_cell *cells;
	struct stats_result res;
	struct stats_opts opts;
	double y;
	size_t i, n;

	(void)state;
	for (i = 0; i < 20; i++) {
		y = i < 7;
		/* Cluster is ignored by SRS: vary it to prove it. */
		assert_int_equal(stats_acc_add(acc, 0, (int64_t)i, 2.5, &y,
		    NULL), 0);
	}
	cells = stats_acc_cells(acc, 0, &n);
	assert_int_equal(n, 1);
	assert_int_equal(stats_estimate(cells, n, STATS_SRS, STATS_PROPORTION,
	    NULL, &res), 0);
	assert_true(fabs(res.est - 0.35) < 1e-15);
	/* p (1 - p) / (n - 1), svymean's with-replacement SRS variance */
	assert_true(fabs(res.se - sqrt(0.35 * 0.65 / 19)) < 1e-15);
	assert_true(fabs(res.deff - 1) < 1e-12);
	assert_true(fabs(res.ci_low - expected_wilson[0][2]) < 1e-12);
	assert_true(fabs(res.ci_high - expected_wilson[0][3]) < 1e-12);
	assert_int_equal(res.small_n, 1);

	/* The small-n threshold is n < small_n. */
	stats_opts_init(&opts);
	opts.small_n = 20;
	assert_int_equal(stats_estimate(cells, n, STATS_SRS, STATS_PROPORTION,
	    &opts, &res), 0);
	assert_int_equal(res.small_n, 0);
	opts.small_n = 21;
	assert_int_equal(stats_estimate(cells, n, STATS_SRS, STATS_PROPORTION,
	    &opts, &res), 0);
	assert_int_equal(res.small_n, 1);
	free(cells);
	stats_acc_free(acc);
}

static void
test_invalid(void **state)
{
	struct stats_cell c[2];
	struct stats_result res;
	struct stats_acc *acc = stats_acc_new(STATS_CLUSTER, 1);
	double y = 1;
	size_t n;

	(void)state;
	assert_int_equal(stats_acc_add(acc, 1, 1, -1, &y, NULL), -1);
	assert_int_equal(stats_acc_add(acc, 1, 1, NAN, &y, NULL), -1);
	assert_int_equal(stats_acc_add(acc, 1, 1, INFINITY, &y, NULL), -1);
	assert_null(stats_acc_cells(acc, 0, &n));	/* nothing added */
	assert_int_equal(n, 0);
	stats_acc_free(acc);
	stats_acc_free(NULL);

	memset(c, 0, sizeof c);
	c[0].npsu = c[1].npsu = 1;
	c[0].stratum = c[1].stratum = 1;
	c[0].cluster = 1;
	c[1].cluster = 2;
	stats_cell_add(&c[0], STATS_CLUSTER, 1, 0.5, 1);
	stats_cell_add(&c[1], STATS_CLUSTER, 1, 0.5, 1);
	assert_int_equal(stats_estimate(c, 2, STATS_CLUSTER, STATS_MEAN, NULL,
	    &res), 0);
	/* The same PSU twice. */
	c[1].cluster = 1;
	assert_int_equal(stats_estimate(c, 2, STATS_CLUSTER, STATS_MEAN, NULL,
	    &res), -1);
	c[1].cluster = 2;
	/* A cluster cell standing for two PSUs. */
	c[1].npsu = 2;
	assert_int_equal(stats_estimate(c, 2, STATS_CLUSTER, STATS_MEAN, NULL,
	    &res), -1);
	c[1].npsu = 1;
	/* A mean whose x was not 1. */
	c[1].swx = 3;
	assert_int_equal(stats_estimate(c, 2, STATS_CLUSTER, STATS_MEAN, NULL,
	    &res), -1);
	assert_int_equal(stats_estimate(c, 2, STATS_CLUSTER, STATS_RATIO, NULL,
	    &res), 0);
	c[1].swx = 1;
	/* A proportion above 1. */
	c[1].swy = 3;
	assert_int_equal(stats_estimate(c, 2, STATS_CLUSTER, STATS_PROPORTION,
	    NULL, &res), -1);
	assert_int_equal(stats_estimate(c, 2, STATS_CLUSTER, STATS_MEAN, NULL,
	    &res), 0);
	assert_int_equal(stats_estimate(c, 2, 7, STATS_MEAN, NULL, &res), -1);
	assert_int_equal(stats_estimate(c, 2, STATS_SRS, 9, NULL, &res), -1);
	/* Two SRS cells for one stratum. */
	c[0].npsu = c[1].npsu = 3;
	assert_int_equal(stats_estimate(c, 2, STATS_SRS, STATS_MEAN, NULL,
	    &res), -1);
}

/*
 * Many PSUs through the hash table: 50,000 clusters in 40 strata, rows
 * arriving in scattered order, against sums kept directly.
 */
static void
test_many_psus(void **state)
{
	const size_t nrows = 200000, nclusters = 50000;
	struct stats_acc *acc = stats_acc_new(STATS_CLUSTER, 2);
	struct stats_cell *cells;
	struct stats_result res;
	double y[2], sw = 0, swy = 0, w;
	size_t i, k, n;
	long total = 0;

	(void)state;
	for (i = 0; i < nrows; i++) {
		k = (i * 7919) % nclusters;
		w = 1 + (double)(i % 5);
		y[0] = (double)(i % 3);
		y[1] = i % 2 == 0 ? y[0] : NAN;
		sw += w;
		swy += w * y[0];
		assert_int_equal(stats_acc_add(acc, (int64_t)(k % 40),
		    (int64_t)k, w, y, NULL), 0);
	}
	cells = stats_acc_cells(acc, 0, &n);
	assert_int_equal(n, nclusters);
	for (i = 0; i < n; i++) {
		total += (long)cells[i].n;
		if (i > 0)
			assert_true(cells[i - 1].stratum < cells[i].stratum ||
			    (cells[i - 1].stratum == cells[i].stratum &&
			    cells[i - 1].cluster < cells[i].cluster));
	}
	assert_int_equal(total, nrows);
	assert_int_equal(stats_estimate(cells, n, STATS_CLUSTER, STATS_MEAN,
	    NULL, &res), 0);
	assert_true(reldev(res.est, swy / sw) < 1e-12);
	assert_true(res.df == (double)(nclusters - 40));
	free(cells);
	/* Domain 1 sees every PSU too, though only even rows are members. */
	cells = stats_acc_cells(acc, 1, &n);
	assert_int_equal(n, nclusters);
	free(cells);
	stats_acc_free(acc);
}

/*
 * A cluster accumulator keeps n and the squares per domain, not per PSU,
 * and hands them over in the first cell: the estimates must be those of
 * the same rows in cells built PSU by PSU, degrees of freedom included,
 * where a PSU whose domain rows all weigh 0 is not in the domain.
 */
static void
test_cluster_domain_totals(void **state)
{
	static const struct {
		int64_t stratum, cluster;
		double w, y0, y1, x1;
	} rows[] = {
		{ 1, 1, 2, 1, 4, 2 }, { 1, 1, 1, 2, 1, 1 },
		{ 1, 2, 1, 3, 6, 3 }, { 1, 3, 0, 5, 2, 2 },
		{ 2, 4, 1, 2, 3, 1 }, { 2, 4, 3, 1, NAN, 1 },
		{ 2, 5, 2, NAN, 5, 4 }, { 2, 6, 1, 4, 1, 2 },
	};
	static const unsigned char mean[2] = { 1, 0 };
	static const enum stats_kind kinds[2] = { STATS_MEAN, STATS_RATIO };
	struct stats_acc *acc = stats_acc_new_means(STATS_CLUSTER, 2, mean);
	struct stats_cell byhand[6], *cells;
	struct stats_result ra, rb;
	double y[2], x[2] = { NAN, NAN };
	size_t i, k, d, n;

	(void)state;
	for (i = 0; i < NELEM(rows); i++) {
		y[0] = rows[i].y0;
		y[1] = rows[i].y1;
		x[1] = rows[i].x1;
		assert_int_equal(stats_acc_add(acc, rows[i].stratum,
		    rows[i].cluster, rows[i].w, y, x), 0);
	}
	for (d = 0; d < 2; d++) {
		memset(byhand, 0, sizeof byhand);
		for (k = 0; k < 6; k++) {
			byhand[k].stratum = k < 3 ? 1 : 2;
			byhand[k].cluster = (int64_t)k + 1;
			byhand[k].npsu = 1;
		}
		for (i = 0; i < NELEM(rows); i++)
			stats_cell_add(&byhand[rows[i].cluster - 1],
			    STATS_CLUSTER, rows[i].w,
			    d == 0 ? rows[i].y0 : rows[i].y1,
			    d == 0 ? 1 : rows[i].x1);
		cells = stats_acc_cells(acc, d, &n);
		assert_int_equal(n, 6);
		assert_int_equal(cells[0].n, 6);
		for (k = 1; k < n; k++) {
			assert_int_equal(cells[k].n, 0);
			assert_true(cells[k].swyy == 0);
			assert_true(cells[k].sw == byhand[k].sw);
			assert_true(cells[k].swy == byhand[k].swy);
			assert_true(cells[k].swx == byhand[k].swx);
		}
		assert_int_equal(stats_estimate(cells, n, STATS_CLUSTER,
		    kinds[d], NULL, &ra), 0);
		assert_int_equal(stats_estimate(byhand, 6, STATS_CLUSTER,
		    kinds[d], NULL, &rb), 0);
		assert_int_equal(ra.n, rb.n);
		assert_true(reldev(ra.est, rb.est) < 1e-14);
		assert_true(reldev(ra.se, rb.se) < 1e-12);
		assert_true(reldev(ra.deff, rb.deff) < 1e-12);
		/* Mean: PSUs 1, 2, 4, 6 in the domain (3 weighs 0, 5 has no
		 * value) in 2 strata; ratio: 1, 2, 4, 5, 6. */
		assert_true(ra.df == (d == 0 ? 2 : 3));
		assert_true(ra.df == rb.df);
		free(cells);
	}
	stats_acc_free(acc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_r),
		cmocka_unit_test(test_order_independent),
		cmocka_unit_test(test_qnorm),
		cmocka_unit_test(test_qt),
		cmocka_unit_test(test_wilson),
		cmocka_unit_test(test_lonely_psu),
		cmocka_unit_test(test_single_psu),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_proportion_bounds),
		cmocka_unit_test(test_srs_equal_weights),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_many_psus),
		cmocka_unit_test(test_cluster_domain_totals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
