/*
 * expr-int.h: what the files of the expression module share and nobody else
 * sees: the tree and the compiler's state. Included only by src/expr*.c;
 * everyone else uses expr.h.
 */
#ifndef LCSURVEY_EXPR_INT_H
#define LCSURVEY_EXPR_INT_H

#include <stddef.h>
#include <stdint.h>

#include "expr.h"

/* Bounds the recursion of checking and evaluation, which follow the tree. */
#define EXPR_MAX_HEIGHT 512
/* Longest name or token quoted in a message. */
#define EXPR_CLIP 48

enum tok {
	T_END, T_NUM, T_STR, T_NAME, T_DOT, T_TRUE, T_FALSE, T_AND, T_OR, T_NOT,
	T_LP, T_RP, T_COMMA, T_PLUS, T_MINUS, T_STAR, T_SLASH,
	T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,
};

/* The parser builds K_REF with names unresolved and K_CALL with arguments
 * in a list; the checker resolves them and turns calls into the function's
 * kind, with the arguments in a, b, c. */
enum kind {
	K_NUM, K_TEXT, K_BOOL, K_DATE, K_REF, K_CALL,
	K_NEG, K_NOT, K_AND, K_OR, K_ADD, K_SUB, K_MUL, K_DIV, K_DAYS,
	K_EQ, K_NE, K_LT, K_LE, K_GT, K_GE,
	K_SELECTED, K_COUNT_SET, K_COUNT_ROSTER, K_SUM, K_ANSWERED,
	K_DONT_KNOW, K_REFUSED, K_COALESCE, K_IF, K_INDEX, K_ROUND, K_LENGTH,
};

struct expr {
	enum kind kind;
	enum expr_type type;
	size_t off;		/* the token blamed in messages */
	size_t start;		/* where the node's source text begins */
	const char *tok;	/* its text, for messages and names */
	size_t toklen;
	int height;
	int nargs;		/* K_CALL */
	struct expr *a, *b, *c;
	struct expr *next;	/* next argument of a call */
	double num;		/* K_NUM, K_BOOL; the code of K_SELECTED */
	const char *text;	/* K_TEXT, unquoted */
	size_t len;
	int32_t date;		/* K_DATE */
	int pos;		/* K_SELECTED: code position; K_ROUND: digits */
	struct expr_ref ref;	/* K_REF */
};

struct expr_parser {
	struct arena *arena;
	const char *src;
	size_t n;		/* bytes of src, at most EXPR_MAX_LEN */
	const struct expr_resolver *r;
	int scope;
	struct expr_error *err;
	int failed;
	int depth;
	size_t first;		/* offset of the first token */
	enum tok t;		/* the current token */
	size_t off, len;
	size_t pos;		/* where the next token starts */
};

static inline int
expr_clip(size_t n)
{
	return n > EXPR_CLIP ? EXPR_CLIP : (int)n;
}

/* expr.c: records the first error only (later ones are its consequences);
 * returns NULL. */
struct expr *expr_fail(struct expr_parser *, size_t, const char *, ...)
    __attribute__((format(printf, 3, 4)));

/* expr-lex.c: moves to the next token; 0, or -1 with the error set. */
int expr_lex(struct expr_parser *);

/* expr-parse.c: the whole source into an unchecked tree, or NULL. */
struct expr *expr_parse(struct expr_parser *);

/* expr-check.c: resolves names and checks types, then that the result is
 * want; 0, or -1 with the error set. */
int expr_check(struct expr_parser *, struct expr *, enum expr_type want);

#endif
