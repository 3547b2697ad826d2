/*
 * test_calib.c: post-stratification, raking, trimming and the calibrated
 * standard errors of src/calib.c against R's survey package: the data
 * and the expected numbers are the CSV files of tests/weights, written by
 * tests/weights/reference.R (this test does not run R).  Weights agree to
 * 1e-8 relative, estimates to 1e-6, standard errors to 1e-4 relative.
 */
#include "testutil.h"

#include <math.h>

#include "calib.h"
#include "stats.h"

#define MAXROWS 600

struct rows {
	size_t n;
	int64_t stratum[MAXROWS], cluster[MAXROWS];
	double w[MAXROWS];
	int sex[MAXROWS], age[MAXROWS], district[MAXROWS];
	double learned[MAXROWS], hours[MAXROWS];
};

static FILE *
open_fixture(const char *name)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof path, "%s/tests/weights/%s", test_top(), name);
	fp = fopen(path, "r");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	return fp;
}

/* unit-*.csv: stratum,cluster,w,sex,agegroup,district,learned,hours */
static void
read_rows(const char *name, struct rows *r)
{
	FILE *fp = open_fixture(name);
	char line[512];
	long long s, c;

	memset(r, 0, sizeof *r);
	assert_non_null(fgets(line, sizeof line, fp));
	while (fgets(line, sizeof line, fp) != NULL) {
		size_t i = r->n++;

		assert_true(i < MAXROWS);
		assert_int_equal(sscanf(line, "%lld,%lld,%lf,%d,%d,%d,%lf,%lf",
		    &s, &c, &r->w[i], &r->sex[i], &r->age[i], &r->district[i],
		    &r->learned[i], &r->hours[i]), 8);
		r->stratum[i] = s;
		r->cluster[i] = c;
	}
	fclose(fp);
}

/* expected.csv: case,stat,value */
static double
expected(const char *cas, const char *stat)
{
	FILE *fp = open_fixture("expected.csv");
	char line[256], c[64], s[64];
	double v;

	while (fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "%63[^,],%63[^,],%lf", c, s, &v) == 3 &&
		    strcmp(c, cas) == 0 && strcmp(s, stat) == 0) {
			fclose(fp);
			return v;
		}
	fclose(fp);
	fail_msg("no expected %s %s", cas, stat);
	return NAN;
}

/* expected-weights.csv: case,row,weight, rows in order. */
static void
check_weights(const char *cas, const double *w, size_t n)
{
	FILE *fp = open_fixture("expected-weights.csv");
	char line[256], c[64];
	double v, worst = 0;
	size_t row, seen = 0;

	while (fgets(line, sizeof line, fp) != NULL) {
		if (sscanf(line, "%63[^,],%zu,%lf", c, &row, &v) != 3 ||
		    strcmp(c, cas) != 0)
			continue;
		assert_true(row < n);
		worst = fmax(worst, fabs(w[row] - v) / v);
		seen++;
	}
	fclose(fp);
	assert_int_equal(seen, n);
	if (worst > 1e-8)
		fail_msg("%s: weights differ from R by %g relative", cas, worst);
}

static void
close_rel(const char *what, double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol * fabs(want)))
		fail_msg("%s: %.12g, R %.12g (rel. diff %g)", what, got, want,
		    fabs(got - want) / fabs(want));
}

static void
close_abs(const char *what, double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s: %.12g, R %.12g", what, got, want);
}

/* Census totals in the files' (and so R's) order. */
static const double cells_total[8] = { 61000, 59000, 72000, 70000, 58000,
	60000, 44000, 56000 };
static const double margin_total[2 + 4 + 3] = { 235000, 245000,
	120000, 142000, 118000, 100000, 210000, 175000, 95000 };

/* Joint cells: sex x agegroup for post-stratification (the census file's
 * order), sex x agegroup x district for raking. */
static size_t
ps_cell(const struct rows *r, size_t i)
{
	return (size_t)(r->age[i] - 1) * 2 + (size_t)(r->sex[i] - 1);
}

static size_t
rake_cell(const struct rows *r, size_t i)
{
	return ((size_t)(r->district[i] - 1) * 4 + (size_t)(r->age[i] - 1)) *
	    2 + (size_t)(r->sex[i] - 1);
}

static const size_t rake_nlevels[3] = { 2, 4, 3 };
static size_t rake_level[24 * 3];
static const size_t ps_nlevels[1] = { 8 };
static size_t ps_level[8];

static void
margins(enum calib_method method, struct calib_margins *mg)
{
	size_t k;

	if (method == CALIB_RAKE) {
		for (k = 0; k < 24; k++) {
			rake_level[3 * k] = k % 2;
			rake_level[3 * k + 1] = k / 2 % 4;
			rake_level[3 * k + 2] = k / 8;
		}
		mg->ncells = 24;
		mg->nmargins = 3;
		mg->nlevels = rake_nlevels;
		mg->level = rake_level;
	} else {
		for (k = 0; k < 8; k++)
			ps_level[k] = k;
		mg->ncells = 8;
		mg->nmargins = 1;
		mg->nlevels = ps_nlevels;
		mg->level = ps_level;
	}
}

/*
 * The estimates of one case through the path `lcsurvey aggregate` takes:
 * stats_acc and calib_acc side by side, calib_acc_adjust on the cells,
 * stats_estimate.  Domains: 0 everyone, 1 women.
 */
static void
check_estimates(const char *cas, const struct rows *r, const double *w,
    enum stats_design design, enum calib_method method)
{
	static const char *const var[2] = { "learned", "hours" };
	struct calib_margins mg;
	size_t i, d, v, ncells, *cell = calloc(r->n, sizeof *cell);
	char stat[64], what[128];

	margins(method, &mg);
	for (i = 0; i < r->n; i++)
		cell[i] = method == CALIB_RAKE ? rake_cell(r, i) :
		    ps_cell(r, i);
	for (v = 0; v < 2; v++) {
		struct stats_acc *sa = stats_acc_new(design, 2);
		struct calib_acc *ca = calib_acc_new(design, 2, NULL, 1,
		    mg.ncells);
		enum stats_kind kind = v == 0 ? STATS_PROPORTION : STATS_MEAN;

		for (i = 0; i < r->n; i++) {
			double y = v == 0 ? r->learned[i] : r->hours[i];
			double ys[2] = { y, r->sex[i] == 2 ? y : NAN };

			assert_int_equal(stats_acc_add(sa, r->stratum[i],
			    r->cluster[i], w[i], ys, NULL), 0);
			assert_int_equal(calib_acc_add(ca, 0, r->stratum[i],
			    r->cluster[i], cell[i], w[i], ys, NULL), 0);
		}
		for (d = 0; d < 2; d++) {
			struct stats_cell *cells = stats_acc_cells(sa, d,
			    &ncells);
			struct stats_result res;

			if (method != CALIB_NONE)
				assert_int_equal(calib_acc_adjust(ca, d, method,
				    &mg, kind, cells, ncells), 0);
			assert_int_equal(stats_estimate(cells, ncells, design,
			    kind, NULL, &res), 0);
			snprintf(stat, sizeof stat, "%s%s_est", var[v],
			    d ? "_women" : "");
			snprintf(what, sizeof what, "%s %s", cas, stat);
			close_abs(what, res.est, expected(cas, stat), 1e-6);
			snprintf(stat, sizeof stat, "%s%s_se", var[v],
			    d ? "_women" : "");
			snprintf(what, sizeof what, "%s %s", cas, stat);
			close_rel(what, res.se, expected(cas, stat), 1e-4);
			free(cells);
		}
		stats_acc_free(sa);
		calib_acc_free(ca);
	}
	free(cell);
}

static void
run_case(const char *file, const char *prefix, enum stats_design design)
{
	struct rows *r = malloc(sizeof *r);
	struct calib_margins mg;
	struct calib_report rep;
	struct calib_ctl ctl;
	size_t i, *cell;
	double *w;
	char cas[64];

	read_rows(file, r);
	cell = calloc(r->n, sizeof *cell);
	w = calloc(r->n, sizeof *w);

	snprintf(cas, sizeof cas, "%s_none", prefix);
	check_weights(cas, r->w, r->n);
	check_estimates(cas, r, r->w, design, CALIB_NONE);

	snprintf(cas, sizeof cas, "%s_ps", prefix);
	memcpy(w, r->w, r->n * sizeof *w);
	for (i = 0; i < r->n; i++)
		cell[i] = ps_cell(r, i);
	assert_int_equal(calib_poststratify(w, cell, r->n, cells_total, 8,
	    &rep), 0);
	check_weights(cas, w, r->n);
	check_estimates(cas, r, w, design, CALIB_POSTSTRATIFY);

	snprintf(cas, sizeof cas, "%s_rake", prefix);
	memcpy(w, r->w, r->n * sizeof *w);
	for (i = 0; i < r->n; i++)
		cell[i] = rake_cell(r, i);
	margins(CALIB_RAKE, &mg);
	calib_ctl_init(&ctl);
	ctl.tol = 1e-13;
	assert_int_equal(calib_rake(w, cell, r->n, &mg, margin_total, &ctl,
	    &rep), 0);
	assert_true(rep.converged);
	assert_true(rep.iterations > 2 && rep.iterations < 100);
	assert_true(rep.max_change <= 1e-13);
	check_weights(cas, w, r->n);
	check_estimates(cas, r, w, design, CALIB_RAKE);
	free(cell);
	free(w);
	free(r);
}

static void
test_kiosk(void **state)
{
	(void)state;
	run_case("unit-kiosk.csv", "kiosk", STATS_SRS);
}

static void
test_household(void **state)
{
	(void)state;
	run_case("unit-household.csv", "hh", STATS_CLUSTER);
}

/* The per-row residuals and the per-cell ones the accumulator uses agree,
 * and post-stratified residuals sum to zero within each cell. */
static void
test_residuals(void **state)
{
	double z[6] = { 0.3, -0.1, 0.2, -0.4, 0.5, -0.5 };
	double w[6] = { 1, 2, 1.5, 1, 3, 2 }, zr[6], sum[2] = { 0, 0 };
	size_t cell[6] = { 0, 0, 1, 1, 1, 0 }, lv[2] = { 0, 1 }, nl = 2, i;
	struct calib_margins mg = { 2, 1, &nl, lv };

	(void)state;
	assert_int_equal(calib_residuals(CALIB_POSTSTRATIFY, &mg, z, w, cell,
	    6, zr), 0);
	for (i = 0; i < 6; i++)
		sum[cell[i]] += zr[i];
	assert_true(fabs(sum[0]) < 1e-15 && fabs(sum[1]) < 1e-15);
	/* Raking on one margin: the unweighted mean of zr / w is zero. */
	assert_int_equal(calib_residuals(CALIB_RAKE, &mg, z, w, cell, 6, zr),
	    0);
	sum[0] = sum[1] = 0;
	for (i = 0; i < 6; i++)
		sum[cell[i]] += zr[i] / w[i];
	assert_true(fabs(sum[0]) < 1e-15 && fabs(sum[1]) < 1e-15);
	assert_int_equal(calib_residuals(99, &mg, z, w, cell, 6, zr), -1);
}

static void
test_errors(void **state)
{
	double w[4] = { 1, 1, 1, 1 }, t[3] = { 10, 0, 5 };
	size_t cell[4] = { 0, 0, 1, 1 };
	struct calib_report rep;
	size_t lv[3] = { 0, 1, 2 }, nl = 3;
	struct calib_margins mg = { 3, 1, &nl, lv };

	(void)state;
	/* Respondents in cell 1, whose total is zero. */
	assert_int_equal(calib_poststratify(w, cell, 4, t, 3, &rep), -1);
	assert_int_equal(rep.error, CALIB_ZERO_TOTAL);
	assert_int_equal(rep.bad_level, 1);
	assert_true(w[0] == 1 && w[3] == 1);
	/* Population in cell 2, no respondents. */
	t[1] = 7;
	assert_int_equal(calib_poststratify(w, cell, 4, t, 3, &rep), -1);
	assert_int_equal(rep.error, CALIB_NO_RESPONDENTS);
	assert_int_equal(rep.bad_level, 2);
	assert_int_equal(calib_rake(w, cell, 4, &mg, t, NULL, &rep), -1);
	assert_int_equal(rep.error, CALIB_NO_RESPONDENTS);
	/* A cell with neither is fine. */
	t[2] = 0;
	assert_int_equal(calib_poststratify(w, cell, 4, t, 3, &rep), 0);
	assert_true(w[0] == 5 && w[2] == 3.5);
	t[0] = -1;
	assert_int_equal(calib_poststratify(w, cell, 4, t, 3, &rep), -1);
	assert_int_equal(rep.error, CALIB_BAD_INPUT);
	cell[0] = 3;
	assert_int_equal(calib_poststratify(w, cell, 4, t, 3, &rep), -1);
	assert_int_equal(rep.error, CALIB_BAD_INPUT);
}

/* Raking that cannot finish in one sweep reports it; a sweep limit of 1. */
static void
test_rake_limit(void **state)
{
	double w[4] = { 1, 2, 3, 4 }, t[4] = { 6, 4, 5, 5 };
	size_t cell[4] = { 0, 1, 2, 3 }, nl[2] = { 2, 2 };
	size_t lv[8] = { 0, 0, 0, 1, 1, 0, 1, 1 };
	struct calib_margins mg = { 4, 2, nl, lv };
	struct calib_ctl ctl = { 1e-12, 1 };
	struct calib_report rep;

	(void)state;
	assert_int_equal(calib_rake(w, cell, 4, &mg, t, &ctl, &rep), 0);
	assert_int_equal(rep.iterations, 1);
	assert_false(rep.converged);
	assert_true(rep.max_change > 1e-3);
	ctl.maxit = 100;
	assert_int_equal(calib_rake(w, cell, 4, &mg, t, &ctl, &rep), 0);
	assert_true(rep.converged);
	/* Both margins now hold. */
	assert_true(fabs(w[0] + w[1] - 6) < 1e-9 && fabs(w[2] + w[3] - 4) <
	    1e-9);
	assert_true(fabs(w[0] + w[2] - 5) < 1e-9 && fabs(w[1] + w[3] - 5) <
	    1e-9);
}

/* R: trimWeights(d, upper = 4, lower = 1.5) on weights 1, 2, 3, 10:
 * 1.5, 4 and the 5.5 cut shared by 2 and 3. */
static void
test_trim(void **state)
{
	double w[4] = { 1, 2, 3, 10 };
	size_t nt;

	(void)state;
	assert_int_equal(calib_trim(w, 4, 1.5, 4, 0, &nt), 0);
	assert_int_equal(nt, 2);
	assert_true(w[0] == 1.5 && w[3] == 4);
	assert_true(fabs(w[1] - 4.75) < 1e-12 && fabs(w[2] - 5.75) < 1e-12);
	/* strict: repeated until all are inside (the sum then moves). */
	w[0] = 1;
	w[1] = 2;
	w[2] = 3;
	w[3] = 10;
	assert_int_equal(calib_trim(w, 4, 1.5, 4, 1, &nt), 0);
	assert_true(w[0] >= 1.5 && w[1] <= 4 && w[2] <= 4 && w[3] <= 4);
	assert_int_equal(calib_trim(w, 4, 5, 4, 0, &nt), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kiosk),
		cmocka_unit_test(test_household),
		cmocka_unit_test(test_residuals),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_rake_limit),
		cmocka_unit_test(test_trim),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
