/*
 * test_interview_words.c: the language of refusals. The answer parser and
 * the engine say why an answer is refused in the catalogue's language
 * they are given (a French kiosk's respondent reads French), in English
 * when none is, and answer_parse stays English for imports and scripts.
 * Questionnaire messages (constraint_message) are not the catalogue's:
 * test_interview checks those.
 */
#include "testutil.h"

#include "answer.h"
#include "interview.h"
#include "questionnaire.h"
#include "words.h"

static const char yaml[] =
    "survey: {id: t, version: '1', title: T, languages: [en]}\n"
    "choices:\n"
    "  c:\n"
    "    - {code: 1, label: One}\n"
    "    - {code: 2, label: Two}\n"
    "sections:\n"
    "  - id: a\n"
    "    title: A\n"
    "    questions:\n"
    "      - {id: pick, type: single, choices: c, label: P}\n"
    "      - {id: n, type: integer, min: 1, max: 10, label: N,\n"
    "         constraint: '. != 7', warning: '. < 9', dont_know: false,\n"
    "         refused: false}\n"
    "      - {id: name, type: text, max_length: 3, label: Name}\n"
    "      - {id: ok, type: yesno, label: OK}\n"
    "      - {id: when, type: date, min: '2020-01-01', label: When}\n"
    "      - {id: x, type: decimal, label: X}\n";

struct fixture {
	struct questionnaire *qn;
	struct interview *iv;
	int fail; /* the sink refuses every save */
	char err[256];
};

static int
save(void *ctx, const struct qn_question *q, int member,
    const struct expr_value *v, double seconds, unsigned flags)
{
	const struct fixture *f = ctx;

	(void)q, (void)member, (void)v, (void)seconds, (void)flags;
	return f->fail ? -1 : 0;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct interview_sink sink = { save, NULL, f };
	struct diag d;

	diag_init(&d, "inline");
	f->qn = questionnaire_load_buffer("inline", (const unsigned char *)yaml,
	    sizeof yaml - 1, &d);
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
	free(f);
	return 0;
}

/* Types input at the current question, parsing as the screens do, in
 * the engine's language; returns what came back and leaves the message
 * in f->err. */
static int
type(struct fixture *f, int lang, const char *input)
{
	const struct qn_question *q = interview_current(f->iv, NULL);
	struct expr_value v;

	f->err[0] = '\0';
	assert_non_null(q);
	if (answer_parse_in(q, input, lang, &v, f->err, sizeof f->err) < 0)
		return -1;
	return interview_answer(f->iv, &v, 0, f->err, sizeof f->err);
}

/* input is refused at the current question with message want. */
static void
refused(struct fixture *f, int lang, const char *input, const char *want)
{
	assert_int_not_equal(type(f, lang, input), 0);
	assert_string_equal(f->err, want);
}

static void
accepted(struct fixture *f, int lang, const char *input)
{
	if (type(f, lang, input) != 0)
		fail_msg("'%s' refused: %s", input, f->err);
}

/* The English a script reads, unchanged by the catalogue. */
static void
test_english_by_default(void **state)
{
	struct fixture *f = *state;
	struct expr_value v;

	refused(f, 0, "9", "'9' is not one of the choices");
	refused(f, 0, "1 9", "'1 9' is not one of the choices");
	refused(f, 0, "", "an answer is required");
	accepted(f, 0, "1");
	refused(f, 0, "abc", "'abc' is not a whole number");
	refused(f, 0, "0", "the answer must be at least 1");
	refused(f, 0, "11", "the answer must be at most 10");
	refused(f, 0, "dk", "\"don't know\" is not allowed here");
	refused(f, 0, "refused", "\"refused\" is not allowed here");
	refused(f, 0, "7", "the answer is not consistent with earlier "
	    "answers");
	assert_int_equal(type(f, 0, "9"), 1);
	assert_string_equal(f->err, "this answer is unusual; confirm it or "
	    "correct it");
	accepted(f, 0, "2");
	refused(f, 0, "abcd", "the answer is longer than 3 characters");
	refused(f, 0, "\xff", "the text is not valid UTF-8");
	accepted(f, 0, "abc");
	refused(f, 0, "maybe", "answer 1 for yes or 0 for no");
	accepted(f, 0, "1");
	refused(f, 0, "2024-02-30", "'2024-02-30' is not a date (use "
	    "YYYY-MM-DD)");
	refused(f, 0, "2019-12-31", "the answer must be at least 2020-01-01");
	accepted(f, 0, "2024-02-29");
	refused(f, 0, "2,5", "'2,5' is not a number (use '.' for decimals)");
	accepted(f, 0, "2.5");
	assert_null(interview_current(f->iv, NULL));
	memset(&v, 0, sizeof v);
	assert_int_equal(interview_answer(f->iv, &v, 0, f->err,
	    sizeof f->err), -1);
	assert_string_equal(f->err, "the interview is at its end");
}

static void
test_french_when_set(void **state)
{
	struct fixture *f = *state;
	int fr = words_lang("fr");

	interview_set_words(f->iv, fr);
	refused(f, fr, "9", "« 9 » ne fait pas partie des choix");
	refused(f, fr, "", "une réponse est obligatoire");
	accepted(f, fr, "2");
	refused(f, fr, "abc", "« abc » n'est pas un nombre entier");
	refused(f, fr, "0", "la réponse doit être supérieure ou égale à 1");
	refused(f, fr, "11", "la réponse doit être inférieure ou égale à 10");
	refused(f, fr, "dk", "« ne sait pas » n'est pas admis ici");
	refused(f, fr, "7", "la réponse n'est pas cohérente avec les "
	    "réponses précédentes");
	assert_int_equal(type(f, fr, "9"), 1);
	assert_string_equal(f->err, "cette réponse est inhabituelle : "
	    "confirmez-la ou corrigez-la");
	accepted(f, fr, "3");
	refused(f, fr, "abcd", "la réponse dépasse 3 caractères");
	accepted(f, fr, "abc");
	refused(f, fr, "peut-être", "répondez 1 pour oui ou 0 pour non");
	accepted(f, fr, "0");
	refused(f, fr, "hier", "« hier » n'est pas une date (utilisez "
	    "AAAA-MM-JJ)");
	accepted(f, fr, "2024-01-01");
	f->fail = 1;
	assert_int_equal(type(f, fr, "1.5"), INTERVIEW_UNSAVED);
	assert_string_equal(f->err, "la réponse n'a pas pu être enregistrée");
}

static void
test_chinese_when_set(void **state)
{
	struct fixture *f = *state;
	int zh = words_lang("zh");

	interview_set_words(f->iv, zh);
	refused(f, zh, "9", "“9”不是可选的选项");
	refused(f, zh, "", "此题必须作答");
	accepted(f, zh, "1");
	refused(f, zh, "abc", "“abc”不是整数");
	refused(f, zh, "11", "答案不能大于 10");
	/* And back to English: the language is the engine's, not fixed at
	 * its creation. */
	interview_set_words(f->iv, 0);
	refused(f, 0, "0", "the answer must be at least 1");
}

/* The parser's language is its argument alone: answer_parse is English
 * whatever the engine speaks. */
static void
test_parse_language(void **state)
{
	struct fixture *f = *state;
	const struct qn_question *q = &f->qn->questions[1];
	struct expr_value v;
	char err[64];

	assert_int_equal(answer_parse(q, "x", &v, err, sizeof err), -1);
	assert_string_equal(err, "'x' is not a whole number");
	assert_int_equal(answer_parse_in(q, "x", words_lang("es"), &v, err,
	    sizeof err), -1);
	assert_string_equal(err, "«x» no es un número entero");
	/* A message longer than err is cut between characters. */
	assert_int_equal(answer_parse_in(q, "x", words_lang("zh"), &v, err,
	    10), -1);
	assert_string_equal(err, "“x”");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_english_by_default, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_french_when_set, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_chinese_when_set, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_parse_language, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
