/*
 * export-table.c: aggregate results as a table for a terminal: a heading
 * per indicator, a line per group and category.
 */
#include "export.h"

#include <math.h>
#include <string.h>

#include "strutil.h"

static void
cell(FILE *fp, double v, int width, int decimals)
{
	if (isfinite(v))
		fprintf(fp, " %*.*f", width, decimals, v);
	else
		fprintf(fp, " %*s", width, "-");
}

/* Pads a UTF-8 string to width characters (not bytes). */
static void
padded(FILE *fp, const char *s, int width)
{
	size_t n = strutil_utf8_len(s, strlen(s));

	fputs(s, fp);
	for (; (int)n < width; n++)
		fputc(' ', fp);
}

/* Decimals for the estimates other than percentages of the indicator
 * whose rows start at first: as the report has them (2 for a rating's
 * score, on a 1-5 scale). */
static int
ind_decimals(const struct aggregate_result *res, size_t first)
{
	const struct qn_indicator *ind = res->rows[first].ind;
	size_t i;

	if (ind->kind == QN_RATING_DIST)
		return 2;
	for (i = first; i < res->nrows && res->rows[i].ind == ind; i++)
		if (!res->rows[i].percent && isfinite(res->rows[i].r.est))
			return aggregate_decimals(res->rows[i].r.est);
	return 2;
}

int
export_table_aggregate(FILE *fp, const struct questionnaire *qn,
    const struct aggregate_result *res)
{
	const struct qn_indicator *last = NULL;
	size_t i;
	int ind_dec = 2;

	fprintf(fp, "%s %s: %ld interview%s, %s design, 95%% confidence "
	    "intervals\n", qn->id, qn->version, res->ninterviews,
	    res->ninterviews == 1 ? "" : "s", res->design == STATS_CLUSTER ?
	    "stratified cluster" : "simple random sample");
	for (i = 0; i < res->nrows; i++) {
		const struct aggregate_row *r = &res->rows[i];
		int dec;

		if (r->ind != last) {
			last = r->ind;
			ind_dec = ind_decimals(res, i);
			fprintf(fp, "\n%s %s: %s (%s)\n", r->ind->code ?
			    r->ind->code : "", r->ind->id, r->ind->name[0],
			    r->ind->unit && r->ind->unit[0] ? r->ind->unit :
			    questionnaire_kind_name(r->ind->kind));
			fprintf(fp, "  %-22s %-8s %7s %10s %9s %23s %6s\n",
			    "group", "category", "n", "estimate", "se",
			    "95% CI", "deff");
		}
		dec = r->percent ? 1 : ind_dec;
		fputs("  ", fp);
		padded(fp, r->group, 22);
		fputc(' ', fp);
		padded(fp, r->category[0] ? r->category : "", 8);
		fprintf(fp, " %7ld", r->r.n);
		cell(fp, r->r.est, 10, dec);
		cell(fp, r->r.se, 9, dec);
		if (isfinite(r->r.ci_low))
			fprintf(fp, "  [%9.*f, %9.*f]", dec, r->r.ci_low, dec,
			    r->r.ci_high);
		else
			fprintf(fp, " %23s", "-");
		cell(fp, r->r.deff, 6, 2);
		fputs(r->r.small_n ? "  small n\n" : "\n", fp);
	}
	return fflush(fp) == EOF || ferror(fp) ? -1 : 0;
}
