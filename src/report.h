/*
 * report.h: the Key Features report — the seed's table "List of key
 * features and measurement" filled with the survey estimates of every
 * indicator, grouped by area of focus, ready to be written as Markdown
 * (report-md.c), HTML (report-html.c) or drawn by the results screen.
 *
 * The model is built from aggregate results and copies what it keeps, so
 * the questionnaires and results may be freed once report_add() returns.
 * Every number is rounded the way `lcsurvey aggregate --format csv`
 * prints it (ten significant digits) before it is rounded again for
 * display, so a reader of the CSV who rounds to the decimals shown gets
 * exactly the report's figures.
 */
#ifndef LCSURVEY_REPORT_H
#define LCSURVEY_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "aggregate.h"
#include "arena.h"
#include "buf.h"
#include "questionnaire.h"
#include "store.h"

/* The seed's text for one possible measurement (report-seed.c). */
struct report_measure {
	const char *code;	/* Key Feature code, "2.2.2" */
	const char *title;	/* "Participation in family learning" */
	const char *text;	/* what it measures */
	const char *source;	/* the seed's "Source of data" */
	/*
	 * Ids of the shipped instruments' indicators that measure it, space
	 * separated, for a feature with several measurements; may be "".
	 */
	const char *ids;
};

/* One estimate: a row of aggregate's output. */
struct report_est {
	const char *group;	/* as aggregate names it: "Total", "sex=Male" */
	const char *label;	/* for people: "Total", "Male" */
	const char *category;	/* "", "mean", or a rating's "1".."5" */
	const char *cat_label;	/* "" or "5 Excellent" ... "Mean score" */
	long n;
	double est, ci_low, ci_high;	/* NAN when there is no estimate */
	int small_n;
	int percent;		/* est and CI are percentages (0-100) */
	int decimals;		/* digits shown after the point */
};

/* One indicator of one questionnaire. */
struct report_ind {
	const char *survey;	/* questionnaire id */
	const char *id, *code, *name;
	enum qn_indicator_kind kind;
	const char *unit;	/* "%", or the questionnaire's unit; "" none */
	int percent;		/* its headline estimates are percentages */
	const struct report_measure *measure;	/* NULL: no seed text matches */
	/*
	 * In aggregate's group order; within a group, a rating's mean score
	 * comes first, then its categories from 5 (Excellent) to 1 (Poor).
	 */
	struct report_est *ests;
	size_t nests;
};

struct report_feature {
	const char *code, *title;	/* title "" for an unknown code */
	struct report_ind **inds;
	size_t ninds;
};

/* An area of focus ("1.1 Empowering individuals ..."). */
struct report_area {
	const char *code, *title;
	struct report_feature *features;
	size_t nfeatures;
};

/* A part of the framework ("1. Wider benefits ..."). */
struct report_part {
	const char *code, *title;
	struct report_area *areas;
	size_t nareas;
};

/* What the report says about how one survey was done. */
struct report_survey {
	const char *id, *version, *title;
	enum stats_design design;
	const char *stratum, *cluster, *weight;	/* question ids, NULL none */
	long ninterviews;	/* interviews counted */
	long nunweighted;	/* of which without a weight */
	long nstrata, nclusters;	/* distinct values recorded */
	char first[11], last[11];	/* fieldwork dates (UTC); "" none */
	int include_partial;
};

struct report {
	struct arena arena;
	int64_t small_n;
	int any_small;		/* some estimate carries the small-n flag */
	int any_missing;	/* some estimate does not exist (NAN) */
	struct report_survey *surveys;
	size_t nsurveys;
	struct report_ind *inds;	/* every indicator, in order added */
	size_t ninds;
	/* Filled by report_finish(). */
	struct report_part *parts;
	size_t nparts;
	size_t cap_surveys, cap_inds;
};

/* Starts an empty report; small_n is the threshold aggregate flagged at. */
void report_init(struct report *rep, int64_t small_n);
/* Frees everything the report holds; a zeroed struct is fine. */
void report_release(struct report *rep);

/*
 * The survey's fieldwork from the store: interviews, fieldwork dates and
 * distinct strata and clusters of the interviews of questionnaire qrow
 * that aggregate counts (complete ones; partial ones too if
 * include_partial). Fills the fields of *sv other than those coming from
 * the questionnaire. Returns 0, or -1 with store_errmsg(st) saying why.
 */
int report_fieldwork(struct store *st, int64_t qrow, int include_partial,
    struct report_survey *sv);

/*
 * Adds a survey: its questionnaire, what report_fieldwork() found (sv;
 * may be NULL when unknown) and the results of aggregate_run() on it.
 * Copies all it keeps.
 */
void report_add(struct report *rep, const struct questionnaire *qn,
    const struct report_survey *sv, const struct aggregate_result *res);

/*
 * Arranges the indicators added by area of focus and Key Feature, in the
 * seed's order (codes the seed does not know come last, in a part of
 * their own). Call once, after the last report_add().
 */
void report_finish(struct report *rep);

/* v rounded as aggregate's CSV prints it (ten significant digits). */
double report_csv_round(double v);

/*
 * Appends v (one of e's numbers) with e's decimals, and "%" for a
 * percentage when unit is set, or "–" when v is NAN.
 */
void report_fmt(struct buf *b, const struct report_est *e, double v,
    int unit);
/* Appends e's interval, "low–high" with e's decimals, or "–". */
void report_fmt_ci(struct buf *b, const struct report_est *e);
/* A sentence describing sv's sample design, e.g. "Stratified cluster
 * sample: 12 clusters in 3 strata, weighted", appended to b. */
void report_design_text(struct buf *b, const struct report_survey *sv);

/*
 * The parts of an indicator's measurement cell, which each writer marks
 * up its own way: the indicator's name; after it, what its figures are
 * (" (%)", the rating scale, or the unit); then the seed's wording of
 * what it measures (seed_text NULL when no seed text matches), with the
 * seed's title only when it is not the name again (the shipped
 * instruments often take the seed's title as the indicator's name: say
 * it once). Text unescaped. Release with buf_release(&p->suffix).
 */
struct report_measure_parts {
	const char *name;
	struct buf suffix;
	const char *seed_title, *seed_text;
};
void report_measure_parts(const struct report_ind *ind,
    struct report_measure_parts *p);

/* The seed's tables (report-seed.c). */
/* Title of a part ("1"), an area ("1.1") or a Key Feature ("1.1.1"), or
 * NULL when the seed has none. */
const char *report_seed_title(const char *code);
/* Position of a code in the seed's order, for sorting; codes the seed
 * does not know sort after all others. */
int report_seed_order(const char *code);
/* The seed's measurement indicator id (of code) stands for, or NULL. */
const struct report_measure *report_seed_measure(const char *code,
    const char *id);

/*
 * Writers: 0, or -1 when writing to fp failed. Every label is escaped
 * for the format: they come from questionnaires, which anyone may write.
 */
int report_md_write(FILE *fp, const struct report *rep);
int report_html_write(FILE *fp, const struct report *rep);

#endif
