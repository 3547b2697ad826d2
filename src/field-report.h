/*
 * field-report.h: what a field supervisor checks every evening, per day
 * and enumerator: interviews completed, partial and abandoned, the median
 * duration, the questions with the longest median time, and the share of
 * "don't know" answers (lcsurvey field-report).
 */
#ifndef LCSURVEY_FIELD_REPORT_H
#define LCSURVEY_FIELD_REPORT_H

#include "buf.h"
#include "store.h"

#define FIELD_REPORT_SLOW 3	/* slowest questions listed per row */

struct field_report_row {
	char *day;		/* local date the interviews started */
	char *enumerator;	/* "" when none was recorded */
	int complete, partial, abandoned;
	double median_minutes;	/* of complete interviews; < 0: none */
	long answers, dont_know;
	struct {
		char *question;
		double median_seconds;
	} slow[FIELD_REPORT_SLOW];
	int nslow;
};

struct field_report {
	struct field_report_row *rows;
	int n;
	size_t cap;
};

/* Fills *r (release it with field_report_release) from every interview
 * in st; -1 with a message in err. */
int field_report_build(struct store *st, struct field_report *r,
    struct buf *err);
void field_report_release(struct field_report *r);
/* The median of v[0..n) (sorted in place); -1 when n is 0. */
double field_report_median(double *v, int n);

#endif
