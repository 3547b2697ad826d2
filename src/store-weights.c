/*
 * store-weights.c: runs of weights made by `lcsurvey weights` (tables
 * weight_runs and weights, schema version 4), written in one transaction
 * and read back by the aggregator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store-int.h"
#include "xmalloc.h"

static int
insert_run(struct store *st, const struct store_weight_run *r,
    int64_t *run_id)
{
	sqlite3 *db = store_int_db(st);
	sqlite3_stmt *s = NULL;
	struct buf lv = BUF_INIT;
	char now[32];
	size_t i;
	int rc = -1;

	for (i = 0; i < r->ncells * r->nmargins; i++)
		buf_addf(&lv, "%s%zu", i ? " " : "", r->level[i]);
	store_int_now(now);
	if (sqlite3_prepare_v2(db, "INSERT INTO weight_runs (questionnaire, "
	    "created_at, method, inputs, iterations, max_change, converged, "
	    "trimmed, ncells, nmargins, levels) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11)", -1, &s, NULL) != SQLITE_OK) {
		store_int_fail_db(st, "cannot record the weighting run");
		goto out;
	}
	if (sqlite3_bind_int64(s, 1, r->questionnaire) != SQLITE_OK ||
	    sqlite3_bind_text(s, 2, now, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(s, 3, r->method, -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_text(s, 4, r->inputs, -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int(s, 5, r->iterations) != SQLITE_OK ||
	    sqlite3_bind_double(s, 6, r->max_change) != SQLITE_OK ||
	    sqlite3_bind_int(s, 7, r->converged != 0) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 8, r->trimmed) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 9, (int64_t)r->ncells) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 10, (int64_t)r->nmargins) != SQLITE_OK ||
	    sqlite3_bind_text(s, 11, buf_str(&lv), -1, SQLITE_STATIC) !=
	    SQLITE_OK || sqlite3_step(s) != SQLITE_DONE) {
		store_int_fail_db(st, "cannot record the weighting run");
		goto out;
	}
	*run_id = sqlite3_last_insert_rowid(db);
	rc = 0;
out:
	sqlite3_finalize(s);
	buf_release(&lv);
	return rc;
}

int
store_weights_save(struct store *st, const struct store_weight_run *run,
    size_t n, const char *const *uuids, const double *weight,
    const size_t *cell, int64_t *run_id)
{
	sqlite3_stmt *s = NULL;
	int64_t id = 0;
	size_t i;

	if (store_int_begin(st) < 0)
		return -1;
	if (insert_run(st, run, &id) < 0)
		goto fail;
	if (sqlite3_prepare_v2(store_int_db(st), "INSERT INTO weights (run, "
	    "interview, weight, cell) VALUES (?1, ?2, ?3, ?4)", -1, &s,
	    NULL) != SQLITE_OK) {
		store_int_fail_db(st, "cannot store the weights");
		goto fail;
	}
	for (i = 0; i < n; i++) {
		sqlite3_reset(s);
		if (sqlite3_bind_int64(s, 1, id) != SQLITE_OK ||
		    sqlite3_bind_text(s, 2, uuids[i], -1, SQLITE_STATIC) !=
		    SQLITE_OK ||
		    sqlite3_bind_double(s, 3, weight[i]) != SQLITE_OK ||
		    sqlite3_bind_int64(s, 4, (int64_t)cell[i]) != SQLITE_OK ||
		    sqlite3_step(s) != SQLITE_DONE) {
			store_int_fail_db(st, "cannot store the weight of "
			    "interview %s", uuids[i]);
			goto fail;
		}
	}
	sqlite3_finalize(s);
	if (store_int_commit(st) < 0)
		return -1;
	if (run_id != NULL)
		*run_id = id;
	return 0;
fail:
	sqlite3_finalize(s);
	store_int_rollback(st);
	return -1;
}

/* Parses the levels column: exactly n numbers. */
static int
parse_levels(const char *t, size_t n, size_t *out)
{
	size_t i;
	char *end;

	for (i = 0; i < n; i++) {
		unsigned long long v;

		if (t == NULL)
			return -1;
		v = strtoull(t, &end, 10);
		if (end == t)
			return -1;
		out[i] = (size_t)v;
		t = end;
	}
	return 0;
}

int
store_weights_load(struct store *st, int64_t qrow, struct store_weights *out)
{
	sqlite3 *db = store_int_db(st);
	sqlite3_stmt *s = NULL;
	size_t cap = 0, nl;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(db, "SELECT id, method, ncells, nmargins, "
	    "levels FROM weight_runs WHERE questionnaire = ?1 "
	    "ORDER BY id DESC LIMIT 1", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 1, qrow) != SQLITE_OK) {
		sqlite3_finalize(s);
		return store_int_fail_db(st, "cannot read the weighting runs");
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(s);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return store_int_fail_db(st, "cannot read the weighting runs");
	}
	out->run = sqlite3_column_int64(s, 0);
	snprintf(out->method, sizeof out->method, "%s",
	    (const char *)sqlite3_column_text(s, 1));
	out->ncells = (size_t)sqlite3_column_int64(s, 2);
	out->nmargins = (size_t)sqlite3_column_int64(s, 3);
	nl = out->ncells * out->nmargins;
	out->level = xcalloc(nl + 1, sizeof *out->level);
	if (parse_levels((const char *)sqlite3_column_text(s, 4), nl,
	    out->level) < 0) {
		sqlite3_finalize(s);
		return store_int_fail(st, "weighting run %lld: malformed "
		    "levels", (long long)out->run);
	}
	sqlite3_finalize(s);

	if (sqlite3_prepare_v2(db, "SELECT i.rowid, w.weight, w.cell "
	    "FROM weights w JOIN interviews i ON i.uuid = w.interview "
	    "WHERE w.run = ?1 ORDER BY i.rowid", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(s, 1, out->run) != SQLITE_OK) {
		sqlite3_finalize(s);
		return store_int_fail_db(st, "cannot read the weights");
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t i = out->n;

		if (i + 1 > cap) {
			size_t c = cap;

			xgrow((void **)&out->rowid, &c, i + 1,
			    sizeof *out->rowid);
			c = cap;
			xgrow((void **)&out->weight, &c, i + 1,
			    sizeof *out->weight);
			c = cap;
			xgrow((void **)&out->cell, &c, i + 1,
			    sizeof *out->cell);
			cap = c;
		}
		out->rowid[i] = sqlite3_column_int64(s, 0);
		out->weight[i] = sqlite3_column_double(s, 1);
		out->cell[i] = (size_t)sqlite3_column_int64(s, 2);
		out->n++;
		if (out->cell[i] >= out->ncells && out->ncells > 0) {
			sqlite3_finalize(s);
			return store_int_fail(st, "weighting run %lld: cell "
			    "out of range", (long long)out->run);
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_int_fail_db(st, "cannot read the weights");
	return 0;
}

void
store_weights_release(struct store_weights *w)
{
	if (w == NULL)
		return;
	free(w->level);
	free(w->rowid);
	free(w->weight);
	free(w->cell);
	memset(w, 0, sizeof *w);
}

long
store_weights_find(const struct store_weights *w, int64_t rowid)
{
	size_t lo = 0, hi = w->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (w->rowid[mid] < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < w->n && w->rowid[lo] == rowid ? (long)lo : -1;
}
