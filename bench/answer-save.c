/*
 * answer-save.c: how long recording one answer durably takes, against a
 * baseline measured in the same run (issue 3, point 5).
 *
 * The baseline is the least any durable save could cost: one prepared
 * INSERT of the same row shape, in its own transaction, into a file with
 * the store's pragmas (WAL, synchronous=FULL). Both run interleaved on
 * files in one directory, so disk and cache conditions drift for both
 * alike. Target: store_answer_put no slower than 2x the bare insert.
 *
 * usage: answer-save [-n N] [-d DIR]   (DIR defaults to $TMPDIR or /tmp;
 * it must be on the disk you care about: tmpfs makes fsync free)
 * Exits 0 when the target is met, 1 when not, 2 on error.
 */
#include <sqlite3.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sec.h"
#include "store.h"
#include "xmalloc.h"

#define WARMUP 50
#define TARGET 2.0

static void
die(const char *what, const char *msg)
{
	fprintf(stderr, "answer-save: %s: %s\n", what, msg);
	exit(2);
}

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

struct stats {
	double median, p99, mean;
};

static struct stats
summarise(double *t, int n)
{
	struct stats s;
	double sum = 0;
	int i;

	for (i = 0; i < n; i++)
		sum += t[i];
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	s.median = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
	s.p99 = t[(int)ceil(0.99 * n) - 1];
	s.mean = sum / n;
	return s;
}

/* The baseline: a plain table shaped like answers, and three prepared
 * statements. */
struct bare {
	sqlite3 *db;
	sqlite3_stmt *begin, *insert, *commit;
};

static void
bare_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql, sqlite3_errmsg(db));
}

static void
bare_open(struct bare *b, const char *path)
{
	if (sqlite3_open_v2(path, &b->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		die(path, sqlite3_errmsg(b->db));
	sqlite3_busy_timeout(b->db, 5000);
	bare_exec(b->db, "PRAGMA journal_mode = WAL");
	bare_exec(b->db, "PRAGMA synchronous = FULL");
	bare_exec(b->db, "PRAGMA foreign_keys = ON");
	bare_exec(b->db, "CREATE TABLE answers (interview TEXT NOT NULL, "
	    "member INTEGER NOT NULL, question TEXT NOT NULL, value, "
	    "missing TEXT, answered_at TEXT NOT NULL, seconds REAL, "
	    "seq INTEGER NOT NULL, PRIMARY KEY (interview, member, question))"
	    " WITHOUT ROWID");
	if (sqlite3_prepare_v3(b->db, "BEGIN IMMEDIATE", -1,
	    SQLITE_PREPARE_PERSISTENT, &b->begin, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(b->db, "INSERT INTO answers VALUES "
	    "(?1, 0, ?2, ?3, NULL, '2024-01-01T00:00:00.000Z', 1.5, ?4)", -1,
	    SQLITE_PREPARE_PERSISTENT, &b->insert, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(b->db, "COMMIT", -1,
	    SQLITE_PREPARE_PERSISTENT, &b->commit, NULL) != SQLITE_OK)
		die("prepare", sqlite3_errmsg(b->db));
}

static void
bare_step(struct bare *b, sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		die("bare insert", sqlite3_errmsg(b->db));
	sqlite3_reset(s);
}

static void
bare_put(struct bare *b, const char *uuid, const char *q, int64_t v,
    int64_t seq)
{
	bare_step(b, b->begin);
	sqlite3_bind_text(b->insert, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->insert, 2, q, -1, SQLITE_STATIC);
	sqlite3_bind_int64(b->insert, 3, v);
	sqlite3_bind_int64(b->insert, 4, seq);
	bare_step(b, b->insert);
	bare_step(b, b->commit);
}

static void
bare_close(struct bare *b)
{
	sqlite3_finalize(b->begin);
	sqlite3_finalize(b->insert);
	sqlite3_finalize(b->commit);
	sqlite3_close(b->db);
}

static void
store_put(struct store *st, const char *uuid, const char *q, int64_t v)
{
	struct store_value val = { .type = STORE_INT, .i = v };

	if (store_answer_put(st, uuid, 0, q, &val, 1.5) != 0)
		die("store_answer_put", store_errmsg(st));
}

static void
unlink3(const char *path)
{
	char p[600];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

int
main(int argc, char **argv)
{
	static const char src[] = "survey: bench\nversion: 1\n";
	const char *base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char dir[512], spath[600], bpath[600], uuid[37], q[32], *err;
	double *ts, *tb, t0;
	struct stats ss, sb;
	struct store *st;
	struct bare b;
	int64_t qrow;
	int n = 2000, i, c, ok;
	char hash[65];

	while ((c = getopt(argc, argv, "n:d:")) != -1) {
		switch (c) {
		case 'n':
			n = atoi(optarg);
			break;
		case 'd':
			base = optarg;
			break;
		default:
			fprintf(stderr, "usage: answer-save [-n N] [-d DIR]\n");
			return 2;
		}
	}
	if (n < 100)
		die("-n", "at least 100 answers, for a p99");

	snprintf(dir, sizeof dir, "%s/answer-save-XXXXXX", base);
	if (mkdtemp(dir) == NULL)
		die(dir, "cannot make a temporary directory");
	snprintf(spath, sizeof spath, "%s/store.db", dir);
	snprintf(bpath, sizeof bpath, "%s/bare.db", dir);

	if (store_open(&st, spath, &err) != 0)
		die("store_open", err);
	/* The store checks the hash; compute it the way callers do. */
	sec_sha256_hex(src, sizeof src - 1, hash);
	if (store_questionnaire(st, "bench", "1", hash, src, sizeof src - 1,
	    &qrow) != 0 ||
	    store_interview_new(st, qrow, "bench", "en", "simulate", uuid) != 0)
		die("store setup", store_errmsg(st));
	bare_open(&b, bpath);

	ts = xcalloc((size_t)n, sizeof *ts);
	tb = xcalloc((size_t)n, sizeof *tb);
	for (i = 0; i < WARMUP; i++) {
		snprintf(q, sizeof q, "warm%d", i);
		store_put(st, uuid, q, i);
		bare_put(&b, uuid, q, i, i + 1);
	}
	/* Interleaved, alternating which goes first, so neither always
	 * follows the other's fsync. */
	for (i = 0; i < n; i++) {
		snprintf(q, sizeof q, "q%05d", i);
		if (i % 2 == 0) {
			t0 = now_us();
			bare_put(&b, uuid, q, i, WARMUP + i + 1);
			tb[i] = now_us() - t0;
			t0 = now_us();
			store_put(st, uuid, q, i);
			ts[i] = now_us() - t0;
		} else {
			t0 = now_us();
			store_put(st, uuid, q, i);
			ts[i] = now_us() - t0;
			t0 = now_us();
			bare_put(&b, uuid, q, i, WARMUP + i + 1);
			tb[i] = now_us() - t0;
		}
	}
	store_close(st);
	bare_close(&b);
	unlink3(spath);
	unlink3(bpath);
	rmdir(dir);

	sb = summarise(tb, n);
	ss = summarise(ts, n);
	printf("answer save, %d answers each, in %s (SQLite %s)\n", n, base,
	    sqlite3_libversion());
	printf("%-22s %10s %10s %10s\n", "per answer (us)", "median", "p99",
	    "mean");
	printf("%-22s %10.1f %10.1f %10.1f\n", "bare sqlite3 insert",
	    sb.median, sb.p99, sb.mean);
	printf("%-22s %10.1f %10.1f %10.1f\n", "store_answer_put",
	    ss.median, ss.p99, ss.mean);
	printf("%-22s %10.2f %10.2f %10.2f\n", "ratio", ss.median / sb.median,
	    ss.p99 / sb.p99, ss.mean / sb.mean);
	ok = ss.median / sb.median <= TARGET && ss.p99 / sb.p99 <= TARGET;
	printf("target: store no slower than %.1fx the bare insert (median "
	    "and p99): %s\n", TARGET, ok ? "met" : "NOT MET");
	free(ts);
	free(tb);
	return ok ? 0 : 1;
}
