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

/* ---- Route analysis (expr-route.c) -------------------------------------
 *
 * An abstract interpretation of compiled expressions over what a
 * questionnaire says its answers can be, for `lcsurvey check`: which
 * conditions can never be true, and which uses of a question happen where
 * it may have been skipped. Every answer here over-approximates: "cannot be
 * true" is only claimed when no interview can make it true, as far as the
 * domains and the conditions below tell.
 */

/* What an expression (or a question's answer) can evaluate to. */
#define EXPR_CAN_TRUE 1
#define EXPR_CAN_FALSE 2
#define EXPR_CAN_NULL 4
#define EXPR_CAN_VALUE 8 /* a value that is not true/false */

/*
 * The values a question (or an expression) may take. Fields beyond value
 * and null only mean something for their type.
 */
struct expr_domain {
	enum expr_type type;
	int value;	    /* may have a value; 0: always null */
	int null;	    /* may be null */
	double lo, hi;	    /* NUMBER, DATE (days): every value is in [lo, hi] */
	int whole;	    /* NUMBER: whole numbers only */
	const long *codes;  /* choices (single, rating, multiple); NULL: none */
	int ncodes;	    /* positions past 64 are never narrowed */
	uint64_t may;	    /* positions that may be the answer / be selected */
	uint64_t must;	    /* SET: positions that are always selected */
	int t, f;	    /* BOOL: may be true, may be false */
};

/*
 * What the analysis asks the caller about question id. domain: fills the
 * answer's domain when the question is asked (null set when it may be left
 * empty, "don't know" or refused; value 0 for a question never asked) and
 * returns 0, or fills its domain before any assumption, its conditions and
 * definition already accounted for, and returns 1 (which saves their
 * re-evaluation). given: up to max conditions true whenever it has a value
 * (its section's relevant and its own), into out; returns how many.
 * definition: the expression a calculated question takes, else NULL. name:
 * the question's name, for messages. The expressions must only use earlier
 * questions, as the loader guarantees.
 */
struct expr_model {
	int (*domain)(void *ctx, int id, struct expr_domain *out);
	int (*given)(void *ctx, int id, const struct expr **out, int max);
	const struct expr *(*definition)(void *ctx, int id);
	const char *(*name)(void *ctx, int id);
	void *ctx;
};

#define EXPR_ROUTE_MAX 24 /* questions one set of assumptions narrows */

/* A set of assumptions: the domains of the questions they narrow (every
 * other question has its model domain). A plain value: copy it to branch. */
struct expr_route {
	const struct expr_model *m;
	int impossible; /* the assumptions contradict each other */
	int n;
	struct {
		int id;
		struct expr_domain d;
	} at[EXPR_ROUTE_MAX];
};

/* No assumptions yet. m is borrowed and must outlive r. */
void expr_route_init(struct expr_route *r, const struct expr_model *m);
/* Narrows r to the interviews in which e evaluates to one of outcomes
 * (EXPR_CAN_* bits); sets r->impossible when there are none. */
void expr_route_assume(struct expr_route *r, const struct expr *e,
    int outcomes);
/* Narrows r to the interviews in which question id has a value. */
void expr_route_answered(struct expr_route *r, int id);
/* What e can evaluate to under r: EXPR_CAN_* bits (0 if r is impossible). */
int expr_route_outcomes(const struct expr_route *r, const struct expr *e);
/* The domain of question id under r. */
void expr_route_domain(const struct expr_route *r, int id,
    struct expr_domain *out);
/*
 * Calls fn for every use of a question in e whose value matters: not inside
 * answered(), dont_know(), refused(), count() or sum() of a roster, the
 * first argument of coalesce() or the condition of if(). `at` is r narrowed
 * to where the use decides the result: in "a and b", b is used where a is
 * true (and a where b is); in "a or b" where the other is false; the
 * branches of if() where their condition is true / is not. negative is 1
 * under an odd number of 'not' and '!='. at is valid during the call only.
 */
void expr_route_uses(const struct expr_route *r, const struct expr *e,
    void (*fn)(void *ctx, int id, int negative,
    const struct expr_route *at), void *ctx);
/* For an e never true under r, writes why into out (truncated to outsz):
 * "'age > 150' is never true ('age' is at most 120)". */
void expr_route_explain(const struct expr_route *r, const struct expr *e,
    char *out, size_t outsz);
/* Writes e back as source text into out (truncated), naming questions
 * through m. */
void expr_route_format(const struct expr *e, const struct expr_model *m,
    char *out, size_t outsz);

/* ---- end of route analysis ---------------------------------------------- */

#endif
