/*
 * test_words.c: the catalogue (words.c) — which language
 * the device user gets from the environment (LCSURVEY_UI_LANG, LC_ALL,
 * LC_MESSAGES, LANG: the first set decides; unknown, C and POSIX are
 * English), that every message has all its translations with the same
 * placeholders, and the placeholders, plurals and language names.
 */
#include "testutil.h"

#include "words.h"

static const char *
code_of(int lang)
{
	return words_code(lang);
}

static void
test_lang_codes(void **state)
{
	(void)state;
	assert_string_equal(code_of(words_lang("fr")), "fr");
	assert_string_equal(code_of(words_lang("fr_FR.UTF-8")), "fr");
	assert_string_equal(code_of(words_lang("fr-CA")), "fr");
	assert_string_equal(code_of(words_lang("fr@euro")), "fr");
	assert_string_equal(code_of(words_lang("FR")), "fr");
	assert_string_equal(code_of(words_lang("es_MX.utf8")), "es");
	assert_string_equal(code_of(words_lang("zh_CN.UTF-8")), "zh");
	assert_string_equal(code_of(words_lang("en_GB")), "en");
	/* Chinese in Traditional characters: by script or by region. */
	assert_string_equal(code_of(words_lang("zh-Hant")), "zh-Hant");
	assert_string_equal(code_of(words_lang("zh_TW.UTF-8")), "zh-Hant");
	assert_string_equal(code_of(words_lang("zh-hk")), "zh-Hant");
	assert_string_equal(code_of(words_lang("zh_MO")), "zh-Hant");
	assert_string_equal(code_of(words_lang("zh-Hant-HK")), "zh-Hant");
	assert_string_equal(code_of(words_lang("zh-Hans")), "zh");
	assert_string_equal(code_of(words_lang("zh_SG.UTF-8")), "zh");
	assert_string_equal(code_of(words_lang("zh-TWN")), "zh");
	assert_string_equal(code_of(words_lang("zh")), "zh");
	/* Not a language, or one the catalogue lacks: English. */
	assert_int_equal(words_lang("C"), 0);
	assert_int_equal(words_lang("C.UTF-8"), 0);
	assert_int_equal(words_lang("POSIX"), 0);
	assert_int_equal(words_lang("de_DE.UTF-8"), 0);
	assert_int_equal(words_lang(""), 0);
	assert_int_equal(words_lang(NULL), 0);
	/* A prefix is not the language: "french", "f", "esperanto". */
	assert_int_equal(words_lang("french"), 0);
	assert_int_equal(words_lang("f"), 0);
	assert_int_equal(words_lang("eo"), 0);
	assert_string_equal(code_of(-1), "en");
	assert_string_equal(code_of(words_nlangs()), "en");
}

static void
test_env_precedence(void **state)
{
	int fr = words_lang("fr"), es = words_lang("es"),
	    zh = words_lang("zh");

	(void)state;
	assert_int_equal(words_pick(NULL, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(words_pick(NULL, NULL, NULL, NULL, "fr_FR.UTF-8"), fr);
	assert_int_equal(words_pick(NULL, NULL, NULL, "es_ES", "fr_FR"), es);
	assert_int_equal(words_pick(NULL, NULL, "zh_CN", "es_ES", "fr_FR"), zh);
	assert_int_equal(words_pick("fr", NULL, "zh_CN", "es_ES", "en_US"), fr);
	/* The first set decides, even when it is C or unknown. */
	assert_int_equal(words_pick(NULL, NULL, "C", NULL, "fr_FR.UTF-8"), 0);
	assert_int_equal(words_pick(NULL, NULL, "C.UTF-8", "fr", "fr"), 0);
	assert_int_equal(words_pick(NULL, NULL, NULL, "POSIX", "fr_FR"), 0);
	assert_int_equal(words_pick(NULL, NULL, "de_DE", NULL, "fr_FR"), 0);
	assert_int_equal(words_pick("de", NULL, NULL, NULL, "fr_FR"), 0);
	/* Set but empty is not set. */
	assert_int_equal(words_pick("", NULL, "", "", "es_AR"), es);
	assert_int_equal(words_pick("", NULL, "", "zh_CN", ""), zh);
	assert_int_equal(words_pick("", NULL, "", "zh_TW", ""),
	    words_lang("zh-Hant"));
	assert_int_equal(words_pick(NULL, "de:zh_HK:zh_CN", NULL, NULL,
	    "en_GB"), words_lang("zh-Hant"));
	/* LANGUAGE, a list, when the locale is not C: its first known
	 * language, or English if none; LCSURVEY_UI_LANG still first. */
	assert_int_equal(words_pick(NULL, "de:es:fr", NULL, NULL, "fr_FR"), es);
	assert_int_equal(words_pick(NULL, "fr_CA:en", "en_US", NULL, NULL),
	    fr);
	assert_int_equal(words_pick(NULL, "de:it", NULL, NULL, "fr_FR"), 0);
	assert_int_equal(words_pick(NULL, "::zh::", NULL, NULL, "en_GB"), zh);
	assert_int_equal(words_pick(NULL, "es", "C", NULL, "fr_FR"), 0);
	assert_int_equal(words_pick(NULL, "es", NULL, "C.UTF-8", NULL), 0);
	assert_int_equal(words_pick(NULL, "es", NULL, NULL, "POSIX"), 0);
	assert_int_equal(words_pick(NULL, "es", NULL, NULL, NULL), 0);
	assert_int_equal(words_pick("fr", "es", NULL, NULL, "zh_CN"), fr);
	assert_int_equal(words_pick(NULL, "", NULL, NULL, "zh_CN"), zh);
}

static void
test_env_read(void **state)
{
	(void)state;
	unsetenv("LCSURVEY_UI_LANG");
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "fr_FR.UTF-8", 1);
	assert_string_equal(code_of(words_env_lang()), "fr");
	setenv("LC_MESSAGES", "es_ES.UTF-8", 1);
	assert_string_equal(code_of(words_env_lang()), "es");
	setenv("LC_ALL", "C", 1);
	assert_string_equal(code_of(words_env_lang()), "en");
	setenv("LCSURVEY_UI_LANG", "zh", 1);
	assert_string_equal(code_of(words_env_lang()), "zh");
	unsetenv("LCSURVEY_UI_LANG");
	unsetenv("LC_ALL");
	setenv("LANGUAGE", "de_AT:zh_CN:es", 1);
	assert_string_equal(code_of(words_env_lang()), "zh");
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	assert_string_equal(code_of(words_env_lang()), "en");
}

/* The placeholders of s, as a bit set: 1 for {1}, 2 for {2}. */
static int
placeholders(const char *s)
{
	int set = 0;

	for (; *s != '\0'; s++)
		if (s[0] == '{' && (s[1] == '1' || s[1] == '2') && s[2] == '}')
			set |= s[1] == '1' ? 1 : 2;
	return set;
}

static void
test_catalogue_complete(void **state)
{
	int w, lang;

	(void)state;
	for (w = 0; w < WORDS__N; w++) {
		const char *en = words_get(0, (enum words_id)w);

		assert_true(en[0] != '\0');
		for (lang = 1; lang < words_nlangs(); lang++) {
			const char *s = words_get(lang, (enum words_id)w);

			if (!words_has(lang, (enum words_id)w)) {
				print_error("entry %d has no '%s'\n", w,
				    code_of(lang));
				fail();
			}
			assert_true(s[0] != '\0');
			assert_int_equal(placeholders(s), placeholders(en));
		}
	}
	/* Out of range: English, or empty, never NULL. */
	assert_string_equal(words_get(99, WORDS_QUIT), "quit");
	assert_string_equal(words_get(0, WORDS__N), "");
}

static void
test_fmt(void **state)
{
	struct buf b = BUF_INIT;
	int zh = words_lang("zh");

	(void)state;
	words_fmtn(&b, words_get(0, WORDS_QUESTION_N), 3, 12);
	assert_string_equal(buf_str(&b), "question 3 of 12");
	buf_reset(&b);
	words_fmtn(&b, words_get(zh, WORDS_QUESTION_N), 3, 12);
	assert_string_equal(buf_str(&b), "第 3/12 题");
	buf_reset(&b);
	words_fmtn(&b, words_get(words_lang("zh_TW"), WORDS_QUESTION_N), 3,
	    12);
	assert_string_equal(buf_str(&b), "第 3/12 題");
	buf_reset(&b);
	/* Order is the template's; a missing argument stays as written. */
	words_fmt(&b, "{2} before {1}, {1} again, {3}", "a", "b");
	assert_string_equal(buf_str(&b), "b before a, a again, {3}");
	buf_reset(&b);
	words_fmt(&b, "{1} and {2} {", "x", NULL);
	assert_string_equal(buf_str(&b), "x and {2} {");
	buf_release(&b);
}

static void
test_plural(void **state)
{
	int fr = words_lang("fr"), es = words_lang("es");

	(void)state;
	assert_int_equal(words_plural(0, WORDS_N_INTERVIEWS, 1),
	    WORDS_N_INTERVIEWS);
	assert_int_equal(words_plural(0, WORDS_N_INTERVIEWS, 0),
	    WORDS_N_INTERVIEWS_PL);
	assert_int_equal(words_plural(fr, WORDS_N_INTERVIEWS, 0),
	    WORDS_N_INTERVIEWS);
	assert_int_equal(words_plural(fr, WORDS_N_INTERVIEWS, 2),
	    WORDS_N_INTERVIEWS_PL);
	assert_int_equal(words_plural(es, WORDS_N_INTERVIEWS, 0),
	    WORDS_N_INTERVIEWS_PL);
	assert_string_equal(words_get(fr, words_plural(fr,
	    WORDS_N_PARTIAL, 3)), "{1} partiels");
}

static void
test_lang_names(void **state)
{
	(void)state;
	assert_string_equal(words_lang_name("fr"), "Français");
	assert_string_equal(words_lang_name("zh-Hans"), "中文");
	assert_string_equal(words_lang_name("zh-TW"), "繁體中文");
	assert_string_equal(words_lang_name("zh-Hant"), "繁體中文");
	assert_string_equal(words_lang_name("de"), "Deutsch");
	assert_string_equal(words_lang_name("xx"), "xx");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_codes),
		cmocka_unit_test(test_env_precedence),
		cmocka_unit_test(test_env_read),
		cmocka_unit_test(test_catalogue_complete),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_plural),
		cmocka_unit_test(test_lang_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
