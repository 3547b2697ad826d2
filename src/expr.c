/*
 * expr.c: the expression module's entry points and its language reference.
 * Compiling is lexing (expr-lex.c), parsing (expr-parse.c) and resolving
 * names and checking types (expr-check.c), so that every mistake an author
 * can make is caught at load time with the byte offset of the token to
 * blame; expr-eval.c walks the result without allocating.
 *
 * THE EXPRESSION LANGUAGE (the reference copied into the manual)
 *
 * Grammar, loosest binding first:
 *
 *	expr    := or
 *	or      := and ('or' and)*
 *	and     := not ('and' not)*
 *	not     := 'not' not | cmp
 *	cmp     := add (('=' | '!=' | '<' | '<=' | '>' | '>=') add)?
 *	add     := mul (('+' | '-') mul)*
 *	mul     := unary (('*' | '/') unary)*
 *	unary   := '-' unary | primary
 *	primary := NUMBER | STRING | 'true' | 'false' | NAME | '.'
 *	         | NAME '(' [expr (',' expr)*] ')' | '(' expr ')'
 *
 * Binary operators are left-associative ("10 - 4 - 3" is 3); comparisons do
 * not chain ("a < b < c" is an error: write "a < b and b < c"). "not" binds
 * looser than comparisons, so "not age > 5" is "not (age > 5)", and tighter
 * than "and", so "not a and b" is "(not a) and b".
 *
 * Tokens. Spaces, tabs, carriage returns and newlines separate tokens and
 * are otherwise ignored.
 *   NUMBER  decimal digits with an optional fraction: 12, 3.5, 0.25. A number
 *           starts with a digit (".5" is an error: write 0.5) and has no
 *           exponent or sign; "-3" is unary minus applied to 3. Up to 15
 *           significant digits are kept.
 *   STRING  text in single or double quotes; the quote character is written
 *           twice to include it: 'it''s', "say ""hi""". No other escapes.
 *           The text must be valid UTF-8.
 *   NAME    [A-Za-z_][A-Za-z0-9_]*, a question id, or a function name when
 *           followed by '('. The lowercase words and, or, not, true and false
 *           are reserved.
 *   .       the question the expression belongs to (in constraints).
 * Outside strings only ASCII is allowed. Common slips get a hint: '==' (use
 * '='), '&&' and '&' (use 'and'), '||' and '|' (use 'or'), '!' (use 'not'),
 * '<>' (use '!='), '=<' and '=>' (use '<=' and '>=').
 *
 * Types: number, text, true/false (bool), date, and multiple choice (a set
 * of selected choices). Names get their types from the questionnaire; a
 * single-choice question is a number, its code.
 *   + - * /         numbers only; date - date is the number of days between
 *   unary -         number
 *   and or not      true/false
 *   = !=            two numbers, texts, true/false values or dates
 *   < <= > >=       two numbers, texts (compared byte by byte) or dates
 * A quoted literal next to a date (compared with it, on the other side of
 * a '-', or the other value of coalesce() or if()) is a date, and must be a
 * valid 'YYYY-MM-DD' between 1900 and 9999: "visit - '2024-01-01' > 30".
 * Nothing else converts: "age > '10'" is an error. A multiple-choice
 * question may only be the argument of selected(), count(), answered(),
 * dont_know() and refused().
 *
 * Rosters. A question asked for each member of a roster is, inside that
 * roster, the current member's answer. Anywhere else it may only be the
 * argument of count() or sum(), which go over all members.
 *
 * Functions:
 *   selected(q, CODE)  q a single- or multiple-choice question, CODE one of
 *                      its choice codes (a literal); whether CODE is chosen
 *   count(q)           for a multiple-choice q, how many choices are
 *                      selected; for a question of a roster used outside
 *                      it, how many members answered it (for a true/false
 *                      question: answered true)
 *   sum(q)             a number question of a roster used outside it: the
 *                      total of the members' answers (0 when none)
 *   answered(q)        whether q has an answer
 *   dont_know(q)       whether q was answered "don't know"
 *   refused(q)         whether q was refused
 *   coalesce(a, b)     a, or b when a has no value; a and b of one type
 *   if(c, a, b)        a when c is true, else b (also when c has no value)
 *   index()            the current member's number (1, 2, ...) in a roster
 *   round(x), round(x, n)
 *                      x rounded to n decimals (a literal 0..10, default 0),
 *                      halves away from zero: round(2.5) is 3, round(-2.5)
 *                      is -3, round(2.675, 2) is 2.68
 *   length(t)          the number of characters (code points) of text t
 *
 * Missing values. An unanswered, skipped, "don't know" or refused question
 * has no value (null). Arithmetic, comparisons, round() and length() give
 * null when an operand is null, keeping the first null operand's reason;
 * division by zero gives null. "and", "or" and "not" use three-valued logic:
 * false and null is false, true or null is true, any other combination with
 * null is null, and not null is null. selected() and count() of a set are
 * null when the question is; answered(), dont_know(), refused() and count()
 * and sum() over a roster are never null.
 *
 * Limits: at most 4096 bytes (EXPR_MAX_LEN), 64 levels of nesting of
 * parentheses, calls, 'not' and '-' (EXPR_MAX_DEPTH), and 512 levels in
 * the resulting tree, e.g. a chain of 512 '+'.
 *
 * Error messages follow git: lowercase, no full stop, the subject in single
 * quotes, a fix where one exists; the offset points at the token to blame.
 */
#include "expr-int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *
expr_type_name(enum expr_type t)
{
	switch (t) {
	case EXPR_T_NUMBER:
		return "number";
	case EXPR_T_TEXT:
		return "text";
	case EXPR_T_BOOL:
		return "true/false";
	case EXPR_T_DATE:
		return "date";
	case EXPR_T_SET:
		return "multiple choice";
	default:
		return "any";
	}
}

struct expr *
expr_fail(struct expr_parser *p, size_t off, const char *fmt, ...)
{
	va_list ap;

	if (!p->failed) {
		p->failed = 1;
		p->err->offset = off;
		va_start(ap, fmt);
		vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
		va_end(ap);
	}
	return NULL;
}

struct expr *
expr_compile(struct arena *a, const char *src, const struct expr_resolver *r,
    int scope_roster, enum expr_type want, struct expr_error *err)
{
	struct expr_parser p;
	struct expr *e;

	memset(&p, 0, sizeof p);
	p.arena = a;
	p.src = src != NULL ? src : "";
	p.r = r;
	p.scope = scope_roster;
	p.err = err;
	err->offset = 0;
	err->msg[0] = '\0';
	/* Measured once, with a bound: nothing after this reads past p.n. */
	p.n = strnlen(p.src, EXPR_MAX_LEN + 1);
	if (p.n > EXPR_MAX_LEN)
		return expr_fail(&p, EXPR_MAX_LEN,
		    "expression too long (more than %d bytes); split it into "
		    "calculated questions",
		    EXPR_MAX_LEN);
	/* Nodes point into the text (names, literals): keep a copy with the
	 * tree, since the caller's (the YAML tree) is freed after loading. */
	p.src = arena_strndup(a, p.src, p.n);
	if ((e = expr_parse(&p)) == NULL || expr_check(&p, e, want) == -1)
		return NULL;
	return e;
}

enum expr_type
expr_type_of(const struct expr *e)
{
	return e->type;
}

int
expr_single_ref(const struct expr *e)
{
	return e != NULL && e->kind == K_REF ? e->ref.id : -1;
}

void
expr_foreach_ref(const struct expr *e, void (*fn)(void *, int), void *ctx)
{
	if (e == NULL)
		return;
	if (e->kind == K_REF) {
		fn(ctx, e->ref.id);
		return;
	}
	expr_foreach_ref(e->a, fn, ctx);
	expr_foreach_ref(e->b, fn, ctx);
	expr_foreach_ref(e->c, fn, ctx);
}
