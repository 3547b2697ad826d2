/*
 * stats.c: design-based estimation by Taylor linearization (Wolter 2007,
 * ch. 6; Lumley 2010, sections 2.2-2.3 and appendix C), reduced to sums per
 * PSU so that the rows are read once and memory follows the number of PSUs.
 *
 * Formulas.  A mean, proportion or ratio is R = Y / X with Y = sum w y and
 * X = sum w x over domain rows (x = 1 for a mean).  Its linearized variable
 * is z_i = w_i d_i (y_i - R x_i) / X, zero outside the domain (d_i = 0), so
 * a PSU's total is z_hj = (Y_hj - R X_hj) / X: a function of the PSU's sums
 * once R is known.  With n_h PSUs in stratum h, drawn with replacement,
 *
 *   V(R) = sum_h n_h / (n_h - 1) sum_j (z_hj - zbar_h)^2
 *
 * (Wolter 2007, eq. 6.2.2; R's svyrecvar()).  For STATS_SRS every row is a
 * PSU, and sum_j z_hj^2 comes from the sums of w^2 y^2, w^2 x y, w^2 x^2.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "xmalloc.h"

void
stats_opts_init(struct stats_opts *opts)
{
	opts->level = 0.95;
	opts->small_n = 30;
}

/* Quantiles. */

/* The normal lower tail, accurate in relative terms far into the tail. */
static double
pnorm_lower(double x)
{
	return 0.5 * erfc(-x / M_SQRT2);
}

double
stats_qnorm(double p)
{
	double t, x, dx;
	int i;

	if (!(p > 0 && p < 1))
		return NAN;
	if (p == 0.5)
		return 0;
	/* Work in the lower tail, where erfc keeps full relative precision. */
	if (p > 0.5)
		return -stats_qnorm(1 - p);

	/* Abramowitz and Stegun 26.2.23 (|error| < 4.5e-4) as the start. */
	t = sqrt(-2 * log(p));
	x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) /
	    (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));

	/*
	 * Halley's method on pnorm(x) - p converges cubically, so three or
	 * four steps reach double precision.  The density's derivative is
	 * -x phi(x), which gives the 1 + x t / 2 denominator.
	 */
	for (i = 0; i < 20; i++) {
		t = (pnorm_lower(x) - p) * sqrt(2 * M_PI) * exp(x * x / 2);
		dx = t / (1 + x * t / 2);
		x -= dx;
		if (fabs(dx) <= 1e-16 * fabs(x))
			break;
	}
	return x;
}

/*
 * Continued fraction of the incomplete beta function, modified Lentz
 * (Press et al., Numerical Recipes, 3rd ed., section 6.4).
 */
static double
betacf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double c, d, h, aa, del;
	int m, m2;

	c = 1;
	d = 1 - (a + b) * x / (a + 1);
	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (m = 1; m < 100000; m++) {
		m2 = 2 * m;
		aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-16)
			break;
	}
	return h;
}

/* Regularized incomplete beta I_x(a, b). */
static double
ibeta(double a, double b, double x)
{
	double lbt;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
	    b * log1p(-x);
	if (x < (a + 1) / (a + b + 2))
		return exp(lbt) * betacf(a, b, x) / a;
	return 1 - exp(lbt) * betacf(b, a, 1 - x) / b;
}

/* P(T > t) for t >= 0. */
static double
pt_upper(double t, double df)
{
	return 0.5 * ibeta(df / 2, 0.5, df / (df + t * t));
}

static double
dt(double t, double df)
{
	return exp(lgamma((df + 1) / 2) - lgamma(df / 2) -
	    0.5 * log(df * M_PI) - (df + 1) / 2 * log1p(t * t / df));
}

/* Cornish-Fisher expansion of t in terms of z (Abramowitz and Stegun 26.7.5). */
static double
qt_expansion(double z, double df)
{
	double z2 = z * z, g1, g2, g3, g4;

	g1 = (z2 + 1) * z / 4;
	g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
	g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
	g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z /
	    92160;
	return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

double
stats_qt(double p, double df)
{
	double q, t, lo, hi, g, step;
	int i;

	if (!(p > 0 && p < 1) || !(df > 0))
		return NAN;
	if (isinf(df))
		return stats_qnorm(p);
	if (p == 0.5)
		return 0;
	if (p < 0.5)
		return -stats_qt(1 - p, df);
	/* The expansion's error is far below double precision here. */
	if (df > 1e5)
		return qt_expansion(stats_qnorm(p), df);

	/*
	 * Newton on the upper tail, kept inside a bracket that bisection
	 * narrows whenever a Newton step would leave it: the expansion is a
	 * poor start for df near 1, where the tails are Cauchy-heavy.
	 */
	q = 1 - p;
	lo = 0;
	hi = 2;
	while (pt_upper(hi, df) > q && hi < 1e300)
		hi *= 2;
	t = qt_expansion(stats_qnorm(p), df);
	if (!(t > lo && t < hi))
		t = (lo + hi) / 2;
	for (i = 0; i < 500; i++) {
		g = pt_upper(t, df) - q;
		if (g > 0)
			lo = t;
		else
			hi = t;
		step = g / dt(t, df);
		if (t + step <= lo || t + step >= hi) {
			step = (lo + hi) / 2 - t;
		}
		t += step;
		if (fabs(step) <= 1e-15 * t || hi - lo <= 1e-15 * t)
			break;
	}
	return t;
}

int
stats_wilson(double p, double n, double z, double *lo, double *hi)
{
	double z2n, centre, half;

	*lo = *hi = NAN;
	if (!(n > 0) || !(p >= 0 && p <= 1))
		return -1;
	/* Wilson (1927); Agresti and Coull (1998), eq. 2. */
	z2n = z * z / n;
	centre = (p + z2n / 2) / (1 + z2n);
	half = z / (1 + z2n) * sqrt(p * (1 - p) / n + z2n / (4 * n));
	*lo = fmax(0, centre - half);
	*hi = fmin(1, centre + half);
	return 0;
}

/* Stage 1. */

/*
 * A domain's sums, as doubles (n too: counts stay exact far beyond any
 * survey), in two parts. The PSU's part is what the variance needs PSU by
 * PSU: w, w y and, for a ratio, w x (where x is 1 they repeat w bit for
 * bit). The rest, n and the squares and cross-products, enter an
 * estimate only summed over the domain, so for STATS_CLUSTER the
 * accumulator keeps them once per domain rather than once per PSU: a row
 * then touches 2 or 3 doubles of its PSU's block per domain instead of 4
 * or 7, and PSUs come in no order a cache could guess. STATS_SRS keeps
 * both parts per cell (a cell is a stratum: few of them), with the squared
 * single-row totals its variance needs.
 */
enum {
	P_W, P_WY, P_WX,
	P_MEAN = P_WX, P_RATIO, P_ALL = P_RATIO
};
enum {
	T_N, T_WYY, T_WXY, T_WXX,
	T_CLUSTER, T_WWYY = T_CLUSTER, T_WWXY, T_WWXX, T_SRS
};
#define S_SRS (P_ALL + T_SRS)	/* an SRS cell: p then t */

/*
 * The one place a row enters the sums; stats_cell_add goes through it.
 * p holds np of the PSU's sums, t nt of the domain's.
 */
static void
sums_add(double *p, size_t np, double *t, size_t nt, double w, double y,
    double x)
{
	double wy, wx;

	if (!isfinite(y) || !isfinite(x))
		return;
	wy = w * y;
	wx = w * x;
	p[P_W] += w;
	p[P_WY] += wy;
	if (np > P_WX)
		p[P_WX] += wx;
	if (w != 0)
		t[T_N]++;
	t[T_WYY] += wy * y;
	t[T_WXY] += wy * x;
	t[T_WXX] += wx * x;
	if (nt == T_CLUSTER)
		return;
	t[T_WWYY] += wy * wy;
	t[T_WWXY] += wy * wx;
	t[T_WWXX] += wx * wx;
}

/* Fills c's PSU part from the np sums at p. */
static void
psu_sums_to_cell(const double *p, size_t np, struct stats_cell *c)
{
	c->sw = p[P_W];
	c->swy = p[P_WY];
	c->swx = np > P_WX ? p[P_WX] : c->sw;
}

/* Fills c's domain part from the nt sums at t. */
static void
dom_sums_to_cell(const double *t, size_t nt, struct stats_cell *c)
{
	c->n = (int64_t)t[T_N];
	c->swyy = t[T_WYY];
	c->swxy = t[T_WXY];
	c->swxx = t[T_WXX];
	c->swwyy = nt > T_WWYY ? t[T_WWYY] : 0;
	c->swwxy = nt > T_WWXY ? t[T_WWXY] : 0;
	c->swwxx = nt > T_WWXX ? t[T_WWXX] : 0;
}

static void
sums_from_cell(const struct stats_cell *c, double *s)
{
	double *t = s + P_ALL;

	s[P_W] = c->sw;
	s[P_WY] = c->swy;
	s[P_WX] = c->swx;
	t[T_N] = (double)c->n;
	t[T_WYY] = c->swyy;
	t[T_WXY] = c->swxy;
	t[T_WXX] = c->swxx;
	t[T_WWYY] = c->swwyy;
	t[T_WWXY] = c->swwxy;
	t[T_WWXX] = c->swwxx;
}

void
stats_cell_add(struct stats_cell *c, enum stats_design design, double w,
    double y, double x)
{
	double s[S_SRS];

	if (design == STATS_SRS)
		c->npsu++;
	sums_from_cell(c, s);
	sums_add(s, P_ALL, s + P_ALL, T_SRS, w, y, x);
	psu_sums_to_cell(s, P_ALL, c);
	dom_sums_to_cell(s + P_ALL, T_SRS, c);
}

struct psu {
	int64_t stratum, cluster;
	int64_t npsu;		/* as in struct stats_cell, for every domain */
};

/* A slot of the PSU table holds the keys it stands for: a probe reads one
 * place in memory, not two, and rows come in no order a cache could
 * guess. */
struct psu_slot {
	int64_t stratum, cluster;
	size_t i;		/* index + 1; 0 is empty */
};

/*
 * PSUs live in insertion order, their keys in psus and their domains' sums
 * in one block each of sums, domain d's at off[d]; an open-addressing
 * table of indexes finds them, so a row costs one probe sequence whatever
 * the number of PSUs.
 */
struct stats_acc {
	enum stats_design design;
	size_t ndomains;
	unsigned char *mean;	/* x is 1 in domain d; NULL: none */
	size_t *off;		/* ndomains + 1; off[ndomains]: the block */
	/* STATS_CLUSTER: T_CLUSTER sums per domain (see sums_add) */
	double *tot;
	struct psu *psus;
	double *sums;
	size_t npsus, cap, scap;
	struct psu_slot *table;
	size_t tsize;		/* a power of two, at least twice npsus */
	size_t last;		/* index + 1 of the last PSU found */
	/* PSU indexes by stratum then cluster, made by the first
	 * stats_acc_cells and dropped by the next new PSU. */
	size_t *order;
};

static size_t
psu_hash(int64_t stratum, int64_t cluster)
{
	/* splitmix64's finalizer over both keys. */
	uint64_t h = (uint64_t)stratum * 0x9e3779b97f4a7c15ULL ^
	    (uint64_t)cluster;

	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return (size_t)h;
}

static void
acc_rehash(struct stats_acc *acc, size_t tsize)
{
	size_t i, j;
	const struct psu *p;

	free(acc->table);
	acc->table = xcalloc(tsize, sizeof *acc->table);
	acc->tsize = tsize;
	for (i = 0; i < acc->npsus; i++) {
		p = &acc->psus[i];
		j = psu_hash(p->stratum, p->cluster) & (tsize - 1);
		while (acc->table[j].i != 0)
			j = (j + 1) & (tsize - 1);
		acc->table[j].stratum = p->stratum;
		acc->table[j].cluster = p->cluster;
		acc->table[j].i = i + 1;
	}
}

struct stats_acc *
stats_acc_new(enum stats_design design, size_t ndomains)
{
	return stats_acc_new_means(design, ndomains, NULL);
}

struct stats_acc *
stats_acc_new_means(enum stats_design design, size_t ndomains,
    const unsigned char *mean)
{
	struct stats_acc *acc;
	size_t d, nsum;

	acc = xcalloc(1, sizeof *acc);
	acc->design = design;
	acc->ndomains = ndomains > 0 ? ndomains : 1;
	acc->off = xcalloc(acc->ndomains + 1, sizeof *acc->off);
	if (mean != NULL) {
		acc->mean = xcalloc(acc->ndomains, 1);
		memcpy(acc->mean, mean, ndomains);
	}
	for (d = 0; d < acc->ndomains; d++) {
		nsum = design == STATS_SRS ? S_SRS : acc->mean != NULL &&
		    acc->mean[d] ? P_MEAN : P_RATIO;
		acc->off[d + 1] = acc->off[d] + nsum;
	}
	if (design != STATS_SRS)
		acc->tot = xcalloc(acc->ndomains * T_CLUSTER,
		    sizeof *acc->tot);
	acc_rehash(acc, 64);
	return acc;
}

void
stats_acc_free(struct stats_acc *acc)
{
	if (acc == NULL)
		return;
	free(acc->mean);
	free(acc->off);
	free(acc->tot);
	free(acc->psus);
	free(acc->sums);
	free(acc->table);
	free(acc->order);
	free(acc);
}

/* The slot of the PSU in the table: where it is, or the empty slot where
 * it would go. */
static size_t
acc_slot(const struct stats_acc *acc, int64_t stratum, int64_t cluster)
{
	const struct psu_slot *t;
	size_t j = psu_hash(stratum, cluster) & (acc->tsize - 1);

	for (t = &acc->table[j]; t->i != 0; t = &acc->table[j]) {
		if (t->stratum == stratum && t->cluster == cluster)
			break;
		j = (j + 1) & (acc->tsize - 1);
	}
	return j;
}

/* Returns the index of the PSU, creating it if new. */
static size_t
acc_psu(struct stats_acc *acc, int64_t stratum, int64_t cluster)
{
	struct psu *p;
	struct psu_slot *t;
	size_t j, block = acc->off[acc->ndomains];

	/* Rows usually arrive grouped by PSU: skip the probe then. */
	if (acc->last != 0) {
		p = &acc->psus[acc->last - 1];
		if (p->stratum == stratum && p->cluster == cluster)
			return acc->last - 1;
	}
	j = acc_slot(acc, stratum, cluster);
	t = &acc->table[j];
	if (t->i != 0) {
		acc->last = t->i;
		return acc->last - 1;
	}
	xgrow((void **)&acc->psus, &acc->cap, acc->npsus + 1,
	    sizeof *acc->psus);
	xgrow((void **)&acc->sums, &acc->scap, (acc->npsus + 1) * block,
	    sizeof *acc->sums);
	p = &acc->psus[acc->npsus];
	p->stratum = t->stratum = stratum;
	p->cluster = t->cluster = cluster;
	/* An SRS cell counts its rows; a cluster cell is one PSU. */
	p->npsu = acc->design == STATS_SRS ? 0 : 1;
	memset(&acc->sums[acc->npsus * block], 0, block * sizeof *acc->sums);
	free(acc->order);
	acc->order = NULL;
	t->i = ++acc->npsus;
	acc->last = acc->npsus;
	if (2 * acc->npsus >= acc->tsize)
		acc_rehash(acc, 2 * acc->tsize);
	return acc->npsus - 1;
}

/* Starts loading n bytes at p into the cache. A cache line is 64 bytes on
 * every machine we run on; a longer one only makes some calls redundant. */
static void
prefetch(const void *p, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
	size_t k;

	for (k = 0; k < n; k += 64)
		__builtin_prefetch((const char *)p + k, 1);
#else
	(void)p;
	(void)n;
#endif
}

size_t
stats_acc_prefetch(struct stats_acc *acc, int64_t stratum, int64_t cluster)
{
	size_t i;

	if (acc->design == STATS_SRS)
		cluster = 0;
	i = acc->table[acc_slot(acc, stratum, cluster)].i;
	if (i != 0)
		stats_acc_prefetch_psu(acc, i);
	return i;
}

/* The handle is the PSU's index + 1, as in the table. */
void
stats_acc_prefetch_psu(struct stats_acc *acc, size_t psu)
{
	size_t block = acc->off[acc->ndomains];

	/* stats_acc_add tries the last PSU first. */
	acc->last = psu--;
	prefetch(&acc->psus[psu], sizeof *acc->psus);
	prefetch(&acc->sums[psu * block], block * sizeof *acc->sums);
}

int
stats_acc_add(struct stats_acc *acc, int64_t stratum, int64_t cluster,
    double w, const double *y, const double *x)
{
	const size_t *off = acc->off;
	double *s;
	size_t d, i;
	int srs = acc->design == STATS_SRS;

	if (!isfinite(w) || w < 0)
		return -1;
	if (srs)
		cluster = 0;
	i = acc_psu(acc, stratum, cluster);
	if (srs)
		acc->psus[i].npsu++;
	s = &acc->sums[i * off[acc->ndomains]];
	for (d = 0; d < acc->ndomains; d++) {
		double xd = x == NULL || (acc->mean != NULL && acc->mean[d]) ?
		    1.0 : x[d];

		if (srs)
			sums_add(s + off[d], P_ALL, s + off[d] + P_ALL, T_SRS,
			    w, y[d], xd);
		else
			sums_add(s + off[d], off[d + 1] - off[d],
			    &acc->tot[d * T_CLUSTER], T_CLUSTER, w, y[d], xd);
	}
	return 0;
}

static int
key_cmp(int64_t sa, int64_t ca, int64_t sb, int64_t cb)
{
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (ca != cb)
		return ca < cb ? -1 : 1;
	return 0;
}

static int
cell_cmp(const void *va, const void *vb)
{
	const struct stats_cell *a = va, *b = vb;

	return key_cmp(a->stratum, a->cluster, b->stratum, b->cluster);
}

struct psu_ref {
	int64_t stratum, cluster;
	size_t i;
};

static int
psu_ref_cmp(const void *va, const void *vb)
{
	const struct psu_ref *a = va, *b = vb;

	return key_cmp(a->stratum, a->cluster, b->stratum, b->cluster);
}

/* Sorted once for every domain: the cells of each come out in this order,
 * so the result does not depend on the order of the rows. */
static void
acc_sort(struct stats_acc *acc)
{
	struct psu_ref *r = xmalloc(acc->npsus * sizeof *r);
	size_t i;

	for (i = 0; i < acc->npsus; i++) {
		r[i].stratum = acc->psus[i].stratum;
		r[i].cluster = acc->psus[i].cluster;
		r[i].i = i;
	}
	qsort(r, acc->npsus, sizeof *r, psu_ref_cmp);
	acc->order = xmalloc(acc->npsus * sizeof *acc->order);
	for (i = 0; i < acc->npsus; i++)
		acc->order[i] = r[i].i;
	free(r);
}

struct stats_cell *
stats_acc_cells(struct stats_acc *acc, size_t d, size_t *ncells)
{
	static const double none[T_CLUSTER];
	struct stats_cell *out;
	const struct psu *p;
	size_t k;

	*ncells = 0;
	if (acc->npsus == 0 || d >= acc->ndomains)
		return NULL;
	if (acc->order == NULL)
		acc_sort(acc);
	out = xmalloc(acc->npsus * sizeof *out);
	for (k = 0; k < acc->npsus; k++) {
		const double *s = &acc->sums[acc->order[k] *
		    acc->off[acc->ndomains] + acc->off[d]];

		p = &acc->psus[acc->order[k]];
		out[k].stratum = p->stratum;
		out[k].cluster = p->cluster;
		out[k].npsu = p->npsu;
		if (acc->design == STATS_SRS) {
			psu_sums_to_cell(s, P_ALL, &out[k]);
			dom_sums_to_cell(s + P_ALL, T_SRS, &out[k]);
		} else {
			psu_sums_to_cell(s, acc->off[d + 1] - acc->off[d],
			    &out[k]);
			dom_sums_to_cell(none, T_CLUSTER, &out[k]);
		}
	}
	if (acc->design != STATS_SRS)
		dom_sums_to_cell(&acc->tot[d * T_CLUSTER], T_CLUSTER, &out[0]);
	*ncells = acc->npsus;
	return out;
}

/* Stage 2. */

static int
cellp_cmp(const void *va, const void *vb)
{
	return cell_cmp(*(const struct stats_cell *const *)va,
	    *(const struct stats_cell *const *)vb);
}

/* Cells from stats_acc_cells come sorted, and checking is cheaper than
 * sorting again. */
static int
cells_sorted(const struct stats_cell *const *cp, size_t ncells)
{
	size_t i;

	for (i = 1; i < ncells; i++)
		if (cell_cmp(cp[i - 1], cp[i]) > 0)
			return 0;
	return 1;
}

/*
 * The variance of R from the cells (sorted by stratum), and the design
 * degrees of freedom of the domain: PSUs with domain members minus strata
 * with domain members, as R's degf() on a subset.
 *
 * A stratum with a single PSU is handled as R's
 * options(survey.lonely.psu = "adjust"): its PSU total is centred at the
 * grand mean instead of the (undefined) stratum mean.  The grand mean of
 * the z's is 0 (sum_i z_i = 0 by definition of R), so the stratum adds
 * z_h1^2.  We prefer it to "certainty" and "remove", which give the stratum
 * no variance: a lone PSU usually comes from nonresponse or thin allocation,
 * not from a PSU selected with certainty, and an agency should rather
 * overstate than understate its errors.  It is Stata's singleunit(centered).
 */
static double
design_variance(const struct stats_cell *const *cp, size_t ncells,
    enum stats_design design, double r, double xhat, double *df)
{
	size_t i, j, k;
	double v = 0, m, s1, s2, z, zbar, vh;
	long psus_in = 0, strata_in = 0, in;

	for (i = 0; i < ncells; i = j) {
		for (j = i + 1; j < ncells &&
		    cp[j]->stratum == cp[i]->stratum; j++)
			;
		if (design == STATS_SRS) {
			/* One cell per stratum, each row a PSU. */
			m = (double)cp[i]->npsu;
			s1 = (cp[i]->swy - r * cp[i]->swx) / xhat;
			s2 = (cp[i]->swwyy - 2 * r * cp[i]->swwxy +
			    r * r * cp[i]->swwxx) / (xhat * xhat);
			vh = m > 1 ? m / (m - 1) * (s2 - s1 * s1 / m) : s2;
			v += fmax(0, vh);
			in = cp[i]->n;
		} else {
			/* Two passes over the PSUs: no cancellation. */
			m = (double)(j - i);
			zbar = 0;
			for (k = i; k < j; k++)
				zbar += (cp[k]->swy - r * cp[k]->swx) / xhat;
			zbar /= m;
			if (m == 1)
				zbar = 0;
			vh = 0;
			in = 0;
			/* In the domain: a row of positive weight, as
			 * cells from stats_acc_cells carry n only in
			 * their first (stats.h). */
			for (k = i; k < j; k++) {
				z = (cp[k]->swy - r * cp[k]->swx) / xhat;
				vh += (z - zbar) * (z - zbar);
				in += cp[k]->sw > 0;
			}
			v += m > 1 ? m / (m - 1) * vh : vh;
		}
		psus_in += in;
		strata_in += in > 0;
	}
	*df = (double)(psus_in - strata_in);
	return v;
}

int
stats_estimate(const struct stats_cell *cells, size_t ncells,
    enum stats_design design, enum stats_kind kind,
    const struct stats_opts *opts, struct stats_result *out)
{
	struct stats_opts defaults;
	const struct stats_cell **cp = NULL;
	double w = 0, y = 0, x = 0, qyy = 0, qxy = 0, qxx = 0;
	double r, v, vsrs, df, zq, tq, neff, logit, sl;
	long n = 0;
	size_t i;
	int rc = -1;

	if (opts == NULL) {
		stats_opts_init(&defaults);
		opts = &defaults;
	}
	if (out == NULL || (cells == NULL && ncells > 0) ||
	    (design != STATS_SRS && design != STATS_CLUSTER) ||
	    (kind != STATS_PROPORTION && kind != STATS_MEAN &&
	    kind != STATS_RATIO) || !(opts->level > 0 && opts->level < 1))
		return -1;
	out->n = 0;
	out->est = out->se = out->ci_low = out->ci_high = NAN;
	out->deff = out->df = NAN;
	out->small_n = 0 < opts->small_n;

	cp = xmalloc((ncells > 0 ? ncells : 1) * sizeof *cp);
	for (i = 0; i < ncells; i++)
		cp[i] = &cells[i];
	if (!cells_sorted(cp, ncells))
		qsort(cp, ncells, sizeof *cp, cellp_cmp);
	for (i = 0; i < ncells; i++) {
		if (design == STATS_CLUSTER ? cp[i]->npsu != 1 :
		    cp[i]->npsu < 1 || cp[i]->npsu < cp[i]->n)
			goto out;
		/* SRS cells are whole strata, so their clusters must agree. */
		if (i > 0 && cp[i]->stratum == cp[i - 1]->stratum &&
		    (design == STATS_SRS || cp[i]->cluster == cp[i - 1]->cluster))
			goto out;
		n += (long)cp[i]->n;
		w += cp[i]->sw;
		y += cp[i]->swy;
		x += cp[i]->swx;
		qyy += cp[i]->swyy;
		qxy += cp[i]->swxy;
		qxx += cp[i]->swxx;
	}
	if (kind != STATS_RATIO && fabs(x - w) > 1e-9 * fmax(1, fabs(w)))
		goto out;

	out->n = n;
	out->small_n = n < opts->small_n;
	rc = 0;
	if (n == 0 || w == 0 || x == 0)
		goto out;
	r = y / x;
	if (kind == STATS_PROPORTION) {
		if (r < -1e-12 || r > 1 + 1e-12) {
			rc = -1;
			goto out;
		}
		r = fmin(1, fmax(0, r));
	}
	out->est = r;
	v = design_variance(cp, ncells, design, r, x, &df);
	out->se = sqrt(v);

	/*
	 * Design effect as R's deff = "replace" (svymean, svyratio): over the
	 * variance under simple random sampling with replacement of n rows,
	 * W sum w (y - R x)^2 / (X^2 (n - 1)), which is svyvar() / n for a
	 * mean.  With replacement because our design variance is; R's default
	 * (without replacement) needs weights summing to the population size.
	 */
	vsrs = n > 1 ? w * (qyy - 2 * r * qxy + r * r * qxx) /
	    (x * x * (n - 1)) : NAN;
	out->deff = vsrs > 0 ? v / vsrs : NAN;

	zq = stats_qnorm(1 - (1 - opts->level) / 2);
	if (design == STATS_SRS) {
		out->df = INFINITY;
		if (kind == STATS_PROPORTION) {
			/*
			 * Wilson at the effective sample size n / deff
			 * (Kish 1965), which is n for equal weights; the
			 * interval stays in [0, 1] and behaves near 0 and 1
			 * (Agresti and Coull 1998).
			 */
			neff = v > 0 && out->deff > 0 ? n / out->deff : n;
			stats_wilson(r, neff, zq, &out->ci_low, &out->ci_high);
		} else {
			out->ci_low = r - zq * out->se;
			out->ci_high = r + zq * out->se;
		}
		goto out;
	}

	/*
	 * Cluster design: Student's t on the domain's design degrees of
	 * freedom, since a few dozen PSUs carry the variance, not the rows
	 * (Korn and Graubard 1999, section 5.2; R's svyciprop() default,
	 * Stata's svy).
	 */
	out->df = df;
	if (kind == STATS_PROPORTION && (r == 0 || r == 1 || v == 0)) {
		/*
		 * The logit interval is degenerate at 0 and 1 (and the design
		 * variance is 0 there): fall back on Wilson at the unweighted n,
		 * which still gives a useful one-sided bound.
		 */
		stats_wilson(r, (double)n, zq, &out->ci_low, &out->ci_high);
		goto out;
	}
	if (!(df > 0))
		goto out;
	tq = stats_qt(1 - (1 - opts->level) / 2, df);
	if (kind == STATS_PROPORTION) {
		/*
		 * Logit interval, R's svyciprop(method = "logit"): symmetric on
		 * the log-odds scale with the delta-method SE se / (p (1 - p)),
		 * so it stays within (0, 1).
		 */
		logit = log(r / (1 - r));
		sl = out->se / (r * (1 - r));
		out->ci_low = 1 / (1 + exp(-(logit - tq * sl)));
		out->ci_high = 1 / (1 + exp(-(logit + tq * sl)));
	} else {
		out->ci_low = r - tq * out->se;
		out->ci_high = r + tq * out->se;
	}
out:
	free(cp);
	return rc;
}
