/*
 * expr-route.c: abstract interpretation of checked trees for `lcsurvey
 * check`. An expression is evaluated over domains (intervals, sets of
 * choice codes, {true, false}, "may be null") instead of values, and a
 * condition can be assumed, narrowing the domains of the questions it
 * tests. Every result over-approximates, so "never true" is only said of a
 * condition no interview can make true.
 */
#include "expr-int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define T EXPR_CAN_TRUE
#define F EXPR_CAN_FALSE
#define N EXPR_CAN_NULL
#define V EXPR_CAN_VALUE

/* How deep assumptions may nest (each level copies a route), how far a
 * question's conditions are followed, and how much work one query may do:
 * past them, the answer is "anything", which is always sound. */
#define MAX_NEST 32
#define MAX_CHASE 4
#define BUDGET 2000L
#define MAX_GIVEN 8

struct walk {
	const struct expr_model *m;
	long budget;
	int nest;
	int chase;
};

static void eval(struct walk *, const struct expr_route *,
    const struct expr *, struct expr_domain *);
static void assume(struct walk *, struct expr_route *, const struct expr *,
    int);
static void assume_value(struct walk *, struct expr_route *,
    const struct expr *);
static int outcomes(struct walk *, const struct expr_route *,
    const struct expr *);

static void
walk_init(struct walk *w, const struct expr_model *m)
{
	w->m = m;
	w->budget = BUDGET;
	w->nest = 0;
	w->chase = 0;
}

static int
spent(struct walk *w)
{
	return --w->budget <= 0;
}

/* ---- domains ------------------------------------------------------------- */

static uint64_t
all_positions(int n)
{
	return n >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
}

static int
popcount(uint64_t x)
{
	int n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

static void
top(struct expr_domain *d, enum expr_type t)
{
	memset(d, 0, sizeof *d);
	d->type = t;
	d->value = d->null = 1;
	d->lo = -INFINITY;
	d->hi = INFINITY;
	d->may = ~(uint64_t)0;
	d->t = d->f = 1;
}

static void
nothing(struct expr_domain *d, enum expr_type t)
{
	top(d, t);
	d->value = d->null = 0;
	d->t = d->f = 0;
	d->may = 0;
}

static void
point(struct expr_domain *d, enum expr_type t, double x)
{
	top(d, t);
	d->null = 0;
	d->lo = d->hi = x;
	d->whole = x == floor(x);
}

static void
truth(struct expr_domain *d, int t, int f, int null)
{
	top(d, EXPR_T_BOOL);
	d->t = t;
	d->f = f;
	d->value = t || f;
	d->null = null;
}

/* Makes the fields agree: bounds from the codes still possible, and no
 * value at all when none is left. */
static void
normalize(struct expr_domain *d)
{
	int i, any = 0;
	double lo = INFINITY, hi = -INFINITY;

	if (d->codes != NULL && (d->ncodes <= 0 ||
	    (d->type == EXPR_T_NUMBER && d->ncodes > 64)))
		d->codes = NULL;
	if (isnan(d->lo))
		d->lo = -INFINITY;
	if (isnan(d->hi))
		d->hi = INFINITY;
	switch (d->type) {
	case EXPR_T_BOOL:
		if (!d->t && !d->f)
			d->value = 0;
		break;
	case EXPR_T_NUMBER:
	case EXPR_T_DATE:
		if (d->type == EXPR_T_DATE)
			d->whole = 1;
		if (d->whole) {
			d->lo = ceil(d->lo);
			d->hi = floor(d->hi);
		}
		if (d->codes != NULL) {
			d->may &= all_positions(d->ncodes);
			for (i = 0; i < d->ncodes; i++) {
				if (!(d->may >> i & 1))
					continue;
				if (d->codes[i] < d->lo || d->codes[i] > d->hi) {
					d->may &= ~((uint64_t)1 << i);
					continue;
				}
				any = 1;
				if (d->codes[i] < lo)
					lo = (double)d->codes[i];
				if (d->codes[i] > hi)
					hi = (double)d->codes[i];
			}
			if (!any)
				d->value = 0;
			else
				d->lo = lo, d->hi = hi;
		}
		if (d->lo > d->hi)
			d->value = 0;
		break;
	case EXPR_T_SET:
		if (d->codes != NULL && d->ncodes <= 64)
			d->may &= all_positions(d->ncodes);
		if (d->must & ~d->may)
			d->value = 0;
		break;
	default:
		break;
	}
	if (!d->value) {
		d->t = d->f = 0;
		d->may = d->must = 0;
	}
}

static void
drop_codes(struct expr_domain *d)
{
	d->codes = NULL;
	d->ncodes = 0;
	d->may = ~(uint64_t)0;
	d->must = 0;
}

/* The least domain holding both. */
static void
join(struct expr_domain *d, const struct expr_domain *x)
{
	if (!x->value) {
		d->null |= x->null;
		return;
	}
	if (!d->value) {
		int null = d->null;

		*d = *x;
		d->null |= null;
		return;
	}
	d->null |= x->null;
	d->lo = fmin(d->lo, x->lo);
	d->hi = fmax(d->hi, x->hi);
	d->whole = d->whole && x->whole;
	if (d->codes != NULL && d->codes == x->codes) {
		d->may |= x->may;
		d->must &= x->must;
	} else if (d->codes != NULL || x->codes != NULL)
		drop_codes(d);
	else {
		d->may |= x->may;
		d->must &= x->must;
	}
	d->t |= x->t;
	d->f |= x->f;
}

static int
outcomes_of(const struct expr_domain *d)
{
	int o = d->null ? N : 0;

	if (!d->value)
		return o;
	if (d->type != EXPR_T_BOOL)
		return o | V;
	return o | (d->t ? T : 0) | (d->f ? F : 0);
}

/* ---- routes ---------------------------------------------------------------- */

static int
find(const struct expr_route *r, int id)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->at[i].id == id)
			return i;
	return -1;
}

static int
given(struct walk *w, int id, const struct expr **out)
{
	int n;

	if (w->m->given == NULL)
		return 0;
	n = w->m->given(w->m->ctx, id, out, MAX_GIVEN);
	return n < 0 ? 0 : n > MAX_GIVEN ? MAX_GIVEN : n;
}

static const struct expr *
definition(struct walk *w, int id)
{
	return w->m->definition != NULL ? w->m->definition(w->m->ctx, id) :
	    NULL;
}

/* What the model says of id, narrowed by what its conditions and its
 * definition allow under r. */
static void
derive(struct walk *w, const struct expr_route *r, int id, enum expr_type t,
    struct expr_domain *d)
{
	const struct expr *conds[MAX_GIVEN], *def;
	struct expr_domain x;
	int i, n, o;

	int full = 0;

	top(d, t);
	if (w->m->domain != NULL)
		full = w->m->domain(w->m->ctx, id, d);
	d->type = t;
	normalize(d);
	if (!d->value)
		return;
	/* Conditions and definitions only look back: assumptions about
	 * later questions change nothing. */
	for (i = 0; full && i < r->n; i++)
		if (r->at[i].id < id)
			full = 0;
	if (full)
		return;
	if (w->chase >= MAX_CHASE || spent(w)) {
		d->null = 1;
		return;
	}
	w->chase++;
	n = given(w, id, conds);
	for (i = 0; i < n && d->value; i++) {
		o = 0;
		eval(w, r, conds[i], &x);
		o = outcomes_of(&x);
		if (!(o & T))
			d->value = 0;
		if (o & (F | N))
			d->null = 1;
	}
	if (d->value && (def = definition(w, id)) != NULL &&
	    def->type == t) {
		int null = d->null;

		eval(w, r, def, &x);
		if (!x.value)
			d->value = 0;
		else if (t == EXPR_T_BOOL) {
			d->t &= x.t;
			d->f &= x.f;
		} else if (t == EXPR_T_NUMBER || t == EXPR_T_DATE) {
			d->lo = fmax(d->lo, x.lo);
			d->hi = fmin(d->hi, x.hi);
			d->whole |= x.whole;
		}
		d->null = null || x.null;
	}
	w->chase--;
	normalize(d);
}

static void
lookup(struct walk *w, const struct expr_route *r, int id, enum expr_type t,
    struct expr_domain *d)
{
	int i = find(r, id);

	if (i >= 0)
		*d = r->at[i].d;
	else
		derive(w, r, id, t, d);
}

/* *r = *x, copying only the entries in use. */
static void
route_copy(struct expr_route *r, const struct expr_route *x)
{
	r->m = x->m;
	r->impossible = x->impossible;
	r->n = x->n;
	memcpy(r->at, x->at, (size_t)x->n * sizeof x->at[0]);
}

static void
route_join(struct expr_route *r, const struct expr_route *x)
{
	int i, j;

	if (x->impossible)
		return;
	if (r->impossible) {
		route_copy(r, x);
		return;
	}
	/* An id narrowed on one side only has its model domain on the
	 * other, which holds the narrowed one: forget it. */
	for (i = 0; i < r->n;) {
		if ((j = find(x, r->at[i].id)) < 0) {
			r->at[i] = r->at[--r->n];
			continue;
		}
		join(&r->at[i].d, &x->at[j].d);
		i++;
	}
}

static void
impossible_route(struct expr_route *r, const struct expr_route *like)
{
	r->m = like->m;
	r->impossible = 1;
	r->n = 0;
}

/*
 * Records that id now lies in d (already intersected with its domain), then
 * follows what that implies: a question with a value was asked, so its
 * conditions held; a calculated one took its definition's value.
 */
static void
narrow(struct walk *w, struct expr_route *r, int id, struct expr_domain *d)
{
	const struct expr *conds[MAX_GIVEN], *def;
	int i, n, all = 1, want;

	normalize(d);
	if (!d->value && !d->null) {
		r->impossible = 1;
		return;
	}
	if ((i = find(r, id)) >= 0)
		r->at[i].d = *d;
	else if (r->n < EXPR_ROUTE_MAX) {
		r->at[r->n].id = id;
		r->at[r->n++].d = *d;
	}
	if (w->chase >= MAX_CHASE || spent(w))
		return;
	w->chase++;
	n = given(w, id, conds);
	for (i = 0; i < n && !r->impossible; i++) {
		if (!d->null)
			assume(w, r, conds[i], T);
		else if (outcomes(w, r, conds[i]) != T)
			all = 0;
	}
	def = definition(w, id);
	if (def != NULL && !r->impossible && def->type == d->type &&
	    (all || !d->null)) {
		if (d->type == EXPR_T_BOOL) {
			want = outcomes_of(d);
			assume(w, r, def, want);
		} else if (!d->null)
			assume_value(w, r, def);
	}
	w->chase--;
}

/* ---- evaluation ---------------------------------------------------------- */

static int
outcomes(struct walk *w, const struct expr_route *r, const struct expr *e)
{
	struct expr_domain d;

	if (r->impossible)
		return 0;
	eval(w, r, e, &d);
	return outcomes_of(&d);
}

/* Kleene and/or, b evaluated under each outcome of a when routes may
 * still be copied. */
static void
eval_logic(struct walk *w, const struct expr_route *r, const struct expr *e,
    struct expr_domain *d)
{
	int and = e->kind == K_AND, stop = and ? F : T, go = and ? T : F;
	int oa = outcomes(w, r, e->a), ob, res = oa & stop, i;
	const int xs[2] = { go, N };
	struct expr_route r2;

	for (i = 0; i < 2; i++) {
		if (!(oa & xs[i]))
			continue;
		if (w->nest < MAX_NEST) {
			route_copy(&r2, r);
			w->nest++;
			assume(w, &r2, e->a, xs[i]);
			ob = outcomes(w, &r2, e->b);
			w->nest--;
		} else
			ob = outcomes(w, r, e->b);
		if (xs[i] == go)
			res |= ob & (T | F | N);
		else
			res |= (ob & stop) | (ob & (go | N) ? N : 0);
	}
	truth(d, (res & T) != 0, (res & F) != 0, (res & N) != 0);
}

static void
eval_arith(struct walk *w, const struct expr_route *r, const struct expr *e,
    struct expr_domain *d)
{
	struct expr_domain x, y;
	double p[4];
	int i;

	eval(w, r, e->a, &x);
	eval(w, r, e->b, &y);
	top(d, EXPR_T_NUMBER);
	d->null = x.null || y.null;
	d->value = x.value && y.value;
	if (!d->value) {
		normalize(d);
		return;
	}
	switch (e->kind) {
	case K_ADD:
		d->lo = x.lo + y.lo;
		d->hi = x.hi + y.hi;
		d->whole = x.whole && y.whole;
		break;
	case K_SUB:
	case K_DAYS:
		d->lo = x.lo - y.hi;
		d->hi = x.hi - y.lo;
		d->whole = (x.whole && y.whole) || e->kind == K_DAYS;
		break;
	case K_MUL:
		p[0] = x.lo * y.lo, p[1] = x.lo * y.hi;
		p[2] = x.hi * y.lo, p[3] = x.hi * y.hi;
		d->lo = INFINITY, d->hi = -INFINITY;
		for (i = 0; i < 4; i++) {
			if (isnan(p[i])) {
				d->lo = -INFINITY, d->hi = INFINITY;
				break;
			}
			d->lo = fmin(d->lo, p[i]);
			d->hi = fmax(d->hi, p[i]);
		}
		d->whole = x.whole && y.whole;
		break;
	default: /* K_DIV: by zero gives null */
		if (y.lo <= 0 && y.hi >= 0)
			d->null = 1;
		if (y.lo == 0 && y.hi == 0)
			d->value = 0;
		else if (y.lo > 0 || y.hi < 0) {
			p[0] = x.lo / y.lo, p[1] = x.lo / y.hi;
			p[2] = x.hi / y.lo, p[3] = x.hi / y.hi;
			d->lo = INFINITY, d->hi = -INFINITY;
			for (i = 0; i < 4; i++) {
				if (isnan(p[i])) {
					d->lo = -INFINITY, d->hi = INFINITY;
					break;
				}
				d->lo = fmin(d->lo, p[i]);
				d->hi = fmax(d->hi, p[i]);
			}
		}
		break;
	}
	normalize(d);
}

static int
cmp_holds(enum kind k, double x, double y)
{
	switch (k) {
	case K_EQ:
		return x == y;
	case K_NE:
		return x != y;
	case K_LT:
		return x < y;
	case K_LE:
		return x <= y;
	case K_GT:
		return x > y;
	default:
		return x >= y;
	}
}

static enum kind
mirror(enum kind k)
{
	switch (k) {
	case K_LT:
		return K_GT;
	case K_LE:
		return K_GE;
	case K_GT:
		return K_LT;
	case K_GE:
		return K_LE;
	default:
		return k;
	}
}

static enum kind
negate(enum kind k)
{
	switch (k) {
	case K_EQ:
		return K_NE;
	case K_NE:
		return K_EQ;
	case K_LT:
		return K_GE;
	case K_LE:
		return K_GT;
	case K_GT:
		return K_LE;
	default:
		return K_LT;
	}
}

static int
is_point(const struct expr_domain *d)
{
	if (!d->value || d->null)
		return 0;
	if (d->type == EXPR_T_BOOL)
		return d->t != d->f;
	return (d->type == EXPR_T_NUMBER || d->type == EXPR_T_DATE) &&
	    d->lo == d->hi;
}

/* Can "x k y" be true (*t) and false (*f), x and y having values? */
static void
cmp_numbers(enum kind k, const struct expr_domain *x,
    const struct expr_domain *y, int *t, int *f)
{
	int i;

	if (x->codes == NULL && y->codes != NULL && is_point(x)) {
		cmp_numbers(mirror(k), y, x, t, f);
		return;
	}
	*t = *f = 0;
	if (x->codes != NULL && is_point(y)) {
		for (i = 0; i < x->ncodes; i++)
			if (x->may >> i & 1) {
				if (cmp_holds(k, (double)x->codes[i], y->lo))
					*t = 1;
				else
					*f = 1;
			}
		return;
	}
	switch (k) {
	case K_EQ:
	case K_NE:
		*t = x->lo <= y->hi && y->lo <= x->hi;
		*f = !(x->lo == x->hi && y->lo == y->hi && x->lo == y->lo);
		if (k == K_NE) {
			i = *t;
			*t = *f;
			*f = i;
		}
		return;
	case K_LT:
		*t = x->lo < y->hi;
		*f = x->hi >= y->lo;
		return;
	case K_LE:
		*t = x->lo <= y->hi;
		*f = x->hi > y->lo;
		return;
	case K_GT:
		*t = x->hi > y->lo;
		*f = x->lo <= y->hi;
		return;
	default:
		*t = x->hi >= y->lo;
		*f = x->lo < y->hi;
		return;
	}
}

static void
eval_compare(struct walk *w, const struct expr_route *r,
    const struct expr *e, struct expr_domain *d)
{
	struct expr_domain x, y;
	int t = 1, f = 1, eq, ne;

	eval(w, r, e->a, &x);
	eval(w, r, e->b, &y);
	if (x.value && y.value) {
		switch (x.type) {
		case EXPR_T_BOOL:
			eq = (x.t && y.t) || (x.f && y.f);
			ne = (x.t && y.f) || (x.f && y.t);
			t = e->kind == K_EQ ? eq : ne;
			f = e->kind == K_EQ ? ne : eq;
			break;
		case EXPR_T_NUMBER:
		case EXPR_T_DATE:
			cmp_numbers(e->kind, &x, &y, &t, &f);
			break;
		default:
			break;
		}
	} else
		t = f = 0;
	truth(d, t, f, x.null || y.null);
}

static void
eval_selected(struct walk *w, const struct expr_route *r,
    const struct expr *e, struct expr_domain *d)
{
	struct expr_domain q;
	uint64_t bit = e->pos < 64 ? (uint64_t)1 << e->pos : 0;
	int t, f;

	lookup(w, r, e->a->ref.id, e->a->type, &q);
	if (bit == 0 || q.codes == NULL) {
		t = f = 1;
		if (q.type == EXPR_T_NUMBER)
			t = q.lo <= e->num && e->num <= q.hi;
	} else if (q.type == EXPR_T_SET) {
		t = (q.may & bit) != 0;
		f = (q.must & bit) == 0;
	} else {
		t = (q.may & bit) != 0;
		f = (q.may & ~bit) != 0;
	}
	truth(d, q.value && t, q.value && f, q.null);
}

static void
eval_call(struct walk *w, const struct expr_route *r, const struct expr *e,
    struct expr_domain *d)
{
	struct expr_domain x;
	struct expr_route r2;
	int o;

	switch (e->kind) {
	case K_SELECTED:
		eval_selected(w, r, e, d);
		return;
	case K_COUNT_SET:
		lookup(w, r, e->a->ref.id, e->a->type, &x);
		top(d, EXPR_T_NUMBER);
		d->whole = 1;
		d->value = x.value;
		d->null = x.null;
		d->lo = popcount(x.must);
		d->hi = x.codes != NULL ? popcount(x.may) : INFINITY;
		break;
	case K_COUNT_ROSTER:
	case K_INDEX:
		top(d, EXPR_T_NUMBER);
		d->null = 0;
		d->whole = 1;
		d->lo = e->kind == K_INDEX ? 1 : 0;
		break;
	case K_SUM:
		top(d, EXPR_T_NUMBER);
		d->null = 0;
		break;
	case K_ANSWERED:
	case K_DONT_KNOW:
	case K_REFUSED:
		lookup(w, r, e->a->ref.id, e->a->type, &x);
		if (e->kind == K_ANSWERED)
			truth(d, x.value, x.null, 0);
		else
			truth(d, x.null, 1, 0);
		return;
	case K_COALESCE:
		eval(w, r, e->a, d);
		if (d->null) {
			d->null = 0;
			eval(w, r, e->b, &x);
			join(d, &x);
		}
		return;
	case K_IF:
		o = outcomes(w, r, e->a);
		nothing(d, e->type);
		if (o & T) {
			route_copy(&r2, r);
			if (w->nest < MAX_NEST) {
				w->nest++;
				assume(w, &r2, e->a, T);
				w->nest--;
			}
			if (!r2.impossible) {
				eval(w, &r2, e->b, &x);
				join(d, &x);
			}
		}
		if (o & (F | N)) {
			route_copy(&r2, r);
			if (w->nest < MAX_NEST) {
				w->nest++;
				assume(w, &r2, e->a, F | N);
				w->nest--;
			}
			if (!r2.impossible) {
				eval(w, &r2, e->c, &x);
				join(d, &x);
			}
		}
		return;
	case K_ROUND:
		eval(w, r, e->a, &x);
		*d = x;
		drop_codes(d);
		/* Rounding moves a number by at most half a unit. */
		d->lo = x.lo - 0.5;
		d->hi = x.hi + 0.5;
		d->whole = x.whole || e->pos == 0;
		break;
	case K_LENGTH:
		eval(w, r, e->a, &x);
		top(d, EXPR_T_NUMBER);
		d->value = x.value;
		d->null = x.null;
		d->whole = 1;
		d->lo = 0;
		break;
	default:
		top(d, e->type);
		return;
	}
	normalize(d);
}

static void
eval(struct walk *w, const struct expr_route *r, const struct expr *e,
    struct expr_domain *d)
{
	if (spent(w)) {
		top(d, e->type);
		return;
	}
	switch (e->kind) {
	case K_NUM:
	case K_DATE:
		point(d, e->type, e->kind == K_NUM ? e->num : e->date);
		return;
	case K_BOOL:
		truth(d, e->num != 0, e->num == 0, 0);
		return;
	case K_TEXT:
		top(d, EXPR_T_TEXT);
		d->null = 0;
		return;
	case K_REF:
		lookup(w, r, e->ref.id, e->type, d);
		return;
	case K_NEG: {
		double lo;

		eval(w, r, e->a, d);
		drop_codes(d);
		lo = d->lo;
		d->lo = -d->hi;
		d->hi = -lo;
		return;
	}
	case K_NOT: {
		int t;

		eval(w, r, e->a, d);
		t = d->t;
		d->t = d->f;
		d->f = t;
		return;
	}
	case K_AND:
	case K_OR:
		eval_logic(w, r, e, d);
		return;
	case K_ADD:
	case K_SUB:
	case K_MUL:
	case K_DIV:
	case K_DAYS:
		eval_arith(w, r, e, d);
		return;
	case K_EQ:
	case K_NE:
	case K_LT:
	case K_LE:
	case K_GT:
	case K_GE:
		eval_compare(w, r, e, d);
		return;
	default:
		eval_call(w, r, e, d);
		return;
	}
}

/* ---- assumptions ------------------------------------------------------- */

static void
null_only(struct expr_domain *d)
{
	d->value = 0;
	d->null = 1;
	normalize(d);
}

/* x restricted to the values v with "v k y" true (y a point). */
static void
restrict_to(struct expr_domain *x, enum kind k, const struct expr_domain *y)
{
	double c = y->lo;
	int i;

	x->null = 0;
	if (x->type == EXPR_T_BOOL) {
		int yt = y->t;

		if (k == K_NE)
			yt = !yt;
		if (yt)
			x->f = 0;
		else
			x->t = 0;
		normalize(x);
		return;
	}
	if (x->codes != NULL) {
		for (i = 0; i < x->ncodes; i++)
			if (!cmp_holds(k, (double)x->codes[i], c))
				x->may &= ~((uint64_t)1 << i);
		normalize(x);
		return;
	}
	switch (k) {
	case K_EQ:
		x->lo = fmax(x->lo, c);
		x->hi = fmin(x->hi, c);
		break;
	case K_NE:
		/* A point can only be cut from the ends of whole numbers. */
		if (x->whole && x->lo == c)
			x->lo = c + 1;
		if (x->whole && x->hi == c)
			x->hi = c - 1;
		break;
	case K_LT:
	case K_LE:
		if (x->whole && k == K_LT && c == floor(c))
			c -= 1;
		x->hi = fmin(x->hi, c);
		break;
	default:
		if (x->whole && k == K_GT && c == floor(c))
			c += 1;
		x->lo = fmax(x->lo, c);
		break;
	}
	normalize(x);
}

static void
assume_compare(struct walk *w, struct expr_route *r, const struct expr *e,
    int want)
{
	const struct expr *ref = NULL, *other = NULL;
	struct expr_domain x, y, res, part;
	enum kind k = e->kind;

	if (!(want & N)) {
		assume_value(w, r, e->a);
		assume_value(w, r, e->b);
		if (r->impossible)
			return;
	}
	if (e->a->kind == K_REF) {
		ref = e->a;
		other = e->b;
	} else if (e->b->kind == K_REF) {
		ref = e->b;
		other = e->a;
		k = mirror(k);
	}
	if (ref == NULL || ref->type == EXPR_T_TEXT ||
	    ref->type == EXPR_T_SET)
		return;
	eval(w, r, other, &y);
	if (!is_point(&y))
		return;
	lookup(w, r, ref->ref.id, ref->type, &x);
	nothing(&res, ref->type);
	if (want & T) {
		part = x;
		restrict_to(&part, k, &y);
		join(&res, &part);
	}
	if (want & F) {
		part = x;
		restrict_to(&part, negate(k), &y);
		join(&res, &part);
	}
	if ((want & N) && x.null) {
		part = x;
		null_only(&part);
		join(&res, &part);
	}
	narrow(w, r, ref->ref.id, &res);
}

static void
assume_selected(struct walk *w, struct expr_route *r, const struct expr *e,
    int want)
{
	struct expr_domain x, res, part;
	uint64_t bit;

	if (e->pos >= 64)
		return;
	bit = (uint64_t)1 << e->pos;
	lookup(w, r, e->a->ref.id, e->a->type, &x);
	if (x.codes == NULL) {
		if (!(want & N))
			assume_value(w, r, e->a);
		return;
	}
	nothing(&res, x.type);
	if (want & T) {
		part = x;
		part.null = 0;
		if (x.type == EXPR_T_SET)
			part.must |= bit;
		else
			part.may &= bit;
		normalize(&part);
		join(&res, &part);
	}
	if (want & F) {
		part = x;
		part.null = 0;
		part.may &= ~bit;
		normalize(&part);
		join(&res, &part);
	}
	if ((want & N) && x.null) {
		part = x;
		null_only(&part);
		join(&res, &part);
	}
	narrow(w, r, e->a->ref.id, &res);
}

/* r narrowed by e in each of the outcomes in want, joined. */
static void
assume_each(struct walk *w, struct expr_route *r, const struct expr *a,
    int wa, const struct expr *b, int wb, struct expr_route *acc)
{
	struct expr_route r2;

	route_copy(&r2, r);
	assume(w, &r2, a, wa);
	if (b != NULL)
		assume(w, &r2, b, wb);
	route_join(acc, &r2);
}

static void
assume_logic(struct walk *w, struct expr_route *r, const struct expr *e,
    int want)
{
	int and = e->kind == K_AND, stop = and ? F : T, go = and ? T : F;
	struct expr_route acc;

	impossible_route(&acc, r);
	/* and: true when both are; false when either is; null when one is
	 * null and the other is not false. Or is the dual. */
	if (want & go)
		assume_each(w, r, e->a, go, e->b, go, &acc);
	if (want & stop) {
		assume_each(w, r, e->a, stop, NULL, 0, &acc);
		assume_each(w, r, e->b, stop, NULL, 0, &acc);
	}
	if (want & N) {
		assume_each(w, r, e->a, N, e->b, go | N, &acc);
		assume_each(w, r, e->a, go, e->b, N, &acc);
	}
	route_copy(r, &acc);
}

static void
assume(struct walk *w, struct expr_route *r, const struct expr *e, int want)
{
	struct expr_domain x;
	struct expr_route acc;
	int have;

	if (r->impossible || w->nest >= MAX_NEST || spent(w))
		return;
	/* A connective is narrowed through its operands; evaluating it
	 * whole first would cost a walk per level. */
	if (e->kind != K_AND && e->kind != K_OR && e->kind != K_NOT) {
		have = outcomes(w, r, e);
		if (!(have & want)) {
			r->impossible = 1;
			return;
		}
		if (!(have & ~want))
			return;
		want &= have;
	}
	w->nest++;
	switch (e->kind) {
	case K_REF:
		lookup(w, r, e->ref.id, e->type, &x);
		if (x.type == EXPR_T_BOOL) {
			x.t &= (want & T) != 0;
			x.f &= (want & F) != 0;
		}
		x.null &= (want & N) != 0;
		narrow(w, r, e->ref.id, &x);
		break;
	case K_NOT:
		assume(w, r, e->a, (want & N) | (want & T ? F : 0) |
		    (want & F ? T : 0));
		break;
	case K_AND:
	case K_OR:
		assume_logic(w, r, e, want);
		break;
	case K_EQ:
	case K_NE:
	case K_LT:
	case K_LE:
	case K_GT:
	case K_GE:
		assume_compare(w, r, e, want);
		break;
	case K_SELECTED:
		assume_selected(w, r, e, want);
		break;
	case K_ANSWERED:
		if (want == T)
			assume_value(w, r, e->a);
		else if (want == F) {
			lookup(w, r, e->a->ref.id, e->a->type, &x);
			null_only(&x);
			narrow(w, r, e->a->ref.id, &x);
		}
		break;
	case K_DONT_KNOW:
	case K_REFUSED:
		if (want == T) {
			lookup(w, r, e->a->ref.id, e->a->type, &x);
			null_only(&x);
			narrow(w, r, e->a->ref.id, &x);
		}
		break;
	case K_IF:
		impossible_route(&acc, r);
		assume_each(w, r, e->a, T, e->b, want, &acc);
		assume_each(w, r, e->a, F | N, e->c, want, &acc);
		route_copy(r, &acc);
		break;
	case K_COALESCE:
		impossible_route(&acc, r);
		if (want & (T | F))
			assume_each(w, r, e->a, want & (T | F), NULL, 0, &acc);
		assume_each(w, r, e->a, N, e->b, want, &acc);
		route_copy(r, &acc);
		break;
	default:
		break;
	}
	w->nest--;
}

/* Narrows r to where the non-boolean e has a value. */
static void
assume_value(struct walk *w, struct expr_route *r, const struct expr *e)
{
	struct expr_domain x;

	if (r->impossible || spent(w))
		return;
	if (e->type == EXPR_T_BOOL) {
		assume(w, r, e, T | F);
		return;
	}
	switch (e->kind) {
	case K_REF:
		lookup(w, r, e->ref.id, e->type, &x);
		if (!x.null)
			return;
		x.null = 0;
		narrow(w, r, e->ref.id, &x);
		return;
	case K_ADD:
	case K_SUB:
	case K_MUL:
	case K_DIV:
	case K_DAYS:
		assume_value(w, r, e->a);
		assume_value(w, r, e->b);
		return;
	case K_NEG:
	case K_ROUND:
	case K_LENGTH:
	case K_COUNT_SET:
		assume_value(w, r, e->a);
		return;
	default:
		return;
	}
}

/* ---- public -------------------------------------------------------------- */

void
expr_route_init(struct expr_route *r, const struct expr_model *m)
{
	memset(r, 0, sizeof *r);
	r->m = m;
}

void
expr_route_assume(struct expr_route *r, const struct expr *e, int want)
{
	struct walk w;

	walk_init(&w, r->m);
	if (e != NULL)
		assume(&w, r, e, want);
}

void
expr_route_answered(struct expr_route *r, int id)
{
	struct walk w;
	struct expr_domain d;
	int i = find(r, id);

	if (r->impossible)
		return;
	walk_init(&w, r->m);
	if (i >= 0)
		d = r->at[i].d;
	else {
		top(&d, EXPR_T_ANY);
		if (r->m->domain != NULL)
			(void)r->m->domain(r->m->ctx, id, &d);
		derive(&w, r, id, d.type, &d);
	}
	d.null = 0;
	narrow(&w, r, id, &d);
}

int
expr_route_outcomes(const struct expr_route *r, const struct expr *e)
{
	struct walk w;

	walk_init(&w, r->m);
	return outcomes(&w, r, e);
}

void
expr_route_domain(const struct expr_route *r, int id, struct expr_domain *out)
{
	struct walk w;
	int i = find(r, id);

	walk_init(&w, r->m);
	if (i >= 0) {
		*out = r->at[i].d;
		return;
	}
	top(out, EXPR_T_ANY);
	if (r->m->domain != NULL)
		(void)r->m->domain(r->m->ctx, id, out);
	derive(&w, r, id, out->type, out);
}

struct uses {
	struct walk w;
	void (*fn)(void *, int, int, const struct expr_route *);
	void *ctx;
};

static void
uses(struct uses *u, const struct expr_route *r, const struct expr *e,
    int neg)
{
	struct expr_route r2;
	int and;

	if (e == NULL || r->impossible)
		return;
	switch (e->kind) {
	case K_REF:
		u->fn(u->ctx, e->ref.id, neg, r);
		return;
	case K_SELECTED:
	case K_COUNT_SET:
		u->fn(u->ctx, e->a->ref.id, neg, r);
		return;
	case K_ANSWERED:
	case K_DONT_KNOW:
	case K_REFUSED:
	case K_COUNT_ROSTER:
	case K_SUM:
		return;
	case K_COALESCE:
		uses(u, r, e->b, neg);
		return;
	case K_IF:
		route_copy(&r2, r);
		assume(&u->w, &r2, e->a, T);
		uses(u, &r2, e->b, neg);
		route_copy(&r2, r);
		assume(&u->w, &r2, e->a, F | N);
		uses(u, &r2, e->c, neg);
		return;
	case K_AND:
	case K_OR:
		and = e->kind == K_AND;
		route_copy(&r2, r);
		assume(&u->w, &r2, e->b, and ? T : F);
		uses(u, &r2, e->a, neg);
		route_copy(&r2, r);
		assume(&u->w, &r2, e->a, and ? T : F);
		uses(u, &r2, e->b, neg);
		return;
	case K_NOT:
		uses(u, r, e->a, !neg);
		return;
	case K_NE:
		uses(u, r, e->a, !neg);
		uses(u, r, e->b, !neg);
		return;
	default:
		uses(u, r, e->a, neg);
		uses(u, r, e->b, neg);
		uses(u, r, e->c, neg);
		return;
	}
}

void
expr_route_uses(const struct expr_route *r, const struct expr *e,
    void (*fn)(void *, int, int, const struct expr_route *), void *ctx)
{
	struct uses u;

	u.fn = fn;
	u.ctx = ctx;
	walk_init(&u.w, r->m);
	uses(&u, r, e, 0);
}

/* ---- messages ------------------------------------------------------------ */

struct out {
	char *p;
	size_t n, size;
};

static void
put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (o->size == 0 || o->n >= o->size - 1)
		return;
	va_start(ap, fmt);
	w = vsnprintf(o->p + o->n, o->size - o->n, fmt, ap);
	va_end(ap);
	if (w > 0)
		o->n += (size_t)w < o->size - o->n ? (size_t)w :
		    o->size - o->n - 1;
}

static const char *
name_of(const struct expr_model *m, int id)
{
	const char *s = m != NULL && m->name != NULL ? m->name(m->ctx, id) :
	    NULL;

	return s != NULL ? s : "?";
}

/* Binding strength, as in expr-parse.c: or < and < not < comparison <
 * + - < * / < unary minus < the rest. */
static int
prec(const struct expr *e)
{
	switch (e->kind) {
	case K_OR:
		return 1;
	case K_AND:
		return 2;
	case K_NOT:
		return 3;
	case K_EQ:
	case K_NE:
	case K_LT:
	case K_LE:
	case K_GT:
	case K_GE:
		return 4;
	case K_ADD:
	case K_SUB:
	case K_DAYS:
		return 5;
	case K_MUL:
	case K_DIV:
		return 6;
	case K_NEG:
		return 7;
	default:
		return 8;
	}
}

static void format(struct out *, const struct expr *,
    const struct expr_model *, int);

static void
format_number(struct out *o, double x)
{
	put(o, "%.15g", x);
}

static void
format_call(struct out *o, const struct expr *e, const struct expr_model *m,
    const char *fn)
{
	put(o, "%s(", fn);
	if (e->a != NULL)
		format(o, e->a, m, 0);
	if (e->kind == K_SELECTED)
		put(o, ", %.0f", e->num);
	else if (e->kind == K_ROUND && e->b != NULL)
		put(o, ", %d", e->pos);
	else if (e->b != NULL) {
		put(o, ", ");
		format(o, e->b, m, 0);
		if (e->c != NULL) {
			put(o, ", ");
			format(o, e->c, m, 0);
		}
	}
	put(o, ")");
}

static const char *
op_text(enum kind k)
{
	switch (k) {
	case K_OR:
		return "or";
	case K_AND:
		return "and";
	case K_EQ:
		return "=";
	case K_NE:
		return "!=";
	case K_LT:
		return "<";
	case K_LE:
		return "<=";
	case K_GT:
		return ">";
	case K_GE:
		return ">=";
	case K_ADD:
		return "+";
	case K_SUB:
	case K_DAYS:
		return "-";
	case K_MUL:
		return "*";
	default:
		return "/";
	}
}

static void
format(struct out *o, const struct expr *e, const struct expr_model *m,
    int need)
{
	char date[16];
	int p = prec(e), paren = p < need;

	if (paren)
		put(o, "(");
	switch (e->kind) {
	case K_NUM:
		format_number(o, e->num);
		break;
	case K_BOOL:
		put(o, "%s", e->num != 0 ? "true" : "false");
		break;
	case K_TEXT:
		put(o, "\"%.*s\"", expr_clip(e->len), e->text);
		break;
	case K_DATE:
		expr_format_date(e->date, date);
		put(o, "\"%s\"", date);
		break;
	case K_REF:
		put(o, "%s", name_of(m, e->ref.id));
		break;
	case K_NEG:
		put(o, "-");
		format(o, e->a, m, 7);
		break;
	case K_NOT:
		put(o, "not ");
		format(o, e->a, m, 3);
		break;
	case K_OR:
	case K_AND:
	case K_ADD:
	case K_SUB:
	case K_DAYS:
	case K_MUL:
	case K_DIV:
		/* Left-associative: the right operand binds one tighter. */
		format(o, e->a, m, p);
		put(o, " %s ", op_text(e->kind));
		format(o, e->b, m, p + 1);
		break;
	case K_EQ:
	case K_NE:
	case K_LT:
	case K_LE:
	case K_GT:
	case K_GE:
		format(o, e->a, m, 5);
		put(o, " %s ", op_text(e->kind));
		format(o, e->b, m, 5);
		break;
	case K_SELECTED:
		format_call(o, e, m, "selected");
		break;
	case K_COUNT_SET:
	case K_COUNT_ROSTER:
		format_call(o, e, m, "count");
		break;
	case K_SUM:
		format_call(o, e, m, "sum");
		break;
	case K_ANSWERED:
		format_call(o, e, m, "answered");
		break;
	case K_DONT_KNOW:
		format_call(o, e, m, "dont_know");
		break;
	case K_REFUSED:
		format_call(o, e, m, "refused");
		break;
	case K_COALESCE:
		format_call(o, e, m, "coalesce");
		break;
	case K_IF:
		format_call(o, e, m, "if");
		break;
	case K_INDEX:
		put(o, "index()");
		break;
	case K_ROUND:
		format_call(o, e, m, "round");
		break;
	case K_LENGTH:
		format_call(o, e, m, "length");
		break;
	default:
		put(o, "?");
		break;
	}
	if (paren)
		put(o, ")");
}

void
expr_route_format(const struct expr *e, const struct expr_model *m,
    char *out, size_t outsz)
{
	struct out o = { out, 0, outsz };

	if (outsz > 0)
		out[0] = '\0';
	if (e != NULL)
		format(&o, e, m, 0);
}

static void
format_bound(struct out *o, enum expr_type t, double x)
{
	char date[16];

	if (t == EXPR_T_DATE) {
		expr_format_date((int32_t)x, date);
		put(o, "%s", date);
	} else
		format_number(o, x);
}

/* Why the question tested by a never-true comparison cannot pass it:
 * what its answer can be, described from the side the test looks at. */
static void
describe(struct out *o, const struct expr_route *r, const struct expr *ref,
    enum kind k)
{
	const char *name = name_of(r->m, ref->ref.id);
	struct expr_domain d;
	int i, n = 0;

	expr_route_domain(r, ref->ref.id, &d);
	if (!d.value) {
		put(o, " ('%s' is never answered)", name);
		return;
	}
	if (d.type == EXPR_T_BOOL) {
		if (d.t != d.f)
			put(o, " ('%s' is always %s)", name,
			    d.t ? "true" : "false");
		return;
	}
	if (d.type != EXPR_T_NUMBER && d.type != EXPR_T_DATE)
		return;
	if (d.codes != NULL) {
		put(o, " ('%s' is %s", name, popcount(d.may) > 1 ?
		    "one of " : "");
		for (i = 0; i < d.ncodes && i < 64; i++)
			if (d.may >> i & 1) {
				if (n == 8) {
					put(o, ", ...");
					break;
				}
				put(o, "%s%ld", n++ ? ", " : "", d.codes[i]);
			}
		put(o, ")");
		return;
	}
	if (d.lo == d.hi) {
		put(o, " ('%s' is always ", name);
		format_bound(o, d.type, d.lo);
	} else if (!isinf(d.hi) && (k == K_GT || k == K_GE || isinf(d.lo))) {
		put(o, " ('%s' is at most ", name);
		format_bound(o, d.type, d.hi);
	} else if (!isinf(d.lo) && (k == K_LT || k == K_LE || isinf(d.hi))) {
		put(o, " ('%s' is at least ", name);
		format_bound(o, d.type, d.lo);
	} else if (!isinf(d.lo) && !isinf(d.hi)) {
		put(o, " ('%s' is between ", name);
		format_bound(o, d.type, d.lo);
		put(o, " and ");
		format_bound(o, d.type, d.hi);
	} else
		return;
	put(o, ")");
}

static void
reason(struct out *o, const struct expr_route *r, const struct expr *e)
{
	struct expr_domain d;
	size_t n;

	switch (e->kind) {
	case K_EQ:
	case K_NE:
	case K_LT:
	case K_LE:
	case K_GT:
	case K_GE:
		if (e->a->kind == K_REF && e->b->kind != K_REF)
			describe(o, r, e->a, e->kind);
		else if (e->b->kind == K_REF && e->a->kind != K_REF)
			describe(o, r, e->b, mirror(e->kind));
		return;
	case K_REF:
		describe(o, r, e, K_EQ);
		return;
	case K_NOT:
		if (e->a->kind == K_REF)
			describe(o, r, e->a, K_EQ);
		return;
	case K_SELECTED:
	case K_ANSWERED:
		expr_route_domain(r, e->a->ref.id, &d);
		if (!d.value)
			put(o, " ('%s' is never answered)",
			    name_of(r->m, e->a->ref.id));
		else if (e->kind == K_SELECTED)
			describe(o, r, e->a, K_EQ);
		return;
	case K_AND:
		put(o, " (its parts contradict each other)");
		return;
	case K_OR:
		/* Each side is never true; the first one's reason will do. */
		n = o->n;
		reason(o, r, e->a);
		if (o->n == n)
			reason(o, r, e->b);
		return;
	default:
		return;
	}
}

void
expr_route_explain(const struct expr_route *r, const struct expr *e,
    char *out, size_t outsz)
{
	struct out o = { out, 0, outsz };
	char text[160];

	if (outsz > 0)
		out[0] = '\0';
	/* The smallest conjunct that alone is never true. */
	while (e->kind == K_AND) {
		if (!(expr_route_outcomes(r, e->a) & T))
			e = e->a;
		else if (!(expr_route_outcomes(r, e->b) & T))
			e = e->b;
		else
			break;
	}
	expr_route_format(e, r->m, text, sizeof text);
	if (strlen(text) == sizeof text - 1)
		memcpy(text + sizeof text - 4, "...", 4);
	put(&o, "'%s' is never true", text);
	reason(&o, r, e);
}
