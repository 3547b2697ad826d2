/*
 * expr-eval.c: evaluates a checked tree. It never allocates and never fails:
 * missing answers and impossible arithmetic give null, as described in
 * expr.h and expr.c.
 */
#include "expr-int.h"

#include <float.h>
#include <math.h>
#include <string.h>

static void
set_null(struct expr_value *v, enum expr_missing why)
{
	*v = (struct expr_value){ .kind = EXPR_V_NULL, .missing = why };
}

static void
set_num(struct expr_value *v, double x)
{
	if (!isfinite(x))
		set_null(v, EXPR_UNANSWERED);
	else
		*v = (struct expr_value){ .kind = EXPR_V_NUMBER, .num = x };
}

static void
set_bool(struct expr_value *v, int b)
{
	*v = (struct expr_value){ .kind = EXPR_V_BOOL, .num = b != 0 };
}

static enum expr_vkind
vkind(enum expr_type t)
{
	switch (t) {
	case EXPR_T_NUMBER:
		return EXPR_V_NUMBER;
	case EXPR_T_TEXT:
		return EXPR_V_TEXT;
	case EXPR_T_BOOL:
		return EXPR_V_BOOL;
	case EXPR_T_DATE:
		return EXPR_V_DATE;
	default:
		return EXPR_V_SET;
	}
}

/* A question's answer, made to fit its static type so that a confused
 * caller yields null rather than a value of the wrong kind. */
static void
fetch(const struct expr *q, const struct expr_env *env, int member,
    struct expr_value *v)
{
	set_null(v, EXPR_UNANSWERED);
	env->value(env->ctx, q->ref.id, member, v);
	if (v->kind == EXPR_V_NULL) {
		if (v->missing != EXPR_DONT_KNOW && v->missing != EXPR_REFUSED)
			v->missing = EXPR_UNANSWERED;
	} else if (v->kind != vkind(q->type) || ((v->kind == EXPR_V_NUMBER ||
	    v->kind == EXPR_V_BOOL) && !isfinite(v->num)))
		set_null(v, EXPR_UNANSWERED);
	else if (v->kind == EXPR_V_TEXT && v->text == NULL) {
		v->text = "";
		v->len = 0;
	}
}

static void
fetch_here(const struct expr *q, const struct expr_env *env,
    struct expr_value *v)
{
	fetch(q, env, q->ref.roster != 0 ? env->member : 0, v);
}

static int
is_false(const struct expr_value *v)
{
	return v->kind == EXPR_V_BOOL && v->num == 0;
}

static int
is_true(const struct expr_value *v)
{
	return v->kind == EXPR_V_BOOL && v->num != 0;
}

/* Kleene and/or: stop is the value that decides (false for and). */
static void
eval_logic(const struct expr *e, const struct expr_env *env,
    struct expr_value *v)
{
	int (*decides)(const struct expr_value *) =
	    e->kind == K_AND ? is_false : is_true;
	struct expr_value x, y;

	expr_eval(e->a, env, &x);
	if (decides(&x)) {
		*v = x;
		return;
	}
	expr_eval(e->b, env, &y);
	if (decides(&y))
		*v = y;
	else if (x.kind == EXPR_V_NULL)
		*v = x;
	else
		*v = y;
}

static int
compare(const struct expr_value *x, const struct expr_value *y)
{
	size_t n;
	int c;

	switch (x->kind) {
	case EXPR_V_TEXT:
		n = x->len < y->len ? x->len : y->len;
		c = n > 0 ? memcmp(x->text, y->text, n) : 0;
		if (c != 0)
			return c < 0 ? -1 : 1;
		return (x->len > y->len) - (x->len < y->len);
	case EXPR_V_DATE:
		return (x->date > y->date) - (x->date < y->date);
	default:
		return (x->num > y->num) - (x->num < y->num);
	}
}

/* Binary arithmetic and comparisons: null in, null out. */
static void
eval_binary(const struct expr *e, const struct expr_env *env,
    struct expr_value *v)
{
	struct expr_value x, y;
	int c;

	expr_eval(e->a, env, &x);
	expr_eval(e->b, env, &y);
	if (x.kind == EXPR_V_NULL || y.kind == EXPR_V_NULL) {
		*v = x.kind == EXPR_V_NULL ? x : y;
		return;
	}
	if (x.kind != y.kind) {
		set_null(v, EXPR_UNANSWERED);
		return;
	}
	switch (e->kind) {
	case K_ADD:
		set_num(v, x.num + y.num);
		return;
	case K_SUB:
		set_num(v, x.num - y.num);
		return;
	case K_MUL:
		set_num(v, x.num * y.num);
		return;
	case K_DIV:
		set_num(v, y.num == 0 ? NAN : x.num / y.num);
		return;
	case K_DAYS:
		set_num(v, (double)x.date - (double)y.date);
		return;
	default:
		break;
	}
	c = compare(&x, &y);
	switch (e->kind) {
	case K_EQ:
		set_bool(v, c == 0);
		return;
	case K_NE:
		set_bool(v, c != 0);
		return;
	case K_LT:
		set_bool(v, c < 0);
		return;
	case K_LE:
		set_bool(v, c <= 0);
		return;
	case K_GT:
		set_bool(v, c > 0);
		return;
	default:
		set_bool(v, c >= 0);
		return;
	}
}

/* count() and sum() over the members of q's roster; never null. */
static void
eval_roster(const struct expr *e, const struct expr_env *env,
    struct expr_value *v)
{
	const struct expr *q = e->a;
	struct expr_value x;
	double total = 0;
	int m, n;

	n = env->members != NULL ? env->members(env->ctx, q->ref.roster) : 0;
	for (m = 1; m <= n; m++) {
		fetch(q, env, m, &x);
		if (e->kind == K_SUM)
			total += x.kind == EXPR_V_NUMBER ? x.num : 0;
		else if (x.kind == EXPR_V_BOOL ? x.num != 0 :
		    x.kind != EXPR_V_NULL)
			total++;
	}
	set_num(v, total);
}

/* Half away from zero; a product within a few ulps of a half counts as
 * one, so that round(2.675, 2), stored as 2.67499999..., gives 2.68. */
static double
round_to(double x, int digits)
{
	double m = pow(10, digits), y = fabs(x * m), f = floor(y);

	if (!isfinite(y) || y >= 4503599627370496.0) /* 2^52: whole */
		return x;
	if (y - f >= 0.5 - 4 * DBL_EPSILON * y)
		f += 1;
	return copysign(f / m, x);
}

static size_t
utf8_length(const char *s, size_t n)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++)
		len += ((unsigned char)s[i] & 0xc0) != 0x80;
	return len;
}

static void
eval_call(const struct expr *e, const struct expr_env *env,
    struct expr_value *v)
{
	struct expr_value x;
	uint64_t s;
	int n;

	switch (e->kind) {
	case K_SELECTED:
		fetch_here(e->a, env, v);
		if (v->kind == EXPR_V_SET)
			set_bool(v, e->pos < 64 && (v->set >> e->pos & 1));
		else if (v->kind == EXPR_V_NUMBER)
			set_bool(v, v->num == e->num);
		return;
	case K_COUNT_SET:
		fetch_here(e->a, env, v);
		if (v->kind != EXPR_V_SET)
			return;
		for (n = 0, s = v->set; s != 0; s &= s - 1)
			n++;
		set_num(v, n);
		return;
	case K_COUNT_ROSTER:
	case K_SUM:
		eval_roster(e, env, v);
		return;
	case K_ANSWERED:
	case K_DONT_KNOW:
	case K_REFUSED:
		fetch_here(e->a, env, &x);
		if (e->kind == K_ANSWERED)
			set_bool(v, x.kind != EXPR_V_NULL);
		else
			set_bool(v, x.kind == EXPR_V_NULL && x.missing ==
			    (e->kind == K_DONT_KNOW ? EXPR_DONT_KNOW :
			    EXPR_REFUSED));
		return;
	case K_COALESCE:
		expr_eval(e->a, env, v);
		if (v->kind == EXPR_V_NULL)
			expr_eval(e->b, env, v);
		return;
	case K_IF:
		expr_eval(e->a, env, &x);
		expr_eval(is_true(&x) ? e->b : e->c, env, v);
		return;
	case K_INDEX:
		set_num(v, env->member);
		return;
	case K_ROUND:
		expr_eval(e->a, env, v);
		if (v->kind == EXPR_V_NUMBER)
			set_num(v, round_to(v->num, e->pos));
		return;
	case K_LENGTH:
		expr_eval(e->a, env, v);
		if (v->kind == EXPR_V_TEXT)
			set_num(v, (double)utf8_length(v->text, v->len));
		return;
	default:
		set_null(v, EXPR_UNANSWERED);
		return;
	}
}

void
expr_eval(const struct expr *e, const struct expr_env *env,
    struct expr_value *v)
{
	switch (e->kind) {
	case K_NUM:
		set_num(v, e->num);
		return;
	case K_TEXT:
		*v = (struct expr_value){ .kind = EXPR_V_TEXT, .text = e->text,
		    .len = e->len };
		return;
	case K_BOOL:
		set_bool(v, e->num != 0);
		return;
	case K_DATE:
		*v = (struct expr_value){ .kind = EXPR_V_DATE,
		    .date = e->date };
		return;
	case K_REF:
		fetch_here(e, env, v);
		return;
	case K_NEG:
		expr_eval(e->a, env, v);
		if (v->kind == EXPR_V_NUMBER)
			v->num = -v->num;
		return;
	case K_NOT:
		expr_eval(e->a, env, v);
		if (v->kind == EXPR_V_BOOL)
			v->num = v->num == 0;
		return;
	case K_AND:
	case K_OR:
		eval_logic(e, env, v);
		return;
	case K_ADD:
	case K_SUB:
	case K_MUL:
	case K_DIV:
	case K_DAYS:
	case K_EQ:
	case K_NE:
	case K_LT:
	case K_LE:
	case K_GT:
	case K_GE:
		eval_binary(e, env, v);
		return;
	default:
		eval_call(e, env, v);
		return;
	}
}

int
expr_truth(const struct expr_value *v)
{
	if (v->kind != EXPR_V_BOOL)
		return -1;
	return v->num != 0;
}
