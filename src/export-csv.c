/*
 * export-csv.c: aggregate results as RFC 4180 CSV, one row per indicator,
 * group and category, with the columns listed in export.h.
 */
#include "export.h"

#include <math.h>
#include <string.h>

#include "csvio.h"

static int
text(FILE *fp, const char *s, int last)
{
	if (csvio_write_field(fp, s, strlen(s)) < 0)
		return -1;
	return fputc(last ? '\n' : ',', fp) == EOF ? -1 : 0;
}

static int
num(FILE *fp, double v)
{
	if (isfinite(v))
		return fprintf(fp, "%.10g,", v) < 0 ? -1 : 0;
	return fputc(',', fp) == EOF ? -1 : 0;
}

int
export_csv_aggregate(FILE *fp, const struct questionnaire *qn,
    const struct aggregate_result *res)
{
	size_t i;

	(void)qn;
	if (fputs("indicator,code,name,group,category,n,estimate,se,ci_low,"
	    "ci_high,deff,flag\n", fp) == EOF)
		return -1;
	for (i = 0; i < res->nrows; i++) {
		const struct aggregate_row *r = &res->rows[i];

		if (text(fp, r->ind->id, 0) < 0 ||
		    text(fp, r->ind->code ? r->ind->code : "", 0) < 0 ||
		    text(fp, r->ind->name[0], 0) < 0 ||
		    text(fp, r->group, 0) < 0 ||
		    text(fp, r->category, 0) < 0 ||
		    fprintf(fp, "%ld,", r->r.n) < 0 ||
		    num(fp, r->r.est) < 0 || num(fp, r->r.se) < 0 ||
		    num(fp, r->r.ci_low) < 0 || num(fp, r->r.ci_high) < 0 ||
		    num(fp, r->r.deff) < 0 ||
		    text(fp, r->r.small_n ? "small_n" : "", 1) < 0)
			return -1;
	}
	return fflush(fp) == EOF ? -1 : 0;
}
