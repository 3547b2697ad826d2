/*
 * fuzz_merge.c: libFuzzer harness for `lcsurvey merge`, whose inputs are
 * database files from laptops: damaged, truncated or made by hand
 * (issue 7: "each input is treated as untrusted"). The input's bytes are
 * written to a file and merged into one target database, which every
 * input goes into in turn, through store_merge() as the command calls it.
 * The seeds are small lcsurvey files of surveys/example.yaml.
 *
 * Beyond "no crash, no sanitizer report", store.h's promise holds: a
 * refused input leaves the target exactly as it was (its rows' digest,
 * read through a connection of the harness's own), an accepted one
 * leaves it consistent (quick_check and foreign_key_check clean).
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "store.h"

static char dir[4096], input[4200], target[4200];
static struct store *st;
static sqlite3 *peek;	/* the harness's own view of the target */

static void
cleanup(void)
{
	char side[4300];

	store_close(st);
	sqlite3_close(peek);
	remove(input);
	remove(target);
	snprintf(side, sizeof side, "%s-wal", target);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", target);
	remove(side);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	char *err = NULL;

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/fuzz-merge.XXXXXX",
	    tmp != NULL ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("fuzz_merge: mkdtemp");
		exit(1);
	}
	snprintf(input, sizeof input, "%s/input.db", dir);
	snprintf(target, sizeof target, "%s/target.db", dir);
	if (store_open(&st, target, &err) != 0) {
		fprintf(stderr, "fuzz_merge: %s\n", err);
		exit(1);
	}
	if (sqlite3_open_v2(target, &peek, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "fuzz_merge: cannot open %s\n", target);
		exit(1);
	}
	atexit(cleanup);
	return 0;
}

/* Every row of the target, summed up: equal digests, equal tables. */
static void
digest(char *out, size_t size)
{
	static const char sql[] =
	    "SELECT (SELECT count(*) || ':' || total(length(uuid || status || "
	    "ifnull(ended_at, ''))) FROM interviews) || '/' || "
	    "(SELECT count(*) || ':' || total(length(ifnull(value, '') || "
	    "ifnull(missing, ''))) || ':' || total(seq) FROM answers) || '/' "
	    "|| (SELECT count(*) || ':' || total(seq) FROM answer_log) || '/' "
	    "|| (SELECT count(*) FROM questionnaires) || '/' || "
	    "(SELECT count(*) || ':' || total(length(name || value)) "
	    "FROM meta)";
	sqlite3_stmt *s;

	REQUIRE(sqlite3_prepare_v2(peek, sql, -1, &s, NULL) == SQLITE_OK);
	REQUIRE(sqlite3_step(s) == SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

/* The first row of a check on the target. */
static int
clean(const char *sql, const char *ok)
{
	sqlite3_stmt *s;
	int rc, good;

	REQUIRE(sqlite3_prepare_v2(peek, sql, -1, &s, NULL) == SQLITE_OK);
	rc = sqlite3_step(s);
	good = ok == NULL ? rc == SQLITE_DONE : rc == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(s, 0), ok) == 0;
	if (!good)
		fprintf(stderr, "%s: %s\n", sql, rc == SQLITE_ROW ?
		    (const char *)sqlite3_column_text(s, 0) : "(no row)");
	sqlite3_finalize(s);
	return good;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store_merge_stats stats;
	char before[512], after[512];
	FILE *fp;

	fp = fopen(input, "wb");
	REQUIRE(fp != NULL);
	REQUIRE(fwrite(data, 1, size, fp) == size);
	REQUIRE(fclose(fp) == 0);
	digest(before, sizeof before);
	if (store_merge(st, input, &stats, NULL, NULL) != 0) {
		REQUIRE(store_errmsg(st)[0] != '\0');
		digest(after, sizeof after);
		REQUIRE(strcmp(before, after) == 0);
	} else {
		REQUIRE(clean("PRAGMA quick_check", "ok"));
		REQUIRE(clean("PRAGMA foreign_key_check", NULL));
	}
	return 0;
}
