/*
 * test_questionnaire.c: the loaded model of surveys/example.yaml (what the
 * loader builds, with its defaults), and that a file with several problems
 * reports all of them, located.
 */
#include "testutil.h"

#include <math.h>

#include "questionnaire.h"

static struct questionnaire *
load_example(void)
{
	char path[4096];
	struct diag d;
	struct questionnaire *qn;

	snprintf(path, sizeof path, "%s/surveys/example.yaml", test_top());
	diag_init(&d, path);
	qn = questionnaire_load(path, &d, NULL);
	diag_print(&d, stderr);
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(d.nwarnings, 0);
	diag_release(&d);
	assert_non_null(qn);
	return qn;
}

static struct questionnaire *
load_text(const char *text, struct diag *d)
{
	diag_init(d, "inline.yaml");
	return questionnaire_load_buffer("inline.yaml",
	    (const unsigned char *)text, strlen(text), d);
}

static void
test_example_model(void **state)
{
	struct questionnaire *qn = load_example();
	const struct qn_question *q;
	int i;

	(void)state;
	assert_string_equal(qn->id, "example");
	assert_string_equal(qn->version, "1.0");
	assert_int_equal(qn->nlang, 2);
	assert_string_equal(qn->langs[1], "fr");
	assert_string_equal(qn->title[1], "Enquête exemple de ville apprenante");
	assert_int_equal(qn->nsections, 3);
	assert_int_equal(qn->nquestions, 17);
	assert_int_equal(qn->nrosters, 1);
	assert_int_equal(qn->nindicators, 4);
	assert_int_equal(strlen(qn->hash), 64);
	assert_non_null(qn->consent);

	/* Defaults: required on answerable questions, survey-level dk. */
	q = &qn->questions[questionnaire_find(qn, "district")];
	assert_int_equal(q->type, QN_SINGLE);
	assert_true(q->required);
	assert_true(q->allow_dont_know);
	assert_int_equal(q->line, 42);
	q = &qn->questions[questionnaire_find(qn, "cluster")];
	assert_false(q->allow_dont_know);
	assert_true(q->has_min && q->has_max);
	assert_true(q->min == 1 && q->max == 9999);
	q = &qn->questions[questionnaire_find(qn, "weight")];
	assert_false(q->required);
	assert_non_null(q->hint);
	q = &qn->questions[questionnaire_find(qn, "intro")];
	assert_false(q->required);
	q = &qn->questions[questionnaire_find(qn, "name")];
	assert_int_equal(q->max_length, 40);
	assert_int_equal(q->roster, 1);
	q = &qn->questions[questionnaire_find(qn, "comment")];
	assert_int_equal(q->max_length, 500);

	/* Built-in rating labels in both languages, 5 best. */
	q = &qn->questions[questionnaire_find(qn, "transport")];
	assert_int_equal(q->choices->nchoices, 5);
	assert_int_equal(q->choices->codes[0], 5);
	assert_string_equal(q->choices->choices[0].label[0], "Excellent");
	assert_string_equal(q->choices->choices[4].label[1], "Médiocre");
	assert_non_null(questionnaire_choice(q, 3));
	assert_null(questionnaire_choice(q, 6));

	/* The roster and its label questions. */
	assert_string_equal(qn->rosters[0].id, "members");
	assert_int_equal(qn->rosters[0].max, 20);
	assert_int_equal(qn->rosters[0].nlabel, 2);
	assert_int_equal(qn->rosters[0].label_questions[0],
	    questionnaire_find(qn, "name"));
	assert_int_equal(qn->sections[1].roster, 1);

	/* Design fields and indicator levels. */
	assert_int_equal(qn->design.stratum, questionnaire_find(qn, "district"));
	assert_int_equal(qn->design.cluster, questionnaire_find(qn, "cluster"));
	assert_int_equal(qn->design.weight, questionnaire_find(qn, "weight"));
	for (i = 0; i < qn->nindicators; i++)
		assert_int_equal(qn->indicators[i].roster, 1);
	assert_string_equal(qn->indicators[0].code, "1.1.2");
	assert_int_equal(qn->indicators[0].kind, QN_PROPORTION);
	assert_string_equal(qn->indicators[0].unit, "%");
	assert_int_equal(qn->indicators[0].nby, 1);
	assert_int_equal(qn->indicators[3].kind, QN_RATING_DIST);
	assert_int_equal(questionnaire_lang(qn, "fr"), 1);
	assert_int_equal(questionnaire_lang(qn, "de"), -1);
	questionnaire_free(qn);
}

static void
test_every_problem_is_reported(void **state)
{
	static const char text[] =
	    "survey: {id: t, version: '1', title: T, languages: [en]}\n"
	    "sections:\n"
	    "  - id: s\n"
	    "    title: S\n"
	    "    questions:\n"
	    "      - {id: a, type: integr, label: A}\n"
	    "      - {id: b, type: integer, label: B, min: 5, max: 1}\n"
	    "      - {id: b, type: text, label: C}\n"
	    "      - {id: d, type: text, label: D, relevant: 'zz > 1'}\n";
	struct diag d;

	(void)state;
	assert_null(load_text(text, &d));
	assert_int_equal(d.nerrors, 4);
	assert_int_equal(d.items[0].line, 6);
	assert_int_equal(d.items[0].col, 23);
	assert_int_equal(d.items[1].line, 7);
	assert_int_equal(d.items[2].line, 8);
	assert_int_equal(d.items[3].line, 9);
	assert_int_equal(d.items[3].col, 50);
	assert_non_null(strstr(d.items[3].msg, "unknown question 'zz'"));
	diag_release(&d);
}

static void
test_single_language_plain_labels(void **state)
{
	static const char ok[] =
	    "survey: {id: t, version: 2, title: T, languages: [en]}\n"
	    "sections:\n"
	    "  - {id: s, title: S, questions: [{id: a, type: yesno, label: A}]}\n";
	static const char two[] =
	    "survey: {id: t, version: 2, title: {en: T, fr: T}, languages: [en, fr]}\n"
	    "sections:\n"
	    "  - {id: s, title: {en: S, fr: S}, questions: [{id: a, type: yesno, label: A}]}\n";
	struct questionnaire *qn;
	struct diag d;

	(void)state;
	qn = load_text(ok, &d);
	assert_non_null(qn);
	assert_string_equal(qn->questions[0].choices->choices[0].label[0], "Yes");
	questionnaire_free(qn);
	diag_release(&d);
	assert_null(load_text(two, &d));
	assert_int_equal(d.nerrors, 1);
	assert_non_null(strstr(d.items[0].msg, "must map each language"));
	diag_release(&d);
}

static void
test_missing_builtin_language(void **state)
{
	static const char text[] =
	    "survey: {id: t, version: 2, title: T, languages: [sw]}\n"
	    "sections:\n"
	    "  - {id: s, title: S, questions: [{id: a, type: rating, label: A}]}\n";
	struct diag d;

	(void)state;
	assert_null(load_text(text, &d));
	assert_non_null(strstr(d.items[0].msg, "no built-in rating labels in "
	    "language 'sw'"));
	diag_release(&d);
}

static void
test_unused_list_is_a_warning(void **state)
{
	static const char text[] =
	    "survey: {id: t, version: 2, title: T, languages: [en]}\n"
	    "choices:\n"
	    "  spare: [{code: 1, label: One}]\n"
	    "sections:\n"
	    "  - {id: s, title: S, questions: [{id: a, type: text, label: A}]}\n";
	struct questionnaire *qn;
	struct diag d;

	(void)state;
	qn = load_text(text, &d);
	assert_non_null(qn);
	assert_int_equal(d.nwarnings, 1);
	assert_int_equal(d.items[0].line, 3);
	questionnaire_free(qn);
	diag_release(&d);
}

static void
test_byte_order_mark_is_skipped(void **state)
{
	static const char text[] =
	    "\xEF\xBB\xBFsurvey: {id: t, version: 2, title: T, languages: [en]}\n"
	    "sections:\n"
	    "  - {id: s, title: S, questions: [{id: a, type: text, label: A}]}\n";
	struct questionnaire *qn;
	struct diag d;

	(void)state;
	qn = load_text(text, &d);
	assert_non_null(qn);
	assert_string_equal(qn->id, "t");
	questionnaire_free(qn);
	diag_release(&d);
}

static void
test_count_in_household_indicator(void **state)
{
	static const char text[] =
	    "survey: {id: t, version: 2, title: T, languages: [en]}\n"
	    "sections:\n"
	    "  - {id: s, title: S, questions: [{id: n, type: integer, label: N}]}\n"
	    "  - id: m\n"
	    "    title: M\n"
	    "    roster: {count: n}\n"
	    "    questions: [{id: age, type: integer, label: A}]\n"
	    "indicators:\n"
	    "  - {id: hh, code: '1', name: H, kind: mean, value: 'count(age)'}\n"
	    "  - {id: pp, code: '1', name: P, kind: mean, value: 'age'}\n";
	struct questionnaire *qn;
	struct diag d;

	(void)state;
	qn = load_text(text, &d);
	diag_print(&d, stderr);
	assert_non_null(qn);
	assert_int_equal(qn->indicators[0].roster, 0);
	assert_int_equal(qn->indicators[1].roster, 1);
	questionnaire_free(qn);
	diag_release(&d);
}

/*
 * questionnaire_members and questionnaire_relevant, the rules the engine
 * and the bulk reader share, over answers held by the test: hh_size
 * counts the members roster, capped at its max of 20; volunteer is asked
 * of members whose adult is true, and of nobody past the count.
 */
struct fake_answers {
	const struct questionnaire *qn;
	double hh_size;		/* NAN: unanswered */
	int adult[21];		/* by member: -1 unanswered, 0, 1 */
};

static void
fake_value(void *ctx, int id, int member, struct expr_value *out)
{
	const struct fake_answers *f = ctx;
	const char *name = f->qn->questions[id].id;

	memset(out, 0, sizeof *out);
	if (strcmp(name, "hh_size") == 0 && !isnan(f->hh_size)) {
		out->kind = EXPR_V_NUMBER;
		out->num = f->hh_size;
	} else if (strcmp(name, "adult") == 0 && member >= 1 &&
	    member <= 20 && f->adult[member] >= 0) {
		out->kind = EXPR_V_BOOL;
		out->num = f->adult[member];
	}
}

static int
fake_members(void *ctx, int roster)
{
	const struct fake_answers *f = ctx;
	struct expr_env env = { fake_value, fake_members, (void *)f, 0 };

	return questionnaire_members(f->qn, roster, &env);
}

static void
test_members_and_relevance(void **state)
{
	struct questionnaire *qn = load_example();
	struct fake_answers f;
	struct expr_env env = { fake_value, fake_members, &f, 0 };
	int roster = qn->questions[questionnaire_find(qn, "name")].roster;
	int volunteer = questionnaire_find(qn, "volunteer");
	int m;

	(void)state;
	memset(&f, 0, sizeof f);
	f.qn = qn;
	for (m = 0; m <= 20; m++)
		f.adult[m] = -1;
	f.hh_size = NAN;
	assert_int_equal(questionnaire_members(qn, roster, &env), 0);
	f.hh_size = 0;
	assert_int_equal(questionnaire_members(qn, roster, &env), 0);
	f.hh_size = 3;
	assert_int_equal(questionnaire_members(qn, roster, &env), 3);
	f.hh_size = 25;
	assert_int_equal(questionnaire_members(qn, roster, &env), 20);

	f.hh_size = 3;
	f.adult[1] = 1;
	f.adult[2] = 0;
	f.adult[4] = 1;		/* past the count */
	assert_true(questionnaire_relevant(qn, volunteer, 1, &env));
	assert_false(questionnaire_relevant(qn, volunteer, 2, &env));
	assert_false(questionnaire_relevant(qn, volunteer, 3, &env));
	assert_false(questionnaire_relevant(qn, volunteer, 4, &env));
	assert_false(questionnaire_relevant(qn, volunteer, 0, &env));
	/* Outside rosters, no condition: asked. */
	assert_true(questionnaire_relevant(qn,
	    questionnaire_find(qn, "hh_size"), 0, &env));
	questionnaire_free(qn);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_model),
		cmocka_unit_test(test_every_problem_is_reported),
		cmocka_unit_test(test_single_language_plain_labels),
		cmocka_unit_test(test_missing_builtin_language),
		cmocka_unit_test(test_unused_list_is_a_warning),
		cmocka_unit_test(test_byte_order_mark_is_skipped),
		cmocka_unit_test(test_count_in_household_indicator),
		cmocka_unit_test(test_members_and_relevance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
