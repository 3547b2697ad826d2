/*
 * test_support.c: the support modules every other module stands on —
 * buf, arena, diag, strutil and the YAML tree.
 */
#include "testutil.h"

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "strutil.h"
#include "yamltree.h"

static void
test_buf(void **state)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	(void)state;
	assert_string_equal(buf_str(&b), "");
	buf_addf(&b, "%d-%s", 42, "x");
	buf_addc(&b, '!');
	assert_string_equal(b.s, "42-x!");
	assert_int_equal(b.len, 5);
	for (i = 0; i < 1000; i++)
		buf_adds(&b, "abcdefghij");
	assert_int_equal(b.len, 10005);
	assert_int_equal(strlen(b.s), 10005);
	buf_reset(&b);
	assert_string_equal(b.s, "");
	buf_add(&b, "xyz", 2);
	s = buf_detach(&b);
	assert_string_equal(s, "xy");
	assert_null(b.s);
	free(s);
	buf_release(&b);
}

static void
test_arena(void **state)
{
	struct arena a;
	char *big, *s;
	long *p;
	int i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < 10000; i++) {
		p = arena_alloc(&a, sizeof *p);
		assert_int_equal(*p, 0); /* zeroed */
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		*p = i;
	}
	big = arena_alloc(&a, 1 << 20);
	memset(big, 'x', 1 << 20);
	s = arena_strndup(&a, "hello world", 5);
	assert_string_equal(s, "hello");
	assert_true(a.used >= 10000 * sizeof(long) + (1 << 20));
	arena_release(&a);
	assert_null(a.head);
}

static void
test_diag_sorted_and_capped(void **state)
{
	struct diag d;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;
	int i;

	(void)state;
	diag_init(&d, "f.yaml");
	diag_error(&d, 9, 1, "third");
	diag_warning(&d, 2, 5, "second");
	diag_error(&d, 2, 3, "first");
	diag_error(&d, 9, 1, "fourth, same place as third");
	assert_int_equal(d.nerrors, 3);
	assert_int_equal(d.nwarnings, 1);
	assert_string_equal(diag_first(&d), "third");
	fp = open_memstream(&out, &len);
	diag_print(&d, fp);
	fclose(fp);
	assert_string_equal(out,
	    "f.yaml:2:3: error: first\n"
	    "f.yaml:2:5: warning: second\n"
	    "f.yaml:9:1: error: third\n"
	    "f.yaml:9:1: error: fourth, same place as third\n");
	free(out);
	diag_release(&d);
	diag_init(&d, "g");
	for (i = 0; i < 150; i++)
		diag_error(&d, i + 1, 1, "e%d", i);
	assert_int_equal(d.n, 100);
	assert_int_equal(d.dropped, 50);
	assert_int_equal(d.nerrors, 150);
	diag_release(&d);
}

static void
test_strutil(void **state)
{
	static const char *const keys[] = { "label", "hint", "relevant",
		"constraint", "type" };

	(void)state;
	assert_int_equal(strutil_distance("kitten", 6, "sitting", 7, 5), 3);
	assert_int_equal(strutil_distance("lable", 5, "label", 5, 5), 1);
	assert_int_equal(strutil_distance("abc", 3, "abc", 3, 0), 0);
	assert_int_equal(strutil_distance("a", 1, "abcdef", 6, 2), 3);
	assert_string_equal(strutil_suggest("lable", 5, keys, 5), "label");
	assert_string_equal(strutil_suggest("relevent", 8, keys, 5),
	    "relevant");
	assert_string_equal(strutil_suggest("typ", 3, keys, 5), "type");
	assert_null(strutil_suggest("colour", 6, keys, 5));
	assert_int_equal(strutil_utf8_len("café", strlen("café")), 4);
	assert_int_equal(strutil_utf8_len("学习", strlen("学习")), 2);
	assert_true(strutil_utf8_valid("学习 é", strlen("学习 é")));
	assert_false(strutil_utf8_valid("\xe9t\xe9", 3));
	assert_false(strutil_utf8_valid("\xc0\xaf", 2));	 /* overlong */
	assert_false(strutil_utf8_valid("\xed\xa0\x80", 3)); /* surrogate */
	assert_false(strutil_utf8_valid("\xe5\xad", 2));	 /* truncated */
}

static void
test_parse_decimal(void **state)
{
	double d;

	(void)state;
	assert_int_equal(strutil_parse_decimal("12", 2, &d), 0);
	assert_true(d == 12);
	assert_int_equal(strutil_parse_decimal("-0.1", 4, &d), 0);
	assert_true(d == -0.1);
	assert_int_equal(strutil_parse_decimal("+2.675", 6, &d), 0);
	assert_true(d == 2.675);
	assert_int_equal(strutil_parse_decimal("123456789012345", 15, &d), 0);
	assert_true(d == 123456789012345.0);
	assert_int_equal(strutil_parse_decimal("1234567890123456", 16, &d), -1);
	assert_int_equal(strutil_parse_decimal("0.000000000000001", 17, &d), 0);
	assert_int_equal(strutil_parse_decimal(".5", 2, &d), -1);
	assert_int_equal(strutil_parse_decimal("5.", 2, &d), -1);
	assert_int_equal(strutil_parse_decimal("1e3", 3, &d), -1);
	assert_int_equal(strutil_parse_decimal("0x10", 4, &d), -1);
	assert_int_equal(strutil_parse_decimal("1,5", 3, &d), -1);
	assert_int_equal(strutil_parse_decimal("", 0, &d), -1);
	assert_int_equal(strutil_parse_decimal("-", 1, &d), -1);
	assert_int_equal(strutil_parse_decimal("1.2.3", 5, &d), -1);
}

static struct yamltree *
parse(struct arena *a, struct diag *d, const char *text)
{
	diag_init(d, "t.yaml");
	return yamltree_parse(a, (const unsigned char *)text, strlen(text), d);
}

static void
test_yamltree(void **state)
{
	struct arena a;
	struct diag d;
	struct yamltree *t, *v;

	(void)state;
	arena_init(&a);
	t = parse(&a, &d, "a: 1\nb:\n  - x\n  - 'y z'\n");
	assert_non_null(t);
	assert_int_equal(t->kind, YAMLTREE_MAP);
	assert_int_equal(t->n, 2);
	v = yamltree_get(t, "b");
	assert_int_equal(v->kind, YAMLTREE_SEQ);
	assert_int_equal(v->n, 2);
	assert_string_equal(v->items[1]->str, "y z");
	assert_false(v->items[1]->plain);
	assert_true(v->items[0]->plain);
	assert_int_equal(v->items[1]->line, 4);
	assert_int_equal(v->items[1]->col, 5);
	assert_null(yamltree_get(t, "c"));
	diag_release(&d);

	assert_null(parse(&a, &d, "a: &x 1\nb: *x\n"));
	assert_int_equal(d.items[0].line, 1);
	assert_int_equal(d.items[0].col, 4);
	diag_release(&d);
	assert_null(parse(&a, &d, "? [a]\n: 1\n"));
	assert_non_null(strstr(d.items[0].msg, "mapping keys must be"));
	diag_release(&d);
	assert_null(parse(&a, &d, ""));
	assert_non_null(strstr(d.items[0].msg, "the file is empty"));
	diag_release(&d);
	arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_diag_sorted_and_capped),
		cmocka_unit_test(test_strutil),
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_yamltree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
