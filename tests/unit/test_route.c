/*
 * test_route.c: the route analysis of `lcsurvey check` (expr-route.c and
 * questionnaire-route.c): questions, sections and indicators that can
 * never apply, and uses of questions that may have been skipped, each
 * located at its key; and silence on the shipped questionnaires.
 */
#include "testutil.h"

#include "questionnaire.h"

/* Eight lines, so that the first question's mapping is on line 10. */
#define HEAD \
	"survey: {id: t, version: '1', title: {en: T}, languages: [en]}\n" \
	"choices:\n" \
	"  sex: [{code: 1, label: {en: M}}, {code: 2, label: {en: F}}]\n" \
	"  tools: [{code: 1, label: {en: A}}, {code: 2, label: {en: B}}]\n" \
	"sections:\n" \
	"  - id: main\n" \
	"    title: {en: Main}\n" \
	"    questions:\n"

/* Lines 9-20: age (integer 0..120), sex, tool (multiple), internet and
 * hours (asked only when internet). */
#define BASE HEAD \
	"      - {id: age, type: integer, min: 0, max: 120, label: {en: A}}\n" \
	"      - {id: sex, type: single, choices: sex, label: {en: S}}\n" \
	"      - {id: tool, type: multiple, choices: tools, label: {en: T}}\n" \
	"      - {id: internet, type: yesno, label: {en: I}}\n" \
	"      - id: hours\n" \
	"        type: decimal\n" \
	"        min: 0\n" \
	"        max: 100\n" \
	"        relevant: internet\n" \
	"        label: {en: H}\n"

struct run {
	struct diag d;
	struct questionnaire *qn;
};

static void
run(struct run *r, const char *text)
{
	diag_init(&r->d, "inline.yaml");
	r->qn = questionnaire_load_buffer("inline.yaml",
	    (const unsigned char *)text, strlen(text), &r->d);
	if (r->qn == NULL)
		diag_print(&r->d, stderr);
	assert_non_null(r->qn);
	assert_int_equal(r->d.nwarnings, 0);
	questionnaire_route_check(r->qn, &r->d);
	assert_int_equal(r->d.nerrors, 0);
}

static void
done(struct run *r)
{
	questionnaire_free(r->qn);
	diag_release(&r->d);
}

/* Exactly one warning, at line:col, saying msg. */
static void
expect_one(const char *text, int line, int col, const char *msg)
{
	struct run r;

	run(&r, text);
	if (r.d.nwarnings != 1)
		diag_print(&r.d, stderr);
	assert_int_equal(r.d.nwarnings, 1);
	assert_int_equal(r.d.items[0].line, line);
	assert_int_equal(r.d.items[0].col, col);
	assert_string_equal(r.d.items[0].msg, msg);
	done(&r);
}

static void
expect_none(const char *text)
{
	struct run r;

	run(&r, text);
	if (r.d.nwarnings != 0)
		diag_print(&r.d, stderr);
	assert_int_equal(r.d.nwarnings, 0);
	done(&r);
}

/* A yes/no question on line 19 with the given relevant on line 20. */
#define ASK(rel) \
	"      - id: q\n" \
	"        relevant: \"" rel "\"\n" \
	"        type: yesno\n" \
	"        label: {en: Q}\n"

static void
test_never_range(void **state)
{
	(void)state;
	expect_one(BASE ASK("age > 150"), 20, 9,
	    "question 'q' can never be asked: 'age > 150' is never true "
	    "('age' is at most 120)");
	expect_one(BASE ASK("internet and age < 0"), 20, 9,
	    "question 'q' can never be asked: 'age < 0' is never true "
	    "('age' is at least 0)");
	expect_none(BASE ASK("age >= 120"));
}

static void
test_never_codes(void **state)
{
	(void)state;
	expect_one(BASE ASK("sex = 3"), 20, 9,
	    "question 'q' can never be asked: 'sex = 3' is never true "
	    "('sex' is one of 1, 2)");
	expect_one(BASE ASK("sex != 1 and sex != 2"), 20, 9,
	    "question 'q' can never be asked: 'sex != 1 and sex != 2' is "
	    "never true (its parts contradict each other)");
	expect_none(BASE ASK("sex != 1"));
}

static void
test_never_contradiction(void **state)
{
	(void)state;
	expect_one(BASE ASK("selected(tool, 1) and not selected(tool, 1)"),
	    20, 9, "question 'q' can never be asked: 'selected(tool, 1) and "
	    "not selected(tool, 1)' is never true (its parts contradict each "
	    "other)");
	expect_one(BASE ASK("age > 5 and age < 3"), 20, 9,
	    "question 'q' can never be asked: 'age > 5 and age < 3' is never "
	    "true (its parts contradict each other)");
	/* Whole numbers: nothing lies strictly between 5 and 6. */
	expect_one(BASE ASK("age > 5 and age < 6"), 20, 9,
	    "question 'q' can never be asked: 'age > 5 and age < 6' is never "
	    "true (its parts contradict each other)");
	expect_none(BASE ASK("selected(tool, 1) and not selected(tool, 2)"));
	expect_none(BASE ASK("age > 5 or age < 3"));
	expect_none(BASE ASK("answered(hours) and not internet or age > 3"));
}

/* hours is only asked when internet: so answered(hours) forces internet. */
static void
test_never_through_relevance(void **state)
{
	(void)state;
	expect_one(BASE ASK("answered(hours) and not internet"), 20, 9,
	    "question 'q' can never be asked: 'answered(hours) and not "
	    "internet' is never true (its parts contradict each other)");
}

/* What depends on a question that is never asked is never asked either. */
static void
test_never_dependent(void **state)
{
	struct run r;

	(void)state;
	run(&r, BASE ASK("age > 150")
	    "      - {id: q2, type: yesno, relevant: 'answered(q)', "
	    "label: {en: Q}}\n"
	    "      - {id: q3, type: yesno, relevant: 'q or age > 3', "
	    "label: {en: Q}}\n");
	assert_int_equal(r.d.nwarnings, 2);
	assert_int_equal(r.d.items[1].line, 23);
	assert_int_equal(r.d.items[1].col, 31);
	assert_string_equal(r.d.items[1].msg,
	    "question 'q2' can never be asked: 'answered(q)' is never true "
	    "('q' is never answered)");
	done(&r);
}

/* A calculation is what its definition says. */
static void
test_never_calculated(void **state)
{
	(void)state;
	expect_one(BASE
	    "      - {id: adult, type: calculate, calculate: 'age >= 18', "
	    "label: {en: C}}\n"
	    ASK("adult and age < 10"), 21, 9,
	    "question 'q' can never be asked: 'adult and age < 10' is never "
	    "true (its parts contradict each other)");
}

#define SECTION(rel) \
	"  - id: later\n" \
	"    title: {en: L}\n" \
	"    relevant: \"" rel "\"\n" \
	"    questions:\n"

static void
test_never_section(void **state)
{
	(void)state;
	expect_one(BASE SECTION("sex > 2")
	    "      - {id: q, type: yesno, label: {en: Q}}\n"
	    "      - {id: q2, type: yesno, relevant: q, label: {en: Q}}\n",
	    21, 5, "section 'later' can never be shown: 'sex > 2' is never "
	    "true ('sex' is one of 1, 2)");
	expect_one(BASE SECTION("age >= 18")
	    "      - {id: q, type: yesno, relevant: 'age < 10', "
	    "label: {en: Q}}\n",
	    23, 30, "question 'q' can never be asked in section 'later': "
	    "'age < 10' is never true ('age' is at least 18)");
}

#define INDICATOR(id, kind) \
	"indicators:\n" \
	"  - id: " id "\n" \
	"    code: '1'\n" \
	"    name: {en: X}\n" \
	"    kind: " kind "\n"

static void
test_indicator_nobody(void **state)
{
	(void)state;
	/* The indicator's own keys start on line 24. */
	expect_one(BASE INDICATOR("x", "proportion")
	    "    universe: age > 200\n"
	    "    numerator: internet\n", 24, 5,
	    "indicator 'x' counts nobody: its universe 'age > 200' is never "
	    "true ('age' is at most 120)");
	expect_none(BASE INDICATOR("x", "proportion")
	    "    universe: age > 20\n"
	    "    numerator: internet\n");
}

#define SKIPPED_HOURS \
	"'hours' may be skipped (it is asked only when 'internet'); say " \
	"what happens then, e.g. coalesce(hours, 0) or answered(hours) and ..."

static void
test_skipped_value(void **state)
{
	(void)state;
	expect_one(BASE INDICATOR("x", "mean") "    value: hours\n", 24, 5,
	    SKIPPED_HOURS);
	expect_one(BASE INDICATOR("x", "proportion")
	    "    numerator: hours > 2\n", 24, 5, SKIPPED_HOURS);
	expect_one(BASE INDICATOR("x", "proportion")
	    "    universe: age > 20\n"
	    "    numerator: age > 30 or hours > 2\n", 25, 5, SKIPPED_HOURS);
	/* Said what happens, or only used where it was asked. */
	expect_none(BASE INDICATOR("x", "mean")
	    "    value: coalesce(hours, 0)\n");
	expect_none(BASE INDICATOR("x", "mean")
	    "    value: if(internet, hours, 0)\n");
	expect_none(BASE INDICATOR("x", "mean")
	    "    value: if(answered(hours), hours, 0)\n");
	expect_none(BASE INDICATOR("x", "proportion")
	    "    numerator: internet and hours > 2\n");
	expect_none(BASE INDICATOR("x", "proportion")
	    "    numerator: answered(hours) and hours > 2\n");
	expect_none(BASE INDICATOR("x", "mean")
	    "    universe: internet\n"
	    "    value: hours\n");
	expect_none(BASE INDICATOR("x", "mean")
	    "    universe: hours > 1\n"
	    "    value: hours\n");
}

static void
test_skipped_constraint(void **state)
{
	(void)state;
	expect_one(BASE
	    "      - id: q\n"
	    "        type: integer\n"
	    "        constraint: . <= hours\n"
	    "        label: {en: Q}\n", 21, 9, SKIPPED_HOURS);
	expect_none(BASE
	    "      - id: q\n"
	    "        type: integer\n"
	    "        relevant: internet\n"
	    "        constraint: . <= hours\n"
	    "        label: {en: Q}\n");
}

/* Where null already reads as "no" (relevant, universe), only a negated
 * use is reported: "not (hours > 2)" skips the people without internet. */
static void
test_skipped_negated(void **state)
{
	(void)state;
	expect_one(BASE ASK("not (hours > 2)"), 20, 9, SKIPPED_HOURS);
	expect_one(BASE ASK("hours != 2"), 20, 9, SKIPPED_HOURS);
	expect_none(BASE ASK("hours > 2"));
	expect_none(BASE ASK("internet and not (hours > 2)"));
	expect_none(BASE ASK("not coalesce(hours > 2, false)"));
	expect_one(BASE INDICATOR("x", "proportion")
	    "    universe: not (hours > 2)\n"
	    "    numerator: sex = 1\n", 24, 5, SKIPPED_HOURS);
}

/* A calculation passes its inputs' conditions on to whoever uses it. */
static void
test_skipped_calculated(void **state)
{
	(void)state;
	expect_one(BASE
	    "      - {id: total, type: calculate, calculate: 'age + hours', "
	    "label: {en: C}}\n"
	    INDICATOR("x", "mean") "    value: total\n", 25, 5,
	    "'total' may be skipped (it is calculated from 'hours', which is "
	    "asked only when 'internet'); say what happens then, e.g. "
	    "coalesce(total, 0) or answered(total) and ...");
	expect_none(BASE
	    "      - {id: total, type: calculate, calculate: 'age + hours', "
	    "label: {en: C}}\n"
	    INDICATOR("x", "mean") "    universe: internet\n"
	    "    value: total\n");
}

/* Members of a roster exist only when its section is shown. */
static void
test_roster_section(void **state)
{
	(void)state;
	expect_none(BASE
	    "  - id: members\n"
	    "    title: {en: M}\n"
	    "    relevant: internet\n"
	    "    roster: {count: age}\n"
	    "    questions:\n"
	    "      - {id: m_age, type: integer, min: 0, max: 99, "
	    "label: {en: A}}\n"
	    INDICATOR("x", "proportion")
	    "    universe: m_age > 15\n"
	    "    numerator: m_age > 60\n");
}

static void
check_shipped(const char *name)
{
	char path[4096];
	struct diag d;
	struct questionnaire *qn;

	snprintf(path, sizeof path, "%s/surveys/%s", test_top(), name);
	diag_init(&d, path);
	qn = questionnaire_load(path, &d, NULL);
	assert_non_null(qn);
	questionnaire_route_check(qn, &d);
	diag_print(&d, stderr);
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(d.nwarnings, 0);
	questionnaire_free(qn);
	diag_release(&d);
}

static void
test_shipped_surveys(void **state)
{
	(void)state;
	check_shipped("example.yaml");
	check_shipped("gnlc-household.yaml");
	check_shipped("gnlc-educator.yaml");
	check_shipped("gnlc-enterprise.yaml");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_never_range),
		cmocka_unit_test(test_never_codes),
		cmocka_unit_test(test_never_contradiction),
		cmocka_unit_test(test_never_through_relevance),
		cmocka_unit_test(test_never_dependent),
		cmocka_unit_test(test_never_calculated),
		cmocka_unit_test(test_never_section),
		cmocka_unit_test(test_indicator_nobody),
		cmocka_unit_test(test_skipped_value),
		cmocka_unit_test(test_skipped_constraint),
		cmocka_unit_test(test_skipped_negated),
		cmocka_unit_test(test_skipped_calculated),
		cmocka_unit_test(test_roster_section),
		cmocka_unit_test(test_shipped_surveys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
