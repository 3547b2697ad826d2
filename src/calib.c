/*
 * calib.c: weights calibrated to population totals, and the residuals that
 * make the standard errors of calibrated estimates agree with R's survey
 * package.  See calib.h for the model (joint cells, margins) and the
 * variance method; lcsurvey-weights(1) documents both for users.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calib.h"
#include "xmalloc.h"

void
calib_ctl_init(struct calib_ctl *ctl)
{
	ctl->tol = 1e-10;
	ctl->maxit = 1000;
}

static void
report_init(struct calib_report *rep)
{
	memset(rep, 0, sizeof *rep);
	rep->error = CALIB_OK;
}

static int
report_fail(struct calib_report *rep, int error, size_t margin, size_t level)
{
	rep->error = error;
	rep->bad_margin = margin;
	rep->bad_level = level;
	return -1;
}

/*
 * The weight total of each cell; -1 for a cell index out of range or a
 * weight that is negative or not finite.
 */
static int
cell_sums(const double *w, const size_t *cell, size_t n, size_t ncells,
    double *cw)
{
	size_t i;

	memset(cw, 0, ncells * sizeof *cw);
	for (i = 0; i < n; i++) {
		if (cell[i] >= ncells || !isfinite(w[i]) || w[i] < 0)
			return -1;
		cw[cell[i]] += w[i];
	}
	return 0;
}

/* A level's sample and population totals must both be zero or positive. */
static int
check_level(double have, double total, size_t m, size_t l,
    struct calib_report *rep)
{
	if (!isfinite(total) || total < 0)
		return report_fail(rep, CALIB_BAD_INPUT, m, l);
	if (have > 0 && total <= 0)
		return report_fail(rep, CALIB_ZERO_TOTAL, m, l);
	if (have <= 0 && total > 0)
		return report_fail(rep, CALIB_NO_RESPONDENTS, m, l);
	return 0;
}

int
calib_poststratify(double *w, const size_t *cell, size_t n,
    const double *total, size_t ncells, struct calib_report *rep)
{
	struct calib_report dummy;
	double *cw;
	size_t i, k;
	int rc = -1;

	if (rep == NULL)
		rep = &dummy;
	report_init(rep);
	cw = xcalloc(ncells + 1, sizeof *cw);
	if (cell_sums(w, cell, n, ncells, cw) < 0) {
		report_fail(rep, CALIB_BAD_INPUT, 0, 0);
		goto out;
	}
	for (k = 0; k < ncells; k++)
		if (check_level(cw[k], total[k], 0, k, rep) < 0)
			goto out;
	for (k = 0; k < ncells; k++)
		cw[k] = cw[k] > 0 ? total[k] / cw[k] : 1;
	for (i = 0; i < n; i++)
		w[i] *= cw[cell[i]];
	rep->iterations = 1;
	rep->converged = 1;
	rc = 0;
out:
	free(cw);
	return rc;
}

int
calib_rake(double *w, const size_t *cell, size_t n,
    const struct calib_margins *mg, const double *total,
    const struct calib_ctl *ctl, struct calib_report *rep)
{
	struct calib_report dummy;
	struct calib_ctl defaults;
	size_t K = mg->ncells, M = mg->nmargins, i, k, m, l, off, nl = 0;
	double *cw, *g, *cur, chg;
	int rc = -1;

	if (rep == NULL)
		rep = &dummy;
	if (ctl == NULL) {
		calib_ctl_init(&defaults);
		ctl = &defaults;
	}
	report_init(rep);
	for (m = 0; m < M; m++)
		nl += mg->nlevels[m];
	cw = xcalloc(K + 1, sizeof *cw);
	g = xcalloc(K + 1, sizeof *g);
	cur = xcalloc(nl + 1, sizeof *cur);
	if (cell_sums(w, cell, n, K, cw) < 0) {
		report_fail(rep, CALIB_BAD_INPUT, 0, 0);
		goto out;
	}
	for (k = 0; k < K; k++) {
		g[k] = 1;
		for (m = 0, off = 0; m < M; off += mg->nlevels[m++]) {
			if (mg->level[k * M + m] >= mg->nlevels[m]) {
				report_fail(rep, CALIB_BAD_INPUT, m, 0);
				goto out;
			}
			cur[off + mg->level[k * M + m]] += cw[k];
		}
	}
	for (m = 0, off = 0; m < M; off += mg->nlevels[m++])
		for (l = 0; l < mg->nlevels[m]; l++)
			if (check_level(cur[off + l], total[off + l], m, l,
			    rep) < 0)
				goto out;

	/*
	 * Each step scales a margin's levels to their totals exactly; a
	 * sweep's largest factor away from 1 is the largest relative change
	 * of any weight in it, and so the distance from the fixed point.
	 */
	while (rep->iterations < ctl->maxit) {
		rep->max_change = 0;
		for (m = 0, off = 0; m < M; off += mg->nlevels[m++]) {
			memset(cur + off, 0, mg->nlevels[m] * sizeof *cur);
			for (k = 0; k < K; k++)
				cur[off + mg->level[k * M + m]] += cw[k] * g[k];
			for (l = 0; l < mg->nlevels[m]; l++) {
				if (cur[off + l] > 0) {
					cur[off + l] = total[off + l] /
					    cur[off + l];
					chg = fabs(cur[off + l] - 1);
					if (chg > rep->max_change)
						rep->max_change = chg;
				} else
					cur[off + l] = 1;
			}
			for (k = 0; k < K; k++)
				g[k] *= cur[off + mg->level[k * M + m]];
		}
		rep->iterations++;
		if (rep->max_change <= ctl->tol) {
			rep->converged = 1;
			break;
		}
	}
	for (i = 0; i < n; i++)
		w[i] *= g[cell[i]];
	rc = 0;
out:
	free(cw);
	free(g);
	free(cur);
	return rc;
}

int
calib_trim(double *w, size_t n, double lo, double hi, int strict,
    size_t *ntrimmed)
{
	double cut, share;
	size_t i, out, total = 0;
	unsigned char *at;
	int pass;

	*ntrimmed = 0;
	if (!(lo <= hi))
		return -1;
	/* A weight once set to a bound stays counted as trimmed. */
	at = xcalloc(n + 1, 1);
	for (pass = 0;; pass++) {
		cut = 0;
		out = 0;
		for (i = 0; i < n; i++)
			if (w[i] < lo || w[i] > hi) {
				cut += w[i] - (w[i] < lo ? lo : hi);
				out++;
			}
		if (out == 0)
			break;
		if (out == n) {
			free(at);
			return total > 0 ? 0 : -1;
		}
		/*
		 * R's trimWeights(): the amount cut goes equally to the rest.
		 * Repeated, that approaches the bounds without always reaching
		 * them: the last strict pass clamps without sharing.
		 */
		share = pass < CALIB_TRIM_PASSES ? cut / (double)(n - out) : 0;
		for (i = 0; i < n; i++) {
			if (w[i] < lo || w[i] > hi) {
				w[i] = w[i] < lo ? lo : hi;
				if (!at[i]) {
					at[i] = 1;
					total++;
				}
			} else
				w[i] += share;
		}
		if (!strict || share == 0)
			break;
	}
	*ntrimmed = total;
	free(at);
	return 0;
}

int
calib_resid_coef(enum calib_method method, const struct calib_margins *mg,
    const double *nrows, const double *wsum, const double *zsum,
    const double *esum, double *f)
{
	size_t K = mg->ncells, M = mg->nmargins, k, m, off, nl = 0;
	double *num, *den;
	int sweep;

	switch (method) {
	case CALIB_NONE:
		memset(f, 0, K * sizeof *f);
		return 0;
	case CALIB_POSTSTRATIFY:
		for (k = 0; k < K; k++)
			f[k] = wsum[k] > 0 ? zsum[k] / wsum[k] : 0;
		return 0;
	case CALIB_RAKE:
		break;
	default:
		return -1;
	}

	/*
	 * R's raking residuals, per joint cell instead of per row: a row's
	 * x / w is z / w - f_k, so a level's mean of it over its rows is
	 * sum over its cells of (esum_k - nrows_k f_k) over its row count.
	 */
	for (m = 0; m < M; m++)
		nl += mg->nlevels[m];
	num = xcalloc(nl + 1, sizeof *num);
	den = xcalloc(nl + 1, sizeof *den);
	memset(f, 0, K * sizeof *f);
	for (sweep = 0; sweep < CALIB_RESID_SWEEPS; sweep++)
		for (m = 0, off = 0; m < M; off += mg->nlevels[m++]) {
			memset(num + off, 0, mg->nlevels[m] * sizeof *num);
			memset(den + off, 0, mg->nlevels[m] * sizeof *den);
			for (k = 0; k < K; k++) {
				size_t l = off + mg->level[k * M + m];

				num[l] += esum[k] - nrows[k] * f[k];
				den[l] += nrows[k];
			}
			for (k = 0; k < K; k++) {
				size_t l = off + mg->level[k * M + m];

				if (den[l] > 0)
					f[k] += num[l] / den[l];
			}
		}
	free(num);
	free(den);
	return 0;
}

int
calib_residuals(enum calib_method method, const struct calib_margins *mg,
    const double *z, const double *w, const size_t *cell, size_t n,
    double *zr)
{
	size_t K = mg->ncells, i;
	double *s = xcalloc(5 * K + 1, sizeof *s);
	double *nr = s, *ws = s + K, *zs = s + 2 * K, *es = s + 3 * K;
	double *f = s + 4 * K;
	int rc;

	for (i = 0; i < n; i++) {
		nr[cell[i]] += 1;
		ws[cell[i]] += w[i];
		zs[cell[i]] += z[i];
		if (w[i] != 0)
			es[cell[i]] += z[i] / w[i];
	}
	rc = calib_resid_coef(method, mg, nr, ws, zs, es, f);
	for (i = 0; rc == 0 && i < n; i++)
		zr[i] = z[i] - w[i] * f[cell[i]];
	free(s);
	return rc;
}

/* ---- the accumulator ----------------------------------------------------- */

/* Per level and joint cell: rows, sum w, sum w^2. */
enum { LV_N, LV_W, LV_WW, LV_NSUM };
/*
 * Per domain and joint cell: sum w y, sum w x, the unweighted sums of y
 * and x (rows of positive weight), and for STATS_SRS the sums of w^2 y,
 * w^2 x, w^2 y^2, w^2 x y, w^2 x^2.
 */
enum { DM_Y, DM_X, DM_U, DM_V, DM_WY, DM_WX, DM_WYY, DM_WXY, DM_WXX,
	DM_NSUM };

/* A PSU's weight in one joint cell of one level (STATS_CLUSTER). */
struct psu_cell {
	size_t psu, cell;
	int level;
	double w;
};

struct calib_acc {
	enum stats_design design;
	size_t ndomains, ncells;
	int nlevels;
	int *level_of;
	double *lev;		/* [nlevels][ncells][LV_NSUM] */
	double *dom;		/* [ndomains][ncells][DM_NSUM] */
	/* STATS_CLUSTER: the PSUs and their (level, cell) weights. */
	int64_t *psu_key;	/* stratum, cluster pairs */
	size_t npsus, psu_cap;
	size_t *psu_table, psu_tsize;	/* index + 1; 0 is empty */
	struct psu_cell *pc;
	size_t npc, pc_cap;
	size_t *pc_table, pc_tsize;
};

static size_t
mix(uint64_t h)
{
	/* splitmix64's finalizer, as stats.c hashes its PSUs. */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return (size_t)h;
}

static size_t
psu_hash(int64_t stratum, int64_t cluster)
{
	return mix((uint64_t)stratum * 0x9e3779b97f4a7c15ULL ^
	    (uint64_t)cluster);
}

static size_t
pc_hash(size_t psu, int level, size_t cell)
{
	return mix(((uint64_t)psu * 0x9e3779b97f4a7c15ULL ^ (uint64_t)cell) *
	    31 + (uint64_t)level);
}

static void
psu_rehash(struct calib_acc *acc, size_t tsize)
{
	size_t i, j;

	free(acc->psu_table);
	acc->psu_table = xcalloc(tsize, sizeof *acc->psu_table);
	acc->psu_tsize = tsize;
	for (i = 0; i < acc->npsus; i++) {
		j = psu_hash(acc->psu_key[2 * i], acc->psu_key[2 * i + 1]) &
		    (tsize - 1);
		while (acc->psu_table[j] != 0)
			j = (j + 1) & (tsize - 1);
		acc->psu_table[j] = i + 1;
	}
}

static void
pc_rehash(struct calib_acc *acc, size_t tsize)
{
	const struct psu_cell *p;
	size_t i, j;

	free(acc->pc_table);
	acc->pc_table = xcalloc(tsize, sizeof *acc->pc_table);
	acc->pc_tsize = tsize;
	for (i = 0; i < acc->npc; i++) {
		p = &acc->pc[i];
		j = pc_hash(p->psu, p->level, p->cell) & (tsize - 1);
		while (acc->pc_table[j] != 0)
			j = (j + 1) & (tsize - 1);
		acc->pc_table[j] = i + 1;
	}
}

/* The index of a PSU; with add, creating it.  (size_t)-1 when absent. */
static size_t
psu_find(struct calib_acc *acc, int64_t stratum, int64_t cluster, int add)
{
	size_t j = psu_hash(stratum, cluster) & (acc->psu_tsize - 1), i;

	while (acc->psu_table[j] != 0) {
		i = acc->psu_table[j] - 1;
		if (acc->psu_key[2 * i] == stratum &&
		    acc->psu_key[2 * i + 1] == cluster)
			return i;
		j = (j + 1) & (acc->psu_tsize - 1);
	}
	if (!add)
		return (size_t)-1;
	xgrow((void **)&acc->psu_key, &acc->psu_cap, 2 * (acc->npsus + 1),
	    sizeof *acc->psu_key);
	acc->psu_key[2 * acc->npsus] = stratum;
	acc->psu_key[2 * acc->npsus + 1] = cluster;
	acc->psu_table[j] = ++acc->npsus;
	if (2 * acc->npsus >= acc->psu_tsize)
		psu_rehash(acc, 2 * acc->psu_tsize);
	return acc->npsus - 1;
}

static void
pc_add(struct calib_acc *acc, size_t psu, int level, size_t cell, double w)
{
	size_t j = pc_hash(psu, level, cell) & (acc->pc_tsize - 1);
	struct psu_cell *p;

	while (acc->pc_table[j] != 0) {
		p = &acc->pc[acc->pc_table[j] - 1];
		if (p->psu == psu && p->level == level && p->cell == cell) {
			p->w += w;
			return;
		}
		j = (j + 1) & (acc->pc_tsize - 1);
	}
	xgrow((void **)&acc->pc, &acc->pc_cap, acc->npc + 1, sizeof *acc->pc);
	p = &acc->pc[acc->npc];
	p->psu = psu;
	p->level = level;
	p->cell = cell;
	p->w = w;
	acc->pc_table[j] = ++acc->npc;
	if (2 * acc->npc >= acc->pc_tsize)
		pc_rehash(acc, 2 * acc->pc_tsize);
}

struct calib_acc *
calib_acc_new(enum stats_design design, size_t ndomains, const int *level_of,
    int nlevels, size_t ncells)
{
	struct calib_acc *acc = xcalloc(1, sizeof *acc);
	size_t d;

	acc->design = design;
	acc->ndomains = ndomains;
	acc->ncells = ncells;
	acc->nlevels = nlevels > 0 ? nlevels : 1;
	acc->level_of = xcalloc(ndomains + 1, sizeof *acc->level_of);
	for (d = 0; d < ndomains; d++)
		acc->level_of[d] = level_of != NULL ? level_of[d] : 0;
	acc->lev = xcalloc((size_t)acc->nlevels * ncells * LV_NSUM + 1,
	    sizeof *acc->lev);
	acc->dom = xcalloc(ndomains * ncells * DM_NSUM + 1, sizeof *acc->dom);
	psu_rehash(acc, 64);
	pc_rehash(acc, 64);
	return acc;
}

void
calib_acc_free(struct calib_acc *acc)
{
	if (acc == NULL)
		return;
	free(acc->level_of);
	free(acc->lev);
	free(acc->dom);
	free(acc->psu_key);
	free(acc->psu_table);
	free(acc->pc);
	free(acc->pc_table);
	free(acc);
}

int
calib_acc_add(struct calib_acc *acc, int level, int64_t stratum,
    int64_t cluster, size_t cell, double w, const double *y, const double *x)
{
	double *lv, *dm, ww = w * w, yd, xd;
	size_t d;

	if (level < 0 || level >= acc->nlevels || cell >= acc->ncells ||
	    !isfinite(w) || w < 0 || (acc->design == STATS_SRS && stratum != 0))
		return -1;
	lv = &acc->lev[((size_t)level * acc->ncells + cell) * LV_NSUM];
	lv[LV_N] += 1;
	lv[LV_W] += w;
	lv[LV_WW] += ww;
	for (d = 0; d < acc->ndomains; d++) {
		if (acc->level_of[d] != level)
			continue;
		yd = y[d];
		xd = x != NULL ? x[d] : 1.0;
		if (!isfinite(yd) || !isfinite(xd))
			continue;
		dm = &acc->dom[(d * acc->ncells + cell) * DM_NSUM];
		dm[DM_Y] += w * yd;
		dm[DM_X] += w * xd;
		if (w > 0) {
			dm[DM_U] += yd;
			dm[DM_V] += xd;
		}
		dm[DM_WY] += ww * yd;
		dm[DM_WX] += ww * xd;
		dm[DM_WYY] += ww * yd * yd;
		dm[DM_WXY] += ww * xd * yd;
		dm[DM_WXX] += ww * xd * xd;
	}
	if (acc->design == STATS_CLUSTER)
		pc_add(acc, psu_find(acc, stratum, cluster, 1), level, cell,
		    w);
	return 0;
}

/* STATS_CLUSTER: each PSU's swy loses X times its centred residual total. */
static int
adjust_cluster(const struct calib_acc *acc, int level, const double *f,
    double xt, struct stats_cell *cells, size_t ncells)
{
	double *off = xcalloc(acc->npsus + 1, sizeof *off), mean;
	size_t *idx = xcalloc(ncells + 1, sizeof *idx), i, j, k;
	int rc = -1;

	for (i = 0; i < acc->npc; i++)
		if (acc->pc[i].level == level)
			off[acc->pc[i].psu] += acc->pc[i].w * f[acc->pc[i].cell];
	for (i = 0; i < ncells; i++) {
		idx[i] = psu_find((struct calib_acc *)acc, cells[i].stratum,
		    cells[i].cluster, 0);
		if (idx[i] == (size_t)-1)
			goto out;
	}
	/*
	 * Centring within the stratum keeps the sum of swy, and so the
	 * estimate, and changes no deviation from a stratum mean, which is
	 * all the variance sees.  R's residuals need not sum to zero.
	 */
	for (i = 0; i < ncells; i = j) {
		mean = 0;
		for (j = i; j < ncells && cells[j].stratum == cells[i].stratum;
		    j++)
			mean += off[idx[j]];
		mean /= (double)(j - i);
		for (k = i; k < j; k++)
			cells[k].swy -= xt * (off[idx[k]] - mean);
	}
	rc = 0;
out:
	free(off);
	free(idx);
	return rc;
}

int
calib_acc_adjust(const struct calib_acc *acc, size_t d,
    enum calib_method method, const struct calib_margins *mg,
    enum stats_kind kind, struct stats_cell *cells, size_t ncells)
{
	size_t K = acc->ncells, k;
	const double *dm, *lv;
	double *s, *nr, *ws, *zs, *es, *f, yt = 0, xt = 0, r, s1 = 0, s2 = 0;
	double m = 0, a, b;
	int level, rc = -1;

	if (d >= acc->ndomains || (method != CALIB_POSTSTRATIFY &&
	    method != CALIB_RAKE) || mg->ncells != K)
		return -1;
	level = acc->level_of[d];
	dm = &acc->dom[d * K * DM_NSUM];
	lv = &acc->lev[(size_t)level * K * LV_NSUM];
	for (k = 0; k < K; k++) {
		yt += dm[k * DM_NSUM + DM_Y];
		xt += dm[k * DM_NSUM + DM_X];
	}
	if (xt == 0 || ncells == 0)
		return 0;
	r = yt / xt;
	if (kind == STATS_PROPORTION)
		r = fmin(1, fmax(0, r));

	s = xcalloc(5 * K + 1, sizeof *s);
	nr = s;
	ws = s + K;
	zs = s + 2 * K;
	es = s + 3 * K;
	f = s + 4 * K;
	for (k = 0; k < K; k++) {
		const double *c = &dm[k * DM_NSUM];

		nr[k] = lv[k * LV_NSUM + LV_N];
		ws[k] = lv[k * LV_NSUM + LV_W];
		zs[k] = (c[DM_Y] - r * c[DM_X]) / xt;
		es[k] = (c[DM_U] - r * c[DM_V]) / xt;
	}
	if (calib_resid_coef(method, mg, nr, ws, zs, es, f) < 0)
		goto out;
	if (acc->design == STATS_CLUSTER) {
		rc = adjust_cluster(acc, level, f, xt, cells, ncells);
		goto out;
	}

	/*
	 * STATS_SRS, every row a PSU of the one stratum: the residuals'
	 * sum and sum of squares, cell by cell, since a cell's rows share
	 * f_k.  The stratum's variance is m / (m - 1) (s2 - s1^2 / m);
	 * stats_estimate computes it from swwyy with s1 = 0, so swwyy gets
	 * the centred sum of squares.
	 */
	if (ncells != 1)
		goto out;
	for (k = 0; k < K; k++) {
		const double *c = &dm[k * DM_NSUM];

		a = (c[DM_WYY] - 2 * r * c[DM_WXY] + r * r * c[DM_WXX]) /
		    (xt * xt);
		b = (c[DM_WY] - r * c[DM_WX]) / xt;
		s2 += a - 2 * f[k] * b + f[k] * f[k] * lv[k * LV_NSUM + LV_WW];
		s1 += zs[k] - f[k] * ws[k];
		m += nr[k];
	}
	if (m > 0)
		s2 -= s1 * s1 / m;
	cells[0].swwyy = fmax(0, s2) * xt * xt + 2 * r * cells[0].swwxy -
	    r * r * cells[0].swwxx;
	rc = 0;
out:
	free(s);
	return rc;
}
