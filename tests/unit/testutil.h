/*
 * testutil.h: what every cmocka unit test includes. cmocka needs these
 * system headers before its own, in this order.
 */
#ifndef LCSURVEY_TESTUTIL_H
#define LCSURVEY_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Source tree root, for fixtures: $TOP when run by tests/run-all.sh. */
static inline const char *
test_top(void)
{
	const char *t = getenv("TOP");

	return t != NULL ? t : ".";
}

/* A UUID's form: 36 characters of lowercase hex in 8-4-4-4-12 groups,
 * version digit version, RFC 9562 variant. */
static inline void
assert_uuid(const char *u, char version)
{
	int i;

	assert_int_equal(strlen(u), 36);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(u[i], '-');
		else
			assert_non_null(strchr("0123456789abcdef", u[i]));
	}
	assert_int_equal(u[14], version);
	assert_non_null(strchr("89ab", u[19]));
}

#endif
