/*
 * report.c: the Key Features report's model — aggregate results of one
 * or more questionnaires, rounded as the CSV rounds them, arranged by the
 * seed's parts, areas of focus and Key Features, with the sample design
 * and fieldwork dates that make the figures readable. The writers
 * (report-md.c, report-html.c) and the results screen only lay it out.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xmalloc.h"

void
report_init(struct report *rep, int64_t small_n)
{
	memset(rep, 0, sizeof *rep);
	arena_init(&rep->arena);
	rep->small_n = small_n;
}

void
report_release(struct report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->ninds; i++)
		free(rep->inds[i].ests);
	free(rep->inds);
	free(rep->surveys);
	arena_release(&rep->arena);
	memset(rep, 0, sizeof *rep);
}

/* ---- fieldwork ----------------------------------------------------------- */

struct fw {
	struct report_survey *sv;
	int include_partial;
	char **strata, **psus;
	size_t n, cap, cap2;
};

static int
on_interview(void *ctx, const struct store_interview *iv)
{
	struct fw *f = ctx;
	const char *end;
	struct buf b = BUF_INIT;

	if (strcmp(iv->status, "complete") != 0 &&
	    !(f->include_partial && strcmp(iv->status, "partial") == 0))
		return 0;
	f->sv->ninterviews++;
	/* A partial interview has not ended: it was last worked on when it
	 * was last updated. */
	end = iv->ended_at[0] != '\0' ? iv->ended_at : iv->updated_at;
	if (f->sv->first[0] == '\0' ||
	    strncmp(iv->started_at, f->sv->first, 10) < 0)
		snprintf(f->sv->first, sizeof f->sv->first, "%.10s",
		    iv->started_at);
	if (strncmp(end, f->sv->last, 10) > 0)
		snprintf(f->sv->last, sizeof f->sv->last, "%.10s", end);

	xgrow((void **)&f->strata, &f->cap, f->n + 1, sizeof *f->strata);
	xgrow((void **)&f->psus, &f->cap2, f->n + 1, sizeof *f->psus);
	f->strata[f->n] = xstrdup(iv->stratum ? iv->stratum : "");
	/* As aggregate counts PSUs: a cluster within its stratum, or the
	 * interview itself when it has no cluster. */
	buf_addf(&b, "%s\x1f%s%s", iv->stratum ? iv->stratum : "",
	    iv->cluster ? "c" : "i", iv->cluster ? iv->cluster : iv->uuid);
	f->psus[f->n] = buf_detach(&b);
	f->n++;
	return 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static long
distinct(char **v, size_t n)
{
	size_t i;
	long k = 0;

	qsort(v, n, sizeof *v, cmpstr);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			k++;
	return k;
}

int
report_fieldwork(struct store *st, int64_t qrow, int include_partial,
    struct report_survey *sv)
{
	struct fw f;
	size_t i;
	int rc = 0;

	sv->ninterviews = sv->nstrata = sv->nclusters = 0;
	sv->first[0] = sv->last[0] = '\0';
	sv->include_partial = include_partial;
	/* Row 0 would list every questionnaire's interviews. */
	if (qrow == 0)
		return 0;
	memset(&f, 0, sizeof f);
	f.sv = sv;
	f.include_partial = include_partial;
	if (store_interviews_list(st, qrow, on_interview, &f) < 0)
		rc = -1;
	else {
		sv->nstrata = distinct(f.strata, f.n);
		sv->nclusters = distinct(f.psus, f.n);
	}
	for (i = 0; i < f.n; i++) {
		free(f.strata[i]);
		free(f.psus[i]);
	}
	free(f.strata);
	free(f.psus);
	return rc;
}

/* ---- numbers --------------------------------------------------------------- */

double
report_csv_round(double v)
{
	char s[40];

	if (!isfinite(v))
		return v;
	snprintf(s, sizeof s, "%.10g", v);
	return strtod(s, NULL);
}

void
report_fmt(struct buf *b, const struct report_est *e, double v, int unit)
{
	if (!isfinite(v)) {
		buf_adds(b, "–");
		return;
	}
	buf_addf(b, "%.*f%s", e->decimals, v, unit && e->percent ? "%" : "");
}

void
report_fmt_ci(struct buf *b, const struct report_est *e)
{
	if (!isfinite(e->ci_low) || !isfinite(e->ci_high)) {
		buf_adds(b, "–");
		return;
	}
	report_fmt(b, e, e->ci_low, 0);
	/* "-1.5–2.0" would read as a range from 1.5. */
	buf_adds(b, e->ci_low < 0 ? " to " : "–");
	report_fmt(b, e, e->ci_high, 0);
}

void
report_design_text(struct buf *b, const struct report_survey *sv)
{
	if (sv->design == STATS_CLUSTER && sv->cluster != NULL) {
		buf_adds(b, sv->stratum != NULL ? "Stratified cluster sample" :
		    "Cluster sample");
		buf_addf(b, ": %ld cluster%s (primary sampling units, '%s')",
		    sv->nclusters, sv->nclusters == 1 ? "" : "s", sv->cluster);
		if (sv->stratum != NULL)
			buf_addf(b, " in %ld strat%s ('%s')", sv->nstrata,
			    sv->nstrata == 1 ? "um" : "a", sv->stratum);
	} else if (sv->design == STATS_CLUSTER)
		buf_addf(b, "Stratified sample: %ld strat%s ('%s'), "
		    "respondents drawn within each", sv->nstrata,
		    sv->nstrata == 1 ? "um" : "a", sv->stratum);
	else
		buf_adds(b, "Simple random sample of respondents");
	if (sv->weight != NULL)
		buf_addf(b, ", weighted ('%s')", sv->weight);
	else
		buf_adds(b, ", unweighted");
}

/* ---- the model --------------------------------------------------------- */

static const char *
adup(struct report *rep, const char *s)
{
	return arena_strdup(&rep->arena, s != NULL ? s : "");
}

static const char *
cat_label(const char *cat)
{
	static const char *const names[] = { "1 Poor", "2 Fair", "3 Good",
	    "4 Very good", "5 Excellent" };

	if (strcmp(cat, "mean") == 0)
		return "Mean score (1–5)";
	if (cat[0] >= '1' && cat[0] <= '5' && cat[1] == '\0')
		return names[cat[0] - '1'];
	return "";
}

/* Rank of a category within a group: the mean score, then 5 down to 1. */
static int
cat_rank(const char *cat)
{
	if (cat[0] == '\0' || strcmp(cat, "mean") == 0)
		return 0;
	return 6 - (cat[0] - '0');
}

static void
add_ind(struct report *rep, const struct questionnaire *qn,
    const struct aggregate_row *rows, size_t n)
{
	const struct qn_indicator *qi = rows[0].ind;
	struct report_ind *ri;
	const char **groups;
	size_t i, j, k, ngroups = 0;
	int unitpct, dec = -1;

	xgrow((void **)&rep->inds, &rep->cap_inds, rep->ninds + 1,
	    sizeof *rep->inds);
	ri = &rep->inds[rep->ninds++];
	memset(ri, 0, sizeof *ri);
	ri->survey = adup(rep, qn->id);
	ri->id = adup(rep, qi->id);
	ri->code = adup(rep, qi->code);
	ri->name = adup(rep, qi->name[0]);
	ri->kind = qi->kind;
	ri->unit = adup(rep, qi->unit);
	ri->measure = report_seed_measure(qi->code, qi->id);
	/* A ratio in "%" (100 * part / whole) reads as a percentage. */
	unitpct = qi->unit != NULL && strcmp(qi->unit, "%") == 0;
	ri->percent = qi->kind != QN_RATING_DIST && (rows[0].percent ||
	    unitpct);

	/* The groups in the order aggregate gives them. */
	groups = xcalloc(n, sizeof *groups);
	for (i = 0; i < n; i++) {
		for (j = 0; j < ngroups; j++)
			if (strcmp(groups[j], rows[i].group) == 0)
				break;
		if (j == ngroups)
			groups[ngroups++] = rows[i].group;
	}
	/* One precision per indicator, from the Total's size. */
	for (i = 0; i < n && dec < 0; i++)
		if (!rows[i].percent && !unitpct && isfinite(rows[i].r.est))
			dec = aggregate_decimals(report_csv_round(
			    rows[i].r.est));
	if (qi->kind == QN_RATING_DIST || dec < 0)
		dec = 2;

	ri->ests = xcalloc(n, sizeof *ri->ests);
	for (j = 0; j < ngroups; j++) {
		for (k = 0; k <= 5; k++) {
			for (i = 0; i < n; i++) {
				const struct aggregate_row *r = &rows[i];
				struct report_est *e;
				const char *eq;

				if (strcmp(r->group, groups[j]) != 0 ||
				    cat_rank(r->category) != (int)k)
					continue;
				e = &ri->ests[ri->nests++];
				e->group = adup(rep, r->group);
				eq = strchr(r->group, '=');
				e->label = adup(rep, eq != NULL ? eq + 1 :
				    r->group);
				e->category = adup(rep, r->category);
				e->cat_label = cat_label(r->category);
				e->percent = r->percent || unitpct;
				e->decimals = e->percent ? 1 : dec;
				e->n = r->r.n;
				e->est = report_csv_round(r->r.est);
				e->ci_low = report_csv_round(r->r.ci_low);
				e->ci_high = report_csv_round(r->r.ci_high);
				e->small_n = r->r.small_n;
				if (e->small_n)
					rep->any_small = 1;
				if (!isfinite(e->est))
					rep->any_missing = 1;
			}
		}
	}
	free(groups);
}

void
report_add(struct report *rep, const struct questionnaire *qn,
    const struct report_survey *sv, const struct aggregate_result *res)
{
	struct report_survey *s;
	size_t i, j;

	xgrow((void **)&rep->surveys, &rep->cap_surveys, rep->nsurveys + 1,
	    sizeof *rep->surveys);
	s = &rep->surveys[rep->nsurveys++];
	if (sv != NULL)
		*s = *sv;
	else
		memset(s, 0, sizeof *s);
	s->id = adup(rep, qn->id);
	s->version = adup(rep, qn->version);
	s->title = adup(rep, qn->title[0]);
	s->design = res->design;
	s->stratum = qn->design.stratum >= 0 ?
	    adup(rep, qn->questions[qn->design.stratum].id) : NULL;
	s->cluster = qn->design.cluster >= 0 ?
	    adup(rep, qn->questions[qn->design.cluster].id) : NULL;
	s->weight = qn->design.weight >= 0 ?
	    adup(rep, qn->questions[qn->design.weight].id) : NULL;
	s->ninterviews = res->ninterviews;
	s->nunweighted = res->nunweighted;

	for (i = 0; i < res->nrows; i = j) {
		for (j = i + 1; j < res->nrows &&
		    res->rows[j].ind == res->rows[i].ind; j++)
			;
		add_ind(rep, qn, &res->rows[i], j - i);
	}
}

/* ---- arranging ----------------------------------------------------------- */

struct sortkey {
	int order;
	size_t index;
	struct report_ind *ind;
};

static int
cmpkey(const void *pa, const void *pb)
{
	const struct sortkey *a = pa, *b = pb;
	int c;

	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	/* Codes the seed does not know: by code, then as added. */
	if ((c = strcmp(a->ind->code, b->ind->code)) != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* A Key Feature's code the seed knows: "1.1.1", not "1.1" nor "9.9.9". */
static int
known_feature(const char *code)
{
	const char *p = strchr(code, '.');

	return p != NULL && strchr(p + 1, '.') != NULL &&
	    report_seed_title(code) != NULL;
}

void
report_finish(struct report *rep)
{
	struct report_ind **sorted;
	struct report_area *areas;
	struct report_feature *features;
	struct sortkey *keys;
	size_t i, nareas = 0, nfeatures = 0, n = rep->ninds;
	char pcode[32], acode[32];

	keys = xcalloc(n + 1, sizeof *keys);
	for (i = 0; i < n; i++) {
		keys[i].ind = &rep->inds[i];
		keys[i].index = i;
		keys[i].order = known_feature(rep->inds[i].code) ?
		    report_seed_order(rep->inds[i].code) :
		    report_seed_order(NULL);
	}
	qsort(keys, n, sizeof *keys, cmpkey);
	sorted = arena_alloc(&rep->arena, (n + 1) * sizeof *sorted);
	rep->parts = arena_alloc(&rep->arena, (n + 1) * sizeof *rep->parts);
	areas = arena_alloc(&rep->arena, (n + 1) * sizeof *areas);
	features = arena_alloc(&rep->arena, (n + 1) * sizeof *features);
	rep->nparts = 0;

	for (i = 0; i < n; i++) {
		struct report_ind *ind = keys[i].ind;
		struct report_part *p = rep->nparts ?
		    &rep->parts[rep->nparts - 1] : NULL;
		struct report_area *a = nareas ? &areas[nareas - 1] : NULL;
		struct report_feature *f = nfeatures ?
		    &features[nfeatures - 1] : NULL;

		sorted[i] = ind;
		if (known_feature(ind->code)) {
			snprintf(pcode, sizeof pcode, "%.*s",
			    (int)strcspn(ind->code, "."), ind->code);
			snprintf(acode, sizeof acode, "%.*s",
			    (int)(strchr(strchr(ind->code, '.') + 1, '.') -
			    ind->code), ind->code);
		} else {
			/* One part and one area for the codes the seed
			 * does not know, so that no figure is left out. */
			pcode[0] = acode[0] = '\0';
		}
		if (p == NULL || strcmp(p->code, pcode) != 0) {
			p = &rep->parts[rep->nparts++];
			p->code = adup(rep, pcode);
			p->title = pcode[0] ? report_seed_title(pcode) :
			    "Other survey indicators";
			p->areas = &areas[nareas];
			a = NULL;
		}
		if (a == NULL || strcmp(a->code, acode) != 0) {
			a = &areas[nareas++];
			a->code = adup(rep, acode);
			a->title = acode[0] ? report_seed_title(acode) :
			    "Indicators without a Key Feature code of the seed";
			a->features = &features[nfeatures];
			p->nareas++;
			f = NULL;
		}
		if (f == NULL || strcmp(f->code, ind->code) != 0) {
			f = &features[nfeatures++];
			f->code = ind->code;
			f->title = acode[0] ? report_seed_title(ind->code) : "";
			f->inds = &sorted[i];
			a->nfeatures++;
		}
		f->ninds++;
	}
	free(keys);
}

void
report_measure_parts(const struct report_ind *ind,
    struct report_measure_parts *p)
{
	memset(p, 0, sizeof *p);
	p->name = ind->name;
	if (ind->kind == QN_RATING_DIST)
		buf_adds(&p->suffix, " (mean score from 1 Poor to 5 Excellent, "
		    "and % in each rating)");
	else if (ind->percent)
		buf_adds(&p->suffix, " (%)");
	else if (ind->unit[0] != '\0')
		buf_addf(&p->suffix, " (%s)", ind->unit);
	if (ind->measure == NULL)
		return;
	p->seed_text = ind->measure->text;
	if (strcasecmp(ind->measure->title, ind->name) != 0)
		p->seed_title = ind->measure->title;
}
