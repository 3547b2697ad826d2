/*
 * test_expr.c: the expression language against a fake questionnaire (a
 * resolver over a fixed table) and a fake interview (answers in arrays):
 * grammar, types, missing values, every function, every limit.
 */
#include "testutil.h"

#include <math.h>

#include "arena.h"
#include "expr.h"

static const long fruit_codes[] = { 1, 2, 3 };
static const long sex_codes[] = { 1, 2, 9 };

/* The fake questionnaire; a question's id is its index. */
static const struct fake_question {
	const char *name;
	enum expr_type type;
	int roster;
	const long *codes;
	int ncodes;
} fqs[] = {
	{ "age", EXPR_T_NUMBER, 0, NULL, 0 },		/* 0, also "." */
	{ "name", EXPR_T_TEXT, 0, NULL, 0 },		/* 1 */
	{ "ok", EXPR_T_BOOL, 0, NULL, 0 },		/* 2 */
	{ "dob", EXPR_T_DATE, 0, NULL, 0 },		/* 3 */
	{ "fruits", EXPR_T_SET, 0, fruit_codes, 3 },	/* 4 */
	{ "sex", EXPR_T_NUMBER, 0, sex_codes, 3 },	/* 5: single choice */
	{ "a", EXPR_T_BOOL, 0, NULL, 0 },		/* 6 */
	{ "b", EXPR_T_BOOL, 0, NULL, 0 },		/* 7 */
	{ "c", EXPR_T_BOOL, 0, NULL, 0 },		/* 8 */
	{ "n", EXPR_T_NUMBER, 0, NULL, 0 },		/* 9 */
	{ "visit", EXPR_T_DATE, 0, NULL, 0 },		/* 10 */
	{ "mage", EXPR_T_NUMBER, 1, NULL, 0 },		/* 11: roster 1 */
	{ "mok", EXPR_T_BOOL, 1, NULL, 0 },		/* 12 */
	{ "mname", EXPR_T_TEXT, 1, NULL, 0 },		/* 13 */
	{ "hh", EXPR_T_NUMBER, 2, NULL, 0 },		/* 14: roster 2 */
};
#define NQ ((int)(sizeof fqs / sizeof fqs[0]))
#define MAXM 8

enum { AGE, NAME, OK, DOB, FRUITS, SEX, A, B, C, N, VISIT, MAGE, MOK, MNAME,
    HH };

static struct expr_value vals[NQ];
static struct expr_value rvals[NQ][MAXM];
static int nmembers;
static int members_roster; /* the roster members() was last asked about */

static struct arena arena;
static struct expr_error err;
static int scope;

static int
fake_resolve(void *ctx, const char *name, size_t len, struct expr_ref *out,
    char *msg, size_t msgsz)
{
	int i;

	(void)ctx;
	if (len == 1 && name[0] == '.')
		name = "age", len = 3;
	if (len == 5 && memcmp(name, "later", 5) == 0) {
		snprintf(msg, msgsz, "question 'later' is defined later, at "
		    "line 40 (an expression can only use earlier questions)");
		return -1;
	}
	for (i = 0; i < NQ; i++)
		if (strlen(fqs[i].name) == len &&
		    memcmp(fqs[i].name, name, len) == 0) {
			out->id = i;
			out->type = fqs[i].type;
			out->roster = fqs[i].roster;
			out->codes = fqs[i].codes;
			out->ncodes = fqs[i].ncodes;
			return 0;
		}
	snprintf(msg, msgsz, "unknown question '%.*s'", (int)len, name);
	return -1;
}

static void
fake_value(void *ctx, int id, int member, struct expr_value *out)
{
	(void)ctx;
	assert_in_range(id, 0, NQ - 1);
	if (fqs[id].roster == 0) {
		assert_int_equal(member, 0);
		*out = vals[id];
	} else if (member >= 1 && member <= nmembers)
		*out = rvals[id][member - 1];
	else
		*out = (struct expr_value){ .kind = EXPR_V_NULL };
}

static int
fake_members(void *ctx, int roster)
{
	(void)ctx;
	members_roster = roster;
	return nmembers;
}

static const struct expr_resolver resolver = { fake_resolve, NULL };
static struct expr_env env = { fake_value, fake_members, NULL, 0 };

static struct expr_value
vnum(double x)
{
	return (struct expr_value){ .kind = EXPR_V_NUMBER, .num = x };
}

static struct expr_value
vbool(int b)
{
	return (struct expr_value){ .kind = EXPR_V_BOOL, .num = b };
}

static struct expr_value
vtext(const char *s)
{
	return (struct expr_value){ .kind = EXPR_V_TEXT, .text = s,
	    .len = strlen(s) };
}

static struct expr_value
vdate(const char *s)
{
	struct expr_value v = { .kind = EXPR_V_DATE };

	assert_int_equal(expr_parse_date(s, strlen(s), &v.date), 0);
	return v;
}

static struct expr_value
vset(uint64_t mask)
{
	return (struct expr_value){ .kind = EXPR_V_SET, .set = mask };
}

static struct expr_value
vnull(enum expr_missing why)
{
	return (struct expr_value){ .kind = EXPR_V_NULL, .missing = why };
}

static int
setup(void **state)
{
	int i, m;

	(void)state;
	arena_init(&arena);
	for (i = 0; i < NQ; i++) {
		vals[i] = vnull(EXPR_UNANSWERED);
		for (m = 0; m < MAXM; m++)
			rvals[i][m] = vnull(EXPR_UNANSWERED);
	}
	nmembers = 0;
	members_roster = -1;
	scope = 0;
	env.member = 0;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_release(&arena);
	return 0;
}

static const struct expr *
compile(const char *src, enum expr_type want)
{
	const struct expr *e;

	e = expr_compile(&arena, src, &resolver, scope, want, &err);
	if (e == NULL)
		fail_msg("'%s' did not compile: %s (offset %zu)", src, err.msg,
		    err.offset);
	return e;
}

static struct expr_value
eval(const char *src)
{
	struct expr_value v;

	expr_eval(compile(src, EXPR_T_ANY), &env, &v);
	return v;
}

static double
num(const char *src)
{
	struct expr_value v = eval(src);

	if (v.kind != EXPR_V_NUMBER)
		fail_msg("'%s' gave kind %d, not a number", src, (int)v.kind);
	return v.num;
}

/* 1, 0, or -1 for null. */
static int
truth(const char *src)
{
	struct expr_value v = eval(src);

	if (v.kind != EXPR_V_BOOL && v.kind != EXPR_V_NULL)
		fail_msg("'%s' gave kind %d, not true/false", src, (int)v.kind);
	return expr_truth(&v);
}

static void
error_want(const char *src, enum expr_type want, size_t off, const char *msg)
{
	if (expr_compile(&arena, src, &resolver, scope, want, &err) != NULL)
		fail_msg("'%s' compiled; expected \"%s\"", src, msg);
	assert_string_equal(err.msg, msg);
	if (err.offset != off)
		fail_msg("'%s': error at offset %zu, expected %zu (%s)", src,
		    err.offset, off, err.msg);
}

static void
error(const char *src, size_t off, const char *msg)
{
	error_want(src, EXPR_T_ANY, off, msg);
}

/* ---- grammar ----------------------------------------------------------- */

static void
test_precedence(void **state)
{
	(void)state;
	assert_true(num("1+2*3") == 7);
	assert_true(num("(1+2)*3") == 9);
	assert_true(num("-2*3") == -6);
	assert_true(num("2*-3") == -6);
	assert_true(num("- - 2") == 2);
	assert_true(num("1 + 2 * 3 - 4 / 2") == 5);
	assert_true(num("-(2 + 3)") == -5);
	assert_int_equal(truth("1 + 2 = 3 and 2 < 3"), 1);
}

static void
test_associativity(void **state)
{
	(void)state;
	assert_true(num("10-4-3") == 3);
	assert_true(num("8/2/2") == 2);
	assert_true(num("1-2+3") == 2);
	assert_true(num("2*3/6") == 1);
	assert_true(num("12/3*2") == 8);
}

static void
test_logic_precedence(void **state)
{
	(void)state;
	/* not binds tighter than and: (not a) and b, not not (a and b). */
	vals[A] = vbool(0);
	vals[B] = vbool(0);
	assert_int_equal(truth("not a and b"), 0);
	assert_int_equal(truth("not (a and b)"), 1);
	/* and binds tighter than or: a or (b and c). */
	vals[A] = vbool(1);
	vals[C] = vbool(0);
	assert_int_equal(truth("a or b and c"), 1);
	assert_int_equal(truth("(a or b) and c"), 0);
	/* not binds looser than a comparison: not (age > 5). */
	vals[AGE] = vnum(3);
	assert_int_equal(truth("not age > 5"), 1);
	assert_int_equal(truth("not not true"), 1);
}

static void
test_numbers(void **state)
{
	(void)state;
	assert_true(num("3.14159") == 3.14159);
	assert_true(num("0.1") == 0.1);
	assert_true(num("007") == 7);
	assert_true(num("0.000001") == 1e-6);
	assert_true(num("2.675") == 2.675);
	assert_true(fabs(num("12345678901234567890") / 1.2345678901234567e19 -
	    1) < 1e-14);
}

static void
test_strings(void **state)
{
	struct expr_value v;

	(void)state;
	v = eval("'it''s'");
	assert_int_equal(v.kind, EXPR_V_TEXT);
	assert_int_equal(v.len, 4);
	assert_memory_equal(v.text, "it's", 4);
	v = eval("\"say \"\"hi\"\"\"");
	assert_int_equal(v.len, 8);
	assert_memory_equal(v.text, "say \"hi\"", 8);
	v = eval("'a\"b'");
	assert_int_equal(v.len, 3);
	v = eval("''");
	assert_int_equal(v.kind, EXPR_V_TEXT);
	assert_int_equal(v.len, 0);
	assert_int_equal(truth("'ab' < 'abc'"), 1);
	assert_int_equal(truth("'abd' > 'abc'"), 1);
	assert_int_equal(truth("'B' < 'a'"), 1); /* byte order */
	assert_int_equal(truth("'\xe6\x97\xa5' = '\xe6\x97\xa5'"), 1);
	error("'\xff'", 1, "invalid UTF-8 in string");
	error("'ab\xc0\xaf'", 3, "invalid UTF-8 in string"); /* overlong */
	error("'\xe6\x97'", 1, "invalid UTF-8 in string");   /* truncated */
	error("'\xed\xa0\x80'", 1, "invalid UTF-8 in string"); /* surrogate */
	error("'\xf4\x90\x80\x80'", 1, "invalid UTF-8 in string");
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	error("1 +", 3, "unexpected end of expression (an operand is missing)");
	error("(a", 2, "expected ')' to close '(' at offset 0");
	error("(a b", 3, "expected ')' to close '(' at offset 0, found 'b'");
	error("1 2", 2, "unexpected '2' after a complete expression (an "
	    "operator is missing?)");
	error("'a' 'b'", 4, "unexpected string 'b' after a complete expression "
	    "(an operator is missing?)");
	error("", 0, "empty expression");
	error(" \t\n", 3, "empty expression");
	error("a)", 1, "unmatched ')'");
	error("1 + )", 4, "unexpected ')' (an operand is missing)");
	error("1 * * 2", 4, "unexpected '*' (an operand is missing)");
	error("()", 1, "unexpected ')' (an operand is missing)");
	error("'abc", 0, "unterminated string (missing closing ')");
	error("age = \"x", 6, "unterminated string (missing closing \")");
	error("age # 1", 4, "unexpected character '#'");
	error("age \xc3\xa9", 4, "unexpected byte 0xc3 (text other than names "
	    "and operators goes in quotes)");
	error("round(1 2)", 8, "expected ',' or ')' in the call of round() at "
	    "offset 5, found '2'");
	error("round(1,", 8, "unexpected end of expression (an operand is "
	    "missing)");
	error("round(1", 7, "expected ',' or ')' in the call of round() at "
	    "offset 5, found end of expression");
	error("1.", 0, "malformed number '1.' (write numbers like 12 or 3.5)");
	error("x = 12abc", 4, "malformed number '12abc' (write numbers like 12 "
	    "or 3.5)");
	error("1.2.3", 0, "malformed number '1.2.3' (write numbers like 12 or "
	    "3.5)");
	error("age > .5", 6, "'.5' is not a number (write 0.5)");
}

static void
test_huge_number(void **state)
{
	char src[420];

	(void)state;
	memset(src, '9', 400);
	src[400] = '\0';
	if (expr_compile(&arena, src, &resolver, 0, EXPR_T_ANY, &err) != NULL)
		fail_msg("a 400-digit number compiled");
	assert_int_equal(err.offset, 0);
	assert_non_null(strstr(err.msg, "is too large"));
	/* 300 digits fit in a double. */
	src[300] = '\0';
	assert_true(num(src) > 9e299);
}

static void
test_keyword_hints(void **state)
{
	(void)state;
	error("age == 1", 4, "'==' is not an operator; use '=' to compare");
	error("a && b", 2, "'&&' is not an operator; use 'and'");
	error("a & b", 2, "'&' is not an operator; use 'and'");
	error("a || b", 2, "'||' is not an operator; use 'or'");
	error("!a", 0, "'!' is not an operator; use 'not'");
	error("age <> 1", 4, "'<>' is not an operator; use '!=' for 'not "
	    "equal'");
	error("age => 1", 4, "'=>' is not an operator; use '>='");
	error("age =< 1", 4, "'=<' is not an operator; use '<='");
	error("a AND b", 2, "unexpected 'AND' (keywords are lowercase: use "
	    "'and')");
	error("and", 0, "unexpected 'and' (an operand is missing)");
	vals[AGE] = vnum(2);
	assert_int_equal(truth("age != 1"), 1);
	assert_int_equal(truth("true = (not false)"), 1);
}

/* ---- types ------------------------------------------------------------- */

static void
test_arith_type_errors(void **state)
{
	(void)state;
	error("name + 1", 5, "'+' needs numbers, but 'name' is text");
	error("1 * 'x'", 2, "'*' needs numbers, found text");
	error("ok / 2", 3, "'/' needs numbers, but 'ok' is true/false");
	error("1 - true", 2, "'-' needs numbers, found true/false");
	error("-name", 0, "'-' needs a number, but 'name' is text");
	error("dob + 1", 4, "'+' needs numbers, but 'dob' is a date");
	error("dob - 1", 4, "cannot subtract number from a date (subtract a "
	    "date from a date, or a number from a number)");
	error("1 - dob", 2, "cannot subtract date from a number (subtract a "
	    "date from a date, or a number from a number)");
}

static void
test_compare_type_errors(void **state)
{
	(void)state;
	error("age > 'ten'", 4, "'age' is a number; compare it with a number, "
	    "not text 'ten'");
	error("'ten' = age", 6, "'age' is a number; compare it with a number, "
	    "not text 'ten'");
	error("name = 1", 5, "'name' is text; compare it with text, not "
	    "number 1");
	error("ok = 1", 3, "'ok' is true/false; compare it with true/false, "
	    "not number 1");
	error("age = name", 4, "cannot compare number with text");
	error("1 = 'x'", 2, "cannot compare number with text");
	error("ok < true", 3, "cannot order true/false values with '<'; use "
	    "'=' or '!='");
	error("1 < 2 < 3", 6, "comparisons cannot be chained; join them with "
	    "'and', as in 'a < b and b < c'");
	error("(1 < 2) < 3", 8, "cannot compare true/false with number");
	error("age > \"10\"", 4, "'age' is a number; compare it with a number, "
	    "not text \"10\"");
}

static void
test_logic_type_errors(void **state)
{
	(void)state;
	error("age and ok", 4, "'and' needs true/false values, but 'age' is a "
	    "number");
	error("ok or 1", 3, "'or' needs true/false values, found number");
	error("not name", 0, "'not' needs true/false values, but 'name' is "
	    "text");
	error("ok and not 'x'", 7, "'not' needs true/false values, found text");
}

static void
test_want(void **state)
{
	(void)state;
	error_want("age + 1", EXPR_T_BOOL, 0, "expected a true/false "
	    "condition, found number");
	error_want("  name", EXPR_T_BOOL, 2, "expected a true/false condition, "
	    "found text");
	error_want("ok", EXPR_T_NUMBER, 0, "expected a number, found "
	    "true/false");
	error_want("fruits", EXPR_T_ANY, 0, "'fruits' is a multiple-choice "
	    "question; use selected(fruits, CODE) or count(fruits)");
	assert_int_equal(expr_type_of(compile("age > 1", EXPR_T_BOOL)),
	    EXPR_T_BOOL);
	assert_int_equal(expr_type_of(compile("name", EXPR_T_ANY)),
	    EXPR_T_TEXT);
	assert_int_equal(expr_type_of(compile("visit - dob", EXPR_T_NUMBER)),
	    EXPR_T_NUMBER);
	assert_int_equal(expr_type_of(compile("dob", EXPR_T_DATE)),
	    EXPR_T_DATE);
	assert_string_equal(expr_type_name(EXPR_T_NUMBER), "number");
	assert_string_equal(expr_type_name(EXPR_T_BOOL), "true/false");
}

static void
test_set_misuse(void **state)
{
	(void)state;
	error("fruits = 1", 0, "'fruits' is a multiple-choice question; use "
	    "selected(fruits, CODE) or count(fruits)");
	error("1 + coalesce(fruits, 1)", 13, "'fruits' is a multiple-choice "
	    "question; use selected(fruits, CODE) or count(fruits)");
}

/* ---- missing values ---------------------------------------------------- */

static struct expr_value
tri(int t)
{
	return t < 0 ? vnull(EXPR_UNANSWERED) : vbool(t);
}

static void
test_kleene(void **state)
{
	/* Rows a, columns b, over true, false, null. */
	static const int vs[3] = { 1, 0, -1 };
	static const int tand[3][3] = { { 1, 0, -1 }, { 0, 0, 0 },
	    { -1, 0, -1 } };
	static const int tor[3][3] = { { 1, 1, 1 }, { 1, 0, -1 },
	    { 1, -1, -1 } };
	static const int tnot[3] = { 0, 1, -1 };
	int i, j;

	(void)state;
	for (i = 0; i < 3; i++) {
		for (j = 0; j < 3; j++) {
			vals[A] = tri(vs[i]);
			vals[B] = tri(vs[j]);
			if (truth("a and b") != tand[i][j])
				fail_msg("%d and %d", vs[i], vs[j]);
			if (truth("a or b") != tor[i][j])
				fail_msg("%d or %d", vs[i], vs[j]);
		}
		vals[A] = tri(vs[i]);
		assert_int_equal(truth("not a"), tnot[i]);
	}
}

static void
test_null_propagation(void **state)
{
	struct expr_value v;

	(void)state;
	vals[AGE] = vnull(EXPR_DONT_KNOW);
	vals[N] = vnum(2);
	v = eval("n + age * 2");
	assert_int_equal(v.kind, EXPR_V_NULL);
	assert_int_equal(v.missing, EXPR_DONT_KNOW);
	assert_int_equal(eval("-age").kind, EXPR_V_NULL);
	assert_int_equal(truth("age = 1"), -1);
	assert_int_equal(truth("age != 1"), -1);
	assert_int_equal(truth("age > 1 or true"), 1);
	assert_int_equal(truth("age > 1 and false"), 0);
	vals[NAME] = vnull(EXPR_REFUSED);
	v = eval("name < 'x'");
	assert_int_equal(v.kind, EXPR_V_NULL);
	assert_int_equal(v.missing, EXPR_REFUSED);
	/* expr_truth: -1 for anything that is not a boolean. */
	v = vnum(1);
	assert_int_equal(expr_truth(&v), -1);
	v = vbool(1);
	assert_int_equal(expr_truth(&v), 1);
}

static void
test_division_by_zero(void **state)
{
	struct expr_value v;

	(void)state;
	vals[N] = vnum(2);
	v = eval("1 / 0");
	assert_int_equal(v.kind, EXPR_V_NULL);
	assert_int_equal(v.missing, EXPR_UNANSWERED);
	assert_int_equal(eval("n / (n - n)").kind, EXPR_V_NULL);
	assert_true(num("0 / n") == 0);
	assert_int_equal(truth("1 / 0 > 1"), -1);
	assert_true(num("coalesce(1 / 0, 7)") == 7);
}

static void
test_compare_values(void **state)
{
	(void)state;
	vals[NAME] = vtext("Ann");
	vals[OK] = vbool(1);
	vals[N] = vnum(2);
	assert_int_equal(truth("name = 'Ann'"), 1);
	assert_int_equal(truth("name = 'An'"), 0);
	assert_int_equal(truth("name < 'B'"), 1);
	assert_int_equal(truth("name >= 'Ann'"), 1);
	assert_int_equal(truth("ok = true"), 1);
	assert_int_equal(truth("ok != false"), 1);
	assert_int_equal(truth("n >= 2"), 1);
	assert_int_equal(truth("n > 2"), 0);
	assert_int_equal(truth("n <= 2 and n < 3"), 1);
}

/* ---- dates ------------------------------------------------------------- */

static void
test_date_literals(void **state)
{
	struct expr_value v;

	(void)state;
	vals[DOB] = vdate("1999-12-31");
	vals[VISIT] = vdate("2024-03-01");
	assert_int_equal(truth("dob < '2000-01-01'"), 1);
	assert_int_equal(truth("'2000-01-01' > dob"), 1);
	assert_int_equal(truth("dob = \"1999-12-31\""), 1);
	assert_int_equal(truth("dob < visit"), 1);
	error("dob = '2024-13-01'", 6, "'2024-13-01' is not a date (use "
	    "YYYY-MM-DD)");
	error("dob > 'yesterday'", 6, "'yesterday' is not a date (use "
	    "YYYY-MM-DD)");
	error("dob = 20240101", 4, "'dob' is a date; compare it with a date, "
	    "not number 20240101");
	/* Only next to a date is a literal a date. */
	vals[NAME] = vtext("2000-01-01");
	assert_int_equal(truth("name = '2000-01-01'"), 1);
	v = eval("coalesce(dob, '2000-01-01')");
	assert_int_equal(v.kind, EXPR_V_DATE);
	vals[DOB] = vnull(EXPR_UNANSWERED);
	v = eval("coalesce(dob, '2000-01-01')");
	assert_int_equal(v.kind, EXPR_V_DATE);
	assert_int_equal(v.date, 10957);
}

static void
test_date_arithmetic(void **state)
{
	(void)state;
	vals[DOB] = vdate("2024-02-28");
	vals[VISIT] = vdate("2024-03-01");
	assert_true(num("visit - dob") == 2); /* 2024 is a leap year */
	assert_true(num("dob - visit") == -2);
	assert_int_equal(truth("visit - dob > 1"), 1);
	assert_true(num("visit - '2023-03-01'") == 366);
	vals[DOB] = vnull(EXPR_UNANSWERED);
	assert_int_equal(eval("visit - dob").kind, EXPR_V_NULL);
}

static void
test_date_parse_format(void **state)
{
	char buf[11];
	int32_t d, prev = 0;
	int i;

	(void)state;
	assert_int_equal(expr_parse_date("1970-01-01", 10, &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(expr_parse_date("2000-02-29", 10, &d), 0);
	assert_int_equal(d, 11016);
	assert_int_equal(expr_parse_date("1900-01-01", 10, &d), 0);
	assert_int_equal(d, -25567);
	assert_int_equal(expr_parse_date("1900-02-29", 10, &d), -1);
	assert_int_equal(expr_parse_date("2100-02-29", 10, &d), -1);
	assert_int_equal(expr_parse_date("2023-02-29", 10, &d), -1);
	assert_int_equal(expr_parse_date("2024-04-31", 10, &d), -1);
	assert_int_equal(expr_parse_date("2024-00-10", 10, &d), -1);
	assert_int_equal(expr_parse_date("2024-01-00", 10, &d), -1);
	assert_int_equal(expr_parse_date("1899-12-31", 10, &d), -1);
	assert_int_equal(expr_parse_date("2024-1-01", 9, &d), -1);
	assert_int_equal(expr_parse_date("2024/01/01", 10, &d), -1);
	assert_int_equal(expr_parse_date("2024-01-0x", 10, &d), -1);
	assert_int_equal(expr_parse_date("2024-01-01x", 11, &d), -1);
	expr_format_date(-1, buf);
	assert_string_equal(buf, "1969-12-31");
	expr_format_date(11016, buf);
	assert_string_equal(buf, "2000-02-29");
	expr_format_date(INT32_MAX, buf);
	assert_string_equal(buf, "????" "-??" "-??");
	expr_format_date(INT32_MIN, buf);
	assert_string_equal(buf, "????" "-??" "-??");
	/* Every day from 1900 to 9999 survives the round trip. */
	assert_int_equal(expr_parse_date("9999-12-31", 10, &d), 0);
	for (i = -25567; i <= d; i++) {
		expr_format_date(i, buf);
		if (expr_parse_date(buf, 10, &prev) != 0 || prev != i)
			fail_msg("day %d formats as %s", i, buf);
	}
}

/* ---- functions --------------------------------------------------------- */

static void
test_selected(void **state)
{
	(void)state;
	vals[FRUITS] = vset(0x5); /* positions 0 and 2: codes 1 and 3 */
	vals[SEX] = vnum(9);
	assert_int_equal(truth("selected(fruits, 1)"), 1);
	assert_int_equal(truth("selected(fruits, 2)"), 0);
	assert_int_equal(truth("selected(fruits, 3)"), 1);
	assert_int_equal(truth("selected(sex, 9)"), 1);
	assert_int_equal(truth("selected(sex, 1)"), 0);
	vals[FRUITS] = vnull(EXPR_UNANSWERED);
	assert_int_equal(truth("selected(fruits, 1)"), -1);
	error("selected(fruits, 4)", 17, "no choice with code 4 in 'fruits' "
	    "(codes: 1, 2, 3)");
	error("selected(sex, 3)", 14, "no choice with code 3 in 'sex' (codes: "
	    "1, 2, 9)");
	error("selected(sex, -1)", 14, "no choice with code -1 in 'sex' "
	    "(codes: 1, 2, 9)");
	error("selected(age, 1)", 9, "selected() needs a single- or "
	    "multiple-choice question, but 'age' has no choices");
	error("selected(fruits, age)", 17, "selected() needs a choice code (a "
	    "whole number) as its second argument");
	error("selected(fruits, 1.5)", 17, "selected() needs a choice code (a "
	    "whole number) as its second argument");
	error("selected(1, 1)", 9, "selected() needs a question name as its "
	    "first argument");
	error("selected(fruits)", 0, "selected() takes 2 arguments, found 1");
	error("selected(mage, 1)", 9, "'mage' is asked for each member of a "
	    "roster; use count(mage) or sum(mage) here");
}

static void
test_count_set(void **state)
{
	struct expr_value v;

	(void)state;
	vals[FRUITS] = vset(0x7);
	assert_true(num("count(fruits)") == 3);
	assert_int_equal(truth("count(fruits) >= 2"), 1);
	vals[FRUITS] = vset(0);
	assert_true(num("count(fruits)") == 0);
	vals[FRUITS] = vnull(EXPR_REFUSED);
	v = eval("count(fruits)");
	assert_int_equal(v.kind, EXPR_V_NULL);
	error("count(age)", 6, "count() needs a multiple-choice question or a "
	    "question asked in a roster, but 'age' is a number");
	error("count(mage + 1)", 6, "count() needs a question name as its "
	    "argument");
	error("count()", 0, "count() takes 1 argument, found 0");
}

static void
set_roster(void)
{
	nmembers = 3;
	rvals[MAGE][0] = vnum(30);
	rvals[MAGE][1] = vnull(EXPR_DONT_KNOW);
	rvals[MAGE][2] = vnum(12);
	rvals[MOK][0] = vbool(1);
	rvals[MOK][1] = vbool(0);
	rvals[MOK][2] = vnull(EXPR_UNANSWERED);
	rvals[MNAME][0] = vtext("x");
	rvals[MNAME][1] = vnull(EXPR_REFUSED);
	rvals[MNAME][2] = vtext("y");
}

static void
test_roster_count_sum(void **state)
{
	(void)state;
	set_roster();
	assert_true(num("count(mage)") == 2);
	assert_int_equal(members_roster, 1);
	assert_true(num("count(mok)") == 1);
	assert_true(num("count(mname)") == 2);
	assert_true(num("sum(mage)") == 42);
	assert_true(num("sum(mage) / count(mage)") == 21);
	nmembers = 0;
	assert_true(num("count(mage)") == 0);
	assert_true(num("sum(mage)") == 0);
	/* From another roster, still over all members. */
	scope = 2;
	nmembers = 3;
	assert_true(num("sum(mage)") == 42);
	error("sum(name)", 4, "sum() needs a number question, but 'name' is "
	    "text");
	error("sum(mname)", 4, "sum() needs a number question, but 'mname' is "
	    "text");
	error("sum(age)", 4, "sum() adds up a question over the members of a "
	    "roster, but 'age' is not asked in a roster");
	error("sum(1)", 4, "sum() needs a question name as its argument");
	error("sum(fruits)", 4, "'fruits' is a multiple-choice question; use "
	    "selected(fruits, CODE) or count(fruits)");
}

static void
test_roster_scope(void **state)
{
	(void)state;
	set_roster();
	error("mage > 1", 0, "'mage' is asked for each member of a roster; use "
	    "count(mage) or sum(mage) here");
	error("mok", 0, "'mok' is asked for each member of a roster; use "
	    "count(mok) here");
	error("sum(mage) + mage", 12, "'mage' is asked for each member of a "
	    "roster; use count(mage) or sum(mage) here");
	error("answered(mage)", 9, "'mage' is asked for each member of a "
	    "roster; use count(mage) or sum(mage) here");
	scope = 2;
	error("mage > 1", 0, "'mage' is asked for each member of a roster; use "
	    "count(mage) or sum(mage) here");
	/* Inside its own roster, the current member's answer. */
	scope = 1;
	env.member = 1;
	assert_int_equal(truth("mage > 18 and mok"), 1);
	env.member = 3;
	vals[AGE] = vnum(1);
	/* age is not in a roster: fake_value checks it gets member 0. */
	assert_true(num("mage + age") == 13);
	assert_true(num("mage") == 12);
	assert_int_equal(truth("mok"), -1);
	error("count(mage)", 6, "count() of 'mage' counts roster members, "
	    "which is only possible outside its roster");
	error("sum(mage)", 4, "sum() of 'mage' adds up roster members, which "
	    "is only possible outside its roster");
}

static void
test_answered_dk_refused(void **state)
{
	static const struct {
		struct expr_value v;
		int answered, dk, refused;
	} cases[] = {
		{ { .kind = EXPR_V_NUMBER, .num = 5 }, 1, 0, 0 },
		{ { .kind = EXPR_V_NULL }, 0, 0, 0 }, /* unanswered */
		{ { .kind = EXPR_V_NULL, .missing = EXPR_DONT_KNOW }, 0, 1, 0 },
		{ { .kind = EXPR_V_NULL, .missing = EXPR_REFUSED }, 0, 0, 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		vals[AGE] = cases[i].v;
		assert_int_equal(truth("answered(age)"), cases[i].answered);
		assert_int_equal(truth("dont_know(age)"), cases[i].dk);
		assert_int_equal(truth("refused(age)"), cases[i].refused);
	}
	vals[FRUITS] = vset(0);
	assert_int_equal(truth("answered(fruits)"), 1);
	assert_int_equal(truth("answered(.)"), 0);
	error("answered(1)", 9, "answered() needs a question name as its "
	    "argument");
	error("refused(age + 1)", 8, "refused() needs a question name as its "
	    "argument");
	error("dont_know(age, name)", 0, "dont_know() takes 1 argument, found "
	    "2");
}

static void
test_coalesce_if(void **state)
{
	(void)state;
	assert_true(num("coalesce(age, 0)") == 0);
	vals[AGE] = vnum(5);
	assert_true(num("coalesce(age, 0)") == 5);
	vals[OK] = vbool(1);
	assert_true(num("if(ok, 1, 2)") == 1);
	vals[OK] = vbool(0);
	assert_true(num("if(ok, 1, 2)") == 2);
	vals[OK] = vnull(EXPR_UNANSWERED);
	assert_true(num("if(ok, 1, 2)") == 2);
	assert_int_equal(eval("if(true, age, 2)").kind, EXPR_V_NUMBER);
	error("coalesce(age, 'x')", 0, "coalesce() needs two values of the "
	    "same type, found number and text");
	error("if(age, 1, 2)", 3, "if() needs a true/false condition, but "
	    "'age' is a number");
	error("if(1, 1, 2)", 3, "if() needs a true/false condition, found "
	    "number");
	error("if(ok, 1, 'x')", 0, "if() needs two values of the same type, "
	    "found number and text");
	error("if(ok, 1)", 0, "if() takes 3 arguments, found 2");
}

static void
test_index(void **state)
{
	(void)state;
	scope = 1;
	env.member = 3;
	assert_true(num("index()") == 3);
	assert_int_equal(truth("index() = 3"), 1);
	error("index(1)", 0, "index() takes no arguments, found 1");
	scope = 0;
	error("1 + index()", 4, "index() is only meaningful inside a roster");
}

static void
test_round(void **state)
{
	(void)state;
	assert_true(num("round(2.5)") == 3);
	assert_true(num("round(-2.5)") == -3);
	assert_true(num("round(2.4)") == 2);
	assert_true(num("round(-0.4)") == 0);
	assert_true(num("round(2.675, 2)") == 2.68);
	assert_true(num("round(1.005, 2)") == 1.01);
	assert_true(num("round(-1.25, 1)") == -1.3);
	assert_true(num("round(1.23456, 10)") == 1.23456);
	assert_true(num("round(123456789012345 * 1000 + 0.5, 0)") ==
	    123456789012345000.0);
	/* x * 10^10 overflows to infinity: x is returned unchanged. */
	vals[N] = vnum(1e300);
	assert_true(num("round(n, 10)") == 1e300);
	vals[N] = vnum(-1e300);
	assert_true(num("round(n, 10)") == -1e300);
	assert_int_equal(eval("round(age)").kind, EXPR_V_NULL);
	error("round(1, 11)", 9, "round() needs a whole number of decimals "
	    "from 0 to 10 as its second argument");
	error("round(1, n)", 9, "round() needs a whole number of decimals "
	    "from 0 to 10 as its second argument");
	error("round(1, -1)", 9, "round() needs a whole number of decimals "
	    "from 0 to 10 as its second argument");
	error("round('x')", 6, "round() needs a number, found text");
	error("round()", 0, "round() takes 1 or 2 arguments, found 0");
}

static void
test_length(void **state)
{
	(void)state;
	assert_true(num("length('h\xc3\xa9llo')") == 5);
	assert_true(num("length('')") == 0);
	vals[NAME] = vtext("\xe6\x97\xa5\xe6\x9c\xac");
	assert_true(num("length(name)") == 2);
	vals[NAME] = vnull(EXPR_UNANSWERED);
	assert_int_equal(eval("length(name)").kind, EXPR_V_NULL);
	error("length(age)", 7, "length() needs text, but 'age' is a number");
}

static void
test_unknown_function(void **state)
{
	(void)state;
	error("cout(fruits)", 0, "unknown function 'cout' (did you mean "
	    "'count'?)");
	error("Sum(mage)", 0, "unknown function 'Sum' (did you mean 'sum'?)");
	error("1 + foo()", 4, "unknown function 'foo' (functions: answered, "
	    "coalesce, count, dont_know, if, index, length, refused, round, "
	    "selected, sum)");
	error("age (1)", 0, "unknown function 'age' (functions: answered, "
	    "coalesce, count, dont_know, if, index, length, refused, round, "
	    "selected, sum)");
}

static void
test_resolver(void **state)
{
	(void)state;
	error("agee + 1", 0, "unknown question 'agee'");
	error("1 + later", 4, "question 'later' is defined later, at line 40 "
	    "(an expression can only use earlier questions)");
	vals[AGE] = vnum(5);
	assert_int_equal(truth(". > 3"), 1);
	assert_int_equal(expr_single_ref(compile("age", EXPR_T_ANY)), AGE);
	assert_int_equal(expr_single_ref(compile("(name)", EXPR_T_ANY)), NAME);
	assert_int_equal(expr_single_ref(compile(".", EXPR_T_ANY)), AGE);
	assert_int_equal(expr_single_ref(compile("age + 1", EXPR_T_ANY)), -1);
	assert_int_equal(expr_single_ref(compile("1", EXPR_T_ANY)), -1);
}

static void
collect(void *ctx, int id)
{
	int *ids = ctx;

	if (ids[0] < 15)
		ids[++ids[0]] = id;
}

static void
test_foreach_ref(void **state)
{
	int ids[16] = { 0 };

	(void)state;
	expr_foreach_ref(compile("age + n * age > count(mage) and "
	    "selected(sex, 1) or if(ok, dob, visit) = '2000-01-01'",
	    EXPR_T_BOOL), collect, ids);
	assert_int_equal(ids[0], 8);
	assert_int_equal(ids[1], AGE);
	assert_int_equal(ids[2], N);
	assert_int_equal(ids[3], AGE);
	assert_int_equal(ids[4], MAGE);
	assert_int_equal(ids[5], SEX);
	assert_int_equal(ids[6], OK);
	assert_int_equal(ids[7], DOB);
	assert_int_equal(ids[8], VISIT);
}

/* ---- limits ------------------------------------------------------------ */

/* open, then "1", then close, each n times. */
static char *
nested(const char *open, const char *close, int n)
{
	size_t lo = strlen(open), lc = strlen(close);
	char *s = malloc(n * (lo + lc) + 2), *p = s;
	int i;

	for (i = 0; i < n; i++, p += lo)
		memcpy(p, open, lo);
	*p++ = '1';
	for (i = 0; i < n; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return s;
}

static void
test_depth_limit(void **state)
{
	char *s;

	(void)state;
	s = nested("(", ")", EXPR_MAX_DEPTH);
	assert_true(num(s) == 1);
	free(s);
	s = nested("(", ")", EXPR_MAX_DEPTH + 1);
	error(s, EXPR_MAX_DEPTH, "expression nested too deeply (more than 64 "
	    "levels)");
	free(s);
	s = nested("-", "", EXPR_MAX_DEPTH);
	assert_true(num(s) == 1);
	free(s);
	s = nested("-", "", EXPR_MAX_DEPTH + 1);
	error(s, EXPR_MAX_DEPTH, "expression nested too deeply (more than 64 "
	    "levels)");
	free(s);
	s = nested("round(", ")", EXPR_MAX_DEPTH + 1);
	error(s, 6 * EXPR_MAX_DEPTH + 5, "expression nested too deeply (more "
	    "than 64 levels)");
	free(s);
	s = nested("not ", "", 1000);
	s[strlen(s) - 1] = 'a';
	error(s, 4 * EXPR_MAX_DEPTH, "expression nested too deeply (more than "
	    "64 levels)");
	free(s);
	/* Hostile: thousands of '(' must not recurse thousands deep. */
	s = nested("(", "", 4000);
	error(s, EXPR_MAX_DEPTH, "expression nested too deeply (more than 64 "
	    "levels)");
	free(s);
}

static void
test_height_limit(void **state)
{
	char s[1300];
	int i;

	(void)state;
	for (i = 0; i < 500; i++)
		memcpy(s + 2 * i, "1+", 2);
	s[999] = '\0';
	assert_true(num(s) == 500);
	for (i = 0; i < 600; i++)
		memcpy(s + 2 * i, "1+", 2);
	s[1199] = '\0';
	error(s, 1023, "expression too complex (more than 512 levels); split "
	    "it into calculated questions");
}

static void
test_length_limit(void **state)
{
	char s[EXPR_MAX_LEN + 2];

	(void)state;
	memset(s, ' ', sizeof s);
	s[0] = '1';
	s[EXPR_MAX_LEN] = '\0';
	assert_true(num(s) == 1);
	s[EXPR_MAX_LEN] = ' ';
	s[EXPR_MAX_LEN + 1] = '\0';
	error(s, EXPR_MAX_LEN, "expression too long (more than 4096 bytes); "
	    "split it into calculated questions");
}

/* ---- evaluation does not allocate -------------------------------------- */

static void
test_eval_does_not_allocate(void **state)
{
	static const char *const srcs[] = {
		"age + n * 2 > 3 and not ok or selected(fruits, 2)",
		"coalesce(name, 'x') = 'x' and length(name) < 10",
		"round(sum(mage) / count(mage), 1)",
		"if(dob < '2000-01-01', visit - dob, 0)",
		"dont_know(age) or refused(name) or answered(fruits)",
	};
	const struct expr *es[5];
	struct expr_value v;
	size_t used, i;
	int k;

	(void)state;
	set_roster();
	vals[AGE] = vnum(40);
	vals[N] = vnum(1);
	vals[NAME] = vtext("Bo");
	vals[FRUITS] = vset(2);
	vals[DOB] = vdate("1990-05-01");
	vals[VISIT] = vdate("2024-05-01");
	for (i = 0; i < 5; i++)
		es[i] = compile(srcs[i], EXPR_T_ANY);
	used = arena.used;
	for (k = 0; k < 1000; k++)
		for (i = 0; i < 5; i++)
			expr_eval(es[i], &env, &v);
	assert_int_equal(arena.used, used);
	expr_eval(es[2], &env, &v);
	assert_true(v.num == 21);
}

/* ---- hostile input ----------------------------------------------------- */

static void
test_hostile(void **state)
{
	static const char *const atoms[] = { "(", ")", "age", "'x'", "\"",
	    "'", "1", "2.5", "+", "-", "*", "/", "=", "<", ">=", "!=", "and",
	    "or", "not", ",", "count(", "round(", "selected(", "if(", ".",
	    "fruits", "dob", "'2020-02-30'", " ", "\xff", "\xe6\x97", "==",
	    "ok", "mage", "index(", "sum(", "length(", "1e9", "$" };
	const size_t natoms = sizeof atoms / sizeof atoms[0];
	char src[256];
	uint32_t seed = 12345;
	const struct expr *e;
	struct expr_value v;
	size_t len, n;
	int i, j, compiled = 0;

	(void)state;
	set_roster();
	for (i = 0; i < 20000; i++) {
		len = 0;
		n = 1 + i % 24;
		for (j = 0; j < (int)n; j++) {
			const char *a;

			seed = seed * 1103515245 + 12345;
			a = atoms[(seed >> 16) % natoms];
			if (len + strlen(a) >= sizeof src)
				break;
			memcpy(src + len, a, strlen(a));
			len += strlen(a);
		}
		src[len] = '\0';
		scope = i % 3;
		e = expr_compile(&arena, src, &resolver, scope, EXPR_T_ANY,
		    &err);
		if (e == NULL) {
			if (err.msg[0] == '\0' || err.offset > len)
				fail_msg("'%s': bad error (%zu) '%s'", src,
				    err.offset, err.msg);
			continue;
		}
		compiled++;
		env.member = scope != 0 ? 1 : 0;
		expr_eval(e, &env, &v);
	}
	assert_true(compiled > 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_precedence),
		T(test_associativity),
		T(test_logic_precedence),
		T(test_numbers),
		T(test_strings),
		T(test_syntax_errors),
		T(test_huge_number),
		T(test_keyword_hints),
		T(test_arith_type_errors),
		T(test_compare_type_errors),
		T(test_logic_type_errors),
		T(test_want),
		T(test_set_misuse),
		T(test_kleene),
		T(test_null_propagation),
		T(test_division_by_zero),
		T(test_compare_values),
		T(test_date_literals),
		T(test_date_arithmetic),
		T(test_date_parse_format),
		T(test_selected),
		T(test_count_set),
		T(test_roster_count_sum),
		T(test_roster_scope),
		T(test_answered_dk_refused),
		T(test_coalesce_if),
		T(test_index),
		T(test_round),
		T(test_length),
		T(test_unknown_function),
		T(test_resolver),
		T(test_foreach_ref),
		T(test_depth_limit),
		T(test_height_limit),
		T(test_length_limit),
		T(test_eval_does_not_allocate),
		T(test_hostile),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
