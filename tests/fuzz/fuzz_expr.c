/*
 * fuzz_expr.c: libFuzzer harness for the expression language on its own:
 * expr_compile() against a fixed fake questionnaire, expr_eval() against a
 * fake interview, and expr_parse_date() / expr_format_date().
 *
 * Input: EXPRESSION [ '\0' PARAMETERS ]. The expression is what an author
 * writes (the corpus and dictionary are plain expressions); the optional
 * bytes after the first NUL choose the roster scope, the wanted type, what
 * '.' names, the number of roster members and the answers. Without them
 * the answers come from a hash of the input, so every input is evaluated.
 *
 * A compiled expression must evaluate to a value of its static type or to
 * null, whatever the interview holds (the fake interview also supplies
 * values of the wrong kind, NaN and infinities, which expr-eval.c promises
 * to turn into null). A parsed date must format back to its text.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "arena.h"
#include "expr.h"

#define MAXM 6 /* roster members the fake interview can hold */

static const long sex_codes[] = { 1, 2, 9 };
static const long lang_codes[] = { 1, 2, 3, 7, 99, -1, 0, 2147483647 };
static const long many_codes[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
	13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
	31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
	49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64 };
static const long yesno_codes[] = { 1, 0 };

/* The fake questionnaire; a question's id is its index. */
static const struct fake_question {
	const char *name;
	enum expr_type type;
	int roster;
	const long *codes;
	int ncodes;
} fqs[] = {
	{ "age", EXPR_T_NUMBER, 0, NULL, 0 },
	{ "income", EXPR_T_NUMBER, 0, NULL, 0 },
	{ "name", EXPR_T_TEXT, 0, NULL, 0 },
	{ "ok", EXPR_T_BOOL, 0, yesno_codes, 2 },
	{ "dob", EXPR_T_DATE, 0, NULL, 0 },
	{ "visit", EXPR_T_DATE, 0, NULL, 0 },
	{ "sex", EXPR_T_NUMBER, 0, sex_codes, 3 },	/* single choice */
	{ "langs", EXPR_T_SET, 0, lang_codes, 8 },	/* multiple choice */
	{ "many", EXPR_T_SET, 0, many_codes, 64 },	/* the most choices */
	{ "hh_size", EXPR_T_NUMBER, 0, NULL, 0 },
	{ "mage", EXPR_T_NUMBER, 1, NULL, 0 },		/* roster 1 */
	{ "mname", EXPR_T_TEXT, 1, NULL, 0 },
	{ "msick", EXPR_T_BOOL, 1, NULL, 0 },
	{ "msex", EXPR_T_NUMBER, 1, sex_codes, 3 },
	{ "mlangs", EXPR_T_SET, 1, lang_codes, 8 },
	{ "mdob", EXPR_T_DATE, 1, NULL, 0 },
	{ "plot", EXPR_T_NUMBER, 2, NULL, 0 },		/* roster 2 */
	{ "crop", EXPR_T_SET, 2, many_codes, 5 },
};
#define NQ ((int)(sizeof fqs / sizeof fqs[0]))

/* Everything one input decides. */
struct fake {
	int self; /* what '.' names, or -1 */
	int members;
	struct expr_value vals[NQ][MAXM + 1];
	const char *text; /* text answers point into the input */
	size_t textlen;
};

/* Bytes of the parameters, then a generator seeded from the input. */
struct params {
	const uint8_t *p;
	size_t n, i;
	uint64_t state;
};

static uint64_t
next64(struct params *ps)
{
	uint64_t x;

	if (ps->i + 8 <= ps->n) {
		memcpy(&x, ps->p + ps->i, 8);
		ps->i += 8;
		return x;
	}
	ps->state += 0x9e3779b97f4a7c15ULL;
	x = ps->state;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static unsigned
next8(struct params *ps)
{
	if (ps->i < ps->n)
		return ps->p[ps->i++];
	return (unsigned)(next64(ps) & 0xff);
}

static int
fake_resolve(void *ctx, const char *name, size_t len, struct expr_ref *out,
    char *msg, size_t msgsz)
{
	const struct fake *f = ctx;
	int i = -1, k;

	if (len == 1 && name[0] == '.') {
		if (f->self < 0) {
			snprintf(msg, msgsz, "'.' (this question's answer) is "
			    "only meaningful in a constraint");
			return -1;
		}
		i = f->self;
	}
	for (k = 0; i < 0 && k < NQ; k++)
		if (strlen(fqs[k].name) == len &&
		    memcmp(fqs[k].name, name, len) == 0)
			i = k;
	if (i < 0) {
		/* Quotes the whole name, however long: resolve() must cope
		 * with a message filling msg. */
		snprintf(msg, msgsz, "unknown question '%.*s' (did you mean "
		    "'age'?)", (int)len, name);
		return -1;
	}
	out->id = i;
	out->type = fqs[i].type;
	out->roster = fqs[i].roster;
	out->codes = fqs[i].codes;
	out->ncodes = fqs[i].ncodes;
	return 0;
}

/* One answer: usually of the question's kind, sometimes null, sometimes
 * what a confused caller might pass. */
static void
make_value(struct params *ps, const struct fake *f, int q,
    struct expr_value *v)
{
	static const double odd[] = { NAN, INFINITY, -INFINITY, -0.0, 1e308,
		-1e308, 2.5, -2.5, 2.675, 4503599627370497.0, 1e-300 };
	unsigned sel = next8(ps);
	uint64_t r = next64(ps);
	enum expr_type t = fqs[q].type;

	memset(v, 0, sizeof *v);
	switch (sel % 10) {
	case 0:
		v->kind = EXPR_V_NULL;
		v->missing = (enum expr_missing)(sel / 10 % 4); /* 3: bogus */
		return;
	case 1: /* the wrong kind, with a NaN in it */
		v->kind = (enum expr_vkind)(sel / 10 % 6);
		v->num = NAN;
		v->set = r;
		v->date = (int32_t)r;
		v->text = (sel & 0x80) ? NULL : f->text;
		v->len = 0;
		return;
	case 2:
		/* Not for true/false: expr.h has them 0 or 1, and eval passes
		 * a finite bool through as it is. */
		if (t == EXPR_T_NUMBER) {
			v->kind = EXPR_V_NUMBER;
			v->num = odd[r % (sizeof odd / sizeof odd[0])];
			return;
		}
		break;
	}
	switch (t) {
	case EXPR_T_NUMBER:
		v->kind = EXPR_V_NUMBER;
		if (fqs[q].ncodes > 0 && (sel & 1))
			v->num = (double)fqs[q].codes[r % (uint64_t)fqs[q].ncodes];
		else if (sel & 2)
			v->num = (double)(int64_t)r;
		else
			v->num = (double)(int32_t)r / 100;
		break;
	case EXPR_T_TEXT:
		v->kind = EXPR_V_TEXT;
		v->text = f->textlen > 0 || (sel & 0x80) ? f->text : NULL;
		v->len = f->textlen > 0 ? r % (f->textlen + 1) : 0;
		break;
	case EXPR_T_BOOL:
		v->kind = EXPR_V_BOOL;
		v->num = r & 1;
		break;
	case EXPR_T_DATE:
		v->kind = EXPR_V_DATE;
		v->date = (sel & 1) ? (int32_t)r : (int32_t)(r % 50000) - 10000;
		break;
	default:
		v->kind = EXPR_V_SET;
		v->set = r;
		break;
	}
}

static void
fake_value(void *ctx, int id, int member, struct expr_value *out)
{
	const struct fake *f = ctx;

	REQUIRE(id >= 0 && id < NQ);
	REQUIRE(member >= 0 && member <= f->members);
	/* A question outside rosters is asked with member 0; one inside,
	 * never with 0. */
	REQUIRE((fqs[id].roster == 0) == (member == 0));
	*out = f->vals[id][member];
}

static int
fake_members(void *ctx, int roster)
{
	const struct fake *f = ctx;

	REQUIRE(roster == 1 || roster == 2);
	return f->members;
}

static void
check_ref(void *ctx, int id)
{
	(void)ctx;
	REQUIRE(id >= 0 && id < NQ);
}

static void
check_value(const struct expr *e, const struct expr_value *v)
{
	enum expr_type t = expr_type_of(e);

	switch (v->kind) {
	case EXPR_V_NULL:
		REQUIRE(v->missing == EXPR_UNANSWERED ||
		    v->missing == EXPR_DONT_KNOW || v->missing == EXPR_REFUSED);
		break;
	case EXPR_V_NUMBER:
		REQUIRE(t == EXPR_T_NUMBER && isfinite(v->num));
		break;
	case EXPR_V_BOOL:
		REQUIRE(t == EXPR_T_BOOL && (v->num == 0 || v->num == 1));
		REQUIRE(expr_truth(v) == (v->num != 0));
		return;
	case EXPR_V_TEXT:
		REQUIRE(t == EXPR_T_TEXT && (v->len == 0 || v->text != NULL));
		break;
	case EXPR_V_DATE:
		REQUIRE(t == EXPR_T_DATE);
		break;
	case EXPR_V_SET:
		REQUIRE(t == EXPR_T_SET);
		break;
	default:
		REQUIRE(!"unknown value kind");
	}
	REQUIRE(expr_truth(v) == -1);
}

static void
compile_and_eval(const char *src, struct fake *f, int scope,
    enum expr_type want)
{
	struct expr_resolver r = { fake_resolve, f };
	struct expr_env env = { fake_value, fake_members, f, 0 };
	struct expr_error err;
	struct expr_value v;
	struct arena a;
	struct expr *e;
	int m;

	arena_init(&a);
	e = expr_compile(&a, src, &r, scope, want, &err);
	if (e == NULL) {
		REQUIRE(err.msg[0] != '\0' && memchr(err.msg, '\0',
		    sizeof err.msg) != NULL);
		REQUIRE(err.offset <= strlen(src));
		goto out;
	}
	REQUIRE(want == EXPR_T_ANY || expr_type_of(e) == want);
	expr_foreach_ref(e, check_ref, NULL);
	REQUIRE(expr_single_ref(e) < NQ);
	for (m = scope != 0 ? 1 : 0; m <= (scope != 0 ? f->members : 0); m++) {
		env.member = m;
		expr_eval(e, &env, &v);
		check_value(e, &v);
	}
	/* The aggregator may evaluate with no members callback. */
	if (scope == 0) {
		env.members = NULL;
		expr_eval(e, &env, &v);
		check_value(e, &v);
	}
out:
	arena_release(&a);
}

static void
fuzz_dates(const uint8_t *data, size_t size, struct params *ps)
{
	char out[11];
	int32_t days;
	size_t n = size < 10 ? size : 10;

	if (expr_parse_date((const char *)data, size, &days) == 0) {
		expr_format_date(days, out);
		REQUIRE(memcmp(out, data, 10) == 0 && out[10] == '\0');
	}
	if (expr_parse_date((const char *)data, n, &days) == 0) {
		expr_format_date(days, out);
		REQUIRE(memcmp(out, data, 10) == 0);
	}
	expr_format_date((int32_t)next64(ps), out);
	REQUIRE(strlen(out) == 10);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum expr_type wants[] = { EXPR_T_ANY, EXPR_T_BOOL,
		EXPR_T_NUMBER, EXPR_T_TEXT, EXPR_T_DATE, EXPR_T_SET };
	static struct fake f;
	const uint8_t *nul = memchr(data, '\0', size);
	size_t srclen = nul != NULL ? (size_t)(nul - data) : size;
	struct params ps = { 0 };
	char *src;
	int scope, q, m;
	enum expr_type want;
	size_t i;

	ps.state = 0xcbf29ce484222325ULL;
	for (i = 0; i < size; i++)
		ps.state = (ps.state ^ data[i]) * 0x100000001b3ULL;
	if (nul != NULL) {
		ps.p = nul + 1;
		ps.n = size - srclen - 1;
	}
	scope = (int)(next8(&ps) % 3);
	want = wants[next8(&ps) % 6];
	f.self = (int)(next8(&ps) % (NQ + 1)) - 1;
	f.members = (int)(next8(&ps) % (MAXM + 1));
	f.text = (const char *)data; /* not NUL-terminated at textlen */
	f.textlen = srclen < 40 ? srclen : 40;
	for (q = 0; q < NQ; q++)
		for (m = 0; m <= MAXM; m++)
			make_value(&ps, &f, q, &f.vals[q][m]);

	/* expr_compile takes a C string. Exact size, so that ASan sees a
	 * read past the terminator. */
	src = malloc(srclen + 1);
	if (src == NULL)
		return 0;
	memcpy(src, data, srclen);
	src[srclen] = '\0';
	compile_and_eval(src, &f, scope, want);
	if (want != EXPR_T_ANY)
		compile_and_eval(src, &f, scope, EXPR_T_ANY);
	free(src);
	fuzz_dates(data, srclen, &ps);
	return 0;
}
