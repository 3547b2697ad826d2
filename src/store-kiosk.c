/*
 * store-kiosk.c: what the kiosk needs of the store besides interviews —
 * the hash of the staff PIN, one row of the meta table, and a bounded
 * page cache. The meta table is neither exported nor merged (only its
 * 'conflict:' rows travel), so the hash stays on the terminal it was set
 * on.
 */
#include "store.h"
#include "store-int.h"

#include <string.h>

#include "xmalloc.h"

#define PIN_KEY "kiosk_pin"

static const char set_sql[] =
    "INSERT INTO meta (name, value) VALUES ('" PIN_KEY "', ?1) "
    "ON CONFLICT (name) DO UPDATE SET value = excluded.value";
static const char get_sql[] =
    "SELECT value FROM meta WHERE name = '" PIN_KEY "'";

int
store_kiosk_pin_set(struct store *st, const char *hash)
{
	sqlite3_stmt *s;
	int rc;

	if (hash == NULL || hash[0] == '\0')
		return store_int_fail(st, "no PIN hash to record");
	if (sqlite3_prepare_v2(store_int_db(st), set_sql, -1, &s, NULL) !=
	    SQLITE_OK)
		return store_int_fail_db(st, "cannot record the kiosk PIN");
	if (sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC) != SQLITE_OK) {
		sqlite3_finalize(s);
		return store_int_fail_db(st, "cannot record the kiosk PIN");
	}
	/* One statement is its own transaction, committed (synchronous
	 * FULL) when step returns. */
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_int_fail_db(st, "cannot record the kiosk PIN");
	return 0;
}

int
store_kiosk_pin_get(struct store *st, char **hash)
{
	sqlite3_stmt *s;
	int rc;

	*hash = NULL;
	if (sqlite3_prepare_v2(store_int_db(st), get_sql, -1, &s, NULL) !=
	    SQLITE_OK)
		return store_int_fail_db(st, "cannot read the kiosk PIN");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT)
		*hash = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_int_fail_db(st, "cannot read the kiosk PIN");
	return 0;
}

int
store_kiosk_limit_cache(struct store *st, int kib)
{
	char *sql;
	int rc;

	if (kib < 64)
		return store_int_fail(st, "page cache of %d KiB too small", kib);
	sql = sqlite3_mprintf("PRAGMA cache_size = -%d", kib);
	rc = sqlite3_exec(store_int_db(st), sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return store_int_fail_db(st, "cannot limit the page cache");
	return 0;
}
