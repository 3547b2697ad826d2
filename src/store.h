/*
 * store.h: the interview database (SQLite), the one place answers are kept.
 *
 * A store is one open database file. Every write that matters is its own
 * transaction, committed (WAL, synchronous=FULL) before the function
 * returns, so a laptop that loses power mid-interview loses at most the
 * answer being typed. The file format is documented in lcsurvey-store(5).
 *
 * Conventions for every function below: 0 on success, -1 on failure with
 * a message for store_errmsg() (nothing is printed, nothing exits; a
 * failed write leaves the database as it was). Strings are UTF-8 and
 * borrowed unless the comment says "caller frees". A store is used from
 * one thread at a time. Callbacks given to the iteration functions must
 * not call back into the same store; they return 0 to go on, or any other
 * value to stop, which the iteration function then returns (use positive
 * values, since -1 means a store error).
 */
#ifndef LCSURVEY_STORE_H
#define LCSURVEY_STORE_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* Schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 5

#define STORE_UUID_LEN 36	/* text form, without the NUL */
#define STORE_TIME_LEN 24	/* "2024-05-01T12:34:56.789Z" */

/* Interview statuses, as indexes into store_count_by_status()'s counts. */
enum store_status { STORE_PARTIAL, STORE_COMPLETE, STORE_ABANDONED };

/*
 * Opens (creating if needed) the database at path and migrates its schema
 * forward to STORE_SCHEMA_VERSION. Refuses, without changing the file, a
 * file that is not an SQLite database, fails PRAGMA quick_check, belongs
 * to another application, or has a schema newer than this build knows.
 * The parent directory must exist (creating it is the caller's job).
 * Calls sec_init() itself. On success *out is the store (free it with
 * store_close) and *errmsg is NULL; on failure *out is NULL and *errmsg a
 * message naming the file, which the caller frees.
 */
int store_open(struct store **out, const char *path, char **errmsg);
/*
 * The same without PRAGMA quick_check, whose time grows with the file:
 * for the interview screens, which paint first and then call
 * store_verify() before anything is written. A file that is not SQLite is
 * still refused.
 */
int store_open_unchecked(struct store **out, const char *path,
    char **errmsg);
/* PRAGMA quick_check on st's file; -1 with a message naming the file. */
int store_verify(struct store *st);
/* Closes the database and frees st; NULL is a no-op. */
void store_close(struct store *st);
/* The path st was opened with. */
const char *store_path(const struct store *st);
/* The message of the last failure, valid until the next call on st. */
const char *store_errmsg(const struct store *st);

/* The settings in effect on st's connection, read back from SQLite. */
struct store_settings {
	char journal_mode[16];	/* "wal" */
	int synchronous;	/* 2: FULL */
	int foreign_keys;	/* 1 */
	int busy_timeout_ms;
	int user_version;
};
int store_settings(struct store *st, struct store_settings *out);

/* This database file's device id, made once when the file was created. */
int store_device_id(struct store *st, char out[37]);

/*
 * Insert-or-find of a questionnaire's exact source bytes. hash must be the
 * lowercase hex SHA-256 of src[0..len) (it is checked); survey_id and
 * version are recorded the first time only. *rowid receives the row id,
 * the same for the same bytes however often they are stored.
 */
int store_questionnaire(struct store *st, const char *survey_id,
    const char *version, const char *hash, const void *src, size_t len,
    int64_t *rowid);
/*
 * The source bytes and hash of questionnaire rowid. *src (NUL-terminated
 * for convenience; *len excludes the NUL) and *hash: caller frees. Either
 * of len and hash may be NULL. Fails if there is no such row.
 */
int store_questionnaire_source(struct store *st, int64_t rowid, char **src,
    size_t *len, char **hash);

/*
 * A new interview UUID into out[37]: version 8, the device's first 8 hex
 * digits, the time in milliseconds, 42 random bits (lcsurvey-store(5)).
 */
void store_uuid_new(struct store *st, char out[37]);

/*
 * Starts a partial interview of questionnaire qrow, taken on this device,
 * and writes its new UUID (store_uuid_new) to uuid_out. mode is
 * "interview", "kiosk", "import" or "simulate"; enumerator and lang may be
 * NULL.
 */
int store_interview_new(struct store *st, int64_t qrow,
    const char *enumerator, const char *lang, const char *mode,
    char uuid_out[37]);
/* The same with the caller's UUID (from sec_uuid), so that an interview
 * can have its id before its row exists (see session_begin). */
int store_interview_create(struct store *st, const char *uuid, int64_t qrow,
    const char *enumerator, const char *lang, const char *mode);
/*
 * Sets status to "partial", "complete" or "abandoned". complete and
 * abandoned set ended_at to now; partial (reopening) clears it. A change
 * of status is logged (store_interview_set_status_ex, without a reason).
 */
int store_interview_set_status(struct store *st, const char *uuid,
    const char *status);
/* Sets the sample-design fields; NULL clears one. weight must be > 0. */
int store_interview_set_design(struct store *st, const char *uuid,
    const char *stratum, const char *cluster, const char *household,
    const double *weight);
int store_interview_set_language(struct store *st, const char *uuid,
    const char *lang);

/*
 * One interview. Strings are NULL when the column is NULL; ended_at is ""
 * while the interview is partial.
 */
struct store_interview {
	char uuid[37];
	int64_t questionnaire;
	char status[12];
	char started_at[32], ended_at[32], updated_at[32];
	char device[37];
	char *survey_id, *version;	/* of the questionnaire row */
	char *enumerator, *language, *mode;
	char *stratum, *cluster, *household;
	int has_weight;
	double weight;
	int nanswers;
};
/* Fills *out (release it with store_interview_release); fails if no such
 * interview. */
int store_interview_get(struct store *st, const char *uuid,
    struct store_interview *out);
/* Frees the strings of *iv; a zeroed struct is fine. */
void store_interview_release(struct store_interview *iv);
/*
 * Calls fn for each interview of questionnaire qrow (0: of every
 * questionnaire), newest started first. The struct is the store's and is
 * valid during the call only.
 */
int store_interviews_list(struct store *st, int64_t qrow,
    int (*fn)(void *ctx, const struct store_interview *iv), void *ctx);
/*
 * counts[STORE_PARTIAL..STORE_ABANDONED] for questionnaire qrow (0: all).
 * day ("YYYY-MM-DD", a local calendar date in the process's time zone) or
 * NULL for all time: complete and abandoned interviews count on the day
 * they ended, partial ones on the day they started.
 */
int store_count_by_status(struct store *st, int64_t qrow, const char *day,
    int counts[3]);

/*
 * An answer's value. The store keeps SQLite's dynamic typing, so the type
 * read back is the type written: STORE_INT for integer, single-choice,
 * yes/no and rating codes; STORE_REAL for decimals (bit-exact); STORE_TEXT
 * for text, dates ("YYYY-MM-DD") and multiple choice (codes separated by
 * one space, in list order: "1 3"). text is text[0..len), valid UTF-8
 * without NUL bytes. missing is NULL, "dont_know" or "refused"; with a
 * missing code type must be STORE_NULL. STORE_NULL without a missing code
 * is "no value" (a calculation with no result).
 */
enum store_vtype { STORE_NULL, STORE_INT, STORE_REAL, STORE_TEXT };
struct store_value {
	enum store_vtype type;
	int64_t i;
	double r;
	const char *text;
	size_t len;
	const char *missing;
};

/* An answer as read back; every pointer is valid during the callback only. */
struct store_answer {
	const char *interview;	/* UUID */
	int member;		/* 0 outside rosters, 1..n for roster members */
	const char *question;
	struct store_value value;
	const char *answered_at;
	double seconds;		/* -1 when not measured */
	int64_t seq;		/* order of writing in this database */
	int confirmed;		/* 1: kept although its soft check failed */
};

/*
 * Records (or overwrites) the answer to question for member of interview
 * uuid, with seconds spent on it (< 0: not measured), gives it the next
 * sequence number, logs the change (store_answer_put_ex with no options)
 * and bumps the interview's updated_at: one transaction, durably committed
 * when this returns 0.
 */
int store_answer_put(struct store *st, const char *uuid, int member,
    const char *question, const struct store_value *v, double seconds);
/* Removes that answer, if any (logging it), and bumps updated_at. */
int store_answer_clear(struct store *st, const char *uuid, int member,
    const char *question);
/* Calls fn for each answer of interview uuid, in the order written. */
int store_answers_foreach(struct store *st, const char *uuid,
    int (*fn)(void *ctx, const struct store_answer *a), void *ctx);
/*
 * The aggregator's bulk read: one pass over every answer of the complete
 * interviews of questionnaire qrow (and of the partial ones too if
 * include_partial), grouped by interview and ordered by member, question
 * within it, straight off the indexes (no sort).
 */
int store_scan_answers(struct store *st, int64_t qrow, int include_partial,
    int (*fn)(void *ctx, const struct store_answer *a), void *ctx);

/* ---- bulk access: the aggregator's scan and CSV import ------------------
 *
 * Added for `aggregate` and `import` (issue 5); kept apart from the
 * interactive API above, whose one-transaction-per-answer rule these
 * functions deliberately do not follow.
 */

/*
 * Like store_open, for commands that read a whole database in one pass
 * (aggregate): skips PRAGMA quick_check, which reads every page and so
 * costs as much as the pass itself on a large file. A damaged page is then
 * reported by the read that meets it instead of at open.
 */
int store_open_scan(struct store **out, const char *path, char **errmsg);

/* Row id of the questionnaire with this source hash in *rowid, 0 when the
 * database has none (not an error). */
int store_questionnaire_lookup(struct store *st, const char *hash,
    int64_t *rowid);

/* An interview's sample-design fields, as the scan hands them over. */
struct store_design {
	int64_t interview;		/* row id: changes with each interview */
	const char *stratum, *cluster;	/* NULL when not set */
	int has_weight;
	double weight;
};
/*
 * Like store_scan_answers, with the interview's design fields alongside
 * each answer and only the columns the aggregator reads: a->interview and
 * a->answered_at are NULL, a->seconds -1 and a->seq 0. All pointers are
 * valid during the call only. Interviews come in UUID order, each one's
 * answers together, but in no promised order within the interview.
 * ahead (may be NULL) is told of each interview's design fields a few
 * interviews before its answers come, and for interviews without answers
 * too: time to prefetch what they will need.
 */
int store_scan_design(struct store *st, int64_t qrow, int include_partial,
    int (*fn)(void *ctx, const struct store_design *iv,
    const struct store_answer *a),
    void (*ahead)(void *ctx, const struct store_design *next), void *ctx);

/*
 * Bulk import: every interview and answer added between begin and commit
 * is one transaction, so a failed import leaves the database as it was.
 * Imported interviews are complete, mode "import", started and ended at
 * the time of the import, and get UUIDs that sort in the order they are
 * added (store_uuid_new's, counting up), so that they are appended to the
 * tables' B-trees rather than scattered. While an import is open, use no
 * other function on the same store.
 */
struct store_import;
/*
 * Starts an import into *out of interviews of the questionnaire with
 * these source bytes (hash as for store_questionnaire, which is checked),
 * recording the questionnaire inside the import's transaction when the
 * database does not have it yet; its row id goes to *qrow (may be NULL).
 */
int store_import_begin(struct store *st, const char *survey_id,
    const char *version, const char *hash, const void *src, size_t len,
    int64_t *qrow, struct store_import **out);
/*
 * Like store_open, without SQLite's locking around every call, which only
 * a connection shared between threads needs: for the import, which makes
 * several calls per answer.
 */
int store_open_import(struct store **out, const char *path, char **errmsg);
/* Adds a complete interview with the given design fields (NULL: unset;
 * weight must be > 0); its UUID goes to uuid_out (may be NULL). Rows are
 * written in batches, so a failure to write one may be reported by a later
 * call or by the commit. */
int store_import_interview(struct store_import *im, const char *stratum,
    const char *cluster, const char *household, const double *weight,
    char uuid_out[37]);
/* Adds an answer to the interview added last. Answers are best given in
 * (member, question) order, the table's key order. question must stay
 * valid until the commit or abort (the value's text is copied). */
int store_import_answer(struct store_import *im, int member,
    const char *question, const struct store_value *v);
/* Commits and frees im. On failure nothing was written, im is freed too,
 * and store_errmsg() says why. */
int store_import_commit(struct store_import *im);
/* Rolls back and frees im; NULL is a no-op. */
void store_import_abort(struct store_import *im);

/* ---- field operations: merge, microdata, field report (issue 7) ---------
 *
 * store-merge.c, store-export.c and store-report.c. Merging is described
 * in lcsurvey-store(5), MERGING.
 */

/* The largest input file store_merge reads (2 GiB). */
#define STORE_MERGE_MAX_BYTES ((int64_t)2 << 30)

/* What store_merge did with one input file, counted in interviews. */
struct store_merge_stats {
	long added;		/* new to the target */
	long unchanged;		/* already there, the same or a newer version */
	long updated;		/* replaced by the input's newer, complete version */
	long conflicts;		/* both kept: the input's under a new UUID */
	long questionnaires;	/* questionnaire versions new to the target */
};
/*
 * Merges the interviews of the lcsurvey database file at path into st, in
 * one transaction: on failure st is as it was and store_errmsg() says why
 * the input was refused (it names the input). The input is read through a
 * read-only connection and checked as untrusted: size, integrity, owner,
 * schema (same version as st, same tables), questionnaire hashes, lengths
 * of values. For each conflict, after the commit, conflict (may be NULL)
 * gets the interview's UUID and the UUID its incoming version was kept
 * under. *stats is filled on success and zeroed on failure.
 */
int store_merge(struct store *st, const char *path,
    struct store_merge_stats *stats,
    void (*conflict)(void *ctx, const char *uuid, const char *copy),
    void *ctx);

/*
 * The microdata exporter's read: the interviews of questionnaire qrow (the
 * complete ones; all of them if all_statuses) in UUID order, each with its
 * answers in (member, question) order. fn is called once per interview
 * with a == NULL, then once per answer. iv->survey_id, iv->version and
 * iv->nanswers are not filled. Everything is valid during the call only.
 */
int store_export_scan(struct store *st, int64_t qrow, int all_statuses,
    int (*fn)(void *ctx, const struct store_interview *iv,
    const struct store_answer *a), void *ctx);

/* The field report's reads (store-report.c), over every interview. day is
 * the local calendar date the interview started on, "YYYY-MM-DD";
 * enumerator is "" when none was recorded. */
struct store_report_interview {
	const char *day, *enumerator, *status;
	double duration;	/* seconds from start to end; -1 when partial */
};
/* Calls fn for each interview, ordered by day and enumerator. */
int store_report_interviews(struct store *st,
    int (*fn)(void *ctx, const struct store_report_interview *iv),
    void *ctx);
struct store_report_answer {
	const char *day, *enumerator, *question;
	double seconds;		/* -1 when not measured */
	const char *missing;	/* NULL, "dont_know" or "refused" */
};
/* Calls fn for each answer, ordered by day, enumerator and question. */
int store_report_answers(struct store *st,
    int (*fn)(void *ctx, const struct store_report_answer *a), void *ctx);

/*
 * Batches, for writers of many interviews at once (simulate, import):
 * every write between store_batch_begin and store_batch_commit goes into
 * one transaction instead of one each, so thousands of interviews cost
 * one sync instead of one per answer. Inside a batch a failed write rolls
 * the whole batch back, and store_batch_commit then fails.
 */
int store_batch_begin(struct store *st);
int store_batch_commit(struct store *st);

/* ---- audit trail (issue 10) ----------------------------------------------
 *
 * Every change to an answer and every change of an interview's status is
 * appended to the table answer_log in the same transaction as the change
 * itself; lcsurvey-store(5), AUDIT TRAIL, describes the events. Nothing
 * here rewrites or deletes a log row.
 */

/* What store_answer_put_ex and store_answer_clear_ex record besides the
 * value. A zeroed struct (or NULL) is a plain answer. */
struct store_put_opts {
	int confirmed;		/* kept although its soft check failed */
	const char *reason;	/* why a finished interview is edited, or NULL */
};
/*
 * store_answer_put with options: o->confirmed is stored with the answer
 * (answers.confirmed) and the log row; o->reason with the log row. Logs
 * "answer" when the question had no answer, "change" when the value or
 * missing code differs, "confirm" when only the confirmation does, and
 * nothing when the same answer is saved again.
 */
int store_answer_put_ex(struct store *st, const char *uuid, int member,
    const char *question, const struct store_value *v, double seconds,
    const struct store_put_opts *o);
/* store_answer_clear with a reason (o->confirmed is ignored); logs
 * "clear" when there was an answer to remove. */
int store_answer_clear_ex(struct store *st, const char *uuid, int member,
    const char *question, const struct store_put_opts *o);
/*
 * store_interview_set_status with a reason (NULL: none) for the log row.
 * A change of status is logged as "complete", "abandon" or "reopen" (back
 * to partial); setting the status an interview already has logs nothing.
 */
int store_interview_set_status_ex(struct store *st, const char *uuid,
    const char *status, const char *reason);
/*
 * Makes a complete or abandoned interview partial again so that it can be
 * edited, logging "reopen" with reason, which must not be empty. Fails
 * for an interview that is already partial.
 */
int store_interview_reopen(struct store *st, const char *uuid,
    const char *reason);
/*
 * The reason of the reopening an interview is still under (it is partial
 * and its last status event is a reopening), so that a resumed session
 * goes on logging it. *reason: caller frees; NULL when there is none.
 */
int store_interview_reopen_reason(struct store *st, const char *uuid,
    char **reason);
/*
 * The interview whose UUID is prefix or begins or ends with it (at least
 * 8 characters, case-insensitive), in uuid_out. Fails with a message when
 * none or several match.
 */
int store_interview_find(struct store *st, const char *prefix,
    char uuid_out[37]);

/* One row of answer_log; every pointer is valid during the callback only. */
struct store_log_entry {
	int64_t seq;		/* this file's sequence number (meta.seq) */
	const char *at;		/* UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ" */
	const char *device;	/* UUID of the device that wrote it */
	const char *interview;
	int member;		/* -1 for status events */
	const char *question;	/* NULL for status events */
	const char *event;	/* answer change confirm clear complete
				 * abandon reopen */
	/* Before and after: has_old is 0 for "answer" (no answer before),
	 * has_new 0 for "clear". Status events hold the old and new status
	 * as text. */
	int has_old, has_new;
	struct store_value old_value, new_value;
	int confirmed;		/* the new value was confirmed */
	const char *reason;	/* NULL when none was given */
	int clock_backwards;	/* at is earlier than the device's last event */
};
/* Calls fn for each log row of interview uuid, in sequence order. */
int store_log_foreach(struct store *st, const char *uuid,
    int (*fn)(void *ctx, const struct store_log_entry *e), void *ctx);

/* ---- kiosk (issue 6) -------------------------------------------------------
 *
 * store-kiosk.c. The kiosk's staff PIN is kept as a hash (sec_pin_hash)
 * in the meta table, apart from the interviews and answers: exports and
 * merges never carry it.
 */

/* Records hash as this database's kiosk PIN, replacing any earlier one. */
int store_kiosk_pin_set(struct store *st, const char *hash);
/* The kiosk PIN's hash in *hash (caller frees), or NULL when no PIN has
 * been set (not an error). */
int store_kiosk_pin_get(struct store *st, char **hash);
/*
 * Caps st's page cache at kib KiB (SQLite's default is 2 MiB). A kiosk
 * runs for days and writes little: a small cap is reached within the
 * first few dozen respondents, after which its memory stays flat.
 */
int store_kiosk_limit_cache(struct store *st, int kib);

/* ---- weights (issue 11) ----------------------------------------------------
 *
 * store-weights.c. `lcsurvey weights` stores one run of weights per call;
 * the newest run of a questionnaire is the one `aggregate` reads. See
 * lcsurvey-weights(1) and lcsurvey-store(5).
 */

/* How a run's weights were made. */
struct store_weight_run {
	int64_t questionnaire;
	const char *method;	/* "base", "poststratify" or "rake" */
	const char *inputs;	/* "NAME SHA256" per input file, one a line */
	int iterations;
	double max_change;
	int converged;
	long trimmed;
	/* Calibration cells: level[k * nmargins + m] is cell k's level in
	 * margin m (none for "base"). */
	size_t ncells, nmargins;
	const size_t *level;
};
/*
 * Stores a run and the weight and calibration cell of each of n
 * interviews (UUIDs), in one transaction; its id goes to *run_id (may be
 * NULL).
 */
int store_weights_save(struct store *st, const struct store_weight_run *run,
    size_t n, const char *const *uuids, const double *weight,
    const size_t *cell, int64_t *run_id);

/* The newest run of a questionnaire, as aggregate reads it. */
struct store_weights {
	int64_t run;		/* 0: the questionnaire has no run */
	char method[16];
	size_t ncells, nmargins;
	size_t *level;		/* ncells * nmargins */
	size_t n;		/* interviews, sorted by rowid */
	int64_t *rowid;		/* as store_design.interview */
	double *weight;
	size_t *cell;
};
/* Fills *out (release with store_weights_release, also after failure). */
int store_weights_load(struct store *st, int64_t qrow,
    struct store_weights *out);
void store_weights_release(struct store_weights *w);
/* The index of rowid in w, or -1. */
long store_weights_find(const struct store_weights *w, int64_t rowid);

#endif
