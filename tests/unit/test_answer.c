/*
 * test_answer.c: reading typed answers strictly by question type, and
 * formatting them back, both for screens (labels) and for storage (codes).
 */
#include "testutil.h"

#include "answer.h"

static struct questionnaire *qn;

static int
setup(void **state)
{
	char path[4096];
	struct diag d;

	(void)state;
	snprintf(path, sizeof path, "%s/surveys/example.yaml", test_top());
	diag_init(&d, path);
	qn = questionnaire_load(path, &d, NULL);
	diag_release(&d);
	return qn == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	questionnaire_free(qn);
	return 0;
}

static const struct qn_question *
Q(const char *id)
{
	return &qn->questions[questionnaire_find(qn, id)];
}

static int
parse(const char *id, const char *in, struct expr_value *v)
{
	char err[256];

	return answer_parse(Q(id), in, v, err, sizeof err);
}

static void
check_format(const char *id, const char *in, int lang, const char *want)
{
	struct expr_value v;
	struct buf b = BUF_INIT;

	assert_int_equal(parse(id, in, &v), 0);
	answer_format(Q(id), &v, lang, &b);
	assert_string_equal(buf_str(&b), want);
	buf_release(&b);
}

static void
test_numbers(void **state)
{
	struct expr_value v;

	(void)state;
	assert_int_equal(parse("age", "34", &v), 0);
	assert_int_equal(v.kind, EXPR_V_NUMBER);
	assert_true(v.num == 34);
	assert_int_equal(parse("age", " 7 ", &v), 0);
	assert_int_equal(parse("age", "3.5", &v), -1);
	assert_int_equal(parse("age", "0x10", &v), -1);
	assert_int_equal(parse("age", "1e3", &v), -1);
	assert_int_equal(parse("age", "inf", &v), -1);
	assert_int_equal(parse("age", "12abc", &v), -1);
	assert_int_equal(parse("hours_online", "2.25", &v), 0);
	assert_true(v.num == 2.25);
	assert_int_equal(parse("hours_online", "2,25", &v), -1);
	check_format("hours_online", "2.50", -1, "2.5");
}

static void
test_choices(void **state)
{
	struct expr_value v;

	(void)state;
	assert_int_equal(parse("sex", "2", &v), 0);
	assert_true(v.num == 2);
	assert_int_equal(parse("sex", "3", &v), -1);
	check_format("sex", "2", 0, "Female");
	check_format("sex", "2", 1, "Femme");
	check_format("sex", "2", -1, "2");
	assert_int_equal(parse("learned", "3, 1", &v), 0);
	assert_int_equal(v.kind, EXPR_V_SET);
	assert_int_equal(v.set, 0x5); /* positions 0 and 2 */
	assert_int_equal(parse("learned", "1 9", &v), -1);
	check_format("learned", "3 1", -1, "1 3");
	check_format("learned", "3 1", 0, "A course or class, Learning at work");
	check_format("transport", "5", 0, "Excellent");
	assert_int_equal(parse("transport", "0", &v), -1);
}

static void
test_yesno_dates_text(void **state)
{
	struct expr_value v;

	(void)state;
	assert_int_equal(parse("volunteer", "Y", &v), 0);
	assert_int_equal(v.kind, EXPR_V_BOOL);
	assert_true(v.num == 1);
	assert_int_equal(parse("volunteer", "no", &v), 0);
	assert_true(v.num == 0);
	assert_int_equal(parse("volunteer", "2", &v), -1);
	check_format("volunteer", "1", 1, "Oui");
	assert_int_equal(parse("visit_date", "2024-02-29", &v), 0);
	assert_int_equal(v.kind, EXPR_V_DATE);
	assert_int_equal(parse("visit_date", "2023-02-29", &v), -1);
	assert_int_equal(parse("visit_date", "2024-2-1", &v), -1);
	check_format("visit_date", "2024-02-29", 0, "2024-02-29");
	assert_int_equal(parse("name", "Zoë 学", &v), 0);
	assert_int_equal(v.kind, EXPR_V_TEXT);
	assert_int_equal(v.len, strlen("Zoë 学"));
	assert_int_equal(parse("name", "\xff", &v), -1);
}

static void
test_missing_codes(void **state)
{
	struct expr_value v;

	(void)state;
	assert_int_equal(parse("age", "", &v), 0);
	assert_int_equal(v.kind, EXPR_V_NULL);
	assert_int_equal(v.missing, EXPR_UNANSWERED);
	assert_int_equal(parse("age", "DK", &v), 0);
	assert_int_equal(v.missing, EXPR_DONT_KNOW);
	assert_int_equal(parse("age", "refused", &v), 0);
	assert_int_equal(v.missing, EXPR_REFUSED);
	check_format("age", "dk", -1, "dk");
	check_format("age", "dk", 0, "don't know");
	/* In a text question, "dk" is only text. */
	assert_int_equal(parse("name", "dk", &v), 0);
	assert_int_equal(v.kind, EXPR_V_TEXT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_yesno_dates_text),
		cmocka_unit_test(test_missing_codes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
