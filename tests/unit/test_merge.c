/*
 * test_merge.c: store_merge between real files in a temporary directory:
 * idempotence, conflicts kept and reported, the complete superset that
 * wins, versions kept apart, a file with a write-ahead log, and hostile
 * inputs refused with the target's bytes unchanged.
 */
#include "testutil.h"

#include <sys/stat.h>

#include <dirent.h>
#include <unistd.h>

#include "sec.h"
#include "store.h"

#define Q_SRC "survey: hh\nversion: 1\nquestions: []\n"
#define Q_SRC2 "survey: hh\nversion: 2\nquestions: []\n"

struct fix {
	char dir[64];
	/* Conflicts reported by the last merge. */
	char conflicts[4][2][37];
	int nconflicts;
};

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof *f);

	assert_non_null(f);
	assert_int_equal(sec_init(), 0);
	snprintf(f->dir, sizeof f->dir, "%s/lcsurvey-merge-XXXXXX",
	    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 30 ?
	    getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	DIR *d = opendir(f->dir);
	struct dirent *e;
	char p[512];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
		unlink(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(f->dir);
	free(f);
	return 0;
}

static const char *
path(struct fix *f, const char *name)
{
	static char p[4][160];
	static int k;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", f->dir, name);
	return p[k];
}

static struct store *
open_db(struct fix *f, const char *name)
{
	struct store *st;
	char *msg;

	if (store_open(&st, path(f, name), &msg) < 0)
		fail_msg("%s", msg);
	return st;
}

static int64_t
add_q(struct store *st, const char *src)
{
	char hash[65];
	int64_t q;

	sec_sha256_hex(src, strlen(src), hash);
	assert_int_equal(store_questionnaire(st, "hh", "1", hash, src,
	    strlen(src), &q), 0);
	return q;
}

static void
put_int(struct store *st, const char *uuid, int member, const char *q,
    int64_t v)
{
	struct store_value sv;

	memset(&sv, 0, sizeof sv);
	sv.type = STORE_INT;
	sv.i = v;
	assert_int_equal(store_answer_put(st, uuid, member, q, &sv, 1.5), 0);
}

/* An interview with answers a = 1, b = 2 (and c = 3 if full), complete if
 * full. */
static void
add_iv(struct store *st, int64_t q, int full, char uuid[37])
{
	assert_int_equal(store_interview_new(st, q, "enum1", "en", "interview",
	    uuid), 0);
	put_int(st, uuid, 0, "a", 1);
	put_int(st, uuid, 0, "b", 2);
	if (full) {
		put_int(st, uuid, 1, "c", 3);
		assert_int_equal(store_interview_set_status(st, uuid,
		    "complete"), 0);
	}
}

static void
on_conflict(void *ctx, const char *uuid, const char *copy)
{
	struct fix *f = ctx;

	assert_true(f->nconflicts < 4);
	memcpy(f->conflicts[f->nconflicts][0], uuid, 37);
	memcpy(f->conflicts[f->nconflicts][1], copy, 37);
	f->nconflicts++;
}

static int
merge(struct fix *f, struct store *st, const char *name,
    struct store_merge_stats *s)
{
	f->nconflicts = 0;
	return store_merge(st, path(f, name), s, on_conflict, f);
}

/* a.db with one interview (add_iv's, into u), merged once into c.db,
 * which is returned open: where a laptop's later work starts from. */
static struct store *
merged_once(struct fix *f, int full, char u[37])
{
	struct store *a = open_db(f, "a.db"), *c;
	struct store_merge_stats s;

	add_iv(a, add_q(a, Q_SRC), full, u);
	store_close(a);
	c = open_db(f, "c.db");
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.added, 1);
	return c;
}

static int
count_interviews(struct store *st)
{
	int c[3];

	assert_int_equal(store_count_by_status(st, 0, NULL, c), 0);
	return c[0] + c[1] + c[2];
}

static int
has_interview(struct store *st, const char *uuid)
{
	struct store_interview iv;
	int rc = store_interview_get(st, uuid, &iv);

	store_interview_release(&iv);
	return rc == 0;
}

static int
count_answers(struct store *st, const char *uuid)
{
	struct store_interview iv;
	int n;

	assert_int_equal(store_interview_get(st, uuid, &iv), 0);
	n = iv.nanswers;
	store_interview_release(&iv);
	return n;
}

static int
count_event(void *ctx, const struct store_log_entry *e)
{
	(void)e;
	(*(int *)ctx)++;
	return 0;
}

/* How many events the audit log holds for the interview. */
static int
count_log(struct store *st, const char *uuid)
{
	int n = 0;

	assert_int_equal(store_log_foreach(st, uuid, count_event, &n), 0);
	return n;
}

/* The file's bytes as a hash. */
static void
file_hash(const char *p, char out[65])
{
	FILE *fp = fopen(p, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	sec_sha256_hex(buf, (size_t)n, out);
	free(buf);
}

static void
copy_file(const char *from, const char *to, long limit)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[4096];
	size_t n;
	long total = 0;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		if (limit >= 0 && total + (long)n > limit)
			n = (size_t)(limit - total);
		fwrite(buf, 1, n, out);
		total += (long)n;
		if (limit >= 0 && total >= limit)
			break;
	}
	fclose(in);
	fclose(out);
}

/* ---- tests -------------------------------------------------------------- */

static void
test_idempotent(void **state)
{
	struct fix *f = *state;
	struct store *a = open_db(f, "a.db"), *c;
	struct store_merge_stats s;
	char u1[37], u2[37];
	int64_t q = add_q(a, Q_SRC);

	add_iv(a, q, 1, u1);
	add_iv(a, q, 0, u2);
	store_close(a);
	c = open_db(f, "c.db");
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.added, 2);
	assert_int_equal(s.questionnaires, 1);
	assert_int_equal(s.unchanged + s.updated + s.conflicts, 0);
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.unchanged, 2);
	assert_int_equal(s.added + s.updated + s.conflicts +
	    s.questionnaires, 0);
	assert_int_equal(count_interviews(c), 2);
	assert_int_equal(count_answers(c, u1), 3);
	store_close(c);
}

static void
test_conflict_kept(void **state)
{
	struct fix *f = *state;
	struct store *a = open_db(f, "a.db"), *b, *c;
	struct store_merge_stats s;
	char u[37];
	int64_t q = add_q(a, Q_SRC);

	add_iv(a, q, 1, u);
	store_close(a);
	copy_file(path(f, "a.db"), path(f, "b.db"), -1);
	/* The same interview, edited differently on each copy: neither
	 * audit log continues the other. */
	a = open_db(f, "a.db");
	put_int(a, u, 0, "b", 10);
	store_close(a);
	b = open_db(f, "b.db");
	put_int(b, u, 0, "b", 20);
	store_close(b);

	c = open_db(f, "c.db");
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(merge(f, c, "b.db", &s), 0);
	assert_int_equal(s.conflicts, 1);
	assert_int_equal(f->nconflicts, 1);
	assert_string_equal(f->conflicts[0][0], u);
	assert_string_not_equal(f->conflicts[0][1], u);
	assert_true(has_interview(c, u));
	assert_true(has_interview(c, f->conflicts[0][1]));
	assert_int_equal(count_interviews(c), 2);
	/* Kept once: merging either file again changes nothing. */
	assert_int_equal(merge(f, c, "b.db", &s), 0);
	assert_int_equal(s.unchanged, 1);
	assert_int_equal(s.conflicts, 0);
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.unchanged, 1);
	assert_int_equal(count_interviews(c), 2);
	store_close(c);
}

static void
test_complete_superset_wins(void **state)
{
	struct fix *f = *state;
	struct store *a, *c;
	struct store_merge_stats s;
	char u[37];

	c = merged_once(f, 0, u);
	assert_int_equal(count_answers(c, u), 2);
	/* The laptop goes on and completes the interview. */
	a = open_db(f, "a.db");
	put_int(a, u, 1, "c", 3);
	assert_int_equal(store_interview_set_status(a, u, "complete"), 0);
	store_close(a);
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.updated, 1);
	assert_int_equal(s.conflicts, 0);
	assert_int_equal(count_answers(c, u), 3);
	assert_int_equal(count_interviews(c), 1);
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.unchanged, 1);
	store_close(c);
}

/* The laptop changes an answer of a partial interview merged earlier,
 * still partial: by the answers a conflict, by the audit log the same
 * interview gone on, so an update; the earlier snapshot is then older. */
static void
test_log_continuation(void **state)
{
	struct fix *f = *state;
	struct store *a, *c;
	struct store_merge_stats s;
	char u[37];

	c = merged_once(f, 0, u);
	copy_file(path(f, "a.db"), path(f, "old.db"), -1);
	a = open_db(f, "a.db");
	put_int(a, u, 0, "b", 99);
	store_close(a);
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.updated, 1);
	assert_int_equal(s.conflicts + s.unchanged + s.added, 0);
	assert_int_equal(merge(f, c, "old.db", &s), 0);
	assert_int_equal(s.unchanged, 1);
	assert_int_equal(s.conflicts + s.updated + s.added, 0);
	assert_int_equal(count_interviews(c), 1);
	store_close(c);
}

/* An answer changed and changed back after a merge: the same answers,
 * but two more events, which the central log gets (once). */
static void
test_log_events_only(void **state)
{
	struct fix *f = *state;
	struct store *a, *c;
	struct store_merge_stats s;
	char u[37];
	int before;

	c = merged_once(f, 1, u);
	before = count_log(c, u);
	a = open_db(f, "a.db");
	put_int(a, u, 0, "b", 7);
	put_int(a, u, 0, "b", 2);
	store_close(a);
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.updated, 1);
	assert_int_equal(s.unchanged + s.conflicts + s.added, 0);
	assert_int_equal(count_log(c, u), before + 2);
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.unchanged, 1);
	assert_int_equal(count_log(c, u), before + 2);
	store_close(c);
}

static void
test_versions_apart(void **state)
{
	struct fix *f = *state;
	struct store *a = open_db(f, "a.db"), *b = open_db(f, "b.db"), *c;
	struct store_merge_stats s;
	struct store_interview iv;
	char u1[37], u2[37];

	add_iv(a, add_q(a, Q_SRC), 1, u1);
	add_iv(b, add_q(b, Q_SRC2), 1, u2);
	store_close(a);
	store_close(b);
	c = open_db(f, "c.db");
	add_q(c, Q_SRC2);	/* row 1 in c is version 2 */
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	assert_int_equal(s.questionnaires, 1);
	assert_int_equal(merge(f, c, "b.db", &s), 0);
	assert_int_equal(s.questionnaires, 0);
	assert_int_equal(store_interview_get(c, u1, &iv), 0);
	assert_int_equal(iv.questionnaire, 2);
	store_interview_release(&iv);
	assert_int_equal(store_interview_get(c, u2, &iv), 0);
	assert_int_equal(iv.questionnaire, 1);
	store_interview_release(&iv);
	store_close(c);
}

/* Copied while the laptop had it open: the last answers are only in the
 * write-ahead log beside it. */
static void
test_with_wal(void **state)
{
	struct fix *f = *state;
	struct store *a = open_db(f, "a.db"), *c;
	struct store_merge_stats s;
	char u[37];
	struct stat sb;

	add_iv(a, add_q(a, Q_SRC), 1, u);
	copy_file(path(f, "a.db"), path(f, "w.db"), -1);
	copy_file(path(f, "a.db-wal"), path(f, "w.db-wal"), -1);
	store_close(a);
	assert_int_equal(stat(path(f, "w.db-wal"), &sb), 0);
	assert_true(sb.st_size > 0);
	c = open_db(f, "c.db");
	assert_int_equal(merge(f, c, "w.db", &s), 0);
	assert_int_equal(s.added, 1);
	assert_int_equal(count_answers(c, u), 3);
	store_close(c);
}

static void
refused(struct fix *f, const char *name, const char *words)
{
	struct store_merge_stats s;
	struct store *c;
	char before[65], after[65];

	file_hash(path(f, "c.db"), before);
	c = open_db(f, "c.db");
	assert_int_equal(merge(f, c, name, &s), -1);
	if (strstr(store_errmsg(c), words) == NULL ||
	    strstr(store_errmsg(c), name) == NULL)
		fail_msg("'%s': unexpected message: %s", name,
		    store_errmsg(c));
	assert_int_equal(s.added + s.unchanged, 0);
	store_close(c);
	file_hash(path(f, "c.db"), after);
	assert_string_equal(before, after);
}

static void
test_hostile_refused(void **state)
{
	struct fix *f = *state;
	struct store *a = open_db(f, "a.db"), *c;
	struct store_merge_stats s;
	char u[37];
	int64_t q = add_q(a, Q_SRC);
	FILE *fp;
	int i;

	for (i = 0; i < 40; i++)
		add_iv(a, q, 1, u);
	store_close(a);
	c = open_db(f, "c.db");
	assert_int_equal(merge(f, c, "a.db", &s), 0);
	store_close(c);

	copy_file(path(f, "a.db"), path(f, "trunc.db"), 12000);
	refused(f, "trunc.db", "damaged");
	fp = fopen(path(f, "random.db"), "wb");
	for (i = 0; i < 8192; i++)
		fputc((int)sec_random(256), fp);
	fclose(fp);
	refused(f, "random.db", "not an SQLite database");
	/* An empty file is an empty SQLite database, but not ours. */
	fclose(fopen(path(f, "empty.db"), "wb"));
	refused(f, "empty.db", "not an lcsurvey");
	refused(f, "missing.db", "cannot read");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_idempotent),
		T(test_conflict_kept),
		T(test_complete_superset_wins),
		T(test_log_continuation),
		T(test_log_events_only),
		T(test_versions_apart),
		T(test_with_wal),
		T(test_hostile_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
