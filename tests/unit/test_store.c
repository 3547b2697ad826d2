/*
 * test_store.c: the store against real files in a temporary directory.
 *
 * The test reads the files back through its own SQLite connections, not
 * only through the store, so that what is checked is what is on disk (the
 * one place outside store.c that includes <sqlite3.h>, on purpose).
 */
#include "testutil.h"
#include "schemas.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <ctype.h>
#include <dirent.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "sec.h"
#include "store.h"

#define Q_SRC "survey: hh\nversion: 1\nquestions: []\n"
#define Q_SRC2 "survey: hh\nversion: 2\nquestions: []\n"

struct fix {
	char dir[64];
	char path[128];
	struct store *st;
	int64_t qrow;
};

/* ---- helpers ------------------------------------------------------------ */

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof *f);

	assert_non_null(f);
	assert_int_equal(sec_init(), 0);
	snprintf(f->dir, sizeof f->dir, "%s/lcsurvey-store-XXXXXX",
	    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 30 ?
	    getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	*state = f;
	return 0;
}

/* Removes the directory and the files (one level of subdirectories) in it. */
static void
rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (unlink(p) == -1)
			rm_tree(p);
	}
	closedir(d);
	rmdir(dir);
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	store_close(f->st);
	rm_tree(f->dir);
	free(f);
	return 0;
}

static struct store *
open_ok(const char *path)
{
	struct store *st = NULL;
	char *err = NULL;

	if (store_open(&st, path, &err) != 0)
		fail_msg("store_open: %s", err);
	assert_null(err);
	assert_non_null(st);
	return st;
}

/* store_open must fail; returns the message (caller frees). */
static char *
open_fails(const char *path)
{
	struct store *st = (struct store *)1;
	char *err = NULL;

	assert_int_equal(store_open(&st, path, &err), -1);
	assert_null(st);
	assert_non_null(err);
	return err;
}

static void
assert_contains(const char *hay, const char *needle)
{
	if (hay == NULL || strstr(hay, needle) == NULL)
		fail_msg("'%s' does not contain '%s'", hay ? hay : "(null)",
		    needle);
}

static int64_t
add_questionnaire(struct store *st, const char *src)
{
	char hash[65];
	int64_t row = 0;

	sec_sha256_hex(src, strlen(src), hash);
	if (store_questionnaire(st, "hh", "1", hash, src, strlen(src), &row))
		fail_msg("store_questionnaire: %s", store_errmsg(st));
	assert_true(row > 0);
	return row;
}

/* Opens f->path and adds one questionnaire. */
static void
open_fix(struct fix *f)
{
	f->st = open_ok(f->path);
	f->qrow = add_questionnaire(f->st, Q_SRC);
}

static void
new_interview(struct store *st, int64_t qrow, char uuid[37])
{
	if (store_interview_new(st, qrow, "enum7", "en", "interview", uuid))
		fail_msg("store_interview_new: %s", store_errmsg(st));
	assert_int_equal(strlen(uuid), 36);
}

static void
put_int(struct store *st, const char *uuid, int member, const char *q,
    int64_t i)
{
	struct store_value v = { .type = STORE_INT, .i = i };

	if (store_answer_put(st, uuid, member, q, &v, 1.5))
		fail_msg("store_answer_put: %s", store_errmsg(st));
}

static void
put_text(struct store *st, const char *uuid, int member, const char *q,
    const char *t)
{
	struct store_value v = { .type = STORE_TEXT, .text = t,
	    .len = strlen(t) };

	if (store_answer_put(st, uuid, member, q, &v, 1.5))
		fail_msg("store_answer_put: %s", store_errmsg(st));
}

static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		fail_msg("sqlite3_open %s: %s", path, sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static void
raw_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

/* First column of the first row as an integer; -999 when no row. */
static int64_t
raw_int(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *s;
	int64_t v = -999;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (arg != NULL)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return v;
}

static void
raw_text(sqlite3 *db, const char *sql, const char *arg, char *out, size_t n)
{
	sqlite3_stmt *s;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (arg != NULL)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

/* "YYYY-MM-DDTHH:MM:SS.mmmZ" exactly. */
static void
assert_timestamp(const char *t)
{
	const char *shape = "dddd-dd-ddTdd:dd:dd.dddZ";
	size_t i;

	if (strlen(t) != strlen(shape))
		fail_msg("bad timestamp '%s'", t);
	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)t[i]) :
		    t[i] != shape[i])
			fail_msg("bad timestamp '%s'", t);
	}
}

/* Collects answers from the iteration functions. */
#define MAXA 64
struct got {
	int n;
	int stop_after;		/* 0: never */
	char interview[MAXA][37];
	int member[MAXA];
	char question[MAXA][32];
	enum store_vtype type[MAXA];
	int64_t i[MAXA];
	double r[MAXA];
	char text[MAXA][128];
	size_t len[MAXA];
	char missing[MAXA][16];
	int has_missing[MAXA];
	double seconds[MAXA];
	int64_t seq[MAXA];
	char answered_at[MAXA][32];
};

static int
collect(void *ctx, const struct store_answer *a)
{
	struct got *g = ctx;
	int k = g->n++;

	assert_true(k < MAXA);
	snprintf(g->interview[k], 37, "%s", a->interview);
	g->member[k] = a->member;
	snprintf(g->question[k], 32, "%s", a->question);
	g->type[k] = a->value.type;
	g->i[k] = a->value.i;
	g->r[k] = a->value.r;
	if (a->value.type == STORE_TEXT) {
		assert_true(a->value.len < sizeof g->text[k]);
		memcpy(g->text[k], a->value.text, a->value.len);
		g->text[k][a->value.len] = '\0';
	}
	g->len[k] = a->value.len;
	g->has_missing[k] = a->value.missing != NULL;
	snprintf(g->missing[k], 16, "%s",
	    a->value.missing ? a->value.missing : "");
	g->seconds[k] = a->seconds;
	g->seq[k] = a->seq;
	snprintf(g->answered_at[k], 32, "%s", a->answered_at);
	return g->stop_after != 0 && g->n >= g->stop_after ? 7 : 0;
}

static void
answers(struct store *st, const char *uuid, struct got *g)
{
	memset(g, 0, sizeof *g);
	if (store_answers_foreach(st, uuid, collect, g) != 0)
		fail_msg("store_answers_foreach: %s", store_errmsg(st));
}

/* Index of question q (member m) in g, or -1. */
static int
find(const struct got *g, int m, const char *q)
{
	int k;

	for (k = 0; k < g->n; k++) {
		if (g->member[k] == m && strcmp(g->question[k], q) == 0)
			return k;
	}
	return -1;
}

/* ---- opening ------------------------------------------------------------ */

static void
test_open_create(void **state)
{
	struct fix *f = *state;
	struct store_settings set;
	struct stat sb;
	char dev1[37], dev2[37];

	assert_int_equal(stat(f->path, &sb), -1);
	f->st = open_ok(f->path);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(store_device_id(f->st, dev1), 0);
	assert_uuid(dev1, '4');
	assert_int_equal(store_settings(f->st, &set), 0);
	assert_int_equal(set.user_version, STORE_SCHEMA_VERSION);
	store_close(f->st);

	/* The device id is made once per file, not per open. */
	f->st = open_ok(f->path);
	assert_int_equal(store_device_id(f->st, dev2), 0);
	assert_string_equal(dev1, dev2);
}

static void
test_pragmas(void **state)
{
	struct fix *f = *state;
	struct store_settings set;
	sqlite3 *db;
	char mode[16], uuid[37];

	open_fix(f);
	assert_int_equal(store_settings(f->st, &set), 0);
	assert_string_equal(set.journal_mode, "wal");
	assert_int_equal(set.synchronous, 2);	/* FULL */
	assert_int_equal(set.foreign_keys, 1);
	assert_true(set.busy_timeout_ms >= 1000);
	assert_int_equal(set.user_version, STORE_SCHEMA_VERSION);

	/* WAL and the ids live in the file: visible to anyone. */
	db = raw_open(f->path);
	raw_text(db, "PRAGMA journal_mode", NULL, mode, sizeof mode);
	assert_string_equal(mode, "wal");
	assert_int_equal(raw_int(db, "PRAGMA application_id", NULL),
	    0x4C435356);
	assert_int_equal(raw_int(db, "PRAGMA user_version", NULL),
	    STORE_SCHEMA_VERSION);
	sqlite3_close(db);

	/* Foreign keys really are enforced on the store's connection. */
	assert_int_equal(store_interview_new(f->st, 999, NULL, "en",
	    "interview", uuid), -1);
	assert_contains(store_errmsg(f->st), "no questionnaire 999");
	assert_string_equal(uuid, "");
}

static void
test_memory(void **state)
{
	struct fix *f = *state;
	char uuid[37];

	f->st = open_ok(":memory:");
	f->qrow = add_questionnaire(f->st, Q_SRC);
	new_interview(f->st, f->qrow, uuid);
	put_int(f->st, uuid, 0, "age", 40);
}

static void
test_newer_schema_refused(void **state)
{
	struct fix *f = *state;
	sqlite3 *db;
	char *err, mode[16];

	db = raw_open(f->path);
	raw_exec(db, "CREATE TABLE future (x); PRAGMA user_version = 7; "
	    "PRAGMA application_id = 1279480662");
	sqlite3_close(db);

	err = open_fails(f->path);
	/* The version this build knows moves with every migration. */
	snprintf(mode, sizeof mode, "(%d)", STORE_SCHEMA_VERSION);
	assert_contains(err, "database schema version 7 is newer than this "
	    "lcsurvey understands (");
	assert_contains(err, mode);
	assert_contains(err, f->path);
	free(err);

	/* Refused untouched: still version 7, still not in WAL mode. */
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version", NULL), 7);
	raw_text(db, "PRAGMA journal_mode", NULL, mode, sizeof mode);
	assert_string_equal(mode, "delete");
	sqlite3_close(db);
}

static void
test_foreign_database_refused(void **state)
{
	struct fix *f = *state;
	sqlite3 *db;
	char *err, other[160];

	/* Someone else's tables, no version: not ours to migrate. */
	db = raw_open(f->path);
	raw_exec(db, "CREATE TABLE customers (id, name)");
	sqlite3_close(db);
	err = open_fails(f->path);
	assert_contains(err, "not an lcsurvey one");
	free(err);
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name = 'interviews'", NULL), 0);
	sqlite3_close(db);

	/* Another application's id. */
	snprintf(other, sizeof other, "%s/other.db", f->dir);
	db = raw_open(other);
	raw_exec(db, "PRAGMA application_id = 42");
	sqlite3_close(db);
	err = open_fails(other);
	assert_contains(err, "not an lcsurvey database");
	free(err);
}

/* Version 1 as released (schemas.h). */
static const char v1_schema[] = SCHEMA_V1;

static void
test_migration_from_v1(void **state)
{
	struct fix *f = *state;
	const char *u = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
	struct store_interview iv;
	struct store_settings set;
	struct got g;
	sqlite3 *db;
	sqlite3_stmt *s;
	char hash[65], dev[37];
	int k;

	sec_sha256_hex(Q_SRC, strlen(Q_SRC), hash);
	db = raw_open(f->path);
	raw_exec(db, v1_schema);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO questionnaires "
	    "VALUES (5, 'hh', '1', ?1, CAST('" Q_SRC "' AS BLOB), "
	    "'2024-01-02T03:04:05.678Z')", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	raw_exec(db, "INSERT INTO interviews (uuid, questionnaire, status, "
	    "started_at, ended_at, updated_at, enumerator, device, language, "
	    "mode, weight) VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 5, "
	    "'complete', '2024-01-02T10:00:00.000Z', "
	    "'2024-01-02T10:20:00.000Z', '2024-01-02T10:20:00.000Z', 'e1', "
	    "'11111111-2222-4333-8444-555555555555', 'fr', 'interview', 2.5);"
	    "INSERT INTO answers VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',"
	    " 0, 'age', 33, NULL, '2024-01-02T10:01:00.000Z', 4.25, 40);"
	    "INSERT INTO answers VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',"
	    " 1, 'name', 'Zoë', NULL, '2024-01-02T10:02:00.000Z', NULL, 41);");
	sqlite3_close(db);

	f->st = open_ok(f->path);
	assert_int_equal(store_settings(f->st, &set), 0);
	assert_int_equal(set.user_version, STORE_SCHEMA_VERSION);
	assert_string_equal(set.journal_mode, "wal");

	/* Everything from version 1 is still there and readable. */
	assert_int_equal(store_device_id(f->st, dev), 0);
	assert_string_equal(dev, "11111111-2222-4333-8444-555555555555");
	assert_int_equal(store_interview_get(f->st, u, &iv), 0);
	assert_string_equal(iv.status, "complete");
	assert_string_equal(iv.language, "fr");
	assert_int_equal(iv.questionnaire, 5);
	assert_int_equal(iv.nanswers, 2);
	assert_true(iv.has_weight && iv.weight == 2.5);
	store_interview_release(&iv);
	answers(f->st, u, &g);
	assert_int_equal(g.n, 2);
	k = find(&g, 1, "name");
	assert_true(k >= 0);
	assert_string_equal(g.text[k], "Zoë");
	assert_true(g.seconds[k] == -1);

	/* The sequence counter carries on from where version 1 left it. */
	put_int(f->st, u, 0, "rooms", 3);
	answers(f->st, u, &g);
	k = find(&g, 0, "rooms");
	assert_true(k >= 0);
	assert_int_equal(g.seq[k], 42);
	/* Same source, same row, across the migration. */
	assert_int_equal(add_questionnaire(f->st, Q_SRC), 5);

	/* What version 2 adds. */
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name = 'interviews_by_questionnaire'", NULL), 1);
	/* UNIQUE is what spares store_scan_answers a sort. */
	assert_int_equal(raw_int(db, "SELECT \"unique\" FROM "
	    "pragma_index_list('interviews') "
	    "WHERE name = 'interviews_by_questionnaire'", NULL), 1);
	assert_int_equal(raw_int(db, "PRAGMA user_version", NULL),
	    STORE_SCHEMA_VERSION);
	sqlite3_close(db);
}

static void
test_garbage_refused(void **state)
{
	struct fix *f = *state;
	char buf[8192], back[8192], wal[160], *err;
	struct stat sb;
	FILE *fp;
	size_t i;

	for (i = 0; i < sizeof buf; i++)
		buf[i] = "this is a YAML file, not a database\n"[i % 36];
	fp = fopen(f->path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, sizeof buf, fp), sizeof buf);
	fclose(fp);

	err = open_fails(f->path);
	assert_contains(err, "not an SQLite database");
	assert_contains(err, f->path);
	free(err);

	/* Left exactly as it was, with nothing created beside it. */
	fp = fopen(f->path, "rb");
	assert_non_null(fp);
	assert_int_equal(fread(back, 1, sizeof back, fp), sizeof back);
	fclose(fp);
	assert_memory_equal(buf, back, sizeof buf);
	snprintf(wal, sizeof wal, "%s-wal", f->path);
	assert_int_equal(stat(wal, &sb), -1);

	/* A short file too. */
	fp = fopen(f->path, "wb");
	assert_non_null(fp);
	fputs("hello\n", fp);
	fclose(fp);
	err = open_fails(f->path);
	assert_contains(err, "not an SQLite database");
	free(err);
}

static void
test_corrupt_refused(void **state)
{
	struct fix *f = *state;
	char uuid[37], q[16], junk[4096], *err;
	FILE *fp;
	int i;

	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	for (i = 0; i < 200; i++) {
		snprintf(q, sizeof q, "q%03d", i);
		put_text(f->st, uuid, 0, q, "some text to fill a few pages");
	}
	store_close(f->st);	/* checkpoints everything into the file */
	f->st = NULL;

	/* Scribble over the middle of the file, past the header page. */
	memset(junk, 0x5A, sizeof junk);
	fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 4096 * 3, SEEK_SET), 0);
	assert_int_equal(fwrite(junk, 1, sizeof junk, fp), sizeof junk);
	fclose(fp);

	err = open_fails(f->path);
	assert_contains(err, "quick_check");
	free(err);
}

/*
 * The check at open is of the file's structure, not of its rows' CHECK
 * constraints (check_file: they cost most of its time on a large file),
 * and those constraints are in force again once the store is open.
 */
static void
test_checks_after_open(void **state)
{
	struct fix *f = *state;
	char uuid[37];
	sqlite3 *db;

	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	put_int(f->st, uuid, 0, "q", 1);
	store_close(f->st);
	/* A row that breaks a CHECK, and a device id that will make the
	 * next interview's row break one (interviews.device is 36 long). */
	db = raw_open(f->path);
	raw_exec(db, "PRAGMA ignore_check_constraints = 1; "
	    "UPDATE interviews SET mode = 'hand-made'; "
	    "UPDATE meta SET value = 'short' WHERE name = 'device'");
	sqlite3_close(db);

	f->st = open_ok(f->path);
	assert_int_equal(store_interview_new(f->st, f->qrow, NULL, NULL,
	    "interview", uuid), -1);
	assert_contains(store_errmsg(f->st), "CHECK constraint failed");
}

static void
test_missing_directory(void **state)
{
	struct fix *f = *state;
	char p[200], dir[160], *err;

	snprintf(dir, sizeof dir, "%s/nodir", f->dir);
	snprintf(p, sizeof p, "%s/x.db", dir);
	err = open_fails(p);
	assert_contains(err, "directory '");
	assert_contains(err, dir);
	assert_contains(err, "does not exist");
	free(err);

	err = open_fails(f->dir);
	assert_contains(err, "is a directory");
	free(err);
}

/* ---- questionnaires ----------------------------------------------------- */

static void
test_questionnaire_idempotent(void **state)
{
	struct fix *f = *state;
	static const char bin[] = "survey: x\0with a NUL\n\xff";
	char hash[65], *src, *h;
	int64_t r1, r2, r3, r4;
	size_t len;
	sqlite3 *db;

	f->st = open_ok(f->path);
	r1 = add_questionnaire(f->st, Q_SRC);
	r2 = add_questionnaire(f->st, Q_SRC);
	r3 = add_questionnaire(f->st, Q_SRC2);
	assert_int_equal(r1, r2);
	assert_true(r3 != r1);

	/* Exact bytes, NUL and non-UTF-8 included. */
	sec_sha256_hex(bin, sizeof bin - 1, hash);
	assert_int_equal(store_questionnaire(f->st, "x", "9", hash, bin,
	    sizeof bin - 1, &r4), 0);
	assert_int_equal(store_questionnaire_source(f->st, r4, &src, &len,
	    &h), 0);
	assert_int_equal(len, sizeof bin - 1);
	assert_memory_equal(src, bin, len);
	assert_int_equal(src[len], '\0');
	assert_string_equal(h, hash);
	free(src);
	free(h);

	assert_int_equal(store_questionnaire_source(f->st, r1, &src, NULL,
	    NULL), 0);
	assert_string_equal(src, Q_SRC);
	free(src);

	/* A hash that is not the source's is refused. */
	sec_sha256_hex(Q_SRC, strlen(Q_SRC), hash);
	assert_int_equal(store_questionnaire(f->st, "hh", "2", hash, Q_SRC2,
	    strlen(Q_SRC2), &r4), -1);
	assert_contains(store_errmsg(f->st), "does not match");

	assert_int_equal(store_questionnaire_source(f->st, 12345, &src, NULL,
	    NULL), -1);
	assert_null(src);
	assert_contains(store_errmsg(f->st), "no questionnaire 12345");

	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM questionnaires",
	    NULL), 3);
	sqlite3_close(db);
}

/* ---- interviews --------------------------------------------------------- */

static void
test_interview_lifecycle(void **state)
{
	struct fix *f = *state;
	struct store_interview iv;
	char uuid[37], dev[37], before[32];
	double w = 123.5, bad = 0;

	open_fix(f);
	assert_int_equal(store_interview_new(f->st, f->qrow, "enum7", "en",
	    "kiosk", uuid), 0);
	/* Led by the device, so a merge keeps a laptop's interviews
	 * together (store_uuid_new). */
	assert_uuid(uuid, '8');
	assert_int_equal(store_device_id(f->st, dev), 0);
	assert_memory_equal(uuid, dev, 8);
	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	assert_string_equal(iv.uuid, uuid);
	assert_int_equal(iv.questionnaire, f->qrow);
	assert_string_equal(iv.status, "partial");
	assert_timestamp(iv.started_at);
	assert_string_equal(iv.updated_at, iv.started_at);
	assert_string_equal(iv.ended_at, "");
	assert_string_equal(iv.enumerator, "enum7");
	assert_string_equal(iv.language, "en");
	assert_string_equal(iv.mode, "kiosk");
	assert_string_equal(iv.survey_id, "hh");
	assert_string_equal(iv.version, "1");
	assert_null(iv.household);
	assert_false(iv.has_weight);
	assert_int_equal(iv.nanswers, 0);
	assert_int_equal(store_device_id(f->st, dev), 0);
	assert_string_equal(iv.device, dev);
	snprintf(before, sizeof before, "%s", iv.updated_at);
	store_interview_release(&iv);

	assert_int_equal(store_interview_set_design(f->st, uuid, "north",
	    "c12", "h-0042", &w), 0);
	assert_int_equal(store_interview_set_language(f->st, uuid, "zh"), 0);
	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	assert_string_equal(iv.stratum, "north");
	assert_string_equal(iv.cluster, "c12");
	assert_string_equal(iv.household, "h-0042");
	assert_true(iv.has_weight);
	assert_true(iv.weight == 123.5);
	assert_string_equal(iv.language, "zh");
	assert_true(strcmp(iv.updated_at, before) >= 0);
	store_interview_release(&iv);

	assert_int_equal(store_interview_set_design(f->st, uuid, NULL, NULL,
	    NULL, NULL), 0);
	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	assert_null(iv.stratum);
	assert_false(iv.has_weight);
	store_interview_release(&iv);

	assert_int_equal(store_interview_set_status(f->st, uuid, "complete"),
	    0);
	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	assert_string_equal(iv.status, "complete");
	assert_timestamp(iv.ended_at);
	assert_true(strcmp(iv.ended_at, iv.started_at) >= 0);
	store_interview_release(&iv);

	/* Reopening clears the end time; abandoning sets it again. */
	assert_int_equal(store_interview_set_status(f->st, uuid, "partial"), 0);
	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	assert_string_equal(iv.status, "partial");
	assert_string_equal(iv.ended_at, "");
	store_interview_release(&iv);
	assert_int_equal(store_interview_set_status(f->st, uuid, "abandoned"),
	    0);
	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	assert_string_equal(iv.status, "abandoned");
	assert_timestamp(iv.ended_at);
	store_interview_release(&iv);

	/* Refusals, each with a message. */
	assert_int_equal(store_interview_set_status(f->st, uuid, "done"), -1);
	assert_contains(store_errmsg(f->st), "invalid interview status 'done'");
	assert_int_equal(store_interview_set_status(f->st,
	    "00000000-0000-4000-8000-000000000000", "complete"), -1);
	assert_contains(store_errmsg(f->st), "no interview '00000000-");
	assert_int_equal(store_interview_set_design(f->st, uuid, NULL, NULL,
	    NULL, &bad), -1);
	assert_contains(store_errmsg(f->st), "invalid sampling weight");
	assert_int_equal(store_interview_new(f->st, f->qrow, NULL, NULL,
	    "phone", uuid), -1);
	assert_contains(store_errmsg(f->st), "invalid interview mode 'phone'");
	assert_int_equal(store_interview_get(f->st, "nope", &iv), -1);
	assert_contains(store_errmsg(f->st), "no interview 'nope'");
}

struct listed {
	int n;
	char uuid[8][37];
	int nanswers[8];
	int stop_after;
};

static int
list_cb(void *ctx, const struct store_interview *iv)
{
	struct listed *l = ctx;

	assert_true(l->n < 8);
	snprintf(l->uuid[l->n], 37, "%s", iv->uuid);
	l->nanswers[l->n] = iv->nanswers;
	l->n++;
	return l->stop_after != 0 && l->n >= l->stop_after ? 5 : 0;
}

static void
test_listing_order(void **state)
{
	struct fix *f = *state;
	struct listed l;
	char a[37], b[37], c[37], d[37];
	int64_t q2;

	open_fix(f);
	q2 = add_questionnaire(f->st, Q_SRC2);
	/* Created in quick succession, possibly within one millisecond:
	 * the order must still be newest first. */
	new_interview(f->st, f->qrow, a);
	new_interview(f->st, q2, b);
	new_interview(f->st, f->qrow, c);
	new_interview(f->st, f->qrow, d);
	put_int(f->st, c, 0, "x", 1);
	put_int(f->st, c, 0, "y", 2);

	memset(&l, 0, sizeof l);
	assert_int_equal(store_interviews_list(f->st, 0, list_cb, &l), 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.uuid[0], d);
	assert_string_equal(l.uuid[1], c);
	assert_string_equal(l.uuid[2], b);
	assert_string_equal(l.uuid[3], a);
	assert_int_equal(l.nanswers[1], 2);
	assert_int_equal(l.nanswers[0], 0);

	memset(&l, 0, sizeof l);
	assert_int_equal(store_interviews_list(f->st, f->qrow, list_cb, &l), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.uuid[0], d);
	assert_string_equal(l.uuid[2], a);

	/* The callback's stop value comes back. */
	memset(&l, 0, sizeof l);
	l.stop_after = 2;
	assert_int_equal(store_interviews_list(f->st, 0, list_cb, &l), 5);
	assert_int_equal(l.n, 2);
}

static void
test_count_by_status(void **state)
{
	struct fix *f = *state;
	char u[5][37], today[16];
	int counts[3], i;
	int64_t q2;
	time_t t = time(NULL);
	struct tm tm;

	open_fix(f);
	q2 = add_questionnaire(f->st, Q_SRC2);
	for (i = 0; i < 5; i++)
		new_interview(f->st, i == 4 ? q2 : f->qrow, u[i]);
	assert_int_equal(store_interview_set_status(f->st, u[0], "complete"),
	    0);
	assert_int_equal(store_interview_set_status(f->st, u[1], "complete"),
	    0);
	assert_int_equal(store_interview_set_status(f->st, u[2], "abandoned"),
	    0);
	assert_int_equal(store_interview_set_status(f->st, u[4], "complete"),
	    0);

	assert_int_equal(store_count_by_status(f->st, 0, NULL, counts), 0);
	assert_int_equal(counts[STORE_PARTIAL], 1);
	assert_int_equal(counts[STORE_COMPLETE], 3);
	assert_int_equal(counts[STORE_ABANDONED], 1);
	assert_int_equal(store_count_by_status(f->st, f->qrow, NULL, counts),
	    0);
	assert_int_equal(counts[STORE_COMPLETE], 2);

	/* "Today" is the local calendar day. */
	localtime_r(&t, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	assert_int_equal(store_count_by_status(f->st, f->qrow, today, counts),
	    0);
	assert_int_equal(counts[STORE_PARTIAL], 1);
	assert_int_equal(counts[STORE_COMPLETE], 2);
	assert_int_equal(counts[STORE_ABANDONED], 1);
	assert_int_equal(store_count_by_status(f->st, 0, "2000-01-01",
	    counts), 0);
	assert_int_equal(counts[0] + counts[1] + counts[2], 0);
}

/* The day is local: 23:30 UTC on the 10th is the 11th in Tokyo. */
static void
test_count_local_day(void **state)
{
	struct fix *f = *state;
	char *old_tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	char uuid[37];
	int counts[3];
	sqlite3 *db;

	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	db = raw_open(f->path);
	raw_exec(db, "UPDATE interviews SET status = 'complete', "
	    "started_at = '2024-03-10T23:00:00.000Z', "
	    "ended_at = '2024-03-10T23:30:00.000Z'");
	sqlite3_close(db);

	setenv("TZ", "JST-9", 1);
	tzset();
	assert_int_equal(store_count_by_status(f->st, 0, "2024-03-11",
	    counts), 0);
	assert_int_equal(counts[STORE_COMPLETE], 1);
	assert_int_equal(store_count_by_status(f->st, 0, "2024-03-10",
	    counts), 0);
	assert_int_equal(counts[STORE_COMPLETE], 0);
	if (old_tz != NULL)
		setenv("TZ", old_tz, 1);
	else
		unsetenv("TZ");
	free(old_tz);
	tzset();
}

/* ---- answers ------------------------------------------------------------ */

static void
test_answer_upsert_clear(void **state)
{
	struct fix *f = *state;
	struct store_value v = { .type = STORE_INT, .i = 5 };
	struct store_interview iv;
	struct got g;
	char uuid[37], before[32];
	int64_t seq1;

	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	snprintf(before, sizeof before, "%s", iv.updated_at);
	store_interview_release(&iv);

	assert_int_equal(store_answer_put(f->st, uuid, 0, "rooms", &v, 2.25),
	    0);
	answers(f->st, uuid, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.i[0], 5);
	assert_true(g.seconds[0] == 2.25);
	assert_timestamp(g.answered_at[0]);
	assert_int_equal(g.seq[0], 1);
	seq1 = g.seq[0];

	/* Overwrite: one row, the new value, a new sequence number. */
	v.i = 6;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "rooms", &v, -1), 0);
	answers(f->st, uuid, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.i[0], 6);
	assert_true(g.seconds[0] == -1);
	assert_int_equal(g.seq[0], seq1 + 1);

	/* Same question for a roster member is a different answer. */
	v.i = 7;
	assert_int_equal(store_answer_put(f->st, uuid, 2, "rooms", &v, 1), 0);
	answers(f->st, uuid, &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.member[1], 2);
	assert_int_equal(g.i[1], 7);

	assert_int_equal(store_interview_get(f->st, uuid, &iv), 0);
	assert_int_equal(iv.nanswers, 2);
	assert_true(strcmp(iv.updated_at, before) >= 0);
	store_interview_release(&iv);

	assert_int_equal(store_answer_clear(f->st, uuid, 0, "rooms"), 0);
	answers(f->st, uuid, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.member[0], 2);
	/* Clearing what is not there is not an error. */
	assert_int_equal(store_answer_clear(f->st, uuid, 0, "rooms"), 0);

	/* A failed put changes nothing, not even the sequence. */
	assert_int_equal(store_answer_put(f->st,
	    "00000000-0000-4000-8000-000000000000", 0, "rooms", &v, 1), -1);
	assert_contains(store_errmsg(f->st), "no interview");
	assert_int_equal(store_answer_clear(f->st,
	    "00000000-0000-4000-8000-000000000000", 0, "rooms"), -1);
	assert_int_equal(store_answer_put(f->st, uuid, -1, "rooms", &v, 1), -1);
	assert_contains(store_errmsg(f->st), "invalid member");
	assert_int_equal(store_answer_put(f->st, uuid, 0, "rooms", &v, 1), 0);
	answers(f->st, uuid, &g);
	/* Three puts and the clear's audit trail row (test_store_log.c). */
	assert_int_equal(g.seq[g.n - 1], seq1 + 4);

	/* Iteration stops on the callback's word. */
	memset(&g, 0, sizeof g);
	g.stop_after = 1;
	assert_int_equal(store_answers_foreach(f->st, uuid, collect, &g), 7);
	assert_int_equal(g.n, 1);
}

static void
test_value_roundtrip(void **state)
{
	struct fix *f = *state;
	static const int64_t ints[] = { 0, -1, 1, 42, INT64_MAX, INT64_MIN };
	static const double reals[] = { 0.1, 1.0 / 3.0, 1.0, -2.5e300,
	    1e-300, 4.9406564584124654e-324, DBL_MAX, -0.0, 123456789.125 };
	static const char *const texts[] = {
		"", "plain", "1 3", "2 4 17", "2024-02-29",
		"你好，世界 (Chinese)", "Zoë Ünal — naïve café",
		"emoji 😀 and tab\there", "line\nbreak", "'quote\"s'; DROP",
	};
	struct store_value v;
	struct got g;
	char uuid[37], q[16];
	size_t k;
	int j;

	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	for (k = 0; k < sizeof ints / sizeof ints[0]; k++) {
		snprintf(q, sizeof q, "i%zu", k);
		put_int(f->st, uuid, 0, q, ints[k]);
	}
	for (k = 0; k < sizeof reals / sizeof reals[0]; k++) {
		memset(&v, 0, sizeof v);
		v.type = STORE_REAL;
		v.r = reals[k];
		snprintf(q, sizeof q, "r%zu", k);
		assert_int_equal(store_answer_put(f->st, uuid, 0, q, &v,
		    0.001), 0);
	}
	for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		snprintf(q, sizeof q, "t%zu", k);
		put_text(f->st, uuid, 1, q, texts[k]);
	}
	/* Only the first len bytes of text count. */
	memset(&v, 0, sizeof v);
	v.type = STORE_TEXT;
	v.text = "1 3 5";
	v.len = 3;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "cut", &v, 1), 0);
	memset(&v, 0, sizeof v);
	assert_int_equal(store_answer_put(f->st, uuid, 0, "nothing", &v, 1),
	    0);

	answers(f->st, uuid, &g);
	for (k = 0; k < sizeof ints / sizeof ints[0]; k++) {
		snprintf(q, sizeof q, "i%zu", k);
		j = find(&g, 0, q);
		assert_true(j >= 0);
		assert_int_equal(g.type[j], STORE_INT);
		assert_true(g.i[j] == ints[k]);
	}
	for (k = 0; k < sizeof reals / sizeof reals[0]; k++) {
		snprintf(q, sizeof q, "r%zu", k);
		j = find(&g, 0, q);
		assert_true(j >= 0);
		/* A real stays a real (1.0 is not turned into 1). */
		assert_int_equal(g.type[j], STORE_REAL);
		if (memcmp(&g.r[j], &reals[k], sizeof(double)) != 0)
			fail_msg("%s: %.17g came back as %.17g", q, reals[k],
			    g.r[j]);
	}
	for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		snprintf(q, sizeof q, "t%zu", k);
		j = find(&g, 1, q);
		assert_true(j >= 0);
		assert_int_equal(g.type[j], STORE_TEXT);
		assert_int_equal(g.len[j], strlen(texts[k]));
		assert_string_equal(g.text[j], texts[k]);
		assert_false(g.has_missing[j]);
	}
	j = find(&g, 0, "cut");
	assert_true(j >= 0);
	assert_string_equal(g.text[j], "1 3");
	j = find(&g, 0, "nothing");
	assert_true(j >= 0);
	assert_int_equal(g.type[j], STORE_NULL);
	assert_false(g.has_missing[j]);

	/* Refused values, each leaving nothing behind. */
	memset(&v, 0, sizeof v);
	v.type = STORE_REAL;
	v.r = NAN;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "bad", &v, 1), -1);
	assert_contains(store_errmsg(f->st), "not a finite number");
	v.r = INFINITY;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "bad", &v, 1), -1);
	v.type = STORE_TEXT;
	v.text = "caf\xe9";
	v.len = 4;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "bad", &v, 1), -1);
	assert_contains(store_errmsg(f->st), "not valid UTF-8");
	v.text = "a\0b";
	v.len = 3;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "bad", &v, 1), -1);
	v.type = (enum store_vtype)9;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "bad", &v, 1), -1);
	answers(f->st, uuid, &g);
	assert_int_equal(find(&g, 0, "bad"), -1);
}

static void
test_missing_codes(void **state)
{
	struct fix *f = *state;
	struct store_value v;
	struct got g;
	char uuid[37];
	int j;

	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	memset(&v, 0, sizeof v);
	v.missing = "dont_know";
	assert_int_equal(store_answer_put(f->st, uuid, 0, "income", &v, 3), 0);
	v.missing = "refused";
	assert_int_equal(store_answer_put(f->st, uuid, 0, "age", &v, 3), 0);
	answers(f->st, uuid, &g);
	j = find(&g, 0, "income");
	assert_true(j >= 0);
	assert_int_equal(g.type[j], STORE_NULL);
	assert_string_equal(g.missing[j], "dont_know");
	j = find(&g, 0, "age");
	assert_string_equal(g.missing[j], "refused");

	/* An answer replacing "refused" drops the code. */
	put_int(f->st, uuid, 0, "age", 51);
	answers(f->st, uuid, &g);
	j = find(&g, 0, "age");
	assert_int_equal(g.type[j], STORE_INT);
	assert_false(g.has_missing[j]);

	v.missing = "skipped";
	assert_int_equal(store_answer_put(f->st, uuid, 0, "x", &v, 3), -1);
	assert_contains(store_errmsg(f->st), "invalid missing code 'skipped'");
	v.missing = "refused";
	v.type = STORE_INT;
	v.i = 3;
	assert_int_equal(store_answer_put(f->st, uuid, 0, "x", &v, 3), -1);
	assert_contains(store_errmsg(f->st), "a value and a missing code");
}

static void
test_scan_answers(void **state)
{
	static const int members[] = { 0, 1, 2, 2 };
	static const char *const questions[] = { "z", "c", "a", "b" };
	struct fix *f = *state;
	char u[4][37], other[37];
	struct got g;
	int64_t q2;
	int i, k, seen[4];

	open_fix(f);
	q2 = add_questionnaire(f->st, Q_SRC2);
	for (i = 0; i < 4; i++) {
		new_interview(f->st, f->qrow, u[i]);
		/* Written out of order on purpose. */
		put_int(f->st, u[i], 2, "b", i);
		put_int(f->st, u[i], 0, "z", i);
		put_int(f->st, u[i], 2, "a", i);
		put_int(f->st, u[i], 1, "c", i);
	}
	new_interview(f->st, q2, other);
	put_int(f->st, other, 0, "z", 99);
	assert_int_equal(store_interview_set_status(f->st, other, "complete"),
	    0);
	assert_int_equal(store_interview_set_status(f->st, u[0], "complete"),
	    0);
	assert_int_equal(store_interview_set_status(f->st, u[1], "complete"),
	    0);
	assert_int_equal(store_interview_set_status(f->st, u[2], "abandoned"),
	    0);
	/* u[3] stays partial */

	memset(&g, 0, sizeof g);
	assert_int_equal(store_scan_answers(f->st, f->qrow, 0, collect, &g), 0);
	assert_int_equal(g.n, 8);
	memset(seen, 0, sizeof seen);
	for (k = 0; k < g.n; k++) {
		for (i = 0; i < 4; i++) {
			if (strcmp(g.interview[k], u[i]) == 0)
				seen[i]++;
		}
		/* Grouped by interview, then member, then question. */
		if (k % 4 == 0)
			assert_true(k == 0 ||
			    strcmp(g.interview[k - 1], g.interview[k]) < 0);
		else
			assert_string_equal(g.interview[k - 1],
			    g.interview[k]);
		assert_int_equal(g.member[k], members[k % 4]);
		assert_string_equal(g.question[k], questions[k % 4]);
	}
	assert_int_equal(seen[0], 4);
	assert_int_equal(seen[1], 4);
	assert_int_equal(seen[2], 0);
	assert_int_equal(seen[3], 0);

	memset(&g, 0, sizeof g);
	assert_int_equal(store_scan_answers(f->st, f->qrow, 1, collect, &g), 0);
	assert_int_equal(g.n, 12);
	for (k = 0; k < g.n; k++)
		assert_string_not_equal(g.interview[k], u[2]);

	memset(&g, 0, sizeof g);
	assert_int_equal(store_scan_answers(f->st, q2, 0, collect, &g), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.i[0], 99);
}

/* ---- concurrency and durability ----------------------------------------- */

struct writer {
	struct store *st;
	const char *uuid;
	int rc;
	int calls;
};

/* Writes through the first connection while the second is mid-read. */
static int
write_during_read(void *ctx, const struct store_answer *a)
{
	struct writer *w = ctx;
	char q[16];

	(void)a;
	snprintf(q, sizeof q, "new%d", w->calls++);
	put_int(w->st, w->uuid, 0, q, 1);
	w->rc = 0;
	return 0;
}

static void
test_reader_does_not_block_writer(void **state)
{
	struct fix *f = *state;
	struct store *reader;
	struct writer w;
	struct got g;
	char uuid[37];

	open_fix(f);
	reader = open_ok(f->path);
	new_interview(f->st, f->qrow, uuid);
	put_int(f->st, uuid, 0, "a", 1);
	put_int(f->st, uuid, 0, "b", 2);

	memset(&w, 0, sizeof w);
	w.st = f->st;
	w.uuid = uuid;
	w.rc = -1;
	/* Each put commits while the reader's statement is open. */
	assert_int_equal(store_answers_foreach(reader, uuid, write_during_read,
	    &w), 0);
	assert_int_equal(w.calls, 2);
	assert_int_equal(w.rc, 0);

	/* The reader sees the commits once its read is over. */
	answers(reader, uuid, &g);
	assert_int_equal(g.n, 4);
	store_close(reader);
}

static void
test_writer_waits_for_writer(void **state)
{
	struct fix *f = *state;
	struct timespec t0, t1;
	char uuid[37], c;
	int fds[2], status;
	double ms;
	pid_t pid;

	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* Another process holds the write lock for 300 ms. */
		sqlite3 *db = NULL;

		close(fds[0]);
		if (sqlite3_open(f->path, &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN IMMEDIATE; UPDATE meta SET value = "
		    "value WHERE name = 'seq'", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		usleep(300 * 1000);
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		sqlite3_close(db);
		_exit(0);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &c, 1), 1);
	close(fds[0]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	put_int(f->st, uuid, 0, "waited", 1);	/* fails the test if BUSY */
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
	assert_true(ms >= 100);	/* it did wait for the lock */
}

static void
test_durable_after_put(void **state)
{
	struct fix *f = *state;
	char uuid[37], text[64];
	int fds[2], status;
	sqlite3 *db;
	pid_t pid;

	/* In process: a fresh connection sees the answer at once. */
	open_fix(f);
	new_interview(f->st, f->qrow, uuid);
	put_text(f->st, uuid, 0, "name", "Ada");
	db = raw_open(f->path);
	raw_text(db, "SELECT value FROM answers WHERE interview = ?1 AND "
	    "question = 'name'", uuid, text, sizeof text);
	assert_string_equal(text, "Ada");
	sqlite3_close(db);
	store_close(f->st);
	f->st = NULL;

	/* A process killed right after the put returns loses nothing. */
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *st = NULL;
		struct store_value v = { .type = STORE_TEXT, .text = "Grace",
		    .len = 5 };
		char *err = NULL;

		close(fds[0]);
		if (store_open(&st, f->path, &err) != 0 ||
		    store_answer_put(st, uuid, 0, "name", &v, 1) != 0)
			_exit(1);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		raise(SIGKILL);		/* no close, no checkpoint */
		_exit(2);
	}
	close(fds[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(fds[0]);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	db = raw_open(f->path);
	raw_text(db, "SELECT value FROM answers WHERE interview = ?1 AND "
	    "question = 'name'", uuid, text, sizeof text);
	assert_string_equal(text, "Grace");
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_open_create),
		T(test_pragmas),
		T(test_memory),
		T(test_newer_schema_refused),
		T(test_foreign_database_refused),
		T(test_migration_from_v1),
		T(test_garbage_refused),
		T(test_corrupt_refused),
		T(test_checks_after_open),
		T(test_missing_directory),
		T(test_questionnaire_idempotent),
		T(test_interview_lifecycle),
		T(test_listing_order),
		T(test_count_by_status),
		T(test_count_local_day),
		T(test_answer_upsert_clear),
		T(test_value_roundtrip),
		T(test_missing_codes),
		T(test_scan_answers),
		T(test_reader_does_not_block_writer),
		T(test_writer_waits_for_writer),
		T(test_durable_after_put),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
