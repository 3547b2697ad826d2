/*
 * calib.h: calibration of survey weights to population totals
 * (post-stratification, raking), weight trimming, and the standard-error
 * adjustment that calibration calls for, on plain arrays as stats.h.
 *
 * Rows are grouped into joint cells: one per combination of the values of
 * every calibration variable that occurs in the sample (sex x agegroup x
 * district when raking to those three margins).  A margin maps each joint
 * cell to one of its levels; post-stratification is the case of a single
 * margin whose levels are the joint cells themselves.  Since every
 * calibration factor is constant within a joint cell, the fitting works on
 * cell totals, not rows: raking a million rows costs one pass to sum them
 * and one to scale them.
 *
 * Variance.  A calibrated estimate's linearized variable z_i is replaced by
 * a residual z_i - w_i f_k(i), one coefficient per joint cell, before the
 * PSU totals are formed.  The coefficients are those of R's survey package
 * (svyrecvar, survey 4.1):
 *  - post-stratification: f_k = sum_k z / sum_k w, the weighted cell mean;
 *  - raking: ten sweeps over the margins, each level's coefficient raised
 *    by the unweighted mean over its rows of the current residual over the
 *    weight (x - psw * ave(x / psw)), with the final weights as psw (R
 *    keeps the weights of each margin's step of the last sweep, which
 *    equal the final ones once raking has converged).
 * Nothing here does I/O.
 */
#ifndef LCSURVEY_CALIB_H
#define LCSURVEY_CALIB_H

#include <stddef.h>
#include <stdint.h>

#include "stats.h"

enum calib_method { CALIB_NONE, CALIB_POSTSTRATIFY, CALIB_RAKE };

/* R's svyrecvar() sweeps the raking residuals exactly this often. */
#define CALIB_RESID_SWEEPS 10

/*
 * The calibration structure: ncells joint cells, nmargins margins (1 for
 * post-stratification), margin m with nlevels[m] levels.  level[k *
 * nmargins + m] is joint cell k's level in margin m.  Borrowed.
 */
struct calib_margins {
	size_t ncells, nmargins;
	const size_t *nlevels;
	const size_t *level;
};

/* Raking's controls and what a fit reports. */
struct calib_ctl {
	double tol;		/* stop when no weight moves by more (relative) */
	int maxit;		/* sweeps over the margins at most */
};

struct calib_report {
	int iterations;		/* sweeps over the margins done */
	double max_change;	/* largest relative weight change, last sweep */
	int converged;		/* max_change <= tol */
	/* On failure: the margin and level at fault, and why. */
	size_t bad_margin, bad_level;
	enum {
		CALIB_OK,
		CALIB_ZERO_TOTAL,	/* respondents, population total <= 0 */
		CALIB_NO_RESPONDENTS,	/* population, no weight in the sample */
		CALIB_BAD_INPUT		/* negative or non-finite number, bad index */
	} error;
};

/* Fills ctl with the defaults: tol 1e-10, 1000 sweeps. */
void calib_ctl_init(struct calib_ctl *ctl);

/*
 * Post-stratification: the weights w[0..n) of the rows of each cell
 * (cell[i] < ncells) are scaled so that they sum to total[cell]; cells
 * without rows and a total of 0 are allowed.  Returns 0, or -1 with w
 * unchanged and rep->error, rep->bad_level saying which cell: a cell with
 * rows but a total <= 0 (CALIB_ZERO_TOTAL), or a total > 0 but no weight
 * (CALIB_NO_RESPONDENTS).  rep may be NULL.
 */
int calib_poststratify(double *w, const size_t *cell, size_t n,
    const double *total, size_t ncells, struct calib_report *rep);

/*
 * Raking (iterative proportional fitting, Deming and Stephan 1940): the
 * weights are scaled in turn to each margin's totals (margin m's level l
 * at total[off_m + l], off_m the sum of the earlier margins' nlevels) until
 * a sweep changes no weight by more than ctl->tol (relative) or ctl->maxit
 * sweeps are done; rep gets both figures.  Not converging is not an
 * error: rep->converged says so.  Fails (-1, w unchanged, rep->error) as
 * calib_poststratify for a level, margins inconsistent with the weights
 * aside.  ctl NULL means the defaults.
 */
int calib_rake(double *w, const size_t *cell, size_t n,
    const struct calib_margins *mg, const double *total,
    const struct calib_ctl *ctl, struct calib_report *rep);

/* Passes of strict trimming before the weights are simply clamped. */
#define CALIB_TRIM_PASSES 1000

/*
 * Trimming as R's trimWeights(): weights outside [lo, hi] are set to the
 * bound and the amount trimmed is shared equally among the others, which
 * keeps the sum of the weights; with strict, repeated until every weight is
 * inside (after CALIB_TRIM_PASSES passes, the rest is clamped, and the sum
 * moves by what is left).  *ntrimmed gets the number of weights set to a bound.  Returns
 * -1 (nothing changed) if lo > hi or every weight is outside.
 */
int calib_trim(double *w, size_t n, double lo, double hi, int strict,
    size_t *ntrimmed);

/*
 * The residual coefficients f[0..ncells) of the header comment, from per
 * joint cell sums over the rows (of the estimate's level, in its domain or
 * not): nrows[k] rows, wsum[k] = sum w, zsum[k] = sum z, esum[k] = sum z/w
 * (rows of zero weight add nothing to it).  Returns -1 for an unknown
 * method.
 */
int calib_resid_coef(enum calib_method method, const struct calib_margins *mg,
    const double *nrows, const double *wsum, const double *zsum,
    const double *esum, double *f);

/*
 * Per-row form: zr[i] = z[i] - w[i] f_cell[i], for tests and for callers
 * holding the rows.  Returns -1 for an unknown method.
 */
int calib_residuals(enum calib_method method, const struct calib_margins *mg,
    const double *z, const double *w, const size_t *cell, size_t n,
    double *zr);

/*
 * Stage-1 companion of a stats_acc for calibrated weights: the sums per
 * joint cell (and, for STATS_CLUSTER, per PSU and joint cell) that turn
 * the stats cells of a domain into those of the residuals.  Domain d's
 * rows are the rows of level level_of[d] (a questionnaire level: the
 * interview, or a roster); level_of NULL means every domain is of level 0.
 * STATS_SRS supports one stratum only (stratum 0).
 */
struct calib_acc;

/* Returns an accumulator (free with calib_acc_free) for ndomains domains,
 * of nlevels levels, over ncells joint cells. */
struct calib_acc *calib_acc_new(enum stats_design design, size_t ndomains,
    const int *level_of, int nlevels, size_t ncells);
void calib_acc_free(struct calib_acc *acc);

/*
 * Adds a row of level level in joint cell cell with weight w and, for each
 * domain, y[d] and x[d] as given to stats_acc_add (x NULL: 1).  Domains of
 * other levels ignore the row.  Returns -1, adding nothing, for a level or
 * cell out of range, a stratum other than 0 in STATS_SRS, or a negative or
 * non-finite w.
 */
int calib_acc_add(struct calib_acc *acc, int level, int64_t stratum,
    int64_t cluster, size_t cell, double w, const double *y, const double *x);

/*
 * Rewrites the stats cells of domain d (as stats_acc_cells returned them,
 * for the same rows) so that stats_estimate() gives the calibrated
 * standard error and the same estimate: for STATS_CLUSTER each PSU's swy
 * loses X times its residual total (centred within its stratum, which
 * changes no within-stratum deviation); for STATS_SRS the stratum's swwyy
 * is set from the residuals' sum of squares.  kind as for stats_estimate.
 * Returns 0, also for a domain without data (cells unchanged); -1 for an
 * unknown method, d out of range or a cell whose PSU the accumulator never
 * saw.
 */
int calib_acc_adjust(const struct calib_acc *acc, size_t d,
    enum calib_method method, const struct calib_margins *mg,
    enum stats_kind kind, struct stats_cell *cells, size_t ncells);

#endif
