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

#endif
