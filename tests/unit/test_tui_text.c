/*
 * test_tui_text.c: the screens' text layout without a terminal — display
 * widths, wrapping by width (Latin, precomposed and combining accents,
 * Chinese) and the line editor's buffer.
 */
#include "testutil.h"

#include <locale.h>

#include "tui/tui-text.h"

/* Wraps s at width and checks the lines against want (NULL-terminated). */
static void
check_wrap(const char *s, int width, const char *const *want)
{
	struct tui_line lines[32];
	int n, i, nwant = 0;

	while (want[nwant] != NULL)
		nwant++;
	n = tui_wrap(s, width, lines, 32);
	if (n != nwant) {
		for (i = 0; i < n && i < 32; i++)
			print_error("line %d: '%.*s'\n", i, (int)lines[i].len,
			    s + lines[i].off);
	}
	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++) {
		char got[256];

		snprintf(got, sizeof got, "%.*s", (int)lines[i].len,
		    s + lines[i].off);
		assert_string_equal(got, want[i]);
		assert_true(lines[i].width <= width);
		assert_int_equal(lines[i].width,
		    tui_text_width(s + lines[i].off, lines[i].len));
	}
}

static int
setup(void **state)
{
	(void)state;
	/* Widths come from the locale; C.UTF-8 is always there on glibc. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "en_US.UTF-8") == NULL)
		return -1;
	return 0;
}

static void
test_widths(void **state)
{
	(void)state;
	assert_int_equal(tui_text_width("abc", 3), 3);
	/* "é" precomposed (2 bytes) and as e + U+0301 (3 bytes). */
	assert_int_equal(tui_text_width("\xc3\xa9", 2), 1);
	assert_int_equal(tui_text_width("e\xcc\x81", 3), 1);
	/* 中文: two double-width characters. */
	assert_int_equal(tui_text_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4);
	/* Invalid bytes count as one column each. */
	assert_int_equal(tui_text_width("\xff\xfe", 2), 2);
}

static void
test_fit(void **state)
{
	const char *zh = "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97"; /* 中文字 */
	int used;

	(void)state;
	/* Three columns hold one and a half Chinese characters: one. */
	assert_int_equal(tui_text_fit(zh, 9, 3, &used), 3);
	assert_int_equal(used, 2);
	/* A combining accent is never cut from its base. */
	assert_int_equal(tui_text_fit("ae\xcc\x81x", 5, 2, &used), 4);
	assert_int_equal(used, 2);
	assert_int_equal(tui_text_fit("abc", 3, 10, &used), 3);
	assert_int_equal(used, 3);
}

static void
test_wrap_latin(void **state)
{
	(void)state;
	check_wrap("How many people live in this household?", 16,
	    (const char *const[]){ "How many people", "live in this",
	    "household?", NULL });
	/* Several spaces at a break disappear; inside a line they stay. */
	check_wrap("one  two   three", 8,
	    (const char *const[]){ "one  two", "three", NULL });
	/* Exactly the width fits. */
	check_wrap("abcd efgh", 4, (const char *const[]){ "abcd", "efgh",
	    NULL });
	check_wrap("", 10, (const char *const[]){ "", NULL });
	check_wrap("   ", 10, (const char *const[]){ "", NULL });
}

static void
test_wrap_long_word(void **state)
{
	(void)state;
	check_wrap("a abcdefghij b", 4, (const char *const[]){ "a", "abcd",
	    "efgh", "ij b", NULL });
}

static void
test_wrap_newlines(void **state)
{
	(void)state;
	check_wrap("first\nsecond line", 20, (const char *const[]){ "first",
	    "second line", NULL });
	check_wrap("a\n\nb", 20, (const char *const[]){ "a", "", "b",
	    NULL });
}

static void
test_wrap_accents(void **state)
{
	/* "Âge en années révolues": precomposed, 22 columns. */
	const char *pre = "\xc3\x82ge en ann\xc3\xa9""es r\xc3\xa9volues";
	/* The same with combining accents (A + U+0302, e + U+0301). */
	const char *comb = "A\xcc\x82ge en anne\xcc\x81""es re\xcc\x81volues";

	(void)state;
	check_wrap(pre, 12, (const char *const[]){ "\xc3\x82ge en",
	    "ann\xc3\xa9""es", "r\xc3\xa9volues", NULL });
	check_wrap(comb, 12, (const char *const[]){ "A\xcc\x82ge en",
	    "anne\xcc\x81""es", "re\xcc\x81volues", NULL });
	/* A combining mark stays with its base when a long word breaks. */
	check_wrap("abe\xcc\x81""cd", 3, (const char *const[]){
	    "abe\xcc\x81", "cd", NULL });
}

static void
test_wrap_chinese(void **state)
{
	/* 您家里有几口人？ (8 characters, 16 columns) */
	const char *zh = "\xe6\x82\xa8\xe5\xae\xb6\xe9\x87\x8c\xe6\x9c\x89"
	    "\xe5\x87\xa0\xe5\x8f\xa3\xe4\xba\xba\xef\xbc\x9f";

	(void)state;
	/* Chinese breaks between any two characters. */
	check_wrap(zh, 6, (const char *const[]){
	    "\xe6\x82\xa8\xe5\xae\xb6\xe9\x87\x8c",
	    "\xe6\x9c\x89\xe5\x87\xa0\xe5\x8f\xa3",
	    "\xe4\xba\xba\xef\xbc\x9f", NULL });
	/* An odd width leaves a column free rather than cut a character. */
	check_wrap(zh, 5, (const char *const[]){
	    "\xe6\x82\xa8\xe5\xae\xb6",
	    "\xe9\x87\x8c\xe6\x9c\x89",
	    "\xe5\x87\xa0\xe5\x8f\xa3",
	    "\xe4\xba\xba\xef\xbc\x9f", NULL });
	/* Mixed: a Latin word stays whole next to Chinese. */
	check_wrap("Amina\xe7\x9a\x84\xe5\xb9\xb4\xe9\xbe\x84", 6,
	    (const char *const[]){ "Amina", "\xe7\x9a\x84\xe5\xb9\xb4"
	    "\xe9\xbe\x84", NULL });
	check_wrap("Amina \xe7\x9a\x84\xe5\xb9\xb4", 7,
	    (const char *const[]){ "Amina", "\xe7\x9a\x84\xe5\xb9\xb4",
	    NULL });
}

static void
test_wrap_count_only(void **state)
{
	(void)state;
	/* With no room for lines, the count is still right. */
	assert_int_equal(tui_wrap("aa bb cc dd", 2, NULL, 0), 4);
}

static void
test_edit(void **state)
{
	struct tui_edit e;
	char out[64];

	(void)state;
	tui_edit_init(&e, 5);
	assert_int_equal(tui_edit_insert(&e, L'1'), 0);
	assert_int_equal(tui_edit_insert(&e, L'2'), 0);
	tui_edit_home(&e);
	assert_int_equal(tui_edit_insert(&e, L'0'), 0);
	tui_edit_utf8(&e, out, sizeof out);
	assert_string_equal(out, "012");
	assert_int_equal(tui_edit_insert(&e, L'\t'), -1);
	tui_edit_end(&e);
	assert_int_equal(tui_edit_backspace(&e), 0);
	tui_edit_utf8(&e, out, sizeof out);
	assert_string_equal(out, "01");
	/* The limit is in characters, not bytes. */
	tui_edit_set(&e, "\xc3\xa9t\xc3\xa9s\xc3\xa9xyz");
	tui_edit_utf8(&e, out, sizeof out);
	assert_string_equal(out, "\xc3\xa9t\xc3\xa9s\xc3\xa9");
	assert_int_equal(tui_edit_insert(&e, L'a'), -1);
	/* Backspace takes a combining accent with its base. */
	tui_edit_init(&e, 10);
	tui_edit_set(&e, "ae\xcc\x81");
	assert_int_equal(e.len, 3);
	assert_int_equal(tui_edit_left(&e), 0);
	assert_int_equal(e.cur, 1);
	tui_edit_end(&e);
	assert_int_equal(tui_edit_backspace(&e), 0);
	tui_edit_utf8(&e, out, sizeof out);
	assert_string_equal(out, "a");
	assert_int_equal(tui_edit_delete(&e), -1);
	tui_edit_home(&e);
	assert_int_equal(tui_edit_delete(&e), 0);
	assert_int_equal(e.len, 0);
}

static void
test_edit_view(void **state)
{
	struct tui_edit e;
	int col;

	(void)state;
	tui_edit_init(&e, 100);
	tui_edit_set(&e, "abcdefghij");
	/* Ten characters and the cursor in a field of 6: the last 5 show. */
	col = tui_edit_view(&e, 6);
	assert_int_equal(e.scroll, 5);
	assert_int_equal(col, 5);
	tui_edit_home(&e);
	col = tui_edit_view(&e, 6);
	assert_int_equal(e.scroll, 0);
	assert_int_equal(col, 0);
	/* Wider again: everything shows. */
	tui_edit_end(&e);
	tui_edit_view(&e, 6);
	col = tui_edit_view(&e, 40);
	assert_int_equal(e.scroll, 0);
	assert_int_equal(col, 10);
	/* Double-width text scrolls by whole characters. */
	tui_edit_set(&e, "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97");
	col = tui_edit_view(&e, 4);
	assert_int_equal(e.scroll, 2);
	assert_int_equal(col, 2);
}

static void
test_utf8(void **state)
{
	char buf[4];
	wchar_t wc;

	(void)state;
	assert_int_equal(tui_utf8_encode(0x4e2d, buf), 3);
	assert_int_equal(tui_utf8_decode(buf, 3, &wc), 3);
	assert_int_equal(wc, 0x4e2d);
	/* Overlong, truncated and surrogate forms become U+FFFD, 1 byte. */
	assert_int_equal(tui_utf8_decode("\xc0\xaf", 2, &wc), 1);
	assert_int_equal(wc, 0xfffd);
	assert_int_equal(tui_utf8_decode("\xe4\xb8", 2, &wc), 1);
	assert_int_equal(tui_utf8_decode("\xed\xa0\x80", 3, &wc), 1);
	assert_int_equal(wc, 0xfffd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap_latin),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_accents),
		cmocka_unit_test(test_wrap_chinese),
		cmocka_unit_test(test_wrap_count_only),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_edit_view),
		cmocka_unit_test(test_utf8),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
