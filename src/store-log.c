/*
 * store-log.c: reading the audit trail (answer_log), for `lcsurvey log` and
 * for sessions that resume a reopened interview. The rows are written by
 * store.c, in the same transaction as the change they record; nothing here
 * writes. The statements are prepared per call: each runs once per command.
 */
#include "store.h"
#include "store-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Prepares one of the reads below; -1 with a message. */
static int
prepare(struct store *st, const char *sql, sqlite3_stmt **s)
{
	if (sqlite3_prepare_v2(store_int_db(st), sql, -1, s, NULL) !=
	    SQLITE_OK) {
		*s = NULL;
		return store_int_fail_db(st, "cannot read the audit trail");
	}
	return 0;
}

/* Fills *v from column col (value) and col + 1 (missing); pointers into
 * the statement. */
static void
read_value(sqlite3_stmt *s, int col, struct store_value *v)
{
	memset(v, 0, sizeof *v);
	store_int_column_value(s, col, v);
	v->missing = (const char *)sqlite3_column_text(s, col + 1);
}

static const char log_sql[] =
    "SELECT seq, at, device, interview, member, question, event, "
    "old_value, old_missing, new_value, new_missing, confirmed, reason, "
    "clock_backwards FROM answer_log WHERE interview = ?1 ORDER BY seq";

int
store_log_foreach(struct store *st, const char *uuid,
    int (*fn)(void *ctx, const struct store_log_entry *e), void *ctx)
{
	struct store_log_entry e;
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (uuid == NULL)
		return store_int_fail(st, "interview missing");
	if (prepare(st, log_sql, &s) == -1)
		return -1;
	if (sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC) != SQLITE_OK) {
		sqlite3_finalize(s);
		return store_int_fail_db(st, "cannot bind a value");
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&e, 0, sizeof e);
		e.seq = sqlite3_column_int64(s, 0);
		e.at = (const char *)sqlite3_column_text(s, 1);
		e.device = (const char *)sqlite3_column_text(s, 2);
		e.interview = (const char *)sqlite3_column_text(s, 3);
		e.member = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1 :
		    sqlite3_column_int(s, 4);
		e.question = (const char *)sqlite3_column_text(s, 5);
		e.event = (const char *)sqlite3_column_text(s, 6);
		read_value(s, 7, &e.old_value);
		read_value(s, 9, &e.new_value);
		e.has_old = strcmp(e.event, "answer") != 0;
		e.has_new = strcmp(e.event, "clear") != 0;
		e.confirmed = sqlite3_column_int(s, 11);
		e.reason = (const char *)sqlite3_column_text(s, 12);
		e.clock_backwards = sqlite3_column_int(s, 13);
		if ((ret = fn(ctx, &e)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_int_fail_db(st, "cannot read the audit trail");
	sqlite3_finalize(s);
	return ret;
}

/* The last status event decides: a reopening not yet followed by a
 * completion or abandonment is still in effect. */
static const char reason_sql[] =
    "SELECT l.event, l.reason FROM interviews i JOIN answer_log l "
    "ON l.interview = i.uuid WHERE i.uuid = ?1 AND i.status = 'partial' "
    "AND l.question IS NULL ORDER BY l.seq DESC LIMIT 1";

int
store_interview_reopen_reason(struct store *st, const char *uuid,
    char **reason)
{
	sqlite3_stmt *s;
	int rc;

	*reason = NULL;
	if (uuid == NULL)
		return store_int_fail(st, "interview missing");
	if (prepare(st, reason_sql, &s) == -1)
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0),
	    "reopen") == 0 && sqlite3_column_type(s, 1) != SQLITE_NULL)
		*reason = xstrdup((const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_int_fail_db(st, "cannot read the audit trail");
	return 0;
}

/*
 * UUIDs are lowercase hex and dashes, all below '~' in ASCII: the
 * interviews starting with p are the keys in [p, p || '~'). The ends
 * are searched too because an interview's UUID now begins with its
 * device's digits (store_uuid_new), the same for every interview of a
 * laptop, and ends with random ones; that search reads every row, which
 * a command naming one interview can afford.
 */
static const char find_sql[] =
    "SELECT uuid FROM interviews WHERE uuid >= ?1 AND uuid < ?1 || '~' "
    "UNION SELECT uuid FROM interviews WHERE substr(uuid, -?2) = ?1 "
    "LIMIT 4";

/* Ambiguous: the ends of the first three matches (their random part),
 * which tell them apart and can be given as they are. */
#define FIND_SHOWN 3

int
store_interview_find(struct store *st, const char *prefix,
    char uuid_out[37])
{
	sqlite3_stmt *s;
	char p[37], ends[FIND_SHOWN][13];
	size_t i, n;
	int rc, found = 0;

	uuid_out[0] = '\0';
	n = prefix != NULL ? strlen(prefix) : 0;
	if (n < 8 || n > 36)
		return store_int_fail(st, "'%s' is not an interview UUID (give "
		    "at least its first or last 8 characters)",
		    prefix ? prefix : "");
	for (i = 0; i < n; i++) {
		if (!isxdigit((unsigned char)prefix[i]) && prefix[i] != '-')
			return store_int_fail(st, "'%s' is not an interview "
			    "UUID", prefix);
		p[i] = (char)tolower((unsigned char)prefix[i]);
	}
	p[n] = '\0';
	if (prepare(st, find_sql, &s) == -1)
		return -1;
	sqlite3_bind_text(s, 1, p, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(s, 0);
		size_t len = strlen(u);

		if (found == 0)
			snprintf(uuid_out, 37, "%s", u);
		if (found < FIND_SHOWN)
			snprintf(ends[found], sizeof ends[found], "%s",
			    u + (len > 12 ? len - 12 : 0));
		found++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		uuid_out[0] = '\0';
		return store_int_fail_db(st, "cannot look up interview '%s'",
		    prefix);
	}
	if (found == 1)
		return 0;
	uuid_out[0] = '\0';
	if (found == 0)
		return store_int_fail(st, "no interview '%s' in the database",
		    prefix);
	return store_int_fail(st, "'%s' begins or ends more than one "
	    "interview's UUID (the first 8 characters name the device); give "
	    "more of it, or the last characters of one: %s, %s%s%s%s", prefix,
	    ends[0], ends[1], found > 2 ? ", " : "", found > 2 ? ends[2] : "",
	    found > FIND_SHOWN ? ", ..." : "");
}
