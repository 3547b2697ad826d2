/*
 * store-int.h: what the store's own files share (store.c and the store-*.c
 * files that each add one area: merge, audit log, ...). Not for use outside
 * src/store*.c: everything else goes through store.h.
 */
#ifndef LCSURVEY_STORE_INT_H
#define LCSURVEY_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

/* The open connection. */
sqlite3 *store_int_db(struct store *st);
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
