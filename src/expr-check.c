/*
 * expr-check.c: resolves names through the caller's resolver and checks
 * types, rosters and function arguments, rewriting the tree into the form
 * expr-eval.c runs (calls become their function, date literals dates).
 */
#include "expr-int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Flags for check_ref: where a set or another roster's question may go. */
#define ALLOW_SET 1
#define ALLOW_ROSTER 2

static int check(struct expr_parser *, struct expr *);

/* The type with an article, for "'age' is a number". */
static const char *
phrase(enum expr_type t)
{
	switch (t) {
	case EXPR_T_NUMBER:
		return "a number";
	case EXPR_T_DATE:
		return "a date";
	case EXPR_T_SET:
		return "a multiple choice";
	default:
		return expr_type_name(t);
	}
}

static int
outside(const struct expr_parser *p, const struct expr *e)
{
	return e->ref.roster != 0 && e->ref.roster != p->scope;
}

static int
resolve(struct expr_parser *p, struct expr *e)
{
	char msg[sizeof p->err->msg];
	int rc = -1;

	msg[0] = '\0';
	if (p->r != NULL && p->r->resolve != NULL)
		rc = p->r->resolve(
		    p->r->ctx, e->tok, e->toklen, &e->ref, msg, sizeof msg);
	msg[sizeof msg - 1] = '\0';
	if (rc != 0) {
		if (msg[0] != '\0')
			expr_fail(p, e->off, "%s", msg);
		else
			expr_fail(p, e->off, "unknown question '%.*s'",
			    expr_clip(e->toklen), e->tok);
		return -1;
	}
	if (e->ref.id < 0 || e->ref.type <= EXPR_T_ANY ||
	    e->ref.type > EXPR_T_SET) {
		expr_fail(p, e->off,
		    "'%.*s' has no value to use in an expression",
		    expr_clip(e->toklen), e->tok);
		return -1;
	}
	if (e->ref.codes == NULL || e->ref.ncodes < 0)
		e->ref.ncodes = 0;
	e->type = e->ref.type;
	return 0;
}

/* Resolves a name; flags say whether it may be a set or another roster's. */
static int
check_ref(struct expr_parser *p, struct expr *e, int flags)
{
	int n;

	if (resolve(p, e) == -1)
		return -1;
	n = expr_clip(e->toklen);
	if (e->type == EXPR_T_SET && !(flags & ALLOW_SET)) {
		expr_fail(p, e->off,
		    "'%.*s' is a multiple-choice question; use selected(%.*s, "
		    "CODE) or count(%.*s)",
		    n, e->tok, n, e->tok, n, e->tok);
		return -1;
	}
	if (outside(p, e) && !(flags & ALLOW_ROSTER)) {
		if (e->type == EXPR_T_NUMBER)
			expr_fail(p, e->off,
			    "'%.*s' is asked for each member of a roster; use "
			    "count(%.*s) or sum(%.*s) here",
			    n, e->tok, n, e->tok, n, e->tok);
		else
			expr_fail(p, e->off,
			    "'%.*s' is asked for each member of a roster; use "
			    "count(%.*s) here",
			    n, e->tok, n, e->tok);
		return -1;
	}
	return 0;
}

/* "'+' needs numbers, found text" or "..., but 'name' is text". */
static int
need(struct expr_parser *p, const struct expr *op, const char *what,
    const struct expr *bad)
{
	if (bad->kind == K_REF)
		expr_fail(p, op->off, "'%.*s' needs %s, but '%.*s' is %s",
		    expr_clip(op->toklen), op->tok, what,
		    expr_clip(bad->toklen), bad->tok, phrase(bad->type));
	else
		expr_fail(p, op->off, "'%.*s' needs %s, found %s",
		    expr_clip(op->toklen), op->tok, what,
		    expr_type_name(bad->type));
	return -1;
}

/* Next to a date, a quoted literal is a date. */
static int
unify(struct expr_parser *p, struct expr *lit, const struct expr *other)
{
	if (lit->kind != K_TEXT || other->type != EXPR_T_DATE)
		return 0;
	if (expr_parse_date(lit->text, lit->len, &lit->date) == -1) {
		expr_fail(p, lit->off, "'%.*s' is not a date (use YYYY-MM-DD)",
		    expr_clip(lit->len), lit->text);
		return -1;
	}
	lit->kind = K_DATE;
	lit->type = EXPR_T_DATE;
	return 0;
}

static int
is_literal(const struct expr *e)
{
	return e->kind == K_NUM || e->kind == K_TEXT || e->kind == K_BOOL;
}

static int
check_compare(struct expr_parser *p, struct expr *e)
{
	struct expr *a = e->a, *b = e->b, *ref, *lit;

	if (check(p, a) == -1 || check(p, b) == -1 || unify(p, a, b) == -1 ||
	    unify(p, b, a) == -1)
		return -1;
	if (a->type != b->type) {
		ref = a->kind == K_REF ? a : b;
		lit = ref == a ? b : a;
		if (ref->kind == K_REF && is_literal(lit))
			expr_fail(p, e->off,
			    "'%.*s' is %s; compare it with %s, not %s %.*s",
			    expr_clip(ref->toklen), ref->tok, phrase(ref->type),
			    phrase(ref->type), expr_type_name(lit->type),
			    expr_clip(lit->toklen), lit->tok);
		else
			expr_fail(p, e->off, "cannot compare %s with %s",
			    expr_type_name(a->type), expr_type_name(b->type));
		return -1;
	}
	if (e->kind != K_EQ && e->kind != K_NE && a->type == EXPR_T_BOOL) {
		expr_fail(p, e->off,
		    "cannot order true/false values with '%.*s'; use '=' or "
		    "'!='",
		    expr_clip(e->toklen), e->tok);
		return -1;
	}
	e->type = EXPR_T_BOOL;
	return 0;
}

static int
check_arith(struct expr_parser *p, struct expr *e)
{
	struct expr *a = e->a, *b = e->b;

	if (check(p, a) == -1 || check(p, b) == -1)
		return -1;
	if (e->kind == K_SUB &&
	    (unify(p, a, b) == -1 || unify(p, b, a) == -1))
		return -1;
	e->type = EXPR_T_NUMBER;
	if (e->kind == K_SUB && a->type == EXPR_T_DATE &&
	    b->type == EXPR_T_DATE) {
		e->kind = K_DAYS;
		return 0;
	}
	if (a->type == EXPR_T_NUMBER && b->type == EXPR_T_NUMBER)
		return 0;
	if (e->kind == K_SUB &&
	    (a->type == EXPR_T_DATE || b->type == EXPR_T_DATE) &&
	    (a->type == EXPR_T_NUMBER || b->type == EXPR_T_NUMBER)) {
		expr_fail(p, e->off,
		    "cannot subtract %s from %s (subtract a date from a date, "
		    "or a number from a number)",
		    expr_type_name(b->type), phrase(a->type));
		return -1;
	}
	return need(p, e, "numbers", a->type != EXPR_T_NUMBER ? a : b);
}

static int
check_logic(struct expr_parser *p, struct expr *e)
{
	struct expr *a = e->a, *b = e->b;

	if (check(p, a) == -1 || (b != NULL && check(p, b) == -1))
		return -1;
	e->type = EXPR_T_BOOL;
	if (a->type != EXPR_T_BOOL)
		return need(p, e, "true/false values", a);
	if (b != NULL && b->type != EXPR_T_BOOL)
		return need(p, e, "true/false values", b);
	return 0;
}

/* For a checked argument: "round() needs a number, found text", or
 * "..., but 'name' is text". */
static int
want_arg(struct expr_parser *p, const struct expr *f, struct expr *arg,
    enum expr_type t, const char *what)
{
	if (arg->type == t)
		return 0;
	if (arg->kind == K_REF)
		expr_fail(p, arg->off, "%.*s() needs %s, but '%.*s' is %s",
		    expr_clip(f->toklen), f->tok, what, expr_clip(arg->toklen),
		    arg->tok, phrase(arg->type));
	else
		expr_fail(p, arg->start, "%.*s() needs %s, found %s",
		    expr_clip(f->toklen), f->tok, what,
		    expr_type_name(arg->type));
	return -1;
}

/* Arguments that must be a question name, not a value computed from one. */
static int
arg_ref(struct expr_parser *p, const struct expr *f, struct expr *arg,
    const char *which, int flags)
{
	if (arg->kind != K_REF) {
		expr_fail(p, arg->start, "%.*s() needs a question name as %s",
		    expr_clip(f->toklen), f->tok, which);
		return -1;
	}
	return check_ref(p, arg, flags);
}

static int
same_type(struct expr_parser *p, struct expr *f, struct expr *x, struct expr *y,
    const char *what)
{
	if (unify(p, x, y) == -1 || unify(p, y, x) == -1)
		return -1;
	if (x->type != y->type) {
		expr_fail(p, f->off,
		    "%.*s() needs %s of the same type, found %s and %s",
		    expr_clip(f->toklen), f->tok, what, expr_type_name(x->type),
		    expr_type_name(y->type));
		return -1;
	}
	f->type = x->type;
	return 0;
}

/* A whole-number literal, possibly negated: the only form of a code or a
 * digit count, which must be known at load time. */
static int
literal_int(const struct expr *e, double lo, double hi, long *out)
{
	double v;

	if (e->kind == K_NEG && e->a->kind == K_NUM)
		v = -e->a->num;
	else if (e->kind == K_NUM)
		v = e->num;
	else
		return -1;
	if (v != floor(v) || v < lo || v > hi)
		return -1;
	*out = (long)v;
	return 0;
}

static int
check_selected(struct expr_parser *p, struct expr *e)
{
	struct expr *q = e->a;
	char list[160];
	size_t used = 0;
	long code;
	int i, w;

	if (arg_ref(p, e, q, "its first argument", ALLOW_SET) == -1)
		return -1;
	if (q->ref.ncodes == 0 ||
	    (q->type != EXPR_T_NUMBER && q->type != EXPR_T_SET)) {
		expr_fail(p, q->off,
		    "selected() needs a single- or multiple-choice question, "
		    "but '%.*s' has no choices",
		    expr_clip(q->toklen), q->tok);
		return -1;
	}
	/* +-2^31 keeps the cast defined whatever the width of long. */
	if (literal_int(e->b, -2147483647.0, 2147483647.0, &code) == -1) {
		expr_fail(p, e->b->start,
		    "selected() needs a choice code (a whole number) as its "
		    "second argument");
		return -1;
	}
	e->type = EXPR_T_BOOL;
	e->num = (double)code;
	for (i = 0; i < q->ref.ncodes; i++)
		if (q->ref.codes[i] == code) {
			e->pos = i;
			return 0;
		}
	list[0] = '\0';
	for (i = 0; i < q->ref.ncodes && i < 12; i++) {
		w = snprintf(list + used, sizeof list - used, "%s%ld",
		    i > 0 ? ", " : "", q->ref.codes[i]);
		if (w < 0 || (size_t)w >= sizeof list - used)
			break;
		used += (size_t)w;
	}
	expr_fail(p, e->b->off,
	    "no choice with code %ld in '%.*s' (codes: %s%s)", code,
	    expr_clip(q->toklen), q->tok, list,
	    i < q->ref.ncodes ? ", ..." : "");
	return -1;
}

static int
check_count(struct expr_parser *p, struct expr *e)
{
	struct expr *q = e->a;

	if (arg_ref(p, e, q, "its argument", ALLOW_SET | ALLOW_ROSTER) == -1)
		return -1;
	e->type = EXPR_T_NUMBER;
	if (outside(p, q))
		e->kind = K_COUNT_ROSTER;
	else if (q->type == EXPR_T_SET)
		e->kind = K_COUNT_SET;
	else if (q->ref.roster != 0) {
		expr_fail(p, q->off,
		    "count() of '%.*s' counts roster members, which is only "
		    "possible outside its roster",
		    expr_clip(q->toklen), q->tok);
		return -1;
	} else {
		expr_fail(p, q->off,
		    "count() needs a multiple-choice question or a question "
		    "asked in a roster, but '%.*s' is %s",
		    expr_clip(q->toklen), q->tok, phrase(q->type));
		return -1;
	}
	return 0;
}

static int
check_sum(struct expr_parser *p, struct expr *e)
{
	struct expr *q = e->a;

	if (arg_ref(p, e, q, "its argument", ALLOW_ROSTER) == -1 ||
	    want_arg(p, e, q, EXPR_T_NUMBER, "a number question") == -1)
		return -1;
	e->type = EXPR_T_NUMBER;
	if (outside(p, q))
		return 0;
	if (q->ref.roster == 0)
		expr_fail(p, q->off,
		    "sum() adds up a question over the members of a roster, "
		    "but '%.*s' is not asked in a roster",
		    expr_clip(q->toklen), q->tok);
	else
		expr_fail(p, q->off,
		    "sum() of '%.*s' adds up roster members, which is only "
		    "possible outside its roster",
		    expr_clip(q->toklen), q->tok);
	return -1;
}

static int
check_missing(struct expr_parser *p, struct expr *e)
{
	e->type = EXPR_T_BOOL;
	return arg_ref(p, e, e->a, "its argument", ALLOW_SET);
}

static int
check_coalesce(struct expr_parser *p, struct expr *e)
{
	if (check(p, e->a) == -1 || check(p, e->b) == -1)
		return -1;
	return same_type(p, e, e->a, e->b, "two values");
}

static int
check_if(struct expr_parser *p, struct expr *e)
{
	if (check(p, e->a) == -1 || check(p, e->b) == -1 ||
	    check(p, e->c) == -1 ||
	    want_arg(p, e, e->a, EXPR_T_BOOL, "a true/false condition") == -1)
		return -1;
	return same_type(p, e, e->b, e->c, "two values");
}

static int
check_index(struct expr_parser *p, struct expr *e)
{
	e->type = EXPR_T_NUMBER;
	if (p->scope != 0)
		return 0;
	expr_fail(p, e->off, "index() is only meaningful inside a roster");
	return -1;
}

static int
check_round(struct expr_parser *p, struct expr *e)
{
	long digits = 0;

	if (check(p, e->a) == -1 ||
	    want_arg(p, e, e->a, EXPR_T_NUMBER, "a number") == -1)
		return -1;
	if (e->b != NULL && literal_int(e->b, 0, 10, &digits) == -1) {
		expr_fail(p, e->b->start,
		    "round() needs a whole number of decimals from 0 to 10 as "
		    "its second argument");
		return -1;
	}
	e->pos = (int)digits;
	e->type = EXPR_T_NUMBER;
	return 0;
}

static int
check_length(struct expr_parser *p, struct expr *e)
{
	e->type = EXPR_T_NUMBER;
	if (check(p, e->a) == -1)
		return -1;
	return want_arg(p, e, e->a, EXPR_T_TEXT, "text");
}

static const struct func {
	const char *name;
	int min, max;
	enum kind kind;
	int (*check)(struct expr_parser *, struct expr *);
} funcs[] = {
	{ "answered", 1, 1, K_ANSWERED, check_missing },
	{ "coalesce", 2, 2, K_COALESCE, check_coalesce },
	{ "count", 1, 1, K_COUNT_SET, check_count },
	{ "dont_know", 1, 1, K_DONT_KNOW, check_missing },
	{ "if", 3, 3, K_IF, check_if },
	{ "index", 0, 0, K_INDEX, check_index },
	{ "length", 1, 1, K_LENGTH, check_length },
	{ "refused", 1, 1, K_REFUSED, check_missing },
	{ "round", 1, 2, K_ROUND, check_round },
	{ "selected", 2, 2, K_SELECTED, check_selected },
	{ "sum", 1, 1, K_SUM, check_sum },
};
#define NFUNCS (sizeof funcs / sizeof funcs[0])

/* Levenshtein distance; b is a function name, so short. */
static size_t
distance(const char *a, size_t na, const char *b)
{
	size_t row[16], nb = strlen(b), i, j, diag, up, best;

	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= nb; j++) {
			up = row[j];
			best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

static int
unknown_function(struct expr_parser *p, const struct expr *e)
{
	size_t i, d, bestd = 3;
	const char *best = NULL;

	for (i = 0; i < NFUNCS; i++) {
		d = distance(e->tok, e->toklen, funcs[i].name);
		if (d < bestd && d < strlen(funcs[i].name)) {
			bestd = d;
			best = funcs[i].name;
		}
	}
	if (best != NULL)
		expr_fail(p, e->off,
		    "unknown function '%.*s' (did you mean '%s'?)",
		    expr_clip(e->toklen), e->tok, best);
	else
		expr_fail(p, e->off,
		    "unknown function '%.*s' (functions: answered, coalesce, "
		    "count, dont_know, if, index, length, refused, round, "
		    "selected, sum)",
		    expr_clip(e->toklen), e->tok);
	return -1;
}

static int
check_call(struct expr_parser *p, struct expr *e)
{
	const struct func *f = NULL;
	size_t i;

	for (i = 0; i < NFUNCS && f == NULL; i++)
		if (strlen(funcs[i].name) == e->toklen &&
		    memcmp(funcs[i].name, e->tok, e->toklen) == 0)
			f = &funcs[i];
	if (f == NULL)
		return unknown_function(p, e);
	if (e->nargs < f->min || e->nargs > f->max) {
		if (f->max == 0)
			expr_fail(p, e->off,
			    "%s() takes no arguments, found %d", f->name,
			    e->nargs);
		else if (f->min == f->max)
			expr_fail(p, e->off,
			    "%s() takes %d argument%s, found %d", f->name,
			    f->min, f->min == 1 ? "" : "s", e->nargs);
		else
			expr_fail(p, e->off,
			    "%s() takes %d or %d arguments, found %d", f->name,
			    f->min, f->max, e->nargs);
		return -1;
	}
	e->b = e->a != NULL ? e->a->next : NULL;
	e->c = e->b != NULL ? e->b->next : NULL;
	e->kind = f->kind;
	return f->check(p, e);
}

static int
check(struct expr_parser *p, struct expr *e)
{
	switch (e->kind) {
	case K_REF:
		return check_ref(p, e, 0);
	case K_CALL:
		return check_call(p, e);
	case K_NEG:
		if (check(p, e->a) == -1)
			return -1;
		e->type = EXPR_T_NUMBER;
		if (e->a->type != EXPR_T_NUMBER)
			return need(p, e, "a number", e->a);
		return 0;
	case K_NOT:
	case K_AND:
	case K_OR:
		return check_logic(p, e);
	case K_ADD:
	case K_SUB:
	case K_MUL:
	case K_DIV:
		return check_arith(p, e);
	case K_EQ:
	case K_NE:
	case K_LT:
	case K_LE:
	case K_GT:
	case K_GE:
		return check_compare(p, e);
	default:
		return 0; /* literals, typed by the parser */
	}
}

int
expr_check(struct expr_parser *p, struct expr *e, enum expr_type want)
{
	if (check(p, e) == -1)
		return -1;
	if (want == EXPR_T_BOOL && e->type != EXPR_T_BOOL)
		expr_fail(p, p->first,
		    "expected a true/false condition, found %s",
		    expr_type_name(e->type));
	else if (want != EXPR_T_ANY && e->type != want)
		expr_fail(p, p->first, "expected %s, found %s", phrase(want),
		    expr_type_name(e->type));
	else
		return 0;
	return -1;
}
