/*
 * store.c: interviews and answers in SQLite, the only file that speaks SQL.
 *
 * Field laptops lose power, so every answer is its own durable transaction
 * (WAL, synchronous=FULL), and the schema is versioned so files written by
 * older releases are migrated forward, never rewritten by hand. The file
 * format itself is described in man/lcsurvey-store.5; keep the two in step.
 */
#include "store.h"
#include "store-int.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "sec.h"
#include "strutil.h"
#include "xmalloc.h"

/* PRAGMA application_id, "LCSV": tells our files from other SQLite files. */
#define STORE_APP_ID 0x4C435356

/* How long a writer waits for another connection's write to finish. */
#define STORE_BUSY_MS 5000

/*
 * migrations[v] takes a database from user_version v to v + 1, in one
 * transaction. Released scripts are never edited: a change to the schema
 * is a new script appended here (and a new STORE_SCHEMA_VERSION), so every
 * file ever written can still be brought forward.
 *
 * Version 2 (the secondary index) is kept apart from version 1 (the
 * tables) so that every new file goes through the migration path, and the
 * unit tests can migrate a hand-built version 1 file.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the tables. */
	"CREATE TABLE meta (\n"
	"	name TEXT PRIMARY KEY NOT NULL,\n"
	"	value\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO meta (name, value) VALUES ('seq', 0);\n"
	"INSERT INTO meta (name, value)\n"
	"    VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));\n"
	"CREATE TABLE questionnaires (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	survey_id TEXT NOT NULL,\n"
	"	version TEXT NOT NULL,\n"
	"	hash TEXT NOT NULL UNIQUE\n"
	"	    CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),\n"
	"	source BLOB NOT NULL,\n"
	"	added_at TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE interviews (\n"
	"	uuid TEXT PRIMARY KEY NOT NULL CHECK (length(uuid) = 36),\n"
	"	questionnaire INTEGER NOT NULL REFERENCES questionnaires (id),\n"
	"	status TEXT NOT NULL DEFAULT 'partial'\n"
	"	    CHECK (status IN ('partial', 'complete', 'abandoned')),\n"
	"	started_at TEXT NOT NULL,\n"
	"	ended_at TEXT,\n"
	"	updated_at TEXT NOT NULL,\n"
	"	enumerator TEXT,\n"
	"	device TEXT NOT NULL CHECK (length(device) = 36),\n"
	"	language TEXT,\n"
	"	mode TEXT NOT NULL\n"
	"	    CHECK (mode IN ('interview', 'kiosk', 'import', 'simulate')),\n"
	"	stratum TEXT,\n"
	"	cluster TEXT,\n"
	"	household TEXT,\n"
	"	weight REAL CHECK (weight IS NULL OR weight > 0),\n"
	"	CHECK ((status = 'partial') = (ended_at IS NULL))\n"
	");\n"
	"CREATE TABLE answers (\n"
	"	interview TEXT NOT NULL REFERENCES interviews (uuid),\n"
	"	member INTEGER NOT NULL CHECK (member >= 0),\n"
	"	question TEXT NOT NULL,\n"
	"	value CHECK (typeof(value) IN ('null', 'integer', 'real', 'text')),\n"
	"	missing TEXT CHECK (missing IN ('dont_know', 'refused')),\n"
	"	answered_at TEXT NOT NULL,\n"
	"	seconds REAL CHECK (seconds IS NULL OR seconds >= 0),\n"
	"	seq INTEGER NOT NULL UNIQUE,\n"
	"	PRIMARY KEY (interview, member, question),\n"
	"	CHECK (missing IS NULL OR value IS NULL)\n"
	") WITHOUT ROWID;\n",

	/*
	 * 1 -> 2: the index the aggregator's scan and the listings use.
	 * UNIQUE (trivially, uuid being the key) tells the planner each
	 * index entry is a distinct interview, so the answers' primary key
	 * order carries through and ST_A_SCAN needs no sort.
	 */
	"CREATE UNIQUE INDEX interviews_by_questionnaire\n"
	"    ON interviews (questionnaire, uuid, status);\n",

	/*
	 * 2 -> 3: the audit trail. A log row shares its number with the
	 * answer it wrote (both from meta.seq), so the log and the answers
	 * interleave in one order. The indexes serve `lcsurvey log` (by
	 * interview) and the clock check on every write (the device's last
	 * event); seq, the rowid, ends every index entry, so both come out
	 * in sequence order.
	 */
	"ALTER TABLE answers ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0\n"
	"    CHECK (confirmed IN (0, 1));\n"
	"CREATE TABLE answer_log (\n"
	"	seq INTEGER PRIMARY KEY,\n"
	"	device TEXT NOT NULL CHECK (length(device) = 36),\n"
	"	interview TEXT NOT NULL REFERENCES interviews (uuid),\n"
	"	member INTEGER CHECK (member >= 0),\n"
	"	question TEXT,\n"
	"	event TEXT NOT NULL CHECK (event IN ('answer', 'change',\n"
	"	    'confirm', 'clear', 'complete', 'abandon', 'reopen')),\n"
	"	old_value CHECK (typeof(old_value) IN ('null', 'integer', 'real',\n"
	"	    'text')),\n"
	"	old_missing TEXT CHECK (old_missing IN ('dont_know', 'refused')),\n"
	"	new_value CHECK (typeof(new_value) IN ('null', 'integer', 'real',\n"
	"	    'text')),\n"
	"	new_missing TEXT CHECK (new_missing IN ('dont_know', 'refused')),\n"
	"	confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),\n"
	"	reason TEXT,\n"
	"	at TEXT NOT NULL,\n"
	"	clock_backwards INTEGER NOT NULL DEFAULT 0\n"
	"	    CHECK (clock_backwards IN (0, 1)),\n"
	"	CHECK ((member IS NULL) = (question IS NULL)),\n"
	"	CHECK ((question IS NULL) =\n"
	"	    (event IN ('complete', 'abandon', 'reopen'))),\n"
	"	CHECK (old_missing IS NULL OR old_value IS NULL),\n"
	"	CHECK (new_missing IS NULL OR new_value IS NULL)\n"
	");\n"
	"CREATE INDEX answer_log_by_interview ON answer_log (interview);\n"
	"CREATE INDEX answer_log_by_device ON answer_log (device);\n",

	/*
	 * 3 -> 4: weights made by `lcsurvey weights` (store-weights.c). A
	 * run records how its weights were made; the newest run of a
	 * questionnaire is the one `aggregate` uses. interviews.weight (the
	 * field's weight) is never overwritten, so a run can be redone.
	 * levels holds ncells x nmargins level numbers, cell by cell, for the
	 * calibrated standard errors.
	 */
	"CREATE TABLE weight_runs (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	questionnaire INTEGER NOT NULL REFERENCES questionnaires (id),\n"
	"	created_at TEXT NOT NULL,\n"
	"	method TEXT NOT NULL\n"
	"	    CHECK (method IN ('base', 'poststratify', 'rake')),\n"
	"	inputs TEXT NOT NULL,\n"
	"	iterations INTEGER NOT NULL CHECK (iterations >= 0),\n"
	"	max_change REAL NOT NULL,\n"
	"	converged INTEGER NOT NULL CHECK (converged IN (0, 1)),\n"
	"	trimmed INTEGER NOT NULL CHECK (trimmed >= 0),\n"
	"	ncells INTEGER NOT NULL CHECK (ncells >= 0),\n"
	"	nmargins INTEGER NOT NULL CHECK (nmargins >= 0),\n"
	"	levels TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE weights (\n"
	"	run INTEGER NOT NULL REFERENCES weight_runs (id),\n"
	"	interview TEXT NOT NULL REFERENCES interviews (uuid),\n"
	"	weight REAL NOT NULL CHECK (weight > 0),\n"
	"	cell INTEGER NOT NULL CHECK (cell >= 0),\n"
	"	PRIMARY KEY (run, interview)\n"
	") WITHOUT ROWID;\n",

	/*
	 * 4 -> 5: fewer pages written per answer (issue 3: an answer's save
	 * within 2x a bare insert; each B-tree an answer touches is one more
	 * page in the WAL before the fsync). The clock check now compares
	 * with the device's last event as the connection remembers it
	 * (looked up once), so answer_log_by_device serves nothing; and
	 * answers.seq loses its UNIQUE index (the numbers are unique by
	 * construction, and nothing looks an answer up by its number), which
	 * takes a rebuild. The counter and interviews.updated_at are no longer
	 * rewritten per answer either (see next_seq, STORE_INT_UPDATED_AT);
	 * neither needs a schema change.
	 */
	"DROP INDEX answer_log_by_device;\n"
	"CREATE TABLE answers_v5 (\n"
	"	interview TEXT NOT NULL REFERENCES interviews (uuid),\n"
	"	member INTEGER NOT NULL CHECK (member >= 0),\n"
	"	question TEXT NOT NULL,\n"
	"	value CHECK (typeof(value) IN ('null', 'integer', 'real', 'text')),\n"
	"	missing TEXT CHECK (missing IN ('dont_know', 'refused')),\n"
	"	answered_at TEXT NOT NULL,\n"
	"	seconds REAL CHECK (seconds IS NULL OR seconds >= 0),\n"
	"	seq INTEGER NOT NULL,\n"
	"	confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),\n"
	"	PRIMARY KEY (interview, member, question),\n"
	"	CHECK (missing IS NULL OR value IS NULL)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO answers_v5 SELECT interview, member, question, value,\n"
	"    missing, answered_at, seconds, seq, confirmed FROM answers;\n"
	"DROP TABLE answers;\n"
	"ALTER TABLE answers_v5 RENAME TO answers;\n",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(NMIGRATIONS == STORE_SCHEMA_VERSION,
    "one migration per schema version");

/* The columns struct store_interview is filled from, in fill_interview's
 * order. */
#define INTERVIEW_COLS \
	"i.uuid, i.questionnaire, i.status, i.started_at, i.ended_at, " \
	STORE_INT_UPDATED_AT ", i.device, q.survey_id, q.version, i.enumerator, " \
	"i.language, i.mode, i.stratum, i.cluster, i.household, i.weight, " \
	"(SELECT count(*) FROM answers a WHERE a.interview = i.uuid) " \
	"FROM interviews i JOIN questionnaires q ON q.id = i.questionnaire "

/* The columns struct store_answer is filled from, in read_answer's order. */
#define ANSWER_COLS \
	"a.interview, a.member, a.question, a.value, a.missing, " \
	"a.answered_at, a.seconds, a.seq, a.confirmed "

/* Every statement, prepared once at open and reused. */
enum {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_META_GET,
	ST_META_ADD,
	ST_SEQ_NEXT,
	ST_Q_FIND,
	ST_Q_ADD,
	ST_Q_SOURCE,
	ST_I_ADD,
	ST_I_STATUS,
	ST_I_DESIGN,
	ST_I_LANG,
	ST_I_GET,
	ST_I_LIST,
	ST_I_COUNT,
	ST_I_COUNT_Q,
	ST_A_PUT,
	ST_A_CLEAR,
	ST_A_LIST,
	ST_A_SCAN,
	ST_A_OLD,
	ST_I_STATUS_OF,
	ST_L_ADD,
	ST_L_LAST,
	ST__N
};

static const char *const stmt_sql[ST__N] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_META_GET] = "SELECT value FROM meta WHERE name = ?1",
	[ST_META_ADD] =
	    "INSERT OR IGNORE INTO meta (name, value) VALUES (?1, ?2)",
	[ST_SEQ_NEXT] = "SELECT " STORE_INT_SEQ_TOP " + 1",
	[ST_Q_FIND] = "SELECT id FROM questionnaires WHERE hash = ?1",
	[ST_Q_ADD] =
	    "INSERT INTO questionnaires "
	    "(survey_id, version, hash, source, added_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_Q_SOURCE] = "SELECT source, hash FROM questionnaires WHERE id = ?1",
	[ST_I_ADD] =
	    "INSERT INTO interviews (uuid, questionnaire, status, started_at, "
	    "updated_at, enumerator, device, language, mode) "
	    "VALUES (?1, ?2, 'partial', ?3, ?3, ?4, ?5, ?6, ?7)",
	[ST_I_STATUS] =
	    "UPDATE interviews SET status = ?2, ended_at = ?3, updated_at = ?4 "
	    "WHERE uuid = ?1",
	[ST_I_DESIGN] =
	    "UPDATE interviews SET stratum = ?2, cluster = ?3, household = ?4, "
	    "weight = ?5, updated_at = ?6 WHERE uuid = ?1",
	[ST_I_LANG] =
	    "UPDATE interviews SET language = ?2, updated_at = ?3 "
	    "WHERE uuid = ?1",
	[ST_I_GET] = "SELECT " INTERVIEW_COLS "WHERE i.uuid = ?1",
	[ST_I_LIST] =
	    "SELECT " INTERVIEW_COLS
	    "WHERE ?1 = 0 OR i.questionnaire = ?1 "
	    "ORDER BY i.started_at DESC, i.rowid DESC",
	/* Local day: a kiosk administrator's "today" is the wall clock's. */
	[ST_I_COUNT] =
	    "SELECT status, count(*) FROM interviews "
	    "WHERE (?1 = 0 OR questionnaire = ?1) AND (?2 IS NULL OR "
	    "date(CASE status WHEN 'partial' THEN started_at ELSE ended_at END,"
	    " 'localtime') = ?2) GROUP BY status",
	/* One questionnaire, any day: read from interviews_by_questionnaire
	 * alone (the clauses above would need every row), so sizing the
	 * progress bar of a million-interview aggregate costs milliseconds. */
	[ST_I_COUNT_Q] =
	    "SELECT status, count(*) FROM interviews WHERE questionnaire = ?1 "
	    "GROUP BY status",
	[ST_A_PUT] =
	    "INSERT INTO answers (interview, member, question, value, missing, "
	    "answered_at, seconds, seq, confirmed) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
	    "ON CONFLICT (interview, member, question) DO UPDATE SET "
	    "value = excluded.value, missing = excluded.missing, "
	    "answered_at = excluded.answered_at, seconds = excluded.seconds, "
	    "seq = excluded.seq, confirmed = excluded.confirmed",
	[ST_A_CLEAR] =
	    "DELETE FROM answers "
	    "WHERE interview = ?1 AND member = ?2 AND question = ?3",
	[ST_A_LIST] =
	    "SELECT " ANSWER_COLS "FROM answers a WHERE a.interview = ?1 "
	    "ORDER BY a.seq",
	/*
	 * Outer loop over interviews_by_questionnaire (uuid order, status
	 * filtered inside the index), inner loop over the answers' primary
	 * key: rows come out in the ORDER BY order without a sort. i.status
	 * changes nothing in the order (one status per uuid) but completes
	 * the unique index's columns, which is what lets the planner see
	 * that; check with EXPLAIN QUERY PLAN after any change here.
	 */
	[ST_A_SCAN] =
	    "SELECT " ANSWER_COLS
	    "FROM interviews i JOIN answers a ON a.interview = i.uuid "
	    "WHERE i.questionnaire = ?1 AND (i.status = 'complete' OR "
	    "(?2 AND i.status = 'partial')) "
	    "ORDER BY i.uuid, i.status, a.member, a.question",
	[ST_A_OLD] =
	    "SELECT value, missing, confirmed FROM answers "
	    "WHERE interview = ?1 AND member = ?2 AND question = ?3",
	[ST_I_STATUS_OF] = "SELECT status FROM interviews WHERE uuid = ?1",
	[ST_L_ADD] =
	    "INSERT INTO answer_log (seq, device, interview, member, question, "
	    "event, old_value, old_missing, new_value, new_missing, confirmed, "
	    "reason, at, clock_backwards) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	/* Without an index on device: the scan runs backwards from the
	 * newest row and stops at the device's own, which on a field laptop
	 * is the newest. Once per connection (see clock_backwards). */
	[ST_L_LAST] =
	    "SELECT at FROM answer_log WHERE device = ?1 "
	    "ORDER BY seq DESC LIMIT 1",
};

struct store {
	sqlite3 *db;
	char *path;
	int memory;		/* ":memory:", which has no WAL */
	int batch;		/* inside store_batch_begin: one outer transaction */
	char device[37];
	/* The time of this device's last event, for the clock check; valid
	 * when last_at_known. Forgotten on rollback, read again when next
	 * needed. Another process writing for the same device meanwhile can
	 * leave it behind that process's events: the check then compares
	 * with an earlier event of the same clock, which only misses a jump
	 * that the other process's events hide. */
	char last_at[32];
	int last_at_known;
	struct buf err;
	sqlite3_stmt *stmt[ST__N];
};

static int fail(struct store *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static int fail_db(struct store *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* Sets the message for store_errmsg, with SQLite's message for the last
 * error after it when with_db, and returns -1. */
static int
vfail(struct store *st, int with_db, const char *fmt, va_list ap)
{
	buf_reset(&st->err);
	buf_vaddf(&st->err, fmt, ap);
	if (with_db)
		buf_addf(&st->err, ": %s", sqlite3_errmsg(st->db));
	return -1;
}

static int
fail(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(st, 0, fmt, ap);
	va_end(ap);
	return -1;
}

/* Like fail, followed by SQLite's message for the last error. */
static int
fail_db(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(st, 1, fmt, ap);
	va_end(ap);
	return -1;
}

/* A prepared statement, ready to bind: a previous use always resets. */
static sqlite3_stmt *
stmt(struct store *st, int which)
{
	return st->stmt[which];
}

/* Ends one use of a statement: releases its read snapshot and the
 * caller's strings it was bound to (SQLITE_STATIC). */
static void
done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Steps a statement that returns no row of interest, then resets it. */
static int
run(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		fail_db(st, "cannot %s", what);
		done(s);
		return -1;
	}
	done(s);
	return 0;
}

static int
tx_begin(struct store *st)
{
	if (st->batch)
		return 0;
	return run(st, stmt(st, ST_BEGIN), "begin a transaction");
}

/* Undoes the open transaction, if SQLite has not already done so (it
 * rolls back by itself after some errors, such as SQLITE_FULL). Keeps the
 * message of the error that led here. */
static void
tx_rollback(struct store *st)
{
	st->last_at_known = 0;
	if (!sqlite3_get_autocommit(st->db)) {
		sqlite3_step(stmt(st, ST_ROLLBACK));
		done(stmt(st, ST_ROLLBACK));
	}
}

static int
tx_commit(struct store *st)
{
	if (st->batch)
		return 0;
	if (run(st, stmt(st, ST_COMMIT), "commit") == -1) {
		fail_db(st, "cannot commit to '%s'", st->path);
		tx_rollback(st);
		return -1;
	}
	return 0;
}

/* Binds t, or NULL; SQLite keeps the pointer (SQLITE_STATIC) or a copy
 * (SQLITE_TRANSIENT) as d says. */
static int
bind_text_d(sqlite3_stmt *s, int i, const char *t, sqlite3_destructor_type d)
{
	if (t == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, t, -1, d);
}

static int
bind_text_or_null(sqlite3_stmt *s, int i, const char *t)
{
	return bind_text_d(s, i, t, SQLITE_STATIC);
}

/* Checks every bind of one statement at once: rc accumulates the first
 * failure (binds only fail on programming errors or huge values). */
static int
bound(struct store *st, sqlite3_stmt *s, int rc)
{
	if (rc != SQLITE_OK) {
		fail(st, "cannot bind a value: %s", sqlite3_errstr(rc));
		done(s);
		return -1;
	}
	return 0;
}
#define BIND(rc, call) do { if ((rc) == SQLITE_OK) (rc) = (call); } while (0)

/* 1 if t is "YYYY-MM-DDTHH:MM:SS.mmmZ" in shape. */
static int
is_timestamp(const char *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? !(t[i] >= '0' && t[i] <= '9') :
		    t[i] != shape[i])
			return 0;
	}
	return t[i] == '\0';
}

/*
 * Now, UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ": sorts as text, read by date().
 * LCSURVEY_FAKE_NOW, a time of that shape, replaces the clock: a test
 * hook (lcsurvey(1), ENVIRONMENT), so that the tests can set a clock that
 * goes backwards and check that the audit trail says so.
 */
static void
now_iso(char out[32])
{
	struct timespec ts;
	struct tm tm;
	const char *fake = getenv("LCSURVEY_FAKE_NOW");

	if (fake != NULL && is_timestamp(fake)) {
		snprintf(out, 32, "%s", fake);
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + 19, 32 - 19, ".%03uZ",
	    (unsigned)(ts.tv_nsec / 1000000L) % 1000u);
}

/* Copies a text column into a fixed array; "" for NULL. */
static void
copy_col(char *dst, size_t n, sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	snprintf(dst, n, "%s", t != NULL ? (const char *)t : "");
}

static char *
dup_col(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* ---- opening ------------------------------------------------------------ */

/* Turns a missing directory or a directory given as the file into plain
 * words; SQLite would only say "unable to open database file". */
static int
check_path(struct store *st)
{
	struct stat sb;
	const char *slash;
	char *dir;
	int ret = 0;

	if (st->path[0] == '\0')
		return fail(st, "empty file name");
	if (stat(st->path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return fail(st, "it is a directory");
		return 0;
	}
	if (errno != ENOENT)
		return fail(st, "%s", strerror(errno));
	slash = strrchr(st->path, '/');
	if (slash == NULL)
		dir = xstrdup(".");
	else if (slash == st->path)
		dir = xstrdup("/");
	else
		dir = xstrndup(st->path, (size_t)(slash - st->path));
	if (stat(dir, &sb) == -1) {
		if (errno == ENOENT)
			ret = fail(st, "directory '%s' does not exist "
			    "(create it first)", dir);
		else
			ret = fail(st, "'%s': %s", dir, strerror(errno));
	} else if (!S_ISDIR(sb.st_mode))
		ret = fail(st, "'%s' is not a directory", dir);
	free(dir);
	return ret;
}

/* Runs a one-shot SQL text returning at most one row; *out is its first
 * column as an integer (0 without a row). */
static int
query_int(struct store *st, const char *sql, int *out)
{
	sqlite3_stmt *s;
	int rc;

	*out = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return fail_db(st, "cannot run '%s'", sql);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	else if (rc != SQLITE_DONE)
		fail_db(st, "cannot run '%s'", sql);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The first row of PRAGMA quick_check, "ok" or a refusal. */
static int
quick_check(void *ctx)
{
	struct store *st = ctx;
	sqlite3_stmt *s = NULL;
	char first[200], *nl;
	int rc;

	rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	if ((rc & 0xff) == SQLITE_NOTADB) {
		sqlite3_finalize(s);
		return fail(st, "not an SQLite database");
	}
	if (rc != SQLITE_ROW) {
		fail_db(st, "failed PRAGMA quick_check");
		sqlite3_finalize(s);
		return -1;
	}
	if (sqlite3_column_text(s, 0) == NULL ||
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0) {
		copy_col(first, sizeof first, s, 0);
		/* Its report has line breaks; messages are one line. */
		for (nl = first; (nl = strchr(nl, '\n')) != NULL;)
			*nl = ' ';
		fail(st, "failed PRAGMA quick_check: %s", first);
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_finalize(s);
	return 0;
}

/*
 * Integrity checks of structure only (B-trees, NOT NULL, UNIQUE): the
 * rows' CHECK constraints are left out (ignore_check_constraints, which
 * integrity checks honour). Evaluating them took 8 of the 10 s a check at
 * open spent on a file of a million respondents (1.3 GB), and 90% of a
 * merge input's; SQLite enforces them on every write anyway, the target's
 * on every row a merge copies. The flag is the connection's: it is off
 * again before anything else runs, whatever check returned.
 */
int
store_int_structure_check(struct store *st, int (*check)(void *ctx),
    void *ctx)
{
	int rc;

	if (sqlite3_exec(st->db, "PRAGMA ignore_check_constraints = 1", NULL,
	    NULL, NULL) != SQLITE_OK)
		return fail_db(st, "cannot check the file");
	rc = check(ctx);
	if (sqlite3_exec(st->db, "PRAGMA ignore_check_constraints = 0", NULL,
	    NULL, NULL) != SQLITE_OK && rc == 0)
		rc = fail_db(st, "cannot turn CHECK constraints back on");
	return rc;
}

/* Refuses what is not an SQLite file, or is damaged, before anything is
 * written to it. */
static int
check_file(struct store *st)
{
	return store_int_structure_check(st, quick_check, st);
}

/* Refuses files we must not touch: another program's database, or one
 * from a newer lcsurvey. *version receives PRAGMA user_version. */
static int
check_owner(struct store *st, int *version)
{
	int appid, nobjects;

	if (query_int(st, "PRAGMA application_id", &appid) == -1 ||
	    query_int(st, "PRAGMA user_version", version) == -1)
		return -1;
	if (appid != 0 && appid != STORE_APP_ID)
		return fail(st, "not an lcsurvey database "
		    "(SQLite application id %#x)", (unsigned)appid);
	if (*version > NMIGRATIONS)
		return fail(st, "database schema version %d is newer than "
		    "this lcsurvey understands (%d); upgrade lcsurvey",
		    *version, NMIGRATIONS);
	if (*version < 0)
		return fail(st, "invalid database schema version %d", *version);
	if (*version == 0) {
		if (query_int(st, "SELECT count(*) FROM sqlite_schema",
		    &nobjects) == -1)
			return -1;
		if (nobjects > 0)
			return fail(st, "an SQLite database, but not an "
			    "lcsurvey one (it has tables and no schema "
			    "version)");
	}
	return 0;
}

static int
set_pragmas(struct store *st)
{
	sqlite3_stmt *s;
	int rc, fk;
	char mode[16] = "";

	/* Double-quoted strings as literals hide typos in identifiers;
	 * defensive mode stops SQL from corrupting the file on purpose. */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);

	if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s,
	    NULL) != SQLITE_OK)
		return fail_db(st, "cannot set the journal mode");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		copy_col(mode, sizeof mode, s, 0);
	else
		fail_db(st, "cannot set the journal mode");
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return -1;
	if (strcmp(mode, st->memory ? "memory" : "wal") != 0)
		return fail(st, "cannot use write-ahead logging (journal mode "
		    "is '%s'); is the file on a network file system?", mode);

	if (sqlite3_exec(st->db, "PRAGMA synchronous = FULL", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL,
	    NULL) != SQLITE_OK)
		return fail_db(st, "cannot set pragmas");
	if (query_int(st, "PRAGMA foreign_keys", &fk) == -1)
		return -1;
	if (fk != 1)
		return fail(st, "this SQLite has no foreign key support");
	return 0;
}

/* Runs migrations[version] in one transaction. Another process may be
 * migrating the same file: BEGIN IMMEDIATE waits for it, and the version
 * is read again inside the transaction. */
static int
migrate_one(struct store *st, int *version)
{
	sqlite3_stmt *s;
	char *sql;
	int v, rc, nobjects;

	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return fail_db(st, "cannot begin a transaction");
	if (query_int(st, "PRAGMA user_version", &v) == -1)
		goto bad;
	if (v != *version) {
		/* Someone else moved it on; start again from there. */
		*version = v;
		if (v > NMIGRATIONS) {
			fail(st, "database schema version %d is newer than "
			    "this lcsurvey understands (%d); upgrade lcsurvey",
			    v, NMIGRATIONS);
			goto bad;
		}
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return 0;
	}
	if (v == 0) {
		if (query_int(st, "SELECT count(*) FROM sqlite_schema",
		    &nobjects) == -1)
			goto bad;
		if (nobjects > 0) {
			fail(st, "an SQLite database, but not an lcsurvey one");
			goto bad;
		}
	}
	if (sqlite3_exec(st->db, migrations[v], NULL, NULL, NULL) !=
	    SQLITE_OK) {
		fail_db(st, "cannot migrate schema version %d to %d", v, v + 1);
		goto bad;
	}

	/* A migration that rebuilds a table must not leave dangling
	 * references behind. */
	if (sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s,
	    NULL) != SQLITE_OK) {
		fail_db(st, "cannot check foreign keys");
		goto bad;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		fail(st, "migration to schema version %d leaves a dangling "
		    "reference in table '%s'", v + 1,
		    (const char *)sqlite3_column_text(s, 0));
	else if (rc != SQLITE_DONE)
		fail_db(st, "cannot check foreign keys");
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		goto bad;

	/* Pragmas take no bound parameters; these are our own integers. */
	sql = sqlite3_mprintf("PRAGMA user_version = %d; "
	    "PRAGMA application_id = %d", v + 1, STORE_APP_ID);
	if (sql == NULL) {
		fail(st, "out of memory");
		goto bad;
	}
	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		fail_db(st, "cannot set the schema version");
		goto bad;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		fail_db(st, "cannot commit schema version %d", v + 1);
		goto bad;
	}
	*version = v + 1;
	return 0;

bad:
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int
prepare_all(struct store *st)
{
	int i;

	for (i = 0; i < ST__N; i++) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &st->stmt[i], NULL) != SQLITE_OK)
			return fail_db(st, "cannot prepare statement %d", i);
	}
	return 0;
}

/* Reads meta's text value for name into out[n]; 1 found, 0 not, -1. */
static int
meta_get(struct store *st, const char *name, char *out, size_t n)
{
	sqlite3_stmt *s = stmt(st, ST_META_GET);
	int rc, found;

	if (bound(st, s, sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC)))
		return -1;
	rc = sqlite3_step(s);
	found = rc == SQLITE_ROW;
	if (found)
		copy_col(out, n, s, 0);
	else if (rc != SQLITE_DONE)
		fail_db(st, "cannot read '%s'", name);
	done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

/* The device id is made by whichever connection first needs it; INSERT
 * OR IGNORE and reading it back make that safe between processes. */
static int
load_device(struct store *st)
{
	sqlite3_stmt *s = stmt(st, ST_META_ADD);
	char uuid[37];
	int rc = SQLITE_OK, found;

	if ((found = meta_get(st, "device", st->device, sizeof st->device)))
		return found == 1 ? 0 : -1;
	sec_uuid(uuid);
	BIND(rc, sqlite3_bind_text(s, 1, "device", -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(s, 2, uuid, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1 || run(st, s, "record the device id"))
		return -1;
	found = meta_get(st, "device", st->device, sizeof st->device);
	if (found == 0)
		return fail(st, "no device id after recording one");
	return found == 1 ? 0 : -1;
}

/* How open_store opens: see store_open, store_open_scan and
 * store_open_unchecked. */
#define OPEN_NOMUTEX 0x1  /* one thread: no per-call mutexes */
#define OPEN_NOCHECK 0x2  /* no PRAGMA quick_check */

static int
open_store(struct store **out, const char *path, char **errmsg,
    unsigned flags)
{
	struct store *st;
	struct buf msg = BUF_INIT;
	int version;

	*out = NULL;
	*errmsg = NULL;
	if (path == NULL) {
		*errmsg = xstrdup("cannot open database: no file name given");
		return -1;
	}
	st = xcalloc(1, sizeof *st);
	buf_init(&st->err);
	st->path = xstrdup(path);
	st->memory = strcmp(path, ":memory:") == 0;

	if (sec_init() == -1) {
		fail(st, "cannot initialise the random number generator");
		goto bad;
	}
	if (!st->memory && check_path(st) == -1)
		goto bad;
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | (flags & OPEN_NOMUTEX ? SQLITE_OPEN_NOMUTEX :
	    0), NULL) != SQLITE_OK) {
		if (st->db != NULL)
			fail_db(st, "cannot open");
		else
			fail(st, "out of memory");
		goto bad;
	}
	sqlite3_extended_result_codes(st->db, 1);
	/* A reader never makes a writer fail, and two writers wait for
	 * each other instead of failing with SQLITE_BUSY. */
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);

	/* Without the check, check_owner's first read still refuses a file
	 * that is not SQLite. */
	if ((!(flags & OPEN_NOCHECK) && check_file(st) == -1) ||
	    check_owner(st, &version) == -1 || set_pragmas(st) == -1)
		goto bad;
	while (version < NMIGRATIONS) {
		if (migrate_one(st, &version) == -1)
			goto bad;
	}
	if (prepare_all(st) == -1 || load_device(st) == -1)
		goto bad;
	*out = st;
	return 0;

bad:
	buf_addf(&msg, "cannot open database '%s': %s", path, buf_str(&st->err));
	*errmsg = buf_detach(&msg);
	store_close(st);
	return -1;
}

int
store_open(struct store **out, const char *path, char **errmsg)
{
	return open_store(out, path, errmsg, 0);
}

int
store_open_unchecked(struct store **out, const char *path, char **errmsg)
{
	return open_store(out, path, errmsg, OPEN_NOCHECK);
}

int
store_verify(struct store *st)
{
	if (st->memory)
		return 0;
	if (check_file(st) == -1) {
		struct buf msg = BUF_INIT;

		buf_addf(&msg, "database '%s': %s", st->path, buf_str(&st->err));
		buf_reset(&st->err);
		buf_adds(&st->err, buf_str(&msg));
		buf_release(&msg);
		return -1;
	}
	return 0;
}

void
store_close(struct store *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < ST__N; i++)
		sqlite3_finalize(st->stmt[i]);
	/* Every statement is finalized, so this cannot be SQLITE_BUSY; the
	 * last connection to close checkpoints the WAL into the file. */
	sqlite3_close(st->db);
	buf_release(&st->err);
	free(st->path);
	free(st);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

const char *
store_errmsg(const struct store *st)
{
	return buf_str(&st->err);
}

int
store_settings(struct store *st, struct store_settings *out)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &s, NULL) !=
	    SQLITE_OK)
		return fail_db(st, "cannot read the journal mode");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		copy_col(out->journal_mode, sizeof out->journal_mode, s, 0);
	else
		fail_db(st, "cannot read the journal mode");
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return -1;
	if (query_int(st, "PRAGMA synchronous", &out->synchronous) == -1 ||
	    query_int(st, "PRAGMA foreign_keys", &out->foreign_keys) == -1 ||
	    query_int(st, "PRAGMA busy_timeout", &out->busy_timeout_ms) == -1 ||
	    query_int(st, "PRAGMA user_version", &out->user_version) == -1)
		return -1;
	return 0;
}

int
store_device_id(struct store *st, char out[37])
{
	memcpy(out, st->device, 37);
	return 0;
}

/* ---- questionnaires ----------------------------------------------------- */

/* Looks hash up; 1 found (*rowid set), 0 not, -1 error. */
static int
questionnaire_find(struct store *st, const char *hash, int64_t *rowid)
{
	sqlite3_stmt *s = stmt(st, ST_Q_FIND);
	int rc;

	if (bound(st, s, sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC)))
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*rowid = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		fail_db(st, "cannot look up questionnaire %.12s", hash);
	done(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
store_questionnaire(struct store *st, const char *survey_id,
    const char *version, const char *hash, const void *src, size_t len,
    int64_t *rowid)
{
	sqlite3_stmt *s = stmt(st, ST_Q_ADD);
	char actual[65], now[32];
	int rc = SQLITE_OK, found;

	if (survey_id == NULL || version == NULL || hash == NULL ||
	    (src == NULL && len > 0))
		return fail(st, "questionnaire without id, version or source");
	/* The hash is the questionnaire's identity when files from many
	 * laptops are merged, so it must really be the source's. */
	sec_sha256_hex(src != NULL ? src : "", len, actual);
	if (strcmp(actual, hash) != 0)
		return fail(st, "questionnaire '%s': hash %.12s... does not "
		    "match its source (%.12s...)", survey_id, hash, actual);

	if (tx_begin(st) == -1)
		return -1;
	if ((found = questionnaire_find(st, hash, rowid)) != 0) {
		if (found == -1)
			goto bad;
		return tx_commit(st);
	}
	now_iso(now);
	BIND(rc, sqlite3_bind_text(s, 1, survey_id, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(s, 3, hash, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_blob64(s, 4, src != NULL ? src : "", len,
	    SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(s, 5, now, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1 ||
	    run(st, s, "record the questionnaire") == -1)
		goto bad;
	*rowid = sqlite3_last_insert_rowid(st->db);
	return tx_commit(st);

bad:
	tx_rollback(st);
	return -1;
}

int
store_questionnaire_source(struct store *st, int64_t rowid, char **src,
    size_t *len, char **hash)
{
	sqlite3_stmt *s = stmt(st, ST_Q_SOURCE);
	const void *p;
	size_t n;
	int rc;

	*src = NULL;
	if (hash != NULL)
		*hash = NULL;
	if (bound(st, s, sqlite3_bind_int64(s, 1, rowid)))
		return -1;
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			fail(st, "no questionnaire %lld in the database",
			    (long long)rowid);
		else
			fail_db(st, "cannot read questionnaire %lld",
			    (long long)rowid);
		done(s);
		return -1;
	}
	p = sqlite3_column_blob(s, 0);
	n = (size_t)sqlite3_column_bytes(s, 0);
	*src = xmalloc(n + 1);
	if (n > 0)
		memcpy(*src, p, n);
	(*src)[n] = '\0';
	if (len != NULL)
		*len = n;
	if (hash != NULL)
		*hash = dup_col(s, 1);
	done(s);
	return 0;
}

/* ---- interviews --------------------------------------------------------- */

static int
valid_mode(const char *mode)
{
	return mode != NULL && (strcmp(mode, "interview") == 0 ||
	    strcmp(mode, "kiosk") == 0 || strcmp(mode, "import") == 0 ||
	    strcmp(mode, "simulate") == 0);
}

/*
 * Version 8 UUIDs led by the device (the first 8 hex digits of its id),
 * then the time: a merge brings each laptop's interviews in as one run of
 * keys, next to that laptop's earlier ones, in every B-tree keyed by the
 * interview (interviews, answers, the log's index), where random UUIDs
 * sent each interview to its own page of a large central file. Copying
 * 200 files of 500 interviews took 47 s with random UUIDs and 18 s with
 * these (bench/merge.sh, with and without -u random). The 42 random bits
 * keep ids apart even on laptops cloned from one image, which share the
 * device id.
 */
void
store_uuid_new(struct store *st, char out[37])
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	sec_uuid_ordered(st->device, (uint64_t)ts.tv_sec * 1000 +
	    (uint64_t)ts.tv_nsec / 1000000, out);
}

int
store_interview_new(struct store *st, int64_t qrow, const char *enumerator,
    const char *lang, const char *mode, char uuid_out[37])
{
	store_uuid_new(st, uuid_out);
	if (store_interview_create(st, uuid_out, qrow, enumerator, lang,
	    mode) < 0) {
		uuid_out[0] = '\0';
		return -1;
	}
	return 0;
}

int
store_interview_create(struct store *st, const char *uuid, int64_t qrow,
    const char *enumerator, const char *lang, const char *mode)
{
	sqlite3_stmt *s = stmt(st, ST_I_ADD);
	char now[32];
	int rc = SQLITE_OK;

	if (!valid_mode(mode))
		return fail(st, "invalid interview mode '%s' (interview, "
		    "kiosk, import or simulate)", mode ? mode : "(null)");
	if (uuid == NULL || strlen(uuid) != STORE_UUID_LEN)
		return fail(st, "invalid interview id '%s'", uuid ? uuid : "");
	now_iso(now);
	BIND(rc, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_int64(s, 2, qrow));
	BIND(rc, sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC));
	BIND(rc, bind_text_or_null(s, 4, enumerator));
	BIND(rc, sqlite3_bind_text(s, 5, st->device, -1, SQLITE_STATIC));
	BIND(rc, bind_text_or_null(s, 6, lang));
	BIND(rc, sqlite3_bind_text(s, 7, mode, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1)
		return -1;
	/* One statement: autocommit makes it its own durable transaction. */
	rc = sqlite3_step(s);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			fail(st, "cannot start an interview: no questionnaire "
			    "%lld in the database", (long long)qrow);
		else
			fail_db(st, "cannot start an interview");
		done(s);
		return -1;
	}
	done(s);
	return 0;
}

/* Steps an UPDATE of one interview; "no interview" when none matched. */
static int
update_interview(struct store *st, sqlite3_stmt *s, const char *uuid,
    const char *what)
{
	if (run(st, s, what) == -1)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return fail(st, "cannot %s: no interview '%s'", what, uuid);
	return 0;
}

/* Sets the status and logs the change, in one transaction; reopen: only
 * a complete or abandoned interview may be set back to partial. */
static int
set_status(struct store *st, const char *uuid, const char *status,
    const char *reason, int reopen);

int
store_interview_set_status(struct store *st, const char *uuid,
    const char *status)
{
	return set_status(st, uuid, status, NULL, 0);
}

int
store_interview_set_status_ex(struct store *st, const char *uuid,
    const char *status, const char *reason)
{
	return set_status(st, uuid, status, reason, 0);
}

int
store_interview_reopen(struct store *st, const char *uuid,
    const char *reason)
{
	const char *p;

	for (p = reason; p != NULL && *p == ' '; p++)
		;
	if (p == NULL || *p == '\0')
		return fail(st, "cannot reopen interview '%s': a reason is "
		    "needed", uuid != NULL ? uuid : "(null)");
	return set_status(st, uuid, "partial", reason, 1);
}

int
store_interview_set_design(struct store *st, const char *uuid,
    const char *stratum, const char *cluster, const char *household,
    const double *weight)
{
	sqlite3_stmt *s = stmt(st, ST_I_DESIGN);
	char now[32];
	int rc = SQLITE_OK;

	if (uuid == NULL)
		return fail(st, "interview missing");
	if (weight != NULL && !(isfinite(*weight) && *weight > 0))
		return fail(st, "invalid sampling weight %g (must be a "
		    "positive number)", *weight);
	now_iso(now);
	BIND(rc, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC));
	BIND(rc, bind_text_or_null(s, 2, stratum));
	BIND(rc, bind_text_or_null(s, 3, cluster));
	BIND(rc, bind_text_or_null(s, 4, household));
	BIND(rc, weight != NULL ? sqlite3_bind_double(s, 5, *weight) :
	    sqlite3_bind_null(s, 5));
	BIND(rc, sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1)
		return -1;
	return update_interview(st, s, uuid, "set the sample design");
}

int
store_interview_set_language(struct store *st, const char *uuid,
    const char *lang)
{
	sqlite3_stmt *s = stmt(st, ST_I_LANG);
	char now[32];
	int rc = SQLITE_OK;

	if (uuid == NULL)
		return fail(st, "interview missing");
	now_iso(now);
	BIND(rc, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC));
	BIND(rc, bind_text_or_null(s, 2, lang));
	BIND(rc, sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1)
		return -1;
	return update_interview(st, s, uuid, "set the interview language");
}

static void
fill_interview(sqlite3_stmt *s, struct store_interview *iv)
{
	memset(iv, 0, sizeof *iv);
	copy_col(iv->uuid, sizeof iv->uuid, s, 0);
	iv->questionnaire = sqlite3_column_int64(s, 1);
	copy_col(iv->status, sizeof iv->status, s, 2);
	copy_col(iv->started_at, sizeof iv->started_at, s, 3);
	copy_col(iv->ended_at, sizeof iv->ended_at, s, 4);
	copy_col(iv->updated_at, sizeof iv->updated_at, s, 5);
	copy_col(iv->device, sizeof iv->device, s, 6);
	iv->survey_id = dup_col(s, 7);
	iv->version = dup_col(s, 8);
	iv->enumerator = dup_col(s, 9);
	iv->language = dup_col(s, 10);
	iv->mode = dup_col(s, 11);
	iv->stratum = dup_col(s, 12);
	iv->cluster = dup_col(s, 13);
	iv->household = dup_col(s, 14);
	iv->has_weight = sqlite3_column_type(s, 15) != SQLITE_NULL;
	iv->weight = iv->has_weight ? sqlite3_column_double(s, 15) : 0;
	iv->nanswers = sqlite3_column_int(s, 16);
}

void
store_interview_release(struct store_interview *iv)
{
	free(iv->survey_id);
	free(iv->version);
	free(iv->enumerator);
	free(iv->language);
	free(iv->mode);
	free(iv->stratum);
	free(iv->cluster);
	free(iv->household);
	memset(iv, 0, sizeof *iv);
}

int
store_interview_get(struct store *st, const char *uuid,
    struct store_interview *out)
{
	sqlite3_stmt *s = stmt(st, ST_I_GET);
	int rc;

	memset(out, 0, sizeof *out);
	if (uuid == NULL)
		return fail(st, "interview missing");
	if (bound(st, s, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC)))
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		fill_interview(s, out);
	else if (rc == SQLITE_DONE)
		fail(st, "no interview '%s'", uuid);
	else
		fail_db(st, "cannot read interview '%s'", uuid);
	done(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
store_interviews_list(struct store *st, int64_t qrow,
    int (*fn)(void *ctx, const struct store_interview *iv), void *ctx)
{
	sqlite3_stmt *s = stmt(st, ST_I_LIST);
	struct store_interview iv;
	int rc, ret = 0;

	if (bound(st, s, sqlite3_bind_int64(s, 1, qrow)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_interview(s, &iv);
		ret = fn(ctx, &iv);
		store_interview_release(&iv);
		if (ret != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = fail_db(st, "cannot list interviews");
	done(s);
	return ret;
}

int
store_count_by_status(struct store *st, int64_t qrow, const char *day,
    int counts[3])
{
	int one = qrow != 0 && day == NULL;
	sqlite3_stmt *s = stmt(st, one ? ST_I_COUNT_Q : ST_I_COUNT);
	const char *status;
	int rc = SQLITE_OK;

	counts[0] = counts[1] = counts[2] = 0;
	BIND(rc, sqlite3_bind_int64(s, 1, qrow));
	if (!one)
		BIND(rc, bind_text_or_null(s, 2, day));
	if (bound(st, s, rc) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		status = (const char *)sqlite3_column_text(s, 0);
		if (strcmp(status, "partial") == 0)
			counts[STORE_PARTIAL] = sqlite3_column_int(s, 1);
		else if (strcmp(status, "complete") == 0)
			counts[STORE_COMPLETE] = sqlite3_column_int(s, 1);
		else if (strcmp(status, "abandoned") == 0)
			counts[STORE_ABANDONED] = sqlite3_column_int(s, 1);
	}
	if (rc != SQLITE_DONE)
		fail_db(st, "cannot count interviews");
	done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- answers ------------------------------------------------------------ */

/* Checks a value against the encoding lcsurvey-store(5) promises. */
static int
check_value(struct store *st, const char *question,
    const struct store_value *v)
{
	if (v->missing != NULL) {
		if (strcmp(v->missing, "dont_know") != 0 &&
		    strcmp(v->missing, "refused") != 0)
			return fail(st, "answer to '%s': invalid missing "
			    "code '%s' (dont_know or refused)", question,
			    v->missing);
		if (v->type != STORE_NULL)
			return fail(st, "answer to '%s': a value and a "
			    "missing code together", question);
	}
	switch (v->type) {
	case STORE_NULL:
	case STORE_INT:
		return 0;
	case STORE_REAL:
		/* SQLite would store NaN as NULL, silently. */
		if (!isfinite(v->r))
			return fail(st, "answer to '%s': %g is not a finite "
			    "number", question, v->r);
		return 0;
	case STORE_TEXT:
		if (v->text == NULL && v->len > 0)
			return fail(st, "answer to '%s': text missing",
			    question);
		if (v->len > INT_MAX)
			return fail(st, "answer to '%s': text too long",
			    question);
		if (v->len > 0 && (memchr(v->text, '\0', v->len) != NULL ||
		    !strutil_utf8_valid(v->text, v->len)))
			return fail(st, "answer to '%s': text is not valid "
			    "UTF-8", question);
		return 0;
	}
	return fail(st, "answer to '%s': unknown value type %d", question,
	    (int)v->type);
}

static int
bind_value(sqlite3_stmt *s, int i, const struct store_value *v)
{
	switch (v->type) {
	case STORE_INT:
		return sqlite3_bind_int64(s, i, v->i);
	case STORE_REAL:
		return sqlite3_bind_double(s, i, v->r);
	case STORE_TEXT:
		return sqlite3_bind_text(s, i, v->len > 0 ? v->text : "",
		    (int)v->len, SQLITE_STATIC);
	case STORE_NULL:
		break;
	}
	return sqlite3_bind_null(s, i);
}

/* Reads the interview's status into out (16 bytes; NULL: only check that
 * the interview exists), inside the caller's transaction; "cannot WHAT:
 * no interview" when there is none. A read rather than a write: an
 * answer's save leaves the interview row alone. */
static int
read_status(struct store *st, const char *uuid, const char *what,
    char *out)
{
	sqlite3_stmt *q = stmt(st, ST_I_STATUS_OF);
	int rc;

	if (bound(st, q, sqlite3_bind_text(q, 1, uuid, -1, SQLITE_STATIC)))
		return -1;
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW && out != NULL)
		copy_col(out, 16, q, 0);
	else if (rc == SQLITE_DONE)
		fail(st, "cannot %s: no interview '%s'", what, uuid);
	else
		fail_db(st, "cannot read interview '%s'", uuid);
	done(q);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * The next sequence number: one more than the largest in use (see
 * STORE_INT_SEQ_TOP), read inside the caller's write transaction so no
 * other writer can take it too. Every single write logs the number it
 * takes (an unchanged answer takes none), and log rows are never deleted,
 * so a cleared answer's number is never handed out again. A read, not a
 * counter's rewrite: one page fewer per answer.
 */
static int
next_seq(struct store *st, int64_t *seq)
{
	sqlite3_stmt *s = stmt(st, ST_SEQ_NEXT);
	int rc;

	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
	if (rc != SQLITE_DONE) {
		fail_db(st, "cannot number the answer");
		done(s);
		return -1;
	}
	done(s);
	return 0;
}

/* 1 if now is earlier than this device's last event; remembers now as the
 * last event (tx_rollback forgets it). -1 if the log cannot be read. */
static int
clock_backwards(struct store *st, const char *now)
{
	sqlite3_stmt *s = stmt(st, ST_L_LAST);
	int rc, back;

	if (!st->last_at_known) {
		if (bound(st, s, sqlite3_bind_text(s, 1, st->device, -1,
		    SQLITE_STATIC)))
			return -1;
		st->last_at[0] = '\0';
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			copy_col(st->last_at, sizeof st->last_at, s, 0);
		else if (rc != SQLITE_DONE)
			fail_db(st, "cannot read the device's last event");
		done(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
		st->last_at_known = 1;
	}
	back = strcmp(st->last_at, now) > 0;
	snprintf(st->last_at, sizeof st->last_at, "%s", now);
	return back;
}

/* ---- audit trail: the writing side (the reading side is store-log.c) -- */

/* The longest reason kept: a sentence, not a document. */
#define STORE_REASON_MAX 1000

/* A log row's fields other than its values. */
struct log_row {
	int64_t seq;
	const char *uuid;
	int member;		/* ignored for status events */
	const char *question;	/* NULL: a status event */
	const char *event;
	int confirmed;
	const char *reason;	/* NULL or not empty */
	const char *now;
};

/* Reasons are shown on one line of `lcsurvey log`; NULL is no reason. */
static int
check_reason(struct store *st, const char *reason)
{
	const char *p;
	size_t len;

	if (reason == NULL)
		return 0;
	len = strlen(reason);
	if (len > STORE_REASON_MAX)
		return fail(st, "reason too long (%zu bytes; at most %d)", len,
		    STORE_REASON_MAX);
	if (!strutil_utf8_valid(reason, len))
		return fail(st, "reason is not valid UTF-8");
	for (p = reason; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return fail(st, "reason must be one line of text, "
			    "without control characters");
	}
	return 0;
}

/* The reason to record from o: NULL when none or empty. */
static const char *
opts_reason(const struct store_put_opts *o)
{
	return o != NULL && o->reason != NULL && o->reason[0] != '\0' ?
	    o->reason : NULL;
}

/* 1 if the answer row s (value, missing) holds exactly v. */
static int
same_value(sqlite3_stmt *s, const struct store_value *v)
{
	const char *m = (const char *)sqlite3_column_text(s, 1);
	size_t n;
	double r;

	if ((m == NULL) != (v->missing == NULL) ||
	    (m != NULL && strcmp(m, v->missing) != 0))
		return 0;
	switch (sqlite3_column_type(s, 0)) {
	case SQLITE_INTEGER:
		return v->type == STORE_INT && sqlite3_column_int64(s, 0) == v->i;
	case SQLITE_FLOAT:
		/* Bit for bit, as the value is stored. */
		r = sqlite3_column_double(s, 0);
		return v->type == STORE_REAL && memcmp(&r, &v->r, sizeof r) == 0;
	case SQLITE_TEXT:
		n = (size_t)sqlite3_column_bytes(s, 0);
		return v->type == STORE_TEXT && n == v->len && (n == 0 ||
		    memcmp(sqlite3_column_text(s, 0), v->text, n) == 0);
	case SQLITE_NULL:
		return v->type == STORE_NULL;
	}
	return 0;
}

/*
 * Reads the answer about to be replaced or removed, inside the caller's
 * transaction, and binds it as ST_L_ADD's old value (sqlite3_bind_value
 * copies it, so the row may then change). *found: there was an answer;
 * *same: it is v exactly (v NULL: never); *was_confirmed.
 */
static int
log_old(struct store *st, const char *uuid, int member, const char *question,
    const struct store_value *v, int *found, int *same, int *was_confirmed)
{
	sqlite3_stmt *s = stmt(st, ST_A_OLD), *l = stmt(st, ST_L_ADD);
	int rc = SQLITE_OK;

	*found = *same = *was_confirmed = 0;
	BIND(rc, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_int(s, 2, member));
	BIND(rc, sqlite3_bind_text(s, 3, question, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = 1;
		*same = v != NULL && same_value(s, v);
		*was_confirmed = sqlite3_column_int(s, 2) != 0;
		rc = SQLITE_OK;
		BIND(rc, sqlite3_bind_value(l, 7, sqlite3_column_value(s, 0)));
		BIND(rc, sqlite3_bind_value(l, 8, sqlite3_column_value(s, 1)));
		done(s);
		return bound(st, l, rc);
	}
	if (rc != SQLITE_DONE)
		fail_db(st, "cannot read the answer to '%s'", question);
	done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Appends r to answer_log, inside the caller's transaction. oldv and newv
 * may be NULL: the old value is then what log_old bound, if anything. */
static int
log_write(struct store *st, const struct log_row *r,
    const struct store_value *oldv, const struct store_value *newv)
{
	sqlite3_stmt *l = stmt(st, ST_L_ADD);
	int rc = SQLITE_OK, back;

	if ((back = clock_backwards(st, r->now)) == -1)
		return -1;
	BIND(rc, sqlite3_bind_int(l, 14, back));
	BIND(rc, sqlite3_bind_int64(l, 1, r->seq));
	BIND(rc, sqlite3_bind_text(l, 2, st->device, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(l, 3, r->uuid, -1, SQLITE_STATIC));
	BIND(rc, r->question != NULL ? sqlite3_bind_int(l, 4, r->member) :
	    sqlite3_bind_null(l, 4));
	BIND(rc, bind_text_or_null(l, 5, r->question));
	BIND(rc, sqlite3_bind_text(l, 6, r->event, -1, SQLITE_STATIC));
	if (oldv != NULL) {
		BIND(rc, bind_value(l, 7, oldv));
		BIND(rc, bind_text_or_null(l, 8, oldv->missing));
	}
	if (newv != NULL) {
		BIND(rc, bind_value(l, 9, newv));
		BIND(rc, bind_text_or_null(l, 10, newv->missing));
	}
	BIND(rc, sqlite3_bind_int(l, 11, r->confirmed != 0));
	BIND(rc, bind_text_or_null(l, 12, r->reason));
	BIND(rc, sqlite3_bind_text(l, 13, r->now, -1, SQLITE_STATIC));
	if (bound(st, l, rc) == -1)
		return -1;
	return run(st, l, "record the change in the audit trail");
}

static int
set_status(struct store *st, const char *uuid, const char *status,
    const char *reason, int reopen)
{
	sqlite3_stmt *s = stmt(st, ST_I_STATUS);
	struct store_value oldv, newv;
	struct log_row r;
	char now[32], old[16];
	int rc = SQLITE_OK, partial;

	if (uuid == NULL || status == NULL)
		return fail(st, "interview or status missing");
	partial = strcmp(status, "partial") == 0;
	if (!partial && strcmp(status, "complete") != 0 &&
	    strcmp(status, "abandoned") != 0)
		return fail(st, "invalid interview status '%s' (partial, "
		    "complete or abandoned)", status);
	if (check_reason(st, reason) == -1)
		return -1;
	if (reason != NULL && reason[0] == '\0')
		reason = NULL;
	now_iso(now);
	if (tx_begin(st) == -1)
		return -1;
	/* The old status is read inside the transaction, so the log row
	 * says what really changed even with another writer about. */
	if (read_status(st, uuid, "set the interview status", old) == -1)
		goto bad;
	if (reopen && strcmp(old, "partial") == 0) {
		fail(st, "cannot reopen interview '%s': it is not complete or "
		    "abandoned", uuid);
		goto bad;
	}
	rc = SQLITE_OK;
	BIND(rc, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(s, 2, status, -1, SQLITE_STATIC));
	BIND(rc, partial ? sqlite3_bind_null(s, 3) :
	    sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(s, 4, now, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1 ||
	    update_interview(st, s, uuid, "set the interview status") == -1)
		goto bad;
	if (strcmp(old, status) != 0) {
		memset(&r, 0, sizeof r);
		memset(&oldv, 0, sizeof oldv);
		memset(&newv, 0, sizeof newv);
		oldv.type = newv.type = STORE_TEXT;
		oldv.text = old;
		oldv.len = strlen(old);
		newv.text = status;
		newv.len = strlen(status);
		r.uuid = uuid;
		r.event = partial ? "reopen" : status[0] == 'c' ? "complete" :
		    "abandon";
		r.reason = reason;
		r.now = now;
		if (next_seq(st, &r.seq) == -1 ||
		    log_write(st, &r, &oldv, &newv) == -1)
			goto bad;
	}
	return tx_commit(st);

bad:
	tx_rollback(st);
	return -1;
}

int
store_answer_put(struct store *st, const char *uuid, int member,
    const char *question, const struct store_value *v, double seconds)
{
	return store_answer_put_ex(st, uuid, member, question, v, seconds,
	    NULL);
}

int
store_answer_put_ex(struct store *st, const char *uuid, int member,
    const char *question, const struct store_value *v, double seconds,
    const struct store_put_opts *o)
{
	sqlite3_stmt *s = stmt(st, ST_A_PUT);
	struct log_row r;
	char now[32];
	int64_t seq = 0;
	int rc = SQLITE_OK, found, same, was_confirmed;
	int confirmed = o != NULL && o->confirmed;

	if (uuid == NULL || question == NULL || question[0] == '\0' ||
	    v == NULL)
		return fail(st, "answer without interview, question or value");
	if (member < 0)
		return fail(st, "answer to '%s': invalid member %d", question,
		    member);
	if (check_value(st, question, v) == -1 ||
	    check_reason(st, opts_reason(o)) == -1)
		return -1;
	if (isinf(seconds))
		return fail(st, "answer to '%s': infinite time", question);

	now_iso(now);
	if (tx_begin(st) == -1)
		return -1;
	/* The old answer is read before it is overwritten, for the log. */
	if (read_status(st, uuid, "record the answer", NULL) == -1 ||
	    log_old(st, uuid, member, question, v, &found, &same,
	    &was_confirmed) == -1)
		goto bad;
	/* The same answer saved again (going back and forward) is no
	 * event and no write: the row already says when it was given. */
	if (found && same && was_confirmed == confirmed) {
		done(stmt(st, ST_L_ADD));
		return tx_commit(st);
	}
	if (next_seq(st, &seq) == -1)
		goto bad;
	BIND(rc, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_int(s, 2, member));
	BIND(rc, sqlite3_bind_text(s, 3, question, -1, SQLITE_STATIC));
	BIND(rc, bind_value(s, 4, v));
	BIND(rc, bind_text_or_null(s, 5, v->missing));
	BIND(rc, sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC));
	/* Negative (or NaN) time means "not measured". */
	BIND(rc, seconds >= 0 ? sqlite3_bind_double(s, 7, seconds) :
	    sqlite3_bind_null(s, 7));
	BIND(rc, sqlite3_bind_int64(s, 8, seq));
	BIND(rc, sqlite3_bind_int(s, 9, confirmed));
	if (bound(st, s, rc) == -1)
		goto bad;
	if ((rc = sqlite3_step(s)) != SQLITE_DONE) {
		fail_db(st, "cannot record the answer to '%s'", question);
		done(s);
		goto bad;
	}
	done(s);
	memset(&r, 0, sizeof r);
	r.seq = seq;	/* the answer's own number */
	r.uuid = uuid;
	r.member = member;
	r.question = question;
	r.event = !found ? "answer" : !same ? "change" : "confirm";
	r.confirmed = confirmed;
	r.reason = opts_reason(o);
	r.now = now;
	if (log_write(st, &r, NULL, v) == -1)
		goto bad;
	return tx_commit(st);

bad:
	done(stmt(st, ST_L_ADD));
	tx_rollback(st);
	return -1;
}

int
store_answer_clear(struct store *st, const char *uuid, int member,
    const char *question)
{
	return store_answer_clear_ex(st, uuid, member, question, NULL);
}

int
store_answer_clear_ex(struct store *st, const char *uuid, int member,
    const char *question, const struct store_put_opts *o)
{
	sqlite3_stmt *s = stmt(st, ST_A_CLEAR);
	struct log_row r;
	char now[32];
	int rc = SQLITE_OK, found, same, was_confirmed;

	if (uuid == NULL || question == NULL)
		return fail(st, "answer without interview or question");
	if (check_reason(st, opts_reason(o)) == -1)
		return -1;
	now_iso(now);
	if (tx_begin(st) == -1)
		return -1;
	if (read_status(st, uuid, "clear the answer", NULL) == -1 ||
	    log_old(st, uuid, member, question, NULL, &found, &same,
	    &was_confirmed) == -1)
		goto bad;
	BIND(rc, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_int(s, 2, member));
	BIND(rc, sqlite3_bind_text(s, 3, question, -1, SQLITE_STATIC));
	if (bound(st, s, rc) == -1 ||
	    run(st, s, "clear the answer") == -1)
		goto bad;
	if (!found) {
		done(stmt(st, ST_L_ADD));
		return tx_commit(st);
	}
	memset(&r, 0, sizeof r);
	r.uuid = uuid;
	r.member = member;
	r.question = question;
	r.event = "clear";
	r.reason = opts_reason(o);
	r.now = now;
	if (next_seq(st, &r.seq) == -1 || log_write(st, &r, NULL, NULL) == -1)
		goto bad;
	return tx_commit(st);

bad:
	done(stmt(st, ST_L_ADD));
	tx_rollback(st);
	return -1;
}

/* A stored value as SQLite's dynamic typing has it: the type read back is
 * the type written. Text stays valid until the statement moves on. */
void
store_int_column_value(sqlite3_stmt *s, int col, struct store_value *v)
{
	v->text = NULL;
	v->len = 0;
	switch (sqlite3_column_type(s, col)) {
	case SQLITE_INTEGER:
		v->type = STORE_INT;
		v->i = sqlite3_column_int64(s, col);
		break;
	case SQLITE_FLOAT:
		v->type = STORE_REAL;
		v->r = sqlite3_column_double(s, col);
		break;
	case SQLITE_TEXT:
		v->type = STORE_TEXT;
		v->text = (const char *)sqlite3_column_text(s, col);
		v->len = (size_t)sqlite3_column_bytes(s, col);
		break;
	default:	/* NULL; the schema allows no blobs */
		v->type = STORE_NULL;
		break;
	}
}

/* Fills *a from a row of ANSWER_COLS; pointers into the statement. */
static void
read_answer(sqlite3_stmt *s, struct store_answer *a)
{
	struct store_value *v = &a->value;

	memset(a, 0, sizeof *a);
	a->interview = (const char *)sqlite3_column_text(s, 0);
	a->member = sqlite3_column_int(s, 1);
	a->question = (const char *)sqlite3_column_text(s, 2);
	store_int_column_value(s, 3, v);
	v->missing = (const char *)sqlite3_column_text(s, 4);
	a->answered_at = (const char *)sqlite3_column_text(s, 5);
	a->seconds = sqlite3_column_type(s, 6) == SQLITE_NULL ? -1 :
	    sqlite3_column_double(s, 6);
	a->seq = sqlite3_column_int64(s, 7);
	a->confirmed = sqlite3_column_int(s, 8);
}

/* Runs a bound answer query, calling fn per row. */
static int
each_answer(struct store *st, sqlite3_stmt *s,
    int (*fn)(void *, const struct store_answer *), void *ctx)
{
	struct store_answer a;
	int rc, ret = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_answer(s, &a);
		if ((ret = fn(ctx, &a)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = fail_db(st, "cannot read answers");
	done(s);
	return ret;
}

int
store_answers_foreach(struct store *st, const char *uuid,
    int (*fn)(void *ctx, const struct store_answer *a), void *ctx)
{
	sqlite3_stmt *s = stmt(st, ST_A_LIST);

	if (uuid == NULL)
		return fail(st, "interview missing");
	if (bound(st, s, sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC)))
		return -1;
	return each_answer(st, s, fn, ctx);
}

int
store_scan_answers(struct store *st, int64_t qrow, int include_partial,
    int (*fn)(void *ctx, const struct store_answer *a), void *ctx)
{
	sqlite3_stmt *s = stmt(st, ST_A_SCAN);
	int rc = SQLITE_OK;

	BIND(rc, sqlite3_bind_int64(s, 1, qrow));
	BIND(rc, sqlite3_bind_int(s, 2, include_partial != 0));
	if (bound(st, s, rc) == -1)
		return -1;
	return each_answer(st, s, fn, ctx);
}

/* ---- bulk access: the aggregator's scan and CSV import ------------------
 *
 * Added for `aggregate` and `import`; the statements are prepared per
 * call (once per run), so this block leaves the table of statements above
 * alone.
 */

/* store_open without check_file (and without SQLite's mutexes); keep
 * the two in step. */
int
store_open_scan(struct store **out, const char *path, char **errmsg)
{
	return open_store(out, path, errmsg, OPEN_NOMUTEX | OPEN_NOCHECK);
}

int
store_questionnaire_lookup(struct store *st, const char *hash, int64_t *rowid)
{
	sqlite3_stmt *s = stmt(st, ST_Q_FIND);
	int rc;

	*rowid = 0;
	if (hash == NULL)
		return fail(st, "questionnaire hash missing");
	if (bound(st, s, sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC)))
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*rowid = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE) {
		fail_db(st, "cannot look up the questionnaire");
		done(s);
		return -1;
	}
	done(s);
	return 0;
}

/*
 * The interviews index, then the answers' primary key, without a sort:
 * ordering by the interview alone is what the nested loop gives for free
 * (EXPLAIN QUERY PLAN shows no temp B-tree), and still promises that an
 * interview's answers come together. Adding a.member, a.question, as
 * ST_A_SCAN does, costs a sorter per interview ("USE TEMP B-TREE FOR
 * RIGHT PART OF ORDER BY"), several times the scan itself.
 *
 * The design fields are a second statement over the same index in the
 * same order, stepped along beside the answers: in the join they would be
 * columns of every answer's row, decoded ten million times rather than a
 * million (about a tenth of the scan).
 */
static const char scan_answers_sql[] =
    "SELECT i.rowid, a.member, a.question, a.value, a.missing "
    "FROM interviews i JOIN answers a ON a.interview = i.uuid "
    "WHERE i.questionnaire = ?1 AND (i.status = 'complete' OR "
    "(?2 AND i.status = 'partial')) "
    "ORDER BY i.uuid";
static const char scan_ivs_sql[] =
    "SELECT i.rowid, i.stratum, i.cluster, i.weight FROM interviews i "
    "WHERE i.questionnaire = ?1 AND (i.status = 'complete' OR "
    "(?2 AND i.status = 'partial')) "
    "ORDER BY i.uuid";

/* Prepares one of the scan's statements with its two parameters. */
static sqlite3_stmt *
scan_prepare(struct store *st, const char *sql, int64_t qrow,
    int include_partial)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		fail_db(st, "cannot read answers");
		return NULL;
	}
	rc = SQLITE_OK;
	BIND(rc, sqlite3_bind_int64(s, 1, qrow));
	BIND(rc, sqlite3_bind_int(s, 2, include_partial != 0));
	if (bound(st, s, rc) == -1) {
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

/*
 * The design rows, read a few interviews ahead of the answers so that the
 * caller's hint can start loading what the next interviews will need
 * (their PSUs' totals, at random places in memory) while SQLite reads the
 * answers of this one. A ring of SCAN_AHEAD + 1 rows: the current one,
 * whose text the caller is reading, and up to SCAN_AHEAD after it. The
 * text is copied: SQLite's pointers last only until the next step.
 */
#define SCAN_AHEAD 8
#define SCAN_RING (SCAN_AHEAD + 1)

struct scan_row {
	struct store_design d;
	struct buf stratum, cluster;
};

struct scan_ring {
	struct scan_row r[SCAN_RING];
	int head;		/* the current row */
	int n;			/* rows read after it */
	int done;		/* the statement has no more */
	sqlite3_stmt *s;
	void (*ahead)(void *ctx, const struct store_design *next);
	void *ctx;
};

/* Copies text column col of s into b; NULL when the column is. */
static const char *
scan_text(sqlite3_stmt *s, int col, struct buf *b)
{
	buf_reset(b);
	if (sqlite3_column_type(s, col) == SQLITE_NULL)
		return NULL;
	buf_add(b, (const char *)sqlite3_column_text(s, col),
	    (size_t)sqlite3_column_bytes(s, col));
	return buf_str(b);
}

/* Reads design rows until SCAN_AHEAD wait after the current one, or the
 * statement ends; hints each. */
static int
scan_fill(struct store *st, struct scan_ring *g)
{
	struct scan_row *row;
	int rc;

	while (!g->done && g->n < SCAN_AHEAD) {
		rc = sqlite3_step(g->s);
		if (rc == SQLITE_DONE) {
			g->done = 1;
			break;
		}
		if (rc != SQLITE_ROW)
			return fail_db(st, "cannot read answers");
		row = &g->r[(g->head + 1 + g->n++) % SCAN_RING];
		row->d.interview = sqlite3_column_int64(g->s, 0);
		row->d.stratum = scan_text(g->s, 1, &row->stratum);
		row->d.cluster = scan_text(g->s, 2, &row->cluster);
		row->d.has_weight = sqlite3_column_type(g->s, 3) != SQLITE_NULL;
		row->d.weight = row->d.has_weight ?
		    sqlite3_column_double(g->s, 3) : 0;
		if (g->ahead != NULL)
			g->ahead(g->ctx, &row->d);
	}
	return 0;
}

/* Moves the ring on to interview id (interviews without answers are
 * passed over); *d is then its design row. */
static int
scan_design_to(struct store *st, struct scan_ring *g, int64_t id,
    const struct store_design **d)
{
	for (;;) {
		if (scan_fill(st, g) == -1)
			return -1;
		if (g->n == 0)
			return fail(st, "cannot read answers: interview %lld "
			    "not in the interviews' scan", (long long)id);
		g->head = (g->head + 1) % SCAN_RING;
		g->n--;
		if (g->r[g->head].d.interview == id) {
			*d = &g->r[g->head].d;
			return 0;
		}
	}
}

static void
scan_ring_release(struct scan_ring *g)
{
	int i;

	for (i = 0; i < SCAN_RING; i++) {
		buf_release(&g->r[i].stratum);
		buf_release(&g->r[i].cluster);
	}
	sqlite3_finalize(g->s);
}

int
store_scan_design(struct store *st, int64_t qrow, int include_partial,
    int (*fn)(void *ctx, const struct store_design *iv,
    const struct store_answer *a),
    void (*ahead)(void *ctx, const struct store_design *next), void *ctx)
{
	static const struct store_design none = { -1, NULL, NULL, 0, 0 };
	const struct store_design *d = &none;
	struct scan_ring g;
	sqlite3_stmt *s;
	struct store_answer a;
	struct store_value *v = &a.value;
	int rc, ret = 0, own = sqlite3_get_autocommit(st->db);

	/* One read transaction: both statements see the same snapshot (the
	 * caller's, if it has one open). */
	if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return fail_db(st, "cannot read answers");
	memset(&g, 0, sizeof g);
	g.head = SCAN_RING - 1;
	g.ahead = ahead;
	g.ctx = ctx;
	s = scan_prepare(st, scan_answers_sql, qrow, include_partial);
	g.s = s != NULL ? scan_prepare(st, scan_ivs_sql, qrow,
	    include_partial) : NULL;
	if (g.s == NULL) {
		sqlite3_finalize(s);
		if (own)
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	memset(&a, 0, sizeof a);
	a.seconds = -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (id != d->interview &&
		    (ret = scan_design_to(st, &g, id, &d)) != 0)
			break;
		a.member = sqlite3_column_int(s, 1);
		a.question = (const char *)sqlite3_column_text(s, 2);
		store_int_column_value(s, 3, v);
		/* A value's missing code is NULL (a CHECK says so): one call
		 * fewer for nearly every row. column_text is NULL for NULL. */
		v->missing = v->type != STORE_NULL ? NULL :
		    (const char *)sqlite3_column_text(s, 4);
		if ((ret = fn(ctx, d, &a)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = fail_db(st, "cannot read answers");
	sqlite3_finalize(s);
	scan_ring_release(&g);
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return ret;
}

/*
 * Rows per INSERT of the import. One execution of a statement costs more
 * than the row it inserts (the transaction check, opening and closing the
 * table's cursor, the halt and reset), so the import's statements take
 * IMPORT_ROWS rows at once: INSERT ... SELECT ... FROM (VALUES (row 1),
 * (row 2), ...) LIMIT ?n, where the LIMIT lets the last, shorter batch
 * use the same statement.
 */
#define IMPORT_ROWS 64

/*
 * One table's rows on their way in. ?1 .. ?nconst hold what every row
 * shares, ?nconst+1 the LIMIT, then width parameters per row. Adding a row
 * binds the next row's parameters; the rows past the LIMIT keep the
 * previous batch's values, which are never read.
 */
struct import_rows {
	sqlite3_stmt *s;
	int nconst;
	int width;
	int n;			/* rows bound and not yet inserted */
	const char *what;	/* "interviews", "answers" */
};

struct store_import {
	struct store *st;
	int64_t qrow;
	struct import_rows ivs, answers;
	/* The UUIDs the waiting rows are bound to (SQLITE_STATIC). */
	char iv_uuid[IMPORT_ROWS][37];
	char answer_uuid[IMPORT_ROWS][37];
	int64_t seq;		/* last answer sequence number used */
	char now[32];
	char uuid[37];		/* of the interview added last */
	char uuid_head[32];	/* time and random part of the UUIDs */
	char uuid_rand[4];
	uint64_t counter;
	int temp_store;		/* to restore */
};

static const char import_iv_sql[] =
    "INSERT INTO interviews (uuid, questionnaire, status, started_at, "
    "ended_at, updated_at, device, mode, stratum, cluster, household, "
    "weight) SELECT column1, ?1, 'complete', ?2, ?2, ?2, ?3, 'import', "
    "column2, column3, column4, column5";
static const char import_answer_sql[] =
    "INSERT INTO answers (interview, member, question, value, missing, "
    "answered_at, seconds, seq) SELECT column1, column2, column3, column4, "
    "column5, ?1, NULL, column6";

static int
rows_prepare(struct store *st, struct import_rows *r, const char *head,
    int nconst, int width, const char *what)
{
	struct buf sql = BUF_INIT;
	int k, c, p = nconst + 2, rc;

	r->nconst = nconst;
	r->width = width;
	r->what = what;
	buf_adds(&sql, head);
	buf_adds(&sql, " FROM (VALUES ");
	for (k = 0; k < IMPORT_ROWS; k++) {
		buf_adds(&sql, k > 0 ? ", (" : "(");
		for (c = 0; c < width; c++)
			buf_addf(&sql, c > 0 ? ", ?%d" : "?%d", p++);
		buf_addc(&sql, ')');
	}
	buf_addf(&sql, ") LIMIT ?%d", nconst + 1);
	rc = sqlite3_prepare_v2(st->db, buf_str(&sql), -1, &r->s, NULL);
	buf_release(&sql);
	return rc == SQLITE_OK ? 0 : fail_db(st, "cannot prepare the import");
}

/* The parameter of column col (1-based) of the next row. */
static int
rows_param(const struct import_rows *r, int col)
{
	return r->nconst + 1 + r->n * r->width + col;
}

/* Slot of the next row, for the strings it is bound to. */
static int
rows_slot(const struct import_rows *r)
{
	return r->n;
}

static int
rows_flush(struct store *st, struct import_rows *r)
{
	int rc;

	if (r->n == 0)
		return 0;
	rc = sqlite3_bind_int(r->s, r->nconst + 1, r->n);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(r->s);
	if (rc != SQLITE_DONE)
		fail_db(st, "cannot import the %s", r->what);
	sqlite3_reset(r->s);
	r->n = 0;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Counts in the row just bound (rc: its binds' first failure), inserting
 * the batch when it is full. */
static int
rows_added(struct store *st, struct import_rows *r, int rc)
{
	if (rc != SQLITE_OK)
		return fail(st, "cannot bind a value: %s", sqlite3_errstr(rc));
	if (++r->n < IMPORT_ROWS)
		return 0;
	return rows_flush(st, r);
}

/* Restores the connection's settings and frees im. */
static void
import_end(struct store_import *im)
{
	char sql[64];

	sqlite3_finalize(im->ivs.s);
	sqlite3_finalize(im->answers.s);
	snprintf(sql, sizeof sql, "PRAGMA foreign_keys = ON; "
	    "PRAGMA temp_store = %d", im->temp_store);
	sqlite3_exec(im->st->db, sql, NULL, NULL, NULL);
	free(im);
}

/* The statements, with what every row shares bound once. */
static int
import_prepare(struct store_import *im)
{
	struct store *st = im->st;
	int rc = SQLITE_OK;

	if (rows_prepare(st, &im->ivs, import_iv_sql, 3, 5, "interviews") ||
	    rows_prepare(st, &im->answers, import_answer_sql, 1, 6, "answers"))
		return -1;
	BIND(rc, sqlite3_bind_int64(im->ivs.s, 1, im->qrow));
	BIND(rc, sqlite3_bind_text(im->ivs.s, 2, im->now, -1, SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(im->ivs.s, 3, st->device, -1,
	    SQLITE_STATIC));
	BIND(rc, sqlite3_bind_text(im->answers.s, 1, im->now, -1,
	    SQLITE_STATIC));
	if (rc != SQLITE_OK)
		return fail(st, "cannot bind a value: %s", sqlite3_errstr(rc));
	return 0;
}

void
store_import_abort(struct store_import *im)
{
	if (im == NULL)
		return;
	tx_rollback(im->st);
	import_end(im);
}

int
store_open_import(struct store **out, const char *path, char **errmsg)
{
	return open_store(out, path, errmsg, OPEN_NOMUTEX);
}

int
store_import_begin(struct store *st, const char *survey_id,
    const char *version, const char *hash, const void *src, size_t len,
    int64_t *qrow, struct store_import **out)
{
	struct store_import *im;
	sqlite3_stmt *s = stmt(st, ST_SEQ_NEXT);
	char rnd[37], actual[65];
	int rc, found;

	*out = NULL;
	if (survey_id == NULL || version == NULL || hash == NULL ||
	    (src == NULL && len > 0))
		return fail(st, "questionnaire without id, version or source");
	sec_sha256_hex(src != NULL ? src : "", len, actual);
	if (strcmp(actual, hash) != 0)
		return fail(st, "questionnaire '%s': hash %.12s... does not "
		    "match its source (%.12s...)", survey_id, hash, actual);
	im = xcalloc(1, sizeof *im);
	im->st = st;
	now_iso(im->now);
	/*
	 * For the import only (restored by import_end, and to be set outside
	 * a transaction): every answer's interview is inserted in the same
	 * transaction, so the foreign key lookups per answer would check
	 * nothing. SQLite keeps a statement journal for each batch of
	 * interviews (their CHECKs call length()), a copy of every page the
	 * batch changes; in memory it costs a copy, in a temporary file a
	 * write and, for the most part, a system call per page.
	 *
	 * The page cache stays at its default size: rows are appended, so
	 * the pages in use are the right edges of the B-trees, and a page
	 * written out early is rewritten in place in the WAL, while a larger
	 * cache only costs a page fault per new page.
	 */
	if (query_int(st, "PRAGMA temp_store", &im->temp_store) == -1 ||
	    sqlite3_exec(st->db, "PRAGMA foreign_keys = OFF; "
	    "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK) {
		fail_db(st, "cannot prepare the import");
		import_end(im);
		return -1;
	}
	if (tx_begin(st) == -1) {
		import_end(im);
		return -1;
	}
	if ((found = questionnaire_find(st, hash, &im->qrow)) < 0)
		goto bad;
	if (found == 0) {
		sqlite3_stmt *q = stmt(st, ST_Q_ADD);

		rc = SQLITE_OK;
		BIND(rc, sqlite3_bind_text(q, 1, survey_id, -1, SQLITE_STATIC));
		BIND(rc, sqlite3_bind_text(q, 2, version, -1, SQLITE_STATIC));
		BIND(rc, sqlite3_bind_text(q, 3, hash, -1, SQLITE_STATIC));
		BIND(rc, sqlite3_bind_blob64(q, 4, src != NULL ? src : "", len,
		    SQLITE_STATIC));
		BIND(rc, sqlite3_bind_text(q, 5, im->now, -1, SQLITE_STATIC));
		if (bound(st, q, rc) == -1 ||
		    run(st, q, "record the questionnaire") == -1)
			goto bad;
		im->qrow = sqlite3_last_insert_rowid(st->db);
	}
	if (qrow != NULL)
		*qrow = im->qrow;
	if (import_prepare(im) == -1)
		goto bad;
	/* Numbered on from the largest in use; store_import_commit leaves
	 * the import's largest in meta.seq, as its answers have no log rows
	 * to carry it. */
	rc = sqlite3_step(s);
	im->seq = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) - 1 : 0;
	done(s);
	if (rc != SQLITE_ROW) {
		fail_db(st, "cannot read the answer counter");
		goto bad;
	}
	/*
	 * The import's UUIDs are store_uuid_new's, made once, with their last
	 * 40 bits (random there) counting up from a random start, so the
	 * UUIDs of one import sort in the order they are added.
	 */
	store_uuid_new(st, rnd);
	memcpy(im->uuid_head, rnd, 24);
	memcpy(im->uuid_rand, rnd + 24, 2);
	im->counter = (uint64_t)sec_random(1u << 20) << 8;
	*out = im;
	return 0;

bad:
	store_import_abort(im);
	return -1;
}

/* The next UUID of the import into im->uuid. */
static void
next_uuid(struct store_import *im)
{
	uint64_t c;
	int i;

	/* 24 characters of head, 2 random, 10 of counter. */
	memcpy(im->uuid, im->uuid_head, 24);
	memcpy(im->uuid + 24, im->uuid_rand, 2);
	for (i = 0, c = im->counter++; i < 10; i++, c >>= 4)
		im->uuid[35 - i] = "0123456789abcdef"[c & 15];
	im->uuid[36] = '\0';
}

/* Text from the caller's buffers is copied, as the row waits for its
 * batch. */
static int
bind_copy_or_null(sqlite3_stmt *s, int i, const char *t)
{
	return bind_text_d(s, i, t, SQLITE_TRANSIENT);
}

static int
bind_value_copy(sqlite3_stmt *s, int i, const struct store_value *v)
{
	if (v->type == STORE_TEXT)
		return sqlite3_bind_text(s, i, v->len > 0 ? v->text : "",
		    (int)v->len, SQLITE_TRANSIENT);
	return bind_value(s, i, v);
}

/* A missing code check_value accepted, as a string of our own. */
static const char *
missing_literal(const char *m)
{
	if (m == NULL)
		return NULL;
	return strcmp(m, "refused") == 0 ? "refused" : "dont_know";
}

int
store_import_interview(struct store_import *im, const char *stratum,
    const char *cluster, const char *household, const double *weight,
    char uuid_out[37])
{
	struct import_rows *r = &im->ivs;
	sqlite3_stmt *s = r->s;
	char *uuid = im->iv_uuid[rows_slot(r)];
	int rc = SQLITE_OK;

	if (weight != NULL && !(isfinite(*weight) && *weight > 0))
		return fail(im->st, "invalid sampling weight %g (must be a "
		    "positive number)", *weight);
	next_uuid(im);
	memcpy(uuid, im->uuid, 37);
	BIND(rc, sqlite3_bind_text(s, rows_param(r, 1), uuid, 36,
	    SQLITE_STATIC));
	BIND(rc, bind_copy_or_null(s, rows_param(r, 2), stratum));
	BIND(rc, bind_copy_or_null(s, rows_param(r, 3), cluster));
	BIND(rc, bind_copy_or_null(s, rows_param(r, 4), household));
	BIND(rc, weight != NULL ? sqlite3_bind_double(s, rows_param(r, 5),
	    *weight) : sqlite3_bind_null(s, rows_param(r, 5)));
	if (rows_added(im->st, r, rc) == -1)
		return -1;
	if (uuid_out != NULL)
		memcpy(uuid_out, im->uuid, 37);
	return 0;
}

int
store_import_answer(struct store_import *im, int member, const char *question,
    const struct store_value *v)
{
	struct store *st = im->st;
	struct import_rows *r = &im->answers;
	sqlite3_stmt *s = r->s;
	char *uuid = im->answer_uuid[rows_slot(r)];
	int rc = SQLITE_OK;

	if (im->uuid[0] == '\0')
		return fail(st, "answer imported before any interview");
	if (question == NULL || question[0] == '\0' || member < 0)
		return fail(st, "answer without question or member");
	if (check_value(st, question, v) == -1)
		return -1;
	memcpy(uuid, im->uuid, 37);
	BIND(rc, sqlite3_bind_text(s, rows_param(r, 1), uuid, 36,
	    SQLITE_STATIC));
	BIND(rc, sqlite3_bind_int(s, rows_param(r, 2), member));
	BIND(rc, sqlite3_bind_text(s, rows_param(r, 3), question, -1,
	    SQLITE_STATIC));
	BIND(rc, bind_value_copy(s, rows_param(r, 4), v));
	BIND(rc, bind_text_or_null(s, rows_param(r, 5),
	    missing_literal(v->missing)));
	BIND(rc, sqlite3_bind_int64(s, rows_param(r, 6), im->seq + 1));
	if (rows_added(st, r, rc) == -1)
		return -1;
	im->seq++;
	return 0;
}

int
store_import_commit(struct store_import *im)
{
	struct store *st = im->st;
	sqlite3_stmt *s = NULL;
	int rc;

	if (rows_flush(st, &im->ivs) == -1 ||
	    rows_flush(st, &im->answers) == -1) {
		store_import_abort(im);
		return -1;
	}
	rc = sqlite3_prepare_v2(st->db,
	    "UPDATE meta SET value = ?1 WHERE name = 'seq'", -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(s, 1, im->seq);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	if (rc != SQLITE_OK) {
		fail_db(st, "cannot update the answer counter");
		sqlite3_finalize(s);
		store_import_abort(im);
		return -1;
	}
	sqlite3_finalize(s);
	rc = tx_commit(st);
	import_end(im);
	return rc;
}

/* ---- batches -------------------------------------------------------------- */

int
store_batch_begin(struct store *st)
{
	if (st->batch)
		return fail(st, "a batch is already open");
	if (tx_begin(st) < 0)
		return -1;
	st->batch = 1;
	return 0;
}

int
store_batch_commit(struct store *st)
{
	if (!st->batch)
		return fail(st, "no batch is open");
	st->batch = 0;
	/* A write that failed inside the batch has rolled it all back. */
	if (sqlite3_get_autocommit(st->db))
		return fail(st, "the batch was rolled back by an earlier error");
	return tx_commit(st);
}

/* ---- shared with the other store-*.c files (store-int.h) --------------- */

sqlite3 *
store_int_db(struct store *st)
{
	return st->db;
}

int
store_int_fail(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(st, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int
store_int_fail_db(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(st, 1, fmt, ap);
	va_end(ap);
	return -1;
}

int
store_int_begin(struct store *st)
{
	return tx_begin(st);
}

int
store_int_commit(struct store *st)
{
	return tx_commit(st);
}

void
store_int_rollback(struct store *st)
{
	tx_rollback(st);
}

void
store_int_now(char out[32])
{
	now_iso(out);
}
