/*
 * store-export.c: the microdata exporter's one read, every interview of a
 * questionnaire with its answers, in an order that needs no sort (the
 * interviews index by questionnaire and UUID, then the answers' key).
 */
#include "store.h"
#include "store-int.h"

#include <stdio.h>
#include <string.h>

static const char export_sql[] =
    "SELECT i.uuid, i.status, i.started_at, ifnull(i.ended_at, ''), "
    STORE_INT_UPDATED_AT ", i.device, i.enumerator, i.language, i.mode, i.stratum, "
    "i.cluster, i.household, i.weight, a.member, a.question, a.value, "
    "a.missing, a.answered_at, a.seconds, a.seq "
    "FROM interviews i LEFT JOIN answers a ON a.interview = i.uuid "
    "WHERE i.questionnaire = ?1 AND (?2 OR i.status = 'complete') "
    "ORDER BY i.uuid, a.member, a.question";

static const char *
text(sqlite3_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s, col);
}

static void
copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src != NULL ? src : "");
}

int
store_export_scan(struct store *st, int64_t qrow, int all_statuses,
    int (*fn)(void *ctx, const struct store_interview *iv,
    const struct store_answer *a), void *ctx)
{
	sqlite3_stmt *s;
	struct store_interview iv;
	struct store_answer a;
	struct store_value *v = &a.value;
	int rc, ret = 0;

	if (sqlite3_prepare_v2(store_int_db(st), export_sql, -1, &s, NULL) !=
	    SQLITE_OK)
		return store_int_fail_db(st, "cannot read interviews");
	sqlite3_bind_int64(s, 1, qrow);
	sqlite3_bind_int(s, 2, all_statuses != 0);
	memset(&iv, 0, sizeof iv);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (strcmp(iv.uuid, text(s, 0)) != 0) {
			/* The strings of the interview's columns would be
			 * rewritten by the next step: copy or re-read. */
			copy(iv.uuid, sizeof iv.uuid, text(s, 0));
			copy(iv.status, sizeof iv.status, text(s, 1));
			copy(iv.started_at, sizeof iv.started_at, text(s, 2));
			copy(iv.ended_at, sizeof iv.ended_at, text(s, 3));
			copy(iv.updated_at, sizeof iv.updated_at, text(s, 4));
			copy(iv.device, sizeof iv.device, text(s, 5));
			iv.questionnaire = qrow;
			iv.enumerator = (char *)text(s, 6);
			iv.language = (char *)text(s, 7);
			iv.mode = (char *)text(s, 8);
			iv.stratum = (char *)text(s, 9);
			iv.cluster = (char *)text(s, 10);
			iv.household = (char *)text(s, 11);
			iv.has_weight = sqlite3_column_type(s, 12) != SQLITE_NULL;
			iv.weight = sqlite3_column_double(s, 12);
			if ((ret = fn(ctx, &iv, NULL)) != 0)
				break;
		}
		if (sqlite3_column_type(s, 14) == SQLITE_NULL)
			continue;	/* an interview without answers */
		/* Reading the interview's text columns again keeps their
		 * pointers valid for this row. */
		iv.enumerator = (char *)text(s, 6);
		iv.language = (char *)text(s, 7);
		iv.mode = (char *)text(s, 8);
		iv.stratum = (char *)text(s, 9);
		iv.cluster = (char *)text(s, 10);
		iv.household = (char *)text(s, 11);
		memset(&a, 0, sizeof a);
		a.interview = iv.uuid;
		a.member = sqlite3_column_int(s, 13);
		a.question = text(s, 14);
		switch (sqlite3_column_type(s, 15)) {
		case SQLITE_INTEGER:
			v->type = STORE_INT;
			v->i = sqlite3_column_int64(s, 15);
			break;
		case SQLITE_FLOAT:
			v->type = STORE_REAL;
			v->r = sqlite3_column_double(s, 15);
			break;
		case SQLITE_TEXT:
			v->type = STORE_TEXT;
			v->text = text(s, 15);
			v->len = (size_t)sqlite3_column_bytes(s, 15);
			break;
		default:
			v->type = STORE_NULL;
			break;
		}
		v->missing = text(s, 16);
		a.answered_at = text(s, 17);
		a.seconds = sqlite3_column_type(s, 18) == SQLITE_NULL ? -1 :
		    sqlite3_column_double(s, 18);
		a.seq = sqlite3_column_int64(s, 19);
		if ((ret = fn(ctx, &iv, &a)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_int_fail_db(st, "cannot read interviews");
	sqlite3_finalize(s);
	return ret;
}
