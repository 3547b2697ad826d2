/*
 * test_store_log.c: the audit trail (answer_log, answers.confirmed) against
 * real files: every event kind, the old and new values, one transaction
 * with the change it records, the sequence, the clock check, and the
 * migration of a version 2 file. Like test_store.c, it reads the file back
 * through its own SQLite connection too.
 */
#include "testutil.h"
#include "schemas.h"

#include <sqlite3.h>

#include <ctype.h>
#include <dirent.h>
#include <unistd.h>

#include "sec.h"
#include "store.h"

#define Q_SRC "survey: hh\nversion: 1\nquestions: []\n"
#define NOBODY "00000000-0000-4000-8000-000000000000"

struct fix {
	char dir[64];
	char path[128];
	struct store *st;
	int64_t qrow;
	char uuid[37];
};

/* ---- helpers ------------------------------------------------------------ */

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof *f);

	assert_non_null(f);
	assert_int_equal(sec_init(), 0);
	unsetenv("LCSURVEY_FAKE_NOW");
	snprintf(f->dir, sizeof f->dir, "%s/lcsurvey-log-XXXXXX",
	    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 30 ?
	    getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	DIR *d;
	struct dirent *e;
	char p[512];

	unsetenv("LCSURVEY_FAKE_NOW");
	store_close(f->st);
	if ((d = opendir(f->dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
			if (e->d_name[0] != '.')
				unlink(p);
		}
		closedir(d);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

static void
assert_contains(const char *hay, const char *needle)
{
	if (hay == NULL || strstr(hay, needle) == NULL)
		fail_msg("'%s' does not contain '%s'", hay ? hay : "(null)",
		    needle);
}

static struct store *
open_ok(const char *path)
{
	struct store *st = NULL;
	char *err = NULL;

	if (store_open(&st, path, &err) != 0)
		fail_msg("store_open: %s", err);
	return st;
}

/* Opens f->path with a questionnaire and one partial interview. */
static void
open_fix(struct fix *f)
{
	char hash[65];

	f->st = open_ok(f->path);
	sec_sha256_hex(Q_SRC, strlen(Q_SRC), hash);
	if (store_questionnaire(f->st, "hh", "1", hash, Q_SRC, strlen(Q_SRC),
	    &f->qrow))
		fail_msg("store_questionnaire: %s", store_errmsg(f->st));
	if (store_interview_new(f->st, f->qrow, "e1", "en", "interview",
	    f->uuid))
		fail_msg("store_interview_new: %s", store_errmsg(f->st));
}

static void
put(struct store *st, const char *uuid, int member, const char *q,
    const struct store_value *v, int confirmed, const char *reason)
{
	struct store_put_opts o = { confirmed, reason };

	if (store_answer_put_ex(st, uuid, member, q, v, 1, &o) != 0)
		fail_msg("store_answer_put_ex: %s", store_errmsg(st));
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
raw_int(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *s;
	int64_t v = -999;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static void
raw_text(const char *path, const char *sql, char *out, size_t n)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *s;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* The log of one interview as store_log_foreach gives it, copied. */
#define MAXL 32
struct entry {
	int64_t seq;
	char at[32], device[37], question[32], event[16], reason[128];
	int member, has_old, has_new, confirmed, clock_backwards, has_reason;
	enum store_vtype otype, ntype;
	int64_t oi, ni;
	double or_, nr;
	char otext[64], ntext[64], omissing[16], nmissing[16];
};
struct log {
	int n;
	struct entry e[MAXL];
};

static void
copy_value(const struct store_value *v, enum store_vtype *type, int64_t *i,
    double *r, char *text, char *missing)
{
	*type = v->type;
	*i = v->i;
	*r = v->r;
	snprintf(text, 64, "%.*s", (int)v->len, v->text ? v->text : "");
	snprintf(missing, 16, "%s", v->missing ? v->missing : "");
}

static int
collect(void *ctx, const struct store_log_entry *le)
{
	struct log *l = ctx;
	struct entry *e;

	assert_true(l->n < MAXL);
	e = &l->e[l->n++];
	e->seq = le->seq;
	snprintf(e->at, sizeof e->at, "%s", le->at);
	snprintf(e->device, sizeof e->device, "%s", le->device);
	snprintf(e->question, sizeof e->question, "%s",
	    le->question ? le->question : "");
	snprintf(e->event, sizeof e->event, "%s", le->event);
	e->has_reason = le->reason != NULL;
	snprintf(e->reason, sizeof e->reason, "%s",
	    le->reason ? le->reason : "");
	e->member = le->member;
	e->has_old = le->has_old;
	e->has_new = le->has_new;
	e->confirmed = le->confirmed;
	e->clock_backwards = le->clock_backwards;
	copy_value(&le->old_value, &e->otype, &e->oi, &e->or_, e->otext,
	    e->omissing);
	copy_value(&le->new_value, &e->ntype, &e->ni, &e->nr, e->ntext,
	    e->nmissing);
	return 0;
}

static void
read_log(struct store *st, const char *uuid, struct log *l)
{
	memset(l, 0, sizeof *l);
	if (store_log_foreach(st, uuid, collect, l) != 0)
		fail_msg("store_log_foreach: %s", store_errmsg(st));
}

struct find_seq {
	const char *q;
	int64_t seq;
	int confirmed;
};

static int
find_seq_cb(void *ctx, const struct store_answer *a)
{
	struct find_seq *fs = ctx;

	if (strcmp(a->question, fs->q) == 0) {
		fs->seq = a->seq;
		fs->confirmed = a->confirmed;
	}
	return 0;
}

/* The answer's seq (-1 when there is no answer) and its confirmation. */
static int64_t
answer_seq(struct store *st, const char *uuid, const char *q, int *confirmed)
{
	struct find_seq fs = { q, -1, -1 };

	assert_int_equal(store_answers_foreach(st, uuid, find_seq_cb, &fs), 0);
	if (confirmed != NULL)
		*confirmed = fs.confirmed;
	return fs.seq;
}

/* ---- events ------------------------------------------------------------- */

static void
test_answer_events(void **state)
{
	struct fix *f = *state;
	struct store_value v5 = { .type = STORE_INT, .i = 5 };
	struct store_value v6 = { .type = STORE_INT, .i = 6 };
	struct store_value dk = { .type = STORE_NULL, .missing = "dont_know" };
	struct store_value real = { .type = STORE_REAL, .r = 0.1 };
	struct store_value txt = { .type = STORE_TEXT, .text = "Zoë",
	    .len = 4 };
	struct store_value empty = { .type = STORE_NULL };
	struct log l;
	char dev[37];
	int i, confirmed;

	open_fix(f);
	assert_int_equal(store_device_id(f->st, dev), 0);
	put(f->st, f->uuid, 0, "rooms", &v5, 0, NULL);		/* answer */
	put(f->st, f->uuid, 0, "rooms", &v5, 0, NULL);		/* nothing */
	put(f->st, f->uuid, 0, "rooms", &v6, 0, NULL);		/* change */
	put(f->st, f->uuid, 0, "rooms", &v6, 1, NULL);		/* confirm */
	put(f->st, f->uuid, 0, "rooms", &dk, 0, NULL);		/* change */
	put(f->st, f->uuid, 2, "income", &real, 0, NULL);	/* answer */
	put(f->st, f->uuid, 2, "name", &txt, 0, NULL);		/* answer */
	put(f->st, f->uuid, 0, "note", &empty, 0, NULL);	/* answer */
	put(f->st, f->uuid, 0, "note", &empty, 0, NULL);	/* nothing */
	assert_int_equal(store_answer_clear(f->st, f->uuid, 2, "income"), 0);
	/* Nothing to clear: no event. */
	assert_int_equal(store_answer_clear(f->st, f->uuid, 2, "income"), 0);
	assert_int_equal(store_answer_clear(f->st, f->uuid, 5, "never"), 0);

	read_log(f->st, f->uuid, &l);
	assert_int_equal(l.n, 8);
	assert_string_equal(l.e[0].event, "answer");
	assert_false(l.e[0].has_old);
	assert_true(l.e[0].has_new);
	assert_int_equal(l.e[0].ntype, STORE_INT);
	assert_int_equal(l.e[0].ni, 5);
	assert_int_equal(l.e[0].member, 0);
	assert_string_equal(l.e[0].question, "rooms");
	assert_string_equal(l.e[0].device, dev);

	assert_string_equal(l.e[1].event, "change");
	assert_int_equal(l.e[1].otype, STORE_INT);
	assert_int_equal(l.e[1].oi, 5);
	assert_int_equal(l.e[1].ni, 6);
	assert_false(l.e[1].confirmed);

	/* The same value, now confirmed over its soft check. */
	assert_string_equal(l.e[2].event, "confirm");
	assert_int_equal(l.e[2].oi, 6);
	assert_int_equal(l.e[2].ni, 6);
	assert_true(l.e[2].confirmed);

	assert_string_equal(l.e[3].event, "change");
	assert_int_equal(l.e[3].oi, 6);
	assert_int_equal(l.e[3].ntype, STORE_NULL);
	assert_string_equal(l.e[3].nmissing, "dont_know");

	assert_string_equal(l.e[4].event, "answer");
	assert_int_equal(l.e[4].member, 2);
	assert_int_equal(l.e[4].ntype, STORE_REAL);
	assert_true(l.e[4].nr == 0.1);
	assert_string_equal(l.e[5].event, "answer");
	assert_int_equal(l.e[5].ntype, STORE_TEXT);
	assert_string_equal(l.e[5].ntext, "Zoë");
	/* An empty answer is an answer (with no value), not an absence. */
	assert_string_equal(l.e[6].event, "answer");
	assert_true(l.e[6].has_new);
	assert_int_equal(l.e[6].ntype, STORE_NULL);
	assert_string_equal(l.e[6].nmissing, "");

	assert_string_equal(l.e[7].event, "clear");
	assert_true(l.e[7].has_old);
	assert_false(l.e[7].has_new);
	assert_int_equal(l.e[7].otype, STORE_REAL);
	assert_true(l.e[7].or_ == 0.1);
	assert_int_equal(l.e[7].member, 2);
	assert_string_equal(l.e[7].question, "income");

	/* Strictly increasing, well-formed times, nothing flagged. */
	for (i = 0; i < l.n; i++) {
		assert_int_equal(strlen(l.e[i].at), 24);
		assert_false(l.e[i].clock_backwards);
		assert_false(l.e[i].has_reason);
		if (i > 0)
			assert_true(l.e[i].seq > l.e[i - 1].seq);
	}
	/* The log row of a put has the answer's own sequence number. */
	assert_int_equal(answer_seq(f->st, f->uuid, "name", NULL), l.e[5].seq);

	/* The types are SQLite's own, as in the answers table. */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM answer_log "
	    "WHERE typeof(new_value) = 'real' AND question = 'income' AND "
	    "event = 'answer'"), 1);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM answer_log "
	    "WHERE typeof(old_value) = 'real' AND event = 'clear'"), 1);

	/* Confirmation is stored with the answer, and goes with a change. */
	put(f->st, f->uuid, 0, "age", &v5, 1, NULL);
	assert_true(answer_seq(f->st, f->uuid, "age", &confirmed) > 0);
	assert_int_equal(confirmed, 1);
	put(f->st, f->uuid, 0, "age", &v6, 0, NULL);
	answer_seq(f->st, f->uuid, "age", &confirmed);
	assert_int_equal(confirmed, 0);
	assert_int_equal(raw_int(f->path, "SELECT confirmed FROM answers "
	    "WHERE question = 'age'"), 0);
	read_log(f->st, f->uuid, &l);
	assert_string_equal(l.e[l.n - 2].event, "answer");
	assert_true(l.e[l.n - 2].confirmed);
	assert_string_equal(l.e[l.n - 1].event, "change");
	assert_false(l.e[l.n - 1].confirmed);
}

static void
test_status_events(void **state)
{
	struct fix *f = *state;
	struct store_value v = { .type = STORE_INT, .i = 1 };
	struct store_put_opts o = { 0, "typo in the age" };
	struct store_interview iv;
	struct log l;
	char *reason = (char *)1;

	open_fix(f);
	put(f->st, f->uuid, 0, "age", &v, 0, NULL);
	assert_int_equal(store_interview_set_status(f->st, f->uuid,
	    "complete"), 0);
	/* The status it already has: no event. */
	assert_int_equal(store_interview_set_status(f->st, f->uuid,
	    "complete"), 0);
	assert_int_equal(store_interview_reopen_reason(f->st, f->uuid,
	    &reason), 0);
	assert_null(reason);

	/* Reopening needs a reason, and something to reopen. */
	assert_int_equal(store_interview_reopen(f->st, f->uuid, NULL), -1);
	assert_contains(store_errmsg(f->st), "a reason is needed");
	assert_int_equal(store_interview_reopen(f->st, f->uuid, "  "), -1);
	assert_int_equal(store_interview_reopen(f->st, f->uuid, "a\nb"), -1);
	assert_contains(store_errmsg(f->st), "one line");
	assert_int_equal(store_interview_reopen(f->st, NOBODY, "x"), -1);
	assert_contains(store_errmsg(f->st), "no interview");
	assert_int_equal(store_interview_get(f->st, f->uuid, &iv), 0);
	assert_string_equal(iv.status, "complete");
	store_interview_release(&iv);

	assert_int_equal(store_interview_reopen(f->st, f->uuid,
	    "typo in the age"), 0);
	assert_int_equal(store_interview_reopen(f->st, f->uuid, "again"), -1);
	assert_contains(store_errmsg(f->st), "not complete or abandoned");
	assert_int_equal(store_interview_reopen_reason(f->st, f->uuid,
	    &reason), 0);
	assert_non_null(reason);
	assert_string_equal(reason, "typo in the age");
	free(reason);

	v.i = 2;
	assert_int_equal(store_answer_put_ex(f->st, f->uuid, 0, "age", &v, 1,
	    &o), 0);
	assert_int_equal(store_answer_clear_ex(f->st, f->uuid, 0, "age", &o),
	    0);
	assert_int_equal(store_interview_set_status_ex(f->st, f->uuid,
	    "complete", "typo in the age"), 0);
	assert_int_equal(store_interview_reopen_reason(f->st, f->uuid,
	    &reason), 0);
	assert_null(reason);
	assert_int_equal(store_interview_set_status(f->st, f->uuid,
	    "abandoned"), 0);
	/* Reopened without a reason (the old way): logged, reason NULL. */
	assert_int_equal(store_interview_set_status(f->st, f->uuid, "partial"),
	    0);
	assert_int_equal(store_interview_reopen_reason(f->st, f->uuid,
	    &reason), 0);
	assert_null(reason);

	read_log(f->st, f->uuid, &l);
	assert_int_equal(l.n, 8);
	assert_string_equal(l.e[1].event, "complete");
	assert_int_equal(l.e[1].member, -1);
	assert_string_equal(l.e[1].question, "");
	assert_string_equal(l.e[1].otext, "partial");
	assert_string_equal(l.e[1].ntext, "complete");
	assert_string_equal(l.e[2].event, "reopen");
	assert_string_equal(l.e[2].otext, "complete");
	assert_string_equal(l.e[2].ntext, "partial");
	assert_string_equal(l.e[2].reason, "typo in the age");
	assert_string_equal(l.e[3].event, "change");
	assert_string_equal(l.e[3].reason, "typo in the age");
	assert_string_equal(l.e[4].event, "clear");
	assert_string_equal(l.e[4].reason, "typo in the age");
	assert_string_equal(l.e[5].event, "complete");
	assert_string_equal(l.e[5].reason, "typo in the age");
	assert_string_equal(l.e[6].event, "abandon");
	assert_string_equal(l.e[6].otext, "complete");
	assert_false(l.e[6].has_reason);
	assert_string_equal(l.e[7].event, "reopen");
	assert_string_equal(l.e[7].otext, "abandoned");
	assert_false(l.e[7].has_reason);
}

/* ---- one transaction ---------------------------------------------------- */

static void
test_same_transaction(void **state)
{
	struct fix *f = *state;
	struct store_value v = { .type = STORE_INT, .i = 1 };
	struct store_value bad = { .type = STORE_INT, .i = 99 };
	struct store_put_opts long_reason = { 0, NULL };
	char big[1200];
	sqlite3 *db;
	int64_t seq, nlog;

	open_fix(f);
	put(f->st, f->uuid, 0, "age", &v, 0, NULL);
	seq = raw_int(f->path, "SELECT max(seq) FROM answer_log");
	nlog = raw_int(f->path, "SELECT count(*) FROM answer_log");
	assert_int_equal(nlog, 1);

	/* Failures before the transaction and inside it alike leave no log
	 * row, no answer change and no used sequence number. */
	assert_int_equal(store_answer_put(f->st, NOBODY, 0, "age", &v, 1), -1);
	assert_int_equal(store_answer_clear(f->st, NOBODY, 0, "age"), -1);
	assert_int_equal(store_interview_set_status(f->st, NOBODY, "complete"),
	    -1);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	long_reason.reason = big;
	assert_int_equal(store_answer_put_ex(f->st, f->uuid, 0, "age", &bad, 1,
	    &long_reason), -1);
	assert_contains(store_errmsg(f->st), "reason too long");
	long_reason.reason = "\xff\xfe";
	assert_int_equal(store_answer_put_ex(f->st, f->uuid, 0, "age", &bad, 1,
	    &long_reason), -1);
	assert_contains(store_errmsg(f->st), "UTF-8");

	/* The log row's insert fails after the answer was written: the
	 * answer is rolled back with it. */
	db = raw_open(f->path);
	raw_exec(db, "CREATE TRIGGER no_log BEFORE INSERT ON answer_log "
	    "BEGIN SELECT RAISE(ABORT, 'log refused'); END");
	sqlite3_close(db);
	assert_int_equal(store_answer_put(f->st, f->uuid, 0, "age", &bad, 1),
	    -1);
	assert_contains(store_errmsg(f->st), "log refused");
	assert_int_equal(store_answer_clear(f->st, f->uuid, 0, "age"), -1);
	assert_int_equal(store_interview_set_status(f->st, f->uuid,
	    "complete"), -1);
	assert_int_equal(raw_int(f->path, "SELECT value FROM answers "
	    "WHERE question = 'age'"), 1);
	{
		char status[16];

		raw_text(f->path, "SELECT status FROM interviews", status,
		    sizeof status);
		assert_string_equal(status, "partial");
	}
	db = raw_open(f->path);
	raw_exec(db, "DROP TRIGGER no_log");
	/* And the other way round: the answer's write fails, no log row. */
	raw_exec(db, "CREATE TRIGGER no_answer BEFORE UPDATE ON answers "
	    "BEGIN SELECT RAISE(ABORT, 'answer refused'); END");
	sqlite3_close(db);
	assert_int_equal(store_answer_put(f->st, f->uuid, 0, "age", &bad, 1),
	    -1);
	assert_contains(store_errmsg(f->st), "answer refused");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM answer_log"),
	    nlog);
	assert_int_equal(raw_int(f->path, "SELECT max(seq) FROM answer_log"),
	    seq);
	db = raw_open(f->path);
	raw_exec(db, "DROP TRIGGER no_answer");
	sqlite3_close(db);

	/* Working again, numbering on from where it was. */
	put(f->st, f->uuid, 0, "age", &bad, 0, NULL);
	assert_int_equal(raw_int(f->path, "SELECT max(seq) FROM answer_log"),
	    seq + 1);
	assert_int_equal(raw_int(f->path, "SELECT old_value FROM answer_log "
	    "WHERE seq = (SELECT max(seq) FROM answer_log)"), 1);
}

/* ---- the clock ---------------------------------------------------------- */

static void
test_clock_backwards(void **state)
{
	struct fix *f = *state;
	struct store_value v = { .type = STORE_INT, .i = 1 };
	char dev[37], sql[400];
	struct log l;
	sqlite3 *db;
	int64_t seq;

	setenv("LCSURVEY_FAKE_NOW", "2025-06-01T10:00:00.000Z", 1);
	open_fix(f);
	put(f->st, f->uuid, 0, "a", &v, 0, NULL);
	setenv("LCSURVEY_FAKE_NOW", "2025-06-01T10:05:00.000Z", 1);
	put(f->st, f->uuid, 0, "b", &v, 0, NULL);
	/* Back by an hour: flagged once, on the first event after it. */
	setenv("LCSURVEY_FAKE_NOW", "2025-06-01T09:05:00.000Z", 1);
	put(f->st, f->uuid, 0, "c", &v, 0, NULL);
	setenv("LCSURVEY_FAKE_NOW", "2025-06-01T09:06:00.000Z", 1);
	put(f->st, f->uuid, 0, "d", &v, 0, NULL);
	/* The same time again is not backwards. */
	assert_int_equal(store_interview_set_status(f->st, f->uuid,
	    "complete"), 0);
	/* A malformed fake time is ignored: the real clock, years later. */
	setenv("LCSURVEY_FAKE_NOW", "yesterday", 1);
	assert_int_equal(store_interview_reopen(f->st, f->uuid, "check"), 0);

	/* Another device's later event (merged in) is no reference for
	 * this device's clock, for a new connection (which looks the
	 * device's last event up) as for this one (which remembers it). */
	assert_int_equal(store_device_id(f->st, dev), 0);
	seq = raw_int(f->path, "SELECT max(seq) FROM answer_log");
	snprintf(sql, sizeof sql, "INSERT INTO answer_log (seq, device, "
	    "interview, event, old_value, new_value, at) VALUES (%lld, "
	    "'99999999-9999-4999-8999-999999999999', '%s', 'abandon', "
	    "'partial', 'abandoned', '2099-01-01T00:00:00.000Z')",
	    (long long)seq + 1, f->uuid);
	db = raw_open(f->path);
	raw_exec(db, sql);
	sqlite3_close(db);
	unsetenv("LCSURVEY_FAKE_NOW");
	put(f->st, f->uuid, 0, "e", &v, 0, NULL);
	store_close(f->st);
	f->st = open_ok(f->path);
	put(f->st, f->uuid, 0, "f", &v, 0, NULL);
	/* And it does find the device's own last event: an hour back from
	 * it is flagged on the first write of a new connection. */
	store_close(f->st);
	f->st = open_ok(f->path);
	setenv("LCSURVEY_FAKE_NOW", "2025-06-01T09:30:00.000Z", 1);
	put(f->st, f->uuid, 0, "g", &v, 0, NULL);
	unsetenv("LCSURVEY_FAKE_NOW");

	read_log(f->st, f->uuid, &l);
	assert_int_equal(l.n, 10);
	assert_false(l.e[0].clock_backwards);
	assert_false(l.e[1].clock_backwards);
	assert_true(l.e[2].clock_backwards);
	assert_string_equal(l.e[2].at, "2025-06-01T09:05:00.000Z");
	assert_false(l.e[3].clock_backwards);
	assert_string_equal(l.e[4].event, "complete");
	assert_false(l.e[4].clock_backwards);
	assert_string_equal(l.e[5].event, "reopen");
	assert_true(strcmp(l.e[5].at, "2025-06-01T09:06:00.000Z") > 0);
	assert_false(l.e[5].clock_backwards);
	assert_string_equal(l.e[6].device,
	    "99999999-9999-4999-8999-999999999999");
	assert_false(l.e[7].clock_backwards);
	assert_true(l.e[7].seq > l.e[6].seq);
	assert_false(l.e[8].clock_backwards);
	assert_true(l.e[9].clock_backwards);
}

/* ---- finding an interview ----------------------------------------------- */

static void
test_find(void **state)
{
	struct fix *f = *state;
	char got[37], upper[37], sql[600];
	sqlite3 *db;
	size_t i;

	open_fix(f);
	assert_int_equal(store_interview_find(f->st, f->uuid, got), 0);
	assert_string_equal(got, f->uuid);
	memcpy(upper, f->uuid, 8);
	upper[8] = '\0';
	for (i = 0; upper[i] != '\0'; i++)
		upper[i] = (char)toupper((unsigned char)upper[i]);
	assert_int_equal(store_interview_find(f->st, upper, got), 0);
	assert_string_equal(got, f->uuid);

	/* Its end, as the beginning names the device (store_uuid_new). */
	assert_int_equal(store_interview_find(f->st, f->uuid + 28, got), 0);
	assert_string_equal(got, f->uuid);
	assert_int_equal(store_interview_find(f->st, f->uuid + 24, got), 0);
	assert_string_equal(got, f->uuid);

	assert_int_equal(store_interview_find(f->st, "abc", got), -1);
	assert_contains(store_errmsg(f->st), "at least its first or last 8");
	assert_int_equal(store_interview_find(f->st, "zzzzzzzz", got), -1);
	assert_contains(store_errmsg(f->st), "not an interview UUID");
	assert_int_equal(store_interview_find(f->st, "00000000", got), -1);
	assert_contains(store_errmsg(f->st), "no interview '00000000'");
	assert_string_equal(got, "");

	/* Two interviews sharing a prefix. */
	snprintf(sql, sizeof sql, "INSERT INTO interviews (uuid, "
	    "questionnaire, started_at, updated_at, device, mode) VALUES "
	    "('12345678-aaaa-4aaa-8aaa-aaaaaaaaaaaa', %lld, 'x', 'x', "
	    "'11111111-1111-4111-8111-111111111111', 'interview'), "
	    "('12345678-bbbb-4bbb-8bbb-bbbbbbbbbbbb', %lld, 'x', 'x', "
	    "'11111111-1111-4111-8111-111111111111', 'interview')",
	    (long long)f->qrow, (long long)f->qrow);
	db = raw_open(f->path);
	raw_exec(db, sql);
	sqlite3_close(db);
	assert_int_equal(store_interview_find(f->st, "12345678", got), -1);
	assert_contains(store_errmsg(f->st), "more than one");
	/* Naming what to give instead: the ends, which differ. */
	assert_contains(store_errmsg(f->st),
	    "the last characters of one: aaaaaaaaaaaa, bbbbbbbbbbbb");
	assert_int_equal(store_interview_find(f->st, "12345678-b", got), 0);
	assert_string_equal(got, "12345678-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
	assert_int_equal(store_interview_find(f->st, "AAAAAAAA", got), 0);
	assert_string_equal(got, "12345678-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
	/* One beginning with it, another ending with it. */
	db = raw_open(f->path);
	raw_exec(db, "UPDATE interviews SET uuid = "
	    "'bbbbbbbb-aaaa-4aaa-8aaa-aaaaaaaaaaaa' WHERE uuid = "
	    "'12345678-aaaa-4aaa-8aaa-aaaaaaaaaaaa'");
	sqlite3_close(db);
	assert_int_equal(store_interview_find(f->st, "bbbbbbbb", got), -1);
	assert_contains(store_errmsg(f->st), "more than one");
	assert_string_equal(got, "");
}

/* ---- migration ---------------------------------------------------------- */

/* Version 2 as released (schemas.h). */
static const char v2_schema[] = SCHEMA_V2;

static void
test_migration_from_v2(void **state)
{
	struct fix *f = *state;
	const char *u = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
	struct store_value v = { .type = STORE_INT, .i = 34 };
	struct store_settings set;
	struct log l;
	sqlite3 *db;
	sqlite3_stmt *s;
	char hash[65];
	int confirmed;

	sec_sha256_hex(Q_SRC, strlen(Q_SRC), hash);
	db = raw_open(f->path);
	raw_exec(db, v2_schema);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO questionnaires "
	    "VALUES (5, 'hh', '1', ?1, CAST('" Q_SRC "' AS BLOB), "
	    "'2024-01-02T03:04:05.678Z')", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	raw_exec(db, "INSERT INTO interviews (uuid, questionnaire, status, "
	    "started_at, ended_at, updated_at, enumerator, device, language, "
	    "mode) VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 5, "
	    "'complete', '2024-01-02T10:00:00.000Z', "
	    "'2024-01-02T10:20:00.000Z', '2024-01-02T10:20:00.000Z', 'e1', "
	    "'11111111-2222-4333-8444-555555555555', 'fr', 'interview');"
	    "INSERT INTO answers VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',"
	    " 0, 'age', 33, NULL, '2024-01-02T10:01:00.000Z', 4.25, 40);"
	    "INSERT INTO answers VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',"
	    " 1, 'name', 'Zoë', NULL, '2024-01-02T10:02:00.000Z', NULL, 41);");
	sqlite3_close(db);

	f->st = open_ok(f->path);
	assert_int_equal(store_settings(f->st, &set), 0);
	assert_int_equal(set.user_version, STORE_SCHEMA_VERSION);

	/* Version 2's answers were never confirmed, and have no history. */
	assert_int_equal(answer_seq(f->st, u, "age", &confirmed), 40);
	assert_int_equal(confirmed, 0);
	read_log(f->st, u, &l);
	assert_int_equal(l.n, 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM answers "
	    "WHERE confirmed = 0"), 2);

	/* An edit of the migrated interview logs the old value and carries
	 * the sequence on. */
	assert_int_equal(store_interview_reopen(f->st, u, "age misheard"), 0);
	put(f->st, u, 0, "age", &v, 0, "age misheard");
	read_log(f->st, u, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.e[0].event, "reopen");
	assert_int_equal(l.e[0].seq, 42);
	assert_string_equal(l.e[1].event, "change");
	assert_int_equal(l.e[1].oi, 33);
	assert_int_equal(l.e[1].ni, 34);
	assert_int_equal(l.e[1].seq, 43);
	assert_string_equal(l.e[1].device,
	    "11111111-2222-4333-8444-555555555555");

	/* What version 3 adds, less the index version 5 drops. */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name IN ('answer_log', 'answer_log_by_interview')"), 2);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name = 'answer_log_by_device'"), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM "
	    "pragma_table_info('answers') WHERE name = 'confirmed' AND "
	    "\"notnull\" AND dflt_value = '0'"), 1);
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"),
	    STORE_SCHEMA_VERSION);
	/* The constraints hold for hand-written rows too. */
	db = raw_open(f->path);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO answer_log (device, "
	    "interview, event, at) VALUES ('11111111-2222-4333-8444-"
	    "555555555555', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 'edit', "
	    "'x')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO answer_log (device, "
	    "interview, member, event, at) VALUES ('11111111-2222-4333-8444-"
	    "555555555555', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 0, "
	    "'answer', 'x')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE answers SET confirmed = 2",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* A new file and a migrated one have the same schema text: merging
 * compares the schemas of the two. Version 3 added the log and
 * answers.confirmed; version 5 rebuilt answers (without the UNIQUE on seq)
 * and dropped answer_log_by_device. */
static void
test_same_schema_new_and_migrated(void **state)
{
	struct fix *f = *state;
	char other[160], a[4096], b[4096];
	const char *log = "SELECT group_concat(sql, char(10)) FROM (SELECT sql "
	    "FROM sqlite_schema WHERE tbl_name = 'answer_log' ORDER BY name)";
	const char *answers = "SELECT group_concat(sql, char(10)) FROM "
	    "(SELECT sql FROM sqlite_schema WHERE tbl_name = 'answers' "
	    "ORDER BY name)";
	struct store *st2;
	sqlite3 *db;

	db = raw_open(f->path);
	raw_exec(db, v2_schema);
	sqlite3_close(db);
	f->st = open_ok(f->path);
	snprintf(other, sizeof other, "%s/new.db", f->dir);
	st2 = open_ok(other);
	store_close(st2);
	raw_text(f->path, log, a, sizeof a);
	raw_text(other, log, b, sizeof b);
	assert_non_null(strstr(a, "CREATE TABLE answer_log ("));
	assert_non_null(strstr(a, "answer_log_by_interview"));
	assert_null(strstr(a, "answer_log_by_device"));
	assert_string_equal(a, b);
	raw_text(f->path, answers, a, sizeof a);
	raw_text(other, answers, b, sizeof b);
	assert_non_null(strstr(a, "seq INTEGER NOT NULL,"));
	assert_non_null(strstr(a, "confirmed INTEGER NOT NULL DEFAULT 0"));
	assert_null(strstr(a, "UNIQUE"));
	assert_string_equal(a, b);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_answer_events),
		T(test_status_events),
		T(test_same_transaction),
		T(test_clock_backwards),
		T(test_find),
		T(test_migration_from_v2),
		T(test_same_schema_new_and_migrated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
