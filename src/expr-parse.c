/*
 * expr-parse.c: recursive descent from the grammar in expr.c into an
 * unchecked tree in the arena. Nesting and tree height are bounded so that
 * hostile input cannot exhaust the stack here or in the passes after.
 */
#include "expr-int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static struct expr *parse_or(struct expr_parser *);

/* The current token for "unexpected ..." messages. */
static const char *
describe(const struct expr_parser *p, char *buf, size_t sz)
{
	if (p->t == T_END)
		return "end of expression";
	if (p->t == T_STR) /* already quoted */
		snprintf(buf, sz, "string %.*s", expr_clip(p->len),
		    p->src + p->off);
	else
		snprintf(buf, sz, "'%.*s'", expr_clip(p->len), p->src + p->off);
	return buf;
}

/* A node blamed on the current token. */
static struct expr *
node(struct expr_parser *p, enum kind k, struct expr *a)
{
	struct expr *e = arena_alloc(p->arena, sizeof *e);

	e->kind = k;
	e->off = e->start = p->off;
	e->tok = p->src + p->off;
	e->toklen = p->len;
	e->a = a;
	e->height = 1;
	return e;
}

/* Sets e's height from its children, now that they are parsed. */
static int
grow(struct expr_parser *p, struct expr *e)
{
	const struct expr *kids[] = { e->a, e->b, e->c };
	const struct expr *x;
	size_t i;

	e->height = 1;
	for (i = 0; i < 3; i++)
		if (kids[i] != NULL && kids[i]->height >= e->height)
			e->height = kids[i]->height + 1;
	for (x = e->a != NULL ? e->a->next : NULL; x != NULL; x = x->next)
		if (x->height >= e->height)
			e->height = x->height + 1;
	if (e->height > EXPR_MAX_HEIGHT) {
		expr_fail(p, e->off,
		    "expression too complex (more than %d levels); split it "
		    "into calculated questions",
		    EXPR_MAX_HEIGHT);
		return -1;
	}
	return 0;
}

/* Enters one level of nesting at the current token. */
static int
nest(struct expr_parser *p)
{
	if (++p->depth > EXPR_MAX_DEPTH) {
		expr_fail(p, p->off,
		    "expression nested too deeply (more than %d levels)",
		    EXPR_MAX_DEPTH);
		return -1;
	}
	return 0;
}

static enum kind
binkind(enum tok t)
{
	switch (t) {
	case T_AND:
		return K_AND;
	case T_OR:
		return K_OR;
	case T_PLUS:
		return K_ADD;
	case T_MINUS:
		return K_SUB;
	case T_STAR:
		return K_MUL;
	case T_SLASH:
		return K_DIV;
	default: /* comparisons: tokens and kinds are in the same order */
		return K_EQ + (t - T_EQ);
	}
}

/* One left-associative level: sub ((t1 | t2) sub)*. */
static struct expr *
parse_left(struct expr_parser *p, struct expr *(*sub)(struct expr_parser *),
    enum tok t1, enum tok t2)
{
	struct expr *e = sub(p), *op;

	while (e != NULL && (p->t == t1 || p->t == t2)) {
		op = node(p, binkind(p->t), e);
		op->start = e->start;
		if (expr_lex(p) == -1 || (op->b = sub(p)) == NULL ||
		    grow(p, op) == -1)
			return NULL;
		e = op;
	}
	return e;
}

/* A prefix operator applied to sub: 'not' not, '-' unary. */
static struct expr *
parse_prefix(struct expr_parser *p, enum kind k,
    struct expr *(*sub)(struct expr_parser *))
{
	struct expr *e = node(p, k, NULL);

	if (nest(p) == -1 || expr_lex(p) == -1 || (e->a = sub(p)) == NULL ||
	    grow(p, e) == -1)
		return NULL;
	p->depth--;
	return e;
}

static struct expr *
parse_number(struct expr_parser *p)
{
	struct expr *e = node(p, K_NUM, NULL);
	const char *s = p->src + p->off;
	double mant = 0;
	int sig = 0, scale = 0, frac = 0;
	size_t i;

	/* Exact for up to 15 significant digits: an integer below 2^53
	 * divided by an exact power of ten rounds once, whatever the locale
	 * (strtod would honour a decimal comma). */
	for (i = 0; i < p->len; i++) {
		if (s[i] == '.') {
			frac = 1;
			continue;
		}
		if (sig < 15) {
			mant = mant * 10 + (s[i] - '0');
			sig += mant > 0;
			scale -= frac;
		} else
			scale += !frac;
	}
	e->num = scale >= 0 ? mant * pow(10, scale) : mant / pow(10, -scale);
	if (!isfinite(e->num))
		return expr_fail(p, p->off, "number '%.*s%s' is too large",
		    expr_clip(p->len), s, p->len > EXPR_CLIP ? "..." : "");
	e->type = EXPR_T_NUMBER;
	return expr_lex(p) == -1 ? NULL : e;
}

static struct expr *
parse_string(struct expr_parser *p)
{
	struct expr *e = node(p, K_TEXT, NULL);
	const char *s = p->src + p->off;
	char *t = arena_alloc(p->arena, p->len);
	size_t i, n = 0;

	/* Drop the quotes and undouble the quote character inside. */
	for (i = 1; i + 1 < p->len; i++) {
		t[n++] = s[i];
		if (s[i] == s[0])
			i++;
	}
	e->text = t;
	e->len = n;
	e->type = EXPR_T_TEXT;
	return expr_lex(p) == -1 ? NULL : e;
}

static struct expr *
parse_call(struct expr_parser *p)
{
	struct expr *e = node(p, K_CALL, NULL), **tail = &e->a, *arg;
	size_t open;
	char buf[EXPR_CLIP + 16];

	if (expr_lex(p) == -1)
		return NULL;
	open = p->off;
	if (nest(p) == -1 || expr_lex(p) == -1)
		return NULL;
	while (p->t != T_RP) {
		if ((arg = parse_or(p)) == NULL)
			return NULL;
		*tail = arg;
		tail = &arg->next;
		e->nargs++;
		if (p->t == T_COMMA) {
			if (expr_lex(p) == -1)
				return NULL;
			continue;
		}
		if (p->t != T_RP)
			return expr_fail(p, p->off,
			    "expected ',' or ')' in the call of %.*s() at "
			    "offset %zu, found %s",
			    expr_clip(e->toklen), e->tok, open,
			    describe(p, buf, sizeof buf));
	}
	p->depth--;
	if (grow(p, e) == -1 || expr_lex(p) == -1)
		return NULL;
	return e;
}

static struct expr *
parse_group(struct expr_parser *p)
{
	struct expr *e;
	size_t open = p->off;
	char buf[EXPR_CLIP + 16];

	if (nest(p) == -1 || expr_lex(p) == -1 || (e = parse_or(p)) == NULL)
		return NULL;
	if (p->t != T_RP)
		return expr_fail(p, p->off,
		    "expected ')' to close '(' at offset %zu%s%s", open,
		    p->t == T_END ? "" : ", found ",
		    p->t == T_END ? "" : describe(p, buf, sizeof buf));
	p->depth--;
	e->start = open;
	return expr_lex(p) == -1 ? NULL : e;
}

static struct expr *
parse_primary(struct expr_parser *p)
{
	struct expr *e;
	size_t i;
	char buf[EXPR_CLIP + 16];

	switch (p->t) {
	case T_NUM:
		return parse_number(p);
	case T_STR:
		return parse_string(p);
	case T_TRUE:
	case T_FALSE:
		e = node(p, K_BOOL, NULL);
		e->num = p->t == T_TRUE;
		e->type = EXPR_T_BOOL;
		return expr_lex(p) == -1 ? NULL : e;
	case T_NAME:
		for (i = p->pos; i < p->n && strchr(" \t\r\n", p->src[i]); i++)
			;
		if (i < p->n && p->src[i] == '(')
			return parse_call(p);
		/* FALLTHROUGH */
	case T_DOT:
		e = node(p, K_REF, NULL);
		return expr_lex(p) == -1 ? NULL : e;
	case T_LP:
		return parse_group(p);
	case T_END:
		return expr_fail(p, p->off,
		    "unexpected end of expression (an operand is missing)");
	default:
		return expr_fail(p, p->off,
		    "unexpected %s (an operand is missing)",
		    describe(p, buf, sizeof buf));
	}
}

static struct expr *
parse_unary(struct expr_parser *p)
{
	if (p->t == T_MINUS)
		return parse_prefix(p, K_NEG, parse_unary);
	return parse_primary(p);
}

static struct expr *
parse_mul(struct expr_parser *p)
{
	return parse_left(p, parse_unary, T_STAR, T_SLASH);
}

static struct expr *
parse_add(struct expr_parser *p)
{
	return parse_left(p, parse_mul, T_PLUS, T_MINUS);
}

static int
is_cmp(enum tok t)
{
	return t >= T_EQ && t <= T_GE;
}

static struct expr *
parse_cmp(struct expr_parser *p)
{
	struct expr *e = parse_add(p), *op;

	if (e == NULL || !is_cmp(p->t))
		return e;
	op = node(p, binkind(p->t), e);
	op->start = e->start;
	if (expr_lex(p) == -1 || (op->b = parse_add(p)) == NULL ||
	    grow(p, op) == -1)
		return NULL;
	if (is_cmp(p->t))
		return expr_fail(p, p->off,
		    "comparisons cannot be chained; join them with 'and', as "
		    "in 'a < b and b < c'");
	return op;
}

static struct expr *
parse_not(struct expr_parser *p)
{
	if (p->t == T_NOT)
		return parse_prefix(p, K_NOT, parse_not);
	return parse_cmp(p);
}

static struct expr *
parse_and(struct expr_parser *p)
{
	return parse_left(p, parse_not, T_AND, T_AND);
}

static struct expr *
parse_or(struct expr_parser *p)
{
	return parse_left(p, parse_and, T_OR, T_OR);
}

/* A complete expression followed by more: say what is likely wrong. */
static struct expr *
trailing(struct expr_parser *p)
{
	static const char *const kw[] = { "and", "or", "not", "true", "false" };
	char buf[EXPR_CLIP + 16];
	size_t k;

	if (p->t == T_RP)
		return expr_fail(p, p->off, "unmatched ')'");
	for (k = 0; p->t == T_NAME && k < sizeof kw / sizeof kw[0]; k++)
		if (strlen(kw[k]) == p->len &&
		    strncasecmp(kw[k], p->src + p->off, p->len) == 0)
			return expr_fail(p, p->off,
			    "unexpected '%.*s' (keywords are lowercase: use "
			    "'%s')",
			    expr_clip(p->len), p->src + p->off, kw[k]);
	return expr_fail(p, p->off,
	    "unexpected %s after a complete expression (an operator is "
	    "missing?)",
	    describe(p, buf, sizeof buf));
}

struct expr *
expr_parse(struct expr_parser *p)
{
	struct expr *e;

	if (expr_lex(p) == -1)
		return NULL;
	if (p->t == T_END)
		return expr_fail(p, p->off, "empty expression");
	p->first = p->off;
	if ((e = parse_or(p)) == NULL)
		return NULL;
	if (p->t != T_END)
		return trailing(p);
	return e;
}
