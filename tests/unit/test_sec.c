/*
 * test_sec.c: the ids sec makes. Interview UUIDs must be well-formed for
 * any tool that reads them, and must sort by device, then time: that
 * order is what keeps a merge's writes together (store_uuid_new).
 */
#include "testutil.h"

#include <stdint.h>
#include <string.h>

#include "sec.h"

/* The 122 payload bits of UUID u back, skipping the version (48-51) and
 * variant (64-65) bits; prefix and ms out of them. */
static void
payload(const char *u, uint32_t *prefix, uint64_t *ms)
{
	uint64_t v = 0;
	int pos = 0, n = 0, i, k;

	*prefix = 0;
	for (i = 0; u[i] != '\0'; i++) {
		if (u[i] == '-')
			continue;
		k = u[i] <= '9' ? u[i] - '0' : u[i] - 'a' + 10;
		for (int b = 3; b >= 0; b--, pos++) {
			if ((pos >= 48 && pos < 52) || pos == 64 || pos == 65)
				continue;
			if (n < 32)
				*prefix = *prefix << 1 | (uint32_t)(k >> b & 1);
			else if (n < 80)
				v = v << 1 | (uint64_t)(k >> b & 1);
			n++;
		}
	}
	*ms = v;
}

static void
test_uuid_random(void **state)
{
	char a[37], b[37];

	(void)state;
	sec_uuid(a);
	sec_uuid(b);
	assert_uuid(a, '4');
	assert_uuid(b, '4');
	assert_string_not_equal(a, b);
}

static void
test_uuid_ordered_fields(void **state)
{
	const uint64_t ms = 1795672345678u; /* 2026-11-26 */
	uint64_t got;
	uint32_t prefix;
	char u[37];

	(void)state;
	sec_uuid_ordered("f1b6bbd4-2c23-42f6-9ef1-2de573b303ee", ms, u);
	assert_uuid(u, '8');
	assert_memory_equal(u, "f1b6bbd4-", 9);
	payload(u, &prefix, &got);
	assert_int_equal(prefix, 0xf1b6bbd4u);
	assert_int_equal(got, ms);
	/* The largest time the 48 bits hold, and the smallest. */
	sec_uuid_ordered("00000000", (UINT64_C(1) << 48) - 1, u);
	payload(u, &prefix, &got);
	assert_int_equal(got, (UINT64_C(1) << 48) - 1);
	assert_uuid(u, '8');
	sec_uuid_ordered("ffffffff", 0, u);
	assert_memory_equal(u, "ffffffff-0000-8000-", 19);
	/* A short or garbled prefix still gives a well-formed id. */
	sec_uuid_ordered("1x", ms, u);
	assert_memory_equal(u, "10000000-", 9);
	assert_uuid(u, '8');
	sec_uuid_ordered("", ms, u);
	assert_memory_equal(u, "00000000-", 9);
}

/* Whatever the random bits, a later millisecond sorts after an earlier
 * one on the same device, and the device sorts before the time. */
static void
test_uuid_ordered_order(void **state)
{
	const uint64_t ms = 1795672345678u;
	char a[37], b[37];
	int i;

	(void)state;
	for (i = 0; i < 2000; i++) {
		/* Steps that carry across each field boundary of the
		 * layout: bits 0, 19-20 (digit 16), 31-32 (version). */
		uint64_t step = (uint64_t[]){ 1, 1u << 19, 1u << 20,
		    UINT64_C(1) << 31, UINT64_C(1) << 32 }[i % 5];

		sec_uuid_ordered("0a0b0c0d", ms + (uint64_t)i * 977, a);
		sec_uuid_ordered("0a0b0c0d", ms + (uint64_t)i * 977 + step, b);
		assert_true(strcmp(a, b) < 0);
	}
	sec_uuid_ordered("0a0b0c0d", (UINT64_C(1) << 48) - 1, a);
	sec_uuid_ordered("0a0b0c0e", 0, b);
	assert_true(strcmp(a, b) < 0);
	/* Two ids of one device and millisecond still differ. */
	sec_uuid_ordered("0a0b0c0d", ms, a);
	sec_uuid_ordered("0a0b0c0d", ms, b);
	assert_string_not_equal(a, b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uuid_random),
		cmocka_unit_test(test_uuid_ordered_fields),
		cmocka_unit_test(test_uuid_ordered_order),
	};

	if (sec_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
