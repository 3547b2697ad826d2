/*
 * expr.h: the expression language of relevant, constraint, calculate and
 * indicator definitions.
 *
 * An expression is compiled once, when the questionnaire loads: parsed into
 * a tree in the questionnaire's arena, its names resolved to question ids
 * through a caller-supplied resolver, and its types checked, so that
 * "age > 'ten'" is an error at load time and never during an interview.
 * Evaluation walks the tree and never allocates.
 *
 * The module knows nothing of YAML or of the questionnaire model: errors
 * carry a byte offset into the expression text, which the loader turns into
 * a file:line:col.
 *
 * Unanswered values. A question that was not answered (skipped, not reached,
 * or answered "don't know"/"refused") has the value null. Arithmetic and
 * comparisons involving null give null; `and`/`or`/`not` follow three-valued
 * (Kleene) logic, so "false and null" is false and "true or null" is true.
 * Where a truth value is finally needed, the caller decides what null means
 * (see expr_truth): relevance treats null as false, constraints as passed.
 */
#ifndef LCSURVEY_EXPR_H
#define LCSURVEY_EXPR_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Static types. EXPR_T_SET is a multiple-choice answer: only selected(),
 * count() and answered() take it. */
enum expr_type {
	EXPR_T_ANY = 0, /* only as a "want" for expr_compile */
	EXPR_T_NUMBER,
	EXPR_T_TEXT,
	EXPR_T_BOOL,
	EXPR_T_DATE,
	EXPR_T_SET,
};

/* Why a value is null. */
enum expr_missing {
	EXPR_UNANSWERED = 0,
	EXPR_DONT_KNOW,
	EXPR_REFUSED,
};

enum expr_vkind {
	EXPR_V_NULL = 0,
	EXPR_V_NUMBER,
	EXPR_V_TEXT,
	EXPR_V_BOOL,
	EXPR_V_DATE,
	EXPR_V_SET,
};

/*
 * A runtime value. Text is borrowed from whoever supplied it (the answer
 * store of the interview); dates are days since 1970-01-01; a set is a bit
 * mask over the *positions* (0-based) of the question's choice list, which
 * is why a multiple-choice list holds at most 64 choices.
 */
struct expr_value {
	enum expr_vkind kind;
	enum expr_missing missing; /* meaningful when kind == EXPR_V_NULL */
	double num;		   /* NUMBER; BOOL as 0/1 */
	int32_t date;		   /* DATE */
	uint64_t set;		   /* SET */
	const char *text;	   /* TEXT, not necessarily NUL-terminated */
	size_t len;
};

/* What the resolver tells the compiler about a name. */
struct expr_ref {
	int id;		     /* the caller's question id, >= 0 */
	enum expr_type type; /* its value type */
	int roster;	     /* 0: not in a roster; else the caller's roster id */
	/* Choice codes, in list order, for single/multiple choice questions, so
	 * that selected(q, 7) can be checked (and mapped to a position) at load.
	 * NULL/0 for other questions. */
	const long *codes;
	int ncodes;
};

/*
 * Resolves name[0..len) for the expression being compiled. "." names the
 * question the expression belongs to (constraints). Returns 0 and fills
 * *out, or -1 with a message (without location) written into msg, e.g.
 * "unknown question 'agee' (did you mean 'age'?)".
 */
struct expr_resolver {
	int (*resolve)(void *ctx, const char *name, size_t len,
	    struct expr_ref *out, char *msg, size_t msgsz);
	void *ctx;
};

struct expr_error {
	size_t offset; /* 0-based byte offset into the source */
	char msg[256];
};

struct expr; /* opaque; lives in the arena given to expr_compile */

/* Limits that keep hostile input from exhausting the stack: the source
 * length in bytes, and the nesting of parentheses, calls, 'not' and unary
 * minus. Beyond them expr_compile fails with a message. */
#define EXPR_MAX_LEN 4096
#define EXPR_MAX_DEPTH 64

/*
 * Compiles src. scope_roster is the roster the expression is evaluated in
 * (0 outside rosters): a question of another roster, or of a roster when
 * scope_roster is 0, may only appear as the argument of count() or sum().
 * want is the type the context needs (EXPR_T_BOOL for relevant and
 * constraint, EXPR_T_ANY for calculate). Returns the tree, or NULL with
 * *err filled. Nothing is allocated outside the arena; a failed compile may
 * leave unreachable nodes in it, freed with the arena.
 */
struct expr *expr_compile(struct arena *a, const char *src,
    const struct expr_resolver *r, int scope_roster, enum expr_type want,
    struct expr_error *err);

/* The static type of a compiled expression. */
enum expr_type expr_type_of(const struct expr *e);

/* If e is a bare question reference, its id; else -1. */
int expr_single_ref(const struct expr *e);

/* Calls fn for every question id e references, in source order (repeats
 * included). */
void expr_foreach_ref(const struct expr *e, void (*fn)(void *ctx, int id),
    void *ctx);

/* Evaluation context, supplied by the interview engine or the aggregator. */
struct expr_env {
	/* Fills *out with the answer to question id for roster member `member`
	 * (1-based; 0 outside rosters). Must not allocate per call. */
	void (*value)(void *ctx, int id, int member, struct expr_value *out);
	/* Number of members of roster `roster` (for count() and sum()). */
	int (*members)(void *ctx, int roster);
	void *ctx;
	int member; /* the member being evaluated, 1-based; 0 outside */
};

/* Evaluates e. Never allocates, never fails: errors at run time (division
 * by zero) give null. */
void expr_eval(const struct expr *e, const struct expr_env *env,
    struct expr_value *out);

/* 1 for true, 0 for false, -1 for null or a non-boolean value. */
int expr_truth(const struct expr_value *v);

/* Name of a type for messages: "number", "text", ... */
const char *expr_type_name(enum expr_type t);

/* Parses "YYYY-MM-DD" into days since 1970-01-01; -1 on a malformed or
 * impossible date (1900-01-01..9999-12-31 accepted). */
int expr_parse_date(const char *s, size_t len, int32_t *days);
/* Formats days as YYYY-MM-DD into out (at least 11 bytes). Days outside
 * years 0000..9999 give "????-??-??" rather than overflow out. */
void expr_format_date(int32_t days, char *out);

#endif
