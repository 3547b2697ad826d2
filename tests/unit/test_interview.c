/*
 * test_interview.c: whole interviews of surveys/example.yaml driven
 * headless through the engine, with a sink that records every save and
 * clear, so that skip logic, rosters, validation and the consequences of
 * changing an earlier answer are checked without a terminal.
 */
#include "testutil.h"

#include "answer.h"
#include "buf.h"
#include "interview.h"
#include "questionnaire.h"

struct rec {
	struct buf log; /* "save q#m=value;" and "clear q#m;" */
	int fail;	/* make the next save fail */
};

static int
rec_save(void *ctx, const struct qn_question *q, int member,
    const struct expr_value *v, double seconds, unsigned flags)
{
	struct rec *r = ctx;

	(void)seconds;
	if (flags & INTERVIEW_CONFIRMED)
		buf_adds(&r->log, "confirmed ");
	if (r->fail) {
		r->fail = 0;
		return -1;
	}
	buf_addf(&r->log, "save %s#%d=", q->id, member);
	answer_format(q, v, -1, &r->log);
	buf_adds(&r->log, ";");
	return 0;
}

static int
rec_clear(void *ctx, const struct qn_question *q, int member)
{
	struct rec *r = ctx;

	buf_addf(&r->log, "clear %s#%d;", q->id, member);
	return 0;
}

struct fixture {
	struct questionnaire *qn;
	struct interview *iv;
	struct rec rec;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct interview_sink sink = { rec_save, rec_clear, &f->rec };
	char path[4096];
	struct diag d;

	snprintf(path, sizeof path, "%s/surveys/example.yaml", test_top());
	diag_init(&d, path);
	f->qn = questionnaire_load(path, &d, NULL);
	diag_print(&d, stderr);
	diag_release(&d);
	assert_non_null(f->qn);
	f->iv = interview_new(f->qn, &sink);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	interview_free(f->iv);
	questionnaire_free(f->qn);
	buf_release(&f->rec.log);
	free(f);
	return 0;
}

static const char *
current_id(struct fixture *f, int *member)
{
	const struct qn_question *q = interview_current(f->iv, member);

	return q ? q->id : "(end)";
}

/* Types input at the current question, which must be `id`; asserts the
 * outcome. */
static void
give(struct fixture *f, const char *id, int member, const char *input,
    int ok)
{
	const struct qn_question *q;
	struct expr_value v;
	char err[256] = "";
	int m, rc;

	q = interview_current(f->iv, &m);
	assert_non_null(q);
	assert_string_equal(q->id, id);
	assert_int_equal(m, member);
	rc = answer_parse(q, input, &v, err, sizeof err);
	if (rc == 0)
		rc = interview_answer(f->iv, &v, 1.0, err, sizeof err);
	if (ok && rc != 0)
		fail_msg("answer '%s' to %s refused: %s", input, id, err);
	if (!ok && rc == 0)
		fail_msg("answer '%s' to %s accepted", input, id);
}

static void
answer_household(struct fixture *f)
{
	give(f, "district", 0, "1", 1);
	give(f, "cluster", 0, "12", 1);
	give(f, "household", 0, "3", 1);
	give(f, "weight", 0, "", 1); /* not required */
	give(f, "visit_date", 0, "2025-03-01", 1);
	give(f, "intro", 0, "", 1);
	give(f, "hh_size", 0, "2", 1);
}

static void
test_full_interview_with_roster_and_skips(void **state)
{
	struct fixture *f = *state;
	int m;

	answer_household(f);
	give(f, "name", 1, "Amina", 1);
	give(f, "sex", 1, "2", 1);
	give(f, "age", 1, "34", 1);
	/* adult is calculated, never shown */
	give(f, "volunteer", 1, "1", 1);
	give(f, "learned", 1, "1 2", 1);
	give(f, "hours_online", 1, "5.5", 1);
	give(f, "transport", 1, "4", 1);
	give(f, "name", 2, "Bo", 1);
	give(f, "sex", 2, "1", 1);
	give(f, "age", 2, "9", 1);
	/* a child: volunteer..transport skipped */
	give(f, "comment", 0, "", 1);
	assert_string_equal(current_id(f, &m), "(end)");
	assert_true(interview_is_complete(f->iv, NULL));
	assert_non_null(strstr(f->rec.log.s, "save adult#1=1;"));
	assert_non_null(strstr(f->rec.log.s, "save adult#2=0;"));
	assert_non_null(strstr(f->rec.log.s, "save adults#0=1;"));
	assert_non_null(strstr(f->rec.log.s, "save learned#1=1 2;"));
	assert_null(strstr(f->rec.log.s, "volunteer#2"));
}

static void
test_validation_messages(void **state)
{
	struct fixture *f = *state;
	struct expr_value v;
	char err[256];

	give(f, "district", 0, "7", 0);	    /* not a choice */
	give(f, "district", 0, "", 0);	    /* required */
	give(f, "district", 0, "2", 1);
	give(f, "cluster", 0, "0", 0);	    /* below min */
	give(f, "cluster", 0, "12.5", 0);   /* not whole */
	give(f, "cluster", 0, "dk", 0);	    /* dont_know: false here */
	give(f, "cluster", 0, "10000", 0);  /* above max */
	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_NUMBER;
	v.num = 10000;
	assert_int_equal(interview_answer(f->iv, &v, 0, err, sizeof err), -1);
	assert_string_equal(err, "the answer must be at most 9999");
	give(f, "cluster", 0, "5", 1);
	give(f, "household", 0, "1", 1);
	give(f, "weight", 0, "abc", 0);
	give(f, "weight", 0, "1.25", 1);
	give(f, "visit_date", 0, "2025-02-30", 0);
	give(f, "visit_date", 0, "2019-12-31", 0); /* before min */
	give(f, "visit_date", 0, "2025-02-28", 1);
	give(f, "intro", 0, "", 1);
	give(f, "hh_size", 0, "1", 1);
	give(f, "name", 1, "Chen Wei", 1);
	give(f, "sex", 1, "refused", 1);
	give(f, "age", 1, "40", 1);
	give(f, "volunteer", 1, "dk", 1);
	give(f, "learned", 1, "1 2 3 4", 0); /* constraint: at most three */
	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_SET;
	v.set = 0xF;
	assert_int_equal(interview_answer(f->iv, &v, 0, err, sizeof err), -1);
	assert_string_equal(err, "Choose at most three");
	give(f, "learned", 1, "3", 1);
	/* hours_online needs selected(learned, 2): skipped */
	give(f, "transport", 1, "5", 1);
}

static void
test_changing_earlier_answer_clears_dependents(void **state)
{
	struct fixture *f = *state;
	int i;

	answer_household(f);
	give(f, "name", 1, "Amina", 1);
	give(f, "sex", 1, "2", 1);
	give(f, "age", 1, "34", 1);
	give(f, "volunteer", 1, "1", 1);
	give(f, "learned", 1, "2", 1);
	give(f, "hours_online", 1, "3", 1);
	/* Back to age (4 steps: hours, learned, volunteer, age). */
	for (i = 0; i < 4; i++)
		assert_int_equal(interview_back(f->iv), 0);
	give(f, "age", 1, "12", 1);
	assert_non_null(strstr(f->rec.log.s, "clear volunteer#1;"));
	assert_non_null(strstr(f->rec.log.s, "clear learned#1;"));
	assert_non_null(strstr(f->rec.log.s, "clear hours_online#1;"));
	assert_null(interview_value(f->iv, questionnaire_find(f->qn,
	    "volunteer"), 1));
	/* The roster now goes on with member 2. */
	give(f, "name", 2, "Bo", 1);
}

static void
test_roster_shrinks(void **state)
{
	struct fixture *f = *state;
	int hh = questionnaire_find(f->qn, "hh_size");
	int name = questionnaire_find(f->qn, "name");

	answer_household(f);
	give(f, "name", 1, "A", 1);
	give(f, "sex", 1, "1", 1);
	give(f, "age", 1, "5", 1);
	give(f, "name", 2, "B", 1);
	assert_int_equal(interview_members(f->iv, 1), 2);
	assert_int_equal(interview_goto(f->iv, hh, 0), 0);
	give(f, "hh_size", 0, "1", 1);
	assert_int_equal(interview_members(f->iv, 1), 1);
	assert_non_null(strstr(f->rec.log.s, "clear name#2;"));
	assert_null(interview_value(f->iv, name, 2));
	assert_non_null(interview_value(f->iv, name, 1));
	/* goto a member that no longer exists is refused */
	assert_int_equal(interview_goto(f->iv, name, 2), -1);
}

static void
test_back_and_progress(void **state)
{
	struct fixture *f = *state;
	struct interview_progress p;

	assert_int_equal(interview_back(f->iv), -1);
	interview_progress(f->iv, &p);
	assert_int_equal(p.index, 1);
	give(f, "district", 0, "1", 1);
	give(f, "cluster", 0, "1", 1);
	interview_progress(f->iv, &p);
	assert_int_equal(p.index, 3);
	assert_int_equal(p.answered, 2);
	assert_int_equal(p.member, 0);
	assert_int_equal(interview_back(f->iv), 0);
	interview_progress(f->iv, &p);
	assert_int_equal(p.index, 2);
	/* Next over an answered question keeps its answer. */
	assert_int_equal(interview_next(f->iv), 0);
	interview_progress(f->iv, &p);
	assert_int_equal(p.index, 3);
	/* Next over an unanswered required question is refused. */
	assert_int_equal(interview_next(f->iv), -1);
}

static void
test_resume_at_first_unanswered(void **state)
{
	struct fixture *f = *state;
	struct interview *iv = interview_new(f->qn, NULL);
	struct expr_value v;
	const struct qn_question *q;
	int m;

	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_NUMBER;
	v.num = 1;
	assert_int_equal(interview_restore(iv, "district", 0, &v), 0);
	assert_int_equal(interview_restore(iv, "cluster", 0, &v), 0);
	v.num = 2;
	assert_int_equal(interview_restore(iv, "hh_size", 0, &v), 0);
	v.kind = EXPR_V_TEXT;
	v.text = "Amina";
	v.len = 5;
	assert_int_equal(interview_restore(iv, "name", 1, &v), 0);
	/* Refused: unknown question, member outside roster, member 0 in it. */
	assert_int_equal(interview_restore(iv, "nosuch", 0, &v), -1);
	assert_int_equal(interview_restore(iv, "name", 0, &v), -1);
	assert_int_equal(interview_restore(iv, "name", 99, &v), -1);
	interview_resume(iv);
	q = interview_current(iv, &m);
	assert_non_null(q);
	assert_string_equal(q->id, "household");
	assert_int_equal(m, 0);
	assert_false(interview_is_complete(iv, NULL));
	interview_free(iv);
}

static void
test_failed_save_keeps_position(void **state)
{
	struct fixture *f = *state;
	struct expr_value v;
	char err[256];
	int m;

	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_NUMBER;
	v.num = 1;
	f->rec.fail = 1;
	assert_int_equal(interview_answer(f->iv, &v, 0, err, sizeof err),
	    INTERVIEW_UNSAVED);
	assert_string_equal(err, "the answer could not be saved");
	assert_string_equal(current_id(f, &m), "district");
	assert_null(interview_value(f->iv, 0, 0));
}

static const char empty_roster_yaml[] =
    "survey: {id: t, version: '1', title: T, languages: [en]}\n"
    "sections:\n"
    "  - id: a\n"
    "    title: A\n"
    "    questions:\n"
    "      - {id: n, type: integer, min: 0, max: 5, label: N}\n"
    "  - id: m\n"
    "    title: M\n"
    "    roster: {count: n}\n"
    "    questions:\n"
    "      - {id: x, type: text, label: X}\n"
    "  - id: z\n"
    "    title: Z\n"
    "    questions:\n"
    "      - {id: last, type: yesno, label: L}\n";

static void
test_empty_roster_is_skipped(void **state)
{
	struct questionnaire *qn;
	struct interview *iv;
	struct expr_value v;
	struct diag d;
	char err[256];
	int m;

	(void)state;
	diag_init(&d, "inline");
	qn = questionnaire_load_buffer("inline",
	    (const unsigned char *)empty_roster_yaml,
	    sizeof empty_roster_yaml - 1, &d);
	diag_print(&d, stderr);
	diag_release(&d);
	assert_non_null(qn);
	iv = interview_new(qn, NULL);
	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_NUMBER;
	v.num = 0;
	assert_int_equal(interview_answer(iv, &v, 0, err, sizeof err), 0);
	assert_string_equal(interview_current(iv, &m)->id, "last");
	assert_int_equal(m, 0);
	/* And back from "last" lands on n, not inside the empty roster. */
	assert_int_equal(interview_back(iv), 0);
	assert_string_equal(interview_current(iv, &m)->id, "n");
	interview_free(iv);
	questionnaire_free(qn);
}

static void
test_soft_check_needs_confirmation(void **state)
{
	struct fixture *f = *state;
	struct expr_value v;
	char err[256];
	int m;

	answer_household(f);
	give(f, "name", 1, "Amina", 1);
	give(f, "sex", 1, "2", 1);
	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_NUMBER;
	v.num = 104;
	assert_int_equal(interview_answer(f->iv, &v, 0, err, sizeof err), 1);
	assert_string_equal(err, "Over 100 years old - confirm or correct");
	assert_string_equal(current_id(f, &m), "age");
	assert_null(strstr(f->rec.log.s, "age#1"));
	assert_int_equal(interview_answer_flags(f->iv, &v, 0,
	    INTERVIEW_CONFIRMED, err, sizeof err), 0);
	assert_non_null(strstr(f->rec.log.s, "confirmed save age#1=104;"));
	/* A plausible answer is saved without confirmation or flag. */
	assert_int_equal(interview_back(f->iv), 0);
	give(f, "age", 1, "99", 1);
	assert_non_null(strstr(f->rec.log.s, ";save age#1=99;"));
}

static void
test_piping_in_labels(void **state)
{
	struct fixture *f = *state;
	const struct qn_question *q;
	struct buf b = BUF_INIT;
	int m;

	answer_household(f);
	give(f, "name", 1, "Amina", 1);
	give(f, "sex", 1, "2", 1);
	q = interview_current(f->iv, &m);
	interview_pipe(f->iv, q->label[0], m, 0, &b);
	assert_string_equal(b.s, "How old is Amina, in completed years?");
	buf_reset(&b);
	interview_pipe(f->iv, q->label[1], m, 1, &b);
	assert_string_equal(b.s, "Quel âge a Amina, en années révolues ?");
	buf_reset(&b);
	/* Choice labels in the language asked for; unanswered; braces. */
	interview_pipe(f->iv, "{sex}/{age} {{x}", 1, 1, &b);
	assert_string_equal(b.s, "Femme/\u2026 {x}");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_full_interview_with_roster_and_skips, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validation_messages, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_changing_earlier_answer_clears_dependents, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_roster_shrinks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_back_and_progress, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resume_at_first_unanswered,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_save_keeps_position,
		    setup, teardown),
		cmocka_unit_test(test_empty_roster_is_skipped),
		cmocka_unit_test_setup_teardown(
		    test_soft_check_needs_confirmation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_piping_in_labels, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
