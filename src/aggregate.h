/*
 * aggregate.h: city-level estimates of every indicator of a questionnaire,
 * for the total and each disaggregation group, from the interviews in a
 * store.
 *
 * Two stages, as in stats.h. Stage 1 is one pass over the answers
 * (store_scan_design): each interview's answers are gathered in a record,
 * the indicator's rows (the interview, or each member of its roster) are
 * evaluated and reduced at once to per-PSU totals per domain (group x
 * category). Stage 2 turns each domain's totals into an estimate, a
 * standard error, a confidence interval and a design effect. Memory grows
 * with the number of PSUs and domains, never with the number of
 * respondents. Stage 1 is what could later run inside a database server:
 * it only needs GROUP BY stratum, cluster sums.
 *
 * Rows and domains (documented for users in lcsurvey-aggregate(1)):
 *  - a row whose universe is false or null is outside every domain of the
 *    indicator, but still registers its PSU (domain estimation: no row is
 *    ever dropped before estimation);
 *  - a row whose value is null (unanswered, don't know, refused) is outside
 *    the domain too: excluded from numerator and denominator alike;
 *  - a row whose breakdown question is null counts in the Total only.
 */
#ifndef LCSURVEY_AGGREGATE_H
#define LCSURVEY_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "questionnaire.h"
#include "stats.h"
#include "store.h"

struct aggregate_opts {
	int include_partial;	/* partial interviews too (default: no) */
	int64_t small_n;	/* flag estimates on fewer rows; default 30 */
	/*
	 * When by_set, these breakdown questions replace every indicator's
	 * own `by` list (nby 0: the Total only). A question at another roster
	 * level than an indicator is skipped for that indicator.
	 */
	int by_set;
	const int *by;
	int nby;
	/* Called now and then during the scan; may be NULL, which also
	 * spares counting the interviews for its total. */
	void (*progress)(void *ctx, long done, long total);
	void *progress_ctx;
};

struct aggregate_row {
	const struct qn_indicator *ind;
	const char *group;	/* "Total", or "QUESTION=Choice label" */
	/* "" for proportion, mean and ratio; "1".."5" for the share of a
	 * rating category, "mean" for the mean score. */
	const char *category;
	int percent;		/* est, se, ci_* are percentages (0-100) */
	struct stats_result r;
};

struct aggregate_result {
	enum stats_design design;
	long ninterviews;	/* interviews read */
	long nunweighted;	/* of which without a weight (counted as 1) */
	long nbad;		/* stored answers that did not fit the question */
	/* The run of `lcsurvey weights` whose weights were used (its
	 * calibration allowed for in the SEs), 0 for the interviews' own. */
	int64_t weight_run;
	struct aggregate_row *rows;	/* indicator order, then group, category */
	size_t nrows;
	struct arena strings;	/* group labels */
};

/* Fills o with the defaults. */
void aggregate_opts_init(struct aggregate_opts *o);

/* The design the questionnaire's design block implies: STATS_CLUSTER when
 * it names a cluster or a stratum question, else STATS_SRS. */
enum stats_design aggregate_design(const struct questionnaire *qn);

/*
 * Computes every indicator of qn over the interviews of questionnaire row
 * qrow in st. Returns 0 with *out filled (release it with
 * aggregate_result_release, also after a failure), or -1 with a message
 * in err. No interviews is not an error: every estimate is then NAN.
 */
int aggregate_run(struct store *st, const struct questionnaire *qn,
    int64_t qrow, const struct aggregate_opts *o,
    struct aggregate_result *out, struct buf *err);

void aggregate_result_release(struct aggregate_result *res);

/* "proportion", "mean", ... for the kind of row r (a rating's categories
 * are proportions, its score a mean). */
const char *aggregate_row_kind(const struct aggregate_row *r);

/*
 * Digits after the point to show an estimate of size v with: about three
 * significant digits. Writers take it from an indicator's first estimate
 * (the Total) and keep it for every group, so that a column lines up and
 * a standard error of a small ratio does not print as 0.00.
 */
int aggregate_decimals(double v);

#endif
