/*
 * rake.c: raking 1,000,000 respondents to three margins (sex, 8 age
 * groups, 20 districts), the calibration step of `lcsurvey weights`
 * (issue 11, point 3): assigning the joint cells, calib_rake to a 1e-10
 * tolerance, and the calibrated SE of one mean (calib_acc + stats).
 * Respondents are skewed (young women over-represented) so that raking
 * takes several sweeps.  Target: under 2 s for the whole.
 *
 * usage: rake [-n N]      Exits 0 when the target is met, 1 when not.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calib.h"
#include "stats.h"
#include "xmalloc.h"

#define TARGET 2.0

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* xorshift64*: reproducible and fast. */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static double
unif(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (double)((rng * 0x2545f4914f6cdd1dULL) >> 11) / 9007199254740992.0;
}

int
main(int argc, char **argv)
{
	size_t n = 1000000, i, k, K = 2 * 8 * 20;
	size_t nlevels[3] = { 2, 8, 20 }, *level, *cell, ncells;
	double total[2 + 8 + 20], *w, *y, t0, t1, t2, t3, sum = 0;
	struct calib_margins mg;
	struct calib_ctl ctl;
	struct calib_report rep;
	struct stats_acc *sa;
	struct calib_acc *ca;
	struct stats_cell *cells;
	struct stats_result res;

	if (argc == 3 && strcmp(argv[1], "-n") == 0)
		n = (size_t)strtoul(argv[2], NULL, 10);
	w = xcalloc(n, sizeof *w);
	y = xcalloc(n, sizeof *y);
	cell = xcalloc(n, sizeof *cell);
	level = xcalloc(K * 3, sizeof *level);
	for (k = 0; k < K; k++) {
		level[3 * k] = k % 2;
		level[3 * k + 1] = k / 2 % 8;
		level[3 * k + 2] = k / 16;
	}
	/* A city of 2 million adults: even sexes, older age groups and the
	 * outer districts smaller. */
	for (k = 0; k < 2; k++)
		total[k] = 1e6;
	for (k = 0; k < 8; k++)
		total[2 + k] = 2e6 * (12 - (double)k) / 68;
	for (k = 0; k < 20; k++)
		total[10 + k] = 2e6 * (30 - (double)k) / 410;

	/* The sample, not timed: skewed to women (70%) and the young. */
	for (i = 0; i < n; i++) {
		size_t s = unif() < 0.7, a = (size_t)(8 * unif() * unif());
		size_t d = (size_t)(20 * unif());

		cell[i] = (d * 8 + a) * 2 + s;
		w[i] = 1;
		y[i] = unif() < 0.7 - 0.05 * (double)a + 0.1 * (double)s;
	}

	mg.ncells = K;
	mg.nmargins = 3;
	mg.nlevels = nlevels;
	mg.level = level;
	calib_ctl_init(&ctl);
	t0 = now();
	if (calib_rake(w, cell, n, &mg, total, &ctl, &rep) < 0) {
		fprintf(stderr, "rake: calib_rake failed (%d)\n", rep.error);
		return 2;
	}
	t1 = now();

	/* The calibrated SE of the proportion, as aggregate computes it. */
	sa = stats_acc_new(STATS_SRS, 1);
	ca = calib_acc_new(STATS_SRS, 1, NULL, 1, K);
	for (i = 0; i < n; i++) {
		stats_acc_add(sa, 0, 0, w[i], &y[i], NULL);
		calib_acc_add(ca, 0, 0, 0, cell[i], w[i], &y[i], NULL);
	}
	cells = stats_acc_cells(sa, 0, &ncells);
	t2 = now();
	calib_acc_adjust(ca, 0, CALIB_RAKE, &mg, STATS_PROPORTION, cells,
	    ncells);
	stats_estimate(cells, ncells, STATS_SRS, STATS_PROPORTION, NULL, &res);
	t3 = now();
	for (i = 0; i < n; i++)
		sum += w[i];

	printf("rake: %zu respondents, 3 margins (2 x 8 x 20 levels, %zu "
	    "cells)\n", n, K);
	printf("rake: %d sweeps, largest change in the last %.2g, %s; weights "
	    "sum to %.0f\n", rep.iterations, rep.max_change, rep.converged ?
	    "converged" : "NOT converged", sum);
	printf("rake: raking %.3f s; accumulating the SE sums %.3f s; "
	    "calibrated SE %.4f s\n", t1 - t0, t2 - t1, t3 - t2);
	printf("rake: estimate %.5f, calibrated SE %.6f\n", res.est, res.se);
	printf("rake: total %.3f s (target < %.1f s)\n", t3 - t0, TARGET);
	free(cells);
	stats_acc_free(sa);
	calib_acc_free(ca);
	free(w);
	free(y);
	free(cell);
	free(level);
	return t3 - t0 < TARGET && rep.converged ? 0 : 1;
}
