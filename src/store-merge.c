/*
 * store-merge.c: bringing the interviews of another lcsurvey database (a
 * field laptop's) into this one, as lcsurvey-store(5), MERGING describes.
 *
 * Inputs come from many devices and are treated as untrusted: the file is
 * read through its own read-only connection and copied page by page into
 * a private temporary database attached to the target, where it is checked
 * (integrity, owner, schema, hashes, lengths) before any row is read as
 * data; the target's own constraints then check every row again on insert.
 * Everything an input changes is one transaction.
 */
#include "store.h"
#include "store-int.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "questionnaire.h"
#include "sec.h"
#include "xmalloc.h"

/* The longest values lcsurvey ever writes, with a wide margin: anything
 * beyond is a hand-made or hostile file, refused before it is read. */
#define MAX_SOURCE	(16 << 20)	/* a questionnaire's YAML */
#define MAX_NAME	1000		/* ids, versions, design fields */
#define MAX_VALUE	(1 << 20)	/* one answer */
#define MAX_SEQ		((int64_t)1 << 50)
#define MAX_MEMBER	100000

/* Kept per merge: temporary tables live in the connection's temp schema,
 * the input in its own attached database. */
static const char *const setup_sql =
    "CREATE TEMP TABLE IF NOT EXISTS merge_qmap (\n"
    "	src INTEGER PRIMARY KEY, dst INTEGER NOT NULL);\n"
    "CREATE TEMP TABLE IF NOT EXISTS merge_new (\n"
    "	uuid TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;\n"
    "CREATE TEMP TABLE IF NOT EXISTS merge_calc (\n"
    "	q INTEGER NOT NULL, question TEXT NOT NULL,\n"
    "	PRIMARY KEY (q, question)) WITHOUT ROWID;\n"
    "DELETE FROM temp.merge_qmap;\n"
    "DELETE FROM temp.merge_new;\n"
    "DELETE FROM temp.merge_calc;\n";

/* The interview columns copied as they are (uuid and questionnaire are
 * given separately), in the order of the INSERT and UPDATE below. */
#define IV_COLS "status, started_at, ended_at, updated_at, enumerator, " \
	"device, language, mode, stratum, cluster, household, weight"
#define IV_SCOLS "s.status, s.started_at, s.ended_at, s.updated_at, " \
	"s.enumerator, s.device, s.language, s.mode, s.stratum, s.cluster, " \
	"s.household, s.weight"

/* The answer_log columns but seq (and, for the 2 forms, interview). */
#define LOG_COLS2 "device, member, question, event, old_value, " \
	"old_missing, new_value, new_missing, confirmed, reason, at, " \
	"clock_backwards"
#define LOG_LCOLS2 "l.device, l.member, l.question, l.event, l.old_value, " \
	"l.old_missing, l.new_value, l.new_missing, l.confirmed, l.reason, " \
	"l.at, l.clock_backwards"
#define LOG_COLS "interview, " LOG_COLS2
#define LOG_LCOLS "l.interview, " LOG_LCOLS2

/* Log rows t (target) and l (input) record the same event: the device
 * and its clock's millisecond, what happened and to which answer. */
#define LOG_SAME "t.device = l.device AND t.at = l.at AND " \
	"t.event = l.event AND t.member IS l.member AND " \
	"t.question IS l.question"

enum {
	M_NEW_FIND,
	M_NEW_IV,
	M_NEW_ANS,
	M_NEW_LOG,
	M_NEW_META,
	M_BOTH,
	M_EXTRA_T,
	M_EXTRA_S,
	M_LOG_T,
	M_LOG_S,
	M_LOG_N,
	M_DIGEST,
	M_EXISTS,
	M_COPY_IV,
	M_COPY_ANS,
	M_COPY_LOG,
	M_COPY_META,
	M_DEL_ANS,
	M_UPD_IV,
	M_CALC_ADD,
	M_Q_SOURCE,
	M__N
};

static const char *const merge_sql[M__N] = {
	[M_NEW_FIND] =
	    "INSERT INTO temp.merge_new (uuid) SELECT s.uuid "
	    "FROM merge_src.interviews s WHERE NOT EXISTS "
	    "(SELECT 1 FROM main.interviews i WHERE i.uuid = s.uuid)",
	[M_NEW_IV] =
	    "INSERT INTO main.interviews (uuid, questionnaire, " IV_COLS ") "
	    "SELECT s.uuid, q.dst, " IV_SCOLS " FROM temp.merge_new n "
	    "JOIN merge_src.interviews s ON s.uuid = n.uuid "
	    "JOIN temp.merge_qmap q ON q.src = s.questionnaire",
	/* Sequence numbers are shifted past the target's: unique, and in
	 * the order they were written on the device. */
	[M_NEW_ANS] =
	    "INSERT INTO main.answers (interview, member, question, value, "
	    "missing, answered_at, seconds, seq, confirmed) "
	    "SELECT a.interview, a.member, a.question, a.value, a.missing, "
	    "a.answered_at, a.seconds, a.seq + ?1, a.confirmed "
	    "FROM temp.merge_new n "
	    "JOIN merge_src.answers a ON a.interview = n.uuid",
	/* The audit trail comes along, numbered like the answers (a log
	 * row and the answer it wrote share their number). */
	[M_NEW_LOG] =
	    "INSERT INTO main.answer_log (seq, " LOG_COLS ") "
	    "SELECT l.seq + ?1, " LOG_LCOLS " FROM temp.merge_new n "
	    "JOIN merge_src.answer_log l ON l.interview = n.uuid",
	/* An interview that was kept as a conflict copy in the input stays
	 * linked to its original here. */
	[M_NEW_META] =
	    "INSERT OR IGNORE INTO main.meta (name, value) "
	    "SELECT m.name, m.value FROM temp.merge_new n "
	    "JOIN merge_src.meta m ON m.name = 'conflict:' || n.uuid "
	    "WHERE typeof(m.value) = 'text' AND length(m.value) = 36",
	[M_BOTH] =
	    "SELECT s.uuid, s.status, i.status, q.dst = i.questionnaire, "
	    "i.questionnaire, "
	    "s.stratum IS i.stratum AND s.cluster IS i.cluster AND "
	    "s.household IS i.household AND s.weight IS i.weight "
	    "FROM merge_src.interviews s "
	    "JOIN main.interviews i ON i.uuid = s.uuid "
	    "JOIN temp.merge_qmap q ON q.src = s.questionnaire",
	/* Answers of one side without an identical answer on the other:
	 * same member and question, same value of the same type, same
	 * missing code. Calculations of questionnaire ?2 are left out. */
	[M_EXTRA_T] =
	    "SELECT count(*) FROM main.answers t WHERE t.interview = ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM temp.merge_calc c WHERE c.q = ?2 "
	    "AND c.question = t.question) AND NOT EXISTS (SELECT 1 FROM merge_src.answers s "
	    "WHERE s.interview = ?1 AND s.member = t.member AND "
	    "s.question = t.question AND s.value IS t.value AND "
	    "typeof(s.value) = typeof(t.value) AND s.missing IS t.missing)",
	[M_EXTRA_S] =
	    "SELECT count(*) FROM merge_src.answers s WHERE s.interview = ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM temp.merge_calc c WHERE c.q = ?2 "
	    "AND c.question = s.question) AND NOT EXISTS (SELECT 1 FROM main.answers t "
	    "WHERE t.interview = ?1 AND t.member = s.member AND "
	    "t.question = s.question AND t.value IS s.value AND "
	    "typeof(t.value) = typeof(s.value) AND t.missing IS s.missing)",
	/* Of interview ?1's log rows on one side: how many, and how many
	 * the other side lacks. */
	[M_LOG_T] =
	    "SELECT count(*), total(NOT EXISTS (SELECT 1 FROM "
	    "merge_src.answer_log l WHERE l.interview = ?1 AND " LOG_SAME ")) "
	    "FROM main.answer_log t WHERE t.interview = ?1",
	[M_LOG_S] =
	    "SELECT count(*), total(NOT EXISTS (SELECT 1 FROM "
	    "main.answer_log t WHERE t.interview = ?1 AND " LOG_SAME ")) "
	    "FROM merge_src.answer_log l WHERE l.interview = ?1",
	[M_LOG_N] =
	    "SELECT (SELECT count(*) FROM main.answer_log WHERE interview = ?1), "
	    "(SELECT count(*) FROM merge_src.answer_log WHERE interview = ?1)",
	[M_DIGEST] =
	    "SELECT group_concat(x, char(10)) FROM (SELECT a.member || ' ' || "
	    "a.question || ' ' || typeof(a.value) || ' ' || quote(a.value) || "
	    "' ' || ifnull(a.missing, '-') AS x FROM merge_src.answers a "
	    "WHERE a.interview = ?1 ORDER BY a.member, a.question)",
	[M_EXISTS] = "SELECT 1 FROM main.interviews WHERE uuid = ?1",
	[M_COPY_IV] =
	    "INSERT INTO main.interviews (uuid, questionnaire, " IV_COLS ") "
	    "SELECT ?2, q.dst, " IV_SCOLS " FROM merge_src.interviews s "
	    "JOIN temp.merge_qmap q ON q.src = s.questionnaire "
	    "WHERE s.uuid = ?1",
	[M_COPY_ANS] =
	    "INSERT INTO main.answers (interview, member, question, value, "
	    "missing, answered_at, seconds, seq, confirmed) "
	    "SELECT ?2, a.member, a.question, a.value, a.missing, "
	    "a.answered_at, a.seconds, a.seq + ?3, a.confirmed "
	    "FROM merge_src.answers a WHERE a.interview = ?1",
	/* The log of the input's version, less the events the target has
	 * already (an earlier merge of the same interview, which this
	 * version continues). */
	[M_COPY_LOG] =
	    "INSERT INTO main.answer_log (seq, interview, " LOG_COLS2 ") "
	    "SELECT l.seq + ?3, ?2, " LOG_LCOLS2 " "
	    "FROM merge_src.answer_log l WHERE l.interview = ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM main.answer_log t "
	    "WHERE t.interview = ?2 AND " LOG_SAME ")",
	[M_COPY_META] =
	    "INSERT OR REPLACE INTO main.meta (name, value) "
	    "VALUES ('conflict:' || ?1, ?2)",
	[M_DEL_ANS] = "DELETE FROM main.answers WHERE interview = ?1",
	[M_UPD_IV] =
	    "UPDATE main.interviews SET (questionnaire, " IV_COLS ") = "
	    "(SELECT q.dst, " IV_SCOLS " FROM merge_src.interviews s "
	    "JOIN temp.merge_qmap q ON q.src = s.questionnaire "
	    "WHERE s.uuid = ?1) WHERE uuid = ?1",
	[M_CALC_ADD] =
	    "INSERT OR IGNORE INTO temp.merge_calc (q, question) "
	    "VALUES (?1, ?2)",
	[M_Q_SOURCE] = "SELECT source FROM main.questionnaires WHERE id = ?1",
};

/* An interview on both sides, as M_BOTH found it. */
struct both {
	char uuid[37];
	char sstatus[12], tstatus[12];
	int same_q, same_design;
	int64_t q;		/* the target's questionnaire */
};

struct merge {
	struct store *st;
	sqlite3 *db;		/* the target's connection */
	sqlite3 *src;		/* read-only, on the input file */
	const char *path;
	int attached;
	sqlite3_stmt *s[M__N];
	int64_t base;		/* added to the input's sequence numbers */
	struct store_merge_stats *stats;
	int64_t *calc_loaded;	/* questionnaires in temp.merge_calc */
	size_t ncalc, capcalc;
	char (*conflicts)[2][37];
	size_t nconflicts, capconflicts;
};

static int
refuse(struct merge *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Fails with "'PATH': MESSAGE". */
static int
refuse(struct merge *m, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	store_int_fail(m->st, "'%s': %s", m->path, buf_str(&b));
	buf_release(&b);
	return -1;
}

/* The same, with SQLite's message for the target connection's last
 * error. */
static int
refuse_db(struct merge *m, const char *what)
{
	return refuse(m, "%s: %s", what, sqlite3_errmsg(m->db));
}

/* One-row, one-integer query on the target connection; *out 0 without a
 * row. Only for fixed SQL text. */
static int
query_i64(struct merge *m, const char *sql, int64_t *out, const char *what)
{
	sqlite3_stmt *s;
	int rc;

	*out = 0;
	if (sqlite3_prepare_v2(m->db, sql, -1, &s, NULL) != SQLITE_OK)
		return refuse_db(m, what);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return refuse_db(m, what);
	return 0;
}

/* Steps a bound statement to its end and resets it. */
static int
run(struct merge *m, int which, const char *what)
{
	sqlite3_stmt *s = m->s[which];
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return refuse_db(m, what);
	return 0;
}

/* ---- reading the input ------------------------------------------------- */

static int
check_file(struct merge *m)
{
	struct stat sb, tb;
	const char *target = sqlite3_db_filename(m->db, "main");

	if (stat(m->path, &sb) == -1)
		return refuse(m, "cannot read: %s", strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return refuse(m, "not a regular file");
	if ((int64_t)sb.st_size > STORE_MERGE_MAX_BYTES)
		return refuse(m, "%lld bytes, more than the %lld a merge reads "
		    "(is it really an lcsurvey database?)",
		    (long long)sb.st_size, (long long)STORE_MERGE_MAX_BYTES);
	if (target != NULL && target[0] != '\0' && stat(target, &tb) == 0 &&
	    tb.st_dev == sb.st_dev && tb.st_ino == sb.st_ino)
		return refuse(m, "that is the target database itself");
	return 0;
}

/* A message for an SQLite error met while reading the input. */
static const char *
read_error(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return "not an SQLite database";
	case SQLITE_CORRUPT:
		return "damaged or truncated (SQLite reports corruption)";
	case SQLITE_IOERR:
		return "cannot be read to the end (truncated?)";
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "in use by another program; try again when it is done";
	case SQLITE_READONLY:
		return "has an unfinished transaction (open it once with "
		    "lcsurvey to recover it)";
	case SQLITE_CANTOPEN:
		return "cannot be opened";
	default:
		return NULL;
	}
}

/* Attaches the private database merge_src the input is copied into. */
static int
attach(struct merge *m)
{
	sqlite3_stmt *s;
	int rc;

	/* An empty name: a temporary database, deleted when detached. */
	if (sqlite3_prepare_v2(m->db, "ATTACH ?1 AS merge_src", -1, &s,
	    NULL) != SQLITE_OK)
		return refuse_db(m, "cannot attach a temporary database");
	sqlite3_bind_text(s, 1, "", 0, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return refuse_db(m, "cannot attach a temporary database");
	m->attached = 1;
	return 0;
}

/*
 * The usual case, a file without a write-ahead log beside it: its bytes
 * are read into memory and handed to SQLite as merge_src, so nothing in
 * the input's directory is opened but the file, and only for reading.
 */
static int
load_input(struct merge *m, int64_t size)
{
	unsigned char *p;
	size_t n = 0, got;
	FILE *fp;
	int rc;

	if ((fp = fopen(m->path, "rb")) == NULL)
		return refuse(m, "cannot read: %s", strerror(errno));
	p = sqlite3_malloc64(size > 0 ? (uint64_t)size : 1);
	if (p == NULL) {
		fclose(fp);
		return refuse(m, "out of memory reading %lld bytes",
		    (long long)size);
	}
	while (n < (size_t)size && (got = fread(p + n, 1, (size_t)size - n,
	    fp)) > 0)
		n += got;
	if (ferror(fp) || n != (size_t)size) {
		int err = ferror(fp) ? errno : 0;

		fclose(fp);
		sqlite3_free(p);
		return refuse(m, "cannot read: %s", err != 0 ? strerror(err) :
		    "it changed while being read");
	}
	fclose(fp);
	/* Not SQLITE_DESERIALIZE_READONLY: BEGIN IMMEDIATE, which locks
	 * every attached database, would fail on it. Nothing writes to the
	 * copy. The in-memory copy has no log: mark it a rollback-journal file
	 * (header bytes 18 and 19), or SQLite would look for one. */
	if (n >= 100 && memcmp(p, "SQLite format 3", 16) == 0 &&
	    p[18] == 2 && p[19] == 2)
		p[18] = p[19] = 1;
	rc = sqlite3_deserialize(m->db, "merge_src", p, (sqlite3_int64)n,
	    (sqlite3_int64)n, SQLITE_DESERIALIZE_FREEONCLOSE);
	if (rc != SQLITE_OK)
		return refuse_db(m, "cannot load it");
	return 0;
}

/*
 * A file with a write-ahead log beside it (copied while lcsurvey had it
 * open, or from a laptop that lost power): SQLite must read the two
 * together, through a read-only connection of the input's own, which
 * only runs the copy into merge_src.
 */
static int
copy_input(struct merge *m)
{
	sqlite3_backup *b;
	const char *why;
	int rc;

	rc = sqlite3_open_v2(m->path, &m->src, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		why = read_error(rc);
		return refuse(m, "%s", why != NULL ? why : m->src != NULL ?
		    sqlite3_errmsg(m->src) : "out of memory");
	}
	sqlite3_busy_timeout(m->src, 5000); /* a live file's writer commits */
	sqlite3_extended_result_codes(m->src, 1);
	sqlite3_db_config(m->src, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(m->src, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0,
	    (int *)NULL);
	/* Typical inputs then stay in memory. */
	sqlite3_exec(m->db, "PRAGMA merge_src.cache_size = -65536", NULL, NULL,
	    NULL);
	b = sqlite3_backup_init(m->db, "merge_src", m->src, "main");
	if (b == NULL)
		return refuse_db(m, "cannot copy");
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		why = read_error(rc);
		if (why == NULL)
			return refuse(m, "cannot copy: %s", sqlite3_errstr(rc));
		return refuse(m, "%s", why);
	}
	return 0;
}

/* Into merge_src, by whichever of the two ways fits the file. */
static int
read_input(struct merge *m)
{
	struct stat sb, wb;
	char *wal;
	int has_wal;

	if (stat(m->path, &sb) == -1)
		return refuse(m, "cannot read: %s", strerror(errno));
	/* An empty log is what a clean close leaves behind at most. */
	wal = xmalloc(strlen(m->path) + 5);
	sprintf(wal, "%s-wal", m->path);
	has_wal = stat(wal, &wb) == 0 && wb.st_size > 0;
	free(wal);
	if (attach(m) == -1)
		return -1;
	return has_wal ? copy_input(m) : load_input(m, (int64_t)sb.st_size);
}

/* The first row of a PRAGMA check on merge_src: "ok" or the problem. */
static int
check_pragma(struct merge *m, const char *sql, const char *what)
{
	sqlite3_stmt *s;
	const char *why;
	int rc;

	rc = sqlite3_prepare_v2(m->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		why = read_error(sqlite3_extended_errcode(m->db));
		sqlite3_finalize(s);
		if (why != NULL)
			return refuse(m, "%s", why);
		return refuse_db(m, what);
	}
	if (rc == SQLITE_ROW && (sqlite3_column_text(s, 0) == NULL ||
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0)) {
		char first[160];
		char *nl;

		snprintf(first, sizeof first, "%s",
		    sqlite3_column_text(s, 0) != NULL ?
		    (const char *)sqlite3_column_text(s, 0) : "?");
		for (nl = first; (nl = strchr(nl, '\n')) != NULL;)
			*nl = ' ';
		sqlite3_finalize(s);
		return refuse(m, "damaged or truncated (%s: %s)", what, first);
	}
	sqlite3_finalize(s);
	return 0;
}

static int
quick_check(void *m)
{
	return check_pragma(m, "PRAGMA merge_src.quick_check", "quick_check");
}

/*
 * The input's structure (store_int_structure_check: its CHECK constraints
 * left out, and back on for the copy). The interviews' CHECK constraints,
 * whose status decides what a merge does with them, are checked once the
 * schema is known to be ours (in store_merge). The others protect
 * nothing here: every row a merge writes goes through the target's own
 * CHECK constraints, which refuse the whole file when one fails, and an
 * answer or log row it does not write only takes part in comparisons with
 * the target's valid rows. Leaving them out took a quarter off a 200-file
 * merge (bench/merge.sh).
 */
static int
check_structure(struct merge *m)
{
	return store_int_structure_check(m->st, quick_check, m);
}

/* Owner and version: the input must be an lcsurvey file of the target's
 * schema version. */
static int
check_owner(struct merge *m)
{
	int64_t sid, tid, sver, tver;

	if (query_i64(m, "PRAGMA merge_src.application_id", &sid,
	    "cannot read the application id") == -1 ||
	    query_i64(m, "PRAGMA main.application_id", &tid,
	    "cannot read the application id") == -1 ||
	    query_i64(m, "PRAGMA merge_src.user_version", &sver,
	    "cannot read the schema version") == -1 ||
	    query_i64(m, "PRAGMA main.user_version", &tver,
	    "cannot read the schema version") == -1)
		return -1;
	if (sid == 0 && sver == 0) {
		int64_t ntables;

		if (query_i64(m, "SELECT count(*) FROM merge_src.sqlite_schema",
		    &ntables, "cannot read its schema") == -1)
			return -1;
		return refuse(m, ntables > 0 ? "an SQLite database, but not an "
		    "lcsurvey one (it has other tables and no schema version)" :
		    "an empty SQLite database, not an lcsurvey one");
	}
	if (sid != tid)
		return refuse(m, "not an lcsurvey database (SQLite application "
		    "id %#llx)", (unsigned long long)sid);
	if (sver > tver)
		return refuse(m, "schema version %lld is newer than the "
		    "target's (%lld); upgrade lcsurvey and open the target "
		    "with it first", (long long)sver, (long long)tver);
	if (sver < tver)
		return refuse(m, "schema version %lld is older than the "
		    "target's (%lld); open it once with this lcsurvey to "
		    "bring it forward (for example 'lcsurvey field-report "
		    "--db %s')", (long long)sver, (long long)tver, m->path);
	return 0;
}

/* The input's tables, indexes and triggers must be exactly the target's:
 * nothing else in it is ever read, and nothing in it can run. */
static int
check_schema(struct merge *m)
{
	static const char *const sql[2] = {
		"SELECT type, name FROM (SELECT type, name, tbl_name, sql "
		"FROM merge_src.sqlite_schema EXCEPT SELECT type, name, "
		"tbl_name, sql FROM main.sqlite_schema) "
		"WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' LIMIT 1",
		"SELECT type, name FROM (SELECT type, name, tbl_name, sql "
		"FROM main.sqlite_schema EXCEPT SELECT type, name, "
		"tbl_name, sql FROM merge_src.sqlite_schema) "
		"WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' LIMIT 1",
	};
	sqlite3_stmt *s;
	int i, rc;

	for (i = 0; i < 2; i++) {
		if (sqlite3_prepare_v2(m->db, sql[i], -1, &s, NULL) !=
		    SQLITE_OK)
			return refuse_db(m, "cannot read its schema");
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			refuse(m, "not an lcsurvey database of this schema: "
			    "%s %s '%s' (a foreign or hand-edited file)",
			    i == 0 ? "it has" : "it lacks",
			    (const char *)sqlite3_column_text(s, 0),
			    (const char *)sqlite3_column_text(s, 1));
			sqlite3_finalize(s);
			return -1;
		}
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return refuse_db(m, "cannot read its schema");
	}
	return 0;
}

/* Lengths and numbers no lcsurvey ever writes. */
static int
check_sizes(struct merge *m)
{
	static const struct {
		const char *table, *sql;
	} checks[] = {
		{ "questionnaires",
		  "SELECT count(*) FROM merge_src.questionnaires WHERE "
		  "length(source) > ?1 OR length(survey_id) > ?2 OR "
		  "length(version) > ?2 OR length(added_at) > 40" },
		{ "interviews",
		  "SELECT count(*) FROM merge_src.interviews WHERE "
		  "length(started_at) > 40 OR length(ended_at) > 40 OR "
		  "length(updated_at) > 40 OR length(enumerator) > ?2 OR "
		  "length(language) > ?2 OR length(stratum) > ?2 OR "
		  "length(cluster) > ?2 OR length(household) > ?2" },
		{ "answers",
		  "SELECT count(*) FROM merge_src.answers WHERE "
		  "length(question) > ?2 OR length(value) > ?3 OR "
		  "length(answered_at) > 40 OR typeof(seq) <> 'integer' OR "
		  "seq < 0 OR seq > ?4 OR member > ?5" },
		{ "answer_log",
		  "SELECT count(*) FROM merge_src.answer_log WHERE "
		  "length(question) > ?2 OR length(old_value) > ?3 OR "
		  "length(new_value) > ?3 OR length(reason) > ?3 OR "
		  "length(at) > 40 OR seq < 0 OR seq > ?4 OR member > ?5" },
		{ "meta",
		  "SELECT count(*) FROM merge_src.meta WHERE "
		  "length(name) > ?2 OR length(value) > ?2" },
	};
	sqlite3_stmt *s;
	size_t i;
	int rc;
	int64_t n;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if (sqlite3_prepare_v2(m->db, checks[i].sql, -1, &s, NULL) !=
		    SQLITE_OK)
			return refuse_db(m, "cannot check its sizes");
		/* Unused parameters of a statement are simply unbound. */
		sqlite3_bind_int(s, 1, MAX_SOURCE);
		sqlite3_bind_int(s, 2, MAX_NAME);
		if (sqlite3_bind_parameter_count(s) >= 3)
			sqlite3_bind_int(s, 3, MAX_VALUE);
		if (sqlite3_bind_parameter_count(s) >= 4) {
			sqlite3_bind_int64(s, 4, MAX_SEQ);
			sqlite3_bind_int(s, 5, MAX_MEMBER);
		}
		rc = sqlite3_step(s);
		n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW)
			return refuse_db(m, "cannot check its sizes");
		if (n > 0)
			return refuse(m, "%lld row%s of table '%s' %s values "
			    "larger than lcsurvey ever writes (a hand-made or "
			    "hostile file?)", (long long)n, n == 1 ? "" : "s",
			    checks[i].table, n == 1 ? "has" : "have");
	}
	return 0;
}

/* Dangling references in the input: answers of no interview, interviews
 * of no questionnaire. */
static int
check_references(struct merge *m)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(m->db, "PRAGMA merge_src.foreign_key_check",
	    -1, &s, NULL) != SQLITE_OK)
		return refuse_db(m, "cannot check its references");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		refuse(m, "damaged: a row of table '%s' refers to a missing "
		    "row of '%s'", (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 2));
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return refuse_db(m, "cannot check its references");
	return 0;
}

/* ---- writing ------------------------------------------------------------ */

/*
 * Questionnaires by hash: each of the input's is checked against its
 * source bytes, found or added in the target, and its row id mapped in
 * temp.merge_qmap.
 */
static int
merge_questionnaires(struct merge *m)
{
	sqlite3_stmt *rd = NULL, *find = NULL, *add = NULL, *map = NULL;
	char actual[65], now[32];
	int rc, ret = -1;

	store_int_now(now);
	if (sqlite3_prepare_v2(m->db, "SELECT id, survey_id, version, hash, "
	    "source FROM merge_src.questionnaires", -1, &rd, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(m->db, "SELECT id FROM main.questionnaires "
	    "WHERE hash = ?1", -1, &find, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(m->db, "INSERT INTO main.questionnaires "
	    "(survey_id, version, hash, source, added_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)", -1, &add, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(m->db, "INSERT INTO temp.merge_qmap (src, dst) "
	    "VALUES (?1, ?2)", -1, &map, NULL) != SQLITE_OK) {
		refuse_db(m, "cannot read its questionnaires");
		goto out;
	}
	while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
		const void *src = sqlite3_column_blob(rd, 4);
		int len = sqlite3_column_bytes(rd, 4);
		const char *hash = (const char *)sqlite3_column_text(rd, 3);
		const char *sid = (const char *)sqlite3_column_text(rd, 1);
		int64_t dst;

		/* The hash is how the target tells versions apart, so it
		 * must really be the stored source's. */
		sec_sha256_hex(src != NULL ? src : "", (size_t)len, actual);
		if (hash == NULL || strcmp(actual, hash) != 0) {
			refuse(m, "questionnaire '%s': its hash does not match "
			    "its source (edited by hand?)", sid ? sid : "?");
			goto out;
		}
		sqlite3_bind_text(find, 1, hash, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(find);
		dst = rc == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
		sqlite3_reset(find);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			refuse_db(m, "cannot look up a questionnaire");
			goto out;
		}
		if (rc == SQLITE_DONE) {
			sqlite3_bind_value(add, 1, sqlite3_column_value(rd, 1));
			sqlite3_bind_value(add, 2, sqlite3_column_value(rd, 2));
			sqlite3_bind_text(add, 3, hash, -1, SQLITE_TRANSIENT);
			sqlite3_bind_blob(add, 4, src != NULL ? src : "", len,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(add, 5, now, -1, SQLITE_STATIC);
			rc = sqlite3_step(add);
			sqlite3_reset(add);
			if (rc != SQLITE_DONE) {
				refuse_db(m, "cannot add a questionnaire");
				goto out;
			}
			dst = sqlite3_last_insert_rowid(m->db);
			m->stats->questionnaires++;
		}
		sqlite3_bind_int64(map, 1, sqlite3_column_int64(rd, 0));
		sqlite3_bind_int64(map, 2, dst);
		rc = sqlite3_step(map);
		sqlite3_reset(map);
		if (rc != SQLITE_DONE) {
			refuse_db(m, "cannot map a questionnaire");
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		refuse_db(m, "cannot read its questionnaires");
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(rd);
	sqlite3_finalize(find);
	sqlite3_finalize(add);
	sqlite3_finalize(map);
	return ret;
}

/*
 * Calculated values are recomputed whenever an answer they depend on
 * comes in, so they are no part of "one version's answers include the
 * other's"; their ids come from the questionnaire itself, loaded the
 * first time an interview of it needs them. A questionnaire that no
 * longer loads leaves them in, which can only turn an update into a
 * conflict.
 */
static int
load_calcs(struct merge *m, int64_t q)
{
	sqlite3_stmt *s = m->s[M_Q_SOURCE], *add = m->s[M_CALC_ADD];
	struct questionnaire *qn = NULL;
	struct diag d;
	size_t i;
	int rc, k, ret = 0;

	for (i = 0; i < m->ncalc; i++)
		if (m->calc_loaded[i] == q)
			return 0;
	xgrow((void **)&m->calc_loaded, &m->capcalc, m->ncalc + 1,
	    sizeof *m->calc_loaded);
	m->calc_loaded[m->ncalc++] = q;
	sqlite3_bind_int64(s, 1, q);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		diag_init(&d, "questionnaire");
		qn = questionnaire_load_buffer("questionnaire",
		    sqlite3_column_blob(s, 0),
		    (size_t)sqlite3_column_bytes(s, 0), &d);
		diag_release(&d);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return refuse_db(m, "cannot read a questionnaire");
	for (k = 0; qn != NULL && ret == 0 && k < qn->nquestions; k++) {
		if (qn->questions[k].type != QN_CALCULATE)
			continue;
		sqlite3_bind_int64(add, 1, q);
		sqlite3_bind_text(add, 2, qn->questions[k].id, -1,
		    SQLITE_STATIC);
		ret = run(m, M_CALC_ADD, "cannot list calculations");
	}
	questionnaire_free(qn);
	return ret;
}

static int
count_extra(struct merge *m, int which, const char *uuid, int64_t q,
    int64_t *n)
{
	sqlite3_stmt *s = m->s[which];
	int rc;

	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, q);
	rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return refuse_db(m, "cannot compare answers");
	return 0;
}

/*
 * The UUID the input's version of interview uuid is kept under when it
 * conflicts: derived from the UUID, status and answers, so merging the
 * same file again finds the copy already there. Version 8 (custom), per
 * RFC 9562.
 */
static int
conflict_uuid(struct merge *m, const struct both *b, char out[37])
{
	sqlite3_stmt *s = m->s[M_DIGEST];
	struct buf in = BUF_INIT;
	char hex[65];
	int rc, i, j;

	sqlite3_bind_text(s, 1, b->uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	buf_addf(&in, "lcsurvey conflict\n%s\n%s\n", b->uuid, b->sstatus);
	if (rc == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		buf_add(&in, (const char *)sqlite3_column_text(s, 0),
		    (size_t)sqlite3_column_bytes(s, 0));
	sqlite3_reset(s);
	if (rc != SQLITE_ROW) {
		buf_release(&in);
		return refuse_db(m, "cannot read answers");
	}
	sec_sha256_hex(buf_str(&in), in.len, hex);
	buf_release(&in);
	hex[12] = '8';
	hex[16] = "89ab"[(hex[16] >= 'a' ? hex[16] - 'a' + 10 :
	    hex[16] - '0') & 3];
	for (i = 0, j = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			out[i] = '-';
		else
			out[i] = hex[j++];
	}
	out[36] = '\0';
	return 0;
}

static int
copy_log(struct merge *m, const char *from, const char *to)
{
	sqlite3_stmt *s = m->s[M_COPY_LOG];

	sqlite3_bind_text(s, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, m->base);
	return run(m, M_COPY_LOG, "cannot copy the audit log");
}

/* Copies the input's interview from (with its answers and log) into the
 * target as interview to. */
static int
copy_interview(struct merge *m, const char *from, const char *to)
{
	sqlite3_stmt *iv = m->s[M_COPY_IV], *ans = m->s[M_COPY_ANS];

	sqlite3_bind_text(iv, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(iv, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(ans, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(ans, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ans, 3, m->base);
	if (run(m, M_COPY_IV, "cannot copy an interview") == -1 ||
	    run(m, M_COPY_ANS, "cannot copy answers") == -1)
		return -1;
	return copy_log(m, from, to);
}

static int
keep_conflict(struct merge *m, const struct both *b)
{
	sqlite3_stmt *s = m->s[M_EXISTS];
	char copy[37];
	int rc;

	if (conflict_uuid(m, b, copy) == -1)
		return -1;
	sqlite3_bind_text(s, 1, copy, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return refuse_db(m, "cannot look up an interview");
	if (rc == SQLITE_ROW) {
		/* Kept by an earlier merge of the same version. */
		m->stats->unchanged++;
		return 0;
	}
	if (copy_interview(m, b->uuid, copy) == -1)
		return -1;
	sqlite3_bind_text(m->s[M_COPY_META], 1, copy, -1, SQLITE_STATIC);
	sqlite3_bind_text(m->s[M_COPY_META], 2, b->uuid, -1, SQLITE_STATIC);
	if (run(m, M_COPY_META, "cannot record a conflict") == -1)
		return -1;
	xgrow((void **)&m->conflicts, &m->capconflicts, m->nconflicts + 1,
	    sizeof *m->conflicts);
	memcpy(m->conflicts[m->nconflicts][0], b->uuid, 37);
	memcpy(m->conflicts[m->nconflicts][1], copy, 37);
	m->nconflicts++;
	m->stats->conflicts++;
	return 0;
}

/* The target's version is replaced by the input's, answers and all; the
 * log keeps the events of both. */
static int
replace(struct merge *m, const struct both *b)
{
	sqlite3_bind_text(m->s[M_DEL_ANS], 1, b->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(m->s[M_UPD_IV], 1, b->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(m->s[M_COPY_ANS], 1, b->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(m->s[M_COPY_ANS], 2, b->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(m->s[M_COPY_ANS], 3, m->base);
	if (run(m, M_DEL_ANS, "cannot replace answers") == -1 ||
	    run(m, M_UPD_IV, "cannot update an interview") == -1 ||
	    run(m, M_COPY_ANS, "cannot copy answers") == -1 ||
	    copy_log(m, b->uuid, b->uuid) == -1)
		return -1;
	m->stats->updated++;
	return 0;
}

/* Interview uuid's log rows on one side (which: M_LOG_T or M_LOG_S):
 * *n of them, *extra not on the other side. */
static int
count_log(struct merge *m, int which, const char *uuid, int64_t *n,
    int64_t *extra)
{
	sqlite3_stmt *s = m->s[which];
	int rc;

	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	*extra = rc == SQLITE_ROW ? sqlite3_column_int64(s, 1) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return refuse_db(m, "cannot compare audit logs");
	return 0;
}

/*
 * By the audit logs: 1 if the input's version continues the target's
 * (every event of the target's is in the input's, which has more: the
 * device went on with the interview after the earlier merge, even
 * changing answers or reopening it), -1 if the target's continues the
 * input's, 0 if neither. A side without log rows (an import, a file from
 * before the log) proves nothing. *err on a read error.
 */
static int
log_order(struct merge *m, const struct both *b, int *err)
{
	int64_t nt, xt, ns, xs;

	*err = count_log(m, M_LOG_T, b->uuid, &nt, &xt) == -1 ||
	    count_log(m, M_LOG_S, b->uuid, &ns, &xs) == -1;
	if (*err || !b->same_q)
		return 0;
	if (nt > 0 && xt == 0 && xs > 0)
		return 1;
	if (ns > 0 && xs == 0 && xt > 0)
		return -1;
	return 0;
}

/*
 * The same answers and status on both sides, and yet the input's log may
 * go on from the target's (an answer changed and changed back, a
 * confirmation): its events come along, so that the central log misses
 * none. 1 when they did, 0 when there was nothing to bring, -1 on error.
 * The counts come first, which keeps merging the same file again cheap.
 */
static int
log_only(struct merge *m, const struct both *b)
{
	sqlite3_stmt *s = m->s[M_LOG_N];
	int rc, order, err;
	int64_t nt, ns;

	sqlite3_bind_text(s, 1, b->uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	nt = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	ns = rc == SQLITE_ROW ? sqlite3_column_int64(s, 1) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return refuse_db(m, "cannot compare audit logs");
	if (ns <= nt)
		return 0;
	order = log_order(m, b, &err);
	if (err)
		return -1;
	if (order <= 0)
		return 0;
	return copy_log(m, b->uuid, b->uuid) == -1 ? -1 : 1;
}

/*
 * An interview both sides have. The same content is unchanged (but for
 * log events the input adds, see log_only). A version
 * whose audit log continues the other's is the newer one and wins. Without
 * that proof, a complete version whose answers include every answer of
 * the other side, equal, is the newer one and wins. Anything else is a
 * conflict, and both are kept.
 */
static int
merge_one(struct merge *m, const struct both *b)
{
	int64_t extra_t, extra_s;
	int s_complete = strcmp(b->sstatus, "complete") == 0;
	int t_complete = strcmp(b->tstatus, "complete") == 0;
	int same_status = strcmp(b->sstatus, b->tstatus) == 0;
	int order, err;

	/* Questionnaire 0 does not exist: every answer counts. */
	if (count_extra(m, M_EXTRA_T, b->uuid, 0, &extra_t) == -1 ||
	    count_extra(m, M_EXTRA_S, b->uuid, 0, &extra_s) == -1)
		return -1;
	if (b->same_q && extra_t == 0 && extra_s == 0 && same_status &&
	    b->same_design) {
		if ((order = log_only(m, b)) == -1)
			return -1;
		if (order > 0)
			m->stats->updated++;
		else
			m->stats->unchanged++;
		return 0;
	}
	order = log_order(m, b, &err);
	if (err)
		return -1;
	if (order > 0)
		return replace(m, b);
	if (order < 0) {
		m->stats->unchanged++;
		return 0;
	}
	if (b->same_q && (load_calcs(m, b->q) == -1 ||
	    count_extra(m, M_EXTRA_T, b->uuid, b->q, &extra_t) == -1 ||
	    count_extra(m, M_EXTRA_S, b->uuid, b->q, &extra_s) == -1))
		return -1;
	if (b->same_q && extra_t == 0 && s_complete &&
	    (extra_s > 0 || !t_complete))
		return replace(m, b);
	if (b->same_q && extra_s == 0 && t_complete &&
	    (extra_t > 0 || !s_complete)) {
		/* The target already has the newer version. */
		m->stats->unchanged++;
		return 0;
	}
	return keep_conflict(m, b);
}

static int
merge_existing(struct merge *m)
{
	sqlite3_stmt *s = m->s[M_BOTH];
	struct both *list = NULL;
	size_t n = 0, cap = 0, i;
	int rc, ret = 0;

	/* Collected first: the target is written while this is read. */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct both *b;

		xgrow((void **)&list, &cap, n + 1, sizeof *list);
		b = &list[n++];
		snprintf(b->uuid, sizeof b->uuid, "%s",
		    (const char *)sqlite3_column_text(s, 0));
		snprintf(b->sstatus, sizeof b->sstatus, "%s",
		    (const char *)sqlite3_column_text(s, 1));
		snprintf(b->tstatus, sizeof b->tstatus, "%s",
		    (const char *)sqlite3_column_text(s, 2));
		b->same_q = sqlite3_column_int(s, 3);
		b->q = sqlite3_column_int64(s, 4);
		b->same_design = sqlite3_column_int(s, 5);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		ret = refuse_db(m, "cannot compare interviews");
	for (i = 0; ret == 0 && i < n; i++)
		ret = merge_one(m, &list[i]);
	free(list);
	return ret;
}

static int
merge_new(struct merge *m)
{
	sqlite3_stmt *s = m->s[M_NEW_ANS];

	if (run(m, M_NEW_FIND, "cannot compare interviews") == -1 ||
	    run(m, M_NEW_IV, "cannot copy interviews") == -1)
		return -1;
	m->stats->added = sqlite3_changes(m->db);
	sqlite3_bind_int64(s, 1, m->base);
	s = m->s[M_NEW_LOG];
	sqlite3_bind_int64(s, 1, m->base);
	if (run(m, M_NEW_ANS, "cannot copy answers") == -1 ||
	    run(m, M_NEW_LOG, "cannot copy the audit log") == -1 ||
	    run(m, M_NEW_META, "cannot copy conflict records") == -1)
		return -1;
	return 0;
}

static int
merge_rows(struct merge *m)
{
	int64_t maxseq;
	sqlite3_stmt *s;
	int i, rc;

	if (sqlite3_exec(m->db, setup_sql, NULL, NULL, NULL) != SQLITE_OK)
		return refuse_db(m, "cannot prepare the merge");
	for (i = 0; i < M__N; i++)
		if (sqlite3_prepare_v2(m->db, merge_sql[i], -1, &m->s[i],
		    NULL) != SQLITE_OK)
			return refuse_db(m, "cannot prepare the merge");
	if (query_i64(m, "SELECT " STORE_INT_SEQ_TOP,
	    &m->base, "cannot read the sequence number") == -1 ||
	    query_i64(m, "SELECT max(ifnull((SELECT max(seq) FROM "
	    "merge_src.answers), 0), ifnull((SELECT max(seq) FROM "
	    "merge_src.answer_log), 0))", &maxseq,
	    "cannot read the sequence numbers") == -1)
		return -1;
	/* Interviews on both sides first: after merge_new, every one is. */
	if (merge_questionnaires(m) == -1 || merge_existing(m) == -1 ||
	    merge_new(m) == -1)
		return -1;
	/* Every copied answer got base + its input number. */
	if (sqlite3_prepare_v2(m->db, "UPDATE main.meta SET value = ?1 "
	    "WHERE name = 'seq' AND value < ?1", -1, &s, NULL) != SQLITE_OK)
		return refuse_db(m, "cannot update the sequence number");
	sqlite3_bind_int64(s, 1, m->base + maxseq);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return refuse_db(m, "cannot update the sequence number");
	return 0;
}

int
store_merge(struct store *st, const char *path,
    struct store_merge_stats *stats,
    void (*conflict)(void *ctx, const char *uuid, const char *copy),
    void *ctx)
{
	struct merge m;
	size_t i;
	int64_t cache = 0;
	int ret = -1, in_tx = 0, cache_set = 0;

	memset(stats, 0, sizeof *stats);
	memset(&m, 0, sizeof m);
	m.st = st;
	m.db = store_int_db(st);
	m.path = path;
	m.stats = stats;

	if (check_file(&m) == -1 || read_input(&m) == -1 ||
	    check_structure(&m) == -1 || check_owner(&m) == -1 ||
	    check_schema(&m) == -1 || check_pragma(&m,
	    "PRAGMA merge_src.quick_check(interviews)", "quick_check") == -1 ||
	    check_sizes(&m) == -1 ||
	    check_references(&m) == -1)
		goto out;
	/*
	 * Interviews of earlier builds have random UUIDs, so their rows
	 * land all over the target's B-trees (store_uuid_new's keep a
	 * laptop's together): with SQLite's default 2 MiB page cache a large
	 * target is read from the disk again for every input. Set outside
	 * the transaction; restored below.
	 */
	if (query_i64(&m, "PRAGMA main.cache_size", &cache, "cannot read "
	    "the cache size") == -1)
		goto out;
	sqlite3_exec(m.db, "PRAGMA main.cache_size = -262144", NULL, NULL,
	    NULL);
	cache_set = 1;
	if (store_int_begin(st) == -1) {
		refuse(&m, "%s", store_errmsg(st));
		goto out;
	}
	in_tx = 1;
	if (merge_rows(&m) == -1)
		goto out;
	in_tx = 0;
	if (store_int_commit(st) == -1) {
		refuse(&m, "%s", store_errmsg(st));
		goto out;
	}
	ret = 0;
out:
	if (in_tx) {
		/* Keep the message: the rollback may set its own. */
		struct buf keep = BUF_INIT;

		buf_adds(&keep, store_errmsg(st));
		store_int_rollback(st);
		store_int_fail(st, "%s", buf_str(&keep));
		buf_release(&keep);
	}
	for (i = 0; i < M__N; i++)
		sqlite3_finalize(m.s[i]);
	if (m.attached)
		sqlite3_exec(m.db, "DETACH merge_src", NULL, NULL, NULL);
	if (cache_set) {
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA main.cache_size = %lld",
		    (long long)cache);
		sqlite3_exec(m.db, sql, NULL, NULL, NULL);
	}
	sqlite3_close(m.src);
	if (ret == 0 && conflict != NULL)
		for (i = 0; i < m.nconflicts; i++)
			conflict(ctx, m.conflicts[i][0], m.conflicts[i][1]);
	free(m.conflicts);
	free(m.calc_loaded);
	if (ret == -1)
		memset(stats, 0, sizeof *stats);
	return ret;
}
