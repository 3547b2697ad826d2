/*
 * aggregate.c: every indicator of a questionnaire, for the total and each
 * disaggregation group, in one pass over the store (see aggregate.h for
 * the two stages and what counts as a row of a domain).
 */
#include "aggregate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calib.h"
#include "record.h"
#include "xmalloc.h"

#define NRATING 5	/* rating categories 1..5 */

/*
 * Text -> id map with owned keys, open addressing, for question ids,
 * strata and clusters (the store keeps the latter as text). Clusters come
 * at random, each lookup a cache miss: a slot keeps its key's hash, and a
 * short key in itself, so that a lookup usually reads one place in
 * memory.
 */
struct strmap_slot {
	uint32_t hash;		/* the low half: a slot's place (maps are
				 * smaller than 2^32) and most strcmps */
	int32_t val;
	char *key;		/* NULL: empty; small, or a copy to free */
	char small[8];
	/*
	 * Clusters only: the accumulator's handle for the PSU this cluster
	 * was last seen in (0: none yet), and that PSU's stratum, so that
	 * starting an interview takes one cache miss (this slot, prefetched
	 * ahead) rather than two (this slot, then the PSU's in the
	 * accumulator's table). 32 bytes in all: two slots to a cache line.
	 */
	uint32_t psu;
	int32_t psu_stratum;
};

struct strmap {
	struct strmap_slot *slots;
	size_t size, n;	/* size: a power of two */
};

static uint64_t
str_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static void
strmap_release(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->size; i++)
		if (m->slots[i].key != m->slots[i].small)
			free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* The slot of key (hash h): where it is, or the empty slot where it
 * would go. */
static size_t
strmap_slot(const struct strmap *m, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (m->size - 1);

	while (m->slots[i].key != NULL && (m->slots[i].hash != (uint32_t)h ||
	    strcmp(m->slots[i].key, key) != 0))
		i = (i + 1) & (m->size - 1);
	return i;
}

static void
strmap_grow(struct strmap *m)
{
	struct strmap old = *m;
	size_t i, j;

	m->size = old.size ? old.size * 2 : 64;
	m->slots = xcalloc(m->size, sizeof *m->slots);
	for (i = 0; i < old.size; i++)
		if (old.slots[i].key != NULL) {
			for (j = (size_t)old.slots[i].hash & (m->size - 1);
			    m->slots[j].key != NULL; j = (j + 1) & (m->size - 1))
				;
			m->slots[j] = old.slots[i];
			if (old.slots[i].key == old.slots[i].small)
				m->slots[j].key = m->slots[j].small;
		}
	free(old.slots);
}

/* Sets key's id; returns its slot, which the next put may move. */
static struct strmap_slot *
strmap_put(struct strmap *m, const char *key, int64_t val)
{
	uint64_t h = str_hash(key);
	size_t i;

	if (2 * (m->n + 1) > m->size)
		strmap_grow(m);
	i = strmap_slot(m, key, h);
	if (m->slots[i].key == NULL) {
		struct strmap_slot *t = &m->slots[i];

		if (strlen(key) < sizeof t->small)
			t->key = strcpy(t->small, key);
		else
			t->key = xstrdup(key);
		t->hash = (uint32_t)h;
		m->n++;
	}
	m->slots[i].val = (int32_t)val;
	return &m->slots[i];
}

/* The id of key, or -1. */
static int64_t
strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->size == 0)
		return -1;
	i = strmap_slot(m, key, str_hash(key));
	return m->slots[i].key != NULL ? m->slots[i].val : -1;
}

/* Starts loading the slot key would be looked up in (or, after a
 * collision, the first of them). */
static void
strmap_prefetch(const struct strmap *m, const char *key)
{
#if defined(__GNUC__) || defined(__clang__)
	if (m->size > 0)
		__builtin_prefetch(&m->slots[(size_t)str_hash(key) &
		    (m->size - 1)]);
#else
	(void)m;
	(void)key;
#endif
}

/* The slot of key, adding it (id n + 1) when new; the next put may move
 * it. */
static struct strmap_slot *
strmap_intern_slot(struct strmap *m, const char *key)
{
	size_t i;

	if (m->size > 0) {
		i = strmap_slot(m, key, str_hash(key));
		if (m->slots[i].key != NULL)
			return &m->slots[i];
	}
	return strmap_put(m, key, (int64_t)m->n + 1);
}

/* ---- per-indicator state ----------------------------------------------- */

struct ind_state {
	const struct qn_indicator *ind;
	int *by;		/* breakdown questions in effect */
	int nby;
	int *goff;		/* first group of each breakdown (group 0: Total) */
	int ngroups;
	int nest;		/* estimates: 1, or NRATING + 1 for a rating */
	size_t nd;		/* domains: ngroups * nest */
	/*
	 * Where the domains live: for STATS_SRS an accumulator of the
	 * indicator's own (base 0), since an SRS cell counts every row added
	 * to it; for STATS_CLUSTER the run's shared accumulator, from base.
	 */
	struct stats_acc *acc;
	size_t base;
	double *y, *x;		/* STATS_SRS: one row's values */
	int *gs;		/* one row's groups */
	struct calib_acc *cacc;	/* calibrated weights: like acc */
};

struct agg {
	const struct questionnaire *qn;
	const struct aggregate_opts *o;
	enum stats_design design;
	struct record *rec;
	struct ind_state *is;
	/*
	 * STATS_CLUSTER: every domain of every indicator in one accumulator,
	 * so that a row costs one PSU lookup and touches one block of memory
	 * rather than one per indicator; y and x hold one row's values.
	 */
	struct stats_acc *shared;
	size_t ndomains;
	double *y, *x;
	struct strmap questions, strata, clusters;
	unsigned char *needed;	/* questions the indicators read */
	/*
	 * Answers come in the same order in every interview: succ[q] is the
	 * question that followed q last time (first: the first one), so that
	 * one strcmp usually finds a question without hashing its id.
	 */
	int *succ;
	int first, prev;
	int64_t cur;		/* interview being gathered, -1 before any */
	int64_t stratum, cluster;
	double weight;
	long done, total;
	struct aggregate_result *res;
	/*
	 * Weights from `lcsurvey weights` (its newest run), which replace
	 * interviews.weight; with calibration, each row also goes to a
	 * calib_acc so that the standard errors allow for it (calib.h).
	 */
	struct store_weights wts;
	enum calib_method calib;
	struct calib_margins cm;
	size_t *cm_nlevels;
	size_t cell;		/* the interview's calibration cell */
	long nmissing;		/* interviews the run has no weight for */
	struct calib_acc *cshared;
};

enum stats_design
aggregate_design(const struct questionnaire *qn)
{
	return qn->design.cluster >= 0 || qn->design.stratum >= 0 ?
	    STATS_CLUSTER : STATS_SRS;
}

void
aggregate_opts_init(struct aggregate_opts *o)
{
	memset(o, 0, sizeof *o);
	o->small_n = 30;
}

const char *
aggregate_row_kind(const struct aggregate_row *r)
{
	if (r->ind->kind == QN_RATING_DIST)
		return r->percent ? "proportion" : "mean";
	return questionnaire_kind_name(r->ind->kind);
}

int
aggregate_decimals(double v)
{
	v = fabs(v);
	if (!isfinite(v) || v >= 100)
		return v >= 100 ? 0 : 2;
	if (v >= 10)
		return 1;
	if (v >= 1)
		return 2;
	if (v >= 0.1)
		return 3;
	if (v >= 0.01)
		return 4;
	return 5;
}

static void
need_ref(void *ctx, int id)
{
	unsigned char *needed = ctx;

	needed[id] = 1;
}

static void
need_expr(struct agg *ag, const struct expr *e)
{
	if (e != NULL)
		expr_foreach_ref(e, need_ref, ag->needed);
}

/* A breakdown question applies to an indicator at its level only. */
static int
by_applies(const struct questionnaire *qn, const struct qn_indicator *ind,
    int q)
{
	const struct qn_question *qq = &qn->questions[q];

	return (qq->type == QN_SINGLE || qq->type == QN_YESNO) &&
	    qq->choices != NULL && (qq->roster == 0 || qq->roster == ind->roster);
}

/*
 * An accumulator for the domains of the n indicators at s, told which
 * domains are means or proportions (all but a ratio's), whose x is 1: it
 * keeps fewer sums for them.
 */
static struct stats_acc *
new_acc(enum stats_design design, const struct ind_state *s, int n)
{
	struct stats_acc *acc;
	unsigned char *mean;
	size_t nd = 0;
	int i;

	for (i = 0; i < n; i++)
		nd += s[i].nd;
	mean = xcalloc(nd + 1, 1);
	for (i = 0; i < n; i++)
		memset(mean + s[i].base, s[i].ind->kind != QN_RATIO, s[i].nd);
	acc = stats_acc_new_means(design, nd, mean);
	free(mean);
	return acc;
}

static void
setup(struct agg *ag)
{
	const struct questionnaire *qn = ag->qn;
	int i, j, r;

	ag->rec = record_new(qn);
	ag->needed = xcalloc((size_t)qn->nquestions + 1, 1);
	ag->succ = xcalloc((size_t)qn->nquestions + 1, sizeof *ag->succ);
	ag->first = ag->prev = -1;
	for (i = 0; i < qn->nquestions; i++)
		strmap_put(&ag->questions, qn->questions[i].id, i);
	for (r = 0; r < qn->nrosters; r++) {
		need_expr(ag, qn->rosters[r].count);
		need_expr(ag, qn->sections[qn->rosters[r].section].relevant);
	}
	ag->is = xcalloc((size_t)qn->nindicators + 1, sizeof *ag->is);
	for (i = 0; i < qn->nindicators; i++) {
		struct ind_state *s = &ag->is[i];
		const struct qn_indicator *ind = &qn->indicators[i];
		const int *by = ag->o->by_set ? ag->o->by : ind->by;
		int nby = ag->o->by_set ? ag->o->nby : ind->nby;
		size_t nd;

		s->ind = ind;
		s->by = xcalloc((size_t)nby + 1, sizeof *s->by);
		s->goff = xcalloc((size_t)nby + 1, sizeof *s->goff);
		s->ngroups = 1;
		for (j = 0; j < nby; j++) {
			if (!by_applies(qn, ind, by[j]))
				continue;
			s->by[s->nby] = by[j];
			s->goff[s->nby++] = s->ngroups;
			s->ngroups += qn->questions[by[j]].choices->nchoices;
			ag->needed[by[j]] = 1;
		}
		s->nest = ind->kind == QN_RATING_DIST ? NRATING + 1 : 1;
		nd = s->nd = (size_t)s->ngroups * (size_t)s->nest;
		if (ag->design == STATS_SRS) {
			s->acc = new_acc(ag->design, s, 1);
			if (ag->calib != CALIB_NONE)
				s->cacc = calib_acc_new(STATS_SRS, nd, NULL, 1,
				    ag->cm.ncells);
			s->y = xcalloc(nd, sizeof *s->y);
			s->x = xcalloc(nd, sizeof *s->x);
		} else {
			s->base = ag->ndomains;
			ag->ndomains += nd;
		}
		s->gs = xcalloc((size_t)s->nby + 1, sizeof *s->gs);
		need_expr(ag, ind->universe);
		need_expr(ag, ind->numerator);
		need_expr(ag, ind->denominator);
		need_expr(ag, ind->value);
	}
	if (ag->design == STATS_CLUSTER) {
		ag->shared = new_acc(STATS_CLUSTER, ag->is, qn->nindicators);
		ag->y = xcalloc(ag->ndomains + 1, sizeof *ag->y);
		ag->x = xcalloc(ag->ndomains + 1, sizeof *ag->x);
		for (i = 0; i < qn->nindicators; i++)
			ag->is[i].acc = ag->shared;
		if (ag->calib != CALIB_NONE) {
			int *lv = xcalloc(ag->ndomains + 1, sizeof *lv);
			size_t d;

			for (i = 0; i < qn->nindicators; i++)
				for (d = 0; d < ag->is[i].nd; d++)
					lv[ag->is[i].base + d] =
					    ag->is[i].ind->roster;
			ag->cshared = calib_acc_new(STATS_CLUSTER,
			    ag->ndomains, lv, qn->nrosters + 1, ag->cm.ncells);
			for (i = 0; i < qn->nindicators; i++)
				ag->is[i].cacc = ag->cshared;
			free(lv);
		}
	}
}

static void
teardown(struct agg *ag)
{
	int i;

	for (i = 0; ag->is != NULL && i < ag->qn->nindicators; i++) {
		struct ind_state *s = &ag->is[i];

		if (s->acc != ag->shared)
			stats_acc_free(s->acc);
		if (s->cacc != ag->cshared)
			calib_acc_free(s->cacc);
		free(s->by);
		free(s->goff);
		free(s->y);
		free(s->x);
		free(s->gs);
	}
	free(ag->is);
	stats_acc_free(ag->shared);
	calib_acc_free(ag->cshared);
	store_weights_release(&ag->wts);
	free(ag->cm_nlevels);
	free(ag->y);
	free(ag->x);
	free(ag->needed);
	free(ag->succ);
	record_free(ag->rec);
	strmap_release(&ag->questions);
	strmap_release(&ag->strata);
	strmap_release(&ag->clusters);
}

/* ---- stage 1: rows into per-PSU totals ---------------------------------- */

/* The number of the value v among q's choices, or -1. */
static int
choice_pos(const struct qn_question *q, const struct expr_value *v)
{
	long code;
	int i;

	if (v->kind != EXPR_V_NUMBER && v->kind != EXPR_V_BOOL)
		return -1;
	code = (long)v->num;
	for (i = 0; i < q->choices->nchoices; i++)
		if (q->choices->codes[i] == code)
			return i;
	return -1;
}

/*
 * One row of one indicator. val[e] (and den[e] for a ratio) get the row's
 * value for estimate e, NAN when it has none; returns 0 when the row is
 * outside the universe or has no usable value at all.
 */
static int
row_values(struct agg *ag, const struct qn_indicator *ind, int member,
    double *val, double *den)
{
	struct expr_value v, w;
	int k;

	if (ind->universe != NULL) {
		record_eval(ag->rec, ind->universe, member, &v);
		if (expr_truth(&v) != 1)
			return 0;
	}
	switch (ind->kind) {
	case QN_PROPORTION:
		record_eval(ag->rec, ind->numerator, member, &v);
		if ((k = expr_truth(&v)) < 0)
			return 0;
		val[0] = k;
		return 1;
	case QN_MEAN:
		record_eval(ag->rec, ind->value, member, &v);
		if (v.kind != EXPR_V_NUMBER || !isfinite(v.num))
			return 0;
		val[0] = v.num;
		return 1;
	case QN_RATIO:
		record_eval(ag->rec, ind->numerator, member, &v);
		record_eval(ag->rec, ind->denominator, member, &w);
		if (v.kind != EXPR_V_NUMBER || w.kind != EXPR_V_NUMBER ||
		    !isfinite(v.num) || !isfinite(w.num))
			return 0;
		val[0] = v.num;
		den[0] = w.num;
		return 1;
	case QN_RATING_DIST:
		record_eval(ag->rec, ind->value, member, &v);
		if (v.kind != EXPR_V_NUMBER || v.num < 1 || v.num > NRATING ||
		    v.num != floor(v.num))
			return 0;
		for (k = 0; k < NRATING; k++)
			val[k] = v.num == k + 1;
		val[NRATING] = v.num;
		return 1;
	}
	return 0;
}

/* Domains of an indicator outside a row: y NAN, and x 1, which is what a
 * mean or proportion must have (stats_estimate checks). */
static void
clear_span(double *y, double *x, size_t nd)
{
	size_t d;

	for (d = 0; d < nd; d++) {
		y[d] = NAN;
		x[d] = 1;
	}
}

/* One row of indicator s into y[0..s->nd) and x, which hold NAN and 1. */
static void
row_domains(struct agg *ag, struct ind_state *s, int member, double *y,
    double *x)
{
	double val[NRATING + 1], den[NRATING + 1];
	size_t d;
	int e, j, ng = 0;

	for (e = 0; e < s->nest; e++)
		den[e] = 1;
	if (!row_values(ag, s->ind, member, val, den))
		return;
	s->gs[ng++] = 0;
	for (j = 0; j < s->nby; j++) {
		const struct qn_question *q = &ag->qn->questions[s->by[j]];
		struct expr_value v;
		int pos;

		record_get(ag->rec, s->by[j], q->roster ? member : 0, &v);
		if ((pos = choice_pos(q, &v)) >= 0)
			s->gs[ng++] = s->goff[j] + pos;
	}
	for (e = 0; e < s->nest; e++)
		for (j = 0; j < ng; j++) {
			d = (size_t)e * (size_t)s->ngroups + (size_t)s->gs[j];
			y[d] = val[e];
			x[d] = den[e];
		}
}

/* Every row, in a domain or not, registers its PSU (domain estimation). */
static void
add_row(struct agg *ag, struct stats_acc *acc, const double *y,
    const double *x)
{
	stats_acc_add(acc, ag->stratum, ag->cluster, ag->weight, y, x);
}

/* STATS_SRS: each indicator's rows into its own accumulator. */
static void
flush_srs(struct agg *ag)
{
	int i, m, n;

	for (i = 0; i < ag->qn->nindicators; i++) {
		struct ind_state *s = &ag->is[i];
		int lo = s->ind->roster ? 1 : 0;

		n = s->ind->roster ? record_members(ag->rec, s->ind->roster) : 0;
		for (m = lo; m <= n; m++) {
			clear_span(s->y, s->x, s->nd);
			row_domains(ag, s, m, s->y, s->x);
			add_row(ag, s->acc, s->y, s->x);
			if (s->cacc != NULL)
				calib_acc_add(s->cacc, 0, 0, 0, ag->cell,
				    ag->weight, s->y, s->x);
		}
	}
}

/*
 * STATS_CLUSTER: one shared row per level. The household row carries the
 * household-level indicators' domains, member m's row those of the
 * indicators of its roster; the other domains are NAN, which adds nothing
 * to a cluster cell.
 */
static void
flush_cluster(struct agg *ag)
{
	const struct questionnaire *qn = ag->qn;
	int i, r, m, n, any;

	for (r = 0; r <= qn->nrosters; r++) {
		any = 0;
		for (i = 0; i < qn->nindicators && !any; i++)
			any = ag->is[i].ind->roster == r;
		if (!any)
			continue;
		n = r ? record_members(ag->rec, r) : 0;
		for (m = r ? 1 : 0; m <= n; m++) {
			clear_span(ag->y, ag->x, ag->ndomains);
			for (i = 0; i < qn->nindicators; i++) {
				struct ind_state *s = &ag->is[i];

				if (s->ind->roster == r)
					row_domains(ag, s, m, ag->y + s->base,
					    ag->x + s->base);
			}
			add_row(ag, ag->shared, ag->y, ag->x);
			if (ag->cshared != NULL)
				calib_acc_add(ag->cshared, r, ag->stratum,
				    ag->cluster, ag->cell, ag->weight, ag->y,
				    ag->x);
		}
	}
}

/* The gathered interview's rows, into the totals. */
static void
flush_interview(struct agg *ag)
{
	if (ag->cur < 0)
		return;
	if (ag->design == STATS_SRS)
		flush_srs(ag);
	else
		flush_cluster(ag);
	ag->done++;
	if (ag->o->progress != NULL && (ag->done & 4095) == 0)
		ag->o->progress(ag->o->progress_ctx, ag->done, ag->total);
}

static void
start_interview(struct agg *ag, const struct store_design *d)
{
	struct strmap_slot *c = NULL;
	size_t psu;

	ag->cur = d->interview;
	record_reset(ag->rec);
	ag->weight = d->has_weight ? d->weight : 1;
	ag->cell = 0;
	if (ag->wts.run > 0) {
		long k = store_weights_find(&ag->wts, d->interview);

		/* Counted, and the run refused at the end: a weight of 0
		 * meanwhile keeps the accumulators consistent. */
		if (k < 0) {
			ag->nmissing++;
			ag->weight = 0;
		} else {
			ag->weight = ag->wts.weight[k];
			ag->cell = ag->wts.cell[k];
		}
	} else if (!d->has_weight && ag->qn->design.weight >= 0)
		ag->res->nunweighted++;
	ag->stratum = ag->cluster = 0;
	if (ag->design == STATS_SRS)
		return;
	/* Stratum 0 is "no stratum"; an interview without a cluster is a
	 * PSU of its own (negative ids cannot clash with named clusters). */
	if (ag->qn->design.stratum >= 0 && d->stratum != NULL)
		ag->stratum = strmap_intern_slot(&ag->strata, d->stratum)->val;
	if (ag->qn->design.cluster >= 0 && d->cluster != NULL) {
		c = strmap_intern_slot(&ag->clusters, d->cluster);
		ag->cluster = c->val;
	} else
		ag->cluster = -d->interview;
	/* Interviews come in UUID order, so their PSUs at random: the
	 * PSU's totals load while the store reads the answers. The
	 * cluster's slot remembers its PSU for the next time. */
	if (c != NULL && c->psu != 0 && c->psu_stratum == ag->stratum)
		stats_acc_prefetch_psu(ag->shared, c->psu);
	else if ((psu = stats_acc_prefetch(ag->shared, ag->stratum,
	    ag->cluster)) != 0 && c != NULL && psu <= UINT32_MAX) {
		c->psu = (uint32_t)psu;
		c->psu_stratum = (int32_t)ag->stratum;
	}
}

/*
 * A few interviews ahead of the answers: interviews come in UUID order,
 * so their clusters at random, and the cluster's slot in a map of some
 * 50,000 is a cache miss that would otherwise be waited for at the start
 * of each interview, before its PSU's totals can be prefetched in turn.
 */
static void
scan_ahead(void *ctx, const struct store_design *d)
{
	struct agg *ag = ctx;

	if (ag->design != STATS_SRS && ag->qn->design.cluster >= 0 &&
	    d->cluster != NULL)
		strmap_prefetch(&ag->clusters, d->cluster);
}

static int
scan_fn(void *ctx, const struct store_design *d, const struct store_answer *a)
{
	struct agg *ag = ctx;
	int64_t q;
	int guess;

	if (d->interview != ag->cur) {
		flush_interview(ag);
		start_interview(ag, d);
		ag->prev = -1;
	}
	guess = ag->prev < 0 ? ag->first : ag->succ[ag->prev];
	if (guess >= 0 && strcmp(a->question, ag->qn->questions[guess].id) == 0)
		q = guess;
	else if ((q = strmap_get(&ag->questions, a->question)) < 0)
		return 0;
	if (ag->prev < 0)
		ag->first = (int)q;
	else
		ag->succ[ag->prev] = (int)q;
	ag->prev = (int)q;
	if (!ag->needed[q])
		return 0;
	if (record_set_stored(ag->rec, (int)q, a->member, &a->value) < 0)
		ag->res->nbad++;
	return 0;
}

/* ---- stage 2: totals into estimates ------------------------------------- */

static const char *
group_label(struct aggregate_result *res, const struct questionnaire *qn,
    const struct ind_state *s, int g)
{
	const struct qn_question *q;
	int j;

	if (g == 0)
		return "Total";
	for (j = s->nby - 1; s->goff[j] > g; j--)
		;
	q = &qn->questions[s->by[j]];
	{
		const char *id = q->id;
		const char *lab = q->choices->choices[g - s->goff[j]].label[0];
		size_t n = strlen(id) + strlen(lab) + 2;
		char *t = arena_alloc(&res->strings, n);

		memcpy(t, id, strlen(id));
		t[strlen(id)] = '=';
		memcpy(t + strlen(id) + 1, lab, strlen(lab) + 1);
		return t;
	}
}

static void
scale(struct stats_result *r, double f)
{
	r->est *= f;
	r->se *= f;
	r->ci_low *= f;
	r->ci_high *= f;
}

static int
estimate(struct agg *ag, struct buf *err)
{
	static const char *const cats[] = { "1", "2", "3", "4", "5", "mean" };
	struct aggregate_result *res = ag->res;
	struct stats_opts so;
	size_t nrows = 0, cap = 0;
	int i, g, e;

	stats_opts_init(&so);
	so.small_n = ag->o->small_n;
	for (i = 0; i < ag->qn->nindicators; i++) {
		struct ind_state *s = &ag->is[i];

		for (g = 0; g < s->ngroups; g++) {
			const char *label = group_label(res, ag->qn, s, g);

			for (e = 0; e < s->nest; e++) {
				struct aggregate_row *r;
				struct stats_cell *cells;
				size_t ncells;
				enum stats_kind kind;
				int rc;

				xgrow((void **)&res->rows, &cap, nrows + 1,
				    sizeof *res->rows);
				r = &res->rows[nrows++];
				memset(r, 0, sizeof *r);
				r->ind = s->ind;
				r->group = label;
				r->category = s->nest > 1 ? cats[e] : "";
				switch (s->ind->kind) {
				case QN_PROPORTION:
					kind = STATS_PROPORTION;
					break;
				case QN_MEAN:
					kind = STATS_MEAN;
					break;
				case QN_RATIO:
					kind = STATS_RATIO;
					break;
				default:
					kind = e < NRATING ? STATS_PROPORTION :
					    STATS_MEAN;
					break;
				}
				r->percent = kind == STATS_PROPORTION;
				cells = stats_acc_cells(s->acc, s->base +
				    (size_t)e * (size_t)s->ngroups + (size_t)g,
				    &ncells);
				rc = 0;
				if (s->cacc != NULL)
					rc = calib_acc_adjust(s->cacc, s->base +
					    (size_t)e * (size_t)s->ngroups +
					    (size_t)g, ag->calib, &ag->cm, kind,
					    cells, ncells);
				if (rc == 0)
					rc = stats_estimate(cells, ncells,
					    ag->design, kind, &so, &r->r);
				free(cells);
				if (rc < 0) {
					res->nrows = nrows;
					buf_addf(err, "indicator '%s': invalid "
					    "values for its kind", s->ind->id);
					return -1;
				}
				if (r->percent)
					scale(&r->r, 100);
			}
		}
	}
	res->nrows = nrows;
	return 0;
}

/* ---- the run ------------------------------------------------------------- */

/*
 * The newest run of `lcsurvey weights`, if any: its weights replace the
 * interviews' own, and a calibrated run's cells and margins go to the
 * variance (calib.h).
 */
static int
load_weights(struct store *st, int64_t qrow, struct agg *ag, struct buf *err)
{
	struct store_weights *w = &ag->wts;
	size_t k, m;

	if (store_weights_load(st, qrow, w) < 0) {
		buf_addf(err, "%s", store_errmsg(st));
		return -1;
	}
	ag->res->weight_run = w->run;
	if (w->run == 0 || strcmp(w->method, "base") == 0 ||
	    w->ncells == 0 || w->nmargins == 0)
		return 0;
	ag->calib = strcmp(w->method, "rake") == 0 ? CALIB_RAKE :
	    CALIB_POSTSTRATIFY;
	ag->cm_nlevels = xcalloc(w->nmargins, sizeof *ag->cm_nlevels);
	for (k = 0; k < w->ncells; k++)
		for (m = 0; m < w->nmargins; m++)
			if (w->level[k * w->nmargins + m] >= ag->cm_nlevels[m])
				ag->cm_nlevels[m] =
				    w->level[k * w->nmargins + m] + 1;
	ag->cm.ncells = w->ncells;
	ag->cm.nmargins = w->nmargins;
	ag->cm.nlevels = ag->cm_nlevels;
	ag->cm.level = w->level;
	return 0;
}

int
aggregate_run(struct store *st, const struct questionnaire *qn, int64_t qrow,
    const struct aggregate_opts *o, struct aggregate_result *out,
    struct buf *err)
{
	struct aggregate_opts defaults;
	struct agg ag;
	int counts[3], rc = -1;

	memset(out, 0, sizeof *out);
	arena_init(&out->strings);
	if (o == NULL) {
		aggregate_opts_init(&defaults);
		o = &defaults;
	}
	memset(&ag, 0, sizeof ag);
	ag.qn = qn;
	ag.o = o;
	ag.res = out;
	ag.cur = -1;
	ag.design = out->design = aggregate_design(qn);
	if (load_weights(st, qrow, &ag, err) < 0) {
		setup(&ag);
		goto out;
	}
	setup(&ag);
	/* The total only sizes the progress bar, and costs a pass over the
	 * interviews table (a tenth of the scan on the 1M city). */
	if (o->progress != NULL) {
		if (store_count_by_status(st, qrow, NULL, counts) < 0) {
			buf_addf(err, "%s", store_errmsg(st));
			goto out;
		}
		ag.total = counts[STORE_COMPLETE] +
		    (o->include_partial ? counts[STORE_PARTIAL] : 0);
	}
	if (store_scan_design(st, qrow, o->include_partial, scan_fn,
	    scan_ahead, &ag) != 0) {
		buf_addf(err, "%s", store_errmsg(st));
		goto out;
	}
	flush_interview(&ag);
	if (ag.nmissing > 0) {
		buf_addf(err, "%ld interview%s ha%s no weight in weighting run "
		    "%lld (added since, or not complete): run 'lcsurvey "
		    "weights' again", ag.nmissing, ag.nmissing == 1 ? "" : "s",
		    ag.nmissing == 1 ? "s" : "ve", (long long)ag.wts.run);
		goto out;
	}
	if (o->progress != NULL)
		o->progress(o->progress_ctx, ag.done, ag.total);
	out->ninterviews = ag.done;
	rc = estimate(&ag, err);
out:
	teardown(&ag);
	return rc;
}

void
aggregate_result_release(struct aggregate_result *res)
{
	if (res == NULL)
		return;
	free(res->rows);
	arena_release(&res->strings);
	memset(res, 0, sizeof *res);
}
