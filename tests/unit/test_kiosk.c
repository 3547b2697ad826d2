/*
 * test_kiosk.c: the kiosk's PIN below the screens — sec_pin_hash and
 * sec_pin_verify (a salted Argon2id hash that verifies the right PIN
 * only, never equal twice, refusing malformed hashes) and the store's
 * kiosk_pin row (absent, set, replaced, kept apart from the answers).
 */
#include "testutil.h"

#include <unistd.h>

#include "sec.h"
#include "store.h"

static void
pin_hash_verify(void **state)
{
	char h1[SEC_PIN_HASH_MAX], h2[SEC_PIN_HASH_MAX];

	(void)state;
	assert_int_equal(sec_init(), 0);
	assert_int_equal(sec_pin_hash("4321", h1), 0);
	assert_int_equal(sec_pin_hash("4321", h2), 0);
	assert_true(strncmp(h1, "$argon2id$", 10) == 0);
	assert_null(strstr(h1, "4321"));
	/* Salted: the same PIN never hashes the same. */
	assert_string_not_equal(h1, h2);
	assert_int_equal(sec_pin_verify(h1, "4321"), 0);
	assert_int_equal(sec_pin_verify(h2, "4321"), 0);
	assert_int_equal(sec_pin_verify(h1, "4322"), -1);
	assert_int_equal(sec_pin_verify(h1, "43210"), -1);
	assert_int_equal(sec_pin_verify(h1, ""), -1);
	assert_int_equal(sec_pin_verify(NULL, "4321"), -1);
	assert_int_equal(sec_pin_verify("", "4321"), -1);
	assert_int_equal(sec_pin_verify("$argon2id$v=19$garbage", "4321"), -1);
}

static void
wipe(void **state)
{
	char s[8] = "secret";
	size_t i;

	(void)state;
	sec_wipe(s, sizeof s);
	for (i = 0; i < sizeof s; i++)
		assert_int_equal(s[i], 0);
}

static void
store_pin(void **state)
{
	char dir[] = "/tmp/lcsurvey-kiosk-XXXXXX", path[64], *hash, *msg;
	struct store *st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/k.db", dir);
	assert_int_equal(store_open(&st, path, &msg), 0);
	assert_int_equal(store_kiosk_pin_get(st, &hash), 0);
	assert_null(hash);
	assert_int_equal(store_kiosk_pin_set(st, "$argon2id$first"), 0);
	assert_int_equal(store_kiosk_pin_set(st, "$argon2id$second"), 0);
	assert_int_equal(store_kiosk_pin_get(st, &hash), 0);
	assert_string_equal(hash, "$argon2id$second");
	free(hash);
	assert_int_equal(store_kiosk_pin_set(st, ""), -1);
	assert_int_equal(store_kiosk_limit_cache(st, 128), 0);
	assert_int_equal(store_kiosk_limit_cache(st, 1), -1);
	store_close(st);
	/* Kept across connections: it is in the file. */
	assert_int_equal(store_open(&st, path, &msg), 0);
	assert_int_equal(store_kiosk_pin_get(st, &hash), 0);
	assert_string_equal(hash, "$argon2id$second");
	free(hash);
	store_close(st);
	snprintf(path, sizeof path, "%s/k.db", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pin_hash_verify),
		cmocka_unit_test(wipe),
		cmocka_unit_test(store_pin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
