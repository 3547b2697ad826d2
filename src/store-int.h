/*
 * store-int.h: what the store's own files share (store.c and the store-*.c
 * files that each add one area: merge, audit log, ...). Not for use outside
 * src/store*.c: everything else goes through store.h.
 */
#ifndef LCSURVEY_STORE_INT_H
#define LCSURVEY_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

/*
 * The largest sequence number in use. Single writes (an answer, a status)
 * log every number they take, so the log's largest covers them without a
 * counter rewritten per answer; bulk writes (import, merge) may write
 * answers without log rows and leave their largest in meta.seq. An
 * expression for a SELECT on the store's connection.
 */
#define STORE_INT_SEQ_TOP \
	"max((SELECT value FROM main.meta WHERE name = 'seq'), " \
	"ifnull((SELECT max(seq) FROM main.answer_log), 0))"

/*
 * When interview i (the alias) last changed: its own row's updated_at
 * (status, design, language), or its newest logged event, whichever is
 * later. An answer's save does not rewrite the interview's row; the log
 * row it writes already says when (answer_log_by_interview finds the
 * newest in one seek).
 */
#define STORE_INT_UPDATED_AT \
	"max(i.updated_at, ifnull((SELECT l.at FROM main.answer_log l " \
	"WHERE l.interview = i.uuid ORDER BY l.seq DESC LIMIT 1), ''))"

/* The open connection. */
sqlite3 *store_int_db(struct store *st);
/* Runs check(ctx), a PRAGMA quick_check of the caller's, with the
 * connection's CHECK constraints off, and on again after (store.c says
 * why); check's result, or -1 with a message if the flag cannot be set. */
int store_int_structure_check(struct store *st, int (*check)(void *ctx),
    void *ctx);
/* Sets the message for store_errmsg and returns -1. */
int store_int_fail(struct store *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same, followed by SQLite's message for the last error. */
int store_int_fail_db(struct store *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK on the store's connection; commit
 * rolls back itself when it fails. */
int store_int_begin(struct store *st);
int store_int_commit(struct store *st);
void store_int_rollback(struct store *st);
/* Fills *v from column col of s as SQLite typed it (text points into the
 * statement); v->missing is left alone. */
void store_int_column_value(sqlite3_stmt *s, int col, struct store_value *v);
/* Now, UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ". */
void store_int_now(char out[32]);

#endif
