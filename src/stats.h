/*
 * stats.h: design-based estimates (proportion, mean, ratio) with standard
 * errors, confidence intervals and design effects, for simple random
 * samples and stratified cluster samples with weights.
 *
 * Two stages.  Stage 1 reduces respondent rows to one cell per PSU (or,
 * for simple random sampling, one per stratum): a handful of weighted sums
 * that a SQL GROUP BY could equally produce.  Stage 2 turns the cells of
 * one domain into a struct stats_result without seeing a row again.
 * Nothing here does I/O or knows about the store.
 *
 * The numbers match R's survey package (Lumley 2010) with the options
 * listed in tests/stats/reference.R, which generates the unit test's
 * expected values.
 */
#ifndef LCSURVEY_STATS_H
#define LCSURVEY_STATS_H

#include <stddef.h>
#include <stdint.h>

enum stats_design {
	/*
	 * Every row its own PSU, optionally within strata: R's
	 * svydesign(ids = ~1, [strata = ~stratum,] weights = ~w).
	 */
	STATS_SRS,
	/*
	 * Stratified cluster sample, PSUs drawn with replacement (ultimate
	 * cluster): svydesign(ids = ~cluster, strata = ~stratum,
	 * weights = ~w, nest = TRUE).
	 */
	STATS_CLUSTER
};

enum stats_kind {
	STATS_PROPORTION,	/* mean of a 0/1 variable; CI kept in [0, 1] */
	STATS_MEAN,
	STATS_RATIO		/* sum w*y over sum w*x */
};

/*
 * Stage-1 totals of one domain over one PSU (STATS_CLUSTER) or over one
 * stratum of single-row PSUs (STATS_SRS).  "Domain rows" are the rows of
 * the domain with a usable answer; all sums run over them only.  For a mean
 * or proportion x is 1 (a mean is a ratio to the constant 1), so swx = sw.
 *
 * As SQL, for STATS_CLUSTER with d = 1 for domain rows and 0 otherwise:
 *   SELECT stratum, cluster, 1, SUM(d * (w <> 0)), SUM(d * w),
 *          SUM(d * w * y), SUM(d * w * x), SUM(d * w * y * y), ...
 *   FROM rows GROUP BY stratum, cluster
 * over ALL rows, so that PSUs without domain members still appear.
 */
struct stats_cell {
	int64_t stratum;
	int64_t cluster;	/* 0 for STATS_SRS */
	/*
	 * PSUs the cell stands for: 1 for STATS_CLUSTER; for STATS_SRS the
	 * number of rows in the stratum, in the domain or not.
	 */
	int64_t npsu;
	int64_t n;		/* domain rows with nonzero weight; but see
				 * stats_acc_cells */
	double sw, swy, swx;
	double swyy, swxy, swxx;	/* for the SRS variance in the deff */
	/*
	 * Sums of w^2 y^2, w^2 x y, w^2 x^2: the squared single-row PSU totals
	 * that STATS_SRS needs.  Unused by STATS_CLUSTER.
	 */
	double swwyy, swwxy, swwxx;
};

struct stats_opts {
	double level;		/* confidence level, default 0.95 */
	int64_t small_n;	/* flag results with n below this, default 30 */
};

struct stats_result {
	long n;			/* domain rows with nonzero weight */
	double est, se, ci_low, ci_high;
	double deff;		/* NAN when undefined (n < 2, no variation) */
	double df;		/* CI degrees of freedom; INFINITY = normal */
	int small_n;		/* n < opts->small_n */
};

/* Fills opts with the defaults (95%, small n below 30). */
void stats_opts_init(struct stats_opts *opts);

/* Stage 1: an accumulator keyed by PSU, memory proportional to PSUs. */
struct stats_acc;

/*
 * Returns an empty accumulator for ndomains domains (at least 1), freed by
 * stats_acc_free().  Domains may overlap (total, men, women) or be different
 * variables (the five categories of a rating): each row carries a value per
 * domain.
 */
struct stats_acc *stats_acc_new(enum stats_design design, size_t ndomains);
/*
 * The same, where mean[d] nonzero declares domain d a mean or proportion:
 * its x is 1, so stats_acc_add does not read x[d] and the accumulator
 * keeps fewer sums per PSU (the results are the same).  mean NULL: none.
 */
struct stats_acc *stats_acc_new_means(enum stats_design design,
    size_t ndomains, const unsigned char *mean);
void stats_acc_free(struct stats_acc *acc);

/*
 * Adds one respondent row in O(1): weight w, and for each domain d the value
 * y[d] and, for a ratio, the denominator x[d] (x NULL means 1 everywhere).
 * A NAN in y[d] or x[d] means the row is outside domain d or its answer is
 * missing; R treats both alike (na.rm = TRUE keeps the row with zero weight,
 * Lumley 2010 section 2.3), and so must we: the row still registers its PSU.
 * For STATS_SRS, cluster is ignored.  Returns -1, changing nothing, if w is
 * negative or not finite; 0 otherwise.
 */
int stats_acc_add(struct stats_acc *acc, int64_t stratum, int64_t cluster,
    double w, const double *y, const double *x);

/*
 * A hint that rows of PSU (stratum, cluster) come next: if the PSU is
 * known, its sums start moving into the cache, so that a caller with other
 * work to do first (reading the row) does not wait for them.  Changes no
 * result.  Returns the PSU's handle, nonzero, when a row of it was added
 * before; 0 otherwise.
 */
size_t stats_acc_prefetch(struct stats_acc *acc, int64_t stratum,
    int64_t cluster);
/*
 * The same for the PSU of a handle stats_acc_prefetch returned (handles
 * last as long as the accumulator), without looking the PSU up: for a
 * caller that keeps the handle beside its own key for the PSU.
 */
void stats_acc_prefetch_psu(struct stats_acc *acc, size_t psu);

/*
 * Returns the cells of domain d, one per PSU seen (zeros where the domain
 * has no members), sorted by stratum then cluster, in an array the caller
 * frees; *ncells gets their count.  NULL with *ncells = 0 when no row was
 * added.  d must be below ndomains.  For STATS_CLUSTER the sums of squared
 * single-row totals (swwyy, swwxy, swwxx) are 0: that design never reads
 * them; and n, swyy, swxy and swxx, which stats_estimate only sums over
 * the cells, are the domain's totals, in the first cell, 0 in the others
 * (the accumulator keeps them per domain, not per PSU).  A cluster cell
 * is in the domain when its sw is positive.  The first call sorts the
 * PSUs once for every domain.
 */
struct stats_cell *stats_acc_cells(struct stats_acc *acc, size_t d,
    size_t *ncells);

/*
 * Adds one row to a cell (what stats_acc_add does per domain), for callers
 * building cells themselves: start from a zeroed cell with its keys set and,
 * for STATS_CLUSTER, npsu = 1; STATS_SRS counts every row into npsu.  A
 * non-finite y or x (missing, or outside the domain) adds nothing else.
 */
void stats_cell_add(struct stats_cell *c, enum stats_design design, double w,
    double y, double x);

/*
 * Stage 2: the estimate for one domain from its cells.  For STATS_CLUSTER
 * there must be one cell per PSU of the whole design, including PSUs with
 * no domain members: dropping them understates the variance.  opts NULL
 * means the defaults.  A domain without data (n = 0, zero total weight, zero
 * denominator) is not an error: *out gets NAN estimates.  Returns -1 for
 * invalid input (unknown design or kind, a cluster cell with npsu != 1, the
 * same PSU twice, a mean or proportion whose x was not 1, a proportion
 * outside [0, 1]); 0 otherwise.
 */
int stats_estimate(const struct stats_cell *cells, size_t ncells,
    enum stats_design design, enum stats_kind kind,
    const struct stats_opts *opts, struct stats_result *out);

/*
 * Wilson score interval for proportion p on n observations with normal
 * quantile z.  Returns -1 (bounds NAN) if n <= 0 or p is outside [0, 1].
 */
int stats_wilson(double p, double n, double z, double *lo, double *hi);

/* Quantile of the standard normal, full double precision; NAN outside (0, 1). */
double stats_qnorm(double p);

/*
 * Quantile of Student's t with df degrees of freedom (df > 0, INFINITY for
 * the normal); about 1e-12 relative.  NAN for p outside (0, 1) or df <= 0.
 */
double stats_qt(double p, double df);

#endif
