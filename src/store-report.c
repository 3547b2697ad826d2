/*
 * store-report.c: the field report's reads. The grouping by day and
 * enumerator is SQL's; the medians are computed by the caller, from rows
 * that arrive already grouped.
 */
#include "store.h"
#include "store-int.h"

/* The local day, as a supervisor's evening is the wall clock's. */
static const char interviews_sql[] =
    "SELECT date(started_at, 'localtime') AS day, ifnull(enumerator, '') "
    "AS enumerator, status, CASE WHEN ended_at IS NULL THEN -1 ELSE "
    "max(0, (julianday(ended_at) - julianday(started_at)) * 86400) END "
    "FROM interviews ORDER BY day, enumerator";

static const char answers_sql[] =
    "SELECT date(i.started_at, 'localtime') AS day, "
    "ifnull(i.enumerator, '') AS enumerator, a.question, "
    "ifnull(a.seconds, -1), a.missing "
    "FROM interviews i JOIN answers a ON a.interview = i.uuid "
    "ORDER BY day, enumerator, a.question";

int
store_report_interviews(struct store *st,
    int (*fn)(void *ctx, const struct store_report_interview *iv),
    void *ctx)
{
	struct store_report_interview r;
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (sqlite3_prepare_v2(store_int_db(st), interviews_sql, -1, &s,
	    NULL) != SQLITE_OK)
		return store_int_fail_db(st, "cannot read interviews");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.day = (const char *)sqlite3_column_text(s, 0);
		r.enumerator = (const char *)sqlite3_column_text(s, 1);
		r.status = (const char *)sqlite3_column_text(s, 2);
		r.duration = sqlite3_column_double(s, 3);
		if (r.day == NULL)
			r.day = "";	/* a hand-edited, unreadable time */
		if ((ret = fn(ctx, &r)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_int_fail_db(st, "cannot read interviews");
	sqlite3_finalize(s);
	return ret;
}

int
store_report_answers(struct store *st,
    int (*fn)(void *ctx, const struct store_report_answer *a), void *ctx)
{
	struct store_report_answer r;
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (sqlite3_prepare_v2(store_int_db(st), answers_sql, -1, &s, NULL) !=
	    SQLITE_OK)
		return store_int_fail_db(st, "cannot read answers");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.day = (const char *)sqlite3_column_text(s, 0);
		r.enumerator = (const char *)sqlite3_column_text(s, 1);
		r.question = (const char *)sqlite3_column_text(s, 2);
		r.seconds = sqlite3_column_double(s, 3);
		r.missing = (const char *)sqlite3_column_text(s, 4);
		if (r.day == NULL)
			r.day = "";
		if ((ret = fn(ctx, &r)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_int_fail_db(st, "cannot read answers");
	sqlite3_finalize(s);
	return ret;
}
