/*
 * test_aggregate.c: the aggregator end to end against R's survey package:
 * tests/aggregate/data.csv is imported through import_csv into a fresh
 * store, aggregated under both designs (survey.yaml: stratified cluster
 * with a single-PSU stratum; survey-srs.yaml: simple random sampling), and
 * every row compared with tests/aggregate/expected.csv, which
 * tests/aggregate/reference.R wrote.
 */
#include "testutil.h"

#include <math.h>
#include <unistd.h>

#include "aggregate.h"
#include "diag.h"
#include "import.h"
#include "questionnaire.h"
#include "store.h"
#include "xmalloc.h"

struct expected {
	char design[16], indicator[32], group[32], category[8];
	long n;
	double est, se, lo, hi, deff;
};

static double max_est_diff, max_se_rel;

static double
field(char **p)
{
	char *s = strsep(p, ",");

	assert_non_null(s);
	return strcmp(s, "NA") == 0 ? NAN : strtod(s, NULL);
}

static void
copy(char *dst, size_t n, char **p)
{
	char *s = strsep(p, ",");

	assert_non_null(s);
	assert_true(strlen(s) < n);
	strcpy(dst, s);
}

static struct expected *
load_expected(size_t *n)
{
	char path[4096], line[1024];
	struct expected *e = NULL;
	size_t cap = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/aggregate/expected.csv",
	    test_top());
	assert_non_null(f = fopen(path, "r"));
	*n = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		char *p = line;

		if (line[0] == '#' || strncmp(line, "design,", 7) == 0)
			continue;
		line[strcspn(line, "\n")] = '\0';
		xgrow((void **)&e, &cap, *n + 1, sizeof *e);
		copy(e[*n].design, sizeof e[*n].design, &p);
		copy(e[*n].indicator, sizeof e[*n].indicator, &p);
		copy(e[*n].group, sizeof e[*n].group, &p);
		copy(e[*n].category, sizeof e[*n].category, &p);
		e[*n].n = (long)field(&p);
		e[*n].est = field(&p);
		e[*n].se = field(&p);
		e[*n].lo = field(&p);
		e[*n].hi = field(&p);
		e[*n].deff = field(&p);
		(*n)++;
	}
	fclose(f);
	assert_true(*n > 50);
	return e;
}

/* |a - b| within tol, relative to b when b is large. */
static void
near(const char *what, const struct expected *e, double a, double b,
    double tol, int rel)
{
	double diff = fabs(a - b), scale = rel ? fabs(b) : fmax(1, fabs(b));

	if (isnan(b) && isnan(a))
		return;
	if (!(diff <= tol * scale))
		fail_msg("%s %s %s %s: %s %.15g, R %.15g", e->design,
		    e->indicator, e->group, e->category, what, a, b);
}

static struct store *
fresh_store(char *dir, size_t n)
{
	struct store *st;
	char path[4200], *err = NULL;

	snprintf(dir, n, "/tmp/test_aggregate.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	if (store_open(&st, path, &err) < 0)
		fail_msg("%s", err);
	return st;
}

static void
drop_store(struct store *st, const char *dir)
{
	char path[4200];

	store_close(st);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

static struct questionnaire *
load(const char *name, char **src, size_t *len)
{
	char path[4096];
	struct questionnaire *qn;
	struct diag d;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/aggregate/%s", test_top(), name);
	diag_init(&d, path);
	qn = questionnaire_load(path, &d, NULL);
	if (qn == NULL)
		diag_print(&d, stderr);
	assert_non_null(qn);
	diag_release(&d);
	assert_non_null(f = fopen(path, "rb"));
	*src = xmalloc(1 << 16);
	*len = fread(*src, 1, 1 << 16, f);
	fclose(f);
	return qn;
}

static void
import_data(struct store *st, const struct questionnaire *qn,
    const char *src, size_t len, int64_t *qrow)
{
	char path[4096];
	struct import_stats stats;
	struct diag d;
	FILE *fp;

	snprintf(path, sizeof path, "%s/tests/aggregate/data.csv", test_top());
	assert_non_null(fp = fopen(path, "rb"));
	diag_init(&d, path);
	if (import_csv(st, qn, src, len, fp, NULL, &stats, &d) < 0) {
		diag_print(&d, stderr);
		fail();
	}
	diag_release(&d);
	fclose(fp);
	assert_int_equal(stats.rows, 113);
	assert_int_equal(store_questionnaire_lookup(st, qn->hash, qrow), 0);
	assert_true(*qrow > 0);
}

static void
check_design(const char *survey, const char *design, enum stats_design want)
{
	struct expected *e;
	struct aggregate_result res;
	struct questionnaire *qn;
	struct store *st;
	struct buf err = BUF_INIT;
	char dir[64], *src;
	size_t ne, i, j, matched = 0, len;
	int64_t qrow;

	e = load_expected(&ne);
	st = fresh_store(dir, sizeof dir);
	qn = load(survey, &src, &len);
	import_data(st, qn, src, len, &qrow);
	if (aggregate_run(st, qn, qrow, NULL, &res, &err) < 0)
		fail_msg("%s", buf_str(&err));
	assert_int_equal(res.design, want);
	assert_int_equal(res.ninterviews, 113);
	for (i = 0; i < ne; i++) {
		const struct expected *x = &e[i];
		const struct aggregate_row *r = NULL;

		if (strcmp(x->design, design) != 0)
			continue;
		for (j = 0; j < res.nrows; j++)
			if (strcmp(res.rows[j].ind->id, x->indicator) == 0 &&
			    strcmp(res.rows[j].group, x->group) == 0 &&
			    strcmp(res.rows[j].category, x->category) == 0)
				r = &res.rows[j];
		if (r == NULL)
			fail_msg("no row %s %s %s", x->indicator, x->group,
			    x->category);
		matched++;
		assert_int_equal(r->r.n, x->n);
		near("estimate", x, r->r.est, x->est, 1e-6, 0);
		near("ci_low", x, r->r.ci_low, x->lo, 1e-6, 0);
		near("ci_high", x, r->r.ci_high, x->hi, 1e-6, 0);
		near("se", x, r->r.se, x->se, 1e-4, 1);
		near("deff", x, r->r.deff, x->deff, 1e-4, 1);
		assert_int_equal(r->r.small_n, x->n < 30);
		max_est_diff = fmax(max_est_diff, fabs(r->r.est - x->est));
		if (x->se > 0)
			max_se_rel = fmax(max_se_rel, fabs(r->r.se - x->se) /
			    x->se);
	}
	/* Every row the aggregator makes is one R computed. */
	assert_int_equal(matched, res.nrows);
	printf("%s design: %zu rows agree with R; max |estimate diff| %.3g, "
	    "max relative SE diff %.3g\n", design, matched, max_est_diff,
	    max_se_rel);
	aggregate_result_release(&res);
	questionnaire_free(qn);
	drop_store(st, dir);
	buf_release(&err);
	free(src);
	free(e);
}

static void
test_cluster_matches_r(void **state)
{
	(void)state;
	check_design("survey.yaml", "cluster", STATS_CLUSTER);
}

static void
test_srs_matches_r(void **state)
{
	(void)state;
	check_design("survey-srs.yaml", "srs", STATS_SRS);
}

/* --by replaces the indicators' own breakdowns; a question at another
 * level leaves an indicator with its Total only. */
static void
test_by_override(void **state)
{
	struct aggregate_opts o;
	struct aggregate_result res;
	struct questionnaire *qn;
	struct store *st;
	struct buf err = BUF_INIT;
	char dir[64], *src;
	size_t len, i, nlearning = 0, nlibrary = 0;
	int64_t qrow;
	int by;

	(void)state;
	st = fresh_store(dir, sizeof dir);
	qn = load("survey.yaml", &src, &len);
	import_data(st, qn, src, len, &qrow);
	aggregate_opts_init(&o);
	by = questionnaire_find(qn, "sex");
	o.by_set = 1;
	o.by = &by;
	o.nby = 1;
	o.small_n = 1000;
	assert_int_equal(aggregate_run(st, qn, qrow, &o, &res, &err), 0);
	for (i = 0; i < res.nrows; i++) {
		if (strcmp(res.rows[i].ind->id, "learning") == 0)
			nlearning++;
		if (strcmp(res.rows[i].ind->id, "library_use") == 0) {
			nlibrary++;
			assert_string_equal(res.rows[i].group, "Total");
		}
		assert_int_equal(res.rows[i].r.small_n, 1);
	}
	assert_int_equal(nlearning, 3);
	assert_int_equal(nlibrary, 1);	/* sex is not a household question */
	aggregate_result_release(&res);

	/* No interviews of the questionnaire: NAN, not an error. */
	assert_int_equal(aggregate_run(st, qn, qrow + 100, NULL, &res, &err),
	    0);
	assert_int_equal(res.ninterviews, 0);
	assert_true(res.nrows > 0);
	assert_true(isnan(res.rows[0].r.est));
	aggregate_result_release(&res);
	questionnaire_free(qn);
	drop_store(st, dir);
	buf_release(&err);
	free(src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cluster_matches_r),
		cmocka_unit_test(test_srs_matches_r),
		cmocka_unit_test(test_by_override),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
